/* snapshot.c — initialisation and storage of the model structs. */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "model/event.h"
#include "model/snapshot.h"
#include "model/system.h"

/* Sets every int64_t of a struct made only of int64_t fields to OOM_NA. */
static void fill_na(int64_t *p, size_t n)
{
	for (size_t i = 0; i < n; i++)
		p[i] = OOM_NA;
}

void zone_init(struct oom_zone *z)
{
	memset(z, 0, sizeof(*z));
	z->node = -1;
	fill_na(&z->free_kib, (size_t)(&z->shmem_kib - &z->free_kib) + 1);
	z->all_unreclaimable = -1;
	z->buddy_total_kib = OOM_NA;
}

void node_init(struct oom_node *n)
{
	memset(n, 0, sizeof(*n));
	n->node = -1;
	fill_na(&n->active_anon_kib, (size_t)(&n->pagetables_kib - &n->active_anon_kib) + 1);
	n->all_unreclaimable = -1;
	fill_na(&n->hugepages_total, (size_t)(&n->hugetlb_kib - &n->hugepages_total) + 1);
}

void memcg_init(struct oom_memcg *m)
{
	memset(m, 0, sizeof(*m));
	fill_na(&m->usage_kib, (size_t)(&m->oom_group - &m->usage_kib) + 1);
}

void task_init(struct oom_task *t)
{
	memset(t, 0, sizeof(*t));
	fill_na(&t->pid, 3);
	fill_na(&t->total_vm_pages, (size_t)(&t->cpu - &t->total_vm_pages) + 1);
	t->badness = OOM_NA;
	t->oom_score = OOM_NA;
}

void vmstat_init(struct oom_vmstat *v)
{
	fill_na((int64_t *)v, sizeof(*v) / sizeof(int64_t));
}

void oom_system_init(struct oom_system *v)
{
	memset(v, 0, sizeof(*v));
	v->overcommit_memory = v->overcommit_ratio = v->overcommit_kbytes = OOM_NA;
	v->min_free_kbytes = v->watermark_scale_factor = v->watermark_boost_factor = OOM_NA;
	v->panic_on_oom = v->oom_kill_allocating_task = v->oom_dump_tasks = OOM_NA;
	v->swappiness = v->admin_reserve_kbytes = v->user_reserve_kbytes = OOM_NA;
	v->oom_kill_count = v->compact_stall = v->compact_fail = OOM_NA;
	v->extfrag_threshold = v->compaction_proactiveness = OOM_NA;
	v->thp_fault_fallback = v->allocstall = OOM_NA;
	v->zram_orig_kib = v->zram_compr_kib = OOM_NA;
}

/* The fields of a zeroed snapshot whose "not printed" is not 0. */
static void snapshot_na(struct oom_snapshot *s)
{
	s->page_size_kib = OOM_NA;
	fill_na((int64_t *)&s->mem, sizeof(s->mem) / sizeof(int64_t));
	memcg_init(&s->memcg);
}

void snapshot_init(struct oom_snapshot *s)
{
	memset(s, 0, sizeof(*s));
	snapshot_na(s);
}

void snapshot_release(struct oom_snapshot *s)
{
	free(s->tasks);
	s->tasks = NULL;
	s->nr_tasks = s->cap_tasks = 0;
}

struct oom_task *snapshot_add_task(struct oom_snapshot *s)
{
	if (s->nr_tasks >= OOM_MAX_TASKS) {
		s->tasks_truncated = true;
		return NULL;
	}
	if (s->nr_tasks == s->cap_tasks) {
		size_t cap = s->cap_tasks ? s->cap_tasks * 2 : 64;
		struct oom_task *t = realloc(s->tasks, cap * sizeof(*t));
		if (!t) {
			s->tasks_truncated = true;
			return NULL;
		}
		s->tasks = t;
		s->cap_tasks = cap;
	}
	struct oom_task *t = &s->tasks[s->nr_tasks++];
	task_init(t);
	return t;
}

