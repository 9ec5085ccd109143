/* linekind.c — the one table of report line kinds (see linekind.h).
 * Line formats: fact sheet §1 (kernel-oom.md); mm/oom_kill.c dump_header,
 * dump_tasks, oom_kill_process, __oom_kill_process; mm/page_alloc.c
 * warn_alloc and show_mem (mm/show_mem.c, 6.1+); mm/memcontrol.c
 * mem_cgroup_print_oom_*; mm/slub.c slab_out_of_memory. */
#include <string.h>

#include "report/linekind.h"
#include "report/pairs.h"
#include "util/util.h"

#define F_M LKF_MARKER
#define F_O LKF_OPENS
#define F_C LKF_CONTINUES

const struct line_kind_info line_kinds[LK_COUNT] = {
	[LK_NONE] = { LK_NONE, "none", 0, { NULL }, NULL },
	[LK_TRIGGER] = { LK_TRIGGER, "trigger", F_M | F_C,
			 { "oom-killer", "page allocation failure", "page allocation stalls", NULL },
			 "java invoked oom-killer: gfp_mask=0x14200ca(GFP_HIGHUSER_MOVABLE), nodemask=(null), order=0, oom_score_adj=0" },
	[LK_HEADER] = { LK_HEADER, "header", F_O | F_C, { NULL },
			"CPU: 3 PID: 2345 Comm: java Not tainted 4.15.0-112-generic #113-Ubuntu" },
	[LK_STACK] = { LK_STACK, "dump_stack", F_C, { NULL }, "Call Trace:" },
	[LK_MEMINFO] = { LK_MEMINFO, "mem-info", F_M | F_O | F_C, { "Mem-Info:", "Mem-info:", NULL }, "Mem-Info:" },
	[LK_SUMMARY] = { LK_SUMMARY, "summary", F_O | F_C, { NULL },
			 "active_anon:1969342 inactive_anon:1034 isolated_anon:0" },
	[LK_ZONE] = { LK_ZONE, "zone", F_O | F_C, { NULL },
		      "Node 0 Normal free:44796kB min:45016kB low:56268kB high:67520kB managed:3917124kB" },
	[LK_PERCPU] = { LK_PERCPU, "per-cpu", F_O | F_C, { NULL }, "CPU    0: hi:  186, btch:  31 usd:  40" },
	[LK_BUDDY] = { LK_BUDDY, "buddy", F_O | F_C, { NULL },
		       "Node 0 Normal: 1064*4kB (UME) 513*8kB (UME) 139*16kB (UME) 0*32kB 0*64kB = 14744kB" },
	[LK_TOTALS] = { LK_TOTALS, "totals", F_O | F_C, { NULL }, "Total swap = 1048572kB" },
	[LK_MEMCG] = { LK_MEMCG, "memcg", F_O | F_C, { NULL }, "memory: usage 10240kB, limit 10240kB, failcnt 3" },
	[LK_TASK_HEADER] = { LK_TASK_HEADER, "task-header", F_O | F_C, { NULL },
			     "[ pid ]   uid  tgid total_vm      rss nr_ptes swapents oom_score_adj name" },
	[LK_TASK_ROW] = { LK_TASK_ROW, "task-row", F_O | F_C, { NULL },
			  "[  101]     0   101    50000     1000      40     9000             0 app" },
	[LK_SLAB] = { LK_SLAB, "slab", F_O | F_C, { NULL }, "Unreclaimable slab info:" },
	[LK_CONSTRAINT] = { LK_CONSTRAINT, "constraint", F_M | F_C, { "oom-kill:", NULL },
			    "oom-kill:constraint=CONSTRAINT_NONE,nodemask=(null),cpuset=/,mems_allowed=0,global_oom,task_memcg=/,task=app,pid=101,uid=0" },
	[LK_SELECTION] = { LK_SELECTION, "selection", F_M | F_C, { "Kill process", "kill process", NULL },
			   "Out of memory: Kill process 101 (app) score 900 or sacrifice child" },
	[LK_KILL] = { LK_KILL, "kill", F_M | F_C, { "Killed process", "VM: killing process ", "VM: Killing process ", NULL },
		      "Killed process 101 (app) total-vm:200000kB, anon-rss:4000kB, file-rss:0kB" },
	[LK_REAPER] = { LK_REAPER, "reaper", F_M | F_C, { "oom_reaper", NULL },
			"oom_reaper: reaped process 101 (app), now anon-rss:0kB, file-rss:0kB, shmem-rss:0kB" },
	[LK_FINAL] = { LK_FINAL, "final", F_M | F_C, { "Out of memory", "out of memory", "Out of Memory", NULL },
		       "Out of memory and no killable processes..." },
	[LK_DEADLOCK] = { LK_DEADLOCK, "deadlock", F_C, { NULL },
			  "Kernel panic - not syncing: System is deadlocked on memory" },
	[LK_SIDE] = { LK_SIDE, "side", F_C, { NULL },
		      "SLUB: Unable to allocate memory on node -1, gfp=0x8020(GFP_ATOMIC|__GFP_ZERO)" },
	/* no marker (no needle holds it): found in a back-fill window before
	 * the kill lines it precedes, or while a report is open */
	[LK_SYSRQ] = { LK_SYSRQ, "sysrq", F_O | F_C, { NULL }, "sysrq: SysRq : Manual OOM execution" },
	[LK_FRAME] = { LK_FRAME, "oom-frame", F_O | F_C, { NULL }, "[<ffffffff81681177>] dump_header+0x8e/0x225" },
};

