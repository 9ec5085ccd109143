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
#include <sys/stat.h>
#include <unistd.h>

#include "cmd/cmd.h"
#include "live/live.h"
#include "model/kernel.h"
#include "render/style.h"
#include "util/util.h"

#define ADJ_PROTECT (-900)   /* --protect: last resort, yet not immune (the kernel can still pick it) */
#define ADJ_PREFER 500       /* --prefer: half of RAM+swap counted on top of its size */
#define ADJ_MAX_TARGETS 64

enum { OPT_PROTECT = CMD_KEY_FIRST_FREE, OPT_PREFER };
static const struct cmd_opt adj_opts[] = {
	{ OPT_PROTECT, 0, "protect", CMD_ARG_OPTIONAL, "TARGET", "VALUE -900: killed only when nothing bigger is left" },
	{ OPT_PREFER, 0, "prefer", CMD_ARG_OPTIONAL, "TARGET", "VALUE +500: killed before processes of similar size" },
	{ 'f', 'f', "force", CMD_ARG_NONE, NULL, "allow -1000 (never killed)" },
	{ 'n', 'n', "dry-run", CMD_ARG_NONE, NULL, "show what would change (the after score is predicted)" },
	CMD_OPT_JSON("JSON: {\"value\": N, \"targets\": [{pid, comm, adj_before, adj_after, ...}]}"),
	CMD_OPT_COLOR,
	CMD_OPT_HELP,
	CMD_OPT_VERSION,
	CMD_OPT_END,
};

