/* test_guard_config.c — guard.conf parsing: defaults, every kind of key,
 * strict errors with line numbers, command-line overrides, cross checks. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "check.h"
#include "guard/guard.h"

static int parse(struct guard_config *c, const char *text, char *err, size_t errlen)
{
	guard_config_defaults(c);
	err[0] = '\0';
	return guard_config_parse(c, text, strlen(text), "guard.conf", err, errlen);
}

TEST(defaults)
{
	struct guard_config c;
	char err[256];
	guard_config_defaults(&c);
	CHECK_INT(c.mem_term_percent, 10);
	CHECK_INT(c.mem_kill_percent, 5);
	CHECK_INT(c.watch_machine, GUARD_AUTO);
	CHECK_INT(c.nr_cgroups, 0);
	CHECK(!c.dry_run);
	CHECK(c.escalate);
	CHECK_STR(c.incident_dir, "/var/lib/oomkit/incidents");
	/* sshd and the journal are protected by default */
	bool sshd = false, journald = false;
	for (int i = 0; i < c.nr_protect; i++) {
		sshd = sshd || !strcmp(c.protect[i], "sshd");
		journald = journald || !strcmp(c.protect[i], "systemd-journald");
	}
	CHECK(sshd);
	CHECK(journald);
	CHECK_INT(guard_config_finish(&c, err, sizeof(err)), 0);
}

TEST(parse_all_kinds)
{
	struct guard_config c;
	char err[256];
	const char *text =
		"# comment\n"
		"; another\n"
		"[guard]\n"
		"mem-term-percent = 12\n"
		"  mem-kill-percent=6  \n"
		"cgroup = /sys/fs/cgroup/a\n"
		"cgroup = /sys/fs/cgroup/b\n"
		"dry-run = yes\n"
		"escalate = off\n"
		"watch-machine = yes\n"
		"action = pgroup\n"
		"prefer = ^(chrome|firefox)$\n"
		"avoid = postgres\n"
		"protect = sshd, my-db\n"
		"events = \"/run/oomkit/events.jsonl\"\n"
		"metrics = 127.0.0.1:9650\n"
		"exec = /usr/local/bin/notify --kill\n"
		"incident-dir = \"\"\n";
	CHECK_INT(parse(&c, text, err, sizeof(err)), 0);
	CHECK_STR(err, "");
	CHECK_INT(c.mem_term_percent, 12);
	CHECK_INT(c.mem_kill_percent, 6);
	CHECK_INT(c.nr_cgroups, 2);
	CHECK_STR(c.cgroups[1], "/sys/fs/cgroup/b");
	CHECK(c.dry_run);
	CHECK(!c.escalate);
	CHECK_INT(c.watch_machine, GUARD_YES);
	CHECK_INT(c.action, GUARD_ACTION_PGROUP);
	CHECK_INT(c.nr_prefer, 1);
	CHECK_INT(c.nr_avoid, 1);
	CHECK_INT(c.nr_protect, 2);
	CHECK_STR(c.protect[1], "my-db");
	CHECK_STR(c.events_path, "/run/oomkit/events.jsonl");
	CHECK_STR(c.metrics_listen, "127.0.0.1:9650");
	CHECK_INT(c.exec_argc, 2);
	CHECK_STR(c.exec_argv[0], "/usr/local/bin/notify");
	CHECK_STR(c.exec_argv[1], "--kill");
	CHECK_STR(c.incident_dir, "");
	CHECK_INT(guard_config_finish(&c, err, sizeof(err)), 0);
	CHECK_INT(c.prefer_pat[0].start, 0);
	CHECK(c.prefer_pat[0].len > 0);
	CHECK(c.avoid_pat[0].start >= c.prefer_pat[0].len);
}

