/* test_diagnose_partial.c — the event rules of issue 8 that reason from
 * partial evidence, each on a synthetic report of its shape (text through
 * the real parser, then diagnose_event): the kernel's own outcome leading
 * when nothing else is known (panic_on_oom, oom_kill_allocating_task), the
 * premature OOM (kernel-oom-regression), 32-bit lowmem pressure, slab
 * growth from the unreclaimable slab table — and the shapes each rule must
 * leave to the others. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check.h"
#include "diagnose/analysis.h"
#include "diagnose/diagnose.h"
#include "model/event.h"
#include "model/kernel.h"
#include "report/report.h"

struct seen {
	int n;
	char first[40];                   /* first cause id */
	enum confidence conf;             /* its confidence */
	char ids[FINDINGS_MAX][40];       /* every finding, in order */
	int nr_ids;
	char note[200];                   /* the first cause's basis note */
	char summary[320];                /* the first cause's summary */
	char evidence[FINDING_MAX_EVIDENCE][240];
	int nr_evidence;
	bool swap_inferred;               /* the event's, as the parser left it */
	int64_t swap_total, swap_free;
	char focus[40];                   /* explain_for: conf, note, summary and evidence are this finding's */
};

static void on_event(struct oom_event *ev, void *ctx)
{
	struct seen *s = ctx;
	if (s->n++)
		return;
	s->swap_inferred = ev->swap_inferred;
	s->swap_total = ev->snap.mem.swap_total_kib;
	s->swap_free = ev->snap.mem.swap_free_kib;
	struct findings f;
	diagnose_event(ev, &f);
	int k = 0;
	if (s->focus[0])
		for (k = 0; k < f.n && strcmp(f.items[k].id, s->focus) != 0; k++)
			;
	if (f.n > 0)
		snprintf(s->first, sizeof(s->first), "%s", f.items[0].id);
	if (k < f.n) {
		s->conf = f.items[k].confidence;
		snprintf(s->note, sizeof(s->note), "%s", f.items[k].basis_note);
		snprintf(s->summary, sizeof(s->summary), "%s", f.items[k].summary);
		s->nr_evidence = f.items[k].nr_evidence;
		for (int i = 0; i < f.items[k].nr_evidence; i++)
			snprintf(s->evidence[i], sizeof(s->evidence[i]), "%s", f.items[k].evidence[i]);
	}
	s->nr_ids = f.n;
	for (int i = 0; i < f.n; i++)
		snprintf(s->ids[i], sizeof(s->ids[i]), "%s", f.items[i].id);
}

/* Feeds text to the report parser as a log file would be. */
static void feed(const char *text, report_event_fn fn, void *ctx)
{
	char path[] = "/tmp/oomkit-partial-XXXXXX";
	int fd = mkstemp(path);
	CHECK(fd >= 0);
	if (fd < 0)
		return;
	unlink(path);
	size_t len = strlen(text);
	CHECK(write(fd, text, len) == (ssize_t)len);
	CHECK(lseek(fd, 0, SEEK_SET) == 0);
	CHECK(report_read_fd(fd, "synthetic", fn, NULL, ctx) >= 0);
	close(fd);
}

/* Parses text as a log and diagnoses its first event. */
static struct seen explain(const char *text)
{
	struct seen s;
	memset(&s, 0, sizeof(s));
	feed(text, on_event, &s);
	return s;
}

/* The same, with conf, note, summary and evidence taken from finding id
 * (none when it is not found) instead of the first. */
static struct seen explain_for(const char *text, const char *id)
{
	struct seen s;
	memset(&s, 0, sizeof(s));
	snprintf(s.focus, sizeof(s.focus), "%s", id);
	feed(text, on_event, &s);
	return s;
}

static bool has(const struct seen *s, const char *id)
{
	for (int i = 0; i < s->nr_ids; i++)
		if (strcmp(s->ids[i], id) == 0)
			return true;
	return false;
}

static bool evidence_has(const struct seen *s, const char *needle)
{
	for (int i = 0; i < s->nr_evidence; i++)
		if (strstr(s->evidence[i], needle))
			return true;
	return false;
}

/* ---- the kernel's outcome leads when the shortage is not in the report ---- */

TEST(panic_leads_without_evidence)
{
	/* a report cut to its task table and the panic line */
	struct seen s = explain(
		"[   81.234842] [19323]     0 19323     1079       90       8        0             0 sleep\n"
		"[   81.234845] [19413]     0 19413     3010      254      11        0             0 agent\n"
		"[   81.234867] Kernel panic - not syncing: Out of memory: compulsory panic_on_oom is enabled\n");
	CHECK_INT(s.n, 1);
	CHECK_STR(s.first, "panic-on-oom");
	/* the task rows are an evidence class: its most likely cause follows,
	 * low, and says what would have decided the shortage */
	CHECK(has(&s, "genuine-exhaustion-no-swap"));
	CHECK(!has(&s, "unknown"));
	CHECK_STR(confidence_name(s.conf), "high");
	CHECK(strstr(s.note, "inferred from the kind of lines present") != NULL);
}

/* "System is deadlocked on memory" is out_of_memory()'s panic after "no
 * killable processes" (4.19+ mm/oom_kill.c): the cause is that nobody could
 * be killed, not vm.panic_on_oom, which prints its own line (R689). */
TEST(deadlocked_panic_is_no_killable_not_panic_on_oom)
{
	struct seen s = explain(
		"[  133.879829] 384575 total pagecache pages\n"
		"[  133.881453] Free swap  = 0kB\n"
		"[  133.881908] Total swap = 0kB\n"
		"[  133.882385] 524157 pages RAM\n"
		"[  133.889391] Out of memory and no killable processes...\n"
		"[  133.890187] Kernel panic - not syncing: System is deadlocked on memory\n");
	CHECK_INT(s.n, 1);
	CHECK_STR(s.first, "no-killable-process");
	CHECK(!has(&s, "panic-on-oom"));
	bool said = false;
	for (int i = 0; i < s.nr_evidence; i++)
		if (strstr(s.evidence[i], "System is deadlocked on memory"))
			said = true;
	CHECK(said);
}

/* The panic's message alone above the stack panic() dumps (R4492): the
 * report that stack opens is the panic's, nobody killable */
TEST(deadlocked_panic_above_its_stack_is_no_killable)
{
	struct seen s = explain(
		"[    0.847506] Kernel panic - not syncing: System is deadlocked on memory\n"
		"[    0.847506] \n"
		"[    0.851071] CPU: 4 PID: 1 Comm: systemd Not tainted 4.18.0-553.22.1.el8_10.x86_64 #1\n"
		"[    0.859012] Call Trace:\n"
		"[    0.860073]  dump_stack+0x41/0x60\n"
		"[    0.861499]  panic+0xe7/0x2ac\n"
		"[    0.862980]  out_of_memory.cold.36+0x5e/0x7e\n"
		"[    0.864883]  __alloc_pages_slowpath+0xbf0/0xcd0\n"
		"[    0.867007]  __alloc_pages_nodemask+0x2e2/0x330\n");
	CHECK_INT(s.n, 1);
	CHECK_STR(s.first, "no-killable-process");
	CHECK(!evidence_has(&s, "no killable processes"));
}

/* gfp_mask=0x0 order 0 is pagefault_out_of_memory's OOM (2.6.31-5.15): a
 * fault handler returned VM_FAULT_OOM.  With a zone above its marks (R601)
 * or most of swap free (R600) it is a kernel bug, not a shortage; 5.16+
 * no longer kill for it, and with neither room the rule stays out. */
#define PF_HEADER(ver) \
	"[ 100.0] Xorg invoked oom-killer: gfp_mask=0x0(), order=0, oom_score_adj=0\n" \
	"[ 100.0] CPU: 1 PID: 2978 Comm: Xorg Not tainted " ver " #1\n" \
	"[ 100.0]  pagefault_out_of_memory+0x4c/0xa0\n"

TEST(pagefault_gfp0_with_zone_room_is_a_fault_handler_bug)
{
	struct seen s = explain(PF_HEADER("5.7.0")
		"[ 100.1] DMA32 free:900000kB min:5960kB low:7448kB high:8936kB active_anon:100000kB inactive_anon:100000kB active_file:1000kB inactive_file:1000kB present:3000000kB managed:2900000kB\n"
		"[ 100.1] lowmem_reserve[]: 0 0 0 0\n"
		"[ 100.1] Free swap  = 0kB\n"
		"[ 100.1] Total swap = 0kB\n");
	CHECK_STR(s.first, "kernel-leak-or-bug");
	CHECK_STR(confidence_name(s.conf), "medium");
	CHECK(evidence_has(&s, "pagefault_out_of_memory"));
}

TEST(pagefault_gfp0_with_swap_free_is_a_fault_handler_bug_low)
{
	struct seen s = explain(PF_HEADER("2.6.32")
		"[ 100.1] DMA32 free:5000kB min:5960kB low:7448kB high:8936kB active_anon:1000000kB inactive_anon:1000000kB active_file:1000kB inactive_file:1000kB present:3000000kB\n"
		"[ 100.1] lowmem_reserve[]: 0 0 0 0\n"
		"[ 100.1] Free swap  = 8000000kB\n"
		"[ 100.1] Total swap = 8400000kB\n"
		"[ 100.1] 786432 pages RAM\n");
	CHECK_STR(s.first, "kernel-leak-or-bug");
	CHECK_STR(confidence_name(s.conf), "low");
	CHECK(evidence_has(&s, "swap:"));
	/* no room anywhere: not this rule's */
	s = explain(PF_HEADER("2.6.32")
		"[ 100.1] DMA32 free:5000kB min:5960kB low:7448kB high:8936kB active_anon:1000000kB inactive_anon:1000000kB active_file:1000kB inactive_file:1000kB present:3000000kB\n"
		"[ 100.1] lowmem_reserve[]: 0 0 0 0\n"
		"[ 100.1] Free swap  = 0kB\n"
		"[ 100.1] Total swap = 0kB\n"
		"[ 100.1] 786432 pages RAM\n");
	CHECK(!has(&s, "kernel-leak-or-bug"));
	/* 5.16+ retry the fault and never print this OOM from it */
	s = explain(PF_HEADER("6.1.0")
		"[ 100.1] DMA32 free:900000kB min:5960kB low:7448kB high:8936kB present:3000000kB managed:2900000kB\n"
		"[ 100.1] lowmem_reserve[]: 0 0 0 0\n");
	CHECK(!has(&s, "kernel-leak-or-bug"));
}

/* A show_mem fragment without the request whose one zone is roomy only
 * by CMA: free 138912kB, free_cma 106412kB, the rest under min 32768kB.
 * A kernel request may not take CMA (mm/page_alloc.c, !ALLOC_CMA), so
 * cma-unusable leads the premature reading, at low confidence (R691);
 * with the rest well above min the zone was roomy and it stays out. */
TEST(fragment_free_mostly_cma_is_cma_unusable_low)
{
	struct seen s = explain(
		"[1678055.542905] Normal free:138912kB min:32768kB low:40960kB high:49152kB active_anon:47964kB inactive_anon:512kB active_file:468kB inactive_file:3892kB unevictable:0kB present:225280kB managed:103112kB free_cma:106412kB\n"
		"[1678055.542924] lowmem_reserve[]: 0 0\n");
	CHECK_STR(s.first, "cma-unusable");
	CHECK_STR(confidence_name(s.conf), "low");
	s = explain(
		"[1678055.542905] Normal free:138912kB min:32768kB low:40960kB high:49152kB active_anon:47964kB inactive_anon:512kB active_file:468kB inactive_file:3892kB unevictable:0kB present:225280kB managed:103112kB free_cma:6412kB\n"
		"[1678055.542924] lowmem_reserve[]: 0 0\n");
	CHECK(!has(&s, "cma-unusable"));
}

/* An order-0 kernel request and buddy lines alone (R1764's shape): one
 * zone all C, the other mostly H; the lists the request may take hold a
 * twentieth of the free at most, so CMA held the free memory, at low
 * confidence.  With the second zone's free in U/M lists, nothing is said. */
#define BUDDY_CMA(normal_line) \
	"[   36.17] ActivityManager: page allocation failure: order:0, mode:0xc00(GFP_NOIO), nodemask=(null),cpuset=foreground,mems_allowed=0\n" \
	"[   36.18] DMA32: 0*4kB 447*8kB (C) 217*16kB (C) 124*32kB (C) 136*64kB (C) 70*128kB (C) 22*256kB (C) 3*512kB (C) 0*1024kB 0*2048kB 0*4096kB = 35848kB\n" \
	"[   36.19] " normal_line "\n"

TEST(buddy_only_order0_cma_and_highatomic_is_cma_unusable)
{
	struct seen s = explain(BUDDY_CMA("Normal: 231*4kB (UMEH) 49*8kB (MEH) 14*16kB (H) 13*32kB (H) 8*64kB (H) 2*128kB (H) 0*256kB 1*512kB (H) 0*1024kB 0*2048kB 0*4096kB = 3236kB"));
	CHECK_STR(s.first, "cma-unusable");
	CHECK_STR(confidence_name(s.conf), "low");
	CHECK(evidence_has(&s, "no H without reserve rights"));
	struct seen t = explain(BUDDY_CMA("Normal: 2310*4kB (UME) 490*8kB (ME) 140*16kB (M) 13*32kB (H) 0*64kB 0*128kB 0*256kB 0*512kB 0*1024kB 0*2048kB 0*4096kB = 16816kB"));
	CHECK(!has(&t, "cma-unusable"));
}

/* A zone line without free_cma (before 3.8, or cut) beside a lettered
 * buddy line: the orders whose only letter is C are CMA at least, so a
 * GFP_ATOMIC order-0 request failing over 16 MiB free, every block of it
 * (C), was refused CMA (R5300's shape).  Letters U/M there: nothing. */
#define CMA_LETTERS(buddy) \
	"swapper/0: page allocation failure: order:0, mode:0x20\n" \
	"Normal free:16104kB min:2296kB low:2868kB high:3444kB active_anon:0kB inactive_anon:0kB active_file:0kB inactive_file:336kB unevictable:0kB present:331776kB mlocked:0kB\n" \
	"lowmem_reserve[]: 0 0\n" \
	"Normal: 0*4kB 0*8kB 0*16kB 0*32kB 0*64kB 0*128kB 1*256kB " buddy " = 16128kB\n"

/* yes leads with cause id and says evidence; no does not name id at all */
static void leads_where(const char *yes, const char *no, const char *id, const char *evidence)
{
	struct seen s = explain(yes);
	CHECK_STR(s.first, id);
	CHECK(evidence_has(&s, evidence));
	struct seen t = explain(no);
	CHECK(!has(&t, id));
}

/* A CMA area's failure alone (mm/cma.c cma_alloc): a driver's contiguous
 * buffer, driver-allocation-failed, with the area's free pages when
 * cma_debug_show_areas printed them (R6104's shape); the same line beside
 * a report is that report's, which keeps its own cause */
TEST(cma_alloc_failure_alone_is_a_driver_allocation)
{
	struct seen s = explain("[ 81.757756] cma: cma_alloc: alloc failed, req-size: 2040 pages, ret: -12\n"
				"[ 81.757760] cma: number of available pages: 3@12+5@40=> 8 free of 16384 total pages\n"
				"[ 81.757790] vc4-drm soc:gpu: failed to allocate buffer with size 8355840\n");
	CHECK_STR(s.first, "driver-allocation-failed");
	CHECK(evidence_has(&s, "the area had 8 free of 16384 pages"));
	CHECK(evidence_has(&s, "less than the request, the area is used up"));
	struct seen t = explain("[ 81.757756] cma: cma_alloc: cma: alloc failed, req-size: 512 pages, ret: -16\n");
	CHECK_STR(t.first, "driver-allocation-failed");
	CHECK(strstr(t.summary, "-EBUSY") != NULL);
}

TEST(zone_line_without_free_cma_reads_c_letters)
{
	leads_where(CMA_LETTERS("(C) 1*512kB (C) 1*1024kB (C) 1*2048kB (C) 3*4096kB (C)"),
		    CMA_LETTERS("(M) 1*512kB (UM) 1*1024kB (M) 1*2048kB (M) 3*4096kB (M)"), "cma-unusable",
		    "free_cma read from the buddy line");
}

/* A kill line alone whose victim's memory is shared (shmem-rss twice its
 * anon-rss and more, 64 MiB at least): tmpfs or shared memory filled
 * RAM, ahead of the kill-only exhaustion reading, at low confidence
 * (R5690's shape).  Mostly anonymous: the exhaustion reading stays. */
#define KILL_SHMEM(anon, shmem) \
	"[  240.9] Out of memory: Kill process 4775 (a.out) score 924 or sacrifice child\n" \
	"[  240.9] Killed process 4775 (a.out) total-vm:16781892kB, anon-rss:" anon "kB, file-rss:0kB, shmem-rss:" shmem "kB\n"

TEST(kill_line_shmem_victim_is_shmem_tmpfs)
{
	struct seen s = explain(KILL_SHMEM("88", "3443560"));
	CHECK_STR(s.first, "shmem-tmpfs");
	CHECK_STR(confidence_name(s.conf), "low");
	CHECK(has(&s, "genuine-exhaustion-no-swap"));
	static const char *const not_shmem[][2] = { { "3000000", "443560" }, { "88", "60000" } };
	for (size_t i = 0; i < 2; i++) {
		char text[512];
		snprintf(text, sizeof(text), KILL_SHMEM("%s", "%s"), not_shmem[i][0], not_shmem[i][1]);
		struct seen t = explain(text);
		CHECK(!has(&t, "shmem-tmpfs"));
	}
}

TEST(compulsory_panic_leads_a_cgroup_oom)
{
	/* a memcg OOM at its limit that then panicked: panic_on_oom=1 spares
	 * a cgroup OOM, only 2 panics for it, so the setting took the host
	 * down and leads; the limit follows */
	struct seen s = explain(
		"[  10.0] a.out invoked oom-killer: gfp_mask=0xcc0(GFP_KERNEL), order=0, oom_score_adj=0\n"
		"[  10.0] memory: usage 102400kB, limit 102400kB, failcnt 12\n"
		"[  10.0] memory+swap: usage 102400kB, limit 9007199254740988kB, failcnt 0\n"
		"[  10.0] kmem: usage 1024kB, limit 9007199254740988kB, failcnt 0\n"
		"[  10.1] Kernel panic - not syncing: Out of memory: compulsory panic_on_oom is enabled\n");
	CHECK_STR(s.first, "panic-on-oom");
	CHECK_STR(s.ids[1], "memcg-limit");
	CHECK(evidence_has(&s, "inside the cgroup"));
}

TEST(allocating_task_leads_without_evidence)
{
	struct seen s = explain(
		"[  140.758667] a.out invoked oom-killer: gfp_mask=0x24280ca(GFP_HIGHUSER_MOVABLE|__GFP_ZERO), order=0, oom_score_adj=0\n"
		"[  140.760706] a.out cpuset=/ mems_allowed=0\n"
		"[  140.860676] Out of memory (oom_kill_allocating_task): Kill process 10595 (a.out) score 0 or sacrifice child\n"
		"[  140.864883] Killed process 10596 (a.out) total-vm:4176kB, anon-rss:80kB, file-rss:0kB, shmem-rss:0kB\n");
	CHECK_INT(s.n, 1);
	CHECK_STR(s.first, "oom-kill-allocating-task");
	CHECK(evidence_has(&s, "child"));
	CHECK(has(&s, "unknown"));
}

TEST(plain_selection_is_no_allocating_task)
{
	struct seen s = explain(
		"[  140.758667] a.out invoked oom-killer: gfp_mask=0x24280ca(GFP_HIGHUSER_MOVABLE|__GFP_ZERO), order=0, oom_score_adj=0\n"
		"[  140.860676] Out of memory: Kill process 10595 (a.out) score 900 or sacrifice child\n"
		"[  140.864883] Killed process 10595 (a.out) total-vm:4176kB, anon-rss:80kB, file-rss:0kB, shmem-rss:0kB\n");
	/* a system-wide order-0 header and a kill with no figure: the
	 * evidence class's cause, low (rule_evidence_class) */
	CHECK_STR(s.first, "genuine-exhaustion-no-swap");
	CHECK_STR(confidence_name(s.conf), "low");
	CHECK(!has(&s, "oom-kill-allocating-task"));
	CHECK(!evidence_has(&s, "score was 0"));
}

TEST(score_zero_victim_says_where_memory_is_not)
{
	/* kill lines only; the worst process held nothing */
	struct seen s = explain(
		"[59318.531080] Out of memory: Kill process 15485 (server) score 0 or sacrifice child\n"
		"[59318.618689] Killed process 15485 (server) total-vm:9984kB, anon-rss:68kB, file-rss:0kB\n");
	CHECK_STR(s.first, "unknown");
	CHECK(evidence_has(&s, "score was 0"));
}

/* A bare kill line (its selection line and the report cut away): the line
 * does not tell a memory cgroup's kill from a system-wide one; read as
 * system-wide at low confidence, and the evidence says so.  A selection
 * that names the cgroup, or 2.6.18's capitalised "Out of Memory", keeps
 * its own reading. */
TEST(bare_kill_line_read_as_system_wide)
{
	struct seen s = explain(
		"Killed process 2260941 (claude) total-vm:1378202200kB, anon-rss:43320908kB\n");
	CHECK_STR(s.first, "genuine-exhaustion-no-swap");
	CHECK_STR(confidence_name(s.conf), "low");
	CHECK(evidence_has(&s, "does not say system-wide or a memory cgroup"));

	struct seen m = explain(
		"[  10.0] Memory cgroup out of memory: Kill process 4404 (dd) score 900 or sacrifice child\n"
		"[  10.0] Killed process 4404 (dd) total-vm:10512kB, anon-rss:800000kB, file-rss:1824kB\n");
	CHECK(!has(&m, "genuine-exhaustion-no-swap"));

	struct seen o = explain(
		"Out of Memory: Kill process 812 (make) score 300000 and children.\n"
		"Out of Memory: Killed process 812 (make).\n");
	CHECK(!evidence_has(&o, "does not say system-wide or a memory cgroup"));
}

/* Swap not in the report on a desktop or laptop (its "Hardware name:"):
 * such machines are installed with swap, so reclaim gave up with it full.
 * A server's firmware says nothing. */
TEST(desktop_firmware_says_swap_was_there)
{
	struct seen s = explain(
		"[ 10.0] stress-ng invoked oom-killer: gfp_mask=0x140cca(GFP_HIGHUSER_MOVABLE|__GFP_COMP), order=0, oom_score_adj=1000\n"
		"[ 10.0] CPU: 3 PID: 4242 Comm: stress-ng Not tainted 6.1.0-1013-oem #13-Ubuntu\n"
		"[ 10.0] Hardware name: Dell Inc. Dell G16 7630/, BIOS 1.2.0 02/24/2023\n");
	CHECK_STR(s.first, "genuine-exhaustion-swap-full");
	CHECK_STR(confidence_name(s.conf), "low");
	CHECK(evidence_has(&s, "desktop's or laptop's firmware"));

	struct seen v = explain(
		"[ 10.0] stress-ng invoked oom-killer: gfp_mask=0x140cca(GFP_HIGHUSER_MOVABLE|__GFP_COMP), order=0, oom_score_adj=1000\n"
		"[ 10.0] CPU: 3 PID: 4242 Comm: stress-ng Not tainted 6.1.0-1013-oem #13-Ubuntu\n"
		"[ 10.0] Hardware name: Dell Inc. PowerEdge R740/04FC42, BIOS 2.7.7 05/04/2020\n");
	CHECK_STR(v.first, "genuine-exhaustion-no-swap");

	/* a kill line alone before a report of the same machine that names
	 * its firmware: the machine's, lent as its arch is */
	struct seen k = explain(
		"[ 9.0] Out of memory: Killed process 7 (leak) total-vm:12000000kB, anon-rss:11000000kB, file-rss:0kB, shmem-rss:0kB\n"
		"[ 20.0] tailscaled invoked oom-killer: gfp_mask=0x140cca(GFP_HIGHUSER_MOVABLE|__GFP_COMP), order=0, oom_score_adj=0\n"
		"[ 20.0] CPU: 3 PID: 4242 Comm: tailscaled Not tainted 6.1.0-18-amd64 #1 Debian 6.1.76-1\n"
		"[ 20.0] Hardware name: Dell Inc. Precision 3460/08PFGW, BIOS 2.10.0 11/07/2023\n");
	CHECK_STR(k.first, "genuine-exhaustion-swap-full");
	CHECK(evidence_has(&k, "desktop's or laptop's firmware"));
}

/* ---- premature OOM: kernel-oom-regression --------------------------------- */

/* A 4.19 x86_64 report, no swap; NORMAL_FREE is the Normal zone's free kB. */
#define R419_HEAD \
	"mysqld invoked oom-killer: gfp_mask=0x6280ca(GFP_HIGHUSER_MOVABLE|__GFP_ZERO), nodemask=(null), order=0, oom_score_adj=0\n" \
	"CPU: 2 PID: 812 Comm: mysqld Not tainted 4.19.0-21-amd64 #1 Debian 4.19.249-2\n" \
	"Mem-Info:\n" \
	"active_anon:1370240 inactive_anon:587246 isolated_anon:0\n" \
	" active_file:3843 inactive_file:3844 isolated_file:0\n" \
	" unevictable:0 dirty:0 writeback:0 unstable:0\n" \
	" slab_reclaimable:6000 slab_unreclaimable:14000\n" \
	" mapped:6414 shmem:589 pagetables:9149 bounce:0\n" \
	" free:18807 free_pcp:103 free_cma:0\n" \
	"Node 0 DMA free:15908kB min:32kB low:40kB high:48kB active_anon:0kB inactive_anon:0kB active_file:0kB inactive_file:0kB unevictable:0kB writepending:0kB present:15992kB managed:15908kB mlocked:0kB kernel_stack:0kB pagetables:0kB bounce:0kB free_pcp:0kB local_pcp:0kB free_cma:0kB\n" \
	"lowmem_reserve[]: 0 2991 7985 7985 7985\n" \
	"Node 0 DMA32 free:43120kB min:5988kB low:7485kB high:8982kB active_anon:2039076kB inactive_anon:873888kB active_file:5716kB inactive_file:5720kB unevictable:0kB writepending:0kB present:3129216kB managed:3063024kB mlocked:0kB kernel_stack:1636kB pagetables:13612kB bounce:0kB free_pcp:152kB local_pcp:0kB free_cma:0kB\n" \
	"lowmem_reserve[]: 0 0 4993 4993 4993\n"
#define R419_TAIL \
	"lowmem_reserve[]: 0 0 0 0 0\n" \
	"Free swap  = 0kB\n" \
	"Total swap = 0kB\n" \
	"2097022 pages RAM\n" \
	"0 pages HighMem/MovableOnly\n" \
	"48868 pages reserved\n" \
	"Out of memory: Kill process 812 (mysqld) score 900 or sacrifice child\n" \
	"Killed process 812 (mysqld) total-vm:8000000kB, anon-rss:7000000kB, file-rss:0kB, shmem-rss:0kB\n"
#define NORMAL(free) \
	"Node 0 Normal free:" free "kB min:10680kB low:13350kB high:16020kB active_anon:3441884kB inactive_anon:1475096kB active_file:9656kB inactive_file:9656kB unevictable:0kB writepending:0kB present:5242880kB managed:5113684kB mlocked:0kB kernel_stack:2764kB pagetables:22984kB bounce:0kB free_pcp:260kB local_pcp:0kB free_cma:0kB\n"

TEST(premature_zone_far_above_high)
{
	struct seen s = explain(R419_HEAD NORMAL("400000") R419_TAIL);
	CHECK_STR(s.first, "kernel-oom-regression");
	CHECK_STR(confidence_name(s.conf), "medium");
	CHECK(evidence_has(&s, "high watermark"));
	CHECK(!has(&s, "genuine-exhaustion-no-swap"));
}

TEST(premature_not_for_a_zone_just_above_high)
{
	/* a little over high: the snapshot moved, memory had run out */
	struct seen s = explain(R419_HEAD NORMAL("16200") R419_TAIL);
	CHECK_STR(s.first, "genuine-exhaustion-no-swap");
	CHECK(!has(&s, "kernel-oom-regression"));
}

TEST(panic_stays_behind_a_cause)
{
	/* a system-wide OOM with its cause in the numbers that then panicked
	 * (panic_on_oom=1): the shortage stays first, the panic follows */
	struct seen s = explain(R419_HEAD NORMAL("16200")
		"lowmem_reserve[]: 0 0 0 0 0\n"
		"Free swap  = 0kB\n"
		"Total swap = 0kB\n"
		"2097022 pages RAM\n"
		"0 pages HighMem/MovableOnly\n"
		"48868 pages reserved\n"
		"Kernel panic - not syncing: Out of memory: system-wide panic_on_oom is enabled\n");
	CHECK_STR(s.first, "genuine-exhaustion-no-swap");
	CHECK(has(&s, "panic-on-oom"));
	CHECK(strcmp(s.ids[0], "panic-on-oom") != 0);
}

TEST(premature_not_for_high_order)
{
	/* order 2 with room at order 0 is fragmentation's, not a premature OOM */
	struct seen s = explain(
		"bash invoked oom-killer: gfp_mask=0x6000c0(GFP_KERNEL), nodemask=(null), order=2, oom_score_adj=0\n"
		"CPU: 2 PID: 812 Comm: bash Not tainted 4.19.0-21-amd64 #1\n"
		"Mem-Info:\n"
		"Node 0 Normal free:400000kB min:10680kB low:13350kB high:16020kB active_anon:3441884kB inactive_anon:1475096kB active_file:9656kB inactive_file:9656kB unevictable:0kB writepending:0kB present:5242880kB managed:5113684kB mlocked:0kB kernel_stack:2764kB pagetables:22984kB bounce:0kB free_pcp:260kB local_pcp:0kB free_cma:0kB\n"
		"lowmem_reserve[]: 0 0 0 0 0\n"
		"Node 0 Normal: 100000*4kB (UME) 0*8kB 0*16kB 0*32kB 0*64kB 0*128kB 0*256kB 0*512kB 0*1024kB 0*2048kB 0*4096kB = 400000kB\n");
	CHECK_STR(s.first, "fragmentation-high-order");
	CHECK(!has(&s, "kernel-oom-regression"));
}

/* 2.6-era zone lines without any trigger line (a paste of the numbers) */
#define ZONES_26(node) \
	node "DMA free:4536kB min:60kB low:72kB high:88kB active:0kB inactive:0kB present:16384kB pages_scanned:0 all_unreclaimable? no\n" \
	"protections[]: 0 0 0\n" \
	node "Normal free:524648kB min:4028kB low:5032kB high:6040kB active:76508kB inactive:81760kB present:1031360kB pages_scanned:0 all_unreclaimable? no\n" \
	"protections[]: 0 0 0\n"

TEST(premature_request_unknown_low)
{
	struct seen s = explain(ZONES_26(""));
	CHECK_STR(s.first, "kernel-oom-regression");
	CHECK_STR(confidence_name(s.conf), "low");
	CHECK(evidence_has(&s, "trigger line decides"));
}

TEST(premature_request_unknown_not_on_two_nodes)
{
	/* a node-confined request (cpuset, policy) explains room on one node */
	struct seen s = explain(
		"Node 0 Normal free:1200kB min:4028kB low:5032kB high:6040kB active:76508kB inactive:81760kB present:1031360kB pages_scanned:0 all_unreclaimable? yes\n"
		"lowmem_reserve[]: 0 0 0\n"
		"Node 1 Normal free:524648kB min:4028kB low:5032kB high:6040kB active:76508kB inactive:81760kB present:1031360kB pages_scanned:0 all_unreclaimable? no\n"
		"lowmem_reserve[]: 0 0 0\n");
	CHECK(!has(&s, "kernel-oom-regression"));
}

/* 2.6.5–2.6.11-rc2: the OOM killer was called from try_to_free_pages with
 * no look at free pages (event_rules.c rule_spurious_oom_2610) */
#define SPURIOUS_2610(normal_free, normal_unrecl, rsv) \
	"oom-killer: gfp_mask=0xd2\n" \
	"Free pages:       13000kB (0kB HighMem)\n" \
	"Active:90000 inactive:5000 dirty:0 writeback:60 unstable:0 free:3250 slab:9000 mapped:90000 pagetables:11000\n" \
	"DMA free:1700kB min:90kB low:110kB high:135kB active:3000kB inactive:3000kB present:16384kB pages_scanned:3000 all_unreclaimable? no\n" \
	rsv ": 0 0 0\n" \
	"Normal free:" normal_free "kB min:2800kB low:3500kB high:4200kB active:370000kB inactive:14000kB present:506880kB pages_scanned:9000 all_unreclaimable? " normal_unrecl "\n" \
	rsv ": 0 0 0\n" \
	"HighMem free:0kB min:128kB low:160kB high:192kB active:0kB inactive:0kB present:0kB pages_scanned:0 all_unreclaimable? no\n" \
	rsv ": 0 0 0\n" \
	"Swap cache: add 1400000, delete 1399000, find 150000/1600000, race 4+17\n" \
	"Out of Memory: Killed process 4242 (cc1).\n"

TEST(spurious_oom_2610_zone_over_twice_high)
{
	struct seen s = explain(SPURIOUS_2610("11300", "no", "protections[]"));
	CHECK_STR(s.first, "kernel-oom-regression");
	CHECK_STR(confidence_name(s.conf), "medium");
	CHECK(evidence_has(&s, "try_to_free_pages"));
	CHECK(evidence_has(&s, "protections[]"));
}

TEST(spurious_oom_2610_needs_the_era_and_the_room)
{
	/* under twice the mark: not the room reading (the zones still being
	 * reclaimed give the low-confidence one below) */
	struct seen s = explain(SPURIOUS_2610("7900", "no", "protections[]"));
	CHECK(strstr(s.summary, "over twice") == NULL);
	CHECK_STR(confidence_name(s.conf), "low");
	/* a zone the kernel had given up on */
	s = explain(SPURIOUS_2610("11300", "yes", "protections[]"));
	CHECK(!evidence_has(&s, "try_to_free_pages"));
	/* lowmem_reserve[]: 2.6.11 on, the high-watermark check before the kill */
	s = explain(SPURIOUS_2610("11300", "no", "lowmem_reserve[]"));
	CHECK(!evidence_has(&s, "try_to_free_pages"));
}

/* The same kernels with no zone over its mark, none given up on, swap in
 * use (R953's shape) */
#define SPURIOUS_2610_RECLAIMING(dma_unrecl, adds) \
	"oom-killer: gfp_mask=0x1d2\n" \
	"Free pages:         3300kB (0kB HighMem)\n" \
	"Active:12000 inactive:14000 dirty:0 writeback:0 unstable:0 free:825 slab:2000 mapped:9000 pagetables:300\n" \
	"DMA free:300kB min:44kB low:88kB high:132kB active:4000kB inactive:5000kB present:16384kB pages_scanned:900 all_unreclaimable? " dma_unrecl "\n" \
	"protections[]: 0 0 0\n" \
	"Normal free:3000kB min:2800kB low:3500kB high:4200kB active:44000kB inactive:51000kB present:114688kB pages_scanned:4000 all_unreclaimable? no\n" \
	"protections[]: 0 0 0\n" \
	"HighMem free:0kB min:128kB low:256kB high:384kB active:0kB inactive:0kB present:0kB pages_scanned:0 all_unreclaimable? no\n" \
	"protections[]: 0 0 0\n" \
	"Swap cache: add " adds ", delete 42000, find 1000/2000, race 0+0\n" \
	"Out of Memory: Killed process 1147 (bk).\n"

TEST(spurious_oom_2610_while_reclaim_progressed)
{
	struct seen s = explain(SPURIOUS_2610_RECLAIMING("no", "49668"));
	CHECK_STR(s.first, "kernel-oom-regression");
	CHECK_STR(confidence_name(s.conf), "low");
	CHECK(evidence_has(&s, "all_unreclaimable? no"));
	/* a zone given up on: not this reading */
	s = explain(SPURIOUS_2610_RECLAIMING("yes", "49668"));
	CHECK(!evidence_has(&s, "all_unreclaimable? no"));
	/* no page ever went to swap: no swap to write to, not this reading */
	s = explain(SPURIOUS_2610_RECLAIMING("no", "0"));
	CHECK(!evidence_has(&s, "all_unreclaimable? no"));
}

/* A 2.6.12 header prints no order (R4011): the zones are still held to
 * their marks, and RAM with no swap ran out */
TEST(header_without_order_still_reads_exhaustion)
{
	struct seen s = explain(
		"oom-killer: gfp_mask=0x80d2\n"
		"Free pages:        3064kB (0kB HighMem)\n"
		"Active:50000 inactive:5000 dirty:0 writeback:0 unstable:0 free:766 slab:3927 mapped:50000 pagetables:75\n"
		"DMA free:1076kB min:124kB low:152kB high:184kB active:5000kB inactive:4000kB present:16384kB pages_scanned:4000 all_unreclaimable? yes\n"
		"lowmem_reserve[]: 0 239 239\n"
		"Normal free:1988kB min:1916kB low:2392kB high:2872kB active:190000kB inactive:16000kB present:245760kB pages_scanned:90000 all_unreclaimable? yes\n"
		"lowmem_reserve[]: 0 0 0\n"
		"HighMem free:0kB min:128kB low:160kB high:192kB active:0kB inactive:0kB present:0kB pages_scanned:0 all_unreclaimable? no\n"
		"lowmem_reserve[]: 0 0 0\n"
		"Swap cache: add 0, delete 0, find 0/0, race 0+0\n"
		"Free swap  = 0kB\n"
		"Total swap = 0kB\n"
		"Out of Memory: Killed process 812 (make).\n");
	CHECK_STR(s.first, "genuine-exhaustion-no-swap");
}

/* 4.10: DMA32 passes the min check on its printed free, with H letters */
#define HIGHATOMIC_410(letters) \
	"python invoked oom-killer: gfp_mask=0x14201ca(GFP_HIGHUSER_MOVABLE|__GFP_COLD), nodemask=0, order=0, oom_score_adj=0\n" \
	"CPU: 1 PID: 813 Comm: python Not tainted 4.10.0-1.fc26.x86_64 #1\n" \
	"Mem-Info:\n" \
	"active_anon:37423 inactive_anon:37512 isolated_anon:0\n" \
	" active_file:462 inactive_file:603 isolated_file:0\n" \
	" unevictable:0 dirty:0 writeback:0 unstable:0\n" \
	" slab_reclaimable:3538 slab_unreclaimable:4818\n" \
	" mapped:859 shmem:9 pagetables:3370 bounce:0\n" \
	" free:1650 free_pcp:103 free_cma:0\n" \
	"Node 0 DMA free:1484kB min:104kB low:128kB high:152kB active_anon:5660kB inactive_anon:6156kB active_file:56kB inactive_file:64kB unevictable:0kB writepending:0kB present:15992kB managed:15908kB mlocked:0kB slab_reclaimable:444kB slab_unreclaimable:1208kB kernel_stack:32kB pagetables:592kB bounce:0kB free_pcp:0kB local_pcp:0kB free_cma:0kB\n" \
	"lowmem_reserve[]: 0 327 327 327 327\n" \
	"Node 0 DMA32 free:5012kB min:2264kB low:2828kB high:3392kB active_anon:143580kB inactive_anon:143300kB active_file:2576kB inactive_file:2560kB unevictable:0kB writepending:0kB present:376688kB managed:353968kB mlocked:0kB slab_reclaimable:13708kB slab_unreclaimable:18064kB kernel_stack:2352kB pagetables:12888kB bounce:0kB free_pcp:412kB local_pcp:88kB free_cma:0kB\n" \
	"lowmem_reserve[]: 0 0 0 0 0\n" \
	"Node 0 DMA: 70*4kB (UME" letters ") 20*8kB (UME) 13*16kB (M) 5*32kB (M) 4*64kB (M) 2*128kB (M) 1*256kB (M) 0*512kB 0*1024kB 0*2048kB 0*4096kB = 1576kB\n" \
	"Node 0 DMA32: 1134*4kB (UME" letters ") 25*8kB (UME) 13*16kB (M" letters ") 7*32kB (M" letters ") 3*64kB (M" letters ") 0*128kB 1*256kB (M" letters ") 0*512kB 0*1024kB 0*2048kB 0*4096kB = 5616kB\n"

