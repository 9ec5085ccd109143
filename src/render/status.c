/* status.c — the `oomkit status` screen and its JSON, and the short form of
 * the overview.  Draws the gathered snapshot, settings, derived facts and
 * findings; reads nothing.  Unknown quantities print as "unknown" / null. */
#include <stdarg.h>
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

/* ---- one field list for text and JSON ------------------------------------
 * Each section below lists its fields once, in the order both outputs show
 * them; each print_* call names the sinks it goes to (iproute2's
 * print_*(PRINT_ANY, key, fmt, value), lib/json_print.c): PRINT_ANY to
 * both, PRINT_FP to the text only (prose, composed values), PRINT_JSON to
 * the JSON only (keys the screen leaves out).  A text format holds one %s
 * for the value, already formatted (sizes as "1.5 GiB", unknown as
 * "unknown"); outside strings go through the terminal escaper first.  The
 * few values whose text and JSON places differ (kept so both outputs stay
 * as they were) are printed once per sink, marked "(text order)". */
enum { PRINT_FP = 1, PRINT_JSON = 2, PRINT_ANY = 3 };

struct out {
	FILE *f;                       /* text */
	struct json *j;                /* NULL: text */
	const struct style *st;
};

static bool to_sink(const struct out *o, int kind)
{
	return (kind & (o->j ? PRINT_JSON : PRINT_FP)) != 0;
}

/* Only where the text and JSON have one sink each: prose of the text. */
__attribute__((format(printf, 3, 4)))
static void print_fp(struct out *o, bool cond, const char *fmt, ...)
{
	if (o->j || !cond)
		return;
	va_list ap;
	va_start(ap, fmt);
	vfprintf(o->f, fmt, ap);
	va_end(ap);
}

static const char *raw(char *dst, size_t len, int64_t v)
{
	snprintf(dst, len, "%lld", (long long)v);
	return dst;
}

/* A number: the JSON gets it as it is, the text as text_of() writes it. */
static void print_i64(struct out *o, int kind, const char *key, const char *fmt, int64_t v,
		      const char *(*text_of)(char *, size_t, int64_t))
{
	if (!to_sink(o, kind))
		return;
	char b[32];
	if (o->j)
		json_int(o->j, key, v);
	else if (fmt)
		fprintf(o->f, fmt, text_of(b, sizeof(b), v));
}

/* A size in KiB: "1.5 GiB" in the text, "unknown" when OOM_NA. */
static void print_kib(struct out *o, int kind, const char *key, const char *fmt, int64_t kib)
{
	print_i64(o, kind, key, fmt, kib, sz);
}

/* A count: "unknown" in the text when OOM_NA. */
static void print_num(struct out *o, int kind, const char *key, const char *fmt, int64_t v)
{
	print_i64(o, kind, key, fmt, v, num);
}

/* A number printed as it is (%lld) in the text. */
static void print_int(struct out *o, int kind, const char *key, const char *fmt, int64_t v)
{
	print_i64(o, kind, key, fmt, v, raw);
}

/* A string (NULL: JSON null, the text prints text_null). */
static void print_str_or(struct out *o, int kind, const char *key, const char *fmt, const char *s,
			 const char *text_null)
{
	if (!to_sink(o, kind))
		return;
	if (o->j) {
		json_str(o->j, key, s);
		return;
	}
	char e[4096];
	if (s)
		escape_term_to(e, sizeof(e), s, strlen(s), false);
	fprintf(o->f, fmt, s ? e : text_null);
}

static void print_str(struct out *o, int kind, const char *key, const char *fmt, const char *s)
{
	print_str_or(o, kind, key, fmt, s, "unknown");
}

static void print_double(struct out *o, int kind, const char *key, const char *fmt, double v)
{
	if (!to_sink(o, kind))
		return;
	if (o->j)
		json_double(o->j, key, v, 2);
	else
		fprintf(o->f, fmt, v);
}

