/* test_report_parse_finish.c — report/parse_finish.c: what a complete
 * report works out at its end — the architecture from the release string
 * or the zones, the kernel era from the report's shape when no release was
 * printed, the page size, pages converted to KiB, sums over nodes, and the
 * kind of OOM from the constraint or the memcg lines. */
#include "check.h"
#include "model/kernel.h"
#include "pstate.h"

static const char *arch_of(const char *release)
{
	static struct oom_event ev;
	event_init(&ev);
	snprintf(ev.kernel, sizeof(ev.kernel), "%s", release);
	pf_arch_from_release(&ev);
	return ev.arch;
}

TEST(arch_from_release)
{
	CHECK_STR(arch_of("6.1.0-13-amd64"), "x86_64");
	CHECK_STR(arch_of("5.14.0-284.el9.aarch64"), "aarch64");
	CHECK_STR(arch_of("4.18.0-80.el8.ppc64le"), "ppc64le");
	CHECK_STR(arch_of("3.2.0-4-686-pae"), "i686");
	CHECK_STR(arch_of("5.10.0-9-armmp"), "arm");
	CHECK_STR(arch_of("3.12.10-005-ts-armv7l"), "arm");
	CHECK_STR(arch_of("5.10.63-v7l+"), "arm");           /* a Raspberry Pi 32-bit build */
	CHECK_STR(arch_of("5.10.63-custom+"), "");           /* names none */
	CHECK_STR(arch_of(""), "");
	/* an arch already known is kept */
	struct oom_event ev;
	event_init(&ev);
	snprintf(ev.kernel, sizeof(ev.kernel), "6.1.0-13-amd64");
	snprintf(ev.arch, sizeof(ev.arch), "riscv64");
	pf_arch_from_release(&ev);
	CHECK_STR(ev.arch, "riscv64");
}

TEST(era_from_shape)
{
	struct { uint64_t shape; int maj, min; } cases[] = {
		{ SH_RSS_ANON | SH_PGTABLES_BYTES | SH_TASKS_STATE, 6, 8 },
		{ SH_KILL_UID_COLON | SH_TASKS_STATE, 5, 4 },
		{ SH_TASKS_STATE, 4, 19 },
		{ SH_PGTABLES_BYTES, 4, 15 },
		{ SH_NR_PMDS | SH_NR_PTES, 4, 4 },
		{ SH_TRIG_2618 | SH_RSS_ANON, 2, 6 },             /* decisive */
		{ SH_GFP_NUMERIC, 3, 10 },                         /* an upper bound only */
		{ SH_OR_A_CHILD, 2, 6 },                           /* "or a child": before 2.6.36 */
		{ SH_OR_A_CHILD | SH_GFP_NUMERIC, 2, 6 },
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct pstate *st = fresh();
		st->shape = cases[i].shape;
		pf_finish(st);
		CHECK(st->ev.kv.known && st->ev.kv.inferred);
		CHECK_INT(st->ev.kv.major, cases[i].maj);
		CHECK_INT(st->ev.kv.minor, cases[i].min);
		event_release(&st->ev);
	}
	/* nothing to go on: the era stays unknown */
	struct pstate *st = fresh();
	pf_finish(st);
	CHECK(!st->ev.kv.known);
	/* a printed release wins over the shape, and a bad one is said */
	st = fresh();
	snprintf(st->ev.kernel, sizeof(st->ev.kernel), "5.10.0-9-amd64");
	st->shape = SH_RSS_ANON;
	pf_finish(st);
	CHECK_INT(st->ev.kv.major, 5);
	CHECK_INT(st->ev.kv.minor, 10);
	CHECK(!st->ev.kv.inferred);
	CHECK_STR(st->ev.arch, "x86_64");
	st = fresh();
	snprintf(st->ev.kernel, sizeof(st->ev.kernel), "not-a-release");
	pf_finish(st);
	CHECK(st->ev.nr_warnings >= 1);
	event_release(&st->ev);
}

