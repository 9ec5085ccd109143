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

/* ---- quoted-printable ---------------------------------------------------- */

TEST(test_qp_soft_breaks_and_escapes)
{
	/* a report pasted in a QP mail: '=' as =3D, soft breaks mid-token */
	const char *in =
		"> dd invoked oom-killer: gfp_mask=3D0x101cca(GFP_HIGHUSER_MOVABLE|__GFP_WRI=\n"
		"TE),\n"
		"> order=3D0, oom_score_adj=3D0\n"
		"> CPU: 1 PID: 4404 Comm: dd Not tainted 6.1.0-rc4-00=\n"
		"01-gabc #1\n"
		"> oom-kill:constraint=3DCONSTRAINT_MEMCG,nodemask=3D(null),cpuset=3Dtest,\n"
		"> mems_allowed=3D0,oom_memcg=3D/test,task_memcg=3D/test,task=3Ddd,pid=3D440=\n"
		"4,uid=3D0\n"
		"> Memory cgroup out of memory: Killed process 4404 (dd) total-vm:10512kB,\n"
		"> anon-rss:1152kB, file-rss:1824kB, shmem-rss:0kB, UID:0 pgtables:76kB\n"
		"> oom_score_adj:0\n";
	struct ev1 e;
	read_text(in, &e);
	CHECK_INT(e.events, 1);
	CHECK_STR(e.first.req.gfp_text, "0x101cca(GFP_HIGHUSER_MOVABLE|__GFP_WRITE)");
	CHECK_INT(e.first.req.order, 0);
	CHECK_STR(e.first.kernel, "6.1.0-rc4-0001-gabc");
	CHECK_STR(e.first.constraint, "CONSTRAINT_MEMCG");
	CHECK_STR(e.first.oom_memcg, "/test");
	CHECK_INT(e.first.victim.pid, 4404);
	CHECK_INT(e.first.victim.anon_rss_kib, 1152);
}

TEST(test_qp_needs_evidence)
{
	/* a line ending in '=' without any QP escape around is kernel text
	 * (or base64), never a soft break: nothing is joined or decoded */
	const char *in =
		"[  1.000000] app invoked oom-killer: gfp_mask=0x100cca(GFP_HIGHUSER_MOVABLE), order=0, oom_score_adj=\n"
		"[  1.000001] CPU: 0 PID: 7 Comm: app Not tainted 5.15.0-1 #1\n"
		"[  1.000002] x=3Dy\n";
	struct ev1 e;
	read_text(in, &e);
	CHECK_INT(e.events, 1);
	CHECK_STR(e.first.kernel, "5.15.0-1");
	CHECK_INT(e.first.req.trigger_pid, 7);
}

/* ---- quoted pastes wrapped twice ---------------------------------------- */

TEST(test_quoted_paste_rewrapped_by_replier)
{
	/* the quoted kill line was wrapped by the first mailer, then each
	 * quoted line again by the replier's: "total-" / "vm:" / "> 105068kB" */
	const char *in =
		"> [ 1171.795551] Out of memory: Killed process 1669 (xdg-desktop-por) total-\n"
		"vm:\n"
		"> 105068kB, anon-rss:9792kB, file-rss:10972kB, shmem-rss:0kB, UID:1000 \n"
		"pgtables:\n"
		"> 136kB oom_score_adj:200\n";
	struct ev1 e;
	read_text(in, &e);
	CHECK_INT(e.events, 1);
	CHECK_INT(e.first.victim.pid, 1669);
	CHECK_INT(e.first.victim.total_vm_kib, 105068);
	CHECK_INT(e.first.victim.anon_rss_kib, 9792);
	CHECK_INT(e.first.victim.file_rss_kib, 10972);
	CHECK_INT(e.first.victim.oom_score_adj, 200);
}

/* ---- prefixes no rule knows ------------------------------------------- */

TEST(test_learned_prefix_with_changing_stamps)
{
	/* an Android/HiSilicon kmsg prefix: a stamp and counters that change
	 * from line to line, the comm glued to its ']'; continuation lines
	 * carry only the prefix's head */
	const char *in =
		"--- dmesg ---\n"
		"07-13 08:41:51.341 <4>[309805.658142s][pid:1361,cpu5,svc]svc: page allocation failure: order:2, mode:0x2000d1\n"
		"07-13 08:41:51.346 <4>[309805.658142s][pid:1361,cpu5,svc]CPU: 5 PID: 1361 Comm: svc Tainted: G        W       4.1.18-g09f #1\n"
		"07-13 08:41:51.347 <4>[309805.658172s][pid:1361,cpu5,svc]Hardware name: hi3650 (DT)\n"
		"07-13 08:41:51.347 <4>[309805.658264s][pid:1361,cpu5,svc]Mem-Info:\n"
		"07-13 08:41:51.347 <4>[309805.658264s][pid:1361,cpu5,svc]active_anon:491074 inactive_anon:118072 isolated_anon:0\n"
		"07-13 08:41:51.347 <4>[309805.658264s] active_file:19087 inactive_file:9843 isolated_file:0\n"
		"07-13 08:41:51.347 <4>[309805.658386s][pid:1361,cpu5,svc]Free swap  = 0kB\n"
		"07-13 08:41:51.348 <4>[309805.658416s][pid:1361,cpu5,svc]Total swap = 524284kB\n"
		"07-13 08:41:51.348 <4>[309805.658416s][pid:1361,cpu5,svc]992767 pages RAM\n";
	struct ev1 e;
	read_text(in, &e);
	CHECK_INT(e.events, 1);
	CHECK_STR(e.first.req.trigger_comm, "svc");
	CHECK_INT(e.first.req.trigger_pid, 1361);
	CHECK_STR(e.first.kernel, "4.1.18-g09f");
	CHECK_INT(e.first.req.order, 2);
}

TEST(test_learned_prefix_behind_a_syslog_date)
{
	/* a syslog date and host without the kernel's tag; the marker line's
	 * rest was wrapped by a mailer, so the next line is not the first to
	 * share the prefix */
	const char *in =
		"> Sep 13 15:31:25 escabot init invoked oom-killer: gfp_mask=0xd0,\n"
		"> order=0, oomkilladj=0\n"
		"> Sep 13 15:31:25 escabot [<c0149ea8>] out_of_memory+0x158/0x1b0\n"
		"> Sep 13 15:31:25 escabot [<c014b7b0>] __alloc_pages+0x2a0/0x300\n"
		"> Sep 13 15:31:25 escabot Mem-info:\n"
		"> Sep 13 15:31:25 escabot Free swap  = 2004216kB\n"
		"> Sep 13 15:31:25 escabot Total swap = 2008116kB\n"
		"> Sep 13 15:31:25 escabot 1048576 pages of RAM\n";
	struct ev1 e;
	read_text(in, &e);
	CHECK_INT(e.events, 1);
	CHECK_STR(e.first.req.trigger_comm, "init");
	CHECK_INT(e.first.req.gfp_mask, 0xd0);
}

