/* render.h — renderers: findings and models in, text / JSON out.  A renderer
 * never reads /proc or a log; every outside string goes through the escaper
 * of its sink (escape_term, the JSON writer). */
#ifndef OOMKIT_RENDER_H
#define OOMKIT_RENDER_H

#include <stdbool.h>
#include <stdio.h>
#include <time.h>

#include "diagnose/analysis.h"
#include "diagnose/diagnose.h"
#include "model/event.h"
#include "render/style.h"
#include "util/util.h"

/* ---- explain (explain_text.c, explain_json.c) ----------------------------- */
struct explain_opts {
	bool verbose;          /* every task and every zone */
	int index;             /* 1-based number of the event in this run (0: don't print) */
};
/* A few screens per event: request, constraint, memory, zones, victim, swap,
 * causes. */
void render_explain_text(FILE *f, const struct oom_event *ev, const struct event_analysis *a,
			 const struct findings *fs, const struct style *st, const struct explain_opts *o);
/* Shared with the HTML report (html_explain.c): the title's words, and the
 * task table's order (badness, highest first; ties by rss; ineligible last)
 * as a malloc'd index array, NULL when out of memory. */
const char *explain_kind_text(const struct oom_event *ev, const struct event_analysis *a);
const char *explain_outcome_text(enum oom_outcome o);
size_t *explain_task_order(const struct oom_snapshot *s);
/* docs/explain-json.md, schema 1: {"schema": 1, "events": [ … ], "sources": [ … ]}.
 * Streamed: begin, one call per event, sources, end. */
void render_explain_json_begin(struct json *j);
void render_explain_json_event(struct json *j, const struct oom_event *ev, const struct event_analysis *a,
			       const struct findings *fs);
/* Closes "events" and opens "sources"; then one call per input read. */
void render_explain_json_sources_begin(struct json *j);
void render_explain_json_source(struct json *j, const char *name, const char *kind, bool ok,
				uint64_t bytes, uint64_t lines, int events, const char *error);
void render_explain_json_end(struct json *j);

/* ---- guard incident files (incident.c) ------------------------------------ */
struct incident;
/* Closes "events" and opens "guard_incidents" (the guard's own decisions:
 * incidents without a kernel report).  render_explain_json_sources_begin
 * closes it in turn. */
void render_explain_json_incidents_begin(struct json *j);
void render_incident_json(struct json *j, const struct incident *in, const char *source);
struct incident_timeline;
/* tl: the recorder's snapshots (report/incident.h incident_timeline), or
 * NULL; its last 60 s before the kill are shown as sparklines and rows. */
void render_incident_text(FILE *f, const struct incident *in, const struct incident_timeline *tl,
			  const char *source, int index, const struct style *st);
void render_incident_timeline_text(FILE *f, const struct incident_timeline *tl, const struct style *st);

/* ---- explain --summary (render/explain_summary.c) ---- */
#define SUMMARY_MAX_NAMES 64
struct summary_count {
	char name[64];
	int n;
};
struct explain_summary {
	int n;
	int nr_victims, nr_causes, other_victims, other_causes;
	struct summary_count victims[SUMMARY_MAX_NAMES], causes[SUMMARY_MAX_NAMES];
};
void summary_add(struct explain_summary *s, const struct oom_event *ev, const struct findings *fs);
void render_summary_text_header(FILE *f, const struct style *st);
void render_summary_text_line(FILE *f, const struct oom_event *ev, const struct findings *fs, time_t now,
			      const struct style *st);
void render_summary_text_totals(FILE *f, const struct explain_summary *s, const struct style *st);
/* JSON: the caller opens {"schema": 1, "summary": [ …; one call per event;
 * then the totals as members of the top object. */
void render_summary_json_event(struct json *j, const struct oom_event *ev, const struct findings *fs);
void render_summary_json_totals(struct json *j, const struct explain_summary *s);
struct incident;
void summary_add_incident(struct explain_summary *s, const struct incident *in);
void render_summary_text_incident(FILE *f, const struct incident *in, time_t now);
void render_summary_json_incident(struct json *j, const struct incident *in, const char *source);

#endif
