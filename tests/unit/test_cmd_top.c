/* test_cmd_top.c — the ranking of `oomkit top` on captured trees: the kernel's
 * badness per era, immune and kernel threads, ties, the cgroup scope, the
 * predicted oom_score against the kernel's own (captured) value, and that
 * outside strings are escaped in text and JSON. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "live_views.h"

static const struct oom_task *ranked(const struct top_view *v, size_t k)
{
	return k < v->n_ranked ? &v->s->tasks[v->order[k]] : NULL;
}

TEST(test_host_capture)
{
	struct top_view v;
	CHECK_INT(top_view_of(&v, "host", NULL), 0);
	CHECK_INT(v.n_ranked, 2);
	CHECK_INT(v.n_immune, 1);            /* init */
	CHECK_INT(v.n_kthreads, 1);
	CHECK_INT(v.totalpages, 24684096 / 4);
	/* 1169: RssAnon 1204 + RssFile 3128 kB = 1083 pages, VmPTE 52 kB = 13 pages */
	const struct oom_task *t = NULL;
	for (size_t k = 0; k < v.n_ranked; k++)
		if (ranked(&v, k)->pid == 1169)
			t = ranked(&v, k);
	CHECK(t && t->badness == 1083 + 13);
	/* the kernel's own /proc/PID/oom_score of the capture */
	for (size_t k = 0; k < v.n_ranked; k++) {
		const struct oom_task *x = ranked(&v, k);
		char f[1200], text[32];
		snprintf(f, sizeof(f), "%s/proc/%lld/oom_score", fixture_path, (long long)x->pid);
		CHECK(read_small_file(f, text, sizeof(text)) > 0);
		CHECK_INT(x->oom_score, atoll(text));
	}
	top_view_release(&v);
}

TEST(test_tasks)
{
	struct top_view v;
	CHECK_INT(top_view_of(&v, "tasks", NULL), 0);
	CHECK_INT(v.totalpages, 1310720);
	CHECK_INT(v.n_ranked, 5);            /* 100 101 104 105 107; zombie 102 skipped */
	CHECK_INT(v.n_immune, 2);            /* 106 (adj -1000), init */
	CHECK_INT(v.n_kthreads, 2);          /* 2, 103 */
	CHECK_INT(ranked(&v, 0)->pid, 101);  /* +500 × 1310 pages beats everyone */
	CHECK_INT(ranked(&v, 0)->badness, 25025 + 2 + 500 * 1310);
	CHECK_INT(ranked(&v, 1)->pid, 107);  /* swap counts */
	CHECK_INT(ranked(&v, 1)->badness, 10025 + 100000 + 100);
	CHECK_INT(ranked(&v, 2)->pid, 100);
	/* 6.18 (5.1+): of two equal tasks the later one wins */
	CHECK_INT(ranked(&v, 3)->pid, 105);
	CHECK_INT(ranked(&v, 4)->pid, 104);
	CHECK_INT(v.lead_pages, ranked(&v, 0)->badness - ranked(&v, 1)->badness);
	/* 5.9+: (1000 + points × 1000 / total) × 2 / 3 */
	CHECK_INT(ranked(&v, 2)->oom_score, (1000 + 100027LL * 1000 / 1310720) * 2 / 3);
	CHECK_INT(v.s->tasks[v.order[v.n_ranked]].pid, 106);   /* the biggest immune first */
	for (size_t k = 0; k < v.n_order; k++)
		CHECK(v.s->tasks[v.order[k]].pid != 102);

	/* text: escaped comm, no raw ESC byte; JSON: valid escapes */
	char *text = NULL, *json = NULL;
	size_t tl = 0, jl = 0;
	FILE *f = open_memstream(&text, &tl);
	struct style st;
	style_init(&st, false);
	v.n_show = v.n_ranked;
	render_top_text(f, &v, &st);
	fclose(f);
	CHECK(text && strchr(text, 0x1b) == NULL);
	CHECK(text && strstr(text, "evil\\x1b[31mred") != NULL);
	CHECK(text && strstr(text, "Next victim: preferred (101)") != NULL);
	f = open_memstream(&json, &jl);
	render_top_json(f, &v, false);
	fclose(f);
	CHECK(json && strchr(json, 0x1b) == NULL);
	CHECK(json && strstr(json, "evil\\u001b[31mred") != NULL);
	CHECK(json && strstr(json, "\"tasks\":[{\"rank\":1,\"pid\":101,\"comm\":\"preferred\"") != NULL);
	CHECK(json && strstr(json, "\"pgtables_kb\":8") != NULL);
	CHECK(json && strstr(json, "\"cgroup\":\"/app\"") != NULL);
	CHECK(json && strstr(json, "\"oom_score_adj\":-1000") != NULL);
	free(text);
	free(json);
	top_view_release(&v);
}

