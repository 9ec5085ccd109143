/* test_live_text.c — src/live/text.c: the line and key helpers every
 * live/parse_*.c builds on (key tables, "key value" lines, "123 kB"). */
#include <errno.h>
#include <stddef.h>
#include <string.h>

#include "check.h"
#include "live/live.h"
#include "live/text.h"

struct two { int64_t a, ab; };

TEST(key_table_exact_match)
{
	static const struct text_key keys[] = {
		TEXT_KEY("a", struct two, a), TEXT_KEY("ab", struct two, ab),
	};
	CHECK(text_key_find(keys, 2, "ab", 2) == &keys[1]);
	CHECK(text_key_find(keys, 2, "a", 1) == &keys[0]);
	CHECK(text_key_find(keys, 2, "abc", 3) == NULL);   /* a prefix is not a match */
	CHECK(text_key_find(keys, 2, "b", 1) == NULL);
	CHECK(text_key_find(keys, 2, "", 0) == NULL);
	struct two t = { 0, 0 };
	text_key_set(&t, &keys[1], 42);
	CHECK_INT(t.ab, 42);
	CHECK_INT(t.a, 0);
}

TEST(kv_lines)
{
	const char *txt = "MemTotal:  123 kB\nnoseparator\nSwapFree: 7 kB";
	struct text_lines it;
	text_lines_init(&it, txt, strlen(txt));
	const char *k, *v;
	size_t kl, vl;
	int64_t x;
	CHECK(text_kv_next(&it, ':', &k, &kl, &v, &vl));
	CHECK(kl == 8 && !memcmp(k, "MemTotal", 8));
	CHECK_INT(text_first_i64(v, vl, &x), 0);
	CHECK_INT(x, 123);
	CHECK(text_kv_next(&it, ':', &k, &kl, &v, &vl));   /* the line without ':' is skipped */
	CHECK(kl == 8 && !memcmp(k, "SwapFree", 8));
	CHECK(!text_kv_next(&it, ':', &k, &kl, &v, &vl));
	CHECK(text_first_i64(" 12 MB", 6, &x) < 0);
}

/* The tables of parse_memcg.c: memory.events keys, and v1's total_*
 * (hierarchical) winning over the plain key in either order. */
TEST(memcg_tables)
{
	struct oom_memcg m;
	memcg_init(&m);
	const char *ev = "low 0\nhigh 3\nmax 4\noom 1\noom_kill 2\noom_group_kill 0\n";
	CHECK_INT(live_parse_memcg_events(ev, strlen(ev), &m), 0);
	CHECK_INT(m.high_events, 3);
	CHECK_INT(m.max_events, 4);
	CHECK_INT(m.oom_events, 1);
	CHECK_INT(m.oom_kill_count, 2);
	const char *st = "total_rss 2048\nrss 1024\ncache 4096\n";
	CHECK_INT(live_parse_memcg_stat(st, strlen(st), 1, &m), 0);
	CHECK_INT(m.anon_kib, 2);
	CHECK_INT(m.file_kib, 4);
	CHECK(live_parse_memcg_events("nothing here\n", 13, &m) == -EINVAL);
}

int main(void)
{
	RUN(key_table_exact_match);
	RUN(kv_lines);
	RUN(memcg_tables);
	return check_summary();
}
