/* parse_memcg.c — the memory cgroup files (mm/memcontrol.c, v1 and v2):
 * memory.stat, memory.events / memory.oom_control, the byte-value files
 * (memory.current, memory.max, memory.usage_in_bytes, …) and cgroup.procs.
 * Pure. */
#include <errno.h>
#include <stddef.h>
#include <string.h>

#include "live/live.h"
#include "live/text.h"

/* v1 memory.stat: a key and its total_ twin (hierarchical, preferred: a
 * plain key after its total_ is not taken).  Every line goes through here. */
#define V1_KEYS 12
struct v1_stat {
	struct oom_memcg *m;
	const struct text_key *keys;
	size_t n;
	bool seen_total[V1_KEYS];
};

static bool v1_hook(void *ctx, const char *key, size_t kl, int64_t kib)
{
	struct v1_stat *st = ctx;
	bool total = kl > 6 && !memcmp(key, "total_", 6);
	const struct text_key *k = text_key_find(st->keys, st->n, total ? key + 6 : key, total ? kl - 6 : kl);
	if (!k || (!total && st->seen_total[k - st->keys]))
		return false;
	text_key_set(st->m, k, kib);
	if (total)
		st->seen_total[k - st->keys] = true;
	return true;
}

int live_parse_memcg_stat(const char *text, size_t len, int version, struct oom_memcg *m)
{
	/* v1 keys: plain (this group) and total_* (hierarchical, preferred). */
	static const struct text_key v2keys[] = {
#define K(name, field) TEXT_KEY(name, struct oom_memcg, field)
		K("anon", anon_kib), K("file", file_kib), K("shmem", shmem_kib), K("kernel", kernel_kib),
		K("kernel_stack", kernel_stack_kib), K("pagetables", pagetables_kib), K("sock", sock_kib),
		K("percpu", percpu_kib), K("slab_reclaimable", slab_reclaimable_kib),
		K("slab_unreclaimable", slab_unreclaimable_kib), K("file_mapped", file_mapped_kib),
		K("file_dirty", file_dirty_kib), K("anon_thp", anon_thp_kib), K("unevictable", unevictable_kib),
		K("active_anon", active_anon_kib), K("inactive_anon", inactive_anon_kib),
		K("active_file", active_file_kib), K("inactive_file", inactive_file_kib),
	}, v1keys[] = {
		K("rss", anon_kib), K("cache", file_kib), K("shmem", shmem_kib), K("mapped_file", file_mapped_kib),
		K("dirty", file_dirty_kib), K("rss_huge", anon_thp_kib), K("swap", swap_kib),
		K("unevictable", unevictable_kib), K("active_anon", active_anon_kib),
		K("inactive_anon", inactive_anon_kib), K("active_file", active_file_kib),
		K("inactive_file", inactive_file_kib),
#undef K
	};
	_Static_assert(sizeof(v1keys) / sizeof(v1keys[0]) <= V1_KEYS, "v1_stat.seen_total holds every v1 key");
	if (version == 2)
		return text_kv_table(text, len, ' ', text_value_bytes_kib, v2keys, ARRAY_SIZE(v2keys), m, NULL, NULL)
		       ? 0 : -EINVAL;
	struct v1_stat st = { m, v1keys, ARRAY_SIZE(v1keys), { false } };
	return text_kv_table(text, len, ' ', text_value_bytes_kib, v1keys, 0, m, v1_hook, &st) ? 0 : -EINVAL;
}

int live_parse_memcg_events(const char *text, size_t len, struct oom_memcg *m)
{
	/* memory.events (v2, memory_events_show) and memory.oom_control (v1). */
	static const struct text_key keys[] = {
#define K(name, field) TEXT_KEY(name, struct oom_memcg, field)
		K("oom_kill", oom_kill_count), K("oom", oom_events), K("max", max_events),
		K("high", high_events), K("oom_kill_disable", oom_kill_disable), K("under_oom", under_oom),
#undef K
	};
	return text_kv_table(text, len, ' ', text_value_i64, keys, ARRAY_SIZE(keys), m, NULL, NULL) ? 0 : -EINVAL;
}

int live_parse_memcg_bytes(const char *text, size_t len, int64_t *kib)
{
	const char *nul = memchr(text, '\0', len);
	if (nul)
		len = (size_t)(nul - text);
	while (len > 0 && (text[len - 1] == '\n' || text[len - 1] == ' '))
		len--;
	if (len == 3 && !memcmp(text, "max", 3)) {       /* v2 (mm/memcontrol.c memory_max_show) */
		*kib = OOM_UNLIMITED;
		return 0;
	}
	uint64_t v;
	if (len == 0 || parse_u64(text, len, &v) < 0)
		return -EINVAL;
	/* v1 prints PAGE_COUNTER_MAX × PAGE_SIZE for "unlimited": ≥ 2^62 on
	 * every 64-bit page size (mm/memcontrol-v1.c mem_cgroup_read_u64). */
	*kib = v >= ((uint64_t)1 << 62) ? OOM_UNLIMITED : (int64_t)(v >> 10);
	return 0;
}

int live_pids_next(const char **pos, const char *end, int64_t *pid)
{
	/* cgroup.procs / tasks (kernel/cgroup/cgroup.c cgroup_procs_show): one
	 * pid a line; anything else between numbers is skipped. */
	const char *p = *pos;
	while (p < end) {
		while (p < end && (*p < '0' || *p > '9'))
			p++;
		uint64_t v;
		if (p >= end || scan_u64(&p, end, &v) < 0) {
			while (p < end && *p >= '0' && *p <= '9')
				p++;           /* too long a number: skip it */
			continue;
		}
		if (v > 0 && v < INT32_MAX) {
			*pos = p;
			*pid = (int64_t)v;
			return 1;
		}
	}
	*pos = p;
	return 0;
}