TEST(test_cgroup_scope)
{
	struct top_view v;
	CHECK_INT(top_view_of(&v, "tasks", "/sys/fs/cgroup/memory/app"), 0);
	CHECK(v.memcg);
	CHECK_STR(v.scope, "/app");
	CHECK_INT(v.totalpages, (2LL << 30) / 4096);   /* limit; memsw = limit: no swap headroom */
	CHECK_INT(v.n_ranked, 3);
	CHECK_INT(ranked(&v, 0)->pid, 101);
	CHECK_INT(ranked(&v, 0)->badness, 25027 + 500 * ((2LL << 30) / 4096 / 1000));
	CHECK_INT(ranked(&v, 2)->pid, 104);
	CHECK_STR(ranked(&v, 2)->cgroup, "/app/sub");
	/* oom_score stays relative to the machine (fs/proc/base.c) */
	CHECK_INT(ranked(&v, 1)->oom_score, (1000 + 100027LL * 1000 / 1310720) * 2 / 3);
	top_view_release(&v);

	CHECK_INT(top_view_of(&v, "tasks", "/sys/fs/cgroup/memory/app/sub"), 0);
	CHECK(v.limit_unlimited);
	CHECK_INT(v.totalpages, 1310720);
	CHECK_INT(v.n_ranked, 1);
	top_view_release(&v);

	/* v1 without memsw: swap headroom = total swap, unless swappiness is 0 */
	CHECK_INT(top_view_of(&v, "tasks", "/sys/fs/cgroup/memory/batch"), 0);
	CHECK_INT(v.totalpages, 262144);
	CHECK_INT(v.n_ranked, 1);
	top_view_release(&v);
	CHECK_INT(top_view_of(&v, "tasks", "/sys/fs/cgroup/memory/batch/swappy"), 0);
	CHECK_INT(v.totalpages, 262144 + 262144);
	CHECK_INT(v.n_ranked, 0);
	top_view_release(&v);
	/* a path inside the hierarchy, as /proc/PID/cgroup prints it */
	CHECK_INT(top_view_of(&v, "tasks", "/batch"), 0);
	CHECK_STR(v.scope, "/batch");
	top_view_release(&v);

	CHECK(top_view_of(&v, "tasks", "/proc") < 0);       /* not a memory cgroup */
	top_view_release(&v);
}

TEST(test_cgroup_v2)
{
	struct top_view v;
	CHECK_INT(top_view_of(&v, "tasks", "/sys/fs/cgroup2/web"), 0);
	CHECK(v.memcg);
	CHECK_STR(v.scope, "/web");
	CHECK_INT(v.s->memcg.version, 2);
	CHECK_INT(v.s->memcg.oom_group, 1);
	CHECK_INT(v.s->memcg.oom_kill_count, 2);
	CHECK_INT(v.s->memcg.high_kib, OOM_UNLIMITED);
	CHECK_INT(v.s->memcg.anon_kib, 512000);
	/* memory.max 1 GiB + min(swap.max = max, total swap 1 GiB) */
	CHECK_INT(v.totalpages, 262144 + 262144);
	CHECK_INT(v.n_ranked, 2);
	CHECK_INT(ranked(&v, 0)->pid, 107);
	CHECK_STR(ranked(&v, 0)->cgroup, "/web");
	top_view_release(&v);
}

TEST(test_empty)
{
	struct top_view v;
	CHECK(top_view_of(&v, "empty", NULL) < 0);          /* no meminfo: a clear error */
	top_view_release(&v);
}

int main(void)
{
	RUN(test_host_capture);
	RUN(test_tasks);
	RUN(test_cgroup_scope);
	RUN(test_cgroup_v2);
	RUN(test_empty);
	return check_summary();
}
