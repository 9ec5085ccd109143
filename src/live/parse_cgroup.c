/* parse_cgroup.c — /proc/PID/cgroup (kernel/cgroup/cgroup.c
 * proc_cgroup_show): the task's memory cgroup path.  Pure. */
#include <errno.h>
#include <stddef.h>
#include <string.h>

#include "live/live.h"
#include "live/text.h"

int live_parse_pid_cgroup(const char *text, size_t len, char *dst, size_t dstlen)
{
	const char *v1 = NULL, *v2 = NULL;
	size_t v1l = 0, v2l = 0;
	struct text_lines it;
	text_lines_init(&it, text, len);
	const char *line;
	size_t ll;
	while (text_lines_next(&it, &line, &ll)) {
		/* "ID:controllers:path" — the path may itself hold ':' */
		const char *c1 = memchr(line, ':', ll);
		if (!c1)
			continue;
		const char *c2 = memchr(c1 + 1, ':', (size_t)(line + ll - c1 - 1));
		if (!c2)
			continue;
		const char *ctl = c1 + 1;
		size_t cl = (size_t)(c2 - ctl);
		const char *path = c2 + 1;
		size_t pl = (size_t)(line + ll - path);
		if (cl == 0 && c1 - line == 1 && line[0] == '0') {
			v2 = path;
			v2l = pl;
			continue;
		}
		/* comma-separated controller list containing "memory" */
		const char *q = ctl, *qe = c2;
		while (q < qe) {
			const char *comma = memchr(q, ',', (size_t)(qe - q));
			const char *we = comma ? comma : qe;
			if (we - q == 6 && !memcmp(q, "memory", 6)) {
				v1 = path;
				v1l = pl;
			}
			q = comma ? comma + 1 : qe;
		}
	}
	if (v1)
		str_copy(dst, dstlen, v1, v1l);
	else if (v2)
		str_copy(dst, dstlen, v2, v2l);
	else
		return -ENOENT;
	return 0;
}
