#!/usr/bin/env bash
# html_browser.sh — the HTML report (issue 12) in a real browser.  Renders
# corpus reports (one per kind and era), guard incidents and reports with
# hostile names; validates every page with tidy (HTML5); loads pages in
# headless Chromium: the DOM holds the verdicts, the SVGs and the ranked
# tasks, no script element and nothing that fetches, hostile names as text;
# screenshots at 1280x800 (light and dark) are not blank; the page prints.
# Kept short: four browser runs, two at a time.
. "$(dirname "$0")/lib.sh"

SRC=${OOMKIT_SRCDIR:-$(cd "$(dirname "$0")/../.." && pwd)}
ERAS=$SRC/tests/reports/eras
CORPUS=$SRC/tests/corpus
INC=$SRC/tests/fixtures/incidents
T=$E2E_TMP

if [ ! -x "${OOMKIT:-}" ]; then
	skip "html_browser: \$OOMKIT is not an executable (${OOMKIT:-unset})"
	finish
	exit $?
fi

# One report per kind and era.
REPORTS=(
	"$ERAS/2.6.18-x86_64-java-noswap.log"            # 2.6 era, no swap
	"$ERAS/3.2-i686-pae-lowmem-exhausted.log"        # 32-bit lowmem
	"$CORPUS/S01-oomanalyser-rhel7-3.10-mysqld-numa.log"  # 3.10 NUMA global
	"$ERAS/4.9-atomic-order3-alloc-failure.log"      # page allocation failure
	"$ERAS/4.13-page-allocation-stalls.log"          # stall
	"$ERAS/4.18-rhel8-cpuset-numa-node1.log"         # cpuset
	"$ERAS/5.10-mempolicy-bind-node0.log"            # mempolicy
	"$CORPUS/S04-oomanalyser-proxmox-5.15-lxc-cgroupv2.log"  # memcg v2
	"$ERAS/5.10-memcg-no-killable-processes.log"     # nothing killable
	"$ERAS/5.4-panic-on-oom-system-wide.log"         # panic
	"$CORPUS/S02-oomanalyser-ubuntu2110-5.13-sysrq-manual.log"  # sysrq
	"$ERAS/5.15-ubuntu2204-order3-fragmentation.log" # fragmentation
	"$CORPUS/S03-oomanalyser-arch-6.1.1-doxygen-swapfull.log"  # swap full
	"$ERAS/6.6-asahi-arm64-16k-pages.log"            # arm64, 16 KiB pages
)
INCIDENTS=("$INC/guard-kill.json" "$INC/guard-dry-run.json" "$INC/kernel-oom-kill.json")

# --- hostile names ------------------------------------------------------------
# The victim, a task and (through an incident, where JSON can carry control
# bytes) a terminal escape and a host name that would be markup.
sed -e 's/doxygen/<script>alert(1)<\/script>/g' \
    -e '/^\[ 376692\]/s/ chrome$/ "><img\/src=x\/onerror=alert(2)>/' \
    "$CORPUS/S03-oomanalyser-arch-6.1.1-doxygen-swapfull.log" > "$T/hostile.log"
sed -e 's/"comm": "hog"/"comm": "\\u001b[31m<script>alert(3)<\/script>\\u0007"/' \
    -e '0,/"host": "vm"/s//"host": "\\"><img src=x onerror=alert(4)>"/' \
    "$INC/guard-kill.json" > "$T/hostile-incident.json"

# --- render -------------------------------------------------------------------
n_events=0
for r in "${REPORTS[@]}"; do
	[ -f "$r" ] || { fail "report missing: $r"; continue; }
done
# all.html: every report, the incidents and the hostile ones in one page (one
# browser run sees them all)
"$OOMKIT" explain --html -o "$T/all.html" "${REPORTS[@]}" "${INCIDENTS[@]}" "$T/hostile.log" \
	"$T/hostile-incident.json" 2>"$T/err"
