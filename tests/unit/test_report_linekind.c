/* test_report_linekind.c — the one table of report line kinds (report/linekind.c):
 * every sample is classified as its kind; every marker kind passes the
 * scanner's idle prefilter; and the contract — every kind the parser knows
 * can open or continue a report from the scanner's side, whatever lies
 * before it.  Also the reassembly of cut reports through the back-fill
 * window (issue 8 §2). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "events.h"
#include "model/event.h"
#include "report/linekind.h"
#include "report/report.h"

/* n lines of another program's chatter, as a busy log has between reports */
static char *noise(char *p, int n)
{
	for (int i = 0; i < n; i++)
		p += sprintf(p, "Sep 23 02:04:%02d host sshd[12%03d]: Accepted publickey for user%d from 10.0.0.%d\n",
			     i % 60, i, i, i % 250);
	return p;
}

TEST(test_samples_classify_as_their_kind)
{
	for (int k = 1; k < LK_COUNT; k++) {
		const struct line_kind_info *i = &line_kinds[k];
		CHECK_INT(i->kind, k);
		CHECK(i->name != NULL);
		CHECK(i->sample != NULL);
		if (!i->sample)
			continue;
		enum line_kind got = line_kind_of(i->sample, strlen(i->sample));
		if (got != (enum line_kind)k)
			printf("  kind %s: sample classified as %s\n", i->name, line_kinds[got].name);
		CHECK_INT(got, k);
		/* indentation does not change the kind */
		char buf[512];
		snprintf(buf, sizeof(buf), "  %s  ", i->sample);
		CHECK_INT(line_kind_of(buf, strlen(buf)), k);
	}
}

TEST(test_more_lines_of_each_kind)
{
	static const struct { const char *text; enum line_kind kind; } cases[] = {
		{ "oom-killer: gfp_mask=0xd0, order=0", LK_TRIGGER },
		{ "mem_on_node0 invoked oom-killer", LK_TRIGGER },
		{ "page allocation failure: order:0, mode:0x800(GFP_NOWAIT)", LK_TRIGGER },   /* comm cut (R576) */
		{ "SysRq : Manual OOM execution", LK_SYSRQ },
		{ "VM: killing process memtest", LK_KILL },
		/* a kill line a reader quoted inside prose (R5054); a mention
		 * without the kernel's whole shape is prose */
		{ "there is a line \"**Killed process 856 (apt-get) total-vm:40820kB, anon-rss:32708kB, file-rss:736kB**\", does it mean", LK_KILL },
		{ "see `Killed process 1 (x) total-vm:1kB, anon-rss:1kB`", LK_KILL },
		{ "the kernel Killed process 856 (apt-get) and nothing else", LK_NONE },
		{ "it said \"Killed process 856\" twice", LK_NONE },
		{ "x\"Killed process 856 (apt-get) total-vm:1kB", LK_NONE },
		/* OpenVZ beancounters (kernel/bc/oom_kill.c, 2.6.32) */
		{ "190708 (httpd.itk) invoked oom-killer in ub 103 generation 0 gfp 0x200d2", LK_TRIGGER },
		{ "Out of memory in UB 191: OOM killed process 27293 (html2text) score 0 vm:3075332kB, rss:1818104kB, swap:993020kB", LK_KILL },
		{ "/docker/8fce killed as a result of limit of /docker/8fce", LK_MEMCG },
		{ "oom_kill_process from out_of_memory+0x218/0x34c", LK_FRAME },
		{ "[<ffffffffab18a4f0>] warn_alloc+0x140/0x160", LK_FRAME },
		{ "[<ffffffffab18a4f0>] do_page_fault+0x140/0x160", LK_NONE },
		{ "out_of_memory is what we saw", LK_NONE },
		/* 2.6's summary line cut at the head of a paste (R5452) */
		{ "unstable:0 free:8799 slab:223005 mapped:19246 pagetables:850", LK_SUMMARY },
		{ "writeback:201057 unstable:0 free:211179 slab:17101 mapped:49222 pagetables:500", LK_SUMMARY },
		{ "unstable:0 is what we saw", LK_NONE },
		/* check_panic_on_oom's panic, whole or cut right after its word (R5295) */
		{ "Kernel panic - not syncing: Out of memory: system-wide panic_on_oom is enabled", LK_FINAL },
		{ "Kernel panic - not syncing: Out of memory: system-wide panic_on_oom", LK_FINAL },
		{ "Kernel panic - not syncing: Out of memory: compulsory panic_on_oom  ", LK_FINAL },
		{ "we set panic_on_oom", LK_NONE },
		{ "sysrq: Manual OOM execution", LK_SYSRQ },
		{ "sysrq: OOM request ignored because killer is disabled", LK_SYSRQ },
		{ "OOM request ignored. No task eligible", LK_SYSRQ },
		{ "the docs list Manual OOM execution as key f", LK_NONE },
		{ "a process in our cluster invoked oom-killer", LK_NONE },
		{ "oom-kill: constraint=CONSTRAINT_MEMORY_POLICY, nodemask=7, task=x", LK_CONSTRAINT },
		{ "kworker/u8:2: page allocation failure: order:4, mode:0x40c0(GFP_KERNEL|__GFP_COMP), nodemask=(null)", LK_TRIGGER },
		{ "swapper/0: page allocation failure. order:1, mode:0x20", LK_TRIGGER },
		{ "Pid: 2345, comm: java Not tainted 2.6.32-431.el6.x86_64 #1", LK_HEADER },
		{ "java cpuset=/ mems_allowed=0", LK_HEADER },
		{ "Call trace:", LK_STACK },
		{ "Mem-info:", LK_MEMINFO },
		{ "Active:1234 inactive:5678 dirty:0 writeback:0 unstable:0", LK_SUMMARY },
		{ " active_file:123 inactive_file:456 isolated_file:0", LK_SUMMARY },
		{ "DMA free:15908kB min:8kB low:8kB high:12kB active_anon:0kB", LK_ZONE },
		{ "Node 0 active_anon:7877368kB inactive_anon:4136kB active_file:0kB", LK_ZONE },
		{ "lowmem_reserve[]: 0 2991 7957 7957", LK_ZONE },
		{ "Node 0 hugepages_total=0 hugepages_free=0 hugepages_surp=0 hugepages_size=2048kB", LK_ZONE },
		{ "DMA per-cpu:", LK_PERCPU },
		{ "cpu 0 hot: low 0, high 186, batch 31 used:30", LK_PERCPU },
		{ "Normal: 22*4kB 15*8kB 3*16kB = 328kB", LK_BUDDY },
		{ "Node 0 DMA: empty", LK_BUDDY },
		{ "Free swap  = 0kB", LK_TOTALS },
		{ "262000 pages RAM", LK_TOTALS },
		{ "300582 total pagecache pages", LK_TOTALS },
		{ "Swap cache stats: add 0, delete 0, find 0/0", LK_TOTALS },
		{ "Task in /docker/abc killed as a result of limit of /docker/abc", LK_MEMCG },
		{ "memory+swap: usage 10240kB, limit 9007199254740988kB, failcnt 0", LK_MEMCG },
		{ "swap: usage 0kB, limit 0kB, failcnt 0", LK_MEMCG },
		{ "Memory cgroup stats for /test:", LK_MEMCG },
		{ "Tasks state (memory values in pages):", LK_TASK_HEADER },
		{ "[  pid  ]   uid  tgid total_vm      rss pgtables_bytes swapents oom_score_adj name", LK_TASK_HEADER },
		{ "Memory cgroup out of memory: Kill process 201 (hog) score 1000 or sacrifice child", LK_SELECTION },
		{ "Out of memory: Killed process 101 (app) total-vm:200000kB, anon-rss:4000kB", LK_KILL },
		{ "Out of memory:Killed process 7534 (bash)", LK_KILL },   /* retyped without the blank (R1813) */
		{ " nodemask=(null),  order=0, oom_score_adj=999", LK_HEADER },   /* a cut trigger line's rest (R1852) */
		/* a memcg's memory.stat dump, one counter a line (R1842, R1865) */
		{ "workingset_refault_file 68014397", LK_MEMCG },
		{ "                                                      pgscan 41", LK_MEMCG },
		{ "total_cache 1234", LK_MEMCG },
		{ "anon 49160192", LK_MEMCG },
		{ "anon 12 34", LK_NONE },
		{ "retries 3", LK_NONE },
		{ "pgscan", LK_NONE },
		{ "Called Killed process 5 (x)", LK_NONE },
		{ "Memory cgroup out of memory: OOM victim 101 (app) is already exiting. Skip killing the task", LK_FINAL },
		{ "Kernel panic - not syncing: Out of memory: system-wide panic_on_oom is enabled", LK_FINAL },
		{ "cache: kmalloc-4096, object size: 4096, buffer size: 4096, default order: 3, min order: 0", LK_SIDE },
		{ "node 0: slabs: 123, objs: 984, free: 0", LK_SIDE },
		{ "ixgbe 0000:03:00.0: unable to allocate 65536 bytes", LK_SIDE },
		{ "Sep 23 sshd[1]: Accepted publickey", LK_NONE },
		{ "Kill process 7 (x) sharing same memory", LK_NONE },
		{ "Killed processes: none", LK_NONE },
		{ "[ 1234.5678] x", LK_NONE },
		{ "", LK_NONE },
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		enum line_kind got = line_kind_of(cases[i].text, strlen(cases[i].text));
		if (got != cases[i].kind)
			printf("  \"%s\": %s, expected %s\n", cases[i].text, line_kinds[got].name,
			       line_kinds[cases[i].kind].name);
		CHECK_INT(got, cases[i].kind);
	}
}

