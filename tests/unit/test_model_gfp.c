/* test_model_gfp.c — gfp bits per era, %pGg decoding in each era's table order,
 * gfp_zone() and the OOM gate.  Expected strings are what the kernel printed
 * (corpus reports) or follow from the fact sheet's tables (§2.2). */
#include <errno.h>

#include "check.h"
#include "model/kernel.h"

/* Joins the decoded names with '|' and appends leftover bits as the kernel
 * does ("|0x…"). */
static const char *decode(uint64_t mask, struct kver v)
{
	static char out[512];
	const char *names[32];
	uint64_t rest = 0;
	int n = gfp_decode(mask, &v, names, 32, &rest);
	size_t len = 0;
	out[0] = '\0';
	for (int i = 0; i < n; i++)
		len += (size_t)snprintf(out + len, sizeof(out) - len, "%s%s", i ? "|" : "", names[i]);
	if (rest)
		snprintf(out + len, sizeof(out) - len, "%s%#llx", n ? "|" : "", (unsigned long long)rest);
	return out;
}

static struct kver K(int a, int b, int c) { return kver_make(a, b, c); }

static struct kver R(const char *rel)
{
	struct kver v = { 0 };
	CHECK_INT(kver_parse(rel, &v), 0);
	return v;
}

TEST(decode_current)
{
	/* S03 (6.1.1): "gfp_mask=0x140dca(GFP_HIGHUSER_MOVABLE|__GFP_COMP|__GFP_ZERO)" */
	CHECK_STR(decode(0x140dca, K(6, 1, 1)), "GFP_HIGHUSER_MOVABLE|__GFP_COMP|__GFP_ZERO");
	/* 6.12+: singles in bit order: ZERO (0x100) before COMP (0x40000) */
	CHECK_STR(decode(0x140dca, K(6, 12, 0)), "GFP_HIGHUSER_MOVABLE|__GFP_ZERO|__GFP_COMP");
	CHECK_STR(decode(0x140dca, K(6, 18, 2)), "GFP_HIGHUSER_MOVABLE|__GFP_ZERO|__GFP_COMP");
	/* an unknown era decodes with the newest table */
	struct kver unk = { 0 };
	CHECK_STR(decode(0x140dca, unk), "GFP_HIGHUSER_MOVABLE|__GFP_ZERO|__GFP_COMP");
	CHECK_STR(decode(0xcc0, K(5, 10, 0)), "GFP_KERNEL");
	CHECK_STR(decode(0xcc0, K(5, 4, 0)), "GFP_KERNEL");
	CHECK_STR(decode(0x100cca, K(6, 1, 0)), "GFP_HIGHUSER_MOVABLE");
	CHECK_STR(decode(0x100dca, K(5, 10, 0)), "GFP_HIGHUSER_MOVABLE|__GFP_ZERO");
	CHECK_STR(decode(0x400dc0, K(6, 1, 0)), "GFP_KERNEL_ACCOUNT|__GFP_ZERO");
	CHECK_STR(decode(0x140cca, K(6, 6, 0)), "GFP_HIGHUSER_MOVABLE|__GFP_COMP");
	/* S04 (5.15.158-pve): "0x1100cca(GFP_HIGHUSER_MOVABLE)" — SKIP_KASAN_POISON
	 * is part of GFP_HIGHUSER_MOVABLE there */
	CHECK_STR(decode(0x1100cca, R("5.15.158-2-pve")), "GFP_HIGHUSER_MOVABLE");
	CHECK_STR(decode(0x1100dca, K(5, 15, 0)), "GFP_HIGHUSER_MOVABLE|__GFP_ZERO");
	/* on 6.1 0x1000000 is not a production bit: leftover hex */
	CHECK_STR(decode(0x1100cca, K(6, 1, 0)), "GFP_HIGHUSER_MOVABLE|0x1000000");
	/* GFP_ATOMIC = HIGH|ATOMIC|KSWAPD 0xa20 (5.1–6.2), HIGH|KSWAPD 0x820 (6.3+) */
	CHECK_STR(decode(0xa20, K(5, 10, 0)), "GFP_ATOMIC");
	CHECK_STR(decode(0x820, K(6, 6, 0)), "GFP_ATOMIC");
	CHECK_STR(decode(0x820, K(6, 1, 0)), "GFP_NOWAIT|__GFP_HIGH");
	/* GFP_NOWAIT gained __GFP_NOWARN in 6.8 */
	CHECK_STR(decode(0x2800, K(6, 8, 0)), "GFP_NOWAIT");
	CHECK_STR(decode(0x2800, K(6, 6, 0)), "GFP_NOWAIT|__GFP_NOWARN");
	/* GFP_TRANSHUGE 0x1c24ca, _LIGHT 0x1c20ca (5.x) */
	CHECK_STR(decode(0x1c24ca, K(5, 4, 0)), "GFP_TRANSHUGE");
	CHECK_STR(decode(0x1c20ca, K(5, 4, 0)), "GFP_TRANSHUGE_LIGHT");
	CHECK_STR(decode(0x11c20ca, K(5, 15, 0)), "GFP_TRANSHUGE_LIGHT");
	/* leftover unknown bits and the empty mask */
	CHECK_STR(decode(0x80000000cc0ULL, K(6, 1, 0)), "GFP_KERNEL|0x80000000000");
	CHECK_STR(decode(0, K(6, 1, 0)), "");
}

