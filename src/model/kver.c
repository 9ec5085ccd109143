/* kver.c — kernel release strings ("uname -r", the "Not tainted X" of a
 * report) to a comparable version.  Only the leading major.minor[.patch]
 * matters to the era tables; the suffix is inspected for the RHEL marker
 * (".el7", ".el8_4", …) because RHEL kernels carry backports that move them
 * out of their mainline era (§1.14 of the fact sheet). */
#include <errno.h>
#include <stddef.h>
#include <string.h>

#include "model/kernel.h"

/* Reads up to 6 decimal digits at *p; -1 when there is no digit or the
 * number is absurdly long (a release is never "300000.1"). */
static int read_num(const char **p)
{
	const char *s = *p;
	int v = 0, n = 0;

	while (*s >= '0' && *s <= '9') {
		if (++n > 6)
			return -1;
		v = v * 10 + (*s - '0');
		s++;
	}
	if (n == 0)
		return -1;
	*p = s;
	return v;
}

/* ".elN" followed by a non-digit (".el7.x86_64", ".el9_3", end) anywhere in
 * the suffix; 0 when absent. */
static int rhel_of(const char *suffix)
{
	for (const char *s = strstr(suffix, ".el"); s; s = strstr(s + 1, ".el")) {
		const char *q = s + 3;
		int n = read_num(&q);
		if (n > 0 && n < 100 && (*q == '\0' || *q == '.' || *q == '_'))
			return n;
	}
	return 0;
}

int kver_parse(const char *release, struct kver *out)
{
	if (!release)
		return -EINVAL;
	const char *p = release;
	int major = read_num(&p);
	if (major < 1 || major > 99 || *p != '.')
		return -EINVAL;
	p++;
	int minor = read_num(&p);
	if (minor < 0 || minor > 999)
		return -EINVAL;
	int patch = 0;
	if (*p == '.' && p[1] >= '0' && p[1] <= '9') {
		p++;
		patch = read_num(&p);
		if (patch < 0)
			return -EINVAL;
		/* 2.6.32.63: the fourth (stable) number does not move an era. */
		if (*p == '.' && p[1] >= '0' && p[1] <= '9') {
			p++;
			if (read_num(&p) < 0)
				return -EINVAL;
		}
	}
	/* What may follow the numbers: nothing, or a localversion introduced by
	 * '-', '+', '.', '_' or '~'.  "3.10x" or "5.4 #1" are not releases. */
	if (*p != '\0' && *p != '-' && *p != '+' && *p != '.' && *p != '_' && *p != '~')
		return -EINVAL;
	for (const char *s = p; *s; s++)
		if ((unsigned char)*s <= ' ' || (unsigned char)*s >= 0x7f)
			return -EINVAL;

	struct kver v = kver_make(major, minor, patch);
	v.rhel = rhel_of(p);
	*out = v;
	return 0;
}

int kver_cmp(const struct kver *v, int major, int minor, int patch)
{
	/* Unknown compares as newer than anything: the current formats and
	 * arithmetic are the most common in the field. */
	if (!v || !v->known)
		return 1;
	if (v->major != major)
		return v->major < major ? -1 : 1;
	if (v->minor != minor)
		return v->minor < minor ? -1 : 1;
	if (v->patch != patch)
		return v->patch < patch ? -1 : 1;
	return 0;
}

struct kver kver_make(int major, int minor, int patch)
{
	struct kver v;
	memset(&v, 0, sizeof(v));
	v.known = true;
	v.major = major;
	v.minor = minor;
	v.patch = patch;
	return v;
}
