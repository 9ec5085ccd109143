/* svg_read.h — reading back what an HTML renderer drew, for the tests of
 * render/html*.c: a renderer's output in memory, and a tag's attributes. */
#ifndef OOMKIT_TEST_SVG_READ_H
#define OOMKIT_TEST_SVG_READ_H

#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The value of attribute name in the tag starting at p (before its '>'). */
static inline bool attr(const char *p, const char *name, char *out, size_t n)
{
	const char *end = strchr(p, '>');
	char pat[48];
	snprintf(pat, sizeof(pat), " %s=\"", name);
	const char *a = strstr(p, pat);
	if (!a || !end || a > end)
		return false;
	a += strlen(pat);
	const char *q = strchr(a, '"');
	if (!q || (size_t)(q - a) >= n)
		return false;
	memcpy(out, a, (size_t)(q - a));
	out[q - a] = '\0';
	return true;
}

static inline double attr_d(const char *p, const char *name)
{
	char b[64];
	return attr(p, name, b, sizeof(b)) ? strtod(b, NULL) : NAN;
}

static inline char *render(void (*fn)(FILE *, void *), void *arg)
{
	char *s = NULL;
	size_t n = 0;
	FILE *f = open_memstream(&s, &n);
	if (!f)
		return NULL;
	fn(f, arg);
	fclose(f);
	return s;
}

#endif
