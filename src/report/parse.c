/* parse.c — normalised kernel lines in, one struct oom_event per OOM report
 * (or page allocation failure) out.
 *
 * A report starts at its trigger line ("X invoked oom-killer:", 2.6.18's
 * "oom-killer: gfp_mask=", "page allocation failure"/"stalls"), or — its
 * header lost to rate limiting (mm/oom_kill.c dump_header is rate-limited,
 * the kill lines are not) — at a kill line alone (header_missing), or, when
 * the input begins inside one, at a Mem-Info/memcg/task-table line
 * (truncated).  It ends after the kill line and its short tail (oom_reaper,
 * memory.oom.group kills), at the next trigger line, or at end of input.
 * Reports of several CPUs may interleave: each (host, caller id) pair has a
 * report of its own.  Line formats per era: fact sheet §1 (kernel-oom.md). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report/linekind.h"
#include "report/arch.h"
#include "report/parse_int.h"
#include "report/transport.h"
#include "report/walltime.h"

#define PARSE_MAX_STATES 16
#define PARSE_TAIL_LINES 12      /* lines after the kill line that may still belong to it */
#define PARSE_TAIL_INPUT 40      /* ... within this many input lines of its last */
#define PARSE_ARCH_TAIL 40       /* lines after a waiting report read for its arch (report_scanner_tail) */
#define PARSE_UNKNOWN_MAX 40     /* unrelated lines in a row that end a report */
/* An open report that got no line of its own for this many input lines is
 * over, whatever its key: the kernel prints a report within milliseconds
 * (4.x+ under oom_lock), so its lines never stand thousands apart, while a
 * report keyed by a caller id that never comes back would otherwise keep
 * the scanner's prefilter off for the rest of the input. */
#define PARSE_STALE_LINES 500
#define PARSE_STACK_MAX 400      /* a stack dump longer than this is not one */
#define PARSE_LINE_MAX 65536
#define PARSE_DUP_GAP 64         /* a repeated event this close after the first is its copy */

/* The last release seen per host, lent to a header-less report of the
 * same host. */
#define PARSE_MAX_HOSTS 8
#define PARSE_HELD_DUMPS 8       /* show_mem dumps in a row held as fragments (R871) */
#define PARSE_MAX_OLDER 32       /* waiting header-less events chained behind the newest (flush_pending) */
struct host_release {
	char host[64];
	char kernel[128];
	char arch[16];               /* that report's arch (its own evidence), "" unknown */
	uint64_t line;               /* first line of the report that printed it */
	double mono;                 /* its monotonic time ("[ 123.4]" / kmsg), < 0 unknown */
	uint64_t boot_line;          /* the host's latest boot banner (boot_banner), 0 none */
	bool from_splat;             /* printed by another warning's dump_stack, no report */
};

/* What tells two emitted events apart: an identical event right after
 * (the same syslog records written twice) is dropped. */
struct event_sig {
	char time[64], host[64];
	char mono[40];    /* the monotonic stamp after a syslog date: reports of one second differ by it (R5303) */
	char trigger_comm[OOM_COMM_LEN];   /* two CPUs' failures in one second differ by it (R101) */
	int64_t victim_pid, trigger_pid, order, free_kib, swap_free_kib;
	uint64_t gfp, nr_tasks;
	uint64_t trace;   /* the stack's frames: two CPUs' same-second failures differ by it (R945) */
	int kind;
};

struct report_parser {
	char source[256];
	struct host_release rel[PARSE_MAX_HOSTS];
	int nr_rel;
	struct event_sig last_sig;
	bool have_sig;
	char last_kill_time[64];      /* the last event's kill line's monotonic stamp, its victim */
	int64_t last_kill_pid;
	/* the last report the text told system-wide (global_told): its first
	 * line (0 none), host and time, for a header alone after it */
	uint64_t last_global_line;
	char last_global_host[64], last_global_time[64];
	int64_t victim_pids[8];       /* victims of the last events (a reaper line may come after) */
	unsigned nr_victim_pids;
	uint64_t last_sig_end;        /* last line of that event */
	int last_outcome;             /* and its outcome (an echo of its panic, kdb's "PANIC: ", is none of its own) */
	uint64_t sysrq_m_line;        /* the last "SysRq : Show Memory" line (0 none) */
	uint64_t hung_task_line;      /* the first "INFO: task x:N blocked for more than" line (0 none) */
	bool show_task_stack;         /* inside a sched_show_task line's stack (line_kind_show_task) */
	uint64_t sysrq_f_cmd[4];      /* lines of a shell's "echo f > /proc/sysrq-trigger" no report followed yet (0 none) */
	uint64_t nr_emitted;          /* events delivered (the fragment rule needs none) */
	bool cma_flood;               /* more CMA failures than held: each goes out as it ends (state_emit) */
	int64_t panic_pid;            /* the trigger pid of the last event that ended in a panic (0: none) */
	/* show_mem dumps ended by the next dump's "Mem-Info:" (state_line)
	 * while no event was delivered: fragments if the input holds nothing
	 * else (R871), else no events (hold_dump) */
	struct oom_event *held[PARSE_HELD_DUMPS];
	int nr_held;
	/* A header-less event no earlier report could lend a release to waits
	 * here for the next event: if that one is of the same host (and its
	 * clock did not go back), it lends its release.  It owns its task table. */
	struct oom_event *pending;
	/* Waiting events older than pending, oldest first: a run of
	 * header-less reports of one host (a grep of kill lines) waits as a
	 * chain, each lent what the one after it holds or was lent
	 * (flush_pending) */
	struct oom_event *older[PARSE_MAX_OLDER];
	int nr_older;
	report_event_fn fn;
	void *ctx;
	struct pstate *states[PARSE_MAX_STATES];
	uint64_t seq;
	uint64_t nr_fed;            /* lines fed, for PARSE_STALE_LINES */
	char *line;                 /* NUL-terminated copy of the current line */
	size_t line_cap;
	char rep_text[600];         /* the previous line and its stamp, for a record */
	char rep_time[48];          /* repeated by syslog (repeated_record) */
	char rep_mono[40];          /* its kernel stamp after the date (report_line.mono), "" none */
	size_t rep_len, rep_time_len;
	int nr_active;
	struct pstate *last_st;     /* the state the previous line was fed to */
	uint64_t last_st_fed;       /* nr_fed of that line */
	bool indented;              /* the current line had leading white space */
	bool indent2;               /* … two blanks or more (an empty comm before "invoked", trigger_line) */
	/* a pasted `uname -a` ("Linux host 5.8.0-rc1+ #117 SMP … x86_64 GNU/Linux"):
	 * the release of a report after it that prints none (uname_line) */
	char uname_kernel[128], uname_arch[16], uname_host[64];
	uint64_t uname_line;
	/* a pasted `free` ("Swap:  0  0  0"): what swap the machine had, for a
	 * report near it that prints none (free_swap_lend) */
	int free_swap;
	uint64_t free_swap_line;
	char free_swap_text[96];
	/* the latest "Linux version" banner: the release (and the compiler's
	 * target arch) of the boot every later report of its host comes from */
	char banner_kernel[128], banner_arch[16], banner_host[64];
	uint64_t banner_line;
	/* the arch a stack line showed while no report was open (the trace of
	 * a report whose head is cut, handed over from the scanner's back-fill
	 * window): for the report that opens mid-way after it */
	char idle_arch[16], idle_arch_host[64];
	uint64_t idle_arch_line;
	/* a waiting report with no arch: the lines right after it are looked
	 * at (report_scanner_tail) for a stack's arch cue */
	unsigned tail_request;
	uint64_t idle_stat_line;        /* an idle memory.stat "key value" line (after_memcg_stat) */
	/* "Kernel panic - not syncing: System is deadlocked on memory" with no
	 * report open: panic() prints its message before its own dump_stack,
	 * so a report opened by that stack right after is the panic's */
	uint64_t deadlock_line;
	char deadlock_host[64];
	/* ≤4.11's vmalloc text line before a failure header (linekind.c
	 * line_kind_vmalloc_pre): its size, for the failure on the next line */
	int64_t vm_pre_bytes;
	uint64_t vm_pre_line;
};

/* ---- text helpers ------------------------------------------------------- */

_Thread_local struct p_pairs p_cur_pairs;

void p_pairs_set(const char *s, const char *e)
{
	struct p_pairs *c = &p_cur_pairs;
	memset(c->bits, 0, sizeof(c->bits));
	for (const char *q = s; q + 1 < e; q++) {
		unsigned h = P_PAIR(q[0], q[1]);
		c->bits[h >> 6] |= 1ull << (h & 63);
	}
	c->s = s;
	c->e = e;
	c->kind_s = NULL;
}

void p_pairs_clear(void)
{
	p_cur_pairs.s = p_cur_pairs.e = NULL;
	p_cur_pairs.kind_s = NULL;
}

const char *p_rfind(const char *s, const char *e, const char *lit)
{
	const char *last = NULL, *q = s;
	size_t n = strlen(lit);
	while ((q = p_find(q, e, lit))) {
		last = q;
		q += n ? n : 1;
	}
	return last;
}

const char *p_skip_sp(const char *s, const char *e)
{
	while (s < e && (*s == ' ' || *s == '\t'))
		s++;
	return s;
}

int p_num(const char **p, const char *e, int64_t *out)
{
	uint64_t u;
	int r = scan_u64(p, e, &u);
	if (r == -EINVAL)
		return -1;
	if (r == -ERANGE || u > (uint64_t)INT64_MAX / 4)
		return -2;
	*out = (int64_t)u;
	return 0;
}

int p_inum(const char **p, const char *e, int64_t *out)
{
	bool neg = *p < e && **p == '-';
	const char *q = *p + (neg ? 1 : 0);
	int64_t v;
	int r = p_num(&q, e, &v);
	if (r == -1)
		return -1;
	*p = q;
	if (r != 0)
		return r;
	*out = neg ? -v : v;
	return 0;
}

int64_t p_mul(int64_t a, int64_t b)
{
	if (!known(a) || !known(b) || a < 0 || b < 0)
		return OOM_NA;
	if (a != 0 && b > INT64_MAX / 4 / a)
		return OOM_NA;
	return a * b;
}

void p_copy(char *dst, size_t cap, const char *s, const char *e)
{
	if (e < s)
		e = s;
	str_copy(dst, cap, s, (size_t)(e - s));
}

bool p_is_zone_name(const char *s, const char *e)
{
	static const char *const names[] = { "DMA", "DMA32", "Normal", "HighMem", "Movable", "Device" };
	for (size_t i = 0; i < ARRAY_SIZE(names); i++)
		if (strlen(names[i]) == (size_t)(e - s) && memcmp(names[i], s, (size_t)(e - s)) == 0)
			return true;
	return false;
}

bool p_key_is(const struct pkv *kv, const char *lit)
{
	size_t n = strlen(lit);
	return (size_t)(kv->ke - kv->k) == n && memcmp(kv->k, lit, n) == 0;
}

/* Next "key:value[kB]" or "key? yes|no" token; tokens without either are
 * skipped.  Returns false at the end. */
bool p_kv_next(const char **pp, const char *e, struct pkv *kv)
{
	const char *p = *pp;
	for (;;) {
		p = p_skip_sp(p, e);
		if (p >= e) {
			*pp = p;
			return false;
		}
		const char *k = p;
		while (p < e && *p != ' ' && *p != ':' && *p != '?')
			p++;
		if (p >= e || *p == ' ') {
			continue;       /* a token with no ':' */
		}
		kv->k = k;
		kv->ke = p;
		kv->v = OOM_NA;
		kv->bad = false;
		kv->has_unit = false;
		kv->yesno = -1;
		if (*p == '?') {
			p = p_skip_sp(p + 1, e);
			if (p_starts(p, e, "yes")) {
				kv->yesno = 1;
				p += 3;
			} else if (p_starts(p, e, "no")) {
				kv->yesno = 0;
				p += 2;
			}
			while (p < e && *p != ' ')
				p++;
			*pp = p;
			return true;
		}
		p++;    /* ':' */
		const char *v = p;
		/* "shmem_thp: 0kB" (≤6.1 node line) has a space after the colon */
		if (p < e && *p == ' ') {
			const char *q = p_skip_sp(p, e);
			if (q < e && *q >= '0' && *q <= '9')
				v = q;
		}
		p = v;
		if (p >= e || *p == ' ') {
			*pp = p;
			return true;    /* "key:" with no value */
		}
		int64_t n;
		int r = p_num(&p, e, &n);
		if (r == 0) {
			/* A number broken by a terminal's hard wrap and joined back
			 * with a blank ("slab:2076" / "51", "present:163" / "84kB",
			 * R1905): the rest is a bare number of its own, which no
			 * key:value line prints, so it is the value's. */
			const char *w = p;
			if (w + 1 < e && *w == ' ' && w[1] >= '0' && w[1] <= '9') {
				const char *d = w + 1, *de = d;
				while (de < e && *de >= '0' && *de <= '9')
					de++;
				const char *te = de;
				if (p_starts(te, e, "kB") || p_starts(te, e, "KB"))
					te += 2;
				size_t nd = (size_t)(de - d), nv = (size_t)(w - v);
				if ((te == e || *te == ' ') && nd + nv <= 18) {
					for (const char *c = d; c < de; c++)
						n = n * 10 + (*c - '0');
					p = de;
				}
			}
			kv->v = n;
			if (p_starts(p, e, "kB") || p_starts(p, e, "KB")) {
				kv->has_unit = true;
				p += 2;
			}
			if (p < e && *p != ' ' && *p != ',') {
				kv->v = OOM_NA;
				kv->bad = true;
			}
		} else {
			kv->bad = true;
		}
		while (p < e && *p != ' ')
			p++;
		*pp = p;
		return true;
	}
}

/* ---- state slots ------------------------------------------------------- */

static void make_key(char *key, size_t cap, const struct report_line *l)
{
	size_t hl = l->host ? l->host_len : 0, cl = l->caller ? l->caller_len : 0;
	if (hl > 100)
		hl = 100;
	if (cl > 40)
		cl = 40;
	if (hl + cl + 2 > cap) {
		key[0] = '\0';
		return;
	}
	/* per line: no snprintf (it cost as much as the rest of feeding one) */
	if (hl)
		memcpy(key, l->host, hl);
	key[hl] = '\x1f';
	if (cl)
		memcpy(key + hl + 1, l->caller, cl);
	key[hl + 1 + cl] = '\0';
}

static struct pstate *state_find(struct report_parser *P, const char *key)
{
	for (int i = 0; i < PARSE_MAX_STATES; i++)
		if (P->states[i] && P->states[i]->used && strcmp(P->states[i]->key, key) == 0)
			return P->states[i];
	return NULL;
}

static void state_reset(struct pstate *st)
{
	event_release(&st->ev);
	event_init(&st->ev);
	st->active = false;
	st->sect = SEC_HEADER;
	memset(&st->pages, 0, sizeof(st->pages));
	for (size_t i = 0; i < sizeof(st->pages) / sizeof(int64_t); i++)
		((int64_t *)&st->pages)[i] = OOM_NA;
	st->shape = 0;
	st->unknown_run = st->stack_lines = 0;
	st->tail_left = 0;
	st->started_mid = st->have_trigger = st->have_kill = st->have_selection = false;
	st->group_announced = st->totals_seen = st->have_content = st->next_dump = false;
	st->oom_memcg_from_group = false;
	st->percpu_seen = false;
	st->trace_hash = 0;
	st->sysrq_show_mem = false;
	st->slab_table_seen = false;
	st->tail_kept = false;
	st->ub_container = false;
	st->trace_dump_header = false;
	st->trig_hash = 0;
	memset(&st->swapblk, 0, sizeof(st->swapblk));
	st->call_trace_upper = false;
	st->panic_stack = st->panic_blank = st->hw_powermac = st->memcg_on_constraint = false;
	st->frame_not_x86 = false;
	st->arch_weak = false;
	st->frame8_kseg0 = st->frame8_c = st->frame8_any = st->x86_unreliable = st->words8_c = false;
	st->x86_family = st->frame8_c_sym = st->hugepage_8m = false;
	st->sel_time[0] = '\0';
	st->sel_wall[0] = '\0';
	st->kill_second[0] = '\0';
	st->hdr_cont = HDR_CONT_NONE;
	st->trace_memcg = false;
	st->trace_memcg_stale = st->trace_global_path = st->trace_oom_fn_last = st->trace_caller_next = false;
	st->header_comm[0] = '\0';
	st->cpu_cut = false;
	st->after_memcg_stat = false;
	st->hugepage_32m = st->hugepage_64k = false;
	st->header_trigger = st->from_header = st->trace_oom = st->trace_alloc = st->panicked = false;
	st->from_frame = st->trace_oom_live = st->trace_check_panic = st->trace_panic = false;
	st->cont = CONT_NONE;
	st->cont_zone = st->cont_node = st->last_zone = -1;
	st->last_zone_rsv = false;
	st->nr_orphan_rsv = 0;
	st->cont_key[0] = '\0';
	st->buddy_order = 0;
	st->buddy_base_kib = OOM_NA;
	st->buddy_eq_open = false;
	st->ncols = 0;
	st->table_bad_warned = false;
	st->amb_rows = st->amb_swap = false;
	st->amb_pgt_no = st->amb_pgt_big = false;
	st->era24 = false;
	st->nr_stat_blocks = 0;
	st->stat_v1_inline = false;
	st->stat_path_cut = false;
	st->stat_path_cand[0] = '\0';
	st->buddy_psz_kib = OOM_NA;
	st->reaper_pid = OOM_NA;
	st->reaper_provisional = false;
	st->cons_len = 0;
	st->cons_next = st->cons_own = st->cons_rejoin = false;
	st->kill_time[0] = '\0';
	st->trig_comm_whole[0] = '\0';
	st->nokill_warn = st->nokill_decided = st->nokill_lived = false;
	st->sysrq_ignored = false;
	st->sysrq_alone = false;
	st->start_mono[0] = '\0';
	st->show_task_trace = false;
}

/* A monotonic timestamp ("27742.909073"): seconds, or -1 (a date, none). */
static double mono_time(const char *t)
{
	char *end;
	if (!t[0] || t[0] < '0' || t[0] > '9')
		return -1;
	double v = strtod(t, &end);
	return *end == '\0' ? v : -1;
}

/* Time b at most a minute after time a: both monotonic stamps, or both
 * syslog/journal dates; false when either is missing or they differ in
 * kind. */
static bool within_minute_after(const char *ta, const char *tb)
{
	double a = mono_time(ta), b = mono_time(tb);
	if (a >= 0 && b >= 0)
		return b >= a && b - a < 60.0;
	int64_t da = 0, db = 0;
	return a < 0 && b < 0 && ta[0] && tb[0] && walltime_parse_date(ta, strlen(ta), 0, &da) == 0 &&
	       walltime_parse_date(tb, strlen(tb), 0, &db) == 0 && db >= da && db - da < 60;
}

/* The text itself says the OOM was system-wide: CONSTRAINT_NONE, "Out of
 * memory: Kill…" on the selection or kill line (a cgroup's says "Memory
 * cgroup out of memory"), or show_mem's Mem-Info with no memcg line. */
static bool global_told(const struct oom_event *ev)
{
	if (ev->kind != OOM_KIND_GLOBAL)
		return false;
	return !strcmp(ev->constraint, "CONSTRAINT_NONE") ||
	       (ev->have_victim && !strncmp(ev->victim.message, "Out of memory", 13)) ||
	       (ev->have_meminfo && !ev->snap.have_memcg && !ev->oom_memcg[0]);
}

static struct host_release *host_rel(struct report_parser *P, const char *host, bool create)
{
	for (int i = 0; i < P->nr_rel; i++)
		if (!strcmp(P->rel[i].host, host))
			return &P->rel[i];
	if (!create)
		return NULL;
	int i = P->nr_rel < PARSE_MAX_HOSTS ? P->nr_rel++ : PARSE_MAX_HOSTS - 1;
	struct host_release *r = &P->rel[i];
	memset(r, 0, sizeof(*r));
	str_copy(r->host, sizeof(r->host), host, strlen(host));
	return r;
}

/* A report without its header has no release string: take the release of
 * the nearest earlier report of the same host, unless the machine rebooted
 * between (its monotonic clock went back, or a boot banner came: boot_banner). */
static void remember_release(struct report_parser *P, const struct oom_event *ev, bool from_splat)
{
	struct host_release *r = host_rel(P, ev->host, true);
	str_copy(r->kernel, sizeof(r->kernel), ev->kernel, strlen(ev->kernel));
	r->arch[0] = '\0';          /* set once the report is finished (after pf_finish) */
	r->line = ev->first_line;
	r->mono = mono_time(ev->time);
	r->from_splat = from_splat;
}

static void neighbour_release(struct report_parser *P, struct oom_event *ev)
{
	double mono = mono_time(ev->time);
	if (ev->kernel[0]) {
		remember_release(P, ev, false);
		return;
	}
	struct host_release *r = host_rel(P, ev->host, false);
	if (!r || !r->kernel[0])
		return;
	if (mono >= 0 && r->mono >= 0 && mono < r->mono - 1.0)
		return;     /* the clock went back: a reboot (not lines of one moment out of order) */
	if (r->boot_line > r->line && r->boot_line < ev->first_line)
		return;     /* a boot banner between: a reboot */
	str_copy(ev->kernel, sizeof(ev->kernel), r->kernel, strlen(r->kernel));
	if (!ev->arch[0])
		str_copy(ev->arch, sizeof(ev->arch), r->arch, strlen(r->arch));   /* the same machine */
	ev->kernel_from_neighbour = true;
	ev->kernel_from_line = r->line;
	event_warn(ev, "kernel release not in this report: taken from the %s at line %llu (same host)",
		   r->from_splat ? "CPU line of another warning" : "report", (unsigned long long)r->line);
}

static void make_sig(const struct oom_event *ev, uint64_t trace, const char *mono, struct event_sig *g)
{
	memset(g, 0, sizeof(*g));
	g->trace = trace;
	str_copy(g->time, sizeof(g->time), ev->time, strlen(ev->time));
	str_copy(g->mono, sizeof(g->mono), mono, strlen(mono));
	str_copy(g->host, sizeof(g->host), ev->host, strlen(ev->host));
	str_copy(g->trigger_comm, sizeof(g->trigger_comm), ev->req.trigger_comm, strlen(ev->req.trigger_comm));
	g->victim_pid = ev->victim.pid;
	g->trigger_pid = ev->req.trigger_pid;
	g->order = ev->req.order;
	g->gfp = ev->req.gfp_known ? ev->req.gfp_mask : 0;
	g->kind = ev->kind;
	g->free_kib = ev->snap.mem.free_kib;
	g->swap_free_kib = ev->snap.mem.swap_free_kib;
	g->nr_tasks = ev->snap.nr_tasks;
}

/* Hands an event to the callback (and counts it). */
/* The held dumps go out (as the fragments before a last one) or are dropped
 * (a report is in the text: dumps beside it are no events). */
static void release_held(struct report_parser *P, bool out)
{
	for (int i = 0; i < P->nr_held; i++) {
		if (out) {
			P->nr_emitted++;
			if (P->fn)
				P->fn(P->held[i], P->ctx);
		}
		event_release(P->held[i]);
		free(P->held[i]);
	}
	P->nr_held = 0;
}

static void deliver(struct report_parser *P, struct oom_event *ev)
{
	if (P->nr_held)
		release_held(P, ev->kind == OOM_KIND_FRAGMENT);
	P->nr_emitted++;
	if (P->fn)
		P->fn(ev, P->ctx);
}

/* The waiting header-less event goes out before next (NULL: end of input),
 * with next's release when next is its nearest report of the same host. */
/* What the report after a waiting one lends it (same host, no reboot). */
static void lend_next(struct oom_event *ev, struct oom_event *next)
{
	if (next && !strcmp(next->host, ev->host)) {
		double a = mono_time(ev->time), b = mono_time(next->time);
		/* the clock back by a second or more: a reboot; less is two
		 * pieces of one moment pasted out of order (R1807) */
		if (!(a >= 0 && b >= 0 && b < a - 1.0)) {
			/* a release next itself borrowed from a report after it
			 * (the chain of waiting events, flush_pending) passes
			 * on; one borrowed from before it would have reached this
			 * report first, had no reboot come between */
			bool chain_kernel = next->kernel_from_neighbour && next->kernel_from_line > next->first_line;
			if (!ev->kernel[0] && next->kernel[0] && (!next->kernel_from_neighbour || chain_kernel)) {
				str_copy(ev->kernel, sizeof(ev->kernel), next->kernel, strlen(next->kernel));
				ev->kernel_from_neighbour = true;
				ev->kernel_from_line = chain_kernel ? next->kernel_from_line : next->first_line;
				struct kver v;
				if (kver_parse(ev->kernel, &v) == 0)
					ev->kv = v;
				pf_arch_from_release(ev);
				event_warn(ev, "kernel release not in this report: taken from the report at line %llu (same host)",
					   (unsigned long long)ev->kernel_from_line);
			}
			/* the same machine, no reboot between: its arch too, when
			 * this report's own text says none */
			bool chain_arch = next->arch_from_neighbour && next->arch_from_line > next->first_line;
			if (!ev->arch[0] && next->arch[0] && (!next->arch_from_neighbour || chain_arch)) {
				str_copy(ev->arch, sizeof(ev->arch), next->arch, strlen(next->arch));
				ev->arch_from_neighbour = true;
				ev->arch_from_line = chain_arch ? next->arch_from_line : next->first_line;
				event_warn(ev, "arch not in this report: taken from the report at line %llu (same host)",
					   (unsigned long long)ev->arch_from_line);
			}
			/* the machine's firmware (a desktop's or laptop's: swap
			 * configured), as its arch */
			if (next->hw_desktop)
				ev->hw_desktop = true;
			/* a kill line alone (its selection line cut) inside a storm of
			 * memcg selections in the same second: the same group's OOM
			 * (R178); a lone kill says nothing of the kind by itself */
			if (ev->kind == OOM_KIND_GLOBAL && !ev->victim.message[0] && !ev->constraint[0] &&
			    !ev->have_meminfo && !ev->req.trigger_comm[0] && !ev->snap.nr_zones &&
			    next->kind == OOM_KIND_MEMCG && !strcmp(next->victim.message, "Memory cgroup out of memory") &&
			    ((a >= 0 && b >= 0 && b - a < 1.0) || (a < 0 && b < 0 && ev->time[0] && !strcmp(ev->time, next->time)))) {
				ev->kind = OOM_KIND_MEMCG;
				event_warn(ev, "kind not in this report: memcg, as the selection at line %llu a moment later",
					   (unsigned long long)next->first_line);
			}
			/* show_mem's tail alone (no trigger, selection or kill: the
			 * head cut, the report ended at its totals) and then an
			 * allocation failure of the same burst: warn_alloc ends at
			 * show_mem (mm/page_alloc.c warn_alloc_show_mem), where an
			 * OOM report goes on to its task dump and kill
			 * (mm/oom_kill.c dump_header, oom_kill_process), so it was
			 * an earlier failure's (R556, R582, R537); not across a minute or
			 * more of monotonic clock (a syslog date or no stamp: same
			 * host and no reboot is all that can be told) */
			if (ev->kind == OOM_KIND_GLOBAL && next->kind == OOM_KIND_ALLOC_FAILURE && !ev->have_victim &&
			    !ev->victim.message[0] && !ev->constraint[0] && !ev->req.trigger_comm[0] &&
			    !known(ev->req.order) && !ev->snap.nr_tasks &&
			    (known(ev->snap.mem.swap_total_kib) || ev->snap.nr_zones) &&
			    !(a >= 0 && b >= 0 && b - a >= 60.0)) {
				ev->kind = OOM_KIND_ALLOC_FAILURE;
				event_warn(ev, "kind not in this report: an allocation failure's, as its show_mem ends with no kill and the failure at line %llu follows",
					   (unsigned long long)next->first_line);
			}
			/* swap is configured per machine: "Total swap = 0kB" in the next
			 * report says this one's machine had none either (R048, R059) */
			if (!ev->have_meminfo && !known(ev->snap.mem.swap_total_kib) &&
			    known(next->snap.mem.swap_total_kib) && next->snap.mem.swap_total_kib == 0)
				ev->noswap_from_line = next->first_line;
			/* swap printed full (under 5 % free) in the next report of the
			 * same host seconds later: this one ran with it full too, as
			 * swap empties only when processes exit or pages are read
			 * back, and neither is fast while memory is short; only with
			 * stamps (monotonic, or dates) on both under a minute apart */
			bool close_by = a >= 0 && b >= 0 ? b - a < 60.0 : within_minute_after(ev->time, next->time);
			if (!ev->have_meminfo && !known(ev->snap.mem.swap_free_kib) && close_by &&
			    known(next->snap.mem.swap_total_kib) && next->snap.mem.swap_total_kib > 0 &&
			    known(next->snap.mem.swap_free_kib) &&
			    next->snap.mem.swap_free_kib * 20 < next->snap.mem.swap_total_kib)
				ev->swapfull_from_line = next->first_line;
			/* the kill lines alone of a system-wide OOM (the header and
			 * show_mem cut or rate-limited) and the next system-wide
			 * report of the same host under a minute later: one
			 * shortage, as the OOM killer is invoked again while it
			 * lasts (mm/oom_kill.c out_of_memory, once per failed
			 * allocation), so that report's reading is lent to this one
			 * while it is delivered (R752, R855, R126) */
			/* no stamp on either, the next report's first line right
			 * under this one's last: one paste of one burst (R3920: a
			 * show_mem tail, then the failure of the same request) */
			bool adjacent = a < 0 && b < 0 && !ev->time[0] && !next->time[0] && next->first_line > ev->last_line &&
					next->first_line <= ev->last_line + 2;
			if ((close_by || (adjacent && ev->kind == OOM_KIND_ALLOC_FAILURE)) && !ev->req.trigger_comm[0] &&
			    !known(ev->req.order) && !ev->snap.nr_tasks &&
			    ((ev->kind == OOM_KIND_GLOBAL && next->kind == OOM_KIND_GLOBAL && !ev->have_meminfo &&
			      !ev->snap.nr_zones && (next->have_meminfo || next->snap.nr_zones)) ||
			     (ev->kind == OOM_KIND_ALLOC_FAILURE && next->kind == OOM_KIND_ALLOC_FAILURE)))
				ev->next_report = next;
		}
	}
}

static void flush_pending(struct report_parser *P, struct oom_event *next)
{
	struct oom_event *ev = P->pending;
	if (!ev)
		return;
	P->pending = NULL;
	/* newest first, so each lends on what it was lent */
	lend_next(ev, next);
	for (int i = P->nr_older - 1; i >= 0; i--)
		lend_next(P->older[i], i + 1 < P->nr_older ? P->older[i + 1] : ev);
	/* delivered in the order of the text (counted when they began to wait);
	 * next_report is borrowed for the callback only, and the events it
	 * points to are freed after every callback */
	for (int i = 0; i < P->nr_older; i++)
		if (P->fn)
			P->fn(P->older[i], P->ctx);
	if (P->fn)
		P->fn(ev, P->ctx);
	for (int i = 0; i < P->nr_older; i++) {
		P->older[i]->next_report = NULL;
		event_release(P->older[i]);
		free(P->older[i]);
	}
	P->nr_older = 0;
	ev->next_report = NULL;
	event_release(ev);
	free(ev);
}

/* The waiting event goes on waiting behind ev, which waits too: the same
 * host, its clock not gone back (no reboot between), room in the chain. */
static bool chain_pending(struct report_parser *P, const struct oom_event *ev)
{
	struct oom_event *w = P->pending;
	if (!w || P->nr_older >= PARSE_MAX_OLDER || strcmp(w->host, ev->host) != 0 || ev->first_line < w->first_line)
		return false;
	double a = mono_time(w->time), b = mono_time(ev->time);
	if (a >= 0 && b >= 0 && b < a - 1.0)
		return false;
	P->older[P->nr_older++] = w;
	P->pending = NULL;
	return true;
}

/* A boot banner ("Linux version …", "Command line: …"; the scanner passes
 * it, report_line.boot_banner): the machine rebooted here, so a release
 * known so far belongs to the boot before and is lent to no later
 * header-less event of that host, nor is the next report's release to a
 * waiting one (reboots the monotonic clock does not show). */
static const char *banner_triplet_arch(const char *s, const char *e);

/* The arch a boot banner's release or compiler names, lent to a report of
 * the boot before that shows none (boot_banner). */
