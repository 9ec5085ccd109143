/* parse_finish.c — what the report parser works out once a report is
 * complete: the kernel version (printed, else dated by the report's shape),
 * the architecture, the page size, every page count converted to KiB, the
 * quantities that must be summed over nodes or zones, and the kind of OOM. */
#include <stdlib.h>
#include <string.h>

#include "report/parse_int.h"


/* 32-bit x86 is "i686" whatever its build says ("-i386", "i586"), and
 * 32-bit ARM "arm" ("-armv7l", Debian's "-armmp"): one name for the arch,
 * as the kernel's own is one ("x86", "arm") and the frames give it
 * (tests/corpus facts use them, 106 and 90 reports; R1337). */
void pf_arch_from_release(struct oom_event *ev)
{
	static const struct { const char *needle, *arch; } map[] = {
		{ "x86_64", "x86_64" }, { "amd64", "x86_64" }, { "aarch64", "aarch64" },
		{ "arm64", "aarch64" }, { "i686", "i686" }, { "i586", "i686" }, { "i486", "i686" }, { "i386", "i686" },
		{ "-686", "i686" }, { "-pae", "i686" }, { "ppc64le", "ppc64le" }, { "ppc64", "ppc64" },
		{ "s390x", "s390x" }, { "armv7", "arm" }, { "-armmp", "arm" }, { "mips", "mips" },
		{ "riscv64", "riscv64" }, { "loongarch64", "loongarch64" }, { "loongarch", "loongarch64" },
		{ "x86-32", "i686" }, { "x86_32", "i686" }, { "x86-64", "x86_64" },
		/* Raspberry Pi kernels (raspberrypi/linux LOCALVERSION, Raspberry
		 * Pi OS "+rpt-rpi-*"): v8 and 2712 (Pi 5) are arm64 builds, v7,
		 * v7l and v6 32-bit ARM ones */
		{ "-v8+", "aarch64" }, { "rpi-v8", "aarch64" }, { "rpi-2712", "aarch64" },
		{ "-v7+", "arm" }, { "-v7l+", "arm" }, { "rpi-v7", "arm" }, { "rpi-v6", "arm" },
	};
	if (ev->arch[0] || !ev->kernel[0])
		return;
	const char *s = ev->kernel, *e = s + strlen(s);
	for (size_t i = 0; i < ARRAY_SIZE(map); i++)
		if (p_find(s, e, map[i].needle)) {
			str_copy(ev->arch, sizeof(ev->arch), map[i].arch, strlen(map[i].arch));
			return;
		}
}

/* A pid above 32768 is a 64-bit kernel's: PID_MAX_LIMIT is PID_MAX_DEFAULT
 * (0x8000) where sizeof(long) is 4 (include/linux/threads.h, 2.6.10+), so
 * pid_max cannot be raised past it on any 32-bit kernel. */
static bool pid_says_64bit(const struct oom_event *ev)
{
	const int64_t lim = 32768;
	if ((known(ev->req.trigger_pid) && ev->req.trigger_pid > lim) ||
	    (known(ev->victim.pid) && ev->victim.pid > lim))
		return true;
	for (size_t i = 0; i < ev->snap.nr_tasks; i++)
		if (known(ev->snap.tasks[i].pid) && ev->snap.tasks[i].pid > lim)
			return true;
	return false;
}

/* x86 prints "Call Trace:"; of the arches that do, only x86_64 has a DMA32
 * zone and only 32-bit x86 a HighMem one (ppc64, s390: DMA/Normal). */
