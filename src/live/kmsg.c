/* kmsg.c — this machine's kernel log, the one place that knows where it is:
 * the ring buffer through /dev/kmsg (records "6,1234,5678,-;text", read
 * without blocking until EAGAIN), else through syslog(2)
 * SYSLOG_ACTION_READ_ALL ("<6>[  12.345678] text" lines: CONFIG_PRINTK
 * without /dev/kmsg access, or dmesg_restrict with CAP_SYSLOG only),
 * else the files syslog daemons keep (/var/log/kern.log, /var/log/messages).
 * The report scanner reads every one of these formats (src/report/). */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/klog.h>
#include <unistd.h>

#include "live/live.h"
#include "util/util.h"

/* syslog(2) actions (include/linux/syslog.h): not every libc names them. */
enum { KLOG_READ_ALL = 3, KLOG_SIZE_BUFFER = 10 };

#define KMSG_MAX_BYTES (32u << 20)   /* the largest ring (log_buf_len=) is 32 MiB */

int live_read_kmsg(struct buf *out)
{
	int fd = open("/dev/kmsg", O_RDONLY | O_NONBLOCK | O_CLOEXEC);
	if (fd < 0)
		return -errno;
	/* One read() returns one record and needs room for it whole: at most
	 * PRINTK_MESSAGE_MAX (2 KiB of text) escaped, so 8 KiB is enough. */
	char rec[8192];
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
		if (buf_add(out, rec, (size_t)n) < 0 || out->len > KMSG_MAX_BYTES) {
			rc = -ENOMEM;
			break;
		}
		if (rec[n - 1] != '\n' && buf_addc(out, '\n') < 0)
			break;
	}
	close(fd);
	return rc;
}

int live_read_klog(struct buf *out)
{
	int size = klogctl(KLOG_SIZE_BUFFER, NULL, 0);
	if (size < 0)
		return -errno;
	if (size == 0)
		return 0;
	if ((unsigned)size > KMSG_MAX_BYTES)
		size = KMSG_MAX_BYTES;
	size_t at = out->len;
	if (buf_reserve(out, (size_t)size) < 0)
		return -ENOMEM;
	int n = klogctl(KLOG_READ_ALL, out->data + at, size);
	if (n < 0)
		return -errno;
	out->len = at + (size_t)n;
	out->data[out->len] = '\0';
	return 0;
}

static void why_add(struct live_machine_log *l, const char *what, int rc)
{
	size_t u = strlen(l->why);
	snprintf(l->why + u, sizeof(l->why) - u, "%s%s: %s", u ? "; " : "", what,
		 rc < 0 ? strerror(-rc) : "empty");
}

int live_open_machine_log(struct live_machine_log *l)
{
	memset(l, 0, sizeof(*l));
	l->fd = -1;
	buf_init(&l->text);
	int rc = live_read_kmsg(&l->text);
	if (l->text.len > 0) {
		l->source = LIVE_LOG_KMSG;
		l->name = "/dev/kmsg";
		return 0;
	}
	why_add(l, "/dev/kmsg", rc);
	rc = live_read_klog(&l->text);
	if (l->text.len > 0) {
		l->source = LIVE_LOG_SYSLOG;
		l->name = "syslog(2)";
		return 0;
	}
	why_add(l, "syslog(2)", rc);
	buf_release(&l->text);
	static const char *const files[] = { "/var/log/kern.log", "/var/log/messages" };
	for (size_t i = 0; i < ARRAY_SIZE(files); i++) {
		l->fd = open(files[i], O_RDONLY | O_CLOEXEC);
		if (l->fd >= 0) {
			l->source = LIVE_LOG_FILE;
			l->name = files[i];
			return 0;
		}
		why_add(l, files[i], -errno);
	}
	l->source = LIVE_LOG_NONE;
	l->name = "kernel log";
	return -ENOENT;
}

void live_machine_log_close(struct live_machine_log *l)
{
	buf_release(&l->text);
	if (l->fd >= 0)
		close(l->fd);
	l->fd = -1;
}
