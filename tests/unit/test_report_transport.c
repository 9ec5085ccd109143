/* test_report_transport.c — report/transport.c, the prefixes an OOM report
 * travels behind, each recogniser alone: syslog and journal dates in any
 * locale, ISO 8601 (dmesg's ',' fraction told apart), dmesg brackets,
 * printk caller ids, "host tag[pid]: " (the kernel's or another program's),
 * whole prefixes stripped, "> " quoting, pager cut marks and /dev/kmsg
 * dictionary lines.  The same transports over whole reports:
 * test_report_scan.c and tests/reports/transports. */
#include "check.h"
#include "report/transport.h"

#define S(lit) (lit), (sizeof(lit) - 1)

TEST(dates)
{
	CHECK_INT(tr_mon_date(S("Sep 23 02:04:16 host kernel: x")), 15);
	CHECK_INT(tr_mon_date(S("Sep  3 02:04:16.123456 host")), 22);
	CHECK_INT(tr_mon_date(S("M\xc3\xa4r 23 02:04:16 h")), 16);   /* "Mär": UTF-8 month */
	CHECK_INT(tr_mon_date(S("d\xc3\xa9" "c. 23 02:04:16 h")), 17);
	CHECK_INT(tr_mon_date(S("Sep 123 02:04:16")), 0);              /* a day of 3 digits */
	CHECK_INT(tr_mon_date(S("Sep 23 02:04")), 0);
	CHECK_INT(tr_mon_date(S("oom-kill:constraint=CONSTRAINT_NONE")), 0);
	bool comma;
	CHECK_INT(tr_iso_date(S("2026-11-20T02:04:16.123456+00:00 host"), &comma), 32);
	CHECK(!comma);
	CHECK_INT(tr_iso_date(S("2026-11-20T02:04:16,123456+0000 x"), &comma), 31);
	CHECK(comma);                                                  /* dmesg --time-format=iso */
	CHECK_INT(tr_iso_date(S("2026-11-20 02:04:16Z"), &comma), 20);
	CHECK_INT(tr_iso_date(S("2026-11-20"), &comma), 0);
	CHECK_INT(tr_iso_date(S("20261120T020416"), &comma), 0);
	CHECK(tr_starts_with_time(S("[  12.5] x")));
	CHECK(tr_starts_with_time(S("Sep 23 02:04:16 x")));
	CHECK(!tr_starts_with_time("9", 0));   /* nothing to read: not even its first byte (fuzz) */
	CHECK(tr_starts_with_time(S("2026-11-20T02:04:16 x")));
	CHECK(!tr_starts_with_time(S("[ 1234] 0 1234 java")));      /* a task row */
	CHECK(!tr_starts_with_time(S("Node 0 DMA free:15360kB")));
}

TEST(brackets_and_callers)
{
	const char *t;
	size_t tl;
	CHECK_INT(tr_bracket_time(S("[  1234.567890] java invoked"), &t, &tl), 15);
	CHECK_INT(tl, 11);
	CHECK(strncmp(t, "1234.567890", tl) == 0);                     /* trimmed */
	CHECK_INT(tr_bracket_time(S("[Tue Aug 12 03:54:03 2025] x"), &t, &tl), 26);
	CHECK_INT(tr_bracket_time(S("[<    0.000123>] x"), &t, &tl), 16);   /* --time-format=delta */
	CHECK_INT(tr_bracket_time(S("[  +0.000123] x"), &t, &tl), 13);      /* reltime */
	CHECK_INT(tr_bracket_time(S("[ 1234] 0 1234 java"), &t, &tl), 0);   /* a pid */
	CHECK_INT(tr_bracket_time(S("[<ffffffff81000000>] x"), &t, &tl), 0);
	CHECK_INT(tr_bracket_time(S("[   ] x"), &t, &tl), 0);
	CHECK_INT(tr_bracket_time(S("[1.5"), &t, &tl), 0);                  /* no ']' */
	const char *c;
	size_t cl;
	CHECK_INT(tr_caller(S("[ T123] x"), &c, &cl), 7);
	CHECK_INT(cl, 4);
	CHECK(strncmp(c, "T123", cl) == 0);
	CHECK_INT(tr_caller(S("[    C3] x"), &c, &cl), 8);
	CHECK_INT(tr_caller(S("[ X123] x"), &c, &cl), 0);
	CHECK_INT(tr_caller(S("[ T] x"), &c, &cl), 0);
}

