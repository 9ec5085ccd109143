/* diag_events.h — hand-built OOM events for the tests of diagnose/ and of
 * the explain renderers (test_diagnose_*.c, test_render_explain_*.c): a
 * 6.1 x86_64 machine out of memory (global_base) and its parts, run() through
 * event_analyse + diagnose_event_analysed into A and F, the text and JSON
 * renderings of an event; json_valid() from json_valid.h. */
#ifndef OOMKIT_TEST_DIAG_EVENTS_H
#define OOMKIT_TEST_DIAG_EVENTS_H

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "diagnose/analysis.h"
#include "diagnose/diagnose.h"
#include "model/event.h"
#include "model/kernel.h"
#include "render/render.h"
#include "report/report.h"
#include "util/util.h"

#define MiB 1024LL
#define GiB (1024LL * 1024)

static struct findings F;
static struct event_analysis A;

#include "json_valid.h"

/* ---- event builders ------------------------------------------------------- */

static inline struct oom_task *task(struct oom_event *ev, int64_t pid, const char *comm, int64_t rss_kib, int64_t adj)
{
	struct oom_task *t = snapshot_add_task(&ev->snap);
	t->pid = t->tgid = pid;
	t->uid = 0;
	snprintf(t->comm, sizeof(t->comm), "%s", comm);
	t->rss_pages = rss_kib / 4;
	t->rss_anon_pages = rss_kib / 4;
	t->rss_file_pages = 0;
	t->rss_shmem_pages = 0;
	t->total_vm_pages = rss_kib / 2;
	t->pgtables_bytes = 4096 * 8;
	t->swapents_pages = 0;
	t->oom_score_adj = adj;
	ev->have_task_table = true;
	return t;
}

static inline void victim(struct oom_event *ev, int64_t pid, const char *comm, int64_t anon_kib)
{
	ev->have_victim = true;
	ev->outcome = OOM_OUTCOME_KILLED;
	ev->victim.pid = pid;
	snprintf(ev->victim.comm, sizeof(ev->victim.comm), "%s", comm);
	ev->victim.anon_rss_kib = anon_kib;
	ev->victim.file_rss_kib = 0;
	ev->victim.shmem_rss_kib = 0;
	ev->victim.total_vm_kib = anon_kib * 2;
	ev->victim.oom_score_adj = 0;
	ev->victim.uid = 0;
}

static inline struct oom_zone *zone(struct oom_event *ev, int node, const char *name, int64_t free_kib, int64_t min_kib,
			     int64_t managed_kib)
{
	struct oom_zone *z = snapshot_zone(&ev->snap, node, name);
	z->free_kib = free_kib;
	z->min_kib = min_kib;
	z->low_kib = min_kib * 5 / 4;
	z->high_kib = min_kib * 3 / 2;
	z->managed_kib = managed_kib;
	z->present_kib = managed_kib;
	z->nr_lowmem_reserve = 5;
	for (int i = 0; i < 5; i++)
		z->lowmem_reserve_pages[i] = 0;
	/* Everything free in order-0 blocks unless a test says otherwise. */
	z->nr_orders = 11;
	for (int i = 0; i < 11; i++)
		z->free_blocks[i] = 0;
	z->free_blocks[0] = free_kib / 4;
	return z;
}

