/* zone.c — can a zone serve a request (the page allocator's watermark
 * check), where its free memory sits by order, and the fragmentation indices
 * of mm/vmstat.c.  Fact sheet §5–§6. */
#include <limits.h>
#include <string.h>

#include "model/kernel.h"
#include "model/snapshot.h"
#include "util/util.h"

/* Saturating a − b for known (≠ INT64_MIN) operands. */
static int64_t sat_sub(int64_t a, int64_t b)
{
	return sat_add(a, b == INT64_MIN ? INT64_MAX : -b);
}

static int64_t page_kib_or_default(int64_t page_size_kib)
{
	return known(page_size_kib) && page_size_kib > 0 ? page_size_kib : 4;
}

int zone_largest_free_order(const struct oom_zone *z)
{
	int n = z->nr_orders < OOM_MAX_ORDERS ? z->nr_orders : OOM_MAX_ORDERS;
	for (int o = n - 1; o >= 0; o--)
		if (known(z->free_blocks[o]) && z->free_blocks[o] > 0)
			return o;
	return -1;
}

int64_t zone_free_kib_at_order(const struct oom_zone *z, int order, int64_t page_size_kib)
{
	int n = z->nr_orders < OOM_MAX_ORDERS ? z->nr_orders : OOM_MAX_ORDERS;
	if (n <= 0 || order < 0)
		return OOM_NA;
	int64_t page_kib = page_kib_or_default(page_size_kib);
	int64_t kib = 0;
	for (int o = order; o < n; o++) {
		if (!known(z->free_blocks[o]))
			return OOM_NA;
		kib = sat_add(kib, sat_mul(z->free_blocks[o], sat_mul(page_kib, 1LL << o)));
	}
	return kib;
}

/* fill_contig_page_info() (mm/vmstat.c, 2.6.35+).  False when the zone has
 * no usable buddy counts. */
struct contig {
	uint64_t free_pages, free_blocks_total, free_blocks_suitable;
};

static bool contig_info(const struct oom_zone *z, int order, struct contig *c)
{
	int n = z->nr_orders < OOM_MAX_ORDERS ? z->nr_orders : OOM_MAX_ORDERS;
	if (n <= 0 || order < 0 || order >= OOM_MAX_ORDERS)
		return false;
	memset(c, 0, sizeof(*c));
	for (int o = 0; o < n; o++) {
		int64_t b = z->free_blocks[o];
		if (!known(b) || b < 0 || b > (INT64_MAX >> OOM_MAX_ORDERS))
			return false;
		c->free_blocks_total += (uint64_t)b;
		c->free_pages += (uint64_t)b << o;
		if (o >= order)
			c->free_blocks_suitable += (uint64_t)b << (o - order);
	}
	return true;
}

int zone_frag_index(const struct oom_zone *z, int order)
{
	/* __fragmentation_index(), mm/vmstat.c (2.6.35 → 6.18):
	 *   no free blocks → 0; a suitable block → -1000;
	 *   else 1000 − (1000 + free_pages·1000/2^order) / free_blocks_total */
	struct contig c;
	if (!contig_info(z, order, &c))
		return INT_MIN;
	if (c.free_blocks_total == 0)
		return 0;
	if (c.free_blocks_suitable)
		return -1000;
	uint64_t requested = 1ULL << order;
	uint64_t q = (1000 + c.free_pages * 1000ULL / requested) / c.free_blocks_total;
	/* q ≤ 1000 + 1000·2^order·blocks/2^order/blocks for real counts; clamp
	 * against wrapped products of absurd input. */
	return q > 2000 ? -1000 : 1000 - (int)q;
}

int zone_unusable_index(const struct oom_zone *z, int order)
{
	/* unusable_free_index(), mm/vmstat.c (2.6.35 → 6.18). */
	struct contig c;
	if (!contig_info(z, order, &c))
		return INT_MIN;
	if (c.free_pages == 0)
		return 1000;
	return (int)((c.free_pages - (c.free_blocks_suitable << order)) * 1000ULL / c.free_pages);
}

/* lowmem_reserve[classzone] of the zone in pages; 0 when the report did not
 * print the line (the 2.6.18 layout always does; live readers take it from
 * /proc/zoneinfo "protection:"). */
