/* monitor.c — the scopes the guard watches and how it learns they change.
 *
 * Machine: /proc/meminfo MemAvailable and SwapFree against percentages of
 * MemTotal and SwapTotal, like earlyoom, plus /proc/pressure/memory.
 * cgroup v2: memory.current against memory.max, minus the file LRU the
 * kernel would reclaim first; memory.events for the kernel's kills.
 * cgroup v1: memory.usage_in_bytes against memory.limit_in_bytes, same
 * file-LRU correction from memory.stat; memory.oom_control.
 *
 * Event sources, each used when the kernel has it:
 *  - PSI triggers, poll(POLLPRI) (kernel/sched/psi.c, 5.2+); without
 *    CAP_SYS_RESOURCE only windows that are multiples of 2 s (6.1.119+/6.4+);
 *  - v1 usage thresholds through eventfd + cgroup.event_control
 *    (mm/memcontrol-v1.c, 2.6.34+), fired from the charge path;
 *  - v1 OOM notification (memory.oom_control eventfd, 2.6.35+);
 *  - v2 memory.events kernfs notification (poll POLLPRI, 4.5+).
 * Fixed file descriptors, pread() into static buffers: nothing allocated. */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/eventfd.h>
#include <unistd.h>

#include "guard/guard.h"
#include "live/live.h"
#include "util/util.h"

static char text[16384];
static char meminfo_text[8192];
static struct guard_rec meminfo_rec;

const struct guard_rec *guard_scope_meminfo(void)
{
	return &meminfo_rec;
}

/* The machine scope on a cgroup v1 host: the root memory cgroup counts
 * every page charged anywhere (mm/memcontrol-v1.c mem_cgroup_usage: file +
 * anon of the whole machine) and its usage thresholds fire from the charge
 * path of any cgroup below it (memcg1_check_events walks up to the root),
 * so the idle guard needs no timer to notice memory filling.  Only the
 * hierarchy's real root (release_agent is shown there alone; a cgroup
 * namespace's root lacks it): a container's own cgroup would miss the rest
 * of the machine.  cgroup v2 has no usage file at its root. */
