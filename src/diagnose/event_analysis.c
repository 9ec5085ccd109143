/* event_analysis.c — the numbers derived from one OOM event: request size
 * and zone, memory breakdown with the unaccounted rest, per-zone watermark
 * verdicts, the era's victim choice, and why swap did not help.  Mirrors the
 * kernel through model/kernel.h; everything missing stays OOM_NA. */
#include <stdarg.h>
#include <stddef.h>
#include <string.h>

#include "diagnose/analysis.h"
#include "model/kernel.h"
#include "util/util.h"

const char *mem_scope_name(enum mem_scope s)
{
	switch (s) {
	case MEM_SCOPE_SYSTEM: return "system";
	case MEM_SCOPE_MEMCG: return "memcg";
	case MEM_SCOPE_NONE: break;
	}
	return "none";
}

const char *victim_verdict_name(enum victim_verdict v)
{
	switch (v) {
	case VICTIM_BEST: return "best";
	case VICTIM_NOT_BEST: return "not-best";
	case VICTIM_NOT_IN_TABLE: return "not-in-table";
	case VICTIM_TIE: return "tie";
	case VICTIM_ALLOCATING_TASK: return "allocating-task";
	case VICTIM_UNKNOWN: break;
	}
	return "unknown";
}

/* Adds b to *sum when known; marks *missing otherwise. */
static void sum_known(int64_t *sum, int64_t b, bool *missing)
{
	if (known(b))
		*sum = sat_add(*sum, b);
	else
		*missing = true;
}

static int64_t add_opt(int64_t a, int64_t b)
{
	if (!known(a))
		return b;
	if (!known(b))
		return a;
	return sat_add(a, b);
}

bool arch_is_x86(const char *arch)
{
	static const char *const x86[] = { "x86_64", "amd64", "i386", "i486", "i586", "i686", "x86" };
	for (size_t i = 0; i < ARRAY_SIZE(x86); i++)
		if (strcmp(arch, x86[i]) == 0)
			return true;
	return false;
}

/* ---- request --------------------------------------------------------- */

/* Does the era's gfp table decode mask to the names the kernel printed
 * (its own %pGg decode, 4.5+: "GFP_KERNEL|GFP_DMA")? */
static bool gfp_names_match(uint64_t mask, const struct kver *v, const char *printed)
{
	const char *names[ANALYSIS_MAX_GFP_NAMES];
	uint64_t unknown = 0;
	int n = gfp_decode(mask, v, names, ANALYSIS_MAX_GFP_NAMES, &unknown);
	if (n <= 0 || unknown)
		return false;
	char joined[256];
	size_t len = 0;
	for (int i = 0; i < n && i < ANALYSIS_MAX_GFP_NAMES && len < sizeof(joined); i++)
		len += (size_t)snprintf(joined + len, sizeof(joined) - len, "%s%s", i ? "|" : "", names[i]);
	return len < sizeof(joined) && strcmp(joined, printed) == 0;
}

/* An era inferred from the report's shape can be only a bound (a 5.0 mark
 * on a 5.8 report), and the gfp bits moved in 4.10, 4.13, 4.18, 5.1 and
 * 5.14: where the kernel printed its own decode of the mask, the release
 * whose table gives the same names is the era (R050: 0xcc1 is
 * "GFP_KERNEL|GFP_DMA" only in the 5.1+ table; the 5.0 one reads it as an
 * atomic request).  The nearest such release to the inferred one replaces
 * it, still marked inferred.  A printed release is never second-guessed. */
static void gfp_era_from_names(struct oom_event *ev, const char *printed)
{
	if (!ev->req.gfp_known || !printed[0] || (ev->kv.known && !ev->kv.inferred))
		return;
	if (ev->kv.known && gfp_names_match(ev->req.gfp_mask, &ev->kv, printed))
		return;
	static const int cand[][2] = { { 4, 5 }, { 4, 10 }, { 4, 13 }, { 4, 15 }, { 4, 18 },
				       { 5, 1 }, { 5, 14 }, { 5, 18 }, { 6, 3 } };
	int at = ev->kv.known ? ev->kv.major * 100 + ev->kv.minor : 9999;
	int best = -1, best_d = 0;
	for (size_t i = 0; i < ARRAY_SIZE(cand); i++) {
		struct kver v = kver_make(cand[i][0], cand[i][1], 0);
		if (!gfp_names_match(ev->req.gfp_mask, &v, printed))
			continue;
		int d = cand[i][0] * 100 + cand[i][1] - at;
		if (d < 0)
			d = -d;
		if (best < 0 || d < best_d) {
			best = (int)i;
			best_d = d;
		}
	}
	if (best < 0)
		return;
	struct kver v = kver_make(cand[best][0], cand[best][1], 0);
	v.inferred = true;
	ev->kv = v;
}

/* A bare hex mask (no names printed) on a report with no release and no
 * shape to date it: the gfp bits moved in 4.4, 4.10, 4.13, 5.1 and 5.14,
 * and decoding with the newest table can read a 4.x GFP_HIGHUSER_MOVABLE
 * (0x24201ca) as a request that may not reclaim.  The kernel builds its
 * masks from the composite names (GFP_KERNEL, GFP_HIGHUSER_MOVABLE, …)
 * plus a few flags, so the era whose table decodes the mask with no bit
 * left over and in the fewest names is the likely one (0xcc0: GFP_KERNEL
 * in 5.x, four single flags in 4.9).  An era inferred from the shape
 * yields when its table leaves bits over.  Marked inferred; a tie keeps
 * the newest. */
static void gfp_era_from_mask(struct oom_event *ev)
{
	if ((ev->kv.known && !ev->kv.inferred) || !ev->req.gfp_known || ev->req.gfp_mask == 0)
		return;
	/* an era inferred from the shape that decodes the mask whole stays
	 * (its other marks date the report better than a count of names) */
	int cur_n = -1;
	if (ev->kv.known) {
		const char *names[ANALYSIS_MAX_GFP_NAMES];
		uint64_t unknown = 0;
		int n = gfp_decode(ev->req.gfp_mask, &ev->kv, names, ANALYSIS_MAX_GFP_NAMES, &unknown);
		if (n > 0 && !unknown)
			cur_n = n;
	}
	static const int cand[][2] = { { 6, 3 }, { 5, 14 }, { 5, 1 }, { 4, 13 }, { 4, 10 }, { 4, 5 }, { 3, 10 } };
	int best = -1, best_n = 0;
	for (size_t i = 0; i < ARRAY_SIZE(cand); i++) {
		struct kver v = kver_make(cand[i][0], cand[i][1], 0);
		const char *names[ANALYSIS_MAX_GFP_NAMES];
		uint64_t unknown = 0;
		int n = gfp_decode(ev->req.gfp_mask, &v, names, ANALYSIS_MAX_GFP_NAMES, &unknown);
		if (n <= 0 || unknown)
			continue;
		if (best < 0 || n < best_n) {
			best = (int)i;
			best_n = n;
		}
	}
	if (best < 0 || (best == 0 && !ev->kv.known) || cur_n > 0)
		return;   /* none decodes it, or the era already taken does */
	struct kver v = kver_make(cand[best][0], cand[best][1], 0);
	v.inferred = true;
	ev->kv = v;
}

