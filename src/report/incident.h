/* incident.h — the guard's incident files as a source for `oomkit explain`
 * (format: oomkit-guard(1), "schema": "oomkit-incident/1").  An incident of
 * a kernel kill carries the kernel's own report lines, which go through the
 * normal scanner and parser; one of the guard's own decisions carries the
 * decision and a diagnosis already in explain's event shape. */
#ifndef OOMKIT_INCIDENT_H
#define OOMKIT_INCIDENT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "util/jsonread.h"
#include "util/util.h"

#define INCIDENT_MAX_BYTES (64u << 20)
#define INCIDENT_MAX_CAUSES 4

struct incident {
	char schema[32];
	char kind[32];                   /* guard-kill, guard-dry-run, kernel-oom-kill, … */
	char time[64], host[64], kernel[128];
	bool dry_run;
	char scope[512], scope_kind[32];
	int64_t scope_limit_kib, scope_available_kib;
	/* the decision */
	char reason[160], action[32], signal[16], outcome[128];
	int64_t victim_pid, victim_uid, victim_adj, victim_badness_pages;
	char victim_comm[64], victim_cmdline[256];
	int64_t victim_anon_kib, victim_swap_kib, freed_kib, measured_freed_kib;
	char latency_ms[32], decision_ms[32];   /* as written */
	int nr_others;                   /* other candidates listed */
	/* the diagnosis the guard wrote (events[0].causes) */
	int nr_causes;
	struct { char id[40]; char summary[320]; char advice[2][320]; int nr_advice; } causes[INCIDENT_MAX_CAUSES];
	/* spans into the document */
	struct jr events;                /* the "events" array (explain's schema-1 shape); p NULL if none */
	bool have_kernel_report;
};

/* The flight recorder's snapshots before the incident ("recorder"), for the
 * HTML timeline: available memory of the scope and of the machine, PSI, and
 * the largest tasks where a snapshot lists them.  Times are ms since the
 * epoch; quantities OOM_NA / NaN when a snapshot does not carry them. */
#define INCIDENT_TL_MAX 1024
#define INCIDENT_TL_TASKS 5
struct incident_sample {
	int64_t time_ms;
	int64_t scope_available_kib;     /* the first scope's (the incident's scope) */
	int64_t mem_available_kib;       /* MemAvailable */
	double psi_some_avg10, psi_full_avg10;
	int nr_tasks;
	struct { int64_t pid, anon_kib; char comm[64]; } tasks[INCIDENT_TL_TASKS];
};
struct incident_timeline {
	int64_t kill_time_ms;            /* the incident's "time_ms" */
	int64_t limit_kib, term_threshold_kib, kill_threshold_kib;
	int n;
	struct incident_sample samples[INCIDENT_TL_MAX];  /* oldest first; the last INCIDENT_TL_MAX */
};

/* Does this text start like an incident file?  (First bytes are enough.) */
bool incident_detect(const char *s, size_t len);
/* Reads the fields above.  0 or -EINVAL (not an incident / malformed). */
int incident_parse(const char *s, size_t len, struct incident *out);
/* The recorder's timeline.  0 (n may be 0) or -EINVAL. */
int incident_timeline(const char *s, size_t len, struct incident_timeline *out);
/* The kernel report lines, one per line, appended to out.  Returns the
 * number of lines (0 when the incident has none) or -EINVAL. */
int incident_kernel_report(const char *s, size_t len, struct buf *out);

#endif
