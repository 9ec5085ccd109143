/* test_report_damaged.c — facts read right on damaged reports (issue 8 §2):
 * quoted-printable mail bodies, quoted pastes wrapped twice, prefixes that
 * no transport rule knows, the arch a report's text supports.  Synthetic
 * text of each shape, through report_read_mem like `explain`. */
#include <stdio.h>
#include <string.h>

#include "check.h"
#include "events.h"
#include "model/event.h"
#include "report/report.h"
#include "report/linekind.h"
#include "util/util.h"

struct ev1 {
	int events;
	struct oom_event first;
};

static void on_event(struct oom_event *ev, void *ctx)
{
	struct ev1 *e = ctx;
	if (e->events++ == 0)
		e->first = *ev;
}

static void read_text(const char *text, struct ev1 *e)
{
	memset(e, 0, sizeof(*e));
	CHECK(report_read_mem(text, strlen(text), "test", on_event, NULL, e) >= 0);
}

/* One text and the fields it must read as: a string left NULL, or a
 * number not given as IS(v), is not asked.  A failure names the row. */
struct want_num {
	bool on;
	int64_t v;
};
#define IS(v) { true, (v) }

struct read_case {
	const char *name, *text;
	struct want_num events;
	const char *trigger_comm;
	struct want_num trigger_pid, order;
	const char *gfp_text;
	struct want_num gfp_mask, gfp_known;
	const char *nodemask, *kernel, *arch;
	struct want_num header_missing;
	const char *kind;                 /* oom_kind_name() */
	struct want_num outcome;
	const char *constraint, *cpuset, *mems_allowed, *oom_memcg, *task_memcg;
	struct want_num truncated, first_line, swap_free_kib, swap_total_kib;
	struct want_num have_victim, selected_pid;
	const char *selected_comm;
	struct want_num victim_pid;
	const char *victim_comm;
	struct want_num victim_adj, total_vm_kib, anon_rss_kib, file_rss_kib, shmem_rss_kib;
	const char *time;                 /* the event's time as printed */
};

#define ASK_NUM(got, want) do { if ((want).on) CHECK_INT(got, (want).v); } while (0)
#define ASK_STR(got, want) do { if (want) CHECK_STR(got, want); } while (0)

static void check_reads(const struct read_case *cases, size_t n)
{
	const char *test = check_current;
	for (size_t i = 0; i < n; i++) {
		const struct read_case *c = &cases[i];
		char name[160];
		snprintf(name, sizeof(name), "%s: %s", test, c->name);
		check_current = name;
		struct ev1 e;
		read_text(c->text, &e);
		const struct oom_event *ev = &e.first;
		ASK_NUM(e.events, c->events);
		ASK_STR(ev->req.trigger_comm, c->trigger_comm);
		ASK_NUM(ev->req.trigger_pid, c->trigger_pid);
		ASK_NUM(ev->req.order, c->order);
		ASK_STR(ev->req.gfp_text, c->gfp_text);
		ASK_NUM(ev->req.gfp_mask, c->gfp_mask);
		ASK_NUM(ev->req.gfp_known, c->gfp_known);
		ASK_STR(ev->req.nodemask, c->nodemask);
		ASK_STR(ev->kernel, c->kernel);
		ASK_STR(ev->arch, c->arch);
		ASK_NUM(ev->header_missing, c->header_missing);
		ASK_STR(oom_kind_name(ev->kind), c->kind);
		ASK_NUM(ev->outcome, c->outcome);
		ASK_STR(ev->constraint, c->constraint);
		ASK_STR(ev->cpuset, c->cpuset);
		ASK_STR(ev->mems_allowed, c->mems_allowed);
		ASK_STR(ev->oom_memcg, c->oom_memcg);
		ASK_STR(ev->task_memcg, c->task_memcg);
		ASK_NUM(ev->truncated, c->truncated);
		ASK_NUM(ev->first_line, c->first_line);
		ASK_NUM(ev->snap.mem.swap_free_kib, c->swap_free_kib);
		ASK_NUM(ev->snap.mem.swap_total_kib, c->swap_total_kib);
		ASK_NUM(ev->have_victim, c->have_victim);
		ASK_NUM(ev->victim.selected_pid, c->selected_pid);
		ASK_STR(ev->victim.selected_comm, c->selected_comm);
		ASK_NUM(ev->victim.pid, c->victim_pid);
		ASK_STR(ev->victim.comm, c->victim_comm);
		ASK_NUM(ev->victim.oom_score_adj, c->victim_adj);
		ASK_NUM(ev->victim.total_vm_kib, c->total_vm_kib);
		ASK_NUM(ev->victim.anon_rss_kib, c->anon_rss_kib);
		ASK_NUM(ev->victim.file_rss_kib, c->file_rss_kib);
		ASK_NUM(ev->victim.shmem_rss_kib, c->shmem_rss_kib);
		ASK_STR(ev->time, c->time);
	}
	check_current = test;
}

/* ---- quoted-printable ---------------------------------------------------- */

TEST(test_qp_encoded_newline_ends_the_line)
{
	/* a body whose every line ends "=0A=": its newline encoded, then a
	 * soft break (R451) — each is a line of its own, not one long one */
	const char *in =
		"[ 10.000001] app invoked oom-killer: gfp_mask=3D0xcc0(GFP_KERNEL), order=3D0, oom_s=\n"
		"core_adj=3D0=0A=\n"
		"[ 10.000002] CPU: 0 PID: 7 Comm: app Not tainted 6.6.32 #1=0A=\n"
		"[ 10.000003] Mem-Info:=0A=\n"
		"[ 10.000004] active_anon:103 inactive_anon:909 isolated_anon:0=0A=\n"
		"[ 10.000004]  free:50574 free_pcp:62 free_cma:0=0A=\n"
		"[ 10.000005] 273 total pagecache pages=0A=\n"
		"[ 10.000006] 0 pages in swap cache=0A=\n"
		"[ 10.000007] Free swap  =3D 0kB=0A=\n"
		"[ 10.000008] Total swap =3D 1024kB=0A=\n"
		"[ 10.000009] 524288 pages RAM=0A=\n"
		"[ 10.000010] Out of memory: Killed process 7 (app) total-vm:4180kB, a=\n"
		"non-rss:384kB, file-rss:640kB, shmem-rss:0kB, UID:0 pgtables:48kB oom_score=\n"
		"_adj:0=0A=\n";
	struct ev1 e;
	read_text(in, &e);
	CHECK_INT(e.events, 1);
	CHECK_INT(e.first.req.order, 0);
	CHECK_INT(e.first.req.trigger_oom_score_adj, 0);
	CHECK_STR(e.first.kernel, "6.6.32");
	CHECK_INT(e.first.snap.mem.swap_free_kib, 0);
	CHECK_INT(e.first.snap.mem.swap_total_kib, 1024);
	CHECK(!e.first.swap_inferred);
	CHECK_INT(e.first.snap.mem.ram_kib, 524288 * 4);
	CHECK_INT(e.first.victim.anon_rss_kib, 384);
	CHECK_INT(e.first.victim.oom_score_adj, 0);
}

/* A QP body whose first soft break is in the wrapped rest of the trigger
 * line (R1545): the rest is decoded and joined, the order read */
TEST(test_qp_found_in_a_wrapped_rest)
{
	const char *in =
		"I have tried it, but it still triggers the OOM.\n"
		"\n"
		"[   71.713649] dd invoked oom-killer:\n"
		"gfp_mask=3D0x101c4a(GFP_NOFS|__GFP_HIGHMEM|__GFP_HARDWALL|__GFP_MOVABLE|__G=\n"
		"FP_WRITE),\n"
		"order=3D3, oom_score_adj=3D0\n"
		"[   71.716317] CPU: 60 PID: 7218 Comm: dd Not tainted 6.8.0-rc6+ #26\n";
	struct ev1 e;
	read_text(in, &e);
	CHECK_INT(e.events, 1);
	CHECK_INT(e.first.req.order, 3);
	CHECK_STR(e.first.req.gfp_text, "0x101c4a(GFP_NOFS|__GFP_HIGHMEM|__GFP_HARDWALL|__GFP_MOVABLE|__GFP_WRITE)");
	CHECK_INT(e.first.req.trigger_oom_score_adj, 0);
}

/* A QP excerpt with no encoded byte in it (R6728: a task table and a kill
 * line, every one soft-broken at the encoder's 76 characters): the breaks
 * themselves show the body is QP, so the rows and the kill line are joined */
TEST(test_qp_known_by_its_76_column_breaks)
{
	const char *in =
		"   [   10.000001] [ pid ]   uid  tgid total_vm      rss nr_ptes nr_pmds swa=\n"
		"pents oom_score_adj name\n"
		"   [   10.000002] [  216]     0   216     2929      818       5       0    =\n"
		"    0         -1000 udevd\n"
		"   [   10.000003] [17466]     0 17466   291002   111920     300       0    =\n"
		"    0             0 firefox.real\n"
		"   [   10.000004] Killed process 17466 (firefox.real) total-vm:1164008kB, a=\n"
		"non-rss:447680kB, file-rss:97228kB, shmem-rss:7868kB\n";
	struct ev1 e;
	read_text(in, &e);
	CHECK_INT(e.events, 1);
	CHECK_INT(e.first.victim.pid, 17466);
	CHECK_STR(e.first.victim.comm, "firefox.real");
	CHECK_INT(e.first.victim.anon_rss_kib, 447680);
	CHECK_INT(e.first.victim.oom_score_adj, 0);
	CHECK_INT(e.first.snap.nr_tasks, 2);
}

/* A syslog line whose date was cut to its time of day ("19:18:21
 * kernel: …", R1680): no host, so the second changing mid-report does not
 * split it */
TEST(test_time_of_day_kernel_prefix_is_no_host)
{
	const char *in =
		"19:18:21 kernel: qemu-system-x86 invoked oom-killer: gfp_mask=0x0, order=0, oom_score_adj=0\n"
		"19:18:21 kernel: CPU: 8 PID: 11072 Comm: qemu-system-x86 Tainted: G    B        3.11.2-elastic #2\n"
		"19:18:21 kernel: Free swap  = 2239440kB\n"
		"19:18:22 kernel: [ pid ]   uid  tgid total_vm      rss nr_ptes swapents oom_score_adj name\n"
		"19:18:22 kernel: [ 1824]     0  1824  2604405  2359595    4653        0             0 qemu-system-x86\n"
		"19:18:22 kernel: Out of memory: Kill process 1824 (qemu-system-x86) score 71 or sacrifice child\n"
		"19:18:22 kernel: Killed process 1824 (qemu-system-x86) total-vm:10417620kB, anon-rss:9435368kB, file-rss:3012kB\n";
	struct ev1 e;
	read_text(in, &e);
	CHECK_INT(e.events, 1);
	CHECK_STR(e.first.host, "");
	CHECK_INT(e.first.victim.pid, 1824);
	CHECK_STR(e.first.kernel, "3.11.2-elastic");
}

/* ---- the arch the text supports ------------------------------------------ */

static void arch_of(const char *text, const char *want)
{
	struct ev1 e;
	read_text(text, &e);
	CHECK_INT(e.events, 1);
	CHECK_STR(e.first.arch, want);
}

static const char *const head =
	"app invoked oom-killer: gfp_mask=0xd0, order=0\n";   /* short: no wrap repair */

/* A body after the head line and the arch it says.  A failure names the row. */
struct arch_case {
	const char *name, *body, *arch;
};

static void check_arch_cases(const struct arch_case *cases, size_t n)
{
	const char *test = check_current;
	for (size_t i = 0; i < n; i++) {
		char name[160], t[2048];
		snprintf(name, sizeof(name), "%s: %s", test, cases[i].name);
		check_current = name;
		snprintf(t, sizeof(t), "%s%s", head, cases[i].body);
		arch_of(t, cases[i].arch);
	}
	check_current = test;
}

TEST(test_arch_from_frames_and_layout)
{
	static const struct arch_case cases[] = {
		/* x86's unreliable-frame mark: the width says 32 or 64 bit */
		{ "x86 unreliable mark, 8 digits",
		  " [<c015c4e1>] ? __alloc_pages_nodemask+0x423/0x468\n", "i686" },
		/* 16 digits outside x86_64's text range say nothing (loongarch, arm64) */
		{ "16 digits below x86_64's text",
		  "[<9000000000209c5c>] show_stack+0x9c/0x190\n", "" },
		{ "16 digits in x86_64's text",
		  "[<ffffffff81608d3d>] dump_stack+0x19/0x1b\n", "x86_64" },
		/* x86_64's raw stack words (≤4.8): direct map or kernel text */
		{ "x86_64 raw stack words",
		  "CPU: 3 PID: 1 Comm: x Not tainted\n0000000000000286 00000000c0f494ca ffff880d2a103c88 ffffffff813f6763\n", "x86_64" },
		{ "raw stack words outside x86_64's ranges",
		  "CPU: 3 PID: 1 Comm: x Not tainted\n0000000000000286 00000000c0f494ca 9000000000209c5c 0000000000000001\n", "" },
		/* 32-bit ARM's unwinder, addresses cut or not */
		{ "ARM unwinder, addresses cut",
		  "(dump_stack) from (dump_header+0x7c/0xe4)\n", "arm" },
		{ "ARM unwinder",
		  " oom_kill_process from out_of_memory+0x218/0x34c\n", "arm" },
		/* prose with "from" is no frame */
		{ "prose with from",
		  "data from disk+0x10/0x20 was lost\n", "" },
		/* MIPS show_stacktrace */
		{ "MIPS show_stacktrace",
		  "Stack : 805b0000 8055b2d8 00000000 00000000\n", "mips" },
		/* MIPS's syscall entry label in a frame */
		{ "MIPS syscall entry label",
		  "[<80013d70>] stack_done+0x20/0x44\n", "mips" },
		/* its TLB refill's way into the fault handler (R6322) */
		{ "MIPS tlb_do_page_fault",
		  "[<800750bc>] tlb_do_page_fault_0+0x10c/0x114\n", "mips" },
		/* mips64's interrupt path in CKSEG0, where x86_64's range
		 * overlaps (R4366); sh's 8-digit ret_from_irq names no arch */
		{ "mips64 interrupt path",
		  "Call Trace:\n[<ffffffff80016468>] dump_stack+0x8/0x38\n[<ffffffff80013760>] do_IRQ+0x18/0x28\n[<ffffffff80004420>] ret_from_irq+0x0/0x4\n", "mips64" },
		{ "sh ret_from_irq",
		  "[<8c0119a0>] ret_from_irq+0x0/0x10\n", "" },
		/* an x86-only label beside an 8-digit module frame: 32-bit x86,
		 * whose module area is not at 0xc0… (R4361) */
		{ "x86 label and an 8-digit module frame",
		  " [<e0850a47>] rtl8169_rx_interrupt+0x567/0x590 [r8169]\n [common_interrupt+35/48] common_interrupt+0x23/0x30\n", "i686" },
		/* powerpc's "[sp] [ret] func": two bracketed pointer-wide words */
		{ "powerpc sp and ret, 8 digits",
		  "Call Trace:\n[c1c65940] [c07926d4] dump_stack_lvl+0x80/0xac (unreliable)\n", "ppc" },
		{ "powerpc sp and ret, 16 digits",
		  "Call Trace:\n[c000000004a3f8d0] [c000000000c1e4a4] dump_stack+0xe8/0x13c\n", "ppc64" },
		{ "powerpc frame cut",
		  "[c1c65940] [c07926d4\n", "" },
		/* sparc64: its 16-digit frames say only 64 bit; its fault path names it */
		{ "sparc64 frames alone",
		  "Call Trace:\n[<0000000000ca531c>] dump_stack+0x8/0x18\n", "" },
		{ "sparc64 fault path",
		  "Call Trace:\n[<0000000000ca531c>] dump_stack+0x8/0x18\n"
		  "[<0000000000cb2cb8>] do_sparc64_fault+0x4f8/0xa20\n", "sparc64" },
		/* more arches' own frames and lines; each with the arch it says */
		/* riscv64: walk_stackframe / ret_from_exception frames of 16 digits */
		{ "riscv64 walk_stackframe",
		  "Call Trace:\n[<ffffffe000043992>] walk_stackframe+0x0/0xaa\n", "riscv64" },
		/* a 16-digit frame below ffffffff… is no x86_64 kernel: DMA32 and
		 * "Call Trace:" do not make it one */
		{ "16 digits below x86_64 with DMA32",
		  "Call Trace:\n[<000000008011c2f2>] 0x000000008011c2f2\nMem-Info:\n"
		  "DMA32 free:3180kB min:296kB low:368kB high:440kB present:8192kB\n", "" },
		{ "x86_64 frame with DMA32",
		  "Call Trace:\n[<ffffffff8011c2f2>] dump_stack+0x1/0x2\nMem-Info:\n"
		  "DMA32 free:3180kB min:296kB low:368kB high:440kB present:8192kB\n", "x86_64" },
		/* s390: its syscall wrappers and its four-digit machine type */
		{ "s390 syscall wrapper",
		  "Call Trace:\n [<00000001f875e39a>] __s390x_sys_ioctl+0x2a/0x40\n", "s390x" },
		{ "s390 machine type",
		  "Hardware name: IBM 8562 T02 Z06 (LPAR)\n", "s390x" },
		{ "IBM x86 server name",
		  "Hardware name: IBM System x3650 -[7979AC1]-/Server\n", "" },
		/* x86_64's syscall wrappers and ≤3.x entry label */
		{ "x86_64 syscall wrapper",
		  "Call Trace:\n __x64_sys_perf_event_open+0x22/0x30\n", "x86_64" },
		{ "x86_64 entry label",
		  "Call Trace:\n[<ffffffff8100b072>] ? system_call_fastpath+0x16/0x1b\n", "x86_64" },
		/* csky, 32-bit ARM without unwinder, ppc32's 2.6 one-word frames */
		{ "csky syscall",
		  "Call Trace:\n[<8004a246>] csky_systemcall+0x96/0xe0\n", "csky" },
		{ "ARM without unwinder",
		  "Backtrace:\nFunction entered at [<c0011738>] from [<c03019b8>]\n", "arm" },
		{ "ppc32 one-word frame",
		  "Call Trace:\n [c0007450] dump_stack+0x18/0x28\n", "ppc" },
		{ "ppc32 frame form without symbol",
		  "Call Trace:\n [c0007450] some words here\n", "" },
		/* powerpc's Hardware name: the cpu name says the width */
		{ "PowerMac 32-bit cpu",
		  "Hardware name: PowerMac3,6 7455 0x80010303 PowerMac\n", "ppc" },
		{ "PowerMac 64-bit cpu",
		  "Hardware name: PowerMac7,3 PPC970FX 0x003c0300 PowerMac\n", "ppc64" },
		/* an x86 platform and nothing saying 32 bit: x86_64 (arch.c) */
		{ "QEMU PC",
		  "Hardware name: QEMU Standard PC (i440FX + PIIX, 1996), BIOS 1.16.2 04/01/2014\n", "x86_64" },
		/* riscv64 links its kernel in x86_64's top 2 GiB too: a frame's
		 * address says x86_64 only until a label of riscv's own code */
		{ "riscv64 in x86_64's top 2 GiB",
		  "Call Trace:\n[<ffffffff8000688e>] dump_backtrace+0x1c/0x24\n"
		  "[<ffffffff80f63316>] do_page_fault+0x1e/0x36\n"
		  "[<ffffffff80f6ca42>] ret_from_exception+0x0/0x6e\n", "riscv64" },
		/* x86_64 confirmed by its own label stays */
		{ "x86_64 confirmed by its own label",
		  "Call Trace:\n[<ffffffff8100b072>] dump_stack+0x1/0x2\n"
		  "[<ffffffff8100b072>] system_call_fastpath+0x16/0x1b\n"
		  "[<ffffffff80f6ca42>] ret_from_exception+0x0/0x6e\n", "x86_64" },
		/* the AMD SRSO return thunks are x86_64's (CPU_SRSO depends on X86_64) */
		{ "SRSO alias return thunk",
		  "Call Trace:\n <TASK>\n dump_stack_lvl+0x4e/0x70\n ? srso_alias_return_thunk+0x5/0xfbef5\n", "x86_64" },
		{ "SRSO return thunk",
		  "Call Trace:\n <TASK>\n ? srso_return_thunk+0x5/0x5f\n", "x86_64" },
		/* the release names it; 32-bit x86 is "i686" whatever the build says */
		{ "x86-32 release",
		  "CPU: 3 PID: 1 Comm: app Not tainted 6.3.0-rc1-x86-32-debug+ #1\n", "i686" },
		{ "i386 release",
		  "Pid: 6344, comm: sh Not tainted 3.2.32-pk06.11-i386 #1\n", "i686" },
		{ "riscv64 frames after a plain release",
		  "CPU: 3 PID: 1 Comm: app Not tainted 6.6.36 #2\n"
		  "[<ffffffff8000688e>] dump_backtrace+0x1c/0x24\n"
		  "[<ffffffff80f6ca42>] ret_from_exception+0x0/0x6e\n", "riscv64" },
		{ "loongarch64 release",
		  "CPU: 3 PID: 1 Comm: app Not tainted 4.19.0-91.uelc20.loongarch64 #1\n"
		  "[<9000000000209c5c>] show_stack+0x9c/0x190\n", "loongarch64" },
		/* 32-bit x86's zones: 16 MiB ISA DMA, Normal, populated HighMem */
		{ "32-bit x86 zones",
		  "Mem-Info:\n"
		  "DMA free:16kB min:16kB low:32kB high:48kB present:16384kB\n"
		  "Normal free:1600kB min:936kB low:1872kB high:2808kB present:901120kB\n"
		  "HighMem free:966400kB min:512kB low:1024kB high:1536kB present:1179584kB\n", "i686" },
		/* an empty HighMem zone: every arch printed one before 2.6.19 */
		{ "empty HighMem zone",
		  "Mem-Info:\n"
		  "DMA free:4536kB min:60kB low:72kB high:88kB present:16384kB\n"
		  "Normal free:524648kB min:4028kB low:5032kB high:6040kB present:1031360kB\n"
		  "HighMem free:0kB min:128kB low:160kB high:192kB present:0kB\n", "" },
	};
	check_arch_cases(cases, sizeof(cases) / sizeof(cases[0]));
}

/* Session 8: more of the text's own arch evidence (issue 8's arch misses) */
TEST(test_arch_from_address_ranges_and_hardware_lines)
{
	static const struct arch_case cases[] = {
		/* MIPS: "Call Trace:" and kseg0 frames (0x80000000), 2.6 without labels */
		{ "MIPS kseg0 frames",
		  "Call Trace:\n[<8000df1c>] dump_stack+0x8/0x34\n[<80058dec>] __alloc_pages+0x294/0x344\n", "mips" },
		/* ... also with a HighMem zone, which 32-bit x86 has too */
		{ "MIPS frames with HighMem",
		  "Call Trace:\n[<8000df1c>] dump_stack+0x8/0x34\nMem-Info:\n"
		  "Normal free:1600kB min:936kB low:1872kB high:2808kB present:262144kB\n"
		  "HighMem free:9664kB min:512kB low:1024kB high:1536kB present:131072kB\n", "mips" },
		/* 32-bit x86: "Call Trace:" and frames at PAGE_OFFSET 0xc0000000 */
		{ "i386 frames under Call Trace",
		  "Call Trace:\n [<c0199648>] oom_kill_process+0xb8/0x1e0\n", "i686" },
		/* no "Call Trace:": the form still says i386 (" [<%08lx>] %pS";
		 * 32-bit ARM at the same 0xc0000000 prints "(func) from [<…>]",
		 * ppc32 no "<"; R606, R668, R219 re-read) */
		{ "i386 frame form alone",
		  "[<c0199648>] oom_kill_process+0xb8/0x1e0\n", "i686" },
		/* a bare 8-digit address without a symbol says no arch */
		{ "bare 8-digit address",
		  "[<c0199648>]\n", "" },
		{ "8-digit frame alone",
		  "[<8000df1c>] dump_stack+0x8/0x34\n", "" },
		/* objtool's __pfx_ padding symbols: x86_64 only */
		{ "__pfx_ padding symbol",
		  "Call Trace:\n <TASK>\n dump_stack_lvl+0x5f/0x90\n ? __pfx_kthread+0x10/0x10\n", "x86_64" },
		/* a trace glued onto one line still names them */
		{ "trace glued onto one line",
		  "Call Trace:      [1.0] <TASK>       [1.1] kthread+0xe1/0x110     [1.2] ? __pfx_kthread+0x10/0x10\n", "x86_64" },
		/* arm64's "Hardware name: … (DT)"; riscv's frames still win */
		{ "arm64 DT machine",
		  "Hardware name: Radxa ROCK Pi 4B (DT)\n", "aarch64" },
		{ "riscv64 frames beside a DT machine",
		  "Hardware name: spacemit k1-x MUSE-Pi board (DT)\nCall Trace:\n"
		  "[<ffffffff8000688e>] dump_backtrace+0x1c/0x24\n"
		  "[<ffffffff80f6ca42>] ret_from_exception+0x0/0x6e\n", "riscv64" },
		/* 32-bit ARM's DT machine names */
		{ "i.MX6 DT machine",
		  "Hardware name: Freescale i.MX6 Quad/DualLite (Device Tree)\n", "arm" },
		{ "Android DT machine",
		  "Hardware name: Android (Flattened Device Tree)\n", "arm" },
		/* powerpc's decoded MSR: LE is a little-endian kernel */
		{ "powerpc MSR with LE",
		  "CPU: 1 PID: 170909 Comm: app Not tainted 5.9.0-rc3 #1\n"
		  "NIP:  c0000000003d9c80 LR: c0000000003d9c70 CTR: 0000000000000000\n"
		  "MSR:  8000000000029033 <SF,EE,ME,IR,DR,RI,LE>  CR: 28002222  XER: 20000000\n", "ppc64le" },
		{ "powerpc MSR without LE",
		  "CPU: 1 PID: 170909 Comm: app Not tainted 5.9.0-rc3 #1\n"
		  "NIP:  c0000000003d9c80 LR: c0000000003d9c70 CTR: 0000000000000000\n"
		  "MSR:  8000000000029032 <SF,EE,ME,IR,DR,RI>  CR: 28002222  XER: 20000000\n", "ppc64" },
		/* x86's "? " frames alone say x86, not the width ... */
		{ "x86 ? frames alone",
		  "Call Trace:\n ? warn_alloc+0xb9/0x140\n", "" },
	};
	check_arch_cases(cases, sizeof(cases) / sizeof(cases[0]));
	/* ... khugepaged's order-10 huge page does: 4 MiB PMDs, 32-bit x86 without PAE */
	arch_of("khugepaged: page allocation stalls for 10273ms, order:10, mode:0x4340ca, nodemask=(null)\n"
		"CPU: 0 PID: 3936 Comm: khugepaged Not tainted 4.12.3 #1\nCall Trace:\n"
		" ? warn_alloc+0xb9/0x140\n ? khugepaged+0x10a/0x1d40\n", "i686");
	arch_of("khugepaged: page allocation stalls for 10273ms, order:9, mode:0x4340ca, nodemask=(null)\n"
		"CPU: 0 PID: 3936 Comm: khugepaged Not tainted 4.12.3 #1\nCall Trace:\n"
		" ? warn_alloc+0xb9/0x140\n ? khugepaged+0x10a/0x1d40\n", "");
}

/* A paste that starts at the constraint and kill lines and puts show_mem
 * after them (R127, R460): the body is that report's, not lost */
TEST(test_body_after_a_headless_kill)
{
	struct ev1 e;
	read_text("oom-kill:constraint=CONSTRAINT_NONE,nodemask=(null),cpuset=/,mems_allowed=0,task=app,pid=17,uid=0\n"
		  "Out of memory: Killed process 17 (app) total-vm:15720kB, anon-rss:956kB, file-rss:0kB, shmem-rss:0kB\n"
		  "...\n"
		  "Mem-Info:\n"
		  "active_anon:56 inactive_anon:24782 isolated_anon:0\n"
		  " slab_reclaimable:8749 slab_unreclaimable:894017\n"
		  " free:8407 free_pcp:36 free_cma:0\n"
		  "Node 0 Normal free:5692kB min:4032kB low:6052kB high:8072kB present:4194304kB managed:4000000kB\n"
		  "lowmem_reserve[]: 0 0 0 0\n"
		  "Free swap  = 0kB\n"
		  "Total swap = 0kB\n"
		  "1048432 pages RAM\n", &e);
	CHECK_INT(e.events, 1);
	CHECK_INT(e.first.victim.pid, 17);
	CHECK_INT(e.first.snap.nr_zones, 1);
	CHECK_INT(e.first.snap.mem.swap_total_kib, 0);
	/* a whole report's kill is its end: a Mem-Info after it is another
	 * report's, cut at its head */
	read_text("app invoked oom-killer: gfp_mask=0xcc0(GFP_KERNEL), order=0, oom_score_adj=0\n"
		  "Mem-Info:\n"
		  "active_anon:56 inactive_anon:24782 isolated_anon:0\n"
		  "Node 0 Normal free:5692kB min:4032kB low:6052kB high:8072kB present:4194304kB managed:4000000kB\n"
		  "Out of memory: Killed process 17 (app) total-vm:15720kB, anon-rss:956kB, file-rss:0kB, shmem-rss:0kB\n"
		  "Mem-Info:\n"
		  "active_anon:57 inactive_anon:24782 isolated_anon:0\n"
		  "Node 0 Normal free:1000kB min:4032kB low:6052kB high:8072kB present:4194304kB managed:4000000kB\n"
		  "Free swap  = 0kB\n"
		  "Total swap = 0kB\n", &e);
	CHECK_INT(e.first.snap.nr_zones, 1);
	CHECK_INT(e.first.snap.zones[0].free_kib, 5692);
}

/* A kill storm whose "Killed process" lines were lost: each selection,
 * stamped later, is its own out_of_memory call; a copy of the line (prose
 * quoting it, the same record in syslog and dmesg form) is not */
TEST(test_selection_storm_without_kills)
{
	static const struct { const char *text; int events; } cases[] = {
		{ "[  206.421956] Out of memory (oom_kill_allocating_task): Kill process 10595 (a.out) score 0 or sacrifice child\n"
		  "[  206.431196] Out of memory (oom_kill_allocating_task): Kill process 10595 (a.out) score 0 or sacrifice child\n"
		  "[  206.434491] Out of memory (oom_kill_allocating_task): Kill process 10595 (a.out) score 0 or sacrifice child\n", 3 },
		/* printk's "** N printk messages dropped ** " glued before the stamp */
		{ "** 2 printk messages dropped ** [  206.421956] Out of memory: Kill process 10595 (a.out) score 0 or sacrifice child\n"
		  "[  206.431196] Out of memory: Kill process 10595 (a.out) score 0 or sacrifice child\n", 2 },
		/* prose quoting the line, then the line */
		{ "There are Out of memory: Kill process 43805 (keystone-all) score 249 or sacrifice child noticed:\n"
		  "[  206.431196] Out of memory: Kill process 43805 (keystone-all) score 249 or sacrifice child\n"
		  "[  206.431199] Killed process 43805 (keystone-all) total-vm:4446352kB, anon-rss:4053140kB, file-rss:68kB\n", 1 },
		/* one record in syslog and in dmesg form */
		{ "Jul 27 13:29:54 kernel: Out of memory: Kill process 17982 (java) score 77 or sacrifice child\n"
		  "[511250.459581] Out of memory: Kill process 17982 (java) score 77 or sacrifice child\n"
		  "[511250.459642] Killed process 17982 (java) total-vm:19803312kB, anon-rss:2540308kB, file-rss:0kB\n", 1 },
		/* the same stamp twice is one record */
		{ "[  206.421956] Out of memory: Kill process 10595 (a.out) score 0 or sacrifice child\n"
		  "[  206.421956] Out of memory: Kill process 10595 (a.out) score 0 or sacrifice child\n", 1 },
		/* grep 'Out of memory' /var/log/messages: one call a line, a
		 * byte-identical record once, one pid again a second later twice */
		{ "Mar 15 12:11:27 h kernel: Out of memory: Kill process 241 (a) score 7 or sacrifice child\n"
		  "Mar 15 12:12:41 h kernel: Out of memory: Kill process 160 (b) score 5 or sacrifice child\n"
		  "Mar 15 12:12:41 h kernel: Out of memory: Kill process 162 (a) score 5 or sacrifice child\n"
		  "Mar 15 12:12:42 h kernel: Out of memory: Kill process 162 (a) score 5 or sacrifice child\n"
		  "Mar 15 12:12:42 h kernel: Out of memory: Kill process 162 (a) score 5 or sacrifice child\n", 4 },
		/* no stamps: another pid is another call, the same pid may be a copy */
		{ "Out of memory: Kill process 241 (a) score 7 or sacrifice child\n"
		  "Out of memory: Kill process 160 (b) score 5 or sacrifice child\n"
		  "Out of memory: Kill process 160 (b) score 5 or sacrifice child\n", 2 },
		/* a syslog record and a later pasted copy under another date */
		{ "Jul 27 13:29:54 h kernel: Out of memory: Kill process 17982 (java) score 77 or sacrifice child\n"
		  "Jul 27 13:29:54 h kernel: Call Trace:\n"
		  "Jul 27 13:31:00 h kernel: Out of memory: Kill process 17982 (java) score 77 or sacrifice child\n", 1 },
	};
	struct ev1 e;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		read_text(cases[i].text, &e);
		CHECK_INT(e.events, cases[i].events);
	}
}

/* 4.19+ oom_kill_process prints "Tasks in X are going to be killed due to
 * memory.oom.group set" after the first victim's kill: a paste starting
 * there is one memcg event of group X with the members' kills. */
