/* analysis.h — the numbers `explain` derives from one OOM event before it
 * judges it: what the request was, where the memory was (with what no counter
 * accounts for), whether each zone could have served the request, whom the
 * era's badness arithmetic would have chosen, and why swap did not help.
 *
 * The diagnosis rules (event_rules.c) and both renderers read the same
 * analysis, so text and JSON can never disagree.  Every quantity is OOM_NA
 * when the report does not give what it needs: nothing is guessed. */
#ifndef OOMKIT_ANALYSIS_H
#define OOMKIT_ANALYSIS_H

#include <stdbool.h>
#include <stdint.h>

#include "diagnose/diagnose.h"
#include "model/event.h"
#include "model/kernel.h"

#define ANALYSIS_MAX_GFP_NAMES 32
#define ANALYSIS_MAX_SWAP_REASONS 6

/* Where the memory was: the machine's (scope "system", from Mem-Info) or the
 * OOMing cgroup's (scope "memcg", from its stat dump, when the report has no
 * Mem-Info, as every memcg OOM of 3.10+). */
enum mem_scope { MEM_SCOPE_NONE = 0, MEM_SCOPE_SYSTEM, MEM_SCOPE_MEMCG };

struct mem_breakdown {
	enum mem_scope scope;
	int64_t total_kib;          /* system: RAM the kernel manages; memcg: the limit */
	int64_t used_kib;           /* memcg: usage; system: total − free */
	int64_t free_kib;           /* system: free pages; memcg: limit − usage */
	int64_t anon_kib;           /* system: anonymous LRU (holds shmem too); memcg: anon without shmem */
	int64_t file_kib;           /* system: file LRU (page cache without shmem); memcg: file incl. shmem */
	int64_t shmem_kib;
	int64_t unevictable_kib;
	int64_t slab_reclaimable_kib, slab_unreclaimable_kib;
	int64_t pagetables_kib, kernel_stack_kib;
	int64_t hugetlb_kib;
	int64_t other_kib;          /* counters that are neither of the above (free_pcp, percpu, sock …) */
	int64_t unaccounted_kib;    /* total − Σ known; OOM_NA when a needed counter is missing */
	int64_t swap_total_kib, swap_free_kib;
	/* The report's "pages RAM" against the sum of its zones' present pages:
	 * when they disagree by more than 10 % the report is incomplete or
	 * edited, and the unaccounted rest is not computed. */
	int64_t ram_kib, zones_present_kib;
	/* 32-bit highmem machines: the lowmem zones (Normal and below) */
	int64_t lowmem_total_kib, lowmem_free_kib, highmem_free_kib;
	bool totals_disagree;       /* (kept last: mem_init fills the int64_t above) */
	/* no swap line where show_mem prints them ("total pagecache pages"
	 * followed at once by "pages RAM"): a kernel built without
	 * CONFIG_SWAP.  swap_*_kib are then 0, as the parser set them
	 * (oom_event.swap_inferred, report/parse_finish.c finish_swap). */
	bool swap_inferred_none;
	/* swap full though "Total swap" is not in the report
	 * (oom_event.swap_full_hint, report/parse_finish.c finish_swap_full):
	 * swap_total_kib stays unknown */
	enum oom_swap_full_hint swap_full_hint;
	/* cgroup v1 before 5.3 prints one "Memory cgroup stats for" line per
	 * cgroup of the OOMing subtree, each with that cgroup's own pages
	 * (mm/memcontrol.c mem_cgroup_print_oom_info, for_each_mem_cgroup_tree):
	 * the lines read count no page at all while the victim sits in a
	 * child cgroup, so the usage is in the children's lines, which the
	 * report does not hold.  unaccounted_kib is then OOM_NA. */
	bool memcg_stats_children_missing;
	/* system scope, slab not in the report (its summary line cut) but
	 * every other counter known: total − free − LRU − page tables −
	 * stacks − huge pages − small extras, i.e. slab plus what no counter
	 * holds; OOM_NA otherwise (set apart from mem_init's run above) */
	int64_t unaccounted_with_slab_kib;
	/* anon/file/unevictable summed from the per-node lines (4.8+ keep the
	 * LRU per node) because the summary's were not in the report */
	bool lru_from_nodes;
	bool lru_from_zones;        /* anon/file summed from zone lines alone (no summary) */
	bool slab_from_zones;       /* slab too: the zone lines print it (2.6.32-4.7) */
	bool kernel_from_zones;     /* unaccounted_with_slab_kib from zone lines alone: page tables
				     * and stacks are in it too */
};

