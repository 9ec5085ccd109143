/* metrics.c — Prometheus exposition: a node_exporter textfile and a tiny
 * HTTP server for GET /metrics, single-threaded and non-blocking inside the
 * guard's poll loop.  Names start with oomkit_, carry their unit, counters
 * end in _total; no pid labels (unbounded series); every label value goes
 * through escape_prom_label. */
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include "guard/guard.h"
#include "model/kubepods.h"
#include "util/util.h"

static void scope_label(FILE *f, const struct guard_scope *s)
{
	fputs("scope=\"", f);
	escape_prom_label(f, s->name, strlen(s->name));
	fputc('"', f);
}

static void head(FILE *f, const char *name, const char *type, const char *help)
{
	fprintf(f, "# HELP %s %s\n# TYPE %s %s\n", name, help, name, type);
}

/* An info metric (value 1, like kube_pod_info) for each scope that is a
 * Kubernetes pod's cgroup: its pod UID, QoS class and container ID as
 * labels.  Separate from the other series, so their label sets (and the
 * rules and dashboards built on them) stay as they are; join with
 *   ... * on (instance, scope) group_left (pod_uid, qos) oomkit_scope_info */
static void scope_info(FILE *f, const struct guard_scope *scopes, int n)
{
	head(f, "oomkit_scope_info", "gauge",
	     "1 for each scope that is a Kubernetes pod's cgroup: its pod UID, QoS class and container ID.");
	for (int i = 0; i < n; i++)
		kube_prom_info(f, scopes[i].name, scopes[i].name);
}

static void per_scope_i(FILE *f, const struct guard_metrics_state *m, const char *name,
			const char *type, const char *help, int64_t (*get)(const struct guard_scope *), int64_t mul)
{
	head(f, name, type, help);
	for (int i = 0; i < m->nr_scopes; i++) {
		int64_t v = get(&m->scopes[i]);
		if (!known(v))
			continue;
		fprintf(f, "%s{", name);
		scope_label(f, &m->scopes[i]);
		fprintf(f, "} %lld\n", (long long)(v * mul));
	}
}

static int64_t g_avail(const struct guard_scope *s) { return s->avail_kib; }
static int64_t g_total(const struct guard_scope *s) { return s->total_kib; }
static int64_t g_term(const struct guard_scope *s) { return s->term_kib; }
static int64_t g_kill(const struct guard_scope *s) { return s->kill_kib; }
static int64_t g_level(const struct guard_scope *s) { return s->level; }
static int64_t g_cross(const struct guard_scope *s) { return (int64_t)s->crossings_total; }
static int64_t g_kkills(const struct guard_scope *s) { return (int64_t)s->kernel_kills_total; }
static int64_t g_decisions(const struct guard_scope *s) { return (int64_t)s->decisions_total; }

