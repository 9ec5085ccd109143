/* test_guard_recorder.c — guard/recorder.c, the flight recorder: its
 * cadence by how near the scopes are to their thresholds (recorder_plan,
 * moved here from test_guard_monitor.c), snapshots of this machine taken
 * into a fixed ring (meminfo and PSI each time, vmstat and buddyinfo when
 * full, the largest tasks when asked; the oldest overwritten), the last
 * one, and the JSON of the last seconds.  The recorder in an incident
 * file: test_guard_evidence.c and tests/e2e/guard_cgroup.sh. */
#include <fcntl.h>
#include <unistd.h>

#include "check.h"
#include "guard/guard.h"
#include "json_valid.h"

/* The recorder's cadence: what each second's snapshot holds, by how near
 * the scopes are to their SIGTERM thresholds. */
TEST(recorder_plan)
{
	static struct guard_scope sc[2];
	bool full, tasks;
	int nfull;
	sc[0].term_kib = sc[1].term_kib = 1000;
	/* Calm (every scope ≥ 4× its threshold): vmstat/buddyinfo every 15th. */
	sc[0].avail_kib = 4000;
	sc[1].avail_kib = 9000;
	nfull = 0;
	for (uint64_t t = 0; t < 60; t++) {
		guard_recorder_plan(sc, 2, t, &full, &tasks);
		nfull += full;
		CHECK(!tasks);
		CHECK_INT(full, t % 15 == 0);
	}
	CHECK_INT(nfull, 4);
	/* One scope between 2× and 4×: every 5th, still no task scan. */
	sc[1].avail_kib = 3999;
	nfull = 0;
	for (uint64_t t = 0; t < 60; t++) {
		guard_recorder_plan(sc, 2, t, &full, &tasks);
		nfull += full;
		CHECK(!tasks);
	}
	CHECK_INT(nfull, 12);
	/* One scope within 2×: everything, every second. */
	sc[1].avail_kib = 1999;
	for (uint64_t t = 0; t < 30; t++) {
		guard_recorder_plan(sc, 2, t, &full, &tasks);
		CHECK(full && tasks);
	}
	/* A scope whose level is unknown is never calm, and not near. */
	sc[1].avail_kib = OOM_NA;
	nfull = 0;
	for (uint64_t t = 0; t < 60; t++) {
		guard_recorder_plan(sc, 2, t, &full, &tasks);
		nfull += full;
		CHECK(!tasks);
	}
	CHECK_INT(nfull, 12);
	/* No scope at all (nothing to be near): the calm cadence. */
	guard_recorder_plan(sc, 0, 15, &full, &tasks);
	CHECK(full && !tasks);
	guard_recorder_plan(sc, 0, 5, &full, &tasks);
	CHECK(!full);
}

TEST(ring)
{
	struct guard_recorder r;
	memset(&r, 0, sizeof(r));
	CHECK_INT(guard_recorder_init(&r, 3, 4), 0);
	CHECK(guard_recorder_last(&r) == NULL);                 /* nothing taken yet */
	int proc = open("/proc", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	static struct guard_taskset ts;
	memset(&ts, 0, sizeof(ts));
	CHECK_INT(guard_taskset_init(&ts), 0);
	static struct guard_scope sc;
	memset(&sc, 0, sizeof(sc));
	sc.kind = SCOPE_MACHINE;
	snprintf(sc.name, sizeof(sc.name), "machine");
	sc.dirfd = -1;
	sc.avail_kib = 12345;
	/* a plain snapshot, then a full one with tasks */
	CHECK_INT(guard_recorder_take(&r, &sc, 1, proc, false, NULL), 0);
	const struct guard_rec *s = guard_recorder_last(&r);
	CHECK(s != NULL);
	if (s) {
		CHECK(known(s->mem_total) && s->mem_total > 0);
		CHECK_INT(s->mem_total, check_proc_kib("/proc/meminfo", "MemTotal"));   /* an independent reading */
		CHECK(!known(s->pgscan_direct));                       /* not full: vmstat unknown */
		CHECK_INT(s->nr_tasks, 0);
		CHECK_INT(s->nr_scopes, 1);
		CHECK_INT(s->scope_avail_kib[0], 12345);
	}
	CHECK_INT(guard_recorder_take(&r, &sc, 1, proc, true, &ts), 0);
	s = guard_recorder_last(&r);
	CHECK(s && known(s->oom_kill));                          /* full: vmstat read */
	CHECK(s && s->nr_tasks >= 1 && s->nr_tasks <= 4);
	/* a ring of 3: the fourth and fifth overwrite the oldest */
	for (int i = 0; i < 3; i++)
		CHECK_INT(guard_recorder_take(&r, &sc, 1, proc, false, NULL), 0);
	CHECK_INT(r.count, 3);
	CHECK_INT(r.taken_total, 5);
	/* the JSON of the last seconds: an array of at most 3 snapshots */
	char *out = NULL;
	size_t n = 0;
	FILE *f = open_memstream(&out, &n);
	struct json j;
	json_init(&j, f, false);
	json_obj_begin(&j, NULL);
	guard_recorder_json(&r, &j, "recorder", 60);
	json_obj_end(&j);
	json_end(&j);
	fclose(f);
	CHECK(json_valid(out, n));
	CHECK(strstr(out, "\"recorder\"") != NULL);
	free(out);
	guard_taskset_release(&ts);
	guard_recorder_release(&r);
	close(proc);
	/* off (0 seconds): nothing allocated, nothing taken */
	memset(&r, 0, sizeof(r));
	CHECK_INT(guard_recorder_init(&r, 0, 4), 0);
	CHECK(guard_recorder_last(&r) == NULL);
	guard_recorder_release(&r);
}

int main(void)
{
	RUN(recorder_plan);
	RUN(ring);
	return check_summary();
}