static void analyse_request(struct oom_event *ev, struct event_analysis *a)
{
	const struct oom_request *r = &ev->req;
	a->sysrq = ev->kind == OOM_KIND_SYSRQ || (known(r->order) && r->order == -1) || ev->sysrq_manual;
	if (known(r->order) && r->order >= 0 && r->order < 32 && known(a->page_size_kib))
		a->request_bytes = sat_mul(a->page_size_kib * 1024, (int64_t)1 << r->order);

	/* The hex as printed, and the kernel's own names between the parentheses. */
	/* Only a mask the parser understood: a text it could not read ("0"
	 * left by a line wrapped inside "0x14200ca") is no mask at all (qa). */
	const char *t = r->gfp_known || r->gfp_masked ? r->gfp_text : "";
	size_t n = strcspn(t, "(");
	if (n > 0 && n < sizeof(a->gfp_hex))
		str_copy(a->gfp_hex, sizeof(a->gfp_hex), t, n);
	else if (r->gfp_known)
		snprintf(a->gfp_hex, sizeof(a->gfp_hex), "%#llx", (unsigned long long)r->gfp_mask);
	if (t[n] == '(') {
		const char *close = strrchr(t + n, ')');
		size_t len = close ? (size_t)(close - (t + n + 1)) : strlen(t + n + 1);
		str_copy(a->gfp_names_printed, sizeof(a->gfp_names_printed), t + n + 1, len);
	}
	uint64_t mask = r->gfp_mask;
	if (!r->gfp_known) {
		/* A hex masked by whoever pasted it ("0x60****(GFP_KERNEL)")
		 * with the kernel's own names after it: the names are the
		 * request, read back into the era's bits (model/gfp.c
		 * gfp_encode), so the zones it may use are known. */
		if (!r->gfp_masked || !a->gfp_names_printed[0] ||
		    gfp_encode(a->gfp_names_printed, &ev->kv, &mask) < 0)
			return;
	} else {
		gfp_era_from_names(ev, a->gfp_names_printed);
		if (!a->gfp_names_printed[0])
			gfp_era_from_mask(ev);
	}
	const struct kver *v = &ev->kv;
	a->nr_gfp_names = gfp_decode(mask, v, a->gfp_names, ANALYSIS_MAX_GFP_NAMES,
				     &a->gfp_unknown_bits);
	if (a->nr_gfp_names < 0)
		a->nr_gfp_names = 0;
	if (a->nr_gfp_names > ANALYSIS_MAX_GFP_NAMES)
		a->nr_gfp_names = ANALYSIS_MAX_GFP_NAMES;
	a->zone_name = gfp_zone_name(mask, v);
	/* A page-fault OOM (gfp 0, ≤5.15) or a sysrq one asks for nothing real. */
	a->atomic = mask != 0 && !gfp_has(mask, GFPB_DIRECT_RECLAIM, v);
	a->can_io = gfp_has(mask, GFPB_IO, v);
	a->can_fs = gfp_has(mask, GFPB_FS, v);
	a->may_oom = known(r->order) ? gfp_may_oom(mask, (int)(r->order < 0 ? 0 : r->order), v)
				     : false;
	if (a->zone_name) {
		a->classzone = zone_index_in(&ev->snap, a->zone_name);
		/* A 32-bit kernel has no ZONE_DMA32: gfp_zone() maps __GFP_DMA32
		 * to OPT_ZONE_DMA32, which is ZONE_NORMAL without
		 * CONFIG_ZONE_DMA32 (include/linux/gfp.h, 2.6.19+).  So a DMA32
		 * request (i915's GFP_USER|GFP_DMA32, R598) on a HighMem layout
		 * is a lowmem request capped at Normal, not one of every zone. */
		bool highmem = known(ev->snap.mem.highmem_total_kib) && ev->snap.mem.highmem_total_kib > 0;
		for (int i = 0; i < ev->snap.nr_zones && !highmem; i++)
			highmem = !strcmp(ev->snap.zones[i].name, "HighMem");
		if (a->classzone < 0 && !strcmp(a->zone_name, "DMA32") && highmem &&
		    zone_index_in(&ev->snap, "Normal") >= 0) {
			a->zone_name = "Normal";
			a->classzone = zone_index_in(&ev->snap, "Normal");
		}
		if (a->classzone < 0) {
			/* The layout lacks that zone (64-bit has no HighMem; a small
			 * machine no Normal): the request may use every zone present. */
			for (int i = 0; i < ev->snap.nr_zones; i++) {
				int zi = zone_index_in(&ev->snap, ev->snap.zones[i].name);
				if (zi > a->classzone)
					a->classzone = zi;
			}
		}
	}
}

/* ---- memory breakdown -------------------------------------------------- */

static int64_t zones_sum(const struct oom_snapshot *s, size_t off, bool lowmem_only, bool highmem_only)
{
	int64_t sum = OOM_NA;
	for (int i = 0; i < s->nr_zones; i++) {
		const struct oom_zone *z = &s->zones[i];
		/* lowmem: every zone below HighMem (DMA, DMA32, Normal; on 32-bit
		 * ARM and PPC often DMA alone).  ZONE_MOVABLE sits above HighMem
		 * in enum zone_type but is not HighMem: neither. */
		bool high = strcmp(z->name, "HighMem") == 0;
		bool movable = strcmp(z->name, "Movable") == 0;
		if ((lowmem_only && (high || movable)) || (highmem_only && !high))
			continue;
		int64_t v = *(const int64_t *)((const char *)z + off);
		sum = add_opt(sum, v);
	}
	return sum;
}

static bool has_zone(const struct oom_snapshot *s, const char *name)
{
	for (int i = 0; i < s->nr_zones; i++)
		if (strcmp(s->zones[i].name, name) == 0)
			return true;
	return false;
}

static bool arch_is_64bit(const char *arch)
{
	static const char *const a64[] = { "x86_64", "amd64", "aarch64", "arm64", "ppc64", "ppc64le", "s390x",
					   "mips64", "riscv64", "sparc64", "loongarch64", "ia64", "alpha" };
	for (size_t i = 0; i < ARRAY_SIZE(a64); i++)
		if (strcmp(arch, a64[i]) == 0)
			return true;
	return false;
}

/* Does the machine have HighMem (32-bit, CONFIG_HIGHMEM, memory above the
 * lowmem line)?  A HighMem zone line says so; so does "N pages HighMem"
 * (show_mem, non-zero), or a four-wide lowmem_reserve[] on a 32-bit layout
 * (DMA, Normal, HighMem, Movable: no DMA32 zone, not a 64-bit arch). */
static bool highmem_configured(const struct oom_event *ev)
{
	const struct oom_snapshot *s = &ev->snap;
	if (has_zone(s, "HighMem"))
		return true;
	if (known(s->mem.highmem_total_kib) && s->mem.highmem_total_kib > 0)
		return true;
	if (has_zone(s, "DMA32") || arch_is_64bit(ev->arch))
		return false;
	/* A 32-bit kernel maps lowmem in its own part of a 4 GiB address
	 * space (at most 3 GiB with VMSPLIT_1G, less the vmalloc area:
	 * arch/x86/Kconfig VMSPLIT_*, arch/arm/Kconfig, 2.6–6.x): a zone
	 * below HighMem of 4 GiB or more is a 64-bit kernel's (R847: two
	 * 190 GiB Normal zones with "lowmem_reserve[]: 0 0 0 0"). */
	for (int i = 0; i < s->nr_zones; i++) {
		const struct oom_zone *z = &s->zones[i];
		int64_t sz = known(z->present_kib) ? z->present_kib : z->managed_kib;
		if (known(sz) && sz >= 4LL * 1024 * 1024)
			return false;
	}
	for (int i = 0; i < s->nr_zones; i++)
		if (s->zones[i].nr_lowmem_reserve == 4)
			return true;
	return false;
}

/* Adds v to *sum when known; a value missing from any zone makes the sum
 * no figure (*all false): a part of the machine would be left out. */
static void sum_every(int64_t *sum, bool *all, int64_t v)
{
	if (known(v))
		*sum = sat_add(*sum, v);
	else
		*all = false;
}

