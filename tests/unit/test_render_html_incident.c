/* test_render_html_incident.c — render/html_incident.c: a guard incident
 * as an HTML section (tests/fixtures/incidents): the decision, the
 * diagnosis the guard wrote, the recorder's timeline drawn as a line chart
 * with its thresholds, the row it hands the summary table, and every
 * outside string (comm, command line, cgroup path) escaped. */
#include "check.h"
#include "render/html.h"
#include "report/incident.h"
#include "svg_read.h"

struct arg { struct incident *in; struct incident_timeline *tl; struct html_event_row row; };

static void incident_fn(FILE *f, void *p)
{
	struct arg *a = p;
	html_incident(f, a->in, a->tl, "guard-kill.json", 2, &a->row);
}

static void timeline_fn(FILE *f, void *p)
{
	struct arg *a = p;
	html_incident_timeline(f, a->tl);
}

TEST(guard_kill)
{
	size_t n;
	char *doc = slurp_src("tests/fixtures/incidents/guard-kill.json", &n);
	if (!doc) {
		SKIP("tests/fixtures/incidents/guard-kill.json missing");
		return;
	}
	static struct incident in;
	struct incident_timeline *tl = malloc(sizeof(*tl));
	CHECK_INT(incident_parse(doc, n, &in), 0);
	CHECK(tl && incident_timeline(doc, n, tl) == 0);
	snprintf(in.victim_cmdline, sizeof(in.victim_cmdline), "sh -c '<img src=x>'");
	snprintf(in.victim_comm, sizeof(in.victim_comm), "<b>hog</b>");
	struct arg a = { &in, tl, { 0 } };
	char *out = render(incident_fn, &a);
	CHECK(out != NULL);
	if (out) {
		CHECK(strstr(out, "<img") == NULL && strstr(out, "<b>hog") == NULL);
		CHECK(strstr(out, "&lt;img src=x&gt;") != NULL);
		CHECK(strstr(out, "&lt;b&gt;hog&lt;/b&gt;") != NULL);
		CHECK(strstr(out, "SIGKILL") != NULL);
		CHECK(strstr(out, "memcg-limit") != NULL);            /* the guard's diagnosis */
		CHECK(strstr(out, "<svg") != NULL);                   /* the timeline drawn */
		CHECK(strstr(out, "id=\"event-2\"") != NULL);         /* the summary's link target */
		CHECK_INT(a.row.index, 2);
		CHECK(a.row.incident);
		CHECK_STR(a.row.victim, "<b>hog</b>");                /* raw in the row: escaped where drawn */
		CHECK_INT(a.row.victim_pid, 32370);
		CHECK(a.row.cause[0] != '\0');
		free(out);
	}
	/* the timeline alone: a chart with a line per threshold */
	out = render(timeline_fn, &a);
	CHECK(out && strstr(out, "<svg") != NULL);
	free(out);
	/* no recorder snapshots: no chart, still a section */
	tl->n = 0;
	out = render(incident_fn, &a);
	CHECK(out && strstr(out, "id=\"event-2\"") != NULL);
	free(out);
	a.tl = NULL;
	out = render(incident_fn, &a);
	CHECK(out && strstr(out, "<svg") == NULL);
	free(out);
	free(tl);
	free(doc);
}

int main(void)
{
	RUN(guard_kill);
	return check_summary();
}
