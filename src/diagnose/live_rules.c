/* live_rules.c — the risk audit of a running machine (oomkit status): one
 * rule per risk, each yielding a finding with a stable id, the numbers that
 * prove it and advice.  Thresholds that are judgement, not kernel constants,
 * say so.  Kernel facts cite shared/reference/kernel-oom.md (§N). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diagnose/live_rules.h"
#include "model/kernel.h"

static int64_t kib_or0(int64_t v)
{
	return known(v) ? v : 0;
}

static const char *sz(char *dst, size_t len, int64_t kib)
{
	return fmt_kib(dst, len, kib);
}

static bool is_lowmem_zone(const char *name)
{
	return !strcmp(name, "DMA") || !strcmp(name, "DMA32") || !strcmp(name, "Normal");
}

void live_facts_compute(const struct oom_snapshot *s, const struct oom_system *vm, struct live_facts *f)
{
	memset(f, 0, sizeof(*f));
	int64_t psz = known(s->page_size_kib) && s->page_size_kib > 0 ? s->page_size_kib : 4;
	f->page_size_kib = psz;
	const struct oom_mem *m = &s->mem;
	f->slab_kib = known(m->slab_reclaimable_kib) && known(m->slab_unreclaimable_kib)
		      ? m->slab_reclaimable_kib + m->slab_unreclaimable_kib : m->slab_kib;
	f->commit_limit_formula_kib = f->commit_headroom_kib = f->mode0_max_request_kib = OOM_NA;
	f->totalreserve_kib = f->min_free_default_kib = f->min_free_thp_kib = OOM_NA;
	f->lowmem_managed_kib = f->highmem_managed_kib = OOM_NA;

	/* Overcommit (§4). */
	int64_t swap = kib_or0(m->swap_total_kib);
	if (known(m->total_kib) && known(vm->overcommit_ratio))
		f->commit_limit_formula_kib = commit_limit_kib(m->total_kib, kib_or0(m->hugetlb_kib), swap,
							       vm->overcommit_ratio, kib_or0(vm->overcommit_kbytes));
	int64_t limit = known(m->commit_limit_kib) ? m->commit_limit_kib : f->commit_limit_formula_kib;
	if (known(limit) && known(m->committed_as_kib))
		f->commit_headroom_kib = limit - m->committed_as_kib;
	if (known(m->total_kib)) {
		static const int64_t ratios[] = { 50, 80, 100 };
		f->nr_whatif = 0;
		if (known(vm->overcommit_ratio) && vm->overcommit_ratio != 50 && vm->overcommit_ratio != 80 &&
		    vm->overcommit_ratio != 100) {
			f->whatif_ratio[f->nr_whatif] = vm->overcommit_ratio;
			f->whatif_limit_kib[f->nr_whatif++] =
				commit_limit_kib(m->total_kib, kib_or0(m->hugetlb_kib), swap, vm->overcommit_ratio, 0);
		}
		for (size_t i = 0; i < ARRAY_SIZE(ratios); i++) {
			f->whatif_ratio[f->nr_whatif] = ratios[i];
			f->whatif_limit_kib[f->nr_whatif++] =
				commit_limit_kib(m->total_kib, kib_or0(m->hugetlb_kib), swap, ratios[i], 0);
		}
	}

	/* Zones (§5, §6). */
	int64_t lowmem = 0, highmem = 0;
	int populated_low = 0;
	f->nr_zones = s->nr_zones;
	for (int i = 0; i < s->nr_zones; i++) {
		const struct oom_zone *z = &s->zones[i];
		struct live_zone_facts *zf = &f->zones[i];
		zf->zone_idx = zone_index_in(s, z->name);
		zf->usable = known(z->managed_kib) ? z->managed_kib > 0 : (known(z->present_kib) && z->present_kib > 0);
		zf->largest_free_order = zone_largest_free_order(z);
		zf->orders_known = z->nr_orders > 0 && known(z->min_kib) && known(z->free_kib);
		for (int o = 0; o < LIVE_MAX_ORDER_CHECK; o++) {
			zf->order_ok[o] = zf->orders_known && o < z->nr_orders &&
					  zone_watermark_ok(z, o, z->min_kib, zf->zone_idx < 0 ? 0 : zf->zone_idx, 0,
							    psz, &vm->kv);
			zf->unusable_index[o] = z->nr_orders > 0 ? zone_unusable_index(z, o) : 0;
			zf->frag_index[o] = z->nr_orders > 0 ? zone_frag_index(z, o) : 0;
		}
		if (known(z->managed_kib)) {
			if (is_lowmem_zone(z->name)) {
				lowmem += z->managed_kib;
				if (z->managed_kib > 0)
					populated_low++;
			} else if (!strcmp(z->name, "HighMem")) {
				highmem += z->managed_kib;
			}
		}
		if (!strcmp(z->name, "HighMem"))
			f->bits32 = true;
	}
	static const char *const arch32[] = { "i386", "i486", "i586", "i686", "armv7l", "armv6l", "mips", "ppc" };
	for (size_t i = 0; i < ARRAY_SIZE(arch32); i++)
		if (!strcmp(vm->arch, arch32[i]))
			f->bits32 = true;
	f->totalreserve_kib = totalreserve_kib(s);
	if (s->nr_zones > 0) {
		f->lowmem_managed_kib = lowmem;
		f->highmem_managed_kib = highmem;
		/* lowmem taken at boot (watermarks still 0, so all managed pages) */
		f->min_free_default_kib = min_free_kbytes_default(lowmem, &vm->kv);
		if (vm->thp_enabled[0] && strcmp(vm->thp_enabled, "never") != 0)
			f->min_free_thp_kib = min_free_kbytes_thp(psz, populated_low, m->total_kib);
	}

	/* Mode 0's heuristic now (§4.1), by the model's mirror of
	 * __vm_enough_memory for this era, as a non-root caller sees it. */
	if (kver_cmp(&vm->kv, 5, 2, 0) >= 0)
		f->mode0_rule = "refuses only a single request larger than RAM + swap (5.2+)";
	else if (kver_cmp(&vm->kv, 3, 10, 0) >= 0)
		f->mode0_rule = "refuses a request larger than free + page cache − shmem + free swap + "
				"reclaimable slab − reserves (3.10–5.1)";
	else
		f->mode0_rule = "refuses a request larger than page cache + free swap + reclaimable slab + "
				"free − reserves, less 3 % for non-root (≤3.9)";
	f->mode0_max_request_kib = overcommit_heuristic_limit_kib(s, kib_or0(vm->admin_reserve_kbytes), false,
								  &vm->kv);
}

