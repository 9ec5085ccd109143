/* walltime.c — see walltime.h. */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/event.h"
#include "report/walltime.h"

const char *walltime_basis_name(enum walltime_basis b)
{
	switch (b) {
	case WALL_LOG_DATE: return "log date";
	case WALL_BOOT_TIME: return "boot time + uptime";
	case WALL_BOOT_ARG: return "--boot-time + uptime";
	case WALL_BOOT_LOG: return "derived: boot time from the log's \"Linux version\" line + uptime";
	default: return "monotonic";
	}
}

int walltime_parse_mono(const char *s, size_t len, double *out)
{
	char tmp[32];
	size_t i = 0;
	while (i < len && s[i] == ' ')
		i++;
	if (i == len || len - i >= sizeof(tmp))
		return -EINVAL;
	size_t n = 0, dots = 0;
	for (; i < len; i++) {
		if (s[i] == '.')
			dots++;
		else if (!isdigit((unsigned char)s[i]))
			return -EINVAL;
		tmp[n++] = s[i];
	}
	tmp[n] = '\0';
	if (dots > 1 || !isdigit((unsigned char)tmp[0]))
		return -EINVAL;
	*out = strtod(tmp, NULL);
	return 0;
}

static int month_of(const char *s)
{
	static const char *const m[] = { "jan", "feb", "mar", "apr", "may", "jun",
					 "jul", "aug", "sep", "oct", "nov", "dec" };
	for (int i = 0; i < 12; i++)
		if (strncasecmp(s, m[i], 3) == 0)
			return i;
	return -1;
}

/* Reads up to max digits; returns the count read (0 none). */
static int digits(const char **p, const char *end, int max, int *v)
{
	int n = 0;
	*v = 0;
	while (*p < end && n < max && isdigit((unsigned char)**p)) {
		*v = *v * 10 + (**p - '0');
		(*p)++;
		n++;
	}
	return n;
}

static int parse_hms(const char **p, const char *end, struct tm *tm)
{
	int h, m, s;
	if (digits(p, end, 2, &h) < 1 || *p >= end || **p != ':')
		return -EINVAL;
	(*p)++;
	if (digits(p, end, 2, &m) != 2 || *p >= end || **p != ':')
		return -EINVAL;
	(*p)++;
	if (digits(p, end, 2, &s) != 2 || h > 23 || m > 59 || s > 60)
		return -EINVAL;
	tm->tm_hour = h, tm->tm_min = m, tm->tm_sec = s;
	return 0;
}

