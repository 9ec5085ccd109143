/* scan.c — find and normalise kernel lines in any log text.
 *
 * Three layers, bottom up:
 *  - raw lines: the input is read in 128 KiB chunks into one buffer; a
 *    line longer than 64 KiB is cut (at a space when possible) and its rest
 *    read as a new piece, so memory is bounded whatever the input.  While
 *    the parser is idle, the buffer is searched for the marker needles with
 *    vector compares (grep's speed, bench/explain), and the lines skipped
 *    are only counted, never copied.
 *  - transports: quoting, <N>, /dev/kmsg records, dmesg -x, syslog and
 *    journal headers, dmesg (-T) times and printk caller ids are stripped;
 *    rsyslog #012 and kmsg \x0a escapes split a record into its lines;
 *    syslog lines of other programs are dropped; util-linux continuation
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
#include <unistd.h>

#include "report/decompress.h"
#include "report/linekind.h"
#include "report/report.h"
#include "util/util.h"

#define SCAN_CHUNK (128u << 10)    /* bytes per read(): stays in L2 for the scan */
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
/* fill() must always find room for a read after keeping one line back and
 * one partial line */
_Static_assert(SCAN_CHUNK >= 2 * SCAN_MAX_LINE, "scan buffer too small for its lines");

/* Needles for the idle prefilter, found 16 bytes at a time by three bytes
 * each (first, middle, last: pairs like "al" or "of" alone would fire on
 * every other word).  Each hit is then checked in O(1) for its marker
 * context (needle_hit_ok), so "room", "zoom" or a daemon's "Killed" cost
 * next to nothing.  Every text report_has_marker() accepts contains a
 * needle, also when a mail client wrapped the line inside the marker
 * phrase ("invoked\noom-killer", "Killed\nprocess", "page\nallocation"). */
struct needle {
	const char *text;
	size_t len;
	unsigned char off[3];   /* the three bytes the vector loop compares */
};
static const struct needle needles[] = {
	{ "oom", 3, { 0, 1, 2 } },          /* oom-killer, oom-kill:, oom_reaper */
	{ "Kill", 4, { 0, 1, 3 } },         /* Kill process, Killed process */
	{ "of memory", 9, { 0, 3, 8 } },    /* Out of memory, Memory cgroup out of memory */
	{ "of Memory", 9, { 0, 3, 8 } },    /* 2.6.18: "Out of Memory: Kill process" */
	{ "allocation", 10, { 0, 4, 9 } },  /* page allocation failure / stalls */
	{ "Mem-", 4, { 0, 1, 3 } },         /* Mem-Info: a report whose first lines are cut */
};
#define NR_NEEDLES (sizeof(needles) / sizeof(needles[0]))
#define NEEDLE_SPAN 10                  /* longest needle */

/* The markers themselves (a line holding one starts or continues a report)
 * are the LKF_MARKER kinds of the line-kind table, report/linekind.c. */

/* ---- vector kernels ----------------------------------------------------
 * The two loops every input byte goes through while the parser is idle:
 * the needle search and the newline count.  Written with the GCC/Clang
 * vector extension (SSE2 on x86-64, NEON on arm64, plain code elsewhere),
 * and built a second time for AVX2 on x86-64, chosen at run time. */

static bool needle_at(const char *p, size_t n, size_t i, size_t *which)
{
	char c = p[i];
	if (c != 'o' && c != 'K' && c != 'a' && c != 'M')  /* the needles' first bytes */
		return false;
	for (size_t k = 0; k < NR_NEEDLES; k++) {
		if (c != needles[k].text[0])
			continue;
		size_t l = needles[k].len;
		if (i + l <= n && memcmp(p + i, needles[k].text, l) == 0) {
			*which = k;
			return true;
		}
	}
	return false;
}

/* First needle in [p, p+n): its offset, or n.  VT is a W-byte vector of
 * unsigned char. */
#define FIND_NEEDLE_BODY(VT, W)                                                            \
	size_t i = 0;                                                                      \
	if (n >= (W) + NEEDLE_SPAN) {                                                      \
		VT co, cm, cK, ci, cl, cM, cy, ca, cc, cn, ce, cd;                         \
		for (int j = 0; j < (W); j++) {                                            \
			co[j] = 'o', cm[j] = 'm', cK[j] = 'K', ci[j] = 'i', cl[j] = 'l';   \
			cM[j] = 'M', cy[j] = 'y', ca[j] = 'a', cc[j] = 'c', cn[j] = 'n';   \
			ce[j] = 'e', cd[j] = '-';                                          \
		}                                                                          \
		for (; i + (W) + NEEDLE_SPAN <= n; i += (W)) {                             \
			const char *b = p + i;                                             \
			VT o0, o1, o2, o3, o4, o8, o9;                                     \
			memcpy(&o0, b, (W));                                               \
			memcpy(&o1, b + 1, (W));                                           \
			memcpy(&o2, b + 2, (W));                                           \
			memcpy(&o3, b + 3, (W));                                           \
			memcpy(&o4, b + 4, (W));                                           \
			memcpy(&o8, b + 8, (W));                                           \
			memcpy(&o9, b + 9, (W));                                           \
			VT eo = (VT)(o0 == co);                                            \
			VT m = eo & (VT)(o1 == co) & (VT)(o2 == cm);                       \
			m |= (VT)(o0 == cK) & (VT)(o1 == ci) & (VT)(o3 == cl);             \
			m |= eo & ((VT)(o3 == cm) | (VT)(o3 == cM)) & (VT)(o8 == cy);      \
			m |= (VT)(o0 == ca) & (VT)(o4 == cc) & (VT)(o9 == cn);             \
			m |= (VT)(o0 == cM) & (VT)(o1 == ce) & (VT)(o3 == cd);             \
			uint64_t w[(W) / 8], any = 0;                                      \
			memcpy(w, &m, (W));                                                \
			for (int j = 0; j < (W) / 8; j++)                                  \
				any |= w[j];                                               \
			if (!any)                                                          \
				continue;                                                  \
			for (size_t j = 0; j < (W); j++)                                   \
				if (m[j] && needle_at(p, n, i + j, which))                 \
					return i + j;                                      \
		}                                                                          \
	}                                                                                  \
	for (; i < n; i++)                                                                 \
		if (needle_at(p, n, i, which))                                             \
			return i;                                                          \
	return n;

