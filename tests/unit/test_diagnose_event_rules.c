/* test_diagnose_event_rules.c — diagnose/event_rules.c: each cause id diagnose_event finds on a hand-built
 * event, the ordering of the causes, the confidence each gives on partial
 * evidence, and the same from text (fuzz/seeds/explain).
 * (Split from test_diagnose.c; the events are built by diag_events.h.) */
#include <fcntl.h>
#include <unistd.h>

#include "diag_events.h"

TEST(swap_full)
{
	struct oom_event ev;
	global_base(&ev);
	ev.snap.mem.swap_total_kib = 2 * GiB;
	ev.snap.mem.swap_free_kib = 84;
	run(&ev);
	CHECK_STR(first_id(), "genuine-exhaustion-swap-full");
	CHECK(A.nr_swap_reasons > 0 && strstr(A.swap_reasons[0], "full"));
	event_release(&ev);
}

TEST(swap_free_is_unknown)
{
	/* swap half free beside anon filling most of RAM, for a request
	 * that may swap: reclaim could have written it out, a premature OOM
	 * at low confidence (rule_premature, R1206's shape) */
	struct oom_event ev;
	global_base(&ev);
	ev.snap.mem.swap_total_kib = 2 * GiB;
	ev.snap.mem.swap_free_kib = 1 * GiB;
	run(&ev);
	CHECK_STR(first_id(), "kernel-oom-regression");
	CHECK_STR(confidence_name(F.items[0].confidence), "low");
	event_release(&ev);
	/* a quarter of swap free (not full, not half free): nothing stands out */
	global_base(&ev);
	ev.snap.mem.swap_total_kib = 2 * GiB;
	ev.snap.mem.swap_free_kib = 512 * MiB;
	run(&ev);
	CHECK_STR(first_id(), "unknown");
	event_release(&ev);
}

TEST(memcg_limit)
{
	struct oom_event ev;
	event_init(&ev);
	ev.kind = OOM_KIND_MEMCG;
	snprintf(ev.kernel, sizeof(ev.kernel), "5.15.0-91-generic");
	ev.kv = kver_make(5, 15, 0);
	snprintf(ev.arch, sizeof(ev.arch), "x86_64");
	snprintf(ev.constraint, sizeof(ev.constraint), "CONSTRAINT_MEMCG");
	snprintf(ev.oom_memcg, sizeof(ev.oom_memcg), "/system.slice/app.service");
	request(&ev, 0xcc0, "GFP_KERNEL", 0);
	ev.snap.have_memcg = true;
	ev.snap.memcg.usage_kib = 512 * MiB;
	ev.snap.memcg.limit_kib = 512 * MiB;
	ev.snap.memcg.failcnt = 77;
	ev.snap.memcg.swap_usage_kib = 0;
	ev.snap.memcg.swap_limit_kib = 0;
	ev.snap.memcg.anon_kib = 498 * MiB;
	ev.snap.memcg.file_kib = 10 * MiB;
	ev.snap.memcg.shmem_kib = 0;
	task(&ev, 1234, "java", 498 * MiB, 0);
	task(&ev, 1300, "sidecar", 8 * MiB, 0);
	victim(&ev, 1234, "java", 498 * MiB);
	run(&ev);
	CHECK_STR(first_id(), "memcg-limit");
	CHECK(any_contains(&F.items[0], "512 MiB"));
	CHECK(any_contains(&F.items[0], "java (pid 1234, 498 MiB anon)"));
	CHECK(any_contains(&F.items[0], "/system.slice/app.service"));
	/* a 5.2-era mm tree printed CONSTRAINT_NONE for a memcg OOM: the kill
	 * line's "Memory cgroup out of memory" decides */
	{
		struct oom_event e2 = ev;
		e2.snap.tasks = NULL;
		e2.snap.nr_tasks = e2.snap.cap_tasks = 0;
		e2.kind = OOM_KIND_GLOBAL;
		snprintf(e2.constraint, sizeof(e2.constraint), "CONSTRAINT_NONE");
		snprintf(e2.victim.message, sizeof(e2.victim.message), "Memory cgroup out of memory");
		run(&e2);
		CHECK(A.memcg);
		CHECK_STR(first_id(), "memcg-limit");
		run(&ev);   /* A and F back to the event the rest of the test reads */
	}
	CHECK(A.mem.scope == MEM_SCOPE_MEMCG);
	CHECK(A.victim_verdict == VICTIM_BEST);
	bool swap0 = false;
	for (int i = 0; i < A.nr_swap_reasons; i++)
		if (strstr(A.swap_reasons[i], "swap limit 0"))
			swap0 = true;
	CHECK(swap0);
	CHECK(strstr(F.items[0].summary, "reached its limit of 512 MiB (usage 512 MiB, failcnt 77)") != NULL);

	/* The guard acts below the limit (its incidents are judged by the same
	 * rule): say how near, not "reached"; an unknown failcnt is left out. */
	ev.snap.memcg.usage_kib = 460 * MiB;
	ev.snap.memcg.failcnt = OOM_NA;
	run(&ev);
	CHECK(strstr(F.items[0].summary, "was at 89 % of its limit of 512 MiB (usage 460 MiB)") != NULL);
	CHECK(strstr(F.items[0].summary, "failcnt") == NULL);
	ev.snap.memcg.usage_kib = 512 * MiB;
	ev.snap.memcg.failcnt = 77;

	/* tmpfs filling the cgroup: what used the memory comes first. */
	ev.snap.memcg.anon_kib = 40 * MiB;
	ev.snap.memcg.file_kib = 470 * MiB;
	ev.snap.memcg.shmem_kib = 460 * MiB;
	run(&ev);
	CHECK_STR(first_id(), "shmem-tmpfs");
	CHECK(rank_of("memcg-limit") == 1);

	/* cgroup v1 at its memory+swap limit, memory itself unlimited. */
	ev.snap.memcg.shmem_kib = 0;
	ev.snap.memcg.file_kib = 10 * MiB;
	ev.snap.memcg.anon_kib = 498 * MiB;
	ev.snap.memcg.limit_kib = 9007199254740988LL;
	ev.snap.memcg.swap_limit_kib = OOM_NA;
	ev.snap.memcg.memsw_usage_kib = 1024 * MiB;
	ev.snap.memcg.memsw_limit_kib = 1024 * MiB;
	run(&ev);
	CHECK_STR(first_id(), "memcg-limit");
	CHECK(any_contains(&F.items[0], "memory+swap limit of 1 GiB"));
	CHECK(any_contains(&F.items[0], "limit unlimited"));   /* not "8192 PiB" */
	CHECK(!any_contains(&F.items[0], "PiB"));

	/* memory limit reached, memory+swap at v1's PAGE_COUNTER_MAX (qa) */
	ev.snap.memcg.limit_kib = 1024 * MiB;
	ev.snap.memcg.usage_kib = 1024 * MiB;
	ev.snap.memcg.memsw_limit_kib = 9007199254740988LL;
	run(&ev);
	CHECK(any_contains(findings_get(&F, "memcg-limit"), "memory+swap: usage 1 GiB, limit unlimited"));
	CHECK(!any_contains(findings_get(&F, "memcg-limit"), "PiB"));
	event_release(&ev);
}

TEST(slab_growth)
{
	struct oom_event ev;
	global_base(&ev);
	ev.snap.mem.slab_unreclaimable_kib = 3 * GiB;
	ev.snap.mem.active_anon_kib = 3 * GiB;
	ev.snap.mem.anon_kib = 4 * GiB;
	run(&ev);
	CHECK_STR(first_id(), "slab-growth");
	CHECK(rank_of("genuine-exhaustion-no-swap") > 0);
	event_release(&ev);
}

TEST(hugepages)
{
	struct oom_event ev;
	global_base(&ev);
	ev.snap.mem.hugetlb_kib = 4 * GiB;
	ev.snap.mem.active_anon_kib = 2 * GiB;
	ev.snap.mem.anon_kib = 3 * GiB;
	struct oom_node *n = snapshot_node(&ev.snap, 0);
	n->hugepages_total = 2048;
	n->hugepages_free = 1500;
	n->hugepage_size_kib = 2048;
	n->hugetlb_kib = 4 * GiB;
	run(&ev);
	CHECK_STR(first_id(), "hugepages-reserved");
	CHECK(any_contains(&F.items[0], "2048"));
	event_release(&ev);
}