/* A 6.1 x86_64 machine with 8 GiB, no swap, out of memory: a java process ate it. */
static inline void global_base(struct oom_event *ev)
{
	event_init(ev);
	ev->kind = OOM_KIND_GLOBAL;
	snprintf(ev->kernel, sizeof(ev->kernel), "6.1.0-13-amd64");
	ev->kv = kver_make(6, 1, 0);
	ev->kv.known = true;
	snprintf(ev->arch, sizeof(ev->arch), "x86_64");
	snprintf(ev->constraint, sizeof(ev->constraint), "CONSTRAINT_NONE");
	snprintf(ev->req.trigger_comm, sizeof(ev->req.trigger_comm), "java");
	ev->req.trigger_pid = 1234;
	ev->req.gfp_known = true;
	ev->req.gfp_mask = 0x140dca;
	snprintf(ev->req.gfp_text, sizeof(ev->req.gfp_text), "0x140dca(GFP_HIGHUSER_MOVABLE|__GFP_COMP|__GFP_ZERO)");
	ev->req.order = 0;
	ev->have_meminfo = true;
	ev->snap.page_size_kib = 4;
	struct oom_mem *m = &ev->snap.mem;
	m->total_kib = 8 * GiB;
	m->free_kib = 60 * MiB;
	m->active_anon_kib = 6 * GiB;
	m->inactive_anon_kib = 1 * GiB;
	m->anon_kib = 7 * GiB;
	m->active_file_kib = 200 * MiB;
	m->inactive_file_kib = 100 * MiB;
	m->file_kib = 300 * MiB;
	m->shmem_kib = 50 * MiB;
	m->unevictable_kib = 0;
	m->slab_reclaimable_kib = 100 * MiB;
	m->slab_unreclaimable_kib = 150 * MiB;
	m->pagetables_kib = 40 * MiB;
	m->kernel_stack_kib = 10 * MiB;
	m->hugetlb_kib = 0;
	m->swap_total_kib = 0;
	m->swap_free_kib = 0;
	struct oom_zone *dma = zone(ev, 0, "DMA", 15 * MiB, 1 * MiB, 15 * MiB);
	for (int i = 1; i < 5; i++)
		dma->lowmem_reserve_pages[i] = 5000;
	zone(ev, 0, "DMA32", 20 * MiB, 30 * MiB, 3 * GiB);
	zone(ev, 0, "Normal", 25 * MiB, 40 * MiB, 5 * GiB);
	task(ev, 1, "systemd", 10 * MiB, 0);
	task(ev, 1234, "java", 6 * GiB, 0);
	task(ev, 2000, "postgres", 700 * MiB, 0);
	victim(ev, 1234, "java", 6 * GiB);
}

/* An empty global event of kernel major.minor on arch (issue 8 tests of
 * partial evidence start from nothing and add what the report printed). */
static inline void bare_event(struct oom_event *ev, int major, int minor, const char *arch)
{
	event_init(ev);
	ev->kind = OOM_KIND_GLOBAL;
	ev->kv = kver_make(major, minor, 0);
	ev->kv.known = true;
	snprintf(ev->arch, sizeof(ev->arch), "%s", arch);
}

/* The trigger line: gfp mask (with the kernel's decode as printed) and order. */
static inline void request(struct oom_event *ev, uint64_t gfp, const char *printed, int64_t order)
{
	ev->req.gfp_known = true;
	ev->req.gfp_mask = gfp;
	snprintf(ev->req.gfp_text, sizeof(ev->req.gfp_text), "%#llx(%s)", (unsigned long long)gfp, printed);
	ev->req.order = order;
}

static inline const char *first_id(void)
{
	return F.n > 0 ? F.items[0].id : "(none)";
}

static inline int rank_of(const char *id)
{
	for (int i = 0; i < F.n; i++)
		if (strcmp(F.items[i].id, id) == 0)
			return i;
	return -1;
}

static inline bool any_contains(const struct finding *x, const char *needle)
{
	if (!x)
		return false;
	if (strstr(x->summary, needle))
		return true;
	for (int i = 0; i < x->nr_evidence; i++)
		if (strstr(x->evidence[i], needle))
			return true;
	for (int i = 0; i < x->nr_advice; i++)
		if (strstr(x->advice[i], needle))
			return true;
	return false;
}

static inline void run(struct oom_event *ev)
{
	event_analyse(ev, &A);
	diagnose_event_analysed(ev, &A, &F);
}

/* ---- rendering ---------------------------------------------------------------- */

static inline char *render_text(struct oom_event *ev, bool color, size_t *len)
{
	char *out = NULL;
	FILE *f = open_memstream(&out, len);
	struct style st;
	style_init(&st, color);
	struct explain_opts o = { .verbose = true, .index = 1 };
	run(ev);
	render_explain_text(f, ev, &A, &F, &st, &o);
	fclose(f);
	return out;
}

static inline char *render_json(struct oom_event *ev, size_t *len)
{
	char *out = NULL;
	FILE *f = open_memstream(&out, len);
	struct json j;
	json_init(&j, f, true);
	render_explain_json_begin(&j);
	run(ev);
	render_explain_json_event(&j, ev, &A, &F);
	render_explain_json_event(&j, ev, &A, &F);
	render_explain_json_sources_begin(&j);
	render_explain_json_source(&j, "x.log", "file", true, 10, 2, 2, NULL);
	render_explain_json_end(&j);
	fclose(f);
	return out;
}


#endif
