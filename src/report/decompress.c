/* decompress.c — run the system's decompressor on a compressed log.
 *
 * Rotated logs (kern.log.2.gz, messages-20261120.xz, journal exports .zst)
 * are read through the distribution's own tool: oomkit links nothing but
 * libc, and the tools are hardened and fast.  The tool is found on PATH by
 * execvp with a fixed argv ("gzip", "-dc"); the input reaches it as stdin,
 * so no file name is ever interpolated anywhere. */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

#include "report/decompress.h"

struct magic {
	const char *tool;
	const char *package;
	unsigned char bytes[6];
	size_t len;
};

/* Magic numbers: RFC 1952 (gzip), xz file format 1.0.4 §2.1.1.1, RFC 8878
 * (zstd frame), bzip2 "BZh" + block size digit, LZ4 frame format 1.6. */
static const struct magic magics[] = {
	{ "gzip", "gzip", { 0x1f, 0x8b }, 2 },
	{ "xz", "xz-utils", { 0xfd, '7', 'z', 'X', 'Z', 0x00 }, 6 },
	{ "zstd", "zstd", { 0x28, 0xb5, 0x2f, 0xfd }, 4 },
	{ "bzip2", "bzip2", { 'B', 'Z', 'h' }, 3 },
	{ "lz4", "lz4", { 0x04, 0x22, 0x4d, 0x18 }, 4 },
};

const char *decompress_sniff(const unsigned char *head, size_t len, const char **package)
{
	for (size_t i = 0; i < sizeof(magics) / sizeof(magics[0]); i++) {
		const struct magic *m = &magics[i];
		if (len < m->len || memcmp(head, m->bytes, m->len) != 0)
			continue;
		/* "BZh" alone could start a text line; the block size digit follows. */
		if (m->bytes[0] == 'B' && (len < 4 || head[3] < '1' || head[3] > '9'))
			continue;
		if (package)
			*package = m->package;
		return m->tool;
	}
	return NULL;
}

static int write_all(int fd, const void *data, size_t len)
{
	const char *p = data;
	while (len > 0) {
		ssize_t n = write(fd, p, len);
		if (n < 0) {
			if (errno == EINTR)
				continue;
			return -errno;
		}
		p += n;
		len -= (size_t)n;
	}
	return 0;
}

/* Child side of the feeder: the sniffed bytes, then the rest of the input. */
static void feed_and_exit(int in_fd, int out_fd, const unsigned char *head, size_t head_len)
{
	static char chunk[65536];
	signal(SIGPIPE, SIG_DFL);
	if (write_all(out_fd, head, head_len) < 0)
		_exit(1);
	for (;;) {
		ssize_t n = read(in_fd, chunk, sizeof(chunk));
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			_exit(n < 0 ? 1 : 0);
		if (write_all(out_fd, chunk, (size_t)n) < 0)
			_exit(1);
	}
}

