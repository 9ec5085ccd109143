/* config.c — /etc/oomkit/guard.conf and the command line, one table of keys.
 *
 * The file is INI-style: an optional [guard] section, "key = value" lines,
 * '#' or ';' comments.  Validation is strict (an unknown key, a bad number or
 * a scalar key set twice is an error naming the line) because a daemon that
 * kills processes must never run on a configuration it misread.  Command-line
 * flags (--key VALUE) go through the same setter and override the file. */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <pwd.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "guard/guard.h"
#include "util/util.h"

enum key_kind { K_PERCENT, K_MS, K_INT, K_BOOL, K_TRI, K_PATH, K_LIST_CGROUP, K_LIST_PREFER,
		K_LIST_AVOID, K_PROTECT, K_ACTION, K_LISTEN, K_EXEC, K_MIB_PAIR, K_EXEC_WARN };

struct key {
	const char *name;
	enum key_kind kind;
	size_t off;              /* offset of the field in struct guard_config */
	int64_t min, max;        /* for numbers */
	const char *help;
};

#define F(field) offsetof(struct guard_config, field)
static const struct key keys[] = {
	{ "watch-machine", K_TRI, F(watch_machine), 0, 0, "watch the whole machine: auto (when no cgroup is given), yes, no" },
	{ "cgroup", K_LIST_CGROUP, 0, 0, 0, "a memory cgroup directory (v1 or v2) to watch; repeat for several" },
	{ "mem-term-percent", K_PERCENT, F(mem_term_percent), 0, 100, "SIGTERM when MemAvailable falls below this percent of MemTotal" },
	{ "mem-kill-percent", K_PERCENT, F(mem_kill_percent), 0, 100, "SIGKILL when MemAvailable falls below this percent" },
	{ "swap-term-percent", K_PERCENT, F(swap_term_percent), 0, 100, "... and SwapFree below this percent of SwapTotal (ignored without swap)" },
	{ "swap-kill-percent", K_PERCENT, F(swap_kill_percent), 0, 100, "... and SwapFree below this percent (SIGKILL)" },
	{ "mem-min-mib", K_MIB_PAIR, F(mem_min_mib), 1, 1 << 24, "SIZE[,KILL]: MemAvailable minimum in MiB (SIGKILL below KILL, default SIZE/2); replaces the mem-*-percent defaults, the larger wins when both are given (earlyoom -M)" },
	{ "swap-min-mib", K_MIB_PAIR, F(swap_min_mib), 1, 1 << 24, "SIZE[,KILL]: SwapFree minimum in MiB, merged with swap-*-percent the same way (earlyoom -S)" },
	{ "cgroup-term-percent", K_PERCENT, F(cgroup_term_percent), 0, 100, "SIGTERM when a cgroup's available memory (limit - usage + file cache) falls below this percent of its limit" },
	{ "cgroup-kill-percent", K_PERCENT, F(cgroup_kill_percent), 0, 100, "SIGKILL below this percent" },
	{ "cgroup-min-mib", K_MIB_PAIR, F(cgroup_min_mib), 1, 1 << 24, "SIZE[,KILL]: a cgroup's headroom below its limit in MiB, merged with cgroup-*-percent the same way" },
	{ "warn-mem-percent", K_PERCENT, F(warn_mem_percent), 0, 99, "warning stage: log, exec-warn and a desktop notification when MemAvailable falls below this percent (0 = off)" },
	{ "warn-mem-min-mib", K_INT, F(warn_mem_min_mib), 0, 1 << 24, "... or below this many MiB (merged as mem-min-mib; 0 = off)" },
	{ "warn-cgroup-percent", K_PERCENT, F(warn_cgroup_percent), 0, 99, "warning stage for cgroups: available below this percent of the limit (0 = off)" },
	{ "warn-cgroup-min-mib", K_INT, F(warn_cgroup_min_mib), 0, 1 << 24, "... or below this many MiB of headroom (0 = off)" },
	{ "exec-warn", K_EXEC_WARN, F(exec_warn_cmd), 0, 0, "run this program at the warning stage (no shell; OOMKIT_EVENT=warn and the OOMKIT_* facts)" },
	{ "notify", K_BOOL, F(notify), 0, 0, "at the warning stage, run notify-send as the user of each session bus (/run/user/UID/bus)" },
	{ "report-interval", K_INT, F(report_interval_s), 0, 86400, "log one status line per scope every this many seconds (0 = off)" },
	{ "psi-stall-ms", K_MS, F(psi_stall_ms), 0, 10000, "PSI trigger: wake up when tasks stall this long ('some') ... (0 = no trigger)" },
	{ "psi-window-ms", K_MS, F(psi_window_ms), 500, 10000, "... within this window (rounded to 2 s without CAP_SYS_RESOURCE)" },
	{ "psi-full-avg10-percent", K_PERCENT, F(psi_full_avg10_percent), 0, 100, "act as at the term threshold when PSI full avg10 reaches this (0 = off)" },
	{ "grace-ms", K_MS, F(grace_ms), 0, 60000, "time a SIGTERMed victim gets before SIGKILL" },
	{ "poll-min-ms", K_MS, F(poll_min_ms), 1, 10000, "shortest polling interval (near a threshold)" },
	{ "poll-max-ms", K_MS, F(poll_max_ms), 1, 60000, "longest polling interval (memory plentiful)" },
	{ "action", K_ACTION, F(action), 0, 0, "process, pgroup or cgroup: what one decision kills" },
	{ "escalate", K_BOOL, F(escalate), 0, 0, "kill the victim's process group when the victim alone frees too little" },
	{ "flood-kill-cgroup", K_BOOL, F(flood_kill_cgroup), 0, 0, "when kills come too fast to help (3 in 5 s, a fork bomb), SIGKILL every process of the cgroup (memory.oom.group semantics)" },
	{ "arm-memory-high", K_BOOL, F(arm_memory_high), 0, 0, "cgroup v2: where memory.high is 'max', set it to the term point (limit - term threshold) so the kernel wakes the guard instead of a 1 s poll; it throttles and trims cache above that point; restored at exit" },
	{ "dry-run", K_BOOL, F(dry_run), 0, 0, "decide and report, signal nothing" },
	{ "kmsg", K_BOOL, F(kmsg), 0, 0, "watch /dev/kmsg for the kernel's own OOM kills" },
	{ "mlock", K_BOOL, F(mlock), 0, 0, "mlockall() after the warm-up pass" },
	{ "protect-self", K_BOOL, F(protect_self), 0, 0, "set our own oom_score_adj to -1000" },
	{ "recorder-seconds", K_INT, F(recorder_seconds), 0, 3600, "flight recorder length (one snapshot a second; 0 = off)" },
	{ "recorder-tasks", K_INT, F(recorder_tasks), 0, 16, "largest tasks kept per snapshot" },
	{ "prefer", K_LIST_PREFER, 0, 0, 0, "kill these first (repeatable): an extended regex on the process name or command line, or cgroup:GLOB, unit:NAME, user:NAME|UID; a trailing ' action=restart-unit' restarts the victim's systemd unit instead" },
	{ "avoid", K_LIST_AVOID, 0, 0, 0, "kill these last (repeatable); same rules as prefer" },
	{ "protect", K_PROTECT, 0, 0, 0, "never killed (space-separated; replaces the default list): process names, cgroup:GLOB, unit:NAME, user:NAME|UID" },
	{ "events", K_PATH, F(events_path), 0, 0, "append one JSON object per line for each event to this file" },
	{ "incident-dir", K_PATH, F(incident_dir), 0, 0, "directory for incident files (\"\" = none)" },
	{ "metrics", K_LISTEN, F(metrics_listen), 0, 0, "serve Prometheus /metrics on this loopback address:port (\"\" = off)" },
	{ "metrics-file", K_PATH, F(metrics_file), 0, 0, "write Prometheus metrics to this file (node_exporter textfile), atomically" },
	{ "exec", K_EXEC, F(exec_cmd), 0, 0, "run this program after each kill (no shell; facts in OOMKIT_* variables)" },
	{ "exec-timeout-ms", K_MS, F(exec_timeout_ms), 100, 3600000, "an --exec program still running after this long is killed (its process group)" },
};
#undef F

