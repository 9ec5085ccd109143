/* test_guard_spawn.c — guard/spawn.c, a hook started so that neither it nor
 * what it starts can outlive the guard: it runs under its keeper, whose
 * exit status is the hook's; the keeper leads a process group of its own
 * (the pid returned) that the hook is in; no signal is blocked in the hook
 * even when the guard blocks them; and a program that cannot be executed
 * is -errno (nothing left to reap).  A SIGKILLed guard taking its hooks'
 * children with it: tests/e2e/guard_chaos.sh. */
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
	return guard_spawn_hook(argv, environ, (uid_t)-1, (gid_t)-1, pid);
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
	/* the hook is in the keeper's process group, which is not ours: it
	 * exits 0 when /proc/self/stat's pgrp (field 5) is its parent's pid */
	CHECK_INT(run("set -- $(cat /proc/$$/stat); test \"$5\" = \"$4\"", &pid), 0);
	CHECK_INT(status_of(pid), 0);
	CHECK(getpgid(pid) == pid || getpgid(pid) < 0);        /* the keeper leads its group */
	CHECK(pid != getpgrp());
	/* no signal blocked in the hook, though this process blocks SIGTERM */
	sigset_t term, old;
	sigemptyset(&term);
	sigaddset(&term, SIGTERM);
	sigprocmask(SIG_BLOCK, &term, &old);
	/* grep reads its own mask (exec: the hook's process itself); reading
	 * the shell's raced with dash blocking SIGCHLD while it waits for its
	 * child (20 in 300 runs on a loaded machine) */
	CHECK_INT(run("exec grep -q '^SigBlk:\t0000000000000000$' /proc/self/status", &pid), 0);
	sigprocmask(SIG_SETMASK, &old, NULL);
	CHECK_INT(status_of(pid), 0);
}

TEST(cannot_exec)
{
	char *argv[] = { "/nonexistent/oomkit-hook", NULL };
	pid_t pid = 12345;
	CHECK_INT(guard_spawn_hook(argv, environ, (uid_t)-1, (gid_t)-1, &pid), -ENOENT);
	CHECK(waitpid(-1, NULL, WNOHANG) <= 0);                 /* nothing left to reap */
	char *dir[] = { "/tmp", NULL };
	CHECK_INT(guard_spawn_hook(dir, environ, (uid_t)-1, (gid_t)-1, &pid), -EACCES);
}

int main(void)
{
	RUN(runs);
	RUN(cannot_exec);
	return check_summary();
}
