/* test_diagnose_event_analysis.c — diagnose/event_analysis.c: the numbers event_analyse derives
 * from one event before any rule runs (memory breakdown, swap, constraint
 * inferred, zones, the margin per era, the victim check).
 * (Split from test_diagnose.c; the events are built by diag_events.h.) */

#include "diag_events.h"

TEST(no_swap)
{
	struct oom_event ev;
	global_base(&ev);
	run(&ev);
	CHECK_STR(first_id(), "genuine-exhaustion-no-swap");
	CHECK(any_contains(&F.items[0], "java (pid 1234"));
	CHECK(A.mem.scope == MEM_SCOPE_SYSTEM);
	CHECK(known(A.mem.unaccounted_kib));
	CHECK_INT(A.nr_ok, 0);
	CHECK(A.victim_verdict == VICTIM_BEST);
	CHECK(A.second_idx >= 0 && ev.snap.tasks[A.second_idx].pid == 2000);
	CHECK(known(A.margin_kib) && A.margin_kib > 5 * GiB);
	CHECK_INT(A.request_bytes, 4096);
	event_release(&ev);
}

TEST(unaccounted)
{
	struct oom_event ev;
	global_base(&ev);
	ev.snap.mem.active_anon_kib = 2 * GiB;
	ev.snap.mem.anon_kib = 3 * GiB;   /* 4 GiB of 8 in no counter */
	run(&ev);
	CHECK_STR(first_id(), "kernel-leak-or-bug");
	CHECK(A.mem.unaccounted_kib > 3 * GiB);
	event_release(&ev);
}

/* issue 8 §3: the constraint inferred before 5.0 (no constraint line). */
TEST(constraint_inferred_pre_5_0)
{
	struct oom_event ev;
	global_base(&ev);
	ev.kv = kver_make(4, 14, 0);
	ev.kv.known = true;
	ev.constraint[0] = '\0';
	ev.req.gfp_mask = 0x14200ca;   /* 4.14 GFP_HIGHUSER_MOVABLE */
	struct oom_zone *z = zone(&ev, 1, "Normal", 6 * GiB, 40 * MiB, 8 * GiB);
	(void)z;
	run(&ev);
	CHECK(A.constraint_inferred && A.mempolicy && !A.cpuset);
	CHECK_STR(A.inferred_nodes, "0");
	/* the event's kind follows, marked inferred; a second analysis of
	 * the same event infers it again (it is not taken as told) */
	CHECK(ev.kind == OOM_KIND_MEMPOLICY && ev.kind_inferred);
	run(&ev);
	CHECK(A.constraint_inferred && A.mempolicy && ev.kind == OOM_KIND_MEMPOLICY && ev.kind_inferred);
	CHECK_STR(first_id(), "cpuset-or-mempolicy");
	const struct finding *x = findings_get(&F, "cpuset-or-mempolicy");
	CHECK(x && x->confidence == CONF_MEDIUM && strstr(x->basis_note, "inferred"));
	CHECK(any_contains(x, "confined to node 0 by a memory policy"));
	CHECK(rank_of("genuine-exhaustion-no-swap") < 0);
	/* mems_allowed a strict subset of the nodes present: cpuset */
	snprintf(ev.mems_allowed, sizeof(ev.mems_allowed), "0");
	run(&ev);
	CHECK(A.constraint_inferred && A.cpuset);
	CHECK(ev.kind == OOM_KIND_CPUSET && ev.kind_inferred);
	CHECK(any_contains(findings_get(&F, "cpuset-or-mempolicy"), "by its cpuset"));
	/* mems_allowed every node: a memory policy */
	snprintf(ev.mems_allowed, sizeof(ev.mems_allowed), "0-1");
	run(&ev);
	CHECK(A.constraint_inferred && A.mempolicy);
	/* __GFP_THISNODE restricts by itself: nothing to infer */
	ev.req.gfp_mask = 0x14200ca | 0x40000;
	run(&ev);
	CHECK(!A.constraint_inferred);
	ev.req.gfp_mask = 0x14200ca;
	/* a printed constraint (5.0+) is read, never inferred */
	snprintf(ev.constraint, sizeof(ev.constraint), "CONSTRAINT_NONE");
	run(&ev);
	CHECK(!A.constraint_inferred);
	CHECK(ev.kind == OOM_KIND_GLOBAL && !ev.kind_inferred);
	ev.constraint[0] = '\0';
	/* order > 0: a block may have been missing on the other node too */
	ev.req.order = 2;
	run(&ev);
	CHECK(!A.constraint_inferred);
	event_release(&ev);
}

