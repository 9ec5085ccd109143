/* json.c — a streaming JSON writer: nothing is kept but the nesting stack,
 * so a report with a million tasks costs no more memory than one with ten.
 * Writes with stdio's _unlocked calls: no program of oomkit's shares a FILE
 * between threads (it starts none), and explain --json makes a write per
 * value (68 000 for the bench log, bench/explain), each of which took
 * the stream's lock. */
#include <math.h>
#include <string.h>

#include "util/util.h"

void json_init(struct json *j, FILE *f, bool pretty)
{
	memset(j, 0, sizeof(*j));
	j->f = f;
	j->pretty = pretty;
}

static void indent(struct json *j)
{
	if (!j->pretty)
		return;
	static const char nl_spaces[] = "\n                                                                ";
	size_t n = 1 + 2 * (size_t)j->depth;
	io_put(j->f, nl_spaces, n < sizeof(nl_spaces) - 1 ? n : sizeof(nl_spaces) - 1);
}

/* A key of plain printable ASCII (every key the program writes) needs no
 * escaping: it goes out with the comma, the indent and the value in one
 * write (explain --json writes a key per task-table cell: bench/explain). */
static bool plain_key(const char *k, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (k[i] < 0x20 || k[i] >= 0x7f || k[i] == '"' || k[i] == '\\')
			return false;
	return true;
}

#define KEY_BUF 200

/* Writes the comma, indent and key before a value into b (KEY_BUF bytes):
 * the bytes put there, to be written with the value; or, for an unusual
 * key, writes it all itself and returns 0. */
static size_t key_into(struct json *j, const char *k, char *b)
{
	size_t n = 0;
	if (j->depth > 0) {
		if (j->need_comma[j->depth])
			b[n++] = ',';
		j->need_comma[j->depth] = true;
		if (j->pretty) {
			b[n++] = '\n';
			memset(b + n, ' ', 2 * (size_t)j->depth);  /* depth < 32: 62 at most */
			n += 2 * (size_t)j->depth;
		}
	}
	if (!k)
		return n;
	size_t kl = strlen(k);
	if (kl <= 64 && plain_key(k, kl)) {
		b[n++] = '"';
		memcpy(b + n, k, kl);
		n += kl;
		b[n++] = '"';
		b[n++] = ':';
		if (j->pretty)
			b[n++] = ' ';
		return n;
	}
	io_put(j->f, b, n);
	fputc_unlocked('"', j->f);
	escape_json(j->f, k, kl);
	fputs_unlocked(j->pretty ? "\": " : "\":", j->f);
	return 0;
}

static void key(struct json *j, const char *k)
{
	char b[KEY_BUF];
	size_t n = key_into(j, k, b);
	if (n)
		io_put(j->f, b, n);
}

static void open_(struct json *j, const char *k, char c)
{
	key(j, k);
	fputc_unlocked(c, j->f);
	if (j->depth < (int)ARRAY_SIZE(j->need_comma) - 1)
		j->depth++;
	j->need_comma[j->depth] = false;
}

static void close_(struct json *j, char c)
{
	bool had = j->need_comma[j->depth];
	if (j->depth > 0)
		j->depth--;
	if (had)
		indent(j);
	fputc_unlocked(c, j->f);
}

void json_obj_begin(struct json *j, const char *k) { open_(j, k, '{'); }
void json_obj_end(struct json *j) { close_(j, '}'); }
void json_arr_begin(struct json *j, const char *k) { open_(j, k, '['); }
void json_arr_end(struct json *j) { close_(j, ']'); }

void json_strn(struct json *j, const char *k, const char *s, size_t len)
{
	key(j, k);
	if (!s) {
		fputs_unlocked("null", j->f);
		return;
	}
	fputc_unlocked('"', j->f);
	escape_json(j->f, s, len);
	fputc_unlocked('"', j->f);
}

void json_str(struct json *j, const char *k, const char *s)
{
	json_strn(j, k, s, s ? strlen(s) : 0);
}

/* Decimal digits of v, right-aligned ending at e: their start. */
static char *put_u64(char *e, uint64_t v)
{
	do {
		*--e = (char)('0' + v % 10);
		v /= 10;
	} while (v);
	return e;
}

void json_int(struct json *j, const char *k, int64_t v)
{
	char b[KEY_BUF + 24];
	size_t n = key_into(j, k, b);
	if (v == OOM_NA) {
		memcpy(b + n, "null", 4);
		n += 4;
	} else {
		char d[24], *e = d + sizeof(d), *s = put_u64(e, v < 0 ? 0 - (uint64_t)v : (uint64_t)v);
		if (v < 0)
			*--s = '-';
		memcpy(b + n, s, (size_t)(e - s));
		n += (size_t)(e - s);
	}
	io_put(j->f, b, n);
}

void json_uint(struct json *j, const char *k, uint64_t v)
{
	char b[KEY_BUF + 24], d[24], *e = d + sizeof(d), *s = put_u64(e, v);
	size_t n = key_into(j, k, b);
	memcpy(b + n, s, (size_t)(e - s));
	n += (size_t)(e - s);
	io_put(j->f, b, n);
}

void json_double(struct json *j, const char *k, double v, int decimals)
{
	key(j, k);
	if (isnan(v) || isinf(v))
		fputs_unlocked("null", j->f);
	else
		fprintf(j->f, "%.*f", decimals, v);
}

void json_bool(struct json *j, const char *k, bool v)
{
	key(j, k);
	fputs_unlocked(v ? "true" : "false", j->f);
}

void json_null(struct json *j, const char *k)
{
	key(j, k);
	fputs_unlocked("null", j->f);
}

void json_end(struct json *j)
{
	fputc_unlocked('\n', j->f);
}
