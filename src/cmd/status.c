/* status.c — placeholder until the command lands (being written now). */
#include "cmd/cmd.h"

int cmd_status(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	cmd_error("status", "not built yet");
	return 1;
}
