/* live_cmd.h — what top, status and the overview share: gathering the
 * ranked task view from a root (src/cmd/top.c) and the status audit
 * (src/cmd/status.c). */
#ifndef OOMKIT_LIVE_CMD_H
#define OOMKIT_LIVE_CMD_H

#include "live/live.h"
#include "render/live_render.h"

/* Reads meminfo, the release and every task (or those of cgroup_dir, a
 * memory cgroup directory below the root) and ranks them by the running
 * kernel's badness.  On error writes a message into err and returns -errno. */
int top_collect(struct top_view *v, const struct live_root *r, const char *cgroup_dir,
		char *err, size_t errlen);
/* The same, holding only what `top` shows: every immune task, kernel
 * threads when kthreads, and of the ranked the best `want` (at least 2, for
 * the lead; SIZE_MAX: all) — their order and ties exactly the full ranking's;
 * the others are counted (v->n_ranked_dropped, v->n_kthreads), not held. */
int top_collect_best(struct top_view *v, const struct live_root *r, const char *cgroup_dir, size_t want,
		     bool kthreads, char *err, size_t errlen);
/* Fills the cgroup of the first n ranked tasks (and of listed immune ones). */
void top_fill_cgroups(struct top_view *v, const struct live_root *r, size_t n);
/* Reads the command line of the same tasks (top shows it; JSON whole). */
void top_fill_cmdlines(struct top_view *v, const struct live_root *r, size_t n);
/* Pod names for the scope and the first n ranked tasks (live/kube.c); sets v->kube = t. */
void top_fill_kube(struct top_view *v, const struct live_root *r, size_t n, struct kube_names *t);
void top_view_release(struct top_view *v);

struct status_data {
	struct oom_snapshot s;
	struct oom_system vm;
	struct findings f;
	struct oom_history h;
	struct oom_memcg_summary mc;
	struct status_view view;
	struct kube_names kube;        /* pods of the memory cgroups shown (live/kube.c) */
};
/* Reads everything the audit needs below r and runs diagnose_live. */
void status_collect(struct status_data *d, const struct live_root *r, const char *root_arg,
		    bool read_history);
void status_data_release(struct status_data *d);

#endif
