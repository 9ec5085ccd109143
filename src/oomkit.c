/* oomkit.c — dispatch to subcommands. */
#include <stdio.h>
#include <string.h>

#include "cmd/cmd.h"

static const struct {
	const char *name;
	int (*fn)(int, char **);
	const char *what;
} commands[] = {
	{ "explain", cmd_explain, "what happened in an OOM report, why, and what to change" },
	{ "top", cmd_top, "who dies next, by the kernel's own arithmetic" },
	{ "status", cmd_status, "is this machine set up to OOM?" },
	{ "adj", cmd_adj, "protect or prefer processes (oom_score_adj)" },
	{ "guard", cmd_guard, "act before the kernel's OOM killer does" },
};

static void usage(FILE *f)
{
	fputs("Usage: oomkit [COMMAND] [OPTION]...\n"
	      "Make the kernel's OOM killer understandable and preventable.\n\n"
	      "Commands:\n", f);
	for (size_t i = 0; i < sizeof(commands) / sizeof(commands[0]); i++)
		fprintf(f, "  %-9s %s\n", commands[i].name, commands[i].what);
	fputs("\nWith no command, prints a short overview: the top findings of 'status',\n"
	      "recent OOM kills, and the first few processes of 'top'.\n\n"
	      "Options of the overview (before or after each other; '--' ends them):\n", f);
	cmd_overview_help(f);
	fputs("\nEvery command takes -j/--json, --color[=WHEN], -h/--help and -V/--version;\n"
	      "options go before or after operands.\n"
	      "'oomkit COMMAND --help' describes each command.  See also oomkit(1).\n", f);
}

int cmd_main_help(void)
{
	usage(stdout);
	return 0;
}

int main(int argc, char **argv)
{
	if (argc < 2)
		return cmd_overview(argc, argv);
	const char *c = argv[1];
	if (strcmp(c, "-h") == 0 || strcmp(c, "--help") == 0 || strcmp(c, "help") == 0) {
		usage(stdout);
		return 0;
	}
	if (strcmp(c, "-V") == 0 || strcmp(c, "--version") == 0) {
		printf("oomkit %s\n", OOMKIT_VERSION);
		return 0;
	}
	for (size_t i = 0; i < sizeof(commands) / sizeof(commands[0]); i++)
		if (strcmp(c, commands[i].name) == 0)
			return commands[i].fn(argc - 1, argv + 1);
	if (c[0] == '-')
		return cmd_overview(argc, argv);
	return cmd_usage_error(NULL, "unknown command '%s'", c);
}
