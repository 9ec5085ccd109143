/* explain_text.c — the terminal report of one OOM event: what was asked for,
 * what constrained it, where the memory was, why the request failed per zone,
 * who was killed and whether that was the era's best choice, why swap did not
 * help, and the causes with evidence and advice.  A few screens at most; -v
 * shows every task and zone.  Outside strings only through escape_term. */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "model/kernel.h"
#include "model/kubepods.h"
#include "render/render.h"
#include "report/walltime.h"

#define TOP_TASKS 10

static void put(FILE *f, const char *s)
{
	if (s)
		escape_term(f, s, strlen(s));
}

/* "    Kubernetes: pod … (QoS), container …" under a cgroup path that names one. */
static void kube_line(FILE *f, const char *path)
{
	char k[400];
	if (path && kube_describe(k, sizeof(k), path, strlen(path), NULL)) {
		fputs("    Kubernetes: ", f);
		put(f, k);
		fputc('\n', f);
	}
}

static const char *K(char *b, size_t n, int64_t kib)
{
	if (!known(kib))
		return "?";
	return fmt_kib(b, n, kib);
}

/* A cgroup limit of PAGE_COUNTER_MAX (v1 prints 9007199254740988kB) or
 * anything past an exbibyte means "no limit". */
static const char *L(char *b, size_t n, int64_t kib)
{
	if (known(kib) && kib >= (1LL << 50))
		return "unlimited";
	return K(b, n, kib);
}

/* "  NAME: usage U of limit L" / "… (no limit)". */
static void usage_of(FILE *f, const char *name, int64_t usage_kib, int64_t limit_kib)
{
	char b1[32], b2[32];
	const char *lim = L(b2, sizeof(b2), limit_kib);
	if (strcmp(lim, "unlimited") == 0)
		fprintf(f, "  %s: usage %s (no limit)\n", name, K(b1, sizeof(b1), usage_kib));
	else
		fprintf(f, "  %s: usage %s of limit %s\n", name, K(b1, sizeof(b1), usage_kib), lim);
}

static void heading(FILE *f, const struct style *st, const char *title)
{
	fprintf(f, "\n%s%s%s\n", st->bold, title, st->reset);
}

static void missing(FILE *f, const struct style *st, const char *what)
{
	fprintf(f, "  %s%s: not in the report%s\n", st->dim, what, st->reset);
}

/* ---- title --------------------------------------------------------------- */

const char *explain_kind_text(const struct oom_event *ev, const struct event_analysis *a)
{
	if (a->sysrq)
		return "manual OOM (sysrq)";
	switch (ev->kind) {
	case OOM_KIND_GLOBAL: return "system-wide OOM";
	case OOM_KIND_MEMCG: return "memory cgroup OOM";
	case OOM_KIND_CPUSET: return "cpuset-constrained OOM";
	case OOM_KIND_MEMPOLICY: return "memory-policy-constrained OOM";
	case OOM_KIND_ALLOC_FAILURE: return "page allocation failure";
	case OOM_KIND_SYSRQ: return "manual OOM (sysrq)";
	case OOM_KIND_FRAGMENT: return "fragment of a report (memory lines only)";
	case OOM_KIND_UNKNOWN: break;
	}
	return "OOM event";
}

const char *explain_outcome_text(enum oom_outcome o)
{
	switch (o) {
	case OOM_OUTCOME_KILLED: return "a process was killed";
	case OOM_OUTCOME_NO_KILLABLE: return "no process could be killed";
	case OOM_OUTCOME_PANIC: return "the kernel panicked";
	case OOM_OUTCOME_SKIPPED_EXITING: return "the victim was already exiting";
	case OOM_OUTCOME_NONE: return "nothing is killed for an allocation failure";
	case OOM_OUTCOME_UNKNOWN: break;
	}
	return "outcome not in the report";
}

static void title(FILE *f, const struct oom_event *ev, const struct event_analysis *a, const struct style *st,
		  const struct explain_opts *o)
{
	fprintf(f, "%s%s", st->bold, st->cyan);
	if (o->index > 0)
		fprintf(f, "OOM event %d: ", o->index);
	if (ev->alloc_stall_ms > 0)
		fprintf(f, "page allocation stall — the allocation was still being retried, nothing is killed%s\n", st->reset);
	else
		fprintf(f, "%s — %s%s\n", explain_kind_text(ev, a), explain_outcome_text(ev->outcome), st->reset);
	fputs("  ", f);
	if (ev->kernel[0]) {
		fputs("kernel ", f);
		put(f, ev->kernel);
	} else if (ev->kv.known) {
		fprintf(f, "kernel ~%d.%d (inferred from the report's shape)", ev->kv.major, ev->kv.minor);
	} else {
		fputs("kernel not in the report", f);
	}
	if (ev->arch[0]) {
		fputs(" ", f);
		put(f, ev->arch);
	}
	if (ev->time[0] || ev->wall_time > 0) {
		char when[128];
		fputs(" · ", f);
		put(f, walltime_event_text(ev, time(NULL), when, sizeof(when)));
	}
	if (ev->host[0]) {
		fputs(" · host ", f);
		put(f, ev->host);
	}
	if (ev->source[0]) {
		fputs(" · ", f);
		put(f, ev->source);
		if (ev->first_line)
			fprintf(f, ":%llu-%llu", (unsigned long long)ev->first_line, (unsigned long long)ev->last_line);
	}
	fputc('\n', f);
	if (ev->truncated)
		fprintf(f, "  %sthe report is cut: some parts are missing%s\n", st->yellow, st->reset);
	if (ev->header_missing)
		fprintf(f, "  %sthe report's header is not in the input (the kernel rate-limits it, or the log is cut): only the kill lines are known%s\n",
			st->yellow, st->reset);
}

