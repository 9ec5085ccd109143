/* parse_mem.c — the show_mem()/show_free_areas() block of an OOM report
 * (summary lines in pages, per-node and per-zone lines in kB,
 * lowmem_reserve[] in pages, buddy lines, hugepages, page totals), the memcg
 * block (usage lines and the memory.stat dump of every era) and the
 * unreclaimable slab dump.  Formats: fact sheet §1.5, §1.6 (mm/page_alloc.c
 * show_free_areas and mm/show_mem.c / lib/show_mem.c, 2.6.18 → 6.18;
 * mm/memcontrol.c mem_cgroup_print_oom_meminfo). */
#include <stddef.h>
#include <string.h>

#include "report/parse_int.h"

struct kmap {
	const char *key;
	size_t off;
};

#define MEM(f) offsetof(struct oom_mem, f)
#define ZONE(f) offsetof(struct oom_zone, f)
#define NODE(f) offsetof(struct oom_node, f)
#define MCG(f) offsetof(struct oom_memcg, f)

/* Summary line keys (pages), every era (§1.6.2). */
static const struct kmap summary_keys[] = {
	{ "active_anon", MEM(active_anon_kib) }, { "inactive_anon", MEM(inactive_anon_kib) },
	{ "isolated_anon", MEM(isolated_anon_kib) }, { "active_file", MEM(active_file_kib) },
	{ "inactive_file", MEM(inactive_file_kib) }, { "isolated_file", MEM(isolated_file_kib) },
	{ "unevictable", MEM(unevictable_kib) }, { "dirty", MEM(dirty_kib) },
	{ "writeback", MEM(writeback_kib) }, { "slab_reclaimable", MEM(slab_reclaimable_kib) },
	{ "slab_unreclaimable", MEM(slab_unreclaimable_kib) }, { "mapped", MEM(mapped_kib) },
	{ "shmem", MEM(shmem_kib) }, { "pagetables", MEM(pagetables_kib) },
	{ "sec_pagetables", MEM(sec_pagetables_kib) }, { "bounce", MEM(bounce_kib) },
	{ "free", MEM(free_kib) }, { "free_pcp", MEM(free_pcp_kib) }, { "free_cma", MEM(free_cma_kib) },
	{ "kernel_misc_reclaimable", MEM(kernel_misc_reclaimable_kib) },
	/* 2.6.18–2.6.27 */
	{ "Active", MEM(active_kib) }, { "inactive", MEM(inactive_kib) }, { "slab", MEM(slab_kib) },
	/* 2.6.28–2.6.31 */
	{ "Active_anon", MEM(active_anon_kib) },
	{ "unstable", (size_t)-1 },
};

/* Zone line keys, values in kB (§1.6.4). */
static const struct kmap zone_keys[] = {
	{ "free", ZONE(free_kib) }, { "min", ZONE(min_kib) }, { "low", ZONE(low_kib) },
	{ "high", ZONE(high_kib) }, { "boost", ZONE(boost_kib) },
	{ "reserved_highatomic", ZONE(reserved_highatomic_kib) },
	{ "free_highatomic", ZONE(free_highatomic_kib) }, { "present", ZONE(present_kib) },
	{ "managed", ZONE(managed_kib) }, { "mlocked", ZONE(mlocked_kib) },
	{ "active_anon", ZONE(active_anon_kib) }, { "inactive_anon", ZONE(inactive_anon_kib) },
	{ "active_file", ZONE(active_file_kib) }, { "inactive_file", ZONE(inactive_file_kib) },
	{ "unevictable", ZONE(unevictable_kib) }, { "writepending", ZONE(writepending_kib) },
	{ "free_pcp", ZONE(free_pcp_kib) }, { "free_cma", ZONE(free_cma_kib) },
	{ "slab_reclaimable", ZONE(slab_reclaimable_kib) },
	{ "slab_unreclaimable", ZONE(slab_unreclaimable_kib) },
	{ "kernel_stack", ZONE(kernel_stack_kib) }, { "pagetables", ZONE(pagetables_kib) },
	{ "shmem", ZONE(shmem_kib) }, { "active", ZONE(active_kib) }, { "inactive", ZONE(inactive_kib) },
};

/* Node line keys, values in kB (§1.6.3, 4.8+). */
static const struct kmap node_keys[] = {
	{ "active_anon", NODE(active_anon_kib) }, { "inactive_anon", NODE(inactive_anon_kib) },
	{ "active_file", NODE(active_file_kib) }, { "inactive_file", NODE(inactive_file_kib) },
	{ "unevictable", NODE(unevictable_kib) }, { "mapped", NODE(mapped_kib) },
	{ "dirty", NODE(dirty_kib) }, { "writeback", NODE(writeback_kib) },
	{ "shmem", NODE(shmem_kib) }, { "shmem_thp", NODE(shmem_thp_kib) },
	{ "anon_thp", NODE(anon_thp_kib) }, { "kernel_stack", NODE(kernel_stack_kib) },
	{ "pagetables", NODE(pagetables_kib) },
};

/* memory.stat keys (bytes) of the v2 dump (5.3+) and the v1 dump (6.6+). */
static const struct kmap stat_keys[] = {
	{ "anon", MCG(anon_kib) }, { "file", MCG(file_kib) }, { "kernel", MCG(kernel_kib) },
	{ "kernel_stack", MCG(kernel_stack_kib) }, { "pagetables", MCG(pagetables_kib) },
	{ "percpu", MCG(percpu_kib) }, { "sock", MCG(sock_kib) }, { "shmem", MCG(shmem_kib) },
	{ "file_mapped", MCG(file_mapped_kib) }, { "file_dirty", MCG(file_dirty_kib) },
	{ "anon_thp", MCG(anon_thp_kib) }, { "slab_reclaimable", MCG(slab_reclaimable_kib) },
	{ "slab_unreclaimable", MCG(slab_unreclaimable_kib) },
	{ "inactive_anon", MCG(inactive_anon_kib) }, { "active_anon", MCG(active_anon_kib) },
	{ "inactive_file", MCG(inactive_file_kib) }, { "active_file", MCG(active_file_kib) },
	{ "unevictable", MCG(unevictable_kib) },
	/* v1 names */
	{ "cache", MCG(file_kib) }, { "rss", MCG(anon_kib) }, { "rss_huge", MCG(anon_thp_kib) },
	{ "mapped_file", MCG(file_mapped_kib) }, { "dirty", MCG(file_dirty_kib) },
	{ "swap", MCG(swap_kib) },
};

