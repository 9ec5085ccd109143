/* kill.c — stop a victim without ever signalling a reused pid.
 *
 * The pidfd is opened when the victim is chosen, then checked against the
 * start time read during the scan (the pid could have been reused between
 * the scan and pidfd_open); from then on every signal goes through the pidfd
 * (pidfd_send_signal, 5.1+) and the exit is waited for by poll() on it (5.3+).
 * After SIGKILL, process_mrelease (5.15+) reaps the victim's memory at once
 * instead of waiting for its exit (mm/oom_kill.c). */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "guard/guard.h"
#include "live/live.h"
#include "util/util.h"

/* x86_64 / generic syscall numbers, for libcs whose headers predate them. */
#ifndef __NR_pidfd_send_signal
#define __NR_pidfd_send_signal 424
#endif
#ifndef __NR_pidfd_open
#define __NR_pidfd_open 434
#endif
#ifndef __NR_process_mrelease
#define __NR_process_mrelease 448
#endif

static int sys_pidfd_open(pid_t pid, unsigned flags)
{
	return (int)syscall(__NR_pidfd_open, pid, flags);
}

static int sys_pidfd_send_signal(int pidfd, int sig)
{
	return (int)syscall(__NR_pidfd_send_signal, pidfd, sig, NULL, 0);
}

static int sys_process_mrelease(int pidfd)
{
	return (int)syscall(__NR_process_mrelease, pidfd, 0);
}

bool guard_have_pidfd(void)
{
	int fd = sys_pidfd_open(getpid(), 0);
	if (fd < 0)
		return false;
	close(fd);
	return true;
}

bool guard_have_mrelease(void)
{
	/* An invalid fd: ENOSYS when the call is missing, EBADF when present. */
	return sys_process_mrelease(-1) < 0 && errno == EBADF;
}

static int read_start_ticks(int proc_dirfd, int64_t pid, uint64_t *out)
{
	char path[64], buf[1024];
	snprintf(path, sizeof(path), "%lld/stat", (long long)pid);
	ssize_t n = read_small_file_at(proc_dirfd, path, buf, sizeof(buf));
	if (n < 0)
		return -ESRCH;
	struct oom_task t;
	struct live_pid_stat st;
	if (live_parse_stat(buf, (size_t)n, &t, &st) != 0)
		return -EINVAL;
	*out = st.start_ticks;
	return 0;
}

int guard_victim_open(struct guard_victim *v, int proc_dirfd, int64_t pid, uint64_t start_ticks)
{
	struct guard_victim nv;
	memset(&nv, 0, sizeof(nv));
	nv.pid = pid;
	nv.start_ticks = start_ticks;
	nv.pidfd = sys_pidfd_open((pid_t)pid, 0);
	if (nv.pidfd < 0 && errno == ESRCH)
		return -ESRCH;
	/* With the pidfd held, the pid cannot be reused; check it still names
	 * the process we scanned.  Without pidfds this check narrows the race. */
	uint64_t now_ticks;
	if (read_start_ticks(proc_dirfd, pid, &now_ticks) != 0 || now_ticks != start_ticks) {
		if (nv.pidfd >= 0)
			close(nv.pidfd);
		return -ESRCH;
	}
	*v = nv;
	return 0;
}

int guard_victim_signal(struct guard_victim *v, int sig)
{
	int rc = v->pidfd >= 0 ? sys_pidfd_send_signal(v->pidfd, sig) : kill((pid_t)v->pid, sig);
	if (rc < 0)
		return -errno;
	v->signal = sig;
	v->signalled_ns = guard_now_ns();
	return 0;
}

int guard_victim_mrelease(struct guard_victim *v)
{
	if (v->pidfd < 0)
		return -EBADF;
	if (sys_process_mrelease(v->pidfd) < 0)
		return -errno;
	return 0;
}

bool guard_victim_reap_if_dying(struct guard_victim *v)
{
	/* A SIGTERM the victim neither catches nor blocks is fatal at once:
	 * complete_signal() (kernel/signal.c) marks the group exiting as for
	 * SIGKILL, so process_mrelease may reap it now instead of waiting for
	 * its own exit_mmap; one that catches it gets -EINVAL (mm/oom_kill.c:
	 * !task_will_free_mem), a cheap no. */
	static int have = -1;
	if (have < 0)
		have = guard_have_mrelease();
	return have && guard_victim_mrelease(v) == 0;
}

int guard_victim_wait(struct guard_victim *v, int timeout_ms)
{
	if (v->exited)
		return 1;
	if (v->pidfd < 0) {
		/* No pidfd: poll the pid's existence (kill 0), coarse. */
		uint64_t end = guard_now_ns() + (uint64_t)timeout_ms * 1000000ull;
		for (;;) {
			if (kill((pid_t)v->pid, 0) < 0 && errno == ESRCH) {
				v->exited = true;
				return 1;
			}
			if (guard_now_ns() >= end)
				return 0;
			usleep(1000);
		}
	}
	struct pollfd pfd = { .fd = v->pidfd, .events = POLLIN };
	int rc;
	do
		rc = poll(&pfd, 1, timeout_ms);
	while (rc < 0 && errno == EINTR);
	if (rc > 0) {
		v->exited = true;
		return 1;
	}
	return 0;
}

