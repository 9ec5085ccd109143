/* proc.c — the machine-wide /proc and /sys readers: the root, meminfo,
 * zoneinfo + buddyinfo, PSI, sysctls and vmstat, slabinfo.  Each reader is a
 * thin file read around a pure parser (live_parse_*, one file each:
 * live/parse_meminfo.c, parse_zoneinfo.c, …), so the parsers are tested on
 * captured trees and fuzzed (fuzz/fuzz_procfs.c).  A file missing
 * under the root leaves its fields OOM_NA; nothing here prints. */
#include <errno.h>
#include <stddef.h>
#include <fcntl.h>
#include <string.h>
#include <sys/utsname.h>
#include <unistd.h>

#include "live/live.h"
#include "live/text.h"

int live_root_open(struct live_root *r, const char *path)
{
	if (!path || !*path)
		path = "/";
	int fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (fd < 0)
		return -errno;
	r->dirfd = fd;
	r->procfd = openat(fd, "proc", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	str_copy(r->path, sizeof(r->path), path, strlen(path));
	/* The host when the root is the same directory as "/". */
	struct stat a, b;
	r->host = fstat(fd, &a) == 0 && stat("/", &b) == 0 && a.st_dev == b.st_dev && a.st_ino == b.st_ino;
	return 0;
}

void live_root_close(struct live_root *r)
{
	if (r->procfd >= 0)
		close(r->procfd);
	if (r->dirfd >= 0)
		close(r->dirfd);
	r->procfd = r->dirfd = -1;
}

/* Paths below the root are relative: strip leading slashes. */
static const char *rel(const char *p)
{
	while (*p == '/')
		p++;
	return *p ? p : ".";
}

ssize_t live_read_file(const struct live_root *r, const char *relpath, struct buf *b)
{
	buf_clear(b);
	int fd = openat(r->dirfd, rel(relpath), O_RDONLY | O_CLOEXEC | O_NOCTTY);
	if (fd < 0)
		return -errno;
	for (;;) {
		if (b->cap - b->len < 4096 || !b->data) {
			if (b->cap >= (16u << 20)) {
				close(fd);
				return -EFBIG;
			}
			size_t want = b->cap ? b->cap * 2 : 16384;
			char *n = realloc(b->data, want);
			if (!n) {
				close(fd);
				return -ENOMEM;
			}
			b->data = n;
			b->cap = want;
		}
		ssize_t n = read(fd, b->data + b->len, b->cap - b->len - 1);
		if (n < 0) {
			if (errno == EINTR)
				continue;
			int e = errno;
			close(fd);
			b->data[b->len] = '\0';
			return -e;
		}
		if (n == 0)
			break;
		b->len += (size_t)n;
	}
	close(fd);
	b->data[b->len] = '\0';
	return (ssize_t)b->len;
}

/* ---- meminfo ---------------------------------------------------------- */

int live_read_meminfo(const struct live_root *r, struct oom_mem *out)
{
	struct buf b = BUF_INIT;
	ssize_t n = live_read_file(r, "proc/meminfo", &b);
	int rc = n < 0 ? (int)n : live_parse_meminfo(b.data, b.len, out);
	buf_release(&b);
	return rc;
}

/* ---- zoneinfo / buddyinfo ------------------------------------------- */

/* MemFree (KiB) / Σ "pages free" — the page size of a captured tree. */
static int64_t infer_page_size(const char *zoneinfo, size_t zlen, int64_t memfree_kib)
{
	int64_t pages = 0;
	if (live_parse_zoneinfo_free_pages(zoneinfo, zlen, &pages) != 0)
		return OOM_NA;
	if (pages <= 0 || !known(memfree_kib) || memfree_kib <= 0)
		return OOM_NA;
	double ratio = (double)memfree_kib / (double)pages;
	static const int64_t sizes[] = { 4, 8, 16, 32, 64, 256 };
	for (size_t i = 0; i < ARRAY_SIZE(sizes); i++)
		/* the two are read at different moments: allow a little drift, no
		 * more (memory outside the zones, e.g. unplugged, must not pass) */
		if (ratio > (double)sizes[i] * 0.9 && ratio < (double)sizes[i] * 1.1)
			return sizes[i];
	return OOM_NA;
}

int64_t live_page_size_kib(const struct live_root *r)
{
	if (r->host) {
		long ps = sysconf(_SC_PAGESIZE);
		if (ps >= 1024)
			return ps / 1024;
	}
	struct oom_mem m;
	struct buf b = BUF_INIT;
	int64_t psz = OOM_NA;
	if (live_read_meminfo(r, &m) == 0 && live_read_file(r, "proc/zoneinfo", &b) >= 0)
		psz = infer_page_size(b.data, b.len, m.free_kib);
	buf_release(&b);
	return known(psz) ? psz : 4;
}

int live_read_zones(const struct live_root *r, struct oom_snapshot *s)
{
	if (!known(s->page_size_kib))
		s->page_size_kib = live_page_size_kib(r);
	struct buf b = BUF_INIT;
	int rc = -ENOENT, rz, rb;
	ssize_t n = live_read_file(r, "proc/zoneinfo", &b);
	rz = n < 0 ? (int)n : live_parse_zoneinfo(b.data, b.len, s->page_size_kib, s);
	n = live_read_file(r, "proc/buddyinfo", &b);
	rb = n < 0 ? (int)n : live_parse_buddyinfo(b.data, b.len, s);
	buf_release(&b);
	if (rz == 0 || rb == 0)
		rc = 0;
	else
		rc = rz;
	for (int i = 0; i < s->nr_zones; i++) {
		struct oom_zone *z = &s->zones[i];
		if (z->nr_orders > 0) {
			int64_t kib = 0;
			for (int o = 0; o < z->nr_orders && o < 40; o++)
				kib = sat_add(kib, sat_mul(z->free_blocks[o], sat_mul((int64_t)1 << o, s->page_size_kib)));
			z->buddy_total_kib = kib;
		}
	}
	return rc;
}

/* ---- PSI -------------------------------------------------------------- */

int live_read_psi(const struct live_root *r, const char *relpath, struct oom_pressure *out)
{
	char text[512];
	ssize_t n = read_small_file_at(r->dirfd, rel(relpath ? relpath : "proc/pressure/memory"), text,
				       sizeof(text));
	if (n < 0)
		return (int)n;
	return live_parse_psi(text, (size_t)n, out);
}

/* ---- sysctls, vmstat ------------------------------------------------- */

int64_t live_read_value(const struct live_root *r, const char *path)
{
	char text[64];
	ssize_t n = read_small_file_at(r->dirfd, rel(path), text, sizeof(text));
	int64_t v;
	return n > 0 && live_parse_value_i64(text, (size_t)n, &v) == 0 ? v : OOM_NA;
}

static void read_thp_word(const struct live_root *r, const char *path, char *dst, size_t dstlen)
{
	char text[128];
	ssize_t n = read_small_file_at(r->dirfd, rel(path), text, sizeof(text));
	if (n <= 0)
		return;
	live_parse_bracketed(text, (size_t)n, dst, dstlen);
}

static void read_zram(const struct live_root *r, struct oom_system *v)
{
	int fd = openat(r->dirfd, "sys/block", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (fd < 0)
		return;
	DIR *d = fdopendir(fd);
	if (!d) {
		close(fd);
		return;
	}
	struct dirent *de;
	while ((de = readdir(d)) != NULL) {
		if (strncmp(de->d_name, "zram", 4) != 0)
			continue;
		char path[300], text[256];
		snprintf(path, sizeof(path), "sys/block/%.200s/mm_stat", de->d_name);
		ssize_t n = read_small_file_at(r->dirfd, path, text, sizeof(text));
		if (n <= 0)
			continue;
		int64_t orig, compr;
		if (live_parse_zram_mm_stat(text, (size_t)n, &orig, &compr) != 0)
			continue;
		v->zram_orig_kib = sat_add(known(v->zram_orig_kib) ? v->zram_orig_kib : 0, orig);
		v->zram_compr_kib = sat_add(known(v->zram_compr_kib) ? v->zram_compr_kib : 0, compr);
	}
	closedir(d);
}

int live_read_release(const struct live_root *r, char *release, size_t len, struct kver *kv)
{
	char text[256];
	ssize_t n = read_small_file_at(r->dirfd, "proc/sys/kernel/osrelease", text, sizeof(text));
	if (n < 0)
		return (int)n;
	while (n > 0 && (text[n - 1] == '\n' || text[n - 1] == ' '))
		n--;
	if (n == 0)
		return -EINVAL;
	str_copy(release, len, text, (size_t)n);
	struct kver k;
	memset(&k, 0, sizeof(k));
	if (kver_parse(release, &k) == 0)
		*kv = k;
	return 0;
}

int live_read_vm(const struct live_root *r, struct oom_system *out)
{
	struct oom_system v;
	oom_system_init(&v);
	v.overcommit_memory = live_read_value(r, "proc/sys/vm/overcommit_memory");
	v.overcommit_ratio = live_read_value(r, "proc/sys/vm/overcommit_ratio");
	v.overcommit_kbytes = live_read_value(r, "proc/sys/vm/overcommit_kbytes");
	v.min_free_kbytes = live_read_value(r, "proc/sys/vm/min_free_kbytes");
	v.watermark_scale_factor = live_read_value(r, "proc/sys/vm/watermark_scale_factor");
	v.watermark_boost_factor = live_read_value(r, "proc/sys/vm/watermark_boost_factor");
	v.panic_on_oom = live_read_value(r, "proc/sys/vm/panic_on_oom");
	v.oom_kill_allocating_task = live_read_value(r, "proc/sys/vm/oom_kill_allocating_task");
	v.oom_dump_tasks = live_read_value(r, "proc/sys/vm/oom_dump_tasks");
	v.swappiness = live_read_value(r, "proc/sys/vm/swappiness");
	v.admin_reserve_kbytes = live_read_value(r, "proc/sys/vm/admin_reserve_kbytes");
	v.user_reserve_kbytes = live_read_value(r, "proc/sys/vm/user_reserve_kbytes");
	v.extfrag_threshold = live_read_value(r, "proc/sys/vm/extfrag_threshold");
	v.compaction_proactiveness = live_read_value(r, "proc/sys/vm/compaction_proactiveness");
	char text[256];
	ssize_t n = read_small_file_at(r->dirfd, "proc/sys/vm/lowmem_reserve_ratio", text, sizeof(text));
	if (n > 0)
		live_parse_value_list(text, (size_t)n, v.lowmem_reserve_ratio, OOM_MAX_ZONE_IDX,
				      &v.nr_lowmem_reserve_ratio);
	struct buf b = BUF_INIT;
	struct oom_vmstat vs;
	if (live_read_file(r, "proc/vmstat", &b) >= 0 && live_parse_vmstat(b.data, b.len, &vs) == 0) {
		v.oom_kill_count = vs.oom_kill;
		v.compact_stall = vs.compact_stall;
		v.compact_fail = vs.compact_fail;
		v.thp_fault_fallback = vs.thp_fault_fallback;
		v.allocstall = vs.allocstall;
	}
	buf_release(&b);
	live_read_release(r, v.kernel_release, sizeof(v.kernel_release), &v.kv);
	if (r->host) {
		struct utsname u;
		if (uname(&u) == 0)
			str_copy(v.arch, sizeof(v.arch), u.machine, strlen(u.machine));
	}
	read_thp_word(r, "sys/kernel/mm/transparent_hugepage/enabled", v.thp_enabled, sizeof(v.thp_enabled));
	read_thp_word(r, "sys/kernel/mm/transparent_hugepage/defrag", v.thp_defrag, sizeof(v.thp_defrag));
	read_zram(r, &v);
	v.psi_known = live_read_psi(r, "proc/pressure/memory", &v.psi) == 0;
	*out = v;
	return 0;
}

/* ---- slabinfo -------------------------------------------------------- */

int live_read_slabinfo(const struct live_root *r, struct oom_snapshot *s)
{
	if (!known(s->page_size_kib))
		s->page_size_kib = live_page_size_kib(r);
	struct buf b = BUF_INIT;
	ssize_t n = live_read_file(r, "proc/slabinfo", &b);
	int rc = n < 0 ? (int)n : live_parse_slabinfo(b.data, b.len, s->page_size_kib, s);
	buf_release(&b);
	return rc;
}