/* The inferred constraint with node 0's zones between min and low: they
 * passed at min on what came free after the allocator gave up, starved
 * all the same beside node 1's room (R1821); above low they had room of
 * their own and nothing is inferred.  Memory in no counter on the node
 * follows the confinement, as in a cgroup. */
TEST(constraint_inferred_zone_below_low)
{
	struct oom_event ev;
	global_base(&ev);
	ev.kv = kver_make(3, 10, 0);
	ev.kv.known = true;
	ev.constraint[0] = '\0';
	ev.req.gfp_mask = 0x200da;   /* 3.10 GFP_HIGHUSER_MOVABLE */
	for (int i = 0; i < ev.snap.nr_zones; i++) {
		struct oom_zone *z = &ev.snap.zones[i];
		if (z->node == 0 && strcmp(z->name, "DMA") != 0)
			z->free_kib = z->min_kib + (z->low_kib - z->min_kib) / 2;   /* passes at min, below low */
	}
	zone(&ev, 1, "Normal", 6 * GiB, 40 * MiB, 8 * GiB);
	run(&ev);
	CHECK(A.constraint_inferred && A.mempolicy);
	CHECK_STR(A.inferred_nodes, "0");
	CHECK_STR(first_id(), "cpuset-or-mempolicy");
	/* most of RAM in no counter: second to the confinement */
	ev.snap.mem.active_anon_kib = 100 * MiB;
	ev.snap.mem.anon_kib = 100 * MiB;
	run(&ev);
	CHECK(A.constraint_inferred);
	CHECK_STR(first_id(), "cpuset-or-mempolicy");
	CHECK(rank_of("kernel-leak-or-bug") > 0);
	/* node 0's zones above their low marks: room of their own */
	for (int i = 0; i < ev.snap.nr_zones; i++) {
		struct oom_zone *z = &ev.snap.zones[i];
		if (z->node == 0 && strcmp(z->name, "DMA") != 0)
			z->free_kib = z->low_kib + MiB;
	}
	run(&ev);
	CHECK(!A.constraint_inferred);
	event_release(&ev);
}

/* The summary's unevictable lost, every zone line printing it (R1908): the
 * zones' sum; a zone without it leaves the figure unknown. */
TEST(unevictable_from_zones)
{
	struct oom_event ev;
	global_base(&ev);
	ev.snap.mem.unevictable_kib = OOM_NA;
	for (int i = 0; i < ev.snap.nr_zones; i++)
		ev.snap.zones[i].unevictable_kib = 1000 * (i + 1);
	run(&ev);
	CHECK_INT(A.mem.unevictable_kib, 1000 + 2000 + 3000);
	ev.snap.zones[1].unevictable_kib = OOM_NA;
	run(&ev);
	CHECK(!known(A.mem.unevictable_kib));
	event_release(&ev);
}

TEST(sysrq)
{
	struct oom_event ev;
	global_base(&ev);
	ev.kind = OOM_KIND_SYSRQ;
	ev.req.order = -1;
	ev.req.gfp_mask = 0xcc0;
	snprintf(ev.req.trigger_comm, sizeof(ev.req.trigger_comm), "kworker/0:2");
	ev.snap.mem.free_kib = 1700 * MiB;
	run(&ev);
	CHECK_STR(first_id(), "manual-sysrq");
	CHECK(A.sysrq);
	CHECK_INT(A.request_bytes, OOM_NA);
	event_release(&ev);
}

/* qa: a report cut inside its zone lines (no "pages RAM"): the total must
 * not come from the zones that are there, and a high-order request with no
 * buddy line is not "ok" on free pages alone. */