static int64_t reserve_pages(const struct oom_zone *z, int classzone_idx)
{
	if (classzone_idx < 0 || classzone_idx >= z->nr_lowmem_reserve || classzone_idx >= OOM_MAX_ZONE_IDX)
		return 0;
	int64_t r = z->lowmem_reserve_pages[classzone_idx];
	return known(r) && r > 0 ? r : 0;
}

/* Does the free list of order o hold a block this request may take?
 * Letters (3.5+ reports) say which migratetype lists are non-empty;
 * without letters (live buddyinfo) every non-empty order counts. */
/* 4.6–4.14 (not the 4.9.229 stable): "if (alloc_harder) return true"
 * for any non-empty order ≥ N, whatever its type (mm/page_alloc.c
 * __zone_watermark_ok). */
static bool harder_takes_any_type(unsigned alloc_flags, const struct kver *v)
{
	return (alloc_flags & ZWM_HARDER) && kver_cmp(v, 4, 6, 0) >= 0 && kver_cmp(v, 4, 15, 0) < 0 &&
	       !(v && v->known && v->major == 4 && v->minor == 9 && v->patch >= 229);
}

static bool order_usable(const struct oom_zone *z, int o, unsigned alloc_flags, bool highatomic_ok,
			 bool any_type)
{
	if (!known(z->free_blocks[o]) || z->free_blocks[o] <= 0)
		return false;
	if (!z->free_types_known || any_type)
		return true;
	unsigned t = z->free_types[o];
	/* MIGRATE_PCPTYPES: Unmovable, Movable, Reclaimable (≤4.3 also the
	 * Reserve list, which any request fell back to). */
	if (t & (MT_UNMOVABLE | MT_MOVABLE | MT_RECLAIMABLE | MT_RESERVE))
		return true;
	if ((alloc_flags & ZWM_CMA) && (t & MT_CMA))
		return true;
	if (highatomic_ok && (t & MT_HIGHATOMIC))
		return true;
	return false;   /* isolate-only, or reserves this request may not use */
}

/* Free KiB in blocks of at least `order` in the lists this request may
 * take (order_usable: CMA only with ZWM_CMA, H only with reserve rights):
 * an atomic request's share of a zone whose big blocks are all CMA is 0.
 * Orders whose letters mix types count whole (the line does not split
 * them).  OOM_NA when a count is unknown. */
int64_t zone_usable_free_kib_at_order(const struct oom_zone *z, int order, unsigned alloc_flags, const struct kver *v,
				      int64_t page_size_kib)
{
	int n = z->nr_orders < OOM_MAX_ORDERS ? z->nr_orders : OOM_MAX_ORDERS;
	if (n <= 0 || order < 0)
		return OOM_NA;
	bool highatomic_ok = (alloc_flags & (ZWM_HARDER | ZWM_OOM)) != 0;
	bool any_type = harder_takes_any_type(alloc_flags, v);
	int64_t page_kib = page_kib_or_default(page_size_kib);
	int64_t kib = 0;
	for (int o = order; o < n; o++) {
		if (!known(z->free_blocks[o]))
			return OOM_NA;
		if (order_usable(z, o, alloc_flags, highatomic_ok, any_type))
			kib = sat_add(kib, sat_mul(z->free_blocks[o], sat_mul(page_kib, 1LL << o)));
	}
	return kib;
}

/* 2.6.18–4.3 zone_watermark_ok() (mm/page_alloc.c): the per-order halving. */
static bool watermark_ok_old(const struct oom_zone *z, int order, int64_t free_pages, int64_t min,
			     int64_t reserve, unsigned alloc_flags, int64_t page_kib, const struct kver *v)
{
	free_pages = sat_sub(free_pages, (1LL << order) - 1);
	if (alloc_flags & ZWM_HIGH)
		min -= min / 2;
	if (alloc_flags & ZWM_HARDER)
		min -= min / 4;
	/* 3.x with CMA: CMA pageblocks do not count for a request that may
	 * not use them. */
	if (!(alloc_flags & ZWM_CMA) && kver_cmp(v, 3, 0, 0) >= 0 && known(z->free_cma_kib))
		free_pages = sat_sub(free_pages, z->free_cma_kib / page_kib);
	if (free_pages <= sat_add(min, reserve))
		return false;
	if (order == 0)
		return true;
	int n = z->nr_orders < OOM_MAX_ORDERS ? z->nr_orders : OOM_MAX_ORDERS;
	if (n <= 0)
		return true;   /* no buddy counts: only the total could be checked */
	for (int o = 0; o < order && o < n; o++) {
		int64_t b = known(z->free_blocks[o]) ? z->free_blocks[o] : 0;
		free_pages = sat_sub(free_pages, sat_mul(b, 1LL << o));
		min >>= 1;
		if (free_pages <= min)
			return false;
	}
	return true;
}

