/* escape.c — one escaper per sink.  Process names and cgroup paths are
 * chosen by whoever runs the process: they may hold escape sequences,
 * newlines, quotes or invalid UTF-8. */
#include <string.h>

#include "util/util.h"

/* Length of the valid UTF-8 sequence at s (1..4), or 0 if it is not valid
 * (overlong forms, surrogates and values past U+10FFFF are invalid). */
static size_t utf8_len(const unsigned char *s, size_t n)
{
	unsigned c = s[0];
	if (c < 0x80)
		return 1;
	size_t len;
	unsigned min;
	unsigned cp;
	if ((c & 0xE0) == 0xC0) { len = 2; min = 0x80; cp = c & 0x1F; }
	else if ((c & 0xF0) == 0xE0) { len = 3; min = 0x800; cp = c & 0x0F; }
	else if ((c & 0xF8) == 0xF0) { len = 4; min = 0x10000; cp = c & 0x07; }
	else return 0;
	if (n < len)
		return 0;
	for (size_t i = 1; i < len; i++) {
		if ((s[i] & 0xC0) != 0x80)
			return 0;
		cp = cp << 6 | (s[i] & 0x3F);
	}
	if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
		return 0;
	/* C1 controls (U+0080..U+009F) can act as terminal escapes too. */
	if (cp >= 0x80 && cp <= 0x9F)
		return 0;
	return len;
}

static const char hexd[] = "0123456789abcdef";

/* The terminal escape of the character at p: its bytes when it is
 * printable UTF-8, else "\\xNN" for its first byte ("\\\\" for a
 * backslash unless kept).  Writes up to 4 bytes to out, returns how many;
 * *used is how many input bytes that took. */
static size_t term_char(const unsigned char *p, size_t len, bool keep_backslash, char out[4],
			size_t *used)
{
	unsigned c = p[0];
	size_t n = 0;
	if (c >= 0x20 && c != 0x7F && (c != '\\' || keep_backslash))
		n = utf8_len(p, len);
	if (n) {
		memcpy(out, p, n);
		*used = n;
		return n;
	}
	*used = 1;
	if (c == '\\') {
		out[0] = out[1] = '\\';
		return 2;
	}
	out[0] = '\\';
	out[1] = 'x';
	out[2] = hexd[c >> 4];
	out[3] = hexd[c & 15];
	return 4;
}

/* The FILE form of an escaper: through a buffer, written in one go. */
static void escape_to_file(FILE *f, const char *s, size_t len, int (*esc)(struct buf *, const char *, size_t))
{
	struct buf b = BUF_INIT;
	if (esc(&b, s, len) == 0 && b.len)
		fwrite(b.data, 1, b.len, f);
	buf_release(&b);
}

int escape_term_buf(struct buf *b, const char *s, size_t len)
{
	const unsigned char *p = (const unsigned char *)s;
	int r = 0;
	for (size_t i = 0; i < len && r == 0;) {
		char e[4];
		size_t used, n = term_char(p + i, len - i, false, e, &used);
		r = buf_add(b, e, n);
		i += used;
	}
	return r;
}

void escape_term(FILE *f, const char *s, size_t len)
{
	escape_to_file(f, s, len, escape_term_buf);
}

size_t escape_term_to(char *dst, size_t cap, const char *s, size_t len, bool keep_backslash)
{
	if (cap == 0)
		return 0;
	const unsigned char *p = (const unsigned char *)s;
	size_t o = 0;
	for (size_t i = 0; i < len;) {
		char e[4];
		size_t used, n = term_char(p + i, len - i, keep_backslash, e, &used);
		if (o + n >= cap)
			break;
		memcpy(dst + o, e, n);
		o += n;
		i += used;
	}
	dst[o] = '\0';
	return o;
}

/* One JSON character at p: its escaped bytes in e (at most 6), how many
 * input bytes it used in *used.  Returns the number of bytes in e, or 0
 * when the character is a valid multi-byte UTF-8 sequence to copy as is
 * (*used bytes). */
static size_t json_char(const unsigned char *p, size_t len, char *e, size_t *used)
{
	unsigned c = p[0];
	*used = 1;
	if (c == '"' || c == '\\') {
		e[0] = '\\';
		e[1] = (char)c;
		return 2;
	}
	if (c < 0x20 || c == 0x7F) {
		memcpy(e, "\\u00", 4);
		e[4] = hexd[c >> 4];
		e[5] = hexd[c & 15];
		return 6;
	}
	if (c < 0x80) {
		e[0] = (char)c;
		return 1;
	}
	size_t n = utf8_len(p, len);
	if (n) {
		/* C1 controls are valid UTF-8; JSON allows them but a terminal
		 * showing the JSON may not, so escape them. */
		*used = n;
		return 0;
	}
	if (c == 0xC2 && len > 1 && p[1] >= 0x80 && p[1] <= 0x9F) {
		memcpy(e, "\\u00", 4);
		e[4] = hexd[p[1] >> 4];
		e[5] = hexd[p[1] & 15];
		*used = 2;
		return 6;
	}
	memcpy(e, "\\ufffd", 6);
	return 6;
}

