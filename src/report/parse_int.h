/* parse_int.h — private to the report parser (parse*.c): the per-report
 * state and the small text helpers its pieces share.
 *
 * A line is handled as a [s, e) range of a NUL-terminated copy, with the
 * transport's leading indentation and trailing white space removed. */
#ifndef OOMKIT_PARSE_INT_H
#define OOMKIT_PARSE_INT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "util/util.h"

#include "model/event.h"
#include "report/pairs.h"
#include "report/report.h"

/* Where in the report the previous lines were: decides what an otherwise
 * ambiguous line (a stack frame, "anon 123", a "[ 12] ..." row) means. */
enum psect {
	SEC_HEADER = 0,   /* after the trigger line, before the stack */
	SEC_STACK,        /* from the CPU:/Pid: line or Call Trace: to the next block */
	SEC_MEMCG,        /* memory: usage … lines */
	SEC_MEMCG_STAT,   /* the memory.stat dump after "Memory cgroup stats for" */
	SEC_MEMINFO,      /* Mem-Info: … up to the page totals */
	SEC_SLAB,         /* "Unreclaimable slab info:" rows */
	SEC_TASKS,        /* task table rows */
	SEC_TAIL,         /* after the kill line: reaper, oom.group kills */
};

/* What a line that is cut short may continue on the next record
 * (≤4.8 printk pieces, a hand-broken line, S06). */
enum pcont {
	CONT_NONE = 0,
	CONT_ZONE,        /* zone line: more key:valuekB pairs */
	CONT_NODE,        /* node line */
	CONT_BUDDY,       /* buddy line without its "= NkB" total yet */
	CONT_LOWMEM,      /* lowmem_reserve[]: numbers */
};

/* Task table columns, decided by the header line (fact sheet §1.7). */
enum tcol {
	TC_SKIP = 0, TC_UID, TC_TGID, TC_TOTAL_VM, TC_RSS, TC_CPU, TC_OOM_ADJ,
	TC_NR_PTES, TC_NR_PMDS, TC_RSS_ANON, TC_RSS_FILE, TC_RSS_SHMEM,
	TC_PGTABLES_BYTES, TC_SWAPENTS, TC_OOM_SCORE_ADJ,
	TC_SWAPENTS_OR_ADJ,   /* a header-less 7-wide row's sixth number (parse_tasks.c) */
};
#define PARSE_MAX_COLS 20

