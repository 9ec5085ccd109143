/* status.c — `oomkit status`: is this machine set up to OOM?  Reads the
 * live snapshot (meminfo, zones, buddyinfo, slabinfo, sysctls, vmstat, PSI),
 * the kernel log's last OOM report through the explain engine, and runs the
 * live rules (src/diagnose/live_rules.c).  Under --root every file comes
 * from the captured tree; a missing one is "unknown", never an error. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cmd/cmd.h"
#include "cmd/live_cmd.h"
#include "diagnose/diagnose.h"
#include "guard/guard.h"
#include "live/kube.h"
#include "render/html.h"
#include "report/report.h"
#include "report/walltime.h"

enum { OPT_ROOT = CMD_KEY_FIRST_FREE, OPT_NOLOG, OPT_CHECK, OPT_HTML, OPT_METRICS };
static const struct cmd_opt status_opts[] = {
	CMD_OPT_JSON("JSON (overcommit, zones, memory, pressure, history, findings)"),
	{ OPT_HTML, 0, "html", CMD_ARG_NONE, NULL, "one self-contained HTML page: findings, memory, zones drawn" },
	{ OPT_METRICS, 0, "metrics", CMD_ARG_OPTIONAL, "FILE",
	  "Prometheus text (the guard's metric names) for node_exporter's\n"
	  "                         textfile collector, to FILE atomically (FILE.tmp, then\n"
	  "                         rename) or standard output; skips the kernel log" },
	{ 'o', 'o', "output", CMD_ARG_REQUIRED, "FILE", "write to FILE instead of standard output" },
	{ OPT_ROOT, 0, "root", CMD_ARG_REQUIRED, "DIR", "audit a captured tree: DIR/proc/..., DIR/sys/..." },
	{ OPT_NOLOG, 0, "no-log", CMD_ARG_NONE, NULL, "do not read the kernel log for the last OOM report" },
	{ OPT_CHECK, 0, "check", CMD_ARG_NONE, NULL, "exit 3 when a finding is critical (for monitoring)" },
	CMD_OPT_COLOR,
	CMD_OPT_HELP,
	CMD_OPT_VERSION,
	CMD_OPT_END,
};

static void usage(FILE *f)
{
	fputs("Usage: oomkit status [OPTION]...\n"
	      "Audit this machine's OOM risk: overcommit accounting, zones and watermarks,\n"
	      "fragmentation, where memory is, pressure (PSI), OOM history and risky\n"
	      "settings.  Every number comes from the kernel; every finding carries its\n"
	      "evidence and advice.\n\n"
	      "Options:\n", f);
	cmd_opts_help(f, status_opts);
	fputs("\n"
	      "Exit status: 0 when the audit ran (with --check: 3 when a finding is\n"
	      "critical), 1 on failure, 2 on a usage error or when nothing could be read\n"
	      "(an empty or unreadable --root is an error, never \"no risk\").\n"
	      "See oomkit-status(1).\n", f);
}

struct hist_ctx {
	struct oom_history *h;
};

static void on_event(struct oom_event *ev, void *ctx)
{
	struct oom_history *h = ((struct hist_ctx *)ctx)->h;
	if (ev->kind == OOM_KIND_ALLOC_FAILURE)
		return;
	h->nr_events++;
	h->have_last = true;
	str_copy(h->last_kind, sizeof(h->last_kind), oom_kind_name(ev->kind), strlen(oom_kind_name(ev->kind)));
	str_copy(h->last_time, sizeof(h->last_time), ev->time, strlen(ev->time));
	/* The ring buffer of this machine: its boot time dates the stamps. */
	h->last_wall_time = 0;
	h->last_wall_basis = (int)walltime_of_event(ev->time, walltime_host_boot(), WALL_BOOT_TIME, time(NULL),
						    &h->last_wall_time);
	str_copy(h->last_constraint, sizeof(h->last_constraint), ev->constraint, strlen(ev->constraint));
	h->last_victim[0] = '\0';
	h->last_victim_pid = OOM_NA;
	h->last_victim_rss_kib = OOM_NA;
	if (ev->have_victim) {
		str_copy(h->last_victim, sizeof(h->last_victim), ev->victim.comm, strlen(ev->victim.comm));
		h->last_victim_pid = ev->victim.pid;
		if (known(ev->victim.anon_rss_kib))
			h->last_victim_rss_kib = sat_add(ev->victim.anon_rss_kib,
							 sat_add(known(ev->victim.file_rss_kib) ? ev->victim.file_rss_kib : 0,
								 known(ev->victim.shmem_rss_kib) ? ev->victim.shmem_rss_kib : 0));
	}
	struct findings *f = calloc(1, sizeof(*f));
	if (!f)
		return;
	findings_init(f);
	diagnose_event(ev, f);
	h->last_cause_id[0] = h->last_cause[0] = '\0';
	if (f->n > 0) {
		str_copy(h->last_cause_id, sizeof(h->last_cause_id), f->items[0].id, strlen(f->items[0].id));
		str_copy(h->last_cause, sizeof(h->last_cause), f->items[0].summary, strlen(f->items[0].summary));
	}
	free(f);
}

