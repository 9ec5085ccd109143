/* top.c — the `oomkit top` table and its JSON.  Draws the ranked view the
 * command gathered; reads nothing.  Process names and cgroup paths are
 * outside strings: escape_term for the terminal, the JSON writer's escaper
 * for JSON. */
#include <stdio.h>
#include <string.h>

#include "render/live_render.h"

static int64_t psz_of(const struct top_view *v)
{
	return known(v->s->page_size_kib) && v->s->page_size_kib > 0 ? v->s->page_size_kib : 4;
}

static int64_t pages_kib(int64_t pages, int64_t psz)
{
	return known(pages) ? sat_mul(pages, psz) : OOM_NA;
}

static int64_t pgtables_kib(const struct oom_task *t)
{
	return known(t->pgtables_bytes) ? t->pgtables_bytes / 1024 : OOM_NA;
}

/* rss + swap + page tables in pages: what the kernel counts before the adj. */
static int64_t footprint_pages(const struct oom_task *t, int64_t psz)
{
	int64_t p = known(t->rss_pages) ? t->rss_pages : 0;
	if (known(t->swapents_pages))
		p += t->swapents_pages;
	if (known(t->pgtables_bytes))
		p += t->pgtables_bytes / (psz * 1024);
	return p;
}

/* "12.3" with one decimal, without libm. */
static void fmt_share(char *dst, size_t len, int64_t part, int64_t whole)
{
	if (!known(whole) || whole <= 0 || !known(part)) {
		snprintf(dst, len, "?");
		return;
	}
	int64_t tenths = sat_mul(part, 1000) / whole;
	snprintf(dst, len, "%lld.%lld%%", (long long)(tenths / 10), (long long)(tenths % 10));
}

/* Escaped comm cut to width bytes, not inside a UTF-8 sequence or escape. */
static void comm_cell(char *dst, size_t len, const char *comm, size_t width)
{
	struct buf b = BUF_INIT;
	escape_term_buf(&b, comm, strlen(comm));
	size_t n = b.len;
	if (n > width) {
		n = width;
		while (n > 0 && ((unsigned char)b.data[n] & 0xC0) == 0x80)
			n--;
	}
	str_copy(dst, len, b.data ? b.data : "", n);
	buf_release(&b);
}

static const char *era_rule(const struct kver *kv)
{
	if (kver_cmp(kv, 2, 6, 36) < 0)
		return "total_vm with the old heuristics (approximate)";
	if (kver_cmp(kv, 3, 8, 0) < 0)
		return "(rss + swap + page tables) x 1000 / total + adj, 1..1000";
	if (kver_cmp(kv, 4, 17, 0) < 0)
		return "rss + swap + page tables - 3% for root + adj x total/1000";
	return "rss + swap + page tables + adj x total/1000";
}

static void row(FILE *f, const struct top_view *v, const struct oom_task *t, const char *rank,
		const struct style *st, bool hl)
{
	int64_t psz = psz_of(v);
	char rss[24], swp[24], pt[24], share[48], comm[40], bad[24], score[24];
	fmt_kib(rss, sizeof(rss), pages_kib(t->rss_pages, psz));
	fmt_kib(swp, sizeof(swp), pages_kib(t->swapents_pages, psz));
	fmt_kib(pt, sizeof(pt), pgtables_kib(t));
	comm_cell(comm, sizeof(comm), t->comm, 15);
	if (t->kthread) {
		snprintf(bad, sizeof(bad), "kthread");
		snprintf(score, sizeof(score), "0");
		snprintf(share, sizeof(share), "-");
	} else if (!known(t->badness)) {
		snprintf(bad, sizeof(bad), "immune");
		snprintf(score, sizeof(score), "0");
		fmt_share(share, sizeof(share), footprint_pages(t, psz), v->totalpages);
	} else {
		snprintf(bad, sizeof(bad), "%lld", (long long)t->badness);
		if (known(t->oom_score))
			snprintf(score, sizeof(score), "%lld", (long long)t->oom_score);
		else
			snprintf(score, sizeof(score), "?");
		fmt_share(share, sizeof(share), footprint_pages(t, psz), v->totalpages);
	}
	char adj[24];
	if (known(t->oom_score_adj))
		snprintf(adj, sizeof(adj), "%lld", (long long)t->oom_score_adj);
	else
		snprintf(adj, sizeof(adj), "?");
	/* the row is built first so that it can be cut to the terminal's width */
	struct buf line = BUF_INIT;
	buf_printf(&line, "%4s %7lld %-15s %9s %9s %9s %5s %10s %9s %6s ", rank,
		   (long long)t->pid, comm, t->kthread ? "-" : rss, t->kthread ? "-" : swp,
		   t->kthread ? "-" : pt, adj, bad, score, share);
	char kd[400];
	/* A pod's cgroup path says less than its pod and container. */
	if (t->cgroup[0] && kube_describe(kd, sizeof(kd), t->cgroup, strlen(t->cgroup), v->kube))
		escape_term_buf(&line, kd, strlen(kd));
	else if (t->cgroup[0])
		escape_term_buf(&line, t->cgroup, strlen(t->cgroup));
	else
		buf_adds(&line, t->kthread ? "" : "?");
	const char *cmd = v->cmdline ? v->cmdline[t - v->s->tasks] : NULL;
	if (cmd && cmd[0]) {
		buf_adds(&line, "  ");
		escape_term_buf(&line, cmd, strlen(cmd));
	}
	size_t n = line.len;
	if (v->width > 1 && n > v->width) {
		n = v->width - 1;
		while (n > 0 && ((unsigned char)line.data[n] & 0xC0) == 0x80)
			n--;   /* not inside a UTF-8 sequence */
	}
	fprintf(f, "%s%.*s%s%s\n", hl ? st->bold : "", (int)n, line.data ? line.data : "", n < line.len ? "…" : "",
		hl ? st->reset : "");
	buf_release(&line);
}

