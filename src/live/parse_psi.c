/* parse_psi.c — /proc/pressure/memory and a cgroup's memory.pressure
 * (kernel/sched/psi.c psi_show, 4.20+): the some and full lines.  Pure. */
#include <errno.h>
#include <stddef.h>
#include <string.h>

#include "live/live.h"
#include "live/text.h"

/* "12.34" → 12.34 (the kernel prints %lu.%02lu). */
static int scan_percent(const char **pp, const char *end, double *out)
{
	const char *p = *pp;
	uint64_t whole, frac = 0;
	if (scan_u64(&p, end, &whole) < 0 || whole > 100000)
		return -EINVAL;
	double div = 1;
	if (p < end && *p == '.') {
		p++;
		const char *f = p;
		if (scan_u64(&p, end, &frac) < 0 || p - f > 6)
			return -EINVAL;
		for (long i = 0; i < p - f; i++)
			div *= 10;
	}
	*out = (double)whole + (double)frac / div;
	*pp = p;
	return 0;
}

int live_parse_psi(const char *text, size_t len, struct oom_pressure *out)
{
	struct oom_pressure r;
	memset(&r, 0, sizeof(r));
	struct text_lines it;
	text_lines_init(&it, text, len);
	const char *line;
	size_t ll;
	while (text_lines_next(&it, &line, &ll)) {
		struct oom_psi_line *pl;
		if (ll > 5 && !memcmp(line, "some ", 5))
			pl = &r.some;
		else if (ll > 5 && !memcmp(line, "full ", 5))
			pl = &r.full;
		else
			continue;
		const char *p = line + 5, *end = line + ll;
		struct oom_psi_line v = { 0, 0, 0, 0, false };
		int got = 0;
		while (p < end) {
			while (p < end && *p == ' ')
				p++;
			const char *k = p;
			while (p < end && *p != '=' && *p != ' ')
				p++;
			if (p >= end || *p != '=')
				break;
			size_t kl = (size_t)(p - k);
			p++;
			if (kl == 5 && !memcmp(k, "avg10", 5) && scan_percent(&p, end, &v.avg10) == 0)
				got++;
			else if (kl == 5 && !memcmp(k, "avg60", 5) && scan_percent(&p, end, &v.avg60) == 0)
				got++;
			else if (kl == 6 && !memcmp(k, "avg300", 6) && scan_percent(&p, end, &v.avg300) == 0)
				got++;
			else if (kl == 5 && !memcmp(k, "total", 5) && scan_u64(&p, end, &v.total_us) == 0)
				got++;
			else
				break;
		}
		if (got == 4) {
			v.known = true;
			*pl = v;
		}
	}
	if (!r.some.known && !r.full.known)
		return -EINVAL;
	*out = r;
	return 0;
}
