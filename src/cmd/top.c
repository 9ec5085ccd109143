/* top.c — `oomkit top`: who dies next.  Reads every process (or those of a
 * memory cgroup) from /proc, ranks them by the running kernel era's
 * oom_badness() (model/badness.c) against the OOM domain's totalpages, and
 * predicts each /proc/PID/oom_score from that badness instead of reading it:
 * since 5.9 one oom_score point is ~0.15 % of RAM and small processes all
 * tie at 666, so the file cannot rank them. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "cmd/cmd.h"
#include "cmd/live_cmd.h"
#include "live/kube.h"
#include "report/walltime.h"
#include "render/html.h"

enum { OPT_ROOT = CMD_KEY_FIRST_FREE, OPT_BY_NAME, OPT_HTML };
static const struct cmd_opt top_opts[] = {
	{ 'c', 'c', "cgroup", CMD_ARG_REQUIRED, "PATH",
	  "rank inside this memory cgroup (v1 or v2): its directory,\n"
	  "                         or its path as /proc/PID/cgroup shows it; the kernel\n"
	  "                         then uses its limit (+ swap) as the total" },
	{ 'a', 'a', "all", CMD_ARG_NONE, NULL, "also list kernel threads (never candidates)" },
	{ 'n', 'n', "lines", CMD_ARG_REQUIRED, "N", "show the first N ranked processes (default 20; all with --json)" },
	{ 'w', 'w', "watch", CMD_ARG_REQUIRED, "SECONDS",
	  "refresh every SECONDS (clears the screen on a terminal;\n"
	  "                         piped: a time header per frame; JSON: one object\n"
	  "                         per frame with its \"time\")" },
	{ OPT_BY_NAME, 0, "by-name", CMD_ARG_NONE, NULL, "also totals per process name (count, rss, swap, badness)" },
	CMD_OPT_JSON("JSON: {\"tasks\": [...]} sorted by badness"),
	{ OPT_HTML, 0, "html", CMD_ARG_NONE, NULL, "one self-contained HTML page of the ranking" },
	{ 'o', 'o', "output", CMD_ARG_REQUIRED, "FILE", "write to FILE instead of standard output" },
	{ OPT_ROOT, 0, "root", CMD_ARG_REQUIRED, "DIR", "read DIR/proc and DIR/sys instead of /proc and /sys" },
	CMD_OPT_COLOR,
	CMD_OPT_HELP,
	CMD_OPT_VERSION,
	CMD_OPT_END,
};

static void usage(FILE *f)
{
	fputs("Usage: oomkit top [OPTION]...\n"
	      "List processes in the order the kernel's OOM killer would pick them, with\n"
	      "the arithmetic: rss, swap, page tables, oom_score_adj, badness in pages, the\n"
	      "predicted /proc/PID/oom_score, share of memory, memory cgroup, and how far\n"
	      "the first leads the second.\n\n"
	      "Options:\n", f);
	cmd_opts_help(f, top_opts);
	fputs("\n"
	      "Processes with oom_score_adj -1000 and init are shown as immune, not ranked.\n"
	      "See oomkit-top(1).\n", f);
}

static const struct top_view *sort_view;
static int cmp_rank(const void *a, const void *b)
{
	size_t i = *(const size_t *)a, j = *(const size_t *)b;
	const struct oom_task *x = &sort_view->s->tasks[i], *y = &sort_view->s->tasks[j];
	if (x->badness != y->badness)
		return x->badness > y->badness ? -1 : 1;
	/* Equal points: the era's tie rule (model/badness.c), so order[0] is
	 * the task the kernel — and the guard — pick. */
	if (badness_replaces(x->badness, y->badness, &sort_view->kv))
		return i > j ? -1 : 1;
	return i < j ? -1 : 1;
}