TEST(host_tag)
{
	const char *h;
	size_t hl;
	bool kernel;
	CHECK_INT(tr_host_tag(S("web1 kernel: java invoked"), &h, &hl, &kernel), 13);
	CHECK(kernel);
	CHECK_INT(hl, 4);
	CHECK(strncmp(h, "web1", hl) == 0);
	CHECK_INT(tr_host_tag(S("kernel: java"), &h, &hl, &kernel), 8);     /* no host */
	CHECK(kernel && h == NULL);
	CHECK_INT(tr_host_tag(S("web1 sshd[812]: Accepted"), &h, &hl, &kernel), 16);
	CHECK(!kernel);                                                     /* another program's */
	CHECK_INT(tr_host_tag(S("web1 sshd[x]: y"), &h, &hl, &kernel), 0);
	CHECK_INT(tr_host_tag(S("web1 kernel x"), &h, &hl, &kernel), 0);
	/* OpenWrt logread's facility.level where the host goes (R3531) */
	CHECK_INT(tr_host_tag(S("kern.debug kernel: CPU: 1"), &h, &hl, &kernel), 19);
	CHECK(kernel && h == NULL);
	CHECK_INT(tr_host_tag(S("kern.warn kernel: x"), &h, &hl, &kernel), 18);
	CHECK(kernel && h == NULL);
	CHECK_INT(tr_host_tag(S("kern.web1 kernel: x"), &h, &hl, &kernel), 18);
	CHECK(kernel && h != NULL);
	/* a record written with no tag: 2.6's "oom-killer: gfp_mask=" header
	 * is the kernel's text, the host alone the prefix (R937) */
	CHECK_INT(tr_host_tag(S("sleepy oom-killer: gfp_mask=0xd0"), &h, &hl, &kernel), 7);
	CHECK(kernel && hl == 6 && strncmp(h, "sleepy", hl) == 0);
	/* nor is a time of day (svlogd's clock, R4211) */
	CHECK_INT(tr_host_tag(S("13:41:07.46 oom-killer: gfp_mask=0x200d2, order=0"), &h, &hl, &kernel), 24);
	CHECK(!kernel);
	/* the later header's own word before it is no host (R404) */
	CHECK_INT(tr_host_tag(S("invoked oom-killer: gfp_mask=0x201da"), &h, &hl, &kernel), 20);
	CHECK(!kernel);
	/* any other tag stays a program's */
	CHECK_INT(tr_host_tag(S("sleepy oom-killerd: gfp_mask=0xd0"), &h, &hl, &kernel), 20);
	CHECK(!kernel);
}