TEST(lowmem)
{
	struct oom_event ev;
	event_init(&ev);
	ev.kind = OOM_KIND_GLOBAL;
	snprintf(ev.kernel, sizeof(ev.kernel), "3.2.0-4-686-pae");
	ev.kv = kver_make(3, 2, 0);
	snprintf(ev.arch, sizeof(ev.arch), "i686");
	snprintf(ev.req.trigger_comm, sizeof(ev.req.trigger_comm), "find");
	ev.req.trigger_pid = 999;
	ev.req.gfp_known = true;
	ev.req.gfp_mask = 0xd0;   /* GFP_KERNEL, ≤4.3 bits */
	snprintf(ev.req.gfp_text, sizeof(ev.req.gfp_text), "0xd0");
	ev.req.order = 0;
	ev.have_meminfo = true;
	struct oom_mem *m = &ev.snap.mem;
	m->total_kib = 32 * GiB;
	m->free_kib = 20 * GiB;
	m->active_anon_kib = 5 * GiB;
	m->inactive_anon_kib = 1 * GiB;
	m->active_file_kib = 4 * GiB;
	m->inactive_file_kib = 1 * GiB;
	m->shmem_kib = 0;
	m->slab_reclaimable_kib = 500 * MiB;
	m->slab_unreclaimable_kib = 150 * MiB;
	m->pagetables_kib = 20 * MiB;
	m->swap_total_kib = 4 * GiB;
	m->swap_free_kib = 4 * GiB;
	zone(&ev, -1, "DMA", 3 * MiB, 1 * MiB, 15 * MiB);
	ev.snap.zones[0].lowmem_reserve_pages[1] = 859;
	ev.snap.zones[0].lowmem_reserve_pages[2] = 8000;
	struct oom_zone *z = zone(&ev, -1, "Normal", 3 * MiB, 4 * MiB, 860 * MiB);
	z->lowmem_reserve_pages[2] = 250000;
	zone(&ev, -1, "HighMem", 20 * GiB - 6 * MiB, 512, 31 * GiB);
	task(&ev, 999, "find", 2 * MiB, 0);
	victim(&ev, 999, "find", 2 * MiB);
	run(&ev);
	CHECK_INT(A.page_size_kib, 4);
	CHECK(A.zone_name && strcmp(A.zone_name, "Normal") == 0);
	/* The lowmem cause names what filled lowmem, so it leads; slab details follow. */
	CHECK(rank_of("lowmem-exhausted-highmem-free") == 0);
	CHECK(rank_of("slab-growth") == 1);
	CHECK(rank_of("genuine-exhaustion-no-swap") < 0);
	const struct finding *lw = findings_get(&F, "lowmem-exhausted-highmem-free");
	CHECK(any_contains(lw, "32-bit kernel with 32 GiB: lowmem exhausted by slab (650 MiB)"));
	CHECK(any_contains(lw, "mem=16G"));
	event_release(&ev);
}

/* An i686 OOM of a GFP_KERNEL-class request (gfp) of kernel ver: Mem-Info
 * of total_kib with lru_kib on the LRU and slab_kib of slab, a small DMA
 * zone, Normal at normal_free with the marks given, HighMem at high_free. */
struct lowmem_case {
	struct kver kv;
	uint64_t gfp;
	int64_t total_kib, lru_kib, slab_kib;
	int64_t normal_free, normal_min, normal_low, normal_high, normal_kib;
	int64_t high_free, high_kib;
};

/* The lowmem reading leads (or, with leads false, is not read at all). */
static void lowmem_reads(const struct lowmem_case *lc, bool leads)
{
	struct oom_event ev;
	event_init(&ev);
	ev.kind = OOM_KIND_GLOBAL;
	ev.kv = lc->kv;
	snprintf(ev.arch, sizeof(ev.arch), "i686");
	ev.req.gfp_known = true;
	ev.req.gfp_mask = lc->gfp;
	snprintf(ev.req.gfp_text, sizeof(ev.req.gfp_text), "0x%llx", (unsigned long long)lc->gfp);
	ev.req.order = 0;
	ev.have_meminfo = true;
	struct oom_mem *m = &ev.snap.mem;
	m->total_kib = lc->total_kib;
	m->free_kib = lc->normal_free + lc->high_free + 1360;
	m->active_kib = lc->lru_kib / 2;
	m->inactive_kib = lc->lru_kib - lc->lru_kib / 2;
	m->slab_kib = lc->slab_kib;
	zone(&ev, -1, "DMA", 1360, 16, 16384);
	struct oom_zone *n = zone(&ev, -1, "Normal", lc->normal_free, lc->normal_min, lc->normal_kib);
	n->low_kib = lc->normal_low;
	n->high_kib = lc->normal_high;
	zone(&ev, -1, "HighMem", lc->high_free, 512, lc->high_kib);
	run(&ev);
	if (leads)
		CHECK_STR(first_id(), "lowmem-exhausted-highmem-free");
	else
		CHECK(rank_of("lowmem-exhausted-highmem-free") < 0);
	event_release(&ev);
}

/* Lowmem a little over min but under its low mark (the page allocator's
 * last try before the kill is at the high mark, mm/page_alloc.c
 * __alloc_pages_may_oom) while HighMem holds gigabytes: lowmem ran out
 * all the same (R5318's 2.6.24 pgd leak: Normal 3808 kB, min 3720 kB);
 * at or above the low mark it is not read so. */
TEST(lowmem_above_min_below_low)
{
	struct lowmem_case lc = { kver_make(2, 6, 24), 0x84d0, 5 * GiB, 15 * MiB, 10 * MiB,
				  3808, 3720, 4648, 5580, 880880, 3940760, 4228224 };
	lowmem_reads(&lc, true);
	lc.normal_free = 4700;
	lowmem_reads(&lc, false);
}

/* Before 2.6.11 the OOM killer ran once reclaim failed, no zone checked:
 * lowmem between its low and high marks beside free HighMem ran out
 * (R4613, R5442: 2.6.8, Normal 2056 kB, low 1872, high 2808); on 2.6.11+
 * the same numbers passed the allocator's check and are not read so. */
TEST(lowmem_under_high_before_2611)
{
	struct lowmem_case lc = { kver_make(2, 6, 8), 0xd0, 2 * GiB, 1120 * MiB, 66 * MiB,
				  2056, 936, 1872, 2808, 901120, 842880, 1169944 };
	lowmem_reads(&lc, true);
	lc.kv = kver_make(2, 6, 24);
	lowmem_reads(&lc, false);
}

TEST(fragmentation)
{
	struct oom_event ev;
	global_base(&ev);
	ev.req.order = 3;
	ev.req.gfp_mask = 0xcc0;
	snprintf(ev.req.gfp_text, sizeof(ev.req.gfp_text), "0xcc0(GFP_KERNEL)");
	ev.snap.mem.free_kib = 2150 * MiB;
	ev.snap.mem.active_anon_kib = 4 * GiB;
	ev.snap.mem.anon_kib = 5 * GiB - 150 * MiB;
	struct oom_zone *z = &ev.snap.zones[2];
	z->free_kib = 2100 * MiB;
	z->free_blocks[0] = 2100 * MiB / 4 / 2;
	z->free_blocks[1] = 2100 * MiB / 8 / 2;
	run(&ev);
	CHECK_STR(first_id(), "fragmentation-high-order");
	CHECK(any_contains(&F.items[0], "order-3 request (32 KiB) failed"));
	CHECK(any_contains(&F.items[0], "min_free_kbytes"));
	CHECK(rank_of("genuine-exhaustion-no-swap") < 0);
	event_release(&ev);
}

/* issue 8 §3: fragmentation from buddy lines alone (zone lines elided);
 * blocks ≥ order only in the highatomic reserve do not serve GFP_KERNEL. */