static void print_bool(struct out *o, int kind, const char *key, bool v)
{
	if (to_sink(o, kind) && o->j)
		json_bool(o->j, key, v);
}

static void print_null(struct out *o, const char *key)
{
	if (o->j)
		json_null(o->j, key);
}

static void open_obj(struct out *o, const char *key)
{
	if (o->j)
		json_obj_begin(o->j, key);
}

static void close_obj(struct out *o)
{
	if (o->j)
		json_obj_end(o->j);
}

static void open_arr(struct out *o, const char *key)
{
	if (o->j)
		json_arr_begin(o->j, key);
}

static void close_arr(struct out *o)
{
	if (o->j)
		json_arr_end(o->j);
}

static void print_section(struct out *o, const char *name)
{
	if (!o->j)
		section(o->f, o->st, name);
}

/* Sinks: both, or only the JSON when the text leaves the field out. */
static int any_if(bool text_shows)
{
	return text_shows ? PRINT_ANY : PRINT_JSON;
}

/* ---- sections ----------------------------------------------------------- */

static void header_fields(struct out *o, const struct status_view *v, const struct live_facts *fa)
{
	const struct oom_system *vm = v->vm;
	print_fp(o, true, "%soomkit status%s — ", o->st->bold, o->st->reset);
	print_int(o, PRINT_JSON, "version", NULL, 1);
	print_str(o, any_if(v->root != NULL), "root", "captured tree %s, ", v->root);
	print_str(o, PRINT_ANY, "kernel", "kernel %s", vm->kernel_release[0] ? vm->kernel_release : NULL);
	print_str(o, any_if(vm->arch[0]), "arch", " (%s)", vm->arch[0] ? vm->arch : NULL);
	print_fp(o, true, "\n");
	print_int(o, PRINT_JSON, "page_size_kb", NULL, fa->page_size_kib);
}

/* Findings: first on the screen (the answer, then the numbers), last in
 * the JSON; the text line is finding_text's, shared with the short form. */
static void findings_fields(struct out *o, const struct status_view *v)
{
	print_section(o, "Findings");
	print_fp(o, v->f->n == 0, "  %sno risk found%s in what could be read.\n", o->st->green, o->st->reset);
	open_arr(o, "findings");
	for (int i = 0; i < v->f->n; i++) {
		const struct finding *x = &v->f->items[i];
		if (!o->j) {
			finding_text(o->f, x, o->st, true);
			continue;
		}
		open_obj(o, NULL);
		print_str(o, PRINT_JSON, "id", NULL, x->id);
		print_str(o, PRINT_JSON, "severity", NULL, severity_name(x->severity));
		print_str(o, PRINT_JSON, "summary", NULL, x->summary);
		open_arr(o, "evidence");
		for (int k = 0; k < x->nr_evidence; k++)
			print_str(o, PRINT_JSON, NULL, NULL, x->evidence[k]);
		close_arr(o);
		open_arr(o, "advice");
		for (int k = 0; k < x->nr_advice; k++)
			print_str(o, PRINT_JSON, NULL, NULL, x->advice[k]);
		close_arr(o);
		close_obj(o);
	}
	close_arr(o);
}

