/* test_live_proc.c — src/live/proc.c: the machine-wide readers on captured trees (tests/fixtures/host is a
 * capture of a 6.18 x86_64 machine): the root, meminfo, zones, the page size, sysctls and
 * counters, slabinfo. */
#include <fcntl.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "check.h"
#include "live/live.h"

static char fixture[1024];

static const char *fx(const char *name)
{
	snprintf(fixture, sizeof(fixture), "%s/tests/fixtures/%s", check_srcdir(), name);
	return fixture;
}

TEST(test_root_and_meminfo)
{
	struct live_root r;
	CHECK_INT(live_root_open(&r, fx("host")), 0);
	CHECK(!r.host);
	CHECK(r.procfd >= 0);
	struct oom_mem m;
	CHECK_INT(live_read_meminfo(&r, &m), 0);
	CHECK_INT(m.total_kib, 24684096);
	CHECK_INT(m.swap_total_kib, 0);
	CHECK(known(m.available_kib));
	CHECK(known(m.commit_limit_kib) && known(m.committed_as_kib));
	CHECK_INT(m.anon_kib, m.active_anon_kib + m.inactive_anon_kib);
	CHECK_INT(m.hugepage_size_kib, 2048);
	CHECK(known(m.slab_reclaimable_kib) && known(m.slab_unreclaimable_kib));
	live_root_close(&r);
	CHECK(live_root_open(&r, "/nonexistent/oomkit") < 0);
}

TEST(test_zones)
{
	struct live_root r;
	CHECK_INT(live_root_open(&r, fx("host")), 0);
	struct oom_snapshot s;
	snapshot_init(&s);
	CHECK_INT(live_read_zones(&r, &s), 0);
	CHECK_INT(s.page_size_kib, 4);
	struct oom_zone *n = NULL;
	for (int i = 0; i < s.nr_zones; i++)
		if (!strcmp(s.zones[i].name, "Normal"))
			n = &s.zones[i];
	CHECK(n != NULL);
	if (n) {
		CHECK_INT(n->node, 0);
		CHECK_INT(n->free_kib, 270232 * 4);
		CHECK_INT(n->min_kib, 6273 * 4);
		CHECK_INT(n->low_kib, 7841 * 4);
		CHECK_INT(n->high_kib, 9409 * 4);   /* not the per-CPU "high:" of pagesets */
		CHECK_INT(n->managed_kib, 458752 * 4);
		CHECK_INT(n->boost_kib, 0);
		CHECK_INT(n->nr_lowmem_reserve, 5);
		CHECK_INT(n->nr_orders, 11);
		CHECK_INT(n->free_blocks[0], 6900);
		CHECK_INT(n->free_blocks[10], 173);
	}
	struct oom_zone *dma = snapshot_zone(&s, 0, "DMA");
	CHECK(dma && dma->nr_lowmem_reserve == 5 && dma->lowmem_reserve_pages[1] == 3019);
	CHECK(s.nr_nodes >= 1);
	snapshot_release(&s);
	live_root_close(&r);
}

TEST(test_page_size_inferred)
{
	struct live_root r;
	CHECK_INT(live_root_open(&r, fx("pages64k")), 0);
	CHECK_INT(live_page_size_kib(&r), 64);     /* MemFree 640 MiB / 10240 free pages */
	struct oom_snapshot s;
	snapshot_init(&s);
	CHECK_INT(live_read_zones(&r, &s), 0);
	CHECK_INT(s.page_size_kib, 64);
	struct oom_zone *z = snapshot_zone(&s, 0, "Normal");
	CHECK(z && z->free_kib == 8192 * 64 && z->min_kib == 100 * 64 && z->nr_orders == 14);
	CHECK(z && z->buddy_total_kib == (1LL << 13) * 64);
	snapshot_release(&s);
	live_root_close(&r);
	/* the host capture's MemFree counts memory outside the zones: no
	 * inference from a ratio that is not a page size, 4 KiB is kept */
	CHECK_INT(live_root_open(&r, fx("host")), 0);
	CHECK_INT(live_page_size_kib(&r), 4);
	live_root_close(&r);
}

TEST(test_vm)
{
	struct live_root r;
	CHECK_INT(live_root_open(&r, fx("risky-old")), 0);
	struct oom_system v;
	CHECK_INT(live_read_vm(&r, &v), 0);
	CHECK_INT(v.panic_on_oom, 1);
	CHECK_INT(v.oom_kill_allocating_task, 1);
	CHECK_INT(v.min_free_kbytes, 1048576);
	CHECK_INT(v.oom_kill_count, 3);
	CHECK_STR(v.kernel_release, "4.7.2-1-ARCH");
	CHECK(v.kv.known && v.kv.major == 4 && v.kv.minor == 7);
	CHECK(v.psi_known && v.psi.full.avg10 > 24.9);
	CHECK_INT(v.nr_lowmem_reserve_ratio, 5);
	CHECK(v.arch[0] == '\0');           /* uname only for the host */
	live_root_close(&r);
	CHECK_INT(live_root_open(&r, fx("empty")), 0);
	CHECK_INT(live_read_vm(&r, &v), 0);
	CHECK(!known(v.overcommit_memory) && !known(v.oom_kill_count) && !v.kv.known && !v.psi_known);
	struct oom_mem m;
	CHECK(live_read_meminfo(&r, &m) == -ENOENT);
	struct oom_snapshot s;
	snapshot_init(&s);
	CHECK(live_read_zones(&r, &s) < 0);
	CHECK_INT(s.nr_zones, 0);
	CHECK_INT(live_scan_tasks(&r, &s, NULL), 0);
	snapshot_release(&s);
	live_root_close(&r);
}

TEST(test_slabinfo)
{
	struct live_root r;
	CHECK_INT(live_root_open(&r, fx("slab40")), 0);
	struct oom_snapshot s;
	snapshot_init(&s);
	CHECK_INT(live_read_slabinfo(&r, &s), 0);
	CHECK_INT(s.nr_slabs, 3);
	CHECK_STR(s.slabs[0].name, "kmalloc-512");
	CHECK_INT(s.slabs[0].total_kib, 281250LL * 4 * 4);
	CHECK(s.slabs[1].total_kib >= s.slabs[2].total_kib);
	snapshot_release(&s);
	live_root_close(&r);
}

int main(void)
{
	RUN(test_root_and_meminfo);
	RUN(test_zones);
	RUN(test_page_size_inferred);
	RUN(test_vm);
	RUN(test_slabinfo);
	return check_summary();
}
