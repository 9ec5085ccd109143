/* run_cmd.h — runs one command's entry point (cmd_explain, cmd_adj, …) as
 * main() would, in a child process so its exit, its stdout and its stderr
 * are its own: the exit status, and both outputs captured as text. */
#ifndef OOMKIT_TEST_RUN_CMD_H
#define OOMKIT_TEST_RUN_CMD_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include "check.h"

struct cmd_run { int status; char *out, *err; };

static inline int tmpfd(char *tmpl)
{
	int fd = mkstemp(tmpl);
	if (fd >= 0)
		unlink(tmpl);
	return fd;
}

static inline char *fd_text(int fd)
{
	char path[64];
	snprintf(path, sizeof(path), "/proc/self/fd/%d", fd);
	char *t = slurp(path, NULL);
	close(fd);
	return t ? t : strdup("");
}

/* argv ends with NULL; argv[0] is the command's name ("explain"). */
static inline struct cmd_run run_cmd(int (*fn)(int, char **), const char *const *argv)
{
	struct cmd_run r = { -1, NULL, NULL };
	char o[] = "/tmp/oomkit-test-cmd-out.XXXXXX", e[] = "/tmp/oomkit-test-cmd-err.XXXXXX";
	int ofd = tmpfd(o), efd = tmpfd(e);
	int argc = 0;
	while (argv[argc])
		argc++;
	fflush(stdout);
	fflush(stderr);
	pid_t pid = fork();
	if (pid == 0) {
		int nul = open("/dev/null", O_RDONLY);
		dup2(nul, 0);
		dup2(ofd, 1);
		dup2(efd, 2);
		char **args = calloc((size_t)argc + 1, sizeof(*args));
		for (int i = 0; i < argc; i++)
			args[i] = strdup(argv[i]);
		int rc = fn(argc, args);
		fflush(stdout);
		fflush(stderr);
		_exit(rc);
	}
	int st = 0;
	if (pid > 0 && waitpid(pid, &st, 0) == pid && WIFEXITED(st))
		r.status = WEXITSTATUS(st);
	r.out = fd_text(ofd);
	r.err = fd_text(efd);
	return r;
}

static inline void cmd_run_free(struct cmd_run *r)
{
	free(r->out);
	free(r->err);
}

#endif
