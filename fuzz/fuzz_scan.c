/* fuzz_scan.c — the scanner over arbitrary bytes (through a memfd, as a
 * file would come), switching between idle and all-lines mode the way the
 * parser does: every line of a marker's neighbourhood, then idle again.
 * Seeds: fuzz/seeds/scan/ (corpus reports and transport fixtures). */
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "report/decompress.h"
#include "report/report.h"

static void check_line(const struct report_line *l)
{
	/* every byte of every returned field must be readable */
	volatile unsigned char sink = 0;
	for (size_t i = 0; i < l->len; i++)
		sink ^= (unsigned char)l->text[i];
	for (size_t i = 0; l->time && i < l->time_len; i++)
		sink ^= (unsigned char)l->time[i];
	for (size_t i = 0; l->host && i < l->host_len; i++)
		sink ^= (unsigned char)l->host[i];
	for (size_t i = 0; l->caller && i < l->caller_len; i++)
		sink ^= (unsigned char)l->caller[i];
	if (l->len > 65536 * 2 + 64)
		abort();  /* bounded */
	(void)sink;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	int fd = memfd_create("fuzz_scan", MFD_CLOEXEC);
	if (fd < 0)
		return 0;
	/* no decompressor children from the fuzzer: a newline defuses the magic */
	if (decompress_sniff(data, size, NULL) && write(fd, "\n", 1) != 1)
		goto out;
	if (size && write(fd, data, size) != (ssize_t)size)
		goto out;
	if (lseek(fd, 0, SEEK_SET) != 0)
		goto out;

	struct report_scanner *s;
	if (report_scanner_open(&s, fd, "fuzz") == 0) {
		struct report_line l;
		int budget = 0;
		uint64_t last = 0;
		while (report_scanner_next(s, budget > 0, &l) > 0) {
			check_line(&l);
			if (l.lineno < last)
				abort();  /* line numbers never go back */
			last = l.lineno;
			if (report_has_marker(l.text, l.len))
				budget = 30;
			else if (budget > 0)
				budget--;
			(void)report_scanner_warning(s);
		}
		(void)report_scanner_error(s);
		(void)report_scanner_lines(s);
		report_scanner_close(s);
	}
out:
	close(fd);
	return 0;
}
