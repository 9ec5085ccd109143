/* test_model_zone.c — watermark checks per era, free memory by order, the
 * mm/vmstat.c fragmentation indices, zone indices.  All values by hand. */
#include <limits.h>
#include <string.h>

#include "check.h"
#include "model/kernel.h"
#include "model/snapshot.h"

/* A zone with free blocks 100×o0, 50×o1, 10×o2, 0×o3, 2×o4 (4 KiB pages):
 * free_pages = 100 + 100 + 40 + 0 + 32 = 272 (1088 KiB). */
static struct oom_zone mkzone(void)
{
	struct oom_zone z;
	zone_init(&z);
	z.node = 0;
	snprintf(z.name, sizeof(z.name), "Normal");
	z.free_kib = 1088;
	z.nr_orders = 11;
	for (int o = 0; o < 11; o++)
		z.free_blocks[o] = 0;
	z.free_blocks[0] = 100;
	z.free_blocks[1] = 50;
	z.free_blocks[2] = 10;
	z.free_blocks[4] = 2;
	z.nr_lowmem_reserve = 5;
	for (int i = 0; i < 5; i++)
		z.lowmem_reserve_pages[i] = 0;
	return z;
}

TEST(orders)
{
	struct oom_zone z = mkzone();
	CHECK_INT(zone_largest_free_order(&z), 4);
	/* order ≥2: 10×4 + 2×16 = 72 pages = 288 KiB */
	CHECK_INT(zone_free_kib_at_order(&z, 2, 4), 288);
	CHECK_INT(zone_free_kib_at_order(&z, 0, 4), 1088);
	CHECK_INT(zone_free_kib_at_order(&z, 5, 4), 0);
	CHECK_INT(zone_free_kib_at_order(&z, 2, 64), 288 * 16);
	struct oom_zone e;
	zone_init(&e);
	CHECK_INT(zone_largest_free_order(&e), -1);
	CHECK_INT(zone_free_kib_at_order(&e, 0, 4), OOM_NA);
}

/* the blocks a request may take: C lists only with ALLOC_CMA, H only with
 * reserve rights; letters not printed count every block */
TEST(usable_orders)
{
	struct oom_zone z = mkzone();
	struct kver v = kver_make(5, 4, 0);
	/* letters unknown: as zone_free_kib_at_order */
	CHECK_INT(zone_usable_free_kib_at_order(&z, 2, 0, &v, 4), 288);
	z.free_types_known = true;
	for (int o = 0; o < z.nr_orders; o++)
		z.free_types[o] = MT_MOVABLE;
	z.free_types[2] = MT_CMA;         /* 10 × 16 KiB in CMA */
	z.free_types[4] = MT_HIGHATOMIC;  /* 2 × 64 KiB highatomic */
	CHECK_INT(zone_usable_free_kib_at_order(&z, 2, 0, &v, 4), 0);
	CHECK_INT(zone_usable_free_kib_at_order(&z, 2, ZWM_CMA, &v, 4), 160);
	CHECK_INT(zone_usable_free_kib_at_order(&z, 2, ZWM_CMA | ZWM_HARDER, &v, 4), 288);
	z.free_types[2] = MT_CMA | MT_UNMOVABLE;   /* mixed: the line does not split it */
	CHECK_INT(zone_usable_free_kib_at_order(&z, 2, 0, &v, 4), 160);
	struct oom_zone e;
	zone_init(&e);
	CHECK_INT(zone_usable_free_kib_at_order(&e, 0, 0, &v, 4), OOM_NA);
}

