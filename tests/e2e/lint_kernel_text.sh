#!/usr/bin/env bash
# lint_kernel_text.sh — kernel text (/proc, /sys, /dev/kmsg) is parsed only
# in src/live/parse_*.c and src/report/.  Fails when string parsing comes
# back into src/guard/: number scanners, substring searches and the keys of
# kernel files.  config.c (guard.conf), metrics.c (HTTP requests, listen
# addresses) and output.c (the environment) parse text that is not the
# kernel's and are exempt; so is a line marked "not kernel text".
here=$(cd "$(dirname "$0")/../.." && pwd)
. "$here/tests/e2e/lib.sh"

# Parsing primitives and the keys of the kernel files the guard reads.
pattern='\b(sscanf|strto[u]?l{0,2}|atoi|atol|scan_[ui]64|parse_[ui]64|parse_hex_u64|mem_find|strstr|text_kv_next|text_lines_next)\s*\('
keys='"(Vm[A-Z][A-Za-z]*:?|Rss[A-Z][a-z]*:?|Mem(Total|Free|Available):|Swap(Total|Free):|CapEff|Uid:|avg10=|total=|oom_kill |(total_)?(in)?active_file|Killed process|invoked oom-killer|oom_memcg=|Anonymous:|Node [0-9]|zone )'
bad=0
for f in "$here"/src/guard/*.c; do
	case "${f##*/}" in config.c|metrics.c|output.c) continue ;; esac
	# Comments are not code (one-line comments and comment-block lines are
	# blanked, keeping line numbers); a line marked "not kernel text" is exempt.
	hits=$(sed -E '/not kernel text/d; s#/\*.*\*/##g; s#^\s*(/\*|\*).*##' "$f" | grep -nE "$pattern|$keys")
	if [ -n "$hits" ]; then
		fail "kernel text parsed in ${f#"$here"/}:"
		sed 's/^/    /' <<<"$hits"
		bad=1
	fi
done
[ $bad -eq 0 ] && ok "no kernel text parsed in src/guard/ (live/parse_*.c and report/ do it)"

# Every pure parser of src/live/ has a case in the procfs fuzz target.
missing=""
for fn in $(grep -ohE '^int (live_parse_[a-z_0-9]+|live_pids_next)\(' "$here"/src/live/parse_*.c | sed -E 's/^int //; s/\($//' | sort -u); do
	grep -q "\b$fn(" "$here/fuzz/fuzz_procfs.c" || missing="$missing $fn"
done
if [ -z "$missing" ]; then ok "every live/parse_*.c parser is fuzzed (fuzz/fuzz_procfs.c)"; else fail "not fuzzed:$missing"; fi

# And the parsers live in files named after what they parse.
stray=$(grep -lE '^int live_parse_' "$here"/src/live/*.c | grep -v '/parse_[a-z_]*\.c$')
if [ -z "$stray" ]; then ok "live_parse_* only in src/live/parse_*.c"; else fail "live_parse_* outside parse_*.c: $stray"; fi

# diagnose/ and render/ judge and draw the model: they include model headers
# (model/system.h for the machine's settings), never a source's (src/live/,
# src/guard/), not even through another header.
cc=${CC:-cc}
if command -v "$cc" >/dev/null 2>&1; then
	leaks=""
	for f in "$here"/src/diagnose/*.c "$here"/src/render/*.c; do
		deps=$(cd "$here" && "$cc" -std=gnu17 -D_GNU_SOURCE -Isrc -MM "${f#"$here"/}" 2>/dev/null) ||
			{ leaks="$leaks ${f#"$here"/}(does not preprocess)"; continue; }
		for h in $(tr -d '\\' <<<"$deps" | tr ' ' '\n' | grep -E '^src/(live|guard)/'); do
			leaks="$leaks ${f#"$here"/}→$h"
		done
	done
	if [ -z "$leaks" ]; then ok "diagnose/ and render/ include no live/ or guard/ header"
	else fail "diagnose/ or render/ include a source's header:$leaks"; fi
else
	skip "no C compiler ($cc) to list includes"
fi
finish
