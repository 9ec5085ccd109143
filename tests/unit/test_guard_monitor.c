/* test_guard_monitor.c — the scope readers on captured cgroup directories
 * (tests/fixtures/guard/cgv1, cgv2, cgv2max): available memory = limit −
 * usage + file LRU (hierarchical total_* keys on v1), the levels against
 * the thresholds, the kernel's kill counters, PSI, the polling interval. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check.h"
#include "guard/guard.h"
#include "live/live.h"

static int open_fixture(struct guard_scope *sc, const char *name)
{
	char path[512], err[256];
	snprintf(path, sizeof(path), "%s/tests/fixtures/guard/%s", check_srcdir(), name);
	return guard_scope_open(sc, path, err, sizeof(err));
}

TEST(cgroup_v2)
{
	struct guard_scope sc;
	struct guard_config c;
	char err[256];
	guard_config_defaults(&c);
	CHECK_INT(guard_config_finish(&c, err, sizeof(err)), 0);
	if (open_fixture(&sc, "cgv2") != 0) {
		SKIP("fixture missing");
		return;
	}
	CHECK_INT(sc.kind, SCOPE_CGROUP_V2);
	CHECK_INT(guard_scope_read(&sc, &c), LEVEL_OK);
	CHECK_INT(sc.total_kib, 262144);
	CHECK_INT(sc.usage_kib, 225280);
	CHECK_INT(sc.file_kib, 20480);
	CHECK_INT(sc.avail_kib, 262144 - 225280 + 20480);
	CHECK_INT(sc.term_kib, 26214);
	CHECK_INT(sc.kill_kib, 13107);
	CHECK_INT(sc.kernel_oom_kills, 1);
	CHECK(sc.psi.known);
	CHECK(sc.psi.full_avg10 > 9.99 && sc.psi.full_avg10 < 10.01);
	CHECK_INT(guard_scope_poll_ms(&sc, &c), 10);
	/* a higher term threshold: below it */
	c.cgroup_term_percent = 25;
	CHECK_INT(guard_scope_read(&sc, &c), LEVEL_TERM);
	CHECK_INT(sc.crossings_total, 1);
	CHECK(sc.crossed_ns != 0);
	CHECK_INT(guard_scope_poll_ms(&sc, &c), c.poll_min_ms);
	/* PSI full avg10 at the configured percentage acts as the term level */
	c.cgroup_term_percent = 10;
	CHECK_INT(guard_scope_read(&sc, &c), LEVEL_OK);
	c.psi_full_avg10_percent = 10;
	CHECK_INT(guard_scope_read(&sc, &c), LEVEL_TERM);
	guard_scope_close(&sc);
}

TEST(cgroup_v1_uses_hierarchical_totals)
{
	struct guard_scope sc;
	struct guard_config c;
	char err[256];
	guard_config_defaults(&c);
	CHECK_INT(guard_config_finish(&c, err, sizeof(err)), 0);
	if (open_fixture(&sc, "cgv1") != 0) {
		SKIP("fixture missing");
		return;
	}
	CHECK_INT(sc.kind, SCOPE_CGROUP_V1);
	CHECK_INT(guard_scope_read(&sc, &c), LEVEL_TERM);
	CHECK_INT(sc.usage_kib, 249856);
	CHECK_INT(sc.file_kib, 6144);         /* total_inactive_file + total_active_file */
	CHECK_INT(sc.avail_kib, 18432);
	CHECK_INT(sc.kernel_oom_kills, 3);
	c.cgroup_kill_percent = 10;
	CHECK_INT(guard_scope_read(&sc, &c), LEVEL_KILL);
	guard_scope_close(&sc);
}

TEST(unlimited_and_missing)
{
	struct guard_scope sc;
	struct guard_config c;
	char err[256];
	guard_config_defaults(&c);
	if (open_fixture(&sc, "cgv2max") == 0) {
		CHECK_INT(guard_scope_read(&sc, &c), LEVEL_OK);
		CHECK(!known(sc.total_kib));
		CHECK(!known(sc.avail_kib));
		CHECK_INT(guard_scope_poll_ms(&sc, &c), c.poll_max_ms);
		guard_scope_close(&sc);
	} else {
		SKIP("fixture missing");
	}
	/* Not a memory cgroup, not a directory: errors with the reason. */
	char path[512];
	snprintf(path, sizeof(path), "%s/tests/fixtures/guard/proc", check_srcdir());
	CHECK_INT(guard_scope_open(&sc, path, err, sizeof(err)), -ENOTDIR);
	CHECK(strstr(err, "not a memory cgroup directory") != NULL);
	CHECK_INT(guard_scope_open(&sc, "/nonexistent/cgroup", err, sizeof(err)), -ENOENT);
	CHECK_STR(err, "/nonexistent/cgroup: No such file or directory");
}

