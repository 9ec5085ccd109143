/* test_cmd_explain.c — cmd/explain.c, `oomkit explain` as main() runs it:
 * a report file explained (text and --json), --summary over a report and
 * a guard incident, a file with no OOM in it, a missing file, and usage
 * errors; its exit status says what it found (0 none, 1 reports, 2 error).  The installed binary on live logs, compressed files and
 * standard input: tests/e2e/explain_cli.sh, explain_live.sh. */
#include "cmd/cmd.h"
#include "json_valid.h"
#include "run_cmd.h"

static char era[1024], incident[1024];

TEST(one_report)
{
	const char *a[] = { "explain", "--color=never", era, NULL };
	struct cmd_run r = run_cmd(cmd_explain, a);
	CHECK_INT(r.status, 1);                                    /* a report found */
	CHECK(strstr(r.out, "python3") != NULL);
	CHECK(strstr(r.out, "memcg") != NULL);
	CHECK(strchr(r.out, '\x1b') == NULL);
	cmd_run_free(&r);
	const char *j[] = { "explain", "--json", era, NULL };
	r = run_cmd(cmd_explain, j);
	CHECK_INT(r.status, 1);
	CHECK(json_valid(r.out, strlen(r.out)));
	CHECK(strstr(r.out, "\"kernel\": \"5.10.0-28-amd64\"") != NULL);
	CHECK(strstr(r.out, "\"causes\"") != NULL);
	cmd_run_free(&r);
}

TEST(summary_with_incident)
{
	const char *a[] = { "explain", "--summary", "--color=never", incident, era, NULL };
	struct cmd_run r = run_cmd(cmd_explain, a);
	CHECK_INT(r.status, 1);
	CHECK(strstr(r.out, "2 OOM event(s)") != NULL);
	CHECK(strstr(r.out, "guard-kill") != NULL);
	CHECK(strstr(r.out, "by cause: memcg-limit 2") != NULL);
	cmd_run_free(&r);
}

TEST(nothing_and_missing)
{
	char empty[] = "/tmp/oomkit-test-explain.XXXXXX";
	int fd = mkstemp(empty);
	CHECK(fd >= 0 && write(fd, "just a log line\n", 16) == 16);
	close(fd);
	const char *a[] = { "explain", empty, NULL };
	struct cmd_run r = run_cmd(cmd_explain, a);
	CHECK_INT(r.status, 0);                                    /* nothing found */
	CHECK(strstr(r.out, "No OOM event found") != NULL);        /* and says so */
	cmd_run_free(&r);
	unlink(empty);
	const char *m[] = { "explain", "/nonexistent/oomkit/kern.log", NULL };
	r = run_cmd(cmd_explain, m);
	CHECK_INT(r.status, 2);
	CHECK(strstr(r.err, "/nonexistent/oomkit/kern.log") != NULL);
	cmd_run_free(&r);
}

TEST(usage_errors)
{
	const char *a[] = { "explain", "--no-such-option", era, NULL };
	struct cmd_run r = run_cmd(cmd_explain, a);
	CHECK_INT(r.status, 2);
	CHECK(strstr(r.err, "--no-such-option") != NULL);
	cmd_run_free(&r);
	const char *h[] = { "explain", "--help", NULL };
	r = run_cmd(cmd_explain, h);
	CHECK_INT(r.status, 0);
	CHECK(strstr(r.out, "Usage: oomkit explain") != NULL);
	cmd_run_free(&r);
}

int main(void)
{
	snprintf(era, sizeof(era), "%s/tests/reports/eras/5.10-debian11-systemd-memcg-v2.log", check_srcdir());
	snprintf(incident, sizeof(incident), "%s/tests/fixtures/incidents/guard-kill.json", check_srcdir());
	if (access(era, R_OK) != 0) {
		check_current = "fixtures";
		SKIP("tests/reports/eras missing (OOMKIT_SRCDIR?)");
		return check_summary();
	}
	RUN(one_report);
	RUN(summary_with_incident);
	RUN(nothing_and_missing);
	RUN(usage_errors);
	return check_summary();
}
