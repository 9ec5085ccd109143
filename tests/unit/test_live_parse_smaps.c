/* test_live_parse_smaps.c — src/live/parse_smaps.c: mapping headers and Anonymous: lines. */
#include <fcntl.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "check.h"
#include "live/live.h"

TEST(test_smaps)
{
	/* smaps lines */
	struct live_smaps_line sl;
	const char *hdr = "55d4c0a00000-55d4c0a2a000 r--p 00000000 08:01 1234567   /usr/bin/oomkit";
	CHECK_INT(live_parse_smaps_line(hdr, strlen(hdr), &sl), 0);
	CHECK_INT(sl.kind, SMAPS_HEADER);
	CHECK(sl.file_backed && sl.readable && !sl.writable && sl.private_map);
	CHECK(sl.end - sl.start == 0x2a000);
	const char *vdso = "7ffd5a9f0000-7ffd5a9f2000 r-xp 00000000 00:00 0   [vdso]";
	CHECK_INT(live_parse_smaps_line(vdso, strlen(vdso), &sl), 0);
	CHECK(!sl.file_backed);
	CHECK_INT(live_parse_smaps_line("Anonymous:      4 kB", 20, &sl), 0);
	CHECK_INT(sl.kind, SMAPS_ANONYMOUS);
	CHECK_INT(sl.anon_kib, 4);
}

int main(void)
{
	RUN(test_smaps);
	return check_summary();
}
