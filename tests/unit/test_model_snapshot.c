/* test_model_snapshot.c — src/model/snapshot.c: every quantity starts
 * unknown (OOM_NA), never 0, so a source that did not read it cannot be
 * mistaken for one that read a zero. */
#include <string.h>

#include "check.h"
#include "model/event.h"
#include "model/snapshot.h"
#include "model/system.h"

TEST(system_starts_unknown)
{
	struct oom_system sys;
	memset(&sys, 0x5a, sizeof(sys));
	oom_system_init(&sys);
	CHECK(!known(sys.overcommit_memory) && !known(sys.swappiness) && !known(sys.user_reserve_kbytes));
	CHECK(!known(sys.oom_kill_count) && !known(sys.allocstall) && !known(sys.zram_compr_kib));
	CHECK(!sys.psi_known && !sys.kernel_release[0] && !sys.thp_enabled[0]);
	CHECK_INT(sys.nr_lowmem_reserve_ratio, 0);
	/* the groups name the same bytes as the flat members */
	sys.swappiness = 10;
	CHECK_INT(sys.sysctls.swappiness, 10);
	sys.counters.oom_kill_count = 3;
	CHECK_INT(sys.oom_kill_count, 3);
	CHECK(&sys.release.kv == &sys.kv);
}

TEST(memcg_and_task_start_unknown)
{
	struct oom_memcg m;
	memcg_init(&m);
	CHECK(!known(m.limit_kib) && !known(m.usage_kib) && !known(m.oom_kill_count));
	struct oom_task t;
	task_init(&t);
	CHECK(!known(t.rss_pages) && !known(t.oom_score_adj) && !known(t.pgtables_bytes));
	struct oom_snapshot s;
	snapshot_init(&s);
	CHECK(!known(s.mem.total_kib) && !known(s.page_size_kib));
	CHECK_INT(s.nr_zones, 0);
	snapshot_release(&s);
}

int main(void)
{
	RUN(system_starts_unknown);
	RUN(memcg_and_task_start_unknown);
	return check_summary();
}