static void boot_arch(struct oom_event *w, const struct report_line *l)
{
	const char *v = p_find(l->text, l->text + l->len, "Linux version ");
	if (w->arch[0] || w->kernel[0] || !v)
		return;
	const char *ve = v + 14, *e = l->text + l->len;
	while (ve < e && *ve != ' ')
		ve++;
	str_copy(w->kernel, sizeof(w->kernel), v + 14, (size_t)(ve - v - 14));
	pf_arch_from_release(w);
	w->kernel[0] = '\0';
	const char *a = w->arch[0] ? NULL : banner_triplet_arch(ve, e);
	if (a)
		str_copy(w->arch, sizeof(w->arch), a, strlen(a));
	if (w->arch[0]) {
		w->arch_from_neighbour = true;
		w->arch_from_line = l->lineno;
		event_warn(w, "arch not in this report: taken from the next boot's banner at line %llu (same host)",
			   (unsigned long long)l->lineno);
	}
}

static void boot_banner(struct report_parser *P, const struct report_line *l)
{
	char host[64];
	str_copy(host, sizeof(host), l->host ? l->host : "", l->host ? l->host_len : 0);
	/* a report that ended "no killable processes" and then the machine
	 * booted: it did not live on (nokill_next) */
	for (int i = 0; i < PARSE_MAX_STATES; i++) {
		struct pstate *x = P->states[i];
		if (x && x->active && x->nokill_warn && !x->nokill_decided &&
		    (!host[0] || !strcmp(x->ev.host, host)))
			x->nokill_decided = true;
	}
	/* a report of this host still open or waiting for a release or an
	 * arch: the release after a reboot may be another, the machine is the
	 * same (a Raspberry Pi's "Linux version 4.9.59-v7+", a cross
	 * compiler's triplet; R1174), so its arch is lent, not its release
	 * (a log without hosts is one machine's, as for the release) */
	for (int i = 0; i < PARSE_MAX_STATES; i++) {
		struct pstate *x = P->states[i];
		if (x && x->active && (!host[0] || !strcmp(x->ev.host, host)))
			boot_arch(&x->ev, l);
	}
	if (P->pending && (!host[0] || !strcmp(P->pending->host, host))) {
		boot_arch(P->pending, l);
		flush_pending(P, NULL);
	}
	host_rel(P, host, true);
	for (int i = 0; i < P->nr_rel; i++)
		if (!host[0] || !strcmp(P->rel[i].host, host))
			P->rel[i].boot_line = l->lineno;   /* a report still open reads its release later */
}

/* A release (and an arch, "" for none) lent from another line of the log. */
static void lend_release(struct oom_event *ev, const char *kernel, const char *arch)
{
	str_copy(ev->kernel, sizeof(ev->kernel), kernel, strlen(kernel));
	struct kver v;
	if (kver_parse(ev->kernel, &v) == 0)
		ev->kv = v;
	if (!ev->arch[0] && arch[0])
		str_copy(ev->arch, sizeof(ev->arch), arch, strlen(arch));
	pf_arch_from_release(ev);
}

/* The cross compiler's target in a banner ("… (arm-tdx-linux-gnueabi-gcc
 * (GCC) 11.3.0, …)", R483): the arch the kernel was built for. */
static const char *banner_triplet_arch(const char *s, const char *e)
{
	static const struct { const char *cpu, *arch; } map[] = {
		{ "aarch64", "aarch64" }, { "x86_64", "x86_64" }, { "i686", "i686" }, { "i586", "i686" },
		{ "i386", "i686" }, { "powerpc64le", "ppc64le" }, { "powerpc64", "ppc64" }, { "powerpc", "ppc" },
		{ "riscv64", "riscv64" }, { "s390x", "s390x" }, { "mips64", "mips64" }, { "mipsel", "mips" },
		{ "mips", "mips" }, { "arm", "arm" }, { "loongarch64", "loongarch64" },
	};
	const char *g = p_find(s, e, "-linux-");
	if (!g)
		return NULL;
	const char *b = g;
	while (b > s && b[-1] != '(' && b[-1] != ' ')
		b--;
	const char *d = memchr(b, '-', (size_t)(g - b) + 1);
	for (size_t i = 0; d && i < ARRAY_SIZE(map); i++) {
		size_t n = strlen(map[i].cpu);
		/* "arm" also as "armv7a", "armeb"; the others exact */
		if ((size_t)(d - b) >= n && memcmp(b, map[i].cpu, n) == 0 &&
		    ((size_t)(d - b) == n || !strcmp(map[i].cpu, "arm")))
			return map[i].arch;
	}
	return NULL;
}

/* init/version.c linux_banner: "Linux version %s (%s@%s) (%s) %s" — the
 * release of the boot that follows. */
static void banner_release_read(struct report_parser *P, const struct report_line *l)
{
	const char *s = l->text, *e = s + l->len;
	const char *v = p_find(s, e, "Linux version ");
	if (!v)
		return;
	v += 14;
	const char *ve = v;
	while (ve < e && *ve != ' ')
		ve++;
	if (ve == v || *v < '0' || *v > '9')
		return;
	str_copy(P->banner_kernel, sizeof(P->banner_kernel), v, (size_t)(ve - v));
	str_copy(P->banner_host, sizeof(P->banner_host), l->host ? l->host : "", l->host ? l->host_len : 0);
	const char *a = banner_triplet_arch(ve, e);
	str_copy(P->banner_arch, sizeof(P->banner_arch), a ? a : "", a ? strlen(a) : 0);
	P->banner_line = l->lineno;
}

/* A report that prints no release takes its boot's banner (same host, no
 * boot between: the banner is the latest one). */
static void banner_release(struct report_parser *P, struct oom_event *ev)
{
	if (ev->kernel[0] || !P->banner_kernel[0] || P->banner_line >= ev->first_line ||
	    (ev->host[0] && strcmp(ev->host, P->banner_host) != 0))
		return;
	lend_release(ev, P->banner_kernel, P->banner_arch);
	event_warn(ev, "kernel release not in this report: taken from the boot banner at line %llu",
		   (unsigned long long)P->banner_line);
}

/* `uname -a` output (coreutils): "Linux NODENAME RELEASE #VERSION… MACHINE
 * [PROCESSOR PLATFORM] GNU/Linux".  Returns true when the line is one. */
bool report_is_uname_line(const char *s, size_t n, char *kernel, size_t kcap, char *arch, size_t acap, char *host,
			  size_t hcap)
{
	static const char *const arches[] = { "x86_64", "i686", "i586", "i386", "aarch64", "armv7l", "armv6l",
					      "armv5tel", "ppc64le", "ppc64", "ppc", "s390x", "mips64", "mips",
					      "riscv64", "loongarch64" };
	const char *e = s + n;
	if (!p_starts(s, e, "Linux ") || !p_find(s, e, " GNU/Linux"))
		return false;
	const char *tok[4];
	size_t tl[4];
	const char *p = s;
	for (int i = 0; i < 4; i++) {
		while (p < e && *p == ' ')
			p++;
		tok[i] = p;
		while (p < e && *p != ' ')
			p++;
		tl[i] = (size_t)(p - tok[i]);
		if (!tl[i])
			return false;
	}
	if (!(tok[2][0] >= '0' && tok[2][0] <= '9') || !memchr(tok[2], '.', tl[2]) || tok[3][0] != '#')
		return false;
	str_copy(kernel, kcap, tok[2], tl[2]);
	str_copy(host, hcap, tok[1], tl[1]);
	arch[0] = '\0';
	while (p < e) {
		while (p < e && *p == ' ')
			p++;
		const char *t = p;
		while (p < e && *p != ' ')
			p++;
		for (size_t i = 0; i < ARRAY_SIZE(arches); i++)
			if (strlen(arches[i]) == (size_t)(p - t) && memcmp(arches[i], t, (size_t)(p - t)) == 0) {
				/* one name for 32-bit x86 and one for 32-bit ARM
				 * (pf_arch_from_release) */
				const char *a = arches[i][0] == 'i' ? "i686" : !strncmp(arches[i], "armv", 4) ? "arm" : arches[i];
				str_copy(arch, acap, a, strlen(a));
				return true;
			}
	}
	return true;
}

/* A report that prints no release takes a `uname -a` pasted shortly before
 * it (a mail, a bug report), of its own host when it names one. */
#define PARSE_UNAME_LINES 200
static void uname_release(struct report_parser *P, struct oom_event *ev)
{
	if (ev->kernel[0] || !P->uname_kernel[0] || P->uname_line >= ev->first_line ||
	    ev->first_line - P->uname_line > PARSE_UNAME_LINES || (ev->host[0] && strcmp(ev->host, P->uname_host) != 0))
		return;
	lend_release(ev, P->uname_kernel, P->uname_arch);
	event_warn(ev, "kernel release not in this report: taken from the 'uname -a' pasted at line %llu",
		   (unsigned long long)P->uname_line);
}

/* One number of `free` output, in bytes: "2015" (the unit of the whole
 * table: -k, -m, -g or -b), "2.0Gi", "387Mi", "0B", "3.9G" (-h, --si).
 * Moves *p past it; -1 when it is none. */
static double free_number(const char **p, const char *e)
{
	const char *q = *p;
	double v = 0;
	bool digit = false;
	while (q < e && *q >= '0' && *q <= '9')
		v = v * 10 + (*q++ - '0'), digit = true;
	if (q < e && (*q == '.' || *q == ',') && q + 1 < e && q[1] >= '0' && q[1] <= '9') {
		double f = 0.1;
		for (q++; q < e && *q >= '0' && *q <= '9'; q++, f /= 10)
			v += (*q - '0') * f;
	}
	if (!digit)
		return -1;
	static const char units[] = "BKMGTP";
	const char *u = q < e ? strchr(units, *q) : NULL;
	if (u && *q) {
		v *= 1ull << (10 * (unsigned)(u - units));
		q++;
		if (q < e && *q == 'i')
			q++;
	}
	if (q < e && *q != ' ' && *q != '\t')
		return -1;
	*p = q;
	return v;
}

/* procps `free`: a header of "total used free …" and the rows "Mem:" and
 * "Swap:" (also "-/+ buffers/cache:" before procps-ng 3.3.10).  The Swap
 * row: total, used, free, in one unit or each with its own suffix (-h).
 * Pasted beside an OOM report it says whether the machine had swap at all,
 * which a report cut to its kill line does not. */
int report_free_swap_line(const char *s, size_t n)
{
	const char *e = s + n, *p = s;
	while (p < e && (*p == ' ' || *p == '\t'))
		p++;
	if (e - p < 11 || memcmp(p, "Swap:", 5) != 0 || (p[5] != ' ' && p[5] != '\t'))
		return OOM_FREE_SWAP_UNSEEN;
	p += 5;
	double v[3];
	for (int i = 0; i < 3; i++) {
		while (p < e && (*p == ' ' || *p == '\t'))
			p++;
		if ((v[i] = free_number(&p, e)) < 0)
			return OOM_FREE_SWAP_UNSEEN;
	}
	/* total = used + free, give or take the rounding of -h */
	if (v[1] + v[2] > v[0] * 1.1 + 1 || v[1] + v[2] < v[0] * 0.9 - 1)
		return OOM_FREE_SWAP_UNSEEN;
	if (v[0] == 0)
		return OOM_FREE_SWAP_NONE;
	return v[1] >= 0.95 * v[0] ? OOM_FREE_SWAP_FULL : OOM_FREE_SWAP_ROOM;
}

/* A report near a pasted `free` (within PARSE_UNAME_LINES after it, or
 * while it was still open) takes what it says of swap. */
static void free_swap_lend(struct report_parser *P, struct oom_event *ev)
{
	if (ev->side.free_swap || !P->free_swap || P->free_swap_line >= ev->first_line ||
	    ev->first_line - P->free_swap_line > PARSE_UNAME_LINES)
		return;
	ev->side.free_swap = (enum oom_free_swap)P->free_swap;
	ev->side.free_swap_line = P->free_swap_line;
	str_copy(ev->side.free_swap_text, sizeof(ev->side.free_swap_text), P->free_swap_text,
		 strlen(P->free_swap_text));
}

/* Seconds of a syslog date "Mar 24 18:41:04" within its month (day and
 * time), -1 when it is none. */
static int64_t syslog_secs(const char *t)
{
	size_t n = strlen(t), k = tr_mon_date(t, n);
	if (!k || k < 14)
		return -1;
	const char *p = t;
	while (*p && *p != ' ')
		p++;
	while (*p == ' ')
		p++;
	int d = 0, hh = 0, mm = 0, ss = 0;
	if (sscanf(p, "%d %d:%d:%d", &d, &hh, &mm, &ss) != 4)
		return -1;
	return ((int64_t)d * 24 + hh) * 3600 + mm * 60 + ss;
}

/* A kill line printed (or pasted) before its task table, text between
 * them (R511): the waiting header-less kill takes the table that comes
 * next — a table with no report line of its own, of the same host, dated
 * the same second as the kill or up to 2 s before it (dump_tasks runs
 * before the kill).  Returns true when the table went to it. */
static bool table_joins_pending(struct report_parser *P, struct pstate *st)
{
	struct oom_event *w = P->pending, *ev = &st->ev;
	if (!w || !st->started_mid || st->have_trigger || st->have_kill || st->have_selection ||
	    !ev->have_task_table || ev->have_meminfo || ev->snap.have_memcg || ev->constraint[0] ||
	    !w->have_victim || w->have_task_table || !w->header_missing || strcmp(w->host, ev->host) != 0)
		return false;
	double a = mono_time(w->time), b = mono_time(ev->time);
	int64_t sa = syslog_secs(w->time), sb = syslog_secs(ev->time);
	bool near = (a >= 0 && b >= 0 && b <= a && a - b <= 2.0) ||
		    (a < 0 && sa >= 0 && sb >= 0 && sb <= sa && sa - sb <= 2);
	if (!near)
		return false;
	struct oom_snapshot *ws = &w->snap, *es = &ev->snap;
	struct oom_task *t = ws->tasks;
	size_t nt = ws->nr_tasks, ct = ws->cap_tasks;
	ws->tasks = es->tasks;
	ws->nr_tasks = es->nr_tasks;
	ws->cap_tasks = es->cap_tasks;
	ws->tasks_truncated = es->tasks_truncated;
	es->tasks = t;
	es->nr_tasks = nt;
	es->cap_tasks = ct;
	w->have_task_table = true;
	if (ev->last_line > w->last_line)
		w->last_line = ev->last_line;
	for (size_t i = 0; i < ws->nr_tasks; i++)
		if (ws->tasks[i].pid == w->victim.pid && !known(w->victim.oom_score_adj))
			w->victim.oom_score_adj = ws->tasks[i].oom_score_adj;
	event_warn(w, "task table at line %llu, after the kill line, taken as its own",
		   (unsigned long long)ev->first_line);
	event_release(ev);
	event_init(ev);
	return true;
}

/* Two stamps that are no monotonic seconds (syslog or journal dates, or
 * none): the same text up to a fraction of a second. */
static bool same_second(const char *x, const char *y)
{
	const char *dx = strrchr(x, '.'), *dy = strrchr(y, '.');
	size_t nx = dx && dx[1] >= '0' && dx[1] <= '9' ? (size_t)(dx - x) : strlen(x);
	size_t ny = dy && dy[1] >= '0' && dy[1] <= '9' ? (size_t)(dy - y) : strlen(y);
	return nx == ny && !memcmp(x, y, nx);
}

static void state_emit(struct report_parser *P, struct pstate *st, bool end_of_input)
{
	struct oom_event *ev = &st->ev;
	if (!st->active)
		return;
	ev->cur_line = 0;   /* warnings from here on are about the whole event */
	if (st->reaper_provisional && ev->victim_from_reaper)
		event_warn(ev, "the kill line is not in the input: the victim is named by the oom_reaper line");
	st->active = false;
	P->nr_active--;
	if (ev->have_victim && known(ev->victim.pid))
		P->victim_pids[P->nr_victim_pids++ % 8] = ev->victim.pid;
	/* the panic's message just above the stack this report opened with
	 * (R4492: out_of_memory found nobody at boot, "System is deadlocked
	 * on memory", then panic()'s dump_stack through out_of_memory) */
	if (P->deadlock_line && ev->outcome == OOM_OUTCOME_UNKNOWN && !ev->have_victim && !st->have_trigger &&
	    st->trace_oom && ev->first_line > P->deadlock_line && ev->first_line - P->deadlock_line <= 3 &&
	    !strcmp(ev->host, P->deadlock_host)) {
		ev->outcome = OOM_OUTCOME_PANIC;
		ev->first_line = P->deadlock_line;
		P->deadlock_line = 0;
	}
	/* panic() prints its own dump_stack after "Kernel panic - not
	 * syncing: Out of memory…" (kernel/panic.c, 4.x+): with lines of
	 * another kind between (a vendor's register dump, R2174), that stack
	 * comes as a report opened at its header, its frames panic ←
	 * out_of_memory, of the same task, at most with the panic's own
	 * line or kdb's "PANIC:" echo of it: the panic's, no event */
	if (!st->have_trigger && (!st->have_kill || (!ev->have_victim && ev->outcome == OOM_OUTCOME_PANIC)) &&
	    !st->have_selection && st->from_header && st->trace_panic &&
	    P->panic_pid > 0 && known(ev->req.trigger_pid) && ev->req.trigger_pid == P->panic_pid &&
	    !ev->have_meminfo && ev->snap.nr_zones == 0 && !st->totals_seen && !ev->have_task_table) {
		state_reset(st);
		return;
	}
	/* A show_mem with nothing of an OOM report around it (sysrq-m, a report
	 * cut before its first useful line) is not an event — unless it is all
	 * the input holds (a paste of a part): then it is one fragment event. */
	bool useful = st->have_trigger || st->have_kill || st->have_selection || st->tail_kept ||
		      ev->have_task_table || ev->snap.have_memcg || ev->constraint[0] ||
		      (st->from_header && (st->trace_oom || st->trace_alloc) &&
		       /* frames alone, with no dump_stack line, may be a hung task's
			* trace through the OOM path: a report only with its body */
		       (!st->from_frame || ev->have_meminfo || ev->snap.nr_zones > 0 || st->totals_seen ||
			st->trace_dump_header));
	/* A slab's failure lines alone (slab_alone_line) are an event when they
	 * are all the input holds (R729, R1765, R2001); before a report they
	 * are that shortage's earlier failures, which the report explains
	 * (R651, R1248, R1884: the reports' facts count them as no event) */
	if (!useful && ev->side.slab_alone && end_of_input && P->nr_emitted == 0)
		useful = true;
	/* sysrq f's "Manual OOM execution" with nothing of a report after
	 * it: out_of_memory returned before dump_header — an OOM notifier
	 * freed memory (mm/oom_kill.c out_of_memory "if (freed > 0) return",
	 * sysrq's too until is_sysrq_oom was checked there, 4.x; i915's
	 * "Purging GPU memory", R5339, R6040) or the header was rate-limited:
	 * an invocation all the same, in which nobody was killed */
	if (st->sysrq_alone)
		useful = true;
	/* a CMA area's failure line: held below until the text shows whether
	 * it holds a report (cma_alone_line) */
	if (ev->side.cma_alone)
		useful = true;
	/* Task rows alone (their header cut, R158) are the OOM killer's own
	 * lines (mm/oom_kill.c dump_tasks, printed by nothing else): two or
	 * more of them as all the input holds are a report cut at both ends. */
	if (!useful && end_of_input && P->nr_emitted == 0 && ev->snap.nr_tasks >= 2 && st->started_mid &&
	    !ev->have_meminfo && ev->snap.nr_zones == 0 && !st->totals_seen)
		useful = true;
	/* Frames alone through the OOM killer's or warn_alloc's path (a
	 * paste that opens inside the trace, under its dump_stack and report
	 * lines, and ends at the registers: R3763, R3765, R3772) are a report
	 * cut at both ends when they are all the input holds — not after a
	 * hung task's "INFO: task … blocked" line (the trace the rule above
	 * guards against, whose task sleeps inside out_of_memory), not from
	 * stale "? " words, and two frames at least (one word quoted in
	 * prose is not a trace). */
	if (!useful && end_of_input && P->nr_emitted == 0 && st->from_frame && st->trace_oom_live &&
	    st->stack_lines >= 1 && !P->hung_task_line && !st->show_task_trace && !ev->have_meminfo &&
	    ev->snap.nr_zones == 0 && !st->totals_seen)
		useful = true;
	/* per-cpu pageset lines are show_mem's too (mm/page_alloc.c
	 * show_free_areas, 2.6.19-3.18): a paste of only those is one */
	/* ... and so is one a user asked for with SysRq-M after other reports
	 * (drivers/tty/sysrq.c "Show Memory", R935): a dump of its own */
	/* ... and so is each of show_mem dumps pasted one after another with
	 * nothing else of a report in the text so far (R871), which state_line
	 * ends at the next dump's "Mem-Info:" */
	/* ... and so are its per-node hugepage lines (mm/hugetlb.c
	 * hugetlb_show_meminfo, printed by show_mem from 3.9/3.10 on: "Node 0
	 * hugepages_total=2048 hugepages_free=2048 …", R6368, R6386) */
	bool next_dump = st->next_dump && P->nr_emitted == 0 && ev->have_meminfo && st->totals_seen;
	if (!useful && ((end_of_input && P->nr_emitted == 0) || next_dump || (st->sysrq_show_mem && ev->have_meminfo)) &&
	    (ev->have_meminfo || ev->snap.nr_zones > 0 || st->totals_seen || st->percpu_seen ||
	     (st->shape & SH_HUGEPAGES))) {
		ev->kind = OOM_KIND_FRAGMENT;
		ev->truncated = true;
		useful = true;
		/* a show_mem joined by a slab failure (mm/slub.c
		 * slab_out_of_memory, after allocate_slab's page allocation
		 * failed and warn_alloc printed this show_mem, R564) is the
		 * allocation failure's; the OOM killer's dump_header prints
		 * no such line */
		if (ev->side.slab_failure) {
			ev->kind = OOM_KIND_ALLOC_FAILURE;
			ev->outcome = OOM_OUTCOME_NONE;
		} else if (st->slab_table_seen) {
			/* the unreclaimable slab table: only the OOM killer's
			 * dump_header prints it, for a system-wide OOM (mm/oom_kill.c
			 * 4.15+: "if (is_memcg_oom(oc)) … else { __show_mem(…); if
			 * (should_dump_unreclaim_slab()) dump_unreclaimable_slab(); }"),
			 * so a show_mem holding it is a global OOM's, its trigger cut */
			ev->kind = OOM_KIND_GLOBAL;
		} else if (ev->have_task_table && !ev->snap.have_memcg) {
			/* the task table after it (its heading, or rows): dump_tasks,
			 * printed only by the OOM killer's dump_header (mm/oom_kill.c),
			 * after show_mem for a system-wide OOM — a memory cgroup's
			 * prints its own lines instead (4.x+), or before show_mem
			 * (≤3.x), none of them here (R3643) */
			ev->kind = OOM_KIND_GLOBAL;
		}
	}
	if (!useful) {
		state_reset(st);
		return;
	}
	/* the first report after a pasted "echo f > /proc/sysrq-trigger"
	 * (report_is_sysrq_f_command, a line the scanner passes from the
	 * back-fill window before a cut report) is that manual OOM's */
	if (P->sysrq_f_cmd[0] && P->sysrq_f_cmd[0] < ev->first_line && ev->kind != OOM_KIND_ALLOC_FAILURE &&
	    ev->kind != OOM_KIND_FRAGMENT) {
		ev->sysrq_manual = true;
		/* this report takes the last command before it; earlier
		 * ones had no report of their own */
		size_t k = 0;
		while (k < 4 && P->sysrq_f_cmd[k] && P->sysrq_f_cmd[k] < ev->first_line)
			k++;
		memmove(P->sysrq_f_cmd, P->sysrq_f_cmd + k, (4 - k) * sizeof(P->sysrq_f_cmd[0]));
		memset(P->sysrq_f_cmd + (4 - k), 0, k * sizeof(P->sysrq_f_cmd[0]));
	}
	if (st->started_mid)
		ev->truncated = true;
	if (ev->kind == OOM_KIND_ALLOC_FAILURE) {
		/* a CMA area's failure is its one line and the areas' line */
		if (!st->totals_seen && (end_of_input || !ev->have_meminfo) && !ev->side.cma_alone)
			ev->truncated = true;
	} else if (!st->have_kill && ev->outcome == OOM_OUTCOME_UNKNOWN) {
		ev->truncated = true;
	}
	uname_release(P, ev);
	free_swap_lend(P, ev);
	if (ev->kernel[0] || ev->header_missing || st->started_mid)
		neighbour_release(P, ev);
	banner_release(P, ev);
	pf_finish(st);
	/* A report opened mid-way, its own lines showing no arch: the stack
	 * lines just before it (its cut trace) do.  So does a trace that ends
	 * right above a whole report's first line (a blank between at most;
	 * a wrapped frame line counts from its first piece):
	 * the same machine's, pasted or printed before the header (2.6.15's
	 * trace above "oom-killer: gfp_mask=0xd1, order=0", R1227). */
	if (!ev->arch[0] && (st->started_mid || ev->first_line - P->idle_arch_line <= 3) && P->idle_arch[0] &&
	    P->idle_arch_line < ev->first_line &&
	    ev->first_line - P->idle_arch_line <= PARSE_UNAME_LINES && !strcmp(ev->host, P->idle_arch_host)) {
		str_copy(ev->arch, sizeof(ev->arch), P->idle_arch, strlen(P->idle_arch));
		pf_arch_from_release(ev);
	}
	/* The arch goes with a borrowed release (the same machine), once this
	 * report's own evidence had its say in pf_finish. */
	if (ev->kernel[0]) {
		struct host_release *hr = host_rel(P, ev->host, false);
		if (hr && ev->kernel_from_neighbour && !ev->arch[0] && hr->arch[0]) {
			str_copy(ev->arch, sizeof(ev->arch), hr->arch, strlen(hr->arch));
			ev->arch_from_neighbour = true;
			event_warn(ev, "arch not in this report: taken from the report at line %llu (same host)",
				   (unsigned long long)hr->line);
		} else if (hr && !ev->kernel_from_neighbour && hr->line == ev->first_line) {
			str_copy(hr->arch, sizeof(hr->arch), ev->arch, strlen(ev->arch));
		}
	}
	/* The same report twice in a row (a relay that repeats a block, one
	 * record stream written twice): identical time, host and request, the
	 * copy right after the first.  Far apart, the same time is more likely
	 * two reports (a log with second-resolution stamps, a test file). */
	/* more CMA failures than can be held, no report yet: the text is
	 * theirs; those held go out, and every later one as it ends */
	if (ev->side.cma_alone && !P->cma_flood && P->nr_held == PARSE_HELD_DUMPS) {
		P->cma_flood = true;
		release_held(P, true);
	}
	if ((next_dump && ev->kind == OOM_KIND_FRAGMENT) || (ev->side.cma_alone && !P->cma_flood)) {
		/* held until the text says whether it holds anything else */
		struct oom_event *w = P->nr_held < PARSE_HELD_DUMPS ? malloc(sizeof(*w)) : NULL;
		if (w) {
			*w = *ev;
			event_init(ev);   /* its tables now belong to w */
			P->held[P->nr_held++] = w;
		}
		state_reset(st);
		return;
	}
	struct oom_event *pe = P->pending;
	/* A reaper's line alone (the text opens after the kill it reaps) and
	 * then, within a second, the next report of the host: the line is the
	 * tail of the storm the next report belongs to, not an event of its own
	 * (R601); a reaper line further off stays one (R566). */
	if (pe && pe->victim_from_reaper && pe->header_missing && !pe->have_meminfo && !pe->snap.nr_tasks &&
	    !pe->req.trigger_comm[0] && !strcmp(pe->host, ev->host)) {
		double a = mono_time(pe->time), b = mono_time(ev->time);
		/* no monotonic stamps: the same syslog second, or no stamp at
		 * all to tell them apart */
		if ((a >= 0 && b >= 0 && b >= a && b - a < 1.0) ||
		    (a < 0 && b < 0 && same_second(pe->time, ev->time))) {
			event_release(pe);
			free(pe);
			P->pending = NULL;
			P->nr_emitted--;   /* counted when it began to wait */
			pe = NULL;
		}
	}
	/* One report quoted twice, with no stamps to tell (R218): first its key
	 * lines (trigger, selection, kill) with nothing of its body, then in
	 * full, cut before its kill.  The kernel never prints a trigger line
	 * without its dump_stack and show_mem: the waiting copy's kill is this
	 * report's. */
	if (pe && !pe->time[0] && !ev->time[0] && !strcmp(pe->host, ev->host) && st->have_trigger &&
	    pe->req.trigger_comm[0] && !strcmp(pe->req.trigger_comm, ev->req.trigger_comm) &&
	    pe->req.gfp_text[0] && !strcmp(pe->req.gfp_text, ev->req.gfp_text) && pe->req.order == ev->req.order &&
	    pe->have_victim && !pe->have_meminfo && pe->snap.nr_tasks == 0 && pe->snap.nr_zones == 0 &&
	    !pe->kernel[0] && !st->have_kill && !ev->have_victim && (ev->have_meminfo || ev->kernel[0])) {
		ev->victim = pe->victim;
		ev->have_victim = true;
		ev->outcome = pe->outcome;
		ev->first_line = pe->first_line;
		event_release(pe);
		free(pe);
		P->pending = NULL;
		P->nr_emitted--;   /* counted when it began to wait */
		event_warn(ev, "the report is quoted twice (its key lines, then in full): one event");
	}
	/* A trigger line alone, quoted after the kill lines of its own report
	 * (an expert explaining the lines in his order, R187): its stamp is
	 * earlier than the waiting header-less report of the same host, by
	 * less than a second (a syslog date: the same second).  Its request
	 * is that report's.  An allocation failure's line is no OOM's trigger
	 * (2.4's one-line failure right after "VM: killing process", R2320). */
	if (pe && st->have_trigger && !st->have_content && ev->kind != OOM_KIND_ALLOC_FAILURE &&
	    !pe->req.trigger_comm[0] && !pe->req.gfp_known &&
	    pe->header_missing && !strcmp(pe->host, ev->host)) {
		double a = mono_time(ev->time), b = mono_time(pe->time);
		if ((a >= 0 && b >= 0 && a <= b && b - a < 1.0) ||
		    (a < 0 && b < 0 && ev->time[0] && !strcmp(ev->time, pe->time))) {
			pe->req = ev->req;
			pe->header_missing = false;
			if (!pe->kernel[0] && ev->kernel[0])
				str_copy(pe->kernel, sizeof(pe->kernel), ev->kernel, strlen(ev->kernel));
			state_reset(st);
			return;
		}
	}
	/* Kill lines alone that repeat the last event's kill line, the same
	 * monotonic stamp to the microsecond and the same victim: the expert
	 * quoted them again after the report (R210), no second kill. */
	double kt = mono_time(st->kill_time);
	if (ev->header_missing && !st->have_trigger && !ev->have_meminfo && !ev->have_task_table && kt >= 0 &&
	    P->last_kill_time[0] && !strcmp(st->kill_time, P->last_kill_time) && ev->victim.pid == P->last_kill_pid &&
	    strchr(st->kill_time, '.') && strlen(strchr(st->kill_time, '.')) >= 4) {
		state_reset(st);
		return;
	}
	if (st->have_kill && kt >= 0) {
		str_copy(P->last_kill_time, sizeof(P->last_kill_time), st->kill_time, strlen(st->kill_time));
		P->last_kill_pid = ev->victim.pid;
	}
	struct event_sig sig;
	make_sig(ev, st->trace_hash, st->start_mono, &sig);
	/* 2.4's one-line failures repeat byte for byte in one second, each a
	 * failure the kernel printed (no ratelimit, R2321): not copies */
	if (ev->time[0] && !st->era24 && P->have_sig && memcmp(&sig, &P->last_sig, sizeof(sig)) == 0 &&
	    ev->first_line <= P->last_sig_end + PARSE_DUP_GAP) {
		/* lines the copy had after its kill belong to the one event (the
		 * kill logged twice, then the NUMA hint once, R545) */
		if (P->pending && ev->numa_oom_hint && !P->pending->numa_oom_hint) {
			P->pending->numa_oom_hint = true;
			if (!P->pending->arch[0])
				str_copy(P->pending->arch, sizeof(P->pending->arch), ev->arch, strlen(ev->arch));
		}
		state_reset(st);
		return;
	}
	if (table_joins_pending(P, st)) {
		state_reset(st);
		return;
	}
	/* a header alone (its show_mem and kill cut) under a minute after a
	 * report of the same host the text told system-wide: the same
	 * shortage, as the OOM killer is invoked again while it lasts
	 * (mm/oom_kill.c out_of_memory, once per failed allocation) */
	if (P->last_global_line && ev->kind == OOM_KIND_GLOBAL && !global_told(ev) &&
	    !strcmp(P->last_global_host, ev->host) && within_minute_after(P->last_global_time, ev->time))
		ev->global_from_line = P->last_global_line;
	if (global_told(ev)) {
		P->last_global_line = ev->first_line;
		str_copy(P->last_global_host, sizeof(P->last_global_host), ev->host, strlen(ev->host));
		str_copy(P->last_global_time, sizeof(P->last_global_time), ev->time, strlen(ev->time));
	}
	P->last_sig = sig;
	P->have_sig = true;
	P->last_sig_end = ev->last_line;
	P->last_outcome = ev->outcome;
	if (ev->outcome == OOM_OUTCOME_PANIC || st->panicked)
		P->panic_pid = known(ev->req.trigger_pid) ? ev->req.trigger_pid : 0;
	if (P->pending && ev->first_line < P->pending->first_line) {
		/* this report began before the waiting one (two hosts' reports
		 * open at once, R317): it goes first, and the waiting one is
		 * the report after it */
		lend_next(ev, P->pending);
		deliver(P, ev);
		ev->next_report = NULL;   /* borrowed for the callback only */
		state_reset(st);
		return;
	}
	bool want_release = !ev->kernel[0] && (ev->header_missing || st->started_mid);
	/* a report whose text names neither release nor arch: the next report
	 * of the same machine (no reboot between) may show the arch (R211) */
	bool want_arch = !ev->kernel[0] && !ev->arch[0];
	/* a global kill with no memory figures (Mem-Info snipped): the next
	 * report of the machine may say whether it has swap */
	bool want_swap = !ev->have_meminfo && !known(ev->snap.mem.swap_total_kib) && ev->have_victim &&
			 ev->kind == OOM_KIND_GLOBAL;
	/* a run of such reports (kill lines one after the other, a grep's)
	 * waits as a chain for the first that shows a release or an arch
	 * (R4163: three kills, then stall warnings with their CPU and
	 * Hardware name lines) */
	if (!((want_release || want_arch) && ev->kind != OOM_KIND_FRAGMENT && chain_pending(P, ev)))
		flush_pending(P, ev);
	if ((want_release || want_swap || want_arch) && ev->kind != OOM_KIND_FRAGMENT) {
		/* wait for the next report (the event, its task table included,
		 * moves to the pending slot) */
		struct oom_event *w = malloc(sizeof(*w));
		if (w) {
			*w = *ev;
			event_init(ev);   /* the task table now belongs to w */
			P->pending = w;
			P->nr_emitted++;  /* delivered later, but an event: no fragment after it */
			if (!w->arch[0])
				P->tail_request = PARSE_ARCH_TAIL;
			state_reset(st);
			return;
		}
	}
	deliver(P, ev);
	state_reset(st);
}

