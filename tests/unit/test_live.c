/* test_live.c — the /proc and /sys readers of src/live/ on captured trees
 * (tests/fixtures/host is a capture of a 6.18 x86_64 machine) and on
 * hand-written edge cases. */
#include <fcntl.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "check.h"
#include "live/live.h"

static char fixture[1024];

static const char *fx(const char *name)
{
	snprintf(fixture, sizeof(fixture), "%s/tests/fixtures/%s", check_srcdir(), name);
	return fixture;
}

TEST(test_root_and_meminfo)
{
	struct live_root r;
	CHECK_INT(live_root_open(&r, fx("host")), 0);
	CHECK(!r.host);
	CHECK(r.procfd >= 0);
	struct oom_mem m;
	CHECK_INT(live_read_meminfo(&r, &m), 0);
	CHECK_INT(m.total_kib, 24684096);
	CHECK_INT(m.swap_total_kib, 0);
	CHECK(known(m.available_kib));
	CHECK(known(m.commit_limit_kib) && known(m.committed_as_kib));
	CHECK_INT(m.anon_kib, m.active_anon_kib + m.inactive_anon_kib);
	CHECK_INT(m.hugepage_size_kib, 2048);
	CHECK(known(m.slab_reclaimable_kib) && known(m.slab_unreclaimable_kib));
	live_root_close(&r);
	CHECK(live_root_open(&r, "/nonexistent/oomkit") < 0);
}

TEST(test_meminfo_strict)
{
	struct oom_mem m;
	const char *t = "MemTotal:  100 kB\nMemFree: -5 kB\nMemAvailable: 12abc kB\nSwapTotal: 7\nCached: 10 kB\nBuffers: 2 kB\n";
	CHECK_INT(live_parse_meminfo(t, strlen(t), &m), 0);
	CHECK_INT(m.total_kib, 100);
	CHECK(!known(m.free_kib));          /* negative: refused */
	CHECK(!known(m.available_kib));     /* trailing junk: refused */
	CHECK_INT(m.swap_total_kib, 7);
	CHECK_INT(m.pagecache_kib, 12);
	CHECK(live_parse_meminfo("", 0, &m) < 0);
	CHECK(live_parse_meminfo("garbage\n", 8, &m) < 0);
}

TEST(test_zones)
{
	struct live_root r;
	CHECK_INT(live_root_open(&r, fx("host")), 0);
	struct oom_snapshot s;
	snapshot_init(&s);
	CHECK_INT(live_read_zones(&r, &s), 0);
	CHECK_INT(s.page_size_kib, 4);
	struct oom_zone *n = NULL;
	for (int i = 0; i < s.nr_zones; i++)
		if (!strcmp(s.zones[i].name, "Normal"))
			n = &s.zones[i];
	CHECK(n != NULL);
	if (n) {
		CHECK_INT(n->node, 0);
		CHECK_INT(n->free_kib, 270232 * 4);
		CHECK_INT(n->min_kib, 6273 * 4);
		CHECK_INT(n->low_kib, 7841 * 4);
		CHECK_INT(n->high_kib, 9409 * 4);   /* not the per-CPU "high:" of pagesets */
		CHECK_INT(n->managed_kib, 458752 * 4);
		CHECK_INT(n->boost_kib, 0);
		CHECK_INT(n->nr_lowmem_reserve, 5);
		CHECK_INT(n->nr_orders, 11);
		CHECK_INT(n->free_blocks[0], 6900);
		CHECK_INT(n->free_blocks[10], 173);
	}
	struct oom_zone *dma = snapshot_zone(&s, 0, "DMA");
	CHECK(dma && dma->nr_lowmem_reserve == 5 && dma->lowmem_reserve_pages[1] == 3019);
	CHECK(s.nr_nodes >= 1);
	snapshot_release(&s);
	live_root_close(&r);
}

