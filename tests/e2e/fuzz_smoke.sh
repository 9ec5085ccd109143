#!/usr/bin/env bash
# Every parser's fuzz target (fuzz/) under ASan+UBSan.
#   FUZZ_SECONDS=0 (`make check`): each target replays its seeds
#   (fuzz/seeds.sh NAME) through fuzz/replay.c, linked against the sanitizer
#   build's library ($FUZZ_ASAN_LIB), so nothing is rebuilt: a few seconds.
#   FUZZ_SECONDS=N (`make check-long`, default 20): fuzz/run.sh, a timed
#   libFuzzer run of N seconds per target when clang is installed.
. "$(dirname "$0")/lib.sh"
secs=${FUZZ_SECONDS:-20}
if [ "$secs" = 0 ]; then
	lib=${FUZZ_ASAN_LIB:-$OOMKIT_SRCDIR/build/asan/liboomkit.a}
	if [ ! -f "$lib" ]; then
		skip "fuzz replay: no sanitizer library $lib (make asan)"
		finish; exit $?
	fi
	san="-fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer"
	for src in "$OOMKIT_SRCDIR"/fuzz/fuzz_*.c; do
		t=$(basename "$src" .c); t=${t#fuzz_}
		bin=$E2E_TMP/fuzz_$t
		if ! ${CC:-cc} -std=gnu17 -D_GNU_SOURCE -I"$OOMKIT_SRCDIR/src" $san -O1 -g "$src" \
			"$OOMKIT_SRCDIR/fuzz/replay.c" "$lib" -o "$bin" 2>"$E2E_TMP/cc.log"; then
			fail "fuzz $t: does not build"; head -n 20 "$E2E_TMP/cc.log"; continue
		fi
		mapfile -t seeds < <(cd "$OOMKIT_SRCDIR" && fuzz/seeds.sh "$t" | sed "s|^|$OOMKIT_SRCDIR/|")
		if [ ${#seeds[@]} -eq 0 ] || [ ! -e "${seeds[0]}" ]; then skip "fuzz $t: no seeds"; continue; fi
		if "$bin" "${seeds[@]}" >"$E2E_TMP/fuzz-$t.log" 2>&1; then
			ok "fuzz $t (replayed ${#seeds[@]} seeds)"
		else
			fail "fuzz $t: replay crashed"
			grep -E 'ERROR|runtime error|SUMMARY' "$E2E_TMP/fuzz-$t.log" | head -n 5 | sed 's/^/    /'
		fi
	done
	finish; exit $?
fi
out=$("$OOMKIT_SRCDIR/fuzz/run.sh" "$OOMKIT_SRCDIR/build/fuzz" "$secs" 2>&1)
while IFS= read -r l; do
	case "$l" in
	"ok "*) ok "fuzz ${l#ok }" ;;
	"FAIL "*) fail "fuzz ${l#FAIL }" ;;
	"    "*) echo "$l" ;;
	esac
done <<<"$out"
finish
