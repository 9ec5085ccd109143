/* sleepers.c — many small processes: forks N children that only wait
 * (sharing the parent's pages, so each costs the kernel a few pages of
 * page tables and stack), then waits itself.  For the guard's "more
 * processes than its table" case; always run inside a memory cgroup.
 *
 *   sleepers N READY_FILE
 *
 * READY_FILE is created once the N children exist.  The children die with
 * SIGKILL from the test (lib.sh cg_remove kills every pid of the cgroup). */
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	if (argc != 3) {
		fprintf(stderr, "usage: sleepers N READY_FILE\n");
		return 2;
	}
	long n = atol(argv[1]);
	for (long i = 0; i < n; i++) {
		pid_t p = fork();
		if (p < 0) {
			perror("fork");
			return 1;
		}
		if (p == 0) {
			for (;;)
				pause();
		}
	}
	int fd = open(argv[2], O_WRONLY | O_CREAT | O_CLOEXEC, 0644);
	if (fd >= 0)
		close(fd);
	for (;;)
		pause();
}
