#!/usr/bin/env bash
# tests/run.sh quick|long BUILD [ASAN_BUILD]
#
# quick (`make check`, ≤ 3 min on 2 cores): every unit test binary of each
# build directory given, then every end-to-end script except the slow ones
# (with the first build's oomkit), the fuzz targets replayed on their seeds.
# long (`make check-long`, CI): the slow end-to-end scripts (LONG_E2E) and
# the timed libFuzzer run (FUZZ_SECONDS per target, default 20).
#
# Adds up the "# passed=N failed=N skipped=N" lines.  The last line is the
# total, in the form CI reads:  "N passed, N failed, N skipped"; long adds
# the totals the last quick run left in BUILD/check.totals, so after
# `make check check-long` the last line counts both.
set -u
mode=quick
case "${1:-}" in quick|long) mode=$1; shift ;; esac
# Slow end-to-end scripts (about a minute each; deb.sh: a full package build): check-long only.
LONG_E2E="explain_live.sh guard_cgroup.sh guard_chaos.sh deb.sh"
here=$(cd "$(dirname "$0")/.." && pwd)
export OOMKIT_SRCDIR="$here"
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=0}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"
passed=0 failed=0 skipped=0
tmpd=$(mktemp -d); trap 'rm -rf "$tmpd"' EXIT
log=$tmpd/log
# The guard's default incident directory: a test that runs the guard without
# its own --incident-dir would leave it on the machine (found so in session 7).
state_dir=/var/lib/oomkit
had_state_dir=false; [ -e "$state_dir" ] && had_state_dir=true

# summarize LABEL LOG RC SECONDS: one ok/FAIL line, adds to the totals.
summarize() {
	local label=$1 lg=$2 rc=$3 secs=$4
	local line; line=$(grep -E '^# passed=[0-9]+ failed=[0-9]+ skipped=[0-9]+$' "$lg" | tail -n 1)
	local p=0 f=0 s=0
	if [ -n "$line" ]; then
		p=$(sed -E 's/.*passed=([0-9]+).*/\1/' <<<"$line")
		f=$(sed -E 's/.*failed=([0-9]+).*/\1/' <<<"$line")
		s=$(sed -E 's/.*skipped=([0-9]+).*/\1/' <<<"$line")
	fi
	# A crash, a sanitizer report or a missing summary is a failure of its own.
	if [ -z "$line" ] || { [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; }; then f=$((f + 1)); fi
	if [ "$f" -gt 0 ]; then
		echo "FAIL $label (exit $rc, $p passed, $f failed)"
		grep -E '^(FAIL|skip)|ERROR|runtime error|Sanitizer' "$lg" | head -n 40 | sed 's/^/    /'
	else
		echo "ok   $label ($p passed, $s skipped, ${secs}s)"
		grep -E '^skip' "$lg" | sed 's/^/    /'
	fi
	passed=$((passed + p)) failed=$((failed + f)) skipped=$((skipped + s))
}

run_one() {  # label command...
	local label=$1; shift
	local start=$SECONDS
	"$@" >"$log" 2>&1
	summarize "$label" "$log" $? $((SECONDS - start))
}

# The unit test binaries and the end-to-end scripts run E2E_JOBS at a time
# (default 2: the machine CI gives has 2 cores; the scripts mostly wait, for
# hogs and for the kernel), each in its own cgroups and temp dirs; their
# results are printed in the order they were started.
E2E_JOBS=${E2E_JOBS:-2}
job_labels=() job_keys=()
job_start() {  # label command...
	local label=$1; shift
	local k=${#job_keys[@]}
	while [ "$(jobs -rp | wc -l)" -ge "$E2E_JOBS" ]; do wait -n 2>/dev/null || sleep 0.2; done
	job_labels+=("$label") job_keys+=("$k")
	( st=$SECONDS; "$@" >"$tmpd/$k.log" 2>&1; echo "$? $((SECONDS - st))" >"$tmpd/$k.rc" ) &
}
jobs_collect() {
	wait
	local i rc secs
	for i in "${!job_keys[@]}"; do
		read -r rc secs <"$tmpd/${job_keys[$i]}.rc" 2>/dev/null || { rc=1 secs=0; }
		summarize "${job_labels[$i]}" "$tmpd/${job_keys[$i]}.log" "$rc" "$secs"
	done
}
# The quick scripts that take longest start first, so the two lanes end
# together (seconds on an idle 2-core machine, in the comments of the CI log).
E2E_FIRST="guard_newcomer.sh html_browser.sh prometheus.sh top_live.sh explain_cli.sh fuzz_smoke.sh adj.sh"

is_long() { case " $LONG_E2E " in *" $1 "*) return 0 ;; esac; return 1; }

first=""
[ "$mode" = quick ] && for build in "$@"; do
	[ -n "$first" ] || first=$build
	for t in "$build"/tests/test_*; do
		[ -x "$t" ] || continue
		job_start "$build/${t##*/}" "$t"
	done
done

export OOMKIT="$here/${first:-build}/oomkit"
export OOMKIT_ASAN="$here/${2:-${first:-build}}/oomkit"
export HOG="$here/${first:-build}/tests/hog"
[ -n "$first" ] || first=${1:-build}
totals="$here/$first/check.totals"
if [ "$mode" = quick ]; then
	rm -f "$totals"
	# The fuzz smoke replays the seeds against the sanitizer build's library.
	export FUZZ_SECONDS=0 FUZZ_ASAN_LIB="$here/${2:-$first}/liboomkit.a"
fi
e2e_list=()
for n in $E2E_FIRST; do [ -f "$here/tests/e2e/$n" ] && e2e_list+=("$here/tests/e2e/$n"); done
for e in "$here"/tests/e2e/*.sh; do
	case " $E2E_FIRST " in *" ${e##*/} "*) continue ;; esac
	e2e_list+=("$e")
