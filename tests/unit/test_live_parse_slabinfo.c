/* test_live_parse_slabinfo.c — src/live/parse_slabinfo.c: /proc/slabinfo 2.1,
 * the largest caches by the pages their slabs hold, largest first. */
#include <errno.h>
#include <string.h>

#include "check.h"
#include "live/live.h"

static const char slabinfo[] =
	"slabinfo - version: 2.1\n"
	"# name            <active_objs> <num_objs> <objsize> <objperslab> <pagesperslab> : tunables <limit> "
	"<batchcount> <sharedfactor> : slabdata <active_slabs> <num_slabs> <sharedavail>\n"
	"small                 12     12    320   12    1 : tunables    0    0    0 : slabdata      1      1      0\n"
	"big                 1000   1024   1024   16    4 : tunables    0    0    0 : slabdata     64     64      0\n"
	"broken 1 2 3\n"
	"middle               100    128    512    8    1 : tunables    0    0    0 : slabdata     16     16      0\n";

TEST(largest_first)
{
	struct oom_slab top[4];
	int nr = -1;
	CHECK_INT(live_parse_slabinfo_top(slabinfo, strlen(slabinfo), 4, top, 4, &nr), 0);
	CHECK_INT(nr, 3);                          /* the line without slabdata is skipped */
	CHECK_STR(top[0].name, "big");
	CHECK_INT(top[0].total_kib, 64 * 4 * 4);   /* num_slabs × pagesperslab × page */
	CHECK_INT(top[0].used_kib, 1000);          /* active_objs × objsize */
	CHECK_STR(top[1].name, "middle");
	CHECK_INT(top[1].total_kib, 16 * 4);
	CHECK_STR(top[2].name, "small");
	CHECK_INT(top[2].used_kib, 12 * 320 / 1024);
}

TEST(cap_and_garbage)
{
	struct oom_slab top[1];
	int nr = -1;
	CHECK_INT(live_parse_slabinfo_top(slabinfo, strlen(slabinfo), 4, top, 1, &nr), 0);
	CHECK_INT(nr, 1);
	CHECK_STR(top[0].name, "big");
	/* without the version line nothing is trusted */
	const char *headless = strchr(slabinfo, '\n') + 1;
	CHECK(live_parse_slabinfo_top(headless, strlen(headless), 4, top, 1, &nr) < 0);
	CHECK(live_parse_slabinfo_top("", 0, 4, top, 1, &nr) < 0);
}

int main(void)
{
	RUN(largest_first);
	RUN(cap_and_garbage);
	return check_summary();
}