/* The last OOM report of the kernel log ring (/dev/kmsg). */
static void read_history(struct oom_history *h)
{
	struct buf b = BUF_INIT;
	int rc = live_read_kmsg(&b);
	if (rc < 0 && b.len == 0) {
		h->log_read = false;
		snprintf(h->log_error, sizeof(h->log_error), "/dev/kmsg: %s", strerror(-rc));
		buf_release(&b);
		return;
	}
	struct hist_ctx ctx = { h };
	h->log_read = true;
	/* straight from memory: no spooling into a memfd */
	rc = report_read_mem(b.data ? b.data : "", b.len, "/dev/kmsg", on_event, NULL, &ctx);
	buf_release(&b);
	if (rc < 0) {
		h->log_read = false;
		snprintf(h->log_error, sizeof(h->log_error), "reading the log: %s", strerror(-rc));
	}
}

void status_collect(struct status_data *d, const struct live_root *r, const char *root_arg, bool history)
{
	memset(d, 0, sizeof(*d));
	snapshot_init(&d->s);
	d->s.page_size_kib = live_page_size_kib(r);
	d->view.meminfo_known = live_read_meminfo(r, &d->s.mem) == 0;
	d->view.zones_known = live_read_zones(r, &d->s) == 0;
	d->view.vm_known = live_read_vm(r, &d->vm) == 0;
	d->view.slab_known = live_read_slabinfo(r, &d->s) == 0;
	d->h.last_victim_pid = d->h.last_victim_rss_kib = OOM_NA;
	if (history && r->host) {
		read_history(&d->h);
	} else {
		d->h.log_read = false;
		snprintf(d->h.log_error, sizeof(d->h.log_error), "%s",
			 r->host ? "not read (--no-log)" : "not read for a captured tree");
	}
	findings_init(&d->f);
	diagnose_live(&d->s, &d->vm, &d->h, &d->f);
	d->view.memcgs = live_read_memcgs(r, &d->mc) == 0 ? &d->mc : NULL;
	if (d->view.memcgs) {
		/* The pods of the cgroups shown, named from the runtimes' state. */
		const char *paths[OOM_MEMCG_SUMMARY_MAX];
		for (int i = 0; i < d->mc.n && i < OOM_MEMCG_SUMMARY_MAX; i++)
			paths[i] = d->mc.v[i].cg.path;
		live_kube_names(r, paths, (size_t)(d->mc.n < OOM_MEMCG_SUMMARY_MAX ? d->mc.n : OOM_MEMCG_SUMMARY_MAX), &d->kube);
		d->view.kube = &d->kube;
	}
	d->view.s = &d->s;
	d->view.vm = &d->vm;
	d->view.f = &d->f;
	d->view.h = &d->h;
	d->view.root = root_arg;
}

