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
 * pointers to static strings; leftover bits are returned in *unknown
 * (bits of names that did not fit in max stay there too; NULL allowed).
 * Returns the number of names written.  Kernels before 4.5 printed no
 * names: their masks are decoded with the 4.6 table order. */
int gfp_decode(uint64_t mask, const struct kver *v, const char **names, int max, uint64_t *unknown);
/* The inverse for a printed decode ("GFP_KERNEL|__GFP_ZERO"): the mask in
 * the era of v.  0, or -EINVAL when a name is not in that era's table. */
int gfp_encode(const char *printed, const struct kver *v, uint64_t *mask);
/* The highest zone the request may use, by the kernel's gfp_zone():
 * "DMA", "DMA32", "Normal", "HighMem", "Movable".  Also its zone index
 * (classzone) in a zone list of this layout (for lowmem_reserve[]):
 * zone_index_in(snapshot, gfp_zone_name(...)).  "HighMem" is returned for
 * __GFP_HIGHMEM even on 64-bit, where zone_index_in() caps it at Normal.
 * NULL for the combinations the kernel rejects (GFP_ZONE_BAD, e.g. DMA|DMA32). */
const char *gfp_zone_name(uint64_t mask, const struct kver *v);
/* Can this request invoke the OOM killer at all (mm/page_alloc.c
 * __alloc_pages_may_oom: not for __GFP_NORETRY, costly orders, !__GFP_FS…)? */
bool gfp_may_oom(uint64_t mask, int order, const struct kver *v);

/* ---- badness (badness.c) ------------------------------------------------ */
/* totalpages for the event's constraint (§3.5): global = totalram + swap;
 * memcg = limit (+ swap headroom); OOM_NA when the report lacks the numbers. */
int64_t badness_totalpages(const struct oom_event *ev);
/* Points of one task by the era's oom_badness() (§3.2–3.4); OOM_NA when the
 * task is ineligible (oom_score_adj -1000, kthread, init) or its rss is
 * unknown (or totalpages is, when the era or a non-zero adj needs it).
 * page_size_kib converts pgtables_bytes.  CAP_SYS_ADMIN (root bonus ≤4.16)
 * is judged by uid 0.  ≤2.6.35: total_vm with root /4 and the oom_adj shift
 * only — the CPU-time/run-time/children terms are not in any report. */
int64_t badness_for_era(const struct oom_task *t, int64_t totalpages, int64_t page_size_kib,
			const struct kver *v);
/* The value /proc/PID/oom_score shows for those points in that era. */
int64_t oom_score_for_era(int64_t points, int64_t totalpages, const struct kver *v);
/* Fills badness and oom_score of every task of s.  Returns the index of the
 * task the kernel would pick (tie rules per era), or -1; *second gets the
 * runner-up index or -1.  oom_score is computed against the machine's
 * totalpages (s->mem) as /proc does, falling back to totalpages. */
int badness_rank(struct oom_snapshot *s, int64_t totalpages, const struct kver *v, int *second);

/* Tie rule of select_bad_process() (mm/oom_kill.c, per era, §3.4): does a
 * task with `points`, met after the current choice with `chosen`, replace
 * it?  Strictly more always does; equal does in 4.8 and 5.1+.  Everything
 * that names "the task the kernel would pick" (badness_rank, top, the
 * guard) decides ties with this. */
bool badness_replaces(int64_t points, int64_t chosen, const struct kver *v);
/* totalpages of a memcg OOM (constrained_alloc → mem_cgroup_get_max, per
 * era): the limit plus the swap it may use.  vm_swappiness: /proc/sys/vm/
 * swappiness (OOM_NA: not known, assumed non-zero).  OOM_NA when the limit
 * is unknown or unlimited. */
struct oom_memcg;
struct oom_mem;
int64_t memcg_totalpages(const struct oom_memcg *m, int64_t swap_total_kib, int64_t vm_swappiness,
			 int64_t page_size_kib);
/* Was the task the kernel killed a child sacrificed for the selected
 * process (oom_kill_process, 2.6.36–5.0)?  Not when the two pids are one
 * process: a zombie leader killed through a live thread (find_lock_task_mm
 * prints the thread's pid), nor on 5.1+, which never sacrifices a child. */
bool oom_victim_is_sacrificed_child(const struct oom_event *ev);
/* totalpages of a global OOM (CONSTRAINT_NONE, 2.6.36+; also the base of
 * /proc/PID/oom_score): totalram + total swap.  OOM_NA when either is unknown. */