_Static_assert(ARRAY_SIZE(keys) <= 64, "set_line[] too small");

static const char *const default_protect[] = { "sshd", "systemd-journal", "systemd-journald",
					       "init", "systemd" };

void guard_config_defaults(struct guard_config *c)
{
	memset(c, 0, offsetof(struct guard_config, events_path));
	c->events_path[0] = c->incident_dir[0] = c->metrics_listen[0] = c->metrics_file[0] = '\0';
	c->exec_cmd[0] = c->exec_warn_cmd[0] = '\0';
	pat_pool_init(&c->pats);
	c->watch_machine = GUARD_AUTO;
	c->mem_term_percent = 10;
	c->mem_kill_percent = 5;
	c->swap_term_percent = 10;
	c->swap_kill_percent = 5;
	c->cgroup_term_percent = 10;
	c->cgroup_kill_percent = 5;
	c->psi_stall_ms = 100;
	c->psi_window_ms = 1000;
	c->psi_full_avg10_percent = 0;
	c->grace_ms = 1000;
	c->exec_timeout_ms = 30000;
	c->poll_min_ms = 10;
	c->poll_max_ms = 1000;
	c->action = GUARD_ACTION_PROCESS;
	c->escalate = true;
	c->dry_run = false;
	c->kmsg = true;
	c->mlock = true;
	c->protect_self = true;
	c->recorder_seconds = 60;
	c->recorder_tasks = 8;
	c->notify = true;
	for (size_t i = 0; i < ARRAY_SIZE(default_protect); i++)
		str_copy(c->protect[c->nr_protect++], GUARD_NAME_LEN, default_protect[i],
			 strlen(default_protect[i]));
	str_copy(c->incident_dir, sizeof(c->incident_dir), "/var/lib/oomkit/incidents", 25);
}

