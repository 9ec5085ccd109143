/* parse_finish.c — what the report parser works out once a report is
 * complete: the kernel version (printed, else dated by the report's shape),
 * the architecture, the page size, every page count converted to KiB, the
 * quantities that must be summed over nodes or zones, and the kind of OOM. */
#include <string.h>

#include "report/parse_int.h"


void pf_arch_from_release(struct oom_event *ev)
{
	static const struct { const char *needle, *arch; } map[] = {
		{ "x86_64", "x86_64" }, { "amd64", "x86_64" }, { "aarch64", "aarch64" },
		{ "arm64", "aarch64" }, { "i686", "i686" }, { "i586", "i586" }, { "i386", "i386" },
		{ "-686", "i686" }, { "-pae", "i686" }, { "ppc64le", "ppc64le" }, { "ppc64", "ppc64" },
		{ "s390x", "s390x" }, { "armv7", "armv7l" }, { "-armmp", "armv7l" }, { "mips", "mips" },
		{ "riscv64", "riscv64" }, { "loongarch64", "loongarch64" }, { "loongarch", "loongarch64" },
		{ "x86-32", "i686" }, { "x86_32", "i686" }, { "x86-64", "x86_64" },
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

/* x86 prints "Call Trace:"; of the arches that do, only x86_64 has a DMA32
 * zone and only 32-bit x86 a HighMem one (ppc64, s390: DMA/Normal). */
static void infer_arch_from_zones(struct pstate *st)
{
	struct oom_event *ev = &st->ev;
	if (ev->arch[0] || st->frame_not_x86)
		return;
	const char *a = NULL;
	bool highmem_zone = false, isa_dma = false, normal = false;
	for (int i = 0; i < ev->snap.nr_zones; i++) {
		const struct oom_zone *z = &ev->snap.zones[i];
		if (!strcmp(z->name, "HighMem")) {
			/* populated: before 2.6.19 every arch printed an empty HighMem zone */
			if ((known(z->present_kib) && z->present_kib > 0) || (known(z->free_kib) && z->free_kib > 0))
				highmem_zone = true;
			if (st->call_trace_upper && known(z->present_kib) && z->present_kib > 0)
				a = "i686";
		} else if (!strcmp(z->name, "DMA32") && !a && st->call_trace_upper) {
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
	if (!a && (highmem_zone || (known(ev->snap.mem.highmem_total_kib) && ev->snap.mem.highmem_total_kib > 0)) &&
	    isa_dma && normal)
		a = "i686";
	/* a PowerMac (Hardware name) with HighMem is a 32-bit one: ppc64 has none */
	if (!a && st->hw_powermac && (highmem_zone || (known(ev->snap.mem.highmem_total_kib) && ev->snap.mem.highmem_total_kib > 0)))
		a = "ppc";
	if (a)
		str_copy(ev->arch, sizeof(ev->arch), a, strlen(a));
}

/* A kernel era from the report's own shape (§1.1–§1.12), for reports that
 * print no release string (2.6.18, cut headers, rate-limited kill lines). */
static void infer_kver(struct pstate *st)
{
	unsigned f = st->shape;
	int maj = 0, min = 0, rhel = 0;
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
	/* Victim facts the kill line of older eras lacks, from its table row. */
	if (ev->have_victim && known(ev->victim.pid)) {
		for (size_t i = 0; i < snap->nr_tasks; i++) {
			const struct oom_task *t = &snap->tasks[i];
			if (t->pid != ev->victim.pid)
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
	/* No row for it (the table cut or not printed, R407): the victim is
	 * the trigger itself when the CPU line's pid is the kill line's, and
	 * oom_score_adj belongs to the whole process (signal_struct), so the
	 * trigger line's value is the victim's. */
	if (ev->have_victim && known(ev->victim.pid) && !known(ev->victim.oom_score_adj) &&
	    known(ev->req.trigger_pid) && ev->req.trigger_pid == ev->victim.pid &&
	    known(ev->req.trigger_oom_score_adj))
		ev->victim.oom_score_adj = ev->req.trigger_oom_score_adj;
}

static void finish_kind(struct pstate *st)
{
	struct oom_event *ev = &st->ev;
	if (ev->kind == OOM_KIND_FRAGMENT)
		return;
	if (ev->kind == OOM_KIND_ALLOC_FAILURE) {
		ev->outcome = OOM_OUTCOME_NONE;
		return;
	}
	const char *c = ev->constraint;
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
		 (st->trace_memcg_stale && !st->trace_global_path))
		ev->kind = OOM_KIND_MEMCG;
	else if (known(ev->req.order) && ev->req.order == -1)
		ev->kind = OOM_KIND_SYSRQ;
	else if (!strncmp(ev->victim.message, "No available memory (MPOL_BIND)", 31))
		ev->kind = OOM_KIND_MEMPOLICY;
	else if (!strncmp(ev->victim.message, "No available memory in cpuset", 29))
		ev->kind = OOM_KIND_CPUSET;
	else
		ev->kind = OOM_KIND_GLOBAL;
	if (ev->kind == OOM_KIND_MEMCG) {
		struct oom_memcg *m = &ev->snap.memcg;
		ev->snap.have_memcg = true;
		if (ev->oom_memcg[0])
			str_copy(m->path, sizeof(m->path), ev->oom_memcg, strlen(ev->oom_memcg));
	}
}

void pf_finish(struct pstate *st)
{
	struct oom_event *ev = &st->ev;
	/* The oom-kill: line names the task chosen to die (mm/oom_kill.c
	 * dump_oom_summary, 5.0+, printed just before its kill): with the
	 * kill line cut or elided, it alone names the victim (R162). */
	if (!ev->have_victim && (st->shape & SH_CONSTRAINT || st->have_selection) && known(ev->victim.selected_pid) &&
	    ev->victim.selected_comm[0]) {
		ev->have_victim = true;
		ev->victim.pid = ev->victim.selected_pid;
		str_copy(ev->victim.comm, sizeof(ev->victim.comm), ev->victim.selected_comm,
			 strlen(ev->victim.selected_comm));
	}
	if (ev->kernel[0] && kver_parse(ev->kernel, &ev->kv) != 0)
		event_warn(ev, "kernel release \"%.60s\" not understood", ev->kernel);
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
	if (!ev->req.trigger_comm[0] && st->header_comm[0] && (st->have_trigger || st->header_trigger))
		str_copy(ev->req.trigger_comm, sizeof(ev->req.trigger_comm), st->header_comm,
			 strlen(st->header_comm));
	finish_numbers(st);
	finish_kind(st);
}
