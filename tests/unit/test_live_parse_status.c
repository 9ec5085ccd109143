/* test_live_parse_status.c — src/live/parse_status.c: /proc/PID/status (name unescaped, rss split,
 * kernel threads, zombies, exiting processes, CapEff). */
#include <fcntl.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "check.h"
#include "live/live.h"

TEST(test_status)
{
	struct oom_task t;
	const char *st = "Name:\tmy\\nproc\nState:\tS (sleeping)\nTgid:\t42\nPid:\t42\nUid:\t1000\t1000\t1000\t1000\n"
			 "VmSize:\t  1000 kB\nVmRSS:\t 400 kB\nRssAnon:\t 300 kB\nRssFile:\t 60 kB\nRssShmem:\t 40 kB\n"
			 "VmPTE:\t  12 kB\nVmSwap:\t 8 kB\n";
	CHECK_INT(live_parse_status(st, strlen(st), 4, &t), 0);
	CHECK_INT(t.pid, 42);
	CHECK_INT(t.uid, 1000);
	CHECK_STR(t.comm, "my\nproc");      /* the kernel's escape undone */
	CHECK_INT(t.rss_pages, 100);
	CHECK_INT(t.rss_anon_pages, 75);
	CHECK_INT(t.swapents_pages, 2);
	CHECK_INT(t.pgtables_bytes, 12 * 1024);
	CHECK(!t.kthread);
	const char *kt = "Name:\tkthreadd\nState:\tS (sleeping)\nTgid:\t2\nPid:\t2\nKthread:\t1\n";
	CHECK_INT(live_parse_status(kt, strlen(kt), 4, &t), 0);
	CHECK(t.kthread);
	const char *old = "Name:\tkworker\nState:\tS (sleeping)\nTgid:\t9\nPid:\t9\n";   /* pre-Kthread: no mm */
	CHECK_INT(live_parse_status(old, strlen(old), 4, &t), 0);
	CHECK(t.kthread);
	const char *z = "Name:\tdead\nState:\tZ (zombie)\nTgid:\t7\nPid:\t7\n";
	CHECK_INT(live_parse_status(z, strlen(z), 4, &t), -ESRCH);
	CHECK(live_parse_status("", 0, 4, &t) < 0);
}

TEST(test_status_exiting_and_capeff)
{
	/* status: a process in exit_mm is -EAGAIN (memory on its way back) */
	const char *ex = "Name:\tx\nState:\tR (running)\nTgid:\t9\nPid:\t9\nKthread:\t0\n";
	struct oom_task t;
	CHECK_INT(live_parse_status(ex, strlen(ex), 4, &t), -EAGAIN);
	uint64_t cap = 0;
	const char *cs = "Name:\tx\nCapEff:\t000001ffffffffff\n";
	CHECK_INT(live_parse_status_capeff(cs, strlen(cs), &cap), 0);
	CHECK(cap == 0x1ffffffffffull);
}

int main(void)
{
	RUN(test_status);
	RUN(test_status_exiting_and_capeff);
	return check_summary();
}
