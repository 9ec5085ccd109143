/* test_guard_kill.c — guard/kill.c on a child of this test: the victim
 * opened by pid and start time (a wrong start time is another process:
 * -ESRCH), SIGTERM through the pidfd, the wait for its exit, a signal to
 * one that is gone (-ESRCH, fine), the signal names, and cgroup.kill on a
 * bad descriptor.  Killing in memory cgroups: tests/e2e/guard_cgroup.sh. */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include "check.h"
#include "guard/guard.h"

static pid_t sleeper(void)
{
	pid_t p = fork();
	if (p == 0) {
		for (;;)
			pause();
	}
	return p;
}

TEST(names)
{
	CHECK_STR(guard_signal_name(SIGTERM), "SIGTERM");
	CHECK_STR(guard_signal_name(SIGKILL), "SIGKILL");
	CHECK(guard_signal_name(0) != NULL);
	CHECK(guard_signal_name(999) != NULL);                   /* never NULL into a log line */
}

TEST(victim)
{
	int proc = open("/proc", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	pid_t p = sleeper();
	CHECK(p > 0 && proc >= 0);
	struct guard_task gt;
	CHECK_INT(guard_read_task(proc, p, false, &gt), 0);      /* its start time, as the scan has it */
	struct guard_victim v;
	/* the same pid with another start time is another process */
	CHECK_INT(guard_victim_open(&v, proc, p, gt.start_ticks + 1), -ESRCH);
	CHECK_INT(guard_victim_open(&v, proc, p, gt.start_ticks), 0);
	CHECK(!guard_have_pidfd() || v.pidfd >= 0);
	CHECK_INT(guard_victim_wait(&v, 0), 0);                   /* still there */
	CHECK_INT(guard_victim_signal(&v, SIGTERM), 0);
	CHECK_INT(v.signal, SIGTERM);
	int exited = guard_victim_wait(&v, 5000);
	if (v.pidfd < 0) {
		/* without a pidfd the exit is seen once reaped */
		waitpid(p, NULL, 0);
		exited = 1;
	}
	CHECK_INT(exited, 1);
	int st = 0;
	waitpid(p, &st, WNOHANG);
	CHECK_INT(guard_victim_signal(&v, SIGKILL), -ESRCH);      /* gone: fine */
	guard_victim_close(&v);
	/* a pid that was never there */
	CHECK_INT(guard_victim_open(&v, proc, 2147483000, 1), -ESRCH);
	close(proc);
}

TEST(cgroup_kill_bad_fd)
{
	CHECK(guard_cgroup_kill(-1) < 0);
	/* an empty directory: no cgroup.kill, and no cgroup.procs below it
	 * (signal 0: nothing would be sent even if it found someone) */
	char dir[] = "/tmp/oomkit-test-kill.XXXXXX";
	if (!mkdtemp(dir)) {
		SKIP("no temporary directory");
		return;
	}
	int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	CHECK(guard_cgroup_kill(fd) < 0);
	CHECK_INT(guard_cgroup_signal_all(fd, 0, 1), 0);
	close(fd);
	rmdir(dir);
}

int main(void)
{
	RUN(names);
	RUN(victim);
	RUN(cgroup_kill_bad_fd);
	return check_summary();
}
