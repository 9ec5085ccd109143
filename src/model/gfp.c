/* gfp.c — gfp masks across eras: the bit of each flag (include/linux/gfp.h,
 * gfp_types.h from 6.0), the names the kernel's %pGg prints for a mask
 * (lib/vsprintf.c format_flags() over include/trace/events/mmflags.h
 * __def_gfpflag_names), the zone a mask may use (gfp_zone()) and whether
 * such a request can reach the OOM killer at all.  Fact sheet §2.
 *
 * Values are those of x86_64 production configs (CONFIG_KMEMCHECK=n,
 * CONFIG_LOCKDEP=n, CONFIG_KASAN_HW_TAGS=n).  Config-only bits (NOLOCKDEP,
 * SKIP_ZERO, SKIP_KASAN, NO_OBJ_EXT) are left unnamed: a mask carrying them
 * decodes with the bit as leftover hex, never with a wrong name. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "model/kernel.h"

enum fl {
	F_DMA, F_HIGHMEM, F_DMA32, F_MOVABLE, F_RECLAIMABLE, F_HIGH, F_IO, F_FS,
	F_WAIT, F_DIRECT_RECLAIM, F_KSWAPD_RECLAIM, F_COLD, F_NOWARN, F_REPEAT,
	F_RETRY_MAYFAIL, F_NOFAIL, F_NORETRY, F_NO_GROW, F_MEMALLOC, F_COMP, F_ZERO,
	F_NOMEMALLOC, F_HARDWALL, F_THISNODE, F_ATOMIC, F_ACCOUNT, F_NOACCOUNT,
	F_KMEMCG, F_NOTRACK, F_NO_KSWAPD, F_OTHER_NODE, F_WRITE, F_ZEROTAGS,
	F_SKIP_KASAN_POISON, F_HIGHIO, F_NR
};

static const char *const fl_name[F_NR] = {
	[F_DMA] = "__GFP_DMA", [F_HIGHMEM] = "__GFP_HIGHMEM", [F_DMA32] = "__GFP_DMA32",
	[F_MOVABLE] = "__GFP_MOVABLE", [F_RECLAIMABLE] = "__GFP_RECLAIMABLE",
	[F_HIGH] = "__GFP_HIGH", [F_IO] = "__GFP_IO", [F_FS] = "__GFP_FS",
	[F_WAIT] = "__GFP_WAIT", [F_DIRECT_RECLAIM] = "__GFP_DIRECT_RECLAIM",
	[F_KSWAPD_RECLAIM] = "__GFP_KSWAPD_RECLAIM", [F_COLD] = "__GFP_COLD",
	[F_NOWARN] = "__GFP_NOWARN", [F_REPEAT] = "__GFP_REPEAT",
	[F_RETRY_MAYFAIL] = "__GFP_RETRY_MAYFAIL", [F_NOFAIL] = "__GFP_NOFAIL",
	[F_NORETRY] = "__GFP_NORETRY", [F_NO_GROW] = "__GFP_NO_GROW",
	[F_MEMALLOC] = "__GFP_MEMALLOC", [F_COMP] = "__GFP_COMP", [F_ZERO] = "__GFP_ZERO",
	[F_NOMEMALLOC] = "__GFP_NOMEMALLOC", [F_HARDWALL] = "__GFP_HARDWALL",
	[F_THISNODE] = "__GFP_THISNODE", [F_ATOMIC] = "__GFP_ATOMIC",
	[F_ACCOUNT] = "__GFP_ACCOUNT", [F_NOACCOUNT] = "__GFP_NOACCOUNT",
	[F_KMEMCG] = "__GFP_KMEMCG", [F_NOTRACK] = "__GFP_NOTRACK",
	[F_NO_KSWAPD] = "__GFP_NO_KSWAPD", [F_OTHER_NODE] = "__GFP_OTHER_NODE",
	[F_WRITE] = "__GFP_WRITE", [F_ZEROTAGS] = "__GFP_ZEROTAGS",
	[F_SKIP_KASAN_POISON] = "__GFP_SKIP_KASAN_POISON", [F_HIGHIO] = "__GFP_HIGHIO",
};

struct layout {
	uint64_t f[F_NR];
};

static bool ge(const struct kver *v, int a, int b, int c) { return kver_cmp(v, a, b, c) >= 0; }
static bool lt(const struct kver *v, int a, int b, int c) { return kver_cmp(v, a, b, c) < 0; }

/* ≤4.3: the __GFP_WAIT layout (§2.2.1–2.2.2). */
static void layout_old(const struct kver *v, struct layout *L)
{
	uint64_t *f = L->f;
	if (ge(v, 2, 6, 31))
		f[F_MOVABLE] = 0x08;
	else if (ge(v, 2, 6, 24))
		f[F_MOVABLE] = 0x100000;
	else if (ge(v, 2, 6, 23))
		f[F_MOVABLE] = 0x80000;
	if (ge(v, 2, 6, 24))
		f[F_RECLAIMABLE] = 0x80000;
	f[F_WAIT] = 0x10;
	f[F_HIGH] = 0x20;
	f[F_IO] = 0x40;
	f[F_FS] = 0x80;
	f[F_COLD] = 0x100;
	f[F_NOWARN] = 0x200;
	f[F_REPEAT] = 0x400;
	f[F_NOFAIL] = 0x800;
	f[F_NORETRY] = 0x1000;
	if (lt(v, 2, 6, 22))
		f[F_NO_GROW] = 0x2000;
	/* __GFP_MEMALLOC: bracketed 3.4 < x ≤ 3.8 (mainline 3.6, "mm: introduce
	 * __GFP_MEMALLOC to allow access to emergency reserves"). */
	if (ge(v, 3, 6, 0))
		f[F_MEMALLOC] = 0x2000;
	f[F_COMP] = 0x4000;
	f[F_ZERO] = 0x8000;
	f[F_NOMEMALLOC] = 0x10000;
	f[F_HARDWALL] = 0x20000;
	if (ge(v, 2, 6, 19))
		f[F_THISNODE] = 0x40000;
	/* Bit 0x100000 after MOVABLE left it: KMEMCG 3.8–3.14 (mainline), RHEL 7's
	 * backported __GFP_ACCOUNT, NOACCOUNT 4.1–4.3. */
	if (v && v->rhel == 7)
		f[F_ACCOUNT] = 0x100000;
	else if (ge(v, 3, 8, 0) && lt(v, 3, 15, 0))
		f[F_KMEMCG] = 0x100000;
	else if (ge(v, 4, 1, 0))
		f[F_NOACCOUNT] = 0x100000;
	/* __GFP_NOTRACK: 0 without CONFIG_KMEMCHECK up to ≈3.4, unconditional
	 * from ≈3.5 [B: 3.4 conditional, 3.8 unconditional]. */
	if (ge(v, 3, 5, 0))
		f[F_NOTRACK] = 0x200000;
	if (ge(v, 2, 6, 38))
		f[F_NO_KSWAPD] = 0x400000;
	if (ge(v, 2, 6, 39))
		f[F_OTHER_NODE] = 0x800000;
	if (ge(v, 3, 3, 0))     /* [B: 3.2 < x ≤ 3.4] */
		f[F_WRITE] = 0x1000000;
}

