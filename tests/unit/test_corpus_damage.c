/* test_corpus_damage.c — damage invariance (issue 8 §2): the facts of a real
 * report must not depend on the shape it was pasted in.  Every report of
 * tests/corpus/ is read as it is, then once per damage shape (quoted, nested
 * quotes, a tab, mailer wraps, stamps stripped, syslog/journal prefixes,
 * CRLF, a Markdown fence, cut at the top, trimmed in the middle, a record
 * repeated, prefixes with the date or host elided), and each fact the
 * corpus scores is compared with oomkit's own reading of the original (not
 * with the .json: this works on every report).
 *
 * The shapes that drop lines (cut top, trims) may lose a fact whose text was
 * only on the dropped lines; nothing else may change.  The counts of reports
 * whose fact changed, per shape and fact, may only fall: they are compared
 * with the baseline in tests/corpus/DAMAGE, like SCORE.  DAMAGE_VERBOSE=1
 * prints every change, DAMAGE_ONLY=<shape> runs one shape.  Under ASan only
 * every third report is read (the counts then stay below the baseline). */
#include <dirent.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "diagnose/analysis.h"
#include "diagnose/diagnose.h"
#include "model/event.h"
#include "report/report.h"
#include "util/util.h"

/* ---- text out (util's struct buf) --------------------------------------- */

static void put(struct buf *b, const char *s, size_t n)
{
	if (buf_add(b, s, n) < 0)
		abort();
}

static void puts_(struct buf *b, const char *s)
{
	put(b, s, strlen(s));
}

/* ---- the report as lines --------------------------------------------------- */

struct lines {
	const char **s;
	size_t *len;
	size_t n;
};

static void split_lines(const char *text, size_t len, struct lines *L)
{
	size_t cap = 64;
	L->s = malloc(cap * sizeof(*L->s));
	L->len = malloc(cap * sizeof(*L->len));
	L->n = 0;
	const char *p = text, *end = text + len;
	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		size_t n = nl ? (size_t)(nl - p) : (size_t)(end - p);
		if (L->n == cap) {
			cap *= 2;
			L->s = realloc(L->s, cap * sizeof(*L->s));
			L->len = realloc(L->len, cap * sizeof(*L->len));
		}
		L->s[L->n] = p;
		L->len[L->n++] = n;
		p += n + 1;
	}
}

static bool has(const char *s, size_t n, const char *needle)
{
	size_t k = strlen(needle);
	for (size_t i = 0; i + k <= n; i++)
		if (s[i] == needle[0] && memcmp(s + i, needle, k) == 0)
			return true;
	return false;
}

/* The dmesg stamp "[ 123.456789]" (and one space after it) in the first 64
 * bytes: *at its offset, returns its length, 0 when none. */
static size_t stamp_at(const char *s, size_t n, size_t *at)
{
	for (size_t i = 0; i < n && i < 64; i++) {
		if (s[i] != '[')
			continue;
		size_t j = i + 1;
		while (j < n && s[j] == ' ')
			j++;
		size_t d = j;
		while (j < n && s[j] >= '0' && s[j] <= '9')
			j++;
		if (j == d || j >= n || s[j] != '.')
			continue;
		size_t f = ++j;
		while (j < n && s[j] >= '0' && s[j] <= '9')
			j++;
		if (j == f || j >= n || s[j] != ']')
			continue;
		j++;
		if (j < n && s[j] == ' ')
			j++;
		*at = i;
		return j - i;
	}
	return 0;
}

static void put_unstamped(struct buf *b, const char *s, size_t n)
{
	size_t at, k = stamp_at(s, n, &at);
	if (!k) {
		put(b, s, n);
		return;
	}
	put(b, s, at);
	put(b, s + at + k, n - at - k);
}

/* A report that already carries a transport prefix on most lines is not
 * given a second one (no real log holds "kernel: … kernel: "). */
