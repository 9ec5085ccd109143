/* arch.c — the arch evidence table: what one line of a report says
 * of the machine beyond the stack-frame forms parse.c reads itself
 * (stack_line_arch_w, which decides by a frame's form and arch-own labels).
 *
 * Strength, strongest first:
 *   decisive  a symbol or platform of one arch and one width
 *             (common_exception+: 32-bit x86; an EC2 Graviton type: arm64)
 *   family    x86 but 32 or 64 bit undecided: the x86-only entry and fault
 *             labels and the x86 platforms a "Hardware name:" line names;
 *             parse_finish.c then decides the width from the zones, the pids,
 *             the RAM and the 32-bit frame forms, and reads x86_64 when
 *             nothing in the report says 32 bit (a 32-bit x86 report shows
 *             a HighMem zone, "EIP:", *_32 entry frames or 8-digit frames)
 * Cues that more than one arch prints (do_page_fault, do_IRQ, ret_from_fork_asm
 * — riscv and LoongArch have it too —, "QEMU KVM Virtual Machine", arm64's
 * virt firmware string) are in no row. */
#include <stdbool.h>
#include <string.h>

#include "report/arch.h"
#include "report/parse_int.h"

struct cue_row {
	const char *text;
	bool prefix;          /* at the line's start (else anywhere) */
	enum arch_cue cue;
};

/* Symbols of x86's own entry and fault code. */
static const struct cue_row x86_syms[] = {
	/* arch/x86/entry/entry_64.S and entry_32.S idtentry page_fault (≤5.7),
	 * async_page_fault (KVM's paravirt fault, ≤5.7, arch/x86/kernel/kvm.c) */
	{ "page_fault+", true, ARCH_CUE_X86 },
	{ " page_fault+", false, ARCH_CUE_X86 },
	{ "async_page_fault+", false, ARCH_CUE_X86 },
	/* arch/x86/entry/entry_{32,64}.S common_interrupt, ret_from_intr (≤5.7),
	 * the local APIC's timer vector (arch/x86/kernel/apic/apic.c) */
	{ "common_interrupt+", false, ARCH_CUE_X86 },
	{ "ret_from_intr+", false, ARCH_CUE_X86 },
	{ "apic_timer_interrupt+", false, ARCH_CUE_X86 },
	{ "asm_common_interrupt+", false, ARCH_CUE_X86 },
	/* arch/x86/entry/common.c do_syscall_64 (4.6+): 64-bit only; the 32-bit
	 * kernel enters through do_int80_syscall_32 / do_fast_syscall_32 */
	{ "do_syscall_64+", false, ARCH_CUE_X86_64 },
	{ "x64_sys_call+", false, ARCH_CUE_X86_64 },
	/* arch/x86/entry/entry_32.S common_exception (4.13-5.7, error_code
	 * before, handle_exception after): only the 32-bit entry code */
	{ "common_exception+", false, ARCH_CUE_I686 },
	/* 2.6 i386 frames name a module's text by the last kernel symbol below
	 * it, pg0 (arch/i386/kernel/head.S: the boot page tables, end of the
	 * image): "[pg0+945079627/1068118016] FillRxDescriptor+0x2b/0xc0
	 * [sk98lin]" (R1304); x86_64 has no pg0 */
	{ "[pg0+", false, ARCH_CUE_I686 },
};

/* The machine of a "Hardware name:" line (lib/dump_stack.c
 * dump_stack_set_arch_desc; x86 fills it from DMI, arch/x86/kernel/
 * setup.c dmi_setup → dmi_set_dump_stack_arch_desc): x86 platforms by their
 * firmware's vendor and product strings. */