TEST(machine)
{
	struct guard_scope sc;
	struct guard_config c;
	char err[256];
	guard_config_defaults(&c);
	if (guard_scope_open(&sc, NULL, err, sizeof(err)) != 0) {
		SKIP("no /proc/meminfo");
		return;
	}
	CHECK_INT(sc.kind, SCOPE_MACHINE);
	CHECK(guard_scope_read(&sc, &c) >= 0);
	CHECK(known(sc.total_kib) && sc.total_kib > 0);
	CHECK(known(sc.avail_kib) && sc.avail_kib <= sc.total_kib);
	CHECK_INT(sc.term_kib, sc.total_kib * 10 / 100);
	/* thresholds at 100%: always below */
	c.mem_term_percent = c.mem_kill_percent = 100;
	CHECK_INT(guard_scope_read(&sc, &c), sc.swap_total_kib > 0 ? sc.level : LEVEL_KILL);
	/* The parsed meminfo the recorder takes its snapshot from. */
	const struct guard_rec *m = guard_scope_meminfo();
	CHECK_INT(m->mem_total, sc.total_kib);
	CHECK(known(m->commit_limit) && known(m->slab_unreclaimable) && known(m->shmem));
	/* Memory no process holds, on the machine: the shmem nobody maps
	 * (model/badness.c), whatever the processes hold. */
	CHECK(known(m->mapped));
	CHECK_INT(guard_scope_unowned_kib(&sc, 12345), machine_unmapped_shmem_kib(m->shmem, m->mapped));
	guard_scope_close(&sc);
}

/* The guard reads /proc/meminfo through live/parse_meminfo.c: the
 * recorder's fields are the parser's, and a text that does not parse
 * leaves them unknown, not stale. */
TEST(meminfo_through_live_parser)
{
	size_t n;
	char *buf = slurp_src("tests/fixtures/tasks/proc/meminfo", &n);
	if (!buf) {
		SKIP("fixture meminfo missing");
		return;
	}
	struct oom_mem m;
	CHECK_INT(live_parse_meminfo(buf, n, &m), 0);
	static struct guard_rec r;
	guard_meminfo_parse(buf, n, &r);
	CHECK_INT(r.mem_total, m.total_kib);
	CHECK_INT(r.mem_available, m.available_kib);
	CHECK_INT(r.swap_total, m.swap_total_kib);
	CHECK_INT(r.commit_limit, m.commit_limit_kib);
	CHECK_INT(r.committed_as, m.committed_as_kib);
	CHECK_INT(r.buffers, m.buffers_kib);
	CHECK_INT(r.cached, m.cached_kib);
	CHECK(known(r.anon_pages) && known(r.buffers) && known(r.cached));
	guard_meminfo_parse("garbage\n", 8, &r);
	CHECK(!known(r.mem_total) && !known(r.commit_limit));
	free(buf);
	/* PSI through live/parse_psi.c */
	struct guard_psi p;
	CHECK_INT(guard_parse_psi("some avg10=1.50 avg60=0.25 avg300=0.00 total=12345\n"
				  "full avg10=0.50 avg60=0.10 avg300=0.00 total=678\n", &p), 0);
	CHECK(p.known && p.some_avg10 > 1.49 && p.some_avg10 < 1.51 && p.full_total_us == 678);
	CHECK_INT(guard_parse_psi("garbage\n", &p), -EINVAL);
}

/* The rate of approach (monitor.c guard_scope_ms_to_kill / outruns) and
 * calm (guard_scope_calm), on readings set by hand. */
static void push(struct guard_scope *sc, int64_t avail, uint64_t ns)
{
	sc->avail_kib = avail;
	sc->hist_avail_kib[sc->hist_next % GUARD_SCOPE_HIST] = avail;
	sc->hist_ns[sc->hist_next % GUARD_SCOPE_HIST] = ns;
	sc->hist_next++;
}

