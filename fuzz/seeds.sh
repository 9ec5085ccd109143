#!/usr/bin/env bash
# fuzz/seeds.sh NAME — the seed files of fuzz target NAME, one a line,
# relative to the source tree: fuzz/seeds/NAME/* plus the files that
# fuzz/seeds/NAME.shared names (one path or glob a line, '#' comments),
# so a seed that is also a test input (tests/reports/eras, tests/corpus,
# tests/fixtures) is kept once, where the tests use it.
set -u
here=$(cd "$(dirname "$0")/.." && pwd)
cd "$here" || exit 1
t=${1:?usage: fuzz/seeds.sh NAME}
for f in fuzz/seeds/"$t"/*; do [ -f "$f" ] && echo "$f"; done
if [ -f "fuzz/seeds/$t.shared" ]; then
	while IFS= read -r g; do
		case "$g" in ''|'#'*) continue ;; esac
		for f in $g; do
			if [ -f "$f" ]; then echo "$f"; else echo "fuzz/seeds/$t.shared: no file $f" >&2; fi
		done
	done < "fuzz/seeds/$t.shared"
fi