int escape_json_buf(struct buf *b, const char *s, size_t len)
{
	const unsigned char *p = (const unsigned char *)s;
	int r = 0;
	for (size_t i = 0; i < len && r == 0;) {
		char e[6];
		size_t used, n = json_char(p + i, len - i, e, &used);
		r = n ? buf_add(b, e, n) : buf_add(b, p + i, used);
		i += used;
	}
	return r;
}

/* Through a stack buffer, not the heap: the guard writes JSON when memory
 * is short.  Unlocked writes, as json.c's (no FILE is shared by threads). */
void escape_json(FILE *f, const char *s, size_t len)
{
	const unsigned char *p = (const unsigned char *)s;
	char out[512];
	size_t o = 0;
	for (size_t i = 0; i < len;) {
		/* a run of plain printable ASCII is copied as it is (what
		 * json_char would give byte by byte, without its calls) */
		size_t r = i;
		while (r < len && p[r] >= 0x20 && p[r] < 0x7F && p[r] != '"' && p[r] != '\\')
			r++;
		if (r > i) {
			size_t run = r - i;
			if (o + run > sizeof(out)) {
				io_put(f, out, o);
				o = 0;
			}
			if (run > sizeof(out)) {
				io_put(f, p + i, run);
			} else {
				memcpy(out + o, p + i, run);
				o += run;
			}
			i = r;
			continue;
		}
		char e[6];
		size_t used, n = json_char(p + i, len - i, e, &used);
		const char *src = n ? e : (const char *)p + i;
		size_t sl = n ? n : used;
		if (o + sl > sizeof(out)) {
			io_put(f, out, o);
			o = 0;
		}
		memcpy(out + o, src, sl);
		o += sl;
		i += used;
	}
	if (o)
		io_put(f, out, o);
}

/* HTML: the terminal's rule decides what is a character (so a control byte,
 * an escape sequence or invalid UTF-8 shows as visible "\xNN" text, never
 * as nothing and never as a byte the validator rejects); the five
 * characters that end text or an attribute value become entities. */
int escape_html_buf(struct buf *b, const char *s, size_t len)
{
	const unsigned char *p = (const unsigned char *)s;
	int r = 0;
	for (size_t i = 0; i < len && r == 0;) {
		/* the common case: a run of plain printable ASCII */
		size_t j = i;
		while (j < len && p[j] >= 0x20 && p[j] < 0x7F && p[j] != '&' && p[j] != '<' && p[j] != '>' &&
		       p[j] != '"' && p[j] != '\'' && p[j] != '\\')
			j++;
		if (j > i) {
			r = buf_add(b, p + i, j - i);
			i = j;
			continue;
		}
		switch (p[i]) {
		case '&': r = buf_adds(b, "&amp;"); i++; continue;
		case '<': r = buf_adds(b, "&lt;"); i++; continue;
		case '>': r = buf_adds(b, "&gt;"); i++; continue;
		case '"': r = buf_adds(b, "&quot;"); i++; continue;
		case '\'': r = buf_adds(b, "&#39;"); i++; continue;
		default: break;
		}
		char e[4];
		size_t used, n = term_char(p + i, len - i, true, e, &used);
		r = buf_add(b, e, n);
		i += used;
	}
	return r;
}

void escape_html(FILE *f, const char *s, size_t len)
{
	escape_to_file(f, s, len, escape_html_buf);
}

/* The exposition format allows only \\, \" and \n escapes and UTF-8 text:
 * a byte that starts no valid UTF-8 sequence (a cgroup path may hold any
 * bytes) becomes U+FFFD, so the scrape never fails on one bad name. */
void escape_prom_label(FILE *f, const char *s, size_t len)
{
	const unsigned char *p = (const unsigned char *)s;
	for (size_t i = 0; i < len;) {
		unsigned char c = p[i];
		if (c >= 0x80) {
			size_t n = utf8_len(p + i, len - i);
			if (n == 0) {
				fputs("\xef\xbf\xbd", f);
				i++;
			} else {
				fwrite(p + i, 1, n, f);
				i += n;
			}
			continue;
		}
		if (c == '\\')
			fputs("\\\\", f);
		else if (c == '"')
			fputs("\\\"", f);
		else if (c == '\n')
			fputs("\\n", f);
		else if (c >= 0x20 && c != 0x7f)
			fputc(c, f);
		i++;
	}
}
