/* test_report_walltime.c — report/walltime.c: log dates and monotonic stamps to
 * wall-clock times, and their text/ISO 8601 forms. */
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "model/event.h"
#include "report/walltime.h"

/* 2026-12-04T13:00:00Z */
#define NOW ((time_t)1796389200)

TEST(test_mono)
{
	double v = 0;
	CHECK_INT(walltime_parse_mono("27742.909073", 12, &v), 0);
	CHECK(v > 27742.9 && v < 27742.91);
	CHECK_INT(walltime_parse_mono("  5.0", 5, &v), 0);
	CHECK(walltime_parse_mono("Sep 23 02:04:16", 15, &v) < 0);
	CHECK(walltime_parse_mono("1.2.3", 5, &v) < 0);
	CHECK(walltime_parse_mono("", 0, &v) < 0);
}

TEST(test_dates)
{
	int64_t t = 0;
	/* RFC 3339 with a zone: exact whatever TZ says */
	CHECK_INT(walltime_parse_date("2025-08-12T03:54:03+02:00", 25, NOW, &t), 0);
	CHECK_INT(t, 1754963643);
	CHECK_INT(walltime_parse_date("2025-08-12T01:54:03.123456Z", 27, NOW, &t), 0);
	CHECK_INT(t, 1754963643);
	/* journalctl -o verbose's entry date: a weekday before the ISO date,
	 * a zone abbreviation after it (UTC exact, others local like syslog) */
	CHECK_INT(walltime_parse_date("Tue 2025-08-12 01:54:03.015489 UTC", 34, NOW, &t), 0);
	CHECK_INT(t, 1754963643);
	CHECK(walltime_parse_date("Thu 2023-02-02 11:49:13.015489 CET", 34, NOW, &t) == 0);
	/* local times: compare through the same TZ rules */
	setenv("TZ", "UTC", 1);
	tzset();
	CHECK_INT(walltime_parse_date("Di Aug 12 03:54:03 2025", 23, NOW, &t), 0);
	CHECK_INT(t, 1754970843);
	CHECK_INT(walltime_parse_date("Aug 12 03:54:03", 15, NOW, &t), 0);
	CHECK_INT(t, 1786506843);          /* this year (2026) */
	/* BSD syslog in January about December: last year's */
	CHECK_INT(walltime_parse_date("Dec 31 23:00:00", 15, (time_t)1767312000 /* 2026-01-02 */, &t), 0);
	CHECK_INT(t, 1767222000);          /* 2025-12-31T23:00:00Z */
	CHECK_INT(walltime_parse_date("Sept  3 01:02:03", 16, NOW, &t), 0);
	CHECK(walltime_parse_date("27742.909073", 12, NOW, &t) < 0);
	CHECK(walltime_parse_date("Foo 12 03:54:03", 15, NOW, &t) < 0);
	CHECK(walltime_parse_date("2025-13-12T03:54:03", 19, NOW, &t) < 0);
	CHECK(walltime_parse_date("Aug 12 25:00:00", 15, NOW, &t) < 0);
	CHECK_INT(walltime_parse_arg("@1700000000", NOW, &t), 0);
	CHECK_INT(t, 1700000000);
	CHECK(walltime_parse_arg("@x", NOW, &t) < 0);
}

TEST(test_event)
{
	setenv("TZ", "UTC", 1);
	tzset();
	int64_t t = 0;
	CHECK_INT(walltime_of_event("100.5", 1796380000, WALL_BOOT_TIME, NOW, &t), WALL_BOOT_TIME);
	CHECK_INT(t, 1796380100);
	t = 0;
	CHECK_INT(walltime_of_event("100.5", 0, WALL_BOOT_TIME, NOW, &t), WALL_NONE);
	CHECK_INT(t, 0);
	CHECK_INT(walltime_of_event("Dec  4 12:00:00", 0, WALL_BOOT_ARG, NOW, &t), WALL_LOG_DATE);
	CHECK_INT(t, 1796385600);
	CHECK_INT(walltime_of_event("", 1, WALL_BOOT_ARG, NOW, &t), WALL_NONE);

	char b[128];
	CHECK_STR(fmt_iso8601(b, sizeof(b), 1796385600), "2026-12-04T12:00:00+00:00");
	CHECK_STR(fmt_when(b, sizeof(b), 1796385600, NOW), "2026-12-04 12:00:00 (1 h 0 min ago)");
	CHECK_STR(fmt_when(b, sizeof(b), NOW - 720, NOW), "2026-12-04 12:48:00 (12 min ago)");
	CHECK_STR(fmt_when(b, sizeof(b), NOW - 3 * 86400, NOW), "2026-12-01 13:00:00 (3 days ago)");

	struct oom_event *ev = calloc(1, sizeof(*ev));
	CHECK(ev != NULL);
	if (!ev)
		return;
	strcpy(ev->time, "11519.429125");
	CHECK_STR(walltime_event_text(ev, NOW, b, sizeof(b)),
		  "11519.429125 s after boot (monotonic; boot time unknown: --boot-time)");
	ev->wall_time = NOW - 120;
	ev->wall_basis = WALL_BOOT_TIME;
	CHECK_STR(walltime_event_text(ev, NOW, b, sizeof(b)), "2026-12-04 12:58:00 (2 min ago)");
	free(ev);
}

/* Issue 8 §5: a boot banner with a dated prefix gives the boot time. */
TEST(test_boot_of_banner)
{
	int64_t b = 0, t = 0;
	CHECK_INT(walltime_boot_of_banner("2025-08-12T03:54:03Z", 20, "0.000000", 8, NOW, &b), 0);
	CHECK_INT(walltime_parse_date("2025-08-12T03:54:03Z", 20, NOW, &t), 0);
	CHECK_INT(b, t);
	CHECK_INT(walltime_boot_of_banner("2025-08-12T03:54:03Z", 20, "   2.500000", 11, NOW, &b), 0);
	CHECK_INT(b, t - 2);
	/* a stamp long after boot is no banner's; a stamp as the "date"; junk */
	b = 7;
	CHECK(walltime_boot_of_banner("2025-08-12T03:54:03Z", 20, "600.0", 5, NOW, &b) < 0);
	CHECK(walltime_boot_of_banner("0.000000", 8, "0.000000", 8, NOW, &b) < 0);
	CHECK(walltime_boot_of_banner("Foo 12 03:54:03", 15, "0.0", 3, NOW, &b) < 0);
	CHECK(walltime_boot_of_banner(NULL, 0, "0.0", 3, NOW, &b) < 0);
	CHECK_INT(b, 7);
	/* an event 600 s into that boot, labelled as derived */
	int64_t w = 0;
	CHECK_INT(walltime_of_event("600.000001", t, WALL_BOOT_LOG, NOW, &w), WALL_BOOT_LOG);
	CHECK_INT(w, t + 600);
	CHECK(strstr(walltime_basis_name(WALL_BOOT_LOG), "derived") != NULL);
	struct oom_event ev;
	memset(&ev, 0, sizeof(ev));
	snprintf(ev.time, sizeof(ev.time), "600.000001");
	ev.wall_time = w;
	ev.wall_basis = WALL_BOOT_LOG;
	char buf[160];
	CHECK(strstr(walltime_event_text(&ev, NOW, buf, sizeof(buf)), "derived") != NULL);
}

int main(void)
{
	RUN(test_boot_of_banner);
	RUN(test_mono);
	RUN(test_dates);
	RUN(test_event);
	return check_summary();
}
