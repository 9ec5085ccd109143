/* explain.c — `oomkit explain [OPTIONS] [FILE…]`: find every OOM report in
 * the inputs, explain each (diagnose/), render it as text or JSON (render/).
 *
 * With no FILE it reads this machine's kernel log, wherever live/kmsg.c
 * finds it (the ring through /dev/kmsg, else syslog(2), else
 * /var/log/kern.log or /var/log/messages), and says which.  Events are rendered as they are found (memory stays bounded);
 * --last keeps a copy of the latest one only.
 *
 * Exit status (for scripts and monitors): 0 no OOM report was
 * found, 1 reports (or guard incidents) were found, 2 error (an input could
 * not be read, a usage error). */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <dirent.h>
#include <time.h>
#include <unistd.h>

#include "cmd/cmd.h"
#include "diagnose/analysis.h"
#include "diagnose/diagnose.h"
#include "live/live.h"
#include "render/html.h"
#include "render/render.h"
#include "render/style.h"
#include "report/incident.h"
#include "report/report.h"
#include "report/walltime.h"
#include "util/util.h"

#define CMD "explain"


struct run {
	bool json, verbose, last, summary, binary;
	/* wall-clock times: the boot time of the source being read (0 unknown) */
	int64_t boot, boot_arg;
	enum walltime_basis boot_basis;
	struct report_scanner *sc;  /* the source being read: boot times its "Linux version" lines give */
	time_t now;
	struct explain_summary *sum;
	/* --html: sections stream into body (a temp file); the summary at the
	 * top needs every event, so the page is put together at the end */
	bool html;
	FILE *body;
	int nr_rows, cap_rows;
	struct html_event_row *rows;
	struct style st;
	struct json j;
	int nr_events;              /* rendered (or, with --last, seen) */
	int src_events;             /* in the current source */
	struct oom_event *kept;     /* --last: deep copy of the latest event */
	struct event_analysis *a;
	struct findings *fs;
	const char *src_name;
	/* the guard's own decisions read from incident files: rendered at
	 * once as text, after the events in JSON */
	int nr_incidents;
	struct incident_item { struct incident in; char source[256]; } *incidents;
};

enum { OPT_LAST = CMD_KEY_FIRST_FREE, OPT_SUMMARY, OPT_BINARY, OPT_BOOT_TIME, OPT_HTML };
static const struct cmd_opt explain_opts[] = {
	CMD_OPT_JSON("print JSON (schema 1, see docs/explain-json.md)"),
	{ OPT_HTML, 0, "html", CMD_ARG_NONE, NULL,
	  "write one self-contained HTML page (no script, nothing fetched):\n"
	  "                         the verdict, memory, zones and tasks drawn" },
	{ 'o', 'o', "output", CMD_ARG_REQUIRED, "FILE", "write to FILE instead of standard output" },
	CMD_OPT_COLOR,
	{ 'v', 'v', "verbose", CMD_ARG_NONE, NULL, "show every task and every zone" },
	{ OPT_LAST, 0, "last", CMD_ARG_NONE, NULL, "explain only the last event found" },
	{ 's', 's', "summary", CMD_ARG_NONE, NULL,
	  "one line per event (time, host, kind, victim, cause, confidence),\n"
	  "                         then totals per victim name and per cause" },
	{ OPT_BOOT_TIME, 0, "boot-time", CMD_ARG_REQUIRED, "TIME",
	  "the boot time of the machine the FILEs come from (\"2026-12-04\n"
	  "                         08:00:00\", RFC 3339, or @EPOCH): dates the kernel's\n"
	  "                         seconds-since-boot stamps" },
	{ OPT_BINARY, 0, "binary", CMD_ARG_NONE, NULL, "read files that look binary (refused by default)" },
	CMD_OPT_HELP,
	CMD_OPT_VERSION,
	CMD_OPT_END,
};

