/* test_live_parse_vmstat.c — src/live/parse_vmstat.c: /proc/vmstat counters, split counters summed. */
#include <fcntl.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "check.h"
#include "live/live.h"

TEST(test_vmstat)
{
	/* vmstat → oom_vmstat: split counters summed, one-counter eras too */
	const char *vm = "pgscan_kswapd 10\npgscan_direct 3\nallocstall_dma32 1\nallocstall_normal 4\n"
			 "workingset_refault_anon 5\nworkingset_refault_file 6\noom_kill 2\njunk x\n";
	struct oom_vmstat v;
	CHECK_INT(live_parse_vmstat(vm, strlen(vm), &v), 0);
	CHECK_INT(v.pgscan_kswapd, 10);
	CHECK_INT(v.allocstall, 5);
	CHECK_INT(v.workingset_refault, 11);
	CHECK_INT(v.oom_kill, 2);
	CHECK(!known(v.pswpin));
	const char *old = "workingset_refault 7\nallocstall 9\n";
	CHECK_INT(live_parse_vmstat(old, strlen(old), &v), 0);
	CHECK_INT(v.workingset_refault, 7);
	CHECK_INT(v.allocstall, 9);
	CHECK_INT(live_parse_vmstat("nothing here\n", 13, &v), -EINVAL);
}

int main(void)
{
	RUN(test_vmstat);
	return check_summary();
}
