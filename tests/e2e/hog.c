/* hog.c — the allocation hog of the end-to-end tests.  Always run inside a
 * memory cgroup with a small limit (tests/e2e/lib.sh cg_make).
 *
 *   hog [--mib N] [--rate MIBPS] [--hold SECONDS] [--adj N] [--tmpfs FILE]
 *       [--ready FILE] [--comm NAME]
 *
 * Allocates N MiB (default: until killed) of anonymous memory, touching
 * every page, at RATE MiB/s (0 = as fast as possible); then holds it.
 * --tmpfs writes the memory into FILE instead (shmem/tmpfs growth).
 * --adj sets its own oom_score_adj first.  --ready FILE is created once the
 * target is reached, so a test can wait for it.
 *
 * Its comm is "oomkit-test-hog" (--comm NAME to choose another), so the
 * kernel's OOM reports of test kills name it plainly and `oomkit explain`
 * and `status` on the same machine can tell them from the machine's own. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <time.h>
#include <unistd.h>

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int main(int argc, char **argv)
{
	long mib = -1, rate = 0, hold = 3600, adj = 0;
	int set_adj = 0;
	const char *tmpfs = NULL, *ready = NULL, *comm = "oomkit-test-hog";
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		const char *v = i + 1 < argc ? argv[i + 1] : NULL;
		if (!v) {
			fprintf(stderr, "hog: %s needs a value\n", a);
			return 2;
		}
		if (!strcmp(a, "--mib")) mib = atol(v);
		else if (!strcmp(a, "--rate")) rate = atol(v);
		else if (!strcmp(a, "--hold")) hold = atol(v);
		else if (!strcmp(a, "--adj")) { adj = atol(v); set_adj = 1; }
		else if (!strcmp(a, "--tmpfs")) tmpfs = v;
		else if (!strcmp(a, "--ready")) ready = v;
		else if (!strcmp(a, "--comm")) comm = v;
		else { fprintf(stderr, "hog: unknown option %s\n", a); return 2; }
		i++;
	}
	/* comm is at most 15 bytes (TASK_COMM_LEN 16): the kernel truncates. */
	if (prctl(PR_SET_NAME, (unsigned long)comm, 0, 0, 0) != 0) {
		perror("hog: prctl(PR_SET_NAME)");
		return 1;
	}
	if (set_adj) {
		FILE *f = fopen("/proc/self/oom_score_adj", "w");
		if (!f || fprintf(f, "%ld\n", adj) < 0 || fclose(f) != 0) {
			perror("hog: oom_score_adj");
			return 1;
		}
	}
	int fd = -1;
	if (tmpfs) {
		fd = open(tmpfs, O_RDWR | O_CREAT | O_TRUNC, 0600);
		if (fd < 0) { perror("hog: tmpfs file"); return 1; }
	}
	const size_t chunk = 1 << 20;
	char *page = malloc(chunk);
	if (!page) return 1;
	memset(page, 0x5a, chunk);
	double t0 = now();
	for (long done = 0; mib < 0 || done < mib; done++) {
		if (fd >= 0) {
			if (write(fd, page, chunk) != (ssize_t)chunk) { perror("hog: write"); return 1; }
		} else {
			char *p = mmap(NULL, chunk, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
			if (p == MAP_FAILED) { perror("hog: mmap"); return 1; }
			for (size_t o = 0; o < chunk; o += 4096)
				p[o] = (char)(done + 1);
		}
		if (rate > 0) {
			double want = t0 + (double)(done + 1) / (double)rate;
			double d = want - now();
			if (d > 0) {
				struct timespec ts = { (time_t)d, (long)((d - (double)(time_t)d) * 1e9) };
				nanosleep(&ts, NULL);
			}
		}
	}
	if (ready) {
		int r = open(ready, O_WRONLY | O_CREAT | O_TRUNC, 0600);
		if (r >= 0) close(r);
	}
	sleep((unsigned)hold);
	return 0;
}