/* Report shapes that date a kernel when no release string was printed. */
enum {
	SH_TRIG_2618 = 1u << 0,      /* "oom-killer: gfp_mask=" with no comm */
	SH_OOMKILLADJ = 1u << 1,     /* 2.6.19–2.6.31 */
	SH_OOM_ADJ = 1u << 2,        /* ≤3.6 trigger */
	SH_OOM_SCORE_ADJ = 1u << 3,
	SH_GFP_SYMBOLIC = 1u << 4,   /* 4.5+ */
	SH_NODEMASK_TRIG = 1u << 5,  /* 4.9–4.19 */
	SH_CONSTRAINT = 1u << 6,     /* 5.0+ (RHEL8) */
	SH_KILL_PREFIX = 1u << 7,    /* "Out of memory: Killed process" 5.1+ */
	SH_KILL_UID_COLON = 1u << 8, /* 5.4+ "UID:N pgtables:" */
	SH_TASKS_STATE = 1u << 9,    /* 4.19+ */
	SH_RSS_ANON = 1u << 10,      /* 6.8+ */
	SH_PGTABLES_BYTES = 1u << 11,/* 4.15+ */
	SH_NR_PMDS = 1u << 12,       /* 4.1–4.14 */
	SH_NR_PTES = 1u << 13,       /* 3.8–4.14 */
	SH_CPU_COL = 1u << 14,       /* ≤3.6 tables */
	SH_NODE_LINE = 1u << 15,     /* 4.8+ */
	SH_ZONE_BOOST = 1u << 16,    /* 6.1+ */
	SH_UID_IN_CPU = 1u << 17,    /* 6.9/6.11+ */
	SH_RHEL6_KILL = 1u << 18,    /* "Killed process N, UID N, (x)" */
	SH_HUGEPAGES = 1u << 19,     /* 3.10+ */
	SH_ACTIVE_ANON_CAP = 1u << 20, /* "Active_anon:" 2.6.28–2.6.31 */
	SH_AF_PERIOD = 1u << 21,     /* "page allocation failure. order:" ≤2.6.39 */
	SH_AF_NODEMASK = 1u << 22,   /* warn_alloc with nodemask 4.13+ */
	SH_FREE_PCP = 1u << 23,      /* 4.1+ */
	SH_VSZ_KILL = 1u << 24,      /* 2.6.33–2.6.35 */
	SH_SACRIFICE = 1u << 25,     /* "or sacrifice child" 2.6.36–5.0 */
	SH_SEC_PAGETABLES = 1u << 26,/* 6.1+ */
	SH_RHEL7_KILL = 1u << 27,    /* "Killed process N (x), UID N," */
	SH_AF_CPUSET = 1u << 28,     /* warn_alloc with ",cpuset=" 5.0+ */
	/* Shapes that only bound the era from above ("unknown era"):
	 * a report with none of the marks above is not the newest kernel. */
	SH_GFP_NUMERIC = 1u << 29,   /* gfp mask printed without %pGg names: before 4.5 */
	SH_PERCPU_HI = 1u << 30,     /* per-cpu "hi: btch: usd:" lines: 2.6.19–3.18 */
	SH_BUDDY_NO_TYPES = 1u << 31,/* buddy counts without migratetype letters: before 3.5 */
};
/* (past an int's bits, so not in the enum) */
#define SH_OR_A_CHILD (1ull << 32)   /* "kill process N (x) score S or a child": before 2.6.36 */

/* A start line broken inside its request: what the next line must hold. */
enum { HDR_CONT_NONE, HDR_CONT_GFP, HDR_CONT_MODE };

struct pstate {
	bool used;                 /* slot holds a key */
	bool active;               /* a report is open */
	char key[160];             /* host "\x1f" caller */
	uint64_t seq;              /* last use, to recycle the oldest slot */