static void usage(FILE *f)
{
	fputs("Usage: oomkit explain [OPTION]... [FILE]...\n"
	      "Find every OOM report in FILEs (or this machine's kernel log) and explain it:\n"
	      "what was asked for, what limited it, where the memory was, why the request\n"
	      "failed, who was killed and whether that was the kernel's best choice, why\n"
	      "swap did not help, and the likely causes with evidence and advice.\n"
	      "Each cause says how sure it is (confidence: high, medium, low) and its\n"
	      "basis: the report's lines it read and those missing (\"zone lines elided\",\n"
	      "\"swap not printed\", \"head of report cut\").\n"
	      "\n"
	      "With no FILE, reads the kernel ring buffer (/dev/kmsg, else syslog(2)), else\n"
	      "/var/log/kern.log or /var/log/messages.  FILE '-' is standard input.\n"
	      "Compressed files (.gz .xz .zst .bz2 .lz4) are read through the system's tools;\n"
	      "incident files of 'oomkit guard' are read too.\n"
	      "\n"
	      "Options (before or after FILEs; '--' ends them):\n", f);
	cmd_opts_help(f, explain_opts);
	fputs("\n"
	      "A FILE that is a directory: the files in it, newest first (e.g. the guard's\n"
	      "incident directory /var/lib/oomkit/incidents).  /dev/kmsg as FILE: the live\n"
	      "kernel log.  Binary input is refused unless --binary is given.\n"
	      "\n"
	      "Times: the log's own date when it has one (syslog, journal, RFC 3339), else\n"
	      "the boot time + the kernel's stamp when the boot time is known (this machine's\n"
	      "log, or --boot-time, or - derived - a dated \"Linux version\" line of the log);\n"
	      "otherwise seconds since boot, labelled as such.  Text\n"
	      "says \"N min ago\", JSON has time_iso (ISO 8601) and time_basis.\n"
	      "\n"
	      "Exit status: 0 no OOM report found, 1 OOM reports (or guard incidents) found,\n"
	      "2 error (an input could not be read, or a usage error).\n"
	      "\n"
	      "Examples:\n"
	      "  oomkit explain\n"
	      "  oomkit explain /var/log/kern.log.2.gz messages-20261120\n"
	      "  journalctl -k -b -1 | oomkit explain -\n"
	      "  oomkit explain --json pasted.txt\n"
	      "  oomkit explain --summary /var/log/kern.log*\n"
	      "  oomkit explain /var/lib/oomkit/incidents\n"
	      "  oomkit explain --html -o oom.html /var/log/kern.log\n"
	      "\n"
	      "See oomkit-explain(1).\n", f);
}

/* ---- events --------------------------------------------------------------- */

/* The next summary row (NULL when out of memory: the section is still drawn). */
static struct html_event_row *next_row(struct run *r)
{
	if (r->nr_rows == r->cap_rows) {
		int cap = r->cap_rows ? r->cap_rows * 2 : 16;
		struct html_event_row *v = realloc(r->rows, (size_t)cap * sizeof(*v));
		if (!v)
			return NULL;
		r->rows = v;
		r->cap_rows = cap;
	}
	return &r->rows[r->nr_rows++];
}

static void render_one(struct run *r, struct oom_event *ev)
{
	event_analyse(ev, r->a);
	diagnose_event_analysed(ev, r->a, r->fs);
	if (r->summary) {
		summary_add(r->sum, ev, r->fs);
		if (r->json)
			render_summary_json_event(&r->j, ev, r->fs);
		else
			render_summary_text_line(stdout, ev, r->fs, r->now, &r->st);
	} else if (r->json) {
		render_explain_json_event(&r->j, ev, r->a, r->fs);
	} else if (r->html) {
		html_explain_event(r->body, ev, r->a, r->fs, r->nr_events, r->verbose, next_row(r));
	} else {
		struct explain_opts o = { .verbose = r->verbose, .index = r->nr_events };
		render_explain_text(stdout, ev, r->a, r->fs, &r->st, &o);
	}
	fflush(stdout);
}

static void event_warnings(const struct oom_event *ev)
{
	for (int i = 0; i < ev->nr_warnings && i < OOM_MAX_WARNINGS; i++) {
		struct buf b = BUF_INIT;
		escape_term_buf(&b, ev->source, strlen(ev->source));
		/* the line at fault when the parser knew it, else the event's first */
		buf_printf(&b, ":%llu: ", (unsigned long long)(ev->warning_line[i] ? ev->warning_line[i] : ev->first_line));
		escape_term_buf(&b, ev->warnings[i], strlen(ev->warnings[i]));
		cmd_warn(CMD, "%s", b.data ? b.data : "");
		buf_release(&b);
	}
}

