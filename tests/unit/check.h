/* check.h — the unit-test harness.  One test binary per module; each CHECK
 * counts, failures say where, and main() ends with a summary line that
 * tests/run.sh adds up:  "# passed=N failed=N skipped=N". */
#ifndef OOMKIT_CHECK_H
#define OOMKIT_CHECK_H

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int check_passed, check_failed, check_skipped;
static const char *check_current = "";

#define CHECK(cond) do { \
	if (cond) check_passed++; \
	else { check_failed++; \
		printf("FAIL %s (%s:%d): %s\n", check_current, __FILE__, __LINE__, #cond); } \
} while (0)

#define CHECK_INT(a, b) do { \
	long long check_a_ = (long long)(a), check_b_ = (long long)(b); \
	if (check_a_ == check_b_) check_passed++; \
	else { check_failed++; \
		printf("FAIL %s (%s:%d): %s == %lld, expected %s == %lld\n", check_current, \
		       __FILE__, __LINE__, #a, check_a_, #b, check_b_); } \
} while (0)

#define CHECK_STR(a, b) do { \
	const char *check_a_ = (a), *check_b_ = (b); \
	if (check_a_ && check_b_ && strcmp(check_a_, check_b_) == 0) check_passed++; \
	else { check_failed++; \
		printf("FAIL %s (%s:%d): %s == \"%s\", expected \"%s\"\n", check_current, \
		       __FILE__, __LINE__, #a, check_a_ ? check_a_ : "(null)", \
		       check_b_ ? check_b_ : "(null)"); } \
} while (0)

/* A test that cannot run here says so, with the reason; it is never counted as passed. */
#define SKIP(reason) do { check_skipped++; \
	printf("skip %s: %s\n", check_current, (reason)); } while (0)

#define TEST(name) static void name(void)
#define RUN(name) do { check_current = #name; name(); } while (0)

static inline int check_summary(void)
{
	printf("# passed=%d failed=%d skipped=%d\n", check_passed, check_failed, check_skipped);
	return check_failed ? 1 : 0;
}

/* Source directory of the tests, for fixtures: tests/run.sh exports it. */
static inline const char *check_srcdir(void)
{
	const char *d = getenv("OOMKIT_SRCDIR");
	return d && *d ? d : ".";
}

#endif
