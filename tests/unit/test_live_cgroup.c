/* test_live_cgroup.c — src/live/cgroup.c: memory cgroup directories (v1 and v2) and the
 * machine's summary of them, on written trees. */
#include <fcntl.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "check.h"
#include "live/live.h"

static void put(const char *dir, const char *name, const char *text)
{
	char path[1024];
	snprintf(path, sizeof(path), "%s/%s", dir, name);
	FILE *f = fopen(path, "w");
	if (!f)
		return;
	fputs(text, f);
	fclose(f);
}


TEST(test_memcg_live)
{
	/* The memory cgroup this test runs in (v1 on the test machine, or v2). */
	char rel[512];
	char text[2048];
	if (read_small_file("/proc/self/cgroup", text, sizeof(text)) < 0 ||
	    live_parse_pid_cgroup(text, strlen(text), rel, sizeof(rel)) < 0) {
		SKIP("no /proc/self/cgroup");
		return;
	}
	char dir[1024];
	snprintf(dir, sizeof(dir), "/sys/fs/cgroup/memory%s", rel);
	struct oom_memcg m;
	if (live_read_memcg(dir, &m) < 0) {
		snprintf(dir, sizeof(dir), "/sys/fs/cgroup%s", rel);
		if (live_read_memcg(dir, &m) < 0) {
			SKIP("no memory cgroup directory for this process");
			return;
		}
	}
	CHECK(m.version == 1 || m.version == 2);
	CHECK(known(m.usage_kib) && m.usage_kib > 0);
	CHECK(known(m.limit_kib));
	char back[512];
	CHECK_INT(live_memcg_relpath(dir, back, sizeof(back)), 0);
	CHECK_STR(back, rel);
	CHECK(live_read_memcg("/proc", &m) == -ENOENT);
}

TEST(test_memcgs_v2_root_without_memory_current)
{
	char root[] = "/tmp/oomkit-test-memcgs-XXXXXX", dir[512], sub[600];
	if (!mkdtemp(root)) {
		CHECK(0);
		return;
	}
	snprintf(dir, sizeof(dir), "%s/sys", root);
	mkdir(dir, 0755);
	snprintf(dir, sizeof(dir), "%s/sys/fs", root);
	mkdir(dir, 0755);
	snprintf(dir, sizeof(dir), "%s/sys/fs/cgroup", root);
	mkdir(dir, 0755);
	put(dir, "cgroup.controllers", "cpuset cpu io memory pids\n");
	put(dir, "memory.stat", "anon 0\n");
	snprintf(sub, sizeof(sub), "%s/app", dir);
	mkdir(sub, 0755);
	put(sub, "cgroup.controllers", "memory pids\n");
	put(sub, "memory.current", "104857600\n");
	put(sub, "memory.max", "134217728\n");
	put(sub, "memory.events", "low 0\nhigh 0\nmax 7\noom 2\noom_kill 2\n");
	put(sub, "cgroup.procs", "");
	struct live_root r;
	CHECK_INT(live_root_open(&r, root), 0);
	struct oom_memcg_summary m;
	CHECK_INT(live_read_memcgs(&r, &m), 0);
	CHECK_INT(m.version, 2);
	CHECK_INT(m.n, 1);
	CHECK_INT(m.nr_with_kills, 1);
	if (m.n == 1) {
		CHECK_STR(m.v[0].cg.path, "/app");
		CHECK_INT(m.v[0].cg.usage_kib, 102400);
	}
	live_root_close(&r);
	char cmd[600];
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", root);
	CHECK_INT(system(cmd), 0);
}

int main(void)
{
	RUN(test_memcg_live);
	RUN(test_memcgs_v2_root_without_memory_current);
	return check_summary();
}
