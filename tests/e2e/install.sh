#!/usr/bin/env bash
# make install: the binary, every man page (when scdoc is here), the guard's
# unit and config, all under DESTDIR/PREFIX; uninstall removes them again.
. "$(dirname "$0")/lib.sh"
: "${OOMKIT:?}"
build=$(dirname "$OOMKIT")
dest=$E2E_TMP/root
make -s -C "$OOMKIT_SRCDIR" BUILD="$build" DESTDIR="$dest" PREFIX=/usr install >"$E2E_TMP/log" 2>&1
check "make install succeeds" test $? -eq 0
check "binary installed and runs" "$dest/usr/bin/oomkit" --version
check "guard unit installed" test -f "$dest/lib/systemd/system/oomkit-guard.service"
check "guard unit runs the installed binary (PREFIX=/usr)" grep -q '^ExecStart=/usr/bin/oomkit guard' "$dest/lib/systemd/system/oomkit-guard.service"
check "guard config installed" test -f "$dest/etc/oomkit/guard.conf"
if command -v scdoc >/dev/null 2>&1; then
	for p in oomkit oomkit-explain oomkit-top oomkit-status oomkit-adj oomkit-guard; do
		check "man page $p(1) installed" test -s "$dest/usr/share/man/man1/$p.1"
	done
else
	skip "man pages: scdoc is not installed (apt-get install scdoc)"
fi
make -s -C "$OOMKIT_SRCDIR" BUILD="$build" DESTDIR="$dest" PREFIX=/usr uninstall >"$E2E_TMP/log" 2>&1
check "make uninstall removes the binary" test ! -e "$dest/usr/bin/oomkit"
finish