/* Deep copy (the task table lives on the heap).  Returns 0 or -ENOMEM. */
static int event_copy(struct oom_event *dst, const struct oom_event *src)
{
	*dst = *src;
	dst->next_report = NULL;   /* borrowed for the callback only */
	dst->snap.tasks = NULL;
	dst->snap.nr_tasks = dst->snap.cap_tasks = 0;
	if (src->snap.nr_tasks) {
		dst->snap.tasks = malloc(src->snap.nr_tasks * sizeof(*src->snap.tasks));
		if (!dst->snap.tasks)
			return -ENOMEM;
		memcpy(dst->snap.tasks, src->snap.tasks, src->snap.nr_tasks * sizeof(*src->snap.tasks));
		dst->snap.nr_tasks = dst->snap.cap_tasks = src->snap.nr_tasks;
	}
	return 0;
}

static void on_event(struct oom_event *ev, void *ctx)
{
	struct run *r = ctx;
	r->nr_events++;
	r->src_events++;
	ev->wall_time = 0;
	ev->wall_basis = (int)walltime_of_event(ev->time, r->boot, r->boot_basis, r->now, &ev->wall_time);
	int64_t boot;
	uint64_t banner;
	if (ev->wall_basis == WALL_NONE && r->sc &&
	    report_scanner_boot_time(r->sc, ev->host, ev->first_line, &boot, &banner) == 1)
		ev->wall_basis = (int)walltime_of_event(ev->time, boot, WALL_BOOT_LOG, r->now, &ev->wall_time);
	event_warnings(ev);
	if (!r->last) {
		render_one(r, ev);
		return;
	}
	if (!r->kept) {
		r->kept = malloc(sizeof(*r->kept));
		if (!r->kept)
			return;
		event_init(r->kept);
	}
	event_release(r->kept);
	if (event_copy(r->kept, ev) < 0) {
		cmd_warn(CMD, "out of memory keeping the last event's task table; it is shown without it");
		r->kept->snap.nr_tasks = 0;
		r->kept->have_task_table = false;
	}
}

/* ---- sources --------------------------------------------------------------- */

struct source_result {
	bool ok;
	uint64_t bytes, lines;
	char error[256];
};

/* Scans and parses fd to the end.  Warnings go to stderr as they come. */
/* One input through the scanner and parser: a file (fd), or text already
 * in memory (mem: the kernel log ring, an incident's kernel report), read
 * where it lies. */
static void read_source(struct run *r, int fd, const struct buf *mem, const char *name, struct source_result *res)
{
	struct report_scanner *sc = NULL;
	memset(res, 0, sizeof(*res));
	r->src_events = 0;
	r->src_name = name;
	char why[256] = "";
	int rc = mem ? report_scanner_open_mem(&sc, mem->data ? mem->data : "", mem->len, name)
		     : report_scanner_open_msg(&sc, fd, name, why, sizeof(why));
	if (rc < 0) {
		snprintf(res->error, sizeof(res->error), "%s", why[0] ? why : strerror(-rc));
		return;
	}
	struct report_parser *p = report_parser_new(name, on_event, r);
	if (!p) {
		report_scanner_close(sc);
		snprintf(res->error, sizeof(res->error), "%s", strerror(ENOMEM));
		return;
	}
	struct report_line line;
	r->sc = sc;
	while ((rc = report_scanner_next(sc, report_parser_active(p), &line)) > 0) {
		report_parser_feed(p, &line);
		report_scanner_tail(sc, report_parser_take_tail(p));
		const char *w = report_scanner_warning(sc);
		if (w) {
			struct buf b = BUF_INIT;
			escape_term_buf(&b, name, strlen(name));
			buf_adds(&b, ": ");
			escape_term_buf(&b, w, strlen(w));
			cmd_warn(CMD, "%s", b.data ? b.data : "");
			buf_release(&b);
		}
	}
	report_parser_finish(p);
	report_parser_free(p);
	r->sc = NULL;
	res->bytes = report_scanner_bytes(sc);
	res->lines = report_scanner_lines(sc);
	const char *err = report_scanner_error(sc);
	int crc = report_scanner_close(sc);
	if (rc < 0 || crc < 0) {
		snprintf(res->error, sizeof(res->error), "%s", err ? err : strerror(rc < 0 ? -rc : -crc));
		return;
	}
	res->ok = true;
}

/* The scanner's messages may already start with "NAME: ": keep one. */
static void strip_name(char *msg, const char *name)
{
	size_t n = strlen(name);
	if (strncmp(msg, name, n) == 0 && msg[n] == ':' && msg[n + 1] == ' ')
		memmove(msg, msg + n + 2, strlen(msg + n + 2) + 1);
}

struct source_log {
	char name[512];
	char kind[32];
	bool ok;
	uint64_t bytes, lines;
	int events;
	char error[256];
};

struct sources {
	int n, cap;
	struct source_log *v;
};

