/* scan.c — find and normalise kernel lines in any log text.
 *
 * Three layers, bottom up:
 *  - raw lines: the input (an fd, or text in memory) is read in 128 KiB
 *    chunks into one buffer; a line longer than 64 KiB is cut (at a space
 *    when possible) and its rest read as a new piece, so memory is bounded
 *    whatever the input.  While the parser is idle, the buffer is searched
 *    for the marker needles (needle.c: vector compares, grep's speed,
 *    bench/explain), and the lines skipped are only counted, never copied —
 *    except a back-fill window before a marker that is not a report's own
 *    start, whose lines of a kind that opens a report (linekind.c) are handed
 *    over, so a report whose head is cut keeps its body.
 *  - transports (transport.c): quoting, <N>, /dev/kmsg records, dmesg -x,
 *    syslog and journal headers (also with the date or host elided), dmesg
 *    (-T) times and printk caller ids are stripped; a prefix no rule knows is
 *    learned from a marker line; rsyslog #012 and kmsg \x0a escapes split a
 *    record into its lines; syslog lines of other programs are dropped, and
 *    a dated record repeated right after itself; util-linux continuation
 *    lines (indented, no prefix) inherit the record's time.
 *  - repair: a paste that lost its newlines is split before each known
 *    report-line start; a line hard-wrapped by a mail client is joined back
 *    to the line it came from, where the lines around carry a prefix it
 *    lacks, or where it starts no report line and the previous line was
 *    as long as a mail client's wrap width. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <sys/stat.h>
#include <unistd.h>

#include "report/decompress.h"
#include "report/linekind.h"
#include "report/needle.h"
#include "report/order.h"
#include "report/report.h"
#include "report/transport.h"
#include "report/view.h"
#include "report/walltime.h"
#include "util/util.h"

#define SCAN_CHUNK (256u << 10)    /* bytes per read(): stays in L2 for the scan, and the back-fill window kept per read is an eighth of it */
#define SCAN_MAX_LINE (64u << 10)  /* longer lines are cut into pieces */
#define SCAN_MAX_JOIN 64           /* wrapped fragments joined to one line */
#define NO_OFF ((size_t)-1)
/* Bytes of skipped input kept before the next marker: a report whose head
 * is cut (the log starts at its totals, task table or memcg block) has its
 * body lines just before its first marker line, and they are handed to the
 * parser from this window rather than found by needles of their own (which
 * would slow the idle search).  A 32 KiB window holds a task table of ~400
 * rows; it stays below SCAN_MAX_LINE, which fill() keeps. */
#define SCAN_BACKFILL (32u << 10)
/* ... and beyond it, as far back as the lines before the marker are report
 * lines (task rows, zones, totals, a memcg block; other programs' syslog
 * lines between them are stepped over): a 4096-task table with syslog
 * prefixes (~550 KiB) is kept whole.  Only a log that is in such a run
 * when a read ends keeps more than the 32 KiB, so the idle scan of ordinary
 * text moves no more bytes than before. */
#define SCAN_BACKFILL_MAX (1u << 20)
/* A needle hit closer than this to the end of the bytes read is judged
 * again after the next read (longer than every needle_hit_ok look-ahead) */
#define SCAN_UNSURE 64
#define SCAN_RUN_GAP 32            /* other programs' lines stepped over in a run */
/* fill() must always find room for a read after keeping one line back and
 * one partial line */
_Static_assert(SCAN_CHUNK >= 2 * SCAN_MAX_LINE, "scan buffer too small for its lines");

/* The markers themselves (a line holding one starts or continues a report)
 * are the LKF_MARKER kinds of the line-kind table, report/linekind.c. */
bool report_has_marker(const char *text, size_t len)
{
	if (!text)
		return false;
	/* every marker holds a needle: one vector pass rules out most lines */
	size_t which;
	if (needle_find(text, len, &which) >= len)
		return false;
	return line_kind_has_marker_text(text, len);
}

/* One logical line waiting in the queue; offsets into s->arena. */
struct item {
	size_t text_off, text_len;
	size_t time_off, time_len;
	size_t host_off, host_len;
	size_t caller_off, caller_len;
	size_t mono_off, mono_len;   /* a monotonic stamp after a date (report_line.mono) */
	uint64_t lineno;
	size_t phys_len;      /* length of the physical line it ends on (wrap test) */
	bool continuation;
	bool truncated;
	bool prefixed;        /* came with a transport prefix */
	bool last_of_raw;     /* last piece of its raw line: may continue on the next */
	bool backfill;        /* from the window before a marker: passed when its kind may open a report */
	bool boot_banner;     /* "Linux version …" / "Command line: …" */
	bool quoted;          /* the physical line it ends on was "> " quoted */
	bool tail;            /* looked at in a tail after a report (report_scanner_tail): passed for a stack's arch cue only */
};

/* Boot banners seen, for the boot time of later monotonic-only lines and
 * as reboot markers.  The last SCAN_BANNERS are kept. */
#define SCAN_BANNERS 32
struct banner {
	uint64_t line;
	int64_t boot;          /* epoch seconds; 0: the banner had no date */
	char host[64];
};

struct report_scanner {
	int fd;
	unsigned tail_left;    /* raw lines still to look at though the parser is idle (report_scanner_tail) */
	bool tail_checked;     /* tail_is_quiet said yes for it */
	const char *mem;       /* report_scanner_open_mem: the text, read in place of fd */
	size_t mem_len, mem_off;
	char name[256];
	struct decompressor dec;
	bool eof, read_error, dec_reaped;
	bool view_cut_seen;    /* the mapped file shrank: warned once */

	char *buf;             /* [0, end) holds input; pos is the next unread byte */
	size_t cap, pos, end;
	/* A large regular file (or text in memory) is read in place: buf is
	 * then view.data + base_abs, never written, and fill() moves its ends
	 * as a read() of cap - end bytes would (the same lines, windows and
	 * back-fill edges, without the copy); own is the unused buffer. */
	struct view view;
	bool in_view;
	char *own;
	uint64_t base_abs;     /* absolute input offset of buf[0] */
	uint64_t lines_before_pos;  /* complete lines before pos */
	uint64_t bytes;
	uint64_t examined;          /* raw lines given to process_raw (report_scanner_examined) */
	/* the last tr_strip_prefix of bytes in buf (strip_prefix_buf) */
	const char *memo_p;
	size_t memo_len;
	struct pfx memo;
	bool memo_time_own, memo_mono_own;   /* memo.time / .mono stand for its kmsg_time */

	uint64_t backup_abs;   /* start of the line before pos that the prefilter skipped; UINT64_MAX none */
	uint64_t processed_abs;     /* input before this was handed to the normaliser */
	uint64_t backfill_until_abs;  /* raw lines starting before this are back-fill (0 none) */
	uint64_t run_abs, run_end_abs;  /* [run_abs, run_end_abs): lines known to be one run of report lines */
	bool any_hit;               /* the prefilter found a marker somewhere */
	bool eof_tail_done;         /* the run of report lines ending the input was handed over */
	uint64_t cur_raw_abs, cur_raw_end_abs;  /* the raw line process_raw() is given */
	uint64_t dup_end_abs;       /* end of the last dated record, its hash and length: */
	uint64_t dup_hash;          /* the same record again right after it is a duplicate */
	size_t dup_len;
	struct banner banners[SCAN_BANNERS];
	uint64_t nr_banners;        /* ever seen; banners[i % SCAN_BANNERS] */
	char learned[80];           /* a prefix learned from a marker line (learn_prefix) */
	size_t learned_len;
	bool learned_after;         /* it follows a transport prefix the rules strip ("Sep 13 … host ") */
	char indent[16];            /* the paste's own indent, learned from a marker line (strip_paste_indent) */
	size_t indent_len;
	bool qp;                    /* the text is a quoted-printable mail body (qp_detect) */
	bool md;                    /* the text is Markdown with its punctuation backslash-escaped (md_detect) */
	struct buf md_line, md_peek;  /* a line with those escapes undone */
	bool html;                  /* the text is an HTML page's source (html_detect) */
	struct buf html_line, html_peek;
	struct buf tick_line;       /* a line flattened with "`` ``" breaks, rebuilt (tick_lines) */
	struct buf tick_para;       /* its physical lines, a mailer's wrap undone (tick_join) */
	struct buf resplit;         /* a joined line cut again at its records' prefixes (resplit_joined) */
	bool ticks;                 /* such a line was seen: the text is so (a mailer may wrap it) */
	bool str_lines;             /* the last line was a kernel line quoted whole: the next quoted ones are too */
	bool list_item;             /* the last line was a Markdown list item of a kernel line ("- `…`") */
	int qp_checks;              /* windows looked at for it (bounded) */
	size_t hard_width;          /* lines cut at this exact width by a terminal (hard_wrap_width) */
	size_t hard_probed[8];      /* widths looked for so far */
	int nr_hard_probed;
	struct buf qp_line;         /* a decoded, soft-break-joined raw line */
	struct buf qp_peek;         /* a decoded line try_join looks at */

	/* queue of logical lines from the current raw line */
	struct buf arena;
	struct item *q;
	size_t qlen, qcap, qhead;
	/* glued pieces of one raw line before a marker piece pass the idle
	 * filter with it (glued_before_marker): queue indexes below pass_until
	 * pass, those below scanned_until were looked at */
	size_t pass_until, scanned_until;
	size_t *splits;
	size_t nsplits, splits_cap;

	/* state carried from the previous kept raw line */
	bool prev_prefixed, prev_kmsg;
	size_t prev_prefix_width;
	char prev_time[64], prev_host[64], prev_caller[16];
	char jtime[64];             /* journalctl -o verbose: the last entry's date, for its MESSAGE= field */

	bool piece_pending;    /* the last raw line was cut: the next one is its rest */
	bool warned_binary, warned_long;
	char warning[512], warning_out[512];
	bool have_warning;
	char error[512];
};

/* ---- small text helpers --------------------------------------------- */

static bool is_hex(char c) { return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }
static int hex_val(char c)
{
	return is_digit(c) ? c - '0' : (c >= 'a' && c <= 'f') ? c - 'a' + 10 : c - 'A' + 10;
}

static bool has_prefix(const char *p, size_t len, const char *lit)
{
	size_t n = strlen(lit);
	return len >= n && memcmp(p, lit, n) == 0;
}

static void add_warning(struct report_scanner *s, const char *msg)
{
	size_t used = s->have_warning ? strlen(s->warning) : 0;
	if (used)
		snprintf(s->warning + used, sizeof(s->warning) - used, "; %s", msg);
	else
		snprintf(s->warning, sizeof(s->warning), "%s", msg);
	s->have_warning = true;
}


/* ---- known report-line starts (wrap repair) --------------------------- */

static const char *const line_starts[] = {
	"CPU", "Pid:", "Hardware name:", "Call Trace:", "Mem-Info:", "Mem-info:", "Node ",
	"lowmem_reserve[]:", "Tasks state", "oom-kill:", "oom_reaper:", "oom-killer:",
	"Out of memory", "Out of Memory", "Memory cgroup", "memory:", "memory+swap:", "swap:",
	"kmem:", "Free swap", "Total swap", "Swap cache", "Free pages", "Task in ", "Killed process",
	"Kill process", "Unreclaimable slab", "Name ", "COMPACTION", "Workqueue:", "Modules linked",
	"Kernel panic", "DMA", "Normal", "HighMem", "Movable", "Active:", "active_anon:", "cpu ",
	"warn_alloc", "Code:", "RIP:", "<", "[", "---[", "Mem-Info", "Showing", "Unable", "BUG",
	"WARNING", "Hardware", "Comm:",
};

/* Does [a, b) hold a digit (a quoted kernel line's pid, size or node)? */
static bool span_has_digit(const char *a, const char *b)
{
	for (; a < b; a++)
		if (*a >= '0' && *a <= '9')
			return true;
	return false;
}

/* Does this (prefix-less) text start a report line of its own, rather than
 * continue a line a mail client wrapped? */
static bool looks_like_start(const char *p, size_t len)
{
	if (len == 0)
		return true;
	/* every kind of report line the table knows (linekind.c) */
	if (line_kind_of(p, len) != LK_NONE)
		return true;
	for (size_t i = 0; i < ARRAY_SIZE(line_starts); i++)
		if (has_prefix(p, len, line_starts[i]))
			return true;
	/* comm-led lines: "sed invoked oom-killer:", "sed cpuset=", "x: page allocation" */
	size_t look = len < 120 ? len : 120;
	if (mem_find(p, look, " invoked oom-killer") || mem_find(p, look, " cpuset=") ||
	    mem_find(p, look, ": page allocation"))
		return true;
	/* "300582 total pagecache pages", "1048438 pages RAM" */
	size_t d = tr_span_digits(p, len);
	if (d > 0 && (HAS_LIT(p + d, len - d, " pages") || HAS_LIT(p + d, len - d, " total pagecache")))
		return true;
	/* memcg stat "anon 31154200576" (5.3+, one pair per line) */
	size_t w = 0;
	while (w < len && (is_lower(p[w]) || p[w] == '_'))
		w++;
	if (w > 0 && w + 1 < len && p[w] == ' ' && tr_span_digits(p + w + 1, len - w - 1) == len - w - 1)
		return true;
	/* "RSP: 002b:…", "Workqueue: …": a first word ending in ':' — except a
	 * lower-case "key:" followed by a number, the tail of a wrapped zone
	 * or node line ("shmem_thp: 0kB …") */
	size_t t = 0;
	while (t < len && !is_space(p[t]) && p[t] != '=')
		t++;
	if (t > 1 && p[t - 1] == ':' && (t >= len || !is_space(p[t]) || t + 1 >= len || !is_digit(p[t + 1])))
		return true;
	if (t > 1 && p[t - 1] == ':' && !is_lower(p[0]))
		return true;
	return false;
}

/* ---- glued lines ------------------------------------------------------ */

static int add_split(struct report_scanner *s, size_t at)
{
	if (s->nsplits && s->splits[s->nsplits - 1] >= at)
		return 0;
	if (s->nsplits == s->splits_cap) {
		size_t cap = s->splits_cap ? s->splits_cap * 2 : 64;
		size_t *n = realloc(s->splits, cap * sizeof(*n));
		if (!n)
			return -ENOMEM;
		s->splits = n;
		s->splits_cap = cap;
	}
	s->splits[s->nsplits++] = at;
	return 0;
}

/* "[  341]" task row or "[  pid  ]" table header */
static bool match_task_bracket(const char *p, size_t len)
{
	size_t i = 1;
	while (i < len && i < 16 && p[i] == ' ')
		i++;
	size_t d = tr_span_digits(p + i, len - i);
	if (d == 0 && HAS_LIT(p + i, len - i, "pid")) {
		i += 3;
		while (i < len && p[i] == ' ')
			i++;
		return i < len && p[i] == ']';
	}
	return d > 0 && i + d < len && p[i + d] == ']';
}

struct start {
	const char *lit;
	bool not_after_colon;  /* "Out of memory: Killed process" is one line */
	bool whole_line;       /* the start is a line of its own: split after it too */
};

static const struct start glue_starts[] = {
	{ "Hardware name:", false, false },
	{ "Call Trace:", false, true },
	{ "Mem-Info:", false, true },
	{ "Mem-info:", false, true },
	{ "lowmem_reserve[]:", false, false },
	{ "Tasks state (memory values in pages):", false, true },
	{ "oom-kill:constraint=", false, false },
	{ "oom_reaper:", false, false },
	{ "Out of memory", true, false },
	{ "Out of Memory", true, false },
	{ "Memory cgroup out of memory", true, false },
	{ "Memory cgroup stats for ", false, false },
	{ "Killed process", true, false },
	{ "Task in /", false, false },
	{ "memory: usage", false, false },
	{ "memory+swap: usage", false, false },
	{ "swap: usage", false, false },
	{ "kmem: usage", false, false },
	{ "Free swap", false, false },
	{ "Total swap", false, false },
	{ "Swap cache stats", false, false },
	{ "Unreclaimable slab info:", false, true },
	{ "Workqueue:", false, false },
	{ "COMPACTION is disabled", false, false },
	{ "Kernel panic", false, false },
	{ "Mem-Info", false, false },
	/* x86 register dump after the stack (arch/x86/kernel/process_64.c) */
	{ "RIP: ", false, false },
	{ "Code: ", false, false },
	{ "RSP: ", false, false },
	{ "RAX: ", false, false },
	{ "RDX: ", false, false },
	{ "RBP: ", false, false },
	{ "R10: ", false, false },
	{ "R13: ", false, false },
};

static const char *const zone_names[] = { "DMA32", "DMA", "Normal", "HighMem", "Movable", "Device" };

/* Split points inside one line at position i (p[i-1] is a space, or i is a
 * timestamp).  Returns the split offset to record (i, or after a whole-line
 * start), 0 for none; *prefix_split marks a transport-prefix split. */
static size_t glue_point(const char *p, size_t len, size_t i, bool *prefix_split, size_t *also)
{
	const char *r = p + i, *t;
	size_t n = len - i, tl;
	bool sp = p[i - 1] == ' ';
	bool after_colon = sp && i >= 2 && p[i - 2] == ':';
	*also = 0;

	if (r[0] == '[') {
		if (tr_bracket_time(r, n, &t, &tl)) {
			*prefix_split = true;
			return i;
		}
		if (sp && match_task_bracket(r, n))
			return i;
		return 0;
	}
	if (!sp)
		return 0;
	/* every start below begins with a digit, a capital or one of "lokms" */
	if (!is_digit(r[0]) && !is_upper(r[0]) && r[0] != 'l' && r[0] != 'o' && r[0] != 'k' &&
	    r[0] != 'm' && r[0] != 's')
		return 0;
	if (is_digit(r[0]) || is_upper(r[0])) {
		bool comma;
		size_t k = tr_iso_date(r, n, &comma);
		if (!k && !is_digit(r[0]))
			k = tr_mon_date(r, n);
		if (k && k < n && r[k] == ' ') {
			const char *h;
			size_t hl;
			bool kernel;
			if (tr_host_tag(r + k + 1, n - k - 1, &h, &hl, &kernel)) {
				*prefix_split = true;
				return i;
			}
		}
	}
	/* "---[ end Kernel panic - not syncing: … ]---" is one line: the
	 * panic's closing marker, not a second panic (kernel/panic.c). */
	if (i >= 9 && memcmp(p + i - 9, "---[ end ", 9) == 0)
		return 0;
	for (size_t k = 0; k < ARRAY_SIZE(glue_starts); k++) {
		const struct start *st = &glue_starts[k];
		if (r[0] != st->lit[0] || !has_prefix(r, n, st->lit))
			continue;
		if (st->not_after_colon && after_colon)
			return 0;
		if (st->whole_line) {
			size_t e = strlen(st->lit);
			if (e < n && r[e] == ' ')
				*also = i + e + 1;
		}
		return i;
	}
	switch (r[0]) {
	case 'C':
		if (HAS_LIT(r, n, "CPU: ") && n > 5 && is_digit(r[5]))
			return i;
		break;
	case 'P':
		if (HAS_LIT(r, n, "Pid: ") && n > 5 && is_digit(r[5]))
			return i;
		break;
	case 'N':
		if (HAS_LIT(r, n, "Node ") && n > 5 && is_digit(r[5]))
			return i;
		break;
	case 'o':
		if (HAS_LIT(r, n, "oom-killer:") && !(i >= 8 && memcmp(p + i - 8, "invoked ", 8) == 0))
			return i;
		return 0;
	}
	if (is_digit(r[0])) {
		size_t d = tr_span_digits(r, n);
		if (HAS_LIT(r + d, n - d, " pages ") || HAS_LIT(r + d, n - d, " total pagecache pages"))
			return i;
		return 0;
	}
	/* zone lines of kernels without "Node N " (≤2.6.x): "DMA free:", "Normal: 4*4kB" */
	if (i >= 2 && !is_digit(p[i - 2])) {
		for (size_t k = 0; k < ARRAY_SIZE(zone_names); k++) {
			size_t zl = strlen(zone_names[k]);
			if (!has_prefix(r, n, zone_names[k]))
				continue;
			if (HAS_LIT(r + zl, n - zl, " free:") || HAS_LIT(r + zl, n - zl, " per-cpu:") ||
			    (zl + 3 < n && r[zl] == ':' && r[zl + 1] == ' ' && is_digit(r[zl + 2])))
				return i;
			break;
		}
	}
	return 0;
}

