/* test_live_parse_kmsg.c — src/live/parse_kmsg.c: /dev/kmsg records of an OOM report. */
#include <fcntl.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "check.h"
#include "live/live.h"

TEST(test_kmsg)
{
	/* kmsg records of an OOM report */
	const char *rep = "4,1,2,-;x invoked oom-killer: gfp_mask=0xcc0\n"
			  "6,2,3,-;oom-kill:constraint=CONSTRAINT_MEMCG,oom_memcg=/t/app,task_memcg=/t/app,task=x,pid=42\n"
			  "3,3,4,-;Memory cgroup out of memory: Killed process 42 (x y) total-vm:1kB\n";
	struct live_kmsg_line kl;
	CHECK_INT(live_parse_kmsg_record(rep, strlen(rep), &kl), 0);
	CHECK_INT(kl.kind, KMSG_OOM_START);
	const char *mc;
	size_t ml;
	CHECK_INT(live_kmsg_find_oom_memcg(rep, strlen(rep), &mc, &ml), 0);
	CHECK(ml == 6 && !memcmp(mc, "/t/app", 6));
	int64_t kpid;
	char comm[16];
	CHECK_INT(live_kmsg_find_killed(rep, strlen(rep), &kpid, comm, sizeof(comm)), 0);
	CHECK_INT(kpid, 42);
	CHECK_STR(comm, "x y");
	CHECK_INT(live_parse_kmsg_record("no semicolon", 12, &kl), -EINVAL);
}

int main(void)
{
	RUN(test_kmsg);
	return check_summary();
}