static void state_begin(struct report_parser *P, struct pstate *st, const struct report_line *l)
{
	if (st->active)
		state_emit(P, st, false);
	state_reset(st);
	st->active = true;
	P->nr_active++;
	struct oom_event *ev = &st->ev;
	str_copy(ev->source, sizeof(ev->source), P->source, strlen(P->source));
	if (l->time)
		str_copy(ev->time, sizeof(ev->time), l->time, l->time_len);
	if (l->host)
		str_copy(ev->host, sizeof(ev->host), l->host, l->host_len);
	if (l->mono && l->mono_len < sizeof(st->start_mono))
		str_copy(st->start_mono, sizeof(st->start_mono), l->mono, l->mono_len);
	ev->first_line = ev->last_line = l->lineno;
}

/* Does a kill-type line open a report of its own (none open, or the open
 * one is complete or is an allocation failure)? */
static bool need_new(const struct pstate *st)
{
	return !st->active || st->have_kill || st->ev.kind == OOM_KIND_ALLOC_FAILURE;
}

/* A report's start line while a report cut at its head is open: what is
 * open is the tail of an earlier report (show_mem comes after the start
 * line, and its totals end it), an event of its own even with no kill line
 * when it says more than page counts — the swap lines or zone/buddy lines
 * ("Free swap = …", "N pages RAM" | "x invoked oom-killer: …", R527, R537);
 * page counts alone say nothing of that report (R108). */