#define STARTS(p, n, lit) ((n) >= sizeof(lit) - 1 && memcmp((p), (lit), sizeof(lit) - 1) == 0)

static bool is_digit(char c) { return c >= '0' && c <= '9'; }

static bool all_blank(const char *p, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (p[i] != ' ' && p[i] != '\t' && p[i] != '\r')
			return false;
	return true;
}

/* mem_find, not memmem: every line the scanner or the parser classifies
 * asks ~25 literals here, and glibc's memmem sets up a 256-byte shift table
 * per call (memset + hashing the needle), which costs more than the search
 * on a line of ~100 bytes: 12 % of explain's instructions (bench/explain). */
__attribute__((always_inline)) static inline const char *find(const char *p, size_t n, const char *lit)
{
	size_t k = strlen(lit);
	if (p_pairs_lack(p, p + n, lit, k))   /* the parser's line lacks a pair of it (pairs.h) */
		return NULL;
	return mem_find_n(p, n, lit, k);
}

/* The value of the d decimal digits at p (d <= 18: no overflow). */
static long long dec_value(const char *p, size_t d)
{
	long long v = 0;
	for (size_t i = 0; i < d; i++)
		v = v * 10 + (p[i] - '0');
	return v;
}

static size_t digits(const char *p, size_t n)
{
	size_t i = 0;
	while (i < n && is_digit(p[i]))
		i++;
	return i;
}

/* "DMA", "DMA32", "Normal", "HighMem", "Movable", "Device" at p: its length, or 0. */
static size_t zone_name(const char *p, size_t n)
{
	static const char *const names[] = { "DMA32", "DMA", "Normal", "HighMem", "Movable", "Device" };
	for (size_t i = 0; i < ARRAY_SIZE(names); i++) {
		size_t l = strlen(names[i]);
		if (n >= l && memcmp(p, names[i], l) == 0 && (n == l || p[l] == ' ' || p[l] == ':'))
			return l;
	}
	return 0;
}

/* Every token "key:digits" (no unit), at least two: a Mem-Info summary line. */
static bool summary_tokens(const char *p, size_t n)
{
	size_t i = 0;
	int tokens = 0;
	while (i < n) {
		while (i < n && p[i] == ' ')
			i++;
		if (i >= n)
			break;
		size_t k = i;
		while (i < n && ((p[i] >= 'a' && p[i] <= 'z') || (p[i] >= 'A' && p[i] <= 'Z') || p[i] == '_'))
			i++;
		if (i == k || i >= n || p[i] != ':')
			return false;
		i++;
		size_t d = digits(p + i, n - i);
		if (d == 0)
			return false;
		i += d;
		if (i < n && p[i] != ' ')
			return false;
		tokens++;
	}
	return tokens >= 2;
}

static enum line_kind classify_mem(const char *p, size_t n)
{
	/* "Node N " prefix of zone, node, buddy and hugepages lines */
	const char *r = p;
	size_t rn = n;
	bool node = false;
	if (STARTS(p, n, "Node ")) {
		size_t d = digits(p + 5, n - 5);
		if (d == 0 || 5 + d >= n || p[5 + d] != ' ')
			return LK_NONE;
		r = p + 6 + d;
		rn = n - 6 - d;
		node = true;
	}
	size_t z = zone_name(r, rn);
	if (z) {
		if (STARTS(r + z, rn - z, " free:"))
			return LK_ZONE;
		if (STARTS(r + z, rn - z, " per-cpu:"))
			return LK_PERCPU;
		if (STARTS(r + z, rn - z, ": ") && (find(r, rn, "*") || find(r, rn, "empty")))
			return LK_BUDDY;
		if (rn == z + 1 && r[z] == ':')
			return LK_BUDDY;
	}
	if (node && (STARTS(r, rn, "active_anon:") || STARTS(r, rn, "inactive_anon:") ||
		     STARTS(r, rn, "hugepages_total=")))
		return LK_ZONE;
	if (find(p, n, "kB = ") || find(p, n, "kB= "))
		return node || z ? LK_BUDDY : LK_NONE;
	return LK_NONE;
}

/* A frame ("sym+0xoff/0xsize") of the OOM killer's path (mm/oom_kill.c
 * out_of_memory, oom_kill_process, dump_header; pagefault_out_of_memory,
 * mem_cgroup_out_of_memory) or of warn_alloc (mm/page_alloc.c): the stack
 * of a report whose lines above are cut. */
static bool oom_frame(const char *p, size_t n)
{
	/* "+0x" by memchr: most lines hold no '+' (memmem costs more per line) */
	const char *o = p, *end = p + n;
	while ((o = memchr(o, '+', (size_t)(end - o))) != NULL && !(end - o >= 3 && o[1] == '0' && o[2] == 'x'))
		o++;
	if (!o || !find(o, (size_t)(end - o), "/0x"))
		return false;
	return find(p, n, "out_of_memory") || find(p, n, "oom_kill_process") || find(p, n, "dump_header") ||
	       find(p, n, "warn_alloc");
}

/* One "key value" line of a memory cgroup's memory.stat as an OOM prints
 * it after "Memory cgroup stats for /x:" (mm/memcontrol.c
 * mem_cgroup_print_oom_meminfo → memory_stat_format, one line per counter:
 * cgroup v2 from 5.7, v1's memcg1_stat_format from 6.x; a journal shows
 * them as indented continuation lines, R1842, R1865).  Only the counters'
 * own names, so a report cut inside the dump opens at them. */
