/* parse_buddyinfo.c — /proc/buddyinfo (mm/vmstat.c frag_show_print): free
 * blocks per order of every zone.  Pure. */
#include <errno.h>
#include <stddef.h>
#include <string.h>

#include "live/live.h"
#include "live/text.h"

/* The next "Node N, zone NAME  c0 c1 …" line of it → its counts; lines
 * of another form (or with a bad count) are skipped.  false at the end. */
static bool buddy_next(struct text_lines *it, int *node, char *name, size_t namelen, int64_t *blocks, int *nr)
{
	const char *line;
	size_t ll;
	while (text_lines_next(it, &line, &ll)) {
		const char *p;
		if (!text_node_zone(line, ll, node, name, namelen, &p))
			continue;
		const char *end = line + ll;
		int n = 0;
		bool bad = false;
		while (p < end && !bad) {
			while (p < end && (*p == ' ' || *p == '\t'))
				p++;
			if (p >= end)
				break;
			uint64_t v;
			if (n >= OOM_MAX_ORDERS || scan_u64(&p, end, &v) < 0 || v > (uint64_t)INT64_MAX)
				bad = true;
			else
				blocks[n++] = (int64_t)v;
		}
		if (bad || n == 0)
			continue;
		*nr = n;
		return true;
	}
	return false;
}

int live_parse_buddyinfo(const char *text, size_t len, struct oom_snapshot *s)
{
	int zones = 0, node, n;
	char name[16];
	int64_t blocks[OOM_MAX_ORDERS];
	struct text_lines it;
	text_lines_init(&it, text, len);
	while (buddy_next(&it, &node, name, sizeof(name), blocks, &n)) {
		struct oom_zone *z = snapshot_zone(s, node, name);
		if (!z)
			continue;
		memcpy(z->free_blocks, blocks, sizeof(blocks[0]) * (size_t)n);
		z->nr_orders = n;
		zones++;
	}
	return zones ? 0 : -EINVAL;
}

int live_parse_buddyinfo_sum(const char *text, size_t len, int64_t *free_blocks, int max_orders,
			     int *nr_orders)
{
	int64_t sum[OOM_MAX_ORDERS], blocks[OOM_MAX_ORDERS];
	int orders = 0, zones = 0, node, n;
	char name[16];
	struct text_lines it;
	text_lines_init(&it, text, len);
	while (buddy_next(&it, &node, name, sizeof(name), blocks, &n)) {
		for (int o = 0; o < n; o++)
			sum[o] = o < orders ? sat_add(sum[o], blocks[o]) : blocks[o];
		if (n > orders)
			orders = n;
		zones++;
	}
	if (!zones)
		return -EINVAL;
	if (orders > max_orders)
		orders = max_orders;
	for (int o = 0; o < orders; o++)
		free_blocks[o] = sum[o];
	*nr_orders = orders;
	return 0;
}
