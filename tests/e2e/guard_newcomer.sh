#!/usr/bin/env bash
# The guard features earlyoom and nohang users look for (issue 11), against
# real hogs in small memory cgroups:
#  1. cgroup-min-mib: a fixed headroom in MiB instead of the percentage;
#  2. the warning stage: logged once, exec-warn run, notify-send run on each
#     session bus (as root and as another user), nothing killed; and the
#     periodic status line (report-interval) naming the top candidate;
#  3. rules by cgroup path (prefer cgroup:GLOB) and by user (protect user:UID);
#  4. action=restart-unit: a fake systemctl on PATH records its arguments
#     and stops the unit's processes; then one that fails, and the guard
#     kills instead, saying why.
# Test knob: OOMKIT_GUARD_TEST_RUN_USER replaces /run/user (where the guard
# looks for session buses) so a fake bus socket can be used.
. "$(dirname "$0")/lib.sh"

[ -x "${OOMKIT:-}" ] || { skip "OOMKIT not set"; finish; exit; }
[ -x "${HOG:-}" ] || { skip "HOG not set"; finish; exit; }
MIB=$((1024 * 1024))
need_memcg

wait_file() {
	local i
	for i in $(seq 1 80); do [ -e "$1" ] && return 0; sleep 0.1; done
	return 1
}
# cg_child PARENT NAME: a child cgroup (removed before its parent).
cg_child() {
	mkdir "$1/$2" || return 1
	on_exit "cg_remove '$1/$2'"
	echo "$1/$2"
}

# --- 1. cgroup-min-mib -------------------------------------------------------
cg=$(cg_make minmib $((128 * MIB)))
D=$E2E_TMP/minmib
if guard_start "$D" --cgroup "$cg" --cgroup-min-mib 40 --grace-ms 0; then
	check "start event: SIGTERM below 40 MiB of headroom" grep -q '"term_threshold_kib":40960' "$D/events"
	check "start event: SIGKILL below 20 MiB (half, as earlyoom)" grep -q '"kill_threshold_kib":20480' "$D/events"
	cg_run_bg "$cg" "$HOG"
	hog=$BG
	wait $hog
	rc=$?
	check "hog stopped by the guard (exit $rc)" test $rc -ge 128
	wait_for '"event":"kill"' "$D/events"
	check "kill event for the hog" grep -q "\"event\":\"kill\",.*\"pid\":$hog" "$D/events"
	check "it acted at 40 MiB, before the kernel (oom_kill $(cg_oom_kills "$cg"))" test "$(cg_oom_kills "$cg")" = 0
	guard_stop
fi
cg_remove "$cg"

# --- 2. warning stage, notify-send, exec-warn, status line ---------------------
if ! command -v python3 >/dev/null; then
	skip "warning stage: python3 needed to make a fake session bus socket"
else
	cg=$(cg_make warn $((128 * MIB)))
	D=$E2E_TMP/warn
	mkdir -p "$D"
	# World-readable so notify-send can run as another user (nobody).
	N=$(mktemp -d /tmp/oomkit-notify-XXXXXX)
	on_exit "rm -rf '$N'"
	chmod 0755 "$N"
	mkdir -p "$N/bin" "$N/run/0" "$N/run/65534" "$N/run/4242"
	: > "$N/notify.log"
	chmod 0666 "$N/notify.log"
	cat > "$N/bin/notify-send" <<EOF
#!/bin/sh
echo "uid=\$(id -u) bus=\$DBUS_SESSION_BUS_ADDRESS args=\$*" >> "$N/notify.log"
EOF
	chmod 0755 "$N/bin/notify-send"
	cat > "$D/warn.sh" <<EOF
#!/bin/sh
env | grep '^OOMKIT_' | sort > "$D/warn.env"
EOF
	chmod 0755 "$D/warn.sh"
	# Unix sockets (one python start: it is slow on a busy machine); 4242's
	# stays owned by root, not by 4242: not that user's bus, skipped.
	python3 -c 'import socket,sys
