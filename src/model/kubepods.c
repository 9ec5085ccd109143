/* kubepods.c — pod UID, QoS class and container ID from a cgroup path.
 *
 * Mirrors the names the kubelet (pkg/kubelet/cm/cgroup_manager_linux.go,
 * 1.10+: "kubepods", "burstable"/"besteffort", "pod" + UID; the systemd
 * driver escapes each level into a slice name, '-' in the UID becoming '_')
 * and the runtimes give their container cgroups: containerd's CRI plugin
 * "cri-containerd-<ID>.scope", CRI-O "crio-<ID>.scope" (and
 * "crio-conmon-<ID>.scope" for its monitor), Docker "docker-<ID>.scope";
 * with the cgroupfs driver the container cgroup is the bare ID.  Pure: no
 * file is read, nothing but OUT is written, and only on success. */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "model/kubepods.h"
#include "util/util.h"

struct comp {
	const char *s;
	size_t n;
};

static bool has_prefix(struct comp c, const char *p)
{
	size_t pn = strlen(p);
	return c.n >= pn && !memcmp(c.s, p, pn);
}

static bool has_suffix(struct comp c, const char *p)
{
	size_t pn = strlen(p);
	return c.n >= pn && !memcmp(c.s + c.n - pn, p, pn);
}

static bool is_hex(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (!((s[i] >= '0' && s[i] <= '9') || (s[i] >= 'a' && s[i] <= 'f')))
			return false;
	return true;
}

/* The kubepods root: "kubepods" (cgroupfs), "kubepods.slice" or, under a
 * --cgroup-root, "<root>-kubepods.slice". */
static bool is_root(struct comp c)
{
	return (c.n == 8 && !memcmp(c.s, "kubepods", 8)) || (c.n == 14 && !memcmp(c.s, "kubepods.slice", 14)) ||
	       has_suffix(c, "-kubepods.slice");
}

/* A pod UID: an API-server UUID (8-4-4-4-12 hex) or, for a static pod, the
 * kubelet's hash of its manifest (32 hex).  '_' was '-' in a slice name. */
static bool take_uid(const char *s, size_t n, bool systemd, char out[40])
{
	if (n != 36 && n != 32)
		return false;
	for (size_t i = 0; i < n; i++) {
		char ch = s[i];
		if (systemd && ch == '-')
			return false;   /* a level separator in a slice name, never in the UID */
		if (systemd && ch == '_')
			ch = '-';
		bool dash_place = n == 36 && (i == 8 || i == 13 || i == 18 || i == 23);
		if (dash_place ? ch != '-' : !is_hex(&ch, 1))
			return false;
		out[i] = ch;
	}
	out[n] = '\0';
	return true;
}

static bool take_id(const char *s, size_t n, char out[65])
{
	/* Runtimes use 64 hex digits; accept the short forms some tools print. */
	if (n < 12 || n > 64 || !is_hex(s, n))
		return false;
	memcpy(out, s, n);
	out[n] = '\0';
	return true;
}

static const struct {
	const char *prefix, *runtime;
} scopes[] = {
	{ "cri-containerd-", "containerd" },
	{ "crio-conmon-", "cri-o-conmon" },   /* before "crio-" */
	{ "crio-", "cri-o" },
	{ "docker-", "docker" },
};

static int parse_rooted(const char *path, size_t len, struct kubepods *out);

/* Seen from inside another cgroup namespace (a pod's own /proc/PID/cgroup
 * of a host process: a DaemonSet with hostPID), the path is relative to
 * the reader's cgroup and may lack the kubepods root:
 * "/../../kubepods-besteffort.slice/kubepods-besteffort-pod<UID>.slice/...".
 * The systemd driver's pod slice names itself (and its QoS class), so the
 * path is read again from that slice under a kubepods root. */