static int cmp_footprint(const void *a, const void *b)
{
	size_t i = *(const size_t *)a, j = *(const size_t *)b;
	const struct oom_task *x = &sort_view->s->tasks[i], *y = &sort_view->s->tasks[j];
	int64_t fx = known(x->rss_pages) ? x->rss_pages : 0, fy = known(y->rss_pages) ? y->rss_pages : 0;
	if (fx != fy)
		return fx > fy ? -1 : 1;
	return i < j ? -1 : 1;
}

/* The badness top ranks a task by: the era's (model/badness.c), except
 * that inside a pid namespace our pid 1 is an ordinary process to the kernel
 * (the model takes every tgid 1 for init, is_global_init), eligible and
 * scored as such. */
static int64_t rank_badness(const struct oom_task *t, int64_t totalpages, int64_t psz, const struct kver *kv)
{
	if (t->tgid == 1 && !t->global_init && !t->kthread) {
		struct oom_task c = *t;
		c.tgid = c.pid = INT32_MAX;
		return badness_for_era(&c, totalpages, psz, kv);
	}
	return badness_for_era(t, totalpages, psz, kv);
}

/* ---- keeping only the rows shown ------------------------------------
 * `top` shows the first N ranked (20 by default): the scan offers each task
 * to keep_task(), which keeps every immune task, kernel threads when listed,
 * and the best `want` ranked seen so far — a newcomer that beats the lowest
 * of them takes its row.  A task of the final first `want` is among the best
 * of every prefix holding it, so the kept rows are exactly the full
 * ranking's first `want`; the order is a strict total one (badness, then
 * the era's tie rule on pid order, as cmp_rank), so ties at the cut are
 * decided as the kernel would.  What the table does not hold it does not
 * pay for: a 720-byte row, a page fault (~25 us in a VM) every 5.7 rows. */
struct rank_key {
	int64_t badness, pid;
	size_t row;                    /* its row in s->tasks */
};

struct top_keep {
	int64_t totalpages, psz;
	const struct kver *kv;
	bool later_wins;               /* of equal badness the later (higher pid) ranks first */
	bool kthreads;                 /* keep kernel threads (--all lists them) */
	size_t want;                   /* ranked tasks to keep: the best `want` */
	struct rank_key *heap;         /* the kept ranked, the lowest on top */
	size_t n;
	size_t dropped_ranked, dropped_kthreads;
};

static bool key_above(const struct top_keep *k, struct rank_key a, struct rank_key b)
{
	if (a.badness != b.badness)
		return a.badness > b.badness;
	return k->later_wins ? a.pid > b.pid : a.pid < b.pid;
}

static void heap_down(struct top_keep *k, size_t i)
{
	for (;;) {
		size_t l = 2 * i + 1, m = i;
		if (l < k->n && key_above(k, k->heap[m], k->heap[l]))
			m = l;
		if (l + 1 < k->n && key_above(k, k->heap[m], k->heap[l + 1]))
			m = l + 1;
		if (m == i)
			return;
		struct rank_key x = k->heap[i];
		k->heap[i] = k->heap[m];
		k->heap[m] = x;
		i = m;
	}
}

static struct oom_task *keep_task(struct oom_snapshot *s, const struct oom_task *t, void *arg)
{
	struct top_keep *k = arg;
	if (t->kthread) {
		if (!k->kthreads) {
			k->dropped_kthreads++;
			return NULL;
		}
		return snapshot_add_task(s);
	}
	int64_t b = rank_badness(t, k->totalpages, k->psz, k->kv);
	if (!known(b))
		return snapshot_add_task(s);   /* immune: every one is listed */
	struct rank_key key = { b, t->pid, 0 };
	if (k->n < k->want) {
		struct oom_task *slot = snapshot_add_task(s);
		if (!slot)
			return NULL;
		key.row = (size_t)(slot - s->tasks);
		size_t i = k->n++;
		k->heap[i] = key;
		while (i > 0 && key_above(k, k->heap[(i - 1) / 2], k->heap[i])) {
			struct rank_key x = k->heap[i];
			k->heap[i] = k->heap[(i - 1) / 2];
			k->heap[(i - 1) / 2] = x;
			i = (i - 1) / 2;
		}
		return slot;
	}
	k->dropped_ranked++;
	if (!key_above(k, key, k->heap[0]))
		return NULL;
	key.row = k->heap[0].row;   /* the lowest kept gives up its row */
	k->heap[0] = key;
	heap_down(k, 0);
	return &s->tasks[key.row];
}

