/* html_explain.c — one OOM event as a page section: the verdict first, then
 * the request, the constraint, where the memory was (stacked bars), why each
 * zone failed (watermarks, free blocks), the tasks ranked by badness and the
 * causes.  Reads the same analysis and findings as the text and JSON
 * renderers, so the three never disagree. */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "model/kernel.h"
#include "model/kubepods.h"
#include "render/html.h"
#include "render/render.h"
#include "report/walltime.h"

#define HTML_TOP_TASKS 40

static void cp(char *dst, size_t n, const char *s)
{
	str_copy(dst, n, s, strlen(s));
}

/* When the event happened, as the summary and the heading show it: its
 * wall-clock time (report/walltime.h) as an absolute date — a page kept in a
 * ticket must not say "12 min ago" — else the stamp as printed. */
static const char *event_when(const struct oom_event *ev, char *buf, size_t len)
{
	time_t t = (time_t)ev->wall_time;
	struct tm tm;
	if (ev->wall_time > 0 && localtime_r(&t, &tm) && strftime(buf, len, "%Y-%m-%d %H:%M:%S %Z", &tm) > 0)
		return buf;
	return ev->time;
}

/* ---- verdict --------------------------------------------------------------- */

static void victim_choice(FILE *f, const struct oom_event *ev, const struct event_analysis *a)
{
	const struct oom_task *best = a->best_idx >= 0 ? &ev->snap.tasks[a->best_idx] : NULL;
	const struct oom_task *second = a->second_idx >= 0 ? &ev->snap.tasks[a->second_idx] : NULL;
	switch (a->victim_verdict) {
	case VICTIM_BEST:
		fputs("<p><strong>Choice:</strong> the kernel's best choice by its own badness arithmetic", f);
		if (second) {
			fputs("; next was ", f);
			html_esc(f, second->comm);
			fprintf(f, " (pid %lld)", (long long)second->pid);
			if (known(a->margin_kib)) {
				fputs(", ", f);
				html_kib(f, a->margin_kib);
				fputs(" behind", f);
			}
		}
		fputs(".</p>\n", f);
		break;
	case VICTIM_TIE:
		fputs("<p><strong>Choice:</strong> tied on points with the runner-up; the task-list order decided.</p>\n", f);
		break;
	case VICTIM_NOT_BEST:
	case VICTIM_NOT_IN_TABLE:
		fputs("<p><strong>Choice:</strong> by the era's arithmetic the kernel would have picked ", f);
		if (best) {
			html_esc(f, best->comm);
			fprintf(f, " (pid %lld)", (long long)best->pid);
		} else {
			fputs("another task", f);
		}
		fputs(a->victim_verdict == VICTIM_NOT_IN_TABLE ? "; the victim is not in the task table.</p>\n"
				: "; the table is printed before the choice, so a task that changed in between explains it.</p>\n", f);
		break;
	case VICTIM_ALLOCATING_TASK:
		fputs("<p><strong>Choice:</strong> the allocating task was killed without comparing candidates "
		      "(vm.oom_kill_allocating_task, or an old kernel's MPOL_BIND/cpuset rule).</p>\n", f);
		break;
	case VICTIM_UNKNOWN:
		break;
	}
}

