# Sourced by every end-to-end script.  Same summary line as the unit tests.
# $OOMKIT is the binary under test; $HOG the allocation hog.
set -u
e2e_passed=0 e2e_failed=0 e2e_skipped=0
ok()   { e2e_passed=$((e2e_passed + 1)); echo "ok $*"; }
fail() { e2e_failed=$((e2e_failed + 1)); echo "FAIL $*"; }
skip() { e2e_skipped=$((e2e_skipped + 1)); echo "skip $*"; }
check() {  # check NAME COMMAND... : passes when the command succeeds
	local name=$1; shift
	if "$@"; then ok "$name"; else fail "$name"; fi
}
# check_py NAME ARGS... : check NAME python3 ARGS... (a script on stdin),
# or a skip with the reason where python3 is missing (a minimal Debian has
# none; .ci/run installs it).
have_python3() { command -v python3 >/dev/null 2>&1; }
check_py() {
	local name=$1; shift
	if have_python3; then check "$name" python3 "$@"; else cat >/dev/null; skip "$name: python3 missing (Debian: python3)"; fi
}
finish() { echo "# passed=$e2e_passed failed=$e2e_failed skipped=$e2e_skipped"; [ "$e2e_failed" -eq 0 ]; }

E2E_TMP=$(mktemp -d)
e2e_cleanup_hooks=()
on_exit() { e2e_cleanup_hooks+=("$*"); }
e2e_exit() {
	local h d
	for h in "${e2e_cleanup_hooks[@]+"${e2e_cleanup_hooks[@]}"}"; do eval "$h"; done
	# Cgroups made by cg_make, also from inside $(...) subshells (whose
	# on_exit hooks die with the subshell): the list is kept in a file.
	if [ -f "$E2E_TMP/cgroups" ]; then
		while IFS= read -r d; do cg_remove "$d"; done < <(tac "$E2E_TMP/cgroups")
	fi
	rm -rf "$E2E_TMP"
}
trap e2e_exit EXIT

# --- memory cgroups for tests -------------------------------------------
# Every hog runs in a memory cgroup made here, with a small limit, under this
# process's own memory cgroup; it is removed on exit.  Never the whole machine.

# cg_base: the directory in which test cgroups are made; empty + reason if none.
cg_base_v1() {
	local rel; rel=$(awk -F: '$2=="memory"{print $3}' /proc/self/cgroup)
	[ -n "$rel" ] && [ -d "/sys/fs/cgroup/memory$rel" ] && echo "/sys/fs/cgroup/memory${rel%/}"
}
cg_base_v2() {
	local root rel
	root=$(awk '$3=="cgroup2"{print $2; exit}' /proc/mounts)
	[ -n "$root" ] || return 1
	grep -qw memory "$root/cgroup.controllers" 2>/dev/null || return 1
	rel=$(awk -F: '$1=="0"{print $3}' /proc/self/cgroup)
	echo "$root${rel%/}"
}

# cg_make NAME LIMIT_BYTES: echo the new cgroup's path (v1 or v2); 1 if impossible.
CG_VERSION=""
cg_make() {
	local name=$1 limit=$2 base dir
	[ "$(id -u)" -eq 0 ] || return 1
	if base=$(cg_base_v1) && [ -n "$base" ] && [ -w "$base" ]; then
		dir="$base/oomkit-test-$$-$name"
		mkdir "$dir" 2>/dev/null || return 1
		echo "$limit" > "$dir/memory.limit_in_bytes" || { rmdir "$dir"; return 1; }
		[ -f "$dir/memory.memsw.limit_in_bytes" ] && echo "$limit" > "$dir/memory.memsw.limit_in_bytes" 2>/dev/null
		CG_VERSION=1
	elif base=$(cg_base_v2) && [ -n "$base" ]; then
		dir="$base/oomkit-test-$$-$name"
		mkdir "$dir" 2>/dev/null || return 1
		echo "$limit" > "$dir/memory.max" || { rmdir "$dir"; return 1; }
		[ -f "$dir/memory.swap.max" ] && echo 0 > "$dir/memory.swap.max"
		CG_VERSION=2
	else
		return 1
	fi
	echo "$dir" >> "$E2E_TMP/cgroups"
	echo "$dir"
}