/* ---- request ------------------------------------------------------------ */

static void section_request(FILE *f, const struct oom_event *ev, const struct event_analysis *a,
			    const struct style *st)
{
	char b[32];
	heading(f, st, "What was asked for");
	fputs("  ", f);
	if (ev->req.trigger_comm[0]) {
		fputs(st->bold, f);
		put(f, ev->req.trigger_comm);
		fputs(st->reset, f);
		if (known(ev->req.trigger_pid))
			fprintf(f, " (pid %lld)", (long long)ev->req.trigger_pid);
	} else if (known(ev->req.trigger_pid)) {
		fprintf(f, "the allocating process, pid %lld (its name not in the report)", (long long)ev->req.trigger_pid);
	} else if (ev->side.cma_alone) {
		fputs("a driver", f);
	} else {
		fputs("the allocating process (not in the report)", f);
	}
	if (ev->side.cma_alone && known(ev->side.cma_pages)) {
		/* report/linekind.c line_kind_cma_failure: the line names no
		 * task, order or gfp mask, only the pages and the area */
		fputs(" asked the CMA area", f);
		if (ev->side.cma_name[0]) {
			fputs(" \"", f);
			put(f, ev->side.cma_name);
			fputc('"', f);
		}
		fprintf(f, " for %lld contiguous pages (%s%s)\n", (long long)ev->side.cma_pages,
			K(b, sizeof(b), oom_pages_to_kib(ev->side.cma_pages, a->page_size_kib)),
			known(a->page_size_kib) ? "" : " at 4 KiB pages");
		if (known(ev->side.cma_free_pages) && known(ev->side.cma_total_pages))
			fprintf(f, "  the area had %lld of its %lld pages free\n", (long long)ev->side.cma_free_pages,
				(long long)ev->side.cma_total_pages);
		return;
	}
	if (a->sysrq) {
		fputs(" ran a manual OOM kill (sysrq f): order=-1, nothing was allocated\n", f);
	} else if (ev->req.nommu_known && !known(ev->req.order)) {
		/* report/linekind.c line_kind_nommu_failure */
		fprintf(f, " mapped %s without an MMU: one contiguous block (the order is not printed)\n",
			K(b, sizeof(b), ev->req.nommu_bytes / 1024));
	} else if (ev->req.over_max_order && !known(ev->req.order)) {
		/* report/linekind.c line_kind_max_order_warn */
		fputs(" asked for a block of order MAX_ORDER or more (the order is not printed): larger than the largest block the allocator keeps\n", f);
	} else if (known(ev->req.order)) {
		if (known(a->request_bytes))
			fprintf(f, " asked for %s: an order-%lld request", K(b, sizeof(b), a->request_bytes / 1024),
				(long long)ev->req.order);
		else
			fprintf(f, " made an order-%lld request (%lld pages; page size not in the report)",
				(long long)ev->req.order, (long long)(ev->req.order < 62 ? (int64_t)1 << ev->req.order : 0));
		fputc('\n', f);
	} else {
		fputs(" (order not in the report)\n", f);
	}
	if (a->gfp_hex[0]) {
		fputs("  gfp_mask ", f);
		put(f, a->gfp_hex);
		fputs(" = ", f);
		if (a->gfp_names_printed[0]) {
			put(f, a->gfp_names_printed);
		} else if (a->nr_gfp_names > 0 || a->gfp_unknown_bits) {
			for (int i = 0; i < a->nr_gfp_names; i++) {
				if (i)
					fputc('|', f);
				put(f, a->gfp_names[i]);
			}
			if (a->gfp_unknown_bits)
				fprintf(f, "%s%#llx", a->nr_gfp_names ? "|" : "", (unsigned long long)a->gfp_unknown_bits);
			if (ev->kv.known)
				fprintf(f, " (decoded with the %d.%d flag table%s)", ev->kv.major, ev->kv.minor,
					ev->kv.inferred ? ", era inferred" : "");
		} else {
			fputs("no flags", f);
		}
		fputc('\n', f);
		if (ev->req.gfp_known && ev->req.gfp_mask != 0 && !a->sysrq) {
			fputs("  ", f);
			if (a->zone_name) {
				fputs("may use zones up to ", f);
				put(f, a->zone_name);
				fputs("; ", f);
			}
			if (a->atomic)
				fputs("atomic: may not sleep, reclaim or swap", f);
			else if (!a->can_io)
				fputs("may reclaim but not do I/O (no swap-out)", f);
			else if (!a->can_fs)
				fputs("may reclaim and swap but not enter the filesystem", f);
			else
				fputs("may sleep, reclaim and swap", f);
			if (ev->alloc_stall_ms > 1)
				fprintf(f, "; it had been retrying for %lld ms and had not failed yet",
					(long long)ev->alloc_stall_ms);
			else if (ev->alloc_stall_ms > 0)
				fputs("; it was still retrying and had not failed yet", f);
			else if (ev->kind == OOM_KIND_ALLOC_FAILURE)
				fputs(a->may_oom ? "; it failed without invoking the OOM killer"
						 : "; the OOM killer is never invoked for such a request", f);
			fputc('\n', f);
		} else if (ev->req.gfp_known && ev->req.gfp_mask == 0 && !a->sysrq) {
			fputs("  gfp_mask 0: the OOM came from a page fault (pagefault_out_of_memory), not a specific allocation\n", f);
		}
	} else if (!a->sysrq) {
		missing(f, st, "gfp_mask");
	}
}

