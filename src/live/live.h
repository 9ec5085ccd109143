/* live.h — the running system as a source of the model: /proc and /sys
 * read under a configurable root, so every reader is tested on captured
 * trees (tests/fixtures/NAME/proc/…).  Readers never print; a file missing
 * under the root leaves its fields OOM_NA (unknown), never an error; a
 * process that vanishes mid-read is skipped (-ENOENT / -ESRCH).
 * (Proposed contract; the live/ owner may extend it.) */
#ifndef OOMKIT_LIVE_H
#define OOMKIT_LIVE_H

#include <stdbool.h>
#include <stdint.h>

#include "model/kernel.h"
#include "model/snapshot.h"

struct live_root {
	int dirfd;              /* open directory fd of the root ("/" by default) */
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
struct psi_line { double avg10, avg60, avg300; uint64_t total_us; bool known; };
struct psi { struct psi_line some, full; };
int live_read_psi(const struct live_root *r, const char *relpath, struct psi *out);

/* Settings and counters the audit and the guard need. */
struct live_vm {
	int64_t overcommit_memory, overcommit_ratio, overcommit_kbytes;
	int64_t min_free_kbytes, watermark_scale_factor, watermark_boost_factor;
	int64_t panic_on_oom, oom_kill_allocating_task, oom_dump_tasks;
	int64_t swappiness, admin_reserve_kbytes, user_reserve_kbytes;
	int64_t oom_kill_count;               /* /proc/vmstat oom_kill (4.13+) */
	int64_t compact_stall, compact_fail;  /* /proc/vmstat */
	char kernel_release[128];             /* /proc/sys/kernel/osrelease */
	char arch[32];                        /* uname machine (only for the real root) */
	struct kver kv;
};
int live_read_vm(const struct live_root *r, struct live_vm *out);

/* One process: /proc/PID/{stat,statm or status,oom_score_adj,cgroup}. */
int live_read_task(const struct live_root *r, int64_t pid, struct oom_task *t);
/* Every process (kernel threads marked kthread) → s->tasks.  When
 * memcg_path is non-NULL only tasks whose memory cgroup is at or below it. */
int live_scan_tasks(const struct live_root *r, struct oom_snapshot *s, const char *memcg_path);

/* A memory cgroup directory (v1 or v2, detected by its files). */
int live_read_memcg(const char *dir, struct oom_memcg *out);

#endif
