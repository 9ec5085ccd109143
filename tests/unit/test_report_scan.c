/* test_report_scan.c — the scanner: every transport gives back the kernel's own
 * lines (fixtures in tests/reports/transports/, made by gen.py from corpus
 * S03), glued and wrapped pastes are repaired, the idle prefilter finds the
 * markers with the right line numbers, compressed input goes through the
 * system tools, and junk never crashes it. */
#include <errno.h>
#include <inttypes.h>
#include <fcntl.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "check.h"
#include "events.h"
#include "report/report.h"
#include "report/walltime.h"
#include "util/util.h"

/* ---- helpers ------------------------------------------------------------ */

struct lines {
	char **text;      /* normalised: whitespace runs collapsed, trimmed */
	char **raw;       /* as returned */
	char **time, **host, **caller;
	uint64_t *lineno;
	bool *cont, *trunc;
	size_t n, cap;
	int rc, close_rc;
	char warning[1024];
	uint64_t nlines, nbytes;
};

static char *dupn(const char *s, size_t n)
{
	char *d = malloc(n + 1);
	if (!d)
		abort();
	if (n)
		memcpy(d, s, n);
	d[n] = '\0';
	return d;
}

static char *normalise(const char *s, size_t n)
{
	char *d = malloc(n + 1), *o = d;
	if (!d)
		abort();
	bool space = true;
	for (size_t i = 0; i < n; i++) {
		char c = s[i];
		if (c == ' ' || c == '\t') {
			if (!space)
				*o++ = ' ';
			space = true;
		} else {
			*o++ = c;
			space = false;
		}
	}
	while (o > d && o[-1] == ' ')
		o--;
	*o = '\0';
	return d;
}

static void lines_free(struct lines *L)
{
	for (size_t i = 0; i < L->n; i++) {
		free(L->text[i]);
		free(L->raw[i]);
		free(L->time[i]);
		free(L->host[i]);
		free(L->caller[i]);
	}
	free(L->text);
	free(L->raw);
	free(L->time);
	free(L->host);
	free(L->caller);
	free(L->lineno);
	free(L->cont);
	free(L->trunc);
	memset(L, 0, sizeof(*L));
}

static void lines_add(struct lines *L, const struct report_line *l)
{
	if (L->n == L->cap) {
		L->cap = L->cap ? L->cap * 2 : 256;
		L->text = realloc(L->text, L->cap * sizeof(char *));
		L->raw = realloc(L->raw, L->cap * sizeof(char *));
		L->time = realloc(L->time, L->cap * sizeof(char *));
		L->host = realloc(L->host, L->cap * sizeof(char *));
		L->caller = realloc(L->caller, L->cap * sizeof(char *));
		L->lineno = realloc(L->lineno, L->cap * sizeof(uint64_t));
		L->cont = realloc(L->cont, L->cap * sizeof(bool));
		L->trunc = realloc(L->trunc, L->cap * sizeof(bool));
		if (!L->text || !L->raw || !L->time || !L->host || !L->caller || !L->lineno || !L->cont || !L->trunc)
			abort();
	}
	size_t i = L->n++;
	L->text[i] = normalise(l->text, l->len);
	L->raw[i] = dupn(l->text, l->len);
	L->time[i] = l->time ? dupn(l->time, l->time_len) : NULL;
	L->host[i] = l->host ? dupn(l->host, l->host_len) : NULL;
	L->caller[i] = l->caller ? dupn(l->caller, l->caller_len) : NULL;
	L->lineno[i] = l->lineno;
	L->cont[i] = l->continuation;
	L->trunc[i] = l->truncated;
}

static void add_warn(struct lines *L, const char *w)
{
	if (!w)
		return;
	size_t u = strlen(L->warning);
	snprintf(L->warning + u, sizeof(L->warning) - u, "%s|", w);
}

/* Reads an opened scanner to its end into L and closes it; all_lines: 1
 * every line, 0 idle (markers only). */
static void scan_all(struct report_scanner *s, bool all_lines, struct lines *L)
{
	struct report_line l;
	while ((L->rc = report_scanner_next(s, all_lines, &l)) > 0) {
		lines_add(L, &l);
		add_warn(L, report_scanner_warning(s));
	}
	add_warn(L, report_scanner_warning(s));
	L->nlines = report_scanner_lines(s);
	L->nbytes = report_scanner_bytes(s);
	L->close_rc = report_scanner_close(s);
}

/* Scans fd. */
static void scan_fd(int fd, bool all_lines, struct lines *L)
{
	memset(L, 0, sizeof(*L));
	struct report_scanner *s;
	L->rc = report_scanner_open(&s, fd, "test");
	if (L->rc >= 0)
		scan_all(s, all_lines, L);
}

static char *fixture_path(const char *name)
{
	static char path[4096];
	snprintf(path, sizeof(path), "%s/tests/reports/transports/%s", check_srcdir(), name);
	return path;
}

static int open_fixture(const char *name)
{
	int fd = open(fixture_path(name), O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		printf("cannot open %s: %s\n", fixture_path(name), strerror(errno));
	return fd;
}

static void scan_file(const char *path, bool all_lines, struct lines *L)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0) {
		memset(L, 0, sizeof(*L));
		L->rc = -errno;
		printf("cannot open %s\n", path);
		return;
	}
	scan_fd(fd, all_lines, L);
	close(fd);
}

static void scan_mem(const char *data, size_t len, bool all_lines, struct lines *L)
{
	char path[] = "/tmp/oomkit-test-scan-XXXXXX";
	int fd = mkstemp(path);
	if (fd < 0 || write(fd, data, len) != (ssize_t)len || lseek(fd, 0, SEEK_SET) != 0)
		abort();
	unlink(path);
	scan_fd(fd, all_lines, L);
	close(fd);
}

/* Writes data into a pipe from a child process and scans the read end. */
static void scan_pipe(const char *data, size_t len, bool all_lines, struct lines *L)
{
	int p[2];
	if (pipe(p) < 0)
		abort();
	pid_t pid = fork();
	if (pid == 0) {
		close(p[0]);
		size_t off = 0;
		while (off < len) {
			ssize_t n = write(p[1], data + off, len - off > 4096 ? 4096 : len - off);
			if (n <= 0)
				_exit(1);
			off += (size_t)n;
		}
		_exit(0);
	}
	close(p[1]);
	scan_fd(p[0], all_lines, L);
	close(p[0]);
	waitpid(pid, NULL, 0);
}

/* base.txt, one normalised line each */
static struct lines base;

static void load_base(void)
{
	size_t len;
	char *d = slurp(fixture_path("base.txt"), &len);
	if (!d) {
		printf("cannot read base.txt\n");
		return;
	}
	char *p = d;
	while (*p) {
		char *e = strchr(p, '\n');
		size_t n = e ? (size_t)(e - p) : strlen(p);
		struct report_line l = { .text = p, .len = n };
		lines_add(&base, &l);
		p += n + (e != NULL);
	}
	free(d);
}

static bool same_as_base(const struct lines *L, const char *name)
{
	size_t i = 0, j = 0;
	for (; i < L->n || j < base.n; i++, j++) {
		/* empty lines carry nothing */
		while (i < L->n && !L->text[i][0])
			i++;
		if (i >= L->n || j >= base.n)
			break;
		if (strcmp(L->text[i], base.text[j]) != 0) {
			printf("  %s: line %zu differs:\n   got  \"%.150s\"\n   want \"%.150s\"\n", name, j,
			       L->text[i], base.text[j]);
			return false;
		}
	}
	while (i < L->n && !L->text[i][0])
		i++;
	if (i != L->n || j != base.n) {
		printf("  %s: %zu lines, want %zu\n", name, L->n, base.n);
		return false;
	}
	return true;
}

static size_t find_line(const struct lines *L, const char *start)
{
	for (size_t i = 0; i < L->n; i++)
		if (str_starts(L->text[i], start))
			return i;
	return (size_t)-1;
}

/* ---- tests -------------------------------------------------------------- */

static const char *const exact_fixtures[] = {
	"dmesg.txt", "dmesg-tight.txt", "dmesg-T.txt", "dmesg-T-de.txt", "dmesg-x.txt",
	"dmesg-raw.txt", "dmesg-caller.txt", "dmesg-caller-space.txt", "kmsg.txt", "syslog.txt",
	"syslog-pid-tag.txt", "rsyslog-012.txt", "rfc5424.txt", "journal-short.txt",
	"journal-precise.txt", "journal-iso.txt", "journal-monotonic.txt", "journal-lower.txt",
	"journal-fr.txt", "quoted.txt", "quoted2.txt", "quoted-mixed.txt", "wrapped-syslog.txt",
	"wrapped-dmesg.txt", "wrapped-quoted.txt", "wrapped-plain.txt", "glued-dmesg.txt",
	"glued-syslog.txt",
};

TEST(test_every_transport_gives_the_kernel_lines)
{
	CHECK(base.n > 150);
	for (size_t k = 0; k < ARRAY_SIZE(exact_fixtures); k++) {
		int fd = open_fixture(exact_fixtures[k]);
		CHECK(fd >= 0);
		if (fd < 0)
			continue;
		struct lines L;
		scan_fd(fd, true, &L);
		close(fd);
		CHECK_INT(L.rc, 0);
		CHECK_INT(L.close_rc, 0);
		bool ok = same_as_base(&L, exact_fixtures[k]);
		CHECK(ok);
		lines_free(&L);
	}
}

TEST(test_prefix_fields)
{
	struct {
		const char *file, *time, *host, *caller;
	} cases[] = {
		{ "dmesg.txt", "27742.909073", NULL, NULL },
		{ "dmesg-T.txt", "Tue Nov 17 03:54:00 2026", NULL, NULL },
		{ "dmesg-T-de.txt", "Di Mär 17 03:54:00 2026", NULL, NULL },
		{ "dmesg-caller.txt", "27742.909073", NULL, "T473206" },
		{ "dmesg-caller-space.txt", "27742.909073", NULL, "C3" },
		{ "kmsg.txt", "27742.909073", NULL, NULL },
		{ "syslog.txt", "Nov 17 03:54:00", "web01", NULL },
		{ "rfc5424.txt", "2026-11-17T03:54:00.123456+00:00", "web01", NULL },
		{ "journal-precise.txt", "Nov 17 03:54:00.000000", "web01", NULL },
		{ "journal-iso.txt", "2026-11-17T03:54:00+0100", "web01", NULL },
		{ "journal-monotonic.txt", "27742.909073", "web01", NULL },
		{ "journal-fr.txt", "déc. 17 03:54:00", "web01", NULL },
	};
	for (size_t k = 0; k < ARRAY_SIZE(cases); k++) {
		int fd = open_fixture(cases[k].file);
		if (fd < 0) {
			CHECK(fd >= 0);
			continue;
		}
		struct lines L;
		scan_fd(fd, true, &L);
		close(fd);
		CHECK(L.n > 0);
		if (L.n > 0) {
			CHECK_STR(L.time[0], cases[k].time);
			if (cases[k].host)
				CHECK_STR(L.host[0], cases[k].host);
			else
				CHECK(L.host[0] == NULL);
			if (cases[k].caller)
				CHECK_STR(L.caller[0], cases[k].caller);
			CHECK_INT(L.lineno[0], 1);
		}
		lines_free(&L);
	}
}

TEST(test_glued_plain_paste_is_split)
{
	int fd = open_fixture("glued.txt");
	if (fd < 0) {
		CHECK(fd >= 0);
		return;
	}
	struct lines L;
	scan_fd(fd, true, &L);
	close(fd);
	/* every line that starts a kernel record (not a stack frame or summary
	 * continuation, which begin with a space) starts a line again */
	size_t missing = 0;
	for (size_t j = 0; j < base.n; j++) {
		if (base.raw[j][0] == ' ')
			continue;
		bool found = false;
		for (size_t i = 0; i < L.n && !found; i++)
			found = str_starts(L.text[i], base.text[j]);
		if (!found) {
			printf("  glued: no line starts with \"%.100s\"\n", base.text[j]);
			missing++;
		}
	}
	CHECK_INT(missing, 0);
	CHECK_INT(L.nlines, 1);
	lines_free(&L);
}

/* From dmesg, cgroup v2's memory.stat dump is one record with indented
 * continuation lines; pasted as one line it reads "stats for /a: [ T] anon N
 *      file N …".  Each pair must come back as its own line (seen on a
 * 6.1 kernel's v2 report glued by tests/e2e/explain_live.sh). */
TEST(test_glued_memcg_v2_stat_dump_is_split)
{
	const char *d = "[   93.933884] swap: usage 0kB, limit 0kB, failcnt 0 "
			"[   93.933955] Memory cgroup stats for /app: "
			"[   93.934089] anon 1146880                file 65740800                "
			"kernel 221184                shmem 65740800                slab_unreclaimable 8440 "
			"[   93.934095] Tasks state (memory values in pages):\n";
	struct lines L;
	scan_mem(d, strlen(d), true, &L);
	CHECK(find_line(&L, "Memory cgroup stats for /app:") != (size_t)-1);
	CHECK(find_line(&L, "anon 1146880") != (size_t)-1);
	CHECK(find_line(&L, "file 65740800") != (size_t)-1);
	CHECK(find_line(&L, "shmem 65740800") != (size_t)-1);
	CHECK(find_line(&L, "slab_unreclaimable 8440") != (size_t)-1);
	CHECK(find_line(&L, "Tasks state (memory values in pages):") != (size_t)-1);
	lines_free(&L);
}