TEST(frag_indices)
{
	struct oom_zone z = mkzone();
	/* order 3: an order-4 block exists → -1000 */
	CHECK_INT(zone_frag_index(&z, 3), -1000);
	/* order 5: no suitable block; 162 blocks; 272*1000/32 = 8500;
	 * (1000 + 8500)/162 = 58 → 1000 − 58 = 942 */
	CHECK_INT(zone_frag_index(&z, 5), 942);
	/* order 10: 272000/1024 = 265; 1265/162 = 7 → 993 */
	CHECK_INT(zone_frag_index(&z, 10), 993);
	/* unusable order 3: suitable = 2<<1 = 4 blocks of 8 pages:
	 * (272 − 32)*1000/272 = 882 */
	CHECK_INT(zone_unusable_index(&z, 3), 882);
	CHECK_INT(zone_unusable_index(&z, 0), 0);
	CHECK_INT(zone_unusable_index(&z, 5), 1000);
	/* order 1: suitable = 50 + 10*2 + 2*8 = 86 → (272 − 172)*1000/272 = 367 */
	CHECK_INT(zone_unusable_index(&z, 1), 367);
	/* empty zone: frag 0, unusable 1000 */
	struct oom_zone e = mkzone();
	for (int o = 0; o < 11; o++)
		e.free_blocks[o] = 0;
	CHECK_INT(zone_frag_index(&e, 2), 0);
	CHECK_INT(zone_unusable_index(&e, 2), 1000);
	struct oom_zone u;
	zone_init(&u);
	CHECK_INT(zone_frag_index(&u, 2), INT_MIN);
	CHECK_INT(zone_unusable_index(&u, 2), INT_MIN);
	CHECK_INT(zone_frag_index(&z, -1), INT_MIN);
}

#define OK(z, ord, mark_pages, cz, fl, maj, min, pat) ({ \
	struct kver v_ = kver_make(maj, min, pat); \
	zone_watermark_ok(&(z), ord, (mark_pages) * 4, cz, fl, 4, &v_); })

TEST(watermark_eras)
{
	struct oom_zone z = mkzone();
	/* order 3, min 200 pages.  ≤4.3: f = 272 − 7 = 265 > 200; o0: 165 > 100;
	 * o1: 65 > 50; o2: 65 − 40 = 25 > 25 fails. */
	CHECK(!OK(z, 3, 200, 2, 0, 3, 10, 0));
	/* min 100: 265>100; 165>50; 65>25; 25>12 → ok */
	CHECK(OK(z, 3, 100, 2, 0, 3, 10, 0));
	/* 4.4+: 265 > 200 and an order-4 block exists → ok */
	CHECK(OK(z, 3, 200, 2, 0, 4, 4, 0));
	CHECK(OK(z, 3, 200, 2, 0, 6, 18, 0));
	/* order 5: nothing at ≥5 → fails in 4.4+ */
	CHECK(!OK(z, 5, 10, 2, 0, 6, 1, 0));
	/* order 0 needs only the total: 272 > 271, not > 272 */
	CHECK(OK(z, 0, 271, 2, 0, 6, 1, 0));
	CHECK(!OK(z, 0, 272, 2, 0, 6, 1, 0));
	CHECK(!OK(z, 0, 272, 2, 0, 2, 6, 18));
}

