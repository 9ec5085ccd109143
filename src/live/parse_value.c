/* parse_value.c — files that hold one decimal number and a newline:
 * /proc/sys/vm/... (proc_dointvec), /proc/PID/oom_score_adj
 * (fs/proc/base.c oom_score_adj_read), memory.swappiness, memory.oom.group,
 * memory.failcnt.  Pure. */
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