struct oom_zone *snapshot_zone(struct oom_snapshot *s, int node, const char *name)
{
	for (int i = 0; i < s->nr_zones; i++)
		if (s->zones[i].node == node && strcmp(s->zones[i].name, name) == 0)
			return &s->zones[i];
	if (s->nr_zones >= OOM_MAX_ZONES)
		return NULL;
	struct oom_zone *z = &s->zones[s->nr_zones++];
	zone_init(z);
	z->node = node;
	str_copy(z->name, sizeof(z->name), name, strlen(name));
	return z;
}

struct oom_node *snapshot_node(struct oom_snapshot *s, int node)
{
	for (int i = 0; i < s->nr_nodes; i++)
		if (s->nodes[i].node == node)
			return &s->nodes[i];
	if (s->nr_nodes >= OOM_MAX_NODES)
		return NULL;
	struct oom_node *n = &s->nodes[s->nr_nodes++];
	node_init(n);
	n->node = node;
	return n;
}

const char *oom_kind_name(enum oom_kind k)
{
	switch (k) {
	case OOM_KIND_GLOBAL: return "global";
	case OOM_KIND_MEMCG: return "memcg";
	case OOM_KIND_CPUSET: return "cpuset";
	case OOM_KIND_MEMPOLICY: return "mempolicy";
	case OOM_KIND_ALLOC_FAILURE: return "page-allocation-failure";
	case OOM_KIND_SYSRQ: return "sysrq";
	case OOM_KIND_FRAGMENT: return "fragment";
	case OOM_KIND_UNKNOWN: break;
	}
	return "unknown";
}

const char *oom_outcome_name(enum oom_outcome o)
{
	switch (o) {
	case OOM_OUTCOME_KILLED: return "killed";
	case OOM_OUTCOME_NO_KILLABLE: return "no-killable-process";
	case OOM_OUTCOME_PANIC: return "panic";
	case OOM_OUTCOME_SKIPPED_EXITING: return "victim-already-exiting";
	case OOM_OUTCOME_NONE: return "none";
	case OOM_OUTCOME_UNKNOWN: break;
	}
	return "unknown";
}

void event_init(struct oom_event *ev)
{
	memset(ev, 0, sizeof(*ev));
	snapshot_na(&ev->snap);   /* zeroed with the event: a second memset of ~75 KiB per report is not */
	ev->req.trigger_pid = OOM_NA;
	ev->req.order = OOM_NA;
	ev->req.trigger_oom_score_adj = OOM_NA;
	ev->req.trigger_oom_adj = OOM_NA;
	struct oom_victim *v = &ev->victim;
	v->pid = v->uid = v->total_vm_kib = v->anon_rss_kib = v->file_rss_kib = OOM_NA;
	v->shmem_rss_kib = v->pgtables_kib = v->oom_score_adj = v->score = OOM_NA;
	v->selected_pid = OOM_NA;
	v->reaped_anon_rss_kib = v->reaped_file_rss_kib = v->reaped_shmem_rss_kib = OOM_NA;
	ev->side.slab_node = ev->side.slab_object_size = OOM_NA;
	ev->side.slab_default_order = ev->side.slab_min_order = ev->side.driver_bytes = OOM_NA;
	ev->side.cma_pages = ev->side.cma_ret = ev->side.cma_free_pages = ev->side.cma_total_pages = OOM_NA;
}

void event_release(struct oom_event *ev)
{
	snapshot_release(&ev->snap);
}

void event_warn(struct oom_event *ev, const char *fmt, ...)
{
	if (ev->nr_warnings >= OOM_MAX_WARNINGS)
		return;
	va_list ap;
	va_start(ap, fmt);
	ev->warning_line[ev->nr_warnings] = ev->cur_line;
	vsnprintf(ev->warnings[ev->nr_warnings++], sizeof(ev->warnings[0]), fmt, ap);
	va_end(ap);
}