static bool prefixed(const struct lines *L)
{
	size_t with = 0, nonempty = 0;
	for (size_t i = 0; i < L->n; i++) {
		if (!L->len[i])
			continue;
		nonempty++;
		with += has(L->s[i], L->len[i], "kernel:") || has(L->s[i], L->len[i], "kernel[");
	}
	return with * 4 >= nonempty && with > 0;
}

/* A quoted-printable mail body ("=3D", soft breaks "=" at line ends): a
 * reader quotes, indents or wraps the decoded text, never the encoding, so
 * those shapes do not apply to it. */
static bool qp_body(const struct lines *L)
{
	size_t soft = 0, esc = 0;
	for (size_t i = 0; i < L->n; i++) {
		soft += L->len[i] && L->s[i][L->len[i] - 1] == '=';
		esc += has(L->s[i], L->len[i], "=3D") || has(L->s[i], L->len[i], "=20");
	}
	return soft >= 2 || esc >= 2;
}

/* ---- the damage shapes: each returns false when it does not apply ---------- */

static bool d_prefix(const struct lines *L, struct buf *b, const char *prefix, bool unstamp, bool crlf)
{
	for (size_t i = 0; i < L->n; i++) {
		puts_(b, prefix);
		if (unstamp)
			put_unstamped(b, L->s[i], L->len[i]);
		else
			put(b, L->s[i], L->len[i]);
		puts_(b, crlf ? "\r\n" : "\n");
	}
	return true;
}

static bool quote(const struct lines *L, struct buf *b) { return !qp_body(L) && d_prefix(L, b, "> ", false, false); }
static bool quote2(const struct lines *L, struct buf *b) { return !qp_body(L) && d_prefix(L, b, "> > ", false, false); }
static bool quote2b(const struct lines *L, struct buf *b) { return !qp_body(L) && d_prefix(L, b, ">> ", false, false); }
static bool tab(const struct lines *L, struct buf *b) { return !qp_body(L) && d_prefix(L, b, "\t", false, false); }
static bool indent4(const struct lines *L, struct buf *b) { return !qp_body(L) && d_prefix(L, b, "    ", false, false); }
static bool crlf(const struct lines *L, struct buf *b) { return d_prefix(L, b, "", false, true); }
static bool unstamp(const struct lines *L, struct buf *b) { return d_prefix(L, b, "", true, false); }

/* A collector's date for each line: 03:30:00 plus the line's dmesg stamp
 * (records a second apart get dates a second apart, as in a real log);
 * the stamp is dropped unless keep_stamp. */
static bool dated(const struct lines *L, struct buf *b, bool journal_fmt, bool keep_stamp)
{
	if (prefixed(L))
		return false;
	for (size_t i = 0; i < L->n; i++) {
		const char *l = L->s[i];
		size_t n = L->len[i], at, k = stamp_at(l, n, &at);
		double t = 0;
		if (k) {
			char tmp[40];
			size_t m = k < sizeof(tmp) ? k : sizeof(tmp) - 1;
			memcpy(tmp, l + at + 1, m);
			tmp[m] = '\0';
			t = strtod(tmp, NULL);
		}
		long sec = 3 * 3600 + 30 * 60 + (long)t;
		char pre[96];
		if (journal_fmt)
			snprintf(pre, sizeof(pre), "Dec 05 %02ld:%02ld:%02ld.%06ld myhost kernel: ", sec / 3600 % 24,
				 sec / 60 % 60, sec % 60, (long)((t - (long)t) * 1e6));
		else
			snprintf(pre, sizeof(pre), "Dec  5 %02ld:%02ld:%02ld myhost kernel: ", sec / 3600 % 24,
				 sec / 60 % 60, sec % 60);
		puts_(b, pre);
		if (keep_stamp)
			put(b, l, n);
		else
			put_unstamped(b, l, n);
		puts_(b, "\n");
	}
	return true;
}

