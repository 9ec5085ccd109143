/* sleeper.c — N sleeping processes for bench/top: forks N children that
 * pause() until killed, prints their pids, then pauses itself.  Run inside
 * a memory cgroup; bench/top/run.sh kills every pid it printed. */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	long n = argc > 1 ? strtol(argv[1], NULL, 10) : 2000;
	if (n < 1 || n > 100000)
		return 2;
	for (long i = 0; i < n; i++) {
		pid_t p = fork();
		if (p < 0) {
			perror("sleeper: fork");
			return 1;
		}
		if (p == 0) {
			for (;;)
				pause();
		}
		printf("%d\n", (int)p);
	}
	fflush(stdout);
	fclose(stdout);
	for (;;)
		pause();
}
