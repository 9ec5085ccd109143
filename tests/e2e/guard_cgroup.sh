#!/usr/bin/env bash
# oomkit guard against real hogs in real memory cgroups (256 MiB and less):
# it stops them before the kernel's memcg OOM killer fires, spares the
# bystander, the protected and the -1000, survives a victim that exits on
# its own, signals nothing in dry-run, and the events file, the incident
# file and the metrics (textfile and HTTP on loopback) say what happened.
# The whole-machine mode is only exercised with --dry-run.
. "$(dirname "$0")/lib.sh"

[ -x "${OOMKIT:-}" ] || { skip "OOMKIT not set"; finish; exit; }
[ -x "${HOG:-}" ] || { skip "HOG not set"; finish; exit; }
MIB=$((1024 * 1024))
need_memcg
probe_v1=$MEMCG_V1
# A controller lives in one hierarchy: the other version cannot run here.
if $probe_v1; then
	skip "cgroup v2 end to end: this machine's memory controller is on cgroup v1 (this script runs on cgroup v2 in the VM matrix of make check-long: tests/vm/run.sh)"
else
	skip "cgroup v1 end to end: this machine's memory controller is on cgroup v2 (v1 scope reading is covered by test_guard_monitor's fixtures)"
fi
have_py=false
python3 -c 'import json' 2>/dev/null && have_py=true

# The guard under test: lib.sh's guard_start / guard_stop / cg_oom_kills.
start_guard() { guard_start "$@"; }
stop_guard() { guard_stop; }
oom_kills() { cg_oom_kills "$1"; }
# wait_grep PATTERN FILE...: up to 5 s for the guard to write what it decided
# (the victim can be dead before the incident file is on disk).
wait_grep() {
	local pat=$1 i; shift
	for i in $(seq 1 50); do grep -q "$pat" "$@" 2>/dev/null && return 0; sleep 0.1; done
	return 1
}
wait_ls() {
	local i
	for i in $(seq 1 50); do ls $1 >/dev/null 2>&1 && return 0; sleep 0.1; done
	return 1
}
valid_json() {
	if $have_py; then python3 -c 'import json,sys; json.load(open(sys.argv[1]))' "$1"
	else grep -q '"schema": "oomkit-incident/1"' "$1"; fi
}
json_lines_valid() {
	if $have_py; then python3 -c '
import json,sys
for l in open(sys.argv[1]): json.loads(l)' "$1"
	else true; fi
}
PORT=$((20000 + $$ % 20000))
# run_bg DIR CMD...: CMD in cgroup DIR in the background; BG = its own pid
# (the shell execs it, so $! is the hog itself, as the guard sees it).
BG=""
run_bg() {
	local dir=$1; shift
	bash -c 'echo $$ > "$1/cgroup.procs" && shift && exec "$@"' run_bg "$dir" "$@" 2>/dev/null &
	BG=$!
}
# Can this process lower an oom_score_adj to -1000 (CAP_SYS_RESOURCE)?
can_adj_min() { bash -c 'echo -1000 > /proc/self/oom_score_adj' 2>/dev/null; }