TEST(pages_to_kib)
{
	struct pstate *st = fresh();
	st->pages.active_anon_kib = 1000;
	st->pages.inactive_anon_kib = 24;
	st->pages.ram_kib = 2048;
	st->pages.reserved_kib = 48;
	pf_finish(st);
	CHECK_INT(st->ev.snap.page_size_kib, 4);             /* x86's, with nothing else to go on */
	CHECK_INT(st->ev.snap.mem.active_anon_kib, 4000);
	CHECK_INT(st->ev.snap.mem.anon_kib, 4096);           /* active + inactive */
	CHECK_INT(st->ev.snap.mem.total_kib, 8000);          /* RAM − reserved */
	CHECK(!known(st->ev.snap.mem.file_kib));             /* half of a sum is no sum */
	/* the page size from an order-0 buddy block: 64 KiB pages (ppc64le) */
	st = fresh();
	st->buddy_psz_kib = 64;
	st->pages.active_anon_kib = 10;
	pf_finish(st);
	CHECK_INT(st->ev.snap.page_size_kib, 64);
	CHECK_INT(st->ev.snap.mem.active_anon_kib, 640);
	/* nothing shows the page size: ppc64le is Book3S-64, 64 KiB by
	 * default; big-endian ppc64 may be Book3E (4 KiB): 4, with a warning */
	st = fresh();
	strcpy(st->ev.arch, "ppc64le");
	st->pages.active_anon_kib = 10;
	pf_finish(st);
	CHECK_INT(st->ev.snap.page_size_kib, 64);
	CHECK_INT(st->ev.snap.mem.active_anon_kib, 640);
	CHECK(st->ev.nr_warnings >= 1);
	st = fresh();
	strcpy(st->ev.arch, "ppc64");
	st->pages.active_anon_kib = 10;
	pf_finish(st);
	CHECK_INT(st->ev.snap.page_size_kib, 4);
	CHECK(st->ev.nr_warnings >= 1);
	/* an overflowing count is refused, with a warning */
	st = fresh();
	st->pages.active_anon_kib = INT64_MAX / 2;
	pf_finish(st);
	CHECK(!known(st->ev.snap.mem.active_anon_kib));
	CHECK(st->ev.nr_warnings >= 1);
	event_release(&st->ev);
}

TEST(node_sums)
{
	struct pstate *st = fresh();
	for (int i = 0; i < 2; i++) {
		struct oom_node *n = &st->ev.snap.nodes[st->ev.snap.nr_nodes++];
		node_init(n);
		n->node = i;
		n->kernel_stack_kib = 1000 * (i + 1);
		n->anon_thp_kib = 0;
		n->shmem_thp_kib = 0;
	}
	pf_finish(st);
	CHECK_INT(st->ev.snap.mem.kernel_stack_kib, 3000);
	CHECK_INT(st->ev.snap.mem.anon_thp_kib, 0);
	event_release(&st->ev);
}

