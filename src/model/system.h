/* system.h — the machine's settings and counters as the model sees them:
 * the sysctls that steer reclaim and the OOM killer, the event counters of
 * /proc/vmstat, memory pressure (PSI), the running kernel, a summary of its
 * memory cgroups and its OOM history.  Filled by src/live/ (proc.c,
 * cgroup.c) and by the status command; judged by src/diagnose/ and drawn by
 * src/render/, which include model headers only, never src/live/.  Every
 * number is OOM_NA until a source read it (oom_system_init). */
#ifndef OOMKIT_SYSTEM_H
#define OOMKIT_SYSTEM_H

#include <stdbool.h>
#include <stdint.h>

#include "model/kernel.h"
#include "model/snapshot.h"

/* A named group of members that are also reachable without the group's
 * name: sys->swappiness and sys->sysctls.swappiness are the same bytes.
 * The kernel's struct_group_tagged() (include/uapi/linux/stddef.h,
 * 5.16+); here it lets a function take just the part it needs (a struct
 * oom_sysctls *) while the rules keep their short names. */
#define OOM_GROUP(TAG, NAME, ...) \
	union { \
		struct { __VA_ARGS__ }; \
		struct TAG { __VA_ARGS__ } NAME; \
	}

/* PSI, one line of /proc/pressure/memory or a cgroup's memory.pressure
 * (kernel/sched/psi.c psi_show, 4.20+): % of time stalled, total µs. */
struct oom_psi_line { double avg10, avg60, avg300; uint64_t total_us; bool known; };
struct oom_pressure { struct oom_psi_line some, full; };

/* The whole machine: settings, counters, pressure, kernel. */
struct oom_system {
	/* Settings: /proc/sys/vm/<name> (one number each; lowmem_reserve_ratio
	 * a list) and the [selected] words of /sys/kernel/mm/transparent_hugepage. */
	OOM_GROUP(oom_sysctls, sysctls,
		int64_t overcommit_memory, overcommit_ratio, overcommit_kbytes;
		int64_t min_free_kbytes, watermark_scale_factor, watermark_boost_factor;
		int64_t panic_on_oom, oom_kill_allocating_task, oom_dump_tasks;
		int64_t swappiness, admin_reserve_kbytes, user_reserve_kbytes;
		int64_t extfrag_threshold, compaction_proactiveness;
		int64_t lowmem_reserve_ratio[OOM_MAX_ZONE_IDX];
		int nr_lowmem_reserve_ratio;
		char thp_enabled[16], thp_defrag[24];
	);
	/* Event counters since boot and what zram holds. */
	OOM_GROUP(oom_counters, counters,
		int64_t oom_kill_count;               /* /proc/vmstat oom_kill (4.13+) */
		int64_t compact_stall, compact_fail;  /* /proc/vmstat */
		int64_t thp_fault_fallback, allocstall;  /* /proc/vmstat (allocstall_* summed) */
		int64_t zram_orig_kib, zram_compr_kib;   /* Σ /sys/block/zram*\/mm_stat */
	);
	/* The running kernel. */
	OOM_GROUP(oom_release, release,
		char kernel_release[128];             /* /proc/sys/kernel/osrelease */
		char arch[32];                        /* uname machine (only for the real root) */
		struct kver kv;
	);
	bool psi_known;
	struct oom_pressure psi;                  /* /proc/pressure/memory */
};
void oom_system_init(struct oom_system *sys);   /* every number OOM_NA, strings empty (snapshot.c) */

/* The memory cgroups of a machine (status): every memory cgroup below the
 * hierarchy's root counted, the OOM_MEMCG_SUMMARY_MAX closest to their
 * limit (usage / limit, fullest first) kept with their OOM counters and
 * largest process. */
#define OOM_MEMCG_SUMMARY_MAX 5
#define OOM_MEMCG_KILLED_MAX 64
struct oom_memcg_summary_item {
	struct oom_memcg cg;             /* cg.path: inside the hierarchy */
	char dir[OOM_PATH_LEN * 2];
	int64_t nr_procs;
	int64_t largest_pid, largest_pages;   /* rss + swap, pages */
	char largest_comm[OOM_COMM_LEN];
};
struct oom_memcg_summary {
	int version;                     /* 1 or 2 */
	char mount[600];
	int64_t nr_cgroups, nr_limited, nr_with_kills;
	int n;
	struct oom_memcg_summary_item v[OOM_MEMCG_SUMMARY_MAX];
	/* Every memory cgroup whose OOM kill counter (v2 memory.events
	 * oom_kill, v1 memory.oom_control oom_kill) is above 0, in walk order,
	 * for status --metrics; at most OOM_MEMCG_KILLED_MAX. */
	int n_killed;
	struct oom_memcg_killed { char path[OOM_PATH_LEN]; int64_t oom_kills; } killed[OOM_MEMCG_KILLED_MAX];
};

/* The machine's OOM history: /proc/vmstat oom_kill (in oom_system) plus
 * the last OOM report of the kernel log as the explain engine summarised
 * it (filled by the status command). */
struct oom_history {
	bool log_read;                 /* the kernel log could be read */
	char log_error[96];            /* why not */
	int nr_events;                 /* OOM events found in the log */
	bool have_last;
	char last_kind[32], last_time[64], last_victim[OOM_COMM_LEN], last_constraint[40];
	int64_t last_victim_pid, last_victim_rss_kib;
	char last_cause_id[40], last_cause[320];
	/* wall-clock time of the last event (report/walltime.h): seconds since
	 * the epoch, 0 unknown; last_wall_basis an enum walltime_basis */
	int64_t last_wall_time;
	int last_wall_basis;
};

#endif
