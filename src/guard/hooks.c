/* hooks.c — the --exec programs run after a kill: started with a clean
 * signal mask and default dispositions in their own process group, reaped
 * without blocking, and killed at their deadline or when the guard stops. */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "guard/daemon_int.h"
#include "live/live.h"
#include "render/render.h"
#include "report/report.h"

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
	/* The hook starts clean: no signal blocked (the guard blocks the ones
	 * its signalfd reads), every disposition the default (SIGPIPE is
	 * ignored here), in a process group of its own, so that it and what
	 * it starts can be killed together at its timeout or the guard's stop. */
	int slot = -1;
	for (int i = 0; i < GUARD_MAX_HOOKS; i++)
		if (D.hooks[i].pid <= 0) {
			slot = i;
			break;
		}
	if (slot < 0) {
		D.ms.exec_failures_total++;
		guard_log(GLOG_WARNING, "exec %s: %d hooks still running; not started", argv[0], GUARD_MAX_HOOKS);
		return;
	}
	pid_t pid;
	int rc = -guard_spawn_hook(argv, envp, &pid);   /* spawn.c: also dies with the guard */
	if (rc != 0) {
		D.ms.exec_failures_total++;
		guard_log(GLOG_WARNING, "exec %s: %s", argv[0], strerror(rc));
		return;
	}
	D.hooks[slot].pid = pid;
	D.hooks[slot].deadline_ns = guard_now_ns() + (uint64_t)D.cfg->exec_timeout_ms * 1000000ull;
}

/* Reaps the hooks that ended; kills (their whole process group) those past
 * their timeout, or all of them when the guard stops (all). */
void hooks_reap(bool all)
{
	pid_t pid;
	while ((pid = waitpid(-1, NULL, WNOHANG)) > 0)
		for (int i = 0; i < GUARD_MAX_HOOKS; i++)
			if (D.hooks[i].pid == pid)
				D.hooks[i].pid = 0;
	uint64_t now = guard_now_ns();
	for (int i = 0; i < GUARD_MAX_HOOKS; i++) {
		if (D.hooks[i].pid <= 0 || (!all && now < D.hooks[i].deadline_ns))
			continue;
		if (!all) {
			D.ms.exec_failures_total++;
			guard_log(GLOG_WARNING, "exec: pid %lld still running after %d ms: killed (its process group)",
				  (long long)D.hooks[i].pid, D.cfg->exec_timeout_ms);
		}
		kill(-D.hooks[i].pid, SIGKILL);
		/* The group leader is our child: reaped here or at the next SIGCHLD. */
		if (waitpid(D.hooks[i].pid, NULL, all ? 0 : WNOHANG) != 0)
			D.hooks[i].pid = 0;
		else
			D.hooks[i].deadline_ns = UINT64_MAX;
	}
}

uint64_t hooks_next_deadline(void)
{
	uint64_t next = UINT64_MAX;
	for (int i = 0; i < GUARD_MAX_HOOKS; i++)
		if (D.hooks[i].pid > 0 && D.hooks[i].deadline_ns < next)
			next = D.hooks[i].deadline_ns;
	return next;
}