/* A Markdown page's source flattened a report to one line: each break a
 * "`` ``", each frame address in a span of its own (R1113's shape). */
TEST(test_backtick_breaks_split_a_flattened_paste)
{
	const char *d = "Manual OOM execution `` ``app invoked oom-killer: gfp_mask=0xd0, order=0, oomkilladj=0 "
			"`` ``[<``c04584e9``>] out_of_memory+0x72/0x1a5 `` ``[<``c053a2eb``>] moom_callback+0x13/0x15 "
			"`` ``Out of memory: Killed process 48 (app).\n"
			"a `` `` line of prose with `` `` breaks and no marker\n";
	struct lines L;
	scan_mem(d, strlen(d), false, &L);
	CHECK(find_line(&L, "app invoked oom-killer: gfp_mask=0xd0, order=0, oomkilladj=0") != (size_t)-1);
	CHECK(find_line(&L, "[<c04584e9>] out_of_memory+0x72/0x1a5") != (size_t)-1);
	CHECK(find_line(&L, "[<c053a2eb>] moom_callback+0x13/0x15") != (size_t)-1);
	CHECK(find_line(&L, "Out of memory: Killed process 48 (app).") != (size_t)-1);
	for (size_t i = 0; i < L.n; i++)
		CHECK(strstr(L.text[i], "``") == NULL || strstr(L.text[i], "prose") != NULL);
	lines_free(&L);
	/* the same line wrapped by a mailer at its blanks (one break and the
	 * marker on the first physical line; a tail without "``") */
	d = "Manual OOM execution `` ``app invoked oom-killer: gfp_mask=0xd0,\n"
	    "order=0, oomkilladj=0 `` ``[<``c04584e9``>]\n"
	    "out_of_memory+0x72/0x1a5 `` ``[<``c053a2eb``>] moom_callback+0x13/0x15 ``\n"
	    "``Mem-info: ``(snip)`` ``Out of memory: Killed process 48 lines before the end\n"
	    "(app).\n";
	scan_mem(d, strlen(d), false, &L);
	CHECK(find_line(&L, "app invoked oom-killer: gfp_mask=0xd0, order=0, oomkilladj=0") != (size_t)-1);
	CHECK(find_line(&L, "[<c04584e9>] out_of_memory+0x72/0x1a5") != (size_t)-1);
	CHECK(find_line(&L, "Out of memory: Killed process 48 lines before the end (app).") != (size_t)-1);
	lines_free(&L);
}

/* A test's string array of kernel lines (a Go fixture, R1104's shape):
 * after one quoted kernel line, every line quoted whole is one, even one
 * that starts with no kernel line's start, and none is taken for a wrapped
 * rest of the line before. */
TEST(test_string_array_lines_are_unquoted)
{
	const char *d = "var lines = []string{\n"
			"\t\t\"app invoked oom-killer: gfp_mask=0xd0, order=0, oom_score_adj=0\",\n"
			"\t\t\"ffff8803c7014b00 ffff8803c7012a28 ffffffff81637d5c 0000000000000000\",\n"
			"\t\t\"Memory cgroup out of memory: Kill process 13536 (app) score 1000 or sacrifice child\",\n"
			"\t\t\"Killed process 13536 (app) total-vm:33558652kB, anon-rss:920kB, file-rss:452kB\",\n"
			"}\n\"just a string\"\n";
	struct lines L;
	scan_mem(d, strlen(d), true, &L);
	CHECK(find_line(&L, "app invoked oom-killer:") != (size_t)-1);
	CHECK(find_line(&L, "ffff8803c7014b00 ffff8803c7012a28") != (size_t)-1);
	size_t k = find_line(&L, "Killed process 13536 (app) total-vm:33558652kB");
	CHECK(k != (size_t)-1);
	if (k != (size_t)-1)
		CHECK_STR(L.text[k], "Killed process 13536 (app) total-vm:33558652kB, anon-rss:920kB, file-rss:452kB");
	/* a quoted line after the array closed stays as it is */
	CHECK(find_line(&L, "\"just a string\"") != (size_t)-1);
	lines_free(&L);
}

/* qa: the panic's closing marker glued behind the panic line was split at
 * its "Kernel panic" and read as a second panic (a second, empty event). */
TEST(test_glued_panic_end_marker_stays_one_line)
{
	const char *d = "[  10.000001] Kernel panic - not syncing: Out of memory: system-wide panic_on_oom is enabled "
			"[  10.000002] ---[ end Kernel panic - not syncing: Out of memory: system-wide panic_on_oom is enabled ]---\n";
	struct lines L;
	scan_mem(d, strlen(d), false, &L);
	CHECK_INT(L.n, 2);
	CHECK(find_line(&L, "---[ end Kernel panic - not syncing: Out of memory") == 1);
	lines_free(&L);
}

/* qa: "fold -s" broke a syslog line right after "page allocation " (the
 * space kept at the end of the line): the prefilter rejected the needle and
 * the whole allocation-failure report was missed. */
TEST(test_prefilter_wrap_after_allocation)
{
	const char *d = "Nov 22 03:04:00 web01 systemd[1]: Started something.\n"
			"Nov 22 03:04:00 web01 kernel: [27742.909142] swapper/3: page allocation \n"
			"failure: order:3, mode:0x2084020(GFP_ATOMIC|__GFP_COMP)\n"
			"Nov 22 03:04:01 web01 kernel: [27742.909152] CPU: 3 PID: 0 Comm: \n"
			"swapper/3 Not tainted 4.9.0-19-amd64 #1 Debian 4.9.320-2\n";
	struct lines L;
	scan_mem(d, strlen(d), false, &L);
	CHECK(find_line(&L, "swapper/3: page allocation failure: order:3, mode:0x2084020") != (size_t)-1);
	lines_free(&L);
}

TEST(test_idle_prefilter_returns_markers_with_line_numbers)
{
	const char *files[] = { "syslog.txt", "wrapped-quoted.txt", "wrapped-plain.txt", "kmsg.txt", "glued.txt" };
	for (size_t k = 0; k < ARRAY_SIZE(files); k++) {
		size_t len;
		char *d = slurp(fixture_path(files[k]), &len);
		if (!d) {
			CHECK(d != NULL);
			continue;
		}
		/* the input line number of the kill line */
		uint64_t want = 1;
		const char *m = strstr(d, "Out of memory: Killed");
		for (const char *p = d; m && p < m; p++)
			want += *p == '\n';
		struct lines L;
		scan_mem(d, len, false, &L);
		CHECK(L.n >= 4);
		size_t t = find_line(&L, "doxygen invoked oom-killer: gfp_mask=0x140dca(GFP_HIGHUSER_MOVABLE|__GFP_COMP|__GFP_ZERO), order=0, oom_score_adj=0");
		CHECK(t == 0);
		size_t o = find_line(&L, "Out of memory: Killed process 473206 (doxygen)");
		CHECK(o != (size_t)-1);
		if (o != (size_t)-1)
			CHECK_INT(L.lineno[o], want);
		CHECK(find_line(&L, "oom_reaper: reaped process 473206") != (size_t)-1);
		/* the stack is skipped (its CPU: line may open a report whose
		 * trigger line is cut, so a back-fill window hands that one on);
		 * but the glued pieces of one raw line before a marker piece are
		 * that report's text, passed with it (R256) */
		if (strcmp(files[k], "glued.txt") != 0)
			CHECK(find_line(&L, "Call Trace:") == (size_t)-1);
		else
			CHECK(find_line(&L, "Call Trace:") != (size_t)-1);
		lines_free(&L);
		free(d);
	}
}

TEST(test_util_linux_continuation_lines)
{
	char path[4096];
	snprintf(path, sizeof(path), "%s/tests/corpus/S04-oomanalyser-proxmox-5.15-lxc-cgroupv2.log", check_srcdir());
	struct lines L;
	scan_file(path, true, &L);
	size_t a = find_line(&L, "anon 31154200576"), f = find_line(&L, "file 688283648");
	CHECK(a != (size_t)-1 && f == a + 1);
	if (f != (size_t)-1 && a != (size_t)-1) {
		CHECK(!L.cont[a]);
		CHECK(L.cont[f]);
		CHECK_STR(L.raw[f], "file 688283648");
		CHECK_STR(L.time[f], "Di Aug 12 03:54:03 2025");
		CHECK_INT(L.lineno[f], 44);
	}
	lines_free(&L);
}

/* A paste indented as a whole (a Markdown code block, a mail, a forum) keeps
 * one kernel line per record: the indentation goes with the prefix, and a
 * line after it is not taken for the wrapped rest of the one before. */
TEST(test_indented_paste)
{
	static const char txt[] =
		"    $ dmesg\n"
		"    [ 5662.970129] Memory cgroup out of memory: Kill process 13119 (java) score 986 or sacrifice child\n"
		"    [ 5662.970139] Killed process 13119 (java) total-vm:3725396kB, anon-rss:201312kB, file-rss:0kB\n"
		"\tAug 25 18:21:35 test-a3 kernel: memory: usage 4194304kB, limit 4194304kB, failcnt 25581\n";
	struct lines L;
	scan_mem(txt, sizeof(txt) - 1, true, &L);
	size_t a = find_line(&L, "Memory cgroup out of memory: Kill process 13119");
	size_t b = find_line(&L, "Killed process 13119 (java)");
	size_t c = find_line(&L, "memory: usage 4194304kB");
	CHECK(a != (size_t)-1 && b == a + 1 && c == b + 1);
	if (b != (size_t)-1) {
		CHECK_STR(L.time[b], "5662.970139");
		CHECK(!L.cont[b]);
	}
	if (c != (size_t)-1)
		CHECK_STR(L.host[c], "test-a3");
	lines_free(&L);

	/* a Markdown list of kernel lines, each in backticks */
	static const char md[] =
		"* `[599691.745469] oom-kill:constraint=CONSTRAINT_NONE,nodemask=(null),task=python3,pid=1478466,uid=10016`\n"
		"* `[599691.745499] Out of memory: Killed process 1478466 (python3) total-vm:76128320kB, anon-rss:62511932kB`\n"
		"* `torch.cuda.empty_cache()`\n";
	scan_mem(md, sizeof(md) - 1, true, &L);
	a = find_line(&L, "oom-kill:constraint=CONSTRAINT_NONE");
	b = find_line(&L, "Out of memory: Killed process 1478466 (python3)");
	CHECK(a != (size_t)-1 && b == a + 1);
	if (b != (size_t)-1) {
		CHECK_STR(L.time[b], "599691.745499");
		CHECK(strchr(L.raw[b], '`') == NULL);
	}
	CHECK(find_line(&L, "* `torch") != (size_t)-1);
	lines_free(&L);
}

TEST(test_pager_truncation_and_mail_wrap_in_corpus)
{
	char path[4096];
	struct lines L;
	snprintf(path, sizeof(path), "%s/tests/corpus/S05-hotsos-5.4-sysrq-manual-journal-truncated.log", check_srcdir());
	scan_file(path, true, &L);
	size_t n = find_line(&L, "Node 0 active_anon:1667300kB");
	CHECK(n != (size_t)-1);
	if (n != (size_t)-1) {
		CHECK(L.trunc[n]);
		size_t len = strlen(L.raw[n]);
		CHECK(len > 0 && L.raw[n][len - 1] != '>');
	}
	size_t t = find_line(&L, "</TASK>");
	CHECK(t == (size_t)-1 || !L.trunc[t]);
	lines_free(&L);

	snprintf(path, sizeof(path), "%s/tests/corpus/S06-parseoom-debian-5.10-clamd-swapfull-edited.log", check_srcdir());
	scan_file(path, true, &L);
	n = find_line(&L, "Node 0 DMA32 free:44672kB");
	CHECK(n != (size_t)-1);
	if (n != (size_t)-1)
		CHECK(strstr(L.raw[n], "active_anon:278804kB inactive_anon:1620588kB") != NULL);
	CHECK(find_line(&L, "278804kB") == (size_t)-1);
	lines_free(&L);

	snprintf(path, sizeof(path), "%s/tests/corpus/S01-oomanalyser-rhel7-3.10-mysqld-numa.log", check_srcdir());
	scan_file(path, true, &L);
	n = find_line(&L, "active_anon:7355653 inactive_anon:660960 isolated_anon:0");
	CHECK(n != (size_t)-1);
	if (n != (size_t)-1 && n + 1 < L.n) {
		CHECK_STR(L.raw[n + 1], " active_file:1263 inactive_file:1167 isolated_file:32");
		CHECK(L.cont[n + 1]);
	}
	lines_free(&L);
}

