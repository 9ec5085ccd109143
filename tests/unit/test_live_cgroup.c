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

TEST(test_cgroup_files)
{
	char p[128];
	const char *v1 = "4:memory:/process_api/abc\n3:cpuset:/\n0::/\n";
	CHECK_INT(live_parse_pid_cgroup(v1, strlen(v1), p, sizeof(p)), 0);
	CHECK_STR(p, "/process_api/abc");
	const char *v1b = "5:cpu,memory,blkio:/x\n";
	CHECK_INT(live_parse_pid_cgroup(v1b, strlen(v1b), p, sizeof(p)), 0);
	CHECK_STR(p, "/x");
	const char *v2 = "0::/user.slice/a:b\n";
	CHECK_INT(live_parse_pid_cgroup(v2, strlen(v2), p, sizeof(p)), 0);
	CHECK_STR(p, "/user.slice/a:b");
	CHECK(live_parse_pid_cgroup("junk", 4, p, sizeof(p)) < 0);
	/* the systemd unit of a cgroup path (systemd cg_path_get_unit) */
	CHECK_INT(live_cgroup_unit("/system.slice/nginx.service", p, sizeof(p)), 0);
	CHECK_STR(p, "nginx.service");
	CHECK_INT(live_cgroup_unit("/system.slice/nginx.service/worker", p, sizeof(p)), 0);
	CHECK_STR(p, "nginx.service");
	CHECK_INT(live_cgroup_unit("/user.slice/user-1000.slice/user@1000.service/app.slice/x.scope", p, sizeof(p)), 0);
	CHECK_STR(p, "user@1000.service");
	CHECK_INT(live_cgroup_unit("/init.scope", p, sizeof(p)), 0);
	CHECK_STR(p, "init.scope");
	CHECK_INT(live_cgroup_unit("/system.slice/_x.service", p, sizeof(p)), 0);
	CHECK_STR(p, "x.service");
	CHECK_INT(live_cgroup_unit("/", p, sizeof(p)), -ENOENT);
	CHECK_INT(live_cgroup_unit("/system.slice", p, sizeof(p)), -ENOENT);
	CHECK_INT(live_cgroup_unit("/process_api/abc", p, sizeof(p)), -ENOENT);
	CHECK_INT(live_cgroup_unit("/kubepods/burstable/pod1", p, sizeof(p)), -ENOENT);
	CHECK_INT(live_cgroup_unit("/docker/0123abcd/system.slice/nginx.service", p, sizeof(p)), 0);
	CHECK_STR(p, "nginx.service");
	CHECK_INT(live_cgroup_unit("/machine.slice/machine-vm1.scope/system.slice/a.service", p, sizeof(p)), 0);
	CHECK_STR(p, "machine-vm1.scope");
	CHECK_INT(live_cgroup_unit("/system.slice/nginx.service", p, 5), -EINVAL);

	struct oom_memcg m;
	memcg_init(&m);
	const char *st1 = "cache 4096\nrss 8192\ntotal_rss 16384\ntotal_cache 2048\nswap 0\nbogus x\n";
	CHECK_INT(live_parse_memcg_stat(st1, strlen(st1), 1, &m), 0);
	CHECK_INT(m.anon_kib, 16);          /* total_* preferred */
	CHECK_INT(m.file_kib, 2);
	memcg_init(&m);
	const char *st2 = "anon 1048576\nfile 4096\nkernel 8192\nslab_unreclaimable 2048\n";
	CHECK_INT(live_parse_memcg_stat(st2, strlen(st2), 2, &m), 0);
	CHECK_INT(m.anon_kib, 1024);
	CHECK_INT(m.kernel_kib, 8);
	const char *ev = "low 0\nhigh 3\nmax 10\noom 2\noom_kill 1\noom_group_kill 0\n";
	CHECK_INT(live_parse_memcg_events(ev, strlen(ev), &m), 0);
	CHECK_INT(m.oom_kill_count, 1);
	CHECK_INT(m.oom_events, 2);
	CHECK_INT(m.max_events, 10);
	const char *oc = "oom_kill_disable 0\nunder_oom 1\noom_kill 4\n";
	CHECK_INT(live_parse_memcg_events(oc, strlen(oc), &m), 0);
	CHECK_INT(m.under_oom, 1);
	CHECK_INT(m.oom_kill_count, 4);
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
	RUN(test_cgroup_files);
	RUN(test_memcg_live);
	RUN(test_memcgs_v2_root_without_memory_current);
	return check_summary();
}
