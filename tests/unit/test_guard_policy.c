/* test_guard_policy.c — whom the guard stops, on a recorded /proc tree
 * (tests/fixtures/guard/proc): the kernel's badness first, then prefer /
 * avoid tiers; init, kernel threads, itself, oom_score_adj -1000, the
 * protect list and zombies spared even when largest; the escalation to a
 * process group when one process frees too little.  No kernel needed.
 *
 * The fixture (badness with totalpages 1048576, 5.9+ arithmetic):
 *   1 systemd (init)                 spared
 *   2 kthreadd (PF_KTHREAD)          spared
 *   100 sshd    500 MB anon          protected by name
 *   300 postgres 2 GB anon, adj -1000: largest, spared
 *   400 java    800 MB anon, pgid 400 ─┐
 *   401 worker  100 MB anon, pgid 400 ─┘ one process group
 *   500 chrome  300 MB anon + 900 MB shmem (shmem is not freed by a kill)
 *   600 defunct (zombie: no memory lines)
 *   700 swapper 100 MB anon + 600 MB swap, adj +200 → largest badness */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "check.h"
#include "guard/guard.h"

static int proc_fd = -1;
static struct guard_taskset ts;
static const int64_t TOTALPAGES = 1048576;

static struct kver kv_now(void)
{
	return kver_make(6, 18, 0);
}

static int choose(struct guard_config *c, int64_t self, int64_t need_kib, struct guard_choice *ch)
{
	char err[256];
	CHECK_INT(guard_config_finish(c, err, sizeof(err)), 0);
	CHECK_INT(guard_scan(proc_fd, -1, true, &ts), 0);
	struct kver kv = kv_now();
	int rc = guard_policy_choose(c, &ts, self, TOTALPAGES, 4, &kv, need_kib, ch);
	return rc;
}

static int64_t victim_pid(const struct guard_choice *ch)
{
	return ch->index >= 0 ? ts.tasks[ch->index].t.pid : -1;
}

static const struct guard_task *find(int64_t pid)
{
	for (size_t i = 0; i < ts.n; i++)
		if (ts.tasks[i].t.pid == pid)
			return &ts.tasks[i];
	return NULL;
}

TEST(scan_reads_the_tree)
{
	CHECK_INT(guard_scan(proc_fd, -1, true, &ts), 0);
	CHECK_INT(ts.n, 8);         /* the zombie has no mm and no live thread: not a task to judge */
	const struct guard_task *k = find(2), *j = find(400), *c = find(500), *z = find(600);
	CHECK(k && k->t.kthread);
	CHECK(j && !j->t.kthread);
	if (j) {
		CHECK_STR(j->t.comm, "java");
		CHECK_INT(j->pgid, 400);
		CHECK_INT(j->start_ticks, 1400);
		CHECK_INT(j->t.rss_anon_pages, 200000);
		CHECK_INT(j->t.uid, 1000);
		CHECK_STR(j->cmdline, "/usr/bin/java -jar app.jar");
	}
	if (c) {
		CHECK_INT(c->t.rss_shmem_pages, 225000);
		/* a kill frees anon (+ swap, page tables), not shmem or file pages */
		CHECK_INT(guard_task_freeable_kib(c, 4), 300000 + 584);
	}
	CHECK(z == NULL);
	CHECK_INT(ts.nr_skipped, 0);
}

