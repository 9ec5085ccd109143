/* test_render_status.c — render/status.c on status's view of captured
 * trees (tests/fixtures/): the text's sections and numbers, the short
 * form (worst findings first, at most max), JSON that parses with every
 * section of the schema and unknowns as null, hostile outside strings
 * escaped, and history_when's wording. */
#include <time.h>

#include "json_valid.h"
#include "live_views.h"

TEST(text_sections)
{
	struct status_data *d = status_of("oc-always-noswap");
	if (!d) {
		SKIP("tests/fixtures/oc-always-noswap unreadable");
		return;
	}
	struct style st;
	style_init(&st, false);
	struct capture c;
	render_status_text(capture_open(&c), &d->view, &st);
	char *t = captured(&c);
	CHECK(strstr(t, "oomkit status") != NULL);
	CHECK(strstr(t, "kernel 6.18.44-fc-v595") != NULL);
	const char *order[] = { "Findings", "Memory", "Overcommit", "Zones" };
	const char *prev = t;
	for (size_t i = 0; i < sizeof(order) / sizeof(order[0]); i++) {
		const char *at = strstr(t, order[i]);
		CHECK(at != NULL && at >= prev);                  /* each section, in this order */
		if (at)
			prev = at;
	}
	CHECK(strstr(t, "[critical] memory-low") != NULL);
	CHECK(strstr(t, "[critical] overcommit-always-no-swap") != NULL);
	CHECK(strstr(t, "mode 1 (always)") != NULL);
	CHECK(strstr(t, "total 16 GiB") != NULL);
	CHECK(strstr(t, "swap none") != NULL);
	CHECK(strchr(t, '\x1b') == NULL);
	free(t);
	style_init(&st, true);
	render_status_text(capture_open(&c), &d->view, &st);
	t = captured(&c);
	CHECK(strstr(t, "\x1b[") != NULL);
	free(t);
	status_done(d);
}

TEST(short_form)
{
	struct status_data *d = status_of("oc-always-noswap");
	if (!d) {
		SKIP("tests/fixtures/oc-always-noswap unreadable");
		return;
	}
	struct style st;
	style_init(&st, false);
	struct capture c;
	render_status_short(capture_open(&c), &d->view, 1, &st);
	char *t = captured(&c);
	int lines = 0;
	for (const char *p = t; (p = strstr(p, "critical")); p++)
		lines++;
	CHECK_INT(lines, 1);                                     /* at most max findings */
	CHECK(strstr(t, "Memory\n") == NULL);                    /* no sections */
	free(t);
	render_status_short(capture_open(&c), &d->view, 10, &st);
	t = captured(&c);
	CHECK(strstr(t, "memory-low") != NULL);
	CHECK(strstr(t, "overcommit-always-no-swap") != NULL);
	free(t);
	status_done(d);
}

TEST(json_schema)
{
	struct status_data *d = status_of("oc-always-noswap");
	if (!d) {
		SKIP("tests/fixtures/oc-always-noswap unreadable");
		return;
	}
	struct capture c;
	render_status_json(capture_open(&c), &d->view, true);
	char *j = captured(&c);
	CHECK(json_valid(j, c.len));
	static const char *const keys[] = {
		"\"version\": 1", "\"kernel\": \"6.18.44-fc-v595\"", "\"arch\": null", "\"page_size_kb\": 4",
		"\"memory\"", "\"total_kb\": 16777216", "\"available_kb\": 503316", "\"swap_total_kb\": 0",
		"\"zram_orig_kb\": null", "\"slab_caches\"", "\"overcommit\"", "\"committed_as_kb\"",
		"\"zones\"", "\"pressure\"", "\"settings\"", "\"history\"", "\"findings\"",
		"\"id\": \"memory-low\"", "\"severity\": \"critical\"", "\"evidence\"", "\"advice\"",
	};
	for (size_t i = 0; i < sizeof(keys) / sizeof(keys[0]); i++)
		if (!strstr(j, keys[i])) {
			CHECK(!"key missing");
			printf("    missing %s\n", keys[i]);
		}
	free(j);
	render_status_json(capture_open(&c), &d->view, false);
	j = captured(&c);
	CHECK(json_valid(j, c.len));
	free(j);
	status_done(d);
}

TEST(hostile_and_empty)
{
	struct status_data *d = status_of("oc-always-noswap");
	if (!d) {
		SKIP("tests/fixtures/oc-always-noswap unreadable");
		return;
	}
	/* an outside string in a finding (a process name quoted in a summary) */
	struct finding *x = &d->f.items[0];
	snprintf(x->summary, sizeof(x->summary), "name \x1b[2J\"\\\n end");
	d->view.root = "/tmp/\x1b]0;t\x07x";
	struct style st;
	style_init(&st, false);
	struct capture c;
	render_status_text(capture_open(&c), &d->view, &st);
	char *t = captured(&c);
	CHECK(strchr(t, '\x1b') == NULL);
	CHECK(strchr(t, '\x07') == NULL);
	free(t);
	render_status_json(capture_open(&c), &d->view, true);
	t = captured(&c);
	CHECK(json_valid(t, c.len));
	CHECK(strchr(t, '\x1b') == NULL);
	free(t);
	status_done(d);
}

TEST(when)
{
	struct oom_history h;
	memset(&h, 0, sizeof(h));
	char buf[160];
	CHECK(!history_when(&h, buf, sizeof(buf)));          /* nothing known */
	snprintf(h.last_time, sizeof(h.last_time), "11519.4");
	CHECK(history_when(&h, buf, sizeof(buf)));
	CHECK_STR(buf, "at 11519.4 s after boot (monotonic; boot time unknown)");
	snprintf(h.last_time, sizeof(h.last_time), "Sep 23 02:04:16");
	CHECK(history_when(&h, buf, sizeof(buf)));
	CHECK_STR(buf, "at Sep 23 02:04:16");                 /* the log's own stamp */
	h.last_wall_time = (int64_t)time(NULL) - 720;
	h.last_wall_basis = 1;                                /* WALL_LOG_DATE */
	CHECK(history_when(&h, buf, sizeof(buf)));
	CHECK(strstr(buf, "12 min ago") != NULL);             /* a wall time wins, said relative to now */
	h.last_wall_basis = 0;                                /* WALL_NONE: not a wall time */
	CHECK(history_when(&h, buf, sizeof(buf)));
	CHECK_STR(buf, "at Sep 23 02:04:16");
}

int main(void)
{
	RUN(text_sections);
	RUN(short_form);
	RUN(json_schema);
	RUN(hostile_and_empty);
	RUN(when);
	return check_summary();
}
