#!/usr/bin/env bash
# The idle guard's resident memory (issue 10: RSS ≤ 1.5 MiB), on both
# scopes: the whole machine (dry run) and one memory cgroup with a process
# in it.  Each figure is printed; the wakeups and CPU a minute are the
# benchmark's (bench/guard/run.sh: a minute each is too long for a test).
# The RSS is read a second after the start event, when the first pass of
# the loop has run and the one-page mappings are merged back (resident.c).
. "$(dirname "$0")/lib.sh"

[ -x "${OOMKIT:-}" ] || { skip "OOMKIT not set"; finish; exit; }
[ -x "${HOG:-}" ] || { skip "HOG not set"; finish; exit; }
MIB=$((1024 * 1024))
TARGET_KIB=1536
rss_kib() { awk '/^VmRSS/{print $2}' "/proc/$1/status" 2>/dev/null; }
# check_rss LABEL PID: VmRSS at most the target, the figure in the name.
check_rss() {
	local rss; rss=$(rss_kib "$2")
	echo "$1: VmRSS ${rss:-?} KiB (target ≤ $TARGET_KIB KiB); by mapping:"
	bash "$OOMKIT_SRCDIR/bench/guard/smaps.sh" "$2" 2>/dev/null | sed -n '/^by kind/,$p' | sed 's/^/    /'
	check "$1: idle RSS ${rss:-?} KiB ≤ $TARGET_KIB KiB" test "${rss:-99999}" -le $TARGET_KIB
	# mlock: the start-up code is gone from the RSS only when the trim ran.
	grep -q 'mlockall' "$3" && echo "    (mlockall refused: $(grep -m1 mlockall "$3"))"
}

# --- 1. whole machine, dry run, defaults ------------------------------------
D=$E2E_TMP/machine
if guard_start "$D" --dry-run; then
	sleep 1
	check_rss "whole machine" "$GP" "$D/log"
	guard_stop
fi

# --- 2. one memory cgroup, a process in it ------------------------------------
need_memcg
cg=$(cg_make idle $((256 * MIB)))
bash -c 'echo $$ > "$1/cgroup.procs" && shift && exec "$@"' run_bg "$cg" "$HOG" --comm idlefill \
	--mib 20 --hold 120 --ready "$E2E_TMP/fill.ready" 2>/dev/null &
fill=$!
on_exit "kill $fill 2>/dev/null"
for i in $(seq 1 50); do [ -f "$E2E_TMP/fill.ready" ] && break; sleep 0.1; done
D=$E2E_TMP/cgroup
if guard_start "$D" --cgroup "$cg" --protect idlefill; then
	sleep 1
	check_rss "one cgroup" "$GP" "$D/log"
	check "one cgroup: the filler is untouched" kill -0 $fill
	guard_stop
fi
kill $fill 2>/dev/null; wait $fill 2>/dev/null
finish