/* "Sep 23 02:04:16 host tag:" */
static bool glued_syslog_header(const char *r, size_t n)
{
	size_t k = tr_mon_date(r, n);
	const char *h;
	size_t hl;
	bool kernel;
	return k && k < n && r[k] == ' ' && tr_host_tag(r + k + 1, n - k - 1, &h, &hl, &kernel) > 0;
}

static int cmp_size(const void *a, const void *b)
{
	size_t x = *(const size_t *)a, y = *(const size_t *)b;
	return x < y ? -1 : x > y;
}

/* Comm-led starts: the token before " invoked oom-killer:" (or " cpuset=",
 * ": page allocation …") is the process name that begins the line.  The
 * new split points are merged into the sorted list: linear after a sort,
 * whatever the line holds. */
static void comm_splits(struct report_scanner *s, const char *p, size_t len)
{
	static const char *const pats[] = { " invoked oom-killer:", " cpuset=", ": page allocation" };
	size_t have = s->nsplits;
	for (size_t k = 0; k < ARRAY_SIZE(pats); k++) {
		size_t pl = strlen(pats[k]), from = 0;
		const char *m;
		while (from < len && (m = mem_find(p + from, len - from, pats[k])) != NULL) {
			size_t at = (size_t)(m - p);
			from = at + pl;
			if (k == 1 && !mem_find(p + from, len - from < 80 ? len - from : 80, " mems_allowed="))
				continue;
			size_t b = at;
			while (b > 0 && p[b - 1] != ' ')
				b--;
			if (b == 0 || b == at)
				continue;
			/* appended unsorted after the first `have`; merged below */
			if (s->nsplits == s->splits_cap) {
				size_t cap = s->splits_cap ? s->splits_cap * 2 : 64;
				size_t *n = realloc(s->splits, cap * sizeof(*n));
				if (!n)
					return;
				s->splits = n;
				s->splits_cap = cap;
			}
			s->splits[s->nsplits++] = b;
		}
	}
	if (s->nsplits == have)
		return;
	qsort(s->splits, s->nsplits, sizeof(*s->splits), cmp_size);
	size_t w = 0;
	for (size_t r = 0; r < s->nsplits; r++)
		if (w == 0 || s->splits[r] != s->splits[w - 1])
			s->splits[w++] = s->splits[r];
	s->nsplits = w;
}

/* memcg 5.3+ stat dump glued: "… stats for /a: anon 123 file 456 …" →
 * one "key value" line each.  From dmesg the dump is one record whose
 * continuation lines are indented, so glued it reads "stats for /a:
 * [ 93.934089] anon 123        file 456 …": the record's own timestamp
 * and runs of spaces between the pairs. */
static void memcg_pair_splits(struct report_scanner *s, const char *p, size_t len, size_t start)
{
	const char *colon = mem_find(p + start, len - start, ": ");
	if (!colon)
		return;
	size_t i = (size_t)(colon - p) + 2;
	bool split_here = true;
	while (i < len && p[i] == ' ')
		i++;
	if (i < len && p[i] == '[') {
		/* the dump's own record: split at its timestamp, which then
		 * heads the first pair's line */
		const char *close = memchr(p + i, ']', len - i < 40 ? len - i : 40);
		if (!close)
			return;
		add_split(s, i);
		i = (size_t)(close - p) + 1;
		while (i < len && p[i] == ' ')
			i++;
		split_here = false;
	}
	for (;;) {
		size_t w = i;
		while (w < len && (is_lower(p[w]) || p[w] == '_'))
			w++;
		if (w == i || w >= len || p[w] != ' ')
			return;
		size_t d = tr_span_digits(p + w + 1, len - w - 1);
		if (d == 0 || (w + 1 + d < len && p[w + 1 + d] != ' '))
			return;
		if (split_here)
			add_split(s, i);
		split_here = true;
		i = w + 1 + d;
		while (i < len && p[i] == ' ')
			i++;
		if (i >= len)
			return;
	}
}

static void find_splits(struct report_scanner *s, const char *p, size_t len)
{
	bool prefix_split = false;
	s->nsplits = 0;
	/* Two glued records make a long line; a short one is one record —
	 * unless a program's output without its newline runs into a kernel
	 * record ("Creating journal (262144 blocks): [   34.739137] mkfs.ext4
	 * invoked", R141): a stamp after a blank is where the record begins. */
	if (len < 96) {
		const char *b = len > 1 ? memchr(p + 1, '[', len - 1) : NULL, *t;
		size_t tl;
		while (b) {
			size_t i = (size_t)(b - p);
			if (p[i - 1] == ' ' && tr_bracket_time(b, len - i, &t, &tl)) {
				add_split(s, i);
				return;
			}
			b = i + 1 < len ? memchr(b + 1, '[', len - i - 1) : NULL;
		}
		return;
	}
	bool mcg = HAS_LIT(p, len, "Memory cgroup stats for ");
	if (mcg)
		memcg_pair_splits(s, p, len, 0);
	for (size_t i = 1; i < len; i++) {
		char c = p[i];
		if (p[i - 1] == ')' && (c == 'O' || c == 'K') &&
		    (HAS_LIT(p + i, len - i, "Out of memory: ") || HAS_LIT(p + i, len - i, "Killed process "))) {
			/* 2.6 kill messages printed without their newlines: "Killed
			 * process 19271 (x)Out of memory: kill process …" (a comm
			 * ends at its ')') */
			if (add_split(s, i) < 0)
				return;
			continue;
		}
		if (c != '[' && p[i - 1] != ' ') {
			/* a syslog line written into the middle of another one */
			if (is_upper(c) && i + 16 < len && p[i + 3] == ' ' && p[i + 9] == ':' &&
			    glued_syslog_header(p + i, len - i)) {
				if (add_split(s, i) < 0)
					return;
				prefix_split = true;
				struct pfx y;
				tr_strip_prefix(p + i, len - i, &y);
				if (y.len > 1)
					i += y.len - 1;
			}
			continue;
		}
		if (c == ' ')
			continue;
		bool was_prefix = false;
		size_t also = 0, at = glue_point(p, len, i, &was_prefix, &also);
		if (!at)
			continue;
		if (add_split(s, at) < 0)
			return;
		if (also)
			add_split(s, also);
		if (was_prefix) {
			/* the text after a prefix starts its line: no split there */
			struct pfx y;
			prefix_split = true;
			tr_strip_prefix(p + i, len - i, &y);
			if (y.len > 1)
				i += y.len - 1;
			continue;
		}
		if (HAS_LIT(p + i, len - i, "Memory cgroup stats for "))
			memcg_pair_splits(s, p, len, i);
	}
	/* Only a clearly glued line (other starts found, no timestamps to cut
	 * at) is split before a process name: "Web Content invoked oom-killer"
	 * must stay whole. */
	if (s->nsplits > 0 && !prefix_split)
		comm_splits(s, p, len);
}

/* ---- the queue -------------------------------------------------------- */

static const char *arena_text(const struct report_scanner *s, size_t off)
{
	return s->arena.data ? s->arena.data + off : "";
}

static size_t arena_put(struct report_scanner *s, const char *p, size_t n)
{
	if (!p)
		return NO_OFF;
	size_t off = s->arena.len;
	if (buf_add(&s->arena, p, n) < 0)
		return NO_OFF;
	return off;
}

static struct item *queue_add(struct report_scanner *s)
{
	if (s->qlen == s->qcap) {
		size_t cap = s->qcap ? s->qcap * 2 : 64;
		struct item *n = realloc(s->q, cap * sizeof(*n));
		if (!n)
			return NULL;
		s->q = n;
		s->qcap = cap;
	}
	struct item *it = &s->q[s->qlen++];
	memset(it, 0, sizeof(*it));
	return it;
}

/* Bytes that end a plain run in put_text: control bytes, DEL, the escape
 * leads '\\' and '#', 0xc2 (a UTF-8 no-break space's lead) and 0xef (a
 * fullwidth comma's or colon's). */
static const bool put_text_special[256] = {
	[0 ... 0x1f] = true, ['#'] = true, ['\\'] = true, [0x7f] = true, [0xc2] = true, [0xef] = true,
};

