/* test_report_parse_mem.c — report/parse_mem.c, one line at a time: the
 * Mem-Info summary (pages), node and zone lines (kB), lowmem_reserve, the
 * page totals and swap lines, per-cpu lines, the memcg block, the
 * unreclaimable slab dump and the modules named in stack frames. */
#include "check.h"
#include "pstate.h"

TEST(summary_pages)
{
	struct pstate *st = fresh();
	CHECK(pm_summary_line(st, LINE("active_anon:426099 inactive_anon:182614 isolated_anon:0"), false));
	CHECK_INT(st->pages.active_anon_kib, 426099);      /* still pages: pf_finish converts */
	CHECK_INT(st->pages.inactive_anon_kib, 182614);
	CHECK(st->ev.have_meminfo);
	CHECK(!pm_summary_line(st, LINE("java invoked oom-killer: gfp_mask=0x0"), false));
	event_release(&st->ev);
}

TEST(zone_and_node)
{
	struct pstate *st = fresh();
	CHECK(pm_node_or_zone_line(st, LINE("Node 0 DMA32 free:14120kB boost:0kB min:13760kB low:17200kB "
					    "high:20640kB reserved_highatomic:0KB active_anon:638432kB "
					    "present:3129216kB managed:3063024kB mlocked:0kB free_pcp:296kB")));
	CHECK_INT(st->ev.snap.nr_zones, 1);
	const struct oom_zone *z = &st->ev.snap.zones[0];
	CHECK_STR(z->name, "DMA32");
	CHECK_INT(z->node, 0);
	CHECK_INT(z->free_kib, 14120);
	CHECK_INT(z->min_kib, 13760);
	CHECK_INT(z->high_kib, 20640);
	CHECK_INT(z->managed_kib, 3063024);
	CHECK_INT(z->present_kib, 3129216);
	CHECK_INT(z->reserved_highatomic_kib, 0);
	CHECK(pm_lowmem_line(st, LINE("lowmem_reserve[]: 0 0 5007 5007 5007")));
	CHECK_INT(st->ev.snap.zones[0].nr_lowmem_reserve, 5);
	CHECK_INT(st->ev.snap.zones[0].lowmem_reserve_pages[2], 5007);
	CHECK(!pm_lowmem_line(st, LINE("lowmem 0 0")));

	CHECK(pm_node_or_zone_line(st, LINE("Node 0 active_anon:1704396kB inactive_anon:730456kB "
					    "kernel_stack:9000kB pagetables:4836kB all_unreclaimable? yes")));
	CHECK_INT(st->ev.snap.nr_nodes, 1);
	CHECK_INT(st->ev.snap.nodes[0].kernel_stack_kib, 9000);
	CHECK_INT(st->ev.snap.nodes[0].active_anon_kib, 1704396);
	CHECK_INT(st->ev.snap.nodes[0].all_unreclaimable, 1);
	CHECK(!pm_node_or_zone_line(st, LINE("Node 0 hugepages_total=0 hugepages_free=0")) ||
	      st->ev.snap.nr_nodes == 1);                    /* a hugepages line adds no node */
	event_release(&st->ev);
}

/* Zone lines left out of a paste, their lowmem_reserve lines kept (R1762):
 * each line after the first belongs to the next zone, which a buddy line
 * names, not to the zone line above. */
