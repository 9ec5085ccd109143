/* transport.c — recognises and strips the transport around kernel lines
 * (see transport.h).  Pure functions of the text: no state, no I/O. */
#include <stdio.h>
#include <string.h>

#include "report/linekind.h"
#include "report/transport.h"
#include "util/util.h"

size_t tr_span_digits(const char *p, size_t len)
{
	size_t i = 0;
	while (i < len && is_digit(p[i]))
		i++;
	return i;
}

/* ---- prefix recognition ----------------------------------------------- */

/* "12:34:56" */
static bool is_hms(const char *p, size_t len)
{
	return len >= 8 && is_digit(p[0]) && is_digit(p[1]) && p[2] == ':' && is_digit(p[3]) &&
	       is_digit(p[4]) && p[5] == ':' && is_digit(p[6]) && is_digit(p[7]);
}

/* Optional fraction ".123456" or ",123456". */
static size_t span_frac(const char *p, size_t len)
{
	if (len >= 2 && (p[0] == '.' || p[0] == ',') && is_digit(p[1]))
		return 1 + tr_span_digits(p + 1, len - 1);
	return 0;
}

/* Syslog / journalctl short date "Sep 23 02:04:16[.123456]", with any
 * month name (lower case, localised: "Mär", "okt", "déc."): a word of up to
 * 12 bytes without digits, a day, a time.  Returns its length or 0. */
size_t tr_mon_date(const char *p, size_t len)
{
	size_t i = 0;
	while (i < len && i < 12 && !is_space(p[i]) && !is_digit(p[i]) && p[i] != '[' &&
	       p[i] != ']' && p[i] != ':' && p[i] != '<' && p[i] != '>')
		i++;
	if (i == 0 || i >= len || p[i] != ' ')
		return 0;
	/* the month word must be letters (or UTF-8 bytes, or a trailing dot) */
	for (size_t k = 0; k < i; k++)
		if (!is_alpha(p[k]) && !((unsigned char)p[k] >= 0x80) && p[k] != '.')
			return 0;
	while (i < len && p[i] == ' ')
		i++;
	size_t d = tr_span_digits(p + i, len - i);
	if (d < 1 || d > 2)
		return 0;
	i += d;
	if (i >= len || p[i] != ' ')
		return 0;
	i++;
	if (!is_hms(p + i, len - i))
		return 0;
	i += 8;
	i += span_frac(p + i, len - i);
	return i;
}

/* A ctime(3) date "Tue Mar 11 09:26:00 2025" (any locale's day and month
 * words): OpenWrt's logread prints one in front of every record.  Returns
 * its length or 0. */
size_t tr_ctime_date(const char *p, size_t len)
{
	size_t w = 0;
	while (w < len && w < 12 && !is_space(p[w]) && !is_digit(p[w]) && p[w] != '[' && p[w] != ']' &&
	       p[w] != ':' && p[w] != '<' && p[w] != '>')
		w++;
	if (w == 0 || w >= len || p[w] != ' ')
		return 0;
	for (size_t k = 0; k < w; k++)
		if (!is_alpha(p[k]) && !((unsigned char)p[k] >= 0x80) && p[k] != '.' && p[k] != ',')
			return 0;
	size_t k = tr_mon_date(p + w + 1, len - w - 1);
	if (!k)
		return 0;
	k += w + 1;
	if (k + 5 > len || p[k] != ' ' || tr_span_digits(p + k + 1, len - k - 1) != 4)
		return 0;
	return k + 5;
}

/* ISO 8601 "2026-11-20T02:04:16[.123456][Z|+00:00|+0000]".  *comma_frac
 * tells dmesg --time-format=iso (which uses ',') from syslog. */
size_t tr_iso_date(const char *p, size_t len, bool *comma_frac)
{
	*comma_frac = false;
	/* 'T' (ISO 8601), ' ' (RFC 3339's allowance), '_' (runit's svlogd -tt:
	 * "2005-05-17_10:24:16.76726", R4011) */
	if (len < 19 || tr_span_digits(p, 4) != 4 || p[4] != '-' || !is_digit(p[5]) || !is_digit(p[6]) ||
	    p[7] != '-' || !is_digit(p[8]) || !is_digit(p[9]) || (p[10] != 'T' && p[10] != ' ' && p[10] != '_') ||
	    !is_hms(p + 11, len - 11))
		return 0;
	size_t i = 19;
	*comma_frac = i < len && p[i] == ',';
	i += span_frac(p + i, len - i);
	if (i < len && p[i] == 'Z') {
		i++;
	} else if (i < len && (p[i] == '+' || p[i] == '-') && i + 3 <= len && is_digit(p[i + 1]) &&
		   is_digit(p[i + 2])) {
		i += 3;
		if (i < len && p[i] == ':')
			i++;
		i += tr_span_digits(p + i, len - i) <= 2 ? tr_span_digits(p + i, len - i) : 2;
	}
	return i;
}

static bool bracket_inside(const char *in, size_t n, const char **t, size_t *tlen);

/* "[  1234.567890]" or "[Tue Aug 12 03:54:03 2025]" (any locale): returns
 * the length through ']' and the trimmed inside, or 0. */
size_t tr_bracket_time(const char *p, size_t len, const char **t, size_t *tlen)
{
	if (len < 3 || p[0] != '[')
		return 0;
	size_t max = len < 64 ? len : 64, close = 0;
	for (size_t i = 1; i < max; i++) {
		if (p[i] == ']') {
			close = i;
			break;
		}
		if (p[i] == '[' || p[i] == '\n')
			return 0;
	}
	if (!close)
		return 0;
	return bracket_inside(p + 1, close - 1, t, tlen) ? close + 1 : 0;
}

/* The inside of a "[…]" stamp (p[0, n)): a number of seconds or a date?
 * Then *t, *tlen the trimmed inside. */
