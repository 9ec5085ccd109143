/* test_render_html.c — the HTML report (issue 12): the HTML escaper on
 * hostile names, and golden tests of the SVG geometry: every bar's length is
 * its number on the drawing's scale, so a wrong scale fails here. */
#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check.h"
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

/* ---- the SVG, read back ------------------------------------------------------- */

/* The value of attribute name in the tag starting at p (before its '>'). */
static bool attr(const char *p, const char *name, char *out, size_t n)
{
	const char *end = strchr(p, '>');
	char pat[48];
	snprintf(pat, sizeof(pat), " %s=\"", name);
	const char *a = strstr(p, pat);
	if (!a || !end || a > end)
		return false;
	a += strlen(pat);
	const char *q = strchr(a, '"');
	if (!q || (size_t)(q - a) >= n)
		return false;
	memcpy(out, a, (size_t)(q - a));
	out[q - a] = '\0';
	return true;
}

static double attr_d(const char *p, const char *name)
{
	char b[64];
	return attr(p, name, b, sizeof(b)) ? strtod(b, NULL) : NAN;
}

static char *render(void (*fn)(FILE *, void *), void *arg)
{
	char *s = NULL;
	size_t n = 0;
	FILE *f = open_memstream(&s, &n);
	if (!f)
		return NULL;
	fn(f, arg);
	fclose(f);
	return s;
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

/* ---- one real report, golden geometry ---------------------------------------- */

struct one { struct oom_event ev; bool got; };

static void on_event(struct oom_event *ev, void *ctx)
{
	struct one *o = ctx;
	if (o->got)
		return;
	o->ev = *ev;
	/* the task table is the parser's: keep a copy */
	o->ev.snap.tasks = malloc(ev->snap.nr_tasks * sizeof(*ev->snap.tasks) + 1);
	if (o->ev.snap.tasks)
		memcpy(o->ev.snap.tasks, ev->snap.tasks, ev->snap.nr_tasks * sizeof(*ev->snap.tasks));
	o->ev.snap.cap_tasks = ev->snap.nr_tasks;
	o->got = true;
}

struct ev_arg { struct oom_event *ev; struct event_analysis *a; struct findings *fs; struct html_event_row row; };

static void ev_fn(FILE *f, void *arg)
{
	struct ev_arg *e = arg;
	html_explain_event(f, e->ev, e->a, e->fs, 1, false, &e->row);
}

TEST(event_golden)
{
	char path[4096];
	snprintf(path, sizeof(path), "%s/tests/corpus/S03-oomanalyser-arch-6.1.1-doxygen-swapfull.log", check_srcdir());
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0) {
		SKIP("corpus report S03 not found (OOMKIT_SRCDIR)");
		return;
	}
	struct one *o = calloc(1, sizeof(*o));
	struct event_analysis *a = calloc(1, sizeof(*a));
	struct findings *fs = calloc(1, sizeof(*fs));
	CHECK(report_read_fd(fd, "S03", on_event, NULL, o) == 1);
	close(fd);
	CHECK(o->got);
	if (!o->got || !o->ev.snap.tasks)
		goto out;
	/* a hostile name in the task table and as the victim */
	str_copy(o->ev.victim.comm, sizeof(o->ev.victim.comm), "<script>x</script>", 18);
	for (size_t i = 0; i < o->ev.snap.nr_tasks; i++)
		if (o->ev.snap.tasks[i].pid == o->ev.victim.pid)
			str_copy(o->ev.snap.tasks[i].comm, OOM_COMM_LEN, "<script>x</script>", 18);
	event_analyse(&o->ev, a);
	findings_init(fs);
	diagnose_event_analysed(&o->ev, a, fs);
	struct ev_arg e = { &o->ev, a, fs, { 0 } };
	char *out = render(ev_fn, &e);
	CHECK(out != NULL);
	if (!out)
		goto out;
	CHECK(strstr(out, "<script") == NULL);
	CHECK(strstr(out, "&lt;script&gt;x&lt;/script&gt;") != NULL);
	CHECK_STR(e.row.victim, "<script>x</script>");
	CHECK_STR(e.row.cause, fs->items[0].id);

	/* RAM bar: the whole is the report's RAM; each segment's width is its
	 * KiB on the 960-unit bar; they follow one another */
	const char *bar = strstr(out, "<figure id=\"mem-1\">");
	CHECK(bar != NULL);
	if (bar) {
		char wb[32];
		CHECK(attr(strstr(bar, "<svg"), "data-whole-kib", wb, sizeof(wb)));
		int64_t whole = strtoll(wb, NULL, 10);
		CHECK_INT(whole, a->mem.total_kib);
		/* golden numbers of this report: totalram 16073272 KiB */
		CHECK_INT(whole, 16073272);
		const char *end = strstr(bar, "</svg>");
		const char *p = bar;
		double x = 1, sum = 0;
		int n = 0;
		while ((p = strstr(p, "<rect class=\"seg ")) != NULL && p < end) {
			char kb[32];
			CHECK(attr(p, "data-kib", kb, sizeof(kb)));
			double w = attr_d(p, "width"), kib = strtod(kb, NULL);
			CHECK(fabs(w - kib * HTML_BAR_W / (double)whole) < 0.006);
			CHECK(fabs(attr_d(p, "x") - x) < 0.02);
			x += w;
			sum += w;
			n++;
			p++;
		}
		CHECK(n >= 8);
		CHECK(sum <= HTML_BAR_W + 0.05);
		/* anon without shmem: (active_anon 1413442 + inactive_anon 1509191
		 * − shmem 19540) pages × 4 KiB = 11612372 KiB → × 960 / 16073272 */
		const char *an = strstr(bar, "<rect class=\"seg anon\"");
		CHECK(an && strstr(an, "data-kib=\"11612372\"") && fabs(attr_d(an, "width") - 693.57) < 0.006);
	}
	/* zones: each free bar is free × 640 / the zone's scale */
	const char *z = out;
	int nz = 0;
	while ((z = strstr(z, "<g class=\"zone\"")) != NULL) {
		char sb[32];
		CHECK(attr(z, "data-scale-kib", sb, sizeof(sb)));
		double scale = strtod(sb, NULL);
		const char *r = strstr(z, "<rect class=\"zf ");
		char kb[32];
		CHECK(r && attr(r, "data-kib", kb, sizeof(kb)));
		if (r)
			CHECK(fabs(attr_d(r, "width") - strtod(kb, NULL) * 640 / scale) < 0.006);
		nz++;
		z++;
	}
	CHECK_INT(nz, o->ev.snap.nr_zones);
	/* the requested order (0) is marked in the heat map */
	const char *req = strstr(out, "<rect class=\"reqcol\"");
	CHECK(req && fabs(attr_d(req, "x") - 151.5) < 0.01);
	CHECK(strstr(out, "requested order 0") != NULL);
	/* the tasks ranked: the victim first, marked */
	const char *tb = strstr(out, "<table class=\"tasks\">");
	CHECK(tb && strstr(tb, "<tr class=\"victim\"><td class=\"n\">1</td>") != NULL);
	free(out);
out:
	if (o->got)
		free(o->ev.snap.tasks);
	free(o);
	free(a);
	free(fs);
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
	RUN(event_golden);
	RUN(line_chart);
	RUN(recorder_timeline);
	return check_summary();
}