TEST(test_page_size_inferred)
{
	struct live_root r;
	CHECK_INT(live_root_open(&r, fx("pages64k")), 0);
	CHECK_INT(live_page_size_kib(&r), 64);     /* MemFree 640 MiB / 10240 free pages */
	struct oom_snapshot s;
	snapshot_init(&s);
	CHECK_INT(live_read_zones(&r, &s), 0);
	CHECK_INT(s.page_size_kib, 64);
	struct oom_zone *z = snapshot_zone(&s, 0, "Normal");
	CHECK(z && z->free_kib == 8192 * 64 && z->min_kib == 100 * 64 && z->nr_orders == 14);
	CHECK(z && z->buddy_total_kib == (1LL << 13) * 64);
	snapshot_release(&s);
	live_root_close(&r);
	/* the host capture's MemFree counts memory outside the zones: no
	 * inference from a ratio that is not a page size, 4 KiB is kept */
	CHECK_INT(live_root_open(&r, fx("host")), 0);
	CHECK_INT(live_page_size_kib(&r), 4);
	live_root_close(&r);
}

TEST(test_buddyinfo_edge)
{
	struct oom_snapshot s;
	snapshot_init(&s);
	const char *t = "Node 0, zone   Normal      1      2      3 \nNode 1, zone Normal x\nNode, zone\n"
			"Node 0, zone      DMA 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17\n";
	CHECK_INT(live_parse_buddyinfo(t, strlen(t), &s), 0);
	CHECK_INT(s.nr_zones, 1);           /* the malformed and over-long lines are skipped */
	CHECK_INT(s.zones[0].nr_orders, 3);
	CHECK_INT(s.zones[0].free_blocks[2], 3);
	snapshot_release(&s);
}

TEST(test_psi)
{
	struct oom_pressure p;
	const char *t = "some avg10=1.25 avg60=0.50 avg300=0.00 total=14154\nfull avg10=0.10 avg60=0.00 avg300=0.00 total=10979\n";
	CHECK_INT(live_parse_psi(t, strlen(t), &p), 0);
	CHECK(p.some.known && p.full.known);
	CHECK(p.some.avg10 > 1.249 && p.some.avg10 < 1.251);
	CHECK(p.full.total_us == 10979);
	const char *bad = "some avg10=x avg60=0.50\n";
	CHECK(live_parse_psi(bad, strlen(bad), &p) < 0);
	struct live_root r;
	CHECK_INT(live_root_open(&r, fx("empty")), 0);
	CHECK(live_read_psi(&r, NULL, &p) == -ENOENT);
	live_root_close(&r);
}

TEST(test_status_and_stat)
{
	struct oom_task t;
	const char *st = "Name:\tmy\\nproc\nState:\tS (sleeping)\nTgid:\t42\nPid:\t42\nUid:\t1000\t1000\t1000\t1000\n"
			 "VmSize:\t  1000 kB\nVmRSS:\t 400 kB\nRssAnon:\t 300 kB\nRssFile:\t 60 kB\nRssShmem:\t 40 kB\n"
			 "VmPTE:\t  12 kB\nVmSwap:\t 8 kB\n";
	CHECK_INT(live_parse_status(st, strlen(st), 4, &t), 0);
	CHECK_INT(t.pid, 42);
	CHECK_INT(t.uid, 1000);
	CHECK_STR(t.comm, "my\nproc");      /* the kernel's escape undone */
	CHECK_INT(t.rss_pages, 100);
	CHECK_INT(t.rss_anon_pages, 75);
	CHECK_INT(t.swapents_pages, 2);
	CHECK_INT(t.pgtables_bytes, 12 * 1024);
	CHECK(!t.kthread);
	const char *kt = "Name:\tkthreadd\nState:\tS (sleeping)\nTgid:\t2\nPid:\t2\nKthread:\t1\n";
	CHECK_INT(live_parse_status(kt, strlen(kt), 4, &t), 0);
	CHECK(t.kthread);
	const char *old = "Name:\tkworker\nState:\tS (sleeping)\nTgid:\t9\nPid:\t9\n";   /* pre-Kthread: no mm */
	CHECK_INT(live_parse_status(old, strlen(old), 4, &t), 0);
	CHECK(t.kthread);
	const char *z = "Name:\tdead\nState:\tZ (zombie)\nTgid:\t7\nPid:\t7\n";
	CHECK_INT(live_parse_status(z, strlen(z), 4, &t), -ESRCH);
	CHECK(live_parse_status("", 0, 4, &t) < 0);

	struct live_pid_stat ps;
	task_init(&t);
	const char *s1 = "123 (a) b) c) S 1 1 1 0 -1 2097216 0 0 0 0 0 0 0 0 20 0 1 0 5 1000 77 18446744073709551615";
	CHECK_INT(live_parse_stat(s1, strlen(s1), &t, &ps), 0);
	CHECK_STR(t.comm, "a) b) c");       /* comm ends at the LAST ')' */
	CHECK_INT(t.pid, 123);
	CHECK_INT(ps.state, 'S');
	CHECK_INT(ps.ppid, 1);
	CHECK_INT(ps.sid, 1);
	CHECK_INT((int64_t)ps.start_ticks, 5);
	CHECK(t.kthread);                   /* 2097216 = PF_KTHREAD | … */
	CHECK_INT(t.rss_pages, 77);
	CHECK(live_parse_stat("12 (x", 5, &t, &ps) < 0);
}

