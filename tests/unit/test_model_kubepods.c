/* test_model_kubepods.c — model/kubepods.c on the cgroup paths the kubelet and
 * the container runtimes really make (copied from /proc/PID/cgroup of
 * nodes with containerd, CRI-O and Docker; kind; cgroup v1 and v2). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>

#include "check.h"
#include "model/kubepods.h"
#include "util/util.h"

#define UID "0f5a7c1e-8d2b-4a57-9d8e-3c4b5a6f7e81"
#define UID_ "0f5a7c1e_8d2b_4a57_9d8e_3c4b5a6f7e81"
#define CID "7d1a2f9c3b4e5d6f708192a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7"

static int parse(const char *p, struct kubepods *k)
{
	memset(k, 0x5a, sizeof(*k));
	return kubepods_parse(p, strlen(p), k);
}

TEST(v2_systemd_containerd_burstable)
{
	struct kubepods k;
	CHECK_INT(parse("/sys/fs/cgroup/kubepods.slice/kubepods-burstable.slice/kubepods-burstable-pod" UID_
			".slice/cri-containerd-" CID ".scope", &k), 0);
	CHECK_STR(k.pod_uid, UID);
	CHECK_INT(k.qos, KUBE_QOS_BURSTABLE);
	CHECK_STR(kube_qos_name(k.qos), "Burstable");
	CHECK(k.systemd_driver);
	CHECK_STR(k.container_id, CID);
	CHECK_STR(k.runtime, "containerd");
}

TEST(v2_systemd_crio_besteffort_and_conmon)
{
	struct kubepods k;
	CHECK_INT(parse("/kubepods.slice/kubepods-besteffort.slice/kubepods-besteffort-pod" UID_
			".slice/crio-" CID ".scope", &k), 0);
	CHECK_INT(k.qos, KUBE_QOS_BESTEFFORT);
	CHECK_STR(kube_qos_name(k.qos), "BestEffort");
	CHECK_STR(k.runtime, "cri-o");
	CHECK_STR(k.container_id, CID);
	CHECK_INT(parse("/kubepods.slice/kubepods-besteffort.slice/kubepods-besteffort-pod" UID_
			".slice/crio-conmon-" CID ".scope", &k), 0);
	CHECK_STR(k.runtime, "cri-o-conmon");
	CHECK_STR(k.container_id, CID);
}

TEST(systemd_guaranteed_docker)
{
	struct kubepods k;
	/* v1: the memory hierarchy's mount point in front. */
	CHECK_INT(parse("/sys/fs/cgroup/memory/kubepods.slice/kubepods-pod" UID_ ".slice/docker-" CID ".scope", &k), 0);
	CHECK_INT(k.qos, KUBE_QOS_GUARANTEED);
	CHECK_STR(kube_qos_name(k.qos), "Guaranteed");
	CHECK_STR(k.pod_uid, UID);
	CHECK_STR(k.runtime, "docker");
	CHECK_STR(k.container_id, CID);
}

TEST(cgroupfs_driver)
{
	struct kubepods k;
	CHECK_INT(parse("/kubepods/burstable/pod" UID "/" CID, &k), 0);
	CHECK_INT(k.qos, KUBE_QOS_BURSTABLE);
	CHECK(!k.systemd_driver);
	CHECK_STR(k.pod_uid, UID);
	CHECK_STR(k.container_id, CID);
	CHECK_STR(k.runtime, "");
	CHECK_INT(parse("/sys/fs/cgroup/memory/kubepods/besteffort/pod" UID "/" CID, &k), 0);
	CHECK_INT(k.qos, KUBE_QOS_BESTEFFORT);
	CHECK_INT(parse("/kubepods/pod" UID "/" CID "/", &k), 0);
	CHECK_INT(k.qos, KUBE_QOS_GUARANTEED);
	CHECK_STR(k.container_id, CID);
}

