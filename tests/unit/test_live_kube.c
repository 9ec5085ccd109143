/* test_live_kube.c — live/kube.c naming the pods of cgroup paths from the
 * runtimes' state files (containerd, CRI-O, Docker; tests/fixtures/kube/)
 * under a --root built here: by the container ID of the path, by the walk
 * of the state directories, UIDs only where nothing says, never an error.
 * (Moved from test_live_parse_kubestate.c, which tests the parser.) */
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "check.h"
#include "live/kube.h"
#include "util/util.h"

static void put_file(const char *root, const char *rel, const char *fixture)
{
	char path[1024], cmd[4096];
	snprintf(path, sizeof(path), "%s/%s", root, rel);
	snprintf(cmd, sizeof(cmd), "mkdir -p \"$(dirname '%s')\" && cp '%s/tests/fixtures/kube/%s' '%s'", path,
		 check_srcdir(), fixture, path);
	CHECK_INT(system(cmd), 0);
}

#define CD_ID "7d1a2f9c3b4e5d6f708192a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7"
#define CRIO_ID "9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d3e2f1a0b9c8d7e6f5a4b3c2d1e0f9a8b"
#define DOCKER_ID "5c4b3a291807f6e5d4c3b2a1908f7e6d5c4b3a291807f6e5d4c3b2a1908f7e6d"

TEST(names_from_a_root)
{
	char root[] = "/tmp/oomkit-kube-XXXXXX";
	if (!mkdtemp(root)) {
		SKIP("mkdtemp failed");
		return;
	}
	put_file(root, "run/containerd/io.containerd.runtime.v2.task/k8s.io/" CD_ID "/config.json",
		 "containerd-config.json");
	put_file(root, "var/lib/docker/containers/" DOCKER_ID "/config.v2.json", "docker-config.v2.json");
	/* CRI-O's file under an ID the path does not name: found by the walk. */
	put_file(root, "run/containers/storage/overlay-containers/" CRIO_ID "/userdata/config.json",
		 "crio-config.json");
	struct live_root r;
	CHECK_INT(live_root_open(&r, root), 0);
	struct kube_names *t = calloc(1, sizeof(*t));
	CHECK(t != NULL);
	if (!t)
		return;
	const char *paths[] = {
		"/kubepods.slice/kubepods-burstable.slice/kubepods-burstable-pod0f5a7c1e_8d2b_4a57_9d8e_3c4b5a6f7e81.slice/"
		"cri-containerd-" CD_ID ".scope",
		"/kubepods/pod" "a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d" "/" DOCKER_ID,
		"/kubepods.slice/kubepods-besteffort.slice/kubepods-besteffort-pod3e1c2d4b_5a6f_4b7c_8d9e_0f1a2b3c4d5e.slice",
		"/kubepods/burstable/pod11111111-2222-4333-8444-555555555555/" CRIO_ID,   /* no file says */
		"/system.slice/cron.service", NULL,
	};
	live_kube_names(&r, paths, ARRAY_SIZE(paths), t);
	CHECK_INT(t->n, 4);
	const struct kube_pod_ref *e = kube_names_find(t, "0f5a7c1e-8d2b-4a57-9d8e-3c4b5a6f7e81");
	CHECK(e && !strcmp(e->name, "web-0") && !strcmp(e->ns, "shop"));
	e = kube_names_find(t, "a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d");
	CHECK(e && !strcmp(e->name, "redis-0") && !strcmp(e->ns, "cache"));
	e = kube_names_find(t, "3e1c2d4b-5a6f-4b7c-8d9e-0f1a2b3c4d5e");
	CHECK(e && !strcmp(e->name, "cache-6d4b9c7f5-x2k8p") && !strcmp(e->ns, "web"));
	/* The CRI-O file of CRIO_ID is another pod's: this one keeps its UID only. */
	e = kube_names_find(t, "11111111-2222-4333-8444-555555555555");
	CHECK(e && e->name[0] == '\0');
	char d[400];
	kube_describe(d, sizeof(d), paths[0], strlen(paths[0]), t);
	CHECK_STR(d, "pod shop/web-0 (Burstable, uid 0f5a7c1e-8d2b-4a57-9d8e-3c4b5a6f7e81), container 7d1a2f9c3b4e");
	/* An empty root: UIDs only, no error. */
	struct live_root r2;
	char empty[] = "/tmp/oomkit-kube-XXXXXX";
	if (mkdtemp(empty) && live_root_open(&r2, empty) == 0) {
		memset(t, 0, sizeof(*t));
		live_kube_names(&r2, paths, 2, t);
		CHECK_INT(t->n, 2);
		CHECK(t->v[0].name[0] == '\0' && t->v[1].name[0] == '\0');
		live_root_close(&r2);
		rmdir(empty);
	}
	free(t);
	live_root_close(&r);
	char cmd[256];
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", root);
	CHECK_INT(system(cmd), 0);
}

int main(void)
{
	RUN(names_from_a_root);
	return check_summary();
}
