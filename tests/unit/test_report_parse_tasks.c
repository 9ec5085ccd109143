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

/* header-less 7-wide rows: the sixth number is the 2.6.36–3.6 oom_adj
 * or the 3.8+ swapents; a value oom_adj cannot take beside the row's
 * oom_score_adj (fs/proc/base.c keeps the two in step) settles swapents
 * for the whole table, else it is dropped at the finish */
TEST(headerless_seven_wide)
{
	struct pstate *st = fresh();
	CHECK(pt_row_line(st, LINE("[ 8541]  1000  8541      654        0    40960       25             0 sh")));
	CHECK(pt_row_line(st, LINE("[ 8543]  1000  8543   130904   100511  1081344    19437             0 cc1plus")));
	CHECK(st->amb_rows && st->amb_swap);
	pt_finish(st);
	CHECK_INT(st->ev.snap.tasks[0].swapents_pages, 25);
	CHECK_INT(st->ev.snap.tasks[1].swapents_pages, 19437);
	event_release(&st->ev);
	/* the sixth number proved only late: earlier rows keep theirs too */
	st = fresh();
	CHECK(pt_row_line(st, LINE("[ 1] 0 1 100 10 4 0 0 a")));
	CHECK(pt_row_line(st, LINE("[ 2] 0 2 100 10 4 3 0 b")));   /* oom_adj 3 with score 0: impossible */
	pt_finish(st);
	CHECK_INT(st->ev.snap.tasks[0].swapents_pages, 0);
	CHECK_INT(st->ev.snap.tasks[1].swapents_pages, 3);
	event_release(&st->ev);
	/* every row a possible oom_adj (−17 with −1000, 0 with 0, 1 with 58):
	 * no swap read */
	st = fresh();
	CHECK(pt_row_line(st, LINE("[ 1] 0 1 100 10 0 -17 -1000 udevd")));
	CHECK(pt_row_line(st, LINE("[ 2] 0 2 100 10 1 0 0 x")));
	CHECK(pt_row_line(st, LINE("[ 3] 0 3 100 10 1 1 58 y")));
	CHECK(st->amb_rows && !st->amb_swap);
	pt_finish(st);
	for (int i = 0; i < 3; i++)
		CHECK(!known(st->ev.snap.tasks[i].swapents_pages));
	CHECK_INT(st->ev.snap.tasks[0].oom_score_adj, -1000);
	event_release(&st->ev);
	/* every row's fifth number page-table bytes (whole pages, 16 KiB or
	 * more in one): the 4.15–6.7 layout, whose sixth is swapents (R3522) */
	st = fresh();
	CHECK(pt_row_line(st, LINE("[  20156]  1000 20156     2569     1273    57344        0             0 bash")));
	CHECK(pt_row_line(st, LINE("[  20221]  1000 20221   959726   913112  7471104        0             0 python3")));
	CHECK(st->amb_rows && !st->amb_swap && !st->amb_pgt_no && st->amb_pgt_big);
	pt_finish(st);
	CHECK_INT(st->ev.snap.tasks[1].swapents_pages, 0);
	event_release(&st->ev);
	/* … not with one a cpu number or a count of page-table pages */
	st = fresh();
	CHECK(pt_row_line(st, LINE("[ 1] 0 1 100 10 57344 0 0 a")));
	CHECK(pt_row_line(st, LINE("[ 2] 0 2 100 10 3 0 0 b")));
	pt_finish(st);
	CHECK(!known(st->ev.snap.tasks[0].swapents_pages));
	event_release(&st->ev);
	/* a value above oom_adj's 15, or of the other sign */
	st = fresh();
	CHECK(pt_row_line(st, LINE("[ 1] 0 1 100 10 0 16 500 a")));
	CHECK(st->amb_swap);
	event_release(&st->ev);
	st = fresh();
	CHECK(pt_row_line(st, LINE("[ 1] 0 1 100 10 0 2 -500 a")));
	CHECK(st->amb_swap);
	event_release(&st->ev);
	/* 8-wide rows (4.1–4.14) name swapents by their width alone */
	st = fresh();
	CHECK(pt_row_line(st, LINE("[ 1] 0 1 100 10 4 2 0 0 a")));
	CHECK(!st->amb_rows);
	CHECK_INT(st->ev.snap.tasks[0].swapents_pages, 0);
	event_release(&st->ev);
}

int main(void)
{
	RUN(header_per_era);
	RUN(rows);
	RUN(rows_6_8);
	RUN(headerless_seven_wide);
	return check_summary();
}