TEST(test_noise_and_no_header)
{
	const char *in =
		"Nov 17 03:54:00 web01 sshd[1]: Out of memory: this is not the kernel\n"
		"Nov 17 03:54:00 web01 kernel: [1.000000] x invoked oom-killer: gfp_mask=0x0, order=0\n"
		"Nov 17 03:54:00 web01 postfix/smtpd[99]: connect from unknown\n"
		"Nov 17 03:54:01 web01 kernel: [1.000001] Mem-Info:\n"
		"plain text with no header is kept\n";
	struct lines L;
	scan_mem(in, strlen(in), true, &L);
	CHECK_INT(L.n, 3);
	if (L.n == 3) {
		CHECK_STR(L.raw[0], "x invoked oom-killer: gfp_mask=0x0, order=0");
		CHECK_INT(L.lineno[0], 2);
		CHECK_STR(L.raw[1], "Mem-Info:");
		CHECK_INT(L.lineno[1], 4);
		CHECK_STR(L.raw[2], "plain text with no header is kept");
	}
	lines_free(&L);
	/* idle: the sshd line's marker does not count; the trigger line and
	 * Mem-Info (a report cut before its trigger starts there) do */
	scan_mem(in, strlen(in), false, &L);
	CHECK_INT(L.n, 2);
	lines_free(&L);

	/* two writers, one lost newline: a kernel line written into another
	 * program's line is still found, with its own header */
	const char *glued =
		"Feb 13 00:01:00 web01 sshd[4242]: Accepted publickey for deploy from 10.0.0.1 port"
		"Feb 13 00:01:01 web02 kernel: [ 1.5] doxygen invoked oom-killer: gfp_mask=0x0, order=0, oom_score_adj=0\n";
	scan_mem(glued, strlen(glued), false, &L);
	CHECK_INT(L.n, 1);
	if (L.n == 1) {
		CHECK_STR(L.raw[0], "doxygen invoked oom-killer: gfp_mask=0x0, order=0, oom_score_adj=0");
		CHECK_STR(L.time[0], "Feb 13 00:01:01");
		CHECK_STR(L.host[0], "web02");
	}
	lines_free(&L);
}

TEST(test_kmsg_escapes_and_dictionary)
{
	const char *in =
		"6,1,100,-;hello\n"
		"4,2,2500000,-,caller=T42;a\\x5cb\\x1bc\\x0a second\\x0athird\n"
		" SUBSYSTEM=memory\n"
		" DEVICE=+memory:memory0\n";
	struct lines L;
	scan_mem(in, strlen(in), true, &L);
	CHECK_INT(L.n, 4);
	if (L.n == 4) {
		CHECK_STR(L.raw[0], "hello");
		CHECK_STR(L.time[0], "0.000100");
		CHECK_STR(L.raw[1], "a\\b?c");
		CHECK_STR(L.time[1], "2.500000");
		CHECK_STR(L.caller[1], "T42");
		CHECK_STR(L.raw[2], " second");
		CHECK(L.cont[2]);
		CHECK_STR(L.time[2], "2.500000");
		CHECK_STR(L.raw[3], "third");
		CHECK_INT(L.lineno[3], 2);
	}
	CHECK(strstr(L.warning, "control bytes") != NULL);
	lines_free(&L);
}

TEST(test_rfc5424_wire_format)
{
	const char *in =
		"<4>1 2026-11-20T02:04:16.123456Z web01 kernel - - - x invoked oom-killer: gfp_mask=0x0, order=0\n"
		"<30>1 2026-11-20T02:04:16Z web01 systemd 1 - [meta sequenceId=\"1\"] Started x.\n"
		"<4>1 2026-11-20T02:04:17Z web01 kernel - - [a b=\"c\\]\"] Mem-Info:\n";
	struct lines L;
	scan_mem(in, strlen(in), true, &L);
	CHECK_INT(L.n, 2);
	if (L.n == 2) {
		CHECK_STR(L.raw[0], "x invoked oom-killer: gfp_mask=0x0, order=0");
		CHECK_STR(L.time[0], "2026-11-20T02:04:16.123456Z");
		CHECK_STR(L.host[0], "web01");
		CHECK_STR(L.raw[1], "Mem-Info:");
		CHECK_INT(L.lineno[1], 3);
	}
	lines_free(&L);
}

TEST(test_more_dmesg_time_formats)
{
	const char *in =
		"2025-08-12T03:54:03,123456+02:00 a invoked oom-killer: gfp_mask=0x0, order=0\n"
		"[<    0.000123>] b\n"
		"[  +0.000123] c\n"
		"[Aug12 03:54] d\n"
		"[  341] task rows stay\n";
	struct lines L;
	scan_mem(in, strlen(in), true, &L);
	CHECK_INT(L.n, 5);
	if (L.n == 5) {
		CHECK_STR(L.raw[0], "a invoked oom-killer: gfp_mask=0x0, order=0");
		CHECK_STR(L.time[0], "2025-08-12T03:54:03,123456+02:00");
		CHECK(L.host[0] == NULL);
		CHECK_STR(L.raw[1], "b");
		CHECK_STR(L.raw[2], "c");
		CHECK_STR(L.raw[3], "d");
		CHECK_STR(L.time[3], "Aug12 03:54");
		CHECK_STR(L.raw[4], "[  341] task rows stay");
	}
	lines_free(&L);
}

TEST(test_grep_output_prefixes)
{
	const char *in =
		"/var/log/kern.log.1:Sep 23 02:04:16 h kernel: [ 1.0] a invoked oom-killer: gfp_mask=0x0, order=0\n"
		"1234:Sep 23 02:04:16 h kernel: [ 1.1] b\n"
		"kern.log:1235-[ 1.2] c\n"
		"1236-Sep 23 02:04:16 h sshd[1]: other program\n"
		"Node 0: not a grep prefix\n";
	struct lines L;
	scan_mem(in, strlen(in), true, &L);
	CHECK_INT(L.n, 4);
	if (L.n == 4) {
		CHECK_STR(L.raw[0], "a invoked oom-killer: gfp_mask=0x0, order=0");
		CHECK_STR(L.time[0], "Sep 23 02:04:16");
		CHECK_STR(L.raw[1], "b");
		CHECK_STR(L.raw[2], "c");
		CHECK_STR(L.time[2], "1.2");
		CHECK_STR(L.raw[3], "Node 0: not a grep prefix");
	}
	lines_free(&L);
}

TEST(test_journal_unix_and_full)
{
	const char *in =
		"1723427643.123456 web01 kernel: a invoked oom-killer: gfp_mask=0x0, order=0\n"
		"Di 2025-08-12 03:54:03 CEST web01 kernel: b\n"
		"Di 2025-08-12 03:54:03 CEST web01 cron[12]: other\n"
		"1723427643 pages are not a time\n";
	struct lines L;
	scan_mem(in, strlen(in), true, &L);
	CHECK_INT(L.n, 3);
	if (L.n == 3) {
		CHECK_STR(L.raw[0], "a invoked oom-killer: gfp_mask=0x0, order=0");
		CHECK_STR(L.time[0], "1723427643.123456");
		CHECK_STR(L.host[0], "web01");
		CHECK_STR(L.raw[1], "b");
		CHECK_STR(L.time[1], "Di 2025-08-12 03:54:03 CEST");
		CHECK_STR(L.raw[2], "1723427643 pages are not a time");
	}
	lines_free(&L);
}

TEST(test_rsyslog_tab_escape)
{
	const char *in = "Nov 17 03:54:00 h kernel: a#011b#012 c\n";
	struct lines L;
	scan_mem(in, strlen(in), true, &L);
	CHECK_INT(L.n, 2);
	if (L.n == 2) {
		CHECK_STR(L.raw[0], "a\tb");
		CHECK_STR(L.raw[1], " c");
	}
	lines_free(&L);
}

/* A Chinese page's fullwidth comma and colon stand for the kernel's ", "
 * and ":" (R1660); a no-break space for a blank (R225). */
TEST(test_fullwidth_punctuation_and_nbsp)
{
	const char *in = "Killed process 10366 (nginx) total-vm:84784kB\xef\xbc\x8c"
			 "anon-rss:49156kB\xef\xbc\x8c" "file-rss:520kB\n"
			 "Free swap\xc2\xa0 = 0kB\n"
			 "Mem-Info\xef\xbc\x9a\n"
			 "\xef\xbc\x88x\xe4\xb8\xad\n";
	struct lines L;
	scan_mem(in, strlen(in), true, &L);
	CHECK_INT(L.n, 4);
	if (L.n == 4) {
		CHECK_STR(L.raw[0], "Killed process 10366 (nginx) total-vm:84784kB, anon-rss:49156kB, file-rss:520kB");
		CHECK_STR(L.raw[1], "Free swap  = 0kB");
		CHECK_STR(L.raw[2], "Mem-Info:");
		CHECK_STR(L.raw[3], "\xef\xbc\x88x\xe4\xb8\xad");   /* other wide text kept */
	}
	lines_free(&L);
}

/* A paste whose lines run newest first (journalctl -r, a log viewer): a
 * regular file that fits the first read is turned back, with a warning; a
 * pipe (perhaps a live stream) is read as it comes. */
TEST(test_newest_first_file_turned_back)
{
	const char *in =
		"Sep 13 15:08:56 h kernel: oom_reaper: reaped process 7 (convert), now anon-rss:0kB, file-rss:0kB, shmem-rss:0kB\n"
		"Sep 13 15:08:56 h kernel: Out of memory: Killed process 7 (convert) total-vm:25299152kB, anon-rss:24120172kB, file-rss:0kB, shmem-rss:0kB, UID:100\n"
		"Sep 13 15:08:56 h kernel: [      7]  1000     7  6324788  6030043 48623616        0             0 convert\n"
		"Sep 13 15:08:56 h kernel: Tasks state (memory values in pages):\n"
		"Sep 13 15:08:56 h kernel: 8365372 pages RAM\n"
		"Sep 13 15:08:56 h kernel: Mem-Info:\n"
		"Sep 13 15:08:56 h kernel: convert invoked oom-killer: gfp_mask=0x100cca(GFP_HIGHUSER_MOVABLE), order=0, oom_score_adj=0\n";
	struct lines L;
	scan_mem(in, strlen(in), true, &L);
	CHECK_INT(L.n, 7);
	if (L.n == 7) {
		CHECK(strncmp(L.raw[0], "convert invoked oom-killer", 26) == 0);
		CHECK(strncmp(L.raw[6], "oom_reaper: reaped process 7", 28) == 0);
	}
	CHECK(strstr(L.warning, "newest first") != NULL);
	lines_free(&L);
	scan_pipe(in, strlen(in), true, &L);
	CHECK(L.n >= 1 && strncmp(L.raw[0], "oom_reaper", 10) == 0);
	CHECK(strstr(L.warning, "newest first") == NULL);
	lines_free(&L);
}

/* An HTML archive's source whose first line is a paragraph tag before a
 * syslog stamp (R1894): taken as HTML from there, tags dropped and
 * entities undone. */
TEST(test_html_paragraph_before_a_stamp)
{
	const char *in =
		"<p>Jan  7 10:14:18 h kernel: mpirun: page allocation failure. order:5, mode:0xd0\n"
		"<br>\n"
		"Jan  7 10:14:18 h kernel: Call Trace:&lt;ffffffff8015e0a8&gt;{__alloc_pages+768}\n";
	struct lines L;
	scan_mem(in, strlen(in), true, &L);
	CHECK(L.n >= 2);
	if (L.n >= 2) {
		CHECK_STR(L.raw[0], "mpirun: page allocation failure. order:5, mode:0xd0");
		CHECK(strstr(L.raw[L.n - 1], "Call Trace:<ffffffff8015e0a8>{__alloc_pages+768}") != NULL);
	}
	lines_free(&L);
}

TEST(test_empty_and_tiny_inputs)
{
	struct lines L;
	scan_mem("", 0, true, &L);
	CHECK_INT(L.rc, 0);
	CHECK_INT(L.n, 0);
	CHECK_INT(L.nlines, 0);
	lines_free(&L);
	scan_mem("x", 1, false, &L);
	CHECK_INT(L.n, 0);
	CHECK_INT(L.nlines, 1);
	lines_free(&L);
	scan_mem("oom", 3, true, &L);
	CHECK_INT(L.n, 1);
	lines_free(&L);
	scan_mem("\n\n\n", 3, true, &L);
	CHECK_INT(L.nlines, 3);
	lines_free(&L);
	scan_pipe("", 0, false, &L);
	CHECK_INT(L.rc, 0);
	CHECK_INT(L.n, 0);
	lines_free(&L);
}

TEST(test_binary_junk_and_nul)
{
	char in[4096];
	for (size_t i = 0; i < sizeof(in); i++)
		in[i] = (char)((i * 7919u) & 0xff);
	const char *m = "\n[ 1.0] Out of memory: Killed process 5 (a\0b) total-vm:1kB\n";
	memcpy(in + 1000, m, 58);
	struct lines L;
	scan_mem(in, sizeof(in), false, &L);
	CHECK_INT(L.rc, 0);
	size_t k = find_line(&L, "Out of memory: Killed process 5 (a?b)");
	CHECK(k != (size_t)-1);
	CHECK(strstr(L.warning, "binary") != NULL);
	lines_free(&L);
	scan_mem(in, sizeof(in), true, &L);
	CHECK_INT(L.rc, 0);
	for (size_t i = 0; i < L.n; i++)
		CHECK(memchr(L.raw[i], '\0', strlen(L.raw[i])) == NULL);
	lines_free(&L);
}