/* ---- rules ---------------------------------------------------------- */

static void rule_memory_low(const struct oom_snapshot *s, struct findings *out)
{
	const struct oom_mem *m = &s->mem;
	if (!known(m->total_kib) || m->total_kib <= 0 || !known(m->available_kib))
		return;
	int64_t pct10 = m->available_kib * 1000 / m->total_kib;   /* tenths of a percent */
	/* 10 % / 5 %: judgement (earlyoom's defaults are 10 % and 5 %), not kernel constants. */
	if (pct10 >= 100)
		return;
	char a[32], b[32], c[32], d[32];
	bool crit = pct10 < 50;
	struct finding *x = findings_add(out, "memory-low", crit ? SEV_CRITICAL : SEV_WARNING, crit ? 95 : 75,
					 "Only %lld.%lld %% of memory is available (%s of %s): the OOM killer is close.",
					 (long long)(pct10 / 10), (long long)(pct10 % 10),
					 sz(a, sizeof(a), m->available_kib), sz(b, sizeof(b), m->total_kib));
	if (!x)
		return;
	finding_evidence(x, "MemAvailable %s, MemTotal %s, MemFree %s", sz(a, sizeof(a), m->available_kib),
			 sz(b, sizeof(b), m->total_kib), sz(c, sizeof(c), m->free_kib));
	finding_evidence(x, "anon %s, file %s, shmem %s", sz(a, sizeof(a), m->anon_kib),
			 sz(b, sizeof(b), m->file_kib), sz(c, sizeof(c), m->shmem_kib));
	finding_evidence(x, "swap free %s of %s", sz(c, sizeof(c), kib_or0(m->swap_free_kib)),
			 sz(d, sizeof(d), kib_or0(m->swap_total_kib)));
	finding_advice(x, "See who would be killed first: oomkit top.");
	finding_advice(x, "Free or limit the largest consumers (memory cgroup limits: memory.max / MemoryMax=), or add RAM or swap.");
}

