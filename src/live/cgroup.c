/* cgroup.c — a memory cgroup directory read as the model's oom_memcg.
 * v1 (memory.usage_in_bytes, limit_in_bytes, failcnt, memsw.*, kmem.*,
 * memory.stat, memory.oom_control) or v2 (memory.current, max, high,
 * swap.current, swap.max, memory.events, memory.stat, memory.oom.group),
 * detected by which files exist.  Byte values become KiB; "max" and the v1
 * "unlimited" (PAGE_COUNTER_MAX rounded, ≥ 2^62) become OOM_UNLIMITED.
 * The file texts are parsed in parse_memcg.c. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "live/live.h"
#include "live/text.h"

static int open_dir(const char *dir)
{
	return open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
}

/* A byte value file → KiB; "max" → OOM_UNLIMITED (live_parse_memcg_bytes). */
static int64_t read_bytes_kib(int dfd, const char *name)
{
	char text[64];
	ssize_t n = read_small_file_at(dfd, name, text, sizeof(text));
	int64_t kib;
	return n > 0 && live_parse_memcg_bytes(text, (size_t)n, &kib) == 0 ? kib : OOM_NA;
}

static int64_t read_count(int dfd, const char *name)
{
	char text[64];
	ssize_t n = read_small_file_at(dfd, name, text, sizeof(text));
	int64_t v;
	return n > 0 && live_parse_value_i64(text, (size_t)n, &v) == 0 ? v : OOM_NA;
}

