/* status.c — the `oomkit status` screen and its JSON, and the short form of
 * the overview.  Draws the gathered snapshot, settings, derived facts and
 * findings; reads nothing.  Unknown quantities print as "unknown" / null. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "diagnose/live_rules.h"
#include "render/live_render.h"
#include "report/walltime.h"

static const char *sz(char *dst, size_t len, int64_t kib)
{
	if (!known(kib)) {
		snprintf(dst, len, "unknown");
		return dst;
	}
	return fmt_kib(dst, len, kib);
}

static const char *num(char *dst, size_t len, int64_t v)
{
	if (!known(v))
		snprintf(dst, len, "unknown");
	else
		snprintf(dst, len, "%lld", (long long)v);
	return dst;
}

static const char *sev_color(const struct style *st, enum severity s)
{
	return s == SEV_CRITICAL ? st->red : s == SEV_WARNING ? st->yellow : st->cyan;
}

static const char *mode_name(int64_t mode)
{
	return mode == 0 ? "heuristic" : mode == 1 ? "always" : mode == 2 ? "never (strict accounting)" : "unknown";
}

static void finding_text(FILE *f, const struct finding *x, const struct style *st, bool full)
{
	fprintf(f, "  %s[%s]%s %s%s%s: ", sev_color(st, x->severity), severity_name(x->severity), st->reset,
		st->bold, x->id, st->reset);
	escape_term(f, x->summary, strlen(x->summary));
	fputc('\n', f);
	if (!full)
		return;
	for (int i = 0; i < x->nr_evidence; i++) {
		fprintf(f, "      %sevidence:%s ", st->dim, st->reset);
		escape_term(f, x->evidence[i], strlen(x->evidence[i]));
		fputc('\n', f);
	}
	for (int i = 0; i < x->nr_advice; i++) {
		fprintf(f, "      %sadvice:%s ", st->green, st->reset);
		escape_term(f, x->advice[i], strlen(x->advice[i]));
		fputc('\n', f);
	}
}

static void section(FILE *f, const struct style *st, const char *name)
{
	fprintf(f, "\n%s%s%s\n", st->bold, name, st->reset);
}

static void orders_text(FILE *f, const struct live_zone_facts *zf)
{
	if (!zf->orders_known) {
		fputs("unknown", f);
		return;
	}
	int first_fail = -1;
	for (int o = 0; o < LIVE_MAX_ORDER_CHECK; o++)
		if (!zf->order_ok[o]) {
			first_fail = o;
			break;
		}
	if (first_fail < 0)
		fputs("0-10 pass", f);
	else if (first_fail == 0)
		fputs("none pass (below min + reserve)", f);
	else {
		fprintf(f, "0-%d pass", first_fail - 1);
		bool later = false;
		for (int o = first_fail; o < LIVE_MAX_ORDER_CHECK; o++)
			later |= zf->order_ok[o];
		fprintf(f, ", %d%s fail", first_fail, later ? " and some above" : "+");
	}
}

/* ---- memory cgroups (issue 11): the fullest, their OOM counters, their
 * largest process ---- */
static int64_t memcg_page_kib(const struct status_view *v)
{
	return known(v->s->page_size_kib) && v->s->page_size_kib > 0 ? v->s->page_size_kib : 4;
}

