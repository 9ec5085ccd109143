#!/usr/bin/env bash
# bench/top/run.sh BINARY [N] [ROUNDS]
# Starts N (default 2000) sleeping processes in a memory cgroup, then times,
# side by side in one run, ROUNDS (default 10) passes of:
#   BINARY top -n N          (text)        BINARY top --json -n N
#   ps -e -o pid,oom,oomadj,rss,comm --sort=-oom
#   oom-sort (Debian's nohang), when installed
# and prints each one's median wall time and its ratio to oomkit.  Every
# sleeper is killed by pid and the cgroup removed at the end.
set -u
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
n=${2:-2000}
rounds=${3:-10}
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
cg=""
pidfile="$tmp/pids"
cleanup() {
	if [ -s "$pidfile" ]; then xargs -r kill -9 < "$pidfile" 2>/dev/null; fi
	[ -n "${sleeper_pid:-}" ] && kill -9 "$sleeper_pid" 2>/dev/null
	if [ -n "$cg" ] && [ -d "$cg" ]; then
		for i in $(seq 1 50); do
			for p in $(cat "$cg/cgroup.procs" 2>/dev/null); do kill -9 "$p" 2>/dev/null; done
			rmdir "$cg" 2>/dev/null && break
			sleep 0.1
		done
	fi
	rm -rf "$tmp"
}
trap cleanup EXIT

cc -O2 -o "$tmp/sleeper" "$here/sleeper.c" || { echo "bench/top: cannot build the sleeper"; exit 1; }

# A memory cgroup (v1 or v2) under our own, 1 GiB at most for the sleepers.
rel=$(awk -F: '$2 ~ /(^|,)memory(,|$)/ {print $3}' /proc/self/cgroup)
if [ -n "$rel" ] && [ -d "/sys/fs/cgroup/memory${rel%/}" ]; then
	cg="/sys/fs/cgroup/memory${rel%/}/oomkit-bench-$$"
	mkdir "$cg" && echo $((1 << 30)) > "$cg/memory.limit_in_bytes"
else
	root=$(awk '$3=="cgroup2"{print $2; exit}' /proc/mounts)
	rel=$(awk -F: '$1=="0"{print $3}' /proc/self/cgroup)
	cg="$root${rel%/}/oomkit-bench-$$"
	mkdir "$cg" && echo $((1 << 30)) > "$cg/memory.max"
fi
[ -d "$cg" ] || { echo "bench/top: no memory cgroup for the sleepers"; cg=""; exit 1; }

bash -c 'echo $$ > "$1/cgroup.procs" && exec "$2" "$3"' x "$cg" "$tmp/sleeper" "$n" > "$pidfile" &
sleeper_pid=$!
disown "$sleeper_pid" 2>/dev/null
for i in $(seq 1 300); do [ "$(wc -l < "$pidfile")" -ge "$n" ] && break; sleep 0.1; done
total=$(ls /proc | grep -c '^[0-9]')
echo "bench/top: $(wc -l < "$pidfile") sleepers started ($total processes on the machine), $rounds rounds each"

# The commands are timed interleaved, round by round, so that a busy
# machine slows them alike; each one's median wall time in ms is kept.
names=("oomkit top -n $n" "oomkit top --json -n $n" "ps -e -o pid,oom,oomadj,rss,comm --sort=-oom")
cmds=("$bin top -n $n" "$bin top --json -n $n" "ps -e -o pid,oom,oomadj,rss,comm --sort=-oom")
if command -v oom-sort > /dev/null 2>&1; then
	names+=("oom-sort (nohang $(dpkg-query -W -f='${Version}' nohang 2>/dev/null))")
	cmds+=("oom-sort")
fi
for c in "${cmds[@]}"; do $c > /dev/null 2>&1; done   # warm the caches for everyone alike
declare -A times
for r in $(seq 1 "$rounds"); do
	for i in "${!cmds[@]}"; do
		t0=$(date +%s%N)
		${cmds[$i]} > /dev/null 2>&1
		t1=$(date +%s%N)
		times[$i]+="$(( (t1 - t0) / 1000 )) "
	done
done
median() { tr ' ' '\n' <<<"$1" | grep . | sort -n | awk '{a[NR]=$1} END {printf "%.1f", a[int((NR+1)/2)]/1000}'; }
t_text=$(median "${times[0]}")
t_json=$(median "${times[1]}")
t_ps=$(median "${times[2]}")
t_nohang=""
[ ${#cmds[@]} -gt 3 ] && t_nohang=$(median "${times[3]}")
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "?" }'; }
printf '%-52s %10s %12s\n' "command ($n sleepers, median of $rounds)" "ms" "x oomkit"
printf '%-52s %10s %12s\n' "${names[0]}" "$t_text" "1.00"
printf '%-52s %10s %12s\n' "${names[1]}" "$t_json" "$(ratio "$t_json" "$t_text")"
printf '%-52s %10s %12s\n' "${names[2]}" "$t_ps" "$(ratio "$t_ps" "$t_text")"
if [ -n "$t_nohang" ]; then
	printf '%-52s %10s %12s\n' "${names[3]}" "$t_nohang" "$(ratio "$t_nohang" "$t_text")"
else
	echo "oom-sort (Debian's nohang): not available here (apt-get install nohang)"
fi
echo "ps / oomkit top = $(ratio "$t_ps" "$t_text") (target: > 1, i.e. oomkit faster)"
awk -v a="$t_text" -v b="$t_ps" 'BEGIN { exit !(a < b) }' && echo "result: oomkit top is faster than ps" \
	|| echo "result: oomkit top is NOT faster than ps"
