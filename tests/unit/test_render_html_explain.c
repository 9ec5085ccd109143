/* test_render_html_explain.c — render/html_explain.c, one explained event
 * as HTML on a real report (tests/corpus S03): hostile names escaped, and
 * golden geometry — the RAM bar's whole and segments, each zone's free bar
 * on its scale, the requested order in the buddy heat map, the victim first
 * in the task table — and the row it hands the summary table. */
#include <fcntl.h>
#include <unistd.h>

#include "check.h"
#include "diagnose/analysis.h"
#include "diagnose/diagnose.h"
#include "model/kernel.h"
#include "render/html.h"
#include "report/report.h"
#include "svg_read.h"

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

/* An event set up by setup, analysed, diagnosed and rendered: its
 * Constraint section says `said` (not "Global"), its cause is `cause`. */
static void constraint_not_told(void (*setup)(struct oom_event *), const char *said, const char *cause)
{
	struct oom_event *ev = calloc(1, sizeof(*ev));
	struct event_analysis *a = calloc(1, sizeof(*a));
	struct findings *fs = calloc(1, sizeof(*fs));
	if (!ev || !a || !fs)
		goto out;
	event_init(ev);
	ev->kind = OOM_KIND_GLOBAL;
	setup(ev);
	event_analyse(ev, a);
	findings_init(fs);
	diagnose_event_analysed(ev, a, fs);
	struct ev_arg e = { ev, a, fs, { 0 } };
	char *out = render(ev_fn, &e);
	CHECK(out && strstr(out, said) != NULL);
	CHECK(out && strstr(out, "Global: the whole machine") == NULL);
	CHECK_STR(e.row.cause, cause);
	free(out);
	event_release(ev);
out:
	free(ev);
	free(a);
	free(fs);
}

static void header_alone(struct oom_event *ev)
{
	ev->kv = kver_make(5, 15, 0);
	ev->kv.known = true;
	ev->req.gfp_known = true;
	ev->req.gfp_mask = 0xcc0;
	snprintf(ev->req.gfp_text, sizeof(ev->req.gfp_text), "0xcc0(GFP_KERNEL)");
	ev->req.order = 0;
	snprintf(ev->req.trigger_comm, sizeof(ev->req.trigger_comm), "cockroach");
}

static void bare_kill(struct oom_event *ev)
{
	ev->have_victim = true;
	ev->victim.pid = 812;
	snprintf(ev->victim.comm, sizeof(ev->victim.comm), "app");
	ev->victim.anon_rss_kib = 4000000;
}

/* A header alone with a cgroup charge's GFP_KERNEL mask: the constraint
 * is said not told, not "Global" (diagnose/event_analysis.c
 * header_charge_mask). */
TEST(header_alone_constraint_not_told)
{
	constraint_not_told(header_alone,
			    "Not in the report: the header alone does not tell the whole machine from a memory cgroup",
			    "memcg-limit");
}

/* A bare kill line alone: the constraint is said not told, taken as the
 * whole machine's (diagnose/event_analysis.c kill_bare_alone). */
TEST(bare_kill_constraint_not_told)
{
	constraint_not_told(bare_kill,
			    "Not in the report: a bare kill line does not tell the whole machine from a memory cgroup",
			    "genuine-exhaustion-no-swap");
}

/* The summary table: none, one (no table), several (rows, links, totals
 * per victim name with the first event), hostile names escaped. */
static struct html_event_row *sum_rows;
static int sum_n;
static void summary_fn(FILE *f, void *arg)
{
	(void)arg;
	html_explain_summary(f, sum_rows, sum_n);
}

TEST(summary_table)
{
	struct html_event_row rows[3];
	memset(rows, 0, sizeof(rows));
	for (int i = 0; i < 3; i++) {
		rows[i].index = i + 1;
		rows[i].victim_pid = 100 + i;
		snprintf(rows[i].kind, sizeof(rows[i].kind), "global");
		snprintf(rows[i].cause, sizeof(rows[i].cause), "genuine-exhaustion-no-swap");
	}
	snprintf(rows[0].victim, sizeof(rows[0].victim), "java");
	snprintf(rows[1].victim, sizeof(rows[1].victim), "<b>x</b>");
	snprintf(rows[2].victim, sizeof(rows[2].victim), "java");
	rows[2].incident = true;
	sum_rows = rows;
	sum_n = 0;
	char *out = render(summary_fn, NULL);
	CHECK(out && strstr(out, "No OOM event was found") != NULL);
	free(out);
	sum_n = 1;
	out = render(summary_fn, NULL);
	CHECK(out && strstr(out, "<table") == NULL);
	free(out);
	sum_n = 3;
	out = render(summary_fn, NULL);
	CHECK(out != NULL);
	if (!out)
		return;
	CHECK(strstr(out, "<h2>3 events</h2>") != NULL);
	CHECK(strstr(out, "<a href=\"#event-2\">2</a>") != NULL);
	CHECK(strstr(out, "<b>x</b>") == NULL);
	CHECK(strstr(out, "&lt;b&gt;x&lt;/b&gt; (pid 101)") != NULL);
	CHECK(strstr(out, "guard: global") != NULL);                 /* the incident's row */
	const char *tot = strstr(out, "Totals per victim name");
	CHECK(tot && strstr(tot, "java</td><td class=\"n\">2</td><td><a href=\"#event-1\">event 1</a>") != NULL);
	free(out);
}

int main(void)
{
	RUN(event_golden);
	RUN(summary_table);
	RUN(header_alone_constraint_not_told);
	RUN(bare_kill_constraint_not_told);
	return check_summary();
}
