/* badness.c — the OOM killer's victim arithmetic, per kernel era
 * (mm/oom_kill.c badness()/oom_badness()/select_bad_process(), fs/proc/base.c
 * proc_oom_score()), recomputed from a task table or /proc.  Fact sheet §3. */
#include <stddef.h>
#include <string.h>

#include "model/event.h"
#include "model/kernel.h"
#include "model/snapshot.h"
#include "util/util.h"

/* A page size the arithmetic can use: the snapshot's, else 4 KiB (x86, the
 * only architecture whose reports lack buddy lines to infer it from). */
static int64_t page_kib_or_default(int64_t page_size_kib)
{
	return known(page_size_kib) && page_size_kib > 0 ? page_size_kib : 4;
}

int64_t oom_kib_to_pages(int64_t kib, int64_t page_kib)
{
	if (!known(page_kib) || page_kib <= 0)
		page_kib = 4;
	if (is_unlimited(kib))
		return OOM_UNLIMITED;
	return known(kib) && kib >= 0 ? kib / page_kib : OOM_NA;
}

int64_t oom_pages_to_kib(int64_t pages, int64_t page_kib)
{
	if (!known(page_kib) || page_kib <= 0)
		page_kib = 4;
	if (is_unlimited(pages))
		return OOM_UNLIMITED;
	return known(pages) && pages >= 0 ? sat_mul(pages, page_kib) : OOM_NA;
}

/* totalram_pages (managed pages): MemTotal, or "pages RAM" − "pages reserved"
 * of a report (show_mem prints both; their difference is what the buddy
 * allocator manages). */
static int64_t totalram_kib(const struct oom_mem *m)
{
	if (known(m->total_kib) && m->total_kib > 0)
		return m->total_kib;
	if (known(m->ram_kib) && known(m->reserved_kib) && m->reserved_kib >= 0 &&
	    m->ram_kib > m->reserved_kib)
		return m->ram_kib - m->reserved_kib;
	return OOM_NA;
}

/* CONSTRAINT_NONE: totalram_pages + total_swap_pages (mm/oom_kill.c
 * constrained_alloc, 2.6.36+; the same sum feeds proc_oom_score). */
int64_t machine_totalpages(const struct oom_mem *m, int64_t page_kib)
{
	int64_t ram = oom_kib_to_pages(totalram_kib(m), page_kib);
	int64_t swap = oom_kib_to_pages(m->swap_total_kib, page_kib);
	if (!known(ram) || !known(swap))
		return OOM_NA;
	return sat_add(ram, swap);
}

int64_t memcg_unowned_kib(int64_t usage_kib, int64_t file_kib, int64_t owned_kib)
{
	if (!known(usage_kib) || !known(owned_kib))
		return OOM_NA;
	int64_t u = usage_kib - (known(file_kib) ? file_kib : 0) - owned_kib;
	return u > 0 ? u : 0;
}

int64_t machine_unmapped_shmem_kib(int64_t shmem_kib, int64_t mapped_kib)
{
	if (!known(shmem_kib) || !known(mapped_kib))
		return OOM_NA;
	return shmem_kib > mapped_kib ? shmem_kib - mapped_kib : 0;
}

static int64_t global_totalpages(const struct oom_snapshot *s, int64_t page_kib)
{
	return machine_totalpages(&s->mem, page_kib);
}

/* Is node n in a kernel node list ("0-1,3", "0")?  -1 when the list is
 * unreadable or empty ("(null)"). */
int oom_nodelist_has(const char *list, int n)
{
	const char *p = list;
	bool any = false;
	while (*p) {
		uint64_t a, b;
		if (scan_u64(&p, p + strlen(p), &a) < 0)
			return -1;
		b = a;
		if (*p == '-') {
			p++;
			if (scan_u64(&p, p + strlen(p), &b) < 0 || b < a)
				return -1;
		}
		any = true;
		if ((uint64_t)n >= a && (uint64_t)n <= b)
			return 1;
		if (*p == ',')
			p++;
		else if (*p)
			return -1;
	}
	return any ? 0 : -1;
}

bool oom_node_allowed(const char *list, int n)
{
	return !list || n < 0 || oom_nodelist_has(list, n) != 0;
}

