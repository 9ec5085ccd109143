/* daemon.c — the guard's loop: wait on every event source the kernel gives,
 * read the scopes, decide, stop the victim, and leave the evidence.
 *
 * Start-up allocates everything (task table, recorder ring, sinks, HTTP
 * buffers), takes one warm-up pass through every code path that reads, then
 * mlockall()s; after that the loop allocates nothing (the exception is a
 * SIGHUP reload; --prefer/--avoid patterns are matched by guard/pattern.c,
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
#include "guard/daemon_int.h"
#include "guard/guard.h"
#include "live/live.h"
#include "model/event.h"
#include "render/render.h"
#include "report/report.h"
#include "util/util.h"


struct daemon D;

static char sink_buf[512 * 1024], msink_buf[128 * 1024], esink_buf[16 * 1024];

/* An event fd whose source went away (PSI trigger of a removed cgroup:
 * POLLERR forever) would make poll() spin: close it and say so; polling
 * still covers the scope. */
void guard_drop_event_fd(int fd)
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
			guard_degrade("%s: no events written", err);
		else {
			/* Never through a symlink: the guard runs as root. */
			D.events_fd = open(c->events_path, O_WRONLY | O_APPEND | O_CREAT | O_NOFOLLOW | O_NOCTTY |
					   O_NONBLOCK | O_CLOEXEC, 0644);
			if (D.events_fd < 0)
				guard_degrade("events file %s: %s: no events written", c->events_path,
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
			guard_degrade("%s: no incident files", err);
		else if ((D.incident_dirfd = open(c->incident_dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)) < 0)
			guard_degrade("incident directory %s: %s: no incident files", c->incident_dir, strerror(errno));
	}
	D.metrics_file_ok = false;
	if (c->metrics_file[0]) {
		char err[512];
		if (output_dir_trusted(c->metrics_file, "metrics file", err, sizeof(err)) != 0)
			guard_degrade("%s: no metrics file", err);
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
		guard_degrade("metrics: %s is not a loopback address: anyone who can reach it reads the metrics",
			c->metrics_listen);
	return 0;
}

void guard_write_metrics_file(void)
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
	guard_event_begin(&j, "reload");
	json_bool(&j, "ok", false);
	json_str(&j, "error", err);
	guard_event_end(&j);
}

void guard_reload(void)
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
	guard_event_begin(&j, "reload");
	json_bool(&j, "ok", true);
	guard_event_end(&j);
}

static void set_own_adj(void)
{
	int fd = open("/proc/self/oom_score_adj", O_WRONLY | O_CLOEXEC);
	if (fd < 0 || write(fd, "-1000", 5) != 5)
		guard_degrade("cannot set own oom_score_adj to -1000 (%s): the kernel may kill the guard",
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
			guard_degrade("no %s: %s", caps[i].name, caps[i].what);
}

/* Everything the loop will use: memory, fds, signals.  0, or 1 (said why). */
static int start_up(const struct guard_cli *cli, struct guard_config *cfg)
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
		guard_degrade("no pidfd_open (kernel < 5.3): victims are signalled by pid after a start-time check");
	if (!D.have_mrelease)
		guard_degrade("no process_mrelease (kernel < 5.15): memory comes back when the victim exits");
	if (D.cfg->kmsg) {
		D.kmsg_fd = open("/dev/kmsg", O_RDONLY | O_NONBLOCK | O_CLOEXEC);
		if (D.kmsg_fd < 0)
			guard_degrade("/dev/kmsg: %s: the kernel's global OOM kills are seen only through counters",
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

	return 0;
}

/* The metrics state, then the warm-up, then mlockall. */
static void warm_up(void)
{
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
		guard_degrade("mlockall: %s: the guard's pages may be swapped out or reclaimed", strerror(errno));
	if (guard_raise_priority() < 0)     /* kill.c */
		guard_degrade("nice -20: %s: a busy machine's tasks delay the kills", strerror(errno));
	for (int i = 0; i < D.nr_scopes; i++)
		D.scopes[i].level = LEVEL_OK;

}

/* The start report (log and event), every degradation, systemd's READY. */
static void report_start(void)
{
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
		guard_event_begin(&j, "start");
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
		guard_event_end(&j);
	}
	D.watchdog_usec = guard_watchdog_usec();
	guard_notify("READY=1\nSTATUS=watching");
	for (int i = 0; i < D.nr_scopes; i++)
		D.scopes[i].kernel_oom_kills = OOM_NA;
	D.machine_vmstat_oom_kills = D.rec.count ? guard_recorder_last(&D.rec)->oom_kill : OOM_NA;

}

static void shut_down(void)
{
	guard_notify("STOPPING=1");
	{
		struct json j;
		guard_event_begin(&j, "stop");
		json_int(&j, "kills", (int64_t)D.kills_total);
		guard_event_end(&j);
	}
	guard_log(GLOG_INFO, "stopping (%llu kill%s)", (unsigned long long)D.kills_total, D.kills_total == 1 ? "" : "s");
	guard_write_metrics_file();
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
}


int guard_run(const struct guard_cli *cli, struct guard_config *cfg)
{
	if (start_up(cli, cfg) != 0)
		return 1;
	warm_up();
	report_start();
	int status = guard_loop();
	shut_down();
	return status;
}
