/* test_guard_metrics.c — guard/metrics.c: the guard's Prometheus text
 * (one sample per scope, names and HELP/TYPE, a hostile cgroup name
 * escaped in its label) and the tiny HTTP server: bad listen addresses
 * refused with the reason, GET /metrics answered 200 with the text, other
 * paths 404, other methods 405, on 127.0.0.1.  A scrape of the running
 * daemon: tests/e2e/prometheus.sh. */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include "check.h"
#include "guard/guard.h"

static struct guard_scope scopes[2];
static struct guard_metrics_state ms;

static void setup(void)
{
	memset(scopes, 0, sizeof(scopes));
	scopes[0].kind = SCOPE_MACHINE;
	snprintf(scopes[0].name, sizeof(scopes[0].name), "machine");
	scopes[0].total_kib = 1 << 20;
	scopes[0].avail_kib = 1 << 19;
	scopes[0].kernel_kills_total = 3;       /* seen since the guard started */
	scopes[1].kind = SCOPE_CGROUP_V2;
	snprintf(scopes[1].name, sizeof(scopes[1].name), "/sys/fs/cgroup/a\"b\\c\nd");
	scopes[1].total_kib = 65536;
	scopes[1].avail_kib = 1024;
	for (int i = 0; i < 2; i++) {
		scopes[i].dirfd = scopes[i].fd_psi = -1;
		scopes[i].swap_total_kib = scopes[i].swap_free_kib = 0;
	}
	memset(&ms, 0, sizeof(ms));
	ms.scopes = scopes;
	ms.nr_scopes = 2;
	ms.start_time_s = 1700000000;
	ms.incidents_total = 2;
}

TEST(render)
{
	char *t = NULL;
	size_t n = 0;
	FILE *f = open_memstream(&t, &n);
	guard_metrics_render(f, &ms);
	fclose(f);
	CHECK(strstr(t, "oomkit_available_bytes{scope=\"machine\"} 536870912\n") != NULL);
	CHECK(strstr(t, "oomkit_available_bytes{scope=\"/sys/fs/cgroup/a\\\"b\\\\c\\nd\"} 1048576\n") != NULL);
	CHECK(strstr(t, "oomkit_kernel_oom_kills_total{scope=\"machine\"} 3\n") != NULL);
	CHECK(strstr(t, "# TYPE oomkit_available_bytes gauge\n") != NULL);
	CHECK(strstr(t, "\nd\"}") == NULL);                        /* no raw newline inside a label */
	/* every line: a comment or "name{labels} value" */
	for (char *l = t; *l; ) {
		char *nl = strchr(l, '\n');
		CHECK(nl != NULL);
		if (!nl)
			break;
		if (*l != '#')
			CHECK(strncmp(l, "oomkit_", 7) == 0 && memchr(l, ' ', (size_t)(nl - l)) != NULL);
		l = nl + 1;
	}
	free(t);
}

TEST(bad_addresses)
{
	struct guard_http h;
	char err[256];
	memset(&h, 0, sizeof(h));
	CHECK(guard_http_open(&h, "9100", err, sizeof(err)) < 0);                /* no address */
	CHECK(strstr(err, "ADDRESS:PORT") != NULL);
	CHECK(guard_http_open(&h, "example.com:9100", err, sizeof(err)) < 0);    /* no name lookups */
	CHECK(strstr(err, "not a numeric") != NULL);
	CHECK(guard_http_open(&h, "127.0.0.1:99999", err, sizeof(err)) < 0);
}

static char *ask(int port, const char *req, struct guard_http *h, struct guard_sink *scratch)
{
	int s = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
	struct sockaddr_in a = { .sin_family = AF_INET, .sin_port = htons((uint16_t)port) };
	a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	if (connect(s, (struct sockaddr *)&a, sizeof(a)) != 0) {
		close(s);
		return NULL;
	}
	CHECK(write(s, req, strlen(req)) == (ssize_t)strlen(req));
	static char resp[1 << 16];
	size_t n = 0;
	for (int i = 0; i < 400; i++) {
		guard_http_service(h, &ms, scratch);
		struct pollfd p = { s, POLLIN, 0 };
		if (poll(&p, 1, 5) > 0) {
			ssize_t r = read(s, resp + n, sizeof(resp) - 1 - n);
			if (r <= 0)
				break;
			n += (size_t)r;
		}
	}
	resp[n] = '\0';
	close(s);
	return resp;
}

TEST(http)
{
	struct guard_http h;
	memset(&h, 0, sizeof(h));
	char err[256];
	/* a free port (port 0 is refused: the address is the user's) */
	int rc = -1;
	for (int k = 0; k < 20 && rc != 0; k++) {
		char addr[32];
		snprintf(addr, sizeof(addr), "127.0.0.1:%d", 20000 + (int)((getpid() * 7 + k * 977) % 40000));
		rc = guard_http_open(&h, addr, err, sizeof(err));
	}
	if (rc != 0) {
		SKIP(err);
		return;
	}
	struct sockaddr_in a;
	socklen_t al = sizeof(a);
	CHECK_INT(getsockname(h.listen_fd, (struct sockaddr *)&a, &al), 0);
	int port = ntohs(a.sin_port);
	static char buf[1 << 18];
	struct guard_sink scratch;
	CHECK_INT(guard_sink_open(&scratch, buf, sizeof(buf)), 0);
	char *r = ask(port, "GET /metrics HTTP/1.1\r\nHost: x\r\n\r\n", &h, &scratch);
	CHECK(r && strncmp(r, "HTTP/1.1 200 ", 13) == 0);
	CHECK(r && strstr(r, "oomkit_available_bytes{scope=\"machine\"} 536870912") != NULL);
	r = ask(port, "GET /secret HTTP/1.1\r\n\r\n", &h, &scratch);
	CHECK(r && strncmp(r, "HTTP/1.1 404 ", 13) == 0);
	r = ask(port, "POST /metrics HTTP/1.1\r\n\r\n", &h, &scratch);
	CHECK(r && strncmp(r, "HTTP/1.1 405 ", 13) == 0);
	CHECK(h.requests_total >= 3);
	guard_sink_close(&scratch);
	guard_http_close(&h);
}

int main(void)
{
	setup();
	RUN(render);
	RUN(bad_addresses);
	RUN(http);
	return check_summary();
}
