/* html_live.c — `status --html` and `top --html`: the audit's findings and
 * the live figures drawn as in explain's report (memory bar, zones against
 * their watermarks, free blocks, overcommit committed against its limit),
 * and the ranking of who the OOM killer picks next. */
#include <stdlib.h>
#include <string.h>

#include "diagnose/live_rules.h"
#include "render/html.h"

static void mem_bar(FILE *f, const struct oom_mem *m)
{
	struct html_seg s[12];
	int n = 0;
	int64_t anon = m->anon_kib;
	/* Active(anon)+Inactive(anon) hold shmem: drawn apart, not twice */
	if (known(anon) && known(m->shmem_kib) && m->shmem_kib <= anon)
		anon -= m->shmem_kib;
	s[n++] = (struct html_seg){ "anon", "anonymous", anon };
	s[n++] = (struct html_seg){ "shmem", "shmem / tmpfs", m->shmem_kib };
	s[n++] = (struct html_seg){ "file", "page cache", m->file_kib };
	if (known(m->unevictable_kib) && m->unevictable_kib > 0)
		s[n++] = (struct html_seg){ "unevict", "unevictable (mlocked)", m->unevictable_kib };
	s[n++] = (struct html_seg){ "slabr", "slab reclaimable", m->slab_reclaimable_kib };
	s[n++] = (struct html_seg){ "slabu", "slab unreclaimable", m->slab_unreclaimable_kib };
	s[n++] = (struct html_seg){ "pgtab", "page tables", m->pagetables_kib };
	s[n++] = (struct html_seg){ "kstack", "kernel stacks", m->kernel_stack_kib };
	s[n++] = (struct html_seg){ "huge", "huge pages", m->hugetlb_kib };
	int64_t sum = 0;
	for (int i = 0; i < n; i++)
		if (known(s[i].kib) && s[i].kib > 0)
			sum += s[i].kib;
	if (known(m->free_kib))
		sum += m->free_kib;
	s[n++] = (struct html_seg){ "unacc", "rest (no counter above)",
				    known(m->total_kib) && m->total_kib > sum ? m->total_kib - sum : OOM_NA };
	s[n++] = (struct html_seg){ "free", "free", m->free_kib };
	html_stacked_bar(f, "mem", "RAM now", s, n, m->total_kib);
	if (known(m->swap_total_kib) && m->swap_total_kib > 0) {
		struct html_seg w[2] = {
			{ "swapused", "swap used", known(m->swap_free_kib) ? m->swap_total_kib - m->swap_free_kib : OOM_NA },
			{ "free", "swap free", m->swap_free_kib },
		};
		html_stacked_bar(f, "swap", "Swap now", w, 2, m->swap_total_kib);
	} else if (known(m->swap_total_kib)) {
		fputs("<p><strong>Swap:</strong> none.</p>\n", f);
	}
}

static void overcommit(FILE *f, const struct status_view *v, const struct live_facts *fa)
{
	const struct oom_mem *m = &v->s->mem;
	const struct oom_system *vm = v->vm;
	fputs("<h2>Overcommit</h2>\n<p>Mode ", f);
	if (known(vm->overcommit_memory))
		fprintf(f, "%lld (%s)", (long long)vm->overcommit_memory,
			vm->overcommit_memory == 0 ? "heuristic" : vm->overcommit_memory == 1 ? "always"
			: "never: strict accounting");
	else
		fputs("unknown", f);
	fputs(vm->overcommit_memory == 2 ? ": the limit is enforced.</p>\n"
	      : ": the limit below is enforced only in mode 2.</p>\n", f);
	struct html_seg s[2];
	int64_t used = m->committed_as_kib, lim = m->commit_limit_kib;
	if (known(used) && known(lim) && used > lim) {
		s[0] = (struct html_seg){ "anon", "committed up to the limit", lim };
		s[1] = (struct html_seg){ "swapused", "committed past the limit", used - lim };
	} else {
		s[0] = (struct html_seg){ "anon", "committed (Committed_AS)", used };
		s[1] = (struct html_seg){ "free", "headroom under CommitLimit", fa->commit_headroom_kib };
	}
	html_stacked_bar(f, "commit", "Committed_AS against CommitLimit", s, 2, lim);
}