TEST(test_marker_kinds_pass_the_prefilter)
{
	for (int k = 1; k < LK_COUNT; k++) {
		const struct line_kind_info *i = &line_kinds[k];
		if (!i->sample)
			continue;
		bool marker = report_has_marker(i->sample, strlen(i->sample));
		/* the slab's failure line (LK_SIDE) is a marker of its own: alone
		 * it is a report (parse.c slab_alone_line) */
		CHECK_INT(marker, (i->flags & LKF_MARKER) != 0 || line_kind_slab_failure(i->sample, strlen(i->sample)));
		/* every marker string of the table is found by the needle search
		 * (2.6.19–2.6.35 "kill process" only after "Out of memory: ") */
		for (int m = 0; m < 4 && i->markers[m]; m++) {
			char buf[128];
			snprintf(buf, sizeof(buf), "x %s y", i->markers[m]);
			if (strcmp(i->markers[m], "kill process") == 0)
				snprintf(buf, sizeof(buf), "Out of memory: %s", i->markers[m]);
			CHECK(report_has_marker(buf, strlen(buf)));
		}
	}
}

/* The contract: a log whose report begins at a line of kind K (head cut),
 * after a screenful of other programs' lines, keeps that line in the
 * event — for every kind that may open a report; and every marker kind
 * alone opens or joins one. */
TEST(test_every_opening_kind_opens_a_report_from_the_scanner)
{
	static char text[1 << 16];
	for (int k = 1; k < LK_COUNT; k++) {
		const struct line_kind_info *i = &line_kinds[k];
		if (!(i->flags & (LKF_OPENS | LKF_MARKER)) || k == LK_REAPER)
			continue;
		char *p = noise(text, 30);
		p += sprintf(p, "Sep 23 02:05:00 host kernel: %s\n", i->sample);
		if (k != LK_KILL && k != LK_FINAL)
			p += sprintf(p, "Sep 23 02:05:00 host kernel: %s\n", line_kinds[LK_KILL].sample);
		noise(p, 30);
		static struct got g;
		int n = got_read(text, &g);
		if (n != 1 || g.ev[0].first_line != 31)
			printf("  kind %s: %d events, first line %d\n", i->name, n,
			       n > 0 ? (int)g.ev[0].first_line : -1);
		CHECK_INT(n, 1);
		CHECK_INT(g.ev[0].first_line, 31);
		if (k != LK_FINAL)
			CHECK_INT(g.ev[0].victim.pid, 101);
		else
			CHECK_INT(g.ev[0].outcome, OOM_OUTCOME_NO_KILLABLE);
	}
}

/* …and every kind continues an open report (the trigger opened it). */
TEST(test_every_kind_continues_a_report)
{
	static char text[1 << 14];
	for (int k = 1; k < LK_COUNT; k++) {
		const struct line_kind_info *i = &line_kinds[k];
		if (!(i->flags & LKF_CONTINUES) || k == LK_TRIGGER || k == LK_KILL || k == LK_REAPER ||
		    k == LK_FINAL || k == LK_DEADLOCK)
			continue;
		char *p = text;
		p += sprintf(p, "%s\n", line_kinds[LK_TRIGGER].sample);
		if (k == LK_TASK_ROW)
			p += sprintf(p, "%s\n", line_kinds[LK_TASK_HEADER].sample);
		p += sprintf(p, "%s\n", i->sample);
		sprintf(p, "%s\n", line_kinds[LK_KILL].sample);
		static struct got g;
		int n = got_read(text, &g);
		CHECK_INT(n, 1);
		CHECK_INT(g.ev[0].first_line, 1);
		CHECK_INT(g.ev[0].last_line, k == LK_TASK_ROW ? 4 : 3);
		CHECK(!g.ev[0].header_missing);
	}
}

/* Issue 8 §1: the drift example. */
TEST(test_log_starting_at_memcg_usage_keeps_limit_and_tasks)
{
	static struct got g;
	int n = got_read("memory: usage 10240kB, limit 10240kB, failcnt 3\n"
			  "memory+swap: usage 10240kB, limit 9007199254740988kB, failcnt 0\n"
			  "kmem: usage 0kB, limit 9007199254740988kB, failcnt 0\n"
			  "Memory cgroup stats for /test: cache:0KB rss:10240KB rss_huge:0KB mapped_file:0KB swap:0KB\n"
			  "[ pid ]   uid  tgid total_vm      rss nr_ptes swapents oom_score_adj name\n"
			  "[  201]     0   201    50000     2560      40        0             0 hog\n"
			  "Memory cgroup out of memory: Kill process 201 (hog) score 1000 or sacrifice child\n"
			  "Killed process 201 (hog) total-vm:200000kB, anon-rss:10240kB, file-rss:0kB\n",
			  &g);
	CHECK_INT(n, 1);
	CHECK_INT(g.ev[0].kind, OOM_KIND_MEMCG);
	CHECK_INT(g.ev[0].snap.memcg.limit_kib, 10240);
	CHECK_INT(g.ev[0].snap.memcg.usage_kib, 10240);
	CHECK_INT(g.nr_tasks[0], 1);
	CHECK_INT(g.ev[0].first_line, 1);
	CHECK(g.ev[0].truncated);
	CHECK_INT(g.ev[0].victim.pid, 201);
}