/* Counts '\n' in [p, p+n): byte lanes count up to 255, then are summed. */
#define COUNT_NEWLINES_BODY(VT, W)                                                         \
	VT nl;                                                                             \
	for (int j = 0; j < (W); j++)                                                      \
		nl[j] = '\n';                                                              \
	uint64_t total = 0;                                                                \
	size_t i = 0;                                                                      \
	while (n - i >= (W)) {                                                             \
		VT acc = { 0 };                                                            \
		size_t blocks = (n - i) / (W);                                             \
		if (blocks > 255)                                                          \
			blocks = 255;                                                      \
		for (size_t b = 0; b < blocks; b++, i += (W)) {                            \
			VT v;                                                              \
			memcpy(&v, p + i, (W));                                            \
			acc -= (VT)(v == nl);                                              \
		}                                                                          \
		for (int k = 0; k < (W); k++)                                              \
			total += acc[k];                                                   \
	}                                                                                  \
	for (; i < n; i++)                                                                 \
		total += p[i] == '\n';                                                     \
	return total;

typedef unsigned char v16u __attribute__((vector_size(16)));

static size_t find_needle_v16(const char *p, size_t n, size_t *which)
{
	FIND_NEEDLE_BODY(v16u, 16)
}

static uint64_t count_newlines_v16(const char *p, size_t n)
{
	COUNT_NEWLINES_BODY(v16u, 16)
}

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#define SCAN_HAVE_AVX2 1
typedef unsigned char v32u __attribute__((vector_size(32)));

__attribute__((target("avx2"))) static size_t find_needle_v32(const char *p, size_t n, size_t *which)
{
	FIND_NEEDLE_BODY(v32u, 32)
}

__attribute__((target("avx2"))) static uint64_t count_newlines_v32(const char *p, size_t n)
{
	COUNT_NEWLINES_BODY(v32u, 32)
}

static bool use_avx2(void)
{
	static int have = -1;
	if (have < 0) {
		__builtin_cpu_init();
		have = __builtin_cpu_supports("avx2") ? 1 : 0;
	}
	return have == 1;
}
#endif

static size_t find_needle(const char *p, size_t n, size_t *which)
{
#ifdef SCAN_HAVE_AVX2
	if (use_avx2())
		return find_needle_v32(p, n, which);
#endif
	return find_needle_v16(p, n, which);
}

static uint64_t count_newlines(const char *p, size_t n)
{
#ifdef SCAN_HAVE_AVX2
	if (use_avx2())
		return count_newlines_v32(p, n);
#endif
	return count_newlines_v16(p, n);
}


bool report_has_marker(const char *text, size_t len)
{
	if (!text)
		return false;
	/* every marker holds a needle: one vector pass rules out most lines */
	size_t which;
	if (find_needle(text, len, &which) >= len)
		return false;
	return line_kind_has_marker_text(text, len);
}

/* One logical line waiting in the queue; offsets into s->arena. */
struct item {
	size_t text_off, text_len;
	size_t time_off, time_len;
	size_t host_off, host_len;
	size_t caller_off, caller_len;
	uint64_t lineno;
	size_t phys_len;      /* length of the physical line it ends on (wrap test) */
	bool continuation;
	bool truncated;
	bool prefixed;        /* came with a transport prefix */
	bool last_of_raw;     /* last piece of its raw line: may continue on the next */
	bool backfill;        /* from the window before a marker: passed when its kind may open a report */
};

/* What a transport prefix said. */
struct pfx {
	const char *time, *host, *caller;
	size_t time_len, host_len, caller_len;
	size_t len;            /* bytes of prefix */
	bool any, kmsg, drop;
	char kmsg_time[32];    /* kmsg usec formatted as seconds */
};

struct report_scanner {
	int fd;
	const char *mem;       /* report_scanner_open_mem: the text, read in place of fd */
	size_t mem_len, mem_off;
	char name[256];
	struct decompressor dec;
	bool eof, read_error, dec_reaped;

	char *buf;             /* [0, end) holds input; pos is the next unread byte */
	size_t cap, pos, end;
	uint64_t base_abs;     /* absolute input offset of buf[0] */
	uint64_t lines_before_pos;  /* complete lines before pos */
	uint64_t bytes;

	uint64_t backup_abs;   /* start of the line before pos that the prefilter skipped; UINT64_MAX none */
	uint64_t processed_abs;     /* input before this was handed to the normaliser */
	uint64_t backfill_until_abs;  /* raw lines starting before this are back-fill (0 none) */
	bool any_hit;               /* the prefilter found a marker somewhere */
	uint64_t cur_raw_abs, cur_raw_end_abs;  /* the raw line process_raw() is given */
	uint64_t dup_end_abs;       /* end of the last dated record, its hash and length: */
	uint64_t dup_hash;          /* the same record again right after it is a duplicate */
	size_t dup_len;
	char learned[64];           /* a prefix learned from a marker line (learn_prefix) */
	size_t learned_len;

	/* queue of logical lines from the current raw line */
	struct buf arena;
	struct item *q;
	size_t qlen, qcap, qhead;
	size_t *splits;
	size_t nsplits, splits_cap;

	/* state carried from the previous kept raw line */
	bool prev_prefixed, prev_kmsg;
	size_t prev_prefix_width;
	char prev_time[64], prev_host[64], prev_caller[16];

	bool piece_pending;    /* the last raw line was cut: the next one is its rest */
	bool warned_binary, warned_long;
	char warning[512], warning_out[512];
	bool have_warning;
	char error[512];
};

/* ---- small text helpers --------------------------------------------- */

static bool is_digit(char c) { return c >= '0' && c <= '9'; }
static bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }
static bool is_lower(char c) { return c >= 'a' && c <= 'z'; }
static bool is_alpha(char c) { return is_upper(c) || is_lower(c); }
static bool is_space(char c) { return c == ' ' || c == '\t'; }
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

/* has_prefix for a string literal: no strlen at run time */
#define HAS_LIT(p, len, lit) ((len) >= sizeof(lit) - 1 && memcmp((p), (lit), sizeof(lit) - 1) == 0)