static bool is_alpha_byte(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* Appends text to the arena with escapes decoded and control bytes made
 * harmless.  kmsg: "\xNN" escapes (ext printk format); else rsyslog "#0NN". */
static void put_text(struct report_scanner *s, const char *p, size_t n, bool kmsg)
{
	size_t i = 0;
	bool binary = false;
	while (i < n) {
		unsigned char c = (unsigned char)p[i];
		char out;
		size_t adv = 1;
		if (kmsg && c == '\\' && i + 3 < n && p[i + 1] == 'x' && is_hex(p[i + 2]) && is_hex(p[i + 3])) {
			out = (char)(hex_val(p[i + 2]) * 16 + hex_val(p[i + 3]));
			adv = 4;
		} else if (!kmsg && c == '#' && i + 3 < n && p[i + 1] == '0' && p[i + 2] >= '0' &&
			   p[i + 2] <= '3' && p[i + 3] >= '0' && p[i + 3] <= '7') {
			out = (char)((p[i + 2] - '0') * 8 + (p[i + 3] - '0'));
			adv = 4;
		} else if (c == 0x02 && i > 0 && i + 1 < n && is_alpha_byte(p[i - 1]) && is_alpha_byte(p[i + 1])) {
			/* a PDF's text layer gives the hyphen of some fonts as
			 * U+0002 ("anon\x02rss:630068kB", R2536, R2537): between
			 * two letters it is that hyphen */
			out = '-';
		} else if (c == 0xc2 && i + 1 < n && (unsigned char)p[i + 1] == 0xa0) {
			/* a no-break space (UTF-8 U+00A0) a web page or a mailer put
			 * for a blank: "Free swap\u00a0 = 774396kB" (R225) */
			out = ' ';
			adv = 2;
		} else if (c == 0xef && i + 2 < n && (unsigned char)p[i + 1] == 0xbc &&
			   ((unsigned char)p[i + 2] == 0x8c || (unsigned char)p[i + 2] == 0x9a)) {
			/* a fullwidth comma or colon (U+FF0C, U+FF1A) a Chinese
			 * page's input method put for the kernel's ", " and ":"
			 * ("total-vm:84784kB，anon-rss:49156kB", R1660) */
			if ((unsigned char)p[i + 2] == 0x8c) {
				buf_addc(&s->arena, ',');
				out = ' ';
			} else {
				out = ':';
			}
			adv = 3;
		} else {
			/* copy plain runs in one go (a table lookup a byte: every
			 * line the scanner hands on passes here) */
			size_t j = i;
			while (j < n && !put_text_special[(unsigned char)p[j]])
				j++;
			if (j > i) {
				buf_add(&s->arena, p + i, j - i);
				i = j;
				continue;
			}
			out = (char)c;
		}
		if ((unsigned char)out < 0x20 && out != '\t') {
			if (out != '\r')
				binary = true;
			out = out == '\r' ? 0 : '?';
		} else if (out == 0x7f) {
			out = '?';
			binary = true;
		}
		if (out)
			buf_addc(&s->arena, out);
		i += adv;
	}
	if (binary && !s->warned_binary) {
		s->warned_binary = true;
		add_warning(s, "binary data or control bytes in the input were replaced by '?'");
	}
}

/* Adds one logical line. */
static struct item *emit(struct report_scanner *s, const char *p, size_t n, const struct pfx *x,
			 uint64_t lineno, bool continuation, bool kmsg)
{
	/* a glued piece may end in the space before the next start */
	while (n && p[n - 1] == ' ')
		n--;
	struct item *it = queue_add(s);
	if (!it)
		return NULL;
	it->time_off = arena_put(s, x->time, x->time_len);
	it->time_len = x->time ? x->time_len : 0;
	it->host_off = arena_put(s, x->host, x->host_len);
	it->host_len = x->host ? x->host_len : 0;
	it->caller_off = arena_put(s, x->caller, x->caller_len);
	it->caller_len = x->caller ? x->caller_len : 0;
	bool mono2 = x->mono && x->time && x->mono != x->time;
	it->mono_off = mono2 ? arena_put(s, x->mono, x->mono_len) : NO_OFF;
	it->mono_len = mono2 ? x->mono_len : 0;
	it->text_off = s->arena.len;
	put_text(s, p, n, kmsg);
	it->text_len = s->arena.len - it->text_off;
	it->lineno = lineno;
	it->continuation = continuation;
	it->prefixed = x->any;
	return it;
}

/* One sub-line of a record (after escape splits): cut where glued. */
static void emit_glued(struct report_scanner *s, const char *p, size_t n, const struct pfx *x,
		       uint64_t lineno, bool continuation, bool kmsg, bool skip_first)
{
	find_splits(s, p, n);
	if (s->nsplits == 0) {
		if (!skip_first)
			emit(s, p, n, x, lineno, continuation, kmsg);
		return;
	}
	size_t nsplits = s->nsplits, prev = 0;
	struct pfx cur = *x;
	if (x->time == x->kmsg_time)
		cur.time = cur.kmsg_time;
	for (size_t k = 0; k <= nsplits; k++) {
		size_t at = k < nsplits ? s->splits[k] : n;
		if (at > n)
			at = n;
		if (at > prev) {
			const char *seg = p + prev;
			size_t sl = at - prev;
			if (prev == 0) {
				if (!skip_first)
					emit(s, seg, sl, x, lineno, continuation, kmsg);
			} else {
				/* a glued record may bring its own prefix; else it has the one before */
				struct pfx y;
				tr_strip_prefix(seg, sl, &y);
				if (y.drop) {
					prev = at;
					continue;
				}
				if (y.any) {
					cur = y;
					if (y.time == y.kmsg_time)
						cur.time = cur.kmsg_time;
				}
				size_t tl = sl - y.len;
				while (tl && seg[y.len + tl - 1] == ' ')
					tl--;
				if (tl)
					emit(s, seg + y.len, tl, &cur, lineno, false, kmsg);
			}
		}
		prev = at;
	}
}

static void remember_prefix(struct report_scanner *s, const struct pfx *x, size_t width)
{
	str_copy(s->prev_time, sizeof(s->prev_time), x->time ? x->time : "", x->time ? x->time_len : 0);
	str_copy(s->prev_host, sizeof(s->prev_host), x->host ? x->host : "", x->host ? x->host_len : 0);
	str_copy(s->prev_caller, sizeof(s->prev_caller), x->caller ? x->caller : "",
		 x->caller ? x->caller_len : 0);
	s->prev_prefixed = true;
	s->prev_kmsg = x->kmsg;
	s->prev_prefix_width = width;
}

static void prev_pfx(const struct report_scanner *s, struct pfx *x)
{
	memset(x, 0, sizeof(*x));
	if (s->prev_time[0])
		x->time = s->prev_time, x->time_len = strlen(s->prev_time);
	if (s->prev_host[0])
		x->host = s->prev_host, x->host_len = strlen(s->prev_host);
	if (s->prev_caller[0])
		x->caller = s->prev_caller, x->caller_len = strlen(s->prev_caller);
	x->any = true;
}



/* Hash of a record for the duplicate test: eight bytes a step (a byte-wise
 * FNV chain cost as much as the rest of a report line's normalising). */
static uint64_t line_hash(const char *p, size_t n)
{
	uint64_t h = 0x9e3779b97f4a7c15ull ^ n;
	size_t i = 0;
	for (; i + 8 <= n; i += 8) {
		uint64_t w;
		memcpy(&w, p + i, 8);
		h = (h ^ w) * 0xff51afd7ed558ccdull;
		h ^= h >> 32;
	}
	uint64_t t = 0;
	memcpy(&t, p + i, n - i);
	h = (h ^ t) * 0xc4ceb9fe1a85ec53ull;
	return h ^ (h >> 29);
}

/* Where a marker line's kernel text starts when a prefix nobody knows is
 * in front of it: candidates (offsets into p) from right to left. */
static int prefix_candidates(const char *p, size_t len, size_t *cand, int max)
{
	static const char *const starts[] = { "Out of memory", "Memory cgroup out of memory", "Killed process ",
					      "oom-kill:constraint=", "oom_reaper: ", "Mem-Info:", "Tasks state " };
	int n = 0;
	for (size_t i = 0; i < ARRAY_SIZE(starts) && n == 0; i++) {
		const char *m = mem_find(p, len, starts[i]);
		if (m && m > p)
			cand[n++] = (size_t)(m - p);
	}
	const char *inv = n == 0 ? mem_find(p, len, " invoked oom-killer:") : NULL;
	if (!inv && n == 0)
		inv = mem_find(p, len, ": page allocation failure");
	if (inv) {
		/* the comm before " invoked" may hold spaces: each space (or a
		 * bracketed field's ']' glued to it) is a candidate end */
		for (size_t i = (size_t)(inv - p); i > 0 && n < max; i--)
			if ((p[i - 1] == ' ' || p[i - 1] == ']') && i - 1 < (size_t)(inv - p))
				cand[n++] = i;
	}
	return n;
}

/* The paste's learned indent at the start of p (strip_paste_indent): its
 * length, 0 when p does not start with it. */
static size_t indent_match(const struct report_scanner *s, const char *p, size_t len)
{
	return s->indent_len && len > s->indent_len && memcmp(p, s->indent, s->indent_len) == 0 ? s->indent_len : 0;
}

/* Does the learned prefix start p?  Digits match any digit, as a prefix's
 * stamps and counters change from line to line ("07-13 08:41:51.341 <4>
 * [309805.658142s][pid:1361,cpu5,comm]"); a line that carries only the
 * prefix's head up to a bracketed field's ']' and a blank (a record's
 * continuation lines) matches that head.  Returns the bytes matched, 0. */
static size_t learned_match(const struct report_scanner *s, const char *p, size_t len)
{
	size_t n = s->learned_len, head = 0;
	for (size_t i = 0; i < n; i++) {
		if (i >= len)
			return 0;
		if (p[i] != s->learned[i] && !(is_digit(p[i]) && is_digit(s->learned[i]))) {
			if (head && p[i] == ' ')
				return head;
			return 0;
		}
		if (s->learned[i] == ']')
			head = i + 1;
	}
	return n;
}

/* The next few input lines after pos as the learner compares them: quote
 * and (with after) the transport prefix stripped.  Only the buffer is
 * looked at (no read: the caller's line stays valid). */
static bool next_line_body(const struct report_scanner *s, size_t *at, bool after, const char **b, size_t *bl)
{
	if (*at >= s->end)
		return false;
	const char *np = s->buf + *at;
	const char *nl = memchr(np, '\n', s->end - *at);
	if (!nl)
		return false;
	size_t nlen = (size_t)(nl - np);
	*at += nlen + 1;
	if (nlen && np[nlen - 1] == '\r')
		nlen--;
	size_t q = indent_match(s, np, nlen);
	np += q;
	nlen -= q;
	q = tr_strip_quote(np, nlen);
	np += q;
	nlen -= q;
	q = tr_strip_paste_mark(np, nlen);
	np += q;
	nlen -= q;
	if (after) {
		struct pfx y;
		tr_strip_prefix(np, nlen, &y);
		np += y.len;
		nlen -= y.len;
	}
	*b = np;
	*bl = nlen;
	return true;
}

/* A prefix no rule knows ("node17 | ", "app-log: ", a syslog host without
 * the kernel's tag): learned from a marker line when one of the next few
 * input lines starts with the same bytes (digits aside) and then with a
 * report line.  after: p follows a transport prefix already stripped. */
static void learn_prefix(struct report_scanner *s, const char *p, size_t len, bool after)
{
	size_t cand[4];
	int n = prefix_candidates(p, len, cand, 4);
	if (n == 0 || s->pos >= s->end)
		return;
	const char *ce = mem_find(p, len, " invoked oom-killer:");
	if (!ce)
		ce = mem_find(p, len, ": page allocation failure");
	size_t cend = ce ? (size_t)(ce - p) : 0;   /* where the trigger's comm ends */
	for (int i = 0; i < n; i++) {
		size_t c = cand[i];
		if (c < 2 || c > sizeof(s->learned))
			continue;
		size_t blank = 0;
		while (blank < c && is_space(p[blank]))
			blank++;
		if (blank == c)
			continue;   /* an indent is no prefix: the paste's, handled as such */
		/* kernel text is no prefix: the kill line's own message ("Memory
		 * cgroup out of memory: ", "No available memory in cpuset: ")
		 * repeats byte for byte on oom.group kills; panic()'s "Kernel
		 * panic - not syncing: " before its message, printed twice by
		 * two consoles ("<0>Kernel panic - …", R5886) */
		if (line_kind_has_marker_text(p, c) || mem_find(p, c, "memory") || mem_find(p, c, "Memory") ||
		    mem_find(p, c, "Kernel panic"))
			continue;
		size_t at = s->pos;
		const char *np;
		size_t nlen;
		for (int k = 0; k < 4 && next_line_body(s, &at, after, &np, &nlen); k++) {
			if (nlen <= c)
				continue;
			bool same = true;
			for (size_t j = 0; j < c && same; j++)
				same = np[j] == p[j] || (is_digit(np[j]) && is_digit(p[j]));
			if (!same)
				continue;
			/* "C1 CompilerThre invoked …" then "C1 CompilerThre cpuset=…":
			 * the comm repeated, not a prefix */
			if (cend > c && nlen > cend && memcmp(np + c, p + c, cend - c) == 0)
				continue;
			const char *rest = np + c;
			size_t rl = nlen - c;
			while (rl && is_space(*rest))
				rest++, rl--;
			if (line_kind_of(rest, rl) == LK_NONE && !looks_like_start(rest, rl))
				continue;
			memcpy(s->learned, p, c);
			s->learned_len = c;
			s->learned_after = after;
			return;
		}
	}
}

/* A marker line whose syslog record has a host and no tag (a relay that
 * writes "date host text": "Nov 17 06:19:30 sleepy oom-killer:
 * gfp_mask=0xd0", tr_host_tag): the report's other lines carry the same
 * host with no tag ("Nov 17 06:19:31 sleepy DMA per-cpu:", R937, R5460),
 * which no transport rule strips: "host " is learned to strip behind the
 * date, as learn_prefix learns a prefix it can check.  Only when one of
 * the next lines has it, then a report line. */
static void learn_tagless_host(struct report_scanner *s, const char *p, const struct pfx *x)
{
	if (!x->host || !x->time || x->host_len + 1 > sizeof(s->learned) || x->host + x->host_len + 1 != p + x->len ||
	    x->host[x->host_len] != ' ')
		return;
	size_t at = s->pos;
	const char *np;
	size_t nlen;
	for (int k = 0; k < 4 && next_line_body(s, &at, true, &np, &nlen); k++) {
		if (nlen <= x->host_len + 1 || memcmp(np, x->host, x->host_len + 1) != 0)
			continue;
		const char *rest = np + x->host_len + 1;
		size_t rl = nlen - x->host_len - 1;
		if (line_kind_of(rest, rl) == LK_NONE && !looks_like_start(rest, rl))
			continue;
		memcpy(s->learned, x->host, x->host_len + 1);
		s->learned_len = x->host_len + 1;
		s->learned_after = true;
		return;
	}
}

/* Where a kernel record's syslog prefix ("<4>Jun  8 11:15:43 host kernel:",
 * its priority optional) starts in the head of a line no prefix rule
 * knows: 0 for none. */
static size_t syslog_record_at(const char *p, size_t len)
{
	size_t lim = len < 64 ? len : 64;
	for (size_t i = 2; i + 16 < lim; i++) {
		size_t j = i;
		if (p[i] == '<') {
			size_t d = tr_span_digits(p + i + 1, len - i - 1);
			if (d == 0 || d > 3 || i + 1 + d >= len || p[i + 1 + d] != '>')
				continue;
			j = i + 2 + d;
		} else if (p[i - 1] != ' ' || !is_upper(p[i])) {
			continue;
		}
		size_t k = tr_mon_date(p + j, len - j);
		const char *h;
		size_t hl;
		bool kernel = false;
		if (k && j + k < len && p[j + k] == ' ' &&
		    tr_host_tag(p + j + k + 1, len - j - k - 1, &h, &hl, &kernel) > 0 && kernel)
			return i;
	}
	return 0;
}

/* A relay's fixed words before each syslog record (a netconsole
 * receiver's "Received message  <4>Jun  8 11:15:43 LEDE kernel: […]",
 * R1187): learned when the next input line starts with the same bytes
 * (digits aside) and a kernel record too, whether or not a marker is in
 * the line (a fragment of a report may hold none). */
static void learn_syslog_prefix(struct report_scanner *s, const char *p, size_t len)
{
	size_t c = syslog_record_at(p, len);
	if (c < 2 || c > sizeof(s->learned) || s->pos >= s->end)
		return;
	size_t at = s->pos;
	const char *np;
	size_t nlen;
	if (!next_line_body(s, &at, false, &np, &nlen) || nlen <= c)
		return;
	for (size_t j = 0; j < c; j++)
		if (np[j] != p[j] && !(is_digit(np[j]) && is_digit(p[j])))
			return;
	if (syslog_record_at(np, nlen) != c)
		return;
	memcpy(s->learned, p, c);
	s->learned_len = c;
	s->learned_after = false;
}

/* A boot banner at line: its boot time when its prefix has a date and the
 * kernel's stamp (walltime_boot_of_banner). */
static void note_banner(struct report_scanner *s, const struct pfx *x, uint64_t lineno)
{
	struct banner *b = &s->banners[s->nr_banners++ % SCAN_BANNERS];
	memset(b, 0, sizeof(*b));
	b->line = lineno;
	if (x->time && x->mono && x->time != x->mono) {
		int64_t boot;
		if (walltime_boot_of_banner(x->time, x->time_len, x->mono, x->mono_len, time(NULL), &boot) == 0)
			b->boot = boot;
	}
	if (x->host)
		str_copy(b->host, sizeof(b->host), x->host, x->host_len);
}

int report_scanner_boot_time(const struct report_scanner *s, const char *host, uint64_t line, int64_t *boot,
			     uint64_t *banner_line)
{
	uint64_t n = s->nr_banners, lo = n > SCAN_BANNERS ? n - SCAN_BANNERS : 0;
	for (uint64_t i = n; i > lo; i--) {
		const struct banner *b = &s->banners[(i - 1) % SCAN_BANNERS];
		if (b->line >= line)
			continue;
		if (host && host[0] && b->host[0] && strcmp(host, b->host) != 0)
			continue;   /* another machine's boot */
		if (!b->boot)
			return 0;   /* the latest boot before it has no date */
		*boot = b->boot;
		*banner_line = b->line;
		return 1;
	}
	return 0;
}

/* A raw line without its CR, its quoting and a paste frame around it:
 * moves *p past the quote, returns the length left. */
static size_t strip_raw_quote(const char **p, size_t len)
{
	if (len && (*p)[len - 1] == '\r')
		len--;
	size_t q = tr_strip_quote(*p, len);
	len = tr_strip_frame_tail(*p, len, q);
	*p += q;
	return len - q;
}

/* A mail, a forum or a Markdown code block indents a whole paste ("\t",
 * "    "), before or inside its quoting ("\t> …", "> \t…").  Learned from
 * a line whose indent is followed by a quote mark, a stamp or a marker
 * (not by more blanks: kernel text's own indent), it is then stripped byte
 * for byte from the lines after it, so kernel lines that start with blanks
 * (frames, wrapped fields) keep theirs.  A marker line at column 0 ends
 * it.  Moves *p past the indent, returns the length left. */
static size_t strip_paste_indent(struct report_scanner *s, const char **p, size_t len)
{
	const char *q = *p;
	if (!len || !is_space(q[0])) {
		if (s->indent_len && len && !is_space(q[0]) && q[0] != '>' && report_has_marker(q, len))
			s->indent_len = 0;
		return len;
	}
	size_t m = indent_match(s, q, len);
	if (m) {
		*p += m;
		return len - m;
	}
	size_t ind = 0;
	while (ind < len && ind < sizeof(s->indent) && is_space(q[ind]))
		ind++;
	if (ind >= len || ind == sizeof(s->indent) || is_space(q[ind]) || (ind == 1 && q[0] == ' '))
		return len;   /* one blank is a column's alignment, not a paste's indent */
	if (s->prev_prefixed && ind + 1 >= s->prev_prefix_width)
		return len;   /* a prefixed record's continuation, aligned to its text */
	if (q[ind] != '>' && !report_has_marker(q + ind, len - ind)) {
		/* or a transport prefix the rules know ("\t<6>[ 1.0] memory: usage …") */
		struct pfx y;
		tr_strip_prefix(q + ind, len - ind, &y);
		if (!y.any || y.drop || !y.time)
			return len;
	}
	memcpy(s->indent, q, ind);
	s->indent_len = ind;
	*p += ind;
	return len - ind;
}

/* A paste flattened to one line by a Markdown page's source (R1113): each
 * line break became "`` ``" (an inline code span closed and opened again
 * per line) and each frame address got a span of its own ("[<``c04584e9``>]
 * out_of_memory+0x72/0x1a5").  Taken so when a line holds such a break and
 * a report marker (no kernel line prints "``"); from then on every line
 * with a break is split so, as a mailer may have wrapped the long line. */
static bool tick_breaks(struct report_scanner *s, const char *p, size_t n)
{
	if (!mem_find(p, n, "`` ``"))
		return false;
	if (!s->ticks && report_has_marker(p, n))
		s->ticks = true;
	return s->ticks;
}

/* p[0, n) with every "`` ``" break (and the blanks before it) made '\n' and
 * every other "``" dropped, in b. */
static const char *tick_lines(struct buf *b, const char *p, size_t n, size_t *len)
{
	buf_clear(b);
	size_t run = 0;
	for (size_t i = 0; i + 1 < n; i++) {
		if (p[i] != '`' || p[i + 1] != '`')
			continue;
		bool brk = i + 5 <= n && p[i + 2] == ' ' && p[i + 3] == '`' && p[i + 4] == '`';
		size_t end = i;
		if (brk)
			while (end > run && p[end - 1] == ' ')
				end--;
		buf_add(b, p + run, end - run);
		if (brk)
			buf_add(b, "\n", 1);
		run = i + (brk ? 5 : 2);
		i = run - 1;
	}
	if (run < n)
		buf_add(b, p + run, n - run);
	*len = b->len;
	return b->data ? b->data : "";
}

/* A line that opens with a code span closed before words of prose
 * ("`constraint=CONSTRAINT_MEMCG` and `oom_memcg=/x/1` confirm …", R3971):
 * the span names a line's field rather than quoting the line, unless it is
 * as long as a kernel line quoted in prose (40 bytes with a number,
 * process_raw). */
static bool short_span_in_prose(const char *p, size_t len)
{
	const char *b = len > 1 ? memchr(p + 1, '`', len - 1) : NULL;
	if (!b || b + 1 >= p + len)
		return false;   /* open to the line's end, or closed at it */
	const char *r = b + 1, *end = p + len;
	while (r < end && (*r == ' ' || *r == ',' || *r == '.' || *r == ';' || *r == ':'))
		r++;
	if (r == end)
		return false;   /* only punctuation after it */
	return !(b - (p + 1) >= 40 && span_has_digit(p + 1, b));
}

/* A comment's "#" (after an indent) and the blanks after it: their length,
 * or 0 when the line is no comment. */
static size_t comment_prefix(const char *p, size_t len)
{
	size_t h = 0;   /* an indented comment ("  #   …" in a Nix file) */
	while (h < len && h < 16 && is_space(p[h]))
		h++;
	if (h >= len || p[h] != '#' || (h + 1 < len && p[h + 1] != ' ' && p[h + 1] != '\t'))
		return 0;
	size_t k = h + 1;
	while (k < len && is_space(p[k]))
		k++;
	return k;
}

/* A kernel line quoted in a shell, Nix or YAML comment ("#   Memory cgroup
 * out of memory: Killed process (x)", R3977; "#   Aug 06 21:09:20 kernel:
 * kswapd0 invoked oom-killer: …", R3972; "# Killed process 1933 …", R2054):
 * the mark and its blanks, when a stamp or a report line follows them (a
 * comment in words stays as it is), else 0.  Such a line is a record of
 * its own, never a wrapped line's rest (try_join). */
static size_t comment_mark(const char *p, size_t len)
{
	size_t k = comment_prefix(p, len);
	if (k && k < len && (tr_starts_with_time(p + k, len - k) || line_kind_of(p + k, len - k) != LK_NONE))
		return k;
	return 0;
}

/* tr_strip_prefix of bytes in the read buffer, remembered for the last
 * line asked: try_join strips the next raw line to judge a wrap, and
 * process_raw strips the same bytes again when that line comes up (a
 * twentieth of explain's instructions on the bench log went to the second
 * call).  The memo holds while buf's bytes do: fill() drops it.  Lines
 * decoded into other buffers (QP, Markdown, HTML) are never remembered. */
static void strip_prefix_buf(struct report_scanner *s, const char *p, size_t len, struct pfx *x)
{
	bool in_buf = s->buf && p >= s->buf && len <= s->end && p <= s->buf + s->end - len;
	if (in_buf && s->memo_p == p && s->memo_len == len) {
		*x = s->memo;
		/* a kmsg stamp is formatted into the struct itself */
		if (s->memo_time_own)
			x->time = x->kmsg_time;
		if (s->memo_mono_own)
			x->mono = x->kmsg_time;
		return;
	}
	tr_strip_prefix(p, len, x);
	if (in_buf) {
		s->memo = *x;
		s->memo_time_own = x->time == x->kmsg_time;
		s->memo_mono_own = x->mono == x->kmsg_time;
		s->memo_p = p;
		s->memo_len = len;
	}
}

/* Normalises one raw input line into queued logical lines. */
static void process_raw(struct report_scanner *s, const char *p, size_t len, uint64_t lineno, bool piece)
{
	if (!piece) {
		len = strip_paste_indent(s, &p, len);
		s->list_item = false;
	}
	const char *p0 = p;
	len = strip_raw_quote(&p, len);
	bool quoted = p != p0;
	if (len && (p[0] == ':' || p[0] == '|' || p[0] == '`')) {
		size_t pm = tr_strip_paste_mark(p, len);
		p += pm;
		len -= pm;
	}
	if (!piece && len > 10 && is_digit(p[0])) {
		/* logwatch's kernel section: "1 Time(s): <line>" (each distinct
		 * line once, with its count, sorted) */
		size_t d = 0;
		while (d < len && d < 8 && is_digit(p[d]))
			d++;
		if (len - d > 10 && memcmp(p + d, " Time(s): ", 10) == 0) {
			p += d + 10;
			len -= d + 10;
		}
	}
	if (!piece) {
		size_t k = comment_mark(p, len);
		p += k;
		len -= k;
	}
	if (!piece && len && is_space(p[0])) {
		/* a Markdown code block, a mail or a forum indents a whole paste:
		 * "    [ 12.3] memory: usage …", "\tAug 25 … kernel: …" */
		size_t ind = 0;
		while (ind < len && ind < 16 && is_space(p[ind]))
			ind++;
		if (ind < len && tr_starts_with_time(p + ind, len - ind)) {
			p += ind;
			len -= ind;
		}
	}
	if (!piece && len > 4 && (p[0] == '*' || p[0] == '-') && p[1] == ' ' && p[2] == '`' && p[len - 1] == '`' &&
	    (tr_starts_with_time(p + 3, len - 4) || line_kind_of(p + 3, len - 4) != LK_NONE)) {
		/* a Markdown list of kernel lines, each in backticks: "* `[ 1.2] …`" */
		p += 3;
		len -= 4;
		s->list_item = true;
	}
	/* prose (a list item, a paragraph) that is no kernel line itself */
	bool prose = !piece && len > 44 && p[0] != '|' && p[0] != '`' && memchr(p, '`', len) &&
		     !tr_starts_with_time(p, len) && line_kind_of(p, len) == LK_NONE;
	if (!piece && len > 4 && (p[0] == '|' || prose)) {
		/* a Markdown table whose cells quote kernel lines in backticks
		 * ("| 1 | `cc1 invoked oom-killer: …` | dmesg -T | …", R327), or
		 * prose that quotes one ("- Repeated OOM kill …; the kill line
		 * reads `oom-kill:constraint=…`.", R3253): the first code span
		 * that holds one is the line — in prose only a long one with a
		 * number, as a short span or one without (a pid, a size, a
		 * node) names a line ("`Killed process`", "`Memory cgroup out
		 * of memory: Killed process (uwsgi)`", R093) rather than
		 * quoting it */
		const char *c = p, *end = p + len;
		while ((c = memchr(c, '`', (size_t)(end - c))) != NULL) {
			const char *a = c + 1, *b = a < end ? memchr(a, '`', (size_t)(end - a)) : NULL;
			if (!b)
				break;
			if (b > a && (!prose || (b - a >= 40 && span_has_digit(a, b))) &&
			    (tr_starts_with_time(a, (size_t)(b - a)) || looks_like_start(a, (size_t)(b - a)) ||
			     line_kind_of(a, (size_t)(b - a)) != LK_NONE)) {
				p = a;
				len = (size_t)(b - a);
				break;
			}
			c = b + 1;
		}
	}
	if (!piece && len > 2 && p[0] == '`' && p[1] != '`' &&
	    (tr_starts_with_time(p + 1, len - 1) || looks_like_start(p + 1, len - 1)) &&
	    !short_span_in_prose(p, len)) {
		/* Markdown inline code opened on a kernel line ("`logger invoked
		 * oom-killer: …"), closed there or lines later */
		p++;
		len--;
		if (p[len - 1] == '`')
			len--;
	}
	if (!piece && len > 2 && p[0] == '"' && p[1] != '"' &&
	    (tr_starts_with_time(p + 1, len - 1) || looks_like_start(p + 1, len - 1) ||
	     line_kind_of(p + 1, len - 1) != LK_NONE ||
	     (s->str_lines && (p[len - 1] == '"' || (p[len - 1] == ',' && p[len - 2] == '"'))))) {
		/* a kernel line copied into a string, each in double quotes
		 * ("oom-kill:constraint=…", a JSON array or a shell echo, R221);
		 * after one such line, every line quoted whole so is one too,
		 * whatever it starts with (a Go test's string array: "Killed
		 * process …", stack words, R1104) */
		p++;
		len--;
		if (len && p[len - 1] == ',')
			len--;
		s->str_lines = len && p[len - 1] == '"';   /* closed: the string is whole */
		if (s->str_lines)
			len--;
	} else if (!piece && len) {
		s->str_lines = false;
	}
	size_t qlen0 = s->qlen;

	if (s->prev_kmsg && tr_is_kmsg_dict_line(p, len))
		return;  /* /dev/kmsg " SUBSYSTEM=…" dictionary lines */
	if (HAS_LIT(p, len, "-- ") && (HAS_LIT(p + 3, len - 3, "Boot ") ||
					  HAS_LIT(p + 3, len - 3, "Logs ") || HAS_LIT(p + 3, len - 3, "No entries")))
		return;  /* journalctl separators */
	bool learned = false;
	size_t lm;
	if (s->learned_len && !s->learned_after && !piece && (lm = learned_match(s, p, len)) > 0) {
		p += lm;
		len -= lm;
		learned = true;
	}

	struct pfx x;
	if (piece) {
		memset(&x, 0, sizeof(x));
	} else {
		strip_prefix_buf(s, p, len, &x);
		if (learned)
			x.any = true;
		if (x.jcursor && x.time && x.time_len < sizeof(s->jtime)) {
			/* the entry's date-and-cursor line: its date dates the
			 * MESSAGE= field under it */
			memcpy(s->jtime, x.time, x.time_len);
			s->jtime[x.time_len] = '\0';
		} else if (x.jmessage && !x.time && s->jtime[0]) {
			x.time = s->jtime;
			x.time_len = strlen(s->jtime);
		}
		if (x.any && x.time && !x.drop) {
			/* the same dated record twice in a row (two syslog rules
			 * writing one file, a relay that repeats): kept once */
			uint64_t h = line_hash(p, len);
			long long g24;
			/* except 2.4's one-line failures: a storm of them fills a
			 * second with the same record, each a failure (no
			 * ratelimit on that printk, R2321) */
			if (s->dup_end_abs == s->cur_raw_abs && s->dup_len == len && s->dup_hash == h &&
			    line_kind_alloc24_failure(p, len, &g24) < 0) {
				s->dup_end_abs = s->cur_raw_end_abs;
				return;
			}
			s->dup_hash = h;
			s->dup_len = len;
			s->dup_end_abs = s->cur_raw_end_abs;
		}
		/* the relay's words first: the marker's learner would take the
		 * record's own prefix with them, its time and host lost */
		if (!s->learned_len && !x.any)
			learn_syslog_prefix(s, p, len);
		if (!s->learned_len && !x.drop && report_has_marker(p + x.len, len - x.len)) {
			learn_tagless_host(s, p, &x);
			if (!s->learned_len)
				learn_prefix(s, p + x.len, len - x.len, x.any);
		}
		if (s->learned_len && !s->learned_after && !learned && (lm = learned_match(s, p, len)) > 0) {
			/* the line it was learned from */
			p += lm;
			len -= lm;
			tr_strip_prefix(p, len, &x);
			x.any = true;
		} else if (s->learned_len && s->learned_after && x.any && !x.drop &&
			   (lm = learned_match(s, p + x.len, len - x.len)) > 0) {
			/* behind a transport prefix: "Sep 13 15:31:25 host " with no tag */
			x.len += lm;
		}
		if (x.drop) {
			/* another program's line — unless a kernel line was written
			 * into it (two writers, one lost newline) */
			if (len >= 96 && mem_find(p + 16, len - 16, " kernel: "))
				emit_glued(s, p, len, &x, lineno, false, false, true);
			return;
		}
	}
	if (!x.any && !piece && s->prev_prefixed && len && is_space(p[0])) {
		/* util-linux dmesg / journal: a record's further lines are indented
		 * to the message column and carry no prefix */
		size_t ind = 0;
		while (ind < len && is_space(p[ind]))
			ind++;
		if (ind + 1 >= s->prev_prefix_width) {
			size_t cut = s->prev_prefix_width <= ind ? s->prev_prefix_width : ind;
			struct pfx y;
			prev_pfx(s, &y);
			struct item *it = emit(s, p + cut, len - cut, &y, lineno, true, false);
			if (it) {
				it->last_of_raw = true;
				it->phys_len = len;
			}
			return;
		}
	}
	if (x.any)
		remember_prefix(s, &x, x.len);

	const char *body = p + x.len;
	size_t blen = len - x.len;
	bool truncated = tr_cut_pager_mark(body, &blen);
	bool banner = !piece && (HAS_LIT(body, blen, "Linux version ") || HAS_LIT(body, blen, "Command line: "));
	if (banner)
		note_banner(s, &x, lineno);

	/* Records with embedded newlines: kmsg "\x0a", rsyslog "#012", a
	 * Markdown page's "`` ``" (tick_breaks). */
	const char *esc = x.kmsg ? "\\x0a" : "#012";
	size_t esc_len = 4;
	if (!x.kmsg && blen > 4 && memchr(body, '`', blen) && tick_breaks(s, body, blen)) {
		body = tick_lines(&s->tick_line, body, blen, &blen);
		esc = "\n";
		esc_len = 1;
	}
	size_t start = 0;
	bool cont = false;
	for (;;) {
		const char *m = blen > start ? mem_find(body + start, blen - start, esc) : NULL;
		size_t end = m ? (size_t)(m - body) : blen;
		if (end > start || !m)
			emit_glued(s, body + start, end - start, &x, lineno, cont, x.kmsg, false);
		if (!m)
			break;
		start = end + esc_len;
		cont = true;
	}
	if (s->qlen > qlen0) {
		struct item *last = &s->q[s->qlen - 1];
		last->last_of_raw = true;
		last->phys_len = len;
		last->quoted = quoted;
		last->truncated = truncated;
		s->q[qlen0].boot_banner = banner;
	}
}

/* ---- raw input -------------------------------------------------------- */

/* Opening takes an input that fits the buffer (a paste, a ticket's
 * attachment: a regular file or text in memory, not a pipe, which might be
 * a live stream) whole, to ask whether its lines run newest first
 * (journalctl -r, a log viewer's order) and turn them back, as every rule
 * after it reads a report top down.  Otherwise, or on a read error, the
 * usual reads go on (and meet the error again). */
static void fill_small_whole(struct report_scanner *s)
{
	if (s->base_abs || s->pos || s->dec.tool)
		return;
	if (s->mem) {
		size_t n = s->mem_len - s->mem_off;
		if (n == 0 || n >= s->cap - s->end)
			return;
		memcpy(s->buf + s->end, s->mem + s->mem_off, n);
		s->mem_off += n;
		s->end += n;
		s->bytes += n;
	} else {
		struct stat st;
		if (s->fd < 0 || fstat(s->fd, &st) < 0 || !S_ISREG(st.st_mode) ||
		    (uint64_t)st.st_size >= s->cap - 1)
			return;
		for (;;) {
			if (s->end == s->cap)
				return;   /* it grew: read on as usual */
			ssize_t n = read(s->fd, s->buf + s->end, s->cap - s->end);
			if (n < 0 && errno == EINTR)
				continue;
			if (n < 0)
				return;   /* the usual reads meet the error again and report it */
			if (n == 0)
				break;
			s->end += (size_t)n;
			s->bytes += (uint64_t)n;
		}
	}
	/* eof is left for the next read to find (0 bytes), as a read of a
	 * larger input finds it: the prefilter's end-of-input steps assume
	 * they come after a read */
	if (order_newest_first(s->buf, s->end) && order_reverse_lines(s->buf, &s->end, s->cap))
		add_warning(s, "the lines run newest first (journalctl -r or a log viewer's order): read "
			       "oldest first, so line numbers count from the end");
}

/* The view ends where the file ended when it was mapped.  A file that grew
 * since (a live log) is read on with read() from there: the view's bytes
 * still wanted move to the buffer, and the file offset to the view's end. */
static int view_leave(struct report_scanner *s)
{
	char *b = realloc(s->own, s->cap);
	if (!b)
		return -ENOMEM;
	off_t at = (off_t)(s->view.file_off + s->base_abs + s->end);
	if (lseek(s->fd, at, SEEK_SET) != at) {
		s->own = b;
		return -errno;
	}
	memcpy(b, s->buf, s->end);
	view_close(&s->view);
	s->in_view = false;
	s->buf = b;
	s->own = NULL;
	return 0;
}

/* fill() on a view: 1, 0 at end, 2 when the rest is to be read() (the
 * file grew), -errno. */
static int fill_view(struct report_scanner *s, size_t keep, bool window)
{
	if (keep > 0) {
		s->end -= keep;
		s->pos -= keep;
		s->base_abs += keep;
		s->buf = (char *)s->view.data + s->base_abs;
		view_done(&s->view, s->base_abs);
	}
	/* a read after a long run of report lines has room for a whole read */
	if (window && s->cap - s->end < SCAN_CHUNK)
		s->cap = s->end + SCAN_CHUNK + SCAN_MAX_LINE + 1;
	if (s->cap - s->end < SCAN_CHUNK / 2 && s->cap - s->end < SCAN_MAX_LINE)
		return 1;  /* full: caller cuts a piece */
	struct stat st;
	if (view_cut(&s->view) && !s->view_cut_seen) {
		/* it shrank: its new end is the input's end */
		s->view_cut_seen = true;
		uint64_t now = fstat(s->fd, &st) == 0 && (uint64_t)st.st_size > s->view.file_off
				       ? (uint64_t)st.st_size - s->view.file_off : 0;
		if (now < s->view.len)
			s->view.len = now > s->base_abs + s->end ? now : s->base_abs + s->end;
		char msg[400];
		snprintf(msg, sizeof(msg), "%.200s: the file shrank while it was read (truncated or rewritten): "
			 "read up to its new end", s->name);
		add_warning(s, msg);
	}
	uint64_t at = s->base_abs + s->end;
	uint64_t avail = s->view.len > at ? s->view.len - at : 0;
	size_t n = s->cap - s->end;
	if (n > avail)
		n = (size_t)avail;
	if (n == 0) {
		if (s->view.map && !s->view_cut_seen && fstat(s->fd, &st) == 0 &&
		    (uint64_t)st.st_size > s->view.file_off + s->view.len) {
			int rc = view_leave(s);
			if (rc < 0) {
				/* as a failed read() says it (fill) */
				snprintf(s->error, sizeof(s->error), "%s: read error: %s (reading on where the file grew)",
					 s->name, strerror(-rc));
				s->read_error = true;
				return rc;
			}
			return 2;
		}
		s->eof = true;
		return 0;
	}
	s->end += n;
	s->bytes += n;
	return 1;
}

static int fill(struct report_scanner *s, uint64_t keep_abs)
{
	s->memo_p = NULL;   /* buf's bytes move (strip_prefix_buf) */
	if (s->eof)
		return 0;
	size_t keep = s->pos;
	bool window = false;
	if (keep_abs != UINT64_MAX && keep_abs >= s->base_abs && keep_abs - s->base_abs < keep &&
	    s->pos - (keep_abs - s->base_abs) <= SCAN_BACKFILL_MAX + SCAN_MAX_LINE) {
		keep = (size_t)(keep_abs - s->base_abs);
		window = true;
	}
	if (s->in_view) {
		int rc = fill_view(s, keep, window);
		if (rc != 2)
			return rc;
		keep = 0;   /* left the view: read on from where it ended */
	}
	if (keep > 0) {
		memmove(s->buf, s->buf + keep, s->end - keep);
		s->end -= keep;
		s->pos -= keep;
		s->base_abs += keep;
	}
	if (window && s->cap - s->end < SCAN_CHUNK) {
		/* a long run of report lines is kept for a back-fill: room for a
		 * whole read after it (at most SCAN_BACKFILL_MAX more than usual) */
		size_t cap = s->end + SCAN_CHUNK + SCAN_MAX_LINE + 1;
		char *n = realloc(s->buf, cap);
		if (n) {
			s->buf = n;
			s->cap = cap;
		}
	}
	if (s->cap - s->end < SCAN_CHUNK / 2 && s->cap - s->end < SCAN_MAX_LINE)
		return 1;  /* full: caller cuts a piece */
	if (s->mem) {
		/* in-memory text: copied chunk by chunk like a read() */
		size_t n = s->mem_len - s->mem_off, room = s->cap - s->end;
		if (n > room)
			n = room;
		if (n == 0) {
			s->eof = true;
			return 0;
		}
		memcpy(s->buf + s->end, s->mem + s->mem_off, n);
		s->mem_off += n;
		s->end += n;
		s->bytes += n;
		return 1;
	}
	for (;;) {
		ssize_t n = read(s->fd, s->buf + s->end, s->cap - s->end);
		if (n < 0) {
			if (errno == EINTR)
				continue;
			int e = errno;
			snprintf(s->error, sizeof(s->error), "%s: read error: %s", s->name, strerror(e));
			s->read_error = true;
			return -e;
		}
		if (n == 0) {
			s->eof = true;
			return 0;
		}
		s->end += (size_t)n;
		s->bytes += (uint64_t)n;
		return 1;
	}
}

struct raw {
	size_t off, len;     /* in buf */
	size_t consume;      /* bytes to advance pos */
	bool newline, piece_next;
};

/* The next raw line at pos, without consuming it.  1, 0 at end, -errno. */
static int raw_peek(struct report_scanner *s, struct raw *r, uint64_t keep_abs)
{
	for (;;) {
		size_t avail = s->end - s->pos;
		size_t look = avail < SCAN_MAX_LINE + 1 ? avail : SCAN_MAX_LINE + 1;
		const char *nl = memchr(s->buf + s->pos, '\n', look);
		if (nl) {
			r->off = s->pos;
			r->len = (size_t)(nl - (s->buf + s->pos));
			r->consume = r->len + 1;
			r->newline = true;
			r->piece_next = false;
			return 1;
		}
		if (avail > SCAN_MAX_LINE || (s->eof && avail > 0)) {
			r->off = s->pos;
			r->newline = false;
			if (avail > SCAN_MAX_LINE) {
				/* cut an over-long line at a space; the rest is a new piece */
				size_t cut = SCAN_MAX_LINE;
				while (cut > SCAN_MAX_LINE / 2 && s->buf[s->pos + cut - 1] != ' ')
					cut--;
				if (cut <= SCAN_MAX_LINE / 2)
					cut = SCAN_MAX_LINE;
				r->len = r->consume = cut;
				r->piece_next = true;
				if (!s->warned_long) {
					s->warned_long = true;
					add_warning(s, "lines longer than 64 KiB were cut into pieces");
				}
			} else {
				r->len = r->consume = avail;
				r->piece_next = false;
			}
			return 1;
		}
		if (s->eof)
			return 0;
		int rc = fill(s, keep_abs);
		if (rc < 0)
			return rc;
	}
}

static void raw_consume(struct report_scanner *s, const struct raw *r)
{
	s->pos += r->consume;
	if (r->newline || !r->piece_next)
		s->lines_before_pos++;
}

/* ---- the idle prefilter ----------------------------------------------- */

/* The oldest byte still in the buffer that the prefilter skipped and that
 * was not handed on yet: the floor of a back-fill window. */
static size_t skipped_floor(const struct report_scanner *s)
{
	size_t lowest = s->pos;
	if (s->backup_abs != UINT64_MAX && s->backup_abs >= s->base_abs && s->backup_abs < s->base_abs + s->pos)
		lowest = (size_t)(s->backup_abs - s->base_abs);
	if (s->processed_abs > s->base_abs + lowest && s->processed_abs <= s->base_abs + s->pos)
		lowest = (size_t)(s->processed_abs - s->base_abs);
	return lowest;
}

/* Start of the back-fill window before upto: the first line start at or
 * after upto − SCAN_BACKFILL, never below floor; upto when none. */
static size_t window_start(const struct report_scanner *s, size_t floor, size_t upto)
{
	size_t w = upto - floor > SCAN_BACKFILL ? upto - SCAN_BACKFILL : floor;
	if (w > floor && s->buf[w - 1] != '\n') {
		const char *n = memchr(s->buf + w, '\n', upto - w);
		w = n ? (size_t)(n - s->buf) + 1 : upto;
	}
	return w;
}

/* tr_strip_prefix on a raw line that a paste indented as a whole (" Apr  8
 * 12:10:20 host kernel: [...] …", R551): the blanks are skipped when a
 * stamp or syslog prefix follows them, so kernel text's own indent (frames,
 * wrapped fields) is kept.  Moves *p past the indent it skipped. */
static void strip_prefix_indented(const char **p, size_t *len, struct pfx *x)
{
	size_t b = 0;
	while (b < *len && b < 8 && ((*p)[b] == ' ' || (*p)[b] == '\t'))
		b++;
	if (b && b < *len && (*p)[b] != ' ' && (*p)[b] != '\t') {
		tr_strip_prefix(*p + b, *len - b, x);
		if (x->any || x->drop) {
			*p += b;
			*len -= b;
			return;
		}
	}
	tr_strip_prefix(*p, *len, x);
}

/* Is the raw line [p, p+len) a line of a report body (any kind the table
 * knows), another program's syslog line (*other), or neither? */
static bool report_body_line(const char *p, size_t len, bool *other)
{
	*other = false;
	if (len && p[len - 1] == '\r')
		len--;
	size_t q = tr_strip_quote(p, len);
	p += q;
	len -= q;
	q = tr_strip_paste_mark(p, len);
	p += q;
	len -= q;
	struct pfx x;
	strip_prefix_indented(&p, &len, &x);
	if (x.drop) {
		*other = true;
		return false;
	}
	return line_kind_of(p + x.len, len - x.len) != LK_NONE;
}

/* Is the raw line [p, p+len) one of show_mem's totals ("N pages RAM",
 * "Free swap = …"), the last lines of a report's memory part? */
static bool ends_show_mem(const char *p, size_t len)
{
	len = strip_raw_quote(&p, len);
	struct pfx x;
	strip_prefix_indented(&p, &len, &x);
	return !x.drop && line_kind_of(p + x.len, len - x.len) == LK_TOTALS;
}

/* Does the raw line hold no text past its quoting and log prefix? */
static bool blank_line(const char *p, size_t len)
{
	if (len && p[len - 1] == '\r')
		len--;
	len = strip_raw_quote(&p, len);
	struct pfx x;
	strip_prefix_indented(&p, &len, &x);
	size_t t = x.len;
	/* quote marks alone are a blank line too, whatever indents them */
	while (t < len && (is_space(p[t]) || p[t] == '>'))
		t++;
	return t == len;
}

/* Does one of the few raw lines before the line at `line` (not below
 * lowest) end show_mem?  A report's tail may be followed by a few lines
 * of other sources before the next header: a driver's message, warn_alloc's
 * "callbacks suppressed", a vendor kernel's extra show_mem line, a daemon's
 * "Under memory pressure" lines in dmesg (R556, R582, R713).  Lines already
 * handed on lie below lowest, so a report read whole is never read again.
 * Looked at only when a report's own first line is found. */
#define SHOW_MEM_LOOKBACK 8
static bool show_mem_ends_before(const struct report_scanner *s, size_t lowest, size_t line)
{
	size_t at = line;
	bool blank = false;
	for (int i = 0; i < SHOW_MEM_LOOKBACK && at > lowest; i++) {
		const char *ps = at - 1 > lowest ? memrchr(s->buf + lowest, '\n', at - 1 - lowest) : NULL;
		size_t st = ps ? (size_t)(ps - s->buf) + 1 : lowest;
		if (ends_show_mem(s->buf + st, at - 1 - st))
			return true;
		blank |= blank_line(s->buf + st, at - 1 - st);
		if (i >= 2 && blank)
			/* past the first few, not across a blank line: there a
			 * paste changes subject (an excerpt quoted before its
			 * full report, prose between, R001) */
			return false;
		at = st;
	}
	return false;
}

/* Start of the run of report lines that ends at upto (a line start), not
 * below floor nor more than SCAN_BACKFILL_MAX before upto; upto when the
 * line before upto is none.  A run found at an earlier read is remembered
 * (run_abs, run_end_abs), so a long one is walked once. */
static size_t run_start(struct report_scanner *s, size_t floor, size_t upto)
{
	size_t start = upto, at = upto;
	int gap = 0;
	while (at > floor && upto - at < SCAN_BACKFILL_MAX) {
		if (s->run_end_abs && s->base_abs + at == s->run_end_abs && s->run_abs >= s->base_abs + floor) {
			start = (size_t)(s->run_abs - s->base_abs);   /* the rest is known */
			break;
		}
		const char *e = s->buf + at - 1;   /* the '\n' ending the line before */
		const char *ls = at - 1 > floor ? memrchr(s->buf + floor, '\n', (size_t)(e - (s->buf + floor))) : NULL;
		size_t line = ls ? (size_t)(ls - s->buf) + 1 : floor;
		bool other;
		if (report_body_line(s->buf + line, at - 1 - line, &other)) {
			start = line;
			gap = 0;
		} else if (!other || ++gap > (start == upto ? 4 : SCAN_RUN_GAP)) {
			/* before any report line only a few others' lines are
			 * looked at: ordinary text costs a handful per read */
			break;
		}
		at = line;
	}
	if (upto - start > SCAN_BACKFILL_MAX) {
		/* capped: from the first line start inside the cap */
		const char *n = memchr(s->buf + upto - SCAN_BACKFILL_MAX, '\n', SCAN_BACKFILL_MAX);
		start = n ? (size_t)(n - s->buf) + 1 : upto;
	}
	if (start < upto) {
		s->run_abs = s->base_abs + start;
		s->run_end_abs = s->base_abs + upto;
	}
	return start;
}

/* A line that holds nothing past its prefix ("[35948.127419]" alone; a
 * paste's indent or quote marks before it). */
static bool blank_record(const char *p, size_t n)
{
	if (n && p[n - 1] == '\r')
		n--;
	size_t q = 0;
	while (q < n && is_space(p[q]))
		q++;
	q += tr_strip_quote(p + q, n - q);
	p += q;
	n -= q;
	struct pfx x;
	tr_strip_prefix(p, n, &x);
	for (size_t i = x.len; i < n; i++)
		if (!is_space(p[i]))
			return false;
	return true;
}

/* The back-fill window before upto: the 32 KiB window, or the run of report
 * lines ending at upto when that reaches further back. */
static size_t backfill_start(struct report_scanner *s, size_t floor, size_t upto)
{
	size_t w = window_start(s, floor, upto);
	size_t r = run_start(s, floor, upto);
	return r < w ? r : w;
}

/* The start of a `free` table's "Swap:" row among the few lines above
 * upto (FREE_LOOK_BACK bytes, never below floor); upto when there is none.
 * One memmem per trigger line: what it costs the idle scan is nothing. */
#define FREE_LOOK_BACK 1024u
static size_t free_swap_before(const struct report_scanner *s, size_t floor, size_t upto)
{
	size_t from = upto - floor > FREE_LOOK_BACK ? upto - FREE_LOOK_BACK : floor;
	const char *w = s->buf + from, *hit = NULL, *q;
	size_t n = upto - from;
	while ((q = memmem(w, n - (size_t)(w - (s->buf + from)), "Swap:", 5)) != NULL) {
		hit = q;
		w = q + 5;
	}
	if (!hit)
		return upto;
	const char *ls = hit > s->buf + from ? memrchr(s->buf + from, '\n', (size_t)(hit - (s->buf + from))) : NULL;
	size_t line = ls ? (size_t)(ls - s->buf) + 1 : from;
	if (line == from && from > floor && s->buf[from - 1] != '\n')
		return upto;   /* its line starts before the window */
	const char *nl = memchr(s->buf + line, '\n', upto - line);
	size_t end = nl ? (size_t)(nl - s->buf) : upto;
	return report_free_swap_line(s->buf + line, end - line) ? line : upto;
}

/* Moves pos to the start of the next line that may hold a marker (or, to
 * repair a wrap, the line before it).  Returns 1, 0 at end, -errno. */
static int skip_to_candidate(struct report_scanner *s)
{
	/* inside a back-fill window: its lines come first, up to the marker
	 * line that opened it (no search: it would find that marker again) */
	if (s->backfill_until_abs > s->base_abs + s->pos)
		return 1;
	size_t scan = s->pos;
	for (;;) {
		size_t m = s->end, k, defer = s->end;
		uint64_t nls = 0;   /* newlines in [pos, scan), counted by the search itself */
		while (scan < s->end) {
			size_t at = scan + needle_find_nl(s->buf + scan, s->end - scan, &k, &nls);
			if (at >= s->end)
				break;
			if (needle_hit_ok(s->buf, s->end, at, k)) {
				/* A hit so near the end of what was read that its check
				 * could not see what follows (needle_hit_ok says yes when
				 * unsure) is judged again after the next read: a line of
				 * another program ending in "Killed" at a read's edge
				 * would otherwise open a back-fill window for nothing. */
				if (!s->eof && s->end - at < SCAN_UNSURE) {
					const char *ls = at > s->pos ? memrchr(s->buf + s->pos, '\n', at - s->pos) : NULL;
					if (ls) {
						defer = (size_t)(ls - s->buf) + 1;
						break;
					}
				}
				m = at;
				break;
			}
			scan = at + 1;
		}
		if (m < s->end) {
			const char *ls = m > s->pos ? memrchr(s->buf + s->pos, '\n', m - s->pos) : NULL;
			size_t line = ls ? (size_t)(ls - s->buf) + 1 : s->pos;
			size_t lowest = skipped_floor(s);
			const char *nl = memchr(s->buf + line, '\n', s->end - line);
			size_t line_end = nl ? (size_t)(nl - s->buf) : s->end;
			size_t start;
			bool boot = k >= NEEDLE_BOOT_FIRST;
			if (!boot)
				s->any_hit = true;
			if (boot) {
				/* a boot banner: that line alone (no report, no back-fill) */
				start = line;
			} else if (line_kind_is_trigger_text(s->buf + line, line_end - line)) {
				/* a report's own start: begin at the line before it, which
				 * may be the head of a marker line a mail client wrapped */
				start = line;
				if (line > lowest) {
					const char *ps = memrchr(s->buf + lowest, '\n', line - 1 - lowest);
					start = ps ? (size_t)(ps - s->buf) + 1 : lowest;
					if (start > lowest && blank_record(s->buf + start, line - 1 - start)) {
						/* a blank record, and a trace above it that the
						 * machine printed before its header (2.6.15, R1227):
						 * that line may say the arch (back-fill passes it
						 * only so) */
						const char *pp = memrchr(s->buf + lowest, '\n', start - 1 - lowest);
						start = pp ? (size_t)(pp - s->buf) + 1 : lowest;
						s->backfill_until_abs = s->base_abs + line;
					}
					size_t fs = free_swap_before(s, lowest, start);
					if (fs < start) {
						/* a `free` pasted just above the report:
						 * its Swap row comes with it */
						start = fs;
						s->backfill_until_abs = s->base_abs + line;
					}
					if (show_mem_ends_before(s, lowest, line)) {
						/* show_mem's totals right before it: the tail
						 * of an earlier report cut at its head */
						start = backfill_start(s, lowest, line);
						s->backfill_until_abs = s->base_abs + line;
					}
				}
			} else {
				/* any other marker may be the first line left of a report
				 * whose head is cut: back-fill from a window before it */
				start = backfill_start(s, lowest, line);
				s->backfill_until_abs = s->base_abs + line;
			}
			/* lines before start: those before m (nls; a needle's first
			 * byte is no newline, so skipping a rejected hit kept the
			 * count) less those between start and m */
			s->lines_before_pos += nls;
			s->lines_before_pos -= needle_count_newlines(s->buf + start, m - start);
			if (start != s->pos)
				s->piece_pending = false;
			s->pos = start;
			s->backup_abs = UINT64_MAX;
			return 1;
		}
		/* no marker in the buffer: skip its complete lines, keep the last one
		 * for a possible wrap repair, and read on (keep from the line of a
		 * hit to be judged again: no newline between it and that hit, so
		 * nls counts the lines skipped either way) */
		const char *ls = defer < s->end ? s->buf + defer - 1
				 : s->end > s->pos ? memrchr(s->buf + s->pos, '\n', s->end - s->pos) : NULL;
		if (ls) {
			size_t upto = (size_t)(ls - s->buf) + 1;
			/* keep a back-fill window of the skipped lines (never lines
			 * already handed on), starting at a line start */
			size_t win = backfill_start(s, skipped_floor(s), upto);
			if (win >= upto) {
				/* one long line: keep just the last line, for a wrap repair */
				const char *ps = upto - 1 > s->pos ? memrchr(s->buf + s->pos, '\n', upto - 1 - s->pos) : NULL;
				win = ps ? (size_t)(ps - s->buf) + 1 : s->pos;
			}
			s->lines_before_pos += nls;   /* [upto, end) holds no newline */
			s->backup_abs = s->base_abs + win;
			s->pos = upto;
			s->piece_pending = false;
		} else if (s->end - s->pos > SCAN_MAX_LINE) {
			/* an endless line with no marker: drop all but its tail */
			s->pos = s->end - NEEDLE_SPAN;
			s->backup_abs = UINT64_MAX;
			s->piece_pending = true;
		}
		if (s->eof) {
			if (!s->any_hit && s->base_abs == 0 && s->end > 0) {
				/* No marker in the whole input, and all of it is still in
				 * the buffer (a paste): hand its lines over as back-fill,
				 * so a paste of only show_mem lines is not lost. */
				s->any_hit = true;
				s->pos = 0;
				s->lines_before_pos = 0;
				s->piece_pending = false;
				s->backfill_until_abs = s->end;
				s->backup_abs = UINT64_MAX;
				return 1;
			}
			if (s->any_hit && !s->eof_tail_done) {
				/* The input ends in a run of report lines after the
				 * last marker (a grep that kept another report's task
				 * rows, R515): no marker follows to back-fill them, so
				 * they are handed over here, once, like a back-fill. */
				s->eof_tail_done = true;
				size_t upto = s->pos, start = run_start(s, skipped_floor(s), upto);
				if (start < upto) {
					s->lines_before_pos -= needle_count_newlines(s->buf + start, upto - start);
					s->pos = start;
					s->backfill_until_abs = s->base_abs + upto;
					s->backup_abs = UINT64_MAX;
					s->piece_pending = false;
					return 1;
				}
			}
			if (s->pos < s->end) {
				s->lines_before_pos++;
				s->pos = s->end;
			}
			return 0;
		}
		int rc = fill(s, s->backup_abs);
		if (rc < 0)
			return rc;
		/* the partial line kept at pos is searched again whole: lines are short */
		scan = s->pos;
	}
}

/* ---- quoted-printable mail bodies (RFC 2045 §6.7) ---------------------- */

/* A raw line ending in '=' is a QP soft break only in a QP body; base64
 * padding and kernel text ("mask=") end in '=' too.  So the text must show
 * it is QP: an encoded '=' ("=3D"), an encoded trailing blank ("=20" at a
 * line end) or three soft breaks at the encoder's 76 characters within
 * 16 KiB around.  Looked at when a line ends in '=' (not
 * per line), at most 64 times per input; once seen, the input is QP. */
#define QP_WINDOW (16u << 10)
static void qp_detect(struct report_scanner *s, size_t at)
{
	if (s->qp || s->qp_checks >= 64)
		return;
	s->qp_checks++;
	size_t lo = at > QP_WINDOW ? at - QP_WINDOW : 0;
	size_t hi = s->end - at > QP_WINDOW ? at + QP_WINDOW : s->end;
	const char *w = s->buf + lo;
	size_t n = hi - lo;
	if (memmem(w, n, "=3D", 3) || memmem(w, n, "=20\n", 4) || memmem(w, n, "=20\r\n", 5)) {
		s->qp = true;
		return;
	}
	/* or the encoder's own line length: a soft break ends an encoded line
	 * of 76 characters, '=' included (RFC 2045 §6.7 rule 5), and an
	 * excerpt may hold no encoded byte at all (R6728: a task table whose
	 * every row broke at 76).  Three such lines: a wrap of a mailer or a
	 * terminal ends at 72 or 80, or at a blank ("… 0*1024kB =", R5809) */
	int at76 = 0;
	for (const char *q = w, *end = w + n; q < end && at76 < 3;) {
		const char *nl = memchr(q, '\n', (size_t)(end - q));
		if (!nl)
			break;
		size_t l = (size_t)(nl - q);
		if (l && q[l - 1] == '\r')
			l--;
		if (l == 76 && q[75] == '=' && q[74] != '=')
			at76++;
		q = nl + 1;
	}
	if (at76 >= 3)
		s->qp = true;
}

/* Appends p[0,n) to b with "=XX" escapes decoded (upper-case hex, as QP
 * writes them; anything else is kept as it is). */
static void qp_decode_append(struct buf *b, const char *p, size_t n)
{
	size_t i = 0, run = 0;
	while (i < n) {
		if (p[i] == '=' && i + 2 < n && is_hex(p[i + 1]) && is_hex(p[i + 2]) && !is_lower(p[i + 1]) &&
		    !is_lower(p[i + 2])) {
			buf_add(b, p + run, i - run);
			char c = (char)(hex_val(p[i + 1]) * 16 + hex_val(p[i + 2]));
			/* a Latin-1 body's no-break space ("Free swap =A0=3D
			 * 995636kB", R943) is a blank; "=C2=A0" (UTF-8) is
			 * left to put_text, which reads it so */
			if ((unsigned char)c == 0xa0 && !(b->len && (unsigned char)b->data[b->len - 1] == 0xc2))
				c = ' ';
			buf_addc(b, c);
			i += 3;
			run = i;
			continue;
		}
		i++;
	}
	buf_add(b, p + run, n - run);
}

/* In a QP body: the raw line r decoded, with its soft-broken continuations
 * (consumed here) joined on.  A continuation that repeats the first line's
 * "> " quoting (quoted after encoding) loses it.  Returns the text in
 * s->qp_line; *len its length. */
static const char *qp_join(struct report_scanner *s, const struct raw *r0, size_t *len)
{
	struct buf *b = &s->qp_line;
	buf_clear(b);
	const char *p = "=";
	size_t n = 1;   /* r0 NULL: only the continuations of a line taken already */
	if (r0) {
		p = s->buf + r0->off;
		n = r0->len;
	}
	size_t quote = tr_strip_quote(p, n);
	char qbuf[16];
	size_t ql = quote < sizeof(qbuf) ? quote : 0;
	memcpy(qbuf, p, ql);
	for (int k = 0;; k++) {
		if (n && p[n - 1] == '\r')
			n--;
		bool soft = n && p[n - 1] == '=';
		qp_decode_append(b, p, soft ? n - 1 : n);
		/* "…=0A=": the line's own newline encoded, then a soft break
		 * (a body whose every line is so, R451): the line ends there */
		if (soft && b->len && b->data[b->len - 1] == '\n') {
			b->len--;
			if (b->len && b->data[b->len - 1] == '\r')
				b->len--;
			b->data[b->len] = '\0';
			break;
		}
		if (!soft || k >= SCAN_MAX_JOIN || b->len >= SCAN_MAX_LINE)
			break;
		struct raw r;
		if (raw_peek(s, &r, UINT64_MAX) <= 0 || !r.newline)
			break;
		s->processed_abs = s->base_abs + r.off + r.consume;
		raw_consume(s, &r);
		p = s->buf + r.off;
		n = r.len;
		if (ql && n >= ql && memcmp(p, qbuf, ql) == 0)
			p += ql, n -= ql;
	}
	*len = b->len;
	return b->data;
}

/* ---- Markdown backslash escapes (CommonMark 0.31 §2.4) ------------------ */

/* A paste converted to Markdown (a PDF or a web page run through a
 * converter, R137) escapes every punctuation mark: "\[ 5.168012\] oom
 * invoked oom-killer: gfp_mask=0x140dca(GFP_HIGHUSER_MOVABLE\|\_\_GFP_COMP".
 * Taken as such when a line starts with an escaped stamp "\[ 5.168012\]";
 * from then on every line has the escapes undone. */
static bool md_detect(const char *p, size_t n)
{
	size_t i = tr_strip_quote(p, n);
	while (i < n && i < 16 && is_space(p[i]))
		i++;
	if (n - i < 6 || p[i] != '\\' || p[i + 1] != '[')
		return false;
	size_t look = n - i - 2 < 40 ? n - i - 2 : 40;
	const char *in = p + i + 2, *c = memmem(in, look, "\\]", 2);
	if (!c || c == in)
		return false;
	bool digit = false;
	for (const char *q = in; q < c; q++) {
		if (!is_digit(*q) && *q != ' ' && *q != '.' && *q != '+')
			return false;
		digit |= is_digit(*q);
	}
	return digit;
}

/* Markdown escapes past a prefix the stamp test cannot see through (a
 * syslog date and host, R428 "Apr 09 … kernel: java invoked oom-killer:
 * gfp\_mask=0xd0, order=0, oom\_score\_adj=0"): a kernel key or a stack
 * frame with its marks escaped, which no kernel prints. */
static bool md_detect_inside(const char *p, size_t n)
{
	static const char *const keys[] = { "gfp\\_mask=", "oom\\_score\\_adj", "\\[<", "total\\_vm",
					    "\\[ pid \\]", "active\\_anon:" };
	if (!memchr(p, '\\', n))
		return false;
	for (size_t i = 0; i < ARRAY_SIZE(keys); i++)
		if (mem_find(p, n, keys[i]))
			return true;
	return false;
}

/* p[0, n) with "\X" (X ASCII punctuation) made "X", in b. */
static const char *md_unescape(struct buf *b, const char *p, size_t n, size_t *len)
{
	static const char punct[] = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";
	buf_clear(b);
	size_t run = 0;
	for (size_t i = 0; i + 1 < n; i++) {
		if (p[i] == '\\' && memchr(punct, p[i + 1], sizeof(punct) - 1)) {
			buf_add(b, p + run, i - run);
			run = ++i;   /* the escaped mark itself starts the next run */
		}
	}
	buf_add(b, p + run, n - run);
	*len = b->len;
	return b->data ? b->data : "";
}

/* ---- HTML page sources ---------------------------------------------------- */

static size_t html_lead_tag(const char *p, size_t n);

/* A mail archive's HTML kept as its source (R331): every line wrapped in
 * "<p>&nbsp;…" / "<br>", the trace's '<' and '>' escaped ("[&lt;ffffffff800c39dd&gt;]").
 * Taken as such when a line starts, after its tags, with "&nbsp;" or
 * "&lt;"; from then on every line has its leading tags dropped and the
 * entities undone. */
static bool html_detect(const char *p, size_t n)
{
	size_t i = 0;
	while (i < n && i < 16 && p[i] == '<') {
		const char *c = memchr(p + i, '>', n - i < 8 ? n - i : 8);
		if (!c)
			return false;
		i = (size_t)(c - p) + 1;
	}
	/* … or a paragraph tag before a log line's stamp ("<p>Jan  7 10:14:18
	 * node203e0 kernel: mpirun: page allocation failure…", an Open MPI
	 * list archive, R1894): no kernel line starts with a tag */
	if (i > 0 && html_lead_tag(p, n) && tr_starts_with_time(p + i, n - i))
		return true;
	return HAS_LIT(p + i, n - i, "&nbsp;") || HAS_LIT(p + i, n - i, "&lt;");
}

/* A leading tag of a paragraph or a break ("<p>", "<br>", "</p>", "<pre>"): its length, 0 none. */
static size_t html_lead_tag(const char *p, size_t n)
{
	static const char *const tags[] = { "<p>", "</p>", "<br>", "<br/>", "<br />", "<pre>", "</pre>", "<tt>", "</tt>" };
	for (size_t i = 0; i < sizeof(tags) / sizeof(tags[0]); i++) {
		size_t l = strlen(tags[i]);
		if (n >= l && memcmp(p, tags[i], l) == 0)
			return l;
	}
	return 0;
}

/* p[0, n) with its leading tags dropped and &nbsp; &lt; &gt; &amp; &quot;
 * &#39; undone, in b. */
static const char *html_unescape(struct buf *b, const char *p, size_t n, size_t *len)
{
	static const struct { const char *ent; char c; } ents[] = {
		{ "&nbsp;", ' ' }, { "&lt;", '<' }, { "&gt;", '>' }, { "&amp;", '&' }, { "&quot;", '"' }, { "&#39;", '\'' },
	};
	size_t t;
	while ((t = html_lead_tag(p, n)) > 0)
		p += t, n -= t;
	buf_clear(b);
	size_t run = 0;
	for (size_t i = 0; i < n; i++) {
		if (p[i] != '&')
			continue;
		for (size_t k = 0; k < sizeof(ents) / sizeof(ents[0]); k++) {
			size_t l = strlen(ents[k].ent);
			if (n - i >= l && memcmp(p + i, ents[k].ent, l) == 0) {
				buf_add(b, p + run, i - run);
				buf_add(b, &ents[k].c, 1);
				i += l - 1;
				run = i + 1;
				break;
			}
		}
	}
	buf_add(b, p + run, n - run);
	*len = b->len;
	return b->data ? b->data : "";
}

/* ---- "`` ``" line breaks (tick_breaks) ------------------------------------ */

/* A mailer wrapped the flattened line at its blanks: the next physical
 * lines that hold "``" are the same line, and so is one without after a
 * line as long as a mailer's wrap (the tail, "4860 (xfs)."); they are
 * joined back with the blank the wrap took, before the breaks split it
 * (tick_lines).  p[0, *len) may lie in the read buffer, which a peek may
 * move: it is copied first. */
#define TICK_WRAP_MIN 60
static const char *tick_join(struct report_scanner *s, const char *p, size_t *len)
{
	struct buf *b = &s->tick_para;
	buf_clear(b);
	buf_add(b, p, *len);
	size_t last = *len;   /* the physical line before */
	for (int k = 0; k < SCAN_MAX_JOIN && b->len < SCAN_MAX_LINE; k++) {
		struct raw r;
		if (raw_peek(s, &r, UINT64_MAX) <= 0 || !r.newline)
			break;
		const char *q = s->buf + r.off;
		size_t n = r.len;
		if (n && q[n - 1] == '\r')
			n--;
		bool ticks = n >= 2 && mem_find(q, n, "``");
		bool tail = !ticks && n > 0 && last >= TICK_WRAP_MIN && !is_space(q[0]);
		if (!ticks && !tail)
			break;
		s->processed_abs = s->base_abs + r.off + r.consume;
		raw_consume(s, &r);
		buf_add(b, " ", 1);
		buf_add(b, q, n);
		last = n;
		if (tail)
			break;
	}
	*len = b->len;
	return b->data ? b->data : "";
}

/* ---- wrap repair -------------------------------------------------------- */

/* A terminal or a pager cuts a line at a fixed column, inside a word
 * ("gfp_mask=0x15080c0(GFP_KE" / "RNEL_ACCOUNT|…", R108), where a mail
 * client breaks at a blank.  A width is a terminal's when, of the next
 * lines, every one continued by a line without the prefix the lines around
 * carry has exactly that width (two at least); then its rest joins
 * without a blank.
 * Looked at once per width (at most 8 widths), on the buffer only. */
static bool hard_wrap_width(struct report_scanner *s, size_t width)
{
	if (width == s->hard_width)
		return true;
	if (width < 40 || s->nr_hard_probed >= (int)ARRAY_SIZE(s->hard_probed))
		return false;
	for (int i = 0; i < s->nr_hard_probed; i++)
		if (s->hard_probed[i] == width)
			return false;
	s->hard_probed[s->nr_hard_probed++] = width;
	size_t at = s->pos, lines = 0, prev_len = 0, cut = 0, at_width = 0;
	while (at < s->end && lines++ < 400) {
		const char *p = s->buf + at, *nl = memchr(p, '\n', s->end - at);
		if (!nl)
			break;
		size_t n = (size_t)(nl - p);
		at += n + 1;
		if (n && p[n - 1] == '\r')
			n--;
		size_t q = tr_strip_quote(p, n);
		p += q;
		n -= q;
		if (prev_len >= 40 && n > 0 && !is_space(p[0])) {
			struct pfx x;
			tr_strip_prefix(p, n, &x);
			if (!x.any) {
				cut++;
				at_width += prev_len == width;
			}
		}
		prev_len = n;
	}
	/* a mail client's greedy wrap leaves lines of many widths */
	if (at_width >= 2 && at_width == cut) {
		s->hard_width = width;
		return true;
	}
	return false;
}

/* An expert's elision mark alone on a line ("[...]", "...", "…",
 * "[snip]"): never the rest of the line before it (R432's "[...]" after a
 * quoted header line became part of mems_allowed). */
static bool elision_line(const char *p, size_t n)
{
	while (n && is_space(*p))
		p++, n--;
	while (n && is_space(p[n - 1]))
		n--;
	return (n == 5 && memcmp(p, "[...]", 5) == 0) || (n == 3 && memcmp(p, "...", 3) == 0) ||
	       (n == 3 && memcmp(p, "\xe2\x80\xa6", 3) == 0) || (n == 6 && memcmp(p, "[snip]", 6) == 0) ||
	       (n == 5 && memcmp(p, "[\xe2\x80\xa6]", 5) == 0);
}

/* Is [p, p+n) the rest of task row t (which ends in a number, so its name
 * is missing): "-?digits name" or a name alone, one or two tokens? */
/* The dump_stack header ("CPU: 5 PID: 1361 Comm: x Tainted: G        W
 * 4.1.18-g09f547b #1", lib/dump_stack.c dump_stack_print_info) always goes
 * on after its taint field with the release and "#build".  Does t end
 * inside or right after that field (a wrap broke the line in its run of
 * blanks), and does p, the next line without its indent, start with the
 * rest (a taint letter or the release)? */
/* The kernel's fixed message texts a wrap may break anywhere: a line
 * that ends inside one and a next line that starts with its rest are one
 * line, whatever the width (a short paste's "Out of memory and no" /
 * "killable processes...", R128 without its stamps). */
static const char *const fixed_texts[] = {
	"Out of memory and no killable processes...",   /* mm/oom_kill.c, ≤4.x panic; 4.x+ pr_warn */
	"System is deadlocked on memory",               /* mm/oom_kill.c out_of_memory */
	"or sacrifice child",                           /* mm/oom_kill.c oom_kill_process, ≤4.18 */
};

static bool fixed_text_rest(const char *t, size_t tn, const char *p, size_t n)
{
	while (tn && t[tn - 1] == ' ')
		tn--;
	for (size_t i = 0; i < ARRAY_SIZE(fixed_texts); i++) {
		const char *m = fixed_texts[i];
		size_t ml = strlen(m);
		/* the break is at a blank of m: m[0,k) ends t, m[k+1,…) starts p */
		for (size_t k = 8; k + 1 < ml; k++) {
			if (m[k] != ' ' || k > tn || memcmp(t + tn - k, m, k) != 0)
				continue;
			size_t r = ml - k - 1, c = r < n ? r : n;
			if (c >= 4 && memcmp(p, m + k + 1, c) == 0)
				return true;
		}
	}
	return false;
}

static bool header_rest(const char *t, size_t tn, const char *p, size_t n)
{
	if (!n || !(is_digit(p[0]) || is_upper(p[0])) || !mem_find(t, tn, " Comm: "))
		return false;
	const char *nt = mem_find(t, tn, "Not tainted");
	const char *tt = mem_find(t, tn, "Tainted: ");
	const char *tail;
	if (nt)
		tail = nt + 11;
	else if (tt)
		tail = tt + 9;
	else
		return false;
	for (; tail < t + tn; tail++)
		if (!is_space(*tail) && !(tt && !nt && is_upper(*tail)))
			return false;   /* the release is there already */
	if (nt && !is_digit(p[0]))
		return false;
	/* taint letters ("OE") or a release ("5.8.5-arch1-1"), not a line of
	 * its own ("Hardware name: …" after a header whose release the
	 * poster cut, R469) */
	size_t w = 0;
	while (w < n && !is_space(p[w]))
		w++;
	for (size_t i = 0; !is_digit(p[0]) && i < w; i++)
		if (!is_upper(p[i]))
			return false;
	/* a release has a '.' ("4.19"); raw stack words (≤4.8) have none */
	if (is_digit(p[0]) && !memchr(p, '.', w))
		return false;
	return !looks_like_start(p, n);
}

static bool task_row_rest(const char *t, size_t tn, const char *p, size_t n)
{
	if (tn < 8 || !is_digit(t[tn - 1]) || line_kind_of(t, tn) != LK_TASK_ROW)
		return false;
	while (n && is_space(p[n - 1]))
		n--;
	size_t i = 0, toks = 0;
	while (i < n) {
		size_t b = i;
		while (i < n && !is_space(p[i]))
			i++;
		if (i == b)
			return false;
		if (++toks > 2)
			return false;
		while (i < n && is_space(p[i]))
			i++;
	}
	if (toks == 2) {
		size_t d = p[0] == '-' ? 1 : 0;
		size_t k = d + tr_span_digits(p + d, n - d);
		if (k == d || k >= n || !is_space(p[k]))
			return false;
	}
	return toks >= 1 && p[0] != '[';
}

/* The head of a task row a mailer broke early (mm/oom_kill.c dump_tasks,
 * "[%7d] %5d %5d %8lu …" in 2.6.x-4.x; R1200): the bracket alone ("[" /
 * "1199]     0  1199 …") or the pid and uid alone ("[10209]   500" /
 * "10209    30496 …", the row's tgid repeating its pid).  No kernel line
 * starts with "digits]", nor is "[pid] uid" a line of its own. */
static bool task_row_head(const char *t, size_t tn, const char *p, size_t n)
{
	while (tn && t[tn - 1] == ' ')
		tn--;
	if (tn == 0 || t[0] != '[')
		return false;
	size_t i = 1;
	while (i < tn && t[i] == ' ')
		i++;
	if (i == tn) {
		size_t d = tr_span_digits(p, n);
		return d > 0 && d < n && p[d] == ']';
	}
	size_t d = tr_span_digits(t + i, tn - i);
	if (d == 0 || i + d >= tn || t[i + d] != ']')
		return false;
	const char *pid = t + i;
	size_t pl = d;
	i += d + 1;
	while (i < tn && t[i] == ' ')
		i++;
	size_t u = tr_span_digits(t + i, tn - i);
	if (u == 0 || i + u != tn)
		return false;   /* "[pid] uid" and nothing after it */
	return n > pl && memcmp(p, pid, pl) == 0 && p[pl] == ' ';
}

/* Where, after a blank, does a kernel record's syslog prefix ("Mar 16
 * 21:40:40 host kernel:") or dmesg stamp ("[  776.268761]") begin inside
 * the text of a joined line?  0 for none. */
static size_t glued_kernel_record(const char *p, size_t n, size_t from)
{
	for (size_t i = from ? from : 1; i + 16 < n; i++) {
		if (p[i - 1] != ' ')
			continue;
		/* a dmesg stamp: "… free_cma:0kB [  776.265406]" / "lowmem_reserve[]:
		 * 0 0 [  776.268761] Normal: 7*4kB (H) …", a mailer's wrap of
		 * records glued where their newlines were lost (R1011) */
		const char *t;
		size_t tl;
		if (p[i] == '[' && tr_bracket_time(p + i, n - i, &t, &tl))
			return i;
		if (!is_upper(p[i]) || p[i + 3] != ' ')
			continue;
		size_t k = tr_mon_date(p + i, n - i);
		const char *h;
		size_t hl;
		bool kernel = false;
		if (k && i + k < n && p[i + k] == ' ' && tr_host_tag(p + i + k + 1, n - i - k - 1, &h, &hl, &kernel) > 0 &&
		    kernel)
			return i;
	}
	return 0;
}

/* A mailer wrapped a syslog file whose newlines were already lost, so a
 * record's prefix sits inside the line a wrap repair joined, or is itself
 * cut in two by a wrap ("… find 599107/618721 Mar 16" / "21:40:40 host
 * kernel: Free swap  = 1959300kB", R1228).  The joined item (the last in
 * the queue, at index qi) is cut again at each kernel record's prefix: its
 * pieces replace it, each with its own prefix; the last keeps the wrap
 * state, so a wrap repair goes on from it.  True when it was cut. */
static bool resplit_joined(struct report_scanner *s, size_t qi)
{
	struct item *it = &s->q[qi];
	const char *t = arena_text(s, it->text_off);
	size_t at = glued_kernel_record(t, it->text_len, 0);
	if (!at)
		return false;
	struct item old = *it;
	buf_clear(&s->resplit);
	buf_add(&s->resplit, t, old.text_len);
	char tm[64] = "", host[64] = "", caller[32] = "";
	const char *a = s->arena.data;
	if (old.time_off != NO_OFF && old.time_len)
		str_copy(tm, sizeof(tm), a + old.time_off, old.time_len);
	if (old.host_off != NO_OFF && old.host_len)
		str_copy(host, sizeof(host), a + old.host_off, old.host_len);
	if (old.caller_off != NO_OFF && old.caller_len)
		str_copy(caller, sizeof(caller), a + old.caller_off, old.caller_len);
	struct pfx x;
	memset(&x, 0, sizeof(x));
	x.any = old.prefixed;
	if (tm[0])
		x.time = tm, x.time_len = strlen(tm);
	if (host[0])
		x.host = host, x.host_len = strlen(host);
	if (caller[0])
		x.caller = caller, x.caller_len = strlen(caller);
	s->qlen = qi;   /* the item goes; its pieces come in its place */
	const char *p = s->resplit.data;
	size_t n = s->resplit.len, prev = 0;
	bool first = true;
	while (prev < n) {
		size_t end = at ? at : n;
		const char *seg = p + prev;
		size_t sl = end - prev;
		struct pfx y;
		memset(&y, 0, sizeof(y));
		if (!first)
			tr_strip_prefix(seg, sl, &y);
		if (!first && y.any && !y.drop) {
			seg += y.len;
			sl -= y.len;
		}
		while (sl && seg[sl - 1] == ' ')
			sl--;
		if (sl || first) {
			struct item *ni = emit(s, seg, sl, first || !y.any ? &x : &y, old.lineno,
					       first && old.continuation, false);
			if (!ni)
				return true;
			ni->backfill = old.backfill;
			ni->boot_banner = first && old.boot_banner;
			ni->truncated = old.truncated && end == n;
		}
		first = false;
		prev = end;
		at = end < n ? glued_kernel_record(p, n, end + 1) : 0;
	}
	if (s->qlen > qi) {
		struct item *last = &s->q[s->qlen - 1];
		last->last_of_raw = true;
		last->phys_len = old.phys_len;
		last->quoted = old.quoted;
	}
	return true;
}

/* Is [p, p+len) the start of the raw line just processed, 8 bytes or more
 * and through a ':' or '[' of its prefix?  A line cut inside its own
 * transport prefix ("10.1.1.2: kern: warning: [2022-01-25T" after
 * "10.1.1.2: kern: warning: [2022-01-25T10:35:59.114808566Z]: Free swap  =
 * 0kB", R3881) has no prefix tr_strip_prefix knows, but it is the next
 * record, cut, not the rest of the line above. */
static bool same_prefix_start(const struct report_scanner *s, const char *p, size_t len)
{
	if (s->cur_raw_abs < s->base_abs || s->cur_raw_abs >= s->base_abs + s->end)
		return false;
	const char *cur = s->buf + (s->cur_raw_abs - s->base_abs), *end = s->buf + s->end;
	/* past the quote marks and indent both lines carry (try_join strips
	 * them from p alike) */
	const char *nl = memchr(cur, '\n', (size_t)(end - cur));
	if (nl)
		end = nl;
	while (cur < end && (*cur == ' ' || *cur == '\t'))
		cur++;
	cur += tr_strip_quote(cur, (size_t)(end - cur));
	while (cur < end && (*cur == ' ' || *cur == '\t'))
		cur++;
	size_t m = 0;
	bool punct = false;
	while (m < len && cur + m < end && cur[m] == p[m]) {
		punct |= p[m] == ':' || p[m] == '[';
		m++;
	}
	return m == len && m >= 8 && punct;
}

/* Does the text end in a syslog date's month and day ("… Mar 16")? */
static bool ends_in_month_day(const char *t, size_t n)
{
	size_t i = n;
	while (i > 0 && t[i - 1] == ' ')
		i--;
	size_t d = 0;
	while (i > 0 && d < 2 && is_digit(t[i - 1]))
		i--, d++;
	if (d == 0)
		return false;
	while (i > 0 && t[i - 1] == ' ')
		i--;
	return i >= 3 && is_upper(t[i - 3]) && is_lower(t[i - 2]) && is_lower(t[i - 1]) && tr_mon_date(t + i - 3, n - i + 3) == 0 &&
	       (i == 3 || t[i - 4] == ' ');
}

/* Joins the hard-wrapped continuations that follow item it (the last in the
 * queue, so its text ends the arena). */
static int try_join(struct report_scanner *s, struct item *it)
{
	for (int n = 0; n < SCAN_MAX_JOIN && it->text_len < SCAN_MAX_LINE; n++) {
		struct raw r;
		int rc = raw_peek(s, &r, UINT64_MAX);
		if (rc <= 0)
			return rc;
		const char *p = s->buf + r.off;
		size_t len = r.len;
		if (len && p[len - 1] == '\r')
			len--;
		/* a QP body found out only at the wrapped rest: its soft break
		 * ("…|__G=" / "FP_WRITE),") and its "=3D" are decoded here too
		 * (R1545: the trigger line's rest is the first line ending '=') */
		if (!s->qp && r.newline && len && (p[len - 1] == '=' || mem_find(p, len, "=3D")))
			qp_detect(s, r.off);
		bool soft = false;
		if (s->qp && r.newline) {
			/* a QP body: the wrapped rest is decoded like any line */
			soft = len && p[len - 1] == '=';
			buf_clear(&s->qp_peek);
			qp_decode_append(&s->qp_peek, p, soft ? len - 1 : len);
			p = s->qp_peek.data;
			len = s->qp_peek.len;
		}
		if (s->md)
			p = md_unescape(&s->md_peek, p, len, &len);
		if (s->html)
			p = html_unescape(&s->html_peek, p, len, &len);
		size_t q = indent_match(s, p, len);
		p += q;
		len -= q;
		q = tr_strip_quote(p, len);
		len = tr_strip_frame_tail(p, len, q);
		p += q;
		len -= q;
		if (len == 0 || tr_strip_paste_mark(p, len) || elision_line(p, len))
			return 0;
		if (HAS_LIT(p, len, "```") || HAS_LIT(p, len, "~~~"))
			return 0;   /* a Markdown fence closing the paste: no kernel text */
		/* an expert's elision mark before a kernel line of its own ("... "
		 * standing for each line's cut syslog prefix: "> > ... Swap cache:
		 * add …" / "> > ... Free swap  = 781012kB", R4008): a record, not
		 * the rest of the line above — where the words after the mark
		 * start no kernel line, it may be a condensed line's own " ... "
		 * cut by a wrap ("oom-kill:constraint=… ... task=java", R1929) */
		size_t el = HAS_LIT(p, len, "... ") ? 4 : HAS_LIT(p, len, "[...] ") ? 6 : HAS_LIT(p, len, "\xe2\x80\xa6 ") ? 4 : 0;
		if (el && el < len && (line_kind_of(p + el, len - el) != LK_NONE || looks_like_start(p + el, len - el)))
			return 0;
		if (s->str_lines)
			return 0;   /* a line closed in quotes is whole (process_raw) */
		if (s->ticks && mem_find(p, len, "`` ``"))
			return 0;   /* it holds line breaks of its own (tick_breaks) */
		/* A quoted paste wrapped again by the replier's mailer: the rest
		 * of a "> " line comes unquoted, and the width that decides the
		 * next quoted line's join is the two pieces' together. */
		bool rewrap = it->quoted && q == 0;
		/* A typesetter's continuation mark ("↪", U+21AA) starts the rest of
		 * a broken line; the next break may come without it. */
		bool hook = HAS_LIT(p, len, "\xe2\x86\xaa");
		if (hook) {
			p += 3;
			len -= 3;
			if (len == 0)
				return 0;
		}
		if (s->learned_len && !s->learned_after && learned_match(s, p, len) > 0)
			return 0;   /* a record of its own, behind a learned prefix */
		struct pfx x;
		strip_prefix_buf(s, p, len, &x);
		/* a syslog prefix a wrap cut after its month and day ("… find
		 * 599107/618721 Mar 16" / "21:40:40 box kernel: Free swap  = …",
		 * R1228): the time of day opens the rest, which resplit_joined
		 * cuts again at the whole prefix */
		bool cut_date = x.any && !x.drop && len > 8 && is_digit(p[0]) && is_digit(p[1]) && p[2] == ':' &&
				ends_in_month_day(arena_text(s, it->text_off), it->text_len);
		if ((x.any || x.drop) && !cut_date)
			return 0;
		if (it->prefixed && same_prefix_start(s, p, len))
			return 0;   /* the next record, cut inside its prefix */
		size_t ind = 0;
		while (ind < len && is_space(p[ind]))
			ind++;
		if (ind >= len || HAS_LIT(p + ind, len - ind, "-- "))
			return 0;
		if (ind > 0 && tr_starts_with_time(p + ind, len - ind))
			return 0;   /* an indented record of its own (process_raw) */
		/* A line ended with a backslash by whoever wrapped it: a viewer
		 * folding at its width with a "\" mark ("… invoked oom-k\" /
		 * "iller: gfp_mask=…", R5341), or a writer breaking a long line
		 * shell-style under an indent ("…,nodemask=(null),\" / "    cpuset=…",
		 * R5227).  The kernel ends no line with one: the next line is the
		 * rest whatever its width or indent, joined without the mark or
		 * the indent (a fold cuts mid-token; the writer's breaks follow
		 * the kernel's own ",") */
		{
			const char *bt = arena_text(s, it->text_off);
			/* not a string literal's "\n\" continuation (a test fixture's
			 * escaped newline, R2301): its lines are records of their own */
			bool lit_nl = it->text_len >= 3 && bt[it->text_len - 2] == 'n' && bt[it->text_len - 3] == '\\';
			if (it->text_len >= 2 && bt[it->text_len - 1] == '\\' && bt[it->text_len - 2] != '\\' &&
			    bt[it->text_len - 2] != ' ' && !lit_nl) {
				s->arena.len--;
				size_t body = len - ind;
				while (body && is_space(p[ind + body - 1]))
					body--;
				put_text(s, p + ind, body, false);
				it->text_len = s->arena.len - it->text_off;
				it->phys_len = len;
				s->processed_abs = s->base_abs + r.off + r.consume;
				raw_consume(s, &r);
				continue;
			}
		}
		if (ind == 0 && len > 2 && p[0] == '`' && p[1] != '`' && tr_starts_with_time(p + 1, len - 1))
			return 0;   /* a stamped record in Markdown inline code, its own line (R3649) */
		if (len > 3 && (p[0] == '*' || p[0] == '-') && p[1] == ' ' && p[2] == '`')
			return 0;   /* a Markdown list item: never the rest of a wrapped line */
		/* the next item of a list of kernel lines, whatever it says
		 * ("- `… Killed process 2362136 (systemd-network)`" / "- Later:
		 * `oom_reaper: …`", R6299): the item above was whole */
		if (s->list_item && len > 2 && (p[0] == '*' || p[0] == '-') && p[1] == ' ')
			return 0;
		/* a list item of prose ("- Prometheus was using **~2GB RSS**
		 * when killed", R4412; "- **原因**：…", R3970): no kernel line
		 * holds " - " or " * " before a capital or a bold mark where a
		 * mailer would break it */
		if (len > 2 && (p[0] == '*' || p[0] == '-') && p[1] == ' ' && (is_upper(p[2]) || p[2] == '*'))
			return 0;
		size_t cm = comment_prefix(p, len);
		if (cm) {
			/* a kernel line quoted in a comment is a record of its own;
			 * a bare mark or words are no kernel line's rest; a kill
			 * line's values aligned under it in the comment are */
			if (cm >= len || comment_mark(p, len) ||
			    !(HAS_LIT(p + cm, len - cm, "total-vm:") || HAS_LIT(p + cm, len - cm, "anon-rss:")))
				return 0;
			p += cm;
			len -= cm;
		}
		/* A kill line's values on a line of their own ("Killed process
		 * 2811 (jbmc)" / "  total-vm:16420540kB, …"): no kernel line
		 * starts with "total-vm:", so it is the rest whatever the width
		 * or indent. */
		const char *it_text = arena_text(s, it->text_off);
		bool kill_rest = (HAS_LIT(p + ind, len - ind, "total-vm:") || HAS_LIT(p + ind, len - ind, "anon-rss:")) &&
				 mem_find(it_text, it->text_len, "Killed process ") &&
				 !mem_find(it_text, it->text_len, "total-vm:") && !mem_find(it_text, it->text_len, "anon-rss:");
		/* A task row a mailer broke before its last columns ("[ 2904]
		 * 0  2904  788050  245188  616  65535" / "        0 oom03", R415):
		 * the row ends in a number, the rest is an indented "adj name"
		 * or the name alone. */
		bool row_head = ind == 0 && task_row_head(it_text, it->text_len, p, len);
		kill_rest = kill_rest || row_head || (ind > 0 && task_row_rest(it_text, it->text_len, p + ind, len - ind)) ||
			    header_rest(it_text, it->text_len, p + ind, len - ind) ||
			    fixed_text_rest(it_text, it->text_len, p + ind, len - ind);
		/* "file-rss:12704k" + "B, shmem-rss:…": a kB unit cut in two (R477)
		 * — no kernel line starts with "B," */
		bool unit = ind == 0 && it->text_len >= 2 && it_text[it->text_len - 1] == 'k' &&
			    is_digit(it_text[it->text_len - 2]) && p[0] == 'B' &&
			    (len == 1 || p[1] == ',' || p[1] == ' ');
		/* Only where a mail client's greedy wrap would have broken the
		 * line: the next word did not fit on it. */
		size_t w = ind;
		while (w < len && !is_space(p[w]))
			w++;
		/* The oom-kill: line has no blank (mm/oom_kill.c dump_oom_summary,
		 * 5.0+: "oom-kill:constraint=%s,nodemask=%*pbl,…,task=%s,pid=%d,
		 * uid=%d"): its rest cut mid-value ("oom_memcg=/build-kernel-tmp" /
		 * "fs,task_memcg=…", R477) goes on without one — a rest whose first
		 * word holds a ',' before any '=' (a value's tail, then keys). */
		bool oomkill = false;
		if (ind == 0 && it->text_len && it_text[it->text_len - 1] != ',' && p[0] != ',') {
			const char *ok = mem_find(it_text, it->text_len, "oom-kill:constraint=");
			const char *c1 = memchr(p, ',', w), *e1 = memchr(p, '=', w);
			oomkill = ok && !memchr(ok, ' ', it->text_len - (size_t)(ok - it_text)) && c1 && e1 && c1 < e1;
		}
		/* warn_alloc's line broken before its "mode:" (mm/page_alloc.c
		 * 4.12+: "%s: %pV, mode:%#x(%pGg), nodemask=…": "insmod: vmalloc
		 * error: size 16384, vm_struct allocation failed," / " mode:0xcc0
		 * (GFP_KERNEL), …", R5368): no kernel line starts with "mode:0x",
		 * so it is the rest whatever the indent */
		bool mode_rest = it->text_len && it_text[it->text_len - 1] == ',' &&
				 HAS_LIT(p + ind, len - ind, "mode:0x") &&
				 (mem_find(it_text, it->text_len, "vmalloc error: ") ||
				  mem_find(it_text, it->text_len, "page allocation failure") ||
				  line_kind_stall_text(it_text, it->text_len, NULL));
		kill_rest = kill_rest || mode_rest;
		/* a memcg path cut after one of its '/' ("Memory cgroup stats for
		 * /kubepods/burstable/pod0bcd…/" / "70f6…: cache:1663744KB …",
		 * R6296): mm/memcontrol.c 2.6.29-5.x prints "Memory cgroup stats
		 * for %s:" and the path holds no blank, so the rest is the next
		 * name up to that ':', joined without one */
		bool path_rest = false;
		if (ind == 0 && w > 1 && p[w - 1] == ':' && it->text_len > 25 && it_text[it->text_len - 1] == '/') {
			const char *ms = mem_find(it_text, it->text_len, "Memory cgroup stats for /");
			path_rest = ms && !memchr(ms + 24, ' ', it->text_len - (size_t)(ms + 24 - it_text)) &&
				    !memchr(ms + 24, ':', it->text_len - (size_t)(ms + 24 - it_text));
		}
		if (kill_rest || hook || unit || oomkill || path_rest) {
			/* joined below */
		} else if (it->phys_len + 1 + (w - ind) <= 60 && !rewrap) {
			return 0;
		} else if (it->prefixed) {
			/* Lines around carry a prefix, this one none: the rest of a
			 * wrapped line — unless indented like a record's continuation,
			 * or a /dev/kmsg dictionary line. */
			if (ind > 0 && ind + 1 >= s->prev_prefix_width)
				return 0;
			/* indented less, but a kernel line of its own: a report
			 * condensed by hand under a stamped first line ("[…] bun
			 * invoked oom-killer" / "  constraint=CONSTRAINT_MEMCG …" /
			 * "  Killed process (bun) …", R3492) */
			enum line_kind ik = ind > 0 ? line_kind_of(p + ind, len - ind) : LK_NONE;
			if (ik == LK_TRIGGER || ik == LK_CONSTRAINT || ik == LK_KILL)
				return 0;   /* (not the Mem-Info summary's own " active_file:…" lines, R2208) */
			/* a line that starts a report's marker itself, after 20
			 * bytes or more of text, was not cut there: the text above
			 * is prose (a comment "# 2026-08-11 15:47:21 — … global
			 * OOM:" over the report, R3488) or a whole kernel line
			 * ("oom-kill:constraint=… ... task=java,pid=1849" over its
			 * kill line, R1929).  A wrap cuts a kernel line's own words
			 * after less: "[…] Memory" / "cgroup out of memory: Killed
			 * process …" (R097) */
			enum line_kind mk = line_kind_of(p, len);
			bool strong = (mk == LK_TRIGGER && mem_find(p, len, " invoked oom-killer")) || mk == LK_CONSTRAINT ||
				      (mk == LK_KILL && (HAS_LIT(p, len, "Out of memory") || HAS_LIT(p, len, "Memory cgroup out of memory")));
			if (strong && it->text_len >= 20)
				return 0;
			if (s->prev_kmsg && tr_is_kmsg_dict_line(p, len))
				return 0;
		} else {
			/* a plain paste: lines near a mail client's wrap width that do
			 * not start a report line of their own */
			const char *t = arena_text(s, it->text_off);
			bool invoked = it->text_len >= 8 && memcmp(t + it->text_len - 8, " invoked", 8) == 0;
			/* "Memory cgroup stats for" / "/kubepods…scope:" (R439): the
			 * path's ':' makes it look like a line of its own */
			invoked = invoked || (it->text_len >= 23 && memcmp(t + it->text_len - 23, "Memory cgroup stats for", 23) == 0);
			if (ind > 0 || it->phys_len > 100)
				return 0;
			if (!invoked && looks_like_start(p, len))
				return 0;
		}

		/* join: with a space where the wrap ate one, without one where a
		 * key:value or a number's unit was cut ("active_anon:" / "278804kB") */
		const char *t = arena_text(s, it->text_off);
		char lastc = it->text_len ? t[it->text_len - 1] : ' ';
		char first = p[ind];
		bool lower_key = false;
		if (lastc == ':' || lastc == '=') {
			/* "active_anon:" + "278804kB" is one token; "RCX:" + "0000…" two */
			size_t k = it->text_len - 1;
			while (k > 0 && t[k - 1] != ' ' && !is_upper(t[k - 1]))
				k--;
			lower_key = k + 1 < it->text_len && (k == 0 || t[k - 1] == ' ');
		}
		/* "total-" + "vm:…": a mailer breaks after a hyphen; kernel text
		 * has no "- " inside a word */
		bool hyphen = lastc == '-' && it->text_len >= 2 && is_lower(t[it->text_len - 2]) && is_lower(first);
		/* cut by a terminal at its width inside a token: no blank was there */
		bool hard = it->prefixed && ind == 0 && lastc != ' ' && first != ' ' && !kill_rest && !hook &&
			    hard_wrap_width(s, it->phys_len);
		/* "[" + "1199]": the bracket is the pid's; a task row's "-" + "1000
		 * auditd": a negative oom_score_adj cut after its sign (R1200) */
		bool bracket = row_head && lastc == '[';
		bool sign = lastc == '-' && it->text_len >= 2 && t[it->text_len - 2] == ' ' && is_digit(first) &&
			    line_kind_of(t, it->text_len) == LK_TASK_ROW;
		bool glue = lastc == ' ' || hyphen || hard || unit || oomkill || bracket || sign || path_rest ||
			    (lower_key && is_digit(first)) ||
			    (is_digit(lastc) && len - ind >= 2 && p[ind] == 'k' && p[ind + 1] == 'B');
		if (!glue)
			buf_addc(&s->arena, ' ');
		size_t body = len - ind;
		bool truncated = tr_cut_pager_mark(p + ind, &body);
		put_text(s, p + ind, body, false);
		it->text_len = s->arena.len - it->text_off;
		it->phys_len = rewrap || hook ? it->phys_len + 1 + len : len;
		it->quoted = q > 0 || rewrap;
		it->truncated = it->truncated || truncated;
		s->processed_abs = s->base_abs + r.off + r.consume;
		raw_consume(s, &r);
		if (soft) {
			/* its soft-broken continuations come with it */
			size_t cn;
			const char *c = qp_join(s, NULL, &cn);
			put_text(s, c, cn, false);
			it->text_len = s->arena.len - it->text_off;
		}
	}
	return 0;
}

/* "thp_swpout_fallback 0": one "key value" pair of a memcg's memory.stat
 * dump (mm/memcontrol.c memory_stat_format, 4.19+ v2 layout), a lower-case
 * key and a number.  Back-filled so, the last one says what the report cut
 * below it was (parse.c). */
bool report_is_stat_pair(const char *p, size_t n)
{
	size_t w = 0;
	if (n < 3 || !(p[0] >= 'a' && p[0] <= 'z'))
		return false;
	while (w < n && ((p[w] >= 'a' && p[w] <= 'z') || is_digit(p[w]) || p[w] == '_'))
		w++;
	return w + 1 < n && p[w] == ' ' && tr_span_digits(p + w + 1, n - w - 1) == n - w - 1;
}

/* A `uname -a` pasted before a report says its release (parse.c). */
static bool backfill_uname(const char *p, size_t n)
{
	char k[128], a[16], h[64];
	return n > 6 && p[0] == 'L' && report_is_uname_line(p, n, k, sizeof(k), a, sizeof(a), h, sizeof(h));
}

/* ---- public API --------------------------------------------------------- */

/* buf becomes the view; what it held (the first bytes read) is the view's
 * first bytes too. */
static void view_enter(struct report_scanner *s)
{
	s->own = s->buf;
	s->buf = (char *)s->view.data;
	s->in_view = true;
}

static int scanner_open(struct report_scanner **out, int fd, const char *name, char *err, size_t errlen)
{
	struct report_scanner *s = calloc(1, sizeof(*s));
	if (!s) {
		snprintf(err, errlen, "%s: out of memory", name ? name : "-");
		return -ENOMEM;
	}
	s->cap = SCAN_CHUNK + SCAN_MAX_LINE + 1;
	s->buf = malloc(s->cap);
	if (!s->buf) {
		free(s);
		snprintf(err, errlen, "%s: out of memory", name ? name : "-");
		return -ENOMEM;
	}
	snprintf(s->name, sizeof(s->name), "%s", name ? name : "-");
	s->fd = fd;
	s->dec.out_fd = -1;
	s->dec.err_fd = -1;
	s->backup_abs = UINT64_MAX;
	buf_init(&s->arena);
	buf_init(&s->qp_line);
	buf_init(&s->qp_peek);
	buf_init(&s->md_line);
	buf_init(&s->md_peek);
	buf_init(&s->html_line);
	buf_init(&s->html_peek);
	buf_init(&s->tick_line);
	buf_init(&s->tick_para);
	buf_init(&s->resplit);

	/* Sniff the first bytes for a compressor's magic. */
	unsigned char head[8];
	size_t got = 0;
	while (got < sizeof(head)) {
		ssize_t n = read(fd, head + got, sizeof(head) - got);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			int e = errno;
			snprintf(err, errlen, "%s: read error: %s", s->name, strerror(e));
			free(s->buf);
			free(s);
			return -e;
		}
		if (n == 0)
			break;
		got += (size_t)n;
	}
	const char *package = NULL, *tool = decompress_sniff(head, got, &package);
	if (tool) {
		int rc = decompress_start(&s->dec, tool, package, fd, head, got, err, errlen);
		if (rc < 0) {
			char msg[512];
			snprintf(msg, sizeof(msg), "%.200s: %.300s", s->name, err);
			snprintf(err, errlen, "%s", msg);
			free(s->buf);
			free(s);
			return rc;
		}
		s->fd = s->dec.out_fd;
	} else {
		memcpy(s->buf, head, got);
		s->end = got;
		s->bytes = got;
		if (got < sizeof(head))
			s->eof = true;
		else
			fill_small_whole(s);
		if (!s->eof && s->end == got && view_open(&s->view, s->fd, got, s->cap) == 0)
			view_enter(s);
	}
	*out = s;
	return 0;
}

