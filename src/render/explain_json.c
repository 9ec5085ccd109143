/* explain_json.c — `oomkit explain --json`, schema 1 (docs/explain-json.md).
 * Streamed through struct json: one event at a time, so memory stays bounded
 * whatever the number of events.  null wherever the report does not say. */
#include <string.h>

#include "model/kubepods.h"
#include "render/render.h"
#include "report/walltime.h"

static void str_or_null(struct json *j, const char *key, const char *s)
{
	if (s && *s)
		json_str(j, key, s);
	else
		json_null(j, key);
}

static void trigger(struct json *j, const struct oom_event *ev)
{
	json_obj_begin(j, "trigger");
	str_or_null(j, "comm", ev->req.trigger_comm);
	json_int(j, "pid", ev->req.trigger_pid);
	json_int(j, "oom_score_adj", ev->req.trigger_oom_score_adj);
	json_obj_end(j);
}

static void request(struct json *j, const struct oom_event *ev, const struct event_analysis *a)
{
	json_obj_begin(j, "request");
	str_or_null(j, "gfp_mask", a->gfp_hex);
	if (a->gfp_names_printed[0]) {
		/* The kernel's own decode wins: it is what that kernel meant. */
		json_arr_begin(j, "gfp_flags");
		const char *p = a->gfp_names_printed;
		while (*p) {
			size_t n = strcspn(p, "|");
			if (n)
				json_strn(j, NULL, p, n);
			p += n;
			if (*p == '|')
				p++;
		}
		json_arr_end(j);
	} else if (ev->req.gfp_known) {
		json_arr_begin(j, "gfp_flags");
		for (int i = 0; i < a->nr_gfp_names; i++)
			json_str(j, NULL, a->gfp_names[i]);
		if (a->gfp_unknown_bits) {
			char hex[24];
			snprintf(hex, sizeof(hex), "%#llx", (unsigned long long)a->gfp_unknown_bits);
			json_str(j, NULL, hex);
		}
		json_arr_end(j);
	} else {
		json_null(j, "gfp_flags");
	}
	json_str(j, "gfp_flags_source", a->gfp_names_printed[0] ? "report" : ev->req.gfp_known ? "decoded" : NULL);
	json_int(j, "order", ev->req.order);
	json_bool(j, "over_max_order", ev->req.over_max_order);
	json_int(j, "nommu_bytes", ev->req.nommu_known ? ev->req.nommu_bytes : OOM_NA);
	json_int(j, "bytes", a->request_bytes);
	json_str(j, "zone", a->zone_name);
	str_or_null(j, "nodemask", ev->req.nodemask);
	if (ev->req.gfp_known && !a->sysrq) {
		json_bool(j, "atomic", a->atomic);
		json_bool(j, "can_swap_out", a->can_io && !a->atomic);
	} else {
		json_null(j, "atomic");
		json_null(j, "can_swap_out");
	}
	json_obj_end(j);
}

static void memcg(struct json *j, const struct oom_event *ev, const struct event_analysis *a)
{
	const struct oom_memcg *m = &ev->snap.memcg;
	if (!ev->snap.have_memcg && !ev->oom_memcg[0] && !a->memcg) {
		json_null(j, "memcg");
		return;
	}
	json_obj_begin(j, "memcg");
	str_or_null(j, "path", ev->oom_memcg[0] ? ev->oom_memcg : m->path);
	str_or_null(j, "task_path", ev->task_memcg);
	/* Pod UID, QoS class and container ID when the paths are the kubelet's. */
	kube_json(j, "kube", ev->oom_memcg[0] ? ev->oom_memcg : m->path, NULL);
	kube_json(j, "task_kube", ev->task_memcg[0] ? ev->task_memcg : NULL, NULL);
	json_int(j, "usage_kb", m->usage_kib);
	json_int(j, "limit_kb", m->limit_kib);
	json_int(j, "failcnt", m->failcnt);
	json_int(j, "swap_usage_kb", m->swap_usage_kib);
	json_int(j, "swap_limit_kb", m->swap_limit_kib);
	json_int(j, "memsw_usage_kb", m->memsw_usage_kib);
	json_int(j, "memsw_limit_kb", m->memsw_limit_kib);
	if (m->version)
		json_int(j, "version", m->version);
	else
		json_null(j, "version");
	json_obj_end(j);
}