static const char *const memcg_stat_keys[] = {
	/* v2 memory_stats[] and the events after it (mm/memcontrol.c, 5.7–6.x) */
	"anon", "file", "kernel", "kernel_stack", "pagetables", "sec_pagetables", "percpu", "sock", "vmalloc",
	"shmem", "zswap", "zswapped", "file_mapped", "file_dirty", "file_writeback", "swapcached", "anon_thp",
	"file_thp", "shmem_thp", "inactive_anon", "active_anon", "inactive_file", "active_file", "unevictable",
	"slab_reclaimable", "slab_unreclaimable", "slab", "workingset_refault_anon", "workingset_refault_file",
	"workingset_activate_anon", "workingset_activate_file", "workingset_restore_anon",
	"workingset_restore_file", "workingset_nodereclaim", "pgfault", "pgmajfault", "pgrefill", "pgscan",
	"pgsteal", "pgscan_kswapd", "pgscan_direct", "pgscan_khugepaged", "pgsteal_kswapd", "pgsteal_direct",
	"pgsteal_khugepaged", "pgactivate", "pgdeactivate", "pglazyfree", "pglazyfreed", "thp_fault_alloc",
	"thp_collapse_alloc", "thp_swpout", "thp_swpout_fallback", "zswpin", "zswpout", "zswpwb", "hugetlb",
	/* v1's own (memcg1_stat_format) */
	"cache", "rss", "rss_huge", "mapped_file", "dirty", "writeback", "swap", "pgpgin", "pgpgout",
	"hierarchical_memory_limit", "hierarchical_memsw_limit",
};

static bool memcg_stat_pair(const char *p, size_t n)
{
	while (n && (*p == ' ' || *p == '\t'))
		p++, n--;
	while (n && (p[n - 1] == ' ' || p[n - 1] == '\r'))
		n--;
	size_t w = 0;
	while (w < n && ((p[w] >= 'a' && p[w] <= 'z') || (p[w] >= '0' && p[w] <= '9') || p[w] == '_'))
		w++;
	if (w == 0 || w + 1 >= n || p[w] != ' ' || digits(p + w + 1, n - w - 1) != n - w - 1)
		return false;
	size_t k0 = STARTS(p, w, "total_") ? 6 : 0;   /* v1's hierarchical totals */
	for (size_t i = 0; i < ARRAY_SIZE(memcg_stat_keys); i++)
		if (strlen(memcg_stat_keys[i]) == w - k0 && memcmp(p + k0, memcg_stat_keys[i], w - k0) == 0)
			return true;
	return false;
}

static enum line_kind kind_of(const char *p, size_t n);

enum line_kind line_kind_of(const char *p, size_t n)
{
	while (n && (p[0] == ' ' || p[0] == '\t'))
		p++, n--;
	while (n && (p[n - 1] == ' ' || p[n - 1] == '\t' || p[n - 1] == '\r' || p[n - 1] == '\n'))
		n--;
	if (n < 3)
		return LK_NONE;
	/* the line the parser is reading: asked several times, answered once */
	struct p_pairs *c = &p_cur_pairs;
	if (p < c->s || p + n > c->e)
		return kind_of(p, n);
	if (c->kind_s != p || c->kind_n != n) {
		c->kind = (int)kind_of(p, n);
		c->kind_s = p;
		c->kind_n = n;
	}
	return (enum line_kind)c->kind;
}

