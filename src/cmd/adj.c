/* adj.c — `oomkit adj`: protect or prefer processes by setting
 * /proc/PID/oom_score_adj, by pid or by exact process name (every match),
 * each shown with its oom_score before and after.  -1000 (never kill) needs
 * --force: a machine whose big processes are all immune has nothing left
 * to kill but the small ones.  The setting lives as long as the process. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cmd/cmd.h"
#include "live/live.h"
#include "model/kernel.h"
#include "render/style.h"

#define ADJ_PROTECT (-900)   /* --protect: last resort, yet not immune (the kernel can still pick it) */
#define ADJ_PREFER 500       /* --prefer: half of RAM+swap counted on top of its size */
#define ADJ_MAX_TARGETS 64

static void usage(FILE *f)
{
	fprintf(f, "Usage: oomkit adj VALUE TARGET...\n"
		"       oomkit adj --protect TARGET...\n"
		"       oomkit adj --prefer TARGET...\n"
		"       oomkit adj TARGET...            (show, change nothing)\n"
		"Set oom_score_adj (-1000..1000) of processes, by PID or by exact process\n"
		"name (every process of that name), and show each one's oom_score before and\n"
		"after.  Lower values protect, higher values offer a process to the OOM killer.\n\n"
		"Options:\n"
		"      --protect        VALUE %d: killed only when nothing bigger is left\n"
		"      --prefer         VALUE +%d: killed before processes of similar size\n"
		"  -f, --force          allow -1000 (never killed)\n"
		"  -n, --dry-run        show what would change (the after score is predicted)\n"
		"      --color[=WHEN]   auto (default), always or never\n"
		"  -h, --help           show this help and exit\n\n"
		"The value dies with the process.  To make it stick, set OOMScoreAdjust= in\n"
		"the service's systemd unit (systemctl edit UNIT), or give oomkit guard a policy.\n"
		"See oomkit-adj(1).\n", ADJ_PROTECT, ADJ_PREFER);
}

struct target {
	int64_t pid;
	char comm[OOM_COMM_LEN];
};

static bool all_digits(const char *s)
{
	if (!*s)
		return false;
	for (; *s; s++)
		if (*s < '0' || *s > '9')
			return false;
	return true;
}

static bool is_number(const char *s)
{
	int64_t v;
	return parse_i64(s, (size_t)-1, &v) == 0 || (s[0] == '+' && parse_i64(s + 1, (size_t)-1, &v) == 0);
}

static int parse_adj(const char *s, int64_t *out)
{
	int64_t v;
	if (s[0] == '+')
		s++;
	if (parse_i64(s, (size_t)-1, &v) < 0 || v < -1000 || v > 1000)
		return -EINVAL;
	*out = v;
	return 0;
}

/* /proc/PID/comm without its newline: the raw name (16 bytes at most). */
static int read_comm(int procfd, int64_t pid, char *dst, size_t len)
{
	char path[40], text[64];
	snprintf(path, sizeof(path), "%lld/comm", (long long)pid);
	ssize_t n = read_small_file_at(procfd, path, text, sizeof(text));
	if (n < 0)
		return (int)n;
	if (n > 0 && text[n - 1] == '\n')
		n--;
	str_copy(dst, len, text, (size_t)n);
	return 0;
}

static int64_t read_num(int procfd, int64_t pid, const char *file)
{
	char path[48], text[32];
	snprintf(path, sizeof(path), "%lld/%s", (long long)pid, file);
	ssize_t n = read_small_file_at(procfd, path, text, sizeof(text));
	if (n <= 0)
		return OOM_NA;
	while (n > 0 && text[n - 1] == '\n')
		n--;
	int64_t v;
	return parse_i64(text, (size_t)n, &v) == 0 ? v : OOM_NA;
}

/* A name matches the comm exactly; a name longer than the kernel keeps
 * (TASK_COMM_LEN − 1 = 15 bytes) matches on its first 15 bytes. */
static bool name_matches(const char *name, const char *comm)
{
	size_t nl = strlen(name);
	if (nl > 15)
		return strlen(comm) == 15 && !memcmp(name, comm, 15);
	return !strcmp(name, comm);
}