TEST(errors_name_the_line)
{
	struct guard_config c;
	char err[256];
	static const struct { const char *text, *want; } cases[] = {
		{ "mem-term-percent = 10\nbogus = 1\n", "guard.conf:2: unknown key 'bogus'" },
		{ "\n\nmem-kill-percent = 101\n", "guard.conf:3: 'mem-kill-percent': 101 is out of range [0, 100]" },
		{ "mem-kill-percent = 5x\n", "guard.conf:1: 'mem-kill-percent': '5x' is not a whole number" },
		{ "mem-kill-percent = -1\n", "guard.conf:1: 'mem-kill-percent': -1 is out of range [0, 100]" },
		{ "mem-kill-percent =\n", "guard.conf:1: 'mem-kill-percent': '' is not a whole number" },
		{ "dry-run = maybe\n", "guard.conf:1: 'dry-run': expected yes or no, not 'maybe'" },
		{ "[metrics]\n", "guard.conf:1: unknown section '[metrics]' (only [guard])" },
		{ "[guard\n", "guard.conf:1: section header without ']'" },
		{ "just words\n", "guard.conf:1: expected 'key = value'" },
		{ "= 3\n", "guard.conf:1: missing or over-long key" },
		{ "grace-ms = 1\ngrace-ms = 2\n", "guard.conf:2: 'grace-ms' already set on line 1" },
		{ "cgroup = relative/path\n", "guard.conf:1: 'cgroup': expected an absolute directory path" },
		{ "action = everything\n", "guard.conf:1: 'action': expected process, pgroup or cgroup, not 'everything'" },
		{ "metrics = localhost\n", "guard.conf:1: expected ADDRESS:PORT, e.g. 127.0.0.1:9650" },
		{ "metrics = 127.0.0.1:70000\n", "guard.conf:1: expected ADDRESS:PORT, e.g. 127.0.0.1:9650" },
		{ "exec = notify-send\n", "guard.conf:1: the program must be an absolute path (no shell, no PATH search)" },
		{ "watch-machine = sometimes\n", "guard.conf:1: 'watch-machine': expected auto, yes or no, not 'sometimes'" },
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		int rc = parse(&c, cases[i].text, err, sizeof(err));
		CHECK_INT(rc, -EINVAL);
		CHECK_STR(err, cases[i].want);
	}
	/* A bad regular expression is reported where it is written. */
	CHECK_INT(parse(&c, "\nprefer = (unclosed\n", err, sizeof(err)), -EINVAL);
	CHECK(strncmp(err, "guard.conf:2: 'prefer': bad regular expression '(unclosed'", 58) == 0);
	/* glibc regcomp blew up on stacked or nested repetitions (fuzzer
	 * finds); oomkit's own matcher takes the first at no cost and refuses
	 * the second by its compiled size, at once. */
	CHECK_INT(parse(&c, "prefer = firefox+++++++++++++++++++++++++++++++++++++++\n", err, sizeof(err)), 0);
	CHECK_INT(parse(&c, "avoid = ((a{100}){100})\n", err, sizeof(err)), -EINVAL);
	CHECK_STR(err, "guard.conf:1: 'avoid': bad regular expression '((a{100}){100})': too complex: it compiles to more than 1024 steps (large or nested {m,n} counts)");
	CHECK_INT(parse(&c, "avoid = (a)\\1\n", err, sizeof(err)), -EINVAL);
	CHECK_INT(parse(&c, "avoid = ^(cc1|ld)+$\nprefer = [+{]+x{2,5}\n", err, sizeof(err)), 0);
}