	struct oom_event ev;
	enum psect sect;
	struct oom_mem pages;      /* summary/total lines in pages, converted at the end */
	uint64_t shape;            /* SH_* seen */
	int unknown_run;           /* consecutive lines that fit nothing */
	uint64_t last_fed;         /* report_parser.nr_fed when it last took a line */
	uint64_t last_lineno;      /* the input line it last took (PARSE_STALE_LINES) */
	int stack_lines;
	int tail_left;             /* lines still allowed after the kill line */
	bool started_mid;          /* the report's start is missing */
	bool have_trigger;
	bool have_kill;            /* the kill (or final) line was seen */
	bool have_selection;
	bool group_announced;      /* "Tasks in … memory.oom.group set" */
	bool oom_memcg_from_group; /* ev.oom_memcg is that line's group, not the OOM's memcg */
	bool totals_seen;          /* "pages RAM"-family lines: show_mem ended */
	bool next_dump;            /* ended by the next dump's "Mem-Info:" (parse.c state_line) */
	bool percpu_seen;          /* a per-cpu pageset line of show_mem (2.6.19-3.18) */
	uint64_t trace_hash;       /* its stack frames' texts (parse.c make_sig) */
	bool sysrq_show_mem;       /* opened at the Mem-Info right after "SysRq : Show Memory" */
	/* the "Unreclaimable slab info:" table's heading read: printed only by the OOM killer's
	 * dump_header for a system-wide OOM (mm/oom_kill.c, 4.15+:
	 * dump_unreclaimable_slab when !is_memcg_oom) */
	bool slab_table_seen;
	bool have_content;         /* anything beyond the start line */
	bool call_trace_upper;     /* "Call Trace:" (x86, ppc, mips, s390) rather than arm64's "Call trace:" */
	uint8_t hdr_cont;          /* HDR_CONT_*: the start line was wrapped inside its request */
	bool trace_memcg;          /* a reliable frame of the memcg OOM path in the trace */
	bool trace_memcg_stale;    /* a "? mem_cgroup_…" OOM-path frame */
	bool trace_global_path;    /* __alloc_pages frames, or out_of_memory+ not called by the memcg path */
	bool trace_oom_fn_last;    /* the last frame line was out_of_memory+ (its caller next) */
	bool trace_caller_next;    /* the last non-"?" frame was out_of_memory+ or oom_kill_process+ */
	bool panic_stack;          /* reading the stack panic() dumps after a panic_on_oom line */
	bool panic_blank;          /* one blank line stepped over after it */
	bool hw_powermac;          /* "Hardware name: PowerMac…" / "PowerBook…" */
	bool frame_not_x86;        /* a 16-digit "[<…>]" frame below ffffffff…: not x86_64 */
	bool arch_weak;            /* ev.arch is only a frame address's (x86_64 or riscv64) */
	bool frame8_kseg0;         /* an 8-digit "[<8…>]"/"[<9…>]" frame: MIPS kseg0 kernel text */
	bool frame8_any;           /* any 8-digit "[<…>]" frame: a 32-bit kernel's */
	bool frame8_c;             /* an 8-digit "[<c…>]" frame: 32-bit x86's text at 0xc0000000 */
	bool x86_unreliable;       /* a "? func+0x…/0x…" frame: only x86's dumpstack.c prints so */
	bool x86_family;           /* an x86-only mark (<TASK>, "? func", x86's own symbols): 32 or 64 bit undecided */
	bool words8_c;             /* a line of 8-digit raw stack words, one at 0xc0000000+ (parse.c raw_words_32) */
	bool hugepage_8m;          /* a "hugepages_size=8192kB" line (sparc64's default huge page) */
	bool frame8_c_sym;         /* "[<c…>] func+0x…/0x…": i386's frame form at its 0xc0000000 text */
	char sel_time[40];         /* the selection line's monotonic stamp, "" none (selection_line) */
	char sel_wall[40];         /* its wall-clock stamp (syslog, dmesg -T), "" none */
	int64_t sel_pid;           /* the pid it selected */
	uint64_t sel_fed;          /* the parser's line count at it */
	char kill_second[40];      /* the kill line's stamp to the second (kill_burst) */
	char kill_time[64];        /* the kill line's stamp as printed */
	char trig_comm_whole[OOM_COMM_LEN + 8];  /* a trigger "comm:pid" as printed, until the CPU line */
	bool memcg_on_constraint;  /* the oom-kill line named an oom_memcg= */
	char header_comm[OOM_COMM_LEN];  /* comm of the CPU:/Pid: line */
	bool hugepage_32m, hugepage_64k;  /* hugepages_size=32768kB / =64kB lines (arm64's contiguous sizes) */
	bool after_memcg_stat;     /* opened at "Tasks state" right after a memory.stat pair (finish_kind) */
	bool cpu_cut;              /* a bare "CPU:": s390's header cut by a wrap, its rest to come */
	bool header_trigger;       /* that line is the allocating task's (the report opened at it,
				    * or a panic's stack in the OOM path): its comm is the trigger's */
	bool from_header;          /* opened at a dump_stack line (trigger line cut): an OOM only
				    * once its frames or its body say so */
	bool from_frame;           /* …at a frame of the OOM path (no dump_stack line above it) */
	bool trace_oom;            /* a frame of the OOM killer's path (out_of_memory, dump_header, …) */
	bool trace_alloc;          /* a warn_alloc frame: an allocation failure's stack */
	bool trace_oom_live;       /* ... either, not a stale "? " word */
	bool trace_panic;          /* a panic() frame (not "? "): a panic's own dump_stack */
	bool trace_check_panic;    /* a check_panic_on_oom frame (not "? "): panic_on_oom panics (parse_finish.c) */
	bool panicked;             /* "Kernel panic - not syncing: Out of memory and no killable …" */