static void rule_overcommit(const struct oom_snapshot *s, const struct oom_system *vm, const struct live_facts *f,
			    struct findings *out)
{
	const struct oom_mem *m = &s->mem;
	char a[32], b[32], c[32];
	if (vm->overcommit_memory == 1 && known(m->swap_total_kib) && m->swap_total_kib == 0) {
		bool low = known(m->available_kib) && known(m->total_kib) && m->total_kib > 0 &&
			   m->available_kib * 10 < m->total_kib;
		struct finding *x = findings_add(out, "overcommit-always-no-swap", low ? SEV_CRITICAL : SEV_WARNING,
						 low ? 90 : 60,
						 "vm.overcommit_memory=1 with no swap: every allocation succeeds until memory runs out, "
						 "then the OOM killer is the only way out.");
		if (x) {
			finding_evidence(x, "overcommit_memory 1 (always), SwapTotal 0");
			finding_evidence(x, "Committed_AS %s against MemTotal %s", sz(a, sizeof(a), m->committed_as_kib),
					 sz(b, sizeof(b), m->total_kib));
			if (known(m->available_kib))
				finding_evidence(x, "MemAvailable %s", sz(c, sizeof(c), m->available_kib));
			finding_advice(x, "Use mode 0 (the default heuristic) unless a program needs mode 1 (e.g. Redis fork, sparse arrays): sysctl vm.overcommit_memory=0.");
			finding_advice(x, "If mode 1 is needed, add some swap (or zram) so pressure builds up before the OOM killer fires, and protect key services with oomkit adj.");
		}
	}
	if (vm->overcommit_memory == 2) {
		int64_t limit = known(m->commit_limit_kib) ? m->commit_limit_kib : f->commit_limit_formula_kib;
		if (known(limit) && limit > 0 && known(m->committed_as_kib)) {
			int64_t pct = m->committed_as_kib * 100 / limit;
			if (pct >= 90) {
				struct finding *x = findings_add(out, "commit-near-limit", pct >= 100 ? SEV_CRITICAL : SEV_WARNING,
								 pct >= 100 ? 92 : 70,
								 "Committed memory is at %lld %% of CommitLimit: with overcommit_memory=2 new "
								 "allocations (malloc, fork) fail with ENOMEM.", (long long)pct);
				if (x) {
					finding_evidence(x, "Committed_AS %s, CommitLimit %s (ratio %lld, swap %s)",
							 sz(a, sizeof(a), m->committed_as_kib), sz(b, sizeof(b), limit),
							 (long long)vm->overcommit_ratio, sz(c, sizeof(c), kib_or0(m->swap_total_kib)));
					for (int i = 0; i < f->nr_whatif; i++)
						if (f->whatif_ratio[i] > vm->overcommit_ratio) {
							finding_advice(x, "overcommit_ratio %lld would give a CommitLimit of %s.",
								       (long long)f->whatif_ratio[i], sz(a, sizeof(a), f->whatif_limit_kib[i]));
							break;
						}
					finding_advice(x, "Raise vm.overcommit_ratio (or set vm.overcommit_kbytes), add swap, or find the process that reserves memory it does not use (Committed_AS counts reservations).");
				}
			}
		}
		if (known(m->total_kib) && known(limit) && m->total_kib > 0 && limit * 100 < m->total_kib * 70) {
			struct finding *x = findings_add(out, "overcommit-never-small-limit", SEV_INFO, 30,
							 "overcommit_memory=2 caps committed memory at %s, %lld %% of RAM: "
							 "allocations fail with ENOMEM while RAM is still free.",
							 sz(a, sizeof(a), limit), (long long)(limit * 100 / m->total_kib));
			if (x) {
				finding_evidence(x, "CommitLimit = (MemTotal − hugetlb) × %lld %% + swap = %s",
						 (long long)vm->overcommit_ratio, sz(a, sizeof(a), limit));
				for (int i = 0; i < f->nr_whatif; i++)
					finding_evidence(x, "ratio %lld → CommitLimit %s", (long long)f->whatif_ratio[i],
							 sz(a, sizeof(a), f->whatif_limit_kib[i]));
				finding_advice(x, "Choose vm.overcommit_ratio so that CommitLimit covers the workload's Committed_AS with margin.");
			}
		}
	}
}