static const struct kmap *kmap_find(const struct kmap *m, size_t n, const char *k, const char *ke)
{
	size_t len = (size_t)(ke - k);
	for (size_t i = 0; i < n; i++)
		if (strlen(m[i].key) == len && memcmp(m[i].key, k, len) == 0)
			return &m[i];
	return NULL;
}

static int64_t *field_at(void *base, size_t off)
{
	return (int64_t *)(void *)((char *)base + off);
}

/* A line cut at the terminal width by journalctl/less ends in '>' (S05):
 * the last token may be cut inside its number, so it is dropped whole. */
static const char *cut_trunc(const char *s, const char *e, bool *cut)
{
	*cut = false;
	if (e > s && e[-1] == '>') {
		const char *q = e - 1;
		while (q > s && q[-1] != ' ')
			q--;
		*cut = true;
		return q;
	}
	return e;
}

static void warn_bad(struct pstate *st, const struct pkv *kv, const char *what)
{
	int n = (int)(kv->ke - kv->k);
	event_warn(&st->ev, "%s: unreadable value for %.*s, ignored", what, n > 40 ? 40 : n, kv->k);
}

/* ---- summary lines (pages) --------------------------------------------- */

bool pm_summary_line(struct pstate *st, const char *s, const char *e, bool any_key)
{
	bool cut;
	e = cut_trunc(s, e, &cut);
	const char *p = s;
	struct pkv kv;
	if (!p_kv_next(&p, e, &kv) || kv.yesno >= 0 || kv.has_unit)
		return false;
	const struct kmap *m = kmap_find(summary_keys, ARRAY_SIZE(summary_keys), kv.k, kv.ke);
	if (!m)
		return false;
	if (!any_key && !p_key_is(&kv, "active_anon") && !p_key_is(&kv, "Active") &&
	    !p_key_is(&kv, "Active_anon"))
		return false;
	/* Every token must be key:number (no unit): tells it from a zone line. */
	const char *q = p;
	struct pkv k2;
	while (p_kv_next(&q, e, &k2))
		if (k2.has_unit || k2.yesno >= 0)
			return false;
	if (q < e)
		return false;
	p = s;
	while (p_kv_next(&p, e, &kv)) {
		m = kmap_find(summary_keys, ARRAY_SIZE(summary_keys), kv.k, kv.ke);
		if (!m || m->off == (size_t)-1)
			continue;
		if (kv.bad) {
			warn_bad(st, &kv, "Mem-Info summary");
			continue;
		}
		if (known(kv.v))
			*field_at(&st->pages, m->off) = kv.v;
	}
	if (p_starts(s, e, "Active_anon:"))
		st->shape |= SH_ACTIVE_ANON_CAP;
	if (p_find(s, e, "free_pcp:"))
		st->shape |= SH_FREE_PCP;
	if (p_find(s, e, "sec_pagetables:"))
		st->shape |= SH_SEC_PAGETABLES;
	st->ev.have_meminfo = true;
	st->sect = SEC_MEMINFO;
	return true;
}

/* ---- zone, node and buddy lines ----------------------------------------- */

/* The number after "key=" on the line; OOM_NA when absent or unreadable. */
static int64_t eq_num(const char *s, const char *e, const char *key)
{
	const char *q = p_find(s, e, key);
	int64_t v;
	if (!q)
		return OOM_NA;
	q += strlen(key);
	return p_num(&q, e, &v) == 0 ? v : OOM_NA;
}

static void zone_kv(struct pstate *st, struct oom_zone *z, const struct pkv *kv)
{
	if (kv->yesno >= 0) {
		if (p_key_is(kv, "all_unreclaimable"))
			z->all_unreclaimable = kv->yesno;
		return;
	}
	const struct kmap *m = kmap_find(zone_keys, ARRAY_SIZE(zone_keys), kv->k, kv->ke);
	if (!m)
		return;
	if (kv->bad) {
		warn_bad(st, kv, "zone line");
		return;
	}
	if (known(kv->v))
		*field_at(z, m->off) = kv->v;
	if (p_key_is(kv, "boost"))
		st->shape |= SH_ZONE_BOOST;
}

static void node_kv(struct pstate *st, struct oom_node *n, const struct pkv *kv)
{
	if (kv->yesno >= 0) {
		if (p_key_is(kv, "all_unreclaimable"))
			n->all_unreclaimable = kv->yesno;
		return;
	}
	const struct kmap *m = kmap_find(node_keys, ARRAY_SIZE(node_keys), kv->k, kv->ke);
	if (!m)
		return;
	if (kv->bad) {
		warn_bad(st, kv, "node line");
		return;
	}
	if (known(kv->v))
		*field_at(n, m->off) = kv->v;
	if (p_key_is(kv, "sec_pagetables"))
		st->shape |= SH_SEC_PAGETABLES;
}

/* Parses key:value pairs of a zone or node line from p; a last key with
 * no value (the line broke after "key:") is remembered for the next record. */
static void kv_run(struct pstate *st, const char *p, const char *e, struct oom_zone *z,
		   struct oom_node *n)
{
	struct pkv kv;
	const char *last_key = NULL, *last_ke = NULL;
	while (p_kv_next(&p, e, &kv)) {
		if (!known(kv.v) && !kv.bad && kv.yesno < 0 && p >= e) {
			last_key = kv.k;
			last_ke = kv.ke;
			break;
		}
		if (z)
			zone_kv(st, z, &kv);
		else
			node_kv(st, n, &kv);
	}
	st->cont_key[0] = '\0';
	if (last_key)
		p_copy(st->cont_key, sizeof(st->cont_key), last_key, last_ke);
}

static int zone_index(struct pstate *st, struct oom_zone *z)
{
	return (int)(z - st->ev.snap.zones);
}

