/* test_report_arch.c — the arch evidence table (src/report/arch.c) line by
 * line, and what a whole synthetic report of each shape reads as arch: a
 * platform or an x86-only label says x86, the zones, pids, RAM and frame
 * forms then say 32 or 64 bit, and x86_64 when nothing says 32 bit. */
#include <stdio.h>
#include <string.h>

#include "check.h"
#include "model/event.h"
#include "report/arch.h"
#include "report/report.h"

static enum arch_cue cue(const char *s)
{
	return report_arch_cue(s, strlen(s));
}

TEST(cues_of_single_lines)
{
	/* x86 platforms: family only */
	CHECK_INT(cue("Hardware name: QEMU Standard PC (Q35 + ICH9, 2009), BIOS 1.16.3 04/01/2014"), ARCH_CUE_X86);
	CHECK_INT(cue("Hardware name: QEMU Ubuntu 24.04 PC (i440FX + PIIX, 1996), BIOS 1.16.3"), ARCH_CUE_X86);
	CHECK_INT(cue("Hardware name: VMware, Inc. VMware Virtual Platform/440BX Desktop Reference Platform, BIOS 6.00"),
		  ARCH_CUE_X86);
	CHECK_INT(cue("Hardware name: VMware, Inc. VMware7,1/440BX Desktop Reference Platform, BIOS VMW71"), ARCH_CUE_X86);
	CHECK_INT(cue("Hardware name: Microsoft Corporation Virtual Machine/Virtual Machine, BIOS 090008  12/07/2018"),
		  ARCH_CUE_X86);
	CHECK_INT(cue("Hardware name: Supermicro SYS-4029GP-TRT2/X11DPG-OT-CPU, BIOS 3.8b 01/17/2023"), ARCH_CUE_X86);
	CHECK_INT(cue("Hardware name: Dell Inc. PowerEdge R440/04JN2K, BIOS 2.13.3 12/17/2021"), ARCH_CUE_X86);
	CHECK_INT(cue("Hardware name: HPE ProLiant DL385 Gen10/ProLiant DL385 Gen10, BIOS A40"), ARCH_CUE_X86);
	CHECK_INT(cue("Hardware name: System manufacturer P5QL PRO/P5QL PRO, BIOS 1001 03/12/2009"), ARCH_CUE_X86);
	CHECK_INT(cue("Hardware name: ASUS System Product Name/TUF GAMING B560M-PLUS, BIOS 0820 04/26/2021"), ARCH_CUE_X86);
	CHECK_INT(cue("Hardware name: BIOSTAR Group X370GT5/X370GT5, BIOS 5.13 04/17/2018"), ARCH_CUE_X86);
	CHECK_INT(cue("Hardware name: Hewlett-Packard HP Compaq Pro 6300 SFF/339A, BIOS K01 v03.03"), ARCH_CUE_X86);
	CHECK_INT(cue("Hardware name: DigitalOcean Droplet, BIOS 20171212 12/12/2017"), ARCH_CUE_X86);
	CHECK_INT(cue("Hardware name: Google Google Compute Engine/Google Compute Engine, BIOS Google"), ARCH_CUE_X86);
	/* Intel's own boards (DMI vendor "Intel Corporation"); its Arm parts name a device tree */
	CHECK_INT(cue("Hardware name: Intel Corporation S2600WT2R/S2600WT2R, BIOS SE5C610.86B.01.01.0016.033120161139 03/31/2016"),
		  ARCH_CUE_X86);
	CHECK_INT(cue("Hardware name: Intel Corporation Jasper Lake Client Platform/Jasper Lake Client, BIOS"), ARCH_CUE_X86);
	CHECK_INT(cue("Hardware name: Intel Keem Bay HDDL (DT)"), ARCH_CUE_NONE);
	/* RHEL's seabios package (x86 guests only), whatever the product name;
	 * not edk2's versions, which RHEL's arm64 guests boot */
	CHECK_INT(cue("Hardware name: Red Hat KVM, BIOS 1.11.0-3.el7 04/01/2014"), ARCH_CUE_X86);
	CHECK_INT(cue("Hardware name: Red Hat KVM, BIOS 1.16.0-4.module_el8.8.0+3612+f18d2b89 04/01/2014"), ARCH_CUE_X86);
	CHECK_INT(cue("Hardware name: Red Hat RHEL/RHEL-AV, BIOS 1.15.0-2.module+el8.6.0+14757+c25ee005 04/01/2014"),
		  ARCH_CUE_X86);
	CHECK_INT(cue("Hardware name: oVirt oVirt Node, BIOS 1.14.0-1.el8 04/01/2014"), ARCH_CUE_X86);
	CHECK_INT(cue("Hardware name: Red Hat KVM/RHEL, BIOS edk2-20220126gitbb1bba3d77-2.el9 02/06/2015"), ARCH_CUE_NONE);
	CHECK_INT(cue("Hardware name: QEMU KVM Virtual Machine, BIOS 0.0.0 02/06/2015"), ARCH_CUE_NONE);
	CHECK_INT(cue("Hardware name: Red Hat KVM, BIOS 1.16.0-"), ARCH_CUE_NONE);
	/* EC2: Nitro x86 types are 64-bit only; Graviton (a "g" attribute) is arm64 */
	CHECK_INT(cue("Hardware name: 9000/800/rp3440"), ARCH_CUE_PARISC);      /* R1542 */
	CHECK_INT(cue("Hardware name: 9000/785/C3600"), ARCH_CUE_PARISC);
	CHECK_INT(cue("Hardware name: Amazon EC2 t3.large/, BIOS 1.0 10/16/2017"), ARCH_CUE_X86_64);
	CHECK_INT(cue("Hardware name: Amazon EC2 c5.large/, BIOS 1.0 10/16/2017"), ARCH_CUE_X86_64);
	CHECK_INT(cue("Hardware name: Amazon EC2 m6i.2xlarge/, BIOS 1.0"), ARCH_CUE_X86_64);
	CHECK_INT(cue("Hardware name: Amazon EC2 m6g.large/, BIOS 1.0 11/1/2018"), ARCH_CUE_AARCH64);
	CHECK_INT(cue("Hardware name: Amazon EC2 c7gn.xlarge/, BIOS 1.0"), ARCH_CUE_AARCH64);
	CHECK_INT(cue("Hardware name: Amazon EC2 t4g.micro/, BIOS 1.0"), ARCH_CUE_AARCH64);
	CHECK_INT(cue("Hardware name: Amazon EC2 a1.medium/, BIOS 1.0"), ARCH_CUE_AARCH64);
	CHECK_INT(cue("Hardware name: Amazon EC2 t2.micro/, BIOS 1.0"), ARCH_CUE_X86);   /* 32-bit AMIs ran there */
	CHECK_INT(cue("Hardware name: Amazon EC2 m3.medium/, BIOS 4.2.amazon"), ARCH_CUE_X86);
	CHECK_INT(cue("Hardware name: Amazon EC2"), ARCH_CUE_NONE);
	/* strings more than one arch prints: no cue */
	CHECK_INT(cue("Hardware name: QEMU KVM Virtual Machine, BIOS 0.0.0 02/06/2015"), ARCH_CUE_NONE);
	CHECK_INT(cue("Hardware name: linux,dummy-virt (DT)"), ARCH_CUE_NONE);
	CHECK_INT(cue("Hardware name: SOYO SY-Eternal B850 ITX/SY-Eternal B850 ITX, BIOS SM5IB004"), ARCH_CUE_NONE);
	/* x86's own entry and fault labels */
	CHECK_INT(cue("page_fault+0x45/0x50"), ARCH_CUE_X86);
	CHECK_INT(cue("? page_fault+0x2f/0x50"), ARCH_CUE_X86);
	CHECK_INT(cue("[<ffffffff8154a9d8>] page_fault+0x28/0x30"), ARCH_CUE_X86);
	CHECK_INT(cue("async_page_fault+0x34/0x40"), ARCH_CUE_X86);
	CHECK_INT(cue("common_interrupt+0x1a/0x20  <c012d93d> handle_IRQ_event+0x1a/0x4c"), ARCH_CUE_X86);
	CHECK_INT(cue("do_syscall_64+0x5b/0x1a0"), ARCH_CUE_X86_64);
	CHECK_INT(cue("common_exception+0x82/0x8a"), ARCH_CUE_I686);
	/* 2.6 i386's module frames relative to pg0 */
	CHECK_INT(cue(" [pg0+945079627/1068118016] FillRxDescriptor+0x2b/0xc0 [sk98lin]"), ARCH_CUE_I686);
	/* xtensa's own common_exception, at its 0xd0000000 text */
	CHECK_INT(cue("[<d0008e1c>] common_exception+0x7f/0x7f"), ARCH_CUE_NONE);
	/* every arch has these */
	CHECK_INT(cue("do_page_fault+0x2c/0xe0"), ARCH_CUE_NONE);
	CHECK_INT(cue("__do_page_fault+0x58/0x90"), ARCH_CUE_NONE);
	CHECK_INT(cue("ret_from_fork_asm+0x1a/0x30"), ARCH_CUE_NONE);
	CHECK_INT(cue("page_fault handled"), ARCH_CUE_NONE);
	CHECK_INT(cue(""), ARCH_CUE_NONE);
}

