/* incident.c — reads the guard's incident files (see incident.h). */
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "report/incident.h"

bool incident_detect(const char *s, size_t len)
{
	size_t i = 0;
	while (i < len && (s[i] == ' ' || s[i] == '\n' || s[i] == '\t' || s[i] == '\r'))
		i++;
	if (i >= len || s[i] != '{')
		return false;
	size_t n = len - i < 512 ? len - i : 512;
	return mem_find(s + i, n, "\"oomkit-incident/") != NULL;
}

static void get_str(struct jr obj, const char *key, char *dst, size_t dstlen)
{
	struct jr v;
	dst[0] = '\0';
	if (jr_get(obj, key, &v) == 0 && !jr_is_null(v))
		jr_str_copy(v, dst, dstlen);
}

static int64_t get_int(struct jr obj, const char *key)
{
	struct jr v;
	int64_t x;
	if (jr_get(obj, key, &v) == 0 && jr_int(v, &x) == 0)
		return x;
	return OOM_NA;
}

/* A number kept as written (latency "2.543"). */
static void get_num_text(struct jr obj, const char *key, char *dst, size_t dstlen)
{
	struct jr v;
	dst[0] = '\0';
	if (jr_get(obj, key, &v) == 0 && !jr_is_null(v) && *v.p != '"' && *v.p != '{' && *v.p != '[')
		str_copy(dst, dstlen, v.p, (size_t)(v.e - v.p));
}

int incident_parse(const char *s, size_t len, struct incident *in)
{
	struct jr doc, v;
	memset(in, 0, sizeof(*in));
	in->scope_limit_kib = in->scope_available_kib = OOM_NA;
	in->victim_pid = in->victim_uid = in->victim_adj = in->victim_badness_pages = OOM_NA;
	in->victim_anon_kib = in->victim_swap_kib = in->freed_kib = in->measured_freed_kib = OOM_NA;
	if (jr_doc(s, len, &doc) < 0)
		return -EINVAL;
	get_str(doc, "schema", in->schema, sizeof(in->schema));
	if (!str_starts(in->schema, "oomkit-incident/"))
		return -EINVAL;
	get_str(doc, "kind", in->kind, sizeof(in->kind));
	get_str(doc, "time", in->time, sizeof(in->time));
	get_str(doc, "host", in->host, sizeof(in->host));
	get_str(doc, "kernel", in->kernel, sizeof(in->kernel));
	if (jr_get(doc, "dry_run", &v) == 0)
		in->dry_run = jr_bool(v);
	if (jr_get(doc, "scope", &v) == 0) {
		get_str(v, "name", in->scope, sizeof(in->scope));
		get_str(v, "kind", in->scope_kind, sizeof(in->scope_kind));
		in->scope_limit_kib = get_int(v, "limit_kib");
		in->scope_available_kib = get_int(v, "available_kib");
	}
	if (jr_get(doc, "decision", &v) == 0) {
		struct jr vic, others;
		get_str(v, "reason", in->reason, sizeof(in->reason));
		get_str(v, "action", in->action, sizeof(in->action));
		get_str(v, "signal", in->signal, sizeof(in->signal));
		get_str(v, "outcome", in->outcome, sizeof(in->outcome));
		in->freed_kib = get_int(v, "freed_kib");
		in->measured_freed_kib = get_int(v, "measured_freed_kib");
		get_num_text(v, "latency_ms", in->latency_ms, sizeof(in->latency_ms));
		get_num_text(v, "decision_ms", in->decision_ms, sizeof(in->decision_ms));
		if (jr_get(v, "victim", &vic) == 0) {
			in->victim_pid = get_int(vic, "pid");
			in->victim_uid = get_int(vic, "uid");
			in->victim_adj = get_int(vic, "oom_score_adj");
			in->victim_badness_pages = get_int(vic, "badness_pages");
			in->victim_anon_kib = get_int(vic, "anon_kib");
			in->victim_swap_kib = get_int(vic, "swap_kib");
			get_str(vic, "comm", in->victim_comm, sizeof(in->victim_comm));
			get_str(vic, "cmdline", in->victim_cmdline, sizeof(in->victim_cmdline));
		} else {
			/* a kernel kill: the kernel's victim */
			in->victim_pid = get_int(v, "kernel_victim_pid");
			get_str(v, "kernel_victim_comm", in->victim_comm, sizeof(in->victim_comm));
		}
		if (jr_get(v, "others", &others) == 0) {
			struct jr_iter it = { 0 };
			struct jr x;
			while (jr_next(others, &it, &x) == 1)
				in->nr_others++;
		}
	}
	in->have_kernel_report = jr_get(doc, "kernel_report", &v) == 0 && !jr_is_null(v);
	if (jr_get(doc, "events", &in->events) == 0) {
		struct jr_iter it = { 0 };
		struct jr ev, causes, c;
		if (jr_next(in->events, &it, &ev) == 1 && jr_get(ev, "causes", &causes) == 0) {
			struct jr_iter ci = { 0 };
			while (in->nr_causes < INCIDENT_MAX_CAUSES && jr_next(causes, &ci, &c) == 1) {
				struct jr adv, a;
				int k = in->nr_causes++;
				get_str(c, "id", in->causes[k].id, sizeof(in->causes[k].id));
				get_str(c, "summary", in->causes[k].summary, sizeof(in->causes[k].summary));
				if (jr_get(c, "advice", &adv) == 0) {
					struct jr_iter ai = { 0 };
					while (in->causes[k].nr_advice < 2 && jr_next(adv, &ai, &a) == 1) {
						int n = in->causes[k].nr_advice++;
						jr_str_copy(a, in->causes[k].advice[n], sizeof(in->causes[k].advice[n]));
					}
				}
			}
		}
	} else {
		in->events.p = in->events.e = NULL;
	}
	return 0;
}

