/* parse_kmsg.c — /dev/kmsg records (kernel/printk/printk.c devkmsg_read,
 * Documentation/ABI/testing/dev-kmsg): "pri,seq,usec,flags[,…];text\n"
 * with " KEY=value" continuation lines, and the few lines of an OOM report
 * the guard's kmsg watch follows between two report parses: the start
 * ("invoked oom-killer"), the oom-kill summary's oom_memcg= (5.0+,
 * mm/oom_kill.c dump_oom_summary) and "Killed process PID (comm)"
 * (__oom_kill_process).  The full report is parsed by src/report/.  Pure. */
#include <errno.h>
#include <stddef.h>
#include <string.h>

#include "live/live.h"
#include "live/text.h"

int live_parse_kmsg_record(const char *rec, size_t len, struct live_kmsg_line *out)
{
	const char *semi = memchr(rec, ';', len);
	if (!semi)
		return -EINVAL;
	const char *end = rec + len;
	const char *text = semi + 1;
	const char *nl = memchr(text, '\n', (size_t)(end - text));
	const char *te = nl ? nl : end;
	const char *nul = memchr(text, '\0', (size_t)(te - text));
	if (nul)
		te = nul;
	struct live_kmsg_line r;
	memset(&r, 0, sizeof(r));
	r.text = text;
	r.text_len = (size_t)(te - text);
	r.pid = OOM_NA;
	size_t tl = r.text_len;
	if (mem_find(text, tl, "invoked oom-killer"))
		r.kind = KMSG_OOM_START;
	const char *om = mem_find(text, tl, "oom_memcg=");
	if (om) {
		const char *v = om + 10, *ve = v;
		while (ve < te && *ve != ',' && *ve != ' ')
			ve++;
		r.kind = KMSG_OOM_SUMMARY;
		r.oom_memcg = v;
		r.oom_memcg_len = (size_t)(ve - v);
	}
	const char *k = mem_find(text, tl, "Killed process ");
	if (k) {
		const char *p = k + 15;
		uint64_t pid;
		if (scan_u64(&p, te, &pid) == 0 && pid <= INT32_MAX)
			r.pid = (int64_t)pid;
		const char *lp = memchr(p, '(', (size_t)(te - p));
		const char *rp = lp ? memchr(lp, ')', (size_t)(te - lp)) : NULL;
		if (lp && rp)
			str_copy(r.comm, sizeof(r.comm), lp + 1, (size_t)(rp - lp - 1));
		r.kind = KMSG_OOM_KILLED;
	}
	*out = r;
	return 0;
}

/* The first record of a captured run (one record a line) of that kind. */
static bool kmsg_find(const char *report, size_t len, int kind, struct live_kmsg_line *out)
{
	const char *p = report, *end = report + len;
	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		const char *le = nl ? nl : end;
		if (live_parse_kmsg_record(p, (size_t)(le - p), out) == 0 && out->kind == kind)
			return true;
		p = nl ? nl + 1 : end;
	}
	return false;
}

int live_kmsg_find_oom_memcg(const char *report, size_t len, const char **memcg, size_t *mlen)
{
	struct live_kmsg_line l;
	if (!kmsg_find(report, len, KMSG_OOM_SUMMARY, &l))
		return -EINVAL;
	*memcg = l.oom_memcg;
	*mlen = l.oom_memcg_len;
	return 0;
}

int live_kmsg_find_killed(const char *report, size_t len, int64_t *pid, char *comm, size_t commlen)
{
	struct live_kmsg_line l;
	if (!kmsg_find(report, len, KMSG_OOM_KILLED, &l))
		return -EINVAL;
	*pid = l.pid;
	str_copy(comm, commlen, l.comm, strlen(l.comm));
	return 0;
}
