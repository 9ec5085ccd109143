/* needle.c — the idle scanner's search for OOM markers at memory speed
 * (report/scan.c skips everything between reports with it): the vector
 * kernels, built for 16-byte vectors (SSE2, NEON, or plain code) and again
 * for AVX2 on x86-64; on x86-64 the Teddy kernels (SSSE3, AVX2) and the
 * AVX-512 VBMI one, which count newlines in the same pass; picked at run
 * time; and a scalar reference the differential test
 * (tests/unit/test_report_needle.c) holds every kernel to. */
#include <stdlib.h>
#include <string.h>

#include "report/needle.h"

#ifdef NEEDLE_HAVE_AVX2
#include <immintrin.h>
#endif

/* Needles for the idle prefilter.  Each is found by a fingerprint of a few
 * of its bytes (the vector loops below), then compared whole (needle_at),
 * then checked in O(1) for its marker context (needle_hit_ok).  The
 * fingerprints are chosen rare in ordinary logs: "oom-"/"oom_" rather than
 * "oom" ("room", "zoom", "bloom" fired on every other daemon line), so the
 * loops seldom stop on text that is no marker.  Every text
 * report_has_marker() accepts contains a needle, also when a mail client
 * wrapped the line inside the marker phrase ("invoked\noom-killer",
 * "Killed\nprocess" — its kill line also holds "Out of memory" —,
 * "page\nallocation"). */
struct needle {
	const char *text;
	size_t len;
};
static const struct needle needles[] = {
	{ "oom-", 4 },        /* oom-killer, oom-kill: */
	{ "Kill", 4 },        /* Kill process, Killed process */
	{ "of memory", 9 },   /* Out of memory, Memory cgroup out of memory */
	{ "of Memory", 9 },   /* 2.6.18: "Out of Memory: Kill process" */
	{ "allocation", 10 }, /* page allocation failure / stalls */
	{ "Mem-", 4 },        /* Mem-Info: a report whose first lines are cut */
	{ "oom_", 4 },        /* oom_reaper: a victim named only by the reaper */
	{ "alloc_pages", 11 },  /* "WARNING: … at mm/page_alloc.c:N __alloc_pages…": an order >= MAX_ORDER */
	{ "allocate mem", 12 }, /* "SLUB: Unable to allocate memory on node": a slab's failure alone */
	{ "alloc failed", 12 }, /* "cma: cma_alloc: alloc failed, req-size: N pages": a CMA area's failure alone */
	{ "killing ", 8 },      /* "VM: killing process x": the fault path's kill of 2.4 to 2.6.2x/3.x */
	/* the boot banner (init/main.c start_kernel, arch/x86/kernel/setup.c):
	 * a reboot between reports, and with a dated prefix the boot time */
	{ "Linux version ", 14 },
	{ "Command line: ", 14 },
};
#define NR_NEEDLES (sizeof(needles) / sizeof(needles[0]))
_Static_assert(NR_NEEDLES == NEEDLE_COUNT, "needle.h names every needle");


/* ---- vector kernels ----------------------------------------------------
 * The two loops every input byte goes through while the parser is idle:
 * the needle search and the newline count.  Written with the GCC/Clang
 * vector extension (SSE2 on x86-64, NEON on arm64, plain code elsewhere),
 * and built a second time for AVX2 on x86-64, chosen at run time. */

/* Needle k whole at p[i]?  Written out per first byte with constant
 * lengths, so the compiler compares in a few loads instead of calling
 * memcmp: every candidate lane of the vector loops comes here, and in a
 * syslog most are true hits of "Kill" that needle_hit_ok rejects
 * ("… Killed" at a line's end), one in 1.5 KB of the bench log. */
#define NEEDLE_IS(k, lit) (n - i >= sizeof(lit) - 1 && memcmp(h, lit, sizeof(lit) - 1) == 0 ? (*which = (k), true) : false)
static inline bool needle_at(const char *p, size_t n, size_t i, size_t *which)
{
	const char *h = p + i;
	switch (*h) {
	case 'o':
		return NEEDLE_IS(0, "oom-") || NEEDLE_IS(6, "oom_") || NEEDLE_IS(2, "of memory") || NEEDLE_IS(3, "of Memory");
	case 'K':
		return NEEDLE_IS(1, "Kill");
	case 'a':
		return NEEDLE_IS(4, "allocation") || NEEDLE_IS(7, "alloc_pages") || NEEDLE_IS(8, "allocate mem") ||
		       NEEDLE_IS(9, "alloc failed");
	case 'M':
		return NEEDLE_IS(5, "Mem-");
	case 'k':
		return NEEDLE_IS(10, "killing ");
	case 'L':
		return NEEDLE_IS(11, "Linux version ");
	case 'C':
		return NEEDLE_IS(12, "Command line: ");
	default:
		return false;
	}
}

/* First needle in [p, p+n): its offset, or n.  VT is a W-byte vector of
 * unsigned char.  Fingerprints (byte@offset from the needle's start):
 * o@0 m@2 -|_@3 ("oom-", "oom_"), K|k@0 l@3, o@0 f@1 y@8, a@0 l@1 c@4 ("allocation",
 * "alloc_pages", "allocate mem", "alloc failed"), M@0 -@3,
 * L@0 x@4 ("Linux version "), C@0 d@6 ("Command line: "): sixteen compares
 * sharing seven loads; a lane set in m is a candidate, compared whole by
 * needle_at. */
