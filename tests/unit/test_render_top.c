/* test_render_top.c — render/top.c on top's view of a captured tree
 * (tests/fixtures/host): the header's formula and domain, one row per
 * ranked task then the immune ones, the next-victim line, -n and the
 * width cut, colour only when asked, JSON that parses with the schema's
 * keys, and hostile process names escaped in text and JSON. */
#include "json_valid.h"
#include "live_views.h"

static const char hostile[] = "\x1b[31mev\nil\"\\";

TEST(text)
{
	struct top_view v;
	if (top_view_of(&v, "host", NULL) != 0) {
		SKIP("tests/fixtures/host unreadable");
		return;
	}
	struct style st;
	style_init(&st, false);
	struct capture c;
	render_top_text(capture_open(&c), &v, &st);
	char *t = captured(&c);
	CHECK(strstr(t, "Who the OOM killer picks next") != NULL);
	CHECK(strstr(t, "kernel 6.18.44-fc-v595") != NULL);
	CHECK(strstr(t, "OOM domain: the machine") != NULL);
	CHECK(strstr(t, "6171024 pages") != NULL);
	CHECK(strstr(t, "RANK") != NULL && strstr(t, "BADNESS") != NULL && strstr(t, "OOM_SCORE") != NULL);
	char *r1 = strstr(t, "    1169 bash"), *r2 = strstr(t, "    2548 bash"), *im = strstr(t, " immune ");
	CHECK(r1 && r2 && im && r1 < r2 && r2 < im);          /* ranked, then immune */
	CHECK(strstr(t, "Next victim: bash (1169), ahead of bash (2548) by 45 pages") != NULL);
	CHECK(strchr(t, '\x1b') == NULL);
	free(t);
	/* -n 1: one ranked row */
	v.n_show = 1;
	render_top_text(capture_open(&c), &v, &st);
	t = captured(&c);
	CHECK(strstr(t, "    1169 bash") != NULL);
	CHECK(strstr(t, "    2548 bash") == NULL);
	free(t);
	v.n_show = 0;
	/* colour when asked */
	style_init(&st, true);
	render_top_text(capture_open(&c), &v, &st);
	t = captured(&c);
	CHECK(strstr(t, "\x1b[") != NULL);
	free(t);
	/* rows only (the overview): the first n ranked, no header */
	style_init(&st, false);
	render_top_rows(capture_open(&c), &v, 1, &st);
	t = captured(&c);
	CHECK(strstr(t, "1169") != NULL);
	CHECK(strstr(t, "2548") == NULL);
	CHECK(strstr(t, "Who the OOM killer") == NULL);
	free(t);
	top_view_release(&v);
}

TEST(json)
{
	struct top_view v;
	if (top_view_of(&v, "host", NULL) != 0) {
		SKIP("tests/fixtures/host unreadable");
		return;
	}
	struct capture c;
	render_top_json(capture_open(&c), &v, true);
	char *j = captured(&c);
	CHECK(json_valid(j, c.len));
	static const char *const keys[] = {
		"\"version\": 1", "\"kernel\": \"6.18.44-fc-v595\"", "\"scope\"", "\"kind\": \"machine\"",
		"\"totalpages\": 6171024", "\"lead_pages\": 45", "\"ranked\": 2", "\"immune\": 1",
		"\"tasks\"", "\"rank\": 1", "\"pid\": 1169", "\"badness\": 1096", "\"oom_score\": 666",
		"\"rss_kb\": 4332",
	};
	for (size_t i = 0; i < sizeof(keys) / sizeof(keys[0]); i++)
		if (!strstr(j, keys[i])) {
			CHECK(!"key missing");
			printf("    missing %s\n", keys[i]);
		}
	free(j);
	render_top_json(capture_open(&c), &v, false);
	j = captured(&c);
	CHECK(json_valid(j, c.len));
	CHECK(strchr(j, '\n') == NULL || strchr(j, '\n') == j + c.len - 1);   /* compact: one line */
	free(j);
	top_view_release(&v);
}

TEST(hostile_names)
{
	struct top_view v;
	if (top_view_of(&v, "host", NULL) != 0) {
		SKIP("tests/fixtures/host unreadable");
		return;
	}
	struct oom_task *t = &v.s->tasks[v.order[0]];
	snprintf(t->comm, sizeof(t->comm), "%s", hostile);
	struct style st;
	style_init(&st, false);
	struct capture c;
	render_top_text(capture_open(&c), &v, &st);
	char *x = captured(&c);
	CHECK(strchr(x, '\x1b') == NULL);
	CHECK(strstr(x, "ev\nil") == NULL);
	free(x);
	render_top_json(capture_open(&c), &v, true);
	x = captured(&c);
	CHECK(json_valid(x, c.len));
	CHECK(strchr(x, '\x1b') == NULL);
	CHECK(strstr(x, "\\u001b[31mev\\nil\\\"\\\\") != NULL ||
	      strstr(x, "\\u001b[31mev\\u000ail\\\"\\\\") != NULL);
	free(x);
	top_view_release(&v);
}

int main(void)
{
	RUN(text);
	RUN(json);
	RUN(hostile_names);
	return check_summary();
}