static enum line_kind kind_of(const char *p, size_t n)
{
	const char *q;
	switch (p[0]) {
	case '[': {
		if (p[1] == '<')
			return oom_frame(p, n) ? LK_FRAME : LK_NONE;
		size_t i = 1;
		while (i < n && p[i] == ' ')
			i++;
		if (STARTS(p + i, n - i, "pid")) {
			i += 3;
			while (i < n && p[i] == ' ')
				i++;
			return i < n && p[i] == ']' ? LK_TASK_HEADER : LK_NONE;
		}
		size_t d = digits(p + i, n - i);
		if (d && i + d < n && p[i + d] == ']')
			return LK_TASK_ROW;
		/* a player's or a tool's "[…]" glued before a marker line
		 * ("[Vol=01][00:02:54/00:04:07]swapper/0: page allocation
		 * failure", R482): the marker inside decides, below */
		break;
	}
	case 'o':
		if (STARTS(p, n, "oom-kill:constraint=") || STARTS(p, n, "oom-kill: constraint="))
			return LK_CONSTRAINT;
		/* split one field a line by hand (R1813): its head alone */
		if (STARTS(p, n, "oom-kill:") && (n == 9 || (n > 9 && (p[9] == ' ' || p[9] == '\t') && all_blank(p + 9, n - 9))))
			return LK_CONSTRAINT;
		if (STARTS(p, n, "oom_reaper: "))
			return LK_REAPER;
		if (STARTS(p, n, "oom-killer: gfp_mask="))
			return LK_TRIGGER;
		break;
	case 'K':
		if (STARTS(p, n, "Killed process "))
			return LK_KILL;
		break;
	case 'V':
		/* an arch fault path's kill (parse.c vm_kill_line) */
		if (STARTS(p, n, "VM: killing process ") || STARTS(p, n, "VM: Killing process "))
			return LK_KILL;
		break;
	case 'M':
		if (STARTS(p, n, "Mem-Info:") || STARTS(p, n, "Mem-info:"))
			return LK_MEMINFO;
		if (STARTS(p, n, "Memory cgroup stats for ") || STARTS(p, n, "Memory limit reached of cgroup "))
			return LK_MEMCG;
		break;
	case 'U':
		if (STARTS(p, n, "Unreclaimable slab info:"))
			return LK_SLAB;
		break;
	case 'T':
		if (STARTS(p, n, "Tasks state (memory values in pages):"))
			return LK_TASK_HEADER;
		if (STARTS(p, n, "Task in ") && find(p, n, " killed as a result of limit of "))
			return LK_MEMCG;
		if (STARTS(p, n, "Total swap = "))
			return LK_TOTALS;
		/* 4.19+ mem_cgroup_print_oom_group: the group whose members die */
		if (STARTS(p, n, "Tasks in ") && find(p, n, " are going to be killed due to memory.oom.group"))
			return LK_MEMCG;
		break;
	case '/':
		/* "Task in " cut off the head of the v1 line: the paths remain */
		if (find(p, n, " killed as a result of limit of /"))
			return LK_MEMCG;
		break;
	case 'm':
		if (STARTS(p, n, "memory: usage ") || STARTS(p, n, "memory+swap: usage "))
			return LK_MEMCG;
		break;
	case 'k':
		if (STARTS(p, n, "kmem: usage "))
			return LK_MEMCG;
		break;
	case 's':
		if (STARTS(p, n, "swap: usage "))
			return LK_MEMCG;
		break;
	case 'F':
		if (STARTS(p, n, "Free swap") || STARTS(p, n, "Free pages:"))
			return LK_TOTALS;
		break;
	case 'S':
		if (STARTS(p, n, "Swap cache stats:") || STARTS(p, n, "Swap cache: add "))
			return LK_TOTALS;
		if (STARTS(p, n, "SLUB: Unable to allocate memory") || STARTS(p, n, "SLAB: Unable to allocate memory"))
			return LK_SIDE;
		break;
	case 'C':
		if (STARTS(p, n, "Call Trace:") || STARTS(p, n, "Call trace:"))
			return LK_STACK;
		if (STARTS(p, n, "CPU: ") && is_digit(p[5]) && find(p, n, " PID: "))
			return LK_HEADER;
		if (STARTS(p, n, "CPU ") && find(p, n, "hi:") && find(p, n, "btch:"))
			return LK_PERCPU;
		break;
	case 'P':
		if (STARTS(p, n, "Pid: ") && find(p, n, ", comm: "))
			return LK_HEADER;
		break;
	case 'H':
		if (STARTS(p, n, "Hardware name: "))
			return LK_HEADER;
		break;
	case 'l':
		if (STARTS(p, n, "lowmem_reserve[]:"))
			return LK_ZONE;
		break;
	case 'c':
		/* the oom-kill line condensed by hand without its label (parse.c
		 * constraint_line, R3492) */
		if (STARTS(p, n, "constraint=CONSTRAINT_"))
			return LK_CONSTRAINT;
		if (STARTS(p, n, "cache: ") && find(p, n, ", object size: "))
			return LK_SIDE;
		/* 2.6.9-2.6.18 show_free_areas: "cpu 0 hot: low 0, high 186, batch 31 used:30" */
		if (STARTS(p, n, "cpu ") && (find(p, n, " hot: ") || find(p, n, " cold: ")))
			return LK_PERCPU;
		break;
	case 'n':
		if (STARTS(p, n, "node ") && find(p, n, ": slabs: "))
			return LK_SIDE;
		/* the rest of a trigger line whose head is cut (4.x-5.x
		 * "…gfp_mask=0x…(…), nodemask=(null), order=0,
		 * oom_score_adj=999", R1852): the header's, before its cpuset
		 * and dump_stack lines */
		if (STARTS(p, n, "nodemask=") && find(p, n, "order=") && find(p, n, "oom_score_adj="))
			return LK_HEADER;
		break;
	}
	if (is_digit(p[0])) {
		size_t d = digits(p, n);
		if (STARTS(p + d, n - d, " pages ") || STARTS(p + d, n - d, " total pagecache pages"))
			return LK_TOTALS;
	}
	/* lines with the marker inside: comm or message first */
	if (((q = find(p, n, " invoked oom-killer: ")) && !line_kind_invoked_prose(q + 20, n - (size_t)(q + 20 - p))) ||
	    find(p, n, ": page allocation failure") || line_kind_stall_text(p, n, NULL) ||
	    STARTS(p, n, "page allocation failure: order:"))     /* its "comm: " cut (R576) */
		return LK_TRIGGER;
	long long g24;
	if (line_kind_warn_alloc_text(p, n) || (*p == 'W' && line_kind_max_order_warn(p, n) == p) ||
	    line_kind_nommu_failure(p, n) >= 0 || (*p == '_' && line_kind_alloc24_failure(p, n, &g24) >= 0))
		return LK_TRIGGER;
	/* retyped by hand, "-killer" dropped: "main invoked oom: gfp_mask=…" (parse.c trigger_line) */
	if ((q = find(p, n, " invoked oom: gfp_mask=")) && q > p && q - p <= 15)
		return LK_TRIGGER;
	/* "java invoked oom-killer" trimmed of its request (parse.c bare_trigger) */
	if (line_kind_bare_trigger(p, n))
		return LK_TRIGGER;
	if ((q = find(p, n, "Killed process ")) && q - p >= 1 &&
	    (q[-1] == ':' || (q - p >= 2 && q[-2] == ':' && q[-1] == ' ') || line_kind_quoted_kill(p, q, p + n)))
		return LK_KILL;
	/* re-worded by a translator, the kill line's shape kept ("Out of
	 * memory: Process stopped 2953 (python) total-vm:…", parse.c
	 * translated_kill) */
	if ((STARTS(p, n, "Out of memory: ") || STARTS(p, n, "Memory cgroup out of memory: ")) &&
	    find(p, n, ") total-vm:"))
		return LK_KILL;
	/* OpenVZ / Virtuozzo 2.6.32 beancounters (kernel/bc/oom_kill.c):
	 * "%d (%s) invoked oom-killer in ub %d generation %d gfp 0x%x",
	 * "Out of memory in UB %u: OOM killed process %d (%s) score %d vm:…" */
	if (find(p, n, " invoked oom-killer in ub "))
		return LK_TRIGGER;
	if (STARTS(p, n, "Out of memory in ") && find(p, n, ": OOM killed process "))
		return LK_KILL;
	if (find(p, n, ": Kill process ") || find(p, n, ": kill process "))
		return LK_SELECTION;
	if (find(p, n, "Out of memory and no killable processes") ||
	    ((q = find(p, n, ": OOM victim ")) && find(q, n - (size_t)(q - p), "is already exiting")) ||
	    line_kind_panic_on_oom(p, n))
		return LK_FINAL;
	if (find(p, n, "System is deadlocked on memory"))
		return LK_DEADLOCK;
	/* drivers/tty/sysrq.c: the key's action message, and moom_callback's
	 * "OOM request ignored because killer is disabled" (≤4.12) / "OOM
	 * request ignored. No task eligible" (4.13+) */
	if ((q = find(p, n, "Manual OOM execution")) && (q == p || find(p, (size_t)(q - p), "SysRq") ||
							  find(p, (size_t)(q - p), "sysrq")))
		return LK_SYSRQ;
	if (STARTS(p, n, "OOM request ignored") || (STARTS(p, n, "sysrq: ") && find(p, n, ": OOM request ignored")))
		return LK_SYSRQ;
	if (find(p, n, " cpuset=") && find(p, n, " mems_allowed="))
		return LK_HEADER;
	if ((q = find(p, n, "nable to allocate ")) && q > p && (q[-1] == 'u' || q[-1] == 'U')) {
		size_t off = (size_t)(q - p) + 18, d = digits(p + off, n - off);
		if (d && STARTS(p + off + d, n - off - d, " bytes"))
			return LK_SIDE;
	}
	enum line_kind k = classify_mem(p, n);
	if (k != LK_NONE)
		return k;
	if (memcg_stat_pair(p, n))
		return LK_MEMCG;
	if (oom_frame(p, n))
		return LK_FRAME;
	if ((STARTS(p, n, "Active:") || find(p, n, "_anon:") || find(p, n, "_file:") || STARTS(p, n, "free:")) &&
	    summary_tokens(p, n))
		return LK_SUMMARY;
	/* 2.6's one summary line ("Active:N inactive:N dirty:N writeback:N
	 * unstable:N free:N slab:N mapped:N pagetables:N", mm/page_alloc.c
	 * show_free_areas) cut at the head of a paste: its rest from a later
	 * key (R5452: " unstable:0 free:8799 slab:223005 …") */
	if ((STARTS(p, n, "inactive:") || STARTS(p, n, "dirty:") || STARTS(p, n, "writeback:") ||
	     STARTS(p, n, "unstable:")) && find(p, n, " free:") && find(p, n, " slab:") && summary_tokens(p, n))
		return LK_SUMMARY;
	return LK_NONE;
}

