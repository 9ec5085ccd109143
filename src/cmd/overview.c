/* overview.c — placeholder until the command lands (being written now). */
#include "cmd/cmd.h"

int cmd_overview(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	cmd_error("overview", "not built yet");
	return 1;
}