#define FIND_NEEDLE_BODY(VT, W)                                                            \
	size_t i = 0;                                                                      \
	if (n >= (W) + NEEDLE_SPAN) {                                                      \
		VT co, cm, cd, cu, cK, ck, cl, cf, cy, ca, cc, cM, cL, cx, cC, cD;           \
		for (int j = 0; j < (W); j++) {                                            \
			co[j] = 'o', cm[j] = 'm', cd[j] = '-', cu[j] = '_', cK[j] = 'K';   \
			ck[j] = 'k';                                                       \
			cl[j] = 'l', cf[j] = 'f', cy[j] = 'y', ca[j] = 'a', cc[j] = 'c';   \
			cM[j] = 'M', cL[j] = 'L', cx[j] = 'x', cC[j] = 'C';                \
			cD[j] = 'd';                                                       \
		}                                                                          \
		for (; i + (W) + NEEDLE_SPAN <= n; i += (W)) {                             \
			const char *b = p + i;                                             \
			VT o0, o1, o2, o3, o4, o6, o8;                                     \
			memcpy(&o0, b, (W));                                               \
			memcpy(&o1, b + 1, (W));                                           \
			memcpy(&o2, b + 2, (W));                                           \
			memcpy(&o3, b + 3, (W));                                           \
			memcpy(&o4, b + 4, (W));                                           \
			memcpy(&o6, b + 6, (W));                                           \
			memcpy(&o8, b + 8, (W));                                           \
			VT eo = (VT)(o0 == co), d3 = (VT)(o3 == cd);                       \
			VT m = eo & (VT)(o2 == cm) & (d3 | (VT)(o3 == cu));                \
			m |= ((VT)(o0 == cK) | (VT)(o0 == ck)) & (VT)(o3 == cl);           \
			m |= eo & (VT)(o1 == cf) & (VT)(o8 == cy);                         \
			m |= (VT)(o0 == ca) & (VT)(o1 == cl) & (VT)(o4 == cc);             \
			m |= (VT)(o0 == cM) & d3;                                          \
			m |= (VT)(o0 == cL) & (VT)(o4 == cx);                              \
			m |= (VT)(o0 == cC) & (VT)(o6 == cD);                              \
			uint64_t w[(W) / 8], any = 0;                                      \
			memcpy(w, &m, (W));                                                \
			for (int j = 0; j < (W) / 8; j++)                                  \
				any |= w[j];                                               \
			if (!any)                                                          \
				continue;                                                  \
			for (size_t j = 0; j < (W); j++)                                   \
				if (m[j] && needle_at(p, n, i + j, which))                 \
					return i + j;                                      \
		}                                                                          \
	}                                                                                  \
	for (; i < n; i++)                                                                 \
		if (needle_at(p, n, i, which))                                             \
			return i;                                                          \
	return n;

/* Counts '\n' in [p, p+n): byte lanes count up to 255, then are summed. */
#define COUNT_NEWLINES_BODY(VT, W)                                                         \
	VT nl;                                                                             \
	for (int j = 0; j < (W); j++)                                                      \
		nl[j] = '\n';                                                              \
	uint64_t total = 0;                                                                \
	size_t i = 0;                                                                      \
	while (n - i >= (W)) {                                                             \
		VT acc = { 0 };                                                            \
		size_t blocks = (n - i) / (W);                                             \
		if (blocks > 255)                                                          \
			blocks = 255;                                                      \
		for (size_t b = 0; b < blocks; b++, i += (W)) {                            \
			VT v;                                                              \
			memcpy(&v, p + i, (W));                                            \
			acc -= (VT)(v == nl);                                              \
		}                                                                          \
		for (int k = 0; k < (W); k++)                                              \
			total += acc[k];                                                   \
	}                                                                                  \
	for (; i < n; i++)                                                                 \
		total += p[i] == '\n';                                                     \
	return total;

typedef unsigned char v16u __attribute__((vector_size(16)));

size_t needle_find_v16(const char *p, size_t n, size_t *which)
{
	FIND_NEEDLE_BODY(v16u, 16)
}

uint64_t needle_count_newlines_v16(const char *p, size_t n)
{
	COUNT_NEWLINES_BODY(v16u, 16)
}

#ifdef NEEDLE_HAVE_AVX2
typedef unsigned char v32u __attribute__((vector_size(32)));

__attribute__((target("avx2"))) size_t needle_find_v32(const char *p, size_t n, size_t *which)
{
	FIND_NEEDLE_BODY(v32u, 32)
}

__attribute__((target("avx2"))) uint64_t needle_count_newlines_v32(const char *p, size_t n)
{
	COUNT_NEWLINES_BODY(v32u, 32)
}

/* OOMKIT_SIMD=sse2, avx or avx2 caps the vector width below what the CPU
 * has: the benchmark times each path on one machine (bench/explain/run.sh),
 * and a CPU bug in one path can be stepped around.  Read once.  sse2 means
 * 16-byte vectors in SSE encoding: the SSSE3 kernel where the CPU has
 * SSSE3 (Core 2 to Westmere); avx the same vectors in VEX encoding (AVX
 * without AVX2: Sandy/Ivy Bridge, Bulldozer to Jaguar). */
