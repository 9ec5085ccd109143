/* test_report_view.c — an input file mapped whole (report/view.c): only a
 * large regular file is mapped, its bytes are the file's from the first
 * unread one less what was read before, pages behind the reader are handed
 * back, and a file that shrinks under the mapping reads as zeros past its
 * new end rather than killing the process with SIGBUS (a SIGBUS that is not
 * ours still reaches the handler that was there before). */
#include <errno.h>
#include <fcntl.h>
#include <setjmp.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

#include "check.h"
#include "report/view.h"

/* A temp file of n bytes: byte i is 'a' + i % 26, a newline every 64. */
static int temp_file(size_t n)
{
	char path[] = "/tmp/oomkit-test-view-XXXXXX";
	int fd = mkstemp(path);
	if (fd < 0)
		abort();
	unlink(path);
	char *b = malloc(n);
	if (!b)
		abort();
	for (size_t i = 0; i < n; i++)
		b[i] = i % 64 == 63 ? '\n' : (char)('a' + i % 26);
	if (write(fd, b, n) != (ssize_t)n || lseek(fd, 0, SEEK_SET) != 0)
		abort();
	free(b);
	return fd;
}

static bool byte_ok(const char *d, size_t i, size_t off)
{
	size_t k = i + off;
	return d[i] == (k % 64 == 63 ? '\n' : (char)('a' + k % 26));
}

TEST(test_only_a_large_regular_file_is_mapped)
{
	struct view v;
	int fd = temp_file(4096);
	CHECK_INT(view_open(&v, fd, 0, 8192), -ENOTSUP);   /* too small */
	CHECK(v.map == NULL);
	CHECK_INT(view_open(&v, fd, 0, 4096), 0);
	CHECK(v.map != NULL);
	view_close(&v);
	close(fd);

	int p[2];
	if (pipe(p) < 0)
		abort();
	CHECK_INT(view_open(&v, p[0], 0, 0), -ENOTSUP);   /* a pipe may be a live stream */
	close(p[0]);
	close(p[1]);
	CHECK_INT(view_open(&v, -1, 0, 0), -ENOTSUP);

	fd = temp_file(1u << 20);
	setenv("OOMKIT_MMAP", "0", 1);
	CHECK_INT(view_open(&v, fd, 0, 0), -ENOTSUP);       /* switched off */
	setenv("OOMKIT_MMAP", "1", 1);
	CHECK_INT(view_open(&v, fd, 0, 0), 0);
	unsetenv("OOMKIT_MMAP");
	view_close(&v);
	close(fd);
}

TEST(test_bytes_start_at_what_was_read_before)
{
	size_t n = 3u << 20;
	int fd = temp_file(n);
	char head[100];
	if (read(fd, head, 100) != 100)
		abort();
	struct view v;
	CHECK_INT(view_open(&v, fd, 40, 1u << 20), 0);
	CHECK_INT(v.file_off, 60);
	CHECK_INT(v.len, n - 60);
	CHECK(memcmp(v.data, head + 60, 40) == 0);
	bool all = true;
	for (size_t i = 0; i < v.len; i += 997)
		all = all && byte_ok(v.data, i, 60);
	CHECK(all);
	CHECK_INT(lseek(fd, 0, SEEK_CUR), 100);   /* the file offset is not moved */
	/* more wanted back than was read: not mapped */
	struct view w;
	CHECK_INT(view_open(&w, fd, 101, 0), -ENOTSUP);
	view_close(&v);
	close(fd);
}

