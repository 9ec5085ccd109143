/* test_guard_resident.c — src/guard/resident.c on this very process: the
 * page-table entries of code and constants are dropped and come back on
 * use, and a private file mapping that was ever written (as RELRO pages
 * are by the loader) keeps its private copy; zeroed memory and released
 * pages read as zero, and the bytes around a release are kept. */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <unistd.h>

#include "check.h"
#include "guard/guard.h"

static const char constant_text[] = "a constant in .rodata, read after the trim";

static int resident_pages(void *p, size_t len)
{
	long ps = sysconf(_SC_PAGESIZE);
	unsigned char vec[64];
	if (len / (size_t)ps > sizeof(vec) || mincore(p, len, vec) != 0)
		return -1;
	int n = 0;
	for (size_t i = 0; i < len / (size_t)ps; i++)
		n += vec[i] & 1;
	return n;
}

/* mincore says whether the page cache holds a page, not whether this
 * process maps it: /proc/self/pagemap says that (bit 63, present). */
static int mapped_pages(void *p, size_t len)
{
	long ps = sysconf(_SC_PAGESIZE);
	int fd = open("/proc/self/pagemap", O_RDONLY);
	if (fd < 0)
		return -1;
	int n = 0;
	for (size_t off = 0; off < len; off += (size_t)ps) {
		uint64_t e;
		if (pread(fd, &e, sizeof(e), (off_t)(((uintptr_t)p + off) / (uintptr_t)ps * 8)) != 8) {
			n = -1;
			break;
		}
		n += (int)(e >> 63);
	}
	close(fd);
	return n;
}

/* An unlinked temporary file of LEN bytes of FILL (in the page cache), or -1. */
static int temp_file(size_t len, char fill)
{
	char path[] = "/tmp/oomkit-resident-XXXXXX";
	int fd = mkstemp(path);
	if (fd < 0)
		return -1;
	unlink(path);
	char *page = calloc(1, len);
	memset(page, fill, len);
	bool ok = (size_t)write(fd, page, len) == len;
	free(page);
	if (!ok) {
		close(fd);
		return -1;
	}
	return fd;
}

TEST(trim_keeps_written_private_copies)
{
	long ps = sysconf(_SC_PAGESIZE);
	size_t len = 4 * (size_t)ps;
	int fd = temp_file(len, 'f');
	if (fd < 0) {
		SKIP("no temporary file");
		return;
	}
	/* A read-only private mapping of the file: only the file's content. */
	char *ro = mmap(NULL, len, PROT_READ, MAP_PRIVATE, fd, 0);
	/* A private mapping written and then made read-only, as RELRO is. */
	char *relro = mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, 0);
	close(fd);
	if (ro == MAP_FAILED || relro == MAP_FAILED) {
		SKIP("mmap of a temporary file failed");
		return;
	}
	volatile char sum = 0;
	for (size_t i = 0; i < len; i += (size_t)ps)
		sum = (char)(sum + ro[i]);
	relro[0] = 'w';
	relro[(size_t)ps] = 'w';
	CHECK(mprotect(relro, len, PROT_READ) == 0);
	CHECK_INT(mapped_pages(ro, len), 4);

	int64_t dropped = guard_trim_resident();
	CHECK(dropped > 0);
	/* The read-only mapping lost its entries (the page cache keeps the
	 * pages: mincore still sees them) ... */
	CHECK_INT(mapped_pages(ro, len), 0);
	CHECK_INT(resident_pages(ro, len), 4);
	/* ... and reads the same after: the file's content. */
	CHECK(ro[0] == 'f' && ro[len - 1] == 'f');
	/* The written one kept its private copies. */
	CHECK(relro[0] == 'w' && relro[(size_t)ps] == 'w' && relro[2 * (size_t)ps] == 'f');
	/* Code and constants of this process come back on use. */
	CHECK_STR(constant_text, "a constant in .rodata, read after the trim");
	CHECK(strlen(constant_text) == sizeof(constant_text) - 1);
	(void)sum;
	guard_settle_resident();
	munmap(ro, len);
	munmap(relro, len);
}

