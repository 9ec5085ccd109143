/* live.h — the running system as a source of the model: /proc and /sys
 * read under a configurable root, so every reader is tested on captured
 * trees (tests/fixtures/NAME/proc/…).  Readers never print; a file missing
 * under the root leaves its fields OOM_NA (unknown), never an error; a
 * process that vanishes mid-read is skipped (-ENOENT / -ESRCH).
 * Owner: helper "live".  Readers are also used by the guard. */
#ifndef OOMKIT_LIVE_H
#define OOMKIT_LIVE_H

#include <stdbool.h>
#include <stdint.h>

#include "model/kernel.h"
#include "model/snapshot.h"
#include "model/system.h"
#include "util/util.h"

/* getdents64(2) records: the task readers and the guard list /proc and
 * cgroup directories into stack buffers (opendir would allocate). */
struct linux_dirent64 {
	uint64_t d_ino;
	int64_t d_off;
	unsigned short d_reclen;
	unsigned char d_type;
	char d_name[];
};

struct live_root {
	int dirfd;              /* open directory fd of the root ("/" by default) */
	int procfd;             /* DIR/proc opened once (-1 if missing): tasks are read relative to it */
	bool host;              /* the root is "/": the running system (uname, sysconf apply) */
	char path[512];
};
int live_root_open(struct live_root *r, const char *path);   /* NULL → "/" */
void live_root_close(struct live_root *r);

/* /proc/meminfo → s->mem (KiB). */
int live_read_meminfo(const struct live_root *r, struct oom_mem *out);
/* /proc/zoneinfo (watermarks, managed, lowmem_reserve ["protection:"]) and
 * /proc/buddyinfo (free blocks per order) → s->zones. */
int live_read_zones(const struct live_root *r, struct oom_snapshot *s);

/* PSI: /proc/pressure/memory or a cgroup's memory.pressure. */
int live_read_psi(const struct live_root *r, const char *relpath, struct oom_pressure *out);

/* Settings, counters, pressure and the kernel (model/system.h). */
/* A one-number file below the root ("proc/sys/vm/swappiness"); OOM_NA when
 * missing or not a number.  Reads into the stack: no heap. */
int64_t live_read_value(const struct live_root *r, const char *relpath);
/* Only /proc/sys/kernel/osrelease → release and kv (what top needs). */
int live_read_release(const struct live_root *r, char *release, size_t len, struct kver *kv);
int live_read_vm(const struct live_root *r, struct oom_system *out);

/* One process: /proc/PID/status (name, uid, rss split, swap, page tables,
 * kthread) and /proc/PID/oom_score_adj — two opens, one read each.  The
 * cgroup is not read here (see live_read_task_cgroup).  A kernel thread is
 * marked kthread; a pid that vanished gives -ENOENT / -ESRCH, a zombie
 * -ESRCH, a process whose mm is being torn down (exit_mm) -EAGAIN.  A
 * zombie thread-group leader whose other threads still run (pthread_exit
 * in main) is read through a live thread's /proc/PID/task/TID/status, as
 * the kernel's find_lock_task_mm() (mm/oom_kill.c) finds its mm; pid and
 * tgid stay PID.  global_init is set for pid 1 of the initial pid
 * namespace (the kernel never picks it): a captured tree's pid 1, or the
 * host's when its /proc shows kthreadd as pid 2 (not inside a pid namespace). */
int live_read_task(const struct live_root *r, int64_t pid, struct oom_task *t);
/* The identity fields of /proc/PID/stat (see live_parse_stat): comm into t,
 * state, ppid, process group, session, start time into st.  0 or -errno. */
struct live_pid_stat {
	char state;                     /* R S D Z T … */
	int64_t ppid, pgid, sid;
	uint64_t start_ticks;           /* starttime (clock ticks since boot) */
};
int live_read_stat(const struct live_root *r, int64_t pid, struct oom_task *t, struct live_pid_stat *st);
/* /proc/PID/cmdline as one line (live_parse_cmdline).  0 or -errno. */
int live_read_cmdline(const struct live_root *r, int64_t pid, char *dst, size_t dstlen);
/* The task's memory cgroup path ("/a/b") from /proc/PID/cgroup: the v1 line
 * naming the memory controller, else the v2 "0::" line.  0 or -errno. */
int live_read_task_cgroup(const struct live_root *r, int64_t pid, char *dst, size_t dstlen);
/* Fills the cgroup of the tasks s->tasks[idx[0..n)] (those still empty):
 * with many tasks on the host by one walk of the memory hierarchy's
 * cgroup.procs files (the mount found in /proc/self/mountinfo), else — and
 * for a pid the walk missed — by live_read_task_cgroup. */
