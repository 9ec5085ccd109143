/* fuzz_kubepods.c — model/kubepods.c on hostile cgroup paths.  The input is
 * the path (LEN bytes, no NUL needed).  On success the strings must be
 * terminated, the UID canonical and the container ID hex; on -EINVAL the
 * output must be untouched; nothing else may be returned. */
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "model/kubepods.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct kubepods k, before;
	memset(&k, 0xa5, sizeof(k));
	before = k;
	int rc = kubepods_parse((const char *)data, size, &k);
	if (rc == -EINVAL) {
		if (memcmp(&k, &before, sizeof(k)))
			abort();
		return 0;
	}
	if (rc != 0)
		abort();
	size_t ul = strnlen(k.pod_uid, sizeof(k.pod_uid));
	size_t cl = strnlen(k.container_id, sizeof(k.container_id));
	if (ul == sizeof(k.pod_uid) || (ul != 32 && ul != 36) || cl == sizeof(k.container_id) ||
	    strnlen(k.runtime, sizeof(k.runtime)) == sizeof(k.runtime))
		abort();
	if (strspn(k.pod_uid, "0123456789abcdef-") != ul || strspn(k.container_id, "0123456789abcdef") != cl)
		abort();
	if (k.qos != KUBE_QOS_GUARANTEED && k.qos != KUBE_QOS_BURSTABLE && k.qos != KUBE_QOS_BESTEFFORT)
		abort();
	if (!memmem(data, size, "kubepods", 8))
		abort();
	return 0;
}