/* Beyond this many rows a bounded table saves little: everything is kept. */
#define TOP_KEEP_MAX 65536

int top_collect_best(struct top_view *v, const struct live_root *r, const char *cgroup_dir, size_t want,
		     bool kthreads, char *err, size_t errlen)
{
	memset(v, 0, sizeof(*v));
	v->s = calloc(1, sizeof(*v->s));
	if (!v->s) {
		snprintf(err, errlen, "out of memory");
		return -ENOMEM;
	}
	struct oom_snapshot *s = v->s;
	snapshot_init(s);
	v->lead_pages = v->totalpages = v->global_totalpages = OOM_NA;
	v->scope_limit_kib = v->scope_usage_kib = OOM_NA;
	s->page_size_kib = live_page_size_kib(r);
	int64_t psz = s->page_size_kib;
	int rc = live_read_meminfo(r, &s->mem);
	if (rc < 0) {
		snprintf(err, errlen, "cannot read %s/proc/meminfo: %s", strcmp(r->path, "/") ? r->path : "",
			 strerror(-rc));
		return rc;
	}
	if (live_read_release(r, v->release, sizeof(v->release), &v->kv) < 0)
		v->release[0] = '\0';
	v->global_totalpages = machine_totalpages(&s->mem, psz);
	v->totalpages = v->global_totalpages;

	char resolved[OOM_PATH_LEN * 2];
	if (cgroup_dir) {
		char full[OOM_PATH_LEN * 4];
		/* A directory below the root; else a path inside the memory
		 * hierarchy as /proc/PID/cgroup prints it ("/system.slice/x"). */
		static const char *const mounts[] = { "", "/sys/fs/cgroup/memory", "/sys/fs/cgroup", "/sys/fs/cgroup/unified" };
		rc = -ENOENT;
		for (size_t m = 0; m < ARRAY_SIZE(mounts) && rc == -ENOENT; m++) {
			if (m > 0 && !strncmp(cgroup_dir, "/sys/", 5))
				break;
			snprintf(resolved, sizeof(resolved), "%s%s%s", mounts[m], cgroup_dir[0] == '/' || !m ? "" : "/",
				 cgroup_dir);
			const char *relp = resolved;
			while (*relp == '/')
				relp++;
			int fl = snprintf(full, sizeof(full), "%s%s%s", r->path,
					  r->path[strlen(r->path) - 1] == '/' ? "" : "/", relp);
			rc = fl > 0 && (size_t)fl < sizeof(full) ? live_read_memcg(full, &s->memcg) : -ENAMETOOLONG;
			if (m == 0 && rc == -ENOTDIR)
				rc = -ENOENT;
		}
		if (rc < 0) {
			snprintf(err, errlen, "%s is not a memory cgroup directory: %s", cgroup_dir,
				 rc == -ENOENT ? "no memory.current or memory.usage_in_bytes in it" : strerror(-rc));
			return rc;
		}
		s->have_memcg = true;
		v->memcg = true;
		if (live_memcg_relpath(full, v->scope, sizeof(v->scope)) < 0)
			str_copy(v->scope, sizeof(v->scope), cgroup_dir, strlen(cgroup_dir));
		v->scope_limit_kib = s->memcg.limit_kib;
		v->scope_usage_kib = s->memcg.usage_kib;
		int64_t tp = memcg_totalpages(&s->memcg, s->mem.swap_total_kib,
					      live_read_value(r, "proc/sys/vm/swappiness"), psz);
		if (known(tp))
			v->totalpages = tp;
		else
			v->limit_unlimited = true;
	}

	struct top_keep keep = {
		.totalpages = v->totalpages, .psz = psz, .kv = &v->kv, .kthreads = kthreads,
		.later_wins = badness_replaces(0, 0, &v->kv), .want = want < 2 ? 2 : want,   /* 2: the lead */
	};
	if (keep.want <= TOP_KEEP_MAX)
		keep.heap = malloc(keep.want * sizeof(*keep.heap));
	rc = live_scan_tasks_keep(r, s, cgroup_dir ? resolved : NULL, keep.heap ? keep_task : NULL, &keep);
	free(keep.heap);
	if (rc < 0) {
		snprintf(err, errlen, "cannot list processes: %s", strerror(-rc));
		return rc;
	}
	int second = -1;
	badness_rank(s, v->totalpages, &v->kv, &second);
	for (size_t i = 0; i < s->nr_tasks; i++) {
		struct oom_task *t = &s->tasks[i];
		if (t->tgid != 1 || t->global_init || t->kthread)
			continue;
		t->badness = rank_badness(t, v->totalpages, psz, &v->kv);
		int64_t bg = v->totalpages == v->global_totalpages ? t->badness
			     : rank_badness(t, v->global_totalpages, psz, &v->kv);
		t->oom_score = oom_score_for_era(bg, v->global_totalpages, &v->kv);
	}

	v->order = malloc((s->nr_tasks ? s->nr_tasks : 1) * sizeof(*v->order));
	if (!v->order) {
		snprintf(err, errlen, "out of memory");
		return -ENOMEM;
	}
	size_t k = 0;
	for (size_t i = 0; i < s->nr_tasks; i++)
		if (!s->tasks[i].kthread && known(s->tasks[i].badness))
			v->order[k++] = i;
	v->n_ranked = k;
	for (size_t i = 0; i < s->nr_tasks; i++)
		if (!s->tasks[i].kthread && !known(s->tasks[i].badness))
			v->order[k++] = i;
	v->n_immune = k - v->n_ranked;
	for (size_t i = 0; i < s->nr_tasks; i++)
		if (s->tasks[i].kthread)
			v->order[k++] = i;
	v->n_kthreads = k - v->n_ranked - v->n_immune + keep.dropped_kthreads;
	v->n_ranked_dropped = keep.dropped_ranked;
	v->n_order = k;
	/* The order mirrors badness_rank's choice: highest badness, ties by the
	 * era's rule (badness_replaces), so order[0] is the task the kernel picks. */
	sort_view = v;
	if (v->n_ranked > 1)
		qsort(v->order, v->n_ranked, sizeof(*v->order), cmp_rank);
	if (v->n_immune > 1)
		qsort(v->order + v->n_ranked, v->n_immune, sizeof(*v->order), cmp_footprint);
	sort_view = NULL;
	if (v->n_ranked >= 2)
		v->lead_pages = s->tasks[v->order[0]].badness - s->tasks[v->order[1]].badness;
	v->n_show = v->n_ranked;
	return 0;
}