bool zone_watermark_ok(const struct oom_zone *z, int order, int64_t mark_kib, int classzone_idx,
		       unsigned alloc_flags, int64_t page_size_kib, const struct kver *v)
{
	if (!z || order < 0 || order >= OOM_MAX_ORDERS || !known(z->free_kib) || !known(mark_kib))
		return false;
	int64_t page_kib = page_kib_or_default(page_size_kib);
	int64_t free_pages = z->free_kib / page_kib;
	int64_t min = mark_kib / page_kib;
	int64_t reserve = reserve_pages(z, classzone_idx);
	int n = z->nr_orders < OOM_MAX_ORDERS ? z->nr_orders : OOM_MAX_ORDERS;

	/* Before ALLOC_OOM (4.14, "mm, oom: do not rely on TIF_MEMDIE for
	 * memory reserves access") an OOM victim allocated with
	 * ALLOC_NO_WATERMARKS: any free block of the order will do. */
	if ((alloc_flags & ZWM_OOM) && kver_cmp(v, 4, 14, 0) < 0) {
		if (n <= 0)
			return free_pages >= (1LL << order);
		for (int o = order; o < n; o++)
			if (known(z->free_blocks[o]) && z->free_blocks[o] > 0)
				return true;
		return false;
	}
	if (kver_cmp(v, 4, 4, 0) < 0)
		return watermark_ok_old(z, order, free_pages, min, reserve, alloc_flags, page_kib, v);

	/* 4.4+ __zone_watermark_ok() (mm/page_alloc.c; 4.4, 4.19, 6.18). */
	bool v63 = kver_cmp(v, 6, 3, 0) >= 0;
	bool reserves;      /* may dip into the highatomic reserve */
	free_pages = sat_sub(free_pages, (1LL << order) - 1);
	if (v63) {
		/* 6.3+: ALLOC_MIN_RESERVE (__GFP_HIGH) halves min, ALLOC_NON_BLOCK
		 * takes a further quarter only on top of it, ALLOC_OOM halves again;
		 * ALLOC_RESERVES (any of them, or ALLOC_HIGHATOMIC) skip the
		 * highatomic deduction. */
		reserves = (alloc_flags & (ZWM_HIGH | ZWM_HARDER | ZWM_OOM)) != 0;
		if (alloc_flags & ZWM_HIGH) {
			min -= min / 2;
			if (alloc_flags & ZWM_HARDER)
				min -= min / 4;
		}
		if (alloc_flags & ZWM_OOM)
			min -= min / 2;
	} else {
		/* 4.4–6.2: ALLOC_HIGH halves; ALLOC_HARDER a quarter, or
		 * ALLOC_OOM (4.14+) a half instead. */
		reserves = (alloc_flags & (ZWM_HARDER | ZWM_OOM)) != 0;
		if (alloc_flags & ZWM_HIGH)
			min -= min / 2;
		if (alloc_flags & ZWM_OOM)
			min -= min / 2;
		else if (alloc_flags & ZWM_HARDER)
			min -= min / 4;
	}
	if (!reserves) {
		/* 6.x counts the free highatomic pages (nr_free_highatomic),
		 * older kernels the whole reservation (nr_reserved_highatomic);
		 * 4.4–5.9 reports print neither: estimated from the H letters. */
		int64_t h = zone_highatomic_kib(z, page_kib, v, NULL);
		free_pages = sat_sub(free_pages, (known(h) ? h : 0) / page_kib);
	}
	if (!(alloc_flags & ZWM_CMA) && known(z->free_cma_kib))
		free_pages = sat_sub(free_pages, z->free_cma_kib / page_kib);
	if (free_pages <= sat_add(min, reserve))
		return false;
	if (order == 0)
		return true;
	if (n <= 0)
		return true;   /* no buddy counts: only the total could be checked */

	/* Which reserves open the MIGRATE_HIGHATOMIC list: ALLOC_HARDER|ALLOC_OOM
	 * (4.4–6.2), ALLOC_HIGHATOMIC (non-blocking order>0) |ALLOC_OOM (6.3+). */
	return zone_usable_block_order(z, order, alloc_flags, v) >= 0;
}

