/* test_guard_evidence.c — guard/evidence.c, what a decision leaves behind:
 * an incident file (schema oomkit-incident/1, read back by report/incident.c
 * as `explain` reads it, with the guard's own diagnosis), an events-file
 * line of one JSON object, the terminal-safe copy of outside strings for
 * the log, the scope kinds' names, and degradations collected before the
 * start report.  The daemon writing them for real: tests/e2e/guard_cgroup.sh. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <unistd.h>

#include "check.h"
#include "guard/daemon_int.h"
#include "json_valid.h"
#include "report/incident.h"

static char dir[] = "/tmp/oomkit-test-evidence.XXXXXX";
static char sink_buf[1 << 20], esink_buf[1 << 16];
static struct guard_scope scope;
static struct guard_task victim;
static struct guard_choice choice;

static void setup(void)
{
	memset(&D, 0, sizeof(D));
	D.cfg = &D.cfgs[0];
	guard_config_defaults(D.cfg);
	D.cfg->dry_run = true;
	snprintf(D.cfg->incident_dir, sizeof(D.cfg->incident_dir), "%s", dir);
	D.incident_dirfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	D.events_fd = D.kreport_fd = D.proc_dirfd = D.kmsg_fd = -1;
	D.page_kib = 4;
	D.kv = kver_make(6, 1, 0);
	D.kv.known = true;
	snprintf(D.host, sizeof(D.host), "testhost");
	snprintf(D.release, sizeof(D.release), "6.1.0-test");
	D.diag_tasks = calloc(DIAG_TASKS, sizeof(*D.diag_tasks));
	guard_sink_open(&D.sink, sink_buf, sizeof(sink_buf));
	guard_sink_open(&D.esink, esink_buf, sizeof(esink_buf));

	scope.kind = SCOPE_CGROUP_V2;
	snprintf(scope.name, sizeof(scope.name), "/sys/fs/cgroup/app");
	scope.dirfd = -1;
	scope.total_kib = 65536;
	scope.avail_kib = 2000;
	scope.usage_kib = 63536;
	scope.file_kib = 0;
	scope.swap_total_kib = scope.swap_free_kib = 0;
	scope.term_kib = 6553;
	scope.kill_kib = 3276;
	scope.level = LEVEL_TERM;
	task_init(&victim.t);
	victim.t.pid = victim.t.tgid = 4242;
	snprintf(victim.t.comm, sizeof(victim.t.comm), "ho\x1bg\"x");
	victim.t.rss_anon_pages = 15000;
	victim.t.rss_file_pages = 10;
	victim.t.rss_shmem_pages = 0;
	victim.t.rss_pages = 15010;
	victim.t.swapents_pages = 0;
	victim.t.pgtables_bytes = 65536;
	victim.t.oom_score_adj = 0;
	victim.t.uid = 1000;
	snprintf(victim.cmdline, sizeof(victim.cmdline), "hog --mib 200");
	choice.index = 0;
	choice.runner_up = -1;
	choice.badness = 15026;
	choice.freeable_kib = 60000;
	choice.need_kib = 4553;
	choice.action = GUARD_ACTION_PROCESS;
	choice.nr_group = 1;
	snprintf(choice.reason, sizeof(choice.reason), "largest by kernel badness");
}

TEST(names_and_log_safe)
{
	CHECK_STR(scope_kind_name(SCOPE_MACHINE), "machine");
	CHECK_STR(scope_kind_name(SCOPE_CGROUP_V1), "cgroup-v1");
	CHECK_STR(scope_kind_name(SCOPE_CGROUP_V2), "cgroup-v2");
	char b[64];
	CHECK_STR(log_safe("a\nb\x1b[2J", b, sizeof(b)), "a\\x0ab\\x1b[2J");
	char s[4];
	CHECK_INT(strlen(log_safe("abcdef", s, sizeof(s))), 3);
	/* before the start report, degradations are collected, one per line */
	D.started = false;
	D.degraded[0] = '\0';
	guard_degrade("no PSI: %s", "ENOENT");
	guard_degrade("no pidfd");
	CHECK_STR(D.degraded, "no PSI: ENOENT\nno pidfd\n");
}