TEST(test_overlong_line)
{
	size_t n = 300000;
	char *in = malloc(n + 200);
	for (size_t i = 0; i < n; i++)
		in[i] = i % 10 == 9 ? ' ' : 'a';
	size_t len = n;
	len += (size_t)sprintf(in + len, "\nx invoked oom-killer: gfp_mask=0x0, order=0\n");
	struct lines L;
	scan_mem(in, len, true, &L);
	CHECK_INT(L.rc, 0);
	CHECK(strstr(L.warning, "64 KiB") != NULL);
	for (size_t i = 0; i < L.n; i++)
		CHECK(strlen(L.raw[i]) <= 65536);
	size_t k = find_line(&L, "x invoked oom-killer");
	CHECK(k != (size_t)-1);
	if (k != (size_t)-1)
		CHECK_INT(L.lineno[k], 2);
	CHECK_INT(L.nlines, 2);
	lines_free(&L);
	/* idle: the long junk line is skipped in bounded memory */
	scan_mem(in, len, false, &L);
	CHECK_INT(L.n, 1);
	if (L.n == 1)
		CHECK_INT(L.lineno[0], 2);
	lines_free(&L);
	free(in);
}

TEST(test_large_input_from_pipe)
{
	/* 6 MB of noise with two reports: crosses many read chunks */
	struct buf b = BUF_INIT;
	size_t len;
	char *rep = slurp(fixture_path("syslog.txt"), &len);
	if (!rep) {
		CHECK(rep != NULL);
		return;
	}
	uint64_t line = 0, want[2] = { 0, 0 };
	for (int r = 0; r < 3; r++) {
		for (int i = 0; i < 20000; i++) {
			buf_printf(&b, "Nov 17 03:%02d:%02d web01 CRON[%d]: (root) CMD (run-parts /etc/cron.hourly) %d\n",
				   i % 60, i % 60, i, i * 31);
			line++;
		}
		if (r < 2) {
			want[r] = line + 1;
			buf_add(&b, rep, len);
			for (size_t i = 0; i < len; i++)
				line += rep[i] == '\n';
		}
	}
	struct lines L;
	scan_pipe(b.data, b.len, false, &L);
	CHECK_INT(L.rc, 0);
	CHECK_INT(L.nlines, line);
	CHECK_INT(L.nbytes, b.len);
	size_t hits = 0;
	for (size_t i = 0; i < L.n; i++)
		if (strstr(L.text[i], "invoked oom-killer")) {
			if (hits < 2)
				CHECK_INT(L.lineno[i], want[hits]);
			hits++;
		}
	CHECK_INT(hits, 2);
	lines_free(&L);
	buf_release(&b);
	free(rep);
}

static bool have_tool(const char *tool)
{
	char cmd[256];
	snprintf(cmd, sizeof(cmd), "command -v %s >/dev/null 2>&1", tool);
	return system(cmd) == 0;
}

TEST(test_compressed_inputs)
{
	static const char *const tools[] = { "gzip", "xz", "zstd", "bzip2", "lz4" };
	char base_path[4096];
	snprintf(base_path, sizeof(base_path), "%s", fixture_path("syslog.txt"));
	for (size_t k = 0; k < ARRAY_SIZE(tools); k++) {
		if (!have_tool(tools[k])) {
			char why[128];
			snprintf(why, sizeof(why), "%s not installed", tools[k]);
			SKIP(why);
			continue;
		}
		char out[] = "/tmp/oomkit-test-scan-cXXXXXX";
		int fd = mkstemp(out);
		if (fd < 0) {
			CHECK(fd >= 0);
			continue;
		}
		close(fd);
		char cmd[8192];
		snprintf(cmd, sizeof(cmd), "%s -c < '%s' > '%s' 2>/dev/null", tools[k], base_path, out);
		if (system(cmd) != 0) {
			CHECK(!"compressor failed");
			unlink(out);
			continue;
		}
		struct lines L;
		/* a seekable file: the tool reads it directly */
		scan_file(out, true, &L);
		CHECK_INT(L.rc, 0);
		CHECK_INT(L.close_rc, 0);
		bool ok = same_as_base(&L, tools[k]);
		CHECK(ok);
		lines_free(&L);
		/* a pipe: the sniffed bytes are fed back through a child */
		size_t len;
		char *d = slurp(out, &len);
		scan_pipe(d, len, false, &L);
		CHECK_INT(L.rc, 0);
		CHECK_INT(L.close_rc, 0);
		CHECK(find_line(&L, "Out of memory: Killed process 473206") != (size_t)-1);
		lines_free(&L);
		free(d);
		unlink(out);
	}
}

TEST(test_compressed_corrupt_and_missing_tool)
{
	if (!have_tool("gzip")) {
		SKIP("gzip not installed");
		return;
	}
	/* gzip magic, then garbage: the tool fails; the scanner says so */
	char junk[200];
	memset(junk, 'x', sizeof(junk));
	junk[0] = 0x1f;
	junk[1] = (char)0x8b;
	junk[2] = 8;
	junk[3] = 0;
	struct lines L;
	signal(SIGPIPE, SIG_IGN);
	scan_mem(junk, sizeof(junk), true, &L);
	CHECK_INT(L.close_rc, -EIO);
	CHECK(strstr(L.warning, "gzip") != NULL);
	lines_free(&L);

	/* no tool on PATH: a clear error naming the package */
	char *old = getenv("PATH") ? strdup(getenv("PATH")) : NULL;
	setenv("PATH", "/nonexistent-oomkit-test", 1);
	char path[] = "/tmp/oomkit-test-scan-mXXXXXX";
	int fd = mkstemp(path);
	CHECK(fd >= 0);
	if (fd >= 0) {
		if (write(fd, "\xfd" "7zXZ\0rest", 10) != 10)
			CHECK(!"write");
		lseek(fd, 0, SEEK_SET);
		struct report_scanner *s = NULL;
		char err[512] = "";
		int rc = report_scanner_open_msg(&s, fd, "kern.log.2.xz", err, sizeof(err));
		CHECK_INT(rc, -ENOEXEC);
		CHECK(strstr(err, "xz-utils") != NULL);
		CHECK(strstr(err, "kern.log.2.xz") != NULL);
		if (rc == 0)
			report_scanner_close(s);
		close(fd);
		unlink(path);
	}
	if (old) {
		setenv("PATH", old, 1);
		free(old);
	}
}

TEST(test_early_close_of_decompressor)
{
	if (!have_tool("gzip")) {
		SKIP("gzip not installed");
		return;
	}
	char out[] = "/tmp/oomkit-test-scan-eXXXXXX";
	int fd = mkstemp(out);
	if (fd < 0) {
		CHECK(fd >= 0);
		return;
	}
	close(fd);
	/* big enough that gzip blocks on a full pipe */
	char cmd[8192];
	snprintf(cmd, sizeof(cmd), "for i in $(seq 1 40); do cat '%s'; done | gzip -c > '%s'",
		 fixture_path("syslog.txt"), out);
	CHECK(system(cmd) == 0);
	fd = open(out, O_RDONLY);
	struct report_scanner *s;
	CHECK_INT(report_scanner_open(&s, fd, "x.gz"), 0);
	struct report_line l;
	CHECK_INT(report_scanner_next(s, false, &l), 1);
	CHECK_INT(report_scanner_close(s), 0);
	close(fd);
	unlink(out);
}

TEST(test_markers)
{
	CHECK(report_has_marker("sed invoked oom-killer: gfp_mask=0x201da", 40));
	CHECK(report_has_marker("oom_reaper: reaped process 1", 28));
	CHECK(report_has_marker("Memory cgroup out of memory: Killed process 1", 45));
	CHECK(report_has_marker("x: page allocation failure: order:3", 35));
	CHECK(!report_has_marker("mem_cgroup_out_of_memory+0x145/0x160", 36));
	CHECK(!report_has_marker("kernel: usb 1-1: new high-speed USB device", 42));
	CHECK(!report_has_marker(NULL, 0));
}

/* With the parser: a report glued into one line, or wrapped at 72
 * columns, gives the same event as the report itself. */
struct ev_facts {
	int n;
	int64_t victim_pid, trigger_pid;
	char victim_comm[64], trigger_comm[64], kernel[128];
	int64_t swap_total;
};

static void on_event(struct oom_event *ev, void *ctx)
{
	struct ev_facts *f = ctx;
	if (f->n++ == 0) {
		f->victim_pid = ev->have_victim ? ev->victim.pid : -1;
		snprintf(f->victim_comm, sizeof(f->victim_comm), "%s", ev->have_victim ? ev->victim.comm : "");
		f->trigger_pid = ev->req.trigger_pid;
		snprintf(f->trigger_comm, sizeof(f->trigger_comm), "%s", ev->req.trigger_comm);
		snprintf(f->kernel, sizeof(f->kernel), "%s", ev->kernel);
	}
}

static void read_facts(const char *file, struct ev_facts *f)
{
	memset(f, 0, sizeof(*f));
	int fd = open_fixture(file);
	if (fd < 0)
		return;
	int rc = report_read_fd(fd, file, on_event, NULL, f);
	CHECK_INT(rc, 1);
	close(fd);
}

TEST(test_repaired_pastes_parse_alike)
{
	struct ev_facts want, got;
	read_facts("base.txt", &want);
	CHECK_INT(want.n, 1);
	CHECK_INT(want.victim_pid, 473206);
	const char *files[] = { "glued.txt", "glued-syslog.txt", "wrapped-plain.txt", "wrapped-quoted.txt",
				"kmsg.txt", "journal-fr.txt", "rsyslog-012.txt", "dmesg-T-de.txt" };
	for (size_t k = 0; k < ARRAY_SIZE(files); k++) {
		read_facts(files[k], &got);
		CHECK_INT(got.n, 1);
		CHECK_INT(got.victim_pid, want.victim_pid);
		CHECK_STR(got.victim_comm, want.victim_comm);
		CHECK_INT(got.trigger_pid, want.trigger_pid);
		CHECK_STR(got.trigger_comm, want.trigger_comm);
		CHECK_STR(got.kernel, want.kernel);
		if (got.victim_pid != want.victim_pid || strcmp(got.kernel, want.kernel))
			printf("  (%s)\n", files[k]);
	}
}

/* Issue 8 §2 (back-fill window): a report whose head is cut above a task
 * table of 3000 rows (~300 KiB with the syslog prefix, far more than the
 * fixed 32 KiB window held) keeps every row, its totals and its kill, also
 * with other programs' lines between the kernel's and the table running
 * over several read chunks; the same table in plain dmesg text. */
static char *cut_head_report(char *p, int rows, bool syslog)
{
	const char *pre = syslog ? "Sep 23 02:04:16 web01 kernel: " : "";
	p += sprintf(p, "%sFree swap  = 0kB\n%sTotal swap = 1048572kB\n%s262000 pages RAM\n", pre, pre, pre);
	p += sprintf(p, "%s[ pid ]   uid  tgid total_vm      rss nr_ptes swapents oom_score_adj name\n", pre);
	for (int i = 0; i < rows; i++) {
		p += sprintf(p, "%s[%5d]     0 %5d    50000     %4d      40     9000             0 app%d\n", pre,
			     1000 + i, 1000 + i, 1000 + i % 7000, i);
		if (syslog && i % 500 == 250)
			p += sprintf(p, "Sep 23 02:04:16 web01 CRON[4242]: (root) CMD (run-parts /etc/cron.hourly)\n");
	}
	p += sprintf(p, "%sOut of memory: Kill process %d (app%d) score 900 or sacrifice child\n", pre, 1000 + rows - 1,
		     rows - 1);
	p += sprintf(p, "%sKilled process %d (app%d) total-vm:200000kB, anon-rss:4000kB, file-rss:0kB\n", pre,
		     1000 + rows - 1, rows - 1);
	return p;
}

static char *big_text(size_t cap)
{
	char *text = malloc(cap);
	if (!text)
		abort();
	return text;
}

TEST(test_backfill_holds_a_3000_row_task_table)
{
	char *text = big_text(16u << 20);
	static struct got g;
	for (int syslog = 0; syslog < 2; syslog++) {
		char *p = text;
		for (int i = 0; i < 20000; i++)   /* ~1.6 MiB of chatter: many read chunks before */
			p += sprintf(p, "Sep 23 02:04:%02d web01 sshd[%d]: Accepted publickey for deploy from 10.0.0.%d\n",
				     i % 60, 1000 + i, i % 250);
		p = cut_head_report(p, 3000, syslog);
		for (int i = 0; i < 100; i++)
			p += sprintf(p, "Sep 23 02:05:%02d web01 sshd[%d]: session closed\n", i % 60, 3000 + i);
		memset(&g, 0, sizeof(g));
		int n = report_read_mem(text, (size_t)(p - text), "t", collect, NULL, &g);
		CHECK_INT(n, 1);
		CHECK_INT(g.nr_tasks[0], 3000);
		CHECK_INT(g.first_row[0].pid, 1000);
		CHECK_INT(g.ev[0].snap.mem.swap_total_kib, 1048572);
		CHECK_INT(g.ev[0].snap.mem.swap_free_kib, 0);
		CHECK_INT(g.ev[0].first_line, 20001);
		CHECK_INT(g.ev[0].victim.pid, 3999);
		CHECK_STR(g.ev[0].victim.comm, "app2999");
	}
	free(text);
}

