/* zombie_hog.c — a process whose main thread has exited: main starts a
 * worker and calls pthread_exit, the worker allocates (the thread-group
 * leader is then a zombie whose /proc/PID/status has no Vm or Rss lines,
 * while the process's mm is alive in the worker).  Always run inside a
 * memory cgroup with a small limit (tests/e2e/lib.sh cg_make).
 *
 *   zombie_hog [--mib N] [--ready FILE]
 *
 * Allocates N MiB (default: until killed) of anonymous memory, touching
 * every page, as fast as it can; then holds it.  --ready FILE is created
 * once main has exited and the worker runs, so a test can wait for it. */
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

static long mib = -1;
static const char *ready;

static void *worker(void *arg)
{
	(void)arg;
	usleep(100000);                 /* let main reach pthread_exit first */
	if (ready) {
		int fd = open(ready, O_WRONLY | O_CREAT | O_CLOEXEC, 0644);
		if (fd >= 0)
			close(fd);
	}
	for (long i = 0; mib < 0 || i < mib; i++) {
		char *p = mmap(NULL, 1 << 20, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
		if (p == MAP_FAILED)
			break;
		memset(p, 0x5a, 1 << 20);
	}
	for (;;)
		pause();
	return NULL;
}

int main(int argc, char **argv)
{
	for (int i = 1; i + 1 < argc; i += 2) {
		if (!strcmp(argv[i], "--mib"))
			mib = atol(argv[i + 1]);
		else if (!strcmp(argv[i], "--ready"))
			ready = argv[i + 1];
		else {
			fprintf(stderr, "zombie_hog: unknown option %s\n", argv[i]);
			return 2;
		}
	}
	pthread_t t;
	if (pthread_create(&t, NULL, worker, NULL) != 0)
		return 1;
	pthread_exit(NULL);
}
