/* linekind.h — the one table of OOM report line kinds, shared by the
 * scanner (report/scan.c: which lines pass its idle prefilter, which lines
 * a back-fill may hand over) and the parser (report/parse.c: which lines may
 * open a report, which only continue one).  Before this table the scanner
 * kept its own keyword lists and the parser its own idea of a report start;
 * they drifted (a log starting at "memory: usage …" lost the whole report).
 *
 * A line is classified by its text as the kernel printed it (transport
 * prefix already stripped; leading white space is ignored). */
#ifndef OOMKIT_LINEKIND_H
#define OOMKIT_LINEKIND_H

#include <stdbool.h>
#include <stddef.h>

enum line_kind {
	LK_NONE = 0,      /* not a line of an OOM report (or not one we can tell alone) */
	LK_TRIGGER,       /* "X invoked oom-killer: gfp_mask=…", "x: page allocation failure: …" */
	LK_HEADER,        /* dump_stack header "CPU: 1 PID: 2 Comm: x …", "Hardware name:", "x cpuset=/ mems_allowed=0" */
	LK_STACK,         /* "Call Trace:" / "Call trace:" */
	LK_MEMINFO,       /* "Mem-Info:" (2.6.18 "Mem-info:") */
	LK_SUMMARY,       /* "active_anon:N inactive_anon:N …" (pages) */
	LK_ZONE,          /* "Node 0 DMA32 free:…", "Node 0 active_anon:…kB", "lowmem_reserve[]:", hugepages */
	LK_PERCPU,        /* ≤3.18 "DMA per-cpu:", "CPU    0: hi:  186, btch:  31 usd:  0" */
	LK_BUDDY,         /* "Node 0 Normal: 1*4kB (U) … = 1234kB" */
	LK_TOTALS,        /* "Free swap  = 0kB", "Total swap", "N pages RAM", "N total pagecache pages" */
	LK_MEMCG,         /* "memory: usage …", "Task in /x killed as …", "Memory cgroup stats for /x:" */
	LK_TASK_HEADER,   /* "Tasks state (memory values in pages):", "[ pid ]   uid  tgid …" */
	LK_TASK_ROW,      /* "[  123]     0   123 …" */
	LK_SLAB,          /* "Unreclaimable slab info:" */
	LK_CONSTRAINT,    /* "oom-kill:constraint=…" (5.0+) */
	LK_SELECTION,     /* "Out of memory: Kill process N (x) score N or sacrifice child" */
	LK_KILL,          /* "Killed process N (x) total-vm:…" */
	LK_REAPER,        /* "oom_reaper: reaped process N (x), now anon-rss:…" */
	LK_FINAL,         /* "Out of memory and no killable processes", "OOM victim N (x) is already exiting", panic_on_oom */
	LK_DEADLOCK,      /* "Kernel panic - not syncing: System is deadlocked on memory" */
	LK_SIDE,          /* "SLUB: Unable to allocate memory on node", "cache: x, object size:", driver "unable to allocate N bytes" */
	LK_SYSRQ,         /* "sysrq: SysRq : Manual OOM execution", "sysrq: OOM request ignored …" (sysrq f) */
	LK_FRAME,         /* a stack frame of the OOM killer's or warn_alloc's path: "dump_header+0x8e/0x225",
			   * "oom_kill_process from out_of_memory+0x218/0x34c" (a report cut inside its trace) */
	LK_COUNT
};

/* What a kind may do, from the scanner's side. */
enum {
	LKF_MARKER = 1u << 0,   /* holds a marker: the idle prefilter passes it, and it
				 * opens or joins a report by itself */
	LKF_OPENS = 1u << 1,    /* may open a report whose head is cut: a back-fill
				 * window before a marker hands it to the parser */
	LKF_CONTINUES = 1u << 2,/* belongs to an open report (every kind does) */
};

struct line_kind_info {
	enum line_kind kind;
	const char *name;           /* "trigger", "memcg", … (tests, debugging) */
	unsigned flags;             /* LKF_* */
	const char *markers[4];     /* substrings that make a line a marker (LKF_MARKER kinds) */
	const char *sample;         /* one real line of the kind, for the contract test */
};

/* The table, indexed by kind (entry 0 is LK_NONE). */
extern const struct line_kind_info line_kinds[LK_COUNT];

/* The kind of one line of kernel text. */
enum line_kind line_kind_of(const char *text, size_t len);
static inline unsigned line_kind_flags(enum line_kind k)
{
	return k > LK_NONE && k < LK_COUNT ? line_kinds[k].flags : 0;
}
/* Does the text hold one of the table's marker strings anywhere?  (Glued
 * and wrapped lines put a marker anywhere in a line.) */
