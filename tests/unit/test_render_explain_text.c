/* test_render_explain_text.c — render/explain_text.c: the text of an explained event,
 * with and without colour, and hostile process names escaped.
 * (Split from test_diagnose.c; the events are built by diag_events.h.) */

#include "diag_events.h"

static const char hostile[] = "\x1b[31mevil\nname\"\\\xff\x9b";

TEST(render_text_plain)
{
	struct oom_event ev;
	global_base(&ev);
	size_t len;
	char *t = render_text(&ev, false, &len);
	CHECK(strstr(t, "What was asked for") != NULL);
	CHECK(strstr(t, "java") != NULL);
	CHECK(strstr(t, "GFP_HIGHUSER_MOVABLE") != NULL);
	CHECK(strstr(t, "genuine-exhaustion-no-swap") != NULL);
	CHECK(strstr(t, "kernel's best choice") != NULL);
	CHECK(strchr(t, '\x1b') == NULL);   /* no colour asked for */
	free(t);
	t = render_text(&ev, true, &len);
	CHECK(strchr(t, '\x1b') != NULL);
	free(t);
	event_release(&ev);
}

TEST(render_hostile)
{
	struct oom_event ev;
	global_base(&ev);
	snprintf(ev.snap.tasks[1].comm, sizeof(ev.snap.tasks[1].comm), "%s", hostile);
	snprintf(ev.victim.comm, sizeof(ev.victim.comm), "%s", hostile);
	snprintf(ev.req.trigger_comm, sizeof(ev.req.trigger_comm), "%s", hostile);
	size_t len;
	char *t = render_text(&ev, false, &len);
	CHECK(strchr(t, '\x1b') == NULL);
	CHECK(memchr(t, 0xff, len) == NULL);
	CHECK(strstr(t, "\\x1b[31mevil\\x0aname\"\\\\\\xff\\x9b") != NULL);
	CHECK(strstr(t, "evil\nname") == NULL);
	free(t);
	char *j = render_json(&ev, &len);
	CHECK(json_valid(j, len));
	CHECK(strstr(j, "\\u001b[31mevil\\nname\\\"\\\\") != NULL ||
	      strstr(j, "\\u001b[31mevil\\u000aname\\\"\\\\") != NULL);
	CHECK(strchr(j, '\x1b') == NULL);
	free(j);
	event_release(&ev);
}
/* Further kills with the victim: memory.oom.group's, or 2.6.9's of the
 * tasks sharing its mm (R1767). */
TEST(render_group_kills)
{
	struct oom_event ev;
	global_base(&ev);
	ev.nr_group_kills = 2;
	ev.group_kill_pids[0] = 7;
	ev.group_kill_pids[1] = 8;
	size_t len;
	char *t = render_text(&ev, false, &len);
	CHECK(strstr(t, "memory.oom.group: 2 more process(es)") != NULL);
	free(t);
	ev.group_shares_mm = true;
	t = render_text(&ev, false, &len);
	CHECK(strstr(t, "2 more process(es) sharing its memory") != NULL);
	CHECK(strstr(t, "memory.oom.group") == NULL);
	free(t);
	event_release(&ev);
}

/* A header alone with a cgroup charge's GFP_KERNEL mask: the constraint is
 * said unknown, not global (diagnose/event_analysis.c header_charge_mask). */
TEST(render_header_alone_constraint_unknown)
{
	struct oom_event ev;
	bare_event(&ev, 5, 15, "x86_64");
	request(&ev, 0xcc0, "GFP_KERNEL", 0);
	snprintf(ev.req.trigger_comm, sizeof(ev.req.trigger_comm), "cockroach");
	size_t len;
	char *t = render_text(&ev, false, &len);
	CHECK(strstr(t, "not in the report: the header alone does not tell the whole machine from a memory cgroup") != NULL);
	CHECK(strstr(t, "global: the whole machine's memory") == NULL);
	CHECK(strstr(t, "memcg-limit") != NULL);
	free(t);
	/* the fault's mask: global, as before */
	request(&ev, 0x100cca, "GFP_HIGHUSER_MOVABLE", 0);
	t = render_text(&ev, false, &len);
	CHECK(strstr(t, "global: the whole machine's memory") != NULL);
	free(t);
	event_release(&ev);
}

/* A bare kill line alone: the constraint is said not told, taken as the
 * whole machine's (diagnose/event_analysis.c kill_bare_alone); the same
 * line after "Out of memory: " is global as printed. */
TEST(render_bare_kill_constraint_not_told)
{
	struct oom_event ev;
	bare_event(&ev, 5, 15, "x86_64");
	ev.have_victim = true;
	ev.victim.pid = 812;
	snprintf(ev.victim.comm, sizeof(ev.victim.comm), "app");
	ev.victim.anon_rss_kib = 4000000;
	size_t len;
	char *t = render_text(&ev, false, &len);
	CHECK(strstr(t, "not in the report: a bare kill line does not tell the whole machine from a memory cgroup") != NULL);
	CHECK(strstr(t, "global: the whole machine's memory") == NULL);
	CHECK(strstr(t, "genuine-exhaustion-no-swap") != NULL);
	free(t);
	snprintf(ev.victim.message, sizeof(ev.victim.message), "Out of memory");
	t = render_text(&ev, false, &len);
	CHECK(strstr(t, "global: the whole machine's memory") != NULL);
	free(t);
	event_release(&ev);
}

/* a victim whose pid the paster masked ("Killed process xxx (beam.smp)",
 * R2043): named without a number */
TEST(render_masked_victim_pid)
{
	struct oom_event ev;
	global_base(&ev);
	ev.victim.pid = OOM_NA;
	size_t len;
	char *t = render_text(&ev, false, &len);
	CHECK(strstr(t, "(pid not in the report") != NULL);
	CHECK(strstr(t, "-9223372036854775808") == NULL);
	free(t);
	char *j = render_json(&ev, &len);
	CHECK(json_valid(j, len));
	CHECK(strstr(j, "-9223372036854775808") == NULL);
	free(j);
	event_release(&ev);
}

int main(void)
{
	RUN(render_masked_victim_pid);
	RUN(render_group_kills);
	RUN(render_header_alone_constraint_unknown);
	RUN(render_bare_kill_constraint_not_told);
	RUN(render_text_plain);
	RUN(render_hostile);
	return check_summary();
}
