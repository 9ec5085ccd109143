/* parse_status.c — /proc/PID/status (fs/proc/array.c proc_pid_status):
 * name, ids, the rss split, swap, page tables, kthread — everything
 * oom_badness() (mm/oom_kill.c, 4.15+) uses.  Pure. */
#include <errno.h>
#include <stddef.h>
#include <string.h>

#include "live/live.h"
#include "live/text.h"

/* The kernel escapes '\n' and '\\' in the status Name (fs/proc/array.c,
 * proc_task_name with ESCAPE_SPACE|ESCAPE_SPECIAL, "\n\\"): undo that so the
 * comm is the raw bytes, as everywhere else in the model. */
static void unescape_name(char *dst, size_t dstlen, const char *s, size_t len)
{
	size_t o = 0;
	for (size_t i = 0; i < len && o + 1 < dstlen; i++) {
		char c = s[i];
		if (c == '\\' && i + 1 < len) {
			if (s[i + 1] == 'n') {
				c = '\n';
				i++;
			} else if (s[i + 1] == '\\') {
				i++;
			}
		}
		dst[o++] = c;
	}
	dst[o] = '\0';
}

int live_parse_status(const char *text, size_t len, int64_t psz, struct oom_task *out)
{
	if (!known(psz) || psz <= 0)
		psz = 4;
	struct oom_task t;
	task_init(&t);
	int64_t vmrss = OOM_NA, vmpte = OOM_NA, vmpmd = OOM_NA, kthread = OOM_NA;
	bool have_mm = false, zombie = false, have_pid = false;
	struct text_lines it;
	text_lines_init(&it, text, len);
	const char *line, *v;
	size_t kl, vl;
	while (text_kv_next(&it, ':', &line, &kl, &v, &vl)) {
		const char *end = v + vl;
#define IS(lit) (kl == sizeof(lit) - 1 && !memcmp(line, lit, kl))
		int64_t x;
		switch (line[0]) {
		case 'N':
			if (IS("Name")) {
				while (v < end && *v == '\t')
					v++;
				unescape_name(t.comm, sizeof(t.comm), v, (size_t)(end - v));
			}
			break;
		case 'S':
			if (IS("State")) {
				while (v < end && (*v == '\t' || *v == ' '))
					v++;
				zombie = v < end && (*v == 'Z' || *v == 'X');
			}
			break;
		case 'T':
			if (IS("Tgid") && text_first_i64(v, vl, &x) == 0)
				t.tgid = x;
			break;
		case 'P':
			if (IS("Pid") && text_first_i64(v, vl, &x) == 0) {
				t.pid = x;
				have_pid = true;
			}
			break;
		case 'U':
			if (IS("Uid")) {
				const char *p = v;
				while (p < end && (*p == '\t' || *p == ' '))
					p++;
				if (scan_i64(&p, end, &x) == 0)
					t.uid = x;
			}
			break;
		case 'K':
			if (IS("Kthread") && text_first_i64(v, vl, &x) == 0)
				kthread = x;
			break;
		case 'R':
			if (text_first_i64(v, vl, &x) < 0 || x < 0)
				break;
			if (IS("RssAnon"))
				t.rss_anon_pages = x / psz;
			else if (IS("RssFile"))
				t.rss_file_pages = x / psz;
			else if (IS("RssShmem"))
				t.rss_shmem_pages = x / psz;
			break;
		case 'V':
			if (text_first_i64(v, vl, &x) < 0 || x < 0)
				break;
			if (IS("VmSize")) {
				t.total_vm_pages = x / psz;
				have_mm = true;
			} else if (IS("VmRSS")) {
				vmrss = x;
			} else if (IS("VmPTE")) {
				vmpte = x;
			} else if (IS("VmPMD")) {       /* 4.0–4.14: PMD pages counted apart */
				vmpmd = x;
			} else if (IS("VmSwap")) {
				t.swapents_pages = x / psz;
			}
			break;
		default:
			break;
		}
#undef IS
	}
	if (!have_pid)
		return -EINVAL;
	if (zombie)
		return -ESRCH;
	t.kthread = known(kthread) ? kthread != 0 : !have_mm;
	if (!have_mm && !t.kthread)
		return -EAGAIN;  /* exiting: the mm is gone (exit_mm), its pages may still be uncharging */
	if (known(t.rss_anon_pages) && known(t.rss_file_pages) && known(t.rss_shmem_pages))
		t.rss_pages = t.rss_anon_pages + t.rss_file_pages + t.rss_shmem_pages;
	else if (known(vmrss))
		t.rss_pages = vmrss / psz;
	if (known(vmpte))
		t.pgtables_bytes = sat_mul(sat_add(vmpte, known(vmpmd) ? vmpmd : 0), 1024);
	if (!have_mm) {
		t.rss_pages = t.swapents_pages = 0;
		t.pgtables_bytes = 0;
	}
	*out = t;
	return 0;
}

int live_parse_status_capeff(const char *text, size_t len, uint64_t *out)
{
	/* "CapEff:\t000001ffffffffff" (fs/proc/array.c render_cap_t, 2.6.24+) */
	struct text_lines it;
	text_lines_init(&it, text, len);
	const char *line, *v;
	size_t kl, vl;
	while (text_kv_next(&it, ':', &line, &kl, &v, &vl)) {
		if (kl != 6 || memcmp(line, "CapEff", 6))
			continue;
		while (vl > 0 && (*v == '\t' || *v == ' '))
			v++, vl--;
		while (vl > 0 && (v[vl - 1] == ' ' || v[vl - 1] == '\r'))
			vl--;
		uint64_t cap;
		if (vl == 0 || parse_hex_u64(v, vl, &cap) != 0)
			return -EINVAL;
		*out = cap;
		return 0;
	}
	return -EINVAL;
}