TEST(cross_checks)
{
	struct guard_config c;
	char err[256];
	CHECK_INT(parse(&c, "mem-term-percent = 4\n", err, sizeof(err)), 0);
	CHECK_INT(guard_config_finish(&c, err, sizeof(err)), -EINVAL);
	CHECK_STR(err, "mem-kill-percent (5) must not exceed mem-term-percent (4)");
	CHECK_INT(parse(&c, "poll-min-ms = 500\npoll-max-ms = 100\n", err, sizeof(err)), 0);
	CHECK_INT(guard_config_finish(&c, err, sizeof(err)), -EINVAL);
	CHECK_STR(err, "poll-min-ms (500) must not exceed poll-max-ms (100)");
	CHECK_INT(parse(&c, "action = cgroup\n", err, sizeof(err)), 0);
	CHECK_INT(guard_config_finish(&c, err, sizeof(err)), -EINVAL);
	CHECK_STR(err, "action = cgroup needs at least one cgroup to watch");
	CHECK_INT(parse(&c, "psi-stall-ms = 3000\npsi-window-ms = 2000\n", err, sizeof(err)), 0);
	CHECK_INT(guard_config_finish(&c, err, sizeof(err)), -EINVAL);
	/* the warning stage must come before the kill */
	CHECK_INT(parse(&c, "warn-mem-percent = 5\n", err, sizeof(err)), 0);
	CHECK_INT(guard_config_finish(&c, err, sizeof(err)), -EINVAL);
	CHECK_STR(err, "warn-mem-percent (5) must be above mem-kill-percent (5)");
	CHECK_INT(parse(&c, "warn-cgroup-percent = 20\nreport-interval = 60\n", err, sizeof(err)), 0);
	CHECK_INT(guard_config_finish(&c, err, sizeof(err)), 0);
	CHECK_INT(c.report_interval_s, 60);
}

/* Issue 11: fixed sizes (earlyoom's -M SIZE[,KILL_SIZE]), rules, warning keys. */
TEST(newcomer_keys)
{
	struct guard_config c;
	char err[256];
	CHECK_INT(parse(&c, "mem-min-mib = 500\nswap-min-mib = 300,100\nnotify = no\n", err, sizeof(err)), 0);
	CHECK_INT(guard_config_finish(&c, err, sizeof(err)), 0);
	CHECK_INT(c.mem_min_mib[0], 500);
	CHECK_INT(c.mem_min_mib[1], 250);   /* half, as earlyoom */
	CHECK_INT(c.swap_min_mib[0], 300);
	CHECK_INT(c.swap_min_mib[1], 100);
	CHECK(!c.mem_percent_set);
	CHECK(!c.notify);
	CHECK_INT(parse(&c, "mem-min-mib = 100,200\n", err, sizeof(err)), -EINVAL);
	CHECK(strstr(err, "KILL at most SIZE") != NULL);
	CHECK_INT(parse(&c, "mem-min-mib = lots\n", err, sizeof(err)), -EINVAL);
	CHECK_INT(parse(&c, "mem-kill-percent = 3\nmem-min-mib = 100\n", err, sizeof(err)), 0);
	CHECK_INT(guard_config_finish(&c, err, sizeof(err)), 0);
	CHECK(c.mem_percent_set);
	CHECK_INT(parse(&c, "exec-warn = relative/path\n", err, sizeof(err)), -EINVAL);
	CHECK_INT(parse(&c, "exec-warn = /bin/echo warn now\n", err, sizeof(err)), 0);
	CHECK_INT(c.exec_warn_argc, 3);
	CHECK_STR(c.exec_warn_argv[2], "now");
	CHECK_INT(parse(&c, "prefer = cgroup:/kubepods/*\navoid = unit:postgresql action=restart-unit\n"
			"protect = sshd user:0 unit:dbus.service\n", err, sizeof(err)), 0);
	CHECK_INT(guard_config_finish(&c, err, sizeof(err)), 0);
	CHECK_INT(c.prefer_rule[0].match, GUARD_MATCH_CGROUP);
	CHECK_STR(c.prefer[0] + c.prefer_rule[0].off, "/kubepods/*");
	CHECK_INT(c.avoid_rule[0].match, GUARD_MATCH_UNIT);
	CHECK_INT(c.avoid_rule[0].action, GUARD_RULE_RESTART_UNIT);
	CHECK_STR(c.avoid[0], "unit:postgresql.service");
	CHECK_INT(c.protect_rule[1].match, GUARD_MATCH_USER);
	CHECK_INT(c.protect_rule[1].uid, 0);
	CHECK(c.need_task_details);
	/* the printed configuration reads back the same */
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	guard_config_print(&c, f);
	fclose(f);
	CHECK(strstr(buf, "avoid = unit:postgresql.service action=restart-unit\n") != NULL);
	CHECK(strstr(buf, "mem-min-mib = 0,0\n") != NULL);
	struct guard_config c2;
	CHECK_INT(parse(&c2, buf, err, sizeof(err)), 0);
	CHECK_INT(c2.avoid_rule[0].action, GUARD_RULE_RESTART_UNIT);
	free(buf);
	CHECK_INT(parse(&c, "cgroup:x = 1\n", err, sizeof(err)), -EINVAL);
	CHECK_INT(parse(&c, "prefer = unit:\n", err, sizeof(err)), -EINVAL);
}