static const char *reg(const char *s)
{
	const char *a = report_reg_arch(s, strlen(s));
	return a ? a : "";
}

static bool desk(const char *s)
{
	return report_hw_desktop(s, strlen(s));
}

/* desktops' and laptops' firmware (installed with swap), not servers' or
 * guests' (report_hw_desktop) */
TEST(desktop_firmware)
{
	CHECK(desk("LENOVO 20KGS2AQ1A/20KGS2AQ1A, BIOS N23ET81W (1.56 ) 05/25/2018"));
	CHECK(desk("Dell Inc. Dell G16 7630/, BIOS 1.2.0 02/24/2023"));
	CHECK(desk("Dell Inc. XPS 13 9360/0596KF, BIOS 2.21.0 06/02/2022"));
	CHECK(desk("Gigabyte Technology Co., Ltd. B450M DS3H/B450M DS3H-CF, BIOS F62 10/29/2021"));
	CHECK(desk("System manufacturer System Product Name/P8H67-M PRO, BIOS 3904 04/27/2013"));
	CHECK(desk("ASUSTeK COMPUTER INC. UX305FA/UX305FA, BIOS UX305FA.206 12/10/2015"));
	CHECK(desk("To Be Filled By O.E.M. To Be Filled By O.E.M./970 Extreme4, BIOS P2.60 06/20/2014"));
	CHECK(desk("HP HP Pavilion Aero Laptop 13-be0xxx/8916, BIOS F.17 12/18/2023"));
	/* servers of the same vendors, server boards, guests */
	CHECK(!desk("Dell Inc. PowerEdge R740/04FC42, BIOS 2.7.7 05/04/2020"));
	CHECK(!desk("HP ProLiant DL360 Gen9/ProLiant DL360 Gen9, BIOS P89 02/17/2017"));
	CHECK(!desk("HP Superdome2 16s x86, BIOS Bundle: 008.004.084 SFW: 041.063.152 10/02/2015"));
	CHECK(!desk("ASUSTeK COMPUTER INC. RS520-E9-RS12-E/Z11PR-D16 Series, BIOS 5102 05/12/2020"));
	CHECK(!desk("To Be Filled By O.E.M. To Be Filled By O.E.M./X470D4U, BIOS P3.30 11/04/2019"));
	CHECK(!desk("Supermicro SYS-5019S-ML/X11SSH-F, BIOS 2.0b 07/27/2017"));
	CHECK(!desk("QEMU Standard PC (Q35 + ICH9, 2009), BIOS 1.16.3 04/01/2014"));
	CHECK(!desk("Amazon EC2 t3.medium/, BIOS 1.0 10/16/2017"));
	CHECK(!desk(""));
}

