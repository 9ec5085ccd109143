/* test_report_decompress.c — report/decompress.c: the magic numbers sniffed
 * (gzip, xz, zstd, bzip2 with its block digit, lz4; text is plain), the
 * system's tool run on a seekable file and on a pipe (the sniffed bytes
 * fed back), a missing tool named with its package, and a corrupt input
 * reported by decompress_finish.  Compressed logs end to end:
 * tests/e2e/explain_cli.sh. */
#include <errno.h>
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

#include "check.h"
#include "report/decompress.h"

/* printf 'hello oom\n' | gzip -n */
static const unsigned char gz[] = {
	0x1f, 0x8b, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x03, 0xcb, 0x48, 0xcd, 0xc9, 0xc9, 0x57,
	0xc8, 0xcf, 0xcf, 0xe5, 0x02, 0x00, 0x4b, 0x7e, 0x37, 0xd4, 0x0a, 0x00, 0x00, 0x00,
};

static const char *sniff(const char *bytes, size_t n, const char **pkg)
{
	*pkg = NULL;
	return decompress_sniff((const unsigned char *)bytes, n, pkg);
}

TEST(magics)
{
	const char *pkg;
	CHECK_STR(sniff("\x1f\x8b\x08", 3, &pkg), "gzip");
	CHECK_STR(pkg, "gzip");
	CHECK_STR(sniff("\xfd" "7zXZ\0\0", 7, &pkg), "xz");
	CHECK_STR(pkg, "xz-utils");                 /* the Debian package to suggest */
	CHECK_STR(sniff("\x28\xb5\x2f\xfd", 4, &pkg), "zstd");
	CHECK_STR(sniff("BZh9", 4, &pkg), "bzip2");
	CHECK_STR(sniff("\x04\x22\x4d\x18", 4, &pkg), "lz4");
	CHECK(sniff("BZh", 3, &pkg) == NULL);       /* "BZh" alone could start a line */
	CHECK(sniff("BZhello", 7, &pkg) == NULL);
	CHECK(sniff("\x1f", 1, &pkg) == NULL);      /* too short for any magic */
	CHECK(sniff("Nov 20 kernel: java invoked oom-killer", 38, &pkg) == NULL);
	CHECK(pkg == NULL);
	CHECK(sniff("", 0, &pkg) == NULL);
	CHECK_STR(decompress_sniff(gz, sizeof(gz), NULL), "gzip");   /* package may be NULL */
}

static int have_tool(const char *tool)
{
	char cmd[128];
	snprintf(cmd, sizeof(cmd), "command -v %s >/dev/null 2>&1", tool);
	return system(cmd) == 0;
}

/* Reads the tool's output to the end, and reaps it. */
static int run_tool(int fd, const unsigned char *head, size_t head_len, char *out, size_t outlen,
		    char *err, size_t errlen)
{
	struct decompressor d;
	memset(&d, 0, sizeof(d));
	int rc = decompress_start(&d, "gzip", "gzip", fd, head, head_len, err, errlen);
	if (rc < 0)
		return rc;
	size_t n = 0;
	ssize_t r;
	while (n + 1 < outlen && (r = read(d.out_fd, out + n, outlen - 1 - n)) > 0)
		n += (size_t)r;
	out[n] = '\0';
	return decompress_finish(&d, false, err, errlen);
}

TEST(gzip_seekable_and_pipe)
{
	if (!have_tool("gzip")) {
		SKIP("gzip not installed");
		return;
	}
	char out[256], err[256] = "";
	/* a seekable file: the sniffed head is put back by seeking */
	int fd = memfd_create("gz", MFD_CLOEXEC);
	CHECK(fd >= 0 && write(fd, gz, sizeof(gz)) == (ssize_t)sizeof(gz));
	lseek(fd, 0, SEEK_SET);
	unsigned char head[8];
	CHECK(read(fd, head, sizeof(head)) == (ssize_t)sizeof(head));
	CHECK_INT(run_tool(fd, head, sizeof(head), out, sizeof(out), err, sizeof(err)), 0);
	CHECK_STR(out, "hello oom\n");
	close(fd);
	/* a pipe: the head is fed to the tool ahead of the rest */
	int p[2];
	CHECK(pipe(p) == 0);
	CHECK(write(p[1], gz + 8, sizeof(gz) - 8) == (ssize_t)(sizeof(gz) - 8));
	close(p[1]);
	CHECK_INT(run_tool(p[0], gz, 8, out, sizeof(out), err, sizeof(err)), 0);
	CHECK_STR(out, "hello oom\n");
	close(p[0]);
}

TEST(corrupt_input)
{
	if (!have_tool("gzip")) {
		SKIP("gzip not installed");
		return;
	}
	char out[256], err[256] = "";
	unsigned char bad[sizeof(gz)];
	memcpy(bad, gz, sizeof(gz));
	bad[12] ^= 0xff;                            /* the deflate stream broken */
	bad[sizeof(bad) - 5] ^= 0xff;               /* and the CRC */
	int fd = memfd_create("gz", MFD_CLOEXEC);
	CHECK(fd >= 0 && write(fd, bad, sizeof(bad)) == (ssize_t)sizeof(bad));
	lseek(fd, 0, SEEK_SET);
	CHECK_INT(run_tool(fd, NULL, 0, out, sizeof(out), err, sizeof(err)), -EIO);
	CHECK(strstr(err, "gzip") != NULL);         /* the message names the tool */
	close(fd);
}

TEST(missing_tool)
{
	struct decompressor d;
	memset(&d, 0, sizeof(d));
	char err[256] = "";
	int fd = open("/dev/null", O_RDONLY | O_CLOEXEC);
	int rc = decompress_start(&d, "oomkit-no-such-decompressor", "oomkit-pkg", fd, NULL, 0, err, sizeof(err));
	CHECK_INT(rc, -ENOEXEC);
	CHECK(strstr(err, "oomkit-no-such-decompressor") != NULL);
	CHECK(strstr(err, "not installed") != NULL);
	close(fd);
	/* no child left behind */
	CHECK(waitpid(-1, NULL, WNOHANG) <= 0);
}

int main(void)
{
	RUN(magics);
	RUN(gzip_seekable_and_pipe);
	RUN(corrupt_input);
	RUN(missing_tool);
	return check_summary();
}