static void infer_arch_from_zones(struct pstate *st)
{
	struct oom_event *ev = &st->ev;
	if (ev->arch[0])
		return;
	/* 8 KiB base pages (the buddy list starts at 8kB) and an 8 MiB huge
	 * page: sparc64 (arch/sparc/include/asm/page_64.h PAGE_SHIFT 13,
	 * HPAGE_SHIFT 23); alpha has 8 KiB pages but no hugetlbfs, ia64's
	 * default huge page is 256 MiB (HPAGE_SHIFT_DEFAULT 28) */
	if (known(st->buddy_psz_kib) && st->buddy_psz_kib == 8 && st->hugepage_8m) {
		str_copy(ev->arch, sizeof(ev->arch), "sparc64", 7);
		return;
	}
	/* hugetlb sizes of 32 MiB and 64 KiB in one report: arm64's
	 * contiguous-PMD and contiguous-PTE sizes with 4 KiB pages
	 * (arch/arm64/mm/hugetlbpage.c arch_hugetlb_valid_size, 4.5+:
	 * CONT_PTE_SIZE 64K, PMD 2M, CONT_PMD_SIZE 32M, PUD 1G), each printed
	 * by hugetlb_show_meminfo_node; no other arch registers both (riscv's
	 * and sparc64's 64 KiB come with no 32 MiB size, ia64 has one size) */
	if (st->hugepage_32m && st->hugepage_64k) {
		str_copy(ev->arch, sizeof(ev->arch), "aarch64", 7);
		return;
	}
	if (st->frame_not_x86)
		return;
	const char *a = NULL;
	/* "Call Trace:" and frames in kseg0 (0x80000000-0x9fffffff, MIPS's
	 * unmapped kernel text, arch/mips/include/asm/addrspace.h): no 32-bit
	 * x86 kernel runs there with the default 3G/1G split, and MIPS also
	 * has HighMem zones (so before the zone test below) */
	if (st->call_trace_upper && st->frame8_kseg0) {
		str_copy(ev->arch, sizeof(ev->arch), "mips", 4);
		return;
	}
	bool highmem_zone = false, isa_dma = false, normal = false, dma32 = false;
	for (int i = 0; i < ev->snap.nr_zones; i++) {
		const struct oom_zone *z = &ev->snap.zones[i];
		if (!strcmp(z->name, "HighMem")) {
			/* populated: before 2.6.19 every arch printed an empty HighMem zone */
			if ((known(z->present_kib) && z->present_kib > 0) || (known(z->free_kib) && z->free_kib > 0))
				highmem_zone = true;
			if (st->call_trace_upper && known(z->present_kib) && z->present_kib > 0)
				a = "i686";
		} else if (!strcmp(z->name, "DMA32")) {
			/* populated: 2.6.16+ printed an empty DMA32 zone on every arch */
			dma32 = (known(z->present_kib) && z->present_kib > 0) || (known(z->free_kib) && z->free_kib > 0);
			/* an empty one is no x86_64's: 2.6.16–2.6.18 ppc32 printed
			 * it too beneath an upper-case "Call Trace:" (R2009) */
			if (!a && st->call_trace_upper && (dma32 || !known(z->present_kib)))
				a = "x86_64";
		} else if (!strcmp(z->name, "DMA") && known(z->present_kib) && z->present_kib > 0 &&
			   z->present_kib <= 16384) {
			isa_dma = true;
		} else if (!strcmp(z->name, "Normal")) {
			normal = true;
		}
	}
	/* 32-bit x86's layout (arch/x86/mm/init.c zone_sizes_init): the ISA DMA
	 * zone of the first 16 MiB, Normal up to ~896 MiB, and a populated
	 * HighMem zone (only 32-bit kernels have highmem).  ARM and PPC32
	 * boards have no 16 MiB DMA zone below a Normal one. */
	bool highmem = highmem_zone || (known(ev->snap.mem.highmem_total_kib) && ev->snap.mem.highmem_total_kib > 0);
	if (!a && highmem && isa_dma && normal)
		a = "i686";
	/* an x86-only mark (x86_family) leaves 32 or 64 bit to the memory:
	 * ZONE_DMA32 is x86_64's alone of the two; a populated HighMem zone
	 * 32-bit x86's alone; more than 4 GiB of RAM with no HighMem page
	 * is 64-bit (a 32-bit kernel maps at most ~3 GiB as lowmem, the rest
	 * is HighMem, arch/x86/mm/init_32.c) */
	if (!a && st->x86_family) {
		if (pid_says_64bit(ev))
			a = "x86_64";
		else if (dma32 && !highmem)
			a = "x86_64";
		else if (highmem)
			a = "i686";
		else if (known(ev->snap.mem.ram_kib) && ev->snap.mem.ram_kib > 4LL * 1024 * 1024 &&
			 known(ev->snap.mem.highmem_total_kib) && ev->snap.mem.highmem_total_kib == 0)
			a = "x86_64";
		/* 8-digit frames at 0xc0…: 32-bit x86's kernel text; any
		 * 8-digit frame beside an x86-only mark is a 32-bit kernel's
		 * (x86_64 prints 16 digits: R4361's r8169 module at 0xe08…) */
		else if (st->frame8_c || st->frame8_c_sym || st->frame8_any || st->words8_c)
			a = "i686";
		/* Nothing says 32 bit: x86_64.  A 32-bit x86 report shows it in
		 * what it prints — a HighMem zone or "pages HighMem" (any RAM above
		 * ~896 MiB), "EIP:", the *_32 entry frames, 8-digit addresses — and
		 * the 64-bit-only platforms (EC2 Nitro, GCE) and 4.x+ distribution
		 * kernels are the reports there are (the R550+ holdouts read
		 * every x86 platform line so, 15 of their misses) */
		else
			a = "x86_64";
	}
	/* i386's frame form at its 0xc0000000 text with "Call Trace:" cut */
	if (!a && st->frame8_c_sym && !st->frame8_kseg0 && !dma32)
		a = "i686";
	/* a PowerMac (Hardware name) with HighMem is a 32-bit one: ppc64 has none */
	if (!a && st->hw_powermac && highmem)
		a = "ppc";
	/* 8-digit frames at 0xc0…, under "Call Trace:" (ARM's own trace lines
	 * name it already): 32-bit x86's kernel text at PAGE_OFFSET */
	if (!a && st->call_trace_upper && st->frame8_c)
		a = "i686";
	/* khugepaged allocates only huge pages of HPAGE_PMD_ORDER, which on x86
	 * is 9 (2 MiB) except 32-bit x86 without PAE: 10 (4 MiB, 2-level
	 * paging, arch/x86/include/asm/pgtable-2level_types.h PMD_SHIFT 22) */
	if (!a && st->x86_unreliable && ev->req.order == 10 && !strcmp(ev->req.trigger_comm, "khugepaged"))
		a = "i686";
	if (a)
		str_copy(ev->arch, sizeof(ev->arch), a, strlen(a));
}

