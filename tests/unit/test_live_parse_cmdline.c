/* test_live_parse_cmdline.c — src/live/parse_cmdline.c: NUL-separated arguments as one line. */
#include <fcntl.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "check.h"
#include "live/live.h"

TEST(test_cmdline)
{
	char line[32];
	CHECK_INT(live_parse_cmdline("a\0-b\0\0", 6, line, sizeof(line)), 0);
	CHECK_STR(line, "a -b");
	CHECK_INT(live_parse_cmdline("\0", 1, line, sizeof(line)), -EINVAL);
}

int main(void)
{
	RUN(test_cmdline);
	return check_summary();
}
