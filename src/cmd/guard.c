/* guard.c — placeholder until the command lands (being written now). */
#include "cmd/cmd.h"

int cmd_guard(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	cmd_error("guard", "not built yet");
	return 1;
}