TEST(kind)
{
	static const struct { const char *constraint; enum oom_kind kind; } cases[] = {
		{ "CONSTRAINT_MEMCG", OOM_KIND_MEMCG }, { "CONSTRAINT_CPUSET", OOM_KIND_CPUSET },
		{ "CONSTRAINT_MEMORY_POLICY", OOM_KIND_MEMPOLICY }, { "CONSTRAINT_NONE", OOM_KIND_GLOBAL },
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct pstate *st = fresh();
		snprintf(st->ev.constraint, sizeof(st->ev.constraint), "%s", cases[i].constraint);
		pf_finish(st);
		CHECK_INT(st->ev.kind, cases[i].kind);
	}
	/* no constraint line (before 5.0): the memcg lines say memcg, and the
	 * memcg's path is the one the report named */
	struct pstate *st = fresh();
	snprintf(st->ev.oom_memcg, sizeof(st->ev.oom_memcg), "/docker/abc");
	pf_finish(st);
	CHECK_INT(st->ev.kind, OOM_KIND_MEMCG);
	CHECK(st->ev.snap.have_memcg);
	CHECK_STR(st->ev.snap.memcg.path, "/docker/abc");
	/* 2.6.16-2.6.3x: the kill line's message is the constraint */
	static const struct { const char *msg, *constraint; enum oom_kind kind; } msgs[] = {
		{ "No available memory (MPOL_BIND)", "CONSTRAINT_MEMORY_POLICY", OOM_KIND_MEMPOLICY },
		{ "No available memory in cpuset", "CONSTRAINT_CPUSET", OOM_KIND_CPUSET },
		{ "Out of memory", "", OOM_KIND_GLOBAL },
	};
	for (size_t i = 0; i < sizeof(msgs) / sizeof(msgs[0]); i++) {
		st = fresh();
		snprintf(st->ev.victim.message, sizeof(st->ev.victim.message), "%s", msgs[i].msg);
		pf_finish(st);
		CHECK_STR(st->ev.constraint, msgs[i].constraint);
		CHECK_INT(st->ev.kind, msgs[i].kind);
	}
	/* memcg lines say more than the message: memcg, no constraint read */
	st = fresh();
	snprintf(st->ev.victim.message, sizeof(st->ev.victim.message), "No available memory (MPOL_BIND)");
	snprintf(st->ev.oom_memcg, sizeof(st->ev.oom_memcg), "/a");
	pf_finish(st);
	CHECK_INT(st->ev.kind, OOM_KIND_MEMCG);
	CHECK_STR(st->ev.constraint, "");
	/* a printed constraint line stands */
	st = fresh();
	snprintf(st->ev.victim.message, sizeof(st->ev.victim.message), "No available memory in cpuset");
	snprintf(st->ev.constraint, sizeof(st->ev.constraint), "CONSTRAINT_NONE");
	pf_finish(st);
	CHECK_STR(st->ev.constraint, "CONSTRAINT_NONE");
	/* sysrq: order -1 */
	st = fresh();
	st->ev.req.order = -1;
	pf_finish(st);
	CHECK_INT(st->ev.kind, OOM_KIND_SYSRQ);
	/* an allocation failure killed nothing */
	st = fresh();
	st->ev.kind = OOM_KIND_ALLOC_FAILURE;
	st->ev.outcome = OOM_OUTCOME_KILLED;
	pf_finish(st);
	CHECK_INT(st->ev.kind, OOM_KIND_ALLOC_FAILURE);
	CHECK_INT(st->ev.outcome, OOM_OUTCOME_NONE);
	event_release(&st->ev);
}

/* One home for the kinds inferred before diagnose (issue 8): a ≤4.18
 * trigger line's nodemask, and "no killable processes" without a panic;
 * each marked inferred with what it rests on (oom_event.kind_hint). */
static struct pstate *nodemask_state(const char *mask)
{
	struct pstate *st = fresh();
	snprintf(st->ev.req.nodemask, sizeof(st->ev.req.nodemask), "%s", mask);
	snprintf(st->ev.req.gfp_text, sizeof(st->ev.req.gfp_text), "0x14200ca(GFP_HIGHUSER_MOVABLE)");
	for (int n = 0; n < 2; n++) {
		struct oom_zone *z = &st->ev.snap.zones[st->ev.snap.nr_zones++];
		zone_init(z);
		z->node = n;
		snprintf(z->name, sizeof(z->name), "Normal");
		z->present_kib = 8 << 20;
	}
	return st;
}