/* ---- constraint ---------------------------------------------------------- */

static void section_constraint(FILE *f, const struct oom_event *ev, const struct event_analysis *a,
			       const struct style *st)
{
	char b1[32], b2[32];
	const struct oom_memcg *m = &ev->snap.memcg;
	heading(f, st, "Constraint");
	if (a->sysrq)
		fputs("  manual: sysrq f asks the OOM killer to kill one task now\n", f);
	if (a->memcg) {
		fputs("  memory cgroup ", f);
		fputs(st->bold, f);
		put(f, ev->oom_memcg[0] ? ev->oom_memcg : m->path[0] ? m->path : "(path not in the report)");
		fputs(st->reset, f);
		fprintf(f, ": usage %s of limit %s", K(b1, sizeof(b1), m->usage_kib), L(b2, sizeof(b2), m->limit_kib));
		if (known(m->failcnt))
			fprintf(f, ", failcnt %lld", (long long)m->failcnt);
		fputc('\n', f);
		kube_line(f, ev->oom_memcg[0] ? ev->oom_memcg : m->path);
		if (known(m->swap_limit_kib) || known(m->swap_usage_kib))
			usage_of(f, "cgroup swap", m->swap_usage_kib, m->swap_limit_kib);
		if (known(m->memsw_limit_kib) || known(m->memsw_usage_kib))
			usage_of(f, "cgroup memory+swap", m->memsw_usage_kib, m->memsw_limit_kib);
		if (known(m->kmem_limit_kib) || known(m->kmem_usage_kib))
			usage_of(f, "cgroup kmem", m->kmem_usage_kib, m->kmem_limit_kib);
		if (ev->task_memcg[0]) {
			fputs("  victim's cgroup: ", f);
			put(f, ev->task_memcg);
			fputc('\n', f);
			kube_line(f, ev->task_memcg);
		}
	} else if (a->cpuset) {
		fputs(a->constraint_inferred ? "  cpuset (inferred: no constraint line)" : "  cpuset", f);
		if (ev->cpuset[0]) {
			fputs(" ", f);
			put(f, ev->cpuset);
		}
		const char *nl = ev->mems_allowed[0] ? ev->mems_allowed : "?";
		fputs(strpbrk(nl, ",-") ? ": only nodes " : ": only node ", f);
		put(f, nl);
		fputs(strpbrk(nl, ",-") ? " were allowed\n" : " was allowed\n", f);
	} else if (a->mempolicy) {
		const char *nl = ev->req.nodemask[0] && strcmp(ev->req.nodemask, "(null)") != 0 ? ev->req.nodemask
				 : a->inferred_nodes[0] ? a->inferred_nodes : "?";
		fputs(a->constraint_inferred ? "  memory policy (inferred: no constraint line)" : "  memory policy", f);
		fputs(strpbrk(nl, ",-") ? ": only nodes " : ": only node ", f);
		put(f, nl);
		fputs(strpbrk(nl, ",-") ? " were allowed\n" : " was allowed\n", f);
	} else if (!a->sysrq) {
		if (ev->kind == OOM_KIND_ALLOC_FAILURE)
			fputs(ev->alloc_stall_ms > 0 ? "  none: the page allocator was still reclaiming for this request\n"
						     : "  none: the page allocator gave up on this request\n", f);
		else if (ev->kind == OOM_KIND_UNKNOWN)
			missing(f, st, "the constraint (the report's header is missing)");
		else if (a->charge_mask_alone)
			fputs("  not in the report: the header alone does not tell the whole machine from a memory cgroup (its GFP_KERNEL mask is a cgroup charge's too)\n", f);
		else if (a->kill_bare_alone)
			fputs("  not in the report: a bare kill line does not tell the whole machine from a memory cgroup (taken as the whole machine's)\n", f);
		else
			fputs("  global: the whole machine's memory\n", f);
	}
	if (ev->constraint[0]) {
		fputs("  constraint=", f);
		put(f, ev->constraint);
		if (ev->cpuset[0]) {
			fputs(" cpuset=", f);
			put(f, ev->cpuset);
		}
		if (ev->mems_allowed[0]) {
			fputs(" mems_allowed=", f);
			put(f, ev->mems_allowed);
		}
		fputc('\n', f);
	}
}

/* ---- memory -------------------------------------------------------------- */