static const struct cue_row x86_hw[] = {
	{ "QEMU Standard PC", true, ARCH_CUE_X86 },        /* qemu's pc/q35 machines */
	{ "(i440FX + PIIX", false, ARCH_CUE_X86 },         /* "QEMU Ubuntu 24.04 PC (i440FX + PIIX, 1996)" */
	{ "(Q35 + ICH9", false, ARCH_CUE_X86 },
	{ "440BX Desktop Reference Platform", false, ARCH_CUE_X86 },   /* VMware's x86 BIOS board */
	{ "VMware Virtual Platform", false, ARCH_CUE_X86 },
	{ "innotek GmbH VirtualBox", true, ARCH_CUE_X86 },
	{ "Microsoft Corporation Virtual Machine", true, ARCH_CUE_X86 },   /* Hyper-V, Azure */
	{ "Google Google Compute Engine", true, ARCH_CUE_X86 },
	{ "DigitalOcean Droplet", true, ARCH_CUE_X86 },
	{ "Xen HVM domU", true, ARCH_CUE_X86 },
	{ "Bochs Bochs", true, ARCH_CUE_X86 },
	{ "Dell Inc. ", true, ARCH_CUE_X86 },
	{ "HP ProLiant", true, ARCH_CUE_X86 },
	{ "HPE ProLiant", true, ARCH_CUE_X86 },
	{ "Hewlett-Packard ", true, ARCH_CUE_X86 },
	{ "Supermicro ", true, ARCH_CUE_X86 },
	/* Intel's own boards' DMI vendor ("Intel Corporation S2600WT2R/…",
	 * "… Jasper Lake Client", R6722): x86 only; Intel's Arm parts (Keem
	 * Bay, SoCFPGA) name their device tree ("… (DT)") and no vendor */
	{ "Intel Corporation ", true, ARCH_CUE_X86 },
	{ "To Be Filled By O.E.M.", true, ARCH_CUE_X86 },   /* AMI's default x86 DMI strings */
	{ "System manufacturer ", true, ARCH_CUE_X86 },    /* ASUS desktop boards' default vendor string: "System manufacturer P5QL PRO/P5QL PRO" (R3443) */
	{ "System Product Name", false, ARCH_CUE_X86 },    /* their default product string: "ASUS System Product Name/TUF GAMING B560M-PLUS, BIOS 0820" (R4450) */
	{ "Gigabyte Technology", true, ARCH_CUE_X86 },
	{ "Micro-Star International", true, ARCH_CUE_X86 },
	{ "ASUSTeK COMPUTER INC.", true, ARCH_CUE_X86 },
	{ "BIOSTAR Group", true, ARCH_CUE_X86 },            /* "BIOSTAR Group X370GT5/X370GT5" (R4525): x86 desktop boards only */
};

static bool row_hit(const struct cue_row *r, const char *s, const char *e)
{
	return r->prefix ? p_starts(s, e, r->text) : p_find(s, e, r->text) != NULL;
}

/* "Amazon EC2 <family><generation><attributes>.<size>/": the attribute
 * letter g is AWS Graviton (arm64: m6g, c7gn, t4g, r8g); "a1" is the first
 * Graviton.  Every other current type is a Nitro x86 instance, which boots
 * only 64-bit images; the Xen-era t1/t2/m1-m3/c1/c3 ran 32-bit AMIs too. */
static enum arch_cue ec2_cue(const char *s, const char *e)
{
	const char *t = s, *dot = t;
	while (dot < e && *dot != '.' && *dot != '/' && *dot != ' ')
		dot++;
	if (dot == t || dot >= e || *dot != '.')
		return ARCH_CUE_NONE;
	const char *g = t;
	while (g < dot && *g >= 'a' && *g <= 'z')
		g++;
	if (g == t || g >= dot || *g < '0' || *g > '9')
		return ARCH_CUE_NONE;
	if (dot - t == 2 && t[0] == 'a' && t[1] == '1')
		return ARCH_CUE_AARCH64;
	for (const char *a = g + 1; a < dot; a++)
		if (*a == 'g')
			return ARCH_CUE_AARCH64;
	static const char *const xen32[] = { "t1", "t2", "m1", "m2", "m3", "c1", "c3" };
	for (size_t i = 0; i < ARRAY_SIZE(xen32); i++)
		if (dot - t == 2 && t[0] == xen32[i][0] && t[1] == xen32[i][1])
			return ARCH_CUE_X86;
	return ARCH_CUE_X86_64;
}

/* ", BIOS 1.11.0-3.el7" / "1.16.0-4.module_el8.8.0+…": RHEL's seabios
 * package, which RHEL builds for x86 guests only (its arm64 guests boot
 * edk2, "BIOS edk2-…" or "0.0.0"), whatever the product name before it
 * ("Red Hat KVM", "Red Hat OpenStack Compute", "Red Hat RHEV Hypervisor",
 * an oVirt or cloud vendor's own string; R6615). */
static bool rhel_seabios(const char *h, const char *e)
{
	const char *b = p_rfind(h, e, ", BIOS ");
	if (!b)
		return false;
	const char *v = b + 7, *q = v;
	int dots = 0;
	while (q < e && ((*q >= '0' && *q <= '9') || *q == '.')) {
		dots += *q == '.';
		q++;
	}
	if (q == v || !(*v >= '0' && *v <= '9') || dots < 1 || q >= e || *q != '-')
		return false;
	q++;
	const char *r = q;
	while (q < e && *q >= '0' && *q <= '9')
		q++;
	if (q == r || q >= e || *q != '.')
		return false;
	q++;
	return p_starts(q, e, "el") || p_starts(q, e, "module_el") || p_starts(q, e, "module+el");
}