int64_t task_rss_kib(const struct oom_task *t, int64_t page_size_kib)
{
	return oom_pages_to_kib(t->rss_pages, page_size_kib);
}

int64_t task_swap_kib(const struct oom_task *t, int64_t page_size_kib)
{
	return oom_pages_to_kib(t->swapents_pages, page_size_kib);
}

int64_t task_pgtables_kib(const struct oom_task *t, int64_t page_size_kib)
{
	if (known(t->pgtables_bytes))
		return t->pgtables_bytes / 1024;
	if (known(t->nr_ptes)) {
		int64_t pages = t->nr_ptes;
		if (known(t->nr_pmds))
			pages = sat_add(pages, t->nr_pmds);
		return oom_pages_to_kib(pages, page_size_kib);
	}
	return OOM_NA;
}

/* CONSTRAINT_CPUSET / CONSTRAINT_MEMORY_POLICY: total_swap_pages + Σ pages
 * of the allowed nodes (constrained_alloc: node_spanned_pages ≤4.19,
 * node_present_pages 5.x).  Reports print only each zone's present:, so the
 * sum of present pages is used in every era (spanned ≥ present: older
 * kernels had a slightly larger total, a best effort). */
static int64_t nodes_totalpages(const struct oom_snapshot *s, const char *list, int64_t page_kib)
{
	int64_t swap = oom_kib_to_pages(s->mem.swap_total_kib, page_kib);
	if (!known(swap) || !list || !*list)
		return OOM_NA;
	int64_t sum = 0;
	bool any = false;
	for (int i = 0; i < s->nr_zones; i++) {
		const struct oom_zone *z = &s->zones[i];
		int in = oom_nodelist_has(list, z->node < 0 ? 0 : z->node);
		if (in < 0)
			return OOM_NA;
		if (!in)
			continue;
		if (!known(z->present_kib))
			return OOM_NA;
		sum = sat_add(sum, z->present_kib / page_kib);
		any = true;
	}
	return any ? sat_add(sum, swap) : OOM_NA;
}

/* CONSTRAINT_MEMCG: oc->totalpages = mem_cgroup_get_max(memcg) ?: 1
 * (mm/oom_kill.c constrained_alloc; mem_cgroup_get_max() 4.19+,
 * mem_cgroup_get_limit() before), mm/memcontrol.c:
 *   v1 with swap accounting: max + min(memsw.max − max, total_swap_pages)
 *   otherwise:               max + min(swap.max, total_swap_pages)
 * (3.10–4.18: min(limit + min(swap limit, total_swap), memsw limit) — the
 * same number.)  The swap part applies only when mem_cgroup_swappiness() is
 * non-zero (v1: the memcg's own memory.swappiness; v2: vm.swappiness).
 * OOM_NA when the limit is unknown or unlimited (no memcg OOM then) or the
 * swap total is needed and unknown. */
int64_t memcg_totalpages(const struct oom_memcg *m, int64_t swap_total_kib, int64_t vm_swappiness,
			 int64_t page_kib)
{
	if (!known(page_kib) || page_kib <= 0)
		page_kib = 4;
	int64_t max = oom_kib_to_pages(m->limit_kib, page_kib);
	if (!known(max) || is_unlimited(max))
		return OOM_NA;
	int64_t swappiness = m->version == 1 && known(m->swappiness) ? m->swappiness : vm_swappiness;
	int64_t bound = OOM_NA;   /* swap this memcg may use, by its own limits */
	if (known(swappiness) && swappiness == 0)
		bound = 0;
	else if (m->version != 2 && known(m->memsw_limit_kib))
		bound = m->memsw_limit_kib > m->limit_kib ? oom_kib_to_pages(m->memsw_limit_kib - m->limit_kib, page_kib) : 0;
	else if (m->version != 1 && known(m->swap_limit_kib))
		bound = oom_kib_to_pages(m->swap_limit_kib, page_kib);
	int64_t swap = oom_kib_to_pages(swap_total_kib, page_kib);
	int64_t add;
	if (known(bound) && bound == 0)
		add = 0;
	else if (!known(swap))
		return OOM_NA;     /* memcg reports do not print Total swap */
	else if (known(bound))
		add = bound < swap ? bound : swap;
	else
		add = swap;        /* no swap limit (v1 without memsw, v2 swap.max=max) */
	int64_t t = sat_add(max, add);
	return t > 0 ? t : 1;
}

