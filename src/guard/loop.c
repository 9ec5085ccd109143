/* loop.c — the guard's loop: wait on every event source the kernel gives
 * (signals, /dev/kmsg, the victim's pidfd, PSI triggers, memory.events,
 * v1 usage eventfds, the metrics endpoint), read the scopes, decide, and
 * run what is due (recorder, metrics file, hooks' deadlines, watchdog).
 *
 * One wakeup is one pass of guard_loop_once(): build the poll set, wait,
 * then each source in its own step.  Nothing here allocates (see
 * tests/unit/test_guard_noalloc.c). */
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/signalfd.h>
#include <unistd.h>

#include "guard/daemon_int.h"
#include "report/report.h"

/* The poll set of one wakeup and where each kind of source sits in it. */
struct wakeup {
	struct pollfd pfd[8 * (GUARD_MAX_SCOPES + 1) + GUARD_HTTP_CLIENTS + 8];
	int n;
	int kmsg_at, pend_at;            /* -1: not polled */
	int scope_from, scope_to, http_from;
	int rc;                          /* poll()'s result */
	uint64_t hook_dl;                /* the next hook deadline, UINT64_MAX: none */
};

static void build_pollfds(struct wakeup *w)
{
	w->n = 0;
	w->pfd[w->n++] = (struct pollfd){ .fd = D.sig_fd, .events = POLLIN };
	w->kmsg_at = w->pend_at = -1;
	if (D.kmsg_fd >= 0) {
		w->kmsg_at = w->n;
		w->pfd[w->n++] = (struct pollfd){ .fd = D.kmsg_fd, .events = POLLIN };
	}
	if (D.pend.active && D.pend.v.pidfd >= 0) {
		w->pend_at = w->n;
		w->pfd[w->n++] = (struct pollfd){ .fd = D.pend.v.pidfd, .events = POLLIN };
	}
	w->scope_from = w->n;
	for (int i = 0; i < D.nr_scopes; i++) {
		struct guard_scope *sc = &D.scopes[i];
		if (sc->fd_psi >= 0)
			w->pfd[w->n++] = (struct pollfd){ .fd = sc->fd_psi, .events = POLLPRI };
		if (sc->kind == SCOPE_CGROUP_V2 && sc->fd_events >= 0)
			w->pfd[w->n++] = (struct pollfd){ .fd = sc->fd_events, .events = POLLPRI };
		for (int k = 0; k < 3; k++)
			if (sc->efd_usage[k] >= 0)
				w->pfd[w->n++] = (struct pollfd){ .fd = sc->efd_usage[k], .events = POLLIN };
		if (sc->efd_oom >= 0)
			w->pfd[w->n++] = (struct pollfd){ .fd = sc->efd_oom, .events = POLLIN };
	}
	w->scope_to = w->n;
	w->http_from = w->n;
	if (D.http.listen_fd >= 0)      /* metrics.c stays out of the loop's pages when off */
		w->n += guard_http_pollfds(&D.http, w->pfd + w->n, (int)ARRAY_SIZE(w->pfd) - w->n);
}

/* Milliseconds until DEADLINE_NS (rounded up: waking a little early would
 * spin until the deadline), no more than CUR. */
static int until(uint64_t deadline_ns, uint64_t now, int cur)
{
	int t = deadline_ns > now ? (int)((deadline_ns - now + 999999) / 1000000) : 0;
	return t < cur ? t : cur;
}

/* How long poll() may sleep: the nearest of every deadline the loop keeps.
 * With nothing due and event sources for every scope this is
 * GUARD_CALM_MS while every scope is calm (monitor.c), so an idle guard
 * wakes rarely. */
static int poll_timeout(struct wakeup *w, uint64_t now)
{
	int timeout = GUARD_CALM_MS > D.cfg->poll_max_ms ? GUARD_CALM_MS : D.cfg->poll_max_ms;
	for (int i = 0; i < D.nr_scopes; i++) {
		int t = guard_scope_poll_ms(&D.scopes[i], D.cfg);
		if (t < timeout)
			timeout = t;
	}
	if (D.rec.cap > 0) {
		D.next_record_ns = guard_recorder_next_ns(&D.rec, D.scopes, D.nr_scopes);   /* recorder.c */
		timeout = until(D.next_record_ns, now, timeout);
	}
	if (D.pend.active)
		timeout = until(D.pend.v.term_deadline_ns, now, timeout);
	for (int i = 0; i < D.nr_scopes; i++)
		if (D.kkill_pending_ns[i] && timeout > 50)
			timeout = 50;
	if (D.http.listen_fd >= 0 && timeout > GUARD_HTTP_TIMEOUT_MS / 2 && guard_http_busy(&D.http))
		timeout = GUARD_HTTP_TIMEOUT_MS / 2;     /* its per-connection timeouts */
	int report_ms = guard_report_timeout_ms(D.cfg, now);    /* status line (report_line.c) */
	if (report_ms >= 0 && report_ms < timeout)
		timeout = report_ms;
	w->hook_dl = hooks_next_deadline();
	if (w->hook_dl != UINT64_MAX)
		timeout = until(w->hook_dl, now, timeout);
	if (D.watchdog_usec)
		timeout = until(D.next_watchdog_ns, now, timeout);
	return timeout;
}

