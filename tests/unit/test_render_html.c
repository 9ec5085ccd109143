/* test_render_html.c — render/html.c, the HTML report's parts: the HTML
 * escaper on hostile names, and golden tests of the SVG geometry (stacked
 * bar, line chart): every bar's length is its number on the drawing's
 * scale, so a wrong scale fails here.  (recorder_timeline reads a guard
 * incident's timeline, report/incident.c, that the HTML page draws.)
 * One whole explained event: test_render_html_explain.c. */
#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check.h"
#include "svg_read.h"
#include "diagnose/analysis.h"
#include "diagnose/diagnose.h"
#include "render/html.h"
#include "report/incident.h"
#include "report/report.h"

static char *esc(const char *s)
{
	struct buf b = BUF_INIT;
	escape_html_buf(&b, s, strlen(s));
	char *r = strdup(b.data ? b.data : "");
	buf_release(&b);
	return r;
}

TEST(escape_hostile)
{
	char *r = esc("<script>alert(1)</script>");
	CHECK_STR(r, "&lt;script&gt;alert(1)&lt;/script&gt;");
	free(r);
	r = esc("\"><img src=x onerror=alert('x')>");
	CHECK_STR(r, "&quot;&gt;&lt;img src=x onerror=alert(&#39;x&#39;)&gt;");
	free(r);
	/* a terminal escape and a bell show as text, never as bytes */
	r = esc("\033[31mred\007 & co");
	CHECK_STR(r, "\\x1b[31mred\\x07 &amp; co");
	free(r);
	/* invalid UTF-8 and C1 controls as text; valid UTF-8 kept */
	r = esc("caf\xc3\xa9 \xff \xc2\x9b");
	CHECK_STR(r, "caf\xc3\xa9 \\xff \\xc2\\x9b");
	free(r);
}

struct bar_arg { const struct html_seg *s; int n; int64_t whole; };

static void bar_fn(FILE *f, void *arg)
{
	struct bar_arg *b = arg;
	html_stacked_bar(f, "t", "test", b->s, b->n, b->whole);
}

TEST(bar_geometry)
{
	/* 1 GiB, 3 GiB, unknown, 4 GiB free of 8 GiB: 120, 360, -, 480 units */
	struct html_seg s[] = {
		{ "anon", "anonymous", 1 << 20 }, { "file", "page cache", 3 << 20 },
		{ "slabu", "slab", OOM_NA }, { "free", "free", 4 << 20 },
	};
	struct bar_arg a = { s, 4, 8 << 20 };
	char *out = render(bar_fn, &a);
	CHECK(out != NULL);
	if (!out)
		return;
	const double want_x[] = { 1, 121, 481 }, want_w[] = { 120, 360, 480 };
	const char *p = out;
	int k = 0;
	while ((p = strstr(p, "<rect class=\"seg ")) != NULL) {
		if (k < 3) {
			CHECK(fabs(attr_d(p, "x") - want_x[k]) < 0.006);
			CHECK(fabs(attr_d(p, "width") - want_w[k]) < 0.006);
		}
		k++;
		p++;
	}
	CHECK_INT(k, 3);   /* the unknown segment is not drawn */
	CHECK(strstr(out, "data-whole-kib=\"8388608\"") != NULL);
	CHECK(strstr(out, "unknown") != NULL);   /* but listed */
	free(out);
	/* the segments exceed the total (racy counters): the bar is their sum */
	struct html_seg t[] = { { "anon", "a", 600 }, { "free", "f", 600 } };
	struct bar_arg b = { t, 2, 1000 };
	out = render(bar_fn, &b);
	if (out) {
		const char *q = strstr(out, "<rect class=\"seg free\"");
		CHECK(q && fabs(attr_d(q, "width") - 480) < 0.006);
		CHECK(strstr(out, "data-whole-kib=\"1200\"") != NULL);
	}
	free(out);
	CHECK(html_bar_width(OOM_NA, 10, 960) == 0);
	CHECK(html_bar_width(5, 0, 960) == 0);
	CHECK(fabs(html_bar_width(1, 3, 960) - 320) < 1e-9);
}

/* ---- the line chart ------------------------------------------------------------- */

static void chart_fn(FILE *f, void *arg)
{
	(void)arg;
	const double x[] = { -4, -3, -2, -1 }, y[] = { 80, 60, NAN, 20 };
	struct html_series s = { "<b>hog</b>", "avail", 4, x, y };
	struct html_hline h = { "kill below 10", 10, "kill" };
	struct html_vline v = { "kill", 0 };
	html_line_chart(f, "t", "MiB", &s, 1, &h, 1, &v, 1);
}

TEST(line_chart)
{
	char *out = render(chart_fn, NULL);
	CHECK(out != NULL);
	if (!out)
		return;
	/* x −4..0 over 680 units from 80 (170 a second); y 0..100 (80 × 1.05
	 * rounded up to the 20 grid) over 230 units, top at 14 (2.3 a MiB):
	 * (−4, 80) → (80, 60), (−3, 60) → (250, 106), (−1, 20) → (590, 198);
	 * the gap at NaN splits the line; the kill at 0 → 760 */
	CHECK(strstr(out, "points=\"80.0,60.0 250.0,106.0\"") != NULL);
	CHECK(strstr(out, "points=\"590.0,198.0\"") != NULL);
	CHECK(strstr(out, "<line class=\"vl\" x1=\"760.0\"") != NULL);
	CHECK(strstr(out, "&lt;b&gt;hog&lt;/b&gt;") != NULL);
	CHECK(strstr(out, "e-1") == NULL);   /* no float-drift tick labels */
	free(out);
}

TEST(recorder_timeline)
{
	size_t n;
	char *doc = slurp_src("tests/fixtures/incidents/guard-kill.json", &n);
	if (!doc) {
		SKIP("fixture guard-kill.json not found");
		return;
	}
	struct incident_timeline *tl = malloc(sizeof(*tl));
	CHECK(tl && incident_timeline(doc, n, tl) == 0);
	if (tl) {
		CHECK_INT(tl->n, 3);
		CHECK_INT(tl->kill_threshold_kib, 3276);
		CHECK_INT(tl->term_threshold_kib, 6553);
		CHECK_INT(tl->samples[2].scope_available_kib, 20000);
		CHECK_INT(tl->samples[0].nr_tasks, 5);
		CHECK_STR(tl->samples[0].tasks[0].comm, "cc1");
		CHECK(incident_timeline("{", 1, tl) == -EINVAL);
	}
	free(tl);
	free(doc);
}

int main(void)
{
	RUN(escape_hostile);
	RUN(bar_geometry);
	RUN(line_chart);
	RUN(recorder_timeline);
	return check_summary();
}