TEST(pod_level_and_static_pod)
{
	struct kubepods k;
	/* The pod's own cgroup (a guard watching the pod): no container. */
	CHECK_INT(parse("/kubepods.slice/kubepods-burstable.slice/kubepods-burstable-pod" UID_ ".slice", &k), 0);
	CHECK_STR(k.pod_uid, UID);
	CHECK_STR(k.container_id, "");
	CHECK_STR(k.runtime, "");
	/* A static pod: its UID is the kubelet's 32-hex hash of the manifest. */
	CHECK_INT(parse("/kubepods.slice/kubepods-burstable.slice/"
			"kubepods-burstable-pod6c2a8ec9a2bcd5d6a8b3d3e7f2e27a4c.slice/cri-containerd-" CID ".scope", &k), 0);
	CHECK_STR(k.pod_uid, "6c2a8ec9a2bcd5d6a8b3d3e7f2e27a4c");
	CHECK_STR(k.container_id, CID);
}

TEST(kind_cgroup_root)
{
	struct kubepods k;
	/* kind runs the kubelet with --cgroup-root=/kubelet. */
	CHECK_INT(parse("/kubelet.slice/kubelet-kubepods.slice/kubelet-kubepods-besteffort.slice/"
			"kubelet-kubepods-besteffort-pod" UID_ ".slice/cri-containerd-" CID ".scope", &k), 0);
	CHECK_INT(k.qos, KUBE_QOS_BESTEFFORT);
	CHECK_STR(k.pod_uid, UID);
	CHECK_STR(k.runtime, "containerd");
}

TEST(not_a_pod)
{
	struct kubepods k, before;
	const char *no[] = {
		"/", "", "/system.slice/docker.service", "/user.slice/user-1000.slice/session-2.scope",
		"/kubepods.slice", "/kubepods", "/kubepods/burstable", "/kubepods.slice/kubepods-burstable.slice",
		"/kubepods/burstable/podnot-a-uid/" CID,
		"/kubepods/pod" UID_ "/" CID,                       /* '_' only in slice names */
		"/kubepods.slice/kubepods-burstable.slice/kubepods-pod" UID_ ".slice",  /* QoS mismatch */
		"/kubepods.slice/kubepods-pod" UID ".slice/x",      /* '-' in a slice UID */
		"/kubepods.slice/kubepods-foo.slice/kubepods-foo-pod" UID_ ".slice",
		"/mykubepods/pod" UID,
	};
	for (size_t i = 0; i < sizeof(no) / sizeof(no[0]); i++) {
		memset(&k, 0x5a, sizeof(k));
		before = k;
		int rc = kubepods_parse(no[i], strlen(no[i]), &k);
		if (rc != -EINVAL)
			printf("  accepted: %s\n", no[i]);
		CHECK_INT(rc, -EINVAL);
		CHECK(!memcmp(&k, &before, sizeof(k)));   /* out untouched */
	}
}

TEST(odd_container_names_keep_the_pod)
{
	struct kubepods k;
	/* An unknown runtime's scope, a truncated ID: the pod is still named. */
	CHECK_INT(parse("/kubepods.slice/kubepods-pod" UID_ ".slice/runc-" CID ".scope", &k), 0);
	CHECK_STR(k.pod_uid, UID);
	CHECK_STR(k.container_id, "");
	CHECK_INT(parse("/kubepods/pod" UID "/xyz", &k), 0);
	CHECK_STR(k.container_id, "");
	/* Not NUL-terminated: LEN is the end. */
	const char *p = "/kubepods/pod" UID "/" CID "/extra";
	CHECK_INT(kubepods_parse(p, strlen(p) - 6, &k), 0);
	CHECK_STR(k.container_id, CID);
	CHECK_INT(kubepods_parse(p, 20, &k), -EINVAL);
}

/* A host process's /proc/PID/cgroup read from a pod (hostPID, private
 * cgroup namespace): relative to the reader's cgroup, no kubepods root. */
