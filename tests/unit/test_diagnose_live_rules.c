/* test_diagnose_live_rules.c — diagnose/live_rules.c on its own: the
 * numbers live_facts_compute derives (slab, commit limit and headroom, the
 * what-if ratios, min_free_kbytes the kernel would pick) and each rule's
 * thresholds, moved one setting at a time on a captured machine
 * (tests/fixtures/oc-always-noswap, read once).  The whole audit per
 * fixture, gathering included: test_cmd_status.c. */
#include "live_views.h"
#include "diagnose/live_rules.h"
#include "model/kernel.h"

static struct status_data *D;
static struct findings out;

/* diagnose_live adds to what the caller initialised (status_collect's way). */
static void audit(void)
{
	findings_init(&out);
	diagnose_live(&D->s, &D->vm, &D->h, &out);
}

static enum severity sev(const char *id)
{
	const struct finding *x = findings_get(&out, id);
	return x ? x->severity : (enum severity)-1;
}

TEST(facts)
{
	struct live_facts f;
	live_facts_compute(&D->s, &D->vm, &f);
	const struct oom_mem *m = &D->s.mem;
	CHECK_INT(f.page_size_kib, 4);
	CHECK_INT(f.slab_kib, m->slab_reclaimable_kib + m->slab_unreclaimable_kib);
	CHECK_INT(f.commit_headroom_kib, m->commit_limit_kib - m->committed_as_kib);
	CHECK(f.commit_headroom_kib < 0);                          /* mode 1: far over the limit */
	/* CommitLimit = RAM × ratio / 100 + swap (mm/util.c vm_commit_limit): 50 % of 16 GiB */
	CHECK_INT(f.commit_limit_formula_kib, 8388608);
	CHECK(f.nr_whatif >= 1);
	for (int i = 1; i < f.nr_whatif; i++)
		CHECK(f.whatif_limit_kib[i] > f.whatif_limit_kib[i - 1]);   /* a larger ratio, a larger limit */
	CHECK(known(f.min_free_default_kib) && f.min_free_default_kib >= 128);
	CHECK(f.nr_zones >= 1);
	CHECK(!f.bits32);
	/* an empty snapshot: nothing derived, nothing invented */
	struct oom_snapshot empty;
	snapshot_init(&empty);
	struct oom_system vm0;
	memset(&vm0, 0, sizeof(vm0));
	live_facts_compute(&empty, &vm0, &f);
	CHECK(!known(f.commit_headroom_kib));
	CHECK_INT(f.nr_zones, 0);
	snapshot_release(&empty);
}

TEST(memory_low_thresholds)
{
	struct oom_mem keep = D->s.mem;
	int64_t total = D->s.mem.total_kib;
	audit();
	CHECK_INT(sev("memory-low"), SEV_CRITICAL);                /* 2.9 % */
	D->s.mem.available_kib = total * 7 / 100;
	audit();
	CHECK_INT(sev("memory-low"), SEV_WARNING);                 /* 5–10 % */
	D->s.mem.available_kib = total * 11 / 100;
	audit();
	CHECK(findings_get(&out, "memory-low") == NULL);           /* ≥ 10 % */
	D->s.mem.available_kib = OOM_NA;
	audit();
	CHECK(findings_get(&out, "memory-low") == NULL);           /* unknown is not low */
	D->s.mem = keep;
}

TEST(overcommit_rules)
{
	struct oom_system keep = D->vm;
	struct oom_mem mkeep = D->s.mem;
	audit();
	CHECK_INT(sev("overcommit-always-no-swap"), SEV_CRITICAL); /* and memory is low */
	D->s.mem.available_kib = D->s.mem.total_kib / 2;
	audit();
	CHECK_INT(sev("overcommit-always-no-swap"), SEV_WARNING);
	D->s.mem.swap_total_kib = 1 << 20;                          /* some swap: not this finding */
	audit();
	CHECK(findings_get(&out, "overcommit-always-no-swap") == NULL);
	D->s.mem = mkeep;
	D->vm.overcommit_memory = 0;
	audit();
	CHECK(findings_get(&out, "overcommit-always-no-swap") == NULL);
	D->vm = keep;
	/* findings come sorted, the heaviest first, and each says why */
	audit();
	for (int i = 1; i < out.n; i++)
		CHECK(out.items[i - 1].weight >= out.items[i].weight);
	for (int i = 0; i < out.n; i++)
		CHECK(out.items[i].nr_evidence >= 1);
}

int main(void)
{
	D = status_of("oc-always-noswap");
	if (!D) {
		check_current = "fixture";
		SKIP("tests/fixtures/oc-always-noswap unreadable (OOMKIT_SRCDIR?)");
		return check_summary();
	}
	RUN(facts);
	RUN(memory_low_thresholds);
	RUN(overcommit_rules);
	status_done(D);
	return check_summary();
}
