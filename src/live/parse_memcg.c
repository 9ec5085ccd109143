/* parse_memcg.c — the memory cgroup files (mm/memcontrol.c, v1 and v2):
 * memory.stat, memory.events / memory.oom_control, the byte-value files
 * (memory.current, memory.max, memory.usage_in_bytes, …) and cgroup.procs.
 * Pure. */
#include <errno.h>
#include <stddef.h>
#include <string.h>

#include "live/live.h"
#include "live/text.h"

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
	int found = 0;
	bool seen_total[ARRAY_SIZE(v1keys)] = { false };
	struct text_lines it;
	text_lines_init(&it, text, len);
	const char *line, *val;
	size_t kl, vl;
	while (text_kv_next(&it, ' ', &line, &kl, &val, &vl)) {
		uint64_t v;
		if (parse_u64(val, vl, &v) < 0)
			continue;
		int64_t kib = (int64_t)(v >> 10);
		if (version == 2) {
			const struct text_key *k = text_key_find(v2keys, ARRAY_SIZE(v2keys), line, kl);
			if (k) {
				text_key_set(m, k, kib);
				found++;
			}
			continue;
		}
		bool total = kl > 6 && !memcmp(line, "total_", 6);
		const struct text_key *k = text_key_find(v1keys, ARRAY_SIZE(v1keys), total ? line + 6 : line,
							 total ? kl - 6 : kl);
		if (!k || (!total && seen_total[k - v1keys]))
			continue;
		text_key_set(m, k, kib);
		if (total)
			seen_total[k - v1keys] = true;
		found++;
	}
	return found ? 0 : -EINVAL;
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
	int found = 0;
	struct text_lines it;
	text_lines_init(&it, text, len);
	const char *line, *val;
	size_t kl, vl;
	while (text_kv_next(&it, ' ', &line, &kl, &val, &vl)) {
		int64_t v;
		if (parse_i64(val, vl, &v) < 0)
			continue;
		const struct text_key *k = text_key_find(keys, ARRAY_SIZE(keys), line, kl);
		if (k) {
			text_key_set(m, k, v);
			found++;
		}
	}
	return found ? 0 : -EINVAL;
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
