/* test_guard_report_line.c — guard/report_line.c, report-interval: the
 * periodic status line (what it says per scope kind, hostile names
 * escaped, cut to the buffer) and its deadline (none when off, one interval
 * after the start, re-armed by a reload that changes it).  The line in the
 * running daemon's log: tests/e2e/guard_cgroup.sh. */
#include "check.h"
#include "guard/guard.h"

static void scope(struct guard_scope *sc, enum guard_scope_kind kind, const char *name)
{
	memset(sc, 0, sizeof(*sc));
	sc->kind = kind;
	snprintf(sc->name, sizeof(sc->name), "%s", name);
	sc->total_kib = 8LL << 20;              /* 8 GiB */
	sc->avail_kib = 2LL << 20;              /* 2 GiB: 25 % */
	sc->swap_total_kib = 0;
	sc->swap_free_kib = 0;
}

TEST(format_machine)
{
	struct guard_scope sc;
	scope(&sc, SCOPE_MACHINE, "machine");
	char line[512];
	guard_report_format(line, sizeof(line), &sc, NULL);
	CHECK(strncmp(line, "status machine: available ", 26) == 0);
	CHECK(strstr(line, "(25%)") != NULL);
	CHECK(strstr(line, ", no swap") != NULL);
	CHECK(strstr(line, ", PSI unknown") != NULL);
	CHECK(strstr(line, ", no candidate") != NULL);
	sc.swap_total_kib = 1 << 20;
	sc.swap_free_kib = 1 << 19;
	sc.psi.known = true;
	sc.psi.some_avg10 = 12.5;
	struct guard_task top;
	memset(&top, 0, sizeof(top));
	top.t.pid = 4242;
	top.t.badness = 731;
	snprintf(top.t.comm, sizeof(top.t.comm), "java");
	guard_report_format(line, sizeof(line), &sc, &top);
	CHECK(strstr(line, ", swap free ") != NULL);
	CHECK(strstr(line, "no swap") == NULL);
	CHECK(strstr(line, ", PSI some avg10 12.50") != NULL);
	CHECK(strstr(line, ", top candidate pid 4242 (java) badness 731") != NULL);
}

TEST(format_cgroup)
{
	struct guard_scope sc;
	scope(&sc, SCOPE_CGROUP_V2, "/sys/fs/cgroup/app");
	sc.total_kib = OOM_NA;                  /* no limit */
	char line[512];
	guard_report_format(line, sizeof(line), &sc, NULL);
	CHECK(strstr(line, "status /sys/fs/cgroup/app: available ") == line);
	CHECK(strstr(line, " of unlimited") != NULL);
	CHECK(strstr(line, "%)") == NULL);      /* no percentage of nothing */
	CHECK(strstr(line, "swap") == NULL);    /* swap is the machine's line */
}

TEST(format_hostile_and_short)
{
	struct guard_scope sc;
	scope(&sc, SCOPE_CGROUP_V2, "/sys/fs/cgroup/a\nb\x1b[31m");
	struct guard_task top;
	memset(&top, 0, sizeof(top));
	snprintf(top.t.comm, sizeof(top.t.comm), "ev\x1bil\n");
	char line[512];
	guard_report_format(line, sizeof(line), &sc, &top);
	CHECK(strchr(line, '\n') == NULL);      /* one log line, whatever the names */
	CHECK(strchr(line, '\x1b') == NULL);
	CHECK(strstr(line, "a\\x0ab") != NULL || strstr(line, "a\\nb") != NULL);
	char tiny[16];
	memset(tiny, 'x', sizeof(tiny));
	guard_report_format(tiny, sizeof(tiny), &sc, &top);
	CHECK_INT(strlen(tiny), sizeof(tiny) - 1);   /* cut, terminated */
	CHECK(strncmp(tiny, "status ", 7) == 0);
}

TEST(deadline)
{
	struct guard_config c;
	guard_config_defaults(&c);
	c.report_interval_s = 0;
	CHECK_INT(guard_report_timeout_ms(&c, 1000), -1);          /* off: no wakeup at all */
	uint64_t t0 = 5000000000ull;
	c.report_interval_s = 60;
	CHECK_INT(guard_report_timeout_ms(&c, t0), 60000);         /* one interval after the start */
	CHECK_INT(guard_report_timeout_ms(&c, t0 + 1000000000ull), 59000);
	CHECK_INT(guard_report_timeout_ms(&c, t0 + 59999500000ull), 1);   /* rounded up, never 0 early */
	CHECK_INT(guard_report_timeout_ms(&c, t0 + 61000000000ull), 0);   /* due */
	c.report_interval_s = 10;                                  /* a reload changed it */
	CHECK_INT(guard_report_timeout_ms(&c, t0 + 61000000000ull), 10000);
	c.report_interval_s = -1;
	CHECK_INT(guard_report_timeout_ms(&c, t0), -1);
}

int main(void)
{
	RUN(format_machine);
	RUN(format_cgroup);
	RUN(format_hostile_and_short);
	RUN(deadline);
	return check_summary();
}
