/* cmd.h — the subcommands.  Each is thin: parse options, call a source,
 * diagnose, render.  Each returns the process exit status:
 * 0 success, 1 failure (input unreadable, operation failed), 2 usage error. */
#ifndef OOMKIT_CMD_H
#define OOMKIT_CMD_H

#include <stdio.h>

int cmd_explain(int argc, char **argv);
int cmd_top(int argc, char **argv);
int cmd_status(int argc, char **argv);
int cmd_adj(int argc, char **argv);
int cmd_guard(int argc, char **argv);
/* `oomkit` with no subcommand: the short form of status. */
int cmd_overview(int argc, char **argv);

/* "oomkit CMD: <message>" + "Try 'oomkit CMD --help'." on stderr; returns 2. */
int cmd_usage_error(const char *cmd, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* "oomkit CMD: <message>" on stderr (no return value semantics). */
void cmd_error(const char *cmd, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void cmd_warn(const char *cmd, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* -o FILE: standard output goes to FILE ("-" keeps it).  0, or 1 after
 * saying why not. */
int cmd_output_to(const char *cmd, const char *path);

#endif