TEST(orphan_lowmem_reserve_lines)
{
	struct pstate *st = fresh();
	CHECK(pm_node_or_zone_line(st, LINE("Node 0 DMA free:15904kB min:28kB low:32kB high:40kB present:15988kB")));
	CHECK(pm_lowmem_line(st, LINE("lowmem_reserve[]: 0 3247 4003 4003")));
	CHECK(pm_lowmem_line(st, LINE("lowmem_reserve[]: 0 0 756 756")));
	CHECK(pm_lowmem_line(st, LINE("lowmem_reserve[]: 0 0 0 0")));
	CHECK_INT(st->ev.snap.zones[0].lowmem_reserve_pages[2], 4003);   /* DMA's stays */
	CHECK(pm_node_or_zone_line(st, LINE("Node 0 DMA: 1*32kB 2*64kB 1*128kB = 288kB")));
	CHECK(pm_node_or_zone_line(st, LINE("Node 0 DMA32: 3586*4kB 1072*8kB = 22920kB")));
	CHECK(pm_node_or_zone_line(st, LINE("Node 0 Normal: 565*4kB 87*8kB = 2956kB")));
	CHECK_INT(st->ev.snap.nr_zones, 3);
	CHECK_INT(st->ev.snap.zones[0].lowmem_reserve_pages[2], 4003);
	CHECK_STR(st->ev.snap.zones[1].name, "DMA32");
	CHECK_INT(st->ev.snap.zones[1].nr_lowmem_reserve, 4);
	CHECK_INT(st->ev.snap.zones[1].lowmem_reserve_pages[2], 756);
	CHECK_INT(st->ev.snap.zones[2].nr_lowmem_reserve, 4);
	CHECK_INT(st->ev.snap.zones[2].lowmem_reserve_pages[2], 0);
	event_release(&st->ev);
	/* a zone line between: it takes its own line, and the orphan goes to
	 * the zone only a buddy line names */
	st = fresh();
	CHECK(pm_node_or_zone_line(st, LINE("Node 0 DMA free:15904kB min:28kB low:32kB high:40kB")));
	CHECK(pm_lowmem_line(st, LINE("lowmem_reserve[]: 0 3247 4003 4003")));
	CHECK(pm_lowmem_line(st, LINE("lowmem_reserve[]: 0 0 756 756")));
	CHECK(pm_node_or_zone_line(st, LINE("Node 0 Normal free:3548kB min:1400kB low:1750kB high:2100kB")));
	CHECK(pm_lowmem_line(st, LINE("lowmem_reserve[]: 0 0 0 0")));
	CHECK(pm_node_or_zone_line(st, LINE("Node 0 DMA32: 3586*4kB = 14344kB")));
	CHECK_STR(st->ev.snap.zones[1].name, "Normal");
	CHECK_INT(st->ev.snap.zones[1].lowmem_reserve_pages[2], 0);
	CHECK_STR(st->ev.snap.zones[2].name, "DMA32");
	CHECK_INT(st->ev.snap.zones[2].lowmem_reserve_pages[2], 756);
	event_release(&st->ev);
}

/* A number a terminal's hard wrap broke, joined back with a blank (R1905):
 * the bare rest is the value's. */
TEST(value_broken_by_a_hard_wrap)
{
	struct pstate *st = fresh();
	CHECK(pm_summary_line(st, LINE("Active:19525 inactive:9757 dirty:10 writeback:0 unstable:0 free:278130 slab:2076 51 mapped:8904 pagetables:308"), false));
	CHECK_INT(st->pages.slab_kib, 207651);        /* still pages */
	CHECK_INT(st->pages.mapped_kib, 8904);
	CHECK(pm_node_or_zone_line(st, LINE("DMA free:1904kB min:16kB low:32kB high:48kB active:0kB inactive:32kB present:163 84kB")));
	CHECK_INT(st->ev.snap.zones[0].present_kib, 16384);
	event_release(&st->ev);
}

/* a terminal's copy that put blanks inside buddy tokens (R978): "58*
 * 4096kB" is one count, "(UEH C)" one set of letters */
TEST(buddy_tokens_split_by_a_blank)
{
	struct pstate *st = fresh();
	CHECK(pm_node_or_zone_line(st, LINE("DMA: 1141*4kB (UEHC) 902*8kB (UEHC) 400*16kB (UEH) 100*32kB (UEH C) 20*64kB (UEHC) 8*128kB (HC) 2*256kB (C) 0*512kB 1*1024kB (C) 2*2048kB (C) 58* 4096kB (C) = 266884kB")));
	const struct oom_zone *z = &st->ev.snap.zones[0];
	CHECK_INT(z->free_blocks[10], 58);
	CHECK_INT(z->buddy_total_kib, 266884);
	CHECK(z->free_types[10] == MT_CMA);
	CHECK(z->free_types[3] & MT_CMA);
	CHECK_INT(st->ev.nr_warnings, 0);
	event_release(&st->ev);
}

/* a mail client's wrap at the blank after the buddy line's "=" (R4040):
 * the total alone on the next line is the zone's; a line that is not a
 * total is not taken for one */
TEST(buddy_total_wrapped_after_the_sign)
{
	struct pstate *st = fresh();
	CHECK(pm_node_or_zone_line(st, LINE("Node 0 DMA: 408*64kB (C) 408*128kB (C) 6*16384kB (C) =")));
	CHECK(!known(st->ev.snap.zones[0].buddy_total_kib));
	CHECK(pm_continuation(st, LINE("3348992kB")));
	CHECK_INT(st->ev.snap.zones[0].buddy_total_kib, 3348992);
	CHECK_INT(st->ev.snap.zones[0].free_blocks[8], 6);
	CHECK(!pm_continuation(st, LINE("4096kB")));        /* once only */
	CHECK_INT(st->ev.nr_warnings, 0);
	event_release(&st->ev);
	st = fresh();
	CHECK(pm_node_or_zone_line(st, LINE("Node 0 DMA: 408*64kB (C) 408*128kB (C) =")));
	CHECK(!pm_continuation(st, LINE("3348992kB and more")));
	CHECK(!known(st->ev.snap.zones[0].buddy_total_kib));
	CHECK(!pm_continuation(st, LINE("1*4kB = 4kB")));   /* the line is closed */
	event_release(&st->ev);
}