static int simd_cap(void)
{
	static int cap = -1;
	if (cap < 0) {
		const char *e = getenv("OOMKIT_SIMD");
		cap = !e ? 3 : !strcmp(e, "sse2") ? 0 : !strcmp(e, "avx") ? 1 : !strcmp(e, "avx2") ? 2 : 3;
	}
	return cap;
}

bool needle_have_avx2(void)
{
	static int have = -1;
	if (have < 0) {
		__builtin_cpu_init();
		have = __builtin_cpu_supports("avx2") && __builtin_cpu_supports("popcnt") && simd_cap() >= 2 ? 1 : 0;
	}
	return have == 1;
}

bool needle_have_avx16(void)
{
	static int have = -1;
	if (have < 0) {
		__builtin_cpu_init();
		have = __builtin_cpu_supports("avx") && __builtin_cpu_supports("popcnt") && simd_cap() >= 1 ? 1 : 0;
	}
	return have == 1;
}

bool needle_have_ssse3(void)
{
	static int have = -1;
	if (have < 0) {
		__builtin_cpu_init();
		have = __builtin_cpu_supports("ssse3") && __builtin_cpu_supports("popcnt") ? 1 : 0;
	}
	return have == 1;
}

/* ---- SSSE3 and AVX2: "Teddy" with nibble tables ---------------------------
 * Hyperscan's Teddy in its classic form, for CPUs without AVX-512 VBMI (most
 * of them).  Each needle's first four bytes make its fingerprint, one bit
 * per bucket (TB_*); three of them are looked up: lane j is a candidate
 * when the bytes at j, j+1 and j+3 all carry one bucket's bit.  PSHUFB
 * looks a byte's bits up by its low nibble in a 16-byte table (a byte >=
 * 0x80 looks up 0: no needle byte is one).  At offset 1 the low nibble alone
 * decides (its class holds a byte of each printable row: 'o' stands for
 * "/?O_o"); at offsets 0 and 3 the high nibble is looked up too, so the
 * first and fourth bytes are exact: "KILL" (every SIGKILL line), "comm="
 * (audit lines), "line" and "ALLOW" stay out ("kill" is a candidate since
 * "killing " became a needle: one in 2 KB of the corpus, one in 95 KB of
 * changelogs and C headers, none in the bench log's chatter).  Measured on the bench
 * log plus the corpus (17 MB), the candidates are one in 1356 bytes, where
 * the four exact bytes of the AVX-512 tables give one in 1423; on package
 * changelogs and C source (34 MB) one in 2015 against 3380.  The second
 * byte was tried too: a fourth lookup made the 16-byte loop 12 % slower for
 * those few candidates.  Per vector: three loads, five PSHUFB, two shifts,
 * five ANDs, one test, and the newline count fused in: one pass over the
 * bytes, not two.  A newline is bit 7 (TB_NL) of the offset-0 tables ('\n'
 * is 0x0a: low nibble 10, high nibble 0), which no other table has, so the
 * candidates drop it; the lanes' top bits (one MOVMSK) and a POPCNT on the
 * integer side count it, where a compare and a subtract into byte counters
 * took two vector operations more (on AMD Zen 1, which runs a 256-bit
 * operation as two, the AVX2 search went from 45 to 38-39 ms on the bench
 * log, bench/explain/README.md). */
enum { TB_OOM = 1, TB_KILL = 2, TB_OF = 4, TB_ALLOC = 8, TB_MEM = 16, TB_LINUX = 32, TB_CMD = 64, TB_NL = 128 };

/* The fingerprint, offset P = 0..3 of each bucket's needles ("oom-"/"oom_",
 * "Kill"/"kill", "of m"/"of M", "allo", "Mem-", "Linu", "Comm"; '\n' at offset 0 is
 * TB_NL): the bits of the
 * bytes whose nibble (SH 0: low, 4: high) is X. */
#define FP_BITS(k, c, X, SH) ((((unsigned)(c) >> (SH)) & 15) == (X) ? (k) : 0)
#define FP_AT(P, X, SH)                                                                             \
	(FP_BITS(P == 0 ? TB_NL : 0, '\n', X, SH) |                                                \
	 FP_BITS(TB_OOM, P < 2 ? 'o' : P == 2 ? 'm' : '-', X, SH) | FP_BITS(P == 3 ? TB_OOM : 0, '_', X, SH) | \
	 FP_BITS(TB_KILL, P == 0 ? 'K' : P == 1 ? 'i' : 'l', X, SH) |                               \
	 FP_BITS(P == 0 ? TB_KILL : 0, 'k', X, SH) |                                                \
	 FP_BITS(TB_OF, P == 0 ? 'o' : P == 1 ? 'f' : P == 2 ? ' ' : 'm', X, SH) |                  \
	 FP_BITS(P == 3 ? TB_OF : 0, 'M', X, SH) |                                                  \
	 FP_BITS(TB_ALLOC, P == 0 ? 'a' : P == 3 ? 'o' : 'l', X, SH) |                              \
	 FP_BITS(TB_MEM, P == 0 ? 'M' : P == 1 ? 'e' : P == 2 ? 'm' : '-', X, SH) |                 \
	 FP_BITS(TB_LINUX, P == 0 ? 'L' : P == 1 ? 'i' : P == 2 ? 'n' : 'u', X, SH) |               \
	 FP_BITS(TB_CMD, P == 0 ? 'C' : P == 1 ? 'o' : 'm', X, SH))