TEST(premature_highatomic_reserve)
{
	struct seen s = explain(HIGHATOMIC_410("H"));
	CHECK_STR(s.first, "kernel-oom-regression");
	CHECK_STR(confidence_name(s.conf), "medium");
	CHECK(evidence_has(&s, "1 % of the zone"));
}

TEST(premature_highatomic_needs_h_letters)
{
	struct seen s = explain(HIGHATOMIC_410(""));
	CHECK(!has(&s, "kernel-oom-regression"));
}

/* a report cut to its Mem-Info summary: page cache a large share of RAM */
#define CACHE_ONLY(dirty) \
	"[  100.0] Mem-Info:\n" \
	"[  100.0] active_anon:50000 inactive_anon:20000 isolated_anon:0\n" \
	"[  100.0]  active_file:300000 inactive_file:400000 isolated_file:0\n" \
	"[  100.0]  unevictable:0 dirty:" dirty " writeback:0 unstable:0\n" \
	"[  100.0]  slab_reclaimable:10000 slab_unreclaimable:10000\n" \
	"[  100.0]  mapped:5000 shmem:100 pagetables:2000 bounce:0\n" \
	"[  100.0]  free:20000 free_pcp:100 free_cma:0\n" \
	"[  100.1] 1048576 pages RAM\n" \
	"[  100.1] 0 pages HighMem/MovableOnly\n" \
	"[  100.1] 20000 pages reserved\n" \
	"[  100.2] Out of memory: Kill process 812 (rsync) score 100 or sacrifice child\n" \
	"[  100.2] Killed process 812 (rsync) total-vm:80000kB, anon-rss:70000kB, file-rss:0kB, shmem-rss:0kB\n"

TEST(premature_clean_page_cache)
{
	struct seen s = explain(CACHE_ONLY("1000"));
	CHECK_STR(s.first, "kernel-oom-regression");
	CHECK(evidence_has(&s, "should_reclaim_retry"));
}

/* an order-2 fork with a third of RAM and more in clean page cache: the
 * allocator retries non-costly orders while reclaim progresses, so giving
 * up beside that cache is premature (R1763's shape) — not RAM running out;
 * an order-4 (costly) request is not this reading */
#define FORK_CACHE(order) \
	"[  100.0] fork invoked oom-killer: gfp_mask=0x27000c0(GFP_KERNEL|GFP_NOTRACK|0x100000), order=" order ", oom_score_adj=0\n" \
	"[  100.0] CPU: 1 PID: 9599 Comm: fork Not tainted 4.4.0-rc7-next-20151231 #1\n" \
	"[  100.0] Mem-Info:\n" \
	"[  100.0] active_anon:30000 inactive_anon:3900 isolated_anon:0\n" \
	"[  100.0]  active_file:150000 inactive_file:159922 isolated_file:0\n" \
	"[  100.0]  unevictable:0 dirty:20 writeback:0 unstable:0\n" \
	"[  100.0]  slab_reclaimable:15100 slab_unreclaimable:20839\n" \
	"[  100.0]  mapped:5000 shmem:2162 pagetables:18491 bounce:0\n" \
	"[  100.0]  free:4243 free_pcp:100 free_cma:0\n" \
	"[  100.1] Free swap  = 0kB\n" \
	"[  100.1] Total swap = 0kB\n" \
	"[  100.1] 443712 pages RAM\n" \
	"[  100.1] 0 pages HighMem/MovableOnly\n" \
	"[  100.1] 10000 pages reserved\n"

TEST(premature_clean_page_cache_small_order)
{
	struct seen s = explain(FORK_CACHE("2"));
	CHECK_STR(s.first, "kernel-oom-regression");
	CHECK(evidence_has(&s, "not costly"));
	struct seen t = explain(FORK_CACHE("4"));
	CHECK(strcmp(t.first, "kernel-oom-regression") != 0 || !evidence_has(&t, "not costly"));
}

/* a nommu mapping needs one block of its length's order: none free beside
 * enough free memory is fragmentation, ahead of the slab (R2256's shape) */
#define NOMMU(largest) \
	"[    1.217998] nommu: Allocation of length 491520 from process 1 (sh) failed\n" \
	"[    1.224098] active_anon:0 inactive_anon:0 isolated_anon:0\n" \
	"[    1.224098]  active_file:5 inactive_file:12 isolated_file:0\n" \
	"[    1.224098]  slab_reclaimable:38 slab_unreclaimable:459\n" \
	"[    1.224098]  free:859 free_pcp:0 free_cma:0\n" \
	"[    1.285147] DMA32 free:3436kB boost:0kB min:312kB low:388kB high:464kB present:8192kB managed:6240kB free_cma:0kB\n" \
	"[    1.310654] lowmem_reserve[]: 0 0 0\n" \
	"[    1.314089] DMA32: 17*4kB (U) 10*8kB (U) 7*16kB (U) 6*32kB (U) 11*64kB (U) 6*128kB (U) 6*256kB (U) " largest " 0*1024kB 0*2048kB 0*4096kB = 3460kB\n"

TEST(nommu_mapping_without_a_block)
{
	struct seen s = explain(NOMMU("0*512kB"));
	CHECK_STR(s.first, "fragmentation-high-order");
	CHECK(evidence_has(&s, "do_mmap_private"));
	/* a block of the order was free: not this reading */
	struct seen t = explain(NOMMU("1*512kB"));
	CHECK(!evidence_has(&t, "do_mmap_private"));
}

TEST(premature_not_for_dirty_page_cache)
{
	/* dirty pages need writeback before reclaim can free them */
	struct seen s = explain(CACHE_ONLY("650000"));
	CHECK(!has(&s, "kernel-oom-regression"));
}

/* a cgroup v2 OOM whose stat dump shows FILE_DIRTY bytes of dirty cache */
#define MEMCG_DIRTY(dirty) \
	"dd invoked oom-killer: gfp_mask=0x101cca(GFP_HIGHUSER_MOVABLE|__GFP_WRITE), order=0, oom_score_adj=0\n" \
	"CPU: 0 PID: 4404 Comm: dd Not tainted 6.6.0 #1\n" \
	"memory: usage 308224kB, limit 308224kB, failcnt 2589\n" \
	"swap: usage 0kB, limit 9007199254740988kB, failcnt 0\n" \
	"Memory cgroup stats for /test:\n" \
	"anon 1179648\n" \
	"file 305135616\n" \
	"kernel 1048576\n" \
	"shmem 0\n" \
	"file_dirty " dirty "\n" \
	"file_writeback 0\n" \
	"oom-kill:constraint=CONSTRAINT_MEMCG,nodemask=(null),cpuset=test,mems_allowed=0,oom_memcg=/test,task_memcg=/test,task=dd,pid=4404,uid=0\n" \
	"Memory cgroup out of memory: Killed process 4404 (dd) total-vm:10512kB, anon-rss:1152kB, file-rss:1824kB, shmem-rss:0kB, UID:0 pgtables:76kB oom_score_adj:0\n"

TEST(premature_memcg_dirty)
{
	struct seen s = explain(MEMCG_DIRTY("303247360"));
	CHECK_STR(s.first, "kernel-oom-regression");
	CHECK(has(&s, "memcg-limit"));
	struct seen t = explain(MEMCG_DIRTY("3032473"));
	CHECK_STR(t.first, "memcg-limit");
	CHECK(!has(&t, "kernel-oom-regression"));
}

/* cgroup v1 (4.19): no cgroup writeback, so dirty pages fill a small
 * cgroup by design: the limit leads, the dirty share is its evidence */
TEST(memcg_v1_dirty_is_the_limit)
{
	struct seen s = explain(
		"[ 10.0] cp invoked oom-killer: gfp_mask=0x6200ca(GFP_HIGHUSER_MOVABLE), nodemask=(null), order=0, oom_score_adj=-998\n"
		"[ 10.0] Task in /k/a killed as a result of limit of /k/a\n"
		"[ 10.0] memory: usage 524288kB, limit 524288kB, failcnt 0\n"
		"[ 10.0] memory+swap: usage 524288kB, limit 524288kB, failcnt 38\n"
		"[ 10.0] kmem: usage 16560kB, limit 9007199254740988kB, failcnt 0\n"
		"[ 10.0] Memory cgroup stats for /k/a: cache:507172KB rss:448KB rss_huge:0KB shmem:28KB mapped_file:0KB dirty:503316KB writeback:0KB swap:0KB inactive_anon:0KB active_anon:540KB inactive_file:253596KB active_file:253592KB unevictable:0KB\n"
		"[ 10.0] Memory cgroup out of memory: Kill process 62769 (cp) score 0 or sacrifice child\n"
		"[ 10.0] Killed process 62769 (cp) total-vm:17528kB, anon-rss:0kB, file-rss:1644kB, shmem-rss:0kB\n");
	CHECK_STR(s.first, "memcg-limit");
	CHECK(!has(&s, "kernel-oom-regression"));
	CHECK(evidence_has(&s, "no cgroup writeback"));
}

/* usage far above the limit: the limit was lowered below it (a
 * memory.max write), which leads even a cgroup full of shmem; at the
 * limit, the consumer still leads */
#define MEMCG_OVER(usage) \
	"[ 1.0] tee invoked oom-killer: gfp_mask=0xcc0(GFP_KERNEL), order=0, oom_score_adj=0\n" \
	"[ 1.0] CPU: 1 PID: 9 Comm: tee Not tainted 6.5.0 #1\n" \
	"[ 1.0]  mem_cgroup_out_of_memory+0x134/0x150\n" \
	"[ 1.0]  memory_max_write+0x117/0x1e0\n" \
	"[ 1.0] memory: usage " usage "kB, limit 488280kB, failcnt 5\n" \
	"[ 1.0] swap: usage 0kB, limit 9007199254740988kB, failcnt 0\n" \
	"[ 1.0] Memory cgroup stats for /app.scope:\n" \
	"[ 1.0] anon 10485760\n" \
	"[ 1.0] file 450000000\n" \
	"[ 1.0] shmem 450000000\n" \
	"[ 1.0] oom-kill:constraint=CONSTRAINT_MEMCG,nodemask=(null),cpuset=/,mems_allowed=0,oom_memcg=/app.scope,task_memcg=/app.scope,task=app,pid=77,uid=1000\n" \
	"[ 1.0] Memory cgroup out of memory: Killed process 77 (app) total-vm:900000kB, anon-rss:10240kB, file-rss:0kB, shmem-rss:0kB, UID:1000 pgtables:76kB oom_score_adj:0\n"

TEST(memcg_usage_above_limit_leads)
{
	struct seen s = explain(MEMCG_OVER("718396"));
	CHECK_STR(s.first, "memcg-limit");
	CHECK(has(&s, "shmem-tmpfs"));
	CHECK(evidence_has(&s, "lowered below the usage"));
	struct seen t = explain(MEMCG_OVER("488280"));
	CHECK_STR(t.first, "shmem-tmpfs");
	/* a forced charge's few pages over the limit are no lowered limit */
	struct seen u = explain(MEMCG_OVER("489304"));
	CHECK_STR(u.first, "shmem-tmpfs");
}

TEST(boot_dma_zone_empty)
{
	struct seen s = explain(
		" DMA: preallocated 128 KiB GFP_KERNEL pool for atomic allocations\n"
		" swapper/0: page allocation failure: order:5, mode:0xcc1(GFP_KERNEL|GFP_DMA), nodemask=(null),cpuset=/,mems_allowed=0\n"
		" CPU: 0 PID: 1 Comm: swapper/0 Not tainted 5.13.0-0.rc5.fc35.x86_64 #1\n"
		" Call Trace:\n"
		"  dump_stack+0x7f/0xa1\n"
		"  warn_alloc.cold+0x72/0xd6\n");
	CHECK_STR(s.first, "kernel-oom-regression");
	CHECK(has(&s, "fragmentation-high-order"));   /* still listed, below */
	/* by its stamp: the first second of boot */
	struct seen t = explain(
		"[    0.247713] swapper/0: page allocation failure: order:1, mode:0xcc1(GFP_KERNEL|GFP_DMA), nodemask=(null),cpuset=/,mems_allowed=0\n"
		"[    0.274706] Call trace:\n"
		"[    0.280863]  dump_backtrace+0x0/0x208\n");
	CHECK_STR(t.first, "kernel-oom-regression");
}

TEST(boot_dma_not_for_an_interrupt_later)
{
	/* swapper/N at run time is the idle task taking an interrupt */
	struct seen s = explain(
		"[ 8513.740326] swapper/3: page allocation failure: order:5, mode:0xcc1(GFP_KERNEL|GFP_DMA), nodemask=(null),cpuset=/,mems_allowed=0\n"
		"[ 8513.740330] CPU: 3 PID: 0 Comm: swapper/3 Not tainted 5.13.0 #1\n");
	CHECK(!has(&s, "kernel-oom-regression"));
	/* a GFP_KERNEL request at boot is not confined to a small zone */
	struct seen t = explain(
		"[    0.247713] swapper/0: page allocation failure: order:5, mode:0xcc0(GFP_KERNEL), nodemask=(null),cpuset=/,mems_allowed=0\n"
		"[    0.247720] CPU: 0 PID: 1 Comm: swapper/0 Not tainted 5.13.0 #1\n");
	CHECK(!has(&t, "kernel-oom-regression"));
}

/* ---- 32-bit lowmem pressure ---------------------------------------------- */

/* 6.x 32-bit ARM, cut to its DMA (lowmem) zone: 507 MiB free, 501 MiB CMA */
#define ARM_CMA_LOWMEM(extra) \
	"[  492.659081] DMA free:519112kB boost:7216kB min:10428kB low:11228kB high:12028kB reserved_highatomic:0KB active_anon:0kB inactive_anon:0kB active_file:77632kB inactive_file:168kB unevictable:0kB writepending:78556kB present:786432kB managed:663836kB mlocked:0kB bounce:0kB free_pcp:236kB local_pcp:232kB free_cma:513592kB\n" \
	"[  492.661151] lowmem_reserve[]: 0 0 3188 3188\n" \
	extra \
	"[  492.662208] DMA: 142*4kB (UEC) 161*8kB (UEC) 59*16kB (UEC) 51*32kB (UEC) 18*64kB (UEC) 2*128kB (UC) 1*256kB (C) 0*512kB 1*1024kB (C) 0*2048kB 125*4096kB (C) = 519120kB\n" \
	"[  492.665835] Free swap  = 785668kB\n" \
	"[  492.666982] Total swap = 785668kB\n" \
	"[  492.668136] 1012736 pages RAM\n" \
	"[  492.669366] 816128 pages HighMem/MovableOnly\n" \
	"[  492.670505] 30649 pages reserved\n"

TEST(lowmem_pressure_cma_in_lowmem_inferred)
{
	/* cma-unusable leads it since session 12 (cma_leads_lowmem, R027
	 * re-read with R1110 and R1575); the lowmem reading stays, second */
	struct seen s = explain_for(ARM_CMA_LOWMEM(""), "lowmem-pressure");
	CHECK_STR(s.first, "cma-unusable");
	CHECK(has(&s, "lowmem-pressure"));
	CHECK_STR(confidence_name(s.conf), "medium");
	CHECK(evidence_has(&s, "CMA pageblocks"));
	CHECK(evidence_has(&s, "show_mem"));
}

TEST(lowmem_pressure_needs_the_lowmem_only_print)
{
	/* with the HighMem zone printed the request may have used HighMem:
	 * nothing says it was a lowmem request */
	struct seen s = explain(ARM_CMA_LOWMEM(
		"[  492.661200] HighMem free:4000kB boost:0kB min:512kB low:2000kB high:3000kB reserved_highatomic:0KB active_anon:900000kB inactive_anon:900000kB active_file:100000kB inactive_file:100000kB unevictable:0kB writepending:0kB present:3264512kB managed:3264512kB mlocked:0kB bounce:0kB free_pcp:0kB local_pcp:0kB free_cma:0kB\n"
		"[  492.661300] lowmem_reserve[]: 0 0 0 0\n"));
	CHECK(!has(&s, "lowmem-pressure"));
}

/* a 32-bit x86 report; the request's mask and HighMem's free vary */
#define I686(gfp, highfree, swapfree) I686_SLAB(gfp, highfree, swapfree, "15328", "7899")
#define I686_SLAB(gfp, highfree, swapfree, reclaimable, unreclaimable) \
	"app invoked oom-killer: gfp_mask=" gfp ", order=0, oom_adj=0, oom_score_adj=0\n" \
	"Pid: 4211, comm: app Not tainted 3.2.0-4-686-pae #1 Debian 3.2.102-1\n" \
	"Mem-Info:\n" \
	"active_anon:293890 inactive_anon:125970 isolated_anon:0\n" \
	" active_file:5250 inactive_file:5709 isolated_file:0\n" \
	" unevictable:0 dirty:302 writeback:0 unstable:0\n" \
	" free:4000 slab_reclaimable:" reclaimable " slab_unreclaimable:" unreclaimable "\n" \
	" mapped:10403 shmem:203 pagetables:1353 bounce:0\n" \
	"DMA free:3516kB min:64kB low:80kB high:96kB active_anon:0kB inactive_anon:0kB active_file:0kB inactive_file:0kB unevictable:0kB isolated(anon):0kB isolated(file):0kB present:15996kB mlocked:0kB dirty:0kB writeback:0kB mapped:0kB shmem:0kB slab_reclaimable:0kB slab_unreclaimable:0kB kernel_stack:0kB pagetables:0kB unstable:0kB bounce:0kB writeback_tmp:0kB pages_scanned:0 all_unreclaimable? yes\n" \
	"lowmem_reserve[]: 0 859 2000 2000\n" \
	"Normal free:3640kB min:3720kB low:4650kB high:5580kB active_anon:500000kB inactive_anon:200000kB active_file:8120kB inactive_file:21632kB unevictable:0kB isolated(anon):0kB isolated(file):0kB present:890872kB mlocked:0kB dirty:0kB writeback:0kB mapped:412kB shmem:0kB slab_reclaimable:61200kB slab_unreclaimable:31596kB kernel_stack:2000kB pagetables:5412kB unstable:0kB bounce:0kB writeback_tmp:0kB pages_scanned:0 all_unreclaimable? yes\n" \
	"lowmem_reserve[]: 0 0 9000 9000\n" \
	"HighMem free:" highfree "kB min:512kB low:640kB high:768kB active_anon:674516kB inactive_anon:203368kB active_file:12880kB inactive_file:1204kB unevictable:0kB isolated(anon):0kB isolated(file):0kB present:1179648kB mlocked:0kB dirty:0kB writeback:0kB mapped:41200kB shmem:812kB slab_reclaimable:0kB slab_unreclaimable:0kB kernel_stack:0kB pagetables:0kB unstable:0kB bounce:0kB writeback_tmp:0kB pages_scanned:0 all_unreclaimable? no\n" \
	"lowmem_reserve[]: 0 0 0 0\n" \
	"Free swap  = " swapfree "kB\n" \
	"Total swap = 1000000kB\n"

TEST(lowmem_pressure_request_known)
{
	/* GFP_KERNEL, Normal below min, HighMem nearly full, swap with room */
	struct seen s = explain(I686("0xd0", "4000", "900000"));
	CHECK_STR(s.first, "lowmem-pressure");
	CHECK(evidence_has(&s, "may use zones up to Normal"));
	/* swap full too: the whole machine ran out, lowmem is where it failed */
	struct seen w = explain(I686("0xd0", "4000", "1000"));
	CHECK_STR(w.first, "genuine-exhaustion-swap-full");
	CHECK(has(&w, "lowmem-pressure"));
	/* HighMem with room: the other lowmem cause */
	struct seen t = explain(I686("0xd0", "900000", "900000"));
	CHECK_STR(t.first, "lowmem-exhausted-highmem-free");
	CHECK(!has(&t, "lowmem-pressure"));
	/* a user request may take HighMem: not a lowmem request */
	struct seen u = explain(I686("0x201da", "4000", "900000"));
	CHECK(!has(&u, "lowmem-pressure"));
}

/* the same i686 machine whose lowmem is mostly slab (summary counters): slab
 * comes from lowmem only, so slab growth is why lowmem ran out and leads;
 * lowmem pressure stays as where the request failed */
TEST(slab_filling_lowmem_leads_lowmem_pressure)
{
	/* 150000 pages = 586 MiB of slab in 885 MiB of lowmem */
	struct seen s = explain(I686_SLAB("0xd0", "4000", "900000", "1000", "150000"));
	CHECK_STR(s.first, "slab-growth");
	CHECK(has(&s, "lowmem-pressure"));
	CHECK(evidence_has(&s, "from lowmem only"));
	/* 60000 pages = 234 MiB, a quarter of lowmem: lowmem pressure leads */
	struct seen t = explain(I686_SLAB("0xd0", "4000", "900000", "1000", "60000"));
	CHECK_STR(t.first, "lowmem-pressure");
}

/* a 3.10 32-bit ARM atomic order-0 failure in a zone whose free memory is
 * CMA: counting CMA the zone is above its high mark, so the atomic reserve
 * did not run out, CMA held the memory (cma-unusable leads); with the zone
 * under its high mark even counting CMA, the atomic reserve leads */
#define ARM_ATOMIC_CMA(pages, free, cma, buddy) \
	"swapper/0: page allocation failure: order:0, mode:0x200020\n" \
	"CPU: 0 PID: 0 Comm: swapper/0 Not tainted 3.10.53 #1\n" \
	"Mem-info:\n" \
	"active_anon:11642 inactive_anon:331 isolated_anon:0\n" \
	"active_file:78585 inactive_file:79182 isolated_file:0\n" \
	"unevictable:0 dirty:0 writeback:0 unstable:0\n" \
	"free:" pages " slab_reclaimable:1318 slab_unreclaimable:2242\n" \
	"mapped:5698 shmem:367 pagetables:477 bounce:0\n" \
	"DMA free:" free "kB min:20000kB low:25000kB high:30000kB active_anon:46568kB inactive_anon:1324kB active_file:314340kB inactive_file:316728kB unevictable:0kB isolated(anon):0kB isolated(file):0kB present:1048576kB managed:697164kB mlocked:0kB dirty:0kB writeback:0kB mapped:22792kB shmem:1468kB slab_reclaimable:5272kB slab_unreclaimable:8968kB kernel_stack:1704kB pagetables:1908kB unstable:0kB bounce:0kB free_cma:" cma "kB writeback_tmp:0kB pages_scanned:51 all_unreclaimable? no\n" \
	"lowmem_reserve[]: 0 0 0 0\n" \
	"DMA: " buddy "\n" \
	"Free swap  = 0kB\n" \
	"Total swap = 0kB\n"

TEST(atomic_failure_with_free_memory_in_cma)
{
	struct seen s = explain(ARM_ATOMIC_CMA("35948", "143792", "143136",
		"4452*4kB (UC) 4382*8kB (UC) 4111*16kB (UC) 786*32kB (UC) 0*64kB 0*128kB 0*256kB 0*512kB 0*1024kB 0*2048kB 0*4096kB = 143792kB"));
	CHECK_STR(s.first, "cma-unusable");
	CHECK(has(&s, "atomic-reserves-exhausted"));
	/* under the high mark even with CMA: the reserve itself was short */
	struct seen t = explain(ARM_ATOMIC_CMA("6250", "25000", "20000",
		"750*4kB (UC) 250*8kB (UC) 250*16kB (UC) 250*32kB (UC) 125*64kB (C) 0*128kB 0*256kB 0*512kB 0*1024kB 0*2048kB 0*4096kB = 25000kB"));
	CHECK_STR(t.first, "atomic-reserves-exhausted");
	CHECK(has(&t, "cma-unusable"));
}

/* ---- slab growth from the unreclaimable slab table ------------------------ */

TEST(slab_table_alone)
{
	/* a 256 MiB kdump kernel's report trimmed to its head and slab table */
	struct seen s = explain(
		"[    4.338946] swapper/0 invoked oom-killer: gfp_mask=0x6040c0(GFP_KERNEL|__GFP_COMP), nodemask=(null), order=0, oom_score_adj=0\n"
		"[    4.338950] CPU: 0 PID: 1 Comm: swapper/0 Not tainted 5.4.0 #1\n"
		"[    4.857500] Unreclaimable slab info:\n"
		"[    4.857510] Name                      Used          Total\n"
		"[    4.857565] kmalloc-2048           59164KB      59164KB\n"
		"[    4.857570] kmalloc-512             2048KB       2048KB\n");
	CHECK_STR(s.first, "slab-growth");
	CHECK_STR(confidence_name(s.conf), "medium");
	CHECK(evidence_has(&s, "kmalloc-2048"));
	CHECK(evidence_has(&s, "is_dump_unreclaim_slabs"));
}

TEST(slab_table_defers_to_the_counters)
{
	/* counters printed: the share of RAM decides, not the table */
	struct seen s = explain(R419_HEAD NORMAL("16200") R419_TAIL
		"Unreclaimable slab info:\n"
		"Name                      Used          Total\n"
		"kmalloc-2048           59164KB      59164KB\n");
	CHECK(!has(&s, "slab-growth"));
}

/* ---- the gfp table of an inferred era agrees with the printed names ------- */

struct era_seen { int n; bool atomic; struct kver kv; char zone[16]; };

static void on_era(struct oom_event *ev, void *ctx)
{
	struct era_seen *e = ctx;
	if (e->n++)
		return;
	struct event_analysis a;
	event_analyse(ev, &a);
	e->atomic = a.atomic;
	e->kv = ev->kv;
	snprintf(e->zone, sizeof(e->zone), "%s", a.zone_name ? a.zone_name : "");
}

static struct era_seen era_of(const char *text)
{
	struct era_seen e;
	memset(&e, 0, sizeof(e));
	feed(text, on_era, &e);
	return e;
}

TEST(gfp_era_from_printed_names)
{
	/* no release; the cpuset= mark bounds the era at 5.0, whose table
	 * reads 0xcc1 without __GFP_DIRECT_RECLAIM: only 5.1+ name it
	 * GFP_KERNEL|GFP_DMA, as the kernel printed */
	struct era_seen e = era_of(
		"[    0.247713] swapper/0: page allocation failure: order:1, mode:0xcc1(GFP_KERNEL|GFP_DMA), nodemask=(null),cpuset=/,mems_allowed=0\n"
		"[    0.274706] Call trace:\n");
	CHECK(!e.atomic);
	CHECK(e.kv.inferred);
	CHECK(kver_cmp(&e.kv, 5, 1, 0) >= 0);
	CHECK_STR(e.zone, "DMA");
	/* a printed release is kept, whatever the names */
	struct era_seen p = era_of(
		"[ 10.0] app: page allocation failure: order:0, mode:0x2000d1\n"
		"[ 10.0] CPU: 5 PID: 1361 Comm: app Tainted: G        W       4.1.18-g09f547b #1\n");
	CHECK(!p.kv.inferred);
	CHECK_INT(p.kv.major, 4);
	CHECK_INT(p.kv.minor, 1);
}

/* a bare hex with no release and no names: the era whose table decodes it
 * whole in the fewest names (R1009: 0x24201ca is 4.4-4.9's
 * GFP_HIGHUSER_MOVABLE|__GFP_COLD, a request that may reclaim) */
TEST(gfp_era_from_a_bare_mask)
{
	struct era_seen e = era_of("app invoked oom-killer: gfp_mask=0x24201ca, order=0\n"
				   "Normal free:928kB min:940kB ... all_unreclaimable? yes\n"
				   "Killed process 961 (app)\n");
	CHECK(!e.atomic);
	CHECK(e.kv.inferred);
	CHECK_INT(e.kv.major, 4);
	CHECK(e.kv.minor < 10);
	/* a mask the era read from the shape decodes whole keeps that era */
	struct era_seen k = era_of("[ 10.0] app: page allocation failure: order:0, mode:0x24201ca\n"
				   "[ 10.0] CPU: 0 PID: 7 Comm: app Not tainted 4.9.0 #1\n");
	CHECK(!k.kv.inferred);
	CHECK_INT(k.kv.minor, 9);
}

/* the zones alone show RAM gone, no swap line, a request that may reclaim:
 * RAM exhaustion at low confidence, swap named none */
TEST(zones_below_their_marks_without_swap_lines)
{
	struct seen s = explain("app invoked oom-killer: gfp_mask=0x24201ca, order=0\n"
				"Normal free:928kB min:940kB ... all_unreclaimable? yes\n"
				"Killed process 961 (app)\n");
	CHECK_STR(s.first, "genuine-exhaustion-no-swap");
	CHECK_STR(confidence_name(s.conf), "low");
	CHECK(evidence_has(&s, "all_unreclaimable"));
	/* a zone above its min: not this reading */
	struct seen r = explain("app invoked oom-killer: gfp_mask=0x24201ca, order=0\n"
				"Normal free:9280kB min:940kB ... all_unreclaimable? no\n"
				"Killed process 961 (app)\n");
	CHECK(strcmp(r.first, "genuine-exhaustion-no-swap") != 0 || r.conf == CONF_LOW);
}

/* ---- fragmentation from buddy lines alone: the C letters ------------------- */

#define BUDDY_ONLY_CMA(gfp) \
	"app invoked oom-killer: gfp_mask=" gfp ", nodemask=0, order=2, oom_score_adj=0\n" \
	"CPU: 1 PID: 812 Comm: app Not tainted 4.9.118 #1\n" \
	"...\n" \
	"Normal: 12488*4kB (UME) 6984*8kB (UME) 20*16kB (C) 10*32kB (C) 4*64kB (C) 0*128kB 0*256kB 0*512kB 0*1024kB 0*2048kB 0*4096kB = 106768kB\n" \
	"...\n" \
	"Out of memory: Kill process 812 (app) score 12 or sacrifice child\n" \
	"Killed process 812 (app) total-vm:120000kB, anon-rss:40000kB, file-rss:0kB, shmem-rss:0kB\n"

TEST(buddy_only_cma_blocks)
{
	/* GFP_KERNEL may not take CMA pageblocks: fragmentation, saying where */
	struct seen s = explain(BUDDY_ONLY_CMA("0x24000c0(GFP_KERNEL)"));
	CHECK_STR(s.first, "fragmentation-high-order");
	CHECK_STR(confidence_name(s.conf), "medium");
	CHECK(evidence_has(&s, "exist only in CMA pageblocks (C)"));
	/* a movable request may (ALLOC_CMA): it had its block */
	struct seen m = explain(BUDDY_ONLY_CMA("0x24200ca(GFP_HIGHUSER_MOVABLE)"));
	CHECK(!has(&m, "fragmentation-high-order"));
}

/* buddy lines cut away: the summary says most free is CMA; the zone
 * line (no free_cma of its own) gives the min watermark */
#define CMA_SUMMARY(mode, free, cma) \
	"[ 2161.6] app: page allocation failure: order:10, mode:" mode "\n" \
	"[ 2161.6] CPU: 0 PID: 179 Comm: AiApp Not tainted 4.9.56 #53\n" \
	"[ 2161.6] Mem-Info:\n" \
	"[ 2161.6] active_anon:3268 inactive_anon:2 isolated_anon:0\n" \
	"[ 2161.6]  active_file:1271 inactive_file:89286 isolated_file:0\n" \
	"[ 2161.6]  unevictable:0 dirty:343 writeback:0 unstable:0\n" \
	"[ 2161.6]  slab_reclaimable:2019 slab_unreclaimable:644\n" \
	"[ 2161.6]  mapped:4282 shmem:4 pagetables:59 bounce:0\n" \
	"[ 2161.6]  free:" free " free_pcp:199 free_cma:" cma "\n" \
	"[ 2161.7] Normal free:248344kB min:2444kB low:3052kB high:3660kB active_anon:13072kB present:1048572kB\n"

/* one zone whose line lost its free_cma: the summary's is that zone's */
TEST(cma_from_the_summary_with_one_zone)
{
	static const char in[] =
		"[ 10.1] app: page allocation failure: order:0, mode:0x6000c0(GFP_KERNEL), nodemask=(null)\n"
		"[ 10.1] CPU: 0 PID: 70 Comm: app Not tainted 6.1.0 #1\n"
		"[ 10.1] Mem-Info:\n"
		"[ 10.1] active_anon:3268 inactive_anon:2 isolated_anon:0\n"
		"[ 10.1]  active_file:1271 inactive_file:89286 isolated_file:0\n"
		"[ 10.1]  free:14000 free_pcp:0 free_cma:13000\n"
		"[ 10.1] Normal free:56000kB min:2444kB low:3052kB high:3660kB present:1048576kB managed:1000000kB\n";
	struct seen s = explain(in);
	CHECK(has(&s, "cma-unusable"));
	CHECK(evidence_has(&s, "free_cma from the Mem-Info summary") || !strcmp(s.first, "cma-unusable"));
}

/* a buddy line alone, its big blocks all C (R1109's shape): the free
 * memory a kernel request could see was a few MiB */
TEST(cma_from_buddy_letters_alone)
{
	static const char in[] =
		"DMA: 22*4kB (UMEC) 8*8kB (UME) 25*16kB (UMEC) 20*32kB (UMEC) 17*64kB (UMEC) 4*128kB (UE) 3*256kB (UC) 1*512kB (C) 1*1024kB (C) 0*2048kB 123*4096kB (C) = 508904kB\n"
		"Free swap  = 16777212kB\n"
		"Total swap = 16777212kB\n"
		"1012736 pages RAM\n";
	struct seen s = explain(in);
	CHECK_STR(s.first, "cma-unusable");
	CHECK_STR(confidence_name(s.conf), "low");
	CHECK(evidence_has(&s, "buddy line alone"));
	/* the big blocks movable: not CMA's */
	static const char m[] =
		"DMA: 22*4kB (UMEC) 8*8kB (UME) 25*16kB (UMEC) 20*32kB (UMEC) 17*64kB (UMEC) 4*128kB (UE) 3*256kB (UC) 1*512kB (C) 1*1024kB (C) 0*2048kB 123*4096kB (M) = 508904kB\n"
		"Free swap  = 16777212kB\n"
		"Total swap = 16777212kB\n"
		"1012736 pages RAM\n";
	struct seen n = explain(m);
	CHECK(!has(&n, "cma-unusable"));
}

TEST(cma_summary_blocks)
{
	/* GFP_ATOMIC may not take CMA; 7 MiB outside it passes the mark */
	struct seen s = explain(CMA_SUMMARY("0x2084020(GFP_ATOMIC|__GFP_COMP)", "62086", "60234"));
	CHECK_STR(s.first, "fragmentation-high-order");
	CHECK_STR(confidence_name(s.conf), "medium");
	CHECK(evidence_has(&s, "free_cma"));
	/* a movable request may take CMA: no such finding */
	struct seen m = explain(CMA_SUMMARY("0x24200ca(GFP_HIGHUSER_MOVABLE)", "62086", "60234"));
	CHECK(!has(&m, "fragmentation-high-order") || !evidence_has(&m, "free_cma"));
	/* outside CMA below the mark for the order: not about blocks, the
	 * free memory the request saw was CMA (the one zone's free_cma is the
	 * summary's) */
	struct seen b = explain(CMA_SUMMARY("0x2084020(GFP_ATOMIC|__GFP_COMP)", "62086", "61500"));
	CHECK_STR(b.first, "cma-unusable");
	/* CMA not most of the free memory: this rule says nothing */
	struct seen d = explain(CMA_SUMMARY("0x2084020(GFP_ATOMIC|__GFP_COMP)", "62086", "20000"));
	CHECK(!evidence_has(&d, "free_cma"));
}

/* a 6.x report cut after its summary: FREE pages free on a RELEASE kernel */
#define SUMMARY_ONLY(release, free) \
	"[  505.020000] ps invoked oom-killer: gfp_mask=0xcc0(GFP_KERNEL), order=0, oom_score_adj=0\n" \
	"[  505.030000] CPU: 2 PID: 1234 Comm: ps Not tainted " release " #1\n" \
	"[  505.037001]  oom_kill_process from out_of_memory+0x218/0x34c\n" \
	"[  505.038190]  out_of_memory from __alloc_pages+0xa98/0x1044\n" \
	"[  505.051198] Mem-Info:\n" \
	"[  505.052637] active_anon:239 inactive_anon:6756 isolated_anon:0\n" \
	"                active_file:9815 inactive_file:20182 isolated_file:128\n" \
	"                unevictable:3569 dirty:17048 writeback:2622\n" \
	"                slab_reclaimable:3496 slab_unreclaimable:8712\n" \
	"                mapped:5882 shmem:2558 pagetables:339\n" \
	"                sec_pagetables:0 bounce:0\n" \
	"                kernel_misc_reclaimable:0\n" \
	"                free:" free " free_pcp:23 free_cma:128398\n"

TEST(lowmem_pressure_from_free_beyond_lowmem)
{
	/* 3.5 GiB free on a 32-bit ARM kernel: more than lowmem can be */
	struct seen s = explain(SUMMARY_ONLY("6.1.0-18-armmp", "919956"));
	CHECK_STR(s.first, "lowmem-pressure");
	CHECK_STR(confidence_name(s.conf), "low");
	CHECK(evidence_has(&s, "3 GiB"));
	/* 1.5 GiB free could be lowmem with a 1G/3G split: no claim */
	struct seen t = explain(SUMMARY_ONLY("6.1.0-18-armmp", "393216"));
	CHECK(!has(&t, "lowmem-pressure"));
	/* a 64-bit kernel has no lowmem */
	struct seen u = explain(SUMMARY_ONLY("6.1.0-18-arm64", "919956"));
	CHECK(!has(&u, "lowmem-pressure"));
	/* every ARM before v8 is 32-bit, whatever the suffix ("armv7") */
	struct seen v = explain(SUMMARY_ONLY("6.1.21-v7+armv7", "919956"));
	CHECK_STR(v.first, "lowmem-pressure");
}

/* ---- cgroup v1 stats lines: each cgroup's own pages ----------------------- */