TEST(test_cgroup_files)
{
	char p[128];
	const char *v1 = "4:memory:/process_api/abc\n3:cpuset:/\n0::/\n";
	CHECK_INT(live_parse_pid_cgroup(v1, strlen(v1), p, sizeof(p)), 0);
	CHECK_STR(p, "/process_api/abc");
	const char *v1b = "5:cpu,memory,blkio:/x\n";
	CHECK_INT(live_parse_pid_cgroup(v1b, strlen(v1b), p, sizeof(p)), 0);
	CHECK_STR(p, "/x");
	const char *v2 = "0::/user.slice/a:b\n";
	CHECK_INT(live_parse_pid_cgroup(v2, strlen(v2), p, sizeof(p)), 0);
	CHECK_STR(p, "/user.slice/a:b");
	CHECK(live_parse_pid_cgroup("junk", 4, p, sizeof(p)) < 0);

	struct oom_memcg m;
	memcg_init(&m);
	const char *st1 = "cache 4096\nrss 8192\ntotal_rss 16384\ntotal_cache 2048\nswap 0\nbogus x\n";
	CHECK_INT(live_parse_memcg_stat(st1, strlen(st1), 1, &m), 0);
	CHECK_INT(m.anon_kib, 16);          /* total_* preferred */
	CHECK_INT(m.file_kib, 2);
	memcg_init(&m);
	const char *st2 = "anon 1048576\nfile 4096\nkernel 8192\nslab_unreclaimable 2048\n";
	CHECK_INT(live_parse_memcg_stat(st2, strlen(st2), 2, &m), 0);
	CHECK_INT(m.anon_kib, 1024);
	CHECK_INT(m.kernel_kib, 8);
	const char *ev = "low 0\nhigh 3\nmax 10\noom 2\noom_kill 1\noom_group_kill 0\n";
	CHECK_INT(live_parse_memcg_events(ev, strlen(ev), &m), 0);
	CHECK_INT(m.oom_kill_count, 1);
	CHECK_INT(m.oom_events, 2);
	CHECK_INT(m.max_events, 10);
	const char *oc = "oom_kill_disable 0\nunder_oom 1\noom_kill 4\n";
	CHECK_INT(live_parse_memcg_events(oc, strlen(oc), &m), 0);
	CHECK_INT(m.under_oom, 1);
	CHECK_INT(m.oom_kill_count, 4);
}

TEST(test_mountinfo)
{
	char mnt[256], root[256];
	const char *v1 = "25 1 0:22 / /sys rw - sysfs sysfs rw\n"
			 "33 30 0:28 / /sys/fs/cgroup/unified rw - cgroup2 cgroup2 rw\n"
			 "40 30 0:35 /process_api /sys/fs/cgroup/memory rw - cgroup cgroup rw,memory\n";
	CHECK_INT(live_parse_mountinfo_memcg(v1, strlen(v1), mnt, sizeof(mnt), root, sizeof(root)), 0);
	CHECK_STR(mnt, "/sys/fs/cgroup/memory");
	CHECK_STR(root, "/process_api");
	const char *v2 = "33 30 0:28 / /sys/fs/cgroup rw - cgroup2 cgroup2 rw\n";
	CHECK_INT(live_parse_mountinfo_memcg(v2, strlen(v2), mnt, sizeof(mnt), root, sizeof(root)), 0);
	CHECK_STR(mnt, "/sys/fs/cgroup");
	const char *none = "25 1 0:22 / /sys rw - sysfs sysfs rw\nbroken line\n";
	CHECK(live_parse_mountinfo_memcg(none, strlen(none), mnt, sizeof(mnt), root, sizeof(root)) < 0);
}

