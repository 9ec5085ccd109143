/* pattern.h — POSIX extended regular expressions, matched in linear time
 * with no allocation.
 *
 * Why not libc's regcomp/regexec: the guard matches --prefer/--avoid
 * patterns while the machine is out of memory, and glibc's regexec builds
 * DFA states with malloc as it goes; its regcomp copies the subtree of
 * every '+' and {m,n} (posix/regcomp.c duplicate_tree), so a short pattern
 * can take seconds and gigabytes (the fuzzer found both).  Here a pattern
 * compiles into a bounded program (PAT_MAX_INST steps; a pattern needing
 * more is refused when it is written) in a pool the caller owns, and a
 * match is a Thompson NFA simulation: time O(len(subject) × steps), stack
 * only.
 *
 * The syntax is glibc's ERE (regcomp with REG_EXTENDED | REG_NOSUB, C
 * locale): literals, '.', bracket expressions with ranges and [:class:],
 * '^' '$' anywhere, '|', '(' ')', '*' '+' '?' '{m}' '{m,}' '{m,n}' '{,n}',
 * and glibc's escapes \w \W \s \S \b \B \< \> \` \'; any other escaped
 * character is itself.  Back-references (\1…\9) are refused: they make
 * matching exponential.  A search matches anywhere in the subject, as
 * regexec does.
 *
 * It lives in guard/ because the guard is its only user (config.c compiles
 * the patterns, policy.c matches them). */
#ifndef OOMKIT_PATTERN_H
#define OOMKIT_PATTERN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define PAT_MAX_INST 1024      /* steps of one compiled pattern */
#define PAT_MAX_REPEAT 1000    /* the largest count in {m,n} */
#define PAT_POOL_INST 4096     /* steps of all patterns of one pool */
#define PAT_POOL_CLASSES 128   /* bracket expressions of all patterns of one pool */

struct pat_inst {
	uint8_t op;
	uint8_t ch;       /* PAT_CHAR: the byte */
	uint16_t x, y;    /* SPLIT: both targets; JMP: x; CLASS: x = class in the pool */
};

/* The storage of compiled patterns.  Only the counters need initialising
 * (pat_pool_init), so a pool inside a larger zeroed structure costs no
 * memory until patterns are compiled into it. */
struct pat_pool {
	uint16_t ninst, nclass;
	struct pat_inst inst[PAT_POOL_INST];
	uint8_t cls[PAT_POOL_CLASSES][32];   /* 256-bit byte sets */
};

/* One compiled pattern: its program is pool->inst[start, start + len). */
struct pat {
	uint16_t start, len;
};

void pat_pool_init(struct pat_pool *pp);
/* Compiles src into the pool.  Returns 0, or -EINVAL with a message in err
 * (bad syntax, back-reference, too complex, pool full); the pool is left as
 * it was on failure. */
int pat_compile(struct pat_pool *pp, struct pat *out, const char *src, char *err, size_t errlen);
/* Does the pattern match anywhere in the NUL-terminated subject? */
bool pat_search(const struct pat_pool *pp, const struct pat *p, const char *subject);
/* Does the shell glob match the whole of s?  '*' (any run, '/' included),
 * '?', [set] with ranges and a leading '!' or '^', '\\' quotes the next
 * byte.  For the guard's cgroup: and unit: rules; no allocation, no
 * recursion (one backtrack point). */
bool pat_glob(const char *glob, const char *s);

#endif
