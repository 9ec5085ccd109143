/* parse_meminfo.c — /proc/meminfo (fs/proc/meminfo.c) → struct oom_mem, KiB.
 * Pure: (text, len) in, the model out, written only on success. */
#include <errno.h>
#include <stddef.h>
#include <string.h>

#include "live/live.h"
#include "live/text.h"

/* Cached and Buffers are kept apart too: the page cache is their sum. */
struct meminfo_rest {
	struct oom_mem *m;
	int64_t cached, buffers;
};

static bool meminfo_hook(void *ctx, const char *key, size_t kl, int64_t v)
{
	struct meminfo_rest *r = ctx;
	if (kl == 6 && !memcmp(key, "Cached", 6)) {
		r->cached = r->m->cached_kib = v;
		return true;
	}
	if (kl == 7 && !memcmp(key, "Buffers", 7)) {
		r->buffers = r->m->buffers_kib = v;
		return true;
	}
	return false;
}

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
	struct meminfo_rest r = { &m, OOM_NA, OOM_NA };
	int found = text_kv_table(text, len, ':', text_value_kib, keys, ARRAY_SIZE(keys), &m, meminfo_hook, &r);
	cached = r.cached;
	buffers = r.buffers;
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