TEST(decode_4x)
{
	/* 4.4–4.9: "0x24280ca(GFP_HIGHUSER_MOVABLE|__GFP_ZERO)" */
	CHECK_STR(decode(0x24280ca, K(4, 6, 0)), "GFP_HIGHUSER_MOVABLE|__GFP_ZERO");
	CHECK_STR(decode(0x24201ca, K(4, 4, 0)), "GFP_HIGHUSER_MOVABLE|__GFP_COLD");
	CHECK_STR(decode(0x24000c0, K(4, 9, 0)), "GFP_KERNEL");
	CHECK_STR(decode(0x25000c0, K(4, 6, 0)), "GFP_KERNEL_ACCOUNT");
	CHECK_STR(decode(0x352ca, K(4, 6, 0)), "GFP_TRANSHUGE");
	CHECK_STR(decode(0x4342ca, K(4, 8, 0)), "GFP_TRANSHUGE");
	CHECK_STR(decode(0x4352ca, K(4, 4, 0)), "GFP_TRANSHUGE");
	/* 4.10–4.17 */
	CHECK_STR(decode(0x14280ca, K(4, 13, 0)), "GFP_HIGHUSER_MOVABLE|__GFP_ZERO");
	CHECK_STR(decode(0x14201ca, K(4, 14, 0)), "GFP_HIGHUSER_MOVABLE|__GFP_COLD");
	CHECK_STR(decode(0x14000c0, K(4, 15, 0)), "GFP_KERNEL");
	/* 4.15 dropped __GFP_COLD without renumbering: 0x100 is leftover */
	CHECK_STR(decode(0x14201ca, K(4, 15, 0)), "GFP_HIGHUSER_MOVABLE|0x100");
	/* 4.18–5.0 (RHEL 8 too) */
	CHECK_STR(decode(0x6000c0, R("4.18.0-240.el8.x86_64")), "GFP_KERNEL");
	CHECK_STR(decode(0x6280ca, K(4, 19, 0)), "GFP_HIGHUSER_MOVABLE|__GFP_ZERO");
	CHECK_STR(decode(0x6080c0, K(5, 0, 0)), "GFP_KERNEL|__GFP_ZERO");
	CHECK_STR(decode(0x2342ca, K(4, 19, 0)), "GFP_TRANSHUGE");
	/* __GFP_WRITE moved to 0x100 in 4.18 */
	CHECK_STR(decode(0x6201ca, K(4, 19, 0)), "GFP_HIGHUSER_MOVABLE|__GFP_WRITE");
	CHECK_STR(decode(0x480020, K(4, 19, 0)), "GFP_ATOMIC");
}