static bool bracket_inside(const char *in, size_t n, const char **t, size_t *tlen)
{
	while (n && in[0] == ' ')
		in++, n--;
	while (n && in[n - 1] == ' ')
		n--;
	if (!n)
		return 0;
	/* dmesg --time-format=delta "[<    0.000123>]", reltime "[  +0.000123]" */
	const char *num = in;
	size_t nn = n;
	if (nn >= 2 && num[0] == '<' && num[nn - 1] == '>') {
		num++, nn -= 2;
		while (nn && num[0] == ' ')
			num++, nn--;
	}
	if (nn && num[0] == '+')
		num++, nn--;
	size_t d = tr_span_digits(num, nn);
	bool numeric = d > 0 && d < nn && num[d] == '.' && d + 1 < nn &&
		       tr_span_digits(num + d + 1, nn - d - 1) == nn - d - 1;
	bool datelike = false;
	if (!numeric) {
		/* a date: holds HH:MM[:SS] and some letters or dashes
		 * ("Tue Aug 12 03:54:03 2025", reltime "[Aug12 03:54]") */
		bool letters = false;
		for (size_t i = 0; i < n; i++) {
			if (i + 5 <= n && is_digit(in[i]) && is_digit(in[i + 1]) && in[i + 2] == ':' &&
			    is_digit(in[i + 3]) && is_digit(in[i + 4]))
				datelike = true;
			if (is_alpha(in[i]) || in[i] == '-' || (unsigned char)in[i] >= 0x80)
				letters = true;
		}
		datelike = datelike && letters;
	}
	if (!numeric && !datelike)
		return false;
	*t = in;
	*tlen = n;
	return true;
}

/* A stamp whose '[' a copy lost, at a line's start: " 四 4月 17 22:43:41
 * 2025] …", "  34.739137] …" (a selection that began one byte late).
 * Returns the length through "] ", 0 when it is not one. */
static size_t open_stamp(const char *p, size_t len, const char **t, size_t *tlen)
{
	size_t max = len < 48 ? len : 48;
	const char *close = memchr(p, ']', max);
	/* both stamps end in a digit ("…739137]", "… 2025]") */
	if (!close || close == p || !is_digit(close[-1]) || memchr(p, '[', (size_t)(close - p)))
		return 0;
	size_t k = (size_t)(close - p) + 1;
	if (k >= len || p[k] != ' ' || !bracket_inside(p, k - 1, t, tlen))
		return 0;
	return k + 1;
}

/* "[ 3]", "[12]": a CPU number in brackets, blank-padded to two columns,
 * right after a stamp; its length, or 0. */
static size_t cpu_field(const char *p, size_t len)
{
	if (len < 4 || p[0] != '[')
		return 0;
	size_t i = 1;
	while (i < len && i < 4 && p[i] == ' ')
		i++;
	size_t d = tr_span_digits(p + i, len - i);
	if (d == 0 || d > 4 || i + d >= len || p[i + d] != ']')
		return 0;
	return i + d + 1;
}

/* CONFIG_PRINTK_CALLER "[ T123]" / "[    C3]". */
size_t tr_caller(const char *p, size_t len, const char **c, size_t *clen)
{
	if (len < 4 || p[0] != '[')
		return 0;
	size_t i = 1;
	while (i < len && i < 12 && p[i] == ' ')
		i++;
	if (i >= len || (p[i] != 'T' && p[i] != 'C'))
		return 0;
	size_t d = tr_span_digits(p + i + 1, len - i - 1);
	if (d == 0 || d > 10 || i + 1 + d >= len || p[i + 1 + d] != ']')
		return 0;
	*c = p + i;
	*clen = 1 + d;
	return i + 1 + d + 1;
}

static bool fac_dot_level(const char *p, size_t n);

/* "host tag[pid]: " after a syslog date.  Returns the length (through the
 * space after ':'), 0 when it is no such thing.  *kernel: the tag is the
 * kernel's. */
size_t tr_host_tag(const char *p, size_t len, const char **host, size_t *host_len,
			     bool *kernel)
{
	size_t i = 0;
	while (i < len && i < 256 && !is_space(p[i]))
		i++;
	if (i == 0 || i >= len)
		return 0;
	const char *h = p;
	size_t hl = i, tag_start;
	if (p[i - 1] == ':') {
		/* "Sep 23 02:04:16 kernel: …" — no host */
		h = NULL;
		hl = 0;
		tag_start = 0;
	} else {
		tag_start = i + 1;
	}
	size_t j = tag_start;
	while (j < len && j - tag_start < 64 &&
	       (is_alpha(p[j]) || is_digit(p[j]) || p[j] == '_' || p[j] == '-' || p[j] == '.' ||
		p[j] == '/' || p[j] == '@' || p[j] == '(' || p[j] == ')'))
		j++;
	size_t name_end = j;
	if (j == tag_start)
		return 0;
	if (j < len && p[j] == '[') {
		size_t d = tr_span_digits(p + j + 1, len - j - 1);
		if (d == 0 || j + 1 + d >= len || p[j + 1 + d] != ']')
			return 0;
		j += 2 + d;
	}
	if (j >= len || p[j] != ':')
		return 0;
	j++;
	if (j < len && p[j] != ' ')
		return 0;
	if (j < len)
		j++;
	*kernel = name_end - tag_start == 6 && memcmp(p + tag_start, "kernel", 6) == 0;
	/* the kernel facility and its level as the tag ("2005-05-17_10:24:16.76726
	 * kern.info: oom-killer: …", a svlogd/socklog line, R4011): the
	 * kernel's own records, whatever the level */
	if (!*kernel && name_end - tag_start > 5 && memcmp(p + tag_start, "kern.", 5) == 0 &&
	    fac_dot_level(p + tag_start, name_end - tag_start))
		*kernel = true;
	/* A syslog record written with no tag ("Nov 17 06:19:30 sleepy
	 * oom-killer: gfp_mask=0xd0", R937's 2.6.9 relay): mm/oom_kill.c's 2.6
	 * header looks like "host tag: text", its first word ending in ':'.
	 * "oom-killer" is no program's tag there: the host alone is the
	 * prefix — unless that word is "invoked": the later header's own
	 * ("comm invoked oom-killer: gfp_mask=…", R404 wrapped before it), or
	 * a time of day (svlogd's clock, R4211: stripped as such). */
	if (!*kernel && h && !(hl == 7 && memcmp(h, "invoked", 7) == 0) && !(is_digit(h[0]) && memchr(h, ':', hl)) &&
	    len - tag_start >= 21 && memcmp(p + tag_start, "oom-killer: gfp_mask=", 21) == 0) {
		*kernel = true;
		*host = h;
		*host_len = hl;
		return tag_start;
	}
	/* OpenWrt's logread prints "facility.level" where syslog has the
	 * host ("… 2026 kern.warn kernel: …", or with the date cut "kern.debug
	 * kernel: …", R3531): no host, and its level changes from line to
	 * line within one report */
	if (h && fac_dot_level(h, hl)) {
		h = NULL;
		hl = 0;
	}
	*host = h;
	*host_len = hl;
	return j;
}

static const char *const facilities[] = {
	"kern", "user", "mail", "daemon", "auth", "syslog", "lpr", "news", "uucp", "cron",
	"authpriv", "ftp", "local0", "local1", "local2", "local3", "local4", "local5", "local6", "local7",
};
static const char *const levels[] = {
	"emerg", "alert", "crit", "err", "warn", "notice", "info", "debug",
};