TEST(watermark_reserve_and_flags)
{
	struct oom_zone z = mkzone();
	/* lowmem_reserve[2] = 100: 272 <= 200 + 100 fails; classzone 1 ok */
	z.lowmem_reserve_pages[2] = 100;
	CHECK(!OK(z, 0, 200, 2, 0, 6, 1, 0));
	CHECK(OK(z, 0, 200, 1, 0, 6, 1, 0));
	CHECK(OK(z, 0, 100, 2, 0, 6, 1, 0));
	z.lowmem_reserve_pages[2] = 0;
	/* min 300 pages, order 0, free 272 */
	CHECK(!OK(z, 0, 300, 2, 0, 4, 19, 0));
	CHECK(OK(z, 0, 300, 2, ZWM_HIGH, 4, 19, 0));       /* 300 − 150 = 150 */
	CHECK(OK(z, 0, 300, 2, ZWM_HARDER, 4, 19, 0));     /* 300 − 75 = 225 */
	CHECK(OK(z, 0, 300, 2, ZWM_HARDER, 3, 10, 0));     /* ≤4.3 the same */
	CHECK(!OK(z, 0, 300, 2, ZWM_HARDER, 6, 3, 0));     /* 6.3+: NON_BLOCK alone: 300 */
	CHECK(OK(z, 0, 300, 2, ZWM_HIGH, 6, 3, 0));        /* 150 */
	/* 6.3+ HIGH|HARDER: 300 − 150 = 150, − 150/4 = 113 → min 113 */
	CHECK(OK(z, 0, 300, 2, ZWM_HIGH | ZWM_HARDER, 6, 3, 0));
	/* min 600: 4.19 OOM: 600 − 300 = 300 ≥ 272 fails; 4.9 OOM ignores
	 * watermarks (ALLOC_NO_WATERMARKS) and an order-0 block exists */
	CHECK(!OK(z, 0, 600, 2, ZWM_OOM, 4, 19, 0));
	CHECK(OK(z, 0, 600, 2, ZWM_OOM, 4, 9, 0));
	CHECK(!OK(z, 5, 600, 2, ZWM_OOM, 4, 9, 0));        /* no order-5 block */
	/* 6.3+: HIGH|OOM: 600 → 300 → 150 */
	CHECK(OK(z, 0, 600, 2, ZWM_HIGH | ZWM_OOM, 6, 3, 0));
	/* CMA: 100 CMA pages do not count unless ALLOC_CMA: 172 <= 200 */
	z.free_cma_kib = 400;
	CHECK(!OK(z, 0, 200, 2, 0, 6, 1, 0));
	CHECK(OK(z, 0, 200, 2, ZWM_CMA, 6, 1, 0));
	CHECK(!OK(z, 0, 200, 2, 0, 3, 10, 0));
	z.free_cma_kib = 0;
	/* highatomic reserve 128 KiB = 32 pages: 272 − 32 = 240 */
	z.reserved_highatomic_kib = 128;
	CHECK(!OK(z, 0, 250, 2, 0, 5, 10, 0));
	CHECK(OK(z, 0, 250, 2, ZWM_HARDER, 5, 10, 0));     /* reserves: no deduction; 250−62=188 */
	CHECK(OK(z, 0, 239, 2, 0, 5, 10, 0));
	/* 6.x prints free_highatomic: it, not the reservation, is deducted */
	z.free_highatomic_kib = 0;
	CHECK(OK(z, 0, 250, 2, 0, 6, 12, 0));
}

TEST(watermark_letters)
{
	struct oom_zone z = mkzone();
	z.free_types_known = true;
	for (int o = 0; o < 3; o++)
		z.free_types[o] = MT_UNMOVABLE | MT_MOVABLE;
	/* the only order ≥3 block is on the highatomic list */
	z.free_types[4] = MT_HIGHATOMIC;
	CHECK(!OK(z, 3, 10, 2, 0, 6, 1, 0));
	CHECK(OK(z, 3, 10, 2, ZWM_HARDER, 6, 1, 0));
	CHECK(OK(z, 3, 10, 2, ZWM_OOM, 6, 1, 0));
	/* CMA-only block: usable only with ALLOC_CMA; 4.6–4.14 ALLOC_HARDER
	 * took any non-empty order, 4.9.229 and 4.15+ did not */
	z.free_types[4] = MT_CMA;
	CHECK(!OK(z, 3, 10, 2, 0, 6, 1, 0));
	CHECK(OK(z, 3, 10, 2, ZWM_CMA, 6, 1, 0));
	CHECK(OK(z, 3, 10, 2, ZWM_HARDER, 4, 8, 0));
	CHECK(!OK(z, 3, 10, 2, ZWM_HARDER, 4, 9, 229));
	CHECK(!OK(z, 3, 10, 2, ZWM_HARDER, 4, 19, 0));
	/* isolate lists are never usable */
	z.free_types[4] = MT_ISOLATE;
	CHECK(!OK(z, 3, 10, 2, ZWM_HARDER | ZWM_CMA | ZWM_OOM, 6, 1, 0));
}

/* tests/corpus/S03 (6.1.1): "Node 0 DMA32 free:63304kB … min:13760kB …
 * lowmem_reserve[]: 0 0 12468 12468 12468".  The failing request was
 * GFP_HIGHUSER_MOVABLE (classzone Movable = 3): 15826 pages free <=
 * 3440 + 12468 = 15908 → refused; a GFP_DMA32 request (classzone 1) needs
 * only 3440 → fine. */