static size_t span_digits(const char *p, size_t len)
{
	size_t i = 0;
	while (i < len && is_digit(p[i]))
		i++;
	return i;
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

/* ---- prefix recognition ----------------------------------------------- */

/* "12:34:56" */
static bool is_hms(const char *p, size_t len)
{
	return len >= 8 && is_digit(p[0]) && is_digit(p[1]) && p[2] == ':' && is_digit(p[3]) &&
	       is_digit(p[4]) && p[5] == ':' && is_digit(p[6]) && is_digit(p[7]);
}

/* Optional fraction ".123456" or ",123456". */
static size_t span_frac(const char *p, size_t len)
{
	if (len >= 2 && (p[0] == '.' || p[0] == ',') && is_digit(p[1]))
		return 1 + span_digits(p + 1, len - 1);
	return 0;
}

/* Syslog / journalctl short date "Sep 23 02:04:16[.123456]", with any
 * month name (lower case, localised: "Mär", "okt", "déc."): a word of up to
 * 12 bytes without digits, a day, a time.  Returns its length or 0. */
static size_t match_mon_date(const char *p, size_t len)
{
	size_t i = 0;
	while (i < len && i < 12 && !is_space(p[i]) && !is_digit(p[i]) && p[i] != '[' &&
	       p[i] != ']' && p[i] != ':' && p[i] != '<' && p[i] != '>')
		i++;
	if (i == 0 || i >= len || p[i] != ' ')
		return 0;
	/* the month word must be letters (or UTF-8 bytes, or a trailing dot) */
	for (size_t k = 0; k < i; k++)
		if (!is_alpha(p[k]) && !((unsigned char)p[k] >= 0x80) && p[k] != '.')
			return 0;
	while (i < len && p[i] == ' ')
		i++;
	size_t d = span_digits(p + i, len - i);
	if (d < 1 || d > 2)
		return 0;
	i += d;
	if (i >= len || p[i] != ' ')
		return 0;
	i++;
	if (!is_hms(p + i, len - i))
		return 0;
	i += 8;
	i += span_frac(p + i, len - i);
	return i;
}

/* ISO 8601 "2026-11-20T02:04:16[.123456][Z|+00:00|+0000]".  *comma_frac
 * tells dmesg --time-format=iso (which uses ',') from syslog. */
static size_t match_iso_date(const char *p, size_t len, bool *comma_frac)
{
	*comma_frac = false;
	if (len < 19 || span_digits(p, 4) != 4 || p[4] != '-' || !is_digit(p[5]) || !is_digit(p[6]) ||
	    p[7] != '-' || !is_digit(p[8]) || !is_digit(p[9]) || (p[10] != 'T' && p[10] != ' ') ||
	    !is_hms(p + 11, len - 11))
		return 0;
	size_t i = 19;
	*comma_frac = i < len && p[i] == ',';
	i += span_frac(p + i, len - i);
	if (i < len && p[i] == 'Z') {
		i++;
	} else if (i < len && (p[i] == '+' || p[i] == '-') && i + 3 <= len && is_digit(p[i + 1]) &&
		   is_digit(p[i + 2])) {
		i += 3;
		if (i < len && p[i] == ':')
			i++;
		i += span_digits(p + i, len - i) <= 2 ? span_digits(p + i, len - i) : 2;
	}
	return i;
}

/* "[  1234.567890]" or "[Tue Aug 12 03:54:03 2025]" (any locale): returns
 * the length through ']' and the trimmed inside, or 0. */
static size_t match_bracket_time(const char *p, size_t len, const char **t, size_t *tlen)
{
	if (len < 3 || p[0] != '[')
		return 0;
	size_t max = len < 64 ? len : 64, close = 0;
	for (size_t i = 1; i < max; i++) {
		if (p[i] == ']') {
			close = i;
			break;
		}
		if (p[i] == '[' || p[i] == '\n')
			return 0;
	}
	if (!close)
		return 0;
	const char *in = p + 1;
	size_t n = close - 1;
	while (n && in[0] == ' ')
		in++, n--;
	while (n && in[n - 1] == ' ')
		n--;
	if (!n)
		return 0;
	/* dmesg --time-format=delta "[<    0.000123>]", reltime "[  +0.000123]" */
	const char *num = in;
	size_t nn = n;
	if (nn >= 2 && num[0] == '<' && num[nn - 1] == '>') {
		num++, nn -= 2;
		while (nn && num[0] == ' ')
			num++, nn--;
	}
	if (nn && num[0] == '+')
		num++, nn--;
	size_t d = span_digits(num, nn);
	bool numeric = d > 0 && d < nn && num[d] == '.' && d + 1 < nn &&
		       span_digits(num + d + 1, nn - d - 1) == nn - d - 1;
	bool datelike = false;
	if (!numeric) {
		/* a date: holds HH:MM[:SS] and some letters or dashes
		 * ("Tue Aug 12 03:54:03 2025", reltime "[Aug12 03:54]") */
		bool letters = false;
		for (size_t i = 0; i < n; i++) {
			if (i + 5 <= n && is_digit(in[i]) && is_digit(in[i + 1]) && in[i + 2] == ':' &&
			    is_digit(in[i + 3]) && is_digit(in[i + 4]))
				datelike = true;
			if (is_alpha(in[i]) || in[i] == '-' || (unsigned char)in[i] >= 0x80)
				letters = true;
		}
		datelike = datelike && letters;
	}
	if (!numeric && !datelike)
		return 0;
	*t = in;
	*tlen = n;
	return close + 1;
}

/* CONFIG_PRINTK_CALLER "[ T123]" / "[    C3]". */
static size_t match_caller(const char *p, size_t len, const char **c, size_t *clen)
{
	if (len < 4 || p[0] != '[')
		return 0;
	size_t i = 1;
	while (i < len && i < 12 && p[i] == ' ')
		i++;
	if (i >= len || (p[i] != 'T' && p[i] != 'C'))
		return 0;
	size_t d = span_digits(p + i + 1, len - i - 1);
	if (d == 0 || d > 10 || i + 1 + d >= len || p[i + 1 + d] != ']')
		return 0;
	*c = p + i;
	*clen = 1 + d;
	return i + 1 + d + 1;
}

/* "host tag[pid]: " after a syslog date.  Returns the length (through the
 * space after ':'), 0 when it is no such thing.  *kernel: the tag is the
 * kernel's. */
static size_t match_host_tag(const char *p, size_t len, const char **host, size_t *host_len,
			     bool *kernel)
{
	size_t i = 0;
	while (i < len && i < 256 && !is_space(p[i]))
		i++;
	if (i == 0 || i >= len)
		return 0;
	const char *h = p;
	size_t hl = i, tag_start;
	if (p[i - 1] == ':') {
		/* "Sep 23 02:04:16 kernel: …" — no host */
		h = NULL;
		hl = 0;
		tag_start = 0;
	} else {
		tag_start = i + 1;
	}
	size_t j = tag_start;
	while (j < len && j - tag_start < 64 &&
	       (is_alpha(p[j]) || is_digit(p[j]) || p[j] == '_' || p[j] == '-' || p[j] == '.' ||
		p[j] == '/' || p[j] == '@' || p[j] == '(' || p[j] == ')'))
		j++;
	size_t name_end = j;
	if (j == tag_start)
		return 0;
	if (j < len && p[j] == '[') {
		size_t d = span_digits(p + j + 1, len - j - 1);
		if (d == 0 || j + 1 + d >= len || p[j + 1 + d] != ']')
			return 0;
		j += 2 + d;
	}
	if (j >= len || p[j] != ':')
		return 0;
	j++;
	if (j < len && p[j] != ' ')
		return 0;
	if (j < len)
		j++;
	*kernel = name_end - tag_start == 6 && memcmp(p + tag_start, "kernel", 6) == 0;
	*host = h;
	*host_len = hl;
	return j;
}

static const char *const facilities[] = {
	"kern", "user", "mail", "daemon", "auth", "syslog", "lpr", "news", "uucp", "cron",
	"authpriv", "ftp", "local0", "local1", "local2", "local3", "local4", "local5", "local6", "local7",
};
static const char *const levels[] = {
	"emerg", "alert", "crit", "err", "warn", "notice", "info", "debug",
};

static bool word_in(const char *p, size_t n, const char *const *list, size_t nlist)
{
	for (size_t i = 0; i < nlist; i++)
		if (strlen(list[i]) == n && memcmp(p, list[i], n) == 0)
			return true;
	return false;
}

/* util-linux dmesg -x: "kern  :warn  : " */
static size_t match_fac_level(const char *p, size_t len)
{
	size_t i = 0;
	while (i < len && is_alpha(p[i]))
		i++;
	while (i < len && is_digit(p[i]))
		i++;
	if (!word_in(p, i, facilities, ARRAY_SIZE(facilities)))
		return 0;
	while (i < len && p[i] == ' ')
		i++;
	if (i >= len || p[i] != ':')
		return 0;
	size_t l0 = ++i;
	while (i < len && is_alpha(p[i]))
		i++;
	if (!word_in(p + l0, i - l0, levels, ARRAY_SIZE(levels)))
		return 0;
	while (i < len && p[i] == ' ')
		i++;
	if (i >= len || p[i] != ':')
		return 0;
	i++;
	if (i < len && p[i] == ' ')
		i++;
	return i;
}

/* /dev/kmsg: "6,1234,5678,-[,caller=T12];text" */
static size_t match_kmsg(const char *p, size_t len, struct pfx *x)
{
	size_t i = 0, f[3];
	uint64_t usec = 0;
	for (int k = 0; k < 3; k++) {
		size_t d = span_digits(p + i, len - i);
		if (d == 0 || d > 20 || i + d >= len || p[i + d] != ',')
			return 0;
		f[k] = i;
		i += d + 1;
	}
	const char *q = p + f[2];
	if (scan_u64(&q, p + len, &usec) < 0)
		return 0;
	size_t semi = 0;
	for (size_t k = i; k < len && k < i + 128; k++)
		if (p[k] == ';') {
			semi = k;
			break;
		}
	if (!semi || semi == i)
		return 0;
	/* the flag field is one char ('-', 'c', '+') then optional ,key=value */
	if (p[i] != '-' && p[i] != 'c' && p[i] != '+')
		return 0;
	const char *c = memmem(p + i, semi - i, "caller=", 7);
	if (c) {
		const char *ce = c + 7;
		while (ce < p + semi && *ce != ',')
			ce++;
		x->caller = c + 7;
		x->caller_len = (size_t)(ce - (c + 7));
	}
	snprintf(x->kmsg_time, sizeof(x->kmsg_time), "%llu.%06llu",
		 (unsigned long long)(usec / 1000000), (unsigned long long)(usec % 1000000));
	x->time = x->kmsg_time;
	x->time_len = strlen(x->kmsg_time);
	x->kmsg = true;
	return semi + 1;
}

/* After an RFC 5424 timestamp: " HOST APP PROCID MSGID SD " (SD "-" or
 * "[…]…").  Returns its length, 0 if it is not that; x->host, x->drop. */
static size_t match_rfc5424_rest(const char *p, size_t len, struct pfx *x)
{
	const char *tok[4];
	size_t tl[4], i = 0;
	for (int t = 0; t < 4; t++) {
		if (i >= len || p[i] != ' ')
			return 0;
		i++;
		tok[t] = p + i;
		while (i < len && p[i] != ' ' && i - (size_t)(tok[t] - p) < 256)
			i++;
		tl[t] = (size_t)(p + i - tok[t]);
		if (tl[t] == 0)
			return 0;
	}
	if (i >= len || p[i] != ' ')
		return 0;
	i++;
	if (i < len && p[i] == '-') {
		i++;
	} else if (i < len && p[i] == '[') {
		/* structured data: [id k="v" …]… with \] escapes */
		while (i < len && p[i] == '[') {
			i++;
			while (i < len && p[i] != ']')
				i += p[i] == '\\' ? 2 : 1;
			if (i >= len)
				return 0;
			i++;
		}
	} else {
		return 0;
	}
	if (i < len && p[i] == ' ')
		i++;
	if (!(tl[1] == 6 && memcmp(tok[1], "kernel", 6) == 0))
		x->drop = true;
	if (!(tl[0] == 1 && tok[0][0] == '-')) {
		x->host = tok[0];
		x->host_len = tl[0];
	}
	return i;
}

/* Strips every transport prefix at the start of p.  x->len says how much;
 * x->drop says the line belongs to another program. */
/* journalctl -o short-unix "1723427643.123456" and -o short-full
 * "Tue 2025-08-12 03:54:03 CEST" (any locale's weekday).  Only taken as a
 * date when a "host tag:" follows, checked by the caller. */
static size_t match_journal_date(const char *p, size_t len)
{
	bool comma;
	size_t d = span_digits(p, len);
	if (d >= 9 && d <= 12 && d + 2 < len && p[d] == '.' && is_digit(p[d + 1])) {
		size_t k = d + 1 + span_digits(p + d + 1, len - d - 1);
		const char *h;
		size_t hl;
		bool kernel;
		if (k < len && p[k] == ' ' && match_host_tag(p + k + 1, len - k - 1, &h, &hl, &kernel))
			return k;
		return 0;
	}
	size_t w = 0;
	while (w < len && w < 12 && !is_space(p[w]) && !is_digit(p[w]))
		w++;
	if (w == 0 || w >= len || p[w] != ' ')
		return 0;
	size_t k = match_iso_date(p + w + 1, len - w - 1, &comma);
	if (!k || p[w + 1 + 10] != ' ')
		return 0;
	k += w + 1;
	/* the zone name */
	if (k < len && p[k] == ' ') {
		size_t z = k + 1;
		while (z < len && z - k < 8 && (is_alpha(p[z]) || is_digit(p[z]) || p[z] == '+' || p[z] == '-'))
			z++;
		if (z > k + 1)
			k = z;
	}
	return k;
}

/* Does a timestamp of some transport start here? */
static bool starts_with_time(const char *p, size_t len)
{
	const char *t;
	size_t tl;
	bool comma;
	if (len && p[0] == '[')
		return match_bracket_time(p, len, &t, &tl) > 0;
	return match_iso_date(p, len, &comma) > 0 || (!is_digit(p[0]) && match_mon_date(p, len) > 0);
}

/* grep output: "kern.log:", "123:", "kern.log.1:123:", "123-" (context).
 * Only taken as such when a timestamp follows, as kernel text never
 * starts with a file name.  Returns its length, 0 if none. */
static size_t match_grep_prefix(const char *p, size_t len)
{
	size_t i = 0;
	for (int field = 0; field < 2; field++) {
		size_t j = i;
		while (j < len && j - i < 256 && p[j] != ':' && p[j] != ' ' && p[j] != '\t')
			j++;
		/* a context line ("123-") ends its number with '-' */
		size_t d = span_digits(p + i, len - i);
		if (d > 0 && i + d < len && p[i + d] == '-')
			j = i + d;
		if (j == i || j >= len || (p[j] != ':' && p[j] != '-'))
			return 0;
		i = j + 1;
		if (starts_with_time(p + i, len - i))
			return i;
	}
	return 0;
}

/* Leading text that says something was cut from a syslog prefix ("... ",
 * "[...] ", "… "): its length, or 0. */
static size_t match_elision(const char *p, size_t len)
{
	if (HAS_LIT(p, len, "... "))
		return 4;
	if (HAS_LIT(p, len, "[...] "))
		return 6;
	if (HAS_LIT(p, len, "\xe2\x80\xa6 "))
		return 4;
	return 0;
}

static void strip_prefix(const char *p, size_t len, struct pfx *x)
{
	size_t pos = 0;
	memset(x, 0, sizeof(*x));
	if (len > 8 && !starts_with_time(p, len) && (pos = match_grep_prefix(p, len)) > 0)
		x->any = true;
	for (int round = 0; round < 8 && pos < len; round++) {
		const char *r = p + pos, *t, *h;
		size_t n = len - pos, k, tl, hl;
		bool kernel, comma;

		if (r[0] == '<' && n >= 3) {
			size_t d = span_digits(r + 1, n - 1);
			if (d >= 1 && d <= 3 && 1 + d < n && r[1 + d] == '>') {
				pos += d + 2;
				x->any = true;
				/* RFC 5424 on the wire: "<4>1 2026-…Z host kernel - - - text" */
				bool c5424;
				size_t k5;
				if (pos + 2 < len && p[pos] == '1' && p[pos + 1] == ' ' &&
				    (k5 = match_iso_date(p + pos + 2, len - pos - 2, &c5424)) > 0 &&
				    (k = match_rfc5424_rest(p + pos + 2 + k5, len - pos - 2 - k5, x)) > 0) {
					x->time = p + pos + 2;
					x->time_len = k5;
					if (x->drop)
						return;
					pos += 2 + k5 + k;
					break;
				}
				continue;
			}
		}
		if (round <= 1 && is_digit(r[0]) && (k = match_kmsg(r, n, x)) > 0) {
			pos += k;
			x->any = true;
			break;  /* the kernel text follows, raw */
		}
		if (is_lower(r[0]) && (k = match_fac_level(r, n)) > 0) {
			pos += k;
			x->any = true;
			continue;
		}
		if ((k = match_iso_date(r, n, &comma)) > 0 || (!is_digit(r[0]) && (k = match_mon_date(r, n)) > 0) ||
		    (k = match_journal_date(r, n)) > 0) {
			if (k < n && r[k] != ' ')
				goto not_date;
			if (!x->time) {
				x->time = r;
				x->time_len = k;
			}
			pos += k + (k < n);
			x->any = true;
			size_t m = comma ? 0 : match_host_tag(p + pos, len - pos, &h, &hl, &kernel);
			if (m) {
				if (!kernel) {
					x->drop = true;
					return;
				}
				if (h) {
					x->host = h;
					x->host_len = hl;
				}
				pos += m;
			}
			comma = false;
			continue;
		}
not_date:
		if (r[0] == '[' && (k = match_bracket_time(r, n, &t, &tl)) > 0) {
			if (!x->time) {
				x->time = t;
				x->time_len = tl;
			}
			pos += k;
			x->any = true;
			const char *c;
			size_t cl, ck = match_caller(p + pos, len - pos, &c, &cl);
			if (ck) {
				x->caller = c;
				x->caller_len = cl;
				pos += ck;
			}
			if (pos < len && p[pos] == ' ')
				pos++;
			/* journalctl -o short-monotonic: "[ 1234.567890] host kernel: " */
			size_t m = 0;
			const char *sp1 = memchr(p + pos, ' ', len - pos < 256 ? len - pos : 256);
			if (sp1 && (HAS_LIT(sp1 + 1, (size_t)(p + len - sp1 - 1), "kernel:") ||
				    HAS_LIT(sp1 + 1, (size_t)(p + len - sp1 - 1), "kernel[")))
				m = match_host_tag(p + pos, len - pos, &h, &hl, &kernel);
			if (m && kernel) {
				if (h) {
					x->host = h;
					x->host_len = hl;
				}
				pos += m;
			}
			continue;
		}
		if (r[0] == '[' && (k = match_caller(r, n, &t, &tl)) > 0) {
			x->caller = t;
			x->caller_len = tl;
			pos += k;
			if (pos < len && p[pos] == ' ')
				pos++;
			x->any = true;
			continue;
		}
		if (!x->time && !x->host) {
			/* a syslog prefix whose date (or date and host) was elided:
			 * "... kernel: [ 1.0] …", "[...] host kernel: …", "myhost kernel: …"
			 * — taken only with the kernel's tag */
			size_t el = match_elision(r, n);
			size_t m = match_host_tag(r + el, n - el, &h, &hl, &kernel);
			if (m && kernel) {
				if (h) {
					x->host = h;
					x->host_len = hl;
				}
				pos += el + m;
				x->any = true;
				continue;
			}
			if (el && round == 0) {
				pos += el;
				continue;
			}
		}
		break;
	}
	x->len = pos;
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

/* Does this (prefix-less) text start a report line of its own, rather than
 * continue a line a mail client wrapped? */
static bool looks_like_start(const char *p, size_t len)
{
	if (len == 0)
		return true;
	for (size_t i = 0; i < ARRAY_SIZE(line_starts); i++)
		if (has_prefix(p, len, line_starts[i]))
			return true;
	/* comm-led lines: "sed invoked oom-killer:", "sed cpuset=", "x: page allocation" */
	size_t look = len < 120 ? len : 120;
	if (memmem(p, look, " invoked oom-killer", 19) || memmem(p, look, " cpuset=", 8) ||
	    memmem(p, look, ": page allocation", 17))
		return true;
	/* "300582 total pagecache pages", "1048438 pages RAM" */
	size_t d = span_digits(p, len);
	if (d > 0 && (HAS_LIT(p + d, len - d, " pages") || HAS_LIT(p + d, len - d, " total pagecache")))
		return true;
	/* memcg stat "anon 31154200576" (5.3+, one pair per line) */
	size_t w = 0;
	while (w < len && (is_lower(p[w]) || p[w] == '_'))
		w++;
	if (w > 0 && w + 1 < len && p[w] == ' ' && span_digits(p + w + 1, len - w - 1) == len - w - 1)
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
	size_t d = span_digits(p + i, len - i);
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
		if (match_bracket_time(r, n, &t, &tl)) {
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
		size_t k = match_iso_date(r, n, &comma);
		if (!k && !is_digit(r[0]))
			k = match_mon_date(r, n);
		if (k && k < n && r[k] == ' ') {
			const char *h;
			size_t hl;
			bool kernel;
			if (match_host_tag(r + k + 1, n - k - 1, &h, &hl, &kernel)) {
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
		size_t d = span_digits(r, n);
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
	size_t k = match_mon_date(r, n);
	const char *h;
	size_t hl;
	bool kernel;
	return k && k < n && r[k] == ' ' && match_host_tag(r + k + 1, n - k - 1, &h, &hl, &kernel) > 0;
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
		while (from < len && (m = memmem(p + from, len - from, pats[k], pl)) != NULL) {
			size_t at = (size_t)(m - p);
			from = at + pl;
			if (k == 1 && !memmem(p + from, len - from < 80 ? len - from : 80, " mems_allowed=", 14))
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
 * one "key value" line each. */
static void memcg_pair_splits(struct report_scanner *s, const char *p, size_t len, size_t start)
{
	const char *colon = memmem(p + start, len - start, ": ", 2);
	if (!colon)
		return;
	size_t i = (size_t)(colon - p) + 2, first = i;
	for (;;) {
		size_t w = i;
		while (w < len && (is_lower(p[w]) || p[w] == '_'))
			w++;
		if (w == i || w >= len || p[w] != ' ')
			return;
		size_t d = span_digits(p + w + 1, len - w - 1);
		if (d == 0 || (w + 1 + d < len && p[w + 1 + d] != ' '))
			return;
		if (i != first || i > 0)
			add_split(s, i);
		i = w + 1 + d;
		if (i >= len)
			return;
		i++;
	}
}

static void find_splits(struct report_scanner *s, const char *p, size_t len)
{
	bool prefix_split = false;
	s->nsplits = 0;
	/* Two glued records make a long line; a short one is one record. */
	if (len < 96)
		return;
	bool mcg = HAS_LIT(p, len, "Memory cgroup stats for ");
	if (mcg)
		memcg_pair_splits(s, p, len, 0);
	for (size_t i = 1; i < len; i++) {
		char c = p[i];
		if (c != '[' && p[i - 1] != ' ') {
			/* a syslog line written into the middle of another one */
			if (is_upper(c) && i + 16 < len && p[i + 3] == ' ' && p[i + 9] == ':' &&
			    glued_syslog_header(p + i, len - i)) {
				if (add_split(s, i) < 0)
					return;
				prefix_split = true;
				struct pfx y;
				strip_prefix(p + i, len - i, &y);
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
			strip_prefix(p + i, len - i, &y);
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
		} else {
			/* copy plain runs in one go */
			size_t j = i;
			while (j < n && (unsigned char)p[j] >= 0x20 && p[j] != 0x7f && p[j] != '\\' && p[j] != '#')
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
				strip_prefix(seg, sl, &y);
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

static size_t strip_quote(const char *p, size_t len)
{
	size_t q = 0;
	while (q < len && p[q] == '>') {
		q++;
		if (q < len && p[q] == ' ')
			q++;
	}
	return q;
}

/* A pager cut the line at the terminal width and marked it with '>' (less
 * -S) or '…' (journalctl): drop the marker and the token it cut. */
static bool cut_pager_mark(const char *p, size_t *len)
{
	size_t n = *len;
	size_t mark = 0;
	if (n >= 3 && (unsigned char)p[n - 3] == 0xe2 && (unsigned char)p[n - 2] == 0x80 &&
	    (unsigned char)p[n - 1] == 0xa6)
		mark = 3;
	else if (n >= 2 && p[n - 1] == '>' && p[n - 2] != ' ' && p[n - 2] != '-')
		mark = 1;
	if (!mark)
		return false;
	size_t b = n - mark;
	while (b > 0 && p[b - 1] != ' ')
		b--;
	/* "<TASK>", "</IRQ>", "[<ffffffff>]": a tag, not a cut */
	if (mark == 1 && memchr(p + b, '<', n - b))
		return false;
	while (b > 0 && p[b - 1] == ' ')
		b--;
	*len = b;
	return true;
}

static bool is_kmsg_dict_line(const char *p, size_t len)
{
	if (len < 3 || p[0] != ' ')
		return false;
	size_t i = 1;
	while (i < len && (is_upper(p[i]) || is_digit(p[i]) || p[i] == '_'))
		i++;
	return i > 1 && i < len && p[i] == '=';
}

static uint64_t fnv1a(const char *p, size_t n)
{
	uint64_t h = 1469598103934665603ull;
	for (size_t i = 0; i < n; i++)
		h = (h ^ (unsigned char)p[i]) * 1099511628211ull;
	return h;
}

/* Where a marker line's kernel text starts when a prefix nobody knows is
 * in front of it: candidates (offsets into p) from right to left. */
static int prefix_candidates(const char *p, size_t len, size_t *cand, int max)
{
	static const char *const starts[] = { "Out of memory", "Memory cgroup out of memory", "Killed process ",
					      "oom-kill:constraint=", "oom_reaper: ", "Mem-Info:", "Tasks state " };
	int n = 0;
	for (size_t i = 0; i < ARRAY_SIZE(starts) && n == 0; i++) {
		const char *m = memmem(p, len, starts[i], strlen(starts[i]));
		if (m && m > p)
			cand[n++] = (size_t)(m - p);
	}
	const char *inv = n == 0 ? memmem(p, len, " invoked oom-killer:", 20) : NULL;
	if (inv) {
		/* the comm before " invoked" may hold spaces: each space is a candidate end */
		for (size_t i = (size_t)(inv - p); i > 0 && n < max; i--)
			if (p[i - 1] == ' ' && i - 1 < (size_t)(inv - p))
				cand[n++] = i;
	}
	return n;
}

/* A prefix no rule knows ("node17 | ", "app-log: "): learned from a marker
 * line when the next input line starts with the same bytes and then with
 * a report line.  Only the buffer is looked at (no read: p stays valid). */
static void learn_prefix(struct report_scanner *s, const char *p, size_t len)
{
	size_t cand[4];
	int n = prefix_candidates(p, len, cand, 4);
	if (n == 0 || s->pos >= s->end)
		return;
	const char *np = s->buf + s->pos;
	const char *nl = memchr(np, '\n', s->end - s->pos);
	size_t nlen = nl ? (size_t)(nl - np) : 0;
	for (int i = 0; i < n; i++) {
		size_t c = cand[i];
		if (c < 2 || c > sizeof(s->learned) || nlen <= c || memcmp(np, p, c) != 0)
			continue;
		const char *rest = np + c;
		size_t rl = nlen - c;
		while (rl && is_space(*rest))
			rest++, rl--;
		if (line_kind_of(rest, rl) == LK_NONE && !looks_like_start(rest, rl))
			continue;
		memcpy(s->learned, p, c);
		s->learned_len = c;
		return;
	}
}

/* Normalises one raw input line into queued logical lines. */
static void process_raw(struct report_scanner *s, const char *p, size_t len, uint64_t lineno, bool piece)
{
	if (len && p[len - 1] == '\r')
		len--;
	size_t q = strip_quote(p, len);
	p += q;
	len -= q;
	size_t qlen0 = s->qlen;

	if (s->prev_kmsg && is_kmsg_dict_line(p, len))
		return;  /* /dev/kmsg " SUBSYSTEM=…" dictionary lines */
	if (HAS_LIT(p, len, "-- ") && (HAS_LIT(p + 3, len - 3, "Boot ") ||
					  HAS_LIT(p + 3, len - 3, "Logs ") || HAS_LIT(p + 3, len - 3, "No entries")))
		return;  /* journalctl separators */
	bool learned = false;
	if (s->learned_len && !piece && len >= s->learned_len && memcmp(p, s->learned, s->learned_len) == 0) {
		p += s->learned_len;
		len -= s->learned_len;
		learned = true;
	}

	struct pfx x;
	if (piece) {
		memset(&x, 0, sizeof(x));
	} else {
		strip_prefix(p, len, &x);
		if (learned)
			x.any = true;
		if (x.any && x.time && !x.drop) {
			/* the same dated record twice in a row (two syslog rules
			 * writing one file, a relay that repeats): kept once */
			uint64_t h = fnv1a(p, len);
			if (s->dup_end_abs == s->cur_raw_abs && s->dup_len == len && s->dup_hash == h) {
				s->dup_end_abs = s->cur_raw_end_abs;
				return;
			}
			s->dup_hash = h;
			s->dup_len = len;
			s->dup_end_abs = s->cur_raw_end_abs;
		}
		if (!x.any && !s->learned_len && report_has_marker(p, len))
			learn_prefix(s, p, len);
		if (s->learned_len && !learned && len >= s->learned_len &&
		    memcmp(p, s->learned, s->learned_len) == 0) {
			/* the line it was learned from */
			p += s->learned_len;
			len -= s->learned_len;
			strip_prefix(p, len, &x);
			x.any = true;
		}
		if (x.drop) {
			/* another program's line — unless a kernel line was written
			 * into it (two writers, one lost newline) */
			if (len >= 96 && memmem(p + 16, len - 16, " kernel: ", 9))
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
	bool truncated = cut_pager_mark(body, &blen);

	/* Records with embedded newlines: kmsg "\x0a", rsyslog "#012". */
	const char *esc = x.kmsg ? "\\x0a" : "#012";
	size_t start = 0;
	bool cont = false;
	for (;;) {
		const char *m = blen > start ? memmem(body + start, blen - start, esc, 4) : NULL;
		size_t end = m ? (size_t)(m - body) : blen;
		if (end > start || !m)
			emit_glued(s, body + start, end - start, &x, lineno, cont, x.kmsg, false);
		if (!m)
			break;
		start = end + 4;
		cont = true;
	}
	if (s->qlen > qlen0) {
		struct item *last = &s->q[s->qlen - 1];
		last->last_of_raw = true;
		last->phys_len = len;
		last->truncated = truncated;
	}
}

/* ---- raw input -------------------------------------------------------- */

static int fill(struct report_scanner *s, uint64_t keep_abs)
{
	if (s->eof)
		return 0;
	size_t keep = s->pos;
	if (keep_abs != UINT64_MAX && keep_abs >= s->base_abs && keep_abs - s->base_abs < keep &&
	    s->pos - (keep_abs - s->base_abs) <= SCAN_MAX_LINE)
		keep = (size_t)(keep_abs - s->base_abs);
	if (keep > 0) {
		memmove(s->buf, s->buf + keep, s->end - keep);
		s->end -= keep;
		s->pos -= keep;
		s->base_abs += keep;
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

/* Is this needle hit part of a marker (or of a marker a mail client may
 * have wrapped)?  p[0..n) is the buffer, at the hit.  Unsure → yes. */
static bool needle_hit_ok(const char *p, size_t n, size_t at, size_t k)
{
	const char *h = p + at;
	size_t after = n - at;
	switch (k) {
	case 0:  /* "oom-kill…", "oom_reaper" */
		return after < 5 || memcmp(h + 3, "-kil", 4) == 0 || (after >= 10 && memcmp(h + 3, "_reaper", 7) == 0);
	case 1: { /* "Kill process", "Killed process" (a kill line wrapped after
		   * "Killed" also holds "Out of memory", found by its own needle) */
		size_t i = 4;
		if (after >= 6 && h[4] == 'e' && h[5] == 'd')
			i = 6;
		return after < i + 8 || memcmp(h + i, " process", 8) == 0;
	}
	case 2:
	case 3:  /* "Out of memory", "out of memory" */
		return at < 4 || memcmp(h - 4, "Out ", 4) == 0 || memcmp(h - 4, "out ", 4) == 0;
	case 5:  /* "Mem-Info:" (2.6.18 "Mem-info:") */
		return after < 9 || memcmp(h, "Mem-Info:", 9) == 0 || memcmp(h, "Mem-info:", 9) == 0;
	default: { /* "page allocation failure/stalls", also "page\nallocation …" */
		if (after < 18 || memcmp(h + 10, " failure", 8) == 0 || memcmp(h + 10, " stalls", 7) == 0)
			return true;
		/* "page allocation \nfailure:": wrapped right after the needle
		 * (fold -s keeps the space before its break) */
		size_t i = 10;
		while (i < after && (h[i] == ' ' || h[i] == '\r'))
			i++;
		return i >= after || h[i] == '\n';
	}
	}
}

/* Moves pos to the start of the next line that may hold a marker (or, to
 * repair a wrap, the line before it).  Returns 1, 0 at end, -errno. */
static int skip_to_candidate(struct report_scanner *s)
{
	size_t scan = s->pos;
	for (;;) {
		size_t m = s->end, k;
		while (scan < s->end) {
			size_t at = scan + find_needle(s->buf + scan, s->end - scan, &k);
			if (at >= s->end)
				break;
			if (needle_hit_ok(s->buf, s->end, at, k)) {
				m = at;
				break;
			}
			scan = at + 1;
		}
		if (m < s->end) {
			const char *ls = m > s->pos ? memrchr(s->buf + s->pos, '\n', m - s->pos) : NULL;
			size_t line = ls ? (size_t)(ls - s->buf) + 1 : s->pos;
			/* the oldest byte still in the buffer that was skipped, not processed */
			size_t lowest = s->pos;
			if (s->backup_abs != UINT64_MAX && s->backup_abs >= s->base_abs &&
			    s->backup_abs < s->base_abs + s->pos)
				lowest = (size_t)(s->backup_abs - s->base_abs);
			if (s->processed_abs > s->base_abs + lowest && s->processed_abs <= s->base_abs + s->pos)
				lowest = (size_t)(s->processed_abs - s->base_abs);
			const char *nl = memchr(s->buf + line, '\n', s->end - line);
			size_t line_end = nl ? (size_t)(nl - s->buf) : s->end;
			size_t start;
			s->any_hit = true;
			if (line_kind_is_trigger_text(s->buf + line, line_end - line)) {
				/* a report's own start: begin at the line before it, which
				 * may be the head of a marker line a mail client wrapped */
				start = line;
				if (line > lowest) {
					const char *ps = memrchr(s->buf + lowest, '\n', line - 1 - lowest);
					start = ps ? (size_t)(ps - s->buf) + 1 : lowest;
				}
			} else {
				/* any other marker may be the first line left of a report
				 * whose head is cut: back-fill from a window before it */
				start = line - lowest > SCAN_BACKFILL ? line - SCAN_BACKFILL : lowest;
				if (start > lowest && s->buf[start - 1] != '\n') {
					const char *n2 = memchr(s->buf + start, '\n', line - start);
					start = n2 ? (size_t)(n2 - s->buf) + 1 : line;
				}
				s->backfill_until_abs = s->base_abs + line;
			}
			if (start >= s->pos)
				s->lines_before_pos += count_newlines(s->buf + s->pos, start - s->pos);
			else
				s->lines_before_pos -= count_newlines(s->buf + start, s->pos - start);
			if (start != s->pos)
				s->piece_pending = false;
			s->pos = start;
			s->backup_abs = UINT64_MAX;
			return 1;
		}
		/* no marker in the buffer: skip its complete lines, keep the last one
		 * for a possible wrap repair, and read on */
		const char *ls = s->end > s->pos ? memrchr(s->buf + s->pos, '\n', s->end - s->pos) : NULL;
		if (ls) {
			size_t upto = (size_t)(ls - s->buf) + 1;
			/* keep a back-fill window of the skipped lines (never lines
			 * already handed on), starting at a line start */
			size_t lowest = s->pos;
			if (s->backup_abs != UINT64_MAX && s->backup_abs >= s->base_abs &&
			    s->backup_abs < s->base_abs + s->pos)
				lowest = (size_t)(s->backup_abs - s->base_abs);
			if (s->processed_abs > s->base_abs + lowest && s->processed_abs <= s->base_abs + s->pos)
				lowest = (size_t)(s->processed_abs - s->base_abs);
			size_t win = upto - lowest > SCAN_BACKFILL ? upto - SCAN_BACKFILL : lowest;
			if (win > lowest && s->buf[win - 1] != '\n') {
				const char *n2 = memchr(s->buf + win, '\n', upto - 1 - win);
				if (n2) {
					win = (size_t)(n2 - s->buf) + 1;
				} else {
					/* one long line: keep just the last line, for a wrap repair */
					const char *ps = upto - 1 > s->pos ? memrchr(s->buf + s->pos, '\n', upto - 1 - s->pos) : NULL;
					win = ps ? (size_t)(ps - s->buf) + 1 : s->pos;
				}
			}
			s->lines_before_pos += count_newlines(s->buf + s->pos, upto - s->pos);
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

/* ---- wrap repair -------------------------------------------------------- */

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
		size_t q = strip_quote(p, len);
		p += q;
		len -= q;
		if (len == 0)
			return 0;
		if (s->learned_len && len >= s->learned_len && memcmp(p, s->learned, s->learned_len) == 0)
			return 0;   /* a record of its own, behind a learned prefix */
		struct pfx x;
		strip_prefix(p, len, &x);
		if (x.any || x.drop)
			return 0;
		size_t ind = 0;
		while (ind < len && is_space(p[ind]))
			ind++;
		if (ind >= len || HAS_LIT(p + ind, len - ind, "-- "))
			return 0;
		/* Only where a mail client's greedy wrap would have broken the
		 * line: the next word did not fit on it. */
		size_t w = ind;
		while (w < len && !is_space(p[w]))
			w++;
		if (it->phys_len + 1 + (w - ind) <= 60)
			return 0;
		if (it->prefixed) {
			/* Lines around carry a prefix, this one none: the rest of a
			 * wrapped line — unless indented like a record's continuation,
			 * or a /dev/kmsg dictionary line. */
			if (ind > 0 && ind + 1 >= s->prev_prefix_width)
				return 0;
			if (s->prev_kmsg && is_kmsg_dict_line(p, len))
				return 0;
		} else {
			/* a plain paste: lines near a mail client's wrap width that do
			 * not start a report line of their own */
			const char *t = arena_text(s, it->text_off);
			bool invoked = it->text_len >= 8 && memcmp(t + it->text_len - 8, " invoked", 8) == 0;
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
		bool glue = lastc == ' ' || (lower_key && is_digit(first)) ||
			    (is_digit(lastc) && len - ind >= 2 && p[ind] == 'k' && p[ind + 1] == 'B');
		if (!glue)
			buf_addc(&s->arena, ' ');
		size_t body = len - ind;
		bool truncated = cut_pager_mark(p + ind, &body);
		put_text(s, p + ind, body, false);
		it->text_len = s->arena.len - it->text_off;
		it->phys_len = len;
		it->truncated = it->truncated || truncated;
		s->processed_abs = s->base_abs + r.off + r.consume;
		raw_consume(s, &r);
	}
	return 0;
}

/* ---- public API --------------------------------------------------------- */

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
	line->lineno = it->lineno;
	line->continuation = it->continuation;
	line->truncated = it->truncated;
}

int report_scanner_next(struct report_scanner *s, bool all_lines, struct report_line *line)
{
	for (;;) {
		while (s->qhead < s->qlen) {
			struct item *it = &s->q[s->qhead];
			bool marker = report_has_marker(arena_text(s, it->text_off), it->text_len);
			if (it->last_of_raw && s->qhead + 1 == s->qlen) {
				int rc = try_join(s, it);
				if (rc < 0)
					return rc;
				if (!marker)
					marker = report_has_marker(arena_text(s, it->text_off), it->text_len);
			}
			s->qhead++;
			if (!all_lines && !marker &&
			    !(it->backfill && (line_kind_flags(line_kind_of(arena_text(s, it->text_off), it->text_len)) & LKF_OPENS)))
				continue;
			fill_line(s, it, line);
			return 1;
		}
		s->qhead = s->qlen = 0;
		buf_clear(&s->arena);
		if (!all_lines) {
			int rc = skip_to_candidate(s);
			if (rc <= 0) {
				check_decompressor(s);
				return rc;
			}
		}
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
		raw_consume(s, &r);
		size_t q0 = s->qlen;
		s->cur_raw_abs = s->base_abs + r.off;
		s->cur_raw_end_abs = s->processed_abs;
		process_raw(s, s->buf + r.off, r.len, lineno, piece);
		for (size_t i = q0; i < s->qlen; i++)
			s->q[i].backfill = backfill;
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
	free(s->q);
	free(s->splits);
	free(s->buf);
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
	*out = s;
	return 0;
}
