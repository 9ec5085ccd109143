/* cmd.h — the subcommands.  Each is thin: parse options, call a source,
 * diagnose, render.  Each returns the process exit status:
 * 0 success, 1 failure (input unreadable, operation failed), 2 usage error. */
#ifndef OOMKIT_CMD_H
#define OOMKIT_CMD_H

#include <stdbool.h>
#include <stdio.h>

int cmd_explain(int argc, char **argv);
int cmd_top(int argc, char **argv);
int cmd_status(int argc, char **argv);
int cmd_adj(int argc, char **argv);
int cmd_guard(int argc, char **argv);
/* `oomkit` with no subcommand: the short form of status. */
int cmd_overview(int argc, char **argv);
/* oomkit --help (src/oomkit.c); returns 0.  The overview's options in it. */
int cmd_main_help(void);
void cmd_overview_help(FILE *f);

/* "oomkit CMD: <message>" + "Try 'oomkit CMD --help'." on stderr; returns 2. */
int cmd_usage_error(const char *cmd, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* "oomkit CMD: <message>" on stderr (no return value semantics). */
void cmd_error(const char *cmd, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void cmd_warn(const char *cmd, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* -o FILE: standard output goes to FILE ("-" keeps it).  0, or 1 after
 * saying why not. */
int cmd_output_to(const char *cmd, const char *path);

/* ---- one command-line convention for every command ----------
 * GNU style, done here once rather than with getopt so that it does not
 * depend on POSIXLY_CORRECT or the libc: options before or after operands
 * (permutation), "--" ends options, "-" is an operand, short options bundle
 * ("-jv") and take their argument attached or next ("-n5", "-n 5"), long
 * options take theirs as "--opt=V" or "--opt V" (optional arguments only
 * as "--opt=V": "--color FILE" leaves FILE an operand), unambiguous
 * prefixes of long names are accepted.  Each command declares a table of
 * struct cmd_opt; --help prints it with cmd_opts_help(), so --help lists
 * every option.  To add an option: one row in the table, one case. */
enum cmd_arg { CMD_ARG_NONE, CMD_ARG_REQUIRED, CMD_ARG_OPTIONAL };

struct cmd_opt {
	int key;               /* returned by cmd_args_next: a short letter, or >= 256 */
	char short_name;       /* 0 when long only */
	const char *long_name; /* without "--"; NULL when short only */
	enum cmd_arg arg;
	const char *arg_name;  /* in --help: "WHEN", "N" */
	const char *help;      /* one line (may hold "\n" + indent); NULL: not listed (alias) */
};
#define CMD_OPT_END { 0, 0, NULL, CMD_ARG_NONE, NULL, NULL }

/* Keys of the options every command has. */
enum { CMD_KEY_COLOR = 0x100, CMD_KEY_FIRST_FREE = 0x120 };
#define CMD_OPT_JSON(help) { 'j', 'j', "json", CMD_ARG_NONE, NULL, help }
#define CMD_OPT_COLOR \
	{ CMD_KEY_COLOR, 0, "color", CMD_ARG_OPTIONAL, "WHEN", "colour the text: auto (default), always, never" }, \
	{ CMD_KEY_COLOR, 0, "colour", CMD_ARG_OPTIONAL, "WHEN", NULL }
#define CMD_OPT_HELP { 'h', 'h', "help", CMD_ARG_NONE, NULL, "show this help and exit" }
#define CMD_OPT_VERSION { 'V', 'V', "version", CMD_ARG_NONE, NULL, "show the version and exit" }

struct cmd_args {
	const char *cmd;              /* for messages; NULL for the overview */
	const struct cmd_opt *opts;   /* ends with CMD_OPT_END */
	bool negative_numbers;        /* "-500" is an operand, not an option (adj) */
	int argc;
	char **argv;                  /* argv[0] is the command's name */
	/* after cmd_args_next returned 0: the operands, in order (argv is
	 * permuted in place, as GNU getopt does) */
	char **operands;
	int nr_operands;
	/* the current option: its argument (NULL when none) and how it was written */
	const char *arg;
	char name[64];
	/* private */
	int i;
	const char *bundle;
	bool done;
};

void cmd_args_init(struct cmd_args *a, const char *cmd, const struct cmd_opt *opts, int argc, char **argv);
/* The next option's key; 0 when every argument was read (operands set);
 * -1 after a usage error was printed (the command returns 2). */
int cmd_args_next(struct cmd_args *a);
/* The "Options:" lines of --help, from the table. */
void cmd_opts_help(FILE *f, const struct cmd_opt *opts);
/* --color[=WHEN]: the mode, or -1 after a usage error was printed. */
int cmd_color_arg(const struct cmd_args *a);
/* -V/--version */
int cmd_version(void);

#endif