static void memory_fields(struct out *o, const struct status_view *v, const struct live_facts *fa)
{
	const struct oom_snapshot *s = v->s;
	const struct oom_mem *m = &s->mem;
	const struct oom_system *vm = v->vm;
	bool shown = v->meminfo_known;          /* the text says "unknown" once instead */
	int any = any_if(shown), fp = shown ? PRINT_FP : 0;
	print_section(o, "Memory");
	print_fp(o, !shown, "  unknown (no proc/meminfo)\n");
	open_obj(o, "memory");
	int64_t pct = known(m->available_kib) && known(m->total_kib) && m->total_kib > 0
		      ? m->available_kib * 100 / m->total_kib : OOM_NA;
	print_kib(o, any, "total_kb", "  total %s", m->total_kib);
	print_kib(o, any, "available_kb", ", available %s", m->available_kib);
	print_num(o, fp, NULL, " (%s %%)", pct);
	print_kib(o, any, "free_kb", ", free %s\n", m->free_kib);
	print_kib(o, any, "anon_kb", "  anon %s", m->anon_kib);
	print_kib(o, any, "file_kb", " · file %s", m->file_kib);
	print_kib(o, any, "shmem_kb", " · shmem/tmpfs %s", m->shmem_kib);
	print_kib(o, any, "slab_kb", " · slab %s", fa->slab_kib);
	print_kib(o, PRINT_JSON, "slab_reclaimable_kb", NULL, m->slab_reclaimable_kib);
	print_kib(o, any, "slab_unreclaimable_kb", " (unreclaimable %s)\n", m->slab_unreclaimable_kib);
	print_kib(o, any, "pagetables_kb", "  page tables %s", m->pagetables_kib);
	print_kib(o, any, "kernel_stack_kb", " · kernel stacks %s", m->kernel_stack_kib);
	print_kib(o, any, "hugetlb_kb", " · hugepages %s reserved", m->hugetlb_kib);
	print_num(o, any, "hugepages_total", " (%s total", m->hugepages_total);
	print_num(o, any, "hugepages_free", ", %s free)\n", m->hugepages_free);
	bool no_swap = known(m->swap_total_kib) && m->swap_total_kib == 0;
	print_fp(o, shown && no_swap, "  swap none");
	print_kib(o, no_swap ? 0 : fp, NULL, "  swap %s used",
		  known(m->swap_total_kib) && known(m->swap_free_kib) ? m->swap_total_kib - m->swap_free_kib : OOM_NA);
	print_kib(o, any_if(shown && !no_swap), "swap_total_kb", " of %s", m->swap_total_kib);
	print_kib(o, PRINT_JSON, "swap_free_kb", NULL, m->swap_free_kib);
	int zswap = any_if(shown && known(m->zswap_kib));
	print_kib(o, zswap, "zswap_kb", " · zswap %s", m->zswap_kib);
	print_kib(o, zswap, "zswapped_kb", " (holding %s)", m->zswapped_kib);
	int zram = any_if(shown && known(vm->zram_orig_kib));
	print_kib(o, zram, "zram_orig_kb", " · zram %s", vm->zram_orig_kib);
	print_kib(o, zram, "zram_compr_kb", " stored in %s", vm->zram_compr_kib);
	print_fp(o, shown, "\n");
	/* The text names the five largest caches, the JSON has them all. */
	print_fp(o, shown && s->nr_slabs > 0, "  largest slab caches:");
	open_arr(o, "slab_caches");
	for (int i = 0; i < s->nr_slabs && (o->j || i < 5); i++) {
		open_obj(o, NULL);
		print_str(o, any, "name", " %s", s->slabs[i].name);
		print_kib(o, any, "total_kb", " %s", s->slabs[i].total_kib);
		print_kib(o, PRINT_JSON, "used_kb", NULL, s->slabs[i].used_kib);
		print_fp(o, shown && i + 1 < s->nr_slabs && i < 4, ",");
		close_obj(o);
	}
	close_arr(o);
	print_fp(o, shown && s->nr_slabs > 0, "\n");
	print_fp(o, shown && s->nr_slabs == 0 && !v->slab_known,
		 "  largest slab caches: unknown (/proc/slabinfo not readable)\n");
	close_obj(o);
}

