/* kube.h — the name and namespace of a Kubernetes pod from the container
 * runtime's local state files, without asking the API server or a runtime
 * socket (no network, nothing but files under --root).
 *
 * Each runtime writes, per container, a JSON file naming its pod:
 *   containerd (CRI plugin, runtime v2 shim): the OCI bundle's spec
 *     run/containerd/io.containerd.runtime.v2.task/k8s.io/<ID>/config.json
 *     "annotations": io.kubernetes.cri.sandbox-name, -namespace, -uid
 *     (pkg/cri/annotations; sandbox-uid since containerd 1.6)
 *   CRI-O: run/containers/storage/overlay-containers/<ID>/userdata/config.json
 *     "annotations": io.kubernetes.pod.name, .namespace, .uid
 *   Docker (dockershim / cri-dockerd):
 *     var/lib/docker/containers/<ID>/config.v2.json
 *     "Config": {"Labels": io.kubernetes.pod.name, .namespace, .uid}
 * A missing or unreadable file is not an error: the pod is shown by UID. */
#ifndef OOMKIT_LIVE_KUBE_H
#define OOMKIT_LIVE_KUBE_H

#include <stddef.h>

#include "live/live.h"
#include "model/kubepods.h"

struct kube_state {
	char pod_name[254];
	char pod_namespace[64];
	char pod_uid[40];        /* "" when the file does not say */
};

/* One of the files above (TEXT, LEN bytes).  0 when it names a pod (at
 * least its name); -EINVAL otherwise, OUT untouched then.  Pure. */
int live_parse_kubestate(const char *text, size_t len, struct kube_state *out);

/* Adds to T the pods the cgroup paths PATHS[0..N) name (NULL and non-pod
 * entries skipped), with their name and namespace where a runtime state
 * file under the root gives them: first by the container ID of the path,
 * then, for pods still unnamed, by reading the runtimes' state directories
 * (at most a few hundred files) for a matching pod UID.  Never fails; T is
 * left with UIDs only where nothing was readable. */
void live_kube_names(const struct live_root *r, const char *const *paths, size_t n, struct kube_names *t);

#endif