static void rule_zones(const struct oom_snapshot *s, const struct oom_system *vm, const struct live_facts *f,
		       struct findings *out)
{
	(void)vm;
	char a[32], b[32], c[32];
	struct finding *frag = NULL;
	for (int i = 0; i < s->nr_zones; i++) {
		const struct oom_zone *z = &s->zones[i];
		const struct live_zone_facts *zf = &f->zones[i];
		if (!zf->usable || !zf->orders_known || !strcmp(z->name, "DMA"))
			continue;
		/* Fragmented: order 0 passes with memory well above the high
		 * watermark, yet an order the OOM killer serves (1..3, §6.3;
		 * order 2 = kernel stacks, fork) fails the watermark check. */
		if (!zf->order_ok[0] || !known(z->high_kib) || z->free_kib <= z->high_kib * 2)
			continue;
		int fail = -1;
		for (int o = 1; o <= 3; o++)
			if (!zf->order_ok[o]) {
				fail = o;
				break;
			}
		if (fail < 0)
			continue;
		if (!frag)
			frag = findings_add(out, "fragmented", fail <= 2 ? SEV_CRITICAL : SEV_WARNING, fail <= 2 ? 85 : 65,
					    "Memory is free but fragmented: order-%d requests (%s) would fail the watermark "
					    "check in node %d %s, which can trigger the OOM killer with free memory.",
					    fail, fail == 2 ? "16 KiB, e.g. kernel stacks at fork" : fail == 1 ? "8 KiB" : "32 KiB",
					    z->node, z->name);
		if (!frag)
			return;
		finding_evidence(frag, "node %d %s: free %s (high %s), largest free block order %d, unusable-index(order %d) %d.%03d",
				 z->node, z->name, sz(a, sizeof(a), z->free_kib), sz(b, sizeof(b), z->high_kib),
				 zf->largest_free_order, fail, zf->unusable_index[fail] / 1000, zf->unusable_index[fail] % 1000);
		(void)c;
	}
	if (frag) {
		finding_advice(frag, "Compact now: echo 1 > /proc/sys/vm/compact_memory; keep vm.compaction_proactiveness (5.9+) at its default 20 or higher.");
		finding_advice(frag, "Raise vm.min_free_kbytes moderately so kswapd keeps more contiguous memory free; find who fragments (many short-lived page cache users, unmovable slab).");
	}

	/* 32-bit lowmem (§5.5): Normal near its min while HighMem has room. */
	const struct oom_zone *normal = NULL, *high = NULL;
	for (int i = 0; i < s->nr_zones; i++) {
		if (!strcmp(s->zones[i].name, "Normal") && !normal)
			normal = &s->zones[i];
		if (!strcmp(s->zones[i].name, "HighMem") && !high)
			high = &s->zones[i];
	}
	if (normal && high && known(normal->free_kib) && known(normal->low_kib) && known(high->free_kib) &&
	    known(high->high_kib) && normal->free_kib <= normal->low_kib && high->free_kib > high->high_kib) {
		bool crit = known(normal->min_kib) && normal->free_kib <= normal->min_kib;
		struct finding *x = findings_add(out, "lowmem-pressure", crit ? SEV_CRITICAL : SEV_WARNING, crit ? 93 : 72,
						 "Lowmem is exhausted while HighMem is free: kernel allocations (slab, page tables, "
						 "stacks) can only use the Normal zone on a 32-bit kernel.");
		if (x) {
			finding_evidence(x, "Normal: free %s, min %s, low %s", sz(a, sizeof(a), normal->free_kib),
					 sz(b, sizeof(b), normal->min_kib), sz(c, sizeof(c), normal->low_kib));
			finding_evidence(x, "HighMem: free %s (high watermark %s)", sz(a, sizeof(a), high->free_kib),
					 sz(b, sizeof(b), high->high_kib));
			if (known(s->mem.slab_reclaimable_kib) && known(s->mem.slab_unreclaimable_kib))
				finding_evidence(x, "slab %s (unreclaimable %s)",
						 sz(a, sizeof(a), s->mem.slab_reclaimable_kib + s->mem.slab_unreclaimable_kib),
						 sz(b, sizeof(b), s->mem.slab_unreclaimable_kib));
			finding_advice(x, "Run a 64-bit kernel: lowmem is ~896 MiB on 32-bit x86 whatever the RAM.");
			finding_advice(x, "Meanwhile reduce lowmem consumers: dentry/inode caches (vm.vfs_cache_pressure), many processes' page tables (CONFIG_HIGHPTE), network buffers.");
		}
	}
	if (f->bits32 && known(s->mem.total_kib) && s->mem.total_kib > 16 * 1024 * 1024) {
		struct finding *x = findings_add(out, "32bit-large-ram", SEV_WARNING, 55,
						 "A 32-bit kernel with %s of RAM: struct page for all of it lives in ~896 MiB of lowmem.",
						 sz(a, sizeof(a), s->mem.total_kib));
		if (x) {
			finding_evidence(x, "HighMem zone present, MemTotal %s", sz(a, sizeof(a), s->mem.total_kib));
			finding_advice(x, "Run a 64-bit kernel; above 16 GiB a 32-bit PAE kernel loses most of lowmem to its own bookkeeping.");
		}
	}
}