TEST(test_oom_group_line_opens_a_cut_report)
{
	const char *in =
		"  Tasks in /test1 are going to be killed due to memory.oom.group set\n"
		"  Memory cgroup out of memory: Killed process 1 (systemd) total-vm:43400kB, anon-rss:1228kB, file-rss:3992kB, shmem-rss:0kB\n"
		"  oom_reaper: reaped process 1 (systemd), now anon-rss:0kB, file-rss:0kB, shmem-rss:0kB\n";
	struct ev1 e;
	read_text(in, &e);
	CHECK_INT(e.events, 1);
	CHECK_STR(e.first.oom_memcg, "/test1");
	CHECK_INT(e.first.kind, OOM_KIND_MEMCG);
	CHECK_INT(e.first.victim.pid, 1);
	CHECK_INT(line_kind_of("Tasks in /a/b are going to be killed due to memory.oom.group set", 64), LK_MEMCG);
}

/* Alibaba Cloud Linux 4.x prints "Task in X killed as a result of limit of
 * host" on a machine-wide OOM: "host" is no cgroup path, no memcg limit. */
TEST(test_limit_of_a_non_path_is_no_memcg)
{
	struct ev1 e;
	read_text("[Sat Sep 11 15:22:46 2021] insmod invoked oom-killer: gfp_mask=0xd0, order=3, oom_score_adj=0\n"
		  "[Sat Sep 11 15:22:46 2021] Task in /user.slice killed as a result of limit of host\n", &e);
	CHECK_INT(e.events, 1);
	CHECK_STR(e.first.oom_memcg, "");
	CHECK(e.first.kind != OOM_KIND_MEMCG);
	read_text("[Sat Sep 11 15:22:46 2021] insmod invoked oom-killer: gfp_mask=0xd0, order=0, oom_score_adj=0\n"
		  "[Sat Sep 11 15:22:46 2021] Task in /a/b killed as a result of limit of /a\n", &e);
	CHECK_STR(e.first.oom_memcg, "/a");
	CHECK_INT(e.first.kind, OOM_KIND_MEMCG);
}

TEST(test_memcg_from_unreliable_frames)
{
	struct ev1 e;
	const char *hd = "java invoked oom-killer: gfp_mask=0xd0, order=0, oom_score_adj=0\n"
			 "CPU: 2 PID: 32498 Comm: java Not tainted 3.14.18-gentoo #2\nCall Trace:\n";
	char t[2048];
	/* no frame pointers: every frame "?", the memcg entry point among them */
	snprintf(t, sizeof(t), "%s [<ffffffff8174ffea>] ? dump_stack+0x41/0x51\n"
		 " [<ffffffff8112cdd8>] ? mem_cgroup_oom_synchronize+0x4e8/0x550\n", hd);
	read_text(t, &e);
	CHECK_STR(oom_kind_name(e.first.kind), "memcg");
	/* a cut trace with only a stale mem_cgroup_margin word */
	snprintf(t, sizeof(t), "%s [<ffffffff8171d8b7>] dump_header+0x7f/0x1f1\n"
		 " [<ffffffff811afed8>] ? mem_cgroup_margin+0xa8/0xc0\n", hd);
	read_text(t, &e);
	CHECK_STR(oom_kind_name(e.first.kind), "memcg");
	/* the global path's own frames outweigh a stale memcg word */
	snprintf(t, sizeof(t), "%s [<ffffffff811afed8>] ? mem_cgroup_margin+0xa8/0xc0\n"
		 " [<ffffffff811528b7>] out_of_memory+0x27/0x70\n"
		 " [<ffffffff811528b7>] __alloc_pages_nodemask+0x27/0x70\n", hd);
	read_text(t, &e);
	CHECK(e.first.kind != OOM_KIND_MEMCG);
	/* 4.6+: mem_cgroup_out_of_memory calls out_of_memory, so out_of_memory
	 * under which the memcg entry point is the caller is the memcg path
	 * (R3160, every frame "?") */
	snprintf(t, sizeof(t), "%s [<ffffffffa1933d74>] ? dump_stack+0x5c/0x78\n"
		 " [<ffffffffa17871ba>] ? oom_kill_process+0x21a/0x3e0\n"
		 " [<ffffffffa1787651>] ? out_of_memory+0x111/0x470\n"
		 " [<ffffffffa17faa39>] ? mem_cgroup_out_of_memory+0x49/0x80\n"
		 " [<ffffffffa18002a5>] ? mem_cgroup_oom_synchronize+0x325/0x340\n"
		 " [<ffffffffa17879df>] ? pagefault_out_of_memory+0x2f/0x80\n", hd);
	read_text(t, &e);
	CHECK_STR(oom_kind_name(e.first.kind), "memcg");
	/* … and a trace cut right after out_of_memory names no caller: the
	 * stale memcg word does not decide */
	snprintf(t, sizeof(t), "%s [<ffffffff811afed8>] ? mem_cgroup_margin+0xa8/0xc0\n"
		 " [<ffffffff811528b7>] ? out_of_memory+0x27/0x70\n", hd);
	read_text(t, &e);
	CHECK(e.first.kind != OOM_KIND_MEMCG);
	/* the text cut inside the caller's name (R2923: ≤4.5, under
	 * oom_kill_process past a stale word; R566: 4.6+, under
	 * out_of_memory): "mem_" begins only the memcg caller */
	snprintf(t, sizeof(t), "%s [<ffffffff9f13ef1d>] oom_kill_process+0x28d/0x430\n"
		 " [<ffffffff9f1a3e6b>] ? mem_cgroup_iter+0x1db/0x390\n"
		 " [<ffffffff9f1a6374>] mem_c", hd);
	read_text(t, &e);
	CHECK_STR(oom_kind_name(e.first.kind), "memcg");
	snprintf(t, sizeof(t), "%s  oom_kill_process+0x243/0x270\n  out_of_memory+0x100/0x4e0\n  mem_\n", hd);
	read_text(t, &e);
	CHECK_STR(oom_kind_name(e.first.kind), "memcg");
	/* … not under another frame, nor a prefix of another name */
	snprintf(t, sizeof(t), "%s  out_of_memory+0x100/0x4e0\n  __alloc_pages_slowpath+0x9e0/0xcd0\n  mem_\n", hd);
	read_text(t, &e);
	CHECK(e.first.kind != OOM_KIND_MEMCG);
	snprintf(t, sizeof(t), "%s  out_of_memory+0x100/0x4e0\n  mem_cgroup_x\n", hd);
	read_text(t, &e);
	CHECK(e.first.kind != OOM_KIND_MEMCG);
}

/* A report condensed by hand to its header, kill and swap totals (R3361):
 * with no show_mem line before the kill, the totals after it are its own;
 * after a show_mem they would be another report's */
TEST(test_swap_totals_after_a_condensed_kill)
{
	struct ev1 e;
	read_text("kswapd0 invoked oom-killer: gfp_mask=0xcc0(GFP_KERNEL), order=0\n"
		  "oom-kill:constraint=CONSTRAINT_NONE,...,global_oom,task=ChatGPT,pid=2227526\n"
		  "Out of memory: Killed process 2227526 (ChatGPT) anon-rss:136464kB\n"
		  "Free swap  = 200kB\n"
		  "Total swap = 24098808kB\n", &e);
	CHECK_INT(e.events, 1);
	CHECK_INT(e.first.snap.mem.swap_free_kib, 200);
	CHECK_INT(e.first.snap.mem.swap_total_kib, 24098808);
	read_text("kswapd0 invoked oom-killer: gfp_mask=0xcc0(GFP_KERNEL), order=0\n"
		  "Free swap  = 1000kB\n"
		  "Total swap = 2000kB\n"
		  "Out of memory: Killed process 2227526 (ChatGPT) anon-rss:136464kB\n"
		  "Free swap  = 200kB\n"
		  "Total swap = 24098808kB\n", &e);
	CHECK_INT(e.first.snap.mem.swap_total_kib, 2000);
}

TEST(test_lone_kill_in_memcg_storm)
{
	struct ev1 e;
	/* a kill line whose selection was cut, then memcg selections: the same
	 * second says the same group's OOM, a later one says nothing */
	static const char *const later[] = { "20:29:54", "20:31:07" };
	for (int i = 0; i < 2; i++) {
		char t[1024];
		snprintf(t, sizeof(t),
			 "Aug 16 20:29:54 h kernel: Killed process 42452 (t), UID 0, total-vm:7296kB, anon-rss:96kB, file-rss:164kB, shmem-rss:0kB\n"
			 "Aug 16 %s h kernel: Memory cgroup out of memory: Kill process 42453 (t) score 0 or sacrifice child\n"
			 "Aug 16 %s h kernel: Killed process 42453 (t), UID 0, total-vm:7296kB, anon-rss:96kB, file-rss:164kB, shmem-rss:0kB\n",
			 later[i], later[i]);
		read_text(t, &e);
		CHECK_INT(e.events, 2);
		CHECK(i == 0 ? e.first.kind == OOM_KIND_MEMCG : e.first.kind != OOM_KIND_MEMCG);
	}
}

TEST(test_logwatch_time_s_prefix)
{
	struct ev1 e;
	const char *in =
		"12 Time(s): oom-killer: gfp_mask=0x1d2\n"
		"1 Time(s): DMA free:1008kB min:28kB low:56kB high:84kB active:7364kB inactive:0kB present:16384kB\n"
		"1 Time(s): Normal free:1000kB min:476kB low:952kB high:1428kB active:186988kB inactive:608kB present:245120kB\n";
	read_text(in, &e);
	CHECK_INT(e.events, 1);
	CHECK(e.first.req.gfp_known);
	CHECK_INT(e.first.req.gfp_mask, 0x1d2);
	CHECK(e.first.snap.nr_zones >= 1);
}

/* Kernel lines kept in a source file's comments: "# " before the stamp
 * (a machine prefix) and "  # noqa: E501" after a path the kernel prints
 * last; a VM's test driver prefix on every line, the first a service's. */
TEST(test_commented_lines_and_machine_prefix)
{
	struct ev1 e;
	read_text("# [21013.577527] Task in /kubepods/p1/c1 killed as a result of limit of /kubepods/p1  # noqa: E501\n"
		  "# [21013.577527] memory: usage 1024kB, limit 1024kB, failcnt 5  # noqa: E501\n"
		  "# [21013.577527] Memory cgroup out of memory: Kill process 8308 (java) score 1894 or sacrifice child  # noqa: E501\n", &e);
	CHECK_INT(e.events, 1);
	CHECK_STR(e.first.oom_memcg, "/kubepods/p1");
	CHECK_STR(e.first.task_memcg, "/kubepods/p1/c1");
	read_text("vm1 # [   16.480079] x-setup[868]: a service line of the guest, long enough to look like a mail-wrapped one\n"
		  "vm1 # [   16.869199] mysqld invoked oom-killer: gfp_mask=0x100cca(GFP_HIGHUSER_MOVABLE), order=0, oom_score_adj=0\n"
		  "vm1 # [   16.870431] CPU: 0 PID: 867 Comm: mysqld Not tainted 5.4.22 #1-NixOS\n"
		  "vm1 # [   16.872679] Call Trace:\n", &e);
	CHECK_INT(e.events, 1);
	CHECK_STR(e.first.req.trigger_comm, "mysqld");
	CHECK_INT(e.first.req.trigger_pid, 867);
	CHECK_STR(e.first.kernel, "5.4.22");
	/* an oom-kill: line trimmed by hand ("…" for fields) or cut by a pager
	 * inside its last field: the constraint is one word */
	read_text("oom-kill:constraint=CONSTRAINT_MEMCG,\xe2\x80\xa6,task=python,pid=1031028,uid=1000\n", &e);
	CHECK_STR(e.first.constraint, "CONSTRAINT_MEMCG");
	read_text("Apr 13 16:09:40 h kernel: oom-kill:constraint=CONSTRAINT_NONE,nodemask=(null),cpuset=/,"
		  "mems_allowed=0,global_oom,task_memcg=>\n"
		  "Apr 13 16:09:40 h kernel: Out of memory: Killed process 27 (node) total-vm:4139216kB, anon-rss:3559004kB, file-rss:0kB,>\n", &e);
	CHECK_INT(e.events, 1);
	CHECK_STR(e.first.constraint, "CONSTRAINT_NONE");
	CHECK_STR(e.first.mems_allowed, "0");
	/* a kill line kept in a JSON string: the kernel's message is the known
	 * text before "Killed process", whatever token opened the line */
	read_text("    \"message\": \"Memory cgroup out of memory: Killed process 35 (kubectl) total-vm:753508kB, "
		  "anon-rss:58776kB, file-rss:29400kB, shmem-rss:0kB, UID:0 pgtables:1052kB oom_score_adj:999\",\n", &e);
	CHECK_INT(e.events, 1);
	CHECK_INT(e.first.kind, OOM_KIND_MEMCG);
	CHECK_STR(e.first.victim.comm, "kubectl");
	read_text("note: Out of memory: Killed process 35 (x) total-vm:1kB, anon-rss:1kB, file-rss:0kB, shmem-rss:0kB\n", &e);
	CHECK_STR(e.first.victim.message, "Out of memory");
	/* two constraint lines of two tasks, no kill between: two OOMs (one
	 * constraint line an OOM, R4968); the same line twice is one */
	read_text("oom-kill:constraint=CONSTRAINT_MEMCG,nodemask=(null),cpuset=a,mems_allowed=0,oom_memcg=/k/p1,task_memcg=/k/p1/c1,task=node,pid=863987,uid=0\n"
		  "oom-kill:constraint=CONSTRAINT_MEMCG,nodemask=(null),cpuset=a,mems_allowed=0,oom_memcg=/k/p2,task_memcg=/k/p2/c2,task=pt_main_thread,pid=1483257,uid=0\n", &e);
	CHECK_INT(e.events, 2);
	CHECK_INT(e.first.victim.selected_pid, 863987);
	CHECK_STR(e.first.oom_memcg, "/k/p1");
	read_text("oom-kill:constraint=CONSTRAINT_MEMCG,nodemask=(null),cpuset=a,mems_allowed=0,oom_memcg=/k/p1,task_memcg=/k/p1/c1,task=node,pid=863987,uid=0\n"
		  "oom-kill:constraint=CONSTRAINT_MEMCG,nodemask=(null),cpuset=a,mems_allowed=0,oom_memcg=/k/p1,task_memcg=/k/p1/c1,task=node,pid=863987,uid=0\n", &e);
	CHECK_INT(e.events, 1);
	/* a kill line a reader quoted inside prose (R5054): the victim, and
	 * no message of the kernel's in the reader's words */
	read_text("at the bottom there is a line \"**Killed process 856 (apt-get) total-vm:40820kB, anon-rss:32708kB, file-rss:736kB**\", does it mean the vm was run out of space?\n", &e);
	CHECK_INT(e.events, 1);
	CHECK_INT(e.first.victim.pid, 856);
	CHECK_STR(e.first.victim.comm, "apt-get");
	CHECK_INT(e.first.victim.anon_rss_kib, 32708);
	CHECK_STR(e.first.victim.message, "");
	read_text("the kernel Killed process 856 (apt-get) and went on\n", &e);
	CHECK_INT(e.events, 0);
	/* a Kubernetes event's tab-separated columns before the selection
	 * or the kill (R4965): the message starts at the kernel's words */
	read_text("kernel-monitor, gke-x\t\t\tWarning\t\tOOMKilling\tMemory cgroup out of memory: Kill process 1371 (node) score 2081 or sacrifice child\n", &e);
	CHECK_INT(e.events, 1);
	CHECK_STR(e.first.victim.message, "Memory cgroup out of memory");
	CHECK_INT(e.first.kind, OOM_KIND_MEMCG);
	read_text("27m\tWarning\tOOMKilling\tnode/ip-10\tMemory cgroup out of memory: Killed process 10632 (prometheus) total-vm:6049544kB, anon-rss:208479kB, file-rss:0kB, shmem-rss:0kB\n", &e);
	CHECK_INT(e.events, 1);
	CHECK_INT(e.first.kind, OOM_KIND_MEMCG);
	CHECK_STR(e.first.victim.comm, "prometheus");
	/* a kill line a translator re-worded keeps the kernel's shape */
	read_text("[Tue Feb 20 19:15:36 2024] Out of memory: Process stopped 2953 (python) total-vm:8142876kB, "
		  "anon-rss:6719676kB, file-rss:4kB, shmem-rss:0kB, UID:999 pgtables:13660kB oom_score_adj:0\n", &e);
	CHECK_INT(e.events, 1);
	CHECK_INT(e.first.victim.pid, 2953);
	CHECK_STR(e.first.victim.comm, "python");
	CHECK_INT(e.first.victim.anon_rss_kib, 6719676);
	/* not without a known message, nor the selection line (no values) */
	read_text("[1.0] Some driver: stopped 2953 (python) total-vm:8142876kB, anon-rss:6719676kB\n", &e);
	CHECK_INT(e.events, 0);
	read_text("[1.0] Out of memory: Kill process 2953 (python) score 900 or sacrifice child\n", &e);
	CHECK(!known(e.first.victim.pid) || e.first.victim.pid != 2953 || e.first.victim.selected_pid == 2953);
}

TEST(test_retyped_invoked_oom_trigger)
{
	struct ev1 e;
	read_text("    kernel: [  465.863160] main invoked oom: gfp_mask=0x100dca(GFP_HIGHUSER_MOVABLE|__GFP_ZERO), order=0\n"
		  "    kernel: [  465.863170] CPU: 1 PID: 5 Comm: main Not tainted 6.1.0 #1\n"
		  "    kernel: [  465.863190] Out of memory: Killed process 5 (main) total-vm:100kB, anon-rss:10kB, file-rss:0kB, shmem-rss:0kB\n", &e);
	CHECK_INT(e.events, 1);
	CHECK_STR(e.first.req.trigger_comm, "main");
	CHECK_INT(e.first.req.gfp_mask, 0x100dca);
	CHECK_INT(e.first.req.order, 0);
	/* prose: more than a comm before it */
	CHECK(line_kind_of("the process called main invoked oom: gfp_mask=0x0", 49) != LK_TRIGGER);
}

/* ---- task rows without their header -------------------------------------- */

TEST(test_memcg_lines_with_the_task_in_head_cut)
{
	/* a /var/log/messages excerpt of the v1 memcg lines only, its first
	 * line's "Task in " cut: the line back-fills the report and names
	 * the memcg */
	const char *in =
		"/docker/8fce killed as a result of limit of /docker/8fce\n"
		"memory: usage 102360kB, limit 102400kB, failcnt 125402\n"
		"memory+swap: usage 102368kB, limit 204800kB, failcnt 0\n"
		" kmem: usage 0kB, limit 9007199254740988kB, failcnt 0\n";
	struct ev1 e;
	read_text(in, &e);
	CHECK_INT(e.events, 1);
	CHECK_STR(e.first.oom_memcg, "/docker/8fce");
	CHECK_INT(e.first.snap.memcg.limit_kib, 102400);
	CHECK(e.first.kind == OOM_KIND_MEMCG);
	/* the same between Markdown fences: the report starts at the cut line */
	char fenced[512];
	snprintf(fenced, sizeof(fenced), "```\n%s```\n", in);
	read_text(fenced, &e);
	CHECK_INT(e.events, 1);
	CHECK_STR(e.first.oom_memcg, "/docker/8fce");
	CHECK_INT(e.first.first_line, 2);
}

struct evn {
	int n;
	char arch[4][16];
	bool borrowed[4];
	enum oom_kind kind[4];
	int64_t order[4];
};

static void on_event_n(struct oom_event *ev, void *ctx)
{
	struct evn *e = ctx;
	if (e->n < 4) {
		snprintf(e->arch[e->n], sizeof(e->arch[0]), "%s", ev->arch);
		e->kind[e->n] = ev->kind;
		e->order[e->n] = ev->req.order;
		e->borrowed[e->n] = ev->arch_from_neighbour;
	}
	e->n++;
}

TEST(test_headerless_event_takes_the_neighbours_arch)
{
	/* a header-less kill, then the next report of the same boot whose
	 * trace says x86_64 (RIP:): the first takes its release and arch */
	const char *in =
		"[  238.324946] Out of memory: Killed process 537 (login) total-vm:27584kB, anon-rss:860kB, file-rss:0kB, shmem-rss:0kB\n"
		"[  238.338585] systemd invoked oom-killer: gfp_mask=0x100cca(GFP_HIGHUSER_MOVABLE), order=0, oom_score_adj=0\n"
		"[  238.339420] CPU: 0 PID: 1 Comm: systemd Not tainted 5.4.0-next-20191204+ #75\n"
		"[  238.341121] Call Trace:\n"
		"[  238.346797] RIP: 0033:0x7f47eba4197e\n"
		"[  238.350000] Out of memory: Killed process 600 (x) total-vm:27584kB, anon-rss:860kB, file-rss:0kB, shmem-rss:0kB\n";
	struct evn e;
	memset(&e, 0, sizeof(e));
	CHECK(report_read_mem(in, strlen(in), "test", on_event_n, NULL, &e) >= 0);
	CHECK_INT(e.n, 2);
	CHECK_STR(e.arch[0], "x86_64");
	CHECK(e.borrowed[0]);
	CHECK_STR(e.arch[1], "x86_64");
	CHECK(!e.borrowed[1]);
	/* the machine rebooted between (the clock went back): nothing taken */
	const char *rebooted =
		"[  900.000000] Out of memory: Killed process 537 (login) total-vm:27584kB, anon-rss:860kB, file-rss:0kB, shmem-rss:0kB\n"
		"[   12.338585] systemd invoked oom-killer: gfp_mask=0x100cca(GFP_HIGHUSER_MOVABLE), order=0, oom_score_adj=0\n"
		"[   12.339420] CPU: 0 PID: 1 Comm: systemd Not tainted 5.4.0-next-20191204+ #75\n"
		"[   12.341121] Call Trace:\n"
		"[   12.346797] RIP: 0033:0x7f47eba4197e\n"
		"[   12.350000] Out of memory: Killed process 600 (x) total-vm:27584kB, anon-rss:860kB, file-rss:0kB, shmem-rss:0kB\n";
	memset(&e, 0, sizeof(e));
	CHECK(report_read_mem(rebooted, strlen(rebooted), "test", on_event_n, NULL, &e) >= 0);
	CHECK_INT(e.n, 2);
	CHECK_STR(e.arch[0], "");
	CHECK(!e.borrowed[0]);
	/* back by less than a second: pieces of one moment pasted out of
	 * order (R1807), no reboot */
	const char *shuffled =
		"[  238.900000] Out of memory: Killed process 537 (login) total-vm:27584kB, anon-rss:860kB, file-rss:0kB, shmem-rss:0kB\n"
		"[  238.338585] systemd invoked oom-killer: gfp_mask=0x100cca(GFP_HIGHUSER_MOVABLE), order=0, oom_score_adj=0\n"
		"[  238.339420] CPU: 0 PID: 1 Comm: systemd Not tainted 5.4.0-next-20191204+ #75\n"
		"[  238.341121] Call Trace:\n"
		"[  238.346797] RIP: 0033:0x7f47eba4197e\n"
		"[  238.350000] Out of memory: Killed process 600 (x) total-vm:27584kB, anon-rss:860kB, file-rss:0kB, shmem-rss:0kB\n";
	memset(&e, 0, sizeof(e));
	CHECK(report_read_mem(shuffled, strlen(shuffled), "test", on_event_n, NULL, &e) >= 0);
	CHECK_INT(e.n, 2);
	CHECK_STR(e.arch[0], "x86_64");
	CHECK(e.borrowed[0]);
}

/* A memcg's memory.stat dump cut above its "stats for" line, as a journal
 * prints it (continuation lines, no stamp): a memcg OOM's (R1842, R1865),
 * alone or with the task table after it. */
TEST(test_memcg_stat_dump_tail)
{
	const char *in =
		"                                                      slab 399560\n"
		"                                                      workingset_refault_anon 0\n"
		"                                                      pgfault 1492758\n"
		"                                                      pgscan 41\n"
		"                                                      pgsteal 41\n";
	struct evn e;
	memset(&e, 0, sizeof(e));
	CHECK(report_read_mem(in, strlen(in), "test", on_event_n, NULL, &e) >= 0);
	CHECK_INT(e.n, 1);
	CHECK(e.n == 1 && e.kind[0] == OOM_KIND_MEMCG);
	const char *tasks =
		"                                                   pgsteal 76549324\n"
		"                                                   thp_collapse_alloc 0\n"
		"Dec 23 21:21:28 kernel: Tasks state (memory values in pages):\n"
		"Dec 23 21:21:28 kernel: [  pid  ]   uid  tgid total_vm      rss pgtables_bytes swapents oom_score_adj name\n"
		"Dec 23 21:21:28 kernel: [   2345]  1000  2345  2453157  1889923 15687680        0             0 java\n";
	memset(&e, 0, sizeof(e));
	CHECK(report_read_mem(tasks, strlen(tasks), "test", on_event_n, NULL, &e) >= 0);
	CHECK_INT(e.n, 1);
	CHECK(e.n == 1 && e.kind[0] == OOM_KIND_MEMCG);
}

/* A trigger line whose head is cut (R1852), or whose rest a mailer put on
 * a line of its own (R001): the order and adj are read from the rest. */
TEST(test_trigger_line_rest)
{
	const char *cut =
		" nodemask=(null),  order=0, oom_score_adj=999\n"
		"[ 2275.744749] node_exporter cpuset=872d9b mems_allowed=0\n"
		"[ 2275.749023] CPU: 2 PID: 7842 Comm: node_exporter Not tainted 4.11.6-coreos-r1 #1\n"
		"[ 2275.749030] Call Trace:\n"
		"[ 2275.749040]  dump_header+0x8e/0x225\n";
	struct evn e;
	memset(&e, 0, sizeof(e));
	CHECK(report_read_mem(cut, strlen(cut), "test", on_event_n, NULL, &e) >= 0);
	CHECK_INT(e.n, 1);
	CHECK(e.n == 1 && e.order[0] == 0);
	const char *wrapped =
		">>   anaconda invoked oom-killer: gfp_mask=0x14200ca(GFP_HIGHUSER_MOVABLE),\n"
		">> nodemask=(null), order=3, oom_score_adj=0\n"
		">> anaconda cpuset=/ mems_allowed=0\n";
	memset(&e, 0, sizeof(e));
	CHECK(report_read_mem(wrapped, strlen(wrapped), "test", on_event_n, NULL, &e) >= 0);
	CHECK_INT(e.n, 1);
	CHECK(e.n == 1 && e.order[0] == 3);
}

/* 2.6.16-2.6.18 printed an empty DMA32 zone on every arch: beneath an
 * upper-case "Call Trace:" it names no x86_64 (R2009, a ppc32 board); a
 * populated one does. */
TEST(test_empty_dma32_names_no_arch)
{
	const char *in =
		"[ 3639.341858] oom-killer: gfp_mask=0xd0, order=0\n"
		"[ 3639.341879] Call Trace:\n"
		"[ 3639.341891] [C3D65CC0] [C0007644] show_stack+0x48/0x194 (unreliable)\n"
		"[ 3639.341931] [C3D65CF0] [C00418D4] out_of_memory+0x210/0x244\n"
		"[ 3639.342540] DMA free:1420kB min:1024kB low:1280kB high:1536kB active:0kB inactive:0kB present:65536kB pages_scanned:0 all_unreclaimable? no\n"
		"[ 3639.342564] lowmem_reserve[]: 0 0 0 0\n"
		"[ 3639.342588] DMA32 free:0kB min:0kB low:0kB high:0kB active:0kB inactive:0kB present:0kB pages_scanned:0 all_unreclaimable? no\n"
		"[ 3639.342609] lowmem_reserve[]: 0 0 0 0\n";
	struct evn e;
	memset(&e, 0, sizeof(e));
	CHECK(report_read_mem(in, strlen(in), "test", on_event_n, NULL, &e) >= 0);
	CHECK_INT(e.n, 1);
	CHECK(e.n == 1 && strcmp(e.arch[0], "x86_64") != 0);
}

TEST(test_paste_frames_rows_items_numbers)
{
	/* a gist's table rows "| … | |": the tail of one report, then the next
	 * header — two events, the tail keeps its swap and kill */
	const char *rows =
		"| Jul 10 09:36:56 h kernel: [85623.557603] Free swap = 8253616kB | |\n"
		"| Jul 10 09:36:56 h kernel: [85623.557607] Total swap = 8385920kB | |\n"
		"| Jul 10 09:36:56 h kernel: [85623.561022] 1048576 pages RAM | |\n"
		"| Jul 10 09:36:56 h kernel: [85623.561022] Out of memory: kill process 15679 (nginx) score 15361 or a child | |\n"
		"| Jul 10 09:36:56 h kernel: [85623.561022] Killed process 15679 (nginx) | |\n"
		"| Jul 10 09:36:56 h kernel: [85623.665466] xe invoked oom-killer: gfp_mask=0xd0, order=1, oom_adj=0 | |\n"
		"| Jul 10 09:36:56 h kernel: [85623.665482] xe cpuset=/ mems_allowed=0 | |\n";
	struct evn e;
	memset(&e, 0, sizeof(e));
	CHECK(report_read_mem(rows, strlen(rows), "test", on_event_n, NULL, &e) >= 0);
	CHECK_INT(e.n, 2);
	struct ev1 one;
	read_text(rows, &one);
	CHECK_INT(one.first.victim.pid, 15679);
	CHECK_STR(one.first.victim.comm, "nginx");
	CHECK_STR(one.first.req.trigger_comm, "");
	CHECK_INT(one.first.snap.mem.swap_total_kib, 8385920);
	/* a pastebin's list items, starting inside the task table */
	const char *items =
		"- [ 4890.464401] [ 5631] 1000 5631 1074068 895234 8151040 0 0 python\n"
		"- [ 4890.464401] oom-kill:constraint=CONSTRAINT_NONE,nodemask=(null),cpuset=/,mems_allowed=0,global_oom,task_memcg=/,task=python,pid=5631,uid=1000\n"
		"- [ 4890.464413] Killed process 5631 (python) total-vm:4296272kB, anon-rss:3580932kB, file-rss:0kB, shmem-rss:4kB\n";
	read_text(items, &one);
	CHECK_INT(one.events, 1);
	CHECK_STR(one.first.constraint, "CONSTRAINT_NONE");
	CHECK_INT(one.first.victim.pid, 5631);
	CHECK_INT(one.first.victim.anon_rss_kib, 3580932);
	/* a pastebin's line numbers */
	const char *numbered =
		"  9. Jul 23 05:08:38 kernel: sh invoked oom-killer: gfp_mask=0x4d0, order=0, oomkilladj=0\n"
		" 10. Jul 23 05:08:38 kernel: Out of memory: kill process 120 (sh) score 9 or a child\n"
		" 11. Jul 23 05:08:38 kernel: Killed process 120 (sh)\n";
	read_text(numbered, &one);
	CHECK_INT(one.events, 1);
	CHECK_STR(one.first.req.trigger_comm, "sh");
	CHECK_INT(one.first.victim.pid, 120);
}

TEST(test_alloc_failure_without_comm)
{
	/* warn_alloc's line with its "comm: " cut off (R576): the request is
	 * read, the trigger left unnamed */
	const char *in =
		"page allocation failure: order:0, mode:0x800(GFP_NOWAIT)\n"
		"Call Trace:\n"
		"warn_alloc+0xf4/0x190\n"
		"__alloc_pages_slowpath+0x8ad/0xb70\n";
	struct ev1 one;
	read_text(in, &one);
	CHECK_INT(one.events, 1);
	CHECK_INT(one.first.kind, OOM_KIND_ALLOC_FAILURE);
	CHECK_STR(one.first.req.trigger_comm, "");
	CHECK_INT(one.first.req.order, 0);
	CHECK_INT(one.first.req.gfp_mask, 0x800);
	/* prose that only mentions one is none */
	const char *prose = "the page allocation failure message was not shown\n";
	read_text(prose, &one);
	CHECK_INT(one.events, 0);
}

TEST(test_openvz_beancounter_oom)
{
	/* OpenVZ 2.6.32: a container's (ub N ≥ 0) trigger, beancounter
	 * Mem-Info, no kill line: kind memcg, the 2.6 gfp table */
	const char *trig =
		"[153084.054935] 190708 (httpd.itk) invoked oom-killer in ub 103 generation 0 gfp 0x200d2\n"
		"[153084.054956] UB-103-Mem-Info:\n"
		"[153084.055721] RAM: 196606 / 196608 [4] SWAP: 131071 / 131072 [4]\n";
	struct ev1 one;
	read_text(trig, &one);
	CHECK_INT(one.events, 1);
	CHECK_STR(one.first.req.trigger_comm, "httpd.itk");
	CHECK_INT(one.first.req.trigger_pid, 190708);
	CHECK(one.first.req.gfp_known);
	CHECK_INT(one.first.req.gfp_mask, 0x200d2);
	CHECK(one.first.kind == OOM_KIND_MEMCG);
	CHECK_INT(one.first.kv.major, 2);
	/* the host's own OOM (ub -1): global */
	const char *host =
		"[1.0] 12 (java) invoked oom-killer in ub -1 generation 3 gfp 0x201da\n"
		"[1.1] Out of memory: Killed process 12 (java) total-vm:1000kB, anon-rss:500kB, file-rss:0kB\n";
	read_text(host, &one);
	CHECK_INT(one.events, 1);
	CHECK(one.first.kind == OOM_KIND_GLOBAL);
	CHECK_INT(one.first.victim.pid, 12);
	/* a container's kill lines alone: one event each, kind memcg */
	const char *kills =
		"Jan 9 00:42:16 kernel: Out of memory in UB 191: OOM killed process 27293 (html2text) score 0 vm:3075332kB, rss:1818104kB, swap:993020kB\n"
		"Jan 9 00:42:48 kernel: Out of memory in mem cgroup inside UB 191: OOM killed process 27313 (html 2) score 0 vm:3074540kB, rss:2046032kB, swap:764368kB\n";
	struct evn e;
	memset(&e, 0, sizeof(e));
	CHECK(report_read_mem(kills, strlen(kills), "test", on_event_n, NULL, &e) >= 0);
	CHECK_INT(e.n, 2);
	read_text(kills, &one);
	CHECK_INT(one.first.victim.pid, 27293);
	CHECK_STR(one.first.victim.comm, "html2text");
	CHECK_INT(one.first.victim.total_vm_kib, 3075332);
	CHECK_INT(one.first.victim.score, 0);
	CHECK(!known(one.first.victim.anon_rss_kib));   /* rss is not split */
	CHECK(one.first.kind == OOM_KIND_MEMCG);
}

