/* output.c — `-o FILE` of explain, status and top: the report goes to FILE
 * instead of standard output (an HTML page to attach to a ticket). */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "cmd/cmd.h"

int cmd_output_to(const char *cmd, const char *path)
{
	if (!path || strcmp(path, "-") == 0)
		return 0;
	if (!freopen(path, "w", stdout)) {
		cmd_error(cmd, "cannot write %s: %s", path, strerror(errno));
		return 1;
	}
	return 0;
}