static void overcommit_fields(struct out *o, const struct status_view *v, const struct live_facts *fa)
{
	const struct oom_mem *m = &v->s->mem;
	const struct oom_system *vm = v->vm;
	print_section(o, "Overcommit");
	open_obj(o, "overcommit");
	print_num(o, PRINT_ANY, "mode", "  mode %s", vm->overcommit_memory);
	print_fp(o, true, " (%s)", mode_name(vm->overcommit_memory));
	bool by_kbytes = known(vm->overcommit_kbytes) && vm->overcommit_kbytes > 0;
	print_num(o, any_if(!by_kbytes), "ratio", ", ratio %s %%\n", vm->overcommit_ratio);
	print_num(o, any_if(by_kbytes), "kbytes", ", overcommit_kbytes %s\n", vm->overcommit_kbytes);
	print_kib(o, PRINT_ANY, "commit_limit_kb", "  CommitLimit %s", m->commit_limit_kib);
	print_kib(o, PRINT_JSON, "commit_limit_formula_kb", NULL, fa->commit_limit_formula_kib);
	print_kib(o, PRINT_ANY, "committed_as_kb", ", Committed_AS %s", m->committed_as_kib);
	print_kib(o, PRINT_ANY, "headroom_kb", ", headroom %s", fa->commit_headroom_kib);
	print_fp(o, true, "%s\n", vm->overcommit_memory == 2 ? "" : " (enforced only in mode 2)");
	/* (text order) the rule, then the size; the JSON the other way round */
	print_str(o, fa->mode0_rule ? PRINT_FP : 0, NULL, "  mode 0 %s", fa->mode0_rule);
	print_kib(o, any_if(fa->mode0_rule), "mode0_max_request_kb", ": now at most %s in one request\n",
		  fa->mode0_max_request_kib);
	print_str(o, PRINT_JSON, "mode0_rule", NULL, fa->mode0_rule);
	print_fp(o, fa->nr_whatif > 0, "  mode 2 CommitLimit by ratio:");
	open_arr(o, "ratio_what_if");
	for (int i = 0; i < fa->nr_whatif; i++) {
		open_obj(o, NULL);
		print_int(o, PRINT_ANY, "ratio", " %s %%", fa->whatif_ratio[i]);
		print_kib(o, PRINT_ANY, "commit_limit_kb", " → %s", fa->whatif_limit_kib[i]);
		print_fp(o, true, "%s", i + 1 < fa->nr_whatif ? ";" : "\n");
		close_obj(o);
	}
	close_arr(o);
	close_obj(o);
}

/* "orders 0-3 pass, 4 fail" on the screen; zone_watermark_ok per order in the JSON. */
static void orders_fields(struct out *o, int kind, const struct live_zone_facts *zf)
{
	if (o->j) {
		open_arr(o, "orders_ok");
		if (zf->orders_known)
			for (int k = 0; k < LIVE_MAX_ORDER_CHECK; k++)
				json_bool(o->j, NULL, zf->order_ok[k]);
		close_arr(o);
	} else if (kind & PRINT_FP) {
		fputs(", orders ", o->f);
		orders_text(o->f, zf);
	}
}

/* Orders 2, 3 and 9 on the screen; every order in the JSON. */
static void unusable_fields(struct out *o, int kind, const struct oom_zone *z, const struct live_zone_facts *zf)
{
	if (o->j) {
		open_arr(o, "unusable_index");
		for (int k = 0; k < LIVE_MAX_ORDER_CHECK && z->nr_orders > 0; k++)
			json_double(o->j, NULL, zf->unusable_index[k] / 1000.0, 3);
		close_arr(o);
	} else if ((kind & PRINT_FP) && z->nr_orders > 0) {
		fprintf(o->f, "; unusable index order 2/3/9: %d.%03d/%d.%03d/%d.%03d", zf->unusable_index[2] / 1000,
			zf->unusable_index[2] % 1000, zf->unusable_index[3] / 1000, zf->unusable_index[3] % 1000,
			zf->unusable_index[9] / 1000, zf->unusable_index[9] % 1000);
	}
}