TEST(register_dump_lines)
{
	CHECK_STR(reg("RSP: 0018:ffffc90000d3fb50 EFLAGS: 00010246"), "x86_64");
	CHECK_STR(reg("RAX: 0000000000000000 RBX: ffff888100a3c000 RCX: 0000000000000000"), "x86_64");
	CHECK_STR(reg("EAX: 00000000 EBX: f5c1e000 ECX: 00000000 EDX: 00000001"), "i686");
	/* x86's kernel fault line: the address as wide as a pointer (R6054) */
	CHECK_STR(reg("BUG: unable to handle kernel paging request at c130d86d"), "i686");
	CHECK_STR(reg("BUG: unable to handle kernel NULL pointer dereference at 0000000000000050"), "x86_64");
	CHECK_STR(reg("BUG: unable to handle page fault for address: ffffc90000d3c000"), "x86_64");
	CHECK_STR(reg("BUG: unable to handle kernel NULL pointer dereference at (null)"), "");
	CHECK_STR(reg("BUG: unable to handle kernel paging request at c130d86dX"), "");
	CHECK_STR(reg("Unable to handle kernel paging request at virtual address c130d86d"), "");
	CHECK_STR(reg("pstate: 80000005 (Nzcv daif -PAN -UAO)"), "aarch64");
	CHECK_STR(reg("pc : [<c0112b2c>]    lr : [<c0112b00>]    psr: 60000013"), "arm");
	CHECK_STR(reg("pc : [<ffffff80080a0e7c>] lr : [<ffffff80080a0e78>] pstate: 60000145"), "aarch64");
	CHECK_STR(reg("NIP:  c0c1f49c LR: c0c1f490 CTR: 00000000"), "ppc");
	CHECK_STR(reg("NIP:  c00000000012d6a4 LR: c00000000012d6a0 CTR: 0000000000000000"), "ppc64");
	CHECK_STR(reg("NIP [c00000000012d6a4] .dump_stack+0x1c/0x30"), "ppc64");
	CHECK_STR(reg("Krnl PSW : 0704c00180000000 000000000012d6a4 (show_stack+0x8c/0xd0)"), "s390x");
	CHECK_STR(reg("Krnl PSW : 070c0000 8021d2b6"), "");
	CHECK_STR(reg("epc   : 80020c4c dump_stack+0x0/0x30"), "mips");
	CHECK_STR(reg("epc   : ffffffff80020c4c dump_stack+0x0/0x30"), "mips64");
	CHECK_STR(reg("epc : ffffffff80f6ca42 ra : ffffffff80f6ca40 sp : ff2000000001bd40"), "riscv64");
	CHECK_STR(reg("epc : see above"), "");
	/* the selector widened by garbage in ss; a 16-digit pointer after it */
	CHECK_STR(reg("RSP: 338160d0:00007f0c1a78d170 EFLAGS: 00000000"), "x86_64");
	CHECK_STR(reg("RSP: 002b:00007f0c1a78d170"), "x86_64");
	CHECK_STR(reg("RSP: 338160d0:1a78d170 EFLAGS: 00000000"), "");
	CHECK_STR(reg("RSP: 123456789:00007f0c1a78d170 EFLAGS: 00000000"), "");
	CHECK_STR(reg("RAX"), "");
	CHECK_STR(reg(""), "");
}