TEST(test_pages_behind_the_reader_are_handed_back)
{
	size_t n = 3 * VIEW_DROP_STEP + 12345;
	int fd = temp_file(n);
	struct view v;
	CHECK_INT(view_open(&v, fd, 0, 0), 0);
	view_done(&v, VIEW_DROP_STEP - 1);
	CHECK_INT(v.dropped, 0);                     /* less than a step: kept */
	view_done(&v, 2 * VIEW_DROP_STEP + 5);
	CHECK_INT(v.dropped, 2 * VIEW_DROP_STEP);
	view_done(&v, VIEW_DROP_STEP);               /* never goes back */
	CHECK_INT(v.dropped, 2 * VIEW_DROP_STEP);
	/* handed-back pages still read right (the page cache gives them again) */
	CHECK(byte_ok(v.data, 100, 0));
	CHECK(byte_ok(v.data, n - 1, 0));
	view_close(&v);
	close(fd);

	struct view b;
	view_borrow(&b, "text", 4);
	view_done(&b, 4);                            /* nothing mapped: nothing to hand back */
	CHECK_INT(b.len, 4);
	CHECK(!view_cut(&b));
	view_close(&b);
}

TEST(test_a_file_that_shrinks_reads_zeros_not_sigbus)
{
	long ps = sysconf(_SC_PAGESIZE);
	size_t n = 64 * (size_t)ps;
	int fd = temp_file(n);
	struct view v;
	CHECK_INT(view_open(&v, fd, 0, 0), 0);
	CHECK(!view_cut(&v));
	CHECK(byte_ok(v.data, 40 * (size_t)ps, 0));
	if (ftruncate(fd, 2 * ps) != 0)
		abort();
	/* past the new end: SIGBUS without the handler */
	volatile char c = v.data[40 * (size_t)ps + 7];
	CHECK_INT(c, 0);
	CHECK(view_cut(&v));
	CHECK(byte_ok(v.data, 10, 0));               /* before it: the file's bytes */
	CHECK_INT(v.data[n - 1], 0);
	view_close(&v);
	close(fd);
}

static sigjmp_buf foreign_jmp;
static volatile sig_atomic_t foreign_seen;
static void on_foreign_bus(int sig)
{
	(void)sig;
	foreign_seen = 1;
	siglongjmp(foreign_jmp, 1);
}

TEST(test_a_sigbus_that_is_not_ours_reaches_the_handler_before)
{
	long ps = sysconf(_SC_PAGESIZE);
	struct sigaction sa, before;
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_foreign_bus;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGBUS, &sa, &before);
	/* the view's handler is installed once per process, at the first
	 * mapping: this test runs first, and maps in a child */
	pid_t pid = fork();
	if (pid == 0) {
		int fd = temp_file(8 * (size_t)ps), other = temp_file(8 * (size_t)ps);
		struct view v;
		if (view_open(&v, fd, 0, 0) != 0)
			_exit(3);
		struct sigaction now;
		sigaction(SIGBUS, NULL, &now);
		if (now.sa_handler == on_foreign_bus)
			_exit(7);   /* the view's handler is not in front: nothing tested */
		char *m = mmap(NULL, 8 * (size_t)ps, PROT_READ, MAP_PRIVATE, other, 0);
		if (m == MAP_FAILED || ftruncate(other, 0) != 0)
			_exit(4);
		if (sigsetjmp(foreign_jmp, 1) == 0) {
			volatile char c = m[5 * ps];
			(void)c;
			_exit(5);   /* no SIGBUS at all */
		}
		_exit(foreign_seen && !view_cut(&v) ? 0 : 6);
	}
	int st = 0;
	waitpid(pid, &st, 0);
	CHECK(WIFEXITED(st));
	CHECK_INT(WEXITSTATUS(st), 0);
	sigaction(SIGBUS, &before, NULL);
}

int main(void)
{
	RUN(test_a_sigbus_that_is_not_ours_reaches_the_handler_before);   /* first: before any mapping */
	RUN(test_only_a_large_regular_file_is_mapped);
	RUN(test_bytes_start_at_what_was_read_before);
	RUN(test_pages_behind_the_reader_are_handed_back);
	RUN(test_a_file_that_shrinks_reads_zeros_not_sigbus);
	return check_summary();
}