void status_data_release(struct status_data *d)
{
	snapshot_release(&d->s);
}

/* --metrics=FILE: rendered whole into memory, then FILE.tmp and a rename,
 * so node_exporter never reads half a file (its textfile collector's rule). */
static int write_metrics(const struct status_view *v, const char *path)
{
	size_t cap = 1u << 20;
	char *buf = malloc(cap);
	struct guard_sink s;
	if (!buf || guard_sink_open(&s, buf, cap) != 0) {
		free(buf);
		cmd_error("status", "out of memory");
		return 1;
	}
	render_status_metrics(s.f, v);
	fflush(s.f);
	int rc = s.overflow ? -EFBIG : guard_sink_save(&s, path);
	guard_sink_close(&s);
	free(buf);
	if (rc != 0) {
		cmd_error("status", "cannot write %s: %s", path, strerror(-rc));
		return 1;
	}
	return 0;
}

int cmd_status(int argc, char **argv)
{
	const char *root = NULL;
	bool json = false, history = true, check = false, html = false;
	const char *out = NULL, *metrics_file = NULL;
	bool metrics = false;
	int color = COLOR_AUTO, c;
	struct cmd_args args;
	cmd_args_init(&args, "status", status_opts, argc, argv);
	while ((c = cmd_args_next(&args)) > 0) {
		switch (c) {
		case 'j': json = true; break;
		case OPT_HTML: html = true; break;
		case OPT_METRICS: metrics = true; metrics_file = args.arg; break;
		case 'o': out = args.arg; break;
		case OPT_ROOT: root = args.arg; break;
		case OPT_NOLOG: history = false; break;
		case OPT_CHECK: check = true; break;
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
		return cmd_usage_error("status", "unexpected argument '%s'", args.operands[0]);
	if (json && html)
		return cmd_usage_error("status", "--json and --html exclude each other");
	if (metrics && (json || html))
		return cmd_usage_error("status", "--metrics excludes --json and --html");
	if (metrics && !metrics_file && out && strcmp(out, "-") != 0)
		metrics_file = out;   /* -o FILE: written atomically too */
	if (metrics && metrics_file && (!metrics_file[0] || !strcmp(metrics_file, "-")))
		metrics_file = NULL;
	if (!metrics && cmd_output_to("status", out) != 0)
		return 1;
	struct live_root r;
	int rc = live_root_open(&r, root);
	if (rc < 0) {
		cmd_error("status", "cannot open root %s: %s", root ? root : "/", strerror(-rc));
		return 1;
	}
	struct status_data *d = calloc(1, sizeof(*d));
	if (!d) {
		live_root_close(&r);
		cmd_error("status", "out of memory");
		return 1;
	}
	status_collect(d, &r, root, history && !metrics);
	/* An empty or unreadable root is an error, never "no risk". */
	if (!d->view.meminfo_known && !d->view.zones_known) {   /* vmstat or slabinfo alone audit nothing */
		cmd_error("status", "nothing to audit under %s: no readable %sproc/meminfo or zoneinfo",
			  root ? root : "/", root ? "DIR/" : "/");
		status_data_release(d);
		free(d);
		live_root_close(&r);
		return 2;
	}
	struct style st;
	style_init(&st, !json && color_enabled((enum color_mode)color, stdout));
	int status = 0;
	if (metrics && metrics_file)
		status = write_metrics(&d->view, metrics_file);
	else if (metrics)
		render_status_metrics(stdout, &d->view);
	else if (json)
		render_status_json(stdout, &d->view, true);
	else if (html)
		render_status_html(stdout, &d->view);
	else
		render_status_text(stdout, &d->view, &st);
	for (int i = 0; i < d->f.n; i++)
		if (check && d->f.items[i].severity == SEV_CRITICAL)
			status = 3;
	if (fflush(stdout) != 0 || ferror(stdout))
		status = 1;
	status_data_release(d);
	free(d);
	live_root_close(&r);
	return status;
}
