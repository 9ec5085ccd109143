/* test_guard_daemon.c — guard/daemon.c, the parts of the daemon that are
 * not its loop: SIGHUP's reload (a good file applied into the other config
 * slot and said in the events file; a bad one refused, the old
 * configuration kept, counted), the metrics file written whole, and an
 * event source that failed dropped to polling.  Start-up, shut-down and the
 * daemon as a whole run in tests/e2e/guard_*.sh (they take the machine's
 * /dev/kmsg, mlock and oom_score_adj, which a unit test must not). */
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "check.h"
#include "guard/daemon_int.h"
#include "json_valid.h"

static char dir[] = "/tmp/oomkit-test-daemon.XXXXXX";
static char conf[256], events[256], metrics[256];
static char sink_buf[1 << 16], msink_buf[1 << 16], esink_buf[1 << 16];
static struct guard_cli cli;

static void write_conf(const char *extra)
{
	FILE *f = fopen(conf, "w");
	if (!f)
		return;
	fprintf(f, "events = %s\nincident-dir = %s\nkmsg = no\n%s", events, dir, extra);
	fclose(f);
	chmod(conf, 0600);
}

static char *last_event(void)
{
	char *all = slurp(events, NULL);
	if (!all)
		return strdup("");
	size_t n = strlen(all);
	if (n && all[n - 1] == '\n')
		all[--n] = '\0';
	char *nl = strrchr(all, '\n');
	char *r = strdup(nl ? nl + 1 : all);
	free(all);
	return r;
}

TEST(reload)
{
	char err[512];
	write_conf("mem-term-percent = 12\n");
	CHECK_INT(guard_config_build(&D.cfgs[0], &cli, err, sizeof(err)), 0);
	D.cfg = &D.cfgs[0];
	write_conf("mem-term-percent = 15\n");
	guard_reload();
	CHECK(D.cfg == &D.cfgs[1]);                              /* the other slot */
	CHECK_INT(D.cfg->mem_term_percent, 15);
	CHECK_INT(D.ms.config_reloads_total, 1);
	char *e = last_event();
	CHECK(json_valid(e, strlen(e)));
	CHECK(strstr(e, "\"event\":\"reload\"") && strstr(e, "\"ok\":true"));
	free(e);
	/* a bad file: refused, the running configuration kept */
	write_conf("mem-term-percent = lots\n");
	guard_reload();
	CHECK(D.cfg == &D.cfgs[1]);
	CHECK_INT(D.cfg->mem_term_percent, 15);
	CHECK_INT(D.ms.config_reload_failures_total, 1);
	e = last_event();
	CHECK(strstr(e, "\"ok\":false") && strstr(e, "lots"));
	free(e);
}

TEST(metrics_file)
{
	snprintf(D.cfg->metrics_file, sizeof(D.cfg->metrics_file), "%s", metrics);
	D.metrics_file_ok = false;                              /* its directory not checked: nothing */
	guard_write_metrics_file();
	CHECK(access(metrics, F_OK) != 0);
	D.metrics_file_ok = true;
	D.ms.incidents_total = 7;
	guard_write_metrics_file();
	char *t = slurp(metrics, NULL);
	CHECK(t && strstr(t, "oomkit_incidents_total 7\n") != NULL);
	CHECK(t && t[strlen(t) - 1] == '\n');
	free(t);
	char tmp[300];
	snprintf(tmp, sizeof(tmp), "%s.tmp", metrics);
	CHECK(access(tmp, F_OK) != 0);                           /* renamed into place */
	unlink(metrics);
}

TEST(drop_event_fd)
{
	int p[2];
	CHECK(pipe(p) == 0);
	D.nr_scopes = 1;
	D.scopes[0].fd_psi = -1;
	D.scopes[0].fd_events = p[0];
	D.scopes[0].efd_oom = -1;
	for (int i = 0; i < 3; i++)
		D.scopes[0].efd_usage[i] = -1;
	snprintf(D.scopes[0].name, sizeof(D.scopes[0].name), "/sys/fs/cgroup/app");
	guard_drop_event_fd(12345);                             /* not one of ours: nothing */
	CHECK_INT(D.scopes[0].fd_events, p[0]);
	guard_drop_event_fd(p[0]);
	CHECK_INT(D.scopes[0].fd_events, -1);                   /* polled instead */
	CHECK(fcntl(p[0], F_GETFD) < 0);                         /* and closed */
	close(p[1]);
	D.nr_scopes = 0;
}

int main(void)
{
	if (!mkdtemp(dir)) {
		check_current = "mkdtemp";
		SKIP("no temporary directory");
		return check_summary();
	}
	snprintf(conf, sizeof(conf), "%s/guard.conf", dir);
	snprintf(events, sizeof(events), "%s/events.jsonl", dir);
	snprintf(metrics, sizeof(metrics), "%s/oomkit.prom", dir);
	cli.config_path = conf;
	memset(&D, 0, sizeof(D));
	D.cli = &cli;
	D.events_fd = D.proc_dirfd = D.kmsg_fd = D.sig_fd = D.incident_dirfd = D.kreport_fd = -1;
	D.http.listen_fd = -1;
	guard_sink_open(&D.sink, sink_buf, sizeof(sink_buf));
	guard_sink_open(&D.msink, msink_buf, sizeof(msink_buf));
	guard_sink_open(&D.esink, esink_buf, sizeof(esink_buf));
	RUN(reload);
	RUN(metrics_file);
	RUN(drop_event_fd);
	if (D.events_fd >= 0)
		close(D.events_fd);
	char cmd[128];
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	CHECK_INT(system(cmd), 0);
	return check_summary();
}
