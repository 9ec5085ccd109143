/* parse_cgroup.c — /proc/PID/cgroup (kernel/cgroup/cgroup.c
 * proc_cgroup_show): the task's memory cgroup path.  Pure. */
#include <errno.h>
#include <stdbool.h>
#include <stddef.h>
#include <string.h>

#include "live/live.h"
#include "live/text.h"

int live_parse_pid_cgroup(const char *text, size_t len, char *dst, size_t dstlen)
{
	const char *v1 = NULL, *v2 = NULL;
	size_t v1l = 0, v2l = 0;
	bool any = false;
	struct text_lines it;
	text_lines_init(&it, text, len);
	const char *line;
	size_t ll;
	while (text_lines_next(&it, &line, &ll)) {
		/* "ID:controllers:path" — the path may itself hold ':' */
		const char *c1 = memchr(line, ':', ll);
		if (!c1)
			continue;
		const char *c2 = memchr(c1 + 1, ':', (size_t)(line + ll - c1 - 1));
		if (!c2)
			continue;
		any = true;
		const char *ctl = c1 + 1;
		size_t cl = (size_t)(c2 - ctl);
		const char *path = c2 + 1;
		size_t pl = (size_t)(line + ll - path);
		if (cl == 0 && c1 - line == 1 && line[0] == '0') {
			v2 = path;
			v2l = pl;
			continue;
		}
		/* comma-separated controller list containing "memory" */
		const char *q = ctl, *qe = c2;
		while (q < qe) {
			const char *comma = memchr(q, ',', (size_t)(qe - q));
			const char *we = comma ? comma : qe;
			if (we - q == 6 && !memcmp(q, "memory", 6)) {
				v1 = path;
				v1l = pl;
			}
			q = comma ? comma + 1 : qe;
		}
	}
	if (v1)
		str_copy(dst, dstlen, v1, v1l);
	else if (v2)
		str_copy(dst, dstlen, v2, v2l);
	else /* a cgroup file without a memory line (v1 with memory unmounted)
	      * is not the same as text that is no cgroup file at all */
		return any ? -ENOENT : -EINVAL;
	return 0;
}

/* A systemd unit name: "NAME.TYPE" with one of the types that own
 * processes in a cgroup (src/basic/unit-def.c unit_type_table). */
static bool unit_name(const char *s, size_t n)
{
	static const char *const types[] = { ".service", ".scope", ".socket", ".mount", ".swap" };
	for (size_t i = 0; i < sizeof(types) / sizeof(types[0]); i++) {
		size_t tl = strlen(types[i]);
		if (n > tl && !memcmp(s + n - tl, types[i], tl))
			return true;
	}
	return false;
}

int live_cgroup_unit(const char *path, char *dst, size_t dstlen)
{
	/* systemd's cg_path_get_unit (src/basic/cgroup-util.c, v219+): skip
	 * the leading "*.slice" components, then the first component is the
	 * system unit ("/system.slice/nginx.service/worker" → nginx.service;
	 * "/user.slice/user-1000.slice/user@1000.service/app.slice/x.scope" →
	 * user@1000.service), after cg_unescape (a leading '_' is dropped).
	 * Unlike systemd, components before the first unit that are not
	 * slices are skipped too: a tree systemd runs below (a container
	 * without a cgroup namespace, "/docker/ID/system.slice/x.service", or
	 * a delegated subtree) names its units the same way. */
	const char *p = path;
	for (;;) {
		while (*p == '/')
			p++;
		if (!*p)
			return -ENOENT;
		const char *e = strchr(p, '/');
		size_t n = e ? (size_t)(e - p) : strlen(p);
		const char *u = p;
		size_t un = n;
		if (*u == '_')
			u++, un--;
		if ((n > 6 && !memcmp(p + n - 6, ".slice", 6)) || !unit_name(u, un)) {
			p += n;
			continue;
		}
		if (un >= dstlen)
			return -EINVAL;
		str_copy(dst, dstlen, u, un);
		return 0;
	}
}
