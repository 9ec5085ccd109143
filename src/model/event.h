/* event.h — one OOM event: the snapshot the kernel printed, plus what was
 * asked for (the request), what limited it (the constraint), whom the kernel
 * chose and what came of it.  A page allocation failure is an event too
 * (kind OOM_KIND_ALLOC_FAILURE), with no victim. */
#ifndef OOMKIT_EVENT_H
#define OOMKIT_EVENT_H

#include "model/kernel.h"
#include "model/snapshot.h"

enum oom_kind {
	OOM_KIND_UNKNOWN = 0,
	OOM_KIND_GLOBAL,
	OOM_KIND_MEMCG,
	OOM_KIND_CPUSET,
	OOM_KIND_MEMPOLICY,
	OOM_KIND_ALLOC_FAILURE,   /* "page allocation failure" (warn_alloc): nothing killed */
	OOM_KIND_SYSRQ,           /* order=-1: echo f > /proc/sysrq-trigger */
	OOM_KIND_FRAGMENT,        /* only show_mem lines, no marker of an OOM report (a paste of a part) */
};
const char *oom_kind_name(enum oom_kind k);  /* "global", "memcg", …, "page-allocation-failure", "sysrq" */

enum oom_outcome {
	OOM_OUTCOME_UNKNOWN = 0,
	OOM_OUTCOME_KILLED,        /* a "Killed process" line */
	OOM_OUTCOME_NO_KILLABLE,   /* "Out of memory and no killable processes" */
	OOM_OUTCOME_PANIC,         /* panic_on_oom / "System is deadlocked on memory" */
	OOM_OUTCOME_SKIPPED_EXITING,  /* "OOM victim … is already exiting" */
	OOM_OUTCOME_NONE,          /* allocation failure: nothing is killed by design */
};
const char *oom_outcome_name(enum oom_outcome o);

#define OOM_MAX_WARNINGS 8
#define OOM_MAX_GROUP_KILLS 64

struct oom_request {
	char trigger_comm[OOM_COMM_LEN];   /* "" when the report does not say (2.6.18) */
	int64_t trigger_pid;               /* from the "CPU: N PID: N Comm:" line */
	bool gfp_known;
	uint64_t gfp_mask;                 /* numeric value */
	char gfp_text[256];                /* as printed: "0x140dca(GFP_HIGHUSER_MOVABLE|__GFP_COMP)" */
	int64_t order;                     /* -1 = sysrq; OOM_NA unknown */
	int64_t trigger_oom_score_adj;
	int64_t trigger_oom_adj;           /* ≤3.6 trigger lines */
	char nodemask[64];                 /* "(null)" or a list; "" not printed */
	bool gfp_masked;                   /* the hex was masked by whoever pasted it ("0x240****"):
					    * gfp_text as printed, the value unknown */
	bool vmalloc_known;                /* "vmalloc: allocation failure: N bytes" (mm/vmalloc.c) */
	int64_t vmalloc_bytes;             /* its N, when vmalloc_known */
	bool vmalloc_over_ram;             /* "vmalloc error: size N, exceeds total pages": the
					    * kernel's own word that N is above RAM */
	bool vmalloc_huge;                 /* "vmalloc error: size N, page order M (> 0), failed to
					    * allocate pages": a huge-page vmalloc that falls back */
	bool vmalloc_pages_failed;         /* "vmalloc error: size N, [page order M,] failed to
					    * allocate pages": the area's pages could not be had
					    * (N is what was got before, not the size asked) */
	int64_t vmalloc_got_bytes;         /* that N, when vmalloc_pages_failed */
	bool over_max_order;               /* "WARNING: … at mm/page_alloc.c:N __alloc_pages…": the
					    * allocator's order >= MAX_ORDER check; order itself unknown */
	bool nommu_known;                  /* "nommu: Allocation of length N from process P (comm) failed"
					    * (mm/nommu.c do_mmap_private): a contiguous block of N bytes */
	int64_t nommu_bytes;               /* its N, when nommu_known */
};

struct oom_victim {
	int64_t pid;
	char comm[OOM_COMM_LEN];
	int64_t uid;
	int64_t total_vm_kib, anon_rss_kib, file_rss_kib, shmem_rss_kib, pgtables_kib;
	int64_t oom_score_adj;
	int64_t score;                     /* the "score N" of a ≤5.0 selection line */
	int64_t selected_pid;              /* selection line: may differ from the killed child */
	char selected_comm[OOM_COMM_LEN];
	char message[64];                  /* "Out of memory", "Memory cgroup out of memory", … */
	/* oom_reaper */
	bool reaped;
	int64_t reaped_anon_rss_kib, reaped_file_rss_kib, reaped_shmem_rss_kib;
	bool reap_failed;                  /* "unable to reap" */
};

/* Messages printed next to a report that say what failed:
 * mm/slub.c slab_out_of_memory (2.6.36+, rate-limited) and drivers'
 * "unable to allocate N bytes".  OOM_NA / "" when not printed. */
