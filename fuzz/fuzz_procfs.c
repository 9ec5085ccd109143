/* fuzz_procfs.c — every /proc and cgroup parser of src/live/, one target.
 * The first input byte picks the parser (mod 13); the rest is the file. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "live/live.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 1)
		return 0;
	unsigned which = data[0] % 13;
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
	struct psi p;
	struct live_vm v;
	struct oom_memcg cg;
	memcg_init(&cg);
	char path[OOM_PATH_LEN], st;
	switch (which) {
	case 0: live_parse_meminfo(text, len, &m); break;
	case 1: live_parse_zoneinfo(text, len, 4, &s); break;
	case 2: live_parse_buddyinfo(text, len, &s); break;
	case 3: live_parse_psi(text, len, &p); break;
	case 4: live_parse_status(text, len, 4, &t); break;
	case 5: live_parse_stat(text, len, &t, &st); break;
	case 6: live_parse_pid_cgroup(text, len, path, sizeof(path)); break;
	case 7: live_vm_init(&v); live_parse_vmstat(text, len, &v); break;
	case 8: live_parse_memcg_stat(text, len, 1, &cg); break;
	case 11: live_parse_memcg_stat(text, len, 2, &cg); break;
	case 12: {
		char hroot[64];
		live_parse_mountinfo_memcg(text, len, path, sizeof(path), hroot, sizeof(hroot));
		break;
	}
	case 9: live_parse_memcg_events(text, len, &cg); break;
	case 10: live_parse_slabinfo(text, len, 4, &s); break;
	}
	snapshot_release(&s);
	free(text);
	return 0;
}