TEST(command_line_overrides_file)
{
	struct guard_config c;
	char err[256];
	guard_config_defaults(&c);
	/* The flags are applied first and marked, so the file cannot undo them. */
	CHECK_INT(guard_config_set(&c, "mem-term-percent", "20", -1, err, sizeof(err)), 0);
	CHECK_INT(guard_config_set(&c, "cgroup", "/sys/fs/cgroup/cli", -1, err, sizeof(err)), 0);
	const char *text = "mem-term-percent = 12\nmem-kill-percent = 3\ncgroup = /sys/fs/cgroup/file\n";
	CHECK_INT(guard_config_parse(&c, text, strlen(text), "guard.conf", err, sizeof(err)), 0);
	CHECK_INT(c.mem_term_percent, 20);     /* flag wins */
	CHECK_INT(c.mem_kill_percent, 3);      /* file sets what the flags did not */
	CHECK_INT(c.nr_cgroups, 2);            /* lists add up */
	/* A repeated flag: the last one wins, no "already set" error. */
	CHECK_INT(guard_config_set(&c, "mem-term-percent", "30", -1, err, sizeof(err)), 0);
	CHECK_INT(c.mem_term_percent, 30);
	/* guard_config_build: defaults → file → flags, with the path of the file */
	/* A private copy: the checkout's own file may be group-writable (umask
	 * 002, git archive), which the guard rightly refuses (StrictModes). */
	char path[] = "/tmp/oomkit-test-guard.conf.XXXXXX";
	size_t tn;
	char *body = slurp_src("dist/guard.conf", &tn);
	int tfd = mkstemp(path);     /* mode 0600 */
	CHECK(tfd >= 0);
	CHECK(tfd < 0 || !body || write(tfd, body, tn) == (ssize_t)tn);
	if (tfd >= 0)
		close(tfd);
	if (!body)
		unlink(path);        /* then the build below says -ENOENT: skipped */
	free(body);
	struct guard_cli cli;
	memset(&cli, 0, sizeof(cli));
	cli.config_path = path;
	cli.key[0] = "dry-run";
	cli.value[0] = "yes";
	cli.n = 1;
	struct guard_config b;
	int rc = guard_config_build(&b, &cli, err, sizeof(err));
	if (rc == -ENOENT) {
		SKIP("dist/guard.conf not found (OOMKIT_SRCDIR?)");
	} else {
		CHECK_INT(rc, 0);
		CHECK(b.dry_run);
		CHECK_INT(b.mem_term_percent, 10);   /* the shipped file only shows defaults */
	}
	unlink(path);
	cli.config_path = "/nonexistent/guard.conf";
	CHECK_INT(guard_config_build(&b, &cli, err, sizeof(err)), -ENOENT);
}

