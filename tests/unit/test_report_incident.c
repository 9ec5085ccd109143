/* test_report_incident.c — the JSON reader and the guard's incident files as an
 * explain source (fixtures written by a real `oomkit guard` run). */
#include <errno.h>
#include <fcntl.h>
#include <unistd.h>

#include "check.h"
#include "report/incident.h"
#include "report/report.h"
#include "util/jsonread.h"

TEST(test_jsonread_basics)
{
	const char *doc = " {\"a\": 1, \"s\": \"x\\n\\u00e9\\ud83d\\ude00\\\"\", \"arr\": [1, {\"b\": [2]}, \"]\"],"
			  " \"n\": null, \"t\": true, \"neg\": -42} ";
	struct jr d, v, x;
	CHECK_INT(jr_doc(doc, strlen(doc), &d), 0);
	int64_t i;
	CHECK_INT(jr_get(d, "a", &v), 0);
	CHECK_INT(jr_int(v, &i), 0);
	CHECK_INT(i, 1);
	CHECK_INT(jr_get(d, "neg", &v), 0);
	CHECK_INT(jr_int(v, &i), 0);
	CHECK_INT(i, -42);
	CHECK_INT(jr_get(d, "s", &v), 0);
	char s[64];
	CHECK_INT(jr_str_copy(v, s, sizeof(s)), 0);
	CHECK_STR(s, "x\n\xc3\xa9\xf0\x9f\x98\x80\"");
	CHECK_INT(jr_get(d, "missing", &v), -ENOENT);
	CHECK_INT(jr_get(d, "n", &v), 0);
	CHECK(jr_is_null(v));
	CHECK_INT(jr_get(d, "t", &v), 0);
	CHECK(jr_bool(v));
	CHECK_INT(jr_get(d, "arr", &v), 0);
	struct jr_iter it = { 0 };
	int n = 0;
	while (jr_next(v, &it, &x) == 1)
		n++;
	CHECK_INT(n, 3);
	/* the key lookup does not descend into nested objects */
	CHECK_INT(jr_get(d, "b", &v), -ENOENT);
}

TEST(test_jsonread_malformed)
{
	const char *bad[] = { "", "{", "{\"a\":}", "{\"a\" 1}", "[1,", "{\"a\":1}}", "\"abc", "{\"a\":[1}]",
			      "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]" };
	for (size_t k = 0; k < ARRAY_SIZE(bad); k++) {
		struct jr d;
		CHECK_INT(jr_doc(bad[k], strlen(bad[k]), &d), -EINVAL);
	}
	struct jr d, v;
	CHECK_INT(jr_doc("[1,2]", 5, &d), 0);
	CHECK_INT(jr_get(d, "a", &v), -EINVAL);   /* not an object */
	char s[8];
	CHECK_INT(jr_doc("{\"a\": 5}", 8, &d), 0);
	CHECK_INT(jr_get(d, "a", &v), 0);
	CHECK_INT(jr_str_copy(v, s, sizeof(s)), -EINVAL);
	CHECK_STR(s, "");
}

TEST(test_incident_guard_kill)
{
	size_t len;
	char *doc = slurp_src("tests/fixtures/incidents/guard-kill.json", &len);
	CHECK(doc != NULL);
	if (!doc)
		return;
	CHECK(incident_detect(doc, len));
	struct incident in;
	CHECK_INT(incident_parse(doc, len, &in), 0);
	CHECK_STR(in.kind, "guard-kill");
	CHECK_STR(in.signal, "SIGKILL");
	CHECK_STR(in.victim_comm, "hog");
	CHECK(known(in.victim_pid) && in.victim_pid > 0);
	CHECK_STR(in.scope_kind, "cgroup-v1");
	CHECK_INT(in.scope_limit_kib, 65536);
	CHECK(!in.have_kernel_report);
	CHECK(in.nr_causes >= 1);
	CHECK_STR(in.causes[0].id, "memcg-limit");
	struct buf b = BUF_INIT;
	CHECK_INT(incident_kernel_report(doc, len, &b), 0);
	buf_release(&b);
	free(doc);
}

static void count_event(struct oom_event *ev, void *ctx)
{
	if (ev->have_victim)
		*(int64_t *)ctx = ev->victim.pid;
}

TEST(test_incident_kernel_kill)
{
	size_t len;
	char *doc = slurp_src("tests/fixtures/incidents/kernel-oom-kill.json", &len);
	CHECK(doc != NULL);
	if (!doc)
		return;
	struct incident in;
	CHECK_INT(incident_parse(doc, len, &in), 0);
	CHECK(in.have_kernel_report);
	struct buf b = BUF_INIT;
	int n = incident_kernel_report(doc, len, &b);
	CHECK(n > 20);
	/* the report lines are /dev/kmsg records: the normal pipeline reads them */
	int p[2];
	CHECK_INT(pipe(p), 0);
	CHECK(write(p[1], b.data, b.len) == (ssize_t)b.len);
	close(p[1]);
	int64_t victim = OOM_NA;
	CHECK_INT(report_read_fd(p[0], "incident", count_event, NULL, &victim), 1);
	close(p[0]);
	CHECK_INT(victim, in.victim_pid);
	buf_release(&b);
	free(doc);
}

TEST(test_incident_not)
{
	const char *log = "[ 1.0] x invoked oom-killer: gfp_mask=0x0, order=0\n";
	CHECK(!incident_detect(log, strlen(log)));
	const char *other = "{\"schema\": 1, \"events\": []}";
	CHECK(!incident_detect(other, strlen(other)));
	struct incident in;
	CHECK_INT(incident_parse(other, strlen(other), &in), -EINVAL);
	const char *cut = "{\"schema\": \"oomkit-incident/1\", \"kind\": \"guard-kill\", \"decision\": {";
	CHECK(incident_detect(cut, strlen(cut)));
	CHECK_INT(incident_parse(cut, strlen(cut), &in), -EINVAL);
}

int main(void)
{
	RUN(test_jsonread_basics);
	RUN(test_jsonread_malformed);
	RUN(test_incident_guard_kill);
	RUN(test_incident_kernel_kill);
	RUN(test_incident_not);
	return check_summary();
}