static void rate_and_calm(void)
{
	struct guard_scope sc;
	memset(&sc, 0, sizeof(sc));
	for (int i = 0; i < 3; i++)
		sc.efd_usage[i] = -1;
	sc.kind = SCOPE_CGROUP_V1;
	sc.total_kib = 512 * 1024;
	sc.term_kib = sc.total_kib / 10;
	sc.kill_kib = sc.total_kib / 20;
	const uint64_t ms = 1000000ull;
	/* One reading: no rate. */
	push(&sc, 60000, 1000 * ms);
	CHECK(guard_scope_ms_to_kill(&sc) == INT64_MAX);
	/* 1000 KiB per ms over 10 ms; 60000 − 1000·10 = 50000 now, kill at
	 * 26214: about 23 ms away. */
	push(&sc, 55000, 1005 * ms);
	push(&sc, 50000, 1010 * ms);
	CHECK_INT(guard_scope_ms_to_kill(&sc), 23);
	CHECK(guard_scope_outruns(&sc, 1000));   /* a 1 s grace would end in SIGKILL anyway */
	CHECK(!guard_scope_outruns(&sc, 10));
	/* Slow: 10 KiB per ms → about 2.4 s away: the grace is kept. */
	memset(sc.hist_ns, 0, sizeof(sc.hist_ns));
	sc.hist_next = 0;
	push(&sc, 50500, 2000 * ms);
	push(&sc, 50000, 2050 * ms);
	CHECK(!guard_scope_outruns(&sc, 1000));
	/* Rising: never. */
	push(&sc, 51000, 2060 * ms);
	CHECK(guard_scope_ms_to_kill(&sc) == INT64_MAX);
	/* At or below the kill threshold: now. */
	push(&sc, 20000, 2070 * ms);
	CHECK_INT(guard_scope_ms_to_kill(&sc), 0);
	/* Calm, then below the threshold in one wakeup (20 s apart): no rate
	 * to measure, escalate. */
	push(&sc, 200000, 3000 * ms);
	push(&sc, 50000, 23000 * ms);
	CHECK(guard_scope_ms_to_kill(&sc) == INT64_MAX);
	CHECK(guard_scope_outruns(&sc, 1000));

	/* Calm needs a usage eventfd and usage below the "near" threshold. */
	sc.usage_kib = 100 * 1024;
	sc.level = LEVEL_OK;
	CHECK(!guard_scope_calm(&sc));
	sc.efd_usage[0] = 99;
	CHECK(guard_scope_calm(&sc));
	sc.usage_kib = sc.total_kib - 2 * sc.term_kib;
	CHECK(!guard_scope_calm(&sc));
	sc.usage_kib = 100 * 1024;
	sc.level = LEVEL_TERM;
	CHECK(!guard_scope_calm(&sc));
	/* The machine: through the v1 root memcg's usage. */
	sc.level = LEVEL_OK;
	sc.kind = SCOPE_MACHINE;
	sc.root_usage_kib = OOM_NA;
	CHECK(!guard_scope_calm(&sc));
	sc.root_usage_kib = 100 * 1024;
	CHECK(guard_scope_calm(&sc));
	/* cgroup v2: no usage thresholds; calm only under a memory.high at or
	 * below the term point (its breach wakes us through memory.events). */
	sc.kind = SCOPE_CGROUP_V2;
	sc.fd_events = 7;
	sc.high_kib = OOM_NA;
	CHECK(!guard_scope_calm(&sc));
	sc.high_kib = sc.total_kib - sc.term_kib + 4;
	CHECK(!guard_scope_calm(&sc));
	sc.high_kib = sc.total_kib - sc.term_kib;
	CHECK(guard_scope_calm(&sc));
	sc.usage_kib = sc.high_kib;
	CHECK(!guard_scope_calm(&sc));
	sc.usage_kib = 100 * 1024;
	sc.fd_events = -1;
	CHECK(!guard_scope_calm(&sc));
	sc.fd_events = 7;
	CHECK(guard_scope_calm(&sc));
	sc.high_kib = OOM_NA;
	/* The recorder: one snapshot every GUARD_CALM_MS while all are calm. */
	struct guard_recorder r;
	memset(&r, 0, sizeof(r));
	CHECK_INT(guard_recorder_next_ns(&r, &sc, 1), 0);
	r.taken_total = 1;
	r.last_ns = 5000 * ms;
	CHECK(guard_recorder_next_ns(&r, &sc, 1) == 6000 * ms);
	sc.kind = SCOPE_MACHINE;
	CHECK(guard_recorder_next_ns(&r, &sc, 1) == 5000 * ms + GUARD_CALM_MS * ms);
}

