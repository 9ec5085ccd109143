/* test_guard_noalloc.c — the guard's loop allocates nothing after start-up.
 * Linked with -Wl,--wrap=malloc,--wrap=calloc,--wrap=realloc (Makefile):
 * every allocation from our code goes through the wrappers below, which
 * count the calls made once start-up is over.  The test then runs what the
 * loop runs, on this machine's /proc — read the machine scope (meminfo,
 * PSI), take recorder snapshots (vmstat, buddyinfo, slabinfo, the top
 * tasks), scan every process ranked, choose a victim, and write the
 * recorder's minute and an event as JSON into a fixed sink, tell the kind
 * of kmsg records as the kmsg watch does — and checks the
 * count stays 0. */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check.h"
#include "guard/guard.h"
#include "report/report.h"

void *__real_malloc(size_t n);
void *__real_calloc(size_t n, size_t m);
void *__real_realloc(void *p, size_t n);
void *__wrap_malloc(size_t n);
void *__wrap_calloc(size_t n, size_t m);
void *__wrap_realloc(void *p, size_t n);

static bool counting;
static int allocations;

void *__wrap_malloc(size_t n)
{
	if (counting)
		allocations++;
	return __real_malloc(n);
}

void *__wrap_calloc(size_t n, size_t m)
{
	if (counting)
		allocations++;
	return __real_calloc(n, m);
}

void *__wrap_realloc(void *p, size_t n)
{
	if (counting)
		allocations++;
	return __real_realloc(p, n);
}

static struct guard_config cfg;
static struct guard_scope sc;
static struct guard_recorder rec;
static struct guard_taskset ts;
static struct guard_sink sink;
static char sink_buf[256 * 1024];

static void one_pass(int proc_fd, const struct kver *kv)
{
	guard_scope_read(&sc, &cfg);
	guard_recorder_take(&rec, &sc, 1, proc_fd, true, &ts);
	int64_t totalpages = guard_scope_totalpages(&sc, 4);
	const struct guard_rank rank = { &cfg, getpid(), totalpages, 4, kv };
	ts.rank = &rank;
	guard_scan(proc_fd, -1, true, &ts);
	ts.rank = NULL;
	struct guard_choice ch;
	guard_policy_choose(&cfg, &ts, getpid(), totalpages, 4, kv, 0, &ch);
	guard_sink_reset(&sink);
	struct json j;
	json_init(&j, sink.f, false);
	json_obj_begin(&j, NULL);
	json_str(&j, "scope", sc.name);
	json_str(&j, "comm", ch.index >= 0 ? ts.tasks[ch.index].t.comm : "\x01 odd \xff name");
	guard_recorder_json(&rec, &j, "recorder", 60);
	json_obj_end(&j);
	json_end(&j);
	/* the kmsg watch tells every record's kind (report/kernel_kill.c) */
	static const char *const recs[] = {
		"4,1,2,-;x invoked oom-killer: gfp_mask=0xcc0(GFP_KERNEL), order=0, oom_score_adj=0\n",
		"6,2,3,-;usb 1-1: new high-speed USB device number 2 using xhci_hcd\n SUBSYSTEM=usb\n",
		"3,3,4,-;Memory cgroup out of memory: Killed process 42 (x) total-vm:1kB, anon-rss:1kB\n",
	};
	for (size_t i = 0; i < sizeof(recs) / sizeof(recs[0]); i++)
		CHECK(report_record_kind(recs[i], strlen(recs[i])) != LK_COUNT);
}

TEST(loop_allocates_nothing)
{
	char err[256];
	guard_config_defaults(&cfg);
	CHECK_INT(guard_config_finish(&cfg, err, sizeof(err)), 0);
	int proc_fd = open("/proc", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (proc_fd < 0 || guard_scope_open(&sc, NULL, err, sizeof(err)) != 0) {
		SKIP("no /proc/meminfo here");
		return;
	}
	CHECK_INT(guard_taskset_init(&ts), 0);
	CHECK_INT(guard_recorder_init(&rec, 60, 8), 0);
	CHECK_INT(guard_sink_open(&sink, sink_buf, sizeof(sink_buf)), 0);
	struct kver kv = kver_make(6, 1, 0);
	one_pass(proc_fd, &kv);          /* start-up: libc's own first-use buffers */
	counting = true;
	for (int i = 0; i < 3; i++)
		one_pass(proc_fd, &kv);
	counting = false;
	CHECK_INT(allocations, 0);
	CHECK(sink.len > 0 && !sink.overflow);
	guard_sink_close(&sink);
	guard_recorder_release(&rec);
	guard_taskset_release(&ts);
	guard_scope_close(&sc);
	close(proc_fd);
}

int main(void)
{
	RUN(loop_allocates_nothing);
	return check_summary();
}
