/* test_cmd_guard.c — cmd/guard.c, `oomkit guard`'s command line before the
 * daemon starts: --check-config reads a configuration (file, then flags)
 * and prints it back (INI and --json) without starting anything; a bad
 * key, a bad value, a missing or group-writable file are refused with the
 * reason (exit 1, or 2 for a usage error).  The daemon itself (the loop,
 * signals, incidents) runs in tests/e2e/guard_*.sh. */
#include <sys/stat.h>

#include "cmd/cmd.h"
#include "json_valid.h"
#include "run_cmd.h"

static char conf[] = "/tmp/oomkit-test-guard-conf.XXXXXX";

static void write_conf(const char *text, mode_t mode)
{
	FILE *f = fopen(conf, "w");
	if (f) {
		fputs(text, f);
		fclose(f);
	}
	chmod(conf, mode);
}

TEST(check_config)
{
	write_conf("mem-term-percent = 12\n", 0600);
	const char *a[] = { "guard", "--config", conf, "--check-config", "--mem-kill-percent=4", NULL };
	struct cmd_run r = run_cmd(cmd_guard, a);
	CHECK_INT(r.status, 0);
	CHECK(strncmp(r.out, "[guard]\n", 8) == 0);
	CHECK(strstr(r.out, "\nmem-term-percent = 12\n") != NULL);   /* from the file */
	CHECK(strstr(r.out, "\nmem-kill-percent = 4\n") != NULL);    /* a flag over it */
	CHECK(strstr(r.out, "\ngrace-ms = 1000\n") != NULL);         /* a default */
	cmd_run_free(&r);
	const char *j[] = { "guard", "--config", conf, "--check-config", "--json", NULL };
	r = run_cmd(cmd_guard, j);
	CHECK_INT(r.status, 0);
	CHECK(json_valid(r.out, strlen(r.out)));
	CHECK(strstr(r.out, "\"mem-term-percent\": 12") != NULL);
	cmd_run_free(&r);
}

TEST(refused)
{
	write_conf("bogus-key = 1\n", 0600);
	const char *a[] = { "guard", "--config", conf, "--check-config", NULL };
	struct cmd_run r = run_cmd(cmd_guard, a);
	CHECK_INT(r.status, 1);
	CHECK(strstr(r.err, "unknown key 'bogus-key'") != NULL);
	CHECK(strstr(r.err, ":1:") != NULL);                           /* the line */
	cmd_run_free(&r);
	/* a file others may write is not trusted (the guard runs as root) */
	write_conf("mem-term-percent = 12\n", 0666);
	r = run_cmd(cmd_guard, a);
	CHECK_INT(r.status, 1);
	CHECK(strlen(r.err) > 0);
	cmd_run_free(&r);
	const char *m[] = { "guard", "--config", "/nonexistent/oomkit/guard.conf", "--check-config", NULL };
	r = run_cmd(cmd_guard, m);
	CHECK_INT(r.status, 1);
	CHECK(strstr(r.err, "/nonexistent/oomkit/guard.conf") != NULL);
	cmd_run_free(&r);
	write_conf("\n", 0600);
	const char *v[] = { "guard", "--config", conf, "--mem-term-percent=abc", "--check-config", NULL };
	r = run_cmd(cmd_guard, v);
	CHECK_INT(r.status, 2);
	CHECK(strstr(r.err, "'abc' is not a whole number") != NULL);
	cmd_run_free(&r);
	const char *o[] = { "guard", "--no-such-option", NULL };
	r = run_cmd(cmd_guard, o);
	CHECK_INT(r.status, 2);
	cmd_run_free(&r);
	const char *h[] = { "guard", "--help", NULL };
	r = run_cmd(cmd_guard, h);
	CHECK_INT(r.status, 0);
	CHECK(strstr(r.out, "--check-config") != NULL);
	cmd_run_free(&r);
}

int main(void)
{
	int fd = mkstemp(conf);
	if (fd < 0) {
		check_current = "mkstemp";
		SKIP("no temporary file");
		return check_summary();
	}
	close(fd);
	RUN(check_config);
	RUN(refused);
	unlink(conf);
	return check_summary();
}