static bool word_in(const char *p, size_t n, const char *const *list, size_t nlist)
{
	for (size_t i = 0; i < nlist; i++)
		if (strlen(list[i]) == n && memcmp(p, list[i], n) == 0)
			return true;
	return false;
}

/* "kern.warn": a syslog facility, '.', a level */
static bool fac_dot_level(const char *p, size_t n)
{
	const char *dot = memchr(p, '.', n);
	return dot && word_in(p, (size_t)(dot - p), facilities, ARRAY_SIZE(facilities)) &&
	       word_in(dot + 1, n - (size_t)(dot + 1 - p), levels, ARRAY_SIZE(levels));
}

/* OpenWrt logread's "facility.level " after its date ("kern.warn "): its
 * length, or 0. */
static size_t match_logread_fac(const char *p, size_t len)
{
	size_t i = 0;
	while (i < len && i < 10 && (is_lower(p[i]) || is_digit(p[i])))
		i++;
	if (i == 0 || i >= len || p[i] != '.' || !word_in(p, i, facilities, ARRAY_SIZE(facilities)))
		return 0;
	size_t l0 = ++i;
	while (i < len && is_lower(p[i]))
		i++;
	if (!word_in(p + l0, i - l0, levels, ARRAY_SIZE(levels)) || i >= len || p[i] != ' ')
		return 0;
	return i + 1;
}

/* util-linux dmesg -x: "kern  :warn  : " */
static size_t match_fac_level(const char *p, size_t len)
{
	size_t i = 0;
	while (i < len && is_alpha(p[i]))
		i++;
	while (i < len && is_digit(p[i]))
		i++;
	if (!word_in(p, i, facilities, ARRAY_SIZE(facilities)))
		return 0;
	while (i < len && p[i] == ' ')
		i++;
	if (i >= len || p[i] != ':')
		return 0;
	size_t l0 = ++i;
	while (i < len && is_alpha(p[i]))
		i++;
	if (!word_in(p + l0, i - l0, levels, ARRAY_SIZE(levels)))
		return 0;
	while (i < len && p[i] == ' ')
		i++;
	if (i >= len || p[i] != ':')
		return 0;
	i++;
	if (i < len && p[i] == ' ')
		i++;
	return i;
}

/* A log shipper's pipe-separated template, "severity|app[procid]|text"
 * ("warning|kernel[-]|[2919920.414131] …", Huawei Cloud's log service,
 * R795): its length, or 0.  The severity changes from line to line, so no
 * learned prefix covers it.  Another program's record sets *other. */
static const char *const severities[] = {
	"emerg", "emergency", "alert", "crit", "critical", "err", "error", "warn", "warning",
	"notice", "info", "debug", "panic",
};

static size_t match_level_pipe(const char *p, size_t len, bool *other)
{
	size_t i = 0;
	while (i < len && i < 10 && is_alpha(p[i]))
		i++;
	if (i == 0 || i >= len || p[i] != '|' || !word_in(p, i, severities, ARRAY_SIZE(severities)))
		return 0;
	size_t t0 = ++i;
	while (i < len && i - t0 < 64 && p[i] != '|' && p[i] != '[' && p[i] != ' ')
		i++;
	size_t tl = i - t0;
	if (tl == 0 || i >= len)
		return 0;
	if (p[i] == '[') {
		while (i < len && i - t0 < 96 && p[i] != ']' && p[i] != ' ')
			i++;
		if (i >= len || p[i] != ']')
			return 0;
		i++;
	}
	if (i >= len || p[i] != '|')
		return 0;
	*other = !(tl == 6 && memcmp(p + t0, "kernel", 6) == 0);
	return i + 1;
}

/* Android's logcat, "threadtime" format (system/logging/liblog
 * logprint.cpp): "07-11 20:47:41.300   156   156 W kernel  : text" —
 * month-day, time with milliseconds, pid and tid right-aligned, the
 * priority letter, the tag padded to 8 and ": ".  Kernel lines read
 * through logd carry the tag "kernel" or none (R2804: "W       : "); both
 * are stripped with it.  Any other tag is kept as text: logd may have cut
 * it from the kernel's own "subsystem: " (liblog's LogKlog), so dropping
 * it could lose a kernel line.  The time is the record's. */
static size_t match_logcat(const char *p, size_t len, struct pfx *x)
{
	static const char shape[] = "dd-dd dd:dd:dd.ddd";
	size_t n = sizeof(shape) - 1, i;
	if (len < n + 8)
		return 0;
	for (i = 0; i < n; i++)
		if (shape[i] == 'd' ? !is_digit(p[i]) : p[i] != shape[i])
			return 0;
	for (int k = 0; k < 2; k++) {   /* pid, tid */
		size_t b = i;
		while (i < len && p[i] == ' ')
			i++;
		size_t d = tr_span_digits(p + i, len - i);
		if (i == b || d == 0 || d > 10)
			return 0;
		i += d;
	}
	if (i + 3 > len || p[i] != ' ' || !memchr("VDIWEFA", p[i + 1], 7) || p[i + 2] != ' ')
		return 0;
	i += 3;
	size_t tag = i;
	const char *c = memchr(p + i, ':', len - i);
	if (!c || c + 1 >= p + len || c[1] != ' ')
		return 0;
	size_t te = (size_t)(c - p);
	while (tag < te && p[tag] == ' ')
		tag++;
	size_t tend = te;
	while (tend > tag && p[tend - 1] == ' ')
		tend--;
	x->time = p;
	x->time_len = n;
	if (tend == tag || (tend - tag == 6 && !memcmp(p + tag, "kernel", 6)))
		return te + 2;
	return i;
}