/* The mappings of /proc/self/maps that overlap [p, p + len). */
static int vmas_in(void *p, size_t len)
{
	char *maps = slurp("/proc/self/maps", NULL);
	if (!maps)
		return -1;
	int n = 0;
	uintptr_t a = (uintptr_t)p, b = a + len;
	for (char *line = maps; line && *line; line = strchr(line, '\n') ? strchr(line, '\n') + 1 : NULL) {
		unsigned long s, e;
		if (sscanf(line, "%lx-%lx", &s, &e) == 2 && s < b && e > a)
			n++;
	}
	free(maps);
	return n;
}

/* After the trim a touch maps its own page only, not the 64 KiB
 * fault-around window around it; after the settle the mapping is one VMA
 * again and keeps exactly those pages. */
TEST(trim_maps_single_pages_then_settles)
{
	const long ps = sysconf(_SC_PAGESIZE);
	const size_t len = 16 * (size_t)ps;
	/* 64 KiB aligned, so one fault-around window covers it all.  Low in
	 * the address space (1 GiB, inside ASan's low application range): the
	 * trim cuts the first MAX_SPLIT read-only file mappings in address
	 * order, and a sanitizer build's libraries must not take them all
	 * before ours (they did in CI, where ASLR put ours above them). */
	char *area = mmap((void *)0x40000000, 2 * len, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0);
	if (area == MAP_FAILED)
		area = mmap(NULL, 2 * len, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	int fd = temp_file(len, 'g');
	char *ro = area == MAP_FAILED || fd < 0 ? MAP_FAILED :
		   mmap((char *)(((uintptr_t)area + 65535) & ~(uintptr_t)65535), len, PROT_READ,
			MAP_PRIVATE | MAP_FIXED, fd, 0);
	if (fd >= 0)
		close(fd);
	if (ro == MAP_FAILED) {
		if (area != MAP_FAILED)
			munmap(area, 2 * len);
		SKIP("mmap of a temporary file failed");
		return;
	}
	volatile char sum = ro[0];    /* in the page cache: fault-around maps more than the one */
	CHECK(mapped_pages(ro, len) >= 1);
	CHECK(guard_trim_resident() > 0);
	CHECK_INT(mapped_pages(ro, len), 0);
	CHECK_INT(vmas_in(ro, len), 16);
	sum = (char)(sum + ro[5 * ps] + ro[11 * ps]);
	CHECK_INT(mapped_pages(ro, len), 2);
	CHECK(guard_settle_resident() > 0);
	CHECK_INT(vmas_in(ro, len), 1);
	CHECK_INT(mapped_pages(ro, len), 2);
	CHECK(ro[len - 1] == 'g');
	(void)sum;
	munmap(area, 2 * len);
}

TEST(zeroed_and_released)
{
	long ps = sysconf(_SC_PAGESIZE);
	size_t len = 8 * (size_t)ps;
	unsigned char *p = guard_alloc_zeroed(len);
	CHECK(p != NULL);
	if (!p)
		return;
	/* Nothing is touched until used. */
	CHECK_INT(mapped_pages(p, len), 0);
	int zero = 1;
	for (size_t i = 0; i < len; i++)
		zero &= p[i] == 0;
	CHECK(zero);
	memset(p, 0xab, len);
	/* Release an unaligned middle range: whole pages inside it go back and
	 * read as zero; the partial pages at its ends keep their bytes. */
	guard_release_pages(p + 100, 6 * (size_t)ps);
	CHECK(p[99] == 0xab && p[100] == 0xab);                 /* first page: partial, kept */
	CHECK(p[(size_t)ps] == 0 && p[6 * (size_t)ps - 1] == 0); /* pages 1..5: released */
	CHECK(p[6 * (size_t)ps] == 0xab);                       /* page 6: partial, kept */
	CHECK_INT(mapped_pages(p + 2 * ps, 3 * (size_t)ps), 0);  /* pages 2..4: gone, untouched since */
	guard_release_pages(NULL, 100);
	guard_release_pages(p, 10);                              /* less than a page: nothing */
	CHECK(p[0] == 0xab);
	guard_free_zeroed(p, len);
}

int main(void)
{
	RUN(trim_keeps_written_private_copies);
	RUN(trim_maps_single_pages_then_settles);
	RUN(zeroed_and_released);
	return check_summary();
}
