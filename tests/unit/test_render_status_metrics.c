/* test_render_status_metrics.c — render/status_metrics.c, status --metrics
 * (Prometheus text format 0.0.4 for node_exporter's textfile collector):
 * each family has its HELP and TYPE before its samples, values in bytes
 * from the KiB the model holds, the memory cgroups as scopes, findings
 * counted per severity, and a hostile cgroup path escaped in its label.
 * A scrape by a real node_exporter: tests/e2e/status_metrics.sh. */
#include "live_views.h"

static char *metrics(const struct status_view *v, size_t *len)
{
	struct capture c;
	render_status_metrics(capture_open(&c), v);
	char *t = captured(&c);
	*len = c.len;
	return t;
}

/* Every sample line "name{labels} value" follows a "# TYPE name" line. */
static bool well_formed(const char *t)
{
	char typed[64][80];
	int nt = 0;
	for (const char *l = t; *l; ) {
		const char *nl = strchr(l, '\n');
		if (!nl)
			return false;                                 /* the last line ends too */
		size_t n = (size_t)(nl - l);
		if (n > 7 && !strncmp(l, "# TYPE ", 7)) {
			size_t k = strcspn(l + 7, " ");
			if (nt < 64)
				snprintf(typed[nt++], sizeof(typed[0]), "%.*s", (int)k, l + 7);
		} else if (n && l[0] != '#') {
			size_t k = strcspn(l, "{ ");
			bool found = false;
			for (int i = 0; i < nt; i++)
				found |= strlen(typed[i]) == k && !strncmp(typed[i], l, k);
			const char *sp = memrchr(l, ' ', n);
			char *end;
			if (!found || !sp || (strtod(sp + 1, &end), end != nl))
				return false;
		}
		l = nl + 1;
	}
	return nt > 0;
}

TEST(machine)
{
	struct status_data *d = status_of("oc-always-noswap");
	if (!d) {
		SKIP("tests/fixtures/oc-always-noswap unreadable");
		return;
	}
	size_t len;
	char *t = metrics(&d->view, &len);
	CHECK(well_formed(t));
	CHECK(strstr(t, "oomkit_available_bytes{scope=\"machine\"} 515395584\n") != NULL);   /* 503316 KiB */
	CHECK(strstr(t, "oomkit_limit_bytes{scope=\"machine\"} 17179869184\n") != NULL);
	CHECK(strstr(t, "oomkit_swap_total_bytes{scope=\"machine\"} 0\n") != NULL);
	CHECK(strstr(t, "oomkit_status_findings{severity=\"critical\"} 2\n") != NULL);
	CHECK(strstr(t, "oomkit_status_findings{severity=\"warning\"} 0\n") != NULL);
	CHECK(strstr(t, "# TYPE oomkit_kernel_oom_kills_total counter\n") != NULL);
	CHECK(strstr(t, "oomkit_status_timestamp_seconds ") != NULL);
	free(t);
	status_done(d);
}

TEST(memcgs_and_escaping)
{
	struct status_data *d = status_of("tasks");
	if (!d) {
		SKIP("tests/fixtures/tasks unreadable");
		return;
	}
	size_t len;
	char *t = metrics(&d->view, &len);
	CHECK(well_formed(t));
	CHECK(strstr(t, "oomkit_kernel_oom_kills_total{scope=\"/sys/fs/cgroup/memory/app\"} 2\n") != NULL);
	CHECK(strstr(t, "oomkit_limit_bytes{scope=\"/sys/fs/cgroup/memory/batch\"} 1073741824\n") != NULL);
	free(t);
	if (d->mc.n_killed > 0) {
		/* a cgroup name may hold '"', '\' and newlines: escaped as the format says */
		snprintf(d->mc.killed[0].path, sizeof(d->mc.killed[0].path), "/a\"b\\c\nd");   /* relative to the hierarchy */
		t = metrics(&d->view, &len);
		CHECK(strstr(t, "scope=\"/sys/fs/cgroup/memory/a\\\"b\\\\c\\nd\"") != NULL);
		CHECK(well_formed(t));
		free(t);
	} else {
		SKIP("the tasks fixture lost its killed memory cgroup");
	}
	status_done(d);
}

int main(void)
{
	RUN(machine);
	RUN(memcgs_and_escaping);
	return check_summary();
}
