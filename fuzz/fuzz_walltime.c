/* fuzz_walltime.c — report/walltime.c, the reader of log dates and
 * monotonic stamps (explain's wall-clock times), on hostile bytes: no
 * crash, no read past the given length, and what it accepts formats. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "model/event.h"
#include "report/walltime.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	/* an exact-size copy: ASan sees any read past size */
	char *s = malloc(size ? size : 1);
	if (!s)
		return 0;
	memcpy(s, data, size);
	double mono;
	int64_t t;
	char b[128];
	walltime_parse_mono(s, size, &mono);
	if (walltime_parse_date(s, size, (time_t)1796389200, &t) == 0) {
		fmt_iso8601(b, sizeof(b), t);
		fmt_when(b, sizeof(b), t, (time_t)1796389200);
	}
	static struct oom_event ev;
	size_t n = size < sizeof(ev.time) - 1 ? size : sizeof(ev.time) - 1;
	memcpy(ev.time, data, n);
	ev.time[n] = '\0';
	ev.wall_time = 0;
	ev.wall_basis = (int)walltime_of_event(ev.time, 1796380000, WALL_BOOT_ARG, (time_t)1796389200, &ev.wall_time);
	walltime_event_text(&ev, (time_t)1796389200, b, sizeof(b));
	/* a boot banner's date and stamp: the bytes split in two */
	size_t half = size / 2;
	if (walltime_boot_of_banner(s, half, s + half, size - half, (time_t)1796389200, &t) == 0) {
		ev.wall_basis = (int)walltime_of_event(ev.time, t, WALL_BOOT_LOG, (time_t)1796389200, &ev.wall_time);
		walltime_event_text(&ev, (time_t)1796389200, b, sizeof(b));
	}
	free(s);
	return 0;
}
