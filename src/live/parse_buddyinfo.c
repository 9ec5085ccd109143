/* parse_buddyinfo.c — /proc/buddyinfo (mm/vmstat.c frag_show_print): free
 * blocks per order of every zone.  Pure. */
#include <errno.h>
#include <stddef.h>
#include <string.h>

#include "live/live.h"
#include "live/text.h"

int live_parse_buddyinfo(const char *text, size_t len, struct oom_snapshot *s)
{
	int zones = 0;
	struct text_lines it;
	text_lines_init(&it, text, len);
	const char *line;
	size_t ll;
	while (text_lines_next(&it, &line, &ll)) {
		int node;
		char name[16];
		const char *p;
		if (!text_node_zone(line, ll, &node, name, sizeof(name), &p))
			continue;
		const char *end = line + ll;
		int64_t blocks[OOM_MAX_ORDERS];
		int n = 0;
		bool bad = false;
		while (p < end) {
			while (p < end && (*p == ' ' || *p == '\t'))
				p++;
			if (p >= end)
				break;
			uint64_t v;
			if (n >= OOM_MAX_ORDERS || scan_u64(&p, end, &v) < 0 || v > (uint64_t)INT64_MAX) {
				bad = true;
				break;
			}
			blocks[n++] = (int64_t)v;
		}
		if (bad || n == 0)
			continue;
		struct oom_zone *z = snapshot_zone(s, node, name);
		if (!z)
			continue;
		memcpy(z->free_blocks, blocks, sizeof(blocks[0]) * (size_t)n);
		z->nr_orders = n;
		zones++;
	}
	return zones ? 0 : -EINVAL;
}