#define FP_ROW(P, SH)                                                                               \
	{ FP_AT(P, 0, SH),  FP_AT(P, 1, SH),  FP_AT(P, 2, SH),  FP_AT(P, 3, SH),                    \
	  FP_AT(P, 4, SH),  FP_AT(P, 5, SH),  FP_AT(P, 6, SH),  FP_AT(P, 7, SH),                    \
	  FP_AT(P, 8, SH),  FP_AT(P, 9, SH),  FP_AT(P, 10, SH), FP_AT(P, 11, SH),                   \
	  FP_AT(P, 12, SH), FP_AT(P, 13, SH), FP_AT(P, 14, SH), FP_AT(P, 15, SH) }
/* low-nibble tables for offsets 0, 1, 3, high-nibble tables for offsets 0, 3 */
static const unsigned char nib[5][16] __attribute__((aligned(16))) = {
	FP_ROW(0, 0), FP_ROW(1, 0), FP_ROW(3, 0), FP_ROW(0, 4), FP_ROW(3, 4),
};

/* The kernel for one vector type.  VT: W unsigned bytes; SHUF(t, i):
 * PSHUFB of table t by i; ANY(r): a lane of r is not 0; MASK(v): each
 * lane's top bit.  Blocks are read from p while W + 3 bytes are left, the
 * rest from a copy padded with 0xff (looks up nothing, is no newline): no
 * byte past n is read. */
#define TEDDY_BODY(VT, W, SHUF, ANY, MASK)                                                          \
	VT l0, l1, l3, h0, h3, c0f;                                                                 \
	memcpy(&l0, nib[0], 16), memcpy(&l1, nib[1], 16), memcpy(&l3, nib[2], 16);                  \
	memcpy(&h0, nib[3], 16), memcpy(&h3, nib[4], 16);                                           \
	for (int j = 16; j < (W); j++) {                                                            \
		l0[j] = l0[j - 16], l1[j] = l1[j - 16], l3[j] = l3[j - 16];                         \
		h0[j] = h0[j - 16], h3[j] = h3[j - 16];                                             \
	}                                                                                           \
	for (int j = 0; j < (W); j++)                                                               \
		c0f[j] = 15;                                                                        \
	uint64_t lines = 0; /* newlines in the blocks so far */                                     \
	unsigned char pad[2 * (W) + 3];                                                             \
	const char *src = p; /* the blocks' bytes: p, then pad */                                   \
	size_t off = 0;      /* p's offset of src[0] */                                             \
	size_t nblocks = n >= (W) + 3 ? (n - (W) - 3) / (W) + 1 : 0;                                \
	for (;;) {                                                                                  \
		for (size_t k = 0; k < nblocks; k++) {                                              \
			const char *b = src + k * (W);                                              \
			VT v0, v1, v3;                                                              \
			memcpy(&v0, b, (W));                                                        \
			memcpy(&v1, b + 1, (W));                                                    \
			memcpy(&v3, b + 3, (W));                                                    \
			VT t0 = SHUF(l0, v0) & SHUF(h0, (v0 >> 4) & c0f); /* bit 7: '\n' */       \
			uint64_t nlm = (uint64_t)MASK(t0);                                          \
			VT r = t0 & SHUF(l1, v1);                                                   \
			r &= SHUF(l3, v3) & SHUF(h3, (v3 >> 4) & c0f);                              \
			if (__builtin_expect(ANY(r), 0)) {                                          \
				VT z = { 0 };                                                       \
				uint64_t m = ~(uint64_t)MASK((VT)(r == z)) & (~0ull >> (64 - (W))); \
				for (; m; m &= m - 1) {                                             \
					unsigned j = (unsigned)__builtin_ctzll(m);                  \
					size_t at = off + k * (W) + j;                              \
					if (at < n && needle_at(p, n, at, which)) {                 \
						lines += (uint64_t)__builtin_popcountll(nlm & ((1ull << j) - 1)); \
						*newlines += lines;                                 \
						return at;                                          \
					}                                                           \
				}                                                                   \
			}                                                                           \
			lines += (uint64_t)__builtin_popcountll(nlm);                               \
		}                                                                                   \
		if (src != p)                                                                       \
			break;                                                                      \
		/* the tail: fewer than W + 3 bytes, in one or two blocks of the copy */            \
		off = nblocks * (W);                                                                \
		memset(pad, 0xff, sizeof(pad));                                                     \
		if (n > off)                                                                        \
			memcpy(pad, p + off, n - off);                                              \
		src = (const char *)pad;                                                            \
		nblocks = (n - off + (W) - 1) / (W);                                                \
	}                                                                                           \
	*newlines += lines;                                                                         \
	return n;