static struct source_log *sources_add(struct sources *s, const char *name, const char *kind)
{
	if (s->n == s->cap) {
		int cap = s->cap ? s->cap * 2 : 8;
		struct source_log *v = realloc(s->v, (size_t)cap * sizeof(*v));
		if (!v)
			return NULL;
		s->v = v;
		s->cap = cap;
	}
	struct source_log *x = &s->v[s->n++];
	memset(x, 0, sizeof(*x));
	str_copy(x->name, sizeof(x->name), name, strlen(name));
	str_copy(x->kind, sizeof(x->kind), kind, strlen(kind));
	return x;
}

static void log_result(struct source_log *x, const struct source_result *res, int events)
{
	if (!x)
		return;
	x->ok = res->ok;
	x->bytes = res->bytes;
	x->lines = res->lines;
	x->events = events;
	str_copy(x->error, sizeof(x->error), res->error, strlen(res->error));
}

/* This machine's kernel log.  Returns 0 when something was read. */
static int read_machine_log_inner(struct run *r, struct sources *srcs);
static int read_machine_log(struct run *r, struct sources *srcs)
{
	/* The ring buffer's stamps are seconds since this boot: date them as
	 * dmesg -T does (a log file's lines carry their own date). */
	r->boot = walltime_host_boot();
	r->boot_basis = WALL_BOOT_TIME;
	int rc = read_machine_log_inner(r, srcs);
	r->boot = r->boot_arg;
	r->boot_basis = WALL_BOOT_ARG;
	return rc;
}

static int read_machine_log_inner(struct run *r, struct sources *srcs)
{
	/* live/kmsg.c knows where this machine's log is: the ring (/dev/kmsg,
	 * else syslog(2)), else the syslog daemon's files. */
	struct live_machine_log l;
	if (live_open_machine_log(&l) < 0) {
		cmd_error(CMD, "cannot read the kernel log: %s", l.why);
		struct source_log *x = sources_add(srcs, "kernel log", "none");
		if (x)
			snprintf(x->error, sizeof(x->error), "%s", l.why);
		live_machine_log_close(&l);
		return 1;
	}
	struct source_result res;
	if (l.source == LIVE_LOG_FILE) {
		cmd_warn(CMD, "the kernel ring buffer is not readable (%s); reading %s", l.why, l.name);
		read_source(r, l.fd, NULL, l.name, &res);
		log_result(sources_add(srcs, l.name, "log file"), &res, r->src_events);
	} else {
		if (!r->json) {
			fflush(stdout);
			fprintf(stderr, "oomkit explain: reading the kernel ring buffer (%s)\n", l.name);
		}
		read_source(r, -1, &l.text, l.name, &res);
		log_result(sources_add(srcs, l.name, "kernel ring buffer"), &res, r->src_events);
	}
	live_machine_log_close(&l);
	return res.ok ? 0 : 1;
}

/* A guard incident file (oomkit-guard(1)): a kernel kill's report lines go
 * through the scanner and parser like any log; the guard's own decision is
 * rendered as such.  Returns 1 when fd held an incident (res filled). */