static int parse_bool(const char *v, bool *out)
{
	if (!strcmp(v, "yes") || !strcmp(v, "true") || !strcmp(v, "on") || !strcmp(v, "1"))
		*out = true;
	else if (!strcmp(v, "no") || !strcmp(v, "false") || !strcmp(v, "off") || !strcmp(v, "0"))
		*out = false;
	else
		return -EINVAL;
	return 0;
}

/* Splits a command line at spaces into argv (no quoting, no shell: a value
 * with spaces inside one argument needs a wrapper script). */
static int split_exec(int *argc, char (*argv)[OOM_PATH_LEN / 4], const char *v, char *err, size_t errlen)
{
	*argc = 0;
	const char *p = v;
	while (*p) {
		while (*p == ' ' || *p == '\t')
			p++;
		if (!*p)
			break;
		const char *s = p;
		while (*p && *p != ' ' && *p != '\t')
			p++;
		if (*argc >= GUARD_MAX_EXEC_ARGS) {
			snprintf(err, errlen, "too many arguments (at most %d)", GUARD_MAX_EXEC_ARGS);
			return -EINVAL;
		}
		if ((size_t)(p - s) >= sizeof(argv[0])) {
			snprintf(err, errlen, "argument too long");
			return -EINVAL;
		}
		str_copy(argv[(*argc)++], sizeof(argv[0]), s, (size_t)(p - s));
	}
	if (*argc > 0 && argv[0][0] != '/') {
		snprintf(err, errlen, "the program must be an absolute path (no shell, no PATH search)");
		*argc = 0;
		return -EINVAL;
	}
	return 0;
}

static int check_listen(const char *v, char *err, size_t errlen)
{
	if (!*v)
		return 0;
	const char *colon = strrchr(v, ':');
	uint64_t port;
	if (!colon || colon == v || parse_u64(colon + 1, (size_t)-1, &port) != 0 || port == 0 ||
	    port > 65535) {
		snprintf(err, errlen, "expected ADDRESS:PORT, e.g. 127.0.0.1:9650");
		return -EINVAL;
	}
	return 0;
}

/* One rule: "cgroup:GLOB", "unit:NAME" (".service" when NAME has no
 * type), "user:NAME|UID" (the name resolved here, at load, never in the
 * loop), else a process-name rule; with allow_action, a trailing
 * " action=kill|restart-unit".  The normalised text (prefix kept, action
 * dropped) goes to norm. */
static int parse_rule(const char *key, const char *value, bool allow_action, struct guard_rule *r,
		      char *norm, size_t normlen, char *err, size_t errlen)
{
	memset(r, 0, sizeof(*r));
	size_t vlen = strlen(value);
	const char *act = NULL;
	for (const char *q = value; allow_action && (q = strstr(q, " action=")) != NULL; q++)
		act = q;
	if (act) {
		const char *a = act + 8;
		if (!strcmp(a, "restart-unit"))
			r->action = GUARD_RULE_RESTART_UNIT;
		else if (strcmp(a, "kill") != 0) {
			snprintf(err, errlen, "'%s': unknown action '%.32s' (kill or restart-unit)", key, a);
			return -EINVAL;
		}
		vlen = (size_t)(act - value);
		while (vlen > 0 && (value[vlen - 1] == ' ' || value[vlen - 1] == '\t'))
			vlen--;
	}
	if (vlen == 0 || vlen >= normlen) {
		snprintf(err, errlen, "'%s': rule empty or too long", key);
		return -EINVAL;
	}
	str_copy(norm, normlen, value, vlen);
	static const struct { const char *prefix; enum guard_match m; } kinds[] = {
		{ "cgroup:", GUARD_MATCH_CGROUP }, { "unit:", GUARD_MATCH_UNIT }, { "user:", GUARD_MATCH_USER },
	};
	for (size_t i = 0; i < ARRAY_SIZE(kinds); i++) {
		size_t pl = strlen(kinds[i].prefix);
		if (strncmp(norm, kinds[i].prefix, pl) != 0)
			continue;
		r->match = (uint8_t)kinds[i].m;
		r->off = (uint16_t)pl;
		const char *arg = norm + pl;
		if (!*arg) {
			snprintf(err, errlen, "'%s': '%s' needs a value", key, kinds[i].prefix);
			return -EINVAL;
		}
		if (kinds[i].m == GUARD_MATCH_UNIT && !strchr(arg, '.')) {
			/* As systemctl: a unit named without its type is a service. */
			if (strlen(norm) + 8 >= normlen) {
				snprintf(err, errlen, "'%s': rule too long", key);
				return -EINVAL;
			}
			strcat(norm, ".service");
		}
		if (kinds[i].m == GUARD_MATCH_USER) {
			uint64_t uid;
			if (parse_u64(arg, (size_t)-1, &uid) == 0 && uid < UINT32_MAX) {
				r->uid = (int64_t)uid;
			} else {
				struct passwd *pw = getpwnam(arg);
				if (!pw) {
					snprintf(err, errlen, "'%s': unknown user '%.64s'", key, arg);
					return -EINVAL;
				}
				r->uid = (int64_t)pw->pw_uid;
			}
		}
		break;
	}
	return 0;
}

