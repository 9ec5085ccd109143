/* test_live_pid.c — src/live/pid.c: one process's files, the zombie-leader fallback. */
#include <fcntl.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "check.h"
#include "live/live.h"

/* A zombie thread-group leader is read through a live thread
 * (find_lock_task_mm): pid and tgid stay the leader's. */
TEST(test_zombie_leader)
{
	char path[512];
	snprintf(path, sizeof(path), "%s/tests/fixtures/guard/proc-zombie-leader", check_srcdir());
	int fd = open(path, O_RDONLY | O_DIRECTORY);
	if (fd < 0) {
		SKIP("fixture missing");
		return;
	}
	struct live_root r;
	memset(&r, 0, sizeof(r));
	r.dirfd = -1;
	r.procfd = fd;
	r.host = false;
	struct oom_task t;
	CHECK_INT(live_read_task(&r, 800, &t), 0);
	CHECK_INT(t.pid, 800);
	CHECK_INT(t.tgid, 800);
	CHECK_INT(t.rss_anon_pages, 490000 / 4);
	CHECK_INT(live_read_task(&r, 950, &t), -EAGAIN);
	struct live_pid_stat ps;
	CHECK_INT(live_read_stat(&r, 800, &t, &ps), 0);
	CHECK_INT(ps.state, 'Z');
	CHECK_INT((int64_t)ps.start_ticks, 1800);
	char cl[64];
	CHECK_INT(live_read_cmdline(&r, 900, cl, sizeof(cl)), 0);
	CHECK_STR(cl, "bystander --x");
	close(fd);
}

int main(void)
{
	RUN(test_zombie_leader);
	return check_summary();
}
