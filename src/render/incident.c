/* incident.c — renders the guard's own decisions read back from its
 * incident files (src/report/incident.c).  Kernel kills recorded in an
 * incident go through the ordinary explain renderers instead. */
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

void render_incident_text(FILE *f, const struct incident *in, const char *source, int index,
			  const struct style *st)
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
	fprintf(f, "%s(the file also holds the flight recorder's last snapshots: meminfo, PSI, free blocks, top tasks)%s\n\n",
		st->dim, st->reset);
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