TEST(kernel_badness_decides)
{
	struct guard_config c;
	struct guard_choice ch;
	guard_config_defaults(&c);
	CHECK_INT(choose(&c, 99999, 0, &ch), 0);
	/* swapper: 25000 anon + 150000 swap pages + page tables + 200 × 1048 */
	CHECK_INT(victim_pid(&ch), 700);
	CHECK_INT(ch.action, GUARD_ACTION_PROCESS);
	CHECK_INT(ch.nr_group, 1);
	CHECK_INT(ch.badness, 25000 + 150000 + 48 + 200 * (TOTALPAGES / 1000));
	CHECK(ch.runner_up >= 0 && ts.tasks[ch.runner_up].t.pid == 500);
	CHECK_STR(ch.reason, "largest by kernel badness");
	/* The spared: init, kthread, sshd (protect list), postgres (-1000) */
	CHECK_INT(ch.nr_protected, 4);
	CHECK_INT(ch.nr_candidates, 4);
	const struct guard_task *pg = find(300);
	CHECK(pg && pg->tier < 0);
	if (pg)
		CHECK_STR(pg->why_protected, "oom_score_adj -1000");
	const struct guard_task *ssh = find(100);
	if (ssh)
		CHECK_STR(ssh->why_protected, "protect list");
}

TEST(never_itself)
{
	struct guard_config c;
	struct guard_choice ch;
	guard_config_defaults(&c);
	CHECK_INT(choose(&c, 700, 0, &ch), 0);
	CHECK_INT(victim_pid(&ch), 500);
	const struct guard_task *self = find(700);
	if (self)
		CHECK_STR(self->why_protected, "oomkit guard itself");
}

TEST(prefer_and_avoid)
{
	struct guard_config c;
	struct guard_choice ch;
	char err[256];
	guard_config_defaults(&c);
	CHECK_INT(guard_config_set(&c, "prefer", "java", -1, err, sizeof(err)), 0);
	CHECK_INT(choose(&c, 99999, 0, &ch), 0);
	CHECK_INT(victim_pid(&ch), 400);      /* preferred beats larger badness */
	CHECK(strstr(ch.reason, "preferred") != NULL);
	const struct guard_task *w = find(401);
	CHECK(w && w->tier == 0);              /* matched on its command line */

	guard_config_defaults(&c);
	CHECK_INT(guard_config_set(&c, "avoid", "^(swapper|chrome)$", -1, err, sizeof(err)), 0);
	CHECK_INT(choose(&c, 99999, 0, &ch), 0);
	CHECK_INT(victim_pid(&ch), 400);

	/* Only avoided processes left: still chosen, said so. */
	guard_config_defaults(&c);
	CHECK_INT(guard_config_set(&c, "avoid", ".", -1, err, sizeof(err)), 0);
	CHECK_INT(choose(&c, 99999, 0, &ch), 0);
	CHECK_INT(victim_pid(&ch), 700);
	CHECK(strstr(ch.reason, "avoided") != NULL);
}

TEST(protected_even_when_largest)
{
	struct guard_config c;
	struct guard_choice ch;
	char err[256];
	guard_config_defaults(&c);
	CHECK_INT(guard_config_set(&c, "protect", "swapper chrome", -1, err, sizeof(err)), 0);
	CHECK_INT(choose(&c, 99999, 0, &ch), 0);
	/* sshd is no longer protected (the list was replaced) but java is larger */
	CHECK_INT(victim_pid(&ch), 400);

	guard_config_defaults(&c);
	CHECK_INT(guard_config_set(&c, "protect", "swapper chrome java worker sshd", -1, err, sizeof(err)), 0);
	memset(&ch, 0x5a, sizeof(ch));
	CHECK_INT(choose(&c, 99999, 0, &ch), -ESRCH);   /* only init, kthread, -1000, zombie left */
	/* the counts are still said ("nothing may be killed (N protected)"): not
	 * the caller's uninitialised memory */
	CHECK(ch.nr_protected >= 4 && ch.nr_protected < 100);
	CHECK_INT(ch.nr_candidates, 0);
	CHECK_INT(ch.index, -1);
}

