/* parse_smaps.c — /proc/PID/smaps (fs/proc/task_mmu.c show_smap): the
 * mapping header lines ("start-end perms offset dev inode path") and the
 * "Anonymous:" line of each mapping.  Pure; one line at a time, so a
 * caller can stream the file through a small buffer. */
#include <errno.h>
#include <stddef.h>
#include <string.h>

#include "live/live.h"
#include "live/text.h"

int live_parse_smaps_line(const char *l, size_t len, struct live_smaps_line *out)
{
	const char *e = l + len;
	struct live_smaps_line r;
	memset(&r, 0, sizeof(r));
	if (len > 10 && !memcmp(l, "Anonymous:", 10)) {
		int64_t kb;
		if (text_first_i64(l + 10, len - 10, &kb) != 0 || kb < 0)
			return -EINVAL;
		r.kind = SMAPS_ANONYMOUS;
		r.anon_kib = kb;
		*out = r;
		return 0;
	}
	const char *p = l;
	uint64_t a, b;
	const char *dash = memchr(p, '-', len);
	if (!dash || parse_hex_u64(p, (size_t)(dash - p), &a) != 0)
		return -EINVAL;
	p = dash + 1;
	const char *sp = memchr(p, ' ', (size_t)(e - p));
	if (!sp || parse_hex_u64(p, (size_t)(sp - p), &b) != 0 || b <= a)
		return -EINVAL;
	p = sp + 1;
	if (e - p < 5)
		return -EINVAL;
	char perms[4] = { p[0], p[1], p[2], p[3] };
	p += 5;
	uint64_t ino = 0;
	for (int field = 0; field < 3; field++) {      /* offset, dev, inode */
		while (p < e && *p == ' ')
			p++;
		const char *s = p;
		while (p < e && *p != ' ')
			p++;
		if (field == 2 && parse_u64(s, (size_t)(p - s), &ino) != 0)
			return -EINVAL;
	}
	while (p < e && *p == ' ')
		p++;
	r.kind = SMAPS_HEADER;
	r.start = a;
	r.end = b;
	r.file_backed = ino != 0 && !(p < e && *p == '[');   /* [vdso], [vvar]: not files */
	r.readable = perms[0] == 'r';
	r.writable = perms[1] == 'w';
	r.private_map = perms[3] == 'p';
	*out = r;
	return 0;
}
