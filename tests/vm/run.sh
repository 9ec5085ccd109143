#!/usr/bin/env bash
# tests/vm/run.sh — the end-to-end tests on other kernels, in a virtual machine.
#
# Boots each Debian kernel image of the matrix under qemu (KVM when /dev/kvm
# exists, pure emulation otherwise) with a small initramfs (busybox, virtio
# and 9p modules from the same kernel package, tests/vm/init).  The guest
# mounts cgroup v2 with the memory controller, mounts this machine's root
# filesystem read-only over 9p and runs the named end-to-end scripts
# (tests/e2e/*.sh, tests/vm/*.sh) in a chroot of it: the same bash, python3
# and oomkit build as on the host, against the guest's kernel.  Results come
# back on the serial console.  The host's own memory cgroups are never
# touched: every hog runs inside the guest.
#
#   tests/vm/run.sh [--kernel PKG]... [--tests a,b,c] [--build DIR]
#                   [--mem MIB] [--timeout SECONDS] [--keep]
#
# PKG is a Debian package (linux-image-amd64, linux-image-6.12-amd64 …),
# fetched with apt-get download into $VM_CACHE (default BUILD/vm/cache) and
# never installed.  Prints one "ok"/"FAIL" line per guest script and ends
# with "# passed=N failed=N skipped=N" like every e2e script; a missing tool
# or package is a skip with the reason.  The guest's kernel log is kept as
# BUILD/vm/KERNEL.kmsg (its OOM reports feed the corpus), and a failing
# run prints the guest's log.
set -u
here=$(cd "$(dirname "$0")/../.." && pwd)
kernels=() tests="" build=build mem=1536 tmo=1500 keep=false
while [ $# -gt 0 ]; do
	case "$1" in
	--kernel) kernels+=("$2"); shift 2 ;;
	--tests) tests=$2; shift 2 ;;
	--build) build=$2; shift 2 ;;
	--mem) mem=$2; shift 2 ;;
	--timeout) tmo=$2; shift 2 ;;
	--keep) keep=true; shift ;;
	-h|--help) sed -n '2,/^set -u/p' "$0" | sed -e '$d' -e 's/^# \{0,1\}//'; exit 0 ;;
	*) echo "tests/vm/run.sh: unknown argument '$1'" >&2; exit 2 ;;
	esac
