/* needle.c — the idle scanner's search for OOM markers at memory speed
 * (report/scan.c skips everything between reports with it): the vector
 * kernels, built for 16-byte vectors (SSE2, NEON, or plain code) and again
 * for AVX2 on x86-64, picked at run time; and a scalar reference the
 * differential test (tests/unit/test_needle.c) holds every kernel to. */
#include <string.h>

#include "report/needle.h"

/* Needles for the idle prefilter, found 16 bytes at a time by three bytes
 * each (first, middle, last: pairs like "al" or "of" alone would fire on
 * every other word).  Each hit is then checked in O(1) for its marker
 * context (needle_hit_ok), so "room", "zoom" or a daemon's "Killed" cost
 * next to nothing.  Every text report_has_marker() accepts contains a
 * needle, also when a mail client wrapped the line inside the marker
 * phrase ("invoked\noom-killer", "Killed\nprocess", "page\nallocation"). */
struct needle {
	const char *text;
	size_t len;
	unsigned char off[3];   /* the three bytes the vector loop compares */
};
static const struct needle needles[] = {
	{ "oom", 3, { 0, 1, 2 } },          /* oom-killer, oom-kill:, oom_reaper */
	{ "Kill", 4, { 0, 1, 3 } },         /* Kill process, Killed process */
	{ "of memory", 9, { 0, 3, 8 } },    /* Out of memory, Memory cgroup out of memory */
	{ "of Memory", 9, { 0, 3, 8 } },    /* 2.6.18: "Out of Memory: Kill process" */
	{ "allocation", 10, { 0, 4, 9 } },  /* page allocation failure / stalls */
	{ "Mem-", 4, { 0, 1, 3 } },         /* Mem-Info: a report whose first lines are cut */
};
#define NR_NEEDLES (sizeof(needles) / sizeof(needles[0]))
_Static_assert(NR_NEEDLES == NEEDLE_COUNT, "needle.h names every needle");


/* ---- vector kernels ----------------------------------------------------
 * The two loops every input byte goes through while the parser is idle:
 * the needle search and the newline count.  Written with the GCC/Clang
 * vector extension (SSE2 on x86-64, NEON on arm64, plain code elsewhere),
 * and built a second time for AVX2 on x86-64, chosen at run time. */

static bool needle_at(const char *p, size_t n, size_t i, size_t *which)
{
	char c = p[i];
	if (c != 'o' && c != 'K' && c != 'a' && c != 'M')  /* the needles' first bytes */
		return false;
	for (size_t k = 0; k < NR_NEEDLES; k++) {
		if (c != needles[k].text[0])
			continue;
		size_t l = needles[k].len;
		if (i + l <= n && memcmp(p + i, needles[k].text, l) == 0) {
			*which = k;
			return true;
		}
	}
	return false;
}

/* First needle in [p, p+n): its offset, or n.  VT is a W-byte vector of
 * unsigned char. */
#define FIND_NEEDLE_BODY(VT, W)                                                            \
	size_t i = 0;                                                                      \
	if (n >= (W) + NEEDLE_SPAN) {                                                      \
		VT co, cm, cK, ci, cl, cM, cy, ca, cc, cn, ce, cd;                         \
		for (int j = 0; j < (W); j++) {                                            \
			co[j] = 'o', cm[j] = 'm', cK[j] = 'K', ci[j] = 'i', cl[j] = 'l';   \
			cM[j] = 'M', cy[j] = 'y', ca[j] = 'a', cc[j] = 'c', cn[j] = 'n';   \
			ce[j] = 'e', cd[j] = '-';                                          \
		}                                                                          \
		for (; i + (W) + NEEDLE_SPAN <= n; i += (W)) {                             \
			const char *b = p + i;                                             \
			VT o0, o1, o2, o3, o4, o8, o9;                                     \
			memcpy(&o0, b, (W));                                               \
			memcpy(&o1, b + 1, (W));                                           \
			memcpy(&o2, b + 2, (W));                                           \
			memcpy(&o3, b + 3, (W));                                           \
			memcpy(&o4, b + 4, (W));                                           \
			memcpy(&o8, b + 8, (W));                                           \
			memcpy(&o9, b + 9, (W));                                           \
			VT eo = (VT)(o0 == co);                                            \
			VT m = eo & (VT)(o1 == co) & (VT)(o2 == cm);                       \
			m |= (VT)(o0 == cK) & (VT)(o1 == ci) & (VT)(o3 == cl);             \
			m |= eo & ((VT)(o3 == cm) | (VT)(o3 == cM)) & (VT)(o8 == cy);      \
			m |= (VT)(o0 == ca) & (VT)(o4 == cc) & (VT)(o9 == cn);             \
			m |= (VT)(o0 == cM) & (VT)(o1 == ce) & (VT)(o3 == cd);             \
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

bool needle_have_avx2(void)
{
	static int have = -1;
	if (have < 0) {
		__builtin_cpu_init();
		have = __builtin_cpu_supports("avx2") ? 1 : 0;
	}
	return have == 1;
}
#else
bool needle_have_avx2(void)
{
	return false;
}
#endif

size_t needle_find(const char *p, size_t n, size_t *which)
{
#ifdef NEEDLE_HAVE_AVX2
	if (needle_have_avx2())
		return needle_find_v32(p, n, which);
#endif
	return needle_find_v16(p, n, which);
}

uint64_t needle_count_newlines(const char *p, size_t n)
{
#ifdef NEEDLE_HAVE_AVX2
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

const char *needle_text(size_t which)
{
	return which < NR_NEEDLES ? needles[which].text : NULL;
}
