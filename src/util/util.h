/* util.h — small helpers every layer uses: strict number parsing, a growable
 * string buffer, escaping for each sink (terminal, JSON, HTML, Prometheus
 * labels), and a streaming JSON writer. */
#ifndef OOMKIT_UTIL_H
#define OOMKIT_UTIL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/types.h>

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

/* "Not in the source": every quantity in the model that a report or /proc
 * may not give is an int64_t holding OOM_NA until it is read.  Never guess. */
#define OOM_NA INT64_MIN
static inline bool known(int64_t v) { return v != OOM_NA; }

/* ---- strict number parsing (num.c) ------------------------------------
 * strtoull accepts "-1", "" and "12abc" silently; these do not.  Each parses
 * the whole [s, s+len) (len = (size_t)-1: up to NUL), returns 0 or -EINVAL /
 * -ERANGE, and writes *out only on success. */
int parse_u64(const char *s, size_t len, uint64_t *out);
int parse_i64(const char *s, size_t len, int64_t *out);       /* optional leading '-' */
int parse_hex_u64(const char *s, size_t len, uint64_t *out);  /* optional "0x" */
/* Parses a decimal number at *p (no sign), advancing *p past it; stops at the
 * first non-digit.  Returns 0, -EINVAL (no digit) or -ERANGE. */
int scan_u64(const char **p, const char *end, uint64_t *out);
int scan_i64(const char **p, const char *end, int64_t *out);
/* Saturating helpers for arithmetic on untrusted numbers. */
int64_t sat_add(int64_t a, int64_t b);
int64_t sat_mul(int64_t a, int64_t b);

/* ---- growable buffer (buf.c) ------------------------------------------ */
struct buf {
	char *data;   /* always NUL-terminated when non-NULL */
	size_t len;
	size_t cap;
};
#define BUF_INIT { NULL, 0, 0 }
void buf_init(struct buf *b);
void buf_release(struct buf *b);
void buf_clear(struct buf *b);       /* len = 0, keeps memory */
int buf_add(struct buf *b, const void *data, size_t len);   /* 0 / -ENOMEM */
int buf_reserve(struct buf *b, size_t extra);  /* room for extra more bytes and the NUL: 0 / -ENOMEM */
int buf_addc(struct buf *b, char c);
int buf_adds(struct buf *b, const char *s);
int buf_printf(struct buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* ---- escaping (escape.c) ----------------------------------------------
 * Every string from outside (process names, cgroup paths, log text) goes
 * through the escaper of its sink.  Invalid UTF-8 is shown as \xNN. */
/* Terminal: control bytes (C0, DEL, C1) and invalid UTF-8 become \xNN; a
 * backslash becomes "\\".  Safe to print to a tty. */
void escape_term(FILE *f, const char *s, size_t len);
int escape_term_buf(struct buf *b, const char *s, size_t len);
/* The same into a fixed buffer, with no allocation (the guard's loop):
 * NUL-terminated, cut before an escape or a character that would not fit.
 * keep_backslash leaves '\' as it is, for oomkit's own messages that quote
 * outside text (read by people, never parsed back).  Returns the length. */
size_t escape_term_to(char *dst, size_t cap, const char *s, size_t len, bool keep_backslash);
/* JSON string body (no quotes): ", \, control bytes escaped; invalid UTF-8
 * bytes become U+FFFD so the output is always valid JSON. */
void escape_json(FILE *f, const char *s, size_t len);
int escape_json_buf(struct buf *b, const char *s, size_t len);
/* HTML text and attribute values: & < > " ' become entities; control bytes
 * (C0, DEL, C1) and invalid UTF-8 become the visible text "\xNN". */
void escape_html(FILE *f, const char *s, size_t len);
int escape_html_buf(struct buf *b, const char *s, size_t len);
/* Prometheus label value: \ " and newline escaped. */
void escape_prom_label(FILE *f, const char *s, size_t len);

/* Writes n bytes to f as fwrite_unlocked does.  glibc's FILE keeps its
 * buffer in the open (bits/types/struct_FILE.h): when the run fits in it, it
 * is copied there, the test glibc's own putc_unlocked makes for one byte
 * (__putc_unlocked_body: ptr < end).  A line-buffered or unbuffered stream
 * keeps _IO_write_end at the buffer's base, below _IO_write_ptr once bytes
 * wait (libio/fileops.c _IO_new_file_overflow), so it always goes through
 * fwrite_unlocked, which flushes at the newline as before; so does a stream
 * not yet written to (both NULL).  Hence the pointers are compared before
 * they are subtracted (test_util_json's line-buffered case).  The bytes
 * and their order are what fwrite_unlocked gives, without its ~120
 * instructions a call (explain --json writes one run per value). */
static inline void io_put(FILE *f, const void *s, size_t n)
{
#ifdef __GLIBC__
	if (f->_IO_write_end > f->_IO_write_ptr && (size_t)(f->_IO_write_end - f->_IO_write_ptr) >= n) {
		memcpy(f->_IO_write_ptr, s, n);
		f->_IO_write_ptr += n;
		return;
	}
#endif
	fwrite_unlocked(s, 1, n, f);
}

/* ---- streaming JSON writer (json.c) ------------------------------------
 * Keeps only a nesting stack, so memory stays bounded whatever is written.
 * Keys are program constants; string values are escaped.  Integers equal to
 * OOM_NA are written as null. */
struct json {
	FILE *f;
	int depth;
	bool need_comma[32];
	bool pretty;
};
void json_init(struct json *j, FILE *f, bool pretty);
void json_obj_begin(struct json *j, const char *key);   /* key NULL inside arrays / at top */
void json_obj_end(struct json *j);
void json_arr_begin(struct json *j, const char *key);
void json_arr_end(struct json *j);
void json_str(struct json *j, const char *key, const char *s);           /* NULL -> null */
void json_strn(struct json *j, const char *key, const char *s, size_t len);
void json_int(struct json *j, const char *key, int64_t v);               /* OOM_NA -> null */
void json_uint(struct json *j, const char *key, uint64_t v);
void json_double(struct json *j, const char *key, double v, int decimals); /* NaN -> null */
void json_bool(struct json *j, const char *key, bool v);
void json_null(struct json *j, const char *key);
void json_end(struct json *j);  /* final newline */

/* ---- misc (misc.c) ---------------------------------------------------- */
/* Human size from KiB: "512 MiB", "2.1 GiB", "640 KiB".  OOM_NA -> "?". */
const char *fmt_kib(char *dst, size_t dstlen, int64_t kib);
/* Read a whole small file (≤ cap bytes) into dst, NUL-terminated.  Returns
 * bytes read or -errno.  For /proc and /sys files. */
ssize_t read_small_file(const char *path, char *dst, size_t cap);
ssize_t read_small_file_at(int dirfd, const char *path, char *dst, size_t cap);
/* The same with one read(2): for /proc files whose content fits dst. */
ssize_t read_small_file_once_at(int dirfd, const char *path, char *dst, size_t cap);
/* Copy at most dstlen-1 bytes, always NUL-terminating. */
void str_copy(char *dst, size_t dstlen, const char *src, size_t srclen);
bool str_starts(const char *s, const char *prefix);
/* Find needle in [s, s+len); NULL if absent.  mem_find_n takes the
 * needle's length; mem_find is inline so that a literal's strlen is folded
 * at compile time (the parser asks dozens of literals per line). */
const char *mem_find_n(const char *s, size_t len, const char *needle, size_t n);
static inline const char *mem_find(const char *s, size_t len, const char *needle)
{
	return mem_find_n(s, len, needle, strlen(needle));
}

#endif