#define V1_POD_HEAD \
	"[198542.576728] Task in /kubepods/burstable/podA/c1 killed as a result of limit of /kubepods/burstable/podA\n" \
	"[198542.576733] memory: usage 122880kB, limit 122880kB, failcnt 83\n" \
	"[198542.576734] memory+swap: usage 122880kB, limit 9007199254740988kB, failcnt 0\n" \
	"[198542.576734] kmem: usage 0kB, limit 9007199254740988kB, failcnt 0\n"

TEST(memcg_v1_parent_stats_line_is_not_a_leak)
{
	/* only the limited (parent) cgroup's own stats line, all zero, while
	 * the victim lives in a child: the children's lines were cut */
	struct seen s = explain(V1_POD_HEAD
		"[198542.576735] Memory cgroup stats for /kubepods/burstable/podA: cache:0KB rss:0KB rss_huge:0KB shmem:0KB mapped_file:0KB dirty:0KB writeback:0KB swap:0KB inactive_anon:0KB active_anon:0KB inactive_file:0KB active_file:0KB unevictable:0KB\n");
	CHECK_STR(s.first, "memcg-limit");
	CHECK(!has(&s, "kernel-leak-or-bug"));
	CHECK(evidence_has(&s, "child cgroups' lines"));
	CHECK(strstr(s.note, "stats lines are missing") != NULL);
}

TEST(memcg_v1_children_lines_count)
{
	/* the child's line is there too: its pages count, nothing is missing */
	struct seen s = explain(V1_POD_HEAD
		"[198542.576735] Memory cgroup stats for /kubepods/burstable/podA: cache:0KB rss:0KB rss_huge:0KB shmem:0KB mapped_file:0KB dirty:0KB writeback:0KB swap:0KB inactive_anon:0KB active_anon:0KB inactive_file:0KB active_file:0KB unevictable:0KB\n"
		"[198542.576736] Memory cgroup stats for /kubepods/burstable/podA/c1: cache:1024KB rss:120000KB rss_huge:0KB shmem:0KB mapped_file:0KB dirty:0KB writeback:0KB swap:0KB inactive_anon:0KB active_anon:120000KB inactive_file:1024KB active_file:0KB unevictable:0KB\n");
	CHECK_STR(s.first, "memcg-limit");
	CHECK(!evidence_has(&s, "child cgroups' lines"));
}

TEST(memcg_v1_own_zero_stats_stay_unaccounted)
{
	/* the victim is in the limited cgroup itself: zero pages in its own
	 * line with the usage at the limit is memory no counter shows; the
	 * limit it hit leads, what filled it follows */
	struct seen s = explain(
		"[198542.576728] Task in /kubepods/burstable/podA killed as a result of limit of /kubepods/burstable/podA\n"
		"[198542.576733] memory: usage 122880kB, limit 122880kB, failcnt 83\n"
		"[198542.576734] memory+swap: usage 122880kB, limit 9007199254740988kB, failcnt 0\n"
		"[198542.576734] kmem: usage 0kB, limit 9007199254740988kB, failcnt 0\n"
		"[198542.576735] Memory cgroup stats for /kubepods/burstable/podA: cache:0KB rss:0KB rss_huge:0KB shmem:0KB mapped_file:0KB dirty:0KB writeback:0KB swap:0KB inactive_anon:0KB active_anon:0KB inactive_file:0KB active_file:0KB unevictable:0KB\n");
	CHECK_STR(s.first, "memcg-limit");
	CHECK_STR(s.ids[1], "kernel-leak-or-bug");
}

/* ---- most of RAM outside the allocator at boot ---------------------------- */

#define BOOT_TAIL(t, reserved) \
	"[" t "] Node 0 Normal: 0*4kB 0*8kB 0*16kB 0*32kB 0*64kB 0*128kB 0*256kB 0*512kB 0*1024kB 0*2048kB 0*4096kB = 0kB\n" \
	"[" t "] 0 total pagecache pages\n" \
	"[" t "] Free swap  = 0kB\n" \
	"[" t "] Total swap = 0kB\n" \
	"[" t "] 6442421132 pages RAM\n" \
	"[" t "] 0 pages HighMem/MovableOnly\n" \
	"[" t "] " reserved " pages reserved\n" \
	"[" t "] Kernel panic - not syncing: Out of memory and no killable processes...\n"

TEST(boot_reserved_most_of_ram)
{
	struct seen s = explain(BOOT_TAIL("   81.260726", "6433662383"));
	CHECK_STR(s.first, "kernel-oom-regression");
	CHECK_STR(confidence_name(s.conf), "medium");
	CHECK(evidence_has(&s, "pages reserved"));
	CHECK(has(&s, "no-killable-process"));
}

TEST(boot_reserved_not_long_after_boot)
{
	/* the same share a day after boot is no boot layout (a balloon, a
	 * driver): this rule says nothing */
	struct seen s = explain(BOOT_TAIL("86400.260726", "6433662383"));
	CHECK(!has(&s, "kernel-oom-regression"));
}

/* Half of RAM reserved two minutes after boot, but one process's anonymous
 * memory filling the rest: a workload ran out what the allocator had
 * (R1943's shape, an embedded board); with little anonymous memory the
 * boot layout is named. */
#define BOOT_ANON(anon) \
	"[  128.5] min_free_kbytes invoked oom-killer: gfp_mask=0x200da, order=0, oom_score_adj=0\n" \
	"[  128.5] Mem-Info:\n" \
	"[  128.5] active_anon:" anon " inactive_anon:0 isolated_anon:0\n" \
	"[  128.5]  active_file:7 inactive_file:0 isolated_file:0\n" \
	"[  128.5]  unevictable:0 dirty:0 writeback:0 unstable:0\n" \
	"[  128.5]  free:4617 slab_reclaimable:150 slab_unreclaimable:600\n" \
	"[  128.5]  mapped:0 shmem:15 pagetables:150 bounce:0\n" \
	"[  128.5] 22 total pagecache pages\n" \
	"[  128.5] 262144 pages RAM\n" \
	"[  128.5] 136074 pages reserved\n"

TEST(boot_reserved_half_filled_by_a_workload)
{
	struct seen s = explain(BOOT_ANON("120239"));
	CHECK(!has(&s, "kernel-oom-regression"));
	struct seen t = explain(BOOT_ANON("2000"));
	CHECK(has(&t, "kernel-oom-regression"));
}

TEST(boot_reserved_nine_tenths_without_uptime)
{
	/* no stamp: the uptime is unknown; nine tenths outside the allocator
	 * is the boot layout's, and it leads what filled the rest */
	static const char tail[] =
		"Node 0 Normal: 0*4kB 0*8kB 0*16kB 0*32kB 0*64kB 0*128kB 0*256kB 0*512kB 0*1024kB 0*2048kB 0*4096kB = 0kB\n"
		"Free swap  = 0kB\n"
		"Total swap = 0kB\n"
		"6442421132 pages RAM\n"
		"6433662383 pages reserved\n";
	struct seen s = explain(tail);
	CHECK_STR(s.first, "kernel-oom-regression");
	/* two thirds with no uptime: not enough without the boot */
	struct seen t = explain(
		"Node 0 Normal: 0*4kB 0*8kB 0*16kB 0*32kB 0*64kB 0*128kB 0*256kB 0*512kB 0*1024kB 0*2048kB 0*4096kB = 0kB\n"
		"Free swap  = 0kB\n"
		"Total swap = 0kB\n"
		"6442421132 pages RAM\n"
		"4294967296 pages reserved\n");
	CHECK(!has(&t, "kernel-oom-regression"));
}

TEST(boot_reserved_not_for_boot_huge_pages)
{
	/* 1 GiB huge pages reserved at boot are counted in "pages reserved":
	 * taken out, the rest is an ordinary share */
	struct seen s = explain(
		"[   81.260000] Node 0 hugepages_total=24000 hugepages_free=24000 hugepages_surp=0 hugepages_size=1048576kB\n"
		BOOT_TAIL("   81.260726", "6433662383"));
	CHECK(!has(&s, "kernel-oom-regression"));
	CHECK_STR(s.first, "hugepages-reserved");
	CHECK(strstr(s.summary, "(97 % of RAM)") != NULL);   /* of pages RAM: they sit in the reserved pages */
}

TEST(boot_reserved_not_for_a_normal_share)
{
	/* 3 % reserved (memmap, kernel image) is every machine */
	struct seen s = explain(BOOT_TAIL("   81.260726", "193272634"));
	CHECK(!has(&s, "kernel-oom-regression"));
}

/* ---- watermarks no kernel computes from sane counts ---------------------- */

TEST(bogus_lowmem_reserve_is_a_kernel_bug)
{
	/* R126's shape: a reserve of 2^56 pages on a 4 GiB guest, 97 % free */
	struct seen s = explain(
		"systemd invoked oom-killer: gfp_mask=0x100cca(GFP_HIGHUSER_MOVABLE), order=0, oom_score_adj=0\n"
		"CPU: 0 PID: 1 Comm: systemd Not tainted 5.4.0 #75\n"
		"Mem-Info:\n"
		"active_anon:3121 inactive_anon:51 isolated_anon:0\n"
		" active_file:12 inactive_file:7 isolated_file:0\n"
		" unevictable:0 dirty:0 writeback:0 unstable:0\n"
		" slab_reclaimable:5565 slab_unreclaimable:10170\n"
		" mapped:3 shmem:111 pagetables:155 bounce:0\n"
		" free:720717 free_pcp:2 free_cma:0\n"
		"Node 0 DMA free:11556kB min:36kB low:48kB high:60kB reserved_highatomic:0KB active_anon:152kB inactive_anon:0kB active_file:0kB inactive_file:0kB unevictable:0kB writepending:0kB present:15992kB managed:15908kB mlocked:0kB kernel_stack:0kB pagetables:0kB bounce:0kB free_pcp:0kB local_pcp:0kB free_cma:0kB\n"
		"lowmem_reserve[]: 0 2955 2884 2884 2884\n"
		"Node 0 DMA32 free:2677864kB min:7004kB low:10028kB high:13052kB reserved_highatomic:0KB active_anon:0kB inactive_anon:0kB active_file:0kB inactive_file:0kB unevictable:0kB writepending:0kB present:3129216kB managed:3063024kB mlocked:0kB kernel_stack:0kB pagetables:0kB bounce:0kB free_pcp:0kB local_pcp:0kB free_cma:0kB\n"
		"lowmem_reserve[]: 0 0 72057594037927865 72057594037927865 72057594037927865\n"
		"Node 0 Normal free:193448kB min:99395541895224kB low:73886371836733356kB high:147673348131571488kB reserved_highatomic:0KB active_anon:12332kB inactive_anon:204kB active_file:48kB inactive_file:28kB unevictable:0kB writepending:0kB present:1048576kB managed:0kB mlocked:0kB kernel_stack:0kB pagetables:0kB bounce:0kB free_pcp:0kB local_pcp:0kB free_cma:0kB\n"
		"lowmem_reserve[]: 0 0 0 0 0\n"
		"Free swap  = 0kB\n"
		"Total swap = 0kB\n"
		"1048445 pages RAM\n"
		"0 pages HighMem/MovableOnly\n"
		"306992 pages reserved\n");
	CHECK_STR(s.first, "kernel-oom-regression");
	CHECK(!has(&s, "genuine-exhaustion-no-swap"));
	CHECK(evidence_has(&s, "neither can exceed RAM"));
}

TEST(one_glued_reserve_is_no_kernel_bug)
{
	/* a hard wrap glued two reserve entries ("2884 2884" as 28842884):
	 * one absurd number alone says nothing */
	struct seen s = explain(R419_HEAD
		"Node 0 Normal free:16200kB min:10680kB low:13350kB high:16020kB active_anon:3441884kB inactive_anon:1475096kB active_file:9656kB inactive_file:9656kB unevictable:0kB writepending:0kB present:5242880kB managed:5113684kB mlocked:0kB kernel_stack:2764kB pagetables:22984kB bounce:0kB free_pcp:260kB local_pcp:0kB free_cma:0kB\n"
		"lowmem_reserve[]: 0 0 0 49934993\n"
		"Free swap  = 0kB\n"
		"Total swap = 0kB\n"
		"2097022 pages RAM\n"
		"0 pages HighMem/MovableOnly\n"
		"48868 pages reserved\n");
	CHECK(!has(&s, "kernel-oom-regression"));
}

/* ---- slab against the counters when RAM is not printed -------------------- */

#define COUNTED_SUMMARY(slab_unrecl) \
	"logger invoked oom-killer: gfp_mask=0x100cca(GFP_HIGHUSER_MOVABLE), order=0, oom_score_adj=0\n" \
	"CPU: 0 PID: 22618 Comm: logger Not tainted 5.4.69 #0\n" \
	"Mem-Info:\n" \
	"active_anon:5 inactive_anon:6 isolated_anon:0\n" \
	" active_file:126 inactive_file:239 isolated_file:0\n" \
	" unevictable:0 dirty:0 writeback:0 unstable:0\n" \
	" slab_reclaimable:280 slab_unreclaimable:" slab_unrecl "\n" \
	" mapped:69 shmem:0 pagetables:135 bounce:0\n" \
	" free:5472 free_pcp:46 free_cma:0\n"

TEST(slab_against_counters_without_ram)
{
	/* cut after the summary: 29 MiB of unreclaimable slab beside 21 MiB
	 * free and almost no user memory */
	struct seen s = explain(COUNTED_SUMMARY("7473"));
	CHECK_STR(s.first, "slab-growth");
	CHECK_STR(confidence_name(s.conf), "low");
	CHECK(evidence_has(&s, "at most RAM"));
}

TEST(slab_against_counters_needs_half)
{
	/* slab 40 % of what the summary counts: not enough without RAM */
	struct seen s = explain(COUNTED_SUMMARY("3900"));
	CHECK(!has(&s, "slab-growth"));
}

/* ---- shmem and unevictable against the counters when RAM is not printed -- */

/* a fragment cut inside the zone lines (no "pages RAM", one zone of
 * three): free, LRU, slab, page tables, stacks are at most RAM */
#define SHMEM_SUMMARY(shmem, unevictable, anon) \
	"[ 1666.754228] Mem-Info:\n" \
	"[ 1666.756555] active_anon:" anon " inactive_anon:1000 isolated_anon:0\n" \
	"                active_file:208 inactive_file:510 isolated_file:0\n" \
	"                unevictable:" unevictable " dirty:170 writeback:0\n" \
	"                slab_reclaimable:21299 slab_unreclaimable:47961\n" \
	"                mapped:21871 shmem:" shmem " pagetables:30898\n" \
	"                sec_pagetables:0 bounce:0\n" \
	"                kernel_misc_reclaimable:0\n" \
	"                free:64223 free_pcp:45 free_cma:0\n" \
	"[ 1666.830382] Node 0 DMA free:11264kB boost:0kB min:28kB low:40kB high:52kB reserved_highatomic:0KB active_anon:0kB inactive_anon:0kB active_file:0kB inactive_file:0kB unevictable:0kB writepending:0kB present:15996kB managed:15360kB mlocked:0kB bounce:0kB free_pcp:0kB local_pcp:0kB free_cma:0kB\n"

TEST(shmem_against_counters_without_ram)
{
	/* 27 GiB of shmem, all of it locked (unevictable), in ~31 GiB counted:
	 * tmpfs filled the machine; the unevictable pages are the same pages */
	struct seen s = explain(SHMEM_SUMMARY("7078021", "7035290", "442605"));
	CHECK_STR(s.first, "shmem-tmpfs");
	CHECK_STR(confidence_name(s.conf), "low");
	CHECK(evidence_has(&s, "at most RAM"));
	CHECK(strstr(s.summary, "of the memory the summary counts") != NULL);
}

TEST(shmem_against_counters_needs_half)
{
	/* 3.8 GiB of shmem inside 11.4 GiB of anon LRU (32 % counted): not
	 * named without RAM */
	struct seen s = explain(SHMEM_SUMMARY("1000000", "0", "3000000"));
	CHECK(!has(&s, "shmem-tmpfs"));
	CHECK(!has(&s, "mlocked-unevictable"));
}

TEST(unevictable_against_counters_without_ram)
{
	/* mlocked anon (no shmem) holding most of what is counted */
	struct seen s = explain(SHMEM_SUMMARY("1000", "5000000", "2000000"));
	CHECK_STR(s.first, "mlocked-unevictable");
	CHECK_STR(confidence_name(s.conf), "low");
}

/* ---- an order > 0 OOM under 5 % free with reclaimable page cache ---------- */

/* 4.7 layout: order-2 GFP_KERNEL (kernel stack); every free block of order
 * 2 and more in DMA32 and Normal is in the highatomic reserve (H); the file
 * LRU holds active_file + 223965 pages of ~8 GiB */
#define HIGHATOMIC_ONLY(active_anon, active_file) \
	"[  100.000000] kthreadd invoked oom-killer: gfp_mask=0x27000c0(GFP_KERNEL_ACCOUNT|__GFP_NOTRACK), order=2, oom_score_adj=0\n" \
	"[  100.000001] CPU: 3 PID: 2 Comm: kthreadd Not tainted 4.7.0 #37\n" \
	"[  100.000002] Mem-Info:\n" \
	"[  100.000003] active_anon:" active_anon " inactive_anon:60307 isolated_anon:0\n" \
	"                active_file:" active_file " inactive_file:223965 isolated_file:0\n" \
	"                unevictable:1970 dirty:130014 writeback:40735 unstable:0\n" \
	"                slab_reclaimable:179690 slab_unreclaimable:8041\n" \
	"                mapped:6771 shmem:3 pagetables:592 bounce:0\n" \
	"                free:11374 free_pcp:54 free_cma:0\n" \
	"[  100.000004] DMA free:15908kB min:20kB low:32kB high:44kB active_anon:0kB inactive_anon:0kB active_file:0kB inactive_file:0kB unevictable:0kB writepending:0kB present:15992kB managed:15908kB mlocked:0kB slab_reclaimable:0kB slab_unreclaimable:0kB kernel_stack:0kB pagetables:0kB bounce:0kB free_pcp:0kB local_pcp:0kB free_cma:0kB\n" \
	"[  100.000005] lowmem_reserve[]: 0 3486 7953 7953\n" \
	"[  100.000006] DMA32 free:23456kB min:4996kB low:8564kB high:12132kB active_anon:2480kB inactive_anon:10564kB active_file:2559792kB inactive_file:478680kB unevictable:0kB writepending:365292kB present:3652160kB managed:3574264kB mlocked:0kB slab_reclaimable:437456kB slab_unreclaimable:12304kB kernel_stack:144kB pagetables:28kB bounce:0kB free_pcp:212kB local_pcp:0kB free_cma:0kB\n" \
	"[  100.000007] lowmem_reserve[]: 0 0 4466 4466\n" \
	"[  100.000008] Normal free:6132kB min:6400kB low:10972kB high:15544kB active_anon:21048kB inactive_anon:230664kB active_file:3535124kB inactive_file:417312kB unevictable:7880kB writepending:318020kB present:4718592kB managed:4574096kB mlocked:7880kB slab_reclaimable:281304kB slab_unreclaimable:19860kB kernel_stack:2944kB pagetables:2340kB bounce:0kB free_pcp:0kB local_pcp:0kB free_cma:0kB\n" \
	"[  100.000009] lowmem_reserve[]: 0 0 0 0\n" \
	"[  100.000010] DMA: 1*4kB (U) 0*8kB 0*16kB 1*32kB (U) 2*64kB (U) 1*128kB (U) 1*256kB (U) 0*512kB 1*1024kB (U) 1*2048kB (U) 3*4096kB (M) = 15908kB\n" \
	"[  100.000011] DMA32: 4215*4kB (UMEH) 319*8kB (UMH) 5*16kB (H) 2*32kB (H) 2*64kB (H) 1*128kB (H) 0*256kB 1*512kB (H) 1*1024kB (H) 1*2048kB (H) 0*4096kB = 23396kB\n" \
	"[  100.000012] Normal: 650*4kB (UMH) 4*8kB (UH) 27*16kB (H) 23*32kB (H) 17*64kB (H) 11*128kB (H) 0*256kB 0*512kB 0*1024kB 0*2048kB 0*4096kB = 6296kB\n" \
	"[  100.000013] 1749526 total pagecache pages\n" \
	"[  100.000014] Free swap  = 4091520kB\n" \
	"[  100.000015] Total swap = 4095996kB\n" \
	"[  100.000016] 2096686 pages RAM\n" \
	"[  100.000017] 0 pages HighMem/MovableOnly\n" \
	"[  100.000018] 55619 pages reserved\n"

TEST(order2_highatomic_only_with_page_cache_is_fragmentation)
{
	/* 0.6 % free, but 6.8 GiB in the file LRU: reclaim frees order-0
	 * pages, the order-2 blocks are only in H: fragmentation */
	struct seen s = explain(HIGHATOMIC_ONLY("5882", "1523729"));
	CHECK_STR(s.first, "fragmentation-high-order");
	CHECK(evidence_has(&s, "highatomic reserve (H)"));
	CHECK(evidence_has(&s, "reclaim had order-0 pages to free"));
}

TEST(order2_highatomic_only_without_page_cache_is_not_fragmentation)
{
	/* the same zones with 0.9 GiB of file LRU (anon holding RAM): under
	 * 5 % free with little to reclaim stays with the exhaustion rules */
	struct seen s = explain(HIGHATOMIC_ONLY("1523729", "1000"));
	CHECK(!has(&s, "fragmentation-high-order"));
}

/* ---- an atomic order > 0 failure with no buddy lines ---------------------- */

#define ATOMIC_ORDER1(free_kb) \
	"kernel: swapper: page allocation failure. order:1, mode:0x20\n" \
	"kernel: Call Trace:\n" \
	"kernel: [<80007d60>] dump_stack+0x8/0x34\n" \
	"kernel: [<8004efa8>] __alloc_pages+0x350/0x368\n" \
	"kernel: [<801dc2b8>] __alloc_skb+0x6c/0x138\n" \
	"kernel: Mem-info:\n" \
	"kernel: Normal per-cpu:\n" \
	"kernel: CPU 0: Hot: hi: 0, btch: 1 usd: 0 Cold: hi: 0, btch: 1 usd: 0\n" \
	"kernel: Active:2122 inactive:2177 dirty:0 writeback:0 unstable:0\n" \
	"kernel: free:69 slab:2071 mapped:895 pagetables:68 bounce:0\n" \
	"kernel: Normal free:" free_kb "kB min:720kB low:900kB high:1080kB active:8488kB inactive:8708kB present:32512kB pages_scanned:0 all_unreclaimable? no\n" \
	"kernel: lowmem_reserve[]: 0 0\n"

TEST(atomic_order1_below_min_without_buddy_is_atomic_reserves)
{
	/* GFP_ATOMIC order 1, free 276 KiB under min 720 KiB less the atomic
	 * dips (270 KiB) after the order's 4 KiB: short at any block size */
	struct seen s = explain(ATOMIC_ORDER1("276"));
	CHECK_STR(s.first, "atomic-reserves-exhausted");
	CHECK_STR(confidence_name(s.conf), "medium");
	CHECK(evidence_has(&s, "order-0 part"));
}

TEST(atomic_order1_above_min_without_buddy_is_not_atomic_reserves)
{
	/* 2 MiB free, far above min: the blocks (unseen) decide, not reserves */
	struct seen s = explain(ATOMIC_ORDER1("2048"));
	CHECK(!has(&s, "atomic-reserves-exhausted"));
}

/* ---- an atomic order-0 failure with every zone under min, above the dips --- */

#define ATOMIC_UNDER_MIN(normal_free_kb) \
	"sfs_client: page allocation failure: order:0, mode:0x480020(GFP_ATOMIC), nodemask=(null)\n" \
	"Mem-Info:\n" \
	"active_anon:268 inactive_anon:100687 isolated_anon:0\n" \
	" active_file:5369 inactive_file:4300 isolated_file:0\n" \
	" slab_reclaimable:1138 slab_unreclaimable:2316\n" \
	" mapped:7086 shmem:439 pagetables:512 bounce:0\n" \
	" free:8232 free_pcp:100 free_cma:0\n" \
	"Node 0 DMA32 free:254784kB min:528320kB low:531200kB high:534080kB active_anon:1088kB inactive_anon:2551680kB present:3145728kB managed:2900352kB\n" \
	"lowmem_reserve[]: 0 316 316\n" \
	"Node 0 Normal free:" normal_free_kb "kB min:531520kB low:536640kB high:541760kB active_anon:16064kB inactive_anon:3892288kB present:5242880kB managed:5223616kB\n" \
	"lowmem_reserve[]: 0 0 0\n" \
	"Node 0 DMA32: 1042*64kB (UM) 581*128kB (UM) 246*256kB (UM) 58*512kB (UM) 12*1024kB (UM) 1*2048kB (U) 2*4096kB (U) 0*8192kB = 256256kB\n" \
	"Free swap  = 0kB\n" \
	"Total swap = 0kB\n" \
	"131072 pages RAM\n"

TEST(atomic_order0_every_zone_under_min_is_atomic_reserves)
{
	/* both zones at under half their min, above the atomic 3/8 mark:
	 * the snapshot after the failure still shows only reserve pages */
	struct seen s = explain(ATOMIC_UNDER_MIN("272064"));
	CHECK_STR(s.first, "atomic-reserves-exhausted");
	CHECK_STR(confidence_name(s.conf), "medium");
	CHECK(evidence_has(&s, "only the atomic reserve was left"));
	/* one zone above its min: it could have served the request */
	s = explain(ATOMIC_UNDER_MIN("600000"));
	CHECK(!has(&s, "atomic-reserves-exhausted"));
}

/* ---- zones drained below the atomic floor while Free swap had room -------- */

#define DRAINED(dma32_free, free_swap) \
	"[  483.832644] DMA free:0kB min:32kB low:44kB high:56kB active_anon:704kB inactive_anon:1008kB active_file:0kB inactive_file:0kB unevictable:20kB isolated(anon):0kB isolated(file):0kB present:15984kB managed:15900kB mlocked:20kB\n" \
	"[  483.875261] lowmem_reserve[]: 0 3154 3154 3154\n" \
	"[  483.879818] DMA32 free:" dma32_free "kB min:7168kB low:10396kB high:13624kB active_anon:2427064kB inactive_anon:615444kB active_file:1120kB inactive_file:1152kB unevictable:4532kB isolated(anon):844kB isolated(file):0kB present:3334492kB managed:3241464kB mlocked:4532kB\n" \
	"[  483.926816] lowmem_reserve[]: 0 0 0 0\n" \
	"[  483.930596] DMA: 0*4kB 0*8kB 0*16kB 0*32kB 0*64kB 0*128kB 0*256kB 0*512kB 0*1024kB 0*2048kB 0*4096kB = 0kB\n" \
	"[  483.950633] 40743 total pagecache pages\n" \
	"[  483.954482] 34986 pages in swap cache\n" \
	"[  483.958166] Swap cache stats: add 180805, delete 145819, find 29901/34406\n" \
	"[  483.964950] Free swap  = " free_swap "kB\n"

TEST(zones_drained_with_free_swap_is_atomic_reserves)
{
	/* both zones at free:0, 3.6 GiB of swap free, Total swap cut */
	struct seen s = explain(DRAINED("0", "3731508"));
	CHECK_STR(s.first, "atomic-reserves-exhausted");
	CHECK_STR(confidence_name(s.conf), "low");
	CHECK(!has(&s, "genuine-exhaustion-swap-full"));
	CHECK(evidence_has(&s, "3/8"));
}

TEST(zones_at_min_with_free_swap_is_not_atomic_reserves)
{
	/* DMA32 near its min (above 3/8 of it): an ordinary shortage, not
	 * drained reserves; and swap with room is not called full */
	struct seen s = explain(DRAINED("6000", "3731508"));
	CHECK(!has(&s, "atomic-reserves-exhausted"));
	CHECK(!has(&s, "genuine-exhaustion-swap-full"));
}

TEST(zones_drained_with_swap_gone_stays_swap_full)
{
	/* Free swap 1 MiB: the swap cache's reading (full) stands */
	struct seen s = explain(DRAINED("0", "1024"));
	CHECK_STR(s.first, "genuine-exhaustion-swap-full");
}

/* ---- a zone of 4 GiB or more is no 32-bit lowmem ------------------------- */

TEST(huge_normal_zones_with_four_wide_reserve_are_not_lowmem)
{
	/* two 190 GiB Normal zones below min, "lowmem_reserve[]: 0 0 0 0"
	 * (four wide, as a 32-bit DMA/Normal/HighMem/Movable layout prints):
	 * a 32-bit kernel cannot map that much lowmem */
	struct seen s = explain(
		"Node 0 Normal free:87356kB min:221984kB low:416984kB high:611984kB active_anon:123009936kB inactive_anon:67647652kB active_file:429612kB inactive_file:209980kB unevictable:112348kB writepending:260kB present:198180864kB managed:195027624kB mlocked:81kB\n"
		"lowmem_reserve[]: 0 0 0 0\n"
		"Node 1 Normal free:105616kB min:225568kB low:423716kB high:621864kB active_anon:122124196kB inactive_anon:74112696kB active_file:39172kB inactive_file:103696kB unevictable:204480kB writepending:180kB present:201326592kB managed:198174372kB mlocked:20kB\n"
		"lowmem_reserve[]: 0 0 0 0\n");
	CHECK(!has(&s, "lowmem-pressure"));
}

/* ---- the evidence ladder's last rung: the class's most likely cause ------- */

#define GLOBAL_HEADER(gfp, order) \
	"[  500.100000] app invoked oom-killer: gfp_mask=" gfp ", order=" order ", oom_score_adj=0\n" \
	"[  500.100001] CPU: 1 PID: 4242 Comm: app Not tainted 5.15.0-91-generic #101-Ubuntu\n" \
	"[  500.100002] Hardware name: QEMU Standard PC (Q35 + ICH9, 2009), BIOS 1.16.2 04/01/2014\n"

TEST(header_alone_global_order0_is_exhaustion_low)
{
	/* header and trace only (rate-limited, cut): a system-wide order-0
	 * OOM means reclaim made no progress; swap unseen, taken as none */
	struct seen s = explain(GLOBAL_HEADER("0x140cca(GFP_HIGHUSER_MOVABLE|__GFP_COMP)", "0")
		"[  500.100003] Call Trace:\n"
		"[  500.100004]  dump_stack_lvl+0x4a/0x63\n"
		"[  500.100005]  dump_header+0x4a/0x1f4\n"
		"[  500.100006]  oom_kill_process.cold+0xb/0x10\n"
		"[  500.100007]  out_of_memory+0x106/0x2e0\n");
	CHECK_STR(s.first, "genuine-exhaustion-no-swap");
	CHECK_STR(confidence_name(s.conf), "low");
	CHECK(!has(&s, "unknown"));
	CHECK(evidence_has(&s, "what would decide it"));
	CHECK(evidence_has(&s, "should_reclaim_retry"));
	CHECK(strstr(s.note, "evidence class") != NULL);
	/* order 1 is retried like order 0 (not costly): the same */
	struct seen o = explain(GLOBAL_HEADER("0xcc0(GFP_KERNEL)", "1"));
	CHECK_STR(o.first, "genuine-exhaustion-no-swap");
	/* order 3: the fragmentation rung decides, not this one */
	struct seen f = explain(GLOBAL_HEADER("0xcc0(GFP_KERNEL)", "3"));
	CHECK_STR(f.first, "fragmentation-high-order");
}

TEST(header_with_swap_room_stays_unknown)
{
	/* swap printed with room: reclaim could still write anon out, so the
	 * class's exhaustion is contradicted and unknown says so */
	struct seen s = explain(GLOBAL_HEADER("0x140cca(GFP_HIGHUSER_MOVABLE|__GFP_COMP)", "0")
		"[  500.200000] Free swap  = 900000kB\n"
		"[  500.200001] Total swap = 1000000kB\n");
	CHECK_STR(s.first, "unknown");
	CHECK(!has(&s, "genuine-exhaustion-no-swap"));
	/* no swap at all printed: no-swap, with the line as evidence */
	struct seen n = explain(GLOBAL_HEADER("0x140cca(GFP_HIGHUSER_MOVABLE|__GFP_COMP)", "0")
		"[  500.200000] Free swap  = 0kB\n"
		"[  500.200001] Total swap = 0kB\n");
	CHECK_STR(n.first, "genuine-exhaustion-no-swap");
	CHECK(evidence_has(&n, "Total swap = 0kB"));
	/* swap under 5 % free: swap-full */
	struct seen f = explain(GLOBAL_HEADER("0x140cca(GFP_HIGHUSER_MOVABLE|__GFP_COMP)", "0")
		"[  500.200000] Free swap  = 1000kB\n"
		"[  500.200001] Total swap = 1000000kB\n");
	CHECK_STR(f.first, "genuine-exhaustion-swap-full");
	CHECK_STR(confidence_name(f.conf), "low");
}

TEST(task_rows_alone_follow_swapents)
{
	/* a paste of task rows only (4.15+ columns): swapped pages in a row
	 * prove swap, and an OOM with it means it was full */
	struct seen s = explain(
		"[ 9000.1] [ pid ]   uid  tgid total_vm      rss pgtables_bytes swapents oom_score_adj name\n"
		"[ 9000.1] [  811]     0   811  2000000   900000  8000000   250000             0 java\n"
		"[ 9000.1] [  812]     0   812    50000     1000   200000        0             0 sshd\n");
	CHECK_STR(s.first, "genuine-exhaustion-swap-full");
	CHECK_STR(confidence_name(s.conf), "low");
	CHECK(evidence_has(&s, "in swap"));
	/* no swapped page: swap absent or full, not said: named none */
	struct seen n = explain(
		"[ 9000.1] [ pid ]   uid  tgid total_vm      rss pgtables_bytes swapents oom_score_adj name\n"
		"[ 9000.1] [  811]     0   811  2000000   900000  8000000        0             0 java\n");
	CHECK_STR(n.first, "genuine-exhaustion-no-swap");
}

/* a kill with its constraint line and nothing of swap: the victim's
 * session cgroup (a login session, WSL2's init.scope) says an install that
 * comes with swap; a service's or the root cgroup says nothing */
#define KILL_IN(memcg) \
	"[ 7000.1] oom-kill:constraint=CONSTRAINT_NONE,nodemask=(null),cpuset=/,mems_allowed=0,global_oom,task_memcg=" memcg ",task=mem.bash,pid=3361,uid=1000\n" \
	"[ 7000.1] Out of memory: Killed process 3361 (mem.bash) total-vm:1900000kB, anon-rss:1805568kB, file-rss:0kB, shmem-rss:0kB, UID:1000 pgtables:3600kB oom_score_adj:0\n"

TEST(kill_in_a_login_session_names_swap_full)
{
	struct seen s = explain(KILL_IN("/user.slice/user-1000.slice/session-3.scope"));
	CHECK_STR(s.first, "genuine-exhaustion-swap-full");
	CHECK_STR(confidence_name(s.conf), "low");
	CHECK(evidence_has(&s, "login session"));
	struct seen w = explain(KILL_IN("/init.scope"));
	CHECK_STR(w.first, "genuine-exhaustion-swap-full");
	CHECK(evidence_has(&w, "WSL2"));
	struct seen d = explain(KILL_IN("/system.slice/app.service"));
	CHECK_STR(d.first, "genuine-exhaustion-no-swap");
	struct seen r = explain(KILL_IN("/"));
	CHECK_STR(r.first, "genuine-exhaustion-no-swap");
}

/* A `free` pasted with a kill-only report says what swap the machine had
 * (R4803, R1029): total 0 is no swap, whatever the session's hint; used
 * all but 5 % is full.  Above the report (its trigger line or its first
 * line left), or below it while it is open; not from 200 lines away. */
#define FREE_M(swap) \
	"$ free -m\n" \
	"               total        used        free      shared  buff/cache   available\n" \
	"Mem:            1849         138        1421           0         289        1570\n" \
	swap "\n"

TEST(pasted_free_says_what_swap_there_was)
{
	struct seen n = explain(FREE_M("Swap:              0           0           0")
				KILL_IN("/user.slice/user-1000.slice/session-1.scope"));
	CHECK_STR(n.first, "genuine-exhaustion-no-swap");
	CHECK(evidence_has(&n, "'free' output pasted at line 4 shows no swap"));
	struct seen f = explain(FREE_M("Swap:          2.0Gi       2.0Gi          0B") KILL_IN("/"));
	CHECK_STR(f.first, "genuine-exhaustion-swap-full");
	CHECK(evidence_has(&f, "shows swap full"));
	/* room when `free` ran (after the kill freed the victim's): no say */
	struct seen r = explain(FREE_M("Swap:           4095           0        4095") KILL_IN("/"));
	CHECK_STR(r.first, "genuine-exhaustion-no-swap");
	CHECK(!evidence_has(&r, "'free' output"));
	/* below the kill, while the report is open (its tail) */
	struct seen b = explain("[ 7000.1] mem.bash invoked oom-killer: gfp_mask=0x140cca(GFP_HIGHUSER_MOVABLE|__GFP_COMP), order=0, oom_score_adj=0\n"
				KILL_IN("/user.slice/user-1000.slice/session-1.scope")
				"\n" FREE_M("Swap:              0           0           0"));
	CHECK_STR(b.first, "genuine-exhaustion-no-swap");
	/* above a report that opens with its trigger line */
	struct seen t = explain("stardust:~ $ free -h\n"
				"               total        used        free      shared  buff/cache   available\n"
				"Mem:            15Gi        12Gi       387Mi        15Mi       3.6Gi       3.6Gi\n"
				"Swap:          2.0Gi       2.0Gi          0B\n"
				"stardust:~ $ dmesg -T | egrep -i 'oom|killed process'\n"
				"[ 7000.1] systemd invoked oom-killer: gfp_mask=0x140cca(GFP_HIGHUSER_MOVABLE|__GFP_COMP), order=0, oom_score_adj=0\n"
				KILL_IN("/"));
	CHECK_STR(t.first, "genuine-exhaustion-swap-full");
	/* 200 lines and more before it: another moment, maybe another machine */
	char far[32768];
	size_t o = (size_t)snprintf(far, sizeof(far), "%s", FREE_M("Swap:              0           0           0"));
	for (int i = 0; i < 210; i++)
		o += (size_t)snprintf(far + o, sizeof(far) - o, "unrelated line %d\n", i);
	snprintf(far + o, sizeof(far) - o, "%s", KILL_IN("/user.slice/user-1000.slice/session-1.scope"));
	struct seen x = explain(far);
	CHECK_STR(x.first, "genuine-exhaustion-swap-full");
	CHECK(evidence_has(&x, "login session"));
}

