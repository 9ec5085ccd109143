/* daemon.c — the guard's loop: wait on every event source the kernel gives,
 * read the scopes, decide, stop the victim, and leave the evidence.
 *
 * Start-up allocates everything (task table, recorder ring, sinks, HTTP
 * buffers), takes one warm-up pass through every code path that reads, then
 * mlockall()s; after that the loop allocates nothing (the exception is a
 * SIGHUP reload; --prefer/--avoid patterns are matched by util/pattern.c,
 * which needs only the stack). */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdarg.h>
#include <spawn.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/signalfd.h>
#include <sys/stat.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "diagnose/analysis.h"
#include "diagnose/diagnose.h"
#include "guard/guard.h"
#include "live/live.h"
#include "model/event.h"
#include "render/render.h"
#include "report/report.h"
#include "util/util.h"

extern char **environ;

#define KMSG_REPORT_CAP (64 * 1024)
#define DIAG_TASKS 512

/* The victim being stopped.  Phases: SIGTERM sent (deadline = end of the
 * grace), then SIGKILL sent (deadline = GUARD_UNKILLABLE_MS later).  A
 * victim still there at the second deadline cannot exit (frozen by a
 * freezer cgroup, stuck in D state): it is recorded as unkillable and
 * skipped, and its scope is defended again, so no victim holds a scope
 * for longer than grace + GUARD_UNKILLABLE_MS. */
#define GUARD_UNKILLABLE_MS 1000
#define GUARD_MAX_HOOKS 8
/* GUARD_FLOOD_KILLS kills in one scope within GUARD_FLOOD_NS: the scope
 * fills faster than killing its processes one at a time helps (a fork
 * bomb), and with action = cgroup the whole cgroup goes. */
#define GUARD_FLOOD_KILLS 3
#define GUARD_FLOOD_NS 5000000000ull
#define GUARD_MAX_UNKILLABLE 16
struct pending {
	bool active;
	bool killed;                     /* SIGKILL sent */
	bool released;                   /* process_mrelease succeeded */
	int scope;
	struct guard_victim v;
	char comm[OOM_COMM_LEN];
	int64_t freeable_kib, avail_before_kib;
	uint64_t crossed_ns, decided_ns;
	char incident[OOM_PATH_LEN + 160];  /* updated when the victim exits */
};

static struct daemon {
	struct guard_config cfgs[2];
	struct guard_config *cfg;
	const struct guard_cli *cli;
	struct guard_scope scopes[GUARD_MAX_SCOPES + 1];
	int nr_scopes;
	struct guard_taskset ts;
	struct guard_recorder rec;
	struct guard_http http;
	struct guard_sink sink, msink, esink;
	int events_fd, proc_dirfd, kmsg_fd, sig_fd, incident_dirfd, kreport_fd;
	struct kver kv;
	char release[128], host[64];
	int64_t page_kib;
	int64_t self_pid;
	bool have_pidfd, have_mrelease;
	bool started;                    /* the start report is out */
	bool metrics_file_ok;            /* its directory is trusted (open_outputs) */
	char degraded[4096];
	int nr_degraded;
	struct pending pend;
	uint64_t next_record_ns, next_watchdog_ns, watchdog_usec, next_metrics_ns, next_status_ns;
	uint64_t last_report_ns[GUARD_MAX_SCOPES + 1];
	uint64_t unowned_ns[GUARD_MAX_SCOPES + 1];
	/* The last kills per scope: a flood when they come too fast to help. */
	uint64_t kill_ns[GUARD_MAX_SCOPES + 1][GUARD_FLOOD_KILLS];
	unsigned kill_next[GUARD_MAX_SCOPES + 1];
	uint64_t flood_said_ns[GUARD_MAX_SCOPES + 1];   /* memory_unowned said so (0: not this crossing) */
	int64_t machine_vmstat_oom_kills;
	struct guard_metrics_state ms;
	uint64_t kills_total;
	int test_delay_ms;
	uint64_t signalled_ns;
	/* The last SIGKILLed victim: while it is still dying, no new victim. */
	int64_t last_victim_pid;
	uint64_t last_victim_start, last_victim_ns;
	/* --exec programs still running (their pid is their process group). */
	struct { pid_t pid; uint64_t deadline_ns; } hooks[GUARD_MAX_HOOKS];
	/* Victims that did not exit after SIGKILL: never chosen again. */
	struct { int64_t pid; uint64_t start_ticks; } unkillable[GUARD_MAX_UNKILLABLE];
	int nr_unkillable, next_unkillable;
	/* kmsg capture of one kernel OOM report */
	char kreport[KMSG_REPORT_CAP];
	size_t kreport_len;
	bool kcapturing;
	int kreport_scope;               /* cgroup scope the last complete report is for; -1 */
	/* A cgroup's kill counter rose: report once the kmsg report is in (or 500 ms). */
	uint64_t kkill_pending_ns[GUARD_MAX_SCOPES + 1];
	/* diagnosis */
	struct oom_event ev;
	struct oom_task *diag_tasks;
	struct findings findings;
	struct event_analysis analysis;
} D;

static char sink_buf[512 * 1024], msink_buf[128 * 1024], esink_buf[16 * 1024];

/* ---- small output helpers ------------------------------------------------ */

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

static const char *scope_kind_name(enum guard_scope_kind k)
{
	return k == SCOPE_MACHINE ? "machine" : k == SCOPE_CGROUP_V1 ? "cgroup-v1" : "cgroup-v2";
}

/* Begins an events-file line: {"event": NAME, "time": …}. */
static struct json *event_begin(struct json *j, const char *name)
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

static void event_end(struct json *j)
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
static const char *safe(const char *s, char *dst, size_t len)
{
	escape_term_to(dst, len, s, strlen(s), false);
	return dst;
}

static void degrade(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static void degrade(const char *fmt, ...)
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

/* ---- incident files ------------------------------------------------------ */

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

struct decision_facts {
	const char *kind;              /* "guard-kill", "guard-dry-run", "kernel-oom-kill" */
	const struct guard_scope *sc;
	const struct guard_choice *ch;
	const struct guard_task *victim;
	const char *signal;
	double decision_ms, latency_ms, signal_ms;
	int64_t freed_kib, measured_freed_kib;
	const char *outcome;           /* "exited", "signalled", "already-exited", … */
	const char *kreport;           /* kernel report text (kmsg records), or NULL */
	size_t kreport_len;
	int64_t kernel_pid;
	const char *kernel_comm;
	int64_t unowned_kib, owned_kib;  /* guard-unowned: held by no process / by the processes */
};

static void incident_event(struct oom_event *ev, void *ctx)
{
	struct json *j = ctx;
	event_analyse(ev, &D.analysis);
	findings_init(&D.findings);
	diagnose_event_analysed(ev, &D.analysis, &D.findings);
	render_explain_json_event(j, ev, &D.analysis, &D.findings);
}

static int write_incident(const struct decision_facts *f, char *path_out, size_t path_len)
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
		str_copy(path_out, path_len, full, strlen(full));
	} else {
		guard_log(GLOG_WARNING, "incident file %s: %s", full, strerror(-rc));
	}
	return rc;
}

/* ---- --exec ---------------------------------------------------------------- */

static void run_exec(const struct decision_facts *f, const char *incident)
{
	if (D.cfg->exec_argc == 0)
		return;
	static char envs[12][OOM_PATH_LEN + 64];
	static char *envp[16];
	static char *argv[GUARD_MAX_EXEC_ARGS + 1];
	int e = 0;
	const char *path = getenv("PATH");
	snprintf(envs[e++], sizeof(envs[0]), "PATH=%s", path ? path : "/usr/sbin:/usr/bin:/sbin:/bin");
	snprintf(envs[e++], sizeof(envs[0]), "OOMKIT_EVENT=%s", f->kind);
	snprintf(envs[e++], sizeof(envs[0]), "OOMKIT_PID=%lld", (long long)(f->victim ? f->victim->t.pid : f->kernel_pid));
	/* The name goes in as bytes in its own variable: never through a shell. */
	snprintf(envs[e++], sizeof(envs[0]), "OOMKIT_COMM=%s", f->victim ? f->victim->t.comm : f->kernel_comm ? f->kernel_comm : "");
	snprintf(envs[e++], sizeof(envs[0]), "OOMKIT_SIGNAL=%s", f->signal ? f->signal : "");
	snprintf(envs[e++], sizeof(envs[0]), "OOMKIT_SCOPE=%s", f->sc ? f->sc->name : "");
	snprintf(envs[e++], sizeof(envs[0]), "OOMKIT_REASON=%s", f->ch ? f->ch->reason : f->kind);
	snprintf(envs[e++], sizeof(envs[0]), "OOMKIT_FREED_KB=%lld", (long long)f->freed_kib);
	snprintf(envs[e++], sizeof(envs[0]), "OOMKIT_LATENCY_MS=%.3f", f->latency_ms);
	snprintf(envs[e++], sizeof(envs[0]), "OOMKIT_INCIDENT=%s", incident ? incident : "");
	snprintf(envs[e++], sizeof(envs[0]), "OOMKIT_DRY_RUN=%d", D.cfg->dry_run ? 1 : 0);
	for (int i = 0; i < e; i++)
		envp[i] = envs[i];
	envp[e] = NULL;
	for (int i = 0; i < D.cfg->exec_argc; i++)
		argv[i] = D.cfg->exec_argv[i];
	argv[D.cfg->exec_argc] = NULL;
	/* The hook starts clean: no signal blocked (the guard blocks the ones
	 * its signalfd reads), every disposition the default (SIGPIPE is
	 * ignored here), in a process group of its own, so that it and what
	 * it starts can be killed together at its timeout or the guard's stop. */
	int slot = -1;
	for (int i = 0; i < GUARD_MAX_HOOKS; i++)
		if (D.hooks[i].pid <= 0) {
			slot = i;
			break;
		}
	if (slot < 0) {
		D.ms.exec_failures_total++;
		guard_log(GLOG_WARNING, "exec %s: %d hooks still running; not started", argv[0], GUARD_MAX_HOOKS);
		return;
	}
	pid_t pid;
	int rc = -guard_spawn_hook(argv, envp, &pid);   /* spawn.c: also dies with the guard */
	if (rc != 0) {
		D.ms.exec_failures_total++;
		guard_log(GLOG_WARNING, "exec %s: %s", argv[0], strerror(rc));
		return;
	}
	D.hooks[slot].pid = pid;
	D.hooks[slot].deadline_ns = guard_now_ns() + (uint64_t)D.cfg->exec_timeout_ms * 1000000ull;
}

