/* kernel.h — pure functions that mirror the kernel's own arithmetic, per era:
 * release parsing, gfp decoding, victim badness, watermark checks,
 * fragmentation indices, overcommit limits.  Each implementation cites the
 * kernel version and file it mirrors (see shared/reference/kernel-oom.md). */
#ifndef OOMKIT_KERNEL_H
#define OOMKIT_KERNEL_H

#include <stdbool.h>
#include <stdint.h>

struct oom_snapshot;
struct oom_zone;
struct oom_task;
struct oom_event;

/* ---- kernel version (kver.c) ------------------------------------------ */
struct kver {
	bool known;
	int major, minor, patch;    /* 5.15.158 → 5, 15, 158 */
	int rhel;                   /* 6, 7, 8, 9 for .elN kernels; 0 otherwise */
	bool inferred;              /* guessed from the report's shape, not printed */
};
/* Parses "3.10.0-514.6.1.el7.x86_64", "6.1.1-arch1-1", "5.15.158-2-pve".
 * Returns 0 or -EINVAL (out untouched). */
int kver_parse(const char *release, struct kver *out);
/* Compare against major.minor[.patch]: <0, 0, >0.  Unknown versions compare
 * as the newest kernel (the current formats are the most common). */
int kver_cmp(const struct kver *v, int major, int minor, int patch);
static inline bool kver_ge(const struct kver *v, int maj, int min) { return kver_cmp(v, maj, min, 0) >= 0; }
struct kver kver_make(int major, int minor, int patch);

/* ---- gfp flags (gfp.c) -------------------------------------------------- */
/* Flags whose meaning is stable across eras, at their per-era bit positions. */
enum gfp_bit {
	GFPB_DMA, GFPB_HIGHMEM, GFPB_DMA32, GFPB_MOVABLE, GFPB_RECLAIMABLE,
	GFPB_HIGH, GFPB_IO, GFPB_FS, GFPB_DIRECT_RECLAIM /* __GFP_WAIT ≤4.3 */,
	GFPB_KSWAPD_RECLAIM, GFPB_NOWARN, GFPB_RETRY_MAYFAIL /* __GFP_REPEAT ≤4.12 */,
	GFPB_NOFAIL, GFPB_NORETRY, GFPB_COMP, GFPB_ZERO, GFPB_NOMEMALLOC,
	GFPB_MEMALLOC, GFPB_HARDWALL, GFPB_THISNODE, GFPB_ACCOUNT, GFPB_ATOMIC,
	GFPB_WRITE, GFPB_COLD, GFPB_COUNT
};
/* The mask value of one flag in the era of v (0 when the era lacks it). */
uint64_t gfp_bit_value(enum gfp_bit b, const struct kver *v);
bool gfp_has(uint64_t mask, enum gfp_bit b, const struct kver *v);
/* Decodes a numeric mask into names the way that era's %pGg does (composite
 * names first: GFP_KERNEL, GFP_HIGHUSER_MOVABLE, …).  Writes up to max
 * pointers to static strings; leftover bits are returned in *unknown.
 * Returns the number of names. */
int gfp_decode(uint64_t mask, const struct kver *v, const char **names, int max, uint64_t *unknown);
/* The highest zone the request may use, by the kernel's gfp_zone():
 * "DMA", "DMA32", "Normal", "HighMem", "Movable".  Also its zone index
 * (classzone) in a zone list of this layout (for lowmem_reserve[]). */
const char *gfp_zone_name(uint64_t mask, const struct kver *v);
/* Can this request invoke the OOM killer at all (mm/page_alloc.c
 * __alloc_pages_may_oom: not for __GFP_NORETRY, costly orders, !__GFP_FS…)? */
bool gfp_may_oom(uint64_t mask, int order, const struct kver *v);

/* ---- badness (badness.c) ------------------------------------------------ */
/* totalpages for the event's constraint (§3.5): global = totalram + swap;
 * memcg = limit (+ swap headroom); OOM_NA when the report lacks the numbers. */
int64_t badness_totalpages(const struct oom_event *ev);
/* Points of one task by the era's oom_badness() (§3.2–3.4); OOM_NA when the
 * task is ineligible (oom_score_adj -1000, kthread).  page_size_kib converts
 * pgtables_bytes. */
int64_t badness_for_era(const struct oom_task *t, int64_t totalpages, int64_t page_size_kib,
			const struct kver *v);
/* The value /proc/PID/oom_score shows for those points in that era. */
int64_t oom_score_for_era(int64_t points, int64_t totalpages, const struct kver *v);
/* Fills badness and oom_score of every task of s.  Returns the index of the
 * task the kernel would pick (tie rules per era), or -1; *second gets the
 * runner-up index or -1. */
int badness_rank(struct oom_snapshot *s, int64_t totalpages, const struct kver *v, int *second);

/* ---- zones, watermarks, fragmentation (zone.c) -------------------------- */
/* Would zone z satisfy an order-N request whose highest zone index is
 * classzone_idx, against watermark mark_kib (min for the slow path), by the
 * era's __zone_watermark_ok (§6.3)?  alloc_flags: ZWM_HIGH for __GFP_HIGH,
 * ZWM_HARDER for atomic, ZWM_OOM for an OOM victim, ZWM_CMA. */
enum { ZWM_HIGH = 1, ZWM_HARDER = 2, ZWM_OOM = 4, ZWM_CMA = 8 };
bool zone_watermark_ok(const struct oom_zone *z, int order, int64_t mark_kib, int classzone_idx,
		       unsigned alloc_flags, int64_t page_size_kib, const struct kver *v);
/* Largest order with a free block, -1 if none or unknown. */
int zone_largest_free_order(const struct oom_zone *z);
/* Free KiB in blocks of at least `order` (usable by such a request). */
int64_t zone_free_kib_at_order(const struct oom_zone *z, int order, int64_t page_size_kib);
/* mm/vmstat.c indices, in thousandths: fragmentation index (-1000 when a
 * suitable block exists) and unusable free space index. */
int zone_frag_index(const struct oom_zone *z, int order);
int zone_unusable_index(const struct oom_zone *z, int order);
/* Zone index of a zone name in the usual layout (DMA 0, DMA32 1, Normal 2,
 * HighMem 2 or 3 …) given the zones present in s; -1 unknown. */
int zone_index_in(const struct oom_snapshot *s, const char *zone_name);

/* ---- overcommit (commit.c) ---------------------------------------------- */
/* CommitLimit of mode 2 (mm/util.c vm_commit_limit): ((total − hugetlb) ×
 * ratio / 100 or kbytes) + swap. */
int64_t commit_limit_kib(int64_t total_kib, int64_t hugetlb_kib, int64_t swap_kib,
			 int64_t ratio, int64_t kbytes);

#endif