static void rule_slab(const struct oom_snapshot *s, const struct live_facts *f, struct findings *out)
{
	const struct oom_mem *m = &s->mem;
	if (!known(f->slab_kib) || !known(m->total_kib) || m->total_kib <= 0)
		return;
	int64_t pct = (f->slab_kib * 100 + m->total_kib / 2) / m->total_kib;   /* rounded */
	/* 25 %: judgement; slab on a healthy box is a few percent of RAM. */
	if (pct < 25)
		return;
	char a[32], b[32], c[32];
	bool unrec_heavy = known(m->slab_unreclaimable_kib) && m->slab_unreclaimable_kib * 100 / m->total_kib >= 20;
	struct finding *x = findings_add(out, "slab-heavy", unrec_heavy ? SEV_CRITICAL : SEV_WARNING,
					 unrec_heavy ? 80 : 62,
					 "Kernel slab holds %lld %% of RAM (%s)%s.", (long long)pct, sz(a, sizeof(a), f->slab_kib),
					 unrec_heavy ? ", most of it unreclaimable: a kernel-side leak is likely" : "");
	if (!x)
		return;
	finding_evidence(x, "SReclaimable %s, SUnreclaim %s, MemTotal %s", sz(a, sizeof(a), m->slab_reclaimable_kib),
			 sz(b, sizeof(b), m->slab_unreclaimable_kib), sz(c, sizeof(c), m->total_kib));
	for (int i = 0; i < s->nr_slabs && i < 3; i++)
		finding_evidence(x, "slab cache %.48s: %s", s->slabs[i].name, sz(a, sizeof(a), s->slabs[i].total_kib));
	if (s->nr_slabs == 0)
		finding_evidence(x, "/proc/slabinfo not readable (run as root to see the largest caches)");
	finding_advice(x, "Find the growing cache (slabtop, /proc/slabinfo); dentry/inode caches shrink under pressure, unreclaimable caches (kmalloc-*, driver caches) point to a leak.");
	finding_advice(x, "A kernel update often fixes slab leaks; echo 2 > /proc/sys/vm/drop_caches frees reclaimable slab now.");
}

static void rule_psi(const struct oom_system *vm, struct findings *out)
{
	if (!vm->psi_known)
		return;
	const struct oom_pressure *p = &vm->psi;
	/* 10 % some / 5 % full over 10 s: judgement (fact sheet §7.1: full
	 * avg10 above ~10–20 % is thrashing), not kernel constants. */
	bool crit = p->full.known && p->full.avg10 >= 20;
	bool warn = crit || (p->some.known && p->some.avg10 >= 10) || (p->full.known && p->full.avg10 >= 5);
	if (!warn)
		return;
	struct finding *x = findings_add(out, "pressure-high", crit ? SEV_CRITICAL : SEV_WARNING, crit ? 88 : 68,
					 "Tasks are stalling on memory (PSI some %.2f %%, full %.2f %% over 10 s): the machine "
					 "is reclaiming or thrashing.", p->some.avg10, p->full.known ? p->full.avg10 : 0.0);
	if (!x)
		return;
	finding_evidence(x, "/proc/pressure/memory some avg10=%.2f avg60=%.2f avg300=%.2f", p->some.avg10,
			 p->some.avg60, p->some.avg300);
	if (p->full.known)
		finding_evidence(x, "full avg10=%.2f avg60=%.2f avg300=%.2f", p->full.avg10, p->full.avg60,
				 p->full.avg300);
	finding_advice(x, "Find the growing process (oomkit top) before the OOM killer does; oomkit guard can act on PSI.");
}