static void zones(FILE *f, const struct status_view *v, const struct live_facts *fa)
{
	const struct oom_snapshot *s = v->s;
	fputs("<h2>Zones</h2>\n", f);
	int nz = s->nr_zones < OOM_MAX_ZONES ? s->nr_zones : OOM_MAX_ZONES;
	struct html_zone_row *rows = calloc((size_t)(nz ? nz : 1), sizeof(*rows));
	if (!rows)
		return;
	int n = 0;
	int64_t psz = known(s->page_size_kib) ? s->page_size_kib : 4;
	for (int i = 0; i < nz; i++) {
		const struct oom_zone *z = &s->zones[i];
		const struct live_zone_facts *zf = &fa->zones[i];
		if (!zf->usable)
			continue;
		struct html_zone_row *r = &rows[n++];
		html_zone_row_fill(r, z);
		/* the reserve a request from the highest zone meets here (the
		 * largest lowmem_reserve entry: mm/page_alloc.c, its own is 0) */
		int64_t res = OOM_NA;
		for (int k = 0; k < z->nr_lowmem_reserve && k < OOM_MAX_ZONE_IDX; k++)
			if (known(z->lowmem_reserve_pages[k]) && (!known(res) || z->lowmem_reserve_pages[k] > res))
				res = z->lowmem_reserve_pages[k];
		r->reserve_kib = known(res) ? sat_mul(res, psz) : OOM_NA;
		r->need_kib = known(z->min_kib) && known(r->reserve_kib) ? z->min_kib + r->reserve_kib : OOM_NA;
		/* without buddyinfo the verdict stays html_zone_row_fill's "unknown" */
		if (zf->orders_known && !zf->order_ok[0]) {
			r->verdict = "below min + reserve";
			r->cls = "bad";
		} else if (zf->orders_known && !zf->order_ok[3]) {
			r->verdict = "no order-3 block";
			r->cls = "warn";
		} else if (zf->orders_known) {
			r->verdict = "ok";
			r->cls = "ok";
		}
	}
	html_zone_chart(f, "Each zone's free memory against its watermarks, now", rows, n);
	free(rows);
	html_buddy_map(f, s, s->page_size_kib, OOM_NA, NULL);
}

void render_status_html(FILE *f, const struct status_view *v)
{
	const struct oom_system *vm = v->vm;
	struct live_facts *fa = calloc(1, sizeof(*fa));
	if (!fa)
		return;
	live_facts_compute(v->s, vm, fa);
	html_page_begin(f, "oomkit status");
	fputs("<h1>oomkit status: is this machine set up to OOM?</h1>\n<p class=\"dim\">", f);
	if (v->root) {
		fputs("captured tree ", f);
		html_esc(f, v->root);
		fputs(" · ", f);
	}
	fputs("kernel ", f);
	html_esc(f, vm->kernel_release[0] ? vm->kernel_release : "unknown");
	if (vm->arch[0]) {
		fputc(' ', f);
		html_esc(f, vm->arch);
	}
	fputs("</p>\n<section id=\"summary\">\n<h2>Findings</h2>\n", f);
	int worst = -1;
	for (int i = 0; i < v->f->n; i++)
		if ((int)v->f->items[i].severity > worst)
			worst = (int)v->f->items[i].severity;
	fprintf(f, "<div class=\"verdict%s\"><p class=\"big\">", worst == SEV_CRITICAL ? "" : " none");
	if (v->f->n == 0)
		fputs("No risk found in what could be read.", f);
	else {
		fprintf(f, "%d finding(s); the first: ", v->f->n);
		html_esc(f, v->f->items[0].summary);
	}
	fputs("</p></div>\n<ol class=\"findings\">\n", f);
	for (int i = 0; i < v->f->n; i++)
		html_finding(f, &v->f->items[i]);
	fputs("</ol>\n</section>\n<h2>Memory</h2>\n", f);
	if (v->meminfo_known)
		mem_bar(f, &v->s->mem);
	else
		fputs("<p class=\"dim\">Unknown (no proc/meminfo).</p>\n", f);
	overcommit(f, v, fa);
	zones(f, v, fa);
	fputs("<h2>Pressure and history</h2>\n<p>", f);
	if (vm->psi_known) {
		fprintf(f, "PSI memory some %.2f / %.2f / %.2f %% (avg10/60/300)", vm->psi.some.avg10, vm->psi.some.avg60,
			vm->psi.some.avg300);
		if (vm->psi.full.known)
			fprintf(f, ", full %.2f / %.2f / %.2f %%", vm->psi.full.avg10, vm->psi.full.avg60,
				vm->psi.full.avg300);
		fputs(". ", f);
	} else {
		fputs("PSI unknown (no proc/pressure/memory). ", f);
	}
	if (known(vm->oom_kill_count))
		fprintf(f, "OOM kills since boot: %lld. ", (long long)vm->oom_kill_count);
	const struct oom_history *h = v->h;
	if (h && h->have_last) {
		fprintf(f, "Last kernel OOM report (%d in the log): %s", h->nr_events, h->last_kind);
		if (h->last_time[0]) {
			fputs(" at ", f);
			html_esc(f, h->last_time);
		}
		if (h->last_victim[0]) {
			fputs(", killed ", f);
			html_esc(f, h->last_victim);
		}
		if (h->last_cause_id[0]) {
			fputs("; likely cause <code>", f);
			html_esc(f, h->last_cause_id);
			fputs("</code>: ", f);
			html_esc(f, h->last_cause);
		}
		fputs(" (<code>oomkit explain --html</code> draws it).", f);
	} else if (h && !h->log_read) {
		fputs("Kernel log: ", f);
		html_esc(f, h->log_error);
	}
	fputs("</p>\n", f);
	html_page_end(f);
	free(fa);
}

