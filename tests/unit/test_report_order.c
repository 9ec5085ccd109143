/* test_report_order.c — report/order.c: a log pasted newest first told
 * from the kernel's order of a report's kinds and from its stamps, and
 * turned back; logs in the kernel's order (several reports, a reboot, a
 * hugepages line after the buddy lines) left alone.  The whole path, from a
 * file through the scanner to an event: test_report_scan.c. */
#include <stdlib.h>

#include "check.h"
#include "report/order.h"

#define S(lit) (lit), (sizeof(lit) - 1)

/* journalctl -r of a 5.x report without the kernel's stamps (R1425's shape) */
static const char newest_first[] =
	"Sep 13 15:08:56 h kernel: oom_reaper: reaped process 142701 (convert), now anon-rss:0kB, file-rss:0kB, shmem-rss:0kB\n"
	"Sep 13 15:08:56 h kernel: Out of memory: Killed process 142701 (convert) total-vm:25299152kB, anon-rss:24120172kB, file-rss:0kB, shmem-rss:0kB, UID:100\n"
	"Sep 13 15:08:56 h kernel: oom-kill:constraint=CONSTRAINT_NONE,nodemask=(null),cpuset=/,mems_allowed=0,global_oom,task_memcg=/u,task=convert,pid=142701,uid=100\n"
	"Sep 13 15:08:56 h kernel: [ 142701]  1000 142701  6324788  6030043 48623616        0             0 convert\n"
	"Sep 13 15:08:56 h kernel: [  pid  ]   uid  tgid total_vm      rss pgtables_bytes swapents oom_score_adj name\n"
	"Sep 13 15:08:56 h kernel: Tasks state (memory values in pages):\n"
	"Sep 13 15:08:56 h kernel: 8365372 pages RAM\n"
	"Sep 13 15:08:56 h kernel: Node 0 Normal: 1*4kB (U) = 4kB\n"
	"Sep 13 15:08:56 h kernel: Node 0 Normal free:67000kB min:67000kB low:83000kB high:99000kB\n"
	"Sep 13 15:08:56 h kernel: Mem-Info:\n"
	"Sep 13 15:08:56 h kernel: Call Trace:\n"
	"Sep 13 15:08:56 h kernel: convert invoked oom-killer: gfp_mask=0x100cca(GFP_HIGHUSER_MOVABLE), order=0, oom_score_adj=0";

static const char two_reports_forward[] =
	"[  10.000000] a invoked oom-killer: gfp_mask=0xcc0(GFP_KERNEL), order=0, oom_score_adj=0\n"
	"[  10.000001] Mem-Info:\n"
	"[  10.000002] Node 0 DMA32: 1*4kB (U) = 4kB\n"
	"[  10.000003] Node 0 hugepages_total=0 hugepages_free=0 hugepages_surp=0 hugepages_size=2048kB\n"
	"[  10.000004] 1000 pages RAM\n"
	"[  10.000005] Out of memory: Killed process 5 (a) total-vm:4kB, anon-rss:4kB, file-rss:0kB, shmem-rss:0kB\n"
	"[  10.000006] oom_reaper: reaped process 5 (a), now anon-rss:0kB, file-rss:0kB, shmem-rss:0kB\n"
	"[   0.500000] Linux version 6.1.0 (reboot)\n"
	"[  20.000000] b invoked oom-killer: gfp_mask=0xcc0(GFP_KERNEL), order=0, oom_score_adj=0\n"
	"[  20.000001] Mem-Info:\n"
	"[  20.000005] Out of memory: Killed process 6 (b) total-vm:4kB, anon-rss:4kB, file-rss:0kB, shmem-rss:0kB\n";

TEST(told_newest_first)
{
	CHECK(order_newest_first(S(newest_first)));
	CHECK(!order_newest_first(S(two_reports_forward)));
	CHECK(!order_newest_first(S("")));
	CHECK(!order_newest_first(S("Mem-Info:\n")));
	/* stamps alone, newest first (grep of one kind of line, sorted newest first) */
	CHECK(order_newest_first(S("[ 9.0] a\n[ 8.0] b\n[ 7.0] c\n[ 6.0] d\n[ 5.0] e\n")));
	CHECK(!order_newest_first(S("[ 9.0] a\n[ 8.0] b\n[ 7.0] c\n[ 6.0] d\n")));   /* three steps: too few */
	/* another program's lines cast no vote */
	CHECK(!order_newest_first(S("Sep 1 00:00:04 h sshd[1]: [ 9.0] a\nSep 1 00:00:03 h sshd[1]: [ 8.0] a\n"
				    "Sep 1 00:00:02 h sshd[1]: [ 7.0] a\nSep 1 00:00:01 h sshd[1]: [ 6.0] a\n"
				    "Sep 1 00:00:00 h sshd[1]: [ 5.0] a\n")));
}

TEST(turned_back)
{
	char b[64] = "c\nb\na";
	size_t n = 5;
	CHECK(order_reverse_lines(b, &n, sizeof(b)));
	CHECK_INT(n, 6);
	CHECK(memcmp(b, "a\nb\nc\n", 6) == 0);
	char d[8] = "y\r\nx\r\n";
	n = 6;
	CHECK(order_reverse_lines(d, &n, sizeof(d)));
	CHECK_INT(n, 6);
	CHECK(memcmp(d, "x\r\ny\r\n", 6) == 0);
	char e[4] = "a\n\n";
	n = 3;
	CHECK(order_reverse_lines(e, &n, sizeof(e)));
	CHECK(memcmp(e, "\na\n", 3) == 0);
	char f[3] = "b\na";   /* no room for the last line's newline */
	n = 3;
	CHECK(!order_reverse_lines(f, &n, 3));
	CHECK(memcmp(f, "b\na", 3) == 0 && n == 3);
	n = 0;
	CHECK(order_reverse_lines(f, &n, 3));
	CHECK_INT(n, 0);
	/* a record's wrapped rest stays after it */
	char w[] = "[ 3.0] c1\n  c2\n[ 2.0] b1\n[ 1.0] a1\n  a2\n  a3\n";
	n = strlen(w);
	CHECK(order_reverse_lines(w, &n, sizeof(w)));
	CHECK(memcmp(w, "[ 1.0] a1\n  a2\n  a3\n[ 2.0] b1\n[ 3.0] c1\n  c2\n", n) == 0);
	/* lines before the first record stay together, last */
	char v[] = "intro\n[ 2.0] b\n[ 1.0] a\n";
	n = strlen(v);
	CHECK(order_reverse_lines(v, &n, sizeof(v)));
	CHECK(memcmp(v, "[ 1.0] a\n[ 2.0] b\nintro\n", n) == 0);
	size_t m = sizeof(newest_first) - 1;
	char *g = malloc(m + 2);
	if (g) {
		memcpy(g, newest_first, m);
		CHECK(order_reverse_lines(g, &m, m + 2));
		CHECK(!order_newest_first(g, m));
		CHECK(memcmp(g, "Sep 13 15:08:56 h kernel: convert invoked", 41) == 0);
		free(g);
	}
}

int main(void)
{
	RUN(told_newest_first);
	RUN(turned_back);
	return check_summary();
}