static void memcg_section_text(FILE *f, const struct status_view *v, const struct style *st)
{
	section(f, st, "Memory cgroups");
	const struct oom_memcg_summary *mc = v->memcgs;
	if (!mc) {
		fputs("  no memory controller found (sys/fs/cgroup/memory or a cgroup2 with memory)\n\n", f);
		return;
	}
	fprintf(f, "  cgroup v%d: %lld memory cgroups, %lld with a limit, %lld with OOM kills\n", mc->version,
		(long long)mc->nr_cgroups, (long long)mc->nr_limited, (long long)mc->nr_with_kills);
	if (mc->n == 0)
		fputs("  no cgroup below the root has a memory limit\n", f);
	else
		fputs("  closest to their limit:\n", f);
	for (int i = 0; i < mc->n; i++) {
		const struct oom_memcg_summary_item *it = &mc->v[i];
		const struct oom_memcg *m = &it->cg;
		char a[32], b[32], c[32];
		int64_t pct = m->limit_kib > 0 ? sat_mul(m->usage_kib, 100) / m->limit_kib : 0;
		bool hot = pct >= 90;
		fprintf(f, "  %s%3lld%%%s ", hot ? st->bold : "", (long long)pct, hot ? st->reset : "");
		escape_term(f, m->path, strlen(m->path));
		fprintf(f, ": %s of %s", fmt_kib(a, sizeof(a), m->usage_kib), fmt_kib(b, sizeof(b), m->limit_kib));
		if (m->version == 2 && known(m->high_kib) && m->high_kib != OOM_UNLIMITED)
			fprintf(f, ", high %s", fmt_kib(c, sizeof(c), m->high_kib));
		if (known(m->oom_kill_count))
			fprintf(f, ", oom_kill %lld", (long long)m->oom_kill_count);
		if (m->version == 2 && known(m->oom_events))
			fprintf(f, ", oom %lld", (long long)m->oom_events);
		if (m->version == 2 && known(m->max_events))
			fprintf(f, ", max %lld", (long long)m->max_events);
		if (m->version == 1 && known(m->failcnt))
			fprintf(f, ", failcnt %lld", (long long)m->failcnt);
		if (m->version == 1 && known(m->under_oom) && m->under_oom > 0)
			fputs(", under_oom", f);
		if (known(it->largest_pid)) {
			fputs("; largest ", f);
			escape_term(f, it->largest_comm, strlen(it->largest_comm));
			fprintf(f, " (%lld, %s)", (long long)it->largest_pid,
				fmt_kib(a, sizeof(a), sat_mul(it->largest_pages, memcg_page_kib(v))));
			if (!strcmp(it->largest_comm, OOMKIT_TEST_HOG_COMM))
				fputs(" [an oomkit test hog]", f);
		}
		fputc('\n', f);
	}
	if (mc->n > 0)
		fputs(mc->version == 2 ? "  (memory.high below memory.max throttles a cgroup before its OOM kill)\n"
				       : "  (cgroup v1 has no memory.high; oomkit guard --cgroup DIR acts below the limit)\n", f);
	fputc('\n', f);
}

static void memcg_section_json(struct json *j, const struct status_view *v)
{
	const struct oom_memcg_summary *mc = v->memcgs;
	if (!mc) {
		json_null(j, "memory_cgroups");
		return;
	}
	json_obj_begin(j, "memory_cgroups");
	json_int(j, "version", mc->version);
	json_int(j, "cgroups", mc->nr_cgroups);
	json_int(j, "limited", mc->nr_limited);
	json_int(j, "with_oom_kills", mc->nr_with_kills);
	json_arr_begin(j, "fullest");
	for (int i = 0; i < mc->n; i++) {
		const struct oom_memcg_summary_item *it = &mc->v[i];
		const struct oom_memcg *m = &it->cg;
		json_obj_begin(j, NULL);
		json_str(j, "path", m->path);
		json_int(j, "usage_kb", m->usage_kib);
		json_int(j, "limit_kb", m->limit_kib);
		json_int(j, "high_kb", m->version == 2 && m->high_kib != OOM_UNLIMITED ? m->high_kib : OOM_NA);
		json_int(j, "oom_kill", m->oom_kill_count);
		json_int(j, "oom_events", m->version == 2 ? m->oom_events : OOM_NA);
		json_int(j, "max_events", m->version == 2 ? m->max_events : OOM_NA);
		json_int(j, "failcnt", m->version == 1 ? m->failcnt : OOM_NA);
		json_int(j, "under_oom", m->version == 1 ? m->under_oom : OOM_NA);
		json_int(j, "processes", it->nr_procs);
		if (known(it->largest_pid)) {
			json_obj_begin(j, "largest");
			json_int(j, "pid", it->largest_pid);
			json_str(j, "comm", it->largest_comm);
			json_int(j, "rss_swap_kb", sat_mul(it->largest_pages, memcg_page_kib(v)));
			json_bool(j, "test_hog", !strcmp(it->largest_comm, OOMKIT_TEST_HOG_COMM));
			json_obj_end(j);
		} else {
			json_null(j, "largest");
		}
		json_obj_end(j);
	}
	json_arr_end(j);
	json_obj_end(j);
}