static void analyse_memory_system(const struct oom_event *ev, struct mem_breakdown *m)
{
	const struct oom_snapshot *s = &ev->snap;
	const struct oom_mem *x = &s->mem;
	m->scope = MEM_SCOPE_SYSTEM;
	m->total_kib = x->total_kib;
	if (!known(m->total_kib) && known(x->ram_kib))
		m->total_kib = known(x->reserved_kib) ? x->ram_kib - x->reserved_kib : OOM_NA;
	bool total_from_zones = false;
	int64_t zone_slab_r = OOM_NA, zone_slab_u = OOM_NA, zone_unev = OOM_NA, zone_shmem = OOM_NA;
	if (!known(m->total_kib)) {
		/* No "pages RAM": the zones' managed pages — but only when every
		 * zone is there.  A report cut inside its zone lines holds fewer
		 * zones than its summary counts: their free falls short of the
		 * summary's "free:" (both are the same NR_FREE_PAGES, read a moment
		 * apart), and a total from them would turn every share into
		 * nonsense (qa: a cut 4.9 report showed 90 % shmem). */
		int64_t zt = zones_sum(s, offsetof(struct oom_zone, managed_kib), false, false);
		int64_t zf = zones_sum(s, offsetof(struct oom_zone, free_kib), false, false);
		int64_t slack = known(x->free_kib) ? x->free_kib / 20 + 4096 : 0;
		if (known(zt) && !(known(zf) && known(x->free_kib) && zf + slack < x->free_kib)) {
			m->total_kib = zt;
			total_from_zones = true;
		}
	}
	m->free_kib = x->free_kib;
	if (!known(m->free_kib))
		m->free_kib = zones_sum(s, offsetof(struct oom_zone, free_kib), false, false);
	if (known(m->total_kib) && known(m->free_kib))
		m->used_kib = m->total_kib - m->free_kib;
	m->anon_kib = x->anon_kib;
	if (!known(m->anon_kib) && known(x->active_anon_kib) && known(x->inactive_anon_kib))
		m->anon_kib = x->active_anon_kib + x->inactive_anon_kib;
	m->file_kib = x->file_kib;
	if (!known(m->file_kib) && known(x->active_file_kib) && known(x->inactive_file_kib))
		m->file_kib = x->active_file_kib + x->inactive_file_kib;
	/* The summary's LRU lines cut (a report starting inside Mem-Info):
	 * 4.8+ keep the LRU lists per node and print each node's totals
	 * ("Node 0 active_anon:…kB", mm/page_alloc.c show_free_areas), whose
	 * sum is the summary's — when every node line has them. */
	if (!known(m->anon_kib) && !known(m->file_kib) && s->nr_nodes > 0) {
		int64_t an = 0, fi = 0, un = 0;
		bool all = true;
		for (int i = 0; i < s->nr_nodes; i++) {
			const struct oom_node *nd = &s->nodes[i];
			if (!known(nd->active_anon_kib) || !known(nd->inactive_anon_kib) || !known(nd->active_file_kib) ||
			    !known(nd->inactive_file_kib)) {
				all = false;
				break;
			}
			an = sat_add(an, sat_add(nd->active_anon_kib, nd->inactive_anon_kib));
			fi = sat_add(fi, sat_add(nd->active_file_kib, nd->inactive_file_kib));
			un = sat_add(un, known(nd->unevictable_kib) ? nd->unevictable_kib : 0);
		}
		if (all) {
			m->anon_kib = an;
			m->file_kib = fi;
			if (!known(x->unevictable_kib))
				m->unevictable_kib = un;
			m->lru_from_nodes = true;
		}
	}
	/* Neither summary nor node lines (a fragment of zone lines, R583):
	 * every zone line prints its LRU lists (mm/page_alloc.c
	 * show_free_areas, per zone since 2.6.x and again 4.8+), whose sum is
	 * the machine's — when each printed zone line has all four. */
	/* ... and a summary cut above its anon line (the text opens inside
	 * Mem-Info, R1168): the zones' anon lists then, the summary's file */
	if ((!known(m->anon_kib) || !known(m->file_kib)) && s->nr_zones > 0) {
		int64_t an = 0, fi = 0, sr = 0, su = 0, un = 0, sh = 0;
		int n = 0;
		bool all = true, slab = true, unev = true, shmem = true;
		for (int i = 0; i < s->nr_zones && all; i++) {
			const struct oom_zone *z = &s->zones[i];
			if (!known(z->free_kib))
				continue;   /* a buddy line alone */
			if (!known(z->active_anon_kib) || !known(z->inactive_anon_kib) || !known(z->active_file_kib) ||
			    !known(z->inactive_file_kib)) {
				all = false;
				break;
			}
			an = sat_add(an, sat_add(z->active_anon_kib, z->inactive_anon_kib));
			fi = sat_add(fi, sat_add(z->active_file_kib, z->inactive_file_kib));
			sum_every(&un, &unev, z->unevictable_kib);
			sum_every(&sh, &shmem, z->shmem_kib);
			/* 2.6.32-4.7 zone lines print slab too (per-zone
			 * NR_SLAB_* until 4.8 moved them to the node,
			 * mm/page_alloc.c show_free_areas) */
			sum_every(&sr, &slab, z->slab_reclaimable_kib);
			sum_every(&su, &slab, z->slab_unreclaimable_kib);
			n++;
		}
		if (all && n > 0) {
			if (!known(m->anon_kib))
				m->anon_kib = an;
			if (!known(m->file_kib))
				m->file_kib = fi;
			m->lru_from_zones = true;
			if (unev)
				zone_unev = un;
			if (shmem)
				zone_shmem = sh;
			if (slab && !known(x->slab_reclaimable_kib) && !known(x->slab_unreclaimable_kib)) {
				m->slab_from_zones = true;
				zone_slab_r = sr;
				zone_slab_u = su;
			}
		}
	}
	m->shmem_kib = x->shmem_kib;
	/* 2.6.32-4.7 zone lines print shmem too */
	if (!known(m->shmem_kib) && m->lru_from_zones)
		m->shmem_kib = zone_shmem;
	if (!m->lru_from_nodes || known(x->unevictable_kib))
		m->unevictable_kib = x->unevictable_kib;
	/* the zones' unevictable list is the fifth LRU list: mlocked pages
	 * are no kernel memory (R712: 13 GiB unevictable on zone lines) */
	if (m->lru_from_zones && !known(m->unevictable_kib))
		m->unevictable_kib = zone_unev;
	/* the summary's unevictable line lost (cut, or a line this parser
	 * does not read: linux-next 2012's "immediate:0 unevictable:N",
	 * R1908) while every zone line prints the list: their sum */
	if (!known(m->unevictable_kib) && s->nr_zones > 0) {
		int64_t un = 0;
		bool all = true;
		int n = 0;
		for (int i = 0; i < s->nr_zones; i++) {
			const struct oom_zone *z = &s->zones[i];
			if (!known(z->free_kib))
				continue;
			sum_every(&un, &all, z->unevictable_kib);
			n++;
		}
		if (all && n > 0)
			m->unevictable_kib = un;
	}
	m->slab_reclaimable_kib = m->slab_from_zones ? zone_slab_r : x->slab_reclaimable_kib;
	m->slab_unreclaimable_kib = m->slab_from_zones ? zone_slab_u : x->slab_unreclaimable_kib;
	m->pagetables_kib = x->pagetables_kib;
	if (!known(m->pagetables_kib))
		m->pagetables_kib = zones_sum(s, offsetof(struct oom_zone, pagetables_kib), false, false);
	m->kernel_stack_kib = x->kernel_stack_kib;
	if (!known(m->kernel_stack_kib)) {
		int64_t ks = OOM_NA;
		for (int i = 0; i < s->nr_nodes; i++)
			ks = add_opt(ks, s->nodes[i].kernel_stack_kib);
		if (!known(ks))
			ks = zones_sum(s, offsetof(struct oom_zone, kernel_stack_kib), false, false);
		m->kernel_stack_kib = ks;
	}
	m->hugetlb_kib = x->hugetlb_kib;
	if (!known(m->hugetlb_kib)) {
		int64_t h = OOM_NA;
		for (int i = 0; i < s->nr_nodes; i++)
			h = add_opt(h, s->nodes[i].hugetlb_kib);
		m->hugetlb_kib = h;
	}
	m->swap_total_kib = x->swap_total_kib;
	m->swap_free_kib = x->swap_free_kib;
	/* 0 and 0 read from no swap line where show_mem prints them: a kernel
	 * built without swap (report/parse_finish.c finish_swap) */
	m->swap_inferred_none = ev->swap_inferred;
	m->swap_full_hint = ev->swap_full_hint;
	/* Small extras that the kernel counts apart from the LRUs and slab. */
	int64_t other = OOM_NA;
	other = add_opt(other, x->free_pcp_kib);
	other = add_opt(other, x->isolated_anon_kib);
	other = add_opt(other, x->isolated_file_kib);
	other = add_opt(other, x->sec_pagetables_kib);
	other = add_opt(other, x->kernel_misc_reclaimable_kib);
	other = add_opt(other, x->bounce_kib);
	m->other_kib = other;

	/* Unaccounted: total − everything a counter accounts for.  The LRU lists
	 * (anon — which holds shmem — file, unevictable) partition the user
	 * pages; slab, page tables, kernel stacks and huge pages are apart from
	 * them.  ≤2.6.27 prints one "slab:" figure.  A missing counter makes the
	 * rest unknowable: left OOM_NA rather than guessed. */
	m->ram_kib = x->ram_kib;
	m->zones_present_kib = zones_sum(s, offsetof(struct oom_zone, present_kib), false, false);
	if (known(m->ram_kib) && known(m->zones_present_kib) && m->ram_kib > 0) {
		int64_t d = m->ram_kib - m->zones_present_kib;
		if (d < 0)
			d = -d;
		m->totals_disagree = d * 10 > m->ram_kib;
	}
	/* ≤2.6.27 (one "Active:" and one "inactive:" list, anon and file
	 * together; zone lines print "present:" only, no "managed:", and
	 * "pages of RAM" may be cut): RAM as the zones' present pages, which
	 * hold the memmap and the kernel image too, for this era's figure only
	 * and only where those are a small part (256 MiB or more: a 16 MiB
	 * router's image is a quarter of it, R412) */
	bool old_lru = !known(m->anon_kib) && !known(m->file_kib) && known(x->active_kib) && known(x->inactive_kib);
	if (old_lru && !known(m->total_kib) && known(m->zones_present_kib) && m->zones_present_kib >= 256 * 1024) {
		int64_t zf = zones_sum(s, offsetof(struct oom_zone, free_kib), false, false);
		if (!(known(zf) && known(x->free_kib) && zf + x->free_kib / 20 + 4096 < x->free_kib))
			m->total_kib = m->zones_present_kib;
	}
	if (known(m->total_kib) && !m->totals_disagree) {
		int64_t sum = 0;
		/* zone lines alone leave out what only the summary counts (slab,
		 * page tables on most eras): no unaccounted figure from them */
		bool missing = m->lru_from_zones && !m->slab_from_zones;
		sum_known(&sum, m->free_kib, &missing);
		if (old_lru) {
			sum = sat_add(sum, sat_add(x->active_kib, x->inactive_kib));
		} else {
			sum_known(&sum, m->anon_kib, &missing);
			sum_known(&sum, m->file_kib, &missing);
		}
		if (known(m->unevictable_kib))
			sum = sat_add(sum, m->unevictable_kib);
		if (known(m->slab_reclaimable_kib) || known(m->slab_unreclaimable_kib)) {
			sum_known(&sum, m->slab_reclaimable_kib, &missing);
			sum_known(&sum, m->slab_unreclaimable_kib, &missing);
		} else {
			sum_known(&sum, x->slab_kib, &missing);
		}
		sum_known(&sum, m->pagetables_kib, &missing);
		if (known(m->kernel_stack_kib))
			sum = sat_add(sum, m->kernel_stack_kib);
		if (known(m->hugetlb_kib))
			sum = sat_add(sum, m->hugetlb_kib);
		if (known(other))
			sum = sat_add(sum, other);
		if (!missing)
			m->unaccounted_kib = m->total_kib - sum;
		/* slab alone missing: the rest with slab in it (and page tables
		 * when they are missing too: kernel memory either way; 4.8-5.x
		 * node lines print no page tables, R716) */
		if (missing && !m->lru_from_zones && !known(m->slab_reclaimable_kib) && !known(m->slab_unreclaimable_kib) &&
		    !known(x->slab_kib) && known(m->free_kib) && known(m->anon_kib) && known(m->file_kib) &&
		    (known(m->pagetables_kib) || m->lru_from_nodes))
			m->unaccounted_with_slab_kib = m->total_kib - sum;
		/* zone lines alone (no summary): what is neither free nor on
		 * the LRU lists is the kernel's (slab, page tables, stacks, or
		 * no counter); the rule asks for most of RAM before it speaks */
		if (missing && m->lru_from_zones && !known(m->slab_reclaimable_kib) && !known(m->slab_unreclaimable_kib) &&
		    !known(x->slab_kib) && known(m->free_kib) && known(m->anon_kib) && known(m->file_kib)) {
			int64_t k = sat_add(sat_add(m->free_kib, m->anon_kib), m->file_kib);
			if (known(m->unevictable_kib))
				k = sat_add(k, m->unevictable_kib);
			else   /* the zones' mlocked pages are no kernel memory */
				for (int i = 0; i < ev->snap.nr_zones && i < OOM_MAX_ZONES; i++)
					if (known(ev->snap.zones[i].mlocked_kib))
						k = sat_add(k, ev->snap.zones[i].mlocked_kib);
			if (known(m->hugetlb_kib))
				k = sat_add(k, m->hugetlb_kib);
			m->unaccounted_with_slab_kib = m->total_kib - k;
			m->kernel_from_zones = true;
		}
		/* The counters exceed the total by more than their racy reads
		 * explain: the total is not the whole machine (zones missing from
		 * a cut or edited report).  Nothing is computed from it. */
		if (known(m->unaccounted_kib) && m->unaccounted_kib < -(m->total_kib / 50 + 4096)) {
			m->unaccounted_kib = OOM_NA;
			m->totals_disagree = true;
			if (total_from_zones) {
				m->total_kib = OOM_NA;
				m->used_kib = OOM_NA;
			}
		}
	}

	/* A total from the zones that free and the LRU lists alone exceed:
	 * a zone's line lost its size (R3164: Normal cut before "present:",
	 * 1.8 GiB of zones beside 122 GiB of anon on the node line).  Every
	 * share of it would be nonsense. */
	if (total_from_zones && known(m->total_kib)) {
		int64_t seen = 0;
		if (known(m->free_kib))
			seen = sat_add(seen, m->free_kib);
		if (known(m->anon_kib))
			seen = sat_add(seen, m->anon_kib);
		if (known(m->file_kib))
			seen = sat_add(seen, m->file_kib);
		if (seen > sat_add(m->total_kib, m->total_kib / 50 + 4096)) {
			m->total_kib = m->used_kib = m->unaccounted_kib = m->unaccounted_with_slab_kib = OOM_NA;
			m->totals_disagree = true;
		}
	}

	/* Lowmem on 32-bit machines: the zones below HighMem against HighMem. */
	if (highmem_configured(ev)) {
		m->lowmem_total_kib = zones_sum(s, offsetof(struct oom_zone, managed_kib), true, false);
		if (!known(m->lowmem_total_kib))
			m->lowmem_total_kib = zones_sum(s, offsetof(struct oom_zone, present_kib), true, false);
		m->lowmem_free_kib = zones_sum(s, offsetof(struct oom_zone, free_kib), true, false);
		if (has_zone(s, "HighMem"))
			m->highmem_free_kib = zones_sum(s, offsetof(struct oom_zone, free_kib), false, true);
		else if (known(x->free_kib) && known(m->lowmem_free_kib) && x->free_kib >= m->lowmem_free_kib)
			/* the HighMem zone line is not printed (show_mem skips the
			 * zones a lowmem request may not use, 4.x+): the summary's
			 * free is every zone's, so HighMem's is the difference */
			m->highmem_free_kib = x->free_kib - m->lowmem_free_kib;
	}
}

