#!/usr/bin/env bash
# explain_live.sh — real OOM reports from this machine's kernel: a hog in a
# small memory cgroup (and variants: two hogs with different oom_score_adj, a
# hog filling a tmpfs), the kernel's report read back from dmesg, and
# `oomkit explain` must name the victim pid we know, the memcg, the limit and
# the primary cause — also once the report is glued into one line, wrapped
# at 72 columns, quoted with "> ", and interleaved with syslog noise.
# Every hog runs in a cgroup of at most 64 MiB, removed at exit.
. "$(dirname "$0")/lib.sh"

LIMIT=$((64 * 1024 * 1024))
LIMIT_KB=$((LIMIT / 1024))

if [ ! -x "${OOMKIT:-}" ] || [ ! -x "${HOG:-}" ]; then
	skip "explain_live: \$OOMKIT or \$HOG missing"; finish; exit $?
fi
if [ "$(id -u)" -ne 0 ]; then
	skip "explain_live: not root (memory cgroups and tmpfs mounts need it)"; finish; exit $?
fi
if ! can_read_kmsg; then
	skip "explain_live: dmesg is not readable"; finish; exit $?
fi
if ! command -v python3 >/dev/null 2>&1; then
	skip "explain_live: python3 needed to read the JSON"; finish; exit $?
fi

# start_in DIR CMD...: like cg_run, in the background, with $! the command's own pid.
# Disowned, so the shell does not report the kernel's SIGKILL as a job status.
start_in() { bash -c 'echo $$ > "$1/cgroup.procs" && shift && exec "$@"' start_in "$@" >/dev/null 2>&1 & disown $!; }

# mark NAME: writes a unique marker into the kernel log; echo it.
mark() {
	local m="oomkit-e2e-marker-$$-$1-$RANDOM"
	echo "$m" >/dev/kmsg 2>/dev/null || return 1
	echo "$m"
}
# log_since MARKER FILE: the kernel log after MARKER (dmesg with timestamps).
log_since() { dmesg | sed -n "/$1/,\$p" | sed 1d >"$2"; }
# wait_kill PID MARKER: waits (≤10 s) for the kernel's kill line of PID.
wait_kill() {
	local i
	for i in $(seq 1 50); do
		dmesg | sed -n "/$2/,\$p" | grep -q "Killed process $1 " && {
			sleep 0.3   # the rest of the report (oom_reaper) follows
			return 0
		}
		sleep 0.2
	done
	return 1
}
# jq-like: value of EXPR for the event whose victim pid is PID, in JSON FILE
ev_get() {  # FILE PID EXPR
	python3 - "$1" "$2" "$3" <<'EOF' 2>/dev/null
import json, sys
d = json.load(open(sys.argv[1]))
pid = int(sys.argv[2])
evs = [e for e in d["events"] if e.get("victim") and e["victim"].get("pid") == pid]
if not evs:
    print("NO-EVENT")
else:
    e = evs[-1]
    print(eval(sys.argv[3]))
EOF
}

# check_facts LABEL FILE PID CGNAME CAUSE: explain FILE and compare.
check_facts() {
	local label=$1 file=$2 pid=$3 cg=$4 cause=$5 json=$E2E_TMP/out.json txt=$E2E_TMP/out.txt
	"$OOMKIT" explain --json "$file" >"$json" 2>"$E2E_TMP/err"; local xrc=$?   # 1: reports found (0 none, 2 error)
	[ "$xrc" -eq 1 ] || { fail "$label: exit $xrc"; return; }
	if ! python3 -m json.tool "$json" >/dev/null 2>&1; then fail "$label: JSON does not parse"; return; fi
	local got_pid path limit first
	got_pid=$(ev_get "$json" "$pid" 'e["victim"]["pid"]')
	path=$(ev_get "$json" "$pid" 'e["memcg"]["path"]')
	limit=$(ev_get "$json" "$pid" 'e["memcg"]["limit_kb"]')
	first=$(ev_get "$json" "$pid" 'e["causes"][0]["id"]')
	[ "$got_pid" = "$pid" ] && ok "$label: victim pid $pid" || fail "$label: victim pid: got '$got_pid', want $pid"
	case "$path" in
		*"$cg") ok "$label: memcg path" ;;
		*) fail "$label: memcg path '$path' does not end in $cg" ;;
	esac
	[ "$limit" = "$LIMIT_KB" ] && ok "$label: limit" || fail "$label: limit '$limit', want $LIMIT_KB"
	[ "$first" = "$cause" ] && ok "$label: first cause $cause" || fail "$label: first cause '$first', want $cause"
	"$OOMKIT" explain --color=never "$file" >"$txt" 2>/dev/null
	grep -q "(pid $pid" "$txt" && ok "$label: text names the victim" || fail "$label: text does not name pid $pid"
	grep -q "$cause" "$txt" && ok "$label: text names $cause" || fail "$label: text lacks $cause"
}