/* /dev/kmsg: "6,1234,5678,-[,caller=T12];text" */
static size_t match_kmsg(const char *p, size_t len, struct pfx *x)
{
	size_t i = 0, f[3];
	uint64_t usec = 0;
	for (int k = 0; k < 3; k++) {
		size_t d = tr_span_digits(p + i, len - i);
		if (d == 0 || d > 20 || i + d >= len || p[i + d] != ',')
			return 0;
		f[k] = i;
		i += d + 1;
	}
	const char *q = p + f[2];
	if (scan_u64(&q, p + len, &usec) < 0)
		return 0;
	size_t semi = 0;
	for (size_t k = i; k < len && k < i + 128; k++)
		if (p[k] == ';') {
			semi = k;
			break;
		}
	if (!semi || semi == i)
		return 0;
	/* the flag field is one char ('-', 'c', '+') then optional ,key=value */
	if (p[i] != '-' && p[i] != 'c' && p[i] != '+')
		return 0;
	const char *c = memmem(p + i, semi - i, "caller=", 7);
	if (c) {
		const char *ce = c + 7;
		while (ce < p + semi && *ce != ',')
			ce++;
		x->caller = c + 7;
		x->caller_len = (size_t)(ce - (c + 7));
	}
	snprintf(x->kmsg_time, sizeof(x->kmsg_time), "%llu.%06llu",
		 (unsigned long long)(usec / 1000000), (unsigned long long)(usec % 1000000));
	x->time = x->kmsg_time;
	x->time_len = strlen(x->kmsg_time);
	x->mono = x->time;
	x->mono_len = x->time_len;
	x->kmsg = true;
	return semi + 1;
}

/* After an RFC 5424 timestamp: " HOST APP PROCID MSGID SD " (SD "-" or
 * "[…]…").  Returns its length, 0 if it is not that; x->host, x->drop. */
static size_t match_rfc5424_rest(const char *p, size_t len, struct pfx *x)
{
	const char *tok[4];
	size_t tl[4], i = 0;
	for (int t = 0; t < 4; t++) {
		if (i >= len || p[i] != ' ')
			return 0;
		i++;
		tok[t] = p + i;
		while (i < len && p[i] != ' ' && i - (size_t)(tok[t] - p) < 256)
			i++;
		tl[t] = (size_t)(p + i - tok[t]);
		if (tl[t] == 0)
			return 0;
	}
	if (i >= len || p[i] != ' ')
		return 0;
	i++;
	if (i < len && p[i] == '-') {
		i++;
	} else if (i < len && p[i] == '[') {
		/* structured data: [id k="v" …]… with \] escapes */
		while (i < len && p[i] == '[') {
			i++;
			while (i < len && p[i] != ']')
				i += p[i] == '\\' ? 2 : 1;
			if (i >= len)
				return 0;
			i++;
		}
	} else {
		return 0;
	}
	if (i < len && p[i] == ' ')
		i++;
	if (!(tl[1] == 6 && memcmp(tok[1], "kernel", 6) == 0))
		x->drop = true;
	if (!(tl[0] == 1 && tok[0][0] == '-')) {
		x->host = tok[0];
		x->host_len = tl[0];
	}
	return i;
}

/* Strips every transport prefix at the start of p.  x->len says how much;
 * x->drop says the line belongs to another program. */
/* journalctl -o short-unix "1723427643.123456" and -o short-full
 * "Tue 2025-08-12 03:54:03 CEST" (any locale's weekday).  Only taken as a
 * date when a "host tag:" follows, checked by the caller. */
static size_t match_journal_date(const char *p, size_t len)
{
	bool comma;
	size_t d = tr_span_digits(p, len);
	if (d >= 9 && d <= 12 && d + 2 < len && p[d] == '.' && is_digit(p[d + 1])) {
		size_t k = d + 1 + tr_span_digits(p + d + 1, len - d - 1);
		const char *h;
		size_t hl;
		bool kernel;
		if (k < len && p[k] == ' ' && tr_host_tag(p + k + 1, len - k - 1, &h, &hl, &kernel))
			return k;
		return 0;
	}
	size_t w = 0;
	while (w < len && w < 12 && !is_space(p[w]) && !is_digit(p[w]))
		w++;
	if (w == 0 || w >= len || p[w] != ' ')
		return 0;
	size_t k = tr_iso_date(p + w + 1, len - w - 1, &comma);
	if (!k || p[w + 1 + 10] != ' ')
		return 0;
	k += w + 1;
	/* the zone name */
	if (k < len && p[k] == ' ') {
		size_t z = k + 1;
		while (z < len && z - k < 8 && (is_alpha(p[z]) || is_digit(p[z]) || p[z] == '+' || p[z] == '-'))
			z++;
		if (z > k + 1)
			k = z;
	}
	return k;
}

/* Does a timestamp of some transport start here? */
bool tr_starts_with_time(const char *p, size_t len)
{
	const char *t;
	size_t tl;
	bool comma;
	if (len == 0)
		return false;
	if (p[0] == '[')
		return tr_bracket_time(p, len, &t, &tl) > 0;
	return tr_iso_date(p, len, &comma) > 0 ||
	       (!is_digit(p[0]) && (tr_mon_date(p, len) > 0 || tr_ctime_date(p, len) > 0));
}

/* grep output: "kern.log:", "123:", "kern.log.1:123:", "123-" (context).
 * Only taken as such when a timestamp follows, as kernel text never
 * starts with a file name.  Returns its length, 0 if none. */
static size_t match_grep_prefix(const char *p, size_t len)
{
	size_t i = 0;
	for (int field = 0; field < 2; field++) {
		size_t j = i;
		while (j < len && j - i < 256 && p[j] != ':' && p[j] != ' ' && p[j] != '\t')
			j++;
		/* a context line ("123-") ends its number with '-' */
		size_t d = tr_span_digits(p + i, len - i);
		if (d > 0 && i + d < len && p[i + d] == '-')
			j = i + d;
		if (j == i || j >= len || (p[j] != ':' && p[j] != '-'))
			return 0;
		i = j + 1;
		if (tr_starts_with_time(p + i, len - i))
			return i;
	}
	return 0;
}

/* "HH:MM:SS" (a fraction allowed) and the blanks after it, a word (no
 * digit, no stamp) following: its length, or 0. */
static size_t bare_time_of_day(const char *p, size_t len)
{
	if (len < 10 || !is_digit(p[0]) || !is_digit(p[1]) || p[2] != ':' || !is_digit(p[3]) || !is_digit(p[4]) ||
	    p[5] != ':' || !is_digit(p[6]) || !is_digit(p[7]))
		return 0;
	size_t i = 8;
	if (i < len && (p[i] == '.' || p[i] == ',')) {
		size_t d = tr_span_digits(p + i + 1, len - i - 1);
		if (d == 0)
			return 0;
		i += 1 + d;
	}
	size_t b = i;
	while (i < len && (p[i] == ' ' || p[i] == '\t'))
		i++;
	if (i == b || i >= len || !is_alpha(p[i]))
		return 0;
	return i;
}

/* Leading text that says something was cut from a syslog prefix ("... ",
 * "[...] ", "… "): its length, or 0. */