/* Buddy tokens "N*SkB" with optional "(UME)" letters, from order `order`. */
static void buddy_run(struct pstate *st, struct oom_zone *z, const char *p, const char *e, bool cut)
{
	int order = st->buddy_order;
	bool total_seen = false;
	st->buddy_eq_open = false;
	char joined[64];
	while (p < e) {
		p = p_skip_sp(p, e);
		if (p >= e)
			break;
		const char *t = p;
		while (p < e && *p != ' ')
			p++;
		const char *te = p;
		/* a terminal's copy that put a blank inside a token (R978:
		 * "58* 4096kB", "(UEH C)", "(UM )"): the pieces are one */
		if (te > t && ((te[-1] == '*' && te - t >= 2) || (*t == '(' && !memchr(t, ')', (size_t)(te - t))))) {
			const char *n = p_skip_sp(te, e), *ne = n;
			while (ne < e && *ne != ' ')
				ne++;
			bool join = te[-1] == '*' ? ne > n && *n >= '0' && *n <= '9'
						  : memchr(n, ')', (size_t)(ne - n)) != NULL && *n != '(' && !memchr(n, '*', (size_t)(ne - n));
			if (join) {
				size_t l1 = (size_t)(te - t), l2 = (size_t)(ne - n);
				if (l1 + l2 < sizeof(joined)) {
					memcpy(joined, t, l1);
					memcpy(joined + l1, n, l2);
					t = joined;
					te = t + l1 + l2;
					p = ne;
				}
			}
		}
		if (*t == '=') {
			/* "= 38260kB" */
			const char *q = p_skip_sp(t + 1, e);
			if (q == t + 1 && te > t + 1)
				q = t + 1;
			int64_t v;
			const char *q0 = q;
			if (p_num(&q, e, &v) == 0 && (q + 2 <= e && (memcmp(q, "kB", 2) == 0 || memcmp(q, "KB", 2) == 0)))
				z->buddy_total_kib = v;
			else if (q != q0)
				event_warn(&st->ev, "buddy line of %s: unreadable total", z->name);
			/* "… =" and the total alone on the next line: a mail
			 * client's wrap at the blank after the sign (R4040) */
			else if (p_skip_sp(q, e) >= e && !cut)
				st->buddy_eq_open = true;
			total_seen = true;
			break;
		}
		if (*t == '(') {
			/* migratetype letters of the previous order */
			if (order > 0 && order - 1 < OOM_MAX_ORDERS) {
				unsigned bits = 0;
				for (const char *c = t + 1; c < te && *c != ')'; c++) {
					switch (*c) {
					case 'U': bits |= MT_UNMOVABLE; break;
					case 'M': bits |= MT_MOVABLE; break;
					case 'E': bits |= MT_RECLAIMABLE; break;
					case 'H': bits |= MT_HIGHATOMIC; break;
					case 'R': bits |= MT_RESERVE; break;
					case 'C': bits |= MT_CMA; break;
					case 'I': bits |= MT_ISOLATE; break;
					default: break;
					}
				}
				z->free_types[order - 1] |= bits;
				z->free_types_known = true;
			}
			continue;
		}
		const char *star = memchr(t, '*', (size_t)(te - t));
		if (!star)
			continue;     /* junk such as the "12kB" of a hand-edited "4*5 12kB" (S06) */
		const char *q = t;
		int64_t cnt = OOM_NA, sz = OOM_NA;
		bool ok = p_num(&q, star, &cnt) == 0 && q == star;
		q = star + 1;
		ok = ok && p_num(&q, te, &sz) == 0 && te - q == 2 &&
		     (memcmp(q, "kB", 2) == 0 || memcmp(q, "KB", 2) == 0) && sz > 0;
		int o = order;
		if (ok) {
			if (order == 0 && !known(st->buddy_base_kib))
				st->buddy_base_kib = sz;
			int64_t base = st->buddy_base_kib;
			if (known(base) && base > 0 && sz % base == 0) {
				int64_t r = sz / base;
				int k = 0;
				while (r > 1 && (r & 1) == 0) {
					r >>= 1;
					k++;
				}
				if (r == 1)
					o = k;
			}
		}
		if (o >= OOM_MAX_ORDERS) {
			event_warn(&st->ev, "buddy line of %s: more than %d orders, rest ignored", z->name, OOM_MAX_ORDERS);
			break;
		}
		if (ok && !(cut && p >= e)) {
			z->free_blocks[o] = cnt;
		} else {
			z->free_blocks[o] = OOM_NA;
			if (!(cut && p >= e))
				event_warn(&st->ev, "buddy line of %s: unreadable block count at order %d", z->name, o);
		}
		if (z->nr_orders < o + 1)
			z->nr_orders = o + 1;
		order = o + 1;
	}
	st->buddy_order = order;
	if (order == 1 && known(st->buddy_base_kib) && !known(st->buddy_psz_kib))
		st->buddy_psz_kib = st->buddy_base_kib;
	if (known(st->buddy_base_kib) && !known(st->buddy_psz_kib))
		st->buddy_psz_kib = st->buddy_base_kib;
	st->cont = st->buddy_eq_open || !(total_seen || cut) ? CONT_BUDDY : CONT_NONE;
	st->cont_zone = zone_index(st, z);
}

/* "Node 0 DMA free:…", "DMA free:…", "Node 0 active_anon:…", "Node 0 DMA: 1*4kB …",
 * "Normal: empty", "Node 0 hugepages_total=…", per-cpu headers are not here. */
