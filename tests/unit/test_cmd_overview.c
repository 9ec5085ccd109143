/* test_cmd_overview.c — cmd/overview.c, `oomkit` with no command: on a
 * captured tree (--root), the one-line headline, the status findings worth
 * a look, the first processes of top, and the JSON form; an empty or
 * missing root is an error that says why, never "no risk"; --help. */
#include "cmd/cmd.h"
#include "json_valid.h"
#include "run_cmd.h"

static char root[1024], empty[1024];

/* main()'s --help lives in src/oomkit.c, outside the library: the
 * overview's --help calls it, so the test gives a stand-in that says so. */
int cmd_main_help(void)
{
	puts("(main help)");
	return 0;
}

static int overview(int argc, char **argv)
{
	return cmd_overview(argc, argv);
}

TEST(text)
{
	const char *a[] = { "oomkit", "--color=never", "--root", root, NULL };
	struct cmd_run r = run_cmd(overview, a);
	CHECK_INT(r.status, 0);
	CHECK(strncmp(r.out, "oomkit — kernel 6.18.44-fc-v595: 492 MiB available of 16 GiB", 60) == 0);
	CHECK(strstr(r.out, "OOM kills since boot: 0") != NULL);
	const char *fi = strstr(r.out, "Findings (oomkit status)"), *nx = strstr(r.out, "Next in line (oomkit top)");
	CHECK(fi && nx && fi < nx);
	CHECK(strstr(r.out, "[critical] memory-low") != NULL);
	CHECK(strstr(r.out, "evidence:") == NULL);                 /* the short form */
	CHECK(strchr(r.out, '\x1b') == NULL);
	cmd_run_free(&r);
}

TEST(json)
{
	const char *a[] = { "oomkit", "--json", "--root", root, NULL };
	struct cmd_run r = run_cmd(overview, a);
	CHECK_INT(r.status, 0);
	CHECK(json_valid(r.out, strlen(r.out)));
	static const char *const keys[] = {
		"\"kernel\": \"6.18.44-fc-v595\"", "\"memory\"", "\"available_kib\": 503316", "\"oom_kills\": 0",
		"\"last_oom\"", "\"findings\"", "\"id\": \"memory-low\"", "\"next\"",
	};
	for (size_t i = 0; i < sizeof(keys) / sizeof(keys[0]); i++)
		if (!strstr(r.out, keys[i])) {
			CHECK(!"key missing");
			printf("    missing %s\n", keys[i]);
		}
	cmd_run_free(&r);
}

TEST(errors)
{
	const char *e[] = { "oomkit", "--root", empty, NULL };
	struct cmd_run r = run_cmd(overview, e);
	CHECK_INT(r.status, 2);
	CHECK(strstr(r.err, "nothing to read") != NULL);
	cmd_run_free(&r);
	const char *m[] = { "oomkit", "--root", "/nonexistent/oomkit-root", NULL };
	r = run_cmd(overview, m);
	CHECK(r.status != 0);
	CHECK(strstr(r.err, "/nonexistent/oomkit-root") != NULL);
	cmd_run_free(&r);
	const char *b[] = { "oomkit", "--bogus", NULL };
	r = run_cmd(overview, b);
	CHECK_INT(r.status, 2);
	cmd_run_free(&r);
	const char *h[] = { "oomkit", "--help", NULL };
	r = run_cmd(overview, h);
	CHECK_INT(r.status, 0);
	CHECK_STR(r.out, "(main help)\n");
	cmd_run_free(&r);
	char *help = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&help, &len);
	cmd_overview_help(f);
	fclose(f);
	CHECK(strstr(help, "--root=DIR") != NULL);              /* the overview's own options */
	CHECK(strstr(help, "-j, --json") != NULL);
	free(help);
}

int main(void)
{
	snprintf(root, sizeof(root), "%s/tests/fixtures/oc-always-noswap", check_srcdir());
	snprintf(empty, sizeof(empty), "%s/tests/fixtures/empty", check_srcdir());
	RUN(text);
	RUN(json);
	RUN(errors);
	return check_summary();
}
