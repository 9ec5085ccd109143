/* test_report_needle.c — the idle scanner's vector kernels (report/needle.c)
 * against their scalar references, on random text biased towards the
 * needles' bytes, every alignment and every length up to a few vectors,
 * and on text planted with needles and near-misses.  Runs on every build:
 * the 16-byte kernel (SSE2/NEON/plain) always; the SSSE3 and AVX2 Teddy
 * kernels and the AVX-512 VBMI one, called directly, where the CPU has them
 * (said as a skip otherwise, never a silent pass). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "check.h"
#include "report/needle.h"

static uint64_t rng = 0x9e3779b97f4a7c15ull;

static uint64_t next(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return rng;
}

/* Bytes the needles are made of, plus newlines, spaces, and any byte. */
static void fill_random(char *p, size_t n)
{
	/* with the bytes the Teddy kernels' low-nibble lookups cannot tell from
	 * the needles' ("/?O_" for 'o'), and their near misses in case */
	static const char alpha[] = "oomKillKofmemoryMemoryallocationMem-\n \n-_oom_oom-of Mof mLinux version Command line: "
				    "alloc_pagesallocate memalloc_"
				    "/?O_o?m-O/m_kill KILL comm= line ALLOW Kiil o f m";
	for (size_t i = 0; i < n; i++) {
		uint64_t r = next();
		p[i] = (r & 7) == 0 ? (char)(r >> 8) : alpha[(r >> 8) % (sizeof(alpha) - 1)];
	}
	/* plant whole needles and cut ones now and then */
	int plants = (int)(next() % 4);
	for (int k = 0; k < plants && n > 0; k++) {
		const char *t = needle_text(next() % NEEDLE_COUNT);
		size_t l = strlen(t), at = next() % n;
		size_t cut = next() % 3 == 0 ? l - 1 : l;
		for (size_t j = 0; j < cut && at + j < n; j++)
			p[at + j] = t[j];
	}
}

static int compare(const char *p, size_t n, const char *what)
{
	size_t w0 = 99, w1 = 99, r0 = needle_find_scalar(p, n, &w0), r1 = needle_find_v16(p, n, &w1);
	int bad = 0;
	if (r0 != r1 || (r0 < n && w0 != w1))
		bad++;
	if (needle_count_newlines_scalar(p, n) != needle_count_newlines_v16(p, n))
		bad++;
	uint64_t nl5 = 7;
	size_t w5 = 99, r5 = needle_find_nl(p, n, &w5, &nl5);
	if (r5 != r0 || (r0 < n && w5 != w0) || nl5 != 7 + needle_count_newlines_scalar(p, r0))
		bad++;
	size_t w3 = 99, r3 = needle_find(p, n, &w3);
	if (r3 != r0 || (r0 < n && w3 != w0))
		bad++;
	if (needle_count_newlines(p, n) != needle_count_newlines_scalar(p, n))
		bad++;
	/* the fuzz target's check of every kernel agrees */
	if (needle_selfcheck(p, n) != 0)
		bad++;
#ifdef NEEDLE_HAVE_AVX2
	/* the Teddy kernels, called directly whatever the dispatcher picks;
	 * the count starts at a value of its own, to which they must add */
	if (needle_have_ssse3()) {
		uint64_t nl7 = 11;
		size_t w7 = 99, r7 = needle_find_nl_t16(p, n, &w7, &nl7);
		if (r7 != r0 || (r0 < n && w7 != w0) || nl7 != 11 + needle_count_newlines_scalar(p, r0))
			bad++;
	}
	if (needle_have_avx16()) {
		uint64_t nl9 = 17;
		size_t w9 = 99, r9 = needle_find_nl_t16v(p, n, &w9, &nl9);
		if (r9 != r0 || (r0 < n && w9 != w0) || nl9 != 17 + needle_count_newlines_scalar(p, r0))
			bad++;
	}
	if (needle_have_avx2()) {
		uint64_t nl8 = 13;
		size_t w8 = 99, r8 = needle_find_nl_t32(p, n, &w8, &nl8);
		if (r8 != r0 || (r0 < n && w8 != w0) || nl8 != 13 + needle_count_newlines_scalar(p, r0))
			bad++;
	}
	if (needle_have_avx2()) {
		size_t w2 = 99, r2 = needle_find_v32(p, n, &w2);
		if (r0 != r2 || (r0 < n && w0 != w2))
			bad++;
		if (needle_count_newlines_scalar(p, n) != needle_count_newlines_v32(p, n))
			bad++;
	}
	if (needle_have_v64()) {
		size_t w4 = 99, r4 = needle_find_v64(p, n, &w4);
		if (r0 != r4 || (r0 < n && w0 != w4))
			bad++;
		if (needle_count_newlines_scalar(p, n) != needle_count_newlines_v64(p, n))
			bad++;
		uint64_t nl6 = 0;
		size_t w6 = 99, r6 = needle_find_nl_v64(p, n, &w6, &nl6);
		if (r6 != r0 || (r0 < n && w6 != w0) || nl6 != needle_count_newlines_scalar(p, r0))
			bad++;
	}
#endif
	if (bad)
		printf("  %s: n=%zu scalar=%zu v16=%zu\n", what, n, r0, r1);
	return bad;
}