static void verdict(FILE *f, const struct oom_event *ev, const struct event_analysis *a, const struct findings *fs)
{
	fprintf(f, "<div class=\"verdict%s\">\n<p class=\"big\">", ev->have_victim ? "" : " none");
	if (ev->have_victim) {
		const struct oom_victim *v = &ev->victim;
		fputs("Killed <span class=\"victim-name\">", f);
		html_esc(f, v->comm);
		if (known(v->pid))
			fprintf(f, "</span> (pid %lld)", (long long)v->pid);
		else
			fputs("</span>", f);
		if (known(v->anon_rss_kib)) {
			fputs(": anon ", f);
			html_kib(f, v->anon_rss_kib);
			if (known(v->file_rss_kib)) {
				fputs(", file ", f);
				html_kib(f, v->file_rss_kib);
			}
			if (known(v->shmem_rss_kib)) {
				fputs(", shmem ", f);
				html_kib(f, v->shmem_rss_kib);
			}
		}
		if (known(v->oom_score_adj))
			fprintf(f, ", oom_score_adj %lld", (long long)v->oom_score_adj);
	} else if (ev->alloc_stall_ms > 0) {
		fputs("Nothing was killed: the allocation was still being retried", f);
	} else if (ev->kind == OOM_KIND_ALLOC_FAILURE) {
		fputs("Nothing was killed: a page allocation failed and its caller got NULL", f);
	} else {
		fputs("Nothing was killed: ", f);
		fputs(explain_outcome_text(ev->outcome), f);
	}
	fputs("</p>\n", f);
	if (fs->n > 0) {
		const struct finding *x = &fs->items[0];
		fputs("<p><strong>Cause:</strong> ", f);
		html_esc(f, x->summary);
		fputs(" <code>", f);
		html_esc(f, x->id);
		fputs("</code>", f);
		char bb[512];
		const char *conf = html_finding_confidence(x), *basis = html_finding_basis(x, bb, sizeof(bb));
		fputs("</p>\n<p><strong>Confidence:</strong> ", f);
		if (conf)
			html_esc(f, conf);
		else
			fprintf(f, "%s; the most likely of %d cause(s) considered", severity_name(x->severity), fs->n);
		if (basis) {
			fputs("; <strong>basis:</strong> ", f);
			html_esc(f, basis);
		}
		fputs("</p>\n", f);
		if (x->nr_advice > 0) {
			fputs("<p><strong>Advice:</strong> ", f);
			html_esc(f, x->advice[0]);
			fputs("</p>\n", f);
		}
	}
	victim_choice(f, ev, a);
	fputs("</div>\n", f);
}

/* ---- request, constraint ----------------------------------------------------------- */

