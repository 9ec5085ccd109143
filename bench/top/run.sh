#!/usr/bin/env bash
# bench/top/run.sh BINARY [N] [ROUNDS]
# Starts N (default 2000) sleeping processes in a memory cgroup, then times,
# side by side in one run, ROUNDS (default 10) passes of:
#   BINARY top -n N          (text)        BINARY top --json -n N
#   ps -eo pid,oom_score --sort=-oom_score   (the issue's yardstick; a procps
#       without that specifier, such as 4.0.2 with only "oom", rejects it:
#       its spelling "ps -eo pid,oom --sort=-oom" is timed instead)
#   ps -e -o pid,oom,oomadj,rss,comm --sort=-oom
#   oom-sort (Debian's nohang), when installed
# and prints each one's median wall time, its ratio to oomkit, and oomkit
# top's time as a share of each ps (the target: <= 0.5x).  Every sleeper is
# killed by pid and the cgroup removed at the end.
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

# The issue's ps command, or its spelling in this procps.
ps_issue="ps -eo pid,oom_score --sort=-oom_score"
ps_issue_name="$ps_issue"
if ! $ps_issue > /dev/null 2>&1; then
	ps_issue="ps -eo pid,oom --sort=-oom"
	ps_issue_name="$ps_issue (procps $(ps --version 2>/dev/null | awk '{print $NF}') has no oom_score: its spelling)"
	echo "bench/top: this ps rejects 'ps -eo pid,oom_score --sort=-oom_score'; timing '$ps_issue', the same columns"
fi

# The commands are timed interleaved, round by round, so that a busy
# machine slows them alike; each one's median wall time in ms is kept.
names=("oomkit top -n $n" "oomkit top --json -n $n" "$ps_issue_name" "ps -e -o pid,oom,oomadj,rss,comm --sort=-oom")
cmds=("$bin top -n $n" "$bin top --json -n $n" "$ps_issue" "ps -e -o pid,oom,oomadj,rss,comm --sort=-oom")
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
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "?" }'; }
t_text=$(median "${times[0]}")
printf '%-72s %10s %10s\n' "command ($n sleepers, median of $rounds)" "ms" "x oomkit"
for i in "${!cmds[@]}"; do
	t=$(median "${times[$i]}")
	printf '%-72s %10s %10s\n' "${names[$i]}" "$t" "$(ratio "$t" "$t_text")"
done
[ ${#cmds[@]} -gt 4 ] || echo "oom-sort (Debian's nohang): not available here (apt-get install nohang)"
t_ps1=$(median "${times[2]}")
t_ps2=$(median "${times[3]}")
r1=$(ratio "$t_text" "$t_ps1")
r2=$(ratio "$t_text" "$t_ps2")
echo "oomkit top / $ps_issue = ${r1}x (target: <= 0.5x)"
echo "oomkit top / ps -e -o pid,oom,oomadj,rss,comm --sort=-oom = ${r2}x (target: <= 0.5x)"
awk -v a="$r1" -v b="$r2" 'BEGIN { exit !(a <= 0.5 && b <= 0.5) }' \
	&& echo "result: oomkit top takes at most half the time of either ps" \
	|| echo "result: oomkit top does NOT stay within half the time of both ps commands"