static void zones_fields(struct out *o, const struct status_view *v, const struct live_facts *fa)
{
	const struct oom_snapshot *s = v->s;
	print_section(o, "Zones (free against watermarks; orders that pass zone_watermark_ok at min now)");
	print_fp(o, s->nr_zones == 0, "  unknown (no proc/zoneinfo or buddyinfo)\n");
	open_arr(o, "zones");
	for (int i = 0; i < s->nr_zones; i++) {
		const struct oom_zone *z = &s->zones[i];
		const struct live_zone_facts *zf = &fa->zones[i];
		/* The screen leaves out empty zones the buddy allocator never had. */
		bool shown = zf->usable || z->nr_orders > 0;
		int any = any_if(shown), fp = shown ? PRINT_FP : 0;
		open_obj(o, NULL);
		print_int(o, any, "node", "  node %s", z->node);
		print_str(o, any, "zone", " %-7s", z->name);
		print_kib(o, any, "free_kb", " free %-9s", z->free_kib);
		print_kib(o, any, "min_kb", " min %-9s", z->min_kib);
		print_kib(o, any, "low_kb", " low %-9s", z->low_kib);
		print_kib(o, any, "high_kb", " high %-9s", z->high_kib);
		print_kib(o, any_if(shown && known(z->boost_kib) && z->boost_kib > 0), "boost_kb", " boost %s", z->boost_kib);
		print_fp(o, shown, "\n");
		print_kib(o, any, "managed_kb", "      managed %s", z->managed_kib);
		print_kib(o, PRINT_JSON, "present_kb", NULL, z->present_kib);
		print_fp(o, shown, ", reserve [");
		open_arr(o, "lowmem_reserve_pages");
		for (int k = 0; k < z->nr_lowmem_reserve; k++)
			print_int(o, any, NULL, k ? " %s" : "%s", z->lowmem_reserve_pages[k]);
		close_arr(o);
		print_fp(o, shown, "] pages");
		/* (text order) -1 on the screen when no order is known, null in the JSON */
		print_int(o, fp, NULL, ", largest free order %s", zf->largest_free_order);
		print_int(o, PRINT_JSON, "largest_free_order", NULL, z->nr_orders > 0 ? zf->largest_free_order : OOM_NA);
		open_arr(o, "free_blocks");
		for (int k = 0; k < z->nr_orders; k++)
			print_int(o, PRINT_JSON, NULL, NULL, z->free_blocks[k]);
		close_arr(o);
		orders_fields(o, fp, zf);
		unusable_fields(o, fp, z, zf);
		if (o->j) {
			open_arr(o, "fragmentation_index");
			for (int k = 0; k < LIVE_MAX_ORDER_CHECK && z->nr_orders > 0; k++)
				json_double(o->j, NULL, zf->frag_index[k] / 1000.0, 3);
			close_arr(o);
		}
		print_fp(o, shown, "\n");
		close_obj(o);
	}
	close_arr(o);
	print_bool(o, PRINT_JSON, "bits32", fa->bits32);
	print_kib(o, fa->bits32 ? PRINT_FP : 0, NULL, "  32-bit: lowmem %s managed", fa->lowmem_managed_kib);
	print_kib(o, fa->bits32 ? PRINT_FP : 0, NULL, ", HighMem %s managed\n", fa->highmem_managed_kib);
}

static void psi_fields(struct out *o, const char *key, const char *label, const struct oom_psi_line *p, bool known_)
{
	if (!known_ || !p->known) {
		print_null(o, key);
		return;
	}
	open_obj(o, key);
	print_fp(o, true, "%s", label);
	print_double(o, PRINT_ANY, "avg10", " %.2f", p->avg10);
	print_double(o, PRINT_ANY, "avg60", " %.2f", p->avg60);
	print_double(o, PRINT_ANY, "avg300", " %.2f", p->avg300);
	if (o->j)
		json_uint(o->j, "total_us", p->total_us);
	close_obj(o);
}

static void pressure_fields(struct out *o, const struct status_view *v)
{
	const struct oom_system *vm = v->vm;
	print_section(o, "Pressure (PSI, % of time stalled on memory: avg10 avg60 avg300)");
	print_fp(o, !vm->psi_known, "  unknown (no proc/pressure/memory: kernel < 4.20, CONFIG_PSI off or psi=0)\n");
	open_obj(o, "pressure");
	/* "some" is printed whenever PSI is, as the kernel always writes it. */
	struct oom_psi_line some = vm->psi.some;
	some.known = some.known || (vm->psi_known && !o->j);
	psi_fields(o, "some", "  some", &some, vm->psi_known);
	psi_fields(o, "full", " · full", &vm->psi.full, vm->psi_known);
	print_fp(o, vm->psi_known, "\n");
	close_obj(o);
}