TEST(whole_prefix)
{
	struct pfx x;
	const char *l = "Sep 23 02:04:16 web1 kernel: [ 1234.567890] java invoked oom-killer";
	tr_strip_prefix(l, strlen(l), &x);
	CHECK(x.any && !x.drop);
	CHECK_STR(l + x.len, "java invoked oom-killer");
	CHECK_INT(x.host_len, 4);
	CHECK(x.mono != NULL);                     /* the kernel's own stamp behind the date */
	l = "Sep 23 02:04:16 web1 sshd[1]: java invoked oom-killer";
	tr_strip_prefix(l, strlen(l), &x);
	CHECK(x.drop);                             /* another program's line, even if it quotes one */
	/* a relay that writes no tag: warn_alloc's line reads as "host tag:
	 * text", its "tag" the comm (R5778); with no date before it the words
	 * are no syslog host ("c3 sh: page allocation failure", R990) */
	l = "Nov 17 06:19:31 sleepy run-crons: page allocation failure. order:0, mode:0x1d2";
	tr_strip_prefix(l, strlen(l), &x);
	CHECK(x.any && !x.drop);
	CHECK_STR(l + x.len, "run-crons: page allocation failure. order:0, mode:0x1d2");
	CHECK(x.host_len == 6 && strncmp(x.host, "sleepy", 6) == 0);
	l = "Nov 17 06:19:31 sleepy run-crons: starting hourly jobs";
	tr_strip_prefix(l, strlen(l), &x);
	CHECK(x.drop);
	l = "c3 sh: page allocation failure: order:6,";
	tr_strip_prefix(l, strlen(l), &x);
	CHECK_STR(l + x.len, "c3 sh: page allocation failure: order:6,");
	l = "java invoked oom-killer";
	tr_strip_prefix(l, strlen(l), &x);
	CHECK(!x.any);
	CHECK_INT(x.len, 0);
	/* svlogd -tt's date and the kernel facility as the tag (R4011) */
	l = "2005-05-17_10:24:16.76726 kern.info: oom-killer: gfp_mask=0x80d2";
	tr_strip_prefix(l, strlen(l), &x);
	CHECK(x.any && !x.drop);
	CHECK_STR(l + x.len, "oom-killer: gfp_mask=0x80d2");
	l = "2005-05-17_10:24:16.76726 daemon.info: sshd started";
	tr_strip_prefix(l, strlen(l), &x);
	CHECK(x.drop);
	/* a bare time of day set off by blanks: a hand-made timeline (R4442);
	 * a number after it is no word, and "HH:MM:SS kernel:" stays the
	 * syslog form (R1680) */
	l = "17:15:26  node invoked oom-killer ... order=0";
	tr_strip_prefix(l, strlen(l), &x);
	CHECK(x.any && !x.drop);
	CHECK_STR(l + x.len, "node invoked oom-killer ... order=0");
	l = "17:15:26 1234 bytes";
	tr_strip_prefix(l, strlen(l), &x);
	CHECK_INT(x.len, 0);
	l = "19:18:21 kernel: Out of memory";
	tr_strip_prefix(l, strlen(l), &x);
	CHECK_STR(l + x.len, "Out of memory");
	/* host and tag both cut, their ": " kept (R5248) */
	l = "May 11 10:51:42 : 2655 total pagecache pages";
	tr_strip_prefix(l, strlen(l), &x);
	CHECK(x.any && !x.drop);
	CHECK_STR(l + x.len, "2655 total pagecache pages");
	CHECK_INT(x.time_len, 15);
	l = "May 11 10:51:42 :x";
	tr_strip_prefix(l, strlen(l), &x);
	CHECK_STR(l + x.len, ":x");
	/* the date cut to its time, the host kept (R2760) */
	l = "22:56:24 localhost kernel: irqbalance invoked oom-killer";
	tr_strip_prefix(l, strlen(l), &x);
	CHECK_STR(l + x.len, "irqbalance invoked oom-killer");
	CHECK_INT(x.host_len, 9);
	l = "[21161.092614] kernel: earlyoom: page allocation failure: order:0";
	tr_strip_prefix(l, strlen(l), &x);
	CHECK_STR(l + x.len, "earlyoom: page allocation failure: order:0");   /* the tag, no host (R100) */
	l = "<4>[ 12.000000] Out of memory";
	tr_strip_prefix(l, strlen(l), &x);
	CHECK_STR(l + x.len, "Out of memory");
	/* the host elided, its blank kept (R255): stripped with the kernel's
	 * tag on every line alike, with no prefix to learn */
	l = "Feb 18 17:34:47  kernel: java invoked oom-killer";
	tr_strip_prefix(l, strlen(l), &x);
	CHECK(x.any && !x.drop);
	CHECK_STR(l + x.len, "java invoked oom-killer");
	CHECK_INT(x.host_len, 0);
	l = "Feb 18 17:34:47  sshd[1]: java invoked oom-killer";
	tr_strip_prefix(l, strlen(l), &x);
	CHECK(!x.drop || x.len == 0 || strcmp(l + x.len, "java invoked oom-killer") != 0);
	/* a date and the kernel's stamp, no host or tag (a netconsole
	 * receiver, R1127): the stamp is no host */
	l = "Sep 18 20:48:55 [88988.266617] cron: page allocation failure: order:0, mode:0x20";
	tr_strip_prefix(l, strlen(l), &x);
	CHECK(x.any && !x.drop);
	CHECK_STR(l + x.len, "cron: page allocation failure: order:0, mode:0x20");
	CHECK(x.mono != NULL);
	/* journalctl -o verbose (R2442): the entry's date and cursor line is
	 * dropped; its MESSAGE= field is the kernel's text */
	l = "Thu 2023-02-02 11:49:13.015489 CET [s=1d8f87cf;i=10823659;b=796d12a5;m=1f6726955fe3;t=5f3b550c118c1;x=e534]";
	tr_strip_prefix(l, strlen(l), &x);
	CHECK(x.drop);
	l = "MESSAGE=Memory cgroup out of memory: Killed process 2855014 (tail) total-vm:4296kB";
	tr_strip_prefix(l, strlen(l), &x);
	CHECK(x.any && !x.drop);
	CHECK_STR(l + x.len, "Memory cgroup out of memory: Killed process 2855014 (tail) total-vm:4296kB");
	/* a kernel line that ends in a bracket is no cursor */
	l = "Sep 23 02:04:16 web1 kernel: [  pid  ]   uid  tgid total_vm      rss name [s=1]";
	tr_strip_prefix(l, strlen(l), &x);
	CHECK(!x.drop);
}