static void read_flat(int dfd, const char *name, int version, bool stat, struct oom_memcg *m)
{
	struct buf b = BUF_INIT;
	int fd = openat(dfd, name, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return;
	char chunk[4096];
	ssize_t n;
	while ((n = read(fd, chunk, sizeof(chunk))) > 0 && b.len < (1u << 20))
		if (buf_add(&b, chunk, (size_t)n) < 0)
			break;
	close(fd);
	if (b.data) {
		if (stat)
			live_parse_memcg_stat(b.data, b.len, version, m);
		else
			live_parse_memcg_events(b.data, b.len, m);
	}
	buf_release(&b);
}

int live_read_memcg(const char *dir, struct oom_memcg *out)
{
	int dfd = open_dir(dir);
	if (dfd < 0)
		return -errno;
	struct oom_memcg m;
	memcg_init(&m);
	str_copy(m.path, sizeof(m.path), dir, strlen(dir));
	if (faccessat(dfd, "memory.usage_in_bytes", F_OK, 0) == 0) {
		m.version = 1;
		m.usage_kib = read_bytes_kib(dfd, "memory.usage_in_bytes");
		m.limit_kib = read_bytes_kib(dfd, "memory.limit_in_bytes");
		m.failcnt = read_count(dfd, "memory.failcnt");
		m.memsw_usage_kib = read_bytes_kib(dfd, "memory.memsw.usage_in_bytes");
		m.memsw_limit_kib = read_bytes_kib(dfd, "memory.memsw.limit_in_bytes");
		m.memsw_failcnt = read_count(dfd, "memory.memsw.failcnt");
		m.kmem_usage_kib = read_bytes_kib(dfd, "memory.kmem.usage_in_bytes");
		m.kmem_limit_kib = read_bytes_kib(dfd, "memory.kmem.limit_in_bytes");
		m.kmem_failcnt = read_count(dfd, "memory.kmem.failcnt");
		m.swappiness = read_count(dfd, "memory.swappiness");
		read_flat(dfd, "memory.stat", 1, true, &m);
		read_flat(dfd, "memory.oom_control", 1, false, &m);
	} else if (faccessat(dfd, "memory.current", F_OK, 0) == 0) {
		m.version = 2;
		m.usage_kib = read_bytes_kib(dfd, "memory.current");
		m.limit_kib = read_bytes_kib(dfd, "memory.max");
		m.high_kib = read_bytes_kib(dfd, "memory.high");
		m.swap_usage_kib = read_bytes_kib(dfd, "memory.swap.current");
		m.swap_limit_kib = read_bytes_kib(dfd, "memory.swap.max");
		m.oom_group = read_count(dfd, "memory.oom.group");
		read_flat(dfd, "memory.stat", 2, true, &m);
		read_flat(dfd, "memory.events", 2, false, &m);
	} else {
		close(dfd);
		return -ENOENT;
	}
	close(dfd);
	*out = m;
	return 0;
}

/* Is dir a memory cgroup of the given kind? */
static bool is_cg(const char *dir, const char *marker)
{
	char p[OOM_PATH_LEN * 2 + 64];
	int n = snprintf(p, sizeof(p), "%s/%s", dir, marker);
	return n > 0 && (size_t)n < sizeof(p) && access(p, F_OK) == 0;
}

int live_memcg_relpath(const char *dir, char *dst, size_t dstlen)
{
	char cur[OOM_PATH_LEN * 2];
	str_copy(cur, sizeof(cur), dir, strlen(dir));
	/* canonical form: no trailing slashes, no "//" */
	size_t w = 0;
	for (size_t i = 0; cur[i]; i++)
		if (!(cur[i] == '/' && w > 0 && cur[w - 1] == '/'))
			cur[w++] = cur[i];
	cur[w] = '\0';
	while (w > 1 && cur[w - 1] == '/')
		cur[--w] = '\0';
	const char *marker = is_cg(cur, "memory.usage_in_bytes") ? "memory.usage_in_bytes"
			     : is_cg(cur, "cgroup.controllers") ? "cgroup.controllers" : NULL;
	if (!marker)
		return -ENOENT;
	/* Walk up while the parent is still a cgroup of the same hierarchy. */
	size_t top = w;
	for (;;) {
		char parent[OOM_PATH_LEN * 2];
		str_copy(parent, sizeof(parent), cur, top);
		char *slash = strrchr(parent, '/');
		if (!slash || slash == parent)
			break;
		*slash = '\0';
		if (!is_cg(parent, marker))
			break;
		top = (size_t)(slash - parent);
	}
	const char *relp = cur + top;
	if (!*relp)
		relp = "/";
	str_copy(dst, dstlen, relp, strlen(relp));
	return 0;
}

/* ---- status: the memory cgroups closest to their limit -------------------- */

struct memcg_walk {
	const struct live_root *r;
	struct oom_memcg_summary *out;
	int dirs;
};

static double fill_ratio(const struct oom_memcg *m)
{
	if (!known(m->usage_kib) || !known(m->limit_kib) || m->limit_kib == OOM_UNLIMITED || m->limit_kib <= 0)
		return -1;
	return (double)m->usage_kib / (double)m->limit_kib;
}

/* Keeps the OOM_MEMCG_SUMMARY_MAX fullest, fullest first. */
static void consider(struct oom_memcg_summary *out, const struct oom_memcg *m, const char *dir)
{
	out->nr_limited++;
	double ratio = fill_ratio(m);
	int at = out->n;
	while (at > 0 && fill_ratio(&out->v[at - 1].cg) < ratio)
		at--;
	if (at >= OOM_MEMCG_SUMMARY_MAX)
		return;
	int last = out->n < OOM_MEMCG_SUMMARY_MAX ? out->n : OOM_MEMCG_SUMMARY_MAX - 1;
	memmove(&out->v[at + 1], &out->v[at], (size_t)(last - at) * sizeof(out->v[0]));
	memset(&out->v[at], 0, sizeof(out->v[at]));
	out->v[at].cg = *m;
	str_copy(out->v[at].dir, sizeof(out->v[at].dir), dir, strlen(dir));
	if (out->n < OOM_MEMCG_SUMMARY_MAX)
		out->n++;
}

static void walk(struct memcg_walk *w, const char *dir, int depth, bool is_root)
{
	if (depth > 8 || w->dirs >= 20000)
		return;
	w->dirs++;
	struct oom_memcg m;
	/* cgroup v2's root has no memory.current (kernel/cgroup, CFTYPE_NOT_ON_ROOT):
	 * unreadable, and still the top of the walk. */
	bool readable = live_read_memcg(dir, &m) == 0;
	if (!readable && !is_root)
		return;
	if (readable)
		w->out->nr_cgroups++;
	if (readable && !is_root) {
		if (known(m.oom_kill_count) && m.oom_kill_count > 0) {
			w->out->nr_with_kills++;
			if (w->out->n_killed < OOM_MEMCG_KILLED_MAX) {
				struct oom_memcg_killed *k = &w->out->killed[w->out->n_killed++];
				/* inside the hierarchy: the walk's directory below its mount */
				size_t ml = strlen(w->out->mount);
				const char *rp = !strncmp(dir, w->out->mount, ml) ? dir + ml : dir;
				str_copy(k->path, sizeof(k->path), rp[0] ? rp : "/", strlen(rp[0] ? rp : "/"));
				k->oom_kills = m.oom_kill_count;
			}
		}
		if (known(m.limit_kib) && m.limit_kib != OOM_UNLIMITED)
			consider(w->out, &m, dir);
	}
	DIR *d = opendir(dir);
	if (!d)
		return;
	struct dirent *de;
	while ((de = readdir(d)) != NULL) {
		if (de->d_name[0] == '.' || de->d_type != DT_DIR)
			continue;
		char sub[OOM_PATH_LEN * 2];
		int n = snprintf(sub, sizeof(sub), "%s/%s", dir, de->d_name);
		if (n > 0 && (size_t)n < sizeof(sub))
			walk(w, sub, depth + 1, false);
	}
	closedir(d);
}

/* The largest process (rss + swap) listed in dir/cgroup.procs. */
static void largest_task(const struct live_root *r, struct oom_memcg_summary_item *it)
{
	char path[OOM_PATH_LEN * 2 + 16];
	snprintf(path, sizeof(path), "%s/cgroup.procs", it->dir);
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return;
	struct buf b = BUF_INIT;
	char chunk[4096];
	ssize_t n;
	while ((n = read(fd, chunk, sizeof(chunk))) > 0 && b.len < (1u << 20))
		buf_add(&b, chunk, (size_t)n);
	close(fd);
	it->largest_pid = OOM_NA;
	for (size_t i = 0; b.data && i < b.len;) {
		size_t e = i;
		while (e < b.len && b.data[e] != '\n')
			e++;
		int64_t pid;
		struct oom_task t;
		if (e > i && parse_i64(b.data + i, e - i, &pid) == 0 && live_read_task(r, pid, &t) == 0 && !t.kthread) {
			it->nr_procs++;
			int64_t size = (known(t.rss_pages) ? t.rss_pages : 0) + (known(t.swapents_pages) ? t.swapents_pages : 0);
			if (!known(it->largest_pid) || size > it->largest_pages) {
				it->largest_pid = pid;
				it->largest_pages = size;
				str_copy(it->largest_comm, sizeof(it->largest_comm), t.comm, strlen(t.comm));
			}
		}
		i = e + 1;
	}
	buf_release(&b);
}

int live_read_memcgs(const struct live_root *r, struct oom_memcg_summary *out)
{
	memset(out, 0, sizeof(*out));
	/* v1: the memory controller's own hierarchy; v2: the unified one with
	 * the memory controller enabled. */
	char base[600];
	snprintf(base, sizeof(base), "%s%ssys/fs/cgroup/memory", r->path,
		 r->path[0] && r->path[strlen(r->path) - 1] == '/' ? "" : "/");
	char probe[700];
	snprintf(probe, sizeof(probe), "%s/memory.usage_in_bytes", base);
	if (access(probe, F_OK) == 0) {
		out->version = 1;
	} else {
		base[strlen(base) - strlen("/memory")] = '\0';
		snprintf(probe, sizeof(probe), "%s/cgroup.controllers", base);
		int fd = open(probe, O_RDONLY | O_CLOEXEC);
		char chunk[512];
		ssize_t n = fd >= 0 ? read(fd, chunk, sizeof(chunk) - 1) : -1;
		if (fd >= 0)
			close(fd);
		if (n <= 0)
			return -ENOENT;
		chunk[n] = '\0';
		if (!strstr(chunk, "memory"))
			return -ENOENT;
		out->version = 2;
	}
	str_copy(out->mount, sizeof(out->mount), base, strlen(base));
	struct memcg_walk w = { r, out, 0 };
	walk(&w, base, 0, true);
	for (int i = 0; i < out->n; i++) {
		largest_task(r, &out->v[i]);
		live_memcg_relpath(out->v[i].dir, out->v[i].cg.path, sizeof(out->v[i].cg.path));
	}
	return 0;
}
