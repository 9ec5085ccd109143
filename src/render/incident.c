/* incident.c — renders the guard's own decisions read back from its
 * incident files (src/report/incident.c).  Kernel kills recorded in an
 * incident go through the ordinary explain renderers instead. */
#include <math.h>
#include <string.h>
#include <time.h>

#include "model/kubepods.h"
#include "render/render.h"
#include "report/walltime.h"
#include "render/style.h"
#include "report/incident.h"

static void esc(FILE *f, const char *s)
{
	escape_term(f, s, strlen(s));
}

/* The recorder's last 60 s before the kill, as text (the HTML
 * page draws the same samples as charts, html_incident.c): one sparkline
 * per quantity, then a few rows of numbers. */
#define TL_WINDOW_MS 60000
#define TL_SPARK 30     /* columns of a sparkline */
#define TL_ROWS 7       /* rows of the table, the last one at the kill */

static double tl_value(const struct incident_sample *s, int which)
{
	switch (which) {
	case 0: return known(s->scope_available_kib) ? (double)s->scope_available_kib : NAN;
	case 1: return known(s->mem_available_kib) ? (double)s->mem_available_kib : NAN;
	case 2: return s->psi_some_avg10;
	default: return s->psi_full_avg10;
	}
}

static void spark(FILE *f, const struct incident_timeline *tl, int from, int which, const char *label, bool kib)
{
	static const char *const bars[] = { "▁", "▂", "▃", "▄", "▅", "▆", "▇", "█" };
	int n = tl->n - from;
	double lo = INFINITY, hi = -INFINITY, first = NAN, last = NAN;
	for (int i = from; i < tl->n; i++) {
		double v = tl_value(&tl->samples[i], which);
		if (isnan(v))
			continue;
		lo = v < lo ? v : lo;
		hi = v > hi ? v : hi;
		if (isnan(first))
			first = v;
		last = v;
	}
	if (isnan(first))
		return;
	fprintf(f, "  %-16s ", label);
	int cols = n < TL_SPARK ? n : TL_SPARK;
	for (int c = 0; c < cols; c++) {
		/* the last sample of the column's share of the window */
		int i = from + (int)(((int64_t)(c + 1) * n + cols - 1) / cols) - 1;
		double v = tl_value(&tl->samples[i], which);
		if (isnan(v))
			fputc(' ', f);
		else
			fputs(bars[hi > lo ? (int)((v - lo) / (hi - lo) * 7.0 + 0.5) : 3], f);
	}
	for (int c = cols; c < TL_SPARK; c++)
		fputc(' ', f);
	char a[32], b[32], m[32];
	if (kib)
		fprintf(f, "  %s → %s (lowest %s)\n", fmt_kib(a, sizeof(a), (int64_t)first),
			fmt_kib(b, sizeof(b), (int64_t)last), fmt_kib(m, sizeof(m), (int64_t)lo));
	else
		fprintf(f, "  %.2f → %.2f %% (highest %.2f)\n", first, last, hi);
}

static void cell_kib(FILE *f, int64_t kib)
{
	char a[32];
	fprintf(f, " %14s", known(kib) ? fmt_kib(a, sizeof(a), kib) : "-");
}

static void cell_pct(FILE *f, double v)
{
	if (isnan(v))
		fprintf(f, " %9s", "-");
	else
		fprintf(f, " %9.2f", v);
}