# --- 1. a hog at full speed, a bystander; defaults; metrics ------------------
cg=$(cg_make fast $((256 * MIB)))
D=$E2E_TMP/fast
if start_guard "$D" --cgroup "$cg" --metrics "127.0.0.1:$PORT" --metrics-file "$D/guard.prom"; then
	run_bg "$cg" "$HOG" --mib 20 --hold 120 --ready "$D/by.ready"
	by=$BG
	for i in $(seq 1 50); do [ -f "$D/by.ready" ] && break; sleep 0.1; done
	run_bg "$cg" "$HOG"
	hog=$BG
	wait $hog
	rc=$?
	check "fast hog stopped by a signal (exit $rc)" test $rc -ge 128
	wait_grep '"event":"kill"' "$D/events"
	wait_ls "$D/incidents/*guard-kill*.json"
	check "kernel OOM killer did not fire (oom_kill $(oom_kills "$cg"))" test "$(oom_kills "$cg")" = 0
	check "bystander survives" kill -0 $by
	check "events: kill line for the hog" grep -q "\"event\":\"kill\",.*\"pid\":$hog,\"comm\":\"oomkit-test-hog\"" "$D/events"
	check "events: threshold line" grep -q '"event":"threshold"' "$D/events"
	check "events: every line is JSON" json_lines_valid "$D/events"
	grep -o '"latency_ms":[0-9]*' "$D/events" | head -n 3 | sed 's/^/    /'
	inc=$(ls "$D/incidents"/*guard-kill*.json 2>/dev/null | head -n 1)
	check "incident file written" test -n "$inc"
	if [ -n "$inc" ]; then
		check "incident is valid JSON" valid_json "$inc"
		check "incident names the victim" grep -q "\"pid\": $hog" "$inc"
		check "incident has the recorder's snapshots" grep -q '"MemAvailable"' "$inc"
		check "incident has the diagnosis" grep -q '"causes"' "$inc"
	fi
	# HTTP on loopback: plain bash /dev/tcp, then curl when present
	body=$(exec 3<>"/dev/tcp/127.0.0.1/$PORT" && printf 'GET /metrics HTTP/1.0\r\n\r\n' >&3 && cat <&3)
	check "HTTP /metrics answers 200" grep -q '^HTTP/1.1 200' <<<"$body"
	check "HTTP metrics count the kill" grep -q 'oomkit_kills_total{scope=".*oomkit-test-.*-fast",reason="term_threshold"} 1' <<<"$body"
	check "HTTP metrics have build info" grep -q '^oomkit_build_info{version=' <<<"$body"
	if command -v curl >/dev/null; then
		check "curl GET /metrics" bash -c "curl -sf http://127.0.0.1:$PORT/metrics | grep -q oomkit_available_bytes"
		code=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT/nope")
		check "unknown path is 404 ($code)" test "$code" = 404
	fi
	if command -v promtool >/dev/null; then
		printf '%s\n' "$body" | sed '1,/^\r$/d' > "$D/http.prom"
		check "promtool check metrics (HTTP)" bash -c "promtool check metrics < '$D/http.prom'"
	else
		skip "promtool not installed (Debian: prometheus)"
	fi
	# The textfile is written every 5 s and at exit.
	stop_guard
	check "SIGTERM: clean exit" test $? = 0
	check "events: stop line" grep -q '"event":"stop"' "$D/events"
	check "metrics textfile written atomically" test -s "$D/guard.prom" -a ! -e "$D/guard.prom.tmp"
	check "textfile counts the kill" grep -q 'reason="term_threshold"} 1' "$D/guard.prom"
	if command -v promtool >/dev/null; then
		check "promtool check metrics (textfile)" bash -c "promtool check metrics < '$D/guard.prom'"
	fi
	kill $by 2>/dev/null; wait $by 2>/dev/null
fi
cg_remove "$cg"

# --- 2. SIGKILL at once (below the kill threshold), with --exec -------------
cg=$(cg_make kill $((256 * MIB)))
D=$E2E_TMP/kill
mkdir -p "$D"
cat > "$D/exec.sh" <<EOF
#!/bin/sh
env | grep '^OOMKIT_' | sort > "$D/exec.env"
EOF
chmod +x "$D/exec.sh"
if start_guard "$D" --cgroup "$cg" --grace-ms 0 --exec "$D/exec.sh"; then
	run_bg "$cg" "$HOG"
	hog=$BG
	wait $hog
	rc=$?
	check "SIGKILL: hog killed (exit $rc)" test $rc = 137
	wait_grep '"event":"kill"' "$D/events"
	check "SIGKILL: kernel OOM killer did not fire" test "$(oom_kills "$cg")" = 0
	# process_mrelease (mm/oom_kill.c, 5.15+) gives ESRCH when the victim's
	# exit already dropped its mm: then the exit released the memory first.
	check "events: SIGKILL, memory released (process_mrelease, or the exit came first)" \
		grep -qE '"signal":"SIGKILL".*"outcome":"(memory released|exited)' "$D/events"
	for i in $(seq 1 30); do [ -s "$D/exec.env" ] && break; sleep 0.1; done
	check "--exec ran with OOMKIT_PID" grep -q "^OOMKIT_PID=$hog\$" "$D/exec.env"
	check "--exec got OOMKIT_COMM" grep -q '^OOMKIT_COMM=oomkit-test-hog$' "$D/exec.env"
	check "--exec got OOMKIT_SIGNAL" grep -q '^OOMKIT_SIGNAL=SIGKILL$' "$D/exec.env"
	stop_guard
fi
cg_remove "$cg"

# --- 3. a slow leak (20 MiB/s) in a 128 MiB cgroup --------------------------
cg=$(cg_make slow $((128 * MIB)))
D=$E2E_TMP/slow
if start_guard "$D" --cgroup "$cg"; then
	run_bg "$cg" "$HOG" --rate 20
	hog=$BG
	( sleep 30; kill -9 $hog 2>/dev/null ) & guardrail=$!
	wait $hog
	rc=$?
	kill $guardrail 2>/dev/null
	check "slow leak stopped (exit $rc)" test $rc -ge 128
	wait_grep '"event":"kill"' "$D/events"
	check "slow leak: kernel OOM killer did not fire" test "$(oom_kills "$cg")" = 0
	check "slow leak: events kill line" grep -q '"event":"kill"' "$D/events"
	stop_guard
fi
cg_remove "$cg"

# --- 4. many small processes --------------------------------------------------
cg=$(cg_make many $((256 * MIB)))
D=$E2E_TMP/many
if start_guard "$D" --cgroup "$cg" --grace-ms 0; then
	pids=()
	for i in $(seq 1 16); do
		run_bg "$cg" "$HOG" --mib 18 --rate 6 --hold 20
		pids+=($BG)
	done
	for p in "${pids[@]}"; do wait "$p" 2>/dev/null; done
	kills=$(grep -c '"event":"kill"' "$D/events")
	check "many small: the guard stopped some ($kills)" test "$kills" -ge 1
	check "many small: kernel OOM killer did not fire" test "$(oom_kills "$cg")" = 0
	stop_guard
fi
cg_remove "$cg"

# --- 5. protected and -1000 spared even when largest ------------------------
cg=$(cg_make spare $((256 * MIB)))
D=$E2E_TMP/spare
mkdir -p "$D"
cp "$HOG" "$D/bighog"
if start_guard "$D" --cgroup "$cg" --grace-ms 0 --protect "bighog sshd"; then
	run_bg "$cg" "$D/bighog" --comm bighog --mib 90 --hold 120 --ready "$D/big.ready"
	big=$BG
	adj=""
	if can_adj_min; then
		run_bg "$cg" "$HOG" --mib 80 --adj -1000 --hold 120 --ready "$D/adj.ready"
		adj=$BG
	else
		: > "$D/adj.ready"
	fi
	for i in $(seq 1 100); do [ -f "$D/big.ready" ] && [ -f "$D/adj.ready" ] && break; sleep 0.1; done
	run_bg "$cg" "$HOG"
	hog=$BG
	wait $hog
	rc=$?
	check "spare: the growing hog (smaller) is the victim (exit $rc)" test $rc -ge 128
	check "spare: protected bighog (largest) survives" kill -0 $big
	if can_adj_min; then
		check "spare: oom_score_adj -1000 hog survives" kill -0 $adj
	else
		skip "spare: cannot set oom_score_adj -1000 here (no CAP_SYS_RESOURCE); covered by test_guard_policy"
	fi
	check "spare: kernel OOM killer did not fire" test "$(oom_kills "$cg")" = 0
	wait_ls "$D/incidents/*guard-kill*.json"
	inc=$(ls "$D/incidents"/*guard-kill*.json 2>/dev/null | head -n 1)
	if [ -n "$inc" ]; then
		check "spare: incident says protect list" grep -q '"protected": "protect list"' "$inc"
		can_adj_min && check "spare: incident says -1000" grep -q '"protected": "oom_score_adj -1000"' "$inc"
	else
		fail "spare: no incident file"
	fi
	stop_guard
	kill $big $adj 2>/dev/null; wait $big $adj 2>/dev/null
fi
cg_remove "$cg"

# --- 6. the victim exits by itself between the choice and the signal --------
cg=$(cg_make gone $((256 * MIB)))
D=$E2E_TMP/gone
mkdir -p "$D"
if OOMKIT_GUARD_TEST_KILL_DELAY_MS=1500 start_guard "$D" --cgroup "$cg" --grace-ms 0; then
	run_bg "$cg" "$HOG" --mib 20 --hold 120 --ready "$D/by.ready"
	by=$BG
	for i in $(seq 1 50); do [ -f "$D/by.ready" ] && break; sleep 0.1; done
	# 215 MiB + 20 MiB: below the term threshold; the hog leaves after 1 s.
	run_bg "$cg" "$HOG" --mib 215 --hold 1
	hog=$BG
	wait $hog
	rc=$?
	sleep 1
	check "gone: the hog exited by itself (exit $rc)" test $rc = 0
	check "gone: guard still running" kill -0 "$GP"
	check "gone: reported as gone, nobody signalled" grep -q '"event":"victim_gone"' "$D/events"
	check "gone: bystander not signalled in its place" kill -0 $by
	check "gone: no kill line" bash -c "! grep -q '\"event\":\"kill\"' '$D/events'"
	stop_guard
	kill $by 2>/dev/null; wait $by 2>/dev/null
fi
cg_remove "$cg"

# --- 7. dry run: decides, reports, signals nothing --------------------------
cg=$(cg_make dry $((128 * MIB)))
D=$E2E_TMP/dry
kmsg=no
can_read_kmsg && [ -r /dev/kmsg ] && kmsg=yes
if KMSG=$kmsg start_guard "$D" --cgroup "$cg" --dry-run; then
	run_bg "$cg" "$HOG"
	hog=$BG
	wait $hog
	rc=$?
	wait_grep '"event":"kernel_kill"' "$D/events"
	check "dry run: decision reported" grep -q '"event":"decision".*"dry_run":true' "$D/events"
	check "dry run: no kill line" bash -c "! grep -q '\"event\":\"kill\"' '$D/events'"
	check "dry run: the kernel's OOM killer got the hog instead (oom_kill $(oom_kills "$cg"), exit $rc)" \
		test "$(oom_kills "$cg")" -ge 1
	check "dry run: the kernel's kill is reported" grep -q '"event":"kernel_kill"' "$D/events"
	check "dry run: incident for the decision" bash -c "ls '$D/incidents'/*guard-dry-run*.json >/dev/null 2>&1"
	kinc=$(ls "$D/incidents"/*kernel-oom-kill*.json 2>/dev/null | head -n 1)
	check "dry run: incident for the kernel's kill" test -n "$kinc"
	if [ $kmsg = yes ] && [ -n "$kinc" ]; then
		check "kernel kill incident holds the kernel's report (/dev/kmsg)" grep -q 'Killed process' "$kinc"
		check "kernel kill event names the victim" grep -q "\"event\":\"kernel_kill\".*\"comm\":\"oomkit-test-hog\"" "$D/events"
		check "kernel kill reported once" test "$(grep -c '"event":"kernel_kill"' "$D/events")" = 1
	fi
	stop_guard
fi
cg_remove "$cg"

# --- 8. whole machine, dry run only, thresholds set to trigger now ----------
D=$E2E_TMP/machine
if start_guard "$D" --dry-run --mem-term-percent 99 --mem-kill-percent 98; then
	for i in $(seq 1 30); do grep -q '"event":"decision"' "$D/events" && break; sleep 0.1; done
	check "machine dry run: decision reported" grep -q '"event":"decision".*"scope":"machine"' "$D/events"
	check "machine dry run: nothing signalled" bash -c "! grep -q '\"event\":\"kill\"' '$D/events'"
	stop_guard
	check "machine dry run: clean exit" test $? = 0
fi

# --- 9. SIGHUP: a bad file is refused, a good one applied ---------------------
D=$E2E_TMP/reload
mkdir -p "$D"
printf '[guard]\nmem-term-percent = 10\n' > "$D/guard.conf"
if start_guard "$D" --config "$D/guard.conf" --dry-run; then
	printf '[guard]\nmem-term-percent = lots\n' > "$D/guard.conf"
	kill -HUP "$GP"; sleep 0.5
	check "reload: bad file refused" grep -q "guard.conf:2: 'mem-term-percent'.*keeping the old configuration" "$D/log"
	check "reload: still running" kill -0 "$GP"
	printf '[guard]\nmem-term-percent = 12\n' > "$D/guard.conf"
	kill -HUP "$GP"; sleep 0.5
	check "reload: good file applied" grep -q '"event":"reload","time":"[^"]*","ok":true' "$D/events"
	stop_guard
fi
printf 'x = 1\n' > "$E2E_TMP/bad.conf"
out=$("$OOMKIT" guard --config "$E2E_TMP/bad.conf" --check-config 2>&1); rc=$?
check "--check-config: exit 1 and the line number ($rc)" test $rc = 1 -a -n "$(grep 'bad.conf:1: unknown key' <<<"$out")"
printf '[guard]\nprefer = a\033[31m(\n' > "$E2E_TMP/esc.conf"
"$OOMKIT" guard --config "$E2E_TMP/esc.conf" --check-config 2>"$E2E_TMP/esc.err"
check "a config value quoted in an error reaches the terminal escaped" \
	bash -c "grep -q 'a\\\\x1b\[31m(' '$E2E_TMP/esc.err' && ! grep -q \$'\\033' '$E2E_TMP/esc.err'"
check "unknown flag is a usage error (exit 2)" bash -c "'$OOMKIT' guard --no-such-flag 2>/dev/null; test \$? = 2"

# --- 9b. the watched cgroup is removed: said once, no busy loop ----------------
cg=$(cg_make gonecg $((64 * MIB)))
D=$E2E_TMP/gonecg
if start_guard "$D" --cgroup "$cg"; then
	rmdir "$cg"
	sleep 0.3
	a=$(awk '{print $1}' "/proc/$GP/schedstat"); sleep 2; b=$(awk '{print $1}' "/proc/$GP/schedstat")
	check "removed cgroup: no busy loop ($(( (b - a) / 1000 )) us of CPU in 2 s)" test $(( (b - a) / 1000 )) -lt 50000
	check "removed cgroup: said once" test "$(grep -c 'cannot read' "$D/log")" = 1
	stop_guard
	check "removed cgroup: clean exit" test $? = 0
fi

# --- 10. systemd: sd_notify (READY, WATCHDOG, STATUS) and journal priorities
if $have_py; then
	D=$E2E_TMP/notify
	mkdir -p "$D"
	python3 - "$D/notify.sock" "$D/notify.txt" <<'PY' &
import socket, sys, time
s = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
s.bind(sys.argv[1])
s.settimeout(0.5)
end = time.time() + 8
with open(sys.argv[2], "w") as out:
    while time.time() < end:
        try:
            out.write(s.recv(4096).decode() + "\n"); out.flush()
        except socket.timeout:
            pass
PY
	py=$!
	on_exit "kill $py 2>/dev/null"
	for i in $(seq 1 30); do [ -S "$D/notify.sock" ] && break; sleep 0.1; done
	: > "$D/log"
	NOTIFY_SOCKET="$D/notify.sock" WATCHDOG_USEC=400000 JOURNAL_STREAM=$(stat -c '%d:%i' "$D/log") \
		"$OOMKIT" guard --dry-run --kmsg no --incident-dir "" 2>>"$D/log" &
	np=$!
	sleep 1.5
	kill -TERM $np; wait $np
	kill $py 2>/dev/null; wait $py 2>/dev/null
	check "sd_notify READY=1" grep -q '^READY=1' "$D/notify.txt"
	check "sd_notify WATCHDOG=1 (WATCHDOG_USEC honoured)" grep -q '^WATCHDOG=1' "$D/notify.txt"
	check "sd_notify STATUS=" grep -q '^STATUS=watching' "$D/notify.txt"
	check "sd_notify STOPPING=1 at SIGTERM" grep -q '^STOPPING=1' "$D/notify.txt"
	check "journal: <N> priority prefixes" grep -q '^<6>watching machine' "$D/log"
else
	skip "python3 missing: no sd_notify listener"
fi

# --- 11. a real Prometheus scraping the guard on loopback -------------------
if command -v prometheus >/dev/null; then
	cg=$(cg_make prom $((128 * MIB)))
	D=$E2E_TMP/prom
	PPORT=$((PORT + 1))
	if start_guard "$D" --cgroup "$cg" --metrics "127.0.0.1:$PORT"; then
		cat > "$D/prometheus.yml" <<EOF
global: { scrape_interval: 1s, evaluation_interval: 1s }
scrape_configs:
  - job_name: oomkit
    static_configs: [ { targets: ['127.0.0.1:$PORT'] } ]
EOF
		prometheus --config.file="$D/prometheus.yml" --storage.tsdb.path="$D/tsdb" \
			--web.listen-address="127.0.0.1:$PPORT" >"$D/prom.log" 2>&1 &
		pp=$!
		on_exit "kill $pp 2>/dev/null"
		got=""
		for i in $(seq 1 40); do
			sleep 0.5
			got=$(curl -s "http://127.0.0.1:$PPORT/api/v1/query?query=oomkit_limit_bytes" 2>/dev/null)
			grep -q '"result":\[{' <<<"$got" && break
		done
		check "Prometheus scraped the guard (oomkit_limit_bytes)" grep -q '"value":\[[0-9.]*,"134217728"\]' <<<"$got"
		up=$(curl -s "http://127.0.0.1:$PPORT/api/v1/query?query=up" 2>/dev/null)
		check "Prometheus target is up" grep -q '"value":\[[0-9.]*,"1"\]' <<<"$up"
		kill $pp 2>/dev/null; wait $pp 2>/dev/null
		stop_guard
	fi
	cg_remove "$cg"
else
	skip "prometheus not installed: no real scrape"
fi

# --- 12. top and the guard name the same victim on the same cgroup ---------
# Three hogs of different sizes and oom_score_adj; `top --cgroup` ranks them
# by the kernel's badness (model/badness.c) and the guard's dry run decides
# with the same formula, totalpages and tie rule.
cg=$(cg_make same $((256 * MIB)))
D=$E2E_TMP/same
mkdir -p "$D"
run_bg "$cg" "$HOG" --mib 40 --hold 120 --ready "$D/a.ready"; a=$BG
run_bg "$cg" "$HOG" --mib 30 --adj 500 --hold 120 --ready "$D/b.ready"; b=$BG
run_bg "$cg" "$HOG" --mib 60 --hold 120 --ready "$D/c.ready"; c=$BG
for i in $(seq 1 100); do [ -f "$D/a.ready" ] && [ -f "$D/b.ready" ] && [ -f "$D/c.ready" ] && break; sleep 0.1; done
top_pid=$("$OOMKIT" top --cgroup "$cg" --json 2>/dev/null | grep -o '"pid": *[0-9]*' | head -n 1 | grep -o '[0-9]*$')
# term at 90 %: the cgroup (130 MiB of 256 used) is below it at once.
if start_guard "$D" --cgroup "$cg" --dry-run --cgroup-term-percent 90 --cgroup-kill-percent 5; then
	wait_grep '"event":"decision"' "$D/events"
	guard_pid=$(grep '"event":"decision"' "$D/events" | head -n 1 | grep -o '"pid":[0-9]*' | head -n 1 | grep -o '[0-9]*$')
	check "same victim: top --cgroup names pid ${top_pid:-none} first, the guard's dry run ${guard_pid:-none}" \
		test -n "$top_pid" -a "$top_pid" = "${guard_pid:-x}"
	check "same victim: it is the one with oom_score_adj 500 (badness, not size)" test "${guard_pid:-x}" = "$b"
	stop_guard
fi
kill $a $b $c 2>/dev/null; wait $a $b $c 2>/dev/null
cg_remove "$cg"

# --- 13. a process whose main thread has exited -----------------------------
# main() calls pthread_exit, a worker allocates: the leader is a zombie with
# no memory lines in /proc/PID/status.  The guard reads a live thread (as
# find_lock_task_mm does), stops that process, spares the bystander, and the
# kernel's OOM killer never fires.
ZHOG=${ZHOG:-$(dirname "$HOG")/zombie_hog}
if [ -x "$ZHOG" ]; then
	cg=$(cg_make zombie $((256 * MIB)))
	D=$E2E_TMP/zombie
	mkdir -p "$D"
	if start_guard "$D" --cgroup "$cg" --grace-ms 0; then
		run_bg "$cg" "$HOG" --mib 20 --hold 120 --ready "$D/by.ready"
		by=$BG
		for i in $(seq 1 50); do [ -f "$D/by.ready" ] && break; sleep 0.1; done
		run_bg "$cg" "$ZHOG" --ready "$D/z.ready"
		z=$BG
		for i in $(seq 1 100); do kill -0 $z 2>/dev/null || break; sleep 0.1; done
		wait $z
		rc=$?
		check "zombie leader: the process with the exited main thread was stopped (exit $rc)" test $rc -ge 128
		check "zombie leader: its leader was a zombie while it ran" test -f "$D/z.ready"
		check "zombie leader: bystander survives" kill -0 $by
		check "zombie leader: kernel OOM killer did not fire (oom_kill $(oom_kills "$cg"))" test "$(oom_kills "$cg")" = 0
		wait_grep '"event":"kill"' "$D/events"
		check "zombie leader: kill line names it" grep -q "\"event\":\"kill\",.*\"pid\":$z," "$D/events"
		check "zombie leader: never 'nothing may be killed'" bash -c "! grep -q 'nothing may be killed' '$D/log'"
		stop_guard
		kill $by 2>/dev/null; wait $by 2>/dev/null
	fi
	cg_remove "$cg"
else
	skip "zombie leader: $ZHOG not built (make tests)"
fi

# --- 14. more processes than the guard's table (4096), dry run --------------
# 4200 small processes, then the hog, newest and last in cgroup.procs: the
# scan keeps the best ranked, so the hog is still the decision, and the
# guard says how many it did not consider.
SLEEPER=${SLEEPER:-$(dirname "$HOG")/sleeper}
if [ -x "$SLEEPER" ] && [ "$(ulimit -u)" = unlimited -o "$(ulimit -u)" -gt 5000 ] 2>/dev/null; then
	cg=$(cg_make over4096 $((1024 * MIB)))
	D=$E2E_TMP/over4096
	mkdir -p "$D"
	run_bg "$cg" "$SLEEPER" 4200 > "$D/s.pids"    # prints the children's pids, then closes stdout
	sl=$BG
	for i in $(seq 1 300); do [ "$(wc -l < "$D/s.pids")" -ge 4200 ] && break; sleep 0.1; done
	n=$(wc -l < "$cg/cgroup.procs")
	if [ "$n" -gt 4096 ] && start_guard "$D" --cgroup "$cg" --dry-run --cgroup-term-percent 30 --cgroup-kill-percent 5; then
		used=$(( $( [ -f "$cg/memory.usage_in_bytes" ] && cat "$cg/memory.usage_in_bytes" || cat "$cg/memory.current") / MIB ))
		mib=$(( 1024 - used - 200 ))
		run_bg "$cg" "$HOG" --mib "$mib" --hold 120 --ready "$D/h.ready"
		h=$BG
		wait_grep '"event":"decision"' "$D/events"
		check "more than 4096 ($n processes): the dry run names the hog, the newest" \
			grep -q "\"event\":\"decision\",.*\"pid\":$h," "$D/events"
		check "more than 4096: the guard says what it did not consider" grep -q 'ranked first kept' "$D/log"
		check "more than 4096: kernel OOM killer did not fire" test "$(oom_kills "$cg")" = 0
		check "more than 4096: nothing signalled" bash -c "! grep -q '\"event\":\"kill\"' '$D/events'"
		stop_guard
		kill $h 2>/dev/null; wait $h 2>/dev/null
	else
		skip "more than 4096: only $n processes could be started"
	fi
	kill -9 $sl 2>/dev/null; wait $sl 2>/dev/null
	cg_remove "$cg"
else
	skip "more than 4096: $SLEEPER not built or too low a process limit"
fi

# --- 15. exit race, many times ----------------------------------------------
# A hog crosses the SIGTERM threshold and exits by itself at once: its mm is
# gone from /proc while its pages are still being uncharged.  The guard must
# wait for that memory, not take the bystander.
cg=$(cg_make race $((256 * MIB)))
D=$E2E_TMP/race
mkdir -p "$D"
if start_guard "$D" --cgroup "$cg" --grace-ms 0; then
	run_bg "$cg" "$HOG" --mib 20 --hold 600 --ready "$D/by.ready"
	by=$BG
	for i in $(seq 1 50); do [ -f "$D/by.ready" ] && break; sleep 0.1; done
	runs=${RACE_RUNS:-30}
	for r in $(seq 1 "$runs"); do
		run_bg "$cg" "$HOG" --mib ${RACE_MIB:-211} --hold 0
		wait $BG
		kill -0 $by 2>/dev/null || break
	done
	sleep 0.5
	check "exit race ($runs runs): the bystander was never taken" kill -0 $by
	check "exit race: kernel OOM killer did not fire (oom_kill $(oom_kills "$cg"))" test "$(oom_kills "$cg")" = 0
	check "exit race: no kill of the bystander" bash -c "! grep -q '\"event\":\"kill\",.*\"pid\":$by,' '$D/events'"
	echo "    $(grep -c '"event":"memory_returned"' "$D/events") times the guard saw the memory come back by itself"
	stop_guard
	kill $by 2>/dev/null; wait $by 2>/dev/null
fi
cg_remove "$cg"

finish