for p in sys.argv[1:]: socket.socket(socket.AF_UNIX).bind(p)' "$N/run/0/bus" "$N/run/65534/bus" "$N/run/4242/bus"
	chown 65534 "$N/run/65534/bus"
	GUARD_ENV=(PATH="$N/bin:$PATH" OOMKIT_GUARD_TEST_RUN_USER="$N/run")
	if guard_start "$D" --cgroup "$cg" --cgroup-min-mib 16 --warn-cgroup-min-mib 64 \
		--exec-warn "$D/warn.sh" --report-interval 1; then
		# 80 MiB held: 48 MiB left, below the warning (64), above the action (16).
		cg_run_bg "$cg" "$HOG" --mib 80 --hold 60 --ready "$D/hog.ready"
		hog=$BG
		wait_file "$D/hog.ready"
		wait_for 'below the warning threshold' "$D/log"
		wait_for 'uid=65534' "$N/notify.log"
		sleep 1.5     # a second status line
		check "warning logged" grep -Eq 'available .* of 128(\.0)? MiB, below the warning threshold 64(\.0)? MiB' "$D/log"
		check "warning logged once while memory stays low" test "$(grep -c 'below the warning threshold' "$D/log")" = 1
		check "exec-warn ran with OOMKIT_EVENT=warn" grep -q '^OOMKIT_EVENT=warn$' "$D/warn.env"
		check "exec-warn got the scope" grep -q "^OOMKIT_SCOPE=$cg\$" "$D/warn.env"
		check "notify-send ran as root on root's bus" grep -q "^uid=0 bus=unix:path=$N/run/0/bus args=--urgency=critical --app-name=oomkit -- Memory is running low" "$N/notify.log"
		check "notify-send ran as the bus's user (65534)" grep -q "^uid=65534 bus=unix:path=$N/run/65534/bus " "$N/notify.log"
		check "a bus socket its uid does not own is not used" bash -c "! grep -q 4242 '$N/notify.log'"
		check "nothing killed at the warning stage" kill -0 $hog
		check "no kill event" bash -c "! grep -q '\"event\":\"kill\"' '$D/events'"
		check "status line: scope, available, top candidate and badness" \
			grep -Eq "status .*warn: available [0-9.]+ [KMG]iB of 128(\\.0)? MiB \\([0-9]+%\\), PSI .*top candidate pid $hog \\(oomkit-test-hog\\) badness [0-9]+" "$D/log"
		grep -m1 'status .*warn: available' "$D/log" | sed 's/^/    /'
		# --report-interval 1: a second line within a few seconds (the first
		# comes one interval after the start, which may be after the warning)
		for i in $(seq 1 40); do [ "$(grep -c 'status .*warn: available' "$D/log")" -ge 2 ] && break; sleep 0.1; done
		check "status line every second" test "$(grep -c 'status .*warn: available' "$D/log")" -ge 2
		kill $hog; wait $hog 2>/dev/null
		wait_for 'above the warning threshold again' "$D/log"
		check "re-armed when memory recovers" grep -q 'above the warning threshold again' "$D/log"
		guard_stop
		check "clean exit" test $? = 0
	fi
	unset GUARD_ENV
	cg_remove "$cg"
fi

# --- 3. rules by cgroup path and by user ---------------------------------------
cg=$(cg_make rules $((128 * MIB)))
D=$E2E_TMP/rules
a=$(cg_child "$cg" a) && b=$(cg_child "$cg" b)
if [ -n "$a" ] && [ -n "$b" ] && guard_start "$D" --cgroup "$cg" --grace-ms 0 --prefer 'cgroup:*/b' --escalate no; then
	# The preferred one is the smallest: only the rule makes it the first victim.
	cg_run_bg "$b" "$HOG" --mib 4 --hold 60 --ready "$D/small.ready"
	small=$BG
	wait_file "$D/small.ready"
	cg_run_bg "$a" "$HOG"
	big=$BG
	wait $small
	check "the process in the preferred cgroup is the first victim" \
		grep -q "\"event\":\"kill\",.*\"pid\":$small,.*\"reason\":\"preferred" "$D/events"
	wait $big
	guard_stop
fi
cg_remove "$a"; cg_remove "$b"; cg_remove "$cg"