/* The events of a text in memory, into g (cleared first). */
static int read_got(struct got *g, const char *text, size_t len)
{
	memset(g, 0, sizeof(*g));
	return report_read_mem(text, len, "t", collect, NULL, g);
}
#define READ_GOT(g, text) read_got(&(g), (text), sizeof(text) - 1)

/* A report whose text shows no arch (a kill and the reaper's line alone),
 * the stack of its victim right after (sched_show_task under "oom_reaper:
 * unable to reap"): the idle scanner looks at the lines after it
 * (report_scanner_tail), and the stack's arch cue is the report's.  With
 * task rows and no stack there, the rows stay for the back-fill that makes
 * them a report of their own (R515); with another report's marker in the
 * tail, that report lends its own. */
#define TAIL_KILL \
	"[  663.593821] Killed process 7558 (a.out) total-vm:4176kB, anon-rss:84kB, file-rss:0kB, shmem-rss:0kB\n" \
	"[  664.684801] oom_reaper: unable to reap pid:7558 (a.out)\n"
#define TAIL_STACK \
	"[  664.892292] a.out           D13272  7558   6931 0x00100084\n" \
	"[  664.895765] Call Trace:\n" \
	"[  664.919255]  unlink_file_vma+0x28/0x50\n" \
	"[  664.922234]  free_pgtables+0x36/0x100\n" \
	"[  664.951075]  do_syscall_64+0x74/0x230\n" \
	"[  664.953747]  entry_SYSCALL_64_after_hwframe+0x42/0xb7\n"

TEST(test_tail_after_report_gives_its_arch)
{
	static struct got g;
	static const char a[] = TAIL_KILL TAIL_STACK;
	CHECK_INT(READ_GOT(g, a), 1);
	CHECK_STR(g.ev[0].arch, "x86_64");
	/* chatter before the stack, still in the tail */
	static const char b[] = TAIL_KILL "[  664.700000] e1000e: eth0 NIC Link is Up\n" TAIL_STACK
		"[  665.000000] e1000e: eth0 NIC Link is Down\n";
	CHECK_INT(READ_GOT(g, b), 1);
	CHECK_STR(g.ev[0].arch, "x86_64");
	/* rows of a later report, no stack: two events, as without a tail */
	static const char c[] = TAIL_KILL
		"[1283252.998599] [30469]     0 30469   145952    52490      192       4        0             0 bundle\n"
		"[1283252.998611] [30758]     0 30758   297303   110655      334       5        0             0 bundle\n";
	CHECK_INT(READ_GOT(g, c), 2);
	CHECK_STR(g.ev[0].arch, "");
	/* the stack of another host is not this report's */
	static const char d[] = "Jul 31 07:38:06 web1 kernel: [  663.593821] Killed process 7558 (a.out) total-vm:4176kB, anon-rss:84kB, file-rss:0kB, shmem-rss:0kB\n"
		"Jul 31 07:38:07 web2 kernel: [  664.951075]  do_syscall_64+0x74/0x230\n"
		"Jul 31 07:38:07 web2 kernel: [  664.953747]  entry_SYSCALL_64_after_hwframe+0x42/0xb7\n";
	CHECK_INT(READ_GOT(g, d), 1);
	CHECK_STR(g.ev[0].arch, "");
}

/* panic()'s message printed twice by two consoles, the second with its
 * "<0>" level (R5886): "Kernel panic - not syncing: " is the kernel's
 * text, never a prefix to learn and strip, and the second copy is the
 * same panic: one event, a global OOM that panicked. */
TEST(test_double_panic_line_is_one_panic)
{
	static struct got g;
	static const char a[] =
		"[  139.427883] Out of memory: kill process 2580 (rc) score 26 or a child\n"
		"[  139.427922] Killed process 2580 (rc)\n"
		"[  139.591850] Kernel panic - not syncing: Out of memory and no killable processes...\n"
		"[  139.591894] <0>Kernel panic - not syncing: Out of memory and no killable processes...\n"
		"[  139.591903]\n";
	CHECK_INT(READ_GOT(g, a), 2);
	CHECK_INT(g.ev[1].outcome, OOM_OUTCOME_NO_KILLABLE);
	CHECK_INT(g.ev[1].kind, OOM_KIND_GLOBAL);
	static const char b[] =
		"[  139.591850] Kernel panic - not syncing: Out of memory and no killable processes...\n"
		"[  139.591850] Kernel panic - not syncing: Out of memory and no killable processes...\n";
	CHECK_INT(READ_GOT(g, b), 1);
	CHECK_INT(g.ev[0].kind, OOM_KIND_GLOBAL);
}

/* A relay that writes "date host text" with no tag (R937, R5460): the
 * host is learned from the marker line whose header the transport reads
 * so, and stripped from the report's other lines; warn_alloc's line
 * there is kept, its "tag" the comm (R5778). */
TEST(test_tagless_syslog_host)
{
	static struct got g;
	static const char a[] =
		"Nov 17 06:19:30 sleepy oom-killer: gfp_mask=0xd0\n"
		"Nov 17 06:19:30 sleepy DMA per-cpu:\n"
		"Nov 17 06:19:30 sleepy cpu 0 hot: low 2, high 6, batch 1\n"
		"Nov 17 06:19:30 sleepy Free pages:         700kB (0kB HighMem)\n"
		"Nov 17 06:19:30 sleepy Normal free:544kB min:636kB low:795kB high:954kB active:12364kB inactive:11324kB present:61424kB\n"
		"Nov 17 06:19:30 sleepy Free swap:            0kB\n"
		"Nov 17 06:19:30 sleepy Out of Memory: Killed process 2345 (slocate).\n"
		"Nov 17 06:19:31 sleepy run-crons: page allocation failure. order:0, mode:0x1d2\n"
		"Nov 17 06:19:31 sleepy [<c0105247>] dump_stack+0x16/0x18\n"
		"Nov 17 06:19:31 sleepy VM: killing process run-crons\n";
	CHECK_INT(READ_GOT(g, a), 2);
	CHECK_INT(g.ev[0].snap.nr_zones, 1);
	CHECK_INT(g.ev[0].snap.mem.swap_free_kib, 0);   /* "sleepy Free swap:" read once the host is stripped */
	CHECK_STR(g.ev[0].victim.comm, "slocate");
	CHECK_STR(g.ev[1].req.trigger_comm, "run-crons");
	CHECK_INT(g.ev[1].req.gfp_mask, 0x1d2);
	CHECK_STR(g.ev[1].host, "sleepy");
}

/* Issue 8 §2 and §5: a boot banner ("Linux version", "Command line:") far
 * into a log is found by the idle scan and handed over as a boot banner;
 * with a dated prefix it gives the boot time of the later monotonic-only
 * lines of that boot, and it marks a reboot: a header-less report after it
 * takes no release from a report before it. */
struct boot_ctx {
	struct report_scanner *s;
	int n, banners;
	int64_t boot[4];
	uint64_t banner_line[4];
	char kernel[4][128];
	bool from_neighbour[4];
};

static void boot_event(struct oom_event *ev, void *ctx)
{
	struct boot_ctx *c = ctx;
	if (c->n >= 4)
		return;
	int i = c->n++;
	c->boot[i] = 0;
	c->banner_line[i] = 0;
	if (report_scanner_boot_time(c->s, ev->host, ev->first_line, &c->boot[i], &c->banner_line[i]) != 1)
		c->boot[i] = -1;
	snprintf(c->kernel[i], sizeof(c->kernel[i]), "%s", ev->kernel);
	c->from_neighbour[i] = ev->kernel_from_neighbour;
}

static void boot_read(const char *text, size_t len, struct boot_ctx *c)
{
	memset(c, 0, sizeof(*c));
	if (report_scanner_open_mem(&c->s, text, len, "t") < 0)
		abort();
	struct report_parser *p = report_parser_new("t", boot_event, c);
	struct report_line l;
	while (report_scanner_next(c->s, report_parser_active(p), &l) > 0) {
		c->banners += l.boot_banner;
		report_parser_feed(p, &l);
	}
	report_parser_finish(p);
	report_parser_free(p);
	report_scanner_close(c->s);
}

static char *chatter(char *p, int n)
{
	for (int i = 0; i < n; i++)
		p += sprintf(p, "Dec  3 22:%02d:%02d web01 sshd[%d]: Accepted publickey for deploy\n", i / 60 % 60, i % 60,
			     100 + i);
	return p;
}

/* A large regular file is read in place (report/view.c), not copied by
 * read(): the scanner must give the very same lines, line numbers, stamps
 * and hosts as its read() path, in the idle scan and line by line, for
 * reports anywhere relative to its read chunks (cut heads back-filled
 * across them, wrapped and quoted pastes of the corpus); text in memory is
 * read in place too.  The read() path is what OOMKIT_MMAP=0 selects. */
static bool same_opt(const char *a, const char *b)
{
	return (!a && !b) || (a && b && strcmp(a, b) == 0);
}

static bool same_lines(const struct lines *a, const struct lines *b, const char *what)
{
	if (a->n != b->n || a->rc != b->rc || a->nlines != b->nlines || a->nbytes != b->nbytes) {
		printf("  %s: %zu lines rc %d (%" PRIu64 " lines, %" PRIu64 " bytes), want %zu rc %d (%" PRIu64
		       ", %" PRIu64 ")\n", what, a->n, a->rc, a->nlines, a->nbytes, b->n, b->rc, b->nlines, b->nbytes);
		return false;
	}
	for (size_t i = 0; i < a->n; i++)
		if (strcmp(a->raw[i], b->raw[i]) || a->lineno[i] != b->lineno[i] || !same_opt(a->time[i], b->time[i]) ||
		    !same_opt(a->host[i], b->host[i]) || !same_opt(a->caller[i], b->caller[i]) ||
		    a->cont[i] != b->cont[i] || a->trunc[i] != b->trunc[i]) {
			printf("  %s: line %zu differs: \"%.100s\" (%" PRIu64 ") want \"%.100s\" (%" PRIu64 ")\n", what, i,
			       a->raw[i], a->lineno[i], b->raw[i], b->lineno[i]);
			return false;
		}
	return strcmp(a->warning, b->warning) == 0;
}

static void scan_open_mem(const char *data, size_t len, bool all_lines, struct lines *L)
{
	memset(L, 0, sizeof(*L));
	struct report_scanner *s;
	L->rc = report_scanner_open_mem(&s, data, len, "test");
	if (L->rc >= 0)
		scan_all(s, all_lines, L);
}

/* The corpus's first 400 reports (R*.log, name order) in one text, with
 * chatter between them. */
static char *corpus_mix(size_t *len)
{
	char dir[4096], path[8192];
	snprintf(dir, sizeof(dir), "%s/tests/corpus", check_srcdir());
	int nn;
	char **names = check_list_logs(dir, &nn);
	char *text = big_text(16u << 20), *p = text;
	int made = 0;
	for (int i = 0; i < nn; i++) {
		if (names[i][0] == 'R' && made < 400 && (size_t)(p - text) < (14u << 20)) {
			snprintf(path, sizeof(path), "%s/%s", dir, names[i]);
			size_t n;
			char *d = slurp(path, &n);
			if (d && n < (1u << 20)) {
				memcpy(p, d, n);
				p += n;
				if (n && p[-1] != '\n')
					*p++ = '\n';
				made++;
				/* chatter of varying length moves the next report across
				 * chunk edges; now and then a head-cut report whose
				 * back-fill spans one */
				p = chatter(p, (made * 37) % 300);
				if (made % 50 == 0)
					p = cut_head_report(p, 1500, made % 100 == 0);
			}
			free(d);
		}
		free(names[i]);
	}
	free(names);
	*len = (size_t)(p - text);
	if (made > 100)
		return text;
	free(text);
	return NULL;
}

TEST(test_mapped_file_gives_the_lines_read_gives)
{
	size_t len;
	char *text = corpus_mix(&len);
	if (!text) {
		SKIP("tests/corpus not found");
		return;
	}
	CHECK(len > (2u << 20));   /* many read chunks */
	for (int all = 0; all < 2; all++) {
		struct lines mapped, copied, mem;
		unsetenv("OOMKIT_MMAP");
		scan_mem(text, len, all, &mapped);          /* a regular file: mapped */
		setenv("OOMKIT_MMAP", "0", 1);
		scan_mem(text, len, all, &copied);          /* the same file with read() */
		unsetenv("OOMKIT_MMAP");
		scan_open_mem(text, len, all, &mem);        /* in memory, read in place */
		CHECK(copied.n > 1000);
		CHECK(same_lines(&mapped, &copied, all ? "mapped, all lines" : "mapped, idle"));
		CHECK(same_lines(&mem, &copied, all ? "memory, all lines" : "memory, idle"));
		lines_free(&mapped);
		lines_free(&copied);
		lines_free(&mem);
	}
	free(text);
}

/* A pipe's short reads move the scanner's buffer at other lines than a
 * file's chunks or text in memory do (and each drops the prefix strip the
 * scanner remembers for the bytes there, scan.c strip_prefix_buf): the
 * same lines either way, in the idle scan and line by line. */
