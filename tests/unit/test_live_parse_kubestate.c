/* test_live_parse_kubestate.c — live/parse_kubestate.c on the state files containerd,
 * CRI-O and Docker write per container (tests/fixtures/kube/, the shapes of
 * real files: an OCI spec with the CRI annotations, Docker's config.v2.json).
 * live/kube.c naming pods from them under a root: test_live_kube.c. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "check.h"
#include "live/kube.h"
#include "util/util.h"

static int parse_fixture(const char *name, struct kube_state *k)
{
	size_t len;
	char rel[512];
	snprintf(rel, sizeof(rel), "tests/fixtures/kube/%s", name);
	char *s = slurp_src(rel, &len);
	if (!s)
		return -ENOENT;
	int rc = live_parse_kubestate(s, len, k);
	free(s);
	return rc;
}

TEST(containerd_sandbox_annotations)
{
	struct kube_state k;
	CHECK_INT(parse_fixture("containerd-config.json", &k), 0);
	CHECK_STR(k.pod_name, "web-0");
	CHECK_STR(k.pod_namespace, "shop");
	CHECK_STR(k.pod_uid, "0f5a7c1e-8d2b-4a57-9d8e-3c4b5a6f7e81");
}

TEST(crio_annotations)
{
	struct kube_state k;
	CHECK_INT(parse_fixture("crio-config.json", &k), 0);
	CHECK_STR(k.pod_name, "cache-6d4b9c7f5-x2k8p");
	CHECK_STR(k.pod_namespace, "web");
	CHECK_STR(k.pod_uid, "3e1c2d4b-5a6f-4b7c-8d9e-0f1a2b3c4d5e");
}

TEST(docker_labels)
{
	struct kube_state k;
	CHECK_INT(parse_fixture("docker-config.v2.json", &k), 0);
	CHECK_STR(k.pod_name, "redis-0");
	CHECK_STR(k.pod_namespace, "cache");
	CHECK_STR(k.pod_uid, "a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d");
}

TEST(not_a_pod_leaves_out_alone)
{
	struct kube_state k, before;
	memset(&k, 0x5a, sizeof(k));
	before = k;
	static const char *const bad[] = {
		"", "{", "[]", "{\"annotations\":{}}",                      /* a plain OCI container */
		"{\"Config\":{\"Labels\":{\"app\":\"x\"}}}",                 /* a plain Docker container */
		"{\"annotations\":{\"io.kubernetes.pod.name\":\"\"}}",
		"{\"annotations\":{\"io.kubernetes.pod.name\":\"Web 0\\u001b[31m\"}}",   /* not a DNS name */
		"{\"annotations\":{\"io.kubernetes.pod.name\":7}}",
		"{\"annotations\":{\"io.kubernetes.pod.name\":\"web-0\"",     /* cut */
	};
	for (size_t i = 0; i < ARRAY_SIZE(bad); i++)
		CHECK_INT(live_parse_kubestate(bad[i], strlen(bad[i]), &k), -EINVAL);
	CHECK(!memcmp(&k, &before, sizeof(k)));
	/* A bad namespace or UID is dropped, the name kept. */
	const char *s = "{\"annotations\":{\"io.kubernetes.pod.name\":\"a\",\"io.kubernetes.pod.namespace\":\"B/C\","
			"\"io.kubernetes.pod.uid\":\"zz\"}}";
	CHECK_INT(live_parse_kubestate(s, strlen(s), &k), 0);
	CHECK_STR(k.pod_name, "a");
	CHECK_STR(k.pod_namespace, "");
	CHECK_STR(k.pod_uid, "");
}

int main(void)
{
	RUN(containerd_sandbox_annotations);
	RUN(crio_annotations);
	RUN(docker_labels);
	RUN(not_a_pod_leaves_out_alone);
	return check_summary();
}