/* 4.4–5.0 (§2.2.3). */
static void layout_4x(const struct kver *v, struct layout *L)
{
	uint64_t *f = L->f;
	f[F_MOVABLE] = 0x08;
	f[F_RECLAIMABLE] = 0x10;
	f[F_HIGH] = 0x20;
	f[F_IO] = 0x40;
	f[F_FS] = 0x80;
	if (lt(v, 4, 15, 0))
		f[F_COLD] = 0x100;
	f[F_NOWARN] = 0x200;
	if (lt(v, 4, 13, 0))
		f[F_REPEAT] = 0x400;
	else
		f[F_RETRY_MAYFAIL] = 0x400;
	f[F_NOFAIL] = 0x800;
	f[F_NORETRY] = 0x1000;
	f[F_MEMALLOC] = 0x2000;
	f[F_COMP] = 0x4000;
	f[F_ZERO] = 0x8000;
	f[F_NOMEMALLOC] = 0x10000;
	f[F_HARDWALL] = 0x20000;
	f[F_THISNODE] = 0x40000;
	f[F_ATOMIC] = 0x80000;
	if (lt(v, 4, 5, 0))
		f[F_NOACCOUNT] = 0x100000;
	else
		f[F_ACCOUNT] = 0x100000;
	if (lt(v, 4, 15, 0))
		f[F_NOTRACK] = 0x200000;
	if (lt(v, 4, 10, 0)) {
		f[F_DIRECT_RECLAIM] = 0x400000;
		f[F_OTHER_NODE] = 0x800000;
		f[F_WRITE] = 0x1000000;
		f[F_KSWAPD_RECLAIM] = 0x2000000;
	} else if (lt(v, 4, 18, 0)) {
		f[F_DIRECT_RECLAIM] = 0x400000;
		f[F_WRITE] = 0x800000;
		f[F_KSWAPD_RECLAIM] = 0x1000000;
	} else {
		f[F_WRITE] = 0x100;
		f[F_DIRECT_RECLAIM] = 0x200000;
		f[F_KSWAPD_RECLAIM] = 0x400000;
	}
}