void guard_metrics_render(FILE *f, const struct guard_metrics_state *m)
{
	head(f, "oomkit_build_info", "gauge", "Version of the running oomkit guard.");
	fprintf(f, "oomkit_build_info{version=\"%s\"} 1\n", OOMKIT_VERSION);
	head(f, "oomkit_start_time_seconds", "gauge", "Start time of the guard since the epoch.");
	fprintf(f, "oomkit_start_time_seconds %lld\n", (long long)m->start_time_s);
	head(f, "oomkit_dry_run", "gauge", "1 when the guard decides but signals nothing.");
	fprintf(f, "oomkit_dry_run %d\n", m->dry_run ? 1 : 0);
	head(f, "oomkit_degradations", "gauge", "Number of degraded features reported at start (no PSI trigger, no pidfd, ...).");
	fprintf(f, "oomkit_degradations %d\n", m->degradations);

	head(f, "oomkit_kills_total", "counter", "Processes the guard signalled, by scope and reason (threshold reached).");
	for (int i = 0; i < m->nr_scopes; i++)
		for (int r = 0; r < 2; r++) {
			fputs("oomkit_kills_total{", f);
			scope_label(f, &m->scopes[i]);
			fprintf(f, ",reason=\"%s\"} %llu\n", r ? "kill_threshold" : "term_threshold",
				(unsigned long long)m->scopes[i].kills_total[r]);
		}
	scope_info(f, m->scopes, m->nr_scopes);
	per_scope_i(f, m, "oomkit_decisions_total", "counter",
		    "Victim decisions taken (also in dry-run mode).", g_decisions, 1);
	per_scope_i(f, m, "oomkit_kernel_oom_kills_total", "counter",
		    "OOM kills by the kernel seen in the scope since the guard started.", g_kkills, 1);
	per_scope_i(f, m, "oomkit_threshold_crossings_total", "counter",
		    "Times the scope fell below a threshold.", g_cross, 1);
	per_scope_i(f, m, "oomkit_threshold_state", "gauge",
		    "0 above the thresholds, 1 below the SIGTERM threshold, 2 below the SIGKILL threshold.", g_level, 1);
	per_scope_i(f, m, "oomkit_available_bytes", "gauge",
		    "Memory available in the scope (MemAvailable, or limit - usage + file cache).", g_avail, 1024);
	per_scope_i(f, m, "oomkit_limit_bytes", "gauge", "Size of the scope (MemTotal or the cgroup limit).",
		    g_total, 1024);
	per_scope_i(f, m, "oomkit_term_threshold_bytes", "gauge", "Available memory below which the guard sends SIGTERM.",
		    g_term, 1024);
	per_scope_i(f, m, "oomkit_kill_threshold_bytes", "gauge", "Available memory below which the guard sends SIGKILL.",
		    g_kill, 1024);

	head(f, "oomkit_pressure_avg10_ratio", "gauge", "PSI memory pressure of the scope, 10 s average (0-1).");
	for (int i = 0; i < m->nr_scopes; i++) {
		const struct guard_scope *s = &m->scopes[i];
		if (!s->psi.known)
			continue;
		fputs("oomkit_pressure_avg10_ratio{", f);
		scope_label(f, s);
		fprintf(f, ",kind=\"some\"} %.4f\n", s->psi.some_avg10 / 100.0);
		fputs("oomkit_pressure_avg10_ratio{", f);
		scope_label(f, s);
		fprintf(f, ",kind=\"full\"} %.4f\n", s->psi.full_avg10 / 100.0);
	}
	head(f, "oomkit_pressure_stall_seconds_total", "counter", "PSI memory stall time of the scope.");
	for (int i = 0; i < m->nr_scopes; i++) {
		const struct guard_scope *s = &m->scopes[i];
		if (!s->psi.known)
			continue;
		fputs("oomkit_pressure_stall_seconds_total{", f);
		scope_label(f, s);
		fprintf(f, ",kind=\"some\"} %.6f\n", (double)s->psi.some_total_us / 1e6);
		fputs("oomkit_pressure_stall_seconds_total{", f);
		scope_label(f, s);
		fprintf(f, ",kind=\"full\"} %.6f\n", (double)s->psi.full_total_us / 1e6);
	}
	head(f, "oomkit_last_decision_seconds", "gauge", "Time from the threshold crossing to the last decision.");
	for (int i = 0; i < m->nr_scopes; i++) {
		fputs("oomkit_last_decision_seconds{", f);
		scope_label(f, &m->scopes[i]);
		fprintf(f, "} %.6f\n", m->scopes[i].last_decision_ms / 1000.0);
	}
	head(f, "oomkit_last_kill_seconds", "gauge", "Time from the threshold crossing to the last victim's memory being freed.");
	for (int i = 0; i < m->nr_scopes; i++) {
		fputs("oomkit_last_kill_seconds{", f);
		scope_label(f, &m->scopes[i]);
		fprintf(f, "} %.6f\n", m->scopes[i].last_latency_ms / 1000.0);
	}
	if (m->rec) {
		head(f, "oomkit_recorder_snapshots_total", "counter", "Flight-recorder snapshots taken.");
		fprintf(f, "oomkit_recorder_snapshots_total %llu\n", (unsigned long long)m->rec->taken_total);
		head(f, "oomkit_recorder_errors_total", "counter", "Flight-recorder snapshots that failed.");
		fprintf(f, "oomkit_recorder_errors_total %llu\n", (unsigned long long)m->rec->errors_total);
		head(f, "oomkit_recorder_capacity_snapshots", "gauge", "Snapshots the flight recorder keeps.");
		fprintf(f, "oomkit_recorder_capacity_snapshots %d\n", m->rec->cap);
		head(f, "oomkit_recorder_age_seconds", "gauge", "Age of the newest flight-recorder snapshot.");
		double age = m->rec->last_ns ? (double)(guard_now_ns() - m->rec->last_ns) / 1e9 : -1;
		fprintf(f, "oomkit_recorder_age_seconds %.3f\n", age);
	}
	head(f, "oomkit_incidents_total", "counter", "Incident files written.");
	fprintf(f, "oomkit_incidents_total %llu\n", (unsigned long long)m->incidents_total);
	/* Conventions (node_exporter's *_timestamp_seconds): absent until the
	 * first incident, never a 0 that reads as 1970. */
	head(f, "oomkit_last_incident_timestamp_seconds", "gauge",
	     "Time the guard last wrote an incident file, seconds since the epoch.");
	if (m->last_incident_time_s > 0)
		fprintf(f, "oomkit_last_incident_timestamp_seconds %lld\n", (long long)m->last_incident_time_s);
	head(f, "oomkit_exec_failures_total", "counter", "--exec programs that could not be started.");
	fprintf(f, "oomkit_exec_failures_total %llu\n", (unsigned long long)m->exec_failures_total);
	head(f, "oomkit_config_reloads_total", "counter", "SIGHUP configuration reloads, by result.");
	fprintf(f, "oomkit_config_reloads_total{result=\"ok\"} %llu\n",
		(unsigned long long)m->config_reloads_total);
	fprintf(f, "oomkit_config_reloads_total{result=\"failed\"} %llu\n",
		(unsigned long long)m->config_reload_failures_total);
}

