/* guard.h — the daemon that acts before the kernel's OOM killer.
 *
 *   config.c    INI file + command line → struct guard_config (strict, line numbers)
 *   procscan.c  the tasks of a scope into a fixed table (kept buffers, no heap)
 *   policy.c    the victim: kernel badness (model/badness.c), then prefer/avoid/protect
 *   monitor.c   scopes (machine, cgroup v1, cgroup v2): levels, PSI triggers, eventfds
 *   kill.c      pidfd from choice to exit: signal, process_mrelease, wait
 *   recorder.c  flight recorder: a fixed ring of snapshots, one a second
 *   incident.c  incident files (JSON) with the recorder's last minute and a diagnosis
 *   metrics.c   Prometheus text: loopback HTTP server and node_exporter textfile
 *   output.c    events file (JSON lines), log lines, --exec, sd_notify
 *
 * Every module works in memory fixed at start-up: the daemon must keep working
 * when the machine has no memory left to give it. */
#ifndef OOMKIT_GUARD_H
#define OOMKIT_GUARD_H

#include <poll.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <sys/types.h>

#include "model/kernel.h"
#include "model/snapshot.h"
#include "guard/pattern.h"

#define GUARD_MAX_SCOPES 16
#define GUARD_MAX_PATTERNS 16
#define GUARD_MAX_PROTECT 32
#define GUARD_PATTERN_LEN 256
#define GUARD_NAME_LEN 64
#define GUARD_MAX_EXEC_ARGS 32
#define GUARD_MAX_TASKS 4096        /* tasks kept per decision: with more, the best ranked (said so) */

/* ---- configuration (config.c) ------------------------------------------ */
enum guard_action { GUARD_ACTION_PROCESS = 0, GUARD_ACTION_PGROUP, GUARD_ACTION_CGROUP };
enum guard_tristate { GUARD_AUTO = -1, GUARD_NO = 0, GUARD_YES = 1 };

/* A prefer / avoid / protect rule: what it matches and what is done to a
 * victim it matched.  The rule's text (prefer[i] …) keeps its prefix;
 * the match text starts at off. */
enum guard_match { GUARD_MATCH_NAME = 0, GUARD_MATCH_CGROUP, GUARD_MATCH_UNIT, GUARD_MATCH_USER };
enum guard_rule_action { GUARD_RULE_KILL = 0, GUARD_RULE_RESTART_UNIT };
struct guard_rule {
	uint8_t match;                  /* enum guard_match */
	uint8_t action;                 /* enum guard_rule_action */
	uint16_t off;                   /* the glob / unit after "cgroup:" or "unit:" */
	int64_t uid;                    /* user: rules, resolved at load (getpwnam) */
};

