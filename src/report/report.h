/* report.h — kernel log text in, OOM events out.
 *
 *   input (fd) ──► report_scanner (scan.c): find and normalise kernel lines
 *              ──► report_parser  (parse.c): lines → struct oom_event
 *
 * The scanner strips every transport (dmesg, dmesg -T, /dev/kmsg records,
 * syslog, rsyslog #012, journalctl formats, "> " quoting), splits glued lines
 * and embedded newlines, rejoins hard-wrapped lines, and — while the parser
 * is idle — skips text with no OOM marker at memchr/memmem speed.  Memory
 * stays bounded whatever the input size. */
#ifndef OOMKIT_REPORT_H
#define OOMKIT_REPORT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "model/event.h"
#include "report/linekind.h"

/* One normalised kernel message line: the text as the kernel printed it,
 * without any transport prefix.  Pointers stay valid until the next call. */
struct report_line {
	const char *text;       /* not NUL-terminated necessarily; use len */
	size_t len;
	const char *time;       /* the timestamp as printed ("27742.909073", "Di Aug 12 03:54:03 2025", "Sep 23 02:04:16"); NULL if none */
	size_t time_len;
	const char *host;       /* syslog/journal host; NULL if none */
	size_t host_len;
	const char *caller;     /* CONFIG_PRINTK_CALLER id "T123"/"C3"; NULL if none */
	size_t caller_len;
	/* the kernel's monotonic stamp when a date came first and is the time
	 * ("May 30 07:44:38 h kernel: [ 2283.369927] …": "2283.369927"); NULL
	 * when none, or when the stamp is the time itself */
	const char *mono;
	size_t mono_len;
	uint64_t lineno;        /* 1-based number of the (first) input line it came from */
	bool continuation;      /* an indented continuation of the previous record (dmesg/journal) */
	bool truncated;         /* a pager cut the line (trailing '>' or '…'); its cut last token was dropped */
	bool boot_banner;       /* "Linux version …" / "Command line: …": the machine booted here (passed
				 * also while the parser is idle; no report line) */
};

struct report_scanner;

/* Opens a scanner on fd (not closed by the scanner).  name is for messages
 * and events ("-" for stdin).  Compressed input (.gz .xz .zst .bz2 .lz4, by
 * magic bytes, not name) is decompressed through the system's own tool run
 * as a child process; a missing tool is an error (-ENOEXEC) with a message
 * in report_scanner_error().  Returns 0 or -errno. */
int report_scanner_open(struct report_scanner **out, int fd, const char *name);
/* Same, and on failure err[0..errlen) says why ("needs 'xz' … install xz-utils"). */
int report_scanner_open_msg(struct report_scanner **out, int fd, const char *name, char *err, size_t errlen);
/* Same, on text in memory (not copied whole, not spooled to a file: read
 * chunk by chunk like an fd; it must stay valid until close).  Compressed
 * text is refused (-ENOTSUP): it goes through an fd and the system's tool. */
int report_scanner_open_mem(struct report_scanner **out, const char *text, size_t len, const char *name);
/* Next line.  all_lines = false lets the scanner skip input that holds no
 * OOM marker (the parser is between reports); true asks for every line
 * (the parser is inside a report).  Returns 1 with *line filled, 0 at end
 * of input, -errno on a read error. */
int report_scanner_next(struct report_scanner *s, bool all_lines, struct report_line *line);
/* Let the next `lines` raw lines be looked at one by one though the parser
 * is idle: those the back-fill window would pass (lines that may open a
 * report, stack lines with an arch cue) are handed on, the rest dropped
 * as the idle search would.  The parser asks for it right after a report
 * whose arch nothing showed (report_parser_take_tail): a trace printed just
 * after it (the victim's stack under "oom_reaper: unable to reap", a hung
 * task's) names the machine's arch. */
void report_scanner_tail(struct report_scanner *s, unsigned lines);
/* Warnings worth telling the user (binary junk skipped, over-long lines
 * cut, decompressor failed …); NULL when none.  Cleared by the call. */
const char *report_scanner_warning(struct report_scanner *s);
const char *report_scanner_error(struct report_scanner *s);
uint64_t report_scanner_bytes(const struct report_scanner *s);   /* bytes of (decompressed) input read */
uint64_t report_scanner_lines(const struct report_scanner *s);   /* input lines seen */
/* Raw lines handed to the normaliser (transports, repair): the idle search
 * skips the rest without looking at them line by line, which is what keeps
 * explain at grep's speed (bench/explain); tests hold it to that. */