TEST(kind_inferred_in_one_place)
{
	/* a mask leaving out node 0, which has memory: mempolicy, inferred */
	struct pstate *st = nodemask_state("1");
	pf_finish(st);
	CHECK_INT(st->ev.kind, OOM_KIND_MEMPOLICY);
	CHECK(st->ev.kind_inferred);
	CHECK_INT(st->ev.kind_hint, OOM_KIND_HINT_NODEMASK);
	/* the same mask as the header's mems_allowed of a cpuset below the root */
	st = nodemask_state("1");
	snprintf(st->ev.cpuset, sizeof(st->ev.cpuset), "cs1");
	snprintf(st->ev.mems_allowed, sizeof(st->ev.mems_allowed), "1");
	pf_finish(st);
	CHECK_INT(st->ev.kind, OOM_KIND_CPUSET);
	CHECK_INT(st->ev.kind_hint, OOM_KIND_HINT_NODEMASK);
	/* every node with memory in the mask, or __GFP_THISNODE: no constraint */
	st = nodemask_state("0-1");
	pf_finish(st);
	CHECK_INT(st->ev.kind, OOM_KIND_GLOBAL);
	CHECK(!st->ev.kind_inferred);
	st = nodemask_state("1");
	snprintf(st->ev.req.gfp_text, sizeof(st->ev.req.gfp_text), "0x3214200ca(GFP_HIGHUSER_MOVABLE|__GFP_THISNODE)");
	pf_finish(st);
	CHECK_INT(st->ev.kind, OOM_KIND_GLOBAL);
	/* the root cpuset's mems_allowed is every node with memory: a mask
	 * equal to it leaves none out, even without node 0 (R993: all RAM on
	 * node 7) */
	st = nodemask_state("7");
	snprintf(st->ev.cpuset, sizeof(st->ev.cpuset), "/");
	snprintf(st->ev.mems_allowed, sizeof(st->ev.mems_allowed), "7");
	st->ev.snap.nr_zones = 0;
	pf_finish(st);
	CHECK_INT(st->ev.kind, OOM_KIND_GLOBAL);
	/* … but a zone with memory outside the mask still says mempolicy */
	st = nodemask_state("1");
	snprintf(st->ev.cpuset, sizeof(st->ev.cpuset), "/");
	snprintf(st->ev.mems_allowed, sizeof(st->ev.mems_allowed), "0-1");
	pf_finish(st);
	CHECK_INT(st->ev.kind, OOM_KIND_MEMPOLICY);
	/* "no killable processes", 4.19+, a trigger line of order 0, no panic */
	st = fresh();
	snprintf(st->ev.kernel, sizeof(st->ev.kernel), "6.1.0");
	st->ev.req.order = 0;
	st->ev.outcome = OOM_OUTCOME_NO_KILLABLE;
	pf_finish(st);
	CHECK_INT(st->ev.kind, OOM_KIND_MEMCG);
	CHECK(st->ev.kind_inferred);
	CHECK_INT(st->ev.kind_hint, OOM_KIND_HINT_NOKILL_NO_PANIC);
	/* … before 4.19 the line was the panic's own; with no trigger line
	 * sysrq is not excluded; the panic line printed */
	static const struct { const char *rel; int64_t order; bool panicked; } no[] = {
		{ "4.14.0", 0, false }, { "6.1.0", OOM_NA, false }, { "6.1.0", 0, true }, { "", 0, false },
	};
	for (size_t i = 0; i < sizeof(no) / sizeof(no[0]); i++) {
		st = fresh();
		snprintf(st->ev.kernel, sizeof(st->ev.kernel), "%s", no[i].rel);
		st->ev.req.order = no[i].order;
		st->ev.outcome = OOM_OUTCOME_NO_KILLABLE;
		st->panicked = no[i].panicked;
		pf_finish(st);
		CHECK_INT(st->ev.kind, OOM_KIND_GLOBAL);
		CHECK(!st->ev.kind_inferred);
	}
	/* a later line of the machine after it (parse.c nokill_next): memcg,
	 * whatever the era and the trigger */
	st = fresh();
	st->ev.outcome = OOM_OUTCOME_NO_KILLABLE;
	st->nokill_lived = true;
	pf_finish(st);
	CHECK_INT(st->ev.kind, OOM_KIND_MEMCG);
	CHECK_INT(st->ev.kind_hint, OOM_KIND_HINT_NOKILL_LIVED);
	event_release(&st->ev);
}