	enum pcont cont;
	int cont_zone;             /* index into ev.snap.zones */
	int cont_node;             /* index into ev.snap.nodes */
	char cont_key[40];         /* a zone/node key whose value is on the next record */
	int buddy_order;           /* next order of a continued buddy line */
	int64_t buddy_base_kib;    /* order-0 block size of that line */
	bool buddy_eq_open;        /* that line ended on its "=": the total is next */
	int last_zone;             /* zone of the last zone line, for lowmem_reserve */
	bool last_zone_rsv;        /* that zone has had its lowmem_reserve line */
	/* lowmem_reserve lines of zones whose zone lines were elided (a
	 * second one after the same zone line): given in order to the zones
	 * a buddy line names first (pm_node_or_zone_line) */
	int nr_orphan_rsv;
	uint8_t orphan_rsv_len[4];
	int64_t orphan_rsv[4][OOM_MAX_ZONE_IDX];

	int ncols;
	enum tcol cols[PARSE_MAX_COLS];
	bool table_bad_warned;
	/* header-less 7-wide rows: their sixth number held as swapents until
	 * a row shows it cannot be oom_adj (swap_rows), else dropped at the
	 * finish (pt_finish) */
	bool amb_rows, amb_swap;
	/* … a row's fifth number no page-table byte count (a positive
	 * multiple of 1 KiB); one 16 KiB or more: 4.15+ pgtables_bytes */
	bool amb_pgt_no, amb_pgt_big;
	bool era24;                /* Linux 2.4's "__alloc_pages: N-order allocation failed" */

	int nr_stat_blocks;        /* "Memory cgroup stats for" lines */
	bool stat_v1_inline;       /* KB values on the same line (3.10–5.2) */
	/* the first stats line's path in a report cut above it, taken if
	 * the block is v2's (one block, the OOM memcg's own: R1725), else
	 * left with a warning (v1 lists the subtree; a cut may start at a
	 * child's) — decided at the block's first "key value" line */
	char stat_path_cand[OOM_PATH_LEN];
	bool stat_path_cut;
	int64_t buddy_psz_kib;     /* page size from an order-0 block; OOM_NA */
	int64_t reaper_pid;        /* a reaper line seen before the kill line was matched */
	/* the victim was named by a reaper line while the report had not
	 * reached its task table: maybe an earlier kill's (mm/oom_kill.c
	 * prints a report's kill before its reaper runs), so a kill line
	 * that follows replaces it */
	bool reaper_provisional;
	/* an oom-kill: line without its task (re-flowed by hand): its text,
	 * read again with the next line when that holds the rest */
	char cons_text[512];
	size_t cons_len;
	bool cons_next;            /* the next line may be its rest without a leading ',' */
	bool cons_own;             /* its first part joined the report of the kill before it */
	bool cons_rejoin;          /* constraint_line is reading it again with its rest */
	/* "Out of memory and no killable processes..." printed as a warning
	 * (4.19+), the next line of the machine seen, and it was no panic */
	bool nokill_warn, nokill_decided, nokill_lived;
	bool sysrq_ignored;        /* moom_callback's "OOM request ignored" joined it (parse.c sysrq_line) */
	bool sysrq_alone;          /* opened by "Manual OOM execution", no line of a report after it yet */
	bool tail_kept;            /* cut at its head, show_mem's end seen, then the next
				    * report's start line: the tail of a report of its own */
	bool ub_container;         /* OpenVZ: the OOM of a container's beancounter (ub N ≥ 0) */
	bool trace_dump_header;    /* a reliable dump_header frame: the stack of an OOM report's own dump */
	uint64_t trig_hash;        /* hash of the start line's text (a quote of it alone repeats it) */
	char start_mono[40];       /* the start line's monotonic stamp after its date (report_line.mono), "" none */
	bool show_task_trace;      /* opened by the stack under a sched_show_task line (parse.c header_proven) */
	/* Where show_swap_cache_info (mm/swap_state.c) prints: right after
	 * show_free_areas' "N total pagecache pages" (2.6.25+) and before
	 * show_mem's "N pages RAM"; a kernel without CONFIG_SWAP prints
	 * nothing there (parse_finish.c finish_swap). */
	struct {
		bool seen;             /* a line of it: swap cache, "Free swap", "Total swap" */
		uint64_t pagecache_fed;/* nr_fed of the "total pagecache pages" record; 0 none */
		bool ram_next;         /* "pages RAM" was the record right after that one */
		bool free_paired;      /* "Free swap  = " read: show_swap_cache_info prints
					* "Total swap = " right after it (2.6.2x+; the older
					* "Free swap:" of show_free_areas has no total) */
	} swapblk;
};