enum arch_cue report_arch_cue(const char *s, size_t n)
{
	const char *e = s + n;
	if (p_starts(s, e, "Hardware name: ")) {
		const char *h = s + 15;
		if (p_starts(h, e, "Amazon EC2 "))
			return ec2_cue(h + 11, e);
		/* PA-RISC's firmware model string, "9000/800/rp3440" (HP 9000
		 * servers and workstations, arch/parisc/kernel/setup.c sets it
		 * as the dump_stack arch description; R1542) */
		if (p_starts(h, e, "9000/"))
			return ARCH_CUE_PARISC;
		for (size_t i = 0; i < ARRAY_SIZE(x86_hw); i++)
			if (row_hit(&x86_hw[i], h, e))
				return x86_hw[i].cue;
		if (rhel_seabios(h, e))
			return ARCH_CUE_X86;
		return ARCH_CUE_NONE;
	}
	if (!p_find(s, e, "+0x"))
		return ARCH_CUE_NONE;
	if (p_starts(s, e, "? "))
		s += 2;
	for (size_t i = 0; i < ARRAY_SIZE(x86_syms); i++)
		if (row_hit(&x86_syms[i], s, e)) {
			/* xtensa has a common_exception too, printed with its
			 * "[<d…>]" address (arch/xtensa/kernel/entry.S, traps.c) */
			if (x86_syms[i].cue == ARCH_CUE_I686 && p_starts(s, e, "[<") && !p_starts(s, e, "[<c"))
				return ARCH_CUE_NONE;
			return x86_syms[i].cue;
		}
	return ARCH_CUE_NONE;
}

/* hex digits at q (after blanks and an optional "[<" or "["), 0 for none */
static int hex_width(const char *q, const char *e)
{
	while (q < e && *q == ' ')
		q++;
	if (p_starts(q, e, "[<"))
		q += 2;
	else if (q < e && *q == '[')
		q++;
	int n = 0;
	while (q < e && ((*q >= '0' && *q <= '9') || (*q >= 'a' && *q <= 'f')))
		q++, n++;
	return n;
}

/* Register dumps: each arch's show_regs names its registers its own way.
 *   x86_64  arch/x86/kernel/process_64.c __show_regs: "RSP: 0018:…", "RAX: …"
 *   i686    arch/x86/kernel/process_32.c __show_regs: "EAX: … EBX: …"
 *   arm64   arch/arm64/kernel/process.c __show_regs: "pstate: %08llx (…)",
 *           "pc : %pS" (≤4.15 "pc : [<%016llx>]")
 *   arm     arch/arm/kernel/process.c __show_regs: "pc : [<%08lx>]    lr : …"
 *   powerpc arch/powerpc/kernel/process.c show_regs: "NIP:  " REG, the
 *           register as wide as the kernel (8 or 16 digits)
 *   s390    arch/s390/kernel/dumpstack.c show_registers: "Krnl PSW : " with
 *           16-digit words on 64-bit
 *   mips    arch/mips/kernel/traps.c __show_regs: "epc   : %0*lx" (width)
 *   riscv   arch/riscv/kernel/process.c __show_regs: "epc : " REG_FMT */