TEST(fragmentation_buddy_only)
{
	struct oom_event ev;
	bare_event(&ev, 4, 9, "x86_64");
	request(&ev, 0x24000c0, "GFP_KERNEL", 2);
	ev.snap.page_size_kib = 4;
	struct oom_zone *z = snapshot_zone(&ev.snap, 0, "DMA32");
	z->nr_orders = 11;
	z->free_types_known = true;
	z->free_blocks[0] = 20000;   /* 78 MiB in single pages */
	z->free_types[0] = MT_UNMOVABLE | MT_MOVABLE;
	z->free_blocks[1] = 3000;
	z->free_types[1] = MT_MOVABLE;
	z->free_blocks[2] = 40;
	z->free_types[2] = MT_HIGHATOMIC;
	z = snapshot_zone(&ev.snap, 0, "Normal");
	z->nr_orders = 11;
	z->free_types_known = true;
	z->free_blocks[0] = 30000;
	z->free_types[0] = MT_UNMOVABLE | MT_MOVABLE | MT_RECLAIMABLE;
	z->free_blocks[3] = 4;
	z->free_types[3] = MT_HIGHATOMIC;
	run(&ev);
	CHECK_STR(first_id(), "fragmentation-high-order");
	const struct finding *x = findings_get(&F, "fragmentation-high-order");
	CHECK(x && x->confidence == CONF_MEDIUM);
	CHECK(x && (x->basis_missing & BASIS_ZONES) && (x->basis_read & BASIS_BUDDY));
	CHECK(any_contains(x, "exist only in the highatomic reserve (H)"));
	CHECK(rank_of("genuine-exhaustion-no-swap") < 0 && rank_of("genuine-exhaustion-swap-full") < 0);
	/* an atomic request may take the highatomic blocks: no fragmentation */
	ev.req.gfp_mask = 0x2080020;   /* 4.9 GFP_ATOMIC */
	run(&ev);
	CHECK(rank_of("fragmentation-high-order") < 0);
	/* nearly nothing free: not fragmentation either */
	ev.req.gfp_mask = 0x24000c0;
	ev.snap.zones[0].free_blocks[0] = 10;
	ev.snap.zones[0].free_blocks[1] = 0;
	ev.snap.zones[1].free_blocks[0] = 10;
	run(&ev);
	CHECK(rank_of("fragmentation-high-order") < 0);
	event_release(&ev);
}

/* The request's line not in the report (a show_mem excerpt, R3404's
 * shape): a zone above its min mark and lowmem_reserve would have served a
 * page, and no zone an ordinary request takes holds a block of order 3 or
 * more: a larger request failed on fragmentation, at low confidence. */
TEST(fragmentation_unknown_request)
{
	struct oom_event ev;
	bare_event(&ev, 4, 9, "x86_64");
	ev.kind = OOM_KIND_UNKNOWN;
	ev.snap.page_size_kib = 4;
	ev.snap.mem.swap_total_kib = 8 * GiB;
	ev.snap.mem.swap_free_kib = 8 * GiB - 24 * MiB;
	struct oom_zone *z = zone(&ev, 0, "DMA", 15 * MiB, 64, 15 * MiB);
	z->free_blocks[0] = 0;
	z->free_blocks[10] = 3;   /* ISA DMA keeps big blocks: not counted */
	z = zone(&ev, 0, "DMA32", 19 * MiB, 4 * MiB, 1 * GiB);
	z->free_blocks[0] = 1794;
	z->free_blocks[1] = 969;
	z->free_blocks[2] = 292;
	z = zone(&ev, 0, "Normal", 2876, 1936, 468 * MiB);
	z->free_blocks[0] = 215;
	z->free_blocks[1] = 240;
	z->free_blocks[2] = 6;
	run(&ev);
	CHECK_STR(first_id(), "fragmentation-high-order");
	const struct finding *x = findings_get(&F, "fragmentation-high-order");
	CHECK(x && x->confidence == CONF_LOW);
	CHECK(x && any_contains(x, "a single page would have been served there"));
	/* Normal under its min, DMA32 under its min plus its lowmem_reserve
	 * toward Normal: a page may have been refused too, nothing says a
	 * larger request failed */
	ev.snap.zones[2].nr_lowmem_reserve = 4;
	ev.snap.zones[1].lowmem_reserve_pages[2] = 10000;
	ev.snap.zones[2].free_kib = 1900;
	run(&ev);
	CHECK(rank_of("fragmentation-high-order") < 0);
	/* a block of order 3 in Normal: an order-3 request had one */
	ev.snap.zones[2].free_kib = 2876;
	ev.snap.zones[2].free_blocks[3] = 1;
	run(&ev);
	CHECK(rank_of("fragmentation-high-order") < 0);
	/* swap nearly full: exhaustion, not fragmentation */
	ev.snap.zones[2].free_blocks[3] = 0;
	ev.snap.mem.swap_free_kib = 1 * MiB;
	run(&ev);
	CHECK(rank_of("fragmentation-high-order") < 0);
	event_release(&ev);
}

/* The request and the lowmem zone lines cut, HighMem's line and every
 * zone's buddy line kept (R3613's shape): an OOM beside free HighMem was
 * a lowmem request's, and lowmem held under 16 MiB. */
TEST(lowmem_unknown_request)
{
	struct oom_event ev;
	bare_event(&ev, 2, 6, "i686");
	ev.kind = OOM_KIND_GLOBAL;
	ev.snap.page_size_kib = 4;
	struct oom_zone *z = snapshot_zone(&ev.snap, -1, "DMA");
	z->nr_orders = 11;
	z->free_blocks[0] = 200;
	z = snapshot_zone(&ev.snap, -1, "Normal");
	z->nr_orders = 11;
	z->free_blocks[0] = 963;
	z = zone(&ev, -1, "HighMem", 3 * GiB, 512, 3 * GiB + 512 * MiB);
	z->free_blocks[0] = 0;
	z->free_blocks[10] = 777;
	run(&ev);
	CHECK_STR(first_id(), "lowmem-exhausted-highmem-free");
	const struct finding *x = findings_get(&F, "lowmem-exhausted-highmem-free");
	CHECK(x && x->confidence == CONF_LOW);
	/* lowmem with room: nothing says it ran out */
	ev.snap.zones[1].free_blocks[0] = 100000;
	run(&ev);
	CHECK(rank_of("lowmem-exhausted-highmem-free") < 0);
	/* HighMem under 64 MiB free: not this case */
	ev.snap.zones[1].free_blocks[0] = 963;
	ev.snap.zones[2].free_kib = 32 * MiB;
	run(&ev);
	CHECK(rank_of("lowmem-exhausted-highmem-free") < 0);
	event_release(&ev);
}

/* A show_mem alone whose largest zone sat under half its min (R3644's
 * shape): only allocations with reserve rights go there, and nothing
 * says the OOM killer ran: atomic reserves, not a premature OOM. */
TEST(fragment_reserve_floor)
{
	struct oom_event ev;
	bare_event(&ev, 3, 10, "mips");
	ev.kind = OOM_KIND_FRAGMENT;
	ev.snap.page_size_kib = 4;
	ev.have_meminfo = true;
	ev.snap.mem.ram_kib = 64 * MiB;
	ev.snap.mem.total_kib = 60 * MiB;
	ev.snap.mem.free_kib = 372;
	ev.snap.mem.active_file_kib = 3 * MiB;
	ev.snap.mem.inactive_file_kib = 33 * MiB;
	ev.snap.mem.active_anon_kib = 2 * MiB;
	ev.snap.mem.inactive_anon_kib = 100;
	ev.snap.mem.swap_total_kib = 0;
	ev.snap.mem.swap_free_kib = 0;
	zone(&ev, -1, "Normal", 372, 984, 60 * MiB);
	run(&ev);
	CHECK_STR(first_id(), "atomic-reserves-exhausted");
	CHECK(rank_of("kernel-oom-regression") < 0);
	/* at min/2 or above, the zone says nothing of reserve rights */
	ev.snap.zones[0].free_kib = 600;
	run(&ev);
	CHECK(rank_of("atomic-reserves-exhausted") < 0);
	/* with a header (an OOM's), not this rule */
	ev.snap.zones[0].free_kib = 372;
	ev.kind = OOM_KIND_GLOBAL;
	run(&ev);
	CHECK(!any_contains(findings_get(&F, "atomic-reserves-exhausted") ? findings_get(&F, "atomic-reserves-exhausted") : &F.items[0],
			    "the report is a show_mem alone"));
	event_release(&ev);
}

