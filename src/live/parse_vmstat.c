/* parse_vmstat.c — /proc/vmstat (mm/vmstat.c vmstat_show): the event
 * counters oomkit reads, "name value" lines.  Pure. */
#include <errno.h>
#include <stddef.h>
#include <string.h>

#include "live/live.h"
#include "live/text.h"

int live_parse_vmstat(const char *text, size_t len, struct live_vm *out)
{
	int found = 0;
	int64_t allocstall = OOM_NA;
	struct text_lines it;
	text_lines_init(&it, text, len);
	const char *line, *val;
	size_t kl, vl;
	while (text_kv_next(&it, ' ', &line, &kl, &val, &vl)) {
		int64_t v;
		if (parse_i64(val, vl, &v) < 0 || v < 0)
			continue;
#define IS(lit) (kl == sizeof(lit) - 1 && !memcmp(line, lit, kl))
		if (IS("oom_kill")) out->oom_kill_count = v, found++;
		else if (IS("compact_stall")) out->compact_stall = v, found++;
		else if (IS("compact_fail")) out->compact_fail = v, found++;
		else if (IS("thp_fault_fallback")) out->thp_fault_fallback = v, found++;
		else if (kl >= 10 && !memcmp(line, "allocstall", 10)) {
			allocstall = sat_add(known(allocstall) ? allocstall : 0, v);
			found++;
		}
#undef IS
	}
	if (known(allocstall))
		out->allocstall = allocstall;
	return found ? 0 : -EINVAL;
}