TEST(evidence_class_leaves_decided_shapes_alone)
{
	/* a memcg OOM's header (charge frames) stays with its limit */
	struct seen m = explain(GLOBAL_HEADER("0xcc0(GFP_KERNEL)", "0")
		"[  500.100003] Call Trace:\n"
		"[  500.100004]  dump_stack+0x6d/0x8b\n"
		"[  500.100005]  dump_header+0x4f/0x1eb\n"
		"[  500.100006]  oom_kill_process.cold+0xb/0x10\n"
		"[  500.100007]  out_of_memory+0x1cf/0x4d0\n"
		"[  500.100008]  mem_cgroup_out_of_memory+0xc2/0xe0\n"
		"[  500.100009]  try_charge+0x76e/0x7e0\n");
	CHECK(!has(&m, "genuine-exhaustion-no-swap"));
	/* an atomic order-0 request: the atomic rung */
	struct seen a = explain(GLOBAL_HEADER("0xa20(GFP_ATOMIC)", "0"));
	CHECK(!has(&a, "genuine-exhaustion-no-swap"));
	/* RAM figures read and showing room: the rules had their say */
	struct seen r = explain(GLOBAL_HEADER("0x140cca(GFP_HIGHUSER_MOVABLE|__GFP_COMP)", "0")
		"[  500.300000] Node 0 Normal free:3000000kB min:10680kB low:13350kB high:16020kB active_anon:41884kB inactive_anon:75096kB active_file:9656kB inactive_file:9656kB unevictable:0kB writepending:0kB present:5242880kB managed:5113684kB mlocked:0kB kernel_stack:2764kB pagetables:22984kB bounce:0kB free_pcp:260kB local_pcp:0kB free_cma:0kB\n"
		"[  500.300001] lowmem_reserve[]: 0 0 0 0\n");
	CHECK(!has(&r, "genuine-exhaustion-no-swap"));
}

/* A header alone asking for exactly GFP_KERNEL at order 0: the mask a
 * memory cgroup's charge of a faulted page prints (mm/memory.c
 * do_anonymous_page), so the header does not say global; the cgroup's
 * limit is named at low confidence (event_analysis.c header_charge_mask,
 * event_rules.c rule_header_charge).  Not when anything in the text says
 * global, or the trigger is a kernel thread, or the kernel predates memory
 * cgroups. */
struct last_cause { int n; char id[40]; bool alone; };

static void on_last_cause(struct oom_event *ev, void *ctx)
{
	struct last_cause *lc = ctx;
	lc->n++;
	struct event_analysis a;
	event_analyse(ev, &a);
	struct findings f;
	diagnose_event(ev, &f);
	snprintf(lc->id, sizeof(lc->id), "%s", f.n ? f.items[0].id : "");
	lc->alone = a.charge_mask_alone;
}

/* clash's header alone at stamp t, after a system-wide kill at 3783.59 s
 * of the same machine: the last event's first cause */
static struct last_cause header_after_global_kill(const char *t)
{
	char text[1024];
	snprintf(text, sizeof(text),
		 "[ 3783.579653] oom-kill:constraint=CONSTRAINT_NONE,nodemask=(null),cpuset=/,mems_allowed=0,global_oom,task_memcg=/,task=clash,pid=12929,uid=65534\n"
		 "[ 3783.594467] Out of memory: Killed process 12929 (clash) total-vm:675816kB, anon-rss:46168kB, file-rss:0kB, shmem-rss:0kB, UID:65534 pgtables:116kB oom_score_adj:0\n"
		 "[ %s] clash invoked oom-killer: gfp_mask=0xcc0(GFP_KERNEL), order=0, oom_score_adj=0\n"
		 "[ %s] CPU: 1 PID: 19372 Comm: clash Not tainted 5.4.137 #0\n", t, t);
	struct last_cause lc = { 0 };
	feed(text, on_last_cause, &lc);
	return lc;
}

TEST(header_alone_with_charge_mask_is_memcg_low)
{
	struct seen h = explain_for(GLOBAL_HEADER("0xcc0(GFP_KERNEL)", "0"), "memcg-limit");
	CHECK_STR(h.first, "memcg-limit");
	CHECK_INT(h.conf, CONF_LOW);
	CHECK(evidence_has(&h, "charges a faulted page with exactly GFP_KERNEL"));
	CHECK(strstr(h.note, "charge mask") != NULL);
	/* 3.x's numeric mask and the kubelet's Guaranteed adj */
	struct seen k = explain_for("[ 8000.1] influxd invoked oom-killer: gfp_mask=0xd0, order=0, oom_score_adj=-997\n"
				    "[ 8000.2] influxd cpuset=e8a5a6602875bd11 mems_allowed=0\n"
				    "[ 8000.3] CPU: 0 PID: 4972 Comm: influxd Not tainted 3.16.0-4-amd64 #1 Debian 3.16.7\n",
				    "memcg-limit");
	CHECK_STR(k.first, "memcg-limit");
	CHECK(evidence_has(&k, "kubelet"));
	CHECK(evidence_has(&k, "cpuset e8a5a6602875bd11"));
}

TEST(header_alone_not_a_charge_stays_global)
{
	static const char *const told[] = {
		/* the fault's own mask: a process filling RAM, not a charge */
		GLOBAL_HEADER("0x100cca(GFP_HIGHUSER_MOVABLE)", "0"),
		/* GFP_KERNEL with more flags, or order 1: another allocation */
		GLOBAL_HEADER("0xdc0(GFP_KERNEL|__GFP_ZERO)", "0"),
		GLOBAL_HEADER("0xcc0(GFP_KERNEL)", "1"),
		/* the trace goes through the page allocator: the kernel's own
		 * GFP_KERNEL allocation failed system-wide */
		GLOBAL_HEADER("0xcc0(GFP_KERNEL)", "0")
		"[  500.100003] Call Trace:\n"
		"[  500.100004]  dump_stack+0x6d/0x8b\n"
		"[  500.100005]  dump_header+0x4f/0x1eb\n"
		"[  500.100006]  out_of_memory+0x1cf/0x4d0\n"
		"[  500.100007]  __alloc_pages_slowpath+0xbd5/0xcc0\n",
		/* out_of_memory called by something other than the memcg path
		 * (R2804: MGLRU's aging), its frames at the line's start (a
		 * logcat or journal prefix took the indent) */
		"app invoked oom-killer: gfp_mask=0xcc0(GFP_KERNEL), order=0, oom_score_adj=0\n"
		"CPU: 5 PID: 156 Comm: app Not tainted 5.10.81\n"
		"Call trace:\n"
		"dump_header+0x54/0x1f8\n"
		"out_of_memory+0x200/0x528\n"
		"some_caller+0x1d8/0x278\n",
		/* a kernel thread faults no user page */
		"[  500.1] kswapd0 invoked oom-killer: gfp_mask=0xcc0(GFP_KERNEL), order=0, oom_score_adj=0\n"
		"[  500.2] CPU: 3 PID: 88 Comm: kswapd0 Not tainted 6.12.0 #1\n",
		/* 2.6.18 had no memory cgroups */
		"Oct 10 10:00:00 db kernel: oracle invoked oom-killer: gfp_mask=0xd0, order=0, oomkilladj=0\n"
		"Oct 10 10:00:00 db kernel: Pid: 4242, comm: oracle Not tainted 2.6.18-194.el5 #1\n",
	};
	for (size_t i = 0; i < sizeof(told) / sizeof(told[0]); i++) {
		struct seen g = explain(told[i]);
		if (has(&g, "memcg-limit"))
			fprintf(stderr, "  read as a cgroup's: case %zu\n", i);
		CHECK(!has(&g, "memcg-limit"));
	}
	/* a header 5 s after a kill the text told system-wide, same host */
	struct last_cause lc = header_after_global_kill("3788.500663");
	CHECK_INT(lc.n, 2);
	CHECK(!lc.alone);
	CHECK(strcmp(lc.id, "memcg-limit") != 0);
	/* … and two minutes after it: another moment, the header alone again */
	struct last_cause far = header_after_global_kill("3917.500663");
	CHECK_INT(far.n, 2);
	CHECK(far.alone);
	CHECK_STR(far.id, "memcg-limit");
}

/* "no killable processes" with a task table holding no row: only kernel
 * threads existed (boot, kdump): nobody killable leads what filled memory */
#define NOKILL_SLAB(rows) \
	COUNTED_SUMMARY("7473") \
	"[ pid ]   uid  tgid total_vm      rss pgtables_bytes swapents oom_score_adj name\n" \
	rows \
	"Kernel panic - not syncing: Out of memory and no killable processes...\n"

TEST(no_killable_with_empty_table_leads_consumers)
{
	struct seen s = explain(NOKILL_SLAB(""));
	CHECK_STR(s.first, "no-killable-process");
	CHECK(has(&s, "slab-growth"));
	CHECK(evidence_has(&s, "holds no process"));
	/* with a row listed, the candidates existed: slab keeps the lead */
	struct seen r = explain(NOKILL_SLAB("[  700]     0   700    20000     3000    90000        0         -1000 sshd\n"));
	CHECK_STR(r.first, "slab-growth");
	CHECK(has(&r, "no-killable-process"));
	/* every row at -1000 (an inherited setting, R4495): nobody killable
	 * leads, and says why */
	struct seen i = explain(NOKILL_SLAB("[  700]     0   700    20000     3000    90000        0         -1000 sshd\n"
					    "[  801]     0   801    30000     5000    90000        0         -1000 bash\n"
					    "[  802]     0   802    90000    60000    90000        0         -1000 xfs_db\n"));
	CHECK_STR(i.first, "no-killable-process");
	CHECK(evidence_has(&i, "oom_score_adj -1000"));
	/* one row not immune: the candidates existed, slab keeps the lead */
	struct seen o = explain(NOKILL_SLAB("[  700]     0   700    20000     3000    90000        0         -1000 sshd\n"
					    "[  801]     0   801    30000     5000    90000        0         -1000 bash\n"
					    "[  802]     0   802    90000    60000    90000        0             0 xfs_db\n"));
	CHECK_STR(o.first, "slab-growth");
}

/* An atomic order-0 failure on a 32-bit box with no HighMem pages: all its
 * memory is lowmem, so the atomic reserve decides, not the lowmem split
 * (2.6.16-2.6.18 layout: DMA, DMA32, Normal, HighMem all printed) */
#define I386_128M(highmem_present, highmem_free, highmem_pages) \
	"events/0: page allocation failure. order:0, mode:0x20\n" \
	" <c0132552> __alloc_pages+0x254/0x266  <c0142688> kmem_getpages+0x39/0x91\n" \
	"Mem-info:\n" \
	"Free pages:         976kB (" highmem_free "kB HighMem)\n" \
	"Active:12345 inactive:6399 dirty:1 writeback:0 unstable:0 free:244 slab:11916 mapped:1477 pagetables:54\n" \
	"DMA free:516kB min:180kB low:224kB high:268kB active:3500kB inactive:2724kB present:16384kB pages_scanned:0 all_unreclaimable? no\n" \
	"lowmem_reserve[]: 0 0 111 111\n" \
	"DMA32 free:0kB min:0kB low:0kB high:0kB active:0kB inactive:0kB present:0kB pages_scanned:0 all_unreclaimable? no\n" \
	"lowmem_reserve[]: 0 0 111 111\n" \
	"Normal free:460kB min:1260kB low:1572kB high:1888kB active:45880kB inactive:22872kB present:114624kB pages_scanned:0 all_unreclaimable? no\n" \
	"lowmem_reserve[]: 0 0 0 0\n" \
	"HighMem free:" highmem_free "kB min:128kB low:128kB high:128kB active:0kB inactive:0kB present:" highmem_present "kB pages_scanned:0 all_unreclaimable? no\n" \
	"lowmem_reserve[]: 0 0 0 0\n" \
	"DMA: 1*4kB 0*8kB 0*16kB 0*32kB 0*64kB 0*128kB 0*256kB 1*512kB 0*1024kB 0*2048kB 0*4096kB = 516kB\n" \
	"DMA32: empty\n" \
	"Normal: 3*4kB 0*8kB 0*16kB 0*32kB 1*64kB 1*128kB 1*256kB 0*512kB 0*1024kB 0*2048kB 0*4096kB = 460kB\n" \
	"HighMem: empty\n" \
	"Free swap  = 506036kB\n" \
	"Total swap = 506036kB\n" \
	"32752 pages of RAM\n" \
	highmem_pages " pages of HIGHMEM\n"

TEST(atomic_order0_without_highmem_leads_lowmem)
{
	struct seen s = explain(I386_128M("0", "0", "0"));
	CHECK_STR(s.first, "atomic-reserves-exhausted");
	CHECK(has(&s, "lowmem-pressure"));
	CHECK(evidence_has(&s, "no HighMem pages"));
	/* DMA: 129 pages free against min 45 - 22 - 5 = 18 plus 111 reserved
	 * for a Normal request (index 2 in this layout): it fails too */
	CHECK(evidence_has(&s, "DMA: free 516"));
	/* with HighMem pages (spent), the lowmem split stays in the story */
	struct seen h = explain(I386_128M("131072", "200", "32768"));
	CHECK(strcmp(h.first, "atomic-reserves-exhausted") != 0);
	CHECK(has(&h, "atomic-reserves-exhausted"));
}

TEST(memcg_limit_from_the_kill_line_alone)
{
	/* cut to the constraint and kill lines: the limit was hit (the
	 * kernel says so), its numbers are not shown: medium, not high */
	struct seen s = explain(
		"[ 100.000] oom-kill:constraint=CONSTRAINT_MEMCG,nodemask=(null),cpuset=/,mems_allowed=0,oom_memcg=/kubepods/pod1,task_memcg=/kubepods/pod1/c1,task=java,pid=123,uid=0\n"
		"[ 100.001] Memory cgroup out of memory: Killed process 123 (java) total-vm:4000000kB, anon-rss:2000000kB, file-rss:1000kB, shmem-rss:0kB, UID:0 pgtables:4000kB oom_score_adj:900\n");
	CHECK_STR(s.first, "memcg-limit");
	CHECK_STR(confidence_name(s.conf), "medium");
}

/* ---- session 7: causes from partial evidence (F4) ----------------------- */

/* cgroup v2, 5.14-style stat dump: "kernel" is the kmem charge, socket
 * buffers are charged apart from it (mm/memcontrol.c
 * mem_cgroup_charge_skmem): a cgroup filled by sock is at its limit, not
 * leaking */
TEST(memcg_v2_sock_is_the_limit)
{
	struct seen s = explain(
		"[ 50.000] web invoked oom-killer: gfp_mask=0x100cca(GFP_HIGHUSER_MOVABLE), order=0, oom_score_adj=0\n"
		"[ 50.000] CPU: 3 PID: 4242 Comm: web Not tainted 5.14.0-300.el9.x86_64 #1\n"
		"[ 50.001] memory: usage 307200kB, limit 307200kB, failcnt 120\n"
		"[ 50.001] swap: usage 0kB, limit 0kB, failcnt 0\n"
		"[ 50.001] Memory cgroup stats for /web.slice:\n"
		"[ 50.001] anon 41943040\n"
		"[ 50.001] file 1048576\n"
		"[ 50.001] kernel 2097152\n"
		"[ 50.001] kernel_stack 131072\n"
		"[ 50.001] pagetables 262144\n"
		"[ 50.001] percpu 0\n"
		"[ 50.001] sock 268435456\n"
		"[ 50.001] shmem 0\n"
		"[ 50.001] slab_reclaimable 524288\n"
		"[ 50.001] slab_unreclaimable 786432\n"
		"[ 50.002] oom-kill:constraint=CONSTRAINT_MEMCG,nodemask=(null),cpuset=/,mems_allowed=0,oom_memcg=/web.slice,task_memcg=/web.slice,task=web,pid=4242,uid=0\n"
		"[ 50.002] Memory cgroup out of memory: Killed process 4242 (web) total-vm:900000kB, anon-rss:40000kB, file-rss:0kB, shmem-rss:0kB, UID:0 pgtables:256kB oom_score_adj:0\n");
	CHECK_STR(s.first, "memcg-limit");
	CHECK(!has(&s, "kernel-leak-or-bug"));
	CHECK(evidence_has(&s, "socket buffers"));
}

/* "Out of memory and no killable processes..." as a 4.19+ warning with no
 * panic after it, behind a trigger line with order ≥ 0: a memcg OOM */
#define NO_KILLABLE(release, after) \
	"[  108.100000] bash invoked oom-killer: gfp_mask=0xcc0(GFP_KERNEL), order=0, oom_score_adj=0\n" \
	"[  108.100010] CPU: 1 PID: 900 Comm: bash Not tainted " release " #1\n" \
	"[  108.200000] Out of memory and no killable processes...\n" \
	after

TEST(memcg_inferred_from_no_killable_without_panic)
{
	/* one convention (R427, R357, R166): inside a memcg, nothing killable
	 * leads, the limit (here inferred) follows */
	struct seen s = explain(NO_KILLABLE("6.1.0", ""));
	CHECK_STR(s.first, "no-killable-process");
	CHECK(has(&s, "memcg-limit"));
	CHECK_STR(s.ids[1], "memcg-limit");
	CHECK(evidence_has(&s, "OOM repeats"));
	/* the panic that ends a system-wide one */
	struct seen t = explain(NO_KILLABLE("6.1.0", "[  108.200100] Kernel panic - not syncing: System is deadlocked on memory\n"));
	CHECK(!has(&t, "memcg-limit"));
	/* before 4.19 a memcg OOM printed no such line: the line is the panic's */
	struct seen u = explain(NO_KILLABLE("4.14.0", ""));
	CHECK(!has(&u, "memcg-limit"));
	/* a tail with no trigger line: a sysrq OOM is not excluded */
	struct seen v = explain("[  108.200000] Out of memory and no killable processes...\n");
	CHECK(!has(&v, "memcg-limit"));
}

/* 32-bit MIPS without ZONE_DMA (Normal, HighMem; lowmem_reserve three
 * wide): an order-5 GFP_KERNEL failure with 40 MiB free in Normal whose
 * blocks of 128 KiB and more are all CMA; slab a third of lowmem */
#define NODMA_ORDER5 \
	"[ 4000.000000] go: page allocation failure: order:5, mode:0x40cc0(GFP_KERNEL|__GFP_COMP), nodemask=(null)\n" \
	"[ 4000.000010] CPU: 0 PID: 77 Comm: go Not tainted 5.10.0 #3\n" \
	"[ 4000.000100] Mem-Info:\n" \
	"[ 4000.000110] active_anon:300 inactive_anon:12000 isolated_anon:0\n" \
	"[ 4000.000110]  active_file:100000 inactive_file:50000 isolated_file:0\n" \
	"[ 4000.000110]  unevictable:0 dirty:100 writeback:0\n" \
	"[ 4000.000110]  slab_reclaimable:17000 slab_unreclaimable:3000\n" \
	"[ 4000.000110]  mapped:9000 shmem:3000 pagetables:200 bounce:0\n" \
	"[ 4000.000110]  free:70000 free_pcp:70 free_cma:3000\n" \
	"[ 4000.000200] Normal free:40960kB min:2000kB low:2500kB high:3000kB reserved_highatomic:0KB active_anon:0kB inactive_anon:200kB active_file:80000kB inactive_file:40000kB unevictable:0kB writepending:1000kB present:262144kB managed:240000kB mlocked:0kB pagetables:800kB bounce:0kB free_pcp:100kB local_pcp:100kB free_cma:12000kB\n" \
	"[ 4000.000210] lowmem_reserve[]: 0 6000 0\n" \
	"[ 4000.000300] HighMem free:239040kB min:512kB low:2100kB high:3700kB reserved_highatomic:0KB active_anon:1200kB inactive_anon:47800kB active_file:320000kB inactive_file:160000kB unevictable:0kB writepending:200kB present:786432kB managed:786432kB mlocked:0kB pagetables:0kB bounce:0kB free_pcp:200kB local_pcp:200kB free_cma:0kB\n" \
	"[ 4000.000310] lowmem_reserve[]: 0 0 0\n" \
	"[ 4000.000400] Normal: 2800*4kB (UMEC) 1500*8kB (UMEC) 500*16kB (UMEC) 100*32kB (UMC) 20*64kB (UMC) 10*128kB (C) 2*256kB (C) 1*512kB (C) 0*1024kB 0*2048kB 0*4096kB = 40960kB\n" \
	"[ 4000.000500] HighMem: 1500*4kB (UM) 5000*8kB (UM) 3600*16kB (UM) 1200*32kB (UM) 500*64kB (UM) 200*128kB (UM) 60*256kB (UM) 20*512kB (UM) 11*1024kB (M) 0*2048kB 0*4096kB = 239040kB\n" \
	"[ 4000.000600] Free swap  = 0kB\n" \
	"[ 4000.000610] Total swap = 0kB\n" \
	"[ 4000.000620] 262144 pages RAM\n" \
	"[ 4000.000630] 196608 pages HighMem/MovableOnly\n" \
	"[ 4000.000640] 5000 pages reserved\n"

TEST(lowmem_with_room_at_order0_is_fragmentation)
{
	struct seen s = explain(NODMA_ORDER5);
	CHECK_STR(s.first, "fragmentation-high-order");
	CHECK(!has(&s, "lowmem-exhausted-highmem-free"));
	CHECK(!has(&s, "lowmem-pressure"));
	CHECK(evidence_has(&s, "CMA"));
}

/* One 256 MiB board zone, an order-4 failure: 16 MiB free, most in blocks
 * under 64 KiB — the zone passes at order 4 on the printed numbers by a
 * few blocks */
#define SCARCE_ORDER4(blocks) \
	SCARCE_H("ufb: page allocation failure: order:4, mode:0x40cc0(GFP_KERNEL|__GFP_COMP), nodemask=(null),cpuset=/,mems_allowed=0\n", blocks)
#define SCARCE_H(header, blocks) \
	header \
	"CPU: 2 PID: 370 Comm: ufb Not tainted 5.4.3 #1\n" \
	"Mem-Info:\n" \
	"active_anon:2800 inactive_anon:5200 isolated_anon:0\n" \
	" active_file:5200 inactive_file:18800 isolated_file:0\n" \
	" unevictable:0 dirty:20 writeback:400 unstable:0\n" \
	" slab_reclaimable:4000 slab_unreclaimable:3400\n" \
	" mapped:700 shmem:7300 pagetables:40 bounce:0\n" \
	" free:4200 free_pcp:100 free_cma:0\n" \
	"Node 0 DMA32 free:16800kB min:1800kB low:2250kB high:2700kB active_anon:11200kB inactive_anon:20800kB active_file:20800kB inactive_file:75200kB unevictable:0kB writepending:1680kB present:262144kB managed:219000kB mlocked:0kB kernel_stack:2000kB pagetables:160kB bounce:0kB free_pcp:400kB local_pcp:100kB free_cma:0kB\n" \
	"lowmem_reserve[]: 0 0 0\n" \
	blocks \
	"Free swap  = 0kB\n" \
	"Total swap = 0kB\n" \
	"65536 pages RAM\n" \
	"10700 pages reserved\n"

TEST(scarce_high_order_blocks_are_fragmentation)
{
	struct seen s = explain(SCARCE_ORDER4(
		"Node 0 DMA32: 500*4kB (UME) 250*8kB (UME) 720*16kB (UM) 20*32kB (UME) 4*64kB (UME) 2*128kB (M) 0*256kB 0*512kB 0*1024kB 0*2048kB 0*4096kB = 16800kB\n"));
	CHECK_STR(s.first, "fragmentation-high-order");
	CHECK(!has(&s, "genuine-exhaustion-no-swap"));
	/* big blocks hold most of the free memory: not the blocks */
	struct seen t = explain(SCARCE_ORDER4(
		"Node 0 DMA32: 100*4kB (UME) 50*8kB (UME) 0*16kB 0*32kB 0*64kB 2*128kB (M) 3*256kB (M) 3*512kB (M) 3*1024kB (M) 1*2048kB (M) 2*4096kB (M) = 16800kB\n"));
	CHECK(!has(&t, "fragmentation-high-order"));
}

TEST(scarce_blocks_beside_a_dma_zone_at_its_reserve)
{
	/* an order-2 atomic failure (R1072's shape): DMA a few KiB above its
	 * lowmem_reserve tells nothing; DMA32 has 47 MiB free, 576 KiB of it
	 * in blocks of 16 KiB or more */
	struct seen s = explain(
		"kcryptd: page allocation failure. order:2, mode:0x4020\n"
		"Pid: 4441, comm: kcryptd Not tainted 2.6.32-rc3 #1\n"
		"DMA free:7928kB min:40kB low:48kB high:60kB active_anon:0kB inactive_anon:0kB present:15336kB pages_scanned:0 all_unreclaimable? no\n"
		"lowmem_reserve[]: 0 1976 1976 1976\n"
		"DMA32 free:48500kB min:5664kB low:7080kB high:8496kB active_anon:1190788kB inactive_anon:297788kB present:2023584kB pages_scanned:0 all_unreclaimable? no\n"
		"lowmem_reserve[]: 0 0 0 0\n"
		"DMA: 19*4kB 13*8kB 3*16kB 7*32kB 11*64kB 11*128kB 5*256kB 0*512kB 0*1024kB 0*2048kB 1*4096kB = 7928kB\n"
		"DMA32: 9299*4kB 1341*8kB 4*16kB 0*32kB 0*64kB 0*128kB 0*256kB 1*512kB 0*1024kB 0*2048kB 0*4096kB = 48500kB\n");
	CHECK_STR(s.first, "fragmentation-high-order");
}

/* An OOM decided by the min mark itself: 64 KiB-page arm64 with THP sets
 * min_free_kbytes to 5 % of RAM; Normal sits just under its 6 GiB min */
#define MIN_MARK(normal_min, dma_min) \
	"  tester invoked oom-killer: gfp_mask=0x100dca(GFP_HIGHUSER_MOVABLE|__GFP_ZERO), order=0, oom_score_adj=0\n" \
	"  CPU: 10 PID: 3000 Comm: tester Not tainted 5.11.0 #1\n" \
	"  Mem-Info:\n" \
	"  active_anon:300 inactive_anon:1960000 isolated_anon:0\n" \
	"   active_file:100 inactive_file:200 isolated_file:0\n" \
	"   unevictable:0 dirty:0 writeback:0\n" \
	"   slab_reclaimable:2000 slab_unreclaimable:6000\n" \
	"   mapped:100 shmem:100 pagetables:400 bounce:0\n" \
	"   free:112000 free_pcp:1 free_cma:3000\n" \
	"  Node 0 DMA free:704000kB min:" dma_min "kB low:256000kB high:307000kB reserved_highatomic:0KB\n" \
	"  lowmem_reserve[]: 0 0 7900 7900 7900\n" \
	"  Node 0 Normal free:6464000kB min:" normal_min "kB low:8080000kB high:9700000kB reserved_highatomic:0KB\n" \
	"  lowmem_reserve[]: 0 0 0 0 0\n"

TEST(min_mark_itself_is_unusual)
{
	struct seen s = explain(MIN_MARK("6467000", "205000"));
	CHECK_STR(s.first, "min-free-kbytes-unusual");
	CHECK(!has(&s, "kernel-oom-regression"));
	/* a zone far below its (large) min: memory ran out, the mark is not it */
	struct seen t = explain(
		"  tester invoked oom-killer: gfp_mask=0x100dca(GFP_HIGHUSER_MOVABLE|__GFP_ZERO), order=0, oom_score_adj=0\n"
		"  CPU: 10 PID: 3000 Comm: tester Not tainted 5.11.0 #1\n"
		"  Mem-Info:\n"
		"  Node 0 Normal free:1000000kB min:6467000kB low:8080000kB high:9700000kB reserved_highatomic:0KB\n"
		"  lowmem_reserve[]: 0 0 0 0 0\n");
	CHECK(!has(&t, "min-free-kbytes-unusual"));
	/* the printed min holds the watermark boost (5.0+): a 64 MiB router at
	 * 12 MiB min of which 4 MiB boost, 8 MiB the setting, not over four
	 * times its default (R3647's shape) */
	struct seen u = explain(
		"kswapd0 invoked oom-killer: gfp_mask=0xcc0(GFP_KERNEL), order=0, oom_score_adj=0\n"
		"CPU: 0 PID: 20 Comm: kswapd0 Not tainted 5.15.134 #0\n"
		"Normal free:12156kB boost:4096kB min:12288kB low:14336kB high:16384kB active_anon:0kB inactive_anon:3396kB active_file:412kB inactive_file:332kB unevictable:0kB writepending:0kB present:65536kB managed:56732kB mlocked:0kB bounce:0kB free_pcp:0kB local_pcp:0kB free_cma:0kB\n"
		"lowmem_reserve[]: 0 0\n");
	CHECK(!has(&u, "min-free-kbytes-unusual"));
	/* anonymous memory filling the node beside a raised min (R3164's
	 * shape): exhaustion first, the mark second */
	struct seen v = explain(
		"Node 0 active_anon:127957180kB inactive_anon:624kB active_file:0kB inactive_file:288kB unevictable:9076kB isolated(anon):0kB isolated(file):0kB mapped:4740kB dirty:184kB writeback:168kB shmem:1552kB all_unreclaimable? no\n"
		"Node 0 DMA32 free:521868kB min:14208kB low:17760kB high:21312kB active_anon:1349656kB inactive_anon:0kB active_file:60kB inactive_file:220kB unevictable:0kB writepending:4kB present:1961756kB managed:1874248kB\n"
		"lowmem_reserve[]: 0 0 126973 126973 126973\n"
		"Node 0 Normal free:985296kB min:985668kB low:1232084kB high:1478500kB active_anon:126606732kB inactive_anon:624kB active_file:0kB inactive_file:0kB unevictable:9076kB writepending:352kB present:132120576kB managed:130020352kB\n"
		"lowmem_reserve[]: 0 0 0 0 0\n");
	CHECK_STR(v.first, "genuine-exhaustion-no-swap");
	CHECK(has(&v, "min-free-kbytes-unusual"));
}

/* A 4.8–4.18 trigger line's nodemask leaving out node 0: a bind policy */
#define NODEMASK_OOM(mask) \
	"[  364.737486] oom02:4583 invoked oom-killer: gfp_mask=0x16080c0(GFP_KERNEL|__GFP_ZERO|__GFP_NOTRACK), nodemask=" mask ",  order=0, oom_score_adj=0\n" \
	"[  364.737500] CPU: 5 PID: 4583 Comm: oom02 Not tainted 4.13.0 #1\n" \
	"[  365.036127] [ pid ]   uid  tgid total_vm      rss nr_ptes nr_pmds swapents oom_score_adj name\n" \
	"[  365.036200] [ 4513]     0  4513      670      365       5       3        0             0 oom02\n" \
	"[  365.036300] [ 4578]     0  4578 37776030 32890957   64257     138        0             0 oom02\n" \
	"[  365.248067] Out of memory: Kill process 4578 (oom02) score 952 or sacrifice child\n" \
	"[  365.255581] Killed process 4578 (oom02) total-vm:151104120kB, anon-rss:131562528kB, file-rss:1300kB, shmem-rss:0kB\n"

TEST(nodemask_without_node0_is_mempolicy)
{
	struct seen s = explain(NODEMASK_OOM("1"));
	CHECK_STR(s.first, "cpuset-or-mempolicy");
	CHECK(evidence_has(&s, "nodemask=1"));
	/* "nodemask=0" on a machine whose zones show no other node: maybe all */
	struct seen t = explain(NODEMASK_OOM("0"));
	CHECK(!has(&t, "cpuset-or-mempolicy"));
	struct seen u = explain(NODEMASK_OOM("(null)"));
	CHECK(!has(&u, "cpuset-or-mempolicy"));
}

/* A report cut inside Mem-Info after its LRU and slab lines: the node
 * line gives the LRU, slab is unknown; 100 MiB of a 120 MiB board is
 * outside every counter but slab */
TEST(kernel_memory_with_slab_line_cut)
{
	struct seen s = explain(
		"<4>[ 1771.264287]  mapped:1 shmem:137 pagetables:9 bounce:0\n"
		"<4>[ 1771.264287]  free:3600 free_pcp:45 free_cma:0\n"
		"<4>[ 1771.326758] Node 0 active_anon:200kB inactive_anon:500kB active_file:16kB inactive_file:48kB unevictable:0kB isolated(anon):0kB isolated(file):0kB mapped:4kB dirty:0kB writeback:0kB shmem:548kB writeback_tmp:0kB unstable:0kB all_unreclaimable? yes\n"
		"<4>[ 1771.370367] Normal free:14400kB min:16384kB low:20480kB high:24576kB active_anon:200kB inactive_anon:500kB active_file:16kB inactive_file:48kB unevictable:0kB writepending:0kB present:131072kB managed:123700kB mlocked:0kB kernel_stack:480kB pagetables:36kB bounce:0kB free_pcp:180kB local_pcp:0kB free_cma:0kB\n"
		"<4>[ 1771.424672] lowmem_reserve[]: 0 0 0\n"
		"<4>[ 1771.431623] Normal: 136*4kB (UM) 165*8kB (UM) 89*16kB (UM) 45*32kB (UM) 28*64kB (UM) 14*128kB (UM) 10*256kB (UM) 3*512kB (UM) 0*1024kB 1*2048kB (M) 0*4096kB = 14400kB\n"
		"<4>[ 1771.485552] Free swap  = 0kB\n"
		"<4>[ 1771.491287] Total swap = 0kB\n"
		"<4>[ 1771.497022] 32768 pages RAM\n"
		"<4>[ 1771.502563] 0 pages HighMem/MovableOnly\n"
		"<4>[ 1771.510188] 1830 pages reserved\n");
	CHECK_STR(s.first, "kernel-leak-or-bug");
	CHECK_STR(confidence_name(s.conf), "low");
	CHECK(evidence_has(&s, "per-node lines"));
}

/* No request in the report (its head trimmed), a kernel before 6.0 (its
 * buddy lines have no migratetype letters), a HighMem zone with free
 * pages above its min mark, the lowmem zone below its own: the request
 * that failed could not use HighMem — lowmem pressure, inferred. */
/* A 32-bit report whose HighMem zone line was not quoted (R1773's shape):
 * Normal's lowmem_reserve toward HighMem says HighMem spans 6.7 GiB, more
 * than any lowmem, and a lowmem request failed below Normal's low mark:
 * lowmem exhausted beside HighMem, at low confidence.  With a reserve that
 * implies under 3 GiB of HighMem nothing is said so. */
#define UNSEEN_HIGHMEM(normal_rsv) \
	"> Feb 12 08:21:50 h kernel: updatedb.mlocat invoked oom-killer: gfp_mask=0x16040d0(GFP_TEMPORARY|__GFP_COMP|__GFP_NOTRACK), nodemask=\n" \
	"> Feb 12 08:21:53 h kernel: DMA free:3840kB min:788kB low:984kB high:1180kB active_anon:0kB inactive_anon:0kB\n" \
	"> Feb 12 08:21:53 h kernel: lowmem_reserve[]: 0 763 7663 7663\n" \
	"> Feb 12 08:21:53 h kernel: Normal free:38764kB min:38828kB low:48532kB high:58236kB active_anon:0kB inactive_anon:0kB\n" \
	"> Feb 12 08:21:53 h kernel: lowmem_reserve[]: 0 0 " normal_rsv " " normal_rsv "\n"

TEST(lowmem_exhausted_beside_unseen_highmem)
{
	struct seen s = explain(UNSEEN_HIGHMEM("55201"));
	CHECK_STR(s.first, "lowmem-exhausted-highmem-free");
	CHECK_STR(confidence_name(s.conf), "low");
	CHECK(evidence_has(&s, "lowmem_reserve"));
	struct seen t = explain(UNSEEN_HIGHMEM("5000"));
	CHECK(!has(&t, "lowmem-exhausted-highmem-free"));
}

/* 2.6.14 i686 with 3.2 GiB of HighMem free: lowmem exhausted beside it;
 * with slab holding nine tenths of lowmem (R2008, R2010), slab growth
 * leads, the split only set where it ran out */
#define LOWMEM_SLAB(slab_pages) \
	"oom-killer: gfp_mask=0xd0, order=0\n" \
	"Mem-info:\n" \
	"Free pages:     2486564kB (2479256kB HighMem)\n" \
	"Active:2064 inactive:392 dirty:2 writeback:0 unstable:0 free:621641 slab:" slab_pages " mapped:1715 pagetables:91\n" \
	"DMA free:3588kB min:68kB low:84kB high:100kB active:0kB inactive:0kB present:16384kB pages_scanned:18 all_unreclaimable? yes\n" \
	"lowmem_reserve[]: 0 880 4080\n" \
	"Normal free:3720kB min:3756kB low:4692kB high:5632kB active:0kB inactive:0kB present:901120kB pages_scanned:18 all_unreclaimable? yes\n" \
	"lowmem_reserve[]: 0 0 25600\n" \
	"HighMem free:2479256kB min:512kB low:640kB high:768kB active:8256kB inactive:1568kB present:3276800kB pages_scanned:0 all_unreclaimable? no\n" \
	"lowmem_reserve[]: 0 0 0\n" \
	"Free swap:            0kB\n" \
	"1048576 pages of RAM\n" \
	"819200 pages of HIGHMEM\n" \
	"205960 reserved pages\n" \
	"Out of Memory: Killed process 444 (portmap).\n"

TEST(slab_nearly_all_lowmem_beside_highmem_leads)
{
	struct seen s = explain(LOWMEM_SLAB("216703"));   /* 846 MiB of 896 */
	CHECK_STR(s.first, "slab-growth");
	CHECK(has(&s, "lowmem-exhausted-highmem-free"));
	CHECK(evidence_has(&s, "% of lowmem: the 32-bit split only set where it ran out"));
	struct seen t = explain(LOWMEM_SLAB("150000"));   /* 586 MiB: two thirds */
	CHECK_STR(t.first, "lowmem-exhausted-highmem-free");
}

TEST(lowmem_request_inferred_from_highmem_room)
{
	const char *zones =
		"Free pages:       14732kB (1536kB HighMem)\n"
		"Active:219399 inactive:14723 dirty:0 writeback:0 unstable:0 free:3683 slab:3741 mapped:214946 pagetables:871\n"
		"DMA free:12516kB min:16kB low:32kB high:48kB active:0kB inactive:0kB present:16384kB pages_scanned:331 all_unreclaimable? yes\n"
		"protections[]: 0 0 0\n"
		"Normal free:680kB min:928kB low:1856kB high:2784kB active:236kB inactive:148kB present:901120kB pages_scanned:544 all_unreclaimable? yes\n"
		"protections[]: 0 0 0\n"
		"HighMem free:%skB min:512kB low:1024kB high:1536kB active:877360kB inactive:58744kB present:1179648kB pages_scanned:0 all_unreclaimable? no\n"
		"protections[]: 0 0 0\n"
		"DMA: 5*4kB 4*8kB 3*16kB 2*32kB 3*64kB 1*128kB 1*256kB 1*512kB 1*1024kB 1*2048kB 2*4096kB = 12516kB\n"
		"Normal: 0*4kB 1*8kB 2*16kB 0*32kB 0*64kB 1*128kB 0*256kB 1*512kB 0*1024kB 0*2048kB 0*4096kB = 680kB\n"
		"Free swap:       2062584kB\n"
		"524288 pages of RAM\n"
		"294896 pages of HIGHMEM\n"
		"Out of Memory: Killed process 24620 (java).\n";
	char t[2048];
	snprintf(t, sizeof(t), zones, "1536");
	struct seen s = explain(t);
	CHECK_INT(s.n, 1);
	CHECK_STR(s.first, "lowmem-pressure");
	CHECK(evidence_has(&s, "HighMem had free pages above its min watermark"));
	/* HighMem at its min too: nothing says the request could not use it */
	snprintf(t, sizeof(t), zones, "500");
	s = explain(t);
	CHECK(!has(&s, "lowmem-pressure"));
}

