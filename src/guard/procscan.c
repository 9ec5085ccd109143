/* procscan.c — the tasks of a scope, read into a table allocated once.
 *
 * The live/ readers build heap snapshots for the interactive commands; the
 * guard decides when memory is short, so it reads /proc with openat() on a
 * kept /proc directory fd, getdents64() into static buffers and the fields
 * the policy needs only (stat for identity and kthread, status for the rss
 * split, swap and page tables, oom_score_adj). */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <dirent.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#include "guard/guard.h"
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

/* The number after a key: blanks and ':' skipped, then digits (stopping
 * at the first other byte, or at e). */
static bool number_at(const char *q, const char *e, int64_t *out)
{
	while (q < e && (*q == ' ' || *q == '\t' || *q == ':'))
		q++;
	uint64_t v;
	if (scan_u64(&q, e, &v) != 0 || v > INT64_MAX)
		return false;
	*out = (int64_t)v;
	return true;
}

int guard_key_values(const char *text, size_t len, const struct guard_kv *kv, size_t n)
{
	uint32_t hints[64] = { 0 };    /* no remembered places: one pass for all */
	return guard_key_values_hinted(text, len, kv, n, hints);
}

int guard_key_value(const char *text, const char *key, int64_t *out)
{
	const struct guard_kv kv[] = { { key, out } };
	return guard_key_values(text, strlen(text), kv, 1) == 1 ? 0 : -ENOENT;
}

int guard_key_values_hinted(const char *text, size_t len, const struct guard_kv *kv, size_t n,
			    uint32_t *hints)
{
	struct guard_kv miss[64];
	size_t nmiss = 0, missidx[64], misslen[64];
	int found = 0;
	for (size_t i = 0; i < n && i < 64; i++) {
		size_t h = hints[i], kl = strlen(kv[i].key);
		if (h + kl < len && (h == 0 || text[h - 1] == '\n') && !memcmp(text + h, kv[i].key, kl)) {
			/* number_at stops at the newline by itself */
			if (number_at(text + h + kl, text + len, kv[i].out))
				found++;
			continue;
		}
		missidx[nmiss] = i;
		misslen[nmiss] = kl;
		miss[nmiss++] = kv[i];
	}
	if (nmiss == 0)
		return found;
	/* One pass for the keys not where they were; note where they are. */
	const char *p = text, *end = text + len;
	uint64_t pending = nmiss >= 64 ? UINT64_MAX : ((uint64_t)1 << nmiss) - 1;
	while (p < end && pending) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		const char *le = nl ? nl : end;
		for (size_t j = 0; j < nmiss; j++) {
			size_t kl = misslen[j];
			if (!(pending & ((uint64_t)1 << j)) || miss[j].key[0] != *p || (size_t)(le - p) < kl ||
			    memcmp(p, miss[j].key, kl))
				continue;
			pending &= ~((uint64_t)1 << j);
			hints[missidx[j]] = (uint32_t)(p - text);
			if (number_at(p + kl, le, miss[j].out))
				found++;
			break;
		}
		p = le + 1;
	}
	return found;
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

static ssize_t read_at(int dirfd, const char *path, char *buf, size_t cap)
{
	ssize_t n = read_small_file_at(dirfd, path, buf, cap);
	if (n == -ENOENT || n == -ESRCH || n == -EINVAL)
		return -ESRCH;       /* the process went away between the listing and the read */
	return n;
}

