/* parse_meminfo.c — /proc/meminfo (fs/proc/meminfo.c) → struct oom_mem, KiB.
 * Pure: (text, len) in, the model out, written only on success. */
#include <errno.h>
#include <stddef.h>
#include <string.h>

#include "live/live.h"
#include "live/text.h"

int live_parse_meminfo(const char *text, size_t len, struct oom_mem *out)
{
	struct oom_mem m;
	fill_na_mem(&m);
	int64_t cached = OOM_NA, buffers = OOM_NA;
	static const struct text_key keys[] = {
#define K(name, field) TEXT_KEY(name, struct oom_mem, field)
		K("MemTotal", total_kib), K("MemFree", free_kib), K("MemAvailable", available_kib),
		K("Active(anon)", active_anon_kib), K("Inactive(anon)", inactive_anon_kib),
		K("Active(file)", active_file_kib), K("Inactive(file)", inactive_file_kib),
		K("Active", active_kib), K("Inactive", inactive_kib),
		K("Unevictable", unevictable_kib), K("Mlocked", mlocked_kib), K("Dirty", dirty_kib),
		K("Writeback", writeback_kib), K("Mapped", mapped_kib), K("Shmem", shmem_kib),
		K("SReclaimable", slab_reclaimable_kib), K("SUnreclaim", slab_unreclaimable_kib),
		K("Slab", slab_kib),
		K("KernelStack", kernel_stack_kib), K("PageTables", pagetables_kib),
		K("SecPageTables", sec_pagetables_kib), K("Percpu", percpu_kib), K("Bounce", bounce_kib),
		K("VmallocUsed", vmalloc_used_kib), K("AnonHugePages", anon_thp_kib),
		K("ShmemHugePages", shmem_thp_kib), K("Hugetlb", hugetlb_kib),
		K("HugePages_Total", hugepages_total), K("HugePages_Free", hugepages_free),
		K("HugePages_Rsvd", hugepages_rsvd), K("HugePages_Surp", hugepages_surp),
		K("Hugepagesize", hugepage_size_kib), K("SwapTotal", swap_total_kib),
		K("SwapFree", swap_free_kib), K("SwapCached", swap_cached_kib), K("Zswap", zswap_kib),
		K("Zswapped", zswapped_kib), K("CommitLimit", commit_limit_kib),
		K("Committed_AS", committed_as_kib), K("HighTotal", highmem_total_kib),
		K("AnonPages", anon_pages_kib),
#undef K
	};
	int found = 0;
	struct text_lines it;
	text_lines_init(&it, text, len);
	const char *line, *val;
	size_t kl, vl;
	while (text_kv_next(&it, ':', &line, &kl, &val, &vl)) {
		int64_t v;
		if (text_first_i64(val, vl, &v) < 0 || v < 0)
			continue;
		if (kl == 6 && !memcmp(line, "Cached", 6)) {
			cached = m.cached_kib = v;
			found++;
			continue;
		}
		if (kl == 7 && !memcmp(line, "Buffers", 7)) {
			buffers = m.buffers_kib = v;
			found++;
			continue;
		}
		const struct text_key *k = text_key_find(keys, ARRAY_SIZE(keys), line, kl);
		if (k) {
			text_key_set(&m, k, v);
			found++;
		}
	}
	if (!found)
		return -EINVAL;
	if (known(m.active_anon_kib) && known(m.inactive_anon_kib))
		m.anon_kib = m.active_anon_kib + m.inactive_anon_kib;
	if (known(m.active_file_kib) && known(m.inactive_file_kib))
		m.file_kib = m.active_file_kib + m.inactive_file_kib;
	if (known(cached))
		m.pagecache_kib = sat_add(sat_add(cached, known(buffers) ? buffers : 0),
					  known(m.swap_cached_kib) ? m.swap_cached_kib : 0);
	if (!known(m.hugetlb_kib) && known(m.hugepages_total) && known(m.hugepage_size_kib))
		m.hugetlb_kib = sat_mul(m.hugepages_total, m.hugepage_size_kib);
	*out = m;
	return 0;
}