TEST(test_kill_line_before_its_task_table)
{
	/* a kill line, prose, then the task table dated a second before it
	 * (dump_tasks runs before the kill): one event with the table.  (The
	 * prose names "out of memory": the scanner hands the lines after it
	 * over; a table after the kill with no marker near is not seen.) */
	const char *in =
		"Mar 24 18:41:04 h kernel: Out of memory: Killed process 1660308 (postgres) total-vm:2484556kB, anon-rss:143224kB, file-rss:0kB, shmem-rss:452kB, UID:1011 pgtables:1000kB oom_score_adj:900\n"
		"Field | Description | |\n"
		"---|---|---|\n"
		"total-vm |\n"
		"Total virtual memory allocated (includes unused/reserved memory). | |\n"
		"anon-rss |\n"
		"Non-swappable RAM (critical for OOM decisions, e.g., heap/stack). | |\n"
		"pgtables |\n"
		"Kernel overhead for memory mapping. | |\n"
		"oom_score_adj |\n"
		"OOM priority modifier (-1000 to 1000). Higher = More likely to be killed. |\n"
		"2. Identifying OOM Events\n"
		"grep -i 'oom-kill\\|out of memory' /var/log/messages\n"
		"dmesg | grep -i 'oom'\n"
		"3. Interpreting Process-Specific OOM Log Entries\n"
		"The kernel logs detailed per-process memory statistics during OOM evaluations. Below is a breakdown of the provided logs:\n"
		"Sample logs\n"
		"Mar 24 18:41:03 h kernel: [ pid ] uid tgid total_vm rss pgtables_bytes swapents oom_score_adj name\n"
		"Mar 24 18:41:03 h kernel: [ 64320] 1011 64320 47586463 5345805 128630784 547757 0 yb-tserver\n"
		"...\n"
		"Mar 24 18:41:03 h kernel: [1660308] 1011 1660308 621139 24748 700416 527 900 postgres\n";
	struct ev1 one;
	read_text(in, &one);
	CHECK_INT(one.events, 1);
	CHECK(one.first.have_task_table);
	CHECK_INT((int64_t)one.first.snap.nr_tasks, 2);
	CHECK_INT(one.first.victim.pid, 1660308);
	/* a table a minute later is another report's */
	const char *later =
		"Mar 24 18:41:04 h kernel: Out of memory: Killed process 1660308 (postgres) total-vm:2484556kB, anon-rss:143224kB, file-rss:0kB, shmem-rss:452kB\n"
		"Mar 24 18:42:03 h kernel: [ pid ] uid tgid total_vm rss pgtables_bytes swapents oom_score_adj name\n"
		"Mar 24 18:42:03 h kernel: [ 64320] 1011 64320 47586463 5345805 128630784 547757 0 yb-tserver\n";
	read_text(later, &one);
	CHECK(one.events != 1 || !one.first.have_task_table);
}

TEST(test_later_task_rows_are_another_report)
{
	/* a grep kept one report's selection, kill and reaper lines, then
	 * rows of another report's table ~3000 s later, up to the end of the
	 * input: two events, the second a header-less table */
	const char *in =
		"[1280275.496381] Memory cgroup out of memory: Kill process 20821 (bundle) score 178 or sacrifice child\n"
		"[1280275.496416] Killed process 20821 (bundle) total-vm:1184088kB, anon-rss:547236kB, file-rss:11564kB, shmem-rss:0kB\n"
		"[1280275.673954] oom_reaper: reaped process 20821 (bundle), now anon-rss:0kB, file-rss:0kB, shmem-rss:0kB\n"
		"[1283252.998599] [30469] 0 30469 145952 52490 192 4 0 0 bundle\n"
		"[1283252.998611] [30758] 0 30758 297303 110655 334 5 0 0 bundle\n";
	struct evn e;
	memset(&e, 0, sizeof(e));
	CHECK(report_read_mem(in, strlen(in), "test", on_event_n, NULL, &e) >= 0);
	CHECK_INT(e.n, 2);
	/* rows right after the kill (same second) stay with it */
	const char *same =
		"[  100.000001] Killed process 20821 (bundle) total-vm:1184088kB, anon-rss:547236kB, file-rss:11564kB, shmem-rss:0kB\n"
		"[  100.000002] [30469] 0 30469 145952 52490 192 4 0 0 bundle\n";
	memset(&e, 0, sizeof(e));
	CHECK(report_read_mem(same, strlen(same), "test", on_event_n, NULL, &e) >= 0);
	CHECK_INT(e.n, 1);
	/* header-less rows alone are a table: one event */
	const char *rows =
		"[30469] 0 30469 145952 52490 192 4 0 0 bundle\n"
		"[30758] 0 30758 297303 110655 334 5 0 0 bundle\n";
	struct ev1 one;
	read_text(rows, &one);
	CHECK_INT(one.events, 1);
	CHECK(one.first.have_task_table);
}

TEST(test_numa_hint_after_a_kill_logged_twice)
{
	/* RHEL 4: the kill logged twice (one event), then the kernel's NUMA
	 * hint once: the event keeps the hint, and its arch */
	const char *in =
		"Jul 19 05:19:24 h kernel: Out of Memory: Killed process 2368 (jserver).\n"
		"Jul 19 05:19:24 h kernel: Out of Memory: Killed process 2368 (jserver).\n"
		"Jul 19 05:19:24 h kernel: OOM kill occurred on an x86_64 NUMA system!\n"
		"Jul 19 05:19:24 h kernel: The numa=off boot option might help avoid this.\n";
	struct ev1 one;
	read_text(in, &one);
	CHECK_INT(one.events, 1);
	CHECK(one.first.numa_oom_hint);
	CHECK_STR(one.first.arch, "x86_64");
	CHECK_INT(one.first.victim.pid, 2368);
}

TEST(test_gfp_mask_masked_by_the_paster)
{
	/* a vendor doc masked the mask's digits: kept as printed, the value
	 * unknown (never the digits left, 0x240) */
	const char *in =
		"[Wed Sep 8 18:01:32 2021] test invoked oom-killer: gfp_mask=0x240****(GFP_KERNEL), nodemask=0, order=0, oom_score_adj=0\n"
		"[Wed Sep 8 18:01:32 2021] Killed process 10 (test) total-vm:1000kB, anon-rss:500kB, file-rss:0kB\n";
	struct ev1 one;
	read_text(in, &one);
	CHECK_INT(one.events, 1);
	CHECK(!one.first.req.gfp_known);
	CHECK(one.first.req.gfp_masked);
	CHECK_STR(one.first.req.gfp_text, "0x240****(GFP_KERNEL)");
	CHECK_INT(one.first.req.order, 0);
}

TEST(test_cut_trace_before_a_mid_report_says_the_arch)
{
	/* the paste starts in the trace, then the memcg block: the frames
	 * before the report's first marker still say x86_64 */
	const char *in =
		"Aug 25 18:21:35 h kernel: [<ffffffff816861cc>] dump_stack+0x19/0x1b\n"
		"Aug 25 18:21:35 h kernel: [<ffffffff81681177>] dump_header+0x8e/0x225\n"
		"Aug 25 18:21:35 h kernel: memory: usage 4194304kB, limit 4194304kB, failcnt 25581\n"
		"Aug 25 18:21:35 h kernel: Memory cgroup out of memory: Kill process 76756 (java) score 1001 or sacrifice child\n"
		"Aug 25 18:21:35 h kernel: Killed process 76513 (java) total-vm:26212772kB, anon-rss:4189536kB, file-rss:0kB\n";
	arch_of(in, "x86_64");
	/* ARM's unwinder before a Mem-Info */
	const char *arm =
		"[  505.037001]  oom_kill_process from out_of_memory+0x218/0x34c\n"
		"[  505.045845] Exception stack(0xf0f09fa8 to 0xf0f09ff0)\n"
		"[  505.051198] Mem-Info:\n"
		"[  505.052637] active_anon:239 inactive_anon:6756 isolated_anon:0\n"
		"[  505.052637] free:919956 free_pcp:23 free_cma:128398\n";
	arch_of(arm, "arm");
	/* another host's trace says nothing about this report */
	const char *other =
		"Aug 25 18:21:35 a kernel: [<ffffffff816861cc>] dump_stack+0x19/0x1b\n"
		"Aug 25 18:21:35 b kernel: memory: usage 4194304kB, limit 4194304kB, failcnt 25581\n"
		"Aug 25 18:21:35 b kernel: Killed process 76513 (java) total-vm:26212772kB, anon-rss:4189536kB, file-rss:0kB\n";
	arch_of(other, "");
}

/* ---- a pasted uname -a, Markdown inline code -------------------------------- */

TEST(test_uname_pasted_before_a_cut_report)
{
	const char *in =
		"> Hi!\n"
		"> Linux duo 5.8.0-rc1+ #117 SMP PREEMPT Mon Jun 15 16:13:54 CEST 2020 x86_64 GNU/Linux\n"
		"> \n"
		"> [133747.719724] [  17468]  1000 17468   433587   303033  2588672        0             0 unison\n"
		"> [133747.719737] oom-kill:constraint=CONSTRAINT_NONE,nodemask=(null),task=chromium,pid=27368,uid=1000\n"
		"> [133747.719795] Out of memory: Killed process 27368 (chromium) total-vm:6686908kB, anon-rss:647056kB, file-rss:0kB\n";
	struct ev1 e;
	read_text(in, &e);
	CHECK_INT(e.events, 1);
	CHECK_STR(e.first.kernel, "5.8.0-rc1+");
	CHECK_STR(e.first.arch, "x86_64");
	char k[128], a[16], h[64];
	CHECK(report_is_uname_line("Linux h 2.6.20-16-generic #2 SMP Thu Jun 7 20:19:32 UTC 2007 i586 GNU/Linux",
				   strlen("Linux h 2.6.20-16-generic #2 SMP Thu Jun 7 20:19:32 UTC 2007 i586 GNU/Linux"),
				   k, sizeof(k), a, sizeof(a), h, sizeof(h)));
	CHECK_STR(a, "i686");
	CHECK(report_is_uname_line("Linux h 6.1.0-9-arm64 #1 SMP Debian 6.1.27-1 (2023-05-08) aarch64 GNU/Linux", 75,
				   k, sizeof(k), a, sizeof(a), h, sizeof(h)));
	CHECK_STR(k, "6.1.0-9-arm64");
	CHECK_STR(a, "aarch64");
	CHECK_STR(h, "h");
	/* prose that starts with "Linux " is not uname */
	const char *prose = "Linux is great on x86_64 GNU/Linux systems";
	CHECK(!report_is_uname_line(prose, strlen(prose), k, sizeof(k), a, sizeof(a), h, sizeof(h)));
}

/* ---- a report whose trigger line is cut (issue 8 §2) --------------------- */

/* Another warning's dump_stack (no OOM frame) is no report, and the kill
 * line that comes later opens its own header-less event. */
TEST(test_other_warnings_stack_is_no_report)
{
	const char *in =
		"[  10.0] CPU: 1 PID: 77 Comm: kworker/1:0 Not tainted 5.10.0 #1\n"
		"[  10.0] Call Trace:\n"
		"[  10.0]  dump_stack+0x6d/0x8b\n"
		"[  10.0]  __warn+0x80/0x100\n"
		"[  10.0]  report_bug+0x9a/0xc0\n";
	struct ev1 e;
	read_text(in, &e);
	CHECK_INT(e.events, 0);
	char buf[2048];
	snprintf(buf, sizeof(buf),
		 "%s[  11.0] e1000e: link up\n[  11.0] usb 1-1: new device\n"
		 "[  12.0] Out of memory: Killed process 101 (app) total-vm:200000kB, anon-rss:4000kB, file-rss:0kB\n", in);
	read_text(buf, &e);
	CHECK_INT(e.events, 1);
	CHECK(e.first.header_missing);
	CHECK_STR(e.first.req.trigger_comm, "");
	CHECK(!known(e.first.req.trigger_pid));
	CHECK_INT(e.first.victim.pid, 101);
}

/* One report, its first line pasted bare and the rest with a syslog host
 * (R105): one event, the host's lines give release and pid. */
TEST(test_bare_first_line_then_syslog_lines)
{
	const char *in =
		"java: page allocation failure: order:0, mode:0x2084120(GFP_ATOMIC|__GFP_COLD|__GFP_COMP)\n"
		"Jun 13 04:36:30 ip-1 kernel: CPU: 7 PID: 111104 Comm: java Not tainted 4.9.24-coreos #1\n"
		"Jun 13 04:36:30 ip-1 kernel: Call Trace:\n"
		"Jun 13 04:36:30 ip-1 kernel:  [<ffffffffab18a4f0>] warn_alloc+0x140/0x160\n";
	struct ev1 e;
	read_text(in, &e);
	CHECK_INT(e.events, 1);
	CHECK_STR(e.first.kernel, "4.9.24-coreos");
	CHECK_INT(e.first.req.trigger_pid, 111104);
	CHECK_STR(e.first.host, "ip-1");
	CHECK_STR(e.first.arch, "x86_64");
}

/* Two CPUs' failures in one second, no format between: two events, not a
 * duplicated record (R101); a header-less kill borrows the arch of the next
 * report with the release (R126). */
TEST(test_same_second_failures_and_borrowed_arch)
{
	const char *in =
		"Apr 01 16:27:01 sm21 kernel: swapper/21: page allocation failure: order:0, mode:0x20\n"
		"Apr 01 16:27:01 sm21 kernel: CPU: 21 PID: 0 Comm: swapper/21 Not tainted 3.10.0-1062.el7.x86_64 #1\n"
		"Apr 01 16:27:01 sm21 kernel: swapper/44: page allocation failure: order:0, mode:0x20\n"
		"Apr 01 16:27:01 sm21 kernel: CPU: 44 PID: 0 Comm: swapper/44 Not tainted 3.10.0-1062.el7.x86_64 #1\n";
	struct ev1 e;
	read_text(in, &e);
	CHECK_INT(e.events, 2);
	/* the same trigger, request and syslog second, no Pid line (2.6.9):
	 * the stacks tell two failures apart (R945); the same stack again is
	 * a copy of one record */
	static const char *const twice[] = {
		"Feb 28 10:04:45 h kernel: swapper: page allocation failure. order:1, mode:0x20\n"
		"Feb 28 10:04:45 h kernel: Call Trace:<IRQ> <ffffffff8015b0de>{__alloc_pages+878} <ffffffff8015b10e>{__get_free_pages+14}\n"
		"Feb 28 10:04:45 h kernel:        <ffffffff8015edc6>{kmem_getpages+38} <ffffffff803d064a>{ip_frag_create+26}\n",
		"Feb 28 10:04:45 h kernel: swapper: page allocation failure. order:1, mode:0x20\n"
		"Feb 28 10:04:45 h kernel: Call Trace:<IRQ> <ffffffff8015b0de>{__alloc_pages+878} <ffffffff8015b10e>{__get_free_pages+14}\n"
		"Feb 28 10:04:45 h kernel:        <ffffffff8015edc6>{kmem_getpages+38} <ffffffff8016061e>{cache_grow+190}\n",
	};
	struct buf two = BUF_INIT;
	buf_add(&two, twice[0], strlen(twice[0]));
	buf_add(&two, twice[1], strlen(twice[1]));
	read_text(two.data, &e);
	CHECK_INT(e.events, 2);
	buf_clear(&two);
	buf_add(&two, twice[0], strlen(twice[0]));
	buf_add(&two, twice[0], strlen(twice[0]));
	read_text(two.data, &e);
	CHECK_INT(e.events, 1);
	buf_release(&two);
	const char *kill =
		"[  238.324946] Out of memory: Killed process 537 (login) total-vm:27584kB, anon-rss:860kB, file-rss:0kB\n"
		"[  238.338585] systemd invoked oom-killer: gfp_mask=0x100cca(GFP_HIGHUSER_MOVABLE), order=0, oom_score_adj=0\n"
		"[  238.339420] CPU: 0 PID: 1 Comm: systemd Not tainted 5.4.0-next-20191204+ #75\n"
		"[  238.341121] Call Trace:\n"
		"[  238.341337]  dump_stack+0x8f/0xd0\n"
		"[  238.346797] RIP: 0033:0x7f47eba4197e\n"
		"[  238.364765] Out of memory: Killed process 1 (systemd) total-vm:1000kB, anon-rss:800kB, file-rss:0kB\n";
	read_text(kill, &e);
	CHECK_INT(e.events, 2);
	CHECK_INT(e.first.victim.pid, 537);
	CHECK_STR(e.first.kernel, "5.4.0-next-20191204+");
	CHECK_STR(e.first.arch, "x86_64");
	CHECK(e.first.kernel_from_neighbour);
}

/* sysrq f pressed five times, 4.x with the report headers rate-limited
 * (R032): each "Manual OOM execution" is a request of its own, two kill,
 * three are ignored; all say manual. */
TEST(test_sysrq_requests_without_headers)
{
	const char *in =
		"> [  713.805315] sysrq: SysRq : Manual OOM execution\n"
		"> [  713.808920] Out of memory: Kill process 4468 ((agetty)) score 0 or sacrifice child\n"
		"> [  713.814913] Killed process 4468 ((agetty)) total-vm:43704kB, anon-rss:1760kB, file-rss:0kB, shmem-rss:0kB\n"
		"> [  714.004805] sysrq: SysRq : Manual OOM execution\n"
		"> [  714.005936] Out of memory: Kill process 4469 (systemd-cgroups) score 0 or sacrifice child\n"
		"> [  714.008117] Killed process 4469 (systemd-cgroups) total-vm:10704kB, anon-rss:120kB, file-rss:0kB, shmem-rss:0kB\n"
		"> [  714.189310] sysrq: SysRq : Manual OOM execution\n"
		"> [  714.193425] sysrq: OOM request ignored because killer is disabled\n"
		"> [  714.381313] sysrq: SysRq : Manual OOM execution\n"
		"> [  714.385158] sysrq: OOM request ignored because killer is disabled\n"
		"> [  714.573320] sysrq: SysRq : Manual OOM execution\n"
		"> [  714.576988] sysrq: OOM request ignored because killer is disabled\n";
	struct ev1 e;
	read_text(in, &e);
	CHECK_INT(e.events, 5);
	CHECK(e.first.sysrq_manual);
	CHECK_INT(e.first.victim.pid, 4468);
	CHECK_STR(e.first.victim.comm, "(agetty)");
	/* 5.x: the key's line, then the report with order=-1: one event */
	const char *full =
		"[  100.0] sysrq: Manual OOM execution\n"
		"[  100.0] kworker/0:1 invoked oom-killer: gfp_mask=0xcc0(GFP_KERNEL), order=-1, oom_score_adj=0\n"
		"[  100.1] Out of memory: Killed process 7 (x) total-vm:100kB, anon-rss:10kB, file-rss:0kB, shmem-rss:0kB\n";
	read_text(full, &e);
	CHECK_INT(e.events, 1);
	CHECK_INT(e.first.req.order, -1);
	CHECK_STR(e.first.req.trigger_comm, "kworker/0:1");
	/* 4.19+: no victim: out_of_memory's "no killable processes", then
	 * moom_callback's "OOM request ignored" of the same request: one
	 * event (R5376); a second key press after it is a request of its own */
	const char *none =
		"kworker/0:1 invoked oom-killer: gfp_mask=0x6000c0(GFP_KERNEL), nodemask=(null), order=-1, oom_score_adj=0\n"
		"Out of memory and no killable processes...\n"
		"OOM request ignored. No task eligible\n";
	read_text(none, &e);
	CHECK_INT(e.events, 1);
	CHECK(e.first.sysrq_manual);
	const char *twice =
		"[  10.0] kworker/0:1 invoked oom-killer: gfp_mask=0x6000c0(GFP_KERNEL), nodemask=(null), order=-1, oom_score_adj=0\n"
		"[  10.0] Out of memory and no killable processes...\n"
		"[  10.0] OOM request ignored. No task eligible\n"
		"[  12.0] OOM request ignored. No task eligible\n";
	read_text(twice, &e);
	CHECK_INT(e.events, 2);
}

/* SysRq-T's task dump (kernel/sched/core.c sched_show_task): a task
 * sleeping inside out_of_memory is no report of its own; its stack still
 * says the machine's arch (R758, R5292). */
TEST(test_shown_task_sleeping_in_the_oom_killer)
{
	const char *in =
		"[  269.985819] b.out invoked oom-killer: gfp_mask=0x14200ca(GFP_HIGHUSER_MOVABLE), nodemask=(null), order=0, oom_score_adj=0\n"
		"[  269.988570] CPU: 0 PID: 9079 Comm: b.out Not tainted 4.15.0-rc8+ #217\n"
		"(...snipped...)\n"
		"[  270.073050] Out of memory: Kill process 914 (b.out) score 9 or sacrifice child\n"
		"[  270.074660] Killed process 2208 (b.out) total-vm:2108kB, anon-rss:64kB, file-rss:4kB, shmem-rss:0kB\n"
		"[  297.562824] sysrq: SysRq : Show State\n"
		"(...snipped...)\n"
		"[  471.716610] b.out           R  running task        0  9079   7400 0x00000000\n"
		"[  471.718203] Call Trace:\n"
		"[  471.718784]  __schedule+0x142/0x4b2\n"
		"[  471.721207]  ? oom_kill_process+0x396/0x400\n"
		"[  471.724350]  out_of_memory+0xea/0x270\n"
		"[  471.726238]  __alloc_pages_nodemask+0x715/0x880\n"
		"[  471.735200]  __do_page_fault+0x199/0x430\n"
		"[  471.736163]  ? common_exception+0x82/0x8a\n"
		"[  471.738881]  common_exception+0x82/0x8a\n"
		"(...snipped...)\n"
		"[  566.969400] oom_reaper: reaped process 2208 (b.out), now anon-rss:0kB, file-rss:0kB, shmem-rss:0kB\n";
	struct ev1 e;
	read_text(in, &e);
	CHECK_INT(e.events, 1);
	CHECK_INT(e.first.victim.pid, 2208);
	CHECK_STR(e.first.arch, "i686");
	/* 5.9+'s form of the task line, its stack all the input holds */
	const char *alone =
		"[  471.716610] task:b.out           state:D stack:    0 pid: 9079 ppid:  7400 flags:0x00004000\n"
		"[  471.718203] Call Trace:\n"
		"[  471.718784]  __schedule+0x142/0x4b2\n"
		"[  471.723215]  schedule_timeout_killable+0x15/0x20\n"
		"[  471.724350]  out_of_memory+0xea/0x270\n"
		"[  471.726238]  __alloc_pages_nodemask+0x715/0x880\n";
	read_text(alone, &e);
	CHECK_INT(e.events, 0);
}

/* 2.6.7 (R089): a kill line, two allocation failures whose frames say
 * i686, and the fault path's "VM: killing process x": four events; the
 * first borrows the arch of the next (same machine, no release in any). */
TEST(test_old_fault_path_kill_and_borrowed_arch)
{
	const char *in =
		"Out of Memory: Killed process 1336 (memtest).\n"
		"memtest: page allocation failure. order:0, mode:0xd2\n"
		" [<c0140781>] __alloc_pages+0x2da/0x34a\n"
		" [<c0105b63>] syscall_call+0x7/0xb\n"
		"memtest: page allocation failure. order:0, mode:0x1d2\n"
		" [<c0140781>] __alloc_pages+0x2da/0x34a\n"
		" [<c01065ed>] error_code+0x2d/0x38\n"
		"VM: killing process memtest\n";
	struct got g;
	CHECK(got_read(in, &g) == 4);
	CHECK_INT(g.n, 4);
	CHECK_INT(g.ev[0].victim.pid, 1336);
	CHECK_STR(g.ev[0].arch, "i686");
	CHECK_STR(g.ev[3].victim.comm, "memtest");
	CHECK(!known(g.ev[3].victim.pid));
	CHECK_INT(g.ev[3].outcome, OOM_OUTCOME_KILLED);
}

/* A report run through a Markdown converter (R137): punctuation
 * backslash-escaped, every line followed by a blank one, the gfp names and
 * the kill line's values broken onto the line after the blank. */
TEST(test_escaped_markdown_double_spaced)
{
	const char *in =
		"\\[ 5.168012\\] oom invoked oom-killer: gfp_mask=0x140dca(GFP_HIGHUSER_MOVABLE\\|\\_\\_GFP_COMP\\|\n"
		"\n"
		"\\_\\_GFP_ZERO), order=0, oom_score_adj=0\n"
		"\n"
		"\\[ 5.168019\\] CPU: 0 PID: 246 Comm: oom Not tainted 6.0.0+ \\#27\n"
		"\n"
		"\\[ 5.168026\\] \\<TASK\\>\n"
		"\n"
		"\\[ 5.168142\\] Tasks state (memory values in pages):\n"
		"\n"
		"\\[ 5.168142\\] \\[ pid \\] uid tgid total_vm rss pgtables_bytes swapents oom_score_adj name\n"
		"\n"
		"\\[ 5.168194\\] \\[ 246\\] 1000 246 33555023 1991355 16007168 0 0 oom\n"
		"\n"
		"\\[ 5.168195\\] oom-kill:constraint=CONSTRAINT_NONE,nodemask=(null),cpuset=/,mems_allowed=0,global_oom,task_memcg=/user.slice,task=oom,pid=246,uid=1000\n"
		"\n"
		"\\[ 5.168206\\] Out of memory: Killed process 246 (oom) total-vm:134220092kB, anon-rss:7965416kB\n"
		"\n"
		", file-rss:4kB, shmem-rss:0kB, UID:1000 pgtables:15632kB oom_score_adj:0\n";
	struct ev1 e;
	read_text(in, &e);
	CHECK_INT(e.events, 1);
	CHECK_STR(e.first.req.gfp_text, "0x140dca(GFP_HIGHUSER_MOVABLE|__GFP_COMP|__GFP_ZERO)");
	CHECK_INT(e.first.req.order, 0);
	CHECK_STR(e.first.kernel, "6.0.0+");
	CHECK_STR(e.first.constraint, "CONSTRAINT_NONE");
	CHECK_INT(e.first.victim.pid, 246);
	CHECK_INT(e.first.victim.file_rss_kib, 4);
	CHECK_INT(e.first.victim.oom_score_adj, 0);
	CHECK(e.first.have_task_table);
	/* a backslash in plain text is left alone: no escaped stamp, no decoding */
	read_text("[ 1.0] a\\_b invoked oom-killer: gfp_mask=0xd0, order=0, oom_score_adj=0\n", &e);
	CHECK_INT(e.events, 1);
	CHECK_STR(e.first.req.trigger_comm, "a\\_b");
}

/* ---- session 7: shapes of the fourth holdout --------------------------- */

TEST(test_trigger_comm_colon_pid)
{
	/* a debug kernel's "comm:pid invoked oom-killer" (R300's shape): the
	 * pid is the trigger's; a kernel thread's ':' after a '/' is its name */
	const char *in =
		"[  364.737486] oom02:4583 invoked oom-killer: gfp_mask=0x16080c0(GFP_KERNEL|__GFP_ZERO), nodemask=1,  order=0, oom_score_adj=0\n"
		"[  365.248067] Out of memory: Kill process 4578 (oom02) score 952 or sacrifice child\n"
		"[  365.255581] Killed process 4578 (oom02) total-vm:151104120kB, anon-rss:131562528kB, file-rss:1300kB, shmem-rss:0kB\n";
	struct ev1 e;
	read_text(in, &e);
	CHECK_INT(e.events, 1);
	CHECK_STR(e.first.req.trigger_comm, "oom02");
	CHECK_INT(e.first.req.trigger_pid, 4583);
	CHECK_STR(e.first.req.nodemask, "1");
	read_text("[ 1.0] kworker/u8:2 invoked oom-killer: gfp_mask=0x6000c0(GFP_KERNEL), order=0, oom_score_adj=0\n"
		  "[ 1.1] CPU: 1 PID: 77 Comm: kworker/u8:2 Not tainted 6.1.0 #1\n"
		  "[ 1.2] Out of memory: Killed process 9 (app) total-vm:100kB, anon-rss:10kB, file-rss:0kB, shmem-rss:0kB\n",
		  &e);
	CHECK_STR(e.first.req.trigger_comm, "kworker/u8:2");
	CHECK_INT(e.first.req.trigger_pid, 77);
	/* a name with ":digits" of its own, as the CPU line shows it whole */
	read_text("[ 1.0] app:1 invoked oom-killer: gfp_mask=0x6000c0(GFP_KERNEL), order=0, oom_score_adj=0\n"
		  "[ 1.1] CPU: 1 PID: 77 Comm: app:1 Not tainted 6.1.0 #1\n"
		  "[ 1.2] Out of memory: Killed process 9 (app) total-vm:100kB, anon-rss:10kB, file-rss:0kB, shmem-rss:0kB\n",
		  &e);
	CHECK_STR(e.first.req.trigger_comm, "app:1");
	CHECK_INT(e.first.req.trigger_pid, 77);
	/* no CPU line and no other line naming "crawler.rb" (a Ruby thread's
	 * "file:line" name, R405's shape): the printed name stays whole */
	read_text("[ 1.0] crawler.rb:213 invoked oom-killer: gfp_mask=0x201da, order=0, oom_score_adj=0\n"
		  "[ 1.2] Out of memory: Kill process 25910 (ruby) score 979 or sacrifice child\n"
		  "[ 1.3] Killed process 25910 (ruby) total-vm:16287724kB, anon-rss:15310180kB, file-rss:0kB\n",
		  &e);
	CHECK_STR(e.first.req.trigger_comm, "crawler.rb:213");
	CHECK(e.first.req.trigger_pid < 0);
}

/* a constraint line cut inside the next key: the cut key is no part of
 * the value before it; a comma in a value with no key after it stays */
TEST(test_constraint_line_cut_in_a_key)
{
	static const struct { const char *tail; const char *memcg; } cases[] = {
		{ ",oom_memcg=/docker/abc,t", "/docker/abc" },
		{ ",oom_memcg=/docker/abc,task_mem", "/docker/abc" },
		{ ",oom_memcg=/docker/abc,", "/docker/abc" },
		{ ",oom_memcg=/docker/a,b", "/docker/a,b" },
		{ ",oom_memcg=/docker/abc", "/docker/abc" },
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		char in[512];
		snprintf(in, sizeof(in), "[ 1.0] oom-kill:constraint=CONSTRAINT_MEMCG,nodemask=(null),cpuset=abc,mems_allowed=0%s\n",
			 cases[i].tail);
		struct ev1 e;
		read_text(in, &e);
		CHECK_STR(e.first.oom_memcg, cases[i].memcg);
		CHECK_INT(e.first.kind, OOM_KIND_MEMCG);
	}
}

static int order_pids[4], order_n;
static void on_event_order(struct oom_event *ev, void *ctx)
{
	(void)ctx;
	if (order_n < 4)
		order_pids[order_n++] = (int)ev->victim.pid;
}

TEST(test_two_hosts_events_in_text_order)
{
	/* two hosts' kill lines quoted one after the other, mail-wrapped
	 * (R317's shape): the first host's report, open longer, waits for no
	 * one; events come out in the order the text shows them */
	const char *in =
		"Nov 14 15:23:48 oldserver kernel: [337631.991218] Out of memory: Kill\n"
		"process 19961 (python) score 17 or sacrifice child\n"
		"Nov 14 15:23:48 oldserver kernel: [337631.991237] Killed process 31357\n"
		"(sh) total-vm:5400kB, anon-rss:252kB, file-rss:4kB, shmem-rss:0kB\n"
		"\n"
		"It now looks like this:\n"
		"\n"
		"Jul 22 10:42:40 newserver kernel:\n"
		"oom-kill:constraint=CONSTRAINT_NONE,nodemask=(null),cpuset=/,mems_allowed=0,global_oom,task_memcg=/u,task=oomprocs,pid=3035,uid=10383\n"
		"Jul 22 10:42:40 newserver kernel: Out of memory: Killed process 3035\n"
		"(oomprocs) total-vm:1056800kB, anon-rss:8kB, file-rss:4kB,\n"
		"shmem-rss:0kB\n"
		"Jul 22 10:42:40 newserver kernel: oom_reaper: reaped process 3035\n"
		"(oomprocs), now anon-rss:0kB, file-rss:0kB, shmem-rss:0kB\n";
	order_n = 0;
	CHECK(report_read_mem(in, strlen(in), "test", on_event_order, NULL, NULL) >= 0);
	CHECK_INT(order_n, 2);
	CHECK_INT(order_pids[0], 31357);
	CHECK_INT(order_pids[1], 3035);
}

