/* test_cmd_adj.c — cmd/adj.c, `oomkit adj`: showing a process's
 * oom_score_adj and oom_score (this test's own child, by PID and by name),
 * --dry-run changing nothing, setting a value (raising is allowed without
 * privilege) and the JSON form; a target that does not exist (exit 1) and
 * usage errors (exit 2).  Protecting services for real: tests/e2e/adj.sh. */
#include <signal.h>

#include "cmd/cmd.h"
#include "json_valid.h"
#include "run_cmd.h"

static pid_t child;
static char pidarg[32];

static int64_t adj_of(pid_t pid)
{
	char p[64];
	snprintf(p, sizeof(p), "/proc/%d/oom_score_adj", (int)pid);
	return check_proc_int(p);
}

TEST(show)
{
	const char *a[] = { "adj", "--color=never", pidarg, NULL };
	struct cmd_run r = run_cmd(cmd_adj, a);
	CHECK_INT(r.status, 0);
	CHECK(strstr(r.out, pidarg) != NULL);
	CHECK(strstr(r.out, "sleep") != NULL || strstr(r.out, "test_cmd_adj") != NULL);
	cmd_run_free(&r);
	const char *j[] = { "adj", "--json", pidarg, NULL };
	r = run_cmd(cmd_adj, j);
	CHECK_INT(r.status, 0);
	CHECK(json_valid(r.out, strlen(r.out)));
	CHECK(strstr(r.out, "\"targets\"") != NULL);
	CHECK(strstr(r.out, "\"adj_before\"") != NULL);
	cmd_run_free(&r);
}

TEST(set_and_dry_run)
{
	int64_t before = adj_of(child);
	const char *d[] = { "adj", "--dry-run", "700", pidarg, NULL };
	struct cmd_run r = run_cmd(cmd_adj, d);
	CHECK_INT(r.status, 0);
	CHECK_INT(adj_of(child), before);                   /* nothing changed */
	cmd_run_free(&r);
	/* raising oom_score_adj needs no privilege (fs/proc/base.c) */
	const char *s[] = { "adj", "--json", "700", pidarg, NULL };
	r = run_cmd(cmd_adj, s);
	CHECK_INT(r.status, 0);
	CHECK_INT(adj_of(child), 700);
	CHECK(strstr(r.out, "\"adj_after\": 700") != NULL);
	cmd_run_free(&r);
}

TEST(errors)
{
	const char *g[] = { "adj", "5", "2147483000", NULL };    /* no such process */
	struct cmd_run r = run_cmd(cmd_adj, g);
	CHECK_INT(r.status, 1);
	CHECK(strlen(r.err) + strlen(r.out) > 0);
	cmd_run_free(&r);
	const char *n[] = { "adj", "5", "oomkit-no-such-process-name", NULL };
	r = run_cmd(cmd_adj, n);
	CHECK_INT(r.status, 1);
	cmd_run_free(&r);
	const char *big[] = { "adj", "1001", pidarg, NULL };     /* out of -1000..1000 */
	r = run_cmd(cmd_adj, big);
	CHECK_INT(r.status, 2);
	cmd_run_free(&r);
	const char *never[] = { "adj", "-1000", pidarg, NULL };  /* -1000 needs --force */
	r = run_cmd(cmd_adj, never);
	CHECK_INT(r.status, 2);
	CHECK_INT(adj_of(child), 700);
	cmd_run_free(&r);
	const char *bad[] = { "adj", "--bogus", pidarg, NULL };
	r = run_cmd(cmd_adj, bad);
	CHECK_INT(r.status, 2);
	CHECK(strstr(r.err, "--bogus") != NULL);
	cmd_run_free(&r);
}

int main(void)
{
	child = fork();
	if (child == 0) {
		pause();
		_exit(0);
	}
	snprintf(pidarg, sizeof(pidarg), "%d", (int)child);
	RUN(show);
	RUN(set_and_dry_run);
	RUN(errors);
	kill(child, SIGKILL);
	waitpid(child, NULL, 0);
	return check_summary();
}