int guard_read_task(int proc_dirfd, int64_t pid, bool need_cmdline, struct guard_task *gt)
{
	static char buf[8192];
	char path[64];
	struct guard_task g;
	memset(&g, 0, sizeof(g));
	task_init(&g.t);
	g.t.pid = g.t.tgid = pid;
	g.tier = 1;

	snprintf(path, sizeof(path), "%lld/stat", (long long)pid);
	ssize_t n = read_at(proc_dirfd, path, buf, sizeof(buf));
	if (n < 0)
		return (int)n;
	char *lp = strchr(buf, '('), *rp = strrchr(buf, ')');
	if (!lp || !rp || rp < lp)
		return -EINVAL;
	str_copy(g.t.comm, sizeof(g.t.comm), lp + 1, (size_t)(rp - lp - 1));
	/* Fields after the comm: state ppid pgrp session tty tpgid flags … starttime (22nd). */
	const char *p = rp + 1, *end = buf + n;
	uint64_t field[20] = { 0 };
	for (int i = 0; i < 20 && p < end; i++) {
		while (p < end && *p == ' ')
			p++;
		if (i == 0) {             /* state letter */
			while (p < end && *p != ' ')
				p++;
			continue;
		}
		int64_t v;
		if (scan_i64(&p, end, &v) != 0)
			return -EINVAL;
		field[i] = (uint64_t)v;
	}
	g.ppid = (int64_t)field[1];
	g.pgid = (int64_t)field[2];
	g.sid = (int64_t)field[3];
	g.t.kthread = (field[6] & PF_KTHREAD_FLAG) != 0;
	g.start_ticks = field[19];

	snprintf(path, sizeof(path), "%lld/status", (long long)pid);
	n = read_at(proc_dirfd, path, buf, sizeof(buf));
	if (n < 0)
		return (int)n;
	int64_t v;
	/* page size: the status values are kB; the model keeps pages. */
	static int64_t page_kib;
	if (!page_kib) {
		long ps = sysconf(_SC_PAGESIZE);
		page_kib = ps > 0 ? ps / 1024 : 4;
	}
	int64_t uid = OOM_NA, anon = OOM_NA, file = OOM_NA, shmem = OOM_NA, swap = OOM_NA,
		pte = OOM_NA, size = OOM_NA;
	const struct guard_kv kv[] = {
		{ "Uid:", &uid }, { "VmSize:", &size }, { "RssAnon:", &anon }, { "RssFile:", &file },
		{ "RssShmem:", &shmem }, { "VmPTE:", &pte }, { "VmSwap:", &swap },
	};
	guard_key_values(buf, (size_t)n, kv, ARRAY_SIZE(kv));
	if (known(uid))
		g.t.uid = uid;
	if (known(anon))
		g.t.rss_anon_pages = anon / page_kib;
	if (known(file))
		g.t.rss_file_pages = file / page_kib;
	if (known(shmem))
		g.t.rss_shmem_pages = shmem / page_kib;
	if (known(swap))
		g.t.swapents_pages = swap / page_kib;
	if (known(pte))
		g.t.pgtables_bytes = pte * 1024;
	if (known(size))
		g.t.total_vm_pages = size / page_kib;
	if (known(g.t.rss_anon_pages) && known(g.t.rss_file_pages) && known(g.t.rss_shmem_pages))
		g.t.rss_pages = g.t.rss_anon_pages + g.t.rss_file_pages + g.t.rss_shmem_pages;

	snprintf(path, sizeof(path), "%lld/oom_score_adj", (long long)pid);
	n = read_at(proc_dirfd, path, buf, 64);
	if (n < 0)
		return (int)n;
	while (n > 0 && (buf[n - 1] == '\n' || buf[n - 1] == ' '))
		n--;
	if (parse_i64(buf, (size_t)n, &v) == 0)
		g.t.oom_score_adj = v;

	if (need_cmdline && !g.t.kthread) {
		snprintf(path, sizeof(path), "%lld/cmdline", (long long)pid);
		n = read_at(proc_dirfd, path, buf, sizeof(g.cmdline));
		if (n > 0) {
			while (n > 0 && buf[n - 1] == '\0')
				n--;
			for (ssize_t i = 0; i < n; i++)
				if (buf[i] == '\0')
					buf[i] = ' ';
			str_copy(g.cmdline, sizeof(g.cmdline), buf, (size_t)n);
		}
	}
	*gt = g;
	return 0;
}

struct linux_dirent64 {
	uint64_t d_ino;
	int64_t d_off;
	unsigned short d_reclen;
	unsigned char d_type;
	char d_name[];
};

static void add_pid(int proc_dirfd, int64_t pid, bool need_cmdline, struct guard_taskset *ts)
{
	if (ts->n >= GUARD_MAX_TASKS) {
		ts->truncated = true;
		return;
	}
	if (guard_read_task(proc_dirfd, pid, need_cmdline, &ts->tasks[ts->n]) == 0)
		ts->n++;
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
	while (p < end) {
		uint64_t pid;
		if (scan_u64(&p, end, &pid) == 0 && pid > 0 && pid < INT32_MAX)
			add_pid(proc_dirfd, (int64_t)pid, need_cmdline, ts);
		while (p < end && (*p < '0' || *p > '9'))
			p++;
	}
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
			uint64_t pid;
			if (d->d_name[0] < '1' || d->d_name[0] > '9' ||
			    parse_u64(d->d_name, (size_t)-1, &pid) != 0 || pid > INT32_MAX)
				continue;
			add_pid(proc_dirfd, (int64_t)pid, need_cmdline, ts);
		}
	}
	close(fd);
	return 0;
}
