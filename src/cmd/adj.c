/* adj.c — placeholder until the command lands (being written now). */
#include "cmd/cmd.h"

int cmd_adj(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	cmd_error("adj", "not built yet");
	return 1;
}