/* A kernel era from the report's own shape (§1.1–§1.12), for reports that
 * print no release string (2.6.18, cut headers, rate-limited kill lines). */
static void infer_kver(struct pstate *st)
{
	uint64_t f = st->shape;
	int maj = 0, min = 0, rhel = 0;
	if (st->era24) {
		/* decisive: 2.6 words it "page allocation failure" */
		struct kver v = kver_make(2, 4, 20);
		v.inferred = true;
		st->ev.kv = v;
		return;
	}
	if (f & SH_TRIG_2618)
		maj = 2, min = 6;      /* decisive: only ≤2.6.18 prints no task name */
	else if (f & SH_UID_IN_CPU)
		maj = 6, min = 11;
	else if (f & SH_RSS_ANON)
		maj = 6, min = 8;
	else if (f & (SH_ZONE_BOOST | SH_SEC_PAGETABLES))
		maj = 6, min = 1;
	else if (f & SH_KILL_UID_COLON)
		maj = 5, min = 4;
	else if (f & SH_KILL_PREFIX)
		maj = 5, min = 1;
	else if (f & (SH_CONSTRAINT | SH_AF_CPUSET))
		maj = 5, min = 0;
	else if (f & SH_TASKS_STATE)
		maj = 4, min = 19;
	else if (f & SH_PGTABLES_BYTES)
		maj = 4, min = 15;
	else if (f & (SH_NODEMASK_TRIG | SH_AF_NODEMASK))
		maj = 4, min = 9;
	else if (f & SH_NODE_LINE)
		maj = 4, min = 8;
	else if (f & SH_GFP_SYMBOLIC)
		maj = 4, min = 5;
	else if (f & SH_NR_PMDS)
		maj = 4, min = 4;
	else if (f & SH_RHEL6_KILL)
		maj = 2, min = 6, rhel = 6;
	else if (f & SH_RHEL7_KILL)
		maj = 3, min = 10, rhel = 7;
	else if ((f & SH_OOM_ADJ) && (f & SH_OOM_SCORE_ADJ))
		maj = 2, min = 6;      /* 2.6.36–3.6: patch set below */
	else if (f & (SH_OOM_SCORE_ADJ | SH_NR_PTES | SH_HUGEPAGES | SH_FREE_PCP))
		maj = 3, min = 10;
	else if (f & SH_VSZ_KILL)
		maj = 2, min = 6;
	else if (f & SH_OOM_ADJ)
		maj = 2, min = 6;
	else if (f & (SH_OOMKILLADJ | SH_ACTIVE_ANON_CAP))
		maj = 2, min = 6;
	else if (f & SH_TRIG_2618)
		maj = 2, min = 6;
	else if (f & SH_AF_PERIOD)
		maj = 2, min = 6;
	else if (f & SH_OR_A_CHILD)
		maj = 2, min = 6;      /* mm/oom_kill.c oom_kill_process before 2.6.36 */
	else if (f & SH_SACRIFICE)
		maj = 3, min = 10;
	/* Marks that only bound the era from above: pick a release inside the
	 * bound (the gfp layout of ≤4.3 is the one that decodes their masks). */
	else if (f & SH_BUDDY_NO_TYPES)
		maj = 3, min = 2;
	else if (f & (SH_PERCPU_HI | SH_GFP_NUMERIC))
		maj = 3, min = 10;
	else
		return;
	int patch = 0;
	if (maj == 2) {
		if (f & SH_RHEL6_KILL)
			patch = 32;
		else if ((f & SH_OOM_ADJ) && (f & SH_OOM_SCORE_ADJ))
			patch = 36;
		else if (f & SH_VSZ_KILL)
			patch = 33;
		else if (f & SH_OOM_ADJ)
			patch = 32;
		else if (f & SH_ACTIVE_ANON_CAP)
			patch = 28;
		else if (f & SH_OOMKILLADJ)
			patch = 24;
		else if (f & SH_AF_PERIOD)
			patch = 32;
		else
			patch = 18;
	}
	struct kver v = kver_make(maj, min, patch);
	v.rhel = rhel;
	v.inferred = true;
	st->ev.kv = v;
}

/* Page size: the order-0 block of a buddy line; else the victim's kill line
 * against its task-table rss; else 4 KiB (x86 and most others). */
