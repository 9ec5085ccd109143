/* test_util_misc.c — src/util/misc.c: sizes for people, the small-file readers. */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
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
/* mem_find's short-haystack loop against memmem, on random text over a
 * small alphabet (many partial matches), both sides of its length switch;
 * the alphabet has blanks, digits and a capital, so the memchr anchor (the
 * literal's rarest byte) is at every position of the literal in turn. */
TEST(test_mem_find_matches_memmem)
{
	static char hay[3000];
	unsigned r = 12345;
	int bad = 0;
	for (int round = 0; round < 20000; round++) {
		size_t len = (round % 50 == 0) ? 1000 + (r % 2000) : r % 64;
		for (size_t i = 0; i < len; i++) {
			r = r * 1103515245 + 12345;
			hay[i] = "ab aK1 \n"[(r >> 16) % 8];
		}
		char nd[8];
		r = r * 1103515245 + 12345;
		size_t n = 1 + (r >> 16) % 6;
		for (size_t i = 0; i < n; i++) {
			r = r * 1103515245 + 12345;
			nd[i] = "ab aK1 "[(r >> 16) % 7];
		}
		nd[n] = '\0';
		if (mem_find(hay, len, nd) != memmem(hay, len, nd, n))
			bad++;
	}
	CHECK_INT(bad, 0);
	const char *abc = "abc";
	CHECK(mem_find(abc, 3, "") == abc);
	CHECK(mem_find("ab", 2, "abc") == NULL);
	CHECK(mem_find("xxab", 4, "ab") != NULL);
	/* anchored inside the literal: the first match, at the text's ends */
	const char *t = "x invoked oom-killer:  invoked oom-killer: ";
	CHECK(mem_find(t, strlen(t), " invoked oom-killer: ") == t + 1);
	CHECK(mem_find(t + 2, strlen(t) - 2, " invoked oom-killer: ") == t + 22);
	CHECK(mem_find(t, 20, " invoked oom-killer:") == NULL);
	CHECK(mem_find(t, 21, " invoked oom-killer:") == t + 1);
	CHECK(mem_find("Killed process", 14, "Killed process") != NULL);
}

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
	RUN(test_mem_find_matches_memmem);
	RUN(test_read_small_file);
	return check_summary();
}
