#!/usr/bin/env bash
# The guard on what only cgroup v2 has: several cgroups watched at once,
# memory.high throttling below memory.max, and memory.oom.group with
# --action cgroup (cgroup.kill, 5.14+).  On a host whose memory controller is
# on cgroup v1 this is skipped, and runs in the VM matrix (tests/vm/run.sh,
# make check-long) on Debian's kernels.
. "$(dirname "$0")/lib.sh"
: "${OOMKIT:?}" "${HOG:?}"
MIB=$((1024 * 1024))
need_memcg
v2=true; $MEMCG_V1 && v2=false
if ! $v2; then
	skip "guard on cgroup v2: this machine's memory controller is on cgroup v1 (runs in the VM matrix: make check-long)"
	finish; exit
fi
oom_kills() { awk '$1=="oom_kill"{print $2}' "$1/memory.events"; }
GP=""
start_guard() {  # DIR ARGS...
	local dir=$1 i; shift
	mkdir -p "$dir"
	"$OOMKIT" guard --events "$dir/events" --incident-dir "$dir/incidents" --kmsg no "$@" >"$dir/stdout" 2>"$dir/log" &
	GP=$!
	on_exit "kill $GP 2>/dev/null"
	for i in $(seq 1 100); do
		grep -q '"event":"start"' "$dir/events" 2>/dev/null && return 0
		kill -0 "$GP" 2>/dev/null || break
		sleep 0.1
	done
	echo "guard did not start:"; sed 's/^/    /' "$dir/log"; return 1
}
stop_guard() { kill -TERM "$GP" 2>/dev/null; wait "$GP" 2>/dev/null; GP=""; }
BG=""
run_bg() { local dir=$1; shift; bash -c 'echo $$ > "$1/cgroup.procs" && shift && exec "$@"' run_bg "$dir" "$@" 2>/dev/null & BG=$!; }
wait_ready() { local i; for i in $(seq 1 300); do [ -e "$1" ] && return 0; sleep 0.1; done; return 1; }
# guardrail PID SECONDS: the hog must be gone by then, whatever the guard does
guardrail() { ( sleep "$2"; kill -9 "$1" 2>/dev/null ) & }

# --- 1. two cgroups at once: each hog goes, each bystander stays -----------
a=$(cg_make a $((128 * MIB))); b=$(cg_make b $((128 * MIB)))
D=$E2E_TMP/two
if start_guard "$D" --cgroup "$a" --cgroup "$b"; then
	run_bg "$b" "$HOG" --mib 16 --hold 120 --ready "$D/by.ready"; by=$BG
	wait_ready "$D/by.ready"
	run_bg "$a" "$HOG"; h1=$BG; guardrail $h1 60 >/dev/null
	wait $h1; rc1=$?
	run_bg "$a" "$HOG" --mib 16 --hold 120 --ready "$D/by2.ready"; by2=$BG
	wait_ready "$D/by2.ready"
	run_bg "$b" "$HOG"; h2=$BG; guardrail $h2 60 >/dev/null
	wait $h2; rc2=$?
	check "two cgroups: the hog in A stopped (exit $rc1)" test $rc1 -ge 128
	check "two cgroups: the hog in B stopped (exit $rc2)" test $rc2 -ge 128
	check "two cgroups: both bystanders alive" kill -0 $by $by2
	check "two cgroups: no kernel OOM kill in A ($(oom_kills "$a")) or B ($(oom_kills "$b"))" \
		test "$(oom_kills "$a")" = 0 -a "$(oom_kills "$b")" = 0
	check "two cgroups: one kill event per cgroup" \
		test "$(grep '"event":"kill"' "$D/events" | grep -c "oomkit-test-$$-a\"")" -ge 1 -a \
		     "$(grep '"event":"kill"' "$D/events" | grep -c "oomkit-test-$$-b\"")" -ge 1
	stop_guard
	kill $by $by2 2>/dev/null; wait $by $by2 2>/dev/null
fi
cg_remove "$a"; cg_remove "$b"