static void open_root_memcg(struct guard_scope *s)
{
	int d = open("/sys/fs/cgroup/memory", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (d < 0)
		return;
	if (faccessat(d, "release_agent", F_OK, 0) == 0 && faccessat(d, "cgroup.event_control", W_OK, 0) == 0)
		s->fd_root_usage = openat(d, "memory.usage_in_bytes", O_RDONLY | O_CLOEXEC);
	close(d);
}

static void scope_fds_reset(struct guard_scope *sc)
{
	sc->dirfd = sc->fd_main = sc->fd_limit = sc->fd_stat = sc->fd_events = -1;
	sc->fd_psi = sc->fd_psi_read = sc->efd_oom = -1;
	sc->fd_swap_limit = sc->fd_swappiness = sc->fd_root_usage = sc->fd_high = -1;
	sc->armed_high_kib = OOM_NA;
	for (int i = 0; i < 3; i++)
		sc->efd_usage[i] = -1;
}

int guard_scope_open(struct guard_scope *sc, const char *dir, char *err, size_t errlen)
{
	struct guard_scope s;
	memset(&s, 0, sizeof(s));
	scope_fds_reset(&s);
	s.total_kib = s.avail_kib = s.usage_kib = s.file_kib = s.high_kib = OOM_NA;
	s.swap_total_kib = s.swap_free_kib = s.kernel_oom_kills = OOM_NA;
	s.term_kib = s.kill_kib = s.warn_kib = s.root_usage_kib = OOM_NA;
	s.warn_armed = true;
	if (!dir || !*dir) {
		s.kind = SCOPE_MACHINE;
		str_copy(s.name, sizeof(s.name), "machine", 7);
		s.fd_main = open("/proc/meminfo", O_RDONLY | O_CLOEXEC);
		if (s.fd_main < 0) {
			snprintf(err, errlen, "/proc/meminfo: %s", strerror(errno));
			return -errno;
		}
		s.fd_stat = open("/proc/vmstat", O_RDONLY | O_CLOEXEC);
		s.fd_psi_read = open("/proc/pressure/memory", O_RDONLY | O_CLOEXEC);
		open_root_memcg(&s);
		*sc = s;
		return 0;
	}
	str_copy(s.name, sizeof(s.name), dir, strlen(dir));
	s.dirfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (s.dirfd < 0) {
		int e = errno;
		snprintf(err, errlen, "%s: %s", dir, strerror(e));
		return -e;
	}
	if (faccessat(s.dirfd, "memory.current", R_OK, 0) == 0) {
		s.kind = SCOPE_CGROUP_V2;
		s.fd_main = openat(s.dirfd, "memory.current", O_RDONLY | O_CLOEXEC);
		s.fd_limit = openat(s.dirfd, "memory.max", O_RDONLY | O_CLOEXEC);
		s.fd_events = openat(s.dirfd, "memory.events", O_RDONLY | O_CLOEXEC);
		s.fd_psi_read = openat(s.dirfd, "memory.pressure", O_RDONLY | O_CLOEXEC);
		s.fd_swap_limit = openat(s.dirfd, "memory.swap.max", O_RDONLY | O_CLOEXEC);
		s.fd_high = openat(s.dirfd, "memory.high", O_RDONLY | O_CLOEXEC);
	} else if (faccessat(s.dirfd, "memory.usage_in_bytes", R_OK, 0) == 0) {
		s.kind = SCOPE_CGROUP_V1;
		s.fd_main = openat(s.dirfd, "memory.usage_in_bytes", O_RDONLY | O_CLOEXEC);
		s.fd_limit = openat(s.dirfd, "memory.limit_in_bytes", O_RDONLY | O_CLOEXEC);
		s.fd_events = openat(s.dirfd, "memory.oom_control", O_RDONLY | O_CLOEXEC);
		s.fd_swap_limit = openat(s.dirfd, "memory.memsw.limit_in_bytes", O_RDONLY | O_CLOEXEC);
		s.fd_swappiness = openat(s.dirfd, "memory.swappiness", O_RDONLY | O_CLOEXEC);
	} else {
		snprintf(err, errlen, "%s: not a memory cgroup directory (no memory.current or memory.usage_in_bytes)", dir);
		close(s.dirfd);
		return -ENOTDIR;
	}
	s.fd_stat = openat(s.dirfd, "memory.stat", O_RDONLY | O_CLOEXEC);
	if (s.fd_main < 0 || s.fd_limit < 0) {
		int e = errno;
		snprintf(err, errlen, "%s: cannot open the usage or limit file: %s", dir, strerror(e));
		guard_scope_close(&s);
		return -e;
	}
	*sc = s;
	return 0;
}

static void close_fd(int *fd)
{
	if (*fd >= 0)
		close(*fd);
	*fd = -1;
}

/* Writes memory.high (bytes, or "max" for OOM_NA); 0 or -errno. */
static int write_high(int dirfd, int64_t kib)
{
	int fd = openat(dirfd, "memory.high", O_WRONLY | O_TRUNC | O_CLOEXEC);
	if (fd < 0)
		return -errno;
	char v[32];
	int n = known(kib) ? snprintf(v, sizeof(v), "%lld", (long long)kib * 1024) : snprintf(v, sizeof(v), "max");
	int rc = write(fd, v, (size_t)n) == n ? 0 : -errno;
	close(fd);
	return rc;
}

static int read_kib_file(int fd, int64_t *out_kib);

void guard_scope_close(struct guard_scope *sc)
{
	/* Put back the 'max' we replaced, unless somebody (systemd, the
	 * operator) has written memory.high since: theirs stays. */
	int64_t now_kib = OOM_NA;
	if (known(sc->armed_high_kib) && sc->dirfd >= 0 && sc->fd_high >= 0 &&
	    read_kib_file(sc->fd_high, &now_kib) == 0 && known(now_kib) &&
	    now_kib == sc->armed_high_kib)
		write_high(sc->dirfd, OOM_NA);
	sc->armed_high_kib = OOM_NA;
	close_fd(&sc->fd_high);
	close_fd(&sc->fd_main);
	close_fd(&sc->fd_limit);
	close_fd(&sc->fd_stat);
	close_fd(&sc->fd_events);
	close_fd(&sc->fd_psi);
	close_fd(&sc->fd_psi_read);
	close_fd(&sc->efd_oom);
	close_fd(&sc->fd_swap_limit);
	close_fd(&sc->fd_swappiness);
	close_fd(&sc->fd_root_usage);
	for (int i = 0; i < 3; i++)
		close_fd(&sc->efd_usage[i]);
	close_fd(&sc->dirfd);
}

int guard_scope_drain(int fd)
{
	char b[256];
	/* eventfd: an 8-byte counter (read resets it); kernfs files (memory.events)
	 * stay POLLPRI until read again from the start; PSI triggers need no
	 * read.  A read failing with ENODEV: the cgroup is gone. */
	ssize_t n = pread(fd, b, sizeof(b), 0);
	if (n < 0 && errno == ESPIPE)
		n = read(fd, b, sizeof(b));
	if (n < 0 && errno != EAGAIN && errno != EINTR)
		return -errno;
	return 0;
}

/* PSI text through live/parse_psi.c, kept in the guard's own compact form. */
int guard_parse_psi(const char *s, struct guard_psi *out)
{
	struct oom_pressure p;
	if (live_parse_psi(s, strlen(s), &p) != 0 || !p.some.known)
		return -EINVAL;
	struct guard_psi r;
	memset(&r, 0, sizeof(r));
	r.known = true;
	r.some_avg10 = p.some.avg10;
	r.some_total_us = p.some.total_us;
	if (p.full.known) {
		r.full_avg10 = p.full.avg10;
		r.full_avg60 = p.full.avg60;
		r.full_total_us = p.full.total_us;
	}
	*out = r;
	return 0;
}

/* A PSI trigger on path (absolute, or relative to dirfd). */
static int psi_trigger(int dirfd, const char *path, int stall_ms, int window_ms, int *window_used)
{
	int fd = openat(dirfd, path, O_RDWR | O_NONBLOCK | O_CLOEXEC);
	if (fd < 0)
		return -errno;
	char cmd[64];
	int n = snprintf(cmd, sizeof(cmd), "some %d %d", stall_ms * 1000, window_ms * 1000);
	if (write(fd, cmd, (size_t)n + 1) >= 0) {
		*window_used = window_ms;
		return fd;
	}
	int e = errno;
	/* Unprivileged writers (no CAP_SYS_RESOURCE) may only use windows that are
	 * multiples of 2 s, serviced by the averaging worker (6.1.119+/6.4+). */
	if (e == EINVAL || e == EPERM) {
		int w = ((window_ms + 1999) / 2000) * 2000;
		int st = (int)((int64_t)stall_ms * w / window_ms);
		n = snprintf(cmd, sizeof(cmd), "some %d %d", st * 1000, w * 1000);
		if (write(fd, cmd, (size_t)n + 1) >= 0) {
			*window_used = w;
			return fd;
		}
		e = errno;
	}
	close(fd);
	return -e;
}

static int v1_register(int dirfd, int target_fd, const char *arg)
{
	int efd = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
	if (efd < 0)
		return -errno;
	int ctl = openat(dirfd, "cgroup.event_control", O_WRONLY | O_CLOEXEC);
	if (ctl < 0) {
		int e = errno;
		close(efd);
		return -e;
	}
	char cmd[96];
	int n = arg ? snprintf(cmd, sizeof(cmd), "%d %d %s", efd, target_fd, arg)
		    : snprintf(cmd, sizeof(cmd), "%d %d", efd, target_fd);
	int rc = write(ctl, cmd, (size_t)n) == n ? 0 : -errno;
	close(ctl);
	if (rc < 0) {
		close(efd);
		return rc;
	}
	return efd;
}

int64_t guard_threshold_kib(int64_t total_kib, int percent, bool percent_set, int min_mib)
{
	if (!known(total_kib))
		return OOM_NA;
	int64_t p = total_kib * percent / 100;
	if (min_mib <= 0)
		return p;
	int64_t m = (int64_t)min_mib * 1024;
	if (m > total_kib)
		m = total_kib;
	/* A size alone replaces the default percentage (earlyoom main.c,
	 * "Merge -M with -m values": -M alone).  Both given: the larger
	 * threshold, so both promises hold (at least SIZE MiB and at least the
	 * percentage available).  earlyoom takes the lower of both there; the
	 * guard acts when either bound is crossed, the safe side for an
	 * operator who wrote down two floors. */
	if (!percent_set)
		return m;
	return p > m ? p : m;
}

void guard_scope_arm(struct guard_scope *sc, const struct guard_config *c, char *degraded, size_t dlen)
{
	size_t used = strlen(degraded);
#define DEGRADE(...) do { if (used < dlen) { \
	int w_ = snprintf(degraded + used, dlen - used, __VA_ARGS__); \
	if (w_ > 0) used += (size_t)w_; } } while (0)
	/* Read once so the thresholds are known. */
	guard_scope_read(sc, c);
	if (c->psi_stall_ms > 0) {
		int fd = -ENOENT;
		if (sc->kind == SCOPE_MACHINE)
			fd = psi_trigger(AT_FDCWD, "/proc/pressure/memory", c->psi_stall_ms, c->psi_window_ms,
					 &sc->psi_window_ms);
		else if (sc->kind == SCOPE_CGROUP_V2)
			fd = psi_trigger(sc->dirfd, "memory.pressure", c->psi_stall_ms, c->psi_window_ms,
					 &sc->psi_window_ms);
		if (fd >= 0) {
			sc->fd_psi = fd;
			if (sc->psi_window_ms != c->psi_window_ms)
				DEGRADE("%s: PSI trigger window rounded to %d ms (no CAP_SYS_RESOURCE)\n",
					sc->name, sc->psi_window_ms);
		} else if (sc->kind != SCOPE_CGROUP_V1) {
			DEGRADE("%s: no PSI trigger (%s): polling only\n", sc->name, strerror(-fd));
		}
		if (sc->kind == SCOPE_MACHINE && sc->fd_psi_read < 0)
			DEGRADE("machine: no /proc/pressure/memory (kernel without PSI or psi=0)\n");
	}
	if (sc->kind == SCOPE_CGROUP_V1) {
		DEGRADE("%s: cgroup v1 only: no memory.pressure, no cgroup.kill; using usage eventfds\n",
			sc->name);
		if (known(sc->total_kib)) {
			/* Usage thresholds where the scope would be near, at term and at
			 * kill if none of its memory were file cache: the earliest moment
			 * it can matter.  The fresh reading then decides. */
			int64_t at[3] = {
				sc->total_kib - 2 * sc->term_kib,
				sc->total_kib - sc->term_kib,
				sc->total_kib - sc->kill_kib,
			};
			for (int i = 0; i < 3; i++) {
				char arg[32];
				snprintf(arg, sizeof(arg), "%lld", (long long)(at[i] > 0 ? at[i] : 1) * 1024);
				int efd = v1_register(sc->dirfd, sc->fd_main, arg);
				if (efd < 0) {
					DEGRADE("%s: usage threshold eventfd failed (%s): polling only\n", sc->name,
						strerror(-efd));
					break;
				}
				sc->efd_usage[i] = efd;
			}
		} else {
			DEGRADE("%s: no memory limit: only the kernel's OOM kills are seen there\n", sc->name);
		}
		if (sc->fd_events >= 0) {
			int efd = v1_register(sc->dirfd, sc->fd_events, NULL);
			if (efd >= 0)
				sc->efd_oom = efd;
		}
	}
	if (sc->kind == SCOPE_MACHINE && sc->fd_root_usage >= 0 && known(sc->total_kib) && known(sc->term_kib)) {
		/* The root memcg's usage where the machine would be near, at term
		 * and at kill if none of it were page cache (as for a v1 cgroup). */
		int d = open("/sys/fs/cgroup/memory", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
		int64_t at[3] = { sc->total_kib - 2 * sc->term_kib, sc->total_kib - sc->term_kib,
				  sc->total_kib - sc->kill_kib };
		for (int i = 0; d >= 0 && i < 3; i++) {
			char arg[32];
			snprintf(arg, sizeof(arg), "%lld", (long long)(at[i] > 0 ? at[i] : 1) * 1024);
			int efd = v1_register(d, sc->fd_root_usage, arg);
			if (efd < 0)
				break;
			sc->efd_usage[i] = efd;
		}
		if (d >= 0)
			close(d);
	}
	if (sc->kind == SCOPE_CGROUP_V2 && !known(sc->total_kib))
		DEGRADE("%s: memory.max is 'max': only the kernel's OOM kills are seen there\n", sc->name);
	if (sc->kind == SCOPE_CGROUP_V2 && known(sc->total_kib) && known(sc->term_kib)) {
		/* cgroup v2 has no usage thresholds (v1's cgroup.event_control is
		 * gone); the one usage point the kernel reports is memory.high: a
		 * charge above it raises MEMCG_HIGH in memory.events and notifies
		 * its pollers (mm/memcontrol.c reclaim_high → memcg_memory_event →
		 * cgroup_file_notify, 4.5+).  Below the term point the scope cannot
		 * be short (available ≥ limit − usage), so a memory.high at or
		 * below it lets the guard sleep (guard_scope_calm). */
		int64_t at = sc->total_kib - sc->term_kib;
		if (c->arm_memory_high && !known(sc->high_kib) && sc->fd_high >= 0 && at > 0) {
			int rc = c->dry_run ? -EROFS : write_high(sc->dirfd, at);
			if (rc == 0) {
				/* What the kernel keeps (whole pages), to know it as ours at exit. */
				if (read_kib_file(sc->fd_high, &sc->high_kib) < 0)
					sc->high_kib = at;
				sc->armed_high_kib = sc->high_kib;
			} else {
				DEGRADE("%s: arm-memory-high: cannot write memory.high (%s): polling\n", sc->name,
					c->dry_run ? "dry run" : strerror(-rc));
			}
		}
		if (!known(sc->high_kib) || sc->high_kib > at)
			DEGRADE("%s: cgroup v2 without a memory.high at or below the term point: polled, "
				"at most %d ms apart (arm-memory-high = yes lets the kernel wake the guard)\n",
				sc->name, c->poll_max_ms);
	}
#undef DEGRADE
}

