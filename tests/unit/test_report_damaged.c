/* test_report_damaged.c — facts read right on damaged reports (issue 8 §2):
 * quoted-printable mail bodies, quoted pastes wrapped twice, prefixes that
 * no transport rule knows, the arch a report's text supports.  Synthetic
 * text of each shape, through report_read_mem like `explain`. */
#include <stdio.h>
#include <string.h>

#include "check.h"
#include "model/event.h"
#include "report/report.h"

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
	RUN(test_panic_stack_belongs_to_the_report);
	RUN(test_learned_prefix_with_changing_stamps);
	RUN(test_learned_prefix_behind_a_syslog_date);
	RUN(test_comm_with_blank_is_no_prefix);
	RUN(test_qp_soft_breaks_and_escapes);
	RUN(test_qp_needs_evidence);
	RUN(test_quoted_paste_rewrapped_by_replier);
	return check_summary();
}
