/* top.c — placeholder until the command lands (being written now). */
#include "cmd/cmd.h"

int cmd_top(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	cmd_error("top", "not built yet");
	return 1;
}
