/* test_guard_procscan.c — guard/procscan.c, the guard's kept-fd reads of
 * /proc: one task (this process: its name, sizes from the same parsers as
 * top, its start time; a gone pid is -ENOENT/-ESRCH), the scan of every
 * process (this one in it, kernel threads marked, ranked when a rank is
 * given), a capped set keeping the largest, and guard_pread. */
#include <errno.h>
#include <fcntl.h>
#include <unistd.h>

#include "check.h"
#include "guard/guard.h"

static int proc;

TEST(one_task)
{
	struct guard_task gt;
	CHECK_INT(guard_read_task(proc, getpid(), true, &gt), 0);
	CHECK_INT(gt.t.pid, getpid());
	CHECK_STR(gt.t.comm, "test_guard_proc");                 /* TASK_COMM_LEN: 15 bytes */
	CHECK(known(gt.t.rss_anon_pages) && gt.t.rss_anon_pages > 0);
	CHECK(gt.start_ticks > 0);
	CHECK(strstr(gt.cmdline, "test_guard_procscan") != NULL);
	CHECK(!gt.t.kthread);
	int rc = guard_read_task(proc, 2147483000, false, &gt);
	CHECK(rc == -ENOENT || rc == -ESRCH);
	/* kthreadd (pid 2) is a kernel thread where the pid namespace shows it */
	if (guard_read_task(proc, 2, false, &gt) == 0 && !strcmp(gt.t.comm, "kthreadd"))
		CHECK(gt.t.kthread);
}

TEST(scan)
{
	static struct guard_taskset ts;
	memset(&ts, 0, sizeof(ts));
	CHECK_INT(guard_taskset_init(&ts), 0);
	CHECK_INT(guard_scan(proc, -1, false, &ts), 0);
	CHECK(ts.n >= 1);
	bool self = false;
	for (size_t i = 0; i < ts.n; i++)
		self |= ts.tasks[i].t.pid == getpid();
	CHECK(self);
	/* a set of 1 keeps one, says it dropped the rest */
	size_t all = ts.n;
	ts.cap = 1;
	CHECK_INT(guard_scan(proc, -1, false, &ts), 0);
	CHECK_INT(ts.n, 1);
	if (all > 1)
		CHECK(ts.truncated && ts.nr_skipped >= 1);
	ts.cap = 0;
	/* a scope directory without cgroup.procs: nothing, or an error, never a crash */
	int root = open("/", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	int rc = guard_scan(proc, root, false, &ts);
	CHECK(rc < 0 || ts.n == 0);
	close(root);
	guard_taskset_release(&ts);
}

TEST(kept_fd_pread)
{
	int fd = openat(proc, "self/stat", O_RDONLY | O_CLOEXEC);
	char buf[8];
	ssize_t n = guard_pread(fd, buf, sizeof(buf));
	CHECK(n > 0 && n < (ssize_t)sizeof(buf));                 /* cut, NUL-terminated */
	CHECK_INT(strlen(buf), n);
	char again[8];
	CHECK_INT(guard_pread(fd, again, sizeof(again)), n);     /* from the start each time */
	CHECK_STR(again, buf);
	close(fd);
	CHECK(guard_pread(-1, buf, sizeof(buf)) < 0);
}

int main(void)
{
	proc = open("/proc", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (proc < 0) {
		check_current = "proc";
		SKIP("no /proc");
		return check_summary();
	}
	RUN(one_task);
	RUN(scan);
	RUN(kept_fd_pread);
	close(proc);
	return check_summary();
}