TEST(corpus_s03_dma32)
{
	struct oom_zone z;
	zone_init(&z);
	z.node = 0;
	snprintf(z.name, sizeof(z.name), "DMA32");
	z.free_kib = 63304;
	z.reserved_highatomic_kib = 0;
	z.free_cma_kib = 0;
	z.nr_lowmem_reserve = 5;
	int64_t r[5] = { 0, 0, 12468, 12468, 12468 };
	for (int i = 0; i < 5; i++)
		z.lowmem_reserve_pages[i] = r[i];
	struct kver v = kver_make(6, 1, 1);
	CHECK(!zone_watermark_ok(&z, 0, 13760, 3, 0, 4, &v));
	CHECK(zone_watermark_ok(&z, 0, 13760, 1, 0, 4, &v));
	/* Normal: free 61900 < min 61948 → refused even without a reserve */
	z.free_kib = 61900;
	CHECK(!zone_watermark_ok(&z, 0, 61948, 0, 0, 4, &v));
}

/* issue 8 §3: usable lists per request, and the 4.4–5.9 highatomic estimate. */
TEST(usable_blocks_and_highatomic)
{
	struct kver v49 = kver_make(4, 9, 0), v510 = kver_make(5, 10, 0);
	v49.known = v510.known = true;
	struct oom_zone z = mkzone();
	z.free_types_known = true;
	z.free_types[0] = MT_UNMOVABLE | MT_MOVABLE;
	z.free_types[1] = MT_MOVABLE;
	z.free_types[2] = MT_HIGHATOMIC;
	z.free_types[4] = MT_CMA;
	/* order 2: the order-2 blocks are H only, order 4 C only */
	CHECK_INT(zone_usable_block_order(&z, 2, 0, &v510), -1);
	CHECK_INT(zone_usable_block_order(&z, 2, ZWM_CMA, &v510), 4);
	CHECK_INT(zone_usable_block_order(&z, 2, ZWM_HARDER, &v510), 2);
	CHECK_INT(zone_usable_block_order(&z, 1, 0, &v510), 1);
	CHECK_INT((int)zone_block_types_from(&z, 2), MT_HIGHATOMIC | MT_CMA);
	/* no letters printed: nothing to say about types, every block counts */
	struct oom_zone n = mkzone();
	CHECK_INT((int)zone_block_types_from(&n, 2), 0);
	CHECK_INT(zone_usable_block_order(&n, 2, 0, &v510), 2);
	/* highatomic: 4.9 with H letters and no reserved_highatomic: at least
	 * one pageblock (order 9 with 4 KiB pages: 2 MiB); 5.10+ prints it */
	bool est = false;
	CHECK_INT(zone_highatomic_kib(&z, 4, &v49, &est), 2048);
	CHECK(est);
	CHECK_INT(zone_highatomic_kib(&z, 4, &v510, &est), OOM_NA);
	CHECK(!est);
	z.reserved_highatomic_kib = 4096;
	CHECK_INT(zone_highatomic_kib(&z, 4, &v510, &est), 4096);
	CHECK(!est);
	/* H-only free blocks above one pageblock round up to pageblocks */
	struct oom_zone h = mkzone();
	h.free_types_known = true;
	h.free_blocks[9] = 3;
	h.free_types[9] = MT_HIGHATOMIC;
	CHECK_INT(zone_highatomic_kib(&h, 4, &v49, &est), 3 * 2048);
	/* the watermark check deducts the estimate from a request without rights:
	 * free 1088 KiB, min 0 → with 2 MiB held back nothing is left */
	z.reserved_highatomic_kib = OOM_NA;
	CHECK(!zone_watermark_ok(&z, 0, 0, 2, 0, 4, &v49));
	CHECK(zone_watermark_ok(&z, 0, 0, 2, ZWM_HARDER, 4, &v49));
}