TEST(test_pipe_reads_give_the_lines_memory_gives)
{
	size_t len;
	char *text = corpus_mix(&len);
	if (!text) {
		SKIP("tests/corpus not found");
		return;
	}
	for (int all = 0; all < 2; all++) {
		struct lines piped, mem;
		scan_pipe(text, len, all, &piped);
		scan_open_mem(text, len, all, &mem);
		CHECK(mem.n > 1000);
		CHECK(same_lines(&piped, &mem, all ? "pipe, all lines" : "pipe, idle"));
		lines_free(&piped);
		lines_free(&mem);
	}
	free(text);
}

/* The arch fault paths' "VM: killing process x" (2.4 to 2.6.2x; "Killing"
 * in some arches, "x(pid)" in alpha's and arm's) is a kill of its own:
 * alone among other programs' lines the idle scan hands it on, and a
 * daemon's "killing process" or "Killing process" is not one. */
static size_t count_lines_with(const struct lines *L, const char *needle);
TEST(test_vm_killing_process_alone)
{
	static const char *const lines[] = {
		"Oct 10 05:19:43 hen kernel: VM: killing process cc1\n",
		"> > VM: killing process cc1\n",
		"VM: killing process cc1(29719)\n",
		"Jan  2 03:04:05 box kernel: VM: Killing process gzip\n",
	};
	for (size_t i = 0; i < sizeof(lines) / sizeof(lines[0]); i++) {
		char text[8192];
		size_t n = 0;
		for (int k = 0; k < 40; k++)
			n += (size_t)snprintf(text + n, sizeof(text) - n,
					      "Oct 10 05:19:%02d hen systemd[1]: Stopping user %d, killing processes of the session\n", k, k);
		n += (size_t)snprintf(text + n, sizeof(text) - n, "%s", lines[i]);
		for (int k = 0; k < 40; k++)
			n += (size_t)snprintf(text + n, sizeof(text) - n,
					      "Oct 10 05:20:%02d hen sshd[9%02d]: Killing process %d (sshd) with signal SIGKILL\n", k, k, k);
		struct lines L;
		scan_mem(text, n, false, &L);
		CHECK_INT(count_lines_with(&L, "VM: "), 1);
		CHECK_INT(count_lines_with(&L, "killing processes"), 0);
		CHECK_INT(count_lines_with(&L, "with signal"), 0);
		lines_free(&L);
	}
}

static size_t count_lines_with(const struct lines *L, const char *needle)
{
	size_t k = 0;
	for (size_t i = 0; i < L->n; i++)
		k += strstr(L->raw[i], needle) != NULL;
	return k;
}

static const char kill_a[] = "Dec  3 23:00:00 web01 kernel: Out of memory: Killed process 101 (app) total-vm:200000kB, "
			    "anon-rss:4000kB, file-rss:0kB, shmem-rss:0kB\n";
static const char kill_b[] = "Dec  3 23:30:00 web01 kernel: Out of memory: Killed process 202 (db) total-vm:200000kB, "
			    "anon-rss:4000kB, file-rss:0kB, shmem-rss:0kB\n";

/* text[0, len) in a new temp file named by path (a mkstemp template), at
 * offset 0 */
static int temp_log(const char *text, size_t len, char *path)
{
	int fd = mkstemp(path);
	if (fd < 0 || write(fd, text, len) != (ssize_t)len || lseek(fd, 0, SEEK_SET) != 0)
		abort();
	return fd;
}

/* A live log that grows while it is read: the mapping ends where the file
 * ended when it was made, and the rest is read on with read(). */
TEST(test_mapped_file_that_grows_is_read_on)
{
	char *text = big_text(8u << 20), *p = chatter(text, 2000);
	p += sprintf(p, "%s", kill_a);
	p = chatter(p, 20000);
	char path[] = "/tmp/oomkit-test-grow-XXXXXX";
	int fd = temp_log(text, (size_t)(p - text), path);
	struct report_scanner *s;
	CHECK_INT(report_scanner_open(&s, fd, "grow"), 0);
	struct report_line l;
	struct lines L;
	memset(&L, 0, sizeof(L));
	int rc;
	bool grown = false;
	while ((rc = report_scanner_next(s, false, &l)) > 0) {
		lines_add(&L, &l);
		if (!grown && l.len > 20 && memmem(l.text, l.len, "process 101", 11)) {
			/* appended after the mapping was made */
			int w = open(path, O_WRONLY | O_APPEND);
			char *q = chatter(text, 3000);
			q += sprintf(q, "%s", kill_b);
			q = chatter(q, 10);
			if (w < 0 || write(w, text, (size_t)(q - text)) != q - text)
				abort();
			close(w);
			grown = true;
		}
	}
	CHECK_INT(rc, 0);
	CHECK(grown);
	CHECK_INT(count_lines_with(&L, "process 101"), 1);
	CHECK_INT(count_lines_with(&L, "process 202"), 1);
	struct stat st;
	CHECK(fstat(fd, &st) == 0 && report_scanner_bytes(s) == (uint64_t)st.st_size);
	CHECK_INT(report_scanner_close(s), 0);
	lines_free(&L);
	unlink(path);
	close(fd);
	free(text);
}

/* A log truncated while it is read (logrotate's copytruncate): no SIGBUS,
 * the read ends at the file's new end and says so. */
TEST(test_mapped_file_that_shrinks_ends_with_a_warning)
{
	char *text = big_text(8u << 20), *p = chatter(text, 100);
	p += sprintf(p, "%s", kill_a);
	p = chatter(p, 50000);
	p += sprintf(p, "%s", kill_b);
	size_t len = (size_t)(p - text);
	char path[] = "/tmp/oomkit-test-shrink-XXXXXX";
	int fd = temp_log(text, len, path);
	unlink(path);
	struct report_scanner *s;
	CHECK_INT(report_scanner_open(&s, fd, "shrink"), 0);
	struct report_line l;
	struct lines L;
	memset(&L, 0, sizeof(L));
	int rc;
	bool cut = false;
	while ((rc = report_scanner_next(s, false, &l)) > 0) {
		lines_add(&L, &l);
		add_warn(&L, report_scanner_warning(s));
		if (!cut && l.len > 20 && memmem(l.text, l.len, "process 101", 11)) {
			if (ftruncate(fd, 1u << 20) != 0)
				abort();
			cut = true;
		}
	}
	add_warn(&L, report_scanner_warning(s));
	CHECK_INT(rc, 0);
	CHECK(cut);
	CHECK_INT(count_lines_with(&L, "process 101"), 1);
	CHECK_INT(count_lines_with(&L, "process 202"), 0);
	CHECK(strstr(L.warning, "the file shrank while it was read") != NULL);
	CHECK(report_scanner_bytes(s) <= len);
	report_scanner_close(s);
	lines_free(&L);
	close(fd);
	free(text);
}

TEST(test_boot_banner_dates_and_splits_boots)
{
	char *text = big_text(8u << 20);
	static const char full[] =
		"Dec  3 23:00:00 web01 kernel: [ 3600.000000] app invoked oom-killer: gfp_mask=0x14200ca(GFP_HIGHUSER_MOVABLE), nodemask=(null), order=0, oom_score_adj=0\n"
		"Dec  3 23:00:00 web01 kernel: [ 3600.000001] CPU: 1 PID: 101 Comm: app Not tainted 5.15.0-91-generic #101-Ubuntu\n"
		"Dec  3 23:00:00 web01 kernel: [ 3600.000002] Out of memory: Killed process 101 (app) total-vm:200000kB, anon-rss:4000kB, file-rss:0kB, shmem-rss:0kB\n";
	static const char headerless[] =
		"web01 kernel: [ 7200.000001] Out of memory: Killed process 202 (db) total-vm:200000kB, anon-rss:4000kB, file-rss:0kB, shmem-rss:0kB\n";
	for (int reboot = 0; reboot < 2; reboot++) {
		char *p = chatter(text, 30000);   /* the banner far into the log: found by the idle scan */
		p += sprintf(p, "Dec  3 22:00:00 web01 kernel: [    0.000000] Linux version 5.15.0-91-generic (buildd@lcy02) #101-Ubuntu SMP\n"
				"Dec  3 22:00:00 web01 kernel: [    0.000000] Command line: BOOT_IMAGE=/vmlinuz root=/dev/sda1 ro\n");
		p = chatter(p, 100);
		p += sprintf(p, "%s", full);
		p = chatter(p, 100);
		if (reboot)
			p += sprintf(p, "Dec  4 01:00:00 web01 kernel: [    0.000000] Linux version 6.1.0-13-amd64 (debian-kernel@lists.debian.org) #1 SMP\n");
		p = chatter(p, 100);
		p += sprintf(p, "%s", headerless);
		p = chatter(p, 10);
		struct boot_ctx c;
		boot_read(text, (size_t)(p - text), &c);
		CHECK_INT(c.n, 2);
		CHECK_INT(c.banners, reboot ? 3 : 2);
		int64_t want = 0;
		CHECK_INT(walltime_parse_date("Dec  3 22:00:00", 15, time(NULL), &want), 0);
		CHECK_INT(c.boot[0], want);
		CHECK_INT(c.banner_line[0], 30002);   /* "Command line:", the latest banner before it */
		CHECK_STR(c.kernel[0], "5.15.0-91-generic");
		if (!reboot) {
			/* the same boot: the release and the boot time carry over */
			CHECK_INT(c.boot[1], want);
			CHECK_STR(c.kernel[1], "5.15.0-91-generic");
			CHECK(c.from_neighbour[1]);
		} else {
			/* rebooted in between: no release from before the banner
			 * but the new banner's own, and the boot time is its */
			int64_t want2 = 0;
			CHECK_INT(walltime_parse_date("Dec  4 01:00:00", 15, time(NULL), &want2), 0);
			CHECK_INT(c.boot[1], want2);
			CHECK_STR(c.kernel[1], "6.1.0-13-amd64");
			CHECK(!c.from_neighbour[1]);
		}
	}
	/* an undated banner (plain dmesg) is a reboot with an unknown boot time */
	char *p = text;
	p += sprintf(p, "Dec  3 22:00:00 web01 kernel: [    0.000000] Linux version 5.15.0-91-generic #101-Ubuntu SMP\n");
	p += sprintf(p, "[    0.000000] Linux version 6.1.0-13-amd64 #1 SMP\n");
	p += sprintf(p, "%s", headerless);
	struct boot_ctx c;
	boot_read(text, (size_t)(p - text), &c);
	CHECK_INT(c.n, 1);
	CHECK_INT(c.boot[0], -1);
	/* "Linux version" inside other text is no banner */
	p = text;
	p += sprintf(p, "Dec  3 22:00:00 web01 nginx[5]: \"GET / HTTP/1.1\" 200 \"Mozilla/5.0 (X11; Linux x86_64)\"\n");
	p += sprintf(p, "Dec  3 22:00:00 web01 kernel: [   10.000000] foo: Linux version check passed\n");
	p += sprintf(p, "%s", headerless);
	boot_read(text, (size_t)(p - text), &c);
	CHECK_INT(c.banners, 0);
	free(text);
}

/* A program's output without its newline, then a kernel record on the same
 * short line (R141): the record starts at its stamp, and its wrapped rest
 * is joined back. */
TEST(test_text_glued_before_a_short_kernel_line)
{
	const char *d = "Creating journal (262144 blocks): [   34.739137] mkfs.ext4 invoked\n"
			"oom-killer: gfp_mask=0x101cc0(GFP_USER|__GFP_WRITE), order=0,\n"
			"oom_score_adj=0\n"
			"[   34.748889] CPU: 0 PID: 393 Comm: mkfs.ext4 Not tainted\n";
	struct lines L;
	scan_mem(d, strlen(d), true, &L);
	CHECK(find_line(&L, "Creating journal (262144 blocks):") != (size_t)-1);
	CHECK(find_line(&L, "mkfs.ext4 invoked oom-killer: gfp_mask=0x101cc0(GFP_USER|__GFP_WRITE), order=0, oom_score_adj=0") !=
	      (size_t)-1);
	lines_free(&L);
	/* a frame's "[<addr>]" and a task row's "[ pid]" are no stamps */
	const char *f = "[<c0014200>] (dump_backtrace) from [<c0015020>] (show_stack)\n";
	scan_mem(f, strlen(f), true, &L);
	CHECK_INT(L.n, 1);
	lines_free(&L);
}

/* A terminal cut every long line at one column, inside words (R108): the
 * rests join without a blank; a mail client's greedy wrap (lines of many
 * widths, cut at blanks) still joins with one. */