TEST(decode_old)
{
	/* S01 (RHEL 7 3.10): gfp_mask=0x201da — 0x200da + __GFP_COLD 0x100 */
	CHECK_STR(decode(0x201da, R("3.10.0-514.6.1.el7.x86_64")), "GFP_HIGHUSER_MOVABLE|__GFP_COLD");
	CHECK_STR(decode(0x201da, K(3, 10, 0)), "GFP_HIGHUSER_MOVABLE|__GFP_COLD");
	CHECK_STR(decode(0xd0, K(2, 6, 32)), "GFP_KERNEL");
	CHECK_STR(decode(0xd0, K(3, 2, 0)), "GFP_KERNEL");
	CHECK_STR(decode(0xd0, K(2, 6, 18)), "GFP_KERNEL");
	CHECK_STR(decode(0x280da, K(3, 10, 0)), "GFP_HIGHUSER_MOVABLE|__GFP_ZERO");
	CHECK_STR(decode(0x80d0, K(3, 10, 0)), "GFP_KERNEL|__GFP_ZERO");
	CHECK_STR(decode(0x20, K(3, 10, 0)), "GFP_ATOMIC");
	CHECK_STR(decode(0x50, K(3, 10, 0)), "GFP_NOFS");
	CHECK_STR(decode(0x8020, K(3, 10, 0)), "GFP_ATOMIC|__GFP_ZERO");
	CHECK_STR(decode(0x4352da, K(3, 10, 0)), "GFP_TRANSHUGE");
	/* 2.6.18: no MOVABLE; 2.6.23: MOVABLE 0x80000; 2.6.24–30: 0x100000 */
	CHECK_STR(decode(0x201d2, K(2, 6, 18)), "GFP_HIGHUSER|__GFP_COLD");
	CHECK_STR(decode(0xa00d2, K(2, 6, 23)), "GFP_HIGHUSER_MOVABLE");
	CHECK_STR(decode(0x1200d2, K(2, 6, 27)), "GFP_HIGHUSER_MOVABLE");
	CHECK_STR(decode(0x800d0, K(2, 6, 27)), "GFP_TEMPORARY");
	/* RHEL 7: 0x100000 is __GFP_ACCOUNT; 3.10 mainline: __GFP_KMEMCG */
	CHECK_STR(decode(0x1000d0, R("3.10.0-1160.el7.x86_64")), "GFP_KERNEL_ACCOUNT");
	CHECK_STR(decode(0x1000d0, K(3, 10, 0)), "GFP_KERNEL|__GFP_KMEMCG");
	CHECK_STR(decode(0x1000d0, K(3, 18, 0)), "GFP_KERNEL|0x100000");
	/* 2.4 (include/linux/mm.h): __GFP_HIGHIO 0x80, __GFP_FS 0x100, the
	 * kernel's masks with __GFP_HIGH (R2320: 0xf0 and 0x1d2) */
	CHECK_STR(decode(0xf0, K(2, 4, 20)), "GFP_NOFS");
	CHECK_STR(decode(0x1d2, K(2, 4, 20)), "GFP_HIGHUSER");
	CHECK_STR(decode(0x1f0, K(2, 4, 20)), "GFP_KERNEL");
	CHECK_STR(decode(0x20, K(2, 4, 20)), "GFP_ATOMIC");
	CHECK_STR(decode(0x30, K(2, 4, 20)), "GFP_NOIO");
	CHECK_STR(decode(0x70, K(2, 4, 20)), "GFP_NOHIGHIO");
	CHECK_STR(decode(0x1d3, K(2, 4, 20)), "GFP_HIGHUSER|GFP_DMA");
	struct kver k24 = K(2, 4, 20);
	CHECK(gfp_has(0x1d0, GFPB_FS, &k24));
	CHECK(!gfp_has(0xf0, GFPB_FS, &k24));
	CHECK(gfp_has(0xf0, GFPB_DIRECT_RECLAIM, &k24));
}

TEST(decode_truncated)
{
	struct kver v = K(6, 1, 0);
	const char *names[1];
	uint64_t rest = 0;
	/* room for one name: the rest stays in *unknown, nothing is lost */
	CHECK_INT(gfp_decode(0x140dca, &v, names, 1, &rest), 1);
	CHECK_STR(names[0], "GFP_HIGHUSER_MOVABLE");
	CHECK_INT(rest, 0x40100);
	CHECK_INT(gfp_decode(0x140dca, &v, names, 0, &rest), 0);
	CHECK_INT(rest, 0x140dca);
	CHECK_INT(gfp_decode(0xcc0, &v, names, 1, NULL), 1);
}

