#!/usr/bin/env bash
# bench/guard/smaps.sh PID — where a process's RSS is: one line per mapping
# with pages resident (Rss), split into file-backed and anonymous, then the
# totals by kind (our binary, libc, ld.so, heap, stack, other anonymous,
# vdso/vvar).  For the guard's idle RSS (issue 10: ≤ 1.5 MiB).
set -u
pid=${1:?usage: bench/guard/smaps.sh PID}
exe=$(readlink "/proc/$pid/exe" 2>/dev/null)
awk -v exe="$exe" '
	/^[0-9a-f]+-[0-9a-f]+ / {
		range = $1; perms = $2; path = (NF >= 6) ? $6 : ""
		if (path == exe) kind = "binary"
		else if (path ~ /libc[.-]/) kind = "libc"
		else if (path ~ /ld-linux|ld\.so/) kind = "ld.so"
		else if (path == "[heap]") kind = "heap"
		else if (path == "[stack]") kind = "stack"
		else if (path ~ /^\[v/) kind = "vdso/vvar"
		else if (path == "") kind = "anon"
		else kind = "other:" path
		next
	}
	/^Rss:/ { rss = $2 }
	/^Anonymous:/ {
		if (rss > 0) printf "  %-10s %-5s %-28s rss %5d  anon %5d\n", kind, perms, range, rss, $2
		tot[kind] += rss; anon[kind] += $2; all += rss; allanon += $2
	}
	END {
		printf "by kind (KiB):\n"
		for (k in tot) if (tot[k] > 0) printf "  %-12s rss %5d  (anon %5d, file %5d)\n", k, tot[k], anon[k], tot[k] - anon[k]
		printf "  %-12s rss %5d  (anon %5d, file %5d)\n", "TOTAL", all, allanon, all - allanon
	}' "/proc/$pid/smaps"
grep -E '^(VmRSS|RssAnon|RssFile|RssShmem|VmLck|VmStk|VmData)' "/proc/$pid/status"
