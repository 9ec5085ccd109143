/* commit.c — overcommit accounting (mm/util.c vm_commit_limit and
 * __vm_enough_memory; mm/mmap.c in ≤4.4 trees), fact sheet §4; the
 * reserves it subtracts (totalreserve) and the kernel's own defaults for
 * min_free_kbytes (mm/page_alloc.c, mm/khugepaged.c). */
#include "model/kernel.h"
#include "model/snapshot.h"
#include "util/util.h"

/* The kernel works in pages: ((totalram − hugetlb) × ratio / 100) rounds
 * down to a page, here to a KiB, so the result may exceed /proc/meminfo's
 * CommitLimit by less than one page.  overcommit_kbytes (3.14+) wins when
 * non-zero; the kernel converts it with >> (PAGE_SHIFT − 10), i.e. it also
 * rounds to a page. */
int64_t commit_limit_kib(int64_t total_kib, int64_t hugetlb_kib, int64_t swap_kib,
			 int64_t ratio, int64_t kbytes)
{
	if (!known(swap_kib) || swap_kib < 0)
		return OOM_NA;
	int64_t allowed;
	if (known(kbytes) && kbytes > 0) {
		allowed = kbytes;
	} else {
		if (!known(total_kib) || !known(ratio) || ratio < 0 || total_kib < 0)
			return OOM_NA;
		int64_t huge = known(hugetlb_kib) && hugetlb_kib > 0 ? hugetlb_kib : 0;
		/* totalram_pages − hugetlb_total_pages() is unsigned in the
		 * kernel; a pool larger than RAM cannot exist, clamp at 0. */
		int64_t ram = total_kib > huge ? total_kib - huge : 0;
		allowed = sat_mul(ram, ratio) / 100;
	}
	return sat_add(allowed, swap_kib);
}

int64_t overcommit_allowed_kib(int64_t limit_kib, int64_t swap_kib, int64_t admin_reserve_kib,
			       int64_t user_reserve_kib, int64_t mm_total_vm_kib, bool cap_sys_admin,
			       const struct kver *v)
{
	if (!known(limit_kib))
		return OOM_NA;
	int64_t allowed = limit_kib;
	if (kver_cmp(v, 3, 10, 0) < 0) {
		/* ≤3.9: "allowed -= allowed / 32" before swap is added, for
		 * non-admins; "allowed -= mm->total_vm / 32". */
		if (!cap_sys_admin) {
			if (!known(swap_kib))
				return OOM_NA;
			allowed = sat_add(allowed, -(sat_add(limit_kib, -swap_kib) / 32));
		}
		if (known(mm_total_vm_kib))
			allowed = sat_add(allowed, -(mm_total_vm_kib / 32));
		return allowed;
	}
	/* 3.10+: the admin and user reserves (sysctl vm.admin_reserve_kbytes,
	 * vm.user_reserve_kbytes). */
	if (!cap_sys_admin) {
		if (!known(admin_reserve_kib))
			return OOM_NA;
		allowed = sat_add(allowed, admin_reserve_kib == INT64_MIN ? INT64_MAX : -admin_reserve_kib);
	}
	if (known(mm_total_vm_kib)) {
		if (!known(user_reserve_kib))
			return OOM_NA;
		int64_t r = mm_total_vm_kib / 32;
		int64_t u = r < user_reserve_kib ? r : user_reserve_kib;
		allowed = sat_add(allowed, u == INT64_MIN ? INT64_MAX : -u);
	}
	return allowed;
}

int64_t totalreserve_kib(const struct oom_snapshot *s)
{
	int64_t page_kib = known(s->page_size_kib) && s->page_size_kib > 0 ? s->page_size_kib : 4;
	int64_t sum = 0;
	if (s->nr_zones <= 0)
		return OOM_NA;
	for (int i = 0; i < s->nr_zones; i++) {
		const struct oom_zone *z = &s->zones[i];
		if (!known(z->high_kib))
			return OOM_NA;
		int64_t max = 0;
		for (int j = 0; j < z->nr_lowmem_reserve && j < OOM_MAX_ZONE_IDX; j++)
			if (known(z->lowmem_reserve_pages[j]) && z->lowmem_reserve_pages[j] > max)
				max = z->lowmem_reserve_pages[j];
		int64_t r = sat_add(sat_mul(max, page_kib), z->high_kib);
		/* "if (max > managed_pages) max = managed_pages" (present ≤3.9) */
		int64_t cap = known(z->managed_kib) ? z->managed_kib : z->present_kib;
		if (known(cap) && r > cap)
			r = cap;
		sum = sat_add(sum, r);
	}
	return sum;
}