/* Issue 8 §2: the synthetic cut-head example. */
TEST(test_cut_head_at_totals)
{
	static char text[1 << 14];
	char *p = noise(text, 50);
	sprintf(p, "Free swap  = 0kB\n"
		   "Total swap = 1048572kB\n"
		   "262000 pages RAM\n"
		   "[ pid ]   uid  tgid total_vm      rss nr_ptes swapents oom_score_adj name\n"
		   "[  101]     0   101    50000     1000      40     9000             0 app\n"
		   "Out of memory: Kill process 101 (app) score 900 or sacrifice child\n"
		   "Killed process 101 (app) total-vm:200000kB, anon-rss:4000kB, file-rss:0kB\n");
	static struct got g;
	int n = got_read(text, &g);
	CHECK_INT(n, 1);
	CHECK_INT(g.ev[0].snap.mem.swap_free_kib, 0);
	CHECK_INT(g.ev[0].snap.mem.swap_total_kib, 1048572);
	CHECK_INT(g.ev[0].snap.mem.ram_kib, 262000 * 4);
	CHECK_INT(g.nr_tasks[0], 1);
	CHECK_STR(g.ev[0].victim.comm, "app");
	CHECK_INT(g.ev[0].first_line, 51);
	CHECK_INT(g.ev[0].last_line, 57);
	CHECK(g.ev[0].truncated);
}

/* Cut at the task table, far into a big log: the window is kept across reads. */
TEST(test_cut_head_at_task_table_after_a_long_log)
{
	size_t cap = 8u << 20;
	char *text = malloc(cap);
	if (!text)
		abort();
	char *p = noise(text, 40000);   /* ~3.5 MiB: many read chunks */
	p += sprintf(p, "Tasks state (memory values in pages):\n"
			"[  pid  ]   uid  tgid total_vm      rss pgtables_bytes swapents oom_score_adj name\n");
	for (int i = 0; i < 150; i++)
		p += sprintf(p, "[%7d] %5d %5d %8d %8d %8d %8d %5d proc%d\n", 1000 + i, 0, 1000 + i, 50000, 1000 + i,
			     40960, 0, 0, i);
	p += sprintf(p, "oom-kill:constraint=CONSTRAINT_NONE,nodemask=(null),cpuset=/,mems_allowed=0,global_oom,"
			"task_memcg=/,task=proc149,pid=1149,uid=0\n"
			"Out of memory: Killed process 1149 (proc149) total-vm:200000kB, anon-rss:4000kB, "
			"file-rss:0kB, shmem-rss:0kB, UID:0 pgtables:40kB oom_score_adj:0\n");
	noise(p, 100);
	static struct got g;
	memset(&g, 0, sizeof(g));
	int n = report_read_mem(text, strlen(text), "t", collect, NULL, &g);
	CHECK_INT(n, 1);
	CHECK_INT(g.nr_tasks[0], 150);
	CHECK_INT(g.ev[0].first_line, 40001);
	CHECK_INT(g.ev[0].victim.pid, 1149);
	CHECK_STR(g.ev[0].constraint, "CONSTRAINT_NONE");
	free(text);
}

/* Cut at the Mem-Info summary and at a zone line; the kill line with no header. */
TEST(test_cut_head_at_summary_and_zone)
{
	static struct got g;
	int n = got_read("random line\n"
			  "active_anon:1969342 inactive_anon:1034 isolated_anon:0\n"
			  " active_file:30 inactive_file:18 isolated_file:0\n"
			  "Node 0 Normal free:44796kB min:45016kB low:56268kB high:67520kB managed:3917124kB\n"
			  "Node 0 Normal: 1064*4kB (UME) 513*8kB (UME) = 8360kB\n"
			  "Out of memory: Killed process 101 (app) total-vm:200000kB, anon-rss:4000kB, file-rss:0kB, shmem-rss:0kB\n",
			  &g);
	CHECK_INT(n, 1);
	CHECK_INT(g.ev[0].first_line, 2);
	CHECK(g.ev[0].have_meminfo);
	CHECK_INT(g.ev[0].snap.nr_zones, 1);
	CHECK_INT(g.ev[0].snap.mem.active_anon_kib, 1969342LL * 4);
	n = got_read("Node 0 DMA32: 10*4kB (U) 2*8kB (U) = 56kB\n"
		      "Out of memory: Killed process 101 (app) total-vm:200000kB, anon-rss:4000kB, file-rss:0kB, shmem-rss:0kB\n",
		      &g);
	CHECK_INT(n, 1);
	CHECK_INT(g.ev[0].first_line, 1);
	CHECK_INT(g.ev[0].snap.nr_zones, 1);
}

/* A complete report right after body-looking lines of nothing: no event of
 * its own for them, and the report is whole. */
TEST(test_backfill_does_not_split_a_complete_report)
{
	static struct got g;
	int n = got_read("262000 pages RAM\n"
			  "junk\n"
			  "java invoked oom-killer: gfp_mask=0x14200ca(GFP_HIGHUSER_MOVABLE), nodemask=(null), order=0, oom_score_adj=0\n"
			  "Mem-Info:\n"
			  "Free swap  = 0kB\n"
			  "Total swap = 0kB\n"
			  "Out of memory: Killed process 101 (app) total-vm:200000kB, anon-rss:4000kB, file-rss:0kB, shmem-rss:0kB\n",
			  &g);
	CHECK_INT(n, 1);
	CHECK_INT(g.ev[0].first_line, 3);
	CHECK(!g.ev[0].header_missing);
	CHECK_STR(g.ev[0].req.trigger_comm, "java");
}

TEST(test_read_mem_and_open_mem)
{
	static struct got g;
	CHECK_INT(got_read("", &g), 0);
	CHECK_INT(got_read("no report here\n", &g), 0);
	static const char gz[] = "\x1f\x8b\x08\x00\x00\x00\x00\x00";
	struct report_scanner *s = NULL;
	CHECK_INT(report_scanner_open_mem(&s, gz, 8, "gz"), -ENOTSUP);
	CHECK_INT(report_scanner_open_mem(&s, NULL, 3, "x"), -EINVAL);
	const char *t = "a\n[ 1.0] Out of memory: Killed process 5 (x) total-vm:1kB, anon-rss:1kB, file-rss:0kB\n[ 2.0] b";
	CHECK_INT(report_scanner_open_mem(&s, t, strlen(t), "m"), 0);
	struct report_line l;
	int rc = report_scanner_next(s, true, &l);
	CHECK_INT(rc, 1);
	CHECK(l.len == 1 && l.text[0] == 'a');
	rc = report_scanner_next(s, true, &l);
	CHECK_INT(rc, 1);
	CHECK_INT(l.lineno, 2);
	CHECK(l.time && l.time_len == 3);
	rc = report_scanner_next(s, true, &l);
	CHECK_INT(rc, 1);
	CHECK_INT(report_scanner_next(s, true, &l), 0);
	CHECK_INT(report_scanner_bytes(s), strlen(t));
	CHECK_INT(report_scanner_close(s), 0);
}


/* ---- reassembly (issue 8 §2) ---------------------------------------------- */

#define TRIG "app invoked oom-killer: gfp_mask=0x14200ca(GFP_HIGHUSER_MOVABLE), nodemask=(null), order=0, oom_score_adj=0"
#define KILL101 "Out of memory: Killed process 101 (app) total-vm:200000kB, anon-rss:4000kB, file-rss:0kB, shmem-rss:0kB"

