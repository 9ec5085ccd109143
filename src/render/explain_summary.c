/* explain_summary.c — `oomkit explain --summary`: one line per
 * event (time, host, kind, victim, cause, confidence) and totals per victim
 * name and per cause, for a busy log at 5 a.m.  Every outside string goes
 * through its sink's escaper. */
#include <stdio.h>
#include <string.h>

#include "model/kubepods.h"
#include "render/live_render.h"
#include "render/render.h"
#include "report/incident.h"
#include "report/walltime.h"

/* The first cause's confidence; "-" when unset. */
static const char *confidence_of(const struct findings *fs)
{
	const char *c = fs->n > 0 ? confidence_name(fs->items[0].confidence) : "";
	return c[0] ? c : "-";
}

static void count(struct summary_count *v, int *n, int *other, const char *name)
{
	for (int i = 0; i < *n; i++)
		if (!strcmp(v[i].name, name)) {
			v[i].n++;
			return;
		}
	if (*n < SUMMARY_MAX_NAMES) {
		str_copy(v[*n].name, sizeof(v[*n].name), name, strlen(name));
		v[*n].n = 1;
		(*n)++;
	} else {
		(*other)++;
	}
}

/* The cgroup the summary names: the victim's, else the OOM's memcg. */
static const char *cgroup_of(const struct oom_event *ev)
{
	return ev->task_memcg[0] ? ev->task_memcg : ev->oom_memcg[0] ? ev->oom_memcg : ev->snap.memcg.path;
}

static const char *cause_of(const struct findings *fs)
{
	return fs && fs->n > 0 ? fs->items[0].id : "unknown";
}

static void victim_of(const struct oom_event *ev, char *buf, size_t len)
{
	if (ev->have_victim && ev->victim.comm[0])
		str_copy(buf, len, ev->victim.comm, strlen(ev->victim.comm));
	else
		str_copy(buf, len, "(none)", 6);
}

void summary_add(struct explain_summary *s, const struct oom_event *ev, const struct findings *fs)
{
	char v[OOM_COMM_LEN + 8];
	victim_of(ev, v, sizeof(v));
	s->n++;
	count(s->victims, &s->nr_victims, &s->other_victims, v);
	count(s->causes, &s->nr_causes, &s->other_causes, cause_of(fs));
}

void render_summary_text_header(FILE *f, const struct style *st)
{
	fprintf(f, "%s%-36s %-16s %-24s %-28s %-28s %s%s\n", st->dim, "TIME", "HOST", "KIND", "VICTIM", "CAUSE",
		"CONFIDENCE", st->reset);
}

void render_summary_text_line(FILE *f, const struct oom_event *ev, const struct findings *fs, time_t now,
			      const struct style *st)
{
	(void)st;
	char when[128], victim[96], field[256];
	walltime_event_text(ev, now, when, sizeof(when));
	/* the monotonic form is long; in a column "+114.3 s" says enough */
	double mono;
	if ((ev->wall_time <= 0 || ev->wall_basis == WALL_NONE) &&
	    walltime_parse_mono(ev->time, strlen(ev->time), &mono) == 0)
		snprintf(when, sizeof(when), "%.1f s after boot", mono);
	struct buf b = BUF_INIT;
	escape_term_buf(&b, when[0] ? when : "-", strlen(when[0] ? when : "-"));
	fprintf(f, "%-36s ", b.data ? b.data : "");
	b.len = 0;
	escape_term_buf(&b, ev->host[0] ? ev->host : "-", strlen(ev->host[0] ? ev->host : "-"));
	fprintf(f, "%-16s %-24s ", b.data ? b.data : "", oom_kind_name(ev->kind));
	if (ev->have_victim && ev->victim.comm[0]) {
		b.len = 0;
		escape_term_buf(&b, ev->victim.comm, strlen(ev->victim.comm));
		if (known(ev->victim.pid))
			snprintf(victim, sizeof(victim), "%s (%lld)%s", b.data ? b.data : "", (long long)ev->victim.pid,
				 !strcmp(ev->victim.comm, OOMKIT_TEST_HOG_COMM) ? " [test]" : "");
		else
			snprintf(victim, sizeof(victim), "%s", b.data ? b.data : "");
	} else {
		snprintf(victim, sizeof(victim), "-");
	}
	snprintf(field, sizeof(field), "%s", victim);
	fprintf(f, "%-28s %-28s %s", field, cause_of(fs), confidence_of(fs));
	char k[400];
	if (kube_describe(k, sizeof(k), cgroup_of(ev), strlen(cgroup_of(ev)), NULL)) {
		fputs("  ", f);
		escape_term(f, k, strlen(k));
	}
	fputc('\n', f);
	buf_release(&b);
}

static void totals_text(FILE *f, const char *what, const struct summary_count *v, int n, int other)
{
	fprintf(f, "  by %s:", what);
	for (int i = 0; i < n; i++) {
		fputs(i ? ", " : " ", f);
		escape_term(f, v[i].name, strlen(v[i].name));
		fprintf(f, " %d", v[i].n);
	}
	if (other)
		fprintf(f, ", others %d", other);
	if (!n)
		fputs(" none", f);
	fputc('\n', f);
}

void render_summary_text_totals(FILE *f, const struct explain_summary *s, const struct style *st)
{
	fprintf(f, "%s%d OOM event(s)%s\n", st->bold, s->n, st->reset);
	totals_text(f, "victim", s->victims, s->nr_victims, s->other_victims);
	totals_text(f, "cause", s->causes, s->nr_causes, s->other_causes);
}

