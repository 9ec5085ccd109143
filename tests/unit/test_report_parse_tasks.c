/* test_report_parse_tasks.c — report/parse_tasks.c: the task table of
 * mm/oom_kill.c dump_tasks, read by the columns its header names in each
 * era (2.6.25 cpu/oom_adj, 3.8 nr_ptes, 4.1 nr_pmds, 4.15 pgtables_bytes,
 * 6.8 rss_anon/file/shmem), names with spaces, and rows that do not fit. */
#include "check.h"
#include "pstate.h"

TEST(header_per_era)
{
	struct pstate *st = fresh();
	CHECK(pt_header_line(st, LINE("Tasks state (memory values in pages):")));
	CHECK(st->shape & SH_TASKS_STATE);
	CHECK(st->ev.have_task_table);
	CHECK(pt_header_line(st, LINE("[  pid  ]   uid  tgid total_vm      rss rss_anon rss_file rss_shmem "
				      "pgtables_bytes swapents oom_score_adj name")));
	CHECK_INT(st->ncols, 10);
	CHECK_INT(st->cols[0], TC_UID);
	CHECK_INT(st->cols[4], TC_RSS_ANON);
	CHECK_INT(st->cols[9], TC_OOM_SCORE_ADJ);
	CHECK(st->shape & SH_RSS_ANON);
	CHECK(st->shape & SH_PGTABLES_BYTES);
	CHECK_INT(st->sect, SEC_TASKS);

	st = fresh();
	CHECK(pt_header_line(st, LINE("[ pid ]   uid  tgid total_vm      rss nr_ptes nr_pmds swapents oom_score_adj name")));
	CHECK(st->shape & SH_NR_PTES);
	CHECK(st->shape & SH_NR_PMDS);
	st = fresh();
	CHECK(pt_header_line(st, LINE("[ pid ]   uid  tgid total_vm      rss cpu oom_adj name")));
	CHECK(st->shape & SH_CPU_COL);
	CHECK_INT(st->ncols, 6);
	/* an unknown column is kept as a column to skip */
	st = fresh();
	CHECK(pt_header_line(st, LINE("[ pid ]   uid  tgid total_vm  rss  newcol oom_score_adj name")));
	CHECK_INT(st->cols[4], TC_SKIP);
	/* not headers */
	st = fresh();
	CHECK(!pt_header_line(st, LINE("[ pid ]   uid  tgid total_vm rss")));           /* no name column */
	CHECK(!pt_header_line(st, LINE("[ 1234]     0  1234   1000   100 0 java")));   /* a row */
	CHECK(!pt_header_line(st, LINE("pid uid name")));
	CHECK(!pt_header_line(st, LINE("")));
	CHECK_INT(st->ncols, 0);
	event_release(&st->ev);
}

TEST(rows)
{
	struct pstate *st = fresh();
	CHECK(pt_header_line(st, LINE("[  pid  ]   uid  tgid total_vm      rss pgtables_bytes swapents oom_score_adj name")));
	CHECK(pt_row_line(st, LINE("[   1234]  1000  1234  2621440  1572864     13000000       10          -900 java")));
	CHECK(pt_row_line(st, LINE("[   2000]     0  2000     1000      500        40960        0             0 Web Content")));
	CHECK_INT(st->ev.snap.nr_tasks, 2);
	const struct oom_task *t = &st->ev.snap.tasks[0];
	CHECK_INT(t->pid, 1234);
	CHECK_INT(t->uid, 1000);
	CHECK_INT(t->tgid, 1234);
	CHECK_INT(t->total_vm_pages, 2621440);
	CHECK_INT(t->rss_pages, 1572864);
	CHECK_INT(t->pgtables_bytes, 13000000);
	CHECK_INT(t->swapents_pages, 10);
	CHECK_INT(t->oom_score_adj, -900);                 /* negative allowed here */
	CHECK_STR(t->comm, "java");
	CHECK_STR(st->ev.snap.tasks[1].comm, "Web Content"); /* the name is the rest of the row */
	/* out-of-range and negative values become unknown, with a warning */
	CHECK(pt_row_line(st, LINE("[   3000]     0  3000       -5      500        40960        0          1001 bad")));
	CHECK_INT(st->ev.snap.nr_tasks, 3);
	CHECK(!known(st->ev.snap.tasks[2].total_vm_pages));
	CHECK(!known(st->ev.snap.tasks[2].oom_score_adj));
	CHECK(st->ev.nr_warnings >= 2);
	/* a row with too few numbers is not a row of this table */
	size_t before = st->ev.snap.nr_tasks;
	pt_row_line(st, LINE("[   4000]     0  4000  x"));
	CHECK_INT(st->ev.snap.nr_tasks, before);
	CHECK(!pt_row_line(st, LINE("pid 5000")));
	event_release(&st->ev);

	/* rows before any header (issue 8: grep or a cut kept only rows): read
	 * by their width — uid tgid total_vm rss first, oom_score_adj last —
	 * with one warning */
	st = fresh();
	CHECK(pt_row_line(st, LINE("[ 1] 0 1 100 10 0 0 -17 init")));
	CHECK(pt_row_line(st, LINE("[ 2] 0 2 100 10 0 0 0 x")));
	CHECK_INT(st->ev.snap.nr_tasks, 2);
	CHECK_INT(st->ev.snap.tasks[0].total_vm_pages, 100);
	CHECK_INT(st->ev.snap.tasks[0].rss_pages, 10);
	CHECK_INT(st->ev.snap.tasks[0].oom_score_adj, -17);
	CHECK_STR(st->ev.snap.tasks[1].comm, "x");
	CHECK_INT(st->ev.nr_warnings, 1);
	event_release(&st->ev);
	/* of a width no era printed: taken (so they are not read as anything
	 * else), ignored, one warning */
	st = fresh();
	CHECK(pt_row_line(st, LINE("[ 1] 0 1 100 init")));
	CHECK(pt_row_line(st, LINE("[ 2] 0 2 100 x")));
	CHECK_INT(st->ev.snap.nr_tasks, 0);
	CHECK_INT(st->ev.nr_warnings, 1);
	event_release(&st->ev);
}

TEST(rows_6_8)
{
	struct pstate *st = fresh();
	CHECK(pt_header_line(st, LINE("[  pid  ]   uid  tgid total_vm      rss rss_anon rss_file rss_shmem "
				      "pgtables_bytes swapents oom_score_adj name")));
	CHECK(pt_row_line(st, LINE("[    812]   104   812   400000   120000   100000    15000     5000   "
				   "1200000        0             0 postgres")));
	const struct oom_task *t = &st->ev.snap.tasks[0];
	CHECK_INT(t->rss_anon_pages, 100000);
	CHECK_INT(t->rss_file_pages, 15000);
	CHECK_INT(t->rss_shmem_pages, 5000);
	CHECK_INT(t->uid, 104);
	event_release(&st->ev);
}

int main(void)
{
	RUN(header_per_era);
	RUN(rows);
	RUN(rows_6_8);
	return check_summary();
}