int decompress_start(struct decompressor *d, const char *tool, const char *package, int fd,
		     const unsigned char *head, size_t head_len, char *err, size_t errlen)
{
	int in_fd = fd, feed_pipe[2] = { -1, -1 }, out_pipe[2], err_pipe[2], e;
	pid_t feeder = 0;

	/* Put the sniffed bytes back: seek when we can, else feed them. */
	if (lseek(fd, -(off_t)head_len, SEEK_CUR) < 0) {
		if (pipe2(feed_pipe, O_CLOEXEC) < 0) {
			e = errno;
			snprintf(err, errlen, "cannot start %s: %s", tool, strerror(e));
			return -e;
		}
		feeder = fork();
		if (feeder < 0) {
			e = errno;
			close(feed_pipe[0]);
			close(feed_pipe[1]);
			snprintf(err, errlen, "cannot start %s: %s", tool, strerror(e));
			return -e;
		}
		if (feeder == 0) {
			close(feed_pipe[0]);
			feed_and_exit(fd, feed_pipe[1], head, head_len);
		}
		close(feed_pipe[1]);
		in_fd = feed_pipe[0];
	}

	if (pipe2(out_pipe, O_CLOEXEC) < 0) {
		e = errno;
		snprintf(err, errlen, "cannot start %s: %s", tool, strerror(e));
		goto fail_feeder;
	}
	if (pipe2(err_pipe, O_CLOEXEC) < 0) {
		e = errno;
		close(out_pipe[0]);
		close(out_pipe[1]);
		snprintf(err, errlen, "cannot start %s: %s", tool, strerror(e));
		goto fail_feeder;
	}
	/* The tool's complaints are kept and quoted in our own message. */
	int tool_err = memfd_create("oomkit-decompress-stderr", MFD_CLOEXEC);
	pid_t pid = fork();
	if (pid < 0) {
		e = errno;
		close(out_pipe[0]);
		close(out_pipe[1]);
		close(err_pipe[0]);
		close(err_pipe[1]);
		if (tool_err >= 0)
			close(tool_err);
		snprintf(err, errlen, "cannot start %s: %s", tool, strerror(e));
		goto fail_feeder;
	}
	if (pid == 0) {
		/* Only async-signal-safe calls from here on. */
		signal(SIGPIPE, SIG_DFL);
		if (dup2(in_fd, 0) < 0 || dup2(out_pipe[1], 1) < 0 || (tool_err >= 0 && dup2(tool_err, 2) < 0)) {
			e = errno;
		} else {
			char *const argv[] = { (char *)tool, (char *)"-dc", NULL };
			execvp(tool, argv);
			e = errno;
		}
		(void)!write(err_pipe[1], &e, sizeof(e));
		_exit(127);
	}
	close(out_pipe[1]);
	close(err_pipe[1]);
	if (feed_pipe[0] >= 0)
		close(feed_pipe[0]);

	/* The exec either succeeds (the CLOEXEC pipe closes: 0 bytes) or the
	 * child sends its errno. */
	int child_errno = 0;
	ssize_t n;
	do
		n = read(err_pipe[0], &child_errno, sizeof(child_errno));
	while (n < 0 && errno == EINTR);
	close(err_pipe[0]);
	if (n == (ssize_t)sizeof(child_errno)) {
		close(out_pipe[0]);
		if (tool_err >= 0)
			close(tool_err);
		while (waitpid(pid, NULL, 0) < 0 && errno == EINTR)
			;
		if (feeder > 0) {
			kill(feeder, SIGTERM);
			while (waitpid(feeder, NULL, 0) < 0 && errno == EINTR)
				;
		}
		if (child_errno == ENOENT)
			snprintf(err, errlen, "compressed input needs '%s', which is not installed "
				 "(install the %s package)", tool, package);
		else
			snprintf(err, errlen, "cannot run '%s' to decompress: %s", tool, strerror(child_errno));
		return child_errno == ENOENT ? -ENOEXEC : -child_errno;
	}
	d->tool = tool;
	d->package = package;
	d->pid = pid;
	d->feeder = feeder;
	d->out_fd = out_pipe[0];
	d->err_fd = tool_err;
	return 0;

fail_feeder:
	if (feeder > 0) {
		close(feed_pipe[0]);
		kill(feeder, SIGTERM);
		while (waitpid(feeder, NULL, 0) < 0 && errno == EINTR)
			;
	}
	return -e;
}

static int reap(pid_t pid, int *status)
{
	while (waitpid(pid, status, 0) < 0) {
		if (errno != EINTR)
			return -errno;
	}
	return 0;
}

int decompress_finish(struct decompressor *d, bool early, char *err, size_t errlen)
{
	int ret = 0, status;
	if (d->out_fd >= 0) {
		close(d->out_fd);
		d->out_fd = -1;
	}
	if (early) {
		/* We stopped reading: the children would block or die of SIGPIPE. */
		if (d->feeder > 0)
			kill(d->feeder, SIGTERM);
		if (d->pid > 0)
			kill(d->pid, SIGTERM);
	}
	if (d->pid > 0 && reap(d->pid, &status) == 0 && !early) {
		if (WIFEXITED(status) && WEXITSTATUS(status) != 0) {
			/* quote the tool's first line of complaint, made printable */
			char said[160] = "";
			ssize_t got = d->err_fd >= 0 ? pread(d->err_fd, said, sizeof(said) - 1, 0) : -1;
			if (got > 0) {
				said[got] = '\0';
				size_t lead = strspn(said, "\n\r\t ");
				memmove(said, said + lead, strlen(said + lead) + 1);
				said[strcspn(said, "\n")] = '\0';
				for (char *c = said; *c; c++)
					if ((unsigned char)*c < 0x20 || *c == 0x7f)
						*c = '?';
			}
			snprintf(err, errlen, "%s -dc failed (exit status %d%s%s): the input is corrupt "
				 "or cut short", d->tool, WEXITSTATUS(status), said[0] ? ": " : "", said);
			ret = -EIO;
		} else if (WIFSIGNALED(status)) {
			snprintf(err, errlen, "%s -dc was killed by signal %d", d->tool, WTERMSIG(status));
			ret = -EIO;
		}
	}
	if (d->feeder > 0)
		reap(d->feeder, &status);
	if (d->err_fd >= 0) {
		close(d->err_fd);
		d->err_fd = -1;
	}
	d->pid = d->feeder = 0;
	return ret;
}