int report_scanner_open(struct report_scanner **out, int fd, const char *name)
{
	char err[512];
	return scanner_open(out, fd, name, err, sizeof(err));
}

/* Reaps the decompressor at the end of its output, to warn at once. */
static void check_decompressor(struct report_scanner *s)
{
	if (!s->dec.tool || s->dec_reaped || !s->eof)
		return;
	char err[400];
	s->dec_reaped = true;
	if (decompress_finish(&s->dec, false, err, sizeof(err)) < 0) {
		snprintf(s->error, sizeof(s->error), "%.200s: %.300s", s->name, err);
		add_warning(s, s->error);
	}
}

static void fill_line(struct report_scanner *s, const struct item *it, struct report_line *line)
{
	const char *a = s->arena.data ? s->arena.data : "";
	memset(line, 0, sizeof(*line));
	line->text = a + it->text_off;
	line->len = it->text_len;
	if (it->time_off != NO_OFF && it->time_len)
		line->time = a + it->time_off, line->time_len = it->time_len;
	if (it->host_off != NO_OFF && it->host_len)
		line->host = a + it->host_off, line->host_len = it->host_len;
	if (it->caller_off != NO_OFF && it->caller_len)
		line->caller = a + it->caller_off, line->caller_len = it->caller_len;
	if (it->mono_off != NO_OFF && it->mono_len)
		line->mono = a + it->mono_off, line->mono_len = it->mono_len;
	line->lineno = it->lineno;
	line->continuation = it->continuation;
	line->truncated = it->truncated;
	line->boot_banner = it->boot_banner;
}

