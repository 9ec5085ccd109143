/* test_live_parse_memcg.c — src/live/parse_memcg.c: byte-value files ("max", v1's huge unlimited), cgroup.procs,
 * memory.stat, memory.events and memory.oom_control. */
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

/* memory.stat (v1 total_* preferred, v2 bytes), memory.events and v1's
 * memory.oom_control (moved from test_live_cgroup.c). */
TEST(stat_and_events)
{
	struct oom_memcg m;
	memcg_init(&m);
	const char *st1 = "cache 4096\nrss 8192\ntotal_rss 16384\ntotal_cache 2048\nswap 0\nbogus x\n";
	CHECK_INT(live_parse_memcg_stat(st1, strlen(st1), 1, &m), 0);
	CHECK_INT(m.anon_kib, 16);          /* total_* preferred */
	CHECK_INT(m.file_kib, 2);
	memcg_init(&m);
	const char *st2 = "anon 1048576\nfile 4096\nkernel 8192\nslab_unreclaimable 2048\n";
	CHECK_INT(live_parse_memcg_stat(st2, strlen(st2), 2, &m), 0);
	CHECK_INT(m.anon_kib, 1024);
	CHECK_INT(m.kernel_kib, 8);
	const char *ev = "low 0\nhigh 3\nmax 10\noom 2\noom_kill 1\noom_group_kill 0\n";
	CHECK_INT(live_parse_memcg_events(ev, strlen(ev), &m), 0);
	CHECK_INT(m.oom_kill_count, 1);
	CHECK_INT(m.oom_events, 2);
	CHECK_INT(m.max_events, 10);
	const char *oc = "oom_kill_disable 0\nunder_oom 1\noom_kill 4\n";
	CHECK_INT(live_parse_memcg_events(oc, strlen(oc), &m), 0);
	CHECK_INT(m.under_oom, 1);
	CHECK_INT(m.oom_kill_count, 4);
}

int main(void)
{
	RUN(test_memcg_bytes_and_pids);
	RUN(stat_and_events);
	return check_summary();
}