static void analyse_memory_memcg(const struct oom_event *ev, struct mem_breakdown *m)
{
	const struct oom_memcg *c = &ev->snap.memcg;
	m->scope = MEM_SCOPE_MEMCG;
	m->total_kib = c->limit_kib;
	m->used_kib = c->usage_kib;
	if (known(c->limit_kib) && known(c->usage_kib))
		m->free_kib = c->limit_kib > c->usage_kib ? c->limit_kib - c->usage_kib : 0;
	m->anon_kib = c->anon_kib;
	if (!known(m->anon_kib) && known(c->active_anon_kib) && known(c->inactive_anon_kib))
		m->anon_kib = c->active_anon_kib + c->inactive_anon_kib;
	m->file_kib = c->file_kib;
	if (!known(m->file_kib) && known(c->active_file_kib) && known(c->inactive_file_kib))
		m->file_kib = c->active_file_kib + c->inactive_file_kib;
	m->shmem_kib = c->shmem_kib;
	m->unevictable_kib = c->unevictable_kib;
	m->slab_reclaimable_kib = c->slab_reclaimable_kib;
	m->slab_unreclaimable_kib = c->slab_unreclaimable_kib;
	m->pagetables_kib = c->pagetables_kib;
	m->kernel_stack_kib = c->kernel_stack_kib;
	m->other_kib = add_opt(c->sock_kib, c->percpu_kib);
	/* memcg hugetlb is not charged to memory.max: not part of this scope. */
	m->swap_total_kib = ev->snap.mem.swap_total_kib;
	m->swap_free_kib = ev->snap.mem.swap_free_kib;
	m->swap_inferred_none = ev->swap_inferred;
	m->swap_full_hint = ev->swap_full_hint;

	/* Unaccounted: usage − (anon + file + kernel memory + sock).  v2's
	 * "kernel" (5.18+, backported to el9's 5.14) is the kmem charge
	 * (commit a8c49af3be5f: slab, stacks, page tables, percpu, vmalloc
	 * and other __GFP_ACCOUNT pages); socket buffers are charged to
	 * memory apart from it (mm/memcontrol.c mem_cgroup_charge_skmem,
	 * 4.5+: MEMCG_SOCK and try_charge, never the kmem counter), so sock
	 * is added to it.  Without "kernel" the parts are added.
	 * memory.stat's anon and file are disjoint (file holds shmem), so
	 * nothing is counted twice. */
	if (known(c->usage_kib) && known(m->anon_kib) && known(m->file_kib)) {
		int64_t sum = m->anon_kib + m->file_kib;
		if (known(c->kernel_kib)) {
			sum = sat_add(sum, c->kernel_kib);
			if (known(c->sock_kib))
				sum = sat_add(sum, c->sock_kib);
		} else {
			int64_t k = OOM_NA;
			k = add_opt(k, m->slab_reclaimable_kib);
			k = add_opt(k, m->slab_unreclaimable_kib);
			k = add_opt(k, m->kernel_stack_kib);
			k = add_opt(k, m->pagetables_kib);
			k = add_opt(k, m->other_kib);
			/* cgroup v1 stat dumps have no kernel counters, but the
			 * "kmem:" line gives the kernel memory charged (4.x+ charges
			 * it to memory.usage as well). */
			if (!known(k) && known(c->kmem_usage_kib))
				k = c->kmem_usage_kib;
			if (known(k))
				sum = sat_add(sum, k);
		}
		m->unaccounted_kib = c->usage_kib - sum;
	}
	/* v1's per-cgroup stat lines (3.x–5.2) hold each cgroup's own pages,
	 * not its subtree's: a parent whose tasks all live in child cgroups
	 * prints zeros.  When the lines read hold no LRU page while the usage
	 * is not small and the victim's cgroup is below the one they name, the
	 * children's lines were not in the input (cut, or a grep of a few
	 * lines): the usage is not "in no counter". */
	const char *stats = c->path[0] ? c->path : ev->oom_memcg;
	size_t n = strlen(stats);
	bool below = n > 0 && strncmp(ev->task_memcg, stats, n) == 0 &&
		     (ev->task_memcg[n] == '/' || (n == 1 && stats[0] == '/' && ev->task_memcg[1] != '\0'));
	if (c->version == 1 && below && known(m->anon_kib) && known(m->file_kib) && m->anon_kib == 0 &&
	    m->file_kib == 0 && known(c->usage_kib) && c->usage_kib >= 1024) {
		m->unaccounted_kib = OOM_NA;
		m->memcg_stats_children_missing = true;
	}
}

static void mem_init(struct mem_breakdown *m)
{
	memset(m, 0, sizeof(*m));
	m->unaccounted_with_slab_kib = OOM_NA;
	int64_t *p = &m->total_kib;
	size_t n = (size_t)(&m->highmem_free_kib - &m->total_kib) + 1;
	for (size_t i = 0; i < n; i++)
		p[i] = OOM_NA;
}

/* ---- zones -------------------------------------------------------------- */

/* A populated zone with free pages well above its high watermark (plus the
 * request's lowmem_reserve when that is known): the allocator's fast path
 * (mm/page_alloc.c get_page_from_freelist, watermark "low") would have
 * served an order-0 request there without reclaim.  "Well above": the
 * report is printed after reclaim and other CPUs have moved the numbers, so
 * a zone a little over high (as many real reports show) proves nothing;
 * more than twice its mark, and at least ROOM_MIN_KIB over it, does. */
#define ROOM_MIN_KIB (16 * 1024)
/* "At least ROOM_MIN_KIB" is relative to the zone: a 32 MiB
 * board's only zone never holds 16 MiB over its marks, yet 4 MiB free over
 * a 1 MiB mark is room there.  So the floor is the smaller of 16 MiB and a
 * sixteenth of the zone (managed, else present pages). */