/* FNV-1a of a start line's text. */
static uint64_t text_hash(const char *s, const char *e)
{
	uint64_t h = 1469598103934665603ull;
	for (; s < e; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211ull;
	return h | 1;   /* never 0: 0 is "none" */
}

/* A start line that repeats the open report's start line, that report
 * holding nothing else: the line was quoted alone before the report it
 * starts ("> x invoked oom-killer: …", a reply's own copy, then the
 * quoted report, R508) — one report, not one per copy.  The lone copy is
 * dropped. */
static void drop_lone_copy(struct report_parser *P, struct pstate *st, const struct report_line *l, const char *s,
			   const char *e)
{
	/* a different time says two reports (grep of the start lines, R064);
	 * so does a different monotonic stamp after the same syslog second
	 * (a storm of headers, each printed milliseconds apart, R5303) */
	size_t tl = l->time ? l->time_len : 0;
	bool same_time = strlen(st->ev.time) == tl && (tl == 0 || memcmp(st->ev.time, l->time, tl) == 0);
	size_t ml = l->mono ? l->mono_len : 0;
	if (same_time && ml && st->start_mono[0] && (strlen(st->start_mono) != ml || memcmp(st->start_mono, l->mono, ml) != 0))
		same_time = false;
	if (st->active && st->have_trigger && !st->have_content && same_time && st->trig_hash == text_hash(s, e)) {
		st->active = false;
		P->nr_active--;
		state_reset(st);
	}
}

static void keep_cut_tail(struct pstate *st)
{
	if (st->active && st->started_mid && !st->have_trigger && st->totals_seen &&
	    (known(st->ev.snap.mem.swap_total_kib) || known(st->ev.snap.mem.swap_free_kib) || st->ev.snap.nr_zones > 0))
		st->tail_kept = true;
}

/* A kill-type line with no open report to join: it opens one whose header
 * is missing (rate-limited or cut). */
static void join_or_open_headerless(struct report_parser *P, struct pstate *st, const struct report_line *l)
{
	if (need_new(st)) {
		state_begin(P, st, l);
		st->ev.header_missing = true;
	}
}

/* ---- header lines --------------------------------------------------------- */

/* %pGg (lib/vsprintf.c flags_string, 4.8+) joins the flag names with '|'
 * and no blank: a blank inside the parentheses is where a mailer broke the
 * line and the scanner joined it back ("(GFP_KE" / "RNEL_ACCOUNT|…)"). */
static void gfp_text_unblank(char *g)
{
	char *w = strchr(g, '(');
	if (!w)
		return;
	for (const char *r = w; *r; r++)
		if (*r != ' ')
			*w++ = *r;
	*w = '\0';
}

/* "gfp_mask=0x140dca(GFP_…)" / "mode:0x…(…)" at p: text and value. */
static void read_gfp(struct oom_event *ev, const char *p, const char *e)
{
	const char *h = p;
	/* the token ends at its last letter or digit: "mode:0x20)" quoted
	 * inside a sentence's parentheses is 0x20 */
	while (p < e && ((*p >= '0' && *p <= '9') || (*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z')))
		p++;
	uint64_t v;
	if (p < e && *p == '*' && p - h >= 2 && h[0] == '0' && h[1] == 'x') {
		/* digits masked by whoever pasted it ("0x240****(GFP_KERNEL)",
		 * R512): as printed, the value unknown — never the digits left */
		while (p < e && *p == '*')
			p++;
		ev->req.gfp_masked = true;
	} else if (parse_hex_u64(h, (size_t)(p - h), &v) == 0 && p - h >= 3 && h[0] == '0' && h[1] == 'x') {
		ev->req.gfp_known = true;
		ev->req.gfp_mask = v;
	} else {
		event_warn(ev, "gfp mask not understood");
	}
	const char *hex_end = p;
	if (e - p > 5 && *p == ' ' && (p_starts(p + 1, e, "(GFP_") || p_starts(p + 1, e, "(__GFP_"))) {
		/* "%#x(%pGg)" has no blank: one here is where a wrapped line was
		 * joined back ("gfp_mask=0x240c2c0" / "(GFP_KERNEL|…)") */
		const char *c = memchr(p, ')', (size_t)(e - p));
		if (c) {
			size_t hl = (size_t)(hex_end - h);
			p_copy(ev->req.gfp_text, sizeof(ev->req.gfp_text), h, hex_end);
			if (hl < sizeof(ev->req.gfp_text))
				p_copy(ev->req.gfp_text + hl, sizeof(ev->req.gfp_text) - hl, p + 1, c + 1);
			return;
		}
	}
	if (p < e && *p == '(') {
		const char *c = memchr(p, ')', (size_t)(e - p));
		p = c ? c + 1 : e;
	}
	p_copy(ev->req.gfp_text, sizeof(ev->req.gfp_text), h, p);
	gfp_text_unblank(ev->req.gfp_text);
}

/* read_gfp, and the era shape of how the mask was printed (symbolic names
 * 4.8+, numeric before). */
static void read_gfp_shape(struct pstate *st, const char *p, const char *e)
{
	read_gfp(&st->ev, p, e);
	if (strchr(st->ev.req.gfp_text, '('))
		st->shape |= SH_GFP_SYMBOLIC;
	else if (st->ev.req.gfp_known)
		st->shape |= SH_GFP_NUMERIC;
}

/* The number after "key" (e.g. "order=") when present: 0, else -1. */
static int key_num(const char *s, const char *e, const char *key, int64_t *out)
{
	const char *q = p_find(s, e, key);
	if (!q)
		return -1;
	q += strlen(key);
	int64_t v;
	if (p_inum(&q, e, &v) != 0)
		return -2;
	*out = v;
	return 0;
}

static void trigger_params(struct pstate *st, const char *params, const char *e);
static void af_params(struct pstate *st, const char *r, const char *e);

/* Does the printed gfp text stop inside its flag names ("0x…(A|B|" or a
 * trailing backslash), i.e. was the line broken there? */
static bool gfp_text_open(const char *g)
{
	const char *par = strchr(g, '(');
	return par && !strchr(par, ')');
}

/* "gfp_mask=0x240c2c0" and nothing after it: a mailer broke the line
 * before the flag names ("(GFP_KERNEL|…), nodemask=0, order=3,"). */
static bool gfp_ends_line(const char *p, const char *e)
{
	if (!p_starts(p, e, "0x"))
		return false;
	p += 2;
	while (p < e && ((*p >= '0' && *p <= '9') || (*p >= 'a' && *p <= 'f')))
		p++;
	while (p < e && *p == ' ')
		p++;
	return p == e;
}

/* The next line of a start line broken inside its request (st->hdr_cont):
 * the rest of the flag names and the parameters, or warn_alloc's "mode:". */
static bool hdr_continuation(struct pstate *st, const char *s, const char *e)
{
	struct oom_event *ev = &st->ev;
	uint8_t k = st->hdr_cont;
	if (s == e)
		return false;   /* a double-spaced paste: the rest comes after a blank line */
	st->hdr_cont = HDR_CONT_NONE;
	if (k == HDR_CONT_MODE) {
		if (!p_starts(s, e, "mode:"))
			return false;
		af_params(st, s, e);
		return true;
	}
	if (k != HDR_CONT_GFP || !(p_starts(s, e, "__GFP_") || p_starts(s, e, "GFP_") || p_starts(s, e, "|") ||
				   p_starts(s, e, "(GFP_") || p_starts(s, e, "(__GFP_")))
		return false;
	if (*s == '(') {
		if (strchr(ev->req.gfp_text, '('))
			return false;   /* the names were on the line already */
		st->shape |= SH_GFP_SYMBOLIC;
	}
	const char *close = memchr(s, ')', (size_t)(e - s));
	if (!close)
		return false;
	char *g = ev->req.gfp_text;
	size_t n = strlen(g);
	while (n > 0 && (g[n - 1] == '\\' || g[n - 1] == ' '))
		n--;
	g[n] = '\0';
	size_t add = (size_t)(close + 1 - s);
	if (n + add < sizeof(ev->req.gfp_text)) {
		memcpy(g + n, s, add);
		g[n + add] = '\0';
	}
	trigger_params(st, close + 1, e);
	return true;
}

/* The trigger line's parameters after the gfp mask: order, nodemask and the
 * trigger's oom_score_adj / oom_adj (mm/oom_kill.c dump_header, every era). */
static void trigger_params(struct pstate *st, const char *params, const char *e)
{
	struct oom_event *ev = &st->ev;
	const char *o = p_find(params, e, "order=");
	int64_t v;
	if (o) {
		const char *oq = o + 6;
		if (p_inum(&oq, e, &v) == 0 && v >= -1 && v < 64)
			ev->req.order = v;
		else
			event_warn(ev, "order not understood");
	}
	const char *nm = p_find(params, e, "nodemask=");
	if (nm) {
		/* "nodemask=0-1,3, order=" (4.9–4.19; 4.13/4.14: two spaces) */
		const char *ne = o && o > nm ? o : e;
		while (ne > nm + 9 && (ne[-1] == ' ' || ne[-1] == ','))
			ne--;
		p_copy(ev->req.nodemask, sizeof(ev->req.nodemask), nm + 9, ne);
		st->shape |= SH_NODEMASK_TRIG;
	}
	int r;
	if ((r = key_num(params, e, "oom_score_adj=", &v)) == 0 && v >= -1000 && v <= 1000) {
		ev->req.trigger_oom_score_adj = v;
		st->shape |= SH_OOM_SCORE_ADJ;
	} else if (r != -1) {
		event_warn(ev, "trigger oom_score_adj not understood");
	}
	if ((r = key_num(params, e, "oom_adj=", &v)) == 0 && v >= -17 && v <= 15) {
		ev->req.trigger_oom_adj = v;
		st->shape |= SH_OOM_ADJ;
	} else if ((r = key_num(params, e, "oomkilladj=", &v)) == 0 && v >= -17 && v <= 15) {
		ev->req.trigger_oom_adj = v;
		st->shape |= SH_OOMKILLADJ;
	}
}

/* "mem_on_node0 invoked oom-killer" and nothing after (an expert trimmed
 * the request, R122/R123): where " invoked" starts, NULL when the line is
 * not that.  The name before it is a comm (at most TASK_COMM_LEN - 1 = 15
 * bytes), so prose that says so is not taken. */
static const char *bare_trigger(const char *s, const char *e)
{
	return line_kind_bare_trigger(s, (size_t)(e - s));
}

/* The trigger's name before " invoked oom-killer".  A debug kernel (an mm
 * tree of 4.13, R300) printed it as "comm:pid": the digits after the last
 * ':' are the trigger's pid when the name before them has no '/' (kernel
 * threads carry their ':' after a '/': "kworker/u8:2" stays whole). */
static void trigger_comm_pid(struct pstate *st, const char *s, const char *q)
{
	struct oom_event *ev = &st->ev;
	const char *c = q;
	while (c > s && c[-1] >= '0' && c[-1] <= '9')
		c--;
	int64_t pid;
	const char *d = c;
	if (c < q && c - 1 > s && c[-1] == ':' && q - c <= 7 && !memchr(s, '/', (size_t)(c - 1 - s)) &&
	    p_num(&d, q, &pid) == 0 && d == q && pid > 0) {
		p_copy(ev->req.trigger_comm, sizeof(ev->req.trigger_comm), s, c - 1);
		if (!known(ev->req.trigger_pid))
			ev->req.trigger_pid = pid;
		/* the whole name, should the dump_stack line show it with the
		 * ':' (stack_header_line) */
		p_copy(st->trig_comm_whole, sizeof(st->trig_comm_whole), s, q);
		return;
	}
	/* current->comm is at most TASK_COMM_LEN - 1 = 15 bytes
	 * (include/linux/sched.h): a longer name is other text glued before it
	 * (a program's output on the console line, "Creating journal (262144
	 * blocks): mkfs.ext4 invoked …" once the stamp between them is gone):
	 * the name starts after the first blank that leaves at most 15. */
	if (q - s > 15) {
		for (const char *b = q - 16; b < q - 1; b++)
			if (*b == ' ') {
				s = b + 1;
				break;
			}
	}
	p_copy(ev->req.trigger_comm, sizeof(ev->req.trigger_comm), s, q);
}

/* OpenVZ / Virtuozzo 2.6.32 (kernel/bc/oom_kill.c ub_oom_lock): "%d (%s)
 * invoked oom-killer in ub %d generation %d gfp 0x%x", then the
 * beancounter's own "UB-N-Mem-Info:" for a container (ub N ≥ 0), or
 * dump_stack and show_mem for the host (ub -1).  A container's
 * beancounter limit is the counterpart of a memcg limit: kind memcg. */
static bool ub_trigger_line(struct report_parser *P, struct pstate *st, const struct report_line *l,
			    const char *s, const char *q, const char *e)
{
	const char *p = s;
	int64_t pid, ub;
	if (p_num(&p, q, &pid) != 0 || !p_starts(p, q, " (") || q[-1] != ')')
		return false;
	const char *r = q + 26;
	if (p_inum(&r, e, &ub) != 0)
		return false;
	keep_cut_tail(st);
	state_begin(P, st, l);
	struct oom_event *ev = &st->ev;
	st->have_trigger = true;
	p_copy(ev->req.trigger_comm, sizeof(ev->req.trigger_comm), p + 2, q - 1);
	ev->req.trigger_pid = pid;
	st->ub_container = ub >= 0;
	st->shape |= SH_RHEL6_KILL;   /* beancounters exist only in the RHEL 6 based 2.6.32 OpenVZ kernels */
	const char *g = p_find(r, e, " gfp 0x");
	if (g)
		read_gfp(ev, g + 5, e);
	return true;
}

/* CONFIG_PRINTK_CALLER (5.1+, kernel/printk/printk.c) stamps each line with
 * "[  T728]": the id of the task that printed it.  The trigger line is
 * printed by the allocating task itself (current), so its caller id is the
 * trigger's pid when no "CPU: N PID: N" line says it (R464). */
static void trigger_pid_from_caller(struct pstate *st, const struct report_line *l)
{
	if (!l->caller || l->caller_len < 2 || l->caller[0] != 'T' || known(st->ev.req.trigger_pid))
		return;
	int64_t v = 0;
	for (size_t i = 1; i < l->caller_len; i++) {
		if (l->caller[i] < '0' || l->caller[i] > '9' || v > 100000000)
			return;
		v = v * 10 + (l->caller[i] - '0');
	}
	if (v > 0)
		st->ev.req.trigger_pid = v;
}

static bool trigger_line(struct report_parser *P, struct pstate *st, const struct report_line *l,
			 const char *s, const char *e)
{
	/* A quoted-printable body the scanner could not tell (hard-wrapped,
	 * no soft break): "gfp_mask=3D0x200da, order=3D0" (R234).  "=3D" right
	 * after a key is the encoded '=': decoded here, on this line only. */
	char qp[512];
	if (p_find(s, e, "=3D") && (size_t)(e - s) < sizeof(qp)) {
		size_t n = 0;
		for (const char *c = s; c < e; c++) {
			qp[n++] = *c;
			if (*c == '=' && e - c > 3 && c[1] == '3' && c[2] == 'D' && c > s && c[-1] >= 'a' && c[-1] <= 'z')
				c += 2;
		}
		s = qp;
		e = qp + n;
	}
	const char *q = p_find(s, e, " invoked oom-killer: ");
	const char *params;
	bool old = false;
	if (q && line_kind_invoked_prose(q + 20, (size_t)(e - q - 20))) {
		return false;   /* prose quoting the words (linekind.c) */
	} else if (q) {
		params = q + 21;
	} else if ((q = p_find(s, e, " invoked oom: gfp_mask=")) != NULL && q > s && q - s <= 15) {
		params = q + 14;      /* retyped by hand ("main invoked oom: gfp_mask=…", R254) */
	} else if ((q = bare_trigger(s, e)) != NULL) {
		params = q + 19;   /* trimmed to "java invoked oom-killer" (its request elided: "… ..."): none, or what is left */
	} else if (p_starts(s, e, "oom-killer: gfp_mask=")) {
		params = s + 12;      /* 2.6.16–2.6.18: no task name */
		old = true;
	} else if (P->indent2 && p_starts(s, e, "invoked oom-killer: gfp_mask=")) {
		/* an empty comm (prctl(PR_SET_NAME, "") — malware hiding its
		 * name, R2166): "%s invoked" printed with nothing before the
		 * blank, which the line's trim took — two blanks or more, the
		 * stamp's and the comm's: one is a comm the scanner took for a
		 * prefix ("runc:[1:CHILD] invoked" printed twice in a row) */
		q = s;
		params = s + 20;
	} else if ((q = p_find(s, e, " invoked oom-killer in ub ")) != NULL) {
		return ub_trigger_line(P, st, l, s, q, e);
	} else {
		return false;
	}
	keep_cut_tail(st);
	drop_lone_copy(P, st, l, s, e);
	/* sysrq f's line right before: this report is that press's
	 * (drivers/tty/sysrq.c moom_callback, then out_of_memory's header) */
	bool sysrq_before = st->active && st->sysrq_alone;
	if (sysrq_before) {
		st->active = false;
		P->nr_active--;
		state_reset(st);
	}
	state_begin(P, st, l);
	struct oom_event *ev = &st->ev;
	if (sysrq_before)
		ev->sysrq_manual = true;
	st->have_trigger = true;
	st->trig_hash = text_hash(s, e);
	if (old)
		st->shape |= SH_TRIG_2618;
	else if (q > s)
		trigger_comm_pid(st, s, q);
	trigger_pid_from_caller(st, l);
	const char *g = p_find(params, e, "gfp_mask=");
	if (g) {
		read_gfp_shape(st, g + 9, e);
		/* A mailer or a terminal broke the line inside the flag names
		 * ("…|__GFP_NOWARN|\" then "__GFP_COMP|…), order=3, …"): the
		 * names and the rest of the parameters are on the next line. */
		if ((gfp_text_open(ev->req.gfp_text) || gfp_ends_line(g + 9, e)) && !p_find(params, e, "order="))
			st->hdr_cont = HDR_CONT_GFP;
	}
	trigger_params(st, params, e);
	return true;
}

/* warn_alloc's parameters (mm/page_alloc.c, §1.12): order, mode, nodemask,
 * cpuset and mems_allowed, from r to e. */
static void af_params(struct pstate *st, const char *r, const char *e)
{
	struct oom_event *ev = &st->ev;
	int64_t v;
	const char *o = p_find(r, e, "order:");
	if (o) {
		o += 6;
		if (p_inum(&o, e, &v) == 0 && v >= 0 && v < 64)
			ev->req.order = v;
		else
			event_warn(ev, "order not understood");
	}
	const char *m = p_find(r, e, "mode:");
	if (m) {
		read_gfp_shape(st, m + 5, e);
	}
	const char *nm = p_find(r, e, "nodemask=");
	const char *cs = p_find(r, e, ",cpuset=");
	if (nm) {
		p_copy(ev->req.nodemask, sizeof(ev->req.nodemask), nm + 9, cs ? cs : e);
		st->shape |= SH_AF_NODEMASK;
	}
	if (cs) {
		const char *ma = p_find(cs, e, ",mems_allowed=");
		p_copy(ev->cpuset, sizeof(ev->cpuset), cs + 8, ma ? ma : e);
		if (ma)
			p_copy(ev->mems_allowed, sizeof(ev->mems_allowed), ma + 14, e);
		st->shape |= SH_AF_CPUSET;
	}
}

/* A workqueue worker's name never holds a blank (kernel/workqueue.c
 * create_worker: "kworker/%d:%d%s", "kworker/u%d:%d"): one inside it is
 * the blank a mailer moved from between a stamp and the text
 * ("[71553.093623]kworker/1: 0: page allocation failure", R484). */
static void kworker_unblank(char *c)
{
	if (strncmp(c, "kworker/", 8) != 0)
		return;
	char *w = c;
	for (char *r = c; *r; r++)
		if (*r != ' ' || r[-1] != ':')
			*w++ = *r;
	*w = '\0';
}

/* warn_alloc (§1.12): "%s: page allocation failure: order:%u, mode:%#x(%pGg)…" */
static bool alloc_failure_line(struct report_parser *P, struct pstate *st, const struct report_line *l,
			       const char *s, const char *e)
{
	const char *q = p_find(s, e, ": page allocation failure");
	size_t stall_len = 0;
	const char *st_text = q ? NULL : line_kind_stall_text(s, (size_t)(e - s), &stall_len);
	bool stall = st_text != NULL;
	if (st_text && st_text > s)
		q = st_text - 2;   /* its ": " */
	/* the line with its "comm: " cut off (a trimmed paste, R576): the
	 * request is still read, the trigger unnamed */
	bool bare = !q && (p_starts(s, e, "page allocation failure: order:") || st_text == s);
	if (!q && !bare)
		q = line_kind_warn_alloc_text(s, (size_t)(e - s));   /* its own text */
	if (!q && !bare)
		return false;
	keep_cut_tail(st);
	state_begin(P, st, l);
	struct oom_event *ev = &st->ev;
	if (stall) {
		/* 4.9-4.14: "%s: page allocation stalls for %ums, order:%u, …" —
		 * a warning every 10 s of one allocation's retrying, not a failure */
		const char *ms = st_text + stall_len;
		int64_t v;
		if (p_inum(&ms, e, &v) == 0 && v > 0)
			ev->alloc_stall_ms = v;
		else
			ev->alloc_stall_ms = 1;   /* a stall, duration not understood */
	}
	ev->kind = OOM_KIND_ALLOC_FAILURE;
	ev->outcome = OOM_OUTCOME_NONE;
	st->have_trigger = true;
	/* "[…][…]swapper/0: page allocation failure": a comm holds no ']' glued
	 * to its first letter — the "[…]" were glued before it */
	const char *cs = s;
	for (const char *b = s; !bare && b < q; b++)
		if (*b == ']' && b + 1 < q && b[1] != ' ' && *s == '[')
			cs = b + 1;
	/* a comm is at most 15 bytes (TASK_COMM_LEN): longer, something was
	 * glued before it — a run of dashes that lost its newline ("-----…
	 * insmod: page allocation failure", R3924), or another record's text
	 * and a console's printk level ("… called....<4>test1: page
	 * allocation", R3926): the comm starts after the last of those */
	if (!bare && q - cs > 15) {
		for (const char *b = cs; b + 1 < q; b++) {
			if (b[0] == '-' && b[1] == '-' && b + 2 < q && b[2] != '-' && b - cs >= 2 && b[-1] == '-')
				cs = b + 2;
			else if (b[0] == '<' && b + 2 < q && b[1] >= '0' && b[1] <= '7' && b[2] == '>')
				cs = b + 3;
		}
	}
	if (!bare)
		p_copy(ev->req.trigger_comm, sizeof(ev->req.trigger_comm), cs, q);
	kworker_unblank(ev->req.trigger_comm);
	trigger_pid_from_caller(st, l);
	const char *r = bare ? s : q + 2;
	if (p_starts(r, e, "page allocation failure. "))
		st->shape |= SH_AF_PERIOD;
	af_params(st, r, e);
	/* mm/vmalloc.c's own warn_alloc texts: "vmalloc: allocation failure:
	 * %lu bytes" (4.x–5.x __vmalloc_node_range), "vmalloc error: size %lu,
	 * …" (its later wording): the size asked for, which diagnose weighs
	 * against RAM (a 0-byte or larger-than-RAM request is the caller's bug) */
	/* ≤4.11: the same text on the line before (feed_one) */
	if (P->vm_pre_line && (l->lineno == P->vm_pre_line || l->lineno == P->vm_pre_line + 1)) {
		ev->req.vmalloc_known = true;
		ev->req.vmalloc_bytes = P->vm_pre_bytes;
		if (P->vm_pre_line < ev->first_line)
			ev->first_line = P->vm_pre_line;
	}
	P->vm_pre_line = 0;
	const char *vb = p_find(r, e, "vmalloc: allocation failure: ");
	const char *vn = vb ? vb + 29 : (vb = p_find(r, e, "vmalloc error: size ")) ? vb + 20 : NULL;
	int64_t bytes;
	int vrc = vn ? p_num(&vn, e, &bytes) : -1;
	/* a size past 2^61: a negative length cast to unsigned long, as a
	 * caller's overflow gives ("size 18446744071562596352", R5928):
	 * above any RAM, kept as INT64_MAX */
	if (vrc == -2) {
		bytes = INT64_MAX;
		vrc = 0;
	}
	if (vn && vrc == 0) {
		/* "vmalloc error: size %lu, …" prints the size asked for only
		 * in its "vm_struct allocation failed" and "failed to allocated
		 * page array size" forms; "[page order %u,] failed to allocate
		 * pages" and "failed to map pages" print area->nr_pages *
		 * PAGE_SIZE, what was got before it failed (mm/vmalloc.c
		 * __vmalloc_area_node, 5.13+): "size 0, page order 9" is a huge
		 * page that could not be had, not a 0-byte request (R1533) */
		bool got_so_far = p_starts(vb, e, "vmalloc error") &&
				  (p_find(vn, e, "failed to allocate pages") || p_find(vn, e, "failed to map pages"));
		if (p_starts(vb, e, "vmalloc error") && p_find(vn, e, "failed to allocate pages")) {
			ev->req.vmalloc_pages_failed = true;
			ev->req.vmalloc_got_bytes = bytes;
		}
		if (!got_so_far) {
			ev->req.vmalloc_known = true;
			ev->req.vmalloc_bytes = bytes;
			/* 5.13+ __vmalloc_node_range: "size %lu, exceeds total
			 * pages" when the size is above totalram_pages() */
			ev->req.vmalloc_over_ram = p_find(vn, e, "exceeds total pages") != NULL;
		}
		const char *po = p_find(vn, e, ", page order ");
		int64_t order;
		if (po && (po += 13, p_num(&po, e, &order) == 0)) {
			if (!known(ev->req.order))
				ev->req.order = order;
			ev->req.vmalloc_huge = order > 0;
		}
	}
	/* "…page allocation failure: order:3," with "mode:0x…" on the next,
	 * indented line (a hand-wrapped paste) */
	if (p_find(r, e, "order:") && !p_find(r, e, "mode:"))
		st->hdr_cont = HDR_CONT_MODE;
	return true;
}

/* An allocation failure opened by a line of its own that is not warn_alloc's
 * (the max-order WARNING, nommu's failure line): nothing is killed, the
 * line is its start. */
static struct oom_event *begin_lone_failure(struct report_parser *P, struct pstate *st, const struct report_line *l)
{
	keep_cut_tail(st);
	state_begin(P, st, l);
	st->ev.kind = OOM_KIND_ALLOC_FAILURE;
	st->ev.outcome = OOM_OUTCOME_NONE;
	st->have_trigger = true;
	return &st->ev;
}

/* The page allocator's WARNING for an order >= MAX_ORDER
 * (report/linekind.c line_kind_max_order_warn): an allocation failure of
 * its own — the request returned NULL before warn_alloc, so no failure
 * line and no show_mem follow.  The order is past the largest block and
 * not printed; "CPU: N PID: N" names the caller's task, the dump_stack
 * header after it its comm. */
static bool max_order_line(struct report_parser *P, struct pstate *st, const struct report_line *l, const char *s,
			   const char *e)
{
	const char *w = line_kind_max_order_warn(s, (size_t)(e - s));
	if (!w)
		return false;
	struct oom_event *ev = begin_lone_failure(P, st, l);
	ev->req.over_max_order = true;
	const char *q = p_find(w, e, " PID: "), *a = p_find(w, e, " at mm/page_alloc.c:");
	int64_t pid;
	if (q && a && q < a && (q += 6, p_num(&q, e, &pid) == 0))
		ev->req.trigger_pid = pid;
	return true;
}

/* mm/nommu.c's failure line (linekind.c line_kind_nommu_failure): an
 * allocation failure of its own, show_free_areas after it; the task is on
 * the line itself, the order is not printed (the length is kept). */
static bool nommu_line(struct report_parser *P, struct pstate *st, const struct report_line *l, const char *s,
		       const char *e)
{
	long long len = line_kind_nommu_failure(s, (size_t)(e - s));
	if (len < 0)
		return false;
	struct oom_event *ev = begin_lone_failure(P, st, l);
	ev->req.nommu_known = true;
	ev->req.nommu_bytes = len;
	const char *q = p_find(s, e, " from process ");
	int64_t pid;
	if (q && (q += 14, p_num(&q, e, &pid) == 0)) {
		ev->req.trigger_pid = pid;
		const char *c = q + 2, *ce = p_find(c, e, ") failed");
		if (ce && ce > c)
			p_copy(ev->req.trigger_comm, sizeof(ev->req.trigger_comm), c, ce);
	}
	return true;
}

/* Linux 2.4's one-line allocation failure (linekind.c
 * line_kind_alloc24_failure): the order and, from 2.4.10, the mask; no
 * task is named.  Its wording dates the kernel to 2.4 (pf_finish). */
static bool alloc24_line(struct report_parser *P, struct pstate *st, const struct report_line *l, const char *s,
			 const char *e)
{
	long long gfp;
	int order = line_kind_alloc24_failure(s, (size_t)(e - s), &gfp);
	if (order < 0)
		return false;
	struct oom_event *ev = begin_lone_failure(P, st, l);
	st->era24 = true;
	ev->req.order = order;
	if (gfp >= 0) {
		ev->req.gfp_known = true;
		ev->req.gfp_mask = (uint64_t)gfp;
		snprintf(ev->req.gfp_text, sizeof(ev->req.gfp_text), "%#llx", gfp);
	}
	return true;
}

/* mm/slub.c / mm/slab.c slab_out_of_memory's lines with no failure line
 * before them (linekind.c line_kind_slab_failure): the slab's request
 * failed without warn_alloc's report — a memory cgroup's kmem charge at
 * its limit (memcg_charge_slab, 4.x–5.x: no page was asked for, R1765),
 * or the page allocation made with __GFP_NOWARN while the slab's own
 * gfp lacks it.  The event is that failure. */
static bool side_line(struct pstate *st, const char *s, const char *e);

/* An allocation failure whose one line opens it (a slab's, a CMA area's):
 * nothing was killed, no page allocator report is around it. */
static struct oom_event *lone_failure_begin(struct report_parser *P, struct pstate *st, const struct report_line *l)
{
	state_begin(P, st, l);
	st->ev.kind = OOM_KIND_ALLOC_FAILURE;
	st->ev.outcome = OOM_OUTCOME_NONE;
	return &st->ev;
}

static bool slab_alone_line(struct report_parser *P, struct pstate *st, const struct report_line *l, const char *s,
			    const char *e)
{
	if (!p_starts(s, e, "SLUB: Unable to allocate memory") && !p_starts(s, e, "SLAB: Unable to allocate memory"))
		return false;
	lone_failure_begin(P, st, l)->side.slab_alone = true;
	return side_line(st, s, e);
}

/* mm/cma.c cma_alloc's failure line with no report open (linekind.c
 * line_kind_cma_failure): a device's contiguous buffer the CMA area could
 * not give, no page allocator report around it.  Its own event, one per
 * line; held (state_emit) until the text shows whether it holds a report,
 * which such lines sit beside as the same shortage's (R1326: the line right
 * before the buddy allocator's failure of the same 1024 pages; R4763).  It
 * ends after cma_debug_show_areas' line. */
static bool cma_alone_line(struct report_parser *P, struct pstate *st, const struct report_line *l, const char *s,
			   const char *e)
{
	long long ret;
	const char *nm;
	size_t nl;
	long long pages = line_kind_cma_failure(s, (size_t)(e - s), &ret, &nm, &nl);
	if (pages < 0)
		return false;
	struct oom_event *ev = lone_failure_begin(P, st, l);
	ev->side.cma_alone = true;
	ev->side.cma_pages = pages;
	ev->side.cma_ret = ret;
	p_copy(ev->side.cma_name, sizeof(ev->side.cma_name), nm, nm + nl);
	st->have_kill = true;   /* nothing of a report follows it */
	st->sect = SEC_TAIL;
	st->tail_left = 2;
	return true;
}

/* cma_debug_show_areas (mm/cma.c, 4.10+) after the failure: "number of
 * available pages: 3@12+… => 8 free of 8192 total pages" (the pieces may
 * come as records of their own before the "=>"). */
static bool cma_areas_line(struct oom_event *ev, const char *s, const char *e)
{
	const char *q = p_find(s, e, "=> ");
	if (!p_find(s, e, "number of available pages:") && !(q && p_find(s, e, " total pages")))
		return false;
	int64_t fr, tot;
	if (q && (q += 3, p_num(&q, e, &fr) == 0) && p_starts(q, e, " free of ") && (q += 9, p_num(&q, e, &tot) == 0)) {
		ev->side.cma_free_pages = fr;
		ev->side.cma_total_pages = tot;
	}
	return true;
}

/* The release in "… Not tainted 5.4.0-120-generic #136-Ubuntu" /
 * "… Tainted: P           O      5.15.158-2-pve #1": the first token that
 * starts with a digit after the taint text. */
static void header_release(struct oom_event *ev, const char *t, const char *e)
{
	if (ev->kernel[0])
		return;
	const char *p = t;
	while (p < e && !(*p >= '0' && *p <= '9'))
		p++;
	const char *r = p;
	/* a release holds no '#' (UTS_RELEASE): "4.14.65#273" is the release
	 * with the build count glued on, its blank lost to a mail's wrap
	 * ("… Tainted: P  O" / "   4.14.65#273", R5820) */
	while (p < e && *p != ' ' && *p != '#')
		p++;
	if (p > r)
		p_copy(ev->kernel, sizeof(ev->kernel), r, p);
}

static bool is_hex_digit(char c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
}

/* how many lower-case hex digits start at q */
static int hex_run(const char *q, const char *e)
{
	int n = 0;
	while (q < e && is_hex_digit(*q))
		q++, n++;
	return n;
}

/* The digits of s390's "task: %p" (below): 8 on s390, 16 on s390x; 0 for
 * none.  ", task:" + "000000007baa6838": a wrap after the key, joined back
 * without its blank (R1228). */
static int s390_task_width(const char *s, const char *e)
{
	const char *t = p_find(s, e, ", task:");
	return t ? hex_run(t + 7 + (t + 7 < e && t[7] == ' '), e) : 0;
}

/* s390's dump_stack and show_regs (arch/s390/kernel/traps.c and process.c,
 * 2.6.2x-3.x) name the task on a line of their own after "CPU: %d %s %s %.*s"
 * (no PID, no Comm): "Process %s (pid: %d, task: %p, ksp: %p)".  The comm's
 * end: the last " (pid: " before ", task: " (a comm may hold either). */
static const char *s390_process_comm_end(const char *s, const char *e)
{
	if (!p_starts(s, e, "Process "))
		return NULL;
	/* the task pointer is enough (a mailer may wrap before "ksp:"): no
	 * other arch prints ", task: " so (arm's "stack limit = 0x%p", i386's
	 * "ti=%p task=%p") */
	const char *t = p_find(s, e, ", task:");
	int w = s390_task_width(s, e);
	if (w != 8 && w != 16)
		return NULL;
	const char *c = NULL, *q = s + 8;
	while ((q = p_find(q, t, " (pid: ")) != NULL)
		c = q++;
	return c;
}

/* s390's "CPU: 7 Not tainted 2.6.32-rc3 #208" (see above): the count, then
 * the taint text at once.  Where the taint text starts, NULL if not so. */
static const char *s390_cpu_taint(const char *s, const char *e)
{
	if (!p_starts(s, e, "CPU: "))
		return NULL;
	const char *q = s + 5;
	while (q < e && *q >= '0' && *q <= '9')
		q++;
	if (q == s + 5 || !(p_starts(q, e, " Not tainted") || p_starts(q, e, " Tainted: ")))
		return NULL;
	return q;
}

static void stack_arch_hint(struct pstate *st, const char *s, const char *e);

/* "CPU: 3 PID: 2345 Comm: java Not tainted 5.4.0 #1", 6.9+ "CPU: 3 UID: 0 PID: …",
 * ≤3.9 "Pid: 2345, comm: java Not tainted 2.6.32-69 #1"; s390's pair
 * "CPU: 7 Not tainted 2.6.32-rc3 #208" and "Process memeat (pid: 2066, task: …". */
static bool stack_header_line(struct pstate *st, const char *s, const char *e)
{
	const char *c, *pidp;
	/* s390's "CPU: %d %s %s %.*s" (arch/s390/kernel/traps.c, 2.6.2x-3.x)
	 * broken by a wrap right after "CPU:", with a reader's text pasted
	 * between the pieces (R1228): a bare "CPU:" in a report waits for its
	 * rest, "0 Not tainted 2.6.28 #1", read as the whole line */
	if (st->active && e - s == 4 && p_starts(s, e, "CPU:")) {
		st->cpu_cut = true;
		return true;
	}
	if (st->cpu_cut && s < e && is_digit(*s)) {
		char whole[256];
		size_t n = (size_t)(e - s);
		if (n > sizeof(whole) - 6)
			n = sizeof(whole) - 6;
		memcpy(whole, "CPU: ", 5);
		memcpy(whole + 5, s, n);
		if (s390_cpu_taint(whole, whole + 5 + n)) {
			st->cpu_cut = false;
			return stack_header_line(st, whole, whole + 5 + n);
		}
	}
	if (p_starts(s, e, "CPU: ") && (pidp = p_find(s, e, " PID: ")) && (c = p_find(s, e, " Comm: "))) {
		pidp += 6;
		c += 7;
		if (p_find(s, pidp, " UID: "))
			st->shape |= SH_UID_IN_CPU;
	} else if (p_starts(s, e, "Pid: ") && (c = p_find(s, e, ", comm: "))) {
		pidp = s + 5;
		c += 8;
	} else if (st->have_trigger && p_starts(s, e, "PID: ") && (c = p_find(s, e, " Comm: ")) &&
		   (p_find(c, e, " Not tainted ") || p_find(c, e, " Tainted: "))) {
		/* lib/dump_stack.c's line after a serial console dropped its
		 * "CPU: N" (" PID: 1 Comm: init Not tainted 6.6.73 #0", R3767):
		 * under a trigger line, with its taint field, still the header */
		pidp = s + 5;
		c += 7;
	} else if ((c = s390_cpu_taint(s, e)) != NULL) {
		pidp = NULL;   /* the release only; the task is on the next line */
	} else if ((pidp = s390_process_comm_end(s, e)) != NULL) {
		/* the task's line: its pid and comm, no release */
		struct oom_event *ev = &st->ev;
		const char *ce = pidp;
		pidp += 7;
		int64_t pid;
		bool later = st->have_kill || (!st->have_trigger && (ev->have_meminfo || ev->snap.nr_zones > 0));
		if (!later && p_num(&pidp, e, &pid) == 0 && !known(ev->req.trigger_pid)) {
			ev->req.trigger_pid = pid;
			if (!st->header_comm[0])
				p_copy(st->header_comm, sizeof(st->header_comm), s + 8, ce);
		}
		stack_arch_hint(st, s, e);
		return true;
	} else {
		return false;
	}
	struct oom_event *ev = &st->ev;
	/* show_mem follows its report's dump_stack (mm/oom_kill.c dump_header,
	 * mm/page_alloc.c warn_alloc): in a report whose trigger line is cut,
	 * a dump_stack line after show_mem's lines is another dump's (an oops
	 * inside show_mem, the next report's or another CPU's; R707, R808):
	 * the same kernel, not the trigger */
	bool after_show_mem = !st->have_trigger && !st->header_comm[0] && !known(ev->req.trigger_pid) &&
			      (ev->have_meminfo || ev->snap.nr_zones > 0 || st->totals_seen);
	bool later = st->have_kill || after_show_mem;   /* a later stack (panic): not the trigger's, but the same kernel's */
	/* panic() runs in the OOM path of the allocating task (mm/oom_kill.c
	 * check_panic_on_oom, and ≤4.x's "no killable processes" panic in
	 * out_of_memory): with the trigger line cut, its stack names the trigger */
	bool panic_trigger = later && !st->have_trigger && !st->header_comm[0] &&
			     (ev->outcome == OOM_OUTCOME_PANIC || st->panicked);
	if (!later) {
		st->sect = SEC_STACK;
		st->stack_lines = 0;
	}
	int64_t pid;
	if (pidp && (!later || panic_trigger) && p_num(&pidp, e, &pid) == 0 && !known(ev->req.trigger_pid)) {
		ev->req.trigger_pid = pid;
		/* the line that names the trigger's pid names its comm too
		 * (a report cut above its trigger line, whose dump_stack is a
		 * splat printed inside the OOM path: KASAN in
		 * mem_cgroup_print_oom_context, R363) */
		if (!st->have_trigger)
			st->header_trigger = true;
	}
	if (panic_trigger)
		st->header_trigger = true;
	const char *t = NULL, *x;
	if ((x = p_find(c, e, " Kdump: loaded ")))
		t = x;
	if ((x = p_find(c, e, " Not tainted")) && (!t || x < t))
		t = x;
	if ((x = p_find(c, e, " Tainted: ")) && (!t || x < t))
		t = x;
	if (!t) {
		/* no taint text (a vendor's dump_stack, or trimmed by hand:
		 * "CPU: 0 PID: 3721 Comm: ffmpeg 4.0.5-gzp1 #1", R1885): the
		 * release is the token before the last " #", when it reads as
		 * one ("4.0.5…") and the comm before it fits TASK_COMM_LEN */
		const char *h = NULL;
		for (const char *q = c; (q = p_find(q, e, " #")) != NULL; q++)
			h = q;
		const char *r = h;
		while (r && r > c && r[-1] != ' ')
			r--;
		if (!h || !r || r <= c + 1 || r - 1 - c > 15 || !is_digit(r[0]) || r + 1 >= h || r[1] != '.' ||
		    !is_digit(r[2]))
			return true;
		if (!st->header_comm[0] && (!later || panic_trigger))
			p_copy(st->header_comm, sizeof(st->header_comm), c, r - 1);
		header_release(ev, r, h);
		return true;
	}
	/* an empty comm prints as the blanks around it ("comm:    Not
	 * tainted", R2166): no name */
	const char *cn = c;
	while (cn < t && *cn == ' ')
		cn++;
	if (!st->header_comm[0] && (!later || panic_trigger) && t > cn)
		p_copy(st->header_comm, sizeof(st->header_comm), c, t);
	/* the trigger's "comm:pid" was its whole name ("app:1" as Comm: says):
	 * the name and this line's pid are the trigger's */
	if (st->trig_comm_whole[0] && !later && (size_t)(t - c) == strlen(st->trig_comm_whole) &&
	    !memcmp(c, st->trig_comm_whole, (size_t)(t - c))) {
		str_copy(ev->req.trigger_comm, sizeof(ev->req.trigger_comm), st->trig_comm_whole,
			 strlen(st->trig_comm_whole));
		const char *pp = p_find(s, e, " PID: ");
		pp = pp ? pp + 6 : (p_starts(s, e, "Pid: ") ? s + 5 : NULL);
		if (pp && p_num(&pp, e, &pid) == 0)
			ev->req.trigger_pid = pid;
	}
	st->trig_comm_whole[0] = '\0';
	const char *rel = t;
	if ((x = p_find(t, e, "tainted ")))
		rel = x + 8;
	else if ((x = p_find(t, e, "Tainted: ")))
		rel = x + 9;
	header_release(ev, rel, e);
	return true;
}

/* A frame of the memcg charge path's OOM (mm/memcontrol.c: mem_cgroup_out_of_memory
 * since 2.6.25, mem_cgroup_oom_synchronize 3.12–5.x) says the OOM was a memory
 * cgroup's even when the constraint line and the memcg lines are cut.  "? "
 * frames are stale words on the stack, not calls: not taken. */
/* A frame as scripts/decode_stacktrace.sh prints it, the offset replaced by
 * the source line: "mem_cgroup_out_of_memory (mm/memcontrol.c:1654)" (LKP,
 * syzbot, R620).  The name must stand alone ("__pfx_…" is objtool's padding
 * symbol, not the function).  Its start, NULL when the line has none. */
static const char *decoded_frame(const char *s, const char *e, const char *name)
{
	const char *f = p_find(s, e, name);
	if (!f || (f > s && (f[-1] == '_' || (f[-1] >= 'a' && f[-1] <= 'z'))))
		return NULL;
	const char *q = f + strlen(name);
	return q + 1 < e && q[0] == ' ' && q[1] == '(' ? f : NULL;
}

/* A frame line's symbol: "[<ffffffff81187e3d>] ? oom_kill_process+0x…",
 * " dump_header+0x6c/0x282", the symbol cut ("mem_c").  *stale: a "? "
 * word.  False where the line starts with no symbol. */
static bool frame_symbol(const char *s, const char *e, const char **sym, size_t *n, bool *stale)
{
	while (s < e && (*s == ' ' || *s == '\t'))
		s++;
	if (e - s > 2 && s[0] == '[' && s[1] == '<') {
		const char *c = memchr(s, ']', (size_t)(e - s));
		if (!c)
			return false;
		s = c + 1;
		while (s < e && (*s == ' ' || *s == '\t'))
			s++;
	}
	*stale = e - s > 2 && s[0] == '?' && s[1] == ' ';
	if (*stale)
		s += 2;
	const char *p = s;
	while (p < e && ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') || *p == '_' ||
			 *p == '.'))
		p++;
	if (p == s)
		return false;
	*sym = s;
	*n = (size_t)(p - s);
	return true;
}

static void stack_frame_facts(struct pstate *st, const char *s, const char *e)
{
	/* the frames, in order: a copy of a report repeats them, another
	 * failure of the same second in the same request has its own */
	const char *f0 = s, *f1 = e;
	while (f0 < f1 && (*f0 == ' ' || *f0 == '\t'))
		f0++;
	while (f1 > f0 && (f1[-1] == ' ' || f1[-1] == '\t'))
		f1--;
	st->trace_hash = (st->trace_hash * 1099511628211ull) ^ text_hash(f0, f1);
	/* The OOM killer's own path (mm/oom_kill.c out_of_memory → oom_kill_process
	 * → dump_header; pagefault_out_of_memory) or warn_alloc's (mm/page_alloc.c,
	 * warn_alloc_failed ≤4.8): what a stack dump whose report line is cut
	 * was printed for.  "? " words count here: a trimmed paste may keep only those. */
	if (p_find(s, e, "out_of_memory") || p_find(s, e, "oom_kill_process") || p_find(s, e, "dump_header+") ||
	    p_find(s, e, "dump_header.") || p_find(s, e, "(dump_header")) {
		st->trace_oom = true;
		if (!p_find(s, e, "? "))
			st->trace_oom_live = true;
	}
	/* dump_header called from check_panic_on_oom (mm/oom_kill.c,
	 * 2.6.35-5.x): that function prints the report only when
	 * vm.panic_on_oom applies, and panic()s right after (R5571) */
	const char *cp = p_find(s, e, "check_panic_on_oom+");
	if (cp && !(cp - s >= 2 && cp[-2] == '?' && cp[-1] == ' ') && !p_starts(s, e, "? "))
		st->trace_check_panic = true;
	const char *pf = p_find(s, e, "panic+0x");
	if (pf && (pf == s || pf[-1] == ' ' || pf[-1] == ']') && !(pf - s >= 2 && pf[-2] == '?'))
		st->trace_panic = true;
	else if (p_find(s, e, "warn_alloc")) {
		st->trace_alloc = true;
		if (!p_find(s, e, "? "))
			st->trace_oom_live = true;
	}
	/* dump_header (mm/oom_kill.c) runs only to print an OOM report: a
	 * trace through it is that report's, not a hung task's */
	const char *dh = p_find(s, e, "dump_header+");
	if (!dh)
		dh = p_find(s, e, "(dump_header)");
	if (dh && !(dh - s >= 2 && dh[-2] == '?' && dh[-1] == ' '))
		st->trace_dump_header = true;
	if (st->trace_alloc && !st->trace_oom && st->from_header && !st->have_trigger &&
	    st->ev.kind == OOM_KIND_UNKNOWN) {
		st->ev.kind = OOM_KIND_ALLOC_FAILURE;
		st->ev.outcome = OOM_OUTCOME_NONE;
	}
	/* sysrq f's work item (drivers/tty/sysrq.c moom_callback, run from
	 * the events workqueue): a manual OOM whatever order its header
	 * printed (3.x-4.x ask for order 0, 4.19+ for -1); not a "? " word */
	const char *mc = p_find(s, e, "moom_callback");
	if (mc && !(mc - s >= 2 && mc[-2] == '?' && mc[-1] == ' '))
		st->ev.sysrq_manual = true;
	const char *f = p_find(s, e, "mem_cgroup_out_of_memory+");
	if (!f)
		f = p_find(s, e, "mem_cgroup_oom_synchronize+");
	if (!f)
		f = decoded_frame(s, e, "mem_cgroup_out_of_memory");
	if (!f)
		f = decoded_frame(s, e, "mem_cgroup_oom_synchronize");
	if (f && !(f - s >= 2 && f[-2] == '?' && f[-1] == ' '))
		st->trace_memcg = true;
	/* The charge path under out_of_memory (mm/memcontrol.c: try_charge →
	 * mem_cgroup_oom → mem_cgroup_out_of_memory, the last two often
	 * inlined: "out_of_memory ← try_charge_memcg ← charge_memcg", R2231):
	 * a charge is a memory cgroup's, a global OOM comes from the page
	 * allocator and never through it (a page fault charges after the
	 * page is allocated).  Not a "? " word: a stale one (R1099). */
	static const char *const charge[] = { "try_charge_memcg+", "try_charge+", "charge_memcg+", "mem_cgroup_charge+",
					      "mem_cgroup_try_charge+", "__memcg_kmem_charge", "obj_cgroup_charge+" };
	for (size_t i = 0; !f && i < sizeof(charge) / sizeof(charge[0]); i++) {
		const char *g = p_find(s, e, charge[i]);
		if (g && g > s && (g[-1] == ' ' || g[-1] == '>' || g[-1] == ']' || g[-1] == '_') &&
		    !(g - s >= 2 && g[-2] == '?' && g[-1] == ' ') && !p_find(s, g, "? "))
			st->trace_memcg = true;
	}
	/* Kernels without frame pointers mark every frame "?" (R186), or a cut
	 * trace keeps only the stale words above dump_header (R185): a "?"
	 * memcg OOM-path frame then counts, unless the global path's own
	 * frames (out_of_memory itself, the page allocator) are in the trace
	 * (3.x mm/memcontrol.c: mem_cgroup_margin and the OOM entry points
	 * run only on a charge) */
	if (!f)
		f = p_find(s, e, "mem_cgroup_margin+");
	if (f)
		st->trace_memcg_stale = true;
	/* out_of_memory's caller says which path: the page allocator
	 * (__alloc_pages_may_oom) or, since 4.6, mem_cgroup_out_of_memory
	 * (mm/memcontrol.c: "ret = out_of_memory(&oc)"), so out_of_memory
	 * is the global path's only when the frame under it is not the
	 * memcg one (R3160: a 4.9 trace of "?" frames) */
	bool memcg_caller = p_find(s, e, "mem_cgroup_out_of_memory") != NULL;
	if (st->trace_oom_fn_last && !memcg_caller)
		st->trace_global_path = true;
	const char *o = p_find(s, e, "out_of_memory+");
	/* at the line's start too: arm64's "Call trace:" frames, their
	 * indent gone with a logcat or journal prefix (R2804) */
	st->trace_oom_fn_last = o && (o == s || o[-1] == ' ' || o[-1] == '>' || o[-1] == '(');
	/* The text cut inside the caller's name ("…] mem_c", R2923, R566):
	 * under oom_kill_process (≤4.5) or out_of_memory (4.6+) the only
	 * caller that begins "mem_" is mem_cgroup_out_of_memory (mm/oom_kill.c,
	 * mm/memcontrol.c; the global path's callers are __alloc_pages_may_oom,
	 * pagefault_out_of_memory and sysrq's moom_callback). */
	const char *sym;
	size_t sn;
	bool stale;
	if (frame_symbol(s, e, &sym, &sn, &stale) && !stale) {
		if (st->trace_caller_next && sym + sn == e && sn >= 4 && sn < 24 &&
		    !memcmp(sym, "mem_cgroup_out_of_memory", sn))
			st->trace_memcg = true;
		st->trace_caller_next = (sym + sn < e && sym[sn] == '+') &&
					((sn == 13 && !memcmp(sym, "out_of_memory", 13)) ||
					 (sn == 16 && !memcmp(sym, "oom_kill_process", 16)));
	}
	if (p_find(s, e, "__alloc_pages"))
		st->trace_global_path = true;
}


/* 32-bit ARM's unwinder line (arch/arm/kernel/traps.c dump_backtrace_entry):
 * "oom_kill_process from out_of_memory+0x218/0x34c", or before 5.x with the
 * addresses cut by the paster "(dump_stack) from (dump_header+0x7c/0xe4)":
 * one symbol, " from ", one symbol+0xoff/0xsize. */
static bool arm_from_frame(const char *s, const char *e)
{
	while (s < e && *s == ' ')
		s++;
	const char *f = p_find(s, e, " from ");
	if (!f || f == s)
		return false;
	for (const char *q = s; q < f; q++)
		if (*q == ' ')
			return false;
	const char *r = f + 6, *plus = p_find(r, e, "+0x"), *slash;
	if (!plus || !(slash = p_find(plus, e, "/0x")))
		return false;
	for (const char *q = r; q < plus; q++)
		if (*q == ' ')
			return false;
	/* the line ends with the size: ")" and " [module]" aside */
	const char *q = slash + 3;
	while (q < e && is_hex_digit(*q))
		q++;
	if (q < e && *q == ')')
		q++;
	while (q < e && *q == ' ')
		q++;
	return q == e || *q == '[';
}

/* Architecture from what the stack dump looks like, when the release does not say. */
/* powerpc's show_stack (arch/powerpc/kernel/process.c): "[%p] [%p] %pS",
 * the stack pointer then the return address, each in brackets and as wide
 * as a pointer; no other arch prints two bracketed hex words so.  2.6.1x
 * printed them with REG "%08lX" (upper case: "[C04E3DB0] [C000A60C]
 * show_stack+0x50/0x188", R3806), later kernels in lower case. */
static const char *ppc_frame_arch(const char *s, const char *e)
{
	int w[2];
	const char *q = s;
	for (int k = 0; k < 2; k++) {
		if (q >= e || *q != '[')
			return NULL;
		q++;
		int n = 0;
		while (q < e && (is_hex_digit(*q) || (*q >= 'A' && *q <= 'F')))
			q++, n++;
		if (q >= e || *q != ']' || (n != 8 && n != 16))
			return NULL;
		q++;
		if (q >= e || *q != ' ')
			return NULL;
		q++;
		w[k] = n;
	}
	if (w[0] != w[1] || q >= e || *q == '[')
		return NULL;
	return w[0] == 8 ? "ppc" : "ppc64";
}

/* powerpc's "Hardware name: <model> <cpu> 0x<pvr> <platform>"
 * (arch/powerpc/kernel/setup-common.c dump_stack_set_arch_desc, 3.12+): the
 * cpu_name of cputable.c says the width: the 32-bit cores are numbers
 * ("7455", "750CX", "7447/7457"), the 64-bit ones "PPC970…", "POWER…". */
static const char *ppc_hw_arch(const char *s, const char *e)
{
	const char *q = s + 15, *sp = q;
	while (sp < e && *sp != ' ')
		sp++;
	if (sp >= e || sp == q)
		return NULL;
	const char *c = sp + 1, *ce = c;
	while (ce < e && *ce != ' ')
		ce++;
	if (ce == c || ce + 3 >= e || ce[1] != '0' || ce[2] != 'x')
		return NULL;
	const char *h = ce + 3;
	int n = 0;
	while (h < e && is_hex_digit(*h))
		h++, n++;
	if (n != 8 || (h < e && *h != ' '))
		return NULL;
	if (p_starts(c, ce, "PPC970") || p_starts(c, ce, "POWER"))
		return "ppc64";
	return *c >= '0' && *c <= '9' ? "ppc" : NULL;
}

/* 2.6's ppc32 show_stack (arch/ppc/kernel/process.c, arch/powerpc 2.6.15+
 * before the two-word form): " [%08lx] " and the symbol, one bracketed
 * word with no "<": "[c0007450] dump_stack+0x18/0x28". */
static bool ppc32_one_word_frame(const char *s, const char *e)
{
	if (s >= e || *s != '[')
		return false;
	const char *q = s + 1;
	int n = 0;
	while (q < e && is_hex_digit(*q))
		q++, n++;
	if (n != 8 || q + 2 >= e || q[0] != ']' || q[1] != ' ')
		return false;
	q += 2;
	const char *plus = p_find(q, e, "+0x");
	if (!plus || !p_find(plus, e, "/0x"))
		return false;
	for (const char *r = q; r < plus; r++)
		if (*r == ' ')
			return false;
	return plus > q;
}

/* a 16-digit "[<…>]" frame: its address, NULL when the line is none */
static const char *frame16(const char *s, const char *e)
{
	if (!p_starts(s, e, "[<") && !p_starts(s, e, "([<"))
		return NULL;
	const char *q = s + (*s == '(' ? 3 : 2), *a = q;
	int n = 0;
	while (q < e && is_hex_digit(*q))
		q++, n++;
	return n == 16 && q < e && *q == '>' ? a : NULL;
}

/* A line of raw stack words (x86's show_stack_log_lvl, ≤4.8, prints the
 * words of the stack above its frames): only words of `digits` lower-case
 * hex digits, blank-separated.  Returns how many, -1 for another line;
 * *kernel tells whether one of them is an x86 kernel address of that width
 * (x86_64: its direct map ffff88…, before KASLR, or its text ffffffff81…;
 * 32-bit: 0xc0000000 and up). */
static int raw_words(const char *s, const char *e, int digits, bool *kernel)
{
	int words = 0;
	*kernel = false;
	const char *p = s;
	while (p < e) {
		const char *w = p;
		while (p < e && is_hex_digit(*p) && !(*p >= 'A' && *p <= 'F'))
			p++;
		if (p - w != digits || (p < e && *p != ' '))
			return -1;
		*kernel |= digits == 16 ? p_starts(w, e, "ffff88") || p_starts(w, e, "ffffffff81") : *w >= 'c' && *w <= 'f';
		words++;
		while (p < e && *p == ' ')
			p++;
	}
	return words;
}

/* x86_64's raw stack words before its frames (arch/x86/kernel/dumpstack_64.c
 * show_stack_log_lvl, ≤4.8: "ffff880d2a103c88 ffffffff813f6763 …", four a
 * line): 16-digit words, one in x86_64's kernel ranges; no other arch
 * prints such lines. */
static bool raw_words_x86_64(const char *s, const char *e)
{
	bool x86;
	int n = raw_words(s, e, 16, &x86);
	return n >= 2 && n <= 8 && x86;
}

/* A line of 32-bit x86's raw stack words (dumpstack_32.c): 3 to 8 words
 * of 8 digits, one of them at 0xc0000000 or above. */
static bool raw_words_32(const char *s, const char *e)
{
	bool kernel;
	int n = raw_words(s, e, 8, &kernel);
	return n >= 3 && n <= 8 && kernel;
}

/* s390's own interrupt and exception entry labels (arch/s390/kernel/entry64.S,
 * entry.S 3.x+): a frame of one of them with a 16-digit address is s390x
 * (31-bit s390 prints 8 digits). */
static bool s390_entry_frame(const char *s, const char *e)
{
	static const char *const labels[] = {
		"] io_return+", "] io_int_handler+", "] ext_int_handler+", "] pgm_check_handler+",
		"] mcck_int_handler+", "] sysc_do_svc+", "] io_subchannel_irq+",
	};
	for (size_t i = 0; i < ARRAY_SIZE(labels); i++)
		if (p_find(s, e, labels[i]))
			return true;
	return false;
}

/* 2.6's x86_64 frame "<ffffffff80158fa0>{__alloc_pages+816}"
 * (arch/x86_64/kernel/traps.c printk_address, ≤2.6.24): a 16-digit address
 * in angle brackets and the symbol in braces, no other arch's form. */
static bool x86_64_brace_frame(const char *s, const char *e)
{
	const char *q = p_find(s, e, "<ffffffff");
	if (!q)
		return false;
	q++;
	int n = 0;
	while (q < e && is_hex_digit(*q))
		q++, n++;
	return n == 16 && q + 2 < e && q[0] == '>' && q[1] == '{';
}

/* The arch one stack line shows, NULL none.  *weak (may be NULL): only by
 * a frame's address (x86_64's kernel-text range, which riscv64 shares),
 * so a later line's label may say otherwise. */
static const char *stack_line_arch_w(const char *s, const char *e, bool *weak)
{
	const char *a = NULL, *f16 = frame16(s, e);
	if (weak)
		*weak = false;
	if ((a = report_reg_arch(s, (size_t)(e - s))) != NULL)
		return a;   /* a register dump line (arch.c) */
	if (f16 && s390_entry_frame(s, e))
		a = "s390x";
	else if (p_starts(s, e, "sp=") && hex_run(s + 3, e) == 16 && p_starts(s + 19, e, " bsp="))
		/* ia64's unwinder prints each frame's stack and backing-store
		 * pointers on a line of their own (arch/ia64/kernel/process.c
		 * ia64_do_show_stack, 2.6.x-6.6: "sp=%016lx bsp=%016lx"): the
		 * register stack (bsp) is ia64's alone */
		a = "ia64";
	else if (s390_process_comm_end(s, e)) {
		/* s390's task line (stack_header_line): its "task: %p" is as
		 * wide as a pointer, 16 digits on 64-bit s390x */
		int w = s390_task_width(s, e);
		a = w == 16 ? "s390x" : w == 8 ? "s390" : NULL;
	}
	else if (f16 && (p_find(s, e, "] walk_stackframe+") || p_find(s, e, "] ret_from_exception+") ||
		    p_find(s, e, "] handle_exception+")))
		/* arch/riscv/kernel/stacktrace.c (show_stack starts at
		 * walk_stackframe) and entry.S: 64-bit frames with these labels */
		a = "riscv64";
	else if (p_find(s, e, "__s390x_sys_") || (p_starts(s, e, "Hardware name: IBM ") && s + 23 < e &&
		 s[19] >= '0' && s[19] <= '9' && s[20] >= '0' && s[20] <= '9' && s[21] >= '0' && s[21] <= '9' &&
		 s[22] >= '0' && s[22] <= '9' && s[23] == ' '))
		/* arch/s390: the syscall wrappers (4.17+), and the machine type
		 * (four digits, "IBM 8562 T02 Z06 (LPAR)") s390's setup prints;
		 * IBM's x86 servers say "IBM System x…" */
		a = "s390x";
	else if (p_find(s, e, "csky_systemcall"))
		a = "csky";          /* arch/csky/kernel/entry.S */
	else if (p_starts(s, e, "Hardware name: ") && (a = ppc_hw_arch(s, e)) != NULL)
		;
	else if (p_starts(s, e, "Hardware name: ") && p_find(s, e, " (DT)") &&
		 (p_find(s, e, "riscv") || p_find(s, e, "RISC-V"))) {
		/* arch/riscv/kernel/setup.c (5.19+) prints the device tree's
		 * model the same way, and a riscv board names itself so
		 * ("riscv-minimal-nommu,qemu (DT)", R3962); 32- or 64-bit from
		 * the frames (stack_arch_hint) */
		a = "riscv64";
		if (weak)
			*weak = true;
	} else if (p_starts(s, e, "Hardware name: ") && p_find(s, e, " (DT)")) {
		/* arch/arm64/kernel/setup.c setup_machine_fdt: "%s (DT)"; riscv
		 * prints it too (arch/riscv/kernel/setup.c parse_dtb, 5.19+), so
		 * a riscv frame label may still say otherwise */
		a = "aarch64";
		if (weak)
			*weak = true;
	} else if (p_starts(s, e, "Hardware name: ") && p_find(s, e, "Device Tree)")) {
		/* 32-bit ARM's machine names ("Freescale i.MX6 Quad/DualLite
		 * (Device Tree)", arch/arm/mach-* DT_MACHINE_START; "(Flattened
		 * Device Tree)" in arch/arm/kernel/devtree.c); arm64 says "(DT)" */
		a = "arm";
		if (weak)
			*weak = true;
	}
	else if (ppc32_one_word_frame(s, e))
		a = "ppc";
	else if (p_starts(s, e, "Function entered at [<"))
		a = "arm";           /* arch/arm/lib/backtrace.S, no unwinder */
	else if (p_starts(s, e, "RIP: ") || p_find(s, e, "entry_SYSCALL_64") || p_find(s, e, "asm_exc_page_fault") ||
	    p_find(s, e, "__x64_sys_") || p_find(s, e, "system_call_fastpath+") || p_find(s, e, "srso_return_thunk+") ||
	    p_find(s, e, "srso_alias_return_thunk+") || p_find(s, e, "srso_safe_ret+") ||
	    p_find(s, e, "sysvec_apic_timer_interrupt+") || p_find(s, e, "__pfx_"))
		/* arch/x86/entry/syscall_64.c wrappers (4.17+), entry_64.S (≤3.x);
		 * the AMD SRSO return thunks (arch/x86/lib/retpoline.S, 6.5+:
		 * CPU_SRSO depends on X86_64); the 5.8+ idtentry handlers, taken
		 * as 64-bit like asm_exc_page_fault (R439's softirq stack); the
		 * "__pfx_" padding symbols objtool adds (arch/x86/Kconfig
		 * PREFIX_SYMBOLS, 6.2+; objtool runs only for X86_64 there) */
		a = "x86_64";
	else if (p_starts(s, e, "EIP: ") || p_find(s, e, "sysenter_past_esp") || p_find(s, e, "syscall_call+") ||
		 p_find(s, e, "entry_SYSENTER_32") || p_find(s, e, "entry_INT80_32") || p_find(s, e, "error_code+0x"))
		/* arch/x86/kernel/entry_32.S (arch/x86/entry/entry_32.S 4.2+) labels:
		 * only a 32-bit x86 kernel has these frames */
		a = "i686";
	else if (p_starts(s, e, "Call trace:") || p_find(s, e, "el0_da") || p_find(s, e, "el0t_64_sync") ||
		 p_starts(s, e, "pc : ") || p_find(s, e, "el0t_32_sync") || p_find(s, e, "el0_svc") ||
		 p_find(s, e, "__arm64_sys_") || p_find(s, e, "__arm64_compat_sys_")) {
		/* arch/arm64/kernel/entry.S and entry-common.c: el0t_32_sync and
		 * el0_svc_compat are a 32-bit task's entry into an arm64 kernel
		 * (5.13+), el0_svc its system calls (5.x); the syscall wrappers
		 * (arch/arm64/kernel/syscall.c, 4.19+) (R6109) */
		a = "aarch64";
		/* 2.6 powerpc printed "Call trace:" too (arch/powerpc/kernel/process.c
		 * show_stack, ≤2.6.2x): its frames may say otherwise (R211) */
		if (weak && p_starts(s, e, "Call trace:"))
			*weak = true;
	}
	else if (p_starts(s, e, "NIP") || p_find(s, e, ".ppc64"))
		a = "ppc64";
	else if ((a = ppc_frame_arch(s, e)) != NULL)
		;
	else if (p_find(s, e, "do_sparc64_fault+") || p_find(s, e, "sparc64_realfault_common+") ||
		 (p_find(s, e, "linux_sparc_syscall") && p_starts(s, e, "[<") && hex_run(s + 2, e) == 16))
		/* arch/sparc/mm/fault_64.c and kernel/ktlb.S: a sparc64 kernel's
		 * own fault path (its "[<%016lx>]" frames say only 64 bit); the
		 * system call's entry (kernel/syscalls.S; 32-bit sparc's
		 * entry.S has the label too, so only with a 16-digit frame) */
		a = "sparc64";
	else if (p_find(s, e, "] (") && p_find(s, e, " from [<"))
		a = "arm";
	else if (p_starts(s, e, "Exception stack(0x"))
		/* arch/arm/kernel/traps.c dump_mem: "%s(0x%08lx to 0x%08lx)";
		 * arm64 copied it with 16 digits (arch/arm64/kernel/traps.c
		 * dump_backtrace_entry, 3.7-4.x: "%s(0x%016lx to 0x%016lx)"), so
		 * the width says which (R1133) */
		a = hex_run(s + 18, e) == 16 ? "aarch64" : "arm";
	else if (arm_from_frame(s, e))
		/* arch/arm/kernel/traps.c: "func from caller+0x…/0x…" frames
		 * (pre-4.x "(func) from (…)") are 32-bit ARM's own; arm64 prints none */
		a = "arm";
	else if (p_starts(s, e, "Stack : ")) {
		/* arch/mips/kernel/traps.c show_stacktrace: "Stack : " and words */
		const char *q = s + 8;
		int n = 0;
		while (q < e && is_hex_digit(*q))
			q++, n++;
		a = n == 8 ? "mips" : n == 16 ? "mips64" : NULL;
	} else if (p_find(s, e, "] amiga_do_irq_list+") || p_find(s, e, "] cia_handler+")) {
		/* the Amiga's interrupt dispatch (arch/m68k/amiga/amiints.c
		 * amiga_do_irq_list, cia.c cia_handler, 2.6.x): m68k's alone (R1226) */
		a = "m68k";
	} else if (p_starts(s, e, "[<") && hex_run(s + 2, e) == 16 &&
		   (p_find(s, e, "] ret_from_irq+") || p_find(s, e, "] handle_int+"))) {
		/* arch/mips/kernel/entry.S ret_from_irq and genex.S handle_int: a
		 * mips64 kernel's interrupt path, its text in CKSEG0
		 * (ffffffff80000000 on), which x86_64's range overlaps (R4366: an
		 * SGI O2's "[<ffffffff80004420>] ret_from_irq+0x0/0x4").  (sh has a
		 * ret_from_irq too, with 8-digit frames: left to the rest.) */
		a = "mips64";
	} else if (p_starts(s, e, "[<")) {
		const char *q = s + 2;
		int n = 0;
		while (q < e && is_hex_digit(*q)) {
			q++;
			n++;
		}
		/* "[<…>] ? func": x86's dumpstack.c marks unreliable frames so,
		 * no other arch does: the width says 32 or 64 bit.  Otherwise 16
		 * digits in x86_64's kernel-text range (the top 2 GiB, -2 GiB
		 * mcmodel=kernel) is x86_64; arm64, ppc64, loongarch map their text
		 * elsewhere.  8 digits is any 32-bit kernel (i686, arm, ppc, mips,
		 * m68k print "[<%08lx>]" alike): no arch by itself. */
		bool unreliable = q + 4 <= e && q[0] == '>' && q[1] == ']' && q[2] == ' ' && q[3] == '?';
		if (q < e && *q == '>' && unreliable)
			a = n == 16 ? "x86_64" : n == 8 ? "i686" : NULL;
		else if (q < e && *q == '>') {
			a = n == 16 && p_starts(s + 2, e, "ffffffff") ? "x86_64" : NULL;
			/* riscv64 (sv39+) links its kernel in the top 2 GiB too */
			if (a && weak)
				*weak = true;
		}
	} else if (raw_words_x86_64(s, e)) {
		a = "x86_64";
	} else if (x86_64_brace_frame(s, e)) {
		a = "x86_64";
	}
	if (!a && p_starts(s, e, "[<") && (p_find(s, e, "] stack_done+") || p_find(s, e, "] handle_sys+") ||
					   p_find(s, e, "] tlb_do_page_fault_"))) {
		/* arch/mips/kernel/scall32-o32.S (scall64-*.S): the syscall
		 * entry's labels, and arch/mips/mm/tlbex-fault.S's
		 * tlb_do_page_fault_0/_1, the TLB refill's way into the fault
		 * handler (R6322): MIPS's own; the frame's width says 32 or 64 bit */
		const char *q = s + 2;
		int n = 0;
		while (q < e && is_hex_digit(*q))
			q++, n++;
		a = n == 8 ? "mips" : n == 16 ? "mips64" : NULL;
	}
	return a;
}

static const char *stack_line_arch(const char *s, const char *e)
{
	return stack_line_arch_w(s, e, NULL);
}

const char *report_stack_line_arch(const char *s, size_t n)
{
	while (n && (*s == ' ' || *s == '\t'))
		s++, n--;
	const char *a = stack_line_arch(s, s + n);
	if (a)
		return a;
	/* the evidence table's decisive cues (report/arch.c): a frame of one
	 * arch and width (i386's "[pg0+…]" module frames, R5508; do_syscall_64),
	 * a platform of one (an EC2 type); x86's family cue leaves the width
	 * to the report's zones, which a line alone cannot */
	switch (report_arch_cue(s, n)) {
	case ARCH_CUE_X86_64: return "x86_64";
	case ARCH_CUE_I686: return "i686";
	case ARCH_CUE_AARCH64: return "aarch64";
	case ARCH_CUE_PARISC: return "parisc";
	default: return NULL;
	}
}

/* 2.6.1x i386 frames whose brackets a mail archive dropped (R597):
 * "<c0132552> __alloc_pages+0x254/0x266", an 8-digit address at 32-bit
 * x86's PAGE_OFFSET text and a symbol+0xoff/0xsize. */
static bool bare_frame8_c(const char *s, const char *e)
{
	if (!p_starts(s, e, "<c") || s + 11 > e || s[9] != '>' || s[10] != ' ')
		return false;
	for (const char *q = s + 1; q < s + 9; q++)
		if (!is_hex_digit(*q))
			return false;
	const char *plus = p_find(s + 11, e, "+0x");
	return plus && p_find(plus, e, "/0x");
}

/* What an address-only frame says, for parse_finish.c once the report is
 * whole: an 8-digit "[<…>]" frame under "Call Trace:" is 32-bit x86, MIPS or
 * csky; MIPS (and csky) run their kernel in kseg0 at 0x80000000, 32-bit x86
 * at PAGE_OFFSET 0xc0000000 (the 3G/1G split).  A "? func+0x…/0x…" frame is
 * x86's (arch/x86/kernel/dumpstack.c marks unreliable frames so) whatever
 * its address width, printed or cut. */
static void frame_range_hint(struct pstate *st, const char *s, const char *e)
{
	if (p_starts(s, e, "? ")) {
		const char *plus = p_find(s, e, "+0x");
		if (plus && p_find(plus, e, "/0x"))
			st->x86_unreliable = true;
		return;
	}
	/* 2.6.1x i386 frames whose brackets a mail archive dropped:
	 * " <c0132552> __alloc_pages+0x254/0x266" (R597) */
	if (bare_frame8_c(s, e)) {
		st->frame8_c = true;
		return;
	}
	/* the raw stack words 32-bit x86 prints above the trace (arch/x86/
	 * kernel/dumpstack_32.c show_stack_log_lvl, ≤4.8: " 00000000 c82b5c4c
	 * c1d6d9a6 …", words at 0xc0000000 and up among them; x86_64 prints 16
	 * digits, raw_words_x86_64), R5312.  ARM and MIPS print their words
	 * after an address or "Stack :"; only x86's own marks make it i686
	 * (parse_finish.c) */
	if (raw_words_32(s, e)) {
		st->words8_c = true;
		return;
	}
	if (!p_starts(s, e, "[<") || s + 11 > e || s[10] != '>')
		return;
	for (const char *q = s + 2; q < s + 10; q++)
		if (!is_hex_digit(*q))
			return;
	st->frame8_any = true;
	if (s[2] == '8' || s[2] == '9')
		st->frame8_kseg0 = true;
	else if (s[2] == 'c') {
		st->frame8_c = true;
		/* i386's " [<%08lx>] %pS" (arch/i386/kernel/traps.c, arch/x86
		 * dumpstack_32.c): the symbol right after the bracket.  32-bit ARM
		 * at the same 0xc0000000 prints "(func+0x…) from [<…>]" instead,
		 * ppc32 "[c…] [c…] func" with no "<" (so a missing "Call Trace:"
		 * line leaves the form to say it) */
		const char *q = s + 11;
		if (q < e && *q == ']')
			q++;
		while (q < e && *q == ' ')
			q++;
		const char *plus = q < e && *q != '(' ? p_find(q, e, "+0x") : NULL;
		if (plus && plus > q && p_find(plus, e, "/0x") && !p_find(q, e, " from "))
			st->frame8_c_sym = true;
	}
}

/* A mark only x86's kernel prints, 32 or 64 bit alike: the "<TASK>" /
 * "</TASK>" bracket show_trace_log_lvl prints around a task's stack
 * (arch/x86/kernel/dumpstack.c, stack_type_name "TASK"), and symbols of x86's
 * own entry and fault code: __switch_to_asm (arch/x86/entry/entry_32.S and
 * entry_64.S, 4.9+), do_user_addr_fault / do_kern_addr_fault
 * (arch/x86/mm/fault.c, 5.0+), exc_page_fault (the 5.8+ idtentry).  The
 * width is decided with the zones and totals (parse_finish.c). */
static bool x86_only_mark(const char *s, const char *e)
{
	return p_starts(s, e, "<TASK>") || p_starts(s, e, "</TASK>") || p_find(s, e, "__switch_to_asm+") ||
	       p_find(s, e, "do_user_addr_fault+") || p_find(s, e, "do_kern_addr_fault+") ||
	       p_find(s, e, " exc_page_fault+") || p_starts(s, e, "exc_page_fault+");
}

static void stack_arch_hint(struct pstate *st, const char *s, const char *e)
{
	struct oom_event *ev = &st->ev;
	if (p_starts(s, e, "Hardware name: ") && report_hw_desktop(s + 15, (size_t)(e - s - 15)))
		ev->hw_desktop = true;
	/* x86_64 runs its kernel in the top 2 GiB (mcmodel=kernel): a 16-digit
	 * frame below it is another 64-bit arch, whatever the zones look like */
	const char *f16 = frame16(s, e);
	if (f16 && !p_starts(f16, e, "ffffffff"))
		st->frame_not_x86 = true;
	bool weak;
	/* powerpc's show_regs decodes the MSR ("MSR:  8000000000029033
	 * <SF,EE,ME,IR,DR,RI,LE>", arch/powerpc/kernel/process.c print_msr_bits):
	 * SF is 64-bit mode, LE a little-endian kernel; nothing else in a
	 * report says the byte order */
	if (p_starts(s, e, "MSR:") && p_find(s, e, "<SF,") && (!ev->arch[0] || !strcmp(ev->arch, "ppc64"))) {
		const char *lt = p_find(s, e, "<SF,"), *gt = p_find(lt, e, ">");
		bool le = gt && (p_find(lt, gt + 1, ",LE>") || p_find(lt, gt + 1, ",LE,"));
		str_copy(ev->arch, sizeof(ev->arch), le ? "ppc64le" : "ppc64", le ? 7 : 5);
		st->arch_weak = false;
		return;
	}
	if (ev->arch[0]) {
		/* a riscv board's 8-digit frames ("[<80003520>] 0x80003520"): a
		 * 32-bit kernel (R3962) */
		if (st->arch_weak && !strcmp(ev->arch, "riscv64") && p_starts(s, e, "[<") && hex_run(s + 2, e) == 8 &&
		    s + 10 < e && s[10] == '>') {
			str_copy(ev->arch, sizeof(ev->arch), "riscv32", 7);
			st->arch_weak = false;
			return;
		}
		/* a device tree board's "(DT)" read as arm64, then a frame in
		 * the top 2 GiB ("[<ffffffff80005d5a>] dump_backtrace+0x1c/0x24",
		 * R6251): arm64 maps its kernel image at the start of the
		 * vmalloc area (arch/arm64/include/asm/memory.h KIMAGE_VADDR),
		 * far below; riscv64 links it there (arch/riscv/Kconfig
		 * PAGE_OFFSET, KERNEL_LINK_ADDR = 0xffffffff80000000), and prints
		 * "(DT)" too (arch/riscv/kernel/setup.c, 5.19+) */
		if (st->arch_weak && !strcmp(ev->arch, "aarch64") && f16 && p_starts(f16, e, "ffffffff8")) {
			str_copy(ev->arch, sizeof(ev->arch), "riscv64", 7);
			st->arch_weak = false;
			return;
		}
		/* an arch read off a frame's address alone gives way to a label
		 * of another arch's own code (riscv64's ret_from_exception, R319) */
		const char *b = NULL;
		if (st->arch_weak && (b = stack_line_arch_w(s, e, &weak)) != NULL && !weak && strcmp(b, ev->arch)) {
			str_copy(ev->arch, sizeof(ev->arch), b, strlen(b));
			st->arch_weak = false;
		} else if (st->arch_weak && b && !weak) {
			st->arch_weak = false;   /* confirmed */
		}
		return;
	}
	if (p_starts(s, e, "Hardware name: ") && (p_find(s, e, "PowerMac") || p_find(s, e, "PowerBook")))
		st->hw_powermac = true;   /* ppc, 32- or 64-bit: decided with the zones (parse_finish.c) */
	frame_range_hint(st, s, e);
	if (!st->x86_family && x86_only_mark(s, e))
		st->x86_family = true;
	const char *a = stack_line_arch_w(s, e, &weak);
	if (!a) {
		/* the evidence table of arch.c: platforms and x86's own labels */
		enum arch_cue c = report_arch_cue(s, (size_t)(e - s));
		if (c == ARCH_CUE_X86)
			st->x86_family = true;
		else if (c != ARCH_CUE_NONE)
			a = c == ARCH_CUE_X86_64 ? "x86_64" : c == ARCH_CUE_I686 ? "i686"
			    : c == ARCH_CUE_PARISC ? "parisc" : "aarch64";
	}
	if (a && !ev->kernel[0]) {
		str_copy(ev->arch, sizeof(ev->arch), a, strlen(a));
		st->arch_weak = weak;
	} else if (a && ev->kernel[0]) {
		/* the release string decides when it names the arch */
		pf_arch_from_release(ev);
		if (!ev->arch[0]) {
			str_copy(ev->arch, sizeof(ev->arch), a, strlen(a));
			st->arch_weak = weak;
		}
	}
}

/* Does a line look like part of a stack dump (frames, registers, raw stack
 * words, the <TASK> markers), so that other messages interleaved with it are
 * not taken for it? */
static bool stack_like(const char *s, const char *e, bool indented)
{
	if (indented || s >= e)
		return true;
	static const char *const starts[] = {
		"[<", "? ", "<TASK>", "</TASK>", "<IRQ>", "</IRQ>", "<EOI>", "<NMI>", "</NMI>", "Code:",
		"Workqueue:", "Hardware name:", "Call Trace:", "Call trace:", "pc : ", "lr : ", "sp : ",
		"Backtrace:", "Kernel Offset:", "---[ end", "Stack:", "Exception stack", "Modules linked in:",
		"Function entered at [<",    /* arch/arm/lib/backtrace.S */
	};
	for (size_t i = 0; i < ARRAY_SIZE(starts); i++)
		if (p_starts(s, e, starts[i]))
			return true;
	if (p_find(s, e, "+0x") && p_find(s, e, "/0x"))
		return true;      /* "dump_stack+0x6d/0x8b" with the indentation gone */
	/* registers "RAX: 0000…", "R10: …", "x29: …"; raw stack words */
	const char *p = s;
	int n = 0;
	while (p < e && ((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9')) && n < 4) {
		p++;
		n++;
	}
	if (n >= 2 && n <= 3 && p + 1 < e && p[0] == ':' && p[1] == ' ')
		return true;
	bool hex = true;
	int words = 0;
	for (p = s; p < e && hex; p++) {
		if (*p == ' ')
			continue;
		words++;
		while (p < e && *p != ' ') {
			if (!((*p >= '0' && *p <= '9') || (*p >= 'a' && *p <= 'f')))
				hex = false;
			p++;
		}
	}
	return hex && words >= 2;
}

/* A 2.6.18–2.6.20 i386 frame, its symbol in brackets with decimal offsets
 * and no "Call Trace:" above it: " [out_of_memory+389/448] out_of_memory+0x185/0x1c0"
 * (R330). */
static bool sym_frame(const char *s, const char *e)
{
	if (s >= e || *s != '[')
		return false;
	const char *p = s + 1;
	while (p < e && ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') || *p == '_' ||
			 *p == '.'))
		p++;
	if (p == s + 1 || p >= e || *p++ != '+')
		return false;
	const char *d = p;
	while (p < e && *p >= '0' && *p <= '9')
		p++;
	if (p == d || p >= e || *p++ != '/')
		return false;
	d = p;
	while (p < e && *p >= '0' && *p <= '9')
		p++;
	return p > d && p < e && *p == ']';
}

/* "java cpuset=/ mems_allowed=0" (2.6.29–4.19) */
static bool cpuset_line(struct pstate *st, const char *s, const char *e)
{
	if (st->sect != SEC_HEADER && st->sect != SEC_STACK)
		return false;
	const char *c = p_find(s, e, " cpuset=");
	if (!c)
		return false;
	const char *m = p_find(c, e, " mems_allowed=");
	if (!m)
		return false;
	p_copy(st->ev.cpuset, sizeof(st->ev.cpuset), c + 8, m);
	p_copy(st->ev.mems_allowed, sizeof(st->ev.mems_allowed), m + 14, e);
	return true;
}

/* ---- the end of a report ---------------------------------------------------- */

/* "(comm)" starting at p ('(' expected); the comm ends at the first of the
 * given closers, else at the last ')'.  Returns the pointer after ')' or NULL. */
static const char *read_paren_comm(const char *p, const char *e, const char *const *closers,
				   char *dst, size_t cap)
{
	if (p >= e || *p != '(')
		return NULL;
	const char *best = NULL;
	for (; closers && *closers; closers++) {
		const char *x = p_find(p, e, *closers);
		if (x && (!best || x < best))
			best = x;
	}
	if (!best) {
		best = p_rfind(p, e, ")");
		if (!best)
			return NULL;
	}
	const char *c = p + 1, *ce = best;
	/* a forum's Markdown made the name bold: "Killed process 4495
	 * (**firefox**)" (R400); a comm has no "**" at both ends */
	if (ce - c > 4 && c[0] == '*' && c[1] == '*' && ce[-1] == '*' && ce[-2] == '*' &&
	    !memchr(c + 2, '*', (size_t)(ce - c - 4))) {
		c += 2;
		ce -= 2;
	}
	p_copy(dst, cap, c, ce);
	return best + 1;
}

/* A kernel's seconds-since-boot stamp as printed ("206.416481"). */
static bool mono_stamp(const char *t, size_t n)
{
	bool dot = false;
	for (size_t i = 0; i < n; i++) {
		if (t[i] == '.' && !dot)
			dot = true;
		else if (t[i] < '0' || t[i] > '9')
			return false;
	}
	return n > 0 && dot;
}

/* "Kill process 123 (x) score 905 or sacrifice child" and older forms. */
/* A pid masked by whoever pasted the line ("Killed process xxx (beam.smp)",
 * "NNNN", R2043, R2058; "Kill process ... (python)", R4336; "<pid>",
 * R4694): a run of x, n, *, # or dots, or a word in angle brackets, before
 * " (", read as a
 * pid unknown; or dropped by whoever condensed the line ("Killed process
 * (bun) anon-rss:…", R3482, R3492: *p at the '(' after the blank).
 * Returns 0 and moves *p to the " (", or -1. */
static int masked_pid(const char **p, const char *e, int64_t *pid)
{
	const char *q = *p;
	if (q < e && *q == '(' && q[-1] == ' ') {
		*p = q - 1;
		*pid = OOM_NA;
		return 0;
	}
	if (q < e && *q == '<') {
		/* a placeholder in angle brackets ("Killed process <pid>
		 * (next-server)", R4694) */
		const char *gt = memchr(q, '>', (size_t)(e - q));
		if (gt && gt - q >= 2 && gt - q <= 12 && p_starts(gt + 1, e, " (") && !memchr(q + 1, ' ', (size_t)(gt - q - 1))) {
			*p = gt + 1;
			*pid = OOM_NA;
			return 0;
		}
	}
	while (q < e && (*q == 'x' || *q == 'X' || *q == 'n' || *q == 'N' || *q == '*' || *q == '#' || *q == '.'))
		q++;
	if (q == *p || q - *p > 10 || !p_starts(q, e, " ("))
		return -1;
	*p = q;
	*pid = OOM_NA;
	return 0;
}

static const char *kill_message_head(const char *s, const char *m, bool *exact);

static bool selection_line(struct report_parser *P, struct pstate *st, const struct report_line *l,
			   const char *s, const char *e)
{
	const char *k = p_find(s, e, ": Kill process "), *q;
	if (!k)
		k = p_find(s, e, ": kill process ");
	if (!k)
		return false;
	const char *p = k + 15;
	int64_t pid;
	if (p_num(&p, e, &pid) != 0 && masked_pid(&p, e, &pid) != 0)
		return false;
	/* the line cut right after the pid (a paste cut mid-line, R2564):
	 * still a selection, of that pid */
	bool cut = p >= e;
	if (!cut && *p != ' ')
		return false;
	if (!cut)
		p++;
	/* oom_kill_process prints one selection a call (mm/oom_kill.c; the
	 * "Killed process" line may be lost, printk dropped it, R034): a
	 * second one in the same report, stamped later in the same clock, is
	 * the next out_of_memory call.  Without two such stamps it may be a
	 * copy (prose quoting the line, R203; syslog and dmesg of one record,
	 * R210). */
	char stamp[40] = "";
	if (l->time && l->time_len < sizeof(stamp) && mono_stamp(l->time, l->time_len)) {
		p_copy(stamp, sizeof(stamp), l->time, l->time + l->time_len);
	} else if (l->mono && l->mono_len < sizeof(stamp) && mono_stamp(l->mono, l->mono_len)) {
		/* the kernel's stamp after a syslog date (R5302: five selections
		 * of one memcg in one syslog second, 0.1 ms apart) */
		p_copy(stamp, sizeof(stamp), l->mono, l->mono + l->mono_len);
	} else if (p_starts(s, e, "** ") && (q = p_find(s, k, " printk messages dropped ** [")) != NULL) {
		/* 4.x console_unlock glues "** N printk messages dropped ** " to
		 * the front of the next record, its stamp included (R034) */
		const char *t = q + strlen(" printk messages dropped ** ["), *te = p_find(t, k, "]");
		while (t < te && *t == ' ')
			t++;
		if (te && (size_t)(te - t) < sizeof(stamp) && mono_stamp(t, (size_t)(te - t)))
			p_copy(stamp, sizeof(stamp), t, te);
	}
	/* Wall-clock stamps (syslog, dmesg -T) of the same kind: a copy of
	 * the record repeats stamp and pid byte for byte (identical records
	 * were already merged); another stamp, or another pid in the same
	 * second, is the next out_of_memory call whose kill line was lost or
	 * grep'd away (a "grep 'Out of memory'" storm: one event a line).  Only
	 * line after line: a copy further down (syslog's record, then dmesg's
	 * pasted under it, R210) may carry a date of its own. */
	char wall[40] = "";
	if (!stamp[0] && l->time && l->time_len < sizeof(wall) && !mono_stamp(l->time, l->time_len))
		p_copy(wall, sizeof(wall), l->time, l->time + l->time_len);
	bool next_call = stamp[0] && st->sel_time[0] && strtod(stamp, NULL) > strtod(st->sel_time, NULL);
	if (wall[0] && st->sel_wall[0] && strcmp(wall, st->sel_wall) != 0 && P->nr_fed == st->sel_fed + 1)
		next_call = true;
	/* one selection a call: another pid selected with no kill between is
	 * the next call, stamped or not (a copy repeats the pid) */
	if (pid != st->sel_pid)
		next_call = true;
	if (st->active && st->have_selection && !st->have_kill && st->ev.kind != OOM_KIND_ALLOC_FAILURE && next_call) {
		state_begin(P, st, l);
		st->ev.header_missing = true;
	} else {
		join_or_open_headerless(P, st, l);
	}
	struct oom_event *ev = &st->ev;
	static const char *const closers[] = { ") score ", NULL };
	char comm[OOM_COMM_LEN];
	const char *after = cut ? NULL : read_paren_comm(p, e, closers, comm, sizeof(comm));
	if (cut && known(pid)) {
		ev->victim.selected_pid = pid;
		st->have_selection = true;
		st->sel_pid = pid;
		st->sel_fed = P->nr_fed;
		ev->truncated = true;
	}
	if (!after)
		return true;
	ev->victim.selected_pid = pid;
	str_copy(ev->victim.selected_comm, sizeof(ev->victim.selected_comm), comm, strlen(comm));
	if (!ev->victim.message[0]) {
		/* the kernel's message starts at its own words when a prefix
		 * nobody knows is still in front of them (a Kubernetes event's
		 * tab-separated columns "kernel-monitor, node\t\t\tWarning\t\t
		 * OOMKilling\tMemory cgroup out of memory: Kill process", R4965) */
		p_copy(ev->victim.message, sizeof(ev->victim.message), kill_message_head(s, k, NULL), k);
	}
	int64_t score;
	const char *sc = p_find(after, e, "score ");
	if (sc) {
		sc += 6;
		int r = p_inum(&sc, e, &score);
		if (r == 0)
			ev->victim.score = score;
		else
			event_warn(ev, "selection score not understood");
	}
	if (p_find(after, e, "sacrifice child"))
		st->shape |= SH_SACRIFICE;
	else if (p_find(after, e, " or a child"))
		st->shape |= SH_OR_A_CHILD;
	st->have_selection = true;
	str_copy(st->sel_time, sizeof(st->sel_time), stamp, strlen(stamp));
	str_copy(st->sel_wall, sizeof(st->sel_wall), wall, strlen(wall));
	st->sel_pid = pid;
	st->sel_fed = P->nr_fed;
	st->sect = SEC_TASKS;
	return true;
}

/* Values "total-vm:NkB, anon-rss:NkB, …, UID:N pgtables:NkB oom_score_adj:N". */
static void kill_values(struct pstate *st, struct oom_victim *v, const char *p, const char *e)
{
	static const struct { const char *key; size_t off; bool kb; } keys[] = {
		{ "total-vm:", offsetof(struct oom_victim, total_vm_kib), true },
		{ "vsz:", offsetof(struct oom_victim, total_vm_kib), true },
		{ "anon-rss:", offsetof(struct oom_victim, anon_rss_kib), true },
		{ "file-rss:", offsetof(struct oom_victim, file_rss_kib), true },
		{ "shmem-rss:", offsetof(struct oom_victim, shmem_rss_kib), true },
		/* a PDF's text layer drops the hyphen a line break fell on
		 * ("anonrss:630068kB", R2536, R2537): the same field */
		{ "anonrss:", offsetof(struct oom_victim, anon_rss_kib), true },
		{ "filerss:", offsetof(struct oom_victim, file_rss_kib), true },
		{ "shmemrss:", offsetof(struct oom_victim, shmem_rss_kib), true },
		{ "totalvm:", offsetof(struct oom_victim, total_vm_kib), true },
		{ "pgtables:", offsetof(struct oom_victim, pgtables_kib), true },
		{ "UID:", offsetof(struct oom_victim, uid), false },
		{ "oom_score_adj:", offsetof(struct oom_victim, oom_score_adj), false },
	};
	for (size_t i = 0; i < ARRAY_SIZE(keys); i++) {
		const char *q = p_find(p, e, keys[i].key);
		/* after a blank or a comma; or Markdown bold a writer put
		 * around a value ("**anon-rss:59118944kB (≈56.4 GiB)**", R327) */
		if (!q || (q > p && q[-1] != ' ' && q[-1] != ',' && !(q - p >= 3 && q[-1] == '*' && q[-2] == '*' && q[-3] == ' ')))
			continue;
		q += strlen(keys[i].key);
		/* a blank typed after the colon ("total-vm: 188228kB", R2667) */
		if (q + 1 < e && *q == ' ' && q[1] >= '0' && q[1] <= '9')
			q++;
		int64_t val;
		const char *vs = q;
		int r = p_inum(&q, e, &val);
		/* digits grouped by thousands by whoever retyped the line
		 * ("anon-rss:2,147,640kB", R1926; the kernel prints none):
		 * groups of three, then the unit */
		if (r == 0 && keys[i].kb && val >= 0 && val < 1000 && q + 4 <= e && *q == ',' && is_digit(q[1])) {
			const char *g = q;
			int64_t w = val;
			while (g + 4 <= e && *g == ',' && is_digit(g[1]) && is_digit(g[2]) && is_digit(g[3]) &&
			       (g + 4 == e || !is_digit(g[4])) && w < INT64_MAX / 1000) {
				w = w * 1000 + (g[1] - '0') * 100 + (g[2] - '0') * 10 + (g[3] - '0');
				g += 4;
			}
			if (g > q && p_starts(g, e, "kB")) {
				val = w;
				q = g;
			} else {
				/* grouped by a hand that missed a digit ("anon-rss:
				 * 153,700,88kB", R3281: 15370088, as the victim's row
				 * says): the kernel prints no separator, so the digits
				 * are the number wherever the commas fell */
				g = q;
				w = val;
				while (g + 1 < e && *g == ',' && is_digit(g[1])) {
					int k = 0;
					for (g++; g < e && is_digit(*g) && k < 3 && w < INT64_MAX / 10; g++, k++)
						w = w * 10 + (*g - '0');
					if (g < e && is_digit(*g))
						break;   /* a group of four: no grouping */
				}
				if (g > q && p_starts(g, e, "kB")) {
					val = w;
					q = g;
				}
			}
		}
		/* a blank typed before the unit, one field a line ("anon-rss:
		 * 3424 kB", R3728) */
		if (r == 0 && keys[i].kb && p_starts(q, e, " kB"))
			q++;
		bool ok = r == 0 && (!keys[i].kb || p_starts(q, e, "kB"));
		/* "%lukB" never prints a leading zero: "shmem-rss:0" or "…:00" at the end
		 * of a cut line is 0 and the debris of the cut, whatever
		 * followed it (R126) */
		if (!ok && r == 0 && keys[i].kb && q == e && vs < e && vs[0] == '0') {
			val = 0;
			ok = true;
		}
		/* a line cut at a fixed width inside the unit, its last visible
		 * byte replaced ("shmem-rss:0k0", "anon-rss:72k"; R364): the
		 * digits ended where the unit began, so the number is whole */
		if (!ok && r == 0 && keys[i].kb && q < e && *q == 'k' && e - q <= 2 && !memchr(q, ',', (size_t)(e - q)) &&
		    !memchr(q, ' ', (size_t)(e - q)))
			ok = true;
		if (ok && val < 0 && strcmp(keys[i].key, "oom_score_adj:") != 0)
			ok = false;
		if (ok && !strcmp(keys[i].key, "oom_score_adj:") && (val < -1000 || val > 1000))
			ok = false;
		if (!ok) {
			event_warn(&st->ev, "kill line: %s value not understood", keys[i].key);
			continue;
		}
		*(int64_t *)(void *)((char *)v + keys[i].off) = val;
		if (!strcmp(keys[i].key, "vsz:"))
			st->shape |= SH_VSZ_KILL;
		if (!strcmp(keys[i].key, "UID:"))
			st->shape |= SH_KILL_UID_COLON;
	}
}

/* The kill line's values broken off onto a line of their own, after a
 * blank line in a double-spaced paste (", file-rss:4kB, shmem-rss:0kB,
 * UID:1000 pgtables:15632kB oom_score_adj:0", R137): read when the kill
 * line lacked the first of them. */
static bool kill_rest(struct pstate *st, const char *s, const char *e)
{
	struct oom_victim *v = &st->ev.victim;
	if (!st->have_kill || !st->ev.have_victim || st->ev.outcome != OOM_OUTCOME_KILLED)
		return false;
	const char *p = s;
	if (p < e && *p == ',')
		p = p_skip_sp(p + 1, e);
	static const struct { const char *key; size_t off; } first[] = {
		{ "total-vm:", offsetof(struct oom_victim, total_vm_kib) },
		{ "anon-rss:", offsetof(struct oom_victim, anon_rss_kib) },
		{ "file-rss:", offsetof(struct oom_victim, file_rss_kib) },
		{ "shmem-rss:", offsetof(struct oom_victim, shmem_rss_kib) },
		{ "UID:", offsetof(struct oom_victim, uid) },
		{ "pgtables:", offsetof(struct oom_victim, pgtables_kib) },
		{ "oom_score_adj:", offsetof(struct oom_victim, oom_score_adj) },
	};
	for (size_t i = 0; i < ARRAY_SIZE(first); i++)
		if (p_starts(p, e, first[i].key)) {
			if (known(*(const int64_t *)(const void *)((const char *)v + first[i].off)))
				return false;
			kill_values(st, v, p, e);
			return true;
		}
	return false;
}

/* A line's stamp to the second ("2026-09-02T09:08:50", "1234"): "" none. */
static void time_second(const struct report_line *l, char *out, size_t cap)
{
	out[0] = '\0';
	if (!l->time || !l->time_len)
		return;
	size_t n = 0;
	while (n < l->time_len && l->time[n] != '.' && l->time[n] != ',')
		n++;
	str_copy(out, cap, l->time, n);
}

/* memory.oom.group kills every task of the group with the victim's message
 * (mm/oom_kill.c oom_kill_process → oom_kill_memcg_member, 4.19+), the
 * victim again among them; the "Tasks in … are going to be killed" line
 * that announces it is often trimmed.  A further memcg kill line with the
 * same message in the same second, no header between, is such a member:
 * separate OOMs whose headers were rate-limited come ten reports apart at
 * the least (DEFAULT_RATELIMIT_BURST), not in one second after a full one. */
/* Where the message before "Killed process" ends: at its ": ", or at a
 * ':' with no blank after it (retyped, R1813).  k > s. */
static const char *kill_message_end(const char *s, const char *k)
{
	return k - s >= 2 && k[-1] == ' ' ? k - 2 : k - 1;
}

static bool kill_burst(const struct pstate *st, const struct report_line *l, const char *s, const char *k)
{
	const struct oom_event *ev = &st->ev;
	size_t ml = (size_t)(kill_message_end(s, k) - s);
	/* the header, or the memcg block dump_header prints (a report not
	 * rate-limited: R2403, R2405 cut above it) */
	if (!st->kill_second[0] || !(st->have_trigger || ev->snap.have_memcg) || !p_find(s, k, "Memory cgroup") ||
	    ml >= sizeof(ev->victim.message) || strncmp(ev->victim.message, s, ml) != 0 ||
	    ev->victim.message[ml] != '\0')
		return false;
	char sec[sizeof(st->kill_second)];
	time_second(l, sec, sizeof(sec));
	return strcmp(sec, st->kill_second) == 0;
}

/* ≤2.6.9 killed every task sharing the victim's mm, each with its own line
 * (mm/oom_kill.c oom_kill: __oom_kill_task printk "Out of Memory: Killed
 * process %d (%s)." for the victim, then for each q->mm == mm of another
 * thread group; LinuxThreads programs such as mysqld of the time, R1767):
 * a further kill line with that message and the victim's comm in the same
 * second, no header between, in a report (its header or its show_mem seen:
 * not a grep of kill lines) is one of them, not another report.  p is at
 * the "(" after the pid. */
static bool mm_sharer_kill(const struct pstate *st, const struct report_line *l, const char *s, const char *k,
			   const char *p, const char *e)
{
	const struct oom_event *ev = &st->ev;
	if (!(st->have_trigger || ev->have_meminfo) || !ev->victim.comm[0] || k - s < 15 || !p_starts(k - 15, e, "Out of Memory: ") ||
	    !p_starts(p, e, "("))
		return false;
	size_t cl = strlen(ev->victim.comm);
	if (!p_starts(p + 1, e, ev->victim.comm) || !p_starts(p + 1 + cl, e, ")"))
		return false;
	/* the same second, or neither line stamped (R1620's paste) */
	char sec[sizeof(st->kill_second)];
	time_second(l, sec, sizeof(sec));
	return strcmp(sec, st->kill_second) == 0;
}

/* The report's victim was killed (its kill line read): the short tail
 * after it may still come. */
static void kill_seen(struct pstate *st, const struct report_line *l)
{
	st->ev.have_victim = true;
	st->ev.outcome = OOM_OUTCOME_KILLED;
	st->have_kill = true;
	st->sect = SEC_TAIL;
	st->tail_left = PARSE_TAIL_LINES;
	time_second(l, st->kill_second, sizeof(st->kill_second));
	str_copy(st->kill_time, sizeof(st->kill_time), l->time ? l->time : "", l->time ? l->time_len : 0);
}

/* Where the kill message starts in s[0, m): the kernel's own texts
 * (mm/oom_kill.c out_of_memory / mem_cgroup_out_of_memory's oom_kill_process
 * message, 2.6-6.x) may come after a paste's own leading token (a JSON
 * key '"message": "', a comment's "# ", a tool's tag, a Kubernetes
 * event's tab-separated columns) that no prefix rule took: the message is
 * the known text at its end (of the kill line, or of the selection line
 * before ": Kill process").  s when none ends it;
 * *exact (when given) is set when s[0, m) is one of them. */
static const char *kill_message_head(const char *s, const char *m, bool *exact)
{
	static const char *const msgs[] = { "Memory cgroup out of memory", "Out of memory (oom_kill_allocating_task)",
					    "Out of memory", "No available memory (MPOL_BIND)",
					    "No available memory in cpuset", NULL };
	for (int i = 0; msgs[i]; i++) {
		size_t n = strlen(msgs[i]);
		if (exact)
			*exact = *exact || ((size_t)(m - s) == n && !memcmp(s, msgs[i], n));
		if ((size_t)(m - s) > n && !memcmp(m - n, msgs[i], n) && 
		    (m[-(ptrdiff_t)n - 1] == ' ' || m[-(ptrdiff_t)n - 1] == '\t' || m[-(ptrdiff_t)n - 1] == '"' ||
		     m[-(ptrdiff_t)n - 1] == '\''))
			return m - n;
	}
	return s;
}

/* A kill line that ends right after its pid (a paste cut at the screen's
 * edge: "Out of memory: Killed process 323", R5841, R5852).  The
 * constraint line printed just before it (5.0+ dump_oom_summary:
 * "…,task=java,pid=3239,uid=…") names the same victim — 5.0+ kills the
 * task it chose — so its comm is the victim's, and a pid that is the
 * start of its pid was cut inside the number. */
static void kill_cut_after_pid(struct oom_event *ev, struct oom_victim *v)
{
	if (!ev->constraint[0] || !known(v->selected_pid) || !v->selected_comm[0] || !known(v->pid) || v->pid <= 0)
		return;
	if (v->selected_pid != v->pid) {
		char a[24], b[24];
		snprintf(a, sizeof(a), "%lld", (long long)v->pid);
		snprintf(b, sizeof(b), "%lld", (long long)v->selected_pid);
		if (strlen(b) <= strlen(a) || strncmp(a, b, strlen(a)) != 0)
			return;
		event_warn(ev, "the kill line is cut inside its pid (%s): the victim is the constraint line's, pid %s", a, b);
		v->pid = v->selected_pid;
	}
	str_copy(v->comm, sizeof(v->comm), v->selected_comm, strlen(v->selected_comm));
}

/* A kill line whose words a reader's translator changed ("Out of memory:
 * Process stopped 2953 (python) total-vm:…", R570) keeps the kernel's
 * shape: a known message, ": ", words, "<pid> (<comm>) total-vm:" (4.x+
 * mm/oom_kill.c __oom_kill_process).  Returns where the words start (as
 * "Killed process " would) and *pidp the pid, NULL when it is not one. */
static const char *translated_kill(const char *s, const char *e, const char **pidp)
{
	const char *tv = p_find(s, e, ") total-vm:"), *c = p_find(s, e, ": ");
	bool known_msg = false;
	if (!tv || !c)
		return NULL;
	kill_message_head(s, c, &known_msg);
	if (!known_msg)
		return NULL;
	c += 2;
	/* the first "<digits> (" after the words, no more than four of them */
	int words = 0;
	for (const char *q = c; q < tv && words <= 4; q++) {
		if (*q == ' ')
			words++;
		if ((q == c || q[-1] == ' ') && *q >= '0' && *q <= '9') {
			const char *d = q;
			while (d < tv && *d >= '0' && *d <= '9')
				d++;
			if (d + 1 < tv && d[0] == ' ' && d[1] == '(') {
				*pidp = q;
				return c;
			}
		}
	}
	return NULL;
}

/* After a kill line's pid, only an elision mark ("...", "…", "[...]")
 * and the quote or code marks that close a paste (blanks, ` ' "). */
static bool elided_after_pid(const char *p, const char *e)
{
	if (p >= e || *p != ' ')
		return false;
	p = p_skip_sp(p, e);
	if (p_starts(p, e, "[...]"))
		p += 5;
	else if (p_starts(p, e, "..."))
		p += 3;
	else if (p_starts(p, e, "\xe2\x80\xa6"))
		p += 3;
	else
		return false;
	while (p < e && *p == '.')
		p++;
	for (; p < e; p++)
		if (*p != ' ' && *p != '`' && *p != '\'' && *p != '"')
			return false;
	return true;
}

static bool kill_line(struct report_parser *P, struct pstate *st, const struct report_line *l,
		      const char *s, const char *e)
{
	const char *k = p_find(s, e, "Killed process "), *p = NULL;
	if (k) {
		p = k + 15;
	} else if ((k = p_find(s, e, "Killed  ")) != NULL) {
		/* a paste that doubled the blank where a wrap was joined back
		 * ("Killed  process 27677 (Plex Script Hos)", R2181) */
		const char *q = k + 7;
		while (q < e && *q == ' ')
			q++;
		if (p_starts(q, e, "process "))
			p = q + 8;
		else
			k = NULL;
	}
	if (k) {
		/* "Out of memory: Killed process", or retyped without the
		 * blank ("Out of memory:Killed process 7534 (bash)", R1813) */
		if (k != s && !(k - s >= 2 && k[-2] == ':' && k[-1] == ' ') && !(k - s >= 1 && k[-1] == ':') &&
		    !line_kind_quoted_kill(s, k, e))
			return false;
	} else if (!(k = translated_kill(s, e, &p))) {
		return false;
	}
	int64_t pid, uid = OOM_NA;
	/* a blank doubled before the pid ("Killed process  532 (kodi.bin)",
	 * R2333: a pid right-aligned by whoever copied it) */
	if (p < e && *p == ' ')
		p = p_skip_sp(p, e);
	const char *pid_at = p;
	if (p_num(&p, e, &pid) != 0 && masked_pid(&p, e, &pid) != 0)
		return false;
	/* the pid dropped: a condensed kill line of its own, not prose that
	 * names one ("log `Memory cgroup out of memory: Killed process (uwsgi)`
	 * in dmesg", R093); after the oom-kill line glued to it (R3482) */
	if (p < pid_at && !(k == s || p_starts(s, e, "Out of memory") || p_starts(s, e, "Memory cgroup out of memory") ||
			     p_starts(s, e, "oom-kill:")))
		return false;
	/* … and its comm closed as the kernel's: the line's end, its fields
	 * (not "(uwsgi)` in `dmesg`") */
	if (p < pid_at) {
		const char *cl = memchr(p, ')', (size_t)(e - p));
		if (!cl || !(cl + 1 == e || cl[1] == ' ' || cl[1] == ','))
			return false;
	}
	bool rhel6 = false, no_comm = false;
	const char *bare = NULL;
	if (p_starts(p, e, ", UID ")) {
		/* RHEL6: "Killed process %d, UID %d, (%s) total-vm:…" */
		p += 6;
		if (p_inum(&p, e, &uid) != 0)
			return false;
		if (p_starts(p, e, ", (")) {
			p += 2;
		} else if (p < e && *p == ' ' && p + 1 < e && !memchr(p + 1, ' ', (size_t)(e - p - 1)) &&
			   !memchr(p + 1, '(', (size_t)(e - p - 1))) {
			/* the comm without its comma and brackets, the line's last
			 * word: a knowledge-base article's rendering of RHEL 5's
			 * line ("Killed process 7919, UID 504 oracle", R4322) */
			bare = p + 1;
		} else {
			return false;
		}
		rhel6 = true;
	} else if (p_starts(p, e, " (")) {
		p += 1;
	} else if (p_starts(p, e, "  ") && p_skip_sp(p, e) < e && *p_skip_sp(p, e) == '(') {
		/* the comm aligned by whoever condensed the lines ("Killed
		 * process 124094  (python3)" above "… 1284427 (python3)", R4536) */
		p = p_skip_sp(p, e);
	} else if (p == e || p_starts(p, e, " total-vm:") || p_starts(p, e, ", total-vm:")) {
		/* retyped without the comm: "Killed process 1044797 total-vm:…" (R020) */
		no_comm = true;
	} else if (elided_after_pid(p, e)) {
		/* the rest elided by whoever quoted it: "Killed process
		 * 1463994 ...`" (R6772): the pid is the kernel's, the comm and
		 * sizes are not in the text */
		no_comm = true;
	} else {
		return false;
	}
	if (st->active && st->have_kill && !st->group_announced && k != s && kill_burst(st, l, s, k))
		st->group_announced = true;   /* implied: see kill_burst */
	if (st->active && st->have_kill && !st->group_announced && k && k != s && !rhel6 && !no_comm &&
	    mm_sharer_kill(st, l, s, k, p, e)) {
		st->group_announced = true;
		st->ev.group_shares_mm = true;
	}
	if (st->active && st->have_kill && st->group_announced) {
		/* memory.oom.group: a further member of the group */
		struct oom_event *ev = &st->ev;
		if (known(pid) && pid != ev->victim.pid && ev->nr_group_kills < OOM_MAX_GROUP_KILLS)
			ev->group_kill_pids[ev->nr_group_kills++] = pid;
		st->tail_left = PARSE_TAIL_LINES;
		return true;
	}
	join_or_open_headerless(P, st, l);
	struct oom_event *ev = &st->ev;
	struct oom_victim *v = &ev->victim;
	if (st->reaper_provisional) {
		/* the kill line the reaper's victim held the place of */
		st->reaper_provisional = false;
		ev->victim_from_reaper = false;
		if (v->pid != pid) {
			v->comm[0] = '\0';
			v->reaped = v->reap_failed = false;
			v->reaped_anon_rss_kib = v->reaped_file_rss_kib = v->reaped_shmem_rss_kib = OOM_NA;
		}
	}
	static const char *const closers[] = { ") total-vm:", ") vsz:", "), UID ", NULL };
	char comm[OOM_COMM_LEN];
	const char *after = no_comm ? p : bare ? NULL : read_paren_comm(p, e, closers, comm, sizeof(comm));
	v->pid = pid;
	if (after && !no_comm)
		str_copy(v->comm, sizeof(v->comm), comm, strlen(comm));
	else if (bare)
		str_copy(v->comm, sizeof(v->comm), bare, (size_t)(e - bare));
	if (no_comm && p == e)
		kill_cut_after_pid(ev, v);
	/* a kill quoted inside prose: the words before it are the reader's,
	 * no message of the kernel's unless one ends them */
	const char *mh = k != s ? kill_message_head(s, kill_message_end(s, k), NULL) : s;
	if (k != s && !(mh == s && line_kind_quoted_kill(s, k, e)))
		p_copy(v->message, sizeof(v->message), mh, kill_message_end(s, k));
	if (k != s && after && p_find(after, e, "total-vm:"))
		st->shape |= SH_KILL_PREFIX;     /* 5.1+; ≤2.6.19 "…: Killed process N (x)." has no values */
	if (known(uid))
		v->uid = uid;
	if (rhel6)
		st->shape |= SH_RHEL6_KILL;
	if (after && p_starts(after, e, ", UID ")) {
		/* RHEL 7.9: "Killed process %d (%s), UID %d, total-vm:…" */
		const char *q = after + 6;
		int64_t u;
		if (p_inum(&q, e, &u) == 0 && u >= 0)
			v->uid = u;
		st->shape |= SH_RHEL7_KILL;
	}
	if (after)
		kill_values(st, v, after, e);
	if (known(v->uid) && v->uid < 0)
		v->uid = OOM_NA;
	kill_seen(st, l);
	if (known(st->reaper_pid) && st->reaper_pid == pid)
		v->reaped = true;
	return true;
}

/* OpenVZ / Virtuozzo 2.6.32 (kernel/bc/oom_kill.c out_of_memory_in_ub):
 * "Out of memory in [mem cgroup inside ]UB %u: OOM killed process %d (%s)
 * score %d vm:%lukB, rss:%lukB, swap:%lukB" — a container's kill, its rss
 * not split into anon and file. */
static bool ub_kill_line(struct report_parser *P, struct pstate *st, const struct report_line *l, const char *s,
			 const char *e)
{
	const char *k = p_find(s, e, ": OOM killed process ");
	if (!k || !p_starts(s, e, "Out of memory in ") || !p_find(s, k, "UB "))
		return false;
	const char *p = k + 21;
	int64_t pid;
	if (p_num(&p, e, &pid) != 0 || !p_starts(p, e, " ("))
		return false;
	static const char *const closers[] = { ") score ", ") vm:", NULL };
	char comm[OOM_COMM_LEN];
	const char *after = read_paren_comm(p + 1, e, closers, comm, sizeof(comm));
	join_or_open_headerless(P, st, l);
	struct oom_event *ev = &st->ev;
	struct oom_victim *v = &ev->victim;
	v->pid = pid;
	if (after) {
		str_copy(v->comm, sizeof(v->comm), comm, strlen(comm));
		const char *q = p_find(after, e, "score ");
		int64_t val;
		if (q && (q += 6, p_inum(&q, e, &val) == 0))
			v->score = val;
		q = p_find(after, e, "vm:");
		if (q && (q += 3, p_num(&q, e, &val) == 0) && p_starts(q, e, "kB"))
			v->total_vm_kib = val;
	}
	p_copy(v->message, sizeof(v->message), s, k);
	st->ub_container = true;
	st->shape |= SH_RHEL6_KILL;   /* the RHEL 6 based 2.6.32 OpenVZ kernels */
	kill_seen(st, l);
	return true;
}

/* The arch page-fault paths' out_of_memory label (arch/i386/mm/fault.c
 * do_page_fault, 2.4 and 2.6; other arches until they called
 * pagefault_out_of_memory(), openrisc and score in 3.x): "VM: killing
 * process %s" ("VM: Killing process %s" in some) — the faulting task
 * killed itself, no OOM selection; a kill event of its own with a comm
 * and no pid (R089; alone in a log, R4735, R6451, R6452). */
static bool vm_kill_line(struct report_parser *P, struct pstate *st, const struct report_line *l, const char *s,
			 const char *e)
{
	if (!p_starts(s, e, "VM: killing process ") && !p_starts(s, e, "VM: Killing process "))
		return false;
	join_or_open_headerless(P, st, l);
	struct oom_event *ev = &st->ev;
	const char *ce = e;
	while (ce > s + 20 && (ce[-1] == ' ' || ce[-1] == '\r'))
		ce--;
	/* alpha's and arm's "VM: killing process %s(%d)" (arch/alpha/mm/fault.c,
	 * arch/arm/mm/fault.c, 2.4 and 2.6) name the pid too */
	const char *op = ce > s + 21 && ce[-1] == ')' ? ce - 2 : NULL;
	while (op && op > s + 20 && is_digit(*op))
		op--;
	if (op && op > s + 20 && *op == '(' && op + 1 < ce - 1) {
		const char *d = op + 1;
		int64_t pid;
		if (p_num(&d, ce - 1, &pid) == 0 && d == ce - 1) {
			ev->victim.pid = pid;
			ce = op;
		}
	}
	p_copy(ev->victim.comm, sizeof(ev->victim.comm), s + 20, ce);
	p_copy(ev->victim.message, sizeof(ev->victim.message), s, s + 2);
	ev->have_victim = true;
	ev->outcome = OOM_OUTCOME_KILLED;
	st->have_kill = true;
	st->sect = SEC_TAIL;
	st->tail_left = PARSE_TAIL_LINES;
	return true;
}

/* Does a key of the oom-kill: line start at p? */
static bool constraint_key(const char *p, const char *e)
{
	static const char *const k[] = { "nodemask=", "cpuset=", "mems_allowed=", "oom_memcg=", "global_oom",
					 "task_memcg=", "task=", "pid=", "uid=", NULL };
	for (int i = 0; k[i]; i++)
		if (p_starts(p, e, k[i]))
			return true;
	return false;
}

static bool constraint_line(struct report_parser *P, struct pstate *st, const struct report_line *l,
			    const char *s, const char *e);

/* The rest of an oom-kill: line re-flowed by hand onto the next line,
 * indented ("               task=python, pid=2269, uid=0", R305): the line
 * is read again whole. */
static bool constraint_rest(struct report_parser *P, struct pstate *st, const struct report_line *l,
			    const char *s, const char *e, size_t n)
{
	/* after a lone "oom-kill:" its first field, "constraint=" */
	bool head_only = n == 9 && !memcmp(st->cons_text, "oom-kill:", 9);
	if (head_only ? !p_starts(s, e, "constraint=") : (!constraint_key(s, e) || p_starts(s, e, "oom-kill:")))
		return false;
	char joined[sizeof(st->cons_text) + 512];
	if ((size_t)(e - s) + n + 1 > sizeof(joined))
		return false;
	memcpy(joined, st->cons_text, n);
	if (joined[n - 1] != ',' && !head_only)
		joined[n++] = ',';
	memcpy(joined + n, s, (size_t)(e - s));
	n += (size_t)(e - s);
	st->cons_rejoin = true;
	bool ok = constraint_line(P, st, l, joined, joined + n);
	st->cons_rejoin = false;
	return ok;
}

static int64_t named_pid(const char *s, const char *e);

/* "oom-kill:constraint=CONSTRAINT_NONE,nodemask=(null),cpuset=/,mems_allowed=0,
 *  global_oom,task_memcg=/x,task=java,pid=2345,uid=1000" (5.0+, RHEL8). */
static bool constraint_line(struct report_parser *P, struct pstate *st, const struct report_line *l,
			    const char *s, const char *e)
{
	/* condensed by hand to its fields, the "oom-kill:" label dropped and
	 * blanks between ("constraint=CONSTRAINT_MEMCG  oom_memcg=/a/b…",
	 * R3492): read with the label and a ',' before each key.  Not where a
	 * lone "oom-kill:" waits for it (constraint_rest, R1813). */
	char lab[512];
	bool head_pending = st->cons_next && st->cons_len == 9 && !memcmp(st->cons_text, "oom-kill:", 9);
	bool bare = !head_pending && p_starts(s, e, "constraint=CONSTRAINT_");
	/* … or fields elided with a mark ("oom-kill:constraint=CONSTRAINT_MEMCG
	 * ... task=java,pid=1849", R1929): the mark and its blanks part two
	 * fields */
	bool elided = p_starts(s, e, "oom-kill:constraint=") && (p_find(s, e, " ...") || p_find(s, e, "\xe2\x80\xa6"));
	if ((bare || elided) && (size_t)(e - s) + 64 < sizeof(lab)) {
		size_t n = 0;
		if (bare) {
			memcpy(lab, "oom-kill:", 9);
			n = 9;
		}
		for (const char *c = s; c < e;) {
			if (*c == ' ' || *c == '\t') {   /* a mark glued to a value ("docker-8dd6…") is the value's cut */
				const char *d = c;
				for (;;) {
					if (d < e && (*d == ' ' || *d == '\t'))
						d++;
					else if (p_starts(d, e, "..."))
						d += 3;
					else if (p_starts(d, e, "\xe2\x80\xa6"))
						d += 3;
					else
						break;
				}
				if (d < e && constraint_key(d, e) && n && lab[n - 1] != ',')
					lab[n++] = ',';
				else if (d < e && !constraint_key(d, e))
					memcpy(lab + n, c, (size_t)(d - c)), n += (size_t)(d - c);
				c = d;
				continue;
			}
			lab[n++] = *c++;
		}
		s = lab;
		e = lab + n;
	}
	/* retyped by hand: "oom-kill: constraint=…, nodemask=7, task=x" (R020),
	 * re-spaced after its commas only ("oom-kill:constraint=X, oom_memcg=/a,",
	 * R305): read as the kernel prints it, without the blanks after ':' and
	 * before each key (a blank before anything else may be a value's) */
	char norm[1024];
	if ((p_starts(s, e, "oom-kill: constraint=") || (p_starts(s, e, "oom-kill:constraint=") && p_find(s, e, ", "))) &&
	    (size_t)(e - s) < sizeof(norm)) {
		size_t n = 0;
		for (const char *q = s; q < e; q++) {
			norm[n++] = *q;
			if (((*q == ',' && constraint_key(q + 1 + (q + 1 < e && q[1] == ' '), e)) ||
			     (*q == ':' && q == s + 8)) &&
			    q + 1 < e && q[1] == ' ')
				q++;
		}
		s = norm;
		e = norm + n;
	}
	/* split one field a line by hand, "oom-kill:" alone first (R1813,
	 * R2164): kept for its fields (constraint_rest) */
	const char *te = e;
	while (te > s && (te[-1] == ' ' || te[-1] == '\t'))
		te--;
	if (te - s == 9 && p_starts(s, te, "oom-kill:")) {
		join_or_open_headerless(P, st, l);
		memcpy(st->cons_text, s, 9);
		st->cons_len = 9;
		st->cons_next = true;
		return true;
	}
	if (!p_starts(s, e, "oom-kill:constraint="))
		return false;
	/* After the kill line of the process it names, with none of its
	 * own yet: the same report's line, printed first (mm/oom_kill.c
	 * dump_oom_summary before __oom_kill_process) but shown after it by
	 * a log read newest first, two lines too few to tell so (R1729:
	 * journalctl -r).  Not a report of its own. */
	bool own = st->active && st->have_kill && !st->ev.constraint[0] && st->ev.have_victim &&
		   known(st->ev.victim.pid) && named_pid(s, e) == st->ev.victim.pid;
	/* The same, its pid not on this line, right after the kill line:
	 * wrapped by hand after a comma, its rest ("task=x,pid=N,uid=N") on
	 * lines to come (R3251: a journal excerpt re-flowed onto indented
	 * lines), or condensed to fields that name no task (R3483:
	 * "constraint=CONSTRAINT_NONE, global_oom").  A later report's own
	 * line would follow its header or show_mem (a rate-limited report
	 * prints neither: mm/oom_kill.c, dump_header prints it). */
	own = own || (st->active && st->have_kill && !st->ev.constraint[0] && st->ev.have_victim &&
		      st->sect == SEC_TAIL && st->tail_left == PARSE_TAIL_LINES &&
		      !p_find(s, e, ",pid=") && !p_find(s, e, ",task="));
	/* read again whole with its rest: as its first part was */
	bool rejoin = st->cons_rejoin;
	if (st->cons_rejoin && st->cons_own)
		own = true;
	st->cons_rejoin = false;
	st->cons_own = own;
	/* One constraint line an OOM (mm/oom_kill.c dump_oom_summary, 5.0+):
	 * a second one naming another task, with no kill between, is the next
	 * OOM's (R4968: two quoted one under the other).  A copy of the same
	 * line names the same task. */
	int64_t np = own || rejoin ? OOM_NA : named_pid(s, e);
	if (!own && !rejoin && st->active && st->ev.constraint[0] && !st->have_kill && known(np) &&
	    known(st->ev.victim.selected_pid) && np != st->ev.victim.selected_pid) {
		state_begin(P, st, l);
		st->ev.header_missing = true;
	} else if (!own)
		join_or_open_headerless(P, st, l);
	/* A line re-flowed by hand whose rest ("task=x, pid=N, uid=N") is on the
	 * next line: kept to be read again with it (constraint_rest). */
	st->cons_len = 0;
	if ((size_t)(e - s) < sizeof(st->cons_text) &&
	    (e[-1] == ',' || (!p_find(s, e, ",pid=") && !p_find(s, e, ",task=")))) {
		memcpy(st->cons_text, s, (size_t)(e - s));
		st->cons_len = (size_t)(e - s);
		st->cons_next = true;
	}
	struct oom_event *ev = &st->ev;
	st->shape |= SH_CONSTRAINT;
	/* Values may hold commas (node lists), so each ends where the next key
	 * of the fixed order begins. */
	static const char *const keys[] = { ",nodemask=", ",cpuset=", ",mems_allowed=", ",oom_memcg=",
					    ",global_oom", ",task_memcg=", ",task=", NULL };
	const char *pos[8] = { 0 };
	const char *p = s + 20;
	for (int i = 0; keys[i]; i++) {
		const char *x = p_find(p, e, keys[i]);
		if (i == 6) {
			/* the comm may hold anything: take the last ",task=" before ",pid=" */
			const char *pidk = p_rfind(p, e, ",pid=");
			x = pidk ? p_rfind(p, pidk, ",task=") : p_find(p, e, ",task=");   /* a trimmed line may end at task= */
		}
		pos[i] = x;
		if (x)
			p = x + 1;
	}
	const char *pidk = pos[6] ? p_rfind(pos[6], e, ",pid=") : NULL;
	const char *uidk = pidk ? p_find(pidk, e, ",uid=") : NULL;
	/* end of value i: the next key found */
	const char *ends[8];
	for (int i = 0; i < 7; i++) {
		ends[i] = NULL;
		for (int j = i + 1; j < 7; j++)
			if (pos[j]) {
				ends[i] = pos[j];
				break;
			}
		if (!ends[i])
			ends[i] = i == 6 && pidk ? pidk : e;
	}
	/* a line cut inside the next key ("…,oom_memcg=/docker/ab,t"): the
	 * text after the value's last comma that no "=" follows and that
	 * begins a later key is that key, not the value's */
	for (int i = 0; i < 7; i++) {
		if (!pos[i] || ends[i] != e)
			continue;
		const char *lc = p_rfind(pos[i] + 1, e, ",");
		if (!lc || p_find(lc, e, "="))
			continue;
		if (lc + 1 == e) {   /* cut right after the separator */
			ends[i] = lc;
			continue;
		}
		size_t n = (size_t)(e - lc);
		for (int j = i + 1; keys[j]; j++)
			if (n < strlen(keys[j]) && memcmp(lc, keys[j], n) == 0) {
				ends[i] = lc;
				break;
			}
	}
	const char *first_end = e;
	for (int i = 0; i < 7; i++)
		if (pos[i]) {
			first_end = pos[i];
			break;
		}
	/* the constraint is one word of mm/oom_kill.c oom_constraint_text
	 * ("CONSTRAINT_NONE", …_CPUSET, …_MEMORY_POLICY, …_MEMCG): it ends at
	 * the first ',' whatever a trimmed line puts next ("…MEMCG,…,task=") */
	const char *comma = p_find(s + 20, first_end, ",");
	const char *ce = comma ? comma : first_end;
	/* … and at the first byte no such word holds: a quote's closing mark
	 * or prose after it ("constraint=CONSTRAINT_MEMCG` (cgroup memory
	 * limit …", R4412) */
	if (p_starts(s + 20, ce, "CONSTRAINT_")) {
		const char *w = s + 20;
		while (w < ce && ((*w >= 'A' && *w <= 'Z') || *w == '_'))
			w++;
		ce = w;
	}
	/* a value cut short of its word ("oom-kill:constraint=CON" at a
	 * paste's edge, R6243): a strict prefix of one of the four names
	 * says none of them */
	static const char *const names[] = { "CONSTRAINT_NONE", "CONSTRAINT_CPUSET", "CONSTRAINT_MEMORY_POLICY",
					     "CONSTRAINT_MEMCG" };
	for (size_t k = 0; k < ARRAY_SIZE(names); k++)
		if ((size_t)(ce - (s + 20)) < strlen(names[k]) && !memcmp(s + 20, names[k], (size_t)(ce - (s + 20))))
			ce = s + 20;
	p_copy(ev->constraint, sizeof(ev->constraint), s + 20, ce);
	if (pos[0] && !ev->req.nodemask[0])
		p_copy(ev->req.nodemask, sizeof(ev->req.nodemask), pos[0] + 10, ends[0]);
	if (pos[1])
		p_copy(ev->cpuset, sizeof(ev->cpuset), pos[1] + 8, ends[1]);
	if (pos[2])
		p_copy(ev->mems_allowed, sizeof(ev->mems_allowed), pos[2] + 14, ends[2]);
	if (pos[3]) {
		p_copy(ev->oom_memcg, sizeof(ev->oom_memcg), pos[3] + 11, ends[3]);
		st->memcg_on_constraint = ev->oom_memcg[0] != '\0';
	}
	if (pos[5])
		p_copy(ev->task_memcg, sizeof(ev->task_memcg), pos[5] + 12, ends[5]);
	if (pos[6] && !pidk)
		p_copy(ev->victim.selected_comm, sizeof(ev->victim.selected_comm), pos[6] + 6, e);
	if (pos[6] && pidk) {
		p_copy(ev->victim.selected_comm, sizeof(ev->victim.selected_comm), pos[6] + 6, pidk);
		const char *q = pidk + 5;
		int64_t v;
		if (p_num(&q, e, &v) == 0)
			ev->victim.selected_pid = v;
		if (uidk) {
			q = uidk + 5;
			if (p_num(&q, e, &v) == 0 && !known(ev->victim.uid))
				ev->victim.uid = v;
		}
	}
	st->sect = SEC_TASKS;
	return true;
}

/* sysrq f (drivers/tty/sysrq.c moom_callback): "sysrq: SysRq : Manual OOM
 * execution" begins a request (4.x prints no report header for it when
 * dump_header is rate-limited; 5.x+ the header with order=-1 follows and
 * opens the report itself); "OOM request ignored …" ends one with nothing
 * killed (out_of_memory found no eligible task). */
static bool sysrq_line(struct report_parser *P, struct pstate *st, const struct report_line *l, const char *s,
		       const char *e)
{
	if (line_kind_of(s, (size_t)(e - s)) != LK_SYSRQ)
		return false;
	bool ignored = p_find(s, e, "OOM request ignored") != NULL;
	/* moom_callback prints "OOM request ignored" when out_of_memory
	 * returns with no victim, right after out_of_memory's own "Out of
	 * memory and no killable processes..." of that same request (4.x+,
	 * is_sysrq_oom: no panic): one invocation, not the next (R5376) */
	if (ignored && st->active && st->ev.nokill_printed && !st->ev.have_victim && !st->sysrq_ignored &&
	    (st->ev.sysrq_manual || (known(st->ev.req.order) && st->ev.req.order == -1))) {
		st->ev.sysrq_manual = true;
		st->sysrq_ignored = true;
		return true;
	}
	/* another press while the last one printed nothing else: an
	 * invocation of its own (R5339, R6040) */
	if (!ignored && st->active && st->sysrq_alone)
		state_emit(P, st, false);
	bool opens = need_new(st);
	join_or_open_headerless(P, st, l);
	struct oom_event *ev = &st->ev;
	ev->sysrq_manual = true;
	st->sysrq_alone = opens && !ignored;
	if (ignored) {
		ev->outcome = OOM_OUTCOME_NO_KILLABLE;
		st->have_kill = true;
		st->sect = SEC_TAIL;
		st->tail_left = 2;
	}
	return true;
}

/* SysRq-M's own line (drivers/char/sysrq.c, 2.6: "SysRq : Show Memory";
 * drivers/tty/sysrq.c 4.x+: "sysrq: Show Memory"): a show_mem follows. */
static bool sysrq_show_memory(const char *s, const char *e)
{
	const char *q = p_find(s, e, "Show Memory");
	return q && q + 11 == e && (p_starts(s, e, "SysRq : ") || p_starts(s, e, "sysrq: ") || p_starts(s, e, "SysRq: "));
}

/* Lines after the kill line, or final lines that end a report without one. */
static bool final_lines(struct report_parser *P, struct pstate *st, const struct report_line *l,
			const char *s, const char *e)
{
	struct oom_event *ev = &st->ev;
	const char *q;
	if (p_starts(s, e, "---[ end Kernel panic")) {
		/* panic()'s closing line repeats its message (kernel/panic.c): the
		 * end of the panic's stack, never a report of its own */
		if (!st->active || !st->have_kill)
			return false;
		st->tail_left = 0;
		return true;
	}
	if ((q = p_find(s, e, "Tasks in ")) && p_find(q, e, " are going to be killed due to memory.oom.group set")) {
		/* mm/oom_kill.c 4.19+ oom_kill_process prints it after the first
		 * victim's kill and before the group members' kills: a paste cut
		 * above it keeps the group's name and its member kills, one
		 * memcg event (the members' kill lines join it) */
		if (!st->active)
			join_or_open_headerless(P, st, l);
		const char *pe = p_find(q, e, " are going to be killed");
		if (!ev->oom_memcg[0]) {
			p_copy(ev->oom_memcg, sizeof(ev->oom_memcg), q + 9, pe);
			st->oom_memcg_from_group = true;
		}
		ev->snap.memcg.oom_group = 1;
		st->group_announced = true;
		st->tail_left = PARSE_TAIL_LINES;
		return true;
	}
	if ((q = p_find(s, e, ": OOM victim ")) && p_find(q, e, "is already exiting")) {
		/* 5.9+: "%s: OOM victim %d (%s) is already exiting. Skip killing the task" */
		join_or_open_headerless(P, st, l);
		const char *p = q + 13;
		int64_t pid;
		if (p_num(&p, e, &pid) == 0 && p_starts(p, e, " (")) {
			static const char *const closers[] = { ") is already exiting", NULL };
			char comm[OOM_COMM_LEN];
			if (read_paren_comm(p + 1, e, closers, comm, sizeof(comm)))
				str_copy(ev->victim.comm, sizeof(ev->victim.comm), comm, strlen(comm));
			ev->victim.pid = pid;
			ev->have_victim = true;
		}
		p_copy(ev->victim.message, sizeof(ev->victim.message), s, q);
		ev->outcome = OOM_OUTCOME_SKIPPED_EXITING;
		st->have_kill = true;
		st->sect = SEC_TAIL;
		st->tail_left = 2;
		return true;
	}
	if (p_find(s, e, "Out of memory and no killable processes")) {
		/* the panic's message again right after it (a second console,
		 * "<0>" and all, R5886): after panic() nothing else runs, so it
		 * is that panic, no second OOM */
		if (st->active && st->panicked && st->have_kill && p_find(s, e, "Kernel panic - not syncing:"))
			return true;
		join_or_open_headerless(P, st, l);
		ev->outcome = OOM_OUTCOME_NO_KILLABLE;
		ev->nokill_printed = true;
		st->have_kill = true;
		st->sect = SEC_TAIL;
		st->tail_left = 3;
		/* ≤4.x panics with it (mm/oom_kill.c out_of_memory): its stack follows */
		st->panicked = p_starts(s, e, "Kernel panic - not syncing:");
		st->nokill_warn = !st->panicked && !p_find(s, e, "panic");
		return true;
	}
	if (p_find(s, e, "System is deadlocked on memory")) {
		if (!st->active)
			return false;
		ev->outcome = OOM_OUTCOME_PANIC;
		st->have_kill = true;
		st->sect = SEC_TAIL;
		st->tail_left = 0;
		return true;
	}
	if ((p_find(s, e, "panic_on_oom is enabled") || p_find(s, e, "panic_on_oom is selected") ||
	     line_kind_panic_on_oom(s, (size_t)(e - s))) &&
	    !p_starts(s, e, "---[ end ")) {
		/* kdb repeats the panic's message when it takes the panic
		 * (kernel/debug/debug_core.c kgdb_panic: "PANIC: %s"): after a
		 * report that panicked it is that panic again (R1810) */
		if (p_starts(s, e, "PANIC: ") &&
		    ((st->active && st->have_kill && ev->outcome == OOM_OUTCOME_PANIC) ||
		     (!st->active && P->have_sig && P->last_outcome == OOM_OUTCOME_PANIC)))
			return true;
		if (!st->active || (st->have_kill && ev->outcome != OOM_OUTCOME_UNKNOWN)) {
			state_begin(P, st, l);
			ev->header_missing = true;
		}
		ev->outcome = OOM_OUTCOME_PANIC;
		ev->panic_on_oom = (p_find(s, e, "compulsory") || p_find(s, e, "Compulsory")) ? 2 : 1;
		st->have_kill = true;
		st->sect = SEC_TAIL;
		st->tail_left = 0;
		return true;
	}
	return false;
}

/* A report that began at its constraint or kill line (its head cut, or a
 * paste that put the kill first, R127/R460) and holds no show_mem lines:
 * the Mem-Info, zone, buddy, totals or slab lines that come within its tail
 * are its body (the kernel prints show_mem before the kill, mm/oom_kill.c
 * dump_header, so they can be no later report's whose head would be in
 * between).  The kinds are those that open a report cut at its head. */
static bool mid_report_line(struct pstate *st, enum line_kind k, const char *s, const char *e);

static bool body_after_kill(struct pstate *st, const char *s, const char *e)
{
	const struct oom_event *ev = &st->ev;
	if (ev->have_meminfo || ev->snap.nr_zones || ev->snap.nr_tasks || st->totals_seen || ev->snap.nr_slabs)
		return false;
	enum line_kind k = line_kind_of(s, (size_t)(e - s));
	/* a report whose header came but no show_mem at all, condensed by
	 * hand to its header, kill and then the swap totals (R3361): those
	 * totals are its own (the next report's would follow its header) */
	if (!ev->header_missing || st->have_trigger || st->header_trigger)
		return k == LK_TOTALS && (p_starts(s, e, "Free swap") || p_starts(s, e, "Total swap")) &&
		       mid_report_line(st, k, s, e);
	if (k != LK_MEMINFO && k != LK_ZONE && k != LK_BUDDY && k != LK_SUMMARY && k != LK_TOTALS && k != LK_SLAB)
		return false;
	return mid_report_line(st, k, s, e);
}

/* Does the report's task table list pid? */
static bool table_has_pid(const struct pstate *st, int64_t pid)
{
	for (size_t i = 0; i < st->ev.snap.nr_tasks; i++)
		if (st->ev.snap.tasks[i].pid == pid)
			return true;
	return false;
}

/* The open report, with no kill line yet, that a line naming pid belongs
 * to when its own key (host, caller id) found none: first one whose
 * selection names pid, then one whose task table holds it, then (any_ok)
 * the most recently fed one.  NULL when none. */
static struct pstate *open_report_for_pid(struct report_parser *P, int64_t pid, bool any_ok)
{
	struct pstate *sel = NULL, *tab = NULL, *any = NULL;
	for (int i = 0; i < PARSE_MAX_STATES; i++) {
		struct pstate *x = P->states[i];
		if (!x || !x->active || x->have_kill || x->ev.kind == OOM_KIND_ALLOC_FAILURE)
			continue;
		if (x->ev.victim.selected_pid == pid)
			sel = x;
		else if (table_has_pid(x, pid))
			tab = x;
		if (!any || x->seq > any->seq)
			any = x;
	}
	return sel ? sel : tab ? tab : any_ok ? any : NULL;
}

/* "oom_reaper: reaped process %d (%s), now anon-rss:%lukB, file-rss:%lukB, shmem-rss:%lukB"
 * and "oom_reaper: unable to reap pid:%d (%s)" (4.6+).  The reaper is a
 * kernel thread of its own, so its lines carry its caller id, not the
 * report's: the report is found by the victim's pid. */
static struct pstate *state_for(struct report_parser *P, const struct report_line *l, bool create);

/* Was pid the victim of one of the last events (or of the one waiting)? */
static bool reaped_before(const struct report_parser *P, int64_t pid)
{
	if (P->pending && P->pending->have_victim && P->pending->victim.pid == pid)
		return true;
	unsigned n = P->nr_victim_pids < 8 ? P->nr_victim_pids : 8;
	for (unsigned i = 0; i < n; i++)
		if (P->victim_pids[i] == pid)
			return true;
	return false;
}

static bool reaper_line(struct report_parser *P, const struct report_line *l, const char *s, const char *e)
{
	if (!p_starts(s, e, "oom_reaper: "))
		return false;
	const char *p = s + 12;
	bool fail = false;
	if (p_starts(p, e, "reaped process "))
		p += 15;
	else if (p_starts(p, e, "unable to reap pid:")) {
		p += 19;
		fail = true;
	} else {
		return true;
	}
	int64_t pid;
	if (p_num(&p, e, &pid) != 0)
		return true;
	struct pstate *st = NULL;
	for (int i = 0; i < PARSE_MAX_STATES; i++) {
		struct pstate *x = P->states[i];
		if (x && x->active && x->have_kill && x->ev.victim.pid == pid) {
			st = x;
			break;
		}
	}
	if (!st && !fail) {
		/* The kill line is not in the input (cut, or lost): the reaper
		 * names the victim.  It joins the open report that has no kill
		 * yet, the one whose task table or selection holds pid N first. */
		st = open_report_for_pid(P, pid, true);
		/* a report whose header was read and that has not reached its
		 * task table, with nothing naming pid N: its own kill would come
		 * first (dump_header, then oom_kill_process, then the reaper), so
		 * this reaps an earlier kill, maybe outside the text (R1179) —
		 * the victim it names holds only until a kill line follows */
		bool provisional = st && st->have_trigger && st->sect < SEC_TASKS &&
				   st->ev.victim.selected_pid != pid && !table_has_pid(st, pid);
		if (!st && !reaped_before(P, pid) && !(P->nr_emitted && l->lineno <= P->last_sig_end + PARSE_TAIL_LINES)) {
			/* no report open, no earlier event of that victim and not
			 * right after one (a thread of its victim, R300): the
			 * reaper's line is all that is left of a kill (the text
			 * opens after it, R566): a header-less event of its own */
			struct pstate *n = state_for(P, l, true);
			if (n && !n->active) {
				join_or_open_headerless(P, n, l);
				if (n->active)
					st = n;
			}
		}
		if (st) {
			struct oom_victim *v = &st->ev.victim;
			static const char *const closers[] = { "), now ", NULL };
			char comm[OOM_COMM_LEN];
			const char *q = p_skip_sp(p, e);
			v->pid = pid;
			if (read_paren_comm(q, e, closers, comm, sizeof(comm)))
				str_copy(v->comm, sizeof(v->comm), comm, strlen(comm));
			st->ev.have_victim = true;
			st->ev.victim_from_reaper = true;
			st->ev.outcome = OOM_OUTCOME_KILLED;
			if (provisional) {
				st->reaper_provisional = true;   /* warned at emit if no kill follows */
			} else {
				event_warn(&st->ev, "the kill line is not in the input: the victim is named by the oom_reaper line");
				st->have_kill = true;
				st->sect = SEC_TAIL;
			}
		}
	}
	if (!st)
		return true;
	struct oom_victim *v = &st->ev.victim;
	st->ev.last_line = l->lineno;
	if (fail) {
		v->reap_failed = true;
	} else {
		v->reaped = true;
		const char *q;
		int64_t val;
		if ((q = p_find(p, e, "anon-rss:")) && (q += 9, p_num(&q, e, &val) == 0))
			v->reaped_anon_rss_kib = val;
		if ((q = p_find(p, e, "file-rss:")) && (q += 9, p_num(&q, e, &val) == 0))
			v->reaped_file_rss_kib = val;
		if ((q = p_find(p, e, "shmem-rss:")) && (q += 10, p_num(&q, e, &val) == 0))
			v->reaped_shmem_rss_kib = val;
	}
	if (!st->group_announced && !st->reaper_provisional)
		state_emit(P, st, false);
	return true;
}

/* ---- side messages ---------------------------------------------------------- */

/* Messages printed next to a report that say what failed (linekind LK_SIDE):
 * mm/slub.c slab_out_of_memory —
 *   3.x  "SLUB: Unable to allocate memory on node %d (gfp=0x%x)"
 *   4.5+ "SLUB: Unable to allocate memory on node %d, gfp=%#x(%pGg)"
 *        "  cache: %s, object size: %u, buffer size: %u, default order: %u, min order: %u"
 *        "  node %d: slabs: %ld, objs: %ld, free: %ld"
 * (mm/slab.c prints "SLAB: Unable to allocate memory on node %d, gfp=…" alike),
 * and drivers' "<dev>: unable to allocate N bytes". */
static bool side_line(struct pstate *st, const char *s, const char *e)
{
	struct oom_side *sd = &st->ev.side;
	const char *q;
	int64_t v;
	if (p_starts(s, e, "SLUB: Unable to allocate memory") || p_starts(s, e, "SLAB: Unable to allocate memory")) {
		sd->slab_failure = true;
		sd->slab_is_slab = s[2] == 'A';
		if ((q = p_find(s, e, " on node "))) {
			q += 9;
			if (p_inum(&q, e, &v) == 0)
				sd->slab_node = v;
		}
		return true;
	}
	if (p_starts(s, e, "cache: ") && (q = p_find(s, e, ", object size: "))) {
		p_copy(sd->slab_cache, sizeof(sd->slab_cache), s + 7, q);
		q += 15;
		if (p_num(&q, e, &v) == 0)
			sd->slab_object_size = v;
		if ((q = p_find(s, e, "default order: ")) && (q += 15, p_num(&q, e, &v) == 0))
			sd->slab_default_order = v;
		if ((q = p_find(s, e, "min order: ")) && (q += 11, p_num(&q, e, &v) == 0))
			sd->slab_min_order = v;
		/* mm/slab.c slab_out_of_memory (3.7–6.7): "cache: %s, object
		 * size: %d, order: %d" — its one order is both */
		if (!known(sd->slab_default_order) && (q = p_find(s, e, ", order: ")) && (q += 9, p_num(&q, e, &v) == 0))
			sd->slab_default_order = sd->slab_min_order = v;
		return true;
	}
	if (p_starts(s, e, "node ") && p_find(s, e, ": slabs: "))
		return true;
	q = p_find(s, e, "nable to allocate ");
	if (q && q > s && (q[-1] == 'u' || q[-1] == 'U')) {
		const char *n = q + 18;
		if (p_num(&n, e, &v) != 0 || !p_starts(n, e, " bytes"))
			return false;
		sd->driver_bytes = v;
		const char *d = q - 1;
		while (d > s && (d[-1] == ' ' || d[-1] == ':'))
			d--;
		p_copy(sd->driver, sizeof(sd->driver), s, d);
		return true;
	}
	return false;
}

/* ---- one line ------------------------------------------------------------- */

/* Lines that begin a report whose start is not in the input: the kinds the
 * line-kind table marks LKF_OPENS (report/linekind.c), so the scanner's
 * back-fill and the parser agree on them. */
/* "nodemask=(null), order=0, oom_score_adj=999": the rest of a trigger line
 * whose head (comm, gfp_mask) was cut (R1852): its order and adj. */
static bool trigger_tail(struct pstate *st, const char *s, const char *e)
{
	const char *o = p_find(s, e, "order="), *a = p_find(s, e, "oom_score_adj=");
	if (!o || !a)
		return false;
	o += 6;
	a += 14;
	int64_t order, adj;
	if (p_inum(&o, e, &order) != 0 || p_inum(&a, e, &adj) != 0 || order < -1 || order > 20)
		return false;
	st->ev.req.order = order;
	st->ev.req.trigger_oom_score_adj = adj;
	const char *nm = s + 9, *ne = memchr(nm, ',', (size_t)(e - nm));
	if (ne && !p_starts(nm, ne, "(null)"))
		p_copy(st->ev.req.nodemask, sizeof(st->ev.req.nodemask), nm, ne);
	return true;
}

static bool mid_report_line(struct pstate *st, enum line_kind k, const char *s, const char *e)
{
	switch (k) {
	case LK_MEMINFO:
		st->sect = SEC_MEMINFO;
		st->ev.have_meminfo = true;
		return true;
	case LK_SLAB:
		st->sect = SEC_SLAB;
		return true;
	case LK_SUMMARY:
		return pm_summary_line(st, s, e, true);
	case LK_ZONE:
		return pm_node_or_zone_line(st, s, e) || pm_lowmem_line(st, s, e);
	case LK_BUDDY:
		return pm_node_or_zone_line(st, s, e);
	case LK_TOTALS:
		return pm_totals_line(st, s, e);
	case LK_PERCPU:
		/* "Node 0 DMA32 per-cpu:" / "CPU    0: hi:  186, btch:  31 usd:  30":
		 * show_free_areas prints them after Mem-Info (2.6.19-3.18) */
		if (!pm_percpu_line(s, e))
			return false;
		if (p_find(s, e, "btch:"))
			st->shape |= SH_PERCPU_HI;
		st->sect = SEC_MEMINFO;
		st->percpu_seen = true;
		return true;
	case LK_TASK_HEADER:
		return pt_header_line(st, s, e);
	case LK_TASK_ROW:
		/* a table whose header was cut: rows of a known width only */
		return pt_row_line(st, s, e) && st->ncols > 0;
	case LK_MEMCG:
		if (pm_memcg_line(st, s, e))
			return true;
		/* inside the memcg's memory.stat dump (its "stats for" line cut
		 * away): only a memcg's OOM prints one (R1842, R1865) */
		if (!pm_memcg_stat_line(st, s, e))
			return false;
		st->sect = SEC_MEMCG_STAT;
		st->ev.snap.have_memcg = true;
		return true;
	case LK_FRAME:
		/* the report is cut inside its stack: the frame says what it is */
		st->from_header = st->from_frame = true;
		st->sect = SEC_STACK;
		stack_arch_hint(st, s, e);
		stack_frame_facts(st, s, e);
		return true;
	case LK_HEADER:
		/* the dump_stack lines after a cut trigger line: an OOM report
		 * (or an allocation failure) once its frames say so (header_proven) */
		if (stack_header_line(st, s, e)) {
			st->header_trigger = true;
		} else if (p_starts(s, e, "Hardware name: ")) {
			st->sect = SEC_STACK;
			stack_arch_hint(st, s, e);
		} else if (p_starts(s, e, "nodemask=") && trigger_tail(st, s, e)) {
			/* the trigger line's rest: its order and adj */
		} else if (cpuset_line(st, s, e)) {
			const char *c = p_find(s, e, " cpuset=");
			p_copy(st->header_comm, sizeof(st->header_comm), s, c);
			st->header_trigger = true;
			st->sect = SEC_STACK;
		} else {
			return false;
		}
		st->from_header = true;
		return true;
	default:
		return false;
	}
}

/* A report opened at a dump_stack line is one once a frame of the OOM or
 * warn_alloc path, or a line of a report's body, came. */
static bool header_proven(const struct pstate *st)
{
	if (st->show_task_trace)
		return st->sect != SEC_STACK || st->have_kill || st->have_selection || st->ev.constraint[0];
	return !st->from_header || st->trace_oom || st->trace_alloc || st->sect != SEC_STACK || st->have_kill ||
	       st->have_selection || st->ev.constraint[0];
}

/* While unproven, the lines that may follow a dump_stack header: more of
 * the stack, or a report line (a paste may have trimmed the frames). */
static bool header_may_continue(const struct report_parser *P, const char *s, const char *e)
{
	enum line_kind k = line_kind_of(s, (size_t)(e - s));
	if (s == e || k == LK_HEADER || k == LK_STACK || (line_kind_flags(k) & (LKF_OPENS | LKF_MARKER)))
		return true;
	return stack_like(s, e, P->indented) || p_starts(s, e, "Workqueue:") || p_starts(s, e, "Backtrace:") ||
	       p_starts(s, e, "SCHED_");
}

/* The line after a plain "Out of memory and no killable processes..."
 * (mm/oom_kill.c out_of_memory, 4.19+: pr_warn, then for a global OOM
 * panic("System is deadlocked on memory") at once; a memcg or sysrq OOM
 * returns).  Any other next line of the same machine — another report, a
 * shell prompt of the console it was printed on — says the machine lived
 * on: not a global OOM (R166, R357).  Not a stamp that went back (a
 * reboot, the panic lost on the way to the log). */
static void nokill_next(struct pstate *st, const struct report_line *l, const char *s, const char *e)
{
	st->nokill_decided = true;
	if (p_find(s, e, "System is deadlocked on memory") || p_find(s, e, "Kernel panic") || s == e)
		return;
	if (l->time && st->ev.time[0]) {
		char t[64];
		str_copy(t, sizeof(t), l->time, l->time_len);
		double a = mono_time(st->ev.time), b = mono_time(t);
		if (a >= 0 && b >= 0 && b < a)
			return;
	}
	st->nokill_lived = true;
}

/* A line for one report state.  Returns false when the line ended the
 * report without being part of it (the caller then offers it again). */
static bool state_line(struct report_parser *P, struct pstate *st, const struct report_line *l,
		       const char *s, const char *e)
{
	struct oom_event *ev;

	/* A dump_stack that no OOM frame or report line followed is some other
	 * warning's (a WARN, an oops): no report; the line is offered again. */
	if (st->active && !header_proven(st) && !header_may_continue(P, s, e)) {
		/* its CPU line still says the machine's release, for a report
		 * of the same boot that lacks its own (R2642, R2650: a header
		 * whose CPU line is cut, after another task's splat) */
		if (st->ev.kernel[0])
			remember_release(P, &st->ev, true);
		/* a shown task's stack (SysRq-T) is the machine's all the same:
		 * its arch, for the report of the same host waiting for one
		 * (R758: i686 from common_exception there) */
		struct oom_event *w = P->pending;
		if (st->show_task_trace && st->ev.arch[0] && w && !w->arch[0] && !strcmp(w->host, st->ev.host)) {
			str_copy(w->arch, sizeof(w->arch), st->ev.arch, strlen(st->ev.arch));
			w->arch_from_neighbour = true;
			w->arch_from_line = st->ev.first_line;
			event_warn(w, "arch not in this report: taken from the stack of a task shown at line %llu (same host)",
				   (unsigned long long)st->ev.first_line);
		}
		st->active = false;
		P->nr_active--;
		state_reset(st);
		return false;
	}

	/* an oom-kill: line waiting for its rest waits one line only */
	size_t cons_n = st->cons_next ? st->cons_len : 0;
	st->cons_next = false;
	if (st->active && st->nokill_warn && !st->nokill_decided)
		nokill_next(st, l, s, e);

	/* A report's line after its kill, stamped a minute or more after the
	 * report began: the kernel prints a report within milliseconds, so it
	 * is another report's (a grep kept its rows but not its start, R515).
	 * The report ends; the line is offered again. */
	if (st->active && st->have_kill && l->time && st->ev.time[0]) {
		char t[64];
		str_copy(t, sizeof(t), l->time, l->time_len);
		double a = mono_time(st->ev.time), b = mono_time(t);
		if (a >= 0 && b >= 0 && b - a > 60.0 &&
		    (line_kind_flags(line_kind_of(s, (size_t)(e - s))) & LKF_OPENS)) {
			state_emit(P, st, false);
			return false;
		}
	}

	/* A kill or selection line stamped ten minutes or more after a report
	 * that has none yet began: no console prints one report that slowly
	 * (a 9600-baud serial console takes a minute or two for a thousand
	 * task rows), so it ends another report whose head is not in the text
	 * (R1412: a header, "...", a kill 3683 s later).  The report ends
	 * without it; the line is offered again. */
	if (st->active && !st->have_kill && l->time && st->ev.time[0]) {
		enum line_kind lk = line_kind_of(s, (size_t)(e - s));
		if (lk == LK_KILL || lk == LK_SELECTION) {
			char t[64];
			str_copy(t, sizeof(t), l->time, l->time_len);
			double a = mono_time(st->ev.time), b = mono_time(t);
			if (a >= 0 && b >= 0 && b - a > 600.0) {
				state_emit(P, st, false);
				return false;
			}
		}
	}

	/* Lines that start a report, whatever the state. */
	if (p_find(s, e, "oom-killer") || p_find(s, e, " invoked oom: gfp_mask=")) {
		if (trigger_line(P, st, l, s, e))
			return true;
	}
	if (p_find(s, e, ": page alloc") || line_kind_warn_alloc_text(s, (size_t)(e - s)) ||
	    (*s == 'p' && (p_starts(s, e, "page allocation failure: order:") || line_kind_stall_text(s, (size_t)(e - s), NULL)))) {
		if (alloc_failure_line(P, st, l, s, e))
			return true;
	}
	if (*s == 'W' && max_order_line(P, st, l, s, e))
		return true;
	/* after its own page allocation failure (2.6's warn_alloc, then
	 * nommu's line and show_free_areas) it joins that report (below) */
	if (p_find(s, e, "Allocation of length ") && !(st->active && st->ev.kind == OOM_KIND_ALLOC_FAILURE) &&
	    nommu_line(P, st, l, s, e))
		return true;
	if (p_find(s, e, "__alloc_pages: ") && alloc24_line(P, st, l, s, e))
		return true;
	if (*s == 'O' && ub_kill_line(P, st, l, s, e))
		goto accepted;
	if (final_lines(P, st, l, s, e))
		goto accepted;
	if ((*s == 's' || *s == 'S' || *s == 'O') && sysrq_line(P, st, l, s, e))
		goto accepted;
	if (kill_line(P, st, l, s, e))
		goto accepted;
	if (*s == 'V' && vm_kill_line(P, st, l, s, e))
		goto accepted;
	if (selection_line(P, st, l, s, e))
		goto accepted;
	if (constraint_line(P, st, l, s, e))
		goto accepted;
	if (cons_n && constraint_rest(P, st, l, s, e, cons_n))
		goto accepted;
	/* a pr_cont piece of the oom-kill: line printed as a record of its own
	 * after other lines (",task=x,pid=N,uid=N" after a KASAN splat printed
	 * inside mem_cgroup_print_oom_context, R363; another CPU's line
	 * between the pieces) */
	if (st->cons_len && *s == ',' && st->active && !st->have_kill && constraint_key(s + 1, e) &&
	    constraint_rest(P, st, l, s + 1, e, st->cons_len))
		goto accepted;

	/* a CMA area's failure: an event of its own when no other report is
	 * open (cma_alone_line); inside one it is printed beside it, no line
	 * of it */
	if (*s != ' ' && e - s > 40 && line_kind_cma_failure(s, (size_t)(e - s), NULL, NULL, NULL) >= 0) {
		if (st->active && !st->ev.side.cma_alone)
			return true;
		if (st->active) {
			state_emit(P, st, false);
			return false;   /* offered again: the next one */
		}
		if (cma_alone_line(P, st, l, s, e))
			goto accepted;
	}

	if (!st->active) {
		/* Idle: only the middle of a report cut at its start opens one. */
		if (sysrq_show_memory(s, e)) {
			P->sysrq_m_line = l->lineno;
			return true;
		}
		if (*s == 'S' && slab_alone_line(P, st, l, s, e))
			goto accepted;
		state_begin(P, st, l);
		if (mid_report_line(st, line_kind_of(s, (size_t)(e - s)), s, e)) {
			st->started_mid = true;
			/* dump_header prints the memcg's memory.stat, then dump_tasks;
			 * show_mem (a global OOM) ends in "N pages …" totals: a
			 * "key value" pair right above "Tasks state" is a memcg's
			 * (mm/oom_kill.c dump_header, mm/memcontrol.c
			 * mem_cgroup_print_oom_meminfo, 4.19+; R1196) */
			st->after_memcg_stat = P->idle_stat_line && P->idle_stat_line + 1 == l->lineno &&
					       p_starts(s, e, "Tasks state");
			st->sysrq_show_mem = st->ev.have_meminfo && P->sysrq_m_line && l->lineno <= P->sysrq_m_line + 2;
			/* the stack of a task SysRq-T (or a lockup detector) showed
			 * (line_kind_show_task): out_of_memory in it is where that
			 * task sleeps, no report (R5292) */
			st->show_task_trace = P->show_task_stack;
			goto accepted;
		}
		/* not a report line: undo */
		st->active = false;
		P->nr_active--;
		state_reset(st);
		return true;
	}
	ev = &st->ev;

	if (st->hdr_cont != HDR_CONT_NONE && hdr_continuation(st, s, e))
		goto accepted;
	/* the trigger line's rest on a line of its own (a mail's wrap, R001) */
	if (st->have_trigger && !known(ev->req.order) && p_starts(s, e, "nodemask=") && trigger_tail(st, s, e))
		goto accepted;
	/* a frame pasted without its "Call Trace:" line still says the arch */
	if (st->sect != SEC_STACK && (p_starts(s, e, "[<") || p_starts(s, e, "Stack : ") || arm_from_frame(s, e) ||
				      p_starts(s, e, "Function entered at [<") || sym_frame(s, e) ||
				      (p_starts(s, e, "<ffffffff") && x86_64_brace_frame(s, e)) || bare_frame8_c(s, e))) {
		stack_arch_hint(st, s, e);
		stack_frame_facts(st, s, e);
		/* 2.6's frames with no "Call Trace:" line above them right after
		 * an allocation failure's header (2.6.8 dump_stack: " [sym+N/N]"
		 * frames, R1225): its stack, every frame of it read, not a run
		 * of unknown lines that ends the report */
		if (st->sect == SEC_HEADER && st->have_trigger && ev->kind == OOM_KIND_ALLOC_FAILURE &&
		    stack_like(s, e, P->indented)) {
			st->sect = SEC_STACK;
			st->stack_lines = 0;
		}
	}
	if (line_kind_of(s, (size_t)(e - s)) == LK_SIDE && side_line(st, s, e))
		goto accepted;
	if (st->sect == SEC_TAIL && sysrq_show_memory(s, e)) {
		/* the user's SysRq-M after the kill: its show_mem is a dump of
		 * its own, not this report's tail */
		P->sysrq_m_line = l->lineno;
		state_emit(P, st, false);
		return true;
	}
	if (st->sect == SEC_TAIL) {
		/* a trace's frames pasted after the kill line (reordered or
		 * snipped pastes, R636) are the same machine's whatever event
		 * they go to: the arch they show, when none is known yet */
		if (!ev->arch[0] && (p_find(s, e, "+0x") || p_starts(s, e, "BUG: unable to handle ")))
			stack_arch_hint(st, s, e);
		if (p_starts(s, e, "Kill process ") && p_find(s, e, " sharing same memory"))
			goto accepted;
		if (body_after_kill(st, s, e))
			goto accepted;
		/* panic_on_oom: panic() dumps the stack after its line (kernel/panic.c):
		 * the same kernel and machine, and a memcg OOM's frames; a paste
		 * may leave a blank line between them */
		bool panic = ev->outcome == OOM_OUTCOME_PANIC || st->panicked;
		if (s == e && panic && !st->panic_stack && !st->panic_blank) {
			st->panic_blank = true;
			return true;
		}
		if (panic && !st->panic_stack && (p_starts(s, e, "CPU: ") || p_starts(s, e, "Pid: ")) &&
		    stack_header_line(st, s, e)) {
			st->panic_stack = true;
			st->tail_left = PARSE_STACK_MAX;
			goto accepted;
		}
		if (st->panic_stack && (p_starts(s, e, "Hardware name: ") || p_starts(s, e, "Call Trace:") ||
					p_starts(s, e, "Call trace:") || stack_like(s, e, P->indented))) {
			stack_arch_hint(st, s, e);
			stack_frame_facts(st, s, e);
			goto accepted;
		}
		/* RHEL 4-era x86_64 kernels after the kill (a
		 * vendor hint that one node ran out while others had memory) */
		if (p_starts(s, e, "OOM kill occurred on an x86_64 NUMA system") ||
		    p_starts(s, e, "OOM kill occurred on an x86_64 numa system")) {
			ev->numa_oom_hint = true;
			if (!ev->arch[0])   /* the hint names the arch (arch/x86_64/mm, 2.6.9) */
				str_copy(ev->arch, sizeof(ev->arch), "x86_64", 6);
			goto accepted;
		}
		if (p_starts(s, e, "The numa=off boot option might help"))
			goto accepted;
		if (ev->side.cma_alone && cma_areas_line(ev, s, e))
			goto accepted;
		if (kill_rest(st, s, e))
			goto accepted;
		if (p_starts(s, e, "oom killer ") && p_find(s, e, " has mm pinned by "))
			goto accepted;
		/* Its tail is printed right after the kill line: PARSE_TAIL_LINES
		 * lines of its machine that fit nothing, or PARSE_TAIL_INPUT
		 * input lines since the last line it took (other programs'
		 * syslog lines, which are never fed, count too), end it.  A
		 * panic's stack has a length of its own. */
		if (--st->tail_left < 0 ||
		    (!st->panic_stack && l->lineno > st->ev.last_line + PARSE_TAIL_INPUT)) {
			state_emit(P, st, false);
			return false;
		}
		return true;
	}

	/* An allocation failure report ends with its show_mem. */
	if (ev->kind == OOM_KIND_ALLOC_FAILURE && st->totals_seen) {
		if (pm_totals_line(st, s, e))
			goto accepted;
		state_emit(P, st, false);
		return false;
	}

	if (stack_header_line(st, s, e))
		goto accepted;
	if (p_starts(s, e, "Call Trace:") || p_starts(s, e, "Call trace:") || p_starts(s, e, "Hardware name: ") ||
	    p_starts(s, e, "Backtrace:")) {   /* 32-bit ARM's dump_backtrace (arch/arm/kernel/traps.c) */
		if (p_starts(s, e, "Call Trace:"))
			st->call_trace_upper = true;
		if (st->sect != SEC_STACK)
			st->stack_lines = 0;
		st->sect = SEC_STACK;
		stack_arch_hint(st, s, e);
		goto accepted;
	}
	if (cpuset_line(st, s, e))
		goto accepted;
	if (p_starts(s, e, "COMPACTION is disabled!!!")) {
		ev->compaction_disabled = true;
		goto accepted;
	}
	if ((p_starts(s, e, "Mem-Info:") || p_starts(s, e, "Mem-info:")) && ev->have_meminfo && st->totals_seen) {
		/* show_mem prints one "Mem-Info:" per dump (mm/show_mem.c
		 * __show_mem, 6.1+; mm/page_alloc.c show_free_areas before):
		 * another after this dump's totals is the next dump's (two
		 * dumps pasted one after the other with prose between, R871).
		 * The line is offered again. */
		st->next_dump = true;
		state_emit(P, st, false);
		return false;
	}
	if (p_starts(s, e, "Mem-Info:") || p_starts(s, e, "Mem-info:")) {
		st->sect = SEC_MEMINFO;
		ev->have_meminfo = true;
		st->cont = CONT_NONE;
		goto accepted;
	}
	if (p_starts(s, e, "Unreclaimable slab info:")) {
		st->sect = SEC_SLAB;
		goto accepted;
	}
	if (pm_memcg_line(st, s, e))
		goto accepted;
	if (pm_lowmem_line(st, s, e))
		goto accepted;
	if (pm_protections_line(st, s, e))
		goto accepted;
	if (pm_node_or_zone_line(st, s, e))
		goto accepted;
	if (pm_totals_line(st, s, e))
		goto accepted;
	if (pt_header_line(st, s, e))
		goto accepted;
	if (st->sect == SEC_MEMINFO || st->sect == SEC_HEADER || st->sect == SEC_STACK) {
		if (pm_summary_line(st, s, e, st->sect == SEC_MEMINFO))
			goto accepted;
	}
	/* a task row cut off from its header (grep kept only the victim's) */
	if (st->sect != SEC_TASKS && st->ncols == 0 && st->active && p_starts(s, e, "[") && !p_starts(s, e, "[<") &&
	    pt_row_line(st, s, e) && st->ncols > 0)
		goto accepted;
	/* mm/nommu.c (2.6.x do_mmap_private/do_mmap_pgoff, uClinux) after a
	 * failed mapping: "Allocation of length %lu from process %d failed",
	 * 2.6.3x+ "… from process %d (%s) failed", then show_free_areas:
	 * current's pid, the allocating task's (R1212) */
	if (st->active && p_starts(s, e, "Allocation of length ") && p_find(s, e, " failed")) {
		const char *q = p_find(s, e, " from process ");
		int64_t pid;
		if (q && (q += 14, p_num(&q, e, &pid) == 0) && pid >= 0) {
			if (!known(ev->req.trigger_pid))
				ev->req.trigger_pid = pid;
			if (p_starts(q, e, " (") && !ev->req.trigger_comm[0]) {
				const char *c = q + 2, *ce = p_find(c, e, ") failed");
				if (ce && ce > c)
					p_copy(ev->req.trigger_comm, sizeof(ev->req.trigger_comm), c, ce);
			}
			goto accepted;
		}
	}
	/* 2.6.9-2.6.18 show_free_areas (mm/page_alloc.c) opens with the
	 * per-cpu pagesets ("DMA per-cpu:", "cpu 0 hot: low 32, …"), before
	 * "Free pages:" and with no "Mem-info:" line: right after the trigger
	 * line or its stack they start the memory dump (R1221, 32 cpus: 64
	 * such lines would otherwise end the report as unknown) */
	if ((st->sect == SEC_HEADER || st->sect == SEC_STACK) && st->active && pm_percpu_line(s, e)) {
		st->sect = SEC_MEMINFO;
		ev->have_meminfo = true;
		st->percpu_seen = true;
		goto accepted;
	}
	switch (st->sect) {
	case SEC_MEMINFO:
		if (pm_percpu_line(s, e)) {
			if (p_find(s, e, "btch:"))
				st->shape |= SH_PERCPU_HI;
			st->percpu_seen = true;
			goto accepted;
		}
		if (pm_continuation(st, s, e))
			goto accepted;
		break;
	case SEC_MEMCG_STAT:
		if (pm_memcg_stat_line(st, s, e))
			goto accepted;
		break;
	case SEC_TASKS:
		if (pt_row_line(st, s, e))
			goto accepted;
		break;
	case SEC_SLAB:
		/* mainline's table heading (mm/slab_common.c
		 * dump_unreclaimable_slab: "Name  Used  Total"), which only
		 * dump_header prints; a patched show_mem that lists slab for
		 * every caller (bcachefs trees: "name total: … active: …", R422)
		 * has none */
		if (p_starts(s, e, "Name ") && p_find(s, e, "Used") && p_find(s, e, "Total"))
			st->slab_table_seen = true;
		if (pm_slab_line(st, s, e))
			goto accepted;
		break;
	case SEC_STACK:
		stack_arch_hint(st, s, e);
		stack_frame_facts(st, s, e);
		if (stack_like(s, e, P->indented) && ++st->stack_lines <= PARSE_STACK_MAX) {
			pm_stack_module(st, s, e);
			goto accepted;
		}
		break;
	case SEC_HEADER:
	case SEC_MEMCG:
	case SEC_TAIL:
		break;
	}
	if (++st->unknown_run > PARSE_UNKNOWN_MAX) {
		state_emit(P, st, false);
		return true;
	}
	return true;

accepted:
	if (st->active) {
		if (st->sysrq_alone && l->lineno != st->ev.first_line)
			st->sysrq_alone = false;
		st->unknown_run = 0;
		st->have_content = true;
		if (l->lineno > st->ev.last_line)
			st->ev.last_line = l->lineno;
	}
	return true;
}

static struct pstate *state_for(struct report_parser *P, const struct report_line *l, bool create)
{
	char key[160];
	make_key(key, sizeof(key), l);
	struct pstate *st = state_find(P, key);
	if (st || !create)
		return st;
	int slot = -1;
	for (int i = 0; i < PARSE_MAX_STATES; i++) {
		if (!P->states[i]) {
			slot = i;
			break;
		}
		if (!P->states[i]->active && (slot < 0 || P->states[slot]->active ||
					      P->states[i]->seq < P->states[slot]->seq))
			slot = i;
	}
	if (slot < 0) {
		/* every slot holds an open report: finish the oldest */
		slot = 0;
		for (int i = 1; i < PARSE_MAX_STATES; i++)
			if (P->states[i]->seq < P->states[slot]->seq)
				slot = i;
		state_emit(P, P->states[slot], false);
	}
	if (!P->states[slot]) {
		P->states[slot] = calloc(1, sizeof(struct pstate));
		if (!P->states[slot])
			return NULL;
		event_init(&P->states[slot]->ev);
		state_reset(P->states[slot]);
	}
	st = P->states[slot];
	st->used = true;
	str_copy(st->key, sizeof(st->key), key, strlen(key));
	return st;
}

/* Lines that may open a report while nothing is open: the markers and the
 * kinds that open a report cut at its head (one table, report/linekind.c). */
static bool may_start(const char *s, const char *e)
{
	enum line_kind k = line_kind_of(s, (size_t)(e - s));
	/* a slab's failure with no report open is one (slab_alone_line) */
	return (line_kind_flags(k) & (LKF_MARKER | LKF_OPENS)) ||
	       (k == LK_SIDE && *s == 'S' && line_kind_slab_failure(s, (size_t)(e - s))) ||
	       line_kind_cma_failure(s, (size_t)(e - s), NULL, NULL, NULL) >= 0;
}

/* The pid a kill, selection or constraint line names; OOM_NA otherwise. */
static int64_t named_pid(const char *s, const char *e)
{
	const char *q = NULL;
	switch (line_kind_of(s, (size_t)(e - s))) {
	case LK_KILL:
		q = p_find(s, e, "Killed process ");
		q = q ? q + 15 : NULL;   /* "VM: killing process x" names no pid */
		break;
	case LK_SELECTION:
		q = p_find(s, e, "ill process ");
		q = q ? q + 11 : NULL;
		break;
	case LK_CONSTRAINT:
		q = p_rfind(s, e, ",pid=");
		if (q)
			q += 5;
		break;
	default:
		break;
	}
	int64_t v;
	return q && p_num(&q, e, &v) == 0 ? v : OOM_NA;
}

/* One report whose lines carry different prefixes: a line pasted bare
 * among syslog lines of a host, or the first line bare and the rest with
 * a host (R105).  A line with no open report of its own key continues the
 * report the line right before it went to when exactly one of the two has
 * a host; a report that had none takes the line's host (and key). */
static struct pstate *prefix_neighbour(struct report_parser *P, const struct report_line *l, const char *s,
				       const char *e)
{
	struct pstate *x = P->last_st;
	if (!x || !x->active || P->last_st_fed + 1 != P->nr_fed || line_kind_of(s, (size_t)(e - s)) == LK_TRIGGER)
		return NULL;
	bool line_host = l->host && l->host_len, st_host = x->ev.host[0] != '\0';
	if (line_host == st_host)
		return NULL;
	char key[160];
	make_key(key, sizeof(key), l);
	const char *xc = strchr(x->key, '\x1f'), *lc = strchr(key, '\x1f');
	if (!xc || !lc || strcmp(xc, lc) != 0)
		return NULL;   /* another CPU's (caller id) */
	if (line_host) {
		struct pstate *o = state_find(P, key);
		if (o && o->active)
			return NULL;
		if (o)
			o->used = false;   /* an old report of that key: its slot is free */
		str_copy(x->key, sizeof(x->key), key, strlen(key));
		str_copy(x->ev.host, sizeof(x->ev.host), l->host, l->host_len);
	}
	return x;
}

/* Is some open report still without its kill (a line naming a pid could
 * join it)?  Checked before named_pid classifies the line: most lines the
 * scanner passes come while no report is open, and line_kind_of is the
 * dearest step of a line that no report wants (bench/explain). */
static bool some_report_awaits_kill(const struct report_parser *P)
{
	for (int i = 0; i < PARSE_MAX_STATES; i++) {
		const struct pstate *x = P->states[i];
		if (x && x->active && !x->have_kill && x->ev.kind != OOM_KIND_ALLOC_FAILURE)
			return true;
	}
	return false;
}

static void feed_one(struct report_parser *P, const struct report_line *l, const char *s, const char *e)
{
	P->indented = s < e && (*s == ' ' || *s == '\t');
	P->indent2 = e - s >= 2 && (s[0] == ' ' || s[0] == '\t') && (s[1] == ' ' || s[1] == '\t');
	while (s < e && (*s == ' ' || *s == '\t'))
		s++;
	while (e > s && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\r' || e[-1] == '\n'))
		e--;
	/* a CR a pager showed as "^M" (cat -v, less) and a mail kept */
	if (e - s >= 2 && e[-2] == '^' && e[-1] == 'M') {
		e -= 2;
		while (e > s && (e[-1] == ' ' || e[-1] == '\t'))
			e--;
	}
	if (p_starts(s, e, "oom_reaper: ")) {
		reaper_line(P, l, s, e);
		return;
	}
	if (*s == 'I' && !P->hung_task_line && line_kind_hung_task(s, (size_t)(e - s)))
		P->hung_task_line = l->lineno;
	/* a task SysRq-T showed, and its stack under it (line_kind_show_task):
	 * open until a line that is no stack line */
	if (line_kind_show_task(s, (size_t)(e - s)))
		P->show_task_stack = true;
	else if (P->show_task_stack && !p_starts(s, e, "Call Trace:") && !p_starts(s, e, "Call trace:") &&
		 !p_starts(s, e, "<TASK>") && !p_starts(s, e, "</TASK>") && !stack_like(s, e, P->indented) &&
		 line_kind_of(s, (size_t)(e - s)) != LK_FRAME)
		P->show_task_stack = false;
	long long vm = *s == 'v' ? line_kind_vmalloc_pre(s, (size_t)(e - s)) : -1;
	if (vm >= 0) {
		/* kept for the failure header it precedes (alloc_failure_line);
		 * no report's line, nor one of its own */
		P->vm_pre_bytes = vm;
		P->vm_pre_line = l->lineno;
		return;
	}
	struct pstate *st = state_for(P, l, false);
	if (!st || !st->active || st->have_kill) {
		/* A line of one report may carry another prefix than its
		 * neighbours (a dmesg line pasted among syslog lines): a kill,
		 * selection or constraint line naming the pid another open
		 * report selected (or lists) joins that report. */
		int64_t pid = some_report_awaits_kill(P) ? named_pid(s, e) : OOM_NA;
		struct pstate *j = known(pid) ? open_report_for_pid(P, pid, false) : NULL;
		if (j && j != st) {
			st = j;
			goto feed;
		}
	}
	if ((!st || !st->active) && (st = prefix_neighbour(P, l, s, e)) != NULL)
		goto feed;
	if (!st || !st->active) {
		/* an empty comm's trigger line (trigger_line, R2166) */
		bool empty_comm = P->indent2 && *s == 'i' && p_starts(s, e, "invoked oom-killer: gfp_mask=");
		if (!may_start(s, e) && !empty_comm)
			return;
		st = state_for(P, l, true);
		if (!st)
			return;
	}
feed:
	P->last_st = st;
	P->last_st_fed = P->nr_fed;
	st->seq = ++P->seq;
	st->last_fed = P->nr_fed;
	st->last_lineno = l->lineno;
	for (int tries = 0; tries < 2; tries++)
		if (state_line(P, st, l, s, e))
			break;
}

/* ---- public API ------------------------------------------------------------ */

struct report_parser *report_parser_new(const char *source_name, report_event_fn fn, void *ctx)
{
	struct report_parser *P = calloc(1, sizeof(*P));
	if (!P)
		return NULL;
	const char *n = source_name ? source_name : "-";
	str_copy(P->source, sizeof(P->source), n, strlen(n));
	P->fn = fn;
	P->ctx = ctx;
	return P;
}

/* The same record twice in a row, byte for byte and with the same stamp (or
 * none): a relay or two syslog rules wrote it twice, or a paste repeated
 * it.  The kernel never prints a victim's lines (the constraint, the
 * selection, the kill, the reaper's) twice in a row, so for them the second
 * copy is dropped rather than read as a second report.  Not the trigger:
 * two allocation failures of one task may come back to back, and with the
 * lines between them lost (netconsole, R035) print alike.  The scanner
 * drops dated repeats already; this catches the undated ones. */
static bool repeated_record(struct report_parser *P, const struct report_line *line, size_t len)
{
	size_t tl = line->time ? line->time_len : 0;
	/* the kernel's stamp after the date tells records of one syslog
	 * second apart (R5302: one memcg's selection five times in 0.4 ms) */
	size_t ml = line->mono && line->mono_len < sizeof(P->rep_mono) ? line->mono_len : 0;
	bool same = len == P->rep_len && tl == P->rep_time_len && len <= sizeof(P->rep_text) &&
		    tl <= sizeof(P->rep_time) && memcmp(P->rep_text, P->line, len) == 0 &&
		    (!tl || memcmp(P->rep_time, line->time, tl) == 0) && ml == strlen(P->rep_mono) &&
		    (!ml || memcmp(P->rep_mono, line->mono, ml) == 0);
	if (same) {
		enum line_kind k = line_kind_of(P->line, len);
		if (k == LK_CONSTRAINT || k == LK_SELECTION || k == LK_KILL || k == LK_REAPER)
			return true;
	}
	P->rep_len = len;
	P->rep_time_len = tl;
	if (len <= sizeof(P->rep_text))
		memcpy(P->rep_text, P->line, len);
	if (tl && tl <= sizeof(P->rep_time))
		memcpy(P->rep_time, line->time, tl);
	memcpy(P->rep_mono, ml ? line->mono : "", ml);
	P->rep_mono[ml] = '\0';
	return false;
}

/* A shell command pasted above the report that asks the kernel for a
 * manual OOM: "echo f > /proc/sysrq-trigger" (a prompt, sudo, quotes,
 * "| tee" before it allowed): the OOM that follows is sysrq f's
 * (drivers/tty/sysrq.c moom_callback), whose own "Manual OOM execution"
 * line a 2.6 kernel does not print and a dmesg paste may leave out. */
bool report_is_sysrq_f_command(const char *p, size_t n)
{
	const char *s = p, *e = p + n;
	const char *t = p_find(s, e, "/proc/sysrq-trigger");
	if (!t)
		return false;
	const char *q = p_find(s, t, "echo ");
	if (!q)
		return false;
	q = p_skip_sp(q + 5, t);
	if (q < t && (*q == '\'' || *q == '"'))
		q++;
	if (q >= t || *q != 'f')
		return false;
	q++;
	if (q < t && (*q == '\'' || *q == '"'))
		q++;
	q = p_skip_sp(q, t);
	return q < t && (*q == '>' || *q == '|');
}

/* The Swap row of `free`, alone or at the end of its table joined to one
 * line (an indented table is taken for a wrapped one): what it says goes
 * to the open reports and waits for the next one (free_swap_lend).  True
 * when the line is that row alone (no kernel text). */
static bool free_swap_row(struct report_parser *P, const struct report_line *line, size_t len)
{
	const char *sw = len > 10 ? p_find(P->line, P->line + len, "Swap:") : NULL;
	if (sw && (sw == P->line || sw[-1] == ' ' || sw[-1] == '\t')) {
		int fs = report_free_swap_line(sw, len - (size_t)(sw - P->line));
		if (fs) {
			const char *t = sw;
			size_t tn = len - (size_t)(sw - P->line);
			while (tn && (*t == ' ' || *t == '\t'))
				t++, tn--;
			/* the open reports are the ones it was pasted with */
			for (int i = 0; i < PARSE_MAX_STATES; i++) {
				struct pstate *x = P->states[i];
				if (x && x->active && !x->ev.side.free_swap) {
					x->ev.side.free_swap = (enum oom_free_swap)fs;
					x->ev.side.free_swap_line = line->lineno;
					str_copy(x->ev.side.free_swap_text, sizeof(x->ev.side.free_swap_text), t, tn);
				}
			}
			P->free_swap = fs;
			P->free_swap_line = line->lineno;
			str_copy(P->free_swap_text, sizeof(P->free_swap_text), t, tn);
			return sw == P->line;   /* no kernel text; a joined line is read on */
		}
	}
	return false;
}

void report_parser_feed(struct report_parser *P, const struct report_line *line)
{
	if (!P || !line || (!line->text && line->len))
		return;
	if (line->boot_banner) {
		boot_banner(P, line);
		banner_release_read(P, line);
		return;
	}
	size_t len = line->len;
	if (len > PARSE_LINE_MAX)
		len = PARSE_LINE_MAX;
	if (len + 1 > P->line_cap) {
		size_t cap = P->line_cap ? P->line_cap : 1024;
		while (cap < len + 1)
			cap *= 2;
		char *b = realloc(P->line, cap);
		if (!b)
			return;
		P->line = b;
		P->line_cap = cap;
	}
	if (len)
		memcpy(P->line, line->text, len);
	P->line[len] = '\0';
	if (len && repeated_record(P, line, len))
		return;
	if (len > 6 && P->line[0] == 'L' &&
	    report_is_uname_line(P->line, len, P->uname_kernel, sizeof(P->uname_kernel), P->uname_arch,
				 sizeof(P->uname_arch), P->uname_host, sizeof(P->uname_host))) {
		P->uname_line = line->lineno;
		return;
	}
	if (len > 20 && report_is_sysrq_f_command(P->line, len)) {
		/* a report still open when the next command comes (typed
		 * again, R3128) keeps its own: the command goes to the next slot */
		size_t i = 0;
		while (i < 3 && P->sysrq_f_cmd[i])
			i++;
		P->sysrq_f_cmd[i] = line->lineno;
	}
	if (P->nr_active == 0) {
		if (report_is_stat_pair(P->line, len))
			P->idle_stat_line = line->lineno;
		if (line_kind_of(P->line, len) == LK_DEADLOCK) {
			/* (state_emit: for the report its dump_stack opens) */
			P->deadlock_line = line->lineno;
			str_copy(P->deadlock_host, sizeof(P->deadlock_host), line->host ? line->host : "",
				 line->host ? line->host_len : 0);
		}
		const char *a = report_stack_line_arch(P->line, len);
		/* A stack printed right after a waiting report that shows no
		 * arch (the victim's under "oom_reaper: unable to reap", a
		 * task's the reaper or a lockup detector showed, R5204) is the
		 * same machine's: its arch is the report's. */
		struct oom_event *w = P->pending;
		if (a && w && !w->arch[0] && line->lineno > w->last_line && line->lineno <= w->last_line + PARSE_ARCH_TAIL &&
		    strlen(w->host) == (line->host ? line->host_len : 0) &&
		    (!line->host || memcmp(w->host, line->host, line->host_len) == 0)) {
			str_copy(w->arch, sizeof(w->arch), a, strlen(a));
			event_warn(w, "arch not in this report: read from the stack printed right after it (line %llu)",
				   (unsigned long long)line->lineno);
		}
		if (a) {
			str_copy(P->idle_arch, sizeof(P->idle_arch), a, strlen(a));
			str_copy(P->idle_arch_host, sizeof(P->idle_arch_host), line->host ? line->host : "",
				 line->host ? line->host_len : 0);
			P->idle_arch_line = line->lineno;
		}
	}
	++P->nr_fed;
	if (P->nr_active > 0)
		for (int i = 0; i < PARSE_MAX_STATES; i++) {
			struct pstate *st = P->states[i];
			if (st && st->active &&
			    line->lineno > st->last_lineno + (st->sect == SEC_TAIL ? PARSE_TAIL_INPUT : PARSE_STALE_LINES))
				state_emit(P, st, false);
		}
	/* warnings cite the line they are about */
	for (int i = 0; i < PARSE_MAX_STATES; i++)
		if (P->states[i] && P->states[i]->active)
			P->states[i]->ev.cur_line = line->lineno;
	const char *s = P->line, *e = P->line + len;
	p_pairs_set(s, e);
	if (len > 10 && free_swap_row(P, line, len)) {
		p_pairs_clear();
		return;
	}
	/* rsyslog's "#012" and /dev/kmsg's "\x0a" stand for the newlines of a
	 * multi-line record (summary lines, memcg stat dump), §1.13. */
	for (;;) {
		const char *a = p_find(s, e, "#012");
		const char *b = p_find(s, e, "\\x0a");
		const char *cut = a && (!b || a < b) ? a : b;
		if (!cut) {
			feed_one(P, line, s, e);
			break;
		}
		feed_one(P, line, s, cut);
		s = cut + 4;
	}
	p_pairs_clear();
}

bool report_parser_active(const struct report_parser *P)
{
	return P && P->nr_active > 0;
}

unsigned report_parser_take_tail(struct report_parser *P)
{
	if (!P)
		return 0;
	unsigned n = P->nr_active == 0 ? P->tail_request : 0;
	P->tail_request = 0;
	return n;
}

void report_parser_finish(struct report_parser *P)
{
	if (!P)
		return;
	/* Open reports end in the order they began. */
	for (;;) {
		struct pstate *first = NULL;
		for (int i = 0; i < PARSE_MAX_STATES; i++) {
			struct pstate *x = P->states[i];
			if (x && x->active && (!first || x->ev.first_line < first->ev.first_line))
				first = x;
		}
		if (!first)
			break;
		state_emit(P, first, true);
	}
	flush_pending(P, NULL);
	release_held(P, P->nr_emitted == 0);
}

void report_parser_free(struct report_parser *P)
{
	if (!P)
		return;
	for (int i = 0; i < PARSE_MAX_STATES; i++) {
		if (!P->states[i])
			continue;
		event_release(&P->states[i]->ev);
		free(P->states[i]);
	}
	if (P->pending) {
		event_release(P->pending);
		free(P->pending);
	}
	for (int i = 0; i < P->nr_older; i++) {
		event_release(P->older[i]);
		free(P->older[i]);
	}
	release_held(P, false);
	free(P->line);
	free(P);
}