TEST(test_memcg_live)
{
	/* The memory cgroup this test runs in (v1 on the test machine, or v2). */
	char rel[512];
	char text[2048];
	if (read_small_file("/proc/self/cgroup", text, sizeof(text)) < 0 ||
	    live_parse_pid_cgroup(text, strlen(text), rel, sizeof(rel)) < 0) {
		SKIP("no /proc/self/cgroup");
		return;
	}
	char dir[1024];
	snprintf(dir, sizeof(dir), "/sys/fs/cgroup/memory%s", rel);
	struct oom_memcg m;
	if (live_read_memcg(dir, &m) < 0) {
		snprintf(dir, sizeof(dir), "/sys/fs/cgroup%s", rel);
		if (live_read_memcg(dir, &m) < 0) {
			SKIP("no memory cgroup directory for this process");
			return;
		}
	}
	CHECK(m.version == 1 || m.version == 2);
	CHECK(known(m.usage_kib) && m.usage_kib > 0);
	CHECK(known(m.limit_kib));
	char back[512];
	CHECK_INT(live_memcg_relpath(dir, back, sizeof(back)), 0);
	CHECK_STR(back, rel);
	CHECK(live_read_memcg("/proc", &m) == -ENOENT);
}

TEST(test_vm)
{
	struct live_root r;
	CHECK_INT(live_root_open(&r, fx("risky-old")), 0);
	struct oom_system v;
	CHECK_INT(live_read_vm(&r, &v), 0);
	CHECK_INT(v.panic_on_oom, 1);
	CHECK_INT(v.oom_kill_allocating_task, 1);
	CHECK_INT(v.min_free_kbytes, 1048576);
	CHECK_INT(v.oom_kill_count, 3);
	CHECK_STR(v.kernel_release, "4.7.2-1-ARCH");
	CHECK(v.kv.known && v.kv.major == 4 && v.kv.minor == 7);
	CHECK(v.psi_known && v.psi.full.avg10 > 24.9);
	CHECK_INT(v.nr_lowmem_reserve_ratio, 5);
	CHECK(v.arch[0] == '\0');           /* uname only for the host */
	live_root_close(&r);
	CHECK_INT(live_root_open(&r, fx("empty")), 0);
	CHECK_INT(live_read_vm(&r, &v), 0);
	CHECK(!known(v.overcommit_memory) && !known(v.oom_kill_count) && !v.kv.known && !v.psi_known);
	struct oom_mem m;
	CHECK(live_read_meminfo(&r, &m) == -ENOENT);
	struct oom_snapshot s;
	snapshot_init(&s);
	CHECK(live_read_zones(&r, &s) < 0);
	CHECK_INT(s.nr_zones, 0);
	CHECK_INT(live_scan_tasks(&r, &s, NULL), 0);
	snapshot_release(&s);
	live_root_close(&r);
}

TEST(test_slabinfo)
{
	struct live_root r;
	CHECK_INT(live_root_open(&r, fx("slab40")), 0);
	struct oom_snapshot s;
	snapshot_init(&s);
	CHECK_INT(live_read_slabinfo(&r, &s), 0);
	CHECK_INT(s.nr_slabs, 3);
	CHECK_STR(s.slabs[0].name, "kmalloc-512");
	CHECK_INT(s.slabs[0].total_kib, 281250LL * 4 * 4);
	CHECK(s.slabs[1].total_kib >= s.slabs[2].total_kib);
	snapshot_release(&s);
	live_root_close(&r);
}

TEST(test_tasks_fixture)
{
	struct live_root r;
	CHECK_INT(live_root_open(&r, fx("host")), 0);
	struct oom_snapshot s;
	snapshot_init(&s);
	CHECK_INT(live_scan_tasks(&r, &s, NULL), 4);
	CHECK_INT(s.tasks[0].pid, 1);       /* /proc order is pid order */
	CHECK(s.tasks[0].global_init);
	bool saw_kthread = false;
	for (size_t i = 0; i < s.nr_tasks; i++)
		if (s.tasks[i].pid == 2)
			saw_kthread = s.tasks[i].kthread;
	CHECK(saw_kthread);
	struct oom_task t;
	CHECK_INT(live_read_task(&r, 1169, &t), 0);
	CHECK_INT(t.oom_score_adj, 0);
	CHECK_INT(t.rss_pages, (1204 + 3128) / 4);
	CHECK(live_read_task(&r, 999999, &t) == -ENOENT);
	char cg[512];
	CHECK_INT(live_read_task_cgroup(&r, 1169, cg, sizeof(cg)), 0);
	CHECK(cg[0] == '/');
	snapshot_release(&s);
	live_root_close(&r);
}