void render_top_html(FILE *f, const struct top_view *v)
{
	int64_t psz = known(v->s->page_size_kib) && v->s->page_size_kib > 0 ? v->s->page_size_kib : 4;
	html_page_begin(f, "oomkit top");
	fputs("<h1>Who the OOM killer picks next</h1>\n<p class=\"dim\">kernel ", f);
	html_esc(f, v->release[0] ? v->release : "unknown (newest rules assumed)");
	fputs(" · OOM domain: ", f);
	if (v->memcg) {
		fputs("memory cgroup <code>", f);
		html_esc(f, v->scope);
		fputs("</code>", f);
		char kd[400];
		if (kube_describe(kd, sizeof(kd), v->scope, strlen(v->scope), v->kube)) {
			fputs(" (", f);
			html_esc(f, kd);
			fputc(')', f);
		}
		if (!v->limit_unlimited) {
			fputs(", limit ", f);
			html_kib(f, v->scope_limit_kib);
			fputs(", usage ", f);
			html_kib(f, v->scope_usage_kib);
		}
	} else {
		fputs("the machine", f);
	}
	if (known(v->totalpages))
		fprintf(f, " · totalpages %lld", (long long)v->totalpages);
	fputs("</p>\n<section id=\"summary\">\n<div class=\"verdict\"><p class=\"big\">", f);
	if (v->n_ranked == 0) {
		fputs("No process is a candidate.", f);
	} else {
		const struct oom_task *x = &v->s->tasks[v->order[0]];
		fputs("Next victim: <span class=\"victim-name\">", f);
		html_esc(f, x->comm);
		fprintf(f, "</span> (pid %lld)", (long long)x->pid);
		if (v->n_ranked >= 2) {
			const struct oom_task *y = &v->s->tasks[v->order[1]];
			fputs(", ahead of ", f);
			html_esc(f, y->comm);
			fprintf(f, " (pid %lld) by ", (long long)y->pid);
			html_kib(f, sat_mul(v->lead_pages, psz));
		}
	}
	fputs("</p></div>\n</section>\n<h2>Ranked by the kernel's badness</h2>\n"
	      "<table class=\"tasks\"><thead><tr><th class=\"n\">rank</th><th>name</th><th class=\"n\">pid</th>"
	      "<th class=\"n\">rss</th><th class=\"n\">swap</th><th class=\"n\">oom_score_adj</th>"
	      "<th class=\"n\">badness</th><th class=\"n\">oom_score</th><th>against the first</th><th>cgroup</th>"
	      "</tr></thead><tbody>\n", f);
	int64_t top = v->n_ranked ? v->s->tasks[v->order[0]].badness : 0;
	size_t show = v->n_show < v->n_ranked ? v->n_show : v->n_ranked;
	for (size_t k = 0; k < show; k++) {
		const struct oom_task *t = &v->s->tasks[v->order[k]];
		fprintf(f, "<tr%s><td class=\"n\">%zu</td><td>", k == 0 ? " class=\"victim\"" : "", k + 1);
		html_esc(f, t->comm);
		if (k == 0)
			fputs(" <span class=\"tag victim\">next</span>", f);
		if (known(t->oom_score_adj) && t->oom_score_adj != 0)
			fprintf(f, " <span class=\"tag adj\">adj %+lld</span>", (long long)t->oom_score_adj);
		fprintf(f, "</td><td class=\"n\">%lld</td><td class=\"n\">", (long long)t->pid);
		html_kib(f, known(t->rss_pages) ? sat_mul(t->rss_pages, psz) : OOM_NA);
		fputs("</td><td class=\"n\">", f);
		html_kib(f, known(t->swapents_pages) ? sat_mul(t->swapents_pages, psz) : OOM_NA);
		fputs("</td><td class=\"n\">", f);
		if (known(t->oom_score_adj))
			fprintf(f, "%lld", (long long)t->oom_score_adj);
		fprintf(f, "</td><td class=\"n\">%lld</td><td class=\"n\">", (long long)t->badness);
		if (known(t->oom_score))
			fprintf(f, "%lld", (long long)t->oom_score);
		fputs("</td><td>", f);
		html_badness_bar(f, t->badness, top, k == 0);
		fputs("</td><td><code>", f);
		html_esc(f, t->cgroup);
		fputs("</code>", f);
		char kd[400];
		if (kube_describe(kd, sizeof(kd), t->cgroup, strlen(t->cgroup), v->kube)) {
			fputs("<br>", f);
			html_esc(f, kd);
		}
		fputs("</td></tr>\n", f);
	}
	fputs("</tbody></table>\n", f);
	if (show < v->n_ranked)
		fprintf(f, "<p class=\"dim\">%zu more ranked (-n N shows more).</p>\n", v->n_ranked - show);
	fprintf(f, "<p class=\"dim\">%zu ranked, %zu immune (oom_score_adj -1000 or init), %zu kernel threads "
		"(never candidates).</p>\n", v->n_ranked, v->n_immune, v->n_kthreads);
	html_page_end(f);
}