static void mem_row(FILE *f, const char *name, int64_t kib, int64_t whole, const char *note)
{
	char b[32];
	fprintf(f, "  %-22s %10s", name, known(kib) ? fmt_kib(b, sizeof(b), kib) : "not in the report");
	if (known(kib) && known(whole) && whole > 0 && kib >= 0)
		fprintf(f, "  %3lld %%", (long long)(kib * 100 / whole));
	if (note)
		fprintf(f, "  %s", note);
	fputc('\n', f);
}

static void section_memory(FILE *f, const struct oom_event *ev, const struct event_analysis *a,
			   const struct style *st)
{
	const struct mem_breakdown *m = &a->mem;
	char b1[32], b2[32], b3[32];
	if (m->scope == MEM_SCOPE_MEMCG) {
		heading(f, st, "Where the memory was (in the cgroup, from its memory.stat)");
		if (known(m->total_kib) && m->total_kib >= (1LL << 50)) {
			fprintf(f, "  %-22s %10s\n", "limit", "none");
			mem_row(f, "usage", m->used_kib, OOM_NA, NULL);
		} else {
			mem_row(f, "limit", m->total_kib, OOM_NA, NULL);
			mem_row(f, "usage", m->used_kib, m->total_kib, NULL);
		}
		int64_t whole = m->used_kib;
		mem_row(f, "anonymous", m->anon_kib, whole, NULL);
		mem_row(f, "page cache", m->file_kib, whole, "(includes shmem)");
		mem_row(f, "shmem / tmpfs", m->shmem_kib, whole, NULL);
		mem_row(f, "slab reclaimable", m->slab_reclaimable_kib, whole, NULL);
		mem_row(f, "slab unreclaimable", m->slab_unreclaimable_kib, whole, NULL);
		mem_row(f, "page tables", m->pagetables_kib, whole, NULL);
		mem_row(f, "kernel stacks", m->kernel_stack_kib, whole, NULL);
		if (!known(m->slab_reclaimable_kib) && !known(m->slab_unreclaimable_kib) &&
		    known(ev->snap.memcg.kmem_usage_kib))
			mem_row(f, "kernel memory (kmem)", ev->snap.memcg.kmem_usage_kib, whole, NULL);
		mem_row(f, "unaccounted", m->unaccounted_kib, whole, "(usage − the counters above)");
		if (m->swap_inferred_none)
			fprintf(f, "  %-22s %10s  (inferred: no swap lines, a kernel built without swap)\n", "system swap", "0 KiB");
		else if (known(m->swap_total_kib))
			fprintf(f, "  %-22s %10s of %s\n", "system swap free", K(b1, sizeof(b1), m->swap_free_kib),
				K(b2, sizeof(b2), m->swap_total_kib));
		return;
	}
	if (m->scope == MEM_SCOPE_NONE) {
		heading(f, st, "Where the memory was");
		missing(f, st, "the memory summary (Mem-Info)");
		if (known(m->swap_total_kib))
			fprintf(f, "  swap: %s free of %s\n", K(b1, sizeof(b1), m->swap_free_kib), K(b2, sizeof(b2), m->swap_total_kib));
		return;
	}
	heading(f, st, "Where the memory was (RAM)");
	int64_t w = m->total_kib;
	mem_row(f, "total", m->total_kib, OOM_NA, NULL);
	mem_row(f, "free", m->free_kib, w, NULL);
	mem_row(f, "anonymous", m->anon_kib, w, "(LRU; holds shmem too)");
	mem_row(f, "page cache", m->file_kib, w, NULL);
	mem_row(f, "shmem / tmpfs", m->shmem_kib, w, NULL);
	if (known(m->unevictable_kib) && m->unevictable_kib > 0)
		mem_row(f, "unevictable", m->unevictable_kib, w, "(mlocked, locked shmem)");
	if (known(m->slab_reclaimable_kib) || known(m->slab_unreclaimable_kib) || !known(ev->snap.mem.slab_kib)) {
		mem_row(f, "slab reclaimable", m->slab_reclaimable_kib, w, NULL);
		mem_row(f, "slab unreclaimable", m->slab_unreclaimable_kib, w, NULL);
	} else {
		mem_row(f, "slab", ev->snap.mem.slab_kib, w, NULL);
	}
	mem_row(f, "page tables", m->pagetables_kib, w, NULL);
	mem_row(f, "kernel stacks", m->kernel_stack_kib, w, NULL);
	mem_row(f, "huge pages", m->hugetlb_kib, w, NULL);
	if (known(m->unaccounted_kib))
		mem_row(f, "unaccounted", m->unaccounted_kib, w, "(total − the counters above)");
	else if (m->totals_disagree)
		fprintf(f, "  %-22s %10s (the report's pages RAM, %s, disagree with its zones, %s)\n", "unaccounted",
			"unknown", K(b1, sizeof(b1), m->ram_kib), K(b2, sizeof(b2), m->zones_present_kib));
	else
		fprintf(f, "  %-22s %10s\n", "unaccounted", "unknown (a counter is missing)");
	if (m->swap_inferred_none)
		fprintf(f, "  %-22s %10s  (inferred: no swap lines, a kernel built without swap)\n", "swap", "0 KiB");
	else if (known(m->swap_total_kib))
		fprintf(f, "  %-22s %10s free of %s\n", "swap", K(b1, sizeof(b1), m->swap_free_kib),
			K(b2, sizeof(b2), m->swap_total_kib));
	else if (m->swap_full_hint)
		fprintf(f, "  %-22s %10s free, total not in the report  (read as full: %s)\n", "swap",
			K(b1, sizeof(b1), m->swap_free_kib),
			m->swap_full_hint == OOM_SWAPFULL_CACHE ? "the swap cache proves swap" : "its Total line cut");
	else
		fprintf(f, "  %-22s %10s\n", "swap", "not in the report");
	if (known(m->lowmem_total_kib))
		fprintf(f, "  %-22s %10s free of %s (HighMem: %s free)\n", "lowmem",
			K(b1, sizeof(b1), m->lowmem_free_kib), K(b2, sizeof(b2), m->lowmem_total_kib),
			fmt_kib(b3, sizeof(b3), m->highmem_free_kib));
}