/* OpenWrt logread (ubox log/logread.c): "<ctime> facility.level kernel: …";
 * another facility's record is another program's. */
TEST(logread_prefix)
{
	CHECK_INT(tr_ctime_date(S("Tue Mar 11 09:26:00 2025 kern.warn kernel: x")), 24);
	CHECK_INT(tr_ctime_date(S("Di M\xc3\xa4r  1 09:26:00 2025 x")), 24);
	CHECK_INT(tr_ctime_date(S("Tue Mar 11 09:26:00 x")), 0);          /* no year */
	CHECK_INT(tr_ctime_date(S("Mar 11 09:26:00 2025")), 0);            /* no weekday: a syslog date */
	CHECK(tr_starts_with_time(S("Tue Mar 11 09:26:00 2025 kern.debug kernel: x")));
	struct pfx x;
	const char *l = "Tue Mar 11 09:26:00 2025 kern.debug kernel: [331456.657971] Hardware name: X";
	tr_strip_prefix(l, strlen(l), &x);
	CHECK(x.any && !x.drop);
	CHECK_STR(l + x.len, "Hardware name: X");
	CHECK_INT(x.host_len, 0);                   /* "kern.debug" is no host */
	CHECK(x.mono && strncmp(x.mono, "331456.657971", x.mono_len) == 0);
	l = "Tue Mar 11 09:26:00 2025 daemon.info dnsmasq[1]: Killed process 1 (x)";
	tr_strip_prefix(l, strlen(l), &x);
	CHECK(x.drop);
	l = "Tue Mar 11 09:26:00 2025 user.notice: x";
	tr_strip_prefix(l, strlen(l), &x);
	CHECK(x.drop);
}

/* Android logcat's threadtime format: the kernel's lines carry the tag
 * "kernel" or none, stripped with the prefix; another tag stays as text
 * (logd may have cut it from the kernel's "subsystem: "). */
TEST(logcat_prefix)
{
	static const struct { const char *line; const char *text; } cases[] = {
		{ "07-11 20:47:41.300   156   156 W       : kswapd0 invoked oom-killer: gfp_mask=0xcc0(GFP_KERNEL), order=0",
		  "kswapd0 invoked oom-killer: gfp_mask=0xcc0(GFP_KERNEL), order=0" },
		{ "07-11 20:47:41.300   156   156 I         : out_of_memory+0x200/0x528", "out_of_memory+0x200/0x528" },
		{ "01-02 03:04:05.678     0     0 I kernel  : Mem-Info:", "Mem-Info:" },
		/* a tag logd cut from the text: kept */
		{ "07-11 20:47:41.300   156   156 I Call trace:  ", "Call trace:  " },
		/* not logcat: no pid/tid, no level letter */
		{ "07-11 20:47:41.300 kernel: x", NULL },
		{ "07-11 20:47:41.300   156   156 Q tag: x", NULL },
	};
	struct pfx x;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		const char *l = cases[i].line;
		tr_strip_prefix(l, strlen(l), &x);
		if (!cases[i].text) {
			CHECK(!x.any && x.len == 0);
			continue;
		}
		CHECK(x.any && !x.drop);
		CHECK_STR(l + x.len, cases[i].text);
		CHECK_INT(x.time_len, 18);
		CHECK(!strncmp(x.time, l, 18));
	}
	/* a NUL where the level letter goes is no level */
	static const char nul[] = "07-11 20:47:41.300   156   156 \0 kernel: x";
	tr_strip_prefix(nul, sizeof(nul) - 1, &x);
	CHECK(!x.any && x.len == 0);
}