/* issue 8 §3: no Mem-Info at all: an order ≥ 2 OOM or an atomic/NORETRY
 * failure is low-confidence fragmentation saying what is missing. */
/* vmalloc's own failure line with size 0 (or above RAM, or above a 32-bit
 * kernel's address space): the caller's own impossible request (mm/vmalloc.c
 * __vmalloc_node_range fails such a size before any page is asked for),
 * whatever memory was free; a plausible size is no such bug. */
TEST(vmalloc_zero_bytes_is_a_caller_bug)
{
	struct oom_event ev;
	global_base(&ev);
	ev.kind = OOM_KIND_ALLOC_FAILURE;
	request(&ev, 0xdc0, "GFP_KERNEL|__GFP_ZERO", OOM_NA);
	ev.req.vmalloc_known = true;
	ev.req.vmalloc_bytes = 0;
	run(&ev);
	CHECK_STR(first_id(), "driver-allocation-failed");
	CHECK(any_contains(&F.items[0], "mm/vmalloc.c"));
	CHECK(F.items[0].confidence == CONF_HIGH);
	/* swap is not blamed for a size vmalloc refuses outright */
	bool said = false;
	for (int i = 0; i < A.nr_swap_reasons; i++) {
		CHECK(strstr(A.swap_reasons[i], "reclaim did not get to it") == NULL);
		said |= strstr(A.swap_reasons[i], "swap played no part") != NULL;
	}
	CHECK(said);
	ev.req.vmalloc_bytes = 1LL << 62;      /* far above RAM */
	run(&ev);
	CHECK_STR(first_id(), "driver-allocation-failed");
	ev.req.vmalloc_bytes = 65536;          /* an ordinary size: no caller bug */
	run(&ev);
	CHECK(rank_of("driver-allocation-failed") < 0 || strcmp(first_id(), "driver-allocation-failed") != 0);
	ev.req.vmalloc_known = false;          /* no vmalloc line: nothing said */
	ev.req.vmalloc_bytes = 0;
	run(&ev);
	CHECK(strcmp(first_id(), "driver-allocation-failed") != 0);
	/* 32-bit: 1 GiB or more cannot fit the kernel's address space, RAM unknown (R778) */
	ev.req.vmalloc_known = true;
	ev.req.vmalloc_bytes = 2214858752LL;
	ev.snap.mem.total_kib = OOM_NA;
	ev.snap.mem.ram_kib = OOM_NA;
	snprintf(ev.arch, sizeof(ev.arch), "arm");
	run(&ev);
	CHECK_STR(first_id(), "driver-allocation-failed");
	CHECK(any_contains(&F.items[0], "32-bit kernel"));
	snprintf(ev.arch, sizeof(ev.arch), "x86_64");
	run(&ev);
	CHECK(strcmp(first_id(), "driver-allocation-failed") != 0);
	/* the kernel's own "exceeds total pages": above RAM, RAM unprinted (R1548) */
	ev.req.vmalloc_over_ram = true;
	run(&ev);
	CHECK_STR(first_id(), "driver-allocation-failed");
	CHECK(any_contains(&F.items[0], "exceeds total pages"));
	/* a size past 2^61 (parse.c keeps it as INT64_MAX): a negative
	 * length cast to unsigned, said so (R5928) */
	ev.req.vmalloc_bytes = INT64_MAX;
	run(&ev);
	CHECK_STR(first_id(), "driver-allocation-failed");
	CHECK(any_contains(&F.items[0], "cast to unsigned"));
	event_release(&ev);
}

/* "vmalloc error: size 0, failed to allocate pages" with __GFP_NORETRY:
 * the caller's fail-fast vmalloc (R1547's shape), medium confidence; not
 * without NORETRY, not for a huge-page vmalloc's order-9 failure. */
TEST(vmalloc_noretry_is_the_callers_fail_fast)
{
	struct oom_event ev;
	global_base(&ev);
	ev.kind = OOM_KIND_ALLOC_FAILURE;
	request(&ev, 0x10dc2, "GFP_KERNEL|__GFP_HIGHMEM|__GFP_NORETRY|__GFP_ZERO", OOM_NA);
	ev.req.vmalloc_pages_failed = true;
	ev.req.vmalloc_got_bytes = 0;
	run(&ev);
	CHECK_STR(first_id(), "driver-allocation-failed");
	CHECK(any_contains(&F.items[0], "__GFP_NORETRY"));
	CHECK(any_contains(&F.items[0], "its first page"));
	CHECK(F.items[0].confidence == CONF_MEDIUM);
	ev.req.vmalloc_huge = true;            /* an order-9 huge page: the fragmentation note's */
	ev.req.order = 9;
	run(&ev);
	CHECK(!any_contains(findings_get(&F, "driver-allocation-failed") ? findings_get(&F, "driver-allocation-failed") : &F.items[0],
			    "fail-fast"));
	ev.req.vmalloc_huge = false;
	ev.req.order = OOM_NA;
	request(&ev, 0xdc2, "GFP_KERNEL|__GFP_HIGHMEM|__GFP_ZERO", OOM_NA);   /* no NORETRY */
	ev.req.vmalloc_pages_failed = true;
	run(&ev);
	CHECK(rank_of("driver-allocation-failed") < 0);
	event_release(&ev);
}

/* "vmalloc error: size N, page order 9, failed to allocate pages": the
 * spurious warning of 6.3 kernels (80b1d8fdfad1 until the 6.4 fix) leads
 * as a kernel regression, the missing huge block second (R1533's shape). */
TEST(vmalloc_huge_page_warning_is_6_3s_regression)
{
	struct oom_event ev;
	global_base(&ev);
	ev.kind = OOM_KIND_ALLOC_FAILURE;
	request(&ev, 0xdc2, "GFP_KERNEL|__GFP_HIGHMEM|__GFP_ZERO", 9);
	ev.req.vmalloc_pages_failed = true;
	ev.req.vmalloc_huge = true;
	run(&ev);
	CHECK_STR(first_id(), "kernel-oom-regression");
	CHECK(any_contains(&F.items[0], "80b1d8fdfad1"));
	CHECK(F.items[0].confidence == CONF_HIGH);
	/* 6.3.x: that window itself; a 6.4-rc still warned; 6.4 on, a backport */
	snprintf(ev.kernel, sizeof(ev.kernel), "6.3.9");
	CHECK(kver_parse(ev.kernel, &ev.kv) == 0);
	run(&ev);
	CHECK(!any_contains(&F.items[0], "vendor backport"));
	snprintf(ev.kernel, sizeof(ev.kernel), "6.4.0-rc4");
	CHECK(kver_parse(ev.kernel, &ev.kv) == 0);
	run(&ev);
	CHECK(!any_contains(&F.items[0], "vendor backport"));
	snprintf(ev.kernel, sizeof(ev.kernel), "6.4.12");
	CHECK(kver_parse(ev.kernel, &ev.kv) == 0);
	run(&ev);
	CHECK(any_contains(&F.items[0], "vendor backport"));
	ev.req.vmalloc_huge = false;           /* an order-0 page failed: a real failure */
	ev.req.order = 0;
	run(&ev);
	CHECK(strcmp(first_id(), "kernel-oom-regression") != 0 || !any_contains(&F.items[0], "80b1d8fdfad1"));
	event_release(&ev);
}

/* The allocator's max-order WARNING: the caller's impossible order, high
 * confidence, swap out of it; a lone slab failure names the slab's
 * failure at medium confidence and notes a memcg's copy of the cache. */