/* ---- zones ----------------------------------------------------------------- */

static void section_zones(FILE *f, const struct oom_event *ev, const struct event_analysis *a,
			  const struct style *st, bool verbose)
{
	const struct oom_snapshot *s = &ev->snap;
	char b1[32], b2[32], b3[32], b4[32], b5[32];
	heading(f, st, "Why the request failed");
	if (a->sysrq) {
		fputs("  it did not fail: the OOM killer was called by hand\n", f);
		if (!verbose)
			return;
	} else if (a->memcg) {
		fputs("  the cgroup's charge would have exceeded its limit and reclaim inside the cgroup\n"
		      "  could not free enough; the machine's free memory did not matter\n", f);
		if (!verbose || s->nr_zones == 0)
			return;
	}
	if (s->nr_zones == 0) {
		missing(f, st, "the zone lines");
		return;
	}
	if (!known(a->page_size_kib))
		fprintf(f, "  %spage size not in the report: watermark checks not computed%s\n", st->dim, st->reset);
	int64_t order = ev->req.order;
	fprintf(f, "  %s%-14s %9s %9s %9s %9s %9s  %-10s %s%s\n", st->dim, "zone", "free", "min", "low", "high",
		"reserve", "verdict", "largest block", st->reset);
	for (int i = 0; i < s->nr_zones && i < OOM_MAX_ZONES; i++) {
		const struct oom_zone *z = &s->zones[i];
		const struct zone_verdict *zv = &a->zone[i];
		if (!verbose && !zv->usable && !a->memcg && !a->sysrq && a->nr_usable > 0)
			continue;
		char name[40];
		if (z->node >= 0)
			snprintf(name, sizeof(name), "%d ", z->node);
		else
			name[0] = '\0';
		fputs("  ", f);
		struct buf nb = BUF_INIT;
		buf_adds(&nb, name);
		escape_term_buf(&nb, z->name, strlen(z->name));
		fprintf(f, "%-14s", nb.data ? nb.data : "");
		buf_release(&nb);
		fprintf(f, " %9s %9s %9s %9s %9s  ", K(b1, sizeof(b1), z->free_kib), K(b2, sizeof(b2), z->min_kib),
			K(b3, sizeof(b3), z->low_kib), K(b4, sizeof(b4), z->high_kib),
			zv->usable ? K(b5, sizeof(b5), zv->reserve_kib) : "-");
		const char *verdict;
		const char *col = "";
		if (a->classzone < 0 && zv->node_allowed)
			verdict = "?";   /* the request (gfp zone) is not in the report */
		else if (!zv->usable)
			verdict = zv->node_allowed ? "not usable" : "not allowed";
		else if (!zv->evaluated)
			verdict = "unknown";
		else if (zv->ok) {
			verdict = "ok";
			col = st->green;
		} else if (zv->ok_order0) {
			verdict = "no block";
			col = st->yellow;
		} else {
			verdict = "below min";
			col = st->red;
		}
		fprintf(f, "%s%-10s%s ", col, verdict, st->reset);
		if (zv->block_known) {
			if (zv->largest_order >= 0)
				fprintf(f, "order %d", zv->largest_order);
			else
				fputs("none", f);
			if (known(order) && order > 0)
				fprintf(f, " (need %lld)", (long long)order);
		} else {
			fputs("-", f);
		}
		fputc('\n', f);
	}
	if (a->memcg || a->sysrq)
		return;
	if (a->nr_evaluated > 0) {
		if (a->nr_ok == 0)
			fprintf(f, "  no zone the request may use passed the %s watermark check (free > min + lowmem_reserve%s)\n",
				known(order) && order > 0 ? "order-aware" : "min",
				known(order) && order > 0 ? ", and a free block of the order" : "");
		else
			fprintf(f, "  %d zone(s) passed the check on these numbers: the report is a snapshot taken after\n"
				"  the allocator gave up; reclaim or other CPUs changed them in between\n", a->nr_ok);
	}
	if (a->classzone < 0)
		fprintf(f, "  %sthe request is not in the report: which zones it could use is unknown%s\n", st->dim, st->reset);
	else if (!verbose && a->nr_usable > 0 && a->nr_usable < s->nr_zones)
		fprintf(f, "  %s(%d zone(s) the request may not use are hidden; -v shows them)%s\n", st->dim,
			s->nr_zones - a->nr_usable, st->reset);
}