/* --by-name: every ranked task counted under its comm. */
struct name_total {
	char comm[OOM_COMM_LEN];
	int64_t n, rss_pages, swap_pages, badness;
};

static size_t name_totals(const struct top_view *v, struct name_total *out, size_t max)
{
	size_t m = 0;
	for (size_t k = 0; k < v->n_ranked; k++) {
		const struct oom_task *t = &v->s->tasks[v->order[k]];
		size_t i = 0;
		while (i < m && strcmp(out[i].comm, t->comm) != 0)
			i++;
		if (i == m) {
			if (m == max)
				continue;
			memset(&out[m], 0, sizeof(out[m]));
			str_copy(out[m].comm, sizeof(out[m].comm), t->comm, strlen(t->comm));
			m++;
		}
		out[i].n++;
		out[i].rss_pages += known(t->rss_pages) ? t->rss_pages : 0;
		out[i].swap_pages += known(t->swapents_pages) ? t->swapents_pages : 0;
		out[i].badness = sat_add(out[i].badness, known(t->badness) && t->badness > 0 ? t->badness : 0);
	}
	/* biggest total badness first */
	for (size_t a = 1; a < m; a++)
		for (size_t b = a; b > 0 && out[b].badness > out[b - 1].badness; b--) {
			struct name_total x = out[b];
			out[b] = out[b - 1];
			out[b - 1] = x;
		}
	return m;
}

#define NAME_TOTALS_MAX 256

static void by_name_text(FILE *f, const struct top_view *v, const struct style *st)
{
	static struct name_total nt[NAME_TOTALS_MAX];
	size_t m = name_totals(v, nt, NAME_TOTALS_MAX);
	int64_t psz = psz_of(v);
	fprintf(f, "\n%sBy name%s (every ranked process; the kernel picks one process, not a name)\n", st->bold, st->reset);
	fprintf(f, "%s%-15s %6s %10s %10s %12s%s\n", st->dim, "COMM", "COUNT", "RSS", "SWAP", "BADNESS", st->reset);
	for (size_t i = 0; i < m && i < (v->n_show > 0 ? v->n_show : 20); i++) {
		char comm[40], rss[24], swp[24];
		comm_cell(comm, sizeof(comm), nt[i].comm, 15);
		fprintf(f, "%-15s %6lld %10s %10s %12lld\n", comm, (long long)nt[i].n,
			fmt_kib(rss, sizeof(rss), sat_mul(nt[i].rss_pages, psz)),
			fmt_kib(swp, sizeof(swp), sat_mul(nt[i].swap_pages, psz)), (long long)nt[i].badness);
	}
}

void render_top_rows(FILE *f, const struct top_view *v, size_t n, const struct style *st)
{
	fprintf(f, "%s%4s %7s %-15s %9s %9s %9s %5s %10s %9s %6s %s%s%s\n", st->dim, "RANK", "PID", "COMM",
		"RSS", "SWAP", "PGTABLES", "ADJ", "BADNESS", "OOM_SCORE", "SHARE", "CGROUP",
		v->cmdline ? "  COMMAND" : "", st->reset);
	for (size_t k = 0; k < n && k < v->n_ranked; k++) {
		char rank[24];
		snprintf(rank, sizeof(rank), "%zu", k + 1);
		row(f, v, &v->s->tasks[v->order[k]], rank, st, k == 0);
	}
}

