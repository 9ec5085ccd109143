/* tasks.c — processes as the OOM killer sees them, read fast: for each pid
 * two files relative to the open /proc fd ("PID/status", "PID/oom_score_adj"),
 * one read each, their fds closed in batches (pid.c live_fds_flush), nothing
 * else (the cgroup only when asked).  A caller may keep only some of the
 * tasks read (live_scan_tasks_keep: `top` holds the rows it shows).  status carries
 * everything oom_badness() (mm/oom_kill.c, 4.15+) uses — RssAnon + RssFile +
 * RssShmem (= get_mm_rss), VmSwap (MM_SWAPENTS), VmPTE (pgtables_bytes >> 10)
 * — and whether the task has an mm at all. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "live/live.h"
#include "live/text.h"

int live_read_task_cgroup(const struct live_root *r, int64_t pid, char *dst, size_t dstlen)
{
	char text[4096];
	ssize_t n = live_read_pid_file(r, pid, "cgroup", text, sizeof(text));
	if (n < 0)
		return (int)n;
	return live_parse_pid_cgroup(text, (size_t)n, dst, dstlen);
}

/* ---- the cgroup scope ------------------------------------------------ */

struct pid_cg {
	int64_t pid;
	int cg;        /* index into the path list */
};
struct cg_walk {
	struct pid_cg *v;
	size_t n, cap;
	char (*paths)[OOM_PATH_LEN];
	size_t npaths, cappaths;
};

static int walk_add_path(struct cg_walk *w, const char *p)
{
	if (w->npaths == w->cappaths) {
		size_t cap = w->cappaths ? w->cappaths * 2 : 16;
		void *n = realloc(w->paths, cap * sizeof(*w->paths));
		if (!n)
			return -ENOMEM;
		w->paths = n;
		w->cappaths = cap;
	}
	str_copy(w->paths[w->npaths], OOM_PATH_LEN, p, strlen(p));
	return (int)w->npaths++;
}