int top_collect(struct top_view *v, const struct live_root *r, const char *cgroup_dir,
		char *err, size_t errlen)
{
	return top_collect_best(v, r, cgroup_dir, SIZE_MAX, true, err, errlen);
}

void top_fill_cgroups(struct top_view *v, const struct live_root *r, size_t n)
{
	size_t lim = n < v->n_ranked ? n : v->n_ranked;
	size_t *idx = malloc((v->n_order ? v->n_order : 1) * sizeof(*idx));
	if (!idx)
		return;
	size_t m = 0;
	for (size_t k = 0; k < v->n_order; k++)
		if (k < lim || (k >= v->n_ranked && k < v->n_ranked + v->n_immune))
			idx[m++] = v->order[k];
	live_fill_task_cgroups(r, v->s, idx, m);
	free(idx);
}

/* The pods of the scope and of the shown tasks' cgroups, named
 * from the container runtimes' state files (after top_fill_cgroups). */
void top_fill_kube(struct top_view *v, const struct live_root *r, size_t n, struct kube_names *t)
{
	size_t lim = n < v->n_ranked ? n : v->n_ranked;
	const char **paths = malloc((v->n_order + 1) * sizeof(*paths));
	if (!paths)
		return;
	size_t m = 0;
	if (v->memcg)
		paths[m++] = v->scope;
	/* the rows top_fill_cgroups filled: the first n ranked and the immune */
	for (size_t k = 0; k < v->n_order; k++)
		if (k < lim || (k >= v->n_ranked && k < v->n_ranked + v->n_immune))
			paths[m++] = v->s->tasks[v->order[k]].cgroup;
	live_kube_names(r, paths, m, t);
	free(paths);
	v->kube = t;
}