TEST(test_reaper_names_the_victim_of_a_report_without_kill)
{
	static struct got g;
	int n = got_read(TRIG "\n"
			  "Tasks state (memory values in pages):\n"
			  "[  pid  ]   uid  tgid total_vm      rss pgtables_bytes swapents oom_score_adj name\n"
			  "[    101]     0   101    50000     1000    40960        0             0 app\n"
			  "[    102]     0   102    50000      900    40960        0             0 other\n"
			  "oom_reaper: reaped process 101 (app), now anon-rss:0kB, file-rss:0kB, shmem-rss:0kB\n",
			  &g);
	CHECK_INT(n, 1);
	CHECK_INT(g.ev[0].victim.pid, 101);
	CHECK_STR(g.ev[0].victim.comm, "app");
	CHECK(g.ev[0].victim_from_reaper);
	CHECK(g.ev[0].victim.reaped);
	CHECK_INT(g.ev[0].victim.reaped_anon_rss_kib, 0);
	CHECK_INT(g.ev[0].outcome, OOM_OUTCOME_KILLED);
	CHECK_INT(g.ev[0].last_line, 6);

	/* two open reports (two CPUs): the one whose table holds the pid */
	n = got_read("[    1.000000] [    T1] " TRIG "\n"
		      "[    1.000001] [    T2] other invoked oom-killer: gfp_mask=0xcc0(GFP_KERNEL), order=0, oom_score_adj=0\n"
		      "[    1.000002] [    T1] [  pid  ]   uid  tgid total_vm      rss pgtables_bytes swapents oom_score_adj name\n"
		      "[    1.000003] [    T1] [    101]     0   101    50000     1000    40960        0             0 app\n"
		      "[    1.000004] [    T2] [  pid  ]   uid  tgid total_vm      rss pgtables_bytes swapents oom_score_adj name\n"
		      "[    1.000005] [    T2] [    202]     0   202    50000     1000    40960        0             0 b\n"
		      "[    1.000006] [   T40] oom_reaper: reaped process 101 (app), now anon-rss:0kB, file-rss:0kB, shmem-rss:0kB\n",
		      &g);
	CHECK_INT(n, 2);
	for (int i = 0; i < n; i++) {
		if (!strcmp(g.ev[i].req.trigger_comm, "app")) {
			CHECK_INT(g.ev[i].victim.pid, 101);
			CHECK(g.ev[i].victim_from_reaper);
		} else {
			CHECK(!g.ev[i].have_victim);
		}
	}
}

TEST(test_mixed_prefixes_join_by_selected_pid)
{
	static struct got g;
	int n = got_read("Sep 23 02:04:16 web1 kernel: [  100.000001] " TRIG "\n"
			  "Sep 23 02:04:16 web1 kernel: [  100.000002] Mem-Info:\n"
			  "Sep 23 02:04:16 web1 kernel: [  100.000003] oom-kill:constraint=CONSTRAINT_NONE,nodemask=(null),cpuset=/,mems_allowed=0,global_oom,task_memcg=/,task=app,pid=101,uid=0\n"
			  "[  100.000004] " KILL101 "\n",
			  &g);
	CHECK_INT(n, 1);
	CHECK(!g.ev[0].header_missing);
	CHECK_INT(g.ev[0].victim.pid, 101);
	CHECK_STR(g.ev[0].host, "web1");
	CHECK_INT(g.ev[0].last_line, 4);
	/* the selection line of a ≤5.0 report, from dmesg, among syslog lines */
	n = got_read("Sep 23 02:04:16 web1 kernel: " TRIG "\n"
		      "Sep 23 02:04:16 web1 kernel: [ pid ]   uid  tgid total_vm      rss nr_ptes swapents oom_score_adj name\n"
		      "Sep 23 02:04:16 web1 kernel: [  101]     0   101    50000     1000      40        0             0 app\n"
		      "Out of memory: Kill process 101 (app) score 900 or sacrifice child\n"
		      "Sep 23 02:04:16 web1 kernel: Killed process 101 (app) total-vm:200000kB, anon-rss:4000kB, file-rss:0kB\n",
		      &g);
	CHECK_INT(n, 1);
	CHECK_INT(g.ev[0].victim.score, 900);
	CHECK_INT(g.ev[0].victim.pid, 101);
	CHECK(!g.ev[0].header_missing);
}

TEST(test_elided_and_learned_prefixes)
{
	static struct got g;
	int n = got_read("... kernel: [  100.000001] " TRIG "\n"
			  "... kernel: [  100.000002] Mem-Info:\n"
			  "... kernel: [  100.000003] Free swap  = 0kB\n"
			  "... kernel: [  100.000004] " KILL101 "\n",
			  &g);
	CHECK_INT(n, 1);
	CHECK_STR(g.ev[0].req.trigger_comm, "app");
	CHECK_STR(g.ev[0].time, "100.000001");
	CHECK_INT(g.ev[0].snap.mem.swap_free_kib, 0);
	CHECK(!g.ev[0].header_missing);
	n = got_read("myhost kernel: " TRIG "\n"
		      "myhost kernel: Free swap  = 0kB\n"
		      "myhost kernel: " KILL101 "\n",
		      &g);
	CHECK_INT(n, 1);
	CHECK_STR(g.ev[0].host, "myhost");
	CHECK_STR(g.ev[0].req.trigger_comm, "app");
	CHECK_INT(g.ev[0].snap.mem.swap_free_kib, 0);
	/* a prefix no rule knows, learned from the marker line */
	n = got_read("node17 | app-log | " TRIG "\n"
		      "node17 | app-log | CPU: 1 PID: 101 Comm: app Not tainted 5.15.0-91-generic #101-Ubuntu\n"
		      "node17 | app-log | Mem-Info:\n"
		      "node17 | app-log | Free swap  = 0kB\n"
		      "node17 | app-log | Total swap = 1048572kB\n"
		      "node17 | app-log | " KILL101 "\n",
		      &g);
	CHECK_INT(n, 1);
	CHECK_STR(g.ev[0].req.trigger_comm, "app");
	CHECK_STR(g.ev[0].kernel, "5.15.0-91-generic");
	CHECK_INT(g.ev[0].snap.mem.swap_total_kib, 1048572);
	CHECK(!g.ev[0].header_missing);
	/* kernel text repeated byte for byte is no prefix (memory.oom.group kills) */
	n = got_read("Memory cgroup out of memory: Killed process 5012 (g) total-vm:805336kB, anon-rss:524800kB, file-rss:5640kB, shmem-rss:0kB, UID:33 pgtables:1112kB oom_score_adj:0\n"
		      "Tasks in /app are going to be killed due to memory.oom.group set\n"
		      "Memory cgroup out of memory: Killed process 5001 (g) total-vm:32840kB, anon-rss:16480kB, file-rss:7320kB, shmem-rss:0kB, UID:33 pgtables:92kB oom_score_adj:0\n"
		      "Memory cgroup out of memory: Killed process 5013 (g) total-vm:392480kB, anon-rss:209240kB, file-rss:5600kB, shmem-rss:0kB, UID:33 pgtables:540kB oom_score_adj:0\n"
		      "oom_reaper: reaped process 5012 (g), now anon-rss:0kB, file-rss:0kB, shmem-rss:0kB\n",
		      &g);
	CHECK_INT(n, 1);
	CHECK_INT(g.ev[0].nr_group_kills, 2);
	CHECK(g.ev[0].victim.reaped);
	CHECK_INT(g.ev[0].last_line, 5);
	/* comm with a space: the candidate the next line confirms */
	n = got_read("X: Web Content invoked oom-killer: gfp_mask=0xcc0(GFP_KERNEL), order=0, oom_score_adj=0\n"
		      "X: Free swap  = 0kB\n"
		      "X: " KILL101 "\n",
		      &g);
	CHECK_INT(n, 1);
	CHECK_STR(g.ev[0].req.trigger_comm, "Web Content");
	CHECK_INT(g.ev[0].snap.mem.swap_free_kib, 0);
}