/* a buddy line wrapped between an order and its letters (R5300): the
 * rest opens with "(C)", the last order's; prose in brackets is not it */
TEST(buddy_letters_open_the_wrapped_rest)
{
	struct pstate *st = fresh();
	CHECK(pm_node_or_zone_line(st, LINE("Normal: 0*4kB 0*8kB 0*16kB 0*32kB 0*64kB 0*128kB 1*256kB (C) 1*512kB")));
	CHECK(pm_continuation(st, LINE("(C) 1*1024kB (C) 1*2048kB (C) 3*4096kB (C) = 16128kB")));
	const struct oom_zone *z = &st->ev.snap.zones[0];
	CHECK(z->free_types[7] == MT_CMA);
	CHECK(z->free_types[10] == MT_CMA);
	CHECK_INT(z->free_blocks[10], 3);
	CHECK_INT(z->buddy_total_kib, 16128);
	event_release(&st->ev);
	st = fresh();
	CHECK(pm_node_or_zone_line(st, LINE("Normal: 0*4kB 1*8kB")));
	CHECK(!pm_continuation(st, LINE("(see above) 2*2 = 4")));
	CHECK(!pm_continuation(st, LINE("() 1*16kB = 24kB")));
	CHECK_INT(st->ev.snap.zones[0].free_types[1], 0);
	event_release(&st->ev);
}

TEST(totals_and_swap)
{
	struct pstate *st = fresh();
	CHECK(pm_totals_line(st, LINE("2097022 pages RAM")));
	CHECK_INT(st->pages.ram_kib, 2097022);
	CHECK(pm_totals_line(st, LINE("Free swap  = 1024kB")));
	CHECK_INT(st->ev.snap.mem.swap_free_kib, 1024);     /* swap lines are kB already */
	CHECK(pm_totals_line(st, LINE("Total swap = 2097148kB")));
	CHECK_INT(st->ev.snap.mem.swap_total_kib, 2097148);
	int w = st->ev.nr_warnings;
	CHECK(pm_totals_line(st, LINE("Free swap  = lots")));
	CHECK_INT(st->ev.nr_warnings, w + 1);               /* taken, the value refused */
	CHECK_INT(st->ev.snap.mem.swap_free_kib, 1024);
	/* a swapoff racing with the report: the signed counter below zero is
	 * read as printed, and said; a negative total is refused */
	w = st->ev.nr_warnings;
	CHECK(pm_totals_line(st, LINE("Free swap  = -245804kB")));
	CHECK_INT(st->ev.snap.mem.swap_free_kib, -245804);
	CHECK_INT(st->ev.nr_warnings, w + 1);
	CHECK(pm_totals_line(st, LINE("Total swap = -4kB")));
	CHECK_INT(st->ev.snap.mem.swap_total_kib, 2097148);
	CHECK(!pm_totals_line(st, LINE("Call Trace:")));
	/* the two swap lines a writer joined on one (R5293) */
	struct pstate *j = fresh();
	CHECK(pm_totals_line(j, LINE("Free swap  = 0kB / Total swap = 0kB")));
	CHECK_INT(j->ev.snap.mem.swap_free_kib, 0);
	CHECK_INT(j->ev.snap.mem.swap_total_kib, 0);
	CHECK(pm_totals_line(j, LINE("Free swap  = 12kB, Total swap = 2048kB")));
	CHECK_INT(j->ev.snap.mem.swap_total_kib, 2048);
	w = j->ev.nr_warnings;
	CHECK(pm_totals_line(j, LINE("Free swap  = 8kB and then some")));
	CHECK_INT(j->ev.nr_warnings, w + 1);
	CHECK_INT(j->ev.snap.mem.swap_free_kib, 12);   /* (st and j are one state: released below) */
	CHECK(pm_percpu_line(LINE("Node 0 DMA per-cpu:")));
	CHECK(pm_percpu_line(LINE("CPU    0: hi:    0, btch:   1 usd:   0")));
	CHECK(!pm_percpu_line(LINE("CPU: 0 PID: 1 Comm: init")));
	event_release(&st->ev);
}