TEST(test_tasks_host)
{
	struct live_root r;
	CHECK_INT(live_root_open(&r, NULL), 0);
	CHECK(r.host);
	struct oom_snapshot s;
	snapshot_init(&s);
	int n = live_scan_tasks(&r, &s, NULL);
	CHECK(n > 1);
	bool self = false;
	for (size_t i = 0; i < s.nr_tasks; i++)
		if (s.tasks[i].pid == getpid()) {
			self = true;
			CHECK(!s.tasks[i].kthread);
			CHECK(s.tasks[i].rss_pages > 0);
		}
	CHECK(self);
	struct oom_task t;
	CHECK(live_read_task(&r, 0x7ffffff0, &t) < 0);   /* vanished / never existed: an error code, not a crash */
	snapshot_release(&s);
	live_root_close(&r);
}

/* cgroup v2: the root of the unified hierarchy has no memory.current (it
 * is not on the root, kernel/cgroup), yet the walk must go on below it.
 * Seen in the VM matrix: status listed no cgroup at all on a v2 machine. */
static void put(const char *dir, const char *name, const char *text)
{
	char path[1024];
	snprintf(path, sizeof(path), "%s/%s", dir, name);
	FILE *f = fopen(path, "w");
	if (!f)
		return;
	fputs(text, f);
	fclose(f);
}

TEST(test_memcgs_v2_root_without_memory_current)
{
	char root[] = "/tmp/oomkit-test-memcgs-XXXXXX", dir[512], sub[600];
	if (!mkdtemp(root)) {
		CHECK(0);
		return;
	}
	snprintf(dir, sizeof(dir), "%s/sys", root);
	mkdir(dir, 0755);
	snprintf(dir, sizeof(dir), "%s/sys/fs", root);
	mkdir(dir, 0755);
	snprintf(dir, sizeof(dir), "%s/sys/fs/cgroup", root);
	mkdir(dir, 0755);
	put(dir, "cgroup.controllers", "cpuset cpu io memory pids\n");
	put(dir, "memory.stat", "anon 0\n");
	snprintf(sub, sizeof(sub), "%s/app", dir);
	mkdir(sub, 0755);
	put(sub, "cgroup.controllers", "memory pids\n");
	put(sub, "memory.current", "104857600\n");
	put(sub, "memory.max", "134217728\n");
	put(sub, "memory.events", "low 0\nhigh 0\nmax 7\noom 2\noom_kill 2\n");
	put(sub, "cgroup.procs", "");
	struct live_root r;
	CHECK_INT(live_root_open(&r, root), 0);
	struct oom_memcg_summary m;
	CHECK_INT(live_read_memcgs(&r, &m), 0);
	CHECK_INT(m.version, 2);
	CHECK_INT(m.n, 1);
	CHECK_INT(m.nr_with_kills, 1);
	if (m.n == 1) {
		CHECK_STR(m.v[0].cg.path, "/app");
		CHECK_INT(m.v[0].cg.usage_kib, 102400);
	}
	live_root_close(&r);
	char cmd[600];
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", root);
	CHECK_INT(system(cmd), 0);
}