bool pm_node_or_zone_line(struct pstate *st, const char *s, const char *e)
{
	bool cut;
	e = cut_trunc(s, e, &cut);
	const char *p = s;
	int node = -1;
	if (p_starts(p, e, "Node ")) {
		p += 5;
		int64_t v;
		if (p_num(&p, e, &v) != 0 || v > 4096 || p >= e || *p != ' ')
			return false;
		node = (int)v;
		p++;
	}
	const char *w = p;
	while (p < e && *p != ' ' && *p != ':' && *p != '=')
		p++;
	const char *we = p;
	if (we == w)
		return false;
	struct oom_snapshot *snap = &st->ev.snap;

	/* Node line: "Node N active_anon:…kB" (4.8+). */
	if (node >= 0 && p < e && *p == ':' && !p_is_zone_name(w, we)) {
		if (!(p_starts(w, e, "active_anon:") || p_starts(w, e, "inactive_anon:")))
			return false;
		struct oom_node *n = snapshot_node(snap, node);
		if (!n)
			return true;
		kv_run(st, w, e, NULL, n);
		st->cont = CONT_NODE;
		st->cont_node = (int)(n - snap->nodes);
		st->shape |= SH_NODE_LINE;
		st->ev.have_meminfo = true;
		st->sect = SEC_MEMINFO;
		return true;
	}
	/* Hugepages: "Node 0 hugepages_total=0 hugepages_free=0 hugepages_surp=0 hugepages_size=2048kB". */
	if (node >= 0 && p_starts(w, e, "hugepages_total=")) {
		int64_t tot = eq_num(w, e, "hugepages_total=");
		int64_t fr = eq_num(w, e, "hugepages_free=");
		int64_t size = eq_num(w, e, "hugepages_size=");
		struct oom_node *n = snapshot_node(snap, node);
		if (n && known(tot) && known(size)) {
			int64_t kib = p_mul(tot, size);
			if (known(kib))
				n->hugetlb_kib = known(n->hugetlb_kib) ? sat_add(n->hugetlb_kib, kib) : kib;
			/* The size holding the most memory stands for the node's counts. */
			if (!known(n->hugepages_total) || !known(n->hugepage_size_kib) ||
			    (known(kib) && kib > p_mul(n->hugepages_total, n->hugepage_size_kib)) ||
			    (n->hugepages_total == 0 && tot == 0 && size == 2048)) {
				n->hugepages_total = tot;
				n->hugepages_free = fr;
				n->hugepage_size_kib = size;
			}
		}
		if (size == 8192)
			st->hugepage_8m = true;   /* arch evidence (parse_finish.c) */
		if (size == 32768)
			st->hugepage_32m = true;
		if (size == 64)
			st->hugepage_64k = true;
		st->shape |= SH_HUGEPAGES;
		st->sect = SEC_MEMINFO;
		st->cont = CONT_NONE;
		return true;
	}
	if (!p_is_zone_name(w, we) && node < 0)
		return false;
	char name[16];
	p_copy(name, sizeof(name), w, we);

	/* Zone line: "<zone> free:NkB …". */
	if (p_starts(p, e, " free:")) {
		struct oom_zone *z = snapshot_zone(snap, node, name);
		if (!z)
			return true;
		kv_run(st, p, e, z, NULL);
		st->cont = CONT_ZONE;
		st->cont_zone = zone_index(st, z);
		st->last_zone = st->cont_zone;
		st->last_zone_rsv = false;
		st->ev.have_meminfo = true;
		st->sect = SEC_MEMINFO;
		return true;
	}
	/* Buddy line: "<zone>: 1*4kB (U) … = NkB" or "<zone>: empty". */
	if (p < e && *p == ':' && (p + 1 == e || p[1] == ' ')) {
		const char *q = p_skip_sp(p + 1, e);
		if (q < e && !(*q >= '0' && *q <= '9') && !p_starts(q, e, "empty"))
			return false;
		if (q < e && *q >= '0' && *q <= '9' && !p_find(q, e, "*"))
			return false;
		int before = snap->nr_zones;
		struct oom_zone *z = snapshot_zone(snap, node, name);
		if (z && snap->nr_zones > before && st->nr_orphan_rsv > 0 && z->nr_lowmem_reserve == 0) {
			/* a zone known only from its buddy line takes the
			 * first reserve line whose zone line was left out */
			z->nr_lowmem_reserve = st->orphan_rsv_len[0];
			memcpy(z->lowmem_reserve_pages, st->orphan_rsv[0], sizeof(z->lowmem_reserve_pages));
			st->nr_orphan_rsv--;
			memmove(&st->orphan_rsv[0], &st->orphan_rsv[1], sizeof(st->orphan_rsv[0]) * (size_t)st->nr_orphan_rsv);
			memmove(&st->orphan_rsv_len[0], &st->orphan_rsv_len[1], (size_t)st->nr_orphan_rsv);
		}
		if (!z)
			return true;
		st->sect = SEC_MEMINFO;
		st->ev.have_meminfo = true;
		if (p_starts(q, e, "empty")) {
			st->cont = CONT_NONE;
			return true;
		}
		st->buddy_order = 0;
		st->buddy_base_kib = OOM_NA;
		memset(z->free_blocks, 0, sizeof(z->free_blocks));
		memset(z->free_types, 0, sizeof(z->free_types));
		z->nr_orders = 0;
		buddy_run(st, z, q, e, cut);
		return true;
	}
	return false;
}

/* "lowmem_reserve[]: 0 2991 7957 7957 7957" (pages), for the zone line above
 * (or for z, a scratch zone holding an orphan line). */
static void lowmem_run_into(struct pstate *st, struct oom_zone *z, const char *p, const char *e)
{
	while (p < e) {
		p = p_skip_sp(p, e);
		if (p >= e)
			break;
		int64_t v;
		if (*p == '-') {
			event_warn(&st->ev, "lowmem_reserve of %s: negative value ignored", z->name);
			p++;
			p_num(&p, e, &v);
			v = OOM_NA;
		} else if (p_num(&p, e, &v) != 0) {
			break;
		}
		if (z->nr_lowmem_reserve < OOM_MAX_ZONE_IDX)
			z->lowmem_reserve_pages[z->nr_lowmem_reserve++] = v;
	}
}

static void lowmem_run(struct pstate *st, const char *p, const char *e)
{
	if (st->last_zone < 0 || st->last_zone >= st->ev.snap.nr_zones)
		return;
	lowmem_run_into(st, &st->ev.snap.zones[st->last_zone], p, e);
	st->cont = CONT_LOWMEM;
}

bool pm_lowmem_line(struct pstate *st, const char *s, const char *e)
{
	if (!p_starts(s, e, "lowmem_reserve[]:"))
		return false;
	bool cut;
	e = cut_trunc(s, e, &cut);
	st->sect = SEC_MEMINFO;
	if (st->last_zone >= 0 && st->last_zone < st->ev.snap.nr_zones && st->last_zone_rsv) {
		/* a second line after one zone line: the kernel prints one
		 * per zone, so this is the next zone's, whose zone line a
		 * paste left out (R1762: DMA's line, then the reserves of
		 * DMA, DMA32 and Normal) — not the zone above's */
		if (st->nr_orphan_rsv < 4) {
			struct oom_zone tmp;
			tmp.nr_lowmem_reserve = 0;
			lowmem_run_into(st, &tmp, s + 17, e);
			int k = st->nr_orphan_rsv++;
			st->orphan_rsv_len[k] = (uint8_t)tmp.nr_lowmem_reserve;
			memcpy(st->orphan_rsv[k], tmp.lowmem_reserve_pages, sizeof(st->orphan_rsv[k]));
		}
		st->cont = CONT_NONE;
		return true;
	}
	if (st->last_zone >= 0 && st->last_zone < st->ev.snap.nr_zones)
		st->ev.snap.zones[st->last_zone].nr_lowmem_reserve = 0;
	lowmem_run(st, s + 17, e);
	st->last_zone_rsv = true;
	return true;
}

/* "protections[]: 0 0 0": show_free_areas printed it under each zone line
 * from 2.6.5 until lowmem_reserve[] replaced it in 2.6.11 (Andrea
 * Arcangeli's lowmem_reserve and OOM fixes).  Its values are never read
 * (2.6.9's protections were per-allocation-class, not lowmem_reserve's);
 * the line dates the report: these kernels called out_of_memory from
 * mm/vmscan.c try_to_free_pages (diagnose/event_rules.c rule_spurious_oom_2610). */
