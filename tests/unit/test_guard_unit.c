/* test_guard_unit.c — guard/unit.c, action=restart-unit: not such a rule
 * (signal as usual), no systemd unit or no systemctl (signal, the reason
 * says why), a dry run (says what it would do), and with a stand-in
 * systemctl on PATH: the restart asked for (the unit's name after "--"),
 * "under way" for the same victim, and the fallback once systemctl failed. */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "check.h"
#include "guard/daemon_int.h"

static struct guard_config c;
static struct guard_task victim;
static struct guard_choice ch;

static void reset_choice(void)
{
	memset(&ch, 0, sizeof(ch));
	snprintf(ch.reason, sizeof(ch.reason), "largest");
}

TEST(no_restart)
{
	reset_choice();
	victim.rule_action = GUARD_RULE_KILL;
	CHECK_INT(guard_unit_restart(&c, &victim, &ch), 0);
	CHECK_STR(ch.reason, "largest");                         /* untouched */
	victim.rule_action = GUARD_RULE_RESTART_UNIT;
	snprintf(victim.t.cgroup, sizeof(victim.t.cgroup), "/user.slice/user-1000.slice");
	CHECK_INT(guard_unit_restart(&c, &victim, &ch), 0);
	CHECK(strstr(ch.reason, "belongs to no systemd unit") != NULL);
	CHECK(strstr(ch.reason, "killed instead (largest)") != NULL);
	CHECK_STR(ch.unit, "");
}

TEST(dry_run_and_no_systemctl)
{
	snprintf(victim.t.cgroup, sizeof(victim.t.cgroup), "/system.slice/nginx.service");
	reset_choice();
	c.dry_run = true;
	CHECK_INT(guard_unit_restart(&c, &victim, &ch), 0);
	CHECK_STR(ch.reason, "would restart-unit nginx.service (dry run)");
	c.dry_run = false;
	reset_choice();
	setenv("PATH", "/nonexistent", 1);
	CHECK_INT(guard_unit_restart(&c, &victim, &ch), 0);
	CHECK(strstr(ch.reason, "no systemctl in PATH") != NULL);
}

TEST(stand_in_systemctl)
{
	char dir[] = "/tmp/oomkit-test-unit.XXXXXX";
	if (!mkdtemp(dir)) {
		SKIP("no temporary directory");
		return;
	}
	char prog[128], log[128];
	snprintf(prog, sizeof(prog), "%s/systemctl", dir);
	snprintf(log, sizeof(log), "%s/args", dir);
	FILE *f = fopen(prog, "w");
	fprintf(f, "#!/bin/sh\necho \"$*\" > '%s'\nexit 3\n", log);
	fclose(f);
	chmod(prog, 0755);
	setenv("PATH", dir, 1);
	reset_choice();
	int rc = guard_unit_restart(&c, &victim, &ch);
	if (rc == 0 && strstr(ch.reason, "systemctl: ")) {
		SKIP("cannot run a program from /tmp (noexec?)");
		unlink(prog);
		rmdir(dir);
		return;
	}
	CHECK_INT(rc, 1);                                         /* asked for */
	CHECK_STR(ch.unit, "nginx.service");
	CHECK(strstr(ch.reason, "restart-unit nginx.service") != NULL);
	reset_choice();
	CHECK_INT(guard_unit_restart(&c, &victim, &ch), 2);      /* the same victim: under way */
	/* the hook ends (hooks.c reaps it and tells unit.c): exit 3 */
	for (int i = 0; i < 300 && guard_hooks_next_deadline() != UINT64_MAX; i++) {
		guard_hooks_reap(false);
		struct timespec ts = { 0, 10 * 1000000 };
		nanosleep(&ts, NULL);
	}
	char *args = slurp(log, NULL);
	CHECK_STR(args, "--no-block restart -- nginx.service\n");
	free(args);
	reset_choice();
	CHECK_INT(guard_unit_restart(&c, &victim, &ch), 0);      /* failed: signal after all */
	CHECK(strstr(ch.reason, "systemctl exited 3") != NULL);
	CHECK_STR(ch.unit, "");
	unlink(log);
	unlink(prog);
	rmdir(dir);
}

int main(void)
{
	memset(&D, 0, sizeof(D));
	D.cfg = &D.cfgs[0];
	guard_config_defaults(D.cfg);
	guard_config_defaults(&c);
	task_init(&victim.t);
	victim.t.pid = 4242;
	victim.start_ticks = 77;
	char *path = getenv("PATH") ? strdup(getenv("PATH")) : NULL;
	RUN(no_restart);
	RUN(dry_run_and_no_systemctl);
	RUN(stand_in_systemctl);
	if (path) {
		setenv("PATH", path, 1);
		free(path);
	}
	guard_hooks_reap(true);
	return check_summary();
}