# --- 2. memory.high below memory.max: throttled, then stopped ------------
c=$(cg_make high $((192 * MIB)))
echo $((160 * MIB)) > "$c/memory.high"
D=$E2E_TMP/high
if start_guard "$D" --cgroup "$c"; then
	run_bg "$c" "$HOG" --rate 40; h=$BG; guardrail $h 90 >/dev/null
	wait $h; rc=$?
	high=$(awk '$1=="high"{print $2}' "$c/memory.events")
	check "memory.high: the hog stopped (exit $rc)" test $rc -ge 128
	check "memory.high: by the guard" grep -q '"event":"kill"' "$D/events"
	check "memory.high: the kernel throttled it first (memory.events high $high)" test "${high:-0}" -gt 0
	check "memory.high: no kernel OOM kill ($(oom_kills "$c"))" test "$(oom_kills "$c")" = 0
	stop_guard
fi
cg_remove "$c"

# --- 3. memory.oom.group and --action cgroup: the whole cgroup goes --------
g=$(cg_make group $((192 * MIB)))
echo 1 > "$g/memory.oom.group"
D=$E2E_TMP/group
if [ ! -f "$g/cgroup.kill" ]; then
	skip "memory.oom.group: no cgroup.kill on this kernel (5.14+)"
elif start_guard "$D" --cgroup "$g" --action cgroup; then
	run_bg "$g" "$HOG" --mib 16 --hold 120 --ready "$D/m.ready"; mate=$BG
	wait_ready "$D/m.ready"
	run_bg "$g" "$HOG"; h=$BG; guardrail $h 60 >/dev/null
	wait $h; rc=$?
	wait $mate; rcm=$?
	check "oom.group: the hog stopped (exit $rc)" test $rc -ge 128
	check "oom.group: its cgroup mate went with it (exit $rcm)" test $rcm -ge 128
	check "oom.group: no kernel OOM kill ($(oom_kills "$g"))" test "$(oom_kills "$g")" = 0
	check "oom.group: the kill event says cgroup" grep -q '"event":"kill".*"action":"cgroup"' "$D/events"
	stop_guard
fi
cg_remove "$g"

# --- 4. arm-memory-high: the idle guard sleeps, the kernel wakes it --------
# Without usage thresholds on v2 the guard polls (about once a second);
# with arm-memory-high it writes memory.high at the term point and sleeps
# until memory.events says usage passed it.
ctxt() { awk '/^(voluntary|nonvoluntary)_ctxt_switches/{s += $2} END{print s + 0}' "/proc/$1/status" 2>/dev/null; }
m=$(cg_make arm $((256 * MIB)))
D=$E2E_TMP/arm
if start_guard "$D" --cgroup "$m" --arm-memory-high --recorder-seconds 0; then
	armed=$(cat "$m/memory.high")
	check "arm: memory.high set to the term point ($armed, expected $((256 * MIB * 9 / 10 / 4096 * 4096)))" \
		test "$armed" = $((256 * MIB * 9 / 10 / 4096 * 4096))
	run_bg "$m" "$HOG" --mib 32 --hold 120 --ready "$D/idle.ready"; idler=$BG
	wait_ready "$D/idle.ready"
	sleep 2
	c0=$(ctxt $GP); sleep 20; c1=$(ctxt $GP)
	check "arm: idle for 20 s, the guard woke $((c1 - c0)) times (at most 2)" test $((c1 - c0)) -le 2
	run_bg "$m" "$HOG"; h=$BG; guardrail $h 60 >/dev/null
	wait $h; rc=$?
	check "arm: the hog stopped (exit $rc)" test $rc -ge 128
	check "arm: by the guard" grep -q '"event":"kill"' "$D/events"
	check "arm: no kernel OOM kill ($(oom_kills "$m"))" test "$(oom_kills "$m")" = 0
	check "arm: the bystander lives" kill -0 $idler
	stop_guard
	check "arm: memory.high back to max at exit ($(cat "$m/memory.high"))" test "$(cat "$m/memory.high")" = max
	kill $idler 2>/dev/null; wait $idler 2>/dev/null
fi
# Off (the default): memory.high untouched, the log says the scope polls.
D=$E2E_TMP/noarm
if start_guard "$D" --cgroup "$m"; then
	check "no arm: memory.high untouched" test "$(cat "$m/memory.high")" = max
	check "no arm: the log says it polls" grep -q "arm-memory-high = yes" "$D/log"
	stop_guard
fi
cg_remove "$m"
finish