static void request(FILE *f, const struct oom_event *ev, const struct event_analysis *a)
{
	fputs("<h3>What was asked for</h3>\n<p>", f);
	if (ev->req.trigger_comm[0]) {
		fputs("<strong>", f);
		html_esc(f, ev->req.trigger_comm);
		fputs("</strong>", f);
		if (known(ev->req.trigger_pid))
			fprintf(f, " (pid %lld)", (long long)ev->req.trigger_pid);
	} else if (known(ev->req.trigger_pid)) {
		fprintf(f, "The allocating process, pid %lld (its name not in the report),", (long long)ev->req.trigger_pid);
	} else if (ev->side.cma_alone) {
		fputs("A driver", f);
	} else {
		fputs("The allocating process (not in the report)", f);
	}
	if (ev->side.cma_alone && known(ev->side.cma_pages)) {
		/* report/linekind.c line_kind_cma_failure: pages and area only */
		fputs(" asked the CMA area", f);
		if (ev->side.cma_name[0]) {
			fputs(" <code>", f);
			html_esc(f, ev->side.cma_name);
			fputs("</code>", f);
		}
		fprintf(f, " for %lld contiguous pages (", (long long)ev->side.cma_pages);
		html_kib(f, oom_pages_to_kib(ev->side.cma_pages, a->page_size_kib));
		fputs(known(a->page_size_kib) ? ")." : " at 4 KiB pages).", f);
		goto constraint;
	}
	if (a->sysrq)
		fputs(" ran a manual OOM kill (sysrq f): nothing was allocated.", f);
	else if (ev->req.nommu_known && !known(ev->req.order)) {
		fputs(" mapped ", f);
		html_kib(f, ev->req.nommu_bytes / 1024);
		fputs(" without an MMU: one contiguous block (the order is not printed).", f);
	} else if (ev->req.over_max_order && !known(ev->req.order))
		fputs(" asked for a block of order MAX_ORDER or more (the order is not printed): larger than the largest block the allocator keeps.", f);
	else if (known(ev->req.order)) {
		fprintf(f, " made an order-%lld request", (long long)ev->req.order);
		if (known(a->request_bytes)) {
			fputs(" (", f);
			html_kib(f, a->request_bytes / 1024);
			fputs(")", f);
		}
		fputc('.', f);
	} else {
		fputs(": the order is not in the report.", f);
	}
	if (a->gfp_hex[0]) {
		fputs("<br>gfp_mask <code>", f);
		html_esc(f, a->gfp_hex);
		fputs("</code> = <code>", f);
		if (a->gfp_names_printed[0])
			html_esc(f, a->gfp_names_printed);
		else
			for (int i = 0; i < a->nr_gfp_names; i++) {
				if (i)
					fputc('|', f);
				html_esc(f, a->gfp_names[i]);
			}
		fputs("</code>", f);
		if (ev->req.gfp_known && ev->req.gfp_mask != 0 && !a->sysrq) {
			fputs("<br>", f);
			if (a->zone_name) {
				fputs("May use zones up to ", f);
				html_esc(f, a->zone_name);
				fputs("; ", f);
			}
			fputs(a->atomic ? "atomic: may not sleep, reclaim or swap"
			      : !a->can_io ? "may reclaim but not do I/O (no swap-out)"
			      : !a->can_fs ? "may reclaim and swap but not enter the filesystem"
			      : "may sleep, reclaim and swap", f);
			fputc('.', f);
		}
	}
constraint:
	fputs("</p>\n<h3>Constraint</h3>\n<p>", f);
	if (a->memcg) {
		const struct oom_memcg *m = &ev->snap.memcg;
		fputs("Memory cgroup <code>", f);
		html_esc(f, ev->oom_memcg[0] ? ev->oom_memcg : m->path[0] ? m->path : "(path not in the report)");
		fputs("</code>: usage ", f);
		html_kib(f, m->usage_kib);
		fputs(" of limit ", f);
		if (known(m->limit_kib) && m->limit_kib >= (1LL << 50))
			fputs("unlimited", f);
		else
			html_kib(f, m->limit_kib);
		if (known(m->failcnt))
			fprintf(f, ", failcnt %lld", (long long)m->failcnt);
		fputs(". The machine's free memory did not matter.", f);
		char k[400];
		const char *kp = ev->task_memcg[0] ? ev->task_memcg : ev->oom_memcg[0] ? ev->oom_memcg : m->path;
		if (kube_describe(k, sizeof(k), kp, strlen(kp), NULL)) {
			fputs(" Kubernetes: ", f);
			html_esc(f, k);
			fputc('.', f);
		}
	} else if (a->cpuset) {
		fputs("cpuset: only nodes ", f);
		html_esc(f, ev->mems_allowed[0] ? ev->mems_allowed : "?");
		fputs(" were allowed.", f);
	} else if (a->mempolicy) {
		fputs("memory policy: only nodes ", f);
		html_esc(f, ev->req.nodemask[0] ? ev->req.nodemask : "?");
		fputs(" were allowed.", f);
	} else if (a->sysrq) {
		fputs("Manual: sysrq f asks the OOM killer to kill one task now.", f);
	} else if (ev->kind == OOM_KIND_ALLOC_FAILURE) {
		fputs("None: the page allocator gave up on this request.", f);
	} else if (ev->kind == OOM_KIND_UNKNOWN) {
		fputs("Not in the report (its header is missing).", f);
	} else if (a->charge_mask_alone) {
		fputs("Not in the report: the header alone does not tell the whole machine from a memory cgroup (its GFP_KERNEL mask is a cgroup charge&#8217;s too).", f);
	} else if (a->kill_bare_alone) {
		fputs("Not in the report: a bare kill line does not tell the whole machine from a memory cgroup (taken as the whole machine&#8217;s).", f);
	} else {
		fputs("Global: the whole machine's memory.", f);
	}
	if (ev->constraint[0]) {
		fputs(" <code>constraint=", f);
		html_esc(f, ev->constraint);
		fputs("</code>", f);
	}
	fputs("</p>\n", f);
}

/* ---- memory --------------------------------------------------------------------- */

