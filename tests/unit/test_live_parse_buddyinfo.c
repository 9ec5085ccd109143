/* test_live_parse_buddyinfo.c — src/live/parse_buddyinfo.c: /proc/buddyinfo per zone and summed. */
#include <fcntl.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "check.h"
#include "live/live.h"

TEST(test_buddyinfo_edge)
{
	struct oom_snapshot s;
	snapshot_init(&s);
	const char *t = "Node 0, zone   Normal      1      2      3 \nNode 1, zone Normal x\nNode, zone\n"
			"Node 0, zone      DMA 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17\n";
	CHECK_INT(live_parse_buddyinfo(t, strlen(t), &s), 0);
	CHECK_INT(s.nr_zones, 1);           /* the malformed and over-long lines are skipped */
	CHECK_INT(s.zones[0].nr_orders, 3);
	CHECK_INT(s.zones[0].free_blocks[2], 3);
	snapshot_release(&s);
}

TEST(test_buddyinfo_sum)
{
	/* buddyinfo summed over zones */
	const char *bi = "Node 0, zone      DMA      1      2\nNode 0, zone   Normal     10     20     30\n";
	int64_t blocks[OOM_MAX_ORDERS];
	int nr = -1;
	CHECK_INT(live_parse_buddyinfo_sum(bi, strlen(bi), blocks, OOM_MAX_ORDERS, &nr), 0);
	CHECK_INT(nr, 3);
	CHECK_INT(blocks[0], 11);
	CHECK_INT(blocks[1], 22);
	CHECK_INT(blocks[2], 30);
	CHECK_INT(live_parse_buddyinfo_sum("x\n", 2, blocks, OOM_MAX_ORDERS, &nr), -EINVAL);
}

int main(void)
{
	RUN(test_buddyinfo_edge);
	RUN(test_buddyinfo_sum);
	return check_summary();
}
