/* daemon_int.h — the guard daemon's shared state and the functions its parts
 * call in each other: daemon.c (set-up and the loop), decide.c (choosing and
 * stopping a victim), evidence.c (events, incidents, log lines), hooks.c
 * (--exec programs) and kmsg_watch.c (the kernel's own kills).  Internal to
 * src/guard/: nothing outside includes it. */
#ifndef OOMKIT_GUARD_DAEMON_INT_H
#define OOMKIT_GUARD_DAEMON_INT_H

#include <stdbool.h>
#include <stdint.h>

#include "diagnose/analysis.h"
#include "diagnose/diagnose.h"
#include "guard/guard.h"
#include "model/event.h"
#include "util/util.h"

#define KMSG_REPORT_CAP (64 * 1024)
#define DIAG_TASKS 512

/* The victim being stopped.  Phases: SIGTERM sent (deadline = end of the
 * grace), then SIGKILL sent (deadline = GUARD_UNKILLABLE_MS later).  A
 * victim still there at the second deadline cannot exit (frozen by a
 * freezer cgroup, stuck in D state): it is recorded as unkillable and
 * skipped, and its scope is defended again, so no victim holds a scope
 * for longer than grace + GUARD_UNKILLABLE_MS. */
#define GUARD_UNKILLABLE_MS 1000
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

struct daemon {
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
	int64_t prev_kills[GUARD_MAX_SCOPES + 1];   /* each cgroup's kernel kill counter at the last read */
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
};
extern struct daemon D;


/* What one kill (or dry-run decision, or kernel kill) leaves as evidence. */
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

/* evidence.c — events, incident files, log-line helpers */
const char *scope_kind_name(enum guard_scope_kind k);
struct json *guard_event_begin(struct json *j, const char *name);
void guard_event_end(struct json *j);
const char *log_safe(const char *s, char *dst, size_t len);
void guard_degrade(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
int write_incident(const struct decision_facts *f, char *path_out, size_t path_len);
void emit_kill_event(const struct decision_facts *f, const char *incident);
void incident_update(const char *path, const char *outcome, int64_t measured_kib, double latency_ms,
			    double exit_ms);

/* hooks.c — the --exec programs */
void run_exec(const struct decision_facts *f, const char *incident);
void hooks_reap(bool all);
uint64_t hooks_next_deadline(void);

/* decide.c — choosing and stopping a victim */
void pend_kill(const char *why);
void pend_unkillable(void);
void guard_decide(int si);
void pending_exited(void);

/* kmsg_watch.c — the kernel's own OOM kills, read from /dev/kmsg */
void kernel_kill_seen(struct guard_scope *sc, int64_t count, const char *report, size_t rlen,
			     int64_t pid, const char *comm);
void kmsg_read(void);

/* daemon.c — set-up, SIGHUP reload, shut-down */
void guard_reload(void);
void guard_drop_event_fd(int fd);
void guard_write_metrics_file(void);

/* loop.c — the loop; returns guard_run's exit status */
int guard_loop(void);

#endif