/* The printed nodemask is the header's mems_allowed of a cpuset below the
 * root (4.7–4.x pass the cpuset's mems down): kind cpuset, even when the
 * elided zone lines show only the allowed node (R432). */
static void on_kind(struct oom_event *ev, void *ctx)
{
	enum oom_kind *k = ctx;
	struct findings f;
	diagnose_event(ev, &f);
	*k = ev->kind;
}

TEST(cpuset_mems_as_nodemask_is_cpuset)
{
	const char *in =
		"[ 2397.331098] cpuset01 invoked oom-killer: gfp_mask=0x24280ca(GFP_HIGHUSER_MOVABLE|__GFP_ZERO), nodemask=1, order=0, oom_score_adj=0\n"
		"[ 2397.331100] cpuset01 cpuset=1 mems_allowed=1\n"
		"[...]\n"
		"[ 2397.331208] Node 1 Normal free:12046572kB min:45532kB low:62044kB high:78556kB present:16777216kB managed:16512808kB\n"
		"[ 2397.331209] lowmem_reserve[]: 0 0 0 0\n"
		"[ 2397.331236] Free swap  = 15892444kB\n"
		"[ 2397.331236] Total swap = 16383996kB\n";
	enum oom_kind k = OOM_KIND_GLOBAL;
	feed(in, on_kind, &k);
	CHECK_STR(oom_kind_name(k), "cpuset");
	/* under the root cpuset (allowed every node with memory) a mask
	 * without node 0 is a policy's (mm/oom_kill.c constrained_alloc:
	 * CONSTRAINT_MEMORY_POLICY) */
	char buf[1024];
	const char *cut = strstr(in, "[ 2397.331100]");
	const char *rest = strstr(in, "[...]");
	snprintf(buf, sizeof(buf), "%.*s[ 2397.331100] cpuset01 cpuset=/ mems_allowed=0-1\n%s", (int)(cut - in), in, rest);
	k = OOM_KIND_GLOBAL;
	feed(buf, on_kind, &k);
	CHECK_STR(oom_kind_name(k), "mempolicy");
	/* … and the root cpuset's mems equal to the mask leave no node with
	 * memory out: only node 1 has any */
	snprintf(buf, sizeof(buf), "%.*s[ 2397.331100] cpuset01 cpuset=/ mems_allowed=1\n%s", (int)(cut - in), in, rest);
	k = OOM_KIND_MEMPOLICY;
	feed(buf, on_kind, &k);
	CHECK_STR(oom_kind_name(k), "global");
}

/* A GFP_DMA32 request under a cpuset of node 1 on x86: DMA32 lies on node
 * 0, so no allowed node has the zone (R431); with node 0 allowed, or the
 * root cpuset, nothing is said. */
#define DMA32_CPUSET(mems) \
	"[ 100.1] CPU 0/KVM: page allocation failure: order:0, mode:0x400cc4(GFP_KERNEL_ACCOUNT|GFP_DMA32), nodemask=(null),cpuset=emulator,mems_allowed=" mems "\n" \
	"[ 100.2] CPU: 11 PID: 16473 Comm: CPU 0/KVM Tainted: P           OE     5.8.5-arch1-1 #1\n" \
	"[ 100.3] Call Trace:\n" \
	"[ 100.4]  __x64_sys_ioctl+0x16/0x20\n" \
	"[ 100.5] Mem-Info:\n" \
	"[ 100.6] active_anon:414866 inactive_anon:28099 isolated_anon:0\n" \
	"[ 100.7]  free:6992691 free_pcp:4628 free_cma:0\n"

TEST(dma32_request_outside_the_cpuset_nodes)
{
	struct seen s = explain(DMA32_CPUSET("1"));
	CHECK_STR(s.first, "cpuset-or-mempolicy");
	CHECK(evidence_has(&s, "mems_allowed=1"));
	struct seen t = explain(DMA32_CPUSET("0-1"));
	CHECK(!has(&t, "cpuset-or-mempolicy"));
}

/* A 64 MiB board with 45 MiB outside every counter (slab shown): most of
 * RAM, so the absolute floor of a server does not hide it (R409); a third
 * of a small board is not enough. */
#define SMALL_BOARD(slab_unrecl) \
	"[  969.95] Mem-Info:\n" \
	"[  969.95] active_anon:0 inactive_anon:0 isolated_anon:0\n" \
	"[  969.95]  active_file:0 inactive_file:19 isolated_file:0\n" \
	"[  969.95]  unevictable:0 dirty:0 writeback:0 unstable:0\n" \
	"[  969.95]  slab_reclaimable:263 slab_unreclaimable:" slab_unrecl "\n" \
	"[  969.95]  mapped:0 shmem:0 pagetables:62 bounce:0\n" \
	"[  969.95]  free:87 free_pcp:2 free_cma:0\n" \
	"[  969.95] Normal free:348kB min:944kB low:1180kB high:1416kB active_anon:0kB inactive_anon:0kB active_file:0kB inactive_file:76kB unevictable:0kB present:65536kB managed:56220kB mlocked:0kB kernel_stack:560kB pagetables:248kB free_pcp:8kB free_cma:0kB\n"

TEST(most_of_a_small_board_in_no_counter)
{
	struct seen s = explain(SMALL_BOARD("2075"));
	CHECK_STR(s.first, "kernel-leak-or-bug");
	/* 9000 pages of slab leave about 17 MiB (31 %) in no counter:
	 * below the bar on a board this small */
	struct seen t = explain(SMALL_BOARD("9000"));
	CHECK(!has(&t, "kernel-leak-or-bug"));
}

/* issue 8 §3: no swap line where show_mem prints them ("total pagecache
 * pages" followed at once by "pages RAM", mm/swap_state.c
 * show_swap_cache_info printing nothing without CONFIG_SWAP) is a kernel
 * built without swap: swap 0, inferred.  Room above the marks stays
 * relative to the zone, so a small board with swap 0 does not flip to
 * exhaustion.  One Normal zone; mid: what stands between the pagecache
 * line and the RAM totals. */
#define NOSWAP_REPORT(order, free, min, low, high, present, buddy, mid, ram, anon) \
	"[  50.000000] app invoked oom-killer: gfp_mask=0xcc0(GFP_KERNEL), order=" order ", oom_score_adj=0\n" \
	"[  50.000010] CPU: 0 PID: 321 Comm: app Not tainted 5.10.0 #1\n" \
	"[  50.000100] Mem-Info:\n" \
	"[  50.000101] active_anon:1000 inactive_anon:" anon " isolated_anon:0\n" \
	"[  50.000101]  active_file:10 inactive_file:20 isolated_file:0\n" \
	"[  50.000101]  unevictable:0 dirty:0 writeback:0\n" \
	"[  50.000101]  slab_reclaimable:100 slab_unreclaimable:300\n" \
	"[  50.000101]  mapped:5 shmem:0 pagetables:50 bounce:0\n" \
	"[  50.000101]  free:100 free_pcp:0 free_cma:0\n" \
	"[  50.000102] Normal free:" free "kB min:" min "kB low:" low "kB high:" high "kB reserved_highatomic:0KB active_anon:4000kB inactive_anon:8000kB active_file:40kB inactive_file:80kB unevictable:0kB writepending:0kB present:" present "kB managed:" present "kB mlocked:0kB bounce:0kB free_pcp:0kB local_pcp:0kB free_cma:0kB\n" \
	"[  50.000103] lowmem_reserve[]: 0 0\n" \
	"[  50.000104] Normal: " buddy "\n" \
	"[  50.000105] 30 total pagecache pages\n" \
	mid \
	"[  50.000106] " ram " pages RAM\n" \
	"[  50.000107] 0 pages HighMem/MovableOnly\n" \
	"[  50.000108] 100 pages reserved\n" \
	"[  50.000200] Out of memory: Killed process 321 (app) total-vm:20000kB, anon-rss:12000kB, file-rss:0kB, shmem-rss:0kB, UID:0 pgtables:64kB oom_score_adj:0\n"

/* 32 MiB: 6 MiB free over a 1 MiB high mark in blocks of order ≤ 1 */
#define BOARD32(order, mid) \
	NOSWAP_REPORT(order, "6000", "700", "872", "1044", "32768", \
		      "1300*4kB (UME) 100*8kB (UM) 0*16kB 0*32kB 0*64kB 0*128kB 0*256kB 0*512kB 0*1024kB 0*2048kB 0*4096kB = 6000kB", \
		      mid, "8192", "5000")

/* 64 MiB: 8 MiB free over a 1.5 MiB high mark in blocks of order ≤ 1 */
#define BOARD64_ROOM(order) \
	NOSWAP_REPORT(order, "8192", "1016", "1268", "1524", "65536", \
		      "1848*4kB (UME) 100*8kB (UM) 0*16kB 0*32kB 0*64kB 0*128kB 0*256kB 0*512kB 0*1024kB 0*2048kB 0*4096kB = 8192kB", \
		      "", "16384", "12000")

/* free under min with swap 0 inferred: exhaustion without swap, said
 * inferred at medium confidence */
static void noswap_exhaustion(const char *text)
{
	struct seen b = explain(text);
	CHECK(b.swap_inferred);
	CHECK_STR(b.first, "genuine-exhaustion-no-swap");
	CHECK(b.conf == CONF_MEDIUM);
	CHECK(strstr(b.note, "inferred") != NULL);
	CHECK(evidence_has(&b, "CONFIG_SWAP=n"));
}

TEST(no_swap_lines_kernel_without_swap)
{
	/* a 32 MiB board: an order-2 failure with room is fragmentation */
	struct seen s = explain(BOARD32("2", ""));
	CHECK(s.swap_inferred);
	CHECK_INT(s.swap_total, 0);
	CHECK_INT(s.swap_free, 0);
	CHECK_STR(s.first, "fragmentation-high-order");
	CHECK(!has(&s, "genuine-exhaustion-no-swap"));
	/* its order-0 OOM with 6 MiB free far above high: not exhaustion either */
	struct seen s0 = explain(BOARD32("0", ""));
	CHECK(s0.swap_inferred);
	CHECK(!has(&s0, "genuine-exhaustion-no-swap"));
	/* a 64 MiB board whose free fell under min: exhaustion without swap,
	 * said inferred at medium confidence */
	noswap_exhaustion(NOSWAP_REPORT("0", "900", "1016", "1268", "1524", "65536",
		"3*4kB (UME) 2*8kB (UM) 1*16kB (M) 1*32kB (M) 1*64kB (M) 1*128kB (M) 0*256kB 1*512kB (M) 0*1024kB 0*2048kB 0*4096kB = 780kB",
		"", "16384", "14000"));
	/* the same board with 8 MiB free over a 1.5 MiB high mark: room, so
	 * its order-0 OOM is no exhaustion and its order-2 one fragmentation */
	struct seen r0 = explain(BOARD64_ROOM("0"));
	CHECK(r0.swap_inferred);
	CHECK(!has(&r0, "genuine-exhaustion-no-swap"));
	struct seen r2 = explain(BOARD64_ROOM("2"));
	CHECK_STR(r2.first, "fragmentation-high-order");
	CHECK(!has(&r2, "genuine-exhaustion-no-swap"));
	/* a 64 GiB server, free under min: the same; an order-3 request with
	 * 20 GiB free in blocks of order ≤ 2: fragmentation */
	noswap_exhaustion(NOSWAP_REPORT("0", "60000", "90112", "112640", "135168", "67108864",
		"10000*4kB (UME) 2500*8kB (UM) 0*16kB 0*32kB 0*64kB 0*128kB 0*256kB 0*512kB 0*1024kB 0*2048kB 0*4096kB = 60000kB",
		"", "16777216", "16500000"));
	struct seen h = explain(NOSWAP_REPORT("3", "20971520", "90112", "112640", "135168", "67108864",
		"1048576*4kB (UME) 2097152*8kB (UM) 524288*16kB (UM) 0*32kB 0*64kB 0*128kB 0*256kB 0*512kB 0*1024kB 0*2048kB 0*4096kB = 20971520kB",
		"", "16777216", "16500000"));
	CHECK(h.swap_inferred);
	CHECK_STR(h.first, "fragmentation-high-order");
	CHECK(!has(&h, "genuine-exhaustion-no-swap"));
	/* the 2.6/3.x ARM show_mem's "pages swap cached" after the totals is
	 * printed with or without swap: still inferred */
	struct seen a = explain(BOARD32("2", "") "[  50.000109] 0 pages swap cached\n");
	CHECK(a.swap_inferred);
	/* shapes that leave swap unknown: an elision between the neighbours,
	 * a swap cache line (CONFIG_SWAP=y: its other lines lost), a cut
	 * before the RAM totals */
	struct seen e1 = explain(BOARD32("2", "[  50.000105] [...]\n"));
	CHECK(!e1.swap_inferred);
	CHECK(!known(e1.swap_total));
	struct seen e2 = explain(BOARD32("2", "[  50.000105] ...\n"));
	CHECK(!e2.swap_inferred);
	struct seen e3 = explain(BOARD32("2", "[  50.000105] 0 pages in swap cache\n"));
	CHECK(!e3.swap_inferred);
	CHECK(!known(e3.swap_total));
	struct seen e4 = explain(BOARD32("2", "[  50.000105] Free swap  = 1000kB\n"));
	CHECK(!e4.swap_inferred);
	CHECK(!known(e4.swap_total));
	CHECK_INT(e4.swap_free, 1000);
	struct seen p = explain(BOARD32("2", "[  50.000105] Swap cache stats: add 0, delete 0, find 0/0\n[  50.000105] Free swap  = 0kB\n[  50.000105] Total swap = 0kB\n"));
	CHECK(!p.swap_inferred);   /* printed: 0, as printed */
	CHECK_INT(p.swap_total, 0);
	struct seen c = explain(
		"[  50.000000] app invoked oom-killer: gfp_mask=0xcc0(GFP_KERNEL), order=0, oom_score_adj=0\n"
		"[  50.000100] Mem-Info:\n"
		"[  50.000101] active_anon:1000 inactive_anon:2000 isolated_anon:0\n"
		"[  50.000101]  free:100 free_pcp:0 free_cma:0\n"
		"[  50.000105] 30 total pagecache pages\n");
	CHECK(!c.swap_inferred);
}

/* A kind the parser inferred (memcg, from "no killable processes" with the
 * machine living on, report/parse.c nokill_next, R166's tail without its
 * trigger line) stays through diagnose, which redoes only the kinds it
 * inferred itself; twice analysed, it says the same. */
struct first_kind { int n; enum oom_kind k; };

static void on_kind_twice(struct oom_event *ev, void *ctx)
{
	struct first_kind *fk = ctx;
	if (fk->n++)
		return;
	struct findings f;
	diagnose_event(ev, &f);
	diagnose_event(ev, &f);
	fk->k = ev->kind;
}

TEST(parser_inferred_kind_survives_diagnose)
{
	const char *in =
		"kernel:  </TASK>\n"
		"kernel: Out of memory and no killable processes...\n"
		"kernel: systemd invoked oom-killer: gfp_mask=0xcc0(GFP_KERNEL), order=0, oom_score_adj=100\n"
		"kernel: CPU: 10 UID: 1000 PID: 20957 Comm: systemd Not tainted 6.17.3-arch2-1 #1\n";
	struct first_kind fk = { 0, OOM_KIND_GLOBAL };
	feed(in, on_kind_twice, &fk);
	CHECK_INT(fk.n, 2);
	CHECK_STR(oom_kind_name(fk.k), "memcg");
}

/* ---- a global kill with no memory figure: exhaustion, swap from the rows ---- */

/* One text and what diagnosing it must give: a field left NULL is not
 * asked.  A failure names the row. */
struct diag_case {
	const char *name, *text;
	const char *first;                /* the first cause's id */
	const char *conf;                 /* its confidence_name() */
	const char *note, *summary;       /* a part of its basis note, of its summary */
	const char *evidence;             /* a part of one of its evidence lines */
	const char *has;                  /* an id among the findings */
	const char *lacks[2];             /* ids not among them */
};

static void check_diagnoses(const struct diag_case *cases, size_t n)
{
	const char *test = check_current;
	for (size_t i = 0; i < n; i++) {
		const struct diag_case *c = &cases[i];
		char name[160];
		snprintf(name, sizeof(name), "%s: %s", test, c->name);
		check_current = name;
		struct seen s = explain(c->text);
		if (c->first)
			CHECK_STR(s.first, c->first);
		if (c->conf)
			CHECK_STR(confidence_name(s.conf), c->conf);
		if (c->note)
			CHECK(strstr(s.note, c->note) != NULL);
		if (c->summary)
			CHECK(strstr(s.summary, c->summary) != NULL);
		if (c->evidence)
			CHECK(evidence_has(&s, c->evidence));
		if (c->has)
			CHECK(has(&s, c->has));
		for (size_t k = 0; k < sizeof(c->lacks) / sizeof(c->lacks[0]) && c->lacks[k]; k++)
			CHECK(!has(&s, c->lacks[k]));
	}
	check_current = test;
}

/* a Mem-Info summary cut before its zones, swap lines and totals */
#define MEMINFO_CUT(anon, file) \
	"app invoked oom-killer: gfp_mask=0x6280ca(GFP_HIGHUSER_MOVABLE|__GFP_ZERO), nodemask=(null), order=0, oom_score_adj=0\n" \
	"Mem-Info:\n" \
	"active_anon:" anon " inactive_anon:0 isolated_anon:0\n" \
	" active_file:" file " inactive_file:0 isolated_file:0\n" \
	" unevictable:0 dirty:0 writeback:0 unstable:0\n" \
	" slab_reclaimable:6000 slab_unreclaimable:14000\n" \
	" mapped:6414 shmem:589 pagetables:9149 bounce:0\n" \
	" free:18807 free_pcp:103 free_cma:0\n"

/* A kill line, its rows or a Mem-Info summary, and no other figure of memory */
TEST(kill_lines_and_summaries_alone)
{
	static const struct diag_case cases[] = {
		/* 5.x kill line only: a big anonymous victim, swap not shown */
		{ .name = "kill_line_alone_is_exhaustion_low",
		  .text = "[Tue May 19 04:18:13 2026] Out of memory: Killed process 3996 (java) total-vm:3376784kB, anon-rss:551100kB, file-rss:0kB, shmem-rss:0kB, UID:1000 pgtables:1424kB oom_score_adj:0\n",
		  .first = "genuine-exhaustion-no-swap", .conf = "low",
		  .note = "swap not in the report", .summary = "named none",
		  .evidence = "should_reclaim_retry" },
		/* 68 KiB: the kill freed nothing, the memory was not in processes */
		{ .name = "kill_line_of_a_small_victim_stays_unknown",
		  .text = "[59313.549221] Killed process 15479 (server) total-vm:9984kB, anon-rss:68kB, file-rss:0kB\n",
		  .first = "unknown", .lacks = { "genuine-exhaustion-no-swap" } },
		/* 6.8+ rows: a swapped page proves swap, and reclaim gave up with it */
		{ .name = "kill_rows_with_swapped_pages_are_swap_full",
		  .text = "[  pid  ]   uid  tgid total_vm      rss rss_anon rss_file rss_shmem pgtables_bytes swapents oom_score_adj name\n"
			  "[   1762]   998  1762     4074      467       96      371         0    77824      144          -900 systemd-oomd\n"
			  "oom-kill:constraint=CONSTRAINT_NONE,nodemask=(null),cpuset=user.slice,mems_allowed=0,global_oom,task_memcg=/user.slice,task=make,pid=4271,uid=1000\n"
			  "Out of memory: Killed process 4271 (make) total-vm:4222280kB, anon-rss:3934380kB, file-rss:688kB, shmem-rss:0kB, UID:1000 pgtables:7812kB oom_score_adj:200\n",
		  .first = "genuine-exhaustion-swap-full", .conf = "low", .evidence = "in swap" },
		/* 4.15+ row of the victim itself: 1.5 GiB resident, swapents 0 */
		{ .name = "kill_rows_without_swapped_pages_are_no_swap",
		  .text = "Sep  9 21:12:12 servera kernel: [ pid ]   uid  tgid total_vm      rss pgtables_bytes swapents oom_score_adj name\n"
			  "Sep  9 21:12:12 servera kernel: [ 7996]     0  7996  1479058   395002  3629056        0             0 fio\n"
			  "Sep  9 21:12:12 servera kernel: Out of memory: Kill process 7996 (fio) score 845 or sacrifice child\n"
			  "Sep  9 21:12:12 servera kernel: Killed process 7996 (fio) total-vm:5916232kB, anon-rss:1172516kB, file-rss:0kB, shmem-rss:407492kB\n",
		  .first = "genuine-exhaustion-no-swap", .note = "no swap from rows",
		  .evidence = "swapents 0" },
		/* score 590 of which 588 is the victim's oom_score_adj: it held 0.2 %,
		 * but the kernel picked it for its adj, and a process at adj 0 could
		 * hold up to 59 % of RAM + swap and lose to it (select_bad_process):
		 * the score vetoes nothing, the rows-only evidence class speaks, at
		 * low confidence */
		{ .name = "kill_score_raised_by_adj_says_nothing_of_others",
		  .text = "[22039.152074] [18915]  1000 18915    90784     7427   0       7           411 chrome\n"
			  "[22039.152090] [20136]  1000 20136    93107     3997   0      10           588 chrome\n"
			  "[22039.152093] Out of memory: Kill process 20136 (chrome) score 590 or sacrifice child\n"
			  "[22039.152097] Killed process 20136 (chrome) total-vm:372428kB, anon-rss:15556kB, file-rss:432kB\n",
		  .first = "genuine-exhaustion-no-swap", .conf = "low" },
		/* at adj 0 a score of 2 is the worst process holding 0.2 %: every
		 * other held less, the memory was not in processes */
		{ .name = "kill_score_at_adj_0_stays_unknown",
		  .text = "[22039.152074] [18915]  1000 18915    90784     7427   0       0             0 chrome\n"
			  "[22039.152090] [20136]  1000 20136    93107     3997   0       0             0 chrome\n"
			  "[22039.152093] Out of memory: Kill process 20136 (chrome) score 2 or sacrifice child\n"
			  "[22039.152097] Killed process 20136 (chrome) total-vm:372428kB, anon-rss:15556kB, file-rss:432kB\n",
		  .first = "unknown" },
		/* 2.6.38 rows (no swapents): the victim's 400 ‰ of RAM + swap is at
		 * least 400 ‰ of the rows' 400 MiB resident = 160 MiB, while it holds
		 * 40 MiB in RAM: the rest was swapped */
		{ .name = "kill_score_beyond_resident_is_swap_full",
		  .text = "[  100.000001] [ 1000]  1000  1000   200000    92160   0       0             0 worker\n"
			  "[  100.000002] [ 1001]  1000  1001   300000    10240   0       0             0 hog\n"
			  "[  100.000003] Out of memory: Kill process 1001 (hog) score 400 or sacrifice child\n"
			  "[  100.000004] Killed process 1001 (hog) total-vm:1200000kB, anon-rss:40960kB, file-rss:0kB\n",
		  .first = "genuine-exhaustion-swap-full", .evidence = "oom_score_adj 0" },
		/* the totals survived, RAM figures did not */
		{ .name = "kill_with_total_swap_zero_is_no_swap_medium",
		  .text = "[511250.459168] Free swap  = 0kB\n"
			  "[511250.459168] Total swap = 0kB\n"
			  "[511250.459169] 8388478 pages RAM\n"
			  "[511250.459581] Out of memory: Kill process 17982 (java) score 77 or sacrifice child\n"
			  "[511250.459642] Killed process 17982 (java) total-vm:19803312kB, anon-rss:2540308kB, file-rss:0kB, shmem-rss:0kB\n",
		  .first = "genuine-exhaustion-no-swap", .conf = "medium",
		  .evidence = "Total swap = 0kB" },
		/* swap printed with room: anon was reclaimable, so not this shape */
		{ .name = "kill_with_free_swap_is_not_exhaustion",
		  .text = "[  100.0] Free swap  = 4000000kB\n"
			  "[  100.0] Total swap = 4194300kB\n"
			  "[  100.1] Out of memory: Killed process 42 (java) total-vm:3376784kB, anon-rss:551100kB, file-rss:0kB, shmem-rss:0kB, UID:1000 pgtables:1424kB oom_score_adj:0\n",
		  .lacks = { "genuine-exhaustion-no-swap", "genuine-exhaustion-swap-full" } },
		{ .name = "kill_of_high_order_request_is_not_exhaustion",
		  .text = "[  100.0] a.out invoked oom-killer: gfp_mask=0x40dc0(GFP_KERNEL|__GFP_COMP|__GFP_ZERO), order=3, oom_score_adj=0\n"
			  "[  100.1] Out of memory: Killed process 42 (java) total-vm:3376784kB, anon-rss:551100kB, file-rss:0kB, shmem-rss:0kB, UID:1000 pgtables:1424kB oom_score_adj:0\n",
		  .lacks = { "genuine-exhaustion-no-swap" } },
		/* 2.6–5.0 print "Killed process" alike for a memcg OOM: with the
		 * selection line cut, global is not known; read as the
		 * system-wide OOM pasted bare kill lines are, low, saying so */
		{ .name = "bare_killed_process_line_may_be_a_cgroup",
		  .text = "[  100.1] Killed process 42 (java) total-vm:3376784kB, anon-rss:551100kB, file-rss:0kB\n",
		  .first = "genuine-exhaustion-no-swap", .conf = "low", .evidence = "does not say system-wide or a memory cgroup" },
		/* totals and rows survived: 900 MiB resident of 1 GiB RAM, no
		 * swapped page in the rows */
		{ .name = "kill_with_rows_filling_ram_is_medium",
		  .text = "262144 pages RAM\n"
			  "[ pid ]   uid  tgid total_vm      rss pgtables_bytes swapents oom_score_adj name\n"
			  "[  101]     0   101   300000   230400   2000000        0             0 app\n"
			  "Out of memory: Kill process 101 (app) score 880 or sacrifice child\n"
			  "Killed process 101 (app) total-vm:1200000kB, anon-rss:921600kB, file-rss:0kB, shmem-rss:0kB\n",
		  .first = "genuine-exhaustion-no-swap", .conf = "medium", .evidence = "% of RAM" },
		{ .name = "summary_alone_anon_full_is_exhaustion_low",
		  .text = MEMINFO_CUT("1957486", "7687"),
		  .first = "genuine-exhaustion-no-swap", .conf = "low", .summary = "shows no swap",
		  .evidence = "at most RAM" },
		/* page cache is what fills RAM: reclaim's failure is another story */
		{ .name = "summary_alone_file_full_is_not_anon_exhaustion",
		  .text = MEMINFO_CUT("7687", "1957486"),
		  .lacks = { "genuine-exhaustion-no-swap" } },
	};
	check_diagnoses(cases, sizeof(cases) / sizeof(cases[0]));
}

/* Zone lines alone (no Mem-Info summary, no swap lines, R583): their LRU
 * lists sum to the machine's, so anon filling RAM with the largest zone
 * under min reads as the summary would, at low confidence; a page-cache
 * fill does not, and the zone sums give no unaccounted figure. */
#define ZONES_ONLY(anon, file) \
	"Jul 23 07:37:14 host kernel: [ 2764.683565] Node 0 DMA32 free:249524kB min:2384kB low:4696kB high:7008kB active_anon:0kB inactive_anon:2163504kB active_file:0kB inactive_file:48kB unevictable:0kB present:2490048kB managed:2423956kB\n" \
	"Jul 23 07:37:14 host kernel: [ 2764.683567] lowmem_reserve[]: 0 0 61795 61795 61795\n" \
	"Jul 23 07:37:14 host kernel: [ 2764.683569] Node 0 Normal free:65140kB min:65180kB low:128456kB high:191732kB active_anon:1304kB inactive_anon:" anon "kB active_file:1360kB inactive_file:" file "kB unevictable:27744kB present:64487424kB managed:63287848kB\n" \
	"Jul 23 07:37:14 host kernel: [ 2764.683571] lowmem_reserve[]: 0 0 0 0 0\n"

TEST(zone_lines_alone_anon_full_is_exhaustion_low)
{
	struct seen s = explain(ZONES_ONLY("62771820", "1408"));
	CHECK_STR(s.first, "genuine-exhaustion-no-swap");
	CHECK_STR(confidence_name(s.conf), "low");
	CHECK(!has(&s, "kernel-leak-or-bug"));
	s = explain(ZONES_ONLY("1408", "62771820"));
	CHECK(!has(&s, "genuine-exhaustion-no-swap"));
}

/* ---- the request alone: 32-bit lowmem, atomic reserves ------------------ */

/* The trigger line and the dump_stack header, and nothing of memory */
TEST(trigger_header_alone)
{
	static const struct diag_case cases[] = {
		/* an atomic failure, no zone line: the atomic reserve leads, lowmem
		 * (the only memory it may use) follows */
		{ .name = "header_alone_32bit_kernel_request_is_lowmem",
		  .text = "kswapd0: page allocation failure: order:0, mode:0x820(GFP_ATOMIC), nodemask=(null),cpuset=/,mems_allowed=0\n"
			  "CPU: 1 PID: 40 Comm: kswapd0 Not tainted 6.8.9-gentoo-PMacG4 #1\n"
			  "Hardware name: PowerMac3,6 7455 0x80010303 PowerMac\n",
		  .first = "atomic-reserves-exhausted", .conf = "low", .has = "lowmem-pressure" },
		/* a kernel request that may sleep and was refused: lowmem leads */
		{ .name = "header_alone_32bit_sleeping_kernel_request_is_lowmem",
		  .text = "kworker: page allocation failure: order:0, mode:0xcc0(GFP_KERNEL), nodemask=(null),cpuset=/,mems_allowed=0\n"
			  "CPU: 1 PID: 40 Comm: kworker Not tainted 6.8.9-gentoo-PMacG4 #1\n"
			  "Hardware name: PowerMac3,6 7455 0x80010303 PowerMac\n",
		  .first = "lowmem-pressure", .evidence = "__GFP_HIGHMEM" },
		/* GFP_HIGHUSER_MOVABLE may use HighMem: lowmem is not the story */
		{ .name = "header_alone_32bit_highmem_request_is_not_lowmem",
		  .text = "[  10.0] app invoked oom-killer: gfp_mask=0x1280da(GFP_HIGHUSER_MOVABLE|__GFP_ZERO), nodemask=(null), order=0, oom_score_adj=0\n"
			  "[  10.0] CPU: 0 PID: 99 Comm: app Not tainted 4.19.0-20-686-pae #1 Debian 4.19.235-1\n",
		  .lacks = { "lowmem-pressure" } },
		{ .name = "header_alone_64bit_atomic_is_atomic_reserve_low",
		  .text = "[  500.1] swapper/0: page allocation failure: order:0, mode:0x820(GFP_ATOMIC), nodemask=(null),cpuset=/,mems_allowed=0\n"
			  "[  500.1] CPU: 0 PID: 0 Comm: swapper/0 Not tainted 6.6.14 #1\n"
			  "[  500.1] Hardware name: QEMU Standard PC (Q35 + ICH9, 2009), BIOS 1.16.2 04/01/2014\n"
			  "[  500.1] Call Trace:\n"
			  "[  500.1]  <IRQ>\n"
			  "[  500.1]  dump_stack_lvl+0x44/0x60\n"
			  "[  500.1]  warn_alloc+0x15f/0x1e0\n",
		  .first = "atomic-reserves-exhausted", .conf = "low",
		  .evidence = "__zone_watermark_ok" },
		/* GFP_KERNEL could reclaim: its failure says nothing by itself */
		{ .name = "header_alone_sleeping_request_stays_unknown",
		  .text = "[  500.1] insmod: page allocation failure: order:0, mode:0xcc0(GFP_KERNEL), nodemask=(null),cpuset=/,mems_allowed=0\n"
			  "[  500.1] CPU: 0 PID: 70 Comm: insmod Not tainted 6.6.14 #1\n"
			  "[  500.1] Hardware name: QEMU Standard PC (Q35 + ICH9, 2009), BIOS 1.16.2 04/01/2014\n",
		  .lacks = { "atomic-reserves-exhausted", "lowmem-pressure" } },
	};
	check_diagnoses(cases, sizeof(cases) / sizeof(cases[0]));
}

/* A 32-bit x86 kernel has no ZONE_DMA32: gfp_zone() gives __GFP_DMA32
 * ZONE_NORMAL (include/linux/gfp.h OPT_ZONE_DMA32), so i915's
 * GFP_USER|GFP_DMA32 is a lowmem request that HighMem's free pages cannot
 * serve (R598); and an order-1 GFP_KERNEL request whose Normal buddy line
 * was cut is still judged on Normal's marks (R603). */
#define LOWMEM_ZONES_4_9 \
	"[  10.1] DMA free:4084kB min:788kB low:984kB high:1180kB active_anon:204kB inactive_anon:400kB active_file:2632kB inactive_file:0kB unevictable:0kB present:15984kB managed:15908kB\n" \
	"[  10.1] lowmem_reserve[]: 0 833 3008 3008\n" \
	"[  10.1] Normal free:42396kB min:42416kB low:53020kB high:63624kB active_anon:3820kB inactive_anon:39704kB active_file:505188kB inactive_file:540kB unevictable:0kB present:892920kB managed:854344kB slab_reclaimable:204760kB slab_unreclaimable:46224kB kernel_stack:2776kB pagetables:32kB\n" \
	"[  10.1] lowmem_reserve[]: 0 0 17397 17397\n" \
	"[  10.1] HighMem free:120852kB min:512kB low:28164kB high:55816kB active_anon:160840kB inactive_anon:448252kB active_file:874348kB inactive_file:581224kB unevictable:29096kB present:2226888kB managed:2226888kB\n" \
	"[  10.1] lowmem_reserve[]: 0 0 0 0\n" \
	"[  10.1] DMA: 61*4kB (UM) 60*8kB (ME) 26*16kB (UME) 28*32kB (ME) 18*64kB (UME) 3*128kB (ME) 2*256kB (UM) 0*512kB 0*1024kB 0*2048kB 0*4096kB = 4084kB\n"

TEST(dma32_request_on_32bit_is_lowmem_with_highmem_free)
{
	struct seen s = explain(
		"[  10.0] Xorg invoked oom-killer: gfp_mask=0x24200d4(GFP_USER|GFP_DMA32|__GFP_RECLAIMABLE), nodemask=0, order=0, oom_score_adj=0\n"
		"[  10.0] CPU: 1 PID: 2746 Comm: Xorg Not tainted 4.9.0 #1\n"
		LOWMEM_ZONES_4_9
		"[  10.1] Normal: 2261*4kB (UME) 1667*8kB (UME) 755*16kB (UME) 222*32kB (UME) 13*64kB (M) 0*128kB 0*256kB 0*512kB 0*1024kB 0*2048kB 0*4096kB = 42396kB\n"
		"[  10.1] Free swap  = 0kB\n"
		"[  10.1] Total swap = 0kB\n");
	CHECK_STR(s.first, "lowmem-exhausted-highmem-free");
	CHECK(evidence_has(&s, "up to Normal only"));
}

TEST(order1_request_with_normal_blocks_cut_is_lowmem_with_highmem_free)
{
	struct seen s = explain(
		"[  10.0] wicd invoked oom-killer: gfp_mask=0x27000c0(GFP_KERNEL_ACCOUNT|__GFP_NOTRACK), nodemask=0, order=1, oom_score_adj=0\n"
		"[  10.0] CPU: 1 PID: 2525 Comm: wicd Not tainted 4.9.0 #1\n"
		LOWMEM_ZONES_4_9
		"[  10.1] Free swap  = 0kB\n"
		"[  10.1] Total swap = 0kB\n");
	CHECK_STR(s.first, "lowmem-exhausted-highmem-free");
	CHECK_STR(confidence_name(s.conf), "medium");
	CHECK(evidence_has(&s, "buddy line"));
	CHECK(!has(&s, "lowmem-pressure"));
}

/* ---- the last rung for reports with figures (rule_evidence_figures) ---- */

/* a pasted report whose hex the paster masked: the kernel's names give the
 * request (GFP_KERNEL: up to Normal), and Normal's largest block is order 2 */
#define MASKED_GFP(mode) \
	"[Sat Sep 11 15:22:46 2021] insmod invoked oom-killer: gfp_mask=" mode ", nodemask=(null), order=3, oom_score_adj=0\n" \
	"[Sat Sep 11 15:22:46 2021] insmod cpuset=/ mems_allowed=0\n" \
	"[Sat Sep 11 15:22:46 2021] Node 0 Normal free:23500kB min:15892kB low:19864kB high:23836kB active_anon:308kB inactive_anon:194492kB active_file:384kB inactive_file:420kB present:917504kB managed:852784kB\n" \
	"[Sat Sep 11 15:22:46 2021] Node 0 Normal: 1325*4kB (UME) 966*8kB (UME) 675*16kB (UME) 0*32kB 0*64kB 0*128kB 0*256kB 0*512kB 0*1024kB 0*2048kB 0*4096kB = 23828kB\n"

TEST(masked_gfp_names_give_the_request)
{
	struct seen s = explain(MASKED_GFP("0x60****(GFP_KERNEL)"));
	CHECK_STR(s.first, "fragmentation-high-order");
	/* a masked hex with no names, or names no era has: still unknown */
	struct seen n = explain(MASKED_GFP("0x60****"));
	CHECK(!has(&n, "fragmentation-high-order"));
	struct seen b = explain(MASKED_GFP("0x60****(GFP_NOSUCH_THING)"));
	CHECK(!has(&b, "fragmentation-high-order"));
}

/* an allocation failure with Mem-Info and zones that fail at order 0 too:
 * the order decides (page cache left ⇒ fragmentation), and a request that
 * may dip under every mark (__GFP_MEMALLOC) means the reserves were gone */
#define FAIL_FIGURES(order, mode, file, swapfree) \
	"[ 3225.3] Xorg: page allocation failure: order:" order ", mode:" mode ", nodemask=(null)\n" \
	"[ 3225.3] CPU: 2 PID: 12717 Comm: Xorg Not tainted 5.3.0 #1\n" \
	"[ 3225.3] Mem-Info:\n" \
	"[ 3225.3] active_anon:3000000 inactive_anon:100000 isolated_anon:0\n" \
	"[ 3225.3]  active_file:" file " inactive_file:" file " isolated_file:0\n" \
	"[ 3225.3]  unevictable:0 dirty:0 writeback:0 unstable:0\n" \
	"[ 3225.3]  slab_reclaimable:2000 slab_unreclaimable:30000\n" \
	"[ 3225.3]  mapped:4000 shmem:400 pagetables:3000 bounce:0\n" \
	"[ 3225.3]  free:46000 free_pcp:0 free_cma:0\n" \
	"[ 3225.3] Node 0 Normal free:184000kB min:183000kB low:211000kB high:240000kB active_anon:12000000kB present:15000000kB managed:14500000kB\n" \
	"[ 3225.3] lowmem_reserve[]: 0 0 0 0\n" \
	"[ 3225.3] Free swap  = " swapfree "kB\n" \
	"[ 3225.3] Total swap = 8388604kB\n" \
	"[ 3225.3] 4194304 pages RAM\n"

