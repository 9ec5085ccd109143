/* snapshot.h — the memory state of one machine (or one memory cgroup) at one
 * moment.  Filled by the report parser (from an OOM report), by the live
 * readers (from /proc and /sys) and by the guard's recorder; judged by
 * diagnose/; drawn by render/.  Quantities carry their unit in their name;
 * every one of them is OOM_NA until a source read it. */
#ifndef OOMKIT_SNAPSHOT_H
#define OOMKIT_SNAPSHOT_H

#include <stdbool.h>
#include <stdint.h>

#include "util/util.h"

#define OOM_MAX_ORDERS 16      /* NR_PAGE_ORDERS is 11 on x86; larger on some arm64/ppc64 */
#define OOM_MAX_ZONE_IDX 8     /* lowmem_reserve[] entries (MAX_NR_ZONES ≤ 6 in practice) */
#define OOM_MAX_ZONES 64       /* nodes × zones kept per snapshot */
#define OOM_MAX_NODES 16
#define OOM_COMM_LEN 64        /* TASK_COMM_LEN is 16; logs may show longer, keep some */
#define OOM_PATH_LEN 512

/* A limit the kernel does not enforce: cgroup v2 "max", the v1
 * PAGE_COUNTER_MAX rounded to bytes (anything ≥ 2^62), RLIM_INFINITY.  The
 * one encoding of "unlimited" in the model; OOM_NA stays "not known". */
#define OOM_UNLIMITED INT64_MAX
static inline bool is_unlimited(int64_t v) { return v == OOM_UNLIMITED; }

/* Migratetype letters of a buddy line, as bits (mm/page_alloc.c show_migration_types). */
enum {
	MT_UNMOVABLE = 1 << 0,   /* U */
	MT_MOVABLE = 1 << 1,     /* M */
	MT_RECLAIMABLE = 1 << 2, /* E */
	MT_HIGHATOMIC = 1 << 3,  /* H (4.4+) */
	MT_RESERVE = 1 << 4,     /* R (≤4.3) */
	MT_CMA = 1 << 5,         /* C */
	MT_ISOLATE = 1 << 6,     /* I */
};

struct oom_zone {
	int node;                         /* -1 when not printed (non-NUMA 2.6 kernels) */
	char name[16];                    /* "DMA", "DMA32", "Normal", "HighMem", "Movable" */
	int64_t free_kib, min_kib, low_kib, high_kib, boost_kib;
	int64_t reserved_highatomic_kib, free_highatomic_kib;
	int64_t present_kib, managed_kib, mlocked_kib;
	int64_t active_anon_kib, inactive_anon_kib, active_file_kib, inactive_file_kib;
	int64_t unevictable_kib, writepending_kib, free_pcp_kib, free_cma_kib;
	/* On the zone line only in some eras (later moved to the node line). */
	int64_t slab_reclaimable_kib, slab_unreclaimable_kib, kernel_stack_kib, pagetables_kib;
	/* ≤2.6.27 zone lines: one active and one inactive list, anon and file
	 * together ("active:0kB inactive:0kB", split LRU came in 2.6.28) */
	int64_t active_kib, inactive_kib;
	int64_t shmem_kib;
	int all_unreclaimable;            /* 1 yes, 0 no, -1 not printed */
	int nr_lowmem_reserve;            /* entries read from "lowmem_reserve[]:" */
	int64_t lowmem_reserve_pages[OOM_MAX_ZONE_IDX];
	int nr_orders;                    /* 0 = no buddy line / no buddyinfo */
	int64_t free_blocks[OOM_MAX_ORDERS];    /* free blocks per order */
	unsigned free_types[OOM_MAX_ORDERS];    /* MT_* letters seen per order (reports only) */
	bool free_types_known;            /* letters were printed (3.5+) */
	int64_t buddy_total_kib;          /* "= NNNkB" of the buddy line */
};

struct oom_node {
	int node;
	int64_t active_anon_kib, inactive_anon_kib, active_file_kib, inactive_file_kib;
	int64_t unevictable_kib, mapped_kib, dirty_kib, writeback_kib, shmem_kib;
	int64_t shmem_thp_kib, anon_thp_kib, kernel_stack_kib, pagetables_kib;
	int all_unreclaimable;            /* 1 / 0 / -1 */
	int64_t hugepages_total, hugepages_free, hugepage_size_kib;  /* default size, counts */
	int64_t hugetlb_kib;              /* Σ total × size over every huge page size */
};