/* a − b when both are known and a ≥ b (anon holds shmem; memcg file holds
 * shmem): the parts a stacked bar can put side by side. */
static int64_t minus(int64_t a, int64_t b)
{
	if (!known(a))
		return OOM_NA;
	if (!known(b) || b > a)
		return a;
	return a - b;
}

static void memory(FILE *f, const struct oom_event *ev, const struct event_analysis *a, int index)
{
	const struct mem_breakdown *m = &a->mem;
	char id[48];
	fputs("<h3>Where the memory was</h3>\n", f);
	snprintf(id, sizeof(id), "mem-%d", index);
	if (m->scope == MEM_SCOPE_SYSTEM) {
		struct html_seg s[13];
		int n = 0;
		bool old_slab = !known(m->slab_reclaimable_kib) && !known(m->slab_unreclaimable_kib) &&
				known(ev->snap.mem.slab_kib);
		s[n++] = (struct html_seg){ "anon", "anonymous", minus(m->anon_kib, m->shmem_kib) };
		s[n++] = (struct html_seg){ "shmem", "shmem / tmpfs", m->shmem_kib };
		s[n++] = (struct html_seg){ "file", "page cache", m->file_kib };
		if (known(m->unevictable_kib) && m->unevictable_kib > 0)
			s[n++] = (struct html_seg){ "unevict", "unevictable (mlocked)", m->unevictable_kib };
		if (old_slab) {
			s[n++] = (struct html_seg){ "slabu", "slab", ev->snap.mem.slab_kib };
		} else {
			s[n++] = (struct html_seg){ "slabr", "slab reclaimable", m->slab_reclaimable_kib };
			s[n++] = (struct html_seg){ "slabu", "slab unreclaimable", m->slab_unreclaimable_kib };
		}
		s[n++] = (struct html_seg){ "pgtab", "page tables", m->pagetables_kib };
		s[n++] = (struct html_seg){ "kstack", "kernel stacks", m->kernel_stack_kib };
		s[n++] = (struct html_seg){ "huge", "huge pages", m->hugetlb_kib };
		if (known(m->other_kib) && m->other_kib > 0)
			s[n++] = (struct html_seg){ "other", "other kernel counters", m->other_kib };
		s[n++] = (struct html_seg){ "unacc", "unaccounted (no counter)", m->unaccounted_kib };
		s[n++] = (struct html_seg){ "free", "free", m->free_kib };
		html_stacked_bar(f, id, "RAM", s, n, m->total_kib);
		if (m->totals_disagree)
			fputs("<p class=\"dim\">The report's pages RAM and its zones disagree: the unaccounted rest is not "
			      "computed.</p>\n", f);
	} else if (m->scope == MEM_SCOPE_MEMCG) {
		struct html_seg s[12];
		int n = 0;
		bool unlimited = known(m->total_kib) && m->total_kib >= (1LL << 50);
		s[n++] = (struct html_seg){ "anon", "anonymous", m->anon_kib };
		s[n++] = (struct html_seg){ "shmem", "shmem / tmpfs", m->shmem_kib };
		s[n++] = (struct html_seg){ "file", "page cache", minus(m->file_kib, m->shmem_kib) };
		if (!known(m->slab_reclaimable_kib) && !known(m->slab_unreclaimable_kib) &&
		    known(ev->snap.memcg.kmem_usage_kib)) {
			s[n++] = (struct html_seg){ "slabu", "kernel memory (kmem)", ev->snap.memcg.kmem_usage_kib };
		} else {
			s[n++] = (struct html_seg){ "slabr", "slab reclaimable", m->slab_reclaimable_kib };
			s[n++] = (struct html_seg){ "slabu", "slab unreclaimable", m->slab_unreclaimable_kib };
		}
		s[n++] = (struct html_seg){ "pgtab", "page tables", m->pagetables_kib };
		s[n++] = (struct html_seg){ "kstack", "kernel stacks", m->kernel_stack_kib };
		if (known(m->other_kib) && m->other_kib > 0)
			s[n++] = (struct html_seg){ "other", "sock, percpu", m->other_kib };
		s[n++] = (struct html_seg){ "unacc", "unaccounted (no counter)", m->unaccounted_kib };
		if (!unlimited)
			s[n++] = (struct html_seg){ "free", "left under the limit", m->free_kib };
		html_stacked_bar(f, id, unlimited ? "The cgroup's usage (no limit)" : "The cgroup, against its limit", s, n,
				 unlimited ? m->used_kib : m->total_kib);
	} else {
		fputs("<p class=\"dim\">The memory summary (Mem-Info) is not in the report.</p>\n", f);
	}
	if (known(m->swap_total_kib) && m->swap_total_kib > 0) {
		struct html_seg s[2] = {
			{ "swapused", "swap used", known(m->swap_free_kib) ? m->swap_total_kib - m->swap_free_kib : OOM_NA },
			{ "free", "swap free", m->swap_free_kib },
		};
		snprintf(id, sizeof(id), "swap-%d", index);
		html_stacked_bar(f, id, "Swap", s, 2, m->swap_total_kib);
	} else if (known(m->swap_total_kib)) {
		fputs("<p><strong>Swap:</strong> none configured.</p>\n", f);
	} else {
		fputs("<p class=\"dim\">Swap: not in the report.</p>\n", f);
	}
	if (a->nr_swap_reasons > 0) {
		fputs("<p><strong>Why swap did not help:</strong></p><ul>", f);
		for (int i = 0; i < a->nr_swap_reasons; i++) {
			fputs("<li>", f);
			html_esc(f, a->swap_reasons[i]);
			fputs("</li>", f);
		}
		fputs("</ul>\n", f);
	}
}

