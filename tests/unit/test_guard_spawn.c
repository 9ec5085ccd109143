/* test_guard_spawn.c — guard/spawn.c, an exec= hook started so it cannot
 * outlive the guard: it runs (its exit status comes back), in a process
 * group of its own, with no signal blocked even when the guard blocks
 * them, and a program that cannot be executed is -errno (the child that
 * never ran reaped, no zombie left). */
#include <errno.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include "check.h"
#include "guard/guard.h"

extern char **environ;

static int run(const char *script, pid_t *pid)
{
	char *argv[] = { "/bin/sh", "-c", (char *)script, NULL };
	return guard_spawn_hook(argv, environ, pid);
}

static int status_of(pid_t pid)
{
	int st = -1;
	if (waitpid(pid, &st, 0) != pid)
		return -1;
	return WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
}

TEST(runs)
{
	if (access("/bin/sh", X_OK) != 0) {
		SKIP("no /bin/sh");
		return;
	}
	pid_t pid = 0;
	CHECK_INT(run("exit 7", &pid), 0);
	CHECK(pid > 0);
	CHECK_INT(status_of(pid), 7);
	/* its own process group: its pgid is its pid */
	char script[128];
	snprintf(script, sizeof(script), "test \"$(ps -o pgid= -p $$ 2>/dev/null | tr -d ' ')\" = \"$$\" || "
					 "test \"$(cut -d' ' -f5 /proc/$$/stat)\" = \"$$\"");
	CHECK_INT(run(script, &pid), 0);
	CHECK_INT(status_of(pid), 0);
	/* no signal blocked in the hook, though this process blocks SIGTERM */
	sigset_t term, old;
	sigemptyset(&term);
	sigaddset(&term, SIGTERM);
	sigprocmask(SIG_BLOCK, &term, &old);
	CHECK_INT(run("grep -q '^SigBlk:\t0000000000000000$' /proc/$$/status", &pid), 0);
	sigprocmask(SIG_SETMASK, &old, NULL);
	CHECK_INT(status_of(pid), 0);
}

TEST(cannot_exec)
{
	char *argv[] = { "/nonexistent/oomkit-hook", NULL };
	pid_t pid = 12345;
	CHECK_INT(guard_spawn_hook(argv, environ, &pid), -ENOENT);
	CHECK(waitpid(-1, NULL, WNOHANG) <= 0);                 /* nothing left to reap */
	char *dir[] = { "/tmp", NULL };
	CHECK_INT(guard_spawn_hook(dir, environ, &pid), -EACCES);
}

int main(void)
{
	RUN(runs);
	RUN(cannot_exec);
	return check_summary();
}