/* Where the memory is: /proc/meminfo names, or the report's summary lines
 * converted to KiB.  OOM_NA where the source does not say. */
struct oom_mem {
	int64_t total_kib;               /* MemTotal / totalram (pages RAM − reserved) */
	int64_t ram_kib;                 /* "pages RAM" */
	int64_t reserved_kib;            /* "pages reserved" */
	int64_t highmem_total_kib;       /* "pages HighMem" / HighTotal */
	int64_t free_kib, available_kib;
	int64_t active_anon_kib, inactive_anon_kib, isolated_anon_kib;
	int64_t active_file_kib, inactive_file_kib, isolated_file_kib;
	int64_t anon_kib;                /* active + inactive anon (derived where both known) */
	int64_t file_kib;                /* active + inactive file */
	int64_t unevictable_kib, mlocked_kib;
	int64_t dirty_kib, writeback_kib, mapped_kib;
	int64_t shmem_kib;
	int64_t pagecache_kib;           /* "total pagecache pages" / Cached+Buffers+SwapCached */
	int64_t slab_reclaimable_kib, slab_unreclaimable_kib;
	int64_t kernel_stack_kib, pagetables_kib, sec_pagetables_kib, percpu_kib;
	int64_t bounce_kib, kernel_misc_reclaimable_kib, vmalloc_used_kib;
	int64_t free_pcp_kib, free_cma_kib;
	int64_t anon_thp_kib, shmem_thp_kib;
	int64_t hugetlb_kib;             /* RAM held by huge pages (all sizes) */
	int64_t hugepages_total, hugepages_free, hugepages_rsvd, hugepages_surp, hugepage_size_kib;
	int64_t swap_total_kib, swap_free_kib, swap_cached_kib;
	/* "Swap cache: add N" (≤2.6.2x) / "Swap cache stats: add N" (≤6.0):
	 * pages ever added to the swap cache since boot, a count (not KiB) */
	int64_t swap_cache_adds;
	int64_t zswap_kib, zswapped_kib;
	int64_t commit_limit_kib, committed_as_kib;
	/* ≤2.6.27 reports only: "Active:" "inactive:" "slab:" (pages → KiB) */
	int64_t active_kib, inactive_kib, slab_kib;
	int64_t buffers_kib, cached_kib;  /* /proc/meminfo Buffers, Cached (live) */
	int64_t anon_pages_kib;           /* /proc/meminfo AnonPages: mapped anon (live) */
};

/* /proc/vmstat event counters (mm/vmstat.c vmstat_text), since boot. */
struct oom_vmstat {
	int64_t pgscan_kswapd, pgscan_direct, pgsteal_kswapd, pgsteal_direct;
	int64_t pswpin, pswpout, pgmajfault;
	int64_t workingset_refault;      /* Σ workingset_refault_{anon,file} (5.9+) */
	int64_t allocstall;              /* Σ allocstall_<zone> (4.9+; one counter before) */
	int64_t compact_stall, compact_fail, thp_fault_fallback;
	int64_t oom_kill;                /* 4.13+ */
};

/* One slab cache: /proc/slabinfo (live) or the unreclaimable slab dump. */
struct oom_slab {
	char name[48];
	int64_t used_kib, total_kib;
};

