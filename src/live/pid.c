/* pid.c — one process's files, read fast and without the heap (the guard
 * reads them when memory is short): PID/status and PID/oom_score_adj
 * (live_read_task, with the zombie-leader fallback to a live thread),
 * PID/stat (live_read_stat), PID/cmdline (live_read_cmdline).  One open
 * and one read each, relative to the open /proc fd; the texts are parsed
 * by live/parse_status.c, parse_stat.c, parse_cmdline.c, parse_value.c.
 * The scans over every process are in tasks.c. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "live/live.h"
#include "live/text.h"

/* One read is enough for a /proc seq file whose content fits the buffer;
 * a longer content is cut at cap - 1 bytes, which status, oom_score_adj and
 * cgroup never reach with the buffers used here. */
ssize_t text_read_at(int dirfd, const char *path, char *dst, size_t cap)
{
	return read_small_file_once_at(dirfd, path, dst, cap);
}

/* Closing in batches.  A syscall is dear (in a VM most of all: entering
 * the kernel was a sixth of `top`'s time on the PVM guest where this was
 * measured), and a scan reads two files per process: holding the fds and
 * closing LIVE_FDS_BATCH at once with close_range(2) (5.9+) saves about one
 * syscall per file.  fds are handed out lowest-first, so the batch is one
 * contiguous range, or a few where an inherited fd sits in between: one
 * close_range per run of consecutive fds, each fd of which is ours, so no
 * other fd is ever touched.  Where close_range is missing or refused, each
 * is closed on its own. */
void live_fds_flush(struct live_fds *b)
{
	static bool no_close_range;
	for (int i = 1; i < b->n; i++)   /* ascending (they nearly are) */
		for (int j = i; j > 0 && b->fd[j - 1] > b->fd[j]; j--) {
			int x = b->fd[j];
			b->fd[j] = b->fd[j - 1];
			b->fd[j - 1] = x;
		}
	for (int i = 0; i < b->n;) {
		int j = i + 1;
		while (j < b->n && b->fd[j] == b->fd[j - 1] + 1)
			j++;
		if (j - i == 1 || no_close_range ||
		    syscall(SYS_close_range, (unsigned)b->fd[i], (unsigned)b->fd[j - 1], 0u) != 0) {
			if (j - i > 1 && (errno == ENOSYS || errno == EPERM))
				no_close_range = true;
			for (int k = i; k < j; k++)
				close(b->fd[k]);
		}
		i = j;
	}
	b->n = 0;
}

/* text_read_at with the close left to the batch b (when given). */
static ssize_t text_read_held(int dirfd, const char *path, char *dst, size_t cap, struct live_fds *b)
{
	if (!b)
		return text_read_at(dirfd, path, dst, cap);
	int fd = openat(dirfd, path, O_RDONLY | O_CLOEXEC | O_NOCTTY);
	if (fd < 0 && errno == EMFILE && b->n > 0) {
		live_fds_flush(b);   /* a low RLIMIT_NOFILE: what we hold first */
		fd = openat(dirfd, path, O_RDONLY | O_CLOEXEC | O_NOCTTY);
	}
	if (fd < 0)
		return -errno;
	ssize_t n;
	do
		n = read(fd, dst, cap - 1);
	while (n < 0 && errno == EINTR);
	int e = errno;
	b->fd[b->n++] = fd;
	if (b->n == LIVE_FDS_BATCH)
		live_fds_flush(b);
	if (n < 0)
		return -e;
	dst[n] = '\0';
	return n;
}

/* Is the /proc we read that of the initial pid namespace, whose pid 1 the
 * kernel never picks (is_global_init)?  NSpid cannot tell (it is relative
 * to the proc mount's namespace); kthreadd can: it is pid 2 of the initial
 * namespace only (2.6.22+), and kernel threads are invisible elsewhere. */
static bool in_init_pidns(const struct live_root *r)
{
	if (!r->host)
		return true;   /* a captured tree: its pid 1 is the machine's init */
	static int cached = -1;
	if (cached < 0) {
		char text[4096];
		struct oom_task t;
		ssize_t n = text_read_at(r->procfd, "2/status", text, sizeof(text));
		cached = n > 0 && live_parse_status(text, (size_t)n, 4, &t) == 0 && t.kthread &&
			 !strcmp(t.comm, "kthreadd");
	}
	return cached == 1;
}

/* A zombie thread-group leader (main called pthread_exit) keeps its pid
 * while other threads run on the same mm: the kernel's find_lock_task_mm()
 * (mm/oom_kill.c, 2.6.35+) takes the first thread that still has an mm, so
 * the process is judged — and killed — with that mm.  Same here: the first
 * thread of PID/task/ whose status parses.  getdents64 into a stack buffer
 * (the guard calls this when memory is short: no opendir, no heap). */
