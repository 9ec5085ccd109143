#!/usr/bin/env bash
# oomkit adj on holders we start: by pid and by a unique name, -1000 refused
# without --force, --dry-run changes nothing, permission errors are clear,
# and every value is restored.
. "$(dirname "$0")/lib.sh"
: "${OOMKIT:?}" "${HOG:?}"

cg=$(cg_make adj $((128 << 20))) || { skip "adj: no memory cgroup can be made here"; finish; exit; }
on_exit cg_remove "$cg"
name="adjt$$"
name=${name:0:15}
cp "$HOG" "$E2E_TMP/$name"
pids=()
on_exit 'for p in "${pids[@]}"; do kill -9 "$p" 2>/dev/null; done'
start() {  # start READY [runas...]
	bash -c 'echo $$ > "$1/cgroup.procs" && shift && exec "$@"' start "$cg" \
		"$@" >/dev/null 2>&1 &
	pids+=("$!")
}
start "$E2E_TMP/$name" --comm "$name" --mib 8 --hold 60 --ready "$E2E_TMP/r1"
start "$E2E_TMP/$name" --comm "$name" --mib 8 --hold 60 --ready "$E2E_TMP/r2"
for i in $(seq 1 100); do [ -e "$E2E_TMP/r1" ] && [ -e "$E2E_TMP/r2" ] && break; sleep 0.1; done
p1=${pids[0]} p2=${pids[1]}
adj() { cat "/proc/$1/oom_score_adj"; }
check "holders started" test "$(adj "$p1")" = 0 -a "$(adj "$p2")" = 0

# Lowering below 0 needs CAP_SYS_RESOURCE (bit 24), which a container may lack.
capeff=$(awk '$1=="CapEff:" {print $2}' /proc/self/status)
if [ $(( 0x$capeff >> 24 & 1 )) -eq 1 ]; then low=-500; else low=""; fi

"$OOMKIT" adj 300 "$p1" > "$E2E_TMP/out" 2>&1
check "by pid: exit 0" test $? -eq 0
check "by pid: oom_score_adj is 300" test "$(adj "$p1")" = 300
check "by pid: the other holder untouched" test "$(adj "$p2")" = 0
check "before/after scores listed" grep -Eq "^ *$p1 +$name +0 +300 +[0-9]+ +[0-9]+" "$E2E_TMP/out"
check "says how to make it stick" grep -q "OOMScoreAdjust=300" "$E2E_TMP/out"
"$OOMKIT" adj 0 "$p1" > /dev/null 2>&1
check "by pid: lowered back to 0" test "$(adj "$p1")" = 0
if [ -n "$low" ]; then
	"$OOMKIT" adj -500 "$p1" > /dev/null 2>&1
	check "by pid: -500 (CAP_SYS_RESOURCE)" test "$(adj "$p1")" = -500
	"$OOMKIT" adj 0 "$p1" > /dev/null 2>&1
else
	"$OOMKIT" adj -500 "$p1" > "$E2E_TMP/out" 2>&1
	check "no CAP_SYS_RESOURCE: -500 fails with exit 1" test $? -eq 1
	check "no CAP_SYS_RESOURCE: says what is missing" grep -q "needs CAP_SYS_RESOURCE" "$E2E_TMP/out"
	check "no CAP_SYS_RESOURCE: unchanged" test "$(adj "$p1")" = 0
fi

"$OOMKIT" adj --prefer "$name" > "$E2E_TMP/out" 2>&1
check "by name: exit 0" test $? -eq 0
check "by name: every match set (+500)" test "$(adj "$p1")" = 500 -a "$(adj "$p2")" = 500
check "by name: both listed" test "$(grep -c " $name " "$E2E_TMP/out")" -eq 2

"$OOMKIT" adj -1000 "$p1" > "$E2E_TMP/out" 2>&1
check "-1000 refused without --force (exit 2)" test $? -eq 2
check "-1000 refused: unchanged" test "$(adj "$p1")" = 500
check "-1000 refused: says why" grep -q "refusing -1000 without --force" "$E2E_TMP/out"
if [ -n "$low" ]; then
	"$OOMKIT" adj --force -1000 "$p1" > /dev/null 2>&1
	check "--force -1000 applied" test "$(adj "$p1")" = -1000
	check "immune shows oom_score 0" test "$(cat /proc/$p1/oom_score)" = 0