static bool syslog_(const struct lines *L, struct buf *b) { return dated(L, b, false, false); }
static bool syslog_stamp(const struct lines *L, struct buf *b) { return dated(L, b, false, true); }
static bool journal(const struct lines *L, struct buf *b) { return dated(L, b, true, false); }

static bool elided_date(const struct lines *L, struct buf *b)
{
	return !prefixed(L) && d_prefix(L, b, "... kernel: ", false, false);
}

static bool elided_date_host(const struct lines *L, struct buf *b)
{
	return !prefixed(L) && d_prefix(L, b, "myhost kernel: ", false, false);
}

static bool fence(const struct lines *L, struct buf *b)
{
	puts_(b, "Here is what dmesg said:\n\n```\n");
	d_prefix(L, b, "", false, false);
	puts_(b, "```\n\nAny idea?\n");
	return true;
}

/* A mailer's hard wrap: a line longer than col breaks at its last space
 * before the column; the rest goes on at column 0 (and may break again). */
static bool wrap_at(const struct lines *L, struct buf *b, size_t col)
{
	bool any = false;
	for (size_t i = 0; i < L->n; i++) {
		const char *s = L->s[i];
		size_t n = L->len[i];
		while (n > col) {
			size_t lead = 0;
			while (lead < n && (s[lead] == ' ' || s[lead] == '\t'))
				lead++;
			size_t sp = col;
			while (sp > lead && s[sp] != ' ')
				sp--;
			if (sp <= lead)
				break;   /* one long word: mailers leave it */
			put(b, s, sp);
			puts_(b, "\n");
			any = true;
			s += sp + 1, n -= sp + 1;
		}
		put(b, s, n);
		puts_(b, "\n");
	}
	return any;
}

static bool wrap72(const struct lines *L, struct buf *b) { return !qp_body(L) && wrap_at(L, b, 72); }
static bool wrap80(const struct lines *L, struct buf *b) { return !qp_body(L) && wrap_at(L, b, 80); }

/* Lossy shapes: the text they keep, for the "went missing" test. */
static bool cut_top(const struct lines *L, struct buf *b)
{
	size_t i = 0;
	while (i < L->n && !has(L->s[i], L->len[i], "Mem-Info:"))
		i++;
	if (i == 0 || i == L->n)
		return false;
	for (; i < L->n; i++) {
		put(b, L->s[i], L->len[i]);
		puts_(b, "\n");
	}
	return true;
}

static bool zone_or_buddy(const char *s, size_t n)
{
	return has(s, n, "lowmem_reserve[]") || (has(s, n, " min:") && has(s, n, " low:") && has(s, n, " high:")) ||
	       has(s, n, "*4kB") || has(s, n, "*8kB") || has(s, n, "*16kB") || has(s, n, "*64kB");
}

/* The zone and buddy block of the first report becomes one "..." line. */
static bool trim_zones(const struct lines *L, struct buf *b)
{
	size_t first = L->n, last = 0;
	for (size_t i = 0; i < L->n; i++) {
		if (!zone_or_buddy(L->s[i], L->len[i]))
			continue;
		if (first == L->n)
			first = i;
		else if (i > last + 8)
			break;   /* the next report's block */
		last = i;
	}
	if (first == L->n || last <= first)
		return false;
	for (size_t i = 0; i < L->n; i++) {
		if (i == first)
			puts_(b, "...\n");
		if (i >= first && i <= last)
			continue;
		put(b, L->s[i], L->len[i]);
		puts_(b, "\n");
	}
	return true;
}

static bool task_row(const char *s, size_t n)
{
	/* "[  101]     0   101 …": a bracketed pid then numbers */
	for (const char *o = s; (o = memchr(o, '[', n - (size_t)(o - s))) != NULL; o++) {
		size_t i = (size_t)(o - s) + 1;
		while (i < n && s[i] == ' ')
			i++;
		size_t d = i;
		while (i < n && s[i] >= '0' && s[i] <= '9')
			i++;
		if (i > d && i + 1 < n && s[i] == ']' && s[i + 1] == ' ' && n - i > 12)
			return true;
	}
	return false;
}

