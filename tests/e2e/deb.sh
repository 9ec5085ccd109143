#!/usr/bin/env bash
# The Debian package: debian/ built by `dpkg-buildpackage -us -uc -b` in a
# copy of the source tree (nothing is written into the tree itself), unpacked
# with `dpkg -x` into a throwaway root and checked: the binary runs, the man
# pages, the systemd unit (systemd-analyze verify), the init script, the
# logrotate snippet, /etc/oomkit/guard.conf as a conffile, maintainer
# scripts that never enable or start the guard, and lintian without errors.
# Takes about a minute (a full -O2 build).
. "$(dirname "$0")/lib.sh"

SRC=${OOMKIT_SRCDIR:-$(cd "$(dirname "$0")/../.." && pwd)}
for c in dpkg-buildpackage dh; do
	command -v $c >/dev/null || { skip "$c not installed (Debian: dpkg-dev debhelper): package not built"; finish; exit; }
done
[ -d "$SRC/debian" ] || { skip "no debian/ in $SRC"; finish; exit; }

T=$E2E_TMP
mkdir -p "$T/src" "$T/root"
# The copy: the files git knows (tracked and new, not ignored), else all but build/.
if git -C "$SRC" rev-parse --git-dir >/dev/null 2>&1; then
	before=$(git -C "$SRC" status --porcelain --untracked-files=all)
	git -C "$SRC" ls-files -z -c -o --exclude-standard |
		(cd "$SRC" && tar --null -T - --ignore-failed-read -cf - 2>/dev/null) | tar -x -C "$T/src"
else
	before=""
	tar -C "$SRC" --exclude=./build -cf - . | tar -x -C "$T/src"
fi
rm -rf "$T/src/build"

start=$SECONDS
(cd "$T/src" && DEB_BUILD_OPTIONS="parallel=2 noautodbgsym" \
	dpkg-buildpackage -us -uc -b) >"$T/build.log" 2>&1
rc=$?
[ $rc = 0 ] || tail -n 30 "$T/build.log" | sed 's/^/    /'
check "dpkg-buildpackage -us -uc -b ($((SECONDS - start)) s)" test $rc = 0
deb=$(ls "$T"/oomkit_*.deb 2>/dev/null | head -n 1)
check "oomkit_*.deb built" test -n "$deb"
if [ -z "$deb" ]; then finish; exit; fi

# --- the files --------------------------------------------------------------
dpkg -x "$deb" "$T/root"
R=$T/root
check "dpkg -x: /usr/bin/oomkit runs" bash -c "'$R/usr/bin/oomkit' --version | grep -q '^oomkit '"
for scd in "$SRC"/docs/*.scd; do
	page=${scd##*/}; page=${page%.scd}
	check "man page $page" test -s "$R/usr/share/man/man${page##*.}/$page.gz"
done
U=$R/lib/systemd/system/oomkit-guard.service
check "systemd unit installed" test -f "$U"
check "unit runs /usr/bin/oomkit guard" grep -q '^ExecStart=/usr/bin/oomkit guard' "$U"
if command -v systemd-analyze >/dev/null; then
	# The binary is in the throwaway root, the man pages are not on this host.
	sed "s|/usr/bin/oomkit|$R/usr/bin/oomkit|" "$U" > "$T/oomkit-guard.service"
	out=$(systemd-analyze verify --man=no "$T/oomkit-guard.service" 2>&1); rc=$?
	[ $rc = 0 ] || sed 's/^/    /' <<<"$out"
	check "systemd-analyze verify oomkit-guard.service" test $rc = 0
else
	skip "systemd-analyze not installed: unit not verified"
fi
check "guard.conf in /etc/oomkit, as in dist/" cmp -s "$R/etc/oomkit/guard.conf" "$SRC/dist/guard.conf"
check "init script installed, executable" test -x "$R/etc/init.d/oomkit-guard"
check "init script: POSIX sh syntax" sh -n "$R/etc/init.d/oomkit-guard"
check "init script: LSB header" grep -q '^# Provides: *oomkit-guard' "$R/etc/init.d/oomkit-guard"
check "logrotate snippet installed" test -f "$R/etc/logrotate.d/oomkit"
if command -v logrotate >/dev/null; then
	check "logrotate -d accepts the snippet" logrotate -d -s "$T/logrotate.state" "$R/etc/logrotate.d/oomkit"
fi
check "alert rules shipped" test -f "$R/usr/share/oomkit/prometheus/oomkit.rules.yml"

# --- control: conffiles and maintainer scripts ------------------------------
dpkg-deb -e "$deb" "$T/ctl"
check "conffile /etc/oomkit/guard.conf" grep -qx /etc/oomkit/guard.conf "$T/ctl/conffiles"
check "conffile /etc/logrotate.d/oomkit" grep -qx /etc/logrotate.d/oomkit "$T/ctl/conffiles"
check "conffile /etc/init.d/oomkit-guard" grep -qx /etc/init.d/oomkit-guard "$T/ctl/conffiles"
P=$T/ctl/postinst
check "postinst: sysvinit script registered disabled" grep -q 'update-rc.d oomkit-guard defaults-disabled' "$P"
check "postinst: starts nothing (no invoke-rc.d, no deb-systemd-invoke)" \
	bash -c "! grep -Eq 'invoke-rc.d|deb-systemd-invoke' '$P'"
# deb-systemd-helper enable only where the admin had enabled it (upgrade).
enable_only_if_was_enabled() {
	awk '/was-enabled/{w=1} /^[ \t]*fi[ \t]*$/{w=0} /deb-systemd-helper enable/ && !w {bad=1} END{exit bad}' "$P"
}
check "postinst: enables the unit only if the admin had enabled it" enable_only_if_was_enabled

# --- lintian ------------------------------------------------------------------
if command -v lintian >/dev/null; then
	changes=$(ls "$T"/oomkit_*.changes | head -n 1)
	lintian --pedantic "$changes" >"$T/lintian.log" 2>&1
	sed 's/^/    /' "$T/lintian.log" | grep -v 'running with root privileges'
	check "lintian: no errors" bash -c "! grep -q '^E:' '$T/lintian.log'"
	check "lintian: no warnings" bash -c "! grep -q '^W:' '$T/lintian.log'"
else
	skip "lintian not installed: package not linted"
fi

# --- nothing written into the source tree -----------------------------------
if [ -n "${before+x}" ] && git -C "$SRC" rev-parse --git-dir >/dev/null 2>&1; then
	after=$(git -C "$SRC" status --porcelain --untracked-files=all)
	check "source tree unchanged by the build" test "$before" = "$after"
fi
finish
