/* procscan.c — the tasks of a scope, read into a table allocated once.
 *
 * The guard decides when memory is short, so it lists /proc (or the
 * scope's cgroup.procs) with getdents64()/pread into static buffers on a
 * kept /proc directory fd, and reads each process through live/'s readers
 * that need no heap (live_read_task: status + oom_score_adj, with the
 * zombie-leader fallback; live_read_stat: identity; live_read_cmdline).
 * No kernel text is parsed here: live/parse_*.c does that.
 *
 * The table has a fixed size (GUARD_MAX_TASKS).  A scope with more
 * processes keeps the ones that rank first by the policy (tier, then the
 * kernel's badness), so the worst is never missed, and counts what it
 * dropped (guard_taskset.nr_skipped) for the daemon to log. */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <dirent.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#include "guard/guard.h"
#include "live/live.h"
#include "util/util.h"

#define PF_KTHREAD_FLAG 0x00200000u   /* include/linux/sched.h PF_KTHREAD (2.6.27+) */

uint64_t guard_now_ns(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000000ull + (uint64_t)ts.tv_nsec;
}

ssize_t guard_pread(int fd, char *buf, size_t cap)
{
	if (fd < 0 || cap == 0)
		return -EBADF;
	size_t got = 0;
	while (got < cap - 1) {
		ssize_t n = pread(fd, buf + got, cap - 1 - got, (off_t)got);
		if (n < 0) {
			if (errno == EINTR)
				continue;
			return -errno;
		}
		if (n == 0)
			break;
		got += (size_t)n;
		/* /proc, sysfs and cgroup files give everything that fits in one
		 * read (seq_file fills the whole user buffer); a short read is the
		 * end, and a second read only to see 0 would double the syscalls
		 * of every poll. */
		if ((size_t)n < cap - 1 - (got - (size_t)n))
			break;
	}
	buf[got] = '\0';
	return (ssize_t)got;
}

int guard_taskset_init(struct guard_taskset *ts)
{
	ts->n = 0;
	ts->truncated = false;
	ts->tasks = guard_alloc_zeroed(GUARD_MAX_TASKS * sizeof(*ts->tasks));
	return ts->tasks ? 0 : -ENOMEM;
}

void guard_taskset_release(struct guard_taskset *ts)
{
	guard_free_zeroed(ts->tasks, GUARD_MAX_TASKS * sizeof(*ts->tasks));
	ts->tasks = NULL;
	ts->n = 0;
}

/* The /proc of proc_dirfd as a live root: live/'s task readers use only
 * its procfd (and host, for the init pid namespace check). */
static struct live_root proc_root(int proc_dirfd)
{
	struct live_root r;
	memset(&r, 0, sizeof(r));
	r.dirfd = -1;
	r.procfd = proc_dirfd;
	r.host = true;
	r.path[0] = '/';
	return r;
}

int guard_read_task(int proc_dirfd, int64_t pid, bool need_cmdline, struct guard_task *gt)
{
	struct live_root r = proc_root(proc_dirfd);
	struct guard_task g;
	memset(&g, 0, sizeof(g));
	g.tier = 1;
	struct oom_task st;
	struct live_pid_stat ps;
	task_init(&st);
	int rc = live_read_stat(&r, pid, &st, &ps);
	if (rc == -ENOENT)
		rc = -ESRCH;       /* the process went away between the listing and the read */
	if (rc < 0)
		return rc;
	static int64_t page_kib;
	if (!page_kib) {
		long sz = sysconf(_SC_PAGESIZE);
		page_kib = sz >= 1024 ? sz / 1024 : 4;
	}
	rc = live_read_task(&r, pid, &g.t);
	if (rc == -ENOENT || rc == -EINVAL)
		rc = -ESRCH;
	if (rc < 0)
		return rc;         /* -ESRCH gone or zombie; -EAGAIN exiting (exit_mm done) */
	g.t.kthread = g.t.kthread || st.kthread;
	if (!g.t.comm[0])
		str_copy(g.t.comm, sizeof(g.t.comm), st.comm, strlen(st.comm));
	g.ppid = ps.ppid;
	g.pgid = ps.pgid;
	g.sid = ps.sid;
	g.start_ticks = ps.start_ticks;
	if (need_cmdline && !g.t.kthread) {
		live_read_cmdline(&r, pid, g.cmdline, sizeof(g.cmdline));
		/* cgroup: and unit: rules, and restart-unit's unit. */
		live_read_task_cgroup(&r, pid, g.t.cgroup, sizeof(g.t.cgroup));
	}
	*gt = g;
	return 0;
}

/* Ranking while scanning: is a ahead of b (the policy would rather take
 * a)?  Unranked (no rank context: the recorder's scan) by what a kill frees. */