static int read_live_thread(int procfd, int64_t pid, int64_t psz, char *text, size_t cap,
			    struct oom_task *x)
{
	char path[48];
	snprintf(path, sizeof(path), "%lld/task", (long long)pid);
	int dfd = openat(procfd, path, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (dfd < 0)
		return -ESRCH;
	char dents[2048];
	int rc = -ESRCH;
	long got;
	while (rc != 0 && (got = syscall(SYS_getdents64, dfd, dents, sizeof(dents))) > 0) {
		for (long off = 0; off < got && rc != 0;) {
			struct linux_dirent64 *d = (struct linux_dirent64 *)(dents + off);
			off += d->d_reclen;
			uint64_t tid;
			if (d->d_name[0] < '1' || d->d_name[0] > '9' || parse_u64(d->d_name, strlen(d->d_name), &tid) < 0 ||
			    (int64_t)tid == pid)
				continue;
			snprintf(path, sizeof(path), "%lld/task/%llu/status", (long long)pid, (unsigned long long)tid);
			ssize_t n = text_read_at(procfd, path, text, cap);
			if (n > 0 && live_parse_status(text, (size_t)n, psz, x) == 0)
				rc = 0;
		}
	}
	close(dfd);
	if (rc == 0)
		x->pid = x->tgid = pid;
	return rc;
}

int live_read_task_at(const struct live_root *r, int procfd, int64_t pid, struct oom_task *t, int64_t psz,
		      struct live_fds *b)
{
	char path[40], text[8192];
	snprintf(path, sizeof(path), "%lld/status", (long long)pid);
	ssize_t n = text_read_held(procfd, path, text, sizeof(text), b);
	if (n < 0)
		return (int)n;
	struct oom_task x;
	int rc = live_parse_status(text, (size_t)n, psz, &x);
	if (rc == -ESRCH) {
		/* A zombie: the whole process, or only its leader?  (The comm
		 * is then the live thread's, as in the kernel's own report.) */
		rc = read_live_thread(procfd, pid, psz, text, sizeof(text), &x);
	}
	if (rc < 0)
		return rc == -EINVAL ? -ESRCH : rc;   /* torn read of an exiting task */
	snprintf(path, sizeof(path), "%lld/oom_score_adj", (long long)pid);
	char adj[32];
	n = text_read_held(procfd, path, adj, sizeof(adj), b);
	if (n > 0) {
		int64_t v;
		if (live_parse_value_i64(adj, (size_t)n, &v) == 0 && v >= -1000 && v <= 1000)
			x.oom_score_adj = v;
	} else if (n == -ENOENT || n == -ESRCH) {
		return (int)n;
	}
	x.global_init = x.tgid == 1 && in_init_pidns(r);
	*t = x;
	return 0;
}

int live_read_task(const struct live_root *r, int64_t pid, struct oom_task *t)
{
	if (r->procfd < 0)
		return -ENOENT;
	/* The host's page size without proc.c's inference (the guard's loop
	 * stays within its own code). */
	static int64_t host_psz;
	if (r->host && !host_psz) {
		long ps = sysconf(_SC_PAGESIZE);
		host_psz = ps >= 1024 ? ps / 1024 : 4;
	}
	int64_t psz = r->host ? host_psz : live_page_size_kib(r);
	return live_read_task_at(r, r->procfd, pid, t, psz, NULL);
}

ssize_t live_read_pid_file(const struct live_root *r, int64_t pid, const char *name, char *text, size_t cap)
{
	if (r->procfd < 0)
		return -ENOENT;
	char path[64];
	snprintf(path, sizeof(path), "%lld/%s", (long long)pid, name);
	return text_read_at(r->procfd, path, text, cap);
}

int live_read_stat(const struct live_root *r, int64_t pid, struct oom_task *t, struct live_pid_stat *st)
{
	char text[1024];
	ssize_t n = live_read_pid_file(r, pid, "stat", text, sizeof(text));
	if (n < 0)
		return (int)n;
	int rc = live_parse_stat(text, (size_t)n, t, st);
	return rc == -EINVAL ? -ESRCH : rc;   /* torn read of an exiting task */
}

int live_read_cmdline(const struct live_root *r, int64_t pid, char *dst, size_t dstlen)
{
	char text[1024];
	ssize_t n = live_read_pid_file(r, pid, "cmdline", text, sizeof(text) < dstlen + 1 ? sizeof(text) : dstlen + 1);
	if (n < 0)
		return (int)n;
	return live_parse_cmdline(text, (size_t)n, dst, dstlen);
}

