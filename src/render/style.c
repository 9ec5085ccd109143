/* style.c — colour decisions (NO_COLOR, --color, isatty). */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "render/style.h"

int color_mode_parse(const char *s)
{
	if (!s || strcmp(s, "auto") == 0)
		return COLOR_AUTO;
	if (strcmp(s, "always") == 0)
		return COLOR_ALWAYS;
	if (strcmp(s, "never") == 0)
		return COLOR_NEVER;
	return -1;
}

bool color_enabled(enum color_mode m, FILE *f)
{
	if (m == COLOR_NEVER)
		return false;
	if (m == COLOR_ALWAYS)
		return true;
	const char *nc = getenv("NO_COLOR");
	if (nc && *nc)
		return false;
	const char *term = getenv("TERM");
	if (term && strcmp(term, "dumb") == 0)
		return false;
	return isatty(fileno(f));
}

void style_init(struct style *st, bool color)
{
	st->color = color;
	st->bold = color ? "\033[1m" : "";
	st->dim = color ? "\033[2m" : "";
	st->red = color ? "\033[31m" : "";
	st->yellow = color ? "\033[33m" : "";
	st->green = color ? "\033[32m" : "";
	st->cyan = color ? "\033[36m" : "";
	st->reset = color ? "\033[0m" : "";
}