/* What a pasted `free` said of swap (report/parse.c report_free_swap_line). */
enum oom_free_swap {
	OOM_FREE_SWAP_UNSEEN = 0,
	OOM_FREE_SWAP_NONE,      /* total 0: no swap configured */
	OOM_FREE_SWAP_FULL,      /* used 95 % of total or more */
	OOM_FREE_SWAP_ROOM,      /* swap there, with room when `free` ran */
};

struct oom_side {
	bool slab_failure;                 /* "SLUB: Unable to allocate memory on node N, gfp=…" */
	bool slab_is_slab;                 /* … printed by mm/slab.c ("SLAB: …"): one "order: N" */
	int64_t slab_node;                 /* the N of "on node N" (-1: any node) */
	char slab_cache[48];               /* "cache: kmalloc-4096, …" */
	int64_t slab_object_size;          /* bytes */
	int64_t slab_default_order, slab_min_order;
	bool slab_alone;                   /* the SLUB/SLAB line opened the event: no failure line before it */
	char driver[64];                   /* the text before ": unable to allocate N bytes" */
	int64_t driver_bytes;
	/* mm/cma.c cma_alloc's failure: "cma: cma_alloc: [NAME: ]alloc failed,
	 * req-size: N pages, ret: R", and cma_debug_show_areas' "=> F free of
	 * T total pages" after it */
	bool cma_alone;                    /* that line opened the event */
	char cma_name[48];                 /* the area's name (5.x+), "" not printed */
	int64_t cma_pages, cma_ret;        /* req-size in pages; ret (-12 ENOMEM, -16 EBUSY, -4 EINTR) */
	int64_t cma_free_pages, cma_total_pages;
	/* procps `free` output pasted with the report ("Swap:  2.0Gi  2.0Gi
	 * 0B"): no kernel fact, but the machine's swap as the user saw it */
	enum oom_free_swap free_swap;
	uint64_t free_swap_line;           /* its input line */
	char free_swap_text[96];           /* the line as printed (evidence) */
};

struct oom_event {
	enum oom_kind kind;
	/* kind told by no line but inferred: by the parser from a trigger's
	 * nodemask or "no killable processes" without a panic (kind_hint,
	 * report/parse_finish.c), or by diagnose from the zones or a vendor
	 * hint (mempolicy / cpuset before 5.0: diagnose/event_analysis.c) */
	bool kind_inferred;
	bool kind_by_analysis;      /* kind_inferred by diagnose (redone on each analysis), not by the parser */
	enum oom_outcome outcome;
	char kernel[128];                  /* release as printed: "5.15.158-2-pve"; "" unknown */
	char arch[16];                     /* "x86_64", "i686", "aarch64", … ; "" unknown */
	struct kver kv;                    /* parsed from kernel[], else inferred from shape */
	char time[64];                     /* first line's timestamp as printed; "" none */
	/* Its wall-clock time (report/walltime.h, filled by the command that
	 * knows the boot time): seconds since the epoch, 0 unknown; wall_basis
	 * an enum walltime_basis. */
	int64_t wall_time;
	int wall_basis;
	char host[64];                     /* syslog host, when the transport says */
	uint64_t first_line, last_line;    /* 1-based line numbers in the input */
	char source[256];                  /* file name the event came from ("-" stdin) */

	struct oom_request req;
	char constraint[40];               /* "CONSTRAINT_MEMCG" as printed; "" not printed */
	char cpuset[OOM_PATH_LEN];
	char mems_allowed[64];
	char oom_memcg[OOM_PATH_LEN];      /* from the oom-kill: line (5.0+) or "limit of" */
	char task_memcg[OOM_PATH_LEN];
	struct oom_victim victim;
	bool have_victim;
	int nr_group_kills;                /* memory.oom.group: extra "Killed process" lines */
	int64_t group_kill_pids[OOM_MAX_GROUP_KILLS];
	bool group_shares_mm;              /* those are ≤2.6.9's kills of the tasks sharing the victim's mm */

	struct oom_snapshot snap;          /* Mem-Info / memcg / tasks as printed */
	bool have_meminfo;                 /* a Mem-Info block was seen */
	bool have_task_table;
	bool header_missing;               /* kill lines with no header (rate-limited) */
	bool truncated;                    /* the report is cut (start or end) */
	bool compaction_disabled;          /* "COMPACTION is disabled!!!" */
	int panic_on_oom;                  /* from the panic line: 1 system-wide, 2 compulsory; 0 */
	int64_t alloc_stall_ms;            /* "page allocation stalls for N ms" (warn_alloc 4.9-4.14):
					    * the allocation was still retrying, it had not failed; 0 = not a stall */

	int nr_warnings;                   /* parse problems worth telling the user */
	char warnings[OOM_MAX_WARNINGS][160];

