/* test_cmd_status.c — the live audit (status_collect + diagnose_live) on the
 * seed situations of issue 3, written into captured trees
 * (tests/fixtures/gen-seeds.py): each must produce its finding. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "live_views.h"
#include "diagnose/live_rules.h"

static enum severity sev_of(const struct status_data *d, const char *id)
{
	const struct finding *x = findings_get(&d->f, id);
	return x ? x->severity : (enum severity)-1;
}

TEST(test_oc_always_noswap)
{
	struct status_data *d = status_of("oc-always-noswap");
	CHECK(d != NULL);
	if (!d)
		return;
	CHECK(findings_get(&d->f, "overcommit-always-no-swap") != NULL);
	CHECK(findings_get(&d->f, "memory-low") != NULL);
	CHECK_INT(sev_of(d, "memory-low"), SEV_CRITICAL);   /* 3 % < 5 % */
	CHECK(findings_get(&d->f, "fragmented") == NULL);
	CHECK(findings_get(&d->f, "oom-kills-recent") == NULL);
	const struct finding *x = findings_get(&d->f, "overcommit-always-no-swap");
	CHECK(x && x->nr_evidence >= 1 && x->nr_advice >= 1);
	status_done(d);
}

TEST(test_fragmented)
{
	struct status_data *d = status_of("fragmented");
	if (!d)
		return;
	const struct finding *x = findings_get(&d->f, "fragmented");
	CHECK(x != NULL);
	CHECK(x && strstr(x->summary, "order-2") != NULL);
	CHECK(findings_get(&d->f, "memory-low") == NULL);
	struct live_facts *f = calloc(1, sizeof(*f));
	live_facts_compute(&d->s, &d->vm, f);
	for (int i = 0; i < d->s.nr_zones; i++)
		if (!strcmp(d->s.zones[i].name, "Normal")) {
			CHECK(f->zones[i].order_ok[0]);
			CHECK(f->zones[i].order_ok[1]);
			CHECK(!f->zones[i].order_ok[2]);
			CHECK_INT(f->zones[i].largest_free_order, 1);
			CHECK_INT(f->zones[i].unusable_index[2], 1000);
		}
	free(f);
	status_done(d);
}

TEST(test_lowmem32)
{
	struct status_data *d = status_of("lowmem32");
	if (!d)
		return;
	CHECK(findings_get(&d->f, "lowmem-pressure") != NULL);
	CHECK_INT(sev_of(d, "lowmem-pressure"), SEV_CRITICAL);   /* Normal free ≤ min */
	struct live_facts *f = calloc(1, sizeof(*f));
	live_facts_compute(&d->s, &d->vm, f);
	CHECK(f->bits32);
	CHECK(f->highmem_managed_kib > f->lowmem_managed_kib);
	/* the 4.19 mode-0 heuristic (3.10–5.1) is used for this kernel */
	CHECK(f->mode0_rule && strstr(f->mode0_rule, "3.10") != NULL);
	free(f);
	/* the same layout with 24 GiB of RAM: a 32-bit kernel with > 16 GiB */
	CHECK(findings_get(&d->f, "32bit-large-ram") == NULL);
	d->s.mem.total_kib = 24LL << 20;
	findings_init(&d->f);
	diagnose_live(&d->s, &d->vm, &d->h, &d->f);
	CHECK(findings_get(&d->f, "32bit-large-ram") != NULL);
	status_done(d);
}

TEST(test_slab40)
{
	struct status_data *d = status_of("slab40");
	if (!d)
		return;
	const struct finding *x = findings_get(&d->f, "slab-heavy");
	CHECK(x != NULL);
	CHECK(x && strstr(x->summary, "40 %") != NULL);
	CHECK(x && x->nr_evidence >= 2 && strstr(x->evidence[1], "kmalloc-512") != NULL);
	status_done(d);
}

TEST(test_overcommit_never)
{
	struct status_data *d = status_of("overcommit-never");
	if (!d)
		return;
	/* The seed: overcommit_memory=2, ratio 50, 16 GiB RAM + 16 GiB swap → 24 GiB. */
	struct live_facts *f = calloc(1, sizeof(*f));
	live_facts_compute(&d->s, &d->vm, f);
	CHECK_INT(f->commit_limit_formula_kib, 24LL * 1024 * 1024);
	CHECK_INT(d->s.mem.commit_limit_kib, 24LL * 1024 * 1024);
	bool r100 = false;
	for (int i = 0; i < f->nr_whatif; i++)
		if (f->whatif_ratio[i] == 100)
			r100 = f->whatif_limit_kib[i] == 32LL * 1024 * 1024;
	CHECK(r100);
	free(f);
	CHECK(findings_get(&d->f, "commit-near-limit") != NULL);
	CHECK_INT(sev_of(d, "commit-near-limit"), SEV_WARNING);   /* 95 % */
	CHECK(findings_get(&d->f, "overcommit-always-no-swap") == NULL);
	status_done(d);
}