/* The middle rows of the first task table become one "[...]" line. */
static bool trim_tasks(const struct lines *L, struct buf *b)
{
	size_t h = 0;
	while (h < L->n && !has(L->s[h], L->len[h], "pid ]") && !has(L->s[h], L->len[h], "pid]"))
		h++;
	if (h == L->n)
		return false;
	size_t r = h + 1;
	while (r < L->n && task_row(L->s[r], L->len[r]))
		r++;
	size_t rows = r - h - 1;
	if (rows < 6)
		return false;
	for (size_t i = 0; i < L->n; i++) {
		if (i == h + 3)
			puts_(b, "[...]\n");
		if (i >= h + 3 && i < r - 2)
			continue;
		put(b, L->s[i], L->len[i]);
		puts_(b, "\n");
	}
	return true;
}

/* Syslog repeats a record: the first line holding needle, twice. */
static bool dup_first(const struct lines *L, struct buf *b, const char *needle)
{
	bool done = false;
	for (size_t i = 0; i < L->n; i++) {
		put(b, L->s[i], L->len[i]);
		puts_(b, "\n");
		if (!done && has(L->s[i], L->len[i], needle)) {
			put(b, L->s[i], L->len[i]);
			puts_(b, "\n");
			done = true;
		}
	}
	return done;
}

static bool dup_kill(const struct lines *L, struct buf *b) { return dup_first(L, b, "Killed process"); }
static bool dup_header(const struct lines *L, struct buf *b) { return dup_first(L, b, "invoked oom-killer"); }

/* on_clean: the shape is applied to the report's lines as the scanner gives
 * them (transport, quoting and wraps undone, the dmesg stamp kept), the way
 * a log collector would write them, and compared with the reading of those
 * lines as they are ("normalised"): a syslog prefix goes inside a mail's
 * quote, not around it. */
static bool as_is(const struct lines *L, struct buf *b) { return d_prefix(L, b, "", false, false); }

static const struct shape {
	const char *name;
	bool (*fn)(const struct lines *, struct buf *);
	bool lossy, on_clean;
} shapes[] = {
	{"quote", quote, false, false},
	{"quote-nested", quote2, false, false},
	{"quote-nested-tight", quote2b, false, false},
	{"tab", tab, false, false},
	{"wrap72", wrap72, false, false},
	{"wrap80", wrap80, false, false},
	{"unstamp", unstamp, false, false},
	{"syslog", syslog_, false, true},
	{"syslog-stamp", syslog_stamp, false, true},
	{"journal-precise", journal, false, true},
	{"crlf", crlf, false, false},
	{"fence", fence, false, false},
	{"indent4", indent4, false, false},
	{"cut-top", cut_top, true, false},
	{"trim-zones", trim_zones, true, false},
	{"trim-tasks", trim_tasks, true, false},
	{"dup-kill", dup_kill, false, true},
	{"dup-header", dup_header, false, true},
	{"elided-date", elided_date, false, true},
	{"elided-date-host", elided_date_host, false, true},
	{"normalised", as_is, false, true},
};
#define NSHAPES (sizeof(shapes) / sizeof(shapes[0]))

/* ---- the facts test_corpus scores, as text ("" = not read) ----------------- */

enum {
	K_KIND, K_TRIGGER_COMM, K_TRIGGER_PID, K_GFP, K_ORDER, K_CONSTRAINT, K_MEMCG, K_VICTIM_PID,
	K_VICTIM_COMM, K_VICTIM_RSS, K_SWAP, K_ARCH, K_KERNEL, K_EVENTS, K_CAUSE, NKEYS
};
static const char *const key_name[NKEYS] = {
	"kind", "trigger_comm", "trigger_pid", "gfp", "order", "constraint", "memcg", "victim_pid",
	"victim_comm", "victim_rss", "swap", "arch", "kernel", "events", "cause",
};
/* Facts a kernel line prints literally: one that went missing with the
 * lines a lossy shape dropped is no change.  The others are derived. */