/* Reaps the hooks that ended; kills (their whole process group) those past
 * their timeout, or all of them when the guard stops (all). */
static void hooks_reap(bool all)
{
	pid_t pid;
	while ((pid = waitpid(-1, NULL, WNOHANG)) > 0)
		for (int i = 0; i < GUARD_MAX_HOOKS; i++)
			if (D.hooks[i].pid == pid)
				D.hooks[i].pid = 0;
	uint64_t now = guard_now_ns();
	for (int i = 0; i < GUARD_MAX_HOOKS; i++) {
		if (D.hooks[i].pid <= 0 || (!all && now < D.hooks[i].deadline_ns))
			continue;
		if (!all) {
			D.ms.exec_failures_total++;
			guard_log(GLOG_WARNING, "exec: pid %lld still running after %d ms: killed (its process group)",
				  (long long)D.hooks[i].pid, D.cfg->exec_timeout_ms);
		}
		kill(-D.hooks[i].pid, SIGKILL);
		/* The group leader is our child: reaped here or at the next SIGCHLD. */
		if (waitpid(D.hooks[i].pid, NULL, all ? 0 : WNOHANG) != 0)
			D.hooks[i].pid = 0;
		else
			D.hooks[i].deadline_ns = UINT64_MAX;
	}
}

static uint64_t hooks_next_deadline(void)
{
	uint64_t next = UINT64_MAX;
	for (int i = 0; i < GUARD_MAX_HOOKS; i++)
		if (D.hooks[i].pid > 0 && D.hooks[i].deadline_ns < next)
			next = D.hooks[i].deadline_ns;
	return next;
}

/* ---- deciding and stopping ------------------------------------------------ */

static void emit_kill_event(const struct decision_facts *f, const char *incident)
{
	struct json j;
	event_begin(&j, f->kind[6] == 'd' ? "decision" : "kill");
	json_int(&j, "pid", f->victim->t.pid);
	json_str(&j, "comm", f->victim->t.comm);
	json_str(&j, "signal", f->signal);
	json_str(&j, "scope", f->sc->name);
	json_str(&j, "reason", f->ch->reason);
	json_str(&j, "level", f->sc->level == LEVEL_KILL ? "kill" : "term");
	json_str(&j, "action", f->ch->action == GUARD_ACTION_CGROUP ? "cgroup" :
			       f->ch->action == GUARD_ACTION_PGROUP ? "pgroup" : "process");
	json_int(&j, "processes", f->ch->nr_group);
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
	event_end(&j);
}


/* Signals every process of the choice (one, its group, or the cgroup). */
static int signal_group(struct guard_scope *sc, const struct guard_choice *ch, int sig)
{
	const struct guard_task *v = &D.ts.tasks[ch->index];
	int done = 0;
	if (ch->action == GUARD_ACTION_CGROUP && sc->kind != SCOPE_MACHINE && sig == SIGKILL &&
	    ch->nr_protected == 0) {
		/* memory.oom.group semantics: every task, also those forked
		 * since the scan (cgroup.kill on v2 5.14+; else round after
		 * round over cgroup.procs).  Not with protected tasks inside:
		 * then one by one below, sparing them. */
		if (sc->kind == SCOPE_CGROUP_V2 && guard_cgroup_kill(sc->dirfd) == 0)
			return ch->nr_group;
		return guard_cgroup_signal_all(sc->dirfd, SIGKILL, 32);
	}
	for (size_t i = 0; i < D.ts.n; i++) {
		const struct guard_task *g = &D.ts.tasks[i];
		if (g == v || g->tier < 0)
			continue;
		if (ch->action == GUARD_ACTION_PGROUP && g->pgid != v->pgid)
			continue;
		struct guard_victim gv;
		if (guard_victim_open(&gv, D.proc_dirfd, g->t.pid, g->start_ticks) != 0)
			continue;
		if (guard_victim_signal(&gv, sig) == 0)
			done++;
		if (sig == SIGKILL && D.have_mrelease)
			guard_victim_mrelease(&gv);
		guard_victim_close(&gv);
	}
	return done;
}

