/* fuzz_kubestate.c — live/parse_kubestate.c on hostile runtime state files
 * (seeds: fuzz/seeds/kubestate/, the shapes of containerd's, CRI-O's and
 * Docker's files).  On success the strings are terminated and the name is
 * a plausible DNS name; on -EINVAL the output is untouched. */
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "live/kube.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct kube_state k, before;
	memset(&k, 0xa5, sizeof(k));
	before = k;
	int rc = live_parse_kubestate((const char *)data, size, &k);
	if (rc == -EINVAL) {
		if (memcmp(&k, &before, sizeof(k)))
			abort();
		return 0;
	}
	if (rc != 0)
		abort();
	size_t nl = strnlen(k.pod_name, sizeof(k.pod_name));
	if (nl == 0 || nl == sizeof(k.pod_name) || strnlen(k.pod_namespace, sizeof(k.pod_namespace)) == sizeof(k.pod_namespace) ||
	    strnlen(k.pod_uid, sizeof(k.pod_uid)) == sizeof(k.pod_uid))
		abort();
	if (strspn(k.pod_name, "abcdefghijklmnopqrstuvwxyz0123456789-._") != nl)
		abort();
	return 0;
}