static int read_incident(struct run *r, int fd, const char *path, struct source_result *res)
{
	struct stat sb;
	char head[512];
	if (fstat(fd, &sb) < 0 || !S_ISREG(sb.st_mode) || sb.st_size <= 0 ||
	    (uint64_t)sb.st_size > INCIDENT_MAX_BYTES)
		return 0;
	ssize_t n = pread(fd, head, sizeof(head), 0);
	if (n <= 0 || !incident_detect(head, (size_t)n))
		return 0;
	memset(res, 0, sizeof(*res));
	r->src_events = 0;
	char *doc = malloc((size_t)sb.st_size);
	size_t got = 0;
	while (doc && got < (size_t)sb.st_size) {
		ssize_t k = pread(fd, doc + got, (size_t)sb.st_size - got, (off_t)got);
		if (k <= 0)
			break;
		got += (size_t)k;
	}
	struct incident_item *item = NULL;
	if (!doc || got != (size_t)sb.st_size) {
		snprintf(res->error, sizeof(res->error), "%s", doc ? "short read" : strerror(ENOMEM));
		free(doc);
		return 1;
	}
	item = calloc(1, sizeof(*item));
	if (!item || incident_parse(doc, got, &item->in) < 0) {
		snprintf(res->error, sizeof(res->error), "%s",
			 item ? "not a valid oomkit incident file (malformed JSON)" : strerror(ENOMEM));
		free(item);
		free(doc);
		return 1;
	}
	res->bytes = got;
	res->ok = true;
	if (item->in.have_kernel_report) {
		/* the kernel's lines, as /dev/kmsg records: through the normal path,
		 * read where they lie */
		struct buf text = BUF_INIT;
		int lines = incident_kernel_report(doc, got, &text);
		if (lines > 0) {
			read_source(r, -1, &text, path, res);
			res->bytes = got;
			if (r->html) {
				/* the recorder's view before the kernel's kill */
				struct incident_timeline *tl = malloc(sizeof(*tl));
				if (tl && incident_timeline(doc, got, tl) == 0 && tl->n > 0)
					html_incident_timeline(r->body, tl);
				free(tl);
			}
		} else {
			snprintf(res->error, sizeof(res->error), "its kernel report could not be read");
			res->ok = false;
		}
		buf_release(&text);
		free(item);
	} else {
		str_copy(item->source, sizeof(item->source), path, strlen(path));
		r->nr_events++;
		r->src_events++;
		if (r->summary) {
			summary_add_incident(r->sum, &item->in);
			if (r->json)
				render_summary_json_incident(&r->j, &item->in, path);
			else
				render_summary_text_incident(stdout, &item->in, r->now);
		} else if (r->json) {
			struct incident_item *v = realloc(r->incidents, (size_t)(r->nr_incidents + 1) * sizeof(*v));
			if (v) {
				r->incidents = v;
				r->incidents[r->nr_incidents++] = *item;
			}
		} else if (r->html) {
			struct incident_timeline *tl = malloc(sizeof(*tl));
			if (tl && incident_timeline(doc, got, tl) < 0)
				tl->n = 0;
			html_incident(r->body, &item->in, tl, path, r->nr_events, next_row(r));
			free(tl);
		} else {
			struct incident_timeline *tl = malloc(sizeof(*tl));   /* the recorder's last 60 s */
			if (tl && incident_timeline(doc, got, tl) < 0)
				tl->n = 0;
			render_incident_text(stdout, &item->in, tl, path, r->nr_events, &r->st);
			free(tl);
		}
		free(item);
	}
	free(doc);
	return 1;
}

/* Binary input (a binary file gave bogus events built from string
 * literals): NUL bytes or mostly non-text bytes in the first 4 KiB of an
 * uncompressed file.  Compressed files are judged by the scanner after
 * decompression.  Returns true and a reason when fd looks binary. */
static bool looks_binary(int fd, char *why, size_t len)
{
	unsigned char b[4096];
	ssize_t n = pread(fd, b, sizeof(b), 0);
	if (n <= 0)
		return false;
	static const struct { const char *magic; size_t len; } compressed[] = {
		{ "\x1f\x8b", 2 }, { "\xfd" "7zXZ", 5 }, { "\x28\xb5\x2f\xfd", 4 }, { "BZh", 3 },
		{ "\x04\x22\x4d\x18", 4 },
	};
	for (size_t i = 0; i < ARRAY_SIZE(compressed); i++)
		if ((size_t)n >= compressed[i].len && !memcmp(b, compressed[i].magic, compressed[i].len))
			return false;
	if (n >= 8 && !memcmp(b, "LPKSHHRH", 8)) {
		snprintf(why, len, "a systemd journal file (binary): read it with journalctl -k --file FILE | oomkit explain -");
		return true;
	}
	size_t nul = 0, ctl = 0;
	for (ssize_t i = 0; i < n; i++) {
		if (b[i] == 0)
			nul++;
		else if (b[i] < 0x20 && b[i] != '\n' && b[i] != '\t' && b[i] != '\r' && b[i] != '\033' && b[i] != '\f')
			ctl++;
	}
	if (nul > 0 || ctl * 10 > (size_t)n) {
		snprintf(why, len, "binary data (%zu NUL and %zu other control bytes in the first %zd bytes), not a log; "
			 "--binary reads it anyway", nul, ctl, n);
		return true;
	}
	return false;
}

static int read_file_arg(struct run *r, const char *path, struct sources *srcs, int depth);

struct dir_entry {
	char *path;
	struct timespec mtime;
};

static int newest_first(const void *a, const void *b)
{
	const struct dir_entry *x = a, *y = b;
	if (x->mtime.tv_sec != y->mtime.tv_sec)
		return x->mtime.tv_sec < y->mtime.tv_sec ? 1 : -1;
	if (x->mtime.tv_nsec != y->mtime.tv_nsec)
		return x->mtime.tv_nsec < y->mtime.tv_nsec ? 1 : -1;
	return strcmp(x->path, y->path);
}