/* 5.1+ (§2.2.4). */
static void layout_5x(const struct kver *v, struct layout *L)
{
	uint64_t *f = L->f;
	f[F_MOVABLE] = 0x08;
	f[F_RECLAIMABLE] = 0x10;
	f[F_HIGH] = 0x20;
	f[F_IO] = 0x40;
	f[F_FS] = 0x80;
	f[F_ZERO] = 0x100;
	if (lt(v, 6, 3, 0))
		f[F_ATOMIC] = 0x200;
	f[F_DIRECT_RECLAIM] = 0x400;
	f[F_KSWAPD_RECLAIM] = 0x800;
	f[F_WRITE] = 0x1000;
	f[F_NOWARN] = 0x2000;
	f[F_RETRY_MAYFAIL] = 0x4000;
	f[F_NOFAIL] = 0x8000;
	f[F_NORETRY] = 0x10000;
	f[F_MEMALLOC] = 0x20000;
	f[F_COMP] = 0x40000;
	f[F_NOMEMALLOC] = 0x80000;
	f[F_HARDWALL] = 0x100000;
	f[F_THISNODE] = 0x200000;
	f[F_ACCOUNT] = 0x400000;
	/* 5.14 ("arm64: mte: handle tags zeroing at page allocation time"):
	 * __GFP_ZEROTAGS, and "kasan: disable freed user page poisoning with
	 * HW tags" added __GFP_SKIP_KASAN_POISON unconditionally and put it
	 * into GFP_HIGHUSER_MOVABLE (0x1100cca, seen in 5.15 reports).  5.18's
	 * KASAN rework made it depend on CONFIG_KASAN_HW_TAGS [sheet §10: end of
	 * the 0x1100cca period bracketed 5.16–6.1; 5.18 recalled]. */
	if (ge(v, 5, 14, 0))
		f[F_ZEROTAGS] = 0x800000;
	if (ge(v, 5, 14, 0) && lt(v, 5, 18, 0))
		f[F_SKIP_KASAN_POISON] = 0x1000000;
}

/* 2.4 (include/linux/mm.h, 2.4.20): __GFP_HIGHIO between IO and FS, FS a
 * bit higher than 2.6's; no other action flag (2.5 moved them to gfp.h and
 * dropped HIGHIO). */
static void layout_24(struct layout *L)
{
	uint64_t *f = L->f;
	f[F_DMA32] = 0;
	f[F_WAIT] = 0x10;
	f[F_HIGH] = 0x20;
	f[F_IO] = 0x40;
	f[F_HIGHIO] = 0x80;
	f[F_FS] = 0x100;
}

static void layout_of(const struct kver *v, struct layout *L)
{
	memset(L, 0, sizeof(*L));
	L->f[F_DMA] = 0x01;
	L->f[F_HIGHMEM] = 0x02;
	L->f[F_DMA32] = 0x04;
	if (lt(v, 2, 5, 0))
		layout_24(L);
	else if (lt(v, 4, 4, 0))
		layout_old(v, L);
	else if (lt(v, 5, 1, 0))
		layout_4x(v, L);
	else
		layout_5x(v, L);
}