static size_t match_elision(const char *p, size_t len)
{
	if (HAS_LIT(p, len, "... "))
		return 4;
	if (HAS_LIT(p, len, "[...] "))
		return 6;
	if (HAS_LIT(p, len, "\xe2\x80\xa6 "))
		return 4;
	return 0;
}

/* A prefix no rule knows in front of a stamp: a test driver's "percona # ",
 * talosctl's "10.200.70.91: kern:    info: ", a source comment's "# ", any
 * tool's.  printk puts its stamp first (kernel/printk/printk.c
 * print_time: "[%5lu.%06lu]"), so a kernel line never carries a stamp after
 * a few words of its own text: the words before one are the machine's.
 * Taken only for a short run (<= 48 bytes, <= 4 blank-separated words, no
 * bracket of its own, as a task row or "lowmem_reserve[]" has, no '(' of
 * a program's text glued before a record ("Creating journal (262144
 * blocks): [ 34.7] …", R141; a prefix with one, "In(05) vcpu-5 - Guest: ",
 * is left to the scanner's learner, which sees it repeat), no ',' or
 * '=' of a kernel line's fields: "x: page allocation failure: order:0,
 * mode:0x… [ 1.2] CPU: …" is a paste that lost its newlines) ending in a
 * blank or ':' right before the stamp; a "<6>" level may come between,
 * and no second stamp later in the line.
 * Returns the length up to the level or stamp, 0 when it is not one. */
static size_t machine_prefix(const char *p, size_t len)
{
	size_t max = len < 56 ? len : 56, words = 0;
	for (size_t i = 1; i < max; i++) {
		char c = p[i];
		if (p[0] == '[' || p[0] == '<' || c == ']' || c == '(' || c == '=' || c == ',')
			return 0;
		if (c == '[' || c == '<') {
			if (i > 48 || (p[i - 1] != ' ' && p[i - 1] != ':'))
				return 0;
			size_t j = i;
			if (c == '<') {
				size_t d = tr_span_digits(p + i + 1, len - i - 1);
				if (d < 1 || d > 3 || i + 1 + d >= len || p[i + 1 + d] != '>')
					return 0;
				j = i + d + 2;
			}
			const char *t;
			size_t tl, k = tr_bracket_time(p + j, len - j, &t, &tl);
			if (!k)
				return 0;
			/* another stamp further on: records pasted as one line
			 * ("Call Trace: [1.0] <TASK> [1.1] …"), their first
			 * record's text no prefix */
			for (const char *b = p + j + k; (b = memchr(b, '[', (size_t)(p + len - b))) != NULL; b++)
				if (b[-1] == ' ' && tr_bracket_time(b, (size_t)(p + len - b), &t, &tl))
					return 0;
			return i;
		}
		if (c == ' ' && p[i - 1] != ' ' && ++words > 4)
			return 0;
	}
	return 0;
}

/* A logger's own date in angle brackets ("<Jan/06 03:50 pm>", R607): a
 * date like a bracketed one (HH:MM and letters), never a kernel tag
 * ("<IRQ>", "<TASK>", "<ffffffff80158fa0>" hold no HH:MM).  Its length
 * with a blank after it, 0 if none. */
static size_t angle_date(const char *p, size_t len, const char **t, size_t *tlen)
{
	size_t max = len < 40 ? len : 40;
	const char *close = memchr(p, '>', max);
	if (!close || memchr(p + 1, '<', (size_t)(close - p - 1)) || !bracket_inside(p + 1, (size_t)(close - p - 1), t, tlen) ||
	    !memchr(p, ':', (size_t)(close - p)))
		return 0;
	size_t k = (size_t)(close - p) + 1;
	return k < len && p[k] == ' ' ? k + 1 : k;   /* one blank, as after "[…]": an indent stays */
}

/* printk's own "** 3 printk messages dropped ** " (kernel/printk/printk.c
 * console_unlock, 3.x-4.x: printed with no newline, glued to the next
 * record on the console): its length, 0 if none. */
static size_t match_dropped(const char *p, size_t len)
{
	if (!HAS_LIT(p, len, "** "))
		return 0;
	size_t d = tr_span_digits(p + 3, len - 3);
	if (d == 0 || !HAS_LIT(p + 3 + d, len - 3 - d, " printk messages dropped ** "))
		return 0;
	return 3 + d + sizeof(" printk messages dropped ** ") - 1;
}

/* "[<TIMESTAMP>] ", "[<TIME>] ": upper-case letters and '_' in "[<…>]",
 * one of them no hex digit (a frame's address "[<C04E3DB0>]" is all hex),
 * then a blank.  Its length with the blank, or 0. */
static size_t placeholder_stamp(const char *r, size_t n)
{
	size_t i = 2;
	bool word = false;
	while (i < n && i < 40 && ((r[i] >= 'A' && r[i] <= 'Z') || r[i] == '_')) {
		word |= r[i] > 'F' || r[i] == '_';
		i++;
	}
	if (!word || i + 2 >= n || r[i] != '>' || r[i + 1] != ']' || r[i + 2] != ' ')
		return 0;
	return i + 3;
}

