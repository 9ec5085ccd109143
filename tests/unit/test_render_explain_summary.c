/* test_render_explain_summary.c — render/explain_summary.c, explain
 * --summary: one line per event (kernel report or guard incident), the
 * totals per victim and per cause (capped, the rest counted as other), the
 * JSON form that parses, and hostile names escaped. */
#include <time.h>

#include "diag_events.h"
#include "render/style.h"
#include "report/incident.h"

static const char hostile[] = "\x1b[31mev\nil\"";

TEST(totals)
{
	struct explain_summary s;
	memset(&s, 0, sizeof(s));
	struct oom_event ev;
	global_base(&ev);
	run(&ev);
	for (int i = 0; i < 3; i++)
		summary_add(&s, &ev, &F);
	snprintf(ev.victim.comm, sizeof(ev.victim.comm), "postgres");
	summary_add(&s, &ev, &F);
	CHECK_INT(s.n, 4);
	CHECK_INT(s.nr_victims, 2);
	CHECK_STR(s.victims[0].name, "java");
	CHECK_INT(s.victims[0].n, 3);
	CHECK_INT(s.nr_causes, 1);
	CHECK_STR(s.causes[0].name, "genuine-exhaustion-no-swap");
	CHECK_INT(s.causes[0].n, 4);
	/* more names than the table holds: counted as other */
	for (int i = 0; i < SUMMARY_MAX_NAMES + 5; i++) {
		snprintf(ev.victim.comm, sizeof(ev.victim.comm), "p%d", i);
		summary_add(&s, &ev, &F);
	}
	CHECK_INT(s.nr_victims, SUMMARY_MAX_NAMES);
	CHECK(s.other_victims >= 5);
	struct style st;
	style_init(&st, false);
	char *out = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&out, &len);
	render_summary_text_totals(f, &s, &st);
	fclose(f);
	CHECK(strstr(out, "OOM event(s)") != NULL);
	CHECK(strstr(out, "java 3") != NULL);
	CHECK(strstr(out, "genuine-exhaustion-no-swap") != NULL);
	free(out);
	event_release(&ev);
}

TEST(lines_text_and_json)
{
	struct oom_event ev;
	global_base(&ev);
	snprintf(ev.victim.comm, sizeof(ev.victim.comm), "%s", hostile);
	run(&ev);
	struct style st;
	style_init(&st, false);
	char *out = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&out, &len);
	render_summary_text_header(f, &st);
	render_summary_text_line(f, &ev, &F, time(NULL), &st);
	fclose(f);
	CHECK(strstr(out, "VICTIM") != NULL && strstr(out, "CAUSE") != NULL);
	CHECK(strstr(out, "(1234)") != NULL);
	CHECK(strstr(out, "genuine-exhaustion-no-swap") != NULL);
	CHECK(strchr(out, '\x1b') == NULL);
	CHECK(strstr(out, "ev\nil") == NULL);
	free(out);

	struct explain_summary s;
	memset(&s, 0, sizeof(s));
	summary_add(&s, &ev, &F);
	f = open_memstream(&out, &len);
	struct json j;
	json_init(&j, f, true);
	json_obj_begin(&j, NULL);
	json_int(&j, "schema", 1);
	json_arr_begin(&j, "summary");
	render_summary_json_event(&j, &ev, &F);
	json_arr_end(&j);
	render_summary_json_totals(&j, &s);
	json_obj_end(&j);
	json_end(&j);
	fclose(f);
	CHECK(json_valid(out, len));
	CHECK(strstr(out, "genuine-exhaustion-no-swap") != NULL);
	CHECK(strchr(out, '\x1b') == NULL);
	free(out);
	event_release(&ev);
}

TEST(incidents)
{
	size_t n;
	char *doc = slurp_src("tests/fixtures/incidents/guard-kill.json", &n);
	if (!doc) {
		SKIP("tests/fixtures/incidents/guard-kill.json missing");
		return;
	}
	static struct incident in;
	CHECK_INT(incident_parse(doc, n, &in), 0);
	struct explain_summary s;
	memset(&s, 0, sizeof(s));
	summary_add_incident(&s, &in);
	CHECK_INT(s.n, 1);
	CHECK_STR(s.victims[0].name, "hog");
	CHECK_STR(s.causes[0].name, "memcg-limit");
	char *out = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&out, &len);
	render_summary_text_incident(f, &in, time(NULL));
	fclose(f);
	CHECK(strstr(out, "guard-kill") != NULL);
	CHECK(strstr(out, "hog (32370)") != NULL);
	CHECK(strstr(out, "memcg-limit") != NULL);
	free(out);
	f = open_memstream(&out, &len);
	struct json j;
	json_init(&j, f, false);
	json_arr_begin(&j, NULL);
	render_summary_json_incident(&j, &in, "guard-kill.json");
	json_arr_end(&j);
	json_end(&j);
	fclose(f);
	CHECK(json_valid(out, len));
	CHECK(strstr(out, "guard-kill.json") != NULL);
	free(out);
	free(doc);
}

int main(void)
{
	RUN(totals);
	RUN(lines_text_and_json);
	RUN(incidents);
	return check_summary();
}