TEST(lone_failures_name_what_failed)
{
	struct oom_event ev;
	global_base(&ev);
	ev.kind = OOM_KIND_ALLOC_FAILURE;
	request(&ev, 0xcc0, "GFP_KERNEL", OOM_NA);
	ev.req.gfp_known = false;
	ev.req.over_max_order = true;
	run(&ev);
	CHECK_STR(first_id(), "driver-allocation-failed");
	CHECK(F.items[0].confidence == CONF_HIGH);
	CHECK(any_contains(&F.items[0], "MAX_ORDER"));
	bool said = false;
	for (int i = 0; i < A.nr_swap_reasons; i++)
		said |= strstr(A.swap_reasons[i], "refused the order") != NULL;
	CHECK(said);
	ev.req.over_max_order = false;
	run(&ev);
	CHECK(strcmp(first_id(), "driver-allocation-failed") != 0);
	event_release(&ev);

	bare_event(&ev, 5, 10, "x86_64");
	ev.kind = OOM_KIND_ALLOC_FAILURE;
	ev.side.slab_failure = true;
	ev.side.slab_alone = true;
	snprintf(ev.side.slab_cache, sizeof(ev.side.slab_cache), "tw_sock_TCPv6(960:helper-logs)");
	run(&ev);
	CHECK_STR(first_id(), "slab-allocation-failed");
	CHECK(F.items[0].confidence == CONF_MEDIUM);
	CHECK(any_contains(&F.items[0], "memory cgroup's copy"));
	/* beside a failure report the slab line is a side note, not the cause */
	ev.side.slab_alone = false;
	run(&ev);
	CHECK(rank_of("slab-allocation-failed") < 0 || F.items[rank_of("slab-allocation-failed")].weight < 20);
	event_release(&ev);
}

TEST(fragmentation_blind)
{
	struct oom_event ev;
	bare_event(&ev, 5, 10, "x86_64");
	request(&ev, 0xcc0, "GFP_KERNEL", 3);
	run(&ev);
	CHECK_STR(first_id(), "fragmentation-high-order");
	CHECK(F.items[0].confidence == CONF_LOW);
	CHECK(F.items[0].basis_missing & BASIS_MEMINFO);
	CHECK(any_contains(&F.items[0], "/proc/buddyinfo"));
	CHECK(F.items[0].basis_note[0] != '\0');
	/* order 1 OOM: no fragmentation rung (retried like order 0); the
	 * evidence class's cause, RAM exhaustion, at low confidence */
	ev.req.order = 1;
	run(&ev);
	CHECK_STR(first_id(), "genuine-exhaustion-no-swap");
	CHECK(F.items[0].confidence == CONF_LOW);
	/* order-1 failure of an atomic request: it gives up at once */
	ev.kind = OOM_KIND_ALLOC_FAILURE;
	ev.req.gfp_mask = 0xa20;   /* GFP_ATOMIC */
	run(&ev);
	CHECK_STR(first_id(), "fragmentation-high-order");
	/* order-1 failure that may sleep and retry: unknown */
	ev.req.gfp_mask = 0xcc0;
	run(&ev);
	CHECK_STR(first_id(), "unknown");
	/* … but __GFP_NORETRY gives up after one pass */
	ev.req.gfp_mask = 0xcc0 | 0x10000;
	run(&ev);
	CHECK_STR(first_id(), "fragmentation-high-order");
	event_release(&ev);
}

/* issue 8 §3: room above the marks is relative to the zone: a 32 MiB
 * board's only zone with 6 MiB free over a 1 MiB mark had room, so an
 * order-2 failure there is fragmentation and never exhaustion. */
TEST(room_relative_small_board)
{
	struct oom_event ev;
	global_base(&ev);
	ev.snap.nr_zones = 0;
	ev.snap.mem.total_kib = 32 * MiB;
	ev.snap.mem.free_kib = 7 * MiB;
	ev.snap.mem.anon_kib = 20 * MiB;
	ev.snap.mem.file_kib = 2 * MiB;
	ev.snap.mem.slab_reclaimable_kib = 512;
	ev.snap.mem.slab_unreclaimable_kib = 1 * MiB;
	ev.snap.mem.pagetables_kib = 512;
	ev.snap.mem.kernel_stack_kib = 256;
	ev.snap.mem.shmem_kib = 0;
	ev.snap.nr_tasks = 0;
	struct oom_zone *z = zone(&ev, 0, "Normal", 7 * MiB, 700, 32 * MiB);
	z->nr_lowmem_reserve = 2;
	z->lowmem_reserve_pages[0] = z->lowmem_reserve_pages[1] = 0;
	z->free_blocks[0] = 7 * MiB / 4 - 200;
	z->free_blocks[1] = 100;   /* no block of order 2 */
	ev.req.gfp_mask = 0xcc0;
	ev.req.order = 2;
	run(&ev);
	CHECK_STR(first_id(), "fragmentation-high-order");
	CHECK(rank_of("genuine-exhaustion-no-swap") < 0);
	/* an order-0 OOM there: memory had not run out, so not exhaustion */
	ev.req.order = 0;
	run(&ev);
	CHECK(rank_of("genuine-exhaustion-no-swap") < 0);
	CHECK_STR(first_id(), "kernel-oom-regression");   /* premature: room far above high */
	event_release(&ev);
}

/* issue 8 §3: a complete Mem-Info without swap lines is a kernel built
 * without swap: the parser sets swap 0 and marks it inferred
 * (report/parse_finish.c finish_swap; its shapes in test_report_parse_finish.c);
 * diagnose says so.  Printed "Total swap = 0kB" is not inferred. */
TEST(no_swap_lines_inferred)
{
	struct oom_event ev;
	global_base(&ev);
	ev.snap.mem.swap_total_kib = 0;
	ev.snap.mem.swap_free_kib = 0;
	ev.snap.mem.ram_kib = 8 * GiB;
	ev.swap_inferred = true;
	run(&ev);
	CHECK(A.mem.swap_inferred_none);
	CHECK(analysis_no_swap(&A.mem));
	CHECK_STR(first_id(), "genuine-exhaustion-no-swap");
	CHECK(F.items[0].confidence == CONF_MEDIUM);
	CHECK(strstr(F.items[0].basis_note, "inferred") != NULL);
	CHECK(any_contains(&F.items[0], "CONFIG_SWAP=n"));
	CHECK(!(A.basis_present & BASIS_SWAP));   /* the swap lines were not printed */
	size_t len;
	char *j = render_json(&ev, &len);
	CHECK(json_valid(j, len));
	CHECK(strstr(j, "\"swap_inferred\": true") != NULL);
	CHECK(strstr(j, "\"swap_total_kb\": 0") != NULL);
	free(j);
	/* "Total swap = 0kB" printed: no swap, not inferred */
	ev.swap_inferred = false;
	run(&ev);
	CHECK(!A.mem.swap_inferred_none);
	CHECK(analysis_no_swap(&A.mem));
	CHECK(A.basis_present & BASIS_SWAP);
	CHECK(F.items[0].confidence != CONF_MEDIUM || strstr(F.items[0].basis_note, "inferred") == NULL);
	/* nothing printed and nothing inferred: swap unknown, not inferred;
	 * reclaim gave up with anon in RAM, so it is still named no swap, at
	 * low confidence (swap absent or full) */
	ev.snap.mem.swap_total_kib = ev.snap.mem.swap_free_kib = OOM_NA;
	run(&ev);
	CHECK(!A.mem.swap_inferred_none);
	CHECK(!analysis_no_swap(&A.mem));
	CHECK_STR(first_id(), "genuine-exhaustion-no-swap");
	CHECK(F.items[0].confidence == CONF_LOW);
	CHECK(strstr(F.items[0].basis_note, "taken as no swap") != NULL);
	/* pages in the swap cache: swap exists, its lines were lost, and it was full */
	ev.snap.mem.swap_cached_kib = 200 * MiB;
	run(&ev);
	CHECK_STR(first_id(), "genuine-exhaustion-swap-full");
	CHECK(F.items[0].confidence == CONF_LOW);
	event_release(&ev);
}

/* issue 8 §3: swap full with no RAM figures (the cut-head example):
 * genuine-exhaustion-swap-full at lower confidence; the task table weighed
 * against RAM + swap. */