static bool ahead(const struct guard_taskset *ts, const struct guard_task *a, const struct guard_task *b)
{
	const struct guard_rank *rk = ts->rank;
	if (!rk)
		return guard_task_freeable_kib(a, 4) > guard_task_freeable_kib(b, 4);
	bool ca = a->tier >= 0 && known(a->t.badness), cb = b->tier >= 0 && known(b->t.badness);
	if (ca != cb)
		return ca;
	return ca && guard_task_ahead(a, b, rk->kv);
}

static size_t worst_index(const struct guard_taskset *ts)
{
	size_t w = 0;
	for (size_t i = 1; i < ts->n; i++)
		if (ahead(ts, &ts->tasks[w], &ts->tasks[i]))
			w = i;
	return w;
}

static void add_pid(int proc_dirfd, int64_t pid, bool need_cmdline, struct guard_taskset *ts)
{
	static struct guard_task g;
	int rc = guard_read_task(proc_dirfd, pid, need_cmdline, &g);
	if (rc == -EAGAIN) {
		ts->nr_exiting++;      /* listed, mm gone: its pages are on their way back */
		return;
	}
	if (rc != 0)
		return;
	g.seq = ts->seq++;
	if (ts->rank) {
		const struct guard_rank *rk = ts->rank;
		guard_policy_classify(rk->c, &g, rk->self_pid);
		g.t.badness = badness_for_era(&g.t, rk->totalpages, rk->page_kib, rk->kv);
	}
	size_t cap = ts->cap ? ts->cap : GUARD_MAX_TASKS;
	if (ts->n < cap) {
		ts->tasks[ts->n++] = g;
		return;
	}
	/* Full: keep the better of the newcomer and the table's worst. */
	ts->truncated = true;
	ts->nr_skipped++;
	if (!ts->worst_valid) {
		ts->worst = worst_index(ts);
		ts->worst_valid = true;
	}
	if (ahead(ts, &g, &ts->tasks[ts->worst])) {
		ts->tasks[ts->worst] = g;
		ts->worst_valid = false;
	}
}

/* cgroup.procs of one cgroup, then its children (v1 and v2 alike). */
static int scan_cgroup(int proc_dirfd, int dirfd, bool need_cmdline, struct guard_taskset *ts,
		       int depth)
{
	static char procs[65536];
	ssize_t n = read_small_file_at(dirfd, "cgroup.procs", procs, sizeof(procs));
	if (n < 0)
		return (int)n;
	const char *p = procs, *end = procs + n;
	int64_t pid;
	while (live_pids_next(&p, end, &pid))
		add_pid(proc_dirfd, pid, need_cmdline, ts);
	if (depth >= 16)
		return 0;
	char dents[4096];
	int dup = openat(dirfd, ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (dup < 0)
		return 0;
	for (;;) {
		long got = syscall(SYS_getdents64, dup, dents, sizeof(dents));
		if (got <= 0)
			break;
		for (long off = 0; off < got;) {
			struct linux_dirent64 *d = (struct linux_dirent64 *)(dents + off);
			off += d->d_reclen;
			if (d->d_type != DT_DIR || d->d_name[0] == '.')
				continue;
			int sub = openat(dup, d->d_name, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
			if (sub < 0)
				continue;
			scan_cgroup(proc_dirfd, sub, need_cmdline, ts, depth + 1);
			close(sub);
		}
	}
	close(dup);
	return 0;
}

int guard_scan(int proc_dirfd, int scope_dirfd, bool need_cmdline, struct guard_taskset *ts)
{
	ts->n = 0;
	ts->truncated = false;
	ts->nr_skipped = ts->nr_exiting = 0;
	ts->seq = 0;
	ts->worst_valid = false;
	if (scope_dirfd >= 0)
		return scan_cgroup(proc_dirfd, scope_dirfd, need_cmdline, ts, 0);
	char dents[8192];
	int fd = openat(proc_dirfd, ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (fd < 0)
		return -errno;
	for (;;) {
		long got = syscall(SYS_getdents64, fd, dents, sizeof(dents));
		if (got < 0) {
			int e = errno;
			close(fd);
			return -e;
		}
		if (got == 0)
			break;
		for (long off = 0; off < got;) {
			struct linux_dirent64 *d = (struct linux_dirent64 *)(dents + off);
			off += d->d_reclen;
			/* A directory name, not kernel text: the pids of /proc. */
			const char *q = d->d_name;
			int64_t pid;
			if (d->d_name[0] >= '1' && d->d_name[0] <= '9' &&
			    live_pids_next(&q, d->d_name + strlen(d->d_name), &pid) && *q == '\0')
				add_pid(proc_dirfd, pid, need_cmdline, ts);
		}
	}
	close(fd);
	return 0;
}