/* Could this zone have served the request? */
struct zone_verdict {
	bool usable;                /* the request may use this zone (classzone, node masks) */
	bool node_allowed;          /* false: outside the cpuset/mempolicy nodes */
	bool evaluated;             /* free/min were printed, so the check ran */
	bool ok;                    /* zone_watermark_ok at the request's order */
	bool ok_order0;             /* … and at order 0 (order>0 only): fragmentation tells */
	int64_t reserve_kib;        /* lowmem_reserve[classzone] in KiB; OOM_NA */
	int64_t mark_kib;           /* the watermark the check used (min, adjusted) */
	int largest_order;          /* -1 none / not printed */
	bool block_known;           /* buddy line printed */
	bool block_exists;          /* a free block of ≥ order was there, in a list the request may take */
	int64_t free_at_order_kib;  /* free KiB in blocks ≥ order, in lists the request may take; OOM_NA */
	/* 4.4–5.9 zone with H letters and no reserved_highatomic: the reserve
	 * the check held back from this request, estimated; OOM_NA none */
	int64_t highatomic_est_kib;
};

enum victim_verdict {
	VICTIM_UNKNOWN = 0,         /* no victim, no task table, or no totalpages */
	VICTIM_BEST,                /* the era's arithmetic picks the same task */
	VICTIM_NOT_BEST,            /* it would pick another */
	VICTIM_NOT_IN_TABLE,        /* the victim is not in the task table */
	VICTIM_TIE,                 /* best by points, equal to the runner-up */
	VICTIM_ALLOCATING_TASK,     /* no comparison: vm.oom_kill_allocating_task, or ≤2.6.35 MPOL_BIND/cpuset */
};

