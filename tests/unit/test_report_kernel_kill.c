/* test_report_kernel_kill.c — report/kernel_kill.c: the kind of one raw
 * /dev/kmsg record, and the victim and OOM domain of a captured report, as
 * the guard's kmsg watch sees them. */
#include <errno.h>
#include <string.h>

#include "check.h"
#include "report/report.h"

/* Records as /dev/kmsg gives them (one read() each), from a 6.1 memcg OOM. */
static const char *const recs[] = {
	"4,1201,11519429125,-;oomkit-test-hog invoked oom-killer: gfp_mask=0xcc0(GFP_KERNEL), order=0, oom_score_adj=0\n",
	"4,1202,11519429140,-;CPU: 1 PID: 5185 Comm: oomkit-test-hog Not tainted 6.1.0-27-amd64 #1 Debian 6.1.115-1\n",
	"6,1230,11519429500,-;memory: usage 32768kB, limit 32768kB, failcnt 12\n",
	"6,1240,11519429600,-;oom-kill:constraint=CONSTRAINT_MEMCG,nodemask=(null),cpuset=/,mems_allowed=0,"
	"oom_memcg=/t/app,task_memcg=/t/app,task=x y,pid=42,uid=0\n",
	"3,1241,11519429610,-;Memory cgroup out of memory: Killed process 42 (x y) total-vm:40000kB, "
	"anon-rss:32000kB, file-rss:0kB, shmem-rss:0kB, UID:0 pgtables:108kB oom_score_adj:0\n SUBSYSTEM=memory\n",
};

TEST(record_kinds)
{
	CHECK_INT(report_record_kind(recs[0], strlen(recs[0])), LK_TRIGGER);
	CHECK_INT(report_record_kind(recs[1], strlen(recs[1])), LK_HEADER);
	CHECK_INT(report_record_kind(recs[2], strlen(recs[2])), LK_MEMCG);
	CHECK_INT(report_record_kind(recs[3], strlen(recs[3])), LK_CONSTRAINT);
	CHECK_INT(report_record_kind(recs[4], strlen(recs[4])), LK_KILL);
	/* another program's record, an empty one, garbage */
	const char *other = "6,9,1,-;usb 1-1: new high-speed USB device number 2 using xhci_hcd\n";
	CHECK_INT(report_record_kind(other, strlen(other)), LK_NONE);
	CHECK_INT(report_record_kind("", 0), LK_NONE);
	CHECK_INT(report_record_kind("no semicolon", 12), LK_NONE);
	/* the text after a dictionary line does not count */
	const char *dict = "6,9,1,-;hello\n Killed process 1 (x)\n";
	CHECK_INT(report_record_kind(dict, strlen(dict)), LK_NONE);
}

TEST(kill_facts_of_a_capture)
{
	char cap[2048] = "";
	for (size_t i = 0; i < sizeof(recs) / sizeof(recs[0]); i++)
		strcat(cap, recs[i]);
	struct report_kill_facts kf;
	CHECK_INT(report_kill_facts(cap, strlen(cap), &kf), 0);
	CHECK_INT(kf.pid, 42);
	CHECK_STR(kf.comm, "x y");
	CHECK_STR(kf.oom_memcg, "/t/app");
	/* a kill line alone (the guard started mid-report): the victim, no domain */
	CHECK_INT(report_kill_facts(recs[4], strlen(recs[4]), &kf), 0);
	CHECK_INT(kf.pid, 42);
	CHECK_STR(kf.oom_memcg, "");
	/* pre-5.0: the domain from "Task in /a killed as a result of limit of /b" */
	const char *old = "4,1,1,-;java invoked oom-killer: gfp_mask=0xd0, order=0, oom_score_adj=0\n"
			  "6,2,2,-;Task in /docker/abc killed as a result of limit of /docker/abc\n"
			  "3,3,3,-;Memory cgroup out of memory: Kill process 77 (java) score 990 or sacrifice child\n"
			  "3,4,4,-;Killed process 77 (java) total-vm:9000kB, anon-rss:8000kB, file-rss:0kB\n";
	CHECK_INT(report_kill_facts(old, strlen(old), &kf), 0);
	CHECK_INT(kf.pid, 77);
	CHECK_STR(kf.comm, "java");
	CHECK_STR(kf.oom_memcg, "/docker/abc");
	/* no kill in it: -EINVAL, out untouched */
	kf.pid = 5;
	CHECK_INT(report_kill_facts(recs[0], strlen(recs[0]), &kf), -EINVAL);
	CHECK_INT(kf.pid, 5);
	CHECK_INT(report_kill_facts("", 0, &kf), -EINVAL);
}

int main(void)
{
	RUN(record_kinds);
	RUN(kill_facts_of_a_capture);
	return check_summary();
}