/* /proc/PID/cmdline of the first n ranked tasks (and the listed immune
 * ones): its NUL-separated arguments joined by spaces, at most 4 KiB. */
void top_fill_cmdlines(struct top_view *v, const struct live_root *r, size_t n)
{
	if (r->procfd < 0 || !v->s || v->s->nr_tasks == 0)
		return;
	v->cmdline = calloc(v->s->nr_tasks, sizeof(*v->cmdline));
	if (!v->cmdline)
		return;
	size_t lim = n < v->n_ranked ? n : v->n_ranked;
	for (size_t k = 0; k < v->n_order; k++) {
		if (!(k < lim || (k >= v->n_ranked && k < v->n_ranked + v->n_immune)))
			continue;
		size_t i = v->order[k];
		const struct oom_task *t = &v->s->tasks[i];
		if (t->kthread)
			continue;
		char path[40], text[4096];
		snprintf(path, sizeof(path), "%lld/cmdline", (long long)t->pid);
		/* one read: /proc/PID/cmdline hands over up to the count asked
		 * in one go (fs/proc/base.c get_mm_cmdline loops until done) */
		ssize_t got = read_small_file_once_at(r->procfd, path, text, sizeof(text));
		if (got <= 0)
			continue;
		while (got > 0 && text[got - 1] == '\0')
			got--;
		for (ssize_t b = 0; b < got; b++)
			if (text[b] == '\0')
				text[b] = ' ';
		v->cmdline[i] = strndup(text, (size_t)got);
	}
}

void top_view_release(struct top_view *v)
{
	if (v->cmdline && v->s)
		for (size_t i = 0; i < v->s->nr_tasks; i++)
			free(v->cmdline[i]);
	free(v->cmdline);
	if (v->s) {
		snapshot_release(v->s);
		free(v->s);
	}
	free(v->order);
	memset(v, 0, sizeof(*v));
}

/* The terminal's width (0 unknown): rows are cut to it, the command line last. */
static size_t terminal_width(void)
{
	struct winsize ws;
	if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0)
		return ws.ws_col;
	return 0;
}

static int parse_count(const char *s, long max, long *out)
{
	int64_t v;
	if (parse_i64(s, (size_t)-1, &v) < 0 || v < 0 || v > max)
		return -EINVAL;
	*out = (long)v;
	return 0;
}

