#!/usr/bin/env bash
# bench/guard/run.sh OOMKIT [--whole-machine]
#
# IDLE_ONLY=1 stops after part 1; IDLE_SECONDS=0 skips it.
# 1. Idle cost over IDLE_SECONDS (60): oomkit guard (whole machine, defaults,
#    --dry-run) next to earlyoom (Debian's, defaults, --dryrun), run at the
#    same time: CPU time, RSS, wakeups (voluntary + involuntary context
#    switches); then the guard alone on one memory cgroup (512 MiB limit,
#    100 MiB held in it), the same counts.  Target (issue 10): ≤ 6 wakeups
#    and ≤ 1 ms CPU a minute in both, RSS ≤ 1.5 MiB.
# 2. Reaction in a 512 MiB memory cgroup, hog speeds max, 100 and 10 MiB/s,
#    RUNS runs each (20; RUNS=3 for a quick run; SPEEDS="0 100 10", 0 = max): how often the guard acts
#    before the kernel's memcg OOM killer, and the latency from the threshold
#    crossing to the victim's memory being freed (p50, p99).  Target: every
#    run, p99 ≤ 50 ms.  A protected filler holds most of the cgroup so the
#    slow hogs reach the threshold in seconds, not minutes.  The guard runs
#    its DEFAULT configuration (SIGTERM with a grace, escalated to SIGKILL +
#    process_mrelease on the rate of approach); GRACE_MS=N passes
#    --grace-ms N (0 = SIGKILL + process_mrelease at once).
# 3. --whole-machine: the same reaction test without a cgroup, against
#    earlyoom (and nohang if installed).  It presses the WHOLE machine's
#    memory: only with the explicit flag, never in CI.
set -u
OOMKIT=${1:?usage: bench/guard/run.sh OOMKIT [--whole-machine]}
OOMKIT=$(cd "$(dirname "$OOMKIT")" && pwd)/$(basename "$OOMKIT")
WHOLE=false
[ "${2:-}" = "--whole-machine" ] && WHOLE=true
here=$(cd "$(dirname "$0")/../.." && pwd)
RUNS=${RUNS:-20}
IDLE_SECONDS=${IDLE_SECONDS:-60}
GRACE_MS=${GRACE_MS:-}
GRACE_ARGS=()
[ -n "$GRACE_MS" ] && GRACE_ARGS=(--grace-ms "$GRACE_MS")
HOG=${HOG:-$(dirname "$OOMKIT")/tests/hog}
if [ ! -x "$HOG" ]; then
	HOG=$(mktemp -d)/hog
	cc -O2 -o "$HOG" "$here/tests/e2e/hog.c" || { echo "cannot build the hog"; exit 1; }
fi
. "$here/tests/e2e/lib.sh"   # cg_make / cg_remove, cleanup at exit
T=$E2E_TMP
MIB=$((1024 * 1024))

