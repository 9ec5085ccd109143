/* test_model_commit.c — CommitLimit, mode-2 allowance, totalreserve and the
 * mode-0 heuristic per era, by hand and against this machine. */
#include <unistd.h>

#include "check.h"
#include "model/kernel.h"
#include "model/snapshot.h"

#define GIB (1024LL * 1024)

TEST(limit)
{
	/* issue 3's seed case: 16 GiB RAM, 16 GiB swap, ratio 50 → 8 + 16 = 24 GiB */
	CHECK_INT(commit_limit_kib(16 * GIB, 0, 16 * GIB, 50, 0), 24 * GIB);
	/* hugetlb pool is taken off RAM first: (16 − 4) × 50 % = 6 GiB */
	CHECK_INT(commit_limit_kib(16 * GIB, 4 * GIB, 0, 50, 0), 6 * GIB);
	/* overcommit_kbytes wins over the ratio: 1 GiB + 1 MiB swap */
	CHECK_INT(commit_limit_kib(16 * GIB, 0, 1024, 50, GIB), GIB + 1024);
	/* ratio 0 → only swap; ratio 100 → RAM + swap */
	CHECK_INT(commit_limit_kib(8 * GIB, 0, 2 * GIB, 0, 0), 2 * GIB);
	CHECK_INT(commit_limit_kib(8 * GIB, 0, 2 * GIB, 100, 0), 10 * GIB);
	/* rounding: 1001 KiB × 50 / 100 = 500 */
	CHECK_INT(commit_limit_kib(1001, 0, 0, 50, 0), 500);
	CHECK_INT(commit_limit_kib(OOM_NA, 0, 0, 50, 0), OOM_NA);
	CHECK_INT(commit_limit_kib(GIB, 0, OOM_NA, 50, 0), OOM_NA);
	CHECK_INT(commit_limit_kib(GIB, 2 * GIB, 0, 50, 0), 0);
}

TEST(allowed)
{
	struct kver v310 = kver_make(3, 10, 0), v39 = kver_make(3, 9, 0);
	int64_t lim = 24 * GIB, swap = 16 * GIB;
	/* 3.10+: − admin_reserve 8192 − min(1 GiB/32 = 32768, 131072) */
	CHECK_INT(overcommit_allowed_kib(lim, swap, 8192, 131072, GIB, false, &v310),
		  lim - 8192 - 32768);
	CHECK_INT(overcommit_allowed_kib(lim, swap, 8192, 131072, GIB, true, &v310), lim - 32768);
	CHECK_INT(overcommit_allowed_kib(lim, swap, 8192, 131072, OOM_NA, false, &v310), lim - 8192);
	/* user_reserve caps the mm part: min(32768, 1000) */
	CHECK_INT(overcommit_allowed_kib(lim, swap, 8192, 1000, GIB, false, &v310), lim - 8192 - 1000);
	/* ≤3.9: − (24 − 16 GiB)/32 = 262144, − total_vm/32 = 32768 */
	CHECK_INT(overcommit_allowed_kib(lim, swap, 8192, 131072, GIB, false, &v39),
		  lim - 262144 - 32768);
	CHECK_INT(overcommit_allowed_kib(OOM_NA, swap, 8192, 131072, GIB, false, &v310), OOM_NA);
	CHECK_INT(overcommit_allowed_kib(lim, swap, OOM_NA, 131072, GIB, false, &v310), OOM_NA);
}

static void s03_zones(struct oom_snapshot *s)
{
	/* tests/corpus/S03 (6.1.1): high and managed of each zone, lowmem_reserve[] */
	struct { const char *name; int64_t high, managed, r[5]; } zs[] = {
		{ "DMA", 96, 15360, { 0, 3191, 15659, 15659, 15659 } },
		{ "DMA32", 20640, 3283120, { 0, 0, 12468, 12468, 12468 } },
		{ "Normal", 88820, 12774792, { 0, 0, 0, 0, 0 } },
	};
	s->page_size_kib = 4;
	for (int i = 0; i < 3; i++) {
		struct oom_zone *z = snapshot_zone(s, 0, zs[i].name);
		z->high_kib = zs[i].high;
		z->managed_kib = zs[i].managed;
		z->nr_lowmem_reserve = 5;
		for (int j = 0; j < 5; j++)
			z->lowmem_reserve_pages[j] = zs[i].r[j];
	}
}

TEST(totalreserve)
{
	static struct oom_snapshot s;
	snapshot_init(&s);
	CHECK_INT(totalreserve_kib(&s), OOM_NA);
	s03_zones(&s);
	/* DMA: 15659×4 + 96 = 62732 capped at managed 15360;
	 * DMA32: 12468×4 + 20640 = 70512; Normal: 0 + 88820.  Σ = 174692 */
	CHECK_INT(totalreserve_kib(&s), 174692);
	snapshot_release(&s);
}

static void heur_snapshot(struct oom_snapshot *s)
{
	snapshot_init(s);
	s->page_size_kib = 4;
	struct oom_zone *z = snapshot_zone(s, 0, "Normal");
	z->high_kib = 20000;
	z->managed_kib = 4 * GIB;
	z->nr_lowmem_reserve = 0;
	s->mem.total_kib = 4 * GIB;
	s->mem.swap_total_kib = GIB;
	s->mem.free_kib = 100000;
	s->mem.pagecache_kib = 500000;
	s->mem.shmem_kib = 100000;
	s->mem.swap_free_kib = 200000;
	s->mem.slab_reclaimable_kib = 50000;
}