static void usage(FILE *f)
{
	fprintf(f, "Usage: oomkit adj VALUE TARGET...\n"
		"       oomkit adj --protect TARGET...\n"
		"       oomkit adj --prefer TARGET...\n"
		"       oomkit adj TARGET...            (show, change nothing)\n"
		"Set oom_score_adj (-1000..1000) of processes, by PID or by exact process\n"
		"name (every process of that name), and show each one's oom_score before and\n"
		"after.  Lower values protect, higher values offer a process to the OOM killer.\n\n"
		"Options (before or after the targets; '--' ends them; a negative VALUE is\n"
		"a value, not an option):\n");
	cmd_opts_help(f, adj_opts);
	fprintf(f, "\n"
		"Exit status: 0 every target was set (or shown), 1 a target was not found or\n"
		"could not be changed (the reason is printed: CAP_SYS_RESOURCE, EPERM, ESRCH),\n"
		"2 usage error.\n\n"
		"The value dies with the process.  To make it stick, set OOMScoreAdjust= in\n"
		"the service's systemd unit (systemctl edit UNIT), or give oomkit guard a policy.\n"
		"See oomkit-adj(1).\n");
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

/* Does this process hold CAP_SYS_RESOURCE (bit 24 of CapEff in
 * /proc/self/status)?  1 yes, 0 no, -1 unknown. */
static int have_cap_sys_resource(int procfd)
{
	char text[4096];
	ssize_t n = read_small_file_at(procfd, "self/status", text, sizeof(text) - 1);
	if (n <= 0)
		return -1;
	text[n] = '\0';
	const char *p = strstr(text, "\nCapEff:");
	if (!p)
		return -1;
	unsigned long long caps = strtoull(p + 8, NULL, 16);
	return (caps >> 24) & 1;   /* CAP_SYS_RESOURCE = 24 (include/uapi/linux/capability.h) */
}

/* Why the kernel refused (fs/proc/base.c, oom_score_adj_write() and
 * __set_oom_adj(), 4.x-6.x): EACCES when lowering below the task's
 * oom_score_adj_min without CAP_SYS_RESOURCE; EACCES/EPERM from open() when
 * the file (owned by the task's uid, mode 0644) is not ours; ESRCH when the
 * task is gone. */
static void refusal_reason(int procfd, int64_t pid, int64_t before, int64_t adj, int err, char *out, size_t len)
{
	if (err == -EACCES || err == -EPERM) {
		if (known(before) && adj < before) {
			int cap = have_cap_sys_resource(procfd);
			if (cap == 0)
				snprintf(out, len, "%s: lowering oom_score_adj (%lld to %lld) below the process's minimum needs "
					 "CAP_SYS_RESOURCE, which this process lacks%s", err == -EPERM ? "EPERM" : "EACCES",
					 (long long)before, (long long)adj,
					 geteuid() == 0 ? " (root without it: a container or a dropped capability bounding set)"
							: " (run as root)");
			else
				snprintf(out, len, "%s: lowering oom_score_adj below the minimum was refused%s",
					 err == -EPERM ? "EPERM" : "EACCES",
					 cap == 1 ? " although CAP_SYS_RESOURCE is held (an LSM such as SELinux or AppArmor?)" : "");
			return;
		}
		struct stat sb;
		char path[48];
		snprintf(path, sizeof(path), "%lld/oom_score_adj", (long long)pid);
		if (fstatat(procfd, path, &sb, 0) == 0 && sb.st_uid != geteuid())
			snprintf(out, len, "%s: /proc/%lld/oom_score_adj belongs to uid %u; only that user, or a process "
				 "with CAP_DAC_OVERRIDE (root), may write it", err == -EPERM ? "EPERM" : "EACCES",
				 (long long)pid, (unsigned)sb.st_uid);
		else
			snprintf(out, len, "%s: the kernel refused the write (an LSM such as SELinux or AppArmor, or a "
				 "read-only /proc?)", err == -EPERM ? "EPERM" : "EACCES");
	} else if (err == -ENOENT || err == -ESRCH) {
		snprintf(out, len, "ESRCH: no such process (it exited)");
	} else {
		snprintf(out, len, "cannot write oom_score_adj: %s", strerror(-err));
	}
}

int cmd_adj(int argc, char **argv)
{
	bool force = false, dry = false, have_value = false;
	int64_t value = 0;
	int color = COLOR_AUTO;
	const char *args[ADJ_MAX_TARGETS];
	int nargs = 0;
	bool json = false;
	struct cmd_args ca;
	cmd_args_init(&ca, "adj", adj_opts, argc, argv);
	ca.negative_numbers = true;
	int c;
	while ((c = cmd_args_next(&ca)) > 0) {
		switch (c) {
		case 'h': usage(stdout); return 0;
		case 'V': return cmd_version();
		case 'f': force = true; break;
		case 'n': dry = true; break;
		case 'j': json = true; break;
		case OPT_PROTECT:
		case OPT_PREFER: {
			int64_t v = c == OPT_PROTECT ? ADJ_PROTECT : ADJ_PREFER;
			if (have_value && value != v)
				return cmd_usage_error("adj", "give one value: %s conflicts with %lld", ca.name, (long long)value);
			value = v;
			have_value = true;
			if (ca.arg) {   /* --protect=TARGET */
				if (nargs >= ADJ_MAX_TARGETS)
					return cmd_usage_error("adj", "too many targets (at most %d)", ADJ_MAX_TARGETS);
				args[nargs++] = ca.arg;
			}
			break;
		}
		case CMD_KEY_COLOR:
			if ((color = cmd_color_arg(&ca)) < 0)
				return 2;
			break;
		}
	}
	if (c < 0)
		return 2;
	for (int i = 0; i < ca.nr_operands; i++) {
		if (nargs >= ADJ_MAX_TARGETS)
			return cmd_usage_error("adj", "too many targets (at most %d)", ADJ_MAX_TARGETS);
		args[nargs++] = ca.operands[i];
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
	style_init(&st, !json && color_enabled((enum color_mode)color, stdout));

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
	struct json j;
	if (json) {
		json_init(&j, stdout, true);
		json_obj_begin(&j, NULL);
		json_int(&j, "version", 1);
		if (have_value)
			json_int(&j, "value", value);
		else
			json_null(&j, "value");
		json_bool(&j, "dry_run", dry);
		json_arr_begin(&j, "targets");
	} else {
		printf("%s%7s %-16s %6s %6s %10s %10s%s\n", st.dim, "PID", "COMM", "ADJ", "NEW", "OOM_SCORE",
		       dry ? "PREDICTED" : "AFTER", st.reset);
	}
	int changed = 0;
	for (int i = 0; i < nt; i++) {
		int64_t pid = t[i].pid;
		int64_t adj0 = read_num(r.procfd, pid, "oom_score_adj");
		int64_t score0 = read_num(r.procfd, pid, "oom_score");
		int64_t newadj = have_value ? value : adj0, score1 = score0;
		const char *note = "";
		char reason[300] = "";
		if (have_value && known(adj0) && adj0 != value) {
			if (dry) {
				score1 = predict_score(&r, pid, value, &kv);
				note = "(dry run)";
			} else {
				int e = write_adj(r.procfd, pid, value);
				if (e < 0) {
					refusal_reason(r.procfd, pid, adj0, value, e, reason, sizeof(reason));
					cmd_error("adj", "pid %lld: %s", (long long)pid, reason);
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
		if (json) {
			json_obj_begin(&j, NULL);
			json_int(&j, "pid", pid);
			json_str(&j, "comm", t[i].comm);
			json_int(&j, "adj_before", adj0);
			json_int(&j, "adj_after", newadj);
			json_int(&j, "oom_score_before", score0);
			json_int(&j, dry ? "oom_score_predicted" : "oom_score_after", score1);
			json_bool(&j, "changed", have_value && !dry && !reason[0] && known(adj0) && adj0 != value);
			json_str(&j, "error", reason[0] ? reason : NULL);
			json_obj_end(&j);
			continue;
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
	if (json) {
		json_arr_end(&j);
		json_obj_end(&j);
		json_end(&j);
	} else if (have_value) {
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
