/* test_guard_warn.c — guard/warn.c, the warning stage: the session buses
 * notify-send would use (a socket DIR/UID/bus owned by UID; others', plain
 * files and non-numeric names skipped), and one warning per episode: below
 * the threshold runs exec-warn once with the facts in OOMKIT_*, not again
 * until memory is back above the threshold plus an eighth, and not twice
 * within 10 s.  notify-send on a real session: tests/e2e/guard_newcomer.sh. */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <time.h>
#include <unistd.h>

#include "check.h"
#include "guard/daemon_int.h"

static char dir[] = "/tmp/oomkit-test-warn.XXXXXX";

static int make_socket(const char *path)
{
	int s = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
	struct sockaddr_un a = { .sun_family = AF_UNIX };
	snprintf(a.sun_path, sizeof(a.sun_path), "%s", path);
	int rc = s >= 0 ? bind(s, (struct sockaddr *)&a, sizeof(a)) : -1;
	if (s >= 0)
		close(s);
	return rc;
}

static int seen;
static uid_t seen_uid;
static void on_bus(uid_t uid, gid_t gid, const char *bus, void *ctx)
{
	(void)gid;
	(void)ctx;
	seen++;
	seen_uid = uid;
	CHECK(strstr(bus, "/bus") != NULL);
}

TEST(session_buses)
{
	char p[256];
	uid_t me = getuid();
	snprintf(p, sizeof(p), "%s/%u", dir, (unsigned)me);
	mkdir(p, 0700);
	snprintf(p, sizeof(p), "%s/%u/bus", dir, (unsigned)me);
	if (make_socket(p) != 0) {
		SKIP("cannot bind a unix socket here");
		return;
	}
	/* someone else's uid with our socket: not theirs, skipped */
	snprintf(p, sizeof(p), "%s/%u", dir, (unsigned)me + 4242);
	mkdir(p, 0700);
	snprintf(p, sizeof(p), "%s/%u/bus", dir, (unsigned)me + 4242);
	make_socket(p);
	/* a plain file named bus, and a name that is no uid */
	snprintf(p, sizeof(p), "%s/%u", dir, (unsigned)me + 1);
	mkdir(p, 0700);
	snprintf(p, sizeof(p), "%s/%u/bus", dir, (unsigned)me + 1);
	close(open(p, O_CREAT | O_WRONLY | O_CLOEXEC, 0600));
	snprintf(p, sizeof(p), "%s/abc", dir);
	mkdir(p, 0700);
	setenv("OOMKIT_GUARD_TEST_RUN_USER", dir, 1);
	seen = 0;
	CHECK_INT(guard_session_buses(on_bus, NULL), 1);
	CHECK_INT(seen, 1);
	CHECK_INT(seen_uid, me);
	setenv("OOMKIT_GUARD_TEST_RUN_USER", "/nonexistent/run/user", 1);
	CHECK_INT(guard_session_buses(on_bus, NULL), 0);
	unsetenv("OOMKIT_GUARD_TEST_RUN_USER");
}

static int lines_of(const char *path)
{
	char *t = slurp(path, NULL);
	int n = 0;
	for (char *p = t; p && *p; p++)
		n += *p == '\n';
	free(t);
	return n;
}

static void settle(void)
{
	for (int i = 0; i < 300 && guard_hooks_next_deadline() != UINT64_MAX; i++) {
		guard_hooks_reap(false);
		struct timespec ts = { 0, 10 * 1000000 };
		nanosleep(&ts, NULL);
	}
}

TEST(once_per_episode)
{
	char script[256], out[256], err[256];
	snprintf(script, sizeof(script), "%s/warn.sh", dir);
	snprintf(out, sizeof(out), "%s/warned", dir);
	FILE *f = fopen(script, "w");
	fprintf(f, "#!/bin/sh\necho \"$OOMKIT_EVENT $OOMKIT_SCOPE $OOMKIT_AVAILABLE_KB $OOMKIT_WARN_KB\" >> '%s'\n", out);
	fclose(f);
	chmod(script, 0755);
	struct guard_config c;
	guard_config_defaults(&c);
	c.notify = false;
	CHECK_INT(guard_config_set(&c, "exec-warn", script, -1, err, sizeof(err)), 0);
	struct guard_scope sc;
	memset(&sc, 0, sizeof(sc));
	snprintf(sc.name, sizeof(sc.name), "machine");
	sc.total_kib = 1000000;
	sc.warn_kib = 100000;
	sc.term_kib = 50000;
	sc.warn_armed = true;
	sc.avail_kib = 90000;
	sc.warn_below = true;
	guard_warn_check(&c, &sc);
	settle();
	CHECK_INT(lines_of(out), 1);
	char *t = slurp(out, NULL);
	CHECK(t && strcmp(t, "warn machine 90000 100000\n") == 0);
	free(t);
	CHECK(!sc.warn_armed);
	guard_warn_check(&c, &sc);                                 /* still below: no second warning */
	settle();
	CHECK_INT(lines_of(out), 1);
	/* back above the threshold but not by an eighth: not re-armed */
	sc.warn_below = false;
	sc.avail_kib = 110000;
	guard_warn_check(&c, &sc);
	CHECK(!sc.warn_armed);
	sc.avail_kib = 113000;                                     /* ≥ 100000 + 12500 */
	guard_warn_check(&c, &sc);
	CHECK(sc.warn_armed);
	/* below again within 10 s of the last warning: rate-limited */
	sc.warn_below = true;
	sc.avail_kib = 80000;
	guard_warn_check(&c, &sc);
	settle();
	CHECK_INT(lines_of(out), 1);
	/* unknown numbers: nothing at all */
	sc.warn_ns = 0;
	sc.avail_kib = OOM_NA;
	guard_warn_check(&c, &sc);
	settle();
	CHECK_INT(lines_of(out), 1);
	unlink(out);
	unlink(script);
}

int main(void)
{
	if (!mkdtemp(dir)) {
		check_current = "mkdtemp";
		SKIP("no temporary directory");
		return check_summary();
	}
	memset(&D, 0, sizeof(D));
	D.cfg = &D.cfgs[0];
	guard_config_defaults(D.cfg);
	RUN(session_buses);
	RUN(once_per_episode);
	guard_hooks_reap(true);
	char cmd[128];
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	CHECK_INT(system(cmd), 0);
	return check_summary();
}