static int parse_mib_pair(const char *key, const char *value, int64_t max, int out[2], char *err, size_t errlen)
{
	/* earlyoom's -M SIZE[,KILL_SIZE]: the kill size defaults to half. */
	const char *comma = strchr(value, ',');
	int64_t t, k;
	if (parse_i64(value, comma ? (size_t)(comma - value) : (size_t)-1, &t) != 0 ||
	    (comma && parse_i64(comma + 1, (size_t)-1, &k) != 0)) {
		snprintf(err, errlen, "'%s': expected MIB or MIB,KILL_MIB, not '%.64s'", key, value);
		return -EINVAL;
	}
	if (!comma)
		k = t / 2;
	if (t < 0 || t > max || k < 0 || k > t) {
		snprintf(err, errlen, "'%s': sizes must be within [0, %lld] MiB and KILL at most SIZE", key,
			 (long long)max);
		return -EINVAL;
	}
	out[0] = (int)t;
	out[1] = (int)k;
	return 0;
}

int guard_config_set(struct guard_config *c, const char *key, const char *value, int line,
		     char *err, size_t errlen)
{
	const struct key *k = NULL;
	size_t idx = 0;
	for (; idx < ARRAY_SIZE(keys); idx++)
		if (!strcmp(keys[idx].name, key)) {
			k = &keys[idx];
			break;
		}
	if (!k) {
		snprintf(err, errlen, "unknown key '%.64s'", key);
		return -EINVAL;
	}
	bool list = k->kind == K_LIST_CGROUP || k->kind == K_LIST_PREFER || k->kind == K_LIST_AVOID;
	if (!list && line > 0 && c->set_line[idx] > 0) {
		snprintf(err, errlen, "'%s' already set on line %d", key, c->set_line[idx]);
		return -EINVAL;
	}
	/* The command line overrides the file, but the file never overrides it. */
	if (!list && line > 0 && c->set_line[idx] < 0)
		return 0;
	char *base = (char *)c;
	size_t vlen = strlen(value);
	switch (k->kind) {
	case K_PERCENT:
	case K_MS:
	case K_INT: {
		int64_t n;
		if (parse_i64(value, (size_t)-1, &n) != 0) {
			snprintf(err, errlen, "'%s': '%.64s' is not a whole number", key, value);
			return -EINVAL;
		}
		if (n < k->min || n > k->max) {
			snprintf(err, errlen, "'%s': %lld is out of range [%lld, %lld]", key, (long long)n,
				 (long long)k->min, (long long)k->max);
			return -EINVAL;
		}
		*(int *)(base + k->off) = (int)n;
		break;
	}
	case K_MIB_PAIR:
		if (parse_mib_pair(key, value, k->max, (int *)(base + k->off), err, errlen) != 0)
			return -EINVAL;
		break;
	case K_BOOL: {
		bool b;
		if (parse_bool(value, &b) != 0) {
			snprintf(err, errlen, "'%s': expected yes or no, not '%.64s'", key, value);
			return -EINVAL;
		}
		*(bool *)(base + k->off) = b;
		break;
	}
	case K_TRI: {
		bool b;
		if (!strcmp(value, "auto"))
			*(int *)(base + k->off) = GUARD_AUTO;
		else if (parse_bool(value, &b) == 0)
			*(int *)(base + k->off) = b ? GUARD_YES : GUARD_NO;
		else {
			snprintf(err, errlen, "'%s': expected auto, yes or no, not '%.64s'", key, value);
			return -EINVAL;
		}
		break;
	}
	case K_PATH:
	case K_LISTEN:
	case K_EXEC:
	case K_EXEC_WARN: {
		size_t cap = k->kind == K_LISTEN ? sizeof(c->metrics_listen) : OOM_PATH_LEN;
		if (vlen >= cap) {
			snprintf(err, errlen, "'%s': value too long (at most %zu bytes)", key, cap - 1);
			return -EINVAL;
		}
		if (k->kind == K_LISTEN && check_listen(value, err, errlen) != 0)
			return -EINVAL;
		if (k->kind == K_EXEC && split_exec(&c->exec_argc, c->exec_argv, value, err, errlen) != 0)
			return -EINVAL;
		if (k->kind == K_EXEC_WARN && split_exec(&c->exec_warn_argc, c->exec_warn_argv, value, err, errlen) != 0)
			return -EINVAL;
		str_copy(base + k->off, cap, value, vlen);
		break;
	}
	case K_LIST_CGROUP:
		if (vlen == 0 || vlen >= OOM_PATH_LEN || value[0] != '/') {
			snprintf(err, errlen, "'cgroup': expected an absolute directory path");
			return -EINVAL;
		}
		if (c->nr_cgroups >= GUARD_MAX_SCOPES) {
			snprintf(err, errlen, "too many cgroups (at most %d)", GUARD_MAX_SCOPES);
			return -EINVAL;
		}
		str_copy(c->cgroups[c->nr_cgroups++], OOM_PATH_LEN, value, vlen);
		break;
	case K_LIST_PREFER:
	case K_LIST_AVOID: {
		bool pref = k->kind == K_LIST_PREFER;
		int *n = pref ? &c->nr_prefer : &c->nr_avoid;
		if (vlen == 0 || vlen >= GUARD_PATTERN_LEN) {
			snprintf(err, errlen, "'%s': pattern empty or too long", key);
			return -EINVAL;
		}
		if (*n >= GUARD_MAX_PATTERNS) {
			snprintf(err, errlen, "'%s': too many patterns (at most %d)", key, GUARD_MAX_PATTERNS);
			return -EINVAL;
		}
		char norm[GUARD_PATTERN_LEN];
		struct guard_rule rule;
		if (parse_rule(key, value, true, &rule, norm, sizeof(norm), err, errlen) != 0)
			return -EINVAL;
		/* Compiled here, so a bad pattern is reported where it was written. */
		char msg[128];
		if (rule.match == GUARD_MATCH_NAME &&
		    pat_compile(&c->pats, pref ? &c->prefer_pat[*n] : &c->avoid_pat[*n], norm, msg,
				sizeof(msg)) != 0) {
			snprintf(err, errlen, "'%s': bad regular expression '%.64s': %s", key, norm, msg);
			return -EINVAL;
		}
		str_copy(pref ? c->prefer[*n] : c->avoid[*n], GUARD_PATTERN_LEN, norm, strlen(norm));
		(pref ? c->prefer_rule : c->avoid_rule)[*n] = rule;
		(*n)++;
		break;
	}
	case K_PROTECT: {
		c->nr_protect = 0;
		const char *p = value;
		while (*p) {
			while (*p == ' ' || *p == '\t' || *p == ',')
				p++;
			if (!*p)
				break;
			const char *s = p;
			while (*p && *p != ' ' && *p != '\t' && *p != ',')
				p++;
			if (c->nr_protect >= GUARD_MAX_PROTECT || (size_t)(p - s) >= GUARD_NAME_LEN) {
				snprintf(err, errlen, "'protect': too many or too long names");
				return -EINVAL;
			}
			char tok[GUARD_NAME_LEN], norm[GUARD_NAME_LEN];
			str_copy(tok, sizeof(tok), s, (size_t)(p - s));
			if (parse_rule(key, tok, false, &c->protect_rule[c->nr_protect], norm, sizeof(norm), err,
				       errlen) != 0)
				return -EINVAL;
			str_copy(c->protect[c->nr_protect++], GUARD_NAME_LEN, norm, strlen(norm));
		}
		break;
	}
	case K_ACTION: {
		enum guard_action a;
		if (!strcmp(value, "process"))
			a = GUARD_ACTION_PROCESS;
		else if (!strcmp(value, "pgroup"))
			a = GUARD_ACTION_PGROUP;
		else if (!strcmp(value, "cgroup"))
			a = GUARD_ACTION_CGROUP;
		else {
			snprintf(err, errlen, "'action': expected process, pgroup or cgroup, not '%.64s'", value);
			return -EINVAL;
		}
		c->action = a;
		break;
	}
	}
	if (!list)
		c->set_line[idx] = line;
	return 0;
}

