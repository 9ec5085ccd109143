#!/usr/bin/env bash
# oomkit status --metrics (issue 13): Prometheus text for node_exporter's
# textfile collector on machines without a guard.  promtool accepts it, the
# names are the guard's, the file is replaced atomically, and a captured tree
# with a Kubernetes pod's memory cgroup that had OOM kills gives the
# per-cgroup counter and oomkit_scope_info.
. "$(dirname "$0")/lib.sh"
: "${OOMKIT:?}"
src=$(cd "$(dirname "$0")/../.." && pwd)

# /proc/vmstat's oom_kill is the machine's: an OOM kill elsewhere (the other
# make check lane's hogs, another user) may move it while status runs, so
# the metric must lie between the counter read before and after.
kills_before=$(awk '$1=="oom_kill"{print $2}' /proc/vmstat)
"$OOMKIT" status --metrics > "$E2E_TMP/host.prom"; rc=$?
kills_after=$(awk '$1=="oom_kill"{print $2}' /proc/vmstat)
check "status --metrics exits 0" test $rc -eq 0
check "host: the machine's available memory, under the guard's name" \
	grep -Eq '^oomkit_available_bytes\{scope="machine"\} [0-9]+$' "$E2E_TMP/host.prom"
if grep -q '^oom_kill ' /proc/vmstat; then
	kills=$(sed -n 's/^oomkit_kernel_oom_kills_total{scope="machine"} \([0-9][0-9]*\)$/\1/p' "$E2E_TMP/host.prom")
	check "host: kernel OOM kills from /proc/vmstat oom_kill ($kills_before <= ${kills:-none} <= $kills_after)" \
		test -n "$kills" -a "${kills:-0}" -ge "$kills_before" -a "${kills:-0}" -le "$kills_after"
else
	skip "no oom_kill in /proc/vmstat (kernel < 4.13)"
fi
if command -v promtool >/dev/null; then
	check "promtool check metrics (host)" sh -c "promtool check metrics < '$E2E_TMP/host.prom'"
else
	skip "promtool not installed (Debian: prometheus): exposition not checked"
fi
check "--help names --metrics" sh -c "'$OOMKIT' status --help | grep -q -- '--metrics'"
"$OOMKIT" status --metrics --json >/dev/null 2>&1
check "--metrics with --json: usage error (exit 2)" test $? -eq 2

# Atomic: FILE.tmp then rename; an old file is replaced whole, no .tmp left.
out=$E2E_TMP/textfile/oomkit.prom
mkdir -p "$E2E_TMP/textfile"
echo "old" > "$out"
ino_before=$(stat -c %i "$out")
"$OOMKIT" status --metrics="$out"
check "--metrics=FILE: written" grep -q '^oomkit_status_timestamp_seconds ' "$out"
check "--metrics=FILE: replaced by rename (new inode)" test "$(stat -c %i "$out")" != "$ino_before"
check "--metrics=FILE: no temporary left" test ! -e "$out.tmp"
"$OOMKIT" status --metrics -o "$E2E_TMP/textfile/o.prom"
check "--metrics -o FILE: written too" grep -q '^oomkit_limit_bytes{scope="machine"}' "$E2E_TMP/textfile/o.prom"
"$OOMKIT" status --metrics="$E2E_TMP/no/such/dir/x.prom" 2>/dev/null
check "--metrics=FILE in a missing directory: exit 1" test $? -eq 1

# A captured tree: a pod's memory cgroup (cgroup v2, systemd driver) with kills.
root=$E2E_TMP/root
mkdir -p "$root"
cp -r "$src/tests/fixtures/oc-always-noswap/." "$root/"
uid_=0f5a7c1e_8d2b_4a57_9d8e_3c4b5a6f7e81
rel=kubepods.slice/kubepods-burstable.slice/kubepods-burstable-pod$uid_.slice
cg=$root/sys/fs/cgroup
mkdir -p "$cg/$rel"
echo "cpu memory pids" > "$cg/cgroup.controllers"
d=$cg
for part in ${rel//\// }; do
	d=$d/$part
	echo "memory" > "$d/cgroup.controllers"
	echo max > "$d/memory.max"
	echo 4096 > "$d/memory.current"
	printf 'low 0\nhigh 0\nmax 0\noom 0\noom_kill 0\n' > "$d/memory.events"
	: > "$d/cgroup.procs"
done
echo 268435456 > "$cg/$rel/memory.max"
printf 'low 0\nhigh 0\nmax 9\noom 2\noom_kill 2\n' > "$cg/$rel/memory.events"
"$OOMKIT" status --root "$root" --metrics > "$E2E_TMP/pod.prom"
check "tree: the pod cgroup's kernel OOM kills" \
	grep -qx "oomkit_kernel_oom_kills_total{scope=\"/sys/fs/cgroup/$rel\"} 2" "$E2E_TMP/pod.prom"
check "tree: oomkit_scope_info names the pod" \
	grep -qx "oomkit_scope_info{scope=\"/sys/fs/cgroup/$rel\",pod_uid=\"${uid_//_/-}\",qos=\"Burstable\",container_id=\"\"} 1" "$E2E_TMP/pod.prom"
check "tree: its limit under the guard's name" \
	grep -qx "oomkit_limit_bytes{scope=\"/sys/fs/cgroup/$rel\"} 268435456" "$E2E_TMP/pod.prom"
if command -v promtool >/dev/null; then
	check "promtool check metrics (tree)" sh -c "promtool check metrics < '$E2E_TMP/pod.prom'"
fi
# A cgroup name with a quote and a newline: escaped as a label value.
mkdir -p "$cg/we\"ird
name"
d="$cg/we\"ird
name"
echo memory > "$d/cgroup.controllers"; echo 1048576 > "$d/memory.max"; echo 4096 > "$d/memory.current"
printf 'low 0\nhigh 0\nmax 1\noom 1\noom_kill 1\n' > "$d/memory.events"; : > "$d/cgroup.procs"
"$OOMKIT" status --root "$root" --metrics > "$E2E_TMP/weird.prom"
check "a quote and a newline in a cgroup name are escaped" grep -qF 'scope="/sys/fs/cgroup/we\"ird\nname"} 1' "$E2E_TMP/weird.prom"
if command -v promtool >/dev/null; then
	check "promtool check metrics (escaped names)" sh -c "promtool check metrics < '$E2E_TMP/weird.prom'"
fi
finish
