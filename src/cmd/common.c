/* common.c — messages shared by the subcommands. */
#include <stdarg.h>
#include <stdio.h>

#include "cmd/cmd.h"

static void vmsg(const char *cmd, const char *kind, const char *fmt, va_list ap)
{
	fflush(stdout);
	fprintf(stderr, "oomkit%s%s: %s", cmd ? " " : "", cmd ? cmd : "", kind);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
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
