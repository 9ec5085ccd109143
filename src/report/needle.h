/* needle.h — the idle scanner's marker search (needle.c), private to
 * report/scan.c and its tests. */
#ifndef OOMKIT_NEEDLE_H
#define OOMKIT_NEEDLE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#define NEEDLE_SPAN 14          /* longest needle: bytes a search must see past a position */
#define NEEDLE_COUNT 13         /* needles: "oom-", "Kill", "of memory", "of Memory", "allocation", "Mem-", "oom_",
				 * "alloc_pages", "allocate mem", "alloc failed", "killing ", and the boot
				 * banner's "Linux version ", "Command line: " */
#define NEEDLE_BOOT_FIRST 11    /* needles from here on are boot banners, not markers */

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#define NEEDLE_HAVE_AVX2 1
#endif

/* First needle in [p, p+n): its offset (n: none) and which (0..NEEDLE_COUNT-1).
 * The fastest kernel this CPU runs (AVX-512 VBMI, AVX2, SSSE3, 16-byte vectors). */
size_t needle_find(const char *p, size_t n, size_t *which);
/* needle_find, and adds to *newlines the '\n' bytes before the offset it
 * returns (one pass where the CPU allows). */
size_t needle_find_nl(const char *p, size_t n, size_t *which, uint64_t *newlines);
/* '\n' bytes in [p, p+n). */
uint64_t needle_count_newlines(const char *p, size_t n);
/* Is the hit of needle k at p[at] part of a marker (or of one a mail client
 * wrapped)?  p[0..n) is the buffer.  Unsure → true.  Inline: it runs on
 * every needle hit of the idle search. */
static inline bool needle_hit_ok(const char *p, size_t n, size_t at, size_t k)
{
	const char *h = p + at;
	size_t after = n - at;
	switch (k) {
	case 0:  /* "oom-kill…" */
		return after < 7 || memcmp(h + 3, "-kil", 4) == 0;
	case 6:  /* "oom_reaper" */
		return after < 10 || memcmp(h + 3, "_reaper", 7) == 0;
	case 7: { /* "__alloc_pages…" after "at mm/page_alloc.c:N " (the max-order
		   * WARNING); not a stack frame's, which every allocation
		   * failure's trace holds */
		if (at < 2 || memcmp(h - 2, "__", 2) != 0)
			return false;
		size_t back = at - 2 < 24 ? at - 2 : 24;
		for (size_t i = 14; i <= back; i++)
			if (memcmp(h - 2 - i, "page_alloc.c:", 13) == 0)
				return true;
		return back < 24;   /* too near the buffer's start to tell */
	}
	case 8:  /* "SLUB: Unable to allocate memory", "SLAB: …" */
		return at < 10 || memcmp(h - 10, "Unable to ", 10) == 0;
	case 9:  /* "cma_alloc: …alloc failed, req-size: N pages" (mm/cma.c) */
		return after < 24 || memcmp(h + 12, ", req-size: ", 12) == 0;
	case 10: /* "VM: killing process x", a fault path's kill (parse.c vm_kill_line) */
		if (at < 4)
			return true;   /* too near the buffer's start to tell */
		return memcmp(h - 4, "VM: ", 4) == 0 && (after < 15 || memcmp(h + 8, "process", 7) == 0);
	case 11: /* boot banners: at the start of the kernel's text (after a prefix) */
	case 12:
		return at == 0 || h[-1] == ' ' || h[-1] == ']' || h[-1] == '\n' || h[-1] == ';' || h[-1] == '>';
	case 1: { /* "Kill process", "Killed process" (a kill line wrapped after
		   * "Killed" also holds "Out of memory", found by its own needle),
		   * and the fault path's "VM: Killing process x" of some arches */
		size_t i = 4;
		if (after >= 6 && h[4] == 'e' && h[5] == 'd')
			i = 6;
		if (after >= 15 && memcmp(h + 4, "ing process", 11) == 0)
			return at < 4 || memcmp(h - 4, "VM: ", 4) == 0;
		return after < i + 8 || memcmp(h + i, " process", 8) == 0;
	}
	case 2:
	case 3:  /* "Out of memory", "out of memory" */
		return at < 4 || memcmp(h - 4, "Out ", 4) == 0 || memcmp(h - 4, "out ", 4) == 0;
	case 5:  /* "Mem-Info:" (2.6.18 "Mem-info:") */
		return after < 9 || memcmp(h, "Mem-Info:", 9) == 0 || memcmp(h, "Mem-info:", 9) == 0;
	default: { /* "page allocation failure/stalls", also "page\nallocation …" */
		if (after < 18 || memcmp(h + 10, " failure", 8) == 0 || memcmp(h + 10, " stalls", 7) == 0)
			return true;
		/* 2.4's "__alloc_pages: 0-order allocation failed" */
		if (at >= 7 && memcmp(h - 7, "-order ", 7) == 0 && memcmp(h + 10, " failed", 7) == 0)
			return true;
		/* "page allocation \nfailure:": wrapped right after the needle
		 * (fold -s keeps the space before its break) — after "page ",
		 * not a writer's "an earlier failed allocation" at a line's end
		 * (R6166), which would take a paste's show_mem lines from the
		 * no-marker fallback (report/scan.c) */
		if (at < 5 || memcmp(h - 5, "page", 4) != 0 || (h[-1] != ' ' && h[-1] != '\n'))
			return at < 5;
		size_t i = 10;
		while (i < after && (h[i] == ' ' || h[i] == '\r'))
			i++;
		return i >= after || h[i] == '\n';
	}
	}
}

/* The kernels one by one, and the scalar references they must equal
 * (for the differential test; the SSSE3 Teddy only where
 * needle_have_ssse3(), its VEX form only where needle_have_avx16(), the AVX2 ones only where needle_have_avx2(), the
 * AVX-512 VBMI ones only where needle_have_v64()). */
size_t needle_find_scalar(const char *p, size_t n, size_t *which);
size_t needle_find_v16(const char *p, size_t n, size_t *which);
uint64_t needle_count_newlines_scalar(const char *p, size_t n);
uint64_t needle_count_newlines_v16(const char *p, size_t n);
#ifdef NEEDLE_HAVE_AVX2
size_t needle_find_v32(const char *p, size_t n, size_t *which);
uint64_t needle_count_newlines_v32(const char *p, size_t n);
size_t needle_find_nl_t16(const char *p, size_t n, size_t *which, uint64_t *newlines);
size_t needle_find_nl_t16v(const char *p, size_t n, size_t *which, uint64_t *newlines);
size_t needle_find_nl_t32(const char *p, size_t n, size_t *which, uint64_t *newlines);
size_t needle_find_v64(const char *p, size_t n, size_t *which);
size_t needle_find_nl_v64(const char *p, size_t n, size_t *which, uint64_t *newlines);
uint64_t needle_count_newlines_v64(const char *p, size_t n);
#endif
bool needle_have_ssse3(void);   /* the 16-byte Teddy (t16): SSSE3 and POPCNT */
bool needle_have_avx16(void);   /* the 16-byte Teddy in VEX encoding (t16v): AVX and POPCNT */
bool needle_have_avx2(void);    /* the 32-byte ones (t32, v32) */
bool needle_have_v64(void);
const char *needle_text(size_t which);   /* NULL past the last */
/* every kernel the CPU runs against the scalar reference: mismatches (fuzz) */
int needle_selfcheck(const char *p, size_t n);

#endif