static void memory(struct json *j, const struct event_analysis *a)
{
	const struct mem_breakdown *m = &a->mem;
	json_obj_begin(j, "memory");
	if (m->scope == MEM_SCOPE_NONE)
		json_null(j, "scope");
	else
		json_str(j, "scope", mem_scope_name(m->scope));
	json_int(j, "total_kb", m->total_kib);
	json_int(j, "free_kb", m->free_kib);
	json_int(j, "anon_kb", m->anon_kib);
	json_int(j, "file_kb", m->file_kib);
	json_int(j, "shmem_kb", m->shmem_kib);
	json_int(j, "slab_reclaimable_kb", m->slab_reclaimable_kib);
	json_int(j, "slab_unreclaimable_kb", m->slab_unreclaimable_kib);
	json_int(j, "pagetables_kb", m->pagetables_kib);
	json_int(j, "kernel_stack_kb", m->kernel_stack_kib);
	json_int(j, "hugetlb_kb", m->hugetlb_kib);
	json_int(j, "unevictable_kb", m->unevictable_kib);
	json_int(j, "unaccounted_kb", m->unaccounted_kib);
	json_int(j, "swap_total_kb", m->swap_inferred_none ? 0 : m->swap_total_kib);
	json_int(j, "swap_free_kb", m->swap_inferred_none ? 0 : m->swap_free_kib);
	json_bool(j, "swap_inferred", m->swap_inferred_none);
	json_str(j, "swap_full_inferred", m->swap_full_hint == OOM_SWAPFULL_CACHE ? "swap-cache"
				       : m->swap_full_hint == OOM_SWAPFULL_TOTAL_CUT ? "total-cut" : NULL);
	json_obj_end(j);
}

static void zones(struct json *j, const struct oom_event *ev, const struct event_analysis *a)
{
	const struct oom_snapshot *s = &ev->snap;
	json_arr_begin(j, "zones");
	for (int i = 0; i < s->nr_zones && i < OOM_MAX_ZONES; i++) {
		const struct oom_zone *z = &s->zones[i];
		const struct zone_verdict *zv = &a->zone[i];
		json_obj_begin(j, NULL);
		json_int(j, "node", z->node < 0 ? OOM_NA : z->node);
		json_str(j, "zone", z->name);
		json_int(j, "free_kb", z->free_kib);
		json_int(j, "min_kb", z->min_kib);
		json_int(j, "low_kb", z->low_kib);
		json_int(j, "high_kb", z->high_kib);
		json_int(j, "managed_kb", z->managed_kib);
		json_arr_begin(j, "lowmem_reserve_kb");
		for (int k = 0; k < z->nr_lowmem_reserve && k < OOM_MAX_ZONE_IDX; k++)
			json_int(j, NULL, known(z->lowmem_reserve_pages[k]) && known(a->page_size_kib)
					   ? sat_mul(z->lowmem_reserve_pages[k], a->page_size_kib) : OOM_NA);
		json_arr_end(j);
		if (z->nr_orders > 0) {
			json_arr_begin(j, "free_blocks");
			for (int k = 0; k < z->nr_orders && k < OOM_MAX_ORDERS; k++)
				json_int(j, NULL, z->free_blocks[k]);
			json_arr_end(j);
		} else {
			json_null(j, "free_blocks");
		}
		json_bool(j, "usable_by_request", zv->usable);
		json_int(j, "reserve_for_request_kb", zv->usable ? zv->reserve_kib : OOM_NA);
		if (zv->evaluated)
			json_bool(j, "ok_for_request", zv->ok);
		else
			json_null(j, "ok_for_request");
		if (zv->block_known && known(ev->req.order) && ev->req.order >= 0)
			json_bool(j, "block_of_order_free", zv->block_exists);
		else
			json_null(j, "block_of_order_free");
		json_obj_end(j);
	}
	json_arr_end(j);
}

static void task(struct json *j, const struct oom_task *t, int64_t page_kib)
{
	json_obj_begin(j, NULL);
	json_int(j, "pid", t->pid);
	json_str(j, "comm", t->comm);
	json_int(j, "uid", t->uid);
	json_int(j, "total_vm_kb", known(t->total_vm_pages) && known(page_kib) ? sat_mul(t->total_vm_pages, page_kib) : OOM_NA);
	json_int(j, "rss_kb", task_rss_kib(t, page_kib));
	json_int(j, "swap_kb", task_swap_kib(t, page_kib));
	json_int(j, "pgtables_kb", task_pgtables_kib(t, page_kib));
	json_int(j, "oom_score_adj", t->oom_score_adj);
	json_int(j, "badness", t->badness);
	json_obj_end(j);
}

