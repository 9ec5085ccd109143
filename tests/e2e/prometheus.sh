#!/usr/bin/env bash
# oomkit with a real Prometheus and a real Alertmanager (Debian's packages),
# on loopback, in a temporary directory:
#  1. promtool checks and unit-tests dist/prometheus/oomkit.rules.yml;
#  2. the guard watches a small memory cgroup with /metrics on 127.0.0.1;
#     Prometheus scrapes it every second with the rules loaded and sends
#     alerts to Alertmanager, whose webhook receiver is a tiny HTTP server
#     written here (python3) that appends what it gets to a file;
#  3. a hog in the cgroup is stopped by the guard; Prometheus must have the
#     kill in oomkit_kills_total and Alertmanager must deliver the
#     OomkitGuardKilled alert naming the cgroup.
# Every process is started here, by pid, and killed at the end; every wait
# is bounded (the whole script takes ~20 s).
. "$(dirname "$0")/lib.sh"

SRC=${OOMKIT_SRCDIR:-$(cd "$(dirname "$0")/../.." && pwd)}
RULES=$SRC/dist/prometheus/oomkit.rules.yml

# --- 1. the rules, by promtool -----------------------------------------------
if command -v promtool >/dev/null; then
	check "promtool check rules" promtool check rules "$RULES"
	out=$(cd "$SRC/dist/prometheus" && promtool test rules oomkit.rules.test.yml 2>&1); rc=$?
	[ $rc = 0 ] || sed 's/^/    /' <<<"$out" | head -n 40
	check "promtool test rules (oomkit.rules.test.yml)" test $rc = 0
else
	skip "promtool not installed (Debian: prometheus): rules not checked"
fi

# --- 2. what the end-to-end part needs ---------------------------------------
missing=""
for c in prometheus prometheus-alertmanager python3 curl; do
	command -v $c >/dev/null || missing="$missing $c"
done
if [ -n "$missing" ]; then
	skip "end to end with Prometheus and Alertmanager: not installed:$missing (Debian: prometheus prometheus-alertmanager python3 curl)"
	finish; exit
fi
[ -x "${OOMKIT:-}" ] || { skip "OOMKIT not set"; finish; exit; }
[ -x "${HOG:-}" ] || { skip "HOG not set"; finish; exit; }
MIB=$((1024 * 1024))
if ! cg=$(cg_make prom $((128 * MIB))); then
	skip "no memory cgroup can be made here (need root and a writable memory hierarchy)"
	finish; exit
fi
D=$E2E_TMP
# Four free loopback ports, chosen by the kernel.
read -r GPORT PPORT APORT WPORT < <(python3 - <<'PY'
import socket
ss = [socket.socket() for _ in range(4)]
for s in ss: s.bind(("127.0.0.1", 0))
print(*[s.getsockname()[1] for s in ss])
for s in ss: s.close()
PY
)
PIDS=()
# start_bg NAME CMD...: CMD in the background, output in $D/NAME.log; pid remembered.
start_bg() {
	local name=$1; shift
	"$@" >"$D/$name.log" 2>&1 &
	PIDS+=($!)
	on_exit "kill $! 2>/dev/null; wait $! 2>/dev/null"
}
# until_ok SECONDS CMD...: retry CMD every 0.25 s for at most SECONDS.
until_ok() {
	local n=$(($1 * 4)) i; shift
	for i in $(seq 1 $n); do "$@" && return 0; sleep 0.25; done
	return 1
}
prom_query() {  # prom_query PROMQL: the JSON answer of Prometheus's query API
	curl -s --max-time 2 -G "http://127.0.0.1:$PPORT/api/v1/query" --data-urlencode "query=$1"
}
has_result() { prom_query "$1" | grep -q '"result":\[{'; }

# The webhook receiver: one JSON body per line in $D/webhook.jsonl.
cat > "$D/webhook.py" <<'PY'
import http.server, sys
out = sys.argv[2]
class H(http.server.BaseHTTPRequestHandler):
    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
        with open(out, "ab") as f:
            f.write(body.replace(b"\n", b" ") + b"\n")
        self.send_response(200); self.end_headers()
    def log_message(self, *a): pass
http.server.HTTPServer(("127.0.0.1", int(sys.argv[1])), H).serve_forever()
PY
start_bg webhook python3 "$D/webhook.py" "$WPORT" "$D/webhook.jsonl"

cat > "$D/alertmanager.yml" <<EOF
route:
  receiver: test
  group_by: [alertname, scope]
  group_wait: 1s
  group_interval: 1s
  repeat_interval: 1h
receivers:
  - name: test
    webhook_configs:
      - url: http://127.0.0.1:$WPORT/hook
        send_resolved: false
EOF
# --cluster.listen-address= : no gossip port (it would listen on 0.0.0.0).
start_bg alertmanager prometheus-alertmanager --config.file="$D/alertmanager.yml" \
	--storage.path="$D/am" --web.listen-address="127.0.0.1:$APORT" --cluster.listen-address=

cat > "$D/prometheus.yml" <<EOF
global: { scrape_interval: 1s, evaluation_interval: 1s }
rule_files: ['$RULES']
alerting:
  alertmanagers:
    - static_configs: [ { targets: ['127.0.0.1:$APORT'] } ]