#define T16_TARGET __attribute__((target("ssse3,popcnt")))
#define T32_TARGET __attribute__((target("avx2,popcnt")))
#define T16V_TARGET __attribute__((target("avx,popcnt")))
#define SHUF16(t, i) ((v16u)_mm_shuffle_epi8((__m128i)(t), (__m128i)(i)))
#define ANY16(r) (_mm_movemask_epi8(_mm_cmpeq_epi8((__m128i)(r), _mm_setzero_si128())) != 0xffff)
#define MASK16(v) ((unsigned)_mm_movemask_epi8((__m128i)(v)))
#define SHUF32(t, i) ((v32u)_mm256_shuffle_epi8((__m256i)(t), (__m256i)(i)))
#define ANY32(r) (!_mm256_testz_si256((__m256i)(r), (__m256i)(r)))
#define MASK32(v) ((unsigned)_mm256_movemask_epi8((__m256i)(v)))

/* In SSE encoding the two-block loop of T16X_BODY (below) measured no
 * faster than this one (register copies and table reloads eat what it
 * saves: 30 instructions per 16 bytes against 33, 31-44 ms against 31-44 ms
 * on the bench log): kept simple. */
T16_TARGET size_t needle_find_nl_t16(const char *p, size_t n, size_t *which, uint64_t *newlines)
{
	TEDDY_BODY(v16u, 16, SHUF16, ANY16, MASK16)
}

/* The same 16-byte kernel in AVX's VEX encoding (CPUs with AVX and no
 * AVX2: Sandy Bridge, Ivy Bridge, AMD Bulldozer to Jaguar, and VMs whose
 * CPU model stops there).  The SSSE3 loop is bound by instructions issued,
 * not by its lookups: every PSHUFB overwrites its table, so each costs a
 * register copy too, and an unaligned load cannot be an operand.  The
 * three-operand forms drop the copies and fold the loads. */
T16V_TARGET static size_t t16v_body(const char *p, size_t n, size_t *which, uint64_t *newlines)
{
	TEDDY_BODY(v16u, 16, SHUF16, ANY16, MASK16)
}

/* The VEX kernel's main loop: two
 * blocks (32 bytes) a step, so one candidate test and one loop branch per
 * 32 bytes; the high nibbles of the bytes at offset 3 taken with PALIGNR
 * from those of the blocks at offset 0 (one shift and mask per block
 * instead of two).  16-byte vectors are bound by the vector ALU (17
 * operations per 16 bytes in TEDDY_BODY, 14.5 here).  TAIL: TEDDY_BODY's
 * kernel, for the last 47 bytes or fewer; ANYZ(x): a lane of x is not 0. */
#define T16X_BODY(TAIL, ANYZ)                                                                       \
	const __m128i l0 = _mm_load_si128((const __m128i *)nib[0]);                                 \
	const __m128i l1 = _mm_load_si128((const __m128i *)nib[1]);                                 \
	const __m128i l3 = _mm_load_si128((const __m128i *)nib[2]);                                 \
	const __m128i h0 = _mm_load_si128((const __m128i *)nib[3]);                                 \
	const __m128i h3 = _mm_load_si128((const __m128i *)nib[4]);                                 \
	const __m128i c0f = _mm_set1_epi8(15), z = _mm_setzero_si128();                             \
	uint64_t lines = 0;                                                                         \
	size_t i = 0;                                                                               \
	if (n >= 48) {                                                                              \
		/* high nibbles of the block at i */                                                \
		__m128i ha = _mm_and_si128(_mm_srli_epi16(_mm_loadu_si128((const __m128i *)p), 4), c0f); \
		for (; n - i >= 48; i += 32) { /* a step reads [i, i + 48) */                       \
			const char *b = p + i;                                                      \
			__m128i a0 = _mm_loadu_si128((const __m128i *)b);                           \
			__m128i b0 = _mm_loadu_si128((const __m128i *)(b + 16));                    \
			__m128i c0 = _mm_loadu_si128((const __m128i *)(b + 32));                    \
			__m128i hb = _mm_and_si128(_mm_srli_epi16(b0, 4), c0f);                     \
			__m128i hc = _mm_and_si128(_mm_srli_epi16(c0, 4), c0f);                     \
			/* bit 7 of the offset-0 lookups: '\n' (TB_NL) */                              \
			__m128i ta = _mm_and_si128(_mm_shuffle_epi8(l0, a0), _mm_shuffle_epi8(h0, ha)); \
			__m128i tb = _mm_and_si128(_mm_shuffle_epi8(l0, b0), _mm_shuffle_epi8(h0, hb)); \
			uint32_t e = (uint32_t)_mm_movemask_epi8(ta) | (uint32_t)_mm_movemask_epi8(tb) << 16; \
			__m128i ra = _mm_and_si128(ta, _mm_shuffle_epi8(l1, _mm_loadu_si128((const __m128i *)(b + 1)))); \
			__m128i rb = _mm_and_si128(tb, _mm_shuffle_epi8(l1, _mm_loadu_si128((const __m128i *)(b + 17)))); \
			ra = _mm_and_si128(ra, _mm_shuffle_epi8(l3, _mm_loadu_si128((const __m128i *)(b + 3)))); \
			rb = _mm_and_si128(rb, _mm_shuffle_epi8(l3, _mm_loadu_si128((const __m128i *)(b + 19)))); \
			ra = _mm_and_si128(ra, _mm_shuffle_epi8(h3, _mm_alignr_epi8(hb, ha, 3)));   \
			rb = _mm_and_si128(rb, _mm_shuffle_epi8(h3, _mm_alignr_epi8(hc, hb, 3)));   \
			if (__builtin_expect(ANYZ(_mm_or_si128(ra, rb)), 0)) {                       \
				uint32_t m = ~((uint32_t)_mm_movemask_epi8(_mm_cmpeq_epi8(ra, z)) |  \
					       (uint32_t)_mm_movemask_epi8(_mm_cmpeq_epi8(rb, z)) << 16); \
				for (; m; m &= m - 1) {                                             \
					unsigned j = (unsigned)__builtin_ctz(m);                    \
					if (needle_at(p, n, i + j, which)) {                        \
						*newlines += lines + (uint64_t)__builtin_popcount(e & ((1u << j) - 1)); \
						return i + j;                                       \
					}                                                           \
				}                                                                   \
			}                                                                           \
			lines += (uint64_t)__builtin_popcount(e);                                   \
			ha = hc;                                                                    \
		}                                                                                   \
	}                                                                                           \
	*newlines += lines;                                                                         \
	return i + TAIL(p + i, n - i, which, newlines);