int64_t machine_totalpages(const struct oom_mem *m, int64_t page_size_kib);
/* Memory that killing processes cannot give back (tmpfs filled
 * while the guard killed bystanders).  A memory cgroup: usage − file LRU
 * − what its processes hold (anon + swap) = shmem/tmpfs files nobody
 * maps plus kernel memory charged to it; ≥ 0.  The machine: Shmem −
 * Mapped (/proc/meminfo), ≥ 0 — Shmem counts every shmem page (tmpfs,
 * SysV/POSIX shm, shared anonymous), Mapped every file page in a page
 * table, shmem ones included (NR_FILE_MAPPED, mm/rmap.c), so this is a
 * lower bound of the shmem no process maps (its kernel memory, never a
 * process's to give back, is left out).  OOM_NA when an input is unknown. */
int64_t memcg_unowned_kib(int64_t usage_kib, int64_t file_kib, int64_t owned_kib);
int64_t machine_unmapped_shmem_kib(int64_t shmem_kib, int64_t mapped_kib);

/* ---- units and node lists (badness.c) ------------------------------------ */
/* KiB ↔ pages of page_size_kib (≤ 0 or OOM_NA: 4); OOM_NA and
 * OOM_UNLIMITED pass through, negative KiB are OOM_NA. */
int64_t oom_kib_to_pages(int64_t kib, int64_t page_size_kib);
int64_t oom_pages_to_kib(int64_t pages, int64_t page_size_kib);
/* Is node n in a kernel node list ("0-1,3", as %*pbl prints nodemasks)?
 * 1 yes, 0 no, -1 when the list cannot be read. */
int oom_nodelist_has(const char *list, int n);
/* May an allocation restricted by node list `list` use node n?  True when
 * n is in the list, and when nothing restricts: no list, "(null)" (no
 * nodemask), an unreadable list, or a zone printed without its node
 * (n < 0, non-NUMA 2.6) — restrict nothing rather than guess. */
bool oom_node_allowed(const char *list, int n);
/* A task table row's sizes in KiB (dump_tasks): rss and swapents are
 * pages; page tables are pgtables_bytes (4.15+) or nr_ptes (+ nr_pmds,
 * 4.8–4.14) pages on older kernels.  OOM_NA when not printed. */
int64_t task_rss_kib(const struct oom_task *t, int64_t page_size_kib);
int64_t task_swap_kib(const struct oom_task *t, int64_t page_size_kib);
int64_t task_pgtables_kib(const struct oom_task *t, int64_t page_size_kib);

/* ---- zones, watermarks, fragmentation (zone.c) -------------------------- */
/* Would zone z satisfy an order-N request whose highest zone index is
 * classzone_idx, against watermark mark_kib (min for the slow path), by the
 * era's __zone_watermark_ok (§6.3)?  alloc_flags: ZWM_HIGH for __GFP_HIGH,
 * ZWM_HARDER for atomic, ZWM_OOM for an OOM victim, ZWM_CMA. */
enum { ZWM_HIGH = 1, ZWM_HARDER = 2, ZWM_OOM = 4, ZWM_CMA = 8 };
bool zone_watermark_ok(const struct oom_zone *z, int order, int64_t mark_kib, int classzone_idx,
		       unsigned alloc_flags, int64_t page_size_kib, const struct kver *v);
/* Without buddy counts (nr_orders 0) an order>0 request is judged on the
 * free-page total alone: check zone_largest_free_order() for -1 first.
 * A request the era lets ignore watermarks (OOM victim before 4.14) passes
 * when a block of the order exists. */
/* Lowest order ≥ order whose free list holds a block this request may take
 * (the letters decide: H only with reserve rights, C only with ZWM_CMA);
 * -1 when none, or no buddy line. */
int zone_usable_block_order(const struct oom_zone *z, int order, unsigned alloc_flags, const struct kver *v);
/* MT_* letters of the non-empty free lists of order ≥ order; 0 when the
 * report printed no letters. */
unsigned zone_block_types_from(const struct oom_zone *z, int order);
/* The highatomic reserve in KiB as the watermark check deducts it: printed
 * (free_highatomic / reserved_highatomic), or for 4.4–5.9 zones with H
 * letters an estimate of at least one pageblock (*estimated true, may be
 * NULL); OOM_NA when there is none or nothing tells. */
int64_t zone_highatomic_kib(const struct oom_zone *z, int64_t page_size_kib, const struct kver *v,
			    bool *estimated);
/* Largest order with a free block, -1 if none or unknown. */
int zone_largest_free_order(const struct oom_zone *z);
/* Free KiB in blocks of at least `order` (usable by such a request). */
int64_t zone_free_kib_at_order(const struct oom_zone *z, int order, int64_t page_size_kib);
/* … only in the lists a request with these ZWM_* flags may take. */
int64_t zone_usable_free_kib_at_order(const struct oom_zone *z, int order, unsigned alloc_flags, const struct kver *v,
				      int64_t page_size_kib);
/* mm/vmstat.c indices, in thousandths: fragmentation index (-1000 when a
 * suitable block exists) and unusable free space index.  INT_MIN when the
 * zone has no buddy counts (or the order is out of range). */
