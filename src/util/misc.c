/* misc.c — formatting and small-file helpers. */
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <string.h>
#include <unistd.h>

#include "util/util.h"

const char *fmt_kib(char *dst, size_t dstlen, int64_t kib)
{
	if (kib == OOM_NA) {
		snprintf(dst, dstlen, "?");
		return dst;
	}
	const char *unit[] = { "KiB", "MiB", "GiB", "TiB", "PiB" };
	double v = (double)kib;
	bool neg = v < 0;
	if (neg)
		v = -v;
	size_t u = 0;
	while (v >= 1024 && u + 1 < ARRAY_SIZE(unit)) {
		v /= 1024;
		u++;
	}
	if (u == 0 || v >= 100 || v == (double)(int64_t)v)
		snprintf(dst, dstlen, "%s%.0f %s", neg ? "-" : "", v, unit[u]);
	else if (v >= 10)
		snprintf(dst, dstlen, "%s%.1f %s", neg ? "-" : "", v, unit[u]);
	else
		snprintf(dst, dstlen, "%s%.2f %s", neg ? "-" : "", v, unit[u]);
	return dst;
}

/* once: a single read(2), enough for a /proc seq file whose content fits
 * the buffer (single_open files hand over everything on the first read). */
static ssize_t read_small(int dirfd, const char *path, char *dst, size_t cap, bool once)
{
	if (cap == 0)
		return -EINVAL;
	int fd = openat(dirfd, path, O_RDONLY | O_CLOEXEC | O_NOCTTY);
	if (fd < 0)
		return -errno;
	size_t got = 0;
	while (got < cap - 1) {
		ssize_t n = read(fd, dst + got, cap - 1 - got);
		if (n < 0) {
			if (errno == EINTR)
				continue;
			int e = errno;
			close(fd);
			return -e;
		}
		if (n == 0)
			break;
		got += (size_t)n;
		if (once)
			break;
	}
	close(fd);
	dst[got] = '\0';
	return (ssize_t)got;
}

ssize_t read_small_file_at(int dirfd, const char *path, char *dst, size_t cap)
{
	return read_small(dirfd, path, dst, cap, false);
}

ssize_t read_small_file_once_at(int dirfd, const char *path, char *dst, size_t cap)
{
	return read_small(dirfd, path, dst, cap, true);
}

ssize_t read_small_file(const char *path, char *dst, size_t cap)
{
	return read_small_file_at(AT_FDCWD, path, dst, cap);
}

void str_copy(char *dst, size_t dstlen, const char *src, size_t srclen)
{
	if (!dstlen)
		return;
	size_t n = srclen < dstlen - 1 ? srclen : dstlen - 1;
	memcpy(dst, src, n);
	dst[n] = '\0';
}

bool str_starts(const char *s, const char *prefix)
{
	return strncmp(s, prefix, strlen(prefix)) == 0;
}

/* A line of text (the parser asks dozens of literals of each report line):
 * memchr on the literal's first byte that is not a blank, then memcmp —
 * several times glibc's memmem there, whose set-up (a 256-byte shift table
 * per call) dominates short haystacks (bench/explain).  The anchor's hits
 * come in order, so the first match found is the first in the text.
 * Longer haystacks keep memmem's linear worst case. */
#define MEM_FIND_SHORT 1024

const char *mem_find_n(const char *s, size_t len, const char *needle, size_t n)
{
	if (n == 0)
		return s;
	if (n > len)
		return NULL;
	if (len > MEM_FIND_SHORT)
		return memmem(s, len, needle, n);
	/* the anchor: the literal's first byte that is no blank or separator
	 * (a third of log text is blanks: " invoked oom-killer" anchored on
	 * its blank would stop at every word of the line) */
	size_t a = 0;
	while (a + 1 < n && (needle[a] == ' ' || needle[a] == ':' || needle[a] == ','))
		a++;
	char anchor = needle[a], last = needle[n - 1];
	const char *end = s + (len - n) + 1;   /* one past the last possible start */
	for (const char *p = s; p < end; p++) {
		const char *h = memchr(p + a, anchor, (size_t)(end - p));
		if (!h)
			return NULL;
		p = h - a;
		if (p[n - 1] == last && memcmp(p, needle, n) == 0)
			return p;
	}
	return NULL;
}