/* A stamp that lost its '[' at the start of a copied line. */
TEST(open_stamp)
{
	struct pfx x;
	const char *l = " \xe5\x9b\x9b 4\xe6\x9c\x88 17 22:43:41 2025] prometheus invoked oom-killer: gfp_mask=0x0";
	tr_strip_prefix(l, strlen(l), &x);
	CHECK(x.any);
	CHECK_STR(l + x.len, "prometheus invoked oom-killer: gfp_mask=0x0");
	l = "34.739137] mkfs.ext4 invoked oom-killer";
	tr_strip_prefix(l, strlen(l), &x);
	CHECK_STR(l + x.len, "mkfs.ext4 invoked oom-killer");
	CHECK_INT(x.time_len, 9);
	l = "  1234]     0  1234   1000   200 java";   /* a task row that lost its '[' */
	tr_strip_prefix(l, strlen(l), &x);
	CHECK(!x.any);
	l = "ffff0000] (dump_backtrace) from [<c0015020>]";
	tr_strip_prefix(l, strlen(l), &x);
	CHECK(!x.any);
	l = "foo [ 1.5] bar";   /* a '[' before it: no lost '[' but a machine prefix */
	tr_strip_prefix(l, strlen(l), &x);
	CHECK_STR(l + x.len, "bar");
}

/* a whole line set in Markdown bold (R2767): both marks go; a bold word
 * inside the line, or a line that only starts with "**", stays */
TEST(bold_line)
{
	const char *l = "**Jun 23 04:09:18 www kernel: Free swap  = 0kB**";
	size_t n = strlen(l), q = tr_strip_quote(l, n);
	CHECK_INT(q, 2);
	CHECK_INT(tr_strip_frame_tail(l, n, q), n - 2);
	l = "**Note** the swap line below";
	CHECK_INT(tr_strip_quote(l, strlen(l)), 0);
	l = "> **Jun 23 04:09:18 www kernel: Free swap  = 0kB**  ";
	n = strlen(l);
	q = tr_strip_quote(l, n);
	CHECK_INT(q, 4);
	CHECK_INT(tr_strip_frame_tail(l, n, q), n - 4);
}

/* a web page's code block copied with its tags (R3127): "<code>" or
 * "<pre class=…>" before the first line, "</code>" after the last; a
 * printk level "<4>" is the kernel's own */
TEST(html_code_tags)
{
	const char *l = "    <code>[25020884.198143] Out of memory: kill process 4805 (apache2) score 46872 or a child";
	size_t n = strlen(l), q = tr_strip_quote(l, n);
	CHECK_STR(l + q, "[25020884.198143] Out of memory: kill process 4805 (apache2) score 46872 or a child");
	l = "<pre class=\"log\"><code>Killed process 22433 (apache2)</code></pre>";
	n = strlen(l);
	q = tr_strip_quote(l, n);
	CHECK_INT(tr_strip_frame_tail(l, n, q) - q, strlen("Killed process 22433 (apache2)"));
	l = "<4>Out of memory";
	CHECK_INT(tr_strip_quote(l, strlen(l)), 0);
	l = "<codex>x";
	CHECK_INT(tr_strip_quote(l, strlen(l)), 0);
	l = "Killed process 1 (a<b)";
	CHECK_INT(tr_strip_frame_tail(l, strlen(l), 0), strlen(l));
	/* no tag: the trailing blank of a wrapped line stays (its join, R217) */
	l = "<4>CPU: 0 PID: 33609 Comm: cc1plus Kdump: loaded Not ";
	CHECK_INT(tr_strip_frame_tail(l, strlen(l), 0), strlen(l));
}

