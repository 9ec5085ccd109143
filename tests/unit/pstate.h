/* pstate.h — a fresh per-report state of the report parser
 * (src/report/parse_int.h), for the tests of its pieces (parse_mem.c,
 * parse_tasks.c, parse_finish.c) one line at a time.  Mirrors
 * parse.c's state_reset: every page count unknown, no section, no columns. */
#ifndef OOMKIT_TEST_PSTATE_H
#define OOMKIT_TEST_PSTATE_H

#include <string.h>

#include "report/parse_int.h"

static struct pstate ST;

static inline struct pstate *fresh(void)
{
	event_release(&ST.ev);
	memset(&ST, 0, sizeof(ST));
	event_init(&ST.ev);
	for (size_t i = 0; i < sizeof(ST.pages) / sizeof(int64_t); i++)
		((int64_t *)&ST.pages)[i] = OOM_NA;
	ST.cont_zone = ST.cont_node = ST.last_zone = -1;
	ST.buddy_base_kib = ST.buddy_psz_kib = ST.reaper_pid = OOM_NA;
	return &ST;
}

/* One line, as the parser hands it: [s, e) of a NUL-terminated string. */
#define LINE(s) (s), (s) + strlen(s)

#endif