bool pm_protections_line(struct pstate *st, const char *s, const char *e)
{
	if (!p_starts(s, e, "protections[]:"))
		return false;
	st->ev.protections_line = true;
	st->sect = SEC_MEMINFO;
	st->cont = CONT_NONE;
	return true;
}

/* The rest of a zone, node, buddy or lowmem_reserve line that the log split
 * into a record of its own. */
bool pm_continuation(struct pstate *st, const char *s, const char *e)
{
	if (st->cont == CONT_NONE || s >= e)
		return false;
	bool cut;
	const char *ce = cut_trunc(s, e, &cut);
	struct oom_snapshot *snap = &st->ev.snap;
	switch (st->cont) {
	case CONT_LOWMEM:
		for (const char *q = s; q < e; q++)
			if (!((*q >= '0' && *q <= '9') || *q == ' '))
				return false;
		lowmem_run(st, s, e);
		return true;
	case CONT_BUDDY: {
		if (st->buddy_eq_open) {
			/* the "NkB" total of a line that ended on "=" */
			st->buddy_eq_open = false;
			st->cont = CONT_NONE;
			const char *q = s;
			int64_t v;
			if (st->cont_zone < 0 || st->cont_zone >= snap->nr_zones || p_num(&q, ce, &v) != 0 || q + 2 > ce ||
			    (memcmp(q, "kB", 2) != 0 && memcmp(q, "KB", 2) != 0) || p_skip_sp(q + 2, ce) < ce)
				return false;
			snap->zones[st->cont_zone].buddy_total_kib = v;
			return true;
		}
		/* the rest may open with the letters of the line's last order
		 * ("(C) 1*1024kB (C) …", R5300) */
		bool letters = *s == '(' && st->buddy_order > 0 && s + 2 < ce && s[1] != ')';
		for (const char *q = s + 1; letters && q < ce && *q != ')'; q++)
			letters = strchr("UMEHRCI", *q) != NULL;
		if (!(*s >= '0' && *s <= '9') && *s != '=' && !letters)
			return false;
		if (*s != '=' && !p_find(s, ce, "*") && !(letters && p_find(s, ce, "=")))
			return false;
		if (st->cont_zone < 0 || st->cont_zone >= snap->nr_zones)
			return false;
		buddy_run(st, &snap->zones[st->cont_zone], s, ce, cut);
		return true;
	}
	case CONT_ZONE:
	case CONT_NODE: {
		struct oom_zone *z = NULL;
		struct oom_node *n = NULL;
		if (st->cont == CONT_ZONE) {
			if (st->cont_zone < 0 || st->cont_zone >= snap->nr_zones)
				return false;
			z = &snap->zones[st->cont_zone];
		} else {
			if (st->cont_node < 0 || st->cont_node >= snap->nr_nodes)
				return false;
			n = &snap->nodes[st->cont_node];
		}
		const char *p = s;
		if (st->cont_key[0] && *s >= '0' && *s <= '9') {
			/* "278804kB inactive_anon:…" after a line ending in "active_anon:" (S06) */
			char buf[80];
			int64_t v;
			const char *q = s;
			if (p_num(&q, ce, &v) != 0)
				return false;
			if (q < ce && *q != ' ' && !(q + 2 <= ce && (memcmp(q, "kB", 2) == 0 || memcmp(q, "KB", 2) == 0)))
				return false;
			while (q < ce && *q != ' ')
				q++;
			int len = snprintf(buf, sizeof(buf), "%s:%.*s", st->cont_key, (int)(q - s), s);
			if (len > 0 && (size_t)len < sizeof(buf)) {
				const char *b = buf;
				struct pkv kv;
				if (p_kv_next(&b, buf + len, &kv)) {
					if (z)
						zone_kv(st, z, &kv);
					else
						node_kv(st, n, &kv);
				}
			}
			p = q;
		} else {
			/* A record of key:valuekB pairs: values with a unit tell it from a
			 * summary sub-line (pages, no unit). */
			const char *q = s;
			struct pkv kv;
			if (!p_kv_next(&q, ce, &kv) || !kv.has_unit)
				return false;
		}
		kv_run(st, p, ce, z, n);
		return true;
	}
	case CONT_NONE:
		break;
	}
	return false;
}

/* ---- page totals after the buddy lines ----------------------------------- */

struct total_kind {
	const char *suffix;
	size_t off;      /* into struct oom_mem (pages); (size_t)-1 ignored */
};
static const struct total_kind totals[] = {
	{ " total pagecache pages", MEM(pagecache_kib) },
	{ " pages in swap cache", MEM(swap_cached_kib) },
	{ " pages RAM", MEM(ram_kib) },
	{ " pages of RAM", MEM(ram_kib) },                     /* 2.6.18 arch show_mem */
	{ " pages HighMem/MovableOnly", MEM(highmem_total_kib) },
	{ " pages HighMem", MEM(highmem_total_kib) },
	{ " pages of HIGHMEM", MEM(highmem_total_kib) },
	{ " pages reserved", MEM(reserved_kib) },
	{ " reserved pages", MEM(reserved_kib) },
	{ " pages shared", (size_t)-1 },
	{ " pages non-shared", (size_t)-1 },
	{ " pages cma reserved", (size_t)-1 },
	{ " pages hwpoisoned", (size_t)-1 },
	{ " pages in pagetable cache", (size_t)-1 },
	{ " pages swap cached", MEM(swap_cached_kib) },
	{ " pages dirty", (size_t)-1 },
	{ " pages writeback", (size_t)-1 },
	{ " pages mapped", (size_t)-1 },
	{ " pages slab", (size_t)-1 },
	{ " pages pagetables", (size_t)-1 },
};