done
# The matrix: Debian's 6.1 and 6.12 kernels (64-bit, cgroup v2) and the
# 32-bit PAE 6.1 kernel (HighMem).  VM_KERNELS / VM_TESTS override.
[ ${#kernels[@]} -gt 0 ] || read -r -a kernels <<<"${VM_KERNELS:-linux-image-amd64 linux-image-6.12-amd64 linux-image-686-pae:i386}"
tests=${tests:-${VM_TESTS:-guard_cgroup,guard_v2,top_predicts,top_live,explain_live,status,machine_guard,guest_crash}}
passed=0 failed=0 skipped=0
finish() { echo "# passed=$passed failed=$failed skipped=$skipped"; [ "$failed" -eq 0 ]; exit $?; }
skip_all() { echo "skip vm: $*"; skipped=$((skipped + 1)); finish; }

[ "$(uname -m)" = x86_64 ] || skip_all "the VM matrix runs on x86_64 hosts (this is $(uname -m))"
command -v qemu-system-x86_64 >/dev/null || skip_all "qemu-system-x86_64 not installed (Debian: qemu-system-x86)"
command -v cpio >/dev/null || skip_all "cpio not installed"
bb=$(command -v busybox || true)
{ [ -n "$bb" ] && ! ldd "$bb" >/dev/null 2>&1; } || skip_all "a static busybox is needed (Debian: busybox-static)"
[ -x "$here/$build/oomkit" ] || skip_all "$here/$build/oomkit not built"
command -v apt-get >/dev/null || skip_all "apt-get not available to fetch kernel images"

cache=${VM_CACHE:-$here/$build/vm/cache}
out=$here/$build/vm
mkdir -p "$cache" "$out"
work=$(mktemp -d); $keep || trap 'rm -rf "$work"' EXIT

# real_image PKG: follow meta-packages (linux-image-amd64 → linux-image-6.1.0-N-amd64).
real_image() {
	local p=$1 i dep
	for i in 1 2 3; do
		dep=$(apt-cache depends "$p" 2>/dev/null | awk '$1=="Depends:" && $2 ~ /^linux-image-/ {print $2; exit}')
		[ -n "$dep" ] || { echo "$p"; return; }
		p=$dep
	done
	echo "$p"
}
# fetch PKG: the .deb in the cache (apt-get download; needs the package lists).
fetch() {
	local p=$1 deb glob
	glob="${p%%:*}_*.deb"
	[[ "$p" == *:* ]] && glob="${p%%:*}_*_${p#*:}.deb"
	deb=$(ls "$cache"/$glob 2>/dev/null | tail -n 1)
	if [ -z "$deb" ]; then
		(cd "$cache" && apt-get download "$p" >/dev/null 2>&1) ||
			{ apt-get update -qq >/dev/null 2>&1; (cd "$cache" && apt-get download "$p" >/dev/null 2>&1); }
		deb=$(ls "$cache"/$glob 2>/dev/null | tail -n 1)
	fi
	[ -n "$deb" ] && echo "$deb"
}
# Modules the guest loads, in dependency order (from each .ko's modinfo).
WANT="virtio_pci 9pnet_virtio 9p zram"
modules_for() {  # DEB KDIR → KDIR/modules/*.ko and KDIR/modules.order
	local deb=$1 kd=$2 list name path
	mkdir -p "$kd/x" "$kd/modules"
	list=$(dpkg-deb -c "$deb" | awk '{print $NF}' | grep -E '\.ko(\.xz|\.zst)?$')
	local -A done=() seen=()
	local order=()
	visit() {
		local m=${1//-/_} p f deps d
		[ -n "${seen[$m]:-}" ] && return 0
		seen[$m]=1
		p=$(grep -E "/${m//_/[_-]}\.ko(\.xz|\.zst)?$" <<<"$list" | head -n 1)
		[ -n "$p" ] || return 0          # built in
		dpkg-deb --fsys-tarfile "$deb" | tar -x -C "$kd/x" "$p" 2>/dev/null
		f="$kd/x/$p"
		# Newer Debian kernels ship compressed modules; busybox insmod takes plain ones.
		case "$f" in
		*.ko.xz) xz -dc "$f" > "${f%.xz}" && f=${f%.xz} ;;
		*.ko.zst) zstd -qdc "$f" > "${f%.zst}" && f=${f%.zst} ;;
		esac
		deps=$(tr '\0' '\n' < "$f" | sed -n 's/^depends=//p' | head -n 1)
		for d in ${deps//,/ }; do visit "$d"; done
		cp "$f" "$kd/modules/"
		order+=("${f##*/}")
	}
	for name in $WANT; do visit "$name"; done
	printf '%s\n' "${order[@]}" > "$kd/modules.order"
}
# initramfs KDIR BUSYBOX [LOCALDIR] → KDIR/initrd.gz (LOCALDIR: files of a
# guest with its own userland, copied to the initramfs' root)
initramfs() {
	local kd=$1 busybox=$2 local_dir=${3:-} r=$1/root a
	rm -rf "$r"; mkdir -p "$r/bin" "$r/modules"
	cp "$busybox" "$r/bin/busybox"
	for a in $("$bb" --list); do [ "$a" = busybox ] || ln -s busybox "$r/bin/$a"; done
	cp "$here/tests/vm/init" "$r/init"; chmod 0755 "$r/init"
	cp "$kd"/modules/*.ko "$r/modules/" 2>/dev/null
	cp "$kd/modules.order" "$r/modules.order" 2>/dev/null
	[ -n "$local_dir" ] && cp -a "$local_dir"/. "$r/"
	(cd "$r" && find . | cpio -o -H newc --quiet | gzip -1) > "$kd/initrd.gz"
}

# i386 userland for the 32-bit guest: static oomkit, hog and lowmem filler
# (gcc -m32: Debian's gcc-multilib) and busybox-static:i386.  Echoes the
# directory, or a reason on stderr.
userland32() {
	local d=$work/u32 deb
	mkdir -p "$d"
	if ! make -s -C "$here" BUILD="$build/i386" CC="gcc -m32" LDFLAGS=-static "$build/i386/oomkit" >"$work/u32.log" 2>&1 ||
	   ! gcc -m32 -static -O2 -o "$d/hog" "$here/tests/e2e/hog.c" 2>>"$work/u32.log" ||
	   ! gcc -m32 -static -O2 -o "$d/lowmem" "$here/tests/vm/lowmem.c" 2>>"$work/u32.log"; then
		echo "cannot build for i386 (gcc -m32 -static: Debian's gcc-multilib): $(tail -n 1 "$work/u32.log")" >&2
		return 1
	fi
	cp "$here/$build/i386/oomkit" "$d/oomkit"
	cp "$here/tests/vm/guest32.sh" "$d/guest-local.sh"
	deb=$(fetch busybox-static:i386 2>/dev/null) || deb=$(ls "$cache"/busybox-static_*_i386.deb 2>/dev/null | tail -n 1)
	[ -n "$deb" ] || { echo "cannot download busybox-static:i386 (dpkg --add-architecture i386; apt-get update)" >&2; return 1; }
	mkdir -p "$work/bb32"
	dpkg-deb --fsys-tarfile "$deb" | tar -x -C "$work/bb32" ./bin/busybox
	echo "$d"
}

accel="-accel tcg,thread=multi"
[ -w /dev/kvm ] && accel="-accel kvm -cpu host"
for k in "${kernels[@]}"; do
	img=$(real_image "$k")
	deb=$(fetch "$img") || { echo "skip vm $k: cannot download $img (apt-get download)"; skipped=$((skipped + 1)); continue; }
	kd=$work/${img//:/_}
	mkdir -p "$kd"
	dpkg-deb --fsys-tarfile "$deb" | tar -x -C "$kd" --wildcards './boot/vmlinuz-*' 2>/dev/null
	vmlinuz=$(ls "$kd"/boot/vmlinuz-* 2>/dev/null | head -n 1)
	[ -n "$vmlinuz" ] || { echo "FAIL vm $k: no vmlinuz in $deb"; failed=$((failed + 1)); continue; }
	if [[ "$deb" == *_i386.deb ]]; then
		# The 32-bit PAE guest: its own userland, 3 GiB (HighMem beyond ~850 MiB of lowmem).
		u32=$(userland32 2>"$work/u32.why") || {
			echo "skip vm $k: $(cat "$work/u32.why")"; skipped=$((skipped + 1)); continue; }
		initramfs "$kd" "$work/bb32/bin/busybox" "$u32"
		qemu=qemu-system-i386 vmem=3072 ktests=guest32 cpu=""
	else
		modules_for "$deb" "$kd"
		initramfs "$kd" "$bb"
		qemu=qemu-system-x86_64 vmem=$mem ktests=$tests cpu=""
	fi
	kver=${vmlinuz##*/vmlinuz-}
	log=$out/$kver.console
	start=$SECONDS
	# boot TESTS N: one guest boot running TESTS, its console in $log.N.
	boot() {
		timeout --kill-after=10 "$tmo" $qemu $accel $cpu -smp 2 -m "$vmem" -nographic -no-reboot \
			-kernel "$vmlinuz" -initrd "$kd/initrd.gz" \
			-virtfs "local,path=/,mount_tag=hostroot,security_model=none,readonly=on,multidevs=remap" \
			-append "console=ttyS0 panic=-1 oops=panic loglevel=1 oomkit.src=$here oomkit.build=$build oomkit.tests=$1 oomkit.boot=$2" \
			</dev/null >"$log.$2" 2>&1
	}
	rm -f "$log".[0-9] "$log".[0-9].txt
	boot "$ktests" 1
	rc=$?
	# A host whose KVM cannot start the guest (seen on an AMD EPYC host:
	# "qemu-system-x86_64: error: failed to set MSR 0x10a to 0x69" with
	# -cpu host): qemu stops before the guest prints a line.  The guest
	# then runs under TCG, this one and the rest (slower, same tests).
	if [ "$rc" -ne 0 ] && [[ "$accel" == *kvm* ]] && ! grep -q '^=== vm-' "$log.1" && grep -q '^qemu-system-[^:]*: ' "$log.1"; then
		echo "vm $kver: KVM could not start the guest ($(grep -m 1 '^qemu-system-[^:]*: ' "$log.1")): TCG from here on"
		accel="-accel tcg,thread=multi"
		start=$SECONDS
		boot "$ktests" 1
		rc=$?
	fi
	tr -d '\r' < "$log.1" > "$log.1.txt"
	echo "vm $kver: qemu exit $rc after $((SECONDS - start)) s ($accel)"
	# A guest kernel that crashed under a script (an Oops or panic the
	# scripts did not ask for: seen once as a double fault inside SLUB's
	# cmpxchg16b under TCG, 6.12.118) ends the boot, and every script after
	# it would read as failed.  One more boot runs the scripts from the one
	# that was running on; a second crash is a failure like any other.
	left=""
	while IFS= read -r t; do
		[ -n "$left" ] || grep -q "^=== vm-end $t " "$log.1.txt" || left=$t
		[ -z "$left" ] || [ "$left" = "$t" ] || left="$left,$t"
	done < <(tr ',' '\n' <<<"$ktests")
	crash=$(grep -m 1 -E '(Kernel panic - not syncing|Oops: |BUG: unable to handle|general protection fault|PANIC: double fault)' "$log.1.txt")
	if [ -n "$left" ] && [ -n "$crash" ]; then
		echo "vm $kver: the guest kernel crashed during ${left%%,*} (${crash#*] }): booting once more for $left"
		start=$SECONDS
		boot "$left" 2
		rc=$?
		tr -d '\r' < "$log.2" > "$log.2.txt"
		echo "vm $kver: qemu exit $rc after $((SECONDS - start)) s (second boot)"
	fi
	cat "$log".[0-9] > "$log"
	cat "$log".[0-9].txt > "$log.txt"
	sed -n '/^=== vm-kmsg$/,/^=== vm-kmsg-end$/p' "$log.txt" | sed '/^=== vm-kmsg/d' > "$out/$kver.kmsg"
	# Each guest script: its summary line between its markers, from the
	# last boot that ran it.
	n=0
	while IFS= read -r t; do
		n=$((n + 1))
		from=$log.1.txt
		[ -f "$log.2.txt" ] && grep -q "=== vm-test $t\$" "$log.2.txt" && from=$log.2.txt
		body=$(sed -n "/=== vm-test $t\$/,/^=== vm-end $t /p" "$from")
		line=$(grep -E '^# passed=[0-9]+ failed=[0-9]+ skipped=[0-9]+$' <<<"$body" | tail -n 1)
		end=$(grep "^=== vm-end $t " <<<"$body")
		p=0 f=0 s=0
		if [ -n "$line" ]; then
			p=$(sed -E 's/.*passed=([0-9]+).*/\1/' <<<"$line"); f=$(sed -E 's/.*failed=([0-9]+).*/\1/' <<<"$line")
			s=$(sed -E 's/.*skipped=([0-9]+).*/\1/' <<<"$line")
		fi
		{ [ -z "$line" ] || [ -z "$end" ]; } && f=$((f + 1))
		if [ "$f" -gt 0 ]; then
			echo "FAIL vm $kver $t ($p passed, $f failed) — guest log:"
			sed 's/^/    | /' <<<"$body" | tail -n 80
			[ -n "$end" ] || tail -n 40 "$from" | sed 's/^/    | /'
		else
			echo "ok vm $kver $t ($p passed, $s skipped; ${end##*seconds=} s)"
			grep -E '^skip' <<<"$body" | sed 's/^/    /'
		fi
		passed=$((passed + p)) failed=$((failed + f)) skipped=$((skipped + s))
	done < <(tr ',' '\n' <<<"$ktests")
	[ "$n" -gt 0 ] || { echo "FAIL vm $kver: no tests named"; failed=$((failed + 1)); }
done
finish
