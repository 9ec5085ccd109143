/* parse_zoneinfo.c — /proc/zoneinfo (mm/vmstat.c zoneinfo_show_print):
 * watermarks, managed/present pages, lowmem_reserve ("protection:") and the
 * per-zone counters → the snapshot's zones and nodes.  Pure. */
#include <errno.h>
#include <stddef.h>
#include <string.h>

#include "live/live.h"
#include "live/text.h"

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
		if (text_node_zone(line, ll, &node, name, sizeof(name), &rest)) {
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

int live_parse_zoneinfo_free_pages(const char *text, size_t len, int64_t *pages)
{
	/* Σ "pages free N" over the zones: with MemFree, the page size of a
	 * captured tree. */
	int64_t sum = 0;
	const char *p = text, *end = text + len;
	while ((p = mem_find(p, (size_t)(end - p), "pages free")) != NULL) {
		p += 10;
		const char *eol = memchr(p, '\n', (size_t)(end - p));
		int64_t v;
		if (text_first_i64(p, (size_t)((eol ? eol : end) - p), &v) == 0 && v > 0)
			sum = sat_add(sum, v);
	}
	if (sum <= 0)
		return -EINVAL;
	*pages = sum;
	return 0;
}