/* A trigger name a paste elided ("... invoked oom-killer:", R1041) is no
 * name; the dump_stack line's, when there is one, is */
TEST(elided_trigger_name)
{
	static const char *const elided[] = { "...", "\xe2\x80\xa6", "[...]" };
	for (size_t i = 0; i < sizeof(elided) / sizeof(elided[0]); i++) {
		struct pstate *st = fresh();
		st->have_trigger = true;
		snprintf(st->ev.req.trigger_comm, sizeof(st->ev.req.trigger_comm), "%s", elided[i]);
		pf_finish(st);
		CHECK_STR(st->ev.req.trigger_comm, "");
	}
	struct pstate *st = fresh();
	st->have_trigger = true;
	snprintf(st->ev.req.trigger_comm, sizeof(st->ev.req.trigger_comm), "...");
	snprintf(st->header_comm, sizeof(st->header_comm), "java");
	pf_finish(st);
	CHECK_STR(st->ev.req.trigger_comm, "java");
	/* dots inside a name are the name's */
	st = fresh();
	st->have_trigger = true;
	snprintf(st->ev.req.trigger_comm, sizeof(st->ev.req.trigger_comm), "kworker/u8:..");
	pf_finish(st);
	CHECK_STR(st->ev.req.trigger_comm, "kworker/u8:..");
	event_release(&st->ev);
}

/* A Markdown fence glued to an unstamped trigger line ("```kswapd3
 * invoked oom-killer:", R191 unstamped): the dump_stack line's name is
 * the trigger's; a name that only ends like it stays. */
TEST(fence_glued_trigger_name)
{
	struct pstate *st = fresh();
	st->have_trigger = true;
	snprintf(st->ev.req.trigger_comm, sizeof(st->ev.req.trigger_comm), "```kswapd3");
	snprintf(st->header_comm, sizeof(st->header_comm), "kswapd3");
	pf_finish(st);
	CHECK_STR(st->ev.req.trigger_comm, "kswapd3");
	event_release(&st->ev);
	st = fresh();
	st->have_trigger = true;
	snprintf(st->ev.req.trigger_comm, sizeof(st->ev.req.trigger_comm), "xkswapd3");
	snprintf(st->header_comm, sizeof(st->header_comm), "kswapd3");
	pf_finish(st);
	CHECK_STR(st->ev.req.trigger_comm, "xkswapd3");
	event_release(&st->ev);
}

/* Swap 0 inferred from where show_mem prints the swap lines (finish_swap) */
TEST(swap_inferred_from_its_place)
{
	struct pstate *st = fresh();
	st->ev.have_meminfo = true;
	st->swapblk.pagecache_fed = 10;
	st->swapblk.ram_next = true;
	pf_finish(st);
	CHECK(st->ev.swap_inferred);
	CHECK_INT(st->ev.snap.mem.swap_total_kib, 0);
	CHECK_INT(st->ev.snap.mem.swap_free_kib, 0);
	/* a swap cache line: CONFIG_SWAP=y, its swap lines lost */
	st = fresh();
	st->ev.have_meminfo = true;
	st->swapblk.ram_next = st->swapblk.seen = true;
	pf_finish(st);
	CHECK(!st->ev.swap_inferred);
	CHECK(!known(st->ev.snap.mem.swap_total_kib));
	/* something between the two lines */
	st = fresh();
	st->ev.have_meminfo = true;
	st->swapblk.pagecache_fed = 10;
	pf_finish(st);
	CHECK(!st->ev.swap_inferred);
	/* the text cut below "Mem-Info:", its zone lines there (R3643) */
	st = fresh();
	snapshot_zone(&st->ev.snap, 0, "Normal");
	st->swapblk.pagecache_fed = 10;
	st->swapblk.ram_next = true;
	pf_finish(st);
	CHECK(st->ev.swap_inferred);
	/* … neither: the two lines alone say no show_mem */
	st = fresh();
	st->swapblk.pagecache_fed = 10;
	st->swapblk.ram_next = true;
	pf_finish(st);
	CHECK(!st->ev.swap_inferred);
	/* printed swap is never overwritten */
	st = fresh();
	st->ev.have_meminfo = true;
	st->swapblk.ram_next = true;
	st->ev.snap.mem.swap_total_kib = 4096;
	pf_finish(st);
	CHECK(!st->ev.swap_inferred);
	CHECK_INT(st->ev.snap.mem.swap_total_kib, 4096);
	event_release(&st->ev);
}

