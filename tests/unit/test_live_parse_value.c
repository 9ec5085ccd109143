/* test_live_parse_value.c — src/live/parse_value.c: one-number files, number lists, mode words. */
#include <fcntl.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "check.h"
#include "live/live.h"

TEST(test_value_i64)
{
	int64_t x = 0;
	CHECK_INT(live_parse_value_i64("-1000\n", 6, &x), 0);
	CHECK_INT(x, -1000);
	CHECK_INT(live_parse_value_i64("12 kB\n", 6, &x), -EINVAL);
}

TEST(test_value_list_and_bracketed)
{
	/* sysctl lists, mode words */
	int64_t list[8];
	int nl = 0;
	CHECK_INT(live_parse_value_list("256\t256\t32\t0\n", 14, list, 8, &nl), 0);
	CHECK_INT(nl, 4);
	CHECK_INT(list[2], 32);
	CHECK_INT(live_parse_value_list("x", 1, list, 8, &nl), -EINVAL);
	char word[16];
	CHECK_INT(live_parse_bracketed("always [madvise] never\n", 23, word, sizeof(word)), 0);
	CHECK_STR(word, "madvise");
	CHECK_INT(live_parse_bracketed("never\n", 6, word, sizeof(word)), -EINVAL);
}

int main(void)
{
	RUN(test_value_i64);
	RUN(test_value_list_and_bracketed);
	return check_summary();
}
