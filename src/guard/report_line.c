/* report_line.c — report-interval: one status line per scope in the log,
 * every N seconds (earlyoom's -r "mem avail: … swap free: …" line, with
 * what oomkit knows besides: PSI and whom it would stop now).
 *
 * Off by default, and then it adds no wakeup (the loop asks
 * guard_report_timeout_ms, -1); when on, one deadline beside the others. */
#include <string.h>

#include "guard/guard.h"
#include "util/util.h"

static uint64_t next_ns;
static int interval_s;

int guard_report_timeout_ms(const struct guard_config *c, uint64_t now)
{
	if (c->report_interval_s <= 0) {
		next_ns = 0;
		return -1;
	}
	if (!next_ns || interval_s != c->report_interval_s) {
		/* The first line one interval after the start (or a reload that changed it). */
		interval_s = c->report_interval_s;
		next_ns = now + (uint64_t)interval_s * 1000000000ull;
	}
	return next_ns > now ? (int)((next_ns - now + 999999) / 1000000) : 0;
}

void guard_report_format(char *buf, size_t len, const struct guard_scope *sc, const struct guard_task *top)
{
	char name[OOM_PATH_LEN * 2], a[32], t[32], sf[32], st[32], comm[OOM_COMM_LEN * 4];
	escape_term_to(name, sizeof(name), sc->name, strlen(sc->name), false);
	fmt_kib(a, sizeof(a), sc->avail_kib);
	fmt_kib(t, sizeof(t), sc->total_kib);
	int pct = known(sc->avail_kib) && known(sc->total_kib) && sc->total_kib > 0
			  ? (int)(sc->avail_kib * 100 / sc->total_kib) : -1;
	size_t n = 0;
#define ADD(...) do { int w_ = snprintf(buf + n, n < len ? len - n : 0, __VA_ARGS__); \
	if (w_ > 0) n += (size_t)w_; } while (0)
	ADD("status %s: available %s of %s", name, a, known(sc->total_kib) ? t : "unlimited");
	if (pct >= 0)
		ADD(" (%d%%)", pct);
	if (sc->kind == SCOPE_MACHINE && sc->swap_total_kib > 0)
		ADD(", swap free %s of %s", fmt_kib(sf, sizeof(sf), sc->swap_free_kib),
		    fmt_kib(st, sizeof(st), sc->swap_total_kib));
	else if (sc->kind == SCOPE_MACHINE)
		ADD(", no swap");
	if (sc->psi.known)
		ADD(", PSI some avg10 %.2f", sc->psi.some_avg10);
	else
		ADD(", PSI unknown");
	if (top) {
		escape_term_to(comm, sizeof(comm), top->t.comm, strlen(top->t.comm), false);
		ADD(", top candidate pid %lld (%s) badness %lld", (long long)top->t.pid, comm,
		    (long long)top->t.badness);
	} else {
		ADD(", no candidate");
	}
#undef ADD
	if (n >= len && len > 0)
		buf[len - 1] = '\0';
}

void guard_report_tick(const struct guard_config *c, struct guard_scope *scopes, int nr_scopes,
		       struct guard_taskset *ts, int proc_dirfd, int64_t self_pid, int64_t page_kib,
		       const struct kver *kv)
{
	uint64_t now = guard_now_ns();
	if (c->report_interval_s <= 0 || !next_ns || now < next_ns)
		return;
	next_ns = now + (uint64_t)c->report_interval_s * 1000000000ull;
	for (int i = 0; i < nr_scopes; i++) {
		struct guard_scope *sc = &scopes[i];
		/* The policy's choice as a decision would make it now (need 0:
		 * no escalation), so the line says whom the guard would stop. */
		int64_t totalpages = guard_scope_totalpages(sc, page_kib);
		const struct guard_rank rank = { c, self_pid, totalpages, page_kib, kv };
		ts->rank = &rank;
		int rc = guard_scan(proc_dirfd, sc->kind == SCOPE_MACHINE ? -1 : sc->dirfd, c->need_task_details, ts);
		ts->rank = NULL;
		struct guard_choice ch;
		const struct guard_task *top = NULL;
		if (rc == 0 && guard_policy_choose(c, ts, self_pid, totalpages, page_kib, kv, 0, &ch) == 0)
			top = &ts->tasks[ch.index];
		char line[OOM_PATH_LEN * 2 + 320];
		guard_report_format(line, sizeof(line), sc, top);
		guard_log_periodic(GLOG_INFO, "%s", line);
	}
	ts->n = 0;
}