if id nobody >/dev/null 2>&1 && command -v setpriv >/dev/null; then
	cg=$(cg_make user $((128 * MIB)))
	D=$E2E_TMP/user
	if guard_start "$D" --cgroup "$cg" --grace-ms 0 --protect "user:nobody"; then
		# The largest (held, 60 MiB) runs as nobody: protected; the filler goes.
		# Its ready file where nobody may write it.
		R=$(mktemp -d /tmp/oomkit-ready-XXXXXX)
		on_exit "rm -rf '$R'"
		chmod 0777 "$R"
		cg_run_bg "$cg" setpriv --reuid=nobody --regid=nogroup --clear-groups "$HOG" --mib 60 --hold 60 --ready "$R/big.ready"
		bigu=$BG
		wait_file "$R/big.ready"
		cg_run_bg "$cg" "$HOG" --rate 100
		filler=$BG
		wait $filler
		wait_for '"event":"kill"' "$D/events"
		check "protect user:nobody spares the largest" kill -0 $bigu
		check "the filler is the victim" grep -q "\"event\":\"kill\",.*\"pid\":$filler" "$D/events"
		grep '"event":"kill"' "$D/events" | head -3 | sed 's/^/    /'
		kill $bigu $filler 2>/dev/null; wait $bigu $filler 2>/dev/null
		guard_stop
	fi
	cg_remove "$cg"
else
	skip "user rule end to end: no 'nobody' user or no setpriv"
fi

# --- 4. action=restart-unit ------------------------------------------------------
# hog_until_kill CGROUP GUARD_DIR [HOG-ARGS]: a hog there until it is
# stopped; hog, rc.
hog_until_kill() {
	cg_run_bg "$1" "$HOG" "${@:3}"
	hog=$BG
	wait $hog
	rc=$?
	wait_for '"event":"kill"' "$2/events"
}
cg=$(cg_make unit $((128 * MIB)))
D=$E2E_TMP/unit
mkdir -p "$D/bin"
u=$(cg_child "$cg" fake-app.service)
cat > "$D/bin/systemctl" <<EOF
#!/bin/sh
echo "\$*" >> "$D/systemctl.args"
# "restart": what systemd would do first, stop the unit's processes
for p in \$(cat "$u/cgroup.procs"); do kill -9 \$p; done
EOF
chmod 0755 "$D/bin/systemctl"
GUARD_ENV=(PATH="$D/bin:$PATH")
if [ -n "$u" ] && guard_start "$D" --cgroup "$cg" --grace-ms 0 --prefer 'unit:fake-app action=restart-unit'; then
	hog_until_kill "$u" "$D"
	check "systemctl --no-block restart -- fake-app.service" grep -qx -- '--no-block restart -- fake-app.service' "$D/systemctl.args"
	check "the unit's restart stopped the hog (exit $rc)" test $rc = 137
	grep '"event":"kill"' "$D/events" | head -2 | sed 's/^/    /'
	check "kill event: unit, no signal" grep -q "\"event\":\"kill\",.*\"pid\":$hog,.*\"signal\":\"none\".*\"unit\":\"fake-app.service\"" "$D/events"
	inc=$(ls "$D/incidents"/*.json 2>/dev/null | head -n 1)
	check "incident records the restart" grep -q '"unit": "fake-app.service"' "$inc"
	check "no kernel OOM kill" test "$(cg_oom_kills "$cg")" = 0
	guard_stop
fi
# systemctl fails: the guard kills, and says why.
cat > "$D/bin/systemctl" <<EOF
#!/bin/sh
echo "\$*" >> "$D/systemctl.args2"
exit 1
EOF
D2=$E2E_TMP/unit2
# The guard signals only once it has reaped the failed systemctl and looked
# again: a hog at full speed can reach the limit first on a loaded machine
# (the kernel's kill, no event: CI once); at 100 MiB/s the guard has the time.
oom_before=$(cg_oom_kills "$cg")
if [ -n "$u" ] && guard_start "$D2" --cgroup "$cg" --grace-ms 0 --prefer 'unit:fake-app.service action=restart-unit'; then
	hog_until_kill "$u" "$D2" --rate 100
	check "failed restart: hog killed instead (exit $rc)" test $rc = 137
	check "systemctl was asked" test -s "$D/systemctl.args2"
	check "failed restart: the guard's kill, not the kernel's" test "$(cg_oom_kills "$cg")" = "$oom_before"
	if grep -q "\"pid\":$hog,.*\"signal\":\"SIGKILL\".*\"reason\":\"restart-unit fake-app.service: systemctl exited 1; killed instead" "$D2/events"; then
		ok "reason says the fallback"
	else
		fail "reason says the fallback"
		grep '"event":"kill"' "$D2/events" | head -3 | sed 's/^/    /'
	fi
	guard_stop
fi
unset GUARD_ENV
cg_remove "$u"; cg_remove "$cg"

finish
