/* evidence.c — what the guard leaves behind: the JSON events (kill,
 * decision, start, degraded), the incident files that explain reads like a
 * kernel report (a model event built from the scope, judged by the same
 * diagnosis), their update when the victim has exited, and the log-line
 * helpers. */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "guard/daemon_int.h"
#include "live/live.h"
#include "render/render.h"
#include "report/report.h"

static void iso_time(char *dst, size_t len, int64_t *ms_out)
{
	struct timespec ts;
	clock_gettime(CLOCK_REALTIME, &ts);
	struct tm tm;
	gmtime_r(&ts.tv_sec, &tm);
	size_t n = strftime(dst, len, "%Y-%m-%dT%H:%M:%S", &tm);
	snprintf(dst + n, len - n, ".%03ldZ", ts.tv_nsec / 1000000);
	if (ms_out)
		*ms_out = (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

const char *scope_kind_name(enum guard_scope_kind k)
{
	return k == SCOPE_MACHINE ? "machine" : k == SCOPE_CGROUP_V1 ? "cgroup-v1" : "cgroup-v2";
}

/* Begins an events-file line: {"event": NAME, "time": …}. */
struct json *guard_event_begin(struct json *j, const char *name)
{
	guard_sink_reset(&D.esink);
	json_init(j, D.esink.f, false);
	json_obj_begin(j, NULL);
	json_str(j, "event", name);
	char t[40];
	iso_time(t, sizeof(t), NULL);
	json_str(j, "time", t);
	return j;
}

void guard_event_end(struct json *j)
{
	json_obj_end(j);
	json_end(j);
	fflush(D.esink.f);
	if (D.events_fd >= 0 && !D.esink.overflow) {
		ssize_t w = write(D.events_fd, D.esink.buf, D.esink.len);
		(void)w;
	}
}

/* A terminal-safe copy of an outside string for the log lines. */
const char *log_safe(const char *s, char *dst, size_t len)
{
	escape_term_to(dst, len, s, strlen(s), false);
	return dst;
}

void guard_degrade(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void guard_degrade(const char *fmt, ...)
{
	va_list ap;
	if (D.started) {
		/* After the start report (a SIGHUP): said at once. */
		char msg[512];
		va_start(ap, fmt);
		vsnprintf(msg, sizeof(msg), fmt, ap);
		va_end(ap);
		guard_log(GLOG_WARNING, "degraded: %s", msg);
		return;
	}
	size_t used = strlen(D.degraded);
	va_start(ap, fmt);
	vsnprintf(D.degraded + used, sizeof(D.degraded) - used, fmt, ap);
	va_end(ap);
	used = strlen(D.degraded);
	if (used + 1 < sizeof(D.degraded) && (used == 0 || D.degraded[used - 1] != '\n'))
		strcat(D.degraded, "\n");
}


/* A model event from the scope as it stands, so the explain engine can judge
 * a guard kill as it judges a kernel report. */
static void build_event(const struct guard_scope *sc, const struct guard_task *victim, int64_t freed_since_kib)
{
	struct oom_event *ev = &D.ev;
	struct oom_task *keep = D.diag_tasks;
	memset(ev, 0, sizeof(*ev));
	event_init(ev);
	ev->kind = sc->kind == SCOPE_MACHINE ? OOM_KIND_GLOBAL : OOM_KIND_MEMCG;
	ev->outcome = OOM_OUTCOME_KILLED;
	str_copy(ev->kernel, sizeof(ev->kernel), D.release, strlen(D.release));
	ev->kv = D.kv;
	iso_time(ev->time, sizeof(ev->time), NULL);
	str_copy(ev->host, sizeof(ev->host), D.host, strlen(D.host));
	str_copy(ev->source, sizeof(ev->source), "oomkit guard", 12);
	struct oom_snapshot *s = &ev->snap;
	s->page_size_kib = D.page_kib;
	const struct guard_rec *r = guard_recorder_last(&D.rec);
	if (r) {
		s->mem.total_kib = r->mem_total;
		s->mem.free_kib = r->mem_free;
		s->mem.available_kib = r->mem_available;
		s->mem.shmem_kib = r->shmem;
		s->mem.slab_reclaimable_kib = r->slab_reclaimable;
		s->mem.slab_unreclaimable_kib = r->slab_unreclaimable;
		s->mem.kernel_stack_kib = r->kernel_stack;
		s->mem.pagetables_kib = r->page_tables;
		s->mem.swap_total_kib = r->swap_total;
		s->mem.swap_free_kib = r->swap_free;
		s->mem.dirty_kib = r->dirty;
		s->mem.writeback_kib = r->writeback;
		s->mem.unevictable_kib = r->unevictable;
		s->mem.committed_as_kib = r->committed_as;
		s->mem.commit_limit_kib = r->commit_limit;
		ev->have_meminfo = sc->kind == SCOPE_MACHINE;
	}
	if (sc->kind != SCOPE_MACHINE) {
		s->have_memcg = true;
		memcg_init(&s->memcg);
		str_copy(s->memcg.path, sizeof(s->memcg.path), sc->name, strlen(sc->name));
		s->memcg.version = sc->kind == SCOPE_CGROUP_V1 ? 1 : 2;
		/* The scope was read again after the kill (to measure what it
		 * freed): add that back, so the diagnosis judges the cgroup as
		 * it stood when the guard decided, not after. */
		s->memcg.usage_kib = known(sc->usage_kib) && known(freed_since_kib) && freed_since_kib > 0
					     ? sat_add(sc->usage_kib, freed_since_kib) : sc->usage_kib;
		s->memcg.limit_kib = sc->total_kib;
		s->memcg.file_kib = sc->file_kib;
		s->memcg.oom_kill_count = sc->kernel_oom_kills;
		str_copy(ev->oom_memcg, sizeof(ev->oom_memcg), sc->name, strlen(sc->name));
		str_copy(ev->constraint, sizeof(ev->constraint), "CONSTRAINT_MEMCG", 16);
	} else {
		str_copy(ev->constraint, sizeof(ev->constraint), "CONSTRAINT_NONE", 15);
	}
	/* The tasks of the scope (largest first is not needed: the engine ranks). */
	size_t n = D.ts.n < DIAG_TASKS ? D.ts.n : DIAG_TASKS;
	for (size_t i = 0; i < n; i++)
		keep[i] = D.ts.tasks[i].t;
	s->tasks = keep;
	s->nr_tasks = n;
	s->cap_tasks = n;
	ev->have_task_table = n > 0;
	if (victim) {
		ev->have_victim = true;
		ev->victim.pid = victim->t.pid;
		str_copy(ev->victim.comm, sizeof(ev->victim.comm), victim->t.comm, strlen(victim->t.comm));
		ev->victim.uid = victim->t.uid;
		ev->victim.total_vm_kib = known(victim->t.total_vm_pages) ? victim->t.total_vm_pages * D.page_kib : OOM_NA;
		ev->victim.anon_rss_kib = known(victim->t.rss_anon_pages) ? victim->t.rss_anon_pages * D.page_kib : OOM_NA;
		ev->victim.file_rss_kib = known(victim->t.rss_file_pages) ? victim->t.rss_file_pages * D.page_kib : OOM_NA;
		ev->victim.shmem_rss_kib = known(victim->t.rss_shmem_pages) ? victim->t.rss_shmem_pages * D.page_kib : OOM_NA;
		ev->victim.pgtables_kib = known(victim->t.pgtables_bytes) ? victim->t.pgtables_bytes / 1024 : OOM_NA;
		ev->victim.oom_score_adj = victim->t.oom_score_adj;
	}
}

static void json_task(struct json *j, const char *key, const struct guard_task *g)
{
	json_obj_begin(j, key);
	json_int(j, "pid", g->t.pid);
	json_str(j, "comm", g->t.comm);
	json_str(j, "cmdline", g->cmdline);
	json_int(j, "uid", g->t.uid);
	json_int(j, "pgid", g->pgid);
	json_int(j, "oom_score_adj", g->t.oom_score_adj);
	json_int(j, "badness_pages", g->t.badness);
	json_int(j, "anon_kib", known(g->t.rss_anon_pages) ? g->t.rss_anon_pages * D.page_kib : OOM_NA);
	json_int(j, "file_kib", known(g->t.rss_file_pages) ? g->t.rss_file_pages * D.page_kib : OOM_NA);
	json_int(j, "shmem_kib", known(g->t.rss_shmem_pages) ? g->t.rss_shmem_pages * D.page_kib : OOM_NA);
	json_int(j, "swap_kib", known(g->t.swapents_pages) ? g->t.swapents_pages * D.page_kib : OOM_NA);
	json_int(j, "freeable_kib", guard_task_freeable_kib(g, D.page_kib));
	if (g->tier < 0)
		json_str(j, "protected", g->why_protected ? g->why_protected : "yes");
	else
		json_str(j, "tier", g->tier == 0 ? "prefer" : g->tier == 2 ? "avoid" : "normal");
	json_obj_end(j);
}

static void json_scope(struct json *j, const struct guard_scope *sc)
{
	json_obj_begin(j, "scope");
	json_str(j, "name", sc->name);
	guard_kube_json(j, sc->name, -1);   /* issue 13: the scope's pod */
	json_str(j, "kind", scope_kind_name(sc->kind));
	json_int(j, "limit_kib", sc->total_kib);
	json_int(j, "available_kib", sc->avail_kib);
	json_int(j, "usage_kib", sc->usage_kib);
	json_int(j, "file_kib", sc->file_kib);
	json_int(j, "term_threshold_kib", sc->term_kib);
	json_int(j, "kill_threshold_kib", sc->kill_kib);
	json_int(j, "swap_total_kib", sc->swap_total_kib);
	json_int(j, "swap_free_kib", sc->swap_free_kib);
	json_int(j, "kernel_oom_kills", sc->kernel_oom_kills);
	json_str(j, "level", sc->level == LEVEL_KILL ? "kill" : sc->level == LEVEL_TERM ? "term" : "ok");
	if (sc->psi.known) {
		json_obj_begin(j, "psi");
		json_double(j, "some_avg10", sc->psi.some_avg10, 2);
		json_double(j, "full_avg10", sc->psi.full_avg10, 2);
		json_obj_end(j);
	}
	json_obj_end(j);
}

static void incident_event(struct oom_event *ev, void *ctx)
{
	struct json *j = ctx;
	event_analyse(ev, &D.analysis);
	findings_init(&D.findings);
	diagnose_event_analysed(ev, &D.analysis, &D.findings);
	render_explain_json_event(j, ev, &D.analysis, &D.findings);
}

int write_incident(const struct decision_facts *f, char *path_out, size_t path_len)
{
	if (D.incident_dirfd < 0)
		return -ENOENT;
	char t[40];
	int64_t ms;
	iso_time(t, sizeof(t), &ms);
	guard_sink_reset(&D.sink);
	struct json j;
	json_init(&j, D.sink.f, true);
	json_obj_begin(&j, NULL);
	json_str(&j, "schema", "oomkit-incident/1");
	json_str(&j, "kind", f->kind);
	json_str(&j, "time", t);
	json_int(&j, "time_ms", ms);
	json_str(&j, "host", D.host);
	json_str(&j, "kernel", D.release);
	json_str(&j, "oomkit_version", OOMKIT_VERSION);
	json_bool(&j, "dry_run", D.cfg->dry_run);
	if (f->sc)
		json_scope(&j, f->sc);
	json_obj_begin(&j, "decision");
	if (f->ch && f->victim) {
		json_str(&j, "reason", f->ch->reason);
		json_str(&j, "action", f->ch->action == GUARD_ACTION_CGROUP ? "cgroup" :
				       f->ch->action == GUARD_ACTION_PGROUP ? "pgroup" : "process");
		json_str(&j, "signal", f->signal);
		json_str(&j, "unit", f->ch->unit[0] ? f->ch->unit : NULL);     /* restart-unit (unit.c) */
		json_int(&j, "need_kib", f->ch->need_kib);
		json_int(&j, "freeable_kib", f->ch->freeable_kib);
		json_int(&j, "processes", f->ch->nr_group);
		json_int(&j, "candidates", f->ch->nr_candidates);
		json_int(&j, "protected", f->ch->nr_protected);
		json_double(&j, "decision_ms", f->decision_ms, 3);
		json_double(&j, "latency_ms", f->latency_ms, 3);
		json_int(&j, "freed_kib", f->freed_kib);
		json_int(&j, "measured_freed_kib", f->measured_freed_kib);
		json_str(&j, "outcome", f->outcome);
		json_task(&j, "victim", f->victim);
		guard_kube_json(&j, NULL, f->victim->t.pid);   /* issue 13: the victim's pod */
		/* The next candidates and the protected large ones, for "why this one?". */
		json_arr_begin(&j, "others");
		int shown = 0;
		for (size_t i = 0; i < D.ts.n && shown < 16; i++) {
			const struct guard_task *g = &D.ts.tasks[i];
			if (g == f->victim || g->t.kthread)
				continue;
			if (guard_task_freeable_kib(g, D.page_kib) < 1024)
				continue;
			json_task(&j, NULL, g);
			shown++;
		}
		json_arr_end(&j);
	} else if (!strcmp(f->kind, "guard-unowned")) {
		json_str(&j, "outcome", f->outcome);
		json_int(&j, "unowned_kib", f->unowned_kib);
		json_int(&j, "owned_kib", f->owned_kib);
		json_int(&j, "need_kib", f->freed_kib);
	} else {
		json_str(&j, "outcome", f->outcome);
		json_int(&j, "kernel_victim_pid", f->kernel_pid);
		json_str(&j, "kernel_victim_comm", f->kernel_comm);
	}
	json_obj_end(&j);
	if (f->kreport && f->kreport_len) {
		json_arr_begin(&j, "kernel_report");
		const char *p = f->kreport, *end = f->kreport + f->kreport_len;
		while (p < end) {
			const char *nl = memchr(p, '\n', (size_t)(end - p));
			const char *le = nl ? nl : end;
			json_strn(&j, NULL, p, (size_t)(le - p));
			p = nl ? nl + 1 : end;
		}
		json_arr_end(&j);
	}
	/* The diagnosis, in the shape of `oomkit explain --json` events.  For
	 * the kernel's own kill, its report is parsed as explain does (this
	 * allocates: the kernel has just freed memory, and this runs after
	 * the kill, never before a decision). */
	int parsed = 0;
	bool arr = false;
	if (f->kreport && f->kreport_len && D.kreport_fd >= 0 && ftruncate(D.kreport_fd, 0) == 0 &&
	    pwrite(D.kreport_fd, f->kreport, f->kreport_len, 0) == (ssize_t)f->kreport_len &&
	    lseek(D.kreport_fd, 0, SEEK_SET) == 0) {
		json_arr_begin(&j, "events");
		arr = true;
		parsed = report_read_fd(D.kreport_fd, "/dev/kmsg", incident_event, NULL, &j);
	}
	if (f->sc && parsed <= 0) {
		if (!arr)
			json_arr_begin(&j, "events");
		arr = true;
		build_event(f->sc, f->victim, f->measured_freed_kib);
		event_analyse(&D.ev, &D.analysis);
		findings_init(&D.findings);
		diagnose_event_analysed(&D.ev, &D.analysis, &D.findings);
		render_explain_json_event(&j, &D.ev, &D.analysis, &D.findings);
	}
	if (arr)
		json_arr_end(&j);
	guard_recorder_json(&D.rec, &j, "recorder", 60);
	json_obj_end(&j);
	json_end(&j);
	fflush(D.sink.f);
	if (D.sink.overflow)
		guard_log(GLOG_WARNING, "incident file truncated at %zu bytes", D.sink.cap);
	char name[128];
	char stamp[32];
	struct timespec now;
	clock_gettime(CLOCK_REALTIME, &now);
	struct tm tm;
	gmtime_r(&now.tv_sec, &tm);
	strftime(stamp, sizeof(stamp), "%Y%m%dT%H%M%S", &tm);
	int64_t pid = f->victim ? f->victim->t.pid : f->kernel_pid;
	snprintf(name, sizeof(name), "%s.%03ldZ-%s-%lld.json", stamp, now.tv_nsec / 1000000, f->kind,
		 (long long)(known(pid) ? pid : 0));
	char full[OOM_PATH_LEN + 160];
	snprintf(full, sizeof(full), "%s/%s", D.cfg->incident_dir, name);
	int rc = guard_sink_save(&D.sink, full);
	if (rc == 0) {
		D.ms.incidents_total++;
		D.ms.last_incident_time_s = (int64_t)time(NULL);   /* issue 13 */
		str_copy(path_out, path_len, full, strlen(full));
	} else {
		guard_log(GLOG_WARNING, "incident file %s: %s", full, strerror(-rc));
	}
	return rc;
}


void emit_kill_event(const struct decision_facts *f, const char *incident)
{
	struct json j;
	guard_event_begin(&j, f->kind[6] == 'd' ? "decision" : "kill");
	json_int(&j, "pid", f->victim->t.pid);
	json_str(&j, "comm", f->victim->t.comm);
	json_str(&j, "signal", f->signal);
	json_str(&j, "scope", f->sc->name);
	guard_kube_json(&j, f->sc->name, f->victim->t.pid);   /* issue 13: pods */
	json_str(&j, "reason", f->ch->reason);
	json_str(&j, "level", f->sc->level == LEVEL_KILL ? "kill" : "term");
	json_str(&j, "action", f->ch->action == GUARD_ACTION_CGROUP ? "cgroup" :
			       f->ch->action == GUARD_ACTION_PGROUP ? "pgroup" : "process");
	json_int(&j, "processes", f->ch->nr_group);
	json_str(&j, "unit", f->ch->unit[0] ? f->ch->unit : NULL);     /* restart-unit (unit.c) */
	/* KiB as "_kib", like the incidents; the "_kb" names stay one more
	 * release for existing readers (docs/oomkit-guard.1.scd). */
	json_int(&j, "freed_kib", f->freed_kib);
	json_int(&j, "measured_freed_kib", f->measured_freed_kib);
	json_int(&j, "freed_kb", f->freed_kib);
	json_int(&j, "measured_freed_kb", f->measured_freed_kib);
	json_int(&j, "latency_ms", (int64_t)(f->latency_ms + 0.5));
	json_double(&j, "latency_ms_exact", f->latency_ms, 3);
	json_double(&j, "decision_ms", f->decision_ms, 3);
	json_double(&j, "signal_ms", f->signal_ms, 3);
	json_int(&j, "badness", f->ch->badness);
	json_int(&j, "oom_score_adj", f->victim->t.oom_score_adj);
	json_str(&j, "outcome", f->outcome);
	json_bool(&j, "dry_run", D.cfg->dry_run);
	json_str(&j, "incident", incident && *incident ? incident : NULL);
	guard_event_end(&j);
}

/* Replaces the value of the first "key": in the JSON text buf[0, *len)
 * (the incident writer's own pretty output: "key": value) by val, which
 * is JSON text; prefix, when given, goes in before the key ("k": v, ).
 * 0, or -ENOENT / -ENOSPC. */
static int json_text_replace(char *buf, size_t *len, size_t cap, const char *key, const char *val,
			     const char *prefix)
{
	char pat[64];
	int pl = snprintf(pat, sizeof(pat), "\"%s\": ", key);
	const char *kf = pl > 0 ? mem_find(buf, *len, pat) : NULL;   /* our own JSON: not kernel text */
	if (!kf)
		return -ENOENT;
	char *k = buf + (kf - buf);
	char *v = k + pl, *end = buf + *len, *ve = v;
	if (ve < end && *ve == '"') {
		for (ve++; ve < end && *ve != '"'; ve++)
			if (*ve == '\\' && ve + 1 < end)
				ve++;
		if (ve < end)
			ve++;
	} else {
		while (ve < end && *ve != ',' && *ve != '\n' && *ve != '}')
			ve++;
	}
	size_t plen = prefix ? strlen(prefix) : 0, vlen = strlen(val);
	size_t old = (size_t)(ve - v), grow = plen + vlen;
	if (*len - old + grow > cap)
		return -ENOSPC;
	/* The new value, then the prefix before the key. */
	memmove(v + vlen, ve, (size_t)(end - ve));
	memcpy(v, val, vlen);
	*len = *len - old + vlen;
	if (plen) {
		memmove(k + plen, k, (size_t)(buf + *len - k));
		memcpy(k, prefix, plen);
		*len += plen;
	}
	return 0;
}

/* The incident written at the signal tells what was known then; when the
 * victim has exited (or proved unkillable) its decision is rewritten with
 * the outcome, the memory the scope got back and the time to exit, so
 * `oomkit explain` never reports "got back 0 KiB" for a kill that worked.
 * Everything else in the file (task table, recorder, diagnosis) stays. */
void incident_update(const char *path, const char *outcome, int64_t measured_kib, double latency_ms,
			    double exit_ms)
{
	if (!path || !*path)
		return;
	int fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
	if (fd < 0)
		return;
	guard_sink_reset(&D.sink);
	size_t len = 0;
	ssize_t r;
	while (len < D.sink.cap && (r = read(fd, D.sink.buf + len, D.sink.cap - len)) > 0)
		len += (size_t)r;
	close(fd);
	if (len == 0 || len >= D.sink.cap)
		return;
	char val[256], pre[64];
	struct json_text { const char *key, *val, *prefix; } rep[3];
	char num[2][32];
	int nr = 0;
	{
		/* outcome as a JSON string: through the JSON writer of a small sink */
		char ob[200];
		struct guard_sink tmp;
		if (guard_sink_open(&tmp, ob, sizeof(ob) - 1) != 0)
			return;
		struct json j;
		json_init(&j, tmp.f, false);
		json_str(&j, NULL, outcome);
		json_end(&j);
		fflush(tmp.f);
		size_t ol = tmp.len;
		guard_sink_close(&tmp);
		memcpy(val, ob, ol);
		val[ol] = '\0';
	}
	snprintf(pre, sizeof(pre), "\"exit_ms\": %.3f, ", exit_ms);
	rep[nr++] = (struct json_text){ "outcome", val, exit_ms >= 0 ? pre : NULL };
	snprintf(num[0], sizeof(num[0]), "%lld", (long long)measured_kib);
	if (known(measured_kib))
		rep[nr++] = (struct json_text){ "measured_freed_kib", num[0], NULL };
	snprintf(num[1], sizeof(num[1]), "%.3f", latency_ms);
	if (latency_ms >= 0)
		rep[nr++] = (struct json_text){ "latency_ms", num[1], NULL };
	for (int i = 0; i < nr; i++)
		if (json_text_replace(D.sink.buf, &len, D.sink.cap, rep[i].key, rep[i].val, rep[i].prefix) != 0)
			return;
	D.sink.len = len;
	int rc = guard_sink_save(&D.sink, path);
	if (rc != 0)
		guard_log(GLOG_WARNING, "incident file %s: cannot update: %s", path, strerror(-rc));
}
