/* test_live_parse_memcg.c — src/live/parse_memcg.c: byte-value files ("max", v1's huge unlimited) and cgroup.procs. */
#include <fcntl.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "check.h"
#include "live/live.h"

TEST(test_memcg_bytes_and_pids)
{
	int64_t x = 0;
	CHECK_INT(live_parse_memcg_bytes("max\n", 4, &x), 0);
	CHECK(is_unlimited(x));
	CHECK_INT(live_parse_memcg_bytes("9223372036854771712\n", 20, &x), 0);
	CHECK(is_unlimited(x));
	CHECK_INT(live_parse_memcg_bytes("1048576\n", 8, &x), 0);
	CHECK_INT(x, 1024);
	CHECK_INT(live_parse_memcg_bytes("", 0, &x), -EINVAL);
	const char *procs = "1\n23\n99999999999999999999999\n7\n", *q = procs;
	int64_t pids[8];
	int np = 0;
	while (np < 8 && live_pids_next(&q, procs + strlen(procs), &pids[np]))
		np++;
	CHECK_INT(np, 3);
	CHECK_INT(pids[2], 7);
}

int main(void)
{
	RUN(test_memcg_bytes_and_pids);
	return check_summary();
}