static bool is_space(char ch) { return ch == ' ' || ch == '\t' || ch == '\r'; }

int guard_config_parse(struct guard_config *c, const char *text, size_t len, const char *name,
		       char *err, size_t errlen)
{
	char msg[256];
	int lineno = 0;
	bool in_guard = true;
	const char *p = text, *end = text + len;
	while (p < end) {
		lineno++;
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		const char *le = nl ? nl : end;
		const char *s = p, *e = le;
		p = nl ? nl + 1 : end;
		while (s < e && is_space(*s))
			s++;
		while (e > s && is_space(e[-1]))
			e--;
		if (s == e || *s == '#' || *s == ';')
			continue;
		if (memchr(s, '\0', (size_t)(e - s))) {
			snprintf(err, errlen, "%s:%d: NUL byte in line", name, lineno);
			return -EINVAL;
		}
		if (*s == '[') {
			if (e[-1] != ']') {
				snprintf(err, errlen, "%s:%d: section header without ']'", name, lineno);
				return -EINVAL;
			}
			if ((size_t)(e - s) == 7 && !memcmp(s, "[guard]", 7))
				in_guard = true;
			else {
				snprintf(err, errlen, "%s:%d: unknown section '%.*s' (only [guard])", name,
					 lineno, (int)((e - s) > 40 ? 40 : (e - s)), s);
				return -EINVAL;
			}
			continue;
		}
		(void)in_guard;
		const char *eq = memchr(s, '=', (size_t)(e - s));
		if (!eq) {
			snprintf(err, errlen, "%s:%d: expected 'key = value'", name, lineno);
			return -EINVAL;
		}
		const char *ke = eq, *vs = eq + 1, *ve = e;
		while (ke > s && is_space(ke[-1]))
			ke--;
		while (vs < ve && is_space(*vs))
			vs++;
		/* A value may be quoted to keep leading spaces or to be empty. */
		if (ve - vs >= 2 && *vs == '"' && ve[-1] == '"') {
			vs++;
			ve--;
		}
		char key[64], value[OOM_PATH_LEN];
		if (ke == s || (size_t)(ke - s) >= sizeof(key)) {
			snprintf(err, errlen, "%s:%d: missing or over-long key", name, lineno);
			return -EINVAL;
		}
		if ((size_t)(ve - vs) >= sizeof(value)) {
			snprintf(err, errlen, "%s:%d: value too long", name, lineno);
			return -EINVAL;
		}
		str_copy(key, sizeof(key), s, (size_t)(ke - s));
		str_copy(value, sizeof(value), vs, (size_t)(ve - vs));
		if (guard_config_set(c, key, value, lineno, msg, sizeof(msg)) != 0) {
			snprintf(err, errlen, "%s:%d: %s", name, lineno, msg);
			return -EINVAL;
		}
	}
	return 0;
}

