/* fuzz_explain.c — bytes → scanner → parser → analysis → diagnosis → text
 * and JSON renderers: the whole of `oomkit explain` on hostile input.  The
 * event_analysis / findings / renderer code must survive any event the
 * parser can produce (missing numbers, absurd values, hostile names), and the
 * JSON must stay balanced. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "diagnose/analysis.h"
#include "diagnose/diagnose.h"
#include "render/render.h"
#include "report/report.h"

static FILE *sink;
static struct event_analysis an;
static struct findings fs;
static struct json js;

static void on_event(struct oom_event *ev, void *ctx)
{
	(void)ctx;
	event_analyse(ev, &an);
	diagnose_event_analysed(ev, &an, &fs);
	if (fs.n < 1 || fs.n > FINDINGS_MAX)
		abort();   /* diagnose always yields at least one finding */
	struct style st;
	style_init(&st, ev->first_line & 1);
	struct explain_opts o = { .verbose = (ev->first_line & 2) != 0, .index = 1 };
	render_explain_text(sink, ev, &an, &fs, &st, &o);
	render_explain_json_event(&js, ev, &an, &fs);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (!sink)
		sink = fopen("/dev/null", "w");
	if (!sink)
		return 0;
	int fd = memfd_create("fuzz-explain", MFD_CLOEXEC);
	if (fd < 0)
		return 0;
	size_t off = 0;
	while (off < size) {
		ssize_t w = write(fd, data + off, size - off);
		if (w <= 0)
			break;
		off += (size_t)w;
	}
	lseek(fd, 0, SEEK_SET);
	json_init(&js, sink, false);
	render_explain_json_begin(&js);
	report_read_fd(fd, "fuzz", on_event, NULL, NULL);
	render_explain_json_sources_begin(&js);
	render_explain_json_end(&js);
	if (js.depth != 0)
		abort();   /* every object and array was closed */
	close(fd);
	return 0;
}