TEST(test_duplicated_records_give_one_event)
{
	static char text[1 << 14];
	const char *lines[] = {
		"Sep 23 02:04:16 web1 kernel: " TRIG,
		"Sep 23 02:04:16 web1 kernel: Mem-Info:",
		"Sep 23 02:04:16 web1 kernel: Free swap  = 0kB",
		"Sep 23 02:04:16 web1 kernel: Total swap = 1048572kB",
		"Sep 23 02:04:16 web1 kernel: " KILL101,
	};
	char *p = text;
	for (int i = 0; i < 5; i++)
		p += sprintf(p, "%s\n%s\n", lines[i], lines[i]);
	static struct got g;
	int n = got_read(text, &g);
	CHECK_INT(n, 1);
	CHECK_INT(g.ev[0].victim.pid, 101);
	CHECK(!g.ev[0].truncated);
	/* the whole report twice (a log and its copy) */
	p = text;
	for (int r = 0; r < 2; r++)
		for (int i = 0; i < 5; i++)
			p += sprintf(p, "%s\n", lines[i]);
	n = got_read(text, &g);
	CHECK_INT(n, 1);
	/* the same stamps far apart are two reports (second-resolution logs) */
	p = text;
	for (int i = 0; i < 5; i++)
		p += sprintf(p, "%s\n", lines[i]);
	p = noise(p, 100);
	for (int i = 0; i < 5; i++)
		p += sprintf(p, "%s\n", lines[i]);
	n = got_read(text, &g);
	CHECK_INT(n, 2);
	/* two reports at other times stay two */
	p = text;
	for (int i = 0; i < 5; i++)
		p += sprintf(p, "%s\n", lines[i]);
	for (int i = 0; i < 5; i++)
		p += sprintf(p, "Sep 23 02:09:16 web1 kernel: %s\n", lines[i] + 29);
	n = got_read(text, &g);
	CHECK_INT(n, 2);
	/* headers of one syslog second whose kernel stamps differ (a storm
	 * of headers milliseconds apart, each with a frame a grep kept,
	 * R5303) are reports of their own; the same record twice, stamp and
	 * all, is still one */
	p = text;
	for (int i = 0; i < 3; i++)
		p += sprintf(p, "May 30 07:44:38 vicky kernel: [ 2283.%06d] redis-server invoked oom-killer: gfp_mask=0xd0, order=0, oom_adj=-17\n"
			     "May 30 07:44:38 vicky kernel: [ 2283.%06d]  [<ffffffff810b12b7>] ? oom_kill_process+0x82/0x283\n",
			     369927 + 30000 * i, 369939 + 30000 * i);
	n = got_read(text, &g);
	CHECK_INT(n, 3);
	p = text;
	for (int i = 0; i < 2; i++)
		p += sprintf(p, "May 30 07:44:38 vicky kernel: [ 2283.369927] redis-server invoked oom-killer: gfp_mask=0xd0, order=0, oom_adj=-17\n"
			     "May 30 07:44:38 vicky kernel: [ 2283.369939]  [<ffffffff810b12b7>] ? oom_kill_process+0x82/0x283\n");
	n = got_read(text, &g);
	CHECK_INT(n, 1);
	/* one memcg's selection again and again in one syslog second, 0.1 ms
	 * apart by the kernel's stamp (R5302): one out_of_memory call each */
	p = text;
	for (int i = 0; i < 3; i++)
		p += sprintf(p, "May 30 03:13:08 vicky kernel: [ 1578.117%03d] Memory cgroup out of memory: kill process 6016 (java) score 0 or a child\n",
			     55 + 100 * i);
	n = got_read(text, &g);
	CHECK_INT(n, 3);
}

TEST(test_headerless_event_takes_the_neighbours_release)
{
	static struct got g;
	int n = got_read("[  100.000001] " TRIG "\n"
			  "[  100.000002] CPU: 1 PID: 101 Comm: app Not tainted 5.15.0-91-generic #101-Ubuntu\n"
			  "[  100.000003] " KILL101 "\n"
			  "[  200.000003] Out of memory: Killed process 102 (app) total-vm:200000kB, anon-rss:4000kB, file-rss:0kB, shmem-rss:0kB\n"
			  "[   50.000003] Out of memory: Killed process 103 (app) total-vm:200000kB, anon-rss:4000kB, file-rss:0kB, shmem-rss:0kB\n",
			  &g);
	CHECK_INT(n, 3);
	CHECK_STR(g.ev[1].kernel, "5.15.0-91-generic");
	CHECK(g.ev[1].kernel_from_neighbour);
	CHECK_INT(g.ev[1].kernel_from_line, 1);
	CHECK(g.ev[1].header_missing);
	CHECK_INT(g.ev[1].kv.major, 5);
	/* the clock went back: a reboot between, nothing borrowed */
	CHECK_STR(g.ev[2].kernel, "");
	CHECK(!g.ev[2].kernel_from_neighbour);
	/* the nearest report may come after: it lends its release, order kept */
	n = got_read("[   90.000003] Out of memory: Killed process 102 (app) total-vm:200000kB, anon-rss:4000kB, file-rss:0kB, shmem-rss:0kB\n"
		     "[  100.000001] " TRIG "\n"
		     "[  100.000002] CPU: 1 PID: 101 Comm: app Not tainted 5.15.0-91-generic #101-Ubuntu\n"
		     "[  100.000003] " KILL101 "\n",
		     &g);
	CHECK_INT(n, 2);
	CHECK_INT(g.ev[0].victim.pid, 102);
	CHECK_STR(g.ev[0].kernel, "5.15.0-91-generic");
	CHECK(g.ev[0].kernel_from_neighbour);
	CHECK_INT(g.ev[0].kernel_from_line, 2);
	CHECK_INT(g.ev[0].kv.major, 5);
	CHECK(!g.ev[0].kv.inferred);
	CHECK_INT(g.ev[1].victim.pid, 101);
	/* a later report after a reboot (its clock is behind) lends nothing */
	n = got_read("[  900.000003] Out of memory: Killed process 102 (app) total-vm:200000kB, anon-rss:4000kB, file-rss:0kB, shmem-rss:0kB\n"
		     "[  100.000001] " TRIG "\n"
		     "[  100.000002] CPU: 1 PID: 101 Comm: app Not tainted 5.15.0-91-generic #101-Ubuntu\n"
		     "[  100.000003] " KILL101 "\n",
		     &g);
	CHECK_INT(n, 2);
	CHECK(!g.ev[0].kernel_from_neighbour);
	/* alone: delivered at the end, without a release */
	n = got_read("[  900.000003] " KILL101 "\n", &g);
	CHECK_INT(n, 1);
	CHECK_STR(g.ev[0].kernel, "");
	/* another host lends nothing */
	n = got_read("Sep 23 02:04:16 a kernel: " TRIG "\n"
		      "Sep 23 02:04:16 a kernel: CPU: 1 PID: 101 Comm: app Not tainted 5.15.0-91-generic #101-Ubuntu\n"
		      "Sep 23 02:04:16 a kernel: " KILL101 "\n"
		      "Sep 23 02:05:16 b kernel: " KILL101 "\n",
		      &g);
	CHECK_INT(n, 2);
	CHECK(!g.ev[1].kernel_from_neighbour);
}

TEST(test_show_mem_only_paste_is_one_fragment)
{
	static struct got g;
	int n = got_read("Node 0 DMA32 free:3000kB min:3000kB low:3700kB high:4500kB managed:2000000kB\n"
			  "lowmem_reserve[]: 0 0 0 0\n"
			  "Node 0 DMA32: 10*4kB (U) 2*8kB (U) = 56kB\n"
			  "Free swap  = 0kB\n"
			  "Total swap = 0kB\n"
			  "524288 pages RAM\n",
			  &g);
	CHECK_INT(n, 1);
	CHECK_INT(g.ev[0].kind, OOM_KIND_FRAGMENT);
	CHECK_STR(oom_kind_name(g.ev[0].kind), "fragment");
	CHECK_INT(g.ev[0].snap.nr_zones, 1);
	CHECK(g.ev[0].truncated);
	CHECK(!g.ev[0].have_victim);
	/* beside a real report, a show_mem alone is not an event */
	n = got_read("Node 0 DMA32: 10*4kB (U) 2*8kB (U) = 56kB\n"
		      "524288 pages RAM\n"
		      "x\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\n"
		      "x\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\n"
		      TRIG "\n" KILL101 "\n",
		      &g);
	CHECK_INT(n, 1);
	CHECK_INT(g.ev[0].kind, OOM_KIND_GLOBAL);
	/* nothing but chatter: nothing */
	CHECK_INT(got_read("hello\nworld\n", &g), 0);
}

