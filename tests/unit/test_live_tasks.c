/* test_live_tasks.c — src/live/tasks.c: every process of a captured tree and of this machine. */
#include <fcntl.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "check.h"
#include "live/live.h"

static char fixture[1024];

static const char *fx(const char *name)
{
	snprintf(fixture, sizeof(fixture), "%s/tests/fixtures/%s", check_srcdir(), name);
	return fixture;
}

TEST(test_tasks_fixture)
{
	struct live_root r;
	CHECK_INT(live_root_open(&r, fx("host")), 0);
	struct oom_snapshot s;
	snapshot_init(&s);
	CHECK_INT(live_scan_tasks(&r, &s, NULL), 4);
	CHECK_INT(s.tasks[0].pid, 1);       /* /proc order is pid order */
	CHECK(s.tasks[0].global_init);
	bool saw_kthread = false;
	for (size_t i = 0; i < s.nr_tasks; i++)
		if (s.tasks[i].pid == 2)
			saw_kthread = s.tasks[i].kthread;
	CHECK(saw_kthread);
	struct oom_task t;
	CHECK_INT(live_read_task(&r, 1169, &t), 0);
	CHECK_INT(t.oom_score_adj, 0);
	CHECK_INT(t.rss_pages, (1204 + 3128) / 4);
	CHECK(live_read_task(&r, 999999, &t) == -ENOENT);
	char cg[512];
	CHECK_INT(live_read_task_cgroup(&r, 1169, cg, sizeof(cg)), 0);
	CHECK(cg[0] == '/');
	snapshot_release(&s);
	live_root_close(&r);
}

TEST(test_tasks_host)
{
	struct live_root r;
	CHECK_INT(live_root_open(&r, NULL), 0);
	CHECK(r.host);
	struct oom_snapshot s;
	snapshot_init(&s);
	int n = live_scan_tasks(&r, &s, NULL);
	CHECK(n > 1);
	bool self = false;
	for (size_t i = 0; i < s.nr_tasks; i++)
		if (s.tasks[i].pid == getpid()) {
			self = true;
			CHECK(!s.tasks[i].kthread);
			CHECK(s.tasks[i].rss_pages > 0);
		}
	CHECK(self);
	struct oom_task t;
	CHECK(live_read_task(&r, 0x7ffffff0, &t) < 0);   /* vanished / never existed: an error code, not a crash */
	snapshot_release(&s);
	live_root_close(&r);
}

int main(void)
{
	RUN(test_tasks_fixture);
	RUN(test_tasks_host);
	return check_summary();
}