int64_t badness_totalpages(const struct oom_event *ev)
{
	const struct oom_snapshot *s = &ev->snap;
	int64_t page_kib = page_kib_or_default(s->page_size_kib);
	switch (ev->kind) {
	case OOM_KIND_MEMCG:
		/* Reports do not print swappiness: the default (non-zero) is assumed. */
		return memcg_totalpages(&s->memcg, s->mem.swap_total_kib, OOM_NA, page_kib);
	case OOM_KIND_CPUSET:
		return nodes_totalpages(s, ev->mems_allowed, page_kib);
	case OOM_KIND_MEMPOLICY:
		return nodes_totalpages(s, ev->req.nodemask, page_kib);
	default:
		/* Global, sysrq (always CONSTRAINT_NONE) and anything unknown. */
		return global_totalpages(s, page_kib);
	}
}

/* Era boundaries of oom_badness() (§3.1). */
/* RHEL 6 (2.6.32) prints oom_score_adj in its trigger line and task table:
 * it carries the 2.6.36 rewrite, so it is treated as normalised [U: the
 * sheet verified the formats of 2.6.32-642, not its oom_badness]. */
static bool era_total_vm(const struct kver *v)
{
	return kver_cmp(v, 2, 6, 36) < 0 && !(v && v->rhel == 6);
}
static bool era_normalised(const struct kver *v) { return kver_cmp(v, 3, 8, 0) < 0; }

/* CAP_SYS_ADMIN bonus form (3.8–4.16): "adj -= 30" before scaling until the
 * mainline change "mm, oom: base root bonus on current usage" (3.14), then
 * "points -= points*3/100".  The change went to stable: the sheet saw it in
 * 3.10.108 and RHEL 7; the first 3.10.y that has it is not pinned, 3.10.30
 * (the stable release after the 3.14 merge window) is assumed. */
static bool root_bonus_is_percent(const struct kver *v)
{
	if (kver_cmp(v, 3, 14, 0) >= 0 || (v && v->rhel >= 7))
		return true;
	return v && v->known && v->major == 3 && v->minor == 10 && v->patch >= 30;
}

/* The task's resident pages as the kernel counts get_mm_rss(). */
static int64_t task_rss_pages(const struct oom_task *t)
{
	if (known(t->rss_pages))
		return t->rss_pages;
	if (known(t->rss_anon_pages) && known(t->rss_file_pages) && known(t->rss_shmem_pages))
		return sat_add(sat_add(t->rss_anon_pages, t->rss_file_pages), t->rss_shmem_pages);
	return OOM_NA;
}

/* Page-table pages in the form of the era: nr_ptes (3.8–3.19), nr_ptes +
 * nr_pmds (4.0–4.14), pgtables_bytes / PAGE_SIZE (4.15+, mm_pgtables_bytes).
 * When the source has the other form, it is converted; unknown → 0 (the
 * 2.6.36–3.7 tables print no page-table column). */
static int64_t task_pgtable_pages(const struct oom_task *t, int64_t page_kib, const struct kver *v)
{
	int64_t ptes_pmds = OOM_NA, from_bytes = OOM_NA;
	if (known(t->nr_ptes) && t->nr_ptes >= 0)
		ptes_pmds = sat_add(t->nr_ptes, known(t->nr_pmds) && t->nr_pmds > 0 && kver_cmp(v, 4, 0, 0) >= 0
						? t->nr_pmds : 0);
	if (known(t->pgtables_bytes) && t->pgtables_bytes >= 0)
		from_bytes = t->pgtables_bytes / sat_mul(page_kib, 1024);
	if (kver_cmp(v, 4, 15, 0) >= 0)
		return known(from_bytes) ? from_bytes : known(ptes_pmds) ? ptes_pmds : 0;
	return known(ptes_pmds) ? ptes_pmds : known(from_bytes) ? from_bytes : 0;
}