void guard_victim_close(struct guard_victim *v)
{
	if (v->pidfd >= 0)
		close(v->pidfd);
	v->pidfd = -1;
}

int guard_cgroup_kill(int cgroup_dirfd)
{
	int fd = openat(cgroup_dirfd, "cgroup.kill", O_WRONLY | O_CLOEXEC);
	if (fd < 0)
		return -errno;
	int rc = write(fd, "1", 1) == 1 ? 0 : -errno;
	close(fd);
	return rc;
}

/* The pids listed in DIR/cgroup.procs (at most cap); -errno. */
static int read_procs(int dirfd, int32_t *pids, int cap)
{
	static char buf[64 * 1024];
	ssize_t n = read_small_file_at(dirfd, "cgroup.procs", buf, sizeof(buf));
	if (n < 0)
		return (int)n;
	int k = 0;
	const char *p = buf, *end = buf + n;
	int64_t v;
	while (k < cap && live_pids_next(&p, end, &v))   /* live/parse_memcg.c */
		pids[k++] = (int32_t)v;
	return k;
}

static bool listed(const int32_t *pids, int n, int32_t pid)
{
	for (int i = 0; i < n; i++)
		if (pids[i] == pid)
			return true;
	return false;
}

/* One round over one cgroup directory: pidfds for what it lists, then only
 * those still listed after the pidfds are open get the signal (a pid read
 * from the file may have exited and been reused elsewhere since; a pidfd
 * of an exited process cannot signal its successor). */
/* The pids signalled by this guard_cgroup_signal_all call: a killed
 * process stays listed until it has exited, and signalling it again would
 * only keep the rounds going while it dies.  (A pid reused within one call
 * would be missed: the kernel hands pids out in rising order, so not that soon.) */
static int32_t signalled[4096];
static int nr_signalled;

static int kill_round(int dirfd, int sig)
{
	enum { BATCH = 256 };
	static int32_t before[BATCH], after[4096];
	int fds[BATCH];
	int nb = read_procs(dirfd, before, BATCH);
	if (nb <= 0)
		return nb;
	for (int i = 0; i < nb; i++)
		fds[i] = listed(signalled, nr_signalled, before[i]) ? -1 : sys_pidfd_open(before[i], 0);
	int na = read_procs(dirfd, after, (int)(sizeof(after) / sizeof(after[0])));
	int done = 0;
	for (int i = 0; i < nb; i++) {
		if (fds[i] < 0)
			continue;
		if (na > 0 && listed(after, na, before[i]) && sys_pidfd_send_signal(fds[i], sig) == 0) {
			done++;
			if (nr_signalled < (int)(sizeof(signalled) / sizeof(signalled[0])))
				signalled[nr_signalled++] = before[i];
		}
		close(fds[i]);
	}
	return done;
}

/* No process_mrelease per task here: each call reaps synchronously, and
 * over a cgroup of dozens that is hundreds of milliseconds the bomb keeps
 * forking in; SIGKILLed small tasks give their memory back by exiting. */
static int kill_tree(int dirfd, int sig, int depth)
{
	int done = 0, rc = kill_round(dirfd, sig);
	if (rc > 0)
		done += rc;
	if (depth >= 8)
		return done;
	int d = openat(dirfd, ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	DIR *dir = d >= 0 ? fdopendir(d) : NULL;
	if (!dir) {
		if (d >= 0)
			close(d);
		return done;
	}
	struct dirent *e;
	while ((e = readdir(dir))) {
		if (e->d_type != DT_DIR || e->d_name[0] == '.')
			continue;
		int sub = openat(dirfd, e->d_name, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
		if (sub < 0)
			continue;
		done += kill_tree(sub, sig, depth + 1);
		close(sub);
	}
	closedir(dir);
	return done;
}

int guard_cgroup_signal_all(int cgroup_dirfd, int sig, int rounds)
{
	/* A fork bomb forks while it is killed: go again until a round finds
	 * nobody (cgroup v1, or v2 before cgroup.kill in 5.14). */
	int total = 0;
	nr_signalled = 0;
	for (int r = 0; r < rounds; r++) {
		int n = kill_tree(cgroup_dirfd, sig, 0);
		if (n <= 0)
			break;
		total += n;
	}
	return total;
}

int guard_raise_priority(void)
{
	/* A kill's latency is mostly process_mrelease unmapping the victim's
	 * pages in the guard's own context (mm/oom_kill.c __oom_reap_task_mm):
	 * on a machine whose CPUs are busy, at nice 0 that waits behind every
	 * runnable task (seen here: p99 164 ms at load 8 on 2 CPUs).  nice -20,
	 * like earlyoom -p: the guard sleeps nearly always, so it costs the
	 * others nothing until it must act. */
	if (setpriority(PRIO_PROCESS, 0, -20) != 0)
		return -errno;
	return 0;
}

const char *guard_signal_name(int sig)
{
	switch (sig) {
	case SIGKILL: return "SIGKILL";
	case SIGTERM: return "SIGTERM";
	case 0: return "none";
	default: return "signal";
	}
}