static bool swap_line(struct pstate *st, const char *s, const char *e)
{
	const char *p;
	size_t off;
	if (p_starts(s, e, "Free swap  = ") || p_starts(s, e, "Free swap = ")) {
		p = p_find(s, e, "= ") + 2;
		off = MEM(swap_free_kib);
		st->swapblk.free_paired = true;
	} else if (p_starts(s, e, "Total swap = ")) {
		p = s + 13;
		off = MEM(swap_total_kib);
	} else if (p_starts(s, e, "Free swap:")) {
		p = p_skip_sp(s + 10, e);      /* 2.6.18 i386 "Free swap:       %6ldkB" */
		off = MEM(swap_free_kib);
	} else if (p_starts(s, e, "Free swap ") && (p = p_find(s + 10, e - s > 15 ? s + 15 : e, "= ")) != NULL &&
		   !memchr(s + 10, ':', (size_t)(p - s - 10))) {
		/* one of the two blanks mangled by a mail relay ("Free swap A =
		 * 2100300kB": a no-break space whose first byte was lost, R4370):
		 * up to four bytes of anything but a value before "= " */
		for (const char *q = s + 10; q < p; q++)
			if (*q >= '0' && *q <= '9')
				return false;
		p += 2;
		off = MEM(swap_free_kib);
		st->swapblk.free_paired = true;
	} else {
		return false;
	}
	st->swapblk.seen = true;
	p = p_skip_sp(p, e);
	int64_t v;
	int r = p_inum(&p, e, &v);
	/* nr_swap_pages is a signed atomic_long_t (mm/swapfile.c): a swapoff
	 * racing with the report prints it below zero ("Free swap  =
	 * -245804kB", 4.16); it is printed so, so it is read so.  A total
	 * is never negative. */
	bool neg_ok = off == MEM(swap_free_kib);
	/* The unit cut off at the end of the text ("Free swap = 0" closing an
	 * excerpt): %lu prints no leading zero, so a lone "0" cut there was
	 * 0kB whatever followed; other digits may have been cut too. */
	bool unit_cut_zero = r == 0 && v == 0 && p == e && p - s >= 2 && p[-1] == '0' &&
			     (p[-2] == ' ' || p[-2] == '=' || p[-2] == ':');
	/* the two swap lines a writer joined on one ("Free swap  = 0kB /
	 * Total swap = 0kB", R5293): the second read as its own line */
	const char *next = NULL;
	if (r == 0 && off == MEM(swap_free_kib) && e - p > 2 && (memcmp(p, "kB", 2) == 0 || memcmp(p, "KB", 2) == 0)) {
		const char *q = p + 2;
		while (q < e && (*q == ' ' || *q == '/' || *q == ',' || *q == ';' || *q == '|'))
			q++;
		if (q > p + 2 && p_starts(q, e, "Total swap = "))
			next = q;
	}
	const char *ve = next ? p + 2 : e;
	if (r != 0 || (v < 0 && !neg_ok) ||
	    (!unit_cut_zero && !(ve - p == 2 && (memcmp(p, "kB", 2) == 0 || memcmp(p, "KB", 2) == 0)))) {
		event_warn(&st->ev, "swap line: unreadable value, ignored");
	} else {
		*field_at(&st->ev.snap.mem, off) = v;
		if (v < 0)
			event_warn(&st->ev, "free swap printed below zero (a swapoff racing with the report?)");
	}
	st->sect = SEC_MEMINFO;
	st->ev.have_meminfo = true;
	if (next)
		swap_line(st, next, e);
	return true;
}

bool pm_totals_line(struct pstate *st, const char *s, const char *e)
{
	if (swap_line(st, s, e))
		return true;
	if (p_starts(s, e, "Free pages:")) {
		/* 2.6.18: "Free pages:       11464kB (0kB HighMem)" */
		const char *p = p_skip_sp(s + 11, e);
		int64_t v;
		if (p_num(&p, e, &v) == 0 && p_starts(p, e, "kB"))
			st->ev.snap.mem.free_kib = v;
		st->sect = SEC_MEMINFO;
		st->ev.have_meminfo = true;
		return true;
	}
	if (p_starts(s, e, "Swap cache stats:") || p_starts(s, e, "Swap cache: add ")) {
		st->swapblk.seen = true;
		/* "Swap cache stats: add %lu, delete …" (mm/swap_state.c
		 * show_swap_cache_info ≤6.0), "Swap cache: add %lu, …" before
		 * 2.6.2x: the pages ever put in the swap cache since boot */
		const char *q = p_find(s, e, "add ");
		int64_t adds;
		if (q) {
			q += 4;
			if (p_num(&q, e, &adds) == 0 && (q == e || *q == ','))
				st->ev.snap.mem.swap_cache_adds = adds;
		}
		st->sect = SEC_MEMINFO;
		return true;
	}
	if (s >= e || *s < '0' || *s > '9')
		return false;
	const char *p = s;
	int64_t v;
	int r = p_num(&p, e, &v);
	if (r == -1)
		return false;
	for (size_t i = 0; i < ARRAY_SIZE(totals); i++) {
		size_t n = strlen(totals[i].suffix);
		if ((size_t)(e - p) != n || memcmp(p, totals[i].suffix, n) != 0)
			continue;
		if (r != 0)
			event_warn(&st->ev, "Mem-Info:%s: number out of range, ignored", totals[i].suffix);
		else if (totals[i].off != (size_t)-1)
			*field_at(&st->pages, totals[i].off) = v;
		if (totals[i].off == MEM(ram_kib) || totals[i].off == MEM(reserved_kib))
			st->totals_seen = true;
		/* the swap block's neighbours (parse_int.h swapblk); one record
		 * may hold both (rsyslog #012) */
		if (!strcmp(totals[i].suffix, " pages in swap cache"))
			st->swapblk.seen = true;   /* (not the ≤3.x arch show_mem's "pages swap cached": printed always) */
		else if (totals[i].off == MEM(pagecache_kib))
			st->swapblk.pagecache_fed = st->last_fed;
		else if (totals[i].off == MEM(ram_kib) && st->swapblk.pagecache_fed &&
			 st->last_fed - st->swapblk.pagecache_fed <= 1)
			st->swapblk.ram_next = true;
		st->sect = SEC_MEMINFO;
		st->ev.have_meminfo = true;
		return true;
	}
	return false;
}

/* Per-CPU pageset lines of ≤3.18 (§1.6.1): recognised only to be skipped. */
bool pm_percpu_line(const char *s, const char *e)
{
	if (p_find(s, e, " per-cpu:"))
		return true;
	if (p_starts(s, e, "CPU ") && p_find(s, e, "hi:") && p_find(s, e, "btch:"))
		return true;
	if (p_starts(s, e, "cpu ") && (p_find(s, e, " hot: ") || p_find(s, e, " cold: ")))
		return true;
	return false;
}

/* ---- memcg block (§1.5) --------------------------------------------------- */

