/* test_guard_decide.c — guard/decide.c, one decision from a scope below its
 * threshold to the victim: here a "cgroup" that is a directory of this
 * test whose cgroup.procs lists only a child of this test (so whatever
 * happens, nothing else can be chosen).  A dry run names the child, signals
 * nothing, reports once per 5 s; a real decision at the kill level
 * SIGKILLs it and reports the kill; with nothing killable it says so and
 * decides nothing.  Deciding on real memory cgroups:
 * tests/e2e/guard_cgroup.sh, guard_v2.sh. */
#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "check.h"
#include "guard/daemon_int.h"
#include "json_valid.h"

static char dir[] = "/tmp/oomkit-test-decide.XXXXXX";
static char ev_path[] = "/tmp/oomkit-test-decide-ev.XXXXXX";
static char sink_buf[1 << 20], esink_buf[1 << 16];
static pid_t child;

static pid_t hog(void)
{
	pid_t p = fork();
	if (p == 0) {
		size_t n = 24u << 20;
		char *m = malloc(n);
		if (m)
			memset(m, 1, n);
		for (;;)
			pause();
	}
	return p;
}

static void list_procs(const char *text)
{
	char path[128];
	snprintf(path, sizeof(path), "%s/cgroup.procs", dir);
	FILE *f = fopen(path, "w");
	if (f) {
		fputs(text, f);
		fclose(f);
	}
}

static char *events_since(off_t *off)
{
	char *all = slurp(ev_path, NULL);
	if (!all)
		return strdup("");
	char *r = strdup(all + *off);
	*off = (off_t)strlen(all);
	free(all);
	return r;
}

static bool alive(pid_t p)
{
	int st;
	return waitpid(p, &st, WNOHANG) == 0;
}

static void below(struct guard_scope *sc, enum guard_level level)
{
	sc->level = level;
	sc->avail_kib = level == LEVEL_KILL ? 1000 : 5000;
	sc->crossed_ns = guard_now_ns();
}

TEST(dry_run)
{
	off_t off = 0;
	struct guard_scope *sc = &D.scopes[0];
	D.cfg->dry_run = true;
	below(sc, LEVEL_TERM);
	guard_decide(0);
	char *e = events_since(&off);
	char want[64];
	snprintf(want, sizeof(want), "\"pid\":%d", (int)child);
	CHECK(strstr(e, "\"event\":\"decision\"") != NULL);
	CHECK(strstr(e, want) != NULL);
	CHECK(strstr(e, "\"dry_run\":true") != NULL);
	CHECK(json_valid(e, strlen(e)));
	free(e);
	CHECK(alive(child));                                      /* not signalled */
	CHECK_INT(sc->decisions_total, 1);
	guard_decide(0);                                          /* within 5 s: no second report */
	e = events_since(&off);
	CHECK_STR(e, "");
	free(e);
	CHECK(alive(child));
}

TEST(nothing_killable)
{
	off_t off = 0;
	char *skip = events_since(&off);
	free(skip);
	list_procs("");
	struct guard_scope *sc = &D.scopes[0];
	D.cfg->dry_run = false;
	memset(D.last_report_ns, 0, sizeof(D.last_report_ns));
	uint64_t before = sc->decisions_total;
	below(sc, LEVEL_KILL);
	guard_decide(0);
	CHECK_INT(sc->decisions_total, before + 1);
	char *e = events_since(&off);
	CHECK(strstr(e, "\"event\":\"kill\"") == NULL);
	free(e);
	CHECK(alive(child));
}

TEST(kill_at_kill_level)
{
	off_t off = 0;
	char *skip = events_since(&off);
	free(skip);
	char procs[32];
	snprintf(procs, sizeof(procs), "%d\n", (int)child);
	list_procs(procs);
	struct guard_scope *sc = &D.scopes[0];
	D.cfg->dry_run = false;
	below(sc, LEVEL_KILL);
	guard_decide(0);
	char *e = events_since(&off);
	char want[64];
	snprintf(want, sizeof(want), "\"pid\":%d", (int)child);
	CHECK(strstr(e, "\"event\":\"kill\"") != NULL);
	CHECK(strstr(e, want) != NULL);
	CHECK(strstr(e, "\"signal\":\"SIGKILL\"") != NULL);
	free(e);
	int st = 0;
	CHECK(waitpid(child, &st, 0) == child && WIFSIGNALED(st) && WTERMSIG(st) == SIGKILL);
	child = 0;
	CHECK(D.ms.incidents_total >= 1);
}

int main(void)
{
	if (!mkdtemp(dir)) {
		check_current = "mkdtemp";
		SKIP("no temporary directory");
		return check_summary();
	}
	child = hog();
	char procs[32];
	snprintf(procs, sizeof(procs), "%d\n", (int)child);
	list_procs(procs);
	usleep(200000);                                            /* its pages touched */
	memset(&D, 0, sizeof(D));
	D.cfg = &D.cfgs[0];
	guard_config_defaults(D.cfg);
	D.cfg->dry_run = true;
	D.cfg->grace_ms = 0;
	snprintf(D.cfg->incident_dir, sizeof(D.cfg->incident_dir), "%s", dir);
	D.incident_dirfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	D.events_fd = mkstemp(ev_path);
	D.kreport_fd = D.kmsg_fd = -1;
	D.proc_dirfd = open("/proc", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	D.self_pid = getpid();
	D.page_kib = 4;
	D.kv = kver_make(6, 1, 0);
	D.kv.known = true;
	D.have_pidfd = guard_have_pidfd();
	D.diag_tasks = calloc(DIAG_TASKS, sizeof(*D.diag_tasks));
	guard_sink_open(&D.sink, sink_buf, sizeof(sink_buf));
	guard_sink_open(&D.esink, esink_buf, sizeof(esink_buf));
	CHECK_INT(guard_taskset_init(&D.ts), 0);
	D.nr_scopes = 1;
	struct guard_scope *sc = &D.scopes[0];
	sc->kind = SCOPE_CGROUP_V2;
	snprintf(sc->name, sizeof(sc->name), "%s", dir);
	sc->dirfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	sc->fd_main = sc->fd_limit = sc->fd_stat = sc->fd_events = sc->fd_psi = sc->fd_psi_read = -1;
	sc->fd_swap_limit = sc->fd_swappiness = sc->fd_root_usage = sc->fd_high = -1;
	sc->armed_high_kib = OOM_NA;
	for (int i = 0; i < 3; i++)
		sc->efd_usage[i] = -1;
	sc->efd_oom = -1;
	sc->total_kib = 65536;
	sc->usage_kib = OOM_NA;                                   /* nothing "unowned" */
	sc->file_kib = 0;
	sc->term_kib = 6553;
	sc->kill_kib = 3276;
	sc->warn_kib = OOM_NA;
	RUN(dry_run);
	RUN(nothing_killable);
	RUN(kill_at_kill_level);
	if (child > 0) {
		kill(child, SIGKILL);
		waitpid(child, NULL, 0);
	}
	guard_taskset_release(&D.ts);
	free(D.diag_tasks);
	close(D.events_fd);
	unlink(ev_path);
	char cmd[128];
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	CHECK_INT(system(cmd), 0);
	return check_summary();
}