static int64_t memcg_page_kib(const struct status_view *v)
{
	return known(v->s->page_size_kib) && v->s->page_size_kib > 0 ? v->s->page_size_kib : 4;
}

/* The memory cgroups: the fullest, their OOM counters, their largest process. */
static void memcg_fields(struct out *o, const struct status_view *v)
{
	const struct oom_memcg_summary *mc = v->memcgs;
	print_section(o, "Memory cgroups");
	if (!mc) {
		print_fp(o, true, "  no memory controller found (sys/fs/cgroup/memory or a cgroup2 with memory)\n\n");
		print_null(o, "memory_cgroups");
		return;
	}
	open_obj(o, "memory_cgroups");
	print_int(o, PRINT_ANY, "version", "  cgroup v%s", mc->version);
	print_int(o, PRINT_ANY, "cgroups", ": %s memory cgroups", mc->nr_cgroups);
	print_int(o, PRINT_ANY, "limited", ", %s with a limit", mc->nr_limited);
	print_int(o, PRINT_ANY, "with_oom_kills", ", %s with OOM kills\n", mc->nr_with_kills);
	print_fp(o, true, "%s", mc->n == 0 ? "  no cgroup below the root has a memory limit\n" : "  closest to their limit:\n");
	open_arr(o, "fullest");
	for (int i = 0; i < mc->n; i++) {
		const struct oom_memcg_summary_item *it = &mc->v[i];
		const struct oom_memcg *m = &it->cg;
		char a[32];
		int64_t pct = m->limit_kib > 0 ? sat_mul(m->usage_kib, 100) / m->limit_kib : 0;
		bool hot = pct >= 90;
		int64_t high = m->version == 2 && m->high_kib != OOM_UNLIMITED ? m->high_kib : OOM_NA;
		int64_t oom = m->version == 2 ? m->oom_events : OOM_NA;
		int64_t max = m->version == 2 ? m->max_events : OOM_NA;
		int64_t failcnt = m->version == 1 ? m->failcnt : OOM_NA;
		int64_t under_oom = m->version == 1 ? m->under_oom : OOM_NA;
		open_obj(o, NULL);
		print_fp(o, true, "  %s%3lld%%%s ", hot ? o->st->bold : "", (long long)pct, hot ? o->st->reset : "");
		print_str(o, PRINT_ANY, "path", "%s", m->path);
		/* the pod and container a kubepods path names (model/kubepods.c) */
		char kd[400];
		if (o->j)
			kube_json(o->j, "kube", m->path, v->kube);
		else if (kube_describe(kd, sizeof(kd), m->path, strlen(m->path), v->kube))
			print_str(o, PRINT_FP, NULL, " = %s", kd);
		print_str(o, PRINT_FP, NULL, ": %s", fmt_kib(a, sizeof(a), m->usage_kib));
		print_int(o, PRINT_JSON, "usage_kb", NULL, m->usage_kib);
		print_str(o, PRINT_FP, NULL, " of %s", fmt_kib(a, sizeof(a), m->limit_kib));
		print_int(o, PRINT_JSON, "limit_kb", NULL, m->limit_kib);
		print_kib(o, any_if(known(high)), "high_kb", ", high %s", high);
		print_int(o, any_if(known(m->oom_kill_count)), "oom_kill", ", oom_kill %s", m->oom_kill_count);
		print_int(o, any_if(known(oom)), "oom_events", ", oom %s", oom);
		print_int(o, any_if(known(max)), "max_events", ", max %s", max);
		print_int(o, any_if(known(failcnt)), "failcnt", ", failcnt %s", failcnt);
		print_int(o, PRINT_JSON, "under_oom", NULL, under_oom);
		print_fp(o, known(under_oom) && under_oom > 0, ", under_oom");
		print_int(o, PRINT_JSON, "processes", NULL, it->nr_procs);
		if (known(it->largest_pid)) {
			int64_t kib = sat_mul(it->largest_pages, memcg_page_kib(v));
			bool hog = !strcmp(it->largest_comm, OOMKIT_TEST_HOG_COMM);
			open_obj(o, "largest");
			/* (text order) the name, then the pid */
			print_int(o, PRINT_JSON, "pid", NULL, it->largest_pid);
			print_str(o, PRINT_ANY, "comm", "; largest %s", it->largest_comm);
			print_int(o, PRINT_FP, NULL, " (%s", it->largest_pid);
			print_str(o, PRINT_FP, NULL, ", %s)", fmt_kib(a, sizeof(a), kib));
			print_int(o, PRINT_JSON, "rss_swap_kb", NULL, kib);
			print_bool(o, PRINT_JSON, "test_hog", hog);
			print_fp(o, hog, " [an oomkit test hog]");
			close_obj(o);
		} else {
			print_null(o, "largest");
		}
		print_fp(o, true, "\n");
		close_obj(o);
	}
	close_arr(o);
	print_fp(o, mc->n > 0, "%s", mc->version == 2
		 ? "  (memory.high below memory.max throttles a cgroup before its OOM kill)\n"
		 : "  (cgroup v1 has no memory.high; oomkit guard --cgroup DIR acts below the limit)\n");
	print_fp(o, true, "\n");
	close_obj(o);
}

