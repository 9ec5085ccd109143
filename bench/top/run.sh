#!/usr/bin/env bash
# bench/top/run.sh BINARY [N] [ROUNDS]
# Starts N (default 2000) sleeping processes in a memory cgroup, then times,
# side by side in one run, ROUNDS (default 10) passes of:
#   BINARY top               (the issue's `top`: the first 20 rows)
#   BINARY top -n N          (text, every row) BINARY top --json -n N
#   ps -eo pid,oom_score --sort=-oom_score   (the issue's yardstick; a procps
#       without that specifier, such as 4.0.2 with only "oom", rejects it:
#       its spelling "ps -eo pid,oom --sort=-oom" is timed instead)
#   ps -e -o pid,oom,oomadj,rss,comm --sort=-oom
#   oom-sort (Debian's nohang), when installed
# and prints each one's median wall time, its ratio to oomkit top, and each
# oomkit's time as a share of each ps (the target for `top`: <= 0.5x).  Every sleeper is
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
# machine slows them alike; each one's median wall time in ms is kept, and
# its CPU time (user + system, from the shell's `times` for its children).
# The clock is bash's own $EPOCHREALTIME: a `date` process before and after
# each command would add its own fork and exec to both sides of the ratio.
names=("oomkit top" "oomkit top -n $n" "oomkit top --json -n $n" "$ps_issue_name" "ps -e -o pid,oom,oomadj,rss,comm --sort=-oom")
cmds=("$bin top" "$bin top -n $n" "$bin top --json -n $n" "$ps_issue" "ps -e -o pid,oom,oomadj,rss,comm --sort=-oom")
if command -v oom-sort > /dev/null 2>&1; then
	names+=("oom-sort (nohang $(dpkg-query -W -f='${Version}' nohang 2>/dev/null))")
	cmds+=("oom-sort")
fi
for c in "${cmds[@]}"; do $c > /dev/null 2>&1; done   # warm the caches for everyone alike
[ -n "${EPOCHREALTIME:-}" ] || { echo "bench/top: needs bash 5 (\$EPOCHREALTIME)"; exit 1; }
# `times` line 2: the children's "XmY.ZZZs XmY.ZZZs" (user, system); in ms,
# read without a subshell (a fork would count itself).
cpu_ms() {
	local _ u s
	{ read -r _; read -r u s; } < "$1"
	local um=${u%%m*} us=${u#*m} sm=${s%%m*} ss=${s#*m}
	us=${us%s}; ss=${ss%s}
	echo $(( um * 60000 + 10#${us/./} + sm * 60000 + 10#${ss/./} ))
}
declare -A times cpus
for r in $(seq 1 "$rounds"); do
	for i in "${!cmds[@]}"; do
		times > "$tmp/cpu0"
		t0=${EPOCHREALTIME/[.,]/}
		${cmds[$i]} > /dev/null 2>&1
		t1=${EPOCHREALTIME/[.,]/}
		times > "$tmp/cpu1"
		times[$i]+="$(( 10#$t1 - 10#$t0 )) "
		cpus[$i]+="$(( ($(cpu_ms "$tmp/cpu1") - $(cpu_ms "$tmp/cpu0")) * 1000 )) "
	done
done
median() { tr ' ' '\n' <<<"$1" | grep . | sort -n | awk '{a[NR]=$1} END {printf "%.1f", a[int((NR+1)/2)]/1000}'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "?" }'; }
t_text=$(median "${times[0]}")
printf '%-72s %10s %10s %10s\n' "command ($n sleepers, median of $rounds)" "ms" "x oomkit" "cpu ms"
for i in "${!cmds[@]}"; do
	t=$(median "${times[$i]}")
	printf '%-72s %10s %10s %10s\n' "${names[$i]}" "$t" "$(ratio "$t" "$t_text")" "$(median "${cpus[$i]}")"
done
[ ${#cmds[@]} -gt 5 ] || echo "oom-sort (Debian's nohang): not available here (apt-get install nohang)"
t_ps1=$(median "${times[3]}")
t_ps2=$(median "${times[4]}")
c_ps1=$(median "${cpus[3]}")
c_ps2=$(median "${cpus[4]}")
ok=1
for i in 0 1 2; do
	t=$(median "${times[$i]}")
	c=$(median "${cpus[$i]}")
	r1=$(ratio "$t" "$t_ps1")
	r2=$(ratio "$t" "$t_ps2")
	echo "${names[$i]}: ${r1}x the time of '$ps_issue', ${r2}x that of 'ps -e -o pid,oom,oomadj,rss,comm --sort=-oom'" \
	     "(CPU: $(ratio "$c" "$c_ps1")x, $(ratio "$c" "$c_ps2")x)"
	[ "$i" = 0 ] && ! awk -v a="$r1" -v b="$r2" 'BEGIN { exit !(a <= 0.5 && b <= 0.5) }' && ok=0
done
[ "$ok" = 1 ] && echo "result: oomkit top takes at most half the time of either ps (target <= 0.5x)" \
	|| echo "result: oomkit top does NOT stay within half the time of both ps commands (target <= 0.5x)"
