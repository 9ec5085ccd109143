/* diagnose.h — one set of rules run on an event (explain) or on a live
 * snapshot (status).  Each rule yields findings: a stable id, a severity,
 * a likelihood rank, the numbers that prove it, and advice.  Fixed-size
 * storage: no heap, so the guard can diagnose on a machine in trouble. */
#ifndef OOMKIT_DIAGNOSE_H
#define OOMKIT_DIAGNOSE_H

#include "model/event.h"
#include "model/snapshot.h"

enum severity { SEV_INFO = 0, SEV_WARNING, SEV_CRITICAL };
const char *severity_name(enum severity s);   /* "info", "warning", "critical" */

#define FINDING_MAX_EVIDENCE 8
#define FINDING_MAX_ADVICE 6
#define FINDINGS_MAX 32

struct finding {
	char id[40];              /* stable: "memcg-limit", "fragmentation-high-order", … */
	enum severity severity;
	int weight;               /* likelihood / importance; findings are sorted by it, highest first */
	char summary[320];        /* one sentence, may quote process names: escape on output */
	int nr_evidence;
	char evidence[FINDING_MAX_EVIDENCE][240];
	int nr_advice;
	char advice[FINDING_MAX_ADVICE][320];
};

struct findings {
	int n;
	struct finding items[FINDINGS_MAX];
};

void findings_init(struct findings *f);
/* Adds a finding (NULL when full); fill it with the helpers below. */
struct finding *findings_add(struct findings *f, const char *id, enum severity sev, int weight,
			     const char *fmt, ...) __attribute__((format(printf, 5, 6)));
void finding_evidence(struct finding *x, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void finding_advice(struct finding *x, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void findings_sort(struct findings *f);   /* by weight, stable */
const struct finding *findings_get(const struct findings *f, const char *id);

/* Causes of one OOM event, most likely first (ids in docs/explain-json.md).
 * Always yields at least one finding ("unknown" when nothing fits).  Also
 * ranks the event's tasks by badness (fills task badness/oom_score). */
void diagnose_event(struct oom_event *ev, struct findings *out);

/* Risks of a running machine (oomkit status; src/diagnose/live_rules.c):
 * overcommit, zones and fragmentation, lowmem, slab, PSI, OOM history and
 * risky settings.  Stable ids in docs/oomkit-status.1.scd. */
struct live_vm;
struct live_history;
void diagnose_live(const struct oom_snapshot *s, const struct live_vm *vm,
		   const struct live_history *h, struct findings *out);

#endif