TEST(test_no_killable_then_the_machine_lives_on)
{
	/* 4.19+ prints "no killable processes" as a warning and panics at
	 * once for a global OOM: a next line that is no panic (the console's
	 * shell prompt, R357; the next report, R166) makes it a memcg's */
	const char *in =
		"[  108.130895] bash invoked oom-killer: gfp_mask=0xcc0(GFP_KERNEL), order=0, oom_score_adj=0\n"
		"...\n"
		"[  108.260164] Out of memory and no killable processes...\n"
		"[root@fedora ~]# cat /sys/fs/cgroup/test1/memory.max\n"
		"0\n";
	struct ev1 e;
	read_text(in, &e);
	CHECK_INT(e.events, 1);
	CHECK_INT(e.first.outcome, OOM_OUTCOME_NO_KILLABLE);
	CHECK_INT(e.first.kind, OOM_KIND_MEMCG);
	CHECK(e.first.kind_inferred);
	in = "kernel:  </TASK>\n"
	     "kernel: Out of memory and no killable processes...\n"
	     "kernel: systemd invoked oom-killer: gfp_mask=0xcc0(GFP_KERNEL), order=0, oom_score_adj=100\n"
	     "kernel: CPU: 10 UID: 1000 PID: 20957 Comm: systemd Not tainted 6.17.3-arch2-1 #1\n";
	read_text(in, &e);
	CHECK_INT(e.events, 2);
	CHECK_INT(e.first.kind, OOM_KIND_MEMCG);
	/* the panic follows: global */
	in = "[  108.130895] bash invoked oom-killer: gfp_mask=0xcc0(GFP_KERNEL), order=0, oom_score_adj=0\n"
	     "[  108.260164] Out of memory and no killable processes...\n"
	     "[  108.260170] Kernel panic - not syncing: System is deadlocked on memory\n";
	read_text(in, &e);
	CHECK_INT(e.first.kind, OOM_KIND_GLOBAL);
	/* the text ends there: nothing says which */
	read_text("[  108.130895] bash invoked oom-killer: gfp_mask=0xcc0(GFP_KERNEL), order=0, oom_score_adj=0\n"
		  "[  108.260164] Out of memory and no killable processes...\n", &e);
	CHECK_INT(e.first.kind, OOM_KIND_GLOBAL);
	/* the next line is of a new boot (its stamp went back): the panic was lost */
	read_text("[  108.130895] bash invoked oom-killer: gfp_mask=0xcc0(GFP_KERNEL), order=0, oom_score_adj=0\n"
		  "[  108.260164] Out of memory and no killable processes...\n"
		  "[    0.000000] BIOS-e820: [mem 0x0000000000000000-0x000000000009fbff] usable\n", &e);
	CHECK_INT(e.first.kind, OOM_KIND_GLOBAL);
	/* ≤4.18 panicked with that very message: global */
	read_text("[  108.130895] bash invoked oom-killer: gfp_mask=0xcc0(GFP_KERNEL), order=0, oom_score_adj=0\n"
		  "[  108.260164] Kernel panic - not syncing: Out of memory and no killable processes...\n"
		  "[  108.260170] CPU: 1 PID: 7 Comm: bash Not tainted 4.14.0 #1\n", &e);
	CHECK_INT(e.first.kind, OOM_KIND_GLOBAL);
}

TEST(test_trigger_nodemask_without_node0_is_mempolicy)
{
	/* 4.9-4.19: the trigger's nodemask is the allocation's; one that
	 * leaves out a node with memory is CONSTRAINT_MEMORY_POLICY (R300) */
	static const struct { const char *mask, *zones; int kind; } cases[] = {
		{ "1", "", OOM_KIND_MEMPOLICY },
		{ "2-3", "", OOM_KIND_MEMPOLICY },
		{ "0", "", OOM_KIND_GLOBAL },          /* a one-node machine's mems */
		{ "(null)", "", OOM_KIND_GLOBAL },
		{ "0-1", "", OOM_KIND_GLOBAL },
		/* node 1 has memory (its zone line) and is left out */
		{ "0", "Node 1 Normal free:100kB min:50kB low:60kB high:70kB present:1048576kB managed:1000000kB\n",
		  OOM_KIND_MEMPOLICY },
	};
	/* constrained_alloc: a __GFP_THISNODE request is CONSTRAINT_NONE */
	{
		struct ev1 e;
		read_text("[ 1.0] a invoked oom-killer: gfp_mask=0x3240c0(GFP_KERNEL|__GFP_THISNODE), nodemask=1, order=0, oom_score_adj=0\n"
			  "[ 1.1] Killed process 4578 (oom02) total-vm:100kB, anon-rss:10kB, file-rss:1300kB, shmem-rss:0kB\n",
			  &e);
		CHECK_INT(e.first.kind, OOM_KIND_GLOBAL);
	}
	char t[1024];
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		snprintf(t, sizeof(t),
			 "[  364.737486] oom02 invoked oom-killer: gfp_mask=0x16080c0(GFP_KERNEL|__GFP_ZERO), nodemask=%s,  order=0, oom_score_adj=0\n"
			 "%s%s"
			 "[  365.248067] Out of memory: Kill process 4578 (oom02) score 952 or sacrifice child\n"
			 "[  365.255581] Killed process 4578 (oom02) total-vm:151104120kB, anon-rss:131562528kB, file-rss:1300kB, shmem-rss:0kB\n",
			 cases[i].mask, cases[i].zones[0] ? "[  365.0] Mem-Info:\n[  365.1] " : "", cases[i].zones);
		struct ev1 e;
		read_text(t, &e);
		CHECK_INT(e.events, 1);
		CHECK_INT(e.first.kind, cases[i].kind);
	}
}

TEST(test_glued_lines_before_the_marker_and_selection_only)
{
	/* a paste whose newlines were lost, the log starting at the memcg
	 * lines and ending after the selection (R256's shape): the pieces
	 * before the first marker are the report's; the selection names the
	 * victim when the kill line is cut */
	const char *in =
		"[193038.106468] Task in /docker/0f2b killed as a result of limit of /docker/0f2b"
		"[193038.106478] memory: usage 524288kB, limit 524288kB, failcnt 77"
		"[193038.106480] memory+swap: usage 0kB, limit 9007199254740988kB, failcnt 0"
		"[193038.106494] [ pid ] uid tgid total_vm rss pgtables_bytes swapents oom_score_adj name"
		"[193038.106571] [27281] 0 27281 1153302 134371 1466368 0 0 java"
		"[193038.106574] Memory cgroup out of memory: Kill process 27281 (java) score 1027 or sacrifice child[193038.1\n";
	struct ev1 e;
	read_text(in, &e);
	CHECK_INT(e.events, 1);
	CHECK_INT(e.first.kind, OOM_KIND_MEMCG);
	CHECK_STR(e.first.snap.memcg.path, "/docker/0f2b");
	CHECK_INT(e.first.snap.memcg.limit_kib, 524288);
	CHECK(e.first.have_victim);
	CHECK_INT(e.first.victim.pid, 27281);
	CHECK_STR(e.first.victim.comm, "java");
	CHECK_INT(e.first.victim.oom_score_adj, 0);
}

TEST(test_task_rows_alone_are_a_cut_report)
{
	/* a paste of task rows only, header and kill cut (R158's shape): the
	 * OOM killer's own lines, one cut event */
	const char *in =
		"```\n"
		"Tue Jul 29 06:26:59 2025 kern.info kernel: [161775.410289] [   2786]     0  2786      326      224    16384        0             0 dropbear\n"
		"Tue Jul 29 06:26:59 2025 kern.info kernel: [161775.427423] [   2856]     0  2856      735      248    16384        0             0 ntpd\n"
		"Tue Jul 29 06:26:59 2025 kern.info kernel: [161775.486240] [   4479]     0\n";
	struct ev1 e;
	read_text(in, &e);
	CHECK_INT(e.events, 1);
	CHECK(e.first.truncated);
	CHECK_INT(e.first.snap.nr_tasks, 2);
	CHECK(!e.first.have_victim);
	/* one row is not enough */
	read_text("[   2786]     0  2786      326      224    16384        0             0 dropbear\n", &e);
	CHECK_INT(e.events, 0);
}

TEST(test_next_report_lends_its_arch)
{
	/* a 2.6.11 report printing no release and no arch, then the same
	 * machine's allocation failure whose ppc32 trace (its "Call trace:"
	 * as arm64 spells it, its one-word frames ppc's) shows it (R211) */
	const char *in =
		"oom-killer: gfp_mask=0xd2\n"
		"Free swap  = 219592kB\n"
		"Total swap = 976540kB\n"
		"Out of Memory: Killed process 2386 (memtest).\n"
		"memtest: page allocation failure. order:0, mode:0xd2\n"
		"Call trace:\n"
		" [c0007450] dump_stack+0x18/0x28\n"
		" [c003fa2c] __alloc_pages+0x2a4/0x3e4\n";
	struct ev1 e;
	read_text(in, &e);
	CHECK_INT(e.events, 2);
	CHECK_INT(e.first.victim.pid, 2386);
	CHECK_STR(e.first.arch, "ppc");
	CHECK(e.first.arch_from_neighbour);
	/* arm64's own "Call trace:" stays aarch64 */
	read_text("a invoked oom-killer: gfp_mask=0xcc0(GFP_KERNEL), order=0, oom_score_adj=0\n"
		  "Call trace:\n dump_backtrace+0x0/0x1a0\n show_stack+0x18/0x28\n", &e);
	CHECK_STR(e.first.arch, "aarch64");
}

TEST(test_report_quoted_as_key_lines_then_in_full)
{
	/* a page lists a report's key lines, then the report in full, cut
	 * before its kill (R218's shape), no stamps: one event */
	const char *key =
		"app.out invoked oom-killer: gfp_mask=0x200da, order=0, oom_adj=0, oom_score_adj=0\n"
		"Out of memory: Kill process 957 (app.out) score 524 or sacrifice child\n"
		"Killed process 957 (app.out) total-vm:67472kB, anon-rss:14496kB, file-rss:516kB\n"
		"\n"
		"2. Print All:\n"
		"\n";
	const char *full =
		"app.out invoked oom-killer: gfp_mask=0x200da, order=0, oom_adj=0, oom_score_adj=0\n"
		"Backtrace:\n"
		"[<c000cfc4>] (dump_backtrace+0x0/0x10c) from [<c03990b4>] (dump_stack+0x18/0x1c)\n"
		"Mem-info:\n"
		"Normal per-cpu:\n"
		"active_anon:3734 inactive_anon:0 isolated_anon:0\n";
	char t[2048];
	snprintf(t, sizeof(t), "%s%s", key, full);
	struct ev1 e;
	read_text(t, &e);
	CHECK_INT(e.events, 1);
	CHECK_INT(e.first.victim.pid, 957);
	CHECK(e.first.have_meminfo);
	CHECK_STR(e.first.arch, "arm");
	/* another request (order) is another report */
	snprintf(t, sizeof(t), "%s%s", key,
		 "app.out invoked oom-killer: gfp_mask=0x200da, order=1, oom_adj=0, oom_score_adj=0\n"
		 "Mem-info:\nactive_anon:3734 inactive_anon:0 isolated_anon:0\n");
	read_text(t, &e);
	CHECK_INT(e.events, 2);
}

/* Prose that quotes a trigger's words between two fences of one report
 * ("kswapd0 invoked oom-killer: 由谁触发的 OOM Killer,", R447) starts no
 * report: the kernel's line has its request after the colon, or nothing
 * where a mailer wrapped it. */
TEST(test_prose_quoting_the_trigger_is_no_report)
{
	const char *in =
		"[ 1.000001] kswapd0 invoked oom-killer: gfp_mask=0xcc0(GFP_KERNEL), order=0, oom_score_adj=0\n"
		"[ 1.000002] CPU: 5 PID: 111 Comm: kswapd0 Not tainted 6.9.8 #1\n"
		"```\n"
		"\n"
		"kswapd0 invoked oom-killer: \xe7\x94\xb1\xe8\xb0\x81 OOM Killer, \n"
		"\n"
		"```\n"
		"[ 1.000003] Free swap  = 4kB\n"
		"[ 1.000004] Total swap = 33855916kB\n"
		"[ 1.000005] oom-kill:constraint=CONSTRAINT_NONE,nodemask=(null),cpuset=/,mems_allowed=0,global_oom,task_memcg=/,task=a.out,pid=5071,uid=0\n"
		"[ 1.000006] Out of memory: Killed process 5071 (a.out) total-vm:1000kB, anon-rss:500kB, file-rss:128kB, shmem-rss:0kB, UID:0 pgtables:8kB oom_score_adj:0\n";
	struct ev1 e;
	read_text(in, &e);
	CHECK_INT(e.events, 1);
	CHECK_STR(e.first.req.trigger_comm, "kswapd0");
	CHECK_INT(e.first.victim.pid, 5071);
	CHECK_INT(e.first.snap.mem.swap_free_kib, 4);
	CHECK(line_kind_invoked_prose(" \xe7\x94\xb1 OOM Killer, ", 16));
	CHECK(!line_kind_invoked_prose(" gfp_mask=0xcc0", 15));
	CHECK(!line_kind_invoked_prose("gfp\\_mask=0xd0", 14));
	CHECK(!line_kind_invoked_prose("  ", 2));
}

/* A mailer put the memcg path of "Memory cgroup stats for" on a line of
 * its own (the path's ':' made it look like a line of its own, R439), and
 * x86's 5.8+ idtentry frame says the arch. */
TEST(test_memcg_stats_path_on_the_next_line)
{
	const char *in =
		">  sysvec_apic_timer_interrupt+0xa2/0xd0\n"
		"> memory: usage 7812476kB, limit 7812500kB, failcnt 775198\n"
		"> swap: usage 0kB, limit 0kB, failcnt 0\n"
		"> Memory cgroup stats for\n"
		"> /kubepods.slice/kubepods-burstable.slice/kubepods-burstable-podb8f4f0e9_fb95_4f2d_8443_e6a78f235c9a.slice/x.scope:\n"
		"> anon 348016640\n"
		"> file 7502163968\n";
	struct ev1 e;
	read_text(in, &e);
	CHECK_INT(e.events, 1);
	CHECK_STR(e.first.snap.memcg.path,
		  "/kubepods.slice/kubepods-burstable.slice/kubepods-burstable-podb8f4f0e9_fb95_4f2d_8443_e6a78f235c9a.slice/x.scope");
	char t[512];
	snprintf(t, sizeof(t), "%sCall Trace:\n  sysvec_apic_timer_interrupt+0xa2/0xd0\n", head);
	arch_of(t, "x86_64");
}

TEST(test_warn_alloc_with_its_own_text)
{
	/* mm/page_alloc.c warn_alloc(gfp, nodemask, fmt, ...): "<fmt>, mode:…" */
	struct ev1 e;
	read_text("[   49.215291] kworker/0:1: vmemmap alloc failure: order:9, mode:0x4cc0(GFP_KERNEL|__GFP_RETRY_MAYFAIL), nodemask=(null),cpuset=/,mems_allowed=0\n"
		  "[   49.215300] CPU: 0 PID: 18 Comm: kworker/0:1 Not tainted 5.13.0-rc5 #1\n", &e);
	CHECK_INT(e.events, 1);
	CHECK(e.first.kind == OOM_KIND_ALLOC_FAILURE);
	CHECK_STR(e.first.req.trigger_comm, "kworker/0:1");
	CHECK_INT(e.first.req.order, 9);
	CHECK_STR(e.first.req.gfp_text, "0x4cc0(GFP_KERNEL|__GFP_RETRY_MAYFAIL)");
	read_text("[10819.731002] kworker/u16:2: vmalloc: allocation failure: 0 bytes, mode:0xdc0(GFP_KERNEL|__GFP_ZERO), nodemask=(null),cpuset=/,mems_allowed=0\n"
		  "[10819.731022] CPU: 5 PID: 344 Comm: kworker/u16:2 Not tainted 5.10.0-rc7 #1\n", &e);
	CHECK_INT(e.events, 1);
	CHECK_STR(e.first.req.trigger_comm, "kworker/u16:2");
	CHECK_STR(e.first.req.gfp_text, "0xdc0(GFP_KERNEL|__GFP_ZERO)");
	/* prose naming a mode is no warn_alloc line */
	read_text("note: the mode:0x10 was set, nodemask=1 here\n", &e);
	CHECK_INT(e.events, 0);
	CHECK(line_kind_warn_alloc_text("a: b, mode:0x4cc0(X), nodemask=0", 32) != NULL);
	CHECK(line_kind_warn_alloc_text("a b, mode:0x4cc0, nodemask=0", 28) == NULL);
	/* vmalloc's own words with the mode cut off (R4488); not prose */
	{
		const char *v = "ipset: vmalloc error: size 1073741848, exceeds total pages";
		const char *q = line_kind_warn_alloc_text(v, strlen(v));
		CHECK(q == v + 5);
		const char *prose = "we saw: the kernel said: vmalloc error: size 1073741848";
		CHECK(line_kind_warn_alloc_text(prose, strlen(prose)) == NULL);
	}
}

TEST(test_brackets_glued_before_an_allocation_failure)
{
	struct ev1 e;
	read_text("[Playing  (List Repeated)][Vol=01][00:02:54/00:04:07]swapper/0: page allocation failure: order:0, mode:0x200020\n"
		  "CPU: 0 PID: 0 Comm: swapper/0 Not tainted 3.10.53 #1\n", &e);
	CHECK_INT(e.events, 1);
	CHECK_STR(e.first.req.trigger_comm, "swapper/0");
	CHECK_INT(e.first.req.order, 0);
	CHECK_STR(e.first.req.gfp_text, "0x200020");
	CHECK_INT(line_kind_of("[ 1234]     0  1234    50000     1000      40     9000             0 app", 70), LK_TASK_ROW);
}

/* An empty comm (prctl(PR_SET_NAME, "")): the trigger line starts at
 * "invoked" once its blank is trimmed, and the dump_stack line's comm is
 * blanks; the request is read, the name left unknown (R2166) */
TEST(test_empty_comm_trigger)
{
	struct ev1 e;
	read_text("Oct  6 13:19:44 host kernel: [12541.403664]    invoked oom-killer: gfp_mask=0x40d0, order=1, oomkilladj=0\n"
		  "Oct  6 13:19:44 host kernel: [12541.403671] Pid: 6575, comm:    Not tainted 2.6.24-19-generic #1\n"
		  "Oct  6 13:19:44 host kernel: [12541.403700]  [<c0165f6b>] out_of_memory+0x16b/0x1a0\n", &e);
	CHECK_INT(e.events, 1);
	CHECK_INT(e.first.req.order, 1);
	CHECK(e.first.req.gfp_known);
	CHECK_INT(e.first.req.gfp_mask, 0x40d0);
	CHECK_STR(e.first.req.trigger_comm, "");
	CHECK_INT(e.first.req.trigger_pid, 6575);
	/* a comm the scanner takes for a prefix on a header printed twice
	 * ("runc:[1:CHILD] invoked …", one blank left): no empty-comm report */
	read_text("runc:[1:CHILD] invoked oom-killer: gfp_mask=0xcc0(GFP_KERNEL), order=0, oom_score_adj=-999\n"
		  "runc:[1:CHILD] invoked oom-killer: gfp_mask=0xcc0(GFP_KERNEL), order=0, oom_score_adj=-999\n"
		  "CPU: 0 PID: 7148 Comm: runc:[1:CHILD] Not tainted 5.3.0-1032-gcp #34~18.04.1-Ubuntu\n"
		  "Call Trace:\n"
		  " dump_stack+0x6d/0x95\n"
		  " dump_header+0x4f/0x200\n"
		  "Task in /docker/0abc killed as a result of limit of /docker/0abc\n"
		  "memory: usage 65536kB, limit 65536kB, failcnt 20\n", &e);
	CHECK_INT(e.events, 1);
}

/* panic()'s own dump_stack after "Kernel panic - not syncing: Out of
 * memory…", with a vendor's register dump between (R2174): the panic's
 * stack, not a second report */
TEST(test_panic_stack_after_lines_between)
{
	struct ev1 e;
	read_text("[ 89.75] app invoked oom-killer: gfp_mask=0x100cca(GFP_HIGHUSER_MOVABLE), order=0, oom_score_adj=0\n"
		  "[ 89.76] CPU: 2 PID: 1440 Comm: app Tainted: G S 5.4.74 #14\n"
		  "[ 89.77] Call trace:\n"
		  "[ 89.78]  out_of_memory+0x400/0x510\n"
		  "[ 89.79] Mem-Info:\n"
		  "[ 89.80] active_anon:20000 inactive_anon:10 isolated_anon:0\n"
		  "[ 90.12] Kernel panic - not syncing: Out of memory: compulsory panic_on_oom is enabled\n"
		  "[ 90.13] pc : arch_get_regs+0x11c/0x140\n"
		  "[ 90.14] x29: ffff80001736f6e0 x28: 0000000000000000\n"
		  "[ 90.25] monitor note oops info\n"
		  "[ 90.26] Monitor notify normal exception cpu=2\n"
		  "[ 90.27] CPU: 2 PID: 1440 Comm: app Tainted: G S 5.4.74 #14\n"
		  "[ 90.28] Call trace:\n"
		  "[ 90.29]  dump_stack+0xe8/0x168\n"
		  "[ 90.29]  panic+0x1cc/0x36c\n"
		  "[ 90.30]  out_of_memory+0x400/0x510\n"
		  "PANIC: Out of memory: compulsory panic_on_oom is enabled\n", &e);
	CHECK_INT(e.events, 1);
	CHECK_INT(e.first.outcome, OOM_OUTCOME_PANIC);
	CHECK_INT(e.first.req.trigger_pid, 1440);
}

/* the charge path under out_of_memory is a memory cgroup's OOM, the
 * report cut before its memcg lines (R2231); a "? " word of it is stale
 * (R1099) */
TEST(test_charge_frames_say_memcg)
{
	struct ev1 e;
	read_text("runc:[2:INIT] invoked oom-killer: gfp_mask=0xcc0(GFP_KERNEL), order=0, oom_score_adj=-998\n"
		  "CPU: 0 PID: 52432 Comm: runc:[2:INIT] Tainted: G           O       6.6.44+ #1\n"
		  "Call Trace:\n"
		  " <TASK>\n"
		  " dump_stack_lvl+0x5d/0x80\n"
		  " dump_header+0x52/0x250\n"
		  " oom_kill_process+0x10a/0x220\n"
		  " out_of_memory+0x3bc/0x5a0\n"
		  " ? mem_cgroup_iter+0x1ca/0x240\n"
		  " try_charge_memcg+0x82a/0xa90\n"
		  " charge_memcg+0x3f/0x1f0\n", &e);
	CHECK_INT(e.events, 1);
	CHECK_INT(e.first.kind, OOM_KIND_MEMCG);
	read_text("memhog invoked oom-killer: gfp_mask=0x24280ca, order=0, oom_score_adj=0\n"
		  "CPU: 0 PID: 3000 Comm: memhog Not tainted 4.3.0-rc6 #1\n"
		  "Call Trace:\n"
		  " [<ffffffff81393bc3>] dump_stack+0x44/0x55\n"
		  " [<ffffffff811ad1bc>] ? mem_cgroup_try_charge+0x7c/0x1a0\n"
		  " [<ffffffff8113f1d1>] out_of_memory+0x2e1/0x4b0\n"
		  " [<ffffffff81144b6d>] __alloc_pages_nodemask+0x8dd/0x9e0\n", &e);
	CHECK_INT(e.events, 1);
	CHECK(e.first.kind != OOM_KIND_MEMCG);
}

/* a paste that doubled the blank where a wrap was joined back: the kill
 * line is still the victim's, not the selection's process (R2181) */
TEST(test_kill_line_with_a_doubled_blank)
{
	struct ev1 e;
	read_text("[267104.37] emt invoked oom-killer: gfp_mask=0x24040c0(GFP_KERNEL|__GFP_COMP), order=3, oom_score_adj=0\n"
		  "[267104.37]  Out of memory: Kill process 1450 (Plex Media Serv) score 11 or sacrifice  child\n"
		  "[267104.38] Killed  process 27677 (Plex Script Hos) total-vm:2123836kB, anon-rss:75488kB,  file-rss:9332kB\n", &e);
	CHECK_INT(e.events, 1);
	CHECK_INT(e.first.victim.pid, 27677);
	CHECK_STR(e.first.victim.comm, "Plex Script Hos");
	CHECK_INT(e.first.victim.anon_rss_kib, 75488);
	CHECK_INT(e.first.victim.file_rss_kib, 9332);
}

/* warn_alloc with vmalloc's own text (R481's shape): the size asked for is
 * kept for diagnose, in both wordings */
TEST(test_vmalloc_failure_size)
{
	struct ev1 e;
	read_text("[10819.731002] kworker/u16:2: vmalloc: allocation failure: 0 bytes, mode:0xdc0(GFP_KERNEL|__GFP_ZERO), nodemask=(null),cpuset=/,mems_allowed=0\n", &e);
	CHECK_INT(e.events, 1);
	CHECK(e.first.req.vmalloc_known);
	CHECK_INT(e.first.req.vmalloc_bytes, 0);
	read_text("[ 5.1] modprobe: vmalloc error: size 8589934592, exceeds total pages, mode:0xcc0(GFP_KERNEL), nodemask=(null),cpuset=/,mems_allowed=0\n", &e);
	CHECK_INT(e.events, 1);
	CHECK(e.first.req.vmalloc_known);
	CHECK_INT(e.first.req.vmalloc_bytes, 8589934592LL);
	CHECK(e.first.req.vmalloc_over_ram);
	read_text("[ 5.1] app: page allocation failure: order:4, mode:0xcc0(GFP_KERNEL), nodemask=(null)\n", &e);
	CHECK(!e.first.req.vmalloc_known);
	/* 5.13-6.3's huge-page form prints what was got so far, not the size
	 * asked for: no 0-byte request; its page order is the request's
	 * order (R1533) */
	read_text("[286405.686587] qemu: vmalloc error: size 0, page order 9, failed to allocate pages, mode:0xdc2(GFP_KERNEL|__GFP_HIGHMEM|__GFP_ZERO), nodemask=(null),cpuset=/,mems_allowed=0\n", &e);
	CHECK_INT(e.events, 1);
	CHECK(!e.first.req.vmalloc_known);
	CHECK(e.first.req.vmalloc_huge);
	CHECK_INT(e.first.req.order, 9);
	read_text("[ 5.1] app: vmalloc error: size 4096, failed to map pages, mode:0xcc0(GFP_KERNEL), nodemask=(null)\n", &e);
	CHECK(!e.first.req.vmalloc_known);
	CHECK(!e.first.req.vmalloc_huge);
	CHECK(!e.first.req.vmalloc_pages_failed);
	/* the order-0 form: what was got before its pages failed (R3849) */
	read_text("[42826.019350] kworker/u65:8: vmalloc error: size 8192, failed to allocate pages, mode:0x10dc2(GFP_KERNEL|__GFP_HIGHMEM|__GFP_NORETRY|__GFP_ZERO), nodemask=(null),cpuset=/,mems_allowed=0\n", &e);
	CHECK_INT(e.events, 1);
	CHECK(!e.first.req.vmalloc_known);
	CHECK(e.first.req.vmalloc_pages_failed);
	CHECK_INT(e.first.req.vmalloc_got_bytes, 8192);
}

/* ---- a paste indented whole (test_corpus_damage's tab / indent4) ---------- */

TEST(test_paste_indent_learned_from_a_marker)
{
	/* a tab before the quote and before kmsg priorities: learned from the
	 * first marker line, stripped byte for byte; each indented record stays
	 * a line of its own (not the rest of a wrapped one) and a frame keeps
	 * its own blank */
	const char *in =
		"\t<6>[ 1770.2517] [ pid ]   uid  tgid total_vm      rss nr_ptes swapents oom_score_adj name\n"
		"\t<6>[ 1770.2687] [  472]     0   472      226        7       3        0             0 askfirst\n"
		"\t<3>[ 1770.3216] Out of memory: Kill process 472 (askfirst) score 0 or sacrifice child\n"
		"\t<3>[ 1770.3365] Killed process 472 (askfirst) total-vm:904kB, anon-rss:28kB, file-rss:0kB\n";
	struct ev1 e;
	read_text(in, &e);
	CHECK_INT(e.events, 1);
	CHECK_INT(e.first.victim.pid, 472);
	CHECK_INT(e.first.victim.anon_rss_kib, 28);
	const char *q =
		"\t> kernel: oom-killer: gfp_mask=0xd0\n"
		"\t> kernel: Free pages:      968016kB (966400kB HighMem)\n"
		"\t> kernel: DMA free:16kB min:16kB low:32kB high:48kB active:0kB inactive:9656kB present:16384kB\n"
		"\t> kernel: Out of Memory: Killed process 2510 (dd).\n";
	read_text(q, &e);
	CHECK_INT(e.events, 1);
	CHECK_STR(e.first.req.gfp_text, "0xd0");
	CHECK_INT(e.first.victim.pid, 2510);
	const char *sp =
		"    dd invoked oom-killer: gfp_mask=0x101cca(GFP_HIGHUSER_MOVABLE|__GFP_WRITE), order=0, oom_score_adj=0\n"
		"    CPU: 1 PID: 4404 Comm: dd Not tainted 6.1.0 #1\n"
		"    Call Trace:\n"
		"     <TASK>\n"
		"     dump_stack_lvl+0x34/0x48\n"
		"    oom-kill:constraint=CONSTRAINT_MEMCG,nodemask=(null),cpuset=t,mems_allowed=0,oom_memcg=/t,task_memcg=/t,task=dd,pid=4404,uid=0\n"
		"    Memory cgroup out of memory: Killed process 4404 (dd) total-vm:10512kB, anon-rss:1152kB, file-rss:1824kB, shmem-rss:0kB, UID:0 pgtables:76kB oom_score_adj:0\n";
	read_text(sp, &e);
	CHECK_INT(e.events, 1);
	CHECK_STR(e.first.kernel, "6.1.0");
	CHECK_STR(e.first.oom_memcg, "/t");
	CHECK_INT(e.first.victim.pid, 4404);
	/* learned from a prefixed line that holds no marker itself */
	const char *km =
		"\t<6>[ 1.000000] memory: usage 20480kB, limit 20480kB, failcnt 136\n"
		"\t<6>[ 1.000001] Memory cgroup out of memory: Killed process 5 (main) total-vm:10kB, anon-rss:4kB, file-rss:0kB, shmem-rss:0kB\n";
	read_text(km, &e);
	CHECK_INT(e.events, 1);
	CHECK_STR(e.first.kind == OOM_KIND_MEMCG ? "memcg" : "other", "memcg");
	CHECK_INT(e.first.victim.pid, 5);
}

/* x86-only marks (<TASK>, __switch_to_asm, do_user_addr_fault) say x86 but
 * not its width: a pid above 32768 (PID_MAX_LIMIT on 32-bit), a populated
 * DMA32 zone or >4 GiB of RAM without HighMem says 64 bit; alone, nothing
 * (R579, R695 shapes) */
TEST(test_x86_mark_width_from_pid_or_memory)
{
	static const struct { int pid; bool task; const char *arch; } cases[] = {
		{ 231458, true, "x86_64" },
		{ 2318, true, "x86_64" },    /* x86 and nothing says 32 bit (arch.c) */
		{ 231458, false, "" },       /* a big pid alone: arm64 has them too */
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		char t[1024];
		snprintf(t, sizeof(t),
			 "kworker/0:2: page allocation failure: order:7, mode:0xdc0(GFP_KERNEL|__GFP_ZERO), nodemask=(null)\n"
			 "CPU: 0 PID: %d Comm: kworker/0:2 Not tainted 6.6.1-custom #1\n"
			 "Call Trace:\n%s"
			 " dump_stack_lvl+0x4c/0x70\n"
			 " warn_alloc+0x10d/0x180\n",
			 cases[i].pid, cases[i].task ? " <TASK>\n" : "");
		arch_of(t, cases[i].arch);
	}
}

/* frame forms that say the arch without "Call Trace:": i386's
 * "[<c…>] func+0x…/0x…" (ARM prints "(func) from", ppc32 no "<"), s390's
 * entry labels at 16 digits, 2.6 x86_64's "<ffffffff…>{sym+off}"
 * (arch/x86_64/kernel/traps.c printk_address), R605, R606, R607 shapes */
TEST(test_frame_forms_say_arch)
{
	static const struct { const char *frames, *arch; } cases[] = {
		{ " [<c012bc40>] __alloc_pages+0x253/0x267\n [<c013b12e>] cache_alloc_refill+0x243/0x3e7\n", "i686" },
		{ "[<c0032d44>] (__alloc_pages+0x0/0x2d8) from [<c00538a4>] (cache_alloc_refill+0x1c8/0x4f8)\n", "arm" },
		{ "Call Trace:\n [<0000000000049d30>] __alloc_pages+0x318/0x35c\n [<0000000000020072>] io_return+0x0/0x10\n",
		  "s390x" },
		/* sparc64 at the same low addresses is no s390 (R091) */
		{ "Call Trace:\n [<0000000000ca531c>] dump_stack+0x8/0x18\n [<0000000000623e18>] oom_kill_process+0xb8/0x240\n",
		  "" },
		{ "<ffffffff8013ffd3>{del_timer+115}\n<ffffffff8015c886>{kmem_getpages+38}\n", "x86_64" },
		{ "<ffffffff>{del_timer+115}\n", "" },   /* 8 digits: none */
		/* 2.6.1x powerpc's REG "%08lX": upper-case words (R3806) */
		{ "Call Trace:\n[C04E3DB0] [C000A60C] show_stack+0x50/0x188 (unreliable)\n"
		  "[C04E3DE0] [C004C3EC] __alloc_pages+0x1c8/0x2a4\n", "ppc" },
		{ "Call Trace:\n[c04e3db0] [c000a60c] show_stack+0x50/0x188 (unreliable)\n", "ppc" },
		/* a riscv board's device-tree model, 8-digit frames: riscv32 (R3962) */
		{ "Hardware name: riscv-minimal-nommu,qemu (DT)\nCall Trace:\n[<80003520>] 0x80003520\n", "riscv32" },
		{ "Hardware name: SiFive HiFive Unmatched A00 riscv (DT)\nCall Trace:\n", "riscv64" },
		/* the two words must be as wide as each other */
		{ "[C04E3DB0] [C000A6] show_stack+0x50/0x188\n", "" },
	};
	for (size_t n = 0; n < sizeof(cases) / sizeof(cases[0]); n++) {
		char t[1024];
		snprintf(t, sizeof(t), "swapper: page allocation failure. order:1, mode:0x20\n%s", cases[n].frames);
		arch_of(t, cases[n].arch);
	}
}

