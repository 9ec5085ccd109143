/* read.c — scan and parse a whole input: the scanner feeds the parser, and
 * asks for every line only while the parser has a report open. */
#include <errno.h>
#include <stdio.h>

#include "report/report.h"

struct read_ctx {
	report_event_fn fn;
	void *ctx;
	int events;
};

static void count_event(struct oom_event *ev, void *ctx)
{
	struct read_ctx *rc = ctx;
	rc->events++;
	if (rc->fn)
		rc->fn(ev, rc->ctx);
}

static void pass_warning(struct report_scanner *s, const char *name, report_warn_fn warn, void *ctx)
{
	const char *w = report_scanner_warning(s);
	if (w && warn)
		warn(name, w, ctx);
}

/* Runs an opened scanner through a parser to its end, and closes it. */
static int read_all(struct report_scanner *s, const char *name, report_event_fn fn, report_warn_fn warn,
		    void *ctx)
{
	int rc;
	struct read_ctx rctx = { fn, ctx, 0 };
	struct report_parser *p = report_parser_new(name, count_event, &rctx);
	if (!p) {
		report_scanner_close(s);
		return -ENOMEM;
	}
	struct report_line line;
	for (;;) {
		rc = report_scanner_next(s, report_parser_active(p), &line);
		pass_warning(s, name, warn, ctx);
		if (rc <= 0)
			break;
		report_parser_feed(p, &line);
		report_scanner_tail(s, report_parser_take_tail(p));
	}
	report_parser_finish(p);
	report_parser_free(p);
	if (rc < 0 && warn) {
		const char *e = report_scanner_error(s);
		warn(name, e ? e : "read error", ctx);
	}
	int crc = report_scanner_close(s);
	if (rc == 0 && crc < 0) {
		/* the decompressor failed: events so far were delivered; its message
		 * was passed on as a warning */
		rc = crc;
	}
	return rc < 0 ? rc : rctx.events;
}

int report_read_fd(int fd, const char *name, report_event_fn fn, report_warn_fn warn, void *ctx)
{
	struct report_scanner *s;
	char err[512];
	if (!name)
		name = "-";
	int rc = report_scanner_open_msg(&s, fd, name, err, sizeof(err));
	if (rc < 0) {
		if (warn)
			warn(name, err[0] ? err : "cannot read", ctx);
		return rc;
	}
	return read_all(s, name, fn, warn, ctx);
}

int report_read_mem(const char *text, size_t len, const char *name, report_event_fn fn, report_warn_fn warn,
		    void *ctx)
{
	struct report_scanner *s;
	if (!name)
		name = "-";
	int rc = report_scanner_open_mem(&s, text, len, name);
	if (rc < 0) {
		if (warn)
			warn(name, rc == -ENOTSUP ? "compressed text in memory: pass it as a file" : "cannot read", ctx);
		return rc;
	}
	return read_all(s, name, fn, warn, ctx);
}
