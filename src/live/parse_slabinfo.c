/* parse_slabinfo.c — /proc/slabinfo 2.1 (mm/slab_common.c): the largest
 * caches by memory held.  Pure. */
#include <errno.h>
#include <stddef.h>
#include <string.h>

#include "live/live.h"
#include "live/text.h"

int live_parse_slabinfo(const char *text, size_t len, int64_t psz, struct oom_snapshot *s)
{
	if (!known(psz) || psz <= 0)
		psz = 4;
	struct text_lines it;
	text_lines_init(&it, text, len);
	const char *line;
	size_t ll;
	int n = 0;
	s->nr_slabs = 0;
	bool header = false;
	while (text_lines_next(&it, &line, &ll)) {
		if (ll >= 9 && !memcmp(line, "slabinfo ", 9)) {
			header = true;
			continue;
		}
		if (!header || ll == 0 || line[0] == '#')
			continue;
		/* name active_objs num_objs objsize objperslab pagesperslab : tunables … : slabdata active_slabs num_slabs shared */
		const char *p = line, *end = line + ll;
		const char *nm = p;
		while (p < end && *p != ' ')
			p++;
		size_t nl = (size_t)(p - nm);
		uint64_t f[5];
		int k = 0;
		while (k < 5) {
			while (p < end && *p == ' ')
				p++;
			if (scan_u64(&p, end, &f[k]) < 0)
				break;
			k++;
		}
		const char *sd = mem_find(p, (size_t)(end - p), ": slabdata");
		uint64_t active_slabs, num_slabs;
		if (k < 5 || !sd || nl == 0)
			continue;
		p = sd + 10;
		while (p < end && *p == ' ')
			p++;
		if (scan_u64(&p, end, &active_slabs) < 0)
			continue;
		while (p < end && *p == ' ')
			p++;
		if (scan_u64(&p, end, &num_slabs) < 0)
			continue;
		if (f[4] > (1u << 20) || num_slabs > (uint64_t)INT64_MAX / 4096 || f[2] > (1u << 30) ||
		    f[0] > (uint64_t)INT64_MAX / (1u << 30))
			continue;
		int64_t total = sat_mul(sat_mul((int64_t)num_slabs, (int64_t)f[4]), psz);
		int64_t used = (int64_t)((f[0] * f[2]) >> 10);
		n++;
		/* Keep the largest 16, sorted by total. */
		int cap = (int)ARRAY_SIZE(s->slabs);
		int pos = s->nr_slabs;
		while (pos > 0 && s->slabs[pos - 1].total_kib < total)
			pos--;
		if (pos >= cap)
			continue;
		int last = s->nr_slabs < cap ? s->nr_slabs : cap - 1;
		memmove(&s->slabs[pos + 1], &s->slabs[pos], sizeof(s->slabs[0]) * (size_t)(last - pos));
		str_copy(s->slabs[pos].name, sizeof(s->slabs[pos].name), nm, nl);
		s->slabs[pos].used_kib = used;
		s->slabs[pos].total_kib = total;
		if (s->nr_slabs < cap)
			s->nr_slabs++;
	}
	return n ? 0 : -EINVAL;
}