TEST(incident_file)
{
	struct decision_facts f;
	memset(&f, 0, sizeof(f));
	f.kind = "guard-dry-run";
	f.sc = &scope;
	f.ch = &choice;
	f.victim = &victim;
	f.signal = "SIGTERM";
	f.decision_ms = 0.137;
	f.latency_ms = 2.5;
	f.freed_kib = 60000;
	f.measured_freed_kib = OOM_NA;
	f.outcome = "dry-run";
	char path[OOM_PATH_LEN + 160] = "";
	CHECK_INT(write_incident(&f, path, sizeof(path)), 0);
	CHECK(strncmp(path, dir, strlen(dir)) == 0);
	CHECK(strstr(path, "-guard-dry-run-4242.json") != NULL);
	CHECK_INT(D.ms.incidents_total, 1);
	size_t n;
	char *doc = slurp(path, &n);
	CHECK(doc && json_valid(doc, n));
	static struct incident in;
	CHECK(doc && incident_detect(doc, n));
	CHECK(doc && incident_parse(doc, n, &in) == 0);
	CHECK_STR(in.schema, "oomkit-incident/1");
	CHECK_STR(in.kind, "guard-dry-run");
	CHECK_STR(in.host, "testhost");
	CHECK(in.dry_run);
	CHECK_INT(in.victim_pid, 4242);
	CHECK_STR(in.victim_comm, "ho\x1bg\"x");              /* JSON carries it exactly, escaped */
	CHECK(doc && strchr(doc, '\x1b') == NULL);
	CHECK_STR(in.signal, "SIGTERM");
	CHECK(in.nr_causes >= 1);                             /* the guard's own diagnosis */
	free(doc);
	unlink(path);
	/* no incident directory: nothing written, said */
	int keep = D.incident_dirfd;
	D.incident_dirfd = -1;
	CHECK_INT(write_incident(&f, path, sizeof(path)), -ENOENT);
	D.incident_dirfd = keep;
}

TEST(events_line)
{
	char ev[] = "/tmp/oomkit-test-events.XXXXXX";
	D.events_fd = mkstemp(ev);
	CHECK(D.events_fd >= 0);
	struct decision_facts f;
	memset(&f, 0, sizeof(f));
	f.kind = "guard-kill";
	f.sc = &scope;
	f.ch = &choice;
	f.victim = &victim;
	f.signal = "SIGTERM";
	f.freed_kib = 60000;
	f.measured_freed_kib = 59000;
	f.outcome = "exited";
	emit_kill_event(&f, "/var/lib/oomkit/incidents/x.json");
	size_t n;
	char *line = slurp(ev, &n);
	CHECK(line && n > 2 && line[n - 1] == '\n' && memchr(line, '\n', n - 1) == NULL);   /* one line */
	CHECK(line && json_valid(line, n));
	CHECK(line && strstr(line, "\"event\":\"kill\"") != NULL);
	CHECK(line && strstr(line, "\"pid\":4242") != NULL);
	CHECK(line && strstr(line, "\"freed_kib\":60000") != NULL);
	CHECK(line && strstr(line, "\"incident\":\"/var/lib/oomkit/incidents/x.json\"") != NULL);
	free(line);
	close(D.events_fd);
	D.events_fd = -1;
	unlink(ev);
}

int main(void)
{
	if (!mkdtemp(dir)) {
		check_current = "mkdtemp";
		SKIP("no temporary directory");
		return check_summary();
	}
	setup();
	RUN(names_and_log_safe);
	RUN(incident_file);
	RUN(events_line);
	close(D.incident_dirfd);
	rmdir(dir);
	free(D.diag_tasks);
	return check_summary();
}
