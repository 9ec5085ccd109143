/* parse_value.c — files that hold one decimal number and a newline:
 * /proc/sys/vm/... (proc_dointvec), /proc/PID/oom_score_adj
 * (fs/proc/base.c oom_score_adj_read), memory.swappiness, memory.oom.group,
 * memory.failcnt; a list of them (/proc/sys/vm/lowmem_reserve_ratio,
 * proc_dointvec_minmax arrays); the [selected] word of a mode file
 * (/sys/kernel/mm/transparent_hugepage/enabled).  Pure. */
#include <errno.h>
#include <stddef.h>
#include <string.h>

#include "live/live.h"
#include "live/text.h"

int live_parse_value_i64(const char *text, size_t len, int64_t *out)
{
	const char *nul = memchr(text, '\0', len);
	if (nul)
		len = (size_t)(nul - text);
	while (len > 0 && (text[len - 1] == '\n' || text[len - 1] == ' ' || text[len - 1] == '\t'))
		len--;
	int64_t v;
	if (len == 0 || parse_i64(text, len, &v) < 0)
		return -EINVAL;
	*out = v;
	return 0;
}

int live_parse_value_list(const char *text, size_t len, int64_t *out, int max, int *nr)
{
	const char *p = text, *end = text + len;
	int n = 0;
	int64_t v[64];
	while (p < end && n < max && n < 64) {
		while (p < end && (*p == ' ' || *p == '\t' || *p == '\n'))
			p++;
		if (p >= end || scan_i64(&p, end, &v[n]) < 0)
			break;
		n++;
	}
	if (n == 0)
		return -EINVAL;
	memcpy(out, v, sizeof(v[0]) * (size_t)n);
	*nr = n;
	return 0;
}

int live_parse_bracketed(const char *text, size_t len, char *dst, size_t dstlen)
{
	/* "always [madvise] never" (mm/huge_memory.c enabled_show) */
	const char *a = memchr(text, '[', len);
	const char *b = a ? memchr(a, ']', (size_t)(text + len - a)) : NULL;
	if (!a || !b || dstlen == 0)
		return -EINVAL;
	str_copy(dst, dstlen, a + 1, (size_t)(b - a - 1));
	return 0;
}