static const bool key_literal[NKEYS] = {
	[K_TRIGGER_COMM] = true, [K_TRIGGER_PID] = true, [K_GFP] = true, [K_MEMCG] = true,
	[K_VICTIM_PID] = true, [K_VICTIM_COMM] = true, [K_VICTIM_RSS] = true, [K_SWAP] = true,
	[K_KERNEL] = true, [K_ORDER] = true,
};
/* Derived from lines a lossy shape may drop (stack frames, the header):
 * such a fact may go missing with them, never change to another value. */
static const bool key_may_vanish[NKEYS] = {
	[K_ARCH] = true, [K_TRIGGER_COMM] = true, [K_TRIGGER_PID] = true, [K_GFP] = true, [K_ORDER] = true,
	[K_KERNEL] = true,
};

struct reading {
	int events;
	char v[NKEYS][600];
	char lit[NKEYS][64];   /* the text to look for in a lossy shape's kept lines */
};

static struct findings fs;
static struct event_analysis an;

static void num(char *out, size_t cap, int64_t v)
{
	if (known(v))
		snprintf(out, cap, "%lld", (long long)v);
	else
		out[0] = '\0';
}

static void on_event(struct oom_event *ev, void *ctx)
{
	struct reading *r = ctx;
	if (r->events++)
		return;
	event_analyse(ev, &an);
	diagnose_event_analysed(ev, &an, &fs);
	snprintf(r->v[K_KIND], sizeof(r->v[0]), "%s", oom_kind_name(ev->kind));
	snprintf(r->v[K_TRIGGER_COMM], sizeof(r->v[0]), "%s", ev->req.trigger_comm);
	num(r->v[K_TRIGGER_PID], sizeof(r->v[0]), ev->req.trigger_pid);
	if (an.gfp_hex[0] || ev->req.gfp_text[0])
		snprintf(r->v[K_GFP], sizeof(r->v[0]), "%s %s", an.gfp_hex, ev->req.gfp_text);
	snprintf(r->lit[K_GFP], sizeof(r->lit[0]), "%s", an.gfp_hex);
	num(r->v[K_ORDER], sizeof(r->v[0]), ev->req.order);
	snprintf(r->lit[K_ORDER], sizeof(r->lit[0]), "order=%lld", (long long)ev->req.order);
	snprintf(r->v[K_CONSTRAINT], sizeof(r->v[0]), "%s", ev->constraint);
	snprintf(r->v[K_MEMCG], sizeof(r->v[0]), "%s", ev->oom_memcg[0] ? ev->oom_memcg : ev->snap.memcg.path);
	if (ev->have_victim) {
		num(r->v[K_VICTIM_PID], sizeof(r->v[0]), ev->victim.pid);
		snprintf(r->v[K_VICTIM_COMM], sizeof(r->v[0]), "%s", ev->victim.comm);
		char a[24], f[24], s[24], t[24];
		num(a, sizeof(a), ev->victim.anon_rss_kib);
		num(f, sizeof(f), ev->victim.file_rss_kib);
		num(s, sizeof(s), ev->victim.shmem_rss_kib);
		num(t, sizeof(t), ev->victim.total_vm_kib);
		if (a[0] || f[0] || s[0] || t[0])
			snprintf(r->v[K_VICTIM_RSS], sizeof(r->v[0]), "anon %s file %s shmem %s vm %s", a, f, s, t);
		snprintf(r->lit[K_VICTIM_RSS], sizeof(r->lit[0]), "%s", a[0] ? a : t);
	}
	char tot[24], fr[24];
	num(tot, sizeof(tot), an.mem.swap_total_kib);
	num(fr, sizeof(fr), an.mem.swap_free_kib);
	if (tot[0] || fr[0])
		snprintf(r->v[K_SWAP], sizeof(r->v[0]), "%s/%s", fr, tot);
	snprintf(r->lit[K_SWAP], sizeof(r->lit[0]), "%s", tot[0] ? tot : fr);
	snprintf(r->v[K_ARCH], sizeof(r->v[0]), "%s", ev->arch);
	snprintf(r->v[K_KERNEL], sizeof(r->v[0]), "%s", ev->kernel);
	snprintf(r->v[K_CAUSE], sizeof(r->v[0]), "%s", fs.n ? fs.items[0].id : "");
	for (int k = 0; k < NKEYS; k++)
		if (!r->lit[k][0]) {
			size_t n = strnlen(r->v[k], sizeof(r->lit[0]) - 1);
			memcpy(r->lit[k], r->v[k], n);
			r->lit[k][n] = '\0';
		}
}