/* Who may have written a file the guard trusts (it runs as root and acts
 * on it): root, or the user the guard runs as; nobody else may write it. */
static int trusted_stat(const char *path, const struct stat *st, const char *what, char *err, size_t errlen)
{
	uid_t me = geteuid();
	bool owner_ok = st->st_uid == 0 || st->st_uid == me;
	/* A directory writable by others is safe only with the sticky bit
	 * (/tmp): then nobody can replace what another user put in it. */
	bool dir_sticky = S_ISDIR(st->st_mode) && (st->st_mode & S_ISVTX) && st->st_uid == 0;
	bool mode_ok = !(st->st_mode & (S_IWGRP | S_IWOTH)) || dir_sticky;
	if (owner_ok && mode_ok)
		return 0;
	char e[OOM_PATH_LEN * 2];
	escape_term_to(e, sizeof(e), path, strlen(path), false);
	snprintf(err, errlen,
		 "%s %s: refused: mode %04o, owner uid %lu: it must be owned by root%s and writable by its owner only "
		 "(%s)",
		 what, e, (unsigned)(st->st_mode & 07777), (unsigned long)st->st_uid,
		 me == 0 ? "" : " or by the user the guard runs as",
		 !owner_ok ? "another user owns it" : "group or others may write it");
	return -EPERM;
}

int guard_path_trusted(const char *path, const char *what, bool want_file, char *err, size_t errlen)
{
	char real[PATH_MAX];
	if (!realpath(path, real)) {
		int e = errno;
		char p[OOM_PATH_LEN * 2];
		escape_term_to(p, sizeof(p), path, strlen(path), false);
		snprintf(err, errlen, "%s %s: %s", what, p, strerror(e));
		return -e;
	}
	struct stat st;
	if (stat(real, &st) != 0) {
		snprintf(err, errlen, "%s %s: %s", what, real, strerror(errno));
		return -errno;
	}
	if (want_file && !S_ISREG(st.st_mode)) {
		snprintf(err, errlen, "%s %s: refused: not a regular file", what, real);
		return -EINVAL;
	}
	if (!want_file && !S_ISDIR(st.st_mode)) {
		snprintf(err, errlen, "%s %s: refused: not a directory", what, real);
		return -ENOTDIR;
	}
	int rc = trusted_stat(real, &st, what, err, errlen);
	/* Every directory above it, like sshd's StrictModes: whoever may
	 * write one of them may swap the file. */
	for (char *slash = strrchr(real, '/'); rc == 0 && slash; slash = strrchr(real, '/')) {
		if (slash == real)
			slash[1] = '\0';
		else
			*slash = '\0';
		if (stat(real, &st) != 0) {
			snprintf(err, errlen, "%s: %s", real, strerror(errno));
			return -errno;
		}
		char w[96];
		snprintf(w, sizeof(w), "directory of the %s,", what);
		rc = trusted_stat(real, &st, w, err, errlen);
		if (slash == real)
			break;
	}
	return rc;
}

