#!/usr/bin/env bash
# lint_tests.sh — tests mirror src/: every src/<dir>/<file>.c has its unit
# test tests/unit/test_<dir>_<file>.c, so the file names alone say what
# covers what.  A source without one is named here, in EXEMPT, with the
# reason; an exemption whose test has since been written fails too, so the
# list stays true.  Also: tests read files only through check.h's slurp().
here=$(cd "$(dirname "$0")/../.." && pwd)
. "$here/tests/e2e/lib.sh"

# source (relative to src/) | why it has no unit test of its own
EXEMPT='
oomkit.c|main(): only dispatches to src/cmd/; every command is run by the e2e scripts (explain_cli.sh, cli_convention.sh)
guard/hot_begin.c|a link-order marker (the first object of the guard'"'"'s hot set, Makefile GUARD_HOT): it has no behaviour to test
guard/hot_end.c|a link-order marker (the last object of the guard'"'"'s hot set, Makefile GUARD_HOT): it has no behaviour to test
'

exempt_reason() {
	local line
	while IFS= read -r line; do
		[ -n "$line" ] || continue
		[ "${line%%|*}" = "$1" ] && { echo "${line#*|}"; return 0; }
	done <<<"$EXEMPT"
	return 1
}

missing="" stale="" n=0
while IFS= read -r src; do
	rel=${src#"$here"/src/}
	n=$((n + 1))
	name=test_${rel%.c}
	name=${name//\//_}
	if [ -f "$here/tests/unit/$name.c" ]; then
		exempt_reason "$rel" >/dev/null && stale="$stale $rel(has $name.c)"
	elif ! exempt_reason "$rel" >/dev/null; then
		missing="$missing src/$rel→tests/unit/$name.c"
	fi
done < <(find "$here/src" -name '*.c' | sort)
if [ -z "$missing" ]; then ok "each of the $n src/**/*.c has its tests/unit/test_<dir>_<file>.c or a stated exemption"
else fail "sources without a unit test named after them:$missing"; fi
if [ -z "$stale" ]; then ok "no exemption names a source that has its test"
else fail "exempt but tested (drop the exemption):$stale"; fi

# An exemption for a file that no longer exists is a stale map too.
gone=""
while IFS= read -r line; do
	[ -n "$line" ] || continue
	[ -f "$here/src/${line%%|*}" ] || gone="$gone ${line%%|*}"
done <<<"$EXEMPT"
if [ -z "$gone" ]; then ok "every exemption names a source that exists"
else fail "exemptions for sources that are gone:$gone"; fi

# Every test file is named after a source (or is one of the whole-pipeline
# tests), so no test hides under a name that says nothing.
stray=""
for t in "$here"/tests/unit/test_*.c; do
	b=${t##*/test_}; b=${b%.c}
	case "$b" in corpus|corpus_damage) continue ;; esac   # the whole pipeline on tests/corpus/ (as is, and damaged)
	found=0
	# test_<dir>_<file>: try each '_' as the folder separator.
	rest=$b pre=""
	while [[ "$rest" == *_* ]]; do
		pre=${pre:+${pre}_}${rest%%_*}
		rest=${rest#*_}
		[ -f "$here/src/$pre/$rest.c" ] && { found=1; break; }
	done
	# New tests of an existing source beside its main file: test_<dir>_<file>_<aspect>.c
	# (test_diagnose_partial.c: tests of several diagnose/ files on partial reports).
	if [ $found -eq 0 ] && [ -d "$here/src/${b%%_*}" ]; then found=1; fi
	[ $found -eq 1 ] || stray="$stray ${t##*/}"
done
if [ -z "$stray" ]; then ok "every tests/unit/test_*.c is named after a src/ folder or file"
else fail "test files named after no source:$stray"; fi

# One file reader in the tests: check.h's slurp()/slurp_src().  A test
# that reads a file by hand (fread, fgets, getline, or a helper of its own
# named *read*/*slurp*/*load* returning a buffer) should call it; check.h's
# own oracles of /proc (check_proc_kib, check_proc_int) are the exception.
copies=$(cd "$here" && grep -nE '\b(fread|fgets|getline)\s*\(|^(static )?(inline )?char \*[a-z_]*(read|slurp|load)[a-z_]*\(' \
	tests/unit/*.c tests/unit/*.h 2>/dev/null | grep -v '^tests/unit/check\.h:')
if [ -z "$copies" ]; then ok "tests read whole files only through check.h's slurp()"
else fail "file readers beside check.h's slurp():"; sed 's/^/    /' <<<"$copies"; fi
finish