static bool read_text(const char *text, size_t len, const char *name, struct reading *r)
{
	memset(r, 0, sizeof(*r));
	int rc = report_read_mem(text, len, name, on_event, NULL, r);
	snprintf(r->v[K_EVENTS], sizeof(r->v[0]), "%d", r->events);
	return rc >= 0;
}

/* ---- the table and its baseline ---------------------------------------------- */

static int changed[NSHAPES][NKEYS];
static int applied[NSHAPES];
static int base[NSHAPES][NKEYS];
static bool verbose;

static void read_baseline(void)
{
	char path[1100];
	snprintf(path, sizeof(path), "%s/tests/corpus/DAMAGE", check_srcdir());
	char *text = slurp(path, NULL);
	if (!text)
		return;
	/* "<shape> <fact> <count>" lines; a pair not listed allows 0 */
	for (char *line = strtok(text, "\n"); line; line = strtok(NULL, "\n")) {
		char sh[64], key[64];
		int c;
		if (line[0] == '#' || sscanf(line, "%63s %63s %d", sh, key, &c) != 3)
			continue;
		for (size_t i = 0; i < NSHAPES; i++)
			for (int k = 0; k < NKEYS; k++)
				if (!strcmp(shapes[i].name, sh) && !strcmp(key_name[k], key))
					base[i][k] = c;
	}
	free(text);
}

/* The report as the scanner reads it: one kernel line a line, its dmesg
 * stamp (when it had one) in front. */
static void clean_text(const char *text, size_t len, struct buf *out)
{
	struct report_scanner *sc;
	if (report_scanner_open_mem(&sc, text, len, "clean") < 0)
		return;
	struct report_line l;
	while (report_scanner_next(sc, true, &l) == 1) {
		bool mono = l.time && l.time_len && l.time[0] >= '0' && l.time[0] <= '9' &&
			    memchr(l.time, '.', l.time_len) && !memchr(l.time, ':', l.time_len);
		if (mono) {
			puts_(out, "[");
			put(out, l.time, l.time_len);
			puts_(out, "] ");
		}
		put(out, l.text, l.len);
		puts_(out, "\n");
	}
	report_scanner_close(sc);
}