struct guard_config {
	int watch_machine;                       /* GUARD_AUTO: yes unless a cgroup is given */
	int nr_cgroups;
	/* Thresholds, in percent of the scope's size that is still available:
	 * below term → SIGTERM and a grace; below kill → SIGKILL at once. */
	int mem_term_percent, mem_kill_percent;           /* MemAvailable / MemTotal */
	int swap_term_percent, swap_kill_percent;         /* SwapFree / SwapTotal (ignored without swap) */
	int cgroup_term_percent, cgroup_kill_percent;     /* (limit − usage + file LRU) / limit */
	int psi_stall_ms, psi_window_ms;                  /* the PSI trigger that wakes us ("some") */
	int psi_full_avg10_percent;                       /* act as at term when full avg10 ≥ this; 0 = off */
	int grace_ms;                                     /* SIGTERM → SIGKILL */
	int exec_timeout_ms;                              /* --exec programs are killed after this */
	int poll_min_ms, poll_max_ms;                     /* polling fallback, shrinking near thresholds */
	enum guard_action action;
	bool escalate;                                    /* process group when one process is not enough */
	bool flood_kill_cgroup;                           /* a flood of kills: the whole cgroup */
	bool arm_memory_high;                             /* v2: set memory.high at the term point to be woken */
	bool dry_run;
	bool kmsg;                                        /* watch /dev/kmsg for the kernel's own kills */
	bool mlock, protect_self;
	int recorder_seconds;                             /* snapshots kept (one a second) */
	int recorder_tasks;                               /* top tasks kept per snapshot */
	/* Fixed sizes beside the percentages (MiB; 0 = unset), [0] term, [1]
	 * kill (half of term unless given), merged as earlyoom does
	 * (guard_threshold_kib).  cgroup: headroom below the limit. */
	int mem_min_mib[2], swap_min_mib[2], cgroup_min_mib[2];
	bool mem_percent_set, swap_percent_set, cgroup_percent_set;   /* given explicitly (finish) */
	/* Warning stage: log once, exec-warn, desktop notification. 0 = off. */
	int warn_mem_percent, warn_mem_min_mib, warn_cgroup_percent, warn_cgroup_min_mib;
	bool notify;                                      /* notify-send on the session buses */
	int report_interval_s;                            /* periodic status line; 0 = off */
	int exec_warn_argc;
	bool need_task_details;                           /* rules read cmdline / cgroup (finish) */
	struct guard_rule prefer_rule[GUARD_MAX_PATTERNS], avoid_rule[GUARD_MAX_PATTERNS];
	struct guard_rule protect_rule[GUARD_MAX_PROTECT];
	int nr_prefer, nr_avoid, nr_protect;
	int exec_argc;
	struct pat prefer_pat[GUARD_MAX_PATTERNS], avoid_pat[GUARD_MAX_PATTERNS];  /* in pats */
	/* Where each scalar key was set (line, 0 = default, -1 = command line). */
	int set_line[64];
	/* From here on, guard_config_defaults only empties (first byte, or the
	 * count above) instead of clearing: a configuration costs the guard
	 * only the pages it uses.  Entries past their count are never read. */
	char events_path[OOM_PATH_LEN];
	char incident_dir[OOM_PATH_LEN];
	char metrics_listen[64];                          /* "127.0.0.1:9650"; "" off */
	char metrics_file[OOM_PATH_LEN];
	char exec_cmd[OOM_PATH_LEN];
	char cgroups[GUARD_MAX_SCOPES][OOM_PATH_LEN];
	char prefer[GUARD_MAX_PATTERNS][GUARD_PATTERN_LEN];
	char avoid[GUARD_MAX_PATTERNS][GUARD_PATTERN_LEN];
	char protect[GUARD_MAX_PROTECT][GUARD_NAME_LEN];  /* exact process names (comm) */
	char exec_argv[GUARD_MAX_EXEC_ARGS][OOM_PATH_LEN / 4];
	char exec_warn_cmd[OOM_PATH_LEN];
	char exec_warn_argv[GUARD_MAX_EXEC_ARGS][OOM_PATH_LEN / 4];
	/* Last: its pages cost nothing until patterns are compiled into it. */
	struct pat_pool pats;
};

void guard_config_defaults(struct guard_config *c);
/* Sets one key (as written in the file, e.g. "mem-kill-percent").  line > 0
 * for a file line, -1 for the command line (which may override the file).
 * Returns 0 or -EINVAL with a message in err. */
int guard_config_set(struct guard_config *c, const char *key, const char *value, int line,
		     char *err, size_t errlen);
/* Parses INI text (section [guard]; '#' and ';' comments).  Errors name the
 * line: "guard.conf:12: unknown key 'foo'".  Returns 0 or -EINVAL. */
int guard_config_parse(struct guard_config *c, const char *text, size_t len, const char *name,
		       char *err, size_t errlen);
/* Reads and parses a file; a missing file is -ENOENT (the caller decides). */
int guard_config_load(struct guard_config *c, const char *path, char *err, size_t errlen);
/* May the guard (root) trust path: owned by root (or the user it runs as),
 * not writable by group or others, and so every directory above it (a
 * world-writable one only with the sticky bit, owned by root), like sshd's
 * StrictModes?  want_file: a regular file, else a directory.  0, or -EPERM
 * (-EINVAL, -ENOTDIR, -errno) with err naming the file, mode and owner. */
int guard_path_trusted(const char *path, const char *what, bool want_file, char *err, size_t errlen);
/* Cross-key checks (kill < term, poll-min ≤ poll-max, …).  Returns 0 or -EINVAL with err. */
int guard_config_finish(struct guard_config *c, char *err, size_t errlen);
/* Writes the effective configuration as INI (for --check-config -v). */
void guard_config_print(const struct guard_config *c, FILE *f);
/* For --help: every key with its meaning, as "--key" lines. */
void guard_config_help(FILE *f);
/* Does this key take no value on the command line (a boolean flag)? */
bool guard_config_is_bool(const char *key);

/* ---- tasks of a scope (procscan.c) ------------------------------------- */
struct guard_task {
	struct oom_task t;              /* the model's task: rss split, swap, pgtables, adj */
	int64_t ppid, pgid, sid;
	uint64_t start_ticks;           /* /proc/PID/stat starttime: same pid, same process? */
	char cmdline[256];              /* NUL → space; "" for kernel threads */
	int tier;                       /* policy: 0 prefer, 1 normal, 2 avoid, -1 protected */
	uint8_t rule_action;            /* enum guard_rule_action of the rule that set the tier */
	const char *why_protected;      /* static string when tier is -1 */
	uint32_t seq;                   /* order met in the scan (/proc order): the era's tie rule */
};

