/* warn.c — the warning stage: before the guard acts, say that memory runs
 * short, once per episode.
 *
 * Below a scope's warning threshold (warn-mem-* / warn-cgroup-*, above the
 * kill threshold), the first time since memory last recovered: one log
 * line, exec-warn (hook.c, OOMKIT_EVENT=warn), and a desktop notification
 * on each session bus, as earlyoom -n and nohang do: notify-send run as
 * the bus's user with DBUS_SESSION_BUS_ADDRESS=unix:path=/run/user/UID/bus
 * (the socket systemd --user and dbus-broker make; without it nobody is
 * logged in graphically, and nothing is started).  Re-armed when available
 * memory is back above the threshold plus an eighth (no flapping), and at
 * most one warning in WARN_MIN_NS per scope. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "guard/guard.h"
#include "util/util.h"

#define WARN_MIN_NS 10000000000ull
#define WARN_MAX_SESSIONS 4

struct linux_dirent64_w {
	uint64_t d_ino;
	int64_t d_off;
	unsigned short d_reclen;
	unsigned char d_type;
	char d_name[];
};

int guard_session_buses(void (*fn)(uid_t uid, gid_t gid, const char *bus_path, void *ctx), void *ctx)
{
	/* Test knob only (documented in tests/e2e/guard_newcomer.sh): another
	 * directory in place of /run/user. */
	const char *dir = getenv("OOMKIT_GUARD_TEST_RUN_USER");
	if (!dir || dir[0] != '/')
		dir = "/run/user";
	int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (fd < 0)
		return 0;
	char dents[4096];
	int n = 0;
	long got;
	while (n < WARN_MAX_SESSIONS && (got = syscall(SYS_getdents64, fd, dents, sizeof(dents))) > 0) {
		for (long off = 0; off < got && n < WARN_MAX_SESSIONS;) {
			struct linux_dirent64_w *d = (struct linux_dirent64_w *)(dents + off);
			off += d->d_reclen;
			uint64_t uid;
			/* The numeric uid of a directory name under /run/user. */
			if (d->d_name[0] < '0' || d->d_name[0] > '9' ||
			    parse_u64(d->d_name, strlen(d->d_name), &uid) != 0 || uid >= UINT32_MAX)  /* not kernel text */
				continue;
			char bus[OOM_PATH_LEN];
			snprintf(bus, sizeof(bus), "%s/%s/bus", dir, d->d_name);
			struct stat st;
			/* A socket the user owns: nobody else's bus is used as theirs. */
			if (lstat(bus, &st) != 0 || !S_ISSOCK(st.st_mode) || st.st_uid != (uid_t)uid)
				continue;
			fn((uid_t)uid, st.st_gid, bus, ctx);
			n++;
		}
	}
	close(fd);
	return n;
}

struct notify_ctx {
	const char *summary, *body;
	int timeout_ms;
};

static void notify_one(uid_t uid, gid_t gid, const char *bus_path, void *vctx)
{
	const struct notify_ctx *x = vctx;
	static char prog[OOM_PATH_LEN];
	if (guard_hook_which("notify-send", prog, sizeof(prog)) != 0)
		return;
	static char envs[4][OOM_PATH_LEN + 48];
	const char *path = getenv("PATH");
	snprintf(envs[0], sizeof(envs[0]), "PATH=%s", path ? path : "/usr/bin:/bin");
	snprintf(envs[1], sizeof(envs[1]), "DBUS_SESSION_BUS_ADDRESS=unix:path=%s", bus_path);
	/* XDG_RUNTIME_DIR: the bus's directory. */
	size_t dl = strlen(bus_path) - 4;
	snprintf(envs[2], sizeof(envs[2]), "XDG_RUNTIME_DIR=%.*s", (int)dl, bus_path);
	snprintf(envs[3], sizeof(envs[3]), "OOMKIT_EVENT=warn");
	char *envp[] = { envs[0], envs[1], envs[2], envs[3], NULL };
	char *argv[] = { prog, (char *)"--urgency=critical", (char *)"--app-name=oomkit", (char *)"--",
			 (char *)x->summary, (char *)x->body, NULL };
	guard_hook_spawn("notify-send", argv, envp, x->timeout_ms, uid, gid);
}