/* ≤2.6.35 badness() (mm/oom_kill.c 2.6.18–2.6.35), approximated: the report
 * has neither CPU time, run time, nice, children nor capabilities, so only
 * total_vm, the root /4 (uid 0 as the proxy for CAP_SYS_ADMIN / euid 0;
 * CAP_SYS_RAWIO's further /4 is not knowable) and the oom_adj shift are
 * applied.  The ranking is a hint, not the kernel's. */
static int64_t badness_old(const struct oom_task *t)
{
	if (!known(t->total_vm_pages) || t->total_vm_pages < 0)
		return OOM_NA;
	int64_t adj = known(t->oom_adj) ? t->oom_adj : 0;
	if (adj <= -17 || (known(t->oom_score_adj) && t->oom_score_adj <= -1000))
		return OOM_NA;                /* OOM_DISABLE */
	int64_t points = t->total_vm_pages;
	if (known(t->uid) && t->uid == 0)
		points /= 4;
	if (adj > 0) {
		if (points == 0)
			points = 1;           /* 2.6.22+ */
		for (int64_t i = 0; i < adj && i < 15; i++)
			points = sat_add(points, points);
	} else if (adj < 0) {
		points >>= (-adj > 16 ? 16 : -adj);
	}
	return points;
}

int64_t badness_for_era(const struct oom_task *t, int64_t totalpages, int64_t page_size_kib,
			const struct kver *v)
{
	/* oom_unkillable_task(): kernel threads and init are never candidates;
	 * oom_score_adj −1000 (OOM_SCORE_ADJ_MIN, 2.6.36+) opts out. */
	if (t->kthread || (known(t->tgid) && t->tgid == 1) || (known(t->pid) && t->pid == 1 && !known(t->tgid)))
		return OOM_NA;
	if (era_total_vm(v))
		return badness_old(t);

	int64_t adj = known(t->oom_score_adj) ? t->oom_score_adj : 0;
	if (adj <= -1000)
		return OOM_NA;
	if (adj > 1000)
		adj = 1000;
	int64_t page_kib = page_kib_or_default(page_size_kib);
	int64_t rss = task_rss_pages(t);
	if (!known(rss) || rss < 0)
		return OOM_NA;
	int64_t swap = known(t->swapents_pages) && t->swapents_pages > 0 ? t->swapents_pages : 0;
	int64_t pt = task_pgtable_pages(t, page_kib, v);
	bool root = known(t->uid) && t->uid == 0;   /* best proxy for CAP_SYS_ADMIN */

	if (era_normalised(v)) {
		/* 2.6.36–3.7: (rss + swapents [+ nr_ptes 2.6.39+]) * 1000 /
		 * totalpages, −30 for CAP_SYS_ADMIN, + oom_score_adj, clamped to
		 * 1…1000.  Computed in 64 bits (the kernel's int could overflow
		 * for tasks above 2^31/1000 pages). */
		if (!known(totalpages) || totalpages <= 0)
			return OOM_NA;
		int64_t points = sat_add(sat_add(rss, swap), kver_cmp(v, 2, 6, 39) >= 0 ? pt : 0);
		points = sat_mul(points, 1000) / totalpages;
		if (root)
			points -= 30;
		points = sat_add(points, adj);
		if (points <= 0)
			return 1;
		return points < 1000 ? points : 1000;
	}

	/* 3.8+: unnormalised pages (mm/oom_kill.c oom_badness). */
	int64_t points = sat_add(sat_add(rss, swap), pt);
	if (root && kver_cmp(v, 4, 17, 0) < 0) {
		if (root_bonus_is_percent(v))
			points -= sat_mul(points, 3) / 100;
		else
			adj -= 30;
	}
	if (adj != 0) {
		/* "adj *= totalpages / 1000": the division comes first. */
		if (!known(totalpages) || totalpages <= 0)
			return OOM_NA;
		points = sat_add(points, sat_mul(adj, totalpages / 1000));
	}
	if (kver_cmp(v, 5, 9, 0) < 0)
		return points > 0 ? points : 1;
	return points;   /* 5.9+: long, may be ≤ 0 */
}