uint64_t gfp_bit_value(enum gfp_bit b, const struct kver *v)
{
	struct layout L;
	layout_of(v, &L);
	const uint64_t *f = L.f;
	switch (b) {
	case GFPB_DMA: return f[F_DMA];
	case GFPB_HIGHMEM: return f[F_HIGHMEM];
	case GFPB_DMA32: return f[F_DMA32];
	case GFPB_MOVABLE: return f[F_MOVABLE];
	case GFPB_RECLAIMABLE: return f[F_RECLAIMABLE];
	case GFPB_HIGH: return f[F_HIGH];
	case GFPB_IO: return f[F_IO];
	case GFPB_FS: return f[F_FS];
	case GFPB_DIRECT_RECLAIM: return f[F_DIRECT_RECLAIM] ? f[F_DIRECT_RECLAIM] : f[F_WAIT];
	case GFPB_KSWAPD_RECLAIM: return f[F_KSWAPD_RECLAIM];
	case GFPB_NOWARN: return f[F_NOWARN];
	case GFPB_RETRY_MAYFAIL: return f[F_RETRY_MAYFAIL] ? f[F_RETRY_MAYFAIL] : f[F_REPEAT];
	case GFPB_NOFAIL: return f[F_NOFAIL];
	case GFPB_NORETRY: return f[F_NORETRY];
	case GFPB_COMP: return f[F_COMP];
	case GFPB_ZERO: return f[F_ZERO];
	case GFPB_NOMEMALLOC: return f[F_NOMEMALLOC];
	case GFPB_MEMALLOC: return f[F_MEMALLOC];
	case GFPB_HARDWALL: return f[F_HARDWALL];
	case GFPB_THISNODE: return f[F_THISNODE];
	case GFPB_ACCOUNT: return f[F_ACCOUNT];
	case GFPB_ATOMIC: return f[F_ATOMIC];
	case GFPB_WRITE: return f[F_WRITE];
	case GFPB_COLD: return f[F_COLD];
	case GFPB_COUNT: break;
	}
	return 0;
}

bool gfp_has(uint64_t mask, enum gfp_bit b, const struct kver *v)
{
	uint64_t bit = gfp_bit_value(b, v);
	return bit && (mask & bit) == bit;
}

/* ---- %pGg ---------------------------------------------------------------- */

struct named {
	const char *name;
	uint64_t mask;
};

#define MAX_NAMES 64

struct table {
	int n;
	struct named e[MAX_NAMES];
};

static void put(struct table *t, const char *name, uint64_t mask)
{
	/* Zero masks (flags this era or config lacks) are left out: the
	 * kernel's tables only list flags that exist. */
	if (mask && t->n < MAX_NAMES) {
		t->e[t->n].name = name;
		t->e[t->n].mask = mask;
		t->n++;
	}
}

static void put_flag(struct table *t, const struct layout *L, enum fl f)
{
	put(t, fl_name[f], L->f[f]);
}

/* Composite masks as include/linux/gfp.h (gfp_types.h 6.0+) defines them. */
struct composites {
	uint64_t transhuge, transhuge_light, highuser_movable, highuser, user, temporary;
	uint64_t kernel_account, kernel, nofs, atomic, noio, nowait, reclaim;
};