/* ---- zones ------------------------------------------------------------------------ */

static void zones(FILE *f, const struct oom_event *ev, const struct event_analysis *a)
{
	const struct oom_snapshot *s = &ev->snap;
	fputs("<h3>Why the request failed</h3>\n", f);
	if (a->memcg)
		fprintf(f, "<p>The cgroup's charge would have exceeded its limit and reclaim inside the cgroup could not "
			"free enough%s</p>\n", s->nr_zones > 0 ? ": the zones below are the machine's, drawn for reference."
							       : "; the machine's free memory did not matter.");
	else if (a->sysrq)
		fputs("<p>It did not fail: the OOM killer was called by hand.</p>\n", f);
	int nz = s->nr_zones < OOM_MAX_ZONES ? s->nr_zones : OOM_MAX_ZONES;
	struct html_zone_row *rows = calloc((size_t)(nz ? nz : 1), sizeof(*rows));
	bool usable[OOM_MAX_ZONES];
	if (!rows)
		return;
	for (int i = 0; i < nz; i++) {
		const struct oom_zone *z = &s->zones[i];
		const struct zone_verdict *zv = &a->zone[i];
		struct html_zone_row *r = &rows[i];
		usable[i] = zv->usable || a->classzone < 0;
		html_zone_row_fill(r, z);
		r->reserve_kib = zv->usable ? zv->reserve_kib : OOM_NA;
		r->need_kib = zv->usable && known(zv->mark_kib) && known(zv->reserve_kib) ? zv->mark_kib + zv->reserve_kib
											   : OOM_NA;
		if (a->classzone < 0 && zv->node_allowed)
			r->verdict = "request unknown";
		else if (!zv->usable)
			r->verdict = zv->node_allowed ? "not usable" : "node not allowed";
		else if (!zv->evaluated)
			r->verdict = "unknown";
		else if (zv->ok) {
			r->verdict = "ok";
			r->cls = "ok";
		} else if (zv->ok_order0) {
			r->verdict = "no free block of the order";
			r->cls = "warn";
		} else {
			r->verdict = "below the watermark";
			r->cls = "bad";
		}
	}
	html_zone_chart(f, "Each zone's free memory against its watermarks", rows, nz);
	free(rows);
	html_buddy_map(f, s, a->page_size_kib, a->sysrq ? OOM_NA : ev->req.order, usable);
}

