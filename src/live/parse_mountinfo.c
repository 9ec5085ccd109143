/* parse_mountinfo.c — /proc/self/mountinfo (fs/proc_namespace.c
 * show_mountinfo): where the memory controller's hierarchy is mounted.  Pure. */
#include <errno.h>
#include <stddef.h>
#include <string.h>

#include "live/live.h"
#include "live/text.h"

/* The mount of the memory hierarchy the per-pid parser would report: a v1
 * "cgroup" mount with the memory controller, else the cgroup2 mount.  Its
 * mountpoint (below the root) and the hierarchy path it shows. */
int live_parse_mountinfo_memcg(const char *text, size_t len, char *mnt, size_t mntlen, char *hroot, size_t hlen)
{
	bool found_v1 = false, found_v2 = false;
	char v2mnt[OOM_PATH_LEN] = "", v2root[OOM_PATH_LEN] = "";
	struct text_lines it;
	text_lines_init(&it, text, len);
	const char *line;
	size_t ll;
	while (text_lines_next(&it, &line, &ll) && !found_v1) {
		/* id parent maj:min root mountpoint opts [tags] - fstype source superopts */
		const char *f[6];
		size_t fl[6];
		const char *p = line, *end = line + ll;
		int k = 0;
		while (k < 5 && p < end) {
			const char *e = memchr(p, ' ', (size_t)(end - p));
			if (!e)
				break;
			f[k] = p;
			fl[k] = (size_t)(e - p);
			k++;
			p = e + 1;
		}
		const char *dash = mem_find(p, (size_t)(end - p), " - ");
		if (k < 5 || !dash)
			continue;
		const char *fs = dash + 3;
		const char *fse = memchr(fs, ' ', (size_t)(end - fs));
		if (!fse)
			continue;
		const char *src = fse + 1;
		const char *srce = memchr(src, ' ', (size_t)(end - src));
		const char *sopt = srce ? srce + 1 : end;
		size_t fsl = (size_t)(fse - fs);
		/* mountinfo escapes spaces and such as \ooo: skip those mounts */
		if (memchr(f[3], '\\', fl[3]) || memchr(f[4], '\\', fl[4]))
			continue;
		if (fsl == 6 && !memcmp(fs, "cgroup", 6)) {
			const char *q = sopt;
			while (q < end) {
				const char *c = memchr(q, ',', (size_t)(end - q));
				const char *we = c ? c : end;
				if (we - q == 6 && !memcmp(q, "memory", 6)) {
					str_copy(mnt, mntlen, f[4], fl[4]);
					str_copy(hroot, hlen, f[3], fl[3]);
					found_v1 = true;
					break;
				}
				q = c ? c + 1 : end;
			}
		} else if (fsl == 7 && !memcmp(fs, "cgroup2", 7) && !found_v2) {
			str_copy(v2mnt, sizeof(v2mnt), f[4], fl[4]);
			str_copy(v2root, sizeof(v2root), f[3], fl[3]);
			found_v2 = true;
		}
	}
	if (!found_v1 && found_v2) {
		str_copy(mnt, mntlen, v2mnt, strlen(v2mnt));
		str_copy(hroot, hlen, v2root, strlen(v2root));
	}
	return found_v1 || found_v2 ? 0 : -ENOENT;
}