static void composites_of(const struct kver *v, const struct layout *L, struct composites *c)
{
	const uint64_t *f = L->f;
	memset(c, 0, sizeof(*c));
	if (lt(v, 2, 5, 0)) {
		/* 2.4 include/linux/mm.h: the kernel's own requests may dip
		 * (__GFP_HIGH), the user's may not */
		uint64_t u = f[F_WAIT] | f[F_IO] | f[F_HIGHIO] | f[F_FS];
		c->atomic = f[F_HIGH];
		c->noio = f[F_HIGH] | f[F_WAIT];
		c->nofs = f[F_HIGH] | f[F_WAIT] | f[F_IO] | f[F_HIGHIO];
		c->kernel = f[F_HIGH] | u;
		c->user = u;
		c->highuser = u | f[F_HIGHMEM];
		return;
	}
	if (lt(v, 4, 4, 0)) {
		uint64_t k = f[F_WAIT] | f[F_IO] | f[F_FS];
		c->atomic = f[F_HIGH];
		c->noio = f[F_WAIT];
		c->nofs = f[F_WAIT] | f[F_IO];
		c->kernel = k;
		if (f[F_ACCOUNT])   /* RHEL 7 */
			c->kernel_account = k | f[F_ACCOUNT];
		if (f[F_RECLAIMABLE])
			c->temporary = k | f[F_RECLAIMABLE];
		c->user = k | f[F_HARDWALL];
		c->highuser = c->user | f[F_HIGHMEM];
		if (f[F_MOVABLE])
			c->highuser_movable = c->highuser | f[F_MOVABLE];
		if (ge(v, 2, 6, 38))
			c->transhuge = c->highuser_movable | f[F_COMP] | f[F_NOMEMALLOC] | f[F_NORETRY] |
				       f[F_NOWARN] | f[F_NO_KSWAPD];
		return;
	}
	uint64_t reclaim = f[F_DIRECT_RECLAIM] | f[F_KSWAPD_RECLAIM];
	uint64_t k = reclaim | f[F_IO] | f[F_FS];
	c->reclaim = reclaim;
	c->atomic = f[F_HIGH] | f[F_ATOMIC] | f[F_KSWAPD_RECLAIM];   /* ATOMIC is 0 from 6.3 */
	c->kernel = k;
	if (f[F_ACCOUNT])
		c->kernel_account = k | f[F_ACCOUNT];
	c->nowait = f[F_KSWAPD_RECLAIM] | (ge(v, 6, 8, 0) ? f[F_NOWARN] : 0);
	c->noio = reclaim;
	c->nofs = reclaim | f[F_IO];
	if (lt(v, 4, 14, 0))
		c->temporary = k | f[F_RECLAIMABLE];
	c->user = k | f[F_HARDWALL];
	c->highuser = c->user | f[F_HIGHMEM];
	c->highuser_movable = c->highuser | f[F_MOVABLE] | f[F_SKIP_KASAN_POISON];
	uint64_t base = c->highuser_movable | f[F_COMP] | f[F_NOMEMALLOC] | f[F_NOWARN];
	if (lt(v, 4, 6, 0)) {
		/* 4.4–4.5: … & ~__GFP_KSWAPD_RECLAIM, with NORETRY */
		c->transhuge = (base | f[F_NORETRY]) & ~f[F_KSWAPD_RECLAIM];
	} else if (lt(v, 4, 8, 0)) {
		c->transhuge = (base | f[F_NORETRY]) & ~reclaim;
	} else {
		c->transhuge_light = base & ~reclaim;
		c->transhuge = c->transhuge_light | f[F_DIRECT_RECLAIM];
	}
}

/* The name table of the era, in its order (§2.1).  Kernels before 4.5
 * printed no names; their masks are decoded with the 4.6 order. */
