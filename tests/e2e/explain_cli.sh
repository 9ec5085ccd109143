#!/usr/bin/env bash
# explain_cli.sh — `oomkit explain` as a user meets it: help, version, usage
# errors, exit codes, files, stdin, compressed input, JSON validity, colour.
. "$(dirname "$0")/lib.sh"

SRC=$(cd "$(dirname "$0")/../.." && pwd)
CORPUS=$SRC/tests/corpus
S03=$CORPUS/S03-oomanalyser-arch-6.1.1-doxygen-swapfull.log
S04=$CORPUS/S04-oomanalyser-proxmox-5.15-lxc-cgroupv2.log
S06=$CORPUS/S06-parseoom-debian-5.10-clamd-swapfull-edited.log
OUT=$E2E_TMP/out ERR=$E2E_TMP/err

run() {  # run ARGS... : status in $rc, stdout in $OUT, stderr in $ERR
	"$OOMKIT" "$@" >"$OUT" 2>"$ERR"
	rc=$?
}

if [ ! -x "${OOMKIT:-}" ]; then
	skip "explain_cli: \$OOMKIT is not an executable (${OOMKIT:-unset})"
	finish
	exit $?
fi

have_py=false
command -v python3 >/dev/null 2>&1 && have_py=true
json_ok() { $have_py || return 0; python3 -m json.tool "$1" >/dev/null 2>&1; }
# json_get FILE EXPR: evaluates a python expression on the parsed document d
json_get() { python3 -c "import json,sys; d=json.load(open(sys.argv[1])); print($2)" "$1" 2>/dev/null; }

# --- help, version, usage errors ---------------------------------------------
run explain --help
check "help exits 0" [ "$rc" -eq 0 ]
check "help on stdout" grep -q '^Usage: oomkit explain' "$OUT"
check "help mentions --json" grep -q -- '--json' "$OUT"
check "help leaves stderr empty" [ ! -s "$ERR" ]
run explain -h
check "-h exits 0" [ "$rc" -eq 0 ]
run explain --version
check "--version exits 0" [ "$rc" -eq 0 ]
check "--version prints the version" grep -q '^oomkit [0-9]' "$OUT"
run explain --bogus "$S03"
check "bad option exits 2" [ "$rc" -eq 2 ]
check "bad option says Try" grep -q "Try 'oomkit explain --help'" "$ERR"
check "bad option names it" grep -q -- '--bogus' "$ERR"
check "bad option prints nothing on stdout" [ ! -s "$OUT" ]
run explain --color=sometimes "$S03"
check "bad --color exits 2" [ "$rc" -eq 2 ]
run explain -x "$S03"
check "bad short option exits 2" [ "$rc" -eq 2 ]

# --- files and exit codes -------------------------------------------------------
run explain "$E2E_TMP/does-not-exist.log"
check "missing file exits 2 (error)" [ "$rc" -eq 2 ]
check "missing file is named" grep -q 'does-not-exist.log' "$ERR"
: >"$E2E_TMP/empty.log"
run explain --color=never "$E2E_TMP/empty.log"
check "empty file exits 0" [ "$rc" -eq 0 ]
check "empty file: no OOM event" grep -qi 'no OOM event' "$OUT"
check "empty file: names what it read" grep -q 'empty.log' "$OUT"
printf 'Nov 22 01:00:00 host sshd[1]: Accepted publickey\nhello\n' >"$E2E_TMP/noise.log"
run explain --color=never "$E2E_TMP/noise.log"
check "noise only exits 0" [ "$rc" -eq 0 ]
check "noise only: says lines read" grep -q '2 lines' "$OUT"
run explain --color=never "$S03"
check "corpus file: found, exits 1" [ "$rc" -eq 1 ]
check "names the victim" grep -q 'doxygen (pid 473206' "$OUT"
check "names the cause" grep -q 'genuine-exhaustion-swap-full' "$OUT"
check "says it was the best choice" grep -q "kernel's best choice" "$OUT"
run explain --color=never "$S03" "$E2E_TMP/does-not-exist.log"
check "one missing of two exits 2 (error)" [ "$rc" -eq 2 ]
check "one missing of two still explains the other" grep -q 'doxygen (pid 473206' "$OUT"