bool analysis_zone_had_room(const struct oom_zone *z, int64_t reserve_kib)
{
	if (!known(z->free_kib) || !known(z->high_kib) || (known(z->present_kib) && z->present_kib == 0))
		return false;
	int64_t mark = z->high_kib + (known(reserve_kib) && reserve_kib > 0 ? reserve_kib : 0);
	int64_t excess = z->free_kib - mark;
	int64_t size = known(z->managed_kib) && z->managed_kib > 0 ? z->managed_kib : z->present_kib;
	int64_t floor_kib = ROOM_MIN_KIB;
	if (known(size) && size > 0 && size / 16 < floor_kib)
		floor_kib = size / 16;
	return excess > mark && excess >= floor_kib;
}


static void analyse_zones(const struct oom_event *ev, struct event_analysis *a)
{
	const struct oom_snapshot *s = &ev->snap;
	int order = known(ev->req.order) && ev->req.order >= 0 && ev->req.order < OOM_MAX_ORDERS
			    ? (int)ev->req.order : -1;
	unsigned flags = 0;
	if (ev->req.gfp_known && gfp_has(ev->req.gfp_mask, GFPB_HIGH, &ev->kv))
		flags |= ZWM_HIGH;
	/* Reserve rights of a request that cannot sleep (mm/page_alloc.c
	 * gfp_to_alloc_flags): ALLOC_HARDER for !__GFP_WAIT before 4.4, for
	 * __GFP_ATOMIC only in 4.4–6.2 (GFP_NOWAIT gets none), ALLOC_NON_BLOCK
	 * for !__GFP_DIRECT_RECLAIM from 6.3 (zone.c weighs it with
	 * __GFP_HIGH); never with __GFP_NOMEMALLOC. */
	if (a->atomic && !(ev->req.gfp_known && gfp_has(ev->req.gfp_mask, GFPB_NOMEMALLOC, &ev->kv))) {
		bool mid = ev->kv.known && kver_cmp(&ev->kv, 4, 4, 0) >= 0 && kver_cmp(&ev->kv, 6, 3, 0) < 0;
		if (!mid || gfp_has(ev->req.gfp_mask, GFPB_ATOMIC, &ev->kv))
			flags |= ZWM_HARDER;
	}
	/* ALLOC_CMA: a movable request may take CMA pageblocks (3.5+,
	 * mm/page_alloc.c gfp_to_alloc_flags / alloc_flags_nofragment) */
	if (ev->req.gfp_known && gfp_has(ev->req.gfp_mask, GFPB_MOVABLE, &ev->kv) &&
	    kver_cmp(&ev->kv, 3, 5, 0) >= 0)
		flags |= ZWM_CMA;
	a->alloc_flags = flags;
	a->usable_free_kib = OOM_NA;
	for (int i = 0; i < s->nr_zones && i < OOM_MAX_ZONES; i++) {
		const struct oom_zone *z = &s->zones[i];
		struct zone_verdict *zv = &a->zone[i];
		zv->reserve_kib = OOM_NA;
		zv->mark_kib = z->min_kib;
		zv->free_at_order_kib = OOM_NA;
		zv->highatomic_est_kib = OOM_NA;
		if (!(flags & (ZWM_HARDER | ZWM_HIGH))) {
			bool est = false;
			int64_t h = zone_highatomic_kib(z, a->page_size_kib, &ev->kv, &est);
			if (est)
				zv->highatomic_est_kib = h;
		}
		zv->largest_order = z->nr_orders > 0 ? zone_largest_free_order(z) : -1;
		zv->block_known = z->nr_orders > 0;
		zv->node_allowed = oom_node_allowed(ev->req.nodemask, z->node) &&
				   (ev->kind != OOM_KIND_CPUSET && strcmp(ev->constraint, "CONSTRAINT_CPUSET") != 0
					    ? true : oom_node_allowed(ev->mems_allowed, z->node));
		int zi = zone_index_in(s, z->name);
		zv->usable = a->classzone >= 0 && zi >= 0 && zi <= a->classzone && zv->node_allowed;
		if (a->classzone >= 0 && a->classzone < z->nr_lowmem_reserve &&
		    known(z->lowmem_reserve_pages[a->classzone]))
			zv->reserve_kib = oom_pages_to_kib(z->lowmem_reserve_pages[a->classzone], a->page_size_kib);
		if (order >= 0 && zv->block_known) {
			zv->block_exists = zone_usable_block_order(z, order, flags, &ev->kv) >= 0;
			if (known(a->page_size_kib))
				zv->free_at_order_kib = zone_usable_free_kib_at_order(z, order, flags, &ev->kv, a->page_size_kib);
		}
		if (!zv->usable)
			continue;
		a->nr_usable++;
		if (order >= 0 && zv->block_known && (!known(z->free_kib) || !known(z->min_kib))) {
			/* a buddy line whose zone line was elided: the blocks alone */
			a->nr_buddy_only++;
			if (zv->block_exists)
				a->buddy_only_block = true;
		}
		if (order < 0 || !known(z->free_kib) || !known(z->min_kib) || !known(a->page_size_kib))
			continue;
		/* A high-order request needs the buddy line: without it (a report
		 * cut after the zone lines) whether a block existed is unknown,
		 * and free pages alone would call the zone "ok". */
		if (order > 0 && !zv->block_known)
			continue;
		zv->evaluated = true;
		a->nr_evaluated++;
		a->usable_free_kib = add_opt(a->usable_free_kib, z->free_kib);
		zv->ok = zone_watermark_ok(z, order, z->min_kib, a->classzone, flags, a->page_size_kib, &ev->kv);
		zv->ok_order0 = order == 0 ? zv->ok
				: zone_watermark_ok(z, 0, z->min_kib, a->classzone, flags, a->page_size_kib, &ev->kv);
		if (zv->ok)
			a->nr_ok++;
		if (zv->ok_order0)
			a->nr_ok_order0++;
	}
}

/* ---- constraint inferred before 5.0 ------------------------------------- */

/* Before 5.0 no "oom-kill:constraint=" line says whether a cpuset or a
 * memory policy confined the request.  On a multi-node report,
 * an order-0 request without __GFP_THISNODE (which restricts by itself),
 * every usable zone of some nodes failing while usable zones of other
 * nodes had room (free well above high + reserve): the allocator did not
 * look at those nodes, so a nodemask confined it — kind mempolicy, or
 * cpuset when the printed mems_allowed is a strict subset of the nodes
 * present.  Marked inferred; the zone verdicts are redone for the nodes. */
static void analyse_constraint_inferred(struct oom_event *ev, struct event_analysis *a)
{
	const struct oom_snapshot *s = &ev->snap;
	if (ev->constraint[0] || a->cpuset || a->mempolicy || ev->kind == OOM_KIND_ALLOC_FAILURE ||
	    !known(ev->req.order) || ev->req.order != 0 || !ev->req.gfp_known ||
	    gfp_has(ev->req.gfp_mask, GFPB_THISNODE, &ev->kv) || a->nr_evaluated == 0)
		return;
	enum { MAXN = 64 };
	bool present[MAXN] = { false }, failed[MAXN] = { false }, passed[MAXN] = { false }, room[MAXN] = { false };
	int nodes = 0;
	for (int i = 0; i < s->nr_zones && i < OOM_MAX_ZONES; i++) {
		const struct oom_zone *z = &s->zones[i];
		const struct zone_verdict *zv = &a->zone[i];
		if (z->node < 0 || z->node >= MAXN)
			return;   /* no node numbers (2.6 non-NUMA): nothing to infer */
		if (!present[z->node])
			nodes++;
		present[z->node] = true;
		if (!zv->evaluated)
			continue;
		/* a zone that passed at min but sat below its low mark, where
		 * kswapd works, passed by what came free after the allocator
		 * gave up (pcp drains, exits): the snapshot's noise, starved
		 * like one that failed when another node holds room */
		int64_t rsv = known(zv->reserve_kib) && zv->reserve_kib > 0 ? zv->reserve_kib : 0;
		bool below_low = known(z->low_kib) && known(z->free_kib) && z->free_kib < z->low_kib + rsv;
		if (zv->ok && !below_low) {
			passed[z->node] = true;
			if (analysis_zone_had_room(z, zv->reserve_kib))
				room[z->node] = true;
		} else {
			failed[z->node] = true;
		}
	}
	if (nodes < 2)
		return;
	char list[64] = "";
	size_t len = 0;
	int nfail = 0, nroom = 0;
	for (int n = 0; n < MAXN; n++) {
		if (failed[n] && !passed[n]) {
			nfail++;
			len += (size_t)snprintf(list + len, sizeof(list) - len, "%s%d", len ? "," : "", n);
			if (len >= sizeof(list))
				return;
		}
		if (room[n])
			nroom++;
	}
	if (nfail == 0 || nroom == 0)
		return;
	/* cpuset: mems_allowed printed and a strict subset of the nodes present */
	bool subset = false;
	if (ev->mems_allowed[0] && strcmp(ev->mems_allowed, "(null)") != 0) {
		bool all = true, none_out = true;
		for (int n = 0; n < MAXN; n++)
			if (present[n] && !oom_node_allowed(ev->mems_allowed, n))
				all = false;
		for (int n = 0; n < MAXN; n++)
			if (failed[n] && !passed[n] && !oom_node_allowed(ev->mems_allowed, n))
				none_out = false;
		subset = !all && none_out;
	}
	a->constraint_inferred = true;
	if (subset) {
		a->cpuset = true;
		snprintf(a->inferred_nodes, sizeof(a->inferred_nodes), "%s", ev->mems_allowed);
	} else {
		a->mempolicy = true;
		snprintf(a->inferred_nodes, sizeof(a->inferred_nodes), "%s", list);
	}
	/* the request could not use the other nodes: redo the verdicts */
	a->nr_usable = a->nr_evaluated = a->nr_ok = a->nr_ok_order0 = 0;
	a->usable_free_kib = OOM_NA;
	for (int i = 0; i < s->nr_zones && i < OOM_MAX_ZONES; i++) {
		struct zone_verdict *zv = &a->zone[i];
		zv->node_allowed = oom_node_allowed(a->inferred_nodes, s->zones[i].node);
		if (!zv->node_allowed)
			zv->usable = zv->evaluated = false;
		if (!zv->usable)
			continue;
		a->nr_usable++;
		if (!zv->evaluated)
			continue;
		a->nr_evaluated++;
		a->usable_free_kib = add_opt(a->usable_free_kib, s->zones[i].free_kib);
		a->nr_ok += zv->ok;
		a->nr_ok_order0 += zv->ok_order0;
	}
}