#define ANYZ16V(x) (!_mm_testz_si128((x), (x)))

T16V_TARGET size_t needle_find_nl_t16v(const char *p, size_t n, size_t *which, uint64_t *newlines)
{
	T16X_BODY(t16v_body, ANYZ16V)
}

/* The AVX2 kernel's last 66 bytes or fewer: TEDDY_BODY, which reads no
 * byte past n. */
T32_TARGET static size_t t32_body(const char *p, size_t n, size_t *which, uint64_t *newlines)
{
	TEDDY_BODY(v32u, 32, SHUF32, ANY32, MASK32)
}

/* One 32-byte block of the AVX2 main loop: the candidate lanes (r) and the
 * offset-0 lookups (t0), whose bit 7 (TB_NL) marks the newlines. */
#define T32_BLOCK(b, t0, r)                                                                           \
	do {                                                                                          \
		__m256i v0_ = _mm256_loadu_si256((const __m256i *)(b));                               \
		__m256i v3_ = _mm256_loadu_si256((const __m256i *)((b) + 3));                         \
		t0 = _mm256_and_si256(_mm256_shuffle_epi8(l0, v0_),                                   \
				      _mm256_shuffle_epi8(h0, _mm256_and_si256(_mm256_srli_epi16(v0_, 4), c0f))); \
		r = _mm256_and_si256(t0, _mm256_shuffle_epi8(l1, _mm256_loadu_si256((const __m256i *)((b) + 1)))); \
		r = _mm256_and_si256(r, _mm256_and_si256(_mm256_shuffle_epi8(l3, v3_),                \
							 _mm256_shuffle_epi8(h3, _mm256_and_si256(_mm256_srli_epi16(v3_, 4), c0f)))); \
	} while (0)

/* The AVX2 Teddy: TEDDY_BODY's loop, two blocks a step with one test for
 * both (one branch per 64 bytes; with the newline lookup, on Zen 1 the
 * search over the bench log went from 45 to 38-39 ms). */
T32_TARGET size_t needle_find_nl_t32(const char *p, size_t n, size_t *which, uint64_t *newlines)
{
	const __m256i l0 = _mm256_broadcastsi128_si256(_mm_load_si128((const __m128i *)nib[0]));
	const __m256i h0 = _mm256_broadcastsi128_si256(_mm_load_si128((const __m128i *)nib[3]));
	const __m256i l1 = _mm256_broadcastsi128_si256(_mm_load_si128((const __m128i *)nib[1]));
	const __m256i l3 = _mm256_broadcastsi128_si256(_mm_load_si128((const __m128i *)nib[2]));
	const __m256i h3 = _mm256_broadcastsi128_si256(_mm_load_si128((const __m128i *)nib[4]));
	const __m256i c0f = _mm256_set1_epi8(15), z = _mm256_setzero_si256();
	uint64_t lines = 0;
	size_t i = 0;
	/* a step reads [i, i + 67) */
	for (; n >= 67 && n - i >= 67; i += 64) {
		__m256i ta, ra, tb, rb;
		T32_BLOCK(p + i, ta, ra);
		T32_BLOCK(p + i + 32, tb, rb);
		uint64_t nlm = (uint32_t)_mm256_movemask_epi8(ta) | (uint64_t)(uint32_t)_mm256_movemask_epi8(tb) << 32;
		__m256i any = _mm256_or_si256(ra, rb);
		if (__builtin_expect(!_mm256_testz_si256(any, any), 0)) {
			uint64_t m = ~((uint64_t)(uint32_t)_mm256_movemask_epi8(_mm256_cmpeq_epi8(ra, z)) |
				       (uint64_t)(uint32_t)_mm256_movemask_epi8(_mm256_cmpeq_epi8(rb, z)) << 32);
			for (; m; m &= m - 1) {
				unsigned j = (unsigned)__builtin_ctzll(m);
				if (needle_at(p, n, i + j, which)) {
					*newlines += lines + (uint64_t)__builtin_popcountll(nlm & ((1ull << j) - 1));
					return i + j;
				}
			}
		}
		lines += (uint64_t)__builtin_popcountll(nlm);
	}
	*newlines += lines;
	return i + t32_body(p + i, n - i, which, newlines);
}