# --- stdin ------------------------------------------------------------------------
"$OOMKIT" explain --color=never - <"$S04" >"$OUT" 2>"$ERR"; rc=$?
check "stdin: found, exits 1" [ "$rc" -eq 1 ]
check "stdin: memcg victim" grep -q 'php-fpm (pid 3902942' "$OUT"
check "stdin: memcg path" grep -q '/lxc/39004' "$OUT"
check "stdin: memcg-limit" grep -q 'memcg-limit' "$OUT"

# --- compressed input ----------------------------------------------------------------
for tool in gzip xz zstd; do
	if ! command -v "$tool" >/dev/null 2>&1; then
		skip "compressed input: $tool not installed"
		continue
	fi
	f=$E2E_TMP/s03.$tool
	"$tool" -c <"$S03" >"$f" 2>/dev/null
	run explain --color=never "$f"
	if [ "$rc" -eq 1 ] && grep -q 'doxygen (pid 473206' "$OUT"; then
		ok "compressed input ($tool)"
	else
		fail "compressed input ($tool): exit $rc, $(head -c 300 "$ERR")"
	fi
done

# --- JSON -----------------------------------------------------------------------------
if $have_py; then
	run explain --json "$S03" "$S04" "$S06"
	check "json: found, exits 1" [ "$rc" -eq 1 ]
	check "json parses" json_ok "$OUT"
	check "json schema 1" [ "$(json_get "$OUT" 'd["schema"]')" = 1 ]
	check "json three events" [ "$(json_get "$OUT" 'len(d["events"])')" = 3 ]
	check "json victim pid" [ "$(json_get "$OUT" 'd["events"][1]["victim"]["pid"]')" = 3902942 ]
	check "json memcg limit" [ "$(json_get "$OUT" 'd["events"][1]["memcg"]["limit_kb"]')" = 31211520 ]
	check "json first cause" [ "$(json_get "$OUT" 'd["events"][0]["causes"][0]["id"]')" = genuine-exhaustion-swap-full ]
	check "json gfp_mask as printed" [ "$(json_get "$OUT" 'd["events"][0]["request"]["gfp_mask"]')" = 0x140dca ]
	check "json sources listed" [ "$(json_get "$OUT" 'len(d["sources"])')" = 3 ]
	check "json has no colour" sh -c "! grep -q \$(printf '\\033') '$OUT'"
	check "warnings go to stderr, not into the JSON" grep -q 'warning' "$ERR"
	run explain -j --last "$S03" "$S04"
	check "--last keeps one event" [ "$(json_get "$OUT" 'len(d["events"])')" = 1 ]
	check "--last is the last one" [ "$(json_get "$OUT" 'd["events"][0]["kind"]')" = memcg ]
	run explain --json "$E2E_TMP/empty.log"
	check "json of no event parses" json_ok "$OUT"
	check "json of no event: empty list" [ "$(json_get "$OUT" 'len(d["events"])')" = 0 ]
	run explain --json --color=always "$S03"
	check "json --color=always stays plain" sh -c "! grep -q \$(printf '\\033') '$OUT'"
else
	skip "json checks: python3 not installed"
fi

# --- colour -----------------------------------------------------------------------------
ESC=$(printf '\033')
NO_COLOR=1 "$OOMKIT" explain --color=auto "$S03" >"$OUT" 2>"$ERR"
check "NO_COLOR: no escape codes" sh -c "! grep -q '$ESC' '$OUT'"
"$OOMKIT" explain "$S03" >"$OUT" 2>"$ERR"
check "pipe: no escape codes" sh -c "! grep -q '$ESC' '$OUT'"
NO_COLOR=1 "$OOMKIT" explain --color=always "$S03" >"$OUT" 2>"$ERR"
check "--color=always colours" grep -q "$ESC" "$OUT"
"$OOMKIT" explain --color=never -v "$S03" >"$OUT" 2>"$ERR"
check "-v shows every task" [ "$(grep -c 'chrome' "$OUT")" -gt 20 ]

# --- hostile names in the input ------------------------------------------------------------
sed "s/doxygen/$(printf 'd\033[2Jx\377')/g" "$S03" >"$E2E_TMP/hostile.log"
run explain --color=never "$E2E_TMP/hostile.log"
check "hostile comm: still explained" grep -q 'genuine-exhaustion-swap-full' "$OUT"
check "hostile comm: no raw ESC on the terminal" sh -c "! grep -q '$ESC' '$OUT'"
no_ff() { ! LC_ALL=C grep -q "$(printf '\377')" "$1"; }
check "hostile comm: no invalid UTF-8 on the terminal" no_ff "$OUT"
if $have_py; then
	run explain --json "$E2E_TMP/hostile.log"
	check "hostile comm: JSON still parses" json_ok "$OUT"
