/* overview.c — `oomkit` with no subcommand: the short form of status (top
 * findings, OOM kills since boot and the last report), then the first few
 * processes of top. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd/cmd.h"
#include "cmd/live_cmd.h"

int cmd_overview(int argc, char **argv)
{
	int color = COLOR_AUTO;
	const char *root = NULL;
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		if (!strncmp(a, "--color", 7) || !strncmp(a, "--colour", 8)) {
			const char *eq = strchr(a, '=');
			color = color_mode_parse(eq ? eq + 1 : NULL);
			if (color < 0)
				return cmd_usage_error(NULL, "--color wants auto, always or never, not '%s'", eq + 1);
		} else if (!strcmp(a, "--root") && i + 1 < argc) {
			root = argv[++i];
		} else if (!strncmp(a, "--root=", 7)) {
			root = a + 7;
		} else {
			return cmd_usage_error(NULL, "unknown option '%s'", a);
		}
	}
	struct live_root r;
	if (live_root_open(&r, root) < 0) {
		cmd_error(NULL, "cannot open root %s", root ? root : "/");
		return 1;
	}
	struct style st;
	style_init(&st, color_enabled((enum color_mode)color, stdout));
	struct status_data *d = calloc(1, sizeof(*d));
	if (!d) {
		live_root_close(&r);
		return 1;
	}
	status_collect(d, &r, root, true);
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
		if (d->h.last_time[0]) {
			fputs(" at ", stdout);
			escape_term(stdout, d->h.last_time, strlen(d->h.last_time));
		}
		if (d->h.last_victim[0]) {
			fputs(", killed ", stdout);
			escape_term(stdout, d->h.last_victim, strlen(d->h.last_victim));
			printf(" (%lld)", (long long)d->h.last_victim_pid);
		}
		if (d->h.last_cause_id[0])
			printf(" — %s", d->h.last_cause_id);
		fputs("  (oomkit explain)\n", stdout);
	}
	printf("\n%sFindings%s (oomkit status)\n", st.bold, st.reset);
	render_status_short(stdout, &d->view, 5, &st);

	struct top_view v;
	char err[600];
	if (top_collect(&v, &r, NULL, err, sizeof(err)) == 0) {
		v.n_show = v.n_ranked < 5 ? v.n_ranked : 5;
		top_fill_cgroups(&v, &r, v.n_show);
		printf("\n%sNext in line%s (oomkit top)\n", st.bold, st.reset);
		render_top_rows(stdout, &v, v.n_show, &st);
	} else {
		cmd_warn(NULL, "%s", err);
	}
	top_view_release(&v);
	printf("\nMore: oomkit status · oomkit top · oomkit explain · oomkit --help\n");
	status_data_release(d);
	free(d);
	live_root_close(&r);
	return 0;
}