/* ---- AVX-512 VBMI: 64 bytes, four table lookups --------------------------
 * The "Teddy" search of Hyperscan, with the byte-wide permute of VBMI: the
 * first four bytes of every needle, looked up by position in four 128-byte
 * tables whose bits are the needles (a byte ≥ 0x80 aliases its low seven
 * bits: a false candidate at worst, which needle_at rejects).  A lane where
 * the four lookups share a bit starts a candidate.  Four loads, four
 * permutes, one three-way AND and one test per 64 bytes, against the dozen
 * compares of the loop above: the idle scan runs at about the speed of a
 * read() of the same bytes (bench/explain).  The tail is read with masked
 * loads (no byte past n is touched), so short lines take the fast path too. */
static const unsigned char teddy[4][128] __attribute__((aligned(64))) = {
	{ ['o'] = TB_OOM | TB_OF, ['K'] = TB_KILL, ['k'] = TB_KILL, ['a'] = TB_ALLOC, ['M'] = TB_MEM, ['L'] = TB_LINUX,
	  ['C'] = TB_CMD },
	{ ['o'] = TB_OOM | TB_CMD, ['i'] = TB_KILL | TB_LINUX, ['f'] = TB_OF, ['l'] = TB_ALLOC, ['e'] = TB_MEM },
	{ ['m'] = TB_OOM | TB_MEM | TB_CMD, ['l'] = TB_KILL | TB_ALLOC, [' '] = TB_OF, ['n'] = TB_LINUX },
	{ ['-'] = TB_OOM | TB_MEM, ['_'] = TB_OOM, ['l'] = TB_KILL, ['m'] = TB_OF | TB_CMD, ['M'] = TB_OF, ['o'] = TB_ALLOC,
	  ['u'] = TB_LINUX },
};

#define V64_TARGET __attribute__((target("avx512f,avx512bw,avx512vbmi,bmi,bmi2,popcnt")))

/* 64 bytes at b, of which avail are readable (the rest read as 0) */
V64_TARGET static inline __m512i load64(const char *b, size_t avail)
{
	if (avail >= 64)
		return _mm512_loadu_si512((const void *)b);
	return _mm512_maskz_loadu_epi8(_bzhi_u64(~0ull, (unsigned)avail), b);
}

/* The search, counting the newlines before what it returns as it goes:
 * the idle scan's line numbers without a second pass over the bytes. */
V64_TARGET size_t needle_find_nl_v64(const char *p, size_t n, size_t *which, uint64_t *newlines)
{
	const __m512i t0a = _mm512_load_si512((const void *)teddy[0]), t0b = _mm512_load_si512((const void *)(teddy[0] + 64));
	const __m512i t1a = _mm512_load_si512((const void *)teddy[1]), t1b = _mm512_load_si512((const void *)(teddy[1] + 64));
	const __m512i t2a = _mm512_load_si512((const void *)teddy[2]), t2b = _mm512_load_si512((const void *)(teddy[2] + 64));
	const __m512i t3a = _mm512_load_si512((const void *)teddy[3]), t3b = _mm512_load_si512((const void *)(teddy[3] + 64));
	const __m512i cnl = _mm512_set1_epi8('\n');
	uint64_t lines = 0;
	for (size_t i = 0; i < n; i += 64) {
		const char *b = p + i;
		size_t avail = n - i;
		__m512i v0, v1, v2, v3;
		if (avail >= 64 + 3) {
			v0 = _mm512_loadu_si512((const void *)b);
			v1 = _mm512_loadu_si512((const void *)(b + 1));
			v2 = _mm512_loadu_si512((const void *)(b + 2));
			v3 = _mm512_loadu_si512((const void *)(b + 3));
		} else {
			v0 = load64(b, avail);
			v1 = load64(b + 1, avail > 1 ? avail - 1 : 0);
			v2 = load64(b + 2, avail > 2 ? avail - 2 : 0);
			v3 = load64(b + 3, avail > 3 ? avail - 3 : 0);
		}
		uint64_t nlm = _mm512_cmpeq_epi8_mask(v0, cnl);
		__m512i r0 = _mm512_permutex2var_epi8(t0a, v0, t0b);
		__m512i r1 = _mm512_permutex2var_epi8(t1a, v1, t1b);
		__m512i r2 = _mm512_permutex2var_epi8(t2a, v2, t2b);
		__m512i r3 = _mm512_permutex2var_epi8(t3a, v3, t3b);
		__m512i r = _mm512_ternarylogic_epi64(r0, r1, r2, 0x80);
		uint64_t m = _mm512_test_epi8_mask(r, r3);
		while (m) {
			unsigned j = (unsigned)__builtin_ctzll(m);
			if (needle_at(p, n, i + j, which)) {
				*newlines += lines + (uint64_t)__builtin_popcountll(_bzhi_u64(nlm, j));
				return i + j;
			}
			m &= m - 1;
		}
		lines += (uint64_t)__builtin_popcountll(nlm);
	}
	*newlines += lines;
	return n;
}

V64_TARGET size_t needle_find_v64(const char *p, size_t n, size_t *which)
{
	uint64_t unused = 0;
	return needle_find_nl_v64(p, n, which, &unused);
}

