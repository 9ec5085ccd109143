/* parse_slabinfo.c — /proc/slabinfo 2.1 (mm/slab_common.c): the largest
 * caches by memory held.  Pure. */
#include <errno.h>
#include <stddef.h>
#include <string.h>

#include "live/live.h"
#include "live/text.h"

int live_parse_slabinfo_top(const char *text, size_t len, int64_t psz, struct oom_slab *out, int cap,
			    int *nr)
{
	if (!known(psz) || psz <= 0)
		psz = 4;
	struct oom_slab top[16];
	if (cap > (int)ARRAY_SIZE(top))
		cap = (int)ARRAY_SIZE(top);
	if (cap <= 0)
		return -EINVAL;
	int kept = 0;
	struct text_lines it;
	text_lines_init(&it, text, len);
	const char *line;
	size_t ll;
	int n = 0;
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
		/* Keep the largest cap, sorted by total. */
		int pos = kept;
		while (pos > 0 && top[pos - 1].total_kib < total)
			pos--;
		if (pos >= cap)
			continue;
		int last = kept < cap ? kept : cap - 1;
		memmove(&top[pos + 1], &top[pos], sizeof(top[0]) * (size_t)(last - pos));
		str_copy(top[pos].name, sizeof(top[pos].name), nm, nl);
		top[pos].used_kib = used;
		top[pos].total_kib = total;
		if (kept < cap)
			kept++;
	}
	if (!n)
		return -EINVAL;
	memcpy(out, top, sizeof(top[0]) * (size_t)kept);
	*nr = kept;
	return 0;
}

int live_parse_slabinfo(const char *text, size_t len, int64_t psz, struct oom_snapshot *s)
{
	int nr;
	int rc = live_parse_slabinfo_top(text, len, psz, s->slabs, (int)ARRAY_SIZE(s->slabs), &nr);
	if (rc == 0)
		s->nr_slabs = nr;
	return rc;
}