scrape_configs:
  - job_name: oomkit
    static_configs: [ { targets: ['127.0.0.1:$GPORT'] } ]
EOF

mkdir -p "$D/guard"
"$OOMKIT" guard --cgroup "$cg" --metrics "127.0.0.1:$GPORT" --events "$D/guard/events" \
	--incident-dir "$D/guard/incidents" --kmsg no >"$D/guard.log" 2>&1 &
GP=$!
on_exit "kill $GP 2>/dev/null; wait $GP 2>/dev/null"
until_ok 5 grep -q '"event":"start"' "$D/guard/events"
check "guard started on $cg" grep -q '"event":"start"' "$D/guard/events"

start_bg prometheus prometheus --config.file="$D/prometheus.yml" --storage.tsdb.path="$D/tsdb" \
	--web.listen-address="127.0.0.1:$PPORT"

# Prometheus up, scraping the guard (the kill counter at 0 first, so the
# kill is an increase), and Alertmanager ready.
check "Prometheus scrapes the guard (up == 1)" until_ok 20 has_result 'up{job="oomkit"} == 1'
check "Prometheus has the cgroup's kill counter at 0" \
	until_ok 10 has_result "sum(oomkit_kills_total{scope=\"$cg\"}) == 0"
check "Alertmanager is ready" until_ok 10 curl -sf --max-time 2 -o /dev/null "http://127.0.0.1:$APORT/-/ready"
am_known() { curl -s --max-time 2 "http://127.0.0.1:$PPORT/api/v1/alertmanagers" | grep -q "127.0.0.1:$APORT"; }
check "Prometheus knows the Alertmanager" until_ok 10 am_known
sleep 2   # two more scrapes at 0

# --- 3. a kill, and what Prometheus and Alertmanager make of it --------------
bash -c 'echo $$ > "$1/cgroup.procs" && exec "$2"' run "$cg" "$HOG" 2>/dev/null &
hog=$!
( sleep 30; kill -9 $hog 2>/dev/null ) & guardrail=$!
wait $hog; rc=$?
kill $guardrail 2>/dev/null; wait $guardrail 2>/dev/null
echo "    (${SECONDS}s) hog done"
check "the guard stopped the hog (exit $rc)" test $rc -ge 128
check "events: kill line" until_ok 5 grep -q '"event":"kill"' "$D/guard/events"
check "events: the kill names the victim's cgroup (no pod: kube null)" python3 - "$D/guard/events" "$cg" <<'PY'
import json, sys
kills = [e for e in map(json.loads, open(sys.argv[1])) if e.get("event") == "kill"]
k = kills[0]
assert k["kube"] is None and k["victim_kube"] is None, k
assert k["victim_cgroup"] and sys.argv[2].endswith(k["victim_cgroup"]), (k["victim_cgroup"], sys.argv[2])
PY
check "Prometheus has the last incident's time (oomkit_last_incident_timestamp_seconds)" \
	until_ok 15 has_result "oomkit_last_incident_timestamp_seconds{job=\"oomkit\"} > $(($(date +%s) - 120))"

check "Prometheus recorded the kill (oomkit_kills_total for the cgroup = 1)" \
	until_ok 15 has_result "sum(oomkit_kills_total{scope=\"$cg\"}) == 1"
check "Prometheus: the OomkitGuardKilled alert fires for the cgroup" \
	until_ok 15 has_result "ALERTS{alertname=\"OomkitGuardKilled\",alertstate=\"firing\",scope=\"$cg\"}"
check "recording rule instance_scope:oomkit_kills:increase10m > 0" \
	until_ok 15 has_result "instance_scope:oomkit_kills:increase10m{scope=\"$cg\"} > 0"
check "Alertmanager delivered the alert to the webhook" \
	until_ok 20 grep -qs OomkitGuardKilled "$D/webhook.jsonl"
cat > "$D/delivered.py" <<'PY'
import json, sys
for line in open(sys.argv[1]):
    msg = json.loads(line)
    for a in msg.get("alerts", []):
        l = a["labels"]
        if (a["status"] == "firing" and l.get("alertname") == "OomkitGuardKilled"
                and l.get("scope") == sys.argv[2] and sys.argv[2] in a["annotations"]["summary"]
                and l.get("severity") == "warning"):
            print("    delivered:", a["annotations"]["summary"])
            sys.exit(0)
sys.exit(1)
PY
check "the delivered alert names the cgroup (label scope and summary)" \
	python3 "$D/delivered.py" "$D/webhook.jsonl" "$cg"
no_kernel_alert() { ! grep -qs OomkitKernelOOMKill "$D/webhook.jsonl"; }
check "no kernel OOM kill alert (the guard was first)" no_kernel_alert

if [ "$e2e_failed" -gt 0 ]; then
	for f in guard prometheus alertmanager; do
		echo "--- $f.log"; tail -n 15 "$D/$f.log" | sed 's/^/    /'
	done
fi
for p in "${PIDS[@]}" $GP; do kill "$p" 2>/dev/null; wait "$p" 2>/dev/null; done
cg_remove "$cg"
echo "    took ${SECONDS}s"
finish