/* A directory (the guard's incident directory, a folder of saved logs): its
 * regular files, newest first; not its subdirectories or hidden files. */
static int read_dir_arg(struct run *r, const char *path, struct sources *srcs)
{
	DIR *d = opendir(path);
	if (!d)
		return 1;
	struct dir_entry *v = NULL;
	size_t n = 0, cap = 0;
	struct dirent *de;
	int status = 0;
	while ((de = readdir(d)) != NULL) {
		if (de->d_name[0] == '.')
			continue;
		struct buf b = BUF_INIT;
		buf_printf(&b, "%s%s%s", path, path[strlen(path) - 1] == '/' ? "" : "/", de->d_name);
		struct stat sb;
		if (!b.data || stat(b.data, &sb) < 0 || !S_ISREG(sb.st_mode)) {
			buf_release(&b);
			continue;
		}
		if (n == cap) {
			size_t nc = cap ? cap * 2 : 32;
			struct dir_entry *nv = realloc(v, nc * sizeof(*nv));
			if (!nv) {
				buf_release(&b);
				status = 1;
				break;
			}
			v = nv, cap = nc;
		}
		v[n].path = b.data;   /* owned */
		v[n].mtime = sb.st_mtim;
		n++;
	}
	closedir(d);
	if (v)
		qsort(v, n, sizeof(*v), newest_first);
	if (n == 0)
		cmd_warn(CMD, "%s: no files in the directory", path);
	for (size_t i = 0; i < n; i++) {
		status |= read_file_arg(r, v[i].path, srcs, 1);
		free(v[i].path);
	}
	free(v);
	return status;
}

/* /dev/kmsg (or a device node like it: char 1:11) given as FILE. */
static bool is_kmsg(const struct stat *sb)
{
	return S_ISCHR(sb->st_mode) && major(sb->st_rdev) == 1 && minor(sb->st_rdev) == 11;
}

static int read_file_arg(struct run *r, const char *path, struct sources *srcs, int depth)
{
	bool is_stdin = strcmp(path, "-") == 0;
	struct stat sb;
	if (!is_stdin && stat(path, &sb) == 0) {
		if (S_ISDIR(sb.st_mode) && depth == 0)
			return read_dir_arg(r, path, srcs);
		if (is_kmsg(&sb))
			return read_machine_log(r, srcs);   /* records, not a byte stream: read(2) of a small buffer is EINVAL */
	}
	int fd = is_stdin ? STDIN_FILENO : open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY);
	struct source_result res;
	if (fd < 0) {
		int e = errno;
		struct buf b = BUF_INIT;
		escape_term_buf(&b, path, strlen(path));
		cmd_error(CMD, "%s: %s", b.data ? b.data : "", strerror(e));
		buf_release(&b);
		memset(&res, 0, sizeof(res));
		snprintf(res.error, sizeof(res.error), "%s", strerror(e));
		log_result(sources_add(srcs, path, "file"), &res, 0);
		return 1;
	}
	char why[256];
	if (!r->binary && !is_stdin && looks_binary(fd, why, sizeof(why))) {
		struct buf b = BUF_INIT;
		escape_term_buf(&b, path, strlen(path));
		cmd_error(CMD, "%s: %s", b.data ? b.data : "", why);
		buf_release(&b);
		memset(&res, 0, sizeof(res));
		snprintf(res.error, sizeof(res.error), "%s", why);
		log_result(sources_add(srcs, path, "file"), &res, 0);
		close(fd);
		return 1;
	}
	bool incident = !is_stdin && read_incident(r, fd, path, &res);
	if (!incident)
		read_source(r, fd, NULL, is_stdin ? "-" : path, &res);
	if (!is_stdin)
		close(fd);
	strip_name(res.error, is_stdin ? "-" : path);
	if (!res.ok) {
		struct buf b = BUF_INIT;
		escape_term_buf(&b, is_stdin ? "standard input" : path, strlen(is_stdin ? "standard input" : path));
		buf_adds(&b, ": ");
		escape_term_buf(&b, res.error, strlen(res.error));
		cmd_error(CMD, "%s", b.data ? b.data : "");
		buf_release(&b);
	}
	log_result(sources_add(srcs, is_stdin ? "-" : path, is_stdin ? "stdin" : incident ? "guard incident" : "file"),
		   &res, r->src_events);
	return res.ok ? 0 : 1;
}

