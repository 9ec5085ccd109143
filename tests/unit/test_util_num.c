/* test_util_num.c — src/util/num.c: strict decimal and hex parsing, the scanner. */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <unistd.h>

#include "check.h"
#include "util/util.h"

TEST(test_parse_u64)
{
	uint64_t v = 7;
	CHECK_INT(parse_u64("123", (size_t)-1, &v), 0);
	CHECK_INT(v, 123);
	v = 7;
	CHECK_INT(parse_u64("-1", (size_t)-1, &v), -EINVAL);
	CHECK_INT(parse_u64("", (size_t)-1, &v), -EINVAL);
	CHECK_INT(parse_u64("12abc", (size_t)-1, &v), -EINVAL);
	CHECK_INT(parse_u64(" 12", (size_t)-1, &v), -EINVAL);
	CHECK_INT(v, 7); /* untouched on failure */
	CHECK_INT(parse_u64("18446744073709551615", (size_t)-1, &v), 0);
	CHECK(v == UINT64_MAX);
	CHECK_INT(parse_u64("18446744073709551616", (size_t)-1, &v), -ERANGE);
	CHECK_INT(parse_u64("12345", 3, &v), 0);
	CHECK_INT(v, 123);
}

TEST(test_parse_i64)
{
	int64_t v = 0;
	CHECK_INT(parse_i64("-1000", (size_t)-1, &v), 0);
	CHECK_INT(v, -1000);
	CHECK_INT(parse_i64("+5", (size_t)-1, &v), -EINVAL);
	CHECK_INT(parse_i64("-", (size_t)-1, &v), -EINVAL);
	CHECK_INT(parse_i64("9223372036854775807", (size_t)-1, &v), 0);
	CHECK(v == INT64_MAX);
	CHECK_INT(parse_i64("-9223372036854775808", (size_t)-1, &v), 0);
	CHECK(v == INT64_MIN);
	CHECK_INT(parse_i64("9223372036854775808", (size_t)-1, &v), -ERANGE);
}

TEST(test_parse_hex)
{
	uint64_t v = 0;
	CHECK_INT(parse_hex_u64("0x140dca", (size_t)-1, &v), 0);
	CHECK_INT(v, 0x140dca);
	CHECK_INT(parse_hex_u64("d0", (size_t)-1, &v), 0);
	CHECK_INT(v, 0xd0);
	CHECK_INT(parse_hex_u64("0x", (size_t)-1, &v), -EINVAL);
	CHECK_INT(parse_hex_u64("0xg", (size_t)-1, &v), -EINVAL);
	CHECK_INT(parse_hex_u64("0x10000000000000000", (size_t)-1, &v), -ERANGE);
}

TEST(test_scan)
{
	const char *s = "4096kB rest";
	const char *p = s;
	uint64_t v;
	CHECK_INT(scan_u64(&p, s + strlen(s), &v), 0);
	CHECK_INT(v, 4096);
	CHECK(p == s + 4);
	p = s + 4;
	CHECK_INT(scan_u64(&p, s + strlen(s), &v), -EINVAL);
	CHECK_INT(sat_add(INT64_MAX, 1), INT64_MAX);
	CHECK_INT(sat_mul(INT64_MAX / 2, 4), INT64_MAX);
}

int main(void)
{
	RUN(test_parse_u64);
	RUN(test_parse_i64);
	RUN(test_parse_hex);
	RUN(test_scan);
	return check_summary();
}
