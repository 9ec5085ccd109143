/* test_diagnose_partial.c — the event rules of issue 8 that reason from
 * partial evidence, each on a synthetic report of its shape (text through
 * the real parser, then diagnose_event): the kernel's own outcome leading
 * when nothing else is known (panic_on_oom, oom_kill_allocating_task), the
 * premature OOM (kernel-oom-regression), 32-bit lowmem pressure, slab
 * growth from the unreclaimable slab table — and the shapes each rule must
 * leave to the others. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check.h"
#include "diagnose/analysis.h"
#include "diagnose/diagnose.h"
#include "model/event.h"
#include "report/report.h"

struct seen {
	int n;
	char first[40];                   /* first cause id */
	enum confidence conf;             /* its confidence */
	char ids[FINDINGS_MAX][40];       /* every finding, in order */
	int nr_ids;
	char note[200];                   /* the first cause's basis note */
	char evidence[FINDING_MAX_EVIDENCE][240];
	int nr_evidence;
};

static void on_event(struct oom_event *ev, void *ctx)
{
	struct seen *s = ctx;
	if (s->n++)
		return;
	struct findings f;
	diagnose_event(ev, &f);
	if (f.n > 0) {
		snprintf(s->first, sizeof(s->first), "%s", f.items[0].id);
		s->conf = f.items[0].confidence;
		snprintf(s->note, sizeof(s->note), "%s", f.items[0].basis_note);
		s->nr_evidence = f.items[0].nr_evidence;
		for (int i = 0; i < f.items[0].nr_evidence; i++)
			snprintf(s->evidence[i], sizeof(s->evidence[i]), "%s", f.items[0].evidence[i]);
	}
	s->nr_ids = f.n;
	for (int i = 0; i < f.n; i++)
		snprintf(s->ids[i], sizeof(s->ids[i]), "%s", f.items[i].id);
}

/* Parses text as a log and diagnoses its first event. */
static struct seen explain(const char *text)
{
	struct seen s;
	memset(&s, 0, sizeof(s));
	char path[] = "/tmp/oomkit-partial-XXXXXX";
	int fd = mkstemp(path);
	CHECK(fd >= 0);
	if (fd < 0)
		return s;
	unlink(path);
	size_t len = strlen(text);
	CHECK(write(fd, text, len) == (ssize_t)len);
	CHECK(lseek(fd, 0, SEEK_SET) == 0);
	CHECK(report_read_fd(fd, "synthetic", on_event, NULL, &s) >= 0);
	close(fd);
	return s;
}

static bool has(const struct seen *s, const char *id)
{
	for (int i = 0; i < s->nr_ids; i++)
		if (strcmp(s->ids[i], id) == 0)
			return true;
	return false;
}

static bool evidence_has(const struct seen *s, const char *needle)
{
	for (int i = 0; i < s->nr_evidence; i++)
		if (strstr(s->evidence[i], needle))
			return true;
	return false;
}

/* ---- the kernel's outcome leads when the shortage is not in the report ---- */

TEST(panic_leads_without_evidence)
{
	/* a report cut to its task table and the panic line */
	struct seen s = explain(
		"[   81.234842] [19323]     0 19323     1079       90       8        0             0 sleep\n"
		"[   81.234845] [19413]     0 19413     3010      254      11        0             0 agent\n"
		"[   81.234867] Kernel panic - not syncing: Out of memory: compulsory panic_on_oom is enabled\n");
	CHECK_INT(s.n, 1);
	CHECK_STR(s.first, "panic-on-oom");
	CHECK(has(&s, "unknown"));      /* still says what would have decided the shortage */
	CHECK_STR(confidence_name(s.conf), "high");
	CHECK(strstr(s.note, "not in the report") != NULL);
}

TEST(panic_stays_behind_a_cause)
{
	/* a memcg OOM at its limit that then panicked: the limit stays first */
	struct seen s = explain(
		"[  10.0] a.out invoked oom-killer: gfp_mask=0xcc0(GFP_KERNEL), order=0, oom_score_adj=0\n"
		"[  10.0] memory: usage 102400kB, limit 102400kB, failcnt 12\n"
		"[  10.0] memory+swap: usage 102400kB, limit 9007199254740988kB, failcnt 0\n"
		"[  10.0] kmem: usage 1024kB, limit 9007199254740988kB, failcnt 0\n"
		"[  10.1] Kernel panic - not syncing: Out of memory: compulsory panic_on_oom is enabled\n");
	CHECK_STR(s.first, "memcg-limit");
	CHECK(has(&s, "panic-on-oom"));
}

TEST(allocating_task_leads_without_evidence)
{
	struct seen s = explain(
		"[  140.758667] a.out invoked oom-killer: gfp_mask=0x24280ca(GFP_HIGHUSER_MOVABLE|__GFP_ZERO), order=0, oom_score_adj=0\n"
		"[  140.760706] a.out cpuset=/ mems_allowed=0\n"
		"[  140.860676] Out of memory (oom_kill_allocating_task): Kill process 10595 (a.out) score 0 or sacrifice child\n"
		"[  140.864883] Killed process 10596 (a.out) total-vm:4176kB, anon-rss:80kB, file-rss:0kB, shmem-rss:0kB\n");
	CHECK_INT(s.n, 1);
	CHECK_STR(s.first, "oom-kill-allocating-task");
	CHECK(evidence_has(&s, "child"));
	CHECK(has(&s, "unknown"));
}

TEST(plain_selection_is_no_allocating_task)
{
	struct seen s = explain(
		"[  140.758667] a.out invoked oom-killer: gfp_mask=0x24280ca(GFP_HIGHUSER_MOVABLE|__GFP_ZERO), order=0, oom_score_adj=0\n"
		"[  140.860676] Out of memory: Kill process 10595 (a.out) score 900 or sacrifice child\n"
		"[  140.864883] Killed process 10595 (a.out) total-vm:4176kB, anon-rss:80kB, file-rss:0kB, shmem-rss:0kB\n");
	CHECK_STR(s.first, "unknown");
	CHECK(!has(&s, "oom-kill-allocating-task"));
}

int main(void)
{
	RUN(panic_leads_without_evidence);
	RUN(panic_stays_behind_a_cause);
	RUN(allocating_task_leads_without_evidence);
	RUN(plain_selection_is_no_allocating_task);
	return check_summary();
}
