/* scan_only.c — bench helper: the scanner alone over a file (idle mode, as
 * between reports) or, with -p, scanner and parser as explain drives them,
 * without diagnosis or rendering.  Prints lines and events. */
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "report/report.h"

static void on_event(struct oom_event *ev, void *ctx)
{
	(void)ev;
	(*(int *)ctx)++;
}

int main(int argc, char **argv)
{
	int parse = argc > 2 && strcmp(argv[1], "-p") == 0;
	const char *path = argv[argc - 1];
	int fd = open(path, O_RDONLY | O_CLOEXEC), events = 0;
	struct report_scanner *s;
	if (argc < 2 || fd < 0 || report_scanner_open(&s, fd, path) < 0) {
		fprintf(stderr, "usage: scan_only [-p] FILE\n");
		return 2;
	}
	struct report_parser *p = parse ? report_parser_new(path, on_event, &events) : NULL;
	struct report_line l;
	long lines = 0;
	while (report_scanner_next(s, p ? report_parser_active(p) : false, &l) > 0) {
		lines++;
		if (p) {
			report_parser_feed(p, &l);
			report_scanner_tail(s, report_parser_take_tail(p));
		}
	}
	if (p) {
		report_parser_finish(p);
		report_parser_free(p);
	}
	printf("%ld lines returned of %llu, %d events\n", lines,
	       (unsigned long long)report_scanner_lines(s), events);
	report_scanner_close(s);
	close(fd);
	return 0;
}