int64_t overcommit_heuristic_limit_kib(const struct oom_snapshot *s, int64_t admin_reserve_kib,
				       bool cap_sys_admin, const struct kver *v)
{
	const struct oom_mem *m = &s->mem;
	int64_t page_kib = known(s->page_size_kib) && s->page_size_kib > 0 ? s->page_size_kib : 4;

	if (kver_cmp(v, 5, 2, 0) >= 0) {
		/* 5.2+: "if (pages > totalram_pages() + total_swap_pages) goto error" */
		if (!known(m->total_kib) || !known(m->swap_total_kib))
			return OOM_NA;
		return sat_add(m->total_kib, m->swap_total_kib);
	}
	if (!known(m->pagecache_kib) || !known(m->swap_free_kib) || !known(m->slab_reclaimable_kib) ||
	    !known(m->free_kib))
		return OOM_NA;
	int64_t reserve = totalreserve_kib(s);
	if (!known(reserve))
		return OOM_NA;

	if (kver_cmp(v, 3, 0, 0) < 0) {
		/* ≤2.6.39: file pages (shmem included) + free swap + reclaimable
		 * slab, less 1/32 for non-admins; if that is not enough, free pages
		 * above totalreserve (less 1/32) are added.  "OK if free > pages"
		 * then "free + n > pages": the larger sum decides. */
		int64_t free = sat_add(sat_add(m->pagecache_kib, m->swap_free_kib), m->slab_reclaimable_kib);
		if (!cap_sys_admin)
			free -= free / 32;
		int64_t n = m->free_kib;
		if (n > reserve) {
			n = sat_add(n, -reserve);
			if (!cap_sys_admin)
				n -= n / 32;
			free = sat_add(free, n);
		}
		free = sat_add(free, -page_kib);
		return free > 0 ? free : 0;
	}
	/* 3.x–5.1 (single pass, mm/mmap.c then mm/util.c):
	 * free = NR_FREE_PAGES + NR_FILE_PAGES − NR_SHMEM + nr_swap_pages +
	 *        NR_SLAB_RECLAIMABLE; fail if free <= totalreserve_pages. */
	if (!known(m->shmem_kib))
		return OOM_NA;
	int64_t free = sat_add(sat_add(sat_add(m->free_kib, m->pagecache_kib), -m->shmem_kib),
			       sat_add(m->swap_free_kib, m->slab_reclaimable_kib));
	if (free <= reserve)
		return 0;
	free = sat_add(free, -reserve);
	if (!cap_sys_admin) {
		if (kver_cmp(v, 3, 10, 0) < 0) {
			free -= free / 32;
		} else {
			if (!known(admin_reserve_kib))
				return OOM_NA;
			free = sat_add(free, admin_reserve_kib == INT64_MIN ? INT64_MAX : -admin_reserve_kib);
		}
	}
	/* "if (free > pages) return 0": the largest request is one page less. */
	free = sat_add(free, -page_kib);
	return free > 0 ? free : 0;
}

static int64_t isqrt64(int64_t x)
{
	if (x <= 0)
		return 0;
	int64_t r = x, y = (r + 1) / 2;
	while (y < r) {
		r = y;
		y = (r + x / r) / 2;
	}
	return r;
}

int64_t min_free_kbytes_default(int64_t lowmem_kib, const struct kver *v)
{
	int64_t d = isqrt64(sat_mul(lowmem_kib, 16));
	int64_t cap = kver_cmp(v, 5, 7, 0) >= 0 ? 262144 : 65536;
	return d < 128 ? 128 : d > cap ? cap : d;
}

int64_t min_free_kbytes_thp(int64_t page_size_kib, int populated_lowmem_zones, int64_t total_kib)
{
	/* the pageblock is the PMD huge page: 2 MiB on 4 KiB pages; 8 MiB on
	 * sparc64's 8 KiB pages (arch/sparc/include/asm/page_64.h HPAGE_SHIFT
	 * 23, 4.x+; pageblock_order = HUGETLB_PAGE_ORDER); 32 MiB on 16 KiB
	 * pages (arm64, loongarch); else 512 pages */
	int64_t pageblock_kib = page_size_kib == 4 ? 2048 : page_size_kib == 8 ? 8192
			      : page_size_kib == 16 ? 32768 : sat_mul(page_size_kib, 512);
	int64_t rec = sat_mul(sat_mul(pageblock_kib, populated_lowmem_zones), 11);
	if (known(total_kib) && rec > total_kib / 20)
		rec = total_kib / 20;
	return rec;
}