static int parse_unrooted(const char *path, size_t len, struct kubepods *out)
{
	const char *end = path + len;
	for (const char *p = path; p < end;) {
		const char *slash = memchr(p, '/', (size_t)(end - p));
		struct comp c = { p, (size_t)((slash ? slash : end) - p) };
		/* "[<root>-]kubepods[-burstable|-besteffort]-pod<UID>.slice" only */
		const char *pod = mem_find(c.s, c.n, "-pod");
		struct comp before = { c.s, pod ? (size_t)(pod - c.s) : 0 };
		bool kube_slice = pod && has_suffix(c, ".slice") &&
				  (has_suffix(before, "kubepods") || has_suffix(before, "kubepods-burstable") ||
				   has_suffix(before, "kubepods-besteffort")) &&
				  (before.n == 8 || before.n == 18 || before.n == 19 || mem_find(c.s, before.n, "-kubepods"));
		if (kube_slice) {
			char buf[600];
			size_t rest = (size_t)(end - p);
			if (rest + 16 > sizeof(buf))
				return -EINVAL;
			memcpy(buf, "/kubepods.slice/", 16);
			memcpy(buf + 16, p, rest);
			return parse_rooted(buf, rest + 16, out);
		}
		p = slash ? slash + 1 : end;
	}
	return -EINVAL;
}

int kubepods_parse(const char *path, size_t len, struct kubepods *out)
{
	int rc = parse_rooted(path, len, out);
	if (rc == -ENOENT)   /* no kubepods root at all: maybe seen from a pod */
		rc = parse_unrooted(path, len, out);
	return rc == 0 ? 0 : -EINVAL;
}

static int parse_rooted(const char *path, size_t len, struct kubepods *out)
{
	struct kubepods k;
	memset(&k, 0, sizeof(k));
	enum { ROOT, POD, CONTAINER, DONE } want = ROOT;
	bool qos_seen = false;
	const char *end = path + len;
	for (const char *p = path; p < end && want != DONE;) {
		const char *slash = memchr(p, '/', (size_t)(end - p));
		struct comp c = { p, (size_t)((slash ? slash : end) - p) };
		p = slash ? slash + 1 : end;
		if (c.n == 0)
			continue;
		switch (want) {
		case ROOT:
			if (is_root(c)) {
				k.systemd_driver = has_suffix(c, ".slice");
				want = POD;
			}
			break;
		case POD:
			if (k.systemd_driver) {
				/* kubepods-burstable.slice, then kubepods-burstable-pod<UID>.slice;
				 * a Guaranteed pod is kubepods-pod<UID>.slice right under the root. */
				if (!has_suffix(c, ".slice"))
					return -EINVAL;
				struct comp name = { c.s, c.n - 6 };
				const char *pod = NULL;
				for (size_t i = 0; i + 4 <= name.n; i++)
					if (!memcmp(name.s + i, "-pod", 4) && (i + 4 == name.n || name.s[i + 4] != '-'))
						pod = name.s + i;
				if (!pod) {
					if (qos_seen)
						return -EINVAL;
					if (has_suffix(name, "-burstable"))
						k.qos = KUBE_QOS_BURSTABLE;
					else if (has_suffix(name, "-besteffort"))
						k.qos = KUBE_QOS_BESTEFFORT;
					else
						return -EINVAL;
					qos_seen = true;
					break;
				}
				struct comp before = { name.s, (size_t)(pod - name.s) };
				if (has_suffix(before, "-burstable"))
					k.qos = KUBE_QOS_BURSTABLE;
				else if (has_suffix(before, "-besteffort"))
					k.qos = KUBE_QOS_BESTEFFORT;
				else if (qos_seen)
					return -EINVAL;   /* kubepods-burstable.slice/kubepods-pod…: not the kubelet's */
				if (!take_uid(pod + 4, (size_t)(name.s + name.n - pod - 4), true, k.pod_uid))
					return -EINVAL;
			} else {
				if (!qos_seen && c.n == 9 && !memcmp(c.s, "burstable", 9)) {
					k.qos = KUBE_QOS_BURSTABLE;
					qos_seen = true;
					break;
				}
				if (!qos_seen && c.n == 10 && !memcmp(c.s, "besteffort", 10)) {
					k.qos = KUBE_QOS_BESTEFFORT;
					qos_seen = true;
					break;
				}
				if (!has_prefix(c, "pod") || !take_uid(c.s + 3, c.n - 3, false, k.pod_uid))
					return -EINVAL;
			}
			want = CONTAINER;
			break;
		case CONTAINER:
			if (k.systemd_driver) {
				if (has_suffix(c, ".scope")) {
					for (size_t i = 0; i < sizeof(scopes) / sizeof(scopes[0]); i++) {
						size_t pn = strlen(scopes[i].prefix);
						if (has_prefix(c, scopes[i].prefix) &&
						    take_id(c.s + pn, c.n - pn - 6, k.container_id)) {
							str_copy(k.runtime, sizeof(k.runtime), scopes[i].runtime,
								 strlen(scopes[i].runtime));
							break;
						}
					}
				}
			} else {
				take_id(c.s, c.n, k.container_id);
			}
			/* Anything below the container (its own sub-cgroups) or an
			 * unknown name: the pod is still known. */
			want = DONE;
			break;
		case DONE:
			break;
		}
	}
	if (want == ROOT)
		return -ENOENT;
	if (want != CONTAINER && want != DONE)
		return -EINVAL;
	*out = k;
	return 0;
}