/* decode_stacktrace.sh's frames (source lines for offsets, R620): a reliable
 * mem_cgroup_out_of_memory frame still says the memcg OOM; objtool's
 * "__pfx_" padding symbol and a "?" word do not */
TEST(test_decoded_memcg_frame_says_memcg)
{
	struct ev1 e;
	const char *in =
		"oom03 invoked oom-killer: gfp_mask=0xcc0(GFP_KERNEL), order=0, oom_score_adj=0\n"
		"CPU: 1 UID: 0 PID: 6788 Comm: oom03 Not tainted 6.16.0-rc5 #1\n"
		"Call Trace:\n"
		" <TASK>\n"
		" dump_stack_lvl (lib/dump_stack.c:123)\n"
		" dump_header (mm/oom_kill.c:468)\n"
		" oom_kill_process (mm/oom_kill.c:1050)\n"
		" out_of_memory (mm/oom_kill.c:1156)\n"
		" mem_cgroup_out_of_memory (mm/memcontrol.c:1654)\n"
		" ? __pfx_mem_cgroup_out_of_memory (mm/memcontrol.c:1634)\n"
		" try_charge_memcg (mm/memcontrol.c:2404)\n";
	read_text(in, &e);
	CHECK_INT(e.events, 1);
	CHECK_INT(e.first.kind, OOM_KIND_MEMCG);
	const char *pfx =
		"oom03 invoked oom-killer: gfp_mask=0xcc0(GFP_KERNEL), order=0, oom_score_adj=0\n"
		"CPU: 1 UID: 0 PID: 6788 Comm: oom03 Not tainted 6.16.0-rc5 #1\n"
		"Call Trace:\n"
		" dump_header (mm/oom_kill.c:468)\n"
		" out_of_memory (mm/oom_kill.c:1156)\n"
		" __pfx_mem_cgroup_out_of_memory (mm/memcontrol.c:1634)\n"
		" __alloc_pages_slowpath (mm/page_alloc.c:4412)\n";
	read_text(pfx, &e);
	CHECK_INT(e.events, 1);
	CHECK(e.first.kind != OOM_KIND_MEMCG);
}

/* ---- one text, the fields it must read as ---------------------------------- */

/* The trigger line and the dump_stack header read through damage: who
 * asked, for what, on which kernel. */
TEST(test_request_and_kernel_read_through_damage)
{
	static const struct read_case cases[] = {
		/* a line ending in '=' without any QP escape around is kernel text
		 * (or base64), never a soft break: nothing is joined or decoded */
		{ .name = "qp_needs_evidence",
		  .text = "[  1.000000] app invoked oom-killer: gfp_mask=0x100cca(GFP_HIGHUSER_MOVABLE), order=0, oom_score_adj=\n"
			  "[  1.000001] CPU: 0 PID: 7 Comm: app Not tainted 5.15.0-1 #1\n"
			  "[  1.000002] x=3Dy\n",
		  .events = IS(1), .trigger_pid = IS(7), .kernel = "5.15.0-1" },
		/* an Android/HiSilicon kmsg prefix: a stamp and counters that change
		 * from line to line, the comm glued to its ']'; continuation lines
		 * carry only the prefix's head */
		{ .name = "learned_prefix_with_changing_stamps",
		  .text = "--- dmesg ---\n"
			  "07-13 08:41:51.341 <4>[309805.658142s][pid:1361,cpu5,svc]svc: page allocation failure: order:2, mode:0x2000d1\n"
			  "07-13 08:41:51.346 <4>[309805.658142s][pid:1361,cpu5,svc]CPU: 5 PID: 1361 Comm: svc Tainted: G        W       4.1.18-g09f #1\n"
			  "07-13 08:41:51.347 <4>[309805.658172s][pid:1361,cpu5,svc]Hardware name: hi3650 (DT)\n"
			  "07-13 08:41:51.347 <4>[309805.658264s][pid:1361,cpu5,svc]Mem-Info:\n"
			  "07-13 08:41:51.347 <4>[309805.658264s][pid:1361,cpu5,svc]active_anon:491074 inactive_anon:118072 isolated_anon:0\n"
			  "07-13 08:41:51.347 <4>[309805.658264s] active_file:19087 inactive_file:9843 isolated_file:0\n"
			  "07-13 08:41:51.347 <4>[309805.658386s][pid:1361,cpu5,svc]Free swap  = 0kB\n"
			  "07-13 08:41:51.348 <4>[309805.658416s][pid:1361,cpu5,svc]Total swap = 524284kB\n"
			  "07-13 08:41:51.348 <4>[309805.658416s][pid:1361,cpu5,svc]992767 pages RAM\n",
		  .events = IS(1), .trigger_comm = "svc", .trigger_pid = IS(1361), .order = IS(2),
		  .kernel = "4.1.18-g09f" },
		/* a syslog date and host without the kernel's tag; the marker line's
		 * rest was wrapped by a mailer, so the next line is not the first to
		 * share the prefix */
		{ .name = "learned_prefix_behind_a_syslog_date",
		  .text = "> Sep 13 15:31:25 escabot init invoked oom-killer: gfp_mask=0xd0,\n"
			  "> order=0, oomkilladj=0\n"
			  "> Sep 13 15:31:25 escabot [<c0149ea8>] out_of_memory+0x158/0x1b0\n"
			  "> Sep 13 15:31:25 escabot [<c014b7b0>] __alloc_pages+0x2a0/0x300\n"
			  "> Sep 13 15:31:25 escabot Mem-info:\n"
			  "> Sep 13 15:31:25 escabot Free swap  = 2004216kB\n"
			  "> Sep 13 15:31:25 escabot Total swap = 2008116kB\n"
			  "> Sep 13 15:31:25 escabot 1048576 pages of RAM\n",
		  .events = IS(1), .trigger_comm = "init", .gfp_mask = IS(0xd0) },
		/* "C1 CompilerThre invoked" then "C1 CompilerThre cpuset=": the comm
		 * repeats, it is not a prefix to learn */
		{ .name = "comm_with_blank_is_no_prefix",
		  .text = "Apr 14 05:21:34 h kernel: C1 CompilerThre invoked oom-killer: gfp_mask=0x6000c0(GFP_KERNEL), nodemask=(null), order=0, oom_score_adj=-997\n"
			  "Apr 14 05:21:34 h kernel: C1 CompilerThre cpuset=x mems_allowed=0-3\n"
			  "Apr 14 05:21:34 h kernel: CPU: 21 PID: 585614 Comm: C1 CompilerThre Not tainted 4.19.0-1 #1\n",
		  .events = IS(1), .trigger_comm = "C1 CompilerThre" },
		/* a QP body hard-wrapped by the archive: no line ends in '=' */
		{ .name = "qp_equals_without_soft_breaks",
		  .text = "[1.0] gbased invoked oom-killer: gfp_mask=3D0x200da, order=3D0,\n"
			  "oom_score_adj=3D0\n",
		  .events = IS(1), .trigger_comm = "gbased", .order = IS(0),
		  .gfp_mask = IS(0x200da) },
		/* a reply quotes the start line alone, repeats it, then quotes the
		 * report: one event, with the report's frames */
		{ .name = "start_line_quoted_alone_before_its_report",
		  .text = "> checkd invoked oom-killer: gfp_mask=0x44d0, order=2, oomkilladj=0\n"
			  "\n"
			  "order=2 requires 16kb page.\n"
			  "checkd invoked oom-killer: gfp_mask=0x44d0, order=2, oomkilladj=0\n"
			  "> checkd invoked oom-killer: gfp_mask=0x44d0, order=2, oomkilladj=0\n"
			  "> [<c00328c8>] (dump_stack+0x0/0x14) from [<c006baf0>] (oom_kill_process+0x104/0x1cc)\n"
			  "> [<c006b9ec>] (oom_kill_process+0x0/0x1cc) from [<c006bf44>] (out_of_memory+0x1b8/0x200)\n",
		  .events = IS(1), .order = IS(2), .arch = "arm" },
		/* start lines of different times are reports of their own (grep) */
		{ .name = "start_line_quoted_alone_before_its_report, grep",
		  .text = "Jun 19 06:40:41 h kernel: oom-killer: gfp_mask=0x1d2\n"
			  "Jun 19 07:28:57 h kernel: oom-killer: gfp_mask=0x1d2\n",
		  .events = IS(2) },
		{ .name = "markdown_inline_code_on_a_kernel_line",
		  .text = "I also see the same issue.\n"
			  "`logger invoked oom-killer: gfp_mask=0x100cca(GFP_HIGHUSER_MOVABLE), order=0, oom_score_adj=0\n"
			  "CPU: 0 PID: 22618 Comm: logger Not tainted 5.4.69 #0`\n",
		  .events = IS(1), .trigger_comm = "logger", .kernel = "5.4.69" },
		/* long enough to be joined back (with a blank the kernel never prints) */
		{ .name = "gfp_names_on_the_next_line",
		  .text = "InputReader invoked oom-killer: gfp_mask=0x240c2c0\n"
			  "(GFP_KERNEL|__GFP_NOWARN|__GFP_COMP|__GFP_ZERO), nodemask=0, order=3,\n"
			  "oom_score_adj=-900\n",
		  .events = IS(1), .order = IS(3),
		  .gfp_text = "0x240c2c0(GFP_KERNEL|__GFP_NOWARN|__GFP_COMP|__GFP_ZERO)" },
		/* too short for a wrap repair: the header's own continuation */
		{ .name = "gfp_names_on_the_next_line, split",
		  .text = "a invoked oom-killer: gfp_mask=0x240c2c0\n"
			  "(GFP_KERNEL), order=3, oom_score_adj=0\n",
		  .events = IS(1), .order = IS(3), .gfp_text = "0x240c2c0(GFP_KERNEL)" },
		/* a mailer broke the line inside a flag name: joined back with a
		 * blank, which %pGg never prints between its '|'-joined names */
		{ .name = "gfp_name_broken_inside_a_word",
		  .text = "> Mar 26 12:32:37 pi kernel: [126764.421946] python3 invoked oom-killer: gfp_mask=0x15080c0(GFP_KE\n"
			  "> RNEL_ACCOUNT|__GFP_ZERO), nodemask=(null),  order=1, oom_score_adj=0\n"
			  "> Mar 26 12:32:37 pi kernel: [126764.421959] python3 cpuset=/ mems_allowed=0\n",
		  .events = IS(1), .order = IS(1),
		  .gfp_text = "0x15080c0(GFP_KERNEL_ACCOUNT|__GFP_ZERO)" },
		/* one warn_alloc line quoted in prose "(e.g. … mode:0x20)": the mask
		 * ends at its last hex digit */
		{ .name = "gfp_mode_quoted_inside_parentheses",
		  .text = "> swapper: page allocation failure: order:3, mode:0x20)\n",
		  .events = IS(1), .order = IS(3), .gfp_text = "0x20", .gfp_mask = IS(0x20),
		  .gfp_known = IS(true) },
		/* the trigger's name masked by hand, the CPU line's kept (R205's
		 * shape): both print current->comm */
		{ .name = "masked_trigger_name_from_the_dump_stack_line",
		  .text = "[ 2161.623563] xxxx: page allocation failure: order:10, mode:0x2084020(GFP_ATOMIC|__GFP_COMP)\n"
			  "[ 2161.632085] CPU: 0 PID: 179 Comm: AiApp Not tainted 4.9.56 #53\n"
			  "[ 2161.637947] Call Trace:\n",
		  .events = IS(1), .trigger_comm = "AiApp", .trigger_pid = IS(179) },
		/* a name that merely differs stays the trigger line's */
		{ .name = "masked_trigger_name_from_the_dump_stack_line, case 2",
		  .text = "[ 2161.623563] xorg: page allocation failure: order:10, mode:0x2084020(GFP_ATOMIC|__GFP_COMP)\n"
			  "[ 2161.632085] CPU: 0 PID: 179 Comm: AiApp Not tainted 4.9.56 #53\n",
		  .trigger_comm = "xorg" },
		/* CONFIG_PRINTK_CALLER: the trigger line is printed by the trigger */
		{ .name = "caller_id_names_the_trigger_pid",
		  .text = "[   30.424603][  T728] dd invoked oom-killer: gfp_mask=0x140cca(GFP_HIGHUSER_MOVABLE|__GFP_COMP), order=0, oom_score_adj=0\n",
		  .events = IS(1), .trigger_comm = "dd", .trigger_pid = IS(728) },
		/* a CPU caller id ("C3", interrupt context) names no task */
		{ .name = "caller_id_names_the_trigger_pid, case 2",
		  .text = "[   30.424603][    C3] dd invoked oom-killer: gfp_mask=0x140cca(GFP_HIGHUSER_MOVABLE|__GFP_COMP), order=0, oom_score_adj=0\n",
		  .events = IS(1), .trigger_pid = IS(OOM_NA) },
		{ .name = "kworker_name_with_a_moved_blank",
		  .text = "[71553.093623]kworker/1: 0: page allocation failure: order:4, mode:0x40dc0(GFP_KERNEL|__GFP_COMP|__GFP_ZERO), nodemask=(null),cpuset=/,mems_allowed=0\n",
		  .events = IS(1), .trigger_comm = "kworker/1:0", .order = IS(4) },
		/* another comm keeps its blank */
		{ .name = "kworker_name_with_a_moved_blank, case 2",
		  .text = "[71553.093623] my app: page allocation failure: order:4, mode:0x40dc0(GFP_KERNEL|__GFP_COMP|__GFP_ZERO), nodemask=(null),cpuset=/,mems_allowed=0\n",
		  .events = IS(1), .trigger_comm = "my app" },
		/* a mailer broke the dump_stack header in the taint field's run of
		 * blanks: the indented rest (taint letters, release) is the header's */
		{ .name = "header_wrapped_in_taint_blanks",
		  .text = "ethtool: page allocation failure: order:5, mode:0x40c0(GFP_KERNEL|__GFP_COMP), nodemask=(null)\n"
			  "CPU: 34 PID: 47182 Comm: ethtool Kdump: loaded Tainted: G           \n"
			  "  E     4.19.90-2 #1\n"
			  "Hardware name: Inspur NF5280M5/YZMB-00882-10E, BIOS 4.1.19 06/16/2021\n",
		  .events = IS(1), .kernel = "4.19.90-2" },
		/* the release cut by the poster: the next line is no rest of it */
		{ .name = "header_wrapped_in_taint_blanks, cut",
		  .text = "kworker/11:1H: page allocation failure: order:0, mode:0x20(GFP_ATOMIC), nodemask=(null)\n"
			  "CPU: 11 PID: 1642 Comm: kworker/11:1H Tainted: G    B\n"
			  "Hardware name: HP ProLiant XL420 Gen9/ProLiant XL420 Gen9, BIOS U19 12/27/2015\n",
		  .kernel = "" },
		/* a program's output and the kernel's line on one console line, no
		 * stamp between them: the comm is at most 15 bytes */
		{ .name = "trigger_comm_at_most_15_bytes",
		  .text = "Creating journal (262144 blocks): mkfs.ext4 invoked oom-killer: gfp_mask=0x101c4a(GFP_NOFS|__GFP_HIGHMEM|__GFP_HARDWALL|__GFP_MOVABLE|__GFP_WRITE), order=0, oom_score_adj=0\n"
			  "CPU: 0 PID: 363 Comm: mkfs.ext4 Not tainted 5.7.0-rc3-next-20200430 #1\n",
		  .events = IS(1), .trigger_comm = "mkfs.ext4" },
		/* a 15-byte comm with a blank stays whole */
		{ .name = "trigger_comm_at_most_15_bytes, c1",
		  .text = "C1 CompilerThre invoked oom-killer: gfp_mask=0x6000c0(GFP_KERNEL), nodemask=(null), order=0, oom_score_adj=-997\n",
		  .trigger_comm = "C1 CompilerThre" },
	};
	check_reads(cases, sizeof(cases) / sizeof(cases[0]));
}

/* The kill line and the victim's row read through damage. */
TEST(test_victim_read_through_damage)
{
	static const struct read_case cases[] = {
		/* the quoted kill line was wrapped by the first mailer, then each
		 * quoted line again by the replier's: "total-" / "vm:" / "> 105068kB" */
		{ .name = "quoted_paste_rewrapped_by_replier",
		  .text = "> [ 1171.795551] Out of memory: Killed process 1669 (xdg-desktop-por) total-\n"
			  "vm:\n"
			  "> 105068kB, anon-rss:9792kB, file-rss:10972kB, shmem-rss:0kB, UID:1000 \n"
			  "pgtables:\n"
			  "> 136kB oom_score_adj:200\n",
		  .events = IS(1), .victim_pid = IS(1669), .victim_adj = IS(200),
		  .total_vm_kib = IS(105068), .anon_rss_kib = IS(9792), .file_rss_kib = IS(10972) },
		/* grep kept the victim's row only (4.9: nr_ptes nr_pmds columns) */
		{ .name = "headerless_task_row_gives_adj",
		  .text = "[Tue May 16 19:45:20 2017] prometheus invoked oom-killer: gfp_mask=0x24201ca(GFP_HIGHUSER_MOVABLE|__GFP_COLD), nodemask=0, order=0, oom_score_adj=179\n"
			  "[Tue May 16 19:45:20 2017] CPU: 1 PID: 20234 Comm: prometheus Not tainted 4.9.24-coreos #1\n"
			  "[Tue May 16 19:45:20 2017] [15192]     0 15192  1679458  1648518    3283      11        0           179 prometheus\n"
			  "[Tue May 16 19:45:20 2017] Out of memory: Kill process 15192 (prometheus) score 1041 or sacrifice child\n"
			  "[Tue May 16 19:45:20 2017] Killed process 15192 (prometheus) total-vm:6717832kB, anon-rss:6594072kB, file-rss:0kB, shmem-rss:0kB\n",
		  .events = IS(1), .victim_pid = IS(15192), .victim_adj = IS(179) },
		/* a row of no known width is still ignored */
		{ .name = "headerless_task_row_gives_adj, odd",
		  .text = "app invoked oom-killer: gfp_mask=0xd0, order=0\n"
			  "[ 4242]     0  4242      100 app\n"
			  "Out of memory: Kill process 4242 (app) score 5 or sacrifice child\n"
			  "Killed process 4242 (app) total-vm:400kB, anon-rss:40kB, file-rss:0kB\n",
		  .events = IS(1), .victim_adj = IS(OOM_NA) },
		/* the paste starts mid-table (no "[ pid ]" header, 4.x nr_pmds width)
		 * and the kill line is cut before its adj: the rows back-fill the
		 * report and the victim's row gives oom_score_adj */
		{ .name = "log_starts_in_a_headerless_task_table",
		  .text = "May 05 19:35:27 h kernel: [ 2700]     0  2700      492       29       4       0        0             0 agetty\n"
			  "May 05 19:35:31 h kernel: [ 2737]     0  2737     2362     1506       8       0        0          -100 dhcpd\n"
			  "May 05 19:35:58 h kernel: Out of memory: Kill process 2737 (dhcpd) score 11 or sacrifice child\n"
			  "May 05 19:36:02 h kernel: Killed process 2737 (dhcpd) total-vm:9448kB, a\n",
		  .events = IS(1), .victim_pid = IS(2737), .victim_adj = IS(-100) },
		/* syslogd's wall copy of the panic, cut after "panic_on_oom" by
		 * a mail archive's <br> (R5295): the panic all the same */
		{ .name = "panic_on_oom_line_cut_at_its_word",
		  .text = "<p>Message from syslogd_at_localhost at Feb 23 22:42:17 ...\n"
			  "<br>\n"
			  "&nbsp;kernel:Kernel panic - not syncing: Out of memory: system-wide panic_on_oom\n"
			  "<br>\n"
			  "is enabled\n"
			  "<br>\n",
		  .events = IS(1), .kind = "global", .outcome = IS(OOM_OUTCOME_PANIC) },
		/* the report printed from check_panic_on_oom (vm.panic_on_oom),
		 * its panic line cut away (R5571, R681): the machine panicked */
		{ .name = "check_panic_on_oom_frame_says_panic",
		  .text = "[   90.450092] hotplug-call invoked oom-killer: gfp_mask=0x2420848, order=0, oom_score_adj=0\n"
			  "[   90.458394] CPU: 0 PID: 2327 Comm: hotplug-call Not tainted 4.4.93 #0\n"
			  "[   90.500943] Call Trace:\n"
			  "[   90.507826] [<800d498c>] dump_header.isra.4+0x48/0x130\n"
			  "[   90.513003] [<800d515c>] check_panic_on_oom+0x48/0x84\n"
			  "[   90.518102] [<800d5288>] out_of_memory+0xf0/0x324\n",
		  .events = IS(1), .outcome = IS(OOM_OUTCOME_PANIC) },
		{ .name = "check_panic_on_oom_frame_says_panic, unreliable",
		  .text = "[   90.450092] x invoked oom-killer: gfp_mask=0x2420848, order=0, oom_score_adj=0\n"
			  "[   90.500943] Call Trace:\n"
			  "[   90.507826]  dump_header+0x48/0x130\n"
			  "[   90.513003]  ? check_panic_on_oom+0x48/0x84\n"
			  "[   90.518102]  out_of_memory+0xf0/0x324\n",
		  .events = IS(1), .outcome = IS(OOM_OUTCOME_UNKNOWN) },
		/* the paste starts inside 2.6's summary line (R5452): its slab
		 * count is read, the report is one */
		{ .name = "log_starts_inside_the_26_summary_line",
		  .text = "Aug 17 00:16:30 coyote kernel:  unstable:0 free:8799 slab:223005 mapped:19246 pagetables:850\n"
			  "Aug 17 00:16:31 coyote kernel: Normal free:1848kB min:936kB low:1872kB high:2808kB active:1140kB inactive:1252kB present:901120kB\n"
			  "Aug 17 00:16:31 coyote kernel: Out of Memory: Killed process 1803 (httpd).\n",
		  .events = IS(1), .victim_pid = IS(1803) },
		/* a lone row in a log opens nothing */
		{ .name = "log_starts_in_a_headerless_task_table, case 2",
		  .text = "hello\n[ 2737]     0  2737     2362     1506       8       0        0             0 dhcpd\nbye\n",
		  .events = IS(0) },
		/* the paste opens on a row cut before its name (lines read
		 * oldest first, or a copy that stopped mid-row): the cut row's
		 * width is no layout, the whole rows after it are the table */
		{ .name = "log_starts_in_a_headerless_task_table, first row cut",
		  .text = "[201596.826156] [73314]     0 73314   712142    43617  1236992        0\n"
			  "[201596.826158] [73315]     0 73315   712142    43617  1236992        0             0 /conda/env/\n"
			  "[201596.826159] [73316]     0 73316   712142    43535  1236992        0             0 /conda/env/\n",
		  .events = IS(1), .kind = "global" },
		/* %lukB prints no leading zero: a value starting with 0 at the end of
		 * a cut line is 0; any other cut value stays unknown */
		{ .name = "kill_value_zero_at_a_cut",
		  .text = "[  238.324946] Out of memory: Killed process 537 (login) total-vm:27584kB, anon-rss:860kB, file-rss:0kB, shmem-rss:00\n",
		  .events = IS(1), .anon_rss_kib = IS(860), .shmem_rss_kib = IS(0) },
		{ .name = "kill_value_zero_at_a_cut, case 2",
		  .text = "[  1.0] Out of memory: Killed process 537 (login) total-vm:27584kB, anon-rss:86\n",
		  .events = IS(1), .total_vm_kib = IS(27584), .anon_rss_kib = IS(OOM_NA) },
		/* an indented note: the paste's indent is no prefix to learn, and the
		 * values line is the kill line's rest whatever its width */
		{ .name = "kill_values_on_their_own_line",
		  .text = "from the kernel log:\n"
			  "  Memory cgroup out of memory: Killed process 918703 (rs_cam_gui)\n"
			  "  total-vm:23870700kB, anon-rss:16736460kB\n"
			  "  scope: Failed with result 'oom-kill'; 16.0G memory peak.\n",
		  .events = IS(1), .victim_pid = IS(918703), .total_vm_kib = IS(23870700),
		  .anon_rss_kib = IS(16736460) },
		{ .name = "kill_values_on_their_own_line, fenced",
		  .text = "```\n"
			  "Memory cgroup out of memory: Killed process 2811 (jbmc)\n"
			  "  total-vm:16420540kB, anon-rss:13951040kB, file-rss:4528kB\n"
			  "```\n",
		  .events = IS(1), .file_rss_kib = IS(4528) },
		{ .name = "group_kills_without_announce_are_one_event",
		  .text = "2026-09-02T09:08:50.880492+00:00 h kernel: Main invoked oom-killer: gfp_mask=0x100cca(GFP_HIGHUSER_MOVABLE), order=0, oom_score_adj=934\n"
			  "2026-09-02T09:08:50.903135+00:00 h kernel: oom-kill:constraint=CONSTRAINT_MEMCG,nodemask=(null),cpuset=x,mems_allowed=0,oom_memcg=/k,task_memcg=/k,task=Main,pid=268654,uid=10001\n"
			  "2026-09-02T09:08:50.903136+00:00 h kernel: Memory cgroup out of memory: Killed process 268654 (Main) total-vm:2011236kB, anon-rss:567484kB, file-rss:20608kB, shmem-rss:0kB\n"
			  "2026-09-02T09:08:50.903138+00:00 h kernel: Memory cgroup out of memory: Killed process 235173 (tini) total-vm:2568kB, anon-rss:0kB, file-rss:1024kB, shmem-rss:0kB\n"
			  "2026-09-02T09:08:50.903139+00:00 h kernel: Memory cgroup out of memory: Killed process 268654 (Main) total-vm:2011236kB, anon-rss:567484kB, file-rss:20608kB, shmem-rss:0kB\n",
		  .events = IS(1), .victim_pid = IS(268654) },
		/* cut above the memcg block dump_header printed (R2403): that
		 * block proves the report was not rate-limited, as the header
		 * would */
		{ .name = "group_kills_without_announce_are_one_event, memcg block",
		  .text = "[78478.861343] memory: usage 4194304kB, limit 4194304kB, failcnt 945\n"
			  "[78478.861845] Memory cgroup out of memory: Killed process 2218304 (VLLM::Worker) total-vm:8483048kB, anon-rss:2816968kB, ...\n"
			  "[78478.874289] Memory cgroup out of memory: Killed process 2217250 (vllm) total-vm:4745220kB, anon-rss:854788kB, ...\n",
		  .events = IS(1), .victim_pid = IS(2218304) },
		/* a second later it is another OOM (rate-limited header) */
		{ .name = "group_kills_without_announce_are_one_event, later",
		  .text = "2026-09-02T09:08:50.880492+00:00 h kernel: Main invoked oom-killer: gfp_mask=0x100cca(GFP_HIGHUSER_MOVABLE), order=0, oom_score_adj=934\n"
			  "2026-09-02T09:08:50.903136+00:00 h kernel: Memory cgroup out of memory: Killed process 268654 (Main) total-vm:2011236kB, anon-rss:567484kB, file-rss:20608kB, shmem-rss:0kB\n"
			  "2026-09-02T09:08:52.903138+00:00 h kernel: Memory cgroup out of memory: Killed process 235173 (tini) total-vm:2568kB, anon-rss:0kB, file-rss:1024kB, shmem-rss:0kB\n",
		  .events = IS(2) },
		{ .name = "kill_messages_glued_after_a_comm",
		  .text = "> Killed process 19271 (trashapplet)Out of memory: kill process 12475 (qemu) score 7899 or a child"
			  "Killed process 12475 (qemu)\n",
		  .events = IS(2), .victim_pid = IS(19271), .victim_comm = "trashapplet" },
		/* the victim is the trigger itself, its row cut before the adj
		 * column (R326's shape): the trigger line's oom_score_adj is its */
		{ .name = "victim_is_the_trigger_and_cut_units",
		  .text = "Dec 14 17:13:12 kernel: python3 invoked oom-killer: gfp_mask=0xcc0(GFP_KERNEL), order=0, oom_score_adj=200\n"
			  "Dec 14 17:13:12 kernel: CPU: 12 PID: 483880 Comm: python3 Tainted: P           O       6.8.0-50-generic #51-Ubuntu\n"
			  "Dec 14 17:13:12 kernel: memory: usage 51200kB, limit 51200kB, failcnt 37\n"
			  "Dec 14 17:13:12 kernel: Tasks state (memory values in pages):\n"
			  "Dec 14 17:13:12 kernel: [  pid  ]   uid  tgid total_vm      rss rss_anon rss_file rss_shmem pgtables_bytes sw...\n"
			  "Dec 14 17:13:12 kernel: [ 483880]  1000 483880    73357    14530    12706     1824         0   180224        ...\n"
			  "Dec 14 17:13:12 kernel: Memory cgroup out of memory: Killed process 483880 (python3) total-vm:293428kB, anon-...\n",
		  .events = IS(1), .victim_pid = IS(483880), .victim_adj = IS(200) },
		/* another victim than the trigger takes nothing from it */
		{ .name = "victim_is_the_trigger_and_cut_units, case 2",
		  .text = "[ 1.0] a invoked oom-killer: gfp_mask=0xcc0(GFP_KERNEL), order=0, oom_score_adj=500\n"
			  "[ 1.1] CPU: 1 PID: 10 Comm: a Not tainted 6.8.0 #1\n"
			  "[ 1.2] Out of memory: Killed process 11 (b) total-vm:100kB, anon-rss:10kB, file-rss:0kB, shmem-rss:0kB\n",
		  .victim_adj = IS(OOM_NA) },
		/* a line cut at a fixed width inside a unit, its last byte replaced
		 * (R364's shape): the digits before the unit are whole */
		{ .name = "victim_is_the_trigger_and_cut_units, case 3",
		  .text = "kernel: Memory cgroup out of memory: Killed process 9575 (swapon01) total-vm:1051484kB, "
			  "anon-rss:1046572kB, file-rss:1280kB, shmem-rss:0k0\n",
		  .events = IS(1), .file_rss_kib = IS(1280), .shmem_rss_kib = IS(0) },
		{ .name = "victim_is_the_trigger_and_cut_units, case 4",
		  .text = "kernel: Memory cgroup out of memory: Killed process 9575 (swapon01) total-vm:1051484kB, "
			  "anon-rss:1046572kB, file-rss:1280k\n",
		  .file_rss_kib = IS(1280) },
		/* digits cut before the unit may be a part of the number: not taken */
		{ .name = "victim_is_the_trigger_and_cut_units, case 5",
		  .text = "kernel: Memory cgroup out of memory: Killed process 9575 (swapon01) total-vm:1051484kB, "
			  "anon-rss:1046572kB, file-rss:128\n",
		  .file_rss_kib = IS(OOM_NA) },
		/* the selection and kill lines quoted again after the report, the
		 * same stamps to the microsecond (R210's shape): one event */
		{ .name = "kill_lines_quoted_again_are_no_event",
		  .text = "[511250.459168] Free swap  = 0kB\n"
			  "[511250.459168] Total swap = 0kB\n"
			  "[511250.459172] [ pid ]   uid  tgid total_vm      rss nr_ptes swapents oom_score_adj name\n"
			  "[511250.459178] [17982]     0 17982  4950828   635077    5000        0             0 java\n"
			  "[511250.459581] Out of memory: Kill process 17982 (java) score 77 or sacrifice child\n"
			  "[511250.459642] Killed process 17982 (java) total-vm:19803312kB, anon-rss:2540308kB, file-rss:0kB, shmem-rss:0kB\n"
			  "the kill above was of 17982\n"
			  "[511250.459581] Out of memory: Kill process 17982 (java) score 77 or sacrifice child\n"
			  "[511250.459642] Killed process 17982 (java) total-vm:19803312kB, anon-rss:2540308kB, file-rss:0kB, shmem-rss:0kB\n",
		  .events = IS(1), .victim_pid = IS(17982) },
		/* a later kill of the same pid at another stamp is another event */
		{ .name = "kill_lines_quoted_again_are_no_event, case 2",
		  .text = "[511250.459581] Out of memory: Kill process 17982 (java) score 77 or sacrifice child\n"
			  "[511250.459642] Killed process 17982 (java) total-vm:19803312kB, anon-rss:2540308kB, file-rss:0kB, shmem-rss:0kB\n"
			  "[511260.100000] Out of memory: Kill process 17982 (java) score 77 or sacrifice child\n"
			  "[511260.100001] Killed process 17982 (java) total-vm:19803312kB, anon-rss:2540308kB, file-rss:0kB, shmem-rss:0kB\n",
		  .events = IS(2) },
		/* the row of the victim's process printed with another thread's pid
		 * (dump_tasks prints the thread that holds the mm; R181's shape) */
		{ .name = "victim_row_by_tgid",
		  .text = "Aug 18 03:19:11 169 kernel: [ 7747]     0  7748  3226957  2875051    5692        0           -17 python\n"
			  "\n"
			  "Aug 18 03:19:11 169 kernel: Killed process 7748 (python) total-vm:12907828kB, anon-rss:11500204kB, file-rss:0kB\n",
		  .events = IS(1), .victim_pid = IS(7748), .victim_adj = IS(-17) },
		/* a row of the pid itself wins over one of the tgid */
		{ .name = "victim_row_by_tgid, case 2",
		  .text = "[ 1.0] [ 7747]     0  7748  3226957  2875051    5692        0           -17 python\n"
			  "[ 1.0] [ 7748]     0  7748  3226957  2875051    5692        0           300 python\n"
			  "[ 1.1] Killed process 7748 (python) total-vm:12907828kB, anon-rss:11500204kB, file-rss:0kB\n",
		  .victim_adj = IS(300) },
		/* A forum's Markdown bold around the victim's name (R400). */
		{ .name = "bold_markers_around_a_comm",
		  .text = "[ 5.1] Out of memory: kill process 4495 (**firefox**) score 182289 or a child\n"
			  "[ 5.2] Killed process 4495 (**firefox**)\n",
		  .events = IS(1), .victim_comm = "firefox" },
		{ .name = "bold_markers_around_a_comm, case 2",
		  .text = "[ 5.2] Killed process 4495 (**) total-vm:10kB, anon-rss:1kB, file-rss:0kB\n",
		  .victim_comm = "**" },
		/* A mailer broke each task row before its last columns (R415). */
		{ .name = "task_row_wrapped_before_adj_and_name",
		  .text = "> [  143.592007] [ pid ]   uid  tgid total_vm      rss nr_ptes swapents oom_score_adj name\n"
			  "> [  143.592155] [ 2903]     0  2903     1618      436       9        0\n"
			  ">             0 oom03\n"
			  "> [  143.592159] [ 2904]     0  2904   788050   245188     616    65535\n"
			  ">          -100 oom03\n"
			  "> [  143.592162] Memory cgroup out of memory: Kill process 2904 (oom03) score 921 or sacrifice child\n"
			  "> [  143.592167] Killed process 2904 (oom03) total-vm:3152200kB, anon-rss:979724kB, file-rss:1028kB\n",
		  .events = IS(1), .victim_pid = IS(2904), .victim_adj = IS(-100) },
		/* No task table: the victim is the trigger (same pid), whose line gives
		 * the process's oom_score_adj (R407); another pid gets nothing. */
		{ .name = "victim_adj_from_the_trigger_line",
		  .text = "[ 765.1] a.out invoked oom-killer: gfp_mask=0x6280ca(GFP_HIGHUSER_MOVABLE|__GFP_ZERO), nodemask=(null), order=0, oom_score_adj=300\n"
			  "[ 765.2] CPU: 1 PID: 4540 Comm: a.out Tainted: G                T 4.19.0-rc2+ #692\n"
			  "[ 765.3] Out of memory: Kill process 4540 (a.out) score 897 or sacrifice child\n"
			  "[ 765.4] Killed process 4540 (a.out) total-vm:4267252kB, anon-rss:3111084kB, file-rss:0kB, shmem-rss:0kB\n",
		  .events = IS(1), .victim_adj = IS(300) },
		{ .name = "victim_adj_from_the_trigger_line, case 2",
		  .text = "[ 765.1] a.out invoked oom-killer: gfp_mask=0x6280ca(GFP_HIGHUSER_MOVABLE|__GFP_ZERO), nodemask=(null), order=0, oom_score_adj=300\n"
			  "[ 765.2] CPU: 1 PID: 4540 Comm: a.out Tainted: G                T 4.19.0-rc2+ #692\n"
			  "[ 765.3] Out of memory: Kill process 1089 (java) score 52 or sacrifice child\n"
			  "[ 765.4] Killed process 1089 (java) total-vm:5555688kB, anon-rss:181976kB, file-rss:0kB, shmem-rss:0kB\n",
		  .victim_adj = IS(OOM_NA) },
		/* no stamps: a paste or a relay repeated the kill line; the kernel
		 * never prints a victim's lines twice in a row.  The closing fence is
		 * no wrapped rest of the kill line. */
		{ .name = "undated_kill_record_repeated_is_one_event",
		  .text = "```\n"
			  "sshd invoked oom-killer: gfp_mask=0x201da, order=0, oom_adj=0, oom_score_adj=0\n"
			  "Out of memory: Kill process 738 (f951) score 639 or sacrifice child\n"
			  "Killed process 738 (f951) total-vm:50344kB, anon-rss:40956kB, file-rss:24kB\n"
			  "Killed process 738 (f951) total-vm:50344kB, anon-rss:40956kB, file-rss:24kB\n"
			  "```\n",
		  .events = IS(1), .victim_pid = IS(738), .file_rss_kib = IS(24) },
		/* two allocation failures alike, their stamps lost: both kept */
		{ .name = "undated_kill_record_repeated_is_one_event, twice",
		  .text = "ksoftirqd/11: page allocation failure: order:0, mode:0x204020\n"
			  "ksoftirqd/11: page allocation failure: order:0, mode:0x204020\n"
			  "CPU: 11 PID: 64 Comm: ksoftirqd/11 Not tainted 3.18.0 #852\n",
		  .events = IS(2) },
	};
	check_reads(cases, sizeof(cases) / sizeof(cases[0]));
}

