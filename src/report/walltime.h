/* walltime.h — wall-clock times of events: from the
 * log's own date (syslog, journal, RFC 3339) or from the boot time plus the
 * kernel's monotonic stamp.  Pure functions of text and numbers, except
 * walltime_host_boot(), which reads this machine's clocks. */
#ifndef OOMKIT_WALLTIME_H
#define OOMKIT_WALLTIME_H

#include <stdint.h>
#include <stddef.h>
#include <time.h>

enum walltime_basis {
	WALL_NONE = 0,     /* monotonic seconds only (or nothing) */
	WALL_LOG_DATE,     /* the log line's own date */
	WALL_BOOT_TIME,    /* boot time (this machine's clocks) + monotonic stamp */
	WALL_BOOT_ARG,     /* --boot-time + monotonic stamp */
	WALL_BOOT_LOG,     /* derived: the boot time a dated "Linux version" line of the log gives + monotonic stamp */
};
const char *walltime_basis_name(enum walltime_basis b);   /* "log date", "boot time + uptime", … */

/* "27742.909073" → 27742.909073.  0 or -EINVAL. */
int walltime_parse_mono(const char *s, size_t len, double *out);
/* A log date → seconds since the epoch.  Accepts "Sep 23 02:04:16" (year
 * taken from now, the previous one when that would be more than a day in
 * the future), "Di Aug 12 03:54:03 2025" (any day name), and RFC 3339 /
 * ISO 8601 "2025-08-12T03:54:03[.123][Z|+02:00]" or with a space.  Times
 * without a zone are local.  0 or -EINVAL (out untouched). */
int walltime_parse_date(const char *s, size_t len, time_t now, int64_t *out);
/* "2026-12-04T13:04:06", "@1764853446" or a date as above → epoch seconds
 * (for --boot-time).  0 or -EINVAL. */
int walltime_parse_arg(const char *s, time_t now, int64_t *out);
/* The boot time a boot banner ("Linux version …", "Command line: …")
 * gives: its prefix's date (as walltime_parse_date) less the kernel's stamp
 * on it, which must be that of early boot (under 10 s).  The date is when
 * the logger wrote the line, which for a banner read from the ring buffer
 * by a syslog daemon may be seconds late: the result is labelled derived.
 * 0 or -EINVAL (out untouched). */
int walltime_boot_of_banner(const char *date, size_t date_len, const char *mono, size_t mono_len, time_t now,
			    int64_t *boot);
/* An event's time string → its wall-clock time.  boot_epoch is the boot
 * time (0 unknown), boot_basis says where it came from.  Returns the
 * basis (WALL_NONE: *out untouched). */
enum walltime_basis walltime_of_event(const char *time, int64_t boot_epoch, enum walltime_basis boot_basis,
				      time_t now, int64_t *out);
/* This machine's boot time as dmesg -T computes it: CLOCK_REALTIME −
 * CLOCK_BOOTTIME (printk stamps stop while suspended, so later stamps read
 * early by the time spent suspended).  0 when the clocks fail. */
int64_t walltime_host_boot(void);

/* "2026-12-04T13:04:06+01:00" (local time).  Returns buf, NULL on failure. */
char *fmt_iso8601(char *buf, size_t len, int64_t t);
/* "2026-12-04 13:04:06 (12 min ago)"; "(in the future)" when after now. */
char *fmt_when(char *buf, size_t len, int64_t t, time_t now);

struct oom_event;
/* An event's time for text: "2026-12-04 13:04:06 (12 min ago)", else
 * "114.288745 s after boot (monotonic; boot time unknown)", else the
 * stamp as printed; "" when there is none.  Returns buf. */
char *walltime_event_text(const struct oom_event *ev, time_t now, char *buf, size_t len);

#endif
