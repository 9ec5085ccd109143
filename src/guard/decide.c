/* decide.c — one scope crossed its threshold: choose the victim (the
 * kernel's own badness, model/badness.c), stop it (SIGTERM, SIGKILL,
 * process_mrelease through kill.c), follow it until it exits or proves
 * unkillable, and record what it gave back. */
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
	sc->kills_total[sc->level == LEVEL_KILL ? 1 : 0]++;   /* the threshold reached (metrics' reason), not the signal: SIGKILL also comes at the term one */
	D.kills_total++;
	char buf[3][200];
	guard_log(GLOG_WARNING, "%s: %s pid %lld (%s), %s; freed about %lld KiB in %.1f ms (%s)",
		  log_safe(sc->name, buf[0], sizeof(buf[0])), guard_signal_name(sig), (long long)victim->t.pid,
		  log_safe(victim->t.comm, buf[1], sizeof(buf[1])), log_safe(ch->reason, buf[2], sizeof(buf[2])),
		  (long long)ch->freeable_kib, f.latency_ms, outcome);
	char incident[OOM_PATH_LEN + 160] = "";
	write_incident(&f, incident, sizeof(incident));
	emit_kill_event(&f, incident);
	run_exec(&f, incident);
	if (incident_out)
		str_copy(incident_out, incident_len, incident, strlen(incident));
}

/* SIGKILL to the pending victim (grace over, or the kill threshold), with
 * process_mrelease; from now on it has GUARD_UNKILLABLE_MS to exit. */
void pend_kill(const char *why)
{
	guard_victim_signal(&D.pend.v, SIGKILL);
	D.pend.released = D.have_mrelease && guard_victim_mrelease(&D.pend.v) == 0;
	D.pend.killed = true;
	D.pend.v.term_deadline_ns = guard_now_ns() + GUARD_UNKILLABLE_MS * 1000000ull;
	char b[2][200];
	guard_log(GLOG_WARNING, "%s: SIGKILL to pid %lld (%s) after SIGTERM (%s)",
		  log_safe(D.scopes[D.pend.scope].name, b[0], sizeof(b[0])), (long long)D.pend.v.pid,
		  log_safe(D.pend.comm, b[1], sizeof(b[1])), why);
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
void pend_unkillable(void)
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
		  log_safe(sc->name, b[0], sizeof(b[0])), (long long)D.pend.v.pid, log_safe(D.pend.comm, b[1], sizeof(b[1])),
		  GUARD_UNKILLABLE_MS, st, st == 'D' ? ", uninterruptible" : "",
		  D.pend.released ? "released by process_mrelease" : "not released");
	struct json j;
	guard_event_begin(&j, "victim_unkillable");
	json_int(&j, "pid", D.pend.v.pid);
	json_str(&j, "comm", D.pend.comm);
	json_str(&j, "scope", sc->name);
	guard_kube_json(&j, sc->name, D.pend.v.pid);   /* the pods */
	char sts[2] = { st, 0 };
	json_str(&j, "state", sts);
	json_bool(&j, "memory_released", D.pend.released);
	json_int(&j, "measured_freed_kb", got);
	json_int(&j, "waited_ms", GUARD_UNKILLABLE_MS);
	json_str(&j, "incident", D.pend.incident[0] ? D.pend.incident : NULL);
	guard_event_end(&j);
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
		  log_safe(sc->name, b, sizeof(b)), fmt_kib(u, sizeof(u), unowned), fmt_kib(o, sizeof(o), owned),
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
	guard_event_begin(&j, "unowned_memory");
	json_str(&j, "scope", sc->name);
	json_int(&j, "unowned_kib", unowned);
	json_int(&j, "owned_kib", owned);
	json_int(&j, "need_kib", need_kib);
	json_str(&j, "incident", *incident ? incident : NULL);
	guard_event_end(&j);
	return true;
}

/* The scope's processes, ranked while read, and the policy's choice.
 * -EIO when the scope cannot be listed (logged), else guard_policy_choose's. */