TEST(swap_full_without_ram_figures)
{
	struct oom_event ev;
	bare_event(&ev, 3, 10, "x86_64");
	ev.snap.mem.swap_free_kib = 0;
	ev.snap.mem.swap_total_kib = 1048572;
	ev.snap.mem.ram_kib = 262000 * 4;
	struct oom_task *t = task(&ev, 101, "app", 4000, 0);
	t->swapents_pages = 9000;
	victim(&ev, 101, "app", 4000);
	run(&ev);
	CHECK_STR(first_id(), "genuine-exhaustion-swap-full");
	CHECK(F.items[0].confidence == CONF_LOW);
	CHECK(any_contains(&F.items[0], "the listed processes hold"));
	CHECK(F.items[0].basis_missing & BASIS_MEMINFO);
	/* tasks that hold most of RAM + swap: medium */
	t = &ev.snap.tasks[0];
	t->rss_pages = 240000;
	t->swapents_pages = 250000;
	run(&ev);
	CHECK_STR(first_id(), "genuine-exhaustion-swap-full");
	CHECK(F.items[0].confidence == CONF_MEDIUM);
	/* swap with room: nothing to say */
	ev.snap.mem.swap_free_kib = 500000;
	run(&ev);
	CHECK_STR(first_id(), "unknown");
	/* a memcg OOM: its own limit, never swap-full from this */
	ev.snap.mem.swap_free_kib = 0;
	ev.kind = OOM_KIND_MEMCG;
	snprintf(ev.constraint, sizeof(ev.constraint), "CONSTRAINT_MEMCG");
	run(&ev);
	CHECK(rank_of("genuine-exhaustion-swap-full") < 0);
	event_release(&ev);
}

/* issue 8 §3: lowmem per arch — 32-bit ARM/PPC have DMA as their lowmem
 * zone; HighMem's free from the summary when its zone line is not printed;
 * ZONE_MOVABLE is not HighMem; lowmem filled by nothing counted. */
static void arm_lowmem_base(struct oom_event *ev)
{
	/* global_base's 8 GiB x86_64 machine made a 4 GiB armv7l board with
	 * 3 GiB free (in HighMem), 1 GiB of free swap and no task table */
	global_base(ev);
	snapshot_release(&ev->snap);
	ev->have_victim = false;
	ev->snap.nr_zones = 0;
	ev->kv = kver_make(5, 10, 0);
	ev->kv.known = true;
	snprintf(ev->arch, sizeof(ev->arch), "armv7l");
	ev->req.gfp_mask = 0xcc0;
	snprintf(ev->req.gfp_text, sizeof(ev->req.gfp_text), "0xcc0(GFP_KERNEL)");
	struct oom_mem *m = &ev->snap.mem;
	m->total_kib = m->ram_kib = 4 * GiB;
	m->free_kib = 3 * GiB;
	m->anon_kib = 400 * MiB;
	m->file_kib = 300 * MiB;
	m->slab_reclaimable_kib = 20 * MiB;
	m->slab_unreclaimable_kib = 30 * MiB;
	m->swap_total_kib = m->swap_free_kib = 1 * GiB;
	struct oom_zone *z = zone(ev, 0, "DMA", 2 * MiB, 3 * MiB, 768 * MiB);
	z->nr_lowmem_reserve = 3;
	z->lowmem_reserve_pages[0] = 0;
	z->lowmem_reserve_pages[1] = 0;
	z->lowmem_reserve_pages[2] = 0;
	/* LRU pages in lowmem: 100 MiB; the rest of its 766 MiB used is in no counter */
	z->active_anon_kib = 50 * MiB;
	z->inactive_anon_kib = 10 * MiB;
	z->active_file_kib = 30 * MiB;
	z->inactive_file_kib = 10 * MiB;
	z->unevictable_kib = 0;
	z = zone(ev, 0, "HighMem", 3 * GiB - 2 * MiB, 512, 3 * GiB + 256 * MiB);
	z->nr_lowmem_reserve = 3;
}

TEST(lowmem_per_arch)
{
	struct oom_event ev;
	arm_lowmem_base(&ev);
	run(&ev);
	CHECK_STR(first_id(), "lowmem-exhausted-highmem-free");
	const struct finding *x = findings_get(&F, "lowmem-exhausted-highmem-free");
	CHECK(any_contains(x, "no counter accounts for"));
	CHECK(!any_contains(x, "modules in the allocating stack"));
	ev.nr_trace_modules = 1;
	snprintf(ev.trace_modules[0], sizeof(ev.trace_modules[0]), "vc4");
	run(&ev);
	x = findings_get(&F, "lowmem-exhausted-highmem-free");
	CHECK(any_contains(x, "modules in the allocating stack: [vc4]"));
	CHECK(any_contains(x, "swap could not have helped"));
	CHECK(rank_of("genuine-exhaustion-swap-full") < 0);
	bool claims_swap = false;
	for (int i = 0; i < A.nr_swap_reasons; i++)
		if (strstr(A.swap_reasons[i], "reclaim did not get to it"))
			claims_swap = true;
	CHECK(!claims_swap);
	event_release(&ev);

	/* the order not printed (2.6.9): lowmem below its low watermark beside
	 * free HighMem, judged without the check, medium; request unknown: low */
	arm_lowmem_base(&ev);
	ev.req.order = OOM_NA;
	run(&ev);
	CHECK_STR(first_id(), "lowmem-exhausted-highmem-free");
	CHECK(F.items[0].confidence == CONF_MEDIUM);
	ev.req.gfp_known = false;
	run(&ev);
	CHECK_STR(first_id(), "lowmem-exhausted-highmem-free");
	CHECK(F.items[0].confidence == CONF_LOW);
	/* lowmem above its low watermark: nothing proves starvation */
	ev.snap.zones[0].free_kib = 5 * MiB;
	run(&ev);
	CHECK(rank_of("lowmem-exhausted-highmem-free") < 0);
	event_release(&ev);

	/* the HighMem zone line not printed: "pages HighMem" says it exists, its
	 * free is the summary's free minus lowmem's */
	arm_lowmem_base(&ev);
	ev.snap.nr_zones = 1;
	ev.snap.mem.highmem_total_kib = 3 * GiB + 256 * MiB;
	run(&ev);
	CHECK_INT(A.mem.highmem_free_kib, 3 * GiB - 2 * MiB);
	CHECK_STR(first_id(), "lowmem-exhausted-highmem-free");
	CHECK(any_contains(findings_get(&F, "lowmem-exhausted-highmem-free"), "its zone line is not printed"));
	/* … or a four-wide lowmem_reserve on a 32-bit layout */
	ev.snap.mem.highmem_total_kib = OOM_NA;
	ev.snap.zones[0].nr_lowmem_reserve = 4;
	ev.snap.zones[0].lowmem_reserve_pages[3] = 0;
	run(&ev);
	CHECK_STR(first_id(), "lowmem-exhausted-highmem-free");
	/* … but not on a 64-bit arch */
	snprintf(ev.arch, sizeof(ev.arch), "aarch64");
	run(&ev);
	CHECK(!known(A.mem.highmem_free_kib));
	CHECK(rank_of("lowmem-exhausted-highmem-free") < 0);
	event_release(&ev);

	/* ZONE_MOVABLE is not HighMem: a 64-bit machine with a full Normal and
	 * a free Movable zone has no lowmem/HighMem split */
	global_base(&ev);
	zone(&ev, 0, "Movable", 2 * GiB, 10 * MiB, 3 * GiB);
	run(&ev);
	CHECK(!known(A.mem.highmem_free_kib));
	CHECK(rank_of("lowmem-exhausted-highmem-free") < 0);
	event_release(&ev);
}

/* issue 8 §3: a 4.4–5.9 zone with H letters and no reserved_highatomic:
 * the estimated reserve is held back from a request without reserve rights,
 * and the finding says so. */
TEST(highatomic_estimate_said)
{
	struct oom_event ev;
	global_base(&ev);
	ev.kv = kver_make(4, 9, 0);
	ev.kv.known = true;
	request(&ev, 0x24200ca, "GFP_HIGHUSER_MOVABLE", 0);
	struct oom_zone *z = &ev.snap.zones[2];
	z->free_types_known = true;
	z->free_types[0] = MT_MOVABLE | MT_HIGHATOMIC;
	run(&ev);
	CHECK_STR(first_id(), "genuine-exhaustion-no-swap");
	CHECK_INT(A.zone[2].highatomic_est_kib, 2048);
	CHECK(any_contains(&F.items[0], "highatomic reserve of at least 2 MiB"));
	/* an atomic request may use the reserve: nothing held back */
	request(&ev, 0x2080020, "GFP_ATOMIC", 0);
	run(&ev);
	CHECK(!known(A.zone[2].highatomic_est_kib));
	event_release(&ev);
}

