/* test_render_incident.c — the text view of a guard incident's flight
 * recorder (render/incident.c render_incident_timeline_text): the last
 * 60 s before the kill, sparklines and a few rows. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "render/render.h"
#include "render/style.h"
#include "report/incident.h"

static char *render(const struct incident_timeline *tl)
{
	struct style st;
	style_init(&st, false);
	char *out = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&out, &len);
	render_incident_timeline_text(f, tl, &st);
	fclose(f);
	return out;
}

static int count(const char *s, const char *needle)
{
	int n = 0;
	for (const char *p = s; (p = strstr(p, needle)); p += strlen(needle))
		n++;
	return n;
}

static void last_minute(void)
{
	static struct incident_timeline tl;
	memset(&tl, 0, sizeof(tl));
	tl.kill_time_ms = 1000000;
	tl.term_threshold_kib = 52428;
	tl.kill_threshold_kib = 26214;
	tl.limit_kib = 524288;
	/* 90 snapshots a second apart, the last at the kill: 30 of them are
	 * older than the minute and left out. */
	tl.n = 90;
	for (int i = 0; i < tl.n; i++) {
		struct incident_sample *s = &tl.samples[i];
		s->time_ms = tl.kill_time_ms - (int64_t)(tl.n - 1 - i) * 1000;
		s->scope_available_kib = 524288 - (int64_t)i * 5000;    /* falling */
		s->mem_available_kib = 20 * 1024 * 1024;
		s->psi_some_avg10 = i < 85 ? 0.0 : 12.5;
		s->psi_full_avg10 = NAN;                               /* not recorded */
	}
	char *out = render(&tl);
	CHECK(strstr(out, "last 60 s before the kill (61 snapshots)") != NULL);
	CHECK(strstr(out, "SIGTERM below 51.2 MiB, SIGKILL below 25.6 MiB") != NULL);
	CHECK(strstr(out, "scope available") != NULL);
	/* the scope falls: the sparkline starts high and ends at the bottom */
	const char *sp = strstr(out, "scope available");
	CHECK(sp && strstr(sp, "█") && strstr(sp, "▁"));
	CHECK(strstr(out, "PSI some avg10") != NULL);
	CHECK(strstr(out, "highest 12.50") != NULL);
	CHECK(strstr(out, "PSI full avg10") == NULL);                /* nothing known: no line */
	/* 7 rows, from -60 s to the kill */
	CHECK(strstr(out, "-60.0 s") != NULL);
	CHECK(strstr(out, "  0.0 s") != NULL);
	CHECK_INT(count(out, " s "), 1 + 7);   /* the heading, then the rows */
	CHECK(strstr(out, "-61.0 s") == NULL);
	free(out);

	/* No snapshot: said so. */
	tl.n = 0;
	out = render(&tl);
	CHECK(strstr(out, "no flight-recorder snapshots") != NULL);
	free(out);
	out = render(NULL);
	CHECK(strstr(out, "no flight-recorder snapshots") != NULL);
	free(out);

	/* One snapshot, kill time unknown: one row at 0 s. */
	tl.n = 1;
	tl.kill_time_ms = OOM_NA;
	tl.samples[0].time_ms = 5000;
	out = render(&tl);
	CHECK(strstr(out, "(1 snapshot)") != NULL);
	CHECK_INT(count(out, " s "), 1 + 1);
	free(out);
}

int main(void)
{
	RUN(last_minute);
	return check_summary();
}
