/* proc.c — the machine-wide /proc and /sys readers: the root, meminfo,
 * zoneinfo + buddyinfo, PSI, sysctls and vmstat, slabinfo.  Each reader is a
 * thin file read around a pure parser (live_parse_*), so the parsers are
 * tested on captured trees and fuzzed (fuzz/fuzz_procfs.c).  A file missing
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

int live_parse_meminfo(const char *text, size_t len, struct oom_mem *out)
{
	struct oom_mem m;
	fill_na_mem(&m);
	int64_t cached = OOM_NA, buffers = OOM_NA;
	static const struct { const char *key; size_t off; } keys[] = {
#define K(name, field) { name, offsetof(struct oom_mem, field) }
		K("MemTotal", total_kib), K("MemFree", free_kib), K("MemAvailable", available_kib),
		K("Active(anon)", active_anon_kib), K("Inactive(anon)", inactive_anon_kib),
		K("Active(file)", active_file_kib), K("Inactive(file)", inactive_file_kib),
		K("Active", active_kib), K("Inactive", inactive_kib),
		K("Unevictable", unevictable_kib), K("Mlocked", mlocked_kib), K("Dirty", dirty_kib),
		K("Writeback", writeback_kib), K("Mapped", mapped_kib), K("Shmem", shmem_kib),
		K("SReclaimable", slab_reclaimable_kib), K("SUnreclaim", slab_unreclaimable_kib),
		K("Slab", slab_kib),
		K("KernelStack", kernel_stack_kib), K("PageTables", pagetables_kib),
		K("SecPageTables", sec_pagetables_kib), K("Percpu", percpu_kib), K("Bounce", bounce_kib),
		K("VmallocUsed", vmalloc_used_kib), K("AnonHugePages", anon_thp_kib),
		K("ShmemHugePages", shmem_thp_kib), K("Hugetlb", hugetlb_kib),
		K("HugePages_Total", hugepages_total), K("HugePages_Free", hugepages_free),
		K("HugePages_Rsvd", hugepages_rsvd), K("HugePages_Surp", hugepages_surp),
		K("Hugepagesize", hugepage_size_kib), K("SwapTotal", swap_total_kib),
		K("SwapFree", swap_free_kib), K("SwapCached", swap_cached_kib), K("Zswap", zswap_kib),
		K("Zswapped", zswapped_kib), K("CommitLimit", commit_limit_kib),
		K("Committed_AS", committed_as_kib), K("HighTotal", highmem_total_kib),
#undef K
	};
	int found = 0;
	struct text_lines it;
	text_lines_init(&it, text, len);
	const char *line, *val;
	size_t kl, vl;
	while (text_kv_next(&it, ':', &line, &kl, &val, &vl)) {
		int64_t v;
		if (text_first_i64(val, vl, &v) < 0 || v < 0)
			continue;
		if (kl == 6 && !memcmp(line, "Cached", 6)) {
			cached = v;
			continue;
		}
		if (kl == 7 && !memcmp(line, "Buffers", 7)) {
			buffers = v;
			continue;
		}
		for (size_t i = 0; i < ARRAY_SIZE(keys); i++) {
			if (strlen(keys[i].key) == kl && !memcmp(keys[i].key, line, kl)) {
				*(int64_t *)((char *)&m + keys[i].off) = v;
				found++;
				break;
			}
		}
	}
	if (!found)
		return -EINVAL;
	if (known(m.active_anon_kib) && known(m.inactive_anon_kib))
		m.anon_kib = m.active_anon_kib + m.inactive_anon_kib;
	if (known(m.active_file_kib) && known(m.inactive_file_kib))
		m.file_kib = m.active_file_kib + m.inactive_file_kib;
	if (known(cached))
		m.pagecache_kib = sat_add(sat_add(cached, known(buffers) ? buffers : 0),
					  known(m.swap_cached_kib) ? m.swap_cached_kib : 0);
	if (!known(m.hugetlb_kib) && known(m.hugepages_total) && known(m.hugepage_size_kib))
		m.hugetlb_kib = sat_mul(m.hugepages_total, m.hugepage_size_kib);
	*out = m;
	return 0;
}

int live_read_meminfo(const struct live_root *r, struct oom_mem *out)
{
	struct buf b = BUF_INIT;
	ssize_t n = live_read_file(r, "proc/meminfo", &b);
	int rc = n < 0 ? (int)n : live_parse_meminfo(b.data, b.len, out);
	buf_release(&b);
	return rc;
}

/* ---- zoneinfo / buddyinfo ------------------------------------------- */