/* Is the queued item at index i a glued piece of a raw line (the lines of
 * a paste whose newlines were lost, R256) with a marker piece after it?
 * Then it is that report's text: the idle filter passes it.  Each queue
 * index is looked at once. */
static bool glued_before_marker(struct report_scanner *s, size_t i)
{
	if (i < s->pass_until)
		return true;
	if (i < s->scanned_until)
		return false;
	uint64_t ln = s->q[i].lineno;
	size_t j = i + 1;
	for (; j < s->qlen && s->q[j].lineno == ln; j++)
		if (report_has_marker(arena_text(s, s->q[j].text_off), s->q[j].text_len)) {
			s->pass_until = s->scanned_until = j;
			return true;
		}
	s->scanned_until = j;
	return false;
}

void report_scanner_tail(struct report_scanner *s, unsigned lines)
{
	if (s && lines) {
		s->tail_left = lines;
		s->tail_checked = false;
	}
}

/* Is the tail free of markers, within what was read?  A marker in it
 * starts the next report, whose back-fill window (skip_to_candidate) must
 * see the lines before it, and which lends its arch by itself: then no
 * tail.  A tail reaching past what was read is cut where the read ends. */
static bool tail_is_quiet(struct report_scanner *s)
{
	if (s->tail_checked)
		return true;
	s->tail_checked = true;
	size_t at = s->pos;
	for (unsigned i = 0; i < s->tail_left; i++) {
		const char *nl = memchr(s->buf + at, '\n', s->end - at);
		if (!nl) {
			/* what was read ends inside it: the tail is the lines
			 * checked (and the input's last line, at its end) */
			if (s->eof)
				at = s->end;
			else
				s->tail_left = i;
			break;
		}
		at = (size_t)(nl - s->buf) + 1;
	}
	for (size_t from = s->pos; from < at;) {
		size_t k, hit = from + needle_find(s->buf + from, at - from, &k);
		if (hit >= at)
			break;
		if (needle_hit_ok(s->buf, s->end, hit, k))
			return false;
		from = hit + 1;
	}
	/* and a stack line with an arch cue in it, else the tail would only
	 * take lines from a later back-fill window (task rows a report cut
	 * at its head prints after, R515) */
	for (size_t ls = s->pos; ls < at;) {
		const char *nl = memchr(s->buf + ls, '\n', at - ls);
		size_t le = nl ? (size_t)(nl - s->buf) : at;
		struct pfx x;
		tr_strip_prefix(s->buf + ls, le - ls, &x);
		size_t b = ls + x.len;
		while (b < le && is_space(s->buf[b]))
			b++;
		if (!x.drop && report_stack_line_arch(s->buf + b, le - b))
			return true;
		ls = le + 1;
	}
	s->tail_left = 0;
	return false;
}

