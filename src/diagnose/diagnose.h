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

/* How sure a finding is: high when every line it needs was
 * read, lower when it reasons around missing lines or infers a fact the
 * report does not print.  CONF_UNSET only before diagnose fills it in. */
enum confidence { CONF_UNSET = 0, CONF_LOW, CONF_MEDIUM, CONF_HIGH };
const char *confidence_name(enum confidence c);   /* "low", "medium", "high"; "" unset */

/* The parts of a report a finding can rest on (basis_read / basis_missing). */
enum basis_part {
	BASIS_TRIGGER    = 1u << 0,   /* "invoked oom-killer: gfp_mask=…, order=…" / allocation failure line */
	BASIS_MEMINFO    = 1u << 1,   /* Mem-Info summary (active_anon: … free:) */
	BASIS_ZONES      = 1u << 2,   /* per-zone watermark lines */
	BASIS_BUDDY      = 1u << 3,   /* per-zone buddy lines (N*4kB …) */
	BASIS_SWAP       = 1u << 4,   /* Free swap / Total swap */
	BASIS_RAM        = 1u << 5,   /* "N pages RAM" totals */
	BASIS_TASKS      = 1u << 6,   /* the task table */
	BASIS_MEMCG      = 1u << 7,   /* memcg usage/limit and stat lines */
	BASIS_CONSTRAINT = 1u << 8,   /* "oom-kill:constraint=…" (5.0+) */
	BASIS_KILL       = 1u << 9,   /* "Killed process" / selection line */
	BASIS_NR         = 10
};
/* Bit i of enum basis_part: what was read ("zone lines") or what missing
 * means ("zone lines elided"). */
const char *basis_read_name(unsigned bit);
struct finding;
/* The basis in words, for every renderer: "read zone lines, buddy lines;
 * missing: Mem-Info not printed; <basis_note>" ("" when nothing is known).
 * Truncates to len.  Returns dst. */
char *finding_basis_text(const struct finding *x, char *dst, size_t len);
const char *basis_missing_name(unsigned bit);

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
	/* how sure, and from which lines (enum basis_part bits);
	 * basis_note says what was inferred rather than read ("" none) */
	enum confidence confidence;
	unsigned basis_read, basis_missing;
	char basis_note[200];
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
/* Sets the finding's confidence and basis: needs are the parts it rests on,
 * present the parts the report has; confidence high when none is missing,
 * medium with one, low with more, never above cap (CONF_UNSET: no cap).
 * note (printf, may be NULL) names what was inferred. */
void finding_basis(struct finding *x, unsigned needs, unsigned present, enum confidence cap,
		   const char *note, ...) __attribute__((format(printf, 5, 6)));
void findings_sort(struct findings *f);   /* by weight, stable */
const struct finding *findings_get(const struct findings *f, const char *id);

/* Causes of one OOM event, most likely first (ids in docs/explain-json.md).
 * Always yields at least one finding ("unknown" when nothing fits).  Also
 * ranks the event's tasks by badness (fills task badness/oom_score). */
void diagnose_event(struct oom_event *ev, struct findings *out);

/* Risks of a running machine (oomkit status; src/diagnose/live_rules.c):
 * overcommit, zones and fragmentation, lowmem, slab, PSI, OOM history and
 * risky settings.  Stable ids in docs/oomkit-status.1.scd. */
struct oom_system;
struct oom_history;
void diagnose_live(const struct oom_snapshot *s, const struct oom_system *vm,
		   const struct oom_history *h, struct findings *out);

#endif
