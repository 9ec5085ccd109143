/* test_guard_output.c — the guard's outputs: a flood of one log line is
 * said once with a count; metrics label values stay valid UTF-8; the
 * atomic save refuses a symlinked temporary. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check.h"
#include "guard/guard.h"
#include "util/util.h"

TEST(log_flood_is_counted)
{
	char path[] = "/tmp/oomkit-log-XXXXXX";
	int fd = mkstemp(path);
	CHECK(fd >= 0);
	if (fd < 0)
		return;
	int saved = dup(2);
	dup2(fd, 2);
	unsetenv("JOURNAL_STREAM");
	guard_log_init();
	for (int i = 0; i < 100; i++)
		guard_log(GLOG_WARNING, "cgroup %s: nothing may be killed", "/x");
	guard_log(GLOG_INFO, "something else");
	dup2(saved, 2);
	close(saved);
	char buf[4096];
	ssize_t n = pread(fd, buf, sizeof(buf) - 1, 0);
	close(fd);
	unlink(path);
	CHECK(n > 0);
	buf[n > 0 ? n : 0] = '\0';
	CHECK_STR(buf, "oomkit guard: warning: cgroup /x: nothing may be killed\n"
		       "oomkit guard: previous message repeated 99 times\n"
		       "oomkit guard: something else\n");
}

TEST(prom_labels_stay_utf8)
{
	char out[256];
	FILE *f = fmemopen(out, sizeof(out), "w");
	const char in[] = "a\xff" "b\xc3(\"\\\n\xc3\xa9\x7f";
	escape_prom_label(f, in, sizeof(in) - 1);
	fclose(f);
	CHECK_STR(out, "a\xef\xbf\xbd" "b\xef\xbf\xbd(\\\"\\\\\\n\xc3\xa9");
}

TEST(save_refuses_symlinked_tmp)
{
	char dir[] = "/tmp/oomkit-save-XXXXXX";
	if (!mkdtemp(dir)) {
		SKIP("mkdtemp failed");
		return;
	}
	char target[128], tmp[128], dst[128], rd[64];
	snprintf(target, sizeof(target), "%s/target", dir);
	snprintf(dst, sizeof(dst), "%s/m.prom", dir);
	snprintf(tmp, sizeof(tmp), "%s/m.prom.tmp", dir);
	FILE *f = fopen(target, "w");
	fputs("precious", f);
	fclose(f);
	CHECK_INT(symlink(target, tmp), 0);
	static char buf[256];
	struct guard_sink s;
	CHECK_INT(guard_sink_open(&s, buf, sizeof(buf)), 0);
	fputs("metric 1\n", s.f);
	CHECK_INT(guard_sink_save(&s, dst), -EEXIST);
	CHECK_INT((int)read_small_file(target, rd, sizeof(rd)), 8);
	CHECK_STR(rd, "precious");
	CHECK(access(dst, F_OK) != 0);
	/* a stale regular temporary of our own is replaced */
	unlink(tmp);
	f = fopen(tmp, "w");
	fputs("stale", f);
	fclose(f);
	CHECK_INT(guard_sink_save(&s, dst), 0);
	CHECK_INT((int)read_small_file(dst, rd, sizeof(rd)), 9);
	CHECK_STR(rd, "metric 1\n");
	guard_sink_close(&s);
	unlink(dst);
	unlink(target);
	rmdir(dir);
}

int main(void)
{
	RUN(log_flood_is_counted);
	RUN(prom_labels_stay_utf8);
	RUN(save_refuses_symlinked_tmp);
	return check_summary();
}
