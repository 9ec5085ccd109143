/* parse_cmdline.c — /proc/PID/cmdline (fs/proc/base.c get_mm_cmdline): the
 * arguments separated by NUL bytes, turned into one line for matching and
 * showing (NUL → space, trailing NULs dropped).  Pure. */
#include <errno.h>
#include <stddef.h>
#include <string.h>

#include "live/live.h"
#include "live/text.h"

int live_parse_cmdline(const char *text, size_t len, char *dst, size_t dstlen)
{
	if (dstlen == 0)
		return -EINVAL;
	while (len > 0 && text[len - 1] == '\0')
		len--;
	if (len == 0)
		return -EINVAL;       /* kernel thread, zombie, or an exiting process */
	size_t n = len < dstlen - 1 ? len : dstlen - 1;
	for (size_t i = 0; i < n; i++)
		dst[i] = text[i] == '\0' ? ' ' : text[i];
	dst[n] = '\0';
	return 0;
}
