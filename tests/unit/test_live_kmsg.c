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
#include <string.h>

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

/* syslog(2) READ_ALL: "<level>[stamp] text" lines (kernel/printk/printk.c
 * syslog_print_all with the prefix), appended. */
TEST(klog)
{
	struct buf b = BUF_INIT;
	CHECK_INT(buf_adds(&b, "kept\n"), 0);
	int rc = live_read_klog(&b);
	if (rc == -EPERM || rc == -EACCES || rc == -ENOSYS) {
		char why[80];
		snprintf(why, sizeof(why), "syslog(2) not allowed here (%s)", strerror(-rc));
		SKIP(why);
		buf_release(&b);
		return;
	}
	CHECK_INT(rc, 0);
	CHECK(strncmp(b.data, "kept\n", 5) == 0);
	if (b.len > 5) {
		int level = -1;
		CHECK(sscanf(b.data + 5, "<%d>", &level) == 1 && level >= 0);
		CHECK_INT((int)strlen(b.data), (int)b.len);        /* NUL-terminated, no NUL inside */
	}
	buf_release(&b);
}

/* The machine's log: the first source that gives anything, and what it is. */
TEST(machine_log)
{
	struct live_machine_log l;
	int rc = live_open_machine_log(&l);
	if (rc < 0) {
		CHECK_INT(rc, -ENOENT);
		CHECK(l.why[0] != '\0');                           /* says why each failed */
		CHECK_INT(l.source, LIVE_LOG_NONE);
		live_machine_log_close(&l);
		SKIP("no kernel log readable here");
		return;
	}
	CHECK(l.name != NULL);
	if (l.source == LIVE_LOG_FILE) {
		CHECK(l.fd >= 0);
		CHECK(l.why[0] != '\0');                           /* the ring was tried first */
	} else {
		CHECK(l.source == LIVE_LOG_KMSG || l.source == LIVE_LOG_SYSLOG);
		CHECK(l.text.len > 0);
		CHECK_INT(l.fd, -1);
		/* /dev/kmsg readable: it is the one taken, nothing tried before */
		if (l.source == LIVE_LOG_KMSG) {
			CHECK_STR(l.name, "/dev/kmsg");
			CHECK_STR(l.why, "");
		}
	}
	live_machine_log_close(&l);
	CHECK_INT(l.fd, -1);
	CHECK(l.text.data == NULL);
	live_machine_log_close(&l);                            /* twice is harmless */
}

int main(void)
{
	RUN(ring);
	RUN(klog);
	RUN(machine_log);
	return check_summary();
}