void render_top_text(FILE *f, const struct top_view *v, const struct style *st)
{
	int64_t psz = psz_of(v);
	char a[32], b[32], c[32];
	fprintf(f, "%sWho the OOM killer picks next%s — kernel %s: badness = %s\n", st->bold, st->reset,
		v->release[0] ? v->release : "unknown (newest rules assumed)", era_rule(&v->kv));
	if (v->memcg) {
		fputs("OOM domain: memory cgroup ", f);
		escape_term(f, v->scope, strlen(v->scope));
		char kd[400];
		if (kube_describe(kd, sizeof(kd), v->scope, strlen(v->scope), v->kube)) {
			fputs(" = ", f);
			escape_term(f, kd, strlen(kd));
		}
		if (v->limit_unlimited)
			fprintf(f, " (no limit: a global OOM would decide, total = the machine's %lld pages)\n",
				(long long)v->totalpages);
		else
			fprintf(f, ", limit %s (+ swap headroom) = %lld pages, usage %s\n",
				fmt_kib(a, sizeof(a), v->scope_limit_kib), (long long)v->totalpages,
				fmt_kib(b, sizeof(b), v->scope_usage_kib));
	} else {
		fprintf(f, "OOM domain: the machine, %s RAM + %s swap = %lld pages\n",
			fmt_kib(a, sizeof(a), v->s->mem.total_kib),
			fmt_kib(b, sizeof(b), known(v->s->mem.swap_total_kib) ? v->s->mem.swap_total_kib : 0),
			(long long)v->totalpages);
	}
	if (known(v->totalpages) && v->totalpages >= 1000 && kver_cmp(&v->kv, 3, 8, 0) >= 0)
		fprintf(f, "One oom_score_adj point = %lld pages (%s).  OOM_SCORE is what /proc/PID/oom_score shows, predicted.\n",
			(long long)(v->totalpages / 1000), fmt_kib(c, sizeof(c), sat_mul(v->totalpages / 1000, psz)));
	fputc('\n', f);
	render_top_rows(f, v, v->n_show, st);
	if (v->n_show < v->n_ranked + v->n_ranked_dropped)
		fprintf(f, "%s     … %zu more ranked (-n N shows more)%s\n", st->dim,
			v->n_ranked + v->n_ranked_dropped - v->n_show, st->reset);
	if (v->n_ranked == 0)
		fputs("  (no process is a candidate)\n", f);
	for (size_t k = v->n_ranked; k < v->n_ranked + v->n_immune; k++)
		row(f, v, &v->s->tasks[v->order[k]], "-", st, false);
	if (v->show_kthreads)
		for (size_t k = v->n_ranked + v->n_immune; k < v->n_order; k++)
			row(f, v, &v->s->tasks[v->order[k]], "-", st, false);
	fputc('\n', f);
	if (v->n_ranked >= 2) {
		const struct oom_task *x = &v->s->tasks[v->order[0]], *y = &v->s->tasks[v->order[1]];
		fprintf(f, "%sNext victim:%s ", st->bold, st->reset);
		escape_term(f, x->comm, strlen(x->comm));
		fprintf(f, " (%lld), ahead of ", (long long)x->pid);
		escape_term(f, y->comm, strlen(y->comm));
		fprintf(f, " (%lld) by %lld pages (%s)", (long long)y->pid, (long long)v->lead_pages,
			fmt_kib(a, sizeof(a), sat_mul(v->lead_pages, psz)));
		if (known(v->totalpages) && v->totalpages >= 1000 && kver_cmp(&v->kv, 3, 8, 0) >= 0)
			fprintf(f, " = %lld oom_score_adj points", (long long)(v->lead_pages / (v->totalpages / 1000)));
		fputs(".\n", f);
	} else if (v->n_ranked == 1) {
		const struct oom_task *x = &v->s->tasks[v->order[0]];
		fprintf(f, "%sNext victim:%s ", st->bold, st->reset);
		escape_term(f, x->comm, strlen(x->comm));
		fprintf(f, " (%lld), the only candidate.\n", (long long)x->pid);
	}
	fprintf(f, "%zu ranked, %zu immune (oom_score_adj -1000 or init)", v->n_ranked + v->n_ranked_dropped,
		v->n_immune);
	if (v->show_kthreads)
		fprintf(f, ", %zu kernel threads (never candidates).\n", v->n_kthreads);
	else
		fprintf(f, ", %zu kernel threads not shown (--all lists them).\n", v->n_kthreads);
	if (v->by_name)
		by_name_text(f, v, st);
}

