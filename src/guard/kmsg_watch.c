/* kmsg_watch.c — the kernel's own OOM kills: the guard keeps /dev/kmsg
 * open, captures one report's records, and hands them to src/report/'s
 * parser; a memcg's oom_kill counter rising (memory.events / oom_control)
 * is reported once its kmsg report is in, or after 500 ms without it. */
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

void kernel_kill_seen(struct guard_scope *sc, int64_t count, const char *report, size_t rlen,
			     int64_t pid, const char *comm)
{
	char buf[2][200];
	guard_log(GLOG_WARNING, "%s: the kernel's OOM killer struck%s%s (%lld so far)",
		  sc ? log_safe(sc->name, buf[0], sizeof(buf[0])) : "kernel", comm ? ": " : "",
		  comm ? log_safe(comm, buf[1], sizeof(buf[1])) : "", (long long)count);
	if (sc)
		sc->kernel_kills_total++;
	struct decision_facts f = { .kind = "kernel-oom-kill", .sc = sc, .outcome = "killed by the kernel",
				    .kreport = report, .kreport_len = rlen, .kernel_pid = pid,
				    .kernel_comm = comm, .freed_kib = OOM_NA, .measured_freed_kib = OOM_NA };
	char incident[OOM_PATH_LEN + 160] = "";
	if (sc)
		D.ts.n = 0;     /* no task table: the report has the kernel's own */
	write_incident(&f, incident, sizeof(incident));
	struct json j;
	guard_event_begin(&j, "kernel_kill");
	json_str(&j, "scope", sc ? sc->name : NULL);
	json_int(&j, "pid", pid);
	json_str(&j, "comm", comm);
	json_int(&j, "count", count);
	json_str(&j, "source", report ? "kmsg" : "memory.events");
	json_str(&j, "incident", *incident ? incident : NULL);
	guard_event_end(&j);
}

/* Whose is a captured report: the watched cgroup whose directory ends with
 * the report's OOM domain (oom_memcg=, 5.0+, or "limit of" before; relative
 * to the hierarchy's root), or -1 (a global OOM: the machine scope). */
static int owner_scope(const char *oom_memcg)
{
	size_t ol = strlen(oom_memcg);
	int owner = -1;
	for (int i = 0; ol > 1 && i < D.nr_scopes; i++) {
		size_t nl = strlen(D.scopes[i].name);
		if (D.scopes[i].kind != SCOPE_MACHINE && nl >= ol && !memcmp(D.scopes[i].name + nl - ol, oom_memcg, ol))
			owner = i;
	}
	return owner;
}

/* A kill line ended the capture: a kill in a watched cgroup is reported with
 * that cgroup (its counter rose too: report_kernel_kills in loop.c), so the
 * report text is left for it; any other is the machine's. */
static void capture_done(void)
{
	struct report_kill_facts kf;
	bool have = report_kill_facts(D.kreport, D.kreport_len, &kf) == 0;
	int owner = have ? owner_scope(kf.oom_memcg) : -1;
	D.kcapturing = false;
	if (owner >= 0) {
		D.kreport_scope = owner;
		return;
	}
	struct guard_scope *sc = NULL;
	for (int i = 0; i < D.nr_scopes; i++)
		if (D.scopes[i].kind == SCOPE_MACHINE)
			sc = &D.scopes[i];
	int64_t vmk = D.machine_vmstat_oom_kills;
	kernel_kill_seen(sc, known(vmk) ? vmk + 1 : OOM_NA, D.kreport, D.kreport_len, have ? kf.pid : OOM_NA,
			 have && kf.comm[0] ? kf.comm : NULL);
	D.kreport_len = 0;
}

/* /dev/kmsg records: "pri,seq,usec,flags;text\n continuation…", one a
 * read().  A kernel OOM report runs from its trigger ("invoked oom-killer")
 * to its kill line ("Killed process"); each record's kind is told by
 * src/report/'s line table. */
void kmsg_read(void)
{
	static char rec[8192];
	for (;;) {
		ssize_t n = read(D.kmsg_fd, rec, sizeof(rec) - 1);
		if (n < 0) {
			if (errno == EPIPE)
				continue;        /* overwritten records: go on with the next */
			break;
		}
		if (n == 0)
			break;
		enum line_kind kind = report_record_kind(rec, (size_t)n);
		if (kind == LK_TRIGGER) {
			D.kcapturing = true;
			D.kreport_len = 0;
		}
		if (D.kcapturing && D.kreport_len + (size_t)n + 1 < sizeof(D.kreport)) {
			memcpy(D.kreport + D.kreport_len, rec, (size_t)n);
			D.kreport_len += (size_t)n;
			if (D.kreport[D.kreport_len - 1] != '\n')
				D.kreport[D.kreport_len++] = '\n';
		}
		if (kind == LK_KILL && !D.kcapturing && (size_t)n + 1 < sizeof(D.kreport)) {
			/* A kill line with no trigger before it (the guard started
			 * mid-report): the capture is that one record. */
			memcpy(D.kreport, rec, (size_t)n);
			D.kreport_len = (size_t)n;
			D.kcapturing = true;
		}
		if (kind == LK_KILL)
			capture_done();
	}
}