/* ---- whole reports ---------------------------------------------------------- */

struct ev1 {
	int events;
	char arch[16];
	char kernel[128];
	char trigger_comm[64];
	int64_t trigger_pid;
};

static void on_event(struct oom_event *ev, void *ctx)
{
	struct ev1 *e = ctx;
	if (e->events++ == 0) {
		snprintf(e->arch, sizeof(e->arch), "%s", ev->arch);
		snprintf(e->kernel, sizeof(e->kernel), "%s", ev->kernel);
		snprintf(e->trigger_comm, sizeof(e->trigger_comm), "%s", ev->req.trigger_comm);
		e->trigger_pid = ev->req.trigger_pid;
	}
}

/* the first event's arch of a whole text */
static void arch_whole(const char *t, const char *want)
{
	struct ev1 e;
	memset(&e, 0, sizeof(e));
	CHECK(report_read_mem(t, strlen(t), "test", on_event, NULL, &e) >= 0);
	CHECK_INT(e.events, 1);
	CHECK_STR(e.arch, want);
}

static void arch_of(const char *body, const char *want)
{
	char t[4096];
	snprintf(t, sizeof(t), "app invoked oom-killer: gfp_mask=0xd0, order=0\n%s", body);
	arch_whole(t, want);
}

/* a trace the machine printed right above its report's header (2.6.15's
 * "oom-killer: gfp_mask=…" with no stack of its own), a blank record
 * between: the same machine's frames say its arch; one further up does not */
TEST(trace_right_above_the_header)
{
	arch_whole("[35948.127383]        <ffffffff8018c3e0>{sys_ioctl+91}\n"
		   "<ffffffff8010fa46>{system_call+126}\n"
		   "[35948.127419]\n"
		   "[35948.127453] oom-killer: gfp_mask=0xd1, order=0\n"
		   "[35948.127456] Mem-info:\n"
		   "[35948.127458] Free pages:       15332kB (1984kB HighMem)\n", "x86_64");
	arch_whole("[35948.127383]        <ffffffff8018c3e0>{sys_ioctl+91}\n"
		   "[35948.127400] something else\n"
		   "[35948.127401] and more\n"
		   "[35948.127402] and more\n"
		   "[35948.127419]\n"
		   "[35948.127453] oom-killer: gfp_mask=0xd1, order=0\n"
		   "[35948.127456] Mem-info:\n"
		   "[35948.127458] Free pages:       15332kB (1984kB HighMem)\n", "");
}

/* arm64's contiguous hugetlb sizes (32 MiB and 64 KiB) together say
 * aarch64; either alone does not */
TEST(arm64_contiguous_hugepage_sizes)
{
	const char *h1g = "Node 0 hugepages_total=0 hugepages_free=0 hugepages_surp=0 hugepages_size=1048576kB\n";
	const char *h32m = "Node 0 hugepages_total=0 hugepages_free=0 hugepages_surp=0 hugepages_size=32768kB\n";
	const char *h2m = "Node 0 hugepages_total=0 hugepages_free=0 hugepages_surp=0 hugepages_size=2048kB\n";
	const char *h64k = "Node 0 hugepages_total=0 hugepages_free=0 hugepages_surp=0 hugepages_size=64kB\n";
	char body[1024];
	snprintf(body, sizeof(body), "Mem-Info:\n%s%s%s%s", h1g, h32m, h2m, h64k);
	arch_of(body, "aarch64");
	snprintf(body, sizeof(body), "Mem-Info:\n%s%s%s", h1g, h32m, h2m);
	arch_of(body, "");
	snprintf(body, sizeof(body), "Mem-Info:\n%s%s", h2m, h64k);
	arch_of(body, "");
}