/* ---- summary ----------------------------------------------------------------- */

/* The HTML page: title, what was read, the summary with links and totals,
 * then the sections streamed into r->body. */
static void html_page(struct run *r, const struct sources *srcs)
{
	FILE *f = stdout;
	char title[64];
	snprintf(title, sizeof(title), "oomkit explain: %d OOM event(s)", r->nr_events);
	html_page_begin(f, title);
	fputs("<h1>", f);
	html_esc(f, title);
	fputs("</h1>\n<p class=\"dim\">Read: ", f);
	for (int i = 0; i < srcs->n; i++) {
		const struct source_log *x = &srcs->v[i];
		if (i)
			fputs("; ", f);
		html_esc(f, strcmp(x->name, "-") == 0 ? "standard input" : x->name);
		fprintf(f, " (%s, %d event(s)", x->kind, x->events);
		if (!x->ok) {
			fputs(", not read in full: ", f);
			html_esc(f, x->error);
		}
		fputc(')', f);
	}
	fputs("</p>\n", f);
	html_explain_summary(f, r->rows, r->nr_rows);
	if (r->body) {
		char b[65536];
		size_t n;
		rewind(r->body);
		while ((n = fread(b, 1, sizeof(b), r->body)) > 0)
			fwrite(b, 1, n, f);
	}
	html_page_end(f);
}

static void text_summary(const struct run *r, const struct sources *srcs)
{
	const struct style *st = &r->st;
	if (r->nr_events == 0)
		printf("%sNo OOM event found%s in:\n", st->bold, st->reset);
	else if (r->last)
		printf("%s%d OOM event(s) found; the last one is shown above.%s Read:\n", st->dim, r->nr_events, st->reset);
	else
		printf("%s%d OOM event(s) found.%s Read:\n", st->dim, r->nr_events, st->reset);
	for (int i = 0; i < srcs->n; i++) {
		const struct source_log *x = &srcs->v[i];
		char b[32];
		fputs("  ", stdout);
		escape_term(stdout, strcmp(x->name, "-") == 0 ? "standard input" : x->name,
			    strlen(strcmp(x->name, "-") == 0 ? "standard input" : x->name));
		if (x->ok)
			printf(" (%s): %s, %llu lines, %d event(s)\n", x->kind, fmt_kib(b, sizeof(b), (int64_t)(x->bytes / 1024)),
			       (unsigned long long)x->lines, x->events);
		else if (x->bytes > 0 || x->events > 0) {
			/* a rotated log cut short still gave what came before the cut
			 * (qa: "not read" beside 14 events found in it) */
			printf(" (%s): read up to a failure: %s, %llu lines, %d event(s); then ", x->kind,
			       fmt_kib(b, sizeof(b), (int64_t)(x->bytes / 1024)), (unsigned long long)x->lines, x->events);
			escape_term(stdout, x->error, strlen(x->error));
			fputc('\n', stdout);
		} else {
			fputs(": not read: ", stdout);
			escape_term(stdout, x->error, strlen(x->error));
			fputc('\n', stdout);
		}
	}
	bool any_read = false;
	for (int i = 0; i < srcs->n; i++)
		any_read |= srcs->v[i].ok;
	if (r->nr_events == 0 && any_read)
		printf("The inputs hold no \"invoked oom-killer\", \"Killed process\", \"page allocation failure\"\n"
		       "or other OOM report line%s.\n", srcs->n == 1 && strcmp(srcs->v[0].kind, "kernel ring buffer") == 0
		       ? " (older reports may have left the ring buffer: try /var/log/kern.log* or journalctl -k)" : "");
}