/* The page allocator's refusal of an impossible order (mm/page_alloc.c):
 *   2.6.x–4.19  __alloc_pages_slowpath, its first statement:
 *               if (order >= MAX_ORDER) { WARN_ON_ONCE(!(gfp_mask & __GFP_NOWARN)); return NULL; }
 *   4.20–5.12   the same in __alloc_pages_nodemask (moved to the hot path,
 *               "mm, page_alloc: check for max order in hot path", 2018)
 *   5.13+       __alloc_pages; 6.10+ __alloc_pages_noprof (6.4+:
 *               WARN_ON_ONCE_GFP(order > MAX_PAGE_ORDER, gfp)); 6.15+
 *               __alloc_frozen_pages_noprof
 * Its WARNING line is the whole report: the request returns NULL before
 * warn_alloc, so no failure line, no show_mem follow ("WARNING: CPU: 3 PID:
 * 19257 at mm/page_alloc.c:4724 __alloc_pages_nodemask+0x1ee/0x320";
 * 2.6.26–3.9 "WARNING: at mm/page_alloc.c:2104 …+0x6f/0x724()").  Those
 * functions warn of nothing else; the slowpath does (__GFP_NOFAIL misuse,
 * deep in its body, 4.x), so there the offset must lie in the function's
 * first eighth, where the order check stood.  Returns the "WARNING", or
 * NULL. */
/* Lower-case hex digits at *q (at most 12: a symbol's offset or size):
 * their value in *v, *q past them; false when there are none. */
static bool hex_digits(const char **q, const char *e, unsigned long long *v)
{
	const char *p = *q;
	unsigned long long x = 0;
	int nd = 0;
	for (; p < e && nd < 12 && ((*p >= '0' && *p <= '9') || (*p >= 'a' && *p <= 'f')); p++, nd++)
		x = x * 16 + (unsigned)(*p <= '9' ? *p - '0' : *p - 'a' + 10);
	*q = p;
	*v = x;
	return nd > 0;
}