/* One memory cgroup: the OOM domain of a memcg OOM, or the scope of top/guard. */
struct oom_memcg {
	char path[OOM_PATH_LEN];         /* as printed / relative to the hierarchy root */
	int version;                     /* 1, 2, or 0 unknown */
	int64_t usage_kib, limit_kib, failcnt;           /* "memory:" / memory.current, max */
	int64_t memsw_usage_kib, memsw_limit_kib, memsw_failcnt;  /* v1 "memory+swap:" */
	int64_t swap_usage_kib, swap_limit_kib, swap_failcnt;     /* v2 "swap:" */
	int64_t kmem_usage_kib, kmem_limit_kib, kmem_failcnt;     /* v1 "kmem:" */
	int64_t high_kib;                /* v2 memory.high */
	/* From the stat dump ("Memory cgroup stats for"), converted to KiB. */
	int64_t anon_kib, file_kib, shmem_kib, kernel_kib, kernel_stack_kib, pagetables_kib;
	int64_t sock_kib, percpu_kib, slab_reclaimable_kib, slab_unreclaimable_kib;
	int64_t file_mapped_kib, file_dirty_kib, anon_thp_kib, swap_kib, unevictable_kib;
	int64_t active_anon_kib, inactive_anon_kib, active_file_kib, inactive_file_kib;
	int64_t oom_kill_count;          /* memory.events oom_kill / oom_control */
	int64_t oom_events, max_events, high_events;  /* v2 memory.events oom/max/high (live) */
	int64_t oom_kill_disable, under_oom;          /* v1 memory.oom_control (live) */
	int64_t swappiness;              /* v1 memory.swappiness (live; v2 follows vm.swappiness) */
	int64_t oom_group;               /* v2 memory.oom.group: 1/0, OOM_NA */
};

/* One process as the OOM killer sees it (thread group with an mm). */
struct oom_task {
	int64_t pid, tgid, uid;
	char comm[OOM_COMM_LEN];         /* raw bytes from the source; escape on output */
	int64_t total_vm_pages;
	int64_t rss_pages;               /* anon + file + shmem */
	int64_t rss_anon_pages, rss_file_pages, rss_shmem_pages;   /* 6.8+ tables, /proc */
	int64_t pgtables_bytes;          /* 4.15+; else derived from nr_ptes(+nr_pmds) */
	int64_t nr_ptes, nr_pmds;        /* 3.8–4.14 tables (pages) */
	int64_t swapents_pages;
	int64_t oom_score_adj;           /* -1000..1000 */
	int64_t oom_adj;                 /* legacy (≤3.6 tables, trigger lines) */
	int64_t cpu;                     /* ≤3.6 tables */
	char cgroup[OOM_PATH_LEN];       /* memory cgroup (live only; "" when unknown) */
	bool kthread;                    /* live only */
	bool global_init;                /* live only: pid 1 of the initial pid namespace, never selected */
	/* Filled by badness_rank(): */
	int64_t badness;                 /* points in pages, the era's arithmetic; OOM_NA = ineligible */
	int64_t oom_score;               /* predicted /proc/PID/oom_score for that era */
};

struct oom_snapshot {
	int64_t page_size_kib;           /* 4 on x86; inferred from buddy lines; OOM_NA unknown */
	struct oom_mem mem;
	int nr_zones;
	struct oom_zone zones[OOM_MAX_ZONES];
	int nr_nodes;
	struct oom_node nodes[OOM_MAX_NODES];
	bool have_memcg;
	struct oom_memcg memcg;
	/* Tasks live on the heap: a report may list thousands. */
	struct oom_task *tasks;
	size_t nr_tasks, cap_tasks;
	bool tasks_truncated;            /* more rows than OOM_MAX_TASKS: the rest were dropped */
	/* Unreclaimable slab dump (4.15+ reports) / largest slab caches (live). */
	int nr_slabs;
	struct oom_slab slabs[16];
};

#define OOM_MAX_TASKS 200000

void snapshot_init(struct oom_snapshot *s);     /* every quantity OOM_NA */
void snapshot_release(struct oom_snapshot *s);  /* frees tasks; s stays valid and empty */
void zone_init(struct oom_zone *z);
void node_init(struct oom_node *n);
void memcg_init(struct oom_memcg *m);
void task_init(struct oom_task *t);
void vmstat_init(struct oom_vmstat *v);        /* every counter OOM_NA */
/* Appends an initialised task and returns it; NULL when out of memory or past
 * OOM_MAX_TASKS (then tasks_truncated is set). */
struct oom_task *snapshot_add_task(struct oom_snapshot *s);
/* Finds the zone (node, name), adding it when absent; NULL when full. */
struct oom_zone *snapshot_zone(struct oom_snapshot *s, int node, const char *name);
struct oom_node *snapshot_node(struct oom_snapshot *s, int node);

#endif