const char *report_reg_arch(const char *s, size_t n)
{
	const char *e = s + n;
	if (n < 6)
		return NULL;
	/* "RSP: %04x:%016lx EFLAGS: %08lx" (arch/x86/kernel/dumpstack.c
	 * show_iret_regs, 4.15+; process_64.c __show_regs before): the
	 * selector's "%04x" grows when ss holds garbage in its high bits
	 * ("RSP: 338160d0:00007f0c1a78d170", R1198); the 16-digit stack
	 * pointer is 64-bit x86's, i686 prints "ESP:" */
	if (p_starts(s, e, "RSP: ")) {
		const char *q = s + 5;
		int sel = 0;
		while (q < e && ((*q >= '0' && *q <= '9') || (*q >= 'a' && *q <= 'f')))
			q++, sel++;
		if (sel >= 4 && sel <= 8 && q < e && *q == ':' && hex_width(q + 1, e) == 16 &&
		    q + 17 < e && (q[17] == ' ' || q + 18 == e))
			return "x86_64";
	}
	if (p_starts(s, e, "RSP: 00") || p_starts(s, e, "RAX: ") || p_starts(s, e, "RDX: ") ||
	    p_starts(s, e, "RBP: ") || p_starts(s, e, "R10: ") || p_starts(s, e, "R13: "))
		return "x86_64";
	if (p_starts(s, e, "EAX: ") || p_starts(s, e, "ESI: ") || p_starts(s, e, "EBP: "))
		return "i686";
	/* x86's kernel fault (arch/x86/mm/fault.c show_fault_oops): "BUG:
	 * unable to handle kernel paging request at %p" and "… kernel NULL
	 * pointer dereference at %p" (2.6.26-4.18), "BUG: unable to handle
	 * page fault for address: %px" (4.19+): the address as wide as the
	 * kernel's pointers.  The other arches say "Unable to handle kernel
	 * paging request at virtual address" (arm, arm64, riscv) or "BUG:
	 * Unable to handle kernel data access" (powerpc), capitalised (R6054) */
	if (p_starts(s, e, "BUG: unable to handle ")) {
		const char *q = p_find(s, e, "address: ");
		q = q ? q + 9 : p_find(s, e, " at ");
		if (q && *q == ' ')
			q += 4;   /* " at " */
		int w = q ? hex_width(q, e) : 0;
		if (q && q + w < e && *(q + w) != ' ')
			w = 0;
		return w == 8 ? "i686" : w == 16 ? "x86_64" : NULL;
	}
	if (p_starts(s, e, "pstate: "))
		return "aarch64";
	if (p_starts(s, e, "pc : [<")) {
		int w = hex_width(s + 5, e);
		return w == 8 ? "arm" : w == 16 ? "aarch64" : NULL;
	}
	if (p_starts(s, e, "NIP:") || p_starts(s, e, "NIP [")) {
		int w = hex_width(s + 4, e);
		return w == 8 ? "ppc" : w == 16 ? "ppc64" : NULL;
	}
	if (p_starts(s, e, "Krnl PSW : "))
		return hex_width(s + 11, e) == 16 ? "s390x" : NULL;
	if (p_starts(s, e, "epc   : ")) {
		int w = hex_width(s + 8, e);
		return w == 8 ? "mips" : w == 16 ? "mips64" : NULL;
	}
	if (p_starts(s, e, "epc : ") && hex_width(s + 6, e) == 16)
		return "riscv64";
	return NULL;
}

/* A "Hardware name:" of a desktop or laptop: the firmware vendor strings
 * of consumer PCs and their boards (DMI, as x86_hw reads them), not of
 * servers.  Such machines are installed with swap (every desktop
 * distribution's installer makes a swap partition, file or zram device),
 * where servers, cloud guests and boards often run without.  Over the
 * corpus's reports that print their swap, these vendors' desktops and
 * laptops had swap configured in 45 of 47 (LENOVO 13/14, Gigabyte 11/11,
 * the ASUS boards' "System manufacturer" 9/10, Dell XPS and Precision,
 * Acer, Toshiba, HP Pavilion, MSI, ASRock, Intel's client boards), while
 * the servers of the same vendors (PowerEdge, ProLiant, Supermicro) had
 * it in about half and the cloud and hypervisor guests in a third. */
static const char *const desktop_vendor[] = {
	"LENOVO ", "ASUSTeK COMPUTER INC. ", "ASUS ", "Gigabyte Technology", "Micro-Star International",
	"Acer ", "TOSHIBA ", "SAMSUNG ELECTRONICS", "Hewlett-Packard ", "HP ", "Dell Inc. ",
	"System manufacturer ", "To Be Filled By O.E.M.", "BIOSTAR Group", "Apple Inc. ",
};
/* server lines and boards of those vendors: Dell PowerEdge, HP(E)
 * ProLiant/Superdome/Apollo, ASUS's RS and Z10P/Z11P server boards,
 * ASRock Rack's *D4U boards (they print ASRock's "To Be Filled" too) */
static const char *const server_word[] = {
	"PowerEdge", "ProLiant", "Superdome", "Apollo", "Server", "Rack", "/RS", " RS5", " RS7", "Z10P", "Z11P", "Z12P",
	"Z13P", "D4U",
};

bool report_hw_desktop(const char *s, size_t n)
{
	const char *e = s + n;
	bool vendor = false;
	for (size_t i = 0; i < ARRAY_SIZE(desktop_vendor) && !vendor; i++)
		vendor = p_starts(s, e, desktop_vendor[i]);
	if (!vendor)
		return false;
	for (size_t i = 0; i < ARRAY_SIZE(server_word); i++)
		if (p_find(s, e, server_word[i]))
			return false;
	return true;
}
