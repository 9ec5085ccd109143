/* test_cmd_output.c — cmd/output.c, `-o FILE` of explain, status and top:
 * standard output moved to FILE, "-" and no -o leave it alone, and a path
 * that cannot be written is an error (exit status 1) that names it. */
#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include "check.h"
#include "cmd/cmd.h"

/* Runs cmd_output_to in a child (a failed freopen closes stdout for good,
 * as it should in the command that then exits), which writes text to its
 * standard output; its stderr comes back in err.  The child's exit status
 * is cmd_output_to's return value. */
static int output_to(const char *path, const char *text, char *err, size_t errlen)
{
	char errpath[] = "/tmp/oomkit-test-output-err.XXXXXX";
	int efd = mkstemp(errpath);
	if (efd < 0)
		return -99;
	fflush(stdout);
	fflush(stderr);
	pid_t pid = fork();
	if (pid == 0) {
		int nul = open("/dev/null", O_WRONLY);
		dup2(nul, 1);           /* what is not moved by -o is not the test's output */
		dup2(efd, 2);
		int rc = cmd_output_to("top", path);
		if (text)
			fputs(text, stdout);
		fflush(stdout);
		_exit(rc);
	}
	int st = 0;
	if (pid < 0 || waitpid(pid, &st, 0) != pid)
		st = -1;
	close(efd);
	char *m = slurp(errpath, NULL);
	snprintf(err, errlen, "%s", m ? m : "");
	free(m);
	unlink(errpath);
	return st >= 0 && WIFEXITED(st) ? WEXITSTATUS(st) : -98;
}

TEST(to_a_file)
{
	char path[] = "/tmp/oomkit-test-output.XXXXXX", err[512];
	int fd = mkstemp(path);
	CHECK(fd >= 0);
	if (fd < 0)
		return;
	CHECK(write(fd, "old contents\n", 13) == 13);   /* truncated, not appended to */
	close(fd);
	CHECK_INT(output_to(path, "<html>report</html>\n", err, sizeof(err)), 0);
	char *got = slurp(path, NULL);
	CHECK_STR(got, "<html>report</html>\n");
	CHECK_STR(err, "");
	free(got);
	unlink(path);
}

TEST(stdout_kept)
{
	char err[512];
	CHECK_INT(output_to(NULL, NULL, err, sizeof(err)), 0);
	CHECK_INT(output_to("-", NULL, err, sizeof(err)), 0);
	CHECK_STR(err, "");
}

TEST(unwritable)
{
	char err[512];
	CHECK_INT(output_to("/nonexistent-dir/oomkit/report.html", NULL, err, sizeof(err)), 1);
	CHECK(strstr(err, "/nonexistent-dir/oomkit/report.html") != NULL);   /* the path named */
	CHECK(strstr(err, "top") != NULL);                                   /* and the command */
}

int main(void)
{
	RUN(to_a_file);
	RUN(stdout_kept);
	RUN(unwritable);
	return check_summary();
}