void live_fill_task_cgroups(const struct live_root *r, struct oom_snapshot *s, const size_t *idx, size_t n);
/* Every process (kernel threads marked kthread) → s->tasks, in /proc order
 * (= pid order, close to the kernel's for_each_process order).  When
 * memcg_dir is non-NULL it is a memory cgroup DIRECTORY (v1 or v2, a path
 * below the root such as "/sys/fs/cgroup/memory/app"): only the processes of
 * that cgroup and its descendants (their cgroup.procs) are read, and each
 * task's cgroup is filled with its path inside the hierarchy.  Returns the
 * number of tasks read or -errno (the root's proc missing, memcg_dir
 * unreadable). */
int live_scan_tasks(const struct live_root *r, struct oom_snapshot *s, const char *memcg_dir);
/* The same scan, each task read offered to keep() first, which says where
 * it goes: NULL to drop it, else a row of s->tasks (a new one from
 * snapshot_add_task, or one it gives up for this task).  So a caller that
 * shows a few rows holds a few rows, not one per process; s->tasks ends in
 * pid order still.  Returns the number of tasks READ (kept or not) or -errno. */
typedef struct oom_task *(*live_task_keep_fn)(struct oom_snapshot *s, const struct oom_task *t, void *arg);
int live_scan_tasks_keep(const struct live_root *r, struct oom_snapshot *s, const char *memcg_dir,
			 live_task_keep_fn keep, void *arg);

/* Limits that are "max" / unlimited are stored as OOM_UNLIMITED KiB (model/snapshot.h). */
/* A memory cgroup directory (v1 or v2, detected by its files); dir is a
 * path as the process sees it (compose with the root yourself).  -ENOENT if
 * dir holds neither memory.usage_in_bytes nor memory.current. */
int live_read_memcg(const char *dir, struct oom_memcg *out);
/* The path of a memory cgroup directory inside its hierarchy ("/" for the
 * root): walks up while the parent is still a cgroup of the same kind. */
int live_memcg_relpath(const char *dir, char *dst, size_t dstlen);

/* status: every memory cgroup below the root's sys/fs/cgroup (v1: its
 * memory hierarchy; v2: the unified one) counted, the fullest kept
 * (struct oom_memcg_summary, model/system.h).  -ENOENT when there is no
 * memory controller. */
int live_read_memcgs(const struct live_root *r, struct oom_memcg_summary *out);

/* /proc/slabinfo (root only on most kernels) → s->slabs, largest first. */
int live_read_slabinfo(const struct live_root *r, struct oom_snapshot *s);
/* Page size in KiB: sysconf for the host, else inferred from meminfo and
 * zoneinfo of the captured tree (MemFree / Σ free pages), else 4. */
int64_t live_page_size_kib(const struct live_root *r);
/* The kernel log (/dev/kmsg, non-blocking, every record still in the ring)
 * appended to out as /dev/kmsg records.  Only for the host root.  0 or -errno. */
int live_read_kmsg(struct buf *out);

/* A whole file below the root into b (cleared first; growing up to 16 MiB).
 * Returns bytes read or -errno. */
ssize_t live_read_file(const struct live_root *r, const char *relpath, struct buf *b);

/* ---- the pure parsers: one file each, src/live/parse_<kernel file>.c ----
 * (text, len) → model struct; no I/O, no heap; -EINVAL when nothing
 * matched; the out-struct is written only on success.  Used by the
 * readers above and by the guard's kept-fd I/O (src/guard/); each is
 * fuzzed (fuzz/fuzz_procfs.c).  Nothing else in oomkit parses /proc or
 * /sys text. */
int live_parse_meminfo(const char *text, size_t len, struct oom_mem *out);             /* parse_meminfo.c */
int live_parse_zoneinfo(const char *text, size_t len, int64_t page_size_kib, struct oom_snapshot *s);
int live_parse_buddyinfo(const char *text, size_t len, struct oom_snapshot *s);
/* buddyinfo summed over every zone: free blocks per order (at most
 * max_orders), the number of orders in *nr_orders. */
int live_parse_buddyinfo_sum(const char *text, size_t len, int64_t *free_blocks, int max_orders,
			     int *nr_orders);