TEST(test_random_text_every_length_and_alignment)
{
	static char buf[4096 + 64];
	int bad = 0, runs = 0;
	for (int round = 0; round < 3000; round++) {
		size_t n = next() % (round < 2000 ? 200 : 4096);
		size_t align = next() % 64;
		fill_random(buf + align, n);
		bad += compare(buf + align, n, "random");
		runs++;
	}
	CHECK_INT(bad, 0);
	CHECK(runs == 3000);
}

TEST(test_needles_at_every_position)
{
	static char buf[300];
	int bad = 0;
	for (size_t k = 0; k < NEEDLE_COUNT; k++) {
		const char *t = needle_text(k);
		size_t l = strlen(t);
		for (size_t at = 0; at + l <= 120; at++) {
			for (size_t n = at + l; n <= 120; n += 7) {
				memset(buf, 'x', sizeof(buf));
				memcpy(buf + at, t, l);
				size_t w = 99;
				size_t r = needle_find(buf, n, &w);
				if (r != at || w != k)
					bad++;
				bad += compare(buf, n, t);
				/* cut by the end: no hit */
				if (needle_find(buf, at + l - 1, &w) != at + l - 1)
					bad++;
			}
		}
	}
	CHECK_INT(bad, 0);
	CHECK(needle_text(NEEDLE_COUNT) == NULL);
}

/* Long buffers (more than 255 vectors: the byte counters are summed
 * midway) full of newlines, one needle planted at the edges of 16-, 32- and
 * 64-byte blocks, around the 255-vector sums, and at the very end: every
 * kernel's offset, needle and newline count before it. */
TEST(test_needles_at_block_edges_after_many_newlines)
{
	size_t n = 255 * 64 * 2 + 300;
	char *p = malloc(n);
	if (!p)
		abort();
	static const size_t edges[] = { 0, 16, 32, 64, 255 * 16, 255 * 32, 255 * 64, 255 * 32 * 2, 255 * 64 * 2 };
	int bad = 0, runs = 0;
	for (size_t k = 0; k < NEEDLE_COUNT; k++) {
		const char *t = needle_text(k);
		size_t l = strlen(t);
		for (size_t e = 0; e < sizeof(edges) / sizeof(edges[0]) + 1; e++) {
			size_t base = e < sizeof(edges) / sizeof(edges[0]) ? edges[e] : n - l;
			for (int d = -5; d <= 5; d++) {
				if ((d < 0 && base < (size_t)-d) || base + (size_t)d + l > n)
					continue;
				size_t at = base + (size_t)d;
				for (size_t i = 0; i < n; i++)
					p[i] = (i % 3 == 0 || i % 7 == 0) ? '\n' : 'x';
				memcpy(p + at, t, l);
				size_t w = 99;
				if (needle_find_scalar(p, n, &w) != at || w != k)
					bad++;
				bad += compare(p, n, t);
				/* and the same buffer ending inside the needle */
				bad += compare(p, at + l - 1, t);
				runs++;
			}
		}
	}
	free(p);
	CHECK_INT(bad, 0);
	CHECK(runs > NEEDLE_COUNT * 50);
}