/* What the scan needs to rank tasks as the policy will (tier, then the
 * kernel's badness), so a table that overflows keeps the ones that matter. */
struct guard_rank {
	const struct guard_config *c;
	int64_t self_pid, totalpages, page_kib;
	const struct kver *kv;
};

struct guard_taskset {
	size_t n;
	size_t cap;                     /* 0: GUARD_MAX_TASKS (smaller only for tests) */
	bool truncated;                 /* more processes than cap: nr_skipped were dropped */
	size_t nr_skipped;              /* the lowest ranked, not kept */
	size_t nr_exiting;              /* listed but without mm (exiting: memory on its way back) */
	uint32_t seq;
	size_t worst;                   /* index of the lowest ranked entry, when worst_valid */
	bool worst_valid;
	const struct guard_rank *rank;  /* NULL: rank by anon + swap (the recorder) */
	struct guard_task *tasks;       /* GUARD_MAX_TASKS entries, allocated once at start */
};

int guard_taskset_init(struct guard_taskset *ts);
void guard_taskset_release(struct guard_taskset *ts);
/* Reads one process into gt (ENOENT/ESRCH: it is gone).  need_cmdline also
 * reads /proc/PID/cmdline. */
int guard_read_task(int proc_dirfd, int64_t pid, bool need_cmdline, struct guard_task *gt);
/* Every process (scope_dirfd < 0) or the processes of a memory cgroup and
 * its descendants (scope_dirfd = the cgroup directory).  Returns 0 or -errno. */
int guard_scan(int proc_dirfd, int scope_dirfd, bool need_cmdline, struct guard_taskset *ts);

/* ---- policy (policy.c) ------------------------------------------------- */
struct guard_choice {
	int index;                      /* into the task set; -1 none */
	int runner_up;
	int64_t badness;                /* points of the victim (pages) */
	int64_t freeable_kib;           /* anon + swap of what the action kills */
	int64_t need_kib;               /* what the scope must get back */
	enum guard_action action;       /* process, or escalated */
	int nr_group;                   /* processes the action signals (pgroup/cgroup) */
	int nr_candidates, nr_protected;
	char reason[160];               /* "largest by badness", "preferred (--prefer ...)" … */
	char unit[GUARD_NAME_LEN * 2];  /* restart-unit: the unit asked to restart; "" none */
};

/* The policy's view of one task (tier, why protected): self_pid is never a
 * candidate; init, kernel threads, oom_score_adj −1000 and the protect list
 * are protected. */
void guard_policy_classify(const struct guard_config *c, struct guard_task *gt, int64_t self_pid);
/* Picks the victim among ts: best tier (prefer < normal < avoid), then the
 * kernel's badness (badness_for_era with totalpages and kv), ties by the
 * era's rule (badness_replaces: the one met later in 4.8 and 5.1+).  need_kib > 0 is what the scope must regain: when the
 * victim's anon + swap is less and escalation is on, its process group (or
 * the whole cgroup when the action is cgroup) is taken.  Returns 0, or
 * -ESRCH when no candidate exists (out then holds only the counts). */
int guard_policy_choose(const struct guard_config *c, struct guard_taskset *ts, int64_t self_pid,
			int64_t totalpages, int64_t page_size_kib, const struct kver *kv,
			int64_t need_kib, struct guard_choice *out);
/* Would the policy take a before b (both candidates: tier ≥ 0, badness
 * known)?  Tier, then the kernel's badness and its era's tie rule. */
bool guard_task_ahead(const struct guard_task *a, const struct guard_task *b, const struct kver *kv);
/* anon + swap of one task in KiB (a kill frees neither file pages nor tmpfs). */
int64_t guard_task_freeable_kib(const struct guard_task *gt, int64_t page_size_kib);

/* ---- kill (kill.c) ----------------------------------------------------- */
struct guard_victim {
	int pidfd;                      /* -1 when pidfds are unavailable (then kill(2) after a start-time check) */
	int64_t pid;
	uint64_t start_ticks;
	int signal;                     /* last signal sent */
	uint64_t signalled_ns, term_deadline_ns;
	bool exited;
};
/* Does this kernel give pidfds (pidfd_open, 5.3+)?  process_mrelease (5.15+)? */
bool guard_have_pidfd(void);
bool guard_have_mrelease(void);
/* Opens the pidfd and checks the process is the one scanned (start time).
 * -ESRCH: it has already gone. */
