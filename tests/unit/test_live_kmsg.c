/* test_live_kmsg.c — live/kmsg.c, the kernel log ring read whole from
 * /dev/kmsg without blocking: every record ends with a newline and has
 * the devkmsg_read header "level,seq,usec,flags;" (kernel/printk/printk.c),
 * or is one of its " KEY=value" dictionary lines; sequence numbers only
 * grow; the buffer is appended to, never replaced.  Where /dev/kmsg cannot
 * be read (no CAP_SYSLOG with dmesg_restrict, a container) it says so with
 * -errno.  The scanner on these records: test_report_scan.c; a live
 * machine's OOM through it: tests/e2e/explain_live.sh. */
#include <errno.h>
#include <stdio.h>

#include "check.h"
#include "live/live.h"

TEST(ring)
{
	struct buf b = BUF_INIT;
	CHECK_INT(buf_adds(&b, "kept\n"), 0);
	int rc = live_read_kmsg(&b);
	if (rc == -EPERM || rc == -EACCES || rc == -ENOENT || rc == -EINVAL) {
		char why[80];
		snprintf(why, sizeof(why), "/dev/kmsg not readable here (%s)", strerror(-rc));
		SKIP(why);
		CHECK_STR(b.data, "kept\n");                       /* untouched on failure */
		buf_release(&b);
		return;
	}
	CHECK_INT(rc, 0);
	CHECK(strncmp(b.data, "kept\n", 5) == 0);              /* appended */
	CHECK(b.len > 5 && b.data[b.len - 1] == '\n');
	long long last_seq = -1;
	int records = 0, bad = 0, backwards = 0;
	for (char *l = b.data + 5; *l; ) {
		char *nl = strchr(l, '\n');
		if (!nl)
			break;
		int level;
		long long seq, usec;
		int n = 0;
		if (l[0] == ' ') {
			/* a dictionary line: " KEY=value" */
			if (!strchr(l, '='))
				bad++;
		} else if (sscanf(l, "%d,%lld,%lld,%*[^;];%n", &level, &seq, &usec, &n) == 3 && n > 0) {
			records++;
			if (seq <= last_seq)
				backwards++;
			last_seq = seq;
		} else if (!(sscanf(l, "%d,%lld,%lld;%n", &level, &seq, &usec, &n) == 3 && n > 0 && ++records)) {
			bad++;
		}
		l = nl + 1;
	}
	CHECK(records > 0);
	CHECK_INT(bad, 0);
	CHECK_INT(backwards, 0);
	buf_release(&b);
}

int main(void)
{
	RUN(ring);
	return check_summary();
}