/* "Node 0, zone      DMA..." → node, name; rest points after the name. */
static bool parse_node_zone(const char *line, size_t ll, int *node, char *name, size_t namelen,
			    const char **rest)
{
	const char *p = line, *end = line + ll;
	if (ll < 5 || memcmp(p, "Node ", 5))
		return false;
	p += 5;
	uint64_t n;
	if (scan_u64(&p, end, &n) < 0 || n > 4096)
		return false;
	if (end - p < 7 || memcmp(p, ", zone ", 7))
		return false;
	p += 7;
	while (p < end && *p == ' ')
		p++;
	const char *nm = p;
	while (p < end && *p != ' ' && *p != ',' && *p != '\t')
		p++;
	if (p == nm)
		return false;
	*node = (int)n;
	str_copy(name, namelen, nm, (size_t)(p - nm));
	*rest = p;
	return true;
}

int live_parse_zoneinfo(const char *text, size_t len, int64_t psz, struct oom_snapshot *s)
{
	if (!known(psz) || psz <= 0)
		psz = 4;
	struct oom_zone *z = NULL;
	struct oom_node *nd = NULL;
	bool in_node_stats = false, in_pagesets = false;
	int zones = 0;
	struct text_lines it;
	text_lines_init(&it, text, len);
	const char *line;
	size_t ll;
	while (text_lines_next(&it, &line, &ll)) {
		int node;
		char name[16];
		const char *rest;
		if (parse_node_zone(line, ll, &node, name, sizeof(name), &rest)) {
			z = snapshot_zone(s, node, name);
			nd = snapshot_node(s, node);
			in_node_stats = in_pagesets = false;
			if (z)
				zones++;
			continue;
		}
		if (!z)
			continue;
		const char *p = line, *end = line + ll;
		while (p < end && (*p == ' ' || *p == '\t'))
			p++;
		size_t tl = (size_t)(end - p);
		if (tl >= 14 && !memcmp(p, "per-node stats", 14)) {
			in_node_stats = true;
			continue;
		}
		if (tl >= 8 && !memcmp(p, "pagesets", 8)) {
			/* per-CPU lists follow ("high:", "batch:", "count:"): not zone fields */
			in_pagesets = true;
			continue;
		}
		if (tl >= 10 && !memcmp(p, "pages free", 10)) {
			in_node_stats = in_pagesets = false;
			int64_t v;
			if (text_first_i64(p + 10, tl - 10, &v) == 0 && v >= 0)
				z->free_kib = sat_mul(v, psz);
			continue;
		}
		if (tl >= 11 && !memcmp(p, "protection:", 11)) {
			/* "protection: (0, 3019, 3659, 3659, 3659)" in pages */
			const char *q = p + 11;
			int k = 0;
			while (q < end && k < OOM_MAX_ZONE_IDX) {
				while (q < end && (*q < '0' || *q > '9'))
					q++;
				uint64_t v;
				if (q >= end || scan_u64(&q, end, &v) < 0)
					break;
				z->lowmem_reserve_pages[k++] = v > (uint64_t)INT64_MAX ? INT64_MAX : (int64_t)v;
			}
			z->nr_lowmem_reserve = k;
			continue;
		}
		/* "key value" */
		const char *k = p;
		while (p < end && *p != ' ' && *p != '\t' && *p != ':')
			p++;
		size_t kl = (size_t)(p - k);
		while (p < end && (*p == ' ' || *p == '\t' || *p == ':'))
			p++;
		int64_t v;
		if (kl == 0 || text_first_i64(p, (size_t)(end - p), &v) < 0)
			continue;
#define IS(lit) (kl == sizeof(lit) - 1 && !memcmp(k, lit, kl))
		if (in_node_stats && nd) {
			int64_t kib = v >= 0 ? sat_mul(v, psz) : OOM_NA;
			if (IS("nr_inactive_anon")) nd->inactive_anon_kib = kib;
			else if (IS("nr_active_anon")) nd->active_anon_kib = kib;
			else if (IS("nr_inactive_file")) nd->inactive_file_kib = kib;
			else if (IS("nr_active_file")) nd->active_file_kib = kib;
			else if (IS("nr_unevictable")) nd->unevictable_kib = kib;
			else if (IS("nr_mapped")) nd->mapped_kib = kib;
			else if (IS("nr_dirty")) nd->dirty_kib = kib;
			else if (IS("nr_writeback")) nd->writeback_kib = kib;
			else if (IS("nr_shmem")) nd->shmem_kib = kib;
			else if (IS("nr_page_table_pages")) nd->pagetables_kib = kib;
			continue;
		}
		if (IS("node_unreclaimable")) {
			if (nd)
				nd->all_unreclaimable = v != 0;
			continue;
		}
		if (IS("all_unreclaimable")) {     /* ≤4.7, per zone */
			z->all_unreclaimable = v != 0;
			continue;
		}
		if (v < 0 || in_pagesets)
			continue;
		int64_t kib = sat_mul(v, psz);
		if (IS("min")) z->min_kib = kib;
		else if (IS("low")) z->low_kib = kib;
		else if (IS("high")) z->high_kib = kib;
		else if (IS("boost")) z->boost_kib = kib;
		else if (IS("present")) z->present_kib = kib;
		else if (IS("managed")) z->managed_kib = kib;
		else if (IS("nr_free_cma")) z->free_cma_kib = kib;
		else if (IS("nr_mlock")) z->mlocked_kib = kib;
		else if (IS("nr_zone_inactive_anon") || IS("nr_inactive_anon")) z->inactive_anon_kib = kib;
		else if (IS("nr_zone_active_anon") || IS("nr_active_anon")) z->active_anon_kib = kib;
		else if (IS("nr_zone_inactive_file") || IS("nr_inactive_file")) z->inactive_file_kib = kib;
		else if (IS("nr_zone_active_file") || IS("nr_active_file")) z->active_file_kib = kib;
		else if (IS("nr_zone_unevictable") || IS("nr_unevictable")) z->unevictable_kib = kib;
		else if (IS("nr_zone_write_pending")) z->writepending_kib = kib;
		else if (IS("nr_slab_reclaimable")) z->slab_reclaimable_kib = kib;
		else if (IS("nr_slab_unreclaimable")) z->slab_unreclaimable_kib = kib;
		else if (IS("nr_page_table_pages")) z->pagetables_kib = kib;
		else if (IS("nr_shmem")) z->shmem_kib = kib;
		else if (IS("nr_reserved_highatomic")) z->reserved_highatomic_kib = kib;
		else if (IS("nr_free_highatomic")) z->free_highatomic_kib = kib;
#undef IS
	}
	return zones ? 0 : -EINVAL;
}