int guard_victim_open(struct guard_victim *v, int proc_dirfd, int64_t pid, uint64_t start_ticks);
/* Sends sig through the pidfd.  -ESRCH: it exited by itself (fine). */
int guard_victim_signal(struct guard_victim *v, int sig);
/* After SIGKILL: process_mrelease so the memory comes back before the exit. */
int guard_victim_mrelease(struct guard_victim *v);
/* After SIGTERM: process_mrelease when the signal was fatal (not caught),
 * so its memory comes back without waiting for its exit.  true: reaped. */
bool guard_victim_reap_if_dying(struct guard_victim *v);
/* Waits up to timeout_ms for the exit (poll on the pidfd).  1 exited, 0 not yet. */
int guard_victim_wait(struct guard_victim *v, int timeout_ms);
void guard_victim_close(struct guard_victim *v);
/* Writes "1" to DIR/cgroup.kill (cgroup v2, 5.14+). */
int guard_cgroup_kill(int cgroup_dirfd);
/* Signals every process of a cgroup and its descendants (cgroup v1, or v2
 * without cgroup.kill), round after round until one finds nobody (at most
 * rounds): each pid is signalled through a pidfd, and only when it is still
 * listed once the pidfd is open.  Returns how many were signalled. */
int guard_cgroup_signal_all(int cgroup_dirfd, int sig, int rounds);
const char *guard_signal_name(int sig);
/* nice -20 for the guard (CAP_SYS_NICE), so process_mrelease is not
 * queued behind a busy machine's tasks.  0 or -errno. */
int guard_raise_priority(void);
/* Starts a hook (spawn.c): clean signal mask, default dispositions, as
 * uid/gid when uid is not -1 and not ours, in a process group of its own
 * led by a keeper that SIGKILLs the group when the guard dies.  0 with the
 * keeper's pid (the group's) in *pid_out, or -errno (execve's included). */
int guard_spawn_hook(char *const argv[], char *const envp[], uid_t uid, gid_t gid, pid_t *pid_out);

/* ---- scopes (monitor.c) ------------------------------------------------ */
enum guard_scope_kind { SCOPE_MACHINE = 0, SCOPE_CGROUP_V1, SCOPE_CGROUP_V2 };
enum guard_level { LEVEL_OK = 0, LEVEL_TERM = 1, LEVEL_KILL = 2 };

struct guard_psi { bool known; double some_avg10, full_avg10, full_avg60; uint64_t some_total_us, full_total_us; };

struct guard_scope {
	enum guard_scope_kind kind;
	char name[OOM_PATH_LEN];        /* "machine" or the cgroup directory */
	int dirfd;                      /* cgroup directory; -1 for the machine */
	int fd_main;                    /* /proc/meminfo · memory.usage_in_bytes · memory.current */
	int fd_limit;                   /* memory.limit_in_bytes · memory.max */
	int fd_stat;                    /* memory.stat (file LRU) */
	int fd_events;                  /* v2 memory.events (POLLPRI) · v1 memory.oom_control */
	int fd_psi;                     /* PSI trigger (POLLPRI); -1 none */
	int fd_psi_read;                /* PSI values */
	int efd_usage[3];               /* v1 usage thresholds: near, term, kill (eventfd) */
	int efd_oom;                    /* v1 OOM notification (eventfd) */
	int fd_swap_limit;              /* v2 memory.swap.max · v1 memory.memsw.limit_in_bytes; -1 none */
	int fd_swappiness;              /* v1 memory.swappiness; -1 none */
	int fd_high;                    /* v2 memory.high (its breach is a memory.events wakeup); -1 none */
	int64_t armed_high_kib;         /* the memory.high we wrote (arm-memory-high); OOM_NA none */
	int fd_root_usage;              /* machine: the v1 root memcg's memory.usage_in_bytes
					 * (its efd_usage thresholds wake the idle loop); -1 none */
	int64_t root_usage_kib;         /* its last reading */
	int psi_window_ms;              /* the window the trigger got (2 s multiples unprivileged) */
	/* Last reading. */
	int64_t total_kib;              /* MemTotal or the limit; OOM_NA unlimited */
	int64_t avail_kib;              /* MemAvailable, or limit − usage + file LRU */
	int64_t usage_kib, file_kib, high_kib;
	int64_t swap_total_kib, swap_free_kib;
	int64_t kernel_oom_kills;       /* memory.events oom_kill · oom_control oom_kill · vmstat oom_kill */
	int64_t term_kib, kill_kib;     /* thresholds in KiB of available memory */
	int64_t warn_kib;               /* warning stage (warn.c); OOM_NA off */
	bool warn_below;                /* available below warn_kib at the last read */
	bool warn_armed;                /* may warn (re-armed when memory recovers) */
	uint64_t warn_ns;               /* last warning */
	struct guard_psi psi;
	enum guard_level level;
	uint64_t crossed_ns;            /* when the level last rose (threshold crossing) */
	uint64_t read_ns;
	uint64_t next_psi_ns;           /* PSI values are re-read every 5 s while calm */
	/* The last readings (ring), for the rate at which available memory falls. */
#define GUARD_SCOPE_HIST 8
	int64_t hist_avail_kib[GUARD_SCOPE_HIST];
	uint64_t hist_ns[GUARD_SCOPE_HIST];
	unsigned hist_next;
	bool read_failed;               /* the last read failed (logged once) */
	/* Counters for the metrics. */
	uint64_t crossings_total, kills_total[2], kernel_kills_total, decisions_total;
	double last_decision_ms, last_latency_ms;
};

