/* json.c — a streaming JSON writer: nothing is kept but the nesting stack,
 * so a report with a million tasks costs no more memory than one with ten. */
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
	fputc('\n', j->f);
	for (int i = 0; i < j->depth; i++)
		fputs("  ", j->f);
}

static void key(struct json *j, const char *k)
{
	if (j->depth > 0 && j->need_comma[j->depth])
		fputc(',', j->f);
	if (j->depth > 0) {
		j->need_comma[j->depth] = true;
		indent(j);
	}
	if (k) {
		fputc('"', j->f);
		escape_json(j->f, k, strlen(k));
		fputs(j->pretty ? "\": " : "\":", j->f);
	}
}

static void open_(struct json *j, const char *k, char c)
{
	key(j, k);
	fputc(c, j->f);
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
	fputc(c, j->f);
}

void json_obj_begin(struct json *j, const char *k) { open_(j, k, '{'); }
void json_obj_end(struct json *j) { close_(j, '}'); }
void json_arr_begin(struct json *j, const char *k) { open_(j, k, '['); }
void json_arr_end(struct json *j) { close_(j, ']'); }

void json_strn(struct json *j, const char *k, const char *s, size_t len)
{
	key(j, k);
	if (!s) {
		fputs("null", j->f);
		return;
	}
	fputc('"', j->f);
	escape_json(j->f, s, len);
	fputc('"', j->f);
}

void json_str(struct json *j, const char *k, const char *s)
{
	json_strn(j, k, s, s ? strlen(s) : 0);
}

void json_int(struct json *j, const char *k, int64_t v)
{
	key(j, k);
	if (v == OOM_NA)
		fputs("null", j->f);
	else
		fprintf(j->f, "%lld", (long long)v);
}

void json_uint(struct json *j, const char *k, uint64_t v)
{
	key(j, k);
	fprintf(j->f, "%llu", (unsigned long long)v);
}

void json_double(struct json *j, const char *k, double v, int decimals)
{
	key(j, k);
	if (isnan(v) || isinf(v))
		fputs("null", j->f);
	else
		fprintf(j->f, "%.*f", decimals, v);
}

void json_bool(struct json *j, const char *k, bool v)
{
	key(j, k);
	fputs(v ? "true" : "false", j->f);
}

void json_null(struct json *j, const char *k)
{
	key(j, k);
	fputs("null", j->f);
}

void json_end(struct json *j)
{
	fputc('\n', j->f);
}
