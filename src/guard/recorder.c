/* recorder.c — the flight recorder: a ring of compact snapshots, one a
 * second, so an incident file can show the minute before a kill.  The ring
 * is allocated once; every read goes through kept fds into static buffers. */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "guard/guard.h"
#include "live/live.h"
#include "util/util.h"

static char rtext[32768];

int guard_recorder_init(struct guard_recorder *r, int seconds, int tasks_per_rec)
{
	memset(r, 0, sizeof(*r));
	r->fd_meminfo = r->fd_vmstat = r->fd_buddy = r->fd_psi = r->fd_slab = -1;
	r->cap = seconds;
	r->tasks_per_rec = tasks_per_rec < GUARD_REC_TASKS ? tasks_per_rec : GUARD_REC_TASKS;
	if (seconds > 0) {
		r->ring = guard_alloc_zeroed((size_t)seconds * sizeof(*r->ring));
		r->task_store = guard_alloc_zeroed((size_t)seconds * GUARD_REC_TASKS * sizeof(*r->task_store));
		if (!r->ring || !r->task_store) {
			guard_free_zeroed(r->ring, (size_t)seconds * sizeof(*r->ring));
			guard_free_zeroed(r->task_store, (size_t)seconds * GUARD_REC_TASKS * sizeof(*r->task_store));
			r->ring = NULL;
			r->task_store = NULL;
			return -ENOMEM;
		}
		/* Each slot's task pointer is set when the slot is taken: setting
		 * them all here would touch every page of the ring at start. */
	}
	r->fd_meminfo = open("/proc/meminfo", O_RDONLY | O_CLOEXEC);
	r->fd_vmstat = open("/proc/vmstat", O_RDONLY | O_CLOEXEC);
	r->fd_buddy = open("/proc/buddyinfo", O_RDONLY | O_CLOEXEC);
	r->fd_psi = open("/proc/pressure/memory", O_RDONLY | O_CLOEXEC);
	r->fd_slab = open("/proc/slabinfo", O_RDONLY | O_CLOEXEC);
	return 0;
}

void guard_recorder_release(struct guard_recorder *r)
{
	int *fds[] = { &r->fd_meminfo, &r->fd_vmstat, &r->fd_buddy, &r->fd_psi, &r->fd_slab };
	for (size_t i = 0; i < ARRAY_SIZE(fds); i++)
		if (*fds[i] >= 0) {
			close(*fds[i]);
			*fds[i] = -1;
		}
	guard_free_zeroed(r->ring, (size_t)r->cap * sizeof(*r->ring));
	guard_free_zeroed(r->task_store, (size_t)r->cap * GUARD_REC_TASKS * sizeof(*r->task_store));
	r->ring = NULL;
	r->task_store = NULL;
	r->cap = r->count = 0;
}

/* /proc/meminfo (live/parse_meminfo.c) into the recorder's fields; a text
 * that does not parse leaves them all unknown. */
void guard_meminfo_parse(const char *text, size_t len, struct guard_rec *s)
{
	struct oom_mem m;
	if (live_parse_meminfo(text, len, &m) != 0) {
		for (int64_t *f = &s->mem_total; f <= &s->commit_limit; f++)
			*f = OOM_NA;
		return;
	}
	s->mem_total = m.total_kib;
	s->mem_free = m.free_kib;
	s->mem_available = m.available_kib;
	s->buffers = m.buffers_kib;
	s->cached = m.cached_kib;
	s->swap_total = m.swap_total_kib;
	s->swap_free = m.swap_free_kib;
	s->anon_pages = m.anon_pages_kib;
	s->shmem = m.shmem_kib;
	s->mapped = m.mapped_kib;
	s->slab_reclaimable = m.slab_reclaimable_kib;
	s->slab_unreclaimable = m.slab_unreclaimable_kib;
	s->kernel_stack = m.kernel_stack_kib;
	s->page_tables = m.pagetables_kib;
	s->dirty = m.dirty_kib;
	s->writeback = m.writeback_kib;
	s->unevictable = m.unevictable_kib;
	s->committed_as = m.committed_as_kib;
	s->commit_limit = m.commit_limit_kib;
}