static int find_by_name(const struct live_root *r, const char *name, struct target *out, int max, int *n)
{
	int fd = openat(r->procfd, ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (fd < 0)
		return -errno;
	DIR *d = fdopendir(fd);
	if (!d) {
		close(fd);
		return -errno;
	}
	struct dirent *de;
	int found = 0;
	int64_t self = getpid();
	while ((de = readdir(d)) != NULL) {
		int64_t pid;
		if (!all_digits(de->d_name) || parse_i64(de->d_name, (size_t)-1, &pid) < 0 || pid == self)
			continue;
		char comm[OOM_COMM_LEN];
		if (read_comm(r->procfd, pid, comm, sizeof(comm)) < 0 || !name_matches(name, comm))
			continue;
		struct oom_task t;
		if (live_read_task(r, pid, &t) < 0 || t.kthread)
			continue;   /* kernel threads are never OOM candidates */
		found++;
		if (*n < max) {
			out[*n].pid = pid;
			str_copy(out[*n].comm, sizeof(out[*n].comm), comm, strlen(comm));
			(*n)++;
		}
	}
	closedir(d);
	return found;
}

/* The oom_score the kernel would show with a new adj (fs/proc/base.c, via
 * the model's era arithmetic). */
static int64_t predict_score(const struct live_root *r, int64_t pid, int64_t adj, const struct kver *kv)
{
	struct oom_mem m;
	struct oom_task t;
	if (live_read_meminfo(r, &m) < 0 || live_read_task(r, pid, &t) < 0)
		return OOM_NA;
	int64_t psz = live_page_size_kib(r);
	if (!known(m.total_kib))
		return OOM_NA;
	int64_t tp = m.total_kib / psz + (known(m.swap_total_kib) ? m.swap_total_kib / psz : 0);
	t.oom_score_adj = adj;
	return oom_score_for_era(badness_for_era(&t, tp, psz, kv), tp, kv);
}

static int write_adj(int procfd, int64_t pid, int64_t adj)
{
	char path[40], text[16];
	snprintf(path, sizeof(path), "%lld/oom_score_adj", (long long)pid);
	int fd = openat(procfd, path, O_WRONLY | O_CLOEXEC);
	if (fd < 0)
		return -errno;
	int len = snprintf(text, sizeof(text), "%lld\n", (long long)adj);
	ssize_t n = write(fd, text, (size_t)len);
	int e = n < 0 ? errno : 0;
	close(fd);
	return n < 0 ? -e : 0;
}

static void say_perm(int64_t pid, int64_t before, int64_t adj, int err)
{
	if (err == -EACCES || err == -EPERM) {
		if (known(before) && adj < before)
			cmd_error("adj", "pid %lld: permission denied: lowering oom_score_adj below its minimum needs "
				  "CAP_SYS_RESOURCE (run as root)", (long long)pid);
		else
			cmd_error("adj", "pid %lld: permission denied: only the process's owner or root may change it",
				  (long long)pid);
	} else if (err == -ENOENT || err == -ESRCH) {
		cmd_error("adj", "pid %lld: no such process (it exited)", (long long)pid);
	} else {
		cmd_error("adj", "pid %lld: cannot write oom_score_adj: %s", (long long)pid, strerror(-err));
	}
}

int cmd_adj(int argc, char **argv)
{
	bool force = false, dry = false, have_value = false;
	int64_t value = 0;
	int color = COLOR_AUTO;
	const char *args[ADJ_MAX_TARGETS];
	int nargs = 0;
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
			usage(stdout);
			return 0;
		} else if (!strcmp(a, "-f") || !strcmp(a, "--force")) {
			force = true;
		} else if (!strcmp(a, "-n") || !strcmp(a, "--dry-run")) {
			dry = true;
		} else if (!strcmp(a, "--protect") || !strcmp(a, "--prefer")) {
			int64_t v = !strcmp(a, "--protect") ? ADJ_PROTECT : ADJ_PREFER;
			if (have_value && value != v)
				return cmd_usage_error("adj", "give one value: %s conflicts with %lld", a, (long long)value);
			value = v;
			have_value = true;
		} else if (!strncmp(a, "--protect=", 10) || !strncmp(a, "--prefer=", 9)) {
			int64_t v = a[2] == 'p' && a[4] == 'o' ? ADJ_PROTECT : ADJ_PREFER;
			if (have_value && value != v)
				return cmd_usage_error("adj", "give one value: %s conflicts with %lld", a, (long long)value);
			value = v;
			have_value = true;
			if (nargs >= ADJ_MAX_TARGETS)
				return cmd_usage_error("adj", "too many targets (at most %d)", ADJ_MAX_TARGETS);
			args[nargs++] = strchr(a, '=') + 1;
		} else if (!strncmp(a, "--color", 7) || !strncmp(a, "--colour", 8)) {
			const char *eq = strchr(a, '=');
			color = color_mode_parse(eq ? eq + 1 : NULL);
			if (color < 0)
				return cmd_usage_error("adj", "--color wants auto, always or never, not '%s'", eq + 1);
		} else if (!strcmp(a, "--")) {
			for (i++; i < argc; i++) {
				if (nargs >= ADJ_MAX_TARGETS)
					return cmd_usage_error("adj", "too many targets (at most %d)", ADJ_MAX_TARGETS);
				args[nargs++] = argv[i];
			}
		} else if (a[0] == '-' && a[1] && !is_number(a)) {
			return cmd_usage_error("adj", "unknown option '%s'", a);
		} else {
			if (nargs >= ADJ_MAX_TARGETS)
				return cmd_usage_error("adj", "too many targets (at most %d)", ADJ_MAX_TARGETS);
			args[nargs++] = a;
		}
	}
	/* "VALUE TARGET…": a leading number followed by targets is the value. */
	int first = 0;
	if (!have_value && nargs >= 2 && is_number(args[0])) {
		if (parse_adj(args[0], &value) < 0)
			return cmd_usage_error("adj", "oom_score_adj must be between -1000 and 1000, not '%s'", args[0]);
		have_value = true;
		first = 1;
	} else if (!have_value && nargs == 1 && (args[0][0] == '-' || args[0][0] == '+') && is_number(args[0])) {
		return cmd_usage_error("adj", "which process? give a PID or a name after %s", args[0]);
	}
	if (first >= nargs)
		return cmd_usage_error("adj", "no process given");
	if (have_value && value == -1000 && !force) {
		cmd_error("adj", "refusing -1000 without --force: the process could then never be killed, and with "
			  "it immune the kernel kills others (or panics) when memory runs out; --protect (%d) keeps it "
			  "last in line instead", ADJ_PROTECT);
		return 2;
	}

	struct live_root r;
	int rc = live_root_open(&r, NULL);
	if (rc < 0 || r.procfd < 0) {
		cmd_error("adj", "cannot open /proc: %s", strerror(rc < 0 ? -rc : ENOENT));
		return 1;
	}
	struct kver kv;
	char release[128];
	memset(&kv, 0, sizeof(kv));
	live_read_release(&r, release, sizeof(release), &kv);
	struct style st;
	style_init(&st, color_enabled((enum color_mode)color, stdout));

	struct target *t = calloc(ADJ_MAX_TARGETS * 16, sizeof(*t));
	if (!t) {
		live_root_close(&r);
		return 1;
	}
	int nt = 0, status = 0;
	for (int i = first; i < nargs; i++) {
		const char *a = args[i];
		if (all_digits(a)) {
			int64_t pid;
			char comm[OOM_COMM_LEN];
			if (parse_i64(a, (size_t)-1, &pid) < 0 || read_comm(r.procfd, pid, comm, sizeof(comm)) < 0) {
				cmd_error("adj", "no process with pid %s", a);
				status = 1;
				continue;
			}
			if (nt < ADJ_MAX_TARGETS * 16) {
				t[nt].pid = pid;
				str_copy(t[nt].comm, sizeof(t[nt].comm), comm, strlen(comm));
				nt++;
			}
		} else {
			int n = find_by_name(&r, a, t, ADJ_MAX_TARGETS * 16, &nt);
			if (n <= 0) {
				struct buf b = BUF_INIT;
				escape_term_buf(&b, a, strlen(a));
				cmd_error("adj", "no process named '%s' (names match /proc/PID/comm exactly)", b.data ? b.data : "");
				buf_release(&b);
				status = 1;
			}
		}
	}
	if (nt == 0) {
		free(t);
		live_root_close(&r);
		return 1;
	}
	printf("%s%7s %-16s %6s %6s %10s %10s%s\n", st.dim, "PID", "COMM", "ADJ", "NEW", "OOM_SCORE",
	       dry ? "PREDICTED" : "AFTER", st.reset);
	int changed = 0;
	for (int i = 0; i < nt; i++) {
		int64_t pid = t[i].pid;
		int64_t adj0 = read_num(r.procfd, pid, "oom_score_adj");
		int64_t score0 = read_num(r.procfd, pid, "oom_score");
		int64_t newadj = have_value ? value : adj0, score1 = score0;
		const char *note = "";
		if (have_value && known(adj0) && adj0 != value) {
			if (dry) {
				score1 = predict_score(&r, pid, value, &kv);
				note = "(dry run)";
			} else {
				int e = write_adj(r.procfd, pid, value);
				if (e < 0) {
					say_perm(pid, adj0, value, e);
					status = 1;
					newadj = adj0;
					note = "not changed";
				} else {
					changed++;
				}
				score1 = read_num(r.procfd, pid, "oom_score");
				int64_t now = read_num(r.procfd, pid, "oom_score_adj");
				if (known(now))
					newadj = now;
			}
		} else if (have_value) {
			note = "(already)";
		}
		char comm[48];
		struct buf b = BUF_INIT;
		escape_term_buf(&b, t[i].comm, strlen(t[i].comm));
		str_copy(comm, sizeof(comm), b.data ? b.data : "", b.len);
		buf_release(&b);
		char s0[24], s1[24], a0[24], a1[24];
		snprintf(a0, sizeof(a0), known(adj0) ? "%lld" : "?", (long long)adj0);
		snprintf(a1, sizeof(a1), known(newadj) ? "%lld" : "?", (long long)newadj);
		snprintf(s0, sizeof(s0), known(score0) ? "%lld" : "?", (long long)score0);
		snprintf(s1, sizeof(s1), known(score1) ? "%lld" : "?", (long long)score1);
		printf("%7lld %-16s %6s %6s %10s %10s %s\n", (long long)pid, comm, a0, a1, s0, s1, note);
	}
	if (have_value) {
		printf("\n%s%s%s oom_score_adj lives as long as the process; children inherit it, a restart does not.\n"
		       "To make it stick: OOMScoreAdjust=%lld in the [Service] section of the unit (systemctl edit UNIT),\n"
		       "or a policy for oomkit guard.\n",
		       st.bold, dry ? "Dry run: nothing written." : changed ? "Done." : "Nothing changed.", st.reset,
		       (long long)value);
	}
	free(t);
	live_root_close(&r);
	return status;
}
