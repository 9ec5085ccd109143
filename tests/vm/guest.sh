#!/usr/bin/env bash
# Runs inside the test guest (tests/vm/init), chrooted into the host's root
# filesystem (read-only) with the guest's own /proc, /sys (cgroup v2), /dev
# and /tmp.  Runs the end-to-end scripts named in OOMKIT_VM_TESTS against
# this kernel and prints, for each, its output between markers that
# tests/vm/run.sh reads on the serial console.
#   guest.sh SRCDIR BUILD
set -u
src=$1 build=${2:-build}
export OOMKIT_SRCDIR="$src"
export OOMKIT="$src/$build/oomkit" OOMKIT_ASAN="$src/$build/oomkit" HOG="$src/$build/tests/hog"
export TMPDIR=/tmp
tests=${OOMKIT_VM_TESTS:-guard_cgroup}
echo "vm: $(uname -srm); memory: $(awk '$1=="MemTotal:"{print $2" kB"}' /proc/meminfo); swap: $(awk '$1=="SwapTotal:"{print $2" kB"}' /proc/meminfo)"
for t in ${tests//,/ }; do
	f="$src/tests/e2e/$t.sh"
	[ -f "$f" ] || f="$src/tests/vm/$t.sh"
	echo "=== vm-test $t"
	if [ -f "$f" ]; then
		start=$SECONDS
		timeout 600 bash "$f" 2>&1
		echo "=== vm-end $t rc=$? seconds=$((SECONDS - start))"
	else
		echo "FAIL no such test: $t"
		echo "# passed=0 failed=1 skipped=0"
		echo "=== vm-end $t rc=1 seconds=0"
	fi
done
# The kernel's OOM reports of this boot, for the corpus (tests/vm/run.sh saves them).
echo "=== vm-kmsg"
dmesg 2>/dev/null
echo "=== vm-kmsg-end"
