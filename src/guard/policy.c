/* policy.c — whom to stop.  The kernel's own badness (model/badness.c, per
 * era) ranks the candidates; the user's policy only reorders them in tiers
 * (prefer, normal, avoid) and removes the protected.  Then the smallest
 * action that gives the scope back what it needs: one process, or its
 * process group when escalation is on and one process is not enough. */
#include <errno.h>
#include <string.h>

#include "guard/guard.h"
#include "live/live.h"
#include "util/util.h"

int64_t guard_task_freeable_kib(const struct guard_task *gt, int64_t page_size_kib)
{
	/* A kill gives back anonymous memory and swap; file pages stay in the
	 * page cache and tmpfs/shmem pages stay in their files. */
	int64_t pages = 0;
	if (known(gt->t.rss_anon_pages))
		pages += gt->t.rss_anon_pages;
	else if (known(gt->t.rss_pages))
		pages += gt->t.rss_pages;      /* older kernels: no split, take rss */
	if (known(gt->t.swapents_pages))
		pages += gt->t.swapents_pages;
	if (known(gt->t.pgtables_bytes))
		pages += gt->t.pgtables_bytes / (page_size_kib * 1024);
	return pages * page_size_kib;
}

bool guard_task_ahead(const struct guard_task *a, const struct guard_task *b, const struct kver *kv)
{
	/* Lower tier first; within a tier the kernel's order: more points, and
	 * on equal points the era's tie rule of select_bad_process()
	 * (model/badness.c badness_replaces) applied to the scan order. */
	if (a->tier != b->tier)
		return a->tier < b->tier;
	if (a->t.badness != b->t.badness)
		return badness_replaces(a->t.badness, b->t.badness, kv);
	bool later_wins = badness_replaces(a->t.badness, b->t.badness, kv);
	return later_wins ? a->seq > b->seq : a->seq < b->seq;
}

/* Does one non-name rule (cgroup:, unit:, user:) match the task?  The
 * cgroup is the task's memory cgroup path (/proc/PID/cgroup, read by the
 * scan when rules need it); the unit comes from it (live_cgroup_unit). */
static bool rule_matches(const struct guard_rule *r, const char *text, const struct guard_task *gt)
{
	switch (r->match) {
	case GUARD_MATCH_CGROUP:
		return gt->t.cgroup[0] && pat_glob(text + r->off, gt->t.cgroup);
	case GUARD_MATCH_UNIT: {
		char unit[GUARD_NAME_LEN * 2];
		return gt->t.cgroup[0] && live_cgroup_unit(gt->t.cgroup, unit, sizeof(unit)) == 0 &&
		       pat_glob(text + r->off, unit);
	}
	case GUARD_MATCH_USER:
		return known(gt->t.uid) && gt->t.uid == r->uid;
	}
	return false;
}

/* The first of n rules matching the task: its index, or -1. */
static int matches(const struct pat_pool *pool, const struct pat *pats, const struct guard_rule *rules,
		   const char (*texts)[GUARD_PATTERN_LEN], int n, const struct guard_task *gt)
{
	for (int i = 0; i < n; i++) {
		if (rules[i].match != GUARD_MATCH_NAME) {
			if (rule_matches(&rules[i], texts[i], gt))
				return i;
			continue;
		}
		if (pat_search(pool, &pats[i], gt->t.comm))
			return i;
		if (gt->cmdline[0] && pat_search(pool, &pats[i], gt->cmdline))
			return i;
	}
	return -1;
}

void guard_policy_classify(const struct guard_config *c, struct guard_task *gt, int64_t self_pid)
{
	gt->tier = 1;
	gt->rule_action = GUARD_RULE_KILL;
	gt->why_protected = NULL;
	if (gt->t.pid == 1)
		gt->why_protected = "init";
	else if (gt->t.kthread)
		gt->why_protected = "kernel thread";
	else if (gt->t.pid == self_pid)
		gt->why_protected = "oomkit guard itself";
	else if (known(gt->t.oom_score_adj) && gt->t.oom_score_adj <= -1000)
		gt->why_protected = "oom_score_adj -1000";
	else if (!known(gt->t.rss_pages) && !known(gt->t.rss_anon_pages))
		gt->why_protected = "no memory (exiting or zombie)";
	else {
		for (int i = 0; i < c->nr_protect; i++) {
			const struct guard_rule *r = &c->protect_rule[i];
			if (r->match == GUARD_MATCH_NAME ? !strcmp(gt->t.comm, c->protect[i])
							 : rule_matches(r, c->protect[i], gt)) {
				gt->why_protected = r->match == GUARD_MATCH_CGROUP ? "protect list (cgroup)"
						    : r->match == GUARD_MATCH_UNIT ? "protect list (unit)"
						    : r->match == GUARD_MATCH_USER ? "protect list (user)"
										   : "protect list";
				break;
			}
		}
	}
	if (gt->why_protected) {
		gt->tier = -1;
		return;
	}
	int i;
	if ((i = matches(&c->pats, c->prefer_pat, c->prefer_rule, c->prefer, c->nr_prefer, gt)) >= 0) {
		gt->tier = 0;
		gt->rule_action = c->prefer_rule[i].action;
	} else if ((i = matches(&c->pats, c->avoid_pat, c->avoid_rule, c->avoid, c->nr_avoid, gt)) >= 0) {
		gt->tier = 2;
		gt->rule_action = c->avoid_rule[i].action;
	}
}

