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

const char *confidence_name(enum confidence c)
{
	switch (c) {
	case CONF_HIGH: return "high";
	case CONF_MEDIUM: return "medium";
	case CONF_LOW: return "low";
	case CONF_UNSET: break;
	}
	return "";
}

static const char *const basis_names[BASIS_NR][2] = {
	{ "trigger line", "head of report cut (no trigger line: the request is unknown)" },
	{ "Mem-Info summary", "Mem-Info not printed" },
	{ "zone lines", "zone lines elided" },
	{ "buddy lines", "buddy lines elided" },
	{ "swap lines", "swap not printed" },
	{ "RAM totals", "RAM totals (pages RAM) not printed" },
	{ "task table", "task table not printed" },
	{ "memcg lines", "memcg usage/limit lines not printed" },
	{ "constraint line", "no oom-kill constraint line (before 5.0, or cut)" },
	{ "kill line", "kill line not printed" },
};

static int bit_index(unsigned bit)
{
	for (int i = 0; i < BASIS_NR; i++)
		if (bit == 1u << i)
			return i;
	return -1;
}

const char *basis_read_name(unsigned bit)
{
	int i = bit_index(bit);
	return i < 0 ? "" : basis_names[i][0];
}

const char *basis_missing_name(unsigned bit)
{
	int i = bit_index(bit);
	return i < 0 ? "" : basis_names[i][1];
}

char *finding_basis_text(const struct finding *x, char *dst, size_t len)
{
	size_t n = 0;
	const char *sep = "read ";
	if (len == 0)
		return dst;
	dst[0] = '\0';
#define PUT(str) do { int w_ = snprintf(dst + n, len - n, "%s", (str)); \
		n = w_ < 0 ? n : (size_t)w_ >= len - n ? len - 1 : n + (size_t)w_; } while (0)
	for (unsigned b = 0; b < BASIS_NR; b++)
		if (x->basis_read & (1u << b)) {
			PUT(sep);
			PUT(basis_read_name(1u << b));
			sep = ", ";
		}
	sep = n ? "; missing: " : "missing: ";
	for (unsigned b = 0; b < BASIS_NR; b++)
		if (x->basis_missing & (1u << b)) {
			PUT(sep);
			PUT(basis_missing_name(1u << b));
			sep = ", ";
		}
	if (x->basis_note[0]) {
		PUT(n ? "; " : "");
		PUT(x->basis_note);
	}
#undef PUT
	return dst;
}

void finding_basis(struct finding *x, unsigned needs, unsigned present, enum confidence cap,
		   const char *note, ...)
{
	if (!x)
		return;
	x->basis_read = needs & present;
	x->basis_missing = needs & ~present;
	int missing = __builtin_popcount(x->basis_missing);
	enum confidence c = missing == 0 ? CONF_HIGH : missing == 1 ? CONF_MEDIUM : CONF_LOW;
	if (cap != CONF_UNSET && cap < c)
		c = cap;
	x->confidence = c;
	if (note) {
		va_list ap;
		va_start(ap, note);
		vsnprintf(x->basis_note, sizeof(x->basis_note), note, ap);
		va_end(ap);
	}
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
