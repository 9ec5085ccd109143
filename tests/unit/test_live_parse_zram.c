/* test_live_parse_zram.c — src/live/parse_zram.c: zram mm_stat in KiB. */
#include <fcntl.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "check.h"
#include "live/live.h"

TEST(test_zram)
{
	int64_t orig, compr;
	CHECK_INT(live_parse_zram_mm_stat("  4096000  1024000  1200000\n", 28, &orig, &compr), 0);
	CHECK_INT(orig, 4000);
	CHECK_INT(compr, 1000);
}

int main(void)
{
	RUN(test_zram);
	return check_summary();
}