TEST(memcg_block)
{
	struct pstate *st = fresh();
	CHECK(pm_memcg_line(st, LINE("memory: usage 524288kB, limit 524288kB, failcnt 1402")));
	const struct oom_memcg *m = &st->ev.snap.memcg;
	CHECK(st->ev.snap.have_memcg);
	CHECK_INT(m->usage_kib, 524288);
	CHECK_INT(m->limit_kib, 524288);
	CHECK_INT(m->failcnt, 1402);
	CHECK(pm_memcg_line(st, LINE("memory+swap: usage 524288kB, limit 1048576kB, failcnt 0")));
	CHECK_INT(m->memsw_limit_kib, 1048576);
	CHECK_INT(m->version, 1);                            /* memory+swap is v1's */
	CHECK(pm_memcg_line(st, LINE("Task in /docker/abc killed as a result of limit of /docker")));
	CHECK_STR(st->ev.task_memcg, "/docker/abc");
	CHECK_STR(st->ev.oom_memcg, "/docker");
	CHECK(!pm_memcg_line(st, LINE("Mem-Info:")));
	event_release(&st->ev);
	/* "Task in " cut off by the paste: the two paths remain */
	st = fresh();
	CHECK(pm_memcg_line(st, LINE("/docker/8fce killed as a result of limit of /docker/8fce")));
	CHECK_STR(st->ev.task_memcg, "/docker/8fce");
	CHECK_STR(st->ev.oom_memcg, "/docker/8fce");
	CHECK(st->ev.snap.have_memcg);
	event_release(&st->ev);
}

/* The stats path is the OOM memcg's only when the block's usage lines came
 * before it (v1 lists the subtree, the OOM memcg first) and the kernel's ':'
 * ends it (else the line was cut inside the path). */
TEST(memcg_stats_path)
{
	struct pstate *st = fresh();
	CHECK(pm_memcg_line(st, LINE("kmem: usage 0kB, limit 9007199254740988kB, failcnt 0")));
	CHECK(pm_memcg_line(st, LINE("Memory cgroup stats for /17: cache:4KB rss:0KB")));
	CHECK_STR(st->ev.snap.memcg.path, "/17");
	CHECK(pm_memcg_line(st, LINE("Memory cgroup stats for /17/a: cache:4KB rss:0KB")));
	CHECK_STR(st->ev.snap.memcg.path, "/17");            /* a child: the first stays */
	event_release(&st->ev);

	/* the constraint line's oom_memcg field alone, joined to the usage
	 * line by a wrap repair (R1853) */
	st = fresh();
	CHECK(pm_memcg_line(st, LINE("memory: usage 13573932kB, limit 8388608kB, failcnt 2957149 oom_memcg=/user.slice/app.slice")));
	CHECK_STR(st->ev.oom_memcg, "/user.slice/app.slice");
	CHECK_INT(st->ev.snap.memcg.failcnt, 2957149);
	event_release(&st->ev);

	/* a log that starts at a stats line: maybe a child's; path not taken */
	st = fresh();
	int w = st->ev.nr_warnings;
	CHECK(pm_memcg_line(st, LINE("Memory cgroup stats for /kubepods/pod1/c1: cache:32KB rss:524188KB")));
	CHECK_STR(st->ev.snap.memcg.path, "");
	CHECK(st->ev.snap.have_memcg);
	CHECK_INT(st->ev.nr_warnings, w + 1);
	event_release(&st->ev);

	/* a log that starts at a stats line with its dump below: v2's one
	 * block is the OOM memcg's own (R1725), taken; v1's may be a child's */
	st = fresh();
	w = st->ev.nr_warnings;
	CHECK(pm_memcg_line(st, LINE("Memory cgroup stats for /kubepods.slice/pod4f1c.slice:")));
	CHECK_STR(st->ev.snap.memcg.path, "");
	CHECK(pm_memcg_stat_line(st, LINE("anon 49160192")));
	CHECK_STR(st->ev.snap.memcg.path, "/kubepods.slice/pod4f1c.slice");
	CHECK_INT(st->ev.nr_warnings, w);
	event_release(&st->ev);
	st = fresh();
	w = st->ev.nr_warnings;
	CHECK(pm_memcg_line(st, LINE("Memory cgroup stats for /kubepods/pod1/c1:")));
	CHECK(pm_memcg_stat_line(st, LINE("cache 32768")));
	CHECK_STR(st->ev.snap.memcg.path, "");
	CHECK_INT(st->ev.nr_warnings, w + 1);
	event_release(&st->ev);

	/* v2, the line cut inside the path (no ':'): not taken */
	st = fresh();
	CHECK(pm_memcg_line(st, LINE("memory: usage 1048576kB, limit 1048576kB, failcnt 141")));
	CHECK(pm_memcg_line(st, LINE("Memory cgroup stats for /kubepods.slice/kubepods-burstable.slice/kubepods")));
	CHECK_STR(st->ev.snap.memcg.path, "");
	event_release(&st->ev);

	/* v2 complete: taken, the stat dump follows on its own lines */
	st = fresh();
	CHECK(pm_memcg_line(st, LINE("memory: usage 1048576kB, limit 1048576kB, failcnt 141")));
	CHECK(pm_memcg_line(st, LINE("Memory cgroup stats for /k8s/pod1:")));
	CHECK_STR(st->ev.snap.memcg.path, "/k8s/pod1");
	event_release(&st->ev);
}