static void table_of(const struct kver *v, struct table *t)
{
	struct layout L;
	struct composites c;
	layout_of(v, &L);
	composites_of(v, &L, &c);
	t->n = 0;

	if (lt(v, 2, 5, 0)) {
		/* 2.4 printed the hex alone: its composites, widest first */
		put(t, "GFP_HIGHUSER", c.highuser);
		put(t, "GFP_KERNEL", c.kernel);
		put(t, "GFP_USER", c.user);
		put(t, "GFP_NOFS", c.nofs);
		put(t, "GFP_NOHIGHIO", c.nofs & ~L.f[F_HIGHIO]);
		put(t, "GFP_NOIO", c.noio);
		put(t, "GFP_ATOMIC", c.atomic);
		put(t, "GFP_DMA", L.f[F_DMA]);
		put_flag(t, &L, F_HIGHMEM);
		put_flag(t, &L, F_WAIT);
		put_flag(t, &L, F_IO);
		put_flag(t, &L, F_HIGHIO);
		put_flag(t, &L, F_FS);
		return;
	}
	put(t, "GFP_TRANSHUGE", c.transhuge);
	put(t, "GFP_TRANSHUGE_LIGHT", c.transhuge_light);
	put(t, "GFP_HIGHUSER_MOVABLE", c.highuser_movable);
	put(t, "GFP_HIGHUSER", c.highuser);
	put(t, "GFP_USER", c.user);
	put(t, "GFP_TEMPORARY", c.temporary);
	put(t, "GFP_KERNEL_ACCOUNT", c.kernel_account);
	put(t, "GFP_KERNEL", c.kernel);
	put(t, "GFP_NOFS", c.nofs);
	put(t, "GFP_ATOMIC", c.atomic);
	put(t, "GFP_NOIO", c.noio);
	put(t, "GFP_NOWAIT", c.nowait);

	if (ge(v, 6, 12, 0)) {
		/* 6.12+: GFP_DMA, GFP_DMA32, __GFP_RECLAIM, then every flag in
		 * bit order. */
		put(t, "GFP_DMA", L.f[F_DMA]);
		put(t, "GFP_DMA32", L.f[F_DMA32]);
		put(t, "__GFP_RECLAIM", c.reclaim);
		for (uint64_t bit = 1; bit; bit <<= 1)
			for (int f = 0; f < F_NR; f++)
				if (L.f[f] == bit)
					put(t, fl_name[f], bit);
		return;
	}
	put(t, "GFP_DMA", L.f[F_DMA]);
	put_flag(t, &L, F_HIGHMEM);
	put(t, "GFP_DMA32", L.f[F_DMA32]);
	put_flag(t, &L, F_HIGH);
	put_flag(t, &L, F_ATOMIC);
	put_flag(t, &L, F_IO);
	put_flag(t, &L, F_FS);
	put_flag(t, &L, F_COLD);
	put_flag(t, &L, F_NOWARN);
	put_flag(t, &L, F_REPEAT);
	put_flag(t, &L, F_RETRY_MAYFAIL);
	put_flag(t, &L, F_NOFAIL);
	put_flag(t, &L, F_NORETRY);
	put_flag(t, &L, F_NO_GROW);
	put_flag(t, &L, F_COMP);
	put_flag(t, &L, F_ZERO);
	put_flag(t, &L, F_NOMEMALLOC);
	put_flag(t, &L, F_MEMALLOC);
	put_flag(t, &L, F_HARDWALL);
	put_flag(t, &L, F_THISNODE);
	put_flag(t, &L, F_RECLAIMABLE);
	put_flag(t, &L, F_MOVABLE);
	put_flag(t, &L, F_ACCOUNT);
	put_flag(t, &L, F_NOACCOUNT);
	put_flag(t, &L, F_KMEMCG);
	put_flag(t, &L, F_NOTRACK);
	put_flag(t, &L, F_WRITE);
	put(t, "__GFP_RECLAIM", c.reclaim);
	put_flag(t, &L, F_WAIT);
	put_flag(t, &L, F_DIRECT_RECLAIM);
	put_flag(t, &L, F_KSWAPD_RECLAIM);
	put_flag(t, &L, F_NO_KSWAPD);
	put_flag(t, &L, F_OTHER_NODE);
	put_flag(t, &L, F_ZEROTAGS);
	put_flag(t, &L, F_SKIP_KASAN_POISON);
}

int gfp_decode(uint64_t mask, const struct kver *v, const char **names, int max, uint64_t *unknown)
{
	struct table t;
	table_of(v, &t);
	int n = 0;
	/* format_flags(): the first entry whose bits are all still set wins;
	 * its bits are cleared; whatever is left is printed as hex. */
	for (int i = 0; i < t.n && mask && n < max; i++) {
		if ((mask & t.e[i].mask) != t.e[i].mask)
			continue;
		names[n++] = t.e[i].name;
		mask &= ~t.e[i].mask;
	}
	if (unknown)
		*unknown = mask;
	return n;
}

/* The inverse of gfp_decode() for a mask whose hex the paster masked
 * ("0x60****(GFP_KERNEL)") but whose names the kernel printed: each name
 * looked up in that era's %pGg table and its bits ORed in.  A hex leftover
 * ("|0x100000") is taken as printed.  -EINVAL when a name is not in the
 * era's table or the text is empty: the mask stays unknown rather than
 * guessed. */
