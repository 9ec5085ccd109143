/* explain.c — placeholder until the command lands (being written now). */
#include "cmd/cmd.h"

int cmd_explain(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	cmd_error("explain", "not built yet");
	return 1;
}