static int walk_cgroup(struct cg_walk *w, int dirfd, const char *relpath, int depth)
{
	if (depth > 64)
		return 0;
	int idx = walk_add_path(w, relpath);
	if (idx < 0)
		return idx;
	struct buf b = BUF_INIT;
	int fd = openat(dirfd, "cgroup.procs", O_RDONLY | O_CLOEXEC);
	if (fd >= 0) {
		char chunk[8192];
		ssize_t n;
		while ((n = read(fd, chunk, sizeof(chunk))) > 0)
			if (buf_add(&b, chunk, (size_t)n) < 0)
				break;
		close(fd);
	}
	const char *pp = b.data, *pend = b.data ? b.data + b.len : NULL;
	int64_t pid;
	while (pp && live_pids_next(&pp, pend, &pid)) {
		if (w->n == w->cap) {
			size_t cap = w->cap ? w->cap * 2 : 256;
			void *nv = realloc(w->v, cap * sizeof(*w->v));
			if (!nv)
				break;
			w->v = nv;
			w->cap = cap;
		}
		w->v[w->n].pid = pid;
		w->v[w->n].cg = idx;
		w->n++;
	}
	buf_release(&b);
	int dfd = dup(dirfd);
	if (dfd < 0)
		return 0;
	DIR *d = fdopendir(dfd);
	if (!d) {
		close(dfd);
		return 0;
	}
	struct dirent *de;
	while ((de = readdir(d)) != NULL) {
		if (de->d_type != DT_DIR || de->d_name[0] == '.')
			continue;
		int sub = openat(dirfd, de->d_name, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
		if (sub < 0)
			continue;
		char child[OOM_PATH_LEN];
		int len = snprintf(child, sizeof(child), "%s%s%s", relpath,
				   relpath[strlen(relpath) - 1] == '/' ? "" : "/", de->d_name);
		if (len > 0 && (size_t)len < sizeof(child))
			walk_cgroup(w, sub, child, depth + 1);
		close(sub);
	}
	closedir(d);
	return 0;
}

static int cmp_pid_cg(const void *a, const void *b)
{
	const struct pid_cg *x = a, *y = b;
	return (x->pid > y->pid) - (x->pid < y->pid);
}

static const char *rel_of(const char *p)
{
	while (*p == '/')
		p++;
	return *p ? p : ".";
}

static int scan_cgroup(const struct live_root *r, struct oom_snapshot *s, const char *memcg_dir,
		       int64_t psz, live_task_keep_fn keep, void *arg)
{
	int dfd = openat(r->dirfd, rel_of(memcg_dir), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (dfd < 0)
		return -errno;
	char full[OOM_PATH_LEN * 2], base[OOM_PATH_LEN];
	snprintf(full, sizeof(full), "%s/%s", r->path, rel_of(memcg_dir));
	if (live_memcg_relpath(full, base, sizeof(base)) < 0)
		snprintf(base, sizeof(base), "/");
	struct cg_walk w;
	memset(&w, 0, sizeof(w));
	walk_cgroup(&w, dfd, base, 0);
	close(dfd);
	if (w.n > 1)
		qsort(w.v, w.n, sizeof(*w.v), cmp_pid_cg);
	int count = 0;
	struct live_fds held = { .n = 0 };
	for (size_t i = 0; i < w.n; i++) {
		struct oom_task t;
		if (live_read_task_at(r, r->procfd, w.v[i].pid, &t, psz, &held) < 0)
			continue;
		if (t.tgid != t.pid)
			continue;   /* a thread listed by a threaded cgroup: its group is the process */
		count++;
		struct oom_task *slot = keep ? keep(s, &t, arg) : snapshot_add_task(s);
		if (!slot) {
			if (s->tasks_truncated)
				break;
			continue;
		}
		*slot = t;
		str_copy(slot->cgroup, sizeof(slot->cgroup), w.paths[w.v[i].cg], strlen(w.paths[w.v[i].cg]));
	}
	live_fds_flush(&held);
	free(w.v);
	free(w.paths);
	return count;
}

/* Rows into pid order: the pids and row numbers are sorted (16 bytes each,
 * not the ~720-byte rows), then each row moves once, cycle by cycle. */
struct pid_row {
	int64_t pid;
	size_t row;
};

static int cmp_pid_row(const void *a, const void *b)
{
	const struct pid_row *x = a, *y = b;
	return (x->pid > y->pid) - (x->pid < y->pid);
}

static void sort_tasks_by_pid(struct oom_snapshot *s)
{
	size_t n = s->nr_tasks;
	struct pid_row *o = malloc(n * sizeof(*o));
	if (!o)
		return;
	for (size_t i = 0; i < n; i++)
		o[i] = (struct pid_row){ s->tasks[i].pid, i };
	qsort(o, n, sizeof(*o), cmp_pid_row);
	/* position i takes row o[i].row; walk each cycle once */
	for (size_t i = 0; i < n; i++) {
		if (o[i].row == i || o[i].row == SIZE_MAX)
			continue;
		struct oom_task tmp = s->tasks[i];
		size_t j = i;
		while (o[j].row != i) {
			size_t from = o[j].row;
			s->tasks[j] = s->tasks[from];
			o[j].row = SIZE_MAX;
			j = from;
		}
		s->tasks[j] = tmp;
		o[j].row = SIZE_MAX;
	}
	free(o);
}

static int find_memory_mount(const struct live_root *r, char *mnt, size_t mntlen, char *hroot, size_t hlen)
{
	struct buf b = BUF_INIT;
	ssize_t n = live_read_file(r, "proc/self/mountinfo", &b);
	int rc = n < 0 ? (int)n : live_parse_mountinfo_memcg(b.data, b.len, mnt, mntlen, hroot, hlen);
	buf_release(&b);
	return rc;
}

static int cmp_pid_key(const void *key, const void *elem)
{
	int64_t k = *(const int64_t *)key;
	const struct pid_cg *e = elem;
	return (k > e->pid) - (k < e->pid);
}

/* One walk of the hierarchy's cgroup.procs files beats three syscalls per
 * process once more than a few dozen cgroups are wanted. */
#define CGMAP_MIN_TASKS 48

void live_fill_task_cgroups(const struct live_root *r, struct oom_snapshot *s, const size_t *idx, size_t n)
{
	struct cg_walk w;
	memset(&w, 0, sizeof(w));
	bool mapped = false;
	char mnt[OOM_PATH_LEN], hroot[OOM_PATH_LEN];
	if (n >= CGMAP_MIN_TASKS && r->host && find_memory_mount(r, mnt, sizeof(mnt), hroot, sizeof(hroot)) == 0) {
		const char *relm = mnt;
		while (*relm == '/')
			relm++;
		int dfd = openat(r->dirfd, *relm ? relm : ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
		if (dfd >= 0) {
			walk_cgroup(&w, dfd, hroot[0] ? hroot : "/", 0);
			close(dfd);
			if (w.n > 1)
				qsort(w.v, w.n, sizeof(*w.v), cmp_pid_cg);
			mapped = w.n > 0;
		}
	}
	for (size_t k = 0; k < n; k++) {
		struct oom_task *t = &s->tasks[idx[k]];
		if (t->cgroup[0] || t->kthread || !known(t->pid))
			continue;
		const struct pid_cg *hit = mapped ? bsearch(&t->pid, w.v, w.n, sizeof(*w.v), cmp_pid_key) : NULL;
		if (hit)
			str_copy(t->cgroup, sizeof(t->cgroup), w.paths[hit->cg], strlen(w.paths[hit->cg]));
		else
			live_read_task_cgroup(r, t->pid, t->cgroup, sizeof(t->cgroup));
	}
	free(w.v);
	free(w.paths);
}

/* Is the table already in pid order?  (A live /proc lists pids ascending:
 * no sort then — glibc's qsort over the ~720-byte rows of 2000 processes
 * was a twentieth of `top`'s time.) */
static bool in_pid_order(const struct oom_task *t, size_t n)
{
	for (size_t i = 1; i < n; i++)
		if (t[i - 1].pid > t[i].pid)
			return false;
	return true;
}

int live_scan_tasks_keep(const struct live_root *r, struct oom_snapshot *s, const char *memcg_dir,
			 live_task_keep_fn keep, void *arg)
{
	if (r->procfd < 0)
		return -ENOENT;
	if (!known(s->page_size_kib))
		s->page_size_kib = live_page_size_kib(r);
	int64_t psz = s->page_size_kib;
	if (memcg_dir) {
		int n = scan_cgroup(r, s, memcg_dir, psz, keep, arg);
		if (n > 0 && s->nr_tasks > 1 && !in_pid_order(s->tasks, s->nr_tasks))
			sort_tasks_by_pid(s);   /* rows given up and reused */
		return n;
	}
	int fd = openat(r->procfd, ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (fd < 0)
		return -errno;
	DIR *d = fdopendir(fd);
	if (!d) {
		int e = errno;
		close(fd);
		return -e;
	}
	int count = 0;
	struct dirent *de;
	/* Each task is read into one stack row and copied into the table
	 * only when kept: the table's fresh pages are what costs (a page
	 * fault each), not the copy. */
	struct oom_task t;
	struct live_fds held = { .n = 0 };
	while ((de = readdir(d)) != NULL) {
		const char *n = de->d_name;
		if (n[0] < '1' || n[0] > '9')
			continue;
		int64_t pid;
		if (parse_i64(n, (size_t)-1, &pid) < 0)
			continue;
		if (live_read_task_at(r, r->procfd, pid, &t, psz, &held) < 0)
			continue;   /* vanished mid-scan, zombie, or unreadable: skipped */
		count++;
		struct oom_task *slot = keep ? keep(s, &t, arg) : snapshot_add_task(s);
		if (!slot) {
			if (s->tasks_truncated)
				break;
			continue;
		}
		*slot = t;
	}
	live_fds_flush(&held);
	closedir(d);
	/* /proc lists pids in ascending order; a captured tree's directory
	 * order is arbitrary: sort so both iterate like the kernel's task list. */
	if (s->nr_tasks > 1 && !in_pid_order(s->tasks, s->nr_tasks))
		sort_tasks_by_pid(s);
	return count;
}

int live_scan_tasks(const struct live_root *r, struct oom_snapshot *s, const char *memcg_dir)
{
	return live_scan_tasks_keep(r, s, memcg_dir, NULL, NULL);
}