/* ---- tasks ------------------------------------------------------------------------ */

/* The most common oom_score_adj: a task set apart from it was set apart by
 * someone (systemd's OOMScoreAdjust=, a container runtime, a protected
 * daemon), which often explains a surprising choice. */
static int64_t adj_mode(const struct oom_snapshot *s)
{
	static unsigned cnt[2001];
	memset(cnt, 0, sizeof(cnt));
	for (size_t i = 0; i < s->nr_tasks; i++) {
		int64_t v = s->tasks[i].oom_score_adj;
		if (known(v) && v >= -1000 && v <= 1000)
			cnt[v + 1000]++;
	}
	int best = 1000;
	for (int i = 0; i < 2001; i++)
		if (cnt[i] > cnt[best])
			best = i;
	return best - 1000;
}

static void task_row(FILE *f, const struct oom_event *ev, const struct event_analysis *a, const struct oom_task *t,
		     size_t rank, int64_t top_points, int64_t mode, int64_t vpid)
{
	bool is_victim = known(vpid) && (t->pid == vpid || (ev->have_victim && t->pid == ev->victim.pid));
	bool outlier = known(t->oom_score_adj) && t->oom_score_adj != mode;
	fprintf(f, "<tr%s><td class=\"n\">%zu</td><td>", is_victim ? " class=\"victim\"" : "", rank);
	html_esc(f, t->comm);
	if (is_victim)
		fputs(" <span class=\"tag victim\">victim</span>", f);
	if (outlier)
		fprintf(f, " <span class=\"tag adj\">adj %+lld</span>", (long long)t->oom_score_adj);
	fprintf(f, "</td><td class=\"n\">%lld</td><td class=\"n\">", (long long)t->pid);
	if (known(t->uid))
		fprintf(f, "%lld", (long long)t->uid);
	fputs("</td><td class=\"n\">", f);
	html_kib(f, task_rss_kib(t, a->page_size_kib));
	fputs("</td><td class=\"n\">", f);
	html_kib(f, task_swap_kib(t, a->page_size_kib));
	fputs("</td><td class=\"n\">", f);
	html_kib(f, task_pgtables_kib(t, a->page_size_kib));
	fputs("</td><td class=\"n\">", f);
	if (known(t->oom_score_adj))
		fprintf(f, "%lld", (long long)t->oom_score_adj);
	fputs("</td><td class=\"n\">", f);
	if (known(t->badness))
		fprintf(f, "%lld", (long long)t->badness);
	else
		fputs(known(a->totalpages) ? "ineligible" : "?", f);
	fputs("</td><td>", f);
	html_badness_bar(f, t->badness, top_points, is_victim);
	fputs("</td></tr>\n", f);
}

static void tasks(FILE *f, const struct oom_event *ev, const struct event_analysis *a, bool verbose)
{
	const struct oom_snapshot *s = &ev->snap;
	fputs("<h3>Tasks ranked by the kernel's badness</h3>\n", f);
	if (!ev->have_task_table || s->nr_tasks == 0) {
		fputs("<p class=\"dim\">The task table (vm.oom_dump_tasks) is not in the report.</p>\n", f);
		return;
	}
	size_t *idx = explain_task_order(s);
	if (!idx)
		return;
	size_t n = s->nr_tasks, show = verbose || n <= HTML_TOP_TASKS ? n : HTML_TOP_TASKS;
	int64_t vpid = ev->have_victim ? (known(ev->victim.selected_pid) ? ev->victim.selected_pid : ev->victim.pid)
				       : OOM_NA;
	int64_t mode = adj_mode(s);
	int64_t top = known(s->tasks[idx[0]].badness) ? s->tasks[idx[0]].badness : 0;
	fputs("<table class=\"tasks\"><thead><tr><th class=\"n\">rank</th><th>name</th><th class=\"n\">pid</th>"
	      "<th class=\"n\">uid</th><th class=\"n\">rss</th><th class=\"n\">swap</th><th class=\"n\">page tables</th>"
	      "<th class=\"n\">oom_score_adj</th><th class=\"n\">badness</th><th>against the first</th></tr></thead><tbody>\n", f);
	bool victim_shown = false;
	for (size_t k = 0; k < n; k++) {
		const struct oom_task *t = &s->tasks[idx[k]];
		bool is_victim = known(vpid) && (t->pid == vpid || t->pid == ev->victim.pid);
		/* past the first rows, only the victim (so it is always seen) */
		if (k >= show && (!is_victim || victim_shown))
			continue;
		if (k >= show)
			fputs("<tr><td colspan=\"10\" class=\"dim\">…</td></tr>\n", f);
		victim_shown |= is_victim;
		task_row(f, ev, a, t, k + 1, top, mode, vpid);
	}
	fputs("</tbody></table>\n<p class=\"dim\">", f);
	if (show < n)
		fprintf(f, "The first %zu of %zu tasks (explain -v shows all). ", show, n);
	fputs("Ranked once, by the kernel's points (mm/oom_kill.c <code>oom_badness</code>) for this kernel's era; ", f);
	if (known(a->totalpages))
		fprintf(f, "totalpages %lld. ", (long long)a->totalpages);
	fprintf(f, "<strong>adj</strong> marks an oom_score_adj other than the usual %lld here.</p>\n", (long long)mode);
	free(idx);
}

