/* html.h — the HTML report: one self-contained HTML5 file with
 * inline CSS and inline SVG, no script and nothing fetched.  Readable without
 * colour (every fill has a pattern and every mark a text label), printable,
 * light and dark through prefers-color-scheme.
 *
 * html.c holds the page and the drawings every command shares (stacked bar,
 * zones against their watermarks, buddy heat map, line chart); html_explain.c,
 * html_incident.c and html_live.c draw what each command gathered.  Every
 * outside string reaches the page through escape_html (html_esc). */
#ifndef OOMKIT_HTML_H
#define OOMKIT_HTML_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "diagnose/analysis.h"
#include "diagnose/diagnose.h"
#include "model/event.h"
#include "render/live_render.h"

/* ---- page (html.c) ---------------------------------------------------------- */
/* <!DOCTYPE html> … <body>: title is outside text (escaped). */
void html_page_begin(FILE *f, const char *title);
void html_page_end(FILE *f);
void html_esc(FILE *f, const char *s);                 /* NULL prints nothing */
void html_kib(FILE *f, int64_t kib);                   /* "512 MiB", "unknown" */
/* One finding: severity, id, summary, evidence, advice. */
void html_finding(FILE *f, const struct finding *x);
/* What H2's confidence and basis will fill in; NULL while findings carry
 * neither (one place to change after the merge). */
const char *html_finding_confidence(const struct finding *x);
const char *html_finding_basis(const struct finding *x, char *buf, size_t len);

/* ---- stacked bar --------------------------------------------------------------
 * Segments left to right on a bar of HTML_BAR_W user units standing for
 * `whole` KiB (or for the segments' sum when that is larger: racy counters
 * may exceed the total by a little).  Unknown and non-positive segments are
 * left out of the bar but listed as "unknown" in the legend. */
#define HTML_BAR_W 960.0
struct html_seg {
	const char *cls;      /* CSS class / pattern: "anon", "file", "shmem", … */
	const char *label;
	int64_t kib;
};
void html_stacked_bar(FILE *f, const char *id, const char *caption, const struct html_seg *segs, int n,
		      int64_t whole_kib);
/* The geometry the bar uses (pure, for the golden tests): width in user
 * units of kib on a bar of width w standing for whole. */
double html_bar_width(int64_t kib, int64_t whole, double w);

/* ---- zones against their watermarks ----------------------------------------- */
struct html_zone_row {
	char name[40];        /* "0 Normal" */
	int64_t free_kib, min_kib, low_kib, high_kib;
	int64_t reserve_kib;  /* lowmem_reserve for the request's classzone; OOM_NA */
	int64_t need_kib;     /* what the check needed (mark + reserve); OOM_NA */
	const char *verdict;  /* "ok", "below min", "no block", "not usable", … */
	const char *cls;      /* "ok", "bad", "warn", "na" */
};
void html_zone_chart(FILE *f, const char *caption, const struct html_zone_row *rows, int n);
/* name ("node N Zone"), free and the three watermarks from z; the rest is
 * the caller's (reserve, need and verdict depend on the request). */
void html_zone_row_fill(struct html_zone_row *r, const struct oom_zone *z);
/* A task's points against the first's, as a small bar (the first drawn apart). */
void html_badness_bar(FILE *f, int64_t points, int64_t top, bool first);

/* ---- buddy heat map ------------------------------------------------------------ */
/* Zones × orders of free blocks, migratetype letters where printed; the
 * column of `order` (≥ 0) is marked as the request's.  usable[i] (may be
 * NULL) marks the zones the request could use. */
void html_buddy_map(FILE *f, const struct oom_snapshot *s, int64_t page_size_kib, int64_t order,
		    const bool *usable);

/* ---- line chart -------------------------------------------------------------------- */
struct html_series {
	const char *label;
	const char *cls;      /* "avail", "psi-some", "task1", … */
	int n;
	const double *x, *y;  /* y NaN: no point */
};
struct html_hline { const char *label; double y; const char *cls; };
struct html_vline { const char *label; double x; };
/* x in seconds, y in the unit named by y_unit ("MiB", "%"). */
void html_line_chart(FILE *f, const char *caption, const char *y_unit, const struct html_series *s, int ns,
		     const struct html_hline *h, int nh, const struct html_vline *v, int nv);

/* ---- explain (html_explain.c) ------------------------------------------------------ */
/* One row of the summary table at the top (kept while the events stream into
 * the body). */
struct html_event_row {
	int index;
	char time[64], host[64], kind[40], victim[OOM_COMM_LEN], cause[40];
	int64_t victim_pid;
	bool incident;        /* a guard incident, not a kernel report */
};
void html_explain_event(FILE *f, const struct oom_event *ev, const struct event_analysis *a,
			const struct findings *fs, int index, bool verbose, struct html_event_row *row);
/* The page's top: summary table with links and totals per victim name. */
void html_explain_summary(FILE *f, const struct html_event_row *rows, int n);

/* ---- guard incidents (html_incident.c) ------------------------------------------- */
struct incident;
struct incident_timeline;
void html_incident(FILE *f, const struct incident *in, const struct incident_timeline *tl, const char *source,
		   int index, struct html_event_row *row);
/* The recorder's timeline alone (for a kernel kill recorded by the guard,
 * drawn after the kernel report's section). */
void html_incident_timeline(FILE *f, const struct incident_timeline *tl);

/* ---- live commands (html_live.c) -------------------------------------------------- */
void render_status_html(FILE *f, const struct status_view *v);
void render_top_html(FILE *f, const struct top_view *v);

#endif
