/* jsonread.c — see jsonread.h.  Spans, not trees: a value is found by
 * skipping over the text before it, so memory stays constant. */
#include <errno.h>
#include <string.h>

#include "util/jsonread.h"

static int hex4(const char *p, const char *e, unsigned *out);

static const char *ws(const char *p, const char *e)
{
	while (p < e && (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r'))
		p++;
	return p;
}

/* End of the string starting at p (p at the opening quote), or NULL. */
static const char *str_end(const char *p, const char *e)
{
	for (p++; p < e; p++) {
		if (*p == '\\') {
			p++;
			continue;
		}
		if (*p == '"')
			return p + 1;
	}
	return NULL;
}

/* End of the value starting at p, or NULL when it is malformed. */
static const char *value_end(const char *p, const char *e)
{
	p = ws(p, e);
	if (p >= e)
		return NULL;
	if (*p == '"')
		return str_end(p, e);
	if (*p == '{' || *p == '[') {
		char stack[JR_MAX_DEPTH];
		int depth = 0;
		for (; p < e; p++) {
			char c = *p;
			if (c == '"') {
				const char *q = str_end(p, e);
				if (!q)
					return NULL;
				p = q - 1;
			} else if (c == '{' || c == '[') {
				if (depth >= JR_MAX_DEPTH)
					return NULL;
				stack[depth++] = c == '{' ? '}' : ']';
			} else if (c == '}' || c == ']') {
				if (depth == 0 || stack[depth - 1] != c)
					return NULL;
				if (--depth == 0)
					return p + 1;
			}
		}
		return NULL;
	}
	/* number, true, false, null */
	const char *q = p;
	while (q < e && ((*q >= '0' && *q <= '9') || (*q >= 'a' && *q <= 'z') || *q == '-' || *q == '+' ||
			 *q == '.' || *q == 'E'))
		q++;
	return q > p ? q : NULL;
}

/* Strict grammar check (RFC 8259) of the value at p; its end or NULL.  The
 * reader's other functions only skip spans, so a document is checked once
 * here, whole, before anything is read from it. */
static const char *check_value(const char *p, const char *e, int depth);

static const char *check_string(const char *p, const char *e)
{
	if (p >= e || *p != '"')
		return NULL;
	for (p++; p < e; p++) {
		unsigned char c = (unsigned char)*p;
		if (c == '"')
			return p + 1;
		if (c < 0x20)
			return NULL;
		if (c == '\\') {
			if (++p >= e)
				return NULL;
			if (*p == 'u') {
				unsigned x;
				if (hex4(p + 1, e, &x) < 0)
					return NULL;
				p += 4;
			} else if (!strchr("\"\\/bfnrt", *p)) {
				return NULL;
			}
		}
	}
	return NULL;
}

static const char *check_number(const char *p, const char *e)
{
	const char *s = p;
	if (p < e && *p == '-')
		p++;
	if (p >= e || *p < '0' || *p > '9')
		return NULL;
	if (*p == '0')
		p++;
	else
		while (p < e && *p >= '0' && *p <= '9')
			p++;
	if (p < e && *p == '.') {
		p++;
		if (p >= e || *p < '0' || *p > '9')
			return NULL;
		while (p < e && *p >= '0' && *p <= '9')
			p++;
	}
	if (p < e && (*p == 'e' || *p == 'E')) {
		p++;
		if (p < e && (*p == '+' || *p == '-'))
			p++;
		if (p >= e || *p < '0' || *p > '9')
			return NULL;
		while (p < e && *p >= '0' && *p <= '9')
			p++;
	}
	return p > s ? p : NULL;
}

static const char *check_value(const char *p, const char *e, int depth)
{
	p = ws(p, e);
	if (p >= e || depth > JR_MAX_DEPTH)
		return NULL;
	if (*p == '"')
		return check_string(p, e);
	if (*p == '{' || *p == '[') {
		char close = *p == '{' ? '}' : ']';
		p = ws(p + 1, e);
		if (p < e && *p == close)
			return p + 1;
		for (;;) {
			if (close == '}') {
				p = check_string(ws(p, e), e);
				if (!p)
					return NULL;
				p = ws(p, e);
				if (p >= e || *p != ':')
					return NULL;
				p++;
			}
			p = check_value(p, e, depth + 1);
			if (!p)
				return NULL;
			p = ws(p, e);
			if (p < e && *p == ',') {
				p++;
				continue;
			}
			if (p < e && *p == close)
				return p + 1;
			return NULL;
		}
	}
	static const char *const lit[] = { "true", "false", "null" };
	for (size_t i = 0; i < 3; i++) {
		size_t n = strlen(lit[i]);
		if ((size_t)(e - p) >= n && memcmp(p, lit[i], n) == 0)
			return p + n;
	}
	return check_number(p, e);
}

int jr_doc(const char *s, size_t len, struct jr *out)
{
	const char *e = s + len, *p = ws(s, e);
	const char *q = check_value(p, e, 0);
	if (!q || ws(q, e) != e)
		return -EINVAL;
	out->p = p;
	out->e = q;
	return 0;
}

int jr_get(struct jr v, const char *key, struct jr *out)
{
	const char *p = ws(v.p, v.e), *e = v.e;
	if (p >= e || *p != '{')
		return -EINVAL;
	size_t klen = strlen(key);
	p = ws(p + 1, e);
	if (p < e && *p == '}')
		return -ENOENT;
	while (p < e) {
		if (*p != '"')
			return -EINVAL;
		const char *ke = str_end(p, e);
		if (!ke)
			return -EINVAL;
		bool match = (size_t)(ke - p - 2) == klen && memcmp(p + 1, key, klen) == 0;
		p = ws(ke, e);
		if (p >= e || *p != ':')
			return -EINVAL;
		const char *vs = ws(p + 1, e);
		const char *ve = value_end(vs, e);
		if (!ve)
			return -EINVAL;
		if (match) {
			out->p = vs;
			out->e = ve;
			return 0;
		}
		p = ws(ve, e);
		if (p < e && *p == ',') {
			p = ws(p + 1, e);
			continue;
		}
		if (p < e && *p == '}')
			return -ENOENT;
		return -EINVAL;
	}
	return -EINVAL;
}

int jr_next(struct jr arr, struct jr_iter *it, struct jr *out)
{
	const char *e = arr.e, *p;
	if (!it->p) {
		p = ws(arr.p, e);
		if (p >= e || *p != '[')
			return -EINVAL;
		p = ws(p + 1, e);
		if (p < e && *p == ']') {
			it->p = e;
			return 0;
		}
	} else {
		p = ws(it->p, e);
		if (p >= e || *p == ']')
			return 0;
		if (*p != ',')
			return -EINVAL;
		p = ws(p + 1, e);
	}
	const char *ve = value_end(p, e);
	if (!ve)
		return -EINVAL;
	out->p = p;
	out->e = ve;
	it->p = ve;
	return 1;
}

static int hex4(const char *p, const char *e, unsigned *out)
{
	if (e - p < 4)
		return -1;
	unsigned v = 0;
	for (int i = 0; i < 4; i++) {
		char c = p[i];
		v <<= 4;
		if (c >= '0' && c <= '9') v |= (unsigned)(c - '0');
		else if (c >= 'a' && c <= 'f') v |= (unsigned)(c - 'a' + 10);
		else if (c >= 'A' && c <= 'F') v |= (unsigned)(c - 'A' + 10);
		else return -1;
	}
	*out = v;
	return 0;
}

static int put_utf8(struct buf *b, unsigned cp)
{
	char u[4];
	if (cp < 0x80)
		return buf_addc(b, (char)cp);
	if (cp < 0x800) {
		u[0] = (char)(0xC0 | cp >> 6), u[1] = (char)(0x80 | (cp & 0x3F));
		return buf_add(b, u, 2);
	}
	if (cp < 0x10000) {
		u[0] = (char)(0xE0 | cp >> 12), u[1] = (char)(0x80 | ((cp >> 6) & 0x3F)), u[2] = (char)(0x80 | (cp & 0x3F));
		return buf_add(b, u, 3);
	}
	u[0] = (char)(0xF0 | cp >> 18), u[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
	u[2] = (char)(0x80 | ((cp >> 6) & 0x3F)), u[3] = (char)(0x80 | (cp & 0x3F));
	return buf_add(b, u, 4);
}

int jr_str(struct jr v, struct buf *out)
{
	const char *p = ws(v.p, v.e), *e = v.e;
	if (p >= e || *p != '"' || e - p < 2 || e[-1] != '"')
		return -EINVAL;
	e--;
	for (p++; p < e; p++) {
		if (*p != '\\') {
			if (buf_addc(out, *p) < 0)
				return -ENOMEM;
			continue;
		}
		if (++p >= e)
			break;
		int r = 0;
		switch (*p) {
		case 'n': r = buf_addc(out, '\n'); break;
		case 't': r = buf_addc(out, '\t'); break;
		case 'r': r = buf_addc(out, '\r'); break;
		case 'b': r = buf_addc(out, '\b'); break;
		case 'f': r = buf_addc(out, '\f'); break;
		case 'u': {
			unsigned cp, lo;
			if (hex4(p + 1, e, &cp) < 0) {
				r = put_utf8(out, 0xFFFD);
				break;
			}
			p += 4;
			if (cp >= 0xD800 && cp <= 0xDBFF && e - p >= 7 && p[1] == '\\' && p[2] == 'u' &&
			    hex4(p + 3, e, &lo) == 0 && lo >= 0xDC00 && lo <= 0xDFFF) {
				cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
				p += 6;
			} else if (cp >= 0xD800 && cp <= 0xDFFF) {
				cp = 0xFFFD;
			}
			r = put_utf8(out, cp);
			break;
		}
		default: r = buf_addc(out, *p); break;   /* \" \\ \/ and anything else */
		}
		if (r < 0)
			return -ENOMEM;
	}
	return 0;
}

int jr_str_copy(struct jr v, char *dst, size_t dstlen)
{
	struct buf b = BUF_INIT;
	int r = jr_str(v, &b);
	if (dstlen)
		dst[0] = '\0';
	if (r == 0 && b.data)
		str_copy(dst, dstlen, b.data, b.len);
	buf_release(&b);
	return r;
}

int jr_int(struct jr v, int64_t *out)
{
	const char *p = ws(v.p, v.e);
	return scan_i64(&p, v.e, out) == 0 ? 0 : -EINVAL;
}

bool jr_is_null(struct jr v)
{
	const char *p = ws(v.p, v.e);
	return v.e - p == 4 && memcmp(p, "null", 4) == 0;
}

bool jr_bool(struct jr v)
{
	const char *p = ws(v.p, v.e);
	return v.e - p == 4 && memcmp(p, "true", 4) == 0;
}
