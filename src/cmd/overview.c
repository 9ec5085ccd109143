/* overview.c — `oomkit` with no subcommand: the short form of status (top
 * findings, OOM kills since boot and the last report), then the first few
 * processes of top. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd/cmd.h"
#include "cmd/live_cmd.h"
#include "report/walltime.h"

enum { OPT_ROOT = CMD_KEY_FIRST_FREE };
static const struct cmd_opt overview_opts[] = {
	CMD_OPT_JSON("JSON: {\"kernel\", \"memory\", \"oom_kills\", \"last_oom\", \"findings\", \"next\"}"),
	{ OPT_ROOT, 0, "root", CMD_ARG_REQUIRED, "DIR", "read DIR/proc and DIR/sys instead of /proc and /sys" },
	CMD_OPT_COLOR,
	CMD_OPT_HELP,
	CMD_OPT_VERSION,
	CMD_OPT_END,
};

void cmd_overview_help(FILE *f)
{
	cmd_opts_help(f, overview_opts);
}

static void overview_json(const struct status_data *d, const struct top_view *v, bool have_top)
{
	struct json j;
	json_init(&j, stdout, true);
	json_obj_begin(&j, NULL);
	json_int(&j, "version", 1);
	json_str(&j, "kernel", d->vm.kernel_release[0] ? d->vm.kernel_release : NULL);
	const struct oom_mem *m = &d->s.mem;
	json_obj_begin(&j, "memory");
	json_int(&j, "total_kib", m->total_kib);
	json_int(&j, "available_kib", m->available_kib);
	json_int(&j, "swap_total_kib", m->swap_total_kib);
	json_obj_end(&j);
	json_int(&j, "oom_kills", d->vm.oom_kill_count);
	if (d->h.have_last) {
		json_obj_begin(&j, "last_oom");
		json_str(&j, "kind", d->h.last_kind);
		json_str(&j, "time", d->h.last_time[0] ? d->h.last_time : NULL);
		char iso[40];
		if (d->h.last_wall_time > 0 && fmt_iso8601(iso, sizeof(iso), d->h.last_wall_time))
			json_str(&j, "time_iso", iso);
		else
			json_null(&j, "time_iso");
		json_str(&j, "time_basis", walltime_basis_name((enum walltime_basis)d->h.last_wall_basis));
		json_str(&j, "victim", d->h.last_victim[0] ? d->h.last_victim : NULL);
		json_int(&j, "victim_pid", d->h.last_victim_pid);
		json_str(&j, "cause", d->h.last_cause_id[0] ? d->h.last_cause_id : NULL);
		json_obj_end(&j);
	} else {
		json_null(&j, "last_oom");
	}
	json_arr_begin(&j, "findings");
	for (int i = 0; i < d->f.n && i < 5; i++) {
		json_obj_begin(&j, NULL);
		json_str(&j, "id", d->f.items[i].id);
		json_str(&j, "severity", severity_name(d->f.items[i].severity));
		json_str(&j, "summary", d->f.items[i].summary);
		json_obj_end(&j);
	}
	json_arr_end(&j);
	json_arr_begin(&j, "next");
	for (size_t i = 0; have_top && i < v->n_show; i++) {
		const struct oom_task *t = &v->s->tasks[v->order[i]];
		json_obj_begin(&j, NULL);
		json_int(&j, "pid", t->pid);
		json_str(&j, "comm", t->comm);
		json_int(&j, "badness", t->badness);
		json_int(&j, "oom_score", t->oom_score);
		json_obj_end(&j);
	}
	json_arr_end(&j);
	json_obj_end(&j);
	json_end(&j);
}

int cmd_overview(int argc, char **argv)
{
	int color = COLOR_AUTO, c;
	const char *root = NULL;
	bool json = false;
	struct cmd_args args;
	cmd_args_init(&args, NULL, overview_opts, argc, argv);
	while ((c = cmd_args_next(&args)) > 0) {
		switch (c) {
		case 'j': json = true; break;
		case OPT_ROOT: root = args.arg; break;
		case CMD_KEY_COLOR:
			if ((color = cmd_color_arg(&args)) < 0)
				return 2;
			break;
		case 'h': return cmd_main_help();
		case 'V': return cmd_version();
		}
	}
	if (c < 0)
		return 2;
	if (args.nr_operands > 0)
		return cmd_usage_error(NULL, "unknown command '%s'", args.operands[0]);
	struct live_root r;
	if (live_root_open(&r, root) < 0) {
		cmd_error(NULL, "cannot open root %s", root ? root : "/");
		return 1;
	}
	struct style st;
	style_init(&st, !json && color_enabled((enum color_mode)color, stdout));
	struct status_data *d = calloc(1, sizeof(*d));
	if (!d) {
		live_root_close(&r);
		return 1;
	}
	status_collect(d, &r, root, true);
	if (!d->view.meminfo_known && !d->view.zones_known) {
		cmd_error(NULL, "nothing to read under %s: no proc/meminfo or zoneinfo", root ? root : "/");
		status_data_release(d);
		free(d);
		live_root_close(&r);
		return 2;
	}
	struct top_view v;
	char err[600];
	bool have_top = top_collect(&v, &r, NULL, err, sizeof(err)) == 0;
	if (have_top) {
		v.n_show = v.n_ranked < 5 ? v.n_ranked : 5;
		top_fill_cgroups(&v, &r, v.n_show);
	} else {
		cmd_warn(NULL, "%s", err);
	}
	if (json) {
		overview_json(d, &v, have_top);
		goto out;
	}
	char a[32], b[32];
	const struct oom_mem *m = &d->s.mem;
	printf("%soomkit%s — kernel %s: %s available of %s", st.bold, st.reset,
	       d->vm.kernel_release[0] ? d->vm.kernel_release : "unknown", fmt_kib(a, sizeof(a), m->available_kib),
	       fmt_kib(b, sizeof(b), m->total_kib));
	if (known(m->swap_total_kib) && m->swap_total_kib > 0)
		printf(", swap %s", fmt_kib(a, sizeof(a), m->swap_total_kib));
	printf("; OOM kills since boot: ");
	if (known(d->vm.oom_kill_count))
		printf("%lld\n", (long long)d->vm.oom_kill_count);
	else
		printf("unknown\n");
	if (d->h.have_last) {
		printf("  last OOM: %s", d->h.last_kind);
		char when[96];
		if (history_when(&d->h, when, sizeof(when))) {
			fputs(" ", stdout);
			escape_term(stdout, when, strlen(when));
		}
		if (d->h.last_victim[0]) {
			fputs(", killed ", stdout);
			escape_term(stdout, d->h.last_victim, strlen(d->h.last_victim));
			printf(" (%lld)", (long long)d->h.last_victim_pid);
			if (!strcmp(d->h.last_victim, OOMKIT_TEST_HOG_COMM))
				fputs(" [an oomkit test hog]", stdout);
		}
		if (d->h.last_cause_id[0])
			printf(" — %s", d->h.last_cause_id);
		fputs("  (oomkit explain)\n", stdout);
	}
	printf("\n%sFindings%s (oomkit status)\n", st.bold, st.reset);
	render_status_short(stdout, &d->view, 5, &st);
	if (have_top) {
		printf("\n%sNext in line%s (oomkit top)\n", st.bold, st.reset);
		render_top_rows(stdout, &v, v.n_show, &st);
	}
	printf("\nMore: oomkit status · oomkit top · oomkit explain · oomkit --help\n");
out:
	top_view_release(&v);
	status_data_release(d);
	free(d);
	live_root_close(&r);
	return 0;
}