int report_scanner_next(struct report_scanner *s, bool all_lines, struct report_line *line)
{
	for (;;) {
		while (s->qhead < s->qlen) {
			struct item *it = &s->q[s->qhead];
			bool marker = report_has_marker(arena_text(s, it->text_off), it->text_len);
			if (it->last_of_raw && s->qhead + 1 == s->qlen) {
				size_t before = it->text_len;
				int rc = try_join(s, it);
				if (rc < 0)
					return rc;
				if (it->text_len > before && resplit_joined(s, s->qhead)) {
					it = &s->q[s->qhead];
					marker = report_has_marker(arena_text(s, it->text_off), it->text_len);
				}
				if (!marker)
					marker = report_has_marker(arena_text(s, it->text_off), it->text_len);
			}
			s->qhead++;
			if (!all_lines && !marker && !it->boot_banner && !glued_before_marker(s, s->qhead - 1) &&
			    !(it->backfill && ((line_kind_flags(line_kind_of(arena_text(s, it->text_off), it->text_len)) & LKF_OPENS) ||
					       /* a trigger without the needle's words (retyped "invoked oom:") */
					       line_kind_of(arena_text(s, it->text_off), it->text_len) == LK_TRIGGER ||
					       backfill_uname(arena_text(s, it->text_off), it->text_len) ||
					       report_free_swap_line(arena_text(s, it->text_off), it->text_len) ||
					       report_is_sysrq_f_command(arena_text(s, it->text_off), it->text_len) ||
					       report_is_stat_pair(arena_text(s, it->text_off), it->text_len) ||
					       line_kind_hung_task(arena_text(s, it->text_off), it->text_len) ||
					       /* a task SysRq-T showed: its stack is no report */
					       line_kind_show_task(arena_text(s, it->text_off), it->text_len) ||
					       /* panic()'s message, printed before its own
						* dump_stack (kernel/panic.c): the report
						* that stack opens is the panic's (R4492) */
					       line_kind_of(arena_text(s, it->text_off), it->text_len) == LK_DEADLOCK ||
					       report_stack_line_arch(arena_text(s, it->text_off), it->text_len))) &&
			    !(it->tail && report_stack_line_arch(arena_text(s, it->text_off), it->text_len)))
				continue;
			fill_line(s, it, line);
			return 1;
		}
		s->qhead = s->qlen = 0;
		s->pass_until = s->scanned_until = 0;
		buf_clear(&s->arena);
		/* a tail after a report: line by line, passed as a back-fill
		 * window's lines are (the filter above) */
		if (!all_lines && s->tail_left > 0 && !tail_is_quiet(s))
			s->tail_left = 0;
		bool tail = !all_lines && s->tail_left > 0;
		if (!all_lines && !tail) {
			int rc = skip_to_candidate(s);
			if (rc <= 0) {
				check_decompressor(s);
				return rc;
			}
		}
		if (tail)
			s->tail_left--;
		struct raw r;
		int rc = raw_peek(s, &r, UINT64_MAX);
		if (rc <= 0) {
			check_decompressor(s);
			return rc;
		}
		uint64_t lineno = s->lines_before_pos + 1;
		bool piece = s->piece_pending;
		bool backfill = s->base_abs + r.off < s->backfill_until_abs;
		s->piece_pending = r.piece_next;
		s->processed_abs = s->base_abs + r.off + r.consume;
		const char *rp = s->buf + r.off;
		size_t rlen = r.len;
		if (!s->qp && r.newline && rlen && (rp[rlen - 1] == '=' || (rlen > 1 && rp[rlen - 1] == '\r' && rp[rlen - 2] == '=')))
			qp_detect(s, r.off);
		else if (!s->qp && s->qp_checks < 64 && rlen > 3 && mem_find(rp, rlen, "=3D"))
			/* a QP body with no soft break near (short lines): its
			 * encoded '=' says so ("Total swap =3D 995992kB", R943);
			 * only lines handed on are looked at, never the idle scan */
			qp_detect(s, r.off);
		s->cur_raw_abs = s->base_abs + r.off;
		raw_consume(s, &r);
		size_t enc_len = 0;   /* a QP line's encoded width, when it is one physical line */
		if (s->qp && !piece && r.newline) {
			uint64_t before = s->processed_abs;
			rp = qp_join(s, &r, &rlen);   /* may consume continuations */
			if (s->processed_abs == before)
				enc_len = r.len;
		}
		if (!s->md && !piece && rlen > 6 && memchr(rp, '\\', rlen < 24 ? rlen : 24) && md_detect(rp, rlen))
			s->md = true;
		if (!s->md && !piece && rlen > 12 && md_detect_inside(rp, rlen))
			s->md = true;
		if (s->md)
			rp = md_unescape(&s->md_line, rp, rlen, &rlen);
		if (!s->html && !piece && rlen > 6 && (memchr(rp, '&', rlen < 24 ? rlen : 24) || rp[0] == '<') &&
		    html_detect(rp, rlen))
			s->html = true;
		if (s->html)
			rp = html_unescape(&s->html_line, rp, rlen, &rlen);
		if (!piece && r.newline && rlen > 4 && memchr(rp, '`', rlen) && tick_breaks(s, rp, rlen))
			rp = tick_join(s, rp, &rlen);
		size_t q0 = s->qlen;
		s->cur_raw_end_abs = s->processed_abs;
		s->examined++;
		process_raw(s, rp, rlen, lineno, piece);
		for (size_t i = q0; i < s->qlen; i++) {
			s->q[i].backfill = backfill;
			s->q[i].tail = tail;
			/* the mailer wrapped the encoded text: its width decides
			 * a wrap ("gfp_mask=3D0xcc0(GFP_KERNEL)," / "order=3D0, …",
			 * R477), not the decoded one */
			if (s->q[i].last_of_raw && enc_len > s->q[i].phys_len)
				s->q[i].phys_len = enc_len;
		}
	}
}

