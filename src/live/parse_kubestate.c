/* parse_kubestate.c — a container runtime's per-container state file (an
 * OCI runtime spec's "annotations", or Docker's config.v2.json
 * "Config"."Labels") → the pod's name, namespace and UID.  See live/kube.h
 * for which runtime writes which keys.  Pure: text in, struct out. */
#include <errno.h>
#include <string.h>

#include "live/kube.h"
#include "util/jsonread.h"

/* The first of KEYS present as a string member of OBJ, into DST; "" when none. */
static void first_of(struct jr obj, const char *const *keys, char *dst, size_t cap)
{
	dst[0] = '\0';
	for (; *keys; keys++) {
		struct jr v;
		if (jr_get(obj, *keys, &v) == 0 && jr_str_copy(v, dst, cap) == 0 && dst[0])
			return;
		dst[0] = '\0';
	}
}

/* A name as the API server allows it (DNS-1123 subdomain / label, with '_'
 * tolerated): anything else is not what a kubelet wrote and is dropped. */
static bool plausible(const char *s)
{
	size_t n = strlen(s);
	return n > 0 && strspn(s, "abcdefghijklmnopqrstuvwxyz0123456789-._") == n;
}

int live_parse_kubestate(const char *text, size_t len, struct kube_state *out)
{
	static const char *const name_keys[] = { "io.kubernetes.cri.sandbox-name", "io.kubernetes.pod.name", NULL };
	static const char *const ns_keys[] = { "io.kubernetes.cri.sandbox-namespace", "io.kubernetes.pod.namespace",
					       NULL };
	static const char *const uid_keys[] = { "io.kubernetes.cri.sandbox-uid", "io.kubernetes.pod.uid", NULL };
	struct jr doc, obj, cfg;
	if (!text || jr_doc(text, len, &doc) != 0)
		return -EINVAL;
	/* An OCI spec (containerd, CRI-O), else Docker's container config. */
	if (jr_get(doc, "annotations", &obj) != 0 &&
	    (jr_get(doc, "Config", &cfg) != 0 || jr_get(cfg, "Labels", &obj) != 0))
		return -EINVAL;
	struct kube_state k;
	first_of(obj, name_keys, k.pod_name, sizeof(k.pod_name));
	first_of(obj, ns_keys, k.pod_namespace, sizeof(k.pod_namespace));
	first_of(obj, uid_keys, k.pod_uid, sizeof(k.pod_uid));
	if (!plausible(k.pod_name))
		return -EINVAL;
	if (k.pod_namespace[0] && !plausible(k.pod_namespace))
		k.pod_namespace[0] = '\0';
	if (k.pod_uid[0] && strspn(k.pod_uid, "0123456789abcdef-") != strlen(k.pod_uid))
		k.pod_uid[0] = '\0';
	*out = k;
	return 0;
}
