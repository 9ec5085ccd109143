/* test_live_parse_cgroup.c — live/parse_cgroup.c: the memory cgroup of a
 * task from /proc/PID/cgroup (v1 controller lists, the v2 "0::" line, paths
 * holding ':'), and the systemd unit of a cgroup path. */
#include <errno.h>

#include "check.h"
#include "live/live.h"

static int pc(const char *text, char *dst, size_t n)
{
	return live_parse_pid_cgroup(text, strlen(text), dst, n);
}

TEST(pid_cgroup)
{
	char d[256];
	/* v2 only (kernel/cgroup/cgroup.c proc_cgroup_show: "0::PATH") */
	CHECK_INT(pc("0::/system.slice/nginx.service\n", d, sizeof(d)), 0);
	CHECK_STR(d, "/system.slice/nginx.service");
	/* v1: the line whose controller list holds "memory", wherever it sits;
	 * it wins over the v2 line of a hybrid machine */
	CHECK_INT(pc("12:pids:/a\n"
		     "4:cpuset,memory,hugetlb:/docker/abc\n"
		     "0::/init.scope\n", d, sizeof(d)), 0);
	CHECK_STR(d, "/docker/abc");
	/* "memory" must be a whole controller name */
	CHECK_INT(pc("3:memory_x:/no\n0::/yes\n", d, sizeof(d)), 0);
	CHECK_STR(d, "/yes");
	/* a path may hold ':' (only the first two separate) */
	CHECK_INT(pc("0::/a:b:c\n", d, sizeof(d)), 0);
	CHECK_STR(d, "/a:b:c");
	/* no trailing newline */
	CHECK_INT(pc("5:memory:/m", d, sizeof(d)), 0);
	CHECK_STR(d, "/m");
	/* no cgroup line at all: -EINVAL; cgroup lines but none for memory:
	 * -ENOENT; dst untouched either way */
	strcpy(d, "keep");
	CHECK_INT(pc("", d, sizeof(d)), -EINVAL);
	CHECK_INT(pc("garbage\n7:cpu:/x\n1:name=systemd:/y\n", d, sizeof(d)), -ENOENT);
	CHECK_STR(d, "keep");
	/* a small destination is cut, terminated */
	char s[5];
	CHECK_INT(pc("0::/abcdefgh\n", s, sizeof(s)), 0);
	CHECK_INT(strlen(s), 4);
}

static const char *unit(const char *path)
{
	static char u[64];
	int rc = live_cgroup_unit(path, u, sizeof(u));
	return rc == 0 ? u : rc == -ENOENT ? "(none)" : "(einval)";
}

TEST(unit_of_path)
{
	CHECK_STR(unit("/system.slice/nginx.service"), "nginx.service");
	CHECK_STR(unit("/system.slice/nginx.service/worker"), "nginx.service");
	CHECK_STR(unit("/user.slice/user-1000.slice/user@1000.service/app.slice/x.scope"), "user@1000.service");
	CHECK_STR(unit("/system.slice/_cpu.service"), "cpu.service");        /* cg_unescape */
	CHECK_STR(unit("/docker/abc/system.slice/x.service"), "x.service");  /* systemd in a container */
	CHECK_STR(unit("/system.slice/dev-sda2.swap"), "dev-sda2.swap");
	CHECK_STR(unit("/init.scope"), "init.scope");
	CHECK_STR(unit("/"), "(none)");
	CHECK_STR(unit(""), "(none)");
	CHECK_STR(unit("/user.slice/user-1000.slice"), "(none)");
	CHECK_STR(unit("/kubepods/burstable/pod1/abc"), "(none)");
	CHECK_STR(unit("/.service"), "(none)");                              /* a type with no name */
	char small[4];
	CHECK_INT(live_cgroup_unit("/a.service", small, sizeof(small)), -EINVAL);
}

/* The cases test_live_cgroup.c held before the tests mirrored src/. */
TEST(more_cases)
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
	CHECK_INT(live_parse_pid_cgroup("junk", 4, p, sizeof(p)), -EINVAL);
	/* a v1 file whose hierarchies leave memory out: a cgroup file, no memory line */
	const char *nomem = "12:pids:/user.slice\n3:cpu,cpuacct:/user.slice\n";
	CHECK_INT(live_parse_pid_cgroup(nomem, strlen(nomem), p, sizeof(p)), -ENOENT);
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
}

int main(void)
{
	RUN(pid_cgroup);
	RUN(unit_of_path);
	RUN(more_cases);
	return check_summary();
}