/* 2.6.8's frames straight after an allocation failure's header, no "Call
 * Trace:" line: a long trace is read to its end, where 32-bit x86's
 * syscall entry says i686 */
TEST(long_trace_after_allocation_failure)
{
	char t[8192];
	size_t n = (size_t)snprintf(t, sizeof(t), "smbd: page allocation failure. order:3, mode:0x20\n");
	for (int i = 0; i < 45; i++)
		n += (size_t)snprintf(t + n, sizeof(t) - n, " [dst_output+0/32] dst_output+0x0/0x20\n");
	n += (size_t)snprintf(t + n, sizeof(t) - n, " [common_interrupt+24/32] common_interrupt+0x18/0x20\n");
	snprintf(t + n, sizeof(t) - n, " [syscall_call+7/11] syscall_call+0x7/0xb\n");
	arch_whole(t, "i686");
}

/* the Amiga's interrupt dispatch frames are m68k's; a bare 8-digit frame
 * says no arch */
TEST(amiga_interrupt_frames)
{
	const char *l = " [<0000a67c>] amiga_do_irq_list+0x42/0x54";
	const char *a = report_stack_line_arch(l, strlen(l));
	CHECK_STR(a ? a : "", "m68k");
	l = " [<0000abfa>] cia_handler+0x76/0x80";
	a = report_stack_line_arch(l, strlen(l));
	CHECK_STR(a ? a : "", "m68k");
	l = " [<000290a8>] __alloc_pages+0x230/0x250";
	a = report_stack_line_arch(l, strlen(l));
	CHECK_STR(a ? a : "", "");
	arch_whole("cp: page allocation failure. order:0, mode:0x20\n"
		   "Call Trace: [<000290a8>] __alloc_pages+0x230/0x250\n"
		   " [<0000a67c>] amiga_do_irq_list+0x42/0x54\n"
		   " [<0000abfa>] cia_handler+0x76/0x80\n", "m68k");
}

/* a report with no release or arch, then the same host's next boot: the
 * banner's build names the machine's arch (not the report's release);
 * another host's banner does not */
TEST(next_boot_banner_lends_arch)
{
	static const struct { const char *host, *want; } cases[] = { { "pi", "arm" }, { "other", "" } };
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		char t[2048];
		snprintf(t, sizeof(t),
			 "Nov  9 15:30:15 pi kernel: [ 2091.601474] Out of memory: Kill process 545 (svxlink) score 893 or sacrifice child\n"
			 "Nov  9 15:30:15 pi kernel: [ 2091.606963] Killed process 545 (svxlink) total-vm:904472kB, anon-rss:872512kB, file-rss:0kB, shmem-rss:0kB\n"
			 "Nov  9 15:32:59 %s kernel: [    0.000000] Linux version 4.9.59-v7+ (dc4@host) (gcc version 4.9.3) #1047 SMP Sun Oct 29 12:19:23 GMT 2017\n",
			 cases[i].host);
		struct ev1 e;
		memset(&e, 0, sizeof(e));
		CHECK(report_read_mem(t, strlen(t), "test", on_event, NULL, &e) >= 0);
		CHECK_INT(e.events, 1);
		CHECK_STR(e.arch, cases[i].want);
		CHECK_STR(e.kernel, "");
	}
	/* a log without hosts is one machine's, as for the release */
	const char *t = "[ 2091.601474] Out of memory: Kill process 545 (svxlink) score 893 or sacrifice child\n"
			"[ 2091.606963] Killed process 545 (svxlink) total-vm:904472kB, anon-rss:872512kB, file-rss:0kB\n"
			"[    0.000000] Linux version 4.9.59-v7+ (dc4@host) (gcc version 4.9.3) #1047 SMP\n";
	struct ev1 e;
	memset(&e, 0, sizeof(e));
	CHECK(report_read_mem(t, strlen(t), "test", on_event, NULL, &e) >= 0);
	CHECK_STR(e.arch, "arm");
}