TEST(test_comm_with_blank_is_no_prefix)
{
	/* "C1 CompilerThre invoked" then "C1 CompilerThre cpuset=": the comm
	 * repeats, it is not a prefix to learn */
	const char *in =
		"Apr 14 05:21:34 h kernel: C1 CompilerThre invoked oom-killer: gfp_mask=0x6000c0(GFP_KERNEL), nodemask=(null), order=0, oom_score_adj=-997\n"
		"Apr 14 05:21:34 h kernel: C1 CompilerThre cpuset=x mems_allowed=0-3\n"
		"Apr 14 05:21:34 h kernel: CPU: 21 PID: 585614 Comm: C1 CompilerThre Not tainted 4.19.0-1 #1\n";
	struct ev1 e;
	read_text(in, &e);
	CHECK_INT(e.events, 1);
	CHECK_STR(e.first.req.trigger_comm, "C1 CompilerThre");
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

TEST(test_arch_from_frames_and_layout)
{
	char t[2048];
	/* x86's unreliable-frame mark: the width says 32 or 64 bit */
	snprintf(t, sizeof(t), "%s [<c015c4e1>] ? __alloc_pages_nodemask+0x423/0x468\n", head);
	arch_of(t, "i686");
	/* 16 digits outside x86_64's text range say nothing (loongarch, arm64) */
	snprintf(t, sizeof(t), "%s[<9000000000209c5c>] show_stack+0x9c/0x190\n", head);
	arch_of(t, "");
	snprintf(t, sizeof(t), "%s[<ffffffff81608d3d>] dump_stack+0x19/0x1b\n", head);
	arch_of(t, "x86_64");
	/* 32-bit ARM's unwinder, addresses cut or not */
	snprintf(t, sizeof(t), "%s(dump_stack) from (dump_header+0x7c/0xe4)\n", head);
	arch_of(t, "arm");
	snprintf(t, sizeof(t), "%s oom_kill_process from out_of_memory+0x218/0x34c\n", head);
	arch_of(t, "arm");
	/* prose with "from" is no frame */
	snprintf(t, sizeof(t), "%sdata from disk+0x10/0x20 was lost\n", head);
	arch_of(t, "");
	/* MIPS show_stacktrace */
	snprintf(t, sizeof(t), "%sStack : 805b0000 8055b2d8 00000000 00000000\n", head);
	arch_of(t, "mips");
	/* powerpc's "[sp] [ret] func": two bracketed pointer-wide words */
	snprintf(t, sizeof(t), "%sCall Trace:\n[c1c65940] [c07926d4] dump_stack_lvl+0x80/0xac (unreliable)\n", head);
	arch_of(t, "ppc");
	snprintf(t, sizeof(t), "%sCall Trace:\n[c000000004a3f8d0] [c000000000c1e4a4] dump_stack+0xe8/0x13c\n", head);
	arch_of(t, "ppc64");
	snprintf(t, sizeof(t), "%s[c1c65940] [c07926d4\n", head);
	arch_of(t, "");
	/* sparc64: its 16-digit frames say only 64 bit; its fault path names it */
	snprintf(t, sizeof(t), "%sCall Trace:\n[<0000000000ca531c>] dump_stack+0x8/0x18\n", head);
	arch_of(t, "");
	snprintf(t, sizeof(t), "%sCall Trace:\n[<0000000000ca531c>] dump_stack+0x8/0x18\n"
		 "[<0000000000cb2cb8>] do_sparc64_fault+0x4f8/0xa20\n", head);
	arch_of(t, "sparc64");
	/* more arches' own frames and lines; each with the arch it says */
	static const struct { const char *body, *arch; } shapes[] = {
		/* riscv64: walk_stackframe / ret_from_exception frames of 16 digits */
		{ "Call Trace:\n[<ffffffe000043992>] walk_stackframe+0x0/0xaa\n", "riscv64" },
		/* a 16-digit frame below ffffffff… is no x86_64 kernel: DMA32 and
		 * "Call Trace:" do not make it one */
		{ "Call Trace:\n[<000000008011c2f2>] 0x000000008011c2f2\nMem-Info:\n"
		  "DMA32 free:3180kB min:296kB low:368kB high:440kB present:8192kB\n", "" },
		{ "Call Trace:\n[<ffffffff8011c2f2>] dump_stack+0x1/0x2\nMem-Info:\n"
		  "DMA32 free:3180kB min:296kB low:368kB high:440kB present:8192kB\n", "x86_64" },
		/* s390: its syscall wrappers and its four-digit machine type */
		{ "Call Trace:\n [<00000001f875e39a>] __s390x_sys_ioctl+0x2a/0x40\n", "s390x" },
		{ "Hardware name: IBM 8562 T02 Z06 (LPAR)\n", "s390x" },
		{ "Hardware name: IBM System x3650 -[7979AC1]-/Server\n", "" },
		/* x86_64's syscall wrappers and ≤3.x entry label */
		{ "Call Trace:\n __x64_sys_perf_event_open+0x22/0x30\n", "x86_64" },
		{ "Call Trace:\n[<ffffffff8100b072>] ? system_call_fastpath+0x16/0x1b\n", "x86_64" },
		/* csky, 32-bit ARM without unwinder, ppc32's 2.6 one-word frames */
		{ "Call Trace:\n[<8004a246>] csky_systemcall+0x96/0xe0\n", "csky" },
		{ "Backtrace:\nFunction entered at [<c0011738>] from [<c03019b8>]\n", "arm" },
		{ "Call Trace:\n [c0007450] dump_stack+0x18/0x28\n", "ppc" },
		{ "Call Trace:\n [c0007450] some words here\n", "" },
		/* powerpc's Hardware name: the cpu name says the width */
		{ "Hardware name: PowerMac3,6 7455 0x80010303 PowerMac\n", "ppc" },
		{ "Hardware name: PowerMac7,3 PPC970FX 0x003c0300 PowerMac\n", "ppc64" },
		{ "Hardware name: QEMU Standard PC (i440FX + PIIX, 1996), BIOS 1.16.2 04/01/2014\n", "" },
	};
	for (size_t i = 0; i < sizeof(shapes) / sizeof(shapes[0]); i++) {
		snprintf(t, sizeof(t), "%s%s", head, shapes[i].body);
		arch_of(t, shapes[i].arch);
	}
	/* the release names it */
	snprintf(t, sizeof(t), "%sCPU: 3 PID: 1 Comm: app Not tainted 6.3.0-rc1-x86-32-debug+ #1\n", head);
	arch_of(t, "i686");
	snprintf(t, sizeof(t), "%sCPU: 3 PID: 1 Comm: app Not tainted 4.19.0-91.uelc20.loongarch64 #1\n"
		 "[<9000000000209c5c>] show_stack+0x9c/0x190\n", head);
	arch_of(t, "loongarch64");
	/* 32-bit x86's zones: 16 MiB ISA DMA, Normal, populated HighMem */
	snprintf(t, sizeof(t), "%sMem-Info:\n"
		 "DMA free:16kB min:16kB low:32kB high:48kB present:16384kB\n"
		 "Normal free:1600kB min:936kB low:1872kB high:2808kB present:901120kB\n"
		 "HighMem free:966400kB min:512kB low:1024kB high:1536kB present:1179584kB\n", head);
	arch_of(t, "i686");
	/* an empty HighMem zone: every arch printed one before 2.6.19 */
	snprintf(t, sizeof(t), "%sMem-Info:\n"
		 "DMA free:4536kB min:60kB low:72kB high:88kB present:16384kB\n"
		 "Normal free:524648kB min:4028kB low:5032kB high:6040kB present:1031360kB\n"
		 "HighMem free:0kB min:128kB low:160kB high:192kB present:0kB\n", head);
	arch_of(t, "");
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

TEST(test_lines_in_double_quotes)
{
	struct ev1 e;
	const char *in =
		"\"oom-kill:constraint=CONSTRAINT_MEMCG,nodemask=(null),cpuset=x,mems_allowed=0,oom_memcg=/a/b,task_memcg=/a/b,task=redis,pid=7,uid=999\"\n"
		"\n"
		"\"Memory cgroup out of memory: Killed process 7 (redis) total-vm:209580kB, anon-rss:133060kB, file-rss:3072kB, shmem-rss:0kB, UID:999 pgtables:416kB oom_score_adj:0\",\n";
	read_text(in, &e);
	CHECK_INT(e.events, 1);
	CHECK_STR(e.first.constraint, "CONSTRAINT_MEMCG");
	CHECK_STR(oom_kind_name(e.first.kind), "memcg");
	CHECK_INT(e.first.victim.pid, 7);
	/* prose in quotes is no kernel line */
	read_text("\"hello world\"\n", &e);
	CHECK_INT(e.events, 0);
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

TEST(test_qp_equals_without_soft_breaks)
{
	struct ev1 e;
	/* a QP body hard-wrapped by the archive: no line ends in '=' */
	read_text("[1.0] gbased invoked oom-killer: gfp_mask=3D0x200da, order=3D0,\n"
		  "oom_score_adj=3D0\n", &e);
	CHECK_INT(e.events, 1);
	CHECK_INT(e.first.req.gfp_mask, 0x200da);
	CHECK_INT(e.first.req.order, 0);
	CHECK_STR(e.first.req.trigger_comm, "gbased");
}

TEST(test_wrapped_limit_path_and_cut_kill)
{
	struct ev1 e;
	const char *in =
		"[5.1] Task in /kubepods/pod9/abc killed as a result of limit of /kubepo\n"
		"ds/pod9/abc\n"
		"[5.1] memory: usage 524288kB, limit 524288kB, failcnt 0\n"
		"[5.1] Tasks state (memory values in pages):\n"
		"[5.1] [  pid  ]   uid  tgid total_vm      rss pgtables_bytes swapents oom_score_adj name\n"
		"[5.1] [  62685]     0 62685     2925      679    65536        0          -998 bash\n"
		"[5.1] [  62769]     0 62769     4382      411    77824        0          -998 cp\n"
		"[5.1] Memory cgroup out of memory: Kill process 62685 (bash) score 0 or sacrifice child\n"
		"[5.1] Killed process 62769 (\n";
	read_text(in, &e);
	CHECK_INT(e.events, 1);
	/* the kill line's pid is the victim; the cut comm comes from its row */
	CHECK_INT(e.first.victim.pid, 62769);
	CHECK_STR(e.first.victim.comm, "cp");
	/* a blank that is not a wrap of the task path stays */
	read_text("[5.1] Task in /a/b killed as a result of limit of /x y\n"
		  "[5.1] memory: usage 1kB, limit 1kB, failcnt 0\n", &e);
	CHECK_STR(e.first.oom_memcg, "/x y");
	read_text("[5.1] Task in /kubepods/pod9/abc killed as a result of limit of /kubepo ds/pod9\n"
		  "[5.1] memory: usage 1kB, limit 1kB, failcnt 0\n", &e);
	CHECK_STR(e.first.oom_memcg, "/kubepods/pod9");
}

TEST(test_victim_from_constraint_line_alone)
{
	struct ev1 e;
	read_text("oom-kill:constraint=CONSTRAINT_MEMCG,nodemask=(null),cpuset=x,mems_allowed=0-1,"
		  "oom_memcg=/k,task_memcg=/k/p,task=pt_main_thread,pid=461754,uid=0\n", &e);
	CHECK_INT(e.events, 1);
	CHECK(e.first.have_victim);
	CHECK_INT(e.first.victim.pid, 461754);
	CHECK_STR(e.first.victim.comm, "pt_main_thread");
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

TEST(test_panic_stack_belongs_to_the_report)
{
	/* panic_on_oom: panic()'s own stack dump after its line, a blank line
	 * between, says the kernel and the memcg path */
	const char *in =
		"[   81.234845] [19413]     0 19413     3010      254      11        0             0 agent\n"
		"[   81.234867] Kernel panic - not syncing: Out of memory: compulsory panic_on_oom is enabled\n"
		"\n"
		"[   81.235005] CPU: 3 PID: 8284 Comm: DefSch0200 Tainted: G  O E  3.10.0-229.42.1.105.x86_64 #1\n"
		"[   81.235005] Hardware name: OpenStack Foundation OpenStack Nova, BIOS rel-1.8.1 04/01/2014\n"
		"[   81.248437] Call Trace:\n"
		"[   81.252523]  [<ffffffff81608d3d>] dump_stack+0x19/0x1b\n"
		"[   81.252523]  [<ffffffff816025de>] panic+0xd8/0x214\n"
		"[   81.252523]  [<ffffffff8115d86f>] check_panic_on_oom+0x5f/0x60\n"
		"[   81.252523]  [<ffffffff811c17bf>] mem_cgroup_oom_synchronize+0x34f/0x580\n";
	struct ev1 e;
	read_text(in, &e);
	CHECK_INT(e.events, 1);
	CHECK_STR(e.first.kernel, "3.10.0-229.42.1.105.x86_64");
	CHECK_STR(e.first.arch, "x86_64");
	CHECK_STR(oom_kind_name(e.first.kind), "memcg");
}

/* ---- task rows without their header -------------------------------------- */

TEST(test_headerless_task_row_gives_adj)
{
	/* grep kept the victim's row only (4.9: nr_ptes nr_pmds columns) */
	const char *in =
		"[Tue May 16 19:45:20 2017] prometheus invoked oom-killer: gfp_mask=0x24201ca(GFP_HIGHUSER_MOVABLE|__GFP_COLD), nodemask=0, order=0, oom_score_adj=179\n"
		"[Tue May 16 19:45:20 2017] CPU: 1 PID: 20234 Comm: prometheus Not tainted 4.9.24-coreos #1\n"
		"[Tue May 16 19:45:20 2017] [15192]     0 15192  1679458  1648518    3283      11        0           179 prometheus\n"
		"[Tue May 16 19:45:20 2017] Out of memory: Kill process 15192 (prometheus) score 1041 or sacrifice child\n"
		"[Tue May 16 19:45:20 2017] Killed process 15192 (prometheus) total-vm:6717832kB, anon-rss:6594072kB, file-rss:0kB, shmem-rss:0kB\n";
	struct ev1 e;
	read_text(in, &e);
	CHECK_INT(e.events, 1);
	CHECK_INT(e.first.victim.pid, 15192);
	CHECK_INT(e.first.victim.oom_score_adj, 179);
	/* a row of no known width is still ignored */
	const char *odd =
		"app invoked oom-killer: gfp_mask=0xd0, order=0\n"
		"[ 4242]     0  4242      100 app\n"
		"Out of memory: Kill process 4242 (app) score 5 or sacrifice child\n"
		"Killed process 4242 (app) total-vm:400kB, anon-rss:40kB, file-rss:0kB\n";
	read_text(odd, &e);
	CHECK_INT(e.events, 1);
	CHECK(!known(e.first.victim.oom_score_adj));
}

TEST(test_log_starts_in_a_headerless_task_table)
{
	/* the paste starts mid-table (no "[ pid ]" header, 4.x nr_pmds width)
	 * and the kill line is cut before its adj: the rows back-fill the
	 * report and the victim's row gives oom_score_adj */
	const char *in =
		"May 05 19:35:27 h kernel: [ 2700]     0  2700      492       29       4       0        0             0 agetty\n"
		"May 05 19:35:31 h kernel: [ 2737]     0  2737     2362     1506       8       0        0          -100 dhcpd\n"
		"May 05 19:35:58 h kernel: Out of memory: Kill process 2737 (dhcpd) score 11 or sacrifice child\n"
		"May 05 19:36:02 h kernel: Killed process 2737 (dhcpd) total-vm:9448kB, a\n";
	struct ev1 e;
	read_text(in, &e);
	CHECK_INT(e.events, 1);
	CHECK_INT(e.first.victim.pid, 2737);
	CHECK_INT(e.first.victim.oom_score_adj, -100);
	/* a lone row in a log opens nothing */
	read_text("hello\n[ 2737]     0  2737     2362     1506       8       0        0             0 dhcpd\nbye\n", &e);
	CHECK_INT(e.events, 0);
}

TEST(test_kill_value_zero_at_a_cut)
{
	/* %lukB prints no leading zero: a value starting with 0 at the end of
	 * a cut line is 0; any other cut value stays unknown */
	const char *in =
		"[  238.324946] Out of memory: Killed process 537 (login) total-vm:27584kB, anon-rss:860kB, file-rss:0kB, shmem-rss:00\n";
	struct ev1 e;
	read_text(in, &e);
	CHECK_INT(e.events, 1);
	CHECK_INT(e.first.victim.shmem_rss_kib, 0);
	CHECK_INT(e.first.victim.anon_rss_kib, 860);
	read_text("[  1.0] Out of memory: Killed process 537 (login) total-vm:27584kB, anon-rss:86\n", &e);
	CHECK_INT(e.events, 1);
	CHECK(!known(e.first.victim.anon_rss_kib));
	CHECK_INT(e.first.victim.total_vm_kib, 27584);
}

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
};

static void on_event_n(struct oom_event *ev, void *ctx)
{
	struct evn *e = ctx;
	if (e->n < 4) {
		snprintf(e->arch[e->n], sizeof(e->arch[0]), "%s", ev->arch);
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

/* ---- a kill line's values on a line of their own ------------------------- */

TEST(test_kill_values_on_their_own_line)
{
	/* an indented note: the paste's indent is no prefix to learn, and the
	 * values line is the kill line's rest whatever its width */
	const char *in =
		"from the kernel log:\n"
		"  Memory cgroup out of memory: Killed process 918703 (rs_cam_gui)\n"
		"  total-vm:23870700kB, anon-rss:16736460kB\n"
		"  scope: Failed with result 'oom-kill'; 16.0G memory peak.\n";
	struct ev1 e;
	read_text(in, &e);
	CHECK_INT(e.events, 1);
	CHECK_INT(e.first.victim.pid, 918703);
	CHECK_INT(e.first.victim.total_vm_kib, 23870700);
	CHECK_INT(e.first.victim.anon_rss_kib, 16736460);
	const char *fenced =
		"```\n"
		"Memory cgroup out of memory: Killed process 2811 (jbmc)\n"
		"  total-vm:16420540kB, anon-rss:13951040kB, file-rss:4528kB\n"
		"```\n";
	read_text(fenced, &e);
	CHECK_INT(e.events, 1);
	CHECK_INT(e.first.victim.file_rss_kib, 4528);
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
	CHECK(report_is_uname_line("Linux h 6.1.0-9-arm64 #1 SMP Debian 6.1.27-1 (2023-05-08) aarch64 GNU/Linux", 75,
				   k, sizeof(k), a, sizeof(a), h, sizeof(h)));
	CHECK_STR(k, "6.1.0-9-arm64");
	CHECK_STR(a, "aarch64");
	CHECK_STR(h, "h");
	/* prose that starts with "Linux " is not uname */
	const char *prose = "Linux is great on x86_64 GNU/Linux systems";
	CHECK(!report_is_uname_line(prose, strlen(prose), k, sizeof(k), a, sizeof(a), h, sizeof(h)));
}

TEST(test_markdown_inline_code_on_a_kernel_line)
{
	const char *in =
		"I also see the same issue.\n"
		"`logger invoked oom-killer: gfp_mask=0x100cca(GFP_HIGHUSER_MOVABLE), order=0, oom_score_adj=0\n"
		"CPU: 0 PID: 22618 Comm: logger Not tainted 5.4.69 #0`\n";
	struct ev1 e;
	read_text(in, &e);
	CHECK_INT(e.events, 1);
	CHECK_STR(e.first.req.trigger_comm, "logger");
	CHECK_STR(e.first.kernel, "5.4.69");
}

/* ---- a gfp mask whose names went to the next line ------------------------- */

TEST(test_gfp_names_on_the_next_line)
{
	/* long enough to be joined back (with a blank the kernel never prints) */
	const char *joined =
		"InputReader invoked oom-killer: gfp_mask=0x240c2c0\n"
		"(GFP_KERNEL|__GFP_NOWARN|__GFP_COMP|__GFP_ZERO), nodemask=0, order=3,\n"
		"oom_score_adj=-900\n";
	struct ev1 e;
	read_text(joined, &e);
	CHECK_INT(e.events, 1);
	CHECK_STR(e.first.req.gfp_text, "0x240c2c0(GFP_KERNEL|__GFP_NOWARN|__GFP_COMP|__GFP_ZERO)");
	CHECK_INT(e.first.req.order, 3);
	/* too short for a wrap repair: the header's own continuation */
	const char *split =
		"a invoked oom-killer: gfp_mask=0x240c2c0\n"
		"(GFP_KERNEL), order=3, oom_score_adj=0\n";
	read_text(split, &e);
	CHECK_INT(e.events, 1);
	CHECK_STR(e.first.req.gfp_text, "0x240c2c0(GFP_KERNEL)");
	CHECK_INT(e.first.req.order, 3);
}

TEST(test_gfp_name_broken_inside_a_word)
{
	/* a mailer broke the line inside a flag name: joined back with a
	 * blank, which %pGg never prints between its '|'-joined names */
	const char *in =
		"> Mar 26 12:32:37 pi kernel: [126764.421946] python3 invoked oom-killer: gfp_mask=0x15080c0(GFP_KE\n"
		"> RNEL_ACCOUNT|__GFP_ZERO), nodemask=(null),  order=1, oom_score_adj=0\n"
		"> Mar 26 12:32:37 pi kernel: [126764.421959] python3 cpuset=/ mems_allowed=0\n";
	struct ev1 e;
	read_text(in, &e);
	CHECK_INT(e.events, 1);
	CHECK_STR(e.first.req.gfp_text, "0x15080c0(GFP_KERNEL_ACCOUNT|__GFP_ZERO)");
	CHECK_INT(e.first.req.order, 1);
}

TEST(test_gfp_mode_quoted_inside_parentheses)
{
	/* one warn_alloc line quoted in prose "(e.g. … mode:0x20)": the mask
	 * ends at its last hex digit */
	const char *in =
		"> swapper: page allocation failure: order:3, mode:0x20)\n";
	struct ev1 e;
	read_text(in, &e);
	CHECK_INT(e.events, 1);
	CHECK(e.first.req.gfp_known);
	CHECK_INT(e.first.req.gfp_mask, 0x20);
	CHECK_STR(e.first.req.gfp_text, "0x20");
	CHECK_INT(e.first.req.order, 3);
}

/* ---- memory.oom.group kills without their announce line --------------------- */

TEST(test_group_kills_without_announce_are_one_event)
{
	const char *in =
		"2026-09-02T09:08:50.880492+00:00 h kernel: Main invoked oom-killer: gfp_mask=0x100cca(GFP_HIGHUSER_MOVABLE), order=0, oom_score_adj=934\n"
		"2026-09-02T09:08:50.903135+00:00 h kernel: oom-kill:constraint=CONSTRAINT_MEMCG,nodemask=(null),cpuset=x,mems_allowed=0,oom_memcg=/k,task_memcg=/k,task=Main,pid=268654,uid=10001\n"
		"2026-09-02T09:08:50.903136+00:00 h kernel: Memory cgroup out of memory: Killed process 268654 (Main) total-vm:2011236kB, anon-rss:567484kB, file-rss:20608kB, shmem-rss:0kB\n"
		"2026-09-02T09:08:50.903138+00:00 h kernel: Memory cgroup out of memory: Killed process 235173 (tini) total-vm:2568kB, anon-rss:0kB, file-rss:1024kB, shmem-rss:0kB\n"
		"2026-09-02T09:08:50.903139+00:00 h kernel: Memory cgroup out of memory: Killed process 268654 (Main) total-vm:2011236kB, anon-rss:567484kB, file-rss:20608kB, shmem-rss:0kB\n";
	struct ev1 e;
	read_text(in, &e);
	CHECK_INT(e.events, 1);
	CHECK_INT(e.first.victim.pid, 268654);
	/* a second later it is another OOM (rate-limited header) */
	const char *later =
		"2026-09-02T09:08:50.880492+00:00 h kernel: Main invoked oom-killer: gfp_mask=0x100cca(GFP_HIGHUSER_MOVABLE), order=0, oom_score_adj=934\n"
		"2026-09-02T09:08:50.903136+00:00 h kernel: Memory cgroup out of memory: Killed process 268654 (Main) total-vm:2011236kB, anon-rss:567484kB, file-rss:20608kB, shmem-rss:0kB\n"
		"2026-09-02T09:08:52.903138+00:00 h kernel: Memory cgroup out of memory: Killed process 235173 (tini) total-vm:2568kB, anon-rss:0kB, file-rss:1024kB, shmem-rss:0kB\n";
	read_text(later, &e);
	CHECK_INT(e.events, 2);
}

/* ---- a typesetter's continuation mark ----------------------------------- */

TEST(test_typesetter_hook_continuations)
{
	/* "↪" starts the rest of a broken line; one break came without it */
	const char *in =
		"Oct 14 10:22:40 localhost kernel: sh invoked oom-killer:\n"
		"\xe2\x86\xaagfp_mask=0xd0, order=0, oom_score_adj=0\n"
		"Oct 14 10:22:40 localhost kernel: CPU: 0 PID: 2687 Comm:\n"
		"\xe2\x86\xaash Tainted: G\n"
		"OE  ------------   3.10.0-327.36.3.el7.x86_64 #1\n"
		"Oct 14 10:22:40 localhost kernel: Killed process 2702 (sh)\n"
		"\xe2\x86\xaatotal-vm:113124kB, anon-rss:200kB, file-rss:0kB\n";
	struct ev1 e;
	read_text(in, &e);
	CHECK_INT(e.events, 1);
	CHECK_STR(e.first.kernel, "3.10.0-327.36.3.el7.x86_64");
	CHECK_INT(e.first.req.gfp_mask, 0xd0);
	CHECK_INT(e.first.victim.total_vm_kib, 113124);
}

/* ---- 2.6 kill messages glued without newlines ------------------------------ */

TEST(test_kill_messages_glued_after_a_comm)
{
	const char *in =
		"> Killed process 19271 (trashapplet)Out of memory: kill process 12475 (qemu) score 7899 or a child"
		"Killed process 12475 (qemu)\n";
	struct ev1 e;
	read_text(in, &e);
	CHECK_INT(e.events, 2);
	CHECK_INT(e.first.victim.pid, 19271);
	CHECK_STR(e.first.victim.comm, "trashapplet");
}

/* ---- a memcg OOM printed with CONSTRAINT_NONE -------------------------------- */

TEST(test_oom_memcg_on_a_none_constraint_is_memcg)
{
	const char *in =
		"stress invoked oom-killer: gfp_mask=0x100cca(GFP_HIGHUSER_MOVABLE), order=0, oom_score_adj=0\n"
		"oom-kill:constraint=CONSTRAINT_NONE,nodemask=(null),cpuset=/,mems_allowed=0,oom_memcg=/foo,task_memcg=/foo,task=stress,pid=210,uid=0\n"
		"Memory cgroup out of memory: Killed process 210 (stress) total-vm:8156kB, anon-rss:0kB, file-rss:0kB, shmem-rss:0kB\n";
	struct ev1 e;
	read_text(in, &e);
	CHECK_INT(e.events, 1);
	CHECK_STR(oom_kind_name(e.first.kind), "memcg");
	/* a global OOM that kills a memory.oom.group stays global */
	const char *group =
		"stress invoked oom-killer: gfp_mask=0x100cca(GFP_HIGHUSER_MOVABLE), order=0, oom_score_adj=0\n"
		"oom-kill:constraint=CONSTRAINT_NONE,nodemask=(null),cpuset=/,mems_allowed=0,global_oom,task_memcg=/foo,task=stress,pid=210,uid=0\n"
		"Out of memory: Killed process 210 (stress) total-vm:8156kB, anon-rss:0kB, file-rss:0kB, shmem-rss:0kB\n"
		"Tasks in /foo are going to be killed due to memory.oom.group set\n";
	read_text(group, &e);
	CHECK_INT(e.events, 1);
	CHECK_STR(oom_kind_name(e.first.kind), "global");
}

/* ---- a report whose trigger line is cut (issue 8 §2) --------------------- */

/* The log begins at the dump_stack line: it opens the event and names the
 * trigger, its pid and the release; the memcg charge path's frames make it
 * a memcg OOM (R092, R143's shape). */
TEST(test_cut_at_the_dump_stack_line)
{
	const char *in =
		"Nov 23 15:36:25 vm kernel: CPU: 0 PID: 5117 Comm: stress Not tainted 5.14.0-285.el9.x86_64 #1\n"
		"Nov 23 15:36:25 vm kernel: Hardware name: QEMU Standard PC\n"
		"Nov 23 15:36:25 vm kernel: Call Trace:\n"
		"Nov 23 15:36:25 vm kernel:  dump_stack_lvl+0x34/0x48\n"
		"Nov 23 15:36:25 vm kernel:  dump_header+0x4a/0x201\n"
		"Nov 23 15:36:25 vm kernel:  out_of_memory.cold+0xa/0x7e\n"
		"Nov 23 15:36:25 vm kernel:  mem_cgroup_out_of_memory+0x13a/0x150\n"
		"Nov 23 15:36:25 vm kernel:  try_charge_memcg+0x6df/0x7a0\n";
	struct ev1 e;
	read_text(in, &e);
	CHECK_INT(e.events, 1);
	CHECK_STR(e.first.req.trigger_comm, "stress");
	CHECK_INT(e.first.req.trigger_pid, 5117);
	CHECK_STR(e.first.kernel, "5.14.0-285.el9.x86_64");
	CHECK_STR(oom_kind_name(e.first.kind), "memcg");
	CHECK(e.first.truncated);
	/* …with the memcg block and the kill after it: one event */
	const char *body =
		"May 17 19:54:29 vm kernel: CPU: 3 PID: 3974 Comm: apk Not tainted 5.15.0-107-generic #117-Ubuntu\n"
		"May 17 19:54:29 vm kernel: Call trace:\n"
		"May 17 19:54:29 vm kernel:  dump_backtrace+0x0/0x200\n"
		"May 17 19:54:29 vm kernel:  show_stack+0x20/0x2c\n"
		"May 17 19:54:29 vm kernel: memory: usage 8192kB, limit 8192kB, failcnt 282377\n"
		"May 17 19:54:29 vm kernel: Memory cgroup out of memory: Killed process 3974 (apk) total-vm:20600kB, anon-rss:7508kB, file-rss:588kB, shmem-rss:0kB, UID:0 pgtables:80kB oom_score_adj:0\n";
	read_text(body, &e);
	CHECK_INT(e.events, 1);
	CHECK_STR(e.first.req.trigger_comm, "apk");
	CHECK_STR(e.first.kernel, "5.15.0-107-generic");
	CHECK_STR(e.first.arch, "aarch64");
	CHECK_INT(e.first.victim.pid, 3974);
	CHECK_INT(e.first.first_line, 1);
}

/* warn_alloc's frames after a cut "page allocation failure" line: an
 * allocation failure (R028: dmesg -H, 32-bit ARM "from" frames); a paste of
 * only the frames from "Hardware name:" on (OpenWrt logread, R115). */
TEST(test_cut_dump_stack_of_a_failure_and_a_bare_trace)
{
	const char *in =
		"Here is the dmesg output:\n"
		"[  +0.002367] CPU: 0 PID: 34 Comm: kworker/0:1 Tainted: G         C         6.1.66-2-rpi-ARCH #1\n"
		"[  +0.002349] Hardware name: BCM2711\n"
		"[  +0.001780]  unwind_backtrace from show_stack+0x18/0x1c\n"
		"[  +0.001839]  dump_stack_lvl from warn_alloc+0x110/0x19c\n"
		"[  +0.001805]  warn_alloc from __alloc_pages+0xe9c/0xfe8\n";
	struct ev1 e;
	read_text(in, &e);
	CHECK_INT(e.events, 1);
	CHECK_STR(oom_kind_name(e.first.kind), "page-allocation-failure");
	CHECK_STR(e.first.req.trigger_comm, "kworker/0:1");
	CHECK_INT(e.first.req.trigger_pid, 34);
	CHECK_STR(e.first.arch, "arm");
	const char *trace =
		"Tue Mar 11 09:26:00 2025 kern.debug kernel: [331456.657971] Hardware name: Xiaomi Redmi Router AX6000 (DT)\n"
		"Tue Mar 11 09:26:00 2025 kern.debug kernel: [331456.657973] Call trace:\n"
		"Tue Mar 11 09:26:00 2025 kern.debug kernel: [331456.657985]  dump_backtrace+0x0/0x198\n"
		"Tue Mar 11 09:26:00 2025 daemon.info dnsmasq[1]: query\n"
		"Tue Mar 11 09:26:00 2025 kern.debug kernel: [331456.658001]  oom_kill_process+0x1b4/0x1b8\n"
		"Tue Mar 11 09:26:00 2025 kern.debug kernel: [331456.658002]  out_of_memory+0x208/0x300\n"
		"Tue Mar 11 09:26:00 2025 kern.debug kernel: [331456.658008]  __alloc_pages_slowpath+0x860/0x978\n";
	read_text(trace, &e);
	CHECK_INT(e.events, 1);
	CHECK_STR(oom_kind_name(e.first.kind), "global");
	CHECK_STR(e.first.arch, "aarch64");
	CHECK_STR(e.first.req.trigger_comm, "");
}

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

/* ≤4.x's "Kernel panic - not syncing: Out of memory and no killable
 * processes..." with the panic's stack and its "---[ end" line: one event,
 * and (the report's head cut) the panic's CPU line names the trigger (R128). */
TEST(test_no_killable_panic_and_its_stack)
{
	const char *in =
		"[   81.273962] Free swap  = 0kB\n"
		"[   81.277125] Total swap = 0kB\n"
		"[   81.280341] 6442421132 pages RAM\n"
		"[   81.305245] Kernel panic - not syncing: Out of memory and no killable processes...\n"
		"[   81.305245]\n"
		"[   81.315200] CPU: 240 PID: 1 Comm: swapper/0 Not tainted 4.0.1-pmm-bigsmp #1\n"
		"[   81.357595] Call Trace:\n"
		"[   81.360287]  [<ffffffff8151b0c9>] dump_stack+0x68/0x77\n"
		"[   81.365942]  [<ffffffff8151ae1e>] panic+0xb9/0x219\n"
		"[   81.385292]  [<ffffffff811385ee>] out_of_memory+0x5e/0x90\n"
		"[   81.492350] ---[ end Kernel panic - not syncing: Out of memory and no killable processes...\n";
	struct ev1 e;
	read_text(in, &e);
	CHECK_INT(e.events, 1);
	CHECK_INT(e.first.outcome, OOM_OUTCOME_NO_KILLABLE);
	CHECK_STR(e.first.req.trigger_comm, "swapper/0");
	CHECK_INT(e.first.req.trigger_pid, 1);
	CHECK_STR(e.first.kernel, "4.0.1-pmm-bigsmp");
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

/* Lines an expert trimmed or retyped: "X invoked oom-killer" with no
 * request (R122, R123), "oom-kill: constraint=…, nodemask=7" with blanks and
 * a kill line without its "(comm)" (R020). */
TEST(test_trimmed_and_retyped_lines)
{
	const char *in =
		"```text\n"
		"ycsb_bench-arbi invoked oom-killer\n"
		"oom-kill:constraint=CONSTRAINT_MEMORY_POLICY,nodemask=1,cpuset=/,mems_allowed=0-1,global_oom\n"
		"```\n";
	struct ev1 e;
	read_text(in, &e);
	CHECK_INT(e.events, 1);
	CHECK_STR(e.first.req.trigger_comm, "ycsb_bench-arbi");
	CHECK(!e.first.header_missing);
	CHECK_STR(oom_kind_name(e.first.kind), "mempolicy");
	/* a failure line quoted inside a sentence's parentheses (R133) */
	read_text("> swapper: page allocation failure: order:3, mode:0x20)\n", &e);
	CHECK_INT(e.events, 1);
	CHECK(e.first.req.gfp_known);
	CHECK_INT(e.first.req.gfp_mask, 0x20);
	CHECK_INT(e.first.req.order, 3);
	/* prose is no trigger line: the name is longer than a comm */
	read_text("The process we watched invoked oom-killer\n", &e);
	CHECK_INT(e.events, 0);
	const char *retyped =
		"oom-kill: constraint=CONSTRAINT_MEMORY_POLICY, nodemask=7, task=VLLM::EngineCor\n"
		"Out of memory: Killed process 1044797 total-vm:944314492kB anon-rss:593333608kB\n";
	read_text(retyped, &e);
	CHECK_INT(e.events, 1);
	CHECK_STR(e.first.constraint, "CONSTRAINT_MEMORY_POLICY");
	CHECK_STR(e.first.req.nodemask, "7");
	CHECK_INT(e.first.victim.pid, 1044797);
	CHECK_STR(e.first.victim.comm, "");
	CHECK_INT(e.first.victim.anon_rss_kib, 593333608);
	CHECK_INT(e.first.victim.total_vm_kib, 944314492);
	CHECK_STR(oom_kind_name(e.first.kind), "mempolicy");
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

/* A report cut inside its trace: the first frame of the OOM path opens it
 * (R058: ARM unwinder lines, then Mem-Info): a global OOM, not a fragment. */
TEST(test_cut_inside_the_trace)
{
	const char *in =
		"[  505.037001]  oom_kill_process from out_of_memory+0x218/0x34c\n"
		"[  505.038190]  out_of_memory from __alloc_pages+0xa98/0x1044\n"
		"[  505.039000]  __alloc_pages from __get_free_pages+0x10/0x24\n"
		"[  505.040000] Mem-Info:\n"
		"[  505.040001] active_anon:1 inactive_anon:2 isolated_anon:0\n"
		"[  505.041000] Free swap  = 0kB\n"
		"[  505.041001] Total swap = 0kB\n";
	struct ev1 e;
	read_text(in, &e);
	CHECK_INT(e.events, 1);
	CHECK_STR(oom_kind_name(e.first.kind), "global");
	CHECK_STR(e.first.arch, "arm");
	CHECK(e.first.truncated);
	CHECK_INT(e.first.first_line, 1);
	/* a hung task's trace through the OOM path, no report around it: none */
	const char *hung =
		"[ 1200.0] INFO: task java:4242 blocked for more than 120 seconds.\n"
		"[ 1200.0] Call Trace:\n"
		"[ 1200.0]  [<ffffffff811385ee>] out_of_memory+0x5e/0x90\n"
		"[ 1200.0]  [<ffffffff8113ce9e>] __alloc_pages_slowpath+0x6be/0x740\n"
		"[ 1201.0] e1000e: link up\n";
	read_text(hung, &e);
	CHECK_INT(e.events, 0);
}

/* A log cut inside the task table, header and all (R116): the rows before
 * the selection line are the report's, so the victim's row gives its
 * oom_score_adj though the kill line is cut before it. */
TEST(test_rows_without_header_before_the_selection)
{
	const char *in =
		"May 05 19:35:20 host sshd[1]: Accepted publickey for root\n"
		"May 05 19:35:27 host kernel: [ 2700]     0  2700      492       29       4       0        0             0 agetty\n"
		"May 05 19:35:31 host kernel: [ 2737]     0  2737     2362     1506       8       0        0          -100 dhcpd\n"
		"May 05 19:35:58 host kernel: Out of memory: Kill process 2737 (dhcpd) score 11 or sacrifice child\n"
		"May 05 19:36:02 host kernel: Killed process 2737 (dhcpd) total-vm:9448kB, a\n";
	struct ev1 e;
	read_text(in, &e);
	CHECK_INT(e.events, 1);
	CHECK_INT(e.first.first_line, 2);
	CHECK_INT(e.first.victim.pid, 2737);
	CHECK_INT(e.first.victim.oom_score_adj, -100);
	/* other text in brackets is no row */
	read_text("[1234] worker started\n[1235] worker stopped\n", &e);
	CHECK_INT(e.events, 0);
}

/* A reply that marks each pasted log line with ": " inside its "> "
 * quoting (R416), and a paste framed by "| " on each line (R521): the
 * mark goes, no line is taken for the rest of the one before it. */
TEST(test_paste_mark_colon_and_pipe)
{
	const char *in =
		"> : [   65.920355] Task in /ile0 killed as a result of limit of /ile0\n"
		"> : [   65.926389] memory: usage 0kB, limit 0kB, failcnt 20\n"
		"> : [   65.963878] Tasks state (memory values in pages):\n"
		"> : [   65.968743] [  pid  ]   uid  tgid total_vm      rss pgtables_bytes swapents oom_score_adj name\n"
		"> : [   65.977615] [   6410]     0  6410     9427      532    61440        0             0 syz-executor5\n"
		"> : [   65.986647] Memory cgroup out of memory: Kill process 6410 (syz-executor5) score 547000 or sacrifice child\n"
		"> : [   65.996474] Killed process 6410 (syz-executor5) total-vm:37708kB, anon-rss:2128kB, file-rss:0kB, shmem-rss:0kB\n";
	struct ev1 e;
	read_text(in, &e);
	CHECK_INT(e.events, 1);
	CHECK_STR(e.first.oom_memcg, "/ile0");
	CHECK_INT(e.first.victim.pid, 6410);
	CHECK_INT(e.first.victim.anon_rss_kib, 2128);
	CHECK_INT(e.first.victim.oom_score_adj, 0);
	in = "| [ 10.000001] Out of memory: Kill process 77 (nginx) score 900 or sacrifice child\n"
	     "| [ 10.000002] Killed process 77 (nginx) total-vm:1000kB, anon-rss:500kB, file-rss:0kB\n";
	read_text(in, &e);
	CHECK_INT(e.events, 1);
	CHECK_INT(e.first.victim.pid, 77);
	/* kernel text never starts with ": ": without a stamp it stays */
	read_text(": Killed process 77 (nginx) total-vm:1000kB, anon-rss:500kB, file-rss:0kB\n", &e);
	CHECK_INT(e.events, 1);
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

/* A blog's Markdown escaped every '_' and '[' behind a syslog prefix, and
 * grep kept the selection line but not the kill line (R428): the escapes
 * are undone from the first escaped kernel key on, and the selection line
 * names the victim when no kill line does. */
TEST(test_escaped_markdown_behind_syslog_and_selection_victim)
{
	const char *in =
		"Apr 09 16:00:14 h kernel: java invoked oom-killer: gfp\\_mask=0xd0, order=0, oom\\_score\\_adj=0\n"
		"Apr 09 16:00:14 h kernel:  \\[<ffffffff8c3ba524>\\] oom\\_kill\\_process+0x254/0x3d0\n"
		"Apr 09 16:00:14 h kernel: memory: usage 524288kB, limit 524288kB, failcnt 8430\n"
		"Apr 09 16:00:14 h kernel: Memory cgroup out of memory: Kill process 10768 (java) score 1021 or sacrifice child\n";
	struct ev1 e;
	read_text(in, &e);
	CHECK_INT(e.events, 1);
	CHECK_STR(e.first.req.gfp_text, "0xd0");
	CHECK_INT(e.first.req.order, 0);
	CHECK_STR(e.first.arch, "x86_64");
	CHECK_INT(e.first.victim.pid, 10768);
	CHECK_STR(e.first.victim.comm, "java");
}

/* A forum's Markdown bold around the victim's name (R400). */
TEST(test_bold_markers_around_a_comm)
{
	struct ev1 e;
	read_text("[ 5.1] Out of memory: kill process 4495 (**firefox**) score 182289 or a child\n"
		  "[ 5.2] Killed process 4495 (**firefox**)\n", &e);
	CHECK_INT(e.events, 1);
	CHECK_STR(e.first.victim.comm, "firefox");
	read_text("[ 5.2] Killed process 4495 (**) total-vm:10kB, anon-rss:1kB, file-rss:0kB\n", &e);
	CHECK_STR(e.first.victim.comm, "**");
}

/* A mailer broke each task row before its last columns (R415). */
TEST(test_task_row_wrapped_before_adj_and_name)
{
	const char *in =
		"> [  143.592007] [ pid ]   uid  tgid total_vm      rss nr_ptes swapents oom_score_adj name\n"
		"> [  143.592155] [ 2903]     0  2903     1618      436       9        0\n"
		">             0 oom03\n"
		"> [  143.592159] [ 2904]     0  2904   788050   245188     616    65535\n"
		">          -100 oom03\n"
		"> [  143.592162] Memory cgroup out of memory: Kill process 2904 (oom03) score 921 or sacrifice child\n"
		"> [  143.592167] Killed process 2904 (oom03) total-vm:3152200kB, anon-rss:979724kB, file-rss:1028kB\n";
	struct ev1 e;
	read_text(in, &e);
	CHECK_INT(e.events, 1);
	CHECK_INT(e.first.victim.pid, 2904);
	CHECK_INT(e.first.victim.oom_score_adj, -100);
}

/* No task table: the victim is the trigger (same pid), whose line gives
 * the process's oom_score_adj (R407); another pid gets nothing. */
TEST(test_victim_adj_from_the_trigger_line)
{
	const char *in =
		"[ 765.1] a.out invoked oom-killer: gfp_mask=0x6280ca(GFP_HIGHUSER_MOVABLE|__GFP_ZERO), nodemask=(null), order=0, oom_score_adj=300\n"
		"[ 765.2] CPU: 1 PID: 4540 Comm: a.out Tainted: G                T 4.19.0-rc2+ #692\n"
		"[ 765.3] Out of memory: Kill process 4540 (a.out) score 897 or sacrifice child\n"
		"[ 765.4] Killed process 4540 (a.out) total-vm:4267252kB, anon-rss:3111084kB, file-rss:0kB, shmem-rss:0kB\n";
	struct ev1 e;
	read_text(in, &e);
	CHECK_INT(e.events, 1);
	CHECK_INT(e.first.victim.oom_score_adj, 300);
	in = "[ 765.1] a.out invoked oom-killer: gfp_mask=0x6280ca(GFP_HIGHUSER_MOVABLE|__GFP_ZERO), nodemask=(null), order=0, oom_score_adj=300\n"
	     "[ 765.2] CPU: 1 PID: 4540 Comm: a.out Tainted: G                T 4.19.0-rc2+ #692\n"
	     "[ 765.3] Out of memory: Kill process 1089 (java) score 52 or sacrifice child\n"
	     "[ 765.4] Killed process 1089 (java) total-vm:5555688kB, anon-rss:181976kB, file-rss:0kB, shmem-rss:0kB\n";
	read_text(in, &e);
	CHECK(e.first.victim.oom_score_adj == OOM_NA);
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

/* An expert's "[...]" between quoted lines is no wrapped rest (R432). */
TEST(test_elision_line_is_no_wrapped_rest)
{
	struct ev1 e;
	read_text("> [ 2397.331098] cpuset01 invoked oom-killer: gfp_mask=0x24280ca(GFP_HIGHUSER_MOVABLE|__GFP_ZERO), nodemask=1, order=0, oom_score_adj=0\n"
		  "> [ 2397.331100] cpuset01 cpuset=1 mems_allowed=1\n"
		  "[...]\n"
		  "> [ 2397.331236] Free swap  = 15892444kB\n", &e);
	CHECK_INT(e.events, 1);
	CHECK_STR(e.first.mems_allowed, "1");
	CHECK_STR(e.first.cpuset, "1");
}

int main(void)
{
	RUN(test_oom_memcg_on_a_none_constraint_is_memcg);
	RUN(test_kill_messages_glued_after_a_comm);
	RUN(test_typesetter_hook_continuations);
	RUN(test_group_kills_without_announce_are_one_event);
	RUN(test_gfp_names_on_the_next_line);
	RUN(test_gfp_name_broken_inside_a_word);
	RUN(test_gfp_mode_quoted_inside_parentheses);
	RUN(test_uname_pasted_before_a_cut_report);
	RUN(test_markdown_inline_code_on_a_kernel_line);
	RUN(test_kill_values_on_their_own_line);
	RUN(test_headerless_task_row_gives_adj);
	RUN(test_log_starts_in_a_headerless_task_table);
	RUN(test_kill_value_zero_at_a_cut);
	RUN(test_memcg_lines_with_the_task_in_head_cut);
	RUN(test_headerless_event_takes_the_neighbours_arch);
	RUN(test_cut_trace_before_a_mid_report_says_the_arch);
	RUN(test_arch_from_frames_and_layout);
	RUN(test_memcg_from_unreliable_frames);
	RUN(test_lone_kill_in_memcg_storm);
	RUN(test_lines_in_double_quotes);
	RUN(test_logwatch_time_s_prefix);
	RUN(test_qp_equals_without_soft_breaks);
	RUN(test_wrapped_limit_path_and_cut_kill);
	RUN(test_victim_from_constraint_line_alone);
	RUN(test_retyped_invoked_oom_trigger);
	RUN(test_panic_stack_belongs_to_the_report);
	RUN(test_learned_prefix_with_changing_stamps);
	RUN(test_learned_prefix_behind_a_syslog_date);
	RUN(test_comm_with_blank_is_no_prefix);
	RUN(test_qp_soft_breaks_and_escapes);
	RUN(test_qp_needs_evidence);
	RUN(test_quoted_paste_rewrapped_by_replier);
	RUN(test_cut_at_the_dump_stack_line);
	RUN(test_cut_dump_stack_of_a_failure_and_a_bare_trace);
	RUN(test_other_warnings_stack_is_no_report);
	RUN(test_bare_first_line_then_syslog_lines);
	RUN(test_no_killable_panic_and_its_stack);
	RUN(test_same_second_failures_and_borrowed_arch);
	RUN(test_trimmed_and_retyped_lines);
	RUN(test_sysrq_requests_without_headers);
	RUN(test_old_fault_path_kill_and_borrowed_arch);
	RUN(test_escaped_markdown_double_spaced);
	RUN(test_cut_inside_the_trace);
	RUN(test_rows_without_header_before_the_selection);
	RUN(test_paste_mark_colon_and_pipe);
	RUN(test_prose_quoting_the_trigger_is_no_report);
	RUN(test_escaped_markdown_behind_syslog_and_selection_victim);
	RUN(test_bold_markers_around_a_comm);
	RUN(test_task_row_wrapped_before_adj_and_name);
	RUN(test_victim_adj_from_the_trigger_line);
	RUN(test_memcg_stats_path_on_the_next_line);
	RUN(test_elision_line_is_no_wrapped_rest);
	return check_summary();
}
