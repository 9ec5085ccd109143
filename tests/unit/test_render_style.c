/* test_render_style.c — render/style.c: --color's words, the colour
 * decision (never/always, NO_COLOR, TERM=dumb, not a tty) and the escape
 * sequences a style hands the renderers. */
#include "check.h"
#include "render/style.h"

TEST(mode_words)
{
	CHECK_INT(color_mode_parse("auto"), COLOR_AUTO);
	CHECK_INT(color_mode_parse(NULL), COLOR_AUTO);      /* no --color given */
	CHECK_INT(color_mode_parse("always"), COLOR_ALWAYS);
	CHECK_INT(color_mode_parse("never"), COLOR_NEVER);
	CHECK_INT(color_mode_parse("Always"), -1);
	CHECK_INT(color_mode_parse(""), -1);
	CHECK_INT(color_mode_parse("yes"), -1);
}

TEST(decision)
{
	FILE *f = tmpfile();                                  /* never a tty */
	if (!f) {
		SKIP("no tmpfile");
		return;
	}
	unsetenv("NO_COLOR");
	setenv("TERM", "xterm", 1);
	CHECK(!color_enabled(COLOR_AUTO, f));
	CHECK(color_enabled(COLOR_ALWAYS, f));               /* --color=always wins over everything */
	CHECK(!color_enabled(COLOR_NEVER, f));
	setenv("NO_COLOR", "1", 1);
	CHECK(color_enabled(COLOR_ALWAYS, f));
	CHECK(!color_enabled(COLOR_AUTO, stdout));           /* NO_COLOR set and non-empty */
	setenv("NO_COLOR", "", 1);
	setenv("TERM", "dumb", 1);
	CHECK(!color_enabled(COLOR_AUTO, stdout));           /* a dumb terminal */
	unsetenv("NO_COLOR");
	fclose(f);
}

TEST(sequences)
{
	struct style st;
	style_init(&st, false);
	CHECK(!st.color);
	const char *const *all[] = { &st.bold, &st.dim, &st.red, &st.yellow, &st.green, &st.cyan, &st.reset };
	for (size_t i = 0; i < sizeof(all) / sizeof(all[0]); i++)
		CHECK_STR(*all[i], "");                          /* plain: nothing at all */
	style_init(&st, true);
	CHECK(st.color);
	CHECK_STR(st.reset, "\033[0m");
	CHECK_STR(st.red, "\033[31m");
	CHECK_STR(st.bold, "\033[1m");
	for (size_t i = 0; i < sizeof(all) / sizeof(all[0]); i++)
		CHECK((*all[i])[0] == '\033' && (*all[i])[strlen(*all[i]) - 1] == 'm');   /* SGR only */
}

int main(void)
{
	RUN(mode_words);
	RUN(decision);
	RUN(sequences);
	return check_summary();
}