TEST(quotes_cuts_dicts)
{
	CHECK_INT(tr_strip_quote(S("> > Node 0")), 4);
	CHECK_INT(tr_strip_quote(S(">>x")), 2);
	CHECK_INT(tr_strip_quote(S("Node 0")), 0);
	/* paste frames before a timestamp: table row, list item, line number */
	CHECK_INT(tr_strip_quote(S("| Jul 10 09:36:56 h kernel: x | |")), 2);
	CHECK_INT(tr_strip_quote(S("- [ 4890.464400] x")), 2);
	CHECK_INT(tr_strip_quote(S("  12. Jul 23 05:08:38 kernel: x")), 6);
	CHECK_INT(tr_strip_quote(S("  12. <4>CPU 0: hi: 186, btch: 31 usd: 0")), 6);   /* a printk level (R967 unstamped) */
	CHECK_INT(tr_strip_quote(S("  12. <b>bold</b>")), 0);                          /* markup: no level */
	CHECK_INT(tr_strip_quote(S("> - [ 1.0] x")), 4);
	CHECK_INT(tr_strip_quote(S("- Out of memory")), 0);      /* no timestamp: prose */
	CHECK_INT(tr_strip_quote(S("1048576 pages RAM")), 0);
	CHECK_INT(tr_strip_quote(S("| 1 | `cc1 invoked`")), 0);
	const char *row = "| [ 1.0] Free swap = 0kB | |";
	CHECK_INT(tr_strip_frame_tail(row, strlen(row), 2), strlen("| [ 1.0] Free swap = 0kB"));
	const char *dash = "- [ 1.0] a | b |";
	CHECK_INT(tr_strip_frame_tail(dash, strlen(dash), 2), strlen(dash));  /* no row opened */
	char line[] = "Node 0 DMA32 free:14120kB min:1376>";
	size_t n = strlen(line);
	CHECK(tr_cut_pager_mark(line, &n));
	CHECK_INT(n, strlen("Node 0 DMA32 free:14120kB"));        /* the cut token dropped */
	char ell[] = "Mem-Info: active_anon:4260\xe2\x80\xa6";
	n = strlen(ell);
	CHECK(tr_cut_pager_mark(ell, &n));
	CHECK_INT(n, strlen("Mem-Info:"));
	char comma[] = "oom-kill:constraint=CONSTRAINT_NONE,global_oom,task_memcg=/a.service,>";
	n = strlen(comma);
	CHECK(tr_cut_pager_mark(comma, &n));
	CHECK_INT(n, strlen(comma) - 1);                          /* cut after a ',': fields whole */
	char mid[] = "oom-kill:constraint=CONSTRAINT_NONE,nodemask=(null),global_oom,task_memcg=>";
	n = strlen(mid);
	CHECK(tr_cut_pager_mark(mid, &n));                        /* cut inside a field: the ones before stay */
	CHECK_INT(n, strlen("oom-kill:constraint=CONSTRAINT_NONE,nodemask=(null),global_oom,"));
	char mide[] = "x: oom-kill:constraint=CONSTRAINT_MEMCG,oom_memcg=/k\xe2\x80\xa6";
	n = strlen(mide);
	CHECK(tr_cut_pager_mark(mide, &n));
	CHECK_INT(n, strlen("x: oom-kill:constraint=CONSTRAINT_MEMCG,"));
	char tag[] = " </TASK>";
	n = strlen(tag);
	CHECK(!tr_cut_pager_mark(tag, &n));                       /* a tag, not a cut */
	char arrow[] = "free -> used";
	n = strlen(arrow);
	CHECK(!tr_cut_pager_mark(arrow, &n));
	CHECK(tr_is_kmsg_dict_line(S(" SUBSYSTEM=memory")));
	CHECK(tr_is_kmsg_dict_line(S(" DEVICE=+cpu:0")));
	CHECK(!tr_is_kmsg_dict_line(S("SUBSYSTEM=memory")));
	CHECK(!tr_is_kmsg_dict_line(S(" active_anon=1")));
	CHECK(!tr_is_kmsg_dict_line(S(" =x")));
	CHECK_INT(tr_span_digits(S("1234x")), 4);
	CHECK_INT(tr_span_digits(S("x")), 0);
}

/* A machine prefix no rule names, in front of the kernel's stamp: taken
 * for any tool's, as printk puts its stamp first. */
