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
#include "live/text.h"

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

/* The scan's batched close: every fd of the batch is closed, runs split
 * around an fd that is not the batch's (it stays open), the batch empties. */
TEST(test_fds_flush)
{
	struct live_fds b = { .n = 0 };
	int keep = -1;
	for (int i = 0; i < 20; i++) {
		int fd = open("/dev/null", O_RDONLY | O_CLOEXEC);
		if (fd < 0)
			break;
		if (i == 7)
			keep = fd;   /* not ours: a hole in the run */
		else
			b.fd[b.n++] = fd;
	}
	CHECK_INT(b.n, 19);
	int x = b.fd[3];       /* out of order: the flush sorts */
	b.fd[3] = b.fd[10];
	b.fd[10] = x;
	int fds[LIVE_FDS_BATCH], n = b.n;
	memcpy(fds, b.fd, sizeof(fds));
	live_fds_flush(&b);
	CHECK_INT(b.n, 0);
	int open_after = 0;
	for (int i = 0; i < n; i++)
		open_after += fcntl(fds[i], F_GETFD) >= 0;
	CHECK_INT(open_after, 0);
	CHECK(keep >= 0 && fcntl(keep, F_GETFD) >= 0);
	close(keep);
	live_fds_flush(&b);    /* empty: nothing to do */
	CHECK_INT(b.n, 0);
}

int main(void)
{
	RUN(test_zombie_leader);
	RUN(test_fds_flush);
	return check_summary();
}