/* show_mem dumps pasted one after another with prose between (R871's
 * shape): one fragment each, ended by the next dump's "Mem-Info:" */
#define DUMP(free) "Mem-Info:\n" \
	"active_anon:0 inactive_anon:0 isolated_anon:0\n" \
	" free:" free " free_pcp:45 free_cma:0\n" \
	"Normal free:13628kB boost:0kB min:472kB low:588kB high:704kB present:16384kB managed:14140kB\n" \
	"lowmem_reserve[]: 0 0\n" \
	"0 total pagecache pages\n" \
	"4096 pages RAM\n" \
	"561 pages reserved\n"

TEST(test_show_mem_dumps_one_after_another)
{
	static struct got g;
	int n = got_read("first kernel:\n" DUMP("3407") "\nsecond kernel:\n" DUMP("3231") "third:\n" DUMP("3000"), &g);
	CHECK_INT(n, 3);
	for (int i = 0; i < g.n; i++)
		CHECK_INT(g.ev[i].kind, OOM_KIND_FRAGMENT);
	if (n == 3) {
		CHECK_INT(g.ev[0].first_line, 2);
		CHECK(g.ev[0].last_line < g.ev[1].first_line);
	}
	/* beside a real report, dumps alone are no events */
	n = got_read(DUMP("3407") DUMP("3231")
		     "x\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\n"
		     "x\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\n"
		     TRIG "\n" KILL101 "\n", &g);
	CHECK_INT(n, 1);
	if (n >= 1)
		CHECK_INT(g.ev[0].kind, OOM_KIND_GLOBAL);
}

/* ≤4.11 printed vmalloc's text on its own line just before the failure
 * header (mm/page_alloc.c warn_alloc_failed): it joins that failure (its
 * size, its first line) and opens nothing by itself */
TEST(test_vmalloc_text_line_joins_the_failure_after_it)
{
	static const char *const no[] = {
		"vmalloc: allocation failure: 0 bytes, mode:0xdc0(GFP_KERNEL|__GFP_ZERO), nodemask=(null)",
		"vmalloc: allocation failure: lots", "vmalloc: allocation failure:  bytes", "vmalloc: size 0 bytes",
	};
	for (size_t i = 0; i < sizeof(no) / sizeof(no[0]); i++)
		CHECK(line_kind_vmalloc_pre(no[i], strlen(no[i])) < 0);
	const char *v = "vmalloc: allocation failure: 2214858752 bytes";
	CHECK(line_kind_vmalloc_pre(v, strlen(v)) == 2214858752LL);
	CHECK(report_has_marker(v, strlen(v)));
	CHECK_INT(line_kind_of(v, strlen(v)), LK_NONE);

	static struct got g;
	const char *t = "[ 1.000000] usb 1-1: new device\n"
			"[ 1.000001] vmalloc: allocation failure: 0 bytes\n"
			"[ 1.000002] modprobe: page allocation failure: order:0, mode:0xd2\n"
			"[ 1.000003] Pid: 10193, comm: modprobe Tainted: P           O 3.2.0-24-generic #37-Ubuntu\n"
			"[ 1.000004] Call Trace:\n"
			"[ 1.000005]  [<ffffffff8111cdf6>] warn_alloc_failed+0xf6/0x150\n";
	CHECK(got_read(t, &g) >= 0);
	CHECK_INT(g.n, 1);
	if (g.n == 1) {
		CHECK_INT(g.ev[0].kind, OOM_KIND_ALLOC_FAILURE);
		CHECK(g.ev[0].req.vmalloc_known);
		CHECK_INT(g.ev[0].req.vmalloc_bytes, 0);
		CHECK_INT(g.ev[0].first_line, 2);
		CHECK_STR(g.ev[0].req.trigger_comm, "modprobe");
	}
	/* alone: no event; with a line between: not that failure's */
	CHECK(got_read("vmalloc: allocation failure: 0 bytes\n", &g) >= 0);
	CHECK_INT(g.n, 0);
	t = "vmalloc: allocation failure: 0 bytes\nusb 1-1: new device\n"
	    "modprobe: page allocation failure: order:0, mode:0xd2\n";
	CHECK(got_read(t, &g) >= 0);
	CHECK_INT(g.n, 1);
	if (g.n == 1)
		CHECK(!g.ev[0].req.vmalloc_known);
}

/* The page allocator's WARNING for an order >= MAX_ORDER is a report's
 * start (a trigger) in each era's function, with the slowpath only at its
 * top (its other WARNs, for __GFP_NOFAIL, sit deeper); frames and other
 * WARNINGs are not.  The slab's failure line alone opens a report of its
 * own; before a report it is no event. */
/* A hung task's line (kernel/hung_task.c): the scanner's back-fill passes
 * it, so a trace after it through out_of_memory stays no report. */
TEST(test_hung_task_line)
{
	static const char *const yes[] = {
		"INFO: task java:4242 blocked for more than 120 seconds.",
		"  INFO: task kworker/u16:3:123 blocked for more than 614 seconds.",
	};
	static const char *const no[] = {
		"INFO: task java:4242 blocked",
		"INFO: rcu_sched self-detected stall on CPU",
		"task java blocked for more than 120 seconds",
		"",
	};
	for (size_t i = 0; i < sizeof(yes) / sizeof(yes[0]); i++)
		CHECK(line_kind_hung_task(yes[i], strlen(yes[i])));
	for (size_t i = 0; i < sizeof(no) / sizeof(no[0]); i++)
		CHECK(!line_kind_hung_task(no[i], strlen(no[i])));
}

/* sched_show_task's line (SysRq-T, SysRq-W, the lockup detectors): the
 * scanner's back-fill passes it, the trace under it is no report. */
TEST(test_show_task_line)
{
	static const char *const yes[] = {
		"b.out           R  running task        0  9079   7400 0x00000000",
		"kworker/0:1     D ffff88003f7d3c80     0    23      2 0x00000000",
		"bash            S c1b2d4f0     0  1234   1200 0x00000000",
		"task:b.out           state:D stack:    0 pid: 9079 ppid:  7400 flags:0x00004000",
		"  task:systemd         state:S stack:0     pid:1     tgid:1     ppid:0      flags:0x00000002",
	};
	static const char *const no[] = {
		"b.out invoked oom-killer: gfp_mask=0x14200ca(GFP_HIGHUSER_MOVABLE), order=0",
		"[ 9079]  1000  9079     2108       16       7       3        0             0 b.out",
		"the running task was b.out 0x00000000",
		"task:b.out",
		"",
	};
	for (size_t i = 0; i < sizeof(yes) / sizeof(yes[0]); i++)
		CHECK(line_kind_show_task(yes[i], strlen(yes[i])));
	for (size_t i = 0; i < sizeof(no) / sizeof(no[0]); i++)
		CHECK(!line_kind_show_task(no[i], strlen(no[i])));
}