TEST(seen_from_another_cgroup_namespace)
{
	struct kubepods k;
	CHECK_INT(parse("/../../kubepods-besteffort.slice/kubepods-besteffort-pod" UID_ ".slice/cri-containerd-" CID
			".scope", &k), 0);
	CHECK_STR(k.pod_uid, UID);
	CHECK_INT(k.qos, KUBE_QOS_BESTEFFORT);
	CHECK_STR(k.container_id, CID);
	CHECK_STR(k.runtime, "containerd");
	CHECK_INT(parse("/../../../kubepods-pod" UID_ ".slice/crio-" CID ".scope", &k), 0);
	CHECK_INT(k.qos, KUBE_QOS_GUARANTEED);
	CHECK_STR(k.runtime, "cri-o");
	CHECK_INT(parse("/../kubelet-kubepods-burstable-pod" UID_ ".slice", &k), 0);
	CHECK_INT(k.qos, KUBE_QOS_BURSTABLE);
	/* Not a pod slice: still nothing. */
	CHECK_INT(parse("/../../system.slice/kubepods-pod.slice", &k), -EINVAL);
	CHECK_INT(parse("/../kubepods-besteffort.slice", &k), -EINVAL);
}

/* The one wording every sink shows (explain, top, status, guard). */
TEST(describe_with_and_without_names)
{
	char d[400];
	const char *p = "/kubepods.slice/kubepods-burstable.slice/kubepods-burstable-pod" UID_
			".slice/cri-containerd-" CID ".scope";
	CHECK(kube_describe(d, sizeof(d), p, strlen(p), NULL) > 0);
	CHECK_STR(d, "pod " UID " (Burstable), container 7d1a2f9c3b4e");
	struct kube_names *t = calloc(1, sizeof(*t));
	CHECK(t != NULL);
	if (!t)
		return;
	snprintf(t->v[0].uid, sizeof(t->v[0].uid), "%s", UID);
	snprintf(t->v[0].name, sizeof(t->v[0].name), "web-0");
	snprintf(t->v[0].ns, sizeof(t->v[0].ns), "shop");
	t->n = 1;
	CHECK(kube_describe(d, sizeof(d), p, strlen(p), t) > 0);
	CHECK_STR(d, "pod shop/web-0 (Burstable, uid " UID "), container 7d1a2f9c3b4e");
	/* The pod's own cgroup: no container part. */
	const char *pod = "/kubepods/besteffort/pod" UID;
	CHECK_INT((int)kube_describe(d, sizeof(d), pod, strlen(pod), NULL),
		  (int)strlen("pod " UID " (BestEffort)"));
	CHECK_STR(d, "pod " UID " (BestEffort)");
	/* Not a pod: "" and 0; a small buffer is cut, never overrun. */
	CHECK_INT((int)kube_describe(d, sizeof(d), "/system.slice/x.service", 23, t), 0);
	CHECK_STR(d, "");
	char small[10];
	CHECK_INT((int)kube_describe(small, sizeof(small), p, strlen(p), t), 9);
	CHECK_STR(small, "pod shop/");
	CHECK(kube_names_find(t, UID) == &t->v[0]);
	CHECK(kube_names_find(t, "x") == NULL);
	CHECK(kube_names_find(NULL, UID) == NULL);
	free(t);
}

TEST(json_object_or_null)
{
	char *out = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&out, &len);
	CHECK(f != NULL);
	if (!f)
		return;
	struct json j;
	json_init(&j, f, false);
	json_obj_begin(&j, NULL);
	kube_json(&j, "a", "/kubepods/pod" UID "/" CID, NULL);
	kube_json(&j, "b", "/user.slice", NULL);
	kube_json(&j, "c", NULL, NULL);
	json_obj_end(&j);
	fclose(f);
	CHECK_STR(out, "{\"a\":{\"pod_uid\":\"" UID "\",\"qos\":\"Guaranteed\",\"container_id\":\"" CID
		       "\",\"runtime\":null,\"pod_name\":null,\"namespace\":null},\"b\":null,\"c\":null}");
	free(out);
}

int main(void)
{
	RUN(v2_systemd_containerd_burstable);
	RUN(v2_systemd_crio_besteffort_and_conmon);
	RUN(systemd_guaranteed_docker);
	RUN(cgroupfs_driver);
	RUN(pod_level_and_static_pod);
	RUN(kind_cgroup_root);
	RUN(not_a_pod);
	RUN(odd_container_names_keep_the_pod);
	RUN(seen_from_another_cgroup_namespace);
	RUN(describe_with_and_without_names);
	RUN(json_object_or_null);
	return check_summary();
}