TEST(slab_dump)
{
	struct pstate *st = fresh();
	CHECK(pm_slab_line(st, LINE("Name                      Used          Total")));
	CHECK(pm_slab_line(st, LINE("kmalloc-4k           4012300KB    4012800KB")));
	CHECK(pm_slab_line(st, LINE("kmalloc-512           812040KB     812544KB")));
	CHECK_INT(st->ev.snap.nr_slabs, 2);
	CHECK_STR(st->ev.snap.slabs[0].name, "kmalloc-4k");
	CHECK_INT(st->ev.snap.slabs[0].used_kib, 4012300);
	CHECK_INT(st->ev.snap.slabs[0].total_kib, 4012800);
	CHECK(!pm_slab_line(st, LINE("kmalloc-64 61210 61440")));   /* no KB */
	CHECK(!pm_slab_line(st, LINE("4012300KB 4012800KB")));      /* no name */
	/* more caches than slots: the largest are kept */
	for (int i = 0; i < 40; i++) {
		char l[64];
		snprintf(l, sizeof(l), "cache-%d   %dKB   %dKB", i, 100 + i, 200 + i);
		pm_slab_line(st, l, l + strlen(l));
	}
	int64_t min = INT64_MAX;
	for (int i = 0; i < st->ev.snap.nr_slabs; i++)
		if (st->ev.snap.slabs[i].used_kib < min)
			min = st->ev.snap.slabs[i].used_kib;
	CHECK(min > 100);
	event_release(&st->ev);
}

TEST(stack_modules)
{
	struct pstate *st = fresh();
	pm_stack_module(st, LINE(" rtw_usb_tx_handler+0x54/0x1238 [rtw88_usb]"));
	pm_stack_module(st, LINE("[<c0123456>] (vc4_bo_create+0xdc/0x288 [vc4])"));
	pm_stack_module(st, LINE(" again+0x1/0x2 [rtw88_usb]"));     /* once each */
	pm_stack_module(st, LINE(" [<ffffffff81000000>] no_module+0x1/0x2"));
	pm_stack_module(st, LINE(" weird+0x1/0x2 [a b]"));
	CHECK_INT(st->ev.nr_trace_modules, 2);
	CHECK_STR(st->ev.trace_modules[0], "rtw88_usb");
	CHECK_STR(st->ev.trace_modules[1], "vc4");
	event_release(&st->ev);
}

/* ≤2.6.27 zone lines: one active and one inactive list (anon and file
 * together), kept apart from the split lists of 2.6.28+ */
TEST(old_zone_lists)
{
	struct pstate *st = fresh();
	CHECK(pm_node_or_zone_line(st, LINE("Normal free:3604kB min:3720kB low:4648kB high:5580kB active:120kB "
					    "inactive:64kB present:880880kB pages_scanned:0 all_unreclaimable? no")));
	const struct oom_zone *z = &st->ev.snap.zones[0];
	CHECK_INT(z->active_kib, 120);
	CHECK_INT(z->inactive_kib, 64);
	CHECK(!known(z->active_anon_kib));
	event_release(&st->ev);
}

int main(void)
{
	RUN(summary_pages);
	RUN(zone_and_node);
	RUN(orphan_lowmem_reserve_lines);
	RUN(value_broken_by_a_hard_wrap);
	RUN(buddy_tokens_split_by_a_blank);
	RUN(buddy_total_wrapped_after_the_sign);
	RUN(buddy_letters_open_the_wrapped_rest);
	RUN(totals_and_swap);
	RUN(memcg_block);
	RUN(memcg_stats_path);
	RUN(slab_dump);
	RUN(stack_modules);
	RUN(old_zone_lists);
	return check_summary();
}
