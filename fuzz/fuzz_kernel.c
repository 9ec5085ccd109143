/* fuzz_kernel.c — the pure kernel arithmetic of src/model/kernel.h on
 * hostile numbers: kver_parse on the first line, then the remaining bytes
 * fill a gfp mask, a zone and a few tasks field by field (little-endian
 * int64s), and every function runs on them.  Nothing may crash, overflow
 * (UBSan) or read out of bounds. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "model/event.h"
#include "model/kernel.h"
#include "model/snapshot.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

struct cursor {
	const uint8_t *p;
	size_t n;
};

static int64_t next(struct cursor *c)
{
	int64_t v = 0;
	size_t k = c->n < sizeof(v) ? c->n : sizeof(v);
	memcpy(&v, c->p, k);
	c->p += k;
	c->n -= k;
	/* OOM_NA must stay reachable, and small values common. */
	if (k && (c->p[-1] & 0x80) == 0 && k == sizeof(v) && (v & 0x7000000000000000LL) == 0x7000000000000000LL)
		return OOM_NA;
	return v;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const uint8_t *nl = memchr(data, '\n', size);
	size_t rl = nl ? (size_t)(nl - data) : size;
	char *rel = malloc(rl + 1);
	if (!rel)
		return 0;
	memcpy(rel, data, rl);
	rel[rl] = '\0';
	struct kver v = { 0 };
	if (kver_parse(rel, &v) < 0)
		v.known = false;
	free(rel);
	struct cursor c = { nl ? nl + 1 : data + size, nl ? size - rl - 1 : 0 };

	uint64_t mask = (uint64_t)next(&c);
	int order = (int)(next(&c) % 20);
	const char *names[40];
	uint64_t rest;
	int n = gfp_decode(mask, &v, names, 40, &rest);
	for (int i = 0; i < n; i++)
		if (!names[i] || !names[i][0])
			abort();
	(void)gfp_zone_name(mask, &v);
	(void)gfp_may_oom(mask, order, &v);
	for (int b = 0; b <= GFPB_COUNT; b++)
		(void)gfp_has(mask, (enum gfp_bit)b, &v);

	static struct oom_event ev;
	event_init(&ev);
	ev.kv = v;
	ev.kind = (enum oom_kind)((uint64_t)next(&c) % 7);
	struct oom_snapshot *s = &ev.snap;
	s->page_size_kib = next(&c);
	int64_t *mem = (int64_t *)&s->mem;
	for (size_t i = 0; i < 12 && c.n; i++)
		mem[(uint64_t)next(&c) % (sizeof(s->mem) / sizeof(int64_t))] = next(&c);
	s->memcg.version = (int)((uint64_t)next(&c) % 3);
	s->memcg.limit_kib = next(&c);
	s->memcg.memsw_limit_kib = next(&c);
	s->memcg.swap_limit_kib = next(&c);
	snprintf(ev.mems_allowed, sizeof(ev.mems_allowed), "%lld-%lld,%lld",
		 (long long)(next(&c) % 8), (long long)(next(&c) % 8), (long long)(next(&c) % 8));

	static const char *const zn[] = { "DMA", "DMA32", "Normal", "HighMem", "Movable" };
	int nz = (int)((uint64_t)next(&c) % 4);
	for (int zi = 0; zi < nz; zi++) {
		struct oom_zone *z = snapshot_zone(s, zi % 2, zn[(uint64_t)next(&c) % 5]);
		if (!z)
			break;
		int64_t *q[] = { &z->free_kib, &z->min_kib, &z->low_kib, &z->high_kib, &z->managed_kib,
				 &z->present_kib, &z->free_cma_kib, &z->reserved_highatomic_kib,
				 &z->free_highatomic_kib };
		for (size_t i = 0; i < sizeof(q) / sizeof(q[0]); i++)
			*q[i] = next(&c);
		z->nr_lowmem_reserve = (int)((uint64_t)next(&c) % (OOM_MAX_ZONE_IDX + 1));
		for (int i = 0; i < z->nr_lowmem_reserve; i++)
			z->lowmem_reserve_pages[i] = next(&c);
		z->nr_orders = (int)((uint64_t)next(&c) % (OOM_MAX_ORDERS + 1));
		z->free_types_known = next(&c) & 1;
		for (int o = 0; o < z->nr_orders; o++) {
			z->free_blocks[o] = next(&c);
			z->free_types[o] = (unsigned)next(&c);
		}
		for (int o = -1; o <= OOM_MAX_ORDERS; o++) {
			(void)zone_frag_index(z, o);
			(void)zone_unusable_index(z, o);
			(void)zone_free_kib_at_order(z, o, s->page_size_kib);
			(void)zone_watermark_ok(z, o, z->min_kib, zone_index_in(s, zn[zi % 5]),
						(unsigned)next(&c) & 15, s->page_size_kib, &v);
			(void)zone_usable_block_order(z, o, (unsigned)next(&c) & 15, &v);
			(void)zone_block_types_from(z, o);
		}
		z->free_types_known = (next(&c) & 1) != 0;
		(void)zone_highatomic_kib(z, s->page_size_kib, &v, NULL);
		(void)zone_largest_free_order(z);
	}

	int nt = (int)((uint64_t)next(&c) % 6);
	for (int ti = 0; ti < nt; ti++) {
		struct oom_task *t = snapshot_add_task(s);
		if (!t)
			break;
		int64_t *q[] = { &t->pid, &t->tgid, &t->uid, &t->total_vm_pages, &t->rss_pages,
				 &t->rss_anon_pages, &t->rss_file_pages, &t->rss_shmem_pages,
				 &t->pgtables_bytes, &t->nr_ptes, &t->nr_pmds, &t->swapents_pages,
				 &t->oom_score_adj, &t->oom_adj };
		for (size_t i = 0; i < sizeof(q) / sizeof(q[0]); i++)
			*q[i] = next(&c);
		t->kthread = next(&c) & 1;
	}
	int64_t tp = badness_totalpages(&ev);
	int second;
	int first = badness_rank(s, tp, &v, &second);
	if (first >= (int)s->nr_tasks || second >= (int)s->nr_tasks || (first < 0 && second >= 0))
		abort();
	(void)badness_rank(s, next(&c), &v, &second);
	(void)oom_score_for_era(next(&c), next(&c), &v);

	(void)commit_limit_kib(next(&c), next(&c), next(&c), next(&c), next(&c));
	(void)overcommit_allowed_kib(next(&c), next(&c), next(&c), next(&c), next(&c), next(&c) & 1, &v);
	(void)totalreserve_kib(s);
	(void)overcommit_heuristic_limit_kib(s, next(&c), next(&c) & 1, &v);
	event_release(&ev);
	return 0;
}
