/* test_report_damaged.c — facts read right on damaged reports (issue 8 §2):
 * quoted-printable mail bodies, quoted pastes wrapped twice, prefixes that
 * no transport rule knows, the arch a report's text supports.  Synthetic
 * text of each shape, through report_read_mem like `explain`. */
#include <stdio.h>
#include <string.h>

#include "check.h"
#include "model/event.h"
#include "report/report.h"

struct ev1 {
	int events;
	struct oom_event first;
};

static void on_event(struct oom_event *ev, void *ctx)
{
	struct ev1 *e = ctx;
	if (e->events++ == 0)
		e->first = *ev;
}

static void read_text(const char *text, struct ev1 *e)
{
	memset(e, 0, sizeof(*e));
	CHECK(report_read_mem(text, strlen(text), "test", on_event, NULL, e) >= 0);
}

/* ---- quoted-printable ---------------------------------------------------- */

TEST(test_qp_soft_breaks_and_escapes)
{
	/* a report pasted in a QP mail: '=' as =3D, soft breaks mid-token */
	const char *in =
		"> dd invoked oom-killer: gfp_mask=3D0x101cca(GFP_HIGHUSER_MOVABLE|__GFP_WRI=\n"
		"TE),\n"
		"> order=3D0, oom_score_adj=3D0\n"
		"> CPU: 1 PID: 4404 Comm: dd Not tainted 6.1.0-rc4-00=\n"
		"01-gabc #1\n"
		"> oom-kill:constraint=3DCONSTRAINT_MEMCG,nodemask=3D(null),cpuset=3Dtest,\n"
		"> mems_allowed=3D0,oom_memcg=3D/test,task_memcg=3D/test,task=3Ddd,pid=3D440=\n"
		"4,uid=3D0\n"
		"> Memory cgroup out of memory: Killed process 4404 (dd) total-vm:10512kB,\n"
		"> anon-rss:1152kB, file-rss:1824kB, shmem-rss:0kB, UID:0 pgtables:76kB\n"
		"> oom_score_adj:0\n";
	struct ev1 e;
	read_text(in, &e);
	CHECK_INT(e.events, 1);
	CHECK_STR(e.first.req.gfp_text, "0x101cca(GFP_HIGHUSER_MOVABLE|__GFP_WRITE)");
	CHECK_INT(e.first.req.order, 0);
	CHECK_STR(e.first.kernel, "6.1.0-rc4-0001-gabc");
	CHECK_STR(e.first.constraint, "CONSTRAINT_MEMCG");
	CHECK_STR(e.first.oom_memcg, "/test");
	CHECK_INT(e.first.victim.pid, 4404);
	CHECK_INT(e.first.victim.anon_rss_kib, 1152);
}

TEST(test_qp_needs_evidence)
{
	/* a line ending in '=' without any QP escape around is kernel text
	 * (or base64), never a soft break: nothing is joined or decoded */
	const char *in =
		"[  1.000000] app invoked oom-killer: gfp_mask=0x100cca(GFP_HIGHUSER_MOVABLE), order=0, oom_score_adj=\n"
		"[  1.000001] CPU: 0 PID: 7 Comm: app Not tainted 5.15.0-1 #1\n"
		"[  1.000002] x=3Dy\n";
	struct ev1 e;
	read_text(in, &e);
	CHECK_INT(e.events, 1);
	CHECK_STR(e.first.kernel, "5.15.0-1");
	CHECK_INT(e.first.req.trigger_pid, 7);
}

/* ---- quoted pastes wrapped twice ---------------------------------------- */

TEST(test_quoted_paste_rewrapped_by_replier)
{
	/* the quoted kill line was wrapped by the first mailer, then each
	 * quoted line again by the replier's: "total-" / "vm:" / "> 105068kB" */
	const char *in =
		"> [ 1171.795551] Out of memory: Killed process 1669 (xdg-desktop-por) total-\n"
		"vm:\n"
		"> 105068kB, anon-rss:9792kB, file-rss:10972kB, shmem-rss:0kB, UID:1000 \n"
		"pgtables:\n"
		"> 136kB oom_score_adj:200\n";
	struct ev1 e;
	read_text(in, &e);
	CHECK_INT(e.events, 1);
	CHECK_INT(e.first.victim.pid, 1669);
	CHECK_INT(e.first.victim.total_vm_kib, 105068);
	CHECK_INT(e.first.victim.anon_rss_kib, 9792);
	CHECK_INT(e.first.victim.file_rss_kib, 10972);
	CHECK_INT(e.first.victim.oom_score_adj, 200);
}

int main(void)
{
	RUN(test_qp_soft_breaks_and_escapes);
	RUN(test_qp_needs_evidence);
	RUN(test_quoted_paste_rewrapped_by_replier);
	return check_summary();
}