static void rule_history(const struct oom_system *vm, const struct oom_history *h, struct findings *out)
{
	if (!known(vm->oom_kill_count) || vm->oom_kill_count <= 0)
		return;
	struct finding *x = findings_add(out, "oom-kills-recent", SEV_WARNING, 78,
					 "The kernel's OOM killer has killed %lld process%s since boot.",
					 (long long)vm->oom_kill_count, vm->oom_kill_count == 1 ? "" : "es");
	if (!x)
		return;
	finding_evidence(x, "/proc/vmstat oom_kill %lld", (long long)vm->oom_kill_count);
	if (h && h->have_last) {
		finding_evidence(x, "last report%s%s: %s OOM, killed %s (%lld)", h->last_time[0] ? " at " : "",
				 h->last_time, h->last_kind[0] ? h->last_kind : "an", h->last_victim[0] ? h->last_victim : "?",
				 (long long)h->last_victim_pid);
		if (h->last_cause_id[0])
			finding_evidence(x, "likely cause: %s — %.160s", h->last_cause_id, h->last_cause);
	} else if (h && !h->log_read) {
		finding_evidence(x, "the kernel log could not be read (%s)", h->log_error[0] ? h->log_error : "unknown");
	} else if (h) {
		finding_evidence(x, "no OOM report left in the kernel log ring (rotated out)");
	}
	finding_advice(x, "Read what happened and why: oomkit explain (with no file it reads the kernel log).");
	finding_advice(x, "Memory cgroup kills count too; check memory.events (v2) / memory.oom_control (v1) of your services.");
}