TEST(zone_index)
{
	static struct oom_snapshot s;
	snapshot_init(&s);
	const char *names64[] = { "DMA", "DMA32", "Normal" };
	for (int i = 0; i < 3; i++)
		snapshot_zone(&s, 0, names64[i])->nr_lowmem_reserve = 5;
	CHECK_INT(zone_index_in(&s, "DMA"), 0);
	CHECK_INT(zone_index_in(&s, "DMA32"), 1);
	CHECK_INT(zone_index_in(&s, "Normal"), 2);
	CHECK_INT(zone_index_in(&s, "HighMem"), 2);   /* capped at Normal on 64-bit */
	CHECK_INT(zone_index_in(&s, "Movable"), 3);
	CHECK_INT(zone_index_in(&s, "Device"), 4);
	CHECK_INT(zone_index_in(&s, "Bogus"), -1);
	/* RHEL 7 (S01): 4 entries, no Device */
	for (int i = 0; i < s.nr_zones; i++)
		s.zones[i].nr_lowmem_reserve = 4;
	CHECK_INT(zone_index_in(&s, "Movable"), 3);
	CHECK_INT(zone_index_in(&s, "Device"), -1);

	snapshot_release(&s);
	snapshot_init(&s);
	const char *names32[] = { "DMA", "Normal", "HighMem" };
	for (int i = 0; i < 3; i++)
		snapshot_zone(&s, 0, names32[i])->nr_lowmem_reserve = 4;
	CHECK_INT(zone_index_in(&s, "Normal"), 1);
	CHECK_INT(zone_index_in(&s, "HighMem"), 2);
	CHECK_INT(zone_index_in(&s, "Movable"), 3);
	CHECK_INT(zone_index_in(&s, "DMA32"), -1);

	/* 2.6.16-2.6.18 i386: all four zones in every build, an empty DMA32
	 * printed beside HighMem: DMA, DMA32, Normal, HighMem (R597) */
	snapshot_release(&s);
	snapshot_init(&s);
	const char *names4[] = { "DMA", "DMA32", "Normal", "HighMem" };
	for (int i = 0; i < 4; i++)
		snapshot_zone(&s, 0, names4[i])->nr_lowmem_reserve = 4;
	CHECK_INT(zone_index_in(&s, "DMA"), 0);
	CHECK_INT(zone_index_in(&s, "DMA32"), 1);
	CHECK_INT(zone_index_in(&s, "Normal"), 2);
	CHECK_INT(zone_index_in(&s, "HighMem"), 3);
	CHECK_INT(zone_index_in(&s, "Movable"), -1);

	/* 32-bit with ≤896 MiB: HighMem configured (4 entries) but empty */
	snapshot_release(&s);
	snapshot_init(&s);
	snapshot_zone(&s, 0, "DMA")->nr_lowmem_reserve = 4;
	snapshot_zone(&s, 0, "Normal")->nr_lowmem_reserve = 4;
	CHECK_INT(zone_index_in(&s, "HighMem"), 2);
	/* … and with 3 entries: DMA, Normal, Movable */
	for (int i = 0; i < s.nr_zones; i++)
		s.zones[i].nr_lowmem_reserve = 3;
	CHECK_INT(zone_index_in(&s, "Movable"), 2);
	CHECK_INT(zone_index_in(&s, "HighMem"), 1);
	/* arm64 with an empty DMA32: 5 entries → the 64-bit layout */
	for (int i = 0; i < s.nr_zones; i++)
		s.zones[i].nr_lowmem_reserve = 5;
	CHECK_INT(zone_index_in(&s, "Normal"), 2);
	CHECK_INT(zone_index_in(&s, "Movable"), 3);
	CHECK_INT(zone_index_in(NULL, "DMA"), -1);

	/* 32-bit without ZONE_DMA (MIPS, ARM boards): Normal, HighMem and
	 * Movable, three entries; Normal is zone 0 */
	snapshot_release(&s);
	snapshot_init(&s);
	snapshot_zone(&s, -1, "Normal")->nr_lowmem_reserve = 3;
	snapshot_zone(&s, -1, "HighMem")->nr_lowmem_reserve = 3;
	CHECK_INT(zone_index_in(&s, "Normal"), 0);
	CHECK_INT(zone_index_in(&s, "HighMem"), 1);
	CHECK_INT(zone_index_in(&s, "Movable"), 2);
	CHECK_INT(zone_index_in(&s, "DMA"), -1);

	/* four entries, DMA and Normal printed: 32-bit x86 unless DMA's own
	 * reserve is 0 at index 1 and not above it — then index 1 is an
	 * empty DMA32 (arm64 6.x, DMA spans 4 GiB, R447) */
	snapshot_release(&s);
	snapshot_init(&s);
	struct oom_zone *dma = snapshot_zone(&s, 0, "DMA"), *nor = snapshot_zone(&s, 0, "Normal");
	dma->nr_lowmem_reserve = nor->nr_lowmem_reserve = 4;
	int64_t r47[] = { 0, 0, 30091, 30091 }, r32[] = { 0, 3000, 3000, 3000 };
	memcpy(dma->lowmem_reserve_pages, r47, sizeof(r47));
	nor->managed_kib = 30813364;
	CHECK_INT(zone_index_in(&s, "Normal"), 2);
	CHECK_INT(zone_index_in(&s, "Movable"), 3);
	memcpy(dma->lowmem_reserve_pages, r32, sizeof(r32));
	CHECK_INT(zone_index_in(&s, "Normal"), 1);
	/* an empty Normal proves nothing */
	memcpy(dma->lowmem_reserve_pages, r47, sizeof(r47));
	nor->managed_kib = 0;
	CHECK_INT(zone_index_in(&s, "Normal"), 1);

	/* one entry: one zone configured (2.6 MIPS router, R412), every
	 * request capped at it */
	snapshot_release(&s);
	snapshot_init(&s);
	snapshot_zone(&s, -1, "Normal")->nr_lowmem_reserve = 1;
	CHECK_INT(zone_index_in(&s, "Normal"), 0);
	CHECK_INT(zone_index_in(&s, "HighMem"), 0);
	CHECK_INT(zone_index_in(&s, "DMA"), 0);
	CHECK_INT(zone_index_in(&s, "Bogus"), -1);
	snapshot_release(&s);
}