static void finish_kill(struct guard_scope *sc, const struct guard_choice *ch, const struct guard_task *victim,
			int sig, uint64_t crossed_ns, uint64_t decided_ns, int64_t avail_before,
			const char *outcome, uint64_t freed_ns, char *incident_out, size_t incident_len)
{
	/* Latency ends when the memory is back: process_mrelease returned, or
	 * the victim exited; a SIGTERM only ends the decision. */
	uint64_t now = freed_ns ? freed_ns : guard_now_ns();
	guard_scope_read(sc, D.cfg);
	struct decision_facts f = {
		.kind = "guard-kill", .sc = sc, .ch = ch, .victim = victim,
		.signal = guard_signal_name(sig),
		.decision_ms = (double)(decided_ns - crossed_ns) / 1e6,
		.latency_ms = (double)(now - crossed_ns) / 1e6,
		.freed_kib = ch->freeable_kib,
		.measured_freed_kib = known(sc->avail_kib) && known(avail_before) ? sc->avail_kib - avail_before : OOM_NA,
		.outcome = outcome,
		.signal_ms = D.signalled_ns > crossed_ns ? (double)(D.signalled_ns - crossed_ns) / 1e6 : 0,
	};
	sc->last_latency_ms = f.latency_ms;
	int si = (int)(sc - D.scopes);
	D.kill_ns[si][D.kill_next[si]++ % GUARD_FLOOD_KILLS] = now;
	sc->kills_total[sig == SIGKILL ? 1 : 0]++;
	D.kills_total++;
	char buf[3][200];
	guard_log(GLOG_WARNING, "%s: %s pid %lld (%s), %s; freed about %lld KiB in %.1f ms (%s)",
		  safe(sc->name, buf[0], sizeof(buf[0])), guard_signal_name(sig), (long long)victim->t.pid,
		  safe(victim->t.comm, buf[1], sizeof(buf[1])), safe(ch->reason, buf[2], sizeof(buf[2])),
		  (long long)ch->freeable_kib, f.latency_ms, outcome);
	char incident[OOM_PATH_LEN + 160] = "";
	write_incident(&f, incident, sizeof(incident));
	emit_kill_event(&f, incident);
	run_exec(&f, incident);
	if (incident_out)
		str_copy(incident_out, incident_len, incident, strlen(incident));
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
static void incident_update(const char *path, const char *outcome, int64_t measured_kib, double latency_ms,
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

/* SIGKILL to the pending victim (grace over, or the kill threshold), with
 * process_mrelease; from now on it has GUARD_UNKILLABLE_MS to exit. */
static void pend_kill(const char *why)
{
	guard_victim_signal(&D.pend.v, SIGKILL);
	D.pend.released = D.have_mrelease && guard_victim_mrelease(&D.pend.v) == 0;
	D.pend.killed = true;
	D.pend.v.term_deadline_ns = guard_now_ns() + GUARD_UNKILLABLE_MS * 1000000ull;
	char b[2][200];
	guard_log(GLOG_WARNING, "%s: SIGKILL to pid %lld (%s) after SIGTERM (%s)",
		  safe(D.scopes[D.pend.scope].name, b[0], sizeof(b[0])), (long long)D.pend.v.pid,
		  safe(D.pend.comm, b[1], sizeof(b[1])), why);
}

/* The state letter of /proc/PID/stat ('D', 'S', 'T' …), '?' when unreadable. */
static char task_state(int64_t pid)
{
	char path[64], buf[512];
	snprintf(path, sizeof(path), "%lld/stat", (long long)pid);
	ssize_t n = read_small_file_at(D.proc_dirfd, path, buf, sizeof(buf));
	const char *rp = n > 0 ? strrchr(buf, ')') : NULL;
	return rp && rp[1] == ' ' && rp[2] ? rp[2] : '?';
}

/* The pending victim did not exit within GUARD_UNKILLABLE_MS of SIGKILL:
 * record it (log, event, incident) and skip it from now on. */
static void pend_unkillable(void)
{
	struct guard_scope *sc = &D.scopes[D.pend.scope];
	char st = task_state(D.pend.v.pid);
	uint64_t now = guard_now_ns();
	guard_scope_read(sc, D.cfg);
	int64_t got = known(sc->avail_kib) && known(D.pend.avail_before_kib) ? sc->avail_kib - D.pend.avail_before_kib
									     : OOM_NA;
	char b[2][200];
	guard_log(GLOG_WARNING,
		  "%s: pid %lld (%s) has not exited %d ms after SIGKILL (state %c%s; memory %s): "
		  "unkillable, skipped from now on",
		  safe(sc->name, b[0], sizeof(b[0])), (long long)D.pend.v.pid, safe(D.pend.comm, b[1], sizeof(b[1])),
		  GUARD_UNKILLABLE_MS, st, st == 'D' ? ", uninterruptible" : "",
		  D.pend.released ? "released by process_mrelease" : "not released");
	struct json j;
	event_begin(&j, "victim_unkillable");
	json_int(&j, "pid", D.pend.v.pid);
	json_str(&j, "comm", D.pend.comm);
	json_str(&j, "scope", sc->name);
	char sts[2] = { st, 0 };
	json_str(&j, "state", sts);
	json_bool(&j, "memory_released", D.pend.released);
	json_int(&j, "measured_freed_kb", got);
	json_int(&j, "waited_ms", GUARD_UNKILLABLE_MS);
	json_str(&j, "incident", D.pend.incident[0] ? D.pend.incident : NULL);
	event_end(&j);
	incident_update(D.pend.incident,
			D.pend.released ? "unkillable: did not exit after SIGKILL (memory released by process_mrelease); skipped"
					: "unkillable: did not exit after SIGKILL (frozen or in D state); skipped",
			got, (double)(now - D.pend.crossed_ns) / 1e6, -1);
	D.unkillable[D.next_unkillable].pid = D.pend.v.pid;
	D.unkillable[D.next_unkillable].start_ticks = D.pend.v.start_ticks;
	D.next_unkillable = (D.next_unkillable + 1) % GUARD_MAX_UNKILLABLE;
	if (D.nr_unkillable < GUARD_MAX_UNKILLABLE)
		D.nr_unkillable++;
	guard_victim_close(&D.pend.v);
	D.pend.active = false;
}

/* Takes the victims recorded as unkillable out of a scan (same pid and
 * start time), so the next candidate is chosen instead. */
static void drop_unkillable(void)
{
	bool dying = D.pend.active && D.pend.killed;
	if (!D.nr_unkillable && !dying)
		return;
	size_t w = 0;
	for (size_t i = 0; i < D.ts.n; i++) {
		const struct guard_task *g = &D.ts.tasks[i];
		bool skip = dying && D.pend.v.pid == g->t.pid && D.pend.v.start_ticks == g->start_ticks;
		for (int k = 0; k < D.nr_unkillable && !skip; k++)
			skip = D.unkillable[k].pid == g->t.pid && D.unkillable[k].start_ticks == g->start_ticks;
		if (!skip) {
			if (w != i)
				D.ts.tasks[w] = *g;
			w++;
		}
	}
	D.ts.n = w;
}

/* Memory of a cgroup that no process holds: tmpfs/shmem files nobody maps,
 * kernel memory charged to it (usage − file cache − every process's anon,
 * swap and page tables).  When it is the larger part and more than the
 * scope needs, kills free little and the next one frees less (each one is
 * a bystander): say so (log, event, one incident per crossing) and kill
 * nothing.  The machine: the shmem no process maps (Shmem − Mapped, a
 * lower bound); its kernel memory is not the processes' to give back, nor
 * a reason to stand by.  Returns true when the decision must stop here. */
static bool memory_unowned(int si, int64_t need_kib)
{
	struct guard_scope *sc = &D.scopes[si];
	if (need_kib <= 0)
		return false;
	int64_t owned = 0;
	for (size_t i = 0; i < D.ts.n; i++)
		owned += guard_task_freeable_kib(&D.ts.tasks[i], D.page_kib);
	int64_t unowned = guard_scope_unowned_kib(sc, owned);   /* monitor.c: cgroup or machine */
	if (!known(unowned) || unowned <= owned || unowned < need_kib)
		return false;
	uint64_t now = guard_now_ns();
	if (D.unowned_ns[si] && now - D.unowned_ns[si] < 5000000000ull)
		return true;
	bool first = !D.unowned_ns[si];
	D.unowned_ns[si] = now;
	char b[200], u[32], o[32], nd[32];
	guard_log(GLOG_WARNING,
		  "%s: %s of its memory is held by no process (tmpfs/shmem files not mapped, kernel memory); "
		  "its processes hold %s, it needs %s back: not killing",
		  safe(sc->name, b, sizeof(b)), fmt_kib(u, sizeof(u), unowned), fmt_kib(o, sizeof(o), owned),
		  fmt_kib(nd, sizeof(nd), need_kib));
	char incident[OOM_PATH_LEN + 160] = "";
	if (first) {
		struct decision_facts f = { .kind = "guard-unowned", .sc = sc,
					    .outcome = "not killed: the memory is held by no process",
					    .freed_kib = need_kib, .measured_freed_kib = OOM_NA,
					    .kernel_pid = OOM_NA, .unowned_kib = unowned, .owned_kib = owned };
		write_incident(&f, incident, sizeof(incident));
	}
	struct json j;
	event_begin(&j, "unowned_memory");
	json_str(&j, "scope", sc->name);
	json_int(&j, "unowned_kib", unowned);
	json_int(&j, "owned_kib", owned);
	json_int(&j, "need_kib", need_kib);
	json_str(&j, "incident", *incident ? incident : NULL);
	event_end(&j);
	return true;
}

/* The scope's processes, ranked while read, and the policy's choice.
 * -EIO when the scope cannot be listed (logged), else guard_policy_choose's. */
static int scan_and_choose(struct guard_scope *sc, int64_t totalpages, int64_t need, struct guard_choice *ch)
{
	const struct guard_config *c = D.cfg;
	bool need_cmdline = c->nr_prefer > 0 || c->nr_avoid > 0;
	/* The scan ranks as it reads, so a table that overflows keeps the
	 * processes the policy would take first. */
	const struct guard_rank rank = { c, D.self_pid, totalpages, D.page_kib, &D.kv };
	D.ts.rank = &rank;
	int rc = guard_scan(D.proc_dirfd, sc->kind == SCOPE_MACHINE ? -1 : sc->dirfd, need_cmdline, &D.ts);
	D.ts.rank = NULL;
	if (rc != 0) {
		guard_log(GLOG_ERR, "%s: cannot list its processes: %s", sc->name, strerror(-rc));
		return -EIO;
	}
	drop_unkillable();
	if (D.ts.nr_skipped > 0)
		guard_log(GLOG_WARNING, "%s: %zu processes, only the %zu ranked first kept (%zu lowest by policy and badness not considered)",
			  sc->name, D.ts.n + D.ts.nr_skipped, D.ts.n, D.ts.nr_skipped);
	return guard_policy_choose(c, &D.ts, D.self_pid, totalpages, D.page_kib, &D.kv, need, ch);
}

/* Is the victim also the task whose kill frees the most (of all listed,
 * protected or not)? */
static bool top_consumer(const struct guard_choice *ch)
{
	int64_t v = ch->freeable_kib;
	for (size_t i = 0; i < D.ts.n; i++)
		if (guard_task_freeable_kib(&D.ts.tasks[i], D.page_kib) > v)
			return false;
	return true;
}

/* Re-reads the scope every 5 ms while its available memory rises (at most
 * 50 ms; at least 20 ms while a process is exiting, whose pages the kernel
 * uncharges in batches as exit_mmap frees them): 1 when it left the level
 * that called for a decision, 0 when it is still short. */
static int memory_coming_back(struct guard_scope *sc, const struct guard_config *c)
{
	int min_rounds = D.ts.nr_exiting > 0 ? 4 : 1;
	int level = sc->level;
	int64_t last = sc->avail_kib;
	for (int i = 0; i < 10; i++) {
		struct timespec d = { 0, 5000000L };
		nanosleep(&d, NULL);
		if (guard_scope_read(sc, c) < 0)
			return 0;
		if ((int)sc->level < level)
			return 1;
		if ((!known(sc->avail_kib) || !known(last) || sc->avail_kib <= last) && i + 1 >= min_rounds)
			return 0;     /* not rising: nothing is being given back */
		last = sc->avail_kib;
	}
	return 0;
}

static void decide(int si)
{
	struct guard_scope *sc = &D.scopes[si];
	struct guard_config *c = D.cfg;
	uint64_t crossed = sc->crossed_ns ? sc->crossed_ns : guard_now_ns();

	/* A SIGTERMed victim is still inside its grace: escalate, or wait. */
	if (D.pend.active && D.pend.scope == si) {
		uint64_t now = guard_now_ns();
		if (guard_victim_wait(&D.pend.v, 0) == 1)
			return;       /* handled by the pidfd event */
		if (!D.pend.killed) {
			if (sc->level == LEVEL_KILL || now >= D.pend.v.term_deadline_ns)
				pend_kill(sc->level == LEVEL_KILL ? "kill threshold reached" : "grace expired");
			else if (guard_scope_outruns(sc, (int64_t)((D.pend.v.term_deadline_ns - now) / 1000000)))
				pend_kill("the kill threshold comes before the grace ends");   /* monitor.c */
			return;
		}
		/* SIGKILLed.  Its memory already reaped by process_mrelease, there
		 * is nothing to wait for: still below means another process
		 * grows, so choose again now (the dying one is left out).  Else
		 * wait for the exit, at most GUARD_UNKILLABLE_MS: then it is
		 * unkillable and the scope is defended again. */
		if (now < D.pend.v.term_deadline_ns && !D.pend.released)
			return;
		if (now >= D.pend.v.term_deadline_ns)
			pend_unkillable();
	}
	/* A dry run has nothing to wait for: one report per crossing, then one
	 * every 5 s while the scope stays below, not a scan every poll. */
	if (c->dry_run && D.last_report_ns[si] && guard_now_ns() - D.last_report_ns[si] < 5000000000ull)
		return;
	int64_t avail_before = sc->avail_kib;
	int64_t need = known(sc->term_kib) && known(sc->avail_kib) ? sc->term_kib - sc->avail_kib : 0;
	if (need < 0)
		need = 0;
	int64_t totalpages = guard_scope_totalpages(sc, D.page_kib);
	struct guard_choice ch;
	int rc = scan_and_choose(sc, totalpages, need, &ch);
	if (rc == -EIO)
		return;
	/* Exit race: a process listed without mm is exiting (exit_mm done, its
	 * pages still being uncharged), or the victim is not the top consumer.
	 * Then the memory may be on its way back: re-read the scope for a few
	 * milliseconds while it rises, and act only if it is still short, on a
	 * fresh list. */
	if (rc == 0 && (D.ts.nr_exiting > 0 || !top_consumer(&ch))) {
		int freed = memory_coming_back(sc, c);
		if (freed > 0) {
			char buf[200];
			guard_log(GLOG_NOTICE, "%s: memory came back by itself (%zu exiting); nobody signalled",
				  safe(sc->name, buf, sizeof(buf)), D.ts.nr_exiting);
			struct json j;
			event_begin(&j, "memory_returned");
			json_str(&j, "scope", sc->name);
			json_int(&j, "exiting", (int64_t)D.ts.nr_exiting);
			json_int(&j, "available_kib", sc->avail_kib);
			event_end(&j);
			return;
		}
		need = known(sc->term_kib) && known(sc->avail_kib) ? sc->term_kib - sc->avail_kib : 0;
		if (need < 0)
			need = 0;
		rc = scan_and_choose(sc, totalpages, need, &ch);
		if (rc == -EIO)
			return;
	}
	uint64_t decided = guard_now_ns();
	sc->decisions_total++;
	sc->last_decision_ms = (double)(decided - crossed) / 1e6;
	bool report = D.last_report_ns[si] == 0 || decided - D.last_report_ns[si] > 5000000000ull;
	if (rc != 0) {
		if (report) {
			guard_log(GLOG_WARNING, "%s: below the %s threshold but nothing may be killed (%d protected)",
				  sc->name, sc->level == LEVEL_KILL ? "kill" : "term", ch.nr_protected);
			D.last_report_ns[si] = decided;
		}
		return;
	}
	if (memory_unowned(si, need))
		return;
	struct guard_task *victim = &D.ts.tasks[ch.index];
	if (!victim->cmdline[0] && !victim->t.kthread) {
		struct guard_task full;
		if (guard_read_task(D.proc_dirfd, victim->t.pid, true, &full) == 0 &&
		    full.start_ticks == victim->start_ticks)
			memcpy(victim->cmdline, full.cmdline, sizeof(victim->cmdline));
	}
	int sig = sc->level == LEVEL_KILL || c->grace_ms == 0 || guard_scope_outruns(sc, c->grace_ms) ? SIGKILL : SIGTERM;
	/* One SIGTERM grace at a time: another scope's victim is still in its
	 * grace, so this one gets SIGKILL. */
	if (sig == SIGTERM && D.pend.active)
		sig = SIGKILL;
	/* A flood: the kills do not keep up.  Where the configuration allows
	 * it (flood-kill-cgroup) the whole cgroup goes (memory.oom.group
	 * semantics); otherwise it is said, once a minute. */
	uint64_t oldest_kill = D.kill_ns[si][D.kill_next[si] % GUARD_FLOOD_KILLS];
	if (!c->dry_run && sc->kind != SCOPE_MACHINE && oldest_kill && decided - oldest_kill < GUARD_FLOOD_NS &&
	    ch.action != GUARD_ACTION_CGROUP) {
		if (c->flood_kill_cgroup || c->action == GUARD_ACTION_CGROUP) {
			ch.action = GUARD_ACTION_CGROUP;
			ch.nr_group = ch.nr_candidates;
			snprintf(ch.reason, sizeof(ch.reason),
				 "%d kills in %llu s did not keep up: the whole cgroup (flood-kill-cgroup)",
				 GUARD_FLOOD_KILLS, GUARD_FLOOD_NS / 1000000000ull);
			sig = SIGKILL;
		} else if (!D.flood_said_ns[si] || decided - D.flood_said_ns[si] > 60000000000ull) {
			char b[200];
			guard_log(GLOG_WARNING, "%s: %d kills in %llu s do not keep up with it; flood-kill-cgroup = yes "
				  "would kill the whole cgroup", safe(sc->name, b, sizeof(b)), GUARD_FLOOD_KILLS,
				  GUARD_FLOOD_NS / 1000000000ull);
			D.flood_said_ns[si] = decided;
		}
	}
	/* The victim just SIGKILLed is still in the table while it dies: its
	 * memory is on its way back, so no second victim for it (2 s at most). */
	if (!c->dry_run && victim->t.pid == D.last_victim_pid && victim->start_ticks == D.last_victim_start &&
	    decided - D.last_victim_ns < 2000000000ull)
		return;

	if (c->dry_run) {
		if (!report)
			return;
		D.last_report_ns[si] = decided;
		struct decision_facts f = {
			.kind = "guard-dry-run", .sc = sc, .ch = &ch, .victim = victim,
			.signal = guard_signal_name(sig), .decision_ms = (double)(decided - crossed) / 1e6,
			.latency_ms = 0, .freed_kib = ch.freeable_kib, .measured_freed_kib = OOM_NA,
			.outcome = "dry-run: not signalled",
		};
		char buf[3][200];
		guard_log(GLOG_NOTICE, "%s: dry run: would send %s to pid %lld (%s), %s; frees about %lld KiB",
			  safe(sc->name, buf[0], sizeof(buf[0])), guard_signal_name(sig), (long long)victim->t.pid,
			  safe(victim->t.comm, buf[1], sizeof(buf[1])), safe(ch.reason, buf[2], sizeof(buf[2])),
			  (long long)ch.freeable_kib);
		char incident[OOM_PATH_LEN + 160] = "";
		write_incident(&f, incident, sizeof(incident));
		emit_kill_event(&f, incident);
		run_exec(&f, incident);
		return;
	}

	struct guard_victim v;
	rc = guard_victim_open(&v, D.proc_dirfd, victim->t.pid, victim->start_ticks);
	if (rc == 0 && D.test_delay_ms > 0) {
		/* Test hook (OOMKIT_GUARD_TEST_KILL_DELAY_MS): widen the window between
		 * the choice and the signal, so the e2e test can make the victim exit
		 * inside it and check the pidfd path. */
		struct timespec d = { D.test_delay_ms / 1000, (long)(D.test_delay_ms % 1000) * 1000000L };
		nanosleep(&d, NULL);
	}
	if (rc == 0)
		rc = guard_victim_signal(&v, sig);
	D.signalled_ns = guard_now_ns();
	if (rc == -ESRCH) {
		char buf[200];
		guard_log(GLOG_NOTICE, "%s: victim pid %lld (%s) exited by itself before the signal; re-evaluating",
			  sc->name, (long long)victim->t.pid, safe(victim->t.comm, buf, sizeof(buf)));
		struct json j;
		event_begin(&j, "victim_gone");
		json_int(&j, "pid", victim->t.pid);
		json_str(&j, "comm", victim->t.comm);
		json_str(&j, "scope", sc->name);
		event_end(&j);
		if (v.pidfd >= 0 || rc == -ESRCH)
			guard_victim_close(&v);
		return;
	}
	if (rc != 0) {
		guard_log(GLOG_ERR, "%s: cannot signal pid %lld: %s", sc->name, (long long)victim->t.pid, strerror(-rc));
		guard_victim_close(&v);
		return;
	}
	if (ch.nr_group > 1)
		signal_group(sc, &ch, sig);
	if (sig == SIGKILL) {
		const char *outcome = "signalled";
		uint64_t freed = 0;
		bool released = D.have_mrelease && guard_victim_mrelease(&v) == 0;
		if (released) {
			outcome = "memory released (process_mrelease)";
			freed = guard_now_ns();
		}
		if (guard_victim_wait(&v, 200) == 1) {
			outcome = released ? "memory released, exited" : "exited";
			if (!freed)
				freed = guard_now_ns();
		}
		D.last_victim_pid = victim->t.pid;
		D.last_victim_start = victim->start_ticks;
		D.last_victim_ns = guard_now_ns();
		if (v.exited || D.pend.active) {
			guard_victim_close(&v);
			finish_kill(sc, &ch, victim, sig, crossed, decided, avail_before, outcome, freed, NULL, 0);
			return;
		}
		/* Not gone yet: follow it like a SIGTERMed victim past its grace,
		 * so its exit updates the incident and, should it never exit, it
		 * is found unkillable and the scope defended again. */
		D.pend = (struct pending){ .active = true, .killed = true, .released = released, .scope = si,
					   .v = v, .avail_before_kib = avail_before, .crossed_ns = crossed,
					   .decided_ns = decided };
		D.pend.v.term_deadline_ns = D.signalled_ns + GUARD_UNKILLABLE_MS * 1000000ull;
		str_copy(D.pend.comm, sizeof(D.pend.comm), victim->t.comm, strlen(victim->t.comm));
		finish_kill(sc, &ch, victim, sig, crossed, decided, avail_before, outcome, freed, D.pend.incident,
			    sizeof(D.pend.incident));
		return;
	}
	/* SIGTERM: wait for the exit on the pidfd in the loop; SIGKILL after the grace. */
	D.pend = (struct pending){ .active = true, .scope = si, .v = v, .avail_before_kib = avail_before,
				   .crossed_ns = crossed, .decided_ns = decided };
	D.pend.v.term_deadline_ns = guard_now_ns() + (uint64_t)c->grace_ms * 1000000ull;
	D.pend.released = guard_victim_reap_if_dying(&D.pend.v);   /* kill.c: an uncaught SIGTERM is fatal */
	str_copy(D.pend.comm, sizeof(D.pend.comm), victim->t.comm, strlen(victim->t.comm));
	finish_kill(sc, &ch, victim, sig, crossed, decided, avail_before,
		    D.pend.released ? "SIGTERM not caught: memory released (process_mrelease)" : "SIGTERM sent, grace running",
		    guard_now_ns(), D.pend.incident, sizeof(D.pend.incident));
}

static void pending_exited(void)
{
	struct guard_scope *sc = &D.scopes[D.pend.scope];
	uint64_t now = guard_now_ns();
	guard_scope_read(sc, D.cfg);
	struct json j;
	event_begin(&j, "victim_exited");
	json_int(&j, "pid", D.pend.v.pid);
	json_str(&j, "scope", sc->name);
	json_str(&j, "last_signal", guard_signal_name(D.pend.v.signal));
	json_int(&j, "latency_ms", (int64_t)((now - D.pend.crossed_ns) / 1000000));
	int64_t measured = known(sc->avail_kib) && known(D.pend.avail_before_kib) ?
				   sc->avail_kib - D.pend.avail_before_kib : OOM_NA;
	json_int(&j, "measured_freed_kib", measured);
	json_int(&j, "measured_freed_kb", measured);      /* old name, one more release */
	event_end(&j);
	sc->last_latency_ms = (double)(now - D.pend.crossed_ns) / 1e6;
	guard_log(GLOG_INFO, "%s: victim pid %lld exited %.1f ms after the crossing", sc->name,
		  (long long)D.pend.v.pid, sc->last_latency_ms);
	int64_t got = known(sc->avail_kib) && known(D.pend.avail_before_kib) ? sc->avail_kib - D.pend.avail_before_kib
									     : OOM_NA;
	incident_update(D.pend.incident, D.pend.v.signal == SIGKILL ? "exited after SIGKILL" : "exited after SIGTERM",
			got, sc->last_latency_ms,
			D.pend.v.signalled_ns && now > D.pend.v.signalled_ns ? (double)(now - D.pend.v.signalled_ns) / 1e6 : 0);
	guard_victim_close(&D.pend.v);
	D.pend.active = false;
}

/* ---- the kernel's own kills ---------------------------------------------- */

static void kernel_kill_seen(struct guard_scope *sc, int64_t count, const char *report, size_t rlen,
			     int64_t pid, const char *comm)
{
	char buf[2][200];
	guard_log(GLOG_WARNING, "%s: the kernel's OOM killer struck%s%s (%lld so far)",
		  sc ? safe(sc->name, buf[0], sizeof(buf[0])) : "kernel", comm ? ": " : "",
		  comm ? safe(comm, buf[1], sizeof(buf[1])) : "", (long long)count);
	if (sc)
		sc->kernel_kills_total++;
	struct decision_facts f = { .kind = "kernel-oom-kill", .sc = sc, .outcome = "killed by the kernel",
				    .kreport = report, .kreport_len = rlen, .kernel_pid = pid,
				    .kernel_comm = comm, .freed_kib = OOM_NA, .measured_freed_kib = OOM_NA };
	char incident[OOM_PATH_LEN + 160] = "";
	if (sc)
		D.ts.n = 0;     /* no task table: the report has the kernel's own */
	write_incident(&f, incident, sizeof(incident));
	struct json j;
	event_begin(&j, "kernel_kill");
	json_str(&j, "scope", sc ? sc->name : NULL);
	json_int(&j, "pid", pid);
	json_str(&j, "comm", comm);
	json_int(&j, "count", count);
	json_str(&j, "source", report ? "kmsg" : "memory.events");
	json_str(&j, "incident", *incident ? incident : NULL);
	event_end(&j);
}

/* /dev/kmsg records: "pri,seq,usec,flags;text\n continuation…".  A kernel
 * OOM report runs from "invoked oom-killer" to "Killed process". */
static void kmsg_read(void)
{
	static char rec[8192];
	for (;;) {
		ssize_t n = read(D.kmsg_fd, rec, sizeof(rec) - 1);
		if (n < 0) {
			if (errno == EPIPE)
				continue;        /* overwritten records: go on with the next */
			break;
		}
		if (n == 0)
			break;
		rec[n] = '\0';
		struct live_kmsg_line kl;
		if (live_parse_kmsg_record(rec, (size_t)n, &kl) != 0)
			continue;
		if (kl.kind == KMSG_OOM_START) {
			D.kcapturing = true;
			D.kreport_len = 0;
		}
		if (D.kcapturing && D.kreport_len + (size_t)n + 1 < sizeof(D.kreport)) {
			memcpy(D.kreport + D.kreport_len, rec, (size_t)n);
			D.kreport_len += (size_t)n;
			if (D.kreport[D.kreport_len - 1] != '\n')
				D.kreport[D.kreport_len++] = '\n';
		}
		if (kl.kind == KMSG_OOM_KILLED) {
			int64_t pid = kl.pid;
			const char *comm = kl.comm;
			/* A kill in a watched cgroup is reported with that cgroup (its
			 * counter rose too): leave the report text for it.  The
			 * oom-kill: line names the OOM domain (5.0+), relative to the
			 * hierarchy's root; the scope is its full directory. */
			int owner = -1;
			const char *om;
			size_t ol;
			if (D.kcapturing && live_kmsg_find_oom_memcg(D.kreport, D.kreport_len, &om, &ol) == 0) {
				for (int i = 0; ol > 1 && i < D.nr_scopes; i++) {
					size_t nl2 = strlen(D.scopes[i].name);
					if (D.scopes[i].kind != SCOPE_MACHINE && nl2 >= ol &&
					    !memcmp(D.scopes[i].name + nl2 - ol, om, ol))
						owner = i;
				}
			}
			if (owner >= 0) {
				D.kreport_scope = owner;
				D.kcapturing = false;
				continue;
			}
			struct guard_scope *sc = NULL;
			for (int i = 0; i < D.nr_scopes; i++)
				if (D.scopes[i].kind == SCOPE_MACHINE)
					sc = &D.scopes[i];
			int64_t vmk = D.machine_vmstat_oom_kills;
			kernel_kill_seen(sc, known(vmk) ? vmk + 1 : OOM_NA, D.kcapturing ? D.kreport : NULL,
					 D.kcapturing ? D.kreport_len : 0, pid, comm);
			D.kcapturing = false;
			D.kreport_len = 0;
		}
	}
}

/* An event fd whose source went away (PSI trigger of a removed cgroup:
 * POLLERR forever) would make poll() spin: close it and say so; polling
 * still covers the scope. */
static void drop_event_fd(int fd)
{
	for (int i = 0; i < D.nr_scopes; i++) {
		struct guard_scope *sc = &D.scopes[i];
		int *fds[] = { &sc->fd_psi, &sc->fd_events, &sc->efd_oom, &sc->efd_usage[0],
			       &sc->efd_usage[1], &sc->efd_usage[2] };
		for (size_t k = 0; k < ARRAY_SIZE(fds); k++)
			if (*fds[k] == fd) {
				guard_log(GLOG_WARNING, "%s: an event source failed; polling it instead", sc->name);
				close(fd);
				*fds[k] = -1;
				return;
			}
	}
}

/* ---- set-up -------------------------------------------------------------- */

static int open_scopes(struct guard_config *c, char *err, size_t errlen)
{
	D.nr_scopes = 0;
	bool machine = c->watch_machine == GUARD_YES || (c->watch_machine == GUARD_AUTO && c->nr_cgroups == 0);
	if (machine && guard_scope_open(&D.scopes[D.nr_scopes], NULL, err, errlen) == 0)
		D.nr_scopes++;
	else if (machine)
		return -EIO;
	for (int i = 0; i < c->nr_cgroups; i++) {
		int rc = guard_scope_open(&D.scopes[D.nr_scopes], c->cgroups[i], err, errlen);
		if (rc != 0) {
			for (int k = 0; k < D.nr_scopes; k++)
				guard_scope_close(&D.scopes[k]);
			D.nr_scopes = 0;
			return rc;
		}
		D.nr_scopes++;
	}
	for (int i = 0; i < D.nr_scopes; i++) {
		guard_scope_arm(&D.scopes[i], c, D.degraded, sizeof(D.degraded));
		D.scopes[i].level = LEVEL_OK;
		D.scopes[i].crossed_ns = 0;
		D.last_report_ns[i] = 0;
	}
	return 0;
}

static void close_scopes(void)
{
	for (int i = 0; i < D.nr_scopes; i++)
		guard_scope_close(&D.scopes[i]);
	D.nr_scopes = 0;
}

/* The directory of an output file the guard writes as root: trusted as
 * the config is (guard_path_trusted), so nobody else can swap the file
 * for a symlink between two writes. */
static int output_dir_trusted(const char *path, const char *what, char *err, size_t errlen)
{
	char dir[OOM_PATH_LEN];
	const char *slash = strrchr(path, '/');
	if (!slash)
		str_copy(dir, sizeof(dir), ".", 1);
	else
		str_copy(dir, sizeof(dir), path, slash == path ? 1 : (size_t)(slash - path));
	char w[64];
	snprintf(w, sizeof(w), "%s directory", what);
	return guard_path_trusted(dir, w, false, err, errlen);
}

/* (Re)opens the events file: at start, and at every SIGHUP (log rotation
 * moves the file away and sends SIGHUP), whatever the reload's result. */
static void open_events(const struct guard_config *c)
{
	if (D.events_fd >= 0 && D.events_fd != 1)
		close(D.events_fd);
	D.events_fd = -1;
	if (c->events_path[0]) {
		char err[512];
		if (!strcmp(c->events_path, "-"))
			D.events_fd = 1;
		else if (output_dir_trusted(c->events_path, "events file", err, sizeof(err)) != 0)
			degrade("%s: no events written", err);
		else {
			/* Never through a symlink: the guard runs as root. */
			D.events_fd = open(c->events_path, O_WRONLY | O_APPEND | O_CREAT | O_NOFOLLOW | O_NOCTTY |
					   O_NONBLOCK | O_CLOEXEC, 0644);
			if (D.events_fd < 0)
				degrade("events file %s: %s: no events written", c->events_path,
					errno == ELOOP ? "is a symlink, refused" : strerror(errno));
		}
	}
}

static void open_outputs(struct guard_config *c)
{
	open_events(c);
	if (D.incident_dirfd >= 0)
		close(D.incident_dirfd);
	D.incident_dirfd = -1;
	if (c->incident_dir[0]) {
		/* mkdir -p */
		char p[OOM_PATH_LEN];
		str_copy(p, sizeof(p), c->incident_dir, strlen(c->incident_dir));
		for (char *s = p + 1; *s; s++)
			if (*s == '/') {
				*s = '\0';
				mkdir(p, 0755);
				*s = '/';
			}
		mkdir(p, 0750);
		char err[512];
		if (guard_path_trusted(c->incident_dir, "incident directory", false, err, sizeof(err)) != 0)
			degrade("%s: no incident files", err);
		else if ((D.incident_dirfd = open(c->incident_dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)) < 0)
			degrade("incident directory %s: %s: no incident files", c->incident_dir, strerror(errno));
	}
	D.metrics_file_ok = false;
	if (c->metrics_file[0]) {
		char err[512];
		if (output_dir_trusted(c->metrics_file, "metrics file", err, sizeof(err)) != 0)
			degrade("%s: no metrics file", err);
		else
			D.metrics_file_ok = true;
	}
}

/* The metrics server of c, opened into h (listen_fd -1 when off).  A busy
 * port or a bad address is an error (at start: no start; at a SIGHUP: the
 * reload is refused), never a silent lack of metrics. */
static int open_http(struct guard_http *h, const struct guard_config *c, char *err, size_t errlen)
{
	h->listen_fd = -1;
	for (int i = 0; i < GUARD_HTTP_CLIENTS; i++)
		h->c[i].fd = -1;
	h->out = NULL;
	if (!c->metrics_listen[0])
		return 0;
	int rc = guard_http_open(h, c->metrics_listen, err, errlen);
	if (rc != 0)
		return rc;
	if (!str_starts(c->metrics_listen, "127.") && !str_starts(c->metrics_listen, "[::1]") &&
	    !str_starts(c->metrics_listen, "localhost:"))
		degrade("metrics: %s is not a loopback address: anyone who can reach it reads the metrics",
			c->metrics_listen);
	return 0;
}

static void write_metrics_file(void)
{
	if (!D.cfg->metrics_file[0] || !D.metrics_file_ok)
		return;
	guard_sink_reset(&D.msink);
	guard_metrics_render(D.msink.f, &D.ms);
	fflush(D.msink.f);
	int rc = guard_sink_save(&D.msink, D.cfg->metrics_file);
	if (rc != 0) {
		static bool warned;
		if (!warned)
			guard_log(GLOG_WARNING, "metrics file %s: %s", D.cfg->metrics_file, strerror(-rc));
		warned = true;
	}
}

static void reload_refused(const char *err)
{
	D.ms.config_reload_failures_total++;
	guard_log(GLOG_ERR, "reload: %s; keeping the old configuration", err);
	struct json j;
	event_begin(&j, "reload");
	json_bool(&j, "ok", false);
	json_str(&j, "error", err);
	event_end(&j);
}

static void reload(void)
{
	struct guard_config *next = D.cfg == &D.cfgs[0] ? &D.cfgs[1] : &D.cfgs[0];
	char err[512];
	open_events(D.cfg);
	if (guard_config_build(next, D.cli, err, sizeof(err)) != 0) {
		reload_refused(err);
		return;
	}
	/* A new metrics address is opened before anything changes: busy, the
	 * reload is refused and the old server keeps serving. */
	struct guard_http nh = { .listen_fd = -1 };
	bool http_changed = strcmp(next->metrics_listen, D.cfg->metrics_listen) != 0;
	if (http_changed && D.http.listen_fd >= 0)
		guard_http_close(&D.http);   /* the same port may be asked for again, elsewhere */
	if (http_changed && open_http(&nh, next, err, sizeof(err)) != 0) {
		reload_refused(err);
		char e2[512];
		if (open_http(&D.http, D.cfg, e2, sizeof(e2)) != 0)
			guard_log(GLOG_ERR, "reload: the old metrics server cannot listen again: %s", e2);
		return;
	}
	bool scopes_changed = next->nr_cgroups != D.cfg->nr_cgroups || next->watch_machine != D.cfg->watch_machine;
	for (int i = 0; !scopes_changed && i < next->nr_cgroups; i++)
		scopes_changed = strcmp(next->cgroups[i], D.cfg->cgroups[i]) != 0;
	scopes_changed = scopes_changed || next->psi_stall_ms != D.cfg->psi_stall_ms ||
			 next->psi_window_ms != D.cfg->psi_window_ms ||
			 next->cgroup_term_percent != D.cfg->cgroup_term_percent ||
			 next->cgroup_kill_percent != D.cfg->cgroup_kill_percent;
	struct guard_config *old = D.cfg;
	D.cfg = next;
	if (scopes_changed) {
		close_scopes();
		if (open_scopes(next, err, sizeof(err)) != 0) {
			guard_log(GLOG_ERR, "reload: %s; keeping the old configuration", err);
			D.cfg = old;
			open_scopes(old, err, sizeof(err));
			D.ms.config_reload_failures_total++;
			if (http_changed) {
				guard_http_close(&nh);
				if (open_http(&D.http, old, err, sizeof(err)) != 0)
					guard_log(GLOG_ERR, "reload: the old metrics server cannot listen again: %s", err);
			}
			return;
		}
	}
	if (next->recorder_seconds != old->recorder_seconds)
		guard_log(GLOG_NOTICE, "reload: recorder-seconds takes effect at the next start");
	/* Always: the events file is reopened (log rotation moves it away
	 * and sends SIGHUP), and the directories are checked again. */
	open_outputs(next);
	if (http_changed)
		D.http = nh;
	D.ms.config_reloads_total++;
	D.ms.dry_run = next->dry_run;
	D.ms.nr_scopes = D.nr_scopes;
	guard_log(GLOG_NOTICE, "configuration reloaded (%d scope%s)", D.nr_scopes, D.nr_scopes == 1 ? "" : "s");
	struct json j;
	event_begin(&j, "reload");
	json_bool(&j, "ok", true);
	event_end(&j);
}

static void set_own_adj(void)
{
	int fd = open("/proc/self/oom_score_adj", O_WRONLY | O_CLOEXEC);
	if (fd < 0 || write(fd, "-1000", 5) != 5)
		degrade("cannot set own oom_score_adj to -1000 (%s): the kernel may kill the guard",
			strerror(errno));
	if (fd >= 0)
		close(fd);
}

/* The capabilities the guard uses (include/uapi/linux/capability.h); each
 * one missing is a degradation said at start, not a surprise later. */
static void check_capabilities(void)
{
	static const struct { int bit; const char *name, *what; } caps[] = {
		{ 5, "CAP_KILL", "cannot signal other users' processes" },
		{ 19, "CAP_SYS_PTRACE", "some /proc/PID files of other users may be unreadable" },
		{ 24, "CAP_SYS_RESOURCE", "no oom_score_adj -1000 for itself; PSI windows rounded to 2 s" },
		{ 14, "CAP_IPC_LOCK", "mlockall limited by RLIMIT_MEMLOCK" },
		{ 34, "CAP_SYSLOG", "/dev/kmsg may be unreadable (kernel.dmesg_restrict)" },
	};
	char buf[4096];
	if (read_small_file("/proc/self/status", buf, sizeof(buf)) <= 0)
		return;
	uint64_t eff;
	if (live_parse_status_capeff(buf, strlen(buf), &eff) != 0)
		return;
	for (size_t i = 0; i < ARRAY_SIZE(caps); i++)
		if (!(eff & (1ull << caps[i].bit)))
			degrade("no %s: %s", caps[i].name, caps[i].what);
}

int guard_run(const struct guard_cli *cli, struct guard_config *cfg)
{
	/* D lives in .bss, zero from the start: no memset, so the pages of the
	 * buffers used only at an incident stay untouched (and out of the RSS). */
	D.cli = cli;
	D.cfg = cfg;     /* the caller's; D.cfgs[] take the reloads in turn */
	D.events_fd = D.proc_dirfd = D.kmsg_fd = D.sig_fd = D.incident_dirfd = -1;
	D.kreport_scope = -1;
	D.kreport_fd = memfd_create("oomkit-kreport", MFD_CLOEXEC);
	D.http.listen_fd = -1;
	D.self_pid = getpid();
	guard_log_init();
	const char *td = getenv("OOMKIT_GUARD_TEST_KILL_DELAY_MS");
	uint64_t tdv;
	if (td && parse_u64(td, (size_t)-1, &tdv) == 0 && tdv < 60000)   /* the environment: not kernel text */
		D.test_delay_ms = (int)tdv;

	struct utsname u;
	if (uname(&u) == 0) {
		str_copy(D.release, sizeof(D.release), u.release, strlen(u.release));
		str_copy(D.host, sizeof(D.host), u.nodename, strlen(u.nodename));
		kver_parse(u.release, &D.kv);
	}
	long ps = sysconf(_SC_PAGESIZE);
	D.page_kib = ps >= 1024 ? ps / 1024 : 4;

	/* Everything the loop will ever use is allocated here. */
	if (guard_taskset_init(&D.ts) != 0 || guard_recorder_init(&D.rec, D.cfg->recorder_seconds,
								  D.cfg->recorder_tasks) != 0) {
		guard_log(GLOG_ERR, "out of memory at start-up");
		return 1;
	}
	D.diag_tasks = guard_alloc_zeroed(DIAG_TASKS * sizeof(*D.diag_tasks));
	if (!D.diag_tasks || guard_sink_open(&D.sink, sink_buf, sizeof(sink_buf)) != 0 ||
	    guard_sink_open(&D.msink, msink_buf, sizeof(msink_buf)) != 0 ||
	    guard_sink_open(&D.esink, esink_buf, sizeof(esink_buf)) != 0) {
		guard_log(GLOG_ERR, "out of memory at start-up");
		return 1;
	}
	D.proc_dirfd = open("/proc", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (D.proc_dirfd < 0) {
		guard_log(GLOG_ERR, "/proc: %s", strerror(errno));
		return 1;
	}
	char err[512];
	if (open_scopes(D.cfg, err, sizeof(err)) != 0) {
		guard_log(GLOG_ERR, "%s", err);
		return 1;
	}
	open_outputs(D.cfg);
	if (open_http(&D.http, D.cfg, err, sizeof(err)) != 0) {
		guard_log(GLOG_ERR, "%s", err);
		return 1;
	}
	D.have_pidfd = guard_have_pidfd();
	D.have_mrelease = guard_have_mrelease() && !getenv("OOMKIT_GUARD_NO_MRELEASE");
	if (!D.have_pidfd)
		degrade("no pidfd_open (kernel < 5.3): victims are signalled by pid after a start-time check");
	if (!D.have_mrelease)
		degrade("no process_mrelease (kernel < 5.15): memory comes back when the victim exits");
	if (D.cfg->kmsg) {
		D.kmsg_fd = open("/dev/kmsg", O_RDONLY | O_NONBLOCK | O_CLOEXEC);
		if (D.kmsg_fd < 0)
			degrade("/dev/kmsg: %s: the kernel's global OOM kills are seen only through counters",
				strerror(errno));
		else
			lseek(D.kmsg_fd, 0, SEEK_END);
	}
	if (D.cfg->protect_self)
		set_own_adj();
	check_capabilities();

	sigset_t mask;
	sigemptyset(&mask);
	sigaddset(&mask, SIGTERM);
	sigaddset(&mask, SIGINT);
	sigaddset(&mask, SIGHUP);
	sigaddset(&mask, SIGCHLD);
	sigprocmask(SIG_BLOCK, &mask, NULL);
	D.sig_fd = signalfd(-1, &mask, SFD_NONBLOCK | SFD_CLOEXEC);
	signal(SIGPIPE, SIG_IGN);

	D.ms.scopes = D.scopes;
	D.ms.nr_scopes = D.nr_scopes;
	D.ms.rec = &D.rec;
	D.ms.start_time_s = (int64_t)time(NULL);
	D.ms.dry_run = D.cfg->dry_run;

	/* Warm-up: first drop the mappings of code and constants (start-up's
	 * own code is not needed again; see resident.c), then one pass through
	 * every reader and writer and a decision's choice, so the pages of the
	 * code the loop and a decision run are present before they are locked.
	 * The task table's pages are then given back: a decision's scan
	 * touches them again (zero pages, about a microsecond each), and until
	 * then they would only sit in the RSS. */
	if (D.cfg->mlock)
		guard_trim_resident();
	for (int i = 0; i < D.nr_scopes; i++)
		guard_scope_read(&D.scopes[i], D.cfg);
	guard_recorder_take(&D.rec, D.scopes, D.nr_scopes, D.proc_dirfd, true, &D.ts);
	guard_scan(D.proc_dirfd, -1, true, &D.ts);
	{
		struct guard_choice ch;
		guard_policy_choose(D.cfg, &D.ts, D.self_pid, (int64_t)sysconf(_SC_PHYS_PAGES), D.page_kib,
				    &D.kv, 0, &ch);
	}
	if (D.cfg->metrics_listen[0] || D.cfg->metrics_file[0]) {
		guard_sink_reset(&D.msink);
		guard_metrics_render(D.msink.f, &D.ms);
	}
	guard_release_pages(D.ts.tasks, GUARD_MAX_TASKS * sizeof(*D.ts.tasks));
	D.ts.n = 0;
	if (D.cfg->mlock && mlockall(MCL_CURRENT | MCL_FUTURE | MCL_ONFAULT) != 0 &&
	    mlockall(MCL_CURRENT | MCL_FUTURE) != 0)
		degrade("mlockall: %s: the guard's pages may be swapped out or reclaimed", strerror(errno));
	if (guard_raise_priority() < 0)     /* kill.c */
		degrade("nice -20: %s: a busy machine's tasks delay the kills", strerror(errno));
	for (int i = 0; i < D.nr_scopes; i++)
		D.scopes[i].level = LEVEL_OK;

	/* Report the start and every degradation. */
	for (const char *p = D.degraded; *p;) {
		const char *nl = strchr(p, '\n');
		size_t l = nl ? (size_t)(nl - p) : strlen(p);
		guard_log(GLOG_WARNING, "degraded: %.*s", (int)l, p);
		D.nr_degraded++;
		p = nl ? nl + 1 : p + l;
	}
	D.ms.degradations = D.nr_degraded;
	D.started = true;
	for (int i = 0; i < D.nr_scopes; i++) {
		const struct guard_scope *sc = &D.scopes[i];
		char a[32], t[32], k[32];
		guard_log(GLOG_INFO, "watching %s (%s): available %s, SIGTERM below %s, SIGKILL below %s%s",
			  sc->name, scope_kind_name(sc->kind), fmt_kib(a, sizeof(a), sc->avail_kib),
			  fmt_kib(t, sizeof(t), sc->term_kib), fmt_kib(k, sizeof(k), sc->kill_kib),
			  sc->fd_psi >= 0 ? ", PSI trigger" : sc->efd_usage[0] >= 0 ? ", usage eventfds" : "");
	}
	if (D.cfg->dry_run)
		guard_log(GLOG_NOTICE, "dry run: decisions are reported, nothing is signalled");
	{
		struct json j;
		event_begin(&j, "start");
		json_int(&j, "pid", D.self_pid);
		json_str(&j, "version", OOMKIT_VERSION);
		json_str(&j, "kernel", D.release);
		json_bool(&j, "dry_run", D.cfg->dry_run);
		json_arr_begin(&j, "scopes");
		for (int i = 0; i < D.nr_scopes; i++) {
			json_obj_begin(&j, NULL);
			json_str(&j, "name", D.scopes[i].name);
			json_str(&j, "kind", scope_kind_name(D.scopes[i].kind));
			json_int(&j, "limit_kib", D.scopes[i].total_kib);
			json_int(&j, "term_threshold_kib", D.scopes[i].term_kib);
			json_int(&j, "kill_threshold_kib", D.scopes[i].kill_kib);
			json_obj_end(&j);
		}
		json_arr_end(&j);
		json_arr_begin(&j, "degraded");
		for (const char *p = D.degraded; *p;) {
			const char *nl = strchr(p, '\n');
			size_t l = nl ? (size_t)(nl - p) : strlen(p);
			json_strn(&j, NULL, p, l);
			p = nl ? nl + 1 : p + l;
		}
		json_arr_end(&j);
		event_end(&j);
	}
	D.watchdog_usec = guard_watchdog_usec();
	guard_notify("READY=1\nSTATUS=watching");
	for (int i = 0; i < D.nr_scopes; i++)
		D.scopes[i].kernel_oom_kills = OOM_NA;
	D.machine_vmstat_oom_kills = D.rec.count ? guard_recorder_last(&D.rec)->oom_kill : OOM_NA;

	int status = 0;
	bool running = true;
	struct pollfd pfd[8 * (GUARD_MAX_SCOPES + 1) + GUARD_HTTP_CLIENTS + 8];
	int64_t prev_kills[GUARD_MAX_SCOPES + 1];
	for (int i = 0; i < GUARD_MAX_SCOPES + 1; i++)
		prev_kills[i] = OOM_NA;
	while (running) {
		int n = 0;
		pfd[n++] = (struct pollfd){ .fd = D.sig_fd, .events = POLLIN };
		int kmsg_at = -1, pend_at = -1;
		if (D.kmsg_fd >= 0) {
			kmsg_at = n;
			pfd[n++] = (struct pollfd){ .fd = D.kmsg_fd, .events = POLLIN };
		}
		if (D.pend.active && D.pend.v.pidfd >= 0) {
			pend_at = n;
			pfd[n++] = (struct pollfd){ .fd = D.pend.v.pidfd, .events = POLLIN };
		}
		int scope_from = n;
		for (int i = 0; i < D.nr_scopes; i++) {
			struct guard_scope *sc = &D.scopes[i];
			if (sc->fd_psi >= 0)
				pfd[n++] = (struct pollfd){ .fd = sc->fd_psi, .events = POLLPRI };
			if (sc->kind == SCOPE_CGROUP_V2 && sc->fd_events >= 0)
				pfd[n++] = (struct pollfd){ .fd = sc->fd_events, .events = POLLPRI };
			for (int k = 0; k < 3; k++)
				if (sc->efd_usage[k] >= 0)
					pfd[n++] = (struct pollfd){ .fd = sc->efd_usage[k], .events = POLLIN };
			if (sc->efd_oom >= 0)
				pfd[n++] = (struct pollfd){ .fd = sc->efd_oom, .events = POLLIN };
		}
		int scope_to = n;
		int http_from = n;
		if (D.http.listen_fd >= 0)      /* metrics.c stays out of the loop's pages when off */
			n += guard_http_pollfds(&D.http, pfd + n, (int)ARRAY_SIZE(pfd) - n);

		uint64_t now = guard_now_ns();
		int timeout = GUARD_CALM_MS > D.cfg->poll_max_ms ? GUARD_CALM_MS : D.cfg->poll_max_ms;
		for (int i = 0; i < D.nr_scopes; i++) {
			int t = guard_scope_poll_ms(&D.scopes[i], D.cfg);
			if (t < timeout)
				timeout = t;
		}
		if (D.rec.cap > 0) {
			/* Rounded up: waking a little early would spin until the deadline. */
			D.next_record_ns = guard_recorder_next_ns(&D.rec, D.scopes, D.nr_scopes);   /* recorder.c */
			int t = D.next_record_ns > now ? (int)((D.next_record_ns - now + 999999) / 1000000) : 0;
			if (t < timeout)
				timeout = t;
		}
		if (D.pend.active) {
			int t = D.pend.v.term_deadline_ns > now ? (int)((D.pend.v.term_deadline_ns - now) / 1000000) + 1 : 0;
			if (t < timeout)
				timeout = t;
		}
		for (int i = 0; i < D.nr_scopes; i++)
			if (D.kkill_pending_ns[i] && timeout > 50)
				timeout = 50;
		if (D.http.listen_fd >= 0 && timeout > GUARD_HTTP_TIMEOUT_MS / 2 && guard_http_busy(&D.http))
			timeout = GUARD_HTTP_TIMEOUT_MS / 2;     /* its per-connection timeouts */
		uint64_t hook_dl = hooks_next_deadline();
		if (hook_dl != UINT64_MAX) {
			int t = hook_dl > now ? (int)((hook_dl - now) / 1000000) + 1 : 0;
			if (t < timeout)
				timeout = t;
		}
		if (D.watchdog_usec) {
			int t = D.next_watchdog_ns > now ? (int)((D.next_watchdog_ns - now + 999999) / 1000000) : 0;
			if (t < timeout)
				timeout = t;
		}
		int rc = poll(pfd, (nfds_t)n, timeout);
		if (rc < 0 && errno != EINTR) {
			guard_log(GLOG_ERR, "poll: %s", strerror(errno));
			status = 1;
			break;
		}
		if (rc > 0 && (pfd[0].revents & POLLIN)) {
			struct signalfd_siginfo si;
			while (read(D.sig_fd, &si, sizeof(si)) == (ssize_t)sizeof(si)) {
				if (si.ssi_signo == SIGTERM || si.ssi_signo == SIGINT)
					running = false;
				else if (si.ssi_signo == SIGHUP)
					reload();
				else if (si.ssi_signo == SIGCHLD)
					hooks_reap(false);
			}
			if (!running)
				break;
		}
		if (rc > 0) {
			for (int i = scope_from; i < scope_to; i++) {
				if (!pfd[i].revents)
					continue;
				/* A PSI trigger reports only POLLPRI; POLLERR there means its
				 * cgroup is gone.  kernfs files report POLLERR|POLLPRI on
				 * every change: gone when the re-read fails. */
				bool psi = false;
				for (int k = 0; k < D.nr_scopes; k++)
					psi = psi || D.scopes[k].fd_psi == pfd[i].fd;
				bool bad = pfd[i].revents & (POLLERR | POLLNVAL | POLLHUP);
				if ((bad && (psi || !(pfd[i].revents & POLLPRI))) || guard_scope_drain(pfd[i].fd) < 0)
					drop_event_fd(pfd[i].fd);
			}
		}
		/* Read every scope (cheap, kept fds) and act on those below a threshold. */
		for (int i = 0; i < D.nr_scopes; i++) {
			struct guard_scope *sc = &D.scopes[i];
			enum guard_level before = sc->level;
			int lv = guard_scope_read(sc, D.cfg);
			if (lv < 0) {
				/* Said once (a removed cgroup stays unreadable), then again
				 * when it comes back. */
				if (!sc->read_failed)
					guard_log(GLOG_ERR, "%s: cannot read (%s); still watching the others",
						  sc->name, strerror(-lv));
				sc->read_failed = true;
				continue;
			}
			if (sc->read_failed)
				guard_log(GLOG_NOTICE, "%s: readable again", sc->name);
			sc->read_failed = false;
			if ((int)before < lv) {
				char a[32];
				struct json j;
				event_begin(&j, "threshold");
				json_str(&j, "scope", sc->name);
				json_str(&j, "level", lv == LEVEL_KILL ? "kill" : "term");
				json_int(&j, "available_kib", sc->avail_kib);
				json_int(&j, "threshold_kib", lv == LEVEL_KILL ? sc->kill_kib : sc->term_kib);
				event_end(&j);
				guard_log(GLOG_NOTICE, "%s: available %s, below the %s threshold", sc->name,
					  fmt_kib(a, sizeof(a), sc->avail_kib), lv == LEVEL_KILL ? "SIGKILL" : "SIGTERM");
			}
			if (lv > LEVEL_OK)
				decide(i);
			else if (before > LEVEL_OK)
				D.last_report_ns[i] = D.unowned_ns[i] = 0;
			/* The kernel's own kills in a cgroup (memory.events / oom_control). */
			if (sc->kind != SCOPE_MACHINE && known(sc->kernel_oom_kills)) {
				if (known(prev_kills[i]) && sc->kernel_oom_kills > prev_kills[i] &&
				    !D.kkill_pending_ns[i])
					D.kkill_pending_ns[i] = guard_now_ns();
				prev_kills[i] = sc->kernel_oom_kills;
			}
		}
		if (pend_at >= 0 && (pfd[pend_at].revents & POLLIN))
			pending_exited();
		else if (D.pend.active && guard_now_ns() >= D.pend.v.term_deadline_ns) {
			if (guard_victim_wait(&D.pend.v, 0) == 1)
				pending_exited();
			else if (!D.pend.killed)
				pend_kill("grace expired");
			else
				pend_unkillable();
		}
		if (kmsg_at >= 0 && (pfd[kmsg_at].revents & POLLIN))
			kmsg_read();
		for (int i = 0; i < D.nr_scopes; i++) {
			if (!D.kkill_pending_ns[i])
				continue;
			bool have = D.kreport_scope == i && D.kreport_len > 0;
			if (have || D.kmsg_fd < 0 || guard_now_ns() - D.kkill_pending_ns[i] > 500000000ull) {
				/* pid and comm from the report's kill line, when there is one */
				int64_t kpid = OOM_NA;
				char kcomm[OOM_COMM_LEN] = "";
				bool kl = have && live_kmsg_find_killed(D.kreport, D.kreport_len, &kpid, kcomm,
									sizeof(kcomm)) == 0;
				kernel_kill_seen(&D.scopes[i], D.scopes[i].kernel_oom_kills, have ? D.kreport : NULL,
						 have ? D.kreport_len : 0, kpid, kl ? kcomm : NULL);
				D.kkill_pending_ns[i] = 0;
				if (have) {
					D.kreport_scope = -1;
					D.kreport_len = 0;
				}
			}
		}
		now = guard_now_ns();
		if (D.rec.cap > 0 && now >= guard_recorder_next_ns(&D.rec, D.scopes, D.nr_scopes)) {
			bool full, tasks;
			guard_recorder_plan(D.scopes, D.nr_scopes, D.rec.taken_total, &full, &tasks);
			/* The machine scope was read in this wakeup: reuse its texts. */
			D.rec.meminfo_hint = NULL;
			D.rec.psi_hint = NULL;
			for (int i = 0; i < D.nr_scopes; i++)
				if (D.scopes[i].kind == SCOPE_MACHINE && now - D.scopes[i].read_ns < 50000000ull) {
					D.rec.meminfo_hint = guard_scope_meminfo();
					D.rec.psi_hint = &D.scopes[i].psi;
				}
			guard_recorder_take(&D.rec, D.scopes, D.nr_scopes, D.proc_dirfd, full, tasks ? &D.ts : NULL);
			const struct guard_rec *r = guard_recorder_last(&D.rec);
			if (r && known(r->oom_kill) && known(D.machine_vmstat_oom_kills) &&
			    r->oom_kill > D.machine_vmstat_oom_kills && D.kmsg_fd < 0) {
				for (int i = 0; i < D.nr_scopes; i++)
					if (D.scopes[i].kind == SCOPE_MACHINE)
						kernel_kill_seen(&D.scopes[i], r->oom_kill, NULL, 0, OOM_NA, NULL);
			}
			if (r && known(r->oom_kill))
				D.machine_vmstat_oom_kills = r->oom_kill;
			D.next_record_ns = now + 1000000000ull;
		}
		if (D.cfg->metrics_file[0] && now >= D.next_metrics_ns) {
			write_metrics_file();
			D.next_metrics_ns = now + 5000000000ull;
		}
		if (D.http.listen_fd >= 0) {
			bool any = false;
			for (int i = http_from; rc > 0 && i < n; i++)
				any = any || pfd[i].revents;
			if (any || guard_http_busy(&D.http))
				guard_http_service(&D.http, &D.ms, &D.msink);
		}
		if (hook_dl != UINT64_MAX && now >= hook_dl)
			hooks_reap(false);
		if (D.watchdog_usec && now >= D.next_watchdog_ns) {
			guard_notify("WATCHDOG=1");
			D.next_watchdog_ns = now + D.watchdog_usec * 1000 / 2;
		}
		if (now >= D.next_status_ns) {
			char st[128];
			snprintf(st, sizeof(st), "STATUS=watching %d scope%s; %llu kill%s%s", D.nr_scopes,
				 D.nr_scopes == 1 ? "" : "s", (unsigned long long)D.kills_total,
				 D.kills_total == 1 ? "" : "s", D.cfg->dry_run ? " (dry run)" : "");
			guard_notify(st);
			D.next_status_ns = now + 10000000000ull;
		}
	}
	guard_notify("STOPPING=1");
	{
		struct json j;
		event_begin(&j, "stop");
		json_int(&j, "kills", (int64_t)D.kills_total);
		event_end(&j);
	}
	guard_log(GLOG_INFO, "stopping (%llu kill%s)", (unsigned long long)D.kills_total, D.kills_total == 1 ? "" : "s");
	write_metrics_file();
	hooks_reap(true);         /* no hook outlives the guard */
	if (D.pend.active)
		guard_victim_close(&D.pend.v);
	close_scopes();
	guard_http_close(&D.http);
	guard_recorder_release(&D.rec);
	guard_taskset_release(&D.ts);
	guard_free_zeroed(D.diag_tasks, DIAG_TASKS * sizeof(*D.diag_tasks));
	guard_sink_close(&D.sink);
	guard_sink_close(&D.msink);
	guard_sink_close(&D.esink);
	if (D.events_fd > 1)
		close(D.events_fd);
	if (D.incident_dirfd >= 0)
		close(D.incident_dirfd);
	if (D.kmsg_fd >= 0)
		close(D.kmsg_fd);
	if (D.sig_fd >= 0)
		close(D.sig_fd);
	close(D.proc_dirfd);
	if (D.kreport_fd >= 0)
		close(D.kreport_fd);
	return status;
}
