/* common.c — messages shared by the subcommands. */
#include <stdarg.h>
#include <stdio.h>

#include "cmd/cmd.h"
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