TEST(cpuset)
{
	struct oom_event ev;
	global_base(&ev);
	ev.kind = OOM_KIND_CPUSET;
	snprintf(ev.constraint, sizeof(ev.constraint), "CONSTRAINT_CPUSET");
	snprintf(ev.cpuset, sizeof(ev.cpuset), "batch");
	snprintf(ev.mems_allowed, sizeof(ev.mems_allowed), "0");
	zone(&ev, 1, "Normal", 3 * GiB, 40 * MiB, 4 * GiB);
	run(&ev);
	CHECK_STR(first_id(), "cpuset-or-mempolicy");
	/* the machine did not run out, the cpuset's node did (qa: "RAM ran out"
	 * beside 3 GiB free on node 1 misled) */
	CHECK(rank_of("genuine-exhaustion-no-swap") < 0);
	CHECK(any_contains(&F.items[0], "confined to node 0 by its cpuset: it had"));
	CHECK(!A.zone[3].usable);
	CHECK(any_contains(&F.items[0], "other nodes had 3 GiB"));   /* free on the node it could not use */
	size_t len;
	char *t = render_text(&ev, false, &len);
	CHECK(strstr(t, "only node 0 was allowed") != NULL);
	CHECK(strstr(t, "not allowed") != NULL);   /* node 1's zone, -v */
	free(t);
	event_release(&ev);
}

TEST(alloc_failure)
{
	struct oom_event ev;
	global_base(&ev);
	ev.kind = OOM_KIND_ALLOC_FAILURE;
	ev.outcome = OOM_OUTCOME_NONE;
	ev.have_victim = false;
	ev.req.gfp_mask = 0x820;   /* GFP_ATOMIC, 6.3+ */
	snprintf(ev.req.gfp_text, sizeof(ev.req.gfp_text), "0x820(GFP_ATOMIC)");
	ev.kv = kver_make(6, 6, 0);
	snprintf(ev.kernel, sizeof(ev.kernel), "6.6.0");
	for (int i = 0; i < 3; i++)
		ev.snap.zones[i].free_kib = ev.snap.zones[i].min_kib / 4;
	run(&ev);
	CHECK(A.atomic);
	CHECK_STR(first_id(), "atomic-reserves-exhausted");

	/* order 3, atomic, plenty free in small blocks: fragmentation. */
	ev.req.order = 3;
	for (int i = 0; i < 3; i++) {
		ev.snap.zones[i].free_kib = 1 * GiB;
		ev.snap.zones[i].free_blocks[0] = GiB / 4;
	}
	run(&ev);
	CHECK_STR(first_id(), "fragmentation-high-order");
	event_release(&ev);
}

TEST(panic_and_unknown)
{
	struct oom_event ev;
	global_base(&ev);
	ev.panic_on_oom = 2;
	ev.outcome = OOM_OUTCOME_PANIC;
	ev.have_victim = false;
	run(&ev);
	CHECK_STR(first_id(), "genuine-exhaustion-no-swap");
	CHECK(rank_of("panic-on-oom") > 0);
	event_release(&ev);

	/* Nothing at all: only kill lines. */
	event_init(&ev);
	ev.header_missing = true;
	victim(&ev, 42, "x", 100);
	run(&ev);
	CHECK_STR(first_id(), "unknown");
	CHECK_INT(F.n, 1);
	CHECK(A.mem.scope == MEM_SCOPE_NONE);
	CHECK_INT(A.mem.unaccounted_kib, OOM_NA);
	event_release(&ev);
}

/* A report cut before its trigger line (no gfp, no order): exhaustion needs
 * evidence in the zones; 850 MiB free in DMA32 is none (qa regression: the
 * S05 report from Mem-Info on was called genuine-exhaustion-no-swap). */
TEST(cut_before_trigger)
{
	struct oom_event ev;
	global_base(&ev);
	ev.req.gfp_known = false;
	ev.req.gfp_mask = 0;
	ev.req.gfp_text[0] = '\0';
	ev.req.order = OOM_NA;
	ev.snap.zones[1].free_kib = 850 * MiB;
	ev.snap.mem.free_kib = 890 * MiB;
	/* in blocks of every size (all in single pages would be
	 * fragmentation: fragmentation_unknown_request) */
	ev.snap.zones[1].free_blocks[0] = 50 * MiB / 4;
	ev.snap.zones[1].free_blocks[9] = 400;
	run(&ev);
	CHECK_INT(A.classzone, -1);
	CHECK_STR(first_id(), "unknown");
	CHECK(rank_of("genuine-exhaustion-no-swap") < 0);
	CHECK(any_contains(&F.items[0], "DMA32 had 850 MiB free"));
	CHECK(any_contains(&F.items[0], "invoked oom-killer"));
	size_t len;
	char *t = render_text(&ev, false, &len);
	CHECK(t && strstr(t, "the request is not in the report"));
	CHECK(t && !strstr(t, "not usable"));
	CHECK(t && !strstr(t, "are hidden"));
	free(t);
	/* the same free memory behind a lowmem_reserve of 500 MiB (a big
	 * Normal zone above): Normal/Movable requests could not have used it */
	for (int k = 2; k < 5; k++)
		ev.snap.zones[1].lowmem_reserve_pages[k] = 500 * MiB / 4;
	run(&ev);
	CHECK(rank_of("genuine-exhaustion-no-swap") == 0);
	event_release(&ev);

	/* qa: a mask the parser could not read leaves only its text ("0" of a
	 * line wrapped inside "0x14200ca"): no hex, no decode */
	global_base(&ev);
	ev.req.gfp_known = false;
	snprintf(ev.req.gfp_text, sizeof(ev.req.gfp_text), "0");
	run(&ev);
	CHECK_STR(A.gfp_hex, "");
	CHECK_INT(A.nr_gfp_names, 0);
	event_release(&ev);

	/* The same cut report with every zone at its watermarks is exhaustion
	 * wherever the request came from. */
	global_base(&ev);
	ev.req.gfp_known = false;
	ev.req.order = OOM_NA;
	run(&ev);
	CHECK_STR(first_id(), "genuine-exhaustion-no-swap");
	event_release(&ev);

	/* Request known, a usable zone far above high: not exhaustion. */
	global_base(&ev);
	ev.snap.zones[2].free_kib = 900 * MiB;
	ev.snap.zones[2].free_blocks[0] = 900 * MiB / 4;
	run(&ev);
	CHECK(rank_of("genuine-exhaustion-no-swap") < 0);
	CHECK(any_contains(&F.items[0], "Normal had 900 MiB free"));
	event_release(&ev);
}

/* issue 8: unevictable (mlocked) memory filling RAM while swap was free is
 * named as such (R013's shape), and stays out of the way when small. */
TEST(mlocked_unevictable)
{
	struct oom_event ev;
	global_base(&ev);
	ev.snap.mem.anon_kib = 2 * GiB;
	ev.snap.mem.active_anon_kib = 1 * GiB;
	ev.snap.mem.inactive_anon_kib = 1 * GiB;
	ev.snap.mem.unevictable_kib = 5 * GiB;
	ev.snap.zones[2].mlocked_kib = 5 * GiB;
	ev.snap.mem.swap_total_kib = 2 * GiB;
	ev.snap.mem.swap_free_kib = 2 * GiB - 10 * MiB;
	run(&ev);
	CHECK_STR(first_id(), "mlocked-unevictable");
	CHECK(any_contains(&F.items[0], "mlocked in the zones: "));
	CHECK(any_contains(&F.items[0], "swap still had"));
	event_release(&ev);

	global_base(&ev);
	ev.snap.mem.unevictable_kib = 100 * MiB;
	run(&ev);
	CHECK(rank_of("mlocked-unevictable") < 0);
	event_release(&ev);
}

