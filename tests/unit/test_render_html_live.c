/* test_render_html_live.c — render/html_live.c, status --html and
 * top --html on captured trees: one self-contained page (doctype, CSP that
 * forbids scripts and outside fetches, no <script>), the sections, the
 * ranked tasks in order, and hostile outside strings escaped. */
#include "live_views.h"
#include "render/html.h"

static void page_checks(const char *out)
{
	CHECK(strncmp(out, "<!DOCTYPE html>", 15) == 0);
	CHECK(strstr(out, "Content-Security-Policy\" content=\"default-src 'none'") != NULL);
	CHECK(strstr(out, "<script") == NULL);
	CHECK(strstr(out, "http://") == NULL && strstr(out, "https://") == NULL);   /* nothing fetched */
	const char *end = strstr(out, "</html>");
	CHECK(end != NULL && strspn(end + 7, "\n") == strlen(end + 7));             /* one page, closed */
}

TEST(status_page)
{
	struct status_data *d = status_of("oc-always-noswap");
	if (!d) {
		SKIP("tests/fixtures/oc-always-noswap unreadable");
		return;
	}
	struct finding *x = &d->f.items[0];
	snprintf(x->summary, sizeof(x->summary), "<img src=x onerror=alert(1)>");
	struct capture c;
	render_status_html(capture_open(&c), &d->view);
	char *out = captured(&c);
	page_checks(out);
	const char *order[] = { "<h2>Findings", "<h2>Memory", "<h2>Overcommit", "<h2>Zones" };
	const char *prev = out;
	for (size_t i = 0; i < sizeof(order) / sizeof(order[0]); i++) {
		const char *at = strstr(out, order[i]);
		CHECK(at != NULL && at > prev);
		if (at)
			prev = at;
	}
	CHECK(strstr(out, "memory-low") != NULL);
	CHECK(strstr(out, "<img") == NULL);
	CHECK(strstr(out, "&lt;img src=x onerror=alert(1)&gt;") != NULL);
	free(out);
	status_done(d);
}

TEST(top_page)
{
	struct top_view v;
	if (top_view_of(&v, "host", NULL) != 0) {
		SKIP("tests/fixtures/host unreadable");
		return;
	}
	snprintf(v.s->tasks[v.order[1]].comm, sizeof(v.s->tasks[0].comm), "</td><script>");
	struct capture c;
	render_top_html(capture_open(&c), &v);
	char *out = captured(&c);
	page_checks(out);
	CHECK(strstr(out, "<h1>Who the OOM killer picks next</h1>") != NULL);
	const char *a = strstr(out, ">1169<"), *b = strstr(out, ">2548<");
	CHECK(a && b && a < b);                                 /* ranked order */
	CHECK(strstr(out, "&lt;/td&gt;&lt;script&gt;") != NULL);
	free(out);
	top_view_release(&v);
}

int main(void)
{
	RUN(status_page);
	RUN(top_page);
	return check_summary();
}
