#!/usr/bin/env bash
# cli_convention.sh — one command-line convention everywhere (issue 11),
# table-driven: every command with options before and after its operands
# (the same output either way), --json (valid JSON), --help (every option
# of the convention listed, exit 0, nothing on stderr), --version, "--"
# ending options, --color[=WHEN] with an optional argument, and a usage
# error (exit 2) for an unknown option.  Needs no root.
. "$(dirname "$0")/lib.sh"
[ -x "${OOMKIT:-}" ] || { skip "cli_convention: \$OOMKIT missing"; finish; exit $?; }
have_py=false
command -v python3 >/dev/null 2>&1 && have_py=true
# JSON outputs are validated together at the end (python's start-up is slow):
# json_check LABEL FILE keeps a copy.
json_n=0
json_check() { json_n=$((json_n + 1)); cp "$2" "$E2E_TMP/json.$json_n"; echo "$1" >"$E2E_TMP/json.$json_n.label"; }
S03="$OOMKIT_SRCDIR/tests/corpus/S03-oomanalyser-arch-6.1.1-doxygen-swapfull.log"
cp "$S03" "$E2E_TMP/-dash.log"
O1=$E2E_TMP/o1 O2=$E2E_TMP/o2 ERR=$E2E_TMP/err

# run OUT ARGS...: rc in $rc
run() { local out=$1; shift; timeout 60 "$OOMKIT" "$@" >"$out" 2>"$ERR"; rc=$?; }

# name | command (empty: the overview) | options | operands | exit status expected
# Options and operands are word-split; "@SELF" is this shell's pid.
table=(
	"explain FILE --json|explain|--json --color=never|$S03|1"
	"explain FILE -j -v|explain|-j -v|$S03|1"
	"explain --summary|explain|--summary --color=never|$S03|1"
	"explain --last|explain|--last --color=never|$S03|1"
	"explain --color FILE (optional argument)|explain|--color|$S03|1"
	"explain --boot-time|explain|--boot-time=@1700000000 --json|$S03|1"
	"top|top|-n 3 --json||0"
	"top --root|top|--root=/ -n 2 --color=never||0"
	"status|status|--no-log --json||0"
	"status --check|status|--no-log --check --color=never||0"
	"overview|| --json --color=never||0"
	"adj (show)|adj|--json|@SELF|0"
	"adj --dry-run|adj|--dry-run -j|+0 @SELF|0"
	"guard --check-config|guard|--check-config --json||0"
)
for row in "${table[@]}"; do
	IFS='|' read -r name cmd opts operands want <<<"$row"
	operands=${operands//@SELF/$$}
	# shellcheck disable=SC2086
	run "$O1" $cmd $opts $operands; rc1=$rc
	# shellcheck disable=SC2086
	run "$O2" $cmd $operands $opts; rc2=$rc
	if [ "$rc1" = "$want" ] && [ "$rc2" = "$want" ]; then
		ok "$name: exit $want with options before and after the operands"
	else
		fail "$name: exit $rc1 (options first) / $rc2 (options last), want $want: $(head -c 200 "$ERR")"
	fi
	# the live commands may change between two runs (pids, memory): compare the shape
	case "$cmd" in
	explain|guard) check "$name: same output either way" cmp -s "$O1" "$O2" ;;
	*) check "$name: output either way" test -s "$O1" -a -s "$O2" ;;
	esac
	case " $opts " in
	*" --json "*|*" -j "*|*"--json "*) json_check "$name: valid JSON" "$O1" ;;
	esac
done

# --help, --version and an unknown option, for every command
for cmd in "" explain top status adj guard; do
	label=${cmd:-overview}
	# shellcheck disable=SC2086
	run "$O1" $cmd --help
	check "$label --help: exit 0" test "$rc" -eq 0
	check "$label --help: on stdout, stderr empty" test -s "$O1" -a ! -s "$ERR"
	for o in --json --color --help --version; do
		check "$label --help lists $o" grep -q -- "$o" "$O1"
	done
	# every long option --help lists is accepted (not "unrecognized"):
	# "--OPT=x --help" stops at --help at the latest, so nothing runs
	# (the guard's daemon least of all: it would watch this machine).
	for o in $(grep -oE -- '--[a-z][a-z-]+' "$O1" | sort -u); do
		case "$o" in --help|--version|--check-config) continue ;; esac
		# shellcheck disable=SC2086
		timeout 10 "$OOMKIT" $cmd "$o=x" --help >/dev/null 2>"$ERR"
		if grep -q "unrecognized option\|unknown option" "$ERR"; then fail "$label: $o listed in --help but refused"; fi
	done
	# shellcheck disable=SC2086
	run "$O1" $cmd -h
	check "$label -h: exit 0" test "$rc" -eq 0
	# shellcheck disable=SC2086
	run "$O1" $cmd --version
	check "$label --version: exit 0" test "$rc" -eq 0 -a -s "$O1"
	# shellcheck disable=SC2086
	run "$O1" $cmd --no-such-option
	check "$label: unknown option is a usage error (exit 2)" test "$rc" -eq 2
	check "$label: usage error says Try --help" grep -q "Try 'oomkit.*--help'" "$ERR"
	# shellcheck disable=SC2086
	run "$O1" $cmd --color=sometimes
	check "$label: bad --color WHEN is a usage error" test "$rc" -eq 2
