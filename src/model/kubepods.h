/* kubepods.h — a Kubernetes pod and container named by the path of their
 * cgroup, as the kubelet lays it out (pkg/kubelet/cm: cgroup_manager_linux.go
 * and qos_container_manager_linux.go; runtimes: containerd, CRI-O, Docker).
 *
 *   systemd driver (cgroup v1 and v2):
 *     /kubepods.slice/kubepods-burstable.slice/
 *         kubepods-burstable-pod<UID, '-' as '_'>.slice/cri-containerd-<ID>.scope
 *     /kubepods.slice/kubepods-pod<UID>.slice/crio-<ID>.scope     (Guaranteed)
 *   cgroupfs driver:
 *     /kubepods/besteffort/pod<UID>/<ID>
 *     /kubepods/pod<UID>/<ID>                                      (Guaranteed)
 *
 * The path may carry a mount prefix (/sys/fs/cgroup/memory/...) or a
 * kubelet --cgroup-root (kind: /kubelet.slice/kubelet-kubepods.slice/...). */
#ifndef OOMKIT_KUBEPODS_H
#define OOMKIT_KUBEPODS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

enum kube_qos { KUBE_QOS_GUARANTEED, KUBE_QOS_BURSTABLE, KUBE_QOS_BESTEFFORT };

struct kubepods {
	char pod_uid[40];        /* canonical, with '-': "0f5a7c1e-8d2b-4a57-9d8e-3c4b5a6f7e81" */
	enum kube_qos qos;
	bool systemd_driver;     /* *.slice / *.scope names, else cgroupfs */
	char container_id[65];   /* hex, "" for the pod's own cgroup */
	char runtime[16];        /* "containerd", "cri-o", "cri-o-conmon", "docker"; "" when the
				    name does not say (cgroupfs driver) */
};

/* Parses a cgroup path (LEN bytes, need not be NUL-terminated).  0 when it
 * names a pod (and maybe a container in it); -EINVAL when it does not
 * (not under kubepods, or the kubepods/QoS level itself); OUT untouched then. */
int kubepods_parse(const char *path, size_t len, struct kubepods *out);

/* "Guaranteed", "Burstable", "BestEffort" (the pod's status.qosClass). */
const char *kube_qos_name(enum kube_qos q);

/* ---- naming a pod wherever a cgroup path is shown ----------------------
 * The pod's name and namespace, when a local source gave them (the
 * container runtime's state files: live/kube.c); keyed by pod UID.  Filled
 * by the commands that read the machine; renderers only look up. */
struct kube_pod_ref {
	char uid[40];
	char name[254];          /* a DNS-1123 subdomain: at most 253 */
	char ns[64];             /* a DNS-1123 label: at most 63 */
};
#define KUBE_NAMES_MAX 64
struct kube_names {
	struct kube_pod_ref v[KUBE_NAMES_MAX];
	int n;
};
/* The entry of UID, NULL when T is NULL or has none. */
const struct kube_pod_ref *kube_names_find(const struct kube_names *t, const char *uid);

/* The one wording every sink uses for a cgroup path that names a pod:
 *   "pod <uid> (Burstable), container <first 12 of the ID>"
 *   "pod <namespace>/<name> (Burstable, uid <uid>), container <id12>"
 * (", container ..." only when the path names one).  Writes DST
 * (NUL-terminated, cut to CAP) and returns its length; 0 and "" when PATH
 * names no pod.  The result holds outside text (the pod's name): the
 * caller passes it through its sink's escaper. */
size_t kube_describe(char *dst, size_t cap, const char *path, size_t len, const struct kube_names *names);

/* The same as a JSON member KEY: an object {pod_uid, qos, container_id,
 * runtime, pod_name, namespace} (unknowns null), or null when PATH (may be
 * NULL) names no pod. */
struct json;
void kube_json(struct json *j, const char *key, const char *path, const struct kube_names *names);

/* One sample of the info metric oomkit_scope_info (guard and status
 * --metrics): `oomkit_scope_info{scope="SCOPE",pod_uid=…,qos=…,
 * container_id=…} 1` when PATH names a pod; nothing and false otherwise.
 * SCOPE goes through escape_prom_label; the parsed values need none. */
bool kube_prom_info(FILE *f, const char *scope, const char *path);

#endif