fi
run explain --color=never "$E2E_TMP/does-not-exist.log" "$S03"
check "missing first file still explains the second" grep -q 'doxygen (pid 473206' "$OUT"

# --- a report cut before its trigger line, after a stretch of other kernel lines ----------
S05=$(ls "$OOMKIT_SRCDIR"/tests/corpus/S05-*.log)
{ for i in $(seq 1 3000); do echo "[  100.$i] usb 1-1: new device $i"; done
  sed -n '/Mem-Info/,$p' "$S05"; } >"$E2E_TMP/cut.log"
if $have_py; then
	run explain --json "$E2E_TMP/cut.log"
	check "cut at the start: the event is found from Mem-Info on" python3 -c '
import json, sys
e = json.load(open(sys.argv[1]))["events"]
assert len(e) == 1, e
assert e[0]["victim"]["pid"] == 955 and e[0]["truncated"] is True
assert e[0]["memory"]["total_kb"] is not None and e[0]["request"]["gfp_mask"] is None
' "$OUT"
fi

# --- a rotated log cut short (qa): what came before the cut is explained ---------------------
if command -v gzip >/dev/null 2>&1; then
	{ cat "$S03"; for i in $(seq 1 20000); do echo "[  200.$i] usb 1-1: new device $i"; done; } | gzip -c >"$E2E_TMP/full.gz"
	head -c $(( $(stat -c %s "$E2E_TMP/full.gz") * 2 / 3 )) "$E2E_TMP/full.gz" >"$E2E_TMP/cut.log.gz"
	run explain --color=never "$E2E_TMP/cut.log.gz"
	check "cut .gz: exit status 2 (read error)" [ "$rc" -eq 2 ]
	check "cut .gz: the report before the cut is explained" grep -q 'doxygen (pid 473206' "$OUT"
	check "cut .gz: summary says it was read up to the failure" grep -q 'read up to a failure' "$OUT"
else
	skip "cut .gz: no gzip"
fi

# --- the guard's incident files (oomkit-guard(1)) ----------------------------------------
INC="$OOMKIT_SRCDIR/tests/fixtures/incidents"
run explain --color=never "$INC/guard-kill.json"
check "incident: the guard's own kill is explained" grep -q '^Guard incident 1: oomkit guard stopped hog (pid [0-9]*) with SIGKILL' "$OUT"
check "incident: its recorded diagnosis is shown" grep -q 'memcg-limit' "$OUT"
check "incident: found, exit 1" test "$rc" -eq 1
run explain --color=never "$INC/kernel-oom-kill.json"
check "incident: a kernel kill's report goes through the parser" grep -q '^OOM event 1: memory cgroup OOM' "$OUT"
if $have_py; then
	run explain --json "$INC/guard-kill.json" "$INC/guard-dry-run.json" "$INC/kernel-oom-kill.json"
	check "incident: JSON has the kernel event and both guard decisions" python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
assert len(d["events"]) == 1 and d["events"][0]["causes"][0]["id"] == "memcg-limit", d["events"]
g = d["guard_incidents"]
assert [x["kind"] for x in g] == ["guard-kill", "guard-dry-run"], g
assert g[0]["signal"] == "SIGKILL" and g[0]["victim"]["comm"] == "hog" and g[1]["dry_run"] is True
assert all(s["kind"] == "guard incident" and s["read"] for s in d["sources"])
' "$OUT"
fi
printf '{"schema": "oomkit-incident/1", "kind": "guard-kill", "decision": {' >"$E2E_TMP/broken.json"
run explain "$E2E_TMP/broken.json"
check "incident: a malformed one is an error, exit 2" test "$rc" -eq 2
check "incident: says why" grep -q 'not a valid oomkit incident file' "$ERR"

# --- warnings cite the exact line at fault (issue 11) -------------------------------------
S06F=$(ls "$OOMKIT_SRCDIR"/tests/corpus/S06-*.log | head -n 1)
run explain --color=never "$S06F"
check "warning cites the line at fault, not the event's first" \
	grep -q "S06-[^:]*:44: buddy line of DMA: unreadable block count" "$ERR"
finish