const char *line_kind_max_order_warn(const char *p, size_t n)
{
	static const char at[] = " at mm/page_alloc.c:";
	const char *w = find(p, n, "WARNING:");
	if (!w)
		return NULL;
	size_t wn = n - (size_t)(w - p);
	const char *a = find(w, wn, at);
	if (!a || a - w > 48)
		return NULL;
	const char *q = a + sizeof(at) - 1, *e = p + n;
	size_t d = digits(q, (size_t)(e - q));
	if (d == 0 || q + d >= e || q[d] != ' ')
		return NULL;
	q += d + 1;
	static const char *const fns[] = { "__alloc_pages_nodemask+", "__alloc_pages+", "__alloc_pages_noprof+",
					   "__alloc_frozen_pages_noprof+" };
	for (size_t i = 0; i < ARRAY_SIZE(fns); i++) {
		size_t l = strlen(fns[i]);
		if ((size_t)(e - q) >= l && memcmp(q, fns[i], l) == 0)
			return w;
	}
	static const char slow[] = "__alloc_pages_slowpath+0x";
	if ((size_t)(e - q) < sizeof(slow) - 1 || memcmp(q, slow, sizeof(slow) - 1) != 0)
		return NULL;
	q += sizeof(slow) - 1;
	unsigned long long off, size;
	if (!hex_digits(&q, e, &off) || e - q < 4 || memcmp(q, "/0x", 3) != 0)
		return NULL;
	q += 3;
	if (!hex_digits(&q, e, &size) || size == 0 || off * 8 > size)
		return NULL;
	return w;
}

/* 3.x-4.11 warn_alloc_failed(gfp, order, fmt, …) prints the caller's text
 * on a line of its own just before "%s: page allocation failure: order:%d,
 * mode:0x%x" (mm/page_alloc.c, 3.1-4.11); vmalloc's (mm/vmalloc.c
 * __vmalloc_node_range) is "vmalloc: allocation failure: %lu bytes".  4.12+
 * warn_alloc puts it on the header line itself (line_kind_warn_alloc_text).
 * The line opens no report: it belongs to the failure after it (parse.c). */
long long line_kind_vmalloc_pre(const char *text, size_t len)
{
	static const char lit[] = "vmalloc: allocation failure: ";
	const char *q = find(text, len, lit);
	if (!q)
		return -1;
	q += sizeof(lit) - 1;
	size_t n = len - (size_t)(q - text), d = digits(q, n);
	if (d == 0 || d > 18 || n - d != 6 || memcmp(q + d, " bytes", 6) != 0)
		return -1;
	return dec_value(q, d);
}

bool line_kind_has_marker_text(const char *text, size_t len)
{
	for (size_t k = 1; k < LK_COUNT; k++) {
		if (!(line_kinds[k].flags & LKF_MARKER))
			continue;
		for (size_t i = 0; i < ARRAY_SIZE(line_kinds[k].markers) && line_kinds[k].markers[i]; i++)
			if (find(text, len, line_kinds[k].markers[i]))
				return true;
	}
	long long g24;
	return line_kind_warn_alloc_text(text, len) != NULL || line_kind_vmalloc_pre(text, len) >= 0 ||
	       line_kind_max_order_warn(text, len) != NULL || line_kind_slab_failure(text, len) ||
	       line_kind_alloc24_failure(text, len, &g24) >= 0 || line_kind_cma_failure(text, len, NULL, NULL, NULL) >= 0;
}

bool line_kind_hung_task(const char *p, size_t n)
{
	while (n && (*p == ' ' || *p == '\t'))
		p++, n--;
	return STARTS(p, n, "INFO: task ") && find(p, n, " blocked for more than ") != NULL;
}

bool line_kind_show_task(const char *p, size_t n)
{
	while (n && (*p == ' ' || *p == '\t'))
		p++, n--;
	while (n && (p[n - 1] == ' ' || p[n - 1] == '\t'))
		n--;
	if (STARTS(p, n, "task:"))
		return find(p, n, " state:") && find(p, n, " pid:") && find(p, n, " flags:0x");
	/* ≤5.8: ends in " 0x%08lx" flags, the 15-wide comm and a state
	 * letter first */
	if (n < 30 || p[n - 11] != ' ' || p[n - 10] != '0' || p[n - 9] != 'x')
		return false;
	for (size_t i = n - 8; i < n; i++)
		if (!((p[i] >= '0' && p[i] <= '9') || (p[i] >= 'a' && p[i] <= 'f')))
			return false;
	if (n < 18 || p[15] != ' ' || !strchr("RSDTtXZPIKWNx", p[16]) || p[17] != ' ')
		return false;
	const char *r = p + 18;
	size_t rn = n - 18;
	while (rn && *r == ' ')
		r++, rn--;
	if (STARTS(r, rn, "running task "))
		return true;
	/* the saved pc (16 or 8 hex digits) in place of "running task" */
	size_t h = 0;
	while (h < rn && ((r[h] >= '0' && r[h] <= '9') || (r[h] >= 'a' && r[h] <= 'f')))
		h++;
	return (h == 16 || h == 8) && h < rn && r[h] == ' ';
}

bool line_kind_quoted_kill(const char *p, const char *k, const char *e)
{
	const char *q = k;
	while (q > p && (q[-1] == '"' || q[-1] == '\'' || q[-1] == '`' || q[-1] == '*'))
		q--;
	if (q == k || (q > p && q[-1] != ' '))
		return false;
	const char *d = k + 15;
	size_t digits = 0;
	while (d < e && *d >= '0' && *d <= '9')
		d++, digits++;
	if (!digits || e - d < 3 || d[0] != ' ' || d[1] != '(')
		return false;
	return find(d, (size_t)(e - d), ") total-vm:") != NULL;
}

/* What follows "X invoked oom-killer: " in the kernel's line is its request
 * ("gfp_mask=…", any era, mm/oom_kill.c dump_header), or nothing where a
 * mailer wrapped it.  Anything else is prose quoting the words (a blog's
 * "kswapd0 invoked oom-killer: 由谁触发的 OOM Killer," between two
 * fences of one report, R447): no report starts there. */