TEST(heuristic)
{
	static struct oom_snapshot s;
	heur_snapshot(&s);
	struct kver v52 = kver_make(5, 2, 0), v419 = kver_make(4, 19, 0), v32 = kver_make(3, 2, 0);
	struct kver v2632 = kver_make(2, 6, 32);
	/* 5.2+: a single request up to totalram + swap */
	CHECK_INT(overcommit_heuristic_limit_kib(&s, 8192, false, &v52), 5 * GIB);
	/* 3.10–5.1: 100000 + 500000 − 100000 + 200000 + 50000 = 750000;
	 * − totalreserve 20000 = 730000; − admin 8192 = 721808; largest
	 * request one page (4 KiB) less: 721804 */
	CHECK_INT(overcommit_heuristic_limit_kib(&s, 8192, false, &v419), 721804);
	CHECK_INT(overcommit_heuristic_limit_kib(&s, 8192, true, &v419), 729996);
	/* 3.2–3.9: 730000 − 730000/32 (22812) = 707188, − 4 */
	CHECK_INT(overcommit_heuristic_limit_kib(&s, 8192, false, &v32), 707184);
	/* ≤2.6.39: (500000 + 200000 + 50000) − 1/32 (23437) = 726563;
	 * free 100000 − 20000 = 80000 − 2500 = 77500; Σ 804063 − 4 */
	CHECK_INT(overcommit_heuristic_limit_kib(&s, 8192, false, &v2632), 804059);
	/* free at or below totalreserve: nothing passes */
	s.zones[0].high_kib = 750000;
	CHECK_INT(overcommit_heuristic_limit_kib(&s, 8192, false, &v419), 0);
	s.mem.shmem_kib = OOM_NA;
	CHECK_INT(overcommit_heuristic_limit_kib(&s, 8192, false, &v419), OOM_NA);
	snapshot_release(&s);
}

static int64_t sysctl_vm(const char *name)
{
	char path[128];
	snprintf(path, sizeof(path), "/proc/sys/vm/%s", name);
	return check_proc_int(path);
}

TEST(live_commit_limit)
{
	int64_t total = check_proc_kib("/proc/meminfo", "MemTotal"), swap = check_proc_kib("/proc/meminfo", "SwapTotal"), limit = check_proc_kib("/proc/meminfo", "CommitLimit");
	int64_t huge = check_proc_kib("/proc/meminfo", "Hugetlb");       /* 4.16+; older kernels: pool size below */
	int64_t ratio = sysctl_vm("overcommit_ratio"), kbytes = sysctl_vm("overcommit_kbytes");
	if (!known(total) || !known(swap) || !known(limit) || !known(ratio)) {
		SKIP("/proc/meminfo or vm.overcommit_ratio unreadable");
		return;
	}
	if (!known(huge)) {
		int64_t n = check_proc_kib("/proc/meminfo", "HugePages_Total"), sz = check_proc_kib("/proc/meminfo", "Hugepagesize");
		huge = known(n) && known(sz) ? n * sz : 0;
	}
	int64_t page_kib = sysconf(_SC_PAGESIZE) / 1024;
	int64_t ours = commit_limit_kib(total, huge, swap, ratio, known(kbytes) ? kbytes : 0);
	printf("live CommitLimit: kernel %lld kB, computed %lld kB\n", (long long)limit, (long long)ours);
	/* ours rounds to a KiB, the kernel to a page: 0 ≤ ours − kernel < page */
	CHECK(ours >= limit && ours - limit < page_kib);
}

/* calculate_min_free_kbytes and khugepaged's recommendation. */
TEST(min_free_kbytes_defaults)
{
	struct kver k57, k56;
	CHECK_INT(kver_parse("5.7.0", &k57), 0);
	CHECK_INT(kver_parse("5.6.0", &k56), 0);
	CHECK_INT(min_free_kbytes_default(16777216, &k57), 16384);      /* 16 GiB: sqrt(16 GiB × 16) */
	CHECK_INT(min_free_kbytes_default(100, &k57), 128);             /* floor */
	CHECK_INT(min_free_kbytes_default((int64_t)1 << 40, &k57), 262144);
	CHECK_INT(min_free_kbytes_default((int64_t)1 << 40, &k56), 65536);
	CHECK_INT(min_free_kbytes_thp(4, 2, OOM_NA), 2048 * 2 * 11);
	CHECK_INT(min_free_kbytes_thp(4, 2, 100000), 5000);              /* at most 5 % of RAM */
	CHECK_INT(min_free_kbytes_thp(64, 1, OOM_NA), 64 * 512 * 11);
	CHECK_INT(min_free_kbytes_thp(8, 1, OOM_NA), 8192 * 11);       /* sparc64: 8 MiB HPAGE */
	CHECK_INT(min_free_kbytes_thp(16, 2, OOM_NA), 32768 * 2 * 11); /* 16 KiB pages: 32 MiB PMD */
}

int main(void)
{
	RUN(min_free_kbytes_defaults);
	RUN(limit);
	RUN(allowed);
	RUN(totalreserve);
	RUN(heuristic);
	RUN(live_commit_limit);
	return check_summary();
}
