#!/usr/bin/env bash
# The harness's own test (tests/vm/run.sh): a guest kernel that crashes
# under a script is booted once more for the scripts from that one on.
# Only inside the test guest (OOMKIT_VM=1).  On the first boot this script
# keeps the boot's kernel log and crashes the kernel (sysrq c); on the
# second it checks that it runs last of the scripts from the crashed one
# on — alone, unless an earlier script's own crash came first.
. "$OOMKIT_SRCDIR/tests/e2e/lib.sh"
if [ "${OOMKIT_VM:-}" != 1 ]; then
	skip "a guest kernel crash: only inside the test VM (tests/vm/run.sh)"
	finish; exit
fi
if [ "${OOMKIT_VM_BOOT:-1}" = 1 ]; then
	# This boot's OOM reports, before the crash takes them (guest.sh prints
	# them after the last script, which this boot never reaches).
	echo "=== vm-kmsg"; dmesg; echo "=== vm-kmsg-end"
	sync
	echo c > /proc/sysrq-trigger
	sleep 60
	echo "the kernel did not crash on sysrq c"
	exit 1
fi
check "second boot: this script was running when the first one crashed" test "$OOMKIT_VM_BOOT" = 2
# the scripts from the one that was running on: this one last (an earlier
# script's own crash would have put it and those after it first)
check "second boot: only the scripts from the crashed one on" test "${OOMKIT_VM_TESTS##*,}" = guest_crash
finish
