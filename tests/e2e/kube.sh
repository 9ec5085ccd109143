#!/usr/bin/env bash
# Kubernetes pods named from local state (issue 13): a fake root (--root)
# with a kubelet's cgroup v2 tree (systemd driver, a Burstable pod, a
# containerd container), the process of that container in proc/, and
# containerd's state file of the container (the OCI spec with the CRI
# annotations).  top and status must name the pod (namespace/name), its QoS
# class and the container; with the state file gone, the pod's UID only.
. "$(dirname "$0")/lib.sh"
: "${OOMKIT:?}"
src=$(cd "$(dirname "$0")/../.." && pwd)

root=$E2E_TMP/root
uid=0f5a7c1e-8d2b-4a57-9d8e-3c4b5a6f7e81
id=7d1a2f9c3b4e5d6f708192a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7
cp -r "$src/tests/fixtures/oc-always-noswap/." "$root/" 2>/dev/null || { mkdir -p "$root"; cp -r "$src/tests/fixtures/oc-always-noswap/." "$root/"; }
cg=$root/sys/fs/cgroup
rel=kubepods.slice/kubepods-burstable.slice/kubepods-burstable-pod${uid//-/_}.slice/cri-containerd-$id.scope
mkdir -p "$cg/$rel"
echo "cpu memory pids" > "$cg/cgroup.controllers"
d=$cg
for part in ${rel//\// }; do
	d=$d/$part
	echo "cpu memory" > "$d/cgroup.controllers"
	echo max > "$d/memory.max"
	echo 1048576 > "$d/memory.current"
	printf 'low 0\nhigh 0\nmax 3\noom 1\noom_kill 1\n' > "$d/memory.events"
	: > "$d/cgroup.procs"
done
echo 268435456 > "$cg/$rel/memory.max"
echo 250000000 > "$cg/$rel/memory.current"
echo 1 > "$cg/$rel/cgroup.procs"
echo "0::/$rel" > "$root/proc/1/cgroup"
state=$root/run/containerd/io.containerd.runtime.v2.task/k8s.io/$id
mkdir -p "$state"
cp "$src/tests/fixtures/kube/containerd-config.json" "$state/config.json"

"$OOMKIT" top --root "$root" > "$E2E_TMP/top.txt"
check "top: the row names the pod, its QoS and container" \
	grep -q "pod shop/web-0 (Burstable, uid $uid), container ${id:0:12}" "$E2E_TMP/top.txt"
"$OOMKIT" top --root "$root" --json > "$E2E_TMP/top.json"
check_py "top --json: kube object with pod name and namespace" - "$E2E_TMP/top.json" "$uid" "$id" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
ks = [t["kube"] for t in d["tasks"] if t.get("kube")]
assert ks, "no task with a kube object"
k = ks[0]
assert k == {"pod_uid": sys.argv[2], "qos": "Burstable", "container_id": sys.argv[3], "runtime": "containerd",
             "pod_name": "web-0", "namespace": "shop"}, k
PY
"$OOMKIT" status --root "$root" --no-log > "$E2E_TMP/status.txt"
check "status: the memory-cgroup section names the pod" \
	grep -q "cri-containerd-$id.scope = pod shop/web-0 (Burstable" "$E2E_TMP/status.txt"
"$OOMKIT" status --root "$root" --no-log --json > "$E2E_TMP/status.json"
check_py "status --json: memory_cgroups.fullest[].kube names the pod" - "$E2E_TMP/status.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
k = [c["kube"] for c in d["memory_cgroups"]["fullest"] if c["kube"]]
assert k and k[0]["pod_name"] == "web-0" and k[0]["namespace"] == "shop", k
PY

# The pod's own cgroup (no container in the path): found by UID in the state dir.
echo "0::/${rel%/*}" > "$root/proc/1/cgroup"
"$OOMKIT" top --root "$root" > "$E2E_TMP/top2.txt"
check "top: a pod-level cgroup named by the pod UID in the runtime's state" \
	grep -q "pod shop/web-0 (Burstable, uid $uid)\$" "$E2E_TMP/top2.txt"

# No state file: the UID only, never a guess.
rm -rf "$root/run"
echo "0::/$rel" > "$root/proc/1/cgroup"
"$OOMKIT" top --root "$root" > "$E2E_TMP/top3.txt"
check "top without runtime state: the pod's UID" grep -q "pod $uid (Burstable), container ${id:0:12}" "$E2E_TMP/top3.txt"
check "top without runtime state: no name" sh -c "! grep -q 'web-0' '$E2E_TMP/top3.txt'"

# A hostile pod name in the state file never reaches the terminal raw.
mkdir -p "$state"
printf '{"annotations":{"io.kubernetes.cri.sandbox-name":"web\\u001b[31m","io.kubernetes.cri.sandbox-uid":"%s"}}' "$uid" > "$state/config.json"
"$OOMKIT" top --root "$root" > "$E2E_TMP/top4.txt"
check "a pod name that is not a DNS name is dropped (no escape byte out)" sh -c "! grep -q \$'\\033' '$E2E_TMP/top4.txt'"

# explain on a real report from a Kubernetes node (tests/corpus/R008: a
# Burstable pod at its limit, cgroup v1, systemd driver).
log=$(ls "$src"/tests/corpus/R008-*.log)
puid=b0b4b9ab-69ac-45c9-ba1d-25c0bc5c9e0d
"$OOMKIT" explain "$log" > "$E2E_TMP/x.txt" 2>/dev/null
check "explain: the memcg's pod UID and QoS" grep -q "Kubernetes: pod $puid (Burstable)\$" "$E2E_TMP/x.txt"
check "explain: the victim's container" grep -q "Kubernetes: pod $puid (Burstable), container " "$E2E_TMP/x.txt"
"$OOMKIT" explain --json "$log" > "$E2E_TMP/x.json" 2>/dev/null
check_py "explain --json: memcg.kube and memcg.task_kube" - "$E2E_TMP/x.json" "$puid" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
ev = d["events"][0] if isinstance(d, dict) and "events" in d else (d[0] if isinstance(d, list) else d)
m = ev["memcg"]
assert m["kube"]["pod_uid"] == sys.argv[2] and m["kube"]["qos"] == "Burstable", m["kube"]
assert m["kube"]["container_id"] is None
assert m["task_kube"]["pod_uid"] == sys.argv[2] and len(m["task_kube"]["container_id"]) == 64, m["task_kube"]
PY
"$OOMKIT" explain --summary "$log" > "$E2E_TMP/s.txt" 2>/dev/null
check "explain --summary: the pod on the event's line" grep -q "memcg-limit .*pod $puid (Burstable), container" "$E2E_TMP/s.txt"
"$OOMKIT" explain --html "$log" > "$E2E_TMP/x.html" 2>/dev/null
check "explain --html: the pod in the constraint" grep -q "Kubernetes: pod $puid (Burstable)" "$E2E_TMP/x.html"

# An incident of the guard for a pod's cgroup, read back by explain.
sed 's#"name": "/sys/fs/cgroup/memory/process_api/[^"]*"#"name": "/sys/fs/cgroup/'"$rel"'"#' \
	"$src/tests/fixtures/incidents/guard-kill.json" > "$E2E_TMP/inc.json"
"$OOMKIT" explain "$E2E_TMP/inc.json" > "$E2E_TMP/inc.txt" 2>/dev/null
check "explain of a guard incident: the scope's pod" \
	grep -q "Kubernetes: pod $uid (Burstable), container ${id:0:12}" "$E2E_TMP/inc.txt"
"$OOMKIT" explain --json "$E2E_TMP/inc.json" > "$E2E_TMP/inc.out.json" 2>/dev/null
check "explain --json of a guard incident: scope.kube" grep -q "\"pod_uid\": \"$uid\"" "$E2E_TMP/inc.out.json"
finish
