/* decompress.h — compressed log input through the system's own tool.
 *
 * Internal to src/report: the scanner sniffs the first bytes of its input
 * and, for gzip/xz/zstd/bzip2/lz4, runs "TOOL -dc" as a child process with
 * the input as its stdin and reads the plain text from a pipe.  No shell,
 * no file names on a command line. */
#ifndef OOMKIT_REPORT_DECOMPRESS_H
#define OOMKIT_REPORT_DECOMPRESS_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

struct decompressor {
	const char *tool;      /* "gzip", NULL when the input is plain */
	const char *package;   /* Debian package that ships the tool */
	pid_t pid;             /* the decompressor; 0 none */
	pid_t feeder;          /* copies an unseekable input (plus the sniffed bytes) to it; 0 none */
	int out_fd;            /* read the plain text here; -1 none */
	int err_fd;            /* the tool's stderr (a memfd), for the failure message; -1 none */
};

/* The tool for these leading bytes, or NULL for plain text.  *package gets
 * the package name to suggest when the tool is missing. */
const char *decompress_sniff(const unsigned char *head, size_t len, const char **package);

/* Starts the tool on fd.  head[0..head_len) are bytes already read from fd
 * (the sniffed start); they are put back by seeking when fd is seekable,
 * else fed to the tool ahead of the rest of fd by a small child process.
 * Returns 0 or -errno (-ENOEXEC: the tool is not installed); err gets a
 * message on failure. */
int decompress_start(struct decompressor *d, const char *tool, const char *package, int fd,
		     const unsigned char *head, size_t head_len, char *err, size_t errlen);

/* Reaps the children.  early = the reader stopped before the end, so the
 * children are told to stop (SIGTERM) and their exit status is not a
 * failure.  Returns 0, or -EIO when the tool failed (err says how). */
int decompress_finish(struct decompressor *d, bool early, char *err, size_t errlen);

#endif
