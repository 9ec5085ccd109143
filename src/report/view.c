/* view.c — an input file mapped whole and read in place; see view.h. */
#include "report/view.h"

#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

/* A file that shrinks under a mapping (logrotate's copytruncate, an editor
 * rewriting it) turns a read past its new end into SIGBUS.  The handler
 * serves such a page of one of our mappings as zeros instead: it maps
 * anonymous zero pages over the rest of that mapping and marks it cut, and
 * the scanner stops at the file's new end.  A SIGBUS elsewhere goes to the
 * handler that was there before. */
#define VIEW_SLOTS 16
static struct {
	volatile uintptr_t lo, hi;     /* [lo, hi): a mapping; hi 0: free */
	volatile sig_atomic_t cut;
} slots[VIEW_SLOTS];
static struct sigaction bus_before;
static bool bus_installed;
static uintptr_t page_size;

static void on_sigbus(int sig, siginfo_t *si, void *uc)
{
	uintptr_t a = (uintptr_t)si->si_addr;
	for (int i = 0; i < VIEW_SLOTS; i++) {
		uintptr_t lo = slots[i].lo, hi = slots[i].hi;
		if (hi && a >= lo && a < hi) {
			uintptr_t at = a - a % page_size;
			if (mmap((void *)at, hi - at, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0) !=
			    MAP_FAILED) {
				slots[i].cut = 1;
				return;   /* the read runs again and finds zeros */
			}
			break;
		}
	}
	/* not ours (or no zeros to be had): as if this handler were not there */
	if (bus_before.sa_flags & SA_SIGINFO) {
		bus_before.sa_sigaction(sig, si, uc);
		return;
	}
	if (bus_before.sa_handler != SIG_DFL && bus_before.sa_handler != SIG_IGN) {
		bus_before.sa_handler(sig);
		return;
	}
	sigaction(SIGBUS, &bus_before, NULL);   /* the fault comes again, to the default action */
}

static bool bus_install(void)
{
	if (bus_installed)
		return true;
	long ps = sysconf(_SC_PAGESIZE);
	if (ps <= 0)
		return false;
	page_size = (uintptr_t)ps;
	struct sigaction sa;
	memset(&sa, 0, sizeof(sa));
	sa.sa_sigaction = on_sigbus;
	sa.sa_flags = SA_SIGINFO | SA_RESTART;
	sigemptyset(&sa.sa_mask);
	if (sigaction(SIGBUS, &sa, &bus_before) < 0)
		return false;
	bus_installed = true;
	return true;
}

static int slot_take(uintptr_t lo, uintptr_t hi)
{
	for (int i = 0; i < VIEW_SLOTS; i++)
		if (!slots[i].hi) {
			slots[i].cut = 0;
			slots[i].lo = lo;
			slots[i].hi = hi;
			return i;
		}
	return -1;
}

static bool view_wanted(void)
{
	const char *e = getenv("OOMKIT_MMAP");
	return !(e && strcmp(e, "0") == 0);
}

int view_open(struct view *v, int fd, uint64_t already, uint64_t min)
{
	memset(v, 0, sizeof(*v));
	v->slot = -1;
	struct stat st;
	if (!view_wanted() || fd < 0 || fstat(fd, &st) < 0 || !S_ISREG(st.st_mode))
		return -ENOTSUP;
	off_t at = lseek(fd, 0, SEEK_CUR);
	if (at < 0 || (uint64_t)at < already || st.st_size < at || (uint64_t)(st.st_size - at) < min)
		return -ENOTSUP;
	/* a 32-bit process keeps its address space for everything else */
	if ((uint64_t)st.st_size > (uint64_t)SIZE_MAX / 4)
		return -ENOTSUP;
	if (!bus_install())
		return -ENOTSUP;
	size_t len = (size_t)st.st_size;
	void *m = mmap(NULL, len, PROT_READ, MAP_PRIVATE, fd, 0);
	if (m == MAP_FAILED)
		return -ENOTSUP;
	int slot = slot_take((uintptr_t)m, (uintptr_t)m + len + (page_size - len % page_size) % page_size);
	if (slot < 0) {
		munmap(m, len);
		return -ENOTSUP;
	}
	v->map = m;
	v->map_len = len;
	v->slot = slot;
	v->file_off = (uint64_t)at - already;
	v->data = (const char *)m + v->file_off;
	v->len = (uint64_t)st.st_size - v->file_off;
	return 0;
}

void view_borrow(struct view *v, const char *text, size_t len)
{
	memset(v, 0, sizeof(*v));
	v->slot = -1;
	v->data = text;
	v->len = len;
}

void view_done(struct view *v, uint64_t upto)
{
	if (!v->map)
		return;
	size_t below = (size_t)(v->file_off + upto);
	below -= below % VIEW_DROP_STEP;
	if (below <= v->dropped)
		return;
	madvise((char *)v->map + v->dropped, below - v->dropped, MADV_DONTNEED);
	v->dropped = below;
}

bool view_cut(const struct view *v)
{
	return v->slot >= 0 && slots[v->slot].cut;
}

void view_close(struct view *v)
{
	if (v->map)
		munmap(v->map, v->map_len);
	if (v->slot >= 0) {
		slots[v->slot].hi = 0;
		slots[v->slot].lo = 0;
	}
	memset(v, 0, sizeof(*v));
	v->slot = -1;
}