/* ---- the event ----------------------------------------------------------------------- */

void html_explain_event(FILE *f, const struct oom_event *ev, const struct event_analysis *a,
			const struct findings *fs, int index, bool verbose, struct html_event_row *row)
{
	fprintf(f, "<section class=\"event\" id=\"event-%d\">\n<h2>OOM event %d: ", index, index);
	if (ev->alloc_stall_ms > 0)
		fputs("page allocation stall", f);
	else {
		fputs(explain_kind_text(ev, a), f);
		fputs(" — ", f);
		fputs(explain_outcome_text(ev->outcome), f);
	}
	fputs("</h2>\n<p class=\"dim\">", f);
	if (ev->kernel[0]) {
		fputs("kernel ", f);
		html_esc(f, ev->kernel);
	} else if (ev->kv.known) {
		fprintf(f, "kernel ~%d.%d (inferred)", ev->kv.major, ev->kv.minor);
	} else {
		fputs("kernel not in the report", f);
	}
	if (ev->arch[0]) {
		fputc(' ', f);
		html_esc(f, ev->arch);
	}
	char when[64];
	if (event_when(ev, when, sizeof(when))[0]) {
		fputs(" · ", f);
		html_esc(f, event_when(ev, when, sizeof(when)));
		if (ev->wall_time > 0 && ev->time[0]) {
			fputs(" <span class=\"dim\">(", f);
			html_esc(f, walltime_basis_name((enum walltime_basis)ev->wall_basis));
			fputs(")</span>", f);
		}
	}
	if (ev->host[0]) {
		fputs(" · host ", f);
		html_esc(f, ev->host);
	}
	if (ev->source[0]) {
		fputs(" · ", f);
		html_esc(f, ev->source);
		if (ev->first_line)
			fprintf(f, ":%llu-%llu", (unsigned long long)ev->first_line, (unsigned long long)ev->last_line);
	}
	fputs("</p>\n", f);
	if (ev->truncated)
		fputs("<p><strong>The report is cut:</strong> some parts are missing.</p>\n", f);
	if (ev->header_missing)
		fputs("<p><strong>The report's header is not in the input:</strong> only the kill lines are known.</p>\n", f);
	verdict(f, ev, a, fs);
	request(f, ev, a);
	memory(f, ev, a, index);
	zones(f, ev, a);
	tasks(f, ev, a, verbose);
	fputs("<h3>Causes, most likely first</h3>\n<ol class=\"findings\">\n", f);
	for (int i = 0; i < fs->n; i++)
		html_finding(f, &fs->items[i]);
	fputs("</ol>\n", f);
	for (int i = 0; i < ev->nr_warnings && i < OOM_MAX_WARNINGS; i++) {
		fputs("<p class=\"dim\">note: ", f);
		html_esc(f, ev->warnings[i]);
		fputs("</p>\n", f);
	}
	fputs("<p><a href=\"#summary\">back to the summary</a></p>\n</section>\n", f);
	if (row) {
		memset(row, 0, sizeof(*row));
		row->index = index;
		cp(row->time, sizeof(row->time), event_when(ev, when, sizeof(when)));
		cp(row->host, sizeof(row->host), ev->host);
		cp(row->kind, sizeof(row->kind), ev->alloc_stall_ms > 0 ? "allocation-stall" : oom_kind_name(ev->kind));
		cp(row->victim, sizeof(row->victim), ev->have_victim ? ev->victim.comm : "");
		row->victim_pid = ev->have_victim ? ev->victim.pid : OOM_NA;
		cp(row->cause, sizeof(row->cause), fs->n ? fs->items[0].id : "");
	}
}