/* A byte-value file (live_parse_memcg_bytes); unlimited → OOM_NA here:
 * a scope without a limit has no threshold. */
static int read_kib_file(int fd, int64_t *out_kib)
{
	ssize_t n = guard_pread(fd, text, 64);
	if (n < 0)
		return (int)n;
	int64_t kib;
	if (live_parse_memcg_bytes(text, (size_t)n, &kib) != 0)
		return -EINVAL;
	*out_kib = is_unlimited(kib) ? OOM_NA : kib;
	return 0;
}

static enum guard_level level_for(int64_t avail, int64_t term, int64_t kill)
{
	if (!known(avail) || !known(term))
		return LEVEL_OK;
	if (avail < kill)
		return LEVEL_KILL;
	if (avail < term)
		return LEVEL_TERM;
	return LEVEL_OK;
}

int guard_scope_read(struct guard_scope *sc, const struct guard_config *c)
{
	enum guard_level lv = LEVEL_OK;
	if (sc->kind == SCOPE_MACHINE) {
		ssize_t n = guard_pread(sc->fd_main, meminfo_text, sizeof(meminfo_text));
		if (n < 0)
			return (int)n;
		/* Parsed whole, once: the recorder takes its snapshot from it. */
		guard_meminfo_parse(meminfo_text, (size_t)n, &meminfo_rec);
		const struct guard_rec *m = &meminfo_rec;
		int64_t total = m->mem_total;
		int64_t avail = known(m->mem_available) ? m->mem_available : m->mem_free;  /* < 3.14 */
		int64_t stot = known(m->swap_total) ? m->swap_total : 0;
		int64_t sfree = known(m->swap_free) ? m->swap_free : 0;
		sc->total_kib = total;
		sc->avail_kib = avail;
		sc->swap_total_kib = stot;
		sc->swap_free_kib = sfree;
		sc->term_kib = guard_threshold_kib(total, c->mem_term_percent, c->mem_percent_set, c->mem_min_mib[0]);
		sc->kill_kib = guard_threshold_kib(total, c->mem_kill_percent, c->mem_percent_set, c->mem_min_mib[1]);
		sc->warn_kib = c->warn_mem_percent || c->warn_mem_min_mib
				       ? guard_threshold_kib(total, c->warn_mem_percent, c->warn_mem_percent > 0,
							     c->warn_mem_min_mib) : OOM_NA;
		if (sc->fd_root_usage >= 0 && read_kib_file(sc->fd_root_usage, &sc->root_usage_kib) < 0)
			sc->root_usage_kib = OOM_NA;
		enum guard_level ml = level_for(avail, sc->term_kib, sc->kill_kib);
		/* With swap, memory is short only when swap is short too (earlyoom). */
		if (stot > 0) {
			enum guard_level sl = level_for(sfree, guard_threshold_kib(stot, c->swap_term_percent,
										   c->swap_percent_set, c->swap_min_mib[0]),
							guard_threshold_kib(stot, c->swap_kill_percent,
									    c->swap_percent_set, c->swap_min_mib[1]));
			lv = ml < sl ? ml : sl;
		} else {
			lv = ml;
		}
	} else {
		int64_t usage = OOM_NA, limit = OOM_NA;
		int rc = read_kib_file(sc->fd_main, &usage);
		if (rc < 0)
			return rc;
		rc = read_kib_file(sc->fd_limit, &limit);
		if (rc < 0)
			return rc;
		int64_t file = 0;
		ssize_t sn;
		struct oom_memcg mc;
		memcg_init(&mc);
		if (sc->fd_stat >= 0 && (sn = guard_pread(sc->fd_stat, text, sizeof(text))) > 0 &&
		    live_parse_memcg_stat(text, (size_t)sn, sc->kind == SCOPE_CGROUP_V1 ? 1 : 2, &mc) == 0)
			/* v1: total_* (hierarchical) preferred by the parser; v2 is hierarchical. */
			file = (known(mc.inactive_file_kib) ? mc.inactive_file_kib : 0) +
			       (known(mc.active_file_kib) ? mc.active_file_kib : 0);
		sc->usage_kib = usage;
		sc->file_kib = file;
		if (sc->fd_high >= 0 && read_kib_file(sc->fd_high, &sc->high_kib) < 0)
			sc->high_kib = OOM_NA;
		sc->total_kib = limit;
		sc->avail_kib = known(limit) ? limit - usage + file : OOM_NA;
		if (known(sc->avail_kib) && sc->avail_kib > limit)
			sc->avail_kib = limit;
		sc->term_kib = guard_threshold_kib(limit, c->cgroup_term_percent, c->cgroup_percent_set,
						   c->cgroup_min_mib[0]);
		sc->kill_kib = guard_threshold_kib(limit, c->cgroup_kill_percent, c->cgroup_percent_set,
						   c->cgroup_min_mib[1]);
		sc->warn_kib = c->warn_cgroup_percent || c->warn_cgroup_min_mib
				       ? guard_threshold_kib(limit, c->warn_cgroup_percent, c->warn_cgroup_percent > 0,
							     c->warn_cgroup_min_mib) : OOM_NA;
		lv = level_for(sc->avail_kib, sc->term_kib, sc->kill_kib);
		ssize_t en;
		if (sc->fd_events >= 0 && (en = guard_pread(sc->fd_events, text, 1024)) > 0 &&
		    live_parse_memcg_events(text, (size_t)en, &mc) == 0 && known(mc.oom_kill_count))
			sc->kernel_oom_kills = mc.oom_kill_count;
	}
	/* The PSI trigger wakes us on a stall; the averages themselves matter
	 * for the recorder and the metrics, and for psi-full-avg10-percent.
	 * While calm and without that key, every 5 s is enough. */
	uint64_t t = guard_now_ns();
	bool calm = lv == LEVEL_OK && sc->level == LEVEL_OK && c->psi_full_avg10_percent == 0;
	if (sc->fd_psi_read >= 0 && (!calm || t >= sc->next_psi_ns)) {
		if (guard_pread(sc->fd_psi_read, text, 512) > 0)
			guard_parse_psi(text, &sc->psi);
		sc->next_psi_ns = t + (calm ? 5000000000ull : 0);
	}
	if (c->psi_full_avg10_percent > 0 && sc->psi.known &&
	    sc->psi.full_avg10 >= c->psi_full_avg10_percent && lv < LEVEL_TERM)
		lv = LEVEL_TERM;
	uint64_t now = guard_now_ns();
	sc->hist_avail_kib[sc->hist_next % GUARD_SCOPE_HIST] = sc->avail_kib;
	sc->hist_ns[sc->hist_next % GUARD_SCOPE_HIST] = now;
	sc->hist_next++;
	sc->warn_below = known(sc->warn_kib) && known(sc->avail_kib) && sc->avail_kib < sc->warn_kib;
	if (lv > sc->level) {
		sc->crossed_ns = now;
		sc->crossings_total++;
	}
	sc->level = lv;
	sc->read_ns = now;
	return lv;
}