TEST(failure_order_with_page_cache_is_fragmentation_low)
{
	struct seen s = explain(FAIL_FIGURES("4", "0x40dc0(GFP_KERNEL|__GFP_COMP|__GFP_ZERO)", "1800000", "8388604"));
	CHECK_STR(s.first, "fragmentation-high-order");
	CHECK_STR(confidence_name(s.conf), "low");
	CHECK(evidence_has(&s, "PAGE_ALLOC_COSTLY_ORDER"));
	/* no page cache, swap full: RAM was spent, not fragmented */
	struct seen e = explain(FAIL_FIGURES("4", "0x40dc0(GFP_KERNEL|__GFP_COMP|__GFP_ZERO)", "100", "1000"));
	CHECK(strcmp(e.first, "fragmentation-high-order") != 0);
	/* order 0: not this rung's */
	struct seen z = explain(FAIL_FIGURES("0", "0x40dc0(GFP_KERNEL|__GFP_COMP|__GFP_ZERO)", "1800000", "8388604"));
	CHECK(!has(&z, "fragmentation-high-order"));
}

TEST(failed_memalloc_request_means_empty_reserves)
{
	struct seen s = explain(FAIL_FIGURES("0", "0x60c40(GFP_NOFS|__GFP_COMP|__GFP_MEMALLOC)", "1800000", "8388604"));
	CHECK_STR(s.first, "atomic-reserves-exhausted");
	CHECK_STR(confidence_name(s.conf), "low");
	CHECK(evidence_has(&s, "ALLOC_NO_WATERMARKS"));
	/* __GFP_NOMEMALLOC cancels it */
	struct seen n = explain(FAIL_FIGURES("0", "0xe0c40(GFP_NOFS|__GFP_COMP|__GFP_MEMALLOC|__GFP_NOMEMALLOC)", "1800000", "8388604"));
	CHECK(!evidence_has(&n, "ALLOC_NO_WATERMARKS"));
}

/* a 2.6.1x report: no order printed, no RAM total, zones near min, swap
 * printed full */
#define OLD_SWAP(freeswap) \
	"[4325076.465000] oom-killer: gfp_mask=0x1d2\n" \
	"[4325076.465000] Free pages:        3060kB (0kB HighMem)\n" \
	"[4325076.465000] Active:29519 inactive:29110 dirty:0 writeback:0 unstable:0 free:765 slab:2624 mapped:56916 pagetables:475\n" \
	"[4325076.465000] DMA free:1080kB min:124kB low:152kB high:184kB active:5908kB inactive:5868kB present:16384kB pages_scanned:836 all_unreclaimable? no\n" \
	"[4325076.465000] lowmem_reserve[]: 0 239 239\n" \
	"[4325076.465000] Normal free:1980kB min:1916kB low:2392kB high:2872kB active:112168kB inactive:110572kB present:245632kB pages_scanned:0 all_unreclaimable? no\n" \
	"[4325076.465000] lowmem_reserve[]: 0 0 0\n" \
	"[4325076.465000] Free swap  = " freeswap "kB\n" \
	"[4325076.465000] Total swap = 506036kB\n" \
	"[4325076.465000] Out of Memory: Killed process 7346 (Xorg).\n"

/* a show_mem cut at its head: Normal drained far below min, DMA32 under
 * its reserve for Normal requests, swap untouched (R728's shape) */
#define DRAINED_NORMAL(normal_free) \
	"[313542.6] Node 0 DMA free:15884kB min:12kB low:12kB high:16kB present:15996kB managed:15884kB\n" \
	"[313542.6] lowmem_reserve[]: 0 2966 11983 11983\n" \
	"[313542.6] Node 0 DMA32 free:35672kB min:2500kB low:3124kB high:3748kB present:3129280kB managed:3056772kB\n" \
	"[313542.6] lowmem_reserve[]: 0 0 9017 9017\n" \
	"[313542.6] Node 0 Normal free:" normal_free "kB min:10088kB low:12608kB high:15132kB present:9437184kB managed:9233996kB\n" \
	"[313542.6] lowmem_reserve[]: 0 0 0 0\n" \
	"[313542.6] Node 0 DMA: 1*4kB 1*8kB 0*16kB 0*32kB 2*64kB 1*128kB 1*256kB 0*512kB 1*1024kB 1*2048kB 3*4096kB = 15884kB\n" \
	"[313542.6] 514627 total pagecache pages\n" \
	"[313542.6] Free swap  = 5242876kB\n" \
	"[313542.6] Total swap = 5242876kB\n" \
	"[313542.6] 3080176 pages RAM\n"

TEST(zones_drained_below_the_atomic_mark_are_atomic_reserves)
{
	struct seen s = explain(DRAINED_NORMAL("124"));
	CHECK_STR(s.first, "atomic-reserves-exhausted");
	CHECK_STR(confidence_name(s.conf), "low");
	CHECK(evidence_has(&s, "3/8"));
	/* Normal at its min, not below the atomic mark: an ordinary request
	 * could have stopped there, nothing drained */
	struct seen m = explain(DRAINED_NORMAL("9000"));
	CHECK(!has(&m, "atomic-reserves-exhausted"));
	/* a zone line a journal cut before its present count (R1809): its
	 * min mark says the zone has pages */
	struct seen j = explain(
		"[ 9.0] Normal free:960kB boost:0kB min:2688kB low:3328kB high:3968kB reserved_highatomic:0KB active_anon:6144kB inactive_anon:35584kB active_file:90112kB inactive_file:9>\n"
		"[ 9.0] lowmem_reserve[]: 0 0 0\n"
		"[ 9.0] Normal: 3*64kB (UM) 2*128kB (U) 1*256kB (M) 0*512kB = 704kB\n"
		"[ 9.0] 24576 total pagecache pages\n"
		"[ 9.0] Free swap  = 21430208kB\n"
		"[ 9.0] Total swap = 21495744kB\n"
		"[ 9.0] 7680 pages RAM\n");
	CHECK_STR(j.first, "atomic-reserves-exhausted");
}

/* a named cpuset of node 1 whose zone is below min while the summary
 * holds 15 GiB free and a hugepages line shows node 0 (R842's shape) */
#define NAMED_CPUSET(cpuset, summary_free) \
	"[Sat Sep 11 09:46:24 2021] main invoked oom-killer: gfp_mask=0x6280ca(GFP_HIGHUSER_MOVABLE|__GFP_ZERO), nodemask=(null), order=0, oom_score_adj=0\n" \
	"[Sat Sep 11 09:46:24 2021] main cpuset=" cpuset " mems_allowed=1\n" \
	"[Sat Sep 11 09:46:24 2021] Mem-Info:\n" \
	"[Sat Sep 11 09:46:24 2021] active_anon:172 inactive_anon:4518735 isolated_anon:0\n" \
	"[Sat Sep 11 09:46:24 2021]  free:" summary_free " free_pcp:1 free_cma:0\n" \
	"[Sat Sep 11 09:46:24 2021] Node 1 Normal free:43636kB min:45148kB low:441424kB high:837700kB\n" \
	"[Sat Sep 11 09:46:24 2021] Node 0 hugepages_total=0 hugepages_free=0 hugepages_surp=0 hugepages_size=2048kB\n" \
	"[Sat Sep 11 09:46:24 2021] Node 1 hugepages_total=0 hugepages_free=0 hugepages_surp=0 hugepages_size=2048kB\n"

TEST(named_cpuset_short_while_free_elsewhere_is_cpuset)
{
	struct seen s = explain(NAMED_CPUSET("mm_cpuset", "4111496"));
	CHECK_STR(s.first, "cpuset-or-mempolicy");
	CHECK_STR(confidence_name(s.conf), "low");
	CHECK(strstr(s.summary, "mm_cpuset") != NULL);
	/* the root cpuset confines nothing */
	struct seen r = explain(NAMED_CPUSET("/", "4111496"));
	CHECK(!has(&r, "cpuset-or-mempolicy"));
	/* the summary's free no larger than the allowed zone's: nothing elsewhere */
	struct seen n = explain(NAMED_CPUSET("mm_cpuset", "11000"));
	CHECK(!has(&n, "cpuset-or-mempolicy"));
}

/* free memory only in highatomic blocks (R873's shape): an atomic order-0
 * request's reserve was gone; a request that may reclaim failed beside a
 * reserve the kernel should have released */
#define HA_ONLY(mode, letters) \
	"[  776.2] app: page allocation failure: order:0, mode:" mode ", nodemask=(null)\n" \
	"[  776.2] CPU: 0 PID: 77 Comm: app Not tainted 4.19.0 #1\n" \
	"[  776.2] Normal free:10908kB min:6192kB low:7740kB high:9288kB active_anon:1000kB inactive_anon:1000kB present:262144kB managed:250000kB\n" \
	"[  776.2] lowmem_reserve[]: 0 0\n" \
	"[  776.2] Normal: 1227*4kB " letters " 620*8kB " letters " 0*16kB 0*32kB 0*64kB 0*128kB 0*256kB 0*512kB 0*1024kB 0*2048kB 0*4096kB = 9868kB\n"

TEST(free_only_in_highatomic_blocks)
{
	struct seen a = explain(HA_ONLY("0x480020(GFP_ATOMIC)", "(H)"));
	CHECK_STR(a.first, "atomic-reserves-exhausted");
	CHECK(evidence_has(&a, "rmqueue_pcplist"));
	struct seen k = explain(HA_ONLY("0x6000c0(GFP_KERNEL)", "(H)"));
	CHECK_STR(k.first, "kernel-oom-regression");
	CHECK(evidence_has(&k, "unreserve_highatomic_pageblock"));
	/* ordinary letters: not the reserve's story */
	struct seen m = explain(HA_ONLY("0x6000c0(GFP_KERNEL)", "(UME)"));
	CHECK(!evidence_has(&m, "unreserve_highatomic_pageblock"));
}

/* 6.x: free passes min only with reserved_highatomic counted (R1041) */
TEST(reserved_highatomic_decides_the_mark)
{
	static const char in[] =
		"app invoked oom-killer: gfp_mask=0x100cca(GFP_HIGHUSER_MOVABLE), order=0, oom_score_adj=0\n"
		"Node 0 Normal free:1482936kB boost:0kB min:410416kB low:739404kB high:1068392kB reserved_highatomic:1073152KB\n";
	struct seen s = explain(in);
	CHECK_STR(s.first, "kernel-oom-regression");
	CHECK(evidence_has(&s, "reserved_highatomic"));
}

/* a one-zone board's zone line and totals, no Mem-Info: what is neither
 * free nor on the LRU is the kernel's; it leads plain exhaustion only */
#define ZONE_ONLY_BOARD(anon) \
	"[75681.06] Normal free:16816kB min:16384kB low:20480kB high:24576kB active_anon:" anon "kB inactive_anon:5312kB active_file:0kB inactive_file:1208kB unevictable:0kB writepending:0kB present:131072kB managed:121796kB\n" \
	"[75681.09] lowmem_reserve[]: 0 0\n" \
	"[75681.12] Free swap  = 0kB\n" \
	"[75681.12] Total swap = 0kB\n" \
	"[75681.13] 32768 pages RAM\n" \
	"[75681.14] 2319 pages reserved\n" \
	"[75681.20] Out of memory: Killed process 2121 (uhttpd) total-vm:1348kB, anon-rss:156kB, file-rss:0kB, shmem-rss:0kB\n"

TEST(zone_lines_alone_show_kernel_memory)
{
	struct seen s = explain(ZONE_ONLY_BOARD("1340"));
	CHECK_STR(s.first, "kernel-leak-or-bug");
	CHECK(evidence_has(&s, "the zone lines alone"));
	CHECK(has(&s, "genuine-exhaustion-no-swap"));
	/* anon fills the zone: processes held it */
	struct seen a = explain(ZONE_ONLY_BOARD("90000"));
	CHECK(strcmp(a.first, "kernel-leak-or-bug") != 0);
}

/* vm.min_free_kbytes=0: every zone's marks at 0 (R1140's shape) */
#define ZERO_MARKS(min, managed) \
	"firefox: page allocation failure: order:0, mode:0x2284020(GFP_ATOMIC|__GFP_COMP|__GFP_NOTRACK)\n" \
	"CPU: 2 PID: 4348 Comm: firefox Not tainted 4.4.0-72-generic #93-Ubuntu\n" \
	"Node 0 DMA32 free:17784kB min:" min "kB low:" min "kB high:" min "kB active_anon:523628kB present:3567700kB managed:" managed "kB\n" \
	"lowmem_reserve[]: 0 0 4462 4462\n" \
	"Node 0 Normal free:308kB min:" min "kB low:" min "kB high:" min "kB active_anon:1066712kB present:4702208kB managed:4569836kB\n" \
	"lowmem_reserve[]: 0 0 0 0\n"

TEST(zero_watermarks_are_min_free_kbytes)
{
	struct seen s = explain(ZERO_MARKS("0", "3487044"));
	CHECK_STR(s.first, "min-free-kbytes-unusual");
	CHECK(evidence_has(&s, "init_per_zone_wmark_min"));
	/* ordinary marks: not this reading */
	struct seen o = explain(ZERO_MARKS("8000", "3487044"));
	CHECK(!evidence_has(&o, "init_per_zone_wmark_min"));
	/* a zone mostly never handed to the allocator: its marks follow */
	struct seen b = explain(ZERO_MARKS("0", "110016"));
	CHECK(!evidence_has(&b, "init_per_zone_wmark_min"));
	/* pid 1 still swapper/0: an initcall before the marks are set (R2125) */
	struct seen i = explain(
		"swapper/0: page allocation failure: order:0, mode:0x2284020(GFP_ATOMIC|__GFP_COMP|__GFP_NOTRACK)\n"
		"CPU: 0 PID: 1 Comm: swapper/0 Not tainted 4.4.0-72-generic #93-Ubuntu\n"
		"Node 0 DMA32 free:17784kB min:0kB low:0kB high:0kB active_anon:523628kB present:3567700kB managed:3487044kB\n"
		"lowmem_reserve[]: 0 0 4462 4462\n"
		"Node 0 Normal free:308kB min:0kB low:0kB high:0kB active_anon:1066712kB present:4702208kB managed:4569836kB\n"
		"lowmem_reserve[]: 0 0 0 0\n");
	CHECK(!has(&i, "min-free-kbytes-unusual"));
}

/* the header prints no order: the zones are held to order 0's marks
 * (exhaustion_evident), at medium confidence (cap_orderless_exhaustion) */
TEST(printed_full_swap_with_no_room_is_swap_full_medium)
{
	struct seen s = explain(OLD_SWAP("0"));
	CHECK_STR(s.first, "genuine-exhaustion-swap-full");
	CHECK_STR(confidence_name(s.conf), "medium");
	CHECK(evidence_has(&s, "prints no order"));
	/* swap with room: not this reading */
	struct seen r = explain(OLD_SWAP("400000"));
	CHECK(!has(&r, "genuine-exhaustion-swap-full"));
}

/* A 64 MiB board whose zone line has no slab (4.8+ print it per node):
 * what is neither free nor on the LRU lists is most of it, under the
 * absolute floor a server needs (R1091's shape) */
#define BOARD_64M(anon) \
	"[22039.86] Normal free:7824kB min:8192kB low:10240kB high:12288kB active_anon:" anon "kB inactive_anon:96kB active_file:144kB inactive_file:176kB unevictable:0kB writepending:0kB present:65536kB managed:60496kB mlocked:0kB kernel_stack:304kB pagetables:256kB bounce:0kB free_pcp:56kB local_pcp:56kB free_cma:0kB\n" \
	"[22039.88] lowmem_reserve[]: 0 0\n" \
	"[22039.89] Normal: 256*4kB (UM) 165*8kB (UM) 118*16kB (UM) 12*32kB (UM) 10*64kB (M) 6*128kB (UM) 3*256kB (UM) 2*512kB (M) 0*1024kB 0*2048kB 0*4096kB = 7816kB\n" \
	"[22039.90] 192 total pagecache pages\n" \
	"[22039.91] 16384 pages RAM\n" \
	"[22039.91] 0 pages HighMem/MovableOnly\n" \
	"[22039.92] 1260 pages reserved\n"

TEST(kernel_memory_floor_is_relative_on_a_small_board)
{
	struct seen s = explain(BOARD_64M("1816"));
	CHECK_STR(s.first, "kernel-leak-or-bug");
	/* anon fills the board: processes held it */
	struct seen a = explain(BOARD_64M("45000"));
	CHECK(strcmp(a.first, "kernel-leak-or-bug") != 0);
}

/* 2.6.32-4.7 zone lines print slab and the unevictable list: a fragment of
 * zone lines counts them as the summary would (R712, R823's shape) */
#define ZONES_WITH_SLAB(unev, slab_u) \
	"[   58.82] Node 0 DMA32 free:64060kB min:12044kB low:15052kB high:18064kB active_anon:0kB inactive_anon:108kB active_file:4kB inactive_file:384kB unevictable:" unev "kB isolated(anon):0kB isolated(file):0kB present:3129216kB managed:2898784kB mlocked:" unev "kB dirty:0kB writeback:0kB mapped:4kB shmem:0kB slab_reclaimable:6000kB slab_unreclaimable:" slab_u "kB kernel_stack:1000kB pagetables:9000kB unstable:0kB bounce:0kB free_cma:0kB writeback_tmp:0kB pages_scanned:0 all_unreclaimable? no\n" \
	"[   58.82] lowmem_reserve[]: 0 0 0 0\n" \
	"[   58.82] Node 0 DMA32: 213*4kB (UEM) 117*8kB (UEM) 232*16kB (UEM) 284*32kB (UEM) 77*64kB (UEM) 21*128kB (UEM) 5*256kB (UEM) 2*512kB (UM) 1*1024kB (M) 0*2048kB 0*4096kB = 23852kB\n"

TEST(zone_lines_count_their_slab_and_unevictable)
{
	/* most of the zone mlocked: the unevictable list, no kernel memory */
	struct seen m = explain(ZONES_WITH_SLAB("2780000", "10000"));
	CHECK_STR(m.first, "mlocked-unevictable");
	CHECK(!has(&m, "kernel-leak-or-bug"));
	/* most of it slab: slab, not memory in no counter */
	struct seen sl = explain(ZONES_WITH_SLAB("0", "2700000"));
	CHECK_STR(sl.first, "slab-growth");
	CHECK(!has(&sl, "kernel-leak-or-bug"));
	/* neither: what no counter holds is the kernel's */
	struct seen k = explain(ZONES_WITH_SLAB("0", "10000"));
	CHECK_STR(k.first, "kernel-leak-or-bug");
	CHECK(evidence_has(&k, "unaccounted = total"));
}

/* A system-wide OOM's kill lines alone, then the next report of the
 * machine (R752, R855's shape): under a minute later it lends its reading */
#define KILL_THEN_REPORT(t, trigger) \
	"[  240.10] oom-kill:constraint=CONSTRAINT_NONE,nodemask=(null),cpuset=/,mems_allowed=0,global_oom,task_memcg=/,task=dhclient,pid=4526,uid=0\n" \
	"[  240.10] Out of memory: Killed process 4526 (dhclient) total-vm:20480kB, anon-rss:1116kB, file-rss:0kB, shmem-rss:0kB, UID:0 pgtables:60kB oom_score_adj:0\n" \
	"[" t "] " trigger "\n" \
	"[" t "] CPU: 1 PID: 9068 Comm: syz-executor Not tainted 5.10.179 #1\n" \
	"[" t "] Mem-Info:\n" \
	"[" t "] active_anon:2000 inactive_anon:100 isolated_anon:0\n" \
	"[" t "]  active_file:50 inactive_file:60 isolated_file:0\n" \
	"[" t "]  unevictable:0 dirty:0 writeback:0\n" \
	"[" t "]  slab_reclaimable:3000 slab_unreclaimable:400000\n" \
	"[" t "]  mapped:10 shmem:0 pagetables:300 bounce:0\n" \
	"[" t "]  free:12000 free_pcp:100 free_cma:0\n" \
	"[" t "] Free swap  = 0kB\n" \
	"[" t "] Total swap = 0kB\n" \
	"[" t "] 524288 pages RAM\n" \
	"[" t "] 0 pages HighMem/MovableOnly\n" \
	"[" t "] 10000 pages reserved\n"
#define OOM_TRIGGER "syz-executor invoked oom-killer: gfp_mask=0xcc0(GFP_KERNEL), order=0, oom_score_adj=0"
#define FAILURE_TRIGGER "syz-executor: page allocation failure: order:0, mode:0xcc0(GFP_KERNEL), nodemask=(null)"

TEST(kill_lines_alone_take_the_next_reports_reading)
{
	struct seen s = explain(KILL_THEN_REPORT("  242.00", OOM_TRIGGER));
	CHECK_STR(s.first, "slab-growth");
	CHECK_STR(confidence_name(s.conf), "low");
	CHECK(strstr(s.summary, "as the next report of this machine") != NULL);
	CHECK(evidence_has(&s, "holds only its kill lines"));
	CHECK(has(&s, "genuine-exhaustion-no-swap"));   /* its own class's reading stays, second */
	/* a minute or more later: another shortage, maybe */
	struct seen late = explain(KILL_THEN_REPORT("  400.00", OOM_TRIGGER));
	CHECK(strcmp(late.first, "slab-growth") != 0);
	/* an allocation failure is no OOM of the same kind */
	struct seen fail = explain(KILL_THEN_REPORT("  242.00", FAILURE_TRIGGER));
	CHECK(strcmp(fail.first, "slab-growth") != 0);
}

/* ≤2.6.27 zone lines print one active and one inactive list ("active:0kB
 * inactive:0kB"): lowmem's LRU from them, so what no counter holds is
 * named as what filled lowmem, not the largest counter (R1115's shape) */
#define LOWMEM_2624(normal_active) \
	"bash invoked oom-killer: gfp_mask=0xd0, order=0, oomkilladj=0\n" \
	"Active:1938 inactive:1234 dirty:0 writeback:0 unstable:0\n" \
	" free:986779 slab:2584 mapped:851 pagetables:120 bounce:0\n" \
	"DMA free:3496kB min:64kB low:80kB high:96kB active:0kB inactive:0kB present:16016kB pages_scanned:0 all_unreclaimable? yes\n" \
	"lowmem_reserve[]: 0 860 4989 4989\n" \
	"Normal free:3604kB min:3720kB low:4648kB high:5580kB active:" normal_active "kB inactive:0kB present:880880kB pages_scanned:0 all_unreclaimable? no\n" \
	"lowmem_reserve[]: 0 0 33033 33033\n" \
	"HighMem free:3940016kB min:512kB low:4976kB high:9440kB active:7808kB inactive:4936kB present:4228224kB pages_scanned:0 all_unreclaimable? no\n" \
	"lowmem_reserve[]: 0 0 0 0\n" \
	"Free swap  = 1863532kB\n" \
	"Total swap = 1863532kB\n" \
	"1310720 pages of RAM\n" \
	"1081344 pages of HIGHMEM\n" \
	"140255 reserved pages\n"

TEST(old_zone_lists_show_lowmem_in_no_counter)
{
	struct seen s = explain(LOWMEM_2624("0"));
	CHECK_STR(s.first, "lowmem-exhausted-highmem-free");
	CHECK(strstr(s.summary, "no counter accounts for") != NULL);
	CHECK(evidence_has(&s, "lowmem in no counter"));
	/* lowmem on its LRU lists: not memory in no counter */
	struct seen u = explain(LOWMEM_2624("850000"));
	CHECK(strstr(u.summary, "no counter accounts for") == NULL);
}

/* show_mem's tail of one allocation failure, then the next failure of the
 * burst (R730's shape): the tail takes the failure's reading */
#define TAIL_THEN_FAILURE(t) \
	"[2836069.535502] Node 1 Normal: 4172*4kB (UME) 8*8kB (UM) 5*16kB (U) 0*32kB 0*64kB 0*128kB 0*256kB 0*512kB 0*1024kB 0*2048kB 0*4096kB = 16832kB\n" \
	"[2836069.535505] 5745271 total pagecache pages\n" \
	"[2836069.535506] Free swap  = 2655560kB\n" \
	"[2836069.535507] Total swap = 4194300kB\n" \
	"[2836069.535507] 8376970 pages RAM\n" \
	"[2836069.535508] 152159 pages reserved\n" \
	"[" t "] swapper/12: page allocation failure: order:0, mode:0x2080020(GFP_ATOMIC)\n" \
	"[" t "] CPU: 12 PID: 0 Comm: swapper/12 Not tainted 4.9.0-5-amd64 #1 Debian 4.9.65-3+deb9u2\n" \
	"[" t "] Hardware name: Dell Inc. PowerEdge R620/0VV3F2, BIOS 2.5.2 01/28/2015\n"

TEST(failure_tail_takes_the_next_failures_reading)
{
	struct seen s = explain(TAIL_THEN_FAILURE("2836069.535511"));
	CHECK_STR(s.first, "atomic-reserves-exhausted");
	CHECK(strstr(s.summary, "as the next report of this machine") != NULL);
	struct seen late = explain(TAIL_THEN_FAILURE("2836169.535511"));
	CHECK(strcmp(late.first, "atomic-reserves-exhausted") != 0);
}

/* ... the same with no stamps at all, the failure right under the tail
 * (R3920's shape): one paste of one burst; a line between them that is
 * neither keeps them apart */
TEST(unstamped_failure_tail_takes_the_next_failures_reading)
{
	const char *tail =
		"Node 1 Normal: 4172*4kB (UME) 8*8kB (UM) 5*16kB (U) 0*32kB 0*64kB 0*128kB 0*256kB 0*512kB 0*1024kB 0*2048kB 0*4096kB = 16832kB\n"
		"5745271 total pagecache pages\n"
		"Free swap  = 2655560kB\n"
		"Total swap = 4194300kB\n"
		"8376970 pages RAM\n"
		"152159 pages reserved\n";
	const char *failure =
		"swapper/12: page allocation failure: order:0, mode:0x2080020(GFP_ATOMIC)\n"
		"CPU: 12 PID: 0 Comm: swapper/12 Not tainted 4.9.0-5-amd64 #1 Debian 4.9.65-3+deb9u2\n"
		"Hardware name: Dell Inc. PowerEdge R620/0VV3F2, BIOS 2.5.2 01/28/2015\n";
	char text[2048];
	snprintf(text, sizeof(text), "%s%s", tail, failure);
	struct seen s = explain(text);
	CHECK_STR(s.first, "atomic-reserves-exhausted");
	CHECK(strstr(s.summary, "as the next report of this machine") != NULL);
	snprintf(text, sizeof(text), "%s\nSomething else happened in between.\nAnd more.\n\n%s", tail, failure);
	struct seen apart = explain(text);
	CHECK(strstr(apart.summary, "as the next report of this machine") == NULL);
}

/* A text that opens inside Mem-Info, below its anon line: the zones'
 * anon lists stand in for it (R1168's shape) */
#define MEMINFO_CUT_ABOVE_ANON(anon) \
	"                            active_file:15 inactive_file:15 isolated_file:0\n" \
	"                            slab_reclaimable:17900 slab_unreclaimable:4273\n" \
	"                            mapped:226 shmem:10241 pagetables:2738 bounce:0\n" \
	"                            free:21490 free_pcp:152 free_cma:0\n" \
	"[Mon May 14 10:09:08 2018] Node 0 DMA free:15900kB min:264kB low:328kB high:396kB active_anon:0kB inactive_anon:0kB active_file:0kB inactive_file:0kB unevictable:0kB present:15988kB managed:15900kB mlocked:0kB\n" \
	"[Mon May 14 10:09:08 2018] lowmem_reserve[]: 0 3730 3919 3919 3919\n" \
	"[Mon May 14 10:09:08 2018] Node 0 DMA32 free:64804kB min:64064kB low:80080kB high:96096kB active_anon:" anon "kB inactive_anon:39764kB active_file:28kB inactive_file:0kB unevictable:0kB present:3915776kB managed:3835372kB mlocked:0kB\n"

TEST(zone_anon_stands_in_for_a_cut_summary_line)
{
	struct seen s = explain(MEMINFO_CUT_ABOVE_ANON("3634712"));
	CHECK_STR(s.first, "genuine-exhaustion-no-swap");
	struct seen n = explain(MEMINFO_CUT_ABOVE_ANON("34712"));
	CHECK(strcmp(n.first, "genuine-exhaustion-no-swap") != 0);
}

/* 2.6.32-4.7 zone lines print shmem: a fragment of them counts it (R1187) */
#define ZONE_SHMEM_BOARD(shmem) \
	"[  379.19] Normal free:1024kB min:1024kB low:1280kB high:1536kB active_anon:13264kB inactive_anon:796kB active_file:464kB inactive_file:468kB unevictable:0kB isolated(anon):0kB isolated(file):0kB present:32768kB managed:28176kB mlocked:0kB dirty:0kB writeback:0kB mapped:44kB shmem:" shmem "kB slab_reclaimable:988kB slab_unreclaimable:4916kB kernel_stack:480kB pagetables:240kB unstable:0kB bounce:0kB free_pcp:0kB local_pcp:0kB free_cma:0kB writeback_tmp:0kB pages_scanned:0 all_unreclaimable? yes\n" \
	"[  379.24] lowmem_reserve[]: 0 0\n" \
	"[  379.24] Normal: 18*4kB (UME) 51*8kB (UME) 30*16kB (UE) 2*32kB (U) 0*64kB 0*128kB 0*256kB 0*512kB 0*1024kB 0*2048kB 0*4096kB = 1024kB\n"

TEST(zone_shmem_counts_in_a_fragment)
{
	struct seen s = explain(ZONE_SHMEM_BOARD("12400"));
	CHECK_STR(s.first, "shmem-tmpfs");
	struct seen n = explain(ZONE_SHMEM_BOARD("400"));
	CHECK(strcmp(n.first, "shmem-tmpfs") != 0);
}

/* A kernel's memcg OOM far below every limit it prints: a stale OOM
 * context or a race with a kill (R1122's shape) */
#define MEMCG_V1_AT(usage, memsw) \
	"[ 9001.10] mysqld invoked oom-killer: gfp_mask=0xd0, order=0, oom_score_adj=0\n" \
	"[ 9001.11] Task in /lxc/VM_A killed as a result of limit of /lxc/VM_A\n" \
	"[ 9001.11] memory: usage " usage "kB, limit 262144kB, failcnt 44749\n" \
	"[ 9001.11] memory+swap: usage " memsw "kB, limit 524288kB, failcnt 0\n" \
	"[ 9001.12] Memory cgroup out of memory: Kill process 1458 (php5-fpm) score 105 or sacrifice child\n" \
	"[ 9001.12] Killed process 1458 (php5-fpm) total-vm:300000kB, anon-rss:25000kB, file-rss:1000kB\n"

TEST(memcg_oom_far_below_its_limits_is_stale)
{
	struct seen s = explain(MEMCG_V1_AT("128420", "128420"));
	CHECK_STR(s.first, "kernel-oom-regression");
	CHECK_STR(confidence_name(s.conf), "medium");
	CHECK(has(&s, "memcg-limit"));
	/* at the limit: the limit */
	struct seen l = explain(MEMCG_V1_AT("262144", "262144"));
	CHECK_STR(l.first, "memcg-limit");
	/* memory below, memory+swap at its limit: the memsw limit */
	struct seen w = explain(MEMCG_V1_AT("128420", "524288"));
	CHECK_STR(w.first, "memcg-limit");
	/* the guard's own incident (no kernel trigger or kill message) acts
	 * before any limit: never this reading */
	struct oom_event ev;
	event_init(&ev);
	ev.kind = OOM_KIND_MEMCG;
	snprintf(ev.constraint, sizeof(ev.constraint), "CONSTRAINT_MEMCG");
	ev.snap.have_memcg = true;
	ev.snap.memcg.usage_kib = 100000;
	ev.snap.memcg.limit_kib = 262144;
	struct findings f;
	diagnose_event(&ev, &f);
	CHECK(f.n > 0 && strcmp(f.items[0].id, "kernel-oom-regression") != 0);
	event_release(&ev);
}

/* __GFP_DMA on x86: the first 16 MiB only, whatever the rest holds (R1223's
 * shape); DMA32, or another arch's large DMA zone, is not this reading */
#define ISA_DMA(gfp, dma_present) \
	"floppy: page allocation failure. order:3, mode:" gfp "\n" \
	"Call Trace: <ffffffff8015e4a8>{__alloc_pages+796} <ffffffff880c1a1e>{:floppy:fd_dma_mem_alloc+30}\n" \
	"Mem-info:\n" \
	"DMA free:44kB min:24kB low:28kB high:36kB active:0kB inactive:0kB present:" dma_present "kB pages_scanned:0 all_unreclaimable? no\n" \
	"lowmem_reserve[]: 0 3000 3000\n" \
	"DMA32 free:2800000kB min:5000kB low:6000kB high:7000kB active:100000kB inactive:50000kB present:3000000kB pages_scanned:0 all_unreclaimable? no\n" \
	"lowmem_reserve[]: 0 0 0\n" \
	"DMA: 3*4kB 2*8kB 1*16kB 0*32kB 0*64kB 0*128kB 0*256kB 0*512kB 0*1024kB 0*2048kB 0*4096kB = 44kB\n"

TEST(isa_dma_request_is_the_callers)
{
	struct seen s = explain(ISA_DMA("0xd1", "16384"));
	CHECK_STR(s.first, "driver-allocation-failed");
	CHECK(evidence_has(&s, "may not use"));
	/* a DMA32 request may use the 4 GiB below: not this reading */
	struct seen d32 = explain(ISA_DMA("0xd4", "16384"));
	CHECK(!has(&d32, "driver-allocation-failed"));
	/* a DMA zone far larger than x86's 16 MiB: another arch's */
	struct seen big = explain(ISA_DMA("0xd1", "786432"));
	CHECK(!has(&big, "driver-allocation-failed"));
}

/* A global OOM with swap mostly free beside anonymous memory filling RAM,
 * for a request that may swap: premature (R1206's shape) */
#define SWAP_ROOM(gfp, swapfree) SWAP_ROOM_H("Xorg invoked oom-killer: gfp_mask=" gfp ", order=0, oom_adj=0\n", swapfree)
#define SWAP_ROOM_H(header, swapfree) \
	header \
	"Mem-Info:\n" \
	"Active_anon:80000 active_file:2000 inactive_anon:8060 inactive_file:2500 unevictable:4 dirty:0 writeback:0 unstable:0\n" \
	" free:1180 slab:14182 mapped:1000 pagetables:7620 bounce:0\n" \
	"DMA free:2016kB min:84kB low:104kB high:124kB active_anon:4000kB inactive_anon:0kB active_file:0kB inactive_file:0kB unevictable:0kB present:15000kB pages_scanned:0 all_unreclaimable? yes\n" \
	"lowmem_reserve[]: 0 483 483 483\n" \
	"DMA32 free:2704kB min:2768kB low:3460kB high:4152kB active_anon:316000kB inactive_anon:32240kB active_file:8000kB inactive_file:10000kB unevictable:16kB present:495000kB pages_scanned:0 all_unreclaimable? yes\n" \
	"lowmem_reserve[]: 0 0 0 0\n" \
	"Free swap  = " swapfree "kB\n" \
	"Total swap = 1048568kB\n" \
	"131072 pages RAM\n" \
	"9000 pages reserved\n"

TEST(swap_room_beside_anon_is_premature)
{
	struct seen s = explain(SWAP_ROOM("0xd2", "709316"));
	CHECK_STR(s.first, "kernel-oom-regression");
	CHECK_STR(confidence_name(s.conf), "low");
	CHECK(strstr(s.summary, "swap had") != NULL);
	/* a header that prints no order (2.6.9): the mask decides */
	struct seen o = explain(SWAP_ROOM_H("oom-killer: gfp_mask=0xd2\n", "709316"));
	CHECK_STR(o.first, "kernel-oom-regression");
	/* swap nearly full: exhaustion, not this */
	struct seen f = explain(SWAP_ROOM("0xd2", "10000"));
	CHECK(!(strcmp(f.first, "kernel-oom-regression") == 0 && strstr(f.summary, "swap had")));
	/* a request without __GFP_IO may not swap: not this reading */
	struct seen n = explain(SWAP_ROOM("0x10", "709316"));
	CHECK(!(strcmp(n.first, "kernel-oom-regression") == 0 && strstr(n.summary, "swap had")));
}

/* The same on a 2.6.1x report with one active and one inactive list (no
 * anon figure) and an empty HighMem zone: the lists fill RAM, swap is all
 * but free (R4010's shape); not with swap only half free, not for a
 * GFP_DMA request */
#define SWAP_ROOM_OLD(gfp, swapfree) 	"oom-killer: gfp_mask=" gfp "\n" 	"Mem-info:\n" 	"Free pages:        8220kB (0kB HighMem)\n" 	"Active:240716 inactive:2631 dirty:0 writeback:1162 unstable:0 free:2055 slab:5340 mapped:242023 pagetables:1441\n" 	"DMA free:4096kB min:60kB low:72kB high:88kB active:0kB inactive:0kB present:16384kB pages_scanned:0 all_unreclaimable? yes\n" 	"lowmem_reserve[]: 0 1007 1007\n" 	"Normal free:4124kB min:4028kB low:5032kB high:6040kB active:962864kB inactive:10524kB present:1031168kB pages_scanned:0 all_unreclaimable? no\n" 	"lowmem_reserve[]: 0 0 0\n" 	"HighMem free:0kB min:128kB low:160kB high:192kB active:0kB inactive:0kB present:0kB pages_scanned:0 all_unreclaimable? no\n" 	"lowmem_reserve[]: 0 0 0\n" 	"Free swap:       " swapfree "kB\n" 	"262128 pages of RAM\n" 	"0 pages of HIGHMEM\n" 	"Total swap = 4883752kB\n"

TEST(swap_room_beside_old_lru_lists_is_premature)
{
	struct seen s = explain(SWAP_ROOM_OLD("0x80d2", "4879960"));
	CHECK_STR(s.first, "kernel-oom-regression");
	CHECK(strstr(s.summary, "LRU lists") != NULL);
	struct seen h = explain(SWAP_ROOM_OLD("0x80d2", "2500000"));
	CHECK(!(strcmp(h.first, "kernel-oom-regression") == 0 && strstr(h.summary, "LRU lists")));
	struct seen d = explain(SWAP_ROOM_OLD("0xd1", "4879960"));
	CHECK(!(strcmp(d.first, "kernel-oom-regression") == 0 && strstr(d.summary, "LRU lists")));
}

/* The same on a HighMem machine (R4008, R4009's shape): the lists mostly
 * in a HighMem zone at its min, swap four fifths free; a request that may
 * use HighMem could have had what swapping freed there, a GFP_KERNEL one
 * (lowmem only) could not */
