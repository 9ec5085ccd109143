/* view.h — an input file mapped whole and read in place (view.c), private
 * to report/scan.c and its tests.
 *
 * A read() copies every byte of a large log from the page cache into the
 * scanner's buffer; on kernels that map a file's page cache in large folios
 * (6.x) a mapping costs a fraction of that copy (bench/explain/README.md).
 * The scanner keeps its read() path for pipes, small files, decompressed
 * input and kernels or machines where a mapping fails. */
#ifndef OOMKIT_VIEW_H
#define OOMKIT_VIEW_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct view {
	const char *data;   /* the input's first unread byte at view_open, less `already` */
	uint64_t len;       /* bytes of input at data */
	uint64_t file_off;  /* file offset of data[0] */
	void *map;          /* the mapping: the file from offset 0 */
	size_t map_len;
	size_t dropped;     /* [map, map + dropped) handed back */
	int slot;           /* in the SIGBUS registry; -1 when not mapped */
};

/* Maps the regular file fd whole when at least `min` bytes of it are left
 * from its offset on, `already` of them read before (and so still wanted at
 * data[0..already)).  0; -ENOTSUP when the input is no regular file, too
 * small, OOMKIT_MMAP=0 is set, or the mapping fails: the caller reads as
 * before.  The file offset is not moved. */
int view_open(struct view *v, int fd, uint64_t already, uint64_t min);
/* In-memory text read the same way (nothing mapped, nothing handed back). */
void view_borrow(struct view *v, const char *text, size_t len);
/* The input below data + upto is never looked at again: its pages are
 * handed back in steps of VIEW_DROP_STEP, so the resident size stays that
 * of a read buffer. */
void view_done(struct view *v, uint64_t upto);
/* The file shrank under the mapping (truncated or rewritten in place while
 * read): a page past its new end was served as zeros, not as SIGBUS.  Once
 * true, stays true. */
bool view_cut(const struct view *v);
void view_close(struct view *v);

#define VIEW_DROP_STEP (4u << 20)

#endif