/* issue 8: a kill-only global report, no swap per the next report (R048). */
TEST(noswap_blind)
{
	struct oom_event ev;
	event_init(&ev);
	ev.kind = OOM_KIND_GLOBAL;
	ev.have_victim = true;
	ev.victim.pid = 2525;
	snprintf(ev.victim.comm, sizeof(ev.victim.comm), "malloc");
	run(&ev);
	CHECK(rank_of("genuine-exhaustion-no-swap") < 0);
	ev.noswap_from_line = 42;
	run(&ev);
	CHECK_STR(first_id(), "genuine-exhaustion-no-swap");
	CHECK(F.items[0].confidence == CONF_LOW);
	CHECK(any_contains(&F.items[0], "at line 42"));
	event_release(&ev);
}

/* issue 8: task rows and a kill whose machine had swap full in the next
 * report of the same host, seconds later (R435's shape): RAM and swap. */
TEST(swapfull_from_next)
{
	struct oom_event ev;
	event_init(&ev);
	ev.kind = OOM_KIND_GLOBAL;
	ev.have_victim = true;
	ev.victim.pid = 20136;
	snprintf(ev.victim.comm, sizeof(ev.victim.comm), "chrome");
	snprintf(ev.victim.message, sizeof(ev.victim.message), "Out of memory");
	ev.victim.score = 590;            /* raised by adj 588: says nothing of the others */
	ev.victim.oom_score_adj = 588;
	run(&ev);
	CHECK_STR(first_id(), "genuine-exhaustion-no-swap");
	ev.swapfull_from_line = 18;
	run(&ev);
	CHECK_STR(first_id(), "genuine-exhaustion-swap-full");
	CHECK(F.items[0].confidence == CONF_LOW);
	CHECK(any_contains(&F.items[0], "at line 18"));
	/* Total swap printed, its Free line cut: configured, and reclaim
	 * gave up with it, so full (R879's head) */
	ev.swapfull_from_line = 0;
	ev.snap.mem.swap_total_kib = 1340408;
	run(&ev);
	CHECK_STR(first_id(), "genuine-exhaustion-swap-full");
	CHECK(any_contains(&F.items[0], "Free swap line not in the report"));
	ev.snap.mem.swap_total_kib = OOM_NA;
	/* adj 0 and score 2: the worst process held next to nothing */
	ev.victim.oom_score_adj = 0;
	ev.victim.score = 2;
	run(&ev);
	CHECK(strcmp(first_id(), "genuine-exhaustion-swap-full") != 0);
	event_release(&ev);
}

/* issue 8: free memory that is mostly CMA does not serve a non-movable
 * request (R065's shape); a movable request could have used it. */
TEST(cma_unusable)
{
	struct oom_event ev;
	global_base(&ev);
	ev.req.gfp_mask = 0xcc0;     /* GFP_KERNEL */
	snprintf(ev.req.gfp_text, sizeof(ev.req.gfp_text), "0xcc0(GFP_KERNEL)");
	for (int i = 0; i < ev.snap.nr_zones; i++) {
		struct oom_zone *z = &ev.snap.zones[i];
		z->free_cma_kib = 0;
	}
	ev.snap.zones[2].free_kib = 200 * MiB;
	ev.snap.zones[2].free_cma_kib = 170 * MiB;
	ev.snap.zones[2].free_blocks[0] = 200 * MiB / 4;
	run(&ev);
	CHECK_STR(first_id(), "cma-unusable");
	CHECK(F.items[0].confidence == CONF_MEDIUM);
	/* a movable request may take CMA: not this cause */
	ev.req.gfp_mask = 0x140cca;
	snprintf(ev.req.gfp_text, sizeof(ev.req.gfp_text), "0x140cca(GFP_HIGHUSER_MOVABLE|__GFP_COMP)");
	run(&ev);
	CHECK(rank_of("cma-unusable") < 0);
	event_release(&ev);
}

TEST(diagnose_event_entry)
{
	struct oom_event ev;
	global_base(&ev);
	diagnose_event(&ev, &F);
	CHECK_STR(first_id(), "genuine-exhaustion-no-swap");
	CHECK(known(ev.snap.tasks[1].badness));
	event_release(&ev);
}

/* issue 8 §3/§4 end to end from text: the seeds of fuzz/seeds/explain for
 * each partial-evidence shape give the cause and confidence expected. */
struct text_seen { char cause[40]; enum confidence conf; int n; int nr_mod; char mod[2][32]; };

static void on_text_event(struct oom_event *ev, void *ctx)
{
	struct text_seen *t = ctx;
	if (t->n++)
		return;
	run(ev);
	snprintf(t->cause, sizeof(t->cause), "%s", first_id());
	t->conf = F.n ? F.items[0].confidence : CONF_UNSET;
	t->nr_mod = ev->nr_trace_modules;
	for (int i = 0; i < 2 && i < ev->nr_trace_modules; i++)
		snprintf(t->mod[i], sizeof(t->mod[i]), "%s", ev->trace_modules[i]);
}

static struct text_seen last_text;

static void from_text(const char *seed, const char *cause, enum confidence conf)
{
	char path[1024];
	snprintf(path, sizeof(path), "%s/fuzz/seeds/explain/%s", check_srcdir(), seed);
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	CHECK(fd >= 0);
	if (fd < 0)
		return;
	struct text_seen t;
	memset(&t, 0, sizeof(t));
	check_current = seed;
	CHECK(report_read_fd(fd, seed, on_text_event, NULL, &t) >= 0);
	close(fd);
	CHECK_INT(t.n, 1);
	CHECK_STR(t.cause, cause);
	CHECK_STR(confidence_name(t.conf), confidence_name(conf));
	last_text = t;
}


TEST(partial_evidence_from_text)
{
	from_text("buddy-only-4.9.log", "fragmentation-high-order", CONF_MEDIUM);
	from_text("blind-order3.log", "fragmentation-high-order", CONF_LOW);
	/* the modules of the stack dump's frames (x86 and ARM forms) */
	CHECK_INT(last_text.nr_mod, 2);
	CHECK_STR(last_text.mod[0], "rtw88_usb");
	CHECK_STR(last_text.mod[1], "vc4");
	from_text("blind-atomic-failure.log", "fragmentation-high-order", CONF_LOW);
	from_text("noswap-board-2.6.log", "genuine-exhaustion-no-swap", CONF_MEDIUM);
	from_text("numa-bind-4.14.log", "cpuset-or-mempolicy", CONF_MEDIUM);
	from_text("numa-hint-2.6.9.log", "cpuset-or-mempolicy", CONF_MEDIUM);
	from_text("frag.log", "fragmentation-high-order", CONF_HIGH);
}
int main(void)
{
	RUN(swap_full);
	RUN(swap_free_is_unknown);
	RUN(memcg_limit);
	RUN(slab_growth);
	RUN(hugepages);
	RUN(lowmem);
	RUN(lowmem_above_min_below_low);
	RUN(lowmem_under_high_before_2611);
	RUN(fragmentation);
	RUN(fragmentation_buddy_only);
	RUN(fragmentation_unknown_request);
	RUN(lowmem_unknown_request);
	RUN(fragment_reserve_floor);
	RUN(lone_failures_name_what_failed);
	RUN(fragmentation_blind);
	RUN(vmalloc_zero_bytes_is_a_caller_bug);
	RUN(vmalloc_noretry_is_the_callers_fail_fast);
	RUN(vmalloc_huge_page_warning_is_6_3s_regression);
	RUN(room_relative_small_board);
	RUN(no_swap_lines_inferred);
	RUN(swap_full_without_ram_figures);
	RUN(lowmem_per_arch);
	RUN(highatomic_estimate_said);
	RUN(cpuset);
	RUN(alloc_failure);
	RUN(panic_and_unknown);
	RUN(cut_before_trigger);
	RUN(diagnose_event_entry);
	RUN(partial_evidence_from_text);
	RUN(mlocked_unevictable);
	RUN(cma_unusable);
	RUN(noswap_blind);
	RUN(swapfull_from_next);
	return check_summary();
}
