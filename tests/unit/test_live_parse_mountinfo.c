/* test_live_parse_mountinfo.c — src/live/parse_mountinfo.c: where the memory hierarchy is mounted. */
#include <fcntl.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "check.h"
#include "live/live.h"

TEST(test_mountinfo)
{
	char mnt[256], root[256];
	const char *v1 = "25 1 0:22 / /sys rw - sysfs sysfs rw\n"
			 "33 30 0:28 / /sys/fs/cgroup/unified rw - cgroup2 cgroup2 rw\n"
			 "40 30 0:35 /process_api /sys/fs/cgroup/memory rw - cgroup cgroup rw,memory\n";
	CHECK_INT(live_parse_mountinfo_memcg(v1, strlen(v1), mnt, sizeof(mnt), root, sizeof(root)), 0);
	CHECK_STR(mnt, "/sys/fs/cgroup/memory");
	CHECK_STR(root, "/process_api");
	const char *v2 = "33 30 0:28 / /sys/fs/cgroup rw - cgroup2 cgroup2 rw\n";
	CHECK_INT(live_parse_mountinfo_memcg(v2, strlen(v2), mnt, sizeof(mnt), root, sizeof(root)), 0);
	CHECK_STR(mnt, "/sys/fs/cgroup");
	const char *none = "25 1 0:22 / /sys rw - sysfs sysfs rw\nbroken line\n";
	CHECK(live_parse_mountinfo_memcg(none, strlen(none), mnt, sizeof(mnt), root, sizeof(root)) < 0);
}

int main(void)
{
	RUN(test_mountinfo);
	return check_summary();
}
