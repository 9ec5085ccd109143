/* parse_vmstat.c — /proc/vmstat (mm/vmstat.c vmstat_show): the event
 * counters oomkit reads, "name value" lines → struct oom_vmstat.  Pure. */
#include <errno.h>
#include <stddef.h>
#include <string.h>

#include "live/live.h"
#include "live/text.h"

int live_parse_vmstat(const char *text, size_t len, struct oom_vmstat *out)
{
	static const struct text_key keys[] = {
#define K(name, field) TEXT_KEY(name, struct oom_vmstat, field)
		K("pgscan_kswapd", pgscan_kswapd), K("pgscan_direct", pgscan_direct),
		K("pgsteal_kswapd", pgsteal_kswapd), K("pgsteal_direct", pgsteal_direct),
		K("pswpin", pswpin), K("pswpout", pswpout), K("pgmajfault", pgmajfault),
		K("compact_stall", compact_stall), K("compact_fail", compact_fail),
		K("thp_fault_fallback", thp_fault_fallback), K("oom_kill", oom_kill),
#undef K
	};
	struct oom_vmstat v;
	vmstat_init(&v);
	int found = 0;
	struct text_lines it;
	text_lines_init(&it, text, len);
	const char *line, *val;
	size_t kl, vl;
	while (text_kv_next(&it, ' ', &line, &kl, &val, &vl)) {
		int64_t x;
		if (parse_i64(val, vl, &x) < 0 || x < 0)
			continue;
		/* Per-zone allocstall_<zone> (4.9+) and the split
		 * workingset_refault_{anon,file} (5.9+) are summed; before, one
		 * counter each under the bare name. */
		if (kl >= 10 && !memcmp(line, "allocstall", 10)) {
			v.allocstall = sat_add(known(v.allocstall) ? v.allocstall : 0, x);
			found++;
			continue;
		}
		if (kl >= 18 && !memcmp(line, "workingset_refault", 18) && (kl == 18 || line[18] == '_')) {
			v.workingset_refault = sat_add(known(v.workingset_refault) ? v.workingset_refault : 0, x);
			found++;
			continue;
		}
		const struct text_key *k = text_key_find(keys, ARRAY_SIZE(keys), line, kl);
		if (k) {
			text_key_set(&v, k, x);
			found++;
		}
	}
	if (!found)
		return -EINVAL;
	*out = v;
	return 0;
}
