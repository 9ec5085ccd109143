/* json_valid.h — a tiny JSON validator for the tests of JSON writers
 * (RFC 8259 grammar, no semantics): json_valid(text, len), json_valid_s(s). */
#ifndef OOMKIT_TEST_JSON_VALID_H
#define OOMKIT_TEST_JSON_VALID_H

#include <ctype.h>
#include <stdbool.h>
#include <string.h>

static const char *jp, *jend;
static inline void ws(void) { while (jp < jend && (*jp == ' ' || *jp == '\n' || *jp == '\t' || *jp == '\r')) jp++; }
static inline int value(int depth);
static inline int string(void)
{
	if (jp >= jend || *jp != '"')
		return 0;
	jp++;
	while (jp < jend && *jp != '"') {
		unsigned char c = (unsigned char)*jp;
		if (c < 0x20)
			return 0;
		if (c == '\\') {
			jp++;
			if (jp >= jend)
				return 0;
			if (*jp == 'u') {
				for (int i = 1; i <= 4; i++)
					if (jp + i >= jend || !isxdigit((unsigned char)jp[i]))
						return 0;
				jp += 4;
			} else if (!strchr("\"\\/bfnrt", *jp)) {
				return 0;
			}
		}
		jp++;
	}
	if (jp >= jend)
		return 0;
	jp++;
	return 1;
}
static inline int value(int depth)
{
	if (depth > 64)
		return 0;
	ws();
	if (jp >= jend)
		return 0;
	if (*jp == '{' || *jp == '[') {
		char close = *jp == '{' ? '}' : ']';
		bool obj = *jp == '{';
		jp++;
		ws();
		if (jp < jend && *jp == close) {
			jp++;
			return 1;
		}
		for (;;) {
			ws();
			if (obj) {
				if (!string())
					return 0;
				ws();
				if (jp >= jend || *jp != ':')
					return 0;
				jp++;
			}
			if (!value(depth + 1))
				return 0;
			ws();
			if (jp < jend && *jp == ',') {
				jp++;
				continue;
			}
			if (jp < jend && *jp == close) {
				jp++;
				return 1;
			}
			return 0;
		}
	}
	if (*jp == '"')
		return string();
	if (!strncmp(jp, "true", 4)) { jp += 4; return 1; }
	if (!strncmp(jp, "false", 5)) { jp += 5; return 1; }
	if (!strncmp(jp, "null", 4)) { jp += 4; return 1; }
	const char *s = jp;
	if (*jp == '-')
		jp++;
	while (jp < jend && (isdigit((unsigned char)*jp) || *jp == '.' || *jp == 'e' || *jp == 'E' || *jp == '+' || *jp == '-'))
		jp++;
	return jp > s && isdigit((unsigned char)jp[-1]);
}
static inline int json_valid_s(const char *s);
static inline int json_valid(const char *s, size_t n)
{
	jp = s;
	jend = s + n;
	if (!value(0))
		return 0;
	ws();
	return jp == jend;
}

static inline int json_valid_s(const char *s)
{
	return json_valid(s, strlen(s));
}

#endif
