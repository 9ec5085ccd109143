/* num.c — strict number parsing for untrusted text (kernel logs, /proc). */
#include <errno.h>
#include <string.h>

#include "util/util.h"

int scan_u64(const char **p, const char *end, uint64_t *out)
{
	const char *s = *p;
	uint64_t v = 0;
	if (s >= end || *s < '0' || *s > '9')
		return -EINVAL;
	for (; s < end && *s >= '0' && *s <= '9'; s++) {
		unsigned d = (unsigned)(*s - '0');
		if (v > (UINT64_MAX - d) / 10) {
			while (s < end && *s >= '0' && *s <= '9')
				s++;
			*p = s;
			return -ERANGE;
		}
		v = v * 10 + d;
	}
	*p = s;
	*out = v;
	return 0;
}

int scan_i64(const char **p, const char *end, int64_t *out)
{
	const char *s = *p;
	bool neg = false;
	uint64_t u;
	if (s < end && (*s == '-' || *s == '+')) {
		neg = *s == '-';
		s++;
	}
	int r = scan_u64(&s, end, &u);
	if (r < 0) {
		if (r == -ERANGE)
			*p = s;
		return r;
	}
	if ((!neg && u > (uint64_t)INT64_MAX) || (neg && u > (uint64_t)INT64_MAX + 1)) {
		*p = s;
		return -ERANGE;
	}
	*p = s;
	*out = neg ? (int64_t)(0 - u) : (int64_t)u;
	return 0;
}

static size_t eff_len(const char *s, size_t len)
{
	return len == (size_t)-1 ? strlen(s) : len;
}

int parse_u64(const char *s, size_t len, uint64_t *out)
{
	len = eff_len(s, len);
	const char *p = s, *end = s + len;
	uint64_t v;
	int r = scan_u64(&p, end, &v);
	if (r < 0)
		return r;
	if (p != end)
		return -EINVAL;
	*out = v;
	return 0;
}

int parse_i64(const char *s, size_t len, int64_t *out)
{
	len = eff_len(s, len);
	const char *p = s, *end = s + len;
	int64_t v;
	if (p < end && *p == '+')
		return -EINVAL;
	int r = scan_i64(&p, end, &v);
	if (r < 0)
		return r;
	if (p != end)
		return -EINVAL;
	*out = v;
	return 0;
}

int parse_hex_u64(const char *s, size_t len, uint64_t *out)
{
	len = eff_len(s, len);
	const char *p = s, *end = s + len;
	uint64_t v = 0;
	if (end - p >= 2 && p[0] == '0' && (p[1] == 'x' || p[1] == 'X'))
		p += 2;
	if (p == end)
		return -EINVAL;
	for (; p < end; p++) {
		unsigned d;
		if (*p >= '0' && *p <= '9')
			d = (unsigned)(*p - '0');
		else if (*p >= 'a' && *p <= 'f')
			d = (unsigned)(*p - 'a' + 10);
		else if (*p >= 'A' && *p <= 'F')
			d = (unsigned)(*p - 'A' + 10);
		else
			return -EINVAL;
		if (v >> 60)
			return -ERANGE;
		v = v << 4 | d;
	}
	*out = v;
	return 0;
}

int64_t sat_add(int64_t a, int64_t b)
{
	int64_t r;
	if (__builtin_add_overflow(a, b, &r))
		return a > 0 ? INT64_MAX : INT64_MIN + 1;
	return r;
}

int64_t sat_mul(int64_t a, int64_t b)
{
	int64_t r;
	if (__builtin_mul_overflow(a, b, &r))
		return ((a < 0) != (b < 0)) ? INT64_MIN + 1 : INT64_MAX;
	return r;
}