void render_status_text(FILE *f, const struct status_view *v, const struct style *st)
{
	const struct oom_snapshot *s = v->s;
	const struct oom_mem *m = &s->mem;
	const struct oom_system *vm = v->vm;
	struct live_facts *fa = calloc(1, sizeof(*fa));
	if (!fa)
		return;
	live_facts_compute(s, vm, fa);
	char a[32], b[32], c[32], d[32], e[32];

	fprintf(f, "%soomkit status%s — ", st->bold, st->reset);
	if (v->root) {
		fputs("captured tree ", f);
		escape_term(f, v->root, strlen(v->root));
		fputs(", ", f);
	}
	fputs("kernel ", f);
	if (vm->kernel_release[0])
		escape_term(f, vm->kernel_release, strlen(vm->kernel_release));
	else
		fputs("unknown", f);
	if (vm->arch[0])
		fprintf(f, " (%s)", vm->arch);
	fputc('\n', f);

	/* Findings first: the answer, then the numbers. */
	section(f, st, "Findings");
	if (v->f->n == 0)
		fprintf(f, "  %sno risk found%s in what could be read.\n", st->green, st->reset);
	for (int i = 0; i < v->f->n; i++)
		finding_text(f, &v->f->items[i], st, true);

	section(f, st, "Memory");
	if (!v->meminfo_known) {
		fputs("  unknown (no proc/meminfo)\n", f);
	} else {
		int64_t pct = known(m->available_kib) && known(m->total_kib) && m->total_kib > 0
			      ? m->available_kib * 100 / m->total_kib : OOM_NA;
		fprintf(f, "  total %s, available %s (%s %%), free %s\n", sz(a, sizeof(a), m->total_kib),
			sz(b, sizeof(b), m->available_kib), num(c, sizeof(c), pct), sz(d, sizeof(d), m->free_kib));
		fprintf(f, "  anon %s · file %s · shmem/tmpfs %s · slab %s (unreclaimable %s)\n",
			sz(a, sizeof(a), m->anon_kib), sz(b, sizeof(b), m->file_kib), sz(c, sizeof(c), m->shmem_kib),
			sz(d, sizeof(d), fa->slab_kib), sz(e, sizeof(e), m->slab_unreclaimable_kib));
		fprintf(f, "  page tables %s · kernel stacks %s · hugepages %s reserved (%s total, %s free)\n",
			sz(a, sizeof(a), m->pagetables_kib), sz(b, sizeof(b), m->kernel_stack_kib),
			sz(c, sizeof(c), m->hugetlb_kib), num(d, sizeof(d), m->hugepages_total), num(e, sizeof(e), m->hugepages_free));
		if (known(m->swap_total_kib) && m->swap_total_kib == 0)
			fputs("  swap none", f);
		else
			fprintf(f, "  swap %s used of %s", sz(a, sizeof(a), known(m->swap_total_kib) && known(m->swap_free_kib)
							     ? m->swap_total_kib - m->swap_free_kib : OOM_NA),
				sz(b, sizeof(b), m->swap_total_kib));
		if (known(m->zswap_kib))
			fprintf(f, " · zswap %s (holding %s)", sz(a, sizeof(a), m->zswap_kib), sz(b, sizeof(b), m->zswapped_kib));
		if (known(vm->zram_orig_kib))
			fprintf(f, " · zram %s stored in %s", sz(a, sizeof(a), vm->zram_orig_kib), sz(b, sizeof(b), vm->zram_compr_kib));
		fputc('\n', f);
		if (s->nr_slabs > 0) {
			fputs("  largest slab caches:", f);
			for (int i = 0; i < s->nr_slabs && i < 5; i++) {
				fputc(' ', f);
				escape_term(f, s->slabs[i].name, strlen(s->slabs[i].name));
				fprintf(f, " %s%s", sz(a, sizeof(a), s->slabs[i].total_kib), i + 1 < s->nr_slabs && i < 4 ? "," : "");
			}
			fputc('\n', f);
		} else if (!v->slab_known) {
			fputs("  largest slab caches: unknown (/proc/slabinfo not readable)\n", f);
		}
	}

	section(f, st, "Overcommit");
	fprintf(f, "  mode %s (%s)", num(a, sizeof(a), vm->overcommit_memory), mode_name(vm->overcommit_memory));
	if (known(vm->overcommit_kbytes) && vm->overcommit_kbytes > 0)
		fprintf(f, ", overcommit_kbytes %lld\n", (long long)vm->overcommit_kbytes);
	else
		fprintf(f, ", ratio %s %%\n", num(a, sizeof(a), vm->overcommit_ratio));
	fprintf(f, "  CommitLimit %s, Committed_AS %s, headroom %s%s\n", sz(a, sizeof(a), m->commit_limit_kib),
		sz(b, sizeof(b), m->committed_as_kib), sz(c, sizeof(c), fa->commit_headroom_kib),
		vm->overcommit_memory == 2 ? "" : " (enforced only in mode 2)");
	if (fa->mode0_rule)
		fprintf(f, "  mode 0 %s: now at most %s in one request\n", fa->mode0_rule,
			sz(a, sizeof(a), fa->mode0_max_request_kib));
	if (fa->nr_whatif) {
		fputs("  mode 2 CommitLimit by ratio:", f);
		for (int i = 0; i < fa->nr_whatif; i++)
			fprintf(f, " %lld %% → %s%s", (long long)fa->whatif_ratio[i],
				sz(a, sizeof(a), fa->whatif_limit_kib[i]), i + 1 < fa->nr_whatif ? ";" : "\n");
	}

	section(f, st, "Zones (free against watermarks; orders that pass zone_watermark_ok at min now)");
	if (s->nr_zones == 0)
		fputs("  unknown (no proc/zoneinfo or buddyinfo)\n", f);
	for (int i = 0; i < s->nr_zones; i++) {
		const struct oom_zone *z = &s->zones[i];
		const struct live_zone_facts *zf = &fa->zones[i];
		if (!zf->usable && z->nr_orders == 0)
			continue;
		fprintf(f, "  node %d %-7s free %-9s min %-9s low %-9s high %-9s", z->node, z->name,
			sz(a, sizeof(a), z->free_kib), sz(b, sizeof(b), z->min_kib), sz(c, sizeof(c), z->low_kib),
			sz(d, sizeof(d), z->high_kib));
		if (known(z->boost_kib) && z->boost_kib > 0)
			fprintf(f, " boost %s", sz(a, sizeof(a), z->boost_kib));
		fputc('\n', f);
		fprintf(f, "      managed %s, reserve [", sz(a, sizeof(a), z->managed_kib));
		for (int k = 0; k < z->nr_lowmem_reserve; k++)
			fprintf(f, "%s%lld", k ? " " : "", (long long)z->lowmem_reserve_pages[k]);
		fprintf(f, "] pages, largest free order %d, orders ", zf->largest_free_order);
		orders_text(f, zf);
		if (z->nr_orders > 0)
			fprintf(f, "; unusable index order 2/3/9: %d.%03d/%d.%03d/%d.%03d", zf->unusable_index[2] / 1000,
				zf->unusable_index[2] % 1000, zf->unusable_index[3] / 1000, zf->unusable_index[3] % 1000,
				zf->unusable_index[9] / 1000, zf->unusable_index[9] % 1000);
		fputc('\n', f);
	}
	if (fa->bits32)
		fprintf(f, "  32-bit: lowmem %s managed, HighMem %s managed\n", sz(a, sizeof(a), fa->lowmem_managed_kib),
			sz(b, sizeof(b), fa->highmem_managed_kib));

	section(f, st, "Pressure (PSI, % of time stalled on memory: avg10 avg60 avg300)");
	if (!vm->psi_known)
		fputs("  unknown (no proc/pressure/memory: kernel < 4.20, CONFIG_PSI off or psi=0)\n", f);
	else {
		fprintf(f, "  some %.2f %.2f %.2f", vm->psi.some.avg10, vm->psi.some.avg60, vm->psi.some.avg300);
		if (vm->psi.full.known)
			fprintf(f, " · full %.2f %.2f %.2f", vm->psi.full.avg10, vm->psi.full.avg60, vm->psi.full.avg300);
		fputc('\n', f);
	}

	memcg_section_text(f, v, st);

	section(f, st, "History");
	fprintf(f, "  OOM kills since boot: %s", num(a, sizeof(a), vm->oom_kill_count));
	if (known(vm->compact_stall))
		fprintf(f, " · compaction stalls %lld (failed %s)", (long long)vm->compact_stall,
			num(a, sizeof(a), vm->compact_fail));
	fputc('\n', f);
	const struct oom_history *h = v->h;
	if (h && h->have_last) {
		fprintf(f, "  last kernel OOM report (%d in the log): %s OOM", h->nr_events, h->last_kind);
		char when[128];
		if (history_when(h, when, sizeof(when))) {
			fputs(" ", f);
			escape_term(f, when, strlen(when));
		}
		if (h->last_victim[0]) {
			fputs(", killed ", f);
			escape_term(f, h->last_victim, strlen(h->last_victim));
			fprintf(f, " (%lld, rss %s)", (long long)h->last_victim_pid, sz(a, sizeof(a), h->last_victim_rss_kib));
			if (!strcmp(h->last_victim, OOMKIT_TEST_HOG_COMM))
				fputs(" — a test hog of oomkit's make check, not this machine's own", f);
		}
		fputc('\n', f);
		if (h->last_cause_id[0]) {
			fprintf(f, "  likely cause: %s — ", h->last_cause_id);
			escape_term(f, h->last_cause, strlen(h->last_cause));
			fputs("\n  (oomkit explain tells the whole story)\n", f);
		}
	} else if (h && h->log_read) {
		fputs("  no OOM report in the kernel log ring\n", f);
	} else if (h) {
		fputs("  kernel log: ", f);
		escape_term(f, h->log_error, strlen(h->log_error));
		fputc('\n', f);
	}

	section(f, st, "Settings");
	fprintf(f, "  panic_on_oom %s · oom_kill_allocating_task %s · oom_dump_tasks %s · swappiness %s\n",
		num(a, sizeof(a), vm->panic_on_oom), num(b, sizeof(b), vm->oom_kill_allocating_task),
		num(c, sizeof(c), vm->oom_dump_tasks), num(d, sizeof(d), vm->swappiness));
	fprintf(f, "  min_free_kbytes %s (kernel default ~%s", num(a, sizeof(a), vm->min_free_kbytes),
		num(b, sizeof(b), fa->min_free_default_kib));
	if (known(fa->min_free_thp_kib))
		fprintf(f, ", THP recommends %lld", (long long)fa->min_free_thp_kib);
	fprintf(f, ") · watermark_scale_factor %s · admin_reserve_kbytes %s\n",
		num(a, sizeof(a), vm->watermark_scale_factor), num(b, sizeof(b), vm->admin_reserve_kbytes));
	fprintf(f, "  THP enabled %s, defrag %s\n", vm->thp_enabled[0] ? vm->thp_enabled : "unknown",
		vm->thp_defrag[0] ? vm->thp_defrag : "unknown");
	free(fa);
}