TEST(shipped_file_is_the_defaults)
{
	/* dist/guard.conf shows every default commented out: uncommenting every
	 * "#key = value" line must give exactly the defaults. */
	static char un[65536];
	char *text = slurp_src("dist/guard.conf", NULL);
	if (!text) {
		SKIP("dist/guard.conf not found");
		return;
	}
	size_t o = 0;
	int keys = 0;
	for (const char *p = text; *p;) {
		const char *nl = strchr(p, '\n');
		size_t l = nl ? (size_t)(nl - p) + 1 : strlen(p);
		if (p[0] == '#' && p[1] != ' ' && p[1] != '#' && p[1] != '\n' && memchr(p, '=', l) &&
		    o + l < sizeof(un)) {
			memcpy(un + o, p + 1, l - 1);
			o += l - 1;
			keys++;
		}
		p += l;
	}
	un[o] = '\0';
	free(text);
	struct guard_config c, d;
	char err[256];
	CHECK_INT(parse(&c, un, err, sizeof(err)), 0);
	if (err[0])
		printf("  %s\n", err);
	CHECK(keys >= 25);
	guard_config_defaults(&d);
	CHECK_INT(c.mem_term_percent, d.mem_term_percent);
	CHECK_INT(c.cgroup_kill_percent, d.cgroup_kill_percent);
	CHECK_INT(c.grace_ms, d.grace_ms);
	CHECK_INT(c.nr_protect, d.nr_protect);
	CHECK_STR(c.incident_dir, d.incident_dir);
	CHECK_INT(c.recorder_seconds, d.recorder_seconds);
	CHECK_INT(c.psi_window_ms, d.psi_window_ms);
}

TEST(psi_parsing)
{
	struct guard_psi p;
	CHECK_INT(guard_parse_psi("some avg10=1.50 avg60=0.25 avg300=0.00 total=12345\n"
				  "full avg10=0.75 avg60=0.10 avg300=0.00 total=678\n", &p), 0);
	CHECK(p.known);
	CHECK(p.some_avg10 > 1.49 && p.some_avg10 < 1.51);
	CHECK(p.full_avg10 > 0.74 && p.full_avg10 < 0.76);
	CHECK_INT(p.some_total_us, 12345);
	CHECK_INT(p.full_total_us, 678);
	CHECK_INT(guard_parse_psi("garbage\n", &p), -EINVAL);
	CHECK_INT(guard_parse_psi("some avg10=x avg60=1 total=1\n", &p), -EINVAL);
}

TEST(print_round_trips)
{
	struct guard_config c, d;
	char err[256];
	CHECK_INT(parse(&c, "mem-term-percent = 33\nprefer = ^hog$\ncgroup = /sys/fs/cgroup/x\n", err,
			sizeof(err)), 0);
	static char out[16384];
	FILE *f = fmemopen(out, sizeof(out), "w");
	guard_config_print(&c, f);
	fclose(f);
	CHECK_INT(parse(&d, out, err, sizeof(err)), 0);
	CHECK_STR(err, "");
	CHECK_INT(d.mem_term_percent, 33);
	CHECK_INT(d.nr_prefer, 1);
	CHECK_STR(d.prefer[0], "^hog$");
	CHECK_STR(d.cgroups[0], "/sys/fs/cgroup/x");
}

/* A config others may write is refused (sshd StrictModes), naming the file,
 * its mode and owner; so is a directory above it; a FIFO does not block. */