/* mem-min-mib / cgroup-min-mib beside the percentages (a size alone
 * replaces the default percentage, as earlyoom's -M; both given: the
 * larger threshold); the warning threshold; cgroup headroom in MiB. */
/* arm-memory-high on a copy of the v2 fixture: 'max' becomes the term
 * point (limit − term threshold) in bytes, the scope is calm below it, and
 * closing the scope puts 'max' back, unless somebody changed it since. */
static void put(const char *dir, const char *name, const char *text)
{
	char p[600];
	snprintf(p, sizeof(p), "%s/%s", dir, name);
	FILE *f = fopen(p, "w");
	CHECK(f != NULL);
	if (f) {
		fputs(text, f);
		fclose(f);
	}
}

static void get(const char *dir, const char *name, char *out, size_t len)
{
	char p[600];
	snprintf(p, sizeof(p), "%s/%s", dir, name);
	char *t = slurp(p, NULL);
	snprintf(out, len, "%s", t ? t : "");
	free(t);
}

TEST(arm_memory_high)
{
	static const char *const files[] = { "memory.current", "memory.events", "memory.max",
					     "memory.pressure", "memory.stat" };
	char tmpl[] = "/tmp/oomkit-monitor-XXXXXX", err[256], v[64];
	const char *dir = mkdtemp(tmpl);
	CHECK(dir != NULL);
	if (!dir)
		return;
	for (size_t i = 0; i < sizeof(files) / sizeof(files[0]); i++) {
		char src[512];
		snprintf(src, sizeof(src), "tests/fixtures/guard/cgv2/%s", files[i]);
		char *text = slurp_src(src, NULL);
		put(dir, files[i], text ? text : "");
		free(text);
	}
	/* The fixture: limit 256 MiB, usage 220 MiB; usage 100 MiB here. */
	put(dir, "memory.current", "104857600\n");
	put(dir, "memory.high", "max\n");
	struct guard_config c;
	guard_config_defaults(&c);
	CHECK_INT(guard_config_finish(&c, err, sizeof(err)), 0);
	struct guard_scope sc;
	char degraded[1024] = "";
	/* Off (the default): untouched, not calm, and the log says why. */
	CHECK_INT(guard_scope_open(&sc, dir, err, sizeof(err)), 0);
	guard_scope_arm(&sc, &c, degraded, sizeof(degraded));
	get(dir, "memory.high", v, sizeof(v));
	CHECK_STR(v, "max\n");
	CHECK(!guard_scope_calm(&sc));
	CHECK(strstr(degraded, "arm-memory-high = yes") != NULL);
	guard_scope_close(&sc);
	/* On: the term point, 262144 − 26214 KiB, in bytes. */
	c.arm_memory_high = true;
	degraded[0] = '\0';
	CHECK_INT(guard_scope_open(&sc, dir, err, sizeof(err)), 0);
	guard_scope_arm(&sc, &c, degraded, sizeof(degraded));
	get(dir, "memory.high", v, sizeof(v));
	CHECK_STR(v, "241592320");
	CHECK_INT(sc.high_kib, 262144 - 26214);
	CHECK_STR(degraded, "");
	CHECK_INT(guard_scope_read(&sc, &c), LEVEL_OK);
	CHECK(guard_scope_calm(&sc));
	CHECK(guard_scope_poll_ms(&sc, &c) >= GUARD_CALM_MS);
	guard_scope_close(&sc);
	get(dir, "memory.high", v, sizeof(v));
	CHECK_STR(v, "max");
	/* Somebody else's memory.high is theirs: kept, and used when low enough. */
	put(dir, "memory.high", "209715200\n");
	CHECK_INT(guard_scope_open(&sc, dir, err, sizeof(err)), 0);
	guard_scope_arm(&sc, &c, degraded, sizeof(degraded));
	CHECK(guard_scope_calm(&sc));
	guard_scope_close(&sc);
	get(dir, "memory.high", v, sizeof(v));
	CHECK_STR(v, "209715200\n");
	/* Armed, then changed by somebody else: not put back. */
	put(dir, "memory.high", "max\n");
	CHECK_INT(guard_scope_open(&sc, dir, err, sizeof(err)), 0);
	guard_scope_arm(&sc, &c, degraded, sizeof(degraded));
	put(dir, "memory.high", "157286400\n");
	guard_scope_close(&sc);
	get(dir, "memory.high", v, sizeof(v));
	CHECK_STR(v, "157286400\n");
	/* A dry run writes nothing. */
	put(dir, "memory.high", "max\n");
	c.dry_run = true;
	degraded[0] = '\0';
	CHECK_INT(guard_scope_open(&sc, dir, err, sizeof(err)), 0);
	guard_scope_arm(&sc, &c, degraded, sizeof(degraded));
	get(dir, "memory.high", v, sizeof(v));
	CHECK_STR(v, "max\n");
	CHECK(strstr(degraded, "dry run") != NULL);
	guard_scope_close(&sc);
	for (size_t i = 0; i < sizeof(files) / sizeof(files[0]); i++) {
		char p[600];
		snprintf(p, sizeof(p), "%s/%s", dir, files[i]);
		unlink(p);
	}
	char p[600];
	snprintf(p, sizeof(p), "%s/memory.high", dir);
	unlink(p);
	rmdir(dir);
}

