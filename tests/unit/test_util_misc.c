/* test_util_misc.c — src/util/misc.c: sizes for people, the small-file readers. */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <unistd.h>

#include "check.h"
#include "util/util.h"

TEST(test_fmt_kib)
{
	char b[32];
	CHECK_STR(fmt_kib(b, sizeof(b), 512 * 1024), "512 MiB");
	CHECK_STR(fmt_kib(b, sizeof(b), 640), "640 KiB");
	CHECK_STR(fmt_kib(b, sizeof(b), 2202009), "2.10 GiB");
	CHECK_STR(fmt_kib(b, sizeof(b), OOM_NA), "?");
}

/* The small-file readers: a read loop, and a single read for /proc files. */
TEST(test_read_small_file)
{
	char path[] = "/tmp/oomkit-test-small-XXXXXX";
	int fd = mkstemp(path);
	CHECK(fd >= 0);
	if (fd < 0)
		return;
	CHECK_INT(write(fd, "MemTotal: 1 kB\n", 15), 15);
	close(fd);
	char b[64], tiny[5];
	CHECK_INT(read_small_file_at(AT_FDCWD, path, b, sizeof(b)), 15);
	CHECK_STR(b, "MemTotal: 1 kB\n");
	CHECK_INT(read_small_file_once_at(AT_FDCWD, path, b, sizeof(b)), 15);
	CHECK_STR(b, "MemTotal: 1 kB\n");
	CHECK_INT(read_small_file_once_at(AT_FDCWD, path, tiny, sizeof(tiny)), 4);
	CHECK_STR(tiny, "MemT");
	CHECK_INT(read_small_file_once_at(AT_FDCWD, path, tiny, 0), -EINVAL);
	unlink(path);
	CHECK_INT(read_small_file_once_at(AT_FDCWD, path, b, sizeof(b)), -ENOENT);
}

int main(void)
{
	RUN(test_fmt_kib);
	RUN(test_read_small_file);
	return check_summary();
}