void render_incident_timeline_text(FILE *f, const struct incident_timeline *tl, const struct style *st)
{
	if (!tl || tl->n == 0) {
		fprintf(f, "%s(the file holds no flight-recorder snapshots)%s\n\n", st->dim, st->reset);
		return;
	}
	int64_t t0 = known(tl->kill_time_ms) ? tl->kill_time_ms : tl->samples[tl->n - 1].time_ms;
	int from = 0;
	while (from < tl->n - 1 && tl->samples[from].time_ms < t0 - TL_WINDOW_MS)
		from++;
	int n = tl->n - from;
	fprintf(f, "%sThe flight recorder's last %lld s before the kill%s (%d snapshot%s)\n", st->bold,
		(long long)((t0 - tl->samples[from].time_ms + 999) / 1000), st->reset, n, n == 1 ? "" : "s");
	char a[32], b[32];
	if (known(tl->term_threshold_kib) || known(tl->kill_threshold_kib))
		fprintf(f, "  %sthresholds: SIGTERM below %s, SIGKILL below %s available%s\n", st->dim,
			known(tl->term_threshold_kib) ? fmt_kib(a, sizeof(a), tl->term_threshold_kib) : "?",
			known(tl->kill_threshold_kib) ? fmt_kib(b, sizeof(b), tl->kill_threshold_kib) : "?", st->reset);
	spark(f, tl, from, 0, "scope available", true);
	spark(f, tl, from, 1, "MemAvailable", true);
	spark(f, tl, from, 2, "PSI some avg10", false);
	spark(f, tl, from, 3, "PSI full avg10", false);
	fprintf(f, "  %s%8s %14s %14s %9s %9s%s\n", st->dim, "time", "scope avail", "MemAvailable", "some %",
		"full %", st->reset);
	int rows = n < TL_ROWS ? n : TL_ROWS;
	int prev = -1;
	for (int r = 0; r < rows; r++) {
		int i = from + (rows == 1 ? n - 1 : (int)((int64_t)r * (n - 1) / (rows - 1)));
		if (i == prev)
			continue;
		prev = i;
		const struct incident_sample *s = &tl->samples[i];
		fprintf(f, "  %6.1f s", (double)(s->time_ms - t0) / 1000.0);
		cell_kib(f, s->scope_available_kib);
		cell_kib(f, s->mem_available_kib);
		cell_pct(f, s->psi_some_avg10);
		cell_pct(f, s->psi_full_avg10);
		fputc('\n', f);
	}
	fputc('\n', f);
}

void render_incident_text(FILE *f, const struct incident *in, const struct incident_timeline *tl,
			  const char *source, int index, const struct style *st)
{
	char a[32], b[32];
	bool dry = in->dry_run || strstr(in->kind, "dry-run");
	fprintf(f, "%sGuard incident %d: oomkit guard %s ", st->bold, index, dry ? "would have stopped" : "stopped");
	esc(f, in->victim_comm[0] ? in->victim_comm : "?");
	if (known(in->victim_pid))
		fprintf(f, " (pid %lld)", (long long)in->victim_pid);
	fprintf(f, "%s%s%s%s\n", in->signal[0] ? " with " : "", in->signal, dry ? " (dry run: nothing was signalled)" : "",
		st->reset);
	fprintf(f, "  %s", st->dim);
	int64_t when;
	char w[80];
	if (in->time[0] && walltime_parse_date(in->time, strlen(in->time), time(NULL), &when) == 0 &&
	    fmt_when(w, sizeof(w), when, time(NULL)))
		esc(f, w);   /* local time and how long ago */
	else
		esc(f, in->time[0] ? in->time : "time not recorded");
	if (in->host[0]) {
		fputs(" · host ", f);
		esc(f, in->host);
	}
	if (in->kernel[0]) {
		fputs(" · kernel ", f);
		esc(f, in->kernel);
	}
	fputs(" · ", f);
	esc(f, source);
	fprintf(f, "%s\n\n", st->reset);

	fprintf(f, "%sScope%s\n  ", st->bold, st->reset);
	esc(f, in->scope_kind[0] ? in->scope_kind : "scope");
	fputc(' ', f);
	esc(f, in->scope[0] ? in->scope : "(not recorded)");
	if (known(in->scope_limit_kib))
		fprintf(f, ": limit %s", fmt_kib(a, sizeof(a), in->scope_limit_kib));
	if (known(in->scope_available_kib))
		fprintf(f, ", available %s when the incident was written", fmt_kib(b, sizeof(b), in->scope_available_kib));
	fputc('\n', f);
	char kd[400];
	if (kube_describe(kd, sizeof(kd), in->scope, strlen(in->scope), NULL)) {
		fputs("  Kubernetes: ", f);
		esc(f, kd);
		fputc('\n', f);
	}
	fputc('\n', f);

	fprintf(f, "%sDecision%s\n  reason: ", st->bold, st->reset);
	esc(f, in->reason[0] ? in->reason : "not recorded");
	if (known(in->victim_badness_pages))
		fprintf(f, " (badness %lld pages)", (long long)in->victim_badness_pages);
	if (in->action[0]) {
		fputs("; action: ", f);
		esc(f, in->action);
	}
	fputc('\n', f);
	if (known(in->victim_anon_kib) || known(in->victim_adj)) {
		fprintf(f, "  victim: anon %s, swap %s, oom_score_adj %s", fmt_kib(a, sizeof(a), in->victim_anon_kib),
			fmt_kib(b, sizeof(b), in->victim_swap_kib), known(in->victim_adj) ? "" : "?");
		if (known(in->victim_adj))
			fprintf(f, "%lld", (long long)in->victim_adj);
		if (known(in->victim_uid))
			fprintf(f, ", uid %lld", (long long)in->victim_uid);
		fputc('\n', f);
	}
	if (in->victim_cmdline[0]) {
		fputs("  command line: ", f);
		esc(f, in->victim_cmdline);
		fputc('\n', f);
	}
	if (known(in->freed_kib)) {
		fprintf(f, "  expected to free %s (anon + swap + page tables)", fmt_kib(a, sizeof(a), in->freed_kib));
		if (known(in->measured_freed_kib))
			fprintf(f, "; the scope got back %s", fmt_kib(b, sizeof(b), in->measured_freed_kib));
		fputc('\n', f);
	}
	if (in->latency_ms[0]) {
		fputs("  latency: ", f);
		esc(f, in->latency_ms);
		fputs(" ms from the threshold crossing", f);
		if (in->decision_ms[0]) {
			fputs(" (decision after ", f);
			esc(f, in->decision_ms);
			fputs(" ms)", f);
		}
		fputc('\n', f);
	}
	if (in->outcome[0]) {
		fputs("  outcome: ", f);
		esc(f, in->outcome);
		fputc('\n', f);
	}
	if (in->nr_others)
		fprintf(f, "  %d other candidate(s) listed in the file, with why each was spared or ranked lower\n",
			in->nr_others);
	fputc('\n', f);

	if (in->nr_causes) {
		fprintf(f, "%sDiagnosis recorded by the guard%s\n", st->bold, st->reset);
		for (int i = 0; i < in->nr_causes; i++) {
			fprintf(f, "  %d. %s", i + 1, st->bold);
			esc(f, in->causes[i].id);
			fprintf(f, "%s: ", st->reset);
			esc(f, in->causes[i].summary);
			fputc('\n', f);
			for (int k = 0; k < in->causes[i].nr_advice; k++) {
				fputs("     advice:   ", f);
				esc(f, in->causes[i].advice[k]);
				fputc('\n', f);
			}
		}
		fputc('\n', f);
	}
	render_incident_timeline_text(f, tl, st);
}

