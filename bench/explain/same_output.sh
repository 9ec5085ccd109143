#!/usr/bin/env bash
# bench/explain/same_output.sh OLD_BINARY NEW_BINARY [LOG...]
# Proof that a speed change altered no output byte: `explain --json` (and
# its exit code and stderr) of both binaries on every tests/corpus/*.log,
# tests/reports/*, and the LOGs given (e.g. the bench log bench/explain/gen.py
# writes), compared byte for byte.  Prints the files that differ; exit 1
# when any does.
set -u
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
old=${1:?usage: same_output.sh OLD_BINARY NEW_BINARY [LOG...]}
new=${2:?usage: same_output.sh OLD_BINARY NEW_BINARY [LOG...]}
shift 2
tmp=$(mktemp -d "${TMPDIR:-/tmp}/oomkit-same.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
n=0 bad=0
for f in "$root"/tests/corpus/*.log $(find "$root"/tests/reports -type f | sort) "$@"; do
	[ -f "$f" ] || continue
	for mode in --json --summary; do
		"$old" explain $mode "$f" >"$tmp/a" 2>"$tmp/ae"; echo "rc $?" >>"$tmp/ae"
		"$new" explain $mode "$f" >"$tmp/b" 2>"$tmp/be"; echo "rc $?" >>"$tmp/be"
		n=$((n + 1))
		if ! cmp -s "$tmp/a" "$tmp/b" || ! cmp -s "$tmp/ae" "$tmp/be"; then
			echo "DIFFERS: explain $mode $f"
			bad=$((bad + 1))
		fi
	done
done
echo "same_output: $n runs, $bad differ"
[ $bad = 0 ]
