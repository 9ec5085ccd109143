/* test_guard_kmsg_watch.c — guard/kmsg_watch.c, the kernel's own OOM kills
 * as the guard sees them on its kept /dev/kmsg fd (here a SEQPACKET
 * socket, one record a read() as /dev/kmsg gives them): a report captured
 * from its trigger to its kill line; a kill in a watched cgroup left for
 * that cgroup's counter; a global one reported at once as the machine's
 * (an events line "kernel_kill" with the victim, the scope's count); a kill
 * line with no trigger before it captured alone; other programs' records
 * ignored.  On a live machine: tests/e2e/guard_cgroup.sh. */
#include <fcntl.h>
#include <sys/socket.h>
#include <unistd.h>

#include "check.h"
#include "guard/daemon_int.h"
#include "json_valid.h"

static int feed;                   /* our end of the "kmsg" socket */
static char ev_path[] = "/tmp/oomkit-test-kmsg-events.XXXXXX";
static char sink_buf[1 << 20], esink_buf[1 << 16];

static const char *const memcg_report[] = {
	"4,1201,11519429125,-;oomkit-test-hog invoked oom-killer: gfp_mask=0xcc0(GFP_KERNEL), order=0, oom_score_adj=0\n",
	"4,1202,11519429140,-;CPU: 1 PID: 5185 Comm: oomkit-test-hog Not tainted 6.1.0-27-amd64 #1 Debian 6.1.115-1\n",
	"6,1230,11519429500,-;memory: usage 32768kB, limit 32768kB, failcnt 12\n",
	"6,1240,11519429600,-;oom-kill:constraint=CONSTRAINT_MEMCG,nodemask=(null),cpuset=/,mems_allowed=0,"
	"oom_memcg=/t/app,task_memcg=/t/app,task=x y,pid=42,uid=0\n",
	"3,1241,11519429610,-;Memory cgroup out of memory: Killed process 42 (x y) total-vm:40000kB, "
	"anon-rss:32000kB, file-rss:0kB, shmem-rss:0kB, UID:0 pgtables:108kB oom_score_adj:0\n SUBSYSTEM=memory\n",
};

static const char *const global_report[] = {
	"4,2001,22000000000,-;java invoked oom-killer: gfp_mask=0x140cca(GFP_HIGHUSER_MOVABLE|__GFP_COMP), order=0, oom_score_adj=0\n",
	"6,2002,22000000100,-;usb 1-1: new high-speed USB device number 2 using xhci_hcd\n",
	"6,2040,22000000600,-;oom-kill:constraint=CONSTRAINT_NONE,nodemask=(null),cpuset=/,mems_allowed=0,"
	"global_oom,task_memcg=/user.slice,task=java,pid=777,uid=1000\n",
	"3,2041,22000000610,-;Out of memory: Killed process 777 (java) total-vm:9000000kB, "
	"anon-rss:7000000kB, file-rss:0kB, shmem-rss:0kB, UID:1000 pgtables:14000kB oom_score_adj:0\n",
};

static void send_all(const char *const *recs, size_t n)
{
	for (size_t i = 0; i < n; i++)
		CHECK(write(feed, recs[i], strlen(recs[i])) == (ssize_t)strlen(recs[i]));
}

static char *events(void)
{
	return slurp(ev_path, NULL);
}

TEST(memcg_kill_left_for_its_cgroup)
{
	send_all(memcg_report, sizeof(memcg_report) / sizeof(memcg_report[0]));
	kmsg_read();
	CHECK_INT(D.kreport_scope, 1);                          /* /sys/fs/cgroup/t/app */
	CHECK(!D.kcapturing);
	CHECK(D.kreport_len > 0 && strstr(D.kreport, "Killed process 42 (x y)") != NULL);
	CHECK(strstr(D.kreport, "invoked oom-killer") != NULL); /* from the trigger on */
	char *e = events();
	CHECK(e && e[0] == '\0');                               /* reported by the counter, not here */
	free(e);
	CHECK_INT(D.scopes[0].kernel_kills_total, 0);
}

TEST(global_kill_reported)
{
	D.kreport_scope = -1;
	D.machine_vmstat_oom_kills = 4;
	send_all(global_report, sizeof(global_report) / sizeof(global_report[0]));
	kmsg_read();
	CHECK_INT(D.scopes[0].kernel_kills_total, 1);
	CHECK_INT(D.kreport_len, 0);                             /* handed on */
	char *e = events();
	CHECK(e && json_valid(e, strlen(e)));
	CHECK(e && strstr(e, "\"event\":\"kernel_kill\"") != NULL);
	CHECK(e && strstr(e, "\"scope\":\"machine\"") != NULL);
	CHECK(e && strstr(e, "\"pid\":777") != NULL);
	CHECK(e && strstr(e, "\"comm\":\"java\"") != NULL);
	CHECK(e && strstr(e, "\"count\":5") != NULL);            /* vmstat's count, this one included */
	CHECK(e && strstr(e, "\"source\":\"kmsg\"") != NULL);
	free(e);
}

TEST(kill_without_trigger)
{
	CHECK(ftruncate(D.events_fd, 0) == 0);
	lseek(D.events_fd, 0, SEEK_SET);
	const char *only[] = { global_report[3] };
	send_all(only, 1);
	kmsg_read();
	char *e = events();
	CHECK(e && strstr(e, "\"pid\":777") != NULL);            /* the one record was enough */
	free(e);
	CHECK_INT(D.scopes[0].kernel_kills_total, 2);
	/* others' records alone: nothing */
	CHECK(ftruncate(D.events_fd, 0) == 0);
	lseek(D.events_fd, 0, SEEK_SET);
	const char *noise[] = { global_report[1] };
	send_all(noise, 1);
	kmsg_read();
	e = events();
	CHECK(e && e[0] == '\0');
	free(e);
}

int main(void)
{
	int sv[2];
	if (socketpair(AF_UNIX, SOCK_SEQPACKET | SOCK_NONBLOCK | SOCK_CLOEXEC, 0, sv) != 0) {
		check_current = "socketpair";
		SKIP("no SEQPACKET socketpair");
		return check_summary();
	}
	feed = sv[0];
	memset(&D, 0, sizeof(D));
	D.cfg = &D.cfgs[0];
	guard_config_defaults(D.cfg);
	D.kmsg_fd = sv[1];
	D.incident_dirfd = -1;                                   /* no incident files here */
	D.kreport_fd = D.proc_dirfd = -1;
	D.events_fd = mkstemp(ev_path);
	D.kreport_scope = -1;
	D.page_kib = 4;
	guard_sink_open(&D.sink, sink_buf, sizeof(sink_buf));
	guard_sink_open(&D.esink, esink_buf, sizeof(esink_buf));
	D.nr_scopes = 2;
	D.scopes[0].kind = SCOPE_MACHINE;
	snprintf(D.scopes[0].name, sizeof(D.scopes[0].name), "machine");
	D.scopes[1].kind = SCOPE_CGROUP_V2;
	snprintf(D.scopes[1].name, sizeof(D.scopes[1].name), "/sys/fs/cgroup/t/app");
	for (int i = 0; i < 2; i++)
		D.scopes[i].dirfd = -1;
	RUN(memcg_kill_left_for_its_cgroup);
	RUN(global_kill_reported);
	RUN(kill_without_trigger);
	close(sv[0]);
	close(sv[1]);
	close(D.events_fd);
	unlink(ev_path);
	return check_summary();
}