TEST(untrusted_files_refused)
{
	char dir[] = "/tmp/oomkit-trust-XXXXXX";
	if (!mkdtemp(dir)) {
		SKIP("mkdtemp failed");
		return;
	}
	char path[128], sub[128], subpath[160], fifo[128], err[512], want[256];
	snprintf(path, sizeof(path), "%s/guard.conf", dir);
	FILE *f = fopen(path, "w");
	CHECK(f != NULL);
	if (!f)
		return;
	fputs("[guard]\nmem-term-percent = 12\n", f);
	fclose(f);
	struct guard_config c;
	chmod(path, 0644);
	guard_config_defaults(&c);
	CHECK_INT(guard_config_load(&c, path, err, sizeof(err)), 0);
	CHECK_INT(c.mem_term_percent, 12);

	chmod(path, 0666);
	guard_config_defaults(&c);
	CHECK_INT(guard_config_load(&c, path, err, sizeof(err)), -EPERM);
	snprintf(want, sizeof(want), "config %s: refused: mode 0666, owner uid %lu", path, (unsigned long)geteuid());
	CHECK(strstr(err, want) != NULL);
	CHECK(strstr(err, "group or others may write it") != NULL);
	chmod(path, 0620);
	CHECK_INT(guard_path_trusted(path, "exec program", true, err, sizeof(err)), -EPERM);
	chmod(path, 0644);
	if (geteuid() == 0) {
		CHECK_INT(chown(path, 65534, (gid_t)-1), 0);
		CHECK_INT(guard_path_trusted(path, "config", true, err, sizeof(err)), -EPERM);
		CHECK(strstr(err, "owner uid 65534") && strstr(err, "another user owns it"));
		CHECK_INT(chown(path, 0, (gid_t)-1), 0);
	}

	/* the directory: world-writable without the sticky bit is refused */
	snprintf(sub, sizeof(sub), "%s/open", dir);
	mkdir(sub, 0755);
	chmod(sub, 0777);
	snprintf(subpath, sizeof(subpath), "%s/guard.conf", sub);
	f = fopen(subpath, "w");
	if (f) {
		fputs("[guard]\n", f);
		fclose(f);
	}
	chmod(subpath, 0644);
	CHECK_INT(guard_path_trusted(subpath, "config", true, err, sizeof(err)), -EPERM);
	snprintf(want, sizeof(want), "directory of the config, %s: refused: mode 0777", sub);
	CHECK(strstr(err, want) != NULL);
	chmod(sub, 01777);     /* sticky, but owned by us, not root, unless root */
	CHECK_INT(guard_path_trusted(subpath, "config", true, err, sizeof(err)), geteuid() == 0 ? 0 : -EPERM);
	CHECK_INT(guard_path_trusted(dir, "directory", false, err, sizeof(err)), 0);
	CHECK_INT(guard_path_trusted(path, "directory", false, err, sizeof(err)), -ENOTDIR);

	/* a FIFO is refused at once, never read (a read would block) */
	snprintf(fifo, sizeof(fifo), "%s/fifo", dir);
	CHECK_INT(mkfifo(fifo, 0600), 0);
	struct timespec t0, t1;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	guard_config_defaults(&c);
	CHECK_INT(guard_config_load(&c, fifo, err, sizeof(err)), -EINVAL);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	CHECK(t1.tv_sec - t0.tv_sec < 2);
	CHECK(strstr(err, "refused: not a regular file") != NULL);
	guard_config_defaults(&c);
	CHECK_INT(guard_config_load(&c, "/dev/null", err, sizeof(err)), -EINVAL);

	unlink(fifo);
	unlink(subpath);
	rmdir(sub);
	unlink(path);
	rmdir(dir);
}

/* 100% would act in an idle scope: refused by the cross checks. */
TEST(full_threshold_refused)
{
	struct guard_config c;
	char err[256];
	CHECK_INT(parse(&c, "cgroup-term-percent = 100\ncgroup-kill-percent = 100\n", err, sizeof(err)), 0);
	CHECK_INT(guard_config_finish(&c, err, sizeof(err)), -EINVAL);
	CHECK(strstr(err, "cgroup-term-percent = 100 would act in an idle scope") != NULL);
	CHECK_INT(parse(&c, "mem-term-percent = 99\n", err, sizeof(err)), 0);
	CHECK_INT(guard_config_finish(&c, err, sizeof(err)), 0);
	CHECK_INT(parse(&c, "exec-timeout-ms = 50\n", err, sizeof(err)), -EINVAL);
	CHECK_INT(parse(&c, "exec-timeout-ms = 500\n", err, sizeof(err)), 0);
	CHECK_INT(c.exec_timeout_ms, 500);
}

int main(void)
{
	RUN(untrusted_files_refused);
	RUN(full_threshold_refused);
	RUN(defaults);
	RUN(parse_all_kinds);
	RUN(errors_name_the_line);
	RUN(cross_checks);
	RUN(newcomer_keys);
	RUN(command_line_overrides_file);
	RUN(shipped_file_is_the_defaults);
	RUN(psi_parsing);
	RUN(print_round_trips);
	return check_summary();
}