int live_parse_buddyinfo(const char *text, size_t len, struct oom_snapshot *s)
{
	int zones = 0;
	struct text_lines it;
	text_lines_init(&it, text, len);
	const char *line;
	size_t ll;
	while (text_lines_next(&it, &line, &ll)) {
		int node;
		char name[16];
		const char *p;
		if (!parse_node_zone(line, ll, &node, name, sizeof(name), &p))
			continue;
		const char *end = line + ll;
		int64_t blocks[OOM_MAX_ORDERS];
		int n = 0;
		bool bad = false;
		while (p < end) {
			while (p < end && (*p == ' ' || *p == '\t'))
				p++;
			if (p >= end)
				break;
			uint64_t v;
			if (n >= OOM_MAX_ORDERS || scan_u64(&p, end, &v) < 0 || v > (uint64_t)INT64_MAX) {
				bad = true;
				break;
			}
			blocks[n++] = (int64_t)v;
		}
		if (bad || n == 0)
			continue;
		struct oom_zone *z = snapshot_zone(s, node, name);
		if (!z)
			continue;
		memcpy(z->free_blocks, blocks, sizeof(blocks[0]) * (size_t)n);
		z->nr_orders = n;
		zones++;
	}
	return zones ? 0 : -EINVAL;
}

/* MemFree (KiB) / Σ "pages free" — the page size of a captured tree. */
static int64_t infer_page_size(const char *zoneinfo, size_t zlen, int64_t memfree_kib)
{
	int64_t pages = 0;
	const char *p = zoneinfo, *end = zoneinfo + zlen;
	while ((p = mem_find(p, (size_t)(end - p), "pages free")) != NULL) {
		p += 10;
		const char *eol = memchr(p, '\n', (size_t)(end - p));
		int64_t v;
		if (text_first_i64(p, (size_t)((eol ? eol : end) - p), &v) == 0 && v > 0)
			pages = sat_add(pages, v);
	}
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

/* "12.34" → 12.34 (the kernel prints %lu.%02lu). */
static int scan_percent(const char **pp, const char *end, double *out)
{
	const char *p = *pp;
	uint64_t whole, frac = 0;
	if (scan_u64(&p, end, &whole) < 0 || whole > 100000)
		return -EINVAL;
	double div = 1;
	if (p < end && *p == '.') {
		p++;
		const char *f = p;
		if (scan_u64(&p, end, &frac) < 0 || p - f > 6)
			return -EINVAL;
		for (long i = 0; i < p - f; i++)
			div *= 10;
	}
	*out = (double)whole + (double)frac / div;
	*pp = p;
	return 0;
}

int live_parse_psi(const char *text, size_t len, struct psi *out)
{
	struct psi r;
	memset(&r, 0, sizeof(r));
	struct text_lines it;
	text_lines_init(&it, text, len);
	const char *line;
	size_t ll;
	while (text_lines_next(&it, &line, &ll)) {
		struct psi_line *pl;
		if (ll > 5 && !memcmp(line, "some ", 5))
			pl = &r.some;
		else if (ll > 5 && !memcmp(line, "full ", 5))
			pl = &r.full;
		else
			continue;
		const char *p = line + 5, *end = line + ll;
		struct psi_line v = { 0, 0, 0, 0, false };
		int got = 0;
		while (p < end) {
			while (p < end && *p == ' ')
				p++;
			const char *k = p;
			while (p < end && *p != '=' && *p != ' ')
				p++;
			if (p >= end || *p != '=')
				break;
			size_t kl = (size_t)(p - k);
			p++;
			if (kl == 5 && !memcmp(k, "avg10", 5) && scan_percent(&p, end, &v.avg10) == 0)
				got++;
			else if (kl == 5 && !memcmp(k, "avg60", 5) && scan_percent(&p, end, &v.avg60) == 0)
				got++;
			else if (kl == 6 && !memcmp(k, "avg300", 6) && scan_percent(&p, end, &v.avg300) == 0)
				got++;
			else if (kl == 5 && !memcmp(k, "total", 5) && scan_u64(&p, end, &v.total_us) == 0)
				got++;
			else
				break;
		}
		if (got == 4) {
			v.known = true;
			*pl = v;
		}
	}
	if (!r.some.known && !r.full.known)
		return -EINVAL;
	*out = r;
	return 0;
}

int live_read_psi(const struct live_root *r, const char *relpath, struct psi *out)
{
	char text[512];
	ssize_t n = read_small_file_at(r->dirfd, rel(relpath ? relpath : "proc/pressure/memory"), text,
				       sizeof(text));
	if (n < 0)
		return (int)n;
	return live_parse_psi(text, (size_t)n, out);
}

/* ---- sysctls, vmstat ------------------------------------------------- */

static int64_t read_i64_at(const struct live_root *r, const char *path)
{
	char text[64];
	ssize_t n = read_small_file_at(r->dirfd, rel(path), text, sizeof(text));
	if (n <= 0)
		return OOM_NA;
	while (n > 0 && (text[n - 1] == '\n' || text[n - 1] == ' '))
		n--;
	int64_t v;
	return parse_i64(text, (size_t)n, &v) == 0 ? v : OOM_NA;
}

int live_parse_vmstat(const char *text, size_t len, struct live_vm *out)
{
	int found = 0;
	int64_t allocstall = OOM_NA;
	struct text_lines it;
	text_lines_init(&it, text, len);
	const char *line, *val;
	size_t kl, vl;
	while (text_kv_next(&it, ' ', &line, &kl, &val, &vl)) {
		int64_t v;
		if (parse_i64(val, vl, &v) < 0 || v < 0)
			continue;
#define IS(lit) (kl == sizeof(lit) - 1 && !memcmp(line, lit, kl))
		if (IS("oom_kill")) out->oom_kill_count = v, found++;
		else if (IS("compact_stall")) out->compact_stall = v, found++;
		else if (IS("compact_fail")) out->compact_fail = v, found++;
		else if (IS("thp_fault_fallback")) out->thp_fault_fallback = v, found++;
		else if (kl >= 10 && !memcmp(line, "allocstall", 10)) {
			allocstall = sat_add(known(allocstall) ? allocstall : 0, v);
			found++;
		}
#undef IS
	}
	if (known(allocstall))
		out->allocstall = allocstall;
	return found ? 0 : -EINVAL;
}

static void read_thp_word(const struct live_root *r, const char *path, char *dst, size_t dstlen)
{
	char text[128];
	ssize_t n = read_small_file_at(r->dirfd, rel(path), text, sizeof(text));
	if (n <= 0)
		return;
	const char *a = memchr(text, '[', (size_t)n);
	const char *b = a ? memchr(a, ']', (size_t)(text + n - a)) : NULL;
	if (a && b)
		str_copy(dst, dstlen, a + 1, (size_t)(b - a - 1));
}

static void read_zram(const struct live_root *r, struct live_vm *v)
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
		/* mm_stat: orig_data_size compr_data_size mem_used_total … (bytes) */
		const char *p = text, *end = text + n;
		uint64_t orig, compr;
		while (p < end && *p == ' ')
			p++;
		if (scan_u64(&p, end, &orig) < 0)
			continue;
		while (p < end && *p == ' ')
			p++;
		if (scan_u64(&p, end, &compr) < 0)
			continue;
		v->zram_orig_kib = sat_add(known(v->zram_orig_kib) ? v->zram_orig_kib : 0, (int64_t)(orig >> 10));
		v->zram_compr_kib = sat_add(known(v->zram_compr_kib) ? v->zram_compr_kib : 0, (int64_t)(compr >> 10));
	}
	closedir(d);
}