TEST(width_of_an_x86_report)
{
	/* a platform alone: nothing says 32 bit, so x86_64 */
	arch_of("CPU: 0 PID: 867 Comm: app Not tainted 5.4.22 #1\n"
		"Hardware name: QEMU Standard PC (i440FX + PIIX, 1996), BIOS rel-1.12.0 04/01/2014\n"
		"Call Trace:\n dump_stack+0x66/0x90\n", "x86_64");
	/* <TASK> with a board no row names */
	arch_of("CPU: 3 PID: 1 Comm: app Not tainted 6.8.0-40-generic #40\n"
		"Hardware name: Gigabyte Technology Co., Ltd. X570 I AORUS PRO WIFI/X570, BIOS F37d\n"
		"Call Trace:\n <TASK>\n dump_stack_lvl+0x48/0x70\n", "x86_64");
	arch_of("Call Trace:\n <TASK>\n dump_stack_lvl+0x48/0x70\n", "x86_64");
	/* x86 fault labels of a 4.x trace */
	arch_of("Hardware name: Hewlett-Packard HP Compaq Pro 6300 SFF/339A, BIOS K01\n"
		"Call Trace:\n __do_page_fault+0x299/0x580\n do_page_fault+0x2d/0x110\n page_fault+0x45/0x50\n",
		"x86_64");
	/* the same platform with a populated HighMem zone: 32-bit */
	arch_of("Hardware name: QEMU Standard PC (i440FX + PIIX, 1996), BIOS 1.16 04/01/2014\n"
		"Call Trace:\n dump_stack+0x66/0x90\nMem-Info:\n"
		"Normal free:1600kB min:936kB low:1872kB high:2808kB present:901120kB\n"
		"HighMem free:966400kB min:512kB low:1024kB high:1536kB present:1179584kB\n", "i686");
	/* 32-bit x86's own entry label */
	arch_of("Call Trace:\n __do_page_fault+0x199/0x430\n do_page_fault+0x1a/0x1e\n common_exception+0x82/0x8a\n",
		"i686");
	/* 2.6 i386 frames whose brackets were lost, with x86's interrupt entry */
	arch_of(" <c0132552> __alloc_pages+0x254/0x266  <c0142688> kmem_getpages+0x39/0x91\n"
		" <c0103976> common_interrupt+0x1a/0x20  <c012d93d> handle_IRQ_event+0x1a/0x4c\n", "i686");
	/* 32-bit x86's raw stack words (≤4.8) on an x86 platform: i686; the
	 * same words under another arch's trace say nothing of x86 */
	arch_of("CPU: 0 PID: 3364 Comm: trinity-main Not tainted 3.18.0-g6e4f #1\n"
		"Hardware name: Bochs Bochs, BIOS Bochs 01/01/2011\n"
		" 00000000 00000000 c82b5c4c c1d6d9a6 c83047d0 c82b5c94 c1d0e2f1 c1f3a280\n", "i686");
	arch_of("Call Trace:\n 00000000 00000000 c82b5c4c c1d6d9a6 c83047d0\n", "");
	/* i386's "[pg0+…]" module frames above a report cut at its top, with
	 * no other arch word: the scanner passes them to the idle parser, whose
	 * arch they are (R5508) */
	arch_whole("```\n"
		"Aug 21 03:44:52 h kernel: [17185797.928000]  [pg0+276593413/1069368320] IofCompleteRequest+0xd5/0x1c0 [ndiswrapper]\n"
		"Aug 21 03:44:52 h kernel: [17185797.928000]  [tasklet_action+58/112] tasklet_action+0x3a/0x70\n"
		"Aug 21 03:44:52 h kernel: [17185797.928000]  [__do_softirq+79/176] __do_softirq+0x4f/0xb0\n"
		"Aug 21 03:44:52 h kernel: [17185797.928000] Mem-info:\n"
		"Aug 21 03:44:52 h kernel: [17185797.928000] DMA per-cpu:\n"
		"Aug 21 03:44:52 h kernel: [17185797.928000] cpu 0 hot: low 0, high 0, batch 1 used:0\n",
		"i686");
	/* EC2's types decide by themselves */
	arch_of("Hardware name: Amazon EC2 c5.large/, BIOS 1.0 10/16/2017\nCall Trace:\n dump_stack+0x6d/0x8b\n",
		"x86_64");
	arch_of("Hardware name: Amazon EC2 m6g.large/, BIOS 1.0 11/1/2018\nCall trace:\n dump_backtrace+0x0/0x1e0\n",
		"aarch64");
	/* the release decides over the platform */
	arch_of("CPU: 0 PID: 1 Comm: app Not tainted 4.9.0-8-686-pae #1\n"
		"Hardware name: VMware, Inc. VMware Virtual Platform/440BX Desktop Reference Platform, BIOS 6.00\n"
		"Call Trace:\n", "i686");
	/* a register line left where the trace was cut */
	arch_of("Call Trace:\nRSP: 0018:ffffc90000d3fb50 EFLAGS: 00010246\n", "x86_64");
	arch_of("Call Trace:\nEAX: 00000000 EBX: f5c1e000 ECX: 00000000 EDX: 00000001\n", "i686");
	/* Raspberry Pi releases name their build */
	arch_of("CPU: 2 PID: 1 Comm: app Not tainted 6.1.21-v8+ #1642\n", "aarch64");
	arch_of("CPU: 2 PID: 1 Comm: app Not tainted 6.12.47+rpt-rpi-2712 #1\n", "aarch64");
	arch_of("CPU: 2 PID: 1 Comm: app Not tainted 5.4.51-v7l+ #1333\n", "arm");
	arch_of("CPU: 0 PID: 1 Comm: app Not tainted 6.6.51+rpt-rpi-v6 #1\n", "arm");
	/* a board no row names and no x86 label: nothing */
	arch_of("Hardware name: SOYO SY-Eternal B850 ITX/SY-Eternal B850 ITX, BIOS SM5IB004\nCall Trace:\n"
		" dump_stack+0x66/0x90\n", "");
	/* arm64's QEMU virt firmware string says nothing by itself */
	arch_of("Hardware name: QEMU KVM Virtual Machine, BIOS 0.0.0 02/06/2015\n", "");
}