int zone_usable_block_order(const struct oom_zone *z, int order, unsigned alloc_flags, const struct kver *v)
{
	if (!z || order < 0 || order >= OOM_MAX_ORDERS)
		return -1;
	int n = z->nr_orders < OOM_MAX_ORDERS ? z->nr_orders : OOM_MAX_ORDERS;
	/* Which reserves open the MIGRATE_HIGHATOMIC list: ALLOC_HARDER|ALLOC_OOM
	 * (4.4–6.2), ALLOC_HIGHATOMIC (non-blocking order>0) |ALLOC_OOM (6.3+). */
	bool highatomic_ok = (alloc_flags & (ZWM_HARDER | ZWM_OOM)) != 0;
	bool any_type = harder_takes_any_type(alloc_flags, v);
	for (int o = order; o < n; o++)
		if (order_usable(z, o, alloc_flags, highatomic_ok, any_type))
			return o;
	return -1;
}

unsigned zone_block_types_from(const struct oom_zone *z, int order)
{
	unsigned t = 0;
	if (!z || !z->free_types_known || order < 0)
		return 0;
	for (int o = order; o < z->nr_orders && o < OOM_MAX_ORDERS; o++)
		if (known(z->free_blocks[o]) && z->free_blocks[o] > 0)
			t |= z->free_types[o];
	return t;
}

/* The highatomic reserve a request without reserve rights may not count
 * (mm/page_alloc.c __zone_watermark_ok, 4.4+).  4.4–5.9 reports print no
 * nr_reserved_highatomic (show_free_areas gained "reserved_highatomic:" in
 * 5.10), but the buddy line's H letters prove a reserve exists: it is made
 * of whole pageblocks (reserve_highatomic_pageblock), so at least one
 * pageblock, and at least the H-only free blocks rounded up to pageblocks.
 * pageblock_order is HPAGE_PMD_ORDER (9 with 4 KiB pages) where huge pages
 * exist, else MAX_ORDER − 1: the smaller of 9 and the buddy line's top
 * order.  *estimated (may be NULL) says the figure is such an estimate. */
int64_t zone_highatomic_kib(const struct oom_zone *z, int64_t page_size_kib, const struct kver *v,
			    bool *estimated)
{
	if (estimated)
		*estimated = false;
	if (!z)
		return OOM_NA;
	if (known(z->free_highatomic_kib))
		return z->free_highatomic_kib;
	if (known(z->reserved_highatomic_kib))
		return z->reserved_highatomic_kib;
	if (!z->free_types_known || z->nr_orders <= 0 || kver_cmp(v, 4, 4, 0) < 0 || kver_cmp(v, 5, 10, 0) >= 0)
		return OOM_NA;
	int64_t page_kib = page_kib_or_default(page_size_kib);
	int64_t h_only = 0;
	bool any_h = false;
	for (int o = 0; o < z->nr_orders && o < OOM_MAX_ORDERS; o++) {
		if (!known(z->free_blocks[o]) || z->free_blocks[o] <= 0 || !(z->free_types[o] & MT_HIGHATOMIC))
			continue;
		any_h = true;
		if (z->free_types[o] == MT_HIGHATOMIC)
			h_only = sat_add(h_only, sat_mul(sat_mul(z->free_blocks[o], 1LL << o), page_kib));
	}
	if (!any_h)
		return OOM_NA;
	int pb_order = z->nr_orders - 1 < 9 ? z->nr_orders - 1 : 9;
	int64_t pb_kib = sat_mul(1LL << pb_order, page_kib);
	int64_t est = sat_mul(sat_add(h_only, pb_kib - 1) / pb_kib, pb_kib);
	if (est < pb_kib)
		est = pb_kib;
	if (estimated)
		*estimated = true;
	return est;
}

