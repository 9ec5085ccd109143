/* needle.h — the idle scanner's marker search (needle.c), private to
 * report/scan.c and its tests. */
#ifndef OOMKIT_NEEDLE_H
#define OOMKIT_NEEDLE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define NEEDLE_SPAN 10          /* longest needle: bytes a search must see past a position */
#define NEEDLE_COUNT 6          /* needles: "oom", "Kill", "of memory", "of Memory", "allocation", "Mem-" */

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#define NEEDLE_HAVE_AVX2 1
#endif

/* First needle in [p, p+n): its offset (n: none) and which (0..NEEDLE_COUNT-1).
 * The fastest kernel this CPU runs. */
size_t needle_find(const char *p, size_t n, size_t *which);
/* '\n' bytes in [p, p+n). */
uint64_t needle_count_newlines(const char *p, size_t n);
/* Is the hit of needle k at p[at] part of a marker (or of one a mail client
 * wrapped)?  p[0..n) is the buffer.  Unsure → true. */
bool needle_hit_ok(const char *p, size_t n, size_t at, size_t k);

/* The kernels one by one, and the scalar references they must equal
 * (for the differential test; the AVX2 ones only where needle_have_avx2()). */
size_t needle_find_scalar(const char *p, size_t n, size_t *which);
size_t needle_find_v16(const char *p, size_t n, size_t *which);
uint64_t needle_count_newlines_scalar(const char *p, size_t n);
uint64_t needle_count_newlines_v16(const char *p, size_t n);
#ifdef NEEDLE_HAVE_AVX2
size_t needle_find_v32(const char *p, size_t n, size_t *which);
uint64_t needle_count_newlines_v32(const char *p, size_t n);
#endif
bool needle_have_avx2(void);
const char *needle_text(size_t which);   /* NULL past the last */

#endif