void guard_warn_check(const struct guard_config *c, struct guard_scope *sc)
{
	if (!known(sc->warn_kib) || !known(sc->avail_kib))
		return;
	if (!sc->warn_below) {
		if (!sc->warn_armed && sc->avail_kib >= sc->warn_kib + sc->warn_kib / 8) {
			sc->warn_armed = true;
			char name[OOM_PATH_LEN * 2], a[32];
			escape_term_to(name, sizeof(name), sc->name, strlen(sc->name), false);
			guard_log(GLOG_NOTICE, "%s: available %s, above the warning threshold again", name,
				  fmt_kib(a, sizeof(a), sc->avail_kib));
		}
		return;
	}
	uint64_t now = guard_now_ns();
	if (!sc->warn_armed || (sc->warn_ns && now - sc->warn_ns < WARN_MIN_NS))
		return;
	sc->warn_armed = false;
	sc->warn_ns = now;
	char name[OOM_PATH_LEN * 2], a[32], t[32], w[32];
	escape_term_to(name, sizeof(name), sc->name, strlen(sc->name), false);
	fmt_kib(a, sizeof(a), sc->avail_kib);
	fmt_kib(t, sizeof(t), sc->total_kib);
	fmt_kib(w, sizeof(w), sc->warn_kib);
	guard_log(GLOG_WARNING, "%s: available %s of %s, below the warning threshold %s (SIGTERM below %s)",
		  name, a, t, w, fmt_kib((char[32]){ 0 }, 32, sc->term_kib));
	if (c->exec_warn_argc > 0) {
		static char envs[8][OOM_PATH_LEN + 64];
		static char *argv[GUARD_MAX_EXEC_ARGS + 1];
		int e = 0;
		const char *path = getenv("PATH");
		snprintf(envs[e++], sizeof(envs[0]), "PATH=%s", path ? path : "/usr/sbin:/usr/bin:/sbin:/bin");
		snprintf(envs[e++], sizeof(envs[0]), "OOMKIT_EVENT=warn");
		/* The name goes in as bytes in its own variable: never through a shell. */
		snprintf(envs[e++], sizeof(envs[0]), "OOMKIT_SCOPE=%s", sc->name);
		snprintf(envs[e++], sizeof(envs[0]), "OOMKIT_AVAILABLE_KB=%lld", (long long)sc->avail_kib);
		snprintf(envs[e++], sizeof(envs[0]), "OOMKIT_TOTAL_KB=%lld", (long long)sc->total_kib);
		snprintf(envs[e++], sizeof(envs[0]), "OOMKIT_WARN_KB=%lld", (long long)sc->warn_kib);
		snprintf(envs[e++], sizeof(envs[0]), "OOMKIT_DRY_RUN=%d", c->dry_run ? 1 : 0);
		char *envp[9];
		for (int i = 0; i < e; i++)
			envp[i] = envs[i];
		envp[e] = NULL;
		for (int i = 0; i < c->exec_warn_argc; i++)
			argv[i] = (char *)c->exec_warn_argv[i];
		argv[c->exec_warn_argc] = NULL;
		guard_hook_spawn("exec-warn", argv, envp, c->exec_timeout_ms, (uid_t)-1, (gid_t)-1);
	}
	if (c->notify) {
		char body[OOM_PATH_LEN * 2 + 128];
		snprintf(body, sizeof(body), "%s: %s of %s available; oomkit guard acts below %s", name, a, t,
			 fmt_kib((char[32]){ 0 }, 32, sc->term_kib));
		struct notify_ctx x = { "Memory is running low", body, c->exec_timeout_ms };
		guard_session_buses(notify_one, &x);
	}
}