/* /proc/vmstat (live/parse_vmstat.c); NULL or unparsable: all unknown. */
static void take_vmstat(const char *text, size_t len, struct guard_rec *s)
{
	struct oom_vmstat v;
	if (!text || live_parse_vmstat(text, len, &v) != 0)
		vmstat_init(&v);
	s->pgscan_kswapd = v.pgscan_kswapd;
	s->pgscan_direct = v.pgscan_direct;
	s->pgsteal_kswapd = v.pgsteal_kswapd;
	s->pgsteal_direct = v.pgsteal_direct;
	s->pswpin = v.pswpin;
	s->pswpout = v.pswpout;
	s->pgmajfault = v.pgmajfault;
	s->workingset_refault = v.workingset_refault;
	s->allocstall = v.allocstall;
	s->compact_stall = v.compact_stall;
	s->oom_kill = v.oom_kill;
}

static void read_buddy(struct guard_rec *s, int fd)
{
	for (int o = 0; o < GUARD_REC_ORDERS; o++)
		s->free_blocks[o] = OOM_NA;
	ssize_t n;
	int64_t blocks[GUARD_REC_ORDERS];
	int nr;
	if (fd < 0 || (n = guard_pread(fd, rtext, sizeof(rtext))) <= 0 ||
	    live_parse_buddyinfo_sum(rtext, (size_t)n, blocks, GUARD_REC_ORDERS, &nr) != 0)
		return;
	for (int o = 0; o < nr; o++)
		s->free_blocks[o] = blocks[o];
}

/* The largest caches (live/parse_slabinfo.c).  A large slabinfo is cut at
 * the buffer: the summary then covers the caches read. */
static void read_slabs(struct guard_rec *s, int fd)
{
	s->nr_slabs = 0;
	ssize_t n;
	struct oom_slab top[GUARD_REC_SLABS];
	int nr;
	long ps = sysconf(_SC_PAGESIZE);
	if (fd < 0 || (n = guard_pread(fd, rtext, sizeof(rtext))) <= 0 ||
	    live_parse_slabinfo_top(rtext, (size_t)n, ps >= 1024 ? ps / 1024 : 4, top, GUARD_REC_SLABS, &nr) != 0)
		return;
	for (int i = 0; i < nr; i++) {
		str_copy(s->slabs[i].name, sizeof(s->slabs[i].name), top[i].name, strlen(top[i].name));
		s->slabs[i].kib = top[i].total_kib;
	}
	s->nr_slabs = nr;
}

static void top_tasks(struct guard_rec *s, int want, int proc_dirfd, struct guard_taskset *ts)
{
	s->nr_tasks = 0;
	if (!ts || want <= 0 || guard_scan(proc_dirfd, -1, false, ts) != 0)
		return;
	long ps = sysconf(_SC_PAGESIZE);
	const int64_t pk = ps >= 1024 ? ps / 1024 : 4;
	for (size_t i = 0; i < ts->n; i++) {
		const struct guard_task *g = &ts->tasks[i];
		if (g->t.kthread || !known(g->t.rss_anon_pages))
			continue;
		int64_t page_kib = pk;
		int64_t anon = g->t.rss_anon_pages * page_kib;
		int64_t swap = known(g->t.swapents_pages) ? g->t.swapents_pages * page_kib : 0;
		int at = s->nr_tasks;
		if (at == want) {
			const struct guard_rec_task *l = &s->tasks[at - 1];
			if (anon + swap <= l->anon_kib + l->swap_kib)
				continue;
			at = want - 1;
		} else {
			s->nr_tasks++;
		}
		struct guard_rec_task *t = &s->tasks[at];
		t->pid = (int32_t)g->t.pid;
		t->adj = known(g->t.oom_score_adj) ? (int32_t)g->t.oom_score_adj : 0;
		str_copy(t->comm, sizeof(t->comm), g->t.comm, strlen(g->t.comm));
		t->anon_kib = anon;
		t->file_kib = known(g->t.rss_file_pages) ? g->t.rss_file_pages * page_kib : OOM_NA;
		t->shmem_kib = known(g->t.rss_shmem_pages) ? g->t.rss_shmem_pages * page_kib : OOM_NA;
		t->swap_kib = swap;
		for (int k = at; k > 0 && s->tasks[k].anon_kib + s->tasks[k].swap_kib >
					       s->tasks[k - 1].anon_kib + s->tasks[k - 1].swap_kib; k--) {
			struct guard_rec_task tmp = s->tasks[k];
			s->tasks[k] = s->tasks[k - 1];
			s->tasks[k - 1] = tmp;
		}
	}
}