const char *report_scanner_warning(struct report_scanner *s)
{
	if (!s->have_warning)
		return NULL;
	s->have_warning = false;
	memcpy(s->warning_out, s->warning, sizeof(s->warning));
	s->warning[0] = '\0';
	return s->warning_out;
}

const char *report_scanner_error(struct report_scanner *s)
{
	return s->error[0] ? s->error : NULL;
}

uint64_t report_scanner_bytes(const struct report_scanner *s)
{
	return s->bytes;
}

uint64_t report_scanner_examined(const struct report_scanner *s)
{
	return s ? s->examined : 0;
}

uint64_t report_scanner_lines(const struct report_scanner *s)
{
	return s->lines_before_pos;
}

int report_scanner_close(struct report_scanner *s)
{
	if (!s)
		return 0;
	int ret = 0;
	if (s->dec.tool && !s->dec_reaped) {
		char err[400];
		ret = decompress_finish(&s->dec, !s->eof, err, sizeof(err));
	} else if (s->dec.tool && s->error[0]) {
		ret = -EIO;
	}
	buf_release(&s->arena);
	buf_release(&s->qp_line);
	buf_release(&s->qp_peek);
	buf_release(&s->md_line);
	buf_release(&s->md_peek);
	buf_release(&s->html_line);
	buf_release(&s->html_peek);
	buf_release(&s->tick_line);
	buf_release(&s->tick_para);
	buf_release(&s->resplit);
	free(s->q);
	free(s->splits);
	if (s->in_view) {
		view_close(&s->view);
		free(s->own);
	} else {
		free(s->buf);
	}
	free(s);
	return ret;
}