static int64_t page_size(struct pstate *st)
{
	struct oom_event *ev = &st->ev;
	if (known(st->buddy_psz_kib) && st->buddy_psz_kib > 0 && st->buddy_psz_kib <= 1024)
		return st->buddy_psz_kib;
	if (ev->have_victim && known(ev->victim.anon_rss_kib) && known(ev->victim.file_rss_kib)) {
		int64_t kib = ev->victim.anon_rss_kib + ev->victim.file_rss_kib +
			      (known(ev->victim.shmem_rss_kib) ? ev->victim.shmem_rss_kib : 0);
		for (size_t i = 0; i < ev->snap.nr_tasks; i++) {
			const struct oom_task *t = &ev->snap.tasks[i];
			if (t->pid != ev->victim.pid || !known(t->rss_pages) || t->rss_pages < 64)
				continue;
			static const int64_t cand[] = { 4, 8, 16, 64 };
			for (size_t c = 0; c < ARRAY_SIZE(cand); c++) {
				int64_t want = p_mul(t->rss_pages, cand[c]);
				if (!known(want))
					continue;
				int64_t d = kib > want ? kib - want : want - kib;
				if (d <= want / 50)
					return cand[c];
			}
		}
	}
	/* A little-endian powerpc kernel is Book3S-64 only (CPU_LITTLE_ENDIAN
	 * depends on PPC_BOOK3S_64, arch/powerpc/platforms/Kconfig.cputype),
	 * and Book3S-64's default page size is 64 KiB (arch/powerpc/Kconfig,
	 * "default PPC_64K_PAGES if PPC_BOOK3S_64"), as every distribution's
	 * ppc64le kernel builds it. */
	if (!strcmp(ev->arch, "ppc64le")) {
		event_warn(ev, "page size not shown in the report; 64 KiB assumed (ppc64le's default)");
		return 64;
	}
	if (!strcmp(ev->arch, "aarch64") || !strncmp(ev->arch, "ppc64", 5))
		event_warn(ev, "page size not shown in the report; 4 KiB assumed");
	return 4;
}

static int64_t sum2(int64_t a, int64_t b)
{
	return known(a) && known(b) ? sat_add(a, b) : OOM_NA;
}

static void finish_numbers(struct pstate *st)
{
	struct oom_event *ev = &st->ev;
	struct oom_snapshot *snap = &ev->snap;
	int64_t psz = page_size(st);
	snap->page_size_kib = psz;
	int64_t *src = (int64_t *)&st->pages, *dst = (int64_t *)&snap->mem;
	for (size_t i = 0; i < sizeof(st->pages) / sizeof(int64_t); i++) {
		if (!known(src[i]))
			continue;
		int64_t v = p_mul(src[i], psz);
		if (!known(v))
			event_warn(ev, "Mem-Info value too large, ignored");
		dst[i] = v;
	}
	struct oom_mem *m = &snap->mem;
	if (known(m->ram_kib) && known(m->reserved_kib) && m->ram_kib >= m->reserved_kib)
		m->total_kib = m->ram_kib - m->reserved_kib;
	m->anon_kib = sum2(m->active_anon_kib, m->inactive_anon_kib);
	m->file_kib = sum2(m->active_file_kib, m->inactive_file_kib);
	/* Quantities the node (5.10+) or zone (≤5.4) lines carry, summed. */
	int64_t ks = 0, hug = 0, hp_tot = 0, hp_free = 0, hp_size = OOM_NA, athp = 0, sthp = 0;
	bool ks_ok = snap->nr_nodes > 0, hug_ok = false, hp_ok = snap->nr_nodes > 0;
	bool athp_ok = snap->nr_nodes > 0, sthp_ok = snap->nr_nodes > 0;
	for (int i = 0; i < snap->nr_nodes; i++) {
		const struct oom_node *n = &snap->nodes[i];
		if (known(n->kernel_stack_kib))
			ks = sat_add(ks, n->kernel_stack_kib);
		else
			ks_ok = false;
		if (known(n->anon_thp_kib))
			athp = sat_add(athp, n->anon_thp_kib);
		else
			athp_ok = false;
		if (known(n->shmem_thp_kib))
			sthp = sat_add(sthp, n->shmem_thp_kib);
		else
			sthp_ok = false;
		if (known(n->hugetlb_kib)) {
			hug = sat_add(hug, n->hugetlb_kib);
			hug_ok = true;
		}
		if (known(n->hugepages_total) && known(n->hugepage_size_kib) &&
		    (!known(hp_size) || hp_size == n->hugepage_size_kib)) {
			hp_size = n->hugepage_size_kib;
			hp_tot = sat_add(hp_tot, n->hugepages_total);
			hp_free = known(n->hugepages_free) ? sat_add(hp_free, n->hugepages_free) : hp_free;
		} else {
			hp_ok = false;
		}
	}
	if (!ks_ok && snap->nr_zones > 0) {
		ks = 0;
		ks_ok = true;
		for (int i = 0; i < snap->nr_zones; i++) {
			if (known(snap->zones[i].kernel_stack_kib))
				ks = sat_add(ks, snap->zones[i].kernel_stack_kib);
			else if (snap->zones[i].present_kib != 0)
				ks_ok = false;
		}
	}
	if (ks_ok && !known(m->kernel_stack_kib))
		m->kernel_stack_kib = ks;
	if (athp_ok && !known(m->anon_thp_kib))
		m->anon_thp_kib = athp;
	if (sthp_ok && !known(m->shmem_thp_kib))
		m->shmem_thp_kib = sthp;
	if (hug_ok)
		m->hugetlb_kib = hug;
	if (hp_ok && known(hp_size)) {
		m->hugepages_total = hp_tot;
		m->hugepages_free = hp_free;
		m->hugepage_size_kib = hp_size;
	}
	/* Victim facts the kill line of older eras lacks, from its table row:
	 * the row of its pid, else of its tgid (dump_tasks prints the pid of
	 * the thread that holds the mm, which need not be the leader's; R181) */
	if (ev->have_victim && known(ev->victim.pid)) {
		bool by_pid = false;
		for (size_t i = 0; i < snap->nr_tasks && !by_pid; i++)
			by_pid = snap->tasks[i].pid == ev->victim.pid;
		for (size_t i = 0; i < snap->nr_tasks; i++) {
			const struct oom_task *t = &snap->tasks[i];
			if (by_pid ? t->pid != ev->victim.pid : t->tgid != ev->victim.pid)
				continue;
			if (!known(ev->victim.oom_score_adj))
				ev->victim.oom_score_adj = t->oom_score_adj;
			if (!known(ev->victim.uid))
				ev->victim.uid = t->uid;
			/* a kill line cut after "Killed process N (" */
			if (!ev->victim.comm[0])
				str_copy(ev->victim.comm, sizeof(ev->victim.comm), t->comm, strlen(t->comm));
			break;
		}
	}
	/* The victim is the allocating task (its pid the trigger's; the CPU
	 * line prints current->pid, the victim's tgid: equal for the main
	 * thread): its oom_score_adj is the trigger line's, one value per
	 * process (signal->oom_score_adj), when neither the kill line nor
	 * its row (cut, R326) says it. */
	if (ev->have_victim && known(ev->victim.pid) && ev->victim.pid == ev->req.trigger_pid &&
	    !known(ev->victim.oom_score_adj) && known(ev->req.trigger_oom_score_adj))
		ev->victim.oom_score_adj = ev->req.trigger_oom_score_adj;
}