TEST(sparc64_page_and_huge_page_sizes)
{
	/* 8 KiB base pages and sparc64's 8 MiB huge page */
	arch_of("Mem-Info:\nNormal free:230984kB min:292864kB low:315392kB high:337920kB present:16777216kB\n"
		"Normal: 611*8kB (UME) 457*16kB (UME) 1*256kB (E) 0*512kB = 232328kB\n"
		"Node 0 hugepages_total=0 hugepages_free=0 hugepages_surp=0 hugepages_size=64kB\n"
		"Node 0 hugepages_total=0 hugepages_free=0 hugepages_surp=0 hugepages_size=8192kB\n", "sparc64");
	/* 8 KiB pages alone: alpha and ia64 have them too */
	arch_of("Mem-Info:\nNormal free:230984kB min:292864kB low:315392kB high:337920kB present:16777216kB\n"
		"Normal: 611*8kB (UME) 457*16kB (UME) 1*256kB (E) 0*512kB = 232328kB\n", "");
	/* 4 KiB pages with an 8 MiB huge page size is no sparc64 */
	arch_of("Mem-Info:\nNormal free:230984kB min:292864kB low:315392kB high:337920kB present:16777216kB\n"
		"Normal: 611*4kB (UME) 457*8kB (UME) 1*256kB (E) 0*512kB = 232328kB\n"
		"Node 0 hugepages_total=0 hugepages_free=0 hugepages_surp=0 hugepages_size=8192kB\n", "");
	/* the system call's entry in a 16-digit frame (R2456); 32-bit
	 * sparc's entry.S has the label too, with 8-digit frames */
	arch_of("Call Trace:\n[<000000000068534c>] __alloc_pages+0x22c/0x320\n"
		"[<0000000000406274>] linux_sparc_syscall+0x34/0x44\n", "sparc64");
	arch_of("Call Trace:\n[<f0016274>] linux_sparc_syscall+0x34/0x44\n", "");
}

TEST(stack_forms_of_other_arches)
{
	/* arm64's 3.x-4.x dump_backtrace_entry prints 32-bit ARM's "Exception
	 * stack(…)" line with 16-digit words: 64 bit, after a weak "Call trace:" */
	arch_of("CPU: 3 PID: 1 Comm: app Tainted: G    B        3.10.9-g1 #1\nCall trace:\n"
		"[<ffffffc000088e5c>] dump_backtrace+0x0/0x124\n[<ffffffc000081240>] do_mem_abort+0x38/0x9c\n"
		"Exception stack(0xffffffc0457e7e30 to 0xffffffc0457e7f50)\n"
		"7e20:                                     4e3f5d07 00000000 97c4a3e8 0000007f\n", "aarch64");
	/* the same behind a vendor's "[pid:N,cpuN,comm]" caller tag */
	arch_whole("<4>[61.040008s][pid:1,cpu3,app]app invoked oom-killer: gfp_mask=0x0, order=0\n"
		"<4>[61.040039s][pid:1,cpu3,app]CPU: 3 PID: 1 Comm: app Not tainted 3.10.9-g1 #1\n"
		"<0>[61.040039s][pid:1,cpu3,app]Call trace:\n"
		"<4>[61.040069s][pid:1,cpu3,app][<ffffffc000081240>] do_mem_abort+0x38/0x9c\n"
		"<4>[61.040161s][pid:1,cpu3,app]Exception stack(0xffffffc0457e7e30 to 0xffffffc0457e7f50)\n", "aarch64");
	/* ia64's unwinder: a "sp=… bsp=…" line under each frame */
	arch_of("Call Trace:\n [<a0000001000117f0>] show_stack+0x50/0xa0\n"
		"                                sp=e0000001816577c0 bsp=e000000181651328\n"
		" [<a0000001000dd330>] out_of_memory+0x70/0x380\n", "ia64");
	/* a frame of the region-5 text alone says no arch; nor an "sp=" of another width */
	arch_of("Call Trace:\n [<a0000001000117f0>] show_stack+0x50/0xa0\n", "");
	arch_of("Call Trace:\n sp=e00000018165 bsp=e000000181651328\n", "");
	/* 32-bit ARM's own, 8 digits */
	arch_of("CPU: 0 PID: 1 Comm: app Not tainted 3.10.9 #1\n"
		"[<c0013a5c>] (do_DataAbort+0x34/0x98) from [<c000e5f8>] (__dabt_usr+0x38/0x40)\n"
		"Exception stack(0xd9cb5fb0 to 0xd9cb5ff8)\n", "arm");
}