static bool has_zone(const struct oom_snapshot *s, const char *name)
{
	for (int i = 0; i < s->nr_zones; i++)
		if (strcmp(s->zones[i].name, name) == 0)
			return true;
	return false;
}

/* A four-wide lowmem_reserve[] with no DMA32 zone printed reads as 32-bit
 * x86 (DMA, Normal, HighMem, Movable) — unless the DMA zone's own line
 * rules Normal out of index 1: setup_per_zone_lowmem_reserve
 * (mm/page_alloc.c) gives the DMA zone a reserve against every populated
 * zone above it, so "lowmem_reserve[]: 0 0 30091 30091" under a DMA line,
 * with a Normal zone present, says index 1 is an empty DMA32 and Normal
 * is index 2 (arm64 6.x whose DMA zone spans the 4 GiB, R447). */
static bool dma32_empty_by_reserve(const struct oom_snapshot *s)
{
	bool normal = false;
	for (int i = 0; i < s->nr_zones; i++)
		if (strcmp(s->zones[i].name, "Normal") == 0 &&
		    ((known(s->zones[i].managed_kib) && s->zones[i].managed_kib > 0) ||
		     (known(s->zones[i].free_kib) && s->zones[i].free_kib > 0)))
			normal = true;
	if (!normal)
		return false;
	for (int i = 0; i < s->nr_zones; i++) {
		const struct oom_zone *z = &s->zones[i];
		if (strcmp(z->name, "DMA") != 0 || z->nr_lowmem_reserve != 4)
			continue;
		return known(z->lowmem_reserve_pages[1]) && z->lowmem_reserve_pages[1] == 0 &&
		       known(z->lowmem_reserve_pages[2]) && z->lowmem_reserve_pages[2] > 0;
	}
	return false;
}

/* Index of a zone in lowmem_reserve[] (enum zone_type, include/linux/mmzone.h):
 * only configured zones exist, in the order DMA, DMA32, Normal, HighMem,
 * Movable, Device.  The snapshot only names populated zones, so the layout
 * is inferred:
 *   - a HighMem zone present (or "pages HighMem" > 0) → 32-bit x86: DMA 0, Normal 1, HighMem 2, Movable 3;
 *   - a DMA32 zone present  → x86_64 / arm64: DMA 0, DMA32 1, Normal 2,
 *     Movable 3, Device 4 (HighMem is not configured: a __GFP_HIGHMEM request
 *     is capped at Normal, so "HighMem" maps to Normal's index);
 *   - neither: the lowmem_reserve[] width decides: 5 or more entries is a
 *     64-bit layout with an empty DMA32 (ZONE_DEVICE exists only on 64-bit);
 *     exactly 4 is 32-bit x86 with ≤896 MiB (HighMem configured but empty);
 *     otherwise DMA 0, Normal 1, Movable 2;
 *   - HighMem with no DMA zone printed and at most three entries: no
 *     ZONE_DMA configured, Normal 0, HighMem 1, Movable 2.
 * arm64 kernels ≤4.15 called their only 32-bit zone "DMA"; that layout is
 * not distinguishable from a report and gets the rules above. */
