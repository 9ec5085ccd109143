/* html_incident.c — the guard's own decisions read back from its incident
 * files, and the flight recorder's timeline before them: the scope's
 * available memory against the guard's thresholds, PSI, and the largest
 * tasks, with the kill marked. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "model/kubepods.h"
#include "render/html.h"
#include "report/incident.h"

static double mib(int64_t kib)
{
	return known(kib) ? (double)kib / 1024.0 : NAN;
}

static void chart_memory(FILE *f, const struct incident_timeline *tl, const double *x, double *y, double *y2)
{
	bool scope = false;
	for (int i = 0; i < tl->n; i++)
		scope |= known(tl->samples[i].scope_available_kib);
	for (int i = 0; i < tl->n; i++) {
		y[i] = mib(tl->samples[i].scope_available_kib);
		y2[i] = mib(tl->samples[i].mem_available_kib);
	}
	struct html_series s[1] = {
		scope ? (struct html_series){ "available in the scope", "avail", tl->n, x, y }
		      : (struct html_series){ "MemAvailable (the machine)", "memavail", tl->n, x, y2 },
	};
	struct html_hline h[3];
	int nh = 0;
	char lt[3][64];
	char b[32];
	if (known(tl->term_threshold_kib)) {
		snprintf(lt[nh], sizeof(lt[nh]), "SIGTERM below %s", fmt_kib(b, sizeof(b), tl->term_threshold_kib));
		h[nh] = (struct html_hline){ lt[nh], mib(tl->term_threshold_kib), "term" };
		nh++;
	}
	if (known(tl->kill_threshold_kib)) {
		snprintf(lt[nh], sizeof(lt[nh]), "SIGKILL below %s", fmt_kib(b, sizeof(b), tl->kill_threshold_kib));
		h[nh] = (struct html_hline){ lt[nh], mib(tl->kill_threshold_kib), "kill" };
		nh++;
	}
	if (scope && known(tl->limit_kib) && tl->limit_kib < (1LL << 50)) {
		snprintf(lt[nh], sizeof(lt[nh]), "limit %s", fmt_kib(b, sizeof(b), tl->limit_kib));
		h[nh] = (struct html_hline){ lt[nh], mib(tl->limit_kib), "limit" };
		nh++;
	}
	struct html_vline v = { "kill", 0 };
	html_line_chart(f, "Available memory before the kill, against the guard's thresholds", "MiB", s, 1, h, nh, &v, 1);
}

static void chart_psi(FILE *f, const struct incident_timeline *tl, const double *x, double *y, double *y2)
{
	bool any = false;
	for (int i = 0; i < tl->n; i++) {
		y[i] = tl->samples[i].psi_some_avg10;
		y2[i] = tl->samples[i].psi_full_avg10;
		any |= !isnan(y[i]) || !isnan(y2[i]);
	}
	if (!any)
		return;
	struct html_series s[2] = {
		{ "some avg10 (a task waited for memory)", "psi-some", tl->n, x, y },
		{ "full avg10 (every task waited)", "psi-full", tl->n, x, y2 },
	};
	struct html_vline v = { "kill", 0 };
	html_line_chart(f, "Memory pressure (PSI)", "%", s, 2, NULL, 0, &v, 1);
}

/* The largest tasks the recorder listed, one line each (by pid), gaps where
 * a snapshot lists no tasks. */
