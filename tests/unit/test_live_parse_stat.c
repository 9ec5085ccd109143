/* test_live_parse_stat.c — src/live/parse_stat.c: /proc/PID/stat (comm up to the last ')'). */
#include <fcntl.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "check.h"
#include "live/live.h"

TEST(test_stat)
{
	struct oom_task t;
	struct live_pid_stat ps;
	task_init(&t);
	const char *s1 = "123 (a) b) c) S 1 1 1 0 -1 2097216 0 0 0 0 0 0 0 0 20 0 1 0 5 1000 77 18446744073709551615";
	CHECK_INT(live_parse_stat(s1, strlen(s1), &t, &ps), 0);
	CHECK_STR(t.comm, "a) b) c");       /* comm ends at the LAST ')' */
	CHECK_INT(t.pid, 123);
	CHECK_INT(ps.state, 'S');
	CHECK_INT(ps.ppid, 1);
	CHECK_INT(ps.sid, 1);
	CHECK_INT((int64_t)ps.start_ticks, 5);
	CHECK(t.kthread);                   /* 2097216 = PF_KTHREAD | … */
	CHECK_INT(t.rss_pages, 77);
	CHECK(live_parse_stat("12 (x", 5, &t, &ps) < 0);
}

int main(void)
{
	RUN(test_stat);
	return check_summary();
}
