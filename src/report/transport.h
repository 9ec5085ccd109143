/* transport.h — the transports an OOM report travels in, private to
 * report/scan.c: syslog (RFC 3164, RFC 5424, rsyslog), journalctl output
 * formats, dmesg (-T, -x, --time-format), /dev/kmsg records, printk caller
 * ids, grep prefixes, "> " quoting and pager cuts (transport.c).  The
 * compressors are in decompress.c. */
#ifndef OOMKIT_TRANSPORT_H
#define OOMKIT_TRANSPORT_H

#include <stdbool.h>
#include <stddef.h>
#include <string.h>

static inline bool is_digit(char c) { return c >= '0' && c <= '9'; }
static inline bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }
static inline bool is_lower(char c) { return c >= 'a' && c <= 'z'; }
static inline bool is_alpha(char c) { return is_upper(c) || is_lower(c); }
static inline bool is_space(char c) { return c == ' ' || c == '\t'; }

/* has a prefix that is a string literal: no strlen at run time */
#define HAS_LIT(p, len, lit) ((len) >= sizeof(lit) - 1 && memcmp((p), (lit), sizeof(lit) - 1) == 0)

size_t tr_span_digits(const char *p, size_t len);

/* What a transport prefix said. */
struct pfx {
	const char *time, *host, *caller;
	size_t time_len, host_len, caller_len;
	const char *mono;      /* the kernel's own stamp ("[    0.000000]", kmsg usec) even behind a date; NULL none */
	size_t mono_len;
	size_t len;            /* bytes of prefix */
	bool any, kmsg, drop;
	bool jcursor, jmessage;  /* journalctl -o verbose: the entry's date-and-cursor line, its MESSAGE= field */
	char kmsg_time[32];    /* kmsg usec formatted as seconds */
};

/* Strips every transport prefix at the start of p.  x->len says how much;
 * x->drop says the line belongs to another program. */
void tr_strip_prefix(const char *p, size_t len, struct pfx *x);
/* Does a timestamp of some transport start here? */
bool tr_starts_with_time(const char *p, size_t len);
/* Syslog / journal "Sep 23 02:04:16[.frac]" in any locale: its length or 0. */
size_t tr_mon_date(const char *p, size_t len);
/* ctime(3) "Tue Mar 11 09:26:00 2025" (OpenWrt logread): its length or 0. */
size_t tr_ctime_date(const char *p, size_t len);
/* ISO 8601 date-time; *comma_frac: dmesg --time-format=iso's ',' fraction. */
size_t tr_iso_date(const char *p, size_t len, bool *comma_frac);
/* "[  1234.567890]" / "[Tue Aug 12 03:54:03 2025]": length through ']', *t the inside. */
size_t tr_bracket_time(const char *p, size_t len, const char **t, size_t *tlen);
/* CONFIG_PRINTK_CALLER "[ T123]". */
size_t tr_caller(const char *p, size_t len, const char **c, size_t *clen);
/* "host tag[pid]: " after a syslog date; *kernel: the tag is the kernel's. */
size_t tr_host_tag(const char *p, size_t len, const char **host, size_t *host_len, bool *kernel);
/* "> " quoting (any depth), and a paste frame before a timestamp (a table
 * row's "| ", a list item's "- ", a pastebin line number "  3. "): bytes
 * to skip. */
size_t tr_strip_quote(const char *p, size_t len);
/* The length of p[0, len) without a table row's closing " | |" when the
 * quote (tr_strip_quote's bytes) opened a row with '|'. */
size_t tr_strip_frame_tail(const char *p, size_t len, size_t quote);
/* ": " / "| " in front of a pasted stamped line, or a Markdown fence glued
 * before its stamp ("```[ 1.0] …"): bytes to skip. */
size_t tr_strip_paste_mark(const char *p, size_t len);
/* A pager's cut mark ('>' of less -S, '…' of journalctl): drops it and the
 * token it cut; true when there was one. */
bool tr_cut_pager_mark(const char *p, size_t *len);
/* A /dev/kmsg dictionary line " SUBSYSTEM=…". */
bool tr_is_kmsg_dict_line(const char *p, size_t len);

#endif