# cg_remove DIR: kill what we started in it (by pid, from its own procs list) and remove it.
cg_remove() {
	local dir=$1 i pid
	[ -d "$dir" ] || return 0
	for i in 1 2 3 4 5 6 7 8 9 10; do
		for pid in $(cat "$dir/cgroup.procs" 2>/dev/null); do kill -9 "$pid" 2>/dev/null; done
		rmdir "$dir" 2>/dev/null && return 0
		sleep 0.2
	done
	echo "warning: could not remove $dir" >&2
}

# cg_run DIR CMD...: run CMD inside cgroup DIR (in the foreground); returns its status.
cg_run() {
	local dir=$1; shift
	bash -c 'echo $$ > "$1/cgroup.procs" && shift && exec "$@"' cg_run "$dir" "$@"
}
# cg_run_bg DIR CMD...: CMD in cgroup DIR in the background; BG = its pid
# (the shell execs it, so $! is CMD itself, as the guard sees it).
cg_run_bg() {
	local dir=$1; shift
	bash -c 'echo $$ > "$1/cgroup.procs" && shift && exec "$@"' cg_run "$dir" "$@" 2>/dev/null &
	BG=$!
}
# wait_for PATTERN FILE...: up to 8 s for PATTERN (grep) to appear in FILE.
wait_for() {
	local pat=$1 i; shift
	for i in $(seq 1 80); do grep -q -- "$pat" "$@" 2>/dev/null && return 0; sleep 0.1; done
	return 1
}

# need_memcg: a memory cgroup can be made here, or the script ends with a
# skip saying why.  Sets MEMCG_V1=true when the controller is on cgroup v1.
MEMCG_V1=false
need_memcg() {
	local probe
	if ! probe=$(cg_make probe $((64 << 20))); then
		skip "no memory cgroup can be made here (need root and a writable memory hierarchy)"
		finish
		exit
	fi
	[ -f "$probe/memory.limit_in_bytes" ] && MEMCG_V1=true
	cg_remove "$probe"
}

# Is the kernel log readable here (dmesg)?
can_read_kmsg() { dmesg >/dev/null 2>&1; }

# --- the guard under test ---------------------------------------------------
# guard_start DIR ARGS...: oomkit guard with its events and incidents in DIR,
# its log in DIR/log, the variables of GUARD_ENV (NAME=VALUE...) in its
# environment; GP is its pid (env execs it).  Waits for its start line.
GP=""
GUARD_ENV=()
guard_start() {
	local dir=$1; shift
	mkdir -p "$dir"
	env "${GUARD_ENV[@]+"${GUARD_ENV[@]}"}" "$OOMKIT" guard --events "$dir/events" \
		--incident-dir "$dir/incidents" --kmsg "${KMSG:-no}" "$@" >"$dir/stdout" 2>"$dir/log" &
	GP=$!
	on_exit "kill $GP 2>/dev/null"
	local i
	for i in $(seq 1 50); do
		grep -q '"event":"start"' "$dir/events" 2>/dev/null && return 0
		kill -0 "$GP" 2>/dev/null || break
		sleep 0.1
	done
	echo "guard did not start:"; sed 's/^/    /' "$dir/log"
	return 1
}
# guard_stop: SIGTERM to the guard; its exit status.
guard_stop() {
	kill -TERM "$GP" 2>/dev/null
	wait "$GP"
	local rc=$?
	GP=""
	return $rc
}
# cg_oom_kills DIR: the kernel's memcg OOM kills in cgroup DIR (v1 or v2).
cg_oom_kills() {
	if [ -f "$1/memory.oom_control" ]; then awk '$1=="oom_kill"{print $2}' "$1/memory.oom_control"
	else awk '$1=="oom_kill"{print $2}' "$1/memory.events"; fi
}