check "explain --html -o over ${#REPORTS[@]} reports, ${#INCIDENTS[@]} incidents and 2 hostile ones exits 1 (found)" [ $? -eq 1 ]
n_events=$(grep -c '<section class="event' "$T/all.html")
check "one section per event ($n_events)" [ "$n_events" -ge $(( ${#REPORTS[@]} + ${#INCIDENTS[@]} + 2 )) ]
"$OOMKIT" explain --html "$T/hostile.log" "$T/hostile-incident.json" > "$T/hostile.html" 2>"$T/err"
check "hostile names render (exit 1: found)" [ $? -eq 1 ]
"$OOMKIT" explain --html "$CORPUS/S03-oomanalyser-arch-6.1.1-doxygen-swapfull.log" > "$T/one.html" 2>/dev/null
for r in "${REPORTS[@]}"; do
	"$OOMKIT" explain --html -o "$T/r.html" "$r" 2>/dev/null
	[ $? -eq 1 ] || fail "explain --html $r"
	cat "$T/r.html" >> "$T/each.cat"
done
"$OOMKIT" status --html --no-log > "$T/status.html" 2>/dev/null
check "status --html exits 0" [ $? -eq 0 ]
"$OOMKIT" top --html -n 10 > "$T/top.html" 2>/dev/null
check "top --html exits 0" [ $? -eq 0 ]
"$OOMKIT" explain --html --json "$CORPUS/S03-oomanalyser-arch-6.1.1-doxygen-swapfull.log" >/dev/null 2>&1
check "--html with --json is a usage error" [ $? -eq 2 ]
echo "no report here" | "$OOMKIT" explain --html - > "$T/none.html" 2>/dev/null
check "no event: exit 0 and a page that says so" bash -c "[ $? -eq 0 ] && grep -q 'No OOM event was found' '$T/none.html'"

# --- the page as written: self-contained, escaped ---------------------------------
for p in all hostile status top; do
	f=$T/$p.html
	check "$p: starts <!DOCTYPE html>" grep -q '^<!DOCTYPE html>' "$f"
	check "$p: no script element" bash -c "! grep -qi '<script' '$f'"
	check "$p: nothing fetched (no src=, link, http URL in markup)" \
		bash -c "! grep -Eqi '<(img|link|iframe|object|embed|audio|video)[ >]|[ \"](src|href)=\"?(https?:|//)|url\\((https?:|//)' '$f'"
	check "$p: inline SVG" grep -q '<svg' "$f"
done
check "hostile: victim name as text" grep -q '&lt;script&gt;alert(1)&lt;/script&gt;' "$T/hostile.html"
check "hostile: task name as text" grep -q '&quot;&gt;&lt;img/src=x/onerror=alert(2)&gt;' "$T/hostile.html"
check "hostile: terminal escape as text" grep -q '\\x1b\[31m&lt;script&gt;alert(3)' "$T/hostile.html"
check "hostile: host name as text" grep -q '&quot;&gt;&lt;img src=x onerror=alert(4)&gt;' "$T/hostile.html"
check "hostile: no raw ESC or BEL byte" bash -c "! grep -q \$'[\\x01-\\x08\\x1b]' '$T/hostile.html'"
check "many events: summary table with links" grep -q '<a href="#event-2">' "$T/all.html"
check "many events: totals per victim name" grep -q 'Totals per victim name' "$T/all.html"
check "one event: the verdict comes before any table" \
	bash -c "[ \$(grep -n 'class=\"verdict' '$T/one.html' | head -1 | cut -d: -f1) -le \$(grep -n '<table' '$T/one.html' | head -1 | cut -d: -f1) ]"
check "guard incident: timeline with thresholds and the kill" \
	bash -c "grep -q 'SIGKILL below' '$T/all.html' && grep -q 'class=\"vl\"' '$T/all.html'"

# --- status and top on captured trees: the same drawings, known numbers ------------
FIX=$SRC/tests/fixtures
"$OOMKIT" status --html --root "$FIX/fragmented" > "$T/frag.html" 2>/dev/null
check "status --html --root: exits 0" [ $? -eq 0 ]
check "status --html: findings first, then memory, overcommit, zones, free blocks" bash -c "
	f='$T/frag.html'
	a=\$(grep -n 'class=\"findings\"' \$f | head -1 | cut -d: -f1)
	b=\$(grep -n 'id=\"mem\"' \$f | head -1 | cut -d: -f1)
	c=\$(grep -n 'id=\"commit\"' \$f | head -1 | cut -d: -f1)
	d=\$(grep -n 'class=\"zone\"' \$f | head -1 | cut -d: -f1)
	e=\$(grep -n 'class=\"buddy\"' \$f | head -1 | cut -d: -f1)
	[ -n \"\$a\" ] && [ \"\$a\" -lt \"\$b\" ] && [ \"\$b\" -lt \"\$c\" ] && [ \"\$c\" -lt \"\$d\" ] && [ \"\$d\" -le \"\$e\" ]"
check "status --html: the fragmented tree's critical finding is shown" grep -q 'class="sev critical"' "$T/frag.html"
"$OOMKIT" top --html --root "$FIX/tasks" > "$T/topf.html" 2>/dev/null
check "top --html --root: ranked rows with the next victim marked" \
	bash -c "grep -q '<tr class=\"victim\"><td class=\"n\">1</td>' '$T/topf.html' && grep -q 'tag victim\">next' '$T/topf.html'"
"$OOMKIT" top --html --watch 2 >/dev/null 2>&1
check "top --html --watch is a usage error" [ $? -eq 2 ]

# --- valid HTML5 ---------------------------------------------------------------
if command -v tidy >/dev/null 2>&1 && tidy -v 2>/dev/null | grep -Eq 'version [5-9]'; then
	for p in all hostile one status top frag topf; do
		tidy -q -e "$T/$p.html" >"$T/tidy" 2>&1
		rc=$?
		if [ $rc -eq 0 ]; then ok "$p: valid HTML5 (tidy: no error, no warning)"
		else fail "$p: tidy says (exit $rc):"; head -n 10 "$T/tidy"; fi
	done
else
	skip "validation: no tidy 5 (HTML5) installed (Debian package tidy)"
fi

# --- a real browser ------------------------------------------------------------------
browser=""
for b in chromium chromium-headless-shell chromium-browser google-chrome; do
	if command -v "$b" >/dev/null 2>&1; then browser=$b; break; fi
done
if [ -z "$browser" ]; then
	skip "browser: no chromium installed (Debian package chromium; .ci/run installs it)"
	finish
	exit $?
fi
chrome() {  # chrome ARGS... URL: one headless run with its own profile, bounded
	local ud; ud=$(mktemp -d "$T/profile.XXXXXX")
	timeout 60 "$browser" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
		--disable-background-networking --disable-component-update --disable-sync \
		--disable-dev-shm-usage --user-data-dir="$ud" "$@" 2>>"$T/chrome.err"
}
# Is a PNG not blank?  Its pixel stream (decompressed) holds more than a
# handful of distinct byte values; a blank page's is nearly all one.
png_busy() {
	python3 - "$1" <<'EOF'
import struct, sys, zlib
d = open(sys.argv[1], 'rb').read()
assert d[:8] == b'\x89PNG\r\n\x1a\n'
w, h = struct.unpack('>II', d[16:24])
i, idat = 8, b''
while i < len(d):
    n, = struct.unpack('>I', d[i:i+4]); t = d[i+4:i+8]
    if t == b'IDAT': idat += d[i+8:i+8+n]
    i += 12 + n
px = zlib.decompress(idat)
print(w, h, len(set(px)))
EOF
}

# two runs at a time (two cores): DOM and print, then light and dark
chrome --print-to-pdf="$T/all.pdf" --no-pdf-header-footer "file://$T/one.html" >/dev/null &
pdf_pid=$!
chrome --dump-dom "file://$T/all.html" > "$T/all.dom"
wait "$pdf_pid"
check "browser: DOM dumped" [ -s "$T/all.dom" ]
v=$(grep -o 'class="verdict' "$T/all.dom" | wc -l)
check "browser: one verdict per event ($v of $n_events)" [ "$v" -eq "$n_events" ]
s=$(grep -o '<svg' "$T/all.dom" | wc -l)
check "browser: the SVGs are in the DOM ($s)" [ "$s" -ge $(( 3 * ${#REPORTS[@]} )) ]
check "browser: ranked task tables with the victim marked" \
	bash -c "grep -q '<table class=\"tasks\">' '$T/all.dom' && grep -q '<tr class=\"victim\"><td class=\"n\">1</td>' '$T/all.dom'"
check "browser: memory bars, zone charts, heat maps, timeline" \
	bash -c "grep -q 'class=\"seg anon\"' '$T/all.dom' && grep -q 'class=\"zone\"' '$T/all.dom' && grep -q 'class=\"reqcol\"' '$T/all.dom' && grep -q 'class=\"ln avail\"' '$T/all.dom'"
check "browser: no script element" bash -c "! grep -qi '<script' '$T/all.dom'"

check "browser (hostile): no img element" bash -c "! grep -Eqi '<img' '$T/all.dom'"
check "browser (hostile): names are text nodes" \
	bash -c "grep -q '&lt;script&gt;alert(1)&lt;/script&gt;' '$T/all.dom' && grep -q 'onerror=alert(2)&gt;' '$T/all.dom' && grep -q 'x1b\[31m&lt;script&gt;alert(3)' '$T/all.dom' && grep -q 'onerror=alert(4)&gt;' '$T/all.dom'"

chrome --screenshot="$T/light.png" --window-size=1280,800 "file://$T/one.html" >/dev/null &
shot_pid=$!
chrome --screenshot="$T/dark.png" --window-size=1280,800 --force-dark-mode \
	--blink-settings=preferredColorScheme=0 "file://$T/one.html" >/dev/null
wait "$shot_pid"
if [ -s "$T/light.png" ] && command -v python3 >/dev/null 2>&1; then
	read -r w h busy < <(png_busy "$T/light.png")
	check "browser: screenshot is 1280x800 (${w}x${h})" [ "$w" = 1280 ] && [ "$h" = 800 ]
	check "browser: screenshot not blank ($busy distinct values)" [ "${busy:-0}" -gt 40 ]
	read -r _ _ dbusy < <(png_busy "$T/dark.png")
	check "browser: dark screenshot not blank ($dbusy)" [ "${dbusy:-0}" -gt 40 ]
	check "browser: prefers-color-scheme dark changes the page" bash -c "! cmp -s '$T/light.png' '$T/dark.png'"
elif [ -s "$T/light.png" ]; then
	check "browser: screenshot not blank (size)" [ "$(stat -c %s "$T/light.png")" -gt 20000 ]
else
	fail "browser: no screenshot"; tail -n 5 "$T/chrome.err"
fi
check "browser: the page prints (PDF)" bash -c "head -c 5 '$T/all.pdf' 2>/dev/null | grep -q '%PDF'"
finish
