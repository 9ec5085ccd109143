/* parse_tasks.c — the task dump table of an OOM report (mm/oom_kill.c
 * dump_tasks, fact sheet §1.7).  The header line names the columns of its
 * era, so rows are read by the header, not by guessing:
 *   2.6.25–2.6.35  [ pid ]   uid  tgid total_vm      rss cpu oom_adj name
 *   2.6.36–3.6     … cpu oom_adj oom_score_adj name
 *   3.8–3.19       … nr_ptes swapents oom_score_adj name
 *   4.1–4.14       … nr_ptes nr_pmds swapents oom_score_adj name
 *   4.15–6.7       … pgtables_bytes swapents oom_score_adj name
 *   6.8+           … rss rss_anon rss_file rss_shmem pgtables_bytes swapents oom_score_adj name
 * The name (comm) is the rest of the row and may hold spaces. */
#include <string.h>

#include "report/parse_int.h"

static const struct {
	const char *name;
	enum tcol col;
	unsigned shape;
} columns[] = {
	{ "uid", TC_UID, 0 }, { "tgid", TC_TGID, 0 }, { "total_vm", TC_TOTAL_VM, 0 },
	{ "rss", TC_RSS, 0 }, { "cpu", TC_CPU, SH_CPU_COL }, { "oom_adj", TC_OOM_ADJ, 0 },
	{ "nr_ptes", TC_NR_PTES, SH_NR_PTES }, { "nr_pmds", TC_NR_PMDS, SH_NR_PMDS },
	{ "rss_anon", TC_RSS_ANON, SH_RSS_ANON }, { "rss_file", TC_RSS_FILE, 0 },
	{ "rss_shmem", TC_RSS_SHMEM, 0 }, { "pgtables_bytes", TC_PGTABLES_BYTES, SH_PGTABLES_BYTES },
	{ "swapents", TC_SWAPENTS, 0 }, { "oom_score_adj", TC_OOM_SCORE_ADJ, 0 },
};

bool pt_header_line(struct pstate *st, const char *s, const char *e)
{
	if (p_starts(s, e, "Tasks state (memory values in pages):")) {
		st->shape |= SH_TASKS_STATE;
		st->sect = SEC_TASKS;
		st->ev.have_task_table = true;
		return true;
	}
	const char *p = s;
	if (p >= e || *p != '[')
		return false;
	p = p_skip_sp(p + 1, e);
	if (!p_starts(p, e, "pid"))
		return false;
	p = p_skip_sp(p + 3, e);
	if (p >= e || *p != ']')
		return false;
	p++;
	int n = 0;
	bool name_seen = false;
	while (p < e) {
		p = p_skip_sp(p, e);
		const char *t = p;
		while (p < e && *p != ' ')
			p++;
		if (p == t)
			break;
		if ((size_t)(p - t) == 4 && memcmp(t, "name", 4) == 0) {
			name_seen = true;
			break;
		}
		/* the heading cut inside its last word ("… swapents
		 * oom_score_adj n", a paste or a log cut there, R6488): every
		 * column before the name was read, the layout is whole */
		if (p == e && n >= 4 && (size_t)(p - t) < 4 && memcmp(t, "name", (size_t)(p - t)) == 0) {
			name_seen = true;
			break;
		}
		enum tcol c = TC_SKIP;
		for (size_t i = 0; i < ARRAY_SIZE(columns); i++)
			if (strlen(columns[i].name) == (size_t)(p - t) &&
			    memcmp(columns[i].name, t, (size_t)(p - t)) == 0) {
				c = columns[i].col;
				st->shape |= columns[i].shape;
			}
		if (n >= PARSE_MAX_COLS)
			return false;
		st->cols[n++] = c;
	}
	if (!name_seen || n == 0)
		return false;
	st->ncols = n;
	st->sect = SEC_TASKS;
	st->ev.have_task_table = true;
	return true;
}