void render_summary_json_event(struct json *j, const struct oom_event *ev, const struct findings *fs)
{
	char iso[40];
	json_obj_begin(j, NULL);
	json_str(j, "time", ev->time[0] ? ev->time : NULL);
	if (ev->wall_time > 0 && ev->wall_basis != WALL_NONE && fmt_iso8601(iso, sizeof(iso), ev->wall_time))
		json_str(j, "time_iso", iso);
	else
		json_null(j, "time_iso");
	json_str(j, "time_basis", walltime_basis_name((enum walltime_basis)ev->wall_basis));
	json_str(j, "host", ev->host[0] ? ev->host : NULL);
	json_str(j, "kind", oom_kind_name(ev->kind));
	if (ev->have_victim) {
		json_obj_begin(j, "victim");
		json_int(j, "pid", ev->victim.pid);
		json_str(j, "comm", ev->victim.comm);
		json_bool(j, "test_hog", !strcmp(ev->victim.comm, OOMKIT_TEST_HOG_COMM));
		json_obj_end(j);
	} else {
		json_null(j, "victim");
	}
	json_str(j, "cause", cause_of(fs));
	kube_json(j, "kube", cgroup_of(ev)[0] ? cgroup_of(ev) : NULL, NULL);
	const char *c = confidence_of(fs);
	if (strcmp(c, "-") != 0)
		json_str(j, "confidence", c);
	else
		json_null(j, "confidence");
	json_str(j, "source", ev->source);
	json_uint(j, "first_line", ev->first_line);
	json_obj_end(j);
}

static void totals_json(struct json *j, const char *key, const struct summary_count *v, int n, int other)
{
	json_obj_begin(j, key);
	for (int i = 0; i < n; i++)
		json_int(j, v[i].name, v[i].n);
	if (other)
		json_int(j, "(others)", other);
	json_obj_end(j);
}

void render_summary_json_totals(struct json *j, const struct explain_summary *s)
{
	json_int(j, "nr_events", s->n);
	totals_json(j, "by_victim", s->victims, s->nr_victims, s->other_victims);
	totals_json(j, "by_cause", s->causes, s->nr_causes, s->other_causes);
}

/* ---- the guard's own decisions (incident files) ---- */

static const char *incident_cause(const struct incident *in)
{
	return in->nr_causes > 0 && in->causes[0].id[0] ? in->causes[0].id : in->kind;
}

void summary_add_incident(struct explain_summary *s, const struct incident *in)
{
	s->n++;
	count(s->victims, &s->nr_victims, &s->other_victims, in->victim_comm[0] ? in->victim_comm : "(none)");
	count(s->causes, &s->nr_causes, &s->other_causes, incident_cause(in));
}

void render_summary_text_incident(FILE *f, const struct incident *in, time_t now)
{
	char when[128] = "-", victim[128];
	int64_t t;
	if (in->time[0] && walltime_parse_date(in->time, strlen(in->time), now, &t) == 0)
		fmt_when(when, sizeof(when), t, now);
	else if (in->time[0])
		str_copy(when, sizeof(when), in->time, strlen(in->time));
	struct buf b = BUF_INIT;
	escape_term_buf(&b, when, strlen(when));
	fprintf(f, "%-36s ", b.data ? b.data : "");
	b.len = 0;
	escape_term_buf(&b, in->host[0] ? in->host : "-", strlen(in->host[0] ? in->host : "-"));
	fprintf(f, "%-16s ", b.data ? b.data : "");
	b.len = 0;
	escape_term_buf(&b, in->kind, strlen(in->kind));
	fprintf(f, "%-24s ", b.data ? b.data : "");
	b.len = 0;
	escape_term_buf(&b, in->victim_comm[0] ? in->victim_comm : "-", strlen(in->victim_comm[0] ? in->victim_comm : "-"));
	if (known(in->victim_pid))
		snprintf(victim, sizeof(victim), "%s (%lld)", b.data ? b.data : "", (long long)in->victim_pid);
	else
		snprintf(victim, sizeof(victim), "%s", b.data ? b.data : "");
	b.len = 0;
	escape_term_buf(&b, incident_cause(in), strlen(incident_cause(in)));
	fprintf(f, "%-28s %-28s -\n", victim, b.data ? b.data : "");
	buf_release(&b);
}

void render_summary_json_incident(struct json *j, const struct incident *in, const char *source)
{
	int64_t t;
	char iso[40];
	json_obj_begin(j, NULL);
	json_str(j, "time", in->time[0] ? in->time : NULL);
	if (in->time[0] && walltime_parse_date(in->time, strlen(in->time), time(NULL), &t) == 0 &&
	    fmt_iso8601(iso, sizeof(iso), t))
		json_str(j, "time_iso", iso);
	else
		json_null(j, "time_iso");
	json_str(j, "time_basis", "log date");
	json_str(j, "host", in->host[0] ? in->host : NULL);
	json_str(j, "kind", in->kind);
	json_obj_begin(j, "victim");
	json_int(j, "pid", in->victim_pid);
	json_str(j, "comm", in->victim_comm);
	json_bool(j, "test_hog", !strcmp(in->victim_comm, OOMKIT_TEST_HOG_COMM));
	json_obj_end(j);
	json_str(j, "cause", incident_cause(in));
	json_null(j, "confidence");
	json_str(j, "source", source);
	json_null(j, "first_line");
	json_obj_end(j);
}
