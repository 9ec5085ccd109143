/* spawn.c — start an exec= hook that cannot outlive the guard.
 *
 * posix_spawn gives a clean signal mask, default dispositions and a process
 * group of its own, but no parent-death signal: a guard killed by SIGKILL
 * (or crashing) left its hooks running, and their timeout with it.  Here the
 * child sets PR_SET_PDEATHSIG(SIGKILL) (2.1.57+, kernel/exit.c sends it when
 * the thread that forked the child exits) and then checks getppid(): a guard
 * that died between vfork and prctl has already reparented the child, which
 * then exits instead of running unguarded.
 *
 * vfork: the child borrows the guard's memory (no page-table copy, no
 * commit charge, which matters when memory is short), so until execve it
 * only makes system calls and writes one int the parent reads. */
#include <errno.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "guard/guard.h"

int guard_spawn_hook(char *const argv[], char *const envp[], pid_t *pid_out)
{
	sigset_t all, old;
	sigfillset(&all);
	/* Every signal blocked across vfork: no handler of the guard's may run
	 * in the child, which shares its memory. */
	sigprocmask(SIG_SETMASK, &all, &old);
	pid_t parent = getpid();
	volatile int child_err = 0;
	pid_t pid = vfork();
	if (pid == 0) {
		struct sigaction dfl = { .sa_handler = SIG_DFL };
		sigemptyset(&dfl.sa_mask);
		/* Ignored signals stay ignored across execve; handled ones are
		 * reset by it anyway.  glibc refuses its own two (32, 33). */
		for (int s = 1; s < NSIG; s++)
			if (s != SIGKILL && s != SIGSTOP)
				sigaction(s, &dfl, NULL);
		if (setpgid(0, 0) != 0 || prctl(PR_SET_PDEATHSIG, SIGKILL, 0, 0, 0) != 0) {
			child_err = errno;
			_exit(127);
		}
		if (getppid() != parent) {     /* the guard died before prctl took effect */
			child_err = ESRCH;
			_exit(127);
		}
		setpriority(PRIO_PROCESS, 0, 0);   /* not the guard's nice -20 (guard_raise_priority) */
		sigset_t none;
		sigemptyset(&none);
		sigprocmask(SIG_SETMASK, &none, NULL);
		execve(argv[0], argv, envp);
		child_err = errno;
		_exit(127);
	}
	int e = pid < 0 ? errno : child_err;
	sigprocmask(SIG_SETMASK, &old, NULL);
	if (pid < 0)
		return -e;
	if (e) {
		/* The child ended before execve: reap it here, it never ran. */
		while (waitpid(pid, NULL, 0) < 0 && errno == EINTR)
			;
		return -e;
	}
	*pid_out = pid;
	return 0;
}