TEST(bits)
{
	struct kver k310 = K(3, 10, 0), r7 = R("3.10.0-1160.el7.x86_64");
	struct kver k44 = K(4, 4, 0), k46 = K(4, 6, 0), k49 = K(4, 9, 0), k410 = K(4, 10, 0);
	struct kver k415 = K(4, 15, 0), k418 = K(4, 18, 0), k61 = K(6, 1, 0), k63 = K(6, 3, 0);
	struct kver k2623 = K(2, 6, 23);
	CHECK_INT(gfp_bit_value(GFPB_DIRECT_RECLAIM, &k310), 0x10);   /* __GFP_WAIT */
	CHECK_INT(gfp_bit_value(GFPB_DIRECT_RECLAIM, &k44), 0x400000);
	CHECK_INT(gfp_bit_value(GFPB_DIRECT_RECLAIM, &k418), 0x200000);
	CHECK_INT(gfp_bit_value(GFPB_DIRECT_RECLAIM, &k61), 0x400);
	CHECK_INT(gfp_bit_value(GFPB_KSWAPD_RECLAIM, &k310), 0);
	CHECK_INT(gfp_bit_value(GFPB_KSWAPD_RECLAIM, &k49), 0x2000000);
	CHECK_INT(gfp_bit_value(GFPB_KSWAPD_RECLAIM, &k410), 0x1000000);
	CHECK_INT(gfp_bit_value(GFPB_ACCOUNT, &r7), 0x100000);
	CHECK_INT(gfp_bit_value(GFPB_ACCOUNT, &k310), 0);
	CHECK_INT(gfp_bit_value(GFPB_ACCOUNT, &k44), 0);
	CHECK_INT(gfp_bit_value(GFPB_ACCOUNT, &k46), 0x100000);
	CHECK_INT(gfp_bit_value(GFPB_ACCOUNT, &k61), 0x400000);
	CHECK_INT(gfp_bit_value(GFPB_COLD, &k415), 0);
	CHECK_INT(gfp_bit_value(GFPB_COLD, &k310), 0x100);
	CHECK_INT(gfp_bit_value(GFPB_WRITE, &k49), 0x1000000);
	CHECK_INT(gfp_bit_value(GFPB_WRITE, &k410), 0x800000);
	CHECK_INT(gfp_bit_value(GFPB_WRITE, &k418), 0x100);
	CHECK_INT(gfp_bit_value(GFPB_ATOMIC, &k61), 0x200);
	CHECK_INT(gfp_bit_value(GFPB_ATOMIC, &k63), 0);
	CHECK_INT(gfp_bit_value(GFPB_MOVABLE, &k2623), 0x80000);
	CHECK_INT(gfp_bit_value(GFPB_RECLAIMABLE, &k310), 0x80000);
	CHECK_INT(gfp_bit_value(GFPB_RECLAIMABLE, &k44), 0x10);
	CHECK_INT(gfp_bit_value(GFPB_RETRY_MAYFAIL, &k310), 0x400);
	CHECK_INT(gfp_bit_value(GFPB_RETRY_MAYFAIL, &k61), 0x4000);
	CHECK_INT(gfp_bit_value(GFPB_ZERO, &k61), 0x100);
	CHECK_INT(gfp_bit_value(GFPB_COUNT, &k61), 0);
	CHECK(gfp_has(0x201da, GFPB_COLD, &k310));
	CHECK(!gfp_has(0x201da, GFPB_ZERO, &k310));
	CHECK(gfp_has(0x140dca, GFPB_COMP, &k61));
	CHECK(!gfp_has(0x140dca, GFPB_ATOMIC, &k63));
}

TEST(zones)
{
	struct kver k61 = K(6, 1, 0), k2627 = K(2, 6, 27), k2618 = K(2, 6, 18), k2623 = K(2, 6, 23);
	CHECK_STR(gfp_zone_name(0xcc0, &k61), "Normal");
	CHECK_STR(gfp_zone_name(0x100cca, &k61), "Movable");
	CHECK_STR(gfp_zone_name(0x100cc2, &k61), "HighMem");
	CHECK_STR(gfp_zone_name(0xcc1, &k61), "DMA");
	CHECK_STR(gfp_zone_name(0xcc4, &k61), "DMA32");
	CHECK_STR(gfp_zone_name(0xcc8, &k61), "Normal");   /* MOVABLE alone: a hint */
	CHECK_STR(gfp_zone_name(0xccc, &k61), "DMA32");
	CHECK(gfp_zone_name(0xcc3, &k61) == NULL);         /* GFP_ZONE_BAD */
	CHECK_STR(gfp_zone_name(0x1200d2, &k2627), "Movable");
	CHECK_STR(gfp_zone_name(0x200d2, &k2627), "HighMem");
	CHECK_STR(gfp_zone_name(0xd1, &k2627), "DMA");
	CHECK_STR(gfp_zone_name(0xa00d2, &k2623), "Movable");
	CHECK_STR(gfp_zone_name(0x201d2, &k2618), "HighMem");
	CHECK_STR(gfp_zone_name(0xd0, &k2618), "Normal");
}