TEST(machine_prefix_before_stamp)
{
	struct pfx x;
	const char *l = "vm1 # [   16.869199] mysqld invoked oom-killer: gfp_mask=0x100cca";
	tr_strip_prefix(l, strlen(l), &x);
	CHECK(x.any && !x.drop);
	CHECK_STR(l + x.len, "mysqld invoked oom-killer: gfp_mask=0x100cca");
	CHECK(x.mono != NULL);
	l = "10.0.0.7: kern:    info: [2025-06-04T04:51:57.572293906Z]: memory: usage 4kB, limit 4kB, failcnt 2";
	tr_strip_prefix(l, strlen(l), &x);
	CHECK_STR(l + x.len, "memory: usage 4kB, limit 4kB, failcnt 2");
	CHECK(x.time != NULL);
	l = "2023-12-04T10:49:30.106Z vcpu-5 - Guest: <4>[39261111.880134] Call Trace:";
	tr_strip_prefix(l, strlen(l), &x);
	CHECK_STR(l + x.len, "Call Trace:");
	l = "Creating journal (262144 blocks): [   34.739137] mkfs.ext4 invoked";   /* glued text (R141) */
	tr_strip_prefix(l, strlen(l), &x);
	CHECK_INT(x.len, 0);
	/* kernel text with a bracket of its own, or too many words, or a
	 * stamp glued to a word: not a prefix */
	l = "lowmem_reserve[]: 0 0 [ 1.000000] x";
	tr_strip_prefix(l, strlen(l), &x);
	CHECK_INT(x.len, 0);
	l = "one two three four five six seven eight [ 1.000000] x";
	tr_strip_prefix(l, strlen(l), &x);
	CHECK_INT(x.len, 0);
	l = "Node 0 DMA32 free:1kB[ 1.000000] x";
	tr_strip_prefix(l, strlen(l), &x);
	CHECK_INT(x.len, 0);
	l = "pid=5 [ 1.000000] x";
	tr_strip_prefix(l, strlen(l), &x);
	CHECK_INT(x.len, 0);
	/* a header whose newline a paste lost, the next record's stamp after it */
	l = "kworker/u4:7: page allocation failure: order:0, mode:0x2204020 [ 141.443857] CPU: 1";
	tr_strip_prefix(l, strlen(l), &x);
	CHECK_INT(x.len, 0);
	l = "Call Trace:      [1.0] <TASK>       [1.1] kthread+0xe1/0x110";   /* records in one line */
	tr_strip_prefix(l, strlen(l), &x);
	CHECK_INT(x.len, 0);
	/* a logger's date in angle brackets (R607); kernel tags are none */
	l = "<Jan/06 03:50 pm>swapper: page allocation failure. order:0, mode:0x20";
	tr_strip_prefix(l, strlen(l), &x);
	CHECK_STR(l + x.len, "swapper: page allocation failure. order:0, mode:0x20");
	l = "<IRQ> <ffffffff80158fa0>{__alloc_pages+816}";
	tr_strip_prefix(l, strlen(l), &x);
	CHECK_INT(x.len, 0);
	l = "<ffffffff8013ffd3>{del_timer+115}";
	tr_strip_prefix(l, strlen(l), &x);
	CHECK_INT(x.len, 0);
	/* printk's own drop notice, glued to the next record (3.x-4.x) */
	l = "** 3 printk messages dropped ** [  206.416481] Out of memory (oom_kill_allocating_task)";
	tr_strip_prefix(l, strlen(l), &x);
	CHECK_STR(l + x.len, "Out of memory (oom_kill_allocating_task)");
	l = "** 12 printk messages dropped ** Killed process 10600 (a.out)";
	tr_strip_prefix(l, strlen(l), &x);
	CHECK_STR(l + x.len, "Killed process 10600 (a.out)");
}

/* A log shipper's "severity|app[procid]|" template (R795): the severity
 * changes per line; another app's record is dropped. */
TEST(level_pipe_template)
{
	struct pfx x;
	const char *l = "warning|kernel[-]|[2919920.414131] memhog invoked oom-killer: gfp_mask=0xcc0(GFP_KERNEL), order=0";
	tr_strip_prefix(l, strlen(l), &x);
	CHECK(x.any && !x.drop);
	CHECK_STR(l + x.len, "memhog invoked oom-killer: gfp_mask=0xcc0(GFP_KERNEL), order=0");
	CHECK(x.mono != NULL);
	l = "err|kernel|Memory cgroup out of memory: Killed process 5 (x)";
	tr_strip_prefix(l, strlen(l), &x);
	CHECK_STR(l + x.len, "Memory cgroup out of memory: Killed process 5 (x)");
	l = "info|sshd[412]|Accepted publickey for root";
	tr_strip_prefix(l, strlen(l), &x);
	CHECK(x.drop);
	l = "normal|kernel|x";            /* no severity: not the template */
	tr_strip_prefix(l, strlen(l), &x);
	CHECK_INT(x.len, 0);
	l = "info|kernel[-] x";           /* no closing pipe */
	tr_strip_prefix(l, strlen(l), &x);
	CHECK_INT(x.len, 0);
}