TEST(test_risky_old)
{
	struct status_data *d = status_of("risky-old");
	if (!d)
		return;
	CHECK(findings_get(&d->f, "panic-on-oom") != NULL);
	CHECK(findings_get(&d->f, "oom-kill-allocating-task") != NULL);
	CHECK(findings_get(&d->f, "kernel-oom-regression") != NULL);
	CHECK(findings_get(&d->f, "min-free-kbytes-unusual") != NULL);
	CHECK(findings_get(&d->f, "pressure-high") != NULL);
	CHECK_INT(sev_of(d, "pressure-high"), SEV_CRITICAL);
	CHECK(findings_get(&d->f, "oom-kills-recent") != NULL);
	/* a captured tree: the log is not read, and that is said */
	CHECK(!d->h.log_read);
	status_done(d);
}

TEST(test_host_capture)
{
	struct status_data *d = status_of("host");
	if (!d)
		return;
	CHECK(d->view.meminfo_known && d->view.zones_known);
	CHECK(findings_get(&d->f, "fragmented") == NULL);
	CHECK(findings_get(&d->f, "memory-low") == NULL);
	CHECK(findings_get(&d->f, "min-free-kbytes-unusual") == NULL);   /* 67584 = THP's own value */
	CHECK(findings_get(&d->f, "panic-on-oom") == NULL);
	status_done(d);
}

TEST(test_empty_is_unknown)
{
	struct status_data *d = status_of("empty");
	if (!d)
		return;
	CHECK(!d->view.meminfo_known);
	CHECK(!d->view.zones_known);
	CHECK_INT(d->f.n, 0);
	CHECK(!known(d->vm.overcommit_memory));
	/* rendering unknowns must not crash and must say "unknown" / null */
	char *text = NULL, *json = NULL;
	size_t tl = 0, jl = 0;
	FILE *f = open_memstream(&text, &tl);
	struct style st;
	style_init(&st, false);
	render_status_text(f, &d->view, &st);
	fclose(f);
	CHECK(text && strstr(text, "unknown") != NULL);
	f = open_memstream(&json, &jl);
	render_status_json(f, &d->view, false);
	fclose(f);
	CHECK(json && strstr(json, "\"commit_limit_kb\":null") != NULL);
	CHECK(json && strstr(json, "\"zones\":[]") != NULL);
	free(text);
	free(json);
	status_done(d);
}

TEST(test_json_keys)
{
	struct status_data *d = status_of("overcommit-never");
	if (!d)
		return;
	char *json = NULL;
	size_t jl = 0;
	FILE *f = open_memstream(&json, &jl);
	render_status_json(f, &d->view, false);
	fclose(f);
	static const char *const keys[] = { "\"overcommit\":{", "\"mode\":2", "\"ratio\":50", "\"commit_limit_kb\":25165824",
		"\"committed_as_kb\":", "\"zones\":[", "\"node\":0", "\"zone\":\"Normal\"", "\"free_kb\":", "\"min_kb\":",
		"\"low_kb\":", "\"high_kb\":", "\"largest_free_order\":", "\"findings\":[", "\"id\":\"commit-near-limit\"",
		"\"severity\":\"warning\"", "\"summary\":", "\"evidence\":[", "\"advice\":[" };
	for (size_t i = 0; i < sizeof(keys) / sizeof(keys[0]); i++) {
		bool ok = json && strstr(json, keys[i]) != NULL;
		if (!ok)
			printf("missing %s\n", keys[i]);
		CHECK(ok);
	}
	free(json);
	status_done(d);
}

int main(void)
{
	RUN(test_oc_always_noswap);
	RUN(test_fragmented);
	RUN(test_lowmem32);
	RUN(test_slab40);
	RUN(test_overcommit_never);
	RUN(test_risky_old);
	RUN(test_host_capture);
	RUN(test_empty_is_unknown);
	RUN(test_json_keys);
	return check_summary();
}
