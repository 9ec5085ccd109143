/* hooks.c — the programs the guard starts: --exec after a kill, exec-warn
 * and notify-send at the warning stage (warn.c), systemctl for
 * restart-unit (unit.c).
 *
 * Never blocking the loop: each starts in the background (spawn.c), with no
 * signal blocked and every disposition the default (the guard blocks the
 * ones its signalfd reads and ignores SIGPIPE), in a process group of its
 * own, so it and what it starts are killed together at its timeout, when
 * the guard stops, or when the guard dies.  A
 * fixed table (GUARD_MAX_HOOKS): nothing is allocated. */
#include <errno.h>
#include <signal.h>
#include <sys/prctl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "guard/daemon_int.h"

extern char **environ;

void run_exec(const struct decision_facts *f, const char *incident)
{
	if (D.cfg->exec_argc == 0)
		return;
	static char envs[12][OOM_PATH_LEN + 64];
	static char *envp[16];
	static char *argv[GUARD_MAX_EXEC_ARGS + 1];
	int e = 0;
	const char *path = getenv("PATH");
	snprintf(envs[e++], sizeof(envs[0]), "PATH=%s", path ? path : "/usr/sbin:/usr/bin:/sbin:/bin");
	snprintf(envs[e++], sizeof(envs[0]), "OOMKIT_EVENT=%s", f->kind);
	snprintf(envs[e++], sizeof(envs[0]), "OOMKIT_PID=%lld", (long long)(f->victim ? f->victim->t.pid : f->kernel_pid));
	/* The name goes in as bytes in its own variable: never through a shell. */
	snprintf(envs[e++], sizeof(envs[0]), "OOMKIT_COMM=%s", f->victim ? f->victim->t.comm : f->kernel_comm ? f->kernel_comm : "");
	snprintf(envs[e++], sizeof(envs[0]), "OOMKIT_SIGNAL=%s", f->signal ? f->signal : "");
	snprintf(envs[e++], sizeof(envs[0]), "OOMKIT_SCOPE=%s", f->sc ? f->sc->name : "");
	snprintf(envs[e++], sizeof(envs[0]), "OOMKIT_REASON=%s", f->ch ? f->ch->reason : f->kind);
	snprintf(envs[e++], sizeof(envs[0]), "OOMKIT_FREED_KB=%lld", (long long)f->freed_kib);
	snprintf(envs[e++], sizeof(envs[0]), "OOMKIT_LATENCY_MS=%.3f", f->latency_ms);
	snprintf(envs[e++], sizeof(envs[0]), "OOMKIT_INCIDENT=%s", incident ? incident : "");
	snprintf(envs[e++], sizeof(envs[0]), "OOMKIT_DRY_RUN=%d", D.cfg->dry_run ? 1 : 0);
	for (int i = 0; i < e; i++)
		envp[i] = envs[i];
	envp[e] = NULL;
	for (int i = 0; i < D.cfg->exec_argc; i++)
		argv[i] = D.cfg->exec_argv[i];
	argv[D.cfg->exec_argc] = NULL;
	/* guard_hook_spawn: in the background, clean signal state, own process group. */
	if (guard_hook_spawn("exec", argv, envp, D.cfg->exec_timeout_ms, (uid_t)-1, (gid_t)-1) < 0)
		D.ms.exec_failures_total++;
}

/* Reaps the hooks that ended; kills (their whole process group) those past
 * their timeout, or all of them when the guard stops (all). */
void hooks_reap(bool all)
{
	D.ms.exec_failures_total += (uint64_t)guard_hooks_reap(all);
}

uint64_t hooks_next_deadline(void)
{
	return guard_hooks_next_deadline();
}

/* ---- the shared machinery (guard.h) ---------------------------------------- */
static struct {
	pid_t pid;
	uint64_t deadline_ns;
	int timeout_ms;
	char what[32];
} hooks[GUARD_MAX_HOOKS];

static int free_slot(void)
{
	for (int i = 0; i < GUARD_MAX_HOOKS; i++)
		if (hooks[i].pid <= 0)
			return i;
	return -1;
}

pid_t guard_hook_spawn(const char *what, char *const argv[], char *const envp[], int timeout_ms, uid_t uid,
		       gid_t gid)
{
	int slot = free_slot();
	if (slot < 0) {
		guard_log(GLOG_WARNING, "%s %s: %d hooks still running; not started", what, argv[0], GUARD_MAX_HOOKS);
		return -EBUSY;
	}
	pid_t pid;
	/* spawn.c: a clean start in a group of its own, killed with the guard */
	int rc = -guard_spawn_hook(argv, envp, uid, gid, &pid);
	if (rc != 0) {
		guard_log(GLOG_WARNING, "%s %s: %s", what, argv[0], strerror(rc));
		return -rc;
	}
	hooks[slot].pid = pid;
	hooks[slot].timeout_ms = timeout_ms;
	hooks[slot].deadline_ns = guard_now_ns() + (uint64_t)timeout_ms * 1000000ull;
	str_copy(hooks[slot].what, sizeof(hooks[slot].what), what, strlen(what));
	return pid;
}

int guard_hooks_reap(bool all)
{
	pid_t pid;
	int status, killed = 0;
	while ((pid = waitpid(-1, &status, WNOHANG)) > 0)
		for (int i = 0; i < GUARD_MAX_HOOKS; i++)
			if (hooks[i].pid == pid) {
				hooks[i].pid = 0;
				guard_unit_hook_exited(pid, status);
			}
	uint64_t now = guard_now_ns();
	for (int i = 0; i < GUARD_MAX_HOOKS; i++) {
		if (hooks[i].pid <= 0 || (!all && now < hooks[i].deadline_ns))
			continue;
		if (!all) {
			killed++;
			guard_log(GLOG_WARNING, "%s: process group %lld still running after %d ms: killed",
				  hooks[i].what, (long long)hooks[i].pid, hooks[i].timeout_ms);
		}
		kill(-hooks[i].pid, SIGKILL);
		/* The group leader is our child: reaped here or at the next SIGCHLD. */
		pid_t p = hooks[i].pid;
		if (waitpid(p, &status, all ? 0 : WNOHANG) != 0) {
			hooks[i].pid = 0;
			guard_unit_hook_exited(p, -1);
		} else {
			hooks[i].deadline_ns = UINT64_MAX;
		}
	}
	return killed;
}

uint64_t guard_hooks_next_deadline(void)
{
	uint64_t next = UINT64_MAX;
	for (int i = 0; i < GUARD_MAX_HOOKS; i++)
		if (hooks[i].pid > 0 && hooks[i].deadline_ns < next)
			next = hooks[i].deadline_ns;
	return next;
}

int guard_hook_which(const char *name, char *out, size_t outlen)
{
	/* The guard's PATH (systemd gives a fixed one), else the usual. */
	const char *path = getenv("PATH");
	if (!path || !*path)
		path = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";
	size_t nl = strlen(name);
	for (const char *p = path; *p;) {
		const char *e = strchr(p, ':');
		size_t dl = e ? (size_t)(e - p) : strlen(p);
		if (dl > 0 && p[0] == '/' && dl + nl + 2 <= outlen) {
			memcpy(out, p, dl);
			out[dl] = '/';
			memcpy(out + dl + 1, name, nl + 1);
			if (access(out, X_OK) == 0)
				return 0;
		}
		p = e ? e + 1 : p + dl;
	}
	out[0] = '\0';
	return -ENOENT;
}