bool line_kind_invoked_prose(const char *r, size_t n)
{
	while (n && (*r == ' ' || *r == '\t'))
		r++, n--;
	while (n && (r[n - 1] == ' ' || r[n - 1] == '\t' || r[n - 1] == '\r'))
		n--;
	/* the request elided by hand ("kswapd0 invoked oom-killer: ...
	 * global_oom", R3972): a condensed trigger (line_kind_bare_trigger) */
	if (STARTS(r, n, "...") || STARTS(r, n, "\xe2\x80\xa6"))
		return false;
	return n > 0 && !find(r, n, "gfp") && !find(r, n, "order");
}

/* "java invoked oom-killer" trimmed of its request by hand: alone (with a
 * ':' or '.'), or its request elided with a mark ("bun invoked oom-killer
 * ... global_oom", "… invoked oom-killer …", R3491), or a field kept after
 * blanks ("… invoked oom-killer   global_oom", R3490): the comm before it is
 * at most 15 bytes (TASK_COMM_LEN).  The " invoked oom-killer" found, or NULL. */
const char *line_kind_bare_trigger(const char *p, size_t n)
{
	const char *q = find(p, n, " invoked oom-killer");
	if (!q || q == p || q - p > 15)
		return NULL;
	const char *r = q + 19, *e = p + n;
	if (r < e && (*r == ':' || *r == '.'))
		r++;
	if (r == e)
		return q;
	/* after blanks: an elision mark, or a field of the report kept
	 * ("dockerd invoked oom-killer   global_oom", R3490) */
	const char *f = r;
	while (f < e && (*f == ' ' || *f == '\t'))
		f++;
	if (f == r)
		return NULL;
	static const char *const kept[] = { "...", "\xe2\x80\xa6", "global_oom", "constraint=", "gfp_mask=", "order=",
					    "oom_score_adj=", NULL };
	for (int i = 0; kept[i]; i++) {
		size_t kl = strlen(kept[i]);
		if ((size_t)(e - f) >= kl && !memcmp(f, kept[i], kl))
			return q;
	}
	return NULL;
}

bool line_kind_is_trigger_text(const char *p, size_t n)
{
	const char *q = find(p, n, " invoked oom-killer: ");
	if (q && line_kind_invoked_prose(q + 20, n - (size_t)(q + 20 - p)))
		return false;
	return find(p, n, " invoked oom-killer") || find(p, n, "oom-killer: gfp_mask=") ||
	       find(p, n, ": page allocation failure") || find(p, n, ": page allocation stalls") ||
	       STARTS(p, n, "page allocation failure: order:") || line_kind_stall_text(p, n, NULL) ||
	       line_kind_warn_alloc_text(p, n) ||
	       line_kind_max_order_warn(p, n) || line_kind_nommu_failure(p, n) >= 0 ||
	       line_kind_alloc24_failure(p, n, &(long long){ 0 }) >= 0;
}

/* mm/nommu.c do_mmap_private (2.6–6.x, kernels without an MMU): "Allocation
 * of length %lu from process %d (%s) failed", then show_free_areas — an
 * allocation failure's report, printed without warn_alloc's line (R2256).
 * Returns the length, or -1. */
/* "<lit>N<tail>" anywhere in [p, p+n), N of 1 to maxd digits: N, with
 * *after past the tail; or -1. */
static long long number_between(const char *p, size_t n, const char *lit, size_t maxd, const char *tail,
				const char **after)
{
	size_t ll = strlen(lit), tl = strlen(tail);
	const char *q = find(p, n, lit);
	if (!q)
		return -1;
	q += ll;
	const char *e = p + n;
	size_t d = digits(q, (size_t)(e - q));
	if (d == 0 || d > maxd || (size_t)(e - q - d) < tl || memcmp(q + d, tail, tl) != 0)
		return -1;
	*after = q + d + tl;
	return dec_value(q, d);
}

long long line_kind_nommu_failure(const char *p, size_t n)
{
	const char *r, *e = p + n;
	long long len = number_between(p, n, "Allocation of length ", 15, " from process ", &r);
	if (len < 0)
		return -1;
	size_t d2 = digits(r, (size_t)(e - r));
	if (d2 == 0 || !STARTS(r + d2, (size_t)(e - r - d2), " (") || !find(r, (size_t)(e - r), ") failed"))
		return -1;
	return len;
}

/* Linux 2.4 __alloc_pages (mm/page_alloc.c), when no zone could give the
 * block: "__alloc_pages: %lu-order allocation failed.\n" (2.4.0–2.4.9),
 * "… failed (gfp=0x%x/%i)\n" with PF_MEMALLOC after the slash (2.4.10+,
 * some trees with a final '.' or " from %p").  The whole report of an
 * allocation failure: no show_mem, no trace.  Returns the order, or -1. */
int line_kind_alloc24_failure(const char *p, size_t n, long long *gfp)
{
	*gfp = -1;
	const char *r, *e = p + n;
	long long order = number_between(p, n, "__alloc_pages: ", 2, "-order allocation failed", &r);
	if (order < 0)
		return -1;
	if (STARTS(r, (size_t)(e - r), " (gfp=0x")) {
		r += 8;
		const char *h = r;
		unsigned long long v;
		if (hex_digits(&r, e, &v) && r - h <= 8 && r < e && *r == '/')
			*gfp = (long long)v;
	}
	return (int)order;
}

/* mm/slub.c / mm/slab.c slab_out_of_memory's first line ("SLUB: Unable to
 * allocate memory on node -1, gfp=0xa20(GFP_ATOMIC)"), anywhere in the
 * text (a transport prefix before it).  Next to a page allocation failure
 * it is that report's side message; alone (a memcg kmem charge that
 * failed, R1765; a request with __GFP_NOWARN only on its first, larger
 * try) it is the report (parse.c). */
