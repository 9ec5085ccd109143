/* test_cmd_top.c — the ranking of `oomkit top` on captured trees: the kernel's
 * badness per era, immune and kernel threads, ties, the cgroup scope, the
 * predicted oom_score against the kernel's own (captured) value, and that
 * outside strings are escaped in text and JSON. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

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


/* ---- top -n N holds only what it shows: same rows as the full ranking --- */

static void put(const char *dir, const char *name, const char *text)
{
	char f[1400];
	snprintf(f, sizeof(f), "%.1200s/%s", dir, name);
	FILE *fp = fopen(f, "w");
	if (fp) {
		fputs(text, fp);
		fclose(fp);
	}
}

/* A tree of 400 processes whose badness ties a lot (sizes from a few
 * values, adj from a few), some immune, two kernel threads, and init. */
static void make_tree(const char *root, const char *release)
{
	char d[1200], text[1024];
	snprintf(d, sizeof(d), "%s/proc", root);
	mkdir(d, 0755);
	put(d, "meminfo", "MemTotal:        4194304 kB\nMemFree:  1000000 kB\nSwapTotal:       1048576 kB\n");
	snprintf(d, sizeof(d), "%s/proc/sys", root);
	mkdir(d, 0755);
	snprintf(d, sizeof(d), "%s/proc/sys/kernel", root);
	mkdir(d, 0755);
	put(d, "osrelease", release);
	unsigned seed = 7;
	for (int pid = 1; pid <= 400; pid++) {
		seed = seed * 1103515245u + 12345u;
		unsigned x = seed >> 16;
		bool kthread = pid == 2 || pid == 3;
		int rss = 400 * (int)(x % 4), swap = 40 * (int)((x >> 3) % 2), pte = 8 * (int)((x >> 5) % 2);
		int adj = (x >> 7) % 9 == 0 ? -1000 : (x >> 7) % 9 == 1 ? 1 : (x >> 7) % 9 == 2 ? -1 : 0;
		snprintf(d, sizeof(d), "%s/proc/%d", root, pid);
		mkdir(d, 0755);
		if (kthread)
			snprintf(text, sizeof(text), "Name:\tkworker/%d\nState:\tS (sleeping)\nTgid:\t%d\nPid:\t%d\n"
				 "Uid:\t0\t0\t0\t0\nKthread:\t1\n", pid, pid, pid);
		else
			snprintf(text, sizeof(text), "Name:\tp%d\nState:\tS (sleeping)\nTgid:\t%d\nPid:\t%d\n"
				 "Uid:\t1000\t1000\t1000\t1000\nKthread:\t0\nVmSize:\t  100000 kB\n"
				 "VmRSS:\t%d kB\nRssAnon:\t%d kB\nRssFile:\t0 kB\nRssShmem:\t0 kB\n"
				 "VmPTE:\t%d kB\nVmSwap:\t%d kB\n", pid, pid, pid, rss, rss, pte, swap);
		put(d, "status", text);
		snprintf(text, sizeof(text), "%d\n", kthread ? 0 : adj);
		put(d, "oom_score_adj", text);
	}
}

static void rm_tree(const char *root)
{
	char cmd[1300];
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", root);
	if (system(cmd) != 0)
		printf("cannot remove %s\n", root);
}

static void same_as_full(const char *root, size_t want, bool kthreads)
{
	struct live_root r;
	if (live_root_open(&r, root) < 0) {
		CHECK(0);
		return;
	}
	struct top_view full, part;
	char err[600];
	CHECK_INT(top_collect(&full, &r, NULL, err, sizeof(err)), 0);
	CHECK_INT(top_collect_best(&part, &r, NULL, want, kthreads, err, sizeof(err)), 0);
	CHECK_INT(part.n_ranked + part.n_ranked_dropped, full.n_ranked);
	CHECK(part.n_ranked <= full.n_ranked);
	CHECK_INT(part.n_immune, full.n_immune);
	CHECK_INT(part.n_kthreads, full.n_kthreads);
	CHECK_INT(part.lead_pages, full.lead_pages);
	size_t n = want < full.n_ranked ? want : full.n_ranked;
	CHECK(part.n_ranked >= n);
	int bad = 0;
	for (size_t k = 0; k < n; k++) {
		const struct oom_task *a = ranked(&full, k), *b = ranked(&part, k);
		if (!b || a->pid != b->pid || a->badness != b->badness || a->oom_score != b->oom_score)
			bad++;
	}
	CHECK_INT(bad, 0);
	for (size_t k = 0; k < part.n_immune; k++)
		CHECK_INT(part.s->tasks[part.order[part.n_ranked + k]].pid, full.s->tasks[full.order[full.n_ranked + k]].pid);
	if (kthreads)
		CHECK_INT(part.n_order - part.n_ranked - part.n_immune, full.n_kthreads);
	else
		CHECK_INT(part.n_order, part.n_ranked + part.n_immune);
	/* only the shown rows are held (2 at least: the lead), ties or not */
	size_t held = want < 2 ? 2 : want;
	if (held > full.n_ranked)
		held = full.n_ranked;
	CHECK_INT(part.s->nr_tasks, held + full.n_immune + (kthreads ? full.n_kthreads : 0));
	top_view_release(&full);
	top_view_release(&part);
	live_root_close(&r);
}

TEST(test_keep_shown)
{
	char root[] = "/tmp/oomkit-test-top-XXXXXX";
	if (!mkdtemp(root)) {
		SKIP("no temporary directory");
		return;
	}
	/* 6.18: of equal badness the later task wins; 4.19: the earlier one */
	static const char *const releases[] = { "6.18.0\n", "4.19.0\n" };
	static const size_t wants[] = { 0, 1, 2, 3, 5, 17, 20, 99, 250, 399, 1000 };
	for (size_t e = 0; e < 2; e++) {
		make_tree(root, releases[e]);
		for (size_t i = 0; i < sizeof(wants) / sizeof(wants[0]); i++)
			same_as_full(root, wants[i], i % 2 == 0);
		rm_tree(root);
		mkdir(root, 0700);
	}
	rmdir(root);
}

int main(void)
{
	RUN(test_host_capture);
	RUN(test_tasks);
	RUN(test_cgroup_scope);
	RUN(test_cgroup_v2);
	RUN(test_empty);
	RUN(test_keep_shown);
	return check_summary();
}
