/* event_rules.c — the causes of one OOM event, most likely first.
 *
 * Ordering: the cause that names what used the memory, where that
 * is clear (shmem/tmpfs, slab, huge pages, memory no counter accounts for),
 * comes ahead of the limit that was reached (memcg limit, lowmem), and a
 * cpuset or mempolicy constraint ahead of plain exhaustion.  Weights encode
 * that order:
 *   100        manual sysrq (nothing ran out: everything else is context)
 *   99         lowmem exhausted while HighMem was free (32-bit): its summary
 *              names what filled lowmem (slab, page tables, stacks), so it
 *              is the "what used the memory" cause of such machines
 *   80…97      what used the memory (by its share: the bigger, the earlier)
 *   76         fragmentation (a high-order block was missing)
 *   74         cpuset / mempolicy constraint
 *   72         atomic reserves exhausted (page allocation failure)
 *   70         memory cgroup limit
 *   66         an allocation stalled in reclaim (4.9-4.14 stall warning)
 *   60         genuine exhaustion (RAM, and swap full or absent)
 *   50         unknown
 *   ≤10        consequences worth knowing (panic_on_oom, nothing killable)
 *
 * Every number quoted comes from the report or from arithmetic on it
 * (event_analysis.c); a rule whose numbers are missing does not fire. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "diagnose/analysis.h"
#include "diagnose/diagnose.h"
#include "model/kernel.h"
#include "util/util.h"

/* A consumer holding 30 % or more of the memory in scope is named as the
 * cause.  Why 30 %: on the reports we read, page cache and anonymous memory
 * of the workload normally take most of RAM and no kernel-side consumer
 * (slab, shmem, huge pages) exceeds 10–15 %; a single consumer with a third
 * of memory is both abnormal and, had it not grown, enough to have avoided
 * the OOM in almost every report.  Below it, it is mentioned as evidence
 * only. */
#define CONSUMER_SHARE_PCT 30
/* Unaccounted memory: the report's counters cover the LRU lists, slab, page
 * tables, stacks and huge pages; what they miss (vmalloc, percpu, driver
 * pages, the kernel image) is a few percent on a healthy machine.  30 % and
 * at least 256 MiB (64 MiB in a cgroup) outside every counter points at a
 * driver allocating pages directly, a balloon, or a leak. */
#define UNACCOUNTED_SHARE_PCT 30
#define UNACCOUNTED_MIN_KIB (256 * 1024)
#define UNACCOUNTED_MIN_MEMCG_KIB (64 * 1024)
/* HighMem free that makes a lowmem OOM "lowmem exhaustion": 64 MiB is far
 * above the HighMem zone's own watermarks (clamped to ≤128 pages, §5.3). */
#define HIGHMEM_FREE_MIN_KIB (64 * 1024)
/* The most lowmem a 32-bit kernel maps (rule_lowmem_blind says why). */
#define LOWMEM_MAX_KIB (3LL * 1024 * 1024)

struct event_analysis;
static unsigned cause_needs(const struct event_analysis *a, const char *id);
static void lowmem_unseen_advice(struct finding *f);

/* A finding this pass already added, to add evidence to it. */
static struct finding *finding_mut(struct findings *out, const char *id)
{
	for (int i = 0; i < out->n; i++)
		if (strcmp(out->items[i].id, id) == 0)
			return &out->items[i];
	return NULL;
}


struct ctx {
	const struct oom_event *ev;
	const struct event_analysis *a;
	struct findings *out;
	char b[6][32];     /* scratch for fmt_kib */
	/* rule_fragmentation found a quarter of RAM or more that reclaim could
	 * free (file LRU, reclaimable slab) beside the missing block */
	bool frag_reclaimable;
};

/* a − b, saturating (hostile reports carry absurd numbers) */
static int64_t diff_sat(int64_t a, int64_t b)
{
	return b == INT64_MIN ? INT64_MAX : sat_add(a, -b);
}

static const char *K(struct ctx *c, int slot, int64_t kib)
{
	return fmt_kib(c->b[slot], sizeof(c->b[slot]), kib);
}

/* A cgroup limit: PAGE_COUNTER_MAX (9007199254740988kB printed for "max"
 * or v1's default) and anything past an exbibyte means no limit, as in the
 * text renderer. */
static const char *LIM(struct ctx *c, int slot, int64_t kib)
{
	if (known(kib) && kib >= (1LL << 50))
		return "unlimited";
	return K(c, slot, kib);
}

static int pct(int64_t part, int64_t whole)
{
	if (!known(part) || !known(whole) || whole <= 0 || part < 0)
		return -1;
	int64_t p = part >= INT64_MAX / 100 ? 100 : part * 100 / whole;
	return p > 1000 ? 1000 : (int)p;
}

static int share_weight(int share)
{
	int w = 80 + share / 5;
	return w > 97 ? 97 : w;
}

/* What the scope's share is measured against: RAM, or the cgroup's usage. */
static int64_t scope_whole(const struct event_analysis *a)
{
	if (a->mem.scope == MEM_SCOPE_MEMCG)
		return known(a->mem.used_kib) ? a->mem.used_kib : a->mem.total_kib;
	return a->mem.total_kib;
}

static const char *scope_word(const struct event_analysis *a)
{
	return a->mem.scope == MEM_SCOPE_MEMCG ? "of the cgroup's usage" : "of RAM";
}

/* free + LRU + slab + page tables + stacks of a system summary: at most
 * RAM (OOM_NA unless free, anon and file are known) */
static int64_t counted_summary_kib(const struct mem_breakdown *m)
{
	if (!known(m->free_kib) || !known(m->anon_kib) || !known(m->file_kib))
		return OOM_NA;
	int64_t w = sat_add(sat_add(m->free_kib, m->anon_kib), m->file_kib);
	const int64_t more[] = { m->unevictable_kib, m->slab_reclaimable_kib, m->slab_unreclaimable_kib,
				 m->pagetables_kib, m->kernel_stack_kib };
	for (size_t i = 0; i < ARRAY_SIZE(more); i++)
		if (known(more[i]))
			w = sat_add(w, more[i]);
	return w;
}

/* The whole a consumer's share is measured against when RAM is not in the
 * report (cut before "pages RAM" and inside the zone lines, R835): the
 * memory the summary counts is at most RAM, so a share of it overstates;
 * the consumer must then hold half of it, not a third (as rule_slab), and
 * the finding says what it was measured against.  Returns OOM_NA when
 * neither is known; *counted says which. */
#define COUNTED_SHARE_PCT 50

static int64_t share_whole(const struct ctx *c, bool *counted)
{
	const struct event_analysis *a = c->a;
	*counted = false;
	int64_t whole = scope_whole(a);
	if (known(whole) || a->mem.scope != MEM_SCOPE_SYSTEM)
		return whole;
	whole = counted_summary_kib(&a->mem);
	/* a 2.6 summary prints one "N slab pages" (R654): it counts too */
	if (known(whole) && !known(a->mem.slab_reclaimable_kib) && !known(a->mem.slab_unreclaimable_kib) &&
	    known(c->ev->snap.mem.slab_kib))
		whole = sat_add(whole, c->ev->snap.mem.slab_kib);
	*counted = known(whole);
	return whole;
}

static void counted_basis(struct ctx *c, struct finding *f, int64_t whole, const char *what)
{
	finding_evidence(f, "RAM is not in the report: measured against free + LRU + slab + page tables + stacks (%s), which is at most RAM",
			 K(c, 0, whole));
	finding_basis(f, BASIS_MEMINFO | BASIS_RAM, c->a->basis_present, CONF_LOW, "%s", what);
}

static const struct oom_task *task_at(const struct oom_event *ev, int i)
{
	return i >= 0 && (size_t)i < ev->snap.nr_tasks ? &ev->snap.tasks[i] : NULL;
}

/* "java (pid 1234, 498 MiB rss)" for the largest task, or the victim. */
static void biggest_text(struct ctx *c, char *dst, size_t len)
{
	const struct oom_event *ev = c->ev;
	const struct oom_task *t = task_at(ev, c->a->biggest_idx);
	char tmp[32];
	if (t) {
		int64_t anon = known(t->rss_anon_pages) ? t->rss_anon_pages : OOM_NA;
		int64_t swap_kib = task_swap_kib(t, c->a->page_size_kib);
		char sw[48] = "";
		if (known(swap_kib) && swap_kib > 0)
			snprintf(sw, sizeof(sw), " + %s swap", fmt_kib(tmp, sizeof(tmp), swap_kib));
		if (known(anon) && known(c->a->page_size_kib))
			snprintf(dst, len, "%s (pid %lld, %s anon%s)", t->comm, (long long)t->pid,
				 fmt_kib(tmp, sizeof(tmp), anon * c->a->page_size_kib), sw);
		else
			snprintf(dst, len, "%s (pid %lld, %s rss%s)", t->comm, (long long)t->pid,
				 fmt_kib(tmp, sizeof(tmp), task_rss_kib(t, c->a->page_size_kib)), sw);
		return;
	}
	if (ev->have_victim && known(ev->victim.anon_rss_kib)) {
		snprintf(dst, len, "%s (pid %lld, %s anon)", ev->victim.comm, (long long)ev->victim.pid,
			 fmt_kib(tmp, sizeof(tmp), ev->victim.anon_rss_kib));
		return;
	}
	if (ev->have_victim && ev->victim.comm[0]) {
		snprintf(dst, len, "%s (pid %lld, the victim; the report has no task table)", ev->victim.comm,
			 (long long)ev->victim.pid);
		return;
	}
	snprintf(dst, len, "the largest process (the report has no task table)");
}

/* "largest process: …" as evidence, when the report names one. */
static void biggest_evidence(struct ctx *c, struct finding *f)
{
	char big[160];
	biggest_text(c, big, sizeof(big));
	if (big[0])
		finding_evidence(f, "largest process: %s", big);
}

/* The modules the stack dump names: a driver that takes pages directly
 * shows up there. */
static void trace_modules_note(struct ctx *c, struct finding *f)
{
	const struct oom_event *ev = c->ev;
	if (ev->nr_trace_modules <= 0)
		return;
	char list[160] = "";
	size_t len = 0;
	for (int i = 0; i < ev->nr_trace_modules && i < 4 && len < sizeof(list); i++)
		len += (size_t)snprintf(list + len, sizeof(list) - len, "%s[%s]", i ? ", " : "", ev->trace_modules[i]);
	finding_evidence(f, "modules in the allocating stack: %s: a driver there may hold the memory no counter shows", list);
}

/* The basis of a rule that reasons around missing lines, at the
 * confidence it decided: finding_basis would lower it further for every
 * part missing, and those parts are what the rule reasons around. */
static void basis_fixed(struct finding *f, unsigned needs, unsigned present, enum confidence conf, const char *note)
{
	finding_basis(f, needs, present, conf, "%s", note);
	if (f)
		f->confidence = conf;
}

/* ---- manual OOM ---------------------------------------------------------- */

static void rule_sysrq(struct ctx *c)
{
	const struct oom_event *ev = c->ev;
	if (!c->a->sysrq)
		return;
	struct finding *f = findings_add(c->out, "manual-sysrq", SEV_INFO, 100,
		"a manual OOM kill (sysrq f), not a memory shortage: %s free of %s",
		K(c, 0, c->a->mem.free_kib), K(c, 1, c->a->mem.total_kib));
	if (known(ev->req.order) && ev->req.order == -1)
		finding_evidence(f, "order=-1 on the trigger line: the kernel's marker for a sysrq-triggered OOM (mm/oom_kill.c is_sysrq_oom, 4.x+)");
	else if (ev->sysrq_manual)
		finding_evidence(f, "\"SysRq : Manual OOM execution\" or a moom_callback frame: the sysrq key's own work (drivers/tty/sysrq.c moom_callback), which asked for order 0 before 4.19");
	if (ev->req.trigger_comm[0])
		finding_evidence(f, "triggered from %s (pid %lld): the sysrq work runs in a kworker (moom_callback)",
				 ev->req.trigger_comm, (long long)ev->req.trigger_pid);
	if (known(c->a->mem.free_kib))
		finding_evidence(f, "free memory at the time: %s", K(c, 0, c->a->mem.free_kib));
	finding_advice(f, "find who pressed Alt+SysRq+F or wrote 'f' to /proc/sysrq-trigger (a watchdog, a script, a person on a thrashing machine)");
	finding_advice(f, "to forbid it: kernel.sysrq=0, or a mask without 64 (process signalling)");
}

/* ---- what used the memory ------------------------------------------------ */

static void rule_shmem(struct ctx *c)
{
	const struct event_analysis *a = c->a;
	bool counted;
	int64_t whole = share_whole(c, &counted);
	int share = pct(a->mem.shmem_kib, whole);
	if (share < (counted ? COUNTED_SHARE_PCT : CONSUMER_SHARE_PCT))
		return;
	struct finding *f = findings_add(c->out, "shmem-tmpfs", SEV_CRITICAL, share_weight(share),
		"shmem/tmpfs held %s (%d %% %s): files in tmpfs or shared memory, which killing processes does not free",
		K(c, 0, a->mem.shmem_kib), share, counted ? "of the memory the summary counts" : scope_word(a));
	if (counted)
		counted_basis(c, f, whole, "shmem's share measured against the counters the summary prints: RAM not in the report");
	finding_evidence(f, "shmem: %s of %s", K(c, 0, a->mem.shmem_kib), K(c, 1, whole));
	if (c->ev->have_victim && known(c->ev->victim.shmem_rss_kib))
		finding_evidence(f, "the victim %s mapped %s of it (shmem-rss)", c->ev->victim.comm,
				 K(c, 2, c->ev->victim.shmem_rss_kib));
	if (a->mem.scope == MEM_SCOPE_MEMCG)
		finding_evidence(f, "tmpfs pages are charged to the cgroup that wrote them and stay charged after the writer dies");
	finding_advice(f, "find the big files in tmpfs mounts (df -t tmpfs; du -x /dev/shm /run /tmp) and shared memory segments (ipcs -m)");
	finding_advice(f, "cap each tmpfs with size= (mount -o remount,size=…) so a runaway writer gets ENOSPC instead of an OOM kill");
	if (analysis_no_swap(&a->mem))
		finding_advice(f, "with swap, idle tmpfs pages could be swapped out; without it they pin RAM");
}

/* Unevictable pages (mm/mlock.c, 2.6.28+: mlocked pages, SHM_LOCKed shmem,
 * ramfs) sit on the unevictable LRU: reclaim skips them and swap cannot take
 * them.  When they hold a large share, that is what filled the memory, not
 * what the swap or the page cache did (R013: usemem's mlockall). */
static void rule_unevictable(struct ctx *c)
{
	const struct event_analysis *a = c->a;
	const struct mem_breakdown *m = &a->mem;
	bool counted;
	int64_t whole = share_whole(c, &counted);
	int share = pct(m->unevictable_kib, whole);
	if (share < (counted ? COUNTED_SHARE_PCT : CONSUMER_SHARE_PCT))
		return;
	struct finding *f = findings_add(c->out, "mlocked-unevictable", SEV_CRITICAL, share_weight(share),
		"unevictable memory held %s (%d %% %s): mlocked pages, SHM_LOCKed shared memory or ramfs, which reclaim cannot free and swap cannot take",
		K(c, 0, m->unevictable_kib), share, counted ? "of the memory the summary counts" : scope_word(a));
	if (counted)
		counted_basis(c, f, whole, "unevictable's share measured against the counters the summary prints: RAM not in the report");
	finding_evidence(f, "unevictable: %s of %s", K(c, 0, m->unevictable_kib), K(c, 1, whole));
	int64_t mlocked = 0;
	bool have_mlocked = false;
	for (int i = 0; i < c->ev->snap.nr_zones; i++)
		if (known(c->ev->snap.zones[i].mlocked_kib)) {
			mlocked = sat_add(mlocked, c->ev->snap.zones[i].mlocked_kib);
			have_mlocked = true;
		}
	if (have_mlocked)
		finding_evidence(f, "mlocked in the zones: %s", K(c, 0, mlocked));
	if (known(m->swap_free_kib) && known(m->swap_total_kib) && m->swap_free_kib * 20 > m->swap_total_kib)
		finding_evidence(f, "swap still had %s free: it could not help with these pages",
				 K(c, 0, m->swap_free_kib));
	finding_advice(f, "find who locks memory: grep VmLck /proc/*/status (mlock/mlockall), ipcs -m for SHM_LOCKed segments, ramfs mounts");
	finding_advice(f, "bound it: RLIMIT_MEMLOCK (ulimit -l, systemd LimitMEMLOCK=), and size what a locking program may lock to the machine");
}

static void rule_slab(struct ctx *c)
{
	const struct event_analysis *a = c->a;
	const struct mem_breakdown *m = &a->mem;
	int64_t slab = OOM_NA;
	if (known(m->slab_reclaimable_kib) && known(m->slab_unreclaimable_kib))
		slab = m->slab_reclaimable_kib + m->slab_unreclaimable_kib;
	else if (known(c->ev->snap.mem.slab_kib) && m->scope == MEM_SCOPE_SYSTEM)
		slab = c->ev->snap.mem.slab_kib;
	int64_t whole = scope_whole(a);
	const char *of = scope_word(a);
	/* On 32-bit highmem machines slab lives in lowmem only: measure it
	 * there — unless the failed request could use HighMem too (a user
	 * page, GFP_HIGHUSER*), which RAM as a whole failed (R1049) */
	int64_t ram = known(m->total_kib) ? m->total_kib : m->zones_present_kib;
	bool may_high = a->zone_name && (!strcmp(a->zone_name, "HighMem") || !strcmp(a->zone_name, "Movable")) &&
			known(ram) && known(m->lowmem_total_kib) &&
			ram > sat_add(m->lowmem_total_kib, m->lowmem_total_kib / 10);   /* HighMem not empty */
	/* (more slab than lowmem: the report lacks some of lowmem's zones,
	 * R1904's cut head; measured against RAM then) */
	if (m->scope == MEM_SCOPE_SYSTEM && known(m->lowmem_total_kib) && !may_high &&
	    !(known(slab) && slab > m->lowmem_total_kib)) {
		whole = m->lowmem_total_kib;
		of = "of lowmem";
	} else if (m->scope == MEM_SCOPE_SYSTEM && may_high && !known(whole)) {
		whole = ram;   /* the zones' present pages: RAM without "pages RAM" */
	}
	/* RAM not in the report (cut after the Mem-Info summary): the memory
	 * the summary counts — free, LRU, slab, page tables, stacks — is at
	 * most RAM, so a share of it overstates; slab must then hold half of
	 * it, not a third, and the finding says what it was measured against. */
	bool counted = false;
	if (!known(whole) && m->scope == MEM_SCOPE_SYSTEM && known(slab) && known(m->free_kib) &&
	    known(m->anon_kib) && known(m->file_kib)) {
		whole = sat_add(sat_add(m->free_kib, m->anon_kib), sat_add(m->file_kib, slab));
		if (known(m->unevictable_kib))
			whole = sat_add(whole, m->unevictable_kib);
		if (known(m->pagetables_kib))
			whole = sat_add(whole, m->pagetables_kib);
		if (known(m->kernel_stack_kib))
			whole = sat_add(whole, m->kernel_stack_kib);
		of = "of the memory the summary counts";
		counted = true;
	}
	int share = pct(slab, whole);
	if (share < (counted ? 50 : CONSUMER_SHARE_PCT))
		return;
	struct finding *f = findings_add(c->out, "slab-growth", SEV_CRITICAL, share_weight(share),
		"kernel slab held %s (%d %% %s): %s unreclaimable, %s reclaimable",
		K(c, 0, slab), share, of, K(c, 1, m->slab_unreclaimable_kib), K(c, 2, m->slab_reclaimable_kib));
	if (counted) {
		finding_evidence(f, "RAM is not in the report: measured against free + LRU + slab + page tables + stacks (%s), which is at most RAM; the rest of RAM, if any, is in no counter",
				 K(c, 0, whole));
		finding_basis(f, BASIS_MEMINFO | BASIS_RAM, a->basis_present, CONF_LOW,
			      "slab's share measured against the counters the summary prints: RAM not in the report");
	}
	finding_evidence(f, "slab_reclaimable: %s, slab_unreclaimable: %s, of %s",
			 K(c, 0, m->slab_reclaimable_kib), K(c, 1, m->slab_unreclaimable_kib), K(c, 2, whole));
	const struct oom_snapshot *s = &c->ev->snap;
	for (int i = 0; i < s->nr_slabs && i < 3; i++)
		finding_evidence(f, "slab cache %s: %s used, %s total", s->slabs[i].name,
				 K(c, 0, s->slabs[i].used_kib), K(c, 1, s->slabs[i].total_kib));
	if (known(m->slab_unreclaimable_kib) && known(m->slab_reclaimable_kib) &&
	    m->slab_unreclaimable_kib >= m->slab_reclaimable_kib) {
		finding_advice(f, "find the growing cache with slabtop or /proc/slabinfo (the report's \"Unreclaimable slab info\" names the largest)");
		finding_advice(f, "unreclaimable slab that grows without bound is a kernel or driver leak: update the kernel, or report the cache name to its subsystem");
	} else {
		finding_advice(f, "reclaimable slab (dentries, inodes) that reclaim did not shrink: raise vm.vfs_cache_pressure, find what creates millions of files or negative dentries");
		finding_advice(f, "slabtop shows which cache; echo 2 > /proc/sys/vm/drop_caches frees reclaimable slab now");
	}
}

/* The report's "Unreclaimable slab info:" table without the numbers to
 * weigh slab against RAM (Mem-Info trimmed away, R056): 4.15+ print that
 * table in a global OOM only when unreclaimable slab exceeds all LRU
 * (user) pages (mm/oom_kill.c dump_header, is_dump_unreclaim_slabs), so
 * the table itself says kernel slab held more than every process.  */
static void rule_slab_table(struct ctx *c)
{
	const struct oom_event *ev = c->ev;
	const struct event_analysis *a = c->a;
	const struct oom_snapshot *s = &ev->snap;
	if (s->nr_slabs <= 0 || a->memcg || a->sysrq || findings_get(c->out, "slab-growth"))
		return;
	/* with the counters printed the share decides (rule_slab) */
	if (a->mem.scope == MEM_SCOPE_SYSTEM && known(a->mem.slab_unreclaimable_kib) && known(a->mem.total_kib))
		return;
	int big = 0;
	int64_t sum = 0;
	for (int i = 0; i < s->nr_slabs; i++) {
		sum = sat_add(sum, known(s->slabs[i].used_kib) ? s->slabs[i].used_kib : 0);
		if (s->slabs[i].used_kib > s->slabs[big].used_kib)
			big = i;
	}
	struct finding *f = findings_add(c->out, "slab-growth", SEV_CRITICAL, 80,
		"kernel slab held more than all user memory: the kernel printed its unreclaimable slab table, which it does only then; largest cache %s (%s)",
		s->slabs[big].name, K(c, 0, s->slabs[big].used_kib));
	finding_evidence(f, "\"Unreclaimable slab info:\" is printed in a system-wide OOM only when unreclaimable slab exceeds every LRU page (mm/oom_kill.c is_dump_unreclaim_slabs, 4.15+)");
	for (int i = 0; i < s->nr_slabs && i < 3; i++)
		finding_evidence(f, "slab cache %s: %s used, %s total", s->slabs[i].name, K(c, 0, s->slabs[i].used_kib),
				 K(c, 1, s->slabs[i].total_kib));
	finding_evidence(f, "the caches listed hold %s", K(c, 0, sum));
	finding_basis(f, BASIS_MEMINFO | BASIS_RAM, a->basis_present, CONF_MEDIUM,
		      "slab above user memory inferred from the kernel printing its slab table");
	if (f)
		f->confidence = CONF_MEDIUM;   /* the kernel's own comparison, though its numbers are not shown */
	finding_advice(f, "find the growing cache with slabtop or /proc/slabinfo: a cache that grows without bound is a kernel or driver leak (report its name to the subsystem)");
	finding_advice(f, "on a small machine (a kdump kernel's crashkernel=, a board) objects that barely miss a kmalloc size waste up to half of each slab: a larger reservation or the driver's fix");
}

static void rule_hugepages(struct ctx *c)
{
	const struct event_analysis *a = c->a;
	const struct oom_snapshot *s = &c->ev->snap;
	if (a->mem.scope != MEM_SCOPE_SYSTEM)
		return;
	/* Gigantic pages reserved at boot come from memblock: they sit in
	 * "pages reserved", outside the total (RAM − reserved); measured
	 * against that total they would exceed it.  Then "pages RAM" is the
	 * whole. */
	int64_t whole = a->mem.total_kib;
	if (known(whole) && known(a->mem.hugetlb_kib) && a->mem.hugetlb_kib > whole && known(s->mem.ram_kib))
		whole = s->mem.ram_kib;
	int share = pct(a->mem.hugetlb_kib, whole);
	if (share < CONSUMER_SHARE_PCT)
		return;
	struct finding *f = findings_add(c->out, "hugepages-reserved", SEV_CRITICAL, share_weight(share),
		"huge pages held %s (%d %% of RAM): the hugetlb pool is taken out of normal use, never swapped or reclaimed",
		K(c, 0, a->mem.hugetlb_kib), share);
	int64_t free_kib = OOM_NA, sz = OOM_NA, tot = OOM_NA;
	for (int i = 0; i < s->nr_nodes; i++) {
		const struct oom_node *n = &s->nodes[i];
		if (known(n->hugepages_total) && known(n->hugepage_size_kib)) {
			finding_evidence(f, "node %d: hugepages_total=%lld hugepages_free=%lld hugepages_size=%lldkB",
					 n->node, (long long)n->hugepages_total,
					 (long long)(known(n->hugepages_free) ? n->hugepages_free : -1),
					 (long long)n->hugepage_size_kib);
			tot = known(tot) ? sat_add(tot, n->hugepages_total) : n->hugepages_total;
			if (known(n->hugepages_free))
				free_kib = sat_add(known(free_kib) ? free_kib : 0, sat_mul(n->hugepages_free, n->hugepage_size_kib));
			sz = n->hugepage_size_kib;
		}
	}
	if (known(free_kib) && free_kib > 0)
		finding_evidence(f, "%s of the pool was free: reserved but unused", K(c, 0, free_kib));
	if (known(tot) && known(sz))
		finding_advice(f, "lower vm.nr_hugepages (now %lld × %s) to what the application really maps (HugePages_Total − HugePages_Free while it runs)",
			       (long long)tot, K(c, 1, sz));
	else
		finding_advice(f, "lower vm.nr_hugepages (or the hugepages= boot option) to what the application really maps");
	finding_advice(f, "or let applications use transparent huge pages, which the kernel can split and reclaim");
}

/* Slab not in the report (the summary's slab line cut) while every other
 * counter is: what is left, slab plus what no counter holds, is kernel
 * memory either way.  Half of RAM or more there — a higher bar than the
 * unaccounted rule's third, since slab may hold part of it — is named
 * kernel memory at low confidence, saying slab may be it (R312: a 128 MiB
 * board, 105 MiB outside the LRU lists, page tables and stacks). */
static void rule_unaccounted_with_slab(struct ctx *c)
{
	const struct event_analysis *a = c->a;
	const struct mem_breakdown *m = &a->mem;
	int share = pct(m->unaccounted_with_slab_kib, m->total_kib);
	/* the floor is relative to the machine, as rule_unaccounted's: a
	 * 64 MiB router with 49 MiB outside every user counter (R1091) says
	 * as much as R312's 128 MiB board; share >= 50 is the real bar */
	int64_t floor_kib = UNACCOUNTED_MIN_KIB / 4;
	if (known(m->total_kib) && m->total_kib / 4 < floor_kib)
		floor_kib = m->total_kib / 4;
	if (m->scope != MEM_SCOPE_SYSTEM || share < 50 || m->unaccounted_with_slab_kib < floor_kib)
		return;
	/* from zone lines alone it says only "the kernel's, not processes'":
	 * ahead of plain exhaustion (60), behind every reading of the
	 * request (fragmentation, atomic reserves, a memcg's limit) and of a
	 * named consumer */
	struct finding *f = findings_add(c->out, "kernel-leak-or-bug", SEV_CRITICAL,
		m->kernel_from_zones ? 61 : share_weight(share),
		"%s (%d %% of RAM) is kernel memory outside the LRU lists, page tables and stacks: pages a driver took, a kernel leak, or slab (its line is not in the report)",
		K(c, 0, m->unaccounted_with_slab_kib), share);
	char t[7][32];
	finding_evidence(f, "total %s; free %s, anon %s, file %s, page tables %s, stacks %s, huge pages %s; slab not in the report",
			 fmt_kib(t[0], 32, m->total_kib), fmt_kib(t[1], 32, m->free_kib), fmt_kib(t[2], 32, m->anon_kib),
			 fmt_kib(t[3], 32, m->file_kib), fmt_kib(t[4], 32, m->pagetables_kib),
			 fmt_kib(t[5], 32, m->kernel_stack_kib), fmt_kib(t[6], 32, m->hugetlb_kib));
	if (m->lru_from_nodes)
		finding_evidence(f, "anon and file summed from the per-node lines: the summary's LRU lines are not in the report");
	if (m->kernel_from_zones)
		finding_evidence(f, "the zone lines alone: total − free − the LRU lists = %s, held by the kernel (slab, page tables, stacks, or no counter), not by processes",
				 K(c, 0, m->unaccounted_with_slab_kib));
	else
		finding_evidence(f, "total − every counter above = %s: slab and the memory no counter shows, together%s",
				 K(c, 0, m->unaccounted_with_slab_kib),
				 known(m->pagetables_kib) ? "" : " (page tables too: not in the report either)");
	trace_modules_note(c, f);
	finding_basis(f, BASIS_MEMINFO | BASIS_RAM, a->basis_present, CONF_LOW,
		      "slab not in the report: kernel memory, slab or not, inferred from the counters that are");
	if (f)
		f->confidence = CONF_LOW;
	finding_advice(f, "read the report's \"slab_reclaimable: slab_unreclaimable:\" line, or /proc/meminfo's Slab and /proc/slabinfo on the machine: if slab is small, a driver holds the rest");
	finding_advice(f, "watch it grow with 'oomkit status' or /proc/meminfo over time; if it grows with uptime, try a newer kernel and report it to the driver's maintainers with this log");
}

static void rule_unaccounted(struct ctx *c)
{
	const struct event_analysis *a = c->a;
	const struct mem_breakdown *m = &a->mem;
	if (!known(m->unaccounted_kib) && known(m->unaccounted_with_slab_kib)) {
		rule_unaccounted_with_slab(c);
		return;
	}
	int64_t whole = m->scope == MEM_SCOPE_MEMCG ? m->used_kib : m->total_kib;
	int share = pct(m->unaccounted_kib, whole);
	int64_t floor_kib = m->scope == MEM_SCOPE_MEMCG ? UNACCOUNTED_MIN_MEMCG_KIB : UNACCOUNTED_MIN_KIB;
	/* relative to the machine: a 64 MiB board with 45 MiB (81 %) in no
	 * counter (R409) is as telling as a server with gigabytes — when it
	 * is most of RAM, the bar rule_unaccounted_with_slab uses too (a
	 * third of a small board is often CMA or a driver's usual share) */
	if (m->scope == MEM_SCOPE_SYSTEM && known(whole) && whole > 0 && whole / 4 < floor_kib && share >= 50)
		floor_kib = whole / 4;
	if (share < UNACCOUNTED_SHARE_PCT || m->unaccounted_kib < floor_kib)
		return;
	/* in a cgroup the limit is what was hit: memory in no counter of
	 * its stat lines is what filled it (or stat lines cut away: v1
	 * prints a line per child), second to the limit */
	int w = share_weight(share);
	if (m->scope == MEM_SCOPE_MEMCG && c->a->memcg && w >= 70)
		w = 69;
	/* a request held to some nodes (a cpuset or a memory policy, printed
	 * or inferred) ran out there: the memory in no counter is what filled
	 * those nodes, second to the confinement, as in a cgroup (R1821: node
	 * 0's 61 GiB in no counter, node 1's 61 GiB free) */
	if (m->scope == MEM_SCOPE_SYSTEM && (c->a->cpuset || c->a->mempolicy) && w >= 74)
		w = 73;
	struct finding *f = findings_add(c->out, "kernel-leak-or-bug", SEV_CRITICAL, w,
		"%s (%d %% %s) is in no counter of the report: memory taken by a driver, a balloon or a kernel leak",
		K(c, 0, m->unaccounted_kib), share, m->scope == MEM_SCOPE_MEMCG ? "of the cgroup's usage" : "of RAM");
	char t[9][32];
	finding_evidence(f, "total %s; free %s, anon %s, file %s, slab %s + %s, page tables %s, stacks %s, huge pages %s",
			 fmt_kib(t[0], 32, whole), fmt_kib(t[1], 32, m->free_kib), fmt_kib(t[2], 32, m->anon_kib),
			 fmt_kib(t[3], 32, m->file_kib), fmt_kib(t[4], 32, m->slab_reclaimable_kib),
			 fmt_kib(t[5], 32, m->slab_unreclaimable_kib), fmt_kib(t[6], 32, m->pagetables_kib),
			 fmt_kib(t[7], 32, m->kernel_stack_kib), fmt_kib(t[8], 32, m->hugetlb_kib));
	finding_evidence(f, "unaccounted = total − every counter above = %s", K(c, 3, m->unaccounted_kib));
	trace_modules_note(c, f);
	finding_advice(f, "check /proc/meminfo (VmallocUsed, Percpu) and driver counters (GPU: /sys/kernel/debug/dri; virtio-balloon inflation takes memory out of a guest)");
	finding_advice(f, "watch it grow with 'oomkit status' or /proc/meminfo over time; if it grows with uptime, try a newer kernel and report it to the driver's maintainers with this log");
}

/* ---- limits and constraints --------------------------------------------- */

static bool has_highmem_zone(const struct oom_event *ev)
{
	for (int i = 0; i < ev->snap.nr_zones; i++)
		if (!strcmp(ev->snap.zones[i].name, "HighMem"))
			return true;
	return false;
}

/* A HighMem zone line with free pages above its min watermark. */
static bool highmem_above_min(const struct oom_event *ev)
{
	for (int i = 0; i < ev->snap.nr_zones && i < OOM_MAX_ZONES; i++) {
		const struct oom_zone *z = &ev->snap.zones[i];
		if (!strcmp(z->name, "HighMem") && known(z->free_kib) && known(z->min_kib) && z->free_kib > z->min_kib)
			return true;
	}
	return false;
}

/* An order > 0 request and a lowmem zone that passes the check at order 0
 * (CMA, reserve and highatomic as the request sees them) with room above
 * its marks: lowmem was not exhausted, a block of the order was missing
 * (R352: 33 MiB free in Normal, its blocks of 128 KiB and more all CMA). */
static bool lowmem_room_order0(const struct ctx *c, int i)
{
	const struct oom_event *ev = c->ev;
	const struct zone_verdict *zv = &c->a->zone[i];
	if (!known(ev->req.order) || ev->req.order <= 0 || !zv->evaluated || !zv->ok_order0)
		return false;
	/* A costly order (> PAGE_ALLOC_COSTLY_ORDER, 3) is not retried until
	 * reclaim makes its block (mm/page_alloc.c: 2.6.24 __alloc_pages
	 * sets do_retry only for order <= PAGE_ALLOC_COSTLY_ORDER; 4.13+
	 * __alloc_pages_slowpath gives up on costly_order after compaction):
	 * lowmem above its high mark — balanced, kswapd asleep — had the
	 * pages, and the block was what was missing (R1373: Normal 8 MiB
	 * free over a 4.7 MiB high mark, largest block order 4 of 5). */
	const struct oom_zone *z = &ev->snap.zones[i];
	if (ev->req.order > 3 && known(z->high_kib) &&
	    z->free_kib > sat_add(z->high_kib, known(zv->reserve_kib) && zv->reserve_kib > 0 ? zv->reserve_kib : 0))
		return true;
	return analysis_zone_had_room(&ev->snap.zones[i], zv->reserve_kib);
}

/* A HighMem zone above its high watermark that spans four times lowmem or
 * more (present or managed against the lowmem zones'). */
static bool highmem_balanced_most_of_ram(const struct ctx *c)
{
	const struct oom_snapshot *s = &c->ev->snap;
	int64_t high = 0, low = 0;
	bool balanced = false;
	for (int i = 0; i < s->nr_zones && i < OOM_MAX_ZONES; i++) {
		const struct oom_zone *z = &s->zones[i];
		int64_t size = known(z->managed_kib) ? z->managed_kib : z->present_kib;
		if (!known(size))
			return false;
		if (!strcmp(z->name, "HighMem")) {
			high = sat_add(high, size);
			balanced = known(z->free_kib) && known(z->high_kib) && z->free_kib > z->high_kib;
		} else if (strcmp(z->name, "Movable") != 0) {
			low = sat_add(low, size);
		}
	}
	return balanced && low > 0 && high >= sat_mul(low, 4);
}

/* HighMem's size where its zone line is not in the report (and its free
 * could not be told): "N pages HighMem", or what Normal's
 * lowmem_reserve[] entry toward HighMem implies (model/zone.c
 * zone_reserve_span_kib; R1773: 55201 pages, 6.7 GiB).  OOM_NA otherwise. */
static int64_t highmem_size_unseen(const struct ctx *c, int hi)
{
	const struct oom_snapshot *s = &c->ev->snap;
	if (has_highmem_zone(c->ev))
		return OOM_NA;
	if (known(s->mem.highmem_total_kib) && s->mem.highmem_total_kib > 0)
		return s->mem.highmem_total_kib;
	if (hi < 0 || hi >= OOM_MAX_ZONE_IDX)
		return OOM_NA;
	for (int i = 0; i < s->nr_zones && i < OOM_MAX_ZONES; i++) {
		const struct oom_zone *z = &s->zones[i];
		if (!strcmp(z->name, "Normal") && z->nr_lowmem_reserve > hi)
			return zone_reserve_span_kib("Normal", z->lowmem_reserve_pages[hi], c->a->page_size_kib);
	}
	return OOM_NA;
}

static bool era_spurious_oom(const struct oom_event *ev);

static void rule_lowmem(struct ctx *c)
{
	const struct oom_event *ev = c->ev;
	const struct event_analysis *a = c->a;
	const struct mem_breakdown *m = &a->mem;
	if (m->scope != MEM_SCOPE_SYSTEM || c->ev->kind == OOM_KIND_SYSRQ || a->sysrq)
		return;
	int hi = zone_index_in(&ev->snap, "HighMem");
	/* Only a request that may not use HighMem (GFP_KERNEL and friends) can
	 * starve in lowmem while HighMem is free. */
	if (hi >= 0 && a->classzone >= hi)
		return;
	/* HighMem's free not in the report, but HighMem bigger than any
	 * lowmem can be (3 GiB): a lowmem request failing in lowmem beside it
	 * is the same starvation, told at low confidence (R1773: a 4.10 i686
	 * with 8 GiB, the HighMem line not quoted) */
	int64_t hm_unseen = OOM_NA;
	if (!known(m->highmem_free_kib)) {
		hm_unseen = a->zone_name && a->classzone >= 0 ? highmem_size_unseen(c, hi) : OOM_NA;
		if (!known(hm_unseen) || hm_unseen < LOWMEM_MAX_KIB)
			return;
	}
	/* HighMem with little free but balanced (above its high mark) on a
	 * box whose HighMem is most of RAM: its pages are there for user
	 * memory, reclaim keeps it so, and lowmem alone ran out (R1613: 40
	 * MiB free over a 35 MiB high mark, 15 GiB of HighMem on the LRU
	 * beside an 880 MiB Normal held by page tables) */
	if (!known(hm_unseen) && m->highmem_free_kib < HIGHMEM_FREE_MIN_KIB &&
	    (!highmem_balanced_most_of_ram(c) || analysis_swap_full(m) || analysis_no_swap(m)))
		return;
	/* The largest lowmem zone is lowmem proper: Normal on x86, DMA on
	 * 32-bit ARM and PPC (their only zone below HighMem).  A small DMA
	 * beside Normal (16 MiB, mostly held back by its lowmem_reserve) may
	 * pass the check by a few pages and changes nothing. */
	int main_low = -1;
	int64_t main_size = -1;
	for (int i = 0; i < ev->snap.nr_zones && i < OOM_MAX_ZONES; i++) {
		const struct oom_zone *z = &ev->snap.zones[i];
		if (!known(z->free_kib) || !known(z->min_kib) || !strcmp(z->name, "HighMem") || !strcmp(z->name, "Movable"))
			continue;
		/* a zone the request may not use is not its lowmem; a usable
		 * one left unjudged (an order > 0 request whose buddy line is
		 * cut, R603) still is, judged below from its marks alone */
		if (a->nr_evaluated > 0 && !a->zone[i].evaluated && !a->zone[i].usable)
			continue;
		int64_t size = known(z->managed_kib) ? z->managed_kib : known(z->present_kib) ? z->present_kib : z->free_kib;
		if (size > main_size) {
			main_size = size;
			main_low = i;
		}
	}
	if (main_low < 0)
		return;
	/* The watermark check could not run (order not printed — 2.6.9 — or
	 * the request unknown): lowmem below its low watermark (min × 5/4
	 * when low is not printed), where kswapd had already failed to keep
	 * it, beside free HighMem is the same starvation, less surely.  So
	 * is lowmem that passed the check at min by a few pages but sits
	 * under its low mark: the allocator's last try before the kill asks
	 * for the high mark (mm/page_alloc.c __alloc_pages_may_oom,
	 * ALLOC_WMARK_HIGH, 2.6.11+), and the reclaim before it had given up
	 * on a zone kswapd could not lift to low (R5318: Normal 3808 kB over
	 * min 3720 kB, 3.9 GiB of HighMem free). */
	const struct oom_zone *mz = &ev->snap.zones[main_low];
	bool judged = a->zone[main_low].evaluated;
	int64_t low_mark = known(mz->low_kib) ? mz->low_kib : sat_mul(mz->min_kib, 5) / 4;
	/* Before 2.6.11 the OOM killer ran from try_to_free_pages once reclaim
	 * failed, with no zone checked (era_spurious_oom): lowmem kswapd could
	 * not lift to its high mark beside free HighMem is the starvation
	 * (R4613, R5442: 2.6.8, Normal between low and high, 820 MiB of
	 * HighMem free, lowmem's page cache under writeback) */
	if (era_spurious_oom(ev) && known(mz->high_kib) && mz->high_kib > low_mark)
		low_mark = mz->high_kib;
	if (judged ? a->zone[main_low].ok && mz->free_kib >= low_mark : mz->free_kib >= low_mark)
		return;
	/* an order > 0 request that failed while lowmem had room at order 0
	 * lacked a block, not lowmem: fragmentation says it */
	if (judged && lowmem_room_order0(c, main_low))
		return;
	/* Name the biggest kernel-side user of lowmem. */
	const char *who = "kernel memory";
	int64_t amount = OOM_NA;
	int64_t slab = OOM_NA;
	if (known(m->slab_reclaimable_kib) && known(m->slab_unreclaimable_kib))
		slab = m->slab_reclaimable_kib + m->slab_unreclaimable_kib;
	else
		slab = ev->snap.mem.slab_kib;
	if (known(slab)) { who = "slab"; amount = slab; }
	if (known(m->pagetables_kib) && (!known(amount) || m->pagetables_kib > amount)) {
		who = "page tables"; amount = m->pagetables_kib;
	}
	if (known(m->kernel_stack_kib) && (!known(amount) || m->kernel_stack_kib > amount)) {
		who = "kernel stacks"; amount = m->kernel_stack_kib;
	}
	/* What no counter holds: lowmem used − its LRU pages − slab − page
	 * tables − stacks (kernel memory lives in lowmem).  When that is the
	 * largest part, a driver's pages (or a leak) filled lowmem. */
	int64_t lru = 0;
	bool lru_known = true;
	for (int i = 0; i < ev->snap.nr_zones && i < OOM_MAX_ZONES; i++) {
		const struct oom_zone *z = &ev->snap.zones[i];
		if (!strcmp(z->name, "HighMem") || !strcmp(z->name, "Movable"))
			continue;
		if (!known(z->active_anon_kib) && known(z->active_kib) && known(z->inactive_kib)) {
			/* ≤2.6.27: the two lists hold anon and file together */
			lru = sat_add(lru, sat_add(z->active_kib, z->inactive_kib));
			continue;
		}
		if (!known(z->active_anon_kib) || !known(z->inactive_anon_kib) || !known(z->active_file_kib) ||
		    !known(z->inactive_file_kib)) {
			lru_known = false;
			break;
		}
		lru = sat_add(lru, sat_add(sat_add(z->active_anon_kib, z->inactive_anon_kib),
					   sat_add(sat_add(z->active_file_kib, z->inactive_file_kib),
						   known(z->unevictable_kib) ? z->unevictable_kib : 0)));
	}
	int64_t low_unacc = OOM_NA;
	if (lru_known && known(m->lowmem_total_kib) && known(m->lowmem_free_kib)) {
		int64_t rest = diff_sat(diff_sat(m->lowmem_total_kib, m->lowmem_free_kib), lru);
		rest = diff_sat(rest, known(slab) ? slab : 0);
		rest = diff_sat(rest, known(m->pagetables_kib) ? m->pagetables_kib : 0);
		rest = diff_sat(rest, known(m->kernel_stack_kib) ? m->kernel_stack_kib : 0);
		low_unacc = rest;
		if (rest > 0 && (!known(amount) || rest > amount) && rest > lru) {
			who = "memory no counter accounts for (a driver's pages, vmalloc, or a leak)";
			amount = rest;
		}
	}
	struct finding *f;
	if (known(hm_unseen)) {
		f = findings_add(c->out, "lowmem-exhausted-highmem-free", SEV_CRITICAL, 99,
			"32-bit kernel: lowmem exhausted for a kernel request beside %s of HighMem, which it could not use (HighMem's zone line is not in the report)",
			K(c, 0, hm_unseen));
		finding_evidence(f, "the request (%s) may use zones up to %s only: kernel memory must come from lowmem",
				 a->gfp_hex[0] ? a->gfp_hex : "gfp ?", a->zone_name);
		if (known(ev->snap.mem.highmem_total_kib) && ev->snap.mem.highmem_total_kib > 0)
			finding_evidence(f, "HighMem: %s (\"pages HighMem\")", K(c, 0, hm_unseen));
		else
			finding_evidence(f, "HighMem: about %s, from Normal's lowmem_reserve[] toward it under the default vm.lowmem_reserve_ratio (32: mm/page_alloc.c setup_per_zone_lowmem_reserve)",
					 K(c, 0, hm_unseen));
		finding_basis(f, BASIS_TRIGGER | BASIS_ZONES, a->basis_present, CONF_LOW,
			      "HighMem's free is not in the report: its size alone says the machine's memory was mostly there");
	} else {
		f = findings_add(c->out, "lowmem-exhausted-highmem-free", SEV_CRITICAL, 99,
			"32-bit kernel with %s: lowmem exhausted by %s (%s) while HighMem had %s free",
			K(c, 0, m->total_kib), who, K(c, 1, amount), K(c, 2, m->highmem_free_kib));
		finding_evidence(f, "the request (%s) may use zones up to %s only: kernel memory must come from lowmem",
				 a->gfp_hex[0] ? a->gfp_hex : "gfp ?", a->zone_name ? a->zone_name : "?");
		finding_evidence(f, "lowmem: %s free of %s; HighMem: %s free",
				 K(c, 0, m->lowmem_free_kib), K(c, 1, m->lowmem_total_kib), K(c, 2, m->highmem_free_kib));
	}
	if (known(low_unacc) && low_unacc > 0) {
		finding_evidence(f, "lowmem in no counter (used − LRU − slab − page tables − stacks): %s", K(c, 0, low_unacc));
		if (known(amount) && low_unacc == amount)
			trace_modules_note(c, f);
	}
	if (!has_highmem_zone(ev) && !known(hm_unseen))
		finding_evidence(f, "HighMem's free is the summary's free minus the lowmem zones' (its zone line is not printed)");
	finding_evidence(f, "swap could not have helped: swapping out user pages frees mostly HighMem, and this request may only use lowmem");
	if (!judged) {
		finding_evidence(f, "%s: free %s below its low watermark %s (the watermark check could not run: %s)",
				 mz->name, K(c, 0, mz->free_kib), K(c, 1, known(mz->low_kib) ? mz->low_kib : sat_mul(mz->min_kib, 5) / 4),
				 a->classzone < 0 ? "the request is not in the report"
				 : !known(ev->req.order) ? "the order is not in the report"
				 : "its free blocks by order (the buddy line) are not in the report");
		finding_basis(f, BASIS_TRIGGER | BASIS_ZONES | BASIS_MEMINFO, a->basis_present,
			      a->classzone < 0 || known(hm_unseen) ? CONF_LOW : CONF_MEDIUM,
			      a->classzone < 0 ? "the request's zones unknown: judged as a lowmem request"
			      : known(hm_unseen) ? "judged from the free count against the low watermark; HighMem's free is not in the report"
			      : "judged from the free count against the low watermark");
	}
	for (int i = 0; i < ev->snap.nr_zones && i < OOM_MAX_ZONES; i++) {
		const struct oom_zone *z = &ev->snap.zones[i];
		if (a->zone[i].evaluated && !a->zone[i].ok && a->zone[i].ok_order0 && known(ev->req.order) && ev->req.order > 0)
			/* above the mark at order 0: what failed was the count in
			 * blocks of the order (zone.c's order-aware check) */
			finding_evidence(f, "%s: free %s, min %s + lowmem_reserve %s: above the mark at order 0, below it in blocks of order %lld and up",
					 z->name, K(c, 0, z->free_kib), K(c, 1, z->min_kib), K(c, 2, a->zone[i].reserve_kib),
					 (long long)ev->req.order);
		else if (a->zone[i].evaluated && !a->zone[i].ok)
			finding_evidence(f, "%s: free %s, min %s + lowmem_reserve %s: below the watermark",
					 z->name, K(c, 0, z->free_kib), K(c, 1, z->min_kib), K(c, 2, a->zone[i].reserve_kib));
	}
	if (known(m->total_kib) && m->total_kib > 16LL * 1024 * 1024)
		finding_advice(f, "boot a 64-bit kernel, or mem=16G: every 4 KiB page of RAM costs lowmem for its struct page");
	else
		finding_advice(f, "boot a 64-bit kernel: it has no lowmem/HighMem split");
	finding_advice(f, "meanwhile shrink %s: vm.vfs_cache_pressure=200, fewer files cached, and a larger vm.min_free_kbytes", who);
}

/* 32-bit lowmem pressure: a request that may not use HighMem (every kernel
 * allocation: GFP_KERNEL, GFP_ATOMIC, GFP_DMA) failed in lowmem — every
 * populated zone below HighMem, on 32-bit ARM and PPC the DMA zone alone —
 * while HighMem had nothing much to spare (else lowmem-exhausted-highmem-
 * free says it).  Lowmem may still look roomy by its free count: free
 * pages in CMA pageblocks are not for kernel requests (R027: 501 of 507 MiB
 * free was CMA), and zone fallback fills lowmem with user pages once
 * HighMem is full (R021: kswapd's own allocation failing).  The request is
 * known, or — 6.x show_mem prints only the zones up to the request's
 * highest (mm/show_mem.c __show_free_areas, max_zone_idx = gfp_zone()) —
 * inferred from a report of a HighMem machine that prints lowmem zones
 * only. */
static void rule_lowmem_pressure(struct ctx *c)
{
	const struct oom_event *ev = c->ev;
	const struct event_analysis *a = c->a;
	const struct mem_breakdown *m = &a->mem;
	const struct oom_snapshot *s = &ev->snap;
	if (m->scope != MEM_SCOPE_SYSTEM || a->sysrq || a->memcg || !known(m->lowmem_total_kib) ||
	    findings_get(c->out, "lowmem-exhausted-highmem-free"))
		return;
	bool inferred = false, highmem_room = false;
	/* a 32-bit machine whose RAM all fits lowmem ("0 pages HighMem", no
	 * HighMem zone or an empty one: 512 MiB on i686, R1500, R1617) has no
	 * split to starve in: its lowmem is all of RAM, and for an order > 0
	 * request fragmentation or exhaustion says why it failed */
	bool empty_highmem = true;   /* no HighMem zone, or one with no pages (2.6's "present:0kB") */
	for (int i = 0; i < s->nr_zones && i < OOM_MAX_ZONES; i++)
		if (!strcmp(s->zones[i].name, "HighMem") &&
		    !(known(s->zones[i].present_kib) && s->zones[i].present_kib == 0))
			empty_highmem = false;
	/* an order-0 request there is read by the other rules through
	 * atomic_leads_lowmem, which needs this finding (R597) */
	/* … or whose report, from a kernel before 6.0 (show_mem prints every
	 * populated zone then, mm/page_alloc.c show_free_areas), lists its
	 * zones' free blocks with no HighMem among them: 512 MiB on a 2.6.33
	 * i686, R1889 */
	bool listed_no_highmem = false;
	if (empty_highmem && !has_highmem_zone(ev) && ev->kv.known && kver_cmp(&ev->kv, 6, 0, 0) < 0) {
		for (int i = 0; i < s->nr_zones && i < OOM_MAX_ZONES; i++)
			if (!strcmp(s->zones[i].name, "Normal") && s->zones[i].nr_orders > 0)
				listed_no_highmem = true;
	}
	if (empty_highmem && ((known(s->mem.highmem_total_kib) && s->mem.highmem_total_kib == 0) || listed_no_highmem) &&
	    known(ev->req.order) && ev->req.order > 0)
		return;
	if (a->zone_name) {
		if (!strcmp(a->zone_name, "HighMem") || !strcmp(a->zone_name, "Movable"))
			return;
	} else if (!has_highmem_zone(ev) && kver_cmp(&ev->kv, 6, 0, 0) >= 0) {
		inferred = true;
	} else if (ev->kv.known && kver_cmp(&ev->kv, 6, 0, 0) < 0 && (highmem_room = highmem_above_min(ev)) == true) {
		/* the request is not in the report, but HighMem had free pages
		 * above its min mark: a request that could use HighMem would
		 * have had them, so the one that failed could not.  (Before
		 * 6.0 show_mem printed every zone; 6.x prints HighMem only for
		 * a request that may use it.) */
		inferred = true;
	} else {
		return;
	}
	/* lowmem proper: the largest zone below HighMem */
	int low = -1;
	int64_t size = -1;
	for (int i = 0; i < s->nr_zones && i < OOM_MAX_ZONES; i++) {
		const struct oom_zone *z = &s->zones[i];
		if (!strcmp(z->name, "HighMem") || !strcmp(z->name, "Movable") || !known(z->free_kib) || !known(z->min_kib))
			continue;
		int64_t sz = known(z->managed_kib) ? z->managed_kib : known(z->present_kib) ? z->present_kib : z->free_kib;
		if (sz > size) {
			size = sz;
			low = i;
		}
	}
	if (low < 0 || !known(a->page_size_kib))
		return;
	const struct oom_zone *z = &s->zones[low];
	const struct zone_verdict *zv = &a->zone[low];
	bool fails;
	if (zv->evaluated) {
		fails = !zv->ok && !lowmem_room_order0(c, low);
	} else {
		/* judged as an order-0 kernel request of that zone: no CMA, no
		 * reserve rights, its own classzone */
		int ci = zone_index_in(s, z->name);
		fails = !zone_watermark_ok(z, 0, z->min_kib, ci, inferred ? 0 : a->alloc_flags & ~ZWM_CMA,
					   a->page_size_kib, &ev->kv);
	}
	if (!fails)
		return;
	int64_t cma = known(z->free_cma_kib) && !(a->alloc_flags & ZWM_CMA) ? z->free_cma_kib : 0;
	/* HighMem nearly full too and no swap to go to: the whole machine
	 * ran out, and exhaustion comes first; lowmem is only where it failed */
	bool whole = known(m->highmem_free_kib) && (analysis_no_swap(m) || analysis_swap_full(m));
	/* above min at order 0, short in blocks of the order: say so, not
	 * "below its min" */
	bool blocks = zv->evaluated && zv->ok_order0 && known(ev->req.order) && ev->req.order > 0;
	struct finding *f = findings_add(c->out, "lowmem-pressure", SEV_CRITICAL, whole ? 58 : 95,
		"32-bit kernel: lowmem (%s) ran out for a kernel request: %s free%s, %s its min watermark %s%s",
		z->name, K(c, 0, z->free_kib), cma > 0 ? " but mostly CMA" : "",
		blocks ? "too little of it in blocks of the order to pass" : "below", K(c, 1, z->min_kib),
		known(m->highmem_free_kib) ? "; HighMem had little to spare" : "");
	if (highmem_room)
		finding_evidence(f, "the request is not in the report, but HighMem had free pages above its min watermark: a request that may use HighMem would have taken them, so the one that failed was a lowmem (kernel) request");
	else if (inferred)
		finding_evidence(f, "the request is not in the report, but this 6.x show_mem printed only zones below HighMem on a machine with HighMem: it prints the zones up to the request's highest only");
	else
		finding_evidence(f, "the request (%s) may use zones up to %s only: kernel memory must come from lowmem",
				 a->gfp_hex[0] ? a->gfp_hex : "gfp ?", a->zone_name);
	if (cma > 0)
		finding_evidence(f, "%s: %s free, of which %s in CMA pageblocks, which only movable (user) pages may take: %s left for this request",
				 z->name, K(c, 0, z->free_kib), K(c, 1, cma), K(c, 2, diff_sat(z->free_kib, cma)));
	if (known(z->active_anon_kib) && known(z->inactive_anon_kib)) {
		int64_t user = sat_add(z->active_anon_kib, z->inactive_anon_kib);
		if (known(z->active_file_kib) && known(z->inactive_file_kib))
			user = sat_add(user, sat_add(z->active_file_kib, z->inactive_file_kib));
		finding_evidence(f, "%s holds %s of user pages (anon + file) of %s: user memory falls back into lowmem once HighMem is full",
				 z->name, K(c, 0, user), K(c, 1, size));
	}
	if (known(m->highmem_free_kib) && m->highmem_free_kib < HIGHMEM_FREE_MIN_KIB)
		finding_evidence(f, "HighMem: %s free (under %s, so not the highmem-free case)", K(c, 0, m->highmem_free_kib),
				 K(c, 1, HIGHMEM_FREE_MIN_KIB));
	finding_evidence(f, "swap helps lowmem little: swapping out user pages frees mostly HighMem");
	trace_modules_note(c, f);
	finding_basis(f, BASIS_TRIGGER | BASIS_ZONES, a->basis_present, inferred ? CONF_MEDIUM : CONF_UNSET,
		      inferred ? "a lowmem request inferred from the zones the report prints" : NULL);
	if (cma > 0)
		finding_advice(f, "shrink the CMA area (cma= on the command line, or the device tree's linux,cma node): on a 32-bit kernel it takes lowmem that kernel allocations need");
	finding_advice(f, "boot a 64-bit kernel (arm64 on a Raspberry Pi 3/4, x86_64): it has no lowmem/HighMem split");
	finding_advice(f, "meanwhile keep lowmem for the kernel: a larger vm.min_free_kbytes, vm.lowmem_reserve_ratio, fewer cached files (vm.vfs_cache_pressure=200)");
}

/* A 32-bit kernel's lowmem is what its kernel address space maps: at most
 * 3 GiB even with the most generous split (VMSPLIT_1G, arch/arm/Kconfig;
 * 896 MiB on x86, 768 MiB by default on ppc32).  A report of such a kernel
 * that prints no zone line at all (cut after its summary, R058) but more
 * free memory than that: most of it was HighMem, so a request that failed
 * beside it may not use HighMem — lowmem under pressure, read from the
 * summary alone (low confidence: which lowmem zone and why is not shown). */

static bool arch_is_32bit(const char *arch)
{
	static const char *const a32[] = { "arm", "armv5l", "armv6l", "armv7l", "armhf", "armel", "i386", "i486",
					   "i586", "i686", "ppc", "powerpc", "m68k" };
	for (size_t i = 0; i < ARRAY_SIZE(a32); i++)
		if (strcmp(arch, a32[i]) == 0)
			return true;
	/* "armv7", "armv5tel", "armv6l"…: every ARM before v8 is 32-bit */
	return strncmp(arch, "armv", 4) == 0 && arch[4] >= '4' && arch[4] <= '7';
}

static void rule_lowmem_blind(struct ctx *c)
{
	const struct oom_event *ev = c->ev;
	const struct event_analysis *a = c->a;
	const struct mem_breakdown *m = &a->mem;
	if (ev->snap.nr_zones > 0 || a->memcg || a->sysrq || a->cpuset || a->mempolicy || !arch_is_32bit(ev->arch) ||
	    m->scope != MEM_SCOPE_SYSTEM || !known(m->free_kib) || m->free_kib <= LOWMEM_MAX_KIB)
		return;
	if (a->zone_name && (!strcmp(a->zone_name, "HighMem") || !strcmp(a->zone_name, "Movable")))
		return;   /* it could have used HighMem: something else stopped it */
	struct finding *f = findings_add(c->out, "lowmem-pressure", SEV_CRITICAL, 95,
		"32-bit kernel (%s) out of memory with %s free: more than lowmem can ever hold, so most of it was HighMem, and the failed request could only use lowmem",
		ev->arch, K(c, 0, m->free_kib));
	finding_evidence(f, "a 32-bit kernel maps at most 3 GiB of lowmem (VMSPLIT_1G; 896 MiB on x86, about 760 MiB with ARM's default 3G/1G split)");
	if (known(ev->snap.mem.free_cma_kib) && ev->snap.mem.free_cma_kib > 0)
		finding_evidence(f, "free_cma %s: CMA pageblocks, which kernel requests may not take, hold part of the free memory",
				 K(c, 0, ev->snap.mem.free_cma_kib));
	finding_evidence(f, "every kernel allocation (GFP_KERNEL, GFP_ATOMIC) must come from lowmem; the zone lines that would show it are not in the report");
	finding_basis(f, BASIS_TRIGGER | BASIS_ZONES | BASIS_MEMINFO, a->basis_present, CONF_LOW,
		      "lowmem pressure inferred from a 32-bit kernel's free memory beyond any lowmem");
	lowmem_unseen_advice(f);
}

/* The request not in the report and the lowmem zones' lines cut, their
 * buddy lines kept (R3613: a show_mem from its HighMem zone line on): an
 * OOM beside HighMem free above its high mark and 64 MiB or more was for
 * a request that could not use HighMem — a kernel request, whose zonelist
 * stops below HighMem without __GFP_HIGHMEM (gfp_zone(),
 * include/linux/gfp.h) — and the lowmem zones' buddy lists hold under
 * 16 MiB in all: lowmem ran out beside free HighMem.  Low confidence: the
 * lowmem zones' marks are not in the report. */
#define LOWMEM_SCANT_KIB (16 * 1024)
/* The request not in the report (no mask, no order), the OOM the whole
 * machine's, and no lowmem reading yet: the two rules below infer a lowmem
 * request from free HighMem. */
static bool lowmem_blind_request(const struct ctx *c)
{
	const struct oom_event *ev = c->ev;
	const struct event_analysis *a = c->a;
	return !(a->memcg || a->sysrq || a->cpuset || a->mempolicy || known(ev->req.order) || ev->req.gfp_known ||
		 !known(a->page_size_kib) || findings_get(c->out, "lowmem-exhausted-highmem-free") ||
		 findings_get(c->out, "lowmem-pressure"));
}

static void rule_lowmem_unknown_request(struct ctx *c)
{
	const struct oom_event *ev = c->ev;
	const struct event_analysis *a = c->a;
	/* (a show_mem alone may be a SysRq-M dump: no request failed) */
	if (!lowmem_blind_request(c) || ev->kind == OOM_KIND_FRAGMENT)
		return;
	int hi = -1, lows = 0;
	int64_t low_free = 0;
	for (int i = 0; i < ev->snap.nr_zones && i < OOM_MAX_ZONES; i++) {
		const struct oom_zone *z = &ev->snap.zones[i];
		if (!strcmp(z->name, "HighMem")) {
			if (hi >= 0)
				return;   /* NUMA HighMem: not this shape */
			hi = i;
			continue;
		}
		if (!strcmp(z->name, "Movable"))
			continue;
		if (known(z->free_kib) || z->nr_orders == 0)
			return;   /* its zone line printed (the zone rules read it), or nothing of it */
		int64_t k = zone_free_kib_at_order(z, 0, a->page_size_kib);
		if (!known(k))
			return;
		low_free = sat_add(low_free, k);
		lows++;
	}
	if (hi < 0 || lows == 0 || low_free >= LOWMEM_SCANT_KIB)
		return;
	const struct oom_zone *h = &ev->snap.zones[hi];
	if (!known(h->free_kib) || !known(h->high_kib) || h->free_kib <= h->high_kib || h->free_kib < HIGHMEM_FREE_MIN_KIB)
		return;
	struct finding *f = findings_add(c->out, "lowmem-exhausted-highmem-free", SEV_CRITICAL, 90,
		"32-bit kernel: HighMem had %s free, yet the request failed: it could not use HighMem (a kernel request) and lowmem held only %s free",
		K(c, 0, h->free_kib), K(c, 1, low_free));
	finding_evidence(f, "HighMem: %s free, above its high mark %s: any request that may use HighMem would have been served there",
			 K(c, 0, h->free_kib), K(c, 1, h->high_kib));
	finding_evidence(f, "the lowmem zones' buddy lists: %s free in all; their zone lines (free, min) are not in the report", K(c, 0, low_free));
	finding_evidence(f, "without __GFP_HIGHMEM a 32-bit kernel's allocation may use only the zones below HighMem (gfp_zone(), include/linux/gfp.h): GFP_KERNEL, GFP_ATOMIC and every kernel allocation");
	basis_fixed(f, BASIS_TRIGGER | BASIS_ZONES, a->basis_present, CONF_LOW,
		    "a lowmem request inferred from an OOM beside free HighMem; the trigger line and the lowmem zone lines are not in the report");
	lowmem_unseen_advice(f);
}

/* The same with nothing of lowmem left in the paste (R4322: a knowledge
 * base quoting a show_mem from its HighMem buddy line on, "Normal: empty"
 * in a 32-bit Xen guest's layout): a kill beside 256 MiB or more free in
 * HighMem's buddy lists, blocks of order 3 and up among them, and swap not
 * full.  A request that may use HighMem would have been served there: no
 * order the OOM killer is called for (0 to PAGE_ALLOC_COSTLY_ORDER, 3)
 * lacked a block, and the OOM killer is not called while a zone passes
 * the request's check.  So the request could not use HighMem — a kernel
 * request — and lowmem ran out.  Low confidence: lowmem's own lines are
 * not in the report. */
#define HIGHMEM_BUDDY_ROOM_KIB (256 * 1024)
static void rule_lowmem_highmem_buddy_only(struct ctx *c)
{
	const struct oom_event *ev = c->ev;
	const struct event_analysis *a = c->a;
	if (ev->kind != OOM_KIND_GLOBAL || !ev->have_victim || !lowmem_blind_request(c) || analysis_swap_full(&a->mem))
		return;
	int hi = -1;
	for (int i = 0; i < ev->snap.nr_zones && i < OOM_MAX_ZONES; i++) {
		const struct oom_zone *z = &ev->snap.zones[i];
		if (!strcmp(z->name, "HighMem")) {
			if (hi >= 0)
				return;   /* NUMA HighMem: not this shape */
			hi = i;
		} else if (known(z->free_kib) || z->nr_orders > 0) {
			return;   /* lowmem printed: the rules above read it */
		}
	}
	if (hi < 0)
		return;
	const struct oom_zone *h = &ev->snap.zones[hi];
	if (known(h->free_kib) || h->nr_orders <= 3)
		return;
	int64_t free_kib = zone_free_kib_at_order(h, 0, a->page_size_kib);
	int64_t big_kib = zone_free_kib_at_order(h, 3, a->page_size_kib);
	if (!known(free_kib) || free_kib < HIGHMEM_BUDDY_ROOM_KIB || !known(big_kib) || big_kib <= 0)
		return;
	struct finding *f = findings_add(c->out, "lowmem-exhausted-highmem-free", SEV_CRITICAL, 90,
		"32-bit kernel: the OOM killer ran with %s free in HighMem's buddy lists: the request could not use HighMem (a kernel request), so lowmem ran out",
		K(c, 0, free_kib));
	finding_evidence(f, "HighMem's buddy lists: %s free, %s of it in blocks of order 3 and up: any order the OOM killer is called for (0 to 3) would have been served there",
			 K(c, 0, free_kib), K(c, 1, big_kib));
	finding_evidence(f, "without __GFP_HIGHMEM a 32-bit kernel's allocation may use only the zones below HighMem (gfp_zone(), include/linux/gfp.h): GFP_KERNEL, GFP_ATOMIC and every kernel allocation");
	finding_evidence(f, "the lowmem zones' lines and the trigger line are not in the report");
	basis_fixed(f, BASIS_TRIGGER | BASIS_ZONES, a->basis_present, CONF_LOW,
		    "a lowmem request inferred from an OOM kill beside free HighMem; lowmem's own lines are not in the report");
	lowmem_unseen_advice(f);
}

/* What to do about lowmem the report's zone lines do not show. */
static void lowmem_unseen_advice(struct finding *f)
{
	finding_advice(f, "read the report's zone lines (\"DMA free:… Normal free:… HighMem free:…\") to see what filled lowmem");
	finding_advice(f, "boot a 64-bit kernel (arm64 on a Raspberry Pi 3/4, x86_64): it has no lowmem/HighMem split");
}

/* A 32-bit kernel's report with the request and nothing of the zones (the
 * header alone, or the header and the kill): an order-0 request whose gfp
 * has no __GFP_HIGHMEM — every kernel allocation: GFP_KERNEL, GFP_ATOMIC,
 * GFP_NOFS — has only the zones below HighMem in its zonelist (gfp_zone(),
 * include/linux/gfp.h), so what ran out under it was lowmem, whatever
 * HighMem held (R021's first report: kswapd's own GFP_ATOMIC on a ppc32
 * PowerMac).  Low confidence: on a board without HighMem lowmem is all of
 * RAM, and the zone lines that would tell are not in the report. */
static void rule_lowmem_request_blind(struct ctx *c)
{
	const struct oom_event *ev = c->ev;
	const struct event_analysis *a = c->a;
	if (ev->snap.nr_zones > 0 || known(a->mem.free_kib) || a->memcg || a->sysrq || a->cpuset || a->mempolicy ||
	    !arch_is_32bit(ev->arch) || !ev->req.gfp_known || ev->req.gfp_mask == 0 || !known(ev->req.order) ||
	    ev->req.order != 0 || !a->zone_name || findings_get(c->out, "lowmem-pressure") ||
	    !strcmp(a->zone_name, "HighMem") || !strcmp(a->zone_name, "Movable"))
		return;
	/* An atomic failure (nothing killed) is the atomic reserve's story
	 * first: with no zone line, no HighMem is known to have had room, and
	 * the request fails below its dipped min on any machine (R875, R911,
	 * R927; R021 names lowmem from its thread's other reports): lowmem
	 * follows it (rule_atomic_blind leads) */
	bool atomic_first = a->atomic && ev->kind == OOM_KIND_ALLOC_FAILURE;
	/* An OOM (not an allocation failure) on 32-bit x86: the kernel went to the
	 * OOM killer for lowmem, and an x86 machine big enough to run what
	 * it runs has HighMem beyond lowmem's 896 MiB — where user pages
	 * live — so the request starved in lowmem beside HighMem: the split's
	 * classic failure.  Only x86: 32-bit ARM and PPC boards often have
	 * all their RAM in lowmem.  Over the corpus, such i686 OOMs whose
	 * zone lines are cut read HighMem free 3 times, lowmem pressure never. */
	if (!atomic_first && ev->kind == OOM_KIND_GLOBAL && !strcmp(ev->arch, "i686")) {
		struct finding *h = findings_add(c->out, "lowmem-exhausted-highmem-free", SEV_CRITICAL, 95,
			"32-bit x86 kernel: a kernel request (%s, order 0) found no free page in lowmem, the only memory it may use, and the OOM killer was called for it; HighMem, where user memory lives, is not in the report",
			a->gfp_names_printed[0] ? a->gfp_names_printed : a->gfp_hex);
		finding_evidence(h, "the request (%s) may use zones up to %s only: without __GFP_HIGHMEM a 32-bit kernel's allocation comes from lowmem (gfp_zone(), include/linux/gfp.h)",
				 a->gfp_hex[0] ? a->gfp_hex : "gfp ?", a->zone_name);
		finding_evidence(h, "lowmem on x86 is at most 896 MiB; the rest of RAM is HighMem, which this request could not take, however much of it was free");
		basis_fixed(h, BASIS_TRIGGER | BASIS_ZONES | BASIS_MEMINFO, a->basis_present, CONF_LOW,
			    "lowmem inferred from a 32-bit x86 kernel and a request without __GFP_HIGHMEM; HighMem's room assumed, its zone line not in the report");
		lowmem_unseen_advice(h);
		return;
	}
	struct finding *f = findings_add(c->out, "lowmem-pressure", SEV_CRITICAL, atomic_first ? 60 : 95,
		"32-bit kernel (%s): a kernel request (%s, order 0) found no free page in lowmem, the only memory it may use; the zone lines are not in the report",
		ev->arch, a->gfp_names_printed[0] ? a->gfp_names_printed : a->gfp_hex);
	finding_evidence(f, "the request (%s) may use zones up to %s only: without __GFP_HIGHMEM a 32-bit kernel's allocation comes from lowmem (gfp_zone(), include/linux/gfp.h)",
			 a->gfp_hex[0] ? a->gfp_hex : "gfp ?", a->zone_name);
	finding_evidence(f, "lowmem is at most what the kernel maps: 896 MiB on x86, 768 MiB by default on ppc32, about 760 MiB with ARM's 3G/1G split; with more RAM the rest is HighMem, which this request could not take");
	if (a->atomic)
		finding_evidence(f, "an atomic request cannot reclaim: it fails as soon as lowmem is below its min watermark (less the atomic dip)");
	basis_fixed(f, BASIS_TRIGGER | BASIS_ZONES | BASIS_MEMINFO, a->basis_present, CONF_LOW,
		      "lowmem inferred from a 32-bit kernel and a request without __GFP_HIGHMEM");
	lowmem_unseen_advice(f);
}

/* An atomic order-0 request that failed, its zones not in the report (the
 * warn_alloc header alone, often rate-limited): it cannot reclaim, so it
 * fails only when every zone it may use is below its min watermark even
 * after the dips atomic requests get (__GFP_HIGH halves min, ALLOC_HARDER
 * takes a quarter more: mm/page_alloc.c __zone_watermark_ok, 2.6.x–6.x;
 * ALLOC_NON_BLOCK since 6.3) — the atomic reserve was exhausted, by the
 * kernel's own arithmetic.  Low confidence: whether CMA held the free pages
 * or a burst drained them is in the zone lines, not here. */
static void rule_atomic_blind(struct ctx *c)
{
	const struct oom_event *ev = c->ev;
	const struct event_analysis *a = c->a;
	if (ev->kind != OOM_KIND_ALLOC_FAILURE || !a->atomic || !known(ev->req.order) || ev->req.order != 0 ||
	    ev->snap.nr_zones > 0 || known(a->mem.free_kib) || findings_get(c->out, "atomic-reserves-exhausted"))
		return;
	const struct finding *lp = findings_get(c->out, "lowmem-pressure");
	if (lp && lp->weight >= 72)
		return;
	struct finding *f = findings_add(c->out, "atomic-reserves-exhausted", SEV_WARNING, 72,
		"an atomic request (%s, order 0: cannot sleep or reclaim) failed: every zone it may use was below its atomic reserve; the zone lines are not in the report",
		a->gfp_names_printed[0] ? a->gfp_names_printed : a->gfp_hex);
	finding_evidence(f, "an atomic order-0 request fails only below the min watermark less the atomic dips (__GFP_HIGH halves it, ALLOC_HARDER takes a quarter more: mm/page_alloc.c __zone_watermark_ok)");
	if (ev->req.trigger_comm[0])
		finding_evidence(f, "asked for by %s: interrupt, softirq or driver context (network receive, storage completion) allocates so", ev->req.trigger_comm);
	basis_fixed(f, BASIS_TRIGGER | BASIS_ZONES, a->basis_present, CONF_LOW,
		      "the reserve's exhaustion follows from an atomic order-0 failure; its numbers are not in the report");
	finding_advice(f, "raise vm.min_free_kbytes so bursts of atomic allocations (network receive, interrupts) find free pages");
	finding_advice(f, "usually harmless when rare (the caller drops a packet or retries); frequent failures mean memory is too tight: read the zone lines of a full report");
}

/* Where the blocks of ≥ order were, for a request that found none it may
 * take: only in lists it may not use (H without reserve rights, C for a
 * request that is not movable), only in zones it may not use, or nowhere
 * (then the largest order that was there). */
/* "node 0 Normal", or "Normal" when the report prints no node (2.6, ARM). */
static const char *zone_label(char *dst, size_t n, const struct oom_zone *z)
{
	if (z->node >= 0)
		snprintf(dst, n, "node %d %s", z->node, z->name);
	else
		snprintf(dst, n, "%s", z->name);
	return dst;
}

/* The highatomic reserve the watermark check held back, where it had to be
 * estimated (4.4–5.9 print no count: at least one pageblock per H letter). */
static void highatomic_note(struct ctx *c, struct finding *f)
{
	char zl[40];
	for (int i = 0; i < c->ev->snap.nr_zones && i < OOM_MAX_ZONES; i++)
		if (c->a->zone[i].evaluated && known(c->a->zone[i].highatomic_est_kib))
			finding_evidence(f, "%s: a highatomic reserve of at least %s held back from this request (estimated: H blocks on the buddy line, and %s prints no reserved_highatomic)",
					 zone_label(zl, sizeof(zl), &c->ev->snap.zones[i]),
					 K(c, 4, c->a->zone[i].highatomic_est_kib), "a 4.4–5.9 kernel");
}

static void blocks_where(struct ctx *c, struct finding *f, int order)
{
	char zl[40];
	const struct oom_event *ev = c->ev;
	const struct event_analysis *a = c->a;
	int largest = -1;
	const char *largest_zone = "?";
	bool told = false;
	for (int i = 0; i < ev->snap.nr_zones && i < OOM_MAX_ZONES; i++) {
		const struct oom_zone *z = &ev->snap.zones[i];
		const struct zone_verdict *zv = &a->zone[i];
		if (!zv->block_known)
			continue;
		if (zv->largest_order < order) {
			if (zv->usable && zv->largest_order > largest) {
				largest = zv->largest_order;
				largest_zone = z->name;
			}
			continue;
		}
		if (!zv->usable) {
			finding_evidence(f, "%s has free blocks of order %d and more, but this request may not use %s",
					 zone_label(zl, sizeof(zl), z), order, z->name);
			told = true;
		} else if (zv->block_exists) {
			if (zv->evaluated && !zv->ok) {
				finding_evidence(f, "%s has blocks of order %d and more, but is below its watermark + lowmem_reserve for this request",
						 zone_label(zl, sizeof(zl), z), order);
				told = true;
			}
		} else {
			unsigned t = zone_block_types_from(z, order);
			if (t && !(t & ~(MT_HIGHATOMIC | MT_CMA | MT_ISOLATE))) {
				const char *where = (t & MT_HIGHATOMIC) && (t & MT_CMA) ? "the highatomic reserve (H) and CMA (C)"
						    : (t & MT_HIGHATOMIC) ? "the highatomic reserve (H)"
						    : (t & MT_CMA) ? "CMA pageblocks (C)" : "isolated pageblocks (I)";
				finding_evidence(f, "%s: blocks of order %d and more exist only in %s, which this request may not take",
						 zone_label(zl, sizeof(zl), z), order, where);
				told = true;
			}
		}
	}
	if (!told && largest >= 0)
		finding_evidence(f, "no usable zone had a free block of order %d or more: the largest was order %d (%s)",
				 order, largest, largest_zone);
}

/* What a zone below the request's class zone holds back from it, for a
 * report with buddy lines but no zone lines: its lowmem_reserve[] entry
 * when printed, else the floor the default ratio gives from the RAM above
 * it (model/zone.c).  The zone spans at most 16 MiB (x86's ISA DMA) or
 * 4 GiB (DMA32, another arch's DMA), 896 MiB for 32-bit x86 Normal
 * against HighMem.  OOM_NA when the zone is the request's own or above. */
static int64_t buddy_only_reserve_kib(const struct ctx *c, int i, const char **basis)
{
	const struct oom_event *ev = c->ev;
	*basis = "its lowmem_reserve[] line";
	const struct oom_zone *z = &ev->snap.zones[i];
	int zi = zone_index_in(&ev->snap, z->name);
	if (zi < 0 || c->a->classzone < 0 || zi >= c->a->classzone)
		return OOM_NA;
	if (known(c->a->zone[i].reserve_kib))
		return c->a->zone[i].reserve_kib;
	bool x86 = !strcmp(ev->arch, "x86_64") || !strcmp(ev->arch, "i686") || !strcmp(ev->arch, "i386") ||
		   !strcmp(ev->arch, "i586");
	int64_t max_kib = !strcmp(z->name, "DMA") && x86 ? 16LL * 1024
			  : !strcmp(z->name, "Normal") ? 896LL * 1024 : 4LL * 1024 * 1024;
	int64_t ram = known(ev->snap.mem.ram_kib) ? ev->snap.mem.ram_kib : c->a->mem.total_kib;
	*basis = "the default vm.lowmem_reserve_ratio of the RAM above it";
	/* RAM not printed: on x86_64 a Normal zone is memory above 4 GiB
	 * (ZONE_DMA32 ends there, arch/x86/mm/init.c zone_sizes_init), so
	 * RAM is 4 GiB at least, and DMA's reserve against a request that
	 * may use Normal is its whole 16 MiB (R5817's buddy lines: blocks of
	 * order 2 only in DMA) */
	bool normal = false, dma32 = false;
	for (int k = 0; k < ev->snap.nr_zones && k < OOM_MAX_ZONES; k++) {
		normal = normal || !strcmp(ev->snap.zones[k].name, "Normal");
		dma32 = dma32 || !strcmp(ev->snap.zones[k].name, "DMA32");
	}
	/* ... and whatever the arch, the summary's counters (free + LRU +
	 * slab + page tables + stacks) are RAM at most: the reserve they give
	 * is the least the zone can have (R6387, no arch in the text: 15.5
	 * GiB counted puts DMA's 15.5 MiB free behind 44 MiB at least, with
	 * DMA as large as 4 GiB) */
	if (!known(ram)) {
		ram = counted_summary_kib(&c->a->mem);
		*basis = "the default vm.lowmem_reserve_ratio of the memory the summary counts, which RAM is at least";
	}
	if ((!known(ram) || ram < 4LL * 1024 * 1024) && x86 && !strcmp(ev->arch, "x86_64") && !strcmp(z->name, "DMA") &&
	    normal && dma32) {
		ram = 4LL * 1024 * 1024;
		*basis = "the default vm.lowmem_reserve_ratio of 4 GiB of RAM, the least an x86_64 machine with a Normal zone has";
	}
	int64_t r = zone_default_reserve_floor_kib(z->name, ram, max_kib);
	return r > 0 ? r : OOM_NA;
}

/* The highest min watermark a zone can have by the kernel's own settings,
 * for buddy lines without zone lines: the default min_free_kbytes for the
 * RAM (or its cap: 64 MiB before 5.7, 256 MiB since), or khugepaged's
 * recommendation for the zones printed, whichever is larger (model/commit.c).
 * A user's larger vm.min_free_kbytes is not ruled out: low confidence. */
static int64_t buddy_only_min_ceiling(const struct ctx *c)
{
	const struct oom_event *ev = c->ev;
	int64_t ram = known(ev->snap.mem.ram_kib) ? ev->snap.mem.ram_kib : c->a->mem.total_kib;
	int64_t mfk = known(ram) ? min_free_kbytes_default(ram, &ev->kv)
		      : ev->kv.known && kver_cmp(&ev->kv, 5, 7, 0) < 0 ? 65536 : 262144;
	int zones = 0;
	for (int i = 0; i < ev->snap.nr_zones && i < OOM_MAX_ZONES; i++)
		if (strcmp(ev->snap.zones[i].name, "HighMem") && strcmp(ev->snap.zones[i].name, "Movable"))
			zones++;
	int64_t thp = min_free_kbytes_thp(known(c->a->page_size_kib) ? c->a->page_size_kib : 4, zones ? zones : 1, ram);
	return thp > mfk ? thp : mfk;
}

/* The zone watermark lines are elided but the buddy lines are there (an
 * expert trimmed the report, or it was cut): for order > 0, when no usable
 * zone had a block ≥ order in a list the request may take while its buddy
 * lines still held free memory that is not tiny (at least 1 MiB and four
 * requests' worth, and 1 % of RAM when RAM is known), the request failed
 * for want of a block, not of memory.  A zone's block does not count
 * when it sits behind the zone's lowmem_reserve (buddy_only_reserve_kib),
 * nor, before 4.4, when it is too small a share of the zone's free memory
 * to pass the order's part of the check (buddy_only_min_ceiling). */
static bool rule_fragmentation_buddy_only(struct ctx *c)
{
	const struct oom_event *ev = c->ev;
	const struct event_analysis *a = c->a;
	int order = (int)ev->req.order;
	if (a->nr_buddy_only == 0 || a->nr_evaluated > 0 || !known(a->page_size_kib))
		return false;
	int64_t free_kib = 0;
	bool scarce = false;
	int reserved = -1;
	int64_t reserved_kib = OOM_NA;
	const char *reserved_basis = "";
	for (int i = 0; i < ev->snap.nr_zones && i < OOM_MAX_ZONES; i++) {
		const struct oom_zone *z = &ev->snap.zones[i];
		if (!a->zone[i].usable)
			continue;
		if (!a->zone[i].block_known)
			return false;   /* a usable zone without its buddy line: its blocks are unknown */
		int64_t k = zone_free_kib_at_order(z, 0, a->page_size_kib);
		if (a->zone[i].block_exists) {
			/* a block in a zone below the request's own, behind its
			 * lowmem_reserve: the request could not take it */
			const char *rb;
			int64_t r = buddy_only_reserve_kib(c, i, &rb);
			if (known(k) && known(r) && r >= k && reserved < 0) {
				reserved = i;
				reserved_kib = r;
				reserved_basis = rb;
				continue;
			}
			/* Before 4.4 the order's part of the check weighs the free
			 * pages in blocks of the order and up against min halved
			 * per order (mm/page_alloc.c __zone_watermark_ok; 4.4+,
			 * commit 97a16fc82a7c, asks only for one block of the
			 * request's types, which this zone has): a zone above any
			 * min mark the kernel gives it, its blocks of the order
			 * under an eighth of its free, passed at order 0 and failed
			 * there — the buddy-line form of rule_fragmentation_scarce
			 * (R1453, 2.6: 106 MiB in single pages, 528 KiB in larger
			 * blocks) */
			int64_t at = zone_usable_free_kib_at_order(z, order, a->alloc_flags, &ev->kv, a->page_size_kib);
			if (!ev->kv.known || kver_cmp(&ev->kv, 4, 4, 0) >= 0 || !known(k) || !known(at) ||
			    sat_mul(at, 8) >= k || k <= buddy_only_min_ceiling(c))
				return false;
			scarce = true;
		}
		if (known(k))
			free_kib = sat_add(free_kib, k);
	}
	int64_t req_kib = known(a->request_bytes) ? a->request_bytes / 1024 : sat_mul(a->page_size_kib, 1LL << order);
	const struct mem_breakdown *m = &a->mem;
	if (free_kib < 1024 || free_kib < sat_mul(4, req_kib) ||
	    (known(m->total_kib) && sat_mul(free_kib, 100) < m->total_kib))
		return false;
	bool failure = ev->kind == OOM_KIND_ALLOC_FAILURE;
	struct finding *f = findings_add(c->out, "fragmentation-high-order", SEV_CRITICAL, failure ? 85 : 76,
		"order-%d request (%s) failed with %s free in the zones it may use but %s: fragmentation",
		order, K(c, 0, req_kib), K(c, 1, free_kib),
		scarce ? "almost none of it in blocks that large" : "no free block it could take");
	blocks_where(c, f, order);
	if (reserved >= 0)
		finding_evidence(f, "%s's blocks sit behind its lowmem_reserve against this request: %s (%s) at least, more than its %s free",
				 ev->snap.zones[reserved].name, K(c, 0, reserved_kib), reserved_basis,
				 K(c, 1, zone_free_kib_at_order(&ev->snap.zones[reserved], 0, a->page_size_kib)));
	if (scarce)
		finding_evidence(f, "a zone holds blocks of the order, under an eighth of its free memory, with free above any min mark the kernel sets (%s at most): it passed at order 0 and failed the order's part of the check",
				 K(c, 0, buddy_only_min_ceiling(c)));
	finding_evidence(f, "read from the buddy lines alone: the zone watermark lines are not in the report");
	finding_basis(f, BASIS_TRIGGER | BASIS_ZONES | BASIS_BUDDY, a->basis_present, scarce ? CONF_LOW : CONF_MEDIUM,
		      scarce ? "the zone's min mark is not printed: a vm.min_free_kbytes set above the kernel's own would mean it ran out instead" : NULL);
	finding_advice(f, "raise vm.min_free_kbytes (e.g. to 1-3 %% of RAM) so kswapd keeps more memory free and unfragmented");
	finding_advice(f, "enable compaction: vm.compaction_proactiveness (5.9+), or echo 1 > /proc/sys/vm/compact_memory from cron; watch /proc/buddyinfo");
	if (a->atomic || failure)
		finding_advice(f, "the caller should fall back to smaller blocks (kvmalloc) or retry: high-order allocations fail by design under fragmentation");
	return true;
}

/* No Mem-Info, zone or buddy line at all (a report trimmed to its head, or
 * quoted in a patch): an order ≥ 2 OOM, or an allocation failure of a
 * request that gives up early — atomic or __GFP_NORETRY at order ≥ 1, or any
 * costly order (> PAGE_ALLOC_COSTLY_ORDER 3, which the allocator stops
 * retrying once compaction fails: mm/page_alloc.c should_compact_retry) —
 * most often failed for want of contiguous blocks.  Low confidence, saying
 * what would decide it. */
static bool rule_fragmentation_blind(struct ctx *c)
{
	const struct oom_event *ev = c->ev;
	const struct event_analysis *a = c->a;
	int order = (int)ev->req.order;
	if ((a->basis_present & (BASIS_MEMINFO | BASIS_ZONES | BASIS_BUDDY)) || ev->snap.nr_zones > 0)
		return false;
	bool failure = ev->kind == OOM_KIND_ALLOC_FAILURE;
	bool noretry = ev->req.gfp_known && gfp_has(ev->req.gfp_mask, GFPB_NORETRY, &ev->kv);
	if (failure ? !(order > 3 || a->atomic || noretry) : order < 2)
		return false;
	int64_t req_kib = known(a->request_bytes) ? a->request_bytes / 1024 : OOM_NA;
	struct finding *f = findings_add(c->out, "fragmentation-high-order", SEV_WARNING, 55,
		"an order-%d request (%s contiguous) %s: most likely no free block that large (fragmentation), but the report prints no memory figures to prove it",
		order, known(req_kib) ? K(c, 0, req_kib) : "2^order pages",
		failure ? "failed" : "invoked the OOM killer");
	finding_evidence(f, "order %d = %d contiguous pages%s", order, 1 << order,
			 a->atomic ? "; the request could not sleep, so it could neither reclaim nor compact"
			 : noretry ? "; __GFP_NORETRY: the allocator gave up after one reclaim/compaction pass"
			 : order > 3 ? "; above PAGE_ALLOC_COSTLY_ORDER (3): the allocator stops retrying once compaction fails" : "");
	finding_evidence(f, "the report has no Mem-Info, zone or buddy lines: whether free memory was there, and in which block sizes, is not shown");
	finding_basis(f, BASIS_TRIGGER | BASIS_MEMINFO | BASIS_ZONES | BASIS_BUDDY, a->basis_present, CONF_LOW,
		      "fragmentation inferred from the order and flags alone");
	finding_advice(f, "read the full report's buddy lines (\"Node 0 Normal: N*4kB …\"), or /proc/buddyinfo on the machine: if the columns for order %d and above are 0 while the small ones are not, it is fragmentation",
		       order);
	finding_advice(f, "the caller should fall back to smaller blocks (kvmalloc) or retry; vm.min_free_kbytes and compaction (vm.compaction_proactiveness, 5.9+) keep large blocks available");
	return true;
}

/* No buddy lines, but the summary says most free memory was CMA: a
 * request that may not use CMA (not movable: no ALLOC_CMA) does not count
 * NR_FREE_CMA_PAGES in the watermark check (mm/page_alloc.c
 * __zone_watermark_ok, 3.x+) and may not take a CMA block (__rmqueue's
 * fallbacks never list MIGRATE_CMA).  When the rest, the non-CMA free,
 * still passes that check for the order — the kernel's own arithmetic on
 * the zone's min — memory was there and what failed was finding a block
 * of the order outside CMA: fragmentation.  The zone's free_cma is the
 * summary's when one usable zone holds the free memory. */
static bool rule_fragmentation_cma_summary(struct ctx *c)
{
	const struct oom_event *ev = c->ev;
	const struct event_analysis *a = c->a;
	const struct oom_snapshot *s = &ev->snap;
	int order = (int)ev->req.order;
	if (!ev->req.gfp_known || (a->alloc_flags & ZWM_CMA) || !known(a->page_size_kib) ||
	    !known(s->mem.free_kib) || !known(s->mem.free_cma_kib) || s->mem.free_cma_kib * 2 < s->mem.free_kib)
		return false;
	int64_t req_kib = known(a->request_bytes) ? a->request_bytes / 1024 : sat_mul(a->page_size_kib, 1LL << order);
	if (s->mem.free_cma_kib < req_kib)
		return false;   /* CMA could not have held the block either */
	int zi = -1, n = 0;
	for (int i = 0; i < s->nr_zones && i < OOM_MAX_ZONES; i++) {
		const struct oom_zone *z = &s->zones[i];
		if (!a->zone[i].usable || !known(z->free_kib) || z->free_kib <= 0)
			continue;
		if (a->zone[i].block_known || !known(z->min_kib))
			return false;   /* blocks printed (other rules read them), or no mark */
		zi = i;
		n++;
	}
	if (n != 1)
		return false;
	struct oom_zone z = s->zones[zi];
	if (!known(z.free_cma_kib)) {
		if (z.free_kib < s->mem.free_cma_kib)
			return false;
		z.free_cma_kib = s->mem.free_cma_kib;
	}
	z.nr_orders = 0;   /* the watermark part of the check alone */
	if (!zone_watermark_ok(&z, order, z.min_kib, a->classzone, a->alloc_flags, a->page_size_kib, &ev->kv))
		return false;   /* short even without the block check: not about blocks */
	int64_t rest = diff_sat(z.free_kib, z.free_cma_kib);
	bool failure = ev->kind == OOM_KIND_ALLOC_FAILURE;
	struct finding *f = findings_add(c->out, "fragmentation-high-order", SEV_CRITICAL, failure ? 80 : 72,
		"order-%d request (%s) failed: %s of the %s free was CMA, which this request may not take, and the %s outside CMA had no free block that large: fragmentation",
		order, K(c, 0, req_kib), K(c, 1, z.free_cma_kib), K(c, 2, z.free_kib), K(c, 3, rest));
	finding_evidence(f, "free_cma %s of free %s (Mem-Info): CMA pageblocks hold only movable pages; the request (%s) is not movable",
			 K(c, 0, s->mem.free_cma_kib), K(c, 1, s->mem.free_kib),
			 ev->req.gfp_text[0] ? ev->req.gfp_text : a->gfp_hex);
	char zl[40];
	finding_evidence(f, "%s: %s free outside CMA passes the min watermark (%s) for order %d: the memory was there, a block of %s outside CMA was not",
			 zone_label(zl, sizeof(zl), &z), K(c, 0, rest), K(c, 1, z.min_kib), order, K(c, 2, req_kib));
	finding_basis(f, BASIS_TRIGGER | BASIS_MEMINFO | BASIS_ZONES | BASIS_BUDDY, a->basis_present, CONF_MEDIUM,
		      "the buddy lines are not in the report: the missing block is inferred from the failure and the watermark arithmetic");
	finding_advice(f, "read the buddy line (\"Node 0 %s: N*4kB (UMC) …\") or /proc/pagetypeinfo: blocks of order %d and above outside the C lists decide it",
		       z.name, order);
	finding_advice(f, "the caller should fall back to smaller blocks (kvmalloc, or a DMA/CMA allocation if it is a device buffer); shrink the CMA area (cma=) if the devices need less");
	return true;
}

/* A high-order allocation failure whose zones pass the check at its order
 * on the printed numbers, but only by a few blocks.  The report is printed
 * after the allocator gave up (mm/page_alloc.c warn_alloc from
 * __alloc_pages_slowpath): a costly order (> PAGE_ALLOC_COSTLY_ORDER 3)
 * stops once compaction fails (should_compact_retry), a smaller one after
 * its retries, and blocks that other CPUs free or take meanwhile move the
 * buddy counts.  When every usable zone passed at order 0 by a wide margin
 * (free above twice its high mark + reserve: the zone's own scale, so a
 * 256 MiB board counts too) while the blocks of the order held under an
 * eighth of its free memory, the failure was the blocks, not the memory
 * (R368: 16.4 MiB free, 576 KiB of it in blocks of 64 KiB and more). */
static void rule_fragmentation_scarce(struct ctx *c)
{
	const struct oom_event *ev = c->ev;
	const struct event_analysis *a = c->a;
	int order = (int)ev->req.order;
	/* an OOM of a small order is printed after the allocator gave up as
	 * well (dump_header from __alloc_pages_may_oom): the same reading
	 * (R1228: order 2, 570 MiB free, 1.4 MiB of it in blocks of 16 KiB) */
	if ((ev->kind != OOM_KIND_ALLOC_FAILURE && ev->kind != OOM_KIND_GLOBAL) || !known(a->page_size_kib) ||
	    a->nr_evaluated == 0)
		return;
	int64_t free = 0, big = 0;
	for (int i = 0; i < ev->snap.nr_zones && i < OOM_MAX_ZONES; i++) {
		const struct oom_zone *z = &ev->snap.zones[i];
		const struct zone_verdict *zv = &a->zone[i];
		/* a zone that fails even at order 0 (DMA behind its
		 * lowmem_reserve) had nothing for the request: the others tell */
		if (!zv->evaluated || !zv->ok_order0)
			continue;
		if (!known(z->high_kib) || !known(zv->free_at_order_kib))
			return;
		int64_t mark = sat_add(z->high_kib, known(zv->reserve_kib) && zv->reserve_kib > 0 ? zv->reserve_kib : 0);
		/* a zone just at its marks (DMA a few KiB above its reserve)
		 * shows neither memory nor blocks: the zones with room tell */
		if (z->free_kib <= sat_mul(2, mark))
			continue;
		if (sat_mul(zv->free_at_order_kib, 8) >= z->free_kib)
			return;
		free = sat_add(free, z->free_kib);
		big = sat_add(big, zv->free_at_order_kib);
	}
	if (free == 0)
		return;
	int64_t req_kib = known(a->request_bytes) ? a->request_bytes / 1024 : sat_mul(a->page_size_kib, 1LL << order);
	struct finding *f = findings_add(c->out, "fragmentation-high-order", SEV_CRITICAL, 80,
		"order-%d request (%s) failed with %s free, of which only %s in blocks of that size or larger: fragmentation",
		order, K(c, 0, req_kib), K(c, 1, free), K(c, 2, big));
	for (int i = 0; i < ev->snap.nr_zones && i < OOM_MAX_ZONES; i++) {
		const struct oom_zone *z = &ev->snap.zones[i];
		const struct zone_verdict *zv = &a->zone[i];
		char zl[40];
		if (zv->evaluated)
			finding_evidence(f, "%s: free %s (high %s), in blocks of order %d and more %s, largest free block order %d",
					 zone_label(zl, sizeof(zl), z), K(c, 0, z->free_kib), K(c, 1, z->high_kib), order,
					 K(c, 2, zv->free_at_order_kib), zv->largest_order);
	}
	finding_evidence(f, "the zone lines are printed after the allocator gave up (warn_alloc); %s: the few blocks of the order seen afterwards were not there, or not enough, when it tried",
			 order > 3 ? "an order above PAGE_ALLOC_COSTLY_ORDER (3) stops retrying once compaction fails" : "it gave up after its reclaim and compaction retries");
	finding_basis(f, BASIS_TRIGGER | BASIS_ZONES | BASIS_BUDDY, a->basis_present, CONF_MEDIUM,
		      "the zones pass the check at the order on these numbers, by a few blocks only");
	finding_advice(f, "the caller should use smaller blocks (kvmalloc, a scatter-gather list) for buffers of %s: high-order allocations fail by design when memory is fragmented",
		       K(c, 0, req_kib));
	finding_advice(f, "raise vm.min_free_kbytes and enable compaction (vm.compaction_proactiveness, 5.9+); watch /proc/buddyinfo");
}

/* The request not in the report (its head cut), but its zones are: a zone
 * the usual requests take had free above its min mark, so an order-0
 * request would have been served there (mm/page_alloc.c
 * __zone_watermark_ok: order 0 needs free above min only) and the OOM
 * came from a larger one; and no such zone held a free block of order 3
 * (32 KiB on 4 KiB pages) or more, which every request of order ≥ 3 needs,
 * while megabytes were free in smaller ones: fragmentation (R3404: a Xen
 * dom0's show_mem with its order-3 header in another excerpt).  Swap
 * with room, or none shown: a full swap would say exhaustion instead. */
static bool rule_fragmentation_unknown_request(struct ctx *c)
{
	const struct oom_event *ev = c->ev;
	const struct event_analysis *a = c->a;
	if (a->sysrq || a->memcg || a->cpuset || a->mempolicy || known(ev->req.order) || ev->req.gfp_known ||
	    !known(a->page_size_kib) || analysis_swap_full(&a->mem))
		return false;
	if (known(a->mem.swap_total_kib) && a->mem.swap_total_kib > 0 && known(a->mem.swap_free_kib) &&
	    sat_mul(a->mem.swap_free_kib, 4) < a->mem.swap_total_kib)
		return false;
	int above = -1, zones = 0, top = -1;
	int64_t free_kib = 0;
	for (int i = 0; i < ev->snap.nr_zones && i < OOM_MAX_ZONES; i++) {
		const struct oom_zone *z = &ev->snap.zones[i];
		const struct zone_verdict *zv = &a->zone[i];
		/* ISA DMA: only GFP_DMA requests take it, and it keeps its blocks */
		if (!strcmp(z->name, "DMA") || (known(z->present_kib) && z->present_kib == 0))
			continue;
		if (!zv->block_known)
			return false;
		zones++;
		if (zv->largest_order > 2)
			return false;
		if (zv->largest_order > top)
			top = zv->largest_order;
		int64_t k = zone_free_kib_at_order(z, 0, a->page_size_kib);
		if (known(k))
			free_kib = sat_add(free_kib, k);
		/* the request's classzone is unknown: an ordinary one's is the
		 * node's top zone, whose lowmem_reserve is the line's largest
		 * entry (the reserves grow toward higher classzones) */
		int64_t rsv = 0;
		for (int j = 0; j < z->nr_lowmem_reserve && j < OOM_MAX_ZONE_IDX; j++)
			if (known(z->lowmem_reserve_pages[j]) && z->lowmem_reserve_pages[j] > rsv)
				rsv = z->lowmem_reserve_pages[j];
		int64_t mark = known(z->min_kib) ? sat_add(z->min_kib, sat_mul(rsv, a->page_size_kib)) : OOM_NA;
		if (known(z->free_kib) && known(mark) && z->min_kib > 0 && z->free_kib > mark &&
		    (above < 0 || z->free_kib > ev->snap.zones[above].free_kib))
			above = i;
	}
	if (zones == 0 || above < 0 || free_kib < 4096)
		return false;
	const struct oom_zone *z = &ev->snap.zones[above];
	char zl[40];
	struct finding *f = findings_add(c->out, "fragmentation-high-order", SEV_CRITICAL, 70,
		"a request larger than a page failed with %s free but no free block of 32 KiB or more: fragmentation (the request's line is not in the report)",
		K(c, 0, free_kib));
	finding_evidence(f, "%s had %s free, above its min mark %s and its lowmem_reserve: a single page would have been served there, so the request that failed was larger",
			 zone_label(zl, sizeof(zl), z), K(c, 0, z->free_kib), K(c, 1, z->min_kib));
	finding_evidence(f, "the largest free block in the zones ordinary requests take is order %d (%s): any request of order 3 or more finds none",
			 top, K(c, 0, sat_mul(a->page_size_kib, 1LL << (top < 0 ? 0 : top))));
	if (known(a->mem.swap_free_kib) && known(a->mem.swap_total_kib) && a->mem.swap_total_kib > 0)
		finding_evidence(f, "swap had %s free of %s: memory as a whole had not run out", K(c, 0, a->mem.swap_free_kib),
				 K(c, 1, a->mem.swap_total_kib));
	finding_basis(f, BASIS_ZONES | BASIS_BUDDY, a->basis_present, CONF_LOW,
		      "the request's order is inferred from the zones: its trigger line is not in the report");
	finding_advice(f, "find the report's trigger line in the full log (\"invoked oom-killer: gfp_mask=…, order=…\"): its order confirms it");
	finding_advice(f, "raise vm.min_free_kbytes (e.g. to 1-3 %% of RAM) so kswapd keeps more memory free and unfragmented");
	finding_advice(f, "enable compaction: vm.compaction_proactiveness (5.9+), or echo 1 > /proc/sys/vm/compact_memory from cron; watch /proc/buddyinfo");
	return true;
}

static void rule_fragmentation(struct ctx *c)
{
	const struct oom_event *ev = c->ev;
	const struct event_analysis *a = c->a;
	int64_t order = ev->req.order;
	if (!known(order)) {
		rule_fragmentation_unknown_request(c);
		return;
	}
	if (a->sysrq || a->memcg || order <= 0 || order >= OOM_MAX_ORDERS)
		return;
	if (a->nr_evaluated == 0) {
		if (!rule_fragmentation_buddy_only(c) && !rule_fragmentation_cma_summary(c))
			rule_fragmentation_blind(c);
		return;
	}
	/* A zone that passes the check at the order by less than a few
	 * requests (DMA a page above its lowmem_reserve) is the snapshot's
	 * noise, printed after the allocator gave up: it did not have the
	 * room the others lacked (R1285) */
	int64_t req_kib = known(a->page_size_kib) ? sat_mul(a->page_size_kib, 1LL << order) : OOM_NA;
	int real_ok = 0;
	for (int i = 0; i < ev->snap.nr_zones && i < OOM_MAX_ZONES; i++) {
		const struct oom_zone *z = &ev->snap.zones[i];
		const struct zone_verdict *zv = &a->zone[i];
		if (!zv->evaluated || !zv->ok)
			continue;
		int64_t above = diff_sat(z->free_kib, sat_add(known(zv->mark_kib) ? zv->mark_kib : 0,
							 known(zv->reserve_kib) && zv->reserve_kib > 0 ? zv->reserve_kib : 0));
		if (!known(req_kib) || !known(zv->mark_kib) || above > sat_mul(4, req_kib))
			real_ok++;
	}
	if (real_ok > 0) {
		rule_fragmentation_scarce(c);
		return;
	}
	/* Memory was there (some usable zone passed at order 0) but no block of
	 * the order was: that is fragmentation, not exhaustion. */
	bool blocks_missing = false;
	int largest = -1;
	int64_t frag_free = OOM_NA;   /* free in the zones that lacked only the block */
	for (int i = 0; i < ev->snap.nr_zones && i < OOM_MAX_ZONES; i++) {
		const struct zone_verdict *zv = &a->zone[i];
		if (!zv->evaluated)
			continue;
		if (zv->block_known && !zv->block_exists)
			blocks_missing = true;
		if (!zv->ok_order0 && a->nr_ok_order0 > 0)
			continue;   /* below min anyway: says nothing about blocks */
		if (zv->largest_order > largest)
			largest = zv->largest_order;
		int64_t fk = ev->snap.zones[i].free_kib;
		frag_free = known(frag_free) ? frag_free + fk : fk;
	}
	if (a->nr_ok_order0 == 0 && !blocks_missing)
		return;
	/* Under 5 % free is plain exhaustion, blocks or not — unless reclaim
	 * had plenty to free: a request that may reclaim (not atomic), with a
	 * quarter of RAM or more in the file LRU (clean or being written,
	 * reclaim's first food) and no block of the order in any list it may
	 * take, gets order-0 pages from reclaim but not a block; the OOM at
	 * order > 0 comes from compaction giving up (mm/page_alloc.c
	 * should_compact_retry, 4.7+; R858: 6.8 GiB of page cache, order-2
	 * blocks only in the highatomic reserve). */
	/* reclaimable slab (dentries, inodes) is reclaim's food too, shrunk
	 * beside the LRU (mm/vmscan.c shrink_slab) (R1300) */
	int64_t food = known(a->mem.file_kib) ? a->mem.file_kib : OOM_NA;
	if (known(food) && known(a->mem.slab_reclaimable_kib))
		food = sat_add(food, a->mem.slab_reclaimable_kib);
	bool reclaimable = !a->atomic && blocks_missing && known(food) && known(a->mem.total_kib) &&
			   food * 4 >= a->mem.total_kib;
	if (a->nr_ok_order0 == 0 && known(a->usable_free_kib) && known(a->mem.total_kib) &&
	    a->usable_free_kib * 20 < a->mem.total_kib && !reclaimable)
		return;   /* under 5 % free: plain exhaustion, blocks or not */
	char blocks[48];
	if (largest >= 0)
		snprintf(blocks, sizeof(blocks), "order-0..%d blocks", largest);
	else
		snprintf(blocks, sizeof(blocks), "small blocks");
	bool failure = ev->kind == OOM_KIND_ALLOC_FAILURE;
	struct finding *f = findings_add(c->out, "fragmentation-high-order", SEV_CRITICAL, failure ? 85 : 76,
		"order-%lld request (%s) failed with %s free in %s: fragmentation",
		(long long)order, K(c, 0, known(a->request_bytes) ? a->request_bytes / 1024 : OOM_NA),
		K(c, 1, known(frag_free) ? frag_free : a->usable_free_kib), blocks);
	if (reclaimable && a->nr_ok_order0 == 0) {
		finding_evidence(f, "the file LRU and reclaimable slab held %s of %s: reclaim had order-0 pages to free, not a block of order %lld",
				 K(c, 0, food), K(c, 1, a->mem.total_kib), (long long)order);
		c->frag_reclaimable = true;
	}
	for (int i = 0; i < ev->snap.nr_zones && i < OOM_MAX_ZONES; i++) {
		const struct oom_zone *z = &ev->snap.zones[i];
		const struct zone_verdict *zv = &a->zone[i];
		if (!zv->evaluated || (!zv->ok_order0 && a->nr_ok_order0 > 0))
			continue;   /* below min anyway (DMA behind its reserve): not about blocks */
		long long fi = zone_frag_index(z, (int)order);
		long long frac = fi % 1000;
		finding_evidence(f, "node %d %s: free %s (min %s), largest free block order %d, fragmentation index %s%lld.%03lld",
				 z->node, z->name, K(c, 0, z->free_kib), K(c, 1, z->min_kib), zv->largest_order,
				 fi < 0 && fi > -1000 ? "-" : "", fi / 1000, frac < 0 ? -frac : frac);
	}
	blocks_where(c, f, (int)order);
	highatomic_note(c, f);
	if (ev->compaction_disabled)
		finding_evidence(f, "\"COMPACTION is disabled!!!\": this kernel cannot defragment memory");
	if (kver_cmp(&ev->kv, 4, 7, 0) >= 0 && kver_cmp(&ev->kv, 4, 8, 0) < 0 && order <= 3)
		finding_evidence(f, "4.7 kernels OOM-killed on order-2/3 requests with free memory (a known regression, fixed in 4.8/4.9)");
	finding_advice(f, "raise vm.min_free_kbytes (e.g. to 1-3 %% of RAM) so kswapd keeps more memory free and unfragmented");
	if (ev->compaction_disabled)
		finding_advice(f, "use a kernel built with CONFIG_COMPACTION");
	else
		finding_advice(f, "enable compaction: vm.compaction_proactiveness (5.9+), or echo 1 > /proc/sys/vm/compact_memory from cron; watch /proc/buddyinfo");
	if (a->atomic || failure)
		finding_advice(f, "the caller should fall back to smaller blocks (kvmalloc) or retry: %s allocations fail by design under fragmentation",
			       a->atomic ? "atomic high-order" : "high-order");
}

/* CMA pageblocks (mm/cma.c, 3.5+) are free memory only movable requests may
 * take: since 3.8 zone_watermark_ok subtracts NR_FREE_CMA_PAGES for the rest
 * (mm/page_alloc.c __zone_watermark_ok, !ALLOC_CMA).  A request that may
 * not use CMA failing in zones whose free memory is mostly CMA, and which
 * without it sit near their min watermark, was refused memory it saw as free
 * (R065: 46 of 49 MiB free in Normal was CMA, a GFP_KERNEL request). */
/* The free memory of a buddy line's orders whose only migratetype letter
 * is C: CMA at least (an order with C and others may hold either). */
static int64_t buddy_cma_only_kib(const struct oom_zone *z, int64_t page_kib)
{
	int64_t cb = 0;
	for (int o = 0; o < z->nr_orders && o < OOM_MAX_ORDERS; o++)
		if (known(z->free_blocks[o]) && z->free_types[o] == MT_CMA)
			cb = sat_add(cb, sat_mul(z->free_blocks[o], sat_mul(page_kib, 1LL << o)));
	return cb;
}

static void rule_cma(struct ctx *c)
{
	const struct event_analysis *a = c->a;
	const struct oom_snapshot *s = &c->ev->snap;
	if (a->memcg || a->sysrq || (a->alloc_flags & ZWM_CMA))
		return;
	/* The request not in the report (a show_mem fragment, R691): only a
	 * movable user request with ALLOC_CMA may take CMA, every kernel one
	 * may not, so zones whose free is CMA and whose rest sits at min are
	 * read as this, at low confidence — every printed zone must be so,
	 * as which of them the request could use is unknown. */
	bool blind = !c->ev->req.gfp_known;
	if (blind && (!known(a->page_size_kib) || s->nr_zones == 0))
		return;
	int64_t free = 0, cma = 0;
	int n = 0, best = -1;
	/* one zone whose line lost its free_cma (cut or wrapped): the
	 * summary's free_cma is that zone's, there being no other */
	int64_t only_cma = s->nr_zones == 1 && known(s->mem.free_cma_kib) ? s->mem.free_cma_kib : OOM_NA;
	int64_t best_cma = 0, best_free = 0, pooled_usable = 0, pooled_free = 0;
	bool best_buddy = false, best_letters = false, order_blocks_cma = false;
	for (int i = 0; i < s->nr_zones; i++) {
		const struct oom_zone *z = &s->zones[i];
		int64_t zc = known(z->free_cma_kib) ? z->free_cma_kib : only_cma;
		int64_t zfree = z->free_kib;
		/* a buddy line alone (zone line cut): the blocks of C-only
		 * orders are CMA at least, its total the zone's free */
		bool from_buddy = false, cma_letters = false;
		if (!known(zc) && !known(zfree) && z->free_types_known && known(z->buddy_total_kib) && known(a->page_size_kib)) {
			zc = buddy_cma_only_kib(z, a->page_size_kib);
			zfree = z->buddy_total_kib;
			from_buddy = true;
		} else if (!known(zc) && known(zfree) && z->free_types_known && known(a->page_size_kib)) {
			/* a zone line without free_cma (before 3.8, or cut
			 * where it stood) beside a lettered buddy line: the
			 * C-only orders are its CMA at least (R5300: every
			 * block of a 3.x Normal zone (C), an atomic order-0
			 * request failing over 16 MiB free) */
			zc = buddy_cma_only_kib(z, a->page_size_kib);
			if (zc > zfree)
				zc = zfree; /* the buddy line a moment apart */
			cma_letters = zc > 0;
		}
		/* blind, HighMem (or Movable) above its high mark: the failed
		 * request could not use it, so it was a lowmem (kernel) one,
		 * which may not take CMA either: the zones below decide (R978) */
		if (blind && (!strcmp(z->name, "HighMem") || !strcmp(z->name, "Movable")) && known(z->free_kib) &&
		    known(z->high_kib) && z->free_kib > z->high_kib)
			continue;
		if (blind && known(zfree) && zfree > 0 && (!known(zc) || (!known(z->min_kib) && !from_buddy)))
			return;
		if ((!blind && !a->zone[i].usable) || !known(zfree) || !known(zc) || (!known(z->min_kib) && !from_buddy))
			continue;
		free = sat_add(free, zfree);
		cma = sat_add(cma, zc);
		int64_t res = known(a->zone[i].reserve_kib) ? a->zone[i].reserve_kib : 0;
		/* An order > 0 request whose zone holds blocks of the order in
		 * the C lists alone: before 4.4 the order-aware check counted
		 * them (mm/page_alloc.c __zone_watermark_ok subtracted only
		 * NR_FREE_CMA_PAGES from the total), 4.4+ looks for a block of
		 * the request's own types; either way only CMA had the block
		 * (R1068: order 1, 7.7 of 12.8 MiB free CMA, every block of 8 KiB
		 * and more C) */
		int ord = known(c->ev->req.order) && c->ev->req.order > 0 && c->ev->req.order < OOM_MAX_ORDERS
				  ? (int)c->ev->req.order : 0;
		bool c_blocks = !blind && ord > 0 && z->free_types_known &&
				zone_usable_block_order(z, ord, a->alloc_flags, &c->ev->kv) < 0 &&
				zone_usable_block_order(z, ord, a->alloc_flags | ZWM_CMA, &c->ev->kv) >= 0;
		/* without CMA the zone had no more than twice what the min check
		 * needs; with no mark printed, CMA nineteen twentieths of its free
		 * — or, for an order-0 request, what its lists leave it (no C
		 * without ALLOC_CMA, no H without reserve rights) is weighed over
		 * every such zone together below (R1764: DMA32 all C, Normal
		 * mostly H, 1.3 of 39 MiB free usable) */
		bool pooled = from_buddy && !known(z->min_kib) && !blind && ord == 0 && !c_blocks;
		if (pooled) {
			int64_t uf = zone_usable_free_kib_at_order(z, 0, a->alloc_flags, &c->ev->kv, a->page_size_kib);
			if (!known(uf))
				return;
			pooled_usable = sat_add(pooled_usable, uf);
			pooled_free = sat_add(pooled_free, zfree);
		} else if (!c_blocks && (from_buddy && !known(z->min_kib) ? sat_mul(zc, 20) < sat_mul(zfree, 19)
									 : diff_sat(zfree, zc) > 2 * sat_add(z->min_kib, res))) {
			return;
		}
		if (c_blocks)
			order_blocks_cma = true;
		if (best < 0 || zc > best_cma) {
			best = i;
			best_cma = zc;
			best_free = zfree;
			best_buddy = from_buddy;
			best_letters = cma_letters;
		}
		n++;
	}
	if (n == 0 || cma < 4096 || cma * 2 < free || sat_mul(pooled_usable, 20) > pooled_free)
		return;
	const struct oom_zone *z = &s->zones[best];
	int64_t z_cma = best_cma;
	/* blind, it must lead the premature reading (62) of the same roomy
	 * free count, which CMA makes look usable */
	/* CMA holding the blocks of the order is the cause the missing block
	 * only describes: ahead of fragmentation (85) */
	struct finding *f = findings_add(c->out, "cma-unusable", SEV_CRITICAL, order_blocks_cma ? 86 : blind ? 64 : 60,
		"%s of the %s free in the zones %s was CMA, which a non-movable request may not take: without it %s",
		K(c, 0, cma), K(c, 1, free), blind ? "printed" : "the request may use",
		order_blocks_cma ? "no block of the order was left" : best_buddy ? "little was left" : "they were at their watermarks");
	if (order_blocks_cma)
		finding_evidence(f, "every free block of order %lld and more the request would need is in a C (MIGRATE_CMA) list",
				 (long long)c->ev->req.order);
	finding_evidence(f, "%s: %s free, free_cma %s, min %s (mm/page_alloc.c: NR_FREE_CMA_PAGES do not count for requests without ALLOC_CMA)",
			 z->name, K(c, 0, best_free), K(c, 1, z_cma), K(c, 2, z->min_kib));
	if (best_buddy)
		finding_evidence(f, "read from the buddy line alone: its blocks of C-only orders are CMA (at least), its total the zone's free");
	if (pooled_free > 0)
		finding_evidence(f, "the lists this request may take (no C without ALLOC_CMA, no H without reserve rights) held %s of the %s the buddy lines show",
				 K(c, 3, pooled_usable), K(c, 4, pooled_free));
	else if (best_letters)
		finding_evidence(f, "free_cma read from the buddy line: the zone line does not show it, so the blocks of orders whose only letter is C count (at least)");
	else if (!known(z->free_cma_kib))
		finding_evidence(f, "free_cma from the Mem-Info summary: the zone line does not show it, and the report has no other zone");
	if (blind)
		finding_evidence(f, "the request is not in the report: a kernel (non-movable) request, the usual one to fail, sees only the %s outside CMA",
				 K(c, 0, diff_sat(best_free, z_cma)));
	else
		finding_evidence(f, "the request (%s) is not movable: CMA areas hold only movable pages", c->ev->req.gfp_text[0] ? c->ev->req.gfp_text : a->gfp_hex);
	finding_basis(f, cause_needs(a, "cma-unusable"), a->basis_present, blind || pooled_free > 0 ? CONF_LOW : CONF_MEDIUM,
		      blind ? "the request is not in the report: judged as a kernel request, which may not take CMA"
			    : pooled_free > 0 ? "read from the buddy lines' migratetype letters: the zones' watermarks are not in the report"
			    : order_blocks_cma ? "the blocks of the order the request may take, read from the buddy lines' migratetype letters"
			    : "the zone lines are a snapshot after the allocator gave up: near, not below, the watermark without CMA");
	finding_advice(f, "the CMA area is sized at boot (cma= on the command line, or the device tree's linux,cma node): shrink it to what the devices need");
	finding_advice(f, "CMA lends its pages to movable (user) memory only; kernel allocations need the rest of the zone: size RAM minus CMA for them");
}

static void rule_cpuset(struct ctx *c)
{
	const struct oom_event *ev = c->ev;
	const struct event_analysis *a = c->a;
	if (!a->cpuset && !a->mempolicy)
		return;
	int64_t in = OOM_NA, out = OOM_NA;
	for (int i = 0; i < ev->snap.nr_zones && i < OOM_MAX_ZONES; i++) {
		const struct oom_zone *z = &ev->snap.zones[i];
		if (!known(z->free_kib))
			continue;
		int64_t *dst = a->zone[i].node_allowed ? &in : &out;
		*dst = known(*dst) ? *dst + z->free_kib : z->free_kib;
	}
	if (a->constraint_inferred && !a->inferred_nodes[0]) {
		/* only the vendor's hint: which node is not in the report */
		struct finding *h = findings_add(c->out, "cpuset-or-mempolicy", SEV_CRITICAL, 74,
			"one NUMA node ran out while other nodes still had memory: the kernel said so itself (\"OOM kill occurred on an x86_64 NUMA system!\")");
		finding_evidence(h, "\"OOM kill occurred on an x86_64 NUMA system! The numa=off boot option might help avoid this.\": printed by RHEL 4-era x86_64 kernels when one node is exhausted while others have free memory");
		finding_basis(h, BASIS_CONSTRAINT | BASIS_ZONES | BASIS_TRIGGER, a->basis_present, CONF_MEDIUM,
			      "node-confined exhaustion inferred from the kernel's NUMA hint");
		if (h)
			h->confidence = CONF_MEDIUM;   /* the kernel's own statement, though no zone line shows it */
		finding_advice(h, "interleave the workload's memory across nodes (numactl --interleave=all), or boot with numa=off as the kernel suggests");
		finding_advice(h, "size the job to the memory of one node, or spread it over processes bound to different nodes (numastat -m shows per-node use)");
		return;
	}
	const char *nodes = a->constraint_inferred ? a->inferred_nodes : a->cpuset ? ev->mems_allowed : ev->req.nodemask;
	bool plural = strpbrk(nodes, ",-") != NULL;
	struct finding *f;
	if (known(out))
		f = findings_add(c->out, "cpuset-or-mempolicy", SEV_CRITICAL, 74,
			"the allocation was confined to node%s %s by %s: %s %s free while the other nodes had %s",
			plural ? "s" : "", nodes[0] ? nodes : "?", a->cpuset ? "its cpuset" : "a memory policy",
			plural ? "they had" : "it had", K(c, 0, in), K(c, 1, out));
	else
		f = findings_add(c->out, "cpuset-or-mempolicy", SEV_CRITICAL, 74,
			"the allocation was confined to node%s %s by %s, and %s ran out",
			plural ? "s" : "", nodes[0] ? nodes : "?", a->cpuset ? "its cpuset" : "a memory policy",
			plural ? "those" : "it");
	if (ev->constraint[0])
		finding_evidence(f, "constraint=%s", ev->constraint);
	if (ev->numa_oom_hint)
		finding_evidence(f, "the kernel's own hint: \"OOM kill occurred on an x86_64 NUMA system!\"");
	if (a->nodemask_inferred) {
		if (a->cpuset)
			finding_evidence(f, "inferred (no constraint line before 5.0): the trigger's nodemask=%s is the cpuset's mems_allowed, which 4.7-4.x pass as the mask when no policy gives one",
					 nodes);
		else
			finding_evidence(f, "inferred (no constraint line before 5.0): the trigger's nodemask=%s is a bind policy's nodes; mm/oom_kill.c constrained_alloc calls a mask without every node CONSTRAINT_MEMORY_POLICY",
					 nodes);
		finding_basis(f, BASIS_CONSTRAINT | BASIS_ZONES | BASIS_TRIGGER, a->basis_present, CONF_MEDIUM,
			      "%s inferred from the trigger line's nodemask%s", a->cpuset ? "cpuset" : "memory policy",
			      known(out) ? "" : ": whether it covers every node is not shown (no zone lines of other nodes)");
	} else if (a->constraint_inferred) {
		finding_evidence(f, "inferred (no oom-kill constraint line before 5.0): an order-0 request without __GFP_THISNODE failed (or sat below the low mark) in every usable zone of node%s %s while zones of other nodes had room above their watermarks",
				 plural ? "s" : "", nodes);
		finding_basis(f, BASIS_CONSTRAINT | BASIS_ZONES | BASIS_TRIGGER, a->basis_present, CONF_MEDIUM,
			      "%s inferred from the zones: the kernel did not print the constraint",
			      a->cpuset ? "cpuset (mems_allowed a strict subset of the nodes)" : "memory policy");
	}
	if (ev->cpuset[0])
		finding_evidence(f, "cpuset=%s mems_allowed=%s", ev->cpuset, ev->mems_allowed[0] ? ev->mems_allowed : "?");
	if (ev->req.nodemask[0])
		finding_evidence(f, "nodemask=%s", ev->req.nodemask);
	if (a->cpuset)
		finding_advice(f, "widen the cpuset's memory nodes (cpuset.mems / cpuset.mems.effective) or move the job to a cpuset with more memory");
	else
		finding_advice(f, "use a preferred policy (numactl --preferred) instead of --membind, or bind to more nodes");
	finding_advice(f, "size the job to the memory of its nodes (numastat -m shows per-node use)");
}

/* A DMA or DMA32 request under a cpuset whose mems leave out node 0: on
 * x86 those zones hold the first 16 MiB / 4 GiB of physical memory, which
 * lie on node 0 (the node at physical address 0), so no node the cpuset
 * allows has the zone at all and the request fails however much is free
 * (mm/page_alloc.c get_page_from_freelist skips zones outside
 * cpuset_current_mems_allowed; R431: KVM 5.8's GFP_DMA32 MMU page under
 * libvirt's "emulator" cpuset of node 1, 26 GiB free).  Zone lines are not
 * needed: the request's zone and the cpuset's mems say it. */
static void rule_low_zone_outside_cpuset(struct ctx *c)
{
	const struct oom_event *ev = c->ev;
	const struct event_analysis *a = c->a;
	if (a->memcg || a->sysrq || findings_get(c->out, "cpuset-or-mempolicy") || !a->zone_name ||
	    (strcmp(a->zone_name, "DMA32") != 0 && strcmp(a->zone_name, "DMA") != 0))
		return;
	if (strcmp(ev->arch, "x86_64") != 0 && strcmp(ev->arch, "i686") != 0)
		return;
	const char *ma = ev->mems_allowed;
	if (!ev->cpuset[0] || strcmp(ev->cpuset, "/") == 0 || !ma[0] || strcmp(ma, "(null)") == 0 ||
	    strspn(ma, "0123456789,-") != strlen(ma) || oom_node_allowed(ma, 0))
		return;
	struct finding *f = findings_add(c->out, "cpuset-or-mempolicy", SEV_CRITICAL, 74,
		"a %s request under cpuset %s, whose memory nodes (%s) leave out node 0, where all of %s lies: no allowed node has that zone",
		a->zone_name, ev->cpuset, ma, a->zone_name);
	finding_evidence(f, "cpuset=%s mems_allowed=%s", ev->cpuset, ma);
	finding_evidence(f, "%s is the first %s of physical memory, on node 0 (x86); the allocator takes no zone outside the cpuset's mems (mm/page_alloc.c get_page_from_freelist)",
			 a->zone_name, strcmp(a->zone_name, "DMA") == 0 ? "16 MiB" : "4 GiB");
	if (known(a->mem.free_kib))
		finding_evidence(f, "%s free in the whole machine did not help", K(c, 0, a->mem.free_kib));
	finding_basis(f, BASIS_CONSTRAINT | BASIS_TRIGGER, a->basis_present, CONF_MEDIUM,
		      "the zone's node inferred from the x86 memory layout; no zone line shows it");
	finding_advice(f, "add node 0 to the cpuset's mems (cpuset.mems; libvirt: <numatune> of the emulator threads), or have the caller not ask for %s",
		       a->zone_name);
}

/* Free memory the highatomic reserve held (4.4+: MIGRATE_HIGHATOMIC
 * pageblocks kept for high-order atomic requests, mm/page_alloc.c
 * reserve_highatomic_pageblock).  A usable zone whose free blocks are all
 * in H lists, or whose free passes the mark only with reserved_highatomic
 * counted (5.x-6.x print it; __zone_watermark_ok subtracts it for any
 * request without ALLOC_HARDER/ALLOC_OOM): the request failed beside
 * memory it was not given.
 *  - A request that may reclaim should have seen the reserve released
 *    before failing (unreserve_highatomic_pageblock from
 *    should_reclaim_retry, 4.9+): failing with it held is the kernel's
 *    bug (the 4.x H-only reports, 6.x's overestimated reserve).
 *  - An atomic order-0 request draws pages through the per-cpu lists,
 *    refilled from its own migratetype (rmqueue_pcplist), never from H:
 *    its reserve was gone, the atomic reserve's story. */
static bool zone_free_all_highatomic(const struct oom_zone *z)
{
	if (!z->free_types_known || z->nr_orders <= 0)
		return false;
	bool any = false;
	for (int o = 0; o < z->nr_orders && o < OOM_MAX_ORDERS; o++) {
		if (!known(z->free_blocks[o]) || z->free_blocks[o] <= 0)
			continue;
		if (z->free_types[o] != MT_HIGHATOMIC)
			return false;
		any = true;
	}
	return any;
}

static void rule_highatomic_held(struct ctx *c)
{
	const struct oom_event *ev = c->ev;
	const struct event_analysis *a = c->a;
	if (a->memcg || a->sysrq || !known(ev->req.order) || ev->req.order != 0)
		return;
	int held = -1;
	for (int i = 0; i < ev->snap.nr_zones && i < OOM_MAX_ZONES; i++) {
		const struct oom_zone *z = &ev->snap.zones[i];
		const struct zone_verdict *zv = &a->zone[i];
		if (!zv->usable || !known(z->free_kib) || z->free_kib <= 0)
			continue;
		if (zv->evaluated && zv->ok && analysis_zone_had_room(z, zv->reserve_kib))
			return;   /* another zone could serve it: not this story */
		int64_t res = known(zv->reserve_kib) ? zv->reserve_kib : 0;
		bool ha_decides = known(z->reserved_highatomic_kib) && z->reserved_highatomic_kib > 0 && known(zv->mark_kib) &&
				  !a->atomic && z->free_kib > sat_add(zv->mark_kib, res) &&
				  diff_sat(z->free_kib, z->reserved_highatomic_kib) <= sat_add(zv->mark_kib, res);
		if ((zone_free_all_highatomic(z) || ha_decides) && held < 0)
			held = i;
	}
	if (held < 0)
		return;
	const struct oom_zone *z = &ev->snap.zones[held];
	char zl[40];
	zone_label(zl, sizeof(zl), z);
	struct finding *f;
	if (a->atomic) {
		f = findings_add(c->out, "atomic-reserves-exhausted", SEV_WARNING, 88,
			"an atomic order-0 request failed while %s's free memory (%s) sat in highatomic pageblocks, which it does not draw on: its own reserve was gone",
			zl, K(c, 0, z->free_kib));
		finding_evidence(f, "every free block of %s is in an H (MIGRATE_HIGHATOMIC) list", zl);
		finding_evidence(f, "an order-0 request takes pages through the per-cpu lists, refilled from its own migratetype, not from the highatomic reserve (mm/page_alloc.c rmqueue_pcplist)");
		finding_advice(f, "raise vm.min_free_kbytes so bursts of atomic allocations find free pages outside the reserve");
	} else {
		f = findings_add(c->out, "kernel-oom-regression", SEV_CRITICAL, 88,
			"the request failed beside %s free in %s, held in the highatomic reserve it may not take: the kernel should have released the reserve first",
			K(c, 0, z->free_kib), zl);
		if (zone_free_all_highatomic(z))
			finding_evidence(f, "every free block of %s is in an H (MIGRATE_HIGHATOMIC) list", zl);
		else
			finding_evidence(f, "%s: free %s, min %s, reserved_highatomic %s: the zone fails its mark only with the reserve subtracted (mm/page_alloc.c __zone_watermark_ok)",
					 zl, K(c, 0, z->free_kib), K(c, 1, a->zone[held].mark_kib), K(c, 2, z->reserved_highatomic_kib));
		finding_evidence(f, "before failing a request that may reclaim, the allocator unreserves highatomic pageblocks (unreserve_highatomic_pageblock from should_reclaim_retry, 4.9+): it did not, or over-counted the reserve");
		finding_advice(f, "update the kernel: fixes to the highatomic reserve's accounting and release went into 4.x stable and 6.x (search the stable log for \"highatomic\")");
	}
	basis_fixed(f, BASIS_TRIGGER | BASIS_ZONES | BASIS_BUDDY, a->basis_present, CONF_MEDIUM,
		    "read from the buddy lines' migratetype letters or the zone's reserved_highatomic");
}

/* An atomic request of order > 0 whose buddy lines are not in the report
 * (cut, or a 2.6 report that prints none): which blocks existed is
 * unknown, but the order-0 part of the check comes first and fails on its
 * own (mm/page_alloc.c zone_watermark_ok, 2.6.x; __zone_watermark_ok,
 * 3.x+: free − (2^order − 1) pages against min less the atomic dips, plus
 * lowmem_reserve).  When every usable zone with a free and a min fails it,
 * the memory was not there at any block size (R914: order-1 GFP_ATOMIC,
 * free 276 KiB under min 720 KiB). */
static bool atomic_zones_short(const struct ctx *c)
{
	const struct oom_event *ev = c->ev;
	const struct event_analysis *a = c->a;
	int order = (int)ev->req.order;
	if (order <= 0 || a->nr_evaluated > 0 || !known(a->page_size_kib))
		return false;
	int n = 0;
	for (int i = 0; i < ev->snap.nr_zones && i < OOM_MAX_ZONES; i++) {
		struct oom_zone z = ev->snap.zones[i];
		if (!a->zone[i].usable || !known(z.free_kib) || !known(z.min_kib))
			continue;
		z.nr_orders = 0;   /* the watermark part of the check alone */
		if (zone_watermark_ok(&z, order, z.min_kib, a->classzone, a->alloc_flags, a->page_size_kib, &ev->kv))
			return false;
		n++;
	}
	return n > 0;
}

static int64_t atomic_zones_free(const struct ctx *c)
{
	int64_t free = 0;
	for (int i = 0; i < c->ev->snap.nr_zones && i < OOM_MAX_ZONES; i++) {
		const struct oom_zone *z = &c->ev->snap.zones[i];
		if (c->a->zone[i].usable && known(z->free_kib) && known(z->min_kib))
			free = sat_add(free, z->free_kib);
	}
	return free;
}

/* An atomic order-0 failure whose zones all sit under their plain min
 * at the snapshot, though above the dipped mark an atomic request may
 * reach (min less __GFP_HIGH's half and ALLOC_HARDER's quarter,
 * mm/page_alloc.c __zone_watermark_ok): only reserve pages were left, and
 * show_mem runs after the failure, while the burst that drained them
 * (a NIC refilling its receive ring in softirq) may have freed some back
 * (R2520: both zones at under half their min).  Returns how many zones. */
static int atomic_zones_under_min(const struct ctx *c)
{
	const struct oom_event *ev = c->ev;
	const struct event_analysis *a = c->a;
	if (ev->req.order != 0 || a->nr_evaluated == 0)
		return 0;
	int n = 0;
	for (int i = 0; i < ev->snap.nr_zones && i < OOM_MAX_ZONES; i++) {
		const struct oom_zone *z = &ev->snap.zones[i];
		if (!a->zone[i].evaluated)
			continue;
		if (!known(z->free_kib) || !known(z->min_kib) || z->min_kib <= 0 || z->free_kib >= z->min_kib)
			return 0;
		n++;
	}
	return n;
}

static void rule_atomic(struct ctx *c)
{
	const struct oom_event *ev = c->ev;
	const struct event_analysis *a = c->a;
	if (ev->kind != OOM_KIND_ALLOC_FAILURE || !a->atomic || !known(ev->req.order))
		return;
	bool short_any_block = atomic_zones_short(c);
	if (ev->req.order != 0 && !short_any_block)
		return;
	bool under_min = !short_any_block && a->nr_evaluated > 0 && a->nr_ok > 0 && atomic_zones_under_min(c) > 0;
	if (!short_any_block && !under_min && (a->nr_evaluated == 0 || a->nr_ok > 0))
		return;
	/* Every zone it failed in was above its high mark counting the free
	 * CMA pages, which a non-movable request may not take (mm/page_alloc.c
	 * __zone_watermark_ok subtracts NR_FREE_CMA_PAGES without ALLOC_CMA,
	 * 3.7+): the atomic reserve is not what ran out, CMA held the free
	 * memory, and cma-unusable leads (R482: 140 of 140 MiB free was CMA). */
	bool cma_held = findings_get(c->out, "cma-unusable") != NULL;
	for (int i = 0; cma_held && i < ev->snap.nr_zones && i < OOM_MAX_ZONES; i++) {
		const struct oom_zone *z = &ev->snap.zones[i];
		if (a->zone[i].evaluated &&
		    (!known(z->free_kib) || !known(z->high_kib) ||
		     z->free_kib <= sat_add(z->high_kib, known(a->zone[i].reserve_kib) ? a->zone[i].reserve_kib : 0)))
			cma_held = false;
	}
	struct finding *f = findings_add(c->out, "atomic-reserves-exhausted", SEV_WARNING, cma_held ? 55 : 72,
		"an atomic request (cannot sleep or reclaim) found every usable zone below its reserve: %s free",
		K(c, 0, short_any_block ? atomic_zones_free(c) : a->usable_free_kib));
	if (cma_held)
		finding_evidence(f, "counting CMA every zone was above its high watermark: the free memory was CMA, which this request may not take, not the atomic reserve");
	char zl[40];
	for (int i = 0; i < ev->snap.nr_zones && i < OOM_MAX_ZONES; i++) {
		const struct oom_zone *z = &ev->snap.zones[i];
		if (a->zone[i].evaluated || (short_any_block && a->zone[i].usable && known(z->free_kib) && known(z->min_kib))) {
			finding_evidence(f, "%s: free %s, min %s", zone_label(zl, sizeof(zl), z), K(c, 0, z->free_kib),
					 K(c, 1, z->min_kib));
		}
	}
	if (short_any_block) {
		finding_evidence(f, "order %lld: the buddy lines are not in the report, but these zones fail the check's order-0 part, which comes before any block is looked for",
				 (long long)ev->req.order);
		finding_basis(f, BASIS_TRIGGER | BASIS_ZONES, a->basis_present, CONF_MEDIUM,
			      "read from the zone lines' free and min; the buddy lines are not in the report");
	}
	if (under_min) {
		finding_evidence(f, "every zone was under its min, above only the lower mark an atomic request may reach (min less half, then a quarter: mm/page_alloc.c __zone_watermark_ok): only the atomic reserve was left");
		finding_evidence(f, "the zone lines print after the failure: the burst of atomic requests that took the rest (network receive in softirq, interrupts) may have freed some since");
		basis_fixed(f, BASIS_TRIGGER | BASIS_ZONES, a->basis_present, CONF_MEDIUM,
			    "every zone under min at the snapshot, above the atomic mark: the reserve's exhaustion read across the snapshot's lag");
	}
	finding_advice(f, "raise vm.min_free_kbytes so bursts of atomic allocations (network receive, interrupts) find free pages");
	finding_advice(f, "usually harmless when rare (the caller drops a packet or retries); frequent failures mean memory is too tight");
}

/* Is every limit the report prints for the cgroup well above its usage?
 * The pairs a v1 or v2 memcg OOM prints (mm/memcontrol.c
 * mem_cgroup_print_oom_meminfo): memory, memory+swap (v1), kmem (v1). */
static bool memcg_far_below_limits(const struct oom_memcg *m)
{
	const int64_t pairs[3][2] = { { m->usage_kib, m->limit_kib }, { m->memsw_usage_kib, m->memsw_limit_kib },
				      { m->kmem_usage_kib, m->kmem_limit_kib } };
	bool any = false;
	for (int i = 0; i < 3; i++) {
		int64_t u = pairs[i][0], l = pairs[i][1];
		if (!known(u) || !known(l) || l <= 0 || is_unlimited(l))
			continue;
		if (u * 4 >= l * 3)
			return false;
		any |= i == 0;
	}
	return any;
}

/* A kernel's memcg OOM report whose cgroup sat far below every limit it
 * prints: the OOM killer runs for a memcg only after a charge could not
 * fit under its limit with reclaim (mm/memcontrol.c try_charge, then
 * mem_cgroup_out_of_memory, or the v1 page-fault path's
 * mem_cgroup_oom_synchronize at the fault's end), and the usage is read
 * when the report prints.  An order-0 charge a quarter of the limit
 * below it is an OOM on a stale context or a race with a kill that just
 * freed the memory: the kernel's, not the limit's (R1122, R1064).  Not
 * for the guard's own incidents, which act before any limit. */
static void rule_memcg_stale(struct ctx *c)
{
	const struct oom_event *ev = c->ev;
	const struct oom_memcg *m = &ev->snap.memcg;
	if (!c->a->memcg || c->a->memcg_inferred || !memcg_far_below_limits(m))
		return;
	bool kernels = ev->req.gfp_known || known(ev->req.order) || ev->victim.message[0];
	if (!kernels || (known(ev->req.order) && ev->req.order > 3))
		return;
	int pcts = (int)(m->usage_kib * 100 / m->limit_kib);
	struct finding *f = findings_add(c->out, "kernel-oom-regression", SEV_CRITICAL, 72,
		"the memory cgroup's OOM ran at %d %% of its limit (usage %s of %s): the charge that failed was far from the limit when the report printed, a stale OOM context or a race with a kill that had just freed memory",
		pcts, K(c, 0, m->usage_kib), K(c, 1, m->limit_kib));
	finding_evidence(f, "a memcg OOM is invoked only when a charge cannot fit under the limit after reclaim (mm/memcontrol.c try_charge); the usage is read as the report prints");
	if (known(m->memsw_limit_kib) && known(m->memsw_usage_kib))
		finding_evidence(f, "memory+swap: usage %s of %s, also far below", K(c, 0, m->memsw_usage_kib), K(c, 1, m->memsw_limit_kib));
	if (known(ev->req.order))
		finding_evidence(f, "the request was of order %lld (%s): nowhere near the room left", (long long)ev->req.order,
				 K(c, 0, sat_mul(4, (int64_t)1 << (ev->req.order > 10 ? 10 : ev->req.order))));
	finding_basis(f, BASIS_MEMCG, c->a->basis_present, CONF_MEDIUM,
		      "the usage is read when the report prints, after the charge failed");
	if (f && f->confidence > CONF_MEDIUM)
		f->confidence = CONF_MEDIUM;
	finding_advice(f, "look for OOM reports of the same cgroup just before this one: a kill that freed memory while this charge was failing makes a second, needless OOM");
	finding_advice(f, "update the kernel: stale memcg OOM contexts and charge/kill races were fixed in several releases (v1 page-fault OOMs: mem_cgroup_oom_synchronize)");
}

static void rule_memcg(struct ctx *c)
{
	const struct oom_event *ev = c->ev;
	const struct event_analysis *a = c->a;
	if (!a->memcg)
		return;
	const struct oom_memcg *m = &ev->snap.memcg;
	const char *path = ev->oom_memcg[0] ? ev->oom_memcg : m->path[0] ? m->path : "?";
	char big[160];
	biggest_text(c, big, sizeof(big));
	/* cgroup v1 also OOMs at its memory+swap limit while memory itself is
	 * below its own (often unlimited) limit. */
	bool memsw = known(m->memsw_limit_kib) && known(m->memsw_usage_kib) &&
		     m->memsw_usage_kib >= m->memsw_limit_kib &&
		     (!known(m->limit_kib) || !known(m->usage_kib) || m->usage_kib < m->limit_kib);
	/* Usage well above the limit: a charge never takes usage past max
	 * (mm/page_counter.c page_counter_try_charge; only forced charges
	 * overshoot, by a few pages), so the limit was lowered below the usage.
	 * A v2 memory.max write reclaims and then OOM-kills until usage fits
	 * (mm/memcontrol.c memory_max_write, 4.5+); v1's limit_in_bytes write
	 * fails with EBUSY instead.  The write caused the OOM, whatever filled
	 * the cgroup: the limit leads the consumers. */
	bool over = !memsw && known(m->usage_kib) && known(m->limit_kib) && m->limit_kib > 0 &&
		    m->usage_kib > sat_add(m->limit_kib, m->limit_kib / 20 > 2048 ? m->limit_kib / 20 : 2048);
	struct finding *f;
	if (memsw)
		f = findings_add(c->out, "memcg-limit", SEV_CRITICAL, 70,
			"memory cgroup %s reached its memory+swap limit of %s (memory %s, swap included)", path,
			K(c, 0, m->memsw_limit_kib), K(c, 1, m->usage_kib));
	else {
		/* A kernel memcg OOM happens at the limit; the guard acts before it
		 * (its incidents are judged by this rule too), so say how near. */
		bool below = known(m->usage_kib) && known(m->limit_kib) && m->limit_kib > 0 &&
			     m->usage_kib < m->limit_kib - m->limit_kib / 50;
		char fc[48] = "";
		if (known(m->failcnt))
			snprintf(fc, sizeof(fc), ", failcnt %lld", (long long)m->failcnt);
		if (a->memcg_inferred) {
			f = findings_add(c->out, "memcg-limit", SEV_CRITICAL, 70,
				"a memory cgroup reached its limit and none of its tasks could be killed (inferred: \"no killable processes\" without the panic a system-wide OOM ends in)");
			if (ev->kind_hint == OOM_KIND_HINT_NOKILL_LIVED)
				finding_evidence(f, "\"Out of memory and no killable processes...\" and then the machine went on (a later line of it, no \"System is deadlocked on memory\" panic): 4.19+ panic at once unless the OOM is a memory cgroup's or sysrq's (mm/oom_kill.c out_of_memory)");
			else
				finding_evidence(f, "\"Out of memory and no killable processes...\" with no \"System is deadlocked on memory\" panic: 4.19+ panic after it unless the OOM is a memory cgroup's or sysrq's (mm/oom_kill.c out_of_memory), and the trigger's order=%lld is not sysrq's (-1)",
						 (long long)ev->req.order);
			finding_evidence(f, "a cgroup with no killable task: every task in it at oom_score_adj -1000 or already exiting, or none left (a memory.max lowered below the usage of page cache or kernel memory that no task holds)");
			finding_basis(f, BASIS_MEMCG, a->basis_present, CONF_MEDIUM,
				      "memcg kind inferred from the missing panic");
		} else if (!known(m->usage_kib) && !known(m->limit_kib))
			f = findings_add(c->out, "memcg-limit", SEV_CRITICAL, 70,
				"memory cgroup %s reached its limit (the kill line says so; its usage and limit lines are not in the report)",
				path);
		else if (over)
			f = findings_add(c->out, "memcg-limit", SEV_CRITICAL, 70,
				"memory cgroup %s held %s, above its limit of %s: the limit was lowered below its usage, and the kernel killed to bring the usage under it",
				path, K(c, 0, m->usage_kib), K(c, 1, m->limit_kib));
		else if (below)
			f = findings_add(c->out, "memcg-limit", SEV_CRITICAL, 70,
				"memory cgroup %s was at %lld %% of its limit of %s (usage %s%s)", path,
				(long long)(m->usage_kib * 100 / m->limit_kib), K(c, 0, m->limit_kib),
				K(c, 1, m->usage_kib), fc);
		else
			f = findings_add(c->out, "memcg-limit", SEV_CRITICAL, 70,
				"memory cgroup %s reached its limit of %s (usage %s%s)", path,
				K(c, 0, m->limit_kib), K(c, 1, m->usage_kib), fc);
	}
	if (known(m->usage_kib) || known(m->limit_kib))
		finding_evidence(f, "memory: usage %s, limit %s, failcnt %s", K(c, 0, m->usage_kib),
				 LIM(c, 1, m->limit_kib),
				 known(m->failcnt) ? (snprintf(c->b[2], sizeof(c->b[2]), "%lld", (long long)m->failcnt), c->b[2]) : "?");
	if (known(m->swap_limit_kib))
		finding_evidence(f, "swap: usage %s, limit %s", K(c, 0, m->swap_usage_kib), LIM(c, 1, m->swap_limit_kib));
	if (known(m->memsw_limit_kib))
		finding_evidence(f, "memory+swap: usage %s, limit %s", K(c, 0, m->memsw_usage_kib), LIM(c, 1, m->memsw_limit_kib));
	if (a->mem.scope == MEM_SCOPE_MEMCG && (known(a->mem.anon_kib) || known(a->mem.file_kib)) &&
	    !a->mem.memcg_stats_children_missing) {
		/* v1 stats of 3.10-4.18 have no shmem: say nothing rather than "?" */
		if (known(a->mem.shmem_kib))
			finding_evidence(f, "in the cgroup: anon %s, file %s, shmem %s", K(c, 0, a->mem.anon_kib),
					 K(c, 1, a->mem.file_kib), K(c, 2, a->mem.shmem_kib));
		else
			finding_evidence(f, "in the cgroup: anon %s, file %s", K(c, 0, a->mem.anon_kib),
					 K(c, 1, a->mem.file_kib));
	}
	if (over) {
		if (f)
			f->weight = 98;
		finding_evidence(f, "usage %s is above the limit %s: charges stop at the limit, so the limit was lowered below the usage (a memory.max write OOM-kills until usage fits: mm/memcontrol.c memory_max_write, 4.5+)",
				 K(c, 0, m->usage_kib), K(c, 1, m->limit_kib));
		finding_advice(f, "lower a cgroup's limit in steps, or set memory.high first and let reclaim shrink the cgroup before lowering memory.max");
	}
	/* Socket buffers are charged to a v2 cgroup's memory (mm/memcontrol.c
	 * mem_cgroup_charge_skmem, 4.5+; v1 charges them to a separate tcp
	 * counter): when they hold a large share of the usage, they are what
	 * filled the limit, and killing a process frees them only with its
	 * sockets. */
	int sock_share = m->version == 2 ? pct(m->sock_kib, m->usage_kib) : -1;
	if (sock_share >= CONSUMER_SHARE_PCT) {
		finding_evidence(f, "socket buffers (memory.stat sock) held %s of the usage %s (%d %%): network buffers charged to the cgroup (mm/memcontrol.c mem_cgroup_charge_skmem) filled the limit, not process memory",
				 K(c, 0, m->sock_kib), K(c, 1, m->usage_kib), sock_share > 100 ? 100 : sock_share);
		finding_advice(f, "find the sockets with large queues in the cgroup (ss -tmp: skmem r/t; a reader that stopped reading, or a flood): their receive and send buffers are charged to it");
	}
	if (ev->task_memcg[0] && strcmp(ev->task_memcg, path) != 0)
		finding_evidence(f, "the victim was in %s, below the limited cgroup", ev->task_memcg);
	if (a->mem.memcg_stats_children_missing) {
		finding_evidence(f, "its stats line counts only its own pages: v1 prints one line per cgroup of the subtree (mm/memcontrol.c mem_cgroup_print_oom_info, before 5.3); the child cgroups' lines, where the usage was, are not in the report");
		finding_basis(f, BASIS_MEMCG, a->basis_present, CONF_UNSET,
			      "where in the cgroup the memory was is not shown: the child cgroups' stats lines are missing");
	}
	finding_evidence(f, "largest process in the cgroup: %s", big);
	if (memsw)
		finding_advice(f, "raise the cgroup's memory+swap limit from %s (memory.memsw.limit_in_bytes) or find the growth in %s",
			       K(c, 0, m->memsw_limit_kib), big);
	else if (known(m->limit_kib))
		finding_advice(f, "raise the cgroup limit from %s (memory.max, or memory.limit_in_bytes on cgroup v1; systemd: MemoryMax=) or find the growth in %s",
			       K(c, 0, m->limit_kib), big);
	else
		finding_advice(f, "raise the cgroup limit (memory.max, or memory.limit_in_bytes on cgroup v1; systemd: MemoryMax=) or find the growth in %s",
			       big);
	/* memory.high exists only on cgroup v2 (mm/memcontrol.c, 4.5+) */
	if (m->version == 1)
		finding_advice(f, "cgroup v1 has no memory.high: to throttle before the kill, move the workload to cgroup v2 "
			       "(memory.high), or use oomkit guard --cgroup to act below the limit");
	else
		finding_advice(f, "set memory.high a little below the limit so the cgroup is throttled and reclaimed before it is killed");
}

/* ---- stall warning (4.9-4.14) --------------------------------------------- */

static void rule_stall(struct ctx *c)
{
	const struct oom_event *ev = c->ev;
	const struct event_analysis *a = c->a;
	const struct mem_breakdown *m = &a->mem;
	if (ev->alloc_stall_ms <= 0)
		return;
	char dur[48] = "for a long time";
	if (ev->alloc_stall_ms > 1)
		snprintf(dur, sizeof(dur), "for %lld ms", (long long)ev->alloc_stall_ms);
	char big[160];
	biggest_text(c, big, sizeof(big));
	struct finding *f = findings_add(c->out, "allocation-stall", SEV_WARNING, 66,
		"an allocation had been stuck in reclaim %s: memory pressure (thrashing), often the step before an OOM kill",
		dur);
	finding_evidence(f, "\"page allocation stalls for …\": warn_alloc prints it every 10 s an allocation keeps retrying (mm/page_alloc.c, 4.9-4.14)");
	if (known(m->free_kib) && known(m->total_kib))
		finding_evidence(f, "free %s of %s", K(c, 0, m->free_kib), K(c, 1, m->total_kib));
	if (known(m->anon_kib) && known(m->file_kib))
		finding_evidence(f, "anonymous %s, page cache %s: reclaim was evicting the last page cache and re-reading it",
				 K(c, 0, m->anon_kib), K(c, 1, m->file_kib));
	if (analysis_no_swap(m))
		finding_evidence(f, "no swap: anonymous memory could not be reclaimed at all");
	else if (m->swap_full_hint)
		finding_evidence(f, "swap full: %s free; %s", K(c, 0, m->swap_free_kib), analysis_swap_full_why(m));
	else if (analysis_swap_full(m))
		finding_evidence(f, "swap full: %s free of %s", K(c, 0, m->swap_free_kib), K(c, 1, m->swap_total_kib));
	finding_advice(f, "look further in the log: a stall is often followed by an OOM kill or more stalls; the first of them names the pressure's start");
	if (task_at(ev, a->biggest_idx))
		finding_advice(f, "find what grows (%s), or cap it with a memory cgroup", big);
	else
		finding_advice(f, "find what grows (ps aux --sort=-rss; the report has no task table), or cap it with a memory cgroup");
	finding_advice(f, "watch /proc/pressure/memory (PSI, 4.20+) or 'oomkit status' for the pressure live");
}

/* ---- exhaustion ------------------------------------------------------------ */

/* Unaccounted memory below the kernel-leak threshold but above 10 % is still
 * worth a line: on desktops it is mostly GPU memory. */
static void unaccounted_note(struct ctx *c, struct finding *f)
{
	const struct mem_breakdown *m = &c->a->mem;
	int share = pct(m->unaccounted_kib, m->total_kib);
	if (share >= 10 && share < UNACCOUNTED_SHARE_PCT)
		finding_evidence(f, "%s (%d %% of RAM) is in no counter of the report (driver or GPU memory, vmalloc, percpu)",
				 K(c, 5, m->unaccounted_kib), share);
}


/* Free swap with room, below which "swap full" is not contradicted */
#define SWAP_ROOM_KIB (64 * 1024)

/* Every zone of the report drained below the lowest mark an atomic
 * request may reach (min less __GFP_HIGH's half and ALLOC_HARDER's
 * quarter: 3/8 of min, mm/page_alloc.c __zone_watermark_ok, 2.6.x–6.x)
 * while swap had room: an ordinary request stops at min and a reclaimer
 * could still swap, so the pages under the marks went to allocations
 * with reserve rights — atomic ones, or PF_MEMALLOC / no-watermark ones
 * (the swap-out path itself: dm-crypt, network block devices) — and the
 * reserves ran out (R861: DMA and DMA32 at free:0 with 3.6 GiB of swap
 * free).  The request is not in the report: low confidence. */
static void rule_reserves_drained(struct ctx *c, int64_t swap_free)
{
	const struct oom_event *ev = c->ev;
	int n = 0;
	for (int i = 0; i < ev->snap.nr_zones && i < OOM_MAX_ZONES; i++) {
		const struct oom_zone *z = &ev->snap.zones[i];
		if (!known(z->present_kib) || z->present_kib == 0)
			continue;
		if (!known(z->free_kib) || !known(z->min_kib) || z->min_kib <= 0 ||
		    sat_mul(z->free_kib, 8) >= sat_mul(z->min_kib, 3))
			return;
		n++;
	}
	if (n == 0)
		return;
	struct finding *f = findings_add(c->out, "atomic-reserves-exhausted", SEV_WARNING, 60,
		"every zone was drained below the lowest mark an atomic request may reach while swap had %s free: the reserves under the watermarks were used up",
		K(c, 0, swap_free));
	char zl[40];
	for (int i = 0; i < ev->snap.nr_zones && i < OOM_MAX_ZONES; i++) {
		const struct oom_zone *z = &ev->snap.zones[i];
		if (known(z->present_kib) && z->present_kib > 0)
			finding_evidence(f, "%s: free %s, min %s", zone_label(zl, sizeof(zl), z), K(c, 0, z->free_kib),
					 K(c, 1, z->min_kib));
	}
	finding_evidence(f, "an ordinary request stops at min, an atomic one at 3/8 of it (mm/page_alloc.c __zone_watermark_ok): below that only allocations with no watermark (PF_MEMALLOC reclaimers, the swap-out path, an OOM victim) take pages");
	finding_evidence(f, "Free swap = %s: swap had room, so reclaim was not short of a place for anonymous pages", K(c, 0, swap_free));
	basis_fixed(f, BASIS_TRIGGER | BASIS_ZONES, c->a->basis_present, CONF_LOW,
		    "read from the zone lines and Free swap; the request is not in the report");
	finding_advice(f, "raise vm.min_free_kbytes so atomic and reclaim-path allocations keep a reserve");
	finding_advice(f, "if swap sits on dm-crypt, NBD, iSCSI or NFS, the swap-out path allocates memory itself: put swap on a plain block device, or use zram/zswap");
}

/* Genuine exhaustion needs evidence that memory ran out where the request
 * could come from: with the request known, no usable zone may have had room
 * (free well above high + reserve); without it (the report is cut before its
 * trigger line), no populated zone but DMA — which lowmem_reserve holds
 * back from nearly every request — may have had room.
 * Without zone lines, under 5 % of RAM free.  Returns the first zone that
 * had room in *room (index), or -1. */
static bool exhaustion_evident(const struct ctx *c, int *room)
{
	const struct oom_event *ev = c->ev;
	const struct event_analysis *a = c->a;
	const struct oom_snapshot *s = &ev->snap;
	*room = -1;
	bool any_zone = false;
	for (int i = 0; i < s->nr_zones && i < OOM_MAX_ZONES; i++) {
		const struct oom_zone *z = &s->zones[i];
		const struct zone_verdict *zv = &a->zone[i];
		if (!known(z->free_kib) || !known(z->high_kib))
			continue;
		if (a->nr_evaluated > 0) {
			if (!zv->evaluated)
				continue;
			any_zone = true;
			/* an order > 0 request that failed beside a zone with room
			 * at order 0 lacked a block, not memory: never exhaustion */
			if ((zv->ok || zv->ok_order0) && analysis_zone_had_room(z, zv->reserve_kib)) {
				*room = i;
				return false;
			}
		} else if (a->classzone < 0 || !known(ev->req.order)) {
			if (strcmp(z->name, "DMA") == 0)
				continue;
			any_zone = true;
			/* the request's classzone is unknown: hold the zone to its
			 * largest lowmem_reserve (most requests are Normal/Movable
			 * ones, which the reserve keeps out of the lower zones);
			 * so too when only its order is (a header of 2.6.13 and
			 * before prints none, R4011: no zone could be evaluated) */
			int64_t res = OOM_NA;
			for (int k = 0; k < z->nr_lowmem_reserve && k < OOM_MAX_ZONE_IDX; k++)
				if (known(z->lowmem_reserve_pages[k]) && known(a->page_size_kib)) {
					int64_t r = sat_mul(z->lowmem_reserve_pages[k], a->page_size_kib);
					if (!known(res) || r > res)
						res = r;
				}
			if (analysis_zone_had_room(z, res)) {
				*room = i;
				return false;
			}
		}
	}
	if (any_zone)
		return true;
	const struct mem_breakdown *m = &a->mem;
	if (known(m->free_kib) && known(m->total_kib))
		return m->free_kib * 20 < m->total_kib;
	/* RAM not in the report (cut after the summary): the pages the
	 * summary counts are at most RAM, so free under 5 % of them is under
	 * 5 % of RAM only if RAM is not much larger; anonymous memory as the
	 * largest part says where it went (counted_summary_kib) */
	int64_t counted = counted_summary_kib(m);
	return m->scope == MEM_SCOPE_SYSTEM && known(counted) && known(m->free_kib) && m->free_kib * 20 < counted &&
	       known(m->anon_kib) && m->anon_kib * 2 >= counted;
}

/* The evidence of a swap read full though its total is not printed
 * (mem_breakdown.swap_full_hint): the free swap and why it reads full. */
static void swap_hint_evidence(struct ctx *c, struct finding *f, const struct mem_breakdown *m, int64_t free_kib)
{
	finding_evidence(f, "Free swap = %s: %s", K(c, 0, free_kib), analysis_swap_full_why(m));
}

/* The evidence of swap taken as there from the kernel's era (era_swap_hint). */
static void era_swap_evidence(struct finding *f, const struct oom_event *ev)
{
	finding_evidence(f, "no line shows swap, but the kernel is %d.%d%s: machines of that era were installed with a swap partition (swapless cloud images and containers came later); with swap there, reclaim gave up only once it was full",
			 ev->kv.major, ev->kv.minor, ev->kernel[0] ? "" : " (era read from the report's shape)");
}

/* The evidence of swap taken as there from the machine's firmware
 * (oom_event.hw_desktop, report/arch.c report_hw_desktop). */
static void desktop_swap_evidence(struct finding *f)
{
	finding_evidence(f, "no line shows swap, but the \"Hardware name:\" line names a desktop's or laptop's firmware: such machines are installed with swap (a partition, a swap file or zram), unlike servers and cloud guests; with swap there, reclaim gave up only once it was full");
}

/* Swap full and nothing else about RAM: the cause at lower confidence; the
 * task table, when there, is weighed against RAM + swap (Σ rss + swapents:
 * do the listed processes account for the machine's memory?). */
static void rule_swap_full_blind(struct ctx *c, const struct mem_breakdown *m)
{
	const struct oom_event *ev = c->ev;
	const struct event_analysis *a = c->a;
	char big[160];
	biggest_text(c, big, sizeof(big));
	struct finding *f;
	if (m->swap_full_hint) {
		f = findings_add(c->out, "genuine-exhaustion-swap-full", SEV_CRITICAL, 60,
			"swap ran out (%s free) in a system-wide OOM: RAM and swap were exhausted, though the report shows no RAM figures",
			K(c, 0, m->swap_free_kib));
		swap_hint_evidence(c, f, m, m->swap_free_kib);
	} else {
		f = findings_add(c->out, "genuine-exhaustion-swap-full", SEV_CRITICAL, 60,
			"swap ran out (%s free of %s) in a system-wide OOM: RAM and swap were exhausted, though the report shows no RAM figures",
			K(c, 0, m->swap_free_kib), K(c, 1, m->swap_total_kib));
		finding_evidence(f, "Free swap = %s, Total swap = %s: under 5 %% free", K(c, 0, m->swap_free_kib),
				 K(c, 1, m->swap_total_kib));
	}
	enum confidence conf = CONF_LOW;
	int64_t ram = known(ev->snap.mem.total_kib) ? ev->snap.mem.total_kib : ev->snap.mem.ram_kib;
	int64_t held = 0;
	bool have_tasks = ev->snap.nr_tasks > 0 && known(a->page_size_kib);
	for (size_t i = 0; have_tasks && i < ev->snap.nr_tasks; i++) {
		const struct oom_task *t = &ev->snap.tasks[i];
		int64_t r = task_rss_kib(t, a->page_size_kib), w = task_swap_kib(t, a->page_size_kib);
		held = sat_add(held, sat_add(known(r) ? r : 0, known(w) ? w : 0));
	}
	if (have_tasks && known(ram) && known(m->swap_total_kib)) {
		int64_t whole = sat_add(ram, m->swap_total_kib);
		int share = pct(held, whole);
		finding_evidence(f, "the listed processes hold %s (rss + swap) of RAM + swap %s (%d %%)",
				 K(c, 0, held), K(c, 1, whole), share);
		if (share >= 80)
			conf = CONF_MEDIUM;
		else
			finding_evidence(f, "the rest is not in the task table: it may be cut, or the memory is in the kernel");
	} else if (have_tasks) {
		finding_evidence(f, "the listed processes hold %s (rss + swap)", K(c, 0, held));
	}
	finding_evidence(f, "largest process: %s", big);
	finding_basis(f, BASIS_MEMINFO | BASIS_ZONES | BASIS_SWAP | BASIS_TASKS, a->basis_present, conf,
		      "RAM exhaustion inferred from full swap in a system-wide OOM");
	if (f)
		f->confidence = conf;   /* decided above: the missing RAM lines are what this rule reasons around */
	finding_advice(f, "find the growth in %s: with swap full, a process grew past the machine (a leak, or an undersized box)", big);
	finding_advice(f, "cap it with a memory cgroup (systemd MemoryMax=); more swap only delays the kill and makes the machine slow first");
}

/* A system-wide kill whose own report printed no memory (header and
 * Mem-Info cut, only the selection and kill lines) on a machine the next
 * report of the same host shows without swap: RAM ran out with nowhere to
 * page anonymous memory (R048, R059: serial kills seconds apart). */
static void rule_noswap_blind(struct ctx *c)
{
	const struct oom_event *ev = c->ev;
	char big[160];
	biggest_text(c, big, sizeof(big));
	struct finding *f = findings_add(c->out, "genuine-exhaustion-no-swap", SEV_CRITICAL, 60,
		"a system-wide OOM on a machine without swap: RAM ran out, though this report shows no memory figures");
	finding_evidence(f, "Total swap = 0kB in the report at line %llu of the same host, right after this one",
			 (unsigned long long)ev->noswap_from_line);
	if (big[0])
		finding_evidence(f, "largest process: %s", big);
	finding_basis(f, BASIS_TRIGGER | BASIS_MEMINFO | BASIS_ZONES | BASIS_SWAP, c->a->basis_present, CONF_LOW,
		      "no swap taken from the next report of the same host");
	if (f)
		f->confidence = CONF_LOW;
	finding_advice(f, "read the next report's numbers: it shows the same machine moments later");
	finding_advice(f, "add swap or memory, or cap the largest consumer with a memory cgroup (systemd MemoryMax=)");
}

/* The task rows that print swapents (2.6.32+ dump_tasks): how many, the
 * swap they hold and, when rss is asked for, their resident total. */
static int rows_swapped(const struct oom_event *ev, const struct event_analysis *a, int64_t *swapped,
			int64_t *rss)
{
	int rows = 0;
	for (size_t i = 0; i < ev->snap.nr_tasks && known(a->page_size_kib); i++) {
		const struct oom_task *t = &ev->snap.tasks[i];
		if (!known(t->swapents_pages))
			continue;
		rows++;
		*swapped = sat_add(*swapped, task_swap_kib(t, a->page_size_kib));
		if (rss) {
			int64_t r = task_rss_kib(t, a->page_size_kib);
			*rss = sat_add(*rss, known(r) ? r : 0);
		}
	}
	return rows;
}

/* A system-wide kill whose report shows no memory figure at all (a kill
 * line, maybe the victim's task row or the header: grep output, a
 * rate-limited or trimmed paste).  The kernel calls the OOM killer for an
 * order-0 or order-1 request only after reclaim stops making progress:
 * should_reclaim_retry (mm/page_alloc.c, 4.7+) retries while free plus
 * zone_reclaimable_pages could meet the min watermark, and
 * zone_reclaimable_pages (mm/vmscan.c) counts anonymous pages only while
 * swap has room (get_nr_swap_pages() > 0; can_reclaim_anon_pages, 5.8+);
 * before 4.7 zone_reclaimable()/all_unreclaimable did the same sum.  So a
 * global OOM that killed a task holding real memory means RAM was full of
 * what reclaim could not free, and swap was absent or full.  Which of the
 * two the task rows tell when they print swapents (2.6.32+ dump_tasks): a
 * swapped page in any row proves swap and, reclaim having given up, a full
 * one; rows holding memory with no swapped page prove none.  Without them
 * the report says nothing of swap: named no swap, at low confidence.  The
 * victim must have held something: score ≥ 10 (‰ of RAM + swap, 2.6.36–5.0
 * oom_badness) or 16 MiB anon + shmem on its kill line; a score-0 victim
 * means the memory was not in processes (the unknown finding says so). */
#define KILL_ONLY_MIN_VICTIM_KIB (16 * 1024)

/* The victim's memory cgroup (the oom-kill line's task_memcg, 5.0+) names
 * where it ran: a login session (/user.slice/…: a desktop, a laptop, a VM
 * someone logs into) or WSL2's /init.scope (its processes run outside
 * systemd's units).  Those installs come with swap unless someone removed
 * it — Ubuntu's /swapfile since 17.04, Fedora's zram since 33, Debian's
 * guided partitioning, WSL2's swap of a quarter of RAM — while cloud
 * images and Kubernetes nodes come without.  A hint, weaker than any
 * number: named only when the report says nothing of swap. */
static bool session_swap_hint(const struct oom_event *ev)
{
	const char *m = ev->task_memcg;
	return !strncmp(m, "/user.slice/", 12) || !strcmp(m, "/init.scope");
}

/* A kernel before 3.0 (its release printed, or its era read from the
 * report's shape): the machines of that era (2003–2011) were installed
 * with a swap partition — every distribution's installer made one by
 * default — and the swapless cloud images, containers and boards came
 * later.  So where such a report says nothing of swap, swap was there
 * and, reclaim having given up, full.  A hint like the session's: named
 * only when no line of the report shows swap.  Over the corpus, 2.6
 * reports whose swap is unseen read swap full 8 times and no swap never;
 * 3.x and later read no swap 19 times and swap full 8. */
static bool era_swap_hint(const struct oom_event *ev)
{
	return ev->kv.known && kver_cmp(&ev->kv, 3, 0, 0) < 0 && kver_cmp(&ev->kv, 2, 6, 0) >= 0;
}

/* The kill line's shmem-rss (MM_SHMEMPAGES, printed 4.5+: mm/oom_kill.c
 * __oom_kill_process) is the victim's resident shared memory: pages of
 * tmpfs files, SysV or POSIX shm and shared anonymous mappings.  Where it
 * is most of what the victim held (twice its anon-rss and more) and the
 * report has no Mem-Info to weigh shmem against RAM, that memory is what
 * filled RAM: shmem, which stays while a file or another mapper holds it
 * and which swap alone can move.  Ahead of the kill-only exhaustion
 * reading (60), at low confidence (R5690: a.out's threads filling a
 * 16 GB shared mapping, shmem-rss 3.3 GiB, anon-rss 88 kB). */
#define KILL_SHMEM_MIN_KIB (64 * 1024)
static void kill_only_shmem(struct ctx *c)
{
	const struct oom_victim *v = &c->ev->victim;
	if (!known(v->shmem_rss_kib) || !known(v->anon_rss_kib) || v->shmem_rss_kib < KILL_SHMEM_MIN_KIB ||
	    v->shmem_rss_kib < sat_mul(v->anon_rss_kib, 2))
		return;
	struct finding *f = findings_add(c->out, "shmem-tmpfs", SEV_CRITICAL, 62,
		"the victim %s (pid %lld) held %s of shared memory (shmem-rss) beside %s anonymous: tmpfs files or shared memory filled RAM",
		v->comm, (long long)v->pid, K(c, 0, v->shmem_rss_kib), K(c, 1, v->anon_rss_kib));
	finding_evidence(f, "kill line: anon-rss %s, file-rss %s, shmem-rss %s: shmem-rss counts the victim's resident pages of tmpfs files, SysV/POSIX shm and shared anonymous mappings (MM_SHMEMPAGES)",
			 K(c, 0, v->anon_rss_kib), K(c, 1, v->file_rss_kib), K(c, 2, v->shmem_rss_kib));
	finding_evidence(f, "killing frees those pages only when no file and no other process holds them: a tmpfs file, a shm segment or another mapper keeps them in RAM");
	basis_fixed(f, BASIS_MEMINFO | BASIS_KILL, c->a->basis_present, CONF_LOW,
		    "read from the victim's kill line: the Mem-Info's shmem (how much of RAM) is not in the report");
	if (f)
		f->confidence = CONF_LOW;
	finding_advice(f, "find the big files in tmpfs mounts (df -t tmpfs; du -x /dev/shm /run /tmp) and shared memory segments (ipcs -m)");
	finding_advice(f, "cap each tmpfs with size= so a runaway writer gets ENOSPC instead of an OOM kill; shared mappings that must stay need swap or RAM");
}

static void rule_exhaustion_kill_only(struct ctx *c, const struct mem_breakdown *sm)
{
	const struct oom_event *ev = c->ev;
	const struct event_analysis *a = c->a;
	const struct oom_victim *v = &ev->victim;
	if (!ev->have_victim || ev->snap.nr_zones > 0 || strstr(v->message, "oom_kill_allocating_task") ||
	    (known(ev->req.order) && ev->req.order > 1))
		return;
	/* A bare "Killed process" line (2.6–5.0, its selection line cut; a
	 * 5.0+ one whose "Out of memory: " a paste dropped) is printed alike
	 * for a memory cgroup's OOM, so the text does not tell which.  Read
	 * as system-wide, at low confidence and saying so: of the 22 such
	 * reports in the corpus (one kill line or a few, nothing else of
	 * the report) every one is a system-wide OOM by its thread, none a
	 * cgroup's — a memcg OOM is pasted with its "Memory cgroup out of
	 * memory" selection or its limit lines, which tell.  2.6.18's "Out
	 * of Memory: Kill process" counts as the message it is.  Any other
	 * message (a cgroup's, a SysRq's) or constraint keeps its own rule. */
	bool bare = a->kill_bare_alone;
	if (!bare && strncasecmp(v->message, "Out of memory", 13) != 0 && strcmp(ev->constraint, "CONSTRAINT_NONE") != 0)
		return;
	/* swap printed with room left: anon was reclaimable, so something
	 * else stopped reclaim; not this rule's case */
	if (known(sm->swap_total_kib) && sm->swap_total_kib > 0)
		return;
	/* swap full in the next report of the same host moments later: the
	 * evidence class names it (rule_evidence_class, SW_FULL_NEXT) */
	if (ev->swapfull_from_line)
		return;
	bool old_score = ev->kv.known && kver_cmp(&ev->kv, 2, 6, 36) < 0;
	int64_t held = OOM_NA;
	if (known(v->anon_rss_kib))
		held = sat_add(v->anon_rss_kib, known(v->shmem_rss_kib) ? v->shmem_rss_kib : 0);
	/* the score holds oom_score_adj too: points += adj × totalpages / 1000
	 * (oom_badness, 2.6.36+), so the memory's share is score − adj; with
	 * the adj unknown the score says nothing of the memory */
	const struct oom_task *vt = task_at(ev, a->victim_idx);
	int64_t adj = known(v->oom_score_adj) ? v->oom_score_adj : vt ? vt->oom_score_adj : OOM_NA;
	int64_t mscore = known(v->score) && !old_score && known(adj) ? v->score - adj : OOM_NA;
	if (known(mscore) && (mscore < 0 || mscore > 1000))
		mscore = OOM_NA;   /* clamped by the kernel, or a row of another task */
	bool big;
	if (known(mscore))
		big = mscore >= 10;
	else
		big = known(held) && held >= KILL_ONLY_MIN_VICTIM_KIB;
	if (!big)
		return;
	/* swap from the task rows' swapents */
	int64_t swapped = 0, rows_rss = 0;
	int rows = rows_swapped(ev, a, &swapped, &rows_rss);
	/* Rows without swapents (before 2.6.32, or the column cut) and a
	 * 2.6.36–5.0 score: points = rss + swapents + page tables =
	 * score/1000 × (RAM + swap) (oom_badness), and RAM holds at least
	 * the rows' resident pages, so the victim's points are at least
	 * score/1000 × Σ rss.  Twice its own rss + page tables or more (the
	 * margin covers shared pages that every row counts) is memory the
	 * victim held outside RAM: swap, which reclaim then found full. */
	int64_t implied_kib = OOM_NA, own_kib = OOM_NA;
	if (rows == 0 && vt && known(mscore) && known(a->page_size_kib)) {
		int64_t sum = 0;
		for (size_t i = 0; i < ev->snap.nr_tasks; i++) {
			int64_t r = task_rss_kib(&ev->snap.tasks[i], a->page_size_kib);
			sum = sat_add(sum, known(r) ? r : 0);
		}
		int64_t pt = task_pgtables_kib(vt, a->page_size_kib);
		own_kib = sat_add(task_rss_kib(vt, a->page_size_kib), known(pt) ? pt : 0);
		implied_kib = sat_mul(sum, mscore) / 1000;
	}
	enum { SW_UNSEEN, SW_NONE_PRINTED, SW_NONE_ROWS, SW_FULL_ROWS, SW_FULL_SCORE, SW_NONE_FREE, SW_FULL_FREE,
	       SW_FULL_SESSION, SW_FULL_DESKTOP, SW_FULL_ERA } sw = SW_UNSEEN;
	if (known(sm->swap_total_kib) && sm->swap_total_kib == 0)
		sw = SW_NONE_PRINTED;
	else if (rows > 0 && swapped > 0)
		sw = SW_FULL_ROWS;
	else if (rows > 0 && rows_rss >= KILL_ONLY_MIN_VICTIM_KIB)
		sw = SW_NONE_ROWS;
	else if (known(implied_kib) && known(own_kib) && implied_kib >= sat_mul(own_kib, 2) &&
		 implied_kib - own_kib >= KILL_ONLY_MIN_VICTIM_KIB)
		sw = SW_FULL_SCORE;
	/* a `free` pasted with the report: what swap the machine had, as the
	 * user saw it (before or after the kill: its total, not its use,
	 * is what a kill does not change; a full one stays full of the
	 * other processes' pages) */
	else if (ev->side.free_swap == OOM_FREE_SWAP_NONE)
		sw = SW_NONE_FREE;
	else if (ev->side.free_swap == OOM_FREE_SWAP_FULL)
		sw = SW_FULL_FREE;
	else if (session_swap_hint(ev))
		sw = SW_FULL_SESSION;
	else if (ev->hw_desktop)
		sw = SW_FULL_DESKTOP;
	else if (era_swap_hint(ev))
		sw = SW_FULL_ERA;
	char who[160];
	if (known(held))
		snprintf(who, sizeof(who), "%s (pid %lld, %s anon%s)", v->comm, (long long)v->pid, K(c, 0, held),
			 known(v->shmem_rss_kib) && v->shmem_rss_kib > 0 ? " + shmem" : "");
	else
		snprintf(who, sizeof(who), "%s (pid %lld, score %lld)", v->comm, (long long)v->pid, (long long)v->score);
	struct finding *f;
	if (sw == SW_FULL_ROWS || sw == SW_FULL_SCORE || sw == SW_FULL_FREE || sw == SW_FULL_SESSION || sw == SW_FULL_DESKTOP ||
	    sw == SW_FULL_ERA) {
		f = findings_add(c->out, "genuine-exhaustion-swap-full", SEV_CRITICAL, 60,
			"a system-wide OOM killed %s: RAM and swap ran out, though the report shows neither",
			who);
		if (sw == SW_FULL_ERA)
			era_swap_evidence(f, ev);
		else if (sw == SW_FULL_DESKTOP)
			desktop_swap_evidence(f);
		else if (sw == SW_FULL_FREE)
			finding_evidence(f, "the 'free' output pasted at line %llu shows swap full ('%s'): reclaim had nowhere to move anonymous pages",
					 (unsigned long long)ev->side.free_swap_line, ev->side.free_swap_text);
		else if (sw == SW_FULL_SESSION)
			finding_evidence(f, "no line shows swap, but the victim ran in %s (task_memcg=%s), an install that comes with swap (Ubuntu's /swapfile, Fedora's zram, WSL2's quarter of RAM) unlike cloud images; with swap there, reclaim gave up only once it was full",
					 !strcmp(ev->task_memcg, "/init.scope") ? "WSL2's /init.scope" : "a login session", ev->task_memcg);
		else if (sw == SW_FULL_ROWS)
			finding_evidence(f, "the task rows hold %s in swap: the machine had swap, and reclaim gave up with it, so it was full (anonymous pages count as reclaimable only while swap has room: mm/vmscan.c zone_reclaimable_pages)",
					 K(c, 0, swapped));
		else
			finding_evidence(f, "%lld ‰ of RAM + swap (score %lld − oom_score_adj %lld) is at least %s by the rows' resident pages, while the victim's row holds %s in RAM: the rest was in swap, and reclaim gave up with it, so it was full",
					 (long long)mscore, (long long)v->score, (long long)adj, K(c, 0, implied_kib), K(c, 1, own_kib));
	} else {
		f = findings_add(c->out, "genuine-exhaustion-no-swap", SEV_CRITICAL, 60,
			"a system-wide OOM killed %s: RAM ran out%s",
			who, sw == SW_UNSEEN ? " (the report shows no swap: named none; had there been swap, it was full)" : " with no swap");
		if (sw == SW_NONE_PRINTED)
			finding_evidence(f, "Total swap = 0kB");
		else if (sw == SW_NONE_FREE)
			finding_evidence(f, "the 'free' output pasted at line %llu shows no swap ('%s')",
					 (unsigned long long)ev->side.free_swap_line, ev->side.free_swap_text);
		else if (sw == SW_NONE_ROWS)
			finding_evidence(f, "the task rows hold %s and not one swapped page (swapents 0): reclaim had no swap to move them to",
					 K(c, 0, rows_rss));
		else
			finding_evidence(f, "no line of the report shows swap (Free swap / Total swap, swapents)");
	}
	if (bare)
		finding_evidence(f, "the kill line alone does not say system-wide or a memory cgroup (no selection or constraint line): taken as system-wide, as pasted bare kill lines almost always are; \"Memory cgroup out of memory\" in the full log would say a cgroup's limit");
	finding_evidence(f, "the kernel kills for an order-0 request only after reclaim stops making progress (mm/page_alloc.c should_reclaim_retry, 4.7+): RAM held nothing it could free");
	if (known(mscore))
		finding_evidence(f, "selection score %lld, oom_score_adj %lld: the victim held %lld.%lld %% of RAM + swap (oom_badness, 2.6.36–5.0)",
				 (long long)v->score, (long long)adj, (long long)(mscore / 10), (long long)(mscore % 10));
	if (known(v->anon_rss_kib))
		finding_evidence(f, "kill line: anon-rss %s, file-rss %s, shmem-rss %s", K(c, 0, v->anon_rss_kib),
				 K(c, 1, v->file_rss_kib), K(c, 2, v->shmem_rss_kib));
	if (arch_is_32bit(ev->arch))
		finding_evidence(f, "a 32-bit kernel (%s): if the request could not use HighMem, only lowmem may have run out; the zone lines would tell",
				 ev->arch);
	enum confidence conf = sw == SW_NONE_PRINTED ? CONF_MEDIUM : CONF_LOW;
	/* RAM printed (the totals survived) and the rows' resident pages fill
	 * most of it: the listed processes are what filled RAM, read rather
	 * than inferred; medium when swap is known too */
	int64_t ram = known(ev->snap.mem.total_kib) ? ev->snap.mem.total_kib : ev->snap.mem.ram_kib;
	if (known(ram) && ram > 0 && ev->snap.nr_tasks > 0 && known(a->page_size_kib)) {
		int64_t sum = 0;
		for (size_t i = 0; i < ev->snap.nr_tasks; i++) {
			int64_t r = task_rss_kib(&ev->snap.tasks[i], a->page_size_kib);
			sum = sat_add(sum, known(r) ? r : 0);
		}
		int share = pct(sum, ram);
		finding_evidence(f, "the listed processes hold %s resident, %d %% of RAM (%s)", K(c, 0, sum), share, K(c, 1, ram));
		if (share >= 80 && sw != SW_UNSEEN)
			conf = CONF_MEDIUM;
	}
	unsigned needs = BASIS_TRIGGER | BASIS_MEMINFO | BASIS_ZONES | BASIS_SWAP | BASIS_KILL;
	if (sw == SW_FULL_ROWS || sw == SW_NONE_ROWS || sw == SW_FULL_SCORE)
		needs |= BASIS_TASKS;   /* the rows are what swap was read from */
	basis_fixed(f, needs, a->basis_present, conf,
		    sw == SW_FULL_ROWS ? "RAM exhaustion inferred from the kill; full swap from the rows' swapped pages"
		      : sw == SW_FULL_SCORE ? "RAM exhaustion inferred from the kill; full swap from the victim's score against its resident size"
		      : sw == SW_FULL_SESSION ? "RAM exhaustion inferred from the kill; swap not in the report, taken as there (and full) from the victim's session cgroup"
		      : sw == SW_FULL_DESKTOP ? "RAM exhaustion inferred from the kill; swap not in the report, taken as there (and full) from the desktop's or laptop's firmware"
		      : sw == SW_FULL_ERA ? "RAM exhaustion inferred from the kill; swap not in the report, taken as there (and full) from the kernel's era"
		      : sw == SW_NONE_ROWS ? "RAM exhaustion inferred from the kill; no swap from rows without swapped pages"
		      : sw == SW_NONE_PRINTED ? "RAM exhaustion inferred from the kill: no RAM figures in the report"
					     : "RAM exhaustion inferred from the kill; swap not in the report, taken as none");
	finding_advice(f, "find the growth in %s, or cap it with a memory cgroup (systemd MemoryMax=) so it is killed alone", v->comm);
	finding_advice(f, "read the report's Mem-Info (free, swap) in the full log to confirm: 'journalctl -k' or /var/log/kern.log around this kill");
	kill_only_shmem(c);
}

static void rule_exhaustion(struct ctx *c)
{
	const struct oom_event *ev = c->ev;
	const struct event_analysis *a = c->a;
	const struct mem_breakdown *m = &a->mem;
	if (a->memcg || (ev->kind == OOM_KIND_ALLOC_FAILURE && a->atomic))
		return;
	/* A stall warning is not memory running out (yet): rule_stall. */
	if (ev->alloc_stall_ms > 0)
		return;
	/* A high-order request that failed for want of blocks is fragmentation;
	 * lowmem starving beside free HighMem is not the machine running out.
	 * Not the guess from the order alone (rule_fragmentation_blind: no
	 * Mem-Info, zone or buddy line): swap printed full beside it is a
	 * figure, and RAM and swap running out is read from it (R4320: an
	 * order-2 OOM, its show_mem snipped to Free swap = 0kB of 4 GiB) */
	bool frag_guess = !(c->a->basis_present & (BASIS_MEMINFO | BASIS_ZONES | BASIS_BUDDY)) && ev->snap.nr_zones == 0;
	if ((findings_get(c->out, "fragmentation-high-order") && !frag_guess) ||
	    findings_get(c->out, "lowmem-exhausted-highmem-free"))
		return;
	/* A cpuset or memory policy OOM is the allowed nodes running out, not
	 * the machine: its own cause says so with the nodes' numbers, and
	 * "RAM ran out" beside free memory on the other nodes would mislead. */
	if (findings_get(c->out, "cpuset-or-mempolicy"))
		return;
	/* A manual OOM proves no shortage: only call it exhaustion when the
	 * numbers show one (under 10 % free, or a usable zone below min). */
	if (a->sysrq) {
		bool low_free = known(m->free_kib) && known(m->total_kib) && m->free_kib * 10 < m->total_kib;
		bool zone_low = a->nr_evaluated > 0 && a->nr_ok < a->nr_evaluated;
		if (!low_free && !zone_low)
			return;
	}
	int room;
	bool evident = exhaustion_evident(c, &room);
	/* one zone with room, under 2 % of RAM, beside anonymous memory
	 * filling nine tenths of RAM with no swap to go to: the machine ran
	 * out, the room is another node's or a zone's reserve (R845: 449 MiB
	 * on node 0 of 64 GiB, 61 GiB anonymous, no swap) */
	if (!evident && room >= 0 && known(m->total_kib) && known(m->anon_kib) && analysis_no_swap(m) &&
	    sat_mul(m->anon_kib, 10) >= sat_mul(m->total_kib, 9) && known(ev->snap.zones[room].free_kib) &&
	    sat_mul(ev->snap.zones[room].free_kib, 50) < m->total_kib)
		evident = true;
	if (!evident) {
		/* Swap full with no RAM figures (a report cut at its
		 * head keeps only the swap lines and the totals): in a global,
		 * unconstrained OOM the anonymous memory that could not go to
		 * swap is what ran out.  Lower confidence: RAM itself is unseen. */
		bool global = !a->cpuset && !a->mempolicy && ev->kind != OOM_KIND_ALLOC_FAILURE &&
			      (!ev->constraint[0] || strcmp(ev->constraint, "CONSTRAINT_NONE") == 0);
		if (ev->noswap_from_line && global && room < 0 && !known(m->free_kib) && a->nr_evaluated == 0 &&
		    ev->have_victim && !ev->have_meminfo) {
			rule_noswap_blind(c);
			return;
		}
		const struct mem_breakdown *sm = m;
		struct mem_breakdown tmp;
		if (!known(m->swap_total_kib)) {
			tmp = *m;
			tmp.swap_total_kib = ev->snap.mem.swap_total_kib;
			tmp.swap_free_kib = ev->snap.mem.swap_free_kib;
			sm = &tmp;
		}
		if (room < 0 && global && !known(m->free_kib) && a->nr_evaluated == 0 && !sm->swap_full_hint &&
		    (!known(sm->swap_total_kib) || sm->swap_total_kib == 0)) {
			rule_exhaustion_kill_only(c, sm);
			return;
		}
		bool full = sm->swap_full_hint ||
			    (known(sm->swap_total_kib) && known(sm->swap_free_kib) && sm->swap_total_kib > 0 &&
			     sat_mul(sm->swap_free_kib, 20) < sm->swap_total_kib);
		if (room >= 0 || !global || known(m->free_kib) || a->nr_evaluated > 0 || !full)
			return;
		rule_swap_full_blind(c, sm);
		return;
	}
	char big[160];
	biggest_text(c, big, sizeof(big));
	if (analysis_no_swap(m)) {
		char anon[48] = "";
		if (known(m->anon_kib))
			snprintf(anon, sizeof(anon), ", %s anonymous", K(c, 2, m->anon_kib));
		struct finding *f = findings_add(c->out, "genuine-exhaustion-no-swap", SEV_CRITICAL, 60,
			"RAM ran out with no swap: %s free of %s%s", K(c, 0, m->free_kib),
			K(c, 1, m->total_kib), anon);
		if (m->swap_inferred_none) {
			finding_evidence(f, "no swap lines where show_mem prints them (\"total pagecache pages\" followed at once by \"pages RAM\"): a kernel built without swap (CONFIG_SWAP=n)");
			finding_basis(f, BASIS_TRIGGER | BASIS_ZONES | BASIS_MEMINFO | BASIS_SWAP, a->basis_present,
				      CONF_MEDIUM, "swap 0 inferred: the kernel prints no swap lines when built without swap");
		} else {
			finding_evidence(f, "Total swap = 0kB");
		}
		if (known(m->free_kib))
			finding_evidence(f, "free %s of %s", K(c, 0, m->free_kib), K(c, 1, m->total_kib));
		if (known(m->anon_kib) && known(m->file_kib))
			finding_evidence(f, "anonymous %s, page cache %s", K(c, 2, m->anon_kib), K(c, 3, m->file_kib));
		finding_evidence(f, "largest process: %s", big);
		unaccounted_note(c, f);
		highatomic_note(c, f);
		finding_advice(f, "find the growth in %s, or cap it with a memory cgroup (systemd MemoryMax=) so it is killed alone", big);
		finding_advice(f, "add RAM, or some swap (a swap file) so idle anonymous pages can leave RAM before anything is killed");
		return;
	}
	if (analysis_swap_full(m)) {
		struct finding *f;
		if (m->swap_full_hint) {
			f = findings_add(c->out, "genuine-exhaustion-swap-full", SEV_CRITICAL, 60,
				"RAM and swap ran out: swap %s free, RAM %s free of %s", K(c, 0, m->swap_free_kib),
				K(c, 2, m->free_kib), K(c, 3, m->total_kib));
			swap_hint_evidence(c, f, m, m->swap_free_kib);
			finding_basis(f, BASIS_TRIGGER | BASIS_ZONES | BASIS_MEMINFO | BASIS_SWAP, a->basis_present,
				      m->swap_full_hint == OOM_SWAPFULL_CACHE ? CONF_MEDIUM : CONF_LOW,
				      "swap full read from Free swap without its total");
		} else {
			f = findings_add(c->out, "genuine-exhaustion-swap-full", SEV_CRITICAL, 60,
				"RAM and swap ran out: swap %s free of %s, RAM %s free of %s", K(c, 0, m->swap_free_kib),
				K(c, 1, m->swap_total_kib), K(c, 2, m->free_kib), K(c, 3, m->total_kib));
			finding_evidence(f, "Free swap = %s, Total swap = %s", K(c, 0, m->swap_free_kib), K(c, 1, m->swap_total_kib));
		}
		if (known(m->anon_kib))
			finding_evidence(f, "anonymous memory in RAM: %s", K(c, 0, m->anon_kib));
		finding_evidence(f, "largest process: %s", big);
		unaccounted_note(c, f);
		finding_advice(f, "find the growth in %s: with RAM and swap both full, a process grew past the machine (a leak, or an undersized box)", big);
		finding_advice(f, "cap it with a memory cgroup (systemd MemoryMax=); more swap only delays the kill and makes the machine slow first");
		return;
	}
	/* Memory ran out and the swap lines are not in the report (cut after
	 * the summary or the zones): anonymous memory filled RAM, and since
	 * reclaim gave up it could not go to swap (zone_reclaimable_pages
	 * counts anon only while swap has room, mm/vmscan.c): swap was absent
	 * or full.  Named none, at low confidence, when anon is the largest
	 * part; otherwise what filled RAM is not anon and this says nothing. */
	if (!known(m->swap_total_kib) && !known(ev->snap.mem.swap_total_kib) && !m->swap_inferred_none &&
	    m->scope == MEM_SCOPE_SYSTEM && known(m->anon_kib) && known(m->file_kib) && m->anon_kib >= m->file_kib) {
		/* zones cut from the report can leave a total below the
		 * summary's own pages: the larger of the two is the whole */
		int64_t whole = counted_summary_kib(m);
		if (known(m->total_kib) && (!known(whole) || m->total_kib > whole))
			whole = m->total_kib;
		if (!known(whole) || m->anon_kib * 2 < whole)
			return;
		/* "Free swap" printed without its "Total swap" (cut between the
		 * two, R861): swap with room is read, not inferred full */
		if (known(ev->snap.mem.swap_free_kib) && ev->snap.mem.swap_free_kib >= SWAP_ROOM_KIB) {
			rule_reserves_drained(c, ev->snap.mem.swap_free_kib);
			return;
		}
		/* pages in the swap cache: the machine has swap, and reclaim
		 * gave up with anon in RAM, so it was full */
		int64_t cached = ev->snap.mem.swap_cached_kib;
		if (m->swap_full_hint) {
			struct finding *f = findings_add(c->out, "genuine-exhaustion-swap-full", SEV_CRITICAL, 60,
				"RAM ran out, mostly to anonymous memory (%s of %s), and swap was full: %s free",
				K(c, 0, m->anon_kib), K(c, 1, whole), K(c, 2, m->swap_free_kib));
			swap_hint_evidence(c, f, m, m->swap_free_kib);
			finding_evidence(f, "largest process: %s", big);
			basis_fixed(f, BASIS_TRIGGER | BASIS_ZONES | BASIS_MEMINFO | BASIS_SWAP, a->basis_present, CONF_LOW,
				    "swap full read from Free swap without its total");
			finding_advice(f, "find the growth in %s: with RAM and swap both full, a process grew past the machine (a leak, or an undersized box)", big);
			return;
		}
		if (known(cached) && cached > 0) {
			struct finding *f = findings_add(c->out, "genuine-exhaustion-swap-full", SEV_CRITICAL, 60,
				"RAM ran out, mostly to anonymous memory (%s of %s), and swap was full: its lines are not in the report, but %s sits in the swap cache",
				K(c, 0, m->anon_kib), K(c, 1, whole), K(c, 2, cached));
			finding_evidence(f, "reclaim gave up with anonymous memory in RAM: it counts as reclaimable only while swap has room (mm/vmscan.c zone_reclaimable_pages), so the swap the cache proves was full");
			finding_evidence(f, "largest process: %s", big);
			basis_fixed(f, BASIS_TRIGGER | BASIS_ZONES | BASIS_MEMINFO | BASIS_SWAP, a->basis_present, CONF_LOW,
				      "swap full inferred from the swap cache and reclaim giving up");
			finding_advice(f, "find the growth in %s: with RAM and swap both full, a process grew past the machine (a leak, or an undersized box)", big);
			return;
		}
		struct finding *f = findings_add(c->out, "genuine-exhaustion-no-swap", SEV_CRITICAL, 60,
			"RAM ran out, mostly to anonymous memory (%s of %s), and the report shows no swap: named none; had there been swap, it was full",
			K(c, 0, m->anon_kib), K(c, 1, whole));
		if (!known(m->total_kib) || whole != m->total_kib)
			finding_evidence(f, "RAM is not in the report: measured against free + LRU + slab + page tables + stacks (%s), which is at most RAM",
					 K(c, 0, whole));
		if (known(m->free_kib))
			finding_evidence(f, "free %s", K(c, 0, m->free_kib));
		finding_evidence(f, "anonymous %s, page cache %s", K(c, 0, m->anon_kib), K(c, 1, m->file_kib));
		finding_evidence(f, "reclaim gave up with anonymous memory in RAM: it counts as reclaimable only while swap has room (mm/vmscan.c zone_reclaimable_pages), so swap was absent or full");
		finding_evidence(f, "largest process: %s", big);
		basis_fixed(f, BASIS_TRIGGER | BASIS_ZONES | BASIS_MEMINFO | BASIS_SWAP, a->basis_present, CONF_LOW,
			      "swap lines not in the report: taken as no swap");
		finding_advice(f, "find the growth in %s, or cap it with a memory cgroup (systemd MemoryMax=) so it is killed alone", big);
		finding_advice(f, "read the report's \"Free swap / Total swap\" lines in the full log: with swap full, more swap only delays the kill");
	}
}

/* ---- premature OOM (kernel-oom-regression) -------------------------------- */

/* Seconds since boot from the report's first timestamp ("0.247713"), or -1
 * when the stamp is a date or absent. */
static double uptime_s(const struct oom_event *ev)
{
	const char *t = ev->time;
	while (*t == ' ' || *t == '[')
		t++;
	if (!(*t >= '0' && *t <= '9'))
		return -1;
	char *end;
	double v = strtod(t, &end);
	while (*end == ' ' || *end == ']')
		end++;
	return *end == '\0' && v >= 0 ? v : -1;
}

/* A request confined to the DMA or DMA32 zone (GFP_DMA, GFP_DMA32) failing
 * while the kernel boots — the first process (pid 1, still "swapper/N"
 * until it execs init) or the first minute — before any workload has taken
 * memory: that zone has nothing for it on this machine and kernel (kdump's
 * crashkernel region placed outside it, the low megabytes reserved at boot:
 * R023, R050).  A layout the kernel chose, not a shortage; the experts call
 * it a regression of the commit that moved the memory. */
static bool rule_boot_zone(struct ctx *c)
{
	const struct oom_event *ev = c->ev;
	const struct event_analysis *a = c->a;
	if (!a->zone_name || (strcmp(a->zone_name, "DMA") != 0 && strcmp(a->zone_name, "DMA32") != 0))
		return false;
	bool swapper = strncmp(ev->req.trigger_comm, "swapper/", 8) == 0;
	double up = uptime_s(ev);
	bool boot = swapper && ((known(ev->req.trigger_pid) && ev->req.trigger_pid == 1) || (up >= 0 && up < 60));
	if (!boot)
		return false;
	/* The zone's own line, when printed, must show it (nearly) empty. */
	const struct oom_zone *dz = NULL;
	for (int i = 0; i < ev->snap.nr_zones; i++)
		if (strcmp(ev->snap.zones[i].name, a->zone_name) == 0)
			dz = &ev->snap.zones[i];
	if (dz && known(dz->free_kib) && known(dz->high_kib) && dz->free_kib > dz->high_kib)
		return false;
	struct finding *f = findings_add(c->out, "kernel-oom-regression", SEV_CRITICAL, 78,
		"a %s request failed while the kernel was still booting (%s%s): the %s zone has no memory for it on this machine and kernel, not a shortage",
		a->zone_name, ev->req.trigger_comm,
		known(ev->req.trigger_pid) && ev->req.trigger_pid == 1 ? ", pid 1 before init runs" : "", a->zone_name);
	finding_evidence(f, "gfp_mask %s: the request may use the %s zone only",
			 ev->req.gfp_text[0] ? ev->req.gfp_text : a->gfp_hex, a->zone_name);
	if (up >= 0)
		finding_evidence(f, "%.3f s after boot, in the kernel's own initialisation: nothing had used memory yet", up);
	if (dz && known(dz->free_kib))
		finding_evidence(f, "%s: %s free, high watermark %s", dz->name, K(c, 0, dz->free_kib), K(c, 1, dz->high_kib));
	else if (ev->snap.nr_zones > 0 && !dz)
		finding_evidence(f, "the report prints no %s zone: it is empty or not configured", a->zone_name);
	finding_basis(f, BASIS_TRIGGER | BASIS_ZONES, a->basis_present, dz ? CONF_MEDIUM : CONF_LOW,
		      "a zone left empty by the boot layout inferred from a %s request failing at boot", a->zone_name);
	finding_advice(f, "check where the kernel placed reserved memory (dmesg: \"crashkernel\", \"Reserving\", \"Zone ranges\"): a kdump kernel needs its region inside ZONE_%s for such requests",
		       a->zone_name);
	finding_advice(f, "look for the kernel commit that moved the zone's memory (this is how the reports of this shape were resolved); a newer kernel or crashkernel=…,low may fix it");
	return true;
}

/* Most of RAM never handed to the page allocator, in an OOM while the
 * kernel boots.  "N pages reserved" is Σ present − managed over the zones
 * (lib/show_mem.c show_mem, 2.6.x–6.0; mm/show_mem.c after): memblock
 * reservations, the memmap, and with CONFIG_DEFERRED_STRUCT_PAGE_INIT
 * (4.2+) the memory not yet initialised while the kernel boots.  Boot-time
 * huge pages are counted there too, so they are taken out first.  Half of
 * RAM or more outside the allocator in the first minutes of uptime: the
 * kernel's own boot layout left it too little to boot with, not a
 * workload (R128: 6442421132 pages RAM, 6433662383 reserved, deferred
 * init of a 24 TB machine).  The experts call it a bug of that kernel. */
#define BOOT_UPTIME_MAX_S 300.0

static bool rule_boot_reserved(struct ctx *c)
{
	const struct oom_event *ev = c->ev;
	const struct event_analysis *a = c->a;
	const struct oom_mem *x = &ev->snap.mem;
	if (a->memcg || a->cpuset || a->mempolicy || a->sysrq || ev->kind == OOM_KIND_MEMCG)
		return false;
	if (!known(x->ram_kib) || !known(x->reserved_kib) || x->ram_kib <= 0 || x->reserved_kib <= 0)
		return false;
	bool swapper = strncmp(ev->req.trigger_comm, "swapper/", 8) == 0 &&
		       (!known(ev->req.trigger_pid) || ev->req.trigger_pid <= 1);
	double up = uptime_s(ev);
	bool boot = swapper || (up >= 0 && up < BOOT_UPTIME_MAX_S);
	int64_t huge = known(a->mem.hugetlb_kib) ? a->mem.hugetlb_kib : 0;
	int64_t held = diff_sat(x->reserved_kib, huge);
	int share = pct(held, x->ram_kib);
	/* half at boot; nine tenths when the report has no uptime at all
	 * (R993: kthreadd, 99.8 % reserved, no stamp).  Long after boot a
	 * balloon driver can take pages out of the count
	 * (adjust_managed_page_count in the Xen and virtio balloons): not
	 * this rule's */
	if (share < (boot ? 50 : up < 0 ? 90 : 101))
		return false;
	/* under nine tenths, with anonymous memory filling three quarters
	 * of what the allocator had: a workload ran that memory out (R1943:
	 * a test program's 470 MiB of 492 on an embedded MIPS board whose
	 * platform keeps half its RAM); the layout only made it small */
	int64_t managed = diff_sat(x->ram_kib, x->reserved_kib);
	if (share < 90 && known(a->mem.anon_kib) && managed > 0 && sat_mul(a->mem.anon_kib, 4) >= sat_mul(managed, 3))
		return false;
	/* nine tenths gone before the allocator: what filled the rest
	 * (slab, "no counter") is the kernel's boot footprint, second */
	if (share >= 90) {
		struct finding *u = finding_mut(c->out, "kernel-leak-or-bug");
		if (u && u->weight >= 96)
			u->weight = 95;
	}
	struct finding *f = findings_add(c->out, "kernel-oom-regression", SEV_CRITICAL, share >= 90 ? 96 : 78,
		"%d %% of RAM (%s of %s) was never handed to the page allocator while the kernel booted: its own boot layout left it %s to boot with, not a shortage a workload caused",
		share > 100 ? 100 : share, K(c, 0, held), K(c, 1, x->ram_kib), K(c, 2, diff_sat(x->ram_kib, x->reserved_kib)));
	finding_evidence(f, "\"pages reserved\" counts what the zones hold but the allocator does not manage (present − managed: memblock reservations, the memmap, memory deferred init has not reached yet)");
	if (up >= 0)
		finding_evidence(f, "%.1f s after boot%s", up, swapper ? ", from the kernel's own initialisation (swapper, before init runs)" : "");
	else if (swapper)
		finding_evidence(f, "from the kernel's own initialisation (swapper, before init runs)");
	if (huge > 0)
		finding_evidence(f, "huge pages reserved at boot (%s) are not counted in that share", K(c, 0, huge));
	finding_basis(f, BASIS_TRIGGER | BASIS_RAM, a->basis_present, CONF_MEDIUM,
		      "a boot-layout problem inferred from the reserved share of RAM at boot");
	finding_advice(f, "read the boot log's memory layout (\"Memory: … reserved\", \"crashkernel\", \"Zone ranges\", deferred init messages): what took the memory before the allocator got it");
	finding_advice(f, "on very large machines with deferred struct page init, a newer kernel initialises more memory early; crashkernel= and boot-time huge pages (hugepages=) also come out of this share");
	return true;
}

/* Watermarks or a lowmem_reserve larger than the machine: impossible
 * numbers from a kernel whose zone accounting went wrong.  A zone's min is
 * its share of vm.min_free_kbytes by managed pages (mm/page_alloc.c
 * __setup_per_zone_wmarks), and the sysctl is an int of KiB (< 2 TiB);
 * lowmem_reserve[j] is the managed pages of the zones above divided by a
 * ratio ≥ 1 (setup_per_zone_lowmem_reserve): neither can exceed RAM.  A
 * check against such marks fails whatever is free, so the OOM says nothing
 * about memory use (R126: managed_pages never adjusted by balloon page
 * migration, min 99395541895224kB, lowmem_reserve 72057594037927865). */
static bool rule_bogus_marks(struct ctx *c)
{
	const struct oom_event *ev = c->ev;
	const struct event_analysis *a = c->a;
	const struct oom_snapshot *s = &ev->snap;
	if (a->memcg || a->sysrq || !known(a->page_size_kib))
		return false;
	/* "pages RAM" as printed: a total summed from the zones a report
	 * shows may be a part of the machine */
	int64_t ram = s->mem.ram_kib;
	if (!known(ram) || ram <= 0)
		return false;
	/* Counted over every mark and reserve entry: one absurd number may
	 * be two glued by a mailer's hard wrap ("3854 3854" read as 38543854);
	 * corrupt accounting spoils several at once (all of a zone's marks, a
	 * reserve's entries for every zone above). */
	int bad = -1, nr_bad = 0;
	int64_t what = OOM_NA;
	const char *which = "";
	for (int i = 0; i < s->nr_zones && i < OOM_MAX_ZONES; i++) {
		const struct oom_zone *z = &s->zones[i];
		const int64_t marks[3] = { z->min_kib, z->low_kib, z->high_kib };
		for (int k = 0; k < 3; k++)
			if (known(marks[k]) && marks[k] > ram) {
				nr_bad++;
				if (bad < 0)
					bad = i, what = marks[k], which = k == 0 ? "min watermark" : k == 1 ? "low watermark" : "high watermark";
			}
		for (int k = 0; k < z->nr_lowmem_reserve && k < OOM_MAX_ZONE_IDX; k++) {
			int64_t r = z->lowmem_reserve_pages[k];
			if (known(r) && r > ram / a->page_size_kib) {
				nr_bad++;
				if (bad < 0)
					bad = i, what = sat_mul(r, a->page_size_kib), which = "lowmem_reserve";
			}
		}
	}
	if (nr_bad < 2)
		return false;
	char zl[40];
	const struct oom_zone *z = &s->zones[bad];
	struct finding *f = findings_add(c->out, "kernel-oom-regression", SEV_CRITICAL, 79,
		"%s's %s is %s, more than all of RAM (%s): the kernel's zone accounting was corrupt, and a watermark check against it fails whatever is free",
		zone_label(zl, sizeof(zl), z), which, K(c, 0, what), K(c, 1, ram));
	finding_evidence(f, "a zone's min is its share of vm.min_free_kbytes (an int of KiB) and lowmem_reserve the pages of the zones above over a ratio ≥ 1 (mm/page_alloc.c __setup_per_zone_wmarks, setup_per_zone_lowmem_reserve): neither can exceed RAM");
	if (known(a->mem.free_kib) && known(a->mem.total_kib))
		finding_evidence(f, "free: %s of %s", K(c, 0, a->mem.free_kib), K(c, 1, a->mem.total_kib));
	finding_evidence(f, "managed page counts that went wrong (memory hotplug, balloon page migration) give such marks");
	finding_basis(f, BASIS_ZONES | BASIS_RAM, a->basis_present, CONF_MEDIUM,
		      "a kernel bug inferred from watermarks no kernel computes from sane counts");
	finding_advice(f, "report it with this log to the kernel's memory-management list, naming what changes managed memory on this machine (balloon, hotplug)");
	finding_advice(f, "compare with a newer kernel of the same series: a kernel with this accounting bug OOMs whatever memory is free");
	return true;
}

/* Every populated zone printed with min, low and high at 0: the kernel
 * never computes that (init_per_zone_wmark_min: min_free_kbytes =
 * sqrt(lowmem KiB × 16), at least 128, then split over the zones by size,
 * mm/page_alloc.c 2.6-6.x); vm.min_free_kbytes was set to 0 (or next to
 * it).  With no reserve, atomic requests and reclaim's own allocations
 * fail as soon as free pages run out, and kswapd has no mark to wake at:
 * the setting, whatever else used memory, is what to change. */
static void rule_zero_marks(struct ctx *c)
{
	const struct oom_event *ev = c->ev;
	if (c->a->memcg || c->a->sysrq)
		return;
	/* The marks are set by init_per_zone_wmark_min, an initcall
	 * (mm/page_alloc.c: core_initcall to 5.x, postcore_initcall 6.x): a
	 * request of pid 1 while it is still "swapper/N" — the initcalls, before
	 * init is exec'd — may come before it, with every mark still 0
	 * (R2125: init_kprobes, an early_initcall).  Not a setting. */
	if (known(ev->req.trigger_pid) && ev->req.trigger_pid == 1 && strncmp(ev->req.trigger_comm, "swapper", 7) == 0)
		return;
	int n = 0;
	int64_t size = 0;
	for (int i = 0; i < ev->snap.nr_zones && i < OOM_MAX_ZONES; i++) {
		const struct oom_zone *z = &ev->snap.zones[i];
		int64_t zs = known(z->managed_kib) ? z->managed_kib : z->present_kib;
		if (!known(zs) || zs == 0)
			continue;
		if (!known(z->min_kib) || z->min_kib != 0 || (known(z->high_kib) && z->high_kib != 0))
			return;
		/* most of the zone never handed to the allocator (a boot with
		 * deferred init, R993): its marks follow its tiny managed count */
		if (known(z->managed_kib) && known(z->present_kib) && sat_mul(z->managed_kib, 2) < z->present_kib)
			return;
		n++;
		size = sat_add(size, zs);
	}
	if (n == 0 || size < 64 * 1024)
		return;
	/* a setting that removed every reserve leads what used the memory */
	struct finding *f = findings_add(c->out, "min-free-kbytes-unusual", SEV_CRITICAL, 97,
		"every zone's min watermark is 0: vm.min_free_kbytes was set to 0, so nothing is kept back for atomic requests and reclaim");
	finding_evidence(f, "min:0kB low:0kB high:0kB on %d zone(s) with %s of memory: the kernel's own minimum is at least 128 KiB, split over the zones by size (mm/page_alloc.c init_per_zone_wmark_min)",
			 n, K(c, 0, size));
	if (c->a->atomic)
		finding_evidence(f, "this request may not sleep: with no reserve under the marks it fails as soon as free pages run out");
	finding_basis(f, BASIS_ZONES, c->a->basis_present, CONF_HIGH, "read from the zone lines' watermarks");
	finding_advice(f, "restore vm.min_free_kbytes (remove the sysctl that sets it, or set the value /proc/sys/vm/min_free_kbytes shows after a boot without it)");
}

/* The min watermark itself too large: vm.min_free_kbytes is spread over
 * the zones as their min marks (mm/page_alloc.c __setup_per_zone_wmarks:
 * each lowmem zone gets its share by managed pages, HighMem a token), so
 * Σ min is about min_free_kbytes.  The kernel's own default is
 * int_sqrt(lowmem KiB × 16), at most 64 MiB (256 MiB from 5.7:
 * init_per_zone_wmark_min); khugepaged raises it for THP up to 5 % of
 * lowmem (mm/khugepaged.c set_recommended_min_free_kbytes), which on
 * 64 KiB-page arm64 (512 MiB pageblocks) it always reaches.  An OOM whose
 * largest zone sat below a min mark more than four times any default,
 * while that zone's free memory was itself of the mark's size (half of it
 * or more, and four defaults): the mark, not a lack of memory, decided it
 * (R360: Normal free 6460096 kB against min 6463168 kB on 128 GiB).  What
 * used the memory still leads when a rule names it. */
static bool rule_min_free_marks(struct ctx *c)
{
	const struct oom_event *ev = c->ev;
	const struct event_analysis *a = c->a;
	const struct oom_snapshot *s = &ev->snap;
	if (a->memcg || a->sysrq || a->cpuset || a->mempolicy || ev->kind == OOM_KIND_ALLOC_FAILURE)
		return false;
	if (ev->constraint[0] && strcmp(ev->constraint, "CONSTRAINT_NONE") != 0)
		return false;
	int64_t sum_min = 0;
	int big = -1;
	for (int i = 0; i < s->nr_zones && i < OOM_MAX_ZONES; i++) {
		const struct oom_zone *z = &s->zones[i];
		if (!known(z->min_kib))
			continue;
		/* the printed min holds the zone's watermark boost (5.0+,
		 * mm/page_alloc.c min_wmark_pages: _watermark[WMARK_MIN] +
		 * watermark_boost), which vm.min_free_kbytes does not (R3647) */
		sum_min = sat_add(sum_min, known(z->boost_kib) && z->boost_kib > 0 ? diff_sat(z->min_kib, z->boost_kib) : z->min_kib);
		if (big < 0 || z->min_kib > s->zones[big].min_kib)
			big = i;
	}
	if (big < 0)
		return false;
	const struct oom_zone *z = &s->zones[big];
	int64_t ram = known(a->mem.total_kib) ? a->mem.total_kib : s->mem.ram_kib;
	/* RAM not in the report: the default's ceiling, the largest it can be */
	int64_t def = known(ram) && ram > 0 ? min_free_kbytes_default(ram, &ev->kv)
					    : (ev->kv.known && kver_cmp(&ev->kv, 5, 7, 0) < 0 ? 65536 : 262144);
	/* with THP, khugepaged's value: pageblocks × populated zones × 11
	 * (MIGRATE_PCPTYPES² + 2), at most 5 % of RAM (model/commit.c);
	 * arm64's 64 KiB pages have 512 MiB pageblocks, always at the cap */
	int64_t psz = known(a->page_size_kib) ? a->page_size_kib : 4;
	int64_t thp = min_free_kbytes_thp(psz, s->nr_zones, known(ram) && ram > 0 ? ram : OOM_NA);
	if (psz == 64 && !strcmp(ev->arch, "aarch64") && known(ram) && ram > 0)
		thp = ram / 20;
	if (thp > def)
		def = thp;
	if (!known(z->free_kib) || sum_min <= sat_mul(4, def) || z->free_kib >= z->min_kib ||
	    sat_mul(z->free_kib, 2) < z->min_kib || z->free_kib < sat_mul(4, def))
		return false;
	char zl[40];
	int share = pct(sum_min, ram);
	/* what took the rest of RAM dwarfing the marks — anonymous memory
	 * filling three quarters of it (R3164: 122 GiB of 124 beside a 977 MiB
	 * min), or kernel memory in no counter (R2212, R3647: 71 % of a 64 MiB
	 * router beside its 16 MiB min) — is the shortage; the mark only set
	 * where it showed: named second, and exhaustion is read too */
	const struct finding *leak = findings_get(c->out, "kernel-leak-or-bug");
	int64_t whole = known(a->mem.total_kib) ? a->mem.total_kib : ram;
	bool dwarfed = (leak && known(a->mem.unaccounted_with_slab_kib) &&
			a->mem.unaccounted_with_slab_kib >= sat_mul(sum_min, 2)) ||
		       (known(a->mem.anon_kib) && known(whole) && whole > 0 && sat_mul(a->mem.anon_kib, 4) >= sat_mul(whole, 3)) ||
		       (known(a->mem.anon_kib) && !known(whole) && a->mem.anon_kib >= sat_mul(sum_min, 16));
	struct finding *f = findings_add(c->out, "min-free-kbytes-unusual", SEV_CRITICAL, dwarfed ? 40 : 64,
		dwarfed ? "an unusual min watermark set where the shortage showed: %s had %s free, just under its min mark %s; the zones' min marks add up to %s%s, far above the kernel's usual min_free_kbytes (~%s)"
			: "the min watermark itself was the limit: %s had %s free, just under its min mark %s; the zones' min marks add up to %s%s, far above the kernel's usual min_free_kbytes (~%s)",
		zone_label(zl, sizeof(zl), z), K(c, 0, z->free_kib), K(c, 1, z->min_kib), K(c, 2, sum_min),
		share >= 0 ? (snprintf(c->b[4], sizeof(c->b[4]), " (%d %% of RAM)", share), c->b[4]) : "",
		K(c, 3, def));
	finding_evidence(f, "a zone's min is its share of vm.min_free_kbytes (mm/page_alloc.c __setup_per_zone_wmarks): Σ min %s is about the setting",
			 K(c, 0, sum_min));
	finding_evidence(f, "the kernel's own values: int_sqrt(lowmem KiB × 16) (init_per_zone_wmark_min), or with transparent huge pages the pageblock (2 MiB on 4 KiB pages) × zones × 11 (mm/khugepaged.c set_recommended_min_free_kbytes): here at most %s",
			 K(c, 0, def));
	finding_evidence(f, "khugepaged's value is capped at 5 %% of RAM, which 64 KiB-page arm64 (512 MiB pageblocks) always reaches: there the kernel sets so large a mark by itself");
	finding_evidence(f, "free memory below the min mark is kept for the kernel's reserves: a workload sized to the free memory (a test leaving a margin, a cache limit) must leave the min marks out");
	finding_basis(f, BASIS_ZONES, a->basis_present, CONF_MEDIUM,
		      "min_free_kbytes read as the sum of the zones' min marks");
	finding_advice(f, "read vm.min_free_kbytes and /proc/zoneinfo's min: lower the setting, or with THP on 64 KiB pages accept it and size workloads to MemAvailable minus the min marks");
	finding_advice(f, "a program that fills memory up to a margin must count the watermarks (/proc/zoneinfo min/low/high) into it");
	return !dwarfed;
}

/* Most of a cgroup's memory dirty page cache: reclaim can only free it once
 * written back, and a writer should be throttled (balance_dirty_pages) or
 * the flushers woken before the cgroup OOMs.  An OOM of such a cgroup is
 * premature — the MGLRU flusher wake-up (R055) and the cgroup v1 dirty
 * throttling before 4.2 are known holes.  Half the usage is far beyond the
 * dirty limits (vm.dirty_ratio 20 %). */
static bool rule_memcg_dirty(struct ctx *c)
{
	const struct oom_event *ev = c->ev;
	const struct event_analysis *a = c->a;
	const struct oom_memcg *m = &ev->snap.memcg;
	if (!a->memcg || !known(m->file_dirty_kib) || !known(m->usage_kib) || m->usage_kib <= 0)
		return false;
	int share = pct(m->file_dirty_kib, m->usage_kib);
	if (share < 50)
		return false;
	/* Cgroup v1: no cgroup writeback.  Per-cgroup dirty throttling
	 * (mm/page-writeback.c balance_dirty_pages against the memcg's
	 * wb_domain, 4.2+) runs only on the v2 hierarchy
	 * (include/linux/backing-dev.h inode_cgwb_enabled: memory and io
	 * controllers on the default hierarchy); a v1 writer is held only to
	 * the global dirty limits, so a small cgroup fills with dirty pages by
	 * design, and its direct reclaim cannot write them (mm/vmscan.c: only
	 * kswapd writes file pages, 3.2+).  That is the limit doing what v1
	 * does, not a kernel regression. */
	if (m->version == 1) {
		struct finding *l = finding_mut(c->out, "memcg-limit");
		if (l) {
			finding_evidence(l, "dirty %s of usage %s (%d %%): v1 has no cgroup writeback (v2 only: backing-dev.h inode_cgwb_enabled), so dirty pages filled the cgroup up to its limit",
					 K(c, 0, m->file_dirty_kib), K(c, 1, m->usage_kib), share > 100 ? 100 : share);
			finding_advice(l, "for a writer in a small v1 cgroup: lower vm.dirty_bytes / vm.dirty_background_bytes well below the cgroup limit, or move to cgroup v2, whose writeback throttles per cgroup");
		}
		return false;
	}
	struct finding *f = findings_add(c->out, "kernel-oom-regression", SEV_CRITICAL, 75,
		"premature cgroup OOM: %s of the cgroup's %s (%d %%) was dirty page cache waiting for writeback, which reclaim cannot free until it is written",
		K(c, 0, m->file_dirty_kib), K(c, 1, m->usage_kib), share > 100 ? 100 : share);
	finding_evidence(f, "memory.stat file_dirty %s of usage %s", K(c, 0, m->file_dirty_kib), K(c, 1, m->usage_kib));
	finding_evidence(f, "dirty pages above the dirty limits should throttle the writer (mm/page-writeback.c balance_dirty_pages) and wake the flushers before the cgroup is OOM-killed");
	finding_basis(f, BASIS_MEMCG, a->basis_present, CONF_MEDIUM, "premature: the cgroup's memory was writeback-bound, not used");
	finding_advice(f, "lower the dirty limits (vm.dirty_bytes / vm.dirty_background_bytes) so a cgroup's share of dirty pages stays small; on cgroup v1 use v2, whose writeback is cgroup-aware");
	finding_advice(f, "update the kernel: reclaim that finds only dirty pages must wake the flushers (a known hole of MGLRU, fixed in 2024)");
	return true;
}

/* Global, unconstrained order-0 OOM while the report shows memory the
 * request could have had:
 * - a usable zone passing even the high watermark check (with its reserve,
 *   CMA and highatomic rules) by a wide margin: the allocator's last
 *   attempt before the OOM (mm/page_alloc.c __alloc_pages_may_oom, at
 *   ALLOC_WMARK_HIGH) would have succeeded on these numbers;
 * - a usable zone passing the min check only because its free memory sits
 *   in highatomic (H) pageblocks, which 4.4–5.9 hold back from this request
 *   up to 1 % of the zone + one pageblock, and which 4.10+ release before
 *   an OOM (unreserve_highatomic_pageblock(ac, true) from
 *   should_reclaim_retry) — R012;
 * - clean page cache holding a third of RAM, which reclaim frees without
 *   any I/O, for a request that may reclaim (should_reclaim_retry counts it
 *   as available).
 * The kernel gave up early: a regression or a reclaim-progress problem of
 * that kernel (the experts' "premature OOM"), not the machine running out. */
/* A show_mem alone (no header, failure or kill line: kind fragment) whose
 * largest zone sat under half its min mark: below min/2 no request goes
 * but one with reserve rights — ALLOC_HARDER's atomic and real-time ones
 * (__GFP_HIGH alone stops at min/2), the reclaimers' PF_MEMALLOC, an OOM
 * victim (mm/page_alloc.c __zone_watermark_ok, gfp_to_alloc_flags,
 * 2.6.x–6.x) — so they had taken the zone's reserve, and with the report's
 * head cut nothing says the OOM killer ran at all: the dump is as likely
 * an atomic failure's (warn_alloc prints the same show_mem) (R3644: a 64
 * MB router at 372 KiB of a 984 KiB min, 60 % of RAM page cache under
 * writeback to an SPI card; R1850 and R3405 read the shape so).  Named
 * before the premature OOM its reclaimable cache would suggest. */
static bool rule_fragment_reserve_floor(struct ctx *c)
{
	const struct oom_event *ev = c->ev;
	const struct oom_snapshot *s = &ev->snap;
	if (ev->kind != OOM_KIND_FRAGMENT || c->a->memcg || c->a->sysrq || analysis_swap_full(&c->a->mem) ||
	    ev->swap_full_hint || (known(s->mem.swap_free_kib) && s->mem.swap_free_kib > 0 && s->mem.swap_free_kib < SWAP_ROOM_KIB))
		return false;   /* (swap full or nearly: RAM and swap ran out, an OOM's victim dipping in) */
	if (findings_get(c->out, "atomic-reserves-exhausted"))
		return true;    /* read already (rule_reserves_drained: every zone under 3/8 of min) */
	int big = -1;
	int64_t big_size = -1;
	for (int i = 0; i < s->nr_zones && i < OOM_MAX_ZONES; i++) {
		const struct oom_zone *z = &s->zones[i];
		/* the largest zone; its size cut from the line (a console's
		 * width), the one with the largest min, which scales with it */
		int64_t size = known(z->managed_kib) ? z->managed_kib : known(z->present_kib) ? z->present_kib : z->min_kib;
		if (!known(z->free_kib) || !known(z->min_kib) || z->min_kib <= 0 || !known(size))
			continue;
		if (size > big_size) {
			big = i;
			big_size = size;
		}
	}
	if (big < 0)
		return false;
	const struct oom_zone *z = &s->zones[big];
	if (sat_mul(z->free_kib, 2) >= z->min_kib)
		return false;
	/* under 3/8 of min: the lowest any watermark lets a request reach;
	 * the evidence ladder reads each node's zones against it
	 * (evidence_figures_drained) */
	if (sat_mul(z->free_kib, 8) < sat_mul(z->min_kib, 3))
		return true;
	char zl[40];
	struct finding *f = findings_add(c->out, "atomic-reserves-exhausted", SEV_WARNING, 72,
		"%s was drained to %s, under half its min mark %s, where only allocations with reserve rights (atomic, the reclaimers' own) may go: they took the reserve",
		zone_label(zl, sizeof(zl), z), K(c, 0, z->free_kib), K(c, 1, z->min_kib));
	finding_evidence(f, "an ordinary request stops at min, one with __GFP_HIGH at half of it; below that only ALLOC_HARDER (atomic, real-time), PF_MEMALLOC and an OOM victim take pages (mm/page_alloc.c __zone_watermark_ok)");
	finding_evidence(f, "the report is a show_mem alone: its header (an OOM's, or an atomic allocation failure's) is not in it");
	if (known(c->a->mem.file_kib) && known(c->a->mem.total_kib) && sat_mul(c->a->mem.file_kib, 4) >= c->a->mem.total_kib)
		finding_evidence(f, "page cache %s of %s was there for reclaim to free, but not as fast as the reserve went",
				 K(c, 0, c->a->mem.file_kib), K(c, 1, c->a->mem.total_kib));
	basis_fixed(f, BASIS_TRIGGER | BASIS_ZONES, c->a->basis_present, CONF_LOW,
		    "read from the zone lines; the request is not in the report");
	finding_advice(f, "raise vm.min_free_kbytes so atomic and reclaim-path allocations keep a reserve");
	finding_advice(f, "find the report's first line in the full log: \"page allocation failure\" (an atomic request) or \"invoked oom-killer\"");
	return true;
}

/* ---- the spurious OOM kills of 2.6.0–2.6.10 ---------------------------
 * Until 2.6.11 the OOM killer was called from the end of mm/vmscan.c
 * try_to_free_pages once a reclaim pass at every priority had freed too
 * little ("if ((gfp_mask & __GFP_FS) && !(gfp_mask & __GFP_NORETRY))
 * out_of_memory(gfp_mask)", 2.6.9), gated only by mm/oom_kill.c's count of
 * ten such failures within seconds: no zone's free pages were looked at.
 * 2.6.11 moved the call into __alloc_pages behind a last try at the high
 * watermark (Andrea Arcangeli's OOM fixes; lowmem_reserve[] replaced the
 * "protections[]" line then).  So a report of those kernels whose request
 * could use a zone holding more than twice its high mark is a kill the
 * memory did not call for: the "spurious OOM kills" the 2.6.9 and 2.6.10
 * threads fixed (R4207 and R4208 on OSDL's test machines, R4013's 228 MB
 * free in Normal).  Twice the mark and no more: later kernels checked the
 * mark just before killing, so there room at print time says memory came
 * back in between (analysis_zone_had_room asks a share of the zone); here
 * nothing was checked.  A zone the kernel had marked all_unreclaimable, a
 * full swap and a manual kill are left to their own readings. */
static bool era_spurious_oom(const struct oom_event *ev)
{
	if (ev->protections_line)
		return true;
	return ev->kv.known && kver_cmp(&ev->kv, 2, 6, 0) >= 0 && kver_cmp(&ev->kv, 2, 6, 11) < 0;
}

/* The same kernels' kill with no zone over its mark, but none given up
 * on: every populated zone printed "all_unreclaimable? no" (reclaim was
 * still freeing pages there: the flag is set once a zone was scanned four
 * times over without success, mm/vmscan.c balance_pgdat) and the machine
 * had swap to write to (a total, or pages gone through the swap cache).
 * The ten failed passes in a few seconds that fired the OOM killer then
 * were no proof of exhaustion (R937, R953: the 2.6.9 "spurious OOM kill"
 * threads of 64 and 128 MB machines).  Low confidence, and only when
 * nothing in the memory itself reads as the cause. */
static void rule_spurious_oom_2610_reclaiming(struct ctx *c)
{
	const struct oom_event *ev = c->ev;
	const struct oom_snapshot *s = &ev->snap;
	const struct oom_mem *mm = &s->mem;
	if (!((known(mm->swap_total_kib) && mm->swap_total_kib > 0) || (known(mm->swap_cache_adds) && mm->swap_cache_adds > 0)))
		return;
	for (int i = 0; i < c->out->n; i++)
		if (c->out->items[i].weight >= 20)
			return;
	int populated = 0;
	for (int i = 0; i < s->nr_zones && i < OOM_MAX_ZONES; i++) {
		const struct oom_zone *z = &s->zones[i];
		if (known(z->present_kib) && z->present_kib == 0)
			continue;
		if (z->all_unreclaimable != 0)
			return;   /* given up on, or not printed */
		populated++;
	}
	if (!populated)
		return;
	struct finding *f = findings_add(c->out, "kernel-oom-regression", SEV_WARNING, 55,
		"spurious OOM kill of a 2.6.10-or-older kernel: no zone was marked all_unreclaimable and swap was in use, yet the kernel killed");
	if (ev->protections_line)
		finding_evidence(f, "the zone lines print \"protections[]\": show_free_areas of 2.6.5 to 2.6.11-rc2, before lowmem_reserve[]");
	else
		finding_evidence(f, "the kernel is %s, before 2.6.11", ev->kernel);
	finding_evidence(f, "these kernels called the OOM killer from mm/vmscan.c try_to_free_pages after ten failed reclaim passes within seconds, not after reclaim had given up on the zones");
	finding_evidence(f, "every populated zone printed \"all_unreclaimable? no\": reclaim was still freeing pages");
	basis_fixed(f, BASIS_ZONES, c->a->basis_present, CONF_LOW, "read from the zone lines' all_unreclaimable flags and the kernel's era");
	if (f)
		f->confidence = CONF_LOW;
	finding_advice(f, "run a kernel of 2.6.11 or later: its OOM killer runs only when no zone can give the page");
}

static void rule_spurious_oom_2610(struct ctx *c)
{
	const struct oom_event *ev = c->ev;
	const struct event_analysis *a = c->a;
	const struct oom_snapshot *s = &ev->snap;
	if (ev->kind != OOM_KIND_GLOBAL || a->sysrq || !era_spurious_oom(ev) || analysis_swap_full(&a->mem) ||
	    ev->swap_full_hint || ev->swapfull_from_line || (known(ev->req.order) && ev->req.order > 0))
		return;
	/* the zones the request may use: HighMem only for a __GFP_HIGHMEM one,
	 * DMA only for a __GFP_DMA one (the protections kept the rest out);
	 * with the header cut, the zones every kernel request may use */
	bool gfp = ev->req.gfp_known;
	bool high_ok = gfp && gfp_has(ev->req.gfp_mask, GFPB_HIGHMEM, &ev->kv);
	bool dma_only = gfp && gfp_has(ev->req.gfp_mask, GFPB_DMA, &ev->kv);
	int room = -1;
	for (int i = 0; i < s->nr_zones && i < OOM_MAX_ZONES && room < 0; i++) {
		const struct oom_zone *z = &s->zones[i];
		if (!known(z->free_kib) || !known(z->high_kib) || z->high_kib <= 0 || z->all_unreclaimable == 1 ||
		    (known(z->present_kib) && z->present_kib == 0))
			continue;
		bool dma = !strcmp(z->name, "DMA");
		if (dma_only ? !dma : (dma || (!strcmp(z->name, "HighMem") && !high_ok)))
			continue;
		if (z->free_kib > sat_mul(z->high_kib, 2))
			room = i;
	}
	if (room < 0) {
		rule_spurious_oom_2610_reclaiming(c);
		return;
	}
	const struct oom_zone *z = &s->zones[room];
	char zl[40];
	struct finding *f = findings_add(c->out, "kernel-oom-regression", SEV_CRITICAL, 96,
		"spurious OOM kill of a 2.6.10-or-older kernel: %s had %s free, over twice its high watermark %s, yet the kernel killed",
		zone_label(zl, sizeof(zl), z), K(c, 0, z->free_kib), K(c, 1, z->high_kib));
	if (ev->protections_line)
		finding_evidence(f, "the zone lines print \"protections[]\": show_free_areas of 2.6.5 to 2.6.11-rc2, before lowmem_reserve[]");
	else
		finding_evidence(f, "the kernel is %s, before 2.6.11", ev->kernel);
	finding_evidence(f, "these kernels called the OOM killer from mm/vmscan.c try_to_free_pages after reclaim passes that freed too little, without looking at the zones' free pages; 2.6.11 moved the call behind a last allocation attempt at the high watermark");
	if (z->all_unreclaimable == 0)
		finding_evidence(f, "%s was not marked all_unreclaimable: reclaim still found pages to free there", z->name);
	basis_fixed(f, BASIS_ZONES, a->basis_present, CONF_MEDIUM, "read from the zone lines and the kernel's era");
	finding_advice(f, "run a kernel of 2.6.11 or later: its OOM killer runs only when no zone can give the page");
	finding_advice(f, "on this kernel, a larger vm.min_free_kbytes and less dirty page cache (vm.dirty_ratio) make the failing reclaim passes rarer");
}

static bool rule_premature(struct ctx *c)
{
	const struct oom_event *ev = c->ev;
	const struct event_analysis *a = c->a;
	const struct oom_snapshot *s = &ev->snap;
	const struct mem_breakdown *m = &a->mem;
	if (a->sysrq || a->memcg || a->cpuset || a->mempolicy || ev->kind == OOM_KIND_ALLOC_FAILURE ||
	    ev->alloc_stall_ms > 0 || ev->numa_oom_hint)
		return false;
	if (rule_fragment_reserve_floor(c))
		return false;
	if (ev->constraint[0] && strcmp(ev->constraint, "CONSTRAINT_NONE") != 0)
		return false;
	/* orders 1-3 (not costly) only for the page cache reading (3): the
	 * allocator retries them while reclaim makes progress, and compaction
	 * with them (mm/page_alloc.c should_reclaim_retry, should_compact_retry,
	 * 4.7+), so a third of RAM in clean cache is memory it gave up on (the
	 * 4.4-4.7 OOM-rework fork failures, R1763, R1766) */
	bool small_order = known(ev->req.order) && ev->req.order >= 1 && ev->req.order <= 3;
	if (known(ev->req.order) && ev->req.order != 0 && !small_order)
		return false;
	if (findings_get(c->out, "lowmem-exhausted-highmem-free") || findings_get(c->out, "lowmem-pressure") ||
	    findings_get(c->out, "cma-unusable") || findings_get(c->out, "fragmentation-high-order"))
		return false;
	bool request = known(ev->req.order) && ev->req.order == 0 && a->classzone >= 0;
	char zl[40];
	/* 1: a usable zone well above its high watermark for this request */
	int room = -1;
	bool hi_ok = false;
	if (request && a->nr_evaluated > 0 && known(a->page_size_kib)) {
		for (int i = 0; i < s->nr_zones && i < OOM_MAX_ZONES; i++) {
			const struct oom_zone *z = &s->zones[i];
			const struct zone_verdict *zv = &a->zone[i];
			if (!zv->evaluated || !known(z->high_kib))
				continue;
			/* below the classzone the reserve decides: it must be printed */
			if (!known(zv->reserve_kib) && zone_index_in(s, z->name) != a->classzone)
				continue;
			if (zone_watermark_ok(z, 0, z->high_kib, a->classzone, a->alloc_flags, a->page_size_kib, &ev->kv) &&
			    analysis_zone_had_room(z, zv->reserve_kib)) {
				room = i;
				hi_ok = true;
				break;
			}
		}
	} else if (!request && !small_order && s->nr_zones > 0) {
		/* the request is not in the report: a zone every request but a
		 * GFP_DMA one may use, held to its largest lowmem_reserve; on one
		 * node only (a cpuset or policy could keep a request off others) */
		int node = INT32_MIN;
		bool one_node = true;
		for (int i = 0; i < s->nr_zones; i++) {
			if (node != INT32_MIN && s->zones[i].node != node)
				one_node = false;
			node = s->zones[i].node;
		}
		int r = -1;
		/* HighMem or Movable with room proves nothing for an unknown
		 * request: a kernel (lowmem) request may use neither */
		if (one_node && !exhaustion_evident(c, &r) && r >= 0 && strcmp(s->zones[r].name, "DMA32") != 0 &&
		    strcmp(s->zones[r].name, "HighMem") != 0 && strcmp(s->zones[r].name, "Movable") != 0)
			room = r;
	}
	/* 2: passing only by the highatomic reserve's pages (4.4–5.9, H letters) */
	int hzone = -1;
	int64_t hmax = OOM_NA;
	if (room < 0 && request && !small_order && a->nr_ok > 0 && !(a->alloc_flags & (ZWM_HARDER | ZWM_HIGH)) &&
	    known(a->page_size_kib)) {
		for (int i = 0; i < s->nr_zones && i < OOM_MAX_ZONES; i++) {
			const struct oom_zone *z = &s->zones[i];
			const struct zone_verdict *zv = &a->zone[i];
			if (!zv->evaluated || !zv->ok || !known(zv->highatomic_est_kib) || !known(z->managed_kib) ||
			    z->nr_orders <= 0)
				continue;
			int pb_order = z->nr_orders - 1 < 9 ? z->nr_orders - 1 : 9;
			int64_t pb_kib = sat_mul(a->page_size_kib, 1LL << pb_order);
			/* mm/page_alloc.c reserve_highatomic_pageblock: at most
			 * 1 % of the zone + one pageblock */
			int64_t max_kib = sat_add(z->managed_kib / 100, pb_kib);
			struct oom_zone t = *z;
			t.reserved_highatomic_kib = max_kib;
			t.free_highatomic_kib = OOM_NA;
			if (!zone_watermark_ok(&t, 0, z->min_kib, a->classzone, a->alloc_flags, a->page_size_kib, &ev->kv)) {
				hzone = i;
				hmax = max_kib;
				break;
			}
		}
	}
	/* 3: clean page cache a third of RAM, for a request that may reclaim */
	int64_t clean = OOM_NA;
	int clean_share = -1;
	/* a 32-bit kernel's page cache lies mostly in HighMem, which a kernel
	 * (lowmem) request of order 1-3 — a stack, a slab — cannot use: its
	 * zone lines decide, not the cache's size (R1056, R603 with their
	 * zones cut) */
	bool highmem_machine = arch_is_32bit(ev->arch) || (known(s->mem.highmem_total_kib) && s->mem.highmem_total_kib > 0);
	if (room < 0 && hzone < 0 && m->scope == MEM_SCOPE_SYSTEM && !a->atomic && known(m->file_kib) &&
	    !known(m->highmem_free_kib) && !(small_order && highmem_machine)) {
		clean = m->file_kib;
		if (known(s->mem.dirty_kib))
			clean = diff_sat(clean, s->mem.dirty_kib);
		if (known(s->mem.writeback_kib))
			clean = diff_sat(clean, s->mem.writeback_kib);
		clean_share = pct(clean, m->total_kib);
		if (clean_share < CONSUMER_SHARE_PCT)
			clean_share = -1;
	}
	/* 4: swap half free while anonymous memory fills half of RAM, for a
	 * request that may swap: reclaim could have written anon out
	 * (mm/vmscan.c counts anon reclaimable while swap has room,
	 * can_reclaim_anon_pages), so giving up is premature (R1206, R438)
	 * — unless anon is pinned, which consumer findings (shmem, mlock)
	 * name and lead */
	/* ≤2.6.27 prints one active and one inactive list, anon and file
	 * together (no anon figure): most of RAM on them, swap three
	 * quarters free, is the same story, file pages being as reclaimable
	 * (R4010: 2.6.12, 99 % of swap free) */
	int anon_share = -1;
	int64_t swappable = m->anon_kib;
	bool old_lru = false;
	/* (not for a request held to ZONE_DMA/DMA32: the lists are the
	 * whole machine's, the request may use a corner of it, R1220) */
	if (!known(swappable) && known(s->mem.active_kib) && known(s->mem.inactive_kib) &&
	    !(a->zone_name && (!strcmp(a->zone_name, "DMA") || !strcmp(a->zone_name, "DMA32")))) {
		swappable = sat_add(s->mem.active_kib, s->mem.inactive_kib);
		old_lru = true;
	}
	/* no HighMem at all: none printed, "0 pages HighMem", or its zone
	 * line present:0kB (a 1 GiB box on a HIGHMEM kernel, R4010) */
	bool no_highmem = !known(m->highmem_free_kib) ||
			  (known(s->mem.highmem_total_kib) && s->mem.highmem_total_kib == 0 && m->highmem_free_kib == 0);
	int hz = zone_index_in(s, "HighMem");
	if (!no_highmem && hz >= 0 && known(s->zones[hz].present_kib) && s->zones[hz].present_kib == 0 &&
	    m->highmem_free_kib == 0)
		no_highmem = true;
	/* a request that may use HighMem (a user page, __GFP_HIGHMEM) may
	 * take the pages swapping frees there: the whole machine's lists
	 * are its own (R4008, R4009: 2.6.11/2.6.13 desktops, mapped anon in
	 * HighMem and swap four fifths free) */
	bool may_high = ev->req.gfp_known && gfp_has(ev->req.gfp_mask, GFPB_HIGHMEM, &ev->kv);
	if (room < 0 && hzone < 0 && clean_share < 0 && !small_order && m->scope == MEM_SCOPE_SYSTEM && !a->atomic && a->can_io &&
	    ev->req.gfp_known && known(m->swap_total_kib) && known(m->swap_free_kib) && m->swap_total_kib >= 64 * 1024 &&
	    (old_lru ? m->swap_free_kib * 4 >= m->swap_total_kib * 3 : m->swap_free_kib * 2 >= m->swap_total_kib) &&
	    known(swappable) && (no_highmem || may_high) && !(ev->req.gfp_known && ev->req.gfp_mask == 0)) {
		anon_share = pct(swappable, m->total_kib);
		if (anon_share < 50)
			anon_share = -1;
	}
	if (room < 0 && hzone < 0 && clean_share < 0 && anon_share < 0)
		return false;
	struct finding *f;
	if (anon_share >= 0) {
		f = findings_add(c->out, "kernel-oom-regression", SEV_CRITICAL, 62,
			"premature OOM: swap had %s free of %s while %s held %s (%d %% of RAM): reclaim could have swapped it out, yet the kernel killed",
			K(c, 0, m->swap_free_kib), K(c, 1, m->swap_total_kib),
			old_lru ? "the LRU lists (anonymous and file pages together)" : "anonymous memory", K(c, 2, swappable), anon_share);
		finding_evidence(f, "anonymous pages are reclaimable while swap has room (mm/vmscan.c can_reclaim_anon_pages), and this request may do I/O and swap");
		finding_evidence(f, "unless the anonymous memory was pinned: GPU (GEM) objects, locked or in-use shmem, pages under get_user_pages");
		finding_basis(f, BASIS_TRIGGER | BASIS_MEMINFO | BASIS_SWAP, a->basis_present, CONF_LOW,
			      "premature OOM inferred from free swap beside swappable memory");
		if (f)
			f->confidence = CONF_LOW;
		finding_advice(f, "compare with a newer kernel of the same series; check vm.swappiness and whether the anonymous memory was pinned (GPU drivers, mlock)");
		finding_advice(f, "meanwhile a larger vm.min_free_kbytes keeps reclaim ahead of the allocations");
		return true;
	}
	if (room >= 0) {
		const struct oom_zone *z = &s->zones[room];
		f = findings_add(c->out, "kernel-oom-regression", SEV_CRITICAL, 62,
			"premature OOM: %s had %s free, far above its high watermark (%s)%s: the kernel killed with memory the request could have had",
			zone_label(zl, sizeof(zl), z), K(c, 0, z->free_kib), K(c, 1, z->high_kib),
			request ? "" : ", and the request is not in the report");
		if (hi_ok)
			finding_evidence(f, "the zone passes even the high watermark check for this order-0 request (reserve %s): the allocator's last attempt before an OOM uses that mark (mm/page_alloc.c __alloc_pages_may_oom)",
					 K(c, 2, a->zone[room].reserve_kib));
		else
			finding_evidence(f, "every request but a GFP_DMA/GFP_DMA32 one may use %s: held to its largest lowmem_reserve it still had room", z->name);
		if (z->all_unreclaimable == 0)
			finding_evidence(f, "all_unreclaimable? no: reclaim had not given up on the zone");
		if (!request)
			finding_evidence(f, "a zone-restricted request (GFP_DMA32), a manual kill (sysrq f) or a memory freed just before the report would explain it too: the trigger line decides");
		else
			finding_evidence(f, "unless memory was freed in the moment between the failed attempt and the report (a previous victim exiting)");
		finding_basis(f, BASIS_TRIGGER | BASIS_ZONES, a->basis_present, request ? CONF_MEDIUM : CONF_LOW,
			      "premature OOM inferred from a zone with room %s", request ? "for the request" : "for any non-DMA request");
	} else if (hzone >= 0) {
		const struct oom_zone *z = &s->zones[hzone];
		f = findings_add(c->out, "kernel-oom-regression", SEV_CRITICAL, 62,
			"premature OOM: %s had %s free, above its min watermark %s, but its free pages lay in the highatomic reserve, which this request may not take",
			zone_label(zl, sizeof(zl), z), K(c, 0, z->free_kib), K(c, 1, z->min_kib));
		finding_evidence(f, "H (highatomic) blocks on the buddy line; this kernel prints no reserved_highatomic: the reserve holds up to 1 %% of the zone + one pageblock (%s), enough to fail the check",
				 K(c, 2, hmax));
		finding_evidence(f, "4.10+ release the highatomic reserve before an OOM (mm/page_alloc.c should_reclaim_retry → unreserve_highatomic_pageblock): an OOM with it still held is premature");
		finding_basis(f, BASIS_TRIGGER | BASIS_ZONES | BASIS_BUDDY, a->basis_present, CONF_MEDIUM,
			      "the highatomic reserve's size estimated (H letters; the kernel prints no count)");
	} else {
		f = findings_add(c->out, "kernel-oom-regression", SEV_CRITICAL, 62,
			"premature OOM: %s of clean page cache (%d %% of RAM) was there to reclaim, yet the kernel killed",
			K(c, 0, clean), clean_share);
		finding_evidence(f, "page cache %s of %s, dirty %s, writeback %s", K(c, 0, m->file_kib), K(c, 1, m->total_kib),
				 K(c, 2, s->mem.dirty_kib), K(c, 3, s->mem.writeback_kib));
		finding_evidence(f, "clean page cache is freed without I/O; the OOM detection counts it as available (mm/page_alloc.c should_reclaim_retry): reclaim made no progress on it");
		if (small_order)
			finding_evidence(f, "an order-%lld request is not costly (<= PAGE_ALLOC_COSTLY_ORDER): the allocator retries it, compacting the freed pages into blocks, while reclaim progresses; giving up beside this cache is the premature OOM of the 4.4-4.7 OOM detection rework",
					 (long long)ev->req.order);
		finding_basis(f, BASIS_TRIGGER | BASIS_MEMINFO | BASIS_RAM, a->basis_present, CONF_MEDIUM,
			      "premature OOM inferred from the reclaimable page cache");
	}
	finding_advice(f, "compare with a newer kernel of the same series, and search the kernel's mailing lists for this version's \"premature OOM\"");
	finding_advice(f, "meanwhile a larger vm.min_free_kbytes keeps reclaim ahead of the allocations");
	return true;
}

/* Consequences and policies of the OOM killer itself: what the kernel did
 * (panicked, found nothing to kill) or how it chose (the allocating task).
 * Listed after the causes (weight ≤ 12); diagnose_event_analysed lifts the
 * first of them above "unknown" when no cause of the shortage has evidence
 * in the report, since the outcome is then the one thing the report proves
 * (R044/R045: "Kernel panic - not syncing: Out of memory" after a header
 * cut to nothing; R034: the oom_kill_allocating_task selection lines). */
static void rule_consequences(struct ctx *c)
{
	const struct oom_event *ev = c->ev;
	/* "System is deadlocked on memory" is out_of_memory()'s own panic
	 * after "Out of memory and no killable processes..." for a global
	 * OOM (mm/oom_kill.c, 4.19+), whatever vm.panic_on_oom says; the
	 * parser marks it OOM_OUTCOME_PANIC without a panic_on_oom level,
	 * which only the "panic_on_oom is selected/enabled" lines set.  Its
	 * cause is that nobody could be killed, not the sysctl (R689). */
	bool deadlocked = ev->outcome == OOM_OUTCOME_PANIC && !ev->panic_on_oom;
	if (ev->panic_on_oom) {
		/* vm.panic_on_oom=1 spares OOMs confined to a memory cgroup,
		 * a cpuset or a memory policy; only 2 ("compulsory") panics
		 * for them (mm/oom_kill.c check_panic_on_oom, 2.6.19+).  Such
		 * an OOM would have killed one task inside its confinement
		 * while the machine had memory: the host went down because of
		 * the setting, so it leads, ahead of what filled the cgroup. */
		const struct event_analysis *a = c->a;
		bool confined = a->memcg || a->cpuset || a->mempolicy;
		bool compulsory_confined = ev->panic_on_oom == 2 && confined && !a->sysrq;
		struct finding *f = findings_add(c->out, "panic-on-oom", SEV_CRITICAL, compulsory_confined ? 98 : 10,
			"%s (vm.panic_on_oom=%d)",
			compulsory_confined ? (a->memcg ? "the whole machine panicked for one memory cgroup reaching its limit"
						      : "the whole machine panicked for an OOM confined to some NUMA nodes")
					    : "the kernel panicked instead of killing a process",
			ev->panic_on_oom ? ev->panic_on_oom : 1);
		finding_evidence(f, "panic line: %s", ev->panic_on_oom == 2 ? "compulsory panic_on_oom" : "panic_on_oom is enabled");
		if (ev->panic_on_oom == 2 || c->a->memcg)
			finding_evidence(f, "panic_on_oom=2 panics even for a memory cgroup OOM (mm/oom_kill.c check_panic_on_oom): one cgroup at its limit takes the whole machine down");
		if (compulsory_confined)
			finding_evidence(f, "with vm.panic_on_oom=1 or 0 the kernel would have killed a task %s and the machine would have stayed up",
					 a->memcg ? "inside the cgroup" : "on those nodes");
		finding_advice(f, "set vm.panic_on_oom=0 unless a reboot is the intended recovery; then keep the report with kdump or netconsole");
	}
	if (ev->outcome == OOM_OUTCOME_NO_KILLABLE || deadlocked) {
		/* Inside a memory cgroup the limit was hit, as in every memcg OOM;
		 * what sets this one apart, and what the admin must change, is
		 * that nothing in the cgroup could be killed: the charge fails
		 * and the OOM repeats (4.19+ mm/memcontrol.c mem_cgroup_out_of_memory
		 * returns false, the charge returns -ENOMEM or loops in the
		 * page-fault path) until a task becomes killable, exits, or the
		 * limit rises.  So it leads the limit (R427 adj -1000 container,
		 * R357 memory.max lowered with no task inside, R166). */
		bool in_memcg = c->a->memcg;
		struct finding *f = findings_add(c->out, "no-killable-process", SEV_CRITICAL, in_memcg ? 72 : 9,
			in_memcg ? "a memory cgroup reached its limit and no process in it could be killed: every task in it unkillable (oom_score_adj -1000) or exiting, or none left"
				 : "no process could be killed: every candidate was unkillable (oom_score_adj -1000, kernel threads, init)");
		if (ev->nokill_printed || !deadlocked)
			finding_evidence(f, "\"Out of memory and no killable processes...\"");
		if (deadlocked)
			finding_evidence(f, "%s\"System is deadlocked on memory\": a global OOM with nobody to kill panics whatever vm.panic_on_oom says (mm/oom_kill.c out_of_memory, 4.19+)",
					 ev->nokill_printed ? "then " : "");
		if (in_memcg) {
			finding_evidence(f, "with no victim the cgroup's charge fails and the OOM repeats: the workload stalls or its allocations fail until the limit rises or a task in it becomes killable (a high failcnt counts the retries)");
			finding_advice(f, "look at the cgroup's tasks: oom_score_adj -1000 (docker --oom-score-adj, OOMScoreAdjust=) or docker --oom-kill-disable leave the OOM killer nothing to kill; give them a killable adj, or raise the limit");
		}
		finding_advice(f, "do not give oom_score_adj -1000 to whole services; protect only what must survive (oomkit adj)");
	}
	/* vm.oom_kill_allocating_task=1 (mm/oom_kill.c out_of_memory, 2.6.24+):
	 * the task that asked for memory is killed without comparing anyone,
	 * and the selection line says so. */
	if (ev->have_victim && strstr(ev->victim.message, "oom_kill_allocating_task")) {
		const char *who = ev->victim.selected_comm[0] ? ev->victim.selected_comm : ev->victim.comm;
		int64_t pid = known(ev->victim.selected_pid) ? ev->victim.selected_pid : ev->victim.pid;
		struct finding *f = findings_add(c->out, "oom-kill-allocating-task", SEV_WARNING, 12,
			"vm.oom_kill_allocating_task=1: the kernel killed the task that asked for memory (%s, pid %lld) without looking for the one using the most",
			who, (long long)pid);
		finding_evidence(f, "selection line \"%s: Kill process %lld (%s)\": the kernel's mark of this sysctl",
				 ev->victim.message, (long long)pid, who);
		if (known(ev->victim.selected_pid) && known(ev->victim.pid) && ev->victim.selected_pid != ev->victim.pid)
			finding_evidence(f, "its child %s (pid %lld) was killed in its place (2.6.36–5.0 sacrifice a child with its own memory)",
					 ev->victim.comm, (long long)ev->victim.pid);
		if (known(ev->victim.score) && ev->victim.score == 0)
			finding_evidence(f, "score 0: the victim held next to no memory, so the kill freed next to nothing and the OOM may repeat at once");
		finding_advice(f, "sysctl vm.oom_kill_allocating_task=0: the kernel then kills the task using the most memory, which ends the shortage");
		finding_advice(f, "if it was set to spare a slow task-list scan on a huge machine, measure first: the scan costs milliseconds on modern kernels");
	}
}

/* The first consequence, for when no cause of the shortage has evidence. */
static struct finding *first_consequence(struct findings *out)
{
	static const char *const ids[] = { "panic-on-oom", "no-killable-process", "oom-kill-allocating-task" };
	for (size_t k = 0; k < ARRAY_SIZE(ids); k++)
		for (int i = 0; i < out->n; i++)
			if (strcmp(out->items[i].id, ids[k]) == 0)
				return &out->items[i];
	return NULL;
}

/* ---- confidence and basis ------------------------------------ */

/* The parts of a report each cause rests on.  A rule that reasons around
 * missing lines or infers a fact sets its own (finding_basis) before this
 * fills in the rest. */
static unsigned cause_needs(const struct event_analysis *a, const char *id)
{
	unsigned mem = a->mem.scope == MEM_SCOPE_MEMCG ? BASIS_MEMCG : BASIS_MEMINFO | BASIS_RAM;
	static const struct { const char *id; unsigned needs; } tab[] = {
		{ "manual-sysrq", BASIS_TRIGGER },
		{ "lowmem-exhausted-highmem-free", BASIS_TRIGGER | BASIS_ZONES | BASIS_MEMINFO },
		{ "fragmentation-high-order", BASIS_TRIGGER | BASIS_ZONES | BASIS_BUDDY },
		{ "cpuset-or-mempolicy", BASIS_CONSTRAINT | BASIS_ZONES },
		{ "atomic-reserves-exhausted", BASIS_TRIGGER | BASIS_ZONES },
		{ "cma-unusable", BASIS_TRIGGER | BASIS_ZONES },
		{ "memcg-limit", BASIS_MEMCG },
		{ "allocation-stall", BASIS_MEMINFO },
		{ "genuine-exhaustion-no-swap", BASIS_TRIGGER | BASIS_ZONES | BASIS_MEMINFO | BASIS_SWAP },
		{ "genuine-exhaustion-swap-full", BASIS_TRIGGER | BASIS_ZONES | BASIS_MEMINFO | BASIS_SWAP },
		{ "unknown", BASIS_TRIGGER | BASIS_MEMINFO | BASIS_ZONES | BASIS_BUDDY | BASIS_SWAP | BASIS_TASKS },
	};
	for (size_t i = 0; i < ARRAY_SIZE(tab); i++)
		if (strcmp(tab[i].id, id) == 0)
			return tab[i].needs;
	/* what used the memory: the scope's counters */
	if (!strcmp(id, "shmem-tmpfs") || !strcmp(id, "slab-growth") || !strcmp(id, "hugepages-reserved") ||
	    !strcmp(id, "mlocked-unevictable") ||
	    !strcmp(id, "kernel-leak-or-bug"))
		return mem;
	return 0;   /* consequences and context (panic, no killable process, side messages): read as printed */
}

static void basis_defaults(struct ctx *c)
{
	for (int i = 0; i < c->out->n; i++) {
		struct finding *f = &c->out->items[i];
		if (f->confidence != CONF_UNSET)
			continue;
		/* "unknown" is never more than a shrug */
		finding_basis(f, cause_needs(c->a, f->id), c->a->basis_present,
			      strcmp(f->id, "unknown") == 0 ? CONF_LOW : CONF_UNSET, NULL);
	}
}

/* A request held to ZONE_DMA (__GFP_DMA, not DMA32) on x86, where that
 * zone is the first 16 MiB of RAM (arch/x86 MAX_DMA_PFN) kept for devices
 * that address no more (ISA-era DMA, 24-bit DMA masks: floppy, old sound
 * and SCSI cards, bounce buffers for them).  Its failure says the caller
 * asked for that corner, not that memory ran out: memory in the other
 * zones could not serve it whatever its amount.  The expert's reading of
 * such reports is the driver's (R1017, R1213, R1220, R1223, R1227).  Boot
 * and kdump failures are the kernel's own (rule_boot_zone) and stay so. */
static void rule_dma32_zone_missing(struct ctx *c);

static void rule_isa_dma_request(struct ctx *c)
{
	const struct oom_event *ev = c->ev;
	const struct event_analysis *a = c->a;
	if (a->memcg || a->sysrq || !a->zone_name)
		return;
	if (!strcmp(a->zone_name, "DMA32")) {
		rule_dma32_zone_missing(c);
		return;
	}
	if (strcmp(a->zone_name, "DMA") != 0)
		return;
	if (ev->arch[0] && !arch_is_x86(ev->arch))
		return;
	if (findings_get(c->out, "kernel-oom-regression") || findings_get(c->out, "driver-allocation-failed"))
		return;
	const struct oom_snapshot *s = &ev->snap;
	int dz = zone_index_in(s, "DMA");
	int64_t dma_size = OOM_NA, dma_free = OOM_NA, other_free = OOM_NA;
	if (dz >= 0) {
		const struct oom_zone *z = &s->zones[dz];
		dma_size = known(z->managed_kib) ? z->managed_kib : z->present_kib;
		dma_free = z->free_kib;
	}
	/* a DMA zone larger than x86's 16 MiB is another arch's (all lowmem
	 * on 32-bit ARM and PPC): not this reading */
	if (known(dma_size) && dma_size > 16 * 1024 + 1024)
		return;
	for (int i = 0; i < s->nr_zones && i < OOM_MAX_ZONES; i++)
		if (i != dz && strcmp(s->zones[i].name, "DMA") != 0 && known(s->zones[i].free_kib))
			other_free = sat_add(known(other_free) ? other_free : 0, s->zones[i].free_kib);
	if (!known(other_free) && known(s->mem.free_kib) && known(dma_free) && s->mem.free_kib > dma_free)
		other_free = s->mem.free_kib - dma_free;
	struct finding *f = findings_add(c->out, "driver-allocation-failed", SEV_CRITICAL, 96,
		"the request was held to ZONE_DMA (%s: __GFP_DMA, the first 16 MiB on x86, for devices that address no more): its caller asked for that corner of memory%s%s",
		a->gfp_hex[0] ? a->gfp_hex : "gfp ?", known(other_free) ? "; the other zones' free memory, " : "",
		known(other_free) ? K(c, 0, other_free) : "");
	if (known(other_free))
		finding_evidence(f, "the other zones held %s free that this request may not use (gfp_zone: __GFP_DMA allows ZONE_DMA only)",
				 K(c, 0, other_free));
	if (known(dma_free))
		finding_evidence(f, "ZONE_DMA: %s free of %s", K(c, 0, dma_free), K(c, 1, dma_size));
	if (known(ev->req.order) && ev->req.order > 0)
		finding_evidence(f, "order %lld: %s contiguous inside those 16 MiB", (long long)ev->req.order,
				 K(c, 0, sat_mul(4, (int64_t)1 << (ev->req.order > 10 ? 10 : ev->req.order))));
	trace_modules_note(c, f);
	finding_basis(f, BASIS_TRIGGER, a->basis_present, CONF_MEDIUM,
		      "x86's ZONE_DMA is 16 MiB whatever the RAM");
	if (f && f->confidence > CONF_MEDIUM)
		f->confidence = CONF_MEDIUM;
	finding_advice(f, "the driver (its stack frames name it) should not ask for GFP_DMA unless its device truly has a 24-bit DMA mask; a newer driver or kernel usually drops it");
	finding_advice(f, "for such a device, allocate its buffers once at load (boot), when ZONE_DMA is still whole, or use the DMA API (dma_alloc_coherent) with the device's mask");
}

/* A GFP_DMA32 request on a machine with no memory below 4 GiB: show_mem
 * prints only the zones the request may use (6.x mm/page_alloc.c
 * warn_alloc_show_mem: __show_mem(filter, nodemask, gfp_zone(gfp_mask));
 * show_free_areas skips zones above that index; 5.x filtered alike), and a
 * report with Mem-Info, its page totals and free memory aplenty but not
 * one zone line says there was none: no DMA or DMA32 zone, all RAM above
 * 4 GiB (R1101: a riscv64 board, a Wi-Fi driver's 32-bit DMA rings).
 * The request cannot succeed whatever is free: its caller's limit (or
 * the platform's DMA layout) is the cause.  Boot and kdump failures stay
 * the kernel's (rule_boot_zone). */
static void rule_dma32_zone_missing(struct ctx *c)
{
	const struct oom_event *ev = c->ev;
	const struct event_analysis *a = c->a;
	const struct oom_snapshot *s = &ev->snap;
	if (!ev->have_meminfo || s->nr_zones > 0 || !known(s->mem.free_kib) || !known(s->mem.ram_kib) ||
	    s->mem.ram_kib <= 0 || s->mem.free_kib * 10 < s->mem.ram_kib)
		return;
	if (ev->kv.known && kver_cmp(&ev->kv, 5, 0, 0) < 0)
		return;   /* older show_mem printed every zone */
	/* the per-node LRU line is skipped too when the node has no zone the
	 * request may use (show_free_areas: node_has_managed_zones(pgdat,
	 * max_zone_idx)); one printed means zones were there and are cut */
	for (int i = 0; i < s->nr_nodes; i++)
		if (known(s->nodes[i].active_anon_kib) || known(s->nodes[i].active_file_kib))
			return;
	if (findings_get(c->out, "kernel-oom-regression") || findings_get(c->out, "driver-allocation-failed"))
		return;
	struct finding *f = findings_add(c->out, "driver-allocation-failed", SEV_CRITICAL, 96,
		"the request was held to memory below 4 GiB (%s: GFP_DMA32) and the report shows no zone there: %s free elsewhere that it may not use",
		a->gfp_hex[0] ? a->gfp_hex : "gfp ?", K(c, 0, s->mem.free_kib));
	finding_evidence(f, "show_mem prints only the zones the failed request may use; Mem-Info and the page totals are here, not one zone line: the machine has no DMA or DMA32 memory (all RAM above 4 GiB)");
	trace_modules_note(c, f);
	finding_basis(f, BASIS_TRIGGER | BASIS_MEMINFO | BASIS_RAM, a->basis_present, CONF_MEDIUM,
		      "no DMA32 zone inferred from show_mem printing none for this request");
	if (f && f->confidence > CONF_MEDIUM)
		f->confidence = CONF_MEDIUM;
	finding_advice(f, "the device needs buffers below 4 GiB the platform does not have: an IOMMU, or a driver/firmware that allows 64-bit DMA (dma_set_mask), or a board memory map with RAM below 4 GiB (ZONE_DMA32)");
}

/* Side messages joined to the event (report/parse.c side_line): what the
 * slab allocator or a driver said it could not get.  Context, not a cause
 * of its own: the failed allocation is the report's. */
/* The page allocator's WARNING for an order >= MAX_ORDER (report/linekind.c
 * line_kind_max_order_warn): the caller asked for a block larger than the
 * largest the buddy allocator keeps (MAX_ORDER − 1: 4 MiB with 4 KiB
 * pages on x86; NR_PAGE_ORDERS in 6.4+), which no amount of free memory
 * satisfies — __alloc_pages returns NULL before it looks at a zone
 * (mm/page_alloc.c: the slowpath's first check to 4.19, __alloc_pages_nodemask
 * 4.20–5.12, __alloc_pages 5.13+).  A size bug or a buffer sized past
 * what the caller's fallback (CMA, vmalloc) covers: the caller's, not
 * a shortage (R742, R2083). */
static void rule_max_order(struct ctx *c)
{
	const struct oom_event *ev = c->ev;
	if (!ev->req.over_max_order)
		return;
	struct finding *f = findings_add(c->out, "driver-allocation-failed", SEV_CRITICAL, 96,
		"the caller asked the page allocator for a block larger than any it has (order >= MAX_ORDER): a bug or an oversized buffer in the caller, not a shortage of memory");
	finding_evidence(f, "\"WARNING: … at mm/page_alloc.c … __alloc_pages…\": the allocator's order check, which fails the request before it looks at any zone");
	finding_evidence(f, "the largest block is order MAX_ORDER − 1 (4 MiB with 4 KiB pages): free memory, however much, cannot serve a larger one");
	trace_modules_note(c, f);
	basis_fixed(f, BASIS_TRIGGER, c->a->basis_present, CONF_HIGH, "read from the allocator's own warning");
	finding_advice(f, "the function in the trace under alloc_pages/kmalloc/dma_alloc asked for the size: report it to that driver's maintainers, or make its buffer smaller");
	finding_advice(f, "a device buffer that must be contiguous and large belongs in a CMA area big enough for it (the cma= boot parameter or the device tree's reserved-memory)");
}

/* A CMA area's failure alone (report/parse.c cma_alone_line): mm/cma.c
 * cma_alloc could not find, or could not free, a contiguous range of the
 * requested pages in the area (4.10+ "cma_alloc: [NAME: ]alloc failed,
 * req-size: N pages, ret: R").  Only drivers allocate from CMA (through
 * dma_alloc_coherent / dma_alloc_contiguous, or dma-buf heaps): a device's
 * buffer, no process's memory, and nothing is killed.  ret says why:
 * -ENOMEM, no free range of that size in the area (used up by other
 * buffers, or pinned pages splitting it); -EBUSY, a range was found but
 * pages in it could not be migrated out (alloc_contig_range); -EINTR, a
 * fatal signal while it tried (R6104-R6108: camera, GPU, NVMe buffers). */
static void rule_cma_alloc(struct ctx *c)
{
	const struct oom_side *sd = &c->ev->side;
	if (!sd->cma_alone || !known(sd->cma_pages))
		return;
	int64_t psz = c->a->page_size_kib;
	const char *why = !known(sd->cma_ret) ? "" : sd->cma_ret == -12 ? " (-ENOMEM: no free range that large in the area)"
		: sd->cma_ret == -16 ? " (-EBUSY: pages of the range could not be moved out)"
		: sd->cma_ret == -4 ? " (-EINTR: the caller got a fatal signal while it waited)" : "";
	struct finding *f = findings_add(c->out, "driver-allocation-failed", SEV_CRITICAL, 90,
		"a driver asked the CMA area%s%s%s for %lld contiguous pages (%s) and did not get them%s: a device's buffer, not a shortage of the system's memory",
		sd->cma_name[0] ? " \"" : "", sd->cma_name, sd->cma_name[0] ? "\"" : "", (long long)sd->cma_pages,
		K(c, 0, oom_pages_to_kib(sd->cma_pages, psz)), why);
	finding_evidence(f, "\"cma_alloc: …alloc failed, req-size: %lld pages, ret: %lld\" (mm/cma.c cma_alloc): only drivers allocate from CMA, for memory a device reads or writes as one range",
			 (long long)sd->cma_pages, known(sd->cma_ret) ? (long long)sd->cma_ret : 0LL);
	if (known(sd->cma_free_pages) && known(sd->cma_total_pages))
		finding_evidence(f, "the area had %lld free of %lld pages (%s of %s)%s", (long long)sd->cma_free_pages,
				 (long long)sd->cma_total_pages, K(c, 1, oom_pages_to_kib(sd->cma_free_pages, psz)),
				 K(c, 2, oom_pages_to_kib(sd->cma_total_pages, psz)),
				 sd->cma_free_pages < sd->cma_pages ? ": less than the request, the area is used up"
				 : ": enough in total, but not in one range (pinned or busy pages split it)");
	if (!known(c->a->page_size_kib))
		finding_evidence(f, "bytes at 4 KiB pages: the text does not show the page size");
	basis_fixed(f, 0, c->a->basis_present, CONF_MEDIUM,
		    "read from the CMA allocator's own line, which is the whole report; which driver asked is on the lines around it");
	finding_advice(f, "see the area's size and use: CmaTotal and CmaFree in /proc/meminfo, /sys/kernel/debug/cma/*/ (count, used, bitmap)");
	finding_advice(f, "enlarge the area for the devices that need it: the cma= boot parameter (cma=256M), or the size of the device tree's linux,cma reserved-memory node");
	finding_advice(f, "if the area is large enough in total, the driver's own buffers (a GPU's cache, a camera's queue) or pinned user pages hold it: free them, or lower the driver's buffer count or resolution");
}

/* A kernel without an MMU maps a process's memory as one physically
 * contiguous block: mm/nommu.c do_mmap_private asks alloc_pages_exact for
 * the whole length, a block of order get_order(len), and on failure prints
 * "Allocation of length N from process P (comm) failed" and the free areas.
 * When their buddy lists hold no block of that order while the free memory
 * is larger than the request, the block was missing, not the memory:
 * fragmentation, which nommu cannot work around (no page tables to map
 * scattered pages; R2256: 480 KiB asked, largest free block 256 KiB, 3.4
 * MiB free). */
static void rule_nommu_block(struct ctx *c)
{
	const struct oom_event *ev = c->ev;
	const struct event_analysis *a = c->a;
	if (!ev->req.nommu_known || ev->req.nommu_bytes <= 0 || !known(a->page_size_kib) || a->page_size_kib <= 0 ||
	    known(ev->req.order) || findings_get(c->out, "fragmentation-high-order"))
		return;
	int64_t pages = (ev->req.nommu_bytes + a->page_size_kib * 1024 - 1) / (a->page_size_kib * 1024);
	int order = 0;
	while (order < 62 && (1LL << order) < pages)
		order++;
	int largest = -1;
	int64_t free = 0;
	bool buddy = false;
	for (int i = 0; i < ev->snap.nr_zones && i < OOM_MAX_ZONES; i++) {
		const struct oom_zone *z = &ev->snap.zones[i];
		if (z->nr_orders <= 0)
			continue;
		buddy = true;
		for (int o = 0; o < z->nr_orders && o < OOM_MAX_ORDERS; o++)
			if (known(z->free_blocks[o]) && z->free_blocks[o] > 0 && o > largest)
				largest = o;
		int64_t f = known(z->free_kib) ? z->free_kib : z->buddy_total_kib;
		if (known(f))
			free = sat_add(free, f);
	}
	if (!buddy || largest >= order || free * 1024 <= ev->req.nommu_bytes)
		return;
	struct finding *f = findings_add(c->out, "fragmentation-high-order", SEV_CRITICAL, 85,
		"a nommu mapping of %s needed one contiguous block of order %d; the largest free block was order %d, with %s free: fragmentation",
		K(c, 0, ev->req.nommu_bytes / 1024), order, largest, K(c, 1, free));
	finding_evidence(f, "\"Allocation of length %lld … failed\": without an MMU, mm/nommu.c do_mmap_private takes the whole mapping as one block (alloc_pages_exact), so free memory in smaller blocks cannot serve it",
			 (long long)ev->req.nommu_bytes);
	finding_basis(f, BASIS_TRIGGER | BASIS_BUDDY, a->basis_present, CONF_MEDIUM, "the block asked for from the mapping's length, the blocks free from the buddy lines");
	c->frag_reclaimable = true;   /* the memory was there: what holds the rest comes after (fragmentation_leads) */
	finding_advice(f, "start the large programs early, while memory is unfragmented, or make them smaller (a flat binary's text and data are one block)");
	finding_advice(f, "on nommu, keep allocations small and long-lived; a larger vm.min_free_kbytes keeps bigger blocks free");
}

/* A slab's failure alone (parse.c slab_alone_line): SLUB or SLAB could not
 * get a new slab, and no page allocation failure report came with it —
 * the page request carried __GFP_NOWARN (SLUB's first, higher-order try;
 * a caller's own), or the slab's memory cgroup refused the kmem charge
 * at its limit (memcg_charge_slab, 4.x–5.x, no page asked for).  The
 * failure itself is what the text proves: named so, at medium
 * confidence; what ran out is not in it. */
static void rule_slab_alone(struct ctx *c)
{
	const struct oom_side *sd = &c->ev->side;
	if (!sd->slab_alone || !sd->slab_failure)
		return;
	struct finding *f = findings_add(c->out, "slab-allocation-failed", SEV_CRITICAL, 60,
		"the slab allocator could not get memory for a new slab%s%s, with no page allocation failure reported",
		sd->slab_cache[0] ? " of cache " : "", sd->slab_cache);
	finding_evidence(f, "\"%s: Unable to allocate memory on node\" (mm/%s.c slab_out_of_memory) with no \"page allocation failure\" before it: the page request was made with __GFP_NOWARN, or a memory cgroup's kmem charge failed at its limit",
			 sd->slab_is_slab ? "SLAB" : "SLUB", sd->slab_is_slab ? "slab" : "slub");
	const char *colon = strchr(sd->slab_cache, ':');
	if (colon && strchr(colon, ')'))
		finding_evidence(f, "the cache %s is a memory cgroup's copy (\"(id:name)\", 4.x–5.8): its charge counts against that cgroup's limit", sd->slab_cache);
	if (known(sd->slab_min_order) && sd->slab_min_order > 0)
		finding_evidence(f, "even its smallest slab needs order-%lld blocks: free memory in small blocks does not help it",
				 (long long)sd->slab_min_order);
	finding_basis(f, BASIS_TRIGGER, c->a->basis_present, CONF_MEDIUM, "read from the slab allocator's own lines; what ran out is not in them");
	if (f)
		f->confidence = CONF_MEDIUM;
	finding_advice(f, "look for a memory cgroup at its limit (memory.events, memory.kmem.failcnt) and for the caller's retries in the log around this line");
	finding_advice(f, "an atomic caller (GFP_ATOMIC, networking) meets this when the reserves run low: raise vm.min_free_kbytes");
}

static void rule_side_messages(struct ctx *c)
{
	const struct oom_side *sd = &c->ev->side;
	if (sd->slab_failure) {
		struct finding *f = findings_add(c->out, "slab-allocation-failed", SEV_INFO, 10,
			"the slab allocator could not get pages for a new slab%s%s",
			sd->slab_cache[0] ? " of cache " : "", sd->slab_cache);
		if (known(sd->slab_object_size) && sd->slab_is_slab && known(sd->slab_default_order))
			finding_evidence(f, "SLAB: cache %s, object size %lld bytes, order %lld (mm/slab.c slab_out_of_memory)",
					 sd->slab_cache[0] ? sd->slab_cache : "?", (long long)sd->slab_object_size,
					 (long long)sd->slab_default_order);
		else if (known(sd->slab_object_size) && known(sd->slab_default_order) && known(sd->slab_min_order))
			finding_evidence(f, "SLUB: cache %s, object size %lld bytes, default order %lld, min order %lld (mm/slub.c slab_out_of_memory)",
					 sd->slab_cache[0] ? sd->slab_cache : "?", (long long)sd->slab_object_size,
					 (long long)sd->slab_default_order, (long long)sd->slab_min_order);
		else if (known(sd->slab_object_size))
			finding_evidence(f, "%s: cache %s, object size %lld bytes",
					 sd->slab_is_slab ? "SLAB" : "SLUB", sd->slab_cache[0] ? sd->slab_cache : "?",
					 (long long)sd->slab_object_size);
		if (known(sd->slab_min_order) && sd->slab_min_order > 0)
			finding_evidence(f, "even its smallest slab needs order-%lld blocks (%lld contiguous pages): free memory in small blocks does not help it",
					 (long long)sd->slab_min_order, 1LL << (sd->slab_min_order & 31));
	}
	if (known(sd->driver_bytes)) {
		struct finding *f = findings_add(c->out, "driver-allocation-failed", SEV_INFO, 10,
			"%s could not allocate %lld bytes", sd->driver[0] ? sd->driver : "a driver",
			(long long)sd->driver_bytes);
		finding_evidence(f, "the driver's own message next to the report: \"unable to allocate %lld bytes\"",
				 (long long)sd->driver_bytes);
	}
}

/* A high-order request that failed while a usable zone had room at order
 * 0 (the check passes there, CMA and reserves counted as the request sees
 * them, with free above twice its high mark): memory was not short, a
 * block was.  What held the memory (slab, shmem, …) is then context, not
 * the cause, and goes below fragmentation (R352: 31 % of lowmem in slab,
 * mostly reclaimable, beside 33 MiB free whose large blocks were CMA). */
static void fragmentation_leads(struct ctx *c)
{
	static const char *const consumers[] = { "shmem-tmpfs", "mlocked-unevictable", "slab-growth",
						 "hugepages-reserved", "kernel-leak-or-bug" };
	struct finding *fr = finding_mut(c->out, "fragmentation-high-order");
	if (!fr)
		return;
	bool room = c->frag_reclaimable;
	for (int i = 0; i < c->ev->snap.nr_zones && i < OOM_MAX_ZONES; i++)
		if (lowmem_room_order0(c, i) && c->a->zone[i].usable)
			room = true;
	/* A costly order that failed without an OOM kill: the OOM killer is
	 * never asked for one (mm/page_alloc.c __alloc_pages_may_oom, 2.6.x-6.x:
	 * "The OOM killer will not help higher order allocs"), so the failure
	 * came after reclaim and compaction made no block.  A usable zone
	 * that would stay above its min mark (and reserve) with the request
	 * taken out had the pages — the first half of zone_watermark_ok,
	 * "free_pages -= (1 << order) - 1" (R6374: order 4 beside 5.9 GiB of
	 * shmem, Normal 1.7 MiB above min with blocks of order 2 at most; not
	 * R2649's order 8 in a 2 MiB DMA32 whose min is 1.5 MiB). */
	const struct oom_event *ev = c->ev;
	if (!room && ev->kind == OOM_KIND_ALLOC_FAILURE && known(ev->req.order) && ev->req.order > 3 &&
	    ev->req.order < 20)
		for (int i = 0; i < ev->snap.nr_zones && i < OOM_MAX_ZONES; i++) {
			const struct zone_verdict *zv = &c->a->zone[i];
			const struct oom_zone *z = &ev->snap.zones[i];
			int64_t req = oom_pages_to_kib(1LL << ev->req.order, c->a->page_size_kib);
			int64_t floor = sat_add(z->min_kib, known(zv->reserve_kib) && zv->reserve_kib > 0 ? zv->reserve_kib : 0);
			if (zv->usable && zv->evaluated && zv->ok_order0 && known(req) && z->free_kib - req > floor)
				room = true;
		}
	if (!room)
		return;
	for (size_t k = 0; k < ARRAY_SIZE(consumers); k++) {
		struct finding *x = finding_mut(c->out, consumers[k]);
		if (x && x->weight >= fr->weight)
			x->weight = fr->weight - 1;
	}
}

/* gfp_mask=0x0 at order 0 is pagefault_out_of_memory()'s OOM (mm/oom_kill.c,
 * 2.6.31-5.15: an oom_control with no gfp mask, order 0): a page fault
 * returned VM_FAULT_OOM and nothing had killed for it.  The fault's own
 * page allocation would have entered the OOM killer with its real mask
 * (GFP_HIGHUSER_MOVABLE) first, and memcg charges are settled before this
 * call (mem_cgroup_oom_synchronize, 3.12+); so the VM_FAULT_OOM came from
 * a fault handler — a driver's vm_ops->fault (i915 purging, R601), a
 * filesystem, a bad swap entry (R226) — not from the page allocator.
 * When the numbers show room (a zone the fault could use above its
 * marks, or most of swap free, R600) it is a kernel bug, not a shortage.
 * 5.16+ no longer kill for it (commit 60e2793d440a: the fault is retried
 * after "Huh VM_FAULT_OOM leaked out to the #PF handler"). */
static void rule_pagefault_leak(struct ctx *c)
{
	const struct oom_event *ev = c->ev;
	const struct event_analysis *a = c->a;
	const struct mem_breakdown *m = &a->mem;
	/* a cpuset or mempolicy inferred from the zones (one node short,
	 * another with room) says nothing here: pagefault_out_of_memory's
	 * OOM has no nodemask, only the printed constraint counts (R1680: a
	 * four-node KVM host) */
	if (a->memcg || a->sysrq || ((a->cpuset || a->mempolicy) && !a->constraint_inferred) ||
	    m->scope == MEM_SCOPE_MEMCG ||
	    ev->kind != OOM_KIND_GLOBAL || !ev->req.gfp_known || ev->req.gfp_mask != 0 ||
	    !known(ev->req.order) || ev->req.order != 0 || !ev->kv.known || kver_cmp(&ev->kv, 5, 16, 0) >= 0)
		return;
	int room = -1;
	/* a usable zone with room, or one that passes even its high mark for
	 * an order-0 page (its own class zone, so no reserve to guess): the
	 * page the fault needed was there to take (R1680: four nodes' Normal
	 * zones at 95 MiB free over 50 MiB high marks) */
	for (int i = 0; i < ev->snap.nr_zones && i < OOM_MAX_ZONES && room < 0; i++) {
		const struct oom_zone *z = &ev->snap.zones[i];
		if (!a->zone[i].usable)
			continue;
		if (analysis_zone_had_room(z, a->zone[i].reserve_kib) ||
		    (known(z->high_kib) && known(a->page_size_kib) && zone_index_in(&ev->snap, z->name) == a->classzone &&
		     zone_watermark_ok(z, 0, z->high_kib, a->classzone, a->alloc_flags, a->page_size_kib, &ev->kv)))
			room = i;
	}
	/* most of swap free, and more of it than a tenth of RAM: reclaim had
	 * anonymous pages to write out, so a page allocation would have gone
	 * on reclaiming (order 0 retries, mm/page_alloc.c) */
	bool swap_room = known(m->swap_total_kib) && known(m->swap_free_kib) && m->swap_total_kib > 0 &&
			 m->swap_free_kib * 2 >= m->swap_total_kib &&
			 (!known(m->total_kib) || m->swap_free_kib * 10 >= m->total_kib);
	/* No figure at all (the header and its trace quoted alone, R1048,
	 * R1443): the mask still says the page allocator did not fail — it
	 * would have invoked the OOM killer with its own mask first — so a
	 * fault handler or a charge did; low confidence, the rest unseen */
	bool blind = room < 0 && !swap_room && !(a->basis_present & (BASIS_MEMINFO | BASIS_ZONES | BASIS_BUDDY)) &&
		     !known(m->swap_total_kib) && !known(m->swap_free_kib);
	if (room < 0 && !swap_room && !blind)
		return;
	struct finding *f = findings_add(c->out, "kernel-leak-or-bug", SEV_CRITICAL, 85,
		blind ? "a page fault returned VM_FAULT_OOM: a fault handler (a driver, a filesystem) or a charge failed, not the page allocator"
		      : "a page fault returned VM_FAULT_OOM while memory had room: a fault handler (a driver, a filesystem) failed, not the page allocator");
	finding_evidence(f, "gfp_mask=0x0, order=0: the OOM of pagefault_out_of_memory (mm/oom_kill.c, 2.6.31-5.15), called when a fault returns VM_FAULT_OOM; the fault's own page allocation would have invoked the OOM killer with its real gfp mask");
	if (blind) {
		finding_evidence(f, "the report prints no memory figures: whether RAM was short as well is not shown");
		if (kver_cmp(&ev->kv, 3, 12, 0) < 0)
			finding_evidence(f, "before 3.12 a memory cgroup's failed charge in the fault path returned VM_FAULT_OOM too and reached this global OOM (mm/memcontrol.c; 3.12 handles it in mem_cgroup_oom_synchronize)");
		else
			finding_evidence(f, "a memory cgroup's kernel-memory (v1 kmem) charge that fails returns the same VM_FAULT_OOM: the cgroup's kmem limit, not the machine's RAM");
	}
	if (room >= 0) {
		const struct oom_zone *z = &ev->snap.zones[room];
		finding_evidence(f, "%s had %s free, above its watermarks (min %s + lowmem_reserve %s): an order-0 page was there to take",
				 z->name, K(c, 0, z->free_kib), K(c, 1, z->min_kib), K(c, 2, a->zone[room].reserve_kib));
	}
	if (swap_room)
		finding_evidence(f, "swap: %s free of %s: reclaim could still write anonymous pages out, so the allocator had not run out",
				 K(c, 0, m->swap_free_kib), K(c, 1, m->swap_total_kib));
	trace_modules_note(c, f);
	finding_basis(f, BASIS_TRIGGER | BASIS_ZONES, a->basis_present, room >= 0 ? CONF_MEDIUM : CONF_LOW,
		      room >= 0 ? "a fault handler's VM_FAULT_OOM inferred from gfp 0 and a zone with room"
		      : blind ? "a fault handler's VM_FAULT_OOM inferred from gfp 0 alone"
			      : "a fault handler's VM_FAULT_OOM inferred from gfp 0 and free swap");
	finding_advice(f, "look in the trace above pagefault_out_of_memory for the fault handler (a driver's mmap fault, a filesystem's page_mkwrite) and check its kernel for fixes");
	finding_advice(f, "5.16+ retry such a fault instead of killing (\"Huh VM_FAULT_OOM leaked out to the #PF handler\")");
}

/* vmalloc's own failure line with a size no memory could serve: 4.12+
 * __vmalloc_node_range (mm/vmalloc.c) jumps to its warn_alloc "vmalloc:
 * allocation failure: %lu bytes" at once when size is 0 or more pages than
 * RAM ("if (!size || (size >> PAGE_SHIFT) > totalram_pages()) goto fail"),
 * before any page is asked for: the caller passed a bad size, whatever the
 * free memory (R481: siw's vzalloc(0) with 5 GiB free, 5.10). */
/* "vmalloc error: size N, page order M, failed to allocate pages" with M
 * > 0 (5.13-6.3): a huge-page vmalloc whose blocks of order M were not
 * there; __vmalloc_node_range then retries with order-0 pages ("goto
 * again" with shift = PAGE_SHIFT), so the caller most often got its
 * memory and the warning is noise — 6.4 stops printing it for M > 0
 * (mm/vmalloc.c __vmalloc_area_node, "Since we always retry allocations
 * at order-0 in the huge page case a warning for either is spurious").
 * Said on the fragmentation reading, which names the missing block. */
/* ... and that warning itself is a kernel regression of 6.3: before
 * 80b1d8fdfad1 ("mm: vmalloc: correct use of __GFP_NOWARN mask in
 * __vmalloc_area_node()", 6.3-rc1) __vmalloc_area_node set __GFP_NOWARN in
 * the mask it gave warn_alloc, so nothing was printed; after it every
 * failed huge-page attempt of kvmalloc/vmalloc_huge warned although it
 * falls back to order-0 pages, until "mm/vmalloc: do not output a spurious
 * warning when huge vmalloc() fails" (6.4, Cc stable: 6.3.x) printed it
 * for order 0 only.  The form "size N, page order M (> 0), failed to
 * allocate pages" is thus that window's spurious warning, whatever the
 * zones: the expert reading of R1533, R1534, R2127 and R3842 (bees and
 * btrfs on 6.3.x, a tracked regression). */
static bool dev_release(const char *r);

static void rule_vmalloc_huge_spurious(struct ctx *c)
{
	const struct oom_event *ev = c->ev;
	if (ev->kind != OOM_KIND_ALLOC_FAILURE || !ev->req.vmalloc_huge)
		return;
	if (findings_get(c->out, "kernel-oom-regression") || findings_get(c->out, "driver-allocation-failed"))
		return;
	struct finding *f = findings_add(c->out, "kernel-oom-regression", SEV_CRITICAL, 88,
		"a huge-page vmalloc's order-%lld attempt failed and warned: a spurious warning of 6.3 kernels, since vmalloc then falls back to order-0 pages and the allocation most likely succeeded",
		(long long)ev->req.order);
	finding_evidence(f, "\"vmalloc error: size N, page order %lld, failed to allocate pages\": __vmalloc_area_node's warning for a huge-page attempt, printed only from 6.3-rc1 (80b1d8fdfad1, \"mm: vmalloc: correct use of __GFP_NOWARN mask\") until 6.4 and 6.3.x stable",
			 (long long)ev->req.order);
	/* before 6.2's merge window, or a 6.4 release on (not its -rc, which
	 * still warned: R3842's 6.4-rc4) */
	if (ev->kv.known && (kver_cmp(&ev->kv, 6, 2, 0) < 0 || (kver_cmp(&ev->kv, 6, 4, 0) >= 0 && !dev_release(ev->kernel))))
		finding_evidence(f, "the release says %s: a vendor backport of that window's code", ev->kernel);
	finding_evidence(f, "the block of order %lld was not there (fragmentation), which vmalloc tolerates: it maps order-0 pages instead",
			 (long long)ev->req.order);
	trace_modules_note(c, f);
	basis_fixed(f, BASIS_TRIGGER, c->a->basis_present, CONF_HIGH, "read from the warning's own form");
	finding_advice(f, "update to 6.4 or a 6.3.x stable release with \"mm/vmalloc: do not output a spurious warning when huge vmalloc() fails\": the warning goes; or boot with nohugevmalloc");
	finding_advice(f, "if the caller did fail (an -ENOMEM in its own log right after), read the fragmentation finding below");
}

static void vmalloc_huge_note(struct ctx *c)
{
	struct finding *f = finding_mut(c->out, "fragmentation-high-order");
	if (!c->ev->req.vmalloc_huge || !f)
		return;
	finding_evidence(f, "a huge-page vmalloc (order %lld): vmalloc falls back to order-0 pages after this failure, so the allocation itself most likely succeeded; 6.4 and later no longer print this warning",
			 (long long)c->ev->req.order);
	finding_advice(f, "if nothing else failed, the warning is harmless: a 6.4+ kernel drops it; to avoid it on this one, boot with nohugevmalloc (mm/vmalloc.c: no huge-page vmalloc at all)");
}

static void rule_vmalloc_size(struct ctx *c)
{
	const struct oom_event *ev = c->ev;
	if (ev->kind != OOM_KIND_ALLOC_FAILURE || !ev->req.vmalloc_known)
		return;
	int64_t ram = c->a->mem.scope == MEM_SCOPE_SYSTEM ? c->a->mem.total_kib : OOM_NA;
	bool zero = ev->req.vmalloc_bytes == 0;
	/* a 32-bit kernel's whole address space is 1 GiB under the usual
	 * 3G/1G split (x86 PAGE_OFFSET 0xC0000000, ARM's VMSPLIT_3G), its
	 * vmalloc area a few hundred MiB of it: a vmalloc of 1 GiB or more
	 * cannot fit whatever the RAM (R778: 2.06 GiB on a Pi's armv6) */
	bool space = arch_is_32bit(ev->arch) && ev->req.vmalloc_bytes >= (1LL << 30);
	bool over = ev->req.vmalloc_over_ram || (known(ram) && ev->req.vmalloc_bytes / 1024 > ram);
	if (!zero && !space && !over)
		return;
	/* The caller's own request was impossible: the driver's (or
	 * subsystem's) allocation failed of itself — no leak, no shortage */
	struct finding *f = findings_add(c->out, "driver-allocation-failed", SEV_CRITICAL, 96,
		zero ? "the caller asked vmalloc for 0 bytes: a bug in the caller, not a shortage of memory"
		: space ? "the caller asked vmalloc for more than a 32-bit kernel's address space: a bug in the caller, not a shortage of memory"
			: "the caller asked vmalloc for more than all of RAM: a bug in the caller, not a shortage of memory");
	finding_evidence(f, "vmalloc fails a size of 0 or above RAM before it asks for any page, and prints this warning (mm/vmalloc.c __vmalloc_node_range, 4.12+; older kernels fail it on the size alone too)");
	if (zero)
		finding_evidence(f, "\"vmalloc: allocation failure: 0 bytes\": the free memory in the report plays no part");
	else if (space)
		finding_evidence(f, "\"vmalloc: allocation failure: %lld bytes\" on a 32-bit kernel (%s), whose kernel address space is 1 GiB",
				 (long long)ev->req.vmalloc_bytes, ev->arch);
	else if (ev->req.vmalloc_bytes == INT64_MAX)
		finding_evidence(f, "a vmalloc size past 2^61 bytes: a negative length the caller computed, cast to unsigned (an overflow in the caller)");
	else if (ev->req.vmalloc_over_ram)
		finding_evidence(f, "\"vmalloc error: size %lld, exceeds total pages\": the kernel's own check found it above all of RAM",
				 (long long)ev->req.vmalloc_bytes);
	else
		finding_evidence(f, "\"vmalloc: allocation failure: %lld bytes\" against %s of RAM", (long long)ev->req.vmalloc_bytes,
				 K(c, 0, ram));
	trace_modules_note(c, f);
	finding_basis(f, BASIS_TRIGGER, c->a->basis_present, CONF_HIGH, "read from vmalloc's own failure line");
	finding_advice(f, "the function in the trace under vmalloc/vzalloc/kvmalloc passed the bad size: report it to that driver's or subsystem's maintainers, or update the kernel");
}

/* "vmalloc error: size N, failed to allocate pages" with __GFP_NORETRY in
 * its mode and no page order above 0: the caller asked vmalloc to give up
 * rather than reclaim (5.13+ mm/vmalloc.c __vmalloc_area_node, which prints
 * it for order-0 pages only; N is what it had got, so "size 0" is its first
 * page).  __GFP_NORETRY fails after one light reclaim pass, with memory
 * still reclaimable and without the OOM killer (mm/page_alloc.c
 * __alloc_pages_slowpath: "if (gfp_mask & __GFP_NORETRY) goto nopage"), so
 * the failure is the caller's choice of a fail-fast allocation: its fallback
 * (or its absence) decides what follows, not the amount free.  The
 * experts read it so: sd_zbc's report buffer, __vmalloc(GFP_KERNEL |
 * __GFP_ZERO | __GFP_NORETRY), replaced by kvzalloc (R1547, R3849, R3850).
 * A huge-page vmalloc's order-9 failure is another reading (vmalloc_huge_note). */
static void rule_vmalloc_noretry(struct ctx *c)
{
	const struct oom_event *ev = c->ev;
	if (ev->kind != OOM_KIND_ALLOC_FAILURE || !ev->req.vmalloc_pages_failed || ev->req.vmalloc_huge ||
	    !ev->req.gfp_known || !gfp_has(ev->req.gfp_mask, GFPB_NORETRY, &ev->kv))
		return;
	if (findings_get(c->out, "driver-allocation-failed") || findings_get(c->out, "kernel-oom-regression"))
		return;
	struct finding *f = findings_add(c->out, "driver-allocation-failed", SEV_CRITICAL, 90,
		"the caller asked vmalloc to fail rather than reclaim (%s: __GFP_NORETRY), and a page of its area was not there at once: the caller's fail-fast allocation, not the OOM killer's shortage",
		c->a->gfp_hex[0] ? c->a->gfp_hex : "gfp ?");
	finding_evidence(f, "\"vmalloc error: size %lld, failed to allocate pages\": the size is what vmalloc had got before it failed (mm/vmalloc.c __vmalloc_area_node, 5.13+)%s",
			 (long long)ev->req.vmalloc_got_bytes, ev->req.vmalloc_got_bytes == 0 ? ": its first page" : "");
	finding_evidence(f, "__GFP_NORETRY: the page allocator gives up after one light reclaim pass and never calls the OOM killer, so such a failure can come with memory still reclaimable");
	trace_modules_note(c, f);
	finding_basis(f, BASIS_TRIGGER, c->a->basis_present, CONF_MEDIUM, "read from vmalloc's own failure line and its gfp flags");
	if (f && f->confidence > CONF_MEDIUM)
		f->confidence = CONF_MEDIUM;
	finding_advice(f, "if the caller falls back (a smaller buffer, a retry), the warning is noise: the caller should pass __GFP_NOWARN; if it does not, it should allocate with kvmalloc()/kvzalloc() or without __GFP_NORETRY (the function in the trace under __vmalloc names it)");
	finding_advice(f, "look for a newer kernel or driver: such callers were moved to kvmalloc (scsi sd_zbc's report buffer: \"use kvzalloc to allocate report zones buffer\")");
}

/* Slab that fills most of a 32-bit kernel's lowmem is what ran lowmem out:
 * slab pages come from lowmem only (kmalloc and kmem_cache pages are
 * allocated without __GFP_HIGHMEM, so gfp_zone() caps them at ZONE_NORMAL:
 * include/linux/gfp.h, mm/slab.c/mm/slub.c, 2.6–6.x; 32-bit HighMem pages
 * have no permanent kernel mapping, mm/highmem.c).  Lowmem pressure is
 * then where the request failed, slab growth why (R466: 640 MiB of slab
 * in 889 MiB of lowmem, 2.6.19 i686). */
#define SLAB_FILLS_LOWMEM_PCT 50

/* The report's slab: both halves when printed, else the one slab count. */
static int64_t report_slab_kib(const struct ctx *c)
{
	const struct mem_breakdown *m = &c->a->mem;
	if (known(m->slab_reclaimable_kib) && known(m->slab_unreclaimable_kib))
		return m->slab_reclaimable_kib + m->slab_unreclaimable_kib;
	return c->ev->snap.mem.slab_kib;
}

static void slab_fills_lowmem(struct ctx *c)
{
	const struct mem_breakdown *m = &c->a->mem;
	struct finding *sl = finding_mut(c->out, "slab-growth");
	struct finding *lp = finding_mut(c->out, "lowmem-pressure");
	if (!sl || !lp || findings_get(c->out, "fragmentation-high-order") || m->scope != MEM_SCOPE_SYSTEM || !known(m->lowmem_total_kib) || m->lowmem_total_kib <= 0)
		return;
	int64_t slab = report_slab_kib(c);
	if (pct(slab, m->lowmem_total_kib) < SLAB_FILLS_LOWMEM_PCT || sl->weight > lp->weight)
		return;
	sl->weight = lp->weight + 1 > 97 ? 97 : lp->weight + 1;
	if (sl->weight <= lp->weight)
		lp->weight = sl->weight - 1;
	finding_evidence(sl, "slab comes from lowmem only (kernel pages are allocated without __GFP_HIGHMEM): at %d %% of lowmem it is what ran lowmem out",
			 pct(slab, m->lowmem_total_kib));
}

/* The same beside free HighMem: lowmem-exhausted-highmem-free names the
 * 32-bit split, which is where the request failed; with slab holding nine
 * tenths of lowmem or more, the split is not what to change (a 64-bit
 * kernel would only give the growth more room) and slab growth leads
 * (R2008, R2010: 846 MiB of slab in 896 MiB of lowmem, dentries of a
 * 2.6.14 stress test; R1905 at 90 %). */
#define SLAB_NEARLY_ALL_LOWMEM_PCT 90

static void slab_fills_lowmem_beside_highmem(struct ctx *c)
{
	const struct mem_breakdown *m = &c->a->mem;
	struct finding *sl = finding_mut(c->out, "slab-growth");
	struct finding *lh = finding_mut(c->out, "lowmem-exhausted-highmem-free");
	if (!sl || !lh || findings_get(c->out, "fragmentation-high-order") || m->scope != MEM_SCOPE_SYSTEM ||
	    !known(m->lowmem_total_kib) || m->lowmem_total_kib <= 0 || sl->weight > lh->weight)
		return;
	int64_t slab = report_slab_kib(c);
	/* more slab than lowmem: the zones that make up lowmem are not all
	 * in the report (R1904's cut head), the share means nothing */
	if (!known(slab) || pct(slab, m->lowmem_total_kib) < SLAB_NEARLY_ALL_LOWMEM_PCT || slab > m->lowmem_total_kib)
		return;
	sl->weight = lh->weight;
	lh->weight = sl->weight - 1;
	finding_evidence(sl, "slab holds %d %% of lowmem: the 32-bit split only set where it ran out; more lowmem (a 64-bit kernel) would have gone the same way",
			 pct(slab, m->lowmem_total_kib));
}

/* An atomic order-0 failure (no direct reclaim: GFP_ATOMIC, GFP_NOWAIT,
 * an interrupt's packet refill) on a 32-bit kernel whose lowmem was below
 * its marks: the request may not sleep, so it failed because the free
 * pages it may take (min halved for __GFP_HIGH, a quarter less for
 * ALLOC_HARDER: mm/page_alloc.c zone_watermark_ok, 2.6-6.x) were gone
 * faster than kswapd refilled them — the atomic reserve's story.  Lowmem
 * pressure names a split that did not decide it when the machine has no
 * HighMem pages at all (a 32-bit box with RAM under the lowmem size): all
 * its memory was lowmem.  With HighMem pages, the lowmem split is part of
 * the story and lowmem keeps its place (R597: 128 MiB i386, r8169 refill
 * in hard IRQ, no HighMem; R370: 1.25 GiB HighMem, lowmem leads). */
/* Lowmem whose free memory was mostly CMA, the rest under min (32-bit
 * ARM's DMA zone with a 512 MiB CMA area: 502 of 507 MiB free was CMA,
 * R1110, R1575): the CMA area is what held lowmem from the kernel's
 * requests, and what to change (cma=), so cma-unusable leads the
 * lowmem-pressure reading it explains. */
static void cma_leads_lowmem(struct ctx *c)
{
	/* not lowmem-exhausted-highmem-free: with HighMem's free printed
	 * beside it, the split is read first (R1524) */
	static const char *const lowmem[] = { "lowmem-pressure" };
	struct finding *cm = finding_mut(c->out, "cma-unusable");
	if (!cm || (c->a->alloc_flags & ZWM_CMA))
		return;
	bool mostly = false;
	for (int i = 0; i < c->ev->snap.nr_zones && i < OOM_MAX_ZONES; i++) {
		const struct oom_zone *z = &c->ev->snap.zones[i];
		if (!strcmp(z->name, "HighMem") || !strcmp(z->name, "Movable") || !known(z->free_kib) ||
		    !known(z->min_kib) || !known(z->free_cma_kib) || z->free_cma_kib <= 0)
			continue;
		if (sat_mul(z->free_cma_kib, 2) >= z->free_kib && diff_sat(z->free_kib, z->free_cma_kib) < z->min_kib)
			mostly = true;
	}
	if (!mostly)
		return;
	for (size_t k = 0; k < ARRAY_SIZE(lowmem); k++) {
		struct finding *lp = finding_mut(c->out, lowmem[k]);
		if (!lp || cm->weight > lp->weight)
			continue;
		cm->weight = lp->weight + 1 > 99 ? 99 : lp->weight + 1;
		if (lp->weight >= cm->weight)
			lp->weight = cm->weight - 1;
	}
}

static void atomic_leads_lowmem(struct ctx *c)
{
	struct finding *at = finding_mut(c->out, "atomic-reserves-exhausted");
	struct finding *lp = finding_mut(c->out, "lowmem-pressure");
	if (!at || !c->a->atomic || !known(c->ev->req.order) || c->ev->req.order != 0)
		return;
	/* An atomic order-0 request beside free HighMem: lowmem ran dry
	 * between kswapd's passes, and the interrupt could not wait for
	 * it; that it could not use HighMem is what every kernel request
	 * shares, the reserve running out is this one's (R1615: e1000 rx in
	 * interrupt, Normal below the atomic floor, 1.1 GiB HighMem free) */
	struct finding *lx = finding_mut(c->out, "lowmem-exhausted-highmem-free");
	if (lx && at->weight <= lx->weight) {
		at->weight = lx->weight + 1 > 99 ? 99 : lx->weight + 1;
		if (lx->weight >= at->weight)
			lx->weight = at->weight - 1;
	}
	if (!lp)
		return;
	int64_t hm_total = c->ev->snap.mem.highmem_total_kib;
	int64_t hm_present = 0;
	for (int i = 0; i < c->ev->snap.nr_zones; i++) {
		const struct oom_zone *z = &c->ev->snap.zones[i];
		if (!strcmp(z->name, "HighMem"))
			hm_present = sat_add(hm_present, known(z->present_kib) ? z->present_kib
						 : known(z->managed_kib) ? z->managed_kib : 0);
	}
	/* HighMem with pages, even spent (R370: 1.25 GiB HighMem, anon
	 * filling lowmem), keeps the split in the story */
	bool no_highmem = (!known(hm_total) || hm_total == 0) && hm_present == 0;
	if (!no_highmem)
		return;
	if (lp->weight < at->weight)
		return;
	at->weight = lp->weight + 1 > 97 ? 97 : lp->weight + 1;
	if (lp->weight >= at->weight)
		lp->weight = at->weight - 1;
	finding_evidence(at, "no HighMem pages on this machine: all its memory was lowmem, so the lowmem split did not decide it; a request that may not sleep fails once the reserve it may dip into is gone");
}

/* ---- a header alone with a cgroup charge's mask ----------------------
 *
 * A report that is its OOM header alone reads as system-wide (nothing
 * says otherwise), but a memory cgroup's OOM prints the same header with
 * the charge's gfp, and a faulted page is charged with exactly GFP_KERNEL
 * (event_analysis.c header_charge_mask).  A global OOM of processes
 * filling RAM prints the fault's GFP_HIGHUSER_MOVABLE instead; a global
 * one for a GFP_KERNEL order-0 request is the kernel's own allocation
 * (slab, page tables, a driver) and shows the page allocator in its
 * trace, which the analysis leaves out.  Of the corpus's reports of this
 * shape (header alone, GFP_KERNEL order 0, 2.6.25+, no sysrq and no
 * global path in the trace), the hand readings give a memory cgroup's
 * limit for 6 of 7 (R1266 R1560 R3400 R3722 R4282 R4283, session 21;
 * the seventh, R2804, is kswapd's OOM from MGLRU aging, its trace behind
 * a logcat prefix the parser does not strip); the evidence-class rung
 * named RAM exhaustion for each.  Low confidence: the lines that tell are
 * not in the report. */
static bool rule_header_charge(struct ctx *c)
{
	const struct oom_event *ev = c->ev;
	const struct event_analysis *a = c->a;
	if (!a->charge_mask_alone)
		return false;
	const char *who = ev->req.trigger_comm[0] ? ev->req.trigger_comm : "the task";
	struct finding *f = findings_add(c->out, "memcg-limit", SEV_CRITICAL, 40,
		"probably a memory cgroup's limit: the report is the OOM header alone, and %s's GFP_KERNEL order-0 request is what a cgroup's charge of a page prints",
		who);
	finding_evidence(f, "gfp_mask %s, order 0: a memory cgroup charges a faulted page with exactly GFP_KERNEL (mm/memory.c do_anonymous_page), and its OOM header prints the charge's mask",
			 ev->req.gfp_text[0] ? ev->req.gfp_text : a->gfp_hex);
	finding_evidence(f, "a system-wide OOM of processes filling RAM prints the fault's own mask, GFP_HIGHUSER_MOVABLE; one for the kernel's GFP_KERNEL allocation shows the page allocator in its trace");
	if (ev->cpuset[0] && strcmp(ev->cpuset, "/") != 0)
		finding_evidence(f, "the trigger ran in cpuset %s, not the root one: a container or service group, which is where memory limits are set",
				 ev->cpuset);
	int64_t adj = ev->req.trigger_oom_score_adj;
	if (known(adj) && (adj == -997 || adj == 1000))
		finding_evidence(f, "oom_score_adj %lld is the kubelet's for a pod's containers (%s): a container, which runs under its pod's memory limit",
				 (long long)adj, adj == -997 ? "-997: Guaranteed, whose limit equals its request" : "1000: BestEffort");
	finding_evidence(f, "no line after the header: a system-wide OOM would go on with Mem-Info and \"Out of memory: Killed process\", a cgroup's with \"memory: usage … limit …\" and \"Memory cgroup out of memory\"%s",
			 kver_ge(&ev->kv, 5, 0) ? " (and 5.0+ with oom-kill:constraint=CONSTRAINT_MEMCG)" : "");
	finding_evidence(f, "of the corpus's reports that are a header alone with this mask and no page allocator in the trace, 6 of 7 were a memory cgroup's OOM");
	basis_fixed(f, BASIS_TRIGGER | BASIS_MEMCG | BASIS_MEMINFO | BASIS_CONSTRAINT | BASIS_KILL, a->basis_present, CONF_LOW,
		    "a memory cgroup inferred from the header's charge mask: no line says whether the OOM was a cgroup's or the machine's");
	finding_advice(f, "read the lines after this header in the full log ('journalctl -k' or /var/log/kern.log around %s): \"memory: usage … limit …\" names the cgroup and its limit",
		       ev->time[0] ? ev->time : "this OOM");
	finding_advice(f, "check the limit of the cgroup %s ran in (memory.max, or memory.limit_in_bytes on cgroup v1; systemd: MemoryMax=; Kubernetes: the container's resources.limits.memory) and its memory.events oom_kill count",
		       who);
	return true;
}

/* ---- the evidence ladder's last rung ---------------------------------
 *
 * The rules above read a report as a kernel expert does: decisive lines
 * first (sysrq, panic_on_oom, "no killable processes", memcg/cpuset/
 * mempolicy constraint, oom_kill_allocating_task, SLUB and driver failure
 * lines), then the request (order, gfp: atomic, NORETRY, DMA, lowmem on
 * 32-bit, CMA), then the memory figures (zones, buddy, Mem-Info, totals,
 * swap, task rows), each saying how sure it is.  When none of them
 * decided, the report still belongs to an EVIDENCE CLASS — which kinds of
 * lines it holds — and each class has a most likely cause.  The table
 * below counts the causes the corpus's hand readings give (cause_class,
 * else numbers_cause) per class, over all reports of the class, not only
 * those that reached this rung (tests/corpus, 663 reports, session 9;
 * in brackets the leave-out derivation from R001-R549 alone):
 *
 *   system-wide OOM, no RAM figure (no Mem-Info summary, no zone line):
 *     header only, order 0-1   no-swap 2, swap-full 1 | regression 4,
 *                              leak 3, allocating-task 2, panic 1, slab 1,
 *                              lowmem 1            [no-swap 1 | regr 2, leak 2, …]
 *     kill line(s) only        no-swap 3 | memcg 2, no-killable 1, sysrq 1,
 *                              regression 1, allocating-task 1, slab 1
 *                                                  [no-swap 2 | …]
 *     task rows only           no-swap 3, swap-full 2 | slab 1, no-killable 1
 *                                                  [no-swap 2, swap-full 2 | slab 1]
 *     swap/RAM totals tail     swap-full 5, no-swap 1 | regression 2,
 *                              fragmentation 1, no-killable 1
 *                                                  [swap-full 3 | regr 2, frag 1]
 *   together: RAM exhaustion (no-swap 10 + swap-full 8) of 48 scored, every
 *   other cause 7 or fewer (regression) [10 of 32, others 5 or fewer].
 *   Where swap is not in the text (header, kill lines): no-swap 5,
 *   swap-full 1 [3, 0].  Leave-out: this table from R001-R549 names the
 *   same causes; on R550-R774 it takes causes from 64.9 % to 68.4 %
 *   (78/114; R621 R636 R709 R736).
 *   page-allocation failure, header only, order 0, may sleep: regression 4,
 *   allocation-stall 1, lowmem 1 of 59 — no cause a kernel expert would
 *   name from the request alone: stays unknown (order >= 1 and atomic
 *   requests are decided by rule_fragmentation_blind / rule_atomic_blind).
 *   Kill line alone without "Out of memory" or a constraint line: a memory
 *   cgroup's kill looks the same before 5.0, yet the 22 of the corpus are
 *   all system-wide: rule_exhaustion_kill_only reads them so, at low
 *   confidence, and says the line does not tell.
 *
 * The kernel agrees with the exhaustion reading: it invokes the OOM killer
 * for an order <= PAGE_ALLOC_COSTLY_ORDER request only after reclaim made
 * no progress (mm/page_alloc.c should_reclaim_retry, 4.7+;
 * all_unreclaimable before), and anonymous pages count as reclaimable only
 * while swap has room (mm/vmscan.c can_reclaim_anon_pages, 5.8+;
 * nr_swap_pages before): a system-wide order-0/1 OOM means RAM held nothing
 * reclaim could free and swap was absent or full.  Which of the two is
 * read from what the text holds (Total swap, the rows' swapents), else
 * named none (no-swap 5 against swap-full 1 where swap is unseen).  Confidence is
 * low: what held the memory (a process, slab, shmem, a leak) and whether a
 * zone still had room are not in the text, and the finding says so.  A
 * printed swap with room left contradicts it (reclaim could still swap):
 * then, as with RAM figures present, the rules above had their say and
 * unknown stands. */
static bool rule_evidence_class(struct ctx *c)
{
	const struct oom_event *ev = c->ev;
	const struct event_analysis *a = c->a;
	const struct mem_breakdown *m = &a->mem;
	unsigned have = a->basis_present;
	if (a->memcg || a->sysrq || a->cpuset || a->mempolicy || a->constraint_inferred || ev->kind != OOM_KIND_GLOBAL)
		return false;
	if (ev->constraint[0] && strcmp(ev->constraint, "CONSTRAINT_NONE") != 0)
		return false;
	/* RAM figures present: the rules read them and found no shortage */
	if (known(m->free_kib) || a->nr_evaluated > 0 || (have & (BASIS_MEMINFO | BASIS_ZONES)))
		return false;
	/* the request: order 2+ and atomic requests have their own rungs */
	if (known(ev->req.order) && (ev->req.order > 1 || ev->req.order < 0))
		return false;
	if (ev->req.gfp_known && a->atomic)
		return false;
	/* the victim's selection score (2.6.36-5.0: ‰ of RAM + swap, plus
	 * oom_score_adj) leaves under 1 % for its memory: the worst process
	 * held next to nothing, so the memory was not in processes and RAM
	 * exhaustion by them is contradicted (the unknown finding says so).
	 * Only with adj <= 0: the kernel picks the largest points + adj, so
	 * a victim raised by a positive adj (a browser's renderer at 300,
	 * 588) says nothing of the others, which may hold up to score ‰
	 * each (mm/oom_kill.c select_bad_process) */
	if (ev->have_victim && known(ev->victim.score)) {
		const struct oom_task *vt = task_at(ev, a->victim_idx);
		int64_t adj = known(ev->victim.oom_score_adj) ? ev->victim.oom_score_adj : vt ? vt->oom_score_adj : 0;
		if (!known(adj))
			adj = 0;
		if (adj <= 0 && ev->victim.score - adj < 10)
			return false;
	}
	/* system-wide told by the text: the trigger line (a memcg OOM's
	 * header shows its charge frames, which the parser reads as memcg),
	 * the selection line's "Out of memory", "CONSTRAINT_NONE"; or the
	 * task rows / the swap totals printed by show_mem, which a memcg OOM
	 * of 3.10+ does not print without its "memory: usage" lines */
	bool trig = have & BASIS_TRIGGER, rows = have & BASIS_TASKS, tail = (have & (BASIS_SWAP | BASIS_RAM)) != 0;
	bool told = trig || (ev->have_victim && strncmp(ev->victim.message, "Out of memory", 13) == 0) ||
		    strcmp(ev->constraint, "CONSTRAINT_NONE") == 0;
	if (!told && !rows && !tail)
		return false;
	int64_t st = known(m->swap_total_kib) ? m->swap_total_kib : ev->snap.mem.swap_total_kib;
	int64_t sf = known(m->swap_free_kib) ? m->swap_free_kib : ev->snap.mem.swap_free_kib;
	/* swap from the rows' swapents (2.6.32+ dump_tasks) */
	int64_t swapped = 0;
	int swap_rows = rows_swapped(ev, a, &swapped, NULL);
	enum { SW_UNSEEN, SW_NONE, SW_FULL_PRINTED, SW_FULL_ROWS, SW_FULL_NEXT, SW_FULL_TOTAL, SW_FULL_HINT, SW_FULL_DESKTOP,
	       SW_FULL_ERA } sw = SW_UNSEEN;
	if (known(st) && st == 0)
		sw = SW_NONE;
	else if (known(st) && known(sf) && st > 0) {
		if (sat_mul(sf, 20) >= st)
			return false;   /* swap had room: reclaim could still write anon out */
		sw = SW_FULL_PRINTED;
	} else if (swap_rows > 0 && swapped > 0)
		sw = SW_FULL_ROWS;
	else if (!known(sf) && ev->swapfull_from_line)
		sw = SW_FULL_NEXT;
	else if (known(st) && st > 0 && !known(sf))
		sw = SW_FULL_TOTAL;   /* swap configured, its Free line cut: reclaim gave up, so full */
	else if (!known(st) && m->swap_full_hint)
		sw = SW_FULL_HINT;    /* Free swap 0 without its Total (report/parse_finish.c finish_swap_full) */
	else if (!known(st) && !known(sf) && swap_rows == 0 && ev->hw_desktop)
		sw = SW_FULL_DESKTOP;
	else if (!known(st) && !known(sf) && swap_rows == 0 && era_swap_hint(ev))
		sw = SW_FULL_ERA;
	bool full = sw != SW_UNSEEN && sw != SW_NONE;
	const char *what = trig && rows ? "the trigger line and task rows"
			 : trig ? "the trigger line" : rows ? "task rows" : tail ? "the swap and RAM totals" : "the kill line";
	struct finding *f = findings_add(c->out, full ? "genuine-exhaustion-swap-full" : "genuine-exhaustion-no-swap",
		SEV_CRITICAL, 40,
		full ? "a system-wide OOM with swap full: RAM and swap ran out, read from %s alone (no Mem-Info or zone line)"
		     : sw == SW_NONE ? "a system-wide OOM on a machine without swap: RAM ran out, read from %s alone (no Mem-Info or zone line)"
				     : "a system-wide OOM: RAM ran out (most likely for a report with only %s; swap not shown, taken as none)",
		what);
	if (known(ev->req.order))
		finding_evidence(f, "order-%lld request%s%s: the kernel invokes the OOM killer for it only after reclaim made no progress (mm/page_alloc.c should_reclaim_retry)",
				 (long long)ev->req.order, ev->req.gfp_text[0] ? " " : "", ev->req.gfp_text);
	else
		finding_evidence(f, "a system-wide OOM kill: the kernel kills only after reclaim made no progress (mm/page_alloc.c should_reclaim_retry)");
	if (sw == SW_NONE)
		finding_evidence(f, "Total swap = 0kB%s: anonymous memory had nowhere to go", m->swap_inferred_none ? " (inferred: no swap line where show_mem prints it)" : "");
	else if (sw == SW_FULL_PRINTED)
		finding_evidence(f, "Free swap = %s of %s: under 5 %% free", K(c, 0, sf), K(c, 1, st));
	else if (sw == SW_FULL_ROWS)
		finding_evidence(f, "the task rows hold %s in swap: the machine had swap, and reclaim gave up with it, so it was full",
				 K(c, 0, swapped));
	else if (sw == SW_FULL_TOTAL)
		finding_evidence(f, "Total swap = %s, its Free swap line not in the report: the machine had swap, and reclaim gave up with it, so it was full",
				 K(c, 0, st));
	else if (sw == SW_FULL_NEXT)
		finding_evidence(f, "swap was full in the report at line %llu of the same host, under a minute later: it was full here too",
				 (unsigned long long)ev->swapfull_from_line);
	else if (sw == SW_FULL_HINT)
		swap_hint_evidence(c, f, m, sf);
	else if (sw == SW_FULL_ERA)
		era_swap_evidence(f, ev);
	else if (sw == SW_FULL_DESKTOP)
		desktop_swap_evidence(f);
	else
		finding_evidence(f, "anonymous pages count as reclaimable only while swap has room (mm/vmscan.c): swap was absent or full; the text does not say which");
	finding_evidence(f, "for a report holding only %s this is the most likely cause (RAM exhaustion in 18 of 48 such reports in the corpus; no other cause above 7)",
			 what);
	finding_evidence(f, "what would decide it, not in the report: Mem-Info (free, anon, file, slab, shmem), the zone lines (free against min), %s",
			 sw == SW_UNSEEN ? "Free swap / Total swap" : "the task table's totals against RAM");
	if (arch_is_32bit(ev->arch))
		finding_evidence(f, "a 32-bit kernel (%s): if the request could not use HighMem, only lowmem may have run out; the zone lines would tell",
				 ev->arch);
	biggest_evidence(c, f);
	trace_modules_note(c, f);
	basis_fixed(f, BASIS_TRIGGER | BASIS_MEMINFO | BASIS_ZONES | BASIS_SWAP, a->basis_present, CONF_LOW,
		    sw == SW_UNSEEN ? "the evidence class's most likely cause: no RAM figure, swap taken as none"
		    : sw == SW_FULL_ERA ? "the evidence class's most likely cause: no RAM figure, swap taken as there (and full) from the kernel's era"
		    : sw == SW_FULL_DESKTOP ? "the evidence class's most likely cause: no RAM figure, swap taken as there (and full) from the desktop's or laptop's firmware"
				    : "the evidence class's most likely cause: no RAM figure, swap as printed");
	finding_advice(f, "read the whole report in the full log ('journalctl -k', /var/log/kern.log around %s): its Mem-Info and zone lines say whether RAM ran out and what held it",
		       ev->time[0] ? ev->time : "this OOM");
	finding_advice(f, "find what grew (the largest processes, slab in /proc/slabinfo, tmpfs); cap it with a memory cgroup (systemd MemoryMax=)");
	return true;
}

/* ---- the ladder's rung for reports WITH figures that no rule decided ----
 *
 * rule_evidence_class names a cause for reports holding no RAM figure.
 * Reports that hold some (a tail of show_mem, a Mem-Info without RAM, zone
 * lines the request cannot be matched to) fell to "unknown" when every
 * rule above wanted one figure more.  These readings need no more than
 * what such a report still proves, and each is the kernel's own logic
 * (tried in order by rule_evidence_figures; each function below says its
 * own, these three here):
 *
 *  - A page allocation failure (the allocator gave up; nothing was killed)
 *    of order >= 1 whose zones do not show RAM exhausted of everything
 *    reclaim could free: for a costly order (> PAGE_ALLOC_COSTLY_ORDER) the
 *    allocator gives up after compaction without ever calling the OOM
 *    killer, and an order 1-3 failure comes from a request that may not
 *    retry (NORETRY, atomic, NOWAIT): with page cache or swap room left, the
 *    missing thing was a free block of that order, not memory
 *    (mm/page_alloc.c __alloc_pages_slowpath, should_compact_retry).
 *  - A failed __GFP_MEMALLOC request of order 0: it may take pages below
 *    every watermark (ALLOC_NO_WATERMARKS, mm/page_alloc.c
 *    __gfp_pfmemalloc_flags), so it fails only when the zones it may use
 *    hold no free page at all: the reserves were used up.
 *  - Swap printed full (under 5 % free) in a report that is not a memcg,
 *    cpuset or policy OOM, for a request that may reclaim, when no usable
 *    zone shows room and the summary does not show a tenth of RAM free:
 *    anonymous memory is reclaimable only while swap has room (mm/vmscan.c
 *    can_reclaim_anon_pages, 5.8+; nr_swap_pages before), so RAM and swap
 *    both ran out.
 *
 * The others: a named cpuset short on its nodes, every zone drained below
 * the atomic mark, zones below their marks with no swap line.  Each is
 * named at low confidence with what it read and what is missing; anything
 * else stays unknown. */
static bool evidence_figures_frag(struct ctx *c)
{
	const struct oom_event *ev = c->ev;
	const struct event_analysis *a = c->a;
	const struct mem_breakdown *m = &a->mem;
	if (ev->kind != OOM_KIND_ALLOC_FAILURE || ev->alloc_stall_ms > 0 || !known(ev->req.order) || ev->req.order < 1)
		return false;
	/* a usable zone passed the check at the order on the printed numbers:
	 * the block was there when the report was taken, nothing says which
	 * was missing */
	if (a->nr_ok > 0)
		return false;
	/* order 1-3 may retry and then call the OOM killer; it fails
	 * without one only when it may not retry, which the flags tell */
	if (ev->req.order <= 3 && !(ev->req.gfp_known && (a->atomic || gfp_has(ev->req.gfp_mask, GFPB_NORETRY, &ev->kv))))
		return false;
	/* RAM shown exhausted of what reclaim frees: page cache and
	 * reclaimable slab under 2 % of RAM with swap absent or full */
	int64_t whole = known(m->total_kib) ? m->total_kib : counted_summary_kib(m);
	int64_t reclaimable = OOM_NA;
	if (known(m->file_kib))
		reclaimable = sat_add(m->file_kib, known(m->slab_reclaimable_kib) ? m->slab_reclaimable_kib : 0);
	bool swap_room = known(m->swap_total_kib) && m->swap_total_kib > 0 && !analysis_swap_full(m);
	if (known(whole) && known(reclaimable) && reclaimable * 50 < whole && !swap_room)
		return false;
	struct finding *f = findings_add(c->out, "fragmentation-high-order", SEV_WARNING, 40,
		"an order-%lld request failed without the OOM killer while reclaim still had %s: the allocator found no free block of that order",
		(long long)ev->req.order, known(reclaimable) ? "page cache to free" : swap_room ? "swap room" : "something to free");
	if (known(reclaimable))
		finding_evidence(f, "page cache and reclaimable slab: %s%s%s", K(c, 0, reclaimable), known(whole) ? " of " : "",
				 known(whole) ? K(c, 1, whole) : "");
	if (swap_room)
		finding_evidence(f, "Free swap = %s of %s: reclaim could still swap", K(c, 0, m->swap_free_kib),
				 K(c, 1, m->swap_total_kib));
	finding_evidence(f, ev->req.order > 3
		? "an order above PAGE_ALLOC_COSTLY_ORDER (3) never invokes the OOM killer: the allocator gives up once compaction fails (mm/page_alloc.c __alloc_pages_slowpath)"
		: "an order 1-3 request fails without the OOM killer only when it may not retry (NORETRY, atomic, NOWAIT): compaction had no time to make a block");
	blocks_where(c, f, (int)ev->req.order);
	basis_fixed(f, BASIS_TRIGGER | BASIS_ZONES | BASIS_BUDDY | BASIS_MEMINFO, a->basis_present, CONF_LOW,
		    "the request's order and what reclaim still had; no zone shows the blocks it lacked");
	finding_advice(f, "read /proc/buddyinfo and /proc/pagetypeinfo on the machine: the free blocks of order %lld and above are what ran out",
		       (long long)ev->req.order);
	finding_advice(f, "let the driver fall back to smaller blocks (kvmalloc) or allocate at boot; vm.min_free_kbytes and proactive compaction (vm.compaction_proactiveness) keep larger blocks free");
	return f != NULL;
}

static bool evidence_figures_memalloc(struct ctx *c)
{
	const struct oom_event *ev = c->ev;
	const struct event_analysis *a = c->a;
	if (ev->kind != OOM_KIND_ALLOC_FAILURE || !ev->req.gfp_known || !known(ev->req.order) || ev->req.order != 0 ||
	    !gfp_has(ev->req.gfp_mask, GFPB_MEMALLOC, &ev->kv) || gfp_has(ev->req.gfp_mask, GFPB_NOMEMALLOC, &ev->kv))
		return false;
	struct finding *f = findings_add(c->out, "atomic-reserves-exhausted", SEV_WARNING, 40,
		"a __GFP_MEMALLOC request failed: it may take pages below every watermark, so the zones it may use had no free page left: the reserves were used up");
	finding_evidence(f, "__GFP_MEMALLOC allocates with no watermark (ALLOC_NO_WATERMARKS, mm/page_alloc.c __gfp_pfmemalloc_flags): its failure means the reserves under min were gone too");
	if (known(a->mem.free_kib))
		finding_evidence(f, "free %s in the summary", K(c, 0, a->mem.free_kib));
	basis_fixed(f, BASIS_TRIGGER, a->basis_present, CONF_LOW,
		    "read from the request's flags: a no-watermark request fails only on empty zones");
	finding_advice(f, "raise vm.min_free_kbytes so the reserves outlast a burst of reclaim-path allocations");
	finding_advice(f, "swap over the network (NFS, NBD, iSCSI) allocates while it swaps: put swap on a local block device, or use zram/zswap");
	return f != NULL;
}

static bool evidence_figures_swap_full(struct ctx *c)
{
	const struct oom_event *ev = c->ev;
	const struct event_analysis *a = c->a;
	const struct mem_breakdown *m = &a->mem;
	if (ev->kind != OOM_KIND_GLOBAL && ev->kind != OOM_KIND_FRAGMENT && ev->kind != OOM_KIND_ALLOC_FAILURE)
		return false;
	if (ev->constraint[0] && strcmp(ev->constraint, "CONSTRAINT_NONE") != 0)
		return false;
	if ((known(ev->req.order) && ev->req.order > 3) || (ev->req.gfp_known && a->atomic))
		return false;
	int64_t st = known(m->swap_total_kib) ? m->swap_total_kib : ev->snap.mem.swap_total_kib;
	int64_t sf = known(m->swap_free_kib) ? m->swap_free_kib : ev->snap.mem.swap_free_kib;
	if (!known(st) || !known(sf) || st <= 0 || sat_mul(sf, 20) >= st)
		return false;
	int room;
	if (!exhaustion_evident(c, &room) && room >= 0)
		return false;
	if (known(m->free_kib) && known(m->total_kib) && m->free_kib * 10 >= m->total_kib)
		return false;
	struct finding *f = findings_add(c->out, "genuine-exhaustion-swap-full", SEV_CRITICAL, 40,
		"swap was full (%s free of %s) and no zone in the report shows room: RAM and swap ran out",
		K(c, 0, sf), K(c, 1, st));
	finding_evidence(f, "Free swap = %s, Total swap = %s: under 5 %% free", K(c, 0, sf), K(c, 1, st));
	finding_evidence(f, "anonymous pages count as reclaimable only while swap has room (mm/vmscan.c can_reclaim_anon_pages): with swap full, reclaim had only page cache left");
	if (known(m->free_kib))
		finding_evidence(f, "free %s%s%s", K(c, 0, m->free_kib), known(m->total_kib) ? " of " : "",
				 known(m->total_kib) ? K(c, 1, m->total_kib) : "");
	biggest_evidence(c, f);
	basis_fixed(f, BASIS_TRIGGER | BASIS_MEMINFO | BASIS_ZONES | BASIS_SWAP, a->basis_present, CONF_LOW,
		    "swap as printed; what held RAM is not decided by the figures in the report");
	finding_advice(f, "find what grew (the largest processes, slab in /proc/slabinfo, tmpfs); cap it with a memory cgroup (systemd MemoryMax=)");
	finding_advice(f, "more swap only delays the kill and makes the machine slow first");
	return f != NULL;
}

/* Drained below what any request with a watermark may reach: ordinary
 * requests stop at min, atomic ones at 3/8 of it (__GFP_HIGH halves min,
 * ALLOC_HARDER takes a quarter more: mm/page_alloc.c __zone_watermark_ok,
 * 2.6-6.x); below that only allocations with no watermark take pages
 * (PF_MEMALLOC reclaimers, the swap-out path, an OOM victim,
 * __GFP_MEMALLOC).  Each node's highest populated zone (where nearly every
 * request starts) under 3/8 of its min, and every lower zone under 3/8 of
 * its min plus its lowmem_reserve for that zone: the reserves under the
 * watermarks were used up, the atomic reserve's story, whatever the
 * request was (its line may be cut).  Not with swap printed full or absent
 * and anonymous memory filling RAM (that is exhaustion, and its rules had
 * their say). */
/* A zone with pages: its present count, or where a cut line lost it (a
 * journal's '>' at R1809), a min mark above 0, which only a zone with
 * managed pages gets (mm/page_alloc.c __setup_per_zone_wmarks). */
static bool zone_populated(const struct oom_zone *z)
{
	return known(z->present_kib) ? z->present_kib > 0 : known(z->min_kib) && z->min_kib > 0;
}

static bool evidence_figures_drained(struct ctx *c)
{
	const struct oom_event *ev = c->ev;
	const struct event_analysis *a = c->a;
	const struct oom_snapshot *sn = &ev->snap;
	if (!known(a->page_size_kib) || sn->nr_zones == 0)
		return false;
	if (ev->req.gfp_known && !a->atomic && ev->kind != OOM_KIND_ALLOC_FAILURE && ev->kind != OOM_KIND_FRAGMENT)
		return false;
	int checked = 0;
	for (int i = 0; i < sn->nr_zones && i < OOM_MAX_ZONES; i++) {
		const struct oom_zone *z = &sn->zones[i];
		if (!zone_populated(z) || !known(z->free_kib) || !known(z->min_kib) || z->min_kib <= 0)
			continue;
		/* the highest populated zone of this node */
		int top = i;
		for (int j = 0; j < sn->nr_zones && j < OOM_MAX_ZONES; j++) {
			const struct oom_zone *y = &sn->zones[j];
			if (y->node == z->node && zone_populated(y) &&
			    zone_index_in(sn, y->name) > zone_index_in(sn, sn->zones[top].name))
				top = j;
		}
		int64_t reserve = 0;
		if (top != i) {
			int ti = zone_index_in(sn, sn->zones[top].name);
			if (ti < 0 || ti >= z->nr_lowmem_reserve || ti >= OOM_MAX_ZONE_IDX || !known(z->lowmem_reserve_pages[ti]))
				return false;
			reserve = sat_mul(z->lowmem_reserve_pages[ti], a->page_size_kib);
		}
		if (sat_mul(z->free_kib, 8) >= sat_add(sat_mul(z->min_kib, 3), sat_mul(reserve, 8)))
			return false;
		checked++;
	}
	if (checked == 0)
		return false;
	const struct mem_breakdown *m = &a->mem;
	if ((analysis_swap_full(m) || analysis_no_swap(m)) && known(m->anon_kib) && known(m->total_kib) &&
	    m->anon_kib * 2 >= m->total_kib)
		return false;
	struct finding *f = findings_add(c->out, "atomic-reserves-exhausted", SEV_WARNING, 40,
		"every zone was drained below the lowest mark a request with a watermark may reach: the reserves under the watermarks were used up");
	char zl[40];
	for (int i = 0; i < sn->nr_zones && i < OOM_MAX_ZONES; i++) {
		const struct oom_zone *z = &sn->zones[i];
		if (zone_populated(z) && known(z->free_kib) && known(z->min_kib))
			finding_evidence(f, "%s: free %s, min %s", zone_label(zl, sizeof(zl), z), K(c, 0, z->free_kib),
					 K(c, 1, z->min_kib));
	}
	finding_evidence(f, "an ordinary request stops at min, an atomic one at 3/8 of it (mm/page_alloc.c __zone_watermark_ok): below that only allocations with no watermark (PF_MEMALLOC reclaimers, the swap-out path, an OOM victim) take pages");
	if (known(m->swap_free_kib) && known(m->swap_total_kib) && m->swap_total_kib > 0 && !analysis_swap_full(m))
		finding_evidence(f, "Free swap = %s of %s: reclaim was not short of a place for anonymous pages",
				 K(c, 0, m->swap_free_kib), K(c, 1, m->swap_total_kib));
	basis_fixed(f, BASIS_TRIGGER | BASIS_ZONES, a->basis_present, CONF_LOW,
		    "read from the zone lines: free under the atomic mark everywhere");
	finding_advice(f, "raise vm.min_free_kbytes so atomic and reclaim-path allocations keep a reserve");
	finding_advice(f, "find what allocates in bursts without sleeping (network receive, a driver's interrupt path) or swaps over the network (NFS, NBD, iSCSI)");
	return f != NULL;
}

/* A task in a named cpuset whose mems_allowed leaves out a node the report
 * shows (a zone line, a per-node or hugepages line), every zone line of
 * its allowed nodes below min, while the summary's free is ten times what
 * those zones hold: the memory was on the nodes the cpuset forbids
 * (kernel/cgroup/cpuset.c cpuset_node_allowed; before 5.0 no constraint
 * line says so).  The zone lines of the other nodes may be cut. */
static bool evidence_figures_cpuset(struct ctx *c)
{
	const struct oom_event *ev = c->ev;
	const struct event_analysis *a = c->a;
	const struct oom_snapshot *sn = &ev->snap;
	const struct mem_breakdown *m = &a->mem;
	if (!ev->cpuset[0] || !strcmp(ev->cpuset, "/") || !ev->mems_allowed[0] || !strcmp(ev->mems_allowed, "(null)") ||
	    !known(m->free_kib) || (ev->req.gfp_known && gfp_has(ev->req.gfp_mask, GFPB_THISNODE, &ev->kv)))
		return false;
	bool outside = false;
	for (int i = 0; i < sn->nr_zones && i < OOM_MAX_ZONES; i++)
		if (sn->zones[i].node >= 0 && !oom_node_allowed(ev->mems_allowed, sn->zones[i].node))
			outside = true;
	for (int i = 0; i < sn->nr_nodes && i < OOM_MAX_NODES; i++)
		if (sn->nodes[i].node >= 0 && !oom_node_allowed(ev->mems_allowed, sn->nodes[i].node))
			outside = true;
	if (!outside)
		return false;
	int64_t allowed_free = 0;
	int n = 0;
	for (int i = 0; i < sn->nr_zones && i < OOM_MAX_ZONES; i++) {
		const struct oom_zone *z = &sn->zones[i];
		if (z->node < 0 || !oom_node_allowed(ev->mems_allowed, z->node) || !known(z->free_kib) ||
		    (known(z->present_kib) && z->present_kib == 0))
			continue;
		if (!known(z->min_kib) || z->free_kib >= z->min_kib)
			return false;
		allowed_free = sat_add(allowed_free, z->free_kib);
		n++;
	}
	if (n == 0 || m->free_kib < 64 * 1024 || m->free_kib < sat_mul(allowed_free, 10))
		return false;
	struct finding *f = findings_add(c->out, "cpuset-or-mempolicy", SEV_CRITICAL, 40,
		"cpuset %s allows node(s) %s only, and they ran out (%s free, below min) while the machine had %s free on the nodes it forbids",
		ev->cpuset, ev->mems_allowed, K(c, 0, allowed_free), K(c, 1, m->free_kib));
	finding_evidence(f, "the trigger's cpuset line: cpuset=%s mems_allowed=%s; the report shows memory on other nodes too",
			 ev->cpuset, ev->mems_allowed);
	finding_evidence(f, "the summary's free (%s) is %s outside those nodes: a request confined to them cannot take it (cpuset_node_allowed)",
			 K(c, 0, m->free_kib), K(c, 1, diff_sat(m->free_kib, allowed_free)));
	basis_fixed(f, BASIS_TRIGGER | BASIS_ZONES | BASIS_MEMINFO | BASIS_CONSTRAINT, a->basis_present, CONF_LOW,
		    "the cpuset's confinement inferred from its mems_allowed, its nodes' zones and the summary's free");
	finding_advice(f, "give cpuset %s more nodes (cpuset.mems) or move the workload out of it; its nodes, not the machine, ran out",
		       ev->cpuset);
	return f != NULL;
}

/* Zones that show RAM gone (every usable zone below its mark) in a
 * system-wide OOM for a request that may reclaim, with no swap line and no
 * summary to say what held it: the evidence class's reading (RAM
 * exhaustion, swap taken as none) now has the zones behind it too. */
static bool evidence_figures_exhausted(struct ctx *c)
{
	const struct oom_event *ev = c->ev;
	const struct event_analysis *a = c->a;
	const struct mem_breakdown *m = &a->mem;
	if (ev->kind != OOM_KIND_GLOBAL || (ev->constraint[0] && strcmp(ev->constraint, "CONSTRAINT_NONE") != 0) ||
	    a->atomic || (known(ev->req.order) && ev->req.order > 1) || a->nr_evaluated == 0)
		return false;
	if (known(m->swap_total_kib) || known(ev->snap.mem.swap_total_kib) || known(ev->snap.mem.swap_free_kib) ||
	    m->swap_inferred_none)
		return false;   /* swap printed: the rules above read it */
	if (a->nr_ok > 0 || a->nr_ok_order0 > 0)
		return false;   /* a usable zone passed its check */
	bool full = ev->swapfull_from_line != 0;
	struct finding *f = findings_add(c->out, full ? "genuine-exhaustion-swap-full" : "genuine-exhaustion-no-swap",
		SEV_CRITICAL, 40, full ? "every zone the request may use was below its mark in a system-wide OOM, and swap was full: RAM and swap ran out"
				       : "every zone the request may use was below its mark in a system-wide OOM: RAM ran out (the report shows no swap: named none)");
	char zl[40];
	for (int i = 0; i < ev->snap.nr_zones && i < OOM_MAX_ZONES; i++) {
		const struct oom_zone *z = &ev->snap.zones[i];
		if (a->zone[i].evaluated)
			finding_evidence(f, "%s: free %s, min %s%s", zone_label(zl, sizeof(zl), z), K(c, 0, z->free_kib),
					 K(c, 1, z->min_kib), z->all_unreclaimable == 1 ? ", all_unreclaimable" : "");
	}
	if (full)
		finding_evidence(f, "swap was full in the report at line %llu of the same host, under a minute later",
				 (unsigned long long)ev->swapfull_from_line);
	else
		finding_evidence(f, "anonymous pages count as reclaimable only while swap has room (mm/vmscan.c): reclaim gave up, so swap was absent or full; the text does not say which");
	biggest_evidence(c, f);
	basis_fixed(f, BASIS_TRIGGER | BASIS_ZONES | BASIS_MEMINFO | BASIS_SWAP, a->basis_present, CONF_LOW,
		    "the zones show RAM gone; what held it and the swap are not in the report");
	finding_advice(f, "read the whole report in the full log: its Mem-Info and swap lines say what held RAM");
	finding_advice(f, "find what grew (the largest processes, slab in /proc/slabinfo, tmpfs); cap it with a memory cgroup (systemd MemoryMax=)");
	return f != NULL;
}

/* Buddy lines and page totals alone (the zone and summary lines cut): the
 * free memory they add up to under 5 % of RAM, the page cache under 2 %
 * ("N total pagecache pages") and no swap printed: RAM ran out, held by
 * anonymous or kernel memory the text does not split (R1344's shape: a
 * 2 GiB VM with 52 MiB free in its buddy lists and 187 pages of cache). */
static bool evidence_figures_buddy_low(struct ctx *c)
{
	const struct oom_event *ev = c->ev;
	const struct event_analysis *a = c->a;
	const struct oom_snapshot *s = &ev->snap;
	const struct mem_breakdown *m = &a->mem;
	if ((ev->kind != OOM_KIND_GLOBAL && ev->kind != OOM_KIND_FRAGMENT) || a->nr_evaluated > 0 ||
	    known(s->mem.free_kib) || s->nr_zones == 0 || !known(m->total_kib) || m->total_kib <= 0)
		return false;
	if (!(known(s->mem.swap_total_kib) && s->mem.swap_total_kib == 0) && !m->swap_inferred_none)
		return false;
	int64_t free = 0;
	for (int i = 0; i < s->nr_zones && i < OOM_MAX_ZONES; i++) {
		const struct oom_zone *z = &s->zones[i];
		int64_t zf = z->buddy_total_kib;
		/* the "= NkB" cut off the line's end: its blocks add up the same */
		if (!known(zf) && known(a->page_size_kib))
			zf = zone_free_kib_at_order(z, 0, a->page_size_kib);
		if (!known(zf))
			return false;   /* a zone's free not read: no sum */
		free = sat_add(free, zf);
	}
	int64_t cache = s->mem.pagecache_kib;
	if (!known(cache) || sat_mul(free, 20) >= m->total_kib || sat_mul(cache, 50) >= m->total_kib)
		return false;
	struct finding *f = findings_add(c->out, "genuine-exhaustion-no-swap", SEV_CRITICAL, 40,
		"the buddy lists held %s of %s RAM, the page cache %s, with no swap: RAM ran out",
		K(c, 0, free), K(c, 1, m->total_kib), K(c, 2, cache));
	finding_evidence(f, "free memory is the sum of the buddy lines (the zone lines are not in the report): under 5 %% of RAM");
	finding_evidence(f, "\"total pagecache pages\" %s: nothing left for reclaim to drop; Total swap = 0kB: anonymous memory had nowhere to go",
			 K(c, 0, cache));
	finding_evidence(f, "what held RAM (anonymous or kernel memory) is in the Mem-Info summary, not in the report");
	basis_fixed(f, BASIS_BUDDY | BASIS_RAM | BASIS_SWAP | BASIS_MEMINFO, a->basis_present, CONF_LOW,
		    "free memory read from the buddy lines alone");
	finding_advice(f, "read the whole report in the full log: its Mem-Info says whether processes or the kernel held RAM");
	return f != NULL;
}

static bool rule_evidence_figures(struct ctx *c)
{
	const struct event_analysis *a = c->a;
	if (a->memcg || a->sysrq || a->cpuset || a->mempolicy || a->constraint_inferred)
		return false;
	return evidence_figures_cpuset(c) || evidence_figures_memalloc(c) || evidence_figures_frag(c) || evidence_figures_swap_full(c) ||
	       evidence_figures_drained(c) || evidence_figures_exhausted(c) || evidence_figures_buddy_low(c);
}

/* "Out of memory and no killable processes..." in a system-wide OOM whose
 * task table holds no row: only kernel threads and init existed (a boot,
 * a kdump kernel, an initramfs), so nothing the OOM killer could ever free
 * and the kernel panics (mm/oom_kill.c out_of_memory, 4.19+; "Kernel panic
 * - not syncing: Out of memory and no killable processes" before).  What
 * filled memory then (slab, ramfs pages, unevictable) is the kernel's own
 * boot-time footprint; the decisive fact, and what must change (more RAM
 * for this kernel, a larger crashkernel=), is that nobody was killable: it
 * leads the consumer findings (R616 slab, R719 ramfs unevictable, both
 * with an empty table).  With rows listed, the candidates existed and were
 * unkillable by adj or exiting, and what filled memory keeps its place;
 * rules of the request (fragmentation, lowmem, atomic, cpuset) and of a
 * setting (huge pages reserved, min_free_kbytes) keep theirs. */
static void no_killable_leads(struct ctx *c)
{
	/* not hugepages-reserved or min-free-kbytes-unusual: a setting that
	 * took the memory away is what to change, killable or not */
	static const char *const consumers[] = { "slab-growth", "mlocked-unevictable", "shmem-tmpfs",
						 "kernel-leak-or-bug", "genuine-exhaustion-no-swap",
						 "genuine-exhaustion-swap-full" };
	const struct oom_event *ev = c->ev;
	struct finding *nk = finding_mut(c->out, "no-killable-process");
	if (!nk || c->a->memcg)
		return;
	/* rows listed, every one at oom_score_adj -1000: a setting (inherited
	 * from a parent that set it, R4495's xfstests harness) made every
	 * process immune, and that is what to change */
	/* (three rows at least: one daemon at -1000 alone, sshd's own
	 * setting, says nothing of the others) */
	bool all_immune = ev->snap.nr_tasks >= 3;
	for (size_t i = 0; i < ev->snap.nr_tasks && all_immune; i++)
		all_immune = known(ev->snap.tasks[i].oom_score_adj) && ev->snap.tasks[i].oom_score_adj == -1000;
	if (ev->snap.nr_tasks > 0 && !all_immune)
		return;
	int top = -1;
	for (size_t k = 0; k < ARRAY_SIZE(consumers); k++) {
		const struct finding *x = findings_get(c->out, consumers[k]);
		if (x && x->weight > top)
			top = x->weight;
	}
	if (top < nk->weight)
		return;
	nk->weight = top + 1 > 97 ? 97 : top + 1;
	for (size_t k = 0; k < ARRAY_SIZE(consumers); k++) {
		struct finding *x = finding_mut(c->out, consumers[k]);
		if (x && x->weight >= nk->weight)
			x->weight = nk->weight - 1;
	}
	if (all_immune) {
		finding_evidence(nk, "every process in the task table has oom_score_adj -1000 (%zu rows): none could be chosen, whatever filled memory (listed below)",
				 ev->snap.nr_tasks);
		finding_advice(nk, "find what set oom_score_adj -1000 (a service manager's OOMScoreAdjust=, a parent that set it before forking: children inherit it) and keep it to the few processes that must survive");
		return;
	}
	finding_evidence(nk, "the task table holds no process: nothing but kernel threads existed to kill (a boot, a kdump kernel, an initramfs); what filled memory is listed below");
	finding_advice(nk, "give this kernel more memory (RAM, or crashkernel= for a kdump kernel), or shrink what it loads at boot");
}

/* A system-wide OOM's kill lines alone (header, show_mem and task table
 * cut or rate-limited) followed under a minute later by the next
 * system-wide report of the same host (report/parse.c lend_next sets
 * next_report): the OOM killer runs again for each allocation that still
 * fails (mm/oom_kill.c out_of_memory), so both are one shortage and the
 * later report's reading, from its own lines, is this one's too.  Only
 * when this report's own lines decide nothing above low confidence.  The
 * next report is analysed here with its own storage, apart from the
 * caller's (event_analyse is idempotent: it reads the same again when
 * that report is delivered). */
/* Is the release a development snapshot: an -rcN, linux-next or -mm tree
 * ("5.7.0-rc5-next-20200511", "2.6.24-rc5-mm1", "6.3.0-rc7-next-20230417")? */
static bool dev_release(const char *r)
{
	for (const char *p = r; (p = strchr(p, '-')) != NULL; p++) {
		if ((p[1] == 'r' && p[2] == 'c' && p[3] >= '0' && p[3] <= '9') ||
		    (p[1] == 'm' && p[2] == 'm' && p[3] >= '0' && p[3] <= '9') || !strncmp(p + 1, "next-20", 7))
			return true;
	}
	return false;
}

/* A development snapshot whose report shows no cause in its numbers: the
 * tree itself is the first suspect, as a reviewer reads such a report
 * (R610, R615, R1016, R1288: -rc and -next trees whose threads found the
 * regression).  Low confidence, after what the kernel did. */
static void rule_dev_snapshot(struct ctx *c)
{
	const struct oom_event *ev = c->ev;
	if (!ev->kernel[0] || ev->kernel_from_neighbour || !dev_release(ev->kernel))
		return;
	struct finding *f = findings_add(c->out, "kernel-oom-regression", SEV_WARNING, 51,
		"the kernel is a development snapshot (%s) and the report's numbers show no cause: a regression in that tree is the first suspect",
		ev->kernel);
	finding_evidence(f, "-rc, linux-next and -mm kernels carry changes not yet in a release; an OOM their numbers do not explain is most often one of them");
	finding_basis(f, 0, c->a->basis_present, CONF_LOW, "inferred from the release alone: nothing in the numbers decides");
	if (f)
		f->confidence = CONF_LOW;
	finding_advice(f, "run the same load on the last release (or the tree before the merge window) and, if it passes, bisect between them");
	finding_advice(f, "report it to linux-mm@kvack.org with this log and the bisected commit");
}

static void __attribute__((noinline)) lend_next_reading(const struct oom_event *ev, struct findings *out)
{
	struct oom_event *nx = ev->next_report;
	if (!nx || nx->next_report || out->n <= 0)
		return;
	const struct finding *mine = &out->items[0];
	if (mine->confidence > CONF_LOW && strcmp(mine->id, "unknown") != 0)
		return;
	struct event_analysis na;
	struct findings nf;
	event_analyse(nx, &na);
	diagnose_event_analysed(nx, &na, &nf);
	/* their first cause of the shortage: what the kernel did about it
	 * (panicked, found nothing to kill, stalled) is each report's own */
	static const char *const outcomes[] = { "panic-on-oom", "no-killable-process", "oom-kill-allocating-task",
						"allocation-stall", "unknown" };
	const struct finding *theirs = NULL;
	for (int i = 0; i < nf.n && !theirs; i++) {
		bool outcome = false;
		for (size_t k = 0; k < ARRAY_SIZE(outcomes); k++)
			outcome |= !strcmp(nf.items[i].id, outcomes[k]);
		if (!outcome && nf.items[i].weight >= 20)
			theirs = &nf.items[i];
	}
	if (!theirs || !strcmp(theirs->id, mine->id))
		return;
	struct finding *f = findings_add(out, theirs->id, theirs->severity, mine->weight + 5,
		"as the next report of this machine, under a minute later: %s", theirs->summary);
	finding_evidence(f, "this report holds only its kill lines; the report at line %llu, of the same host under a minute later with no reboot between, reads %s from its own lines (confidence %s)",
			 (unsigned long long)nx->first_line, theirs->id, confidence_name(theirs->confidence));
	finding_evidence(f, "one shortage: the OOM killer is invoked again for each allocation that still fails (mm/oom_kill.c out_of_memory), so back-to-back reports of one machine share their cause");
	for (int i = 0; i < theirs->nr_evidence && i < FINDING_MAX_EVIDENCE - 3; i++)
		finding_evidence(f, "line %llu: %s", (unsigned long long)nx->first_line, theirs->evidence[i]);
	for (int i = 0; i < theirs->nr_advice; i++)
		finding_advice(f, "%s", theirs->advice[i]);
	finding_basis(f, BASIS_KILL, BASIS_KILL, CONF_LOW, "cause read from the next report of the same host (line %llu), not from this one's lines",
		      (unsigned long long)nx->first_line);
	if (f)
		f->confidence = CONF_LOW;
	findings_sort(out);
}

/* A header of 2.6.13 and before prints the mask but no order: the zones
 * were held to an order-0 request's marks (exhaustion_evident), which
 * most OOMs are, but not all: medium at most (R4011, R955). */
static void cap_orderless_exhaustion(struct ctx *c)
{
	const struct oom_event *ev = c->ev;
	if (known(ev->req.order) || !ev->req.gfp_known)
		return;
	static const char *const ids[] = { "genuine-exhaustion-no-swap", "genuine-exhaustion-swap-full" };
	for (size_t k = 0; k < ARRAY_SIZE(ids); k++) {
		struct finding *f = finding_mut(c->out, ids[k]);
		if (f && f->confidence > CONF_MEDIUM) {
			f->confidence = CONF_MEDIUM;
			finding_evidence(f, "the header prints no order (2.6.13 and before): the zones were held to an order-0 request's marks");
		}
	}
}

void diagnose_event_analysed(const struct oom_event *ev, const struct event_analysis *a, struct findings *out)
{
	struct ctx c = { .ev = ev, .a = a, .out = out };
	findings_init(out);
	rule_sysrq(&c);
	rule_shmem(&c);
	rule_unevictable(&c);
	rule_slab(&c);
	rule_slab_table(&c);
	rule_hugepages(&c);
	rule_unaccounted(&c);
	rule_lowmem(&c);
	rule_lowmem_pressure(&c);
	rule_lowmem_blind(&c);
	rule_lowmem_unknown_request(&c);
	rule_lowmem_highmem_buddy_only(&c);
	rule_fragmentation(&c);
	rule_cma(&c);
	rule_cpuset(&c);
	rule_low_zone_outside_cpuset(&c);
	rule_atomic(&c);
	rule_lowmem_request_blind(&c);
	rule_atomic_blind(&c);
	rule_highatomic_held(&c);
	rule_memcg(&c);
	rule_memcg_stale(&c);
	rule_memcg_dirty(&c);
	rule_stall(&c);
	rule_zero_marks(&c);
	if (!rule_boot_reserved(&c) && !rule_bogus_marks(&c) && !rule_boot_zone(&c) && !rule_min_free_marks(&c)) {
		rule_exhaustion(&c);
		rule_premature(&c);
		rule_spurious_oom_2610(&c);
	}
	rule_pagefault_leak(&c);
	rule_nommu_block(&c);
	fragmentation_leads(&c);
	slab_fills_lowmem(&c);
	slab_fills_lowmem_beside_highmem(&c);
	atomic_leads_lowmem(&c);
	cma_leads_lowmem(&c);
	rule_vmalloc_size(&c);
	rule_vmalloc_noretry(&c);
	rule_vmalloc_huge_spurious(&c);
	vmalloc_huge_note(&c);
	rule_isa_dma_request(&c);
	rule_max_order(&c);
	rule_cma_alloc(&c);
	rule_side_messages(&c);
	rule_slab_alone(&c);
	rule_consequences(&c);
	no_killable_leads(&c);
	bool cause = false;
	for (int i = 0; i < out->n; i++)
		if (out->items[i].weight >= 20)
			cause = true;
	if (!cause && (rule_header_charge(&c) || rule_evidence_class(&c) || rule_evidence_figures(&c))) {
		/* the class's cause is inferred; what the kernel did is read:
		 * a consequence proved by its line leads it */
		struct finding *q = first_consequence(out);
		if (q) {
			q->weight = 52;
			finding_basis(q, 0, a->basis_present, CONF_UNSET,
				      "read as printed; the cause of the shortage is inferred from the kind of lines present");
		}
	} else if (!cause) {
		const struct mem_breakdown *m = &a->mem;
		struct finding *f = findings_add(out, "unknown", SEV_WARNING, 50,
			"no cause stands out in the report: %s free of %s, swap %s free of %s",
			fmt_kib(c.b[0], sizeof(c.b[0]), m->free_kib), fmt_kib(c.b[1], sizeof(c.b[1]), m->total_kib),
			fmt_kib(c.b[2], sizeof(c.b[2]), m->swap_free_kib), fmt_kib(c.b[3], sizeof(c.b[3]), m->swap_total_kib));
		if (!ev->have_meminfo && !ev->snap.have_memcg)
			finding_evidence(f, "the report has no memory summary (Mem-Info): it may be cut or rate-limited");
		bool no_request = !ev->req.gfp_known && !known(ev->req.order);
		if (no_request)
			finding_evidence(f, "the trigger line (gfp_mask, order) is not in the report: which zones the request could use is unknown");
		int room = -1;
		if (!a->memcg && !a->sysrq && !exhaustion_evident(&c, &room) && room >= 0) {
			const struct oom_zone *z = &ev->snap.zones[room];
			finding_evidence(f, "node %d %s had %s free, above its high watermark (%s): memory had not run out there",
					 z->node, z->name, fmt_kib(c.b[0], sizeof(c.b[0]), z->free_kib),
					 fmt_kib(c.b[1], sizeof(c.b[1]), z->high_kib));
			if (no_request)
				finding_evidence(f, "an OOM with that much free needs a request that could not use it: a manual kill (sysrq f), a cpuset or memory policy, or a zone- or node-restricted allocation");
			else
				finding_evidence(f, "the zones passed the check on these numbers: memory was freed between the failed allocation and the report, or the request was restricted further than its gfp flags say");
		}
		if (no_request)
			finding_advice(f, "find the start of this report in the full log (the \"invoked oom-killer: gfp_mask=…, order=…\" line): it says what was asked for");
		for (int i = 0; i < a->nr_swap_reasons; i++)
			finding_evidence(f, "swap: %s", a->swap_reasons[i]);
		/* what would have decided it */
		unsigned miss = cause_needs(a, "unknown") & ~a->basis_present;
		if (miss) {
			char list[200] = "";
			size_t len = 0;
			for (unsigned b = 0; b < BASIS_NR && len < sizeof(list); b++)
				if (miss & (1u << b))
					len += (size_t)snprintf(list + len, sizeof(list) - len, "%s%s", len ? ", " : "",
								basis_read_name(1u << b));
			finding_evidence(f, "what would have decided it, not in the report: %s", list);
		}
		/* The selection line's score is the victim's share of RAM + swap in
		 * thousandths (2.6.36–5.0, mm/oom_kill.c oom_badness): 0 means the
		 * process the kernel found worst held under 0.1 % — the memory
		 * was not in killable processes (kernel memory, or tasks at
		 * oom_score_adj -1000), and the kill frees next to nothing. */
		if (ev->have_victim && known(ev->victim.score) && ev->victim.score == 0 &&
		    !strstr(ev->victim.message, "oom_kill_allocating_task") && kver_cmp(&ev->kv, 2, 6, 36) >= 0)
			finding_evidence(f, "the victim's score was 0: by the kernel's measure (memory, adjusted by oom_score_adj) the worst process held under 0.1 %% of RAM + swap: the memory was in the kernel or in tasks it may not kill, and the kill freed next to nothing");
		finding_advice(f, "look at the largest processes below and at what changed on the machine just before");
		finding_advice(f, "if this repeats, run 'oomkit status' on the machine and keep 'oomkit guard' recording");
		/* Nothing about the shortage, but the report proves what the
		 * kernel did: that leads, "unknown" says what else is missing. */
		struct finding *q = first_consequence(out);
		if (q) {
			q->weight = 52;
			finding_basis(q, 0, a->basis_present, CONF_UNSET,
				      "read as printed; the cause of the shortage itself is not in the report");
		}
		rule_dev_snapshot(&c);
	}
	basis_defaults(&c);
	cap_orderless_exhaustion(&c);
	findings_sort(out);
	lend_next_reading(ev, out);
}

void diagnose_event(struct oom_event *ev, struct findings *out)
{
	struct event_analysis a;
	event_analyse(ev, &a);
	diagnose_event_analysed(ev, &a, out);
}