int guard_config_load(struct guard_config *c, const char *path, char *err, size_t errlen)
{
	static char text[64 * 1024];
	/* O_NONBLOCK: a FIFO or a device named as the config must not block
	 * the guard (at start or at a SIGHUP); it is refused below. */
	int fd = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
	if (fd < 0) {
		int e = errno;
		snprintf(err, errlen, "%s: %s", path, strerror(e));
		return -e;
	}
	struct stat st;
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
		close(fd);
		snprintf(err, errlen, "config %s: refused: not a regular file", path);
		return -EINVAL;
	}
	int rc = trusted_stat(path, &st, "config", err, errlen);
	if (rc == 0)
		rc = guard_path_trusted(path, "config", true, err, errlen);
	if (rc != 0) {
		close(fd);
		return rc;
	}
	ssize_t n = 0, r;
	while ((size_t)n < sizeof(text) - 1 && (r = read(fd, text + n, sizeof(text) - 1 - (size_t)n)) != 0) {
		if (r < 0) {
			if (errno == EINTR)
				continue;
			int e = errno;
			close(fd);
			snprintf(err, errlen, "%s: %s", path, strerror(e));
			return -e;
		}
		n += r;
	}
	close(fd);
	text[n] = '\0';
	if ((size_t)n >= sizeof(text) - 1) {
		snprintf(err, errlen, "%s: larger than %zu bytes", path, sizeof(text) - 2);
		return -EFBIG;
	}
	const char *base = strrchr(path, '/');
	return guard_config_parse(c, text, (size_t)n, base ? base + 1 : path, err, errlen);
}

static bool key_given(const struct guard_config *c, const char *name)
{
	for (size_t i = 0; i < ARRAY_SIZE(keys); i++)
		if (!strcmp(keys[i].name, name))
			return c->set_line[i] != 0;
	return false;
}

int guard_config_finish(struct guard_config *c, char *err, size_t errlen)
{
	if (c->mem_kill_percent > c->mem_term_percent) {
		snprintf(err, errlen, "mem-kill-percent (%d) must not exceed mem-term-percent (%d)",
			 c->mem_kill_percent, c->mem_term_percent);
		return -EINVAL;
	}
	if (c->swap_kill_percent > c->swap_term_percent) {
		snprintf(err, errlen, "swap-kill-percent (%d) must not exceed swap-term-percent (%d)",
			 c->swap_kill_percent, c->swap_term_percent);
		return -EINVAL;
	}
	if (c->cgroup_kill_percent > c->cgroup_term_percent) {
		snprintf(err, errlen, "cgroup-kill-percent (%d) must not exceed cgroup-term-percent (%d)",
			 c->cgroup_kill_percent, c->cgroup_term_percent);
		return -EINVAL;
	}
	/* Available memory is below 100% of the size as soon as anything is
	 * charged: a 100% threshold would kill in an idle scope. */
	static const struct { const char *key; size_t off; } full[] = {
		{ "mem-term-percent", offsetof(struct guard_config, mem_term_percent) },
		{ "mem-kill-percent", offsetof(struct guard_config, mem_kill_percent) },
		{ "cgroup-term-percent", offsetof(struct guard_config, cgroup_term_percent) },
		{ "cgroup-kill-percent", offsetof(struct guard_config, cgroup_kill_percent) },
	};
	for (size_t i = 0; i < ARRAY_SIZE(full); i++)
		if (*(const int *)((const char *)c + full[i].off) >= 100) {
			snprintf(err, errlen, "%s = 100 would act in an idle scope (available memory is below 100%% "
				 "of the size as soon as anything is charged); at most 99", full[i].key);
			return -EINVAL;
		}
	/* Was a percentage given (file or command line), or is it the default?
	 * A MiB minimum replaces a default percentage (earlyoom -M alone). */
	c->mem_percent_set = key_given(c, "mem-term-percent") || key_given(c, "mem-kill-percent");
	c->swap_percent_set = key_given(c, "swap-term-percent") || key_given(c, "swap-kill-percent");
	c->cgroup_percent_set = key_given(c, "cgroup-term-percent") || key_given(c, "cgroup-kill-percent");
	if (c->warn_mem_percent > 0 && c->warn_mem_percent <= c->mem_kill_percent) {
		snprintf(err, errlen, "warn-mem-percent (%d) must be above mem-kill-percent (%d)",
			 c->warn_mem_percent, c->mem_kill_percent);
		return -EINVAL;
	}
	if (c->warn_cgroup_percent > 0 && c->warn_cgroup_percent <= c->cgroup_kill_percent) {
		snprintf(err, errlen, "warn-cgroup-percent (%d) must be above cgroup-kill-percent (%d)",
			 c->warn_cgroup_percent, c->cgroup_kill_percent);
		return -EINVAL;
	}
	c->need_task_details = c->nr_prefer > 0 || c->nr_avoid > 0;
	for (int i = 0; i < c->nr_protect; i++)
		if (c->protect_rule[i].match != GUARD_MATCH_NAME)
			c->need_task_details = true;
	if (c->poll_min_ms > c->poll_max_ms) {
		snprintf(err, errlen, "poll-min-ms (%d) must not exceed poll-max-ms (%d)", c->poll_min_ms,
			 c->poll_max_ms);
		return -EINVAL;
	}
	if (c->psi_stall_ms > c->psi_window_ms) {
		snprintf(err, errlen, "psi-stall-ms (%d) must not exceed psi-window-ms (%d)",
			 c->psi_stall_ms, c->psi_window_ms);
		return -EINVAL;
	}
	if (c->action == GUARD_ACTION_CGROUP && c->nr_cgroups == 0) {
		snprintf(err, errlen, "action = cgroup needs at least one cgroup to watch");
		return -EINVAL;
	}
	if (c->metrics_file[0] && c->metrics_file[0] != '/') {
		snprintf(err, errlen, "metrics-file must be an absolute path");
		return -EINVAL;
	}
	return 0;
}

