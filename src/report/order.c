/* order.c — tells a log whose lines run newest first (journalctl -r, a
 * log viewer's default: Kibana, Graylog, a cloud console) and turns it
 * back (see order.h).  Pure functions of the text. */
#include <stdlib.h>
#include <string.h>

#include "report/linekind.h"
#include "report/order.h"
#include "report/transport.h"

/* The order in which one report prints its kinds (mm/oom_kill.c
 * dump_header → show_mem / mem_cgroup_print_oom_info → dump_tasks →
 * oom_kill_process → oom_reaper, every era); 0: a kind whose place varies
 * (side messages, frames, final lines), which casts no vote. */
static const unsigned char rank[LK_COUNT] = {
	[LK_TRIGGER] = 1, [LK_HEADER] = 2, [LK_STACK] = 3, [LK_MEMCG] = 4, [LK_MEMINFO] = 5,
	[LK_PERCPU] = 6, [LK_SUMMARY] = 7, [LK_ZONE] = 8, [LK_BUDDY] = 9, [LK_TOTALS] = 10,
	[LK_SLAB] = 11, [LK_TASK_HEADER] = 12, [LK_TASK_ROW] = 13, [LK_CONSTRAINT] = 14,
	[LK_SELECTION] = 15, [LK_KILL] = 16, [LK_REAPER] = 17,
};

/* The kernel's stamp of a line ("[ 1234.567890]", or the one behind a
 * syslog date) in microseconds; -1 when it has none. */
static long long mono_usec(const struct pfx *x)
{
	if (!x->mono || x->mono_len == 0)
		return -1;
	const char *p = x->mono;
	size_t i = 0, n = x->mono_len;
	while (i < n && p[i] == ' ')
		i++;
	long long sec = 0, us = 0;
	size_t d0 = i;
	while (i < n && is_digit(p[i]) && i - d0 < 12)
		sec = sec * 10 + (p[i++] - '0');
	if (i == d0 || i >= n || p[i] != '.')
		return -1;
	i++;
	int k = 0;
	while (i < n && is_digit(p[i]) && k < 6) {
		us = us * 10 + (p[i++] - '0');
		k++;
	}
	if (k == 0)
		return -1;
	while (k++ < 6)
		us *= 10;
	return sec * 1000000 + us;
}

bool order_newest_first(const char *p, size_t n)
{
	unsigned fwd = 0, back = 0;
	int last_rank = 0;
	long long last_us = -1;
	size_t i = 0;
	while (i < n) {
		const char *nl = memchr(p + i, '\n', n - i);
		size_t e = nl ? (size_t)(nl - p) : n, len = e - i;
		const char *l = p + i;
		i = e + 1;
		if (len && l[len - 1] == '\r')
			len--;
		size_t q = tr_strip_quote(l, len);
		l += q;
		len -= q;
		struct pfx x;
		tr_strip_prefix(l, len, &x);
		if (x.drop)
			continue;
		long long us = mono_usec(&x);
		if (us >= 0) {
			if (last_us >= 0 && us != last_us)
				*(us > last_us ? &fwd : &back) += 1;
			last_us = us;
		}
		int r = rank[line_kind_of(l + x.len, len - x.len)];
		if (r) {
			if (last_rank && r != last_rank)
				*(r > last_rank ? &fwd : &back) += 1;
			last_rank = r;
		}
	}
	/* A log in the kernel's order steps back once per report (its
	 * reaper or kill line, then the next trigger) and at a reboot's
	 * stamp; one turned round steps back at nearly every change. */
	return back >= 4 && back >= 4 * fwd;
}

/* Does the line at p[0, n) carry a transport prefix (a stamp, a syslog
 * date)?  Such a line begins a record; a line without one that follows it
 * is that record's wrapped rest (a terminal or a mailer wrapped the
 * newest-first output after it was turned round). */
static bool starts_record(const char *p, size_t n)
{
	size_t q = tr_strip_quote(p, n);
	struct pfx x;
	tr_strip_prefix(p + q, n - q, &x);
	return x.any;
}

bool order_reverse_lines(char *p, size_t *n, size_t cap)
{
	size_t len = *n;
	bool add_nl = len && p[len - 1] != '\n';
	if (len + add_nl > cap)
		return false;
	if (len == 0)
		return true;
	/* the records: a line with a prefix and the unprefixed lines after
	 * it; where no line has a prefix, each line is one */
	size_t nlines = 0;
	for (size_t i = 0; i < len; i++)
		if (p[i] == '\n')
			nlines++;
	nlines += add_nl;
	size_t *start = malloc((nlines + 1) * sizeof(*start));
	char *out = malloc(len + 1);
	if (!start || !out) {
		free(start);
		free(out);
		return false;
	}
	bool any_prefix = false;
	size_t i = 0;
	bool *rec = malloc(nlines * sizeof(*rec));
	if (!rec) {
		free(start);
		free(out);
		return false;
	}
	size_t li = 0;
	while (i < len) {
		const char *nl = memchr(p + i, '\n', len - i);
		size_t e = nl ? (size_t)(nl - p) : len;
		rec[li] = starts_record(p + i, e - i);
		any_prefix |= rec[li];
		start[li++] = i;
		i = e + 1;
	}
	start[li] = len + add_nl;   /* one past the last line's '\n' (added or not) */
	/* records from the end: each copied whole, its lines in their order */
	size_t o = 0, end = li;
	while (end > 0) {
		size_t b = end - 1;
		if (any_prefix)
			while (b > 0 && !rec[b])
				b--;
		for (size_t k = b; k < end; k++) {
			size_t ls = start[k], le = start[k + 1] - 1;   /* le: the line's '\n' (or len) */
			if (le > len)
				le = len;
			memcpy(out + o, p + ls, le - ls);
			o += le - ls;
			out[o++] = '\n';
		}
		end = b;
	}
	memcpy(p, out, o);
	*n = o;
	free(rec);
	free(start);
	free(out);
	return true;
}