void live_vm_init(struct live_vm *v)
{
	memset(v, 0, sizeof(*v));
	v->overcommit_memory = v->overcommit_ratio = v->overcommit_kbytes = OOM_NA;
	v->min_free_kbytes = v->watermark_scale_factor = v->watermark_boost_factor = OOM_NA;
	v->panic_on_oom = v->oom_kill_allocating_task = v->oom_dump_tasks = OOM_NA;
	v->swappiness = v->admin_reserve_kbytes = v->user_reserve_kbytes = OOM_NA;
	v->oom_kill_count = v->compact_stall = v->compact_fail = OOM_NA;
	v->extfrag_threshold = v->compaction_proactiveness = OOM_NA;
	v->thp_fault_fallback = v->allocstall = OOM_NA;
	v->zram_orig_kib = v->zram_compr_kib = OOM_NA;
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

int live_read_vm(const struct live_root *r, struct live_vm *out)
{
	struct live_vm v;
	live_vm_init(&v);
	v.overcommit_memory = read_i64_at(r, "proc/sys/vm/overcommit_memory");
	v.overcommit_ratio = read_i64_at(r, "proc/sys/vm/overcommit_ratio");
	v.overcommit_kbytes = read_i64_at(r, "proc/sys/vm/overcommit_kbytes");
	v.min_free_kbytes = read_i64_at(r, "proc/sys/vm/min_free_kbytes");
	v.watermark_scale_factor = read_i64_at(r, "proc/sys/vm/watermark_scale_factor");
	v.watermark_boost_factor = read_i64_at(r, "proc/sys/vm/watermark_boost_factor");
	v.panic_on_oom = read_i64_at(r, "proc/sys/vm/panic_on_oom");
	v.oom_kill_allocating_task = read_i64_at(r, "proc/sys/vm/oom_kill_allocating_task");
	v.oom_dump_tasks = read_i64_at(r, "proc/sys/vm/oom_dump_tasks");
	v.swappiness = read_i64_at(r, "proc/sys/vm/swappiness");
	v.admin_reserve_kbytes = read_i64_at(r, "proc/sys/vm/admin_reserve_kbytes");
	v.user_reserve_kbytes = read_i64_at(r, "proc/sys/vm/user_reserve_kbytes");
	v.extfrag_threshold = read_i64_at(r, "proc/sys/vm/extfrag_threshold");
	v.compaction_proactiveness = read_i64_at(r, "proc/sys/vm/compaction_proactiveness");
	char text[256];
	ssize_t n = read_small_file_at(r->dirfd, "proc/sys/vm/lowmem_reserve_ratio", text, sizeof(text));
	if (n > 0) {
		const char *p = text, *end = text + n;
		while (p < end && v.nr_lowmem_reserve_ratio < OOM_MAX_ZONE_IDX) {
			while (p < end && (*p == ' ' || *p == '\t' || *p == '\n'))
				p++;
			int64_t x;
			if (p >= end || scan_i64(&p, end, &x) < 0)
				break;
			v.lowmem_reserve_ratio[v.nr_lowmem_reserve_ratio++] = x;
		}
	}
	struct buf b = BUF_INIT;
	if (live_read_file(r, "proc/vmstat", &b) >= 0)
		live_parse_vmstat(b.data, b.len, &v);
	buf_release(&b);
	n = read_small_file_at(r->dirfd, "proc/sys/kernel/osrelease", text, sizeof(text));
	if (n > 0) {
		while (n > 0 && (text[n - 1] == '\n' || text[n - 1] == ' '))
			n--;
		str_copy(v.kernel_release, sizeof(v.kernel_release), text, (size_t)n);
		kver_parse(v.kernel_release, &v.kv);
	}
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

int live_parse_slabinfo(const char *text, size_t len, int64_t psz, struct oom_snapshot *s)
{
	if (!known(psz) || psz <= 0)
		psz = 4;
	struct text_lines it;
	text_lines_init(&it, text, len);
	const char *line;
	size_t ll;
	int n = 0;
	s->nr_slabs = 0;
	bool header = false;
	while (text_lines_next(&it, &line, &ll)) {
		if (ll >= 9 && !memcmp(line, "slabinfo ", 9)) {
			header = true;
			continue;
		}
		if (!header || ll == 0 || line[0] == '#')
			continue;
		/* name active_objs num_objs objsize objperslab pagesperslab : tunables … : slabdata active_slabs num_slabs shared */
		const char *p = line, *end = line + ll;
		const char *nm = p;
		while (p < end && *p != ' ')
			p++;
		size_t nl = (size_t)(p - nm);
		uint64_t f[5];
		int k = 0;
		while (k < 5) {
			while (p < end && *p == ' ')
				p++;
			if (scan_u64(&p, end, &f[k]) < 0)
				break;
			k++;
		}
		const char *sd = mem_find(p, (size_t)(end - p), ": slabdata");
		uint64_t active_slabs, num_slabs;
		if (k < 5 || !sd || nl == 0)
			continue;
		p = sd + 10;
		while (p < end && *p == ' ')
			p++;
		if (scan_u64(&p, end, &active_slabs) < 0)
			continue;
		while (p < end && *p == ' ')
			p++;
		if (scan_u64(&p, end, &num_slabs) < 0)
			continue;
		if (f[4] > (1u << 20) || num_slabs > (uint64_t)INT64_MAX / 4096 || f[2] > (1u << 30) ||
		    f[0] > (uint64_t)INT64_MAX / (1u << 30))
			continue;
		int64_t total = sat_mul(sat_mul((int64_t)num_slabs, (int64_t)f[4]), psz);
		int64_t used = (int64_t)((f[0] * f[2]) >> 10);
		n++;
		/* Keep the largest 16, sorted by total. */
		int cap = (int)ARRAY_SIZE(s->slabs);
		int pos = s->nr_slabs;
		while (pos > 0 && s->slabs[pos - 1].total_kib < total)
			pos--;
		if (pos >= cap)
			continue;
		int last = s->nr_slabs < cap ? s->nr_slabs : cap - 1;
		memmove(&s->slabs[pos + 1], &s->slabs[pos], sizeof(s->slabs[0]) * (size_t)(last - pos));
		str_copy(s->slabs[pos].name, sizeof(s->slabs[pos].name), nm, nl);
		s->slabs[pos].used_kib = used;
		s->slabs[pos].total_kib = total;
		if (s->nr_slabs < cap)
			s->nr_slabs++;
	}
	return n ? 0 : -EINVAL;
}

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