TEST(test_newline_count_long_runs)
{
	/* > 255 vector blocks of newlines: the byte-lane counters must carry */
	size_t n = 256 * 32 * 3 + 17;
	char *p = malloc(n);
	if (!p)
		abort();
	memset(p, '\n', n);
	CHECK_INT(needle_count_newlines(p, n), n);
	CHECK_INT(needle_count_newlines_v16(p, n), n);
	CHECK_INT(compare(p, n, "newlines"), 0);
	free(p);
}

TEST(test_ssse3_kernel_ran)
{
	if (!needle_have_ssse3())
		SKIP("this CPU has no SSSE3: the 16-byte Teddy kernel was not run (the plain 16-byte one was)");
	else
		CHECK(1);
}

TEST(test_avx16_kernel_ran)
{
	if (!needle_have_avx16())
		SKIP("this CPU has no AVX: the 16-byte Teddy kernel in VEX encoding was not run");
	else
		CHECK(1);
}

TEST(test_avx2_kernel_ran)
{
	if (!needle_have_avx2())
		SKIP("this CPU has no AVX2: the 32-byte kernel was not run (the 16-byte one was)");
	else
		CHECK(1);
}

TEST(test_avx512_kernel_ran)
{
	if (!needle_have_v64())
		SKIP("this CPU has no AVX-512 VBMI: the 64-byte kernel was not run");
	else
		CHECK(1);
}

/* Text ending right at the end of a page, the next page unmapped: the
 * masked tail loads of the 64-byte kernel and the others' scalar tails
 * must not read past n (a fault here, not a wrong answer). */