int incident_kernel_report(const char *s, size_t len, struct buf *out)
{
	struct jr doc, rep, line;
	if (jr_doc(s, len, &doc) < 0)
		return -EINVAL;
	if (jr_get(doc, "kernel_report", &rep) < 0 || jr_is_null(rep))
		return 0;
	struct jr_iter it = { 0 };
	int n = 0, r;
	while ((r = jr_next(rep, &it, &line)) == 1) {
		if (jr_str(line, out) < 0 || buf_addc(out, '\n') < 0)
			return -EINVAL;
		n++;
	}
	return r < 0 ? -EINVAL : n;
}

static double get_double(struct jr obj, const char *key)
{
	struct jr v;
	char t[32];
	if (jr_get(obj, key, &v) < 0 || jr_is_null(v) || *v.p == '"' || *v.p == '{' || *v.p == '[' ||
	    (size_t)(v.e - v.p) >= sizeof(t))
		return NAN;
	memcpy(t, v.p, (size_t)(v.e - v.p));
	t[v.e - v.p] = '\0';
	char *end;
	double d = strtod(t, &end);
	return *end == '\0' && isfinite(d) ? d : NAN;
}

int incident_timeline(const char *s, size_t len, struct incident_timeline *out)
{
	struct jr doc, rec, x, v;
	if (jr_doc(s, len, &doc) < 0)
		return -EINVAL;
	out->n = 0;
	out->kill_time_ms = get_int(doc, "time_ms");
	out->limit_kib = out->term_threshold_kib = out->kill_threshold_kib = OOM_NA;
	if (jr_get(doc, "scope", &v) == 0) {
		out->limit_kib = get_int(v, "limit_kib");
		out->term_threshold_kib = get_int(v, "term_threshold_kib");
		out->kill_threshold_kib = get_int(v, "kill_threshold_kib");
	}
	if (jr_get(doc, "recorder", &rec) < 0 || jr_is_null(rec))
		return 0;
	struct jr_iter it = { 0 };
	int r;
	while ((r = jr_next(rec, &it, &x)) == 1) {
		/* a ring: keep the newest INCIDENT_TL_MAX */
		if (out->n == INCIDENT_TL_MAX) {
			memmove(out->samples, out->samples + 1, (INCIDENT_TL_MAX - 1) * sizeof(out->samples[0]));
			out->n--;
		}
		struct incident_sample *p = &out->samples[out->n];
		memset(p, 0, sizeof(*p));
		p->time_ms = get_int(x, "time_ms");
		p->mem_available_kib = p->scope_available_kib = OOM_NA;
		p->psi_some_avg10 = p->psi_full_avg10 = NAN;
		if (!known(p->time_ms))
			continue;
		if (jr_get(x, "meminfo_kib", &v) == 0)
			p->mem_available_kib = get_int(v, "MemAvailable");
		if (jr_get(x, "psi", &v) == 0) {
			p->psi_some_avg10 = get_double(v, "some_avg10");
			p->psi_full_avg10 = get_double(v, "full_avg10");
		}
		struct jr_iter ai = { 0 };
		struct jr e;
		int64_t k;
		if (jr_get(x, "scope_available_kib", &v) == 0 && jr_next(v, &ai, &e) == 1 && jr_int(e, &k) == 0)
			p->scope_available_kib = k;
		if (jr_get(x, "tasks", &v) == 0) {
			struct jr_iter ti = { 0 };
			while (p->nr_tasks < INCIDENT_TL_TASKS && jr_next(v, &ti, &e) == 1) {
				int n = p->nr_tasks++;
				p->tasks[n].pid = get_int(e, "pid");
				p->tasks[n].anon_kib = get_int(e, "anon_kib");
				get_str(e, "comm", p->tasks[n].comm, sizeof(p->tasks[n].comm));
			}
		}
		out->n++;
	}
	return r < 0 ? -EINVAL : 0;
}