static void history_fields(struct out *o, const struct status_view *v)
{
	const struct oom_system *vm = v->vm;
	const struct oom_history *h = v->h;
	print_section(o, "History");
	open_obj(o, "history");
	print_num(o, PRINT_ANY, "oom_kills", "  OOM kills since boot: %s", vm->oom_kill_count);
	int stalls = any_if(known(vm->compact_stall));
	print_int(o, stalls, "compact_stall", " · compaction stalls %s", vm->compact_stall);
	print_num(o, stalls, "compact_fail", " (failed %s)", vm->compact_fail);
	print_fp(o, true, "\n");
	print_bool(o, PRINT_JSON, "log_read", h && h->log_read);
	if (h && h->have_last) {
		open_obj(o, "last_report");
		print_int(o, PRINT_ANY, "reports_in_log", "  last kernel OOM report (%s in the log)", h->nr_events);
		print_str(o, PRINT_ANY, "kind", ": %s OOM", h->last_kind);
		char when[128], iso[40];
		print_str(o, history_when(h, when, sizeof(when)) ? PRINT_FP : 0, NULL, " %s", when);
		print_str(o, PRINT_JSON, "time", NULL, h->last_time[0] ? h->last_time : NULL);
		print_str(o, PRINT_JSON, "time_iso", NULL,
			  h->last_wall_time > 0 && fmt_iso8601(iso, sizeof(iso), h->last_wall_time) ? iso : NULL);
		print_str(o, PRINT_JSON, "time_basis", NULL, walltime_basis_name((enum walltime_basis)h->last_wall_basis));
		int victim = any_if(h->last_victim[0]);
		bool hog = !strcmp(h->last_victim, OOMKIT_TEST_HOG_COMM);
		print_str(o, victim, "victim", ", killed %s", h->last_victim[0] ? h->last_victim : NULL);
		print_bool(o, PRINT_JSON, "victim_is_test_hog", hog);
		print_int(o, victim, "victim_pid", " (%s", h->last_victim_pid);
		print_kib(o, victim, "victim_rss_kb", ", rss %s)", h->last_victim_rss_kib);
		print_fp(o, h->last_victim[0] && hog, " — a test hog of oomkit's make check, not this machine's own");
		print_fp(o, true, "\n");
		int cause = any_if(h->last_cause_id[0]);
		print_str(o, cause, "cause_id", "  likely cause: %s — ", h->last_cause_id[0] ? h->last_cause_id : NULL);
		print_str_or(o, cause, "cause", "%s\n  (oomkit explain tells the whole story)\n",
			     h->last_cause[0] ? h->last_cause : NULL, "");
		close_obj(o);
	} else {
		print_fp(o, h && h->log_read, "  no OOM report in the kernel log ring\n");
		print_str(o, h && !h->log_read ? PRINT_FP : 0, NULL, "  kernel log: %s\n", h ? h->log_error : NULL);
		print_null(o, "last_report");
	}
	close_obj(o);
}

