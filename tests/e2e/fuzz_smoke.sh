#!/usr/bin/env bash
# A short sanitizer fuzz run of every parser's fuzz target (fuzz/), on its
# seeds and the report corpus.  FUZZ_SECONDS per target (default 20).
. "$(dirname "$0")/lib.sh"
out=$("$OOMKIT_SRCDIR/fuzz/run.sh" "$OOMKIT_SRCDIR/build/fuzz" "${FUZZ_SECONDS:-20}" 2>&1)
while IFS= read -r l; do
	case "$l" in
	"ok "*) ok "fuzz ${l#ok }" ;;
	"FAIL "*) fail "fuzz ${l#FAIL }" ;;
	"    "*) echo "$l" ;;
	esac
done <<<"$out"
finish