TEST(test_lone_failure_lines)
{
	static const char *const warn[] = {
		"WARNING: CPU: 3 PID: 19257 at mm/page_alloc.c:4724 __alloc_pages_nodemask+0x1ee/0x320",
		"WARNING: CPU: 26 PID: 20139 at mm/page_alloc.c:3189 __alloc_pages_slowpath+0x6f/0x724",
		"WARNING: at mm/page_alloc.c:2104 __alloc_pages_slowpath+0x6f/0x724()",
		"WARNING: CPU: 0 PID: 1 at mm/page_alloc.c:4424 __alloc_pages+0x2b6/0x350",
		"WARNING: CPU: 2 PID: 77 at mm/page_alloc.c:4741 __alloc_pages_noprof+0x3a1/0x3c0",
	};
	for (size_t i = 0; i < sizeof(warn) / sizeof(warn[0]); i++) {
		size_t n = strlen(warn[i]);
		CHECK(line_kind_max_order_warn(warn[i], n) == warn[i]);
		CHECK_INT(line_kind_of(warn[i], n), LK_TRIGGER);
		CHECK(line_kind_is_trigger_text(warn[i], n));
		CHECK(report_has_marker(warn[i], n));
	}
	static const char *const not_warn[] = {
		"WARNING: CPU: 1 PID: 5 at mm/page_alloc.c:4000 __alloc_pages_slowpath+0x9a0/0xc00",   /* deep: NOFAIL */
		"WARNING: CPU: 1 PID: 5 at mm/page_alloc.c:3000 get_page_from_freelist+0x3a/0x900",
		"WARNING: CPU: 1 PID: 5 at mm/slab_common.c:900 __alloc_pages_nodemask+0x1/0x20",
		"[<ffffffff8278651e>] ? __alloc_pages_nodemask+0x1fe/0x260",
		"WARNING: CPU: 1 PID: 5 at mm/page_alloc.c: __alloc_pages+0x1/0x20",
		"WARNING: CPU: 1 PID: 5 at mm/page_alloc.c:12 __alloc_pages_slowpath+0x1/0x",
	};
	for (size_t i = 0; i < sizeof(not_warn) / sizeof(not_warn[0]); i++)
		CHECK(line_kind_max_order_warn(not_warn[i], strlen(not_warn[i])) == NULL);

	static struct got g;
	const char *t = "[ 3664.302074] ------------[ cut here ]------------\n"
			"[ 3664.302078] WARNING: CPU: 3 PID: 19257 at mm/page_alloc.c:4724 __alloc_pages_nodemask+0x1ee/0x320\n"
			"[ 3664.302079] Modules linked in: xdma(OE) btrfs xor\n"
			"[ 3664.302100] CPU: 3 PID: 19257 Comm: dma_test Tainted: G           OE     5.4.0-65-generic #73-Ubuntu\n"
			"[ 3664.302101] Call Trace:\n"
			"[ 3664.302102]  kmalloc_order+0x1f/0x80\n";
	CHECK(got_read(t, &g) >= 0);
	CHECK_INT(g.n, 1);
	if (g.n == 1) {
		CHECK_INT(g.ev[0].kind, OOM_KIND_ALLOC_FAILURE);
		CHECK(g.ev[0].req.over_max_order);
		CHECK_INT(g.ev[0].req.trigger_pid, 19257);
		CHECK(!known(g.ev[0].req.order));
	}

	/* mm/nommu.c's failure line: a report's start */
	const char *nm = "nommu: Allocation of length 491520 from process 1 (sh) failed";
	CHECK(line_kind_nommu_failure(nm, strlen(nm)) == 491520);
	CHECK_INT(line_kind_of(nm, strlen(nm)), LK_TRIGGER);
	static const char *const not_nm[] = { "Allocation of length x from process 1 (sh) failed",
					      "Allocation of length 5 from process (sh) failed",
					      "Allocation of length 5 from process 1 (sh) worked" };
	for (size_t i = 0; i < sizeof(not_nm) / sizeof(not_nm[0]); i++)
		CHECK(line_kind_nommu_failure(not_nm[i], strlen(not_nm[i])) < 0);

	/* a stall warning with its comm cut (R2841) */
	CHECK_INT(line_kind_of("page allocation stalls for 27840ms, order:0, mode:0x14200ca", 59), LK_TRIGGER);
	CHECK(line_kind_is_trigger_text("page allocation stalls for 27840ms, order:0, mode:0x14200ca", 59));
	/* 4.9's spelling (commit 63f53dea0c98, mended in 4.10) */
	static const char typo[] = "a.out: page alloction stalls for 370009ms, order:0, mode:0x342004a(GFP_NOFS)";
	CHECK_INT(line_kind_of(typo, sizeof(typo) - 1), LK_TRIGGER);
	CHECK(line_kind_is_trigger_text(typo, sizeof(typo) - 1));
	size_t ml = 0;
	CHECK(line_kind_stall_text(typo, sizeof(typo) - 1, &ml) == typo + 7);
	CHECK_INT(ml, 26);
	/* prose naming the warning is no trigger: no ": " before it */
	static const char prose[] = "the page alloction stalls for long";
	CHECK(line_kind_stall_text(prose, sizeof(prose) - 1, NULL) == NULL);
	/* an oom-kill line's head alone (split one field a line, R1813) */
	CHECK_INT(line_kind_of("oom-kill:", 9), LK_CONSTRAINT);
	CHECK_INT(line_kind_of("oom-kill:  ", 11), LK_CONSTRAINT);
	CHECK(line_kind_of("oom-kill: something else", 24) != LK_CONSTRAINT);
	/* Linux 2.4's one-line failure (mm/page_alloc.c __alloc_pages): the
	 * order, the mask from 2.4.10; each line a report, repeats in one
	 * syslog second kept (no ratelimit: R2321) */
	long long g24;
	const char *a24 = "__alloc_pages: 0-order allocation failed (gfp=0x1d2/0)";
	CHECK_INT(line_kind_alloc24_failure(a24, strlen(a24), &g24), 0);
	CHECK(g24 == 0x1d2);
	CHECK_INT(line_kind_of(a24, strlen(a24)), LK_TRIGGER);
	CHECK(report_has_marker(a24, strlen(a24)));
	CHECK(line_kind_is_trigger_text(a24, strlen(a24)));
	const char *a24old = "__alloc_pages: 3-order allocation failed.";
	CHECK_INT(line_kind_alloc24_failure(a24old, strlen(a24old), &g24), 3);
	CHECK(g24 == -1);
	static const char *const not_a24[] = { "__alloc_pages: x-order allocation failed",
					       "__alloc_pages: 0-order allocation worked",
					       "__alloc_pages: 123-order allocation failed",
					       "__alloc_pages_nodemask+0x1fe/0x260" };
	for (size_t i = 0; i < sizeof(not_a24) / sizeof(not_a24[0]); i++)
		CHECK(line_kind_alloc24_failure(not_a24[i], strlen(not_a24[i]), &g24) < 0);
	t = "Aug 27 17:20:03 kernel: __alloc_pages: 0-order allocation failed (gfp=0xf0/0)\n"
	    "Aug 27 17:20:03 kernel: __alloc_pages: 0-order allocation failed (gfp=0xf0/0)\n"
	    "Aug 27 17:20:03 kernel: vlan: failed to unshare skbuff\n"
	    "Aug 27 17:20:04 kernel: __alloc_pages: 1-order allocation failed (gfp=0x20/1)\n";
	CHECK(got_read(t, &g) >= 0);
	CHECK_INT(g.n, 3);
	if (g.n == 3) {
		CHECK_INT(g.ev[0].kind, OOM_KIND_ALLOC_FAILURE);
		CHECK_INT(g.ev[0].req.order, 0);
		CHECK(g.ev[0].req.gfp_known && g.ev[0].req.gfp_mask == 0xf0);
		CHECK(g.ev[0].kv.known && g.ev[0].kv.inferred && g.ev[0].kv.major == 2 && g.ev[0].kv.minor == 4);
		CHECK_INT(g.ev[2].req.order, 1);
		CHECK(g.ev[2].req.gfp_mask == 0x20);
	}

	const char *slub = "SLUB: Unable to allocate memory on node -1, gfp=0xa20(GFP_ATOMIC)";
	CHECK(line_kind_slab_failure(slub, strlen(slub)));
	CHECK(report_has_marker(slub, strlen(slub)));
	CHECK(!line_kind_is_trigger_text(slub, strlen(slub)));
	t = "[ 8642.253395] SLUB: Unable to allocate memory on node -1, gfp=0xa20(GFP_ATOMIC)\n"
	    "[ 8642.269170]   cache: tw_sock_TCPv6(960:helper-logs), object size: 232, buffer size: 240, default order: 1, min order: 0\n"
	    "[ 8642.293009]   node 0: slabs: 5, objs: 170, free: 0\n";
	CHECK(got_read(t, &g) >= 0);
	CHECK_INT(g.n, 1);
	if (g.n == 1) {
		CHECK_INT(g.ev[0].kind, OOM_KIND_ALLOC_FAILURE);
		CHECK(g.ev[0].side.slab_alone);
		CHECK_STR(g.ev[0].side.slab_cache, "tw_sock_TCPv6(960:helper-logs)");
		CHECK(!g.ev[0].req.gfp_known);
	}
	/* before a report: that report's earlier failures, no event of their own (R651) */
	t = "[ 5.000000] SLUB: Unable to allocate memory on node -1, gfp=0x480020(GFP_ATOMIC)\n"
	    "[ 5.000001]   cache: skbuff_head_cache, object size: 232, buffer size: 256, default order: 1, min order: 0\n"
	    "[ 9.000000] swapper/1: page allocation failure: order:0, mode:0x480020(GFP_ATOMIC), nodemask=(null)\n"
	    "[ 9.000001] CPU: 1 PID: 0 Comm: swapper/1 Not tainted 6.1.0 #1\n";
	CHECK(got_read(t, &g) >= 0);
	CHECK_INT(g.n, 1);
	if (g.n == 1)
		CHECK_STR(g.ev[0].req.trigger_comm, "swapper/1");
}

