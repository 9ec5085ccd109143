#!/usr/bin/env bash
# Runs every unit test binary of each build directory given, then every
# end-to-end script once (with the first build's oomkit), and adds up their
# "# passed=N failed=N skipped=N" lines.  The last line is the total, in the
# form CI reads:  "N passed, N failed, N skipped".
set -u
here=$(cd "$(dirname "$0")/.." && pwd)
export OOMKIT_SRCDIR="$here"
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=0}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"
passed=0 failed=0 skipped=0
log=$(mktemp); trap 'rm -f "$log"' EXIT

run_one() {  # label command...
	local label=$1; shift
	local start=$SECONDS
	"$@" >"$log" 2>&1
	local rc=$?
	local line; line=$(grep -E '^# passed=[0-9]+ failed=[0-9]+ skipped=[0-9]+$' "$log" | tail -n 1)
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
		grep -E '^(FAIL|skip)|ERROR|runtime error|Sanitizer' "$log" | head -n 40 | sed 's/^/    /'
	else
		echo "ok   $label ($p passed, $s skipped, $((SECONDS - start))s)"
		grep -E '^skip' "$log" | sed 's/^/    /'
	fi
	passed=$((passed + p)) failed=$((failed + f)) skipped=$((skipped + s))
}

first=""
for build in "$@"; do
	[ -n "$first" ] || first=$build
	for t in "$build"/tests/test_*; do
		[ -x "$t" ] || continue
		run_one "$build/${t##*/}" "$t"
	done
done

export OOMKIT="$here/${first:-build}/oomkit"
export OOMKIT_ASAN="$here/${2:-${first:-build}}/oomkit"
export HOG="$here/${first:-build}/tests/hog"
for e in "$here"/tests/e2e/*.sh; do
	[ -f "$e" ] || continue
	case "${e##*/}" in lib.sh) continue ;; esac
	run_one "e2e/${e##*/}" bash "$e"
done

echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ]