/* A threshold in KiB of available memory from a percentage of total and
 * a fixed size in MiB, as earlyoom merges -m and -M (main.c, v1.7+): no
 * size → the percentage; a size alone (percent_set false: the percentage
 * is only the default) → the size; both given → the larger (earlyoom takes
 * the lower; see monitor.c).  The size is capped at total.  OOM_NA when
 * total is unknown (no limit). */
int64_t guard_threshold_kib(int64_t total_kib, int percent, bool percent_set, int min_mib);

/* Opens a scope ("" or NULL path: the whole machine).  Errors in err. */
int guard_scope_open(struct guard_scope *sc, const char *cgroup_dir, char *err, size_t errlen);
void guard_scope_close(struct guard_scope *sc);
/* Registers the event sources (PSI trigger, v1 eventfds, v2 memory.events)
 * the kernel offers; appends what is missing to degraded (one line each). */
void guard_scope_arm(struct guard_scope *sc, const struct guard_config *c, char *degraded,
		     size_t dlen);
/* Reads the scope's numbers and sets its level by the thresholds of c.
 * Returns the level, or -errno (cgroup removed …). */
int guard_scope_read(struct guard_scope *sc, const struct guard_config *c);
/* How long the poll may sleep for this scope: short near the thresholds;
 * GUARD_CALM_MS while the scope is calm (below). */
int guard_scope_poll_ms(const struct guard_scope *sc, const struct guard_config *c);
/* Calm: a usage-threshold eventfd covers the scope (cgroup v1, or the
 * machine through the v1 root memcg) and its usage is below the lowest
 * ("near") threshold, so the kernel wakes the guard before anything can
 * matter; polling is then only a safety net. */
#define GUARD_CALM_MS 60000
bool guard_scope_calm(const struct guard_scope *sc);
/* Memory of the scope that no process holds, given what its processes
 * hold (owned_kib: anon + swap, guard_task_freeable_kib summed): for a
 * cgroup usage − file cache − owned (tmpfs/shmem files nobody maps, kernel
 * memory charged to it); for the machine the shmem no page table maps
 * (at least Shmem − Mapped of its last /proc/meminfo reading).  Model
 * arithmetic in model/badness.c.  OOM_NA when not measurable. */
int64_t guard_scope_unowned_kib(const struct guard_scope *sc, int64_t owned_kib);
/* At the rate available memory fell over the last readings (up to 1 s
 * back), in how many ms it reaches the kill threshold: 0 when there,
 * INT64_MAX when it is not falling (or too few readings). */
int64_t guard_scope_ms_to_kill(const struct guard_scope *sc);
/* Does the scope reach its kill threshold within ms at that rate?  Then a
 * SIGTERM grace of ms would end in SIGKILL anyway, only later: the
 * default path escalates on the rate of approach, not on a fixed grace.
 * Without a reading of the last second to measure against (calm, then
 * below the threshold in one wakeup), it does. */
bool guard_scope_outruns(const struct guard_scope *sc, int64_t ms);
/* totalpages of the scope's OOM domain as the kernel computes it
 * (model/badness.c: machine_totalpages, memcg_totalpages with the swap the
 * memcg may use), for badness.  OOM_NA when the scope has no limit. */
int64_t guard_scope_totalpages(const struct guard_scope *sc, int64_t page_kib);
/* Drains the readiness of an event fd (eventfd counter, PSI, kernfs notify).
 * -errno when its source is gone (ENODEV: cgroup removed). */
int guard_scope_drain(int fd);
/* /proc/meminfo as the machine scope's last read parsed it (the meminfo
 * fields of a recorder snapshot), valid until the next guard_scope_read. */