/* ---- HTTP ------------------------------------------------------------- */

int guard_http_open(struct guard_http *h, const char *addr, char *err, size_t errlen)
{
	memset(h, 0, sizeof(*h));
	h->listen_fd = -1;
	for (int i = 0; i < GUARD_HTTP_CLIENTS; i++)
		h->c[i].fd = -1;
	const char *colon = strrchr(addr, ':');
	uint64_t port;
	if (!colon || parse_u64(colon + 1, (size_t)-1, &port) != 0 || port == 0 || port > 65535) {
		snprintf(err, errlen, "metrics: bad address '%s' (ADDRESS:PORT)", addr);
		return -EINVAL;
	}
	char host[64];
	const char *hs = addr;
	size_t hl = (size_t)(colon - addr);
	if (hl >= 2 && hs[0] == '[' && hs[hl - 1] == ']') {
		hs++;
		hl -= 2;
	}
	str_copy(host, sizeof(host), hs, hl);
	/* "localhost" is the loopback address, without asking a resolver
	 * (nothing but libc, and no NSS module loaded into a daemon at start);
	 * any other name is refused at start. */
	if (!strcmp(host, "localhost"))
		str_copy(host, sizeof(host), "127.0.0.1", 9);
	struct sockaddr_storage ss;
	socklen_t slen;
	memset(&ss, 0, sizeof(ss));
	struct sockaddr_in *s4 = (struct sockaddr_in *)&ss;
	struct sockaddr_in6 *s6 = (struct sockaddr_in6 *)&ss;
	if (inet_pton(AF_INET, host, &s4->sin_addr) == 1) {
		s4->sin_family = AF_INET;
		s4->sin_port = htons((uint16_t)port);
		slen = sizeof(*s4);
	} else if (inet_pton(AF_INET6, host, &s6->sin6_addr) == 1) {
		s6->sin6_family = AF_INET6;
		s6->sin6_port = htons((uint16_t)port);
		slen = sizeof(*s6);
	} else {
		snprintf(err, errlen, "metrics: '%s' is not a numeric IPv4 or IPv6 address nor localhost", host);
		return -EINVAL;
	}
	int fd = socket(ss.ss_family, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
	if (fd < 0) {
		snprintf(err, errlen, "metrics: socket: %s", strerror(errno));
		return -errno;
	}
	int one = 1;
	setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
	if (bind(fd, (struct sockaddr *)&ss, slen) != 0 || listen(fd, 16) != 0) {
		int e = errno;
		snprintf(err, errlen, "metrics: cannot listen on %s: %s", addr, strerror(e));
		close(fd);
		return -e;
	}
	h->out_cap = 128 * 1024;
	h->out = calloc(GUARD_HTTP_CLIENTS, h->out_cap);
	if (!h->out) {
		close(fd);
		snprintf(err, errlen, "metrics: out of memory");
		return -ENOMEM;
	}
	h->listen_fd = fd;
	return 0;
}

void guard_http_close(struct guard_http *h)
{
	for (int i = 0; i < GUARD_HTTP_CLIENTS; i++)
		if (h->c[i].fd >= 0) {
			close(h->c[i].fd);
			h->c[i].fd = -1;
		}
	if (h->listen_fd >= 0)
		close(h->listen_fd);
	h->listen_fd = -1;
	free(h->out);
	h->out = NULL;
}

int guard_http_pollfds(const struct guard_http *h, struct pollfd *pfd, int max)
{
	int n = 0;
	if (h->listen_fd < 0 || max <= 0)
		return 0;
	pfd[n++] = (struct pollfd){ .fd = h->listen_fd, .events = POLLIN };
	for (int i = 0; i < GUARD_HTTP_CLIENTS && n < max; i++)
		if (h->c[i].fd >= 0)
			pfd[n++] = (struct pollfd){ .fd = h->c[i].fd,
						    .events = h->c[i].out_len ? POLLOUT : POLLIN };
	return n;
}

static void client_close(struct guard_http *h, int i)
{
	close(h->c[i].fd);
	h->c[i].fd = -1;
	h->c[i].in_len = h->c[i].out_len = h->c[i].out_off = 0;
}

static void respond(struct guard_http *h, int i, const struct guard_metrics_state *m,
		    struct guard_sink *scratch)
{
	char *out = h->out + (size_t)i * h->out_cap;
	const char *req = h->c[i].in;
	int status = 200;
	const char *reason = "OK";
	bool head_only = str_starts(req, "HEAD ");
	if (!str_starts(req, "GET ") && !head_only) {
		status = 405;
		reason = "Method Not Allowed";
	} else {
		const char *path = req + (head_only ? 5 : 4);
		if (!(str_starts(path, "/metrics ") || str_starts(path, "/metrics?") || str_starts(path, "/ "))) {
			status = 404;
			reason = "Not Found";
		}
	}
	guard_sink_reset(scratch);
	if (status == 200 && !str_starts(req + (head_only ? 5 : 4), "/ "))
		guard_metrics_render(scratch->f, m);
	else if (status == 200)
		fputs("oomkit guard: metrics at /metrics\n", scratch->f);
	else
		fprintf(scratch->f, "%d %s\n", status, reason);
	fflush(scratch->f);
	int hl = snprintf(out, h->out_cap,
			  "HTTP/1.1 %d %s\r\nContent-Type: text/plain; version=0.0.4; charset=utf-8\r\n"
			  "Content-Length: %zu\r\nConnection: close\r\n\r\n",
			  status, reason, scratch->len);
	size_t body = head_only ? 0 : scratch->len;
	if (hl < 0 || (size_t)hl + body > h->out_cap)
		body = 0;
	memcpy(out + hl, scratch->buf, body);
	h->c[i].out_len = (size_t)hl + body;
	h->c[i].out_off = 0;
	h->requests_total++;
}

bool guard_http_busy(const struct guard_http *h)
{
	for (int i = 0; i < GUARD_HTTP_CLIENTS; i++)
		if (h->c[i].fd >= 0)
			return true;
	return false;
}

void guard_http_service(struct guard_http *h, const struct guard_metrics_state *m,
			struct guard_sink *scratch)
{
	if (h->listen_fd < 0)
		return;
	uint64_t now = guard_now_ns();
	for (;;) {
		int fd = accept4(h->listen_fd, NULL, NULL, SOCK_NONBLOCK | SOCK_CLOEXEC);
		if (fd < 0)
			break;
		int slot = -1;
		for (int i = 0; i < GUARD_HTTP_CLIENTS; i++)
			if (h->c[i].fd < 0) {
				slot = i;
				break;
			}
		if (slot < 0) {
			/* Every slot taken: the connection that has sent the least
			 * for the longest gives way (it has not asked for anything
			 * yet, or is the oldest), so idle connections never block
			 * a scrape. */
			for (int i = 0; i < GUARD_HTTP_CLIENTS; i++) {
				/* waiting for a request beats being answered; then age */
				bool wi = !h->c[i].out_len, ws = slot >= 0 && !h->c[slot].out_len;
				if (slot < 0 || (wi && !ws) ||
				    (wi == ws && h->c[i].since_ns < h->c[slot].since_ns))
					slot = i;
			}
			client_close(h, slot);
			h->evicted_total++;
		}
		h->c[slot].fd = fd;
		h->c[slot].in_len = h->c[slot].out_len = h->c[slot].out_off = 0;
		h->c[slot].since_ns = now;
	}
	for (int i = 0; i < GUARD_HTTP_CLIENTS; i++) {
		if (h->c[i].fd < 0)
			continue;
		/* Per connection: a request and its answer within GUARD_HTTP_TIMEOUT_MS. */
		if (now - h->c[i].since_ns > GUARD_HTTP_TIMEOUT_MS * 1000000ull) {
			client_close(h, i);
			continue;
		}
		if (!h->c[i].out_len) {
			size_t room = sizeof(h->c[i].in) - 1 - h->c[i].in_len;
			ssize_t n = recv(h->c[i].fd, h->c[i].in + h->c[i].in_len, room, 0);
			if (n == 0 || (n < 0 && errno != EAGAIN && errno != EINTR)) {
				client_close(h, i);
				continue;
			}
			if (n > 0)
				h->c[i].in_len += (size_t)n;
			h->c[i].in[h->c[i].in_len] = '\0';
			bool complete = strstr(h->c[i].in, "\r\n\r\n") || strstr(h->c[i].in, "\n\n");
			if (!complete && h->c[i].in_len < sizeof(h->c[i].in) - 1)
				continue;
			respond(h, i, m, scratch);
		}
		char *out = h->out + (size_t)i * h->out_cap;
		while (h->c[i].out_off < h->c[i].out_len) {
			ssize_t w = send(h->c[i].fd, out + h->c[i].out_off, h->c[i].out_len - h->c[i].out_off,
					 MSG_NOSIGNAL | MSG_DONTWAIT);
			if (w <= 0)
				break;
			h->c[i].out_off += (size_t)w;
		}
		if (h->c[i].out_off >= h->c[i].out_len) {
			shutdown(h->c[i].fd, SHUT_WR);
			client_close(h, i);
		}
	}
}