int guard_scope_poll_ms(const struct guard_scope *sc, const struct guard_config *c)
{
	if (sc->read_failed || !known(sc->avail_kib) || !known(sc->kill_kib))
		return c->poll_max_ms;
	if (sc->level != LEVEL_OK)
		return c->poll_min_ms;
	/* Below the "near" usage threshold the kernel tells us when usage
	 * gets there: the poll is a safety net, not a watch. */
	if (guard_scope_calm(sc))
		return c->poll_max_ms > GUARD_CALM_MS ? c->poll_max_ms : GUARD_CALM_MS;
	/* Time to reach the kill threshold at a fast fill rate (about 4 GiB/s:
	 * a single thread touching fresh pages), so polling never sleeps past it;
	 * the event sources usually wake us well before that. */
	int64_t headroom = sc->avail_kib - sc->kill_kib;
	if (sc->swap_total_kib > 0 && known(sc->swap_free_kib))
		headroom += sc->swap_free_kib;
	int64_t ms = headroom / 4096;
	if (ms < c->poll_min_ms)
		ms = c->poll_min_ms;
	if (ms > c->poll_max_ms)
		ms = c->poll_max_ms;
	return (int)ms;
}

bool guard_scope_calm(const struct guard_scope *sc)
{
	if (sc->read_failed || sc->level != LEVEL_OK || !known(sc->total_kib) || !known(sc->term_kib))
		return false;
	/* v2: the kernel tells us when usage passes memory.high (memory.events,
	 * polled for POLLPRI); with that at or below the term point, usage
	 * under it means the scope cannot be short yet. */
	if (sc->kind == SCOPE_CGROUP_V2)
		return sc->fd_events >= 0 && known(sc->high_kib) && known(sc->usage_kib) &&
		       sc->high_kib <= sc->total_kib - sc->term_kib && sc->usage_kib < sc->high_kib;
	if (sc->efd_usage[0] < 0)
		return false;
	int64_t usage = sc->kind == SCOPE_MACHINE ? sc->root_usage_kib
		      : sc->kind == SCOPE_CGROUP_V1 ? sc->usage_kib : OOM_NA;
	return known(usage) && usage < sc->total_kib - 2 * sc->term_kib;
}