TEST(escalation)
{
	struct guard_config c;
	struct guard_choice ch;
	char err[256];
	guard_config_defaults(&c);
	CHECK_INT(guard_config_set(&c, "avoid", "^(swapper|chrome)$", -1, err, sizeof(err)), 0);
	/* java alone frees ~801 MB; 850 MB are needed: its process group. */
	CHECK_INT(choose(&c, 99999, 850000, &ch), 0);
	CHECK_INT(victim_pid(&ch), 400);
	CHECK_INT(ch.action, GUARD_ACTION_PGROUP);
	CHECK_INT(ch.nr_group, 2);
	CHECK_INT(ch.freeable_kib, 800000 + 1560 + 100000 + 192);
	CHECK_INT(ch.need_kib, 850000);
	/* Enough from one process: no escalation. */
	CHECK_INT(choose(&c, 99999, 500000, &ch), 0);
	CHECK_INT(ch.action, GUARD_ACTION_PROCESS);

	guard_config_defaults(&c);
	CHECK_INT(guard_config_set(&c, "avoid", "^(swapper|chrome)$", -1, err, sizeof(err)), 0);
	CHECK_INT(guard_config_set(&c, "escalate", "no", -1, err, sizeof(err)), 0);
	CHECK_INT(choose(&c, 99999, 850000, &ch), 0);
	CHECK_INT(ch.action, GUARD_ACTION_PROCESS);
	CHECK_INT(ch.nr_group, 1);

	/* A process alone in its group cannot escalate. */
	guard_config_defaults(&c);
	CHECK_INT(choose(&c, 99999, 10000000, &ch), 0);
	CHECK_INT(victim_pid(&ch), 700);
	CHECK_INT(ch.action, GUARD_ACTION_PROCESS);
}

TEST(cgroup_scope)
{
	char path[512];
	snprintf(path, sizeof(path), "%s/tests/fixtures/guard/cgroup", check_srcdir());
	int cg = open(path, O_RDONLY | O_DIRECTORY);
	if (cg < 0) {
		SKIP("fixture cgroup missing");
		return;
	}
	CHECK_INT(guard_scan(proc_fd, cg, false, &ts), 0);
	close(cg);
	CHECK_INT(ts.n, 4);      /* 400 401 and, in the child, 500 300 */
	struct guard_config c;
	struct guard_choice ch;
	char err[256];
	guard_config_defaults(&c);
	CHECK_INT(guard_config_finish(&c, err, sizeof(err)), 0);
	struct kver kv = kv_now();
	CHECK_INT(guard_policy_choose(&c, &ts, 99999, 65536, 4, &kv, 0, &ch), 0);
	CHECK_INT(victim_pid(&ch), 500);    /* postgres larger but -1000 */
}

/* A process whose main thread called pthread_exit: the leader is a zombie
 * without memory lines, a worker runs on the mm.  Judged through the live
 * thread (find_lock_task_mm), so it is the victim, not the bystander; a
 * process in exit_mm (no mm, not a zombie) is counted as exiting. */
TEST(zombie_leader_judged_by_its_live_thread)
{
	char path[512];
	snprintf(path, sizeof(path), "%s/tests/fixtures/guard/proc-zombie-leader", check_srcdir());
	int fd = open(path, O_RDONLY | O_DIRECTORY);
	if (fd < 0) {
		SKIP("fixture proc-zombie-leader missing");
		return;
	}
	CHECK_INT(guard_scan(fd, -1, true, &ts), 0);
	close(fd);
	CHECK_INT(ts.n, 2);
	CHECK_INT(ts.nr_exiting, 1);
	const struct guard_task *l = find(800);
	CHECK(l != NULL);
	if (l) {
		CHECK_INT(l->t.rss_anon_pages, 490000 / 4);
		CHECK_INT(l->t.tgid, 800);
		CHECK_INT(l->start_ticks, 1800);
	}
	struct guard_config c;
	struct guard_choice ch;
	char err[256];
	guard_config_defaults(&c);
	CHECK_INT(guard_config_finish(&c, err, sizeof(err)), 0);
	struct kver kv = kv_now();
	CHECK_INT(guard_policy_choose(&c, &ts, 99999, TOTALPAGES, 4, &kv, 0, &ch), 0);
	CHECK_INT(victim_pid(&ch), 800);
}