/* show_mem (lib/show_mem.c, mm/show_mem.c 6.1+) ends show_free_areas with
 * "N total pagecache pages" (2.6.25+) and show_swap_cache_info(), then
 * prints "N pages RAM".  show_swap_cache_info (mm/swap_state.c) prints
 * "N pages in swap cache", "Swap cache stats: …" (≤6.0), "Free swap  = "
 * and "Total swap = " — all of them, or with CONFIG_SWAP=n nothing at all
 * (an empty stub: include/linux/swap.h ≤5.x, mm/swap.h 5.x+).  So the two
 * neighbours printed one right after the other, with no swap line
 * anywhere in the report, are a kernel built without swap: swap 0,
 * inferred.  Anything between them (an elision mark, a cut) or a swap
 * cache line alone (its figures lost to the transport) leaves swap
 * unknown. */
/* "Free swap" printed without "Total swap" (an excerpt, a trim, a 2.6.9
 * show_free_areas that prints no total) and none of it free: no swap, or
 * swap full.  Pages put in the swap cache prove a swap device (pages go
 * there only on their way to swap: mm/swap_state.c add_to_swap), as do
 * swapped pages in the task rows (dump_tasks' swapents, 2.6.32+); with
 * next to nothing free on it (under 1 MiB), it was full.  Without that proof: the "Free swap  ="
 * form is printed by show_swap_cache_info with "Total swap =" on the very
 * next line, so its total was cut by whoever trimmed the report, who kept
 * the line that said swap had run out (had there been no swap, "Total
 * swap = 0kB" says so and is the line kept): full, at low confidence.
 * Swap cache counters printed at zero say no swap ever held a page:
 * nothing is inferred then. */
/* Next to nothing free: with the total unknown a few MiB may be a
 * third of a small swap (R978: 29 MiB free of 100 MiB) */
#define SWAP_FULL_FREE_KIB 1024

static void finish_swap_full(struct pstate *st)
{
	struct oom_event *ev = &st->ev;
	const struct oom_mem *m = &ev->snap.mem;
	if (!known(m->swap_free_kib) || known(m->swap_total_kib) || m->swap_free_kib < 0)
		return;
	bool proof = (known(m->swap_cache_adds) && m->swap_cache_adds > 0) ||
		     (known(m->swap_cached_kib) && m->swap_cached_kib > 0);
	for (size_t i = 0; !proof && i < ev->snap.nr_tasks; i++)
		proof = known(ev->snap.tasks[i].swapents_pages) && ev->snap.tasks[i].swapents_pages > 0;
	if (proof && m->swap_free_kib < SWAP_FULL_FREE_KIB)
		ev->swap_full_hint = OOM_SWAPFULL_CACHE;
	else if (!proof && m->swap_free_kib == 0 && st->swapblk.free_paired &&
		 !(known(m->swap_cache_adds) && m->swap_cache_adds == 0))
		ev->swap_full_hint = OOM_SWAPFULL_TOTAL_CUT;
}

static void finish_swap(struct pstate *st)
{
	struct oom_event *ev = &st->ev;
	struct oom_mem *m = &ev->snap.mem;
	finish_swap_full(st);
	/* show_mem's own lines around: its Mem-Info, or its zone lines when
	 * the text starts below that line (R3643) */
	if ((!ev->have_meminfo && ev->snap.nr_zones == 0) || !st->swapblk.ram_next || st->swapblk.seen ||
	    known(m->swap_total_kib) || known(m->swap_free_kib))
		return;
	m->swap_total_kib = m->swap_free_kib = 0;
	ev->swap_inferred = true;
}

/* Is node n in a printed node list ("0-1,3", "(null)" none)?  -1: not a list. */
static int node_in_list(const char *l, int n)
{
	if (!l[0] || l[0] == '(')
		return -1;
	const char *p = l;
	for (;;) {
		char *x;
		long a = strtol(p, &x, 10), b;
		if (x == p || a < 0)
			return -1;
		b = a;
		if (*x == '-') {
			p = x + 1;
			b = strtol(p, &x, 10);
			if (x == p || b < a)
				return -1;
		}
		if (n >= a && n <= b)
			return 1;
		if (*x == '\0')
			return 0;
		if (*x != ',')
			return -1;
		p = x + 1;
	}
}