struct guard_rec;
const struct guard_rec *guard_scope_meminfo(void);
/* PSI line parsing (fuzzed through the config target's neighbour). */
int guard_parse_psi(const char *text, struct guard_psi *out);

struct guard_sink;

/* ---- flight recorder (recorder.c) ------------------------------------- */
#define GUARD_REC_TASKS 16
#define GUARD_REC_ORDERS 11
#define GUARD_REC_SLABS 4
struct guard_rec_task {
	int32_t pid, adj;
	char comm[16];
	int64_t anon_kib, file_kib, shmem_kib, swap_kib;
};
struct guard_rec {
	int64_t wall_ms;                  /* CLOCK_REALTIME, ms since the epoch */
	uint64_t mono_ns;
	/* /proc/meminfo (KiB) */
	int64_t mem_total, mem_free, mem_available, buffers, cached, swap_total, swap_free;
	int64_t anon_pages, shmem, mapped, slab_reclaimable, slab_unreclaimable, kernel_stack;
	int64_t page_tables, dirty, writeback, unevictable, committed_as, commit_limit;
	/* /proc/vmstat counters */
	int64_t pgscan_kswapd, pgscan_direct, pgsteal_kswapd, pgsteal_direct, pswpin, pswpout;
	int64_t pgmajfault, workingset_refault, allocstall, compact_stall, oom_kill;
	struct guard_psi psi;
	/* /proc/buddyinfo: free blocks per order, all zones summed */
	int64_t free_blocks[GUARD_REC_ORDERS];
	int nr_slabs;                      /* largest caches (/proc/slabinfo, root only) */
	struct { char name[28]; int64_t kib; } slabs[GUARD_REC_SLABS];
	int nr_scopes;
	int64_t scope_avail_kib[GUARD_MAX_SCOPES + 1];
	int nr_tasks;                      /* 0 when the tasks were not read this time */
	struct guard_rec_task *tasks;      /* GUARD_REC_TASKS slots in a store of their own, so
					    * the pages stay untouched while nothing is near */
};
struct guard_recorder {
	struct guard_rec *ring;           /* allocated once */
	struct guard_rec_task *task_store;
	int cap, count, next;
	int tasks_per_rec;
	int fd_meminfo, fd_vmstat, fd_buddy, fd_psi, fd_slab;
	uint64_t taken_total, errors_total;
	uint64_t last_ns;
	/* Set by the caller for one take: /proc/meminfo and PSI it has just
	 * read (the machine scope), so they are not read or parsed twice. */
	const struct guard_rec *meminfo_hint;
	const struct guard_psi *psi_hint;
};
int guard_recorder_init(struct guard_recorder *r, int seconds, int tasks_per_rec);
/* The meminfo fields of s (mem_total … commit_limit) from /proc/meminfo text;
 * OOM_NA where absent. */
void guard_meminfo_parse(const char *text, size_t len, struct guard_rec *s);
/* What the snapshot of the taken_total-th second holds, from how near the
 * scopes are to their SIGTERM thresholds: within 2× of one, everything
 * (full, and the largest tasks); else vmstat and buddyinfo (full) every
 * 5th second, or every 15th while every scope has 4× its threshold
 * available; meminfo and PSI always. */
void guard_recorder_plan(const struct guard_scope *scopes, int nr_scopes, uint64_t taken_total,
			 bool *full, bool *tasks);
void guard_recorder_release(struct guard_recorder *r);
/* Takes one snapshot: meminfo and PSI always; vmstat and buddyinfo when
 * full (else they are unknown in it); the largest tasks and slab caches
 * when ts (scratch for the scan) is given. */
int guard_recorder_take(struct guard_recorder *r, const struct guard_scope *scopes, int nr_scopes,
			int proc_dirfd, bool full, struct guard_taskset *ts);
/* The snapshots of the last `seconds`, oldest first, as a JSON array. */
struct json;
void guard_recorder_json(const struct guard_recorder *r, struct json *j, const char *key, int seconds);
const struct guard_rec *guard_recorder_last(const struct guard_recorder *r);
/* When the next snapshot is due: one a second, one every GUARD_CALM_MS
 * while every scope is calm (guard_scope_calm: the kernel wakes the guard
 * when one stops being). */
uint64_t guard_recorder_next_ns(const struct guard_recorder *r, const struct guard_scope *scopes, int nr_scopes);

/* ---- Kubernetes (kube.c) ---------------------------------------------- */
/* Reads the cgroup of the chosen victim (before it is signalled) and keeps
 * it for the event and incident that follow.  No allocation. */
