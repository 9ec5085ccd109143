/* test_guard_loop.c — guard/loop.c, the guard's wakeups, on a daemon state
 * with no scope: SIGTERM or SIGINT (through the signalfd) ends the loop
 * with status 0 at once; a kernel OOM report arriving on the kept kmsg fd
 * wakes it and is reported before the stop; what is due by the clock (the
 * metrics file) is written on the way.  The loop on real scopes, idle and
 * under pressure: tests/e2e/guard_*.sh; that it allocates nothing:
 * test_guard_noalloc.c. */
#include <fcntl.h>
#include <signal.h>
#include <sys/signalfd.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "check.h"
#include "guard/daemon_int.h"
#include "json_valid.h"

static char dir[] = "/tmp/oomkit-test-loop.XXXXXX";
static char events[256], metrics[256];
static char sink_buf[1 << 20], msink_buf[1 << 16], esink_buf[1 << 16];
static int feed;

static double seconds(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

TEST(stops_on_sigterm)
{
	raise(SIGTERM);                                          /* blocked: waits in the signalfd */
	double t0 = seconds();
	CHECK_INT(guard_loop(), 0);
	CHECK(seconds() - t0 < 1.0);
}

TEST(kmsg_then_sigint)
{
	static const char *const recs[] = {
		"4,2001,22000000000,-;java invoked oom-killer: gfp_mask=0x140cca(GFP_HIGHUSER_MOVABLE|__GFP_COMP), order=0, oom_score_adj=0\n",
		"6,2040,22000000600,-;oom-kill:constraint=CONSTRAINT_NONE,nodemask=(null),cpuset=/,mems_allowed=0,"
		"global_oom,task_memcg=/user.slice,task=java,pid=777,uid=1000\n",
		"3,2041,22000000610,-;Out of memory: Killed process 777 (java) total-vm:9000000kB, "
		"anon-rss:7000000kB, file-rss:0kB, shmem-rss:0kB, UID:1000 pgtables:14000kB oom_score_adj:0\n",
	};
	for (size_t i = 0; i < 3; i++)
		CHECK(write(feed, recs[i], strlen(recs[i])) == (ssize_t)strlen(recs[i]));
	/* a child sends SIGINT a little later: the loop sees the report first */
	pid_t parent = getpid(), p = fork();
	if (p == 0) {
		usleep(300000);
		kill(parent, SIGINT);
		_exit(0);
	}
	double t0 = seconds();
	CHECK_INT(guard_loop(), 0);
	CHECK(seconds() - t0 < 5.0);
	waitpid(p, NULL, 0);
	char *e = slurp(events, NULL);
	CHECK(e && json_valid(e, strlen(e)));
	CHECK(e && strstr(e, "\"event\":\"kernel_kill\"") != NULL);
	CHECK(e && strstr(e, "\"pid\":777") != NULL);
	free(e);
	char *m = slurp(metrics, NULL);                          /* due at the first wakeup */
	CHECK(m && strstr(m, "oomkit_") != NULL);
	free(m);
}

int main(void)
{
	if (!mkdtemp(dir)) {
		check_current = "mkdtemp";
		SKIP("no temporary directory");
		return check_summary();
	}
	snprintf(events, sizeof(events), "%s/events.jsonl", dir);
	snprintf(metrics, sizeof(metrics), "%s/oomkit.prom", dir);
	sigset_t set;
	sigemptyset(&set);
	sigaddset(&set, SIGTERM);
	sigaddset(&set, SIGINT);
	sigaddset(&set, SIGCHLD);
	sigprocmask(SIG_BLOCK, &set, NULL);
	int sv[2];
	CHECK_INT(socketpair(AF_UNIX, SOCK_SEQPACKET | SOCK_NONBLOCK | SOCK_CLOEXEC, 0, sv), 0);
	feed = sv[0];
	memset(&D, 0, sizeof(D));
	D.cfg = &D.cfgs[0];
	guard_config_defaults(D.cfg);
	snprintf(D.cfg->metrics_file, sizeof(D.cfg->metrics_file), "%s", metrics);
	D.metrics_file_ok = true;
	D.sig_fd = signalfd(-1, &set, SFD_NONBLOCK | SFD_CLOEXEC);
	D.kmsg_fd = sv[1];
	D.events_fd = open(events, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
	D.incident_dirfd = D.kreport_fd = D.proc_dirfd = -1;
	D.http.listen_fd = -1;
	D.kreport_scope = -1;
	D.page_kib = 4;
	guard_sink_open(&D.sink, sink_buf, sizeof(sink_buf));
	guard_sink_open(&D.msink, msink_buf, sizeof(msink_buf));
	guard_sink_open(&D.esink, esink_buf, sizeof(esink_buf));
	RUN(stops_on_sigterm);
	RUN(kmsg_then_sigint);
	close(sv[0]);
	close(sv[1]);
	close(D.sig_fd);
	close(D.events_fd);
	char cmd[128];
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	CHECK_INT(system(cmd), 0);
	return check_summary();
}