int cmd_top(int argc, char **argv)
{
	const char *cgroup = NULL, *root = NULL;
	bool all = false, json = false, by_name = false, html = false;
	const char *out = NULL;
	long lines = -1, watch = 0;
	int color = COLOR_AUTO, c;
	struct cmd_args args;
	cmd_args_init(&args, "top", top_opts, argc, argv);
	while ((c = cmd_args_next(&args)) > 0) {
		switch (c) {
		case 'c': cgroup = args.arg; break;
		case 'a': all = true; break;
		case 'n':
			if (parse_count(args.arg, 10000000, &lines) < 0)
				return cmd_usage_error("top", "-n wants a number of lines, not '%s'", args.arg);
			break;
		case 'w':
			if (parse_count(args.arg, 86400, &watch) < 0 || watch == 0)
				return cmd_usage_error("top", "--watch wants a number of seconds (1-86400), not '%s'", args.arg);
			break;
		case 'j': json = true; break;
		case OPT_HTML: html = true; break;
		case 'o': out = args.arg; break;
		case OPT_ROOT: root = args.arg; break;
		case OPT_BY_NAME: by_name = true; break;
		case CMD_KEY_COLOR:
			if ((color = cmd_color_arg(&args)) < 0)
				return 2;
			break;
		case 'h': usage(stdout); return 0;
		case 'V': return cmd_version();
		}
	}
	if (c < 0)
		return 2;
	if (args.nr_operands > 0)
		return cmd_usage_error("top", "unexpected argument '%s'", args.operands[0]);
	if (json && html)
		return cmd_usage_error("top", "--json and --html exclude each other");
	if (html && watch)
		return cmd_usage_error("top", "--html writes one page: it does not --watch");
	if (cmd_output_to("top", out) != 0)
		return 1;
	struct live_root r;
	int rc = live_root_open(&r, root);
	if (rc < 0) {
		cmd_error("top", "cannot open root %s: %s", root ? root : "/", strerror(-rc));
		return 1;
	}
	struct style st;
	style_init(&st, !json && color_enabled((enum color_mode)color, stdout));
	bool tty = isatty(STDOUT_FILENO);
	int status = 0;
	/* The rows shown: the first N ranked (all with --json and no -n, and
	 * all for --by-name and --html, which total or chart every one). */
	size_t want = lines >= 0 ? (size_t)lines : json ? SIZE_MAX : 20;
	if (by_name || html)
		want = SIZE_MAX;
	for (;;) {
		struct top_view v;
		char err[600];
		rc = top_collect_best(&v, &r, cgroup, want, all, err, sizeof(err));
		if (rc < 0) {
			cmd_error("top", "%s", err);
			top_view_release(&v);
			status = 1;
			break;
		}
		v.show_kthreads = all;
		v.n_show = lines >= 0 ? (size_t)lines : json ? v.n_ranked : 20;
		if (v.n_show > v.n_ranked)
			v.n_show = v.n_ranked;
		top_fill_cgroups(&v, &r, v.n_show);
		top_fill_cmdlines(&v, &r, v.n_show);
		struct kube_names *kube = calloc(1, sizeof(*kube));
		if (kube)
			top_fill_kube(&v, &r, v.n_show, kube);
		v.by_name = by_name;
		v.width = tty && !json ? terminal_width() : 0;
		time_t now = time(NULL);
		fmt_iso8601(v.time_iso, sizeof(v.time_iso), (int64_t)now);
		if (watch && tty && !json)
			fputs("\033[H\033[2J", stdout);
		else if (watch && !json) {
			/* piped: frames are told apart by a header with the time */
			char when[40];
			struct tm tm;
			localtime_r(&now, &tm);
			strftime(when, sizeof(when), "%Y-%m-%d %H:%M:%S", &tm);
			printf("--- oomkit top %s ---\n", when);
		}
		if (json)
			render_top_json(stdout, &v, !watch);
		else if (html)
			render_top_html(stdout, &v);
		else
			render_top_text(stdout, &v, &st);
		fflush(stdout);
		top_view_release(&v);
		free(kube);
		if (!watch)
			break;
		if (ferror(stdout)) {
			status = 1;
			break;
		}
		struct timespec ts = { watch, 0 };
		while (nanosleep(&ts, &ts) < 0 && errno == EINTR)
			;
	}
	live_root_close(&r);
	return status;
}
