/* kube.c — the guard's Kubernetes fields (issue 13): the pod, QoS class and
 * container of the scope's cgroup and of the victim's, in events and
 * incidents.  The victim's cgroup is read from /proc/PID/cgroup when it is
 * chosen (guard_kube_note, before any signal: after the kill the process
 * may be gone) and kept here until the event and incident are written.  No
 * allocation (the guard's loop); pod names are not looked up here (the
 * runtimes' state files are for top and status, not for the daemon's
 * loop): UID, QoS and container ID only. */
#include <stdio.h>
#include <string.h>

#include "guard/guard.h"
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

void guard_kube_json(struct json *j, const char *scope_name, int64_t victim_pid)
{
	if (scope_name)
		kube_json(j, "kube", scope_name, NULL);
	if (victim_pid < 0)
		return;
	const char *cg = guard_kube_cgroup(victim_pid);
	json_str(j, "victim_cgroup", cg);
	kube_json(j, "victim_kube", cg, NULL);
}