const char *kube_qos_name(enum kube_qos q)
{
	switch (q) {
	case KUBE_QOS_BURSTABLE:
		return "Burstable";
	case KUBE_QOS_BESTEFFORT:
		return "BestEffort";
	case KUBE_QOS_GUARANTEED:
		break;
	}
	return "Guaranteed";
}

const struct kube_pod_ref *kube_names_find(const struct kube_names *t, const char *uid)
{
	if (!t || !uid[0])
		return NULL;
	for (int i = 0; i < t->n && i < KUBE_NAMES_MAX; i++)
		if (!strcmp(t->v[i].uid, uid))
			return &t->v[i];
	return NULL;
}

size_t kube_describe(char *dst, size_t cap, const char *path, size_t len, const struct kube_names *names)
{
	struct kubepods k;
	if (cap == 0)
		return 0;
	dst[0] = '\0';
	if (!path || kubepods_parse(path, len, &k) != 0)
		return 0;
	const struct kube_pod_ref *r = kube_names_find(names, k.pod_uid);
	int n;
	if (r && r->name[0])
		n = snprintf(dst, cap, "pod %s%s%s (%s, uid %s)", r->ns, r->ns[0] ? "/" : "", r->name,
			     kube_qos_name(k.qos), k.pod_uid);
	else
		n = snprintf(dst, cap, "pod %s (%s)", k.pod_uid, kube_qos_name(k.qos));
	if (n >= 0 && (size_t)n < cap && k.container_id[0])
		n += snprintf(dst + n, cap - (size_t)n, ", container %.12s", k.container_id);
	if (n < 0)
		n = 0;
	return (size_t)n < cap ? (size_t)n : strlen(dst);
}

void kube_json(struct json *j, const char *key, const char *path, const struct kube_names *names)
{
	struct kubepods k;
	if (!path || kubepods_parse(path, strlen(path), &k) != 0) {
		json_null(j, key);
		return;
	}
	const struct kube_pod_ref *r = kube_names_find(names, k.pod_uid);
	json_obj_begin(j, key);
	json_str(j, "pod_uid", k.pod_uid);
	json_str(j, "qos", kube_qos_name(k.qos));
	json_str(j, "container_id", k.container_id[0] ? k.container_id : NULL);
	json_str(j, "runtime", k.runtime[0] ? k.runtime : NULL);
	json_str(j, "pod_name", r && r->name[0] ? r->name : NULL);
	json_str(j, "namespace", r && r->ns[0] ? r->ns : NULL);
	json_obj_end(j);
}

bool kube_prom_info(FILE *f, const char *scope, const char *path)
{
	struct kubepods k;
	if (!path || kubepods_parse(path, strlen(path), &k) != 0)
		return false;
	fputs("oomkit_scope_info{scope=\"", f);
	escape_prom_label(f, scope, strlen(scope));
	/* hex, '-' and a fixed QoS name: nothing to escape */
	fprintf(f, "\",pod_uid=\"%s\",qos=\"%s\",container_id=\"%s\"} 1\n", k.pod_uid, kube_qos_name(k.qos),
		k.container_id);
	return true;
}