static int scan_and_choose(struct guard_scope *sc, int64_t totalpages, int64_t need, struct guard_choice *ch)
{
	const struct guard_config *c = D.cfg;
	bool need_cmdline = c->need_task_details;       /* rules on cmdline, cgroup, unit (config.c) */
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

/* A victim of this scope is still being stopped: escalate, or wait.
 * True when the decision stops here. */
static bool pending_holds(int si, const struct guard_scope *sc)
{
	if (!D.pend.active || D.pend.scope != si)
		return false;
	uint64_t now = guard_now_ns();
	if (guard_victim_wait(&D.pend.v, 0) == 1)
		return true;       /* handled by the pidfd event */
	if (!D.pend.killed) {
		if (sc->level == LEVEL_KILL || now >= D.pend.v.term_deadline_ns)
			pend_kill(sc->level == LEVEL_KILL ? "kill threshold reached" : "grace expired");
		else if (guard_scope_outruns(sc, (int64_t)((D.pend.v.term_deadline_ns - now) / 1000000)))
			pend_kill("the kill threshold comes before the grace ends");   /* monitor.c */
		return true;
	}
	/* SIGKILLed.  Its memory already reaped by process_mrelease, there
	 * is nothing to wait for: still below means another process
	 * grows, so choose again now (the dying one is left out).  Else
	 * wait for the exit, at most GUARD_UNKILLABLE_MS: then it is
	 * unkillable and the scope is defended again. */
	if (now < D.pend.v.term_deadline_ns && !D.pend.released)
		return true;
	if (now >= D.pend.v.term_deadline_ns)
		pend_unkillable();
	return false;
}

static int64_t scope_need(const struct guard_scope *sc)
{
	int64_t need = known(sc->term_kib) && known(sc->avail_kib) ? sc->term_kib - sc->avail_kib : 0;
	return need < 0 ? 0 : need;
}

/* Scans and chooses.  Exit race: a process listed without mm is exiting
 * (exit_mm done, its pages still being uncharged), or the victim is not
 * the top consumer.  Then the memory may be on its way back: re-read the
 * scope for a few milliseconds while it rises, and act only if it is still
 * short, on a fresh list.  0 (CH chosen), 1 (memory came back by itself),
 * -EIO, or the scan's other error (nothing may be killed). */
static int choose_victim(struct guard_scope *sc, int64_t totalpages, int64_t *need, struct guard_choice *ch)
{
	int rc = scan_and_choose(sc, totalpages, *need, ch);
	if (rc != 0 || (D.ts.nr_exiting == 0 && top_consumer(ch)))
		return rc;
	int freed = memory_coming_back(sc, D.cfg);
	if (freed > 0) {
		char buf[200];
		guard_log(GLOG_NOTICE, "%s: memory came back by itself (%zu exiting); nobody signalled",
			  log_safe(sc->name, buf, sizeof(buf)), D.ts.nr_exiting);
		struct json j;
		guard_event_begin(&j, "memory_returned");
		json_str(&j, "scope", sc->name);
		json_int(&j, "exiting", (int64_t)D.ts.nr_exiting);
		json_int(&j, "available_kib", sc->avail_kib);
		guard_event_end(&j);
		return 1;
	}
	*need = scope_need(sc);
	return scan_and_choose(sc, totalpages, *need, ch);
}

/* A flood: the kills do not keep up.  Where the configuration allows it
 * (flood-kill-cgroup) the whole cgroup goes (memory.oom.group semantics;
 * CH and *SIG changed); otherwise it is said, once a minute. */
static void flood_check(int si, const struct guard_scope *sc, uint64_t decided, struct guard_choice *ch, int *sig)
{
	const struct guard_config *c = D.cfg;
	uint64_t oldest_kill = D.kill_ns[si][D.kill_next[si] % GUARD_FLOOD_KILLS];
	if (c->dry_run || sc->kind == SCOPE_MACHINE || !oldest_kill || decided - oldest_kill >= GUARD_FLOOD_NS ||
	    ch->action == GUARD_ACTION_CGROUP)
		return;
	if (c->flood_kill_cgroup || c->action == GUARD_ACTION_CGROUP) {
		ch->action = GUARD_ACTION_CGROUP;
		ch->nr_group = ch->nr_candidates;
		snprintf(ch->reason, sizeof(ch->reason),
			 "%d kills in %llu s did not keep up: the whole cgroup (flood-kill-cgroup)",
			 GUARD_FLOOD_KILLS, GUARD_FLOOD_NS / 1000000000ull);
		*sig = SIGKILL;
	} else if (!D.flood_said_ns[si] || decided - D.flood_said_ns[si] > 60000000000ull) {
		char b[200];
		guard_log(GLOG_WARNING, "%s: %d kills in %llu s do not keep up with it; flood-kill-cgroup = yes "
			  "would kill the whole cgroup", log_safe(sc->name, b, sizeof(b)), GUARD_FLOOD_KILLS,
			  GUARD_FLOOD_NS / 1000000000ull);
		D.flood_said_ns[si] = decided;
	}
}

/* --dry-run: the decision is reported (log, event, incident, hook), nothing signalled. */
static void dry_run_report(const struct guard_scope *sc, const struct guard_choice *ch,
			   const struct guard_task *victim, int sig, uint64_t crossed, uint64_t decided)
{
	struct decision_facts f = {
		.kind = "guard-dry-run", .sc = sc, .ch = ch, .victim = victim,
		.signal = guard_signal_name(sig), .decision_ms = (double)(decided - crossed) / 1e6,
		.latency_ms = 0, .freed_kib = ch->freeable_kib, .measured_freed_kib = OOM_NA,
		.outcome = "dry-run: not signalled",
	};
	char buf[3][200];
	guard_log(GLOG_NOTICE, "%s: dry run: would send %s to pid %lld (%s), %s; frees about %lld KiB",
		  log_safe(sc->name, buf[0], sizeof(buf[0])), guard_signal_name(sig), (long long)victim->t.pid,
		  log_safe(victim->t.comm, buf[1], sizeof(buf[1])), log_safe(ch->reason, buf[2], sizeof(buf[2])),
		  (long long)ch->freeable_kib);
	char incident[OOM_PATH_LEN + 160] = "";
	write_incident(&f, incident, sizeof(incident));
	emit_kill_event(&f, incident);
	run_exec(&f, incident);
}

/* Opens the victim and signals it (and its group).  0, or -errno (said). */
static int signal_victim(struct guard_scope *sc, const struct guard_choice *ch, const struct guard_task *victim,
			 int sig, struct guard_victim *v)
{
	int rc = guard_victim_open(v, D.proc_dirfd, victim->t.pid, victim->start_ticks);
	if (rc == 0 && D.test_delay_ms > 0) {
		/* Test hook (OOMKIT_GUARD_TEST_KILL_DELAY_MS): widen the window between
		 * the choice and the signal, so the e2e test can make the victim exit
		 * inside it and check the pidfd path. */
		struct timespec d = { D.test_delay_ms / 1000, (long)(D.test_delay_ms % 1000) * 1000000L };
		nanosleep(&d, NULL);
	}
	if (rc == 0)
		rc = guard_victim_signal(v, sig);
	D.signalled_ns = guard_now_ns();
	if (rc == -ESRCH) {
		char buf[200];
		guard_log(GLOG_NOTICE, "%s: victim pid %lld (%s) exited by itself before the signal; re-evaluating",
			  sc->name, (long long)victim->t.pid, log_safe(victim->t.comm, buf, sizeof(buf)));
		struct json j;
		guard_event_begin(&j, "victim_gone");
		json_int(&j, "pid", victim->t.pid);
		json_str(&j, "comm", victim->t.comm);
		json_str(&j, "scope", sc->name);
		guard_event_end(&j);
		guard_victim_close(v);
		return rc;
	}
	if (rc != 0) {
		guard_log(GLOG_ERR, "%s: cannot signal pid %lld: %s", sc->name, (long long)victim->t.pid, strerror(-rc));
		guard_victim_close(v);
		return rc;
	}
	if (ch->nr_group > 1)
		signal_group(sc, ch, sig);
	return 0;
}

/* SIGKILL sent: reap its memory (process_mrelease), wait briefly for the
 * exit, and record the kill; a victim not gone yet is followed like a
 * SIGTERMed one past its grace, so its exit updates the incident and,
 * should it never exit, it is found unkillable and the scope defended
 * again. */
static void after_sigkill(int si, struct guard_scope *sc, const struct guard_choice *ch, struct guard_task *victim,
			  struct guard_victim *v, uint64_t crossed, uint64_t decided, int64_t avail_before)
{
	const char *outcome = "signalled";
	uint64_t freed = 0;
	bool released = D.have_mrelease && guard_victim_mrelease(v) == 0;
	if (released) {
		outcome = "memory released (process_mrelease)";
		freed = guard_now_ns();
	}
	if (guard_victim_wait(v, 200) == 1) {
		outcome = released ? "memory released, exited" : "exited";
		if (!freed)
			freed = guard_now_ns();
	}
	D.last_victim_pid = victim->t.pid;
	D.last_victim_start = victim->start_ticks;
	D.last_victim_ns = guard_now_ns();
	if (v->exited || D.pend.active) {
		guard_victim_close(v);
		finish_kill(sc, ch, victim, SIGKILL, crossed, decided, avail_before, outcome, freed, NULL, 0);
		return;
	}
	D.pend = (struct pending){ .active = true, .killed = true, .released = released, .scope = si,
				   .v = *v, .avail_before_kib = avail_before, .crossed_ns = crossed,
				   .decided_ns = decided };
	D.pend.v.term_deadline_ns = D.signalled_ns + GUARD_UNKILLABLE_MS * 1000000ull;
	str_copy(D.pend.comm, sizeof(D.pend.comm), victim->t.comm, strlen(victim->t.comm));
	finish_kill(sc, ch, victim, SIGKILL, crossed, decided, avail_before, outcome, freed, D.pend.incident,
		    sizeof(D.pend.incident));
}

/* SIGTERM sent: the loop waits for the exit on the pidfd; SIGKILL after the grace. */
static void after_sigterm(int si, struct guard_scope *sc, const struct guard_choice *ch, struct guard_task *victim,
			  const struct guard_victim *v, uint64_t crossed, uint64_t decided, int64_t avail_before)
{
	D.pend = (struct pending){ .active = true, .scope = si, .v = *v, .avail_before_kib = avail_before,
				   .crossed_ns = crossed, .decided_ns = decided };
	D.pend.v.term_deadline_ns = guard_now_ns() + (uint64_t)D.cfg->grace_ms * 1000000ull;
	D.pend.released = guard_victim_reap_if_dying(&D.pend.v);   /* kill.c: an uncaught SIGTERM is fatal */
	str_copy(D.pend.comm, sizeof(D.pend.comm), victim->t.comm, strlen(victim->t.comm));
	finish_kill(sc, ch, victim, SIGTERM, crossed, decided, avail_before,
		    D.pend.released ? "SIGTERM not caught: memory released (process_mrelease)" : "SIGTERM sent, grace running",
		    guard_now_ns(), D.pend.incident, sizeof(D.pend.incident));
}

/* Scope SI is below a threshold: choose a victim and stop it. */
void guard_decide(int si)
{
	struct guard_scope *sc = &D.scopes[si];
	struct guard_config *c = D.cfg;
	uint64_t crossed = sc->crossed_ns ? sc->crossed_ns : guard_now_ns();

	if (pending_holds(si, sc))
		return;
	/* A dry run has nothing to wait for: one report per crossing, then one
	 * every 5 s while the scope stays below, not a scan every poll. */
	if (c->dry_run && D.last_report_ns[si] && guard_now_ns() - D.last_report_ns[si] < 5000000000ull)
		return;
	int64_t avail_before = sc->avail_kib;
	int64_t need = scope_need(sc);
	int64_t totalpages = guard_scope_totalpages(sc, D.page_kib);
	struct guard_choice ch;
	int rc = choose_victim(sc, totalpages, &need, &ch);
	if (rc == -EIO || rc == 1)
		return;
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
	guard_kube_note(D.proc_dirfd, victim->t.pid);   /* its cgroup, while it lives */
	int sig = sc->level == LEVEL_KILL || c->grace_ms == 0 || guard_scope_outruns(sc, c->grace_ms) ? SIGKILL : SIGTERM;
	/* One SIGTERM grace at a time: another scope's victim is still in its
	 * grace, so this one gets SIGKILL. */
	if (sig == SIGTERM && D.pend.active)
		sig = SIGKILL;
	flood_check(si, sc, decided, &ch, &sig);
	/* The victim just SIGKILLed is still in the table while it dies: its
	 * memory is on its way back, so no second victim for it (2 s at most). */
	if (!c->dry_run && victim->t.pid == D.last_victim_pid && victim->start_ticks == D.last_victim_start &&
	    decided - D.last_victim_ns < 2000000000ull)
		return;
	/* A restart-unit rule (unit.c): systemctl restarts the unit instead
	 * of a signal (1), a restart under way (2), or a kill as usual with
	 * the reason saying why not (0). */
	switch (guard_unit_restart(c, victim, &ch)) {
	case 1:
		finish_kill(sc, &ch, victim, 0, crossed, decided, avail_before, "restart-unit requested", 0, NULL, 0);
		return;
	case 2:
		return;
	}
	if (c->dry_run) {
		if (report) {
			D.last_report_ns[si] = decided;
			dry_run_report(sc, &ch, victim, sig, crossed, decided);
		}
		return;
	}
	struct guard_victim v;
	if (signal_victim(sc, &ch, victim, sig, &v) != 0)
		return;
	if (sig == SIGKILL)
		after_sigkill(si, sc, &ch, victim, &v, crossed, decided, avail_before);
	else
		after_sigterm(si, sc, &ch, victim, &v, crossed, decided, avail_before);
}

void pending_exited(void)
{
	struct guard_scope *sc = &D.scopes[D.pend.scope];
	uint64_t now = guard_now_ns();
	guard_scope_read(sc, D.cfg);
	struct json j;
	guard_event_begin(&j, "victim_exited");
	json_int(&j, "pid", D.pend.v.pid);
	json_str(&j, "scope", sc->name);
	json_str(&j, "last_signal", guard_signal_name(D.pend.v.signal));
	json_int(&j, "latency_ms", (int64_t)((now - D.pend.crossed_ns) / 1000000));
	int64_t measured = known(sc->avail_kib) && known(D.pend.avail_before_kib) ?
				   sc->avail_kib - D.pend.avail_before_kib : OOM_NA;
	json_int(&j, "measured_freed_kib", measured);
	json_int(&j, "measured_freed_kb", measured);      /* old name, one more release */
	guard_event_end(&j);
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