void guard_recorder_plan(const struct guard_scope *scopes, int nr_scopes, uint64_t taken_total,
			 bool *full, bool *tasks)
{
	/* Within twice a term threshold, everything every second.  While memory
	 * is plentiful no task or slab scan (a scan of /proc costs more than a
	 * minute of the rest; the decision's own scan is in every incident),
	 * and far from every threshold (4×) the counters move slowly and the
	 * kernel's text generation for /proc/vmstat and buddyinfo is most of
	 * the guard's idle CPU: every 15th second then, else every 5th.  A
	 * scope whose level is unknown is never calm. */
	bool near = false, calm = true;
	for (int i = 0; i < nr_scopes; i++) {
		if (!known(scopes[i].avail_kib) || !known(scopes[i].term_kib)) {
			calm = false;
			continue;
		}
		if (scopes[i].avail_kib < 2 * scopes[i].term_kib)
			near = true;
		if (scopes[i].avail_kib < 4 * scopes[i].term_kib)
			calm = false;
	}
	*tasks = near;
	*full = near || taken_total % (calm ? 15 : 5) == 0;
}

int guard_recorder_take(struct guard_recorder *r, const struct guard_scope *scopes, int nr_scopes,
			int proc_dirfd, bool full, struct guard_taskset *ts)
{
	if (!r->ring || r->cap <= 0)
		return 0;
	struct guard_rec *s = &r->ring[r->next];
	s->tasks = r->task_store + (size_t)r->next * GUARD_REC_TASKS;
	struct timespec ts_real;
	clock_gettime(CLOCK_REALTIME, &ts_real);
	s->wall_ms = (int64_t)ts_real.tv_sec * 1000 + ts_real.tv_nsec / 1000000;
	s->mono_ns = guard_now_ns();
	/* The meminfo fields are contiguous, mem_total to commit_limit. */
	const size_t mi_off = offsetof(struct guard_rec, mem_total);
	const size_t mi_len = offsetof(struct guard_rec, commit_limit) + sizeof(int64_t) - mi_off;
	_Static_assert(offsetof(struct guard_rec, commit_limit) - offsetof(struct guard_rec, mem_total) ==
			       18 * sizeof(int64_t), "meminfo fields of guard_rec not contiguous");
	ssize_t n;
	if (r->meminfo_hint) {
		memcpy((char *)s + mi_off, (const char *)r->meminfo_hint + mi_off, mi_len);
	} else if ((n = guard_pread(r->fd_meminfo, rtext, sizeof(rtext))) > 0) {
		guard_meminfo_parse(rtext, (size_t)n, s);
	} else {
		r->errors_total++;
		return -EIO;
	}
	if (full && r->fd_vmstat >= 0 && (n = guard_pread(r->fd_vmstat, rtext, sizeof(rtext))) > 0)
		take_vmstat(rtext, (size_t)n, s);
	else if (!full)
		take_vmstat(NULL, 0, s);  /* not read this time: unknown, not zero */
	memset(&s->psi, 0, sizeof(s->psi));
	if (r->psi_hint && r->psi_hint->known)
		s->psi = *r->psi_hint;
	else if (r->fd_psi >= 0 && guard_pread(r->fd_psi, rtext, 512) > 0)
		guard_parse_psi(rtext, &s->psi);
	read_buddy(s, full ? r->fd_buddy : -1);
	s->nr_scopes = nr_scopes < GUARD_MAX_SCOPES + 1 ? nr_scopes : GUARD_MAX_SCOPES + 1;
	for (int i = 0; i < s->nr_scopes; i++)
		s->scope_avail_kib[i] = scopes[i].avail_kib;
	s->nr_tasks = 0;
	s->nr_slabs = 0;
	if (ts) {
		top_tasks(s, r->tasks_per_rec, proc_dirfd, ts);
		read_slabs(s, r->fd_slab);
	}
	r->next = (r->next + 1) % r->cap;
	if (r->count < r->cap)
		r->count++;
	r->taken_total++;
	r->last_ns = s->mono_ns;
	return 0;
}

const struct guard_rec *guard_recorder_last(const struct guard_recorder *r)
{
	if (!r->ring || r->count == 0)
		return NULL;
	return &r->ring[(r->next + r->cap - 1) % r->cap];
}

