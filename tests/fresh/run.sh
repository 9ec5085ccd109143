#!/usr/bin/env bash
# tests/fresh/run.sh — the README's two set-up commands, copied verbatim,
# on a fresh minimal Debian: as root, and as a user with sudo.
#
# Makes a minimal Debian root (debootstrap --variant=minbase, the suite of
# this machine) once, cached in BUILD/fresh/base, and for each run copies it
# to a throw-away root, puts the project's tracked files in it (as a fresh
# checkout: mode 0644/0755 whatever this checkout's umask was), and runs in
# a chroot of it, with /proc, /sys (and its cgroup mounts) and /dev of this
# machine, the commands of the README's first two ```sh blocks, line by line:
#   1. as root, in /root/oomkit
#   2. as the user "newcomer" (sudo, no password), in ~newcomer/oomkit
# Each line must exit 0, except a line whose last command is
# `build/oomkit explain` / `sudo build/oomkit explain`, which exits 1 when
# it found OOM reports (documented: 0 none, 1 found, 2 error).  A `make
# check` line must end "N passed, 0 failed".  Prints one ok/FAIL line per
# command and "# passed=N failed=N skipped=N".  Without debootstrap, root,
# or the Debian mirror, it is a skip with the reason.
#
#   tests/fresh/run.sh [--build DIR] [--only root|sudo] [--keep]
set -u
here=$(cd "$(dirname "$0")/../.." && pwd)
build=build only="" keep=false
while [ $# -gt 0 ]; do
	case "$1" in
	--build) build=$2; shift 2 ;;
	--only) only=$2; shift 2 ;;
	--keep) keep=true; shift ;;
	-h|--help) sed -n '2,/^set -u/p' "$0" | sed -e '$d' -e 's/^# \{0,1\}//'; exit 0 ;;
	*) echo "tests/fresh/run.sh: unknown argument '$1'" >&2; exit 2 ;;
	esac
