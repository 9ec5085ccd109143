/* kube.c — pod names from the container runtimes' state files under the
 * root (see live/kube.h): the I/O around live_parse_kubestate.  Only files;
 * no socket, no API server. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "live/kube.h"
#include "util/util.h"

/* Per runtime: its state directory (relative to the root) and the state
 * file of container <ID> inside it. */
static const struct {
	const char *dir, *file;
} runtimes[] = {
	{ "run/containerd/io.containerd.runtime.v2.task/k8s.io", "config.json" },
	{ "run/containers/storage/overlay-containers", "userdata/config.json" },
	{ "var/lib/docker/containers", "config.v2.json" },
};

/* Bounds the directory walk on a busy node (a few hundred containers). */
#define KUBE_SCAN_MAX 512

static int read_state(const struct live_root *r, int rt, const char *id, size_t idlen, struct buf *b,
		      struct kube_state *out)
{
	char rel[512];
	int n = snprintf(rel, sizeof(rel), "%s/%.*s/%s", runtimes[rt].dir, (int)idlen, id, runtimes[rt].file);
	if (n < 0 || (size_t)n >= sizeof(rel))
		return -ENAMETOOLONG;
	ssize_t got = live_read_file(r, rel, b);
	if (got < 0)
		return (int)got;
	return live_parse_kubestate(b->data, b->len, out);
}

static struct kube_pod_ref *entry_of(struct kube_names *t, const char *uid)
{
	for (int i = 0; i < t->n; i++)
		if (!strcmp(t->v[i].uid, uid))
			return &t->v[i];
	if (t->n >= KUBE_NAMES_MAX)
		return NULL;
	struct kube_pod_ref *e = &t->v[t->n++];
	memset(e, 0, sizeof(*e));
	str_copy(e->uid, sizeof(e->uid), uid, strlen(uid));
	return e;
}

static void name_it(struct kube_pod_ref *e, const struct kube_state *ks)
{
	str_copy(e->name, sizeof(e->name), ks->pod_name, strlen(ks->pod_name));
	str_copy(e->ns, sizeof(e->ns), ks->pod_namespace, strlen(ks->pod_namespace));
}

static int unnamed(const struct kube_names *t)
{
	int n = 0;
	for (int i = 0; i < t->n; i++)
		n += !t->v[i].name[0];
	return n;
}

void live_kube_names(const struct live_root *r, const char *const *paths, size_t n, struct kube_names *t)
{
	struct buf b = BUF_INIT;
	struct kube_state ks;
	for (size_t i = 0; i < n; i++) {
		struct kubepods k;
		if (!paths[i] || kubepods_parse(paths[i], strlen(paths[i]), &k) != 0)
			continue;
		struct kube_pod_ref *e = entry_of(t, k.pod_uid);
		if (!e || e->name[0] || strlen(k.container_id) != 64)
			continue;
		/* The file of this container; its pod UID, when the file says
		 * one, must be the path's (an ID reused by another runtime). */
		for (size_t rt = 0; rt < ARRAY_SIZE(runtimes); rt++)
			if (read_state(r, (int)rt, k.container_id, 64, &b, &ks) == 0 &&
			    (!ks.pod_uid[0] || !strcmp(ks.pod_uid, e->uid))) {
				name_it(e, &ks);
				break;
			}
	}
	/* A pod's own cgroup (no container in the path), or a container whose
	 * file was not found: any container of the pod names it, found by UID. */
	int scanned = 0;
	for (size_t rt = 0; rt < ARRAY_SIZE(runtimes) && unnamed(t) > 0 && scanned < KUBE_SCAN_MAX; rt++) {
		int dfd = openat(r->dirfd, runtimes[rt].dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
		if (dfd < 0)
			continue;
		DIR *d = fdopendir(dfd);
		if (!d) {
			close(dfd);
			continue;
		}
		struct dirent *de;
		while ((de = readdir(d)) && scanned < KUBE_SCAN_MAX) {
			size_t dl = strlen(de->d_name);
			if (dl < 12 || dl > 64 || strspn(de->d_name, "0123456789abcdef") != dl)
				continue;
			scanned++;
			if (read_state(r, (int)rt, de->d_name, dl, &b, &ks) != 0 || !ks.pod_uid[0])
				continue;
			for (int i = 0; i < t->n; i++)
				if (!t->v[i].name[0] && !strcmp(t->v[i].uid, ks.pod_uid))
					name_it(&t->v[i], &ks);
		}
		closedir(d);
	}
	buf_release(&b);
}