TEST(test_no_read_past_the_end)
{
	long pg = sysconf(_SC_PAGESIZE);
	char *m = mmap(NULL, (size_t)pg * 2, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (m == MAP_FAILED)
		abort();
	if (mprotect(m + pg, (size_t)pg, PROT_NONE) != 0)
		abort();
	int bad = 0;
	for (size_t n = 0; n <= 200; n++) {
		char *p = m + pg - n;
		memset(p, 'x', n);
		if (n >= 4)
			memcpy(p + n - 4, "oom_", 4);
		bad += compare(p, n, "page end");
		/* every needle ending at the page's end, newlines before it */
		for (size_t k = 0; k < NEEDLE_COUNT; k++) {
			size_t l = strlen(needle_text(k));
			if (l > n)
				continue;
			for (size_t i = 0; i < n; i++)
				p[i] = i % 5 == 0 ? '\n' : 'y';
			memcpy(p + n - l, needle_text(k), l);
			bad += compare(p, n, "page end, needle");
		}
	}
	munmap(m, (size_t)pg * 2);
	CHECK_INT(bad, 0);
}

/* The needles of lone failures: "alloc_pages" only after "…page_alloc.c:N __"
 * (the max-order WARNING; not a trace's frame), "allocate mem" only after
 * "Unable to " (the slab's line), "alloc failed" only before ", req-size: "
 * (a CMA area's); and of the fault path's kill: "killing process" and
 * "Killing process" only after "VM: " */
TEST(test_lone_failure_needles_in_context)
{
	static const char *const yes[] = {
		"WARNING: CPU: 3 PID: 19257 at mm/page_alloc.c:4724 __alloc_pages_nodemask+0x1ee/0x320",
		"WARNING: at mm/page_alloc.c:2104 __alloc_pages_slowpath+0x6f/0x724()",
		"SLUB: Unable to allocate memory on node -1 (gfp=0x20)",
		"[   81.757756] cma: cma_alloc: alloc failed, req-size: 2040 pages, ret: -12",
		"Oct 10 05:19:43 hen kernel: VM: killing process cc1",
		"Jan  2 03:04:05 box kernel: VM: Killing process gzip",
	};
	/* (a needle within 26 bytes of the buffer's start is passed: unsure) */
	static const char *const no[] = {
		"Dec  5 10:00:00 host kernel: [<ffffffff8278651e>] ? __alloc_pages_nodemask+0x1fe/0x260",
		"Dec  5 10:00:00 host kernel: [ 1234.567890]  __alloc_pages+0x1b2/0x350",
		"mydriver: failed to allocate memory for the map",
		"alloc_pages failed in foo",
		"Dec  5 10:00:00 host kernel: ath10k_pci 0000:01:00.0: rx skb alloc failed, retrying in a while",
		"Dec  5 10:00:00 host systemd-logind[1]: killing process 123 of the session",
		"Dec  5 10:00:00 host sshd[1]: Killing process 5 (sshd) with signal SIGKILL",
		"Dec  5 10:00:00 host hypervisor: VM: killing spree over, VM: Killing the guest",
	};
	for (size_t i = 0; i < sizeof(yes) / sizeof(yes[0]); i++) {
		size_t n = strlen(yes[i]), w = 99, at = needle_find(yes[i], n, &w);
		CHECK(at < n);
		CHECK(at < n && needle_hit_ok(yes[i], n, at, w));
	}
	for (size_t i = 0; i < sizeof(no) / sizeof(no[0]); i++) {
		size_t n = strlen(no[i]), off = 0, w = 99;
		bool hit = false;
		while (off < n) {
			size_t at = off + needle_find(no[i] + off, n - off, &w);
			if (at >= n)
				break;
			hit |= needle_hit_ok(no[i], n, at, w);
			off = at + 1;
		}
		if (hit)
			printf("  a marker hit in \"%s\"\n", no[i]);
		CHECK(!hit);
	}
}

/* Linux 2.4's one-line failure: "allocation" after "-order " and before
 * " failed" (its "alloc_pages" is no max-order WARNING's) */
TEST(test_alloc24_failure_needle)
{
	static const char *const lines[][2] = {
		{ "Aug 27 17:20:03 kernel: __alloc_pages: 0-order allocation failed (gfp=0x20/0)", "y" },
		{ "__alloc_pages: 3-order allocation failed.", "y" },
		{ "Dec  5 10:00:00 host app: the memory allocation failed badly, retrying", "n" },
		{ "Dec  5 10:00:00 host app: the one order allocation failed to help", "n" },
		/* a line wrapped right after the needle: only "page allocation"'s
		 * (R6166: a writer's "an earlier failed allocation" at the end) */
		{ "Dec  5 10:00:00 host kernel: [ 12.5] kworker/0:1: page allocation \nfailure: order:0", "y" },
		{ "Dec  5 10:00:00 host kernel: [ 12.5] kworker/0:1: page\nallocation\nfailure: order:0", "y" },
		{ "The machine had 256G of RAM with no swap and an earlier failed allocation\nindicated that", "n" },
	};
	for (size_t i = 0; i < sizeof(lines) / sizeof(lines[0]); i++) {
		const char *t = lines[i][0];
		size_t n = strlen(t), off = 0, w = 99;
		bool hit = false;
		while (off < n) {
			size_t at = off + needle_find(t + off, n - off, &w);
			if (at >= n)
				break;
			hit |= needle_hit_ok(t, n, at, w);
			off = at + 1;
		}
		if (hit != (lines[i][1][0] == 'y'))
			printf("  line %zu: hit %d\n", i, hit);
		CHECK(hit == (lines[i][1][0] == 'y'));
	}
}

int main(void)
{
	RUN(test_alloc24_failure_needle);
	RUN(test_lone_failure_needles_in_context);
	RUN(test_random_text_every_length_and_alignment);
	RUN(test_needles_at_every_position);
	RUN(test_needles_at_block_edges_after_many_newlines);
	RUN(test_newline_count_long_runs);
	RUN(test_ssse3_kernel_ran);
	RUN(test_avx16_kernel_ran);
	RUN(test_avx2_kernel_ran);
	RUN(test_avx512_kernel_ran);
	RUN(test_no_read_past_the_end);
	return check_summary();
}
