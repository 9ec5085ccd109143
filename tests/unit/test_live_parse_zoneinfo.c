/* test_live_parse_zoneinfo.c — src/live/parse_zoneinfo.c: the free pages of /proc/zoneinfo. */
#include <fcntl.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "check.h"
#include "live/live.h"

TEST(test_zoneinfo_free_pages)
{
	const char *zi = "Node 0, zone   Normal\n  pages free     1000\n        min      10\n"
			 "Node 0, zone  Movable\n  pages free     24\n";
	int64_t pages = 0;
	CHECK_INT(live_parse_zoneinfo_free_pages(zi, strlen(zi), &pages), 0);
	CHECK_INT(pages, 1024);
}

int main(void)
{
	RUN(test_zoneinfo_free_pages);
	return check_summary();
}
