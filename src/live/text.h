/* text.h — line iteration and number scanning shared by the live/ parsers
 * (internal to src/live/). */
#ifndef OOMKIT_LIVE_TEXT_H
#define OOMKIT_LIVE_TEXT_H

#include <dirent.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <sys/stat.h>

#include "model/snapshot.h"

struct text_lines {
	const char *p, *end;
};
void text_lines_init(struct text_lines *it, const char *text, size_t len);
/* Next line without its '\n' (a NUL byte ends the text too). */
bool text_lines_next(struct text_lines *it, const char **line, size_t *len);
/* Next "key<sep>value" line ("MemTotal:  123 kB", "oom_kill 3"): the key
 * starts the line (*key, *kl) and the value is the rest after the first
 * sep (*val, *vl).  Lines without sep are skipped. */
bool text_kv_next(struct text_lines *it, char sep, const char **key, size_t *kl, const char **val,
		  size_t *vl);
/* "   1234 kB" → 1234: leading blanks, a decimal (optional '-'), then only
 * blanks and an optional "kB".  0 or -EINVAL. */
int text_first_i64(const char *s, size_t len, int64_t *out);
/* The key tables of the "key value" files (meminfo, vmstat, memory.stat,
 * memory.events): each key names an int64_t field of the out-struct by
 * its offset.  text_key_find returns the entry whose key is exactly
 * (key, kl), or NULL; it compares length and first byte first, as the
 * guard parses some of these files every second. */
struct text_key {
	const char *key;
	size_t len, off;
};
#define TEXT_KEY(name, type, field) { name, sizeof(name) - 1, offsetof(type, field) }
const struct text_key *text_key_find(const struct text_key *keys, size_t n, const char *key, size_t kl);
static inline void text_key_set(void *out, const struct text_key *k, int64_t v)
{
	*(int64_t *)((char *)out + k->off) = v;
}
/* A whole "key<sep>value" file against a key table: each line's value is
 * read by VALUE (0, or < 0 to skip the line); HOOK, when given, sees the
 * line first and returns true when it took it (the keys a table cannot
 * say: sums, prefixes); the rest set their table field in OUT.  Returns
 * how many lines were taken (0: nothing matched, the caller's -EINVAL). */
typedef int (*text_value_fn)(const char *val, size_t vl, int64_t *out);
typedef bool (*text_hook_fn)(void *ctx, const char *key, size_t kl, int64_t v);
int text_kv_table(const char *text, size_t len, char sep, text_value_fn value, const struct text_key *keys,
		  size_t nkeys, void *out, text_hook_fn hook, void *ctx);
/* VALUE readers: a non-negative "1234 kB" / plain decimal; any decimal;
 * bytes (unsigned) as KiB. */
int text_value_kib(const char *val, size_t vl, int64_t *out);
int text_value_nonneg(const char *val, size_t vl, int64_t *out);
int text_value_i64(const char *val, size_t vl, int64_t *out);
int text_value_bytes_kib(const char *val, size_t vl, int64_t *out);
void fill_na_mem(struct oom_mem *m);
/* One openat + one read of a small /proc file into dst (NUL-terminated). */
ssize_t text_read_at(int dirfd, const char *path, char *dst, size_t cap);
struct live_root;
/* One file of /proc/PID ("stat", "cmdline", "cgroup") below the root's
 * proc, one read into text (cap bytes, NUL-terminated); -ENOENT without a
 * proc (pid.c). */
ssize_t live_read_pid_file(const struct live_root *r, int64_t pid, const char *name, char *text, size_t cap);
/* The files a scan reads are closed in batches (pid.c): one close_range(2)
 * for LIVE_FDS_BATCH of them instead of a close(2) each.  Zero-initialise;
 * live_fds_flush() closes what is held (at the end of the scan). */
#define LIVE_FDS_BATCH 32
struct live_fds {
	int fd[LIVE_FDS_BATCH];
	int n;
};
void live_fds_flush(struct live_fds *b);
/* live_read_task on a given /proc fd and page size (pid.c); with b, its
 * files are closed in b's batches, else at once. */
int live_read_task_at(const struct live_root *r, int procfd, int64_t pid, struct oom_task *t, int64_t psz,
		      struct live_fds *b);
/* "Node 0, zone      DMA..." (zoneinfo, buddyinfo) → node, name; *rest
 * points after the name.  false when the line is not of that form. */
bool text_node_zone(const char *line, size_t ll, int *node, char *name, size_t namelen,
		    const char **rest);

#endif