/* More processes than the table holds: the scan keeps the best ranked
 * (tier, badness), so the decision is the one an unbounded table gives,
 * and says how many it dropped. */
TEST(more_tasks_than_the_table)
{
	struct guard_config c;
	struct guard_choice full, capped;
	guard_config_defaults(&c);
	CHECK_INT(choose(&c, 99999, 0, &full), 0);
	int64_t want = victim_pid(&full);
	struct kver kv = kv_now();
	const struct guard_rank rank = { &c, 99999, TOTALPAGES, 4, &kv };
	ts.rank = &rank;
	ts.cap = 2;
	CHECK_INT(guard_scan(proc_fd, -1, true, &ts), 0);
	CHECK_INT(ts.n, 2);
	CHECK_INT(ts.nr_skipped, 6);
	CHECK(ts.truncated);
	CHECK_INT(guard_policy_choose(&c, &ts, 99999, TOTALPAGES, 4, &kv, 0, &capped), 0);
	CHECK_INT(victim_pid(&capped), want);
	CHECK(capped.runner_up >= 0);
	ts.rank = NULL;
	ts.cap = 0;
}

/* Equal badness: the era's tie rule of select_bad_process (model/badness.c),
 * on the scan order: the later task in 4.8 and 5.1+, the earlier before. */
TEST(tie_rule_follows_the_era)
{
	static struct guard_task two[2];
	for (int i = 0; i < 2; i++) {
		memset(&two[i], 0, sizeof(two[i]));
		task_init(&two[i].t);
		two[i].t.pid = two[i].t.tgid = 5000 + i;
		str_copy(two[i].t.comm, sizeof(two[i].t.comm), "twin", 4);
		two[i].t.rss_anon_pages = 1000;
		two[i].t.rss_file_pages = two[i].t.rss_shmem_pages = 0;
		two[i].t.rss_pages = 1000;
		two[i].t.swapents_pages = 0;
		two[i].t.pgtables_bytes = 4096;
		two[i].t.oom_score_adj = 0;
		two[i].seq = (uint32_t)i;
		two[i].pgid = two[i].t.pid;
	}
	struct guard_taskset t2 = { .n = 2, .tasks = two };
	struct guard_config c;
	struct guard_choice ch;
	char err[256];
	guard_config_defaults(&c);
	CHECK_INT(guard_config_finish(&c, err, sizeof(err)), 0);
	struct kver k6 = kver_make(6, 1, 0), k49 = kver_make(4, 9, 0), k48 = kver_make(4, 8, 0);
	CHECK_INT(guard_policy_choose(&c, &t2, 1, TOTALPAGES, 4, &k6, 0, &ch), 0);
	CHECK_INT(ch.index, 1);
	CHECK_INT(ch.runner_up, 0);
	CHECK_INT(guard_policy_choose(&c, &t2, 1, TOTALPAGES, 4, &k49, 0, &ch), 0);
	CHECK_INT(ch.index, 0);
	CHECK_INT(guard_policy_choose(&c, &t2, 1, TOTALPAGES, 4, &k48, 0, &ch), 0);
	CHECK_INT(ch.index, 1);
}

/* Rules by cgroup path, systemd unit and user (issue 11), and the per-rule
 * action restart-unit. */
