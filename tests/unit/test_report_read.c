/* test_report_read.c — report/read.c, the whole-input readers: the scanner
 * fed to the parser to the end, every event handed to the callback and
 * counted, warnings passed on with the input's name, errors as -errno
 * (a bad fd, compressed text in memory), and the same events from a file
 * descriptor as from memory. */
#include <errno.h>
#include <fcntl.h>
#include <unistd.h>

#include "check.h"
#include "report/report.h"

struct seen {
	int events;
	char kernel[128], comm[64];
	int warnings;
	char warn_source[64], warn_msg[256];
};

static void on_event(struct oom_event *ev, void *ctx)
{
	struct seen *s = ctx;
	if (s->events++ == 0) {
		snprintf(s->kernel, sizeof(s->kernel), "%s", ev->kernel);
		snprintf(s->comm, sizeof(s->comm), "%s", ev->req.trigger_comm);
	}
}

static void on_warn(const char *source, const char *msg, void *ctx)
{
	struct seen *s = ctx;
	s->warnings++;
	snprintf(s->warn_source, sizeof(s->warn_source), "%s", source);
	snprintf(s->warn_msg, sizeof(s->warn_msg), "%s", msg);
}

static const char *ERA = "tests/reports/eras/5.10-debian11-systemd-memcg-v2.log";

TEST(mem_and_fd_agree)
{
	size_t len;
	char *text = slurp_src(ERA, &len);
	if (!text) {
		SKIP("tests/reports/eras missing (OOMKIT_SRCDIR?)");
		return;
	}
	struct seen m, f;
	memset(&m, 0, sizeof(m));
	memset(&f, 0, sizeof(f));
	CHECK_INT(report_read_mem(text, len, "era.log", on_event, on_warn, &m), 1);
	CHECK_INT(m.events, 1);
	CHECK_STR(m.kernel, "5.10.0-28-amd64");
	CHECK_STR(m.comm, "python3");
	char path[2048];
	snprintf(path, sizeof(path), "%s/%s", check_srcdir(), ERA);
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	CHECK(fd >= 0);
	CHECK_INT(report_read_fd(fd, "era.log", on_event, on_warn, &f), 1);
	close(fd);
	CHECK_STR(f.kernel, m.kernel);
	CHECK_STR(f.comm, m.comm);
	CHECK_INT(f.warnings, m.warnings);
	/* twice in one input: two events; NULL callbacks are allowed */
	char *two = malloc(2 * len + 1);
	memcpy(two, text, len);
	memcpy(two + len, text, len);
	two[2 * len] = '\0';
	CHECK_INT(report_read_mem(two, 2 * len, NULL, NULL, NULL, NULL), 2);
	free(two);
	free(text);
}

TEST(nothing_to_find)
{
	struct seen s;
	memset(&s, 0, sizeof(s));
	const char *t = "Nov 20 10:00:00 host sshd[1]: Accepted publickey\nplain text\n";
	CHECK_INT(report_read_mem(t, strlen(t), "auth.log", on_event, on_warn, &s), 0);
	CHECK_INT(report_read_mem("", 0, "empty", on_event, on_warn, &s), 0);
	CHECK_INT(s.events, 0);
	int fd = open("/dev/null", O_RDONLY | O_CLOEXEC);
	CHECK_INT(report_read_fd(fd, NULL, on_event, on_warn, &s), 0);
	close(fd);
}

TEST(errors)
{
	struct seen s;
	memset(&s, 0, sizeof(s));
	/* compressed bytes in memory: refused, with the reason, not read as text */
	static const char gz[] = "\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03";
	CHECK_INT(report_read_mem(gz, sizeof(gz) - 1, "x.gz", on_event, on_warn, &s), -ENOTSUP);
	CHECK_INT(s.warnings, 1);
	CHECK_STR(s.warn_source, "x.gz");
	CHECK(strstr(s.warn_msg, "compressed") != NULL);
	/* a bad descriptor: -errno and a warning naming the input */
	memset(&s, 0, sizeof(s));
	int rc = report_read_fd(-1, "nofd", on_event, on_warn, &s);
	CHECK(rc < 0);
	CHECK_INT(s.events, 0);
	CHECK_INT(s.warnings, 1);
	CHECK_STR(s.warn_source, "nofd");
	/* a directory is not a log */
	memset(&s, 0, sizeof(s));
	int dfd = open("/", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	rc = report_read_fd(dfd, "/", on_event, on_warn, &s);
	CHECK(rc < 0);
	CHECK(s.warnings >= 1);
	close(dfd);
}

int main(void)
{
	RUN(mem_and_fd_agree);
	RUN(nothing_to_find);
	RUN(errors);
	return check_summary();
}
