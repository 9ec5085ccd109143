/* unit.c — action=restart-unit: when a rule says so, the victim's systemd
 * unit is restarted (systemctl --no-block restart UNIT) instead of the
 * process being signalled, so the service comes back clean.
 *
 * No libsystemd: systemctl runs through hook.c like --exec (background,
 * timeout, own process group); --no-block makes it return once the job is
 * queued.  The unit is the system unit of the victim's cgroup
 * (live_cgroup_unit, systemd's cg_path_get_unit).  Whenever the restart
 * cannot help the guard signals as usual and the reason says why: no
 * unit, no systemctl, systemctl failed, or the memory did not come back
 * within the restart's wait (grace-ms, at least 2 s). */
#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

#include "guard/guard.h"
#include "live/live.h"
#include "util/util.h"

#define RESTART_WAIT_MIN_MS 2000

/* The last restart asked for, for one victim (pid + start time). */
static struct {
	bool active;
	int64_t pid;
	uint64_t start_ticks;
	pid_t hook;                     /* systemctl; 0 once reaped */
	int status;                     /* its wait status, -1 killed at its timeout */
	bool exited;
	uint64_t requested_ns;
	char unit[GUARD_NAME_LEN * 2];
} R;

void guard_unit_hook_exited(pid_t pid, int status)
{
	if (R.active && R.hook == pid) {
		R.exited = true;
		R.status = status;
		R.hook = 0;
	}
}

static void fallback(struct guard_choice *ch, const char *why)
{
	char r[sizeof(ch->reason)];
	if (snprintf(r, sizeof(r), "%s; killed instead (%s)", why, ch->reason) < 0)   /* truncation is fine */
		r[0] = '\0';
	str_copy(ch->reason, sizeof(ch->reason), r, strlen(r));
	ch->unit[0] = '\0';
}

int guard_unit_restart(const struct guard_config *c, const struct guard_task *victim, struct guard_choice *ch)
{
	ch->unit[0] = '\0';
	if (victim->rule_action != GUARD_RULE_RESTART_UNIT)
		return 0;
	char unit[sizeof(ch->unit)], why[160];
	if (!victim->t.cgroup[0] || live_cgroup_unit(victim->t.cgroup, unit, sizeof(unit)) != 0) {
		fallback(ch, "restart-unit: the process belongs to no systemd unit");
		return 0;
	}
	uint64_t now = guard_now_ns();
	if (R.active && R.pid == victim->t.pid && R.start_ticks == victim->start_ticks) {
		/* This victim's unit was asked to restart already. */
		uint64_t wait_ms = (uint64_t)(c->grace_ms > RESTART_WAIT_MIN_MS ? c->grace_ms : RESTART_WAIT_MIN_MS);
		if (R.exited && R.status != 0) {
			if (R.status == -1)
				snprintf(why, sizeof(why), "restart-unit %.80s: systemctl timed out", R.unit);
			else if (WIFEXITED(R.status))
				snprintf(why, sizeof(why), "restart-unit %.80s: systemctl exited %d", R.unit,
					 WEXITSTATUS(R.status));
			else
				snprintf(why, sizeof(why), "restart-unit %.80s: systemctl died of signal %d", R.unit,
					 WIFSIGNALED(R.status) ? WTERMSIG(R.status) : 0);
		} else if (now - R.requested_ns < wait_ms * 1000000ull) {
			return 2;
		} else {
			snprintf(why, sizeof(why), "restart-unit %.80s: still short %llu ms after the restart was asked for",
				 R.unit, (unsigned long long)wait_ms);
		}
		R.active = false;
		fallback(ch, why);
		return 0;
	}
	if (c->dry_run) {
		/* Decide and report: say what would have been done. */
		snprintf(why, sizeof(why), "would restart-unit %.80s (dry run)", unit);
		str_copy(ch->reason, sizeof(ch->reason), why, strlen(why));
		return 0;
	}
	static char prog[OOM_PATH_LEN];
	if (guard_hook_which("systemctl", prog, sizeof(prog)) != 0) {
		fallback(ch, "restart-unit: no systemctl in PATH");
		return 0;
	}
	static char envs[2][OOM_PATH_LEN + 8];
	const char *path = getenv("PATH");
	snprintf(envs[0], sizeof(envs[0]), "PATH=%s", path ? path : "/usr/sbin:/usr/bin:/sbin:/bin");
	snprintf(envs[1], sizeof(envs[1]), "OOMKIT_EVENT=restart-unit");
	char *envp[] = { envs[0], envs[1], NULL };
	static char a_unit[sizeof(unit)];
	str_copy(a_unit, sizeof(a_unit), unit, strlen(unit));
	/* "--" so a unit name can never be read as an option. */
	char *argv[] = { prog, (char *)"--no-block", (char *)"restart", (char *)"--", a_unit, NULL };
	pid_t pid = guard_hook_spawn("restart-unit", argv, envp, c->exec_timeout_ms, (uid_t)-1, (gid_t)-1);
	if (pid < 0) {
		snprintf(why, sizeof(why), "restart-unit %.80s: systemctl: %s", unit, strerror((int)-pid));
		fallback(ch, why);
		return 0;
	}
	R.active = true;
	R.pid = victim->t.pid;
	R.start_ticks = victim->start_ticks;
	R.hook = pid;
	R.exited = false;
	R.status = 0;
	R.requested_ns = now;
	str_copy(R.unit, sizeof(R.unit), unit, strlen(unit));
	str_copy(ch->unit, sizeof(ch->unit), unit, strlen(unit));
	snprintf(why, sizeof(why), "restart-unit %.80s (rule action), instead of a signal", unit);
	str_copy(ch->reason, sizeof(ch->reason), why, strlen(why));
	return 1;
}