int zone_frag_index(const struct oom_zone *z, int order);
int zone_unusable_index(const struct oom_zone *z, int order);
/* A floor of the lowmem_reserve (KiB) zone `zone_name` holds back from a
 * request whose class zone is above it, under the default
 * vm.lowmem_reserve_ratio, for a report that prints neither its
 * lowmem_reserve[] line nor the zones' sizes: the zones above it hold at
 * least ram_kib − zone_max_kib (the most the zone itself can span), and
 * its reserve is their managed pages / ratio (mm/page_alloc.c
 * setup_per_zone_lowmem_reserve; sysctl_lowmem_reserve_ratio DMA 256,
 * DMA32 256, Normal 32, 2.6.x–6.x).  0 for a zone with no default ratio
 * or when nothing is known. */
int64_t zone_default_reserve_floor_kib(const char *zone_name, int64_t ram_kib, int64_t zone_max_kib);
/* What a lowmem_reserve[] entry of zone `zone_name` implies under the
 * default vm.lowmem_reserve_ratio: the managed KiB of the zones above it up
 * to the entry's class zone (entry × ratio pages; the inverse of
 * setup_per_zone_lowmem_reserve).  Normal's entry toward HighMem on a
 * 32-bit kernel gives HighMem's size when its zone line is not printed.
 * OOM_NA for a zone with no default ratio or no positive entry. */
int64_t zone_reserve_span_kib(const char *zone_name, int64_t reserve_pages, int64_t page_size_kib);
/* Zone index of a zone name in the usual layout (DMA 0, DMA32 1, Normal 2,
 * HighMem 2 or 3 …) given the zones present in s; -1 unknown. */
int zone_index_in(const struct oom_snapshot *s, const char *zone_name);

/* ---- overcommit (commit.c) ---------------------------------------------- */
/* CommitLimit of mode 2 (mm/util.c vm_commit_limit): ((total − hugetlb) ×
 * ratio / 100 or kbytes) + swap. */
int64_t commit_limit_kib(int64_t total_kib, int64_t hugetlb_kib, int64_t swap_kib,
			 int64_t ratio, int64_t kbytes);
/* What a non-root (or root) process may have committed under mode 2 before
 * mmap/brk/fork fail with ENOMEM (__vm_enough_memory, §4.2): CommitLimit
 * less admin_reserve_kbytes for non-admins and min(total_vm/32,
 * user_reserve_kbytes) for a process of mm_total_vm_kib (OOM_NA: no mm).
 * ≤3.9: less 3 % of the RAM part, and total_vm/32.  OOM_NA on missing input. */
int64_t overcommit_allowed_kib(int64_t commit_limit_kib, int64_t swap_kib, int64_t admin_reserve_kib,
			       int64_t user_reserve_kib, int64_t mm_total_vm_kib, bool cap_sys_admin,
			       const struct kver *v);
/* The kernel's own min_free_kbytes for lowmem_kib of lowmem managed at
 * boot (mm/page_alloc.c calculate_min_free_kbytes, 2.6.18+): int_sqrt(lowmem
 * × 16) clamped to [128, 65536] (≤5.6) or [128, 262144] (5.7+). */
int64_t min_free_kbytes_default(int64_t lowmem_kib, const struct kver *v);
/* khugepaged's recommended min_free_kbytes (mm/khugepaged.c
 * set_recommended_min_free_kbytes, 2.6.38+): per populated zone ≤ Normal,
 * pageblock × (2 + MIGRATE_PCPTYPES²), at most 5 % of RAM (total_kib;
 * OOM_NA: no cap).  Pageblock = the PMD huge page: 2 MiB with 4 KiB pages,
 * 8 MiB with 8 KiB (sparc64), 32 MiB with 16 KiB, else 512 pages. */
int64_t min_free_kbytes_thp(int64_t page_size_kib, int populated_lowmem_zones, int64_t total_kib);
/* totalreserve_pages (mm/page_alloc.c calculate_totalreserve_pages) in KiB:
 * Σ over zones of min(managed, max(lowmem_reserve[]) + high).  OOM_NA when
 * a zone lacks the numbers. */
int64_t totalreserve_kib(const struct oom_snapshot *s);
/* The largest single request overcommit_memory=0 lets through now, in KiB
 * (__vm_enough_memory's heuristic per era, §4.1): 5.2+ totalram + swap;
 * 3.x–5.1 free + file − shmem + free swap + reclaimable slab − totalreserve
 * − (non-admin) admin_reserve (≤3.9: − 1/32); ≤2.6.39 the two-pass form.
 * The result is the largest request that succeeds (0 when none would).
 * OOM_NA when the snapshot lacks a needed number. */
int64_t overcommit_heuristic_limit_kib(const struct oom_snapshot *s, int64_t admin_reserve_kib,
				       bool cap_sys_admin, const struct kver *v);

#endif