/* The parsers the guard uses beside the interactive readers. */
TEST(test_parsers_for_the_guard)
{
	/* vmstat → oom_vmstat: split counters summed, one-counter eras too */
	const char *vm = "pgscan_kswapd 10\npgscan_direct 3\nallocstall_dma32 1\nallocstall_normal 4\n"
			 "workingset_refault_anon 5\nworkingset_refault_file 6\noom_kill 2\njunk x\n";
	struct oom_vmstat v;
	CHECK_INT(live_parse_vmstat(vm, strlen(vm), &v), 0);
	CHECK_INT(v.pgscan_kswapd, 10);
	CHECK_INT(v.allocstall, 5);
	CHECK_INT(v.workingset_refault, 11);
	CHECK_INT(v.oom_kill, 2);
	CHECK(!known(v.pswpin));
	const char *old = "workingset_refault 7\nallocstall 9\n";
	CHECK_INT(live_parse_vmstat(old, strlen(old), &v), 0);
	CHECK_INT(v.workingset_refault, 7);
	CHECK_INT(v.allocstall, 9);
	CHECK_INT(live_parse_vmstat("nothing here\n", 13, &v), -EINVAL);

	/* buddyinfo summed over zones */
	const char *bi = "Node 0, zone      DMA      1      2\nNode 0, zone   Normal     10     20     30\n";
	int64_t blocks[OOM_MAX_ORDERS];
	int nr = -1;
	CHECK_INT(live_parse_buddyinfo_sum(bi, strlen(bi), blocks, OOM_MAX_ORDERS, &nr), 0);
	CHECK_INT(nr, 3);
	CHECK_INT(blocks[0], 11);
	CHECK_INT(blocks[1], 22);
	CHECK_INT(blocks[2], 30);
	CHECK_INT(live_parse_buddyinfo_sum("x\n", 2, blocks, OOM_MAX_ORDERS, &nr), -EINVAL);

	/* one-number files, memcg byte values, cgroup.procs, cmdline */
	int64_t x = 0;
	CHECK_INT(live_parse_value_i64("-1000\n", 6, &x), 0);
	CHECK_INT(x, -1000);
	CHECK_INT(live_parse_value_i64("12 kB\n", 6, &x), -EINVAL);
	CHECK_INT(live_parse_memcg_bytes("max\n", 4, &x), 0);
	CHECK(is_unlimited(x));
	CHECK_INT(live_parse_memcg_bytes("9223372036854771712\n", 20, &x), 0);
	CHECK(is_unlimited(x));
	CHECK_INT(live_parse_memcg_bytes("1048576\n", 8, &x), 0);
	CHECK_INT(x, 1024);
	CHECK_INT(live_parse_memcg_bytes("", 0, &x), -EINVAL);
	const char *procs = "1\n23\n99999999999999999999999\n7\n", *q = procs;
	int64_t pids[8];
	int np = 0;
	while (np < 8 && live_pids_next(&q, procs + strlen(procs), &pids[np]))
		np++;
	CHECK_INT(np, 3);
	CHECK_INT(pids[2], 7);
	char line[32];
	CHECK_INT(live_parse_cmdline("a\0-b\0\0", 6, line, sizeof(line)), 0);
	CHECK_STR(line, "a -b");
	CHECK_INT(live_parse_cmdline("\0", 1, line, sizeof(line)), -EINVAL);

	/* status: a process in exit_mm is -EAGAIN (memory on its way back) */
	const char *ex = "Name:\tx\nState:\tR (running)\nTgid:\t9\nPid:\t9\nKthread:\t0\n";
	struct oom_task t;
	CHECK_INT(live_parse_status(ex, strlen(ex), 4, &t), -EAGAIN);
	uint64_t cap = 0;
	const char *cs = "Name:\tx\nCapEff:\t000001ffffffffff\n";
	CHECK_INT(live_parse_status_capeff(cs, strlen(cs), &cap), 0);
	CHECK(cap == 0x1ffffffffffull);

	/* smaps lines */
	struct live_smaps_line sl;
	const char *hdr = "55d4c0a00000-55d4c0a2a000 r--p 00000000 08:01 1234567   /usr/bin/oomkit";
	CHECK_INT(live_parse_smaps_line(hdr, strlen(hdr), &sl), 0);
	CHECK_INT(sl.kind, SMAPS_HEADER);
	CHECK(sl.file_backed && sl.readable && !sl.writable && sl.private_map);
	CHECK(sl.end - sl.start == 0x2a000);
	const char *vdso = "7ffd5a9f0000-7ffd5a9f2000 r-xp 00000000 00:00 0   [vdso]";
	CHECK_INT(live_parse_smaps_line(vdso, strlen(vdso), &sl), 0);
	CHECK(!sl.file_backed);
	CHECK_INT(live_parse_smaps_line("Anonymous:      4 kB", 20, &sl), 0);
	CHECK_INT(sl.kind, SMAPS_ANONYMOUS);
	CHECK_INT(sl.anon_kib, 4);

	/* kmsg records of an OOM report */
	const char *rep = "4,1,2,-;x invoked oom-killer: gfp_mask=0xcc0\n"
			  "6,2,3,-;oom-kill:constraint=CONSTRAINT_MEMCG,oom_memcg=/t/app,task_memcg=/t/app,task=x,pid=42\n"
			  "3,3,4,-;Memory cgroup out of memory: Killed process 42 (x y) total-vm:1kB\n";
	struct live_kmsg_line kl;
	CHECK_INT(live_parse_kmsg_record(rep, strlen(rep), &kl), 0);
	CHECK_INT(kl.kind, KMSG_OOM_START);
	const char *mc;
	size_t ml;
	CHECK_INT(live_kmsg_find_oom_memcg(rep, strlen(rep), &mc, &ml), 0);
	CHECK(ml == 6 && !memcmp(mc, "/t/app", 6));
	int64_t kpid;
	char comm[16];
	CHECK_INT(live_kmsg_find_killed(rep, strlen(rep), &kpid, comm, sizeof(comm)), 0);
	CHECK_INT(kpid, 42);
	CHECK_STR(comm, "x y");
	CHECK_INT(live_parse_kmsg_record("no semicolon", 12, &kl), -EINVAL);

	/* sysctl lists, mode words, zram, zoneinfo free pages */
	int64_t list[8];
	int nl = 0;
	CHECK_INT(live_parse_value_list("256\t256\t32\t0\n", 14, list, 8, &nl), 0);
	CHECK_INT(nl, 4);
	CHECK_INT(list[2], 32);
	CHECK_INT(live_parse_value_list("x", 1, list, 8, &nl), -EINVAL);
	char word[16];
	CHECK_INT(live_parse_bracketed("always [madvise] never\n", 23, word, sizeof(word)), 0);
	CHECK_STR(word, "madvise");
	CHECK_INT(live_parse_bracketed("never\n", 6, word, sizeof(word)), -EINVAL);
	int64_t orig, compr;
	CHECK_INT(live_parse_zram_mm_stat("  4096000  1024000  1200000\n", 28, &orig, &compr), 0);
	CHECK_INT(orig, 4000);
	CHECK_INT(compr, 1000);
	const char *zi = "Node 0, zone   Normal\n  pages free     1000\n        min      10\n"
			 "Node 0, zone  Movable\n  pages free     24\n";
	int64_t pages = 0;
	CHECK_INT(live_parse_zoneinfo_free_pages(zi, strlen(zi), &pages), 0);
	CHECK_INT(pages, 1024);
}