/* ---- victim -------------------------------------------------------------- */

static void era_formula(FILE *f, const struct kver *v)
{
	if (kver_cmp(v, 2, 6, 36) < 0)
		fputs("total_vm with the pre-2.6.36 heuristics; approximate: CPU and run times are not in the report", f);
	else if (kver_cmp(v, 3, 8, 0) < 0)
		fputs("(rss + swap + page tables) × 1000 / totalpages + oom_score_adj", f);
	else
		fputs("rss + swap + page tables + oom_score_adj × totalpages/1000", f);
}

static void task_name(FILE *f, const struct oom_task *t)
{
	put(f, t->comm);
	fprintf(f, " (pid %lld)", (long long)t->pid);
}

static void section_victim(FILE *f, const struct oom_event *ev, const struct event_analysis *a,
			   const struct style *st)
{
	char b1[32], b2[32], b3[32], b4[32];
	heading(f, st, "Who was killed");
	if (!ev->have_victim) {
		if (ev->alloc_stall_ms > 0)
			fputs("  nobody: a stall warning kills nothing; the allocation went on retrying (it may have\n"
			      "  succeeded, failed or ended in an OOM kill later in the log)\n", f);
		else if (ev->outcome == OOM_OUTCOME_NONE || ev->kind == OOM_KIND_ALLOC_FAILURE)
			fputs("  nobody: a page allocation failure kills nothing; the caller got NULL\n", f);
		else if (ev->outcome == OOM_OUTCOME_NO_KILLABLE)
			fputs("  nobody: no process could be killed\n", f);
		else if (ev->outcome == OOM_OUTCOME_PANIC)
			fputs("  nobody: the kernel panicked (panic_on_oom)\n", f);
		else
			missing(f, st, "the kill line");
		return;
	}
	const struct oom_victim *v = &ev->victim;
	fprintf(f, "  %s%s", st->bold, st->red);
	put(f, v->comm);
	if (known(v->pid))
		fprintf(f, "%s (pid %lld", st->reset, (long long)v->pid);
	else
		fprintf(f, "%s (pid not in the report", st->reset);   /* masked by the paster */
	if (known(v->uid))
		fprintf(f, ", uid %lld", (long long)v->uid);
	fputs(")", f);
	const char *sep = ": ";
	if (known(v->anon_rss_kib)) { fprintf(f, "%sanon %s", sep, K(b1, sizeof(b1), v->anon_rss_kib)); sep = ", "; }
	if (known(v->file_rss_kib)) { fprintf(f, "%sfile %s", sep, K(b2, sizeof(b2), v->file_rss_kib)); sep = ", "; }
	if (known(v->shmem_rss_kib)) { fprintf(f, "%sshmem %s", sep, K(b3, sizeof(b3), v->shmem_rss_kib)); sep = ", "; }
	if (known(v->total_vm_kib)) { fprintf(f, "%stotal-vm %s", sep, K(b4, sizeof(b4), v->total_vm_kib)); sep = ", "; }
	if (known(v->oom_score_adj)) { fprintf(f, "%soom_score_adj %lld", sep, (long long)v->oom_score_adj); sep = ", "; }
	if (sep[0] == ':')
		fputs(" (the kill line gives no sizes)", f);
	fputc('\n', f);
	if (known(v->selected_pid) && v->selected_pid != v->pid) {
		fputs("  the kernel selected ", f);
		put(f, v->selected_comm);
		if (oom_victim_is_sacrificed_child(ev))
			fprintf(f, " (pid %lld) and sacrificed this child of it (2.6.36–5.0 behaviour)\n",
				(long long)v->selected_pid);
		else
			fprintf(f, " (pid %lld), whose main thread had exited: it was killed through its live thread pid %lld (find_lock_task_mm)\n",
				(long long)v->selected_pid, (long long)v->pid);
	}
	if (v->message[0]) {
		fputs("  kill message: ", f);
		put(f, v->message);
		fputc('\n', f);
	}
	const struct oom_task *best = a->best_idx >= 0 ? &ev->snap.tasks[a->best_idx] : NULL;
	const struct oom_task *second = a->second_idx >= 0 ? &ev->snap.tasks[a->second_idx] : NULL;
	switch (a->victim_verdict) {
	case VICTIM_BEST:
		/* with a sacrificed child, what is judged is the selection */
		fputs(known(v->selected_pid) && v->selected_pid != v->pid ? "  the selection was the kernel's best choice by "
									   : "  it was the kernel's best choice by ", f);
		if (ev->kv.known)
			fprintf(f, "%d.%d's", ev->kv.major, ev->kv.minor);
		else
			fputs("the era's", f);
		fputs(" arithmetic (", f);
		era_formula(f, &ev->kv);
		fputs(")", f);
		if (second) {
			fputs(";\n  next was ", f);
			task_name(f, second);
			if (known(a->margin_kib))
				fprintf(f, ", %s behind", K(b1, sizeof(b1), a->margin_kib));
		}
		fputc('\n', f);
		break;
	case VICTIM_TIE:
		fputs("  it tied on points with ", f);
		if (second && a->victim_idx == a->best_idx)
			task_name(f, second);
		else if (best)
			task_name(f, best);
		fputs(": the task-list order decided\n", f);
		break;
	case VICTIM_NOT_BEST:
		fputs("  by the era's arithmetic the kernel would have picked ", f);
		if (best)
			task_name(f, best);
		if (known(a->margin_kib))
			fprintf(f, " (%s more)", K(b1, sizeof(b1), a->margin_kib));
		fputs(";\n  the task table is printed before the choice, so a task that grew, exited or was\n"
		      "  already being reaped in between explains a difference\n", f);
		break;
	case VICTIM_NOT_IN_TABLE:
		fputs("  the victim is not in the task table; by its numbers the kernel would have picked ", f);
		if (best)
			task_name(f, best);
		fputc('\n', f);
		break;
	case VICTIM_ALLOCATING_TASK:
		fputs("  the kernel killed the allocating task without comparing candidates\n"
		      "  (vm.oom_kill_allocating_task=1, or an old kernel's MPOL_BIND/cpuset rule)", f);
		if (best) {
			fputs(";\n  by the badness arithmetic it would have picked ", f);
			task_name(f, best);
		}
		fputc('\n', f);
		break;
	case VICTIM_UNKNOWN:
		if (!ev->have_task_table)
			fprintf(f, "  %sthe task table (vm.oom_dump_tasks) is not in the report: the choice cannot be checked%s\n",
				st->dim, st->reset);
		else if (!known(a->totalpages))
			fprintf(f, "  %sthe totals the badness arithmetic needs (RAM and swap, or the cgroup limit and swap) are not in the report%s\n",
				st->dim, st->reset);
		break;
	}
	if (v->reaped)
		fprintf(f, "  oom_reaper freed its memory: now anon %s, file %s, shmem %s\n",
			K(b1, sizeof(b1), v->reaped_anon_rss_kib), K(b2, sizeof(b2), v->reaped_file_rss_kib),
			K(b3, sizeof(b3), v->reaped_shmem_rss_kib));
	if (v->reap_failed)
		fputs("  oom_reaper could not reap it (mmap lock held): memory returned only when it exited\n", f);
	if (ev->nr_group_kills > 0 && ev->group_shares_mm)
		fprintf(f, "  %d more process(es) sharing its memory were killed with it (2.6.9 and earlier kill every task of the victim's mm)\n",
			ev->nr_group_kills);
	else if (ev->nr_group_kills > 0)
		fprintf(f, "  memory.oom.group: %d more process(es) of the cgroup were killed with it\n", ev->nr_group_kills);
}

