#!/usr/bin/env bash
# fuzz/run.sh BUILDDIR SECONDS [TARGET...]
# Builds each fuzz/fuzz_NAME.c as a libFuzzer binary (clang, ASan+UBSan) and
# runs it for SECONDS on its seeds (fuzz/seeds.sh NAME: fuzz/seeds/NAME/
# plus the test inputs fuzz/seeds/NAME.shared names).  Without clang/libFuzzer it replays the seeds through the
# same entry point under ASan+UBSan with gcc (fuzz/replay.c), so every
# parser still gets a sanitizer run on the corpus.  Prints one "ok"/"FAIL"
# line per target and the harness summary line.
set -u
here=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-build/fuzz}; secs=${2:-60}; shift 2 2>/dev/null || shift $#
cd "$here"
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
	for f in fuzz/fuzz_*.c; do [ -f "$f" ] && targets+=("$(basename "$f" .c | sed 's/^fuzz_//')"); done
fi
passed=0 failed=0 skipped=0
mode=replay
if command -v clang >/dev/null 2>&1 && echo 'int LLVMFuzzerTestOneInput(const char*d,unsigned long n){(void)d;(void)n;return 0;}' |
	clang -x c -fsanitize=fuzzer - -o /tmp/oomkit-fuzzprobe.$$ >/dev/null 2>&1; then
	mode=libfuzzer
fi
rm -f /tmp/oomkit-fuzzprobe.$$
san="-fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer"
if [ $mode = libfuzzer ]; then
	make --no-print-directory -s BUILD="$build" CC=clang EXTRA_CFLAGS="$san -fsanitize=fuzzer-no-link -O1" \
		"$build/liboomkit.a" >/dev/null || { echo "FAIL fuzz build"; echo "# passed=0 failed=1 skipped=0"; exit 1; }
else
	make --no-print-directory -s BUILD="$build" EXTRA_CFLAGS="$san -O1" LDFLAGS="$san" \
		"$build/liboomkit.a" >/dev/null || { echo "FAIL fuzz build"; echo "# passed=0 failed=1 skipped=0"; exit 1; }
fi
for t in "${targets[@]}"; do
	src=fuzz/fuzz_$t.c bin=$build/fuzz_$t
	seeds=fuzz/seeds/$t; mkdir -p "$seeds"
	work=$build/corpus-$t; mkdir -p "$work"
	mapfile -t seedfiles < <(fuzz/seeds.sh "$t")
	# libFuzzer takes corpus directories: the shared seeds join the work corpus.
	[ $mode = libfuzzer ] && [ ${#seedfiles[@]} -gt 0 ] && cp -f "${seedfiles[@]}" "$work"/
	if [ $mode = libfuzzer ]; then
		clang -std=gnu17 -D_GNU_SOURCE -Isrc $san -fsanitize=fuzzer -O1 -g "$src" "$build/liboomkit.a" -o "$bin" || { echo "FAIL $t (build)"; failed=$((failed+1)); continue; }
		if "$bin" -max_total_time="$secs" -timeout=10 -rss_limit_mb=2048 -max_len=262144 \
			-artifact_prefix="$build/crash-$t-" "$work" "$seeds" >"$build/fuzz-$t.log" 2>&1; then
			echo "ok $t ($(grep -c . "$build/fuzz-$t.log" >/dev/null; tail -n 1 "$build/fuzz-$t.log" | cut -c1-80))"
			passed=$((passed+1))
		else
			echo "FAIL $t: crash, see $build/fuzz-$t.log and $build/crash-$t-*"
			grep -E 'ERROR|runtime error|SUMMARY' "$build/fuzz-$t.log" | head -n 5 | sed 's/^/    /'
			failed=$((failed+1))
		fi
	else
		gcc -std=gnu17 -D_GNU_SOURCE -Isrc $san -O1 -g "$src" fuzz/replay.c "$build/liboomkit.a" -o "$bin" || { echo "FAIL $t (build)"; failed=$((failed+1)); continue; }
		if "$bin" "${seedfiles[@]}" >"$build/fuzz-$t.log" 2>&1; then
			echo "ok $t (replayed seeds; no libFuzzer here)"; passed=$((passed+1))
		else
			echo "FAIL $t: see $build/fuzz-$t.log"; failed=$((failed+1))
		fi
	fi
done
echo "# passed=$passed failed=$failed skipped=$skipped"
[ $failed -eq 0 ]
