/* findings.c — storage for diagnosis findings (fixed size, no heap). */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "diagnose/diagnose.h"

const char *severity_name(enum severity s)
{
	switch (s) {
	case SEV_CRITICAL: return "critical";
	case SEV_WARNING: return "warning";
	case SEV_INFO: break;
	}
	return "info";
}

void findings_init(struct findings *f)
{
	f->n = 0;
}

struct finding *findings_add(struct findings *f, const char *id, enum severity sev, int weight,
			     const char *fmt, ...)
{
	if (f->n >= FINDINGS_MAX)
		return NULL;
	struct finding *x = &f->items[f->n++];
	memset(x, 0, sizeof(*x));
	snprintf(x->id, sizeof(x->id), "%s", id);
	x->severity = sev;
	x->weight = weight;
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(x->summary, sizeof(x->summary), fmt, ap);
	va_end(ap);
	return x;
}

void finding_evidence(struct finding *x, const char *fmt, ...)
{
	if (!x || x->nr_evidence >= FINDING_MAX_EVIDENCE)
		return;
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(x->evidence[x->nr_evidence++], sizeof(x->evidence[0]), fmt, ap);
	va_end(ap);
}

void finding_advice(struct finding *x, const char *fmt, ...)
{
	if (!x || x->nr_advice >= FINDING_MAX_ADVICE)
		return;
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(x->advice[x->nr_advice++], sizeof(x->advice[0]), fmt, ap);
	va_end(ap);
}

void findings_sort(struct findings *f)
{
	/* Insertion sort: stable, and n ≤ FINDINGS_MAX. */
	for (int i = 1; i < f->n; i++) {
		struct finding tmp = f->items[i];
		int j = i - 1;
		while (j >= 0 && f->items[j].weight < tmp.weight) {
			f->items[j + 1] = f->items[j];
			j--;
		}
		f->items[j + 1] = tmp;
	}
}

const struct finding *findings_get(const struct findings *f, const char *id)
{
	for (int i = 0; i < f->n; i++)
		if (strcmp(f->items[i].id, id) == 0)
			return &f->items[i];
	return NULL;
}