/* ---- swap, causes, tasks ---------------------------------------------------- */

static void section_swap(FILE *f, const struct event_analysis *a, const struct style *st)
{
	heading(f, st, "Why swap did not help");
	if (a->nr_swap_reasons == 0) {
		missing(f, st, "swap");
		return;
	}
	for (int i = 0; i < a->nr_swap_reasons; i++) {
		fputs("  - ", f);
		put(f, a->swap_reasons[i]);
		fputc('\n', f);
	}
}

/* how sure, and from which lines, in one line under the cause:
 * "confidence: medium (read zone lines, buddy lines; missing: Mem-Info not
 * printed; inferred: …)". */
static void confidence_line(FILE *f, const struct finding *x, const struct style *st)
{
	if (x->confidence == CONF_UNSET)
		return;
	fprintf(f, "     %sconfidence:%s %s", st->dim, st->reset, confidence_name(x->confidence));
	char basis[512];
	if (finding_basis_text(x, basis, sizeof(basis))[0]) {
		fputs(" (", f);
		put(f, basis);
		fputc(')', f);
	}
	fputc('\n', f);
}

static void section_causes(FILE *f, const struct findings *fs, const struct style *st)
{
	heading(f, st, "Causes, most likely first");
	for (int i = 0; i < fs->n; i++) {
		const struct finding *x = &fs->items[i];
		const char *col = x->severity == SEV_CRITICAL ? st->red : x->severity == SEV_WARNING ? st->yellow : st->cyan;
		fprintf(f, "  %d. %s%s", i + 1, st->bold, col);
		put(f, x->id);
		fprintf(f, "%s: ", st->reset);
		put(f, x->summary);
		fputc('\n', f);
		confidence_line(f, x, st);
		for (int k = 0; k < x->nr_evidence; k++) {
			fprintf(f, "     %sevidence:%s ", st->dim, st->reset);
			put(f, x->evidence[k]);
			fputc('\n', f);
		}
		for (int k = 0; k < x->nr_advice; k++) {
			fprintf(f, "     %sadvice:%s   ", st->green, st->reset);
			put(f, x->advice[k]);
			fputc('\n', f);
		}
	}
}

static void num(char *dst, size_t n, int64_t v)
{
	if (known(v))
		snprintf(dst, n, "%lld", (long long)v);
	else
		snprintf(dst, n, "?");
}

