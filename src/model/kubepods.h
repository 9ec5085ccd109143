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

#endif