/* Before 5.0 the kind is not printed.  The trigger line's nodemask (4.9–4.19)
 * is the allocation's own (a mempolicy's; 4.9–4.10 a cpuset's mems as
 * well): mm/oom_kill.c constrained_alloc says CONSTRAINT_MEMORY_POLICY when
 * it leaves out a node with memory.  A list without node 0 (which holds
 * memory on every NUMA machine but a rare memoryless-node-0 one), or
 * without a node the zone lines show, is that (R300: nodemask=1). */
static bool nodemask_policy(const struct oom_event *ev)
{
	/* constrained_alloc: a __GFP_THISNODE request is CONSTRAINT_NONE */
	if (ev->constraint[0] || !ev->req.nodemask[0] || strstr(ev->req.gfp_text, "THISNODE"))
		return false;
	/* a task of the root cpuset is allowed every node with memory
	 * (kernel/cgroup/cpuset.c top_cpuset, printed by
	 * cpuset_print_current_mems_allowed): a mask equal to its
	 * mems_allowed leaves none out (R993: nodemask=7, mems_allowed=7, a
	 * ppc64 whose memory is all on node 7) */
	if (!strcmp(ev->cpuset, "/") && ev->mems_allowed[0] && !strcmp(ev->mems_allowed, ev->req.nodemask))
		return false;
	/* a zone line with memory on a node the mask leaves out says so; so
	 * does node 0 left out (nearly every machine's memory starts there) */
	for (int i = 0; i < ev->snap.nr_zones; i++) {
		const struct oom_zone *z = &ev->snap.zones[i];
		if (z->node >= 0 && known(z->present_kib) && z->present_kib > 0 &&
		    node_in_list(ev->req.nodemask, z->node) == 0)
			return true;
	}
	return node_in_list(ev->req.nodemask, 0) == 0;
}

/* "Out of memory and no killable processes..." as a warning, with no
 * panic after it in the report: 4.19+ print it for every OOM that finds no
 * victim and then panic ("System is deadlocked on memory") unless the OOM
 * is a memcg's or sysrq's (mm/oom_kill.c out_of_memory, 4.19+: "mm:
 * memcontrol: print proper OOM header when no eligible victim left");
 * before, the line was the global panic's own message and a memcg OOM
 * printed nothing.  A trigger line with order ≥ 0 is not sysrq's
 * (order=-1): the OOM was a memory cgroup's.  Without the trigger line (a
 * tail, a rate-limited report) sysrq is not excluded, and nothing is
 * inferred.  (The release: printed, or the report's shape's.) */
static bool nokill_without_panic(const struct pstate *st)
{
	const struct oom_event *ev = &st->ev;
	return ev->outcome == OOM_OUTCOME_NO_KILLABLE && !st->panicked && !ev->panic_on_oom && !ev->constraint[0] &&
	       !ev->sysrq_manual && !ev->header_missing && known(ev->req.order) && ev->req.order >= 0 &&
	       ev->kv.known && kver_cmp(&ev->kv, 4, 19, 0) >= 0;
}