static void rule_settings(const struct oom_snapshot *s, const struct oom_system *vm, const struct live_facts *f,
			  struct findings *out)
{
	char a[32], b[32];
	if (known(vm->panic_on_oom) && vm->panic_on_oom > 0) {
		struct finding *x = findings_add(out, "panic-on-oom", vm->panic_on_oom == 2 ? SEV_CRITICAL : SEV_WARNING,
						 vm->panic_on_oom == 2 ? 84 : 66,
						 "vm.panic_on_oom=%lld: an OOM panics the whole machine instead of killing one process%s.",
						 (long long)vm->panic_on_oom,
						 vm->panic_on_oom == 2 ? ", even inside a memory cgroup" : " (system-wide OOMs; cgroup OOMs still kill)");
		if (x) {
			finding_evidence(x, "/proc/sys/vm/panic_on_oom %lld", (long long)vm->panic_on_oom);
			finding_advice(x, "Keep it only for clusters that fail over on panic (with kernel.panic set to reboot); otherwise sysctl vm.panic_on_oom=0.");
		}
	}
	if (known(vm->oom_kill_allocating_task) && vm->oom_kill_allocating_task > 0) {
		struct finding *x = findings_add(out, "oom-kill-allocating-task", SEV_WARNING, 58,
						 "vm.oom_kill_allocating_task=1: the OOM killer kills whichever process asked for memory "
						 "last, not the one using the most.");
		if (x) {
			finding_evidence(x, "/proc/sys/vm/oom_kill_allocating_task 1");
			finding_advice(x, "sysctl vm.oom_kill_allocating_task=0 (the scan costs little on modern kernels).");
		}
	}
	if (known(vm->oom_dump_tasks) && vm->oom_dump_tasks == 0) {
		struct finding *x = findings_add(out, "oom-dump-tasks-off", SEV_INFO, 20,
						 "vm.oom_dump_tasks=0: OOM reports will lack the task table, so the victim choice "
						 "cannot be checked afterwards.");
		if (x) {
			finding_evidence(x, "/proc/sys/vm/oom_dump_tasks 0");
			finding_advice(x, "sysctl vm.oom_dump_tasks=1 (the default since 2.6.36).");
		}
	}
	if (known(vm->min_free_kbytes) && known(f->min_free_default_kib)) {
		int64_t expect = f->min_free_default_kib;
		if (known(f->min_free_thp_kib) && f->min_free_thp_kib > expect)
			expect = f->min_free_thp_kib;
		/* ×4 / ÷4 and 5 % of RAM: judgement. */
		bool big = vm->min_free_kbytes > expect * 4 ||
			   (known(s->mem.total_kib) && vm->min_free_kbytes > s->mem.total_kib / 20 && vm->min_free_kbytes > expect);
		bool small = vm->min_free_kbytes * 4 < f->min_free_default_kib;
		if (big || small) {
			struct finding *x = findings_add(out, "min-free-kbytes-unusual", SEV_WARNING, 45,
							 "vm.min_free_kbytes=%lld is %s the kernel's own value (~%lld): %s.",
							 (long long)vm->min_free_kbytes, big ? "far above" : "far below", (long long)expect,
							 big ? "that much RAM is kept free, reclaim starts early and allocations hit the "
							       "min watermark sooner"
							     : "atomic allocations (network, interrupts) may fail and kswapd wakes late");
			if (x) {
				finding_evidence(x, "min_free_kbytes %lld; default int_sqrt(lowmem kB × 16) = %lld%s",
						 (long long)vm->min_free_kbytes, (long long)f->min_free_default_kib,
						 known(f->min_free_thp_kib) ? ", THP recommends" : "");
				if (known(f->min_free_thp_kib))
					finding_evidence(x, "khugepaged recommendation %s", sz(a, sizeof(a), f->min_free_thp_kib));
				finding_advice(x, "Return to the default unless measured otherwise: remove the sysctl setting and reboot, or set vm.min_free_kbytes=%lld.",
					       (long long)expect);
			}
		}
	}
	if (known(vm->admin_reserve_kbytes) && vm->admin_reserve_kbytes == 0 && vm->overcommit_memory == 2) {
		struct finding *x = findings_add(out, "admin-reserve-zero", SEV_INFO, 22,
						 "vm.admin_reserve_kbytes=0 with overcommit_memory=2: root has no reserve to log in "
						 "and recover when commit runs out.");
		if (x) {
			finding_evidence(x, "/proc/sys/vm/admin_reserve_kbytes 0");
			finding_advice(x, "Set vm.admin_reserve_kbytes=8192 (the default).");
		}
	}
	/* Kernel versions with known OOM behaviours (§8). */
	const struct kver *kv = &vm->kv;
	if (kv->known) {
		const char *what = NULL, *fix = NULL;
		enum severity sev = SEV_WARNING;
		if (kv->major == 4 && kv->minor == 7) {
			what = "4.7 kills prematurely on order-2 requests (kernel stacks) when memory is fragmented: "
			       "the new OOM detection gave up on compaction too early";
			fix = "Update to 4.9 or later (4.8 carries a workaround).";
		} else if (kv->major == 4 && kv->minor == 8) {
			what = "4.8 only works around the 4.7 premature-OOM regression (retries every non-costly order)";
			fix = "Update to 4.9 or later.";
			sev = SEV_INFO;
		} else if (kver_cmp(kv, 4, 6, 0) < 0 && kver_cmp(kv, 2, 6, 36) >= 0) {
			what = "kernels before 4.6 have no oom_reaper: a victim stuck in the kernel can keep the machine "
			       "in OOM without further kills";
			fix = "Update to a 4.6+ kernel (or a distribution kernel with the reaper backported).";
			sev = SEV_INFO;
		} else if (kver_cmp(kv, 2, 6, 36) < 0) {
			what = "kernels before 2.6.36 pick victims by virtual size (total_vm), so large reservations die first";
			fix = "Update the kernel; oom_adj is a bit shift here, not oom_score_adj.";
		}
		if (what) {
			struct finding *x = findings_add(out, "kernel-oom-regression", sev, sev == SEV_WARNING ? 50 : 25,
							 "Kernel %s: %s.", vm->kernel_release, what);
			if (x) {
				finding_evidence(x, "/proc/sys/kernel/osrelease %s", vm->kernel_release);
				finding_advice(x, "%s", fix);
			}
		}
	}
	(void)b;
}

void diagnose_live(const struct oom_snapshot *s, const struct oom_system *vm, const struct oom_history *h,
		   struct findings *out)
{
	struct live_facts *f = calloc(1, sizeof(*f));
	if (!f)
		return;
	live_facts_compute(s, vm, f);
	rule_memory_low(s, out);
	rule_overcommit(s, vm, f, out);
	rule_zones(s, vm, f, out);
	rule_slab(s, f, out);
	rule_psi(vm, out);
	rule_history(vm, h, out);
	rule_settings(s, vm, f, out);
	findings_sort(out);
	free(f);
}