uint64_t report_scanner_examined(const struct report_scanner *s);
/* The boot time a "Linux version" (or "Command line:") banner with a dated
 * prefix and a kernel stamp near 0 gives for the boot an event of host
 * (NULL or "": a log of one host) starting at line belongs to: the latest
 * such banner before line.  Returns 1 with *boot (epoch seconds) and
 * *banner_line, 0 when the log has no dated banner before it for that host
 * (or a later undated one). */
int report_scanner_boot_time(const struct report_scanner *s, const char *host, uint64_t line, int64_t *boot,
			     uint64_t *banner_line);
/* Closes; reaps the decompressor; returns its failure (-EIO) if it failed. */
int report_scanner_close(struct report_scanner *s);

/* Does this text hold an OOM marker that starts or continues a report?
 * (Exposed for the scanner's prefilter and for tests.) */
bool report_has_marker(const char *text, size_t len);

struct report_parser;
/* Called once per completed event.  The callback owns nothing: the event is
 * released after it returns (copy what you keep). */
typedef void (*report_event_fn)(struct oom_event *ev, void *ctx);

struct report_parser *report_parser_new(const char *source_name, report_event_fn fn, void *ctx);
/* Feeds one line; calls fn for every event the line completes. */
void report_parser_feed(struct report_parser *p, const struct report_line *line);
/* True while a report is open (the scanner must then return every line). */
bool report_parser_active(const struct report_parser *p);
/* Lines the parser wants looked at after the report it just ended (for
 * report_scanner_tail), once: 0 when none. */
unsigned report_parser_take_tail(struct report_parser *p);
/* End of input: completes (and flags as truncated) any open report. */
void report_parser_finish(struct report_parser *p);
void report_parser_free(struct report_parser *p);

/* Is this line `uname -a` output ("Linux host 5.8.0 #1 SMP … x86_64 GNU/Linux")?
 * Then its release, machine ("" when none is named) and node name. */
bool report_is_uname_line(const char *s, size_t n, char *kernel, size_t kcap, char *arch, size_t acap, char *host,
			  size_t hcap);
/* Is this line the "Swap:" row of procps `free` ("Swap:  2015  14  2001",
 * "Swap:  2.0Gi  2.0Gi  0B", any of its units)?  Then what it says of swap
 * (enum oom_free_swap); OOM_FREE_SWAP_UNSEEN when it is none. */
int report_free_swap_line(const char *s, size_t n);
/* The arch a stack-dump line shows by itself ("RIP: …", x86_64 frames, ARM's
 * "a from b+0x…/0x…", MIPS "Stack : …", …), NULL when it shows none. */
const char *report_stack_line_arch(const char *s, size_t n);
/* A memcg memory.stat "key value" line (scan.c). */
bool report_is_stat_pair(const char *s, size_t n);
/* A pasted shell command asking for a manual OOM ("# echo f >
 * /proc/sysrq-trigger"): the report after it is sysrq f's (parse.c). */
bool report_is_sysrq_f_command(const char *s, size_t n);
/* Convenience: scan and parse a whole fd.  Returns the number of events or
 * -errno; warnings go to the warn callback (may be NULL). */
typedef void (*report_warn_fn)(const char *source, const char *msg, void *ctx);
int report_read_fd(int fd, const char *name, report_event_fn fn, report_warn_fn warn, void *ctx);
/* Same on text in memory (report_scanner_open_mem). */
int report_read_mem(const char *text, size_t len, const char *name, report_event_fn fn, report_warn_fn warn,
		    void *ctx);

/* The guard's kmsg watch (kernel_kill.c).  The line kind (report/linekind.h)
 * of one raw /dev/kmsg record ("pri,seq,usec,flags;text"), its framing
 * stripped; allocation-free.  LK_NONE for anything else. */
enum line_kind report_record_kind(const char *rec, size_t len);
/* The victim and OOM domain of one captured kernel report (records or
 * lines), by the full parser: 0, or -EINVAL when it names no killed process. */
struct report_kill_facts {
	int64_t pid;
	char comm[OOM_COMM_LEN];
	char oom_memcg[OOM_PATH_LEN];   /* the OOM domain, relative to the hierarchy; "" for a global OOM */
};
int report_kill_facts(const char *text, size_t len, struct report_kill_facts *out);

#endif
