/* lowmem.c — fills a 32-bit guest's lowmem while HighMem stays free, so the
 * kernel's OOM killer fires for lowmem.  Only ever run inside the test
 * guest (tests/vm/guest32.sh), never on the host.
 *
 *   lowmem --sockets MIB   kernel socket buffers: AF_UNIX stream pairs whose
 *                          queued data sits in pages allocated with the
 *                          socket's GFP_KERNEL (never HighMem) and counted in
 *                          no meminfo field ("unaccounted" in a report)
 *   lowmem --files N       N empty files on a tmpfs at $LOWMEM_DIR: each pins
 *                          a dentry and a shmem inode (unreclaimable slab)
 *
 * Sets its own oom_score_adj to 1000 so that the kernel picks it, prints
 * progress every 64 MiB / 100000 files, then holds what it made until it is
 * killed. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

static void adj(void)
{
	int fd = open("/proc/self/oom_score_adj", O_WRONLY);
	if (fd >= 0) {
		if (write(fd, "1000", 4) < 0)
			perror("oom_score_adj");
		close(fd);
	}
}

static int sockets(long mib)
{
	static char chunk[65536];
	long done_kib = 0, want_kib = mib * 1024;
	memset(chunk, 'x', sizeof(chunk));
	while (done_kib < want_kib) {
		int sv[2];
		if (socketpair(AF_UNIX, SOCK_STREAM, 0, sv) < 0) {
			perror("socketpair");
			break;
		}
		/* SO_SNDBUFFORCE (root) lifts the per-socket cap past wmem_max. */
		int sz = 64 << 20;
		setsockopt(sv[0], SOL_SOCKET, SO_SNDBUFFORCE, &sz, sizeof(sz));
		setsockopt(sv[1], SOL_SOCKET, SO_RCVBUFFORCE, &sz, sizeof(sz));
		fcntl(sv[0], F_SETFL, O_NONBLOCK);
		for (;;) {
			ssize_t n = write(sv[0], chunk, sizeof(chunk));
			if (n <= 0)
				break;
			long before = done_kib / 65536;
			done_kib += n / 1024;
			if (done_kib / 65536 != before)
				fprintf(stderr, "lowmem: %ld MiB in socket buffers\n", done_kib / 1024);
			if (done_kib >= want_kib)
				break;
		}
	}
	return 0;
}

static int files(long n)
{
	const char *dir = getenv("LOWMEM_DIR");
	char path[512];
	if (!dir)
		dir = "/lowmem";
	for (long i = 0; i < n; i++) {
		snprintf(path, sizeof(path), "%s/%ld", dir, i);
		int fd = open(path, O_CREAT | O_WRONLY, 0600);
		if (fd < 0) {
			fprintf(stderr, "lowmem: %s: %s\n", path, strerror(errno));
			break;
		}
		close(fd);
		if (i % 100000 == 0)
			fprintf(stderr, "lowmem: %ld files\n", i);
	}
	return 0;
}

int main(int argc, char **argv)
{
	if (argc != 3) {
		fprintf(stderr, "usage: lowmem --sockets MIB | --files N\n");
		return 2;
	}
	long n = strtol(argv[2], NULL, 10);
	adj();
	if (strcmp(argv[1], "--sockets") == 0)
		sockets(n);
	else if (strcmp(argv[1], "--files") == 0)
		files(n);
	else
		return 2;
	fprintf(stderr, "lowmem: done, holding\n");
	for (;;)
		pause();
}