static void finish_kind(struct pstate *st)
{
	struct oom_event *ev = &st->ev;
	ev->trace_global_path = st->trace_global_path && !st->trace_memcg;
	if (ev->kind == OOM_KIND_FRAGMENT)
		return;
	if (ev->kind == OOM_KIND_ALLOC_FAILURE) {
		ev->outcome = OOM_OUTCOME_NONE;
		return;
	}
	const char *c = ev->constraint;
	/* a global OOM's victim may sit in a memory.oom.group cgroup: the
	 * group its "Tasks in … are going to be killed" line names is no
	 * OOM memcg (R1946) */
	if (st->oom_memcg_from_group && !strcmp(c, "CONSTRAINT_NONE")) {
		ev->oom_memcg[0] = '\0';
		st->oom_memcg_from_group = false;
	}
	if (!strcmp(c, "CONSTRAINT_MEMCG"))
		ev->kind = OOM_KIND_MEMCG;
	else if (!strcmp(c, "CONSTRAINT_CPUSET"))
		ev->kind = OOM_KIND_CPUSET;
	else if (!strcmp(c, "CONSTRAINT_MEMORY_POLICY"))
		ev->kind = OOM_KIND_MEMPOLICY;
	else if (!strcmp(c, "CONSTRAINT_NONE") && st->memcg_on_constraint)
		/* oom_memcg= on the oom-kill line is printed only for a memcg's
		 * OOM (mm/oom_kill.c dump_oom_summary, 5.0+); an mm tree of 5.2
		 * printed NONE with it.  (The oom.group line names a memcg on a
		 * global OOM too: not taken.) */
		ev->kind = OOM_KIND_MEMCG;
	else if (!strcmp(c, "CONSTRAINT_NONE"))
		ev->kind = OOM_KIND_GLOBAL;
	else if (ev->snap.have_memcg || ev->oom_memcg[0] ||
		 !strcmp(ev->victim.message, "Memory cgroup out of memory") || st->trace_memcg ||
		 (st->trace_memcg_stale && !st->trace_global_path && !st->trace_oom_fn_last) || st->ub_container)
		ev->kind = OOM_KIND_MEMCG;
	else if (st->after_memcg_stat) {
		/* the report cut at its top inside the memcg's memory.stat dump
		 * (parse.c): only a memcg's OOM prints one */
		ev->kind = OOM_KIND_MEMCG;
		event_warn(ev, "kind: memcg, as a memory.stat dump ends right above the task table (printed only for a memcg's OOM)");
	}
	else if (known(ev->req.order) && ev->req.order == -1)
		ev->kind = OOM_KIND_SYSRQ;
	/* 2.6.16-2.6.3x out_of_memory named a constrained OOM only by the kill
	 * line's message (mm/oom_kill.c: constrained_alloc's
	 * CONSTRAINT_MEMORY_POLICY passes "No available memory (MPOL_BIND)",
	 * CONSTRAINT_CPUSET "No available memory in cpuset" to
	 * oom_kill_process): the message is the constraint, printed (R1096) */
	else if (!strncmp(ev->victim.message, "No available memory (MPOL_BIND)", 31)) {
		ev->kind = OOM_KIND_MEMPOLICY;
		str_copy(ev->constraint, sizeof(ev->constraint), "CONSTRAINT_MEMORY_POLICY", 24);
	} else if (!strncmp(ev->victim.message, "No available memory in cpuset", 29)) {
		ev->kind = OOM_KIND_CPUSET;
		str_copy(ev->constraint, sizeof(ev->constraint), "CONSTRAINT_CPUSET", 17);
	}
	else if (nodemask_policy(ev)) {
		/* 4.7–4.x pass a cpuset's own mems down as the mask when no policy
		 * gives one: the mask equal to the header's mems_allowed of a
		 * cpuset below the root is that cpuset's confinement (R432) */
		if (ev->cpuset[0] && strcmp(ev->cpuset, "/") != 0 && ev->mems_allowed[0] &&
		    strcmp(ev->mems_allowed, ev->req.nodemask) == 0) {
			ev->kind = OOM_KIND_CPUSET;
			event_warn(ev, "kind: cpuset, as the trigger's nodemask=%.40s is cpuset %.60s's mems_allowed and leaves out a node with memory",
				   ev->req.nodemask, ev->cpuset);
		} else {
			ev->kind = OOM_KIND_MEMPOLICY;
			event_warn(ev, "kind: mempolicy, as the trigger's nodemask=%.40s leaves out a node with memory", ev->req.nodemask);
		}
		ev->kind_inferred = true;
		ev->kind_hint = OOM_KIND_HINT_NODEMASK;
	} else if (ev->outcome == OOM_OUTCOME_NO_KILLABLE && st->nokill_lived) {
		/* no panic after "no killable processes" (4.19+ panics at once
		 * for a global OOM, parse.c nokill_next): a memcg's OOM */
		ev->kind = OOM_KIND_MEMCG;
		ev->kind_inferred = true;
		ev->kind_hint = OOM_KIND_HINT_NOKILL_LIVED;
		event_warn(ev, "kind inferred: memcg, as the machine lived on after \"no killable processes\" (a global OOM panics there)");
	} else if (nokill_without_panic(st)) {
		ev->kind = OOM_KIND_MEMCG;
		ev->kind_inferred = true;
		ev->kind_hint = OOM_KIND_HINT_NOKILL_NO_PANIC;
		event_warn(ev, "kind inferred: memcg, as \"no killable processes\" has no panic after it (a global OOM panics there, 4.19+)");
	} else
		ev->kind = OOM_KIND_GLOBAL;
	if (ev->kind == OOM_KIND_MEMCG) {
		struct oom_memcg *m = &ev->snap.memcg;
		ev->snap.have_memcg = true;
		if (ev->oom_memcg[0])
			str_copy(m->path, sizeof(m->path), ev->oom_memcg, strlen(ev->oom_memcg));
	}
}

/* A name masked by hand: only 'x', 'X', '*' or '#', at least three. */
static bool comm_masked(const char *c)
{
	size_t n = 0;
	for (; c[n]; n++)
		if (c[n] != 'x' && c[n] != 'X' && c[n] != '*' && c[n] != '#')
			return false;
	return n >= 3;
}

/* An ellipsis a paste put for the name: "...", "…" (U+2026), "[...]",
 * "[…]".  A task may be called so (prctl PR_SET_NAME takes any bytes) but
 * a paste's ellipsis is far likelier. */
static bool comm_elided(const char *c)
{
	static const char *const marks[] = { "...", "....", "\xe2\x80\xa6", "[...]", "[\xe2\x80\xa6]", "(...)" };
	for (size_t i = 0; i < ARRAY_SIZE(marks); i++)
		if (!strcmp(c, marks[i]))
			return true;
	return false;
}

/* A trigger printed "comm:pid" (parse.c trigger_comm_pid) that no
 * dump_stack line settled: a name of its own may hold ':' and digits (a
 * Ruby thread "crawler.rb:213", R405).  The split stands only when another
 * line of the report names the task by the part before ':' (R300's task
 * rows "oom02"); otherwise the printed name is kept whole. */
