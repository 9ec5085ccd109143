/* pairs.h — the byte pairs of the report line being parsed (parse.c
 * report_parser_feed sets them): a quick "absent" for literal searches of
 * the parser and the line-kind table (linekind.c) on that line. */
#ifndef OOMKIT_PAIRS_H
#define OOMKIT_PAIRS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* The pairs of adjacent bytes of the line being fed (report_parser_feed
 * sets it over its copy of the line and clears it on return): p_find asks
 * dozens of literals of every line, most of them absent, and a literal
 * whose first, middle or last pair the line lacks is absent without a
 * search (bench/explain: the parser's share of explain's time).  Only a
 * range inside that copy is answered so; any other text is searched. */
struct p_pairs {
	const char *s, *e;
	uint64_t bits[4];
	/* line_kind_of's answer for [kind_s, kind_s + kind_n) of that copy:
	 * the parser asks it of the same line several times */
	const char *kind_s;
	size_t kind_n;
	int kind;
};
extern _Thread_local struct p_pairs p_cur_pairs;
#define P_PAIR(a, b) ((((unsigned)(unsigned char)(a) * 31u) + (unsigned char)(b)) & 255u)
void p_pairs_set(const char *s, const char *e);
void p_pairs_clear(void);
__attribute__((always_inline)) static inline bool p_pairs_lack(const char *s, const char *e, const char *lit, size_t n)
{
	const struct p_pairs *c = &p_cur_pairs;
	if (n < 2 || s < c->s || e > c->e)
		return false;
	unsigned h[3] = { P_PAIR(lit[0], lit[1]), P_PAIR(lit[n / 2 - 1], lit[n / 2]), P_PAIR(lit[n - 2], lit[n - 1]) };
	for (int i = 0; i < 3; i++)
		if (!(c->bits[h[i] >> 6] & (1ull << (h[i] & 63))))
			return true;
	return false;
}

#endif