/* ---- victim ------------------------------------------------------------- */

static int find_task(const struct oom_snapshot *s, int64_t pid)
{
	if (!known(pid))
		return -1;
	for (size_t i = 0; i < s->nr_tasks; i++)
		if (s->tasks[i].pid == pid)
			return (int)i;
	return -1;
}

/* A difference of badness points as memory.  3.8+ points are pages;
 * 2.6.36–3.7 points are thousandths of totalpages (mm/oom_kill.c
 * oom_badness: points * 1000 / totalpages), so one point is totalpages/1000
 * pages (qa: a 3.4 margin of 616 points was shown as 2.41 MiB, not 4.8 GiB);
 * ≤2.6.35 points are total_vm shifted by oom_adj, no amount of memory at
 * all: OOM_NA. */
static int64_t points_to_kib(const struct oom_event *ev, const struct event_analysis *a, int64_t d)
{
	if (kver_cmp(&ev->kv, 3, 8, 0) >= 0)
		return oom_pages_to_kib(d, a->page_size_kib);
	if (kver_cmp(&ev->kv, 2, 6, 36) < 0 && ev->kv.rhel != 6)
		return OOM_NA;
	if (!known(a->totalpages) || a->totalpages <= 0)
		return OOM_NA;
	return oom_pages_to_kib(sat_mul(d, a->totalpages) / 1000, a->page_size_kib);
}

/* Without totalpages (a memcg report does not print the machine's swap),
 * 3.8+ points rss + swap + page tables + adj × totalpages/1000 still rank
 * one task first for every totalpages when it has both the most of that
 * memory and the highest oom_score_adj (qa: a 6.6 memcg OOM, java at adj
 * 985 with 1 GiB against a 4 KiB pause at -998, was left unjudged).  The
 * root bonus (< 4.17) breaks the comparison: no verdict with a root task.
 * Returns the task, or -1; computes no points. */
static int dominant_task(const struct oom_event *ev, const struct event_analysis *a)
{
	const struct oom_snapshot *s = &ev->snap;
	if (kver_cmp(&ev->kv, 3, 8, 0) < 0 || !known(a->page_size_kib))
		return -1;
	int best = -1;
	int64_t best_mem = -1, best_adj = 0;
	int n = 0;
	for (size_t i = 0; i < s->nr_tasks; i++) {
		const struct oom_task *t = &s->tasks[i];
		int64_t adj = t->oom_score_adj;
		if (t->kthread || (known(t->tgid) && t->tgid == 1) || (known(t->pid) && t->pid == 1 && !known(t->tgid)) ||
		    (known(adj) && adj <= -1000))
			continue;
		int64_t rss = task_rss_kib(t, a->page_size_kib);
		int64_t sw = task_swap_kib(t, a->page_size_kib);
		int64_t pt = task_pgtables_kib(t, a->page_size_kib);
		if (!known(adj) || !known(rss))
			return -1;
		if (known(t->uid) && t->uid == 0 && kver_cmp(&ev->kv, 4, 17, 0) < 0)
			return -1;
		int64_t mem = rss + (known(sw) ? sw : 0) + (known(pt) ? pt : 0);
		n++;
		if (best < 0 || (mem >= best_mem && adj >= best_adj)) {
			best = (int)i;
			best_mem = mem;
			best_adj = adj;
		}
	}
	if (best < 0 || n < 2)
		return n == 1 ? best : -1;
	/* dominance: strictly ahead of every other candidate on one count and
	 * not behind on the other */
	for (size_t i = 0; i < s->nr_tasks; i++) {
		const struct oom_task *t = &s->tasks[i];
		if ((int)i == best || t->kthread || (known(t->tgid) && t->tgid == 1) ||
		    (known(t->pid) && t->pid == 1 && !known(t->tgid)) || t->oom_score_adj <= -1000)
			continue;
		int64_t sw = task_swap_kib(t, a->page_size_kib);
		int64_t pt = task_pgtables_kib(t, a->page_size_kib);
		int64_t mem = task_rss_kib(t, a->page_size_kib) + (known(sw) ? sw : 0) + (known(pt) ? pt : 0);
		if (mem > best_mem || t->oom_score_adj > best_adj || (mem == best_mem && t->oom_score_adj == best_adj))
			return -1;
	}
	return best;
}

static void analyse_victim(struct oom_event *ev, struct event_analysis *a)
{
	struct oom_snapshot *s = &ev->snap;
	a->best_idx = a->second_idx = a->victim_idx = a->biggest_idx = -1;
	a->margin_kib = OOM_NA;
	a->totalpages = badness_totalpages(ev);
	/* The largest process by the memory it holds: resident plus swapped. */
	int64_t big = -1;
	for (size_t i = 0; i < s->nr_tasks; i++) {
		const struct oom_task *t = &s->tasks[i];
		if (!known(t->rss_pages))
			continue;
		int64_t held = t->rss_pages + (known(t->swapents_pages) ? t->swapents_pages : 0);
		if (held > big) {
			big = held;
			a->biggest_idx = (int)i;
		}
	}
	if (s->nr_tasks == 0)
		return;
	int64_t tp = a->totalpages;
	if (!known(tp) && kver_cmp(&ev->kv, 3, 8, 0) >= 0) {
		/* 3.8+ points are rss + swap + page tables + adj × totalpages/1000:
		 * when every candidate has adj 0 (or -1000, ineligible), the adj
		 * term vanishes and the ranking is exact without totalpages (which
		 * a memcg report often lacks: it does not print the machine's swap). */
		bool adj_free = true;
		for (size_t i = 0; i < s->nr_tasks; i++) {
			int64_t adj = s->tasks[i].oom_score_adj;
			if (!known(adj) || (adj != 0 && adj != -1000))
				adj_free = false;
		}
		if (adj_free) {
			tp = 1;
			a->ranked_without_totalpages = true;
		}
	}
	if (known(tp) && tp > 0) {
		int second = -1;
		a->best_idx = badness_rank(s, tp, &ev->kv, &second);
		a->second_idx = second;
	} else {
		a->best_idx = dominant_task(ev, a);
		a->ranked_by_dominance = a->best_idx >= 0;
	}
	if (!ev->have_victim)
		return;
	/* The kernel did not compare at all: it killed the allocating task
	 * (mm/oom_kill.c: sysctl_oom_kill_allocating_task, 2.6.24+; ≤2.6.35
	 * "No available memory (MPOL_BIND)" / "in cpuset" kill current). */
	if (strstr(ev->victim.message, "oom_kill_allocating_task") || strstr(ev->victim.message, "No available memory")) {
		a->victim_idx = find_task(s, ev->victim.pid);
		a->victim_verdict = VICTIM_ALLOCATING_TASK;
		return;
	}
	/* 2.6.36–5.0 may kill a child of the selected task: judge the selection. */
	int64_t chosen = known(ev->victim.selected_pid) ? ev->victim.selected_pid : ev->victim.pid;
	a->victim_idx = find_task(s, chosen);
	if (a->victim_idx < 0 && chosen != ev->victim.pid)
		a->victim_idx = find_task(s, ev->victim.pid);
	if (a->best_idx < 0)
		return;
	if (a->victim_idx < 0) {
		a->victim_verdict = VICTIM_NOT_IN_TABLE;
		return;
	}
	const struct oom_task *best = &s->tasks[a->best_idx];
	const struct oom_task *vic = &s->tasks[a->victim_idx];
	if (a->victim_idx == a->best_idx) {
		a->victim_verdict = VICTIM_BEST;
		if (a->second_idx >= 0 && known(best->badness) && known(s->tasks[a->second_idx].badness)) {
			int64_t d = best->badness - s->tasks[a->second_idx].badness;
			a->margin_kib = points_to_kib(ev, a, d);
			if (d == 0)
				a->victim_verdict = VICTIM_TIE;
		}
	} else if (known(best->badness) && known(vic->badness) && best->badness == vic->badness) {
		/* Equal points: which one wins depends on iteration order (§3.4). */
		a->victim_verdict = VICTIM_TIE;
		a->margin_kib = 0;
	} else {
		a->victim_verdict = VICTIM_NOT_BEST;
		if (known(best->badness) && known(vic->badness))
			a->margin_kib = points_to_kib(ev, a, best->badness - vic->badness);
	}
}

