/* fuzz_pattern.c — guard/pattern.c, the matcher of the guard's --prefer and
 * --avoid patterns, on hostile bytes.  The first line is the pattern, each
 * further line a subject.  Compiling and matching must stay cheap whatever
 * the pattern (the point of not using libc's regex), and where the pattern
 * is small enough for glibc's regcomp to stay cheap too, the two must agree
 * on every subject: the syntax promised is glibc's ERE. */
#include <regex.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "guard/pattern.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* glibc copies the subtree of every '+' and {m,n}: keep to patterns where
 * that stays small, so a slow glibc is not taken for a slow oomkit. */
static int glibc_affordable(const char *re)
{
	int reps = 0, depth = 0, empties = 0;
	bool count = false, assertion_in_group = false;
	for (const char *p = re; *p; p++) {
		/* empty alternatives under a count: glibc's regcomp grows with
		 * their number to the power of the count ((|||||){9,} takes it
		 * over 10 s in re_node_set_merge; (||||){9,} 0.2 s, (|||){9,}
		 * 0.02 s) */
		if (*p == '|' && ((p > re && (p[-1] == '(' || p[-1] == '|')) || !p[1] || p[1] == ')' || p[1] == '|'))
			empties++;
		if (count && empties >= 4)
			return 0;
		depth += *p == '(' ? 1 : *p == ')' && depth > 0 ? -1 : 0;
		count = count || *p == '{';
		if (depth > 0 && (*p == '^' || *p == '$' || (*p == '\\' && p[1] && strchr("<>bB`'", p[1]))))
			assertion_in_group = true;
		/* glibc 2.36 gets a count of two or more wrong on a group that
		 * holds an assertion: (^|b){2}c matches "zbc" there (its copies
		 * of ^ after the first match anywhere), where POSIX, oomkit and
		 * glibc's own (^|b)(^|b)c say no.  CI's timed run found it with
		 * (^|bc){2,3}[[:digit:]]\b on "bcabc1 x". */
		if (count && assertion_in_group)
			return 0;
		if (*p == '+' || *p == '{' || (*p == '\\' && p[1] >= '1' && p[1] <= '9'))
			reps++;
		if (*p >= '0' && *p <= '9' && p[1] >= '0' && p[1] <= '9')
			return 0;      /* counts of 10 and more: (a|b|){473}{473} overflows its stack */
		if (p[1] && strchr("*+?}", *p) && strchr("*+?{", p[1]))
			return 0;      /* stacked repeats: \<()****{9}p takes glibc's regcomp 14 s+
					* (calc_eclosure_iter recursing on the empty group) */
	}
	return strlen(re) <= 24 && reps <= 2;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct pat_pool pool;
	static char text[8193];
	if (size > 8192)
		return 0;
	memcpy(text, data, size);
	text[size] = '\0';
	for (size_t i = 0; i < size; i++)      /* NUL ends a C string; keep lines apart */
		if (text[i] == '\0')
			text[i] = '\n';
	char *nl = strchr(text, '\n');
	char *subjects = nl ? nl + 1 : text + size;
	if (nl)
		*nl = '\0';
	pat_pool_init(&pool);
	struct pat p;
	char err[256];
	int orc = pat_compile(&pool, &p, text, err, sizeof(err));
	regex_t r;
	int grc = -1;
	if (glibc_affordable(text))
		grc = regcomp(&r, text, REG_EXTENDED | REG_NOSUB);
	for (char *s = subjects;;) {
		char *e = strchr(s, '\n');
		if (e)
			*e = '\0';
		/* The first line is also a shell glob (guard cgroup:/unit: rules):
		 * it must end, whatever the bytes. */
		(void)pat_glob(text, s);
		if (orc == 0) {
			int o = pat_search(&pool, &p, s);
			if (grc == 0 && o != (regexec(&r, s, 0, NULL, 0) == 0)) {
				fprintf(stderr, "pattern '%s' on '%s': oomkit %d, glibc %d\n", text, s, o, !o);
				abort();
			}
		}
		if (!e)
			break;
		s = e + 1;
	}
	if (grc == 0)
		regfree(&r);
	return 0;
}
