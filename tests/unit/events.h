/* events.h — collecting the events a test parses (test_report_parse.c,
 * test_report_linekind.c): copies without the task table, and the rows a test
 * asks about. */
#ifndef OOMKIT_TEST_EVENTS_H
#define OOMKIT_TEST_EVENTS_H

#include <string.h>

#include "model/event.h"
#include "report/report.h"

#define MAX_EV 16

struct got {
	int n;
	struct oom_event ev[MAX_EV];      /* copies without the task table */
	size_t nr_tasks[MAX_EV];
	struct oom_task victim_row[MAX_EV];
	struct oom_task first_row[MAX_EV];
	struct oom_task last_row[MAX_EV];
};

static void collect(struct oom_event *ev, void *ctx)
{
	struct got *g = ctx;
	if (g->n >= MAX_EV)
		return;
	int i = g->n++;
	g->ev[i] = *ev;
	g->ev[i].snap.tasks = NULL;
	g->ev[i].snap.cap_tasks = 0;
	g->nr_tasks[i] = ev->snap.nr_tasks;
	task_init(&g->victim_row[i]);
	task_init(&g->first_row[i]);
	task_init(&g->last_row[i]);
	if (ev->snap.nr_tasks) {
		g->first_row[i] = ev->snap.tasks[0];
		g->last_row[i] = ev->snap.tasks[ev->snap.nr_tasks - 1];
	}
	for (size_t t = 0; t < ev->snap.nr_tasks; t++)
		if (ev->snap.tasks[t].pid == ev->victim.pid)
			g->victim_row[i] = ev->snap.tasks[t];
}

/* Scanner and parser over text in memory. */
static inline int got_read(const char *text, struct got *g)
{
	memset(g, 0, sizeof(*g));
	return report_read_mem(text, strlen(text), "t", collect, NULL, g);
}

#endif