/* A zombie thread-group leader is read through a live thread
 * (find_lock_task_mm): pid and tgid stay the leader's. */
TEST(test_zombie_leader)
{
	char path[512];
	snprintf(path, sizeof(path), "%s/tests/fixtures/guard/proc-zombie-leader", check_srcdir());
	int fd = open(path, O_RDONLY | O_DIRECTORY);
	if (fd < 0) {
		SKIP("fixture missing");
		return;
	}
	struct live_root r;
	memset(&r, 0, sizeof(r));
	r.dirfd = -1;
	r.procfd = fd;
	r.host = false;
	struct oom_task t;
	CHECK_INT(live_read_task(&r, 800, &t), 0);
	CHECK_INT(t.pid, 800);
	CHECK_INT(t.tgid, 800);
	CHECK_INT(t.rss_anon_pages, 490000 / 4);
	CHECK_INT(live_read_task(&r, 950, &t), -EAGAIN);
	struct live_pid_stat ps;
	CHECK_INT(live_read_stat(&r, 800, &t, &ps), 0);
	CHECK_INT(ps.state, 'Z');
	CHECK_INT((int64_t)ps.start_ticks, 1800);
	char cl[64];
	CHECK_INT(live_read_cmdline(&r, 900, cl, sizeof(cl)), 0);
	CHECK_STR(cl, "bystander --x");
	close(fd);
}

int main(void)
{
	RUN(test_memcgs_v2_root_without_memory_current);
	RUN(test_root_and_meminfo);
	RUN(test_meminfo_strict);
	RUN(test_zones);
	RUN(test_page_size_inferred);
	RUN(test_buddyinfo_edge);
	RUN(test_psi);
	RUN(test_status_and_stat);
	RUN(test_cgroup_files);
	RUN(test_mountinfo);
	RUN(test_memcg_live);
	RUN(test_vm);
	RUN(test_slabinfo);
	RUN(test_tasks_fixture);
	RUN(test_tasks_host);
	RUN(test_parsers_for_the_guard);
	RUN(test_zombie_leader);
	return check_summary();
}