int64_t guard_scope_ms_to_kill(const struct guard_scope *sc)
{
	if (!known(sc->avail_kib) || !known(sc->kill_kib) || sc->hist_next < 2)
		return INT64_MAX;
	if (sc->avail_kib <= sc->kill_kib)
		return 0;
	unsigned last = (sc->hist_next - 1) % GUARD_SCOPE_HIST;
	uint64_t now = sc->hist_ns[last];
	/* The oldest reading of the last second (at least 2 ms back, so one
	 * noisy pair of reads does not make a rate). */
	int64_t from_kib = OOM_NA;
	uint64_t from_ns = 0;
	unsigned n = sc->hist_next < GUARD_SCOPE_HIST ? sc->hist_next : GUARD_SCOPE_HIST;
	for (unsigned k = n - 1; k >= 1; k--) {
		unsigned i = (sc->hist_next - 1 - k) % GUARD_SCOPE_HIST;
		if (now - sc->hist_ns[i] <= 1000000000ull && now - sc->hist_ns[i] >= 2000000ull &&
		    known(sc->hist_avail_kib[i])) {
			from_kib = sc->hist_avail_kib[i];
			from_ns = sc->hist_ns[i];
			break;
		}
	}
	if (!known(from_kib) || from_kib <= sc->hist_avail_kib[last])
		return INT64_MAX;
	double kib_per_ms = (double)(from_kib - sc->hist_avail_kib[last]) / ((double)(now - from_ns) / 1e6);
	return (int64_t)((double)(sc->avail_kib - sc->kill_kib) / kib_per_ms);
}