static void damage_one(const char *path, const char *name, const char *only, struct buf *b)
{
	size_t len;
	char *text = slurp(path, &len);
	if (!text)
		return;
	struct reading orig, got;
	check_current = name;
	CHECK(read_text(text, len, name, &orig));
	struct lines L, C;
	split_lines(text, len, &L);
	struct buf clean = BUF_INIT;
	clean_text(text, len, &clean);
	split_lines(clean.data ? clean.data : "", clean.len, &C);
	struct reading norm;
	CHECK(read_text(clean.data ? clean.data : "", clean.len, name, &norm));
	for (size_t i = 0; i < NSHAPES; i++) {
		if (only && strcmp(only, shapes[i].name))
			continue;
		buf_clear(b);
		if (!shapes[i].fn(shapes[i].on_clean ? &C : &L, b))
			continue;
		applied[i]++;
		check_current = shapes[i].name;
		CHECK(read_text(b->data ? b->data : "", b->len, name, &got));
		const struct reading *ref = shapes[i].on_clean && shapes[i].fn != as_is ? &norm : &orig;
		for (int k = 0; k < NKEYS; k++) {
			if (!strcmp(ref->v[k], got.v[k]))
				continue;
			/* gone with the dropped lines: no change */
			if (shapes[i].lossy && key_literal[k] && !got.v[k][0] && ref->lit[k][0] &&
			    !has(b->data, b->len, ref->lit[k]))
				continue;
			if (shapes[i].lossy && key_may_vanish[k] && !got.v[k][0])
				continue;
			/* show_mem lines left alone are a fragment: the kind went
			 * with the lines that said it */
			if (shapes[i].lossy && k == K_KIND && !strcmp(got.v[k], "fragment"))
				continue;
			changed[i][k]++;
			if (verbose)
				printf("DAMAGE %s %s %s: \"%s\" -> \"%s\"\n", shapes[i].name, name, key_name[k],
				       ref->v[k], got.v[k]);
		}
	}
	free(L.s);
	free(L.len);
	free(C.s);
	free(C.len);
	buf_release(&clean);
	free(text);
}

#if defined(__SANITIZE_ADDRESS__)
#define SAMPLE 3
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define SAMPLE 3
#endif
#endif
#ifndef SAMPLE
#define SAMPLE 1
#endif

int main(void)
{
	verbose = getenv("DAMAGE_VERBOSE") && *getenv("DAMAGE_VERBOSE");
	const char *only = getenv("DAMAGE_ONLY");
	if (only && !*only)
		only = NULL;
	char dir[1024];
	snprintf(dir, sizeof(dir), "%s/tests/corpus", check_srcdir());
	int n;
	char **names = check_list_logs(dir, &n);
	if (!names) {
		SKIP("tests/corpus missing (OOMKIT_SRCDIR?)");
		return check_summary();
	}
	struct buf b = BUF_INIT;
	for (int i = 0; i < n; i++) {
		if (i % SAMPLE == 0) {
			char path[2200];
			snprintf(path, sizeof(path), "%s/%s", dir, names[i]);
			damage_one(path, names[i], only, &b);
		}
		free(names[i]);
	}
	free(names);
	buf_release(&b);
	read_baseline();

	/* the table: reports whose fact changed, per shape */
	printf("%-19s %5s", "shape (reports)", "");
	for (int k = 0; k < NKEYS; k++)
		printf(" %.5s", key_name[k] + (k == K_TRIGGER_COMM || k == K_TRIGGER_PID ? 8 : 0));
	printf("\n");
	bool lower = false;
	check_current = "damage";
	for (size_t i = 0; i < NSHAPES; i++) {
		if (only && strcmp(only, shapes[i].name))
			continue;
		printf("%-19s %5d", shapes[i].name, applied[i]);
		for (int k = 0; k < NKEYS; k++)
			printf(" %5d", changed[i][k]);
		printf("\n");
		for (int k = 0; k < NKEYS; k++) {
			if (changed[i][k] > base[i][k]) {
				check_failed++;
				printf("FAIL damage: %s %s: %d reports changed, baseline %d (tests/corpus/DAMAGE)\n",
				       shapes[i].name, key_name[k], changed[i][k], base[i][k]);
			} else {
				check_passed++;
				lower |= SAMPLE == 1 && !only && changed[i][k] < base[i][k];
			}
		}
	}
	if (lower)
		printf("damage: below the baseline; lower tests/corpus/DAMAGE to keep the gain\n");
	if (SAMPLE == 1 && !only && verbose) {
		printf("# tests/corpus/DAMAGE as measured now:\n");
		for (size_t i = 0; i < NSHAPES; i++)
			for (int k = 0; k < NKEYS; k++)
				if (changed[i][k])
					printf("%s %s %d\n", shapes[i].name, key_name[k], changed[i][k]);
	}
	return check_summary();
}
