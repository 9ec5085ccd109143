/* test_live_parse_psi.c — src/live/parse_psi.c: PSI lines, and the reader's missing file. */
#include <fcntl.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "check.h"
#include "live/live.h"

static char fixture[1024];

static const char *fx(const char *name)
{
	snprintf(fixture, sizeof(fixture), "%s/tests/fixtures/%s", check_srcdir(), name);
	return fixture;
}

TEST(test_psi)
{
	struct oom_pressure p;
	const char *t = "some avg10=1.25 avg60=0.50 avg300=0.00 total=14154\nfull avg10=0.10 avg60=0.00 avg300=0.00 total=10979\n";
	CHECK_INT(live_parse_psi(t, strlen(t), &p), 0);
	CHECK(p.some.known && p.full.known);
	CHECK(p.some.avg10 > 1.249 && p.some.avg10 < 1.251);
	CHECK(p.full.total_us == 10979);
	const char *bad = "some avg10=x avg60=0.50\n";
	CHECK(live_parse_psi(bad, strlen(bad), &p) < 0);
	struct live_root r;
	CHECK_INT(live_root_open(&r, fx("empty")), 0);
	CHECK(live_read_psi(&r, NULL, &p) == -ENOENT);
	live_root_close(&r);
}

int main(void)
{
	RUN(test_psi);
	return check_summary();
}