/* mm/cma.c cma_alloc's failure (4.10+; the area's name 5.x+): alone in a
 * text, an event per line (R6104-R6108); beside a report, no event of its
 * own (R1326: the line before the buddy allocator's failure of the same
 * request; R4763) */
TEST(test_cma_failure_lines)
{
	long long ret = 0;
	const char *nm = NULL;
	size_t nl = 99;
	const char *a = "cma: cma_alloc: linux,cma: alloc failed, req-size: 1024 pages, ret: -16";
	CHECK_INT(line_kind_cma_failure(a, strlen(a), &ret, &nm, &nl), 1024);
	CHECK_INT(ret, -16);
	CHECK(nl == 9 && memcmp(nm, "linux,cma", 9) == 0);
	const char *b = "cma_alloc: alloc failed, req-size: 2025 pages, ret: -12";   /* 4.x, typed without pr_fmt */
	CHECK_INT(line_kind_cma_failure(b, strlen(b), &ret, &nm, &nl), 2025);
	CHECK_INT(nl, 0);
	CHECK(report_has_marker(b, strlen(b)));
	static const char *const no[] = {
		"ath10k_pci 0000:01:00.0: skb alloc failed, req-size: 12 pages, ret: -12",
		"cma: cma_alloc: two words: alloc failed, req-size: 1 pages",
		"cma: cma_alloc: alloc failed, req-size: many pages, ret: -12",
		"cma: cma_alloc: alloc failed, req-size: 16 pages",
	};
	for (size_t i = 0; i < sizeof(no) / sizeof(no[0]); i++)
		CHECK_INT(line_kind_cma_failure(no[i], strlen(no[i]), NULL, NULL, NULL), -1);

	struct got g;
	const char *t =
		"Oct 14 21:52:50 hamster kernel: nvme nvme0: allocated 40 MiB host memory buffer.\n"
		"Oct 14 21:52:50 hamster kernel: cma: cma_alloc: reserved: alloc failed, req-size: 16 pages, ret: -12\n"
		"Oct 14 21:52:50 hamster kernel: cma: number of available pages: => 0 free of 8192 total pages\n"
		"Oct 14 21:52:50 hamster kernel: fbcon: Taking over console\n"
		"Oct 14 21:52:51 hamster kernel: cma: cma_alloc: reserved: alloc failed, req-size: 4 pages, ret: -12\n";
	CHECK(got_read(t, &g) >= 0);
	CHECK_INT(g.n, 2);
	if (g.n == 2) {
		CHECK_INT(g.ev[0].kind, OOM_KIND_ALLOC_FAILURE);
		CHECK_INT(g.ev[0].outcome, OOM_OUTCOME_NONE);
		CHECK(g.ev[0].side.cma_alone);
		CHECK_INT(g.ev[0].side.cma_pages, 16);
		CHECK_INT(g.ev[0].side.cma_ret, -12);
		CHECK_STR(g.ev[0].side.cma_name, "reserved");
		CHECK_INT(g.ev[0].side.cma_free_pages, 0);
		CHECK_INT(g.ev[0].side.cma_total_pages, 8192);
		CHECK(!g.ev[0].truncated);
		CHECK_INT(g.ev[1].side.cma_pages, 4);
		CHECK_STR(g.ev[1].host, "hamster");
	}
	/* beside a report: the report only */
	t = "[  338.128731] cma: cma_alloc: linux,cma: alloc failed, req-size: 1024 pages, ret: -12\n"
	    "[  338.129001] chromium: page allocation failure: order:10, mode:0xcc1(GFP_KERNEL|GFP_DMA), nodemask=(null)\n"
	    "[  338.129002] CPU: 1 PID: 1452 Comm: chromium Not tainted 6.6.30-v8+ #1\n"
	    "[  338.129102] cma: cma_alloc: linux,cma: alloc failed, req-size: 1024 pages, ret: -12\n";
	CHECK(got_read(t, &g) >= 0);
	CHECK_INT(g.n, 1);
	if (g.n == 1)
		CHECK_STR(g.ev[0].req.trigger_comm, "chromium");
	/* more of them than the parser holds, no report: every one out */
	char many[12 * 80] = "";
	for (int i = 0; i < 12; i++)
		snprintf(many + strlen(many), sizeof(many) - strlen(many),
			 "[ %d.000000] cma: cma_alloc: alloc failed, req-size: %d pages, ret: -12\n", 100 + i, 2040 + i);
	CHECK(got_read(many, &g) >= 0);
	CHECK_INT(g.n, 12);
	if (g.n == 12)
		for (int i = 0; i < 12; i++)
			CHECK_INT(g.ev[i].side.cma_pages, 2040 + i);
}

int main(void)
{
	RUN(test_lone_failure_lines);
	RUN(test_cma_failure_lines);
	RUN(test_hung_task_line);
	RUN(test_show_task_line);
	RUN(test_samples_classify_as_their_kind);
	RUN(test_more_lines_of_each_kind);
	RUN(test_marker_kinds_pass_the_prefilter);
	RUN(test_every_opening_kind_opens_a_report_from_the_scanner);
	RUN(test_every_kind_continues_a_report);
	RUN(test_log_starting_at_memcg_usage_keeps_limit_and_tasks);
	RUN(test_cut_head_at_totals);
	RUN(test_cut_head_at_task_table_after_a_long_log);
	RUN(test_cut_head_at_summary_and_zone);
	RUN(test_backfill_does_not_split_a_complete_report);
	RUN(test_read_mem_and_open_mem);
	RUN(test_reaper_names_the_victim_of_a_report_without_kill);
	RUN(test_mixed_prefixes_join_by_selected_pid);
	RUN(test_elided_and_learned_prefixes);
	RUN(test_duplicated_records_give_one_event);
	RUN(test_headerless_event_takes_the_neighbours_release);
	RUN(test_show_mem_only_paste_is_one_fragment);
	RUN(test_vmalloc_text_line_joins_the_failure_after_it);
	RUN(test_show_mem_dumps_one_after_another);
	return check_summary();
}