/* An ISO date with a zone offset glued to its text (a console logger's Go
 * layout, R1820) is a prefix; a date without an offset glued to a word is
 * text, as is one glued to a digit. */
TEST(iso_date_glued_with_offset)
{
	struct pfx x;
	const char *l = "2023-08-14 15:53:30.316+0000Pid: 1485, comm: java Not tainted 2.6.32-642.11.1.el6.x86_64 #1";
	tr_strip_prefix(l, strlen(l), &x);
	CHECK(x.any && !x.drop);
	CHECK_STR(l + x.len, "Pid: 1485, comm: java Not tainted 2.6.32-642.11.1.el6.x86_64 #1");
	CHECK(x.time && x.time_len == 28);
	CHECK_INT(x.host_len, 0);
	l = "2023-08-14 15:53:30.317+0000 [<ffffffff815482b1>] ? panic+0xa7/0x179";
	tr_strip_prefix(l, strlen(l), &x);
	CHECK_STR(l + x.len, "[<ffffffff815482b1>] ? panic+0xa7/0x179");
	l = "2023-08-14 15:53:30.316Pid: 1";      /* no offset: not taken glued */
	tr_strip_prefix(l, strlen(l), &x);
	CHECK_INT(x.len, 0);
	l = "2023-08-14 15:53:30+00001234";       /* digits after it: no text begins */
	tr_strip_prefix(l, strlen(l), &x);
	CHECK_INT(x.len, 0);
}

/* a document's placeholder for the stamp: stripped, no time; a frame's
 * address in the same brackets is no placeholder */
TEST(placeholder_stamp)
{
	struct pfx x;
	const char *l = "[<TIMESTAMP>] fc_vmm: page allocation failure: order:6, mode:0x140c0c0";
	tr_strip_prefix(l, strlen(l), &x);
	CHECK(x.any && !x.drop);
	CHECK_STR(l + x.len, "fc_vmm: page allocation failure: order:6, mode:0x140c0c0");
	CHECK(x.time == NULL);
	l = "[<C04E3DB0>] __alloc_pages+0x1c8/0x2a4";
	tr_strip_prefix(l, strlen(l), &x);
	CHECK_INT(x.len, 0);
	l = "[<ffffffff815482b1>] panic+0xa7/0x179";
	tr_strip_prefix(l, strlen(l), &x);
	CHECK_INT(x.len, 0);
	l = "[<TIME>]x";                                /* no blank after it */
	tr_strip_prefix(l, strlen(l), &x);
	CHECK_INT(x.len, 0);
}

/* a vendor's CPU field between the stamp and the caller id (R3960) */
TEST(cpu_field_before_caller)
{
	struct pfx x;
	const char *l = "[34536.806115][ 3] [T96407] glmark2-es2-way invoked oom-killer: gfp_mask=0x440dc0";
	tr_strip_prefix(l, strlen(l), &x);
	CHECK_STR(l + x.len, "glmark2-es2-way invoked oom-killer: gfp_mask=0x440dc0");
	CHECK(x.caller && x.caller_len == 6 && !memcmp(x.caller, "T96407", 6));
	l = "[34589.761429][ 4] [ T3283] Xwayland invoked oom-killer";
	tr_strip_prefix(l, strlen(l), &x);
	CHECK_STR(l + x.len, "Xwayland invoked oom-killer");
	l = "[34589.761429][ 4] Xwayland";                /* no caller after it: left */
	tr_strip_prefix(l, strlen(l), &x);
	CHECK_STR(l + x.len, "[ 4] Xwayland");
}

int main(void)
{
	RUN(dates);
	RUN(brackets_and_callers);
	RUN(host_tag);
	RUN(whole_prefix);
	RUN(machine_prefix_before_stamp);
	RUN(logread_prefix);
	RUN(logcat_prefix);
	RUN(open_stamp);
	RUN(quotes_cuts_dicts);
	RUN(bold_line);
	RUN(html_code_tags);
	RUN(level_pipe_template);
	RUN(iso_date_glued_with_offset);
	RUN(placeholder_stamp);
	RUN(cpu_field_before_caller);
	return check_summary();
}
