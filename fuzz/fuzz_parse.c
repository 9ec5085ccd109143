/* fuzz_parse.c — bytes → lines → the report parser (src/report/parse*.c).
 * A line "@N text" is fed with caller id "TN" and "#H text" with host "hH",
 * so the per-CPU and per-host report states are exercised too.  Every event
 * is checked for the invariants the rest of oomkit relies on. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "report/linekind.h"
#include "report/report.h"

static void check_event(struct oom_event *ev, void *ctx)
{
	(void)ctx;
	/* strings stay terminated, counts stay in range */
	if (memchr(ev->req.trigger_comm, 0, sizeof(ev->req.trigger_comm)) == NULL ||
	    memchr(ev->victim.comm, 0, sizeof(ev->victim.comm)) == NULL ||
	    memchr(ev->kernel, 0, sizeof(ev->kernel)) == NULL)
		abort();
	if (ev->snap.nr_zones < 0 || ev->snap.nr_zones > OOM_MAX_ZONES || ev->snap.nr_nodes > OOM_MAX_NODES ||
	    ev->nr_warnings > OOM_MAX_WARNINGS || ev->nr_group_kills > OOM_MAX_GROUP_KILLS ||
	    ev->snap.nr_slabs > 16 || ev->snap.nr_tasks > OOM_MAX_TASKS)
		abort();
	for (int i = 0; i < ev->snap.nr_zones; i++) {
		const struct oom_zone *z = &ev->snap.zones[i];
		if (z->nr_orders < 0 || z->nr_orders > OOM_MAX_ORDERS || z->nr_lowmem_reserve > OOM_MAX_ZONE_IDX)
			abort();
	}
	if (known(ev->snap.page_size_kib) && ev->snap.page_size_kib <= 0)
		abort();
	/* side messages and reassembly marks */
	if (memchr(ev->side.slab_cache, 0, sizeof(ev->side.slab_cache)) == NULL ||
	    memchr(ev->side.driver, 0, sizeof(ev->side.driver)) == NULL)
		abort();
	if (ev->victim_from_reaper && !ev->have_victim)
		abort();
	if (ev->kernel_from_neighbour && !ev->kernel[0])
		abort();
	/* the task table is readable to its end */
	int64_t sum = 0;
	for (size_t i = 0; i < ev->snap.nr_tasks; i++)
		sum ^= ev->snap.tasks[i].pid ^ (int64_t)strlen(ev->snap.tasks[i].comm);
	(void)sum;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct report_parser *p = report_parser_new("fuzz", check_event, NULL);
	if (!p)
		return 0;
	const char *s = (const char *)data, *end = s + size;
	uint64_t lineno = 0;
	char caller[8], host[8];
	while (s < end) {
		const char *nl = memchr(s, '\n', (size_t)(end - s));
		const char *e = nl ? nl : end;
		struct report_line l;
		memset(&l, 0, sizeof(l));
		l.lineno = ++lineno;
		if (e - s >= 3 && s[0] == '@' && s[2] == ' ') {
			caller[0] = 'T';
			caller[1] = s[1];
			l.caller = caller;
			l.caller_len = 2;
			s += 3;
		} else if (e - s >= 3 && s[0] == '#' && s[2] == ' ') {
			host[0] = 'h';
			host[1] = s[1];
			l.host = host;
			l.host_len = 2;
			s += 3;
		}
		/* the text is handed over without a terminating NUL, as the scanner does */
		size_t n = (size_t)(e - s);
		char *copy = malloc(n ? n : 1);
		if (!copy)
			break;
		memcpy(copy, s, n);
		l.text = copy;
		l.len = n;
		if ((unsigned)line_kind_of(l.text, l.len) >= LK_COUNT)
			abort();
		report_parser_feed(p, &l);
		(void)report_parser_active(p);
		free(copy);
		s = nl ? nl + 1 : end;
	}
	report_parser_finish(p);
	report_parser_free(p);
	return 0;
}