TEST(fixed_size_thresholds)
{
	/* the merge itself: 1 GiB total, 10 % = 104857 KiB */
	CHECK_INT(guard_threshold_kib(1048576, 10, false, 0), 104857);
	CHECK_INT(guard_threshold_kib(1048576, 10, false, 200), 204800);    /* size alone replaces the default */
	CHECK_INT(guard_threshold_kib(1048576, 10, true, 200), 204800);     /* both given: the larger */
	CHECK_INT(guard_threshold_kib(1048576, 30, true, 200), 314572);
	CHECK_INT(guard_threshold_kib(1048576, 10, false, 4096), 1048576);  /* capped at the total */
	CHECK_INT(guard_threshold_kib(OOM_NA, 10, false, 200), OOM_NA);     /* no limit, no threshold */

	struct guard_scope sc;
	struct guard_config c;
	char err[256];
	guard_config_defaults(&c);
	CHECK_INT(guard_config_set(&c, "cgroup-min-mib", "50", -1, err, sizeof(err)), 0);
	CHECK_INT(guard_config_set(&c, "warn-cgroup-min-mib", "80", -1, err, sizeof(err)), 0);
	CHECK_INT(guard_config_finish(&c, err, sizeof(err)), 0);
	CHECK(!c.cgroup_percent_set);
	if (open_fixture(&sc, "cgv2") != 0) {
		SKIP("fixture missing");
		return;
	}
	/* 256 MiB limit, 56 MiB available: below 80 (warn), above 50 (term) */
	CHECK_INT(guard_scope_read(&sc, &c), LEVEL_OK);
	CHECK_INT(sc.term_kib, 50 * 1024);
	CHECK_INT(sc.kill_kib, 25 * 1024);
	CHECK_INT(sc.warn_kib, 80 * 1024);
	CHECK(sc.warn_below);
	c.warn_cgroup_min_mib = 40;
	guard_scope_read(&sc, &c);
	CHECK(!sc.warn_below);
	/* 60 MiB: below term now */
	c.cgroup_min_mib[0] = 60;
	CHECK_INT(guard_scope_read(&sc, &c), LEVEL_TERM);
	/* given with a percentage (cgroup-term-percent 10): the larger wins */
	guard_config_defaults(&c);
	CHECK_INT(guard_config_set(&c, "cgroup-term-percent", "10", -1, err, sizeof(err)), 0);
	CHECK_INT(guard_config_set(&c, "cgroup-min-mib", "60,10", -1, err, sizeof(err)), 0);
	CHECK_INT(guard_config_finish(&c, err, sizeof(err)), 0);
	CHECK(c.cgroup_percent_set);
	/* term: 60 MiB over 10 % (25.6 MiB), so 56 MiB available is below it;
	 * kill: the default kill percentage (5 %, 12.8 MiB) over 10 MiB */
	CHECK_INT(guard_scope_read(&sc, &c), LEVEL_TERM);
	CHECK_INT(sc.term_kib, 61440);
	CHECK_INT(sc.kill_kib, 13107);
	CHECK_INT(sc.warn_kib, OOM_NA);
	CHECK(!sc.warn_below);
	guard_scope_close(&sc);
}

int main(void)
{
	RUN(cgroup_v2);
	RUN(fixed_size_thresholds);
	RUN(cgroup_v1_uses_hierarchical_totals);
	RUN(unlimited_and_missing);
	RUN(machine);
	RUN(meminfo_through_live_parser);
	RUN(rate_and_calm);
	RUN(arm_memory_high);
	return check_summary();
}