void tr_strip_prefix(const char *p, size_t len, struct pfx *x)
{
	size_t pos = 0;
	memset(x, 0, sizeof(*x));
	if (len && p[0] == '*' && (pos = match_dropped(p, len)) > 0)
		x->any = true;
	if (!pos && len > 8 && !tr_starts_with_time(p, len) && (pos = match_grep_prefix(p, len)) > 0)
		x->any = true;
	for (int round = 0; round < 8 && pos < len; round++) {
		const char *r = p + pos, *t, *h;
		size_t n = len - pos, k, tl, hl;
		bool kernel, comma;

		if (r[0] == '<' && n >= 3) {
			size_t d = tr_span_digits(r + 1, n - 1);
			if (d >= 1 && d <= 3 && 1 + d < n && r[1 + d] == '>') {
				pos += d + 2;
				x->any = true;
				/* RFC 5424 on the wire: "<4>1 2026-…Z host kernel - - - text" */
				bool c5424;
				size_t k5;
				if (pos + 2 < len && p[pos] == '1' && p[pos + 1] == ' ' &&
				    (k5 = tr_iso_date(p + pos + 2, len - pos - 2, &c5424)) > 0 &&
				    (k = match_rfc5424_rest(p + pos + 2 + k5, len - pos - 2 - k5, x)) > 0) {
					x->time = p + pos + 2;
					x->time_len = k5;
					if (x->drop)
						return;
					pos += 2 + k5 + k;
					break;
				}
				continue;
			}
		}
		if (round == 0 && r[0] == '[' && n > 6 && r[1] == '<' && (k = placeholder_stamp(r, n)) > 0) {
			/* a document's placeholder for the stamp ("[<TIMESTAMP>]
			 * fc_vmm: page allocation failure: …", R3963): no time */
			pos += k;
			x->any = true;
			continue;
		}
		if (round == 0 && r[0] == '<' && n > 8 && !is_digit(r[1]) && (k = angle_date(r, n, &t, &tl)) > 0) {
			/* stripped, not taken as the record's time: a minute's
			 * stamp alike on every record would make repeated reports
			 * look like one record relayed twice */
			pos += k;
			x->any = true;
			continue;
		}
		/* journalctl -o verbose: an entry's date and cursor ("Thu
		 * 2023-02-02 11:49:13.015489 CET [s=…;i=…;b=…;m=…;t=…;x=…]"),
		 * then each field on its own indented line, the record's text as
		 * "    MESSAGE=…" (R2442; the indent is stripped as a quote's).
		 * The cursor line is no text of the kernel's: dropped, so the
		 * field under it is not taken for its wrapped rest. */
		if (round <= 1 && r[0] == 'M' && HAS_LIT(r, n, "MESSAGE=") && n > 8) {
			pos += 8;
			x->any = true;
			x->jmessage = true;
			continue;
		}
		if (x->time && n > 12 && r[n - 1] == ']') {
			const char *c = memmem(r, n < 16 ? n : 16, "[s=", 3);
			if (c && memmem(c, (size_t)(r + n - c), ";i=", 3) && memmem(c, (size_t)(r + n - c), ";b=", 3)) {
				x->drop = true;
				x->jcursor = true;   /* its date is the MESSAGE field's (scan.c) */
				return;
			}
		}
		if (round == 0 && is_digit(r[0]) && (k = match_logcat(r, n, x)) > 0) {
			pos += k;
			x->any = true;
			continue;
		}
		if (round <= 1 && is_digit(r[0]) && (k = match_kmsg(r, n, x)) > 0) {
			pos += k;
			x->any = true;
			break;  /* the kernel text follows, raw */
		}
		bool other;
		if (round == 0 && is_lower(r[0]) && (k = match_level_pipe(r, n, &other)) > 0) {
			if (other) {
				x->drop = true;
				return;
			}
			pos += k;
			x->any = true;
			continue;
		}
		if (is_lower(r[0]) && (k = match_fac_level(r, n)) > 0) {
			pos += k;
			x->any = true;
			continue;
		}
		if ((k = tr_iso_date(r, n, &comma)) > 0 ||
		    (!is_digit(r[0]) && ((k = tr_mon_date(r, n)) > 0 || (k = tr_ctime_date(r, n)) > 0)) ||
		    (k = match_journal_date(r, n)) > 0) {
			/* a date glued to its text: only one ending in a zone
			 * offset, a console logger's "2023-08-14
			 * 15:53:30.316+0000Pid: 1485, comm: java" (R1820; Go's
			 * time layout written with no blank), the text after it
			 * beginning a word or a bracket */
			bool glued = k < n && r[k] != ' ' && k >= 5 && (r[k - 5] == '+' || r[k - 5] == '-') &&
				     is_digit(r[k - 1]) && is_digit(r[k - 4]) && (is_alpha(r[k]) || r[k] == '[') &&
				     is_digit(r[0]);
			if (k < n && r[k] != ' ' && !glued)
				goto not_date;
			if (!x->time) {
				x->time = r;
				x->time_len = k;
			}
			pos += k + (k < n && !glued);
			x->any = true;
			/* OpenWrt logread: "<ctime> kern.warn kernel: [ 1.2] …"
			 * (ubox log/logread.c); another facility's record is
			 * "<ctime> daemon.info tag[pid]: …" */
			size_t fl = pos < len && is_lower(p[pos]) ? match_logread_fac(p + pos, len - pos) : 0;
			if (fl) {
				pos += fl;
				if (!HAS_LIT(p + pos, len - pos, "kernel:")) {
					x->drop = true;
					return;
				}
			}
			/* "Sep 18 20:48:55 [88988.266617] cron: …": a logger that
			 * writes the date and the kernel's stamp with no host or
			 * tag (netconsole receivers, rsyslog templates): the
			 * stamp is no host, the next round reads it */
			const char *bt;
			size_t btl;
			bool stamp_next = pos < len && p[pos] == '[' && tr_bracket_time(p + pos, len - pos, &bt, &btl) > 0;
			size_t m = comma || stamp_next || glued ? 0 : tr_host_tag(p + pos, len - pos, &h, &hl, &kernel);
			if (!m && !comma && pos < len && p[pos] == ' ') {
				/* "Feb 18 17:34:47  kernel: …": the host elided, its
				 * blank kept (R255); only the kernel's tag is taken so */
				size_t b = pos;
				while (b < len && b - pos < 8 && p[b] == ' ')
					b++;
				size_t m2 = tr_host_tag(p + b, len - b, &h, &hl, &kernel);
				if (m2 && kernel) {
					pos = b;
					m = m2;
				}
			}
			if (!m && !comma && !glued && pos + 1 < len && p[pos] == ':' && p[pos + 1] == ' ' && p[pos - 1] == ' ') {
				/* "May 11 10:51:42 : 2655 total pagecache pages": host
				 * and tag both cut by whoever pasted it, their ": "
				 * kept (R5248) */
				pos += 2;
				continue;
			}
			/* A relay that writes no tag ("date host text", R937's
			 * oom-killer line in tr_host_tag): warn_alloc's line
			 * there ("Nov 17 06:19:31 sleepy run-crons: page
			 * allocation failure. order:0, mode:0x1d2", R5778) reads
			 * as "host tag: text", but its "tag" is the comm of the
			 * kernel's text: the host alone is the prefix */
			if (m && !kernel && h && h == p + pos && pos + hl + 1 < pos + m) {
				const char *rest = p + pos + m;
				size_t rn = len - pos - m;
				if (HAS_LIT(rest, rn, "page allocation failure") || line_kind_stall_text(rest, rn, NULL) == rest) {
					kernel = true;
					m = hl + 1;
				}
			}
			if (m) {
				/* another program's record is dropped, unless it
				 * relays the kernel's records with their printk level
				 * as /proc/kmsg gives them ("crashlog: <6>[…] …", a
				 * router firmware's crash log): kernel text */
				size_t q = pos + m;
				bool relayed = q + 3 <= len && p[q] == '<' && p[q + 1] >= '0' && p[q + 1] <= '7' &&
					       p[q + 2] == '>';
				if (!kernel && !relayed) {
					x->drop = true;
					return;
				}
				if (h) {
					x->host = h;
					x->host_len = hl;
				}
				pos += m;
			}
			comma = false;
			continue;
		}
not_date:
		if (r[0] == '[' && (k = tr_bracket_time(r, n, &t, &tl)) > 0) {
			if (!x->time) {
				x->time = t;
				x->time_len = tl;
			}
			if (!x->mono) {
				x->mono = t;
				x->mono_len = tl;
			}
			pos += k;
			x->any = true;
			const char *c;
			size_t cl, ck = tr_caller(p + pos, len - pos, &c, &cl);
			if (!ck) {
				/* a vendor kernel's CPU field, then the caller id
				 * ("[34536.806115][ 3] [T96407] glmark2…", Kylin V11's
				 * printk, R3960): both stripped, the caller kept */
				size_t cpu = cpu_field(p + pos, len - pos);
				size_t sp = cpu && pos + cpu < len && p[pos + cpu] == ' ' ? 1 : 0;
				if (cpu && (ck = tr_caller(p + pos + cpu + sp, len - pos - cpu - sp, &c, &cl)) > 0)
					ck += cpu + sp;
			}
			if (ck) {
				x->caller = c;
				x->caller_len = cl;
				pos += ck;
			}
			/* talosctl dmesg: "[2025-06-04T04:51:57.572293906Z]: " */
			if (pos + 1 < len && p[pos] == ':' && p[pos + 1] == ' ')
				pos++;
			if (pos < len && p[pos] == ' ')
				pos++;
			/* journalctl -o short-monotonic: "[ 1234.567890] host kernel: " */
			size_t m = 0;
			const char *sp1 = memchr(p + pos, ' ', len - pos < 256 ? len - pos : 256);
			if (sp1 && (HAS_LIT(sp1 + 1, (size_t)(p + len - sp1 - 1), "kernel:") ||
				    HAS_LIT(sp1 + 1, (size_t)(p + len - sp1 - 1), "kernel[")))
				m = tr_host_tag(p + pos, len - pos, &h, &hl, &kernel);
			if (m && kernel) {
				if (h) {
					x->host = h;
					x->host_len = hl;
				}
				pos += m;
			} else if (HAS_LIT(p + pos, len - pos, "kernel: ")) {
				/* the kernel's tag without a host after the stamp
				 * ("[21161.09] kernel: earlyoom: page allocation
				 * failure", R100): no kernel line starts so */
				pos += 8;
			}
			continue;
		}
		if (r[0] == '[' && (k = tr_caller(r, n, &t, &tl)) > 0) {
			x->caller = t;
			x->caller_len = tl;
			pos += k;
			if (pos < len && p[pos] == ' ')
				pos++;
			x->any = true;
			continue;
		}
		if (!x->time && !x->host) {
			/* a syslog prefix whose date (or date and host) was elided:
			 * "... kernel: [ 1.0] …", "[...] host kernel: …", "myhost kernel: …"
			 * — taken only with the kernel's tag */
			size_t el = match_elision(r, n);
			size_t m = tr_host_tag(r + el, n - el, &h, &hl, &kernel);
			if (m && kernel) {
				/* "19:18:21 kernel: …": a syslog line whose date was cut
				 * to its time of day, no host (R1680) — a host named so
				 * would change every second and split the report */
				if (h && hl == 8 && is_digit(h[0]) && is_digit(h[1]) && h[2] == ':' && is_digit(h[3]) &&
				    is_digit(h[4]) && h[5] == ':' && is_digit(h[6]) && is_digit(h[7]))
					h = NULL;
				if (h) {
					x->host = h;
					x->host_len = hl;
				}
				pos += el + m;
				x->any = true;
				continue;
			}
			if (el && round == 0) {
				pos += el;
				continue;
			}
		}
		/* a bare time of day before the text, set off by blanks ("17:15:26
		 * node invoked oom-killer ... order=0", R4442: a timeline
		 * condensed by hand): no kernel line starts with one.  Stripped,
		 * not taken as the record's time (no date to place it). */
		if (round == 0 && !x->any && (k = bare_time_of_day(r, n)) > 0) {
			pos += k;
			x->any = true;
			continue;
		}
		if (round == 0 && !x->any && (k = open_stamp(r, n, &t, &tl)) > 0) {
			x->time = x->mono = t;
			x->time_len = x->mono_len = tl;
			pos += k;
			x->any = true;
			continue;
		}
		/* after a date with no host or tag the rules know ("…Z vcpu-5 -
		 * Guest: <4>[…]"), too */
		if (round <= 1 && !x->host && !x->mono && (k = machine_prefix(r, n)) > 0) {
			pos += k;
			x->any = true;
			continue;   /* the stamp itself is read next round */
		}
		break;
	}
	x->len = pos;
}