/* Several parts of one report read through damage at once: its kind,
 * where it was cut, memcg, swap and victim. */
TEST(test_whole_reports_read_through_damage)
{
	static const struct read_case cases[] = {
		/* a report pasted in a QP mail: '=' as =3D, soft breaks mid-token */
		{ .name = "qp_soft_breaks_and_escapes",
		  .text = "> dd invoked oom-killer: gfp_mask=3D0x101cca(GFP_HIGHUSER_MOVABLE|__GFP_WRI=\n"
			  "TE),\n"
			  "> order=3D0, oom_score_adj=3D0\n"
			  "> CPU: 1 PID: 4404 Comm: dd Not tainted 6.1.0-rc4-00=\n"
			  "01-gabc #1\n"
			  "> oom-kill:constraint=3DCONSTRAINT_MEMCG,nodemask=3D(null),cpuset=3Dtest,\n"
			  "> mems_allowed=3D0,oom_memcg=3D/test,task_memcg=3D/test,task=3Ddd,pid=3D440=\n"
			  "4,uid=3D0\n"
			  "> Memory cgroup out of memory: Killed process 4404 (dd) total-vm:10512kB,\n"
			  "> anon-rss:1152kB, file-rss:1824kB, shmem-rss:0kB, UID:0 pgtables:76kB\n"
			  "> oom_score_adj:0\n",
		  .events = IS(1), .order = IS(0),
		  .gfp_text = "0x101cca(GFP_HIGHUSER_MOVABLE|__GFP_WRITE)",
		  .kernel = "6.1.0-rc4-0001-gabc", .constraint = "CONSTRAINT_MEMCG",
		  .oom_memcg = "/test", .victim_pid = IS(4404), .anon_rss_kib = IS(1152) },
		/* a QP mail whose lines are short enough for no soft break: only its
		 * encoded '=' says so, and a Latin-1 no-break space "=A0" (R943) */
		{ .name = "qp_without_soft_breaks",
		  .text = ">> kswapd0: page allocation failure. order:1, mode:0x20\n"
			  ">> Pid: 139, comm: kswapd0 Not tainted 2.6.34.1 #1\n"
			  ">> Normal: 750*4kB 0*8kB 0*16kB 0*32kB 0*64kB 0*128kB 0*256kB 0*512kB 0*1024kB =3D 3000kB\n"
			  ">> 63342 total pagecache pages\n"
			  ">> Free swap =A0=3D 995636kB\n"
			  ">> Total swap =3D 995992kB\n"
			  ">> 98303 pages RAM\n",
		  .events = IS(1), .swap_free_kib = IS(995636), .swap_total_kib = IS(995992) },
		/* "=C2=A0" is UTF-8's no-break space: a blank too */
		{ .name = "qp_without_soft_breaks, utf8",
		  .text = "[ 1.0] x: page allocation failure. order:1, mode:0x20\n"
			  "[ 1.1] Free swap =C2=A0=3D 100kB\n"
			  "[ 1.2] Total swap =3D 200kB\n",
		  .swap_free_kib = IS(100), .swap_total_kib = IS(200) },
		/* a hard wrap by the mailer, at the encoded width: the decoded line
		 * is shorter than the width it was wrapped at, the rest still joins
		 * (R477 without stamps) */
		{ .name = "qp_without_soft_breaks, hard",
		  .text = "cc1 invoked oom-killer: gfp_mask=3D0xcc0(GFP_KERNEL),\n"
			  "order=3D0, oom_score_adj=3D0\n"
			  "CPU: 64 UID: 1000 PID: 5646 Comm: cc1 Tainted: G S 6.11.0-rc6+ #34\n",
		  .events = IS(1), .order = IS(0), .gfp_text = "0xcc0(GFP_KERNEL)" },
		/* Transport shapes: a relay that copies the kernel's records with their
		 * printk level under its own tag ("crashlog: <6>…"), a CR a pager showed as
		 * "^M", and "Free swap = 0" with its unit cut at the end of the text. */
		{ .name = "relayed_levels_caret_m_and_cut_zero_swap",
		  .text = "May  5 07:05:06 crashlog: <6>[10279]     0 10279      630       45       5       2        0             0 dropbear\n"
			  "May  5 07:05:06 crashlog: <6>[11102]     0 11102      630       46       5       2        0             0 dropbear\n",
		  .events = IS(1) },
		/* another program's record without a printk level stays out */
		{ .name = "relayed_levels_caret_m_and_cut_zero_swap, case 2",
		  .text = "May  5 07:05:06 myprog: [10279]     0 10279      630       45       5       2        0             0 dropbear\n"
			  "May  5 07:05:06 myprog: [11102]     0 11102      630       46       5       2        0             0 dropbear\n",
		  .events = IS(0) },
		{ .name = "relayed_levels_caret_m_and_cut_zero_swap, case 3",
		  .text = "[16212.217114] Mem-Info:^M\n"
			  "[16212.217115] Free swap  = 0kB^M\n"
			  "[16212.217115] Total swap = 2048kB ^M\n",
		  .events = IS(1), .swap_free_kib = IS(0), .swap_total_kib = IS(2048) },
		{ .name = "relayed_levels_caret_m_and_cut_zero_swap, case 4",
		  .text = "Aug 2 07:25:54 omega kernel: Swap cache: add 7, delete 6, find 1/1, race 0+30\n"
			  "Aug 2 07:25:54 omega kernel: Free swap = 0\n",
		  .events = IS(1), .swap_free_kib = IS(0) },
		/* other digits may have been cut: not read */
		{ .name = "relayed_levels_caret_m_and_cut_zero_swap, case 5",
		  .text = "Aug 2 07:25:54 omega kernel: Swap cache: add 7, delete 6, find 1/1, race 0+30\n"
			  "Aug 2 07:25:54 omega kernel: Free swap = 12\n",
		  .events = IS(1), .swap_free_kib = IS(OOM_NA) },
		{ .name = "lines_in_double_quotes",
		  .text = "\"oom-kill:constraint=CONSTRAINT_MEMCG,nodemask=(null),cpuset=x,mems_allowed=0,oom_memcg=/a/b,task_memcg=/a/b,task=redis,pid=7,uid=999\"\n"
			  "\n"
			  "\"Memory cgroup out of memory: Killed process 7 (redis) total-vm:209580kB, anon-rss:133060kB, file-rss:3072kB, shmem-rss:0kB, UID:999 pgtables:416kB oom_score_adj:0\",\n",
		  .events = IS(1), .kind = "memcg", .constraint = "CONSTRAINT_MEMCG",
		  .victim_pid = IS(7) },
		/* prose in quotes is no kernel line */
		{ .name = "lines_in_double_quotes, case 2",
		  .text = "\"hello world\"\n",
		  .events = IS(0) },
		/* the kill line's pid is the victim; the cut comm comes from its row */
		{ .name = "wrapped_limit_path_and_cut_kill",
		  .text = "[5.1] Task in /kubepods/pod9/abc killed as a result of limit of /kubepo\n"
			  "ds/pod9/abc\n"
			  "[5.1] memory: usage 524288kB, limit 524288kB, failcnt 0\n"
			  "[5.1] Tasks state (memory values in pages):\n"
			  "[5.1] [  pid  ]   uid  tgid total_vm      rss pgtables_bytes swapents oom_score_adj name\n"
			  "[5.1] [  62685]     0 62685     2925      679    65536        0          -998 bash\n"
			  "[5.1] [  62769]     0 62769     4382      411    77824        0          -998 cp\n"
			  "[5.1] Memory cgroup out of memory: Kill process 62685 (bash) score 0 or sacrifice child\n"
			  "[5.1] Killed process 62769 (\n",
		  .events = IS(1), .victim_pid = IS(62769), .victim_comm = "cp" },
		/* a blank that is not a wrap of the task path stays */
		{ .name = "wrapped_limit_path_and_cut_kill, case 2",
		  .text = "[5.1] Task in /a/b killed as a result of limit of /x y\n"
			  "[5.1] memory: usage 1kB, limit 1kB, failcnt 0\n",
		  .oom_memcg = "/x y" },
		{ .name = "wrapped_limit_path_and_cut_kill, case 3",
		  .text = "[5.1] Task in /kubepods/pod9/abc killed as a result of limit of /kubepo ds/pod9\n"
			  "[5.1] memory: usage 1kB, limit 1kB, failcnt 0\n",
		  .oom_memcg = "/kubepods/pod9" },
		{ .name = "victim_from_constraint_line_alone",
		  .text = "oom-kill:constraint=CONSTRAINT_MEMCG,nodemask=(null),cpuset=x,mems_allowed=0-1,"
			  "oom_memcg=/k,task_memcg=/k/p,task=pt_main_thread,pid=461754,uid=0\n",
		  .events = IS(1), .have_victim = IS(true), .victim_pid = IS(461754),
		  .victim_comm = "pt_main_thread" },
		/* panic_on_oom: panic()'s own stack dump after its line, a blank line
		 * between, says the kernel and the memcg path */
		{ .name = "panic_stack_belongs_to_the_report",
		  .text = "[   81.234845] [19413]     0 19413     3010      254      11        0             0 agent\n"
			  "[   81.234867] Kernel panic - not syncing: Out of memory: compulsory panic_on_oom is enabled\n"
			  "\n"
			  "[   81.235005] CPU: 3 PID: 8284 Comm: DefSch0200 Tainted: G  O E  3.10.0-229.42.1.105.x86_64 #1\n"
			  "[   81.235005] Hardware name: OpenStack Foundation OpenStack Nova, BIOS rel-1.8.1 04/01/2014\n"
			  "[   81.248437] Call Trace:\n"
			  "[   81.252523]  [<ffffffff81608d3d>] dump_stack+0x19/0x1b\n"
			  "[   81.252523]  [<ffffffff816025de>] panic+0xd8/0x214\n"
			  "[   81.252523]  [<ffffffff8115d86f>] check_panic_on_oom+0x5f/0x60\n"
			  "[   81.252523]  [<ffffffff811c17bf>] mem_cgroup_oom_synchronize+0x34f/0x580\n",
		  .events = IS(1), .kernel = "3.10.0-229.42.1.105.x86_64", .arch = "x86_64",
		  .kind = "memcg" },
		/* show_mem's end (swap lines, totals) of a report cut at its head,
		 * then the next report's start: two events, the tail keeps its swap */
		{ .name = "cut_tail_then_next_header",
		  .text = "[  100.000001] Free swap  = 917496kB\n"
			  "[  100.000002] Total swap = 917496kB\n"
			  "[  100.000003] 447488 pages RAM\n"
			  "[  100.000004] 263682 pages HighMem\n"
			  "[  100.100000] rsyslogd invoked oom-killer: gfp_mask=0xd0, order=1, oom_adj=0\n"
			  "[  100.100001] rsyslogd cpuset=/ mems_allowed=0\n"
			  "[  100.100002] Pid: 23973, comm: rsyslogd Not tainted 2.6.32-309-ec2 #18-Ubuntu\n",
		  .events = IS(2), .trigger_comm = "",
		  .kernel = "2.6.32-309-ec2", /* the next report's, same boot */
		  .swap_total_kib = IS(917496) },
		/* page counts alone say nothing of the earlier report: no event */
		{ .name = "cut_tail_then_next_header, pages",
		  .text = "[  100.000003] 447488 pages RAM\n"
			  "[  100.000004] 5326 pages reserved\n"
			  "[  100.100000] rsyslogd invoked oom-killer: gfp_mask=0xd0, order=1, oom_adj=0\n"
			  "[  100.100001] rsyslogd cpuset=/ mems_allowed=0\n",
		  .events = IS(1), .trigger_comm = "rsyslogd" },
		/* a header-less gist row ending " | |" (its opening cell cut) */
		{ .name = "cut_tail_then_next_header, row",
		  .text = "Jan 12 15:01:48 lb02 kernel: [88879.477199] Free swap = 16kB | |\n"
			  "| Jan 12 15:01:48 lb02 kernel: [88879.477201] Total swap = 30716kB | |\n"
			  "| Jan 12 15:01:48 lb02 kernel: [88879.481930] 262014 pages RAM | |\n"
			  "| Jan 12 15:01:48 lb02 kernel: [88879.500000] x invoked oom-killer: gfp_mask=0xd0, order=1, oom_adj=0 | |\n",
		  .events = IS(2), .swap_free_kib = IS(16) },
		/* a paste indented as a whole (a blank before each syslog line, R551) */
		/* before an OOM header the tail is not a failure's */
		{ .name = "cut_tail_then_next_header, indented",
		  .text = " Apr  8 12:10:20 db kernel: [116423.608102] Free swap  = 0kB\n"
			  " Apr  8 12:10:20 db kernel: [116423.608103] Total swap = 7427064kB\n"
			  " Apr  8 12:10:20 db kernel: [116423.621726] 983024 pages RAM\n"
			  " Apr  8 12:10:20 db kernel: [116423.662539] mserver5 invoked oom-killer: gfp_mask=0x200da, order=0, oom_adj=0\n"
			  " Apr  8 12:10:20 db kernel: [116423.662542] mserver5 cpuset=/ mems_allowed=0\n",
		  .events = IS(2), .trigger_comm = "", .kind = "global", .swap_free_kib = IS(0),
		  .swap_total_kib = IS(7427064) },
		/* a driver's line and warn_alloc's "callbacks suppressed" between the
		 * tail and the next header (R556, R582): still the tail's own event */
		/* show_mem ended with no kill, then the failure: warn_alloc's tail */
		{ .name = "cut_tail_then_next_header, between",
		  .text = "[ 1362.550074] Free swap  = 3028184kB\n"
			  "[ 1362.566975] Total swap = 3129340kB\n"
			  "[ 1362.608510] 121856 pages of RAM\n"
			  "[ 1362.700327] smsc95xx 1-1.1:1.0: eth0: kevent 2 may have been dropped\n"
			  "[ 1362.700400] warn_alloc: 3567869 callbacks suppressed\n"
			  "[ 1362.725563] mmcqd/0: page allocation failure: order:0, mode:0x20\n",
		  .events = IS(2), .trigger_comm = "", .kind = "page-allocation-failure",
		  .swap_total_kib = IS(3129340) },
		/* several dmesg lines of other sources between the tail and the next
		 * header (a daemon's "Under memory pressure", a patched kernel's extra
		 * show_mem line, R713): still the tail's own event */
		{ .name = "cut_tail_then_next_header, logged",
		  .text = "[   74.189467] Free swap  = 40982528kB\n"
			  "[   74.189467] Total swap = 67108860kB\n"
			  "[   74.189467] 16676584 pages RAM\n"
			  "[   74.189468] 0 pages hwpoisoned\n"
			  "[   74.189468] Memory cgroup min protection 0kB -- low protection 0kB\n"
			  "[   98.377428] systemd-journald[312]: Under memory pressure, flushing caches.\n"
			  "[  101.308685] systemd-journald[312]: Under memory pressure, flushing caches.\n"
			  "[  120.000000] usb 1-1: new high-speed USB device number 3 using xhci_hcd\n"
			  "[  134.427770] kwin_wayland invoked oom-killer: gfp_mask=0xcc0(GFP_KERNEL), order=0, oom_score_adj=200\n"
			  "[  134.427775] CPU: 9 UID: 1000 PID: 1549 Comm: kwin_wayland Not tainted 7.1.5-273-linux-tkg #1\n",
		  .events = IS(2), .trigger_comm = "", .swap_free_kib = IS(40982528),
		  .swap_total_kib = IS(67108860) },
		/* prose between: an excerpt quoted before the full report it comes
		 * from ("Full oom output is below", R001) is that report's, no event */
		{ .name = "cut_tail_then_next_header, excerpt",
		  .text = "[ 2201.781891] Free swap  = -245804kB\n"
			  "[ 2201.781892] Total swap = 0kB\n"
			  "[ 2201.781894] 458615 pages RAM\n"
			  "\n"
			  "The setup itself was unusual, virt with 1792M RAM + 2G swap.\n"
			  "This apparently used to work but the test case was installation\n"
			  "media which is a bit painful to bisect. Full oom output is below:\n"
			  "\n"
			  "  anaconda invoked oom-killer: gfp_mask=0x14200ca(GFP_HIGHUSER_MOVABLE), nodemask=(null), order=0, oom_score_adj=0\n"
			  "  CPU: 1 PID: 4928 Comm: anaconda Not tainted 4.16.0-0.rc4.git0.1.fc28.x86_64 #1\n",
		  .events = IS(1), .trigger_comm = "anaconda" },
		/* with its kill line the tail stays an OOM kill's */
		{ .name = "cut_tail_then_next_header, killed",
		  .text = "[ 1362.550074] Free swap  = 3028184kB\n"
			  "[ 1362.566975] Total swap = 3129340kB\n"
			  "[ 1362.608510] 121856 pages of RAM\n"
			  "[ 1362.610000] Out of memory: Kill process 120 (sh) score 9 or sacrifice child\n"
			  "[ 1362.610001] Killed process 120 (sh) total-vm:1000kB, anon-rss:500kB, file-rss:0kB\n"
			  "[ 1362.725563] mmcqd/0: page allocation failure: order:0, mode:0x20\n",
		  .events = IS(2), .kind = "global" },
		/* show_mem follows its report's dump_stack: a dump_stack line after the
		 * show_mem of a report whose trigger line is cut is another dump's (an
		 * oops inside show_mem, R808; the next report's, R707; another CPU's):
		 * it gives the release, never the trigger */
		/* SysRq-M whose show_mem oopses */
		{ .name = "dump_stack_after_show_mem_names_no_trigger",
		  .text = "[   17.178179] Mem-Info:\n"
			  "[   17.182169] active_anon:935 inactive_anon:125 isolated_anon:0\n"
			  "[   17.182169] DMA free:12248kB min:64kB low:80kB high:96kB present:15864kB\n"
			  "[   17.182169] Free swap  = 0kB\n"
			  "[   17.182169] Total swap = 0kB\n"
			  "[   17.190000] BUG: unable to handle kernel paging request at 4c4fe4ad\n"
			  "[   17.190001] Pid: 0, comm: swapper Not tainted 2.6.34.1 #26\n",
		  .events = IS(1), .trigger_comm = "", .trigger_pid = IS(OOM_NA),
		  .kernel = "2.6.34.1" },
		/* a tail, then the CPU line of the next dump with its first line cut */
		{ .name = "dump_stack_after_show_mem_names_no_trigger, next_dump",
		  .text = "Sat Jan 27 00:14:32 2024 kern.warn kernel: [  795.451579] DMA: 1*4kB (M) 2*8kB (M) 0*16kB = 20kB\n"
			  "Sat Jan 27 00:14:32 2024 kern.warn kernel: [  795.451601] Free swap  = 0kB\n"
			  "Sat Jan 27 00:14:32 2024 kern.warn kernel: [  795.451602] Total swap = 0kB\n"
			  "Sat Jan 27 00:14:32 2024 kern.warn kernel: [  795.451602] 524037 pages RAM\n"
			  "Sat Jan 27 00:14:32 2024 kern.warn kernel: [  795.474439] CPU: 2 PID: 31827 Comm: ping Tainted: G           O       6.6.14 #0\n"
			  "Sat Jan 27 00:14:32 2024 kern.warn kernel: [  795.476277] Hardware name: VMware, Inc. VMware7,1/440BX Desktop Reference Platform\n",
		  .events = IS(1), .trigger_comm = "", .trigger_pid = IS(OOM_NA),
		  .kernel = "6.6.14" },
		/* before show_mem (a report cut above its trigger line) it is the
		 * trigger's, as ever */
		{ .name = "dump_stack_after_show_mem_names_no_trigger, cut",
		  .text = "[  100.000001] CPU: 1 PID: 4928 Comm: anaconda Not tainted 4.16.0 #1\n"
			  "[  100.000002] Call Trace:\n"
			  "[  100.000003]  dump_header+0x6e/0x275\n"
			  "[  100.000004]  oom_kill_process+0xb/0x3c9\n"
			  "[  100.000005] Mem-Info:\n"
			  "[  100.000006] active_anon:935 inactive_anon:125 isolated_anon:0\n",
		  .trigger_comm = "anaconda", .trigger_pid = IS(4928) },
		/* a panic's stack after the no-killable panic line, its text wrapped
		 * short (no stamps, R128): the panic runs in the trigger's context */
		{ .name = "dump_stack_after_show_mem_names_no_trigger, panic",
		  .text = "Free swap  = 0kB\n"
			  "Total swap = 0kB\n"
			  "6442421132 pages RAM\n"
			  "[ pid ]   uid  tgid total_vm      rss nr_ptes nr_pmds swapents oom_score_adj name\n"
			  "Kernel panic - not syncing: Out of memory and no\n"
			  "killable processes...\n"
			  "\n"
			  "CPU: 240 PID: 1 Comm: swapper/0 Not tainted 4.0.1-pmm-bigsmp #1\n",
		  .trigger_comm = "swapper/0", .trigger_pid = IS(1),
		  .outcome = IS(OOM_OUTCOME_NO_KILLABLE) }, /* the panic line read whole */
		/* SysRq-M pressed after an OOM kill: its show_mem is a dump of its own
		 * (a fragment event), not the kill's tail (R935) */
		{ .name = "sysrq_m_after_a_kill_is_its_own_dump",
		  .text = "oom-killer: gfp_mask=0xd0\n"
			  "Mem-info:\n"
			  "DMA free:3604kB min:68kB low:84kB high:100kB active:80kB inactive:48kB present:16384kB\n"
			  "Free swap  = 3610572kB\n"
			  "Total swap = 3615236kB\n"
			  "Out of Memory: Killed process 19442 (terad).\n"
			  "\n"
			  "SysRq : Show Memory\n"
			  "Mem-info:\n"
			  "DMA per-cpu:\n"
			  "cpu 0 hot: low 2, high 6, batch 1\n"
			  "Free pages:       21380kB (14016kB HighMem)\n"
			  "DMA free:3604kB min:68kB low:84kB high:100kB active:80kB inactive:48kB present:16384kB\n"
			  "Free swap  = 3612564kB\n"
			  "524160 pages of RAM\n",
		  .events = IS(2), .swap_free_kib = IS(3610572), .victim_pid = IS(19442) },
		/* the newer kernels' "sysrq: Show Memory", stamped */
		{ .name = "sysrq_m_after_a_kill_is_its_own_dump, newer",
		  .text = "[  10.000000] Out of memory: Killed process 7 (app) total-vm:4180kB, anon-rss:384kB, file-rss:640kB, shmem-rss:0kB\n"
			  "[  60.000000] sysrq: Show Memory\n"
			  "[  60.000001] Mem-Info:\n"
			  "[  60.000002] active_anon:103 inactive_anon:909 isolated_anon:0\n"
			  "[  60.000003] Free swap  = 0kB\n"
			  "[  60.000004] Total swap = 0kB\n",
		  .events = IS(2) },
		/* without the SysRq line a show_mem after a kill is its tail, as ever */
		{ .name = "sysrq_m_after_a_kill_is_its_own_dump, tail",
		  .text = "Out of Memory: Killed process 19442 (terad).\n"
			  "Mem-info:\n"
			  "DMA free:3604kB min:68kB low:84kB high:100kB active:80kB inactive:48kB present:16384kB\n"
			  "Free swap  = 3612564kB\n",
		  .events = IS(1) },
		/* the text opens with the reaper's line of an earlier kill, 90 s
		 * before the next report (R566): that kill is an event of its own */
		{ .name = "reaper_line_before_next_header",
		  .text = "[39261021.113862] oom_reaper: reaped process 29860 (node), now anon-rss:0kB, file-rss:0kB, shmem-rss:0kB\n"
			  "[39261111.880124] node invoked oom-killer: gfp_mask=0x6000c0(GFP_KERNEL), nodemask=(null), order=0, oom_score_adj=999\n"
			  "[39261111.880132] CPU: 10 PID: 30411 Comm: node Tainted: G        W         4.19.189-5.ph3 #1-photon\n"
			  "[39261111.880134] Call Trace:\n"
			  "[39261111.880156]  oom_kill_process+0x243/0x270\n"
			  "[39261111.880160]  out_of_memory+0x100/0x4e0\n",
		  .events = IS(2), .trigger_comm = "", .victim_pid = IS(29860),
		  .victim_comm = "node" },
		/* the same line a moment before the next header: that storm's, one event (R601) */
		{ .name = "reaper_line_before_next_header, near",
		  .text = "[39261111.880000] oom_reaper: reaped process 29860 (node), now anon-rss:0kB, file-rss:0kB, shmem-rss:0kB\n"
			  "[39261111.880124] node invoked oom-killer: gfp_mask=0x6000c0(GFP_KERNEL), nodemask=(null), order=0, oom_score_adj=999\n"
			  "[39261111.880132] CPU: 10 PID: 30411 Comm: node Tainted: G        W         4.19.189-5.ph3 #1-photon\n"
			  "[39261111.880134] Call Trace:\n"
			  "[39261111.880156]  oom_kill_process+0x243/0x270\n",
		  .events = IS(1), .trigger_comm = "node" },
		/* right after a kill, the reaper's lines of the victim and of a thread
		 * of it (R300) are that report's */
		{ .name = "reaper_line_before_next_header, after",
		  .text = "[  365.248067] Out of memory: Kill process 4578 (oom02) score 952 or sacrifice child\n"
			  "[  365.255581] Killed process 4578 (oom02) total-vm:151104120kB, anon-rss:131562528kB, file-rss:1300kB, shmem-rss:0kB\n"
			  "[  365.266829] out_of_memory: Current (4583) has a pending SIGKILL\n"
			  "[  365.267347] oom_reaper: reaped process 4578 (oom02), now anon-rss:131559616kB, file-rss:0kB, shmem-rss:0kB\n"
			  "[  365.282658] oom_reaper: reaped process 4583 (oom02), now anon-rss:131561664kB, file-rss:0kB, shmem-rss:0kB\n",
		  .events = IS(1), .victim_pid = IS(4578) },
		/* a reaper line right after a header, before its task table,
		 * naming a pid nothing of that report names: an earlier kill's;
		 * the report's own kill line that follows names its victim (R1179) */
		{ .name = "reaper_of_an_earlier_kill_inside_a_report",
		  .text = "[20409.613189] php-fpm invoked oom-killer: gfp_mask=0xcc0(GFP_KERNEL), order=0, oom_score_adj=934\n"
			  "[20409.627732] oom_reaper: reaped process 32055 (php-fpm), now anon-rss:0kB, file-rss:0kB, shmem-rss:19292kB\n"
			  "[20409.631404]  oom_kill_process+0xd7/0x110\n"
			  "[20410.098109] [  pid  ]   uid  tgid total_vm      rss pgtables_bytes swapents oom_score_adj name\n"
			  "[20412.213083] oom-kill:constraint=CONSTRAINT_MEMCG,nodemask=(null),cpuset=pod1,mems_allowed=0,oom_memcg=/kubepods/pod1,task_memcg=/kubepods/pod1,task=php-fpm,pid=29454,uid=1000\n"
			  "[20412.252007] Memory cgroup out of memory: Killed process 29454 (php-fpm) total-vm:409816kB, anon-rss:31200kB, file-rss:13100kB, shmem-rss:19296kB, UID:1000 pgtables:276kB oom_score_adj:934\n",
		  .events = IS(1), .trigger_comm = "php-fpm", .victim_pid = IS(29454), .victim_comm = "php-fpm",
		  .kind = "memcg" },
		/* ... and with no kill line after it, the reaper's victim stays */
		{ .name = "reaper_of_an_earlier_kill_inside_a_report, no kill",
		  .text = "[20409.613189] php-fpm invoked oom-killer: gfp_mask=0xcc0(GFP_KERNEL), order=0, oom_score_adj=934\n"
			  "[20409.627732] oom_reaper: reaped process 32055 (php-fpm), now anon-rss:0kB, file-rss:0kB, shmem-rss:19292kB\n",
		  .events = IS(1), .trigger_comm = "php-fpm", .victim_pid = IS(32055) },
		/* a paste that starts at "Call Trace:" of a memcg OOM (page fault
		 * path) and is cut before any report line: dump_header runs only to
		 * print an OOM report, so it is one (kind memcg from the frames) */
		{ .name = "cut_at_call_trace_through_dump_header",
		  .text = "[139787.676346] Call Trace:\n"
			  "[139787.676353] [<ffffffff817c3da8>] dump_stack+0x45/0x57\n"
			  "[139787.676357] [<ffffffff817c1ab9>] dump_header+0x7f/0x1e7\n"
			  "[139787.676362] [<ffffffff8117e28b>] oom_kill_process+0x22b/0x390\n"
			  "[139787.676367] [<ffffffff811ea158>] mem_cgroup_oom_synchronize+0x598/0x5d0\n"
			  "[139787.676374] [<ffffffff8117eac8>] pagefault_out_of_memory+0x18/0x90\n"
			  "[139787.676406] [<ffffffff817cd028>] page_fault+0x28/0x30\n"
			  "[139787.676407] Task in /system.slice/docker-f9ee\n",
		  .events = IS(1), .kind = "memcg", .truncated = IS(true) },
		/* "? dump_header" is a stale word on the stack: frames alone stay none */
		{ .name = "cut_at_call_trace_through_dump_header, stale",
		  .text = "[  10.000001] [<ffffffff8117e28b>] ? oom_kill_process+0x22b/0x390\n"
			  "[  10.000002] [<ffffffff817c1ab9>] ? dump_header+0x7f/0x1e7\n"
			  "[  10.000003] [<ffffffff817c5ffc>] schedule+0x39c/0x8e0\n",
		  .events = IS(0) },
		/* "↪" starts the rest of a broken line; one break came without it */
		{ .name = "typesetter_hook_continuations",
		  .text = "Oct 14 10:22:40 localhost kernel: sh invoked oom-killer:\n"
			  "\xe2\x86\xaagfp_mask=0xd0, order=0, oom_score_adj=0\n"
			  "Oct 14 10:22:40 localhost kernel: CPU: 0 PID: 2687 Comm:\n"
			  "\xe2\x86\xaash Tainted: G\n"
			  "OE  ------------   3.10.0-327.36.3.el7.x86_64 #1\n"
			  "Oct 14 10:22:40 localhost kernel: Killed process 2702 (sh)\n"
			  "\xe2\x86\xaatotal-vm:113124kB, anon-rss:200kB, file-rss:0kB\n",
		  .events = IS(1), .gfp_mask = IS(0xd0), .kernel = "3.10.0-327.36.3.el7.x86_64",
		  .total_vm_kib = IS(113124) },
		{ .name = "oom_memcg_on_a_none_constraint_is_memcg",
		  .text = "stress invoked oom-killer: gfp_mask=0x100cca(GFP_HIGHUSER_MOVABLE), order=0, oom_score_adj=0\n"
			  "oom-kill:constraint=CONSTRAINT_NONE,nodemask=(null),cpuset=/,mems_allowed=0,oom_memcg=/foo,task_memcg=/foo,task=stress,pid=210,uid=0\n"
			  "Memory cgroup out of memory: Killed process 210 (stress) total-vm:8156kB, anon-rss:0kB, file-rss:0kB, shmem-rss:0kB\n",
		  .events = IS(1), .kind = "memcg" },
		/* a global OOM that kills a memory.oom.group stays global */
		{ .name = "oom_memcg_on_a_none_constraint_is_memcg, group",
		  .text = "stress invoked oom-killer: gfp_mask=0x100cca(GFP_HIGHUSER_MOVABLE), order=0, oom_score_adj=0\n"
			  "oom-kill:constraint=CONSTRAINT_NONE,nodemask=(null),cpuset=/,mems_allowed=0,global_oom,task_memcg=/foo,task=stress,pid=210,uid=0\n"
			  "Out of memory: Killed process 210 (stress) total-vm:8156kB, anon-rss:0kB, file-rss:0kB, shmem-rss:0kB\n"
			  "Tasks in /foo are going to be killed due to memory.oom.group set\n",
		  .events = IS(1), .kind = "global" },
		/* The log begins at the dump_stack line: it opens the event and names the
		 * trigger, its pid and the release; the memcg charge path's frames make it
		 * a memcg OOM (R092, R143's shape). */
		{ .name = "cut_at_the_dump_stack_line",
		  .text = "Nov 23 15:36:25 vm kernel: CPU: 0 PID: 5117 Comm: stress Not tainted 5.14.0-285.el9.x86_64 #1\n"
			  "Nov 23 15:36:25 vm kernel: Hardware name: QEMU Standard PC\n"
			  "Nov 23 15:36:25 vm kernel: Call Trace:\n"
			  "Nov 23 15:36:25 vm kernel:  dump_stack_lvl+0x34/0x48\n"
			  "Nov 23 15:36:25 vm kernel:  dump_header+0x4a/0x201\n"
			  "Nov 23 15:36:25 vm kernel:  out_of_memory.cold+0xa/0x7e\n"
			  "Nov 23 15:36:25 vm kernel:  mem_cgroup_out_of_memory+0x13a/0x150\n"
			  "Nov 23 15:36:25 vm kernel:  try_charge_memcg+0x6df/0x7a0\n",
		  .events = IS(1), .trigger_comm = "stress", .trigger_pid = IS(5117),
		  .kernel = "5.14.0-285.el9.x86_64", .kind = "memcg", .truncated = IS(true) },
		/* …with the memcg block and the kill after it: one event */
		{ .name = "cut_at_the_dump_stack_line, body",
		  .text = "May 17 19:54:29 vm kernel: CPU: 3 PID: 3974 Comm: apk Not tainted 5.15.0-107-generic #117-Ubuntu\n"
			  "May 17 19:54:29 vm kernel: Call trace:\n"
			  "May 17 19:54:29 vm kernel:  dump_backtrace+0x0/0x200\n"
			  "May 17 19:54:29 vm kernel:  show_stack+0x20/0x2c\n"
			  "May 17 19:54:29 vm kernel: memory: usage 8192kB, limit 8192kB, failcnt 282377\n"
			  "May 17 19:54:29 vm kernel: Memory cgroup out of memory: Killed process 3974 (apk) total-vm:20600kB, anon-rss:7508kB, file-rss:588kB, shmem-rss:0kB, UID:0 pgtables:80kB oom_score_adj:0\n",
		  .events = IS(1), .trigger_comm = "apk", .kernel = "5.15.0-107-generic",
		  .arch = "aarch64", .first_line = IS(1), .victim_pid = IS(3974) },
		/* warn_alloc's frames after a cut "page allocation failure" line: an
		 * allocation failure (R028: dmesg -H, 32-bit ARM "from" frames); a paste of
		 * only the frames from "Hardware name:" on (OpenWrt logread, R115). */
		{ .name = "cut_dump_stack_of_a_failure_and_a_bare_trace",
		  .text = "Here is the dmesg output:\n"
			  "[  +0.002367] CPU: 0 PID: 34 Comm: kworker/0:1 Tainted: G         C         6.1.66-2-rpi-ARCH #1\n"
			  "[  +0.002349] Hardware name: BCM2711\n"
			  "[  +0.001780]  unwind_backtrace from show_stack+0x18/0x1c\n"
			  "[  +0.001839]  dump_stack_lvl from warn_alloc+0x110/0x19c\n"
			  "[  +0.001805]  warn_alloc from __alloc_pages+0xe9c/0xfe8\n",
		  .events = IS(1), .trigger_comm = "kworker/0:1", .trigger_pid = IS(34),
		  .arch = "arm", .kind = "page-allocation-failure" },
		{ .name = "cut_dump_stack_of_a_failure_and_a_bare_trace, trace",
		  .text = "Tue Mar 11 09:26:00 2025 kern.debug kernel: [331456.657971] Hardware name: Xiaomi Redmi Router AX6000 (DT)\n"
			  "Tue Mar 11 09:26:00 2025 kern.debug kernel: [331456.657973] Call trace:\n"
			  "Tue Mar 11 09:26:00 2025 kern.debug kernel: [331456.657985]  dump_backtrace+0x0/0x198\n"
			  "Tue Mar 11 09:26:00 2025 daemon.info dnsmasq[1]: query\n"
			  "Tue Mar 11 09:26:00 2025 kern.debug kernel: [331456.658001]  oom_kill_process+0x1b4/0x1b8\n"
			  "Tue Mar 11 09:26:00 2025 kern.debug kernel: [331456.658002]  out_of_memory+0x208/0x300\n"
			  "Tue Mar 11 09:26:00 2025 kern.debug kernel: [331456.658008]  __alloc_pages_slowpath+0x860/0x978\n",
		  .events = IS(1), .trigger_comm = "", .arch = "aarch64", .kind = "global" },
		/* ≤4.x's "Kernel panic - not syncing: Out of memory and no killable
		 * processes..." with the panic's stack and its "---[ end" line: one event,
		 * and (the report's head cut) the panic's CPU line names the trigger (R128). */
		{ .name = "no_killable_panic_and_its_stack",
		  .text = "[   81.273962] Free swap  = 0kB\n"
			  "[   81.277125] Total swap = 0kB\n"
			  "[   81.280341] 6442421132 pages RAM\n"
			  "[   81.305245] Kernel panic - not syncing: Out of memory and no killable processes...\n"
			  "[   81.305245]\n"
			  "[   81.315200] CPU: 240 PID: 1 Comm: swapper/0 Not tainted 4.0.1-pmm-bigsmp #1\n"
			  "[   81.357595] Call Trace:\n"
			  "[   81.360287]  [<ffffffff8151b0c9>] dump_stack+0x68/0x77\n"
			  "[   81.365942]  [<ffffffff8151ae1e>] panic+0xb9/0x219\n"
			  "[   81.385292]  [<ffffffff811385ee>] out_of_memory+0x5e/0x90\n"
			  "[   81.492350] ---[ end Kernel panic - not syncing: Out of memory and no killable processes...\n",
		  .events = IS(1), .trigger_comm = "swapper/0", .trigger_pid = IS(1),
		  .kernel = "4.0.1-pmm-bigsmp", .arch = "x86_64",
		  .outcome = IS(OOM_OUTCOME_NO_KILLABLE) },
		/* Lines an expert trimmed or retyped: "X invoked oom-killer" with no
		 * request (R122, R123), "oom-kill: constraint=…, nodemask=7" with blanks and
		 * a kill line without its "(comm)" (R020). */
		{ .name = "trimmed_and_retyped_lines",
		  .text = "```text\n"
			  "ycsb_bench-arbi invoked oom-killer\n"
			  "oom-kill:constraint=CONSTRAINT_MEMORY_POLICY,nodemask=1,cpuset=/,mems_allowed=0-1,global_oom\n"
			  "```\n",
		  .events = IS(1), .trigger_comm = "ycsb_bench-arbi", .header_missing = IS(false),
		  .kind = "mempolicy" },
		/* a failure line quoted inside a sentence's parentheses (R133) */
		{ .name = "trimmed_and_retyped_lines, case 2",
		  .text = "> swapper: page allocation failure: order:3, mode:0x20)\n",
		  .events = IS(1), .order = IS(3), .gfp_mask = IS(0x20), .gfp_known = IS(true) },
		/* prose is no trigger line: the name is longer than a comm */
		{ .name = "trimmed_and_retyped_lines, case 3",
		  .text = "The process we watched invoked oom-killer\n",
		  .events = IS(0) },
		{ .name = "trimmed_and_retyped_lines, retyped",
		  .text = "oom-kill: constraint=CONSTRAINT_MEMORY_POLICY, nodemask=7, task=VLLM::EngineCor\n"
			  "Out of memory: Killed process 1044797 total-vm:944314492kB anon-rss:593333608kB\n",
		  .events = IS(1), .nodemask = "7", .kind = "mempolicy",
		  .constraint = "CONSTRAINT_MEMORY_POLICY", .victim_pid = IS(1044797),
		  .victim_comm = "", .total_vm_kib = IS(944314492), .anon_rss_kib = IS(593333608) },
		/* A report cut inside its trace: the first frame of the OOM path opens it
		 * (R058: ARM unwinder lines, then Mem-Info): a global OOM, not a fragment. */
		{ .name = "cut_inside_the_trace",
		  .text = "[  505.037001]  oom_kill_process from out_of_memory+0x218/0x34c\n"
			  "[  505.038190]  out_of_memory from __alloc_pages+0xa98/0x1044\n"
			  "[  505.039000]  __alloc_pages from __get_free_pages+0x10/0x24\n"
			  "[  505.040000] Mem-Info:\n"
			  "[  505.040001] active_anon:1 inactive_anon:2 isolated_anon:0\n"
			  "[  505.041000] Free swap  = 0kB\n"
			  "[  505.041001] Total swap = 0kB\n",
		  .events = IS(1), .arch = "arm", .kind = "global", .truncated = IS(true),
		  .first_line = IS(1) },
		/* a hung task's trace through the OOM path, no report around it: none */
		{ .name = "cut_inside_the_trace, hung",
		  .text = "[ 1200.0] INFO: task java:4242 blocked for more than 120 seconds.\n"
			  "[ 1200.0] Call Trace:\n"
			  "[ 1200.0]  [<ffffffff811385ee>] out_of_memory+0x5e/0x90\n"
			  "[ 1200.0]  [<ffffffff8113ce9e>] __alloc_pages_slowpath+0x6be/0x740\n"
			  "[ 1201.0] e1000e: link up\n",
		  .events = IS(0) },
		/* A log cut inside the task table, header and all (R116): the rows before
		 * the selection line are the report's, so the victim's row gives its
		 * oom_score_adj though the kill line is cut before it. */
		{ .name = "rows_without_header_before_the_selection",
		  .text = "May 05 19:35:20 host sshd[1]: Accepted publickey for root\n"
			  "May 05 19:35:27 host kernel: [ 2700]     0  2700      492       29       4       0        0             0 agetty\n"
			  "May 05 19:35:31 host kernel: [ 2737]     0  2737     2362     1506       8       0        0          -100 dhcpd\n"
			  "May 05 19:35:58 host kernel: Out of memory: Kill process 2737 (dhcpd) score 11 or sacrifice child\n"
			  "May 05 19:36:02 host kernel: Killed process 2737 (dhcpd) total-vm:9448kB, a\n",
		  .events = IS(1), .first_line = IS(2), .victim_pid = IS(2737),
		  .victim_adj = IS(-100) },
		/* other text in brackets is no row */
		{ .name = "rows_without_header_before_the_selection, case 2",
		  .text = "[1234] worker started\n[1235] worker stopped\n",
		  .events = IS(0) },
		/* blanks after the commas and the task on an indented next line
		 * (R305's shape): the memcg path and the task are read whole */
		{ .name = "constraint_line_reflowed_by_hand",
		  .text = "[  581.376828] python invoked oom-killer: gfp_mask=0x100cca(GFP_HIGHUSER_MOVABLE), order=0\n"
			  "[  581.507012] oom-kill:constraint=CONSTRAINT_MEMCG, oom_memcg=/a/b-c/d,\n"
			  "               task=python, pid=2269, uid=0\n"
			  "[  581.513643] Memory cgroup out of memory: Killed process 2269 (python)\n"
			  "               total-vm:31786400kB, anon-rss:13945980kB, file-rss:11996kB,\n"
			  "               shmem-rss:0kB, pgtables:28172kB\n",
		  .events = IS(1), .kind = "memcg", .constraint = "CONSTRAINT_MEMCG",
		  .oom_memcg = "/a/b-c/d", .selected_pid = IS(2269), .selected_comm = "python" },
		/* a blank inside a value stays (only those before a key go) */
		{ .name = "constraint_line_reflowed_by_hand, case 2",
		  .text = "[ 1.0] oom-kill:constraint=CONSTRAINT_NONE,nodemask=(null),cpuset=/, mems_allowed=0,global_oom,"
			  "task_memcg=/a b,task=x y,pid=5,uid=0\n"
			  "[ 1.1] Out of memory: Killed process 5 (x y) total-vm:100kB, anon-rss:10kB, file-rss:0kB, shmem-rss:0kB\n",
		  .mems_allowed = "0", .task_memcg = "/a b", .victim_comm = "x y" },
		/* a log cut above the trigger line, a KASAN splat printed from inside
		 * the OOM path (R363's shape): its dump_stack line names the trigger's
		 * pid and comm alike */
		/* the oom-kill: line's pr_cont piece after the splat is its rest */
		{ .name = "splat_inside_the_oom_path_names_the_trigger",
		  .text = "[  221.921944] oom-kill:constraint=CONSTRAINT_MEMCG,nodemask=(null),cpuset=c,mems_allowed=0,oom_memcg=/0,task_memcg=in\n"
			  "[  221.922108] ==================================================================\n"
			  "[  221.922111] BUG: KASAN: global-out-of-bounds in vprintk_store+0x362/0x3d0\n"
			  "[  221.922114] CPU: 1 PID: 11282 Comm: memcg_test_1 Not tainted\n"
			  "5.9.0-next-20201013 #1\n"
			  "[  221.922116] Call Trace:\n"
			  "[  221.922117]  dump_stack+0xa4/0xd9\n"
			  "[  221.922137]  mem_cgroup_print_oom_context.cold+0x74/0xc3\n"
			  "[  221.922138]  dump_header+0x340/0x3bf\n"
			  "[  221.922193] ==================================================================\n"
			  "[  221.922196] ,task=memcg_test_1,pid=11280,uid=0\n"
			  "[  221.922205] Memory cgroup out of memory: Killed process 11280 (memcg_test_1) total-vm:4124kB, "
			  "anon-rss:72kB, file-rss:0kB, shmem-rss:0kB, UID:0 pgtables:48kB oom_score_adj:0\n",
		  .events = IS(1), .trigger_comm = "memcg_test_1", .trigger_pid = IS(11282),
		  .oom_memcg = "/0", .task_memcg = "in", .selected_pid = IS(11280),
		  .selected_comm = "memcg_test_1", .victim_pid = IS(11280) },
		/* a piece of the line with another CPU's line between, its kill cut */
		{ .name = "splat_inside_the_oom_path_names_the_trigger, case 2",
		  .text = "[ 1.0] oom-kill:constraint=CONSTRAINT_MEMCG,nodemask=(null),cpuset=/,mems_allowed=0\n"
			  "[ 1.1] e1000e: eth0 NIC Link is Up\n"
			  "[ 1.2] ,oom_memcg=/a,task_memcg=/a/b,task=app,pid=42,uid=0\n",
		  .events = IS(1), .oom_memcg = "/a", .task_memcg = "/a/b", .victim_pid = IS(42),
		  .victim_comm = "app" },
		/* kernel lines quoted in backticks inside Markdown table cells, the
		 * kill line's value in bold (R327's shape) */
		{ .name = "kernel_lines_in_markdown_table_cells",
		  .text = "| # | reading | source | note |\n"
			  "|---|---|---|---|\n"
			  "| 1 | `cc1 invoked oom-killer: gfp_mask=0x140cca(...)` | `dmesg -T` 21:34:05 | the compiler |\n"
			  "| 2 | `oom-kill: constraint=CONSTRAINT_CPUSET, mems_allowed=0, global_oom, task_memcg=/docker/x, task=VLLM::Worker_TP` | `dmesg -T` | worker |\n"
			  "| 3 | `Killed process 3917368 (VLLM::Worker_TP) total-vm:9737715264kB, **anon-rss:59118944kB (56.4 GiB)**` | `dmesg -T` | rss |\n",
		  .events = IS(1), .trigger_comm = "cc1", .kind = "cpuset",
		  .constraint = "CONSTRAINT_CPUSET", .mems_allowed = "0", .victim_pid = IS(3917368),
		  .victim_comm = "VLLM::Worker_TP", .total_vm_kib = IS(9737715264LL),
		  .anon_rss_kib = IS(59118944) },
		/* a table of other code spans is no report */
		{ .name = "kernel_lines_in_markdown_table_cells, case 2",
		  .text = "| cmd | note |\n|---|---|\n| `dmesg -T` | `free -m` |\n",
		  .events = IS(0) },
		/* prose that quotes a kernel line in a code span (R3253's shape):
		 * a list item, then a paragraph */
		{ .name = "kernel_line_quoted_in_prose",
		  .text = "- Repeated OOM kill of `victoria-metrics` six times (17:29, 17:32); the kill line reads "
			  "`oom-kill:constraint=CONSTRAINT_NONE,nodemask=(null),cpuset=init.scope,mems_allowed=0,global_oom,"
			  "task_memcg=/system.slice/vm.service,task=victoria-metric`.\n",
		  .events = IS(1), .kind = "global", .constraint = "CONSTRAINT_NONE",
		  .selected_comm = "victoria-metric" },
		{ .name = "kernel_line_quoted_in_prose, case 2",
		  .text = "The log then said `Out of memory: Killed process 4242 (java) total-vm:8388608kB, anon-rss:4194304kB, file-rss:0kB` and the service restarted.\n",
		  .events = IS(1), .victim_pid = IS(4242), .victim_comm = "java", .anon_rss_kib = IS(4194304) },
		/* a short span only names a line: no report */
		{ .name = "kernel_line_quoted_in_prose, case 3",
		  .text = "- Search the journal for `Out of memory: Killed process` and `oom-kill:` lines after each restart of the service.\n",
		  .events = IS(0) },
		/* the kill line first (a journal read in that order), then its
		 * oom-kill line re-flowed by hand onto indented lines, its pid on
		 * the last; swap totals after prose (R3251's shape): one report */
		{ .name = "kill_then_its_oom_kill_line_reflowed",
		  .text = "kernel: Out of memory: Killed process 9912 (app)\n"
			  "        total-vm:21090640kB, anon-rss:15842540kB, file-rss:192kB\n"
			  "kernel: oom-kill:constraint=CONSTRAINT_NONE,nodemask=(null),\n"
			  "        cpuset=docker.service,mems_allowed=0,global_oom,\n"
			  "        task_memcg=/system.slice/init.scope,\n"
			  "        task=app,pid=9912,uid=1001\n"
			  "```\n\nThe swap then:\n```\n"
			  "Free swap  = 228kB\n"
			  "Total swap = 4194300kB\n",
		  .events = IS(1), .constraint = "CONSTRAINT_NONE", .victim_pid = IS(9912),
		  .anon_rss_kib = IS(15842540), .swap_free_kib = IS(228), .swap_total_kib = IS(4194300) },
		/* condensed by hand (R3492's shape): a stamped header with nothing
		 * after "oom-killer", the oom-kill line without its label and with
		 * blanks between its fields, a kill line without its pid, both
		 * indented under the header */
		{ .name = "report_condensed_by_hand",
		  .text = "[Mon Sep 21 15:52:56] bun invoked oom-killer\n"
			  "  constraint=CONSTRAINT_MEMCG  oom_memcg=/system.slice/docker-8dd6e209eee4\n"
			  "  Killed process (bun) anon-rss:1043524kB\n",
		  .events = IS(1), .trigger_comm = "bun", .kind = "memcg", .constraint = "CONSTRAINT_MEMCG",
		  .oom_memcg = "/system.slice/docker-8dd6e209eee4", .victim_comm = "bun",
		  .anon_rss_kib = IS(1043524) },
		/* the request elided with a mark, the kill's pid dropped (R3491) */
		{ .name = "report_condensed_by_hand, case 2",
		  .text = "systemd-journal invoked oom-killer ... global_oom\n"
			  "Out of memory: Killed process (python)\n",
		  .events = IS(1), .trigger_comm = "systemd-journal", .victim_comm = "python" },
		/* the oom-kill line glued before a pid-less kill (R3482) */
		{ .name = "report_condensed_by_hand, case 3",
		  .text = "llama-server invoked oom-killer: gfp_mask=0x140cca(GFP_HIGHUSER_MOVABLE|__GFP_COMP)\n"
			  "oom-kill: global_oom ... Out of memory: Killed process (llama-server)\n"
			  "        anon-rss:7937488kB, file-rss:1337828kB\n",
		  .events = IS(1), .victim_comm = "llama-server", .anon_rss_kib = IS(7937488) },
		/* a field kept after the column gap (R3490): a second report */
		{ .name = "report_condensed_by_hand, case 6",
		  .text = "13:05:26  Out of memory: Killed process 1712142 (api)\n"
			  "          total-vm:1630448kB  anon-rss:303160kB\n"
			  "13:08:26  dockerd invoked oom-killer   global_oom\n",
		  .events = IS(2), .victim_pid = IS(1712142) },
		{ .name = "report_condensed_by_hand, case 7",
		  .text = "Then java invoked oom-killer twice and the service restarted.\n",
		  .events = IS(0) },
		/* an oom-kill line with fields elided by " ... ", its kill line
		 * under it unprefixed (R1929's shape) */
		{ .name = "report_condensed_by_hand, case 8",
		  .text = "    Sep 03 07:18:33 kernel: oom-kill:constraint=CONSTRAINT_MEMCG ... task=java,pid=1849\n"
			  "    Memory cgroup out of memory: Killed process 1849 (java)\n"
			  "      total-vm:23360908kB, anon-rss:18820868kB\n",
		  .events = IS(1), .constraint = "CONSTRAINT_MEMCG", .kind = "memcg", .victim_pid = IS(1849),
		  .anon_rss_kib = IS(18820868) },
		/* the same prose twice: no prefix learned from it makes a report */
		{ .name = "report_condensed_by_hand, case 9",
		  .text = "But 1 node have log `Memory cgroup out of memory: Killed process (uwsgi)` in `dmesg`\n"
			  "But 1 node have log `Memory cgroup out of memory: Killed process (uwsgi)` in `dmesg`\n",
		  .events = IS(0) },
		/* the kill line's fields retyped one a line, a blank before each
		 * unit (R3728's shape) */
		{ .name = "report_condensed_by_hand, case 10",
		  .text = "Out of memory: Killed process 4539 (xray)\n"
			  "anon-rss: 3424 kB\n"
			  "file-rss: 852 kB\n",
		  .events = IS(1), .victim_pid = IS(4539), .anon_rss_kib = IS(3424) },
		/* a paste that opens inside the trace, under its report lines,
		 * and ends at the registers: frames alone through out_of_memory
		 * (R3772's shape) are one cut report when they are all the input */
		{ .name = "trace_alone_through_the_oom_path, case 1",
		  .text = "[ 900.100000]  out_of_memory+0x1dc/0x530\n"
			  "[ 900.100000]  __alloc_pages_slowpath.constprop.0+0xd32/0xe30\n"
			  "[ 900.100000]  __alloc_pages+0x2cc/0x310\n"
			  "[ 900.100000]  filemap_fault+0x527/0xb60\n"
			  "[ 900.100000] RIP: 0033:0x43b76d\n",
		  .events = IS(1), .kind = "global" },
		/* ... and through warn_alloc: an allocation failure (R3763's) */
		{ .name = "trace_alone_through_the_oom_path, case 2",
		  .text = "[<8010ff40>] warn_alloc+0xc8/0x160\n"
			  "[<80110a60>] __alloc_pages_nodemask+0xa88/0xc9c\n"
			  "[<80110f00>] page_frag_alloc+0x178/0x1a0\n",
		  .events = IS(1), .kind = "page-allocation-failure" },
		/* kernel lines quoted in an indented Nix comment, the request
		 * elided after the colon (R3972's shape) */
		{ .name = "kernel_lines_in_a_comment, case 1",
		  .text = "  # it runs until the OOM killer finally fires:\n"
			  "  #\n"
			  "  #   Aug 06 21:09:20 kernel: kswapd0 invoked oom-killer: ... global_oom\n"
			  "  #   Aug 06 21:09:20 kernel: Out of memory: Killed process 2067 (electron)\n"
			  "  #\n"
			  "  # systemd-oomd is active but the kernel killer got there first.\n",
		  .events = IS(1), .trigger_comm = "kswapd0", .victim_pid = IS(2067), .victim_comm = "electron" },
		/* a pid-less memcg kill in a shell comment, its values on the
		 * next comment line (R3977's shape) */
		{ .name = "kernel_lines_in_a_comment, case 2",
		  .text = "# when the cgroup total was exceeded the kernel chose the fattest process:\n"
			  "#\n"
			  "#   Memory cgroup out of memory: Killed process (llama-server)\n"
			  "#   anon-rss:4886420kB  oom_memcg=/lxc/101\n"
			  "#\n",
		  .events = IS(1), .kind = "memcg", .victim_comm = "llama-server" },
		/* the kill line's values aligned under it in the comment (R3978) */
		{ .name = "kernel_lines_in_a_comment, case 3",
		  .text = "#   Aug 14 11:26:41 kernel: Out of memory: Killed process 25380 (java)\n"
			  "#                           total-vm:38083000kB, anon-rss:27445504kB\n",
		  .events = IS(1), .victim_pid = IS(25380), .anon_rss_kib = IS(27445504) },
		/* a comment in words that names the message is no report */
		{ .name = "kernel_lines_in_a_comment, case 4",
		  .text = "# the OOM killer printed Out of memory and killed the build\n",
		  .events = IS(0) },
		/* prose that opens with a short code span naming a field is no
		 * kernel line (R3971's shape); a stamped line in a span is one */
		{ .name = "short_code_span_opening_prose, case 1",
		  .text = "`constraint=CONSTRAINT_MEMCG` and `oom_memcg=/container-runtime/21612`\n"
			  "confirm this was the container's own cgroup memory limit killing it.\n",
		  .events = IS(0) },
		{ .name = "short_code_span_opening_prose, case 2",
		  .text = "`[ 12.345678] Out of memory: Killed process 4539 (xray) total-vm:10kB, anon-rss:8kB, file-rss:0kB` was the last line.\n",
		  .events = IS(1), .victim_pid = IS(4539) },
		/* the failure line's comm cut away, the task named by the
		 * cpuset and CPU lines (R4085's shape) */
		{ .name = "failure_line_without_its_comm",
		  .text = "page allocation failure: order:9, mode:0x6000c0(GFP_KERNEL), nodemask=(null)\n"
			  "mevent cpuset=/ mems_allowed=0\n"
			  "CPU: 0 PID: 537 Comm: mevent Tainted: G     U  WC 4.19.8 #1\n",
		  .events = IS(1), .trigger_comm = "mevent", .order = IS(9) },
		/* a separator's dashes glued before the comm (R3924's shape) */
		{ .name = "text_glued_before_a_failures_comm, case 1",
		  .text = "---------------------------------------------------------------insmod: page allocation failure. order:5, mode:0xd0\n",
		  .events = IS(1), .trigger_comm = "insmod", .order = IS(5) },
		/* another record's text and a console's printk level (R3926's) */
		{ .name = "text_glued_before_a_failures_comm, case 2",
		  .text = ", OOM: Out of Memory would have been called....<4>test1: page allocation failure. order:0, mode:0xd0\n",
		  .events = IS(1), .trigger_comm = "test1", .order = IS(0) },
		/* a comm with dashes of its own stays whole */
		{ .name = "text_glued_before_a_failures_comm, case 3",
		  .text = "systemd-journal: page allocation failure: order:0, mode:0x20\n",
		  .events = IS(1), .trigger_comm = "systemd-journal" },
		/* a serial console dropped the header's "CPU: 0" (R3767) */
		{ .name = "header_without_its_cpu_field",
		  .text = "[   21.070512] init invoked oom-killer: gfp_mask=0x40cc0(GFP_KERNEL|__GFP_COMP), order=0, oom_score_adj=0\n"
			  "[   21.078460]  PID: 1 Comm: init Not tainted 6.6.73 #0\n"
			  "[   21.083535] Stack : 00000000 00000001 00000001 8008a960 00000000 00000000 00000000 00000000\n",
		  .events = IS(1), .kernel = "6.6.73", .trigger_comm = "init" },
		/* one frame quoted alone is no trace */
		{ .name = "trace_alone_through_the_oom_path, case 3",
		  .text = "[ 900.100000]  out_of_memory+0x1dc/0x530\n",
		  .events = IS(0) },
		/* a trace through out_of_memory after another report is that
		 * report's neighbour (a hung task's), not a report of its own */
		{ .name = "trace_alone_through_the_oom_path, case 4",
		  .text = "Out of memory: Killed process 4539 (xray) total-vm:10kB, anon-rss:8kB, file-rss:0kB\n"
			  "INFO: task kworker/0:1:12 blocked for more than 120 seconds.\n"
			  "[ 900.100000]  out_of_memory+0x1dc/0x530\n"
			  "[ 900.100000]  __alloc_pages+0x2cc/0x310\n",
		  .events = IS(1), .victim_pid = IS(4539) },
		/* prose naming a pid-less kill line is no report (R093) */
		{ .name = "report_condensed_by_hand, case 4",
		  .text = "But 1 node have log `Memory cgroup out of memory: Killed process (uwsgi)` in `dmesg`\n",
		  .events = IS(0) },
		{ .name = "report_condensed_by_hand, case 5",
		  .text = "The process invoked oom-killer and the service restarted.\n",
		  .events = IS(0) },
		/* a comment line with a date over a condensed report (R3488's
		 * shape): its prose is no wrapped kernel line */
		{ .name = "stamped_comment_over_a_condensed_report",
		  .text = "# 2026-08-11 15:47:21 \xe2\x80\x94 a container spike pushed the whole machine to a global OOM:\n"
			  "containerd invoked oom-killer: ... order=0, oom_score_adj=-999\n"
			  "oom-kill: ... global_oom ... task=slack,pid=16200,uid=1000\n"
			  "Out of memory: Killed process 16200 (slack)\n"
			  "  total-vm:1460098276kB, anon-rss:328452kB, ... oom_score_adj:300\n",
		  .events = IS(1), .trigger_comm = "containerd", .victim_pid = IS(16200), .victim_comm = "slack",
		  .anon_rss_kib = IS(328452) },
		/* the kill first, then its oom-kill line condensed to fields that
		 * name no task (R3483's shape): one report */
		{ .name = "kill_then_its_condensed_oom_kill_line",
		  .text = "Out of memory: Killed process 1090258 (matrixctrl)\n"
			  "  total-vm:1333904kB, anon-rss:14084kB, oom_score_adj:997\n"
			  "oom-kill:constraint=CONSTRAINT_NONE, global_oom\n",
		  .events = IS(1), .constraint = "CONSTRAINT_NONE", .victim_pid = IS(1090258) },
		/* stamped records each in Markdown inline code (R3649's shape):
		 * the second no wrapped rest of the first */
		{ .name = "stamped_records_in_inline_code",
		  .text = "`Dec 15 16:21:04 vps kernel: oom-kill:constraint=CONSTRAINT_NONE,nodemask=(null),cpuset=/,mems_allowed=0,global_oom,task_memcg=/system.slice/xray.service,task=xray,pid=1047436,uid=0`\n"
			  "`Dec 15 16:21:04 vps kernel: Out of memory: Killed process 1047436 (xray) total-vm:3945912kB, anon-rss:2219436kB, file-rss:0kB, shmem-rss:0kB, UID:0 pgtables:5436kB oom_score_adj:0`\n",
		  .events = IS(1), .constraint = "CONSTRAINT_NONE", .victim_pid = IS(1047436), .anon_rss_kib = IS(2219436) },
		/* show_mem from its Node line to the task table's heading (R3643's
		 * shape): dump_tasks is the OOM killer's, a global OOM; its swap
		 * lines absent between the page-cache and RAM totals: no swap */
		{ .name = "show_mem_then_task_heading",
		  .text = "Node 0 active_anon:14384kB inactive_anon:108kB active_file:104kB inactive_file:116kB unevictable:0kB\n"
			  "Normal free:624kB min:656kB low:820kB high:984kB active_anon:14384kB inactive_anon:108kB active_file:104kB inactive_file:116kB unevictable:0kB present:32768kB managed:27192kB\n"
			  "lowmem_reserve[]: 0 0\n"
			  "Normal: 36*4kB (UME) 22*8kB (UME) 3*16kB (UME) 6*32kB (U) 1*64kB (M) 0*128kB 0*256kB 0*512kB 0*1024kB 0*2048kB 0*4096kB = 624kB\n"
			  "85 total pagecache pages\n"
			  "8192 pages RAM\n"
			  "0 pages HighMem/MovableOnly\n"
			  "1394 pages reserved\n"
			  "[ pid ]   uid  tgid total_vm      rss nr_ptes nr_pmds swapents oom_score_adj name\n",
		  .events = IS(1), .kind = "global", .swap_total_kib = IS(0), .swap_free_kib = IS(0) },
		/* 2.6.18-2.6.20 i386 frames "[sym+dec/dec] sym+0x…/0x…" with no
		 * "Call Trace:" line (R330's shape): error_code is 32-bit x86's */
		{ .name = "old_bracket_symbol_frames_and_html_source",
		  .text = "Oct  9 21:46:16 lotus kernel: [135404.331945] nautilus invoked oom-killer: gfp_mask=0x201d2, order=0, oomkilladj=0\n"
			  "Oct  9 21:46:17 lotus kernel: [135404.332016]  [out_of_memory+389/448] out_of_memory+0x185/0x1c0\n"
			  "Oct  9 21:46:17 lotus kernel: [135404.332510]  [error_code+114/128] error_code+0x72/0x80\n"
			  "Oct  9 21:46:17 lotus kernel: [135404.332587] Mem-info:\n",
		  .events = IS(1), .arch = "i686" },
		/* an HTML page's source: "<p>&nbsp;" lines, "<br>" between, escaped
		 * brackets (R331's shape) */
		{ .name = "old_bracket_symbol_frames_and_html_source, case 2",
		  .text = "<p>&nbsp;audispd invoked oom-killer: gfp_mask=0x201d2, order=0, oomkilladj=0\n"
			  "<br>\n"
			  "<p>&nbsp;Call Trace:\n"
			  "<br>\n"
			  "<p>&nbsp;&nbsp;[&lt;ffffffff800c39dd&gt;] out_of_memory+0x8e/0x2f5\n"
			  "<br>\n"
			  "<p>&nbsp;&nbsp;[&lt;ffffffff8005dde9&gt;] error_exit+0x0/0x84\n"
			  "<br>\n"
			  "<p>&nbsp;Out of memory: Killed process 5346 (gdm&amp;greeter).\n",
		  .events = IS(1), .trigger_comm = "audispd", .arch = "x86_64",
		  .victim_pid = IS(5346), .victim_comm = "gdm&greeter" },
		/* text with an '&' that is no HTML source is left alone */
		{ .name = "old_bracket_symbol_frames_and_html_source, case 3",
		  .text = "[ 1.0] a&b invoked oom-killer: gfp_mask=0xd0, order=0\n"
			  "[ 1.1] Out of memory: Killed process 5 (x&lt;y) total-vm:100kB, anon-rss:10kB, file-rss:0kB, shmem-rss:0kB\n",
		  .trigger_comm = "a&b", .victim_comm = "x&lt;y" },
		/* a web page's no-break space where the kernel printed a blank
		 * (R225's shape); other UTF-8 text is kept */
		{ .name = "no_break_space_for_a_blank",
		  .text = "[ 4694.400000] app invoked oom-killer: gfp_mask=0xcc0(GFP_KERNEL), order=0, oom_score_adj=0\n"
			  "[ 4694.431304] Free swap\xc2\xa0 = 774396kB\n"
			  "[ 4694.431900] Total\xc2\xa0swap = 786428kB\n"
			  "[ 4694.440000] Out of memory: Killed process 5 (caf\xc3\xa9\xc2\xb0) total-vm:100kB, anon-rss:10kB, file-rss:0kB, shmem-rss:0kB\n",
		  .events = IS(1), .swap_free_kib = IS(774396), .swap_total_kib = IS(786428),
		  .victim_comm = "caf\xc3\xa9\xc2\xb0" },
		/* the comm aligned under the next line's by whoever condensed
		 * them: two blanks after the pid (R4536) */
		{ .name = "kill_line_comm_aligned",
		  .text = "[   535] Out of memory: Killed process 124094  (python3) anon-rss:30531612kB\n",
		  .events = IS(1), .victim_pid = IS(124094), .victim_comm = "python3", .anon_rss_kib = IS(30531612) },
		/* one of "Free swap  =" blanks mangled by a relay (R4370) */
		{ .name = "free_swap_blank_mangled",
		  .text = "[ 4694.400000] app invoked oom-killer: gfp_mask=0xcc0(GFP_KERNEL), order=0, oom_score_adj=0\n"
			  "[ 4694.431304] Free swap A = 2100300kB\n"
			  "[ 4694.431900] Total swap = 2104488kB\n"
			  "[ 4694.440000] Out of memory: Killed process 5 (app) total-vm:100kB, anon-rss:10kB, file-rss:0kB, shmem-rss:0kB\n",
		  .events = IS(1), .swap_free_kib = IS(2100300), .swap_total_kib = IS(2104488) },
		/* pids masked by the paster (R2043, R2058): the victim by its
		 * name, its pid unknown */
		{ .name = "masked_victim_pid",
		  .text = "    [39994236.283140] Out of memory: Kill process xxx (beam.smp) score 727 or sacrifice child\n"
			  "    [39994236.284751] Killed process xxx (beam.smp) total-vm:10094180kB, anon-rss:5992724kB, file-rss:0kB, shmem-rss:0kB\n",
		  .events = IS(1), .victim_pid = IS(OOM_NA), .victim_comm = "beam.smp", .anon_rss_kib = IS(5992724) },
		{ .name = "masked_victim_pid, case 2",
		  .text = "Out of memory: Killed process NNNN (cc1plus) total-vm:112388kB, anon-rss:77184kB ...\n",
		  .events = IS(1), .victim_comm = "cc1plus", .anon_rss_kib = IS(77184) },
		/* the constraint word closed by a Markdown code span and prose
		 * after it (R4412) */
		{ .name = "constraint_word_ends_at_the_quote_mark",
		  .text = "  - `oom-kill:constraint=CONSTRAINT_MEMCG` (cgroup memory limit hit)\n"
			  "  - `Memory cgroup out of memory: Killed process 2101 (prometheus) total-vm:900000kB, anon-rss:500000kB, file-rss:0kB, shmem-rss:0kB`\n",
		  .events = IS(1), .constraint = "CONSTRAINT_MEMCG", .victim_comm = "prometheus" },
		/* RHEL 5's kill line as a knowledge base renders it, the comm
		 * without comma and brackets (R4322) */
		{ .name = "rhel5_kill_line_bare_comm",
		  .text = "kernel: Free swap = 6976136kB\n"
			  "kernel: Total swap = 8385824kB\n"
			  "kernel: Out of memory: Killed process 7919, UID 504 oracle\n",
		  .events = IS(1), .victim_pid = IS(7919), .victim_comm = "oracle" },
		/* a placeholder in angle brackets (R4694) */
		{ .name = "masked_victim_pid, case 4",
		  .text = "Out of memory: Killed process <pid> (next-server) total-vm:21770556kB, anon-rss:1869692kB\n",
		  .events = IS(1), .victim_pid = IS(OOM_NA), .victim_comm = "next-server", .anon_rss_kib = IS(1869692) },
		/* ... elided with dots (R4336, R1934) */
		{ .name = "masked_victim_pid, case 3",
		  .text = "Memory cgroup out of memory: Kill process ... (python)\n"
			  "Killed process ... (python) total-vm:20941976kB, anon-rss:20586828kB, file-rss:0kB\n",
		  .events = IS(1), .victim_pid = IS(OOM_NA), .victim_comm = "python", .anon_rss_kib = IS(20586828) },
		/* a lockdep splat inside the OOM kill (its CPU line and stack,
		 * no OOM header), then the kill line (R1299): the splat's CPU
		 * line dates the kernel of the header-less kill */
		{ .name = "release_from_another_warnings_cpu_line",
		  .text = "[   61.686492][  T538] CPU: 2 PID: 538 Comm: kworker/u8:5 Tainted: G        W         5.16.0-rc6-00051-gb93acee44e1a #2\n"
			  "[   61.688196][  T538] Hardware name: QEMU Standard PC (i440FX + PIIX, 1996), BIOS 1.12.0-1 04/01/2014\n"
			  "[   61.689731][  T538] Call Trace:\n"
			  "[ 61.690294][ T538] dump_stack_lvl (lib/dump_stack.c:107) \n"
			  "[ 61.691025][ T538] __lock_acquire.cold (kernel/locking/lockdep.c:4680) \n"
			  "[ 61.702621][ T538] futex_exit_release (kernel/futex/core.c:1124) \n"
			  "[ 61.703363][ T538] __oom_kill_process (mm/oom_kill.c:899) \n"
			  "[ 61.705003][ T538] out_of_memory (mm/oom_kill.c:1131 (discriminator 4)) \n"
			  "[ 61.714361][ T538] ret_from_fork (arch/x86/entry/entry_32.S:775) \n"
			  "[   61.715202][  T538] Out of memory: Killed process 458 (systemd-journal) total-vm:15160kB, anon-rss:344kB, file-rss:3536kB, shmem-rss:1384kB\n",
		  .events = IS(1), .victim_pid = IS(458), .kernel = "5.16.0-rc6-00051-gb93acee44e1a" },
		/* a stall warning whose "comm: " was cut (R2841): still the
		 * stall, its request read */
		{ .name = "stall_line_comm_cut",
		  .text = "Meu caso, tenho a proxima mensagem\n"
			  "page allocation stalls for 27840ms, order:0, mode:0x14200ca(GFP_HIGHUSER_MOVABLE)\n",
		  .events = IS(1), .order = IS(0), .gfp_known = IS(true), .kind = "page-allocation-failure" },
		/* a blank typed after a field's colon (R2667) */
		{ .name = "kill_field_colon_blank",
		  .text = "Killed process 19925 (php) total-vm: 188228kB, anon-rss:4240kB, file-rss:0kB\n",
		  .events = IS(1), .total_vm_kib = IS(188228), .anon_rss_kib = IS(4240) },
		/* a blank doubled before the pid (R2333) */
		{ .name = "masked_victim_pid, case 4",
		  .text = "Jul 22 19:16:26 kodi kernel: Out of memory: Killed process  532 (kodi.bin) total-vm:1561568kB, anon-rss:397140kB, file-rss:112348kB, shmem-rss:0kB, UID:972 pgtables:1724kB oom_score_adj:0\n",
		  .events = IS(1), .victim_pid = IS(532), .victim_comm = "kodi.bin", .anon_rss_kib = IS(397140) },
		/* the last selection line cut right after its pid (R2564): the
		 * next out_of_memory call's, of that pid */
		{ .name = "selection_cut_after_its_pid",
		  .text = "Mar  6 01:49:25 h kernel: [685307.222264] Out of memory: Kill process 1767 (python) score 15 or sacrifice child\n"
			  "Mar  6 01:49:25 h kernel: [685307.235810] Out of memory: Kill process 5608\n",
		  .events = IS(2), .selected_pid = IS(1767) },
		/* not a mask: a word */
		{ .name = "masked_victim_pid, case 3",
		  .text = "Out of memory: Killed process next (cc1plus) total-vm:112388kB, anon-rss:77184kB\n",
		  .events = IS(0) },
		/* the oom-kill line split one field a line by hand, its head
		 * "oom-kill:" alone (R1813, R2164): read whole */
		{ .name = "constraint_split_one_field_a_line",
		  .text = "\t[ 9060.994841] oom-kill:\n"
			  "\tconstraint=CONSTRAINT_NONE,\n"
			  "\tnodemask=(null),\n"
			  "\tcpuset=/,\n"
			  "\tmems_allowed=0,\n"
			  "\tglobal_oom,\n"
			  "\ttask_memcg=/user.slice/user-1000.slice/session-3.scope,\n"
			  "\ttask=bash,\n"
			  "\tpid=7534,\n"
			  "\tuid=0\n"
			  "\t\n"
			  "\t[ 9060.994859] Out of memory: Killed process 7534 (bash) total-vm:4247244kB, anon-rss:3183412kB, file-rss:0kB, shmem-rss:0kB\n",
		  .events = IS(1), .constraint = "CONSTRAINT_NONE", .task_memcg = "/user.slice/user-1000.slice/session-3.scope",
		  .victim_pid = IS(7534), .anon_rss_kib = IS(3183412) },
		/* journalctl -o verbose: the entry's date-and-cursor line dates
		 * the indented MESSAGE= field under it (R2442) */
		{ .name = "journalctl_verbose_fields",
		  .text = "Thu 2023-02-02 11:49:13.015489 CET [s=1d8f87cf;i=10823659;b=796d12a5;m=1f6726955fe3;t=5f3b550c118c1;x=e534]\n"
			  "    _TRANSPORT=kernel\n"
			  "    MESSAGE=Memory cgroup out of memory: Killed process 2855014 (tail) total-vm:4296kB, anon-rss:60kB, file-rss:516kB, shmem-rss:0kB, UID:0 pgtables:40kB oom_score_adj:0\n",
		  .events = IS(1), .victim_pid = IS(2855014), .time = "Thu 2023-02-02 11:49:13.015489 CET" },
		/* a PDF's text layer: a hyphen given as U+0002, or lost where
		 * a line broke (R2536, R1750) */
		{ .name = "pdf_copy_hyphens",
		  .text = "[ 1839.246233] Killed process 1740 (oom) total-vm:744308kB, anon\x02rss:630068kB, file-rss:0kB, shmem-rss:0kB\n",
		  .events = IS(1), .anon_rss_kib = IS(630068), .total_vm_kib = IS(744308), .file_rss_kib = IS(0) },
		{ .name = "pdf_copy_hyphens, case 2",
		  .text = "[ 1839.246233] Killed process 1740 (oom) totalvm:744308kB, anonrss:630068kB, filerss:4kB, shmemrss:8kB\n",
		  .events = IS(1), .anon_rss_kib = IS(630068), .total_vm_kib = IS(744308), .file_rss_kib = IS(4),
		  .shmem_rss_kib = IS(8) },
		/* an expert quotes the selection, the row and the kill first, the
		 * trigger line last (R187's shape): one event with its request */
		{ .name = "trigger_quoted_after_its_kill_lines",
		  .text = "    [630250.830734] Out of memory: Kill process 16886 (ruby) score 750 or sacrifice child\n"
			  "\n"
			  "This means your app used too much memory.\n"
			  "\n"
			  "    [630250.830790] Killed process 16886 (ruby) total-vm:5029280kB, anon-rss:3025732kB, file-rss:0kB\n"
			  "\n"
			  "And finally, this first line is a red herring:\n"
			  "\n"
			  "    [630250.830457] PassengerAgent invoked oom-killer: gfp_mask=0x2084d0, order=0, oom_score_adj=0\n",
		  .events = IS(1), .trigger_comm = "PassengerAgent", .order = IS(0),
		  .gfp_known = IS(true), .victim_pid = IS(16886) },
		/* a later trigger is a report of its own */
		{ .name = "trigger_quoted_after_its_kill_lines, case 2",
		  .text = "[630250.830734] Out of memory: Kill process 16886 (ruby) score 750 or sacrifice child\n"
			  "[630250.830790] Killed process 16886 (ruby) total-vm:5029280kB, anon-rss:3025732kB, file-rss:0kB\n"
			  "[630290.000000] PassengerAgent invoked oom-killer: gfp_mask=0x2084d0, order=0, oom_score_adj=0\n",
		  .events = IS(2), .trigger_comm = "" },
		/* an allocation failure's line after a header-less kill, the same
		 * syslog second (2.4's fault-path kill, then its one-line
		 * failure, R2320 dated): no trigger of that kill, an event of
		 * its own */
		{ .name = "trigger_quoted_after_its_kill_lines, case 3",
		  .text = "Dec  5 03:30:00 myhost kernel: __alloc_pages: 0-order allocation failed (gfp=0x1d2/0)\n"
			  "Dec  5 03:30:00 myhost kernel: VM: killing process gammu-smsd\n"
			  "Dec  5 03:30:00 myhost kernel: __alloc_pages: 0-order allocation failed (gfp=0x1d2/0)\n",
		  .events = IS(3), .trigger_comm = "", .order = IS(0), .gfp_known = IS(true) },
		/* A reply that marks each pasted log line with ": " inside its "> "
		 * quoting (R416), and a paste framed by "| " on each line (R521): the
		 * mark goes, no line is taken for the rest of the one before it. */
		{ .name = "paste_mark_colon_and_pipe",
		  .text = "> : [   65.920355] Task in /ile0 killed as a result of limit of /ile0\n"
			  "> : [   65.926389] memory: usage 0kB, limit 0kB, failcnt 20\n"
			  "> : [   65.963878] Tasks state (memory values in pages):\n"
			  "> : [   65.968743] [  pid  ]   uid  tgid total_vm      rss pgtables_bytes swapents oom_score_adj name\n"
			  "> : [   65.977615] [   6410]     0  6410     9427      532    61440        0             0 syz-executor5\n"
			  "> : [   65.986647] Memory cgroup out of memory: Kill process 6410 (syz-executor5) score 547000 or sacrifice child\n"
			  "> : [   65.996474] Killed process 6410 (syz-executor5) total-vm:37708kB, anon-rss:2128kB, file-rss:0kB, shmem-rss:0kB\n",
		  .events = IS(1), .oom_memcg = "/ile0", .victim_pid = IS(6410),
		  .victim_adj = IS(0), .anon_rss_kib = IS(2128) },
		{ .name = "paste_mark_colon_and_pipe, case 2",
		  .text = "| [ 10.000001] Out of memory: Kill process 77 (nginx) score 900 or sacrifice child\n"
			  "| [ 10.000002] Killed process 77 (nginx) total-vm:1000kB, anon-rss:500kB, file-rss:0kB\n",
		  .events = IS(1), .victim_pid = IS(77) },
		/* kernel text never starts with ": ": without a stamp it stays */
		{ .name = "paste_mark_colon_and_pipe, case 3",
		  .text = ": Killed process 77 (nginx) total-vm:1000kB, anon-rss:500kB, file-rss:0kB\n",
		  .events = IS(1) },
		/* A Markdown fence glued to the paste's first line, its newline
		 * lost (R778): the backticks go, the vmalloc line is read */
		{ .name = "markdown_fence_glued_before_the_first_stamp",
		  .text = "```[20761.375887] vmalloc: allocation failure: 2214858752 bytes\n"
			  "[20761.375920] camsrc:src: page allocation failure: order:0, mode:0x80d2\n"
			  "[20761.375938] CPU: 0 PID: 7855 Comm: camsrc:src Not tainted 3.12.23+ #1\n",
		  .events = IS(1), .trigger_comm = "camsrc:src", .order = IS(0) },
		/* A blog's Markdown escaped every '_' and '[' behind a syslog prefix, and
		 * grep kept the selection line but not the kill line (R428): the escapes
		 * are undone from the first escaped kernel key on, and the selection line
		 * names the victim when no kill line does. */
		{ .name = "escaped_markdown_behind_syslog_and_selection_victim",
		  .text = "Apr 09 16:00:14 h kernel: java invoked oom-killer: gfp\\_mask=0xd0, order=0, oom\\_score\\_adj=0\n"
			  "Apr 09 16:00:14 h kernel:  \\[<ffffffff8c3ba524>\\] oom\\_kill\\_process+0x254/0x3d0\n"
			  "Apr 09 16:00:14 h kernel: memory: usage 524288kB, limit 524288kB, failcnt 8430\n"
			  "Apr 09 16:00:14 h kernel: Memory cgroup out of memory: Kill process 10768 (java) score 1021 or sacrifice child\n",
		  .events = IS(1), .order = IS(0), .gfp_text = "0xd0", .arch = "x86_64",
		  .victim_pid = IS(10768), .victim_comm = "java" },
		/* An expert's "[...]" between quoted lines is no wrapped rest (R432). */
		{ .name = "elision_line_is_no_wrapped_rest",
		  .text = "> [ 2397.331098] cpuset01 invoked oom-killer: gfp_mask=0x24280ca(GFP_HIGHUSER_MOVABLE|__GFP_ZERO), nodemask=1, order=0, oom_score_adj=0\n"
			  "> [ 2397.331100] cpuset01 cpuset=1 mems_allowed=1\n"
			  "[...]\n"
			  "> [ 2397.331236] Free swap  = 15892444kB\n",
		  .events = IS(1), .cpuset = "1", .mems_allowed = "1" },
		/* a mailer cut the blank-less oom-kill: line inside a path, and a
		 * kill line's "kB" between its letters: both join without a blank */
		{ .name = "oom_kill_line_and_kb_unit_cut_mid_token",
		  .text = "oom-kill:constraint=CONSTRAINT_MEMCG,nodemask=(null),cpuset=/,mems_allowed=0-1,oom_memcg=/build-kernel-tmp\n"
			  "fs,task_memcg=/build-kernel-tmpfs,task=cc1,pid=5646,uid=1000\n"
			  "Memory cgroup out of memory: Killed process 5646 (cc1)\n"
			  "total-vm:63292kB, anon-rss:21852kB, file-rss:12704k\n"
			  "B, shmem-rss:0kB, UID:1000 pgtables:148kB oom_score_adj:0\n",
		  .events = IS(1), .oom_memcg = "/build-kernel-tmpfs", .victim_pid = IS(5646),
		  .file_rss_kib = IS(12704), .shmem_rss_kib = IS(0) },
		/* a header-less report after its boot's banner: the banner's release,
		 * the cross compiler's target for the arch */
		{ .name = "boot_banner_lends_release_and_compiler_arch",
		  .text = "[    0.000000] Linux version 6.0.2-devel+git.dab08f7eecdf (oe-user@oe-host) (arm-tdx-linux-gnueabi-gcc (GCC) 11.3.0, GNU ld (GNU Binutils) 2.38) #1 SMP Sat Oct 15 06:02:59 UTC 2022\n"
			  "[    1.751566] etnaviv-gpu 130000.gpu: model: GC2000, revision: 5108\n"
			  "[ 4000.000000] Out of memory: Killed process 812 (weston) total-vm:500000kB, anon-rss:200000kB, file-rss:0kB, shmem-rss:0kB, UID:0 pgtables:300kB oom_score_adj:0\n",
		  .events = IS(1), .kernel = "6.0.2-devel+git.dab08f7eecdf", .arch = "arm",
		  .victim_pid = IS(812) },
		/* a native build names no target: the release only */
		{ .name = "boot_banner_lends_release_and_compiler_arch, case 2",
		  .text = "[    0.000000] Linux version 5.15.0-91-generic (buildd@lcy02-amd64-045) (gcc (Ubuntu 11.4.0-1ubuntu1~22.04) 11.4.0, GNU ld (GNU Binutils for Ubuntu) 2.38) #101-Ubuntu SMP\n"
			  "[ 4000.000000] Out of memory: Killed process 812 (weston) total-vm:500000kB, anon-rss:200000kB, file-rss:0kB, shmem-rss:0kB, UID:0 pgtables:300kB oom_score_adj:0\n",
		  .events = IS(1), .kernel = "5.15.0-91-generic" },
		{ .name = "pager_cut_after_a_comma_keeps_the_oom_kill_line",
		  .text = "Jan 25 14:59:30 h kernel: oom-kill:constraint=CONSTRAINT_NONE,nodemask=(null),cpuset=/,mems_allowed=0,global_oom,task_memcg=/system.slice/firewalld.service,>\n"
			  "Jan 25 14:59:30 h kernel: Out of memory: Killed process 925 (firewalld) total-vm:298292kB, anon-rss:21912kB, file-rss:0kB, shmem-rss:0kB\n",
		  .events = IS(1), .constraint = "CONSTRAINT_NONE", .victim_pid = IS(925) },
		/* a trace's tail pasted after the kill line ("<snip>", R636): its frames
		 * still say the machine's arch */
		{ .name = "frames_after_kill_say_arch",
		  .text = "\tOut of memory: Killed process 57 (virtual_address) total-vm:137436863812kB, anon-rss:1024kB, file-rss:0kB, shmem-rss:1756kB, UID:0 pgtables:1039444kB oom_score_adj:0\n"
			  "\t<snip>\n"
			  "\tksys_write+0x6c/0xe0\n"
			  "\tdo_syscall_64+0x9e/0x1a0\n"
			  "\tentry_SYSCALL_64_after_hwframe+0x77/0x7f\n",
		  .events = IS(1), .arch = "x86_64", .victim_pid = IS(57) },
		/* a show_mem cut at its top and joined by SLUB's failure line (R564): the
		 * allocation failure's show_mem (warn_alloc), not a bare fragment */
		{ .name = "show_mem_with_slab_failure_is_alloc_failure",
		  .text = "[21161.093423] 9387 total pagecache pages\n"
			  "[21161.093438] Free swap  = 587408kB\n"
			  "[21161.093442] Total swap = 6012924kB\n"
			  "[21161.093447] 2074779 pages RAM\n"
			  "[21161.093451] 0 pages HighMem/MovableOnly\n"
			  "[21161.093455] 70082 pages reserved\n"
			  "[21161.093507] SLUB: Unable to allocate memory on node -1, gfp=0x900(GFP_NOWAIT|__GFP_ZERO)\n",
		  .events = IS(1), .kind = "page-allocation-failure" },
		/* without it, a fragment */
		{ .name = "show_mem_with_slab_failure_is_alloc_failure, bare",
		  .text = "[21161.093423] 9387 total pagecache pages\n"
			  "[21161.093447] 2074779 pages RAM\n"
			  "[21161.093455] 70082 pages reserved\n",
		  .events = IS(1), .kind = "fragment" },
		/* … with the unreclaimable slab table after it: only the OOM
		 * killer's dump_header prints that, for a global OOM (R2924) */
		{ .name = "show_mem_with_slab_table_is_a_global_oom",
		  .text = "[21161.093423] 9387 total pagecache pages\n"
			  "[21161.093438] Free swap  = 988924kB\n"
			  "[21161.093442] Total swap = 999420kB\n"
			  "[21161.093447] 8338260 pages RAM\n"
			  "[21161.093455] 200206 reserved pages\n"
			  "[21161.093460] Unreclaimable slab info:\n"
			  "[21161.093461] Name                      Used          Total\n"
			  "[21161.093462] zfs_znode_cache           62KB         62KB\n",
		  .events = IS(1), .kind = "global" },
		/* a paste of only show_mem's per-cpu pageset lists (2.6.19-3.18
		 * show_free_areas: "Node 0 DMA32 per-cpu:", "CPU    0: hi: … btch: … usd:",
		 * 2.6.1x "cpu 0 hot: … cold: …"), in every shape a paste gives them
		 * (R573, R718, R967): one fragment event */
		{ .name = "percpu_lines_only_are_a_fragment",
		  .text = "[1742446.360681] Node 0 DMA32 per-cpu:\n"
			  "[1742446.360684] CPU    0: hi:  186, btch:  31 usd:  30\n"
			  "[1742446.360686] CPU    1: hi:  186, btch:  31 usd:   0\n",
		  .events = IS(1), .kind = "fragment" },
		/* cut at the top: the first line is a CPU line */
		{ .name = "percpu_lines_only_are_a_fragment, cut_at_top",
		  .text = "[1742446.360863] CPU   47: hi:    0, btch:   1 usd:   0\n"
			  "[1742446.360865] Node 1 Normal per-cpu:\n"
			  "[1742446.360867] CPU    0: hi:  186, btch:  31 usd:  50\n",
		  .events = IS(1), .kind = "fragment" },
		/* a pastebin's numbers and printk levels, with stamps and without */
		{ .name = "percpu_lines_only_are_a_fragment, numbered",
		  .text = "  1. <4>[ 223.801775] CPU 29: hi: 0, btch: 1 usd: 0\n"
			  "  2. <4>[ 223.802422] Node 0 DMA32 per-cpu:\n"
			  "  3. <4>[ 223.802683] CPU 0: hi: 186, btch: 31 usd: 0\n",
		  .events = IS(1), .kind = "fragment" },
		{ .name = "percpu_lines_only_are_a_fragment, numbered_unstamped",
		  .text = "  1. <4>CPU 29: hi: 0, btch: 1 usd: 0\n"
			  "  2. <4>Node 0 DMA32 per-cpu:\n"
			  "  3. <4>CPU 0: hi: 186, btch: 31 usd: 0\n",
		  .events = IS(1), .kind = "fragment" },
		{ .name = "percpu_lines_only_are_a_fragment, unstamped",
		  .text = "CPU    0: hi:  186, btch:  31 usd:  30\n"
			  "CPU    1: hi:  186, btch:  31 usd:   0\n",
		  .events = IS(1), .kind = "fragment" },
		{ .name = "percpu_lines_only_are_a_fragment, hot_cold",
		  .text = "cpu 0 hot: high 186, batch 31 used:30\n"
			  "cpu 0 cold: high 62, batch 15 used:14\n",
		  .events = IS(1), .kind = "fragment" },
		/* before a report's own header they are no event of their own (an
		 * earlier report's show_mem cut before its totals says nothing) */
		{ .name = "percpu_lines_only_are_a_fragment, before",
		  .text = "[  10.000000] CPU    0: hi:  186, btch:  31 usd:  30\n"
			  "[  10.100000] x invoked oom-killer: gfp_mask=0xd0, order=0, oom_adj=0\n"
			  "[  10.100001] Pid: 1, comm: x Not tainted 2.6.32 #1\n",
		  .events = IS(1), .trigger_comm = "x" },
	};
	check_reads(cases, sizeof(cases) / sizeof(cases[0]));
}