/* Signals through the signalfd: false when the guard is to stop. */
static bool take_signals(void)
{
	struct signalfd_siginfo si;
	bool running = true;
	while (read(D.sig_fd, &si, sizeof(si)) == (ssize_t)sizeof(si)) {
		if (si.ssi_signo == SIGTERM || si.ssi_signo == SIGINT)
			running = false;
		else if (si.ssi_signo == SIGHUP)
			guard_reload();
		else if (si.ssi_signo == SIGCHLD)
			hooks_reap(false);
	}
	return running;
}

/* Drain the scopes' event fds that fired; drop those whose source is gone. */
static void drain_event_fds(struct wakeup *w)
{
	for (int i = w->scope_from; i < w->scope_to; i++) {
		if (!w->pfd[i].revents)
			continue;
		/* A PSI trigger reports only POLLPRI; POLLERR there means its
		 * cgroup is gone.  kernfs files report POLLERR|POLLPRI on
		 * every change: gone when the re-read fails. */
		bool psi = false;
		for (int k = 0; k < D.nr_scopes; k++)
			psi = psi || D.scopes[k].fd_psi == w->pfd[i].fd;
		bool bad = w->pfd[i].revents & (POLLERR | POLLNVAL | POLLHUP);
		if ((bad && (psi || !(w->pfd[i].revents & POLLPRI))) || guard_scope_drain(w->pfd[i].fd) < 0)
			guard_drop_event_fd(w->pfd[i].fd);
	}
}

static void threshold_crossed(const struct guard_scope *sc, int lv)
{
	char a[32];
	struct json j;
	guard_event_begin(&j, "threshold");
	json_str(&j, "scope", sc->name);
	json_str(&j, "level", lv == LEVEL_KILL ? "kill" : "term");
	json_int(&j, "available_kib", sc->avail_kib);
	json_int(&j, "threshold_kib", lv == LEVEL_KILL ? sc->kill_kib : sc->term_kib);
	guard_event_end(&j);
	guard_log(GLOG_NOTICE, "%s: available %s, below the %s threshold", sc->name,
		  fmt_kib(a, sizeof(a), sc->avail_kib), lv == LEVEL_KILL ? "SIGKILL" : "SIGTERM");
}

/* Read every scope (cheap, kept fds) and act on those below a threshold. */
static void read_scopes(void)
{
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
		if ((int)before < lv)
			threshold_crossed(sc, lv);
		guard_warn_check(D.cfg, sc);      /* warning stage (warn.c) */
		if (lv > LEVEL_OK)
			guard_decide(i);
		else if (before > LEVEL_OK)
			D.last_report_ns[i] = D.unowned_ns[i] = 0;
		/* The kernel's own kills in a cgroup (memory.events / oom_control). */
		if (sc->kind != SCOPE_MACHINE && known(sc->kernel_oom_kills)) {
			if (known(D.prev_kills[i]) && sc->kernel_oom_kills > D.prev_kills[i] &&
			    !D.kkill_pending_ns[i])
				D.kkill_pending_ns[i] = guard_now_ns();
			D.prev_kills[i] = sc->kernel_oom_kills;
		}
	}
}

/* The victim being stopped: exited, or its grace or SIGKILL deadline passed. */
static void follow_pending(const struct wakeup *w)
{
	if (w->pend_at >= 0 && (w->pfd[w->pend_at].revents & POLLIN))
		pending_exited();
	else if (D.pend.active && guard_now_ns() >= D.pend.v.term_deadline_ns) {
		if (guard_victim_wait(&D.pend.v, 0) == 1)
			pending_exited();
		else if (!D.pend.killed)
			pend_kill("grace expired");
		else
			pend_unkillable();
	}
}

/* A cgroup's kernel kill counter rose: report it once its kmsg report is
 * in, or after 500 ms without one. */