/* A renderer's frame around a pasted log line: a gist or Markdown table
 * row "| <line> | |", a list item "- <line>", a pastebin's line number
 * "  12. <line>".  Taken only when a timestamp or a printk level ("<4>",
 * dmesg -r, a console log) follows, as no kernel line starts so: its
 * length, or 0. */
static size_t match_paste_frame(const char *p, size_t len)
{
	size_t i = 0;
	if (len > 2 && (p[0] == '|' || p[0] == '-') && p[1] == ' ') {
		i = 2;
	} else {
		while (i < len && i < 6 && p[i] == ' ')
			i++;
		size_t d = tr_span_digits(p + i, len - i);
		if (d < 1 || d > 6 || i + d + 1 >= len || p[i + d] != '.' || p[i + d + 1] != ' ')
			return 0;
		i += d + 2;
	}
	while (i < len && i < 24 && p[i] == ' ')
		i++;
	if (i + 3 < len && p[i] == '<' && p[i + 1] >= '0' && p[i + 1] <= '7' && p[i + 2] == '>')
		return i;
	return i < len && tr_starts_with_time(p + i, len - i) ? i : 0;
}

/* The HTML tags a web page's code block opens with, copied along with
 * its first line ("<code>[25020884.198143] Out of memory: …", R3127):
 * <pre>, <code>, <tt>, <samp>, with attributes; kernel text never starts
 * with a letter tag (its "<4>" levels are digits).  Their length. */
