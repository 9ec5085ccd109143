/* common.c — messages and the command-line convention shared by the
 * subcommands. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "cmd/cmd.h"
#include "render/style.h"
#include "util/util.h"

static void vmsg(const char *cmd, const char *kind, const char *fmt, va_list ap)
{
	fflush(stdout);
	/* Messages quote outside text (file names, config values): no control
	 * byte reaches the terminal. */
	char msg[4096], out[8192];
	int n = vsnprintf(msg, sizeof(msg), fmt, ap);
	if (n < 0)
		n = 0;
	escape_term_to(out, sizeof(out), msg, (size_t)n < sizeof(msg) ? (size_t)n : sizeof(msg) - 1, true);
	fprintf(stderr, "oomkit%s%s: %s%s\n", cmd ? " " : "", cmd ? cmd : "", kind, out);
}

int cmd_usage_error(const char *cmd, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vmsg(cmd, "", fmt, ap);
	va_end(ap);
	fprintf(stderr, "Try 'oomkit%s%s --help'.\n", cmd ? " " : "", cmd ? cmd : "");
	return 2;
}

void cmd_error(const char *cmd, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vmsg(cmd, "", fmt, ap);
	va_end(ap);
}

void cmd_warn(const char *cmd, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vmsg(cmd, "warning: ", fmt, ap);
	va_end(ap);
}

/* ---- options (cmd.h) ------------------------------------------------------- */

void cmd_args_init(struct cmd_args *a, const char *cmd, const struct cmd_opt *opts, int argc, char **argv)
{
	memset(a, 0, sizeof(*a));
	a->cmd = cmd;
	a->opts = opts;
	a->argc = argc;
	a->argv = argv;
	a->i = 1;
	a->operands = argv + 1;
}

static bool is_negative_number(const char *s)
{
	if (s[0] != '-' || !s[1])
		return false;
	for (s++; *s; s++)
		if (*s < '0' || *s > '9')
			return false;
	return true;
}

/* Operands are moved down to argv[1..]: every slot below a->i was read. */
static void add_operand(struct cmd_args *a, char *s)
{
	a->operands[a->nr_operands++] = s;
}

static int usage_err(struct cmd_args *a, const char *fmt, const char *what)
{
	cmd_usage_error(a->cmd, fmt, what);
	return -1;
}

static void set_name(struct cmd_args *a, const char *prefix, const char *s, size_t n)
{
	size_t p = strlen(prefix);
	if (n > sizeof(a->name) - p - 1)
		n = sizeof(a->name) - p - 1;
	memcpy(a->name, prefix, p);
	memcpy(a->name + p, s, n);
	a->name[p + n] = '\0';
}

static int short_opt(struct cmd_args *a)
{
	char c = *a->bundle++;
	const struct cmd_opt *o = a->opts;
	while (o->key && o->short_name != c)
		o++;
	char s[2] = { c, 0 };
	set_name(a, "-", s, 1);
	if (!o->key)
		return usage_err(a, "invalid option -- '%s'", s);
	a->arg = NULL;
	if (o->arg != CMD_ARG_NONE) {
		if (*a->bundle) {
			a->arg = a->bundle;           /* "-n5" */
		} else if (o->arg == CMD_ARG_REQUIRED) {
			if (a->i >= a->argc)
				return usage_err(a, "option requires an argument -- '%s'", s);
			a->arg = a->argv[a->i++];     /* "-n 5" */
		}
		a->bundle = NULL;
	} else if (!*a->bundle) {
		a->bundle = NULL;
	}
	return o->key;
}

static int long_opt(struct cmd_args *a, const char *s)
{
	const char *eq = strchr(s, '=');
	size_t n = eq ? (size_t)(eq - s) : strlen(s);
	set_name(a, "--", s, n);
	const struct cmd_opt *found = NULL;
	bool ambiguous = false;
	for (const struct cmd_opt *o = a->opts; o->key; o++) {
		if (!o->long_name || strncmp(o->long_name, s, n) != 0)
			continue;
		if (o->long_name[n] == '\0') {   /* exact */
			found = o;
			ambiguous = false;
			break;
		}
		if (found && found->key != o->key)
			ambiguous = true;
		else if (!found)
			found = o;
	}
	if (ambiguous)
		return usage_err(a, "option '%s' is ambiguous", a->name);
	if (!found)
		return usage_err(a, "unrecognized option '%s'", a->name);
	set_name(a, "--", found->long_name, strlen(found->long_name));
	a->arg = NULL;
	switch (found->arg) {
	case CMD_ARG_NONE:
		if (eq)
			return usage_err(a, "option '%s' doesn't allow an argument", a->name);
		break;
	case CMD_ARG_OPTIONAL:
		a->arg = eq ? eq + 1 : NULL;
		break;
	case CMD_ARG_REQUIRED:
		if (eq)
			a->arg = eq + 1;
		else if (a->i < a->argc)
			a->arg = a->argv[a->i++];
		else
			return usage_err(a, "option '%s' requires an argument", a->name);
		break;
	}
	return found->key;
}

int cmd_args_next(struct cmd_args *a)
{
	if (a->bundle)
		return short_opt(a);
	while (a->i < a->argc) {
		char *s = a->argv[a->i++];
		if (a->done || s[0] != '-' || s[1] == '\0' || (a->negative_numbers && is_negative_number(s))) {
			add_operand(a, s);
			continue;
		}
		if (strcmp(s, "--") == 0) {
			a->done = true;
			continue;
		}
		if (s[1] == '-')
			return long_opt(a, s + 2);
		a->bundle = s + 1;
		return short_opt(a);
	}
	return 0;
}

void cmd_opts_help(FILE *f, const struct cmd_opt *opts)
{
	for (const struct cmd_opt *o = opts; o->key; o++) {
		if (!o->help)
			continue;
		char left[64];
		int n = 0;
		if (o->short_name)
			n = snprintf(left, sizeof(left), "-%c%s", o->short_name, o->long_name ? ", " : "");
		else
			n = snprintf(left, sizeof(left), "    ");
		if (o->long_name && n >= 0 && (size_t)n < sizeof(left))
			n += snprintf(left + n, sizeof(left) - (size_t)n, "--%s", o->long_name);
		if (o->arg_name && n >= 0 && (size_t)n < sizeof(left)) {
			const char *fmt = o->arg == CMD_ARG_OPTIONAL ? "[=%s]" : o->long_name ? "=%s" : " %s";
			snprintf(left + n, sizeof(left) - (size_t)n, fmt, o->arg_name);
		}
		if (strlen(left) > 22)
			fprintf(f, "  %s\n  %-22s %s\n", left, "", o->help);
		else
			fprintf(f, "  %-22s %s\n", left, o->help);
	}
}

int cmd_color_arg(const struct cmd_args *a)
{
	int c = color_mode_parse(a->arg);
	if (c < 0)
		cmd_usage_error(a->cmd, "--color wants auto, always or never, not '%s'", a->arg);
	return c;
}

int cmd_version(void)
{
	printf("oomkit %s\n", OOMKIT_VERSION);
	return 0;
}