TEST(cut_inside_zones)
{
	struct oom_event ev;
	global_base(&ev);
	ev.snap.mem.total_kib = OOM_NA;
	ev.snap.mem.ram_kib = OOM_NA;
	ev.snap.nr_zones = 2;             /* Normal cut off */
	run(&ev);
	CHECK_INT(A.mem.total_kib, OOM_NA);
	CHECK_INT(A.mem.unaccounted_kib, OOM_NA);
	CHECK(rank_of("shmem-tmpfs") < 0 && rank_of("slab-growth") < 0 && rank_of("kernel-leak-or-bug") < 0);
	event_release(&ev);

	/* a zone's size cut (its line ends before "managed:"), the summary
	 * free cut too: a total from the other zones that anon alone exceeds
	 * is no total (R3164) */
	global_base(&ev);
	ev.snap.mem.total_kib = OOM_NA;
	ev.snap.mem.ram_kib = OOM_NA;
	ev.snap.mem.free_kib = OOM_NA;
	ev.snap.zones[2].managed_kib = OOM_NA;
	ev.snap.zones[2].present_kib = OOM_NA;
	ev.snap.mem.active_anon_kib = 7 * GiB;
	ev.snap.mem.anon_kib = 7 * GiB;
	/* a node line's counters: no slab, so no unaccounted figure shows it */
	ev.snap.mem.slab_reclaimable_kib = ev.snap.mem.slab_unreclaimable_kib = OOM_NA;
	ev.snap.mem.slab_kib = OOM_NA;
	run(&ev);
	CHECK_INT(A.mem.total_kib, OOM_NA);
	CHECK(A.mem.totals_disagree);
	event_release(&ev);

	/* all zones there: the total is their managed pages */
	global_base(&ev);
	ev.snap.mem.total_kib = OOM_NA;
	ev.snap.mem.ram_kib = OOM_NA;
	run(&ev);
	CHECK_INT(A.mem.total_kib, 15 * MiB + 3 * GiB + 5 * GiB);
	event_release(&ev);

	/* order-3 request, buddy lines cut: zones unknown, not ok */
	global_base(&ev);
	ev.req.order = 3;
	ev.snap.zones[1].free_kib = 900 * MiB;
	for (int i = 0; i < ev.snap.nr_zones; i++)
		ev.snap.zones[i].nr_orders = 0;
	run(&ev);
	CHECK_INT(A.nr_evaluated, 0);
	CHECK_INT(A.nr_ok, 0);
	CHECK(!any_contains(&F.items[0], "had not run out"));
	event_release(&ev);
}

/* qa: 2.6.36-3.7 points are thousandths of totalpages; the margin to the
 * runner-up must be converted with totalpages, not read as pages. */
TEST(margin_normalised_era)
{
	struct oom_event ev;
	global_base(&ev);
	ev.kv = kver_make(3, 4, 0);
	ev.kv.known = true;
	snprintf(ev.kernel, sizeof(ev.kernel), "3.4.0-54-generic");
	run(&ev);
	CHECK(A.victim_verdict == VICTIM_BEST);
	CHECK(A.second_idx >= 0);
	if (A.second_idx >= 0 && A.best_idx >= 0) {
		int64_t d = ev.snap.tasks[A.best_idx].badness - ev.snap.tasks[A.second_idx].badness;
		CHECK(d > 0 && d <= 1000);
		CHECK_INT(A.margin_kib, d * A.totalpages / 1000 * 4);
		CHECK(A.margin_kib > 4 * GiB);   /* java 6 GiB against postgres 700 MiB */
	}
	size_t len;
	char *t = render_text(&ev, false, &len);
	CHECK(t && strstr(t, "thousandths of totalpages"));
	free(t);
	/* <= 2.6.35: total_vm points are no amount of memory */
	ev.kv = kver_make(2, 6, 32);
	ev.kv.known = true;
	run(&ev);
	CHECK_INT(A.margin_kib, OOM_NA);
	event_release(&ev);
}

/* qa: no totalpages, non-zero adj: judged only when one task dominates
 * on both memory and oom_score_adj. */