void guard_recorder_json(const struct guard_recorder *r, struct json *j, const char *key, int seconds)
{
	json_arr_begin(j, key);
	const struct guard_rec *last = guard_recorder_last(r);
	for (int k = 0; last && k < r->count; k++) {
		const struct guard_rec *s = &r->ring[(r->next + r->cap - r->count + k) % r->cap];
		if (seconds > 0 && last->mono_ns - s->mono_ns > (uint64_t)seconds * 1000000000ull)
			continue;
		json_obj_begin(j, NULL);
		json_int(j, "time_ms", s->wall_ms);
		json_obj_begin(j, "meminfo_kib");
		json_int(j, "MemTotal", s->mem_total);
		json_int(j, "MemFree", s->mem_free);
		json_int(j, "MemAvailable", s->mem_available);
		json_int(j, "Buffers", s->buffers);
		json_int(j, "Cached", s->cached);
		json_int(j, "SwapTotal", s->swap_total);
		json_int(j, "SwapFree", s->swap_free);
		json_int(j, "AnonPages", s->anon_pages);
		json_int(j, "Shmem", s->shmem);
		json_int(j, "Mapped", s->mapped);
		json_int(j, "SReclaimable", s->slab_reclaimable);
		json_int(j, "SUnreclaim", s->slab_unreclaimable);
		json_int(j, "KernelStack", s->kernel_stack);
		json_int(j, "PageTables", s->page_tables);
		json_int(j, "Dirty", s->dirty);
		json_int(j, "Writeback", s->writeback);
		json_int(j, "Unevictable", s->unevictable);
		json_int(j, "Committed_AS", s->committed_as);
		json_int(j, "CommitLimit", s->commit_limit);
		json_obj_end(j);
		json_obj_begin(j, "vmstat");
		json_int(j, "pgscan_kswapd", s->pgscan_kswapd);
		json_int(j, "pgscan_direct", s->pgscan_direct);
		json_int(j, "pgsteal_kswapd", s->pgsteal_kswapd);
		json_int(j, "pgsteal_direct", s->pgsteal_direct);
		json_int(j, "pswpin", s->pswpin);
		json_int(j, "pswpout", s->pswpout);
		json_int(j, "pgmajfault", s->pgmajfault);
		json_int(j, "workingset_refault", s->workingset_refault);
		json_int(j, "allocstall", s->allocstall);
		json_int(j, "compact_stall", s->compact_stall);
		json_int(j, "oom_kill", s->oom_kill);
		json_obj_end(j);
		if (s->psi.known) {
			json_obj_begin(j, "psi");
			json_double(j, "some_avg10", s->psi.some_avg10, 2);
			json_double(j, "full_avg10", s->psi.full_avg10, 2);
			json_uint(j, "some_total_us", s->psi.some_total_us);
			json_uint(j, "full_total_us", s->psi.full_total_us);
			json_obj_end(j);
		}
		json_arr_begin(j, "buddy_free_blocks");
		for (int o = 0; o < GUARD_REC_ORDERS; o++)
			json_int(j, NULL, s->free_blocks[o]);
		json_arr_end(j);
		json_arr_begin(j, "scope_available_kib");
		for (int i = 0; i < s->nr_scopes; i++)
			json_int(j, NULL, s->scope_avail_kib[i]);
		json_arr_end(j);
		if (s->nr_slabs) {
			json_arr_begin(j, "slabs");
			for (int i = 0; i < s->nr_slabs; i++) {
				json_obj_begin(j, NULL);
				json_str(j, "name", s->slabs[i].name);
				json_int(j, "kib", s->slabs[i].kib);
				json_obj_end(j);
			}
			json_arr_end(j);
		}
		if (s->nr_tasks) {
			json_arr_begin(j, "tasks");
			for (int i = 0; i < s->nr_tasks; i++) {
				const struct guard_rec_task *t = &s->tasks[i];
				json_obj_begin(j, NULL);
				json_int(j, "pid", t->pid);
				json_str(j, "comm", t->comm);
				json_int(j, "oom_score_adj", t->adj);
				json_int(j, "anon_kib", t->anon_kib);
				json_int(j, "file_kib", t->file_kib);
				json_int(j, "shmem_kib", t->shmem_kib);
				json_int(j, "swap_kib", t->swap_kib);
				json_obj_end(j);
			}
			json_arr_end(j);
		}
		json_obj_end(j);
	}
	json_arr_end(j);
}

uint64_t guard_recorder_next_ns(const struct guard_recorder *r, const struct guard_scope *scopes, int nr_scopes)
{
	if (!r->taken_total)
		return 0;
	/* While every scope is calm the snapshots only show that nothing
	 * happens: one every GUARD_CALM_MS keeps the guard asleep (the issue's
	 * ≤ 6 wakeups a minute).  An event that ends the calm (a usage
	 * threshold, a PSI trigger) brings the next one due at once, and one a
	 * second from then on, so the last minute before a kill is complete
	 * from the moment memory started to run short. */
	bool calm = nr_scopes > 0;
	for (int i = 0; i < nr_scopes && calm; i++)
		calm = guard_scope_calm(&scopes[i]);
	return r->last_ns + (calm ? (uint64_t)GUARD_CALM_MS * 1000000ull : 1000000000ull);
}
