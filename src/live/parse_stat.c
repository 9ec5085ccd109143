/* parse_stat.c — /proc/PID/stat (fs/proc/array.c do_task_stat): comm,
 * state, ppid, process group, session, flags, start time, rss.  Pure. */
#include <errno.h>
#include <stddef.h>
#include <string.h>

#include "live/live.h"
#include "live/text.h"

int live_parse_stat(const char *text, size_t len, struct oom_task *t, struct live_pid_stat *ps)
{
	/* "pid (comm) S ppid … flags(9) …" — comm may hold ')' and spaces, so
	 * it ends at the LAST ')'. */
	const char *end = text + len;
	const char *open = memchr(text, '(', len);
	const char *close = NULL;
	for (const char *p = end; p > text; p--)
		if (p[-1] == ')') {
			close = p - 1;
			break;
		}
	if (!open || !close || close < open)
		return -EINVAL;
	int64_t pid;
	const char *p = text;
	if (scan_i64(&p, open, &pid) < 0)
		return -EINVAL;
	char st = 0;
	p = close + 1;
	/* fields after comm: 3 state, 4 ppid, 5 pgrp, 6 session, 7 tty, 8 tpgid, 9 flags … 24 rss */
	uint64_t f[21];
	int n = 0;
	while (p < end && *p == ' ')
		p++;
	if (p < end)
		st = *p++;
	while (n < 21 && p < end) {
		while (p < end && *p == ' ')
			p++;
		uint64_t u;
		if (p < end && *p == '-') {
			int64_t v;
			if (scan_i64(&p, end, &v) < 0)
				return -EINVAL;
			u = (uint64_t)v;
		} else if (scan_u64(&p, end, &u) < 0) {
			return -EINVAL;
		}
		f[n++] = u;
	}
	if (n < 6 || !st || (ps && n < 19))
		return -EINVAL;
	t->pid = pid;
	str_copy(t->comm, sizeof(t->comm), open + 1, (size_t)(close - open - 1));
	/* PF_KTHREAD 0x00200000 (include/linux/sched.h, 2.6.27+) in field 9. */
	t->kthread = (f[5] & 0x00200000u) != 0;
	if (n >= 21 && f[20] <= (uint64_t)INT64_MAX)
		t->rss_pages = (int64_t)f[20];
	if (ps) {
		ps->state = st;
		ps->ppid = (int64_t)f[0];
		ps->pgid = (int64_t)f[1];
		ps->sid = (int64_t)f[2];
		ps->start_ticks = f[18];   /* field 22, starttime: same pid, same process? */
	}
	return 0;
}