int gfp_encode(const char *printed, const struct kver *v, uint64_t *mask)
{
	struct table t;
	table_of(v, &t);
	uint64_t m = 0;
	int n = 0;
	const char *p = printed;
	while (*p) {
		size_t len = strcspn(p, "|");
		if (len == 0 || len >= 48)
			return -EINVAL;
		char name[48];
		memcpy(name, p, len);
		name[len] = '\0';
		bool found = false;
		if (name[0] == '0' && name[1] == 'x') {
			char *end;
			unsigned long long x = strtoull(name + 2, &end, 16);
			found = end != name + 2 && *end == '\0';
			m |= x;
		}
		for (int i = 0; i < t.n && !found; i++)
			if (strcmp(t.e[i].name, name) == 0) {
				m |= t.e[i].mask;
				found = true;
			}
		if (!found)
			return -EINVAL;
		n++;
		p += len;
		if (*p == '|')
			p++;
	}
	if (n == 0)
		return -EINVAL;
	*mask = m;
	return 0;
}

/* ---- zones and the OOM gate -------------------------------------------- */

const char *gfp_zone_name(uint64_t mask, const struct kver *v)
{
	struct layout L;
	layout_of(v, &L);
	bool dma = mask & L.f[F_DMA], high = mask & L.f[F_HIGHMEM], dma32 = mask & L.f[F_DMA32];
	bool movable = L.f[F_MOVABLE] && (mask & L.f[F_MOVABLE]);
	if (lt(v, 2, 6, 31)) {
		/* ≤2.6.30 gfp_zone(): an if-chain. */
		if (dma)
			return "DMA";
		if (dma32)
			return "DMA32";
		if (high && movable)
			return "Movable";
		return high ? "HighMem" : "Normal";
	}
	/* 2.6.31+ GFP_ZONE_TABLE indexed by DMA|HIGHMEM|DMA32|MOVABLE. */
	unsigned idx = (dma ? 1 : 0) | (high ? 2 : 0) | (dma32 ? 4 : 0) | (movable ? 8 : 0);
	switch (idx) {
	case 0x0: case 0x8: return "Normal";
	case 0x1: case 0x9: return "DMA";
	case 0x2: return "HighMem";
	case 0x4: case 0xc: return "DMA32";
	case 0xa: return "Movable";
	default: return NULL;   /* GFP_ZONE_BAD: the kernel's VM_BUG_ON */
	}
}

bool gfp_may_oom(uint64_t mask, int order, const struct kver *v)
{
	/* SysRq-f (order -1) calls out_of_memory() directly. */
	if (order < 0)
		return true;
	struct layout L;
	layout_of(v, &L);
	const uint64_t *f = L.f;
	/* No direct reclaim (atomic, GFP_NOWAIT): the slow path gives up
	 * before __alloc_pages_may_oom(). */
	uint64_t reclaim = f[F_DIRECT_RECLAIM] ? f[F_DIRECT_RECLAIM] : f[F_WAIT];
	if (!(mask & reclaim))
		return false;
	/* !__GFP_FS (GFP_NOFS/NOIO): ≤4.x oom_gfp_allowed() in the slow path;
	 * later out_of_memory() returns early for non-memcg requests. */
	if (!(mask & f[F_FS]))
		return false;
	if (mask & f[F_NORETRY])
		return false;
	/* 4.13+: __GFP_RETRY_MAYFAIL lets the caller handle the failure. */
	if (f[F_RETRY_MAYFAIL] && (mask & f[F_RETRY_MAYFAIL]))
		return false;
	if (f[F_THISNODE] && (mask & f[F_THISNODE]))
		return false;
	/* order > PAGE_ALLOC_COSTLY_ORDER (3) since 2.6.23. */
	if (order > 3 && ge(v, 2, 6, 23))
		return false;
	/* Requests capped below ZONE_NORMAL do not kill (lowmem). */
	const char *zone = gfp_zone_name(mask, v);
	if (!zone || strcmp(zone, "DMA") == 0 || strcmp(zone, "DMA32") == 0)
		return false;
	return true;
}
