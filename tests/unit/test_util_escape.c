/* test_util_escape.c — src/util/escape.c: the terminal and JSON escapers. */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <unistd.h>

#include "check.h"
#include "util/util.h"

/* The fixed-buffer terminal escaper: the same escapes as escape_term_buf,
 * backslashes kept on request, and a full buffer cut before an escape or
 * a character, never inside one. */
TEST(test_escape_term_to)
{
	char d[64];
	static const char in[] = "a\x1b[31mb\\c\x7f\xc2\x9b\xff\xc3\xa9";
	struct buf b = BUF_INIT;
	escape_term_buf(&b, in, sizeof(in) - 1);
	CHECK_INT(escape_term_to(d, sizeof(d), in, sizeof(in) - 1, false), b.len);
	CHECK_STR(d, b.data);
	CHECK_STR(d, "a\\x1b[31mb\\\\c\\x7f\\xc2\\x9b\\xff\xc3\xa9");
	buf_release(&b);
	escape_term_to(d, sizeof(d), "re '\\1'\n", 8, true);
	CHECK_STR(d, "re '\\1'\\x0a");
	/* Cut: "ab" fits in 3, the escape of \x1b does not; é is not split. */
	CHECK_INT(escape_term_to(d, 3, "ab\x1b", 3, false), 2);
	CHECK_STR(d, "ab");
	CHECK_INT(escape_term_to(d, 6, "ab\x1b", 3, false), 2);   /* 6 + NUL needs 7 */
	CHECK_INT(escape_term_to(d, 7, "ab\x1b", 3, false), 6);
	CHECK_INT(escape_term_to(d, 3, "a\xc3\xa9", 3, false), 1);
	CHECK_STR(d, "a");
	CHECK_INT(escape_term_to(d, 1, "abc", 3, false), 0);
	CHECK_STR(d, "");
	CHECK_INT(escape_term_to(d, 0, "abc", 3, false), 0);
}

TEST(test_escape_term)
{
	struct buf b = BUF_INIT;
	escape_term_buf(&b, "a\033[31mb\nc\\d\xff\xc3\xa9", 14);
	CHECK_STR(b.data, "a\\x1b[31mb\\x0ac\\\\d\\xff\xc3\xa9");
	buf_clear(&b);
	/* C1 control U+009B (CSI) encoded in UTF-8 must not reach a terminal. */
	escape_term_buf(&b, "x\xc2\x9by", 4);
	CHECK_STR(b.data, "x\\xc2\\x9by");
	buf_release(&b);
}

TEST(test_escape_json)
{
	struct buf b = BUF_INIT;
	escape_json_buf(&b, "q\"\\\n\x01\xff\xc3\xa9", 8);
	CHECK_STR(b.data, "q\\\"\\\\\\u000a\\u0001\\ufffd\xc3\xa9");
	buf_release(&b);
}

int main(void)
{
	RUN(test_escape_term_to);
	RUN(test_escape_term);
	RUN(test_escape_json);
	return check_summary();
}