struct event_analysis {
	/* request */
	bool sysrq;
	int64_t page_size_kib;      /* from the buddy lines, or the arch's fixed size; OOM_NA */
	int64_t request_bytes;      /* page size << order; OOM_NA */
	char gfp_hex[24];           /* "0x140dca" as printed; "" unknown */
	int nr_gfp_names;
	const char *gfp_names[ANALYSIS_MAX_GFP_NAMES];  /* decoded for the era (static strings) */
	char gfp_names_printed[256];/* the kernel's own decode "GFP_KERNEL|__GFP_ZERO"; "" */
	uint64_t gfp_unknown_bits;
	const char *zone_name;      /* highest zone the request may use; NULL unknown */
	int classzone;              /* its index; -1 unknown */
	bool atomic;                /* no direct reclaim: cannot reclaim, cannot swap */
	bool can_io;                /* __GFP_IO: may write to swap */
	bool can_fs;
	bool may_oom;               /* gfp_may_oom */
	/* constraint */
	bool memcg;                 /* a memory cgroup's limit was hit */
	bool cpuset, mempolicy;
	/* memory */
	struct mem_breakdown mem;
	/* zones (index-aligned with ev->snap.zones) */
	struct zone_verdict zone[OOM_MAX_ZONES];
	int nr_usable, nr_evaluated, nr_ok, nr_ok_order0;
	int64_t usable_free_kib;    /* Σ free of usable, evaluated zones */
	/* victim choice */
	int64_t totalpages;
	bool ranked_without_totalpages;   /* every adj 0: exact ranking with no totalpages */
	bool ranked_by_dominance;   /* totalpages unknown, but one task has both the most memory and
				     * the highest adj: best for any totalpages (no points computed) */
	int best_idx, second_idx, victim_idx;   /* into ev->snap.tasks; -1 */
	enum victim_verdict victim_verdict;
	int64_t margin_kib;         /* best − runner-up (or best − victim), in KiB of points; OOM_NA */
	int biggest_idx;            /* task with the largest rss; -1 */
	/* swap */
	int nr_swap_reasons;
	char swap_reasons[ANALYSIS_MAX_SWAP_REASONS][200];
	/* the parts of the report that were printed (enum
	 * basis_part bits), for each finding's confidence and basis */
	unsigned basis_present;
	/* the request's ZWM_* watermark flags (__GFP_HIGH, atomic, CMA for
	 * movable requests), as the zone verdicts used them */
	unsigned alloc_flags;
	/* the request's usable zones with a buddy line but no watermark line
	 * (zone lines elided), and whether one of them had a free block of the
	 * order in a list the request may take */
	int nr_buddy_only;
	bool buddy_only_block;
	/* before 5.0 (no constraint line): cpuset/mempolicy inferred from the
	 * zones (event_analysis.c analyse_constraint_inferred); the nodes the
	 * request was confined to, as a node list */
	bool constraint_inferred;
	char inferred_nodes[64];
	/* a memcg OOM told by no memcg line: "Out of memory and no killable
	 * processes..." with no panic after it (the parser's inference,
	 * report/parse_finish.c finish_kind; oom_event.kind_hint says which) */
	bool memcg_inferred;
	/* the nodemask of a ≤4.18 trigger line ("nodemask=1"): a bind
	 * mempolicy's nodes or a cpuset's mems (the parser's inference,
	 * report/parse_finish.c nodemask_policy) */
	bool nodemask_inferred;
	/* a report that is its OOM header alone (no Mem-Info, zone, task,
	 * memcg, constraint or kill line), asking for exactly GFP_KERNEL at
	 * order 0, its trace (if any) showing no global path: the mask a
	 * memory cgroup's charge of a faulted page prints, so the header does
	 * not tell a global OOM from a cgroup's (event_analysis.c
	 * header_charge_mask) */
	bool charge_mask_alone;
	/* a bare "Killed process" line with no selection message,
	 * constraint, trigger or memcg line: the text does not tell a
	 * cgroup's kill from a system-wide one (event_analysis.c
	 * kill_bare_alone) */
	bool kill_bare_alone;
};

/* Derives the analysis.  Fills each task's badness/oom_score (badness_rank),
 * and the snapshot's page size when the architecture fixes it (x86: 4 KiB). */
void event_analyse(struct oom_event *ev, struct event_analysis *a);
/* x86's arch names ("x86_64", "i686", …): its page size and zones are fixed. */
bool arch_is_x86(const char *arch);
/* The causes of an analysed event, most likely first (diagnose_event() is
 * event_analyse() followed by this). */
void diagnose_event_analysed(const struct oom_event *ev, const struct event_analysis *a,
			     struct findings *out);

/* A zone with free memory well above its high watermark + reserve: the
 * allocator's fast path would have served an order-0 request there. */
bool analysis_zone_had_room(const struct oom_zone *z, int64_t reserve_kib);
/* The enum basis_part bits of the parts this event's report printed. */
unsigned event_basis_present(const struct oom_event *ev);

/* Helpers the renderers share. */
/* Swap counts as full below 5 % (or 64 MiB) free; see event_analysis.c. */
bool analysis_swap_full(const struct mem_breakdown *m);
/* Why swap reads full when its total is not printed (swap_full_hint), "" otherwise */
const char *analysis_swap_full_why(const struct mem_breakdown *m);
/* No swap: "Total swap = 0kB", or inferred (swap_inferred_none). */
bool analysis_no_swap(const struct mem_breakdown *m);
const char *mem_scope_name(enum mem_scope s);           /* "system", "memcg", "none" */
const char *victim_verdict_name(enum victim_verdict v); /* "best", "not-best", … */
/* Node lists and task sizes in KiB: model/kernel.h (oom_node_allowed,
 * task_rss_kib, …). */

#endif