/* lowmem_reserve floor under the default ratios (DMA/DMA32 256, Normal
 * 32): 16 GiB above a 16 MiB DMA keep ~64 MiB of it from Normal requests */
/* R1773: a 4.10 i686 Normal's "lowmem_reserve[]: 0 0 55201 55201" says
 * HighMem spans 55201 × 32 pages. */
TEST(reserve_span)
{
	CHECK_INT(zone_reserve_span_kib("Normal", 55201, 4), 55201LL * 32 * 4);
	CHECK_INT(zone_reserve_span_kib("DMA", 763, 4), 763LL * 256 * 4);
	CHECK(!known(zone_reserve_span_kib("HighMem", 10, 4)));
	CHECK(!known(zone_reserve_span_kib("Normal", 0, 4)));
	CHECK(!known(zone_reserve_span_kib("Normal", OOM_NA, 4)));
	CHECK(!known(zone_reserve_span_kib(NULL, 10, 4)));
}

TEST(default_reserve_floor)
{
	CHECK_INT(zone_default_reserve_floor_kib("DMA", 16LL * 1024 * 1024, 16 * 1024), (16LL * 1024 * 1024 - 16 * 1024) / 256);
	CHECK_INT(zone_default_reserve_floor_kib("DMA32", 8LL * 1024 * 1024, 4LL * 1024 * 1024), 16384);
	CHECK_INT(zone_default_reserve_floor_kib("Normal", 4LL * 1024 * 1024, 896 * 1024), (4LL * 1024 * 1024 - 896 * 1024) / 32);
	CHECK_INT(zone_default_reserve_floor_kib("HighMem", 4LL * 1024 * 1024, 0), 0);
	CHECK_INT(zone_default_reserve_floor_kib("DMA", 8 * 1024, 16 * 1024), 0);   /* RAM under the zone's span */
	CHECK_INT(zone_default_reserve_floor_kib("DMA", OOM_NA, 16 * 1024), 0);
	CHECK_INT(zone_default_reserve_floor_kib(NULL, 1024 * 1024, 16 * 1024), 0);
}

int main(void)
{
	RUN(orders);
	RUN(usable_orders);
	RUN(frag_indices);
	RUN(watermark_eras);
	RUN(watermark_reserve_and_flags);
	RUN(watermark_letters);
	RUN(corpus_s03_dma32);
	RUN(usable_blocks_and_highatomic);
	RUN(zone_index);
	RUN(reserve_span);
	RUN(default_reserve_floor);
	return check_summary();
}