int live_parse_psi(const char *text, size_t len, struct oom_pressure *out);                      /* parse_psi.c */
/* /proc/PID/status → t (pid, tgid, uid, comm, rss*, swap, pgtables, kthread);
 * -ESRCH for a zombie, -EAGAIN for a process without mm that is not a
 * kernel thread (exiting: exit_mm done, pages maybe still uncharging). */
int live_parse_status(const char *text, size_t len, int64_t page_size_kib, struct oom_task *t);
/* /proc/PID/stat: comm (between the first '(' and the LAST ')'), flags
 * (PF_KTHREAD), rss pages into t; state, ppid, pgid, sid, start time into
 * st (NULL: not wanted).  For callers that need the raw comm. */
int live_parse_stat(const char *text, size_t len, struct oom_task *t, struct live_pid_stat *st);
/* /proc/PID/cmdline → one line, NUL → space; -EINVAL when empty. */
int live_parse_cmdline(const char *text, size_t len, char *dst, size_t dstlen);
/* A file holding one number: /proc/sys/vm files, oom_score_adj, memory.swappiness… */
int live_parse_value_i64(const char *text, size_t len, int64_t *out);                   /* parse_value.c */
/* Blank-separated numbers (lowmem_reserve_ratio): at most max, count in *nr. */
int live_parse_value_list(const char *text, size_t len, int64_t *out, int max, int *nr);
/* The [selected] word of a mode file ("always [madvise] never"). */
int live_parse_bracketed(const char *text, size_t len, char *dst, size_t dstlen);
/* zram mm_stat: original and compressed data, KiB. */
int live_parse_zram_mm_stat(const char *text, size_t len, int64_t *orig_kib, int64_t *compr_kib); /* parse_zram.c */
/* Σ "pages free" of /proc/zoneinfo (the page size of a captured tree). */
int live_parse_zoneinfo_free_pages(const char *text, size_t len, int64_t *pages);
int live_parse_pid_cgroup(const char *text, size_t len, char *dst, size_t dstlen);    /* parse_cgroup.c */
/* The systemd system unit of a cgroup path ("/system.slice/nginx.service"
 * → "nginx.service"), as systemd's cg_path_get_unit (a prefix of other
 * components skipped): 0, -ENOENT (no unit), -EINVAL (too long for dst). */
int live_cgroup_unit(const char *path, char *dst, size_t dstlen);             /* parse_cgroup.c */
/* /proc/self/mountinfo → the memory hierarchy's mountpoint and the
 * hierarchy path it shows (v1 "cgroup" with memory, else cgroup2). */
int live_parse_mountinfo_memcg(const char *text, size_t len, char *mnt, size_t mntlen, char *hroot, size_t hlen);
int live_parse_vmstat(const char *text, size_t len, struct oom_vmstat *out);           /* parse_vmstat.c */
/* memory.stat of v1 (bytes, total_* preferred) or v2 (bytes) → m. */
int live_parse_memcg_stat(const char *text, size_t len, int version, struct oom_memcg *m); /* parse_memcg.c */
/* Flat keyed files: memory.events, memory.oom_control. */
int live_parse_memcg_events(const char *text, size_t len, struct oom_memcg *m);
/* A byte-value file (memory.current, memory.max, memory.usage_in_bytes,
 * memory.limit_in_bytes …) → KiB; "max" and v1's ≥ 2^62 → OOM_UNLIMITED. */
int live_parse_memcg_bytes(const char *text, size_t len, int64_t *kib);
/* cgroup.procs: the next pid from *pos (advanced); 1, or 0 at the end. */
int live_pids_next(const char **pos, const char *end, int64_t *pid);
/* /proc/PID/status CapEff (effective capabilities, a hex mask). */
int live_parse_status_capeff(const char *text, size_t len, uint64_t *out);
/* /proc/PID/smaps, one line: a mapping header or its "Anonymous:" line. */
enum { SMAPS_HEADER = 1, SMAPS_ANONYMOUS = 2 };
struct live_smaps_line {
	int kind;
	uint64_t start, end;                 /* header: the mapping's range */
	bool file_backed, readable, writable, private_map;
	int64_t anon_kib;                    /* Anonymous: */
};
int live_parse_smaps_line(const char *line, size_t len, struct live_smaps_line *out);  /* parse_smaps.c */
int live_parse_slabinfo(const char *text, size_t len, int64_t page_size_kib, struct oom_snapshot *s);
/* The largest cap caches (at most 16) by memory held, largest first. */
int live_parse_slabinfo_top(const char *text, size_t len, int64_t page_size_kib, struct oom_slab *out,
			    int cap, int *nr);

#endif
