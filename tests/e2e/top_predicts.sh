#!/usr/bin/env bash
# oomkit top --cgroup predicts the victim that the kernel's memcg OOM killer
# then picks.  Three holders of known size and oom_score_adj sit in a memory
# cgroup; top ranks them; then a pusher with oom_score_adj -1000 (never a
# candidate) takes the cgroup over its limit once, the kernel kills one
# holder, and that must be top's first.  The pusher writes into a tmpfs file
# (charged to the cgroup, in no process's rss), so it is never the victim.  c's adj of 300 makes the race close
# (20 MiB + 300‰ of 256 MiB ≈ 97 MiB against b's 100 MiB), so an arithmetic
# slip in top shows.  Runs on cgroup v1 and v2 (v2 in the VM matrix).
. "$(dirname "$0")/lib.sh"
: "${OOMKIT:?}" "${HOG:?}"
MIB=$((1024 * 1024))
cg=$(cg_make predict $((256 * MIB))) || { skip "no memory cgroup can be made here"; finish; exit; }
shm=""
for d in /dev/shm /run /tmp; do [ "$(stat -f -c %T "$d" 2>/dev/null)" = tmpfs ] && [ -w "$d" ] && { shm=$d; break; }; done
[ -n "$shm" ] || { skip "no writable tmpfs for the pusher"; cg_remove "$cg"; finish; exit; }
push="$shm/oomkit-test-$$-push"
on_exit "rm -f '$push'"
pids=()
on_exit 'for p in "${pids[@]}"; do kill -9 "$p" 2>/dev/null; done'
start() {  # NAME MIB ADJ
	bash -c 'echo $$ > "$1/cgroup.procs" && shift && exec "$@"' start "$cg" \
		"$HOG" --mib "$2" --hold 120 --adj "$3" --ready "$E2E_TMP/ready-$1" >/dev/null 2>&1 &
	pids+=("$!")
}
start a 40 0; start b 100 0; start c 20 300
for i in $(seq 1 200); do
	[ -e "$E2E_TMP/ready-a" ] && [ -e "$E2E_TMP/ready-b" ] && [ -e "$E2E_TMP/ready-c" ] && break
	sleep 0.1
done
check "holders ready" test -e "$E2E_TMP/ready-a" -a -e "$E2E_TMP/ready-b" -a -e "$E2E_TMP/ready-c"
"$OOMKIT" top --cgroup "$cg" --json > "$E2E_TMP/top.json"
check "top --cgroup --json exits 0" test $? = 0
first=$(tr -d ' \n' < "$E2E_TMP/top.json" | sed -n 's/.*"tasks":\[{"rank":1,"pid":\([0-9]*\).*/\1/p')
check "top names a first victim ($first)" test -n "$first"
before=$(if [ -f "$cg/memory.oom_control" ]; then awk '$1=="oom_kill"{print $2}' "$cg/memory.oom_control"; else awk '$1=="oom_kill"{print $2}' "$cg/memory.events"; fi)
# The pusher: 120 MiB more than the 160 held in a 256 MiB cgroup, once.
cg_run "$cg" "$HOG" --mib 120 --hold 0 --tmpfs "$push" >/dev/null 2>&1
rm -f "$push"
after=$(if [ -f "$cg/memory.oom_control" ]; then awk '$1=="oom_kill"{print $2}' "$cg/memory.oom_control"; else awk '$1=="oom_kill"{print $2}' "$cg/memory.events"; fi)
check "the kernel's memcg OOM killer fired once ($before → $after)" test "$((after - before))" = 1
# The victim may still be dying when the counter moves (a loaded machine):
# wait up to 10 s for one holder to be gone (a zombie counts as gone).
alive() { local st; st=$(sed 's/.*) //' "/proc/$1/stat" 2>/dev/null | cut -d' ' -f1); [ -n "$st" ] && [ "$st" != Z ]; }
killed=""
for i in $(seq 1 100); do
	killed=""
	for p in "${pids[@]}"; do alive "$p" || killed="$killed $p"; done
	killed=${killed# }
	[ -n "$killed" ] && break
	sleep 0.1
done
check "the kernel killed one holder ($killed)" test -n "$killed" -a "${killed// /}" = "$killed"
grep -o '"pid":[0-9]*,"comm":"[^"]*","uid":[0-9]*,"badness":[0-9]*' < <(tr -d ' \n' < "$E2E_TMP/top.json") | head -n 4 | sed 's/^/    top: /'
echo "    holders: a=${pids[0]} b=${pids[1]} c=${pids[2]}"
check "top predicted the kernel's victim (top $first, kernel $killed)" test "$first" = "$killed"
for p in "${pids[@]}"; do kill -9 "$p" 2>/dev/null; wait "$p" 2>/dev/null; done
cg_remove "$cg"
finish