bool line_kind_has_marker_text(const char *text, size_t len);
/* Does raw text (a transport prefix possibly still on it) start a report
 * of its own (a trigger line)?  Then no back-fill is needed before it. */
bool line_kind_is_trigger_text(const char *text, size_t len);

/* A kill line a reader quoted inside prose ('there is a line
 * "**Killed process 856 (apt-get) total-vm:40820kB, …**"', R5054): k is
 * where "Killed process " starts in p; true when only quote or emphasis
 * marks (" ' ` *) stand between it and a blank or the line's start, and
 * the kernel's whole shape follows ("N (comm) total-vm:"). */
bool line_kind_quoted_kill(const char *p, const char *k, const char *e);
/* The text after "X invoked oom-killer: " is prose, not a request. */
bool line_kind_invoked_prose(const char *r, size_t n);

/* mm/oom_kill.c check_panic_on_oom's panic: "…Out of memory: %s
 * panic_on_oom is enabled" (≤4.x "…is selected"), or its line cut right
 * after "panic_on_oom" (a mailer's or an archive's break, R5295). */
bool line_kind_panic_on_oom(const char *p, size_t n);
const char *line_kind_bare_trigger(const char *p, size_t n);
/* The hung-task detector's line: "INFO: task kworker/0:1:12 blocked for
 * more than 120 seconds." (kernel/softlockup.c from 2.6.27, then
 * kernel/hung_task.c check_hung_task).  A trace after it is the hung
 * task's, even through out_of_memory. */
bool line_kind_hung_task(const char *p, size_t n);
/* sched_show_task's line (kernel/sched/core.c; SysRq-T "Show State",
 * SysRq-W, the hung-task and lockup detectors): "b.out           R
 * running task        0  9079   7400 0x00000000" (≤5.8: the comm padded
 * to 15, the state letter, "running task" or the saved pc, free stack,
 * pid, ppid, flags), "task:b.out state:R stack:0 pid:9079 ppid:7400
 * flags:0x00004000" (5.9+).  The trace under it is that task's, even
 * through out_of_memory (a task sleeping in the OOM killer): no report. */
bool line_kind_show_task(const char *p, size_t n);
/* The stall warning's "page allocation stalls for " (4.10-4.14) or its
 * 4.9 spelling "page alloction stalls for " (commit 63f53dea0c98, mended
 * in 4.10): where the text starts (at the line's start, or after a
 * ": "), and its length in *len; NULL when the line has neither. */
const char *line_kind_stall_text(const char *text, size_t len, size_t *mark_len);
/* warn_alloc with its own text ("%s: %pV, mode:%#x(%pGg), nodemask=…"):
 * the ": " after the comm, or NULL. */
const char *line_kind_warn_alloc_text(const char *text, size_t len);
/* ≤4.11 vmalloc's text on a line of its own before the failure header
 * ("vmalloc: allocation failure: 0 bytes"): the size asked for, or -1. */
long long line_kind_vmalloc_pre(const char *text, size_t len);
/* The allocator's WARNING for an order >= MAX_ORDER ("WARNING: CPU: 3 PID:
 * 19257 at mm/page_alloc.c:4724 __alloc_pages_nodemask+0x1ee/0x320"), a
 * report of its own: its "WARNING", or NULL. */
const char *line_kind_max_order_warn(const char *text, size_t len);
/* mm/nommu.c's "Allocation of length N from process P (comm) failed": N, or -1. */
long long line_kind_nommu_failure(const char *text, size_t len);
/* Linux 2.4's "__alloc_pages: N-order allocation failed (gfp=0x1d2/0)"
 * (mm/page_alloc.c): N, or -1; *gfp the mask when printed (2.4.10+), else
 * -1. */
int line_kind_alloc24_failure(const char *text, size_t len, long long *gfp);
/* "SLUB: Unable to allocate memory on node " (or SLAB's) in the text. */
bool line_kind_slab_failure(const char *text, size_t len);
/* mm/cma.c cma_alloc's failure, "cma_alloc: [NAME: ]alloc failed, req-size:
 * N pages, ret: R" anywhere in the text: N, or -1; *ret R; *name, *name_len
 * the area's name ("" before 5.x).  Any of the out-pointers may be NULL. */
long long line_kind_cma_failure(const char *text, size_t len, long long *ret, const char **name, size_t *name_len);

#endif