static void victim(struct json *j, const struct oom_event *ev, const struct event_analysis *a)
{
	if (!ev->have_victim) {
		json_null(j, "victim");
		return;
	}
	const struct oom_victim *v = &ev->victim;
	json_obj_begin(j, "victim");
	json_int(j, "pid", v->pid);
	str_or_null(j, "comm", v->comm);
	json_int(j, "total_vm_kb", v->total_vm_kib);
	json_int(j, "anon_rss_kb", v->anon_rss_kib);
	json_int(j, "file_rss_kb", v->file_rss_kib);
	json_int(j, "shmem_rss_kb", v->shmem_rss_kib);
	json_int(j, "pgtables_kb", v->pgtables_kib);
	json_int(j, "oom_score_adj", v->oom_score_adj);
	json_int(j, "uid", v->uid);
	json_int(j, "score", v->score);
	if (known(v->selected_pid) && v->selected_pid != v->pid) {
		json_int(j, "selected_pid", v->selected_pid);
		str_or_null(j, "selected_comm", v->selected_comm);
		json_bool(j, "child_sacrificed", oom_victim_is_sacrificed_child(ev));
	}
	const struct oom_task *vt = a->victim_idx >= 0 ? &ev->snap.tasks[a->victim_idx] : NULL;
	json_int(j, "badness", vt ? vt->badness : OOM_NA);
	json_str(j, "choice", victim_verdict_name(a->victim_verdict));
	const struct oom_task *alt = NULL;
	if (a->victim_verdict == VICTIM_BEST || a->victim_verdict == VICTIM_TIE)
		alt = a->second_idx >= 0 ? &ev->snap.tasks[a->second_idx] : NULL;
	else if (a->victim_verdict == VICTIM_NOT_BEST || a->victim_verdict == VICTIM_NOT_IN_TABLE ||
		 a->victim_verdict == VICTIM_ALLOCATING_TASK)
		alt = a->best_idx >= 0 ? &ev->snap.tasks[a->best_idx] : NULL;
	if (alt) {
		json_obj_begin(j, a->victim_verdict == VICTIM_BEST || a->victim_verdict == VICTIM_TIE
					  ? "runner_up" : "expected");
		json_int(j, "pid", alt->pid);
		json_str(j, "comm", alt->comm);
		json_int(j, "badness", alt->badness);
		json_obj_end(j);
	}
	json_int(j, "margin_kb", a->margin_kib);
	if (v->reaped) {
		json_obj_begin(j, "reaped");
		json_int(j, "anon_rss_kb", v->reaped_anon_rss_kib);
		json_int(j, "file_rss_kb", v->reaped_file_rss_kib);
		json_int(j, "shmem_rss_kb", v->reaped_shmem_rss_kib);
		json_obj_end(j);
	} else {
		json_null(j, "reaped");
	}
	json_obj_end(j);
}

static void causes(struct json *j, const struct findings *fs)
{
	json_arr_begin(j, "causes");
	for (int i = 0; i < fs->n; i++) {
		const struct finding *x = &fs->items[i];
		json_obj_begin(j, NULL);
		json_str(j, "id", x->id);
		json_str(j, "severity", severity_name(x->severity));
		json_str(j, "summary", x->summary);
		/* how sure, and from which lines */
		json_str(j, "confidence", confidence_name(x->confidence));
		json_obj_begin(j, "basis");
		json_arr_begin(j, "read");
		for (unsigned b = 0; b < BASIS_NR; b++)
			if (x->basis_read & (1u << b))
				json_str(j, NULL, basis_read_name(1u << b));
		json_arr_end(j);
		json_arr_begin(j, "missing");
		for (unsigned b = 0; b < BASIS_NR; b++)
			if (x->basis_missing & (1u << b))
				json_str(j, NULL, basis_missing_name(1u << b));
		json_arr_end(j);
		if (x->basis_note[0])
			json_str(j, "inferred", x->basis_note);
		else
			json_null(j, "inferred");
		json_obj_end(j);
		json_arr_begin(j, "evidence");
		for (int k = 0; k < x->nr_evidence; k++)
			json_str(j, NULL, x->evidence[k]);
		json_arr_end(j);
		json_arr_begin(j, "advice");
		for (int k = 0; k < x->nr_advice; k++)
			json_str(j, NULL, x->advice[k]);
		json_arr_end(j);
		json_obj_end(j);
	}
	json_arr_end(j);
}

