/* live_render.h — renderers of the live commands (top, status, overview).
 * They draw what the commands gathered; they never read /proc.  Every
 * outside string (comm, cgroup path) goes through its sink's escaper. */
#ifndef OOMKIT_LIVE_RENDER_H
#define OOMKIT_LIVE_RENDER_H

#include <stdbool.h>
#include <stdio.h>

#include "diagnose/diagnose.h"
#include "model/kubepods.h"
#include "model/system.h"
#include "model/snapshot.h"
#include "render/style.h"
#include "util/util.h"

/* ---- top --------------------------------------------------------------- */
struct top_view {
	struct oom_snapshot *s;        /* tasks with badness/oom_score filled by badness_rank */
	size_t *order;                 /* indices into s->tasks: ranked (best first), immune, kthreads */
	size_t n_order, n_ranked, n_immune, n_kthreads;
	size_t n_ranked_dropped;       /* ranked below the rows held (top -n): counted, not in s */
	size_t n_show;                 /* ranked rows to show (-n) */
	bool show_kthreads;            /* --all */
	int64_t totalpages;            /* of the OOM domain (machine or cgroup) */
	int64_t global_totalpages;     /* RAM + swap in pages (what oom_score is relative to) */
	int64_t lead_pages;            /* first − second, OOM_NA with < 2 ranked */
	char release[128];
	struct kver kv;
	bool memcg;                    /* ranking inside a memory cgroup */
	char scope[OOM_PATH_LEN];      /* the cgroup path inside its hierarchy; "" for the machine */
	int64_t scope_limit_kib, scope_usage_kib;
	bool limit_unlimited;          /* the cgroup has no limit: the machine's total is used */
	/* The command line of shown tasks (NUL bytes as spaces), indexed like
	 * s->tasks; NULL entries when unknown (kernel threads, gone, not read). */
	char **cmdline;
	size_t width;                  /* text: cut rows to this many columns (0: whole) */
	bool by_name;                  /* --by-name: totals per process name */
	char time_iso[40];             /* when the view was read ("" unknown); JSON "time" */
	const struct kube_names *kube; /* pod names by UID (live/kube.c); NULL: UIDs only */
};
void render_top_text(FILE *f, const struct top_view *v, const struct style *st);
void render_top_json(FILE *f, const struct top_view *v, bool pretty);
/* Rows only (for the overview): the first n ranked. */
void render_top_rows(FILE *f, const struct top_view *v, size_t n, const struct style *st);

/* ---- status ------------------------------------------------------------ */
struct status_view {
	const struct oom_snapshot *s;
	const struct oom_system *vm;
	const struct findings *f;
	const struct oom_history *h;
	const struct oom_memcg_summary *memcgs;   /* NULL: no memory controller found */
	bool meminfo_known, zones_known, vm_known, slab_known;
	const char *root;              /* --root as given; NULL for the host */
	const struct kube_names *kube; /* pod names by UID (live/kube.c); NULL: UIDs only */
};
void render_status_text(FILE *f, const struct status_view *v, const struct style *st);
void render_status_json(FILE *f, const struct status_view *v, bool pretty);
/* Prometheus text for node_exporter's textfile collector (status --metrics):
 * the guard's metric names where they mean the same (status_metrics.c). */
void render_status_metrics(FILE *f, const struct status_view *v);
/* The short form: findings (severity ≥ warning first, at most max). */
void render_status_short(FILE *f, const struct status_view *v, int max, const struct style *st);

/* The last OOM's time for text: "2026-12-04 13:04:06 (12 min ago)", else
 * "at 11519.4 s after boot (monotonic; boot time unknown)", else the log's
 * own stamp; false when there is none. */
bool history_when(const struct oom_history *h, char *buf, size_t len);
/* The comm the test hogs of `make check` run under (tests/e2e/hog.c). */
#define OOMKIT_TEST_HOG_COMM "oomkit-test-hog"

#endif