/* A row whose header was cut (grep, a paste that starts mid-table): the
 * count of numbers before the name tells the era's layout well enough for
 * what every era shares — uid tgid total_vm rss first, and last
 * oom_score_adj (7, 8 or 10 numbers: 2.6.36–3.6 and 3.8–3.19 and 4.15–6.7,
 * 4.1–4.14, 6.8+) or oom_adj (6: 2.6.25–2.6.35).  The fifth number is not
 * told apart by the count (cpu/nr_ptes/pgtables_bytes), so skipped.  The
 * sixth of a 7-wide row is oom_adj (2.6.36–3.6) or swapents (3.8+): held
 * as swapents until a row's value cannot be oom_adj (adj_impossible). */
static bool headerless_columns(struct pstate *st, const char *p, const char *e)
{
	int n = 0;
	for (;;) {
		const char *q = p_skip_sp(p, e);
		if (q == p || q >= e)
			break;
		const char *t = q;
		int64_t v;
		if (p_inum(&q, e, &v) == -1 || (q < e && *q != ' ') || q == t)
			break;
		p = q;
		n++;
	}
	if (n != 6 && n != 7 && n != 8 && n != 10)
		return false;
	/* the row's name cut away with the line's end (a paste that stops
	 * mid-row, R5062): its last number may be any column, so its width
	 * tells no layout; the next whole row does */
	if (p_skip_sp(p, e) >= e)
		return false;
	static const enum tcol first[] = { TC_UID, TC_TGID, TC_TOTAL_VM, TC_RSS };
	for (int i = 0; i < n; i++)
		st->cols[i] = i < 4 ? first[i] : TC_SKIP;
	st->cols[n - 1] = n == 6 ? TC_OOM_ADJ : TC_OOM_SCORE_ADJ;
	if (n == 8 || n == 10)
		st->cols[n - 2] = TC_SWAPENTS;   /* 4.1–4.14 and 6.8+: swapents before oom_score_adj */
	else if (n == 7)
		st->cols[n - 2] = TC_SWAPENTS_OR_ADJ;
	st->ncols = n;
	if (!st->table_bad_warned)
		event_warn(&st->ev, "task rows without their table header: columns taken from the row's width");
	st->table_bad_warned = true;
	return true;
}

/* 2.6.36–3.6 keep oom_adj and oom_score_adj in step (fs/proc/base.c
 * oom_adjust_write: score = adj × 1000 / 17, 15 → 1000;
 * oom_score_adj_write: adj = score × 15 / 1000, −1000 → −17): the adj lies
 * in −17..15, has the score's sign, and is 0 when the score is 0.  A
 * number that breaks this beside its row's oom_score_adj is swapents. */
static bool adj_impossible(int64_t v, int64_t score)
{
	if (!known(v) || !known(score))
		return false;
	return v < -17 || v > 15 || (score == 0 && v != 0) || (v > 0 && score <= 0) || (v < 0 && score >= 0);
}

