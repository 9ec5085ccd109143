#!/usr/bin/env bash
# dist/init.d/oomkit-guard and dist/logrotate/oomkit, run for real on paths
# in a temporary directory (the script's /usr/bin, /run, /var/log and
# /var/lib paths rewritten; the guard in --dry-run on the whole machine, so
# it signals nothing): start, status, reload (SIGHUP), a forced logrotate of
# the events file (copytruncate: the guard's next lines land in the
# truncated file), stop.
. "$(dirname "$0")/lib.sh"

SRC=${OOMKIT_SRCDIR:-$(cd "$(dirname "$0")/../.." && pwd)}
[ -x "${OOMKIT:-}" ] || { skip "OOMKIT not set"; finish; exit; }
for need in /lib/lsb/init-functions /sbin/start-stop-daemon; do
	[ -e "$need" ] || { skip "$need missing (Debian: lsb-base, dpkg): init script not run"; finish; exit; }
done
T=$E2E_TMP
mkdir -p "$T/log"
sed -e "s|^DAEMON=.*|DAEMON=$OOMKIT|" -e "s|^PIDFILE=.*|PIDFILE=$T/oomkit-guard.pid|" \
	-e "s|^LOGDIR=.*|LOGDIR=$T/log|" -e "s|/var/lib/oomkit/incidents|$T/incidents|g" \
	-e "s|/etc/default/\$NAME|$T/default|g" "$SRC/dist/init.d/oomkit-guard" > "$T/init"
cat > "$T/default" <<EOF
DAEMON_ARGS="--dry-run --kmsg no --incident-dir $T/incidents --events $T/log/events.jsonl"
EOF
export _SYSTEMCTL_SKIP_REDIRECT=1   # never hand over to systemctl (lsb's systemd hook)
check "the rewritten script still has its paths" bash -c "! grep -Eq '^(DAEMON|PIDFILE|LOGDIR)=/(usr|run|var)' '$T/init'"

sh "$T/init" start >"$T/out" 2>&1; rc=$?
check "start (exit $rc)" test $rc = 0
# start-stop-daemon --background writes the pid file from its child, and
# that child is start-stop-daemon until it execs the guard: a loaded machine
# shows either one late.
for i in $(seq 1 80); do
	pid=$(cat "$T/oomkit-guard.pid" 2>/dev/null)
	[ -n "$pid" ] && grep -q oomkit "/proc/$pid/cmdline" 2>/dev/null && break
	sleep 0.1
done
[ -n "$pid" ] && on_exit "kill $pid 2>/dev/null"
check "pid file names a running guard" bash -c "[ -n '$pid' ] && grep -q oomkit /proc/$pid/cmdline"
for i in $(seq 1 50); do grep -qs '"event":"start"' "$T/log/events.jsonl" && break; sleep 0.1; done
check "events: start line" grep -q '"event":"start"' "$T/log/events.jsonl"
check "its log (stderr) in LOGDIR/guard.log" grep -q 'watching' "$T/log/guard.log"
status_ok() { sh "$T/init" status >/dev/null 2>&1; }
check "status: running" status_ok
sh "$T/init" start >/dev/null 2>&1
# (no pgrep: a minimal Debian has no procps)
guards() {
	local n=0 f c
	for f in /proc/[0-9]*/cmdline; do
		c=$(tr '\0' ' ' <"$f" 2>/dev/null) || continue
		case $c in *"$T/incidents"*) n=$((n + 1)) ;; esac
	done
	echo "$n"
}
check "start again: still one guard" test "$(guards)" = 1

reload_ok() { sh "$T/init" reload >/dev/null 2>&1; }
check "reload" reload_ok
for i in $(seq 1 50); do grep -qs '"event":"reload"' "$T/log/events.jsonl" && break; sleep 0.1; done
check "events: reload line (SIGHUP reached the guard)" grep -q '"event":"reload"' "$T/log/events.jsonl"

if command -v logrotate >/dev/null; then
	sed "s|/var/log/oomkit|$T/log|g" "$SRC/dist/logrotate/oomkit" > "$T/logrotate.conf"
	before=$(wc -l < "$T/log/events.jsonl")
	logrotate -f -s "$T/logrotate.state" "$T/logrotate.conf" 2>"$T/logrotate.err"; rc=$?
	[ $rc = 0 ] || sed 's/^/    /' "$T/logrotate.err"
	check "logrotate -f (exit $rc)" test $rc = 0
	check "events rotated to events.jsonl.1 ($before lines)" test "$(wc -l < "$T/log/events.jsonl.1" 2>/dev/null)" = "$before"
	check "events.jsonl truncated" test ! -s "$T/log/events.jsonl"
	kill -HUP "$pid"
	for i in $(seq 1 50); do grep -qs '"event":"reload"' "$T/log/events.jsonl" && break; sleep 0.1; done
	check "after rotation the guard writes at the start of the new file" \
		bash -c "head -c 1 '$T/log/events.jsonl' | grep -q '{' && head -n 1 '$T/log/events.jsonl' | grep -q '\"event\":\"reload\"'"
else
	skip "logrotate not installed (Debian: logrotate): rotation not exercised"
fi

sh "$T/init" stop >/dev/null 2>&1; rc=$?
check "stop (exit $rc)" test $rc = 0
# Gone, or a zombie nobody reaps (start-stop-daemon --background detaches
# it; in a container PID 1 may not reap).
gone() { [ ! -d "/proc/$pid" ] || awk '{exit $3 != "Z"}' "/proc/$pid/stat" 2>/dev/null; }
check "guard gone" gone
check "pid file removed" test ! -e "$T/oomkit-guard.pid"
check "events: stop line" grep -q '"event":"stop"' "$T/log/events.jsonl"
sh "$T/init" status >/dev/null 2>&1; rc=$?
check "status after stop: not running (exit $rc)" test $rc = 3
finish