int64_t oom_score_for_era(int64_t points, int64_t totalpages, const struct kver *v)
{
	/* Ineligible tasks read 0 in every era. */
	if (!known(points))
		return 0;
	/* ≤2.6.35: the raw badness(); 2.6.36–3.7: the normalised points. */
	if (era_total_vm(v) || era_normalised(v))
		return points;
	if (!known(totalpages) || totalpages <= 0)
		return OOM_NA;
	if (kver_cmp(v, 5, 9, 0) < 0) {
		/* 3.8–5.8 fs/proc/base.c: oom_badness() * 1000 / totalpages. */
		return sat_mul(points, 1000) / totalpages;
	}
	/* 5.9+ fs/proc/base.c: (1000 + badness * 1000 / (long)totalpages) * 2 / 3,
	 * signed, truncating toward zero; range 0…2000. */
	return sat_mul(sat_add(1000, sat_mul(points, 1000) / totalpages), 2) / 3;
}

/* Tie rule of select_bad_process()/oom_evaluate_task() (§3.4): does a task
 * with `points` replace the current choice with `chosen`? */
bool badness_replaces(int64_t points, int64_t chosen, const struct kver *v)
{
	if (points != chosen)
		return points > chosen;
	/* Equal: 4.8 and 5.1+ skip only "points < chosen" — the later task wins.
	 * ≤4.7 and 4.9–5.0 keep the earlier one (strictly greater, or skip on
	 * equality when the choice is a thread-group leader, as table rows are). */
	if (kver_cmp(v, 5, 1, 0) >= 0)
		return true;
	return v && v->known && v->major == 4 && v->minor == 8;
}

static int pick(const struct oom_snapshot *s, const struct kver *v, int exclude)
{
	int chosen = -1;
	for (size_t i = 0; i < s->nr_tasks; i++) {
		const struct oom_task *t = &s->tasks[i];
		if ((int)i == exclude || !known(t->badness))
			continue;
		if (chosen < 0 || badness_replaces(t->badness, s->tasks[chosen].badness, v))
			chosen = (int)i;
	}
	return chosen;
}

int badness_rank(struct oom_snapshot *s, int64_t totalpages, const struct kver *v, int *second)
{
	int64_t page_kib = page_kib_or_default(s->page_size_kib);
	/* /proc/PID/oom_score is always relative to the whole machine
	 * (proc_oom_score: totalram_pages + total_swap_pages), whatever the OOM
	 * domain; when the snapshot lacks the machine totals, the given
	 * totalpages stands in. */
	int64_t global_tp = global_totalpages(s, page_kib);
	if (!known(global_tp))
		global_tp = totalpages;

	for (size_t i = 0; i < s->nr_tasks; i++) {
		struct oom_task *t = &s->tasks[i];
		t->badness = badness_for_era(t, totalpages, page_kib, v);
		int64_t b_global = global_tp == totalpages ? t->badness
					: badness_for_era(t, global_tp, page_kib, v);
		t->oom_score = oom_score_for_era(b_global, global_tp, v);
	}
	if (s->nr_tasks > (size_t)INT32_MAX) {
		if (second)
			*second = -1;
		return -1;
	}
	int first = pick(s, v, -1);
	if (second)
		*second = first < 0 ? -1 : pick(s, v, first);
	return first;
}

bool oom_victim_is_sacrificed_child(const struct oom_event *ev)
{
	const struct oom_victim *v = &ev->victim;
	if (!known(v->selected_pid) || !known(v->pid) || v->selected_pid == v->pid)
		return false;
	/* 5.1+ has no child sacrifice (mm/oom_kill.c oom_kill_process lost
	 * the "prefer children" loop): a different pid is a thread. */
	if (ev->kv.known && !ev->kv.inferred && kver_cmp(&ev->kv, 5, 1, 0) >= 0)
		return false;
	/* A zombie thread-group leader (main called pthread_exit): the kernel
	 * kills through find_lock_task_mm()'s live thread, printing its pid;
	 * the task table shows that thread's row with the leader's tgid. */
	for (size_t i = 0; i < ev->snap.nr_tasks; i++) {
		const struct oom_task *t = &ev->snap.tasks[i];
		if (t->pid == v->pid && known(t->tgid) && t->tgid == v->selected_pid)
			return false;
	}
	return true;
}