bool pt_row_line(struct pstate *st, const char *s, const char *e)
{
	const char *p = s;
	if (p >= e || *p != '[')
		return false;
	p = p_skip_sp(p + 1, e);
	int64_t pid;
	if (p_num(&p, e, &pid) != 0)
		return false;
	if (p >= e || *p != ']')
		return false;
	p++;
	if (st->ncols == 0 && !headerless_columns(st, p, e)) {
		if (!st->table_bad_warned)
			event_warn(&st->ev, "task rows without a table header ignored");
		st->table_bad_warned = true;
		return true;
	}
	int64_t vals[PARSE_MAX_COLS];
	for (int i = 0; i < st->ncols; i++) {
		const char *q = p_skip_sp(p, e);
		if (q == p || q >= e)
			goto bad;
		p = q;
		int r = p_inum(&p, e, &vals[i]);
		if (r == -1 || (p < e && *p != ' '))
			goto bad;
		if (r == -2)
			vals[i] = OOM_NA;
	}
	if (p >= e || *p != ' ')
		goto bad;
	p++;          /* the format's single space before %s */
	bool was_truncated = st->ev.snap.tasks_truncated;
	struct oom_task *t = snapshot_add_task(&st->ev.snap);
	if (!t) {
		/* tasks_truncated is set: say so once */
		if (!was_truncated)
			event_warn(&st->ev, "task table cut at %zu rows (too long or out of memory)",
				   st->ev.snap.nr_tasks);
		return true;
	}
	t->pid = pid;
	p_copy(t->comm, sizeof(t->comm), p, e);
	/* rows whose header was cut: a table once two rows came (R158, R515);
	 * a lone row in a log is no report */
	if (st->ev.snap.nr_tasks >= 2)
		st->ev.have_task_table = true;
	for (int i = 0; i < st->ncols; i++) {
		int64_t v = vals[i];
		bool neg_ok = st->cols[i] == TC_OOM_SCORE_ADJ || st->cols[i] == TC_OOM_ADJ ||
			      st->cols[i] == TC_SWAPENTS_OR_ADJ;
		if (known(v) && v < 0 && !neg_ok) {
			event_warn(&st->ev, "task %lld: negative value ignored", (long long)pid);
			v = OOM_NA;
		}
		if (known(v) && st->cols[i] == TC_OOM_SCORE_ADJ && (v < -1000 || v > 1000)) {
			event_warn(&st->ev, "task %lld: oom_score_adj %lld out of range ignored",
				   (long long)pid, (long long)v);
			v = OOM_NA;
		}
		switch (st->cols[i]) {
		case TC_UID: t->uid = v; break;
		case TC_TGID: t->tgid = v; break;
		case TC_TOTAL_VM: t->total_vm_pages = v; break;
		case TC_RSS: t->rss_pages = v; break;
		case TC_CPU: t->cpu = v; break;
		case TC_OOM_ADJ: t->oom_adj = v; break;
		case TC_NR_PTES: t->nr_ptes = v; break;
		case TC_NR_PMDS: t->nr_pmds = v; break;
		case TC_RSS_ANON: t->rss_anon_pages = v; break;
		case TC_RSS_FILE: t->rss_file_pages = v; break;
		case TC_RSS_SHMEM: t->rss_shmem_pages = v; break;
		case TC_PGTABLES_BYTES: t->pgtables_bytes = v; break;
		case TC_SWAPENTS: t->swapents_pages = v; break;
		case TC_OOM_SCORE_ADJ: t->oom_score_adj = v; break;
		case TC_SWAPENTS_OR_ADJ:
			st->amb_rows = true;
			if (adj_impossible(v, vals[st->ncols - 1]))
				st->amb_swap = true;
			/* the number before it: cpu (2.6.36–3.6), nr_ptes (3.8–3.19)
			 * or pgtables_bytes (4.15+), bytes of whole page-table pages */
			if (i > 0 && known(vals[i - 1]) && vals[i - 1] > 0 && vals[i - 1] % 1024 == 0) {
				if (vals[i - 1] >= 16384)
					st->amb_pgt_big = true;
			} else {
				st->amb_pgt_no = true;
			}
			t->swapents_pages = known(v) && v >= 0 ? v : OOM_NA;
			break;
		case TC_SKIP: break;
		}
	}
	st->sect = SEC_TASKS;
	return true;
bad:
	if (!st->table_bad_warned)
		event_warn(&st->ev, "task row for pid %lld does not match the table header; skipped",
			   (long long)pid);
	st->table_bad_warned = true;
	return true;
}

/* The end of a report: a header-less 7-wide table none of whose rows
 * proved its sixth number swapents keeps it as nothing (it may be the
 * 2.6.36–3.6 oom_adj) — unless every row's fifth number is a count of
 * page-table bytes (whole pages: a multiple of 1 KiB, 16 KiB or more in
 * one row), which no cpu number or nr_ptes count is but by chance: the
 * 4.15–6.7 layout, whose sixth is swapents (R3522, R3523). */
void pt_finish(struct pstate *st)
{
	if (!st->amb_rows || st->amb_swap || (!st->amb_pgt_no && st->amb_pgt_big))
		return;
	for (size_t i = 0; i < st->ev.snap.nr_tasks; i++)
		st->ev.snap.tasks[i].swapents_pages = OOM_NA;
}