static void chart_tasks(FILE *f, const struct incident_timeline *tl, const double *x)
{
	struct { int64_t pid, peak; const char *comm; } top[INCIDENT_TL_TASKS];
	int nt = 0;
	for (int i = 0; i < tl->n; i++)
		for (int k = 0; k < tl->samples[i].nr_tasks; k++) {
			const int64_t pid = tl->samples[i].tasks[k].pid, a = tl->samples[i].tasks[k].anon_kib;
			if (!known(pid) || !known(a))
				continue;
			int j = 0;
			while (j < nt && top[j].pid != pid)
				j++;
			if (j < nt) {
				if (a > top[j].peak)
					top[j].peak = a;
				continue;
			}
			if (nt < INCIDENT_TL_TASKS) {
				top[nt].pid = pid;
				top[nt].peak = a;
				top[nt++].comm = tl->samples[i].tasks[k].comm;
				continue;
			}
			int low = 0;
			for (j = 1; j < nt; j++)
				if (top[j].peak < top[low].peak)
					low = j;
			if (a > top[low].peak) {
				top[low].pid = pid;
				top[low].peak = a;
				top[low].comm = tl->samples[i].tasks[k].comm;
			}
		}
	if (nt == 0)
		return;
	double *y = malloc((size_t)nt * (size_t)tl->n * sizeof(*y));
	char (*label)[96] = malloc((size_t)nt * sizeof(*label));
	if (!y || !label) {
		free(y);
		free(label);
		return;
	}
	static const char *const cls[INCIDENT_TL_TASKS] = { "task1", "task2", "task3", "task4", "task5" };
	struct html_series s[INCIDENT_TL_TASKS];
	for (int j = 0; j < nt; j++) {
		double *yy = y + (size_t)j * (size_t)tl->n;
		for (int i = 0; i < tl->n; i++) {
			yy[i] = NAN;
			for (int k = 0; k < tl->samples[i].nr_tasks; k++)
				if (tl->samples[i].tasks[k].pid == top[j].pid)
					yy[i] = mib(tl->samples[i].tasks[k].anon_kib);
		}
		/* the label is outside text: html_line_chart escapes it */
		snprintf(label[j], sizeof(label[j]), "%s (pid %lld)", top[j].comm, (long long)top[j].pid);
		s[j] = (struct html_series){ label[j], cls[j], tl->n, x, yy };
	}
	struct html_vline v = { "kill", 0 };
	html_line_chart(f, "The largest tasks the recorder saw (anonymous memory)", "MiB", s, nt, NULL, 0, &v, 1);
	free(y);
	free(label);
}

void html_incident_timeline(FILE *f, const struct incident_timeline *tl)
{
	fputs("<h3>The flight recorder before the kill</h3>\n", f);
	if (!tl || tl->n == 0) {
		fputs("<p class=\"dim\">The incident file holds no recorder snapshots.</p>\n", f);
		return;
	}
	double *x = malloc((size_t)tl->n * 3 * sizeof(*x));
	if (!x)
		return;
	double *y = x + tl->n, *y2 = y + tl->n;
	int64_t t0 = known(tl->kill_time_ms) ? tl->kill_time_ms : tl->samples[tl->n - 1].time_ms;
	for (int i = 0; i < tl->n; i++)
		x[i] = (double)(tl->samples[i].time_ms - t0) / 1000.0;
	chart_memory(f, tl, x, y, y2);
	chart_psi(f, tl, x, y, y2);
	chart_tasks(f, tl, x);
	fprintf(f, "<p class=\"dim\">%d snapshot(s); time in seconds relative to the kill.</p>\n", tl->n);
	free(x);
}

static void row_kib(FILE *f, const char *name, int64_t kib)
{
	if (!known(kib))
		return;
	fprintf(f, "<tr><th>%s</th><td>", name);
	html_kib(f, kib);
	fputs("</td></tr>", f);
}

static void row_text(FILE *f, const char *name, const char *s)
{
	if (!s[0])
		return;
	fprintf(f, "<tr><th>%s</th><td>", name);
	html_esc(f, s);
	fputs("</td></tr>", f);
}

