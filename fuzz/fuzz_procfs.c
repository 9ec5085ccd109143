/* fuzz_procfs.c — every /proc and cgroup parser of src/live/, one target.
 * The first input byte picks the parser (mod 27); the rest is the file.
 * One case for each live_parse_* of src/live/parse_*.c. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "live/kube.h"
#include "live/live.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 1)
		return 0;
	unsigned which = data[0] % 28;
	/* The parsers take (text, len) and must not read past len: give them an
	 * exact-size heap copy so ASan sees any overrun. */
	size_t len = size - 1;
	char *text = malloc(len ? len : 1);
	if (!text)
		return 0;
	memcpy(text, data + 1, len);
	struct oom_snapshot s;
	snapshot_init(&s);
	struct oom_task t;
	task_init(&t);
	struct oom_mem m;
	struct oom_pressure p;
	struct oom_vmstat vs;
	struct oom_memcg cg;
	memcg_init(&cg);
	char path[OOM_PATH_LEN];
	switch (which) {
	case 0: live_parse_meminfo(text, len, &m); break;
	case 1: live_parse_zoneinfo(text, len, 4, &s); break;
	case 2: live_parse_buddyinfo(text, len, &s); break;
	case 3: live_parse_psi(text, len, &p); break;
	case 4: live_parse_status(text, len, 4, &t); break;
	case 5: live_parse_stat(text, len, &t, NULL); break;
	case 6: {
		/* the path, then the systemd unit named in it (guard unit: rules) */
		char unit[64];
		if (live_parse_pid_cgroup(text, len, path, sizeof(path)) == 0)
			live_cgroup_unit(path, unit, sizeof(unit));
		break;
	}
	case 7: live_parse_vmstat(text, len, &vs); break;
	case 8: live_parse_memcg_stat(text, len, 1, &cg); break;
	case 11: live_parse_memcg_stat(text, len, 2, &cg); break;
	case 12: {
		char hroot[64];
		live_parse_mountinfo_memcg(text, len, path, sizeof(path), hroot, sizeof(hroot));
		break;
	}
	case 9: live_parse_memcg_events(text, len, &cg); break;
	case 10: live_parse_slabinfo(text, len, 4, &s); break;
	case 13: {
		int64_t blocks[OOM_MAX_ORDERS];
		int nr;
		live_parse_buddyinfo_sum(text, len, blocks, OOM_MAX_ORDERS, &nr);
		break;
	}
	case 14: {
		struct oom_slab top[4];
		int nr;
		live_parse_slabinfo_top(text, len, 4, top, 4, &nr);
		break;
	}
	case 15: {
		int64_t x;
		live_parse_value_i64(text, len, &x);
		break;
	}
	case 16: {
		char line[64];
		live_parse_cmdline(text, len, line, sizeof(line));
		break;
	}
	case 17: {
		int64_t kib;
		live_parse_memcg_bytes(text, len, &kib);
		break;
	}
	case 18: {
		const char *q = text;
		int64_t pid;
		while (live_pids_next(&q, text + len, &pid))
			;
		break;
	}
	case 19: {
		uint64_t cap;
		live_parse_status_capeff(text, len, &cap);
		break;
	}
	case 20: {
		/* smaps is parsed a line at a time, as guard/resident.c streams it */
		const char *q = text, *e = text + len;
		while (q < e) {
			const char *nl = memchr(q, '\n', (size_t)(e - q));
			const char *le = nl ? nl : e;
			struct live_smaps_line sl;
			live_parse_smaps_line(q, (size_t)(le - q), &sl);
			q = nl ? nl + 1 : e;
		}
		break;
	}
	case 21:     /* (was /dev/kmsg records: the guard reads them through src/report/) */
		break;
	case 23: {
		int64_t list[8];
		int nr;
		live_parse_value_list(text, len, list, 8, &nr);
		break;
	}
	case 24: {
		char word[16];
		live_parse_bracketed(text, len, word, sizeof(word));
		break;
	}
	case 25: {
		int64_t o, c;
		live_parse_zram_mm_stat(text, len, &o, &c);
		break;
	}
	case 26: {
		int64_t pages;
		live_parse_zoneinfo_free_pages(text, len, &pages);
		break;
	}
	case 22: {
		struct live_pid_stat ps;
		live_parse_stat(text, len, &t, &ps);
		break;
	}
	case 27: {   /* a runtime's state file (fuzz_kubestate.c checks more) */
		struct kube_state ks;
		live_parse_kubestate(text, len, &ks);
		break;
	}
	}
	snapshot_release(&s);
	free(text);
	return 0;
}
