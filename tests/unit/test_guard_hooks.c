/* test_guard_hooks.c — guard/hooks.c, the programs the guard starts in the
 * background: found on $PATH (guard_hook_which), started with the facts in
 * OOMKIT_* variables (never through a shell), reaped with their status,
 * and killed (their whole group) at their timeout.  --exec after real
 * kills: tests/e2e/guard_cgroup.sh. */
#include <dirent.h>
#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

#include "check.h"
#include "guard/daemon_int.h"

extern char **environ;

TEST(which)
{
	char out[256];
	CHECK_INT(guard_hook_which("sh", out, sizeof(out)), 0);
	CHECK(out[0] == '/' && strstr(out, "/sh") != NULL && access(out, X_OK) == 0);
	CHECK_INT(guard_hook_which("oomkit-no-such-program", out, sizeof(out)), -ENOENT);
	CHECK_STR(out, "");
	char tiny[4];
	CHECK_INT(guard_hook_which("sh", tiny, sizeof(tiny)), -ENOENT);    /* no room: not found */
	char *keep = getenv("PATH") ? strdup(getenv("PATH")) : NULL;
	setenv("PATH", "relative/dir:/nonexistent", 1);                   /* relative entries skipped */
	CHECK_INT(guard_hook_which("sh", out, sizeof(out)), -ENOENT);
	unsetenv("PATH");                                                   /* the usual PATH */
	CHECK_INT(guard_hook_which("sh", out, sizeof(out)), 0);
	if (keep) {
		setenv("PATH", keep, 1);
		free(keep);
	}
}

static void wait_reaped(int want)
{
	/* guard_hooks_reap is called by the loop; here until want ended */
	for (int i = 0; i < 500 && guard_hooks_next_deadline() != UINT64_MAX; i++) {
		guard_hooks_reap(false);
		if (want == 0)
			break;
		struct timespec ts = { 0, 10 * 1000000 };
		nanosleep(&ts, NULL);
	}
}

/* Processes of group pgid still running (zombies waiting for a reaper that
 * is not this test do not count). */
static int live_in_group(pid_t pgid)
{
	int n = 0;
	for (int tries = 0; tries < 100; tries++) {
		n = 0;
		DIR *d = opendir("/proc");
		struct dirent *e;
		while (d && (e = readdir(d))) {
			char path[300], *st;
			if (e->d_name[0] < '1' || e->d_name[0] > '9')
				continue;
			snprintf(path, sizeof(path), "/proc/%s/stat", e->d_name);
			if (!(st = slurp(path, NULL)))
				continue;
			char *rp = strrchr(st, ')');
			char state = 0;
			long pg = 0;
			if (rp && sscanf(rp + 2, "%c %*d %ld", &state, &pg) == 2 && pg == pgid && state != 'Z')
				n++;
			free(st);
		}
		if (d)
			closedir(d);
		if (!n)
			break;
		struct timespec ts = { 0, 10 * 1000000 };
		nanosleep(&ts, NULL);
	}
	return n;
}

TEST(spawn_and_timeout)
{
	memset(&D, 0, sizeof(D));
	D.cfg = &D.cfgs[0];
	guard_config_defaults(D.cfg);
	char *ok[] = { "/bin/sh", "-c", "exit 0", NULL };
	pid_t p = guard_hook_spawn("test", ok, environ, 5000, (uid_t)-1, (gid_t)-1);
	CHECK(p > 0);
	CHECK(guard_hooks_next_deadline() != UINT64_MAX);      /* a deadline while it runs */
	wait_reaped(1);
	CHECK(guard_hooks_next_deadline() == UINT64_MAX);      /* reaped: none left */
	/* one that outlives its 100 ms timeout is killed, with its children */
	char *slow[] = { "/bin/sh", "-c", "sleep 30 & sleep 30", NULL };
	p = guard_hook_spawn("slow", slow, environ, 100, (uid_t)-1, (gid_t)-1);
	CHECK(p > 0);
	int killed = 0;
	for (int i = 0; i < 300 && guard_hooks_next_deadline() != UINT64_MAX; i++) {
		killed += guard_hooks_reap(false);
		struct timespec ts = { 0, 10 * 1000000 };
		nanosleep(&ts, NULL);
	}
	CHECK_INT(killed, 1);
	CHECK_INT(live_in_group(p), 0);                          /* the whole group is gone */
	/* not an absolute path: refused */
	char *rel[] = { "sh", "-c", "exit 0", NULL };
	CHECK(guard_hook_spawn("rel", rel, environ, 1000, (uid_t)-1, (gid_t)-1) < 0);
	guard_hooks_reap(true);
}

int main(void)
{
	RUN(which);
	RUN(spawn_and_timeout);
	return check_summary();
}