TEST(s390_task_line)
{
	/* s390's dump_stack (arch/s390/kernel/traps.c, 2.6.2x-3.x): the release
	 * on a "CPU:" line without PID and Comm, the task on the next line */
	const char *t = "app invoked oom-killer: gfp_mask=0x200da, order=0, oom_adj=0\n"
			"CPU: 7 Not tainted 2.6.32-rc3-x1 #208\n"
			"Process app (pid: 2066, task: 00000000fd16b040, ksp: 00000000fc5e77f8)\n"
			"0000000000000000 00000000fc5e7988 0000000000000002 0000000000000000 \n"
			"Call Trace:\n([<000000000010570a>] show_trace+0xe6/0x134)\n"
			" [<00000000001c375c>] oom_kill_process+0xd0/0x2ac\n";
	struct ev1 e;
	memset(&e, 0, sizeof(e));
	CHECK(report_read_mem(t, strlen(t), "test", on_event, NULL, &e) >= 0);
	CHECK_INT(e.events, 1);
	CHECK_STR(e.arch, "s390x");
	CHECK_STR(e.kernel, "2.6.32-rc3-x1");
	CHECK_STR(e.trigger_comm, "app");
	CHECK_INT(e.trigger_pid, 2066);
	/* tainted, and a comm with " (pid: " in it; 31-bit s390 prints 8 digits */
	t = "a (pid: 1) b invoked oom-killer: gfp_mask=0xd0, order=0, oom_adj=0\n"
	    "CPU: 0 Tainted: G        W  2.6.32 #1\n"
	    "Process a (pid: 1) b (pid: 77, task: 0fd16b04, ksp: 0fc5e77f)\n";
	memset(&e, 0, sizeof(e));
	CHECK(report_read_mem(t, strlen(t), "test", on_event, NULL, &e) >= 0);
	CHECK_STR(e.arch, "s390");
	CHECK_STR(e.kernel, "2.6.32");
	CHECK_INT(e.trigger_pid, 77);
	/* a mailer wrapped the task line before "ksp:" */
	t = "app invoked oom-killer: gfp_mask=0x200da, order=0, oom_adj=0\n"
	    "CPU: 7 Not tainted 2.6.32-rc3-x1 #208\n"
	    "Process app (pid: 2066, task: 00000000fd16b040, ksp:\n00000000fc5e77f8)\n";
	memset(&e, 0, sizeof(e));
	CHECK(report_read_mem(t, strlen(t), "test", on_event, NULL, &e) >= 0);
	CHECK_STR(e.arch, "s390x");
	CHECK_INT(e.trigger_pid, 2066);
	/* arm64's die() line is no s390 task line */
	arch_of("Process app (pid: 5, stack limit = 0xffffffc0457e4058)\n", "");
}

int main(void)
{
	RUN(cues_of_single_lines);
	RUN(desktop_firmware);
	RUN(register_dump_lines);
	RUN(width_of_an_x86_report);
	RUN(trace_right_above_the_header);
	RUN(arm64_contiguous_hugepage_sizes);
	RUN(long_trace_after_allocation_failure);
	RUN(amiga_interrupt_frames);
	RUN(next_boot_banner_lends_arch);
	RUN(sparc64_page_and_huge_page_sizes);
	RUN(stack_forms_of_other_arches);
	RUN(s390_task_line);
	return check_summary();
}
