/* live_rules.h — the numbers the live audit derives from a snapshot and the
 * settings (computed once, used by the rules and drawn by the renderers). */
#ifndef OOMKIT_LIVE_RULES_H
#define OOMKIT_LIVE_RULES_H

#include "diagnose/diagnose.h"
#include "model/system.h"

#define LIVE_MAX_ORDER_CHECK 11   /* orders 0..10 */

struct live_zone_facts {
	int zone_idx;                  /* index in the node's zone list (classzone of a request capped here) */
	int largest_free_order;        /* -1 none / unknown */
	bool orders_known;
	bool order_ok[LIVE_MAX_ORDER_CHECK];   /* zone_watermark_ok at min, own classzone, now */
	int unusable_index[LIVE_MAX_ORDER_CHECK];   /* thousandths */
	int frag_index[LIVE_MAX_ORDER_CHECK];
	bool usable;                   /* a populated zone worth judging (managed > 0) */
};

struct live_facts {
	int64_t page_size_kib;
	int64_t slab_kib;              /* SReclaimable + SUnreclaim */
	int64_t commit_limit_formula_kib;   /* commit_limit_kib() with the current ratio/kbytes */
	int64_t commit_headroom_kib;   /* CommitLimit − Committed_AS */
	int64_t whatif_ratio[4], whatif_limit_kib[4];
	int nr_whatif;
	int64_t mode0_max_request_kib; /* the largest single request mode 0 lets through now */
	const char *mode0_rule;        /* how that era's heuristic decides */
	int64_t totalreserve_kib;      /* Σ zones (high + max lowmem_reserve) */
	int64_t min_free_default_kib;  /* int_sqrt(lowmem × 16), clamped (mm/page_alloc.c) */
	int64_t min_free_thp_kib;      /* khugepaged's recommended value when THP is on */
	bool bits32;                   /* a HighMem zone, or a 32-bit arch */
	int64_t lowmem_managed_kib, highmem_managed_kib;
	int nr_zones;
	struct live_zone_facts zones[OOM_MAX_ZONES];
};

void live_facts_compute(const struct oom_snapshot *s, const struct oom_system *vm, struct live_facts *out);

#endif