void html_incident(FILE *f, const struct incident *in, const struct incident_timeline *tl, const char *source,
		   int index, struct html_event_row *row)
{
	bool dry = in->dry_run || strstr(in->kind, "dry-run");
	fprintf(f, "<section class=\"event incident\" id=\"event-%d\">\n<h2>Guard incident %d: oomkit guard %s</h2>\n",
		index, index, dry ? "would have stopped a process (dry run)" : "stopped a process");
	fputs("<p class=\"dim\">", f);
	html_esc(f, in->time[0] ? in->time : "time not recorded");
	if (in->host[0]) {
		fputs(" · host ", f);
		html_esc(f, in->host);
	}
	if (in->kernel[0]) {
		fputs(" · kernel ", f);
		html_esc(f, in->kernel);
	}
	fputs(" · ", f);
	html_esc(f, source);
	fputs("</p>\n<div class=\"verdict\">\n<p class=\"big\">", f);
	fputs(dry ? "Would have stopped <span class=\"victim-name\">" : "Stopped <span class=\"victim-name\">", f);
	html_esc(f, in->victim_comm[0] ? in->victim_comm : "?");
	fputs("</span>", f);
	if (known(in->victim_pid))
		fprintf(f, " (pid %lld)", (long long)in->victim_pid);
	if (in->signal[0]) {
		fputs(" with ", f);
		html_esc(f, in->signal);
	}
	fputs("</p>\n<p><strong>Reason:</strong> ", f);
	html_esc(f, in->reason[0] ? in->reason : "not recorded");
	fputs("</p>\n", f);
	if (in->nr_causes) {
		fputs("<p><strong>Cause:</strong> ", f);
		html_esc(f, in->causes[0].summary);
		fputs(" <code>", f);
		html_esc(f, in->causes[0].id);
		fputs("</code></p>\n", f);
		if (in->causes[0].nr_advice) {
			fputs("<p><strong>Advice:</strong> ", f);
			html_esc(f, in->causes[0].advice[0]);
			fputs("</p>\n", f);
		}
	}
	if (in->outcome[0]) {
		fputs("<p><strong>Outcome:</strong> ", f);
		html_esc(f, in->outcome);
		fputs("</p>\n", f);
	}
	fputs("</div>\n<h3>Scope and decision</h3>\n<table>", f);
	row_text(f, "scope kind", in->scope_kind);
	row_text(f, "scope", in->scope);
	char kd[400];
	kube_describe(kd, sizeof(kd), in->scope, strlen(in->scope), NULL);
	row_text(f, "Kubernetes", kd);
	row_kib(f, "limit", in->scope_limit_kib);
	row_kib(f, "available when written", in->scope_available_kib);
	row_text(f, "action", in->action);
	row_kib(f, "victim anon", in->victim_anon_kib);
	row_kib(f, "victim swap", in->victim_swap_kib);
	if (known(in->victim_adj))
		fprintf(f, "<tr><th>victim oom_score_adj</th><td>%lld</td></tr>", (long long)in->victim_adj);
	if (known(in->victim_badness_pages))
		fprintf(f, "<tr><th>victim badness</th><td>%lld pages</td></tr>", (long long)in->victim_badness_pages);
	row_text(f, "command line", in->victim_cmdline);
	row_kib(f, "expected to free", in->freed_kib);
	row_kib(f, "the scope got back", in->measured_freed_kib);
	row_text(f, "latency (ms)", in->latency_ms);
	row_text(f, "decision (ms)", in->decision_ms);
	if (in->nr_others)
		fprintf(f, "<tr><th>other candidates</th><td>%d listed in the file</td></tr>", in->nr_others);
	fputs("</table>\n", f);
	html_incident_timeline(f, tl);
	if (in->nr_causes) {
		fputs("<h3>Diagnosis recorded by the guard</h3>\n<ol class=\"findings\">\n", f);
		for (int i = 0; i < in->nr_causes; i++) {
			fputs("<li><code>", f);
			html_esc(f, in->causes[i].id);
			fputs("</code>: ", f);
			html_esc(f, in->causes[i].summary);
			for (int k = 0; k < in->causes[i].nr_advice; k++) {
				fputs("<br><strong>advice:</strong> ", f);
				html_esc(f, in->causes[i].advice[k]);
			}
			fputs("</li>\n", f);
		}
		fputs("</ol>\n", f);
	}
	fputs("<p><a href=\"#summary\">back to the summary</a></p>\n</section>\n", f);
	if (row) {
		memset(row, 0, sizeof(*row));
		row->index = index;
		row->incident = true;
		str_copy(row->time, sizeof(row->time), in->time, strlen(in->time));
		str_copy(row->host, sizeof(row->host), in->host, strlen(in->host));
		str_copy(row->kind, sizeof(row->kind), in->kind, strlen(in->kind));
		str_copy(row->victim, sizeof(row->victim), in->victim_comm, strlen(in->victim_comm));
		row->victim_pid = in->victim_pid;
		if (in->nr_causes)
			str_copy(row->cause, sizeof(row->cause), in->causes[0].id, strlen(in->causes[0].id));
	}
}