bool guard_scope_outruns(const struct guard_scope *sc, int64_t ms)
{
	int64_t t = guard_scope_ms_to_kill(sc);
	if (t != INT64_MAX || sc->hist_next < 2)
		return t < ms;
	/* No reading of the last second before this one: the scope went from
	 * calm (GUARD_CALM_MS apart) to the threshold within one wakeup, which
	 * is faster than any rate the readings could measure (a re-read 2 ms
	 * on says nothing when the hog is not on a CPU then).  Escalate. */
	unsigned last = (sc->hist_next - 1) % GUARD_SCOPE_HIST, prev = (sc->hist_next - 2) % GUARD_SCOPE_HIST;
	return sc->hist_ns[last] - sc->hist_ns[prev] > 1000000000ull;
}

int64_t guard_scope_unowned_kib(const struct guard_scope *sc, int64_t owned_kib)
{
	if (sc->kind == SCOPE_MACHINE)
		return machine_unmapped_shmem_kib(meminfo_rec.shmem, meminfo_rec.mapped);
	return memcg_unowned_kib(sc->usage_kib, sc->file_kib, owned_kib);
}

int64_t guard_scope_totalpages(const struct guard_scope *sc, int64_t page_kib)
{
	/* SwapTotal of the machine (total_swap_pages): the machine scope's last
	 * reading, else /proc/meminfo now (a decision, not the idle loop). */
	struct oom_mem mem;
	memset(&mem, 0, sizeof(mem));
	mem.total_kib = mem.swap_total_kib = OOM_NA;
	mem.ram_kib = mem.reserved_kib = OOM_NA;
	if (sc->kind == SCOPE_MACHINE) {
		mem.total_kib = sc->total_kib;
		mem.swap_total_kib = sc->swap_total_kib;
		return machine_totalpages(&mem, page_kib);
	}
	ssize_t n = read_small_file_at(AT_FDCWD, "/proc/meminfo", text, sizeof(text));
	if (n > 0 && live_parse_meminfo(text, (size_t)n, &mem) != 0)
		mem.swap_total_kib = OOM_NA;
	struct oom_memcg m;
	memcg_init(&m);
	m.version = sc->kind == SCOPE_CGROUP_V1 ? 1 : 2;
	m.limit_kib = known(sc->total_kib) ? sc->total_kib : OOM_UNLIMITED;
	if (sc->fd_swap_limit >= 0 && (n = guard_pread(sc->fd_swap_limit, text, 64)) > 0) {
		int64_t kib;
		if (live_parse_memcg_bytes(text, (size_t)n, &kib) == 0) {
			if (m.version == 1)
				m.memsw_limit_kib = kib;
			else
				m.swap_limit_kib = kib;
		}
	}
	int64_t v;
	if (sc->fd_swappiness >= 0 && (n = guard_pread(sc->fd_swappiness, text, 64)) > 0 &&
	    live_parse_value_i64(text, (size_t)n, &v) == 0)
		m.swappiness = v;
	int64_t vm_swappiness = OOM_NA;
	n = read_small_file_at(AT_FDCWD, "/proc/sys/vm/swappiness", text, 64);
	if (n > 0 && live_parse_value_i64(text, (size_t)n, &v) == 0)
		vm_swappiness = v;
	return memcg_totalpages(&m, mem.swap_total_kib, vm_swappiness, page_kib);
}