else
	"$OOMKIT" adj --force -1000 "$p1" > "$E2E_TMP/out" 2>&1
	check "--force -1000 passes the guard, then hits the permission check" grep -q "needs CAP_SYS_RESOURCE" "$E2E_TMP/out"
fi

"$OOMKIT" adj --dry-run --protect "$p2" > "$E2E_TMP/out" 2>&1
check "--dry-run: nothing written" test "$(adj "$p2")" = 500
check "--dry-run: predicted value shown" grep -q "dry run" "$E2E_TMP/out"

if [ -n "$low" ]; then
	"$OOMKIT" adj --protect "$p2" > /dev/null 2>&1
	check "--protect = -900" test "$(adj "$p2")" = -900
fi

"$OOMKIT" adj 0 "$name" > /dev/null 2>&1
check "restored by name (from 500 down to 0 needs no capability)" test "$(adj "$p1")" = 0 -a "$(adj "$p2")" = 0

"$OOMKIT" adj 0 "no-such-proc-$$" > "$E2E_TMP/out" 2>&1
check "unknown name: exit 1" test $? -eq 1
check "unknown name: says so" grep -q "no process named" "$E2E_TMP/out"
"$OOMKIT" adj 2000 "$p1" > /dev/null 2>&1; check "out of range: exit 2" test $? -eq 2
"$OOMKIT" adj "$p1" > "$E2E_TMP/out" 2>&1
check "show only: exit 0, nothing changed" test $? -eq 0 -a "$(adj "$p1")" = 0

# Permission: an unprivileged user may raise its own process, not lower it.
if command -v setpriv >/dev/null 2>&1 && [ "$(id -u)" -eq 0 ]; then
	chmod 755 "$E2E_TMP" "$E2E_TMP/$name"
	start setpriv --reuid=65534 --regid=65534 --clear-groups "$E2E_TMP/$name" --comm "$name" --mib 4 --hold 60 --ready "$E2E_TMP/r3"
	for i in $(seq 1 50); do [ -e "$E2E_TMP/r3" ] && break; sleep 0.1; done
	p3=${pids[2]}
	setpriv --reuid=65534 --regid=65534 --clear-groups "$OOMKIT" adj -500 "$p3" > "$E2E_TMP/out" 2>&1
	check "unprivileged lowering: exit 1" test $? -eq 1
	check "unprivileged lowering: names CAP_SYS_RESOURCE" grep -q "lowering oom_score_adj .* needs CAP_SYS_RESOURCE, which this process lacks (run as root)" "$E2E_TMP/out"
	setpriv --reuid=65534 --regid=65534 --clear-groups "$OOMKIT" adj 100 "$p1" > "$E2E_TMP/out" 2>&1
	check "other user's process: names the owner (EACCES)" grep -q "EACCES: /proc/$p1/oom_score_adj belongs to uid 0" "$E2E_TMP/out"
	check "other user's process: unchanged" test "$(adj "$p1")" = 0
	# root without CAP_SYS_RESOURCE (a container's bounding set): the real reason, not "run as root"
	if setpriv --bounding-set=-sys_resource true 2>/dev/null; then
		setpriv --bounding-set=-sys_resource "$OOMKIT" adj -500 "$p1" > "$E2E_TMP/out" 2>&1
		check "root without CAP_SYS_RESOURCE: exit 1" test $? -eq 1
		check "root without CAP_SYS_RESOURCE: says so, not 'run as root'" \
			grep -q "needs CAP_SYS_RESOURCE, which this process lacks (root without it" "$E2E_TMP/out"
		setpriv --bounding-set=-sys_resource "$OOMKIT" adj --json -500 "$p1" > "$E2E_TMP/out" 2>/dev/null
		check "root without CAP_SYS_RESOURCE: --json carries the reason" grep -q '"error": "EACCES: lowering' "$E2E_TMP/out"
	else
		skip "CAP_SYS_RESOURCE check: setpriv --bounding-set not permitted here"
	fi
	kill -9 "${pids[2]}" 2>/dev/null; sleep 0.2
	"$OOMKIT" adj 100 "${pids[2]}" >"$E2E_TMP/out" 2>&1   # a zombie (not waited for) or gone
	check "exited process: ESRCH named" grep -q "no process with pid\|ESRCH" "$E2E_TMP/out"
else
	skip "permission checks: setpriv or root missing"
fi

for p in "${pids[@]}"; do kill -9 "$p" 2>/dev/null; wait "$p" 2>/dev/null; done
pids=()
cg_remove "$cg"
check "cgroup removed" test ! -d "$cg"
finish