TEST(test_terminal_width_cuts_join_without_blank)
{
	/* every prefixed line cut at 65 columns */
	const char *d = "Mar 26 12:32:37 pi kernel: [1.49] python3 invoked oom-killer: gfp\n"
			"_mask=0x15080c0(GFP_KERNEL_ACCOUNT|__GFP_ZERO), order=1\n"
			"Mar 26 12:32:37 pi kernel: [1.50] python3 cpuset=/ mems_allowed=0\n"
			"Mar 26 12:32:37 pi kernel: [1.51] CPU: 3 PID: 530 Comm: python3 T\n"
			"ainted: G C 4.14.79-v7+ #1159\n"
			"Mar 26 12:32:37 pi kernel: [1.52] Hardware name: BCM2835 and a lo\n"
			"ng tail\n";
	struct lines L;
	scan_mem(d, strlen(d), true, &L);
	CHECK(find_line(&L, "python3 invoked oom-killer: gfp_mask=0x15080c0(GFP_KERNEL_ACCOUNT|__GFP_ZERO), order=1") !=
	      (size_t)-1);
	CHECK(find_line(&L, "CPU: 3 PID: 530 Comm: python3 Tainted: G C 4.14.79-v7+ #1159") != (size_t)-1);
	lines_free(&L);
	const char *g = "Mar 26 12:32:37 pi kernel: [1.49] python3 invoked oom-killer:\n"
			"gfp_mask=0x15080c0(GFP_KERNEL_ACCOUNT|__GFP_ZERO), order=1\n"
			"Mar 26 12:32:37 pi kernel: [1.51] CPU: 3 PID: 530 Comm: python3\n"
			"Tainted: G C 4.14.79-v7+ #1159\n";
	scan_mem(g, strlen(g), true, &L);
	CHECK(find_line(&L, "python3 invoked oom-killer: gfp_mask=0x15080c0") != (size_t)-1);
	CHECK(find_line(&L, "CPU: 3 PID: 530 Comm: python3 Tainted: G C") != (size_t)-1);
	lines_free(&L);
}

/* A line ended with a backslash: a viewer's fold at its width (R5341) or a
 * writer's shell-style break under an indent (R5227); the rest joins
 * without the mark, the indent or the fold's padding. */
TEST(test_backslash_continued_lines_are_joined)
{
	const char *d = "2025-11-28T15:19:28.533599+00:00 ip-1 kernel: systemd invoked oom-k\\\n"
			"iller: gfp_mask=0x140cca(GFP_HIGHUSER_MOVABLE|__GFP_COMP), order=0, oom_score_a\\\n"
			"dj=0                                                                            \n"
			"2025-11-28T15:19:28.594404+00:00 ip-1 kernel: oom-kill:constraint=C\\\n"
			"ONSTRAINT_NONE,nodemask=(null),cpuset=/,mems_allowed=0,global_oom,task=vivado\n";
	struct lines L;
	scan_mem(d, strlen(d), true, &L);
	CHECK(find_line(&L, "systemd invoked oom-killer: gfp_mask=0x140cca(GFP_HIGHUSER_MOVABLE|__GFP_COMP), order=0, oom_score_adj=0") !=
	      (size_t)-1);
	CHECK(find_line(&L, "oom-kill:constraint=CONSTRAINT_NONE,nodemask=(null)") != (size_t)-1);
	lines_free(&L);
	const char *w = "Apr 15 23:04:52 localhost kernel: oom-kill:constraint=CONSTRAINT_MEMCG,nodemask=(null),\\\n"
			"    cpuset=docker-60ef.scope,mems_allowed=0,\\\n"
			"    oom_memcg=/ecstasks.slice/ecstasks-488f.slice,\\\n"
			"    task=tail,pid=51947,uid=0\n";
	scan_mem(w, strlen(w), true, &L);
	CHECK(find_line(&L, "oom-kill:constraint=CONSTRAINT_MEMCG,nodemask=(null),cpuset=docker-60ef.scope,mems_allowed=0,oom_memcg=/ecstasks.slice/ecstasks-488f.slice,task=tail,pid=51947,uid=0") !=
	      (size_t)-1);
	lines_free(&L);
	/* a string literal's escaped newline and continuation ("…\\n\\", a
	 * test fixture, R2301): the next line is a record of its own */
	const char *lit = "filebeat invoked oom-killer: gfp_mask=0xd0, order=0, oom_score_adj=0\\n\\\n"
			  "Killed process 16169 (filebeat) total-vm:533228kB, anon-rss:129904kB\\n\\\n";
	scan_mem(lit, strlen(lit), true, &L);
	CHECK(find_line(&L, "Killed process 16169 (filebeat)") != (size_t)-1);
	lines_free(&L);
}

/* warn_alloc's line broken before its "mode:" under a quote and an indent
 * (R5368): "mode:0x…" starts no kernel line, so it is the rest. */
TEST(test_warn_alloc_broken_before_mode_is_joined)
{
	const char *d = "> > >  insmod: vmalloc error: size 16384, vm_struct allocation failed,\n"
			"> > >  mode:0xcc0(GFP_KERNEL), nodemask=(null),cpuset=/,mems_allowed=0\n";
	struct lines L;
	scan_mem(d, strlen(d), true, &L);
	CHECK(find_line(&L, "insmod: vmalloc error: size 16384, vm_struct allocation failed, mode:0xcc0(GFP_KERNEL)") !=
	      (size_t)-1);
	lines_free(&L);
}

/* The speed path (issue 8, bench/explain): while no report is open, lines
 * with no marker are skipped by the vector search, never normalised one by
 * one — not even lines of other programs that hold a needle's letters
 * ("... by SIGKILL ... Killed", "room", "zoom": bench/explain/gen.py's
 * near misses).  120 000 noise lines
 * around two reports: only the reports' lines, their neighbours and the
 * back-fill window before a cut head (32 KiB) reach process_raw, and only
 * the reports' lines come out. */
TEST(test_task_rows_broken_at_their_head_are_joined)
{
	/* a mailer broke syslog task rows after the bracket, after the uid,
	 * and inside a negative oom_score_adj (dump_tasks, 2.6.x-4.x) */
	const char *in =
		"Dec 29 12:28:25 box kernel: [\n"
		"1199]     0  1199     1643       79       8       3        0           \n"
		"  0 mcelog\n"
		"Dec 29 12:28:25 box kernel: [\n"
		"1604]     0  1604    11068      109      23       3        0         -\n"
		"1000 auditd\n"
		"Dec 29 12:28:25 box kernel: [10209]   500\n"
		"10209    30496     3183      18       4        0             0 as\n"
		"Dec 29 12:28:25 box kernel: [\n"
		"Dec 29 12:28:25 box kernel: [10210]   500\n"
		"10211    30496     3183      18       4        0             0 as\n";
	struct lines L;
	scan_mem(in, strlen(in), true, &L);
	CHECK_INT(L.n, 6);
	if (L.n == 6) {
		CHECK_STR(L.text[0], "[1199] 0 1199 1643 79 8 3 0 0 mcelog");
		CHECK_STR(L.text[1], "[1604] 0 1604 11068 109 23 3 0 -1000 auditd");
		CHECK_STR(L.text[2], "[10209] 500 10209 30496 3183 18 4 0 0 as");
		CHECK_STR(L.text[3], "[");                          /* no rest follows: left alone */
		CHECK_STR(L.text[4], "[10210] 500");                /* the next line is not its rest */
	}
	lines_free(&L);
}

TEST(test_syslog_prefixes_inside_wrapped_lines_are_cut)
{
	/* a syslog file with its newlines lost, then wrapped by a mailer: the
	 * record prefixes sit inside the joined lines, one cut by the wrap */
	const char *in =
		"> Mar 16 21:40:40 box kernel: sh invoked oom-killer:\n"
		"> gfp_mask=0xd0, order=2, oomkilladj=0 Mar 16 21:40:40 box kernel: Mem-Info:\n"
		"> Mar 16 21:40:40 box kernel: Swap cache stats: add 1106206, delete 1105642, find 599107/618721 Mar 16\n"
		"> 21:40:40 box kernel: Free swap  = 1959300kB\n";
	struct lines L;
	scan_mem(in, strlen(in), true, &L);
	CHECK_INT(L.n, 4);
	if (L.n == 4) {
		CHECK_STR(L.text[0], "sh invoked oom-killer: gfp_mask=0xd0, order=2, oomkilladj=0");
		CHECK_STR(L.text[1], "Mem-Info:");
		CHECK_STR(L.host[1], "box");
		CHECK_STR(L.text[2], "Swap cache stats: add 1106206, delete 1105642, find 599107/618721");
		CHECK_STR(L.text[3], "Free swap = 1959300kB");
		CHECK_STR(L.time[3], "Mar 16 21:40:40");
	}
	lines_free(&L);
}

TEST(test_elision_mark_before_a_kernel_line_is_a_record)
{
	/* "... " standing for each line's cut syslog prefix, quoted twice: a
	 * long line, then the next behind its mark, is two records (R4008);
	 * a condensed line's own " ... " cut by a wrap before words that start
	 * no kernel line is still its rest */
	const char *in =
		"> > ... oom-killer: gfp_mask=0x80d2\n"
		"> > ... Swap cache: add 166973, delete 149202, find 1714386/1723885, race 0+0\n"
		"> > ... Free swap  = 781012kB\n"
		"> > ... Total swap = 987988kB\n"
		"> > ... Out of Memory: Killed process 30787 (thunderbird-bin).\n"
		"\n"
		"oom-kill:constraint=CONSTRAINT_NONE,nodemask=(null),cpuset=/,mems_allowed=0,global_oom\n"
		"... task=java,pid=1849,uid=0\n";
	struct lines L;
	scan_mem(in, strlen(in), true, &L);
	CHECK_INT(L.n, 7);   /* (the blank line is one) */
	if (L.n == 7) {
		CHECK_STR(L.text[1], "Swap cache: add 166973, delete 149202, find 1714386/1723885, race 0+0");
		CHECK_STR(L.text[2], "Free swap = 781012kB");
		CHECK_STR(L.text[6], "oom-kill:constraint=CONSTRAINT_NONE,nodemask=(null),cpuset=/,mems_allowed=0,global_oom ... task=java,pid=1849,uid=0");
	}
	lines_free(&L);
}

TEST(test_dmesg_stamps_inside_wrapped_lines_are_cut)
{
	/* a mailer wrapped dmesg records glued where their newlines were lost:
	 * a stamp ends one line, its record's text runs on the next with the
	 * next record glued after it (R1011) */
	const char *in =
		"[  776.209062] Normal free:1492kB min:964kB low:1204kB high:1444kB present:65536kB\n"
		"free_pcp:24kB local_pcp:24kB free_cma:0kB [  776.265406]\n"
		"lowmem_reserve[]: 0 0 [  776.268761] Normal: 7*4kB (H) 5*8kB (H)\n"
		"7*16kB (H) 5*32kB (H) 6*64kB (H) 2*128kB (H) 2*256kB (H) 0*512kB\n"
		"0*1024kB 0*2048kB 0*4096kB = 1492kB\n";
	struct lines L;
	scan_mem(in, strlen(in), true, &L);
	CHECK_INT(L.n, 3);
	if (L.n == 3) {
		CHECK_STR(L.text[1], "lowmem_reserve[]: 0 0");
		CHECK_STR(L.time[1], "776.265406");
		CHECK_STR(L.text[2], "Normal: 7*4kB (H) 5*8kB (H) 7*16kB (H) 5*32kB (H) 6*64kB (H) 2*128kB (H) 2*256kB (H) 0*512kB 0*1024kB 0*2048kB 0*4096kB = 1492kB");
		CHECK_STR(L.time[2], "776.268761");
	}
	lines_free(&L);
}

TEST(test_last_line_cut_inside_its_prefix_is_no_rest)
{
	/* a Talos console log cut inside the next record's prefix (R3881):
	 * that piece is not the rest of the line above */
	const char *in =
		"10.1.1.2: kern: warning: [2022-01-25T10:35:59.114473566Z]: Swap cache stats: add 0, delete 0, find 0/0\n"
		"10.1.1.2: kern: warning: [2022-01-25T10:35:59.114808566Z]: Free swap  = 0kB\n"
		"10.1.1.2: kern: warning: [2022-01-25T";
	struct lines L;
	scan_mem(in, strlen(in), false, &L);
	CHECK(L.n >= 2);
	if (L.n >= 2) {
		CHECK(strncmp(L.text[1], "Free swap", 9) == 0);
		CHECK(strstr(L.text[1], "10.1.1.2") == NULL);
	}
	lines_free(&L);
}

TEST(test_relay_words_before_syslog_records_are_learned)
{
	/* a netconsole receiver's fixed words before each record, no marker
	 * in the lines; lines without them are left as they are */
	const char *in =
		"Received message  <4>Jun  8 11:15:43 gw kernel: [  379.256394] 3291 total pagecache pages \n"
		"Received message  <4>Jun  8 11:15:43 gw kernel: [  379.268632] Free swap  = 0kB \n"
		"Received message  <4>Jun  8 11:15:43 gw kernel: [  379.271497] Total swap = 0kB \n";
	struct lines L;
	scan_mem(in, strlen(in), true, &L);
	CHECK_INT(L.n, 3);
	if (L.n == 3) {
		CHECK_STR(L.text[1], "Free swap = 0kB");
		CHECK_STR(L.host[2], "gw");
	}
	lines_free(&L);
	/* one such line alone: no second line to learn from, the glue split
	 * still finds its record */
	/* a marker line first: the record's own prefix stays its time and host */
	const char *mk =
		"Received message  <4>Jun  8 11:15:43 gw kernel: [  379.1] sh invoked oom-killer: gfp_mask=0x0, order=0\n"
		"Received message  <4>Jun  8 11:15:43 gw kernel: [  379.2] Free swap  = 0kB\n";
	scan_mem(mk, strlen(mk), false, &L);
	CHECK(L.n >= 1);
	if (L.n >= 1) {
		CHECK_STR(L.host[0], "gw");
		CHECK_STR(L.time[0], "Jun  8 11:15:43");
	}
	lines_free(&L);
	const char *one = "Received message  <4>Jun  8 11:15:43 gw kernel: [  379.268632] Free swap  = 0kB\n";
	scan_mem(one, strlen(one), true, &L);
	CHECK(L.n >= 1 && strcmp(L.text[L.n - 1], "Free swap = 0kB") == 0);
	lines_free(&L);
}