#define SWAP_ROOM_HIGH(gfp) \
	"oom-killer: gfp_mask=" gfp "\n" \
	"Mem-info:\n" \
	"Free pages:       12500kB (110kB HighMem)\n" \
	"Active:230000 inactive:4000 dirty:0 writeback:0 unstable:0 free:3125 slab:12000 mapped:228000 pagetables:900\n" \
	"DMA free:4090kB min:68kB low:84kB high:100kB active:0kB inactive:0kB present:16384kB pages_scanned:0 all_unreclaimable? yes\n" \
	"lowmem_reserve[]: 0 880 1007\n" \
	"Normal free:8300kB min:3756kB low:4692kB high:5632kB active:790000kB inactive:9000kB present:901120kB pages_scanned:0 all_unreclaimable? no\n" \
	"lowmem_reserve[]: 0 0 1023\n" \
	"HighMem free:110kB min:128kB low:160kB high:192kB active:128000kB inactive:600kB present:131056kB pages_scanned:300000 all_unreclaimable? yes\n" \
	"lowmem_reserve[]: 0 0 0\n" \
	"Free swap  = 780000kB\n" \
	"Total swap = 988000kB\n" \
	"262128 pages of RAM\n" \
	"32764 pages of HIGHMEM\n"

TEST(swap_room_beside_old_lru_lists_highmem_request)
{
	struct seen s = explain(SWAP_ROOM_HIGH("0x80d2"));
	CHECK_STR(s.first, "kernel-oom-regression");
	CHECK(strstr(s.summary, "LRU lists") != NULL);
	struct seen k = explain(SWAP_ROOM_HIGH("0xd0"));
	CHECK(!(strcmp(k.first, "kernel-oom-regression") == 0 && strstr(k.summary, "LRU lists")));
}

/* A paste from HighMem's buddy line on (R4322's shape): a kill beside
 * 800 MiB free in HighMem, blocks of order 3 and up among them */
#define HIGHMEM_BUDDY_ONLY(highmem_buddy, swapfree) \
	"kernel: Normal: empty\n" \
	"kernel: HighMem: " highmem_buddy "\n" \
	"kernel: Swap cache: add 3043093, delete 2947103, find 1265982/1557913, race 0+4\n" \
	"kernel: Free swap = " swapfree "kB\n" \
	"kernel: Total swap = 8385824kB\n" \
	"kernel: 5244928 pages of RAM\n" \
	"kernel: 5058562 pages of HIGHMEM\n" \
	"kernel: Out of memory: Killed process 7919, UID 504, (oracle) total-vm:100kB, anon-rss:10kB, file-rss:0kB\n"

TEST(kill_beside_highmem_buddy_room_is_lowmem)
{
	struct seen s = explain(HIGHMEM_BUDDY_ONLY("134889*4kB 27382*8kB 1314*16kB 122*32kB 95*64kB 88*128kB 23*256kB 0*512kB 1*1024kB 0*2048kB 0*4096kB = 807796kB", "6976136"));
	CHECK_STR(s.first, "lowmem-exhausted-highmem-free");
	CHECK_STR(confidence_name(s.conf), "low");
	/* too little in HighMem, or none of it in blocks of order 3: not this */
	s = explain(HIGHMEM_BUDDY_ONLY("13488*4kB 2738*8kB 131*16kB 12*32kB 9*64kB 8*128kB 2*256kB 0*512kB 0*1024kB 0*2048kB 0*4096kB = 80000kB", "6976136"));
	CHECK(strcmp(s.first, "lowmem-exhausted-highmem-free") != 0);
	s = explain(HIGHMEM_BUDDY_ONLY("200000*4kB 10000*8kB 0*16kB 0*32kB 0*64kB 0*128kB 0*256kB 0*512kB 0*1024kB 0*2048kB 0*4096kB = 880000kB", "6976136"));
	CHECK(strcmp(s.first, "lowmem-exhausted-highmem-free") != 0);
	/* swap full: RAM and swap ran out */
	s = explain(HIGHMEM_BUDDY_ONLY("134889*4kB 27382*8kB 1314*16kB 122*32kB 95*64kB 88*128kB 23*256kB 0*512kB 1*1024kB 0*2048kB 0*4096kB = 807796kB", "100"));
	CHECK(strcmp(s.first, "lowmem-exhausted-highmem-free") != 0);
}

/* An order-2 OOM whose show_mem was snipped to its swap lines (R4320's
 * shape): swap printed full is a figure, the fragmentation guess from the
 * order alone is not */
#define ORDER2_SWAP(swap) \
	"[1.904252] xend invoked oom-killer: gfp_mask=0x2000d0, order=2, oom_score_adj=0\n" \
	"[1.904261] CPU: 4 PID: 3618 Comm: xend Not tainted 4.1.12-61.1.9.el6uek.x86_64 #2\n" \
	swap \
	"[1.904500] Out of memory: Kill process 3618 (xend) score 900 or sacrifice child\n" \
	"[1.904510] Killed process 3618 (xend) total-vm:800000kB, anon-rss:500000kB, file-rss:0kB\n"

TEST(order2_oom_with_swap_printed_full_reads_swap)
{
	struct seen s = explain(ORDER2_SWAP("[1.904386] Free swap = 0kB\n[1.904387] Total swap = 4194300kB\n"));
	CHECK_STR(s.first, "genuine-exhaustion-swap-full");
	CHECK(has(&s, "fragmentation-high-order"));
	s = explain(ORDER2_SWAP(""));
	CHECK_STR(s.first, "fragmentation-high-order");
}

/* A GFP_DMA32 request whose show_mem prints no zone at all beside Mem-Info,
 * the totals and gigabytes free: no memory below 4 GiB (R1101's shape) */
#define DMA32_NONE(zone) \
	"[   10.98] (udev-worker): page allocation failure: order:2, mode:0xcc4(GFP_KERNEL|GFP_DMA32), nodemask=(null),cpuset=/,mems_allowed=0\n" \
	"[   10.98] CPU: 5 UID: 0 PID: 503 Comm: (udev-worker) Not tainted 6.12.0 #1\n" \
	"[   10.98] Mem-Info:\n" \
	"[   10.98] active_anon:5773 inactive_anon:0 isolated_anon:0\n" \
	"[   10.98]  active_file:0 inactive_file:30149 isolated_file:0\n" \
	"[   10.98]  slab_reclaimable:3461 slab_unreclaimable:8595\n" \
	"[   10.98]  free:4028911 free_pcp:0 free_cma:0\n" \
	zone \
	"[   10.98] 30300 total pagecache pages\n" \
	"[   10.98] Free swap  = 0kB\n" \
	"[   10.98] Total swap = 0kB\n" \
	"[   10.98] 4186368 pages RAM\n" \
	"[   10.98] 86381 pages reserved\n"

TEST(dma32_request_without_a_dma32_zone_is_the_callers)
{
	struct seen s = explain(DMA32_NONE(""));
	CHECK_STR(s.first, "driver-allocation-failed");
	CHECK(strstr(s.summary, "below 4 GiB") != NULL);
	/* the node's LRU line printed, its zone lines gone: cut, not missing */
	struct seen cut = explain(DMA32_NONE("[   10.98] Node 0 active_anon:23092kB inactive_anon:0kB active_file:0kB inactive_file:120596kB unevictable:0kB isolated(anon):0kB isolated(file):0kB all_unreclaimable? no\n[   10.98] ...\n"));
	CHECK(!(strcmp(cut.first, "driver-allocation-failed") == 0 && strstr(cut.summary, "below 4 GiB")));
	/* a DMA32 zone printed: the zone's own numbers decide */
	struct seen z = explain(DMA32_NONE("[   10.98] Node 0 DMA32 free:1000kB boost:0kB min:1000kB low:1200kB high:1400kB present:3000000kB managed:2900000kB\n"));
	CHECK(!(strcmp(z.first, "driver-allocation-failed") == 0 && strstr(z.summary, "below 4 GiB")));
}

/* sparc64's 8 KiB pages: THP's pageblock is 8 MiB, so khugepaged's own
 * min_free_kbytes is 88 MiB a zone; a 286 MiB min on 16 GiB is not unusual,
 * and the node line's LRU beside it leaves 99 % in no counter (R716) */
#define SPARC64_PIPES(min) \
	"[44178.38] Node 0 active_anon:128kB inactive_anon:400kB active_file:176kB inactive_file:1120kB unevictable:40kB isolated(anon):0kB isolated(file):0kB mapped:3456kB dirty:0kB writeback:120kB shmem:0kB kernel_stack:7448kB all_unreclaimable? no\n" \
	"[44178.38] Normal free:230984kB boost:202752kB min:" min "kB low:315392kB high:337920kB reserved_highatomic:0KB active_anon:128kB inactive_anon:400kB active_file:1008kB inactive_file:2176kB unevictable:40kB writepending:120kB present:16764544kB managed:16504704kB mlocked:40kB bounce:0kB free_pcp:2368kB local_pcp:0kB free_cma:0kB\n" \
	"[44178.38] lowmem_reserve[]: 0 0\n" \
	"[44178.38] Normal: 611*8kB (UME) 457*16kB (UME) 1175*32kB (ME) 1008*64kB (UME) 920*128kB (UME) 1*256kB (E) 0*512kB 0*1024kB 0*2048kB 0*4096kB 0*8192kB 0*16384kB 0*32768kB = 232328kB\n" \
	"[44178.38] Node 0 hugepages_total=0 hugepages_free=0 hugepages_surp=0 hugepages_size=8192kB\n" \
	"[44178.38] 390 total pagecache pages\n"

TEST(sparc64_marks_and_kernel_memory_from_node_lines)
{
	struct seen s = explain(SPARC64_PIPES("292864"));
	CHECK_STR(s.first, "kernel-leak-or-bug");
	CHECK(!has(&s, "min-free-kbytes-unusual"));
	CHECK(evidence_has(&s, "page tables too"));
}

/* A fragment with HighMem far above its marks and a lowmem zone whose free
 * is CMA: a request that could use HighMem would have been served, so the
 * failed one was a lowmem (kernel) one — no premature OOM, and CMA it may
 * not use (R978's shape) */
#define HIGHMEM_ROOM_LOW_CMA(cma_letters) \
	"[325111.51] HighMem free:1864240kB min:512kB low:32148kB high:63784kB active_anon:33464kB inactive_anon:100176kB active_file:22312kB inactive_file:1018480kB unevictable:22656kB present:3080192kB managed:3080192kB\n" \
	"[325111.51] lowmem_reserve[]: 0 0 0 0\n" \
	"[325111.51] DMA: 100*4kB (UEH) 50*8kB (UEH) 20*16kB (UEH) 5*32kB (UEH) 2*64kB (UEH) 8*128kB (H" cma_letters ") 2*256kB (" cma_letters ") 0*512kB 1*1024kB (" cma_letters ") 2*2048kB (" cma_letters ") 58*4096kB (" cma_letters ") = 245632kB\n" \
	"[325111.51] 901120 pages RAM\n" \
	"[325111.51] 770048 pages HighMem/MovableOnly\n"

TEST(highmem_room_means_a_lowmem_request)
{
	struct seen s = explain(HIGHMEM_ROOM_LOW_CMA("C"));
	CHECK(!has(&s, "kernel-oom-regression"));
	CHECK_STR(s.first, "cma-unusable");
	/* the big blocks movable, not CMA: not this reading */
	struct seen m = explain(HIGHMEM_ROOM_LOW_CMA("M"));
	CHECK(!has(&m, "kernel-oom-regression"));
	CHECK(strcmp(m.first, "cma-unusable") != 0);
}

/* 32-bit: slab is measured against lowmem for a request held to lowmem,
 * against RAM for one that could use HighMem too (R1049's shape) */
TEST(slab_share_follows_the_request_on_32bit)
{
	struct seen u = explain(I686_SLAB("0x200da", "4000", "1000", "40000", "45000"));
	CHECK(strcmp(u.first, "slab-growth") != 0);
	CHECK(!has(&u, "slab-growth"));
	struct seen k = explain(I686_SLAB("0xd0", "4000", "1000", "40000", "45000"));
	CHECK(has(&k, "slab-growth"));
}

/* An order-1 atomic failure whose DMA zone passes by a page above its
 * lowmem_reserve while DMA32's free is all order-0 pages: the marginal
 * pass is the snapshot's noise, the blocks are the cause (R1285's shape) */
#define MARGINAL_DMA(dma_free, dma_buddy) \
	"[ 6496.16] kvm: page allocation failure: order:1, mode:0x4020\n" \
	"[ 6496.16] Pid: 15322, comm: kvm Not tainted 3.2.4 #1\n" \
	"[ 6496.16] DMA free:" dma_free "kB min:28kB low:32kB high:40kB active_anon:0kB inactive_anon:0kB active_file:0kB inactive_file:0kB unevictable:0kB isolated(anon):0kB isolated(file):0kB present:15644kB mlocked:0kB dirty:0kB writeback:0kB mapped:0kB shmem:0kB slab_reclaimable:0kB slab_unreclaimable:0kB kernel_stack:0kB pagetables:0kB unstable:0kB bounce:0kB writeback_tmp:0kB pages_scanned:0 all_unreclaimable? yes\n" \
	"[ 6496.16] lowmem_reserve[]: 0 3161 3915 3915\n" \
	"[ 6496.16] DMA32 free:24592kB min:6452kB low:8064kB high:9676kB active_anon:117596kB inactive_anon:23728kB active_file:1129544kB inactive_file:1129544kB unevictable:0kB isolated(anon):0kB isolated(file):0kB present:3237280kB mlocked:0kB pages_scanned:0 all_unreclaimable? no\n" \
	"[ 6496.16] lowmem_reserve[]: 0 0 754 754\n" \
	"[ 6496.16] Normal free:2196kB min:1536kB low:1920kB high:2304kB active_anon:172160kB inactive_anon:172384kB active_file:79536kB inactive_file:79536kB unevictable:0kB isolated(anon):0kB isolated(file):0kB present:772096kB mlocked:0kB pages_scanned:0 all_unreclaimable? no\n" \
	"[ 6496.16] lowmem_reserve[]: 0 0 0 0\n" \
	"[ 6496.16] DMA: " dma_buddy "\n" \
	"[ 6496.16] DMA32: 5856*4kB 58*8kB 25*16kB 3*32kB 0*64kB 1*128kB 1*256kB 0*512kB 0*1024kB 0*2048kB 0*4096kB = 24768kB\n" \
	"[ 6496.16] Normal: 559*4kB 8*8kB 1*16kB 0*32kB 0*64kB 0*128kB 0*256kB 0*512kB 0*1024kB 0*2048kB 0*4096kB = 2316kB\n"

TEST(marginal_pass_is_no_room)
{
	struct seen s = explain(MARGINAL_DMA("15680", "0*4kB 2*8kB 1*16kB 1*32kB 0*64kB 2*128kB 2*256kB 1*512kB 2*1024kB 2*2048kB 2*4096kB = 15680kB"));
	CHECK_STR(s.first, "fragmentation-high-order");
	/* DMA well above its reserve: it had room, not this reading */
	struct seen r = explain(MARGINAL_DMA("15900", "0*4kB 2*8kB 1*16kB 1*32kB 0*64kB 2*128kB 2*256kB 1*512kB 2*1024kB 2*2048kB 2*4096kB = 15900kB"));
	CHECK(strcmp(r.first, "fragmentation-high-order") != 0 || !strstr(r.summary, "free in"));
}

/* An order-3 request that may reclaim, no block of the order in any list
 * it may take, and reclaimable slab plus the file LRU a quarter of RAM or
 * more: reclaim had pages, not a block; fragmentation leads what held the
 * memory (R1300's shape) */
#define ORDER3_RECLAIMABLE(slab_r) \
	"[350085.03] Xorg invoked oom-killer: gfp_mask=0x24040c0(GFP_KERNEL|__GFP_COMP), order=3, oom_score_adj=0\n" \
	"[350085.03] CPU: 2 PID: 2119 Comm: Xorg Tainted: P           O    4.7.2-1-ARCH #1\n" \
	"[350085.03] Mem-Info:\n" \
	"[350085.03] active_anon:861397 inactive_anon:23397 isolated_anon:0\n" \
	"                 active_file:146274 inactive_file:144248 isolated_file:0\n" \
	"                 unevictable:8 dirty:14587 writeback:0 unstable:0\n" \
	"                 slab_reclaimable:" slab_r " slab_unreclaimable:24397\n" \
	"                 mapped:79655 shmem:26548 pagetables:7225 bounce:0\n" \
	"                 free:25159 free_pcp:235 free_cma:0\n" \
	"[350085.03] Node 0 DMA free:15516kB min:136kB low:168kB high:200kB active_anon:0kB inactive_anon:0kB active_file:0kB inactive_file:0kB unevictable:0kB present:15984kB managed:15900kB mlocked:0kB\n" \
	"[350085.03] lowmem_reserve[]: 0 3196 7658 7658\n" \
	"[350085.03] Node 0 DMA32 free:45980kB min:28148kB low:35184kB high:42220kB active_anon:1466208kB inactive_anon:43120kB active_file:239740kB inactive_file:234920kB unevictable:0kB present:3617864kB managed:3280092kB mlocked:0kB\n" \
	"[350085.03] lowmem_reserve[]: 0 0 4462 4462\n" \
	"[350085.03] Node 0 Normal free:39140kB min:39296kB low:49120kB high:58944kB active_anon:1979380kB inactive_anon:50468kB active_file:345356kB inactive_file:342072kB unevictable:32kB present:4702208kB managed:4569312kB mlocked:32kB\n" \
	"[350085.03] lowmem_reserve[]: 0 0 0 0\n" \
	"[350085.03] Node 0 DMA: 1*4kB (U) 1*8kB (U) 1*16kB (U) 0*32kB 2*64kB (U) 0*128kB 0*256kB 0*512kB 1*1024kB (U) 1*2048kB (M) 3*4096kB (M) = 15516kB\n" \
	"[350085.03] Node 0 DMA32: 11569*4kB (UME) 50*8kB (M) 2*16kB (M) 0*32kB 0*64kB 0*128kB 0*256kB 0*512kB 0*1024kB 0*2048kB 0*4096kB = 46708kB\n" \
	"[350085.03] Node 0 Normal: 9282*4kB (UE) 0*8kB 4*16kB (H) 2*32kB (H) 3*64kB (H) 1*128kB (H) 2*256kB (H) 2*512kB (H) 0*1024kB 0*2048kB 0*4096kB = 39112kB\n" \
	"[350085.03] Free swap  = 0kB\n" \
	"[350085.03] Total swap = 0kB\n" \
	"[350085.03] 2084014 pages RAM\n" \
	"[350085.03] 117688 pages reserved\n"

TEST(reclaimable_slab_beside_a_missing_block_is_fragmentation)
{
	struct seen s = explain(ORDER3_RECLAIMABLE("697630"));
	CHECK_STR(s.first, "fragmentation-high-order");
	CHECK(has(&s, "slab-growth"));
	CHECK(evidence_has(&s, "reclaimable slab"));
}

/* The same scarce blocks behind an OOM of a small order: its report is
 * printed after the allocator gave up too (R1228's shape) */
TEST(scarce_blocks_behind_an_oom)
{
	struct seen s = explain(SCARCE_H("ufb invoked oom-killer: gfp_mask=0x40cc0(GFP_KERNEL|__GFP_COMP), order=2, oom_score_adj=0\n",
		"Node 0 DMA32: 3000*4kB (UME) 590*8kB (UME) 3*16kB (UM) 1*32kB (M) 0*64kB 0*128kB 0*256kB 0*512kB 0*1024kB 0*2048kB 0*4096kB = 16800kB\n"));
	CHECK_STR(s.first, "fragmentation-high-order");
	/* blocks of the order plenty: not the blocks */
	struct seen t = explain(SCARCE_H("ufb invoked oom-killer: gfp_mask=0x40cc0(GFP_KERNEL|__GFP_COMP), order=2, oom_score_adj=0\n",
		"Node 0 DMA32: 100*4kB (UME) 50*8kB (UME) 0*16kB 0*32kB 0*64kB 2*128kB (M) 3*256kB (M) 3*512kB (M) 3*1024kB (M) 1*2048kB (M) 2*4096kB (M) = 16800kB\n"));
	CHECK(strcmp(t.first, "fragmentation-high-order") != 0);
}

/* A development snapshot whose report's numbers decide nothing: the tree is
 * the first suspect, at low confidence (R610, R1288's shape) */
#define DEV_SNAPSHOT(release) \
	"[  10.98] insmod: vmalloc error: size 16384, vm_struct allocation failed, mode:0xcc0(GFP_KERNEL), nodemask=(null),cpuset=/,mems_allowed=0\n" \
	"[  10.98] CPU: 3 PID: 235 Comm: insmod Not tainted " release " #1\n"

TEST(dev_snapshot_without_a_cause_suspects_the_tree)
{
	struct seen s = explain(DEV_SNAPSHOT("6.0.0-rc4-00001-gabc"));
	CHECK_STR(s.first, "kernel-oom-regression");
	CHECK_STR(confidence_name(s.conf), "low");
	CHECK(has(&s, "unknown"));
	struct seen n = explain(DEV_SNAPSHOT("5.7.0-next-20200511"));
	CHECK_STR(n.first, "kernel-oom-regression");
	/* a release: nothing to suspect */
	struct seen r = explain(DEV_SNAPSHOT("6.0.12-arch1-1"));
	CHECK_STR(r.first, "unknown");
}

/* ≤2.6.27: one Active and one inactive list, zone lines with present only
 * and no page totals: RAM as the zones' present pages, where the kernel
 * image and memmap are a small part of it (R1221's shape) */
#define OLD_LRU(active, present) \
	"oom-killer: gfp_mask=0x80d2\n" \
	"Active:" active " inactive:30542 dirty:0 writeback:2809 unstable:0 free:1386 slab:2099 mapped:43531 pagetables:192\n" \
	"DMA free:5544kB min:5792kB low:7240kB high:8688kB active:64152kB inactive:122168kB present:" present "kB pages_scanned:49210 all_unreclaimable? no\n" \
	"lowmem_reserve[]: 0 0 0\n" \
	"Free swap  = 586036kB\n" \
	"Total swap = 716776kB\n"

TEST(old_lru_lists_with_present_zones_show_kernel_memory)
{
	struct seen s = explain(OLD_LRU("16038", "2097152"));
	CHECK_STR(s.first, "kernel-leak-or-bug");
	/* the lists fill RAM: nothing in no counter */
	struct seen f = explain(OLD_LRU("480000", "2097152"));
	CHECK(strcmp(f.first, "kernel-leak-or-bug") != 0);
	/* a 16 MiB board: its kernel image is a quarter of present, no figure */
	struct seen b = explain(OLD_LRU("631", "16256"));
	CHECK(strcmp(b.first, "kernel-leak-or-bug") != 0);
}

/* Two nodes, anonymous memory filling nine tenths of RAM, no swap, one
 * zone with room worth under 2 % of RAM: the machine ran out (R845) */
#define TWO_NODES_ANON(room) \
	"[16212.21] Mem-Info:\n" \
	"[16212.21] active_anon:16069537 inactive_anon:5561 isolated_anon:0\n" \
	"[16212.21]  active_file:1400 inactive_file:1300 isolated_file:0\n" \
	"[16212.21]  unevictable:0 dirty:0 writeback:0 unstable:0\n" \
	"[16212.21]  slab_reclaimable:22960 slab_unreclaimable:79900\n" \
	"[16212.21]  mapped:1900 shmem:6380 pagetables:34600 bounce:0\n" \
	"[16212.21]  free:161016 free_pcp:955 free_cma:0\n" \
	"[16212.21] Node 0 DMA32 free:123344kB min:2668kB low:4616kB high:6564kB active_anon:1820276kB inactive_anon:0kB active_file:0kB inactive_file:0kB unevictable:0kB writepending:0kB present:3127160kB managed:2045876kB mlocked:0kB\n" \
	"[16212.21] lowmem_reserve[]: 0 0 30139 30139\n" \
	"[16212.21] Node 0 Normal free:" room "kB min:42308kB low:73224kB high:104140kB active_anon:29898272kB inactive_anon:8728kB active_file:2800kB inactive_file:2600kB unevictable:0kB writepending:0kB present:31457280kB managed:30862796kB mlocked:0kB\n" \
	"[16212.21] lowmem_reserve[]: 0 0 0 0\n" \
	"[16212.21] Node 1 Normal free:44744kB min:45108kB low:78068kB high:111028kB active_anon:32559600kB inactive_anon:13516kB active_file:2800kB inactive_file:2600kB unevictable:0kB writepending:0kB present:33554432kB managed:33020916kB mlocked:0kB\n" \
	"[16212.21] lowmem_reserve[]: 0 0 0 0\n" \
	"[16212.21] Free swap  = 0kB\n" \
	"[16212.21] Total swap = 0kB\n" \
	"[16212.21] 16760731 pages RAM\n" \
	"[16212.21] 273000 pages reserved\n"

TEST(anon_fills_ram_beside_one_zones_small_room)
{
	struct seen s = explain(TWO_NODES_ANON("460088"));
	CHECK_STR(s.first, "genuine-exhaustion-no-swap");
	/* room of several GiB: not this reading */
	struct seen r = explain(TWO_NODES_ANON("6000000"));
	CHECK(strcmp(r.first, "genuine-exhaustion-no-swap") != 0);
}

/* Buddy lines and totals alone (zone and summary lines cut), a buddy sum
 * under 5 % of RAM, a few pages of cache, no swap: RAM ran out (R1344) */
#define BUDDY_LOW(dma32) \
	"[88275147.54] Node 0 DMA: 0*4kB 1*8kB (M) 3*16kB (UME) 2*32kB (UE) 3*64kB (UE) 4*128kB (UE) 3*256kB (UME) 1*512kB (E) 2*1024kB (UE) 2*2048kB (UH) 0*4096kB = 8248kB\n" \
	"[88275147.54] Node 0 DMA32: " dma32 "\n" \
	"[88275147.54] 187 total pagecache pages\n" \
	"[88275147.54] 0 pages in swap cache\n" \
	"[88275147.54] Free swap  = 0kB\n" \
	"[88275147.54] Total swap = 0kB\n" \
	"[88275147.54] 524185 pages RAM\n" \
	"[88275147.54] 13844 pages reserved\n"

TEST(buddy_sum_under_a_twentieth_without_swap_is_exhaustion)
{
	/* its "= NkB" cut: the blocks add up */
	struct seen s = explain(BUDDY_LOW("2174*4kB (UMEH) 1203*8kB (UMEH) 779*16kB (UMEH) 207*32kB (UME) 94*64kB (UME) 7*128kB (UME) 0*256kB 0*512kB 0*1024kB 0*2048kB 0*4096kB"));
	CHECK_STR(s.first, "genuine-exhaustion-no-swap");
	CHECK_STR(confidence_name(s.conf), "low");
	/* a quarter of RAM free in the lists: not this reading */
	struct seen f = explain(BUDDY_LOW("2174*4kB (UMEH) 1203*8kB (UMEH) 779*16kB (UMEH) 207*32kB (UME) 94*64kB (UME) 7*128kB (UME) 0*256kB 0*512kB 0*1024kB 0*2048kB 120*4096kB (M) = 535840kB"));
	CHECK(strcmp(f.first, "genuine-exhaustion-no-swap") != 0);
}

/* A costly-order (> 3) lowmem request on a 32-bit box with HighMem free:
 * Normal above its high mark at order 0 but without a block of the order
 * lacked the block, not lowmem (kernel retries only orders <= 3); the
 * same zone between min and high is still lowmem running out. */
#define COSTLY_LOWMEM(normal_free, buddy) \
	"[5000.1] gpud: page allocation failure: order:4, mode:0x40d0\n" \
	"[5000.1] CPU: 0 PID: 812 Comm: gpud Not tainted 3.16.0-4-686-pae #1 Debian 3.16.7\n" \
	"[5000.1] Mem-Info:\n" \
	"[5000.1] active_anon:400000 inactive_anon:100000 isolated_anon:0\n" \
	"[5000.1]  active_file:300000 inactive_file:200000 isolated_file:0\n" \
	"[5000.1]  unevictable:0 dirty:10 writeback:0 unstable:0\n" \
	"[5000.1]  free:800000 slab_reclaimable:40000 slab_unreclaimable:9000\n" \
	"[5000.1]  mapped:20000 shmem:5000 pagetables:3000 bounce:0\n" \
	"[5000.1]  free_cma:0\n" \
	"[5000.1] DMA free:3000kB min:64kB low:80kB high:96kB active_anon:0kB inactive_anon:0kB active_file:100kB inactive_file:20kB unevictable:0kB present:15992kB managed:15916kB mlocked:0kB slab_reclaimable:9000kB slab_unreclaimable:900kB kernel_stack:100kB pagetables:0kB all_unreclaimable? no\n" \
	"[5000.1] lowmem_reserve[]: 0 800 8000 8000\n" \
	"[5000.1] Normal free:" normal_free "kB min:3000kB low:3750kB high:4500kB active_anon:6000kB inactive_anon:6000kB active_file:200000kB inactive_file:150000kB unevictable:0kB present:897016kB managed:800000kB mlocked:0kB slab_reclaimable:150000kB slab_unreclaimable:35000kB kernel_stack:6000kB pagetables:300kB all_unreclaimable? no\n" \
	"[5000.1] lowmem_reserve[]: 0 0 57600 57600\n" \
	"[5000.1] HighMem free:3190000kB min:512kB low:12000kB high:24000kB active_anon:1594000kB inactive_anon:394000kB active_file:999900kB inactive_file:649980kB unevictable:0kB present:7340032kB managed:7340032kB mlocked:0kB all_unreclaimable? no\n" \
	"[5000.1] lowmem_reserve[]: 0 0 0 0\n" \
	"[5000.1] DMA: 50*4kB 50*8kB 40*16kB 20*32kB 5*64kB 3*128kB 0*256kB 0*512kB 0*1024kB 0*2048kB 0*4096kB = 2984kB\n" \
	buddy \
	"[5000.1] HighMem: 5000*4kB 20000*8kB 9000*16kB 3000*32kB 5000*64kB 5000*128kB 3000*256kB 1000*512kB 200*1024kB 10*2048kB 20*4096kB = 3196000kB\n" \
	"[5000.1] 505000 total pagecache pages\n" \
	"[5000.1] Free swap  = 2097148kB\n" \
	"[5000.1] Total swap = 2097148kB\n" \
	"[5000.1] 2063260 pages RAM\n" \
	"[5000.1] 1835008 pages HighMem/MovableOnly\n" \
	"[5000.1] 30000 pages reserved\n"

TEST(costly_lowmem_request_above_high_lacks_a_block)
{
	struct seen s = explain(COSTLY_LOWMEM("6200",
		"[5000.1] Normal: 700*4kB 300*8kB 90*16kB 5*32kB 0*64kB 0*128kB 0*256kB 0*512kB 0*1024kB 0*2048kB 0*4096kB = 6800kB\n"));
	CHECK_STR(s.first, "fragmentation-high-order");
	CHECK(!has(&s, "lowmem-exhausted-highmem-free"));
	/* between min and high lowmem itself is running out */
	struct seen t = explain(COSTLY_LOWMEM("4000",
		"[5000.1] Normal: 500*4kB 150*8kB 40*16kB 5*32kB 0*64kB 0*128kB 0*256kB 0*512kB 0*1024kB 0*2048kB 0*4096kB = 4000kB\n"));
	CHECK_STR(t.first, "lowmem-exhausted-highmem-free");
	CHECK(evidence_has(&t, "Normal: free 3.91 MiB, min 2.93 MiB + lowmem_reserve 0 KiB: above the mark at order 0, below it in blocks of order 4 and up"));
}

/* Buddy lines without zone lines (an order-3 OOM): DMA's big blocks sit
 * behind the reserve the default lowmem_reserve_ratio gives it on a
 * 16 GiB box, so the blocks DMA32 and Normal lack decide it; on a 1 GiB
 * box DMA's reserve is too small to say so. */
#define BUDDY_ONLY_DMA(ram) \
	"Xorg invoked oom-killer: gfp_mask=0x240c0d0(GFP_TEMPORARY|__GFP_COMP|__GFP_ZERO), order=3, oom_score_adj=0\n" \
	"CPU: 3 PID: 1500 Comm: Xorg Not tainted 4.9.0 #1\n" \
	"Node 0 DMA: 0*4kB 1*8kB (U) 2*16kB (U) 1*32kB (U) 3*64kB (U) 2*128kB (U) 0*256kB 0*512kB 1*1024kB (U) 1*2048kB (M) 3*4096kB (M) = 15880kB\n" \
	"Node 0 DMA32: 11110*4kB (UME) 2929*8kB (UME) 44*16kB (M) 0*32kB 0*64kB 0*128kB 0*256kB 0*512kB 0*1024kB 0*2048kB 0*4096kB = 68576kB\n" \
	"Node 0 Normal: 14031*4kB (UME) 49*8kB (UME) 18*16kB (U) 0*32kB 0*64kB 0*128kB 0*256kB 0*512kB 0*1024kB 0*2048kB 0*4096kB = 56804kB\n" \
	"Free swap  = 8191868kB\n" \
	"Total swap = 8191996kB\n" \
	ram " pages RAM\n"

TEST(buddy_only_dma_behind_its_default_reserve)
{
	struct seen s = explain(BUDDY_ONLY_DMA("4168499"));
	CHECK_STR(s.first, "fragmentation-high-order");
	CHECK(evidence_has(&s, "DMA's blocks sit behind its lowmem_reserve against this request"));
	struct seen t = explain(BUDDY_ONLY_DMA("262144"));
	CHECK(!has(&t, "fragmentation-high-order"));
}

/* The same with RAM not printed (R5817's shape): on x86_64 a Normal zone
 * is memory above 4 GiB, so DMA's reserve is at least 4 GiB's share, its
 * whole 16 MiB; without a Normal zone RAM may be below 4 GiB and DMA's
 * blocks may count: nothing is said. */
#define BUDDY_ONLY_DMA_X86(normal) \
	"make invoked oom-killer: gfp_mask=0x27000c0(GFP_KERNEL_ACCOUNT|__GFP_NOTRACK), order=2, oom_score_adj=0\n" \
	"CPU: 1 PID: 1202 Comm: make Not tainted 4.7.1 #1\n" \
	"Call Trace:\n" \
	" [<ffffffff812a7d39>] ? dump_stack+0x46/0x5d\n" \
	" [<ffffffff8151433c>] ? entry_SYSCALL64_slow_path+0x25/0x25\n" \
	"DMA: 1*4kB (U) 1*8kB (U) 1*16kB (U) 0*32kB 2*64kB (U) 1*128kB (U) 1*256kB (U) 0*512kB 1*1024kB (U) 1*2048kB (M) 3*4096kB (M) = 15900kB\n" \
	"DMA32: 45619*4kB (UME) 73*8kB (UM) 0*16kB 0*32kB 0*64kB 0*128kB 0*256kB 0*512kB 0*1024kB 0*2048kB 0*4096kB = 183060kB\n" \
	normal

TEST(buddy_only_dma_behind_reserve_of_4g_on_x86_64)
{
	leads_where(BUDDY_ONLY_DMA_X86("Normal: 39979*4kB (UE) 0*8kB 0*16kB 0*32kB 0*64kB 0*128kB 0*256kB 0*512kB 0*1024kB 0*2048kB 0*4096kB = 159916kB\n"),
		    BUDDY_ONLY_DMA_X86(""), "fragmentation-high-order", "the least an x86_64 machine with a Normal zone has");
}

/* The same with no arch in the text (R6387's shape: header, summary,
 * buddy lines): the summary's counters, 15.5 GiB, are RAM at most, and the
 * reserve they give DMA even as large as 4 GiB (45 MiB) is more than its
 * free — fragmentation.  Without the summary nothing bounds RAM, and
 * DMA's blocks may serve the request. */
#define BUDDY_ONLY_NO_ARCH(summary) \
	"nvidia-modeset invoked oom-killer: gfp_mask=0x14040c0(GFP_KERNEL|__GFP_COMP), nodemask=(null),  order=3, oom_score_adj=0\n" \
	"[...]\n" \
	summary \
	"Node 0 DMA: 0*4kB 2*8kB (U) 3*16kB (U) 2*32kB (U) 2*64kB (U) 2*128kB (U) 0*256kB 0*512kB 1*1024kB (U) 1*2048kB (M) 3*4096kB (M) = 15872kB\n" \
	"Node 0 DMA32: 2015*4kB (UME) 4517*8kB (UME) 5301*16kB (UE) 0*32kB 0*64kB 0*128kB 0*256kB 0*512kB 0*1024kB 0*2048kB 0*4096kB = 129012kB\n" \
	"Node 0 Normal: 6379*4kB (UME) 2915*8kB (UE) 1266*16kB (UE) 0*32kB 0*64kB 0*128kB 0*256kB 0*512kB 0*1024kB 0*2048kB 0*4096kB = 69092kB\n"

TEST(buddy_only_dma_behind_reserve_of_counted_memory)
{
	leads_where(BUDDY_ONLY_NO_ARCH("Mem-Info:\n"
				       "active_anon:960260 inactive_anon:175381 isolated_anon:0\n"
				       " active_file:1061865 inactive_file:177006 isolated_file:0\n"
				       " unevictable:0 dirty:273 writeback:0 unstable:0\n"
				       " slab_reclaimable:1519864 slab_unreclaimable:61079\n"
				       " mapped:31182 shmem:11064 pagetables:23135 bounce:0\n"
				       " free:53178 free_pcp:68 free_cma:0\n"),
		    BUDDY_ONLY_NO_ARCH(""), "fragmentation-high-order",
		    "the default vm.lowmem_reserve_ratio of the memory the summary counts, which RAM is at least");
}

/* An order-1 atomic failure on a 3.12 board whose every block of order 1
 * and more is in a C list, CMA 60 % of the zone's free: the 3.x check
 * counted the blocks, only CMA had them — cma-unusable leads
 * fragmentation; CMA a third of free (R352's shape) stays fragmentation. */
#define CMA_ORDER1(free_cma, buddy) \
	"[6676.6] mmcqd/0: page allocation failure: order:1, mode:0x200020\n" \
	"[6676.6] CPU: 0 PID: 79 Comm: mmcqd/0 Not tainted 3.12.10 #1\n" \
	"[6676.6] Mem-Info:\n" \
	"[6676.6] active_anon:3000 inactive_anon:100 isolated_anon:0\n" \
	"[6676.6]  active_file:20000 inactive_file:20000 isolated_file:0\n" \
	"[6676.6]  unevictable:0 dirty:5 writeback:0 unstable:0\n" \
	"[6676.6]  free:3286 slab_reclaimable:1000 slab_unreclaimable:2000\n" \
	"[6676.6]  mapped:900 shmem:20 pagetables:100 bounce:0\n" \
	"[6676.6]  free_cma:" free_cma "\n" \
	"[6676.6] Normal free:13144kB min:2004kB low:2504kB high:3004kB active_anon:12000kB inactive_anon:400kB active_file:80000kB inactive_file:80000kB unevictable:0kB present:262144kB managed:250000kB mlocked:0kB all_unreclaimable? no\n" \
	"[6676.6] lowmem_reserve[]: 0 0 0\n" \
	buddy \
	"[6676.6] Free swap  = 0kB\n" \
	"[6676.6] Total swap = 0kB\n" \
	"[6676.6] 65536 pages RAM\n"

