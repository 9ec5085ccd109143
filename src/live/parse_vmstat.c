/* parse_vmstat.c — /proc/vmstat (mm/vmstat.c vmstat_show): the event
 * counters oomkit reads, "name value" lines → struct oom_vmstat.  Pure. */
#include <errno.h>
#include <stddef.h>
#include <string.h>

#include "live/live.h"
#include "live/text.h"

/* Per-zone allocstall_<zone> (4.9+) and the split workingset_refault_{anon,
 * file} (5.9+) are summed; before, one counter each under the bare name. */
static bool vmstat_hook(void *ctx, const char *key, size_t kl, int64_t x)
{
	struct oom_vmstat *v = ctx;
	if (kl >= 10 && !memcmp(key, "allocstall", 10)) {
		v->allocstall = sat_add(known(v->allocstall) ? v->allocstall : 0, x);
		return true;
	}
	if (kl >= 18 && !memcmp(key, "workingset_refault", 18) && (kl == 18 || key[18] == '_')) {
		v->workingset_refault = sat_add(known(v->workingset_refault) ? v->workingset_refault : 0, x);
		return true;
	}
	return false;
}

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
	int found = text_kv_table(text, len, ' ', text_value_nonneg, keys, ARRAY_SIZE(keys), &v, vmstat_hook, &v);
	if (!found)
		return -EINVAL;
	*out = v;
	return 0;
}