V64_TARGET uint64_t needle_count_newlines_v64(const char *p, size_t n)
{
	const __m512i nl = _mm512_set1_epi8('\n');
	uint64_t total = 0;
	for (size_t i = 0; i < n; i += 64)
		total += (uint64_t)__builtin_popcountll(_mm512_cmpeq_epi8_mask(load64(p + i, n - i), nl));
	return total;
}

bool needle_have_v64(void)
{
	static int have = -1;
	if (have < 0) {
		__builtin_cpu_init();
		have = __builtin_cpu_supports("avx512bw") && __builtin_cpu_supports("avx512vbmi") &&
		       __builtin_cpu_supports("bmi2") && simd_cap() >= 3 ? 1 : 0;
	}
	return have == 1;
}
#else
bool needle_have_avx2(void)
{
	return false;
}

bool needle_have_ssse3(void)
{
	return false;
}

bool needle_have_avx16(void)
{
	return false;
}

bool needle_have_v64(void)
{
	return false;
}
#endif

size_t needle_find(const char *p, size_t n, size_t *which)
{
#ifdef NEEDLE_HAVE_AVX2
	if (needle_have_v64() || needle_have_avx2() || needle_have_avx16() || needle_have_ssse3()) {
		uint64_t unused = 0;   /* counted in the same pass: free */
		return needle_find_nl(p, n, which, &unused);
	}
#endif
	return needle_find_v16(p, n, which);
}

size_t needle_find_nl(const char *p, size_t n, size_t *which, uint64_t *newlines)
{
#ifdef NEEDLE_HAVE_AVX2
	if (needle_have_v64())
		return needle_find_nl_v64(p, n, which, newlines);
	if (needle_have_avx2())
		return needle_find_nl_t32(p, n, which, newlines);
	if (needle_have_avx16())
		return needle_find_nl_t16v(p, n, which, newlines);
	if (needle_have_ssse3())
		return needle_find_nl_t16(p, n, which, newlines);
#endif
	/* plain SSE2 (no PSHUFB), NEON, other arches: search, then count */
	size_t r = needle_find_v16(p, n, which);
	*newlines += needle_count_newlines(p, r);
	return r;
}

uint64_t needle_count_newlines(const char *p, size_t n)
{
#ifdef NEEDLE_HAVE_AVX2
	if (needle_have_v64())
		return needle_count_newlines_v64(p, n);
	if (needle_have_avx2())
		return needle_count_newlines_v32(p, n);
#endif
	return needle_count_newlines_v16(p, n);
}



/* ---- scalar references ------------------------------------------------------ */

size_t needle_find_scalar(const char *p, size_t n, size_t *which)
{
	for (size_t i = 0; i < n; i++)
		for (size_t k = 0; k < NR_NEEDLES; k++)
			if (i + needles[k].len <= n && memcmp(p + i, needles[k].text, needles[k].len) == 0) {
				*which = k;
				return i;
			}
	return n;
}

uint64_t needle_count_newlines_scalar(const char *p, size_t n)
{
	uint64_t c = 0;
	for (size_t i = 0; i < n; i++)
		c += p[i] == '\n';
	return c;
}

/* Every kernel this CPU runs, called directly (whatever the dispatcher
 * picks), against the scalar reference: offset, needle, and the newlines
 * before the offset.  For the fuzz target (fuzz/fuzz_scan.c), so each path
 * sees the fuzzer's bytes on any machine.  Returns the mismatches. */
int needle_selfcheck(const char *p, size_t n)
{
	size_t w0 = 0, r0 = needle_find_scalar(p, n, &w0);
	uint64_t nl0 = needle_count_newlines_scalar(p, r0);
	int bad = 0;
	size_t w = 0, r = needle_find_v16(p, n, &w);
	bad += r != r0 || (r0 < n && w != w0);
	bad += needle_count_newlines_v16(p, n) != needle_count_newlines_scalar(p, n);
	uint64_t nl = 1;
	w = 0, r = needle_find_nl(p, n, &w, &nl);   /* the dispatcher's pick */
	bad += r != r0 || (r0 < n && w != w0) || nl != 1 + nl0;
#ifdef NEEDLE_HAVE_AVX2
	size_t (*const nl_kernels[])(const char *, size_t, size_t *, uint64_t *) = {
		needle_have_ssse3() ? needle_find_nl_t16 : NULL,
		needle_have_avx16() ? needle_find_nl_t16v : NULL,
		needle_have_avx2() ? needle_find_nl_t32 : NULL,
		needle_have_v64() ? needle_find_nl_v64 : NULL,
	};
	for (size_t k = 0; k < sizeof(nl_kernels) / sizeof(nl_kernels[0]); k++) {
		if (!nl_kernels[k])
			continue;
		nl = 1;
		w = 0, r = nl_kernels[k](p, n, &w, &nl);
		bad += r != r0 || (r0 < n && w != w0) || nl != 1 + nl0;
	}
	if (needle_have_avx2()) {
		w = 0, r = needle_find_v32(p, n, &w);
		bad += r != r0 || (r0 < n && w != w0);
	}
#endif
	return bad;
}

const char *needle_text(size_t which)
{
	return which < NR_NEEDLES ? needles[which].text : NULL;
}