static int cmp_badness(const void *pa, const void *pb, void *arg)
{
	const struct oom_task *t = arg;
	int64_t x = t[*(const size_t *)pa].badness, y = t[*(const size_t *)pb].badness;
	if (x == y) {
		int64_t rx = t[*(const size_t *)pa].rss_pages, ry = t[*(const size_t *)pb].rss_pages;
		return rx < ry ? 1 : rx > ry ? -1 : 0;
	}
	return x < y ? 1 : -1;   /* OOM_NA (INT64_MIN) sorts last */
}

size_t *explain_task_order(const struct oom_snapshot *s)
{
	size_t n = s->nr_tasks;
	size_t *idx = malloc((n ? n : 1) * sizeof(*idx));
	if (!idx)
		return NULL;
	for (size_t i = 0; i < n; i++)
		idx[i] = i;
	qsort_r(idx, n, sizeof(*idx), cmp_badness, s->tasks);
	return idx;
}

static void section_tasks(FILE *f, const struct oom_event *ev, const struct event_analysis *a,
			  const struct style *st, bool verbose)
{
	const struct oom_snapshot *s = &ev->snap;
	if (!ev->have_task_table || s->nr_tasks == 0)
		return;
	size_t n = s->nr_tasks;
	size_t *idx = explain_task_order(s);
	if (!idx)
		return;
	size_t show = verbose ? n : (n < TOP_TASKS ? n : TOP_TASKS);
	char title_[96];
	if (show < n)
		snprintf(title_, sizeof(title_), "Largest tasks by badness (%zu of %zu; -v for all)", show, n);
	else
		snprintf(title_, sizeof(title_), "Tasks by badness (%zu)", n);
	heading(f, st, title_);
	fprintf(f, "  %s  %8s %6s %10s %10s %10s %6s %12s  %s%s\n", st->dim, "pid", "uid", "rss", "swap", "pgtables",
		"adj", "badness", "name", st->reset);
	char b1[32], b2[32], b3[32];
	int64_t vpid = ev->have_victim ? (known(ev->victim.selected_pid) ? ev->victim.selected_pid : ev->victim.pid) : OOM_NA;
	for (size_t k = 0; k < show; k++) {
		const struct oom_task *t = &s->tasks[idx[k]];
		bool is_victim = known(vpid) && (t->pid == vpid || t->pid == ev->victim.pid);
		char uid[24], adj[24], pts[24];
		num(uid, sizeof(uid), t->uid);
		num(adj, sizeof(adj), t->oom_score_adj);
		if (known(t->badness))
			num(pts, sizeof(pts), t->badness);
		else
			snprintf(pts, sizeof(pts), "%s", known(a->totalpages) ? "ineligible" : "?");
		fprintf(f, "  %s%s%s %8lld %6s %10s %10s %10s %6s %12s  ", is_victim ? st->red : "",
			is_victim ? "*" : " ", is_victim ? st->reset : "", (long long)t->pid, uid,
			K(b1, sizeof(b1), task_rss_kib(t, a->page_size_kib)),
			K(b2, sizeof(b2), task_swap_kib(t, a->page_size_kib)),
			K(b3, sizeof(b3), task_pgtables_kib(t, a->page_size_kib)), adj, pts);
		put(f, t->comm);
		fputc('\n', f);
	}
	/* The unit of the points is the era's (mm/oom_kill.c oom_badness). */
	const char *unit = "pages";
	if (kver_cmp(&ev->kv, 2, 6, 36) < 0 && ev->kv.rhel != 6)
		unit = "total_vm pages, shifted by oom_adj (<= 2.6.35)";
	else if (kver_cmp(&ev->kv, 3, 8, 0) < 0)
		unit = "thousandths of totalpages (2.6.36-3.7)";
	if (known(a->totalpages))
		fprintf(f, "  %sbadness in %s; totalpages %lld; * = the victim%s\n", st->dim, unit,
			(long long)a->totalpages, st->reset);
	else if (a->ranked_by_dominance)
		fprintf(f, "  %sbadness not computed (totalpages is not in the report); the first task holds the most memory and has\n"
			"  the highest oom_score_adj, so it scores highest whatever totalpages was; * = the victim%s\n",
			st->dim, st->reset);
	else if (a->ranked_without_totalpages)
		fprintf(f, "  %sbadness in pages (every oom_score_adj is 0: totalpages, not in the report, does not matter); * = the victim%s\n",
			st->dim, st->reset);
	free(idx);
}

void render_explain_text(FILE *f, const struct oom_event *ev, const struct event_analysis *a,
			 const struct findings *fs, const struct style *st, const struct explain_opts *o)
{
	title(f, ev, a, st, o);
	section_request(f, ev, a, st);
	section_constraint(f, ev, a, st);
	section_memory(f, ev, a, st);
	section_zones(f, ev, a, st, o->verbose);
	section_victim(f, ev, a, st);
	section_swap(f, a, st);
	section_causes(f, fs, st);
	section_tasks(f, ev, a, st, o->verbose);
	for (int i = 0; i < ev->nr_warnings && i < OOM_MAX_WARNINGS; i++) {
		fprintf(f, "%s  note: ", st->dim);
		put(f, ev->warnings[i]);
		fprintf(f, "%s\n", st->reset);
	}
	fputc('\n', f);
}