	/* ---- reassembly of cut and split reports (report/parse.c) ---- */
	bool victim_from_reaper;           /* the victim is named only by "oom_reaper: reaped process N (x)" */
	bool arch_from_neighbour;          /* arch[] too: this report's text showed none */
	bool kernel_from_neighbour;        /* kernel[] is not this report's: taken from the nearest earlier
					    * report of the same host with no reboot between */
	uint64_t kernel_from_line;         /* first line of that report */
	uint64_t arch_from_line;           /* the line arch[] was lent from, when lent by a later report */
	uint64_t noswap_from_line;         /* a report without Mem-Info whose machine had no swap:
					    * "Total swap = 0kB" in the report of the same host right
					    * after it (first line; 0 = not known) */
	uint64_t swapfull_from_line;       /* … whose machine had swap full: Free swap under 5 % of
					    * Total in the report of the same host under a minute
					    * after it (first line; 0 = not known) */
	/* The next report of the same host under a minute later, no reboot
	 * between (report/parse.c lend_next), for a report that holds only
	 * its kill lines: borrowed, valid only while the report callback
	 * runs (NULL otherwise; a copy kept past it must clear it).  Its
	 * reading lends this one a cause (diagnose/event_rules.c). */
	struct oom_event *next_report;
	struct oom_side side;              /* side messages joined to the event */
	/* the input line each warning is about (0: the event as a whole); the
	 * parser sets cur_line to the line it is reading (0 while finishing) */
	uint64_t warning_line[OOM_MAX_WARNINGS];
	uint64_t cur_line;

	/* Modules named in the stack dump's frames ("func+0x54/0x1238 [rtw88_usb]"),
	 * first seen first, for the rules that suspect a driver
	 * (lowmem or memory filled by nothing counted). */
	int nr_trace_modules;
	char trace_modules[4][32];
	/* "OOM kill occurred on an x86_64 NUMA system!" (RHEL 4-era kernels):
	 * the vendor's own word that one node ran out while others had memory */
	bool numa_oom_hint;
	/* the "Hardware name:" names a desktop's or laptop's firmware
	 * (report/arch.c report_hw_desktop): a machine installed with swap */
	bool hw_desktop;
	bool nokill_printed;               /* "Out of memory and no killable processes..." was in the text */
	/* "protections[]: 0 0 0" under a zone line: show_free_areas of 2.6.5 to
	 * 2.6.11-rc2, before lowmem_reserve[] — the kernels whose OOM killer
	 * was called from try_to_free_pages (report/parse_mem.c) */
	bool protections_line;
	/* "sysrq: SysRq : Manual OOM execution" (drivers/tty/sysrq.c moom_callback)
	 * opened or joined the event: a manual OOM even where its order=-1
	 * header was not printed */
	bool sysrq_manual;
	/* the stack dump shows the global path to the OOM killer: page
	 * allocator frames, or out_of_memory called by anything but the memcg
	 * charge path (report/parse.c stack_frame_facts) */
	bool trace_global_path;
	/* first line of a report of the same host the text told system-wide,
	 * under a minute before this one (report/parse.c state_emit); 0 none */
	uint64_t global_from_line;
	/* snap.mem.swap_total_kib / swap_free_kib are 0 because no swap line
	 * was printed where show_mem prints them ("total pagecache pages"
	 * followed at once by "pages RAM"): a kernel built without CONFIG_SWAP
	 * (report/parse_finish.c finish_swap), not a "Total swap = 0kB" */
	bool swap_inferred;
	/* "Free swap" printed and "Total swap" not, with the free swap none
	 * (report/parse_finish.c finish_swap): swap was there and full, read
	 * from what proves the swap there, or from the Total line cut away */
	enum oom_swap_full_hint {
		OOM_SWAPFULL_NONE = 0,
		OOM_SWAPFULL_CACHE,        /* the swap cache or the task rows' swapents prove swap */
		OOM_SWAPFULL_TOTAL_CUT,    /* "Free swap  = 0kB" kept, its "Total swap" line cut */
	} swap_full_hint;
	/* What a kind_inferred kind the parser set rests on (report/parse_finish.c
	 * finish_kind; kind_by_analysis kinds are diagnose's own) */
	enum oom_kind_hint {
		OOM_KIND_HINT_NONE = 0,
		OOM_KIND_HINT_NODEMASK,    /* a ≤4.18 trigger line's nodemask= leaving out a node with
					    * memory: mempolicy, or cpuset when it is the cpuset's mems */
		OOM_KIND_HINT_NOKILL_LIVED,/* "no killable processes", then a line of the machine going on */
		OOM_KIND_HINT_NOKILL_NO_PANIC, /* … 4.19+, no panic after it, a trigger line of order ≥ 0 */
	} kind_hint;
};

void event_init(struct oom_event *ev);
void event_release(struct oom_event *ev);  /* frees the task table; ev may be reused after event_init */
void event_warn(struct oom_event *ev, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

#endif
