/* test_cmd_common.c — the command-line convention of every command
 * (src/cmd/common.c cmd_args_next): permutation, "--", bundling, attached
 * and separate arguments, optional arguments only with '=', prefixes,
 * negative numbers as operands, and the usage errors. */
#include <stdio.h>
#include <string.h>

#include "check.h"
#include "cmd/cmd.h"

enum { K_ROOT = CMD_KEY_FIRST_FREE, K_LAST };
static const struct cmd_opt opts[] = {
	CMD_OPT_JSON("json"),
	CMD_OPT_COLOR,
	{ 'n', 'n', "lines", CMD_ARG_REQUIRED, "N", "lines" },
	{ 'v', 'v', "verbose", CMD_ARG_NONE, NULL, "verbose" },
	{ K_ROOT, 0, "root", CMD_ARG_REQUIRED, "DIR", "root" },
	{ K_LAST, 0, "last", CMD_ARG_NONE, NULL, "last" },
	{ K_LAST + 1, 0, "lastly", CMD_ARG_NONE, NULL, "lastly" },
	CMD_OPT_HELP,
	CMD_OPT_END,
};

/* Parses argv (NULL-terminated, argv[0] included) into a trace such as
 * "j n=5 | a b" (keys, then the operands), or "ERR". */
static const char *trace(bool negnum, char **argv)
{
	static char out[512];
	int argc = 0;
	while (argv[argc])
		argc++;
	struct cmd_args a;
	cmd_args_init(&a, "test", opts, argc, argv);
	a.negative_numbers = negnum;
	out[0] = '\0';
	int c;
	while ((c = cmd_args_next(&a)) > 0) {
		char one[80];
		const char *name = c == CMD_KEY_COLOR ? "color" : c == K_ROOT ? "root" : c == K_LAST ? "last" : NULL;
		if (name)
			snprintf(one, sizeof(one), "%s%s%s ", name, a.arg ? "=" : "", a.arg ? a.arg : "");
		else
			snprintf(one, sizeof(one), "%c%s%s ", c, a.arg ? "=" : "", a.arg ? a.arg : "");
		strncat(out, one, sizeof(out) - strlen(out) - 1);
	}
	if (c < 0)
		return "ERR";
	strncat(out, "|", sizeof(out) - strlen(out) - 1);
	for (int i = 0; i < a.nr_operands; i++) {
		strncat(out, " ", sizeof(out) - strlen(out) - 1);
		strncat(out, a.operands[i], sizeof(out) - strlen(out) - 1);
	}
	return out;
}

#define T(neg, want, ...) do { char *v[] = { "cmd", __VA_ARGS__, NULL }; CHECK_STR(trace(neg, v), want); } while (0)

TEST(test_permutation)
{
	T(false, "j | a b", "a", "--json", "b");
	T(false, "j | a b", "--json", "a", "b");
	T(false, "j | a b", "a", "b", "-j");
	T(false, "| -j --json", "--", "-j", "--json");
	T(false, "j | a --json", "a", "-j", "--", "--json");
	T(false, "| -", "-");
}

TEST(test_arguments)
{
	T(false, "n=5 |", "-n5");
	T(false, "n=5 |", "-n", "5");
	T(false, "n=5 |", "--lines=5");
	T(false, "n=5 |", "--lines", "5");
	T(false, "j v n=3 |", "-jvn3");
	T(false, "j v n=3 |", "-jvn", "3");
	T(false, "root=/x |", "--root=/x");
	/* optional: only attached; a separate word stays an operand */
	T(false, "color | FILE", "--color", "FILE");
	T(false, "color=never | FILE", "--color=never", "FILE");
	T(false, "color=always |", "--colour=always");
	/* prefixes: unique or exact */
	T(false, "j |", "--js");
	T(false, "color=never |", "--col=never");
	T(false, "last |", "--last");
	T(false, "ERR", "--la");                 /* last or lastly */
}

TEST(test_errors)
{
	T(false, "ERR", "--bogus");
	T(false, "ERR", "-x");
	T(false, "ERR", "-n");
	T(false, "ERR", "--lines");
	T(false, "ERR", "--json=1");
	T(false, "ERR", "-5");
	T(true, "n=-5 | 7", "-n", "-5", "7");   /* a required argument takes the next word */
	T(true, "| -1000 x", "-1000", "x");
	T(true, "ERR", "-5x");
}

TEST(test_help)
{
	char *text = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&text, &len);
	cmd_opts_help(f, opts);
	fclose(f);
	CHECK(text && strstr(text, "  -j, --json") != NULL);
	CHECK(text && strstr(text, "      --color[=WHEN]") != NULL);
	CHECK(text && strstr(text, "  -n, --lines=N") != NULL);
	CHECK(text && strstr(text, "      --root=DIR") != NULL);
	CHECK(text && !strstr(text, "--colour"));   /* the alias is not listed */
	free(text);
}

int main(void)
{
	RUN(test_permutation);
	RUN(test_arguments);
	RUN(test_errors);
	RUN(test_help);
	return check_summary();
}