/* "memory: usage 524288kB, limit 524288kB, failcnt 91" and its siblings. */
static bool usage_line(struct pstate *st, const char *s, const char *e, const char *prefix,
		       int64_t *usage, int64_t *limit, int64_t *failcnt)
{
	if (!p_starts(s, e, prefix))
		return false;
	const char *p = s + strlen(prefix);
	int64_t u = OOM_NA, l = OOM_NA, f = OOM_NA;
	const char *q;
	if ((q = p_find(p, e, "usage "))) {
		q += 6;
		if (p_num(&q, e, &u) != 0 || !p_starts(q, e, "kB"))
			u = OOM_NA;
	}
	if ((q = p_find(p, e, "limit "))) {
		q += 6;
		if (p_num(&q, e, &l) != 0 || !p_starts(q, e, "kB"))
			l = OOM_NA;
	}
	if ((q = p_find(p, e, "failcnt "))) {
		q += 8;
		if (p_num(&q, e, &f) != 0)
			f = OOM_NA;
	}
	if (!known(u) || !known(l))
		event_warn(&st->ev, "memcg line \"%.20s\": unreadable numbers", prefix);
	*usage = u;
	*limit = l;
	*failcnt = f;
	st->ev.snap.have_memcg = true;
	st->sect = SEC_MEMCG;
	return true;
}

/* v1 stat line of 3.10–5.2: "Memory cgroup stats for /x: cache:0KB rss:520000KB …";
 * the values of every listed member add up to the OOM domain's own. */
static void stat_inline(struct pstate *st, const char *p, const char *e)
{
	struct oom_memcg *m = &st->ev.snap.memcg;
	struct pkv kv;
	while (p_kv_next(&p, e, &kv)) {
		if (kv.bad || !known(kv.v))
			continue;
		const struct kmap *k = kmap_find(stat_keys, ARRAY_SIZE(stat_keys), kv.k, kv.ke);
		if (!k)
			continue;
		int64_t *f = field_at(m, k->off);
		*f = known(*f) ? sat_add(*f, kv.v) : kv.v;
	}
}

/* Where a cgroup path that ends its line ends: the kernel prints it last
 * ("…limit of %s\n", mm/memcontrol.c mem_cgroup_print_oom_info 2.6.30-4.19;
 * pr_cont_cgroup_path), so two blanks and more text after it are the
 * paste's own ("  # noqa: E501" of a source comment, "  <-- here"); a
 * single blank may be a mail wrap joined back (mended below). */
static const char *path_end(const char *s, const char *e)
{
	for (const char *x = s; x + 1 < e; x++)
		if (x[0] == ' ' && x[1] == ' ')
			return x;
	return e;
}

bool pm_memcg_line(struct pstate *st, const char *s, const char *e)
{
	struct oom_memcg *m = &st->ev.snap.memcg;
	struct oom_event *ev = &st->ev;
	const char *q;
	if ((p_starts(s, e, "Task in ") || p_starts(s, e, "/")) && (q = p_find(s, e, " killed as a result of limit of "))) {
		/* 2.6.30–4.19: "Task in %s killed as a result of limit of %s";
		 * a paste that cut "Task in " off still holds both paths */
		p_copy(ev->task_memcg, sizeof(ev->task_memcg), *s == '/' ? s : s + 8, q);
		if (q + 32 < e && q[32] != '/') {
			/* no cgroup path: a vendor kernel that prints the line on a
			 * machine-wide OOM too names the machine ("limit of host",
			 * Alibaba Cloud Linux 4.x): no memcg limit was hit */
			st->sect = SEC_MEMCG;
			return true;
		}
		p_copy(ev->oom_memcg, sizeof(ev->oom_memcg), q + 32, path_end(q + 32, e));
		/* The limit's memcg is the task's or an ancestor of it
		 * (mm/memcontrol.c): a line hard-wrapped inside that path and
		 * joined back with a blank ("/kubepo ds/pod…", R195) is mended
		 * when the path without the blank is the task path's head. */
		char *sp = strchr(ev->oom_memcg, ' ');
		size_t tl = strlen(ev->task_memcg);
		if (sp && !strchr(sp + 1, ' ') && !strchr(ev->task_memcg, ' ')) {
			size_t a = (size_t)(sp - ev->oom_memcg), b = strlen(sp + 1);
			if (a + b <= tl && !memcmp(ev->oom_memcg, ev->task_memcg, a) &&
			    !memcmp(sp + 1, ev->task_memcg + a, b) &&
			    (a + b == tl || ev->task_memcg[a + b] == '/'))
				memmove(sp, sp + 1, b + 1);
		}
		ev->snap.have_memcg = true;
		st->sect = SEC_MEMCG;
		return true;
	}
	if (p_starts(s, e, "Memory limit reached of cgroup ")) {
		p_copy(ev->oom_memcg, sizeof(ev->oom_memcg), s + 31, path_end(s + 31, e));
		ev->snap.have_memcg = true;
		st->sect = SEC_MEMCG;
		return true;
	}
	if (usage_line(st, s, e, "memory: ", &m->usage_kib, &m->limit_kib, &m->failcnt)) {
		/* a quote that kept only the constraint line's oom_memcg field,
		 * joined to this line by a wrap repair ("… failcnt 2957149
		 * oom_memcg=/user.slice/…/app.slice", R1853) */
		const char *om = p_find(s, e, " oom_memcg=/");
		if (om && !ev->oom_memcg[0]) {
			const char *v = om + 11, *ve = memchr(v, ',', (size_t)(e - v));
			p_copy(ev->oom_memcg, sizeof(ev->oom_memcg), v, path_end(v, ve ? ve : e));
		}
		return true;
	}
	if (usage_line(st, s, e, "memory+swap: ", &m->memsw_usage_kib, &m->memsw_limit_kib, &m->memsw_failcnt)) {
		m->version = 1;
		return true;
	}
	if (usage_line(st, s, e, "kmem: ", &m->kmem_usage_kib, &m->kmem_limit_kib, &m->kmem_failcnt)) {
		m->version = 1;
		return true;
	}
	if (usage_line(st, s, e, "swap: ", &m->swap_usage_kib, &m->swap_limit_kib, &m->swap_failcnt)) {
		m->version = 2;
		return true;
	}
	if (p_starts(s, e, "Memory cgroup stats for ")) {
		const char *p = s + 24;
		/* the path ends at the ':' followed by end of line or a space */
		const char *c = NULL;
		for (const char *x = p; x < e; x++)
			if (*x == ':' && (x + 1 == e || x[1] == ' '))
				c = x;
		if (!c)
			c = e;
		/* With inline "key:NKB" pairs the first such ':' is the path's end. */
		for (const char *x = p; x < e; x++)
			if (*x == ':' && x + 1 < e && x[1] == ' ') {
				c = x;
				break;
			}
		/* The path names the OOM's memcg only when it is the block's
		 * first: v1 prints "stats for %s:" for every member of the
		 * subtree, the OOM memcg first, right after its usage lines
		 * ("memory:", "memory+swap:", "kmem:", "swap:"; mm/memcontrol.c mem_cgroup_print_oom_meminfo; 3.10,
		 * 4.19).  A log cut after that line may start at a child's.
		 * And the kernel ends the path with ':': a line without one was
		 * cut inside the path. */
		bool closed = c < e, first = known(m->usage_kib) || known(m->limit_kib) || known(m->memsw_usage_kib) ||
					      known(m->kmem_usage_kib) || known(m->swap_usage_kib);
		if (st->nr_stat_blocks == 0 && m->path[0] == '\0' && closed && first) {
			p_copy(m->path, sizeof(m->path), p, c);
		} else if (st->nr_stat_blocks == 0 && m->path[0] == '\0' && closed && p_skip_sp(c + 1, e) == e) {
			/* its format, on the lines after it, decides */
			p_copy(st->stat_path_cand, sizeof(st->stat_path_cand), p, c);
			st->stat_path_cut = true;
		} else if (st->nr_stat_blocks == 0 && m->path[0] == '\0') {
			event_warn(ev, closed ? "memcg stats of a cut report: the first listed may be a child's, path not taken"
					      : "memcg stats line cut inside its path: path not taken");
		}
		st->nr_stat_blocks++;
		ev->snap.have_memcg = true;
		const char *rest = c < e ? p_skip_sp(c + 1, e) : e;
		if (rest < e) {
			st->stat_v1_inline = true;
			m->version = 1;
			stat_inline(st, rest, e);
			st->sect = SEC_MEMCG;
		} else {
			st->sect = SEC_MEMCG_STAT;
		}
		return true;
	}
	return false;
}

