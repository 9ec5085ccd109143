/* kmsg.c — the kernel log ring as /dev/kmsg records ("6,1234,5678,-;text"),
 * read without blocking: every record still in the ring, then EAGAIN.  The
 * report scanner understands this format (src/report/scan.c). */
#include <errno.h>
#include <fcntl.h>
#include <unistd.h>

#include "live/live.h"

int live_read_kmsg(struct buf *out)
{
	int fd = open("/dev/kmsg", O_RDONLY | O_NONBLOCK | O_CLOEXEC);
	if (fd < 0)
		return -errno;
	char rec[8192];   /* a record is at most ~1 KiB text + escapes; read() needs it whole */
	int rc = 0;
	for (;;) {
		ssize_t n = read(fd, rec, sizeof(rec));
		if (n < 0) {
			if (errno == EINTR)
				continue;
			if (errno == EPIPE)
				continue;   /* records overwritten while we read: go on from the next */
			if (errno != EAGAIN)
				rc = -errno;
			break;
		}
		if (n == 0)
			break;
		if (buf_add(out, rec, (size_t)n) < 0 || out->len > (32u << 20)) {
			rc = -ENOMEM;
			break;
		}
		if (rec[n - 1] != '\n' && buf_addc(out, '\n') < 0)
			break;
	}
	close(fd);
	return rc;
}