static void json_task(struct json *j, const struct top_view *v, const struct oom_task *t, int64_t rank)
{
	int64_t psz = psz_of(v);
	json_obj_begin(j, NULL);
	json_int(j, "rank", rank);
	json_int(j, "pid", t->pid);
	json_str(j, "comm", t->comm);
	json_int(j, "uid", t->uid);
	json_int(j, "badness", t->badness);
	json_int(j, "oom_score", t->kthread ? 0 : t->oom_score);
	json_int(j, "oom_score_adj", t->oom_score_adj);
	json_int(j, "rss_kb", pages_kib(t->rss_pages, psz));
	json_int(j, "rss_anon_kb", pages_kib(t->rss_anon_pages, psz));
	json_int(j, "rss_file_kb", pages_kib(t->rss_file_pages, psz));
	json_int(j, "rss_shmem_kb", pages_kib(t->rss_shmem_pages, psz));
	json_int(j, "swap_kb", pages_kib(t->swapents_pages, psz));
	json_int(j, "pgtables_kb", pgtables_kib(t));
	if (!t->kthread && known(v->totalpages) && v->totalpages > 0)
		json_double(j, "share_pct", (double)footprint_pages(t, psz) * 100.0 / (double)v->totalpages, 2);
	else
		json_null(j, "share_pct");
	if (t->cgroup[0])
		json_str(j, "cgroup", t->cgroup);
	else
		json_null(j, "cgroup");
	kube_json(j, "kube", t->cgroup[0] ? t->cgroup : NULL, v->kube);
	const char *cmd = v->cmdline ? v->cmdline[t - v->s->tasks] : NULL;
	json_str(j, "cmdline", cmd && cmd[0] ? cmd : NULL);
	json_bool(j, "immune", !t->kthread && !known(t->badness));
	json_bool(j, "kthread", t->kthread);
	json_obj_end(j);
}

void render_top_json(FILE *f, const struct top_view *v, bool pretty)
{
	struct json j;
	json_init(&j, f, pretty);
	json_obj_begin(&j, NULL);
	json_int(&j, "version", 1);
	json_str(&j, "time", v->time_iso[0] ? v->time_iso : NULL);
	json_str(&j, "kernel", v->release[0] ? v->release : NULL);
	json_int(&j, "page_size_kb", psz_of(v));
	json_obj_begin(&j, "scope");
	json_str(&j, "kind", v->memcg ? "memcg" : "machine");
	if (v->memcg)
		json_str(&j, "cgroup", v->scope);
	else
		json_null(&j, "cgroup");
	kube_json(&j, "kube", v->memcg ? v->scope : NULL, v->kube);
	json_int(&j, "limit_kb", v->limit_unlimited ? OOM_NA : v->scope_limit_kib);
	json_int(&j, "usage_kb", v->scope_usage_kib);
	json_obj_end(&j);
	json_int(&j, "totalpages", v->totalpages);
	json_int(&j, "global_totalpages", v->global_totalpages);
	json_int(&j, "lead_pages", v->lead_pages);
	json_int(&j, "ranked", (int64_t)(v->n_ranked + v->n_ranked_dropped));
	json_int(&j, "immune", (int64_t)v->n_immune);
	json_int(&j, "kernel_threads", (int64_t)v->n_kthreads);
	json_arr_begin(&j, "tasks");
	for (size_t k = 0; k < v->n_show; k++)
		json_task(&j, v, &v->s->tasks[v->order[k]], (int64_t)k + 1);
	for (size_t k = v->n_ranked; k < v->n_ranked + v->n_immune; k++)
		json_task(&j, v, &v->s->tasks[v->order[k]], OOM_NA);
	if (v->show_kthreads)
		for (size_t k = v->n_ranked + v->n_immune; k < v->n_order; k++)
			json_task(&j, v, &v->s->tasks[v->order[k]], OOM_NA);
	json_arr_end(&j);
	if (v->by_name) {
		static struct name_total nt[NAME_TOTALS_MAX];
		size_t m = name_totals(v, nt, NAME_TOTALS_MAX);
		json_arr_begin(&j, "by_name");
		for (size_t i = 0; i < m; i++) {
			json_obj_begin(&j, NULL);
			json_str(&j, "comm", nt[i].comm);
			json_int(&j, "count", nt[i].n);
			json_int(&j, "rss_kb", sat_mul(nt[i].rss_pages, psz_of(v)));
			json_int(&j, "swap_kb", sat_mul(nt[i].swap_pages, psz_of(v)));
			json_int(&j, "badness", nt[i].badness);
			json_obj_end(&j);
		}
		json_arr_end(&j);
	}
	json_obj_end(&j);
	json_end(&j);
}