void guard_config_print(const struct guard_config *c, FILE *f)
{
	fputs("[guard]\n", f);
	const char *base = (const char *)c;
	for (size_t i = 0; i < ARRAY_SIZE(keys); i++) {
		const struct key *k = &keys[i];
		switch (k->kind) {
		case K_PERCENT:
		case K_MS:
		case K_INT:
			fprintf(f, "%s = %d\n", k->name, *(const int *)(base + k->off));
			break;
		case K_MIB_PAIR: {
			const int *v = (const int *)(base + k->off);
			fprintf(f, "%s = %d,%d\n", k->name, v[0], v[1]);
			break;
		}
		case K_BOOL:
			fprintf(f, "%s = %s\n", k->name, *(const bool *)(base + k->off) ? "yes" : "no");
			break;
		case K_TRI: {
			int v = *(const int *)(base + k->off);
			fprintf(f, "%s = %s\n", k->name, v == GUARD_AUTO ? "auto" : v ? "yes" : "no");
			break;
		}
		case K_PATH:
		case K_LISTEN:
		case K_EXEC:
		case K_EXEC_WARN:
			fprintf(f, "%s = \"", k->name);
			escape_term(f, base + k->off, strlen(base + k->off));
			fputs("\"\n", f);
			break;
		case K_LIST_CGROUP:
			for (int j = 0; j < c->nr_cgroups; j++) {
				fprintf(f, "%s = ", k->name);
				escape_term(f, c->cgroups[j], strlen(c->cgroups[j]));
				fputc('\n', f);
			}
			break;
		case K_LIST_PREFER:
		case K_LIST_AVOID: {
			bool pref = k->kind == K_LIST_PREFER;
			for (int j = 0; j < (pref ? c->nr_prefer : c->nr_avoid); j++) {
				const char *s = pref ? c->prefer[j] : c->avoid[j];
				fprintf(f, "%s = ", k->name);
				escape_term(f, s, strlen(s));
				if ((pref ? c->prefer_rule : c->avoid_rule)[j].action == GUARD_RULE_RESTART_UNIT)
					fputs(" action=restart-unit", f);
				fputc('\n', f);
			}
			break;
		}
		case K_PROTECT:
			fprintf(f, "%s =", k->name);
			for (int j = 0; j < c->nr_protect; j++) {
				fputc(' ', f);
				escape_term(f, c->protect[j], strlen(c->protect[j]));
			}
			fputc('\n', f);
			break;
		case K_ACTION:
			fprintf(f, "%s = %s\n", k->name,
				c->action == GUARD_ACTION_PGROUP ? "pgroup" :
				c->action == GUARD_ACTION_CGROUP ? "cgroup" : "process");
			break;
		}
	}
}

void guard_config_help(FILE *f)
{
	for (size_t i = 0; i < ARRAY_SIZE(keys); i++)
		fprintf(f, "  --%-24s %s\n", keys[i].name, keys[i].help);
}

bool guard_config_is_bool(const char *key)
{
	for (size_t i = 0; i < ARRAY_SIZE(keys); i++)
		if (!strcmp(keys[i].name, key))
			return keys[i].kind == K_BOOL;
	return false;
}

int guard_config_build(struct guard_config *c, const struct guard_cli *cli, char *err, size_t errlen)
{
	char msg[320];
	guard_config_defaults(c);
	/* Command-line values first, marked as such, so the file cannot override them. */
	for (int i = 0; i < cli->n; i++)
		if (guard_config_set(c, cli->key[i], cli->value[i], -1, msg, sizeof(msg)) != 0) {
			snprintf(err, errlen, "--%s: %s", cli->key[i], msg);
			return -EINVAL;
		}
	const char *path = cli->config_path ? cli->config_path : GUARD_DEFAULT_CONFIG;
	int rc = guard_config_load(c, path, msg, sizeof(msg));
	if (rc == -ENOENT && !cli->config_path)
		rc = 0;      /* no default file: the defaults */
	if (rc != 0) {
		snprintf(err, errlen, "%s", msg);
		return rc;
	}
	if (guard_config_finish(c, msg, sizeof(msg)) != 0) {
		snprintf(err, errlen, "%s", msg);
		return -EINVAL;
	}
	/* The hook runs as the guard (root): the same trust as the config. */
	if (c->exec_argc > 0 && (rc = guard_path_trusted(c->exec_argv[0], "exec program", true, msg, sizeof(msg))) != 0) {
		snprintf(err, errlen, "%s", msg);
		return rc;
	}
	if (c->exec_warn_argc > 0 &&
	    (rc = guard_path_trusted(c->exec_warn_argv[0], "exec-warn program", true, msg, sizeof(msg))) != 0) {
		snprintf(err, errlen, "%s", msg);
		return rc;
	}
	return 0;
}