void render_explain_json_begin(struct json *j)
{
	json_obj_begin(j, NULL);
	json_int(j, "schema", 1);
	json_str(j, "generator", "oomkit " OOMKIT_VERSION);
	json_arr_begin(j, "events");
}

void render_explain_json_event(struct json *j, const struct oom_event *ev, const struct event_analysis *a,
			       const struct findings *fs)
{
	json_obj_begin(j, NULL);
	json_str(j, "kind", oom_kind_name(ev->kind));
	json_bool(j, "kind_inferred", ev->kind_inferred);
	json_str(j, "outcome", oom_outcome_name(ev->outcome));
	if (ev->alloc_stall_ms > 1)
		json_int(j, "stall_ms", ev->alloc_stall_ms);
	else
		json_null(j, "stall_ms");
	str_or_null(j, "kernel", ev->kernel);
	str_or_null(j, "arch", ev->arch);
	str_or_null(j, "time", ev->time);
	char iso[40];
	if (ev->wall_time > 0 && ev->wall_basis != WALL_NONE && fmt_iso8601(iso, sizeof(iso), ev->wall_time))
		json_str(j, "time_iso", iso);
	else
		json_null(j, "time_iso");
	json_str(j, "time_basis", walltime_basis_name((enum walltime_basis)ev->wall_basis));
	str_or_null(j, "host", ev->host);
	json_obj_begin(j, "location");
	str_or_null(j, "source", ev->source);
	json_int(j, "first_line", ev->first_line ? (int64_t)ev->first_line : OOM_NA);
	json_int(j, "last_line", ev->last_line ? (int64_t)ev->last_line : OOM_NA);
	json_obj_end(j);
	trigger(j, ev);
	request(j, ev, a);
	str_or_null(j, "constraint", ev->constraint);
	str_or_null(j, "cpuset", ev->cpuset);
	str_or_null(j, "mems_allowed", ev->mems_allowed);
	memcg(j, ev, a);
	memory(j, a);
	json_int(j, "page_size_kb", a->page_size_kib);
	zones(j, ev, a);
	if (ev->have_task_table) {
		json_arr_begin(j, "tasks");
		for (size_t i = 0; i < ev->snap.nr_tasks; i++)
			task(j, &ev->snap.tasks[i], a->page_size_kib);
		json_arr_end(j);
	} else {
		json_null(j, "tasks");
	}
	json_bool(j, "tasks_truncated", ev->snap.tasks_truncated);
	json_int(j, "totalpages", a->totalpages);
	victim(j, ev, a);
	json_arr_begin(j, "swap_did_not_help");
	for (int i = 0; i < a->nr_swap_reasons; i++)
		json_str(j, NULL, a->swap_reasons[i]);
	json_arr_end(j);
	json_int(j, "panic_on_oom", ev->panic_on_oom ? ev->panic_on_oom : OOM_NA);
	json_bool(j, "truncated", ev->truncated);
	json_arr_begin(j, "warnings");
	for (int i = 0; i < ev->nr_warnings && i < OOM_MAX_WARNINGS; i++)
		json_str(j, NULL, ev->warnings[i]);
	json_arr_end(j);
	causes(j, fs);
	json_obj_end(j);
}

void render_explain_json_sources_begin(struct json *j)
{
	json_arr_end(j);
	json_arr_begin(j, "sources");
}

void render_explain_json_source(struct json *j, const char *name, const char *kind, bool ok,
				uint64_t bytes, uint64_t lines, int events, const char *error)
{
	json_obj_begin(j, NULL);
	json_str(j, "name", name);
	json_str(j, "kind", kind);
	json_bool(j, "read", ok);
	json_uint(j, "bytes", bytes);
	json_uint(j, "lines", lines);
	json_int(j, "events", events);
	str_or_null(j, "error", error);
	json_obj_end(j);
}

void render_explain_json_end(struct json *j)
{
	json_arr_end(j);
	json_obj_end(j);
	json_end(j);
}
