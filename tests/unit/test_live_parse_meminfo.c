/* test_live_parse_meminfo.c — src/live/parse_meminfo.c: /proc/meminfo, strict about what a number is. */
#include <fcntl.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "check.h"
#include "live/live.h"

TEST(test_meminfo_strict)
{
	struct oom_mem m;
	const char *t = "MemTotal:  100 kB\nMemFree: -5 kB\nMemAvailable: 12abc kB\nSwapTotal: 7\nCached: 10 kB\nBuffers: 2 kB\n";
	CHECK_INT(live_parse_meminfo(t, strlen(t), &m), 0);
	CHECK_INT(m.total_kib, 100);
	CHECK(!known(m.free_kib));          /* negative: refused */
	CHECK(!known(m.available_kib));     /* trailing junk: refused */
	CHECK_INT(m.swap_total_kib, 7);
	CHECK_INT(m.pagecache_kib, 12);
	CHECK(live_parse_meminfo("", 0, &m) < 0);
	CHECK(live_parse_meminfo("garbage\n", 8, &m) < 0);
}

int main(void)
{
	RUN(test_meminfo_strict);
	return check_summary();
}