int main(void)
{
	RUN(test_x86_mark_width_from_pid_or_memory);
	RUN(test_frame_forms_say_arch);
	RUN(test_decoded_memcg_frame_says_memcg);
	RUN(test_paste_indent_learned_from_a_marker);
	RUN(test_gfp_mask_masked_by_the_paster);
	RUN(test_numa_hint_after_a_kill_logged_twice);
	RUN(test_later_task_rows_are_another_report);
	RUN(test_kill_line_before_its_task_table);
	RUN(test_openvz_beancounter_oom);
	RUN(test_alloc_failure_without_comm);
	RUN(test_memcg_stat_dump_tail);
	RUN(test_trigger_line_rest);
	RUN(test_empty_dma32_names_no_arch);
	RUN(test_paste_frames_rows_items_numbers);
	RUN(test_uname_pasted_before_a_cut_report);
	RUN(test_memcg_lines_with_the_task_in_head_cut);
	RUN(test_headerless_event_takes_the_neighbours_arch);
	RUN(test_cut_trace_before_a_mid_report_says_the_arch);
	RUN(test_arch_from_frames_and_layout);
	RUN(test_arch_from_address_ranges_and_hardware_lines);
	RUN(test_body_after_a_headless_kill);
	RUN(test_selection_storm_without_kills);
	RUN(test_memcg_from_unreliable_frames);
	RUN(test_swap_totals_after_a_condensed_kill);
	RUN(test_lone_kill_in_memcg_storm);
	RUN(test_logwatch_time_s_prefix);
	RUN(test_retyped_invoked_oom_trigger);
	RUN(test_qp_encoded_newline_ends_the_line);
	RUN(test_qp_found_in_a_wrapped_rest);
	RUN(test_qp_known_by_its_76_column_breaks);
	RUN(test_time_of_day_kernel_prefix_is_no_host);
	RUN(test_other_warnings_stack_is_no_report);
	RUN(test_bare_first_line_then_syslog_lines);
	RUN(test_same_second_failures_and_borrowed_arch);
	RUN(test_sysrq_requests_without_headers);
	RUN(test_shown_task_sleeping_in_the_oom_killer);
	RUN(test_old_fault_path_kill_and_borrowed_arch);
	RUN(test_escaped_markdown_double_spaced);
	RUN(test_trigger_comm_colon_pid);
	RUN(test_constraint_line_cut_in_a_key);
	RUN(test_two_hosts_events_in_text_order);
	RUN(test_no_killable_then_the_machine_lives_on);
	RUN(test_trigger_nodemask_without_node0_is_mempolicy);
	RUN(test_glued_lines_before_the_marker_and_selection_only);
	RUN(test_task_rows_alone_are_a_cut_report);
	RUN(test_next_report_lends_its_arch);
	RUN(test_report_quoted_as_key_lines_then_in_full);
	RUN(test_prose_quoting_the_trigger_is_no_report);
	RUN(test_memcg_stats_path_on_the_next_line);
	RUN(test_warn_alloc_with_its_own_text);
	RUN(test_brackets_glued_before_an_allocation_failure);
	RUN(test_empty_comm_trigger);
	RUN(test_panic_stack_after_lines_between);
	RUN(test_charge_frames_say_memcg);
	RUN(test_kill_line_with_a_doubled_blank);
	RUN(test_vmalloc_failure_size);
	RUN(test_commented_lines_and_machine_prefix);
	RUN(test_oom_group_line_opens_a_cut_report);
	RUN(test_limit_of_a_non_path_is_no_memcg);
	RUN(test_request_and_kernel_read_through_damage);
	RUN(test_victim_read_through_damage);
	RUN(test_whole_reports_read_through_damage);
	return check_summary();
}