done

# "--" ends options: a file whose name starts with '-'
cd "$E2E_TMP" || exit 1
run "$O1" explain --color=never -- -dash.log
check "explain -- -dash.log: reads the file (exit 1: found)" test "$rc" -eq 1
check "explain -- -dash.log: explains it" grep -q 'doxygen (pid 473206' "$O1"
run "$O1" explain --color=never -dash.log
check "explain -dash.log without --: a usage error" test "$rc" -eq 2
run "$O1" explain --json -- --json
check "explain -- --json: '--json' is a file name there (exit 2: not found)" test "$rc" -eq 2
check "explain -- --json: names the missing file" grep -q -- "--json: No such file" "$ERR"
# bundled short options and attached arguments
run "$O1" top -jn2
check "top -jn2: bundled, exit 0, JSON" test "$rc" -eq 0
json_check "top -jn2: valid JSON" "$O1"
# adj: a negative value is a value, not an option
run "$O1" adj -n -5 $$
check "adj -n -5 PID: a negative value, dry run, exit 0" test "$rc" -eq 0
# explain /dev/kmsg: the live log, no EINVAL
if [ -r /dev/kmsg ] && dd if=/dev/kmsg bs=8k count=1 iflag=nonblock of=/dev/null 2>/dev/null; then
	run "$O1" explain /dev/kmsg --json
	check "explain /dev/kmsg: exit 0 or 1, not an error" test "$rc" -le 1
	check "explain /dev/kmsg: no EINVAL" sh -c "! grep -q 'Invalid argument' '$ERR'"
	json_check "explain /dev/kmsg: valid JSON" "$O1"
else
	skip "explain /dev/kmsg: not readable here"
fi
# binary input is refused unless --binary
run "$O1" explain "$OOMKIT"
check "explain BINARY: refused (exit 2)" test "$rc" -eq 2
check "explain BINARY: says why" grep -q 'binary data' "$ERR"
run "$O1" explain --binary "$OOMKIT"
check "explain --binary BINARY: read (exit 0 or 1)" test "$rc" -le 1
# a directory: its files, newest first
mkdir -p "$E2E_TMP/dir"
cp "$S03" "$E2E_TMP/dir/old.log"; touch -d '2 days ago' "$E2E_TMP/dir/old.log"
cp "$OOMKIT_SRCDIR/tests/corpus/S04-oomanalyser-proxmox-5.15-lxc-cgroupv2.log" "$E2E_TMP/dir/new.log"
run "$O1" explain --summary --color=never "$E2E_TMP/dir"
check "explain DIR: exit 1 (found)" test "$rc" -eq 1
check "explain DIR: both files" test "$(grep -c 'event(s)$' "$O1")" -ge 2
check "explain DIR: newest first" awk '!p && /php-fpm/ { p = NR } !d && /doxygen/ { d = NR } END { exit !(p && d && p < d) }' "$O1"
# exit 0 when nothing was found
printf 'hello\n' >"$E2E_TMP/none.log"
run "$O1" explain "$E2E_TMP/none.log"
check "explain: no report found, exit 0" test "$rc" -eq 0
if $have_py && [ "$json_n" -gt 0 ]; then
	while IFS= read -r l; do
		case "$l" in ok\ *) ok "${l#ok }" ;; *) fail "${l#FAIL }" ;; esac
	done < <(python3 - "$E2E_TMP" "$json_n" <<'PY'
import json, sys
d, n = sys.argv[1], int(sys.argv[2])
for i in range(1, n + 1):
    label = open("%s/json.%d.label" % (d, i)).read().strip()
    try:
        json.load(open("%s/json.%d" % (d, i)))
        print("ok " + label)
    except Exception as e:
        print("FAIL %s: %s" % (label, e))
PY
)
else
	skip "JSON validity: python3 missing"
fi
finish