int cmd_explain(int argc, char **argv)
{
	struct run r;
	memset(&r, 0, sizeof(r));
	int color = COLOR_AUTO;
	struct cmd_args args;
	cmd_args_init(&args, CMD, explain_opts, argc, argv);
	int c;
	const char *out = NULL;
	while ((c = cmd_args_next(&args)) > 0) {
		switch (c) {
		case 'j': r.json = true; break;
		case OPT_HTML: r.html = true; break;
		case 'o': out = args.arg; break;
		case 'v': r.verbose = true; break;
		case OPT_LAST: r.last = true; break;
		case 's': r.summary = true; break;
		case OPT_BINARY: r.binary = true; break;
		case OPT_BOOT_TIME:
			if (walltime_parse_arg(args.arg, time(NULL), &r.boot_arg) < 0)
				return cmd_usage_error(CMD, "--boot-time wants a date (\"2026-12-04 08:00:00\", "
						       "2026-12-04T08:00:00+01:00) or @EPOCH, not '%s'", args.arg);
			break;
		case CMD_KEY_COLOR:
			if ((color = cmd_color_arg(&args)) < 0)
				return 2;
			break;
		case 'h':
			usage(stdout);
			return 0;
		case 'V':
			return cmd_version();
		}
	}
	if (c < 0)
		return 2;
	if (r.summary && r.last)
		return cmd_usage_error(CMD, "--summary and --last do not go together");
	if (r.html && (r.json || r.summary))
		return cmd_usage_error(CMD, "--html does not go with --json or --summary (the page has its own summary)");
	r.now = time(NULL);
	r.boot = r.boot_arg;
	r.boot_basis = WALL_BOOT_ARG;
	static struct explain_summary sum;
	memset(&sum, 0, sizeof(sum));
	r.sum = &sum;
	if (cmd_output_to(CMD, out) != 0)
		return 2;
	style_init(&r.st, !r.json && !r.html && color_enabled((enum color_mode)color, stdout));
	if (r.html && !(r.body = tmpfile())) {
		cmd_error(CMD, "no temporary file for the HTML page: %s", strerror(errno));
		return 2;
	}
	r.a = malloc(sizeof(*r.a));
	r.fs = malloc(sizeof(*r.fs));
	if (!r.a || !r.fs) {
		free(r.a);
		free(r.fs);
		cmd_error(CMD, "out of memory");
		return 2;
	}
	if (r.json && r.summary) {
		json_init(&r.j, stdout, true);
		json_obj_begin(&r.j, NULL);
		json_int(&r.j, "schema", 1);
		json_str(&r.j, "generator", "oomkit " OOMKIT_VERSION);
		json_arr_begin(&r.j, "summary");
	} else if (r.json) {
		json_init(&r.j, stdout, true);
		render_explain_json_begin(&r.j);
	} else if (r.summary) {
		render_summary_text_header(stdout, &r.st);
	}
	struct sources srcs = { 0, 0, NULL };
	int status = 0;
	if (args.nr_operands == 0)
		status |= read_machine_log(&r, &srcs);
	for (int i = 0; i < args.nr_operands; i++)
		status |= read_file_arg(&r, args.operands[i], &srcs, 0);
	if (r.last && r.kept) {
		render_one(&r, r.kept);   /* numbered as the n-th event found */
	}
	if (r.json && r.summary) {
		json_arr_end(&r.j);
		render_summary_json_totals(&r.j, &sum);
		json_arr_begin(&r.j, "sources");
		for (int i = 0; i < srcs.n; i++) {
			const struct source_log *x = &srcs.v[i];
			json_obj_begin(&r.j, NULL);
			json_str(&r.j, "name", x->name);
			json_str(&r.j, "kind", x->kind);
			json_bool(&r.j, "read", x->ok);
			json_int(&r.j, "events", x->events);
			json_str(&r.j, "error", x->error[0] ? x->error : NULL);
			json_obj_end(&r.j);
		}
		json_arr_end(&r.j);
		json_obj_end(&r.j);
		json_end(&r.j);
	} else if (r.json) {
		render_explain_json_incidents_begin(&r.j);
		for (int i = 0; i < r.nr_incidents; i++)
			render_incident_json(&r.j, &r.incidents[i].in, r.incidents[i].source);
		render_explain_json_sources_begin(&r.j);
		for (int i = 0; i < srcs.n; i++) {
			const struct source_log *x = &srcs.v[i];
			render_explain_json_source(&r.j, x->name, x->kind, x->ok, x->bytes, x->lines, x->events,
						   x->error[0] ? x->error : NULL);
		}
		render_explain_json_end(&r.j);
	} else if (r.html) {
		html_page(&r, &srcs);
	} else {
		if (r.summary)
			render_summary_text_totals(stdout, &sum, &r.st);
		text_summary(&r, &srcs);
	}
	if (r.kept) {
		event_release(r.kept);
		free(r.kept);
	}
	free(srcs.v);
	free(r.incidents);
	free(r.rows);
	if (r.body)
		fclose(r.body);
	free(r.a);
	free(r.fs);
	if (fflush(stdout) != 0 || ferror(stdout)) {
		if (errno != EPIPE)
			cmd_error(CMD, "write error: %s", strerror(errno));
		return 2;
	}
	return status ? 2 : r.nr_events > 0 ? 1 : 0;
}