/* ---- the summary ------------------------------------------------------------------------- */

static int cmp_victim(const void *pa, const void *pb)
{
	const struct html_event_row *a = *(const struct html_event_row *const *)pa;
	const struct html_event_row *b = *(const struct html_event_row *const *)pb;
	return strcmp(a->victim, b->victim);
}

void html_explain_summary(FILE *f, const struct html_event_row *rows, int n)
{
	fputs("<section id=\"summary\">\n", f);
	if (n > 1)
		fprintf(f, "<h2>%d events</h2>\n", n);
	if (n <= 0) {
		fputs("<p>No OOM event was found in the inputs.</p>\n</section>\n", f);
		return;
	}
	if (n == 1) {
		/* one event: its verdict comes first, no table before it */
		fputs("</section>\n", f);
		return;
	}
	fputs("<table class=\"summary\"><thead><tr><th class=\"n\">#</th><th>time</th><th>host</th><th>kind</th>"
	      "<th>victim</th><th>cause</th></tr></thead><tbody>\n", f);
	for (int i = 0; i < n; i++) {
		const struct html_event_row *r = &rows[i];
		fprintf(f, "<tr><td class=\"n\"><a href=\"#event-%d\">%d</a></td><td>", r->index, r->index);
		html_esc(f, r->time[0] ? r->time : "—");
		fputs("</td><td>", f);
		html_esc(f, r->host[0] ? r->host : "—");
		fprintf(f, "</td><td>%s%s</td><td>", r->incident ? "guard: " : "", r->kind);
		if (r->victim[0]) {
			html_esc(f, r->victim);
			if (known(r->victim_pid))
				fprintf(f, " (pid %lld)", (long long)r->victim_pid);
		} else {
			fputs("nobody", f);
		}
		fputs("</td><td><code>", f);
		html_esc(f, r->cause);
		fputs("</code></td></tr>\n", f);
	}
	fputs("</tbody></table>\n", f);
	const struct html_event_row **by = malloc((size_t)n * sizeof(*by));
	if (by) {
		for (int i = 0; i < n; i++)
			by[i] = &rows[i];
		qsort(by, (size_t)n, sizeof(*by), cmp_victim);
		fputs("<h3>Totals per victim name</h3>\n<table class=\"totals\"><thead><tr><th>victim</th>"
		      "<th class=\"n\">events</th><th>first</th></tr></thead><tbody>\n", f);
		for (int i = 0; i < n;) {
			int j = i;
			while (j < n && strcmp(by[j]->victim, by[i]->victim) == 0)
				j++;
			int first = by[i]->index;
			for (int k = i; k < j; k++)
				if (by[k]->index < first)
					first = by[k]->index;
			fputs("<tr><td>", f);
			html_esc(f, by[i]->victim[0] ? by[i]->victim : "(nobody killed)");
			fprintf(f, "</td><td class=\"n\">%d</td><td><a href=\"#event-%d\">event %d</a></td></tr>\n", j - i,
				first, first);
			i = j;
		}
		fputs("</tbody></table>\n", f);
		free(by);
	}
	fputs("</section>\n", f);
}
