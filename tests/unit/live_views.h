/* live_views.h — the views of `top` and `status` gathered from a captured
 * tree under tests/fixtures/ (top_collect, status_collect), for the tests of
 * the commands and of their renderers; and a renderer's output captured in
 * memory (open_memstream). */
#ifndef OOMKIT_TEST_LIVE_VIEWS_H
#define OOMKIT_TEST_LIVE_VIEWS_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "cmd/live_cmd.h"

static char fixture_path[1024];

/* top's view of tests/fixtures/NAME (cg: a cgroup directory below it, or NULL). */
static inline int top_view_of(struct top_view *v, const char *name, const char *cg)
{
	snprintf(fixture_path, sizeof(fixture_path), "%s/tests/fixtures/%s", check_srcdir(), name);
	struct live_root r;
	if (live_root_open(&r, fixture_path) < 0)
		return -1;
	char err[600];
	int rc = top_collect(v, &r, cg, err, sizeof(err));
	if (rc == 0)
		top_fill_cgroups(v, &r, v->n_ranked);
	else
		printf("top_collect: %s\n", err);
	live_root_close(&r);
	return rc;
}

/* status's data (and view) of tests/fixtures/NAME; NULL when it cannot be read. */
static inline struct status_data *status_of(const char *name)
{
	snprintf(fixture_path, sizeof(fixture_path), "%s/tests/fixtures/%s", check_srcdir(), name);
	struct live_root r;
	if (live_root_open(&r, fixture_path) < 0)
		return NULL;
	struct status_data *d = calloc(1, sizeof(*d));
	if (d)
		status_collect(d, &r, fixture_path, true);
	live_root_close(&r);
	return d;
}

static inline void status_done(struct status_data *d)
{
	if (d) {
		status_data_release(d);
		free(d);
	}
}

/* A memory stream to render into; captured() closes it and hands the text. */
struct capture { char *text; size_t len; FILE *f; };

static inline FILE *capture_open(struct capture *c)
{
	c->text = NULL;
	c->len = 0;
	c->f = open_memstream(&c->text, &c->len);
	return c->f;
}

static inline char *captured(struct capture *c)
{
	fclose(c->f);
	return c->text;
}

#endif
