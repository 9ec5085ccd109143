/* parse_zram.c — /sys/block/zramN/mm_stat (drivers/block/zram/zram_drv.c
 * mm_stat_show): orig_data_size compr_data_size mem_used_total … in bytes.
 * Pure. */
#include <errno.h>
#include <stddef.h>
#include <string.h>

#include "live/live.h"
#include "live/text.h"

int live_parse_zram_mm_stat(const char *text, size_t len, int64_t *orig_kib, int64_t *compr_kib)
{
	const char *p = text, *end = text + len;
	uint64_t orig, compr;
	while (p < end && *p == ' ')
		p++;
	if (scan_u64(&p, end, &orig) < 0)
		return -EINVAL;
	while (p < end && *p == ' ')
		p++;
	if (scan_u64(&p, end, &compr) < 0)
		return -EINVAL;
	*orig_kib = (int64_t)(orig >> 10);
	*compr_kib = (int64_t)(compr >> 10);
	return 0;
}
