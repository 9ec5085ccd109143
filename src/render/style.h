/* style.h — terminal styling shared by every text renderer.  Colour only on a
 * tty, never when NO_COLOR is set and non-empty, and as --color says. */
#ifndef OOMKIT_STYLE_H
#define OOMKIT_STYLE_H

#include <stdbool.h>
#include <stdio.h>

enum color_mode { COLOR_AUTO = 0, COLOR_ALWAYS, COLOR_NEVER };
/* Parses "auto" | "always" | "never"; -1 if none of them. */
int color_mode_parse(const char *s);
/* Decides for stream f. */
bool color_enabled(enum color_mode m, FILE *f);

struct style {
	bool color;
	const char *bold, *dim, *red, *yellow, *green, *cyan, *reset;
};
void style_init(struct style *st, bool color);

#endif