TEST(order_blocks_only_in_cma_lists_are_cma_unusable)
{
	struct seen s = explain(CMA_ORDER1("1982",
		"[6676.6] Normal: 1330*4kB (UEMC) 217*8kB (C) 57*16kB (C) 5*32kB (C) 0*64kB 0*128kB 0*256kB 0*512kB 0*1024kB 0*2048kB 0*4096kB = 13144kB\n"));
	CHECK_STR(s.first, "cma-unusable");
	CHECK(evidence_has(&s, "every free block of order 1 and more the request would need is in a C (MIGRATE_CMA) list"));
	struct seen t = explain(CMA_ORDER1("1100",
		"[6676.6] Normal: 1330*4kB (UEMC) 217*8kB (C) 57*16kB (C) 5*32kB (C) 0*64kB 0*128kB 0*256kB 0*512kB 0*1024kB 0*2048kB 0*4096kB = 13144kB\n"));
	CHECK(strcmp(t.first, "cma-unusable") != 0);
}

/* A costly order (4) failing without an OOM kill beside a large shmem
 * (R6374's shape): the OOM killer is never asked for such an order, so
 * the failure came after reclaim and compaction; Normal stays above its
 * min with the 64 KiB taken out, its blocks order 2 at most —
 * fragmentation leads the consumer.  The same zone 32 KiB over its min
 * (the request would take it below) leaves shmem in front. */
#define COSTLY_SHMEM(nfree, normal_free, buddy) \
	"[5071.2] vhost-5837: page allocation failure: order:4, mode:0x24040c0\n" \
	"[5071.2] CPU: 1 PID: 5840 Comm: vhost-5837 Not tainted 4.4.302 #1\n" \
	"[5071.2] Mem-Info:\n" \
	"[5071.2] active_anon:900000 inactive_anon:1900000 isolated_anon:0\n" \
	"[5071.2]  active_file:500000 inactive_file:500000 isolated_file:0\n" \
	"[5071.2]  unevictable:0 dirty:5 writeback:0 unstable:0\n" \
	"[5071.2]  slab_reclaimable:50000 slab_unreclaimable:20000\n" \
	"[5071.2]  mapped:1500000 shmem:1536241 pagetables:19892 bounce:0\n" \
	"[5071.2]  free:" nfree " free_pcp:22 free_cma:0\n" \
	"[5071.2] Normal free:" normal_free " min:14240kB low:17800kB high:21360kB active_anon:1200000kB inactive_anon:5600000kB active_file:800000kB inactive_file:800000kB unevictable:0kB present:16252928kB managed:15900000kB mlocked:0kB all_unreclaimable? no\n" \
	"[5071.2] lowmem_reserve[]: 0 0 0 0\n" \
	buddy \
	"[5071.2] Free swap  = 0kB\n" \
	"[5071.2] Total swap = 0kB\n" \
	"[5071.2] 4063232 pages RAM\n"

TEST(costly_order_failure_above_min_is_fragmentation_before_shmem)
{
	struct seen s = explain(COSTLY_SHMEM("3998", "15992kB",
		"[5071.2] Normal: 2000*4kB (UME) 800*8kB (UME) 50*16kB (UM) 0*32kB 0*64kB 0*128kB 0*256kB 0*512kB 0*1024kB 0*2048kB 0*4096kB = 15200kB\n"));
	CHECK_STR(s.first, "fragmentation-high-order");
	CHECK(has(&s, "shmem-tmpfs"));
	struct seen t = explain(COSTLY_SHMEM("3568", "14272kB",
		"[5071.2] Normal: 1500*4kB (UME) 800*8kB (UME) 50*16kB (UM) 0*32kB 0*64kB 0*128kB 0*256kB 0*512kB 0*1024kB 0*2048kB 0*4096kB = 13200kB\n"));
	CHECK_STR(t.first, "shmem-tmpfs");
}

/* Buddy lines alone, an order-1 OOM (R1453's shape): 106 MiB free in
 * single pages, a few blocks of 8 KiB — above any min the kernel sets, so
 * the order's part of the check failed: fragmentation, low.  The same
 * blocks in a zone with 20 MiB free could be a zone at its min. */
#define BUDDY_ONLY_SCARCE(buddy) \
	"make invoked oom-killer: gfp_mask=0xd0, order=1, oomkilladj=0\n" \
	"...\n" \
	buddy

TEST(buddy_only_scarce_blocks_above_any_min)
{
	struct seen s = explain(BUDDY_ONLY_SCARCE("Normal: 27065*4kB 64*8kB 1*16kB 0*32kB 0*64kB 0*128kB 0*256kB 0*512kB 0*1024kB 0*2048kB 0*4096kB = 108788kB\n"));
	CHECK_STR(s.first, "fragmentation-high-order");
	CHECK_STR(confidence_name(s.conf), "low");
	CHECK(evidence_has(&s, "it passed at order 0 and failed the order's part of the check"));
	struct seen t = explain(BUDDY_ONLY_SCARCE("Normal: 5000*4kB 64*8kB 1*16kB 0*32kB 0*64kB 0*128kB 0*256kB 0*512kB 0*1024kB 0*2048kB 0*4096kB = 20528kB\n"));
	CHECK(!has(&t, "fragmentation-high-order"));
}

/* gfp 0 from pagefault_out_of_memory with no figure at all (R1048,
 * R1443: header and trace quoted alone): the page allocator did not fail,
 * a fault handler or a charge did — low; before 3.12 a memcg charge is
 * named, after it a kmem charge; 5.16+ print no such OOM */
TEST(pagefault_gfp0_without_figures_is_a_fault_handler_or_charge)
{
	struct seen s = explain(PF_HEADER("3.2.34-grsec"));
	CHECK_STR(s.first, "kernel-leak-or-bug");
	CHECK_STR(confidence_name(s.conf), "low");
	CHECK(evidence_has(&s, "before 3.12 a memory cgroup's failed charge"));
	struct seen t = explain(PF_HEADER("5.3.0-1032-aws"));
	CHECK_STR(t.first, "kernel-leak-or-bug");
	CHECK(evidence_has(&t, "kernel-memory (v1 kmem) charge"));
	struct seen u = explain(PF_HEADER("6.1.0"));
	CHECK(!has(&u, "kernel-leak-or-bug"));
	/* a Normal zone above its high mark, not by twice it (R1680): the
	 * page was there; beside a third of RAM in page cache the fault
	 * reading still leads the premature one */
	struct seen v = explain(PF_HEADER("3.11.2")
		"[ 100.1] Mem-Info:\n"
		"[ 100.1] active_anon:1000000 inactive_anon:1000000 isolated_anon:0\n"
		"[ 100.1]  active_file:1500000 inactive_file:1500000 isolated_file:0\n"
		"[ 100.1]  unevictable:0 dirty:10 writeback:0 unstable:0\n"
		"[ 100.1]  free:23000 slab_reclaimable:10000 slab_unreclaimable:10000\n"
		"[ 100.1]  mapped:10000 shmem:100 pagetables:10000 bounce:0\n"
		"[ 100.1] Node 0 Normal free:95120kB min:33832kB low:42288kB high:50748kB active_anon:4000000kB inactive_anon:4000000kB active_file:6000000kB inactive_file:6000000kB unevictable:0kB present:20000000kB managed:19500000kB\n"
		"[ 100.1] lowmem_reserve[]: 0 0 0 0\n"
		"[ 100.1] Free swap  = 2239440kB\n"
		"[ 100.1] Total swap = 11184368kB\n"
		"[ 100.1] 5000000 pages RAM\n");
	CHECK_STR(v.first, "kernel-leak-or-bug");
}

/* A 32-bit box whose RAM all fits lowmem (512 MiB i686, "0 pages
 * HighMem"): an order-1 atomic request, Normal above min at order 0 with
 * single pages only, is fragmentation, not lowmem pressure (R1500); with
 * HighMem pages counted, lowmem pressure stays possible. */
#define NOHIGH_ORDER1(highmem) \
	"[900.1] kworker/0:1: page allocation failure: order:1, mode:0x4020\n" \
	"[900.1] Pid: 31, comm: kworker/0:1 Not tainted 3.0.0-15-generic #26-Ubuntu\n" \
	"[900.1] Mem-Info:\n" \
	"[900.1] active_anon:40000 inactive_anon:20000 isolated_anon:0\n" \
	"[900.1]  active_file:20000 inactive_file:18000 isolated_file:0\n" \
	"[900.1]  unevictable:0 dirty:10 writeback:0 unstable:0\n" \
	"[900.1]  free:1291 slab_reclaimable:4000 slab_unreclaimable:3000\n" \
	"[900.1]  mapped:5000 shmem:300 pagetables:800 bounce:0\n" \
	"[900.1] DMA free:1968kB min:88kB low:108kB high:132kB active_anon:4000kB inactive_anon:2000kB active_file:3000kB inactive_file:2000kB unevictable:0kB present:15804kB mlocked:0kB all_unreclaimable? no\n" \
	"[900.1] lowmem_reserve[]: 0 483 483 483\n" \
	"[900.1] Normal free:3196kB min:2764kB low:3452kB high:4144kB active_anon:156000kB inactive_anon:78000kB active_file:77000kB inactive_file:70000kB unevictable:0kB present:495936kB mlocked:0kB all_unreclaimable? no\n" \
	"[900.1] lowmem_reserve[]: 0 0 0 0\n" \
	"[900.1] DMA: 20*4kB 15*8kB 10*16kB 8*32kB 4*64kB 3*128kB 2*256kB 0*512kB 0*1024kB 0*2048kB 0*4096kB = 1968kB\n" \
	"[900.1] Normal: 799*4kB 0*8kB 0*16kB 0*32kB 0*64kB 0*128kB 0*256kB 0*512kB 0*1024kB 0*2048kB 0*4096kB = 3196kB\n" \
	"[900.1] Free swap  = 354000kB\n" \
	"[900.1] Total swap = 497000kB\n" \
	"[900.1] 128864 pages RAM\n" \
	"[900.1] " highmem " pages HighMem\n" \
	"[900.1] 3000 pages reserved\n"

TEST(all_lowmem_box_order1_is_fragmentation_not_lowmem_pressure)
{
	struct seen s = explain(NOHIGH_ORDER1("0"));
	CHECK_STR(s.first, "fragmentation-high-order");
	CHECK(!has(&s, "lowmem-pressure"));
	/* the page totals cut away: a pre-6.0 report whose buddy lines list
	 * no HighMem says the same (R1889) */
	char cut[4096];
	const char *full = NOHIGH_ORDER1("0");
	const char *end = strstr(full, "[900.1] Free swap");
	snprintf(cut, sizeof(cut), "%.*s", (int)(end - full), full);
	struct seen t = explain(cut);
	CHECK_STR(t.first, "fragmentation-high-order");
	CHECK(!has(&t, "lowmem-pressure"));
}

/* A huge-page vmalloc's failure ("page order 9" form, printed by 6.3-era
 * kernels only) with zones roomy but no usable order-9 block: the 6.3
 * regression's spurious warning leads, fragmentation second, saying vmalloc
 * falls back to order-0 pages and 6.4+ drop the warning (R1533, R1534) */
#define HUGE_VMALLOC_63 \
	"[100.1] qemu: vmalloc error: size 0, page order 9, failed to allocate pages, mode:0xdc2(GFP_KERNEL|__GFP_HIGHMEM|__GFP_ZERO), nodemask=(null),cpuset=/,mems_allowed=0\n" \
	"[100.1] CPU: 3 PID: 16084 Comm: qemu Not tainted 6.3.9-gentoo #1\n" \
	"[100.1] Mem-Info:\n" \
	"[100.1] active_anon:100000 inactive_anon:100000 isolated_anon:0\n" \
	"[100.1]  active_file:200000 inactive_file:200000 isolated_file:0\n" \
	"[100.1]  free:1100000 free_pcp:100 free_cma:0\n" \
	"[100.1] Node 0 Normal free:4400000kB boost:0kB min:58000kB low:72000kB high:86000kB reserved_highatomic:0KB active_anon:400000kB inactive_anon:400000kB active_file:800000kB inactive_file:800000kB present:8000000kB managed:7800000kB\n" \
	"[100.1] lowmem_reserve[]: 0 0 0 0 0\n" \
	"[100.1] Node 0 Normal: 100000*4kB (UME) 200000*8kB (UME) 100000*16kB (UME) 10000*32kB (UME) 1000*64kB (UM) 500*128kB (UM) 100*256kB (UM) 10*512kB (UM) 1*1024kB (M) 0*2048kB 0*4096kB = 4400000kB\n" \
	"[100.1] Free swap  = 0kB\n" \
	"[100.1] Total swap = 0kB\n"

TEST(huge_vmalloc_warning_is_the_6_3_regression_then_fragmentation)
{
	struct seen s = explain(HUGE_VMALLOC_63);
	CHECK_STR(s.first, "kernel-oom-regression");
	CHECK(evidence_has(&s, "80b1d8fdfad1"));
	CHECK(has(&s, "fragmentation-high-order"));
	CHECK(!has(&s, "driver-allocation-failed"));
}

/* ... the fragmentation finding beside it names the fallback */
TEST(huge_vmalloc_failure_fragmentation_says_the_fallback)
{
	struct seen s = explain_for(HUGE_VMALLOC_63, "fragmentation-high-order");
	CHECK(evidence_has(&s, "vmalloc falls back to order-0 pages"));
}


/* 2.6 i686 shapes of the eighteenth holdout:
 * - an order-1 atomic request on a 512 MiB box whose HighMem zone is
 *   printed empty ("present:0kB", "0 pages of HIGHMEM"): fragmentation, no
 *   lowmem split to starve in (R1617);
 * - a GFP_KERNEL request on a 16 GiB box, Normal below min and held by
 *   page tables, HighMem with 40 MiB free over its high mark and most of
 *   RAM: lowmem exhausted beside HighMem (R1613);
 * - an atomic order-0 request there: the atomic reserve leads (R1615). */
#define I686_26(trigger, normal, buddy, highmem, highpages) \
	trigger \
	"[100.1] Mem-info:\n" \
	"[100.1] DMA per-cpu:\n" \
	"[100.1] cpu 0 hot: high 0, batch 1 used:0\n" \
	"[100.1] Free pages:        5000kB (0kB HighMem)\n" \
	"[100.1] Active:30000 inactive:40000 dirty:100 writeback:0 unstable:0 free:1250 slab:3000 mapped:20000 pagetables:152848\n" \
	"[100.1] DMA free:2016kB min:88kB low:108kB high:132kB active:4000kB inactive:3000kB present:16384kB pages_scanned:0 all_unreclaimable? no\n" \
	"[100.1] lowmem_reserve[]: 0 880 16368\n" \
	normal \
	highmem \
	"[100.1] DMA: 4*4kB 2*8kB 3*16kB 2*32kB 1*64kB 2*128kB 2*256kB 1*512kB 0*1024kB 0*2048kB 0*4096kB = 2016kB\n" \
	buddy \
	"[100.1] Swap cache: add 0, delete 0, find 0/0, race 0+0\n" \
	"[100.1] Free swap  = 7800000kB\n" \
	"[100.1] Total swap = 7800000kB\n" \
	"[100.1] Free swap:       7800000kB\n" \
	highpages

TEST(i686_26_lowmem_shapes)
{
	struct seen a = explain(I686_26(
		"[100.1] java: page allocation failure. order:1, mode:0x20\n",
		"[100.1] Normal free:3596kB min:2804kB low:3504kB high:4204kB active:200000kB inactive:180000kB present:507904kB pages_scanned:0 all_unreclaimable? no\n"
		"[100.1] lowmem_reserve[]: 0 0 0\n",
		"[100.1] Normal: 767*4kB 0*8kB 1*16kB 0*32kB 0*64kB 0*128kB 0*256kB 1*512kB 0*1024kB 0*2048kB 0*4096kB = 3596kB\n",
		"[100.1] HighMem free:0kB min:128kB low:128kB high:128kB active:0kB inactive:0kB present:0kB pages_scanned:0 all_unreclaimable? no\n"
		"[100.1] lowmem_reserve[]: 0 0 0\n",
		"[100.1] 131056 pages of RAM\n[100.1] 0 pages of HIGHMEM\n"));
	CHECK_STR(a.first, "fragmentation-high-order");
	CHECK(!has(&a, "lowmem-pressure"));
	struct seen b = explain(I686_26(
		"[100.1] oom-killer: gfp_mask=0xd0, order=0\n",
		"[100.1] Normal free:3692kB min:3756kB low:4692kB high:5632kB active:200kB inactive:188kB present:901120kB pages_scanned:1000 all_unreclaimable? yes\n"
		"[100.1] lowmem_reserve[]: 0 0 123896\n",
		"[100.1] Normal: 913*4kB 0*8kB 0*16kB 0*32kB 0*64kB 0*128kB 0*256kB 0*512kB 0*1024kB 0*2048kB 0*4096kB = 3652kB\n",
		"[100.1] HighMem free:40200kB min:512kB low:18148kB high:35784kB active:9009812kB inactive:6900000kB present:15859712kB pages_scanned:0 all_unreclaimable? no\n"
		"[100.1] lowmem_reserve[]: 0 0 0\n",
		"[100.1] 4194303 pages of RAM\n[100.1] 3964928 pages of HIGHMEM\n"));
	CHECK_STR(b.first, "lowmem-exhausted-highmem-free");
	/* the same box with HighMem balanced at its marks and swap full (2.6.9
	 * prints "Free swap:" alone; the swap cache took pages): HighMem's
	 * room is nothing to spare, the whole machine ran out (R2769) */
	struct seen d = explain(
		"[100.1] oom-killer: gfp_mask=0xd0\n"
		"[100.1] Mem-info:\n"
		"[100.1] Free pages:       17752kB (1600kB HighMem)\n"
		"[100.1] Active:3607775 inactive:424687 dirty:184 writeback:0 unstable:0 free:4438 slab:49089 mapped:3423565 pagetables:47034\n"
		"[100.1] DMA free:12456kB min:64kB low:128kB high:192kB active:0kB inactive:0kB present:16384kB pages_scanned:0 all_unreclaimable? yes\n"
		"[100.1] protections[]: 0 0 0\n"
		"[100.1] Normal free:3696kB min:3728kB low:7456kB high:11184kB active:305804kB inactive:120012kB present:901120kB pages_scanned:1 all_unreclaimable? no\n"
		"[100.1] protections[]: 0 0 0\n"
		"[100.1] HighMem free:1600kB min:512kB low:1024kB high:1536kB active:14125208kB inactive:1578952kB present:16908288kB pages_scanned:0 all_unreclaimable? no\n"
		"[100.1] protections[]: 0 0 0\n"
		"[100.1] Swap cache: add 3704763, delete 3347881, find 663746/1132339, race 40+367\n"
		"[100.1] Free swap:            0kB\n"
		"[100.1] 4456448 pages of RAM\n"
		"[100.1] 3962544 pages of HIGHMEM\n"
		"[100.1] 300937 reserved pages\n"
		"[100.1] 357033 pages swap cached\n"
		"[100.1] Out of Memory: Killed process 15527 (httpd).\n");
	CHECK_STR(d.first, "genuine-exhaustion-swap-full");
	CHECK(!has(&d, "lowmem-exhausted-highmem-free"));
	struct seen c = explain(I686_26(
		"[100.1] swapper: page allocation failure. order:0, mode:0x20\n",
		"[100.1] Normal free:1412kB min:3756kB low:4692kB high:5632kB active:50000kB inactive:838708kB present:901120kB pages_scanned:0 all_unreclaimable? no\n"
		"[100.1] lowmem_reserve[]: 0 0 8768\n",
		"[100.1] Normal: 353*4kB 0*8kB 0*16kB 0*32kB 0*64kB 0*128kB 0*256kB 0*512kB 0*1024kB 0*2048kB 0*4096kB = 1412kB\n",
		"[100.1] HighMem free:1160424kB min:512kB low:2048kB high:3584kB active:50000kB inactive:50000kB present:1179648kB pages_scanned:0 all_unreclaimable? no\n"
		"[100.1] lowmem_reserve[]: 0 0 0\n",
		"[100.1] 524288 pages of RAM\n[100.1] 294912 pages of HIGHMEM\n"));
	CHECK_STR(c.first, "atomic-reserves-exhausted");
	CHECK(has(&c, "lowmem-exhausted-highmem-free"));
}

/* "Free swap" printed without "Total swap": a trimmed kill report that
 * kept "Free swap  = 0kB" (show_swap_cache_info prints the total on the
 * next line, so it was cut) reads swap full; 2.6.9's "Free swap:" at 0
 * reads full only when the swap cache took pages, and not when its
 * counters are 0 (no swap ever held a page). */
TEST(free_swap_zero_without_its_total)
{
	struct seen s = explain(
		"22:56:24 host kernel: irqbalance invoked oom-killer: gfp_mask=0x280da, order=0, oom_score_adj=0\n"
		"......\n"
		"22:56:24 host kernel: Free swap  = 0kB\n"
		"......\n"
		"22:56:24 host kernel: Out of memory: Kill process 7815 (redis-server) score 516 or sacrifice child\n"
		"22:56:24 host kernel: Killed process 7815 (redis-server) total-vm:4520288kB, anon-rss:4376284kB, file-rss:32kB\n");
	CHECK_STR(s.first, "genuine-exhaustion-swap-full");
	CHECK(s.conf == CONF_LOW);
	CHECK(evidence_has(&s, "Total swap"));
	/* the Total printed at 0: no swap */
	s = explain(
		"kernel: irqbalance invoked oom-killer: gfp_mask=0x280da, order=0, oom_score_adj=0\n"
		"kernel: Free swap  = 0kB\n"
		"kernel: Total swap = 0kB\n"
		"kernel: Out of memory: Kill process 7815 (redis-server) score 516 or sacrifice child\n"
		"kernel: Killed process 7815 (redis-server) total-vm:4520288kB, anon-rss:4376284kB, file-rss:32kB\n");
	CHECK_STR(s.first, "genuine-exhaustion-no-swap");
	/* 2.6.9: the swap cache took 778561 pages, none free on swap */
	s = explain(
		"oom-killer: gfp_mask=0x201d2\n"
		"Swap cache: add 778561, delete 778496, find 162567/194519, race 0+30\n"
		"Free swap:            0kB\n"
		"Out of Memory: Killed process 4242 (httpd).\n");
	CHECK_STR(s.first, "genuine-exhaustion-swap-full");
	CHECK(evidence_has(&s, "swap cache"));
	/* … its counters at 0: nothing says swap was there */
	s = explain(
		"oom-killer: gfp_mask=0x201d2\n"
		"Swap cache: add 0, delete 0, find 0/0, race 0+0\n"
		"Free swap:            0kB\n"
		"Out of Memory: Killed process 4242 (httpd).\n");
	CHECK(strcmp(s.first, "genuine-exhaustion-swap-full") != 0);
}

/* A 2.6 kernel whose report shows no swap line: the machines of that era
 * came with a swap partition, so swap was there and full; 3.x and later
 * keep the no-swap prior. */
TEST(era_before_3_takes_swap_as_there)
{
	struct seen s = explain(
		"Jun  1 10:00:00 web kernel: httpd invoked oom-killer: gfp_mask=0x201d2, order=0, oomkilladj=0\n"
		"Jun  1 10:00:00 web kernel: Pid: 4242, comm: httpd Not tainted 2.6.18-308.el5 #1\n"
		"Jun  1 10:00:00 web kernel:  [<ffffffff800c96d5>] out_of_memory+0x8e/0x2f3\n");
	CHECK_STR(s.first, "genuine-exhaustion-swap-full");
	CHECK(s.conf == CONF_LOW);
	CHECK(strstr(s.note, "era") != NULL);
	s = explain(
		"Jun  1 10:00:00 web kernel: httpd invoked oom-killer: gfp_mask=0x201da, order=0, oom_score_adj=0\n"
		"Jun  1 10:00:00 web kernel: CPU: 1 PID: 4242 Comm: httpd Not tainted 3.10.0-1160.el7.x86_64 #1\n");
	CHECK_STR(s.first, "genuine-exhaustion-no-swap");
	/* the kill pair of a 2.6.32 report, the release on the CPU line */
	s = explain(
		"Jun  1 10:00:00 web kernel: Pid: 7815, comm: ruby Not tainted 2.6.32-431.el6.x86_64 #1\n"
		"Jun  1 10:00:00 web kernel: Out of memory: Kill process 7815 (ruby) score 516 or sacrifice child\n"
		"Jun  1 10:00:00 web kernel: Killed process 7815, UID 0, (ruby) total-vm:4520288kB, anon-rss:4376284kB, file-rss:32kB\n");
	CHECK_STR(s.first, "genuine-exhaustion-swap-full");
	/* swap printed at 0 stays no swap whatever the era */
	s = explain(
		"Jun  1 10:00:00 web kernel: httpd invoked oom-killer: gfp_mask=0x201d2, order=0, oomkilladj=0\n"
		"Jun  1 10:00:00 web kernel: Pid: 4242, comm: httpd Not tainted 2.6.18-308.el5 #1\n"
		"Jun  1 10:00:00 web kernel: Free swap  = 0kB\n"
		"Jun  1 10:00:00 web kernel: Total swap = 0kB\n");
	CHECK_STR(s.first, "genuine-exhaustion-no-swap");
}

/* A 32-bit kernel's lowmem request with no zone line (rule_lowmem_request_blind):
 * an OOM on x86 reads lowmem exhausted beside HighMem (where user memory
 * lives beyond 896 MiB); on 32-bit ARM, whose boards often fit RAM in
 * lowmem, lowmem pressure; an atomic failure, the atomic reserve first. */
TEST(lowmem_request_blind_x86_oom_reads_highmem_free)
{
	struct seen s = explain(
		"Feb  2 04:10:01 ldr kernel: python invoked oom-killer: gfp_mask=0x2084d0, order=0, oom_score_adj=0\n"
		"Feb  2 04:10:01 ldr kernel: CPU: 0 PID: 593 Comm: python Tainted: G           O 3.14.24 #4\n"
		"Feb  2 04:10:01 ldr kernel: [<c171e79e>] dump_stack+0x4b/0x75\n"
		"Feb  2 04:10:01 ldr kernel: [<c171b7a0>] dump_header.isra.9+0x77/0x1ee\n");
	CHECK_STR(s.first, "lowmem-exhausted-highmem-free");
	CHECK(s.conf == CONF_LOW);
	CHECK(!has(&s, "lowmem-pressure"));
	s = explain(
		"[ 100.000000] python invoked oom-killer: gfp_mask=0x2084d0, order=0, oom_score_adj=0\n"
		"[ 100.000000] CPU: 0 PID: 593 Comm: python Not tainted 4.19.66-v7+ #1253\n"
		"[ 100.000000] Hardware name: BCM2835\n"
		"[ 100.000000] [<8010ffe0>] (unwind_backtrace) from [<8010c240>] (show_stack+0x20/0x24)\n");
	CHECK_STR(s.first, "lowmem-pressure");
	CHECK(!has(&s, "lowmem-exhausted-highmem-free"));
}

/* A pasted "echo f > /proc/sysrq-trigger" before a report whose head is
 * cut (dmesg output from the task table on): that report is the manual
 * OOM's; typed again before the next, each report takes its own. */
TEST(pasted_sysrq_f_command_marks_the_report_after_it)
{
	static const char rows[] =
		"[ pid ]   uid  tgid total_vm      rss cpu oom_adj oom_score_adj name\n"
		"[  586]     0   586     2780      326   0     -17         -1000 udevd\n"
		"[21107]     0 21107    44351      962   1      15          1000 httpd\n"
		"Out of memory: Kill process 21107 (httpd) score 1000 or sacrifice child\n"
		"Killed process 21109, UID 48, (httpd) total-vm:177404kB, anon-rss:1780kB, file-rss:676kB\n";
	char text[2048];
	snprintf(text, sizeof(text), "# echo 15 > /proc/21107/oom_adj\n# echo f > /proc/sysrq-trigger\n# dmesg\n%s", rows);
	struct seen s = explain(text);
	CHECK_STR(s.first, "manual-sysrq");
	snprintf(text, sizeof(text), "$ echo 'f' | sudo tee /proc/sysrq-trigger\n%s", rows);
	s = explain(text);
	CHECK_STR(s.first, "manual-sysrq");
	/* another key (m: show memory) is no manual OOM */
	snprintf(text, sizeof(text), "# echo m > /proc/sysrq-trigger\n%s", rows);
	s = explain(text);
	CHECK(strcmp(s.first, "manual-sysrq") != 0);
	CHECK(report_is_sysrq_f_command("sudo echo f > /proc/sysrq-trigger", 33));
	CHECK(!report_is_sysrq_f_command("cat /proc/sysrq-trigger", 23));
	CHECK(!report_is_sysrq_f_command("echo fx > /proc/sysrq-trigger", 29));
}

int main(void)
{
	RUN(parser_inferred_kind_survives_diagnose);
	RUN(no_swap_lines_kernel_without_swap);
	RUN(lowmem_request_inferred_from_highmem_room);
	RUN(slab_nearly_all_lowmem_beside_highmem_leads);
	RUN(lowmem_exhausted_beside_unseen_highmem);
	RUN(panic_leads_without_evidence);
	RUN(cma_alloc_failure_alone_is_a_driver_allocation);
	RUN(zone_line_without_free_cma_reads_c_letters);
	RUN(kill_line_shmem_victim_is_shmem_tmpfs);
	RUN(compulsory_panic_leads_a_cgroup_oom);
	RUN(panic_stays_behind_a_cause);
	RUN(allocating_task_leads_without_evidence);
	RUN(plain_selection_is_no_allocating_task);
	RUN(score_zero_victim_says_where_memory_is_not);
	RUN(bare_kill_line_read_as_system_wide);
	RUN(desktop_firmware_says_swap_was_there);
	RUN(premature_zone_far_above_high);
	RUN(premature_not_for_a_zone_just_above_high);
	RUN(premature_not_for_high_order);
	RUN(premature_request_unknown_low);
	RUN(premature_request_unknown_not_on_two_nodes);
	RUN(premature_highatomic_reserve);
	RUN(premature_highatomic_needs_h_letters);
	RUN(premature_clean_page_cache);
	RUN(premature_clean_page_cache_small_order);
	RUN(nommu_mapping_without_a_block);
	RUN(premature_not_for_dirty_page_cache);
	RUN(premature_memcg_dirty);
	RUN(memcg_v1_dirty_is_the_limit);
	RUN(memcg_usage_above_limit_leads);
	RUN(boot_dma_zone_empty);
	RUN(boot_dma_not_for_an_interrupt_later);
	RUN(lowmem_pressure_cma_in_lowmem_inferred);
	RUN(lowmem_pressure_needs_the_lowmem_only_print);
	RUN(lowmem_pressure_request_known);
	RUN(slab_filling_lowmem_leads_lowmem_pressure);
	RUN(atomic_failure_with_free_memory_in_cma);
	RUN(lowmem_pressure_from_free_beyond_lowmem);
	RUN(slab_table_alone);
	RUN(slab_table_defers_to_the_counters);
	RUN(gfp_era_from_printed_names);
	RUN(gfp_era_from_a_bare_mask);
	RUN(zones_below_their_marks_without_swap_lines);
	RUN(buddy_only_cma_blocks);
	RUN(cma_summary_blocks);
	RUN(cma_from_buddy_letters_alone);
	RUN(cma_from_the_summary_with_one_zone);
	RUN(memcg_v1_parent_stats_line_is_not_a_leak);
	RUN(memcg_v1_children_lines_count);
	RUN(memcg_v1_own_zero_stats_stay_unaccounted);
	RUN(memcg_limit_from_the_kill_line_alone);
	RUN(memcg_v2_sock_is_the_limit);
	RUN(memcg_inferred_from_no_killable_without_panic);
	RUN(lowmem_with_room_at_order0_is_fragmentation);
	RUN(scarce_high_order_blocks_are_fragmentation);
	RUN(scarce_blocks_beside_a_dma_zone_at_its_reserve);
	RUN(min_mark_itself_is_unusual);
	RUN(nodemask_without_node0_is_mempolicy);
	RUN(kernel_memory_with_slab_line_cut);
	RUN(boot_reserved_most_of_ram);
	RUN(boot_reserved_not_long_after_boot);
	RUN(boot_reserved_nine_tenths_without_uptime);
	RUN(boot_reserved_half_filled_by_a_workload);
	RUN(boot_reserved_not_for_boot_huge_pages);
	RUN(boot_reserved_not_for_a_normal_share);
	RUN(bogus_lowmem_reserve_is_a_kernel_bug);
	RUN(one_glued_reserve_is_no_kernel_bug);
	RUN(slab_against_counters_without_ram);
	RUN(slab_against_counters_needs_half);
	RUN(cpuset_mems_as_nodemask_is_cpuset);
	RUN(dma32_request_outside_the_cpuset_nodes);
	RUN(most_of_a_small_board_in_no_counter);
	RUN(kill_lines_and_summaries_alone);
	RUN(trigger_header_alone);
	RUN(deadlocked_panic_is_no_killable_not_panic_on_oom);
	RUN(deadlocked_panic_above_its_stack_is_no_killable);
	RUN(zone_lines_alone_anon_full_is_exhaustion_low);
	RUN(fragment_free_mostly_cma_is_cma_unusable_low);
	RUN(buddy_only_order0_cma_and_highatomic_is_cma_unusable);
	RUN(pagefault_gfp0_with_zone_room_is_a_fault_handler_bug);
	RUN(pagefault_gfp0_with_swap_free_is_a_fault_handler_bug_low);
	RUN(dma32_request_on_32bit_is_lowmem_with_highmem_free);
	RUN(order1_request_with_normal_blocks_cut_is_lowmem_with_highmem_free);
	RUN(header_alone_global_order0_is_exhaustion_low);
	RUN(header_with_swap_room_stays_unknown);
	RUN(task_rows_alone_follow_swapents);
	RUN(kill_in_a_login_session_names_swap_full);
	RUN(pasted_free_says_what_swap_there_was);
	RUN(evidence_class_leaves_decided_shapes_alone);
	RUN(header_alone_with_charge_mask_is_memcg_low);
	RUN(header_alone_not_a_charge_stays_global);
	RUN(no_killable_with_empty_table_leads_consumers);
	RUN(atomic_order0_without_highmem_leads_lowmem);
	RUN(shmem_against_counters_without_ram);
	RUN(shmem_against_counters_needs_half);
	RUN(unevictable_against_counters_without_ram);
	RUN(order2_highatomic_only_with_page_cache_is_fragmentation);
	RUN(order2_highatomic_only_without_page_cache_is_not_fragmentation);
	RUN(atomic_order1_below_min_without_buddy_is_atomic_reserves);
	RUN(atomic_order1_above_min_without_buddy_is_not_atomic_reserves);
	RUN(atomic_order0_every_zone_under_min_is_atomic_reserves);
	RUN(zones_drained_with_free_swap_is_atomic_reserves);
	RUN(zones_at_min_with_free_swap_is_not_atomic_reserves);
	RUN(zones_drained_with_swap_gone_stays_swap_full);
	RUN(huge_normal_zones_with_four_wide_reserve_are_not_lowmem);
	RUN(masked_gfp_names_give_the_request);
	RUN(failure_order_with_page_cache_is_fragmentation_low);
	RUN(failed_memalloc_request_means_empty_reserves);
	RUN(printed_full_swap_with_no_room_is_swap_full_medium);
	RUN(zero_watermarks_are_min_free_kbytes);
	RUN(zone_lines_alone_show_kernel_memory);
	RUN(free_only_in_highatomic_blocks);
	RUN(reserved_highatomic_decides_the_mark);
	RUN(named_cpuset_short_while_free_elsewhere_is_cpuset);
	RUN(zones_drained_below_the_atomic_mark_are_atomic_reserves);
	RUN(kernel_memory_floor_is_relative_on_a_small_board);
	RUN(zone_lines_count_their_slab_and_unevictable);
	RUN(kill_lines_alone_take_the_next_reports_reading);
	RUN(old_zone_lists_show_lowmem_in_no_counter);
	RUN(failure_tail_takes_the_next_failures_reading);
	RUN(unstamped_failure_tail_takes_the_next_failures_reading);
	RUN(zone_anon_stands_in_for_a_cut_summary_line);
	RUN(zone_shmem_counts_in_a_fragment);
	RUN(memcg_oom_far_below_its_limits_is_stale);
	RUN(isa_dma_request_is_the_callers);
	RUN(swap_room_beside_anon_is_premature);
	RUN(swap_room_beside_old_lru_lists_is_premature);
	RUN(swap_room_beside_old_lru_lists_highmem_request);
	RUN(kill_beside_highmem_buddy_room_is_lowmem);
	RUN(order2_oom_with_swap_printed_full_reads_swap);
	RUN(dma32_request_without_a_dma32_zone_is_the_callers);
	RUN(sparc64_marks_and_kernel_memory_from_node_lines);
	RUN(highmem_room_means_a_lowmem_request);
	RUN(slab_share_follows_the_request_on_32bit);
	RUN(marginal_pass_is_no_room);
	RUN(reclaimable_slab_beside_a_missing_block_is_fragmentation);
	RUN(scarce_blocks_behind_an_oom);
	RUN(dev_snapshot_without_a_cause_suspects_the_tree);
	RUN(old_lru_lists_with_present_zones_show_kernel_memory);
	RUN(anon_fills_ram_beside_one_zones_small_room);
	RUN(buddy_sum_under_a_twentieth_without_swap_is_exhaustion);
	RUN(costly_lowmem_request_above_high_lacks_a_block);
	RUN(buddy_only_dma_behind_its_default_reserve);
	RUN(buddy_only_dma_behind_reserve_of_4g_on_x86_64);
	RUN(buddy_only_dma_behind_reserve_of_counted_memory);
	RUN(order_blocks_only_in_cma_lists_are_cma_unusable);
	RUN(costly_order_failure_above_min_is_fragmentation_before_shmem);
	RUN(buddy_only_scarce_blocks_above_any_min);
	RUN(pagefault_gfp0_without_figures_is_a_fault_handler_or_charge);
	RUN(all_lowmem_box_order1_is_fragmentation_not_lowmem_pressure);
	RUN(huge_vmalloc_warning_is_the_6_3_regression_then_fragmentation);
	RUN(huge_vmalloc_failure_fragmentation_says_the_fallback);
	RUN(i686_26_lowmem_shapes);
	RUN(free_swap_zero_without_its_total);
	RUN(era_before_3_takes_swap_as_there);
	RUN(lowmem_request_blind_x86_oom_reads_highmem_free);
	RUN(pasted_sysrq_f_command_marks_the_report_after_it);
	RUN(spurious_oom_2610_zone_over_twice_high);
	RUN(spurious_oom_2610_needs_the_era_and_the_room);
	RUN(spurious_oom_2610_while_reclaim_progressed);
	RUN(header_without_order_still_reads_exhaustion);
	return check_summary();
}