/* timegm() for a UTC broken-down time, without relying on TZ. */
static int64_t days_from_civil(int y, int m, int d)
{
	y -= m <= 2;
	int64_t era = (y >= 0 ? y : y - 399) / 400;
	int64_t yoe = y - era * 400;
	int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

static int64_t utc_epoch(const struct tm *tm)
{
	return days_from_civil(tm->tm_year + 1900, tm->tm_mon + 1, tm->tm_mday) * 86400 +
	       tm->tm_hour * 3600 + tm->tm_min * 60 + tm->tm_sec;
}

static int64_t local_epoch(struct tm *tm)
{
	tm->tm_isdst = -1;
	return (int64_t)mktime(tm);
}

int walltime_parse_date(const char *s, size_t len, time_t now, int64_t *out)
{
	const char *p = s, *end = s + len;
	while (p < end && *p == ' ')
		p++;
	struct tm tm;
	memset(&tm, 0, sizeof(tm));
	int v;
	/* journalctl -o verbose / -o full: "Thu 2023-02-02 11:49:13.015489 CET" */
	if (end - p > 9 && isalpha((unsigned char)p[0]) && isalpha((unsigned char)p[1]) &&
	    isalpha((unsigned char)p[2]) && p[3] == ' ' && isdigit((unsigned char)p[4]) &&
	    isdigit((unsigned char)p[5]) && isdigit((unsigned char)p[6]) && isdigit((unsigned char)p[7]) && p[8] == '-')
		p += 4;
	const char *q = p;
	if (digits(&q, end, 4, &v) == 4 && q < end && *q == '-') {
		/* RFC 3339 / ISO 8601 */
		int mo, d;
		q++;
		if (digits(&q, end, 2, &mo) != 2 || q >= end || *q != '-')
			return -EINVAL;
		q++;
		if (digits(&q, end, 2, &d) != 2 || q >= end || (*q != 'T' && *q != ' '))
			return -EINVAL;
		q++;
		tm.tm_year = v - 1900, tm.tm_mon = mo - 1, tm.tm_mday = d;
		if (mo < 1 || mo > 12 || d < 1 || d > 31 || parse_hms(&q, end, &tm) < 0)
			return -EINVAL;
		if (q < end && (*q == '.' || *q == ',')) {
			q++;
			while (q < end && isdigit((unsigned char)*q))
				q++;
		}
		if (q < end && (*q == 'Z' || *q == 'z')) {
			*out = utc_epoch(&tm);
			return 0;
		}
		if (end - q >= 4 && (!memcmp(q, " UTC", 4) || !memcmp(q, " GMT", 4))) {
			*out = utc_epoch(&tm);
			return 0;
		}
		if (q < end && (*q == '+' || *q == '-')) {
			int sign = *q == '-' ? -1 : 1, hh, mm = 0;
			q++;
			if (digits(&q, end, 2, &hh) != 2)
				return -EINVAL;
			if (q < end && *q == ':')
				q++;
			digits(&q, end, 2, &mm);
			*out = utc_epoch(&tm) - sign * (hh * 3600 + mm * 60);
			return 0;
		}
		*out = local_epoch(&tm);
		return 0;
	}
	/* "[Www ]Mon DD HH:MM:SS[ YYYY]": skip a leading day name of any language */
	int mon = p + 3 <= end ? month_of(p) : -1;
	if (mon < 0) {
		while (p < end && *p != ' ')
			p++;
		while (p < end && *p == ' ')
			p++;
		mon = p + 3 <= end ? month_of(p) : -1;
		if (mon < 0)
			return -EINVAL;
	}
	p += 3;
	while (p < end && isalpha((unsigned char)*p))
		p++;   /* "Sept", "June" */
	while (p < end && *p == ' ')
		p++;
	int d;
	if (digits(&p, end, 2, &d) < 1 || d < 1 || d > 31 || p >= end || *p != ' ')
		return -EINVAL;
	p++;
	tm.tm_mon = mon, tm.tm_mday = d;
	if (parse_hms(&p, end, &tm) < 0)
		return -EINVAL;
	const char *y = p;
	while (y < end && *y == ' ')
		y++;
	int year;
	struct tm nowtm;
	time_t nt = now;
	localtime_r(&nt, &nowtm);
	if (y > p && digits(&y, end, 4, &year) == 4) {
		tm.tm_year = year - 1900;
		*out = local_epoch(&tm);
		return 0;
	}
	/* BSD syslog has no year: this year, or last year's when that would
	 * lie more than a day in the future (a log read in January). */
	tm.tm_year = nowtm.tm_year;
	struct tm copy = tm;
	int64_t t = local_epoch(&copy);
	if (t > (int64_t)now + 86400) {
		tm.tm_year--;
		t = local_epoch(&tm);
	}
	*out = t;
	return 0;
}

int walltime_parse_arg(const char *s, time_t now, int64_t *out)
{
	if (s[0] == '@') {
		char *e;
		errno = 0;
		long long v = strtoll(s + 1, &e, 10);
		if (errno || e == s + 1 || *e || v < 0)
			return -EINVAL;
		*out = v;
		return 0;
	}
	return walltime_parse_date(s, strlen(s), now, out);
}

int walltime_boot_of_banner(const char *date, size_t date_len, const char *mono, size_t mono_len, time_t now,
			    int64_t *boot)
{
	double m;
	int64_t t;
	if (!date || !mono || walltime_parse_mono(mono, mono_len, &m) < 0 || !(m >= 0 && m < 10))
		return -EINVAL;
	double not_date;
	if (walltime_parse_mono(date, date_len, &not_date) == 0 || walltime_parse_date(date, date_len, now, &t) < 0)
		return -EINVAL;
	*boot = t - (int64_t)m;
	return 0;
}

enum walltime_basis walltime_of_event(const char *time, int64_t boot_epoch, enum walltime_basis boot_basis,
				      time_t now, int64_t *out)
{
	if (!time || !time[0])
		return WALL_NONE;
	size_t len = strlen(time);
	double mono;
	if (walltime_parse_mono(time, len, &mono) == 0) {
		if (boot_epoch <= 0 || !(mono >= 0 && mono < 1e10))
			return WALL_NONE;   /* unknown boot, or a stamp no uptime reaches (~317 years) */
		*out = boot_epoch + (int64_t)mono;
		return boot_basis;
	}
	return walltime_parse_date(time, len, now, out) == 0 ? WALL_LOG_DATE : WALL_NONE;
}

int64_t walltime_host_boot(void)
{
	struct timespec rt, bt;
	if (clock_gettime(CLOCK_REALTIME, &rt) < 0 || clock_gettime(CLOCK_BOOTTIME, &bt) < 0)
		return 0;
	return (int64_t)rt.tv_sec - (int64_t)bt.tv_sec - (rt.tv_nsec < bt.tv_nsec ? 1 : 0);
}

char *fmt_iso8601(char *buf, size_t len, int64_t t)
{
	time_t tt = (time_t)t;
	struct tm tm;
	if (!localtime_r(&tt, &tm))
		return NULL;
	char z[8];
	if (strftime(buf, len, "%Y-%m-%dT%H:%M:%S", &tm) == 0 || strftime(z, sizeof(z), "%z", &tm) == 0)
		return NULL;
	size_t n = strlen(buf);
	if (strlen(z) == 5)
		snprintf(buf + n, len - n, "%.3s:%.2s", z, z + 3);   /* +0100 → +01:00 */
	return buf;
}

char *fmt_when(char *buf, size_t len, int64_t t, time_t now)
{
	time_t tt = (time_t)t;
	struct tm tm;
	if (!localtime_r(&tt, &tm) || strftime(buf, len, "%Y-%m-%d %H:%M:%S", &tm) == 0)
		return NULL;
	size_t n = strlen(buf);
	int64_t d = (int64_t)now - t;
	if (d < -60)
		snprintf(buf + n, len - n, " (in the future)");
	else if (d < 60)
		snprintf(buf + n, len - n, " (just now)");
	else if (d < 3600)
		snprintf(buf + n, len - n, " (%lld min ago)", (long long)(d / 60));
	else if (d < 2 * 86400)
		snprintf(buf + n, len - n, " (%lld h %lld min ago)", (long long)(d / 3600), (long long)(d % 3600 / 60));
	else
		snprintf(buf + n, len - n, " (%lld days ago)", (long long)(d / 86400));
	return buf;
}

char *walltime_event_text(const struct oom_event *ev, time_t now, char *buf, size_t len)
{
	double mono;
	buf[0] = '\0';
	if (ev->wall_time > 0 && ev->wall_basis != WALL_NONE && fmt_when(buf, len, ev->wall_time, now)) {
		size_t n = strlen(buf);
		if (ev->wall_basis == WALL_BOOT_LOG)   /* not printed with the line: say how it was found */
			snprintf(buf + n, len - n, ", derived from the log's boot line");
		return buf;
	}
	if (!ev->time[0])
		return buf;
	if (walltime_parse_mono(ev->time, strlen(ev->time), &mono) == 0)
		snprintf(buf, len, "%s s after boot (monotonic; boot time unknown: --boot-time)", ev->time);
	else
		snprintf(buf, len, "%s", ev->time);
	return buf;
}