TEST(may_oom)
{
	struct kver k61 = K(6, 1, 0), k515 = K(5, 15, 0), k310 = K(3, 10, 0), k44 = K(4, 4, 0);
	struct kver k418 = K(4, 18, 0), k410 = K(4, 10, 0), k2618 = K(2, 6, 18);
	CHECK(gfp_may_oom(0xcc0, 0, &k61));
	CHECK(gfp_may_oom(0xcc0, 3, &k61));
	CHECK(!gfp_may_oom(0xcc0, 4, &k61));             /* > PAGE_ALLOC_COSTLY_ORDER */
	CHECK(!gfp_may_oom(0xc40, 0, &k61));             /* GFP_NOFS */
	CHECK(!gfp_may_oom(0x820, 0, &k61));             /* GFP_ATOMIC: no direct reclaim */
	CHECK(!gfp_may_oom(0xcc0 | 0x10000, 0, &k61));   /* __GFP_NORETRY */
	CHECK(!gfp_may_oom(0xcc0 | 0x4000, 0, &k61));    /* __GFP_RETRY_MAYFAIL */
	CHECK(!gfp_may_oom(0xcc0 | 0x200000, 0, &k61));  /* __GFP_THISNODE */
	CHECK(!gfp_may_oom(0xcc4, 0, &k61));             /* DMA32-capped */
	CHECK(gfp_may_oom(0x140dca, 0, &k61));
	CHECK(gfp_may_oom(0x1100cca, 0, &k515));
	CHECK(gfp_may_oom(0x201da, 0, &k310));
	CHECK(!gfp_may_oom(0x10, 0, &k310));             /* GFP_NOIO */
	CHECK(!gfp_may_oom(0xd0 | 0x1000, 0, &k310));    /* __GFP_NORETRY */
	CHECK(gfp_may_oom(0x24000c0, 0, &k44));
	CHECK(!gfp_may_oom(0x6000c0 | 0x400, 0, &k418)); /* RETRY_MAYFAIL */
	CHECK(gfp_may_oom(0x14000c0 | 0x400, 0, &k410)); /* __GFP_REPEAT did not stop it */
	CHECK(gfp_may_oom(0xd0, 5, &k2618));             /* ≤2.6.22: any order */
	CHECK(gfp_may_oom(0, -1, &k61));                 /* sysrq */
}

/* gfp_encode: the printed names of a masked hex back to the mask, per era;
 * every decode of the table round-trips; an unknown name leaves it unknown. */
TEST(encode)
{
	static const struct { uint64_t mask; int a, b; } round[] = {
		{ 0x140dca, 6, 1 }, { 0x140dca, 6, 12 }, { 0xcc0, 5, 10 }, { 0x6000c0, 4, 9 },
		{ 0x24201ca, 4, 9 }, { 0x2080020, 4, 9 }, { 0x60c40, 5, 18 }, { 0x1080020, 4, 14 },
	};
	for (size_t i = 0; i < sizeof(round) / sizeof(round[0]); i++) {
		struct kver v = K(round[i].a, round[i].b, 0);
		uint64_t m = 0;
		CHECK_INT(gfp_encode(decode(round[i].mask, v), &v, &m), 0);
		CHECK_INT((long long)m, (long long)round[i].mask);
	}
	struct kver v = K(4, 9, 0);
	uint64_t m = 7;
	/* the 4.9 GFP_KERNEL of an Alibaba KB's "0x60****(GFP_KERNEL)" */
	CHECK_INT(gfp_encode("GFP_KERNEL", &v, &m), 0);
	CHECK_INT((long long)m, 0x24000c0);
	CHECK_INT(gfp_encode("GFP_KERNEL|0x100000", &v, &m), 0);
	CHECK_INT((long long)m, 0x25000c0);
	m = 7;
	CHECK_INT(gfp_encode("GFP_KERNEL|__GFP_NOSUCH", &v, &m), -EINVAL);
	CHECK_INT(gfp_encode("", &v, &m), -EINVAL);
	CHECK_INT(gfp_encode("GFP_KERNEL||__GFP_ZERO", &v, &m), -EINVAL);
	CHECK_INT(gfp_encode("0x", &v, &m), -EINVAL);
	CHECK_INT((long long)m, 7);
}

int main(void)
{
	RUN(decode_current);
	RUN(decode_4x);
	RUN(decode_old);
	RUN(decode_truncated);
	RUN(bits);
	RUN(zones);
	RUN(may_oom);
	RUN(encode);
	return check_summary();
}