int guard_policy_choose(const struct guard_config *c, struct guard_taskset *ts, int64_t self_pid,
			int64_t totalpages, int64_t page_size_kib, const struct kver *kv,
			int64_t need_kib, struct guard_choice *out)
{
	struct guard_choice ch;
	memset(&ch, 0, sizeof(ch));
	ch.index = ch.runner_up = -1;
	ch.need_kib = need_kib;
	ch.action = GUARD_ACTION_PROCESS;
	if (page_size_kib <= 0)
		page_size_kib = 4;
	int best_tier = 3;
	for (size_t i = 0; i < ts->n; i++) {
		struct guard_task *gt = &ts->tasks[i];
		guard_policy_classify(c, gt, self_pid);
		gt->t.badness = badness_for_era(&gt->t, totalpages, page_size_kib, kv);
		if (gt->tier < 0) {
			ch.nr_protected++;
			continue;
		}
		if (!known(gt->t.badness)) {     /* the kernel would not pick it either */
			gt->tier = -1;
			gt->why_protected = "not eligible for the kernel (badness)";
			ch.nr_protected++;
			continue;
		}
		ch.nr_candidates++;
		if (ch.index < 0 || guard_task_ahead(gt, &ts->tasks[ch.index], kv)) {
			ch.runner_up = ch.index;
			ch.index = (int)i;
			best_tier = gt->tier;
		} else if (ch.runner_up < 0 || guard_task_ahead(gt, &ts->tasks[ch.runner_up], kv)) {
			ch.runner_up = (int)i;
		}
	}
	if (ch.index < 0) {
		*out = ch;       /* the counts say why nothing may be killed (guard_decide logs them) */
		return -ESRCH;
	}
	const struct guard_task *v = &ts->tasks[ch.index];
	ch.badness = v->t.badness;
	ch.freeable_kib = guard_task_freeable_kib(v, page_size_kib);
	ch.nr_group = 1;
	if (best_tier == 0)
		snprintf(ch.reason, sizeof(ch.reason), "preferred (prefer pattern), then largest by kernel badness");
	else if (best_tier == 2)
		snprintf(ch.reason, sizeof(ch.reason), "only avoided processes left; largest by kernel badness");
	else
		snprintf(ch.reason, sizeof(ch.reason), "largest by kernel badness");

	bool want_group = c->action == GUARD_ACTION_PGROUP ||
			  (c->escalate && need_kib > 0 && ch.freeable_kib < need_kib);
	if (c->action == GUARD_ACTION_CGROUP) {
		ch.action = GUARD_ACTION_CGROUP;
		int64_t sum = 0;
		int n = 0;
		for (size_t i = 0; i < ts->n; i++)
			if (ts->tasks[i].tier >= 0) {
				sum += guard_task_freeable_kib(&ts->tasks[i], page_size_kib);
				n++;
			}
		ch.freeable_kib = sum;
		ch.nr_group = n;
		snprintf(ch.reason, sizeof(ch.reason), "action = cgroup: the whole cgroup");
	} else if (want_group) {
		/* The victim's process group, within the scope, minus the protected. */
		int64_t sum = 0;
		int n = 0;
		for (size_t i = 0; i < ts->n; i++) {
			const struct guard_task *g = &ts->tasks[i];
			if (g->tier >= 0 && g->pgid == v->pgid)
				sum += guard_task_freeable_kib(g, page_size_kib), n++;
		}
		/* Escalating only helps when the group holds more than the victim. */
		if (n > 1 && v->pgid > 1) {
			ch.action = GUARD_ACTION_PGROUP;
			ch.freeable_kib = sum;
			ch.nr_group = n;
			if (c->action == GUARD_ACTION_PGROUP)
				snprintf(ch.reason, sizeof(ch.reason), "action = pgroup: the largest process's group");
			else
				snprintf(ch.reason, sizeof(ch.reason),
					 "largest process alone frees too little; its process group");
		}
	}
	*out = ch;
	return 0;
}
