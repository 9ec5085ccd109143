/* test_util.c — strict parsing, escaping and the JSON writer. */
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

TEST(test_json_writer)
{
	char *mem = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&mem, &len);
	struct json j;
	json_init(&j, f, false);
	json_obj_begin(&j, NULL);
	json_int(&j, "schema", 1);
	json_int(&j, "na", OOM_NA);
	json_str(&j, "s", "a\"b");
	json_arr_begin(&j, "xs");
	json_int(&j, NULL, 1);
	json_obj_begin(&j, NULL);
	json_bool(&j, "t", true);
	json_obj_end(&j);
	json_arr_end(&j);
	json_arr_begin(&j, "empty");
	json_arr_end(&j);
	json_obj_end(&j);
	fclose(f);
	CHECK_STR(mem, "{\"schema\":1,\"na\":null,\"s\":\"a\\\"b\",\"xs\":[1,{\"t\":true}],\"empty\":[]}");
	free(mem);
}

TEST(test_fmt_kib)
{
	char b[32];
	CHECK_STR(fmt_kib(b, sizeof(b), 512 * 1024), "512 MiB");
	CHECK_STR(fmt_kib(b, sizeof(b), 640), "640 KiB");
	CHECK_STR(fmt_kib(b, sizeof(b), 2202009), "2.10 GiB");
	CHECK_STR(fmt_kib(b, sizeof(b), OOM_NA), "?");
}

TEST(test_buf)
{
	struct buf b = BUF_INIT;
	for (int i = 0; i < 1000; i++)
		buf_printf(&b, "%d,", i);
	CHECK(b.len > 3000);
	CHECK(str_starts(b.data, "0,1,2,"));
	buf_release(&b);
	CHECK(mem_find("hello world", 11, "o w") != NULL);
	CHECK(mem_find("hello world", 5, "world") == NULL);
}

/* mem_find's short-haystack loop against memmem, on random text over a
 * small alphabet (many partial matches), both sides of its length switch. */
TEST(test_mem_find_matches_memmem)
{
	static char hay[3000];
	unsigned r = 12345;
	int bad = 0;
	for (int round = 0; round < 20000; round++) {
		size_t len = (round % 50 == 0) ? 1000 + (r % 2000) : r % 64;
		for (size_t i = 0; i < len; i++) {
			r = r * 1103515245 + 12345;
			hay[i] = "ab a\n"[(r >> 16) % 5];
		}
		char nd[8];
		r = r * 1103515245 + 12345;
		size_t n = 1 + (r >> 16) % 6;
		for (size_t i = 0; i < n; i++) {
			r = r * 1103515245 + 12345;
			nd[i] = "ab a"[(r >> 16) % 4];
		}
		nd[n] = '\0';
		if (mem_find(hay, len, nd) != memmem(hay, len, nd, n))
			bad++;
	}
	CHECK_INT(bad, 0);
	const char *abc = "abc";
	CHECK(mem_find(abc, 3, "") == abc);
	CHECK(mem_find("ab", 2, "abc") == NULL);
	CHECK(mem_find("xxab", 4, "ab") != NULL);
}

/* The small-file readers: a read loop, and a single read for /proc files. */
TEST(test_read_small_file)
{
	char path[] = "/tmp/oomkit-test-small-XXXXXX";
	int fd = mkstemp(path);
	CHECK(fd >= 0);
	if (fd < 0)
		return;
	CHECK_INT(write(fd, "MemTotal: 1 kB\n", 15), 15);
	close(fd);
	char b[64], tiny[5];
	CHECK_INT(read_small_file_at(AT_FDCWD, path, b, sizeof(b)), 15);
	CHECK_STR(b, "MemTotal: 1 kB\n");
	CHECK_INT(read_small_file_once_at(AT_FDCWD, path, b, sizeof(b)), 15);
	CHECK_STR(b, "MemTotal: 1 kB\n");
	CHECK_INT(read_small_file_once_at(AT_FDCWD, path, tiny, sizeof(tiny)), 4);
	CHECK_STR(tiny, "MemT");
	CHECK_INT(read_small_file_once_at(AT_FDCWD, path, tiny, 0), -EINVAL);
	unlink(path);
	CHECK_INT(read_small_file_once_at(AT_FDCWD, path, b, sizeof(b)), -ENOENT);
}

int main(void)
{
	RUN(test_mem_find_matches_memmem);
	RUN(test_read_small_file);
	RUN(test_parse_u64);
	RUN(test_parse_i64);
	RUN(test_parse_hex);
	RUN(test_scan);
	RUN(test_escape_term);
	RUN(test_escape_term_to);
	RUN(test_escape_json);
	RUN(test_json_writer);
	RUN(test_fmt_kib);
	RUN(test_buf);
	return check_summary();
}