/* One "key value" line of the memory.stat dump (5.3+ v2 format in bytes;
 * 6.6+ v1 format in bytes; counters such as pgfault are not quantities). */
bool pm_memcg_stat_line(struct pstate *st, const char *s, const char *e)
{
	const char *p = s;
	while (p < e && ((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '_'))
		p++;
	if (p == s || p >= e || *p != ' ')
		return false;
	const char *ke = p;
	p++;
	int64_t v;
	int r = p_num(&p, e, &v);
	if (r == -1 || p != e)
		return false;
	if (p_starts(s, ke, "total_") || p_starts(s, ke, "hierarchical_"))
		return true;
	struct oom_memcg *m = &st->ev.snap.memcg;
	if (p_starts(s, ke, "anon") && ke - s == 4 && m->version == 0)
		m->version = 2;
	if (p_starts(s, ke, "cache") && ke - s == 5 && m->version == 0)
		m->version = 1;
	if (st->stat_path_cut) {
		/* v2 prints one stats block, the OOM memcg's own
		 * (mm/memcontrol.c mem_cgroup_print_oom_meminfo: memory_stat_format
		 * of memcg alone); v1 one per member of the subtree */
		st->stat_path_cut = false;
		if (m->version == 2 && m->path[0] == '\0')
			str_copy(m->path, sizeof(m->path), st->stat_path_cand, strlen(st->stat_path_cand));
		else
			event_warn(&st->ev, "memcg stats of a cut report: the first listed may be a child's, path not taken");
	}
	const struct kmap *k = kmap_find(stat_keys, ARRAY_SIZE(stat_keys), s, ke);
	if (!k)
		return true;
	if (r != 0) {
		event_warn(&st->ev, "memcg stat %.*s: number out of range", (int)(ke - s) > 30 ? 30 : (int)(ke - s), s);
		return true;
	}
	*field_at(m, k->off) = v / 1024;
	return true;
}

/* ---- unreclaimable slab dump (§1.6.8, 4.15+) ------------------------------ */

bool pm_slab_line(struct pstate *st, const char *s, const char *e)
{
	if (p_starts(s, e, "Name ") && p_find(s, e, "Used") && p_find(s, e, "Total"))
		return true;
	/* "%-17s %10luKB %10luKB": the two numbers are the last tokens. */
	const char *t2 = e;
	while (t2 > s && t2[-1] != ' ')
		t2--;
	const char *t1e = t2;
	while (t1e > s && t1e[-1] == ' ')
		t1e--;
	const char *t1 = t1e;
	while (t1 > s && t1[-1] != ' ')
		t1--;
	const char *ne = t1;
	while (ne > s && ne[-1] == ' ')
		ne--;
	if (ne == s)
		return false;
	int64_t used, total;
	const char *q = t1;
	if (p_num(&q, t1e, &used) != 0 || t1e - q != 2 || memcmp(q, "KB", 2) != 0)
		return false;
	q = t2;
	if (p_num(&q, e, &total) != 0 || e - q != 2 || memcmp(q, "KB", 2) != 0)
		return false;
	struct oom_snapshot *snap = &st->ev.snap;
	int slot = -1;
	if (snap->nr_slabs < (int)ARRAY_SIZE(snap->slabs)) {
		slot = snap->nr_slabs++;
	} else {
		/* keep the largest caches */
		int min = 0;
		for (int i = 1; i < snap->nr_slabs; i++)
			if (snap->slabs[i].used_kib < snap->slabs[min].used_kib)
				min = i;
		if (snap->slabs[min].used_kib < used)
			slot = min;
	}
	if (slot >= 0) {
		p_copy(snap->slabs[slot].name, sizeof(snap->slabs[slot].name), s, ne);
		snap->slabs[slot].used_kib = used;
		snap->slabs[slot].total_kib = total;
	}
	return true;
}

/* A frame of a module's code ends with its name in brackets: x86
 * " rtw_usb_tx_handler+0x54/0x1238 [rtw88_usb]", ARM "(func+0xdc/0x288
 * [rtw88_usb])" (kernel/module/kallsyms.c, %pS).  Addresses "[<c0…>]" and
 * lines without an offset are not frames of a module. */
void pm_stack_module(struct pstate *st, const char *s, const char *e)
{
	struct oom_event *ev = &st->ev;
	if (ev->nr_trace_modules >= 4 || !p_find(s, e, "+0x"))
		return;
	while (e > s && (e[-1] == ' ' || e[-1] == '\r' || e[-1] == ')'))
		e--;
	if (e <= s || e[-1] != ']')
		return;
	const char *close = e - 1, *open = close;
	while (open > s && open[-1] != '[')
		open--;
	if (open <= s || open == close || close - open >= 32)
		return;
	for (const char *p = open; p < close; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') || *p == '_' || *p == '-'))
			return;
	size_t n = (size_t)(close - open);
	for (int i = 0; i < ev->nr_trace_modules; i++)
		if (strlen(ev->trace_modules[i]) == n && !memcmp(ev->trace_modules[i], open, n))
			return;
	str_copy(ev->trace_modules[ev->nr_trace_modules++], sizeof(ev->trace_modules[0]), open, n);
}
