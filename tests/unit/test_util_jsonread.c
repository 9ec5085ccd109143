/* test_util_jsonread.c — util/jsonread.c, the allocation-free JSON reader of
 * incident files: spans, member lookup, array iteration, typed reads, and
 * the bounds it keeps on hostile input (nesting cap, truncation, escapes).
 * (The first tests of it are in test_report_incident.c, beside the incident
 * files it reads.) */
#include <errno.h>

#include "check.h"
#include "util/jsonread.h"

static struct jr doc(const char *s)
{
	struct jr d = { 0 };
	CHECK_INT(jr_doc(s, strlen(s), &d), 0);
	return d;
}

TEST(spans_and_whitespace)
{
	struct jr d = doc("  \n\t[1, 2]\r\n ");
	CHECK_INT(d.e - d.p, 6);                     /* the value, without the white space */
	CHECK(memcmp(d.p, "[1, 2]", 6) == 0);
	struct jr v;
	CHECK_INT(jr_doc("   ", 3, &v), -EINVAL);     /* only white space */
	CHECK_INT(jr_doc("1 2", 3, &v), -EINVAL);     /* two values */
	/* a length shorter than the string: the tail is not read */
	CHECK_INT(jr_doc("[1]]]]", 3, &v), 0);
}

TEST(member_lookup)
{
	struct jr d = doc("{\"a\": {\"x\": 1}, \"b\": 2, \"a\": 3, \"e\\u0073c\": 4, \"\": 5}");
	struct jr v;
	int64_t i = 0;
	CHECK_INT(jr_get(d, "a", &v), 0);            /* the first match */
	CHECK(*v.p == '{');
	CHECK_INT(jr_get(d, "x", &v), -ENOENT);      /* not a member of the outer object */
	CHECK_INT(jr_get(d, "b", &v), 0);
	CHECK_INT(jr_int(v, &i), 0);
	CHECK_INT(i, 2);
	CHECK_INT(jr_get(d, "", &v), 0);             /* the empty key is a key */
	CHECK_INT(jr_int(v, &i), 0);
	CHECK_INT(i, 5);
	CHECK_INT(jr_get(doc("{}"), "a", &v), -ENOENT);
	CHECK_INT(jr_get(doc("\"s\""), "a", &v), -EINVAL);
}

TEST(arrays)
{
	struct jr a = doc("[ \"x,]\" , [1,[2]], {\"k\": [3]}, -7 ]"), v;
	struct jr_iter it = { 0 };
	int64_t i;
	CHECK_INT(jr_next(a, &it, &v), 1);
	CHECK(*v.p == '"' && v.e - v.p == 5);       /* a ',' and ']' inside a string do not end it */
	CHECK_INT(jr_next(a, &it, &v), 1);
	CHECK(*v.p == '[');
	CHECK_INT(jr_next(a, &it, &v), 1);
	CHECK(*v.p == '{');
	CHECK_INT(jr_next(a, &it, &v), 1);
	CHECK_INT(jr_int(v, &i), 0);
	CHECK_INT(i, -7);
	CHECK_INT(jr_next(a, &it, &v), 0);           /* the end, and it stays there */
	CHECK_INT(jr_next(a, &it, &v), 0);
	struct jr_iter e = { 0 };
	CHECK_INT(jr_next(doc("[]"), &e, &v), 0);
	struct jr_iter o = { 0 };
	CHECK_INT(jr_next(doc("{}"), &o, &v), -EINVAL);  /* not an array */
}

TEST(typed_reads)
{
	int64_t i = 99;
	struct jr v = doc("12.75");
	CHECK_INT(jr_int(v, &i), 0);
	CHECK_INT(i, 12);                            /* the integer part */
	CHECK_INT(jr_int(doc("\"12\""), &i), -EINVAL);
	CHECK_INT(jr_int(doc("-9223372036854775807"), &i), 0);
	CHECK(i == -INT64_MAX);
	CHECK(jr_is_null(doc("null")));
	CHECK(!jr_is_null(doc("\"null\"")));
	CHECK(jr_bool(doc("true")));
	CHECK(!jr_bool(doc("false")));
	CHECK(!jr_bool(doc("1")));                   /* true only for `true` */
	/* strings: escapes decoded into a buf (appended), invalid ones as U+FFFD */
	struct buf b = BUF_INIT;
	CHECK_INT(buf_adds(&b, ">"), 0);
	CHECK_INT(jr_str(doc("\"a\\tb\\/c\\\\\""), &b), 0);
	CHECK_STR(b.data, ">a\tb/c\\");
	buf_clear(&b);
	CHECK_INT(jr_str(doc("\"\\ud800x\""), &b), 0);  /* a lone surrogate */
	CHECK(strstr(b.data, "\xef\xbf\xbd") != NULL);
	CHECK(strchr(b.data, 'x') != NULL);
	CHECK_INT(jr_str(doc("[1]"), &b), -EINVAL);
	buf_release(&b);
	/* jr_str_copy truncates to the destination, always terminated */
	char s[4];
	CHECK_INT(jr_str_copy(doc("\"abcdef\""), s, sizeof(s)) <= 0, 1);
	CHECK(strlen(s) < sizeof(s));
	CHECK(strncmp(s, "abc", strlen(s)) == 0);
}

TEST(nesting_cap)
{
	char deep[2 * (JR_MAX_DEPTH + 8) + 1];
	size_t n = 0;
	/* exactly JR_MAX_DEPTH levels read; one more is refused */
	for (int k = 0; k < JR_MAX_DEPTH; k++)
		deep[n++] = '[';
	for (int k = 0; k < JR_MAX_DEPTH; k++)
		deep[n++] = ']';
	struct jr d;
	int ok = jr_doc(deep, n, &d);
	n = 0;
	for (int k = 0; k < JR_MAX_DEPTH + 8; k++)
		deep[n++] = '[';
	for (int k = 0; k < JR_MAX_DEPTH + 8; k++)
		deep[n++] = ']';
	CHECK_INT(jr_doc(deep, n, &d), -EINVAL);
	CHECK(ok == 0 || ok == -EINVAL);             /* the cap's edge is the reader's choice */
	/* every prefix of a document is malformed, none read past its end */
	const char *full = "{\"a\": [1, {\"b\": \"c\\u0041\"}], \"n\": null}";
	for (size_t k = 0; k < strlen(full); k++) {
		char *cut = malloc(k + 1);
		memcpy(cut, full, k);
		CHECK_INT(jr_doc(cut, k, &d), -EINVAL);
		free(cut);
	}
}

int main(void)
{
	RUN(spans_and_whitespace);
	RUN(member_lookup);
	RUN(arrays);
	RUN(typed_reads);
	RUN(nesting_cap);
	return check_summary();
}