TEST(test_idle_search_examines_only_report_lines)
{
	static const char *const noise[] = {
		"Nov 20 02:04:16 web01 supervisord[4242]: INFO exited: worker_7 (terminated by SIGKILL; not expected) Killed",
		"Nov 20 02:04:16 web01 chatd[311]: user joined room #7 (zoom bridge)",
		"Nov 20 02:04:16 web01 sshd[5120]: Accepted publickey for deploy from 10.0.0.1 port 5120 ssh2",
		"Nov 20 02:04:16 web01 kernel: [ 1000.000001] e1000e 0000:00:19.0 eth0: NIC Link is Up 1000 Mbps Full Duplex",
	};
	static const char *const cut_head[] = {   /* issue 8's example: head cut, back-filled */
		"Free swap  = 0kB",
		"Total swap = 1048572kB",
		"262000 pages RAM",
		"[ pid ]   uid  tgid total_vm      rss nr_ptes swapents oom_score_adj name",
		"[  101]     0   101    50000     1000      40     9000             0 app",
		"Out of memory: Kill process 101 (app) score 900 or sacrifice child",
		"Killed process 101 (app) total-vm:200000kB, anon-rss:4000kB, file-rss:0kB",
	};
	static const char *const whole[] = {
		"java invoked oom-killer: gfp_mask=0x14200ca(GFP_HIGHUSER_MOVABLE), nodemask=(null), order=0, oom_score_adj=0",
		"oom-kill:constraint=CONSTRAINT_NONE,nodemask=(null),cpuset=/,mems_allowed=0,global_oom,task_memcg=/,task=java,pid=202,uid=0",
		"Out of memory: Killed process 202 (java) total-vm:200000kB, anon-rss:4000kB, file-rss:0kB",
	};
	struct buf b;
	buf_init(&b);
	uint64_t total = 0;
	for (int part = 0; part < 3; part++) {
		for (int i = 0; i < 40000; i++, total++) {
			buf_add(&b, noise[i % 4], strlen(noise[i % 4]));
			buf_addc(&b, '\n');
		}
		const char *const *r = part == 0 ? cut_head : whole;
		size_t n = part == 0 ? ARRAY_SIZE(cut_head) : part == 1 ? ARRAY_SIZE(whole) : 0;
		for (size_t i = 0; i < n; i++, total++) {
			buf_add(&b, "Nov 20 02:04:17 web01 kernel: ", 30);
			buf_add(&b, r[i], strlen(r[i]));
			buf_addc(&b, '\n');
		}
	}
	struct report_scanner *sc;
	CHECK_INT(report_scanner_open_mem(&sc, b.data, b.len, "t"), 0);
	struct report_line l;
	size_t got = 0, noise_out = 0;
	while (report_scanner_next(sc, false, &l) > 0) {
		got++;
		noise_out += mem_find(l.text, l.len, "NIC Link") || mem_find(l.text, l.len, "SIGKILL") ||
			     mem_find(l.text, l.len, "joined room") || mem_find(l.text, l.len, "publickey");
	}
	CHECK_INT(noise_out, 0);
	CHECK_INT(got, ARRAY_SIZE(cut_head) + ARRAY_SIZE(whole));
	CHECK(report_scanner_lines(sc) == total);
	/* 32 KiB of back-fill is ~330 of these lines; the reports' 10 lines
	 * and a line around each marker */
	uint64_t ex = report_scanner_examined(sc);
	CHECK(ex >= ARRAY_SIZE(cut_head) + ARRAY_SIZE(whole));
	CHECK(ex < 500);
	if (ex >= 500)
		fprintf(stderr, "examined %llu of %llu lines\n", (unsigned long long)ex, (unsigned long long)total);
	report_scanner_close(sc);
	buf_release(&b);
}

/* A needle hit too near the end of a read for needle_hit_ok to see what
 * follows it ("unsure": yes) is judged again after the next read, not
 * taken as a marker: a line of another program ending in "Killed" right
 * at a read's edge must not open a 32 KiB back-fill (~330 lines examined
 * for nothing, bench/explain).  The first read ends at byte 327681 (the
 * buffer: 256 KiB + 64 KiB + 1), read in place or with read(). */
TEST(test_hit_at_a_reads_edge_is_judged_after_the_next_read)
{
	static const char pad[] = "Nov 20 02:04:16 web01 sshd[5120]: Accepted publickey for deploy from 10.0.0.1 port 5120 ssh2\n";
	static const char sup[] = "Nov 20 02:04:16 web01 supervisord[4242]: INFO exited: worker_7 (terminated by SIGKILL; not expected) ";
	const size_t edge = 327681, k_at = edge - 8;   /* "Killed\n" and one byte more in the first read */
	struct buf b;
	buf_init(&b);
	size_t before = k_at - (sizeof(sup) - 1);      /* bytes before the supervisord line */
	while (b.len + 2 * (sizeof(pad) - 1) < before)
		buf_add(&b, pad, sizeof(pad) - 1);
	while (b.len + 1 < before)                     /* one filler line of the exact length */
		buf_addc(&b, 'x');
	buf_addc(&b, '\n');
	buf_add(&b, sup, sizeof(sup) - 1);
	CHECK_INT(b.len, k_at);
	buf_add(&b, "Killed\n", 7);
	for (int i = 0; i < 8000; i++)
		buf_add(&b, pad, sizeof(pad) - 1);
	for (int mode = 0; mode < 2; mode++) {
		struct report_scanner *sc;
		char path[] = "/tmp/oomkit-test-edge-XXXXXX";
		int fd = -1;
		if (mode == 0) {
			CHECK_INT(report_scanner_open_mem(&sc, b.data, b.len, "t"), 0);
		} else {
			fd = mkstemp(path);
			if (fd < 0 || write(fd, b.data, b.len) != (ssize_t)b.len || lseek(fd, 0, SEEK_SET) != 0)
				abort();
			unlink(path);
			setenv("OOMKIT_MMAP", "0", 1);
			CHECK_INT(report_scanner_open(&sc, fd, "t"), 0);
			unsetenv("OOMKIT_MMAP");
		}
		struct report_line l;
		size_t got = 0;
		while (report_scanner_next(sc, false, &l) > 0)
			got++;
		CHECK_INT(got, 0);
		uint64_t ex = report_scanner_examined(sc);
		CHECK(ex < 10);
		if (getenv("SHOWEX") || ex >= 10)
			printf("  examined %llu lines (%s)\n", (unsigned long long)ex, mode ? "read" : "in place");
		report_scanner_close(sc);
		if (fd >= 0)
			close(fd);
	}
	buf_release(&b);
}

/* The next line of a list is no wrapped line's rest: after a list item of
 * a kernel line in backticks, any item (R6299); after any line, an item of
 * prose that opens with a capital or a bold mark (R4412, R3970). */
TEST(test_list_items_are_not_wrapped_rests)
{
	static const char md[] =
		"- `Memory cgroup out of memory: Killed process 2362136 (systemd-network)`\n"
		"- later: `oom_reaper: reaped process 2362337 (socat)`\n";
	struct lines L;
	scan_mem(md, sizeof(md) - 1, true, &L);
	size_t a = find_line(&L, "Memory cgroup out of memory: Killed process 2362136 (systemd-network)");
	CHECK(a != (size_t)-1);
	if (a != (size_t)-1)
		CHECK_STR(L.text[a], "Memory cgroup out of memory: Killed process 2362136 (systemd-network)");
	lines_free(&L);

	static const char prose[] =
		"Killed process 106738 (prometheus) total-vm:8912708kB, anon-rss:2089204kB\n"
		"- Prometheus was using **~2GB RSS** when killed\n"
		"Killed process 106739 (prometheus) total-vm:8912708kB, anon-rss:2089204kB\n"
		"* **why**: the limit\n";
	scan_mem(prose, sizeof(prose) - 1, true, &L);
	a = find_line(&L, "Killed process 106738");
	size_t b = find_line(&L, "Killed process 106739");
	CHECK(a != (size_t)-1 && b != (size_t)-1);
	if (a != (size_t)-1 && b != (size_t)-1) {
		CHECK_STR(L.text[a], "Killed process 106738 (prometheus) total-vm:8912708kB, anon-rss:2089204kB");
		CHECK_STR(L.text[b], "Killed process 106739 (prometheus) total-vm:8912708kB, anon-rss:2089204kB");
	}
	lines_free(&L);
}

/* "Memory cgroup stats for %s:" cut after one of the path's '/' (R6296):
 * the rest is the path's next name up to the ':', joined without a blank. */
TEST(test_memcg_stats_path_cut_at_a_slash)
{
	static const char txt[] =
		"Memory cgroup stats for /kubepods/burstable/pod0bcd15d8-e967-4263-adec-b7440f94527c/\n"
		"70f66974fa4319ae6e34ca122a998b620c61064eb58ad67edacdad13a0d35d4a: cache:1663744KB rss:436736KB\n";
	struct lines L;
	scan_mem(txt, sizeof(txt) - 1, true, &L);
	size_t a = find_line(&L, "Memory cgroup stats for ");
	CHECK(a != (size_t)-1);
	if (a != (size_t)-1)
		CHECK_STR(L.text[a], "Memory cgroup stats for /kubepods/burstable/pod0bcd15d8-e967-4263-adec-b7440f94527c/"
				     "70f66974fa4319ae6e34ca122a998b620c61064eb58ad67edacdad13a0d35d4a: cache:1663744KB rss:436736KB");
	lines_free(&L);
}

int main(void)
{
	load_base();
	RUN(test_text_glued_before_a_short_kernel_line);
	RUN(test_mapped_file_gives_the_lines_read_gives);
	RUN(test_pipe_reads_give_the_lines_memory_gives);
	RUN(test_vm_killing_process_alone);
	RUN(test_mapped_file_that_grows_is_read_on);
	RUN(test_mapped_file_that_shrinks_ends_with_a_warning);
	RUN(test_terminal_width_cuts_join_without_blank);
	RUN(test_backslash_continued_lines_are_joined);
	RUN(test_warn_alloc_broken_before_mode_is_joined);
	RUN(test_every_transport_gives_the_kernel_lines);
	RUN(test_prefix_fields);
	RUN(test_glued_plain_paste_is_split);
	RUN(test_glued_memcg_v2_stat_dump_is_split);
	RUN(test_glued_panic_end_marker_stays_one_line);
	RUN(test_backtick_breaks_split_a_flattened_paste);
	RUN(test_string_array_lines_are_unquoted);
	RUN(test_prefilter_wrap_after_allocation);
	RUN(test_idle_prefilter_returns_markers_with_line_numbers);
	RUN(test_idle_search_examines_only_report_lines);
	RUN(test_hit_at_a_reads_edge_is_judged_after_the_next_read);
	RUN(test_util_linux_continuation_lines);
	RUN(test_indented_paste);
	RUN(test_pager_truncation_and_mail_wrap_in_corpus);
	RUN(test_noise_and_no_header);
	RUN(test_kmsg_escapes_and_dictionary);
	RUN(test_rfc5424_wire_format);
	RUN(test_more_dmesg_time_formats);
	RUN(test_grep_output_prefixes);
	RUN(test_journal_unix_and_full);
	RUN(test_rsyslog_tab_escape);
	RUN(test_fullwidth_punctuation_and_nbsp);
	RUN(test_newest_first_file_turned_back);
	RUN(test_html_paragraph_before_a_stamp);
	RUN(test_empty_and_tiny_inputs);
	RUN(test_binary_junk_and_nul);
	RUN(test_overlong_line);
	RUN(test_large_input_from_pipe);
	RUN(test_compressed_inputs);
	RUN(test_compressed_corrupt_and_missing_tool);
	RUN(test_early_close_of_decompressor);
	RUN(test_markers);
	RUN(test_repaired_pastes_parse_alike);
	RUN(test_backfill_holds_a_3000_row_task_table);
	RUN(test_tail_after_report_gives_its_arch);
	RUN(test_double_panic_line_is_one_panic);
	RUN(test_tagless_syslog_host);
	RUN(test_boot_banner_dates_and_splits_boots);
	RUN(test_task_rows_broken_at_their_head_are_joined);
	RUN(test_syslog_prefixes_inside_wrapped_lines_are_cut);
	RUN(test_elision_mark_before_a_kernel_line_is_a_record);
	RUN(test_dmesg_stamps_inside_wrapped_lines_are_cut);
	RUN(test_relay_words_before_syslog_records_are_learned);
	RUN(test_last_line_cut_inside_its_prefix_is_no_rest);
	RUN(test_list_items_are_not_wrapped_rests);
	RUN(test_memcg_stats_path_cut_at_a_slash);
	lines_free(&base);
	return check_summary();
}