done
for e in "${e2e_list[@]}"; do
	[ -f "$e" ] || continue
	n=${e##*/}
	case "$n" in lib.sh) continue ;; esac
	if [ "$mode" = quick ]; then
		is_long "$n" && continue
	else
		is_long "$n" || [ "$n" = fuzz_smoke.sh ] || continue
	fi
	job_start "e2e/$n" bash "$e"
done
jobs_collect

# The kernel matrix in qemu (tests/vm/run.sh): cgroup v2 and a 32-bit PAE
# guest on Debian's kernels.  Minutes per boot under emulation: long only.
if [ "$mode" = quick ]; then
	echo "skip vm: the kernel matrix in qemu (cgroup v2, 32-bit PAE; tests/vm/run.sh) runs in make check-long"
	skipped=$((skipped + 1))
else
	run_one "vm (tests/vm/run.sh)" bash "$here/tests/vm/run.sh" --build "$first"
	# A failing guest test: its log, as the guest printed it.
	grep -q '^FAIL vm' "$log" && sed -n '/^FAIL vm/,/^\(ok\|vm\) /p' "$log" | head -n 300
	grep -E '^(ok|FAIL|skip) vm|^vm ' "$log" | sed 's/^/    /'
fi

# The README's set-up commands, verbatim, on a fresh minimal Debian (chroot
# of a debootstrap root, as root and as a sudo user): about 15 minutes.
if [ "$mode" = quick ]; then
	echo "skip fresh: the README's commands on a fresh Debian (tests/fresh/run.sh) run in make check-long"
	skipped=$((skipped + 1))
else
	run_one "fresh (tests/fresh/run.sh)" bash "$here/tests/fresh/run.sh" --build "$first"
	grep -E '^(ok|FAIL|skip) ' "$log" | sed 's/^/    /'
fi

if ! $had_state_dir && [ -e "$state_dir" ]; then
	echo "FAIL tests left $state_dir on the machine (a guard run without its own --incident-dir)"
	failed=$((failed + 1))
fi
if [ "$mode" = quick ]; then
	echo "$passed $failed $skipped" >"$totals"
elif [ -f "$totals" ]; then
	read -r p f s <"$totals"
	echo "($passed passed, $failed failed, $skipped skipped in check-long; $p, $f, $s in check)"
	passed=$((passed + p)) failed=$((failed + f)) skipped=$((skipped + s))
fi
echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ]