done
case $build in /*) ;; *) build=$here/$build ;; esac
passed=0 failed=0 skipped=0
finish() { echo "# passed=$passed failed=$failed skipped=$skipped"; [ "$failed" -eq 0 ]; exit $?; }
skip_all() { echo "skip fresh: $*"; skipped=$((skipped + 1)); finish; }
ok() { passed=$((passed + 1)); echo "ok $*"; }
fail() { failed=$((failed + 1)); echo "FAIL $*"; }

[ "$(id -u)" = 0 ] || skip_all "needs root (debootstrap, chroot, mounts)"
command -v debootstrap >/dev/null || skip_all "debootstrap not installed (Debian: debootstrap)"
command -v git >/dev/null && git -C "$here" rev-parse --git-dir >/dev/null 2>&1 ||
	skip_all "not a git checkout: the tracked files are what a newcomer gets"
suite=$(. /etc/os-release 2>/dev/null; echo "${VERSION_CODENAME:-}")
[ -n "$suite" ] || skip_all "no VERSION_CODENAME in /etc/os-release"
mirror=$(grep -hoE '^(URIs:|deb) +https?://[^ ]+' /etc/apt/sources.list /etc/apt/sources.list.d/* 2>/dev/null |
	awk '{print $2}' | grep -v security | head -n 1)
mirror=${mirror:-http://deb.debian.org/debian}

# The two blocks: the first two ```sh fences of the README.
readme_block() {  # N → its lines
	awk -v want="$1" '/^```sh$/ { n++; inb = (n == want); next } /^```$/ { inb = 0 } inb' "$here/README.md"
}
mapfile -t root_cmds < <(readme_block 1)
mapfile -t sudo_cmds < <(readme_block 2)
[ ${#root_cmds[@]} -gt 0 ] && [ ${#sudo_cmds[@]} -gt 0 ] || { fail "README: two \`\`\`sh blocks"; finish; }

base=$build/fresh/base
if [ ! -x "$base/bin/bash" ]; then
	rm -rf "$base.tmp"
	mkdir -p "$build/fresh"
	echo "# debootstrap --variant=minbase $suite $mirror (once, cached in $base)"
	if ! debootstrap --variant=minbase "$suite" "$base.tmp" "$mirror" >"$build/fresh/debootstrap.log" 2>&1; then
		tail -n 5 "$build/fresh/debootstrap.log"
		rm -rf "$base.tmp"
		skip_all "debootstrap $suite from $mirror failed (no network to the mirror?); see $build/fresh/debootstrap.log"
	fi
	mv "$base.tmp" "$base"
fi

root=$(mktemp -d "${TMPDIR:-/tmp}/oomkit-fresh.XXXXXX")
mounted=()
cleanup() {
	local m
	for ((m = ${#mounted[@]} - 1; m >= 0; m--)); do umount -R "${mounted[m]}" 2>/dev/null || umount -l "${mounted[m]}"; done
	$keep && { echo "# kept $root"; return; }
	rm -rf --one-file-system "$root"
}
trap cleanup EXIT
cp -a "$base/." "$root/"
for m in proc sys dev; do
	mount --rbind "/$m" "$root/$m" && mounted+=("$root/$m")
	mount --make-rslave "$root/$m" 2>/dev/null
done
cp /etc/resolv.conf "$root/etc/resolv.conf" 2>/dev/null

# A fresh checkout: the tracked files, modes as git gives them (0644/0755).
checkout() {  # DIR OWNER
	mkdir -p "$1"
	git -C "$here" ls-files -z | (cd "$here" && tar --null -T - -cf - --mode='u+rw,go-w' --owner=0 --group=0) |
		tar -xf - -C "$1"
	chown -R "$2" "$1"
}

# run LABEL USER COMMAND: one README line in the chroot.
run() {
	local label=$1 user=$2 cmd=$3 log rc
	log=$build/fresh/$label.log
	local start=$SECONDS
	if [ "$user" = root ]; then
		chroot "$root" /usr/bin/env -i HOME=/root PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
			TERM=dumb DEBIAN_FRONTEND=noninteractive bash -c "cd /root/oomkit && $cmd" >"$log" 2>&1
	else
		chroot "$root" /usr/bin/env -i PATH=/usr/bin:/bin TERM=dumb \
			su - "$user" -c "cd ~/oomkit && $cmd" >"$log" 2>&1
	fi
	rc=$?
	local what="$label: $cmd (exit $rc, $((SECONDS - start)) s)"
	local want=0
	case $cmd in *"build/oomkit explain") [ "$rc" = 1 ] && want=1 ;; esac
	if [ "$rc" != "$want" ]; then
		fail "$what"
		# The failing checks by name, unindented, so tests/run.sh's summary
		# (which keeps the lines that start with FAIL) carries them to CI's
		# short output; then the log's tail for the rest.
		case $cmd in *"make check"*)
			grep -E '^FAIL' "$log" | grep -v "^FAIL $label:" | head -n 10 | sed "s/^FAIL /FAIL $label: make check: /"
			grep -E '^FAIL' -A6 "$log" | head -n 40 | sed 's/^/    /' ;;
		esac
		tail -n 25 "$log" | sed 's/^/    /'; return 1
	fi
	case $cmd in
	*"make check"*)
		local last; last=$(grep -E '^[0-9]+ passed, [0-9]+ failed' "$log" | tail -n 1)
		if [[ $last =~ ^[0-9]+\ passed,\ 0\ failed ]]; then ok "$what: $last"
		else fail "$what: last line '$last'"; grep -E '^FAIL' -A4 "$log" | head -n 30 | sed 's/^/    /'; return 1; fi
		grep -E '^ +skip' "$log" | sort -u | head -n 20 | sed 's/^/    /'
		;;
	*) ok "$what" ;;
	esac
}

if [ "$only" != sudo ]; then
	checkout "$root/root/oomkit" 0:0
	for c in "${root_cmds[@]}"; do
		c=${c%%#*}; c=${c%"${c##*[![:space:]]}"}    # the comment at the end of the line is the README's
		[ -n "$c" ] && { run root root "$c" || break; }
	done
fi
if [ "$only" != root ]; then
	# A user with sudo: the README's second block says "as a user with sudo".
	chroot "$root" /usr/bin/env DEBIAN_FRONTEND=noninteractive bash -c \
		'command -v sudo >/dev/null || { apt-get update && apt-get install -y sudo; }' >"$build/fresh/sudo-install.log" 2>&1
	if chroot "$root" bash -c 'id newcomer >/dev/null 2>&1 || useradd -m -s /bin/bash newcomer' &&
	   echo 'newcomer ALL=(ALL) NOPASSWD: ALL' >"$root/etc/sudoers.d/newcomer" && chmod 0440 "$root/etc/sudoers.d/newcomer" &&
	   [ -x "$root/usr/bin/sudo" ]; then
		uid=$(chroot "$root" id -u newcomer)
		checkout "$root/home/newcomer/oomkit" "$uid:$uid"
		for c in "${sudo_cmds[@]}"; do
			c=${c%%#*}; c=${c%"${c##*[![:space:]]}"}
			[ -n "$c" ] && { run sudo newcomer "$c" || break; }
		done
	else
		fail "a user with sudo could not be set up in the fresh root (see $build/fresh/sudo-install.log)"
	fi
fi
finish
