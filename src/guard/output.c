/* output.c — where the guard speaks: fixed-buffer FILE sinks, log lines on
 * stderr (with <N> priorities when stderr is the journal), and sd_notify,
 * written here so the binary needs nothing but libc. */
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <time.h>
#include <unistd.h>

#include "guard/guard.h"
#include "util/util.h"

static ssize_t sink_write(void *cookie, const char *data, size_t len)
{
	struct guard_sink *s = cookie;
	size_t room = s->cap - s->len;
	size_t n = len < room ? len : room;
	memcpy(s->buf + s->len, data, n);
	s->len += n;
	if (n < len)
		s->overflow = true;
	return (ssize_t)len;      /* never an error: the caller checks overflow */
}

int guard_sink_open(struct guard_sink *s, char *buf, size_t cap)
{
	s->buf = buf;
	s->cap = cap;
	s->len = 0;
	s->overflow = false;
	cookie_io_functions_t io = { .read = NULL, .write = sink_write, .seek = NULL, .close = NULL };
	s->f = fopencookie(s, "w", io);
	if (!s->f)
		return -errno;
	setvbuf(s->f, NULL, _IONBF, 0);
	return 0;
}

void guard_sink_reset(struct guard_sink *s)
{
	fflush(s->f);
	s->len = 0;
	s->overflow = false;
}

void guard_sink_close(struct guard_sink *s)
{
	if (s->f)
		fclose(s->f);
	s->f = NULL;
}

int guard_sink_save(struct guard_sink *s, const char *path)
{
	char tmp[OOM_PATH_LEN + 16];
	fflush(s->f);
	int n = snprintf(tmp, sizeof(tmp), "%s.tmp", path);
	if (n < 0 || (size_t)n >= sizeof(tmp))
		return -ENAMETOOLONG;
	/* The temporary is made new (O_EXCL) and never through a symlink
	 * (O_NOFOLLOW): whoever could plant one would have the guard (root)
	 * write where they chose.  A stale regular temporary of our own (a
	 * crash between open and rename) is removed once; anything else in
	 * its place (a symlink, another user's file) is refused. */
	int fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0644);
	if (fd < 0 && errno == EEXIST) {
		struct stat st;
		if (lstat(tmp, &st) == 0 && S_ISREG(st.st_mode) && st.st_uid == geteuid() && unlink(tmp) == 0)
			fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0644);
		else
			errno = EEXIST;
	}
	if (fd < 0)
		return -errno;
	size_t off = 0;
	while (off < s->len) {
		ssize_t w = write(fd, s->buf + off, s->len - off);
		if (w < 0) {
			if (errno == EINTR)
				continue;
			int e = errno;
			close(fd);
			unlink(tmp);
			return -e;
		}
		off += (size_t)w;
	}
	if (close(fd) != 0 || rename(tmp, path) != 0) {
		int e = errno;
		unlink(tmp);
		return -e;
	}
	return 0;
}

static bool log_journal;
#define LOG_REPEAT_NS 10000000000ull

void guard_log_init(void)
{
	/* JOURNAL_STREAM=dev:ino names the journal's socket; it only counts when
	 * it is still our stderr (systemd.exec(5)). */
	const char *js = getenv("JOURNAL_STREAM");
	struct stat st;
	log_journal = false;
	if (!js || fstat(2, &st) != 0)
		return;
	char want[64];
	snprintf(want, sizeof(want), "%llu:%llu", (unsigned long long)st.st_dev,
		 (unsigned long long)st.st_ino);
	log_journal = strcmp(js, want) == 0;
}

static void vlog(int prio, bool limited, const char *fmt, va_list ap0)
{
	char line[1024];
	int off = 0;
	if (log_journal)
		off = snprintf(line, sizeof(line), "<%d>", prio);
	else {
		const char *tag = prio <= GLOG_ERR ? "error: " : prio == GLOG_WARNING ? "warning: " : "";
		off = snprintf(line, sizeof(line), "oomkit guard: %s", tag);
	}
	/* The message may quote outside text (a config value, a cgroup path):
	 * no control byte reaches the terminal or the journal. */
	char msg[1024];
	va_list ap;
	va_copy(ap, ap0);
	int n = vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	if (n < 0 || off < 0)
		return;
	size_t mlen = (size_t)n < sizeof(msg) ? (size_t)n : sizeof(msg) - 1;
	size_t len = (size_t)off + escape_term_to(line + off, sizeof(line) - (size_t)off - 1, msg, mlen, true);
	line[len++] = '\n';
	/* A flood of one line (a fork bomb, a cgroup that stays full) is said
	 * once per LOG_REPEAT_NS, then with the count of the ones held back. */
	static char last[sizeof(line)];
	static size_t last_len;
	static uint64_t last_ns;
	static unsigned long repeated;
	uint64_t now = guard_now_ns();
	if (limited && len == last_len && !memcmp(line, last, len) && now - last_ns < LOG_REPEAT_NS) {
		repeated++;
		return;
	}
	if (repeated) {
		char rep[128];
		int rl = log_journal ? snprintf(rep, sizeof(rep), "<%d>previous message repeated %lu times\n", prio, repeated)
				     : snprintf(rep, sizeof(rep), "oomkit guard: previous message repeated %lu times\n", repeated);
		if (rl > 0) {
			ssize_t w = write(2, rep, (size_t)rl);
			(void)w;
		}
		repeated = 0;
	}
	memcpy(last, line, len);
	last_len = len;
	last_ns = now;
	ssize_t w = write(2, line, len);
	(void)w;
}

void guard_log(int prio, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vlog(prio, true, fmt, ap);
	va_end(ap);
}

void guard_log_periodic(int prio, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vlog(prio, false, fmt, ap);
	va_end(ap);
}

int guard_notify(const char *msg)
{
	const char *path = getenv("NOTIFY_SOCKET");
	if (!path || !*path)
		return 0;
	struct sockaddr_un sa;
	memset(&sa, 0, sizeof(sa));
	sa.sun_family = AF_UNIX;
	size_t plen = strlen(path);
	if ((path[0] != '/' && path[0] != '@') || plen >= sizeof(sa.sun_path))
		return -EINVAL;
	memcpy(sa.sun_path, path, plen);
	if (path[0] == '@')
		sa.sun_path[0] = '\0';     /* abstract socket */
	int fd = socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
	if (fd < 0)
		return -errno;
	socklen_t slen = (socklen_t)(offsetof(struct sockaddr_un, sun_path) + plen);
	ssize_t n = sendto(fd, msg, strlen(msg), MSG_NOSIGNAL, (struct sockaddr *)&sa, slen);
	int e = n < 0 ? -errno : 0;
	close(fd);
	return e;
}

uint64_t guard_watchdog_usec(void)
{
	const char *us = getenv("WATCHDOG_USEC"), *pid = getenv("WATCHDOG_PID");
	uint64_t v, p;
	if (!us || parse_u64(us, (size_t)-1, &v) != 0)
		return 0;
	if (pid && (parse_u64(pid, (size_t)-1, &p) != 0 || p != (uint64_t)getpid()))
		return 0;
	return v;
}