void guard_kube_note(int proc_dirfd, int64_t pid);
/* The noted cgroup path of PID, NULL when another pid or unreadable. */
const char *guard_kube_cgroup(int64_t pid);
/* Members "kube" (the scope's pod, null when it names none; not written
 * when scope_name is NULL) and, for
 * victim_pid >= 0, "victim_cgroup" and "victim_kube" (its pod). */
struct json;
void guard_kube_json(struct json *j, const char *scope_name, int64_t victim_pid);
/* Where the runtimes' state files are read for pod names: NULL "/" (tests). */
void guard_kube_set_root(const char *path);

/* ---- metrics (metrics.c) ---------------------------------------------- */
struct guard_metrics_state {
	const struct guard_scope *scopes;
	int nr_scopes;
	const struct guard_recorder *rec;
	int64_t start_time_s;
	bool dry_run;
	uint64_t config_reloads_total, config_reload_failures_total;
	uint64_t incidents_total, exec_failures_total;
	int64_t last_incident_time_s;   /* epoch seconds of the last incident file; 0 none yet */
	int degradations;
};
/* Prometheus text exposition (format 0.0.4) of the guard's state. */
void guard_metrics_render(FILE *f, const struct guard_metrics_state *m);

#define GUARD_HTTP_CLIENTS 4
struct guard_http {
	int listen_fd;
	struct {
		int fd;
		size_t in_len, out_len, out_off;
		uint64_t since_ns;
		char in[1024];
	} c[GUARD_HTTP_CLIENTS];
	char *out;                       /* GUARD_HTTP_CLIENTS response buffers of out_cap bytes, allocated once */
	size_t out_cap;
	uint64_t requests_total;
	uint64_t evicted_total;          /* connections closed to make room */
};
#define GUARD_HTTP_TIMEOUT_MS 2000       /* per connection, from accept to answered */
/* Listens on "ADDR:PORT" (IPv4, or [IPv6]:PORT).  Errors in err. */
int guard_http_open(struct guard_http *h, const char *listen_addr, char *err, size_t errlen);
void guard_http_close(struct guard_http *h);
/* The poll() entries the server wants (listen + clients); returns the count. */
int guard_http_pollfds(const struct guard_http *h, struct pollfd *pfd, int max);
/* Is any connection open (then the loop wakes at least every second, for
 * the per-connection timeouts)? */
bool guard_http_busy(const struct guard_http *h);
/* Services whatever is ready (accept, read, answer GET /metrics); closes
 * connections past GUARD_HTTP_TIMEOUT_MS; when every slot is taken, a new
 * connection evicts the quietest old one. */
void guard_http_service(struct guard_http *h, const struct guard_metrics_state *m,
			struct guard_sink *scratch);

/* ---- output (output.c) ------------------------------------------------- */
/* A FILE that writes into a fixed buffer, made once at start-up
 * (fopencookie, unbuffered), so the JSON writer and fprintf can be used at
 * any time without the heap.  Overflow truncates and sets overflow. */
struct guard_sink {
	FILE *f;
	char *buf;
	size_t len, cap;
	bool overflow;
};
int guard_sink_open(struct guard_sink *s, char *buf, size_t cap);
void guard_sink_reset(struct guard_sink *s);
void guard_sink_close(struct guard_sink *s);
/* Writes the sink's bytes to path atomically (path.tmp + rename). */
int guard_sink_save(struct guard_sink *s, const char *path);