/* ---- text helpers (parse.c) ------------------------------------------ */
/* inline: a literal's strlen folds at compile time (called for dozens of
 * literals per report line, bench/explain) */
__attribute__((always_inline)) static inline bool p_starts(const char *s, const char *e, const char *lit)
{
	size_t n = strlen(lit);
	return (size_t)(e - s) >= n && memcmp(s, lit, n) == 0;
}
__attribute__((always_inline)) static inline const char *p_find(const char *s, const char *e, const char *lit)
{
	if (s >= e)
		return NULL;
	size_t n = strlen(lit);
	if (p_pairs_lack(s, e, lit, n))
		return NULL;
	return mem_find_n(s, (size_t)(e - s), lit, n);
}
const char *p_rfind(const char *s, const char *e, const char *lit);
const char *p_skip_sp(const char *s, const char *e);
/* Unsigned decimal at *p → value; advances.  -1 none, -2 overflow. */
int p_num(const char **p, const char *e, int64_t *out);
/* Signed decimal (leading '-'). */
int p_inum(const char **p, const char *e, int64_t *out);
/* KiB × pages with overflow check: OOM_NA on overflow. */
int64_t p_mul(int64_t a, int64_t b);
void p_copy(char *dst, size_t cap, const char *s, const char *e);
bool p_is_zone_name(const char *s, const char *e);

/* One key:value (or "key? yes") token of a zone/node/summary line. */
struct pkv {
	const char *k, *ke;        /* key (without ':') */
	int64_t v;                 /* OOM_NA when absent or bad */
	bool bad;                  /* a value was there but not a number we accept */
	bool has_unit;             /* kB / KB followed */
	int yesno;                 /* all_unreclaimable?: 1 yes, 0 no, -1 n/a */
};
bool p_kv_next(const char **p, const char *e, struct pkv *kv);
bool p_key_is(const struct pkv *kv, const char *lit);

/* ---- Mem-Info, memcg, slab (parse_mem.c) ------------------------------ */
/* Each returns true when the line was one of its kind (and consumed). */
bool pm_summary_line(struct pstate *st, const char *s, const char *e, bool continuation_ok);
bool pm_node_or_zone_line(struct pstate *st, const char *s, const char *e);
bool pm_lowmem_line(struct pstate *st, const char *s, const char *e);
bool pm_protections_line(struct pstate *st, const char *s, const char *e);
bool pm_continuation(struct pstate *st, const char *s, const char *e);
bool pm_totals_line(struct pstate *st, const char *s, const char *e);
bool pm_percpu_line(const char *s, const char *e);
bool pm_memcg_line(struct pstate *st, const char *s, const char *e);
bool pm_memcg_stat_line(struct pstate *st, const char *s, const char *e);
bool pm_slab_line(struct pstate *st, const char *s, const char *e);
/* A stack frame naming a module ("… [name]"): records the name in the event. */
void pm_stack_module(struct pstate *st, const char *s, const char *e);

/* ---- a complete report (parse_finish.c) ---------------------------------- */
/* The architecture named by the release string, when it names one. */
void pf_arch_from_release(struct oom_event *ev);
/* Version, arch, page size and KiB conversion, derived sums, kind. */
void pf_finish(struct pstate *st);

/* ---- task table (parse_tasks.c) ---------------------------------------- */
bool pt_header_line(struct pstate *st, const char *s, const char *e);
bool pt_row_line(struct pstate *st, const char *s, const char *e);
void pt_finish(struct pstate *st);

#endif