void render_explain_json_incidents_begin(struct json *j)
{
	json_arr_end(j);
	json_arr_begin(j, "guard_incidents");
}

void render_incident_json(struct json *j, const struct incident *in, const char *source)
{
	json_obj_begin(j, NULL);
	json_str(j, "source", source);
	json_str(j, "kind", in->kind);
	json_bool(j, "dry_run", in->dry_run);
	json_str(j, "time", in->time[0] ? in->time : NULL);
	json_str(j, "host", in->host[0] ? in->host : NULL);
	json_str(j, "kernel", in->kernel[0] ? in->kernel : NULL);
	json_obj_begin(j, "scope");
	json_str(j, "name", in->scope[0] ? in->scope : NULL);
	json_str(j, "kind", in->scope_kind[0] ? in->scope_kind : NULL);
	json_int(j, "limit_kb", in->scope_limit_kib);
	json_int(j, "available_kb", in->scope_available_kib);
	kube_json(j, "kube", in->scope[0] ? in->scope : NULL, NULL);
	json_obj_end(j);
	json_obj_begin(j, "victim");
	json_int(j, "pid", in->victim_pid);
	json_str(j, "comm", in->victim_comm[0] ? in->victim_comm : NULL);
	json_int(j, "uid", in->victim_uid);
	json_int(j, "oom_score_adj", in->victim_adj);
	json_int(j, "badness", in->victim_badness_pages);
	json_int(j, "anon_kb", in->victim_anon_kib);
	json_int(j, "swap_kb", in->victim_swap_kib);
	json_obj_end(j);
	json_str(j, "reason", in->reason[0] ? in->reason : NULL);
	json_str(j, "action", in->action[0] ? in->action : NULL);
	json_str(j, "signal", in->signal[0] ? in->signal : NULL);
	json_str(j, "outcome", in->outcome[0] ? in->outcome : NULL);
	json_int(j, "freed_kb", in->freed_kib);
	json_int(j, "measured_freed_kb", in->measured_freed_kib);
	json_arr_begin(j, "causes");
	for (int i = 0; i < in->nr_causes; i++) {
		json_obj_begin(j, NULL);
		json_str(j, "id", in->causes[i].id);
		json_str(j, "summary", in->causes[i].summary);
		json_arr_begin(j, "advice");
		for (int k = 0; k < in->causes[i].nr_advice; k++)
			json_str(j, NULL, in->causes[i].advice[k]);
		json_arr_end(j);
		json_obj_end(j);
	}
	json_arr_end(j);
	json_obj_end(j);
}