TEST(rules_by_cgroup_unit_user)
{
	struct guard_config c;
	struct guard_choice ch;
	char err[256];
	guard_config_defaults(&c);
	CHECK_INT(guard_config_set(&c, "prefer", "cgroup:/system.slice/chrome-*", -1, err, sizeof(err)), 0);
	CHECK_INT(choose(&c, 99999, 0, &ch), 0);
	CHECK_INT(victim_pid(&ch), 500);
	CHECK(find(500) && find(500)->tier == 0);
	CHECK(find(400) && find(400)->tier == 1);
	CHECK_STR(find(500)->t.cgroup, "/system.slice/chrome-x.scope");

	/* unit: without a type is a service; the task's unit from its cgroup */
	guard_config_defaults(&c);
	CHECK_INT(guard_config_set(&c, "prefer", "unit:java-app action=restart-unit", -1, err, sizeof(err)), 0);
	CHECK_STR(c.prefer[0], "unit:java-app.service");
	CHECK_INT(c.prefer_rule[0].action, GUARD_RULE_RESTART_UNIT);
	CHECK_INT(choose(&c, 99999, 0, &ch), 0);
	CHECK_INT(victim_pid(&ch), 400);
	CHECK_INT(ts.tasks[ch.index].rule_action, GUARD_RULE_RESTART_UNIT);
	CHECK(find(700) && find(700)->rule_action == GUARD_RULE_KILL);

	/* user: by uid (and by name, resolved at load: root is uid 0 everywhere) */
	guard_config_defaults(&c);
	CHECK_INT(guard_config_set(&c, "avoid", "user:1000", -1, err, sizeof(err)), 0);
	CHECK_INT(choose(&c, 99999, 0, &ch), 0);
	CHECK(find(700) && find(700)->tier == 2);
	CHECK(find(100) == NULL || find(100)->tier == -1);
	guard_config_defaults(&c);
	CHECK_INT(guard_config_set(&c, "prefer", "user:root", -1, err, sizeof(err)), 0);
	CHECK_INT(c.prefer_rule[0].uid, 0);
	CHECK(guard_config_set(&c, "prefer", "user:no-such-user-oomkit", -1, err, sizeof(err)) == -EINVAL);
	CHECK(strstr(err, "unknown user") != NULL);
	CHECK(guard_config_set(&c, "prefer", "java action=explode", -1, err, sizeof(err)) == -EINVAL);

	/* protect by unit, cgroup and user: the largest (swapper, 700) spared */
	guard_config_defaults(&c);
	CHECK_INT(guard_config_set(&c, "protect", "sshd unit:session-*.scope", -1, err, sizeof(err)), 0);
	CHECK_INT(choose(&c, 99999, 0, &ch), 0);
	CHECK(victim_pid(&ch) != 700);
	/* session-3.scope sits under slices: the unit is the scope */
	CHECK(find(700) && find(700)->tier == -1);
	CHECK(find(700) && strstr(find(700)->why_protected, "unit") != NULL);
	guard_config_defaults(&c);
	CHECK_INT(guard_config_set(&c, "protect", "cgroup:/system.slice/* user:1000", -1, err, sizeof(err)), 0);
	CHECK_INT(choose(&c, 99999, 0, &ch), 0);
	CHECK_INT(victim_pid(&ch), 100);    /* sshd (uid 0, no longer on the list) is all that is left */
	CHECK(find(500) && find(500)->tier == -1);
}

int main(void)
{
	char path[512];
	snprintf(path, sizeof(path), "%s/tests/fixtures/guard/proc", check_srcdir());
	proc_fd = open(path, O_RDONLY | O_DIRECTORY);
	if (proc_fd < 0 || guard_taskset_init(&ts) != 0) {
		RUN(scan_reads_the_tree);
		return check_summary();
	}
	RUN(scan_reads_the_tree);
	RUN(kernel_badness_decides);
	RUN(never_itself);
	RUN(prefer_and_avoid);
	RUN(protected_even_when_largest);
	RUN(escalation);
	RUN(cgroup_scope);
	RUN(zombie_leader_judged_by_its_live_thread);
	RUN(more_tasks_than_the_table);
	RUN(tie_rule_follows_the_era);
	RUN(rules_by_cgroup_unit_user);
	guard_taskset_release(&ts);
	close(proc_fd);
	return check_summary();
}
