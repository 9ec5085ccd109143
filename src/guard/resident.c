/* resident.c — keep resident (and, after mlockall, locked) only what the
 * guard's loop uses.
 *
 * At start-up the guard runs code it will never run again: option and
 * config parsing, the dynamic loader's relocation, libc's initialisation.
 * Their pages stay mapped, and the kernel's fault-around (mm/memory.c,
 * do_fault_around: 64 KiB around every read fault of a file page) maps
 * their neighbours too.  mlockall(MCL_CURRENT) would then pin all of that.
 * So before the warm-up pass the page-table entries of every read-only
 * private file mapping are dropped (MADV_DONTNEED: the pages stay in the
 * page cache, a later touch maps them again), and the warm-up maps back
 * exactly the code and constants the loop and a decision use.
 *
 * Only mappings whose content is the file's are dropped: read-only,
 * private, file-backed, and without a single anonymous (copied-on-write)
 * page, so RELRO pages (the relocated GOT, made read-only after the
 * loader wrote them) and anything ever written are never touched.  The
 * binary is linked with -z now, so no lazy binding brings ld.so's text
 * back after.
 *
 * The warm-up then maps exactly the pages it touches, not their 64 KiB
 * windows: fault-around never crosses a mapping's end (mm/memory.c,
 * do_fault_around, 6.4+: from_pte/to_pte clamped to the VMA; earlier the
 * same through max/min of vm_start/vm_end), so the dropped mappings are
 * cut into one-page VMAs for the warm-up by giving every other page
 * another vm_flag (MADV_RANDOM: only readahead reads it, and these pages
 * are in the page cache already).  guard_settle_resident() then gives the
 * whole range MADV_NORMAL again, and the kernel merges the pieces back
 * into one VMA each.  Measured on a 6.18 kernel: libc's text was ~15
 * windows (~900 KiB) resident for a few dozen functions. */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "guard/guard.h"
#include "live/live.h"
#include "util/util.h"

#define MAX_RANGES 256

struct range {
	uintptr_t start, end;
	bool candidate;      /* read-only, private, file-backed */
	bool written;        /* "Anonymous:" above 0, or unknown */
};

/* The mappings cut into pages by guard_trim_resident, to be merged back
 * by guard_settle_resident (a handful: our binary's and libc's text and
 * constants). */
#define MAX_SPLIT 16
static struct {
	uintptr_t start, end;
} split[MAX_SPLIT];
static int nr_split;

/* Cut [start, end) into one-page VMAs: every other page MADV_RANDOM. */
static void split_pages(uintptr_t start, uintptr_t end, uintptr_t ps)
{
	if (nr_split >= MAX_SPLIT || end - start < 2 * ps)
		return;
	split[nr_split].start = start;
	split[nr_split].end = end;
	nr_split++;
	for (uintptr_t a = start + ps; a < end; a += 2 * ps)
		if (madvise((void *)a, ps, MADV_RANDOM) != 0)
			break;   /* out of map count or refused: the rest keeps its windows */
}

int guard_settle_resident(void)
{
	/* The hot code, whole: a first decision or kill must not wait for
	 * the page cache on a machine short of memory.  Only when the link
	 * order put the markers around it (not in the unit tests). */
	uintptr_t hb = (uintptr_t)guard_hot_begin, he = (uintptr_t)guard_hot_end;
	long ps = sysconf(_SC_PAGESIZE);
	if (nr_split > 0 && ps > 0 && he > hb && he - hb < 1024 * 1024)
		for (uintptr_t a = hb; a < he; a += (uintptr_t)ps)
			(void)*(volatile const unsigned char *)a;
	int merged = 0;
	for (int i = 0; i < nr_split; i++)
		if (madvise((void *)split[i].start, split[i].end - split[i].start, MADV_NORMAL) == 0)
			merged++;
	nr_split = 0;
	return merged;
}

int64_t guard_trim_resident(void)
{
	/* Scratch of its own, unmapped at the end: static buffers would stay
	 * in the RSS this is trying to shrink. */
	struct scratch {
		struct range ranges[MAX_RANGES];
		char buf[16384];
	} *sc = mmap(NULL, sizeof(*sc), PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (sc == MAP_FAILED)
		return -errno;
	struct range *ranges = sc->ranges;
	char *buf = sc->buf;
	int fd = open("/proc/self/smaps", O_RDONLY | O_CLOEXEC);
	if (fd < 0) {
		int e = errno;
		munmap(sc, sizeof(*sc));
		return -e;
	}
	size_t n = 0, have = 0;
	for (;;) {
		ssize_t got = read(fd, buf + have, sizeof(sc->buf) - have);
		if (got < 0 && errno == EINTR)
			continue;
		if (got <= 0)
			break;
		have += (size_t)got;
		char *l = buf, *end = buf + have;
		for (char *nl; (nl = memchr(l, '\n', (size_t)(end - l))) != NULL; l = nl + 1) {
			struct live_smaps_line sl;
			if (live_parse_smaps_line(l, (size_t)(nl - l), &sl) != 0)
				continue;
			if (sl.kind == SMAPS_HEADER) {
				if (n < MAX_RANGES) {      /* mappings past it are left as they are */
					ranges[n].start = (uintptr_t)sl.start;
					ranges[n].end = (uintptr_t)sl.end;
					ranges[n].candidate = sl.file_backed && sl.readable && !sl.writable &&
							      sl.private_map;
					ranges[n].written = true;  /* until its Anonymous: line says 0 */
					n++;
				}
			} else if (n > 0) {
				ranges[n - 1].written = sl.anon_kib != 0;
			}
		}
		have = (size_t)(end - l);
		memmove(buf, l, have);
		if (have == sizeof(sc->buf))   /* a line longer than the buffer: give up on it */
			have = 0;
	}
	close(fd);
	int64_t dropped = 0;
	long ps = sysconf(_SC_PAGESIZE);
	for (size_t i = 0; i < n; i++) {
		if (!ranges[i].candidate || ranges[i].written)
			continue;
		if (madvise((void *)ranges[i].start, ranges[i].end - ranges[i].start, MADV_DONTNEED) != 0)
			continue;
		dropped += (int64_t)((ranges[i].end - ranges[i].start) / 1024);
		if (ps > 0)
			split_pages(ranges[i].start, ranges[i].end, (uintptr_t)ps);
	}
	munmap(sc, sizeof(*sc));
	return dropped;
}

void *guard_alloc_zeroed(size_t len)
{
	if (len == 0)
		len = 1;
	void *p = mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	return p == MAP_FAILED ? NULL : p;
}

void guard_free_zeroed(void *p, size_t len)
{
	if (p)
		munmap(p, len ? len : 1);
}

void guard_release_pages(void *p, size_t len)
{
	long ps = sysconf(_SC_PAGESIZE);
	if (ps <= 0 || !p)
		return;
	uintptr_t a = ((uintptr_t)p + (uintptr_t)ps - 1) & ~((uintptr_t)ps - 1);
	uintptr_t b = ((uintptr_t)p + len) & ~((uintptr_t)ps - 1);
	if (b > a)
		madvise((void *)a, b - a, MADV_DONTNEED);
}
