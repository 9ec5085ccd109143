#!/usr/bin/env bash
# dist/kubernetes/oomkit-daemonset.yaml (issue 13): parsed as YAML
# (python3-yaml) and checked for what a node needs: apps/v1 DaemonSet whose
# selector matches its template, hostPID, host /sys/fs/cgroup and /dev/kmsg
# read-only, not privileged (capabilities dropped, only the guard's added),
# the container port = the ConfigMap's `metrics =` port, resources set,
# tolerations; and the ConfigMap's guard.conf accepted by
# `oomkit guard --check-config`.  (kubectl's --dry-run=client still fetches
# the schema from an API server, so it is not used here.)
. "$(dirname "$0")/lib.sh"
: "${OOMKIT:?}"
src=$(cd "$(dirname "$0")/../.." && pwd)
manifest=$src/dist/kubernetes/oomkit-daemonset.yaml

if ! python3 -c 'import yaml' 2>/dev/null; then
	skip "python3-yaml not installed (Debian: python3-yaml): the DaemonSet is not checked"
	finish
	exit $?
fi
check "the manifest: the DaemonSet's required fields" python3 - "$manifest" "$E2E_TMP/guard.conf" <<'PY'
import re, sys, yaml
docs = [d for d in yaml.safe_load_all(open(sys.argv[1])) if d]
kinds = {d["kind"]: d for d in docs}
ds, cm = kinds["DaemonSet"], kinds["ConfigMap"]
assert ds["apiVersion"] == "apps/v1", ds["apiVersion"]
assert cm["metadata"]["namespace"] == ds["metadata"]["namespace"]
spec = ds["spec"]
sel = spec["selector"]["matchLabels"]
labels = spec["template"]["metadata"]["labels"]
assert sel and all(labels.get(k) == v for k, v in sel.items()), ("selector does not match the template", sel, labels)
pod = spec["template"]["spec"]
assert pod["hostPID"] is True, "hostPID"
assert not pod.get("hostNetwork"), "hostNetwork is not needed"
assert any(t.get("operator") == "Exists" for t in pod.get("tolerations", [])), "tolerations: every node"
vols = {v["name"]: v for v in pod["volumes"]}
[c] = pod["containers"]
sc = c["securityContext"]
assert sc.get("privileged") is False and sc.get("allowPrivilegeEscalation") is False, "not privileged"
assert sc.get("readOnlyRootFilesystem") is True
assert sc["capabilities"]["drop"] == ["ALL"], sc["capabilities"]
assert set(sc["capabilities"]["add"]) == {"KILL", "SYS_PTRACE", "DAC_READ_SEARCH", "SYS_RESOURCE", "IPC_LOCK", "SYSLOG"}, sc["capabilities"]["add"]
mounts = {m["mountPath"]: m for m in c["volumeMounts"]}
for path in ("/sys/fs/cgroup", "/dev/kmsg"):
    m = mounts[path]
    assert m.get("readOnly") is True, path + " must be read-only"
    assert vols[m["name"]]["hostPath"]["path"] == path, path
for m in c["volumeMounts"]:
    hp = vols[m["name"]].get("hostPath")
    if hp and hp["path"] in ("/proc", "/sys", "/sys/fs/cgroup", "/dev/kmsg"):
        assert m.get("readOnly") is True, hp["path"]
assert mounts["/etc/oomkit"]["readOnly"] is True
conf = cm["data"]["guard.conf"]
open(sys.argv[2], "w").write(conf)
m = re.search(r'^\s*metrics\s*=\s*"?([0-9.:\[\]a-z]+):(\d+)"?\s*$', conf, re.M)
assert m, "no metrics = ADDR:PORT in the ConfigMap"
port = int(m.group(2))
ports = [p["containerPort"] for p in c["ports"]]
assert ports == [port], (ports, port)
ann = spec["template"]["metadata"].get("annotations", {})
assert ann.get("prometheus.io/port") == str(port), ann
probe = c["livenessProbe"]["httpGet"]
assert probe["port"] in ("metrics", port) and probe["path"] == "/metrics"
res = c["resources"]
for k in ("requests", "limits"):
    assert res[k]["cpu"] and res[k]["memory"], k
assert res["requests"] == res["limits"], "Guaranteed QoS: requests = limits"
assert re.search(r'^\s*dry-run\s*=\s*yes\s*$', conf, re.M), "starts in dry-run mode"
assert "--config" in c["command"] and "/etc/oomkit/guard.conf" in c["command"]
PY
"$OOMKIT" guard --config "$E2E_TMP/guard.conf" --check-config > "$E2E_TMP/check.txt" 2>&1
check "the ConfigMap's guard.conf passes oomkit guard --check-config" test $? -eq 0
check "--check-config: dry-run on, metrics on the pod's port" \
	sh -c "grep -q '^dry-run = yes' '$E2E_TMP/check.txt' && grep -q '^metrics = \"0.0.0.0:9788\"' '$E2E_TMP/check.txt'"
finish
