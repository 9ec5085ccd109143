#!/usr/bin/env bash
# The whole-machine guard against the whole machine's memory: only inside the
# test guest (OOMKIT_VM=1, tests/vm/run.sh), never on a real host.  A hog
# with no cgroup limit allocates until something stops it: the guard must,
# before the kernel's OOM killer does (/proc/vmstat oom_kill unchanged) —
# first with no swap, then with a zram swap device.
. "$OOMKIT_SRCDIR/tests/e2e/lib.sh"
: "${OOMKIT:?}" "${HOG:?}"
if [ "${OOMKIT_VM:-}" != 1 ]; then
	skip "whole-machine guard: only inside the test VM (tests/vm/run.sh); it exhausts the machine's memory"
	finish; exit
fi
vm_ooms() { awk '$1=="oom_kill"{print $2}' /proc/vmstat; }
run_case() {  # NAME GUARD-ARGS...
	local name=$1 D=$E2E_TMP/$1 gp h rc i before; shift
	mkdir -p "$D"
	"$OOMKIT" guard --events "$D/events" --incident-dir "$D/inc" --kmsg no "$@" >"$D/log" 2>&1 &
	gp=$!
	for i in $(seq 1 100); do grep -q '"event":"start"' "$D/events" 2>/dev/null && break; sleep 0.1; done
	before=$(vm_ooms)
	"$HOG" --rate 200 >/dev/null 2>&1 & h=$!
	# A guardrail, far above what the guard needs even under emulation.
	( sleep 300; kill -9 $h 2>/dev/null ) & local gr=$!
	wait $h; rc=$?
	kill $gr 2>/dev/null
	for i in $(seq 1 30); do grep -q '"event":"kill"' "$D/events" && break; sleep 0.1; done
	check "$name: the hog stopped (exit $rc)" test $rc -ge 128
	check "$name: by the guard" grep -q "\"event\":\"kill\".*\"pid\":$h," "$D/events"
	check "$name: the kernel's OOM killer did not fire (oom_kill $before → $(vm_ooms))" test "$(vm_ooms)" = "$before"
	kill -TERM $gp; wait $gp
	check "$name: the guard exits cleanly" test $? = 0
	grep -o '"available_kib":[0-9]*\|"latency_ms":[0-9]*' "$D/events" | head -n 4 | sed 's/^/    /'
}
swapoff -a 2>/dev/null
run_case noswap
if [ -e /sys/block/zram0/disksize ] && command -v mkswap >/dev/null; then
	# Small: the hog's pages compress to almost nothing, and swapping out
	# under emulation is slow, so a large device takes minutes to fill.
	echo $((128 << 20)) > /sys/block/zram0/disksize && mkswap /dev/zram0 >/dev/null && swapon /dev/zram0 &&
		run_case zram --swap-term-percent 20 --swap-kill-percent 10
	swapoff /dev/zram0 2>/dev/null
	echo 1 > /sys/block/zram0/reset 2>/dev/null
else
	skip "zram: no /sys/block/zram0 (module) or no mkswap"
fi
finish