bool line_kind_slab_failure(const char *p, size_t n)
{
	const char *q = find(p, n, "Unable to allocate memory on node ");
	return q && q - p >= 6 && (memcmp(q - 6, "SLUB: ", 6) == 0 || memcmp(q - 6, "SLAB: ", 6) == 0);
}

/* mm/cma.c cma_alloc, when no range of the area could be had (4.10+:
 * "%s: alloc failed, req-size: %zu pages, ret: %d" with __func__; 5.x+
 * "%s: %s: alloc failed, …" with the area's name, pr_err_ratelimited
 * since 5.15), after pr_fmt's "cma: ".  A device's contiguous buffer (a
 * camera's, a GPU's, DMA for a NIC) that the CMA area could not give:
 * alone in a text, the report (parse.c); beside one, the same shortage's. */
long long line_kind_cma_failure(const char *p, size_t n, long long *ret, const char **name, size_t *name_len)
{
	const char *e = p + n;
	const char *q = find(p, n, "alloc failed, req-size: ");
	if (!q)
		return -1;
	const char *f = find(p, (size_t)(q - p), "cma_alloc: ");
	if (!f)
		return -1;
	const char *nm = f + 11;
	/* "cma_alloc: NAME: alloc failed": the name ends in ": " right before */
	size_t nl = q > nm + 2 && q[-2] == ':' && q[-1] == ' ' ? (size_t)(q - 2 - nm) : 0;
	if (q != nm && nl == 0)
		return -1;
	const char *r = q + 24;
	size_t d = digits(r, (size_t)(e - r));
	if (d == 0 || d > 12 || !STARTS(r + d, (size_t)(e - r - d), " pages, ret: "))
		return -1;
	long long pages = dec_value(r, d);
	const char *t = r + d + 13;
	bool neg = t < e && *t == '-';
	size_t d2 = digits(t + neg, (size_t)(e - t - neg));
	if (d2 == 0 || d2 > 6)
		return -1;
	if (ret)
		*ret = neg ? -dec_value(t + 1, d2) : dec_value(t, d2);
	if (name)
		*name = nm;
	if (name_len)
		*name_len = nl;
	return pages;
}

/* warn_alloc with a caller's own text (mm/page_alloc.c warn_alloc, 4.12+:
 * "%s: %pV, mode:%#x(%pGg), nodemask=%*pbl"): "kworker/0:1: vmemmap alloc
 * failure: order:9, mode:0x4cc0(GFP_KERNEL|__GFP_RETRY_MAYFAIL), nodemask=
 * (null),…" (mm/sparse-vmemmap.c), "vmalloc: allocation failure: 0 bytes,
 * mode:0xdc0(…), nodemask=…" (mm/vmalloc.c).  Returns the ": " that ends the
 * comm, NULL when the line is not of that shape. */
const char *line_kind_stall_text(const char *p, size_t n, size_t *mark_len)
{
	/* one search for the words both spellings share, the rest compared
	 * before it: line_kind_of asks this of every line */
	const char *q = find(p, n, " stalls for ");
	if (!q)
		return NULL;
	static const struct { const char *s; size_t n; } heads[] = {
		{ "page allocation", 15 },
		{ "page alloction", 14 },   /* 4.9 */
	};
	for (size_t i = 0; i < sizeof(heads) / sizeof(heads[0]); i++) {
		size_t h = heads[i].n;
		if ((size_t)(q - p) < h || memcmp(q - h, heads[i].s, h) != 0)
			continue;
		const char *m = q - h;
		/* at the line's start (its comm cut too, R2841) or after "comm: " */
		if (m != p && (m - p < 2 || m[-2] != ':' || m[-1] != ' '))
			return NULL;
		if (mark_len)
			*mark_len = h + 12;
		return m;
	}
	return NULL;
}

const char *line_kind_warn_alloc_text(const char *p, size_t n)
{
	const char *m = find(p, n, ", mode:0x");
	if (!m || !find(m, n - (size_t)(m - p), "), nodemask=")) {
		/* the mode and nodemask cut off (a quote trimmed after the
		 * words, R4488): vmalloc's own texts name the failure alone
		 * ("vmalloc error: size %lu, exceeds total pages", 5.13+;
		 * "vmalloc: allocation failure: %lu bytes", 4.12+) */
		const char *v = find(p, n, ": vmalloc error: size ");
		if (!v)
			v = find(p, n, ": vmalloc: allocation failure");
		if (!v || v == p || v - p > 64 || find(p, (size_t)(v - p), ": "))
			return NULL;
		return v;
	}
	const char *q = find(p, (size_t)(m - p), ": ");
	if (!q || q == p || q - p > 64)
		return NULL;
	return q;
}

bool line_kind_panic_on_oom(const char *p, size_t n)
{
	if (find(p, n, "panic_on_oom is"))
		return true;
	/* cut at the word: only the panic's own line ("Kernel panic - not
	 * syncing: Out of memory: system-wide panic_on_oom"), its mode word
	 * right before */
	while (n && (p[n - 1] == ' ' || p[n - 1] == '\t'))
		n--;
	const char *q = find(p, n, "not syncing: Out of memory: ");
	return q && n >= 12 && memcmp(p + n - 12, "panic_on_oom", 12) == 0 &&
	       (find(q, n - (size_t)(q - p), "system-wide panic_on_oom") ||
		find(q, n - (size_t)(q - p), "compulsory panic_on_oom"));
}
