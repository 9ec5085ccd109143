/* fuzz_scan.c — the scanner over arbitrary bytes (through a memfd, as a
 * file would come), switching between idle and all-lines mode the way the
 * parser does: every line of a marker's neighbourhood, then idle again.
 * Then the same bytes from memory through scanner and parser together
 * (report_read_mem: back-fill windows, learned prefixes, duplicate records,
 * reassembly), newest-first order told and turned back (report/order.c),
 * the line-kind table on every line, the guard's kmsg-record
 * kinds and kill facts (kernel_kill.c), boot banners' boot
 * times, and the vector needle search (and its newline count) against its
 * scalar reference.
 * Seeds: fuzz/seeds/scan/ and the corpus reports and transport fixtures
 * fuzz/seeds/scan.shared names. */
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "report/decompress.h"
#include "report/linekind.h"
#include "report/needle.h"
#include "report/order.h"
#include "report/report.h"

static void check_event(struct oom_event *ev, void *ctx)
{
	(void)ctx;
	if (memchr(ev->victim.comm, 0, sizeof(ev->victim.comm)) == NULL ||
	    memchr(ev->kernel, 0, sizeof(ev->kernel)) == NULL ||
	    memchr(ev->side.slab_cache, 0, sizeof(ev->side.slab_cache)) == NULL ||
	    memchr(ev->side.driver, 0, sizeof(ev->side.driver)) == NULL)
		abort();
	if (ev->first_line > ev->last_line || (ev->kind == OOM_KIND_FRAGMENT && ev->have_victim))
		abort();
}

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
			if ((unsigned)line_kind_of(l.text, l.len) >= LK_COUNT)
				abort();
			if (l.lineno < last)
				abort();  /* line numbers never go back */
			last = l.lineno;
			if (report_has_marker(l.text, l.len))
				budget = 30;
			else if (budget > 0)
				budget--;
			if (l.boot_banner) {
				/* the boot time of the banners so far, for an event here */
				int64_t boot;
				uint64_t bl;
				if (report_scanner_boot_time(s, l.host ? "h" : NULL, l.lineno + 1, &boot, &bl) == 1 && bl > l.lineno)
					abort();
			}
			(void)report_scanner_warning(s);
		}
		(void)report_scanner_error(s);
		(void)report_scanner_lines(s);
		report_scanner_close(s);
	}
out:
	close(fd);
	/* the vector kernels equal the scalar reference */
	size_t w0 = 0, w1 = 0;
	size_t r0 = needle_find_scalar((const char *)data, size, &w0), r1 = needle_find((const char *)data, size, &w1);
	uint64_t nl = 0;
	size_t w2 = 0, r2 = needle_find_nl((const char *)data, size, &w2, &nl);
	if (r0 != r1 || (r0 < size && w0 != w1) ||
	    needle_count_newlines((const char *)data, size) != needle_count_newlines_scalar((const char *)data, size) ||
	    r2 != r0 || (r0 < size && w2 != w0) || nl != needle_count_newlines_scalar((const char *)data, r0))
		abort();
	/* and each kernel the CPU has (SSSE3/AVX2 Teddy, AVX-512), called directly */
	if (needle_selfcheck((const char *)data, size) != 0)
		abort();
	/* newest-first order: asked of any text; turned round, the text holds
	 * the same lines (each then ends with a newline), in records moved
	 * whole: the same bytes, counted */
	(void)order_newest_first((const char *)data, size);
	char *rv = malloc(size + 1);
	if (rv) {
		size_t n = size;
		memcpy(rv, data, size);
		bool add_nl = size && data[size - 1] != '\n';
		if (!order_reverse_lines(rv, &n, size + 1) || n != size + add_nl || (n && rv[n - 1] != '\n'))
			abort();
		size_t hist[256] = { 0 };
		for (size_t i = 0; i < size; i++)
			hist[data[i]]++;
		hist['\n'] += add_nl;
		for (size_t i = 0; i < n; i++)
			if (hist[(unsigned char)rv[i]]-- == 0)
				abort();
		free(rv);
	}
	/* scanner and parser together, from memory (compressed text is refused) */
	(void)report_read_mem((const char *)data, size, "fuzz", check_event, NULL, NULL);
	/* the guard's kmsg watch: one record's kind, a capture's victim */
	struct report_kill_facts kf;
	if (report_record_kind((const char *)data, size) >= LK_COUNT ||
	    (report_kill_facts((const char *)data, size, &kf) == 0 && kf.comm[sizeof(kf.comm) - 1]))
		abort();
	return 0;
}