TEST(dominance_without_totalpages)
{
	struct oom_event ev;
	global_base(&ev);
	ev.snap.mem.swap_total_kib = OOM_NA;
	ev.snap.mem.swap_free_kib = OOM_NA;
	ev.snap.mem.total_kib = OOM_NA;
	ev.snap.mem.ram_kib = OOM_NA;
	for (size_t i = 0; i < ev.snap.nr_tasks; i++)
		if (ev.snap.tasks[i].pid == 1234)
			ev.snap.tasks[i].oom_score_adj = 500;
	run(&ev);
	if (!known(A.totalpages)) {
		CHECK(A.ranked_by_dominance);
		CHECK(A.victim_verdict == VICTIM_BEST);
		CHECK_INT(A.margin_kib, OOM_NA);
	}
	/* postgres: less memory but a higher adj: no verdict */
	for (size_t i = 0; i < ev.snap.nr_tasks; i++)
		if (ev.snap.tasks[i].pid == 2000)
			ev.snap.tasks[i].oom_score_adj = 600;
	run(&ev);
	if (!known(A.totalpages)) {
		CHECK(!A.ranked_by_dominance);
		CHECK(A.victim_verdict == VICTIM_UNKNOWN);
	}
	CHECK(!known(A.totalpages));
	event_release(&ev);
}

TEST(victim_not_best)
{
	struct oom_event ev;
	global_base(&ev);
	victim(&ev, 2000, "postgres", 700 * MiB);
	run(&ev);
	CHECK(A.victim_verdict == VICTIM_NOT_BEST);
	CHECK(ev.snap.tasks[A.best_idx].pid == 1234);
	ev.snap.tasks[1].oom_score_adj = -1000;   /* java protected: postgres is the choice */
	run(&ev);
	CHECK(A.victim_verdict == VICTIM_BEST);
	CHECK_INT(ev.snap.tasks[1].badness, OOM_NA);
	/* oom_kill_allocating_task: no comparison was made. */
	ev.snap.tasks[1].oom_score_adj = 0;
	snprintf(ev.victim.message, sizeof(ev.victim.message), "Out of memory (oom_kill_allocating_task)");
	run(&ev);
	CHECK(A.victim_verdict == VICTIM_ALLOCATING_TASK);
	CHECK_STR(victim_verdict_name(A.victim_verdict), "allocating-task");
	event_release(&ev);
}
/* Reserve rights of a request that cannot sleep, by era
 * (mm/page_alloc.c gfp_to_alloc_flags). */
TEST(atomic_reserve_rights_by_era)
{
	struct oom_event ev;
	global_base(&ev);
	ev.kind = OOM_KIND_ALLOC_FAILURE;
	ev.req.gfp_known = true;
	/* 5.0 GFP_NOWAIT (__GFP_KSWAPD_RECLAIM only): no ALLOC_HARDER */
	ev.kv = kver_make(5, 0, 10);
	ev.kv.known = true;
	ev.req.gfp_mask = 0x400000;
	run(&ev);
	CHECK(A.atomic);
	CHECK(!(A.alloc_flags & ZWM_HARDER));
	/* 5.0 GFP_ATOMIC (__GFP_HIGH|__GFP_ATOMIC|__GFP_KSWAPD_RECLAIM) */
	ev.req.gfp_mask = 0x480020;
	run(&ev);
	CHECK((A.alloc_flags & ZWM_HARDER) && (A.alloc_flags & ZWM_HIGH));
	/* … with __GFP_NOMEMALLOC: no reserve rights */
	ev.req.gfp_mask = 0x480020 | 0x10000;
	run(&ev);
	CHECK(!(A.alloc_flags & ZWM_HARDER));
	/* 3.10 GFP_ATOMIC (__GFP_HIGH, no __GFP_WAIT): ALLOC_HARDER */
	ev.kv = kver_make(3, 10, 0);
	ev.kv.known = true;
	ev.req.gfp_mask = 0x20;
	run(&ev);
	CHECK(A.atomic && (A.alloc_flags & ZWM_HARDER));
	event_release(&ev);
}

int main(void)
{
	RUN(atomic_reserve_rights_by_era);
	RUN(no_swap);
	RUN(unaccounted);
	RUN(constraint_inferred_pre_5_0);
	RUN(constraint_inferred_zone_below_low);
	RUN(unevictable_from_zones);
	RUN(sysrq);
	RUN(cut_inside_zones);
	RUN(margin_normalised_era);
	RUN(dominance_without_totalpages);
	RUN(victim_not_best);
	return check_summary();
}