static void report_kernel_kills(void)
{
	for (int i = 0; i < D.nr_scopes; i++) {
		if (!D.kkill_pending_ns[i])
			continue;
		bool have = D.kreport_scope == i && D.kreport_len > 0;
		if (!have && D.kmsg_fd >= 0 && guard_now_ns() - D.kkill_pending_ns[i] <= 500000000ull)
			continue;
		/* pid and comm from the report, when there is one */
		struct report_kill_facts kf;
		bool kl = have && report_kill_facts(D.kreport, D.kreport_len, &kf) == 0;
		kernel_kill_seen(&D.scopes[i], D.scopes[i].kernel_oom_kills, have ? D.kreport : NULL,
				 have ? D.kreport_len : 0, kl ? kf.pid : OOM_NA, kl && kf.comm[0] ? kf.comm : NULL);
		D.kkill_pending_ns[i] = 0;
		if (have) {
			D.kreport_scope = -1;
			D.kreport_len = 0;
		}
	}
}

/* One recorder sample a second; without /dev/kmsg, the machine's kills are
 * seen here, from /proc/vmstat's oom_kill. */
static void record_tick(uint64_t now)
{
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

/* What is due by the clock: recorder, metrics file and endpoint, hooks'
 * deadlines, the systemd watchdog and status. */
static void run_due(const struct wakeup *w, uint64_t now)
{
	if (D.rec.cap > 0 && now >= guard_recorder_next_ns(&D.rec, D.scopes, D.nr_scopes))
		record_tick(now);
	if (D.cfg->metrics_file[0] && now >= D.next_metrics_ns) {
		guard_write_metrics_file();
		D.next_metrics_ns = now + 5000000000ull;
	}
	if (D.http.listen_fd >= 0) {
		bool any = false;
		for (int i = w->http_from; w->rc > 0 && i < w->n; i++)
			any = any || w->pfd[i].revents;
		if (any || guard_http_busy(&D.http))
			guard_http_service(&D.http, &D.ms, &D.msink);
	}
	if (w->hook_dl != UINT64_MAX && now >= w->hook_dl)
		hooks_reap(false);
	if (D.cfg->report_interval_s > 0)
		guard_report_tick(D.cfg, D.scopes, D.nr_scopes, &D.ts, D.proc_dirfd, D.self_pid, D.page_kib, &D.kv);
	if (D.watchdog_usec && now >= D.next_watchdog_ns) {
		guard_notify("WATCHDOG=1");
		D.next_watchdog_ns = now + D.watchdog_usec * 1000 / 2;
	}
	/* Formatted only for systemd (NOTIFY_SOCKET, set before the start or
	 * never): an idle wakeup elsewhere skips snprintf and the getenv. */
	static int notify = -1;
	if (notify < 0)
		notify = getenv("NOTIFY_SOCKET") != NULL;
	if (notify && now >= D.next_status_ns) {
		char st[128];
		snprintf(st, sizeof(st), "STATUS=watching %d scope%s; %llu kill%s%s", D.nr_scopes,
			 D.nr_scopes == 1 ? "" : "s", (unsigned long long)D.kills_total,
			 D.kills_total == 1 ? "" : "s", D.cfg->dry_run ? " (dry run)" : "");
		guard_notify(st);
		D.next_status_ns = now + 10000000000ull;
	}
}

/* One wakeup.  1: go on; 0: stop (SIGTERM/SIGINT); -1: poll failed.
 * FIRST: the pass right after start-up, which does not wait. */
static int guard_loop_once(struct wakeup *w, bool first)
{
	build_pollfds(w);
	int timeout = first ? 0 : poll_timeout(w, guard_now_ns());
	w->rc = poll(w->pfd, (nfds_t)w->n, timeout);
	if (w->rc < 0 && errno != EINTR) {
		guard_log(GLOG_ERR, "poll: %s", strerror(errno));
		return -1;
	}
	if (w->rc > 0 && (w->pfd[0].revents & POLLIN) && !take_signals())
		return 0;
	if (w->rc > 0)
		drain_event_fds(w);
	read_scopes();
	follow_pending(w);
	if (w->kmsg_at >= 0 && (w->pfd[w->kmsg_at].revents & POLLIN))
		kmsg_read();
	report_kernel_kills();
	run_due(w, guard_now_ns());
	return 1;
}

int guard_loop(void)
{
	struct wakeup w;
	for (int i = 0; i < GUARD_MAX_SCOPES + 1; i++)
		D.prev_kills[i] = OOM_NA;
	/* The first pass does not wait: with the warm-up (daemon.c) and the
	 * start report it has mapped, page by page, what an idle wakeup runs;
	 * only then are the one-page mappings of code and constants merged
	 * back (resident.c), so their fault-around windows stay out of the
	 * RSS. */
	for (bool first = true;; first = false) {
		int rc = guard_loop_once(&w, first);
		if (first)
			guard_settle_resident();
		if (rc <= 0)
			return rc < 0 ? 1 : 0;
	}
}
