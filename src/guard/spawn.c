/* spawn.c — start a hook that cannot outlive the guard, nor can what it starts.
 *
 * A hook (exec=, exec-warn, notify-send, systemctl) runs in a process group
 * of its own, led by a keeper: a fork of the guard that starts the hook as
 * its child and waits for it.  The keeper has PR_SET_PDEATHSIG(SIGTERM)
 * (2.1.57+; kernel/exit.c sends it when the thread that forked it exits)
 * and answers it by SIGKILLing its whole group: the hook and whatever the
 * hook started there.  The parent-death signal of the hook itself would not
 * do: fork clears it in the hook's children (kernel/fork.c copy_process),
 * and a change of user clears it (kernel/cred.c commit_creds).  A guard
 * that died between fork and prctl is seen by getppid(); the keeper then
 * exits without starting the hook.  The guard's timeout and its stop kill
 * the group (hooks.c), keeper included.
 *
 * The keeper exits as its hook did (the same code, or the same signal), so
 * the guard's accounting (unit.c: systemctl's status) sees the hook's end.
 * Errors before execve come back through a close-on-exec pipe; EOF on it
 * means the hook is running.  The keeper closes every other descriptor of
 * the guard (listening socket, PSI triggers): it never execs.
 *
 * A process that leaves the group (setsid, setpgid) escapes; the guard's
 * own cgroup is the only net for those. */
#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "guard/guard.h"

static void keeper_on_death(int sig)
{
	(void)sig;
	kill(0, SIGKILL);               /* our group: the hook, its children, us */
}

static void tell(int fd, int e)
{
	ssize_t w = write(fd, &e, sizeof(e));
	(void)w;
}

/* Every descriptor but 0-2 and keep (close_range, 5.9+; a loop before). */
static void close_others(int keep)
{
	if (close_range(3, (unsigned)keep - 1, 0) == 0 && close_range((unsigned)keep + 1, ~0u, 0) == 0)
		return;
	long max = sysconf(_SC_OPEN_MAX);
	if (max < 0 || max > 65536)
		max = 65536;
	for (int fd = 3; fd < max; fd++)
		if (fd != keep)
			close(fd);
}

static _Noreturn void run_hook(char *const argv[], char *const envp[], uid_t uid, gid_t gid, int errfd)
{
	/* The user's groups and ids, never back to root (notify-send as the
	 * owner of a session bus). */
	if (uid != (uid_t)-1 && uid != geteuid() &&
	    (setgroups(1, &gid) != 0 || setresgid(gid, gid, gid) != 0 || setresuid(uid, uid, uid) != 0)) {
		tell(errfd, errno);
		_exit(126);
	}
	setpriority(PRIO_PROCESS, 0, 0);   /* not the guard's nice -20 (guard_raise_priority) */
	struct sigaction dfl = { .sa_handler = SIG_DFL };
	sigemptyset(&dfl.sa_mask);
	sigaction(SIGTERM, &dfl, NULL);
	sigset_t none;
	sigemptyset(&none);
	sigprocmask(SIG_SETMASK, &none, NULL);
	execve(argv[0], argv, envp);
	tell(errfd, errno);
	_exit(127);
}

static _Noreturn void keeper(char *const argv[], char *const envp[], uid_t uid, gid_t gid, int errfd, pid_t guard)
{
	/* Every signal is blocked (the guard's mask across fork). */
	struct sigaction dfl = { .sa_handler = SIG_DFL };
	sigemptyset(&dfl.sa_mask);
	/* Ignored signals stay ignored across execve; handled ones are reset
	 * by it anyway.  glibc refuses its own two (32, 33). */
	for (int s = 1; s < NSIG; s++)
		if (s != SIGKILL && s != SIGSTOP)
			sigaction(s, &dfl, NULL);
	close_others(errfd);
	struct sigaction die = { .sa_handler = keeper_on_death };
	sigemptyset(&die.sa_mask);
	if (setpgid(0, 0) != 0 || sigaction(SIGTERM, &die, NULL) != 0 ||
	    prctl(PR_SET_PDEATHSIG, SIGTERM, 0, 0, 0) != 0) {
		tell(errfd, errno);
		_exit(126);
	}
	if (getppid() != guard) {       /* the guard died before prctl took effect */
		tell(errfd, ESRCH);
		_exit(126);
	}
	pid_t h = fork();
	if (h < 0) {
		tell(errfd, errno);
		_exit(126);
	}
	if (h == 0)
		run_hook(argv, envp, uid, gid, errfd);
	close(errfd);
	/* Now a pending or later SIGTERM takes the group down. */
	sigset_t none;
	sigemptyset(&none);
	sigprocmask(SIG_SETMASK, &none, NULL);
	int st;
	while (waitpid(h, &st, 0) < 0)
		if (errno != EINTR)
			_exit(127);
	if (WIFEXITED(st))
		_exit(WEXITSTATUS(st));
	/* Killed by a signal: end the same way, without a core of our own. */
	struct rlimit none_core = { 0, 0 };
	setrlimit(RLIMIT_CORE, &none_core);
	int sig = WTERMSIG(st);
	sigaction(sig, &dfl, NULL);
	kill(getpid(), sig);
	_exit(128 + sig);
}

int guard_spawn_hook(char *const argv[], char *const envp[], uid_t uid, gid_t gid, pid_t *pid_out)
{
	int p[2];
	if (pipe2(p, O_CLOEXEC) != 0)
		return -errno;
	sigset_t all, old;
	sigfillset(&all);
	/* Every signal blocked across fork: none of the guard's handlers may
	 * run in the keeper before it has reset them. */
	sigprocmask(SIG_SETMASK, &all, &old);
	pid_t guard = getpid();
	pid_t pid = fork();
	if (pid == 0) {
		close(p[0]);
		keeper(argv, envp, uid, gid, p[1], guard);
	}
	int e = errno;
	sigprocmask(SIG_SETMASK, &old, NULL);
	close(p[1]);
	if (pid < 0) {
		close(p[0]);
		return -e;
	}
	int child_err = 0;
	ssize_t n;
	while ((n = read(p[0], &child_err, sizeof(child_err))) < 0 && errno == EINTR)
		;
	close(p[0]);
	if (n == (ssize_t)sizeof(child_err) && child_err != 0) {
		/* It never ran: reap the keeper here. */
		while (waitpid(pid, NULL, 0) < 0 && errno == EINTR)
			;
		return -child_err;
	}
	*pid_out = pid;
	return 0;
}