static size_t html_code_tags(const char *p, size_t len)
{
	static const char *const tags[] = { "pre", "code", "tt", "samp" };
	size_t q = 0;
	for (;;) {
		size_t k = q;
		while (k < len && p[k] == ' ')
			k++;
		if (k >= len || p[k] != '<')
			return q;
		size_t t = 0, n = 0;
		for (; t < sizeof(tags) / sizeof(tags[0]); t++) {
			n = strlen(tags[t]);
			if (k + 1 + n < len && memcmp(p + k + 1, tags[t], n) == 0 &&
			    (p[k + 1 + n] == '>' || p[k + 1 + n] == ' '))
				break;
		}
		if (t == sizeof(tags) / sizeof(tags[0]))
			return q;
		const char *gt = memchr(p + k + 1 + n, '>', len - (k + 1 + n));
		if (!gt || gt - (p + k) > 80)
			return q;
		q = (size_t)(gt - p) + 1;
	}
}

/* The closing tags of that block at a line's end ("…(apache2)</code>"). */
static size_t html_code_tail(const char *p, size_t len)
{
	static const char *const tails[] = { "</code>", "</pre>", "</tt>", "</samp>" };
	size_t keep = len;   /* a line without the tags keeps its trailing blanks (a wrap's join) */
	for (int again = 1; again;) {
		again = 0;
		size_t l = len;
		while (l > 0 && (p[l - 1] == ' ' || p[l - 1] == '\r'))
			l--;
		for (size_t t = 0; t < sizeof(tails) / sizeof(tails[0]); t++) {
			size_t n = strlen(tails[t]);
			if (l >= n && memcmp(p + l - n, tails[t], n) == 0) {
				len = keep = l - n;
				again = 1;
				break;
			}
		}
	}
	return keep;
}

size_t tr_strip_quote(const char *p, size_t len)
{
	size_t q = 0;
	while (q < len && p[q] == '>') {
		q++;
		if (q < len && p[q] == ' ')
			q++;
	}
	if (q < len && (p[q] == '|' || p[q] == '-' || p[q] == ' ' || is_digit(p[q])))
		q += match_paste_frame(p + q, len - q);
	q += html_code_tags(p + q, len - q);
	/* a whole line set in Markdown bold ("**Jun 23 04:09:18 www kernel:
	 * Free swap  = 0kB**", R2767): its opening mark (the closing one goes
	 * with tr_strip_frame_tail) */
	size_t end = len;
	while (end > q && (p[end - 1] == ' ' || p[end - 1] == '\r'))
		end--;
	if (end >= q + 5 && p[q] == '*' && p[q + 1] == '*' && p[q + 2] != '*' && p[q + 2] != ' ' &&
	    p[end - 1] == '*' && p[end - 2] == '*' && p[end - 3] != '*')
		q += 2;
	return q;
}

size_t tr_strip_frame_tail(const char *p, size_t len, size_t quote)
{
	if (len > quote + 6 && p[len - 1] != '*' && memchr(p + quote, '<', len - quote))
		len = quote + html_code_tail(p + quote, len - quote);
	if (quote >= 2 && p[quote - 1] == '*' && p[quote - 2] == '*') {
		/* the closing mark of a line set in bold (tr_strip_quote) */
		while (len > quote && (p[len - 1] == ' ' || p[len - 1] == '\r'))
			len--;
		if (len >= quote + 2 && p[len - 1] == '*' && p[len - 2] == '*')
			len -= 2;
	}
	if (!memchr(p, '|', quote)) {
		/* a row whose opening cell was cut off keeps its closing " | |":
		 * no kernel line ends so */
		if (len >= quote + 5 && memcmp(p + len - 4, " | |", 4) == 0) {
			len -= 4;
			while (len > quote && p[len - 1] == ' ')
				len--;
		}
		return len;
	}
	/* the row's closing cells: " |", " | |" */
	for (int k = 0; k < 4; k++) {
		size_t n = len;
		while (n > quote && (p[n - 1] == ' ' || p[n - 1] == '\t'))
			n--;
		if (n <= quote || p[n - 1] != '|')
			break;
		len = n - 1;
	}
	while (len > quote && p[len - 1] == ' ')
		len--;
	return len;
}

/* A mark some writers put in front of each pasted log line, ": " or "| "
 * (Michal Hocko's "> : [ 65.9] …" in linux-mm replies, R416): taken only
 * when a timestamp follows, as kernel text never starts so. */
size_t tr_strip_paste_mark(const char *p, size_t len)
{
	/* a Markdown fence glued to the paste's first line, its newline lost:
	 * "```[20761.375887] vmalloc: …" (R778) */
	if (len > 4 && p[0] == '`' && p[1] == '`' && p[2] == '`' && tr_starts_with_time(p + 3, len - 3))
		return 3;
	if (len < 4 || (p[0] != ':' && p[0] != '|') || p[1] != ' ')
		return 0;
	size_t i = 2;
	while (i < len && i < 4 && p[i] == ' ')
		i++;
	return tr_starts_with_time(p + i, len - i) ? i : 0;
}

/* A pager cut the line at the terminal width and marked it with '>' (less
 * -S) or '…' (journalctl): drop the marker and the token it cut. */
bool tr_cut_pager_mark(const char *p, size_t *len)
{
	size_t n = *len;
	size_t mark = 0;
	if (n >= 3 && (unsigned char)p[n - 3] == 0xe2 && (unsigned char)p[n - 2] == 0x80 &&
	    (unsigned char)p[n - 1] == 0xa6)
		mark = 3;
	else if (n >= 2 && p[n - 1] == '>' && p[n - 2] != ' ' && p[n - 2] != '-')
		mark = 1;
	if (!mark)
		return false;
	size_t b = n - mark;
	/* cut right after a ',' (a blank-less oom-kill: line's
	 * "…,task_memcg=/system.slice/firewalld.service,>", R453): every field
	 * before it is whole, only the mark goes */
	if (mark == 1 && p[b - 1] == ',') {
		*len = b;
		return true;
	}
	while (b > 0 && p[b - 1] != ' ')
		b--;
	/* "<TASK>", "</IRQ>", "[<ffffffff>]": a tag, not a cut */
	if (mark == 1 && memchr(p + b, '<', n - b))
		return false;
	/* a blank-less run of fields ("…,global_oom,task_memcg=>", R704): only
	 * the field after its last ',' was cut, the ones before are whole */
	for (size_t c = n - mark; c > b; c--)
		if (p[c - 1] == ',') {
			*len = c;
			return true;
		}
	while (b > 0 && p[b - 1] == ' ')
		b--;
	*len = b;
	return true;
}

bool tr_is_kmsg_dict_line(const char *p, size_t len)
{
	if (len < 3 || p[0] != ' ')
		return false;
	size_t i = 1;
	while (i < len && (is_upper(p[i]) || is_digit(p[i]) || p[i] == '_'))
		i++;
	return i > 1 && i < len && p[i] == '=';
}
