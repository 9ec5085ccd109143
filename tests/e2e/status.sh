#!/usr/bin/env bash
# oomkit status and the overview on the live machine and on captured trees:
# the JSON keys of issue 3, a memory-cgroup OOM we cause ourselves showing up
# in the history (vmstat oom_kill and the last report, summarised by the
# explain engine), unknown files as unknown, exit codes.
. "$(dirname "$0")/lib.sh"
: "${OOMKIT:?}" "${HOG:?}"
src=$(cd "$(dirname "$0")/../.." && pwd)

"$OOMKIT" status --json > "$E2E_TMP/s.json"; rc=$?
check "status --json exits 0" test $rc -eq 0
check_py "status --json: the keys of the issue" - "$E2E_TMP/s.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
o = d["overcommit"]
for k in ("mode", "ratio", "commit_limit_kb", "committed_as_kb"):
    assert k in o, k
assert isinstance(o["mode"], int) and o["commit_limit_kb"] > 0
assert d["zones"], "zones"
for z in d["zones"]:
    for k in ("node", "zone", "free_kb", "min_kb", "low_kb", "high_kb", "largest_free_order"):
        assert k in z, k
for f in d["findings"]:
    for k in ("id", "severity", "summary", "evidence", "advice"):
        assert k in f, k
    assert f["severity"] in ("info", "warning", "critical")
assert d["memory"]["total_kb"] > 0
assert "some" in d["pressure"]
PY

# A memory-cgroup OOM of our own: a hog that outgrows a 32 MiB cgroup.
before=$(awk '$1=="oom_kill" {print $2}' /proc/vmstat)
if cg=$(cg_make status-oom $((32 << 20))); then
	on_exit cg_remove "$cg"
	(bash -c 'echo $$ > "$1/cgroup.procs" && shift && exec "$@"' x "$cg" "$HOG" --mib 100 --hold 1 >/dev/null 2>&1) 2>/dev/null
	after=$(awk '$1=="oom_kill" {print $2}' /proc/vmstat)
	check "our hog was OOM-killed (vmstat oom_kill grew)" test "${after:-0}" -gt "${before:-0}"
	"$OOMKIT" status --json > "$E2E_TMP/s2.json"
	check_py "history: oom_kills and the last report's victim" - "$E2E_TMP/s2.json" "$after" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
h = d["history"]
assert h["oom_kills"] >= int(sys.argv[2]), h
if h["log_read"]:
    # other tests may OOM in parallel: the last report need not be ours,
    # but there is one, summarised, with a victim
    r = h["last_report"]
    assert r and r["victim"] and r["kind"] and r["reports_in_log"] >= 1, r
ids = [f["id"] for f in d["findings"]]
assert "oom-kills-recent" in ids, ids
PY
	"$OOMKIT" status > "$E2E_TMP/s2.txt"
	check "text: the last OOM report is summarised" grep -q "last kernel OOM report (.*killed " "$E2E_TMP/s2.txt"
	cg_remove "$cg"
else
	skip "status: no memory cgroup for the OOM test"
fi

# Captured trees: the seed situations and the unknowns.
for t in oc-always-noswap:overcommit-always-no-swap fragmented:fragmented lowmem32:lowmem-pressure \
	 slab40:slab-heavy overcommit-never:commit-near-limit risky-old:panic-on-oom; do
	"$OOMKIT" status --root "$src/tests/fixtures/${t%%:*}" --json > "$E2E_TMP/f.json"
	check "--root ${t%%:*}: finding ${t#*:}" grep -q "\"id\": *\"${t#*:}\"" "$E2E_TMP/f.json"