int report_scanner_open_msg(struct report_scanner **out, int fd, const char *name, char *err, size_t errlen)
{
	err[0] = '\0';
	return scanner_open(out, fd, name, err, errlen);
}

int report_scanner_open_mem(struct report_scanner **out, const char *text, size_t len, const char *name)
{
	if (!out || (!text && len))
		return -EINVAL;
	if (decompress_sniff((const unsigned char *)text, len < 8 ? len : 8, &(const char *){ NULL }))
		return -ENOTSUP;   /* compressed: only an fd goes through the system's tool */
	struct report_scanner *s = calloc(1, sizeof(*s));
	if (!s)
		return -ENOMEM;
	s->cap = SCAN_CHUNK + SCAN_MAX_LINE + 1;
	s->buf = malloc(s->cap);
	if (!s->buf) {
		free(s);
		return -ENOMEM;
	}
	snprintf(s->name, sizeof(s->name), "%s", name ? name : "-");
	s->fd = -1;
	s->mem = text ? text : "";
	s->mem_len = len;
	s->dec.out_fd = -1;
	s->dec.err_fd = -1;
	s->backup_abs = UINT64_MAX;
	buf_init(&s->arena);
	fill_small_whole(s);
	if (s->end == 0 && s->mem_len > 0) {
		/* not taken whole: read in place, as a large file is */
		view_borrow(&s->view, s->mem, s->mem_len);
		s->mem_off = s->mem_len;
		view_enter(s);
	}
	*out = s;
	return 0;
}