static void trigger_split_unconfirmed(struct pstate *st)
{
	struct oom_event *ev = &st->ev;
	if (!st->trig_comm_whole[0])
		return;
	const char *n = ev->req.trigger_comm;
	bool seen = !strcmp(ev->victim.comm, n) || !strcmp(ev->victim.selected_comm, n);
	for (size_t i = 0; i < ev->snap.nr_tasks && !seen; i++)
		seen = !strcmp(ev->snap.tasks[i].comm, n);
	if (!seen) {
		const char *c = strrchr(st->trig_comm_whole, ':');
		char *x;
		long pid = c ? strtol(c + 1, &x, 10) : -1;
		if (c && *x == '\0' && known(ev->req.trigger_pid) && ev->req.trigger_pid == pid)
			ev->req.trigger_pid = OOM_NA;
		str_copy(ev->req.trigger_comm, sizeof(ev->req.trigger_comm), st->trig_comm_whole,
			 strlen(st->trig_comm_whole));
	}
	st->trig_comm_whole[0] = '\0';
}

void pf_finish(struct pstate *st)
{
	struct oom_event *ev = &st->ev;
	trigger_split_unconfirmed(st);
	pt_finish(st);
	/* The oom-kill: line names the task chosen to die (mm/oom_kill.c
	 * dump_oom_summary, 5.0+, printed just before its kill): with the
	 * kill line cut or elided, it alone names the victim (R162). */
	/* So does the selection line ("Kill process N (x) score S or sacrifice
	 * child", ≤5.0) of a report cut before its kill line (R256): the task
	 * the kernel chose. */
	if (!ev->have_victim && (st->shape & SH_CONSTRAINT || st->have_selection) && known(ev->victim.selected_pid) &&
	    ev->victim.selected_comm[0]) {
		ev->have_victim = true;
		ev->victim.pid = ev->victim.selected_pid;
		str_copy(ev->victim.comm, sizeof(ev->victim.comm), ev->victim.selected_comm,
			 strlen(ev->victim.selected_comm));
	}
	if (ev->kernel[0] && kver_parse(ev->kernel, &ev->kv) != 0)
		event_warn(ev, "kernel release \"%.60s\" not understood", ev->kernel);
	/* the report printed by check_panic_on_oom, its panic line cut: the
	 * machine panicked (vm.panic_on_oom; 2 when the OOM was confined,
	 * which 1 would not panic for) */
	if (st->trace_check_panic && (ev->outcome == OOM_OUTCOME_UNKNOWN) && !st->have_kill) {
		ev->outcome = OOM_OUTCOME_PANIC;
		bool confined = (ev->constraint[0] && strcmp(ev->constraint, "CONSTRAINT_NONE") != 0) ||
				ev->kind == OOM_KIND_MEMCG || ev->kind == OOM_KIND_CPUSET || ev->kind == OOM_KIND_MEMPOLICY;
		if (!ev->panic_on_oom)
			ev->panic_on_oom = confined ? 2 : 1;
		event_warn(ev, "the stack runs through check_panic_on_oom: vm.panic_on_oom panicked (its panic line is not in the report)");
	}
	if (!ev->kv.known) {
		/* buddy counts with no migratetype letter anywhere: before 3.5 */
		bool counts = false, letters = false;
		for (int i = 0; i < ev->snap.nr_zones; i++) {
			const struct oom_zone *z = &ev->snap.zones[i];
			letters |= z->free_types_known;
			for (int o = 0; o < z->nr_orders && o < OOM_MAX_ORDERS; o++)
				counts |= z->free_blocks[o] > 0;
		}
		if (counts && !letters)
			st->shape |= SH_BUDDY_NO_TYPES;
		infer_kver(st);
	}
	pf_arch_from_release(ev);
	infer_arch_from_zones(st);
	/* Both lines print current->comm: a trigger name masked by hand
	 * ("xxxx", "***", R205) where the dump_stack line kept it is that one */
	if (comm_masked(ev->req.trigger_comm) && st->header_comm[0] && !comm_masked(st->header_comm) &&
	    (st->have_trigger || st->header_trigger))
		ev->req.trigger_comm[0] = '\0';
	/* a paste that elided the name ("... invoked oom-killer: …", R1041)
	 * says nothing of it: no name, unless the dump_stack line keeps one */
	if (comm_elided(ev->req.trigger_comm))
		ev->req.trigger_comm[0] = '\0';
	/* a Markdown fence glued to an unstamped trigger line
	 * ("```kswapd3 invoked oom-killer: …", R191 without its stamps):
	 * the fence is no part of the name the dump_stack line prints */
	size_t tl = strlen(ev->req.trigger_comm), hl = strlen(st->header_comm);
	if (hl && tl > hl && !strcmp(ev->req.trigger_comm + tl - hl, st->header_comm) &&
	    strspn(ev->req.trigger_comm, "`~") == tl - hl && tl - hl >= 3)
		ev->req.trigger_comm[0] = '\0';
	if (!ev->req.trigger_comm[0] && st->header_comm[0] && (st->have_trigger || st->header_trigger))
		str_copy(ev->req.trigger_comm, sizeof(ev->req.trigger_comm), st->header_comm,
			 strlen(st->header_comm));
	finish_numbers(st);
	finish_swap(st);
	finish_kind(st);
}