done
"$OOMKIT" status --root "$src/tests/fixtures/empty" --check > "$E2E_TMP/e.txt" 2>"$E2E_TMP/e.err"
check "--root with no files: an error, exit 2 (never \"no risk\")" test $? -eq 2
check "--root with no files: says what is missing" grep -q "nothing to audit under .*proc/meminfo" "$E2E_TMP/e.err"
check "--root with no files: no \"no risk\"" sh -c "! grep -q 'no risk' '$E2E_TMP/e.txt'"
"$OOMKIT" status --root "$E2E_TMP/does-not-exist" >/dev/null 2>&1
check "--root missing: an error" test $? -ge 1
"$OOMKIT" --root "$src/tests/fixtures/empty" >/dev/null 2>&1
check "overview --root with no files: exit 2" test $? -eq 2
"$OOMKIT" status --root "$src/tests/fixtures/oc-always-noswap" > /dev/null
check "a critical finding without --check: exit 0" test $? -eq 0
"$OOMKIT" status --check --root "$src/tests/fixtures/oc-always-noswap" > /dev/null
check "a critical finding with --check: exit 3" test $? -eq 3
"$OOMKIT" status --root /nonexistent/dir > /dev/null 2>&1
check "--root that does not exist: exit 1" test $? -eq 1
"$OOMKIT" status --bogus > /dev/null 2>&1; check "usage error: exit 2" test $? -eq 2
"$OOMKIT" status --help | grep -q "^Usage: oomkit status"; check "--help on stdout" test $? -eq 0
"$OOMKIT" status --color=always | grep -q $'\033\['; check "--color=always colours" test $? -eq 0
NO_COLOR=1 "$OOMKIT" status --color=auto | grep -q $'\033\['; check "NO_COLOR: no colour" test $? -ne 0
"$OOMKIT" status --json --color=always | grep -q $'\033\['; check "--json never coloured" test $? -ne 0

"$OOMKIT" > "$E2E_TMP/o.txt"
check "overview: exit 0" test $? -eq 0
check "overview: findings and the first of top" grep -q "Next in line" "$E2E_TMP/o.txt"
# --- memory cgroups section (v1 and v2): a hog held near its cgroup's limit ------------
if cg=$(cg_make status-near $((32 << 20))); then
	on_exit cg_remove "$cg"
	bash -c 'echo $$ > "$1/cgroup.procs" && shift && exec "$@"' x "$cg" "$HOG" --mib 30 --hold 30 \
		--ready "$E2E_TMP/near.ready" >/dev/null 2>&1 &
	np=$!
	for i in $(seq 1 50); do [ -e "$E2E_TMP/near.ready" ] && break; sleep 0.1; done
	"$OOMKIT" status --no-log --color=never >"$E2E_TMP/mc.txt" 2>/dev/null
	name=${cg##*/}
	CG_VERSION=2; [ -f "$cg/memory.limit_in_bytes" ] && CG_VERSION=1   # cg_make ran in a subshell
	check "memcg section: cgroup v$CG_VERSION named" grep -q "^  cgroup v$CG_VERSION: [0-9]* memory cgroups" "$E2E_TMP/mc.txt"
	check "memcg section: our cgroup among the fullest" grep -Eq "^ +[0-9]+% .*$name: .* of 32 MiB" "$E2E_TMP/mc.txt"
	check "memcg section: its largest process, marked as a test hog" grep -q "$name: .*largest oomkit-test-hog ($np, .*\[an oomkit test hog\]" "$E2E_TMP/mc.txt"
	if [ "$CG_VERSION" = 1 ]; then
		check "memcg section: v1 advice does not name memory.high as a setting" grep -q "cgroup v1 has no memory.high" "$E2E_TMP/mc.txt"
	else
		check "memcg section: v2 advice names memory.high" grep -q "memory.high below memory.max" "$E2E_TMP/mc.txt"
	fi
	"$OOMKIT" status --no-log --json >"$E2E_TMP/mc.json" 2>/dev/null
	check_py "memcg JSON: fullest with counters" - "$E2E_TMP/mc.json" "$name" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))["memory_cgroups"]
ours = [c for c in d["fullest"] if c["path"].endswith(sys.argv[2])]
assert ours, d
c = ours[0]
assert c["limit_kb"] == 32768 and c["usage_kb"] > 0 and c["largest"]["test_hog"], c
assert "oom_kill" in c
PY
	kill -9 "$np" 2>/dev/null; wait "$np" 2>/dev/null
	cg_remove "$cg"
else
	skip "memcg section: no memory cgroup can be made here"
fi
finish