void render_status_short(FILE *f, const struct status_view *v, int max, const struct style *st)
{
	int shown = 0;
	for (int i = 0; i < v->f->n && shown < max; i++, shown++)
		finding_text(f, &v->f->items[i], st, false);
	if (v->f->n == 0)
		fprintf(f, "  %sno risk found%s (oomkit status shows the numbers)\n", st->green, st->reset);
	else if (v->f->n > shown)
		fprintf(f, "  %s… %d more (oomkit status)%s\n", st->dim, v->f->n - shown, st->reset);
}

static void json_psi_line(struct json *j, const char *key, const struct oom_psi_line *p)
{
	if (!p->known) {
		json_null(j, key);
		return;
	}
	json_obj_begin(j, key);
	json_double(j, "avg10", p->avg10, 2);
	json_double(j, "avg60", p->avg60, 2);
	json_double(j, "avg300", p->avg300, 2);
	json_uint(j, "total_us", p->total_us);
	json_obj_end(j);
}

void render_status_json(FILE *f, const struct status_view *v, bool pretty)
{
	const struct oom_snapshot *s = v->s;
	const struct oom_mem *m = &s->mem;
	const struct oom_system *vm = v->vm;
	struct live_facts *fa = calloc(1, sizeof(*fa));
	if (!fa)
		return;
	live_facts_compute(s, vm, fa);
	struct json j;
	json_init(&j, f, pretty);
	json_obj_begin(&j, NULL);
	json_int(&j, "version", 1);
	json_str(&j, "root", v->root);
	json_str(&j, "kernel", vm->kernel_release[0] ? vm->kernel_release : NULL);
	json_str(&j, "arch", vm->arch[0] ? vm->arch : NULL);
	json_int(&j, "page_size_kb", fa->page_size_kib);

	json_obj_begin(&j, "memory");
	json_int(&j, "total_kb", m->total_kib);
	json_int(&j, "available_kb", m->available_kib);
	json_int(&j, "free_kb", m->free_kib);
	json_int(&j, "anon_kb", m->anon_kib);
	json_int(&j, "file_kb", m->file_kib);
	json_int(&j, "shmem_kb", m->shmem_kib);
	json_int(&j, "slab_kb", fa->slab_kib);
	json_int(&j, "slab_reclaimable_kb", m->slab_reclaimable_kib);
	json_int(&j, "slab_unreclaimable_kb", m->slab_unreclaimable_kib);
	json_int(&j, "pagetables_kb", m->pagetables_kib);
	json_int(&j, "kernel_stack_kb", m->kernel_stack_kib);
	json_int(&j, "hugetlb_kb", m->hugetlb_kib);
	json_int(&j, "hugepages_total", m->hugepages_total);
	json_int(&j, "hugepages_free", m->hugepages_free);
	json_int(&j, "swap_total_kb", m->swap_total_kib);
	json_int(&j, "swap_free_kb", m->swap_free_kib);
	json_int(&j, "zswap_kb", m->zswap_kib);
	json_int(&j, "zswapped_kb", m->zswapped_kib);
	json_int(&j, "zram_orig_kb", vm->zram_orig_kib);
	json_int(&j, "zram_compr_kb", vm->zram_compr_kib);
	json_arr_begin(&j, "slab_caches");
	for (int i = 0; i < s->nr_slabs; i++) {
		json_obj_begin(&j, NULL);
		json_str(&j, "name", s->slabs[i].name);
		json_int(&j, "total_kb", s->slabs[i].total_kib);
		json_int(&j, "used_kb", s->slabs[i].used_kib);
		json_obj_end(&j);
	}
	json_arr_end(&j);
	json_obj_end(&j);

	json_obj_begin(&j, "overcommit");
	json_int(&j, "mode", vm->overcommit_memory);
	json_int(&j, "ratio", vm->overcommit_ratio);
	json_int(&j, "kbytes", vm->overcommit_kbytes);
	json_int(&j, "commit_limit_kb", m->commit_limit_kib);
	json_int(&j, "commit_limit_formula_kb", fa->commit_limit_formula_kib);
	json_int(&j, "committed_as_kb", m->committed_as_kib);
	json_int(&j, "headroom_kb", fa->commit_headroom_kib);
	json_int(&j, "mode0_max_request_kb", fa->mode0_max_request_kib);
	json_str(&j, "mode0_rule", fa->mode0_rule);
	json_arr_begin(&j, "ratio_what_if");
	for (int i = 0; i < fa->nr_whatif; i++) {
		json_obj_begin(&j, NULL);
		json_int(&j, "ratio", fa->whatif_ratio[i]);
		json_int(&j, "commit_limit_kb", fa->whatif_limit_kib[i]);
		json_obj_end(&j);
	}
	json_arr_end(&j);
	json_obj_end(&j);

	json_arr_begin(&j, "zones");
	for (int i = 0; i < s->nr_zones; i++) {
		const struct oom_zone *z = &s->zones[i];
		const struct live_zone_facts *zf = &fa->zones[i];
		json_obj_begin(&j, NULL);
		json_int(&j, "node", z->node);
		json_str(&j, "zone", z->name);
		json_int(&j, "free_kb", z->free_kib);
		json_int(&j, "min_kb", z->min_kib);
		json_int(&j, "low_kb", z->low_kib);
		json_int(&j, "high_kb", z->high_kib);
		json_int(&j, "boost_kb", z->boost_kib);
		json_int(&j, "managed_kb", z->managed_kib);
		json_int(&j, "present_kb", z->present_kib);
		json_arr_begin(&j, "lowmem_reserve_pages");
		for (int k = 0; k < z->nr_lowmem_reserve; k++)
			json_int(&j, NULL, z->lowmem_reserve_pages[k]);
		json_arr_end(&j);
		json_int(&j, "largest_free_order", z->nr_orders > 0 ? zf->largest_free_order : OOM_NA);
		json_arr_begin(&j, "free_blocks");
		for (int o = 0; o < z->nr_orders; o++)
			json_int(&j, NULL, z->free_blocks[o]);
		json_arr_end(&j);
		json_arr_begin(&j, "orders_ok");
		if (zf->orders_known)
			for (int o = 0; o < LIVE_MAX_ORDER_CHECK; o++)
				json_bool(&j, NULL, zf->order_ok[o]);
		json_arr_end(&j);
		json_arr_begin(&j, "unusable_index");
		for (int o = 0; o < LIVE_MAX_ORDER_CHECK && z->nr_orders > 0; o++)
			json_double(&j, NULL, zf->unusable_index[o] / 1000.0, 3);
		json_arr_end(&j);
		json_arr_begin(&j, "fragmentation_index");
		for (int o = 0; o < LIVE_MAX_ORDER_CHECK && z->nr_orders > 0; o++)
			json_double(&j, NULL, zf->frag_index[o] / 1000.0, 3);
		json_arr_end(&j);
		json_obj_end(&j);
	}
	json_arr_end(&j);
	json_bool(&j, "bits32", fa->bits32);

	json_obj_begin(&j, "pressure");
	if (vm->psi_known) {
		json_psi_line(&j, "some", &vm->psi.some);
		json_psi_line(&j, "full", &vm->psi.full);
	} else {
		json_null(&j, "some");
		json_null(&j, "full");
	}
	json_obj_end(&j);

	memcg_section_json(&j, v);
	json_obj_begin(&j, "history");
	json_int(&j, "oom_kills", vm->oom_kill_count);
	json_int(&j, "compact_stall", vm->compact_stall);
	json_int(&j, "compact_fail", vm->compact_fail);
	json_bool(&j, "log_read", v->h && v->h->log_read);
	if (v->h && v->h->have_last) {
		json_obj_begin(&j, "last_report");
		json_int(&j, "reports_in_log", v->h->nr_events);
		json_str(&j, "kind", v->h->last_kind);
		json_str(&j, "time", v->h->last_time[0] ? v->h->last_time : NULL);
		char iso[40];
		if (v->h->last_wall_time > 0 && fmt_iso8601(iso, sizeof(iso), v->h->last_wall_time))
			json_str(&j, "time_iso", iso);
		else
			json_null(&j, "time_iso");
		json_str(&j, "time_basis", walltime_basis_name((enum walltime_basis)v->h->last_wall_basis));
		json_str(&j, "victim", v->h->last_victim[0] ? v->h->last_victim : NULL);
		json_bool(&j, "victim_is_test_hog", !strcmp(v->h->last_victim, OOMKIT_TEST_HOG_COMM));
		json_int(&j, "victim_pid", v->h->last_victim_pid);
		json_int(&j, "victim_rss_kb", v->h->last_victim_rss_kib);
		json_str(&j, "cause_id", v->h->last_cause_id[0] ? v->h->last_cause_id : NULL);
		json_str(&j, "cause", v->h->last_cause[0] ? v->h->last_cause : NULL);
		json_obj_end(&j);
	} else {
		json_null(&j, "last_report");
	}
	json_obj_end(&j);

	json_obj_begin(&j, "settings");
	json_int(&j, "panic_on_oom", vm->panic_on_oom);
	json_int(&j, "oom_kill_allocating_task", vm->oom_kill_allocating_task);
	json_int(&j, "oom_dump_tasks", vm->oom_dump_tasks);
	json_int(&j, "min_free_kbytes", vm->min_free_kbytes);
	json_int(&j, "min_free_kbytes_default", fa->min_free_default_kib);
	json_int(&j, "min_free_kbytes_thp", fa->min_free_thp_kib);
	json_int(&j, "watermark_scale_factor", vm->watermark_scale_factor);
	json_int(&j, "watermark_boost_factor", vm->watermark_boost_factor);
	json_int(&j, "swappiness", vm->swappiness);
	json_int(&j, "admin_reserve_kbytes", vm->admin_reserve_kbytes);
	json_int(&j, "user_reserve_kbytes", vm->user_reserve_kbytes);
	json_str(&j, "thp_enabled", vm->thp_enabled[0] ? vm->thp_enabled : NULL);
	json_str(&j, "thp_defrag", vm->thp_defrag[0] ? vm->thp_defrag : NULL);
	json_obj_end(&j);

	json_arr_begin(&j, "findings");
	for (int i = 0; i < v->f->n; i++) {
		const struct finding *x = &v->f->items[i];
		json_obj_begin(&j, NULL);
		json_str(&j, "id", x->id);
		json_str(&j, "severity", severity_name(x->severity));
		json_str(&j, "summary", x->summary);
		json_arr_begin(&j, "evidence");
		for (int k = 0; k < x->nr_evidence; k++)
			json_str(&j, NULL, x->evidence[k]);
		json_arr_end(&j);
		json_arr_begin(&j, "advice");
		for (int k = 0; k < x->nr_advice; k++)
			json_str(&j, NULL, x->advice[k]);
		json_arr_end(&j);
		json_obj_end(&j);
	}
	json_arr_end(&j);
	json_obj_end(&j);
	json_end(&j);
	free(fa);
}

bool history_when(const struct oom_history *h, char *buf, size_t len)
{
	if (h->last_wall_time > 0 && h->last_wall_basis != WALL_NONE) {
		char w[80];
		if (fmt_when(w, sizeof(w), h->last_wall_time, time(NULL))) {
			snprintf(buf, len, "at %s", w);
			return true;
		}
	}
	if (!h->last_time[0])
		return false;
	double mono;
	if (walltime_parse_mono(h->last_time, strlen(h->last_time), &mono) == 0)
		snprintf(buf, len, "at %s s after boot (monotonic; boot time unknown)", h->last_time);
	else
		snprintf(buf, len, "at %s", h->last_time);
	return true;
}