# variants LABEL RAW PID CGNAME CAUSE: the same report, mangled the ways mail and logs mangle it.
variants() {
	local label=$1 raw=$2 pid=$3 cg=$4 cause=$5 v=$E2E_TMP/variant
	check_facts "$label" "$raw" "$pid" "$cg" "$cause"
	tr '\n' ' ' <"$raw" >"$v.glued"; echo >>"$v.glued"
	check_facts "$label glued" "$v.glued" "$pid" "$cg" "$cause"
	fold -w 72 "$raw" >"$v.wrapped"
	check_facts "$label wrapped at 72" "$v.wrapped" "$pid" "$cg" "$cause"
	sed 's/^/> /' "$raw" >"$v.quoted"
	check_facts "$label quoted" "$v.quoted" "$pid" "$cg" "$cause"
	awk '{ print; if (NR % 3 == 0) printf "Nov 22 03:%02d:%02d host sshd[%d]: Connection closed by 10.0.0.%d port 22 [preauth]\n", NR % 60, NR % 60, 1000 + NR, NR % 250 }' \
		"$raw" >"$v.noisy"
	check_facts "$label interleaved with syslog noise" "$v.noisy" "$pid" "$cg" "$cause"
}

# --- 1. one hog over the limit -------------------------------------------------------
name=hog1
if dir=$(cg_make "$name" "$LIMIT"); then
	m=$(mark "$name") || { skip "explain_live: cannot write /dev/kmsg"; finish; exit $?; }
	start_in "$dir" "$HOG" --mib 256 --hold 30
	pid=$!
	if wait_kill "$pid" "$m"; then
		log_since "$m" "$E2E_TMP/hog1.log"
		variants "memcg hog" "$E2E_TMP/hog1.log" "$pid" "oomkit-test-$$-$name" memcg-limit
		# No FILE: the ring buffer itself (/dev/kmsg).
		"$OOMKIT" explain --json >"$E2E_TMP/ring.json" 2>"$E2E_TMP/ring.err"
		got=$(ev_get "$E2E_TMP/ring.json" "$pid" 'e["causes"][0]["id"]')
		[ "$got" = memcg-limit ] && ok "ring buffer: finds the hog's event" \
			|| fail "ring buffer: cause '$got' for pid $pid"
		src=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["sources"][0]["name"])' "$E2E_TMP/ring.json" 2>/dev/null)
		case "$src" in
			/dev/kmsg|"syslog(2)"|/var/log/*) ok "ring buffer: says it read $src" ;;
			*) fail "ring buffer: source '$src'" ;;
		esac
	else
		fail "memcg hog: the kernel did not kill pid $pid within 10 s"
	fi
	kill -9 "$pid" 2>/dev/null; { wait "$pid"; } 2>/dev/null
	cg_remove "$dir"
else
	skip "explain_live: no memory cgroup can be made here"
fi

# --- 2. two hogs, the smaller one with oom_score_adj 500 dies -------------------------
# totalpages = 16384 (64 MiB): adj 500 adds 500 × 16 = 8000 pages (~31 MiB),
# so a 24 MiB hog with adj 500 outscores a ≤ 40 MiB one with adj 0.
name=adj
if dir=$(cg_make "$name" "$LIMIT"); then
	m=$(mark "$name")
	start_in "$dir" "$HOG" --mib 24 --adj 500 --hold 60 --ready "$E2E_TMP/a.ready"
	pa=$!
	for i in $(seq 1 50); do [ -e "$E2E_TMP/a.ready" ] && break; sleep 0.1; done
	start_in "$dir" "$HOG" --mib 48 --adj 0 --hold 60 --ready "$E2E_TMP/b.ready"
	pb=$!
	if wait_kill "$pa" "$m"; then
		log_since "$m" "$E2E_TMP/adj.log"
		check_facts "two hogs" "$E2E_TMP/adj.log" "$pa" "oomkit-test-$$-$name" memcg-limit
		choice=$(ev_get "$E2E_TMP/out.json" "$pa" 'e["victim"]["choice"]')
		[ "$choice" = best ] && ok "two hogs: the adj 500 hog was the kernel's best choice" \
			|| fail "two hogs: victim choice '$choice', want best"
		adj=$(ev_get "$E2E_TMP/out.json" "$pa" 'e["victim"]["oom_score_adj"]')
		[ "$adj" = 500 ] && ok "two hogs: victim oom_score_adj 500" || fail "two hogs: victim adj '$adj'"
	else
		fail "two hogs: the adj 500 hog (pid $pa) was not killed"
	fi
	kill -9 "$pa" "$pb" 2>/dev/null; { wait "$pa" "$pb"; } 2>/dev/null
	cg_remove "$dir"
fi

# --- 3. a hog filling a tmpfs (charged to the cgroup) ---------------------------------------
name=tmpfs
mnt=$E2E_TMP/tmpfs
mkdir -p "$mnt"
if mount -t tmpfs -o size=256m oomkit-e2e "$mnt" 2>/dev/null; then
	on_exit "umount '$mnt' 2>/dev/null"
	if dir=$(cg_make "$name" "$LIMIT"); then
		m=$(mark "$name")
		start_in "$dir" "$HOG" --mib 200 --tmpfs "$mnt/fill" --hold 30
		pid=$!
		if wait_kill "$pid" "$m"; then
			log_since "$m" "$E2E_TMP/tmpfs.log"
			variants "tmpfs hog" "$E2E_TMP/tmpfs.log" "$pid" "oomkit-test-$$-$name" shmem-tmpfs
		else
			fail "tmpfs hog: the kernel did not kill pid $pid within 10 s"
		fi
		kill -9 "$pid" 2>/dev/null; { wait "$pid"; } 2>/dev/null
		rm -f "$mnt/fill"   # uncharges the tmpfs pages, so the cgroup can go
		cg_remove "$dir"
	fi
	umount "$mnt" 2>/dev/null
else
	skip "explain_live: cannot mount a tmpfs here"
fi

finish