/* ---- swap --------------------------------------------------------------- */

static void swap_reason(struct event_analysis *a, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void swap_reason(struct event_analysis *a, const char *fmt, ...)
{
	if (a->nr_swap_reasons >= ANALYSIS_MAX_SWAP_REASONS)
		return;
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(a->swap_reasons[a->nr_swap_reasons++], sizeof(a->swap_reasons[0]), fmt, ap);
	va_end(ap);
}

/* Below 5 % free (or 64 MiB) swap counts as full: anonymous memory can only
 * shrink by what swap still takes, and a remainder that small cannot absorb
 * the anonymous working set of the machines that OOM (gigabytes). */
bool analysis_swap_full(const struct mem_breakdown *m)
{
	if (m->swap_full_hint != OOM_SWAPFULL_NONE)
		return true;
	if (!known(m->swap_total_kib) || !known(m->swap_free_kib) || m->swap_total_kib <= 0)
		return false;
	return m->swap_free_kib * 20 < m->swap_total_kib || m->swap_free_kib < 65536;
}

const char *analysis_swap_full_why(const struct mem_breakdown *m)
{
	switch (m->swap_full_hint) {
	case OOM_SWAPFULL_CACHE:
		return "Total swap is not in the report, but pages went through the swap cache (or sit in swap in the task rows): the machine had swap, with nothing left free";
	case OOM_SWAPFULL_TOTAL_CUT:
		return "the \"Total swap\" line the kernel prints right after it is not in the report: cut away, keeping the line that says swap had run out";
	case OOM_SWAPFULL_NONE:
		break;
	}
	return "";
}

bool analysis_no_swap(const struct mem_breakdown *m)
{
	return (known(m->swap_total_kib) && m->swap_total_kib == 0) || m->swap_inferred_none;
}

static void analyse_swap(const struct oom_event *ev, struct event_analysis *a)
{
	const struct mem_breakdown *m = &a->mem;
	const struct oom_memcg *c = &ev->snap.memcg;
	char b1[32], b2[32];
	if (a->sysrq) {
		swap_reason(a, "not applicable: a manual OOM (sysrq f) kills without any shortage");
		return;
	}
	if (known(ev->req.order) && ev->req.order > 0 && a->nr_ok == 0 && a->nr_ok_order0 > 0)
		swap_reason(a, "swapping frees pages but cannot make them contiguous: the request needed an order-%lld block",
			    (long long)ev->req.order);
	if (m->swap_inferred_none)
		swap_reason(a, "no swap: the Mem-Info prints no swap lines, as a kernel built without swap (CONFIG_SWAP=n) does (inferred)");
	else if (known(m->swap_total_kib) && m->swap_total_kib == 0)
		swap_reason(a, "no swap is configured (Total swap = 0kB)");
	else if (m->swap_full_hint != OOM_SWAPFULL_NONE)
		swap_reason(a, "swap was full: %s free; %s", fmt_kib(b1, sizeof(b1), m->swap_free_kib),
			    analysis_swap_full_why(m));
	else if (analysis_swap_full(m))
		swap_reason(a, "swap was full: %s free of %s", fmt_kib(b1, sizeof(b1), m->swap_free_kib),
			    fmt_kib(b2, sizeof(b2), m->swap_total_kib));
	else if (!known(m->swap_total_kib))
		swap_reason(a, "the report does not show the machine's swap");
	if (a->memcg && ev->snap.have_memcg) {
		if (known(c->swap_limit_kib) && c->swap_limit_kib == 0)
			swap_reason(a, "the cgroup may not swap (swap limit 0)");
		else if (known(c->memsw_limit_kib) && known(c->limit_kib) && c->memsw_limit_kib <= c->limit_kib)
			swap_reason(a, "the cgroup's memory+swap limit (%s) is no larger than its memory limit: no swap headroom",
				    fmt_kib(b1, sizeof(b1), c->memsw_limit_kib));
		else if (known(c->swap_limit_kib) && known(c->swap_usage_kib) && c->swap_usage_kib >= c->swap_limit_kib)
			swap_reason(a, "the cgroup's swap limit was reached (%s)", fmt_kib(b1, sizeof(b1), c->swap_limit_kib));
		else if (known(c->memsw_limit_kib) && known(c->memsw_usage_kib) &&
			 c->memsw_usage_kib >= c->memsw_limit_kib)
			swap_reason(a, "the cgroup's memory+swap limit was reached (%s)",
				    fmt_kib(b1, sizeof(b1), c->memsw_limit_kib));
	}
	if (ev->req.gfp_known && ev->req.gfp_mask != 0) {
		if (a->atomic)
			swap_reason(a, "the request could not wait (no direct reclaim): it cannot reclaim or swap at all");
		else if (!a->can_io)
			swap_reason(a, "the request had no __GFP_IO (GFP_NOIO): it could not write pages to swap");
	}
	if (known(m->unevictable_kib) && known(m->total_kib) && m->unevictable_kib * 10 > m->total_kib)
		swap_reason(a, "%s was unevictable (mlocked or locked shmem) and cannot be swapped",
			    fmt_kib(b1, sizeof(b1), m->unevictable_kib));
	int64_t kernel = OOM_NA;
	kernel = add_opt(kernel, m->slab_unreclaimable_kib);
	kernel = add_opt(kernel, m->pagetables_kib);
	kernel = add_opt(kernel, m->kernel_stack_kib);
	if (known(kernel) && known(m->total_kib) && m->total_kib > 0 && kernel * 5 > m->total_kib)
		swap_reason(a, "%s was kernel memory (unreclaimable slab, page tables, stacks), which is never swapped",
			    fmt_kib(b1, sizeof(b1), kernel));
	if (known(m->shmem_kib) && known(m->total_kib) && m->shmem_kib * 10 > m->total_kib &&
	    analysis_no_swap(m))
		swap_reason(a, "%s was shmem/tmpfs: such pages can leave RAM only through swap, and there was none",
			    fmt_kib(b1, sizeof(b1), m->shmem_kib));
	if (known(m->hugetlb_kib) && known(m->total_kib) && m->hugetlb_kib * 10 > m->total_kib)
		swap_reason(a, "%s was held by huge pages, which are never swapped", fmt_kib(b1, sizeof(b1), m->hugetlb_kib));
	/* A lowmem request on a HighMem machine: user pages live mostly in
	 * HighMem, so swapping them out frees next to no lowmem
	 * (never claim swap could have helped it). */
	int hi = zone_index_in(&ev->snap, "HighMem");
	if (known(m->highmem_free_kib) && hi >= 0 && a->classzone >= 0 && a->classzone < hi && !a->memcg)
		swap_reason(a, "the request could only use lowmem (zones below HighMem): swapping out user pages, which live mostly in HighMem, frees next to no lowmem");
	else if (ev->req.vmalloc_known &&
		 (ev->req.vmalloc_bytes == 0 || (known(m->total_kib) && ev->req.vmalloc_bytes / 1024 > m->total_kib)))
		/* mm/vmalloc.c __vmalloc_node_range fails such a size before it
		 * asks for a page (event_rules.c rule_vmalloc_size) */
		swap_reason(a, "swap played no part: vmalloc refused the size asked for before it asked for any page");
	else if (ev->req.over_max_order)
		/* mm/page_alloc.c fails an order >= MAX_ORDER before it looks at
		 * a zone (event_rules.c rule_max_order) */
		swap_reason(a, "swap played no part: the page allocator refused the order asked for before it looked at any zone");
	else if (a->nr_swap_reasons == 0 && known(m->swap_free_kib) && !a->memcg)
		swap_reason(a, "swap still had %s free: reclaim did not get to it in time (anonymous memory grew faster than it could be written out, or swappiness is low)",
			    fmt_kib(b1, sizeof(b1), m->swap_free_kib));
}

/* ---- basis -------------------------------------------------------------- */

unsigned event_basis_present(const struct oom_event *ev)
{
	const struct oom_snapshot *s = &ev->snap;
	unsigned p = 0;
	/* the max-order WARNING says the request's one fact that matters:
	 * an order past the largest block */
	if (ev->req.gfp_known || known(ev->req.order) || ev->req.over_max_order || ev->req.nommu_known)
		p |= BASIS_TRIGGER;
	if (ev->have_meminfo && (known(s->mem.free_kib) || known(s->mem.active_anon_kib) ||
				 known(s->mem.anon_kib) || known(s->mem.active_kib)))
		p |= BASIS_MEMINFO;
	for (int i = 0; i < s->nr_zones; i++) {
		if (known(s->zones[i].free_kib) && known(s->zones[i].min_kib))
			p |= BASIS_ZONES;
		if (s->zones[i].nr_orders > 0)
			p |= BASIS_BUDDY;
	}
	/* swap 0 inferred from no swap line: the lines were not printed */
	if (known(s->mem.swap_total_kib) && !ev->swap_inferred)
		p |= BASIS_SWAP;
	if (known(s->mem.ram_kib) || known(s->mem.total_kib))
		p |= BASIS_RAM;
	if (s->nr_tasks > 0)
		p |= BASIS_TASKS;
	/* the memcg lines' numbers, not only a cgroup's name (a kill line
	 * "Memory cgroup out of memory", an oom_memcg= field) */
	if (s->have_memcg && (known(s->memcg.usage_kib) || known(s->memcg.limit_kib) ||
			      known(s->memcg.anon_kib) || known(s->memcg.file_kib)))
		p |= BASIS_MEMCG;
	if (ev->constraint[0])
		p |= BASIS_CONSTRAINT;
	if (ev->have_victim)
		p |= BASIS_KILL;
	return p;
}

/* ---- entry -------------------------------------------------------------- */

/* The kernel's own threads (kswapd, kworker, …) fault no user pages: a
 * GFP_KERNEL OOM they trigger is the kernel's allocation, not a charge
 * (they run in the root cgroup). */
static bool comm_kernel_thread(const char *comm)
{
	static const char *const kthreads[] = { "kswapd", "kworker/", "ksoftirqd/", "kcompactd", "kthreadd", "swapper",
						"khugepaged", "kdamond", "oom_reaper", "rcu_", "migration/", "jbd2/" };
	for (size_t i = 0; i < sizeof(kthreads) / sizeof(kthreads[0]); i++)
		if (!strncmp(comm, kthreads[i], strlen(kthreads[i])))
			return true;
	return false;
}

/* A header alone ("x invoked oom-killer: gfp_mask=0xcc0(GFP_KERNEL),
 * order=0", perhaps its CPU line and a trace) looks system-wide, but a
 * memory cgroup's OOM prints the same line: its gfp is the charge's, and
 * a faulted anonymous page is charged with exactly GFP_KERNEL
 * (mm/memory.c do_anonymous_page, do_swap_page:
 * mem_cgroup_newpage_charge(…, GFP_KERNEL) 2.6.25–3.16,
 * mem_cgroup_try_charge(…, GFP_KERNEL, …) 3.17–5.7, mem_cgroup_charge(…,
 * GFP_KERNEL) 5.8+), while a global OOM for a process filling RAM comes
 * from that fault's allocation, GFP_HIGHUSER_MOVABLE
 * (alloc_zeroed_user_highpage_movable).  So the header does not say
 * which; a memcg's own lines, the constraint line, "Out of memory" on the
 * kill line, show_mem's figures or a trace through the page allocator
 * would.  Memory cgroups came with 2.6.25. */
static bool header_charge_mask(const struct oom_event *ev, const struct event_analysis *a)
{
	if (ev->kind != OOM_KIND_GLOBAL || ev->kind_inferred || a->memcg || a->sysrq || a->cpuset || a->mempolicy ||
	    ev->sysrq_manual || ev->constraint[0] || ev->have_victim || ev->have_meminfo || ev->snap.nr_zones > 0 ||
	    ev->snap.nr_tasks > 0 || ev->snap.have_memcg || ev->trace_global_path || ev->nokill_printed ||
	    ev->global_from_line)
		return false;
	if (a->basis_present != BASIS_TRIGGER || comm_kernel_thread(ev->req.trigger_comm))
		return false;
	if (!ev->req.gfp_known || !known(ev->req.order) || ev->req.order != 0)
		return false;
	if (a->nr_gfp_names != 1 || strcmp(a->gfp_names[0], "GFP_KERNEL") != 0 || a->gfp_unknown_bits)
		return false;
	return !ev->kv.known || kver_cmp(&ev->kv, 2, 6, 25) >= 0;
}

/* A kill line with no word of its kind: a bare "Killed process" (2.6–5.0
 * print it alike after a memory cgroup's selection; a 5.0+ one whose
 * "Out of memory: " a paste dropped), no selection message, constraint,
 * trigger or memcg line beside it.  The text does not tell a cgroup's
 * kill from a system-wide one; the rules read it as system-wide and say
 * so (event_rules.c rule_exhaustion_kill_only). */
static bool kill_bare_alone(const struct oom_event *ev, const struct event_analysis *a)
{
	return ev->kind == OOM_KIND_GLOBAL && !ev->kind_inferred && !a->memcg && !a->sysrq && !a->cpuset &&
	       !a->mempolicy && !ev->sysrq_manual && ev->have_victim && !ev->victim.message[0] && !ev->constraint[0] &&
	       !ev->snap.have_memcg && !(a->basis_present & BASIS_TRIGGER);
}

void event_analyse(struct oom_event *ev, struct event_analysis *a)
{
	memset(a, 0, sizeof(*a));
	a->classzone = -1;
	a->request_bytes = OOM_NA;
	a->totalpages = OOM_NA;
	a->best_idx = a->second_idx = a->victim_idx = a->biggest_idx = -1;
	a->margin_kib = OOM_NA;
	a->usable_free_kib = OOM_NA;
	/* x86 has 4 KiB pages, always; elsewhere only the buddy lines tell. */
	if (!known(ev->snap.page_size_kib) && arch_is_x86(ev->arch))
		ev->snap.page_size_kib = 4;
	a->page_size_kib = ev->snap.page_size_kib;

	/* The kill line's "Memory cgroup out of memory" is the kernel's own
	 * word that a cgroup's limit was hit (mm/oom_kill.c, is_memcg_oom),
	 * even where a 5.2-era mm tree printed constraint=CONSTRAINT_NONE. */
	a->memcg = ev->kind == OOM_KIND_MEMCG || strcmp(ev->constraint, "CONSTRAINT_MEMCG") == 0 ||
		   (ev->have_victim && strncmp(ev->victim.message, "Memory cgroup out of memory", 27) == 0);
	/* a kind this analysis inferred before is inferred again, not taken
	 * as told (a second analysis of the event says the same) */
	if (ev->kind_inferred && ev->kind_by_analysis && (ev->kind == OOM_KIND_CPUSET || ev->kind == OOM_KIND_MEMPOLICY ||
				  ev->kind == OOM_KIND_MEMCG)) {
		ev->kind = OOM_KIND_GLOBAL;
		ev->kind_inferred = false;
		ev->kind_by_analysis = false;
	}
	a->cpuset = ev->kind == OOM_KIND_CPUSET || strcmp(ev->constraint, "CONSTRAINT_CPUSET") == 0;
	a->mempolicy = ev->kind == OOM_KIND_MEMPOLICY ||
		       strcmp(ev->constraint, "CONSTRAINT_MEMORY_POLICY") == 0;

	analyse_request(ev, a);
	/* a kind the parser inferred (report/parse_finish.c finish_kind):
	 * memcg from "no killable processes" without the panic a global OOM
	 * ends in; mempolicy or cpuset from a ≤4.18 trigger line's nodemask */
	if (ev->kind_inferred && !ev->kind_by_analysis && ev->kind == OOM_KIND_MEMCG &&
	    (ev->kind_hint == OOM_KIND_HINT_NOKILL_LIVED || ev->kind_hint == OOM_KIND_HINT_NOKILL_NO_PANIC))
		a->memcg_inferred = true;
	if (ev->kind_inferred && !ev->kind_by_analysis && ev->kind_hint == OOM_KIND_HINT_NODEMASK &&
	    (a->cpuset || a->mempolicy)) {
		a->constraint_inferred = true;
		a->nodemask_inferred = true;
		snprintf(a->inferred_nodes, sizeof(a->inferred_nodes), "%s", ev->req.nodemask);
	}
	mem_init(&a->mem);
	/* A memcg OOM is about the cgroup's memory: its stat dump, when printed
	 * (≤3.9 kernels printed Mem-Info as well). */
	if (a->memcg && ev->snap.have_memcg &&
	    (!ev->have_meminfo || known(ev->snap.memcg.anon_kib) || known(ev->snap.memcg.file_kib)))
		analyse_memory_memcg(ev, &a->mem);
	else if (ev->have_meminfo || ev->snap.nr_zones > 0)
		analyse_memory_system(ev, &a->mem);
	else if (a->memcg && ev->snap.have_memcg)
		analyse_memory_memcg(ev, &a->mem);
	else {
		a->mem.swap_total_kib = ev->snap.mem.swap_total_kib;
		a->mem.swap_free_kib = ev->snap.mem.swap_free_kib;
		a->mem.swap_full_hint = ev->swap_full_hint;
	}
	/* A memcg charge fails against the limit, not in the page allocator:
	 * the zones (when printed at all) say nothing about this request. */
	if (!a->memcg && !a->sysrq)
		analyse_zones(ev, a);
	if (!a->memcg && !a->sysrq)
		analyse_constraint_inferred(ev, a);
	/* The vendor's hint counts as that evidence when the zones cannot
	 * give it (RHEL 4-era reports print no per-node zone lines). */
	if (ev->numa_oom_hint && !a->memcg && !a->sysrq && !a->cpuset && !a->mempolicy && !ev->constraint[0]) {
		a->constraint_inferred = true;
		a->mempolicy = true;
	}
	/* the inferred constraint is the event's kind too, said inferred */
	if (a->constraint_inferred && ev->kind == OOM_KIND_GLOBAL && (a->cpuset || a->mempolicy)) {
		ev->kind = a->cpuset ? OOM_KIND_CPUSET : OOM_KIND_MEMPOLICY;
		ev->kind_inferred = true;
		ev->kind_by_analysis = true;
	}
	analyse_victim(ev, a);
	analyse_swap(ev, a);
	a->basis_present = event_basis_present(ev);
	a->charge_mask_alone = header_charge_mask(ev, a);
	a->kill_bare_alone = kill_bare_alone(ev, a);
}