static void settings_fields(struct out *o, const struct status_view *v, const struct live_facts *fa)
{
	const struct oom_system *vm = v->vm;
	print_section(o, "Settings");
	open_obj(o, "settings");
	print_num(o, PRINT_ANY, "panic_on_oom", "  panic_on_oom %s", vm->panic_on_oom);
	print_num(o, PRINT_ANY, "oom_kill_allocating_task", " · oom_kill_allocating_task %s", vm->oom_kill_allocating_task);
	print_num(o, PRINT_ANY, "oom_dump_tasks", " · oom_dump_tasks %s", vm->oom_dump_tasks);
	/* (text order) swappiness closes the first line; the JSON has it below */
	print_num(o, PRINT_FP, NULL, " · swappiness %s\n", vm->swappiness);
	print_num(o, PRINT_ANY, "min_free_kbytes", "  min_free_kbytes %s", vm->min_free_kbytes);
	print_num(o, PRINT_ANY, "min_free_kbytes_default", " (kernel default ~%s", fa->min_free_default_kib);
	print_int(o, any_if(known(fa->min_free_thp_kib)), "min_free_kbytes_thp", ", THP recommends %s",
		  fa->min_free_thp_kib);
	print_num(o, PRINT_ANY, "watermark_scale_factor", ") · watermark_scale_factor %s", vm->watermark_scale_factor);
	print_num(o, PRINT_JSON, "watermark_boost_factor", NULL, vm->watermark_boost_factor);
	print_num(o, PRINT_JSON, "swappiness", NULL, vm->swappiness);
	print_num(o, PRINT_ANY, "admin_reserve_kbytes", " · admin_reserve_kbytes %s\n", vm->admin_reserve_kbytes);
	print_num(o, PRINT_JSON, "user_reserve_kbytes", NULL, vm->user_reserve_kbytes);
	print_str(o, PRINT_ANY, "thp_enabled", "  THP enabled %s", vm->thp_enabled[0] ? vm->thp_enabled : NULL);
	print_str(o, PRINT_ANY, "thp_defrag", ", defrag %s\n", vm->thp_defrag[0] ? vm->thp_defrag : NULL);
	close_obj(o);
}

/* One walk over the sections for either sink. */
static void status_fields(struct out *o, const struct status_view *v)
{
	struct live_facts *fa = calloc(1, sizeof(*fa));
	if (!fa)
		return;
	live_facts_compute(v->s, v->vm, fa);
	open_obj(o, NULL);
	header_fields(o, v, fa);
	if (!o->j)
		findings_fields(o, v);
	memory_fields(o, v, fa);
	overcommit_fields(o, v, fa);
	zones_fields(o, v, fa);
	pressure_fields(o, v);
	memcg_fields(o, v);
	history_fields(o, v);
	settings_fields(o, v, fa);
	if (o->j)
		findings_fields(o, v);
	close_obj(o);
	free(fa);
}

void render_status_text(FILE *f, const struct status_view *v, const struct style *st)
{
	struct out o = { f, NULL, st };
	status_fields(&o, v);
}

void render_status_json(FILE *f, const struct status_view *v, bool pretty)
{
	static const struct style plain;
	struct json j;
	json_init(&j, f, pretty);
	struct out o = { f, &j, &plain };
	status_fields(&o, v);
	json_end(&j);
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