/* Free swap printed without its Total (finish_swap_full): full when the
 * swap cache or the rows prove swap, or when the "Free swap  =" form (its
 * Total printed on the next line) reads 0; nothing otherwise */
TEST(swap_full_without_its_total)
{
	/* the swap cache took pages: swap was there */
	struct pstate *st = fresh();
	st->ev.snap.mem.swap_free_kib = 0;
	st->ev.snap.mem.swap_cache_adds = 778561;
	pf_finish(st);
	CHECK_INT(st->ev.swap_full_hint, OOM_SWAPFULL_CACHE);
	CHECK(!known(st->ev.snap.mem.swap_total_kib));
	/* pages in it now, 2.6.9's "Free swap:" form */
	st = fresh();
	st->ev.snap.mem.swap_free_kib = 512;
	st->ev.snap.mem.swap_cached_kib = 4096;
	pf_finish(st);
	CHECK_INT(st->ev.swap_full_hint, OOM_SWAPFULL_CACHE);
	/* 29 MiB free may be a third of a small swap: not read full */
	st = fresh();
	st->ev.snap.mem.swap_free_kib = 29768;
	st->ev.snap.mem.swap_cache_adds = 54465;
	pf_finish(st);
	CHECK_INT(st->ev.swap_full_hint, OOM_SWAPFULL_NONE);
	/* the "Free swap  =" form alone at 0: its Total cut */
	st = fresh();
	st->ev.snap.mem.swap_free_kib = 0;
	st->swapblk.free_paired = true;
	pf_finish(st);
	CHECK_INT(st->ev.swap_full_hint, OOM_SWAPFULL_TOTAL_CUT);
	/* … unless the swap cache counters say no page ever went there */
	st = fresh();
	st->ev.snap.mem.swap_free_kib = 0;
	st->ev.snap.mem.swap_cache_adds = 0;
	st->swapblk.free_paired = true;
	pf_finish(st);
	CHECK_INT(st->ev.swap_full_hint, OOM_SWAPFULL_NONE);
	/* 2.6.9's "Free swap:" at 0 with no proof: no swap as likely */
	st = fresh();
	st->ev.snap.mem.swap_free_kib = 0;
	pf_finish(st);
	CHECK_INT(st->ev.swap_full_hint, OOM_SWAPFULL_NONE);
	/* room left, or the total printed: nothing to infer */
	st = fresh();
	st->ev.snap.mem.swap_free_kib = 2 * 1024 * 1024;
	st->ev.snap.mem.swap_cache_adds = 100;
	pf_finish(st);
	CHECK_INT(st->ev.swap_full_hint, OOM_SWAPFULL_NONE);
	st = fresh();
	st->ev.snap.mem.swap_free_kib = 0;
	st->ev.snap.mem.swap_total_kib = 0;
	st->swapblk.free_paired = true;
	pf_finish(st);
	CHECK_INT(st->ev.swap_full_hint, OOM_SWAPFULL_NONE);
	event_release(&st->ev);
}

int main(void)
{
	RUN(kind_inferred_in_one_place);
	RUN(swap_inferred_from_its_place);
	RUN(swap_full_without_its_total);
	RUN(elided_trigger_name);
	RUN(fence_glued_trigger_name);
	RUN(arch_from_release);
	RUN(era_from_shape);
	RUN(pages_to_kib);
	RUN(node_sums);
	RUN(kind);
	return check_summary();
}
