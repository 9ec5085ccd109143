/* test_guard_kube.c — guard/kube.c: the victim's cgroup noted from
 * /proc/PID/cgroup before the kill, and the "kube", "victim_cgroup",
 * "victim_kube" members of the guard's events and incidents. */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "check.h"
#include "guard/guard.h"
#include "util/util.h"

#define UID_ "0f5a7c1e_8d2b_4a57_9d8e_3c4b5a6f7e81"
#define CID "7d1a2f9c3b4e5d6f708192a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7"
#define POD "/kubepods.slice/kubepods-besteffort.slice/kubepods-besteffort-pod" UID_ ".slice"

static char *render(const char *scope, int64_t pid)
{
	char *out = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&out, &len);
	struct json j;
	json_init(&j, f, false);
	json_obj_begin(&j, NULL);
	guard_kube_json(&j, scope, pid);
	json_obj_end(&j);
	fclose(f);
	return out;
}

TEST(victim_noted_before_the_kill)
{
	char dir[] = "/tmp/oomkit-gkube-XXXXXX";
	if (!mkdtemp(dir)) {
		SKIP("mkdtemp");
		return;
	}
	char p[256];
	snprintf(p, sizeof(p), "%s/4242", dir);
	mkdir(p, 0755);
	snprintf(p, sizeof(p), "%s/4242/cgroup", dir);
	FILE *f = fopen(p, "w");
	CHECK(f != NULL);
	if (!f)
		return;
	fputs("0::" POD "/cri-containerd-" CID ".scope\n", f);
	fclose(f);
	int dfd = open(dir, O_RDONLY | O_DIRECTORY);
	guard_kube_note(dfd, 4242);
	CHECK_STR(guard_kube_cgroup(4242), POD "/cri-containerd-" CID ".scope");
	CHECK(guard_kube_cgroup(4243) == NULL);
	char *s = render("/sys/fs/cgroup" POD, 4242);
	CHECK_STR(s, "{\"kube\":{\"pod_uid\":\"0f5a7c1e-8d2b-4a57-9d8e-3c4b5a6f7e81\",\"qos\":\"BestEffort\","
		     "\"container_id\":null,\"runtime\":null,\"pod_name\":null,\"namespace\":null},"
		     "\"victim_cgroup\":\"" POD "/cri-containerd-" CID ".scope\","
		     "\"victim_kube\":{\"pod_uid\":\"0f5a7c1e-8d2b-4a57-9d8e-3c4b5a6f7e81\",\"qos\":\"BestEffort\","
		     "\"container_id\":\"" CID "\",\"runtime\":\"containerd\",\"pod_name\":null,\"namespace\":null}}");
	free(s);
	/* The machine scope, a victim outside any pod; a scope only. */
	s = render("machine", 4243);
	CHECK_STR(s, "{\"kube\":null,\"victim_cgroup\":null,\"victim_kube\":null}");
	free(s);
	s = render("machine", -1);
	CHECK_STR(s, "{\"kube\":null}");
	free(s);
	s = render(NULL, 4242);
	CHECK(s && !strstr(s, "\"kube\"") && strstr(s, "\"victim_kube\":{"));
	free(s);
	/* A pid gone before it was noted: nothing kept. */
	guard_kube_note(dfd, 999999);
	CHECK(guard_kube_cgroup(999999) == NULL);
	close(dfd);
	char cmd[128];
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	CHECK_INT(system(cmd), 0);
}

TEST(metrics_scope_info_and_last_incident)
{
	static struct guard_scope sc[2];
	memset(sc, 0, sizeof(sc));
	for (int i = 0; i < 2; i++) {
		sc[i].total_kib = sc[i].avail_kib = sc[i].term_kib = sc[i].kill_kib = OOM_NA;
		sc[i].usage_kib = sc[i].file_kib = sc[i].high_kib = OOM_NA;
	}
	snprintf(sc[0].name, sizeof(sc[0].name), "machine");
	snprintf(sc[1].name, sizeof(sc[1].name), "/sys/fs/cgroup%s/cri-containerd-%s.scope", POD, CID);
	struct guard_metrics_state m;
	memset(&m, 0, sizeof(m));
	m.scopes = sc;
	m.nr_scopes = 2;
	char *out = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&out, &len);
	guard_metrics_render(f, &m);
	fclose(f);
	CHECK(strstr(out, "# TYPE oomkit_scope_info gauge\n") != NULL);
	CHECK(strstr(out, "oomkit_scope_info{scope=\"/sys/fs/cgroup" POD "/cri-containerd-" CID ".scope\",pod_uid=\""
			  "0f5a7c1e-8d2b-4a57-9d8e-3c4b5a6f7e81\",qos=\"BestEffort\",container_id=\"" CID "\"} 1\n") != NULL);
	CHECK(strstr(out, "oomkit_scope_info{scope=\"machine\"") == NULL);
	/* No incident yet: the family without a sample (not 0 = 1970). */
	CHECK(strstr(out, "# TYPE oomkit_last_incident_timestamp_seconds gauge\n") != NULL);
	CHECK(strstr(out, "\noomkit_last_incident_timestamp_seconds ") == NULL);
	free(out);
	m.last_incident_time_s = 1764844800;
	f = open_memstream(&out, &len);
	guard_metrics_render(f, &m);
	fclose(f);
	CHECK(strstr(out, "\noomkit_last_incident_timestamp_seconds 1764844800\n") != NULL);
	free(out);
}

int main(void)
{
	RUN(victim_noted_before_the_kill);
	RUN(metrics_scope_info_and_last_incident);
	return check_summary();
}
