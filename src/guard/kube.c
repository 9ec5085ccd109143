/* kube.c — the guard's Kubernetes fields: the pod, QoS class and container
 * of the scope's cgroup and of the victim's, in events and incidents.  The
 * victim's cgroup is read from /proc/PID/cgroup when it is chosen
 * (guard_kube_note, before any signal: after the kill the process may be
 * gone) and kept here until the event and incident are written.  The pod's
 * name and namespace come from the container runtime's state files
 * (live/kube.c), read only when a path names a pod and only when the
 * evidence is written, after the signal: never on the way to a kill. */
#include <stdio.h>
#include <string.h>

#include "guard/guard.h"
#include "live/kube.h"
#include "live/live.h"
#include "model/kubepods.h"
#include "util/util.h"

static struct {
	int64_t pid;
	char cgroup[OOM_PATH_LEN];
} noted = { -1, "" };

void guard_kube_note(int proc_dirfd, int64_t pid)
{
	char path[48], text[2048];
	noted.pid = pid;
	noted.cgroup[0] = '\0';
	snprintf(path, sizeof(path), "%lld/cgroup", (long long)pid);
	ssize_t n = read_small_file_at(proc_dirfd, path, text, sizeof(text));
	if (n <= 0 || live_parse_pid_cgroup(text, (size_t)n, noted.cgroup, sizeof(noted.cgroup)) != 0)
		noted.cgroup[0] = '\0';
}

const char *guard_kube_cgroup(int64_t pid)
{
	return pid == noted.pid && noted.cgroup[0] ? noted.cgroup : NULL;
}

/* Pod names for the two paths, looked up once per pair (one kill writes
 * its event, its incident and maybe an unkillable event with the same). */
static const char *names_root;           /* NULL: "/" (guard_kube_set_root: tests) */
static struct {
	bool open, tried;
	struct live_root root;
	char key[2][OOM_PATH_LEN];
	struct kube_names t;
} nm;

void guard_kube_set_root(const char *path)
{
	if (nm.open)
		live_root_close(&nm.root);
	memset(&nm, 0, sizeof(nm));
	names_root = path;
}

static const struct kube_names *names_for(const char *a, const char *b)
{
	struct kubepods kp;
	bool pod = (a && kubepods_parse(a, strlen(a), &kp) == 0) || (b && kubepods_parse(b, strlen(b), &kp) == 0);
	if (!pod)
		return NULL;
	if (!nm.tried) {
		nm.tried = true;
		nm.open = live_root_open(&nm.root, names_root) == 0;
	}
	if (!nm.open)
		return NULL;
	if (strcmp(nm.key[0], a ? a : "") || strcmp(nm.key[1], b ? b : "") || !nm.t.n) {
		str_copy(nm.key[0], sizeof(nm.key[0]), a ? a : "", a ? strlen(a) : 0);
		str_copy(nm.key[1], sizeof(nm.key[1]), b ? b : "", b ? strlen(b) : 0);
		memset(&nm.t, 0, sizeof(nm.t));
		const char *paths[2] = { a, b };
		live_kube_names(&nm.root, paths, 2, &nm.t);
	}
	return &nm.t;
}

void guard_kube_json(struct json *j, const char *scope_name, int64_t victim_pid)
{
	const char *cg = victim_pid >= 0 ? guard_kube_cgroup(victim_pid) : NULL;
	const struct kube_names *t = names_for(scope_name, cg);
	if (scope_name)
		kube_json(j, "kube", scope_name, t);
	if (victim_pid < 0)
		return;
	json_str(j, "victim_cgroup", cg);
	kube_json(j, "victim_kube", cg, t);
}