int zone_index_in(const struct oom_snapshot *s, const char *zone_name)
{
	if (!s || !zone_name)
		return -1;
	int width = 0;
	for (int i = 0; i < s->nr_zones; i++)
		if (s->zones[i].nr_lowmem_reserve > width)
			width = s->zones[i].nr_lowmem_reserve;
	/* "N pages HighMem" proves the 32-bit layout even when the HighMem
	 * zone line is not printed (show_mem skips zones the request may not use) */
	bool highmem = has_zone(s, "HighMem") || (known(s->mem.highmem_total_kib) && s->mem.highmem_total_kib > 0);
	bool dma32 = has_zone(s, "DMA32");
	static const char *const x86_64[] = { "DMA", "DMA32", "Normal", "Movable", "Device" };
	static const char *const x86_32[] = { "DMA", "Normal", "HighMem", "Movable", "Device" };
	static const char *const plain[] = { "DMA", "Normal", "Movable", "Device" };
	/* 32-bit without CONFIG_ZONE_DMA (MIPS, many ARM boards): Normal is
	 * zone 0, and lowmem_reserve[] is three wide (Normal, HighMem,
	 * Movable; 2.6.23+) — R352's "lowmem_reserve[]: 0 6144 0" is
	 * Normal's reserve against HighMem, not against Normal */
	static const char *const nodma_32[] = { "Normal", "HighMem", "Movable" };
	const char *const *layout;
	int n;

	/* "lowmem_reserve[]: 0", one entry: the kernel configured one zone
	 * (MAX_NR_ZONES 1, a 2.6 MIPS router's Normal, R412): every request
	 * is capped at it */
	if (width == 1)
		return (strcmp(zone_name, "DMA") == 0 || strcmp(zone_name, "DMA32") == 0 ||
			strcmp(zone_name, "Normal") == 0 || strcmp(zone_name, "HighMem") == 0 ||
			strcmp(zone_name, "Movable") == 0) ? 0 : -1;
	if (!highmem && !dma32 && width == 4 && dma32_empty_by_reserve(s))
		dma32 = true;   /* configured, empty: the 64-bit layout */

	/* 2.6.16-2.6.18 had all four zones in every build (include/linux/
	 * mmzone.h: ZONE_DMA 0, ZONE_DMA32 1, ZONE_NORMAL 2, ZONE_HIGHMEM 3,
	 * MAX_NR_ZONES 4; 2.6.19 made DMA32 and HighMem configurable): an
	 * i386 report of those kernels prints an empty DMA32 zone beside
	 * HighMem, and its lowmem_reserve[] is four wide in that order (R597:
	 * "0 0 111 111" is DMA's reserve against Normal, index 2) */
	static const char *const all4[] = { "DMA", "DMA32", "Normal", "HighMem" };
	if (has_zone(s, "HighMem") && dma32 && width == 4) {
		layout = all4;
		n = 4;
	} else if (highmem && !has_zone(s, "DMA") && width > 0 && width <= 3) {
		layout = nodma_32;
		n = 3;
	} else if (highmem || (!dma32 && width == 4)) {
		layout = x86_32;
		n = 5;
	} else if (dma32 || width >= 5) {
		layout = x86_64;
		n = 5;
		if (strcmp(zone_name, "HighMem") == 0)
			zone_name = "Normal";
	} else {
		layout = plain;
		n = 4;
		if (strcmp(zone_name, "HighMem") == 0)
			zone_name = "Normal";
	}
	for (int i = 0; i < n; i++)
		if (strcmp(layout[i], zone_name) == 0)
			return (width > 0 && i >= width) ? -1 : i;
	return -1;
}

/* The default vm.lowmem_reserve_ratio of a zone (mm/page_alloc.c
 * sysctl_lowmem_reserve_ratio: DMA 256, DMA32 256, Normal 32, 2.6.x–6.x);
 * 0 for a zone with none. */
static int default_reserve_ratio(const char *zone_name)
{
	if (strcmp(zone_name, "DMA") == 0 || strcmp(zone_name, "DMA32") == 0)
		return 256;
	if (strcmp(zone_name, "Normal") == 0)
		return 32;
	return 0;
}

int64_t zone_default_reserve_floor_kib(const char *zone_name, int64_t ram_kib, int64_t zone_max_kib)
{
	if (!zone_name || !known(ram_kib) || !known(zone_max_kib) || ram_kib <= zone_max_kib)
		return 0;
	int ratio = default_reserve_ratio(zone_name);
	if (ratio == 0)
		return 0;
	return (ram_kib - zone_max_kib) / ratio;
}

/* The inverse of setup_per_zone_lowmem_reserve under the default ratios
 * (mm/page_alloc.c: lowmem_reserve[j] of zone i = managed pages of zones
 * i+1..j / sysctl_lowmem_reserve_ratio[i]). */
int64_t zone_reserve_span_kib(const char *zone_name, int64_t reserve_pages, int64_t page_size_kib)
{
	if (!zone_name || !known(reserve_pages) || reserve_pages <= 0 || !known(page_size_kib) || page_size_kib <= 0)
		return OOM_NA;
	int ratio = default_reserve_ratio(zone_name);
	if (ratio == 0)
		return OOM_NA;
	return sat_mul(sat_mul(reserve_pages, ratio), page_size_kib);
}