/* syslog priorities for the log lines ("<3>" prefixes under journald). */
enum { GLOG_ERR = 3, GLOG_WARNING = 4, GLOG_NOTICE = 5, GLOG_INFO = 6, GLOG_DEBUG = 7 };
void guard_log_init(void);
void guard_log(int prio, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* The same, never held back as a repeat: lines meant to come at intervals
 * (--report-interval's status line) say the same thing when nothing moves. */
void guard_log_periodic(int prio, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* sd_notify: "READY=1", "WATCHDOG=1", "STATUS=…" to $NOTIFY_SOCKET (none: no-op). */
int guard_notify(const char *msg);
/* Watchdog interval from $WATCHDOG_USEC (for this pid), 0 when none. */
uint64_t guard_watchdog_usec(void);

/* ---- programs the guard starts (hook.c) --------------------------------- */
#define GUARD_MAX_HOOKS 8
/* Starts argv[0] (an absolute path) in the background: no signal blocked,
 * default dispositions, its own process group; as uid/gid when uid is not
 * (uid_t)-1 and not ours (fork, then setgroups/setresgid/setresuid).  It
 * is killed (its group) after timeout_ms.  Returns its pid, or -errno
 * (logged with what). */
pid_t guard_hook_spawn(const char *what, char *const argv[], char *const envp[], int timeout_ms, uid_t uid,
		       gid_t gid);
/* Reaps the hooks that ended (telling unit.c their exit status); kills
 * those past their timeout, or every one when all (the guard stops).
 * Returns how many were killed at their timeout. */
int guard_hooks_reap(bool all);
uint64_t guard_hooks_next_deadline(void);
/* name found in $PATH (an executable), into out.  0 or -ENOENT. */
int guard_hook_which(const char *name, char *out, size_t outlen);

/* ---- restart-unit (unit.c) -------------------------------------------- */
/* The victim's rule says action=restart-unit: ask systemd to restart its
 * unit (systemctl --no-block restart UNIT, through hook.c) instead of a
 * signal.  1: requested now (ch->unit, ch->reason say so); 2: a restart of
 * this victim's unit is under way (wait); 0: signal as usual — not such a
 * rule, or the fallback (no unit, no systemctl, it failed, or memory did
 * not come back in time), said in ch->reason. */
int guard_unit_restart(const struct guard_config *c, const struct guard_task *victim, struct guard_choice *ch);
/* hook.c: a hook ended (status as from waitpid, -1 killed at its timeout). */
void guard_unit_hook_exited(pid_t pid, int status);

/* ---- warning stage (warn.c) -------------------------------------------- */
/* After each read of a scope: below its warning threshold (warn_kib) for
 * the first time since memory recovered → one log line, exec-warn, and
 * notify-send on each session bus (rate-limited to one in 10 s). */
void guard_warn_check(const struct guard_config *c, struct guard_scope *sc);
/* The session buses notify-send is run on: DIR/UID/bus sockets owned by
 * UID, DIR = /run/user (OOMKIT_GUARD_TEST_RUN_USER: tests only).  Calls
 * fn for each; returns how many. */
int guard_session_buses(void (*fn)(uid_t uid, gid_t gid, const char *bus_path, void *ctx), void *ctx);

/* ---- periodic status line (report_line.c) ----------------------------- */
/* ms until the next status line is due (0: now), -1 when report-interval
 * is 0 (then no wakeup is added). */
int guard_report_timeout_ms(const struct guard_config *c, uint64_t now_ns);
/* When due: one line per scope (available/total, swap, PSI some avg10, the
 * top candidate and its badness; ts is scratch for the scan). */
void guard_report_tick(const struct guard_config *c, struct guard_scope *scopes, int nr_scopes,
		       struct guard_taskset *ts, int proc_dirfd, int64_t self_pid, int64_t page_kib,
		       const struct kver *kv);
/* One scope's line into buf (the top candidate: NULL when none). */
void guard_report_format(char *buf, size_t len, const struct guard_scope *sc, const struct guard_task *top);

/* ---- the daemon (daemon.c) --------------------------------------------- */
#define GUARD_MAX_CLI 256
/* The command line as key/value pairs, kept for SIGHUP reloads. */
struct guard_cli {
	const char *config_path;        /* NULL: /etc/oomkit/guard.conf if it exists */
	int n;
	const char *key[GUARD_MAX_CLI];
	const char *value[GUARD_MAX_CLI];
};
#define GUARD_DEFAULT_CONFIG "/etc/oomkit/guard.conf"
/* defaults → file → command line → cross-checks.  0 or -errno with err. */
int guard_config_build(struct guard_config *c, const struct guard_cli *cli, char *err, size_t errlen);
/* Runs until SIGTERM/SIGINT.  Returns the exit status. */
int guard_run(const struct guard_cli *cli, struct guard_config *cfg);

/* ---- what stays resident (resident.c) ----------------------------------- */
/* Drops the page-table entries of every read-only private file mapping
 * that holds only the file's content (code and constants), so that the
 * warm-up pass maps back only what the loop uses.  Returns the KiB of
 * mappings dropped, or -errno. */
int64_t guard_trim_resident(void);
/* Zeroed memory straight from the kernel: no page is touched until used
 * (calloc clears memory the heap reuses, touching all of it). */
void *guard_alloc_zeroed(size_t len);
void guard_free_zeroed(void *p, size_t len);
/* Gives back the whole pages inside [p, p + len) of memory whose content is
 * not needed (they read as zero when touched again). */
void guard_release_pages(void *p, size_t len);

/* ---- small helpers ----------------------------------------------------- */
uint64_t guard_now_ns(void);          /* CLOCK_MONOTONIC */
/* pread a kept fd into buf (NUL-terminated), for /proc and /sys files. */
ssize_t guard_pread(int fd, char *buf, size_t cap);

#endif