# --- helpers ---------------------------------------------------------------
cpu_ns() { awk '{print $1}' "/proc/$1/schedstat" 2>/dev/null || echo 0; }   # time on CPU, ns
ctxt() { awk '/^(voluntary|nonvoluntary)_ctxt_switches/{s += $2} END{print s + 0}' "/proc/$1/status" 2>/dev/null; }
rss_kib() { awk '/^VmRSS/{print $2}' "/proc/$1/status" 2>/dev/null || echo 0; }
# PSS (shared pages divided among their users) and private pages (what the
# machine gets back when the process exits): RSS counts every libc page.
pss_kib() { awk '/^Pss:/{print $2}' "/proc/$1/smaps_rollup" 2>/dev/null || echo 0; }
priv_kib() { awk '/^Private_(Clean|Dirty):/{s += $2} END{print s + 0}' "/proc/$1/smaps_rollup" 2>/dev/null; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN{ if (b > 0) printf "%.2f", a / b; else print "n/a" }'; }
percentile() {  # percentile P < numbers (nearest rank)
	sort -n | awk -v p="$1" '{v[NR] = $1} END{ if (!NR) { print "n/a"; exit } i = int((p / 100) * NR + 0.999999); if (i < 1) i = 1; if (i > NR) i = NR; print v[i] }'
}
oom_kills() {
	if [ -f "$1/memory.oom_control" ]; then awk '$1=="oom_kill"{print $2}' "$1/memory.oom_control"
	else awk '$1=="oom_kill"{print $2}' "$1/memory.events"; fi
}
BG=""
run_bg() {
	local dir=$1; shift
	bash -c 'echo $$ > "$1/cgroup.procs" && shift && exec "$@"' run_bg "$dir" "$@" 2>/dev/null &
	BG=$!
}
wait_start() {  # events file, pid
	local i
	for i in $(seq 1 50); do
		grep -q '"event":"start"' "$1" 2>/dev/null && return 0
		kill -0 "$2" 2>/dev/null || return 1
		sleep 0.1
	done
	return 1
}

echo "oomkit guard benchmark — $(uname -r), $(nproc) CPUs, $(awk '/MemTotal/{printf "%.1f GiB", $2/1048576}' /proc/meminfo)"
echo

# --- 1. idle cost -----------------------------------------------------------
if [ "$IDLE_SECONDS" != 0 ]; then
echo "== idle cost over ${IDLE_SECONDS} s (whole machine, defaults, dry run) =="
EARLYOOM=$(command -v earlyoom || true)
"$OOMKIT" guard --dry-run --events "$T/idle.events" --incident-dir "$T/idle-inc" --kmsg no 2>"$T/idle.log" &
gp=$!
on_exit "kill $gp 2>/dev/null"
ep=""
if [ -n "$EARLYOOM" ]; then
	"$EARLYOOM" --dryrun >/dev/null 2>&1 &
	ep=$!
	on_exit "kill $ep 2>/dev/null"
else
	echo "(earlyoom not installed: apt-get install earlyoom for the comparison)"
fi
sleep 2   # start-up (warm-up pass, mlockall) is not idle cost
g_t0=$(cpu_ns $gp) g_c0=$(ctxt $gp)
[ -n "$ep" ] && { e_t0=$(cpu_ns $ep); e_c0=$(ctxt $ep); }
sleep "$IDLE_SECONDS"
g_cpu=$(awk -v a="$(cpu_ns $gp)" -v b="$g_t0" 'BEGIN{printf "%.2f", (a - b) / 1e6}')
g_wk=$(( $(ctxt $gp) - g_c0 ))
g_rss=$(rss_kib $gp) g_pss=$(pss_kib $gp) g_priv=$(priv_kib $gp)
printf '%-22s %14s %14s %10s\n' "" "oomkit guard" "earlyoom" "ratio"
if [ -n "$ep" ]; then
	e_cpu=$(awk -v a="$(cpu_ns $ep)" -v b="$e_t0" 'BEGIN{printf "%.2f", (a - b) / 1e6}')
	e_wk=$(( $(ctxt $ep) - e_c0 ))
	e_rss=$(rss_kib $ep) e_pss=$(pss_kib $ep) e_priv=$(priv_kib $ep)
else
	e_cpu=n/a e_wk=n/a e_rss=n/a e_pss=n/a e_priv=n/a
fi
printf '%-22s %14s %14s %10s\n' "CPU time (ms)" "$g_cpu" "$e_cpu" "$(ratio "$g_cpu" "$e_cpu")"
printf '%-22s %14s %14s %10s\n' "RSS (KiB)" "$g_rss" "$e_rss" "$(ratio "$g_rss" "$e_rss")"
printf '%-22s %14s %14s %10s\n' "  PSS (KiB)" "$g_pss" "$e_pss" "$(ratio "$g_pss" "$e_pss")"
printf '%-22s %14s %14s %10s\n' "  private (KiB)" "$g_priv" "$e_priv" "$(ratio "$g_priv" "$e_priv")"
printf '%-22s %14s %14s %10s\n' "wakeups (ctx switches)" "$g_wk" "$e_wk" "$(ratio "$g_wk" "$e_wk")"
echo "(CPU time from /proc/PID/schedstat, ns resolution; both run side by side, so machine noise hits both;"
echo " private pages include a freshly built binary's page cache until it is written back)"
kill $gp 2>/dev/null; wait $gp 2>/dev/null
[ -n "$ep" ] && { kill $ep 2>/dev/null; wait $ep 2>/dev/null; }
per_min() { awk -v v="$1" -v s="$IDLE_SECONDS" 'BEGIN{ if (v == "n/a") print v; else printf "%.2f", v * 60 / s }'; }
echo "per minute: guard $(per_min "$g_wk") wakeups, $(per_min "$g_cpu") ms CPU; earlyoom $(per_min "$e_wk") wakeups, $(per_min "$e_cpu") ms CPU"
echo

echo "== idle cost over ${IDLE_SECONDS} s, one memory cgroup (512 MiB limit, 100 MiB held; defaults) =="
if cg=$(cg_make idle $((512 * MIB))); then
	run_bg "$cg" "$HOG" --comm idlefill --mib 100 --hold 100000 --ready "$T/idle.ready"
	fill=$BG
	for i in $(seq 1 100); do [ -f "$T/idle.ready" ] && break; sleep 0.1; done
	"$OOMKIT" guard --cgroup "$cg" --protect "idlefill" --kmsg no --events "$T/idlecg.events" \
		--incident-dir "$T/idlecg-inc" 2>"$T/idlecg.log" &
	gp=$!
	on_exit "kill $gp 2>/dev/null"
	sleep 2
	g_t0=$(cpu_ns $gp) g_c0=$(ctxt $gp)
	sleep "$IDLE_SECONDS"
	g_cpu=$(awk -v a="$(cpu_ns $gp)" -v b="$g_t0" 'BEGIN{printf "%.2f", (a - b) / 1e6}')
	g_wk=$(( $(ctxt $gp) - g_c0 ))
	printf '%-22s %14s\n' "CPU time (ms)" "$g_cpu"
	printf '%-22s %14s\n' "RSS (KiB)" "$(rss_kib $gp)"
	printf '%-22s %14s\n' "wakeups (ctx switches)" "$g_wk"
	echo "per minute: guard $(per_min "$g_wk") wakeups, $(per_min "$g_cpu") ms CPU"
	kill $gp $fill 2>/dev/null; wait $gp $fill 2>/dev/null
	cg_remove "$cg"
else
	echo "no memory cgroup here (root and a memory hierarchy needed)"
fi
echo
fi
[ "${IDLE_ONLY:-0}" = 1 ] && exit 0

# --- 2. reaction in a 512 MiB cgroup ---------------------------------------
echo "== reaction in a 512 MiB cgroup, $RUNS runs per speed ($([ -n "$GRACE_MS" ] && echo "grace-ms $GRACE_MS" || echo "default configuration")) =="
echo "latency: threshold crossing -> victim's memory freed (process_mrelease returned, or exit);"
echo "signal: threshold crossing -> signal sent (the guard's own share)"
printf '%-12s %6s %12s %8s %10s %10s %10s %10s\n' "hog speed" "runs" "guard first" "kernel" "p50 (ms)" "p99 (ms)" "sig p50" "sig p99"
all_ok=true
for speed in ${SPEEDS:-0 100 10}; do
	label=$([ $speed = 0 ] && echo "max" || echo "$speed MiB/s")
	cg=$(cg_make "bench$speed" $((512 * MIB))) || { echo "no memory cgroup here (root and a memory hierarchy needed)"; all_ok=false; break; }
	ev=$T/react-$speed.events
	"$OOMKIT" guard --cgroup "$cg" "${GRACE_ARGS[@]}" --protect "benchfill sshd" --kmsg no \
		--events "$ev" --incident-dir "$T/react-inc" 2>"$T/react-$speed.log" &
	gp=$!
	on_exit "kill $gp 2>/dev/null"
	wait_start "$ev" $gp || { echo "guard did not start:"; cat "$T/react-$speed.log"; all_ok=false; break; }
	fill=""
	if [ "$speed" != 0 ]; then
		# Hold 380 MiB so a slow hog needs ~80 MiB (seconds) to reach the threshold.
		# --comm: the hog names itself oomkit-test-hog otherwise, and the
		# guard's --protect goes by that name (before, the filler was killed
		# in the first run and the slow hogs then grew ~460 MiB, not ~80).
		run_bg "$cg" "$HOG" --comm benchfill --mib 380 --hold 100000 --ready "$T/fill.ready"
		fill=$BG
		for i in $(seq 1 100); do [ -f "$T/fill.ready" ] && break; sleep 0.1; done
	fi
	first=0 kernel0=$(oom_kills "$cg")
	for r in $(seq 1 "$RUNS"); do
		k0=$(oom_kills "$cg")
		if [ "$speed" = 0 ]; then run_bg "$cg" "$HOG"; else run_bg "$cg" "$HOG" --rate "$speed"; fi
		hp=$BG
		( sleep 120; kill -9 $hp 2>/dev/null ) & wd=$!
		wait $hp 2>/dev/null
		kill $wd 2>/dev/null; wait $wd 2>/dev/null
		sleep 0.2
		if [ "$(oom_kills "$cg")" = "$k0" ] && grep -q "\"event\":\"kill\",.*\"pid\":$hp," "$ev"; then
			first=$((first + 1))
		fi
	done
	kernel=$(( $(oom_kills "$cg") - kernel0 ))
	# Latency per kill: its own line's when the memory came back in the
	# decision (process_mrelease returned, after SIGKILL or an uncaught
	# SIGTERM, or the victim exited); else the victim_exited line of its pid
	# (a SIGTERM it caught and then exited).  A victim_exited line of a
	# victim already released is not counted again.
	lat=$(awk '
		function field(k,   m) { if (match($0, "\"" k "\":[^,}]*")) { m = substr($0, RSTART + length(k) + 3, RLENGTH - length(k) - 3); gsub(/"/, "", m); return m } return "" }
		/"event":"kill"/ { if ($0 ~ /"outcome":"[^"]*(released|exited)/) print field("latency_ms_exact"); else open[field("pid")] = 1 }
		/"event":"victim_exited"/ { p = field("pid"); if (p in open) { print field("latency_ms"); delete open[p] } }' "$ev")
	sig=$(grep '"event":"kill"' "$ev" | grep -o '"signal_ms":[0-9.]*' | cut -d: -f2)
	p50=$(percentile 50 <<<"$lat")
	p99=$(percentile 99 <<<"$lat")
	printf '%-12s %6s %12s %8s %10s %10s %10s %10s\n' "$label" "$RUNS" "$first/$RUNS" "$kernel" "$p50" "$p99" \
		"$(percentile 50 <<<"$sig")" "$(percentile 99 <<<"$sig")"
	[ "$first" = "$RUNS" ] || all_ok=false
	awk -v p="$p99" 'BEGIN{ exit !(p != "n/a" && p + 0 <= 50) }' || all_ok=false
	[ -n "$fill" ] && { kill $fill 2>/dev/null; wait $fill 2>/dev/null; }
	kill $gp 2>/dev/null; wait $gp 2>/dev/null
	[ -n "${KEEP_DIR:-}" ] && cp "$ev" "$T/react-$speed.log" "$KEEP_DIR/"   # KEEP_DIR: the guard's events and log
	cg_remove "$cg"
	rm -f "$T/fill.ready"
done
echo "target (guard first every run, p99 ≤ 50 ms): $($all_ok && echo met || echo NOT met)"
echo

# --- 3. whole machine (explicit flag only) ---------------------------------
if ! $WHOLE; then
	echo "== whole machine: skipped (presses the whole machine's memory; pass --whole-machine) =="
	exit 0
fi
echo "== whole machine, $RUNS runs: oomkit guard vs earlyoom$(command -v nohang >/dev/null && echo ' vs nohang') =="
echo "WARNING: this fills the machine's memory until a daemon acts."
avail_mib=$(awk '/MemAvailable/{print int($2/1024)}' /proc/meminfo)
printf '%-14s %8s %14s %14s\n' "daemon" "runs" "daemon first" "kernel kills"
for d in guard earlyoom nohang; do
	case $d in
	guard) cmd=("$OOMKIT" guard "${GRACE_ARGS[@]}" --kmsg no --events "$T/wm.events" --incident-dir "$T/wm-inc") ;;
	earlyoom) command -v earlyoom >/dev/null || continue; cmd=(earlyoom -r 0) ;;
	nohang) command -v nohang >/dev/null || continue; cmd=(nohang) ;;
	esac
	"${cmd[@]}" >"$T/wm-$d.log" 2>&1 &
	dp=$!
	sleep 2
	first=0
	kstart=$(awk '/^oom_kill /{print $2}' /proc/vmstat)
	for r in $(seq 1 "$RUNS"); do
		k0=$(awk '/^oom_kill /{print $2}' /proc/vmstat)
		# Never more than the memory available at the start (+ 1 GiB).
		"$HOG" --mib $((avail_mib + 1024)) --hold 0 2>/dev/null &
		hp=$!
		wait $hp
		rc=$?
		k1=$(awk '/^oom_kill /{print $2}' /proc/vmstat)
		[ "$k1" = "$k0" ] && [ $rc -ge 128 ] && first=$((first + 1))
		sleep 1
	done
	printf '%-14s %8s %14s %14s\n' "$d" "$RUNS" "$first/$RUNS" "$(( $(awk '/^oom_kill /{print $2}' /proc/vmstat) - kstart ))"
	kill $dp 2>/dev/null; wait $dp 2>/dev/null
done
