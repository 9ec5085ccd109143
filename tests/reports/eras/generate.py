#!/usr/bin/env python3
"""Writes the era collection (NAME.log + NAME.json) of OOM reports in the
kernel's own formats, one per era or situation the corpus lacks.

The line formats follow the kernel sources of each era (fact sheet
shared/reference/kernel-oom.md §1, §1.14, §1.15); the numbers are built so
that they add up the way a real report's do: zone free = its buddy line,
summary pages = the zones' kB / page size, node lines = their zones, the kill
line = the victim's table row × page size, pages RAM / reserved = the zones'
present / managed.  Run it from this directory: python3 generate.py
"""
import json
import os
import random

HERE = os.path.dirname(os.path.abspath(__file__))


def rnd_letters(rng, new, order):
    """Migratetype letters of a non-empty free list (3.5+): 'UEM' order up to
    4.3 and RHEL7, 'UME' from 4.4 (show_migration_types)."""
    if order >= 9:
        return "M"
    pool = ["U", "M", "E"] if new else ["U", "E", "M"]
    pick = [c for c in pool if rng.random() < (0.8 if c != "E" else 0.5)] or ["M"]
    return "".join(pick)


class Zone:
    def __init__(self, node, name, present, managed, min_kb, free, lowmem, top_order=10, blocks=None):
        self.node, self.name = node, name
        self.present, self.managed, self.min = present, managed, min_kb
        self.low, self.high = min_kb * 5 // 4, min_kb * 3 // 2
        self.free = free
        self.lowmem = lowmem
        self.top_order = top_order
        self.blocks = blocks
        self.v = {}


def split_blocks(free_kb, psz, norders, top_order):
    """Free kB as block counts per order, largest allowed order first."""
    counts = [0] * norders
    rem = free_kb
    for o in range(min(top_order, norders - 1), 0, -1):
        size = psz << o
        c = int(rem * 0.3) // size
        counts[o] = c
        rem -= c * size
    counts[0] = rem // psz
    assert counts[0] * psz == rem, (free_kb, psz)
    return counts


class Report:
    def __init__(self, name, psz=4, norders=11, seed=1):
        self.name, self.psz, self.norders = name, psz, norders
        self.rng = random.Random(seed)
        self.lines = []
        self.facts = {}

    def out(self, s):
        self.lines.append(s)

    def k(self, kb):
        """kB rounded down to a whole page."""
        return kb // self.psz * self.psz


SUBSET = ("shmem", "mapped", "dirty", "anon_thp")


def fill_zones(r, zones, used_cat):
    """Spreads the global kB of each category over the zones that hold user
    memory, by their used share; values are whole pages."""
    users = ([z for z in zones if z.name not in ("DMA",) and z.managed > 0]
             or [z for z in zones if z.managed > 0])   # ppc64/arm64: one DMA zone holds all memory
    used_tot = sum(z.managed - z.free for z in users)
    for z in zones:
        for cat in used_cat:
            z.v[cat] = 0
    for cat, total in used_cat.items():
        left = total
        for i, z in enumerate(users):
            if i == len(users) - 1:
                val = left
            else:
                val = r.k(total * (z.managed - z.free) // used_tot)
            z.v[cat] = val
            left -= val
    for z in zones:
        used = sum(v for c, v in z.v.items() if c not in SUBSET)
        assert used <= z.managed - z.free, (r.name, z.name, used, z.managed - z.free)


def zone_field(r, z, key, old_scan=0):
    v = z.v
    table = {
        "free": z.free, "min": z.min, "low": z.low, "high": z.high, "boost": 0,
        "reserved_highatomic": 0, "active_anon": v.get("active_anon", 0),
        "inactive_anon": v.get("inactive_anon", 0), "active_file": v.get("active_file", 0),
        "inactive_file": v.get("inactive_file", 0), "unevictable": v.get("unevictable", 0),
        "isolated(anon)": 0, "isolated(file)": 0, "present": z.present, "managed": z.managed,
        "mlocked": v.get("unevictable", 0), "dirty": v.get("dirty", 0), "writeback": 0,
        "mapped": v.get("mapped", 0), "shmem": v.get("shmem", 0),
        "slab_reclaimable": v.get("slab_r", 0), "slab_unreclaimable": v.get("slab_u", 0),
        "kernel_stack": v.get("kstack", 0), "pagetables": v.get("pagetables", 0),
        "unstable": 0, "bounce": 0, "free_pcp": v.get("free_pcp", 0), "local_pcp": 0,
        "free_cma": 0, "writeback_tmp": 0, "writepending": v.get("dirty", 0),
        "active": v.get("active_anon", 0) + v.get("active_file", 0),
        "inactive": v.get("inactive_anon", 0) + v.get("inactive_file", 0),
    }
    if key == "pages_scanned":
        return "pages_scanned:%d" % old_scan
    if key == "all_unreclaimable?":
        return "all_unreclaimable? %s" % ("yes" if z.v.get("unrecl") else "no")
    if key in ("reserved_highatomic", "free_highatomic"):
        return "%s:%dKB" % (key, table[key])
    return "%s:%dkB" % (key, table[key])


ZL = {
    "2.6.18": "free min low high active inactive present pages_scanned all_unreclaimable?",
    "2.6.32": "free min low high active_anon inactive_anon active_file inactive_file unevictable isolated(anon) isolated(file) present mlocked dirty writeback mapped shmem slab_reclaimable slab_unreclaimable kernel_stack pagetables unstable bounce writeback_tmp pages_scanned all_unreclaimable?",
    "3.10": "free min low high active_anon inactive_anon active_file inactive_file unevictable isolated(anon) isolated(file) present managed mlocked dirty writeback mapped shmem slab_reclaimable slab_unreclaimable kernel_stack pagetables unstable bounce free_cma writeback_tmp pages_scanned all_unreclaimable?",
    "4.4": "free min low high active_anon inactive_anon active_file inactive_file unevictable isolated(anon) isolated(file) present managed mlocked dirty writeback mapped shmem slab_reclaimable slab_unreclaimable kernel_stack pagetables unstable bounce free_pcp local_pcp free_cma writeback_tmp pages_scanned all_unreclaimable?",
    "4.14": "free min low high active_anon inactive_anon active_file inactive_file unevictable writepending present managed mlocked kernel_stack pagetables bounce free_pcp local_pcp free_cma",
    "5.10": "free min low high reserved_highatomic active_anon inactive_anon active_file inactive_file unevictable writepending present managed mlocked pagetables bounce free_pcp local_pcp free_cma",
    "5.15": "free min low high reserved_highatomic active_anon inactive_anon active_file inactive_file unevictable writepending present managed mlocked bounce free_pcp local_pcp free_cma",
    "6.1": "free boost min low high reserved_highatomic active_anon inactive_anon active_file inactive_file unevictable writepending present managed mlocked bounce free_pcp local_pcp free_cma",
}


def zone_lines(r, zones, era, numa=True, letters=None, empty_zones=()):
    """Zone lines with lowmem_reserve[] after each, then the buddy lines."""
    keys = ZL[era].split()
    for z in zones:
        pre = ("Node %d " % z.node) if numa else ""
        r.out(pre + z.name + " " + " ".join(zone_field(r, z, k, z.v.get("scan", 0)) for k in keys))
        r.out("lowmem_reserve[]: " + " ".join(str(x) for x in z.lowmem))
    for z in zones:
        pre = ("Node %d " % z.node) if numa else ""
        if z.present == 0:
            r.out(pre + z.name + ": empty")
            continue
        counts = z.blocks or split_blocks(z.free, r.psz, r.norders, z.top_order)
        z.counts = counts
        toks = []
        total = 0
        for o, c in enumerate(counts):
            size = r.psz << o
            total += c * size
            t = "%d*%dkB" % (c, size)
            if letters is not None and c:
                t += " (%s)" % rnd_letters(r.rng, letters == "new", o)
            toks.append(t)
        assert total == z.free, (r.name, z.name, total, z.free)
        r.out(pre + z.name + ": " + " ".join(toks) + " = %dkB" % total)


def summary(r, zones, era, extra=None):
    """The Mem-Info summary lines, in pages, from the zones' kB."""
    p = r.psz
    s = lambda cat: sum(z.v.get(cat, 0) for z in zones) // p
    free = sum(z.free for z in zones) // p
    aa, ia, af, if_ = s("active_anon"), s("inactive_anon"), s("active_file"), s("inactive_file")
    un, di, sr, su = s("unevictable"), s("dirty"), s("slab_r"), s("slab_u")
    ma, sh, pt, pcp = s("mapped"), s("shmem"), s("pagetables"), s("free_pcp")
    if era == "2.6.18":
        r.out("Free pages: %11dkB (0kB HighMem)" % (free * p))
        r.out("Active:%d inactive:%d dirty:%d writeback:0 unstable:0 free:%d slab:%d mapped:%d pagetables:%d"
              % (aa + af, ia + if_, di, free, sr + su, ma, pt))
        return
    r.out("active_anon:%d inactive_anon:%d isolated_anon:0" % (aa, ia))
    r.out(" active_file:%d inactive_file:%d isolated_file:0" % (af, if_))
    if era in ("2.6.32", "3.10"):
        r.out(" unevictable:%d dirty:%d writeback:0 unstable:0" % (un, di))
        r.out(" free:%d slab_reclaimable:%d slab_unreclaimable:%d" % (free, sr, su))
        r.out(" mapped:%d shmem:%d pagetables:%d bounce:0" % (ma, sh, pt))
        if era == "3.10":
            r.out(" free_cma:0")
        return
    if era in ("4.4", "4.14", "5.4"):
        r.out(" unevictable:%d dirty:%d writeback:0 unstable:0" % (un, di))
    else:
        r.out(" unevictable:%d dirty:%d writeback:0" % (un, di))
    r.out(" slab_reclaimable:%d slab_unreclaimable:%d" % (sr, su))
    if era in ("6.1", "6.8", "6.12"):
        r.out(" mapped:%d shmem:%d pagetables:%d" % (ma, sh, pt))
        r.out(" sec_pagetables:0 bounce:0")
        r.out(" kernel_misc_reclaimable:0")
    else:
        r.out(" mapped:%d shmem:%d pagetables:%d bounce:0" % (ma, sh, pt))
        if era == "5.15":
            r.out(" kernel_misc_reclaimable:0")
    r.out(" free:%d free_pcp:%d free_cma:0" % (free, pcp))


def node_line(r, zones, node, era):
    zs = [z for z in zones if z.node == node]
    s = lambda cat: sum(z.v.get(cat, 0) for z in zs)
    unrecl = "yes" if any(z.v.get("unrecl") for z in zs) else "no"
    parts = ["Node %d active_anon:%dkB inactive_anon:%dkB active_file:%dkB inactive_file:%dkB unevictable:%dkB"
             " isolated(anon):0kB isolated(file):0kB mapped:%dkB dirty:%dkB writeback:0kB shmem:%dkB"
             % (node, s("active_anon"), s("inactive_anon"), s("active_file"), s("inactive_file"),
                s("unevictable"), s("mapped"), s("dirty"), s("shmem"))]
    thp = s("anon_thp")
    if era in ("6.8", "6.12"):
        parts.append("shmem_thp:0kB shmem_pmdmapped:0kB anon_thp:%dkB writeback_tmp:0kB" % thp)
    else:
        parts.append("shmem_thp: 0kB shmem_pmdmapped: 0kB anon_thp: %dkB writeback_tmp:0kB" % thp)
    if era in ("4.14", "5.4"):
        parts.append("unstable:0kB")
    if era in ("5.10", "5.15", "6.1", "6.8", "6.12"):
        parts.append("kernel_stack:%dkB" % s("kstack"))
    if era in ("5.15", "6.1", "6.8", "6.12"):
        parts.append("pagetables:%dkB" % s("pagetables"))
    if era in ("6.1", "6.8", "6.12"):
        parts.append("sec_pagetables:0kB")
    parts.append("all_unreclaimable? %s" % unrecl)
    r.out(" ".join(parts))


def totals(r, zones, era, swap_total, swap_free, pagecache, swapcache=0, highmem_line=None,
           hugepages=((0, 2048),), nodes=(0,)):
    p = r.psz
    ram = sum(z.present for z in zones) // p
    reserved = sum(z.present - z.managed for z in zones) // p
    r.facts["total_kb"] = (ram - reserved) * p
    if era not in ("2.6.18", "2.6.32", "3.2"):
        for n in nodes:
            for total, size in hugepages:
                r.out("Node %d hugepages_total=%d hugepages_free=%d hugepages_surp=0 hugepages_size=%dkB"
                      % (n, total, total, size))
    if era == "2.6.18":
        r.out("Swap cache: add 0, delete 0, find 0/0, race 0+0")
        r.out("Free swap  = %dkB" % swap_free)
        r.out("Total swap = %dkB" % swap_total)
        r.out("Free swap:       %6dkB" % swap_free)
        r.out("%d pages of RAM" % ram)
        r.out("%d reserved pages" % reserved)
        r.out("%d pages shared" % (pagecache // 3))
        r.out("0 pages swap cached")
        return
    r.out("%d total pagecache pages" % pagecache)
    r.out("%d pages in swap cache" % swapcache)
    if era not in ("6.1", "6.8", "6.12"):
        r.out("Swap cache stats: add %d, delete %d, find %d/%d" % (swapcache * 9, swapcache * 8, swapcache * 3, swapcache * 5))
    r.out("Free swap  = %dkB" % swap_free)
    r.out("Total swap = %dkB" % swap_total)
    r.out("%d pages RAM" % ram)
    if era in ("2.6.32", "3.2", "3.10"):
        if highmem_line is not None:
            r.out("%d pages HighMem" % highmem_line)
        r.out("%d pages reserved" % reserved)
        r.out("%d pages shared" % (pagecache // 4))
        r.out("%d pages non-shared" % (ram - reserved - pagecache // 4))
        return
    r.out("0 pages HighMem/MovableOnly")
    r.out("%d pages reserved" % reserved)
    if era in ("4.4", "5.4", "5.15", "6.1", "6.8", "6.12", "5.14"):
        r.out("0 pages cma reserved")
    r.out("0 pages hwpoisoned")


# ---- task tables ---------------------------------------------------------------

class Task:
    def __init__(self, pid, uid, comm, vm_pages, anon, file, shmem=0, pgt_bytes=0, swap=0, adj=0, cpu=0, oom_adj=0):
        self.pid, self.uid, self.comm = pid, uid, comm
        self.vm, self.anon, self.file, self.shmem = vm_pages, anon, file, shmem
        self.rss = anon + file + shmem
        self.pgt = pgt_bytes or max(8192, (vm_pages // 512 + 4) * 4096)
        self.swap, self.adj, self.cpu, self.oom_adj = swap, adj, cpu, oom_adj


def task_table(r, tasks, era):
    if era in ("2.6.32",):
        r.out("[ pid ]   uid  tgid total_vm      rss cpu oom_adj name")
        for t in tasks:
            r.out("[%5d] %5d %5d %8d %8d %3d     %3d %s" % (t.pid, t.uid, t.pid, t.vm, t.rss, t.cpu, t.oom_adj, t.comm))
    elif era in ("rhel6", "3.2"):
        r.out("[ pid ]   uid  tgid total_vm      rss cpu oom_adj oom_score_adj name")
        for t in tasks:
            r.out("[%5d] %5d %5d %8d %8d %3d     %3d         %5d %s" % (t.pid, t.uid, t.pid, t.vm, t.rss, t.cpu, t.oom_adj, t.adj, t.comm))
    elif era in ("3.10",):
        r.out("[ pid ]   uid  tgid total_vm      rss nr_ptes swapents oom_score_adj name")
        for t in tasks:
            r.out("[%5d] %5d %5d %8d %8d %7d %8d         %5d %s" % (t.pid, t.uid, t.pid, t.vm, t.rss, t.pgt // 4096, t.swap, t.adj, t.comm))
    elif era in ("4.4", "4.14"):
        r.out("[ pid ]   uid  tgid total_vm      rss nr_ptes nr_pmds swapents oom_score_adj name")
        for t in tasks:
            r.out("[%5d] %5d %5d %8d %8d %7d %7d %8d         %5d %s" % (t.pid, t.uid, t.pid, t.vm, t.rss, t.pgt // 4096, 3 + t.vm // 262144, t.swap, t.adj, t.comm))
    elif era in ("6.8", "6.12"):
        r.out("Tasks state (memory values in pages):")
        r.out("[  pid  ]   uid  tgid total_vm      rss rss_anon rss_file rss_shmem pgtables_bytes swapents oom_score_adj name")
        for t in tasks:
            r.out("[%7d] %5d %5d %8d %8d %8d %8d %9d %8d %8d         %5d %s" % (t.pid, t.uid, t.pid, t.vm, t.rss, t.anon, t.file, t.shmem, t.pgt, t.swap, t.adj, t.comm))
    elif era in ("rhel9",):
        r.out("Tasks state (memory values in pages):")
        r.out("[  pid  ]   uid  tgid total_vm      rss pgtables_bytes swapents oom_score_adj name")
        for t in tasks:
            r.out("[%7d] %5d %5d %8d %8d %8d %8d         %5d %s" % (t.pid, t.uid, t.pid, t.vm, t.rss, t.pgt, t.swap, t.adj, t.comm))
    else:
        r.out("Tasks state (memory values in pages):")
        r.out("[  pid  ]   uid  tgid total_vm      rss pgtables_bytes swapents oom_score_adj name")
        for t in tasks:
            r.out("[%7d] %5d %5d %8d %8d %8d %8d         %5d %s" % (t.pid, t.uid, t.pid, t.vm, t.rss, t.pgt, t.swap, t.adj, t.comm))


def kill_values(r, t):
    p = r.psz
    return (t.vm * p, t.anon * p, t.file * p, t.shmem * p)


def victim_facts(r, t, adj=None):
    vm, anon, file, shmem = kill_values(r, t)
    r.facts.update({
        "victim_pid": t.pid, "victim_comm": t.comm, "victim_anon_rss_kb": anon,
        "victim_file_rss_kb": file, "victim_shmem_rss_kb": shmem, "victim_total_vm_kb": vm,
        "oom_score_adj_of_victim": t.adj if adj is None else adj,
    })


def base_tasks(seed_pid=300):
    """Ordinary system daemons (pages, 4 KiB)."""
    return [
        Task(seed_pid, 0, "systemd-journal", 17174, 410, 6120, 300, 135168, 0, -250),
        Task(seed_pid + 27, 0, "systemd-udevd", 5257, 1100, 513, 0, 69632, 0, -1000),
        Task(seed_pid + 310, 104, "dbus-daemon", 2151, 520, 853, 0, 53248, 0, -900),
        Task(seed_pid + 340, 0, "cron", 2134, 210, 538, 0, 49152, 0, 0),
        Task(seed_pid + 351, 107, "rsyslogd", 56086, 640, 626, 0, 77824, 0, 0),
        Task(seed_pid + 380, 0, "sshd", 3043, 1010, 844, 0, 61440, 0, -1000),
        Task(seed_pid + 395, 0, "agetty", 1838, 90, 479, 0, 45056, 0, 0),
    ]


def lru_split(r, anon_kb, file_kb):
    aa = r.k(anon_kb * 7 // 10)
    fa = r.k(file_kb // 2)
    return {"active_anon": aa, "inactive_anon": r.k(anon_kb) - aa,
            "active_file": fa, "inactive_file": r.k(file_kb) - fa}


def write(r):
    with open(os.path.join(HERE, r.name + ".log"), "w") as f:
        f.write("\n".join(r.lines) + "\n")
    facts = {"source": "written for oomkit from the kernel's printk formats of this era "
                       "(shared/reference/kernel-oom.md §1; numbers built to add up), tests/reports/eras/generate.py"}
    facts.update(r.facts)
    with open(os.path.join(HERE, r.name + ".json"), "w") as f:
        json.dump(facts, f, indent=2)
        f.write("\n")


STACK_X86_OLD = [
    "Call Trace:",
    " [<ffffffff810b2c5a>] ? cpuset_print_task_mems_allowed+0x9a/0xb0",
    " [<ffffffff81104e4a>] dump_header+0x8a/0x1b0",
    " [<ffffffff81105472>] oom_kill_process+0x82/0x2a0",
    " [<ffffffff811053b1>] ? select_bad_process+0xe1/0x120",
    " [<ffffffff811058b0>] out_of_memory+0x220/0x3c0",
    " [<ffffffff811120ef>] __alloc_pages_nodemask+0x89f/0x8d0",
    " [<ffffffff8114ac8a>] alloc_pages_vma+0x9a/0x150",
    " [<ffffffff8113b42f>] handle_pte_fault+0x73f/0xb00",
    " [<ffffffff8113ba4a>] handle_mm_fault+0x25a/0x3b0",
    " [<ffffffff8104a8d8>] __do_page_fault+0x138/0x480",
    " [<ffffffff8151e7be>] do_page_fault+0x3e/0xa0",
    " [<ffffffff8151bb75>] page_fault+0x25/0x30",
]

STACK_X86_NEW = [
    "Call Trace:",
    " dump_stack+0x6d/0x8b",
    " dump_header+0x4f/0x1eb",
    " oom_kill_process.cold+0xb/0x10",
    " out_of_memory+0x1cf/0x4d0",
    " __alloc_pages_slowpath+0xd5e/0xe50",
    " __alloc_pages_nodemask+0x2d0/0x320",
    " alloc_pages_vma+0x79/0x200",
    " __handle_mm_fault+0x16a9/0x1df0",
    " handle_mm_fault+0xcb/0x210",
    " do_user_addr_fault+0x1f9/0x450",
    " exc_page_fault+0x6a/0x150",
    " asm_exc_page_fault+0x1e/0x30",
    "RIP: 0033:0x7f3c2b1d3a1b",
    "Code: Unable to access opcode bytes at RIP 0x7f3c2b1d39f1.",
    "RSP: 002b:00007ffd8e2c2a30 EFLAGS: 00010206",
    "RAX: 00007f2a10000000 RBX: 0000000000000000 RCX: 00007f2a10000000",
    "RDX: 0000000000000003 RSI: 0000000004000000 RDI: 0000000000000000",
]


def stack_new(tagged=False, memcg=False):
    lines = ["Call Trace:"]
    if tagged:
        lines.append(" <TASK>")
        lines.append(" dump_stack_lvl+0x48/0x70")
    else:
        lines.append(" dump_stack+0x6d/0x8b")
    lines += [" dump_header+0x4f/0x1eb", " oom_kill_process.cold+0xb/0x10", " out_of_memory+0x1cf/0x4d0"]
    if memcg:
        lines += [" mem_cgroup_out_of_memory+0x138/0x150", " try_charge_memcg+0x6bf/0x780",
                  " __mem_cgroup_charge+0x3f/0xa0"]
    else:
        lines += [" __alloc_pages_slowpath.constprop.0+0xcbd/0xe10", " __alloc_pages+0x224/0x250"]
    lines += [" __handle_mm_fault+0x92f/0xfa0", " handle_mm_fault+0xdf/0x2d0", " do_user_addr_fault+0x1be/0x6a0",
              " exc_page_fault+0x74/0x170", " asm_exc_page_fault+0x26/0x30", "RIP: 0033:0x7f5ba27c6d6f",
              "Code: Unable to access opcode bytes at 0x7f5ba27c6d45.",
              "RSP: 002b:00007ffd84637ec0 EFLAGS: 00010206",
              "RAX: 0000000000015fd1 RBX: 0000000000001010 RCX: 00005658cf73d030"]
    if tagged:
        lines.append(" </TASK>")
    return lines


# ---- machines ---------------------------------------------------------------------

def lowmem(managed_kb, psz, entries, ratios):
    """lowmem_reserve[] per zone (mm/page_alloc.c setup_per_zone_lowmem_reserve):
    zone i protects against requests of zone j > i with Σ managed(i+1..j) / ratio[i]."""
    out = []
    n = len(managed_kb)
    for i in range(n):
        row = []
        for j in range(entries):
            if j <= i:
                row.append(0)
            else:
                row.append(sum(m // psz for m in managed_kb[i + 1:min(j, n - 1) + 1]) // ratios[i])
        out.append(row)
    return out


def x86_8g(r, free, mins=(132, 4360, 7340), entries=5, names=("DMA", "DMA32", "Normal"), node=0,
           present=(15992, 3129216, 5242880), managed=(15908, 3063024, 5113684)):
    lm = lowmem(list(managed), r.psz, entries, [256, 256, 32, 1, 1])
    return [Zone(node, n, present[i], managed[i], mins[i], free[i], lm[i]) for i, n in enumerate(names)]


def account(r, zones, tasks, victim, file_kb, slab_r, slab_u, kstack, shmem, unevictable=0,
            other_kb=None, thp=0, dirty=0, free_pcp=0, anon_extra=0):
    """Fills the zones so that everything adds up, and gives the victim the
    anon pages that are left (it is the one that grew)."""
    users = [z for z in zones if z.name != "DMA"] or zones
    used = sum(z.managed - z.free for z in users)
    # resident file pages of the tasks are page cache: the file LRU holds at
    # least the largest task's (shared libraries are counted once per task)
    max_file = max(t.file for t in tasks) * r.psz
    file_kb = r.k(max(file_kb, max_file * 6 // 5, sum(t.file for t in tasks) * r.psz // 3))
    pgt = sum(t.pgt for t in tasks) // 1024
    pgt = r.k(pgt + 2048)
    if other_kb is None:
        other_kb = r.k(used // 60)
    anon_lru = r.k(used - file_kb - slab_r - slab_u - kstack - pgt - unevictable - other_kb - free_pcp)
    others = sum(t.anon for t in tasks if t is not victim) * r.psz
    victim.anon = (anon_lru - shmem - others - anon_extra) // r.psz
    assert victim.anon > 0, (r.name, victim.anon)
    victim.rss = victim.anon + victim.file + victim.shmem
    if victim.vm < victim.rss:   # resident pages are mapped: total_vm >= rss
        victim.vm = victim.rss * 5 // 4
    anon_lru = victim.anon * r.psz + others + shmem + anon_extra
    cats = lru_split(r, anon_lru, file_kb)
    cats.update({"unevictable": unevictable, "slab_r": slab_r, "slab_u": slab_u, "kstack": kstack,
                 "pagetables": pgt, "free_pcp": free_pcp, "shmem": shmem,
                 "mapped": r.k(max(file_kb * 2 // 3, max_file)) + r.k(shmem // 2), "dirty": dirty,
                 "anon_thp": thp})
    fill_zones(r, zones, cats)
    return cats


def pagecache_pages(r, cats, swapcache=0):
    return (cats["active_file"] + cats["inactive_file"] + cats["shmem"]) // r.psz + swapcache


def common_facts(r, kernel, arch, comm, pid, gfp, order, constraint, memcg, kind, outcome,
                 swap_total, swap_free, zones, tasks, events=1, cause=None):
    r.facts.update({
        "kernel": kernel, "arch": arch, "trigger_comm": comm, "trigger_pid": pid, "gfp_mask": gfp,
        "order": order, "constraint": constraint, "memcg": memcg, "kind": kind, "outcome": outcome,
        "swap_total_kb": swap_total, "swap_free_kb": swap_free, "page_size_kb": r.psz,
        "free_kb": (sum(z.free for z in zones) // r.psz * r.psz) if zones else None,
        "tasks": len(tasks), "zones": len(zones), "events": events,
    })
    if not zones:
        r.facts["free_kb"] = None
    if cause:
        r.facts["cause_class"] = cause
        r.facts["cause_basis"] = "numbers"


# ---- the reports ------------------------------------------------------------------

def r_2_6_18():
    r = Report("2.6.18-x86_64-java-noswap", seed=18)
    zones = [Zone(0, "DMA", 9316, 9316, 16, 7968, [0, 1983, 1983, 1983], blocks=[4, 4, 3, 4, 5, 2, 0, 0, 1, 1, 1]),
             Zone(0, "DMA32", 2031160, 2031160 - 41172, 3996, 3496, [0, 0, 0, 0], top_order=3),
             Zone(0, "Normal", 0, 0, 0, 0, [0, 0, 0, 0]),
             Zone(0, "HighMem", 0, 0, 0, 0, [0, 0, 0, 0])]
    java = Task(2345, 500, "java", 2453157, 0, 40)
    tasks = base_tasks() + [java]
    cats = account(r, zones, tasks, java, file_kb=r.k(6000), slab_r=9000, slab_u=9052, kstack=0, shmem=0)
    for z in zones:
        if z.name == "DMA32":
            z.v["unrecl"] = True
            z.v["scan"] = 3176912
        if z.name == "DMA":
            z.v["unrecl"] = True
    r.out("oom-killer: gfp_mask=0x201d2, order=0")
    r.out("Call Trace:")
    r.out(" [<ffffffff8010b1c2>] show_trace+0x34/0x47")
    r.out(" [<ffffffff8010b2e5>] dump_stack+0x12/0x17")
    r.out(" [<ffffffff801d3a6f>] out_of_memory+0x33/0x211")
    r.out(" [<ffffffff8020f7c5>] __alloc_pages+0x229/0x2b2")
    r.out(" [<ffffffff8021fd91>] __handle_mm_fault+0x24d/0x9f1")
    r.out(" [<ffffffff80266fc4>] do_page_fault+0x459/0x7e8")
    r.out(" [<ffffffff8025d823>] error_exit+0x0/0x6e")
    r.out("Mem-info:")
    for z in zones:
        if z.present == 0:
            r.out("Node 0 %s per-cpu: empty" % z.name)
        else:
            r.out("Node 0 %s per-cpu:" % z.name)
            r.out("cpu 0 hot: high %d, batch %d used:%d" % ((0, 1, 0) if z.name == "DMA" else (186, 31, 30)))
            r.out("cpu 0 cold: high %d, batch %d used:%d" % ((0, 1, 0) if z.name == "DMA" else (62, 15, 14)))
    summary(r, zones, "2.6.18")
    zone_lines(r, zones, "2.6.18")
    totals(r, zones, "2.6.18", 0, 0, pagecache_pages(r, cats))
    r.out("Out of Memory: Kill process 2345 (java) score 1834261 and children.")
    r.out("Out of memory: Killed process 2345 (java).")
    common_facts(r, None, "x86_64", None, None, "0x201d2", 0, None, None, "global", "killed", 0, 0, zones, [])
    r.facts.update({"victim_pid": 2345, "victim_comm": "java", "victim_anon_rss_kb": None,
                    "victim_file_rss_kb": None, "victim_shmem_rss_kb": None, "victim_total_vm_kb": None,
                    "oom_score_adj_of_victim": None, "cause_class": "genuine-exhaustion-no-swap",
                    "cause_basis": "numbers",
                    "notes": "2.6.18: no task name on the trigger line, no Pid: header on x86_64, arch show_mem "
                             "('Mem-info:', 'pages of RAM'), zone lines for unpopulated zones, raw badness score. "
                             "java holds ~1.9 GB anon of 2 GB RAM, no swap."})
    write(r)


def r_2_6_32():
    r = Report("2.6.32-vanilla-java-oomadj", seed=32)
    zones = x86_8g(r, free=(15900, 25012, 12768), mins=(28, 5796, 9756), entries=4,
                   managed=(15992, 3129216, 5242880 - 325700))
    zones[0].blocks = [3, 2, 2, 1, 1, 1, 1, 0, 1, 1, 3]
    for z in zones:
        z.v["unrecl"] = True
    java = Task(2345, 500, "java", 2453157, 0, 120, cpu=1)
    tasks = base_tasks() + [java]
    for t in tasks:
        t.oom_adj = -17 if t.adj == -1000 else 0
    cats = account(r, zones, tasks, java, file_kb=r.k(3000), slab_r=11484, slab_u=36480, kstack=2400, shmem=588)
    r.out("java invoked oom-killer: gfp_mask=0x280da, order=0, oom_adj=0")
    r.out("java cpuset=/ mems_allowed=0")
    r.out("Pid: 2345, comm: java Not tainted 2.6.32.69 #1")
    r.out("Call Trace:")
    r.lines += STACK_X86_OLD[1:]
    r.out("Mem-Info:")
    for z in zones:
        r.out("Node 0 %s per-cpu:" % z.name)
        for cpu in range(2):
            r.out("CPU %4d: hi:%5d, btch:%4d usd:%4d" % ((cpu, 0, 1, 0) if z.name == "DMA" else (cpu, 186, 31, 47 + cpu * 60)))
    summary(r, zones, "2.6.32")
    zone_lines(r, zones, "2.6.32")
    totals(r, zones, "2.6.32", 0, 0, pagecache_pages(r, cats))
    task_table(r, tasks, "2.6.32")
    r.out("Out of memory: kill process 2345 (java) score 1834261 or a child")
    r.out("Killed process 2345 (java)")
    common_facts(r, "2.6.32.69", "x86_64", "java", 2345, "0x280da", 0, None, None, "global", "killed", 0, 0, zones,
                 tasks, cause="genuine-exhaustion-no-swap")
    r.facts.update({"victim_pid": 2345, "victim_comm": "java", "victim_anon_rss_kb": None,
                    "victim_file_rss_kb": None, "victim_shmem_rss_kb": None, "victim_total_vm_kb": None,
                    "oom_score_adj_of_victim": None,
                    "notes": "2.6.32 vanilla: oom_adj on the trigger line, Pid: header, per-cpu pageset lines, "
                             "five summary lines, table with cpu/oom_adj columns (vm.oom_dump_tasks=1), lower-case "
                             "'kill process … or a child', bare 'Killed process N (comm)'."})
    write(r)


def r_rhel6():
    r = Report("2.6.32-rhel6-tomcat-swapfull", seed=6)
    zones = x86_8g(r, free=(15732, 34120, 11348), mins=(60, 8336, 13452), entries=4,
                   managed=(15992, 3129216, 5242880 - 325700))
    zones[0].blocks = [1, 2, 2, 2, 2, 1, 0, 0, 1, 1, 3]
    for z in zones[1:]:
        z.v["unrecl"] = True
    tomcat = Task(4121, 91, "java", 2911234, 0, 210, swap=0, adj=0, cpu=3)
    tasks = base_tasks(600) + [Task(1780, 0, "crond", 29216, 120, 380, cpu=1),
                               Task(3307, 27, "mysqld", 206112, 60210, 890, swap=41230, cpu=2), tomcat]
    for t in tasks:
        t.oom_adj = -17 if t.adj == -1000 else 0
        t.swap = t.swap or 120
    tomcat.swap = 1019871
    cats = account(r, zones, tasks, tomcat, file_kb=r.k(5200), slab_r=12040, slab_u=40120, kstack=3120, shmem=1096)
    r.out("java invoked oom-killer: gfp_mask=0x201da, order=0, oom_adj=0, oom_score_adj=0")
    r.out("java cpuset=/ mems_allowed=0")
    r.out("Pid: 4121, comm: java Not tainted 2.6.32-642.6.2.el6.x86_64 #1")
    r.out("Call Trace:")
    r.lines += STACK_X86_OLD[1:]
    r.out("Mem-Info:")
    for z in zones:
        r.out("Node 0 %s per-cpu:" % z.name)
        for cpu in range(4):
            r.out("CPU %4d: hi:%5d, btch:%4d usd:%4d" % ((cpu, 0, 1, 0) if z.name == "DMA" else (cpu, 186, 31, 30 + cpu * 37)))
    summary(r, zones, "2.6.32")
    zone_lines(r, zones, "2.6.32")
    totals(r, zones, "2.6.32", 4194296, 0, pagecache_pages(r, cats, 9812), 9812)
    task_table(r, tasks, "rhel6")
    r.out("Out of memory: Kill process 4121 (java) score 935 or sacrifice child")
    vm, anon, file, shmem = kill_values(r, tomcat)
    r.out("Killed process 4121, UID 91, (java) total-vm:%dkB, anon-rss:%dkB, file-rss:%dkB" % (vm, anon, file))
    common_facts(r, "2.6.32-642.6.2.el6.x86_64", "x86_64", "java", 4121, "0x201da", 0, None, None, "global",
                 "killed", 4194296, 0, zones, tasks, cause="genuine-exhaustion-swap-full")
    victim_facts(r, tomcat)
    r.facts["victim_shmem_rss_kb"] = None
    r.facts["notes"] = ("RHEL 6.8 kernel: trigger with oom_adj and oom_score_adj, 2.6.36-style table with cpu, "
                        "oom_adj and oom_score_adj, 'or sacrifice child', RHEL6 kill line 'Killed process N, UID N, (comm)'. "
                        "Tomcat java filled RAM and 4 GB of swap.")
    write(r)


def r_3_10():
    r = Report("3.10-vanilla-java-sacrificed-child", seed=310)
    zones = x86_8g(r, free=(15900, 22184, 11204), mins=(28, 5796, 9756), entries=4,
                   managed=(15908, 3063024, 5113684))
    zones[0].blocks = [3, 2, 2, 1, 1, 1, 1, 0, 1, 1, 3]
    for z in zones:
        z.v["unrecl"] = True
    java = Task(2345, 1000, "java", 2453157, 0, 210)
    helper = Task(2401, 1000, "jstack-helper", 28310, 1650, 412)
    tasks = base_tasks() + [java, helper]
    cats = account(r, zones, tasks, java, file_kb=r.k(4100), slab_r=11484, slab_u=36480, kstack=2704, shmem=588)
    r.out("java invoked oom-killer: gfp_mask=0x280da, order=0, oom_score_adj=0")
    r.out("java cpuset=/ mems_allowed=0")
    r.out("CPU: 3 PID: 2345 Comm: java Not tainted 3.10.108 #1")
    r.out("Hardware name: Supermicro X9SCL/X9SCM/X9SCL/X9SCM, BIOS 2.0b 09/17/2012")
    r.out(" ffff88003a4c7c58 ffff88003a4c7c08 ffffffff8160e6c5 ffff88003a4c7c98")
    r.out(" ffffffff8160a12e ffffffff810eab9c ffff88020f3c8000 0000000000000206")
    r.lines += STACK_X86_OLD
    r.out("Mem-Info:")
    for z in zones:
        r.out("Node 0 %s per-cpu:" % z.name)
        for cpu in range(4):
            r.out("CPU %4d: hi:%5d, btch:%4d usd:%4d" % ((cpu, 0, 1, 0) if z.name == "DMA" else (cpu, 186, 31, 12 + cpu * 41)))
    summary(r, zones, "3.10")
    zone_lines(r, zones, "3.10", letters="old")
    totals(r, zones, "3.10", 0, 0, pagecache_pages(r, cats))
    task_table(r, tasks, "3.10")
    r.out("Out of memory: Kill process 2345 (java) score 905 or sacrifice child")
    vm, anon, file, shmem = kill_values(r, helper)
    r.out("Killed process 2401 (jstack-helper) total-vm:%dkB, anon-rss:%dkB, file-rss:%dkB" % (vm, anon, file))
    common_facts(r, "3.10.108", "x86_64", "java", 2345, "0x280da", 0, None, None, "global", "killed", 0, 0, zones,
                 tasks, cause="genuine-exhaustion-no-swap")
    victim_facts(r, helper)
    r.facts["victim_shmem_rss_kb"] = None
    r.facts["selected_pid"] = 2345
    r.facts["notes"] = ("3.10 vanilla: CPU:/Hardware name: header, raw stack words, per-cpu lines, free_cma summary "
                        "line, managed: on zone lines, 'UEM' letters, hugepages line, nr_ptes table. The kernel selected "
                        "java (2345) but killed its child jstack-helper (2401): 'or sacrifice child' picks any child "
                        "with a separate mm, so little memory came back.")
    write(r)


def r_4_4():
    r = Report("4.4-ubuntu-postgres-nr_pmds", seed=44)
    zones = x86_8g(r, free=(15900, 44388, 13080), mins=(32, 6184, 10412))

    for z in zones[1:]:
        z.v["unrecl"] = True
    pg = Task(2890, 112, "postgres", 1611234, 0, 5120, 310000)
    tasks = base_tasks() + [Task(2888, 112, "postgres", 240112, 2310, 4010, 288000),
                            Task(2891, 112, "postgres", 240301, 310, 980, 11230), pg]
    cats = account(r, zones, tasks, pg, file_kb=r.k(72000), slab_r=22000, slab_u=52000, kstack=3312,
                   shmem=(310000 + 288000 + 11230) * 4, free_pcp=124)
    r.out("postgres invoked oom-killer: gfp_mask=0x24280ca, order=0, oom_score_adj=0")
    r.out("postgres cpuset=/ mems_allowed=0")
    r.out("CPU: 1 PID: 2890 Comm: postgres Not tainted 4.4.0-210-generic #242-Ubuntu")
    r.out("Hardware name: Xen HVM domU, BIOS 4.2.amazon 08/24/2006")
    r.out(" 0000000000000286 00000000c5c2f8c1 ffff8800e9d53a90 ffffffff813f9c33")
    r.out(" ffff8800e9d53c88 ffff8800e6a58000 ffff8800e9d53b00 ffffffff8120c47e")
    r.out("Call Trace:")
    r.out(" [<ffffffff813f9c33>] dump_stack+0x63/0x90")
    r.out(" [<ffffffff8120c47e>] dump_header+0x5a/0x1c5")
    r.out(" [<ffffffff81193402>] oom_kill_process+0x202/0x3c0")
    r.out(" [<ffffffff81193829>] out_of_memory+0x219/0x460")
    r.out(" [<ffffffff811998a8>] __alloc_pages_slowpath.constprop.88+0x938/0xad0")
    r.out(" [<ffffffff81199cc6>] __alloc_pages_nodemask+0x286/0x2a0")
    r.out(" [<ffffffff811e4d2d>] alloc_pages_vma+0xad/0x250")
    r.out(" [<ffffffff811c2e40>] handle_mm_fault+0x1140/0x1820")
    r.out(" [<ffffffff8106b577>] __do_page_fault+0x197/0x400")
    r.out(" [<ffffffff8106b802>] do_page_fault+0x22/0x30")
    r.out(" [<ffffffff8183a478>] page_fault+0x28/0x30")
    r.out("Mem-Info:")
    summary(r, zones, "4.4")
    zone_lines(r, zones, "4.4", letters="new")
    totals(r, zones, "4.4", 0, 0, pagecache_pages(r, cats))
    task_table(r, tasks, "4.4")
    r.out("Out of memory: Kill process 2890 (postgres) score 812 or sacrifice child")
    vm, anon, file, shmem = kill_values(r, pg)
    r.out("Killed process 2890 (postgres) total-vm:%dkB, anon-rss:%dkB, file-rss:%dkB" % (vm, anon, file + shmem))
    common_facts(r, "4.4.0-210-generic", "x86_64", "postgres", 2890, "0x24280ca", 0, None, None, "global", "killed",
                 0, 0, zones, tasks)
    victim_facts(r, pg)
    r.facts["victim_file_rss_kb"] = (pg.file + pg.shmem) * 4
    r.facts["victim_shmem_rss_kb"] = None
    r.facts["notes"] = ("4.4 (Ubuntu 16.04): numeric-only gfp 0x24280ca (GFP_HIGHUSER_MOVABLE|__GFP_ZERO in the 4.4 "
                        "layout), no per-cpu lines, free_pcp/local_pcp, 'UME' letters, 'pages cma reserved', "
                        "nr_ptes nr_pmds table; kill line without shmem-rss (shmem counted in file-rss before 4.5). "
                        "1.2 GB of postgres shared_buffers (shmem) plus a large backend.")
    write(r)


def r_4_14():
    r = Report("4.14-amzn2-nodemask-two-spaces", seed=414)
    zones = x86_8g(r, free=(15908, 44016, 15720), mins=(28, 5440, 11552))

    node = Task(7312, 1000, "node", 3290112, 0, 3810)
    tasks = base_tasks() + [Task(3020, 0, "amazon-ssm-agen", 402112, 3810, 2100), node]
    cats = account(r, zones, tasks, node, file_kb=r.k(18000), slab_r=21000, slab_u=48000, kstack=3776, shmem=1320,
                   free_pcp=368)
    for z in zones[1:]:
        z.v["unrecl"] = True
    r.out("node invoked oom-killer: gfp_mask=0x14280ca(GFP_HIGHUSER_MOVABLE|__GFP_ZERO), nodemask=(null),  order=0, oom_score_adj=0")
    r.out("node cpuset=/ mems_allowed=0")
    r.out("CPU: 1 PID: 7312 Comm: node Not tainted 4.14.314-237.533.amzn2.x86_64 #1")
    r.out("Hardware name: Amazon EC2 t3.large/, BIOS 1.0 10/16/2017")
    r.out("Call Trace:")
    r.out(" dump_stack+0x66/0x82")
    r.out(" dump_header+0x6b/0x28c")
    r.out(" oom_kill_process+0x223/0x440")
    r.out(" out_of_memory+0x112/0x4d0")
    r.out(" __alloc_pages_slowpath+0xa63/0xe30")
    r.out(" __alloc_pages_nodemask+0x275/0x2a0")
    r.out(" alloc_pages_vma+0x88/0x1f0")
    r.out(" __handle_mm_fault+0x8c4/0x1350")
    r.out(" handle_mm_fault+0xaa/0x1e0")
    r.out(" __do_page_fault+0x23e/0x4c0")
    r.out(" ? async_page_fault+0x2f/0x50")
    r.out(" async_page_fault+0x45/0x50")
    r.out("RIP: 0033:0x7f86e0a38e0a")
    r.out("RSP: 002b:00007ffd6f0c07c0 EFLAGS: 00010206")
    r.out("Mem-Info:")
    summary(r, zones, "4.14")
    node_line(r, zones, 0, "4.14")
    zone_lines(r, zones, "4.14", letters="new")
    totals(r, zones, "4.4", 0, 0, pagecache_pages(r, cats))
    task_table(r, tasks, "4.14")
    r.out("Out of memory: Kill process 7312 (node) score 940 or sacrifice child")
    vm, anon, file, shmem = kill_values(r, node)
    r.out("Killed process 7312 (node) total-vm:%dkB, anon-rss:%dkB, file-rss:%dkB, shmem-rss:%dkB" % (vm, anon, file, shmem))
    r.out("oom_reaper: reaped process 7312 (node), now anon-rss:0kB, file-rss:0kB, shmem-rss:0kB")
    common_facts(r, "4.14.314-237.533.amzn2.x86_64", "x86_64", "node", 7312,
                 "0x14280ca(GFP_HIGHUSER_MOVABLE|__GFP_ZERO)", 0, None, None, "global", "killed", 0, 0, zones, tasks,
                 cause="genuine-exhaustion-no-swap")
    victim_facts(r, node)
    r.facts["nodemask"] = "(null)"
    r.facts["notes"] = ("4.13/4.14 print the trigger line in pr_cont pieces: 'nodemask=(null),  order=0' with two "
                        "spaces; node line (4.8+) without pages_scanned; zone lines with writepending and no slab; "
                        "nr_ptes nr_pmds table; oom_reaper line. A Node.js process used the RAM of a t3.large, no swap.")
    write(r)


def r_4_19():
    r = Report("4.19-debian10-mariadb-reaper", seed=419)
    zones = x86_8g(r, free=(15908, 43120, 16200), mins=(32, 5988, 10680))

    for z in zones[1:]:
        z.v["unrecl"] = True
    db = Task(812, 112, "mysqld", 4112310, 0, 2740, swap=0)
    tasks = base_tasks() + [Task(640, 0, "php-fpm7.3", 73112, 2112, 4120), Task(1702, 33, "php-fpm7.3", 84120, 9120, 3120),
                            Task(1703, 33, "php-fpm7.3", 84330, 9310, 3110), db]
    cats = account(r, zones, tasks, db, file_kb=r.k(16000), slab_r=24000, slab_u=56000, kstack=4400, shmem=2356,
                   free_pcp=412)
    r.out("mysqld invoked oom-killer: gfp_mask=0x6280ca(GFP_HIGHUSER_MOVABLE|__GFP_ZERO), nodemask=(null), order=0, oom_score_adj=0")
    r.out("mysqld cpuset=/ mems_allowed=0")
    r.out("CPU: 2 PID: 812 Comm: mysqld Not tainted 4.19.0-21-amd64 #1 Debian 4.19.249-2")
    r.out("Hardware name: QEMU Standard PC (i440FX + PIIX, 1996), BIOS rel-1.14.0-0-g155821a1990b-prebuilt.qemu.org 04/01/2014")
    r.lines += STACK_X86_NEW
    r.out("Mem-Info:")
    summary(r, zones, "4.14")
    node_line(r, zones, 0, "4.14")
    zone_lines(r, zones, "4.14", letters="new")
    totals(r, zones, "4.19", 0, 0, pagecache_pages(r, cats), hugepages=((0, 1048576), (0, 2048)))
    task_table(r, tasks, "4.19")
    r.out("Out of memory: Kill process 812 (mysqld) score 951 or sacrifice child")
    vm, anon, file, shmem = kill_values(r, db)
    r.out("Killed process 812 (mysqld) total-vm:%dkB, anon-rss:%dkB, file-rss:%dkB, shmem-rss:%dkB" % (vm, anon, file, shmem))
    r.out("oom_reaper: reaped process 812 (mysqld), now anon-rss:0kB, file-rss:0kB, shmem-rss:0kB")
    common_facts(r, "4.19.0-21-amd64", "x86_64", "mysqld", 812, "0x6280ca(GFP_HIGHUSER_MOVABLE|__GFP_ZERO)", 0, None,
                 None, "global", "killed", 0, 0, zones, tasks, cause="genuine-exhaustion-no-swap")
    victim_facts(r, db)
    r.facts["notes"] = ("4.19 (Debian 10): nodemask on the trigger line, 'Tasks state' table with pgtables_bytes, "
                        "'or sacrifice child' still printed, oom_reaper line. MariaDB grew to nearly all of 8 GB, no swap.")
    write(r)


MEMCG_STACK = [
    "Call Trace:",
    " dump_stack+0x6d/0x8b",
    " dump_header+0x4f/0x1eb",
    " oom_kill_process.cold+0xb/0x10",
    " out_of_memory+0x1cf/0x4d0",
    " mem_cgroup_out_of_memory+0xc5/0xd0",
    " try_charge+0x77c/0x810",
    " mem_cgroup_try_charge+0x71/0x190",
    " __add_to_page_cache_locked+0x2ff/0x3f0",
    " add_to_page_cache_lru+0x4d/0xd0",
    " pagecache_get_page+0x101/0x300",
    " filemap_fault+0x6b2/0xa50",
    " __do_fault+0x3c/0x130",
    " do_fault+0x24b/0x640",
    " __handle_mm_fault+0x4c5/0x7a0",
    " handle_mm_fault+0xca/0x200",
    " do_user_addr_fault+0x1f9/0x450",
    " page_fault+0x34/0x40",
    "RIP: 0033:0x7f0c1d8b2b40",
    "Code: Bad RIP value.",
    "RSP: 002b:00007f0b8e7fbd68 EFLAGS: 00010246",
]


def stat_dump(r, items):
    for k, v in items:
        r.out("%s %d" % (k, v))


def memcg_tasks_facts(r, kernel, comm, pid, gfp, path, victim, tasks, constraint, outcome="killed", cause=None):
    common_facts(r, kernel, "x86_64", comm, pid, gfp, 0, constraint, path, "memcg", outcome, None, None, [], tasks,
                 cause=cause)
    if victim:
        victim_facts(r, victim)


def r_5_4_memcg_v1():
    r = Report("5.4-ubuntu-docker-memcg-v1", seed=54)
    cid = "4f1c2a9e0b7d61c3a8e5f2d9b0c4a7e1f6d3b8c2a5e9f0d1c7b4a6e8f2d0c9b3"
    tini = Task(22890, 0, "tini", 1134, 66, 126, pgt_bytes=53248)
    java = Task(22941, 1000, "java", 1040232, 128235, 477, pgt_bytes=1335296)
    tasks = [tini, java]
    anon = (tini.anon + java.anon) * 4 * 1024 + 1245184
    r.out("java invoked oom-killer: gfp_mask=0xcc0(GFP_KERNEL), order=0, oom_score_adj=0")
    r.out("CPU: 1 PID: 22941 Comm: java Not tainted 5.4.0-150-generic #167-Ubuntu")
    r.out("Hardware name: Amazon EC2 m5.large/, BIOS 1.0 10/16/2017")
    r.lines += MEMCG_STACK
    r.out("memory: usage 524288kB, limit 524288kB, failcnt 1402")
    r.out("memory+swap: usage 524288kB, limit 1048576kB, failcnt 0")
    r.out("kmem: usage 9844kB, limit 9007199254740988kB, failcnt 0")
    r.out("Memory cgroup stats for /docker/%s:" % cid)
    stat_dump(r, [("anon", anon), ("file", 2396160), ("kernel_stack", 147456), ("slab", 6336512), ("sock", 0),
                  ("shmem", 0), ("file_mapped", 1216512), ("file_dirty", 0), ("file_writeback", 0), ("anon_thp", 0),
                  ("inactive_anon", 0), ("active_anon", anon), ("inactive_file", 1089536), ("active_file", 1306624),
                  ("unevictable", 0), ("slab_reclaimable", 2396160), ("slab_unreclaimable", 3940352),
                  ("pgfault", 1370325), ("pgmajfault", 33), ("workingset_refault", 1422), ("workingset_activate", 312),
                  ("workingset_nodereclaim", 0), ("pgrefill", 4512), ("pgscan", 20113), ("pgsteal", 9120),
                  ("pgactivate", 130211), ("pgdeactivate", 4512), ("pglazyfree", 0), ("pglazyfreed", 0),
                  ("thp_fault_alloc", 0), ("thp_collapse_alloc", 0)])
    task_table(r, tasks, "4.19")
    r.out("oom-kill:constraint=CONSTRAINT_MEMCG,nodemask=(null),cpuset=%s,mems_allowed=0,oom_memcg=/docker/%s,"
          "task_memcg=/docker/%s,task=java,pid=22941,uid=1000" % (cid, cid, cid))
    vm, an, fi, sh = kill_values(r, java)
    r.out("Memory cgroup out of memory: Killed process 22941 (java) total-vm:%dkB, anon-rss:%dkB, file-rss:%dkB, "
          "shmem-rss:%dkB, UID:1000 pgtables:%dkB oom_score_adj:0" % (vm, an, fi, sh, java.pgt // 1024))
    r.out("oom_reaper: reaped process 22941 (java), now anon-rss:0kB, file-rss:0kB, shmem-rss:0kB")
    memcg_tasks_facts(r, "5.4.0-150-generic", "java", 22941, "0xcc0(GFP_KERNEL)", "/docker/" + cid, java, tasks,
                      "CONSTRAINT_MEMCG", cause="memcg-limit")
    r.facts["memcg_limit_kb"] = 524288
    r.facts["notes"] = ("5.4 on cgroup v1 (Docker, --memory=512m --memory-swap=1g): memory:, memory+swap: and kmem: "
                        "lines, then the memory.stat dump in the v2 key/value format in bytes (5.3-6.1 print it for "
                        "v1 too), no Mem-Info block, oom-kill: line with oom_memcg. The JVM heap filled the limit.")
    write(r)


def r_5_10_memcg_v2():
    r = Report("5.10-debian11-systemd-memcg-v2", seed=510)
    path = "/system.slice/worker.service"
    py = Task(8120, 998, "python3", 612330, 255170, 2104, 0, 2363392)
    sh = Task(8101, 998, "sh", 654, 22, 180, 0, 45056)
    tasks = [sh, py]
    anon = (py.anon + sh.anon) * 4096 + 98304
    r.out("python3 invoked oom-killer: gfp_mask=0x100cca(GFP_HIGHUSER_MOVABLE), order=0, oom_score_adj=0")
    r.out("CPU: 0 PID: 8120 Comm: python3 Not tainted 5.10.0-28-amd64 #1 Debian 5.10.209-2")
    r.out("Hardware name: Red Hat KVM/RHEL-AV, BIOS 1.13.0-2.module+el8.3.0+7353+9de0a3cc 04/01/2014")
    r.lines += MEMCG_STACK
    r.out("memory: usage 1048576kB, limit 1048576kB, failcnt 7120")
    r.out("swap: usage 0kB, limit 0kB, failcnt 0")
    r.out("Memory cgroup stats for %s:" % path)
    stat_dump(r, [("anon", anon), ("file", 9203712), ("kernel_stack", 98304), ("percpu", 552960), ("sock", 12288),
                  ("shmem", 0), ("file_mapped", 5771264), ("file_dirty", 0), ("file_writeback", 0),
                  ("anon_thp", 0), ("inactive_anon", anon - 65536), ("active_anon", 65536),
                  ("inactive_file", 6213632), ("active_file", 2990080), ("unevictable", 0),
                  ("slab_reclaimable", 1404928), ("slab_unreclaimable", 2662400), ("slab", 4067328),
                  ("workingset_refault_anon", 0), ("workingset_refault_file", 81210), ("pgfault", 3981201),
                  ("pgmajfault", 1212), ("pgrefill", 60120), ("pgscan", 310022), ("pgsteal", 180301),
                  ("pgactivate", 61020), ("pgdeactivate", 58010), ("thp_fault_alloc", 0), ("thp_collapse_alloc", 0)])
    task_table(r, tasks, "5.10")
    r.out("oom-kill:constraint=CONSTRAINT_MEMCG,nodemask=(null),cpuset=/,mems_allowed=0,oom_memcg=%s,"
          "task_memcg=%s,task=python3,pid=8120,uid=998" % (path, path))
    vm, an, fi, shm = kill_values(r, py)
    r.out("Memory cgroup out of memory: Killed process 8120 (python3) total-vm:%dkB, anon-rss:%dkB, file-rss:%dkB, "
          "shmem-rss:%dkB, UID:998 pgtables:%dkB oom_score_adj:0" % (vm, an, fi, shm, py.pgt // 1024))
    r.out("oom_reaper: reaped process 8120 (python3), now anon-rss:0kB, file-rss:0kB, shmem-rss:0kB")
    memcg_tasks_facts(r, "5.10.0-28-amd64", "python3", 8120, "0x100cca(GFP_HIGHUSER_MOVABLE)", path, py, tasks,
                      "CONSTRAINT_MEMCG", cause="memcg-limit")
    r.facts["memcg_limit_kb"] = 1048576
    r.facts["notes"] = "5.10 on cgroup v2 (systemd MemoryMax=1G, MemorySwapMax=0): memory: and swap: lines, v2 memory.stat dump in bytes."
    write(r)


def r_5_10_oom_group():
    r = Report("5.10-memcg-v2-oom-group-kill", seed=511)
    path = "/system.slice/app.service"
    master = Task(5001, 33, "gunicorn", 8210, 4120, 1830, 0, 94208)
    w = [Task(5011, 33, "gunicorn", 112030, 60120, 1420, 0, 618496),
         Task(5012, 33, "gunicorn", 201334, 131200, 1410, 0, 1138688),
         Task(5013, 33, "gunicorn", 98120, 52310, 1400, 0, 552960)]
    tasks = [master] + w
    anon = sum(t.anon for t in tasks) * 4096 + 53248
    r.out("gunicorn invoked oom-killer: gfp_mask=0x100cca(GFP_HIGHUSER_MOVABLE), order=0, oom_score_adj=0")
    r.out("CPU: 3 PID: 5011 Comm: gunicorn Not tainted 5.10.0-28-amd64 #1 Debian 5.10.209-2")
    r.out("Hardware name: QEMU Standard PC (Q35 + ICH9, 2009), BIOS 1.16.2-debian-1.16.2-1 04/01/2014")
    r.lines += MEMCG_STACK
    r.out("memory: usage 1048576kB, limit 1048576kB, failcnt 2210")
    r.out("swap: usage 0kB, limit 9007199254740988kB, failcnt 0")
    r.out("Memory cgroup stats for %s:" % path)
    stat_dump(r, [("anon", anon), ("file", 24576000), ("kernel_stack", 163840), ("percpu", 420480), ("sock", 1130496),
                  ("shmem", 0), ("file_mapped", 18837504), ("file_dirty", 0), ("file_writeback", 0), ("anon_thp", 0),
                  ("inactive_anon", anon - 1048576), ("active_anon", 1048576), ("inactive_file", 12288000),
                  ("active_file", 12288000), ("unevictable", 0), ("slab_reclaimable", 3031040),
                  ("slab_unreclaimable", 2879488), ("slab", 5910528), ("pgfault", 8120331), ("pgmajfault", 3010)])
    task_table(r, tasks, "5.10")
    r.out("oom-kill:constraint=CONSTRAINT_MEMCG,nodemask=(null),cpuset=/,mems_allowed=0,oom_memcg=%s,"
          "task_memcg=%s,task=gunicorn,pid=5012,uid=33" % (path, path))
    def kl(t):
        vm, an, fi, shm = kill_values(r, t)
        r.out("Memory cgroup out of memory: Killed process %d (gunicorn) total-vm:%dkB, anon-rss:%dkB, file-rss:%dkB, "
              "shmem-rss:%dkB, UID:33 pgtables:%dkB oom_score_adj:0" % (t.pid, vm, an, fi, shm, t.pgt // 1024))
    kl(w[1])
    r.out("Tasks in %s are going to be killed due to memory.oom.group set" % path)
    for t in [master, w[0], w[1], w[2]]:
        kl(t)
    r.out("oom_reaper: reaped process 5012 (gunicorn), now anon-rss:0kB, file-rss:0kB, shmem-rss:0kB")
    r.out("oom_reaper: reaped process 5011 (gunicorn), now anon-rss:0kB, file-rss:0kB, shmem-rss:0kB")
    memcg_tasks_facts(r, "5.10.0-28-amd64", "gunicorn", 5011, "0x100cca(GFP_HIGHUSER_MOVABLE)", path, w[1], tasks,
                      "CONSTRAINT_MEMCG", cause="memcg-limit")
    r.facts["group_kills"] = 3
    r.facts["notes"] = ("memory.oom.group=1: after the victim's kill line, 'Tasks in … are going to be killed due to "
                        "memory.oom.group set' and one kill line per member (the victim's printed again, 5.10 "
                        "mem_cgroup_scan_tasks → __oom_kill_process).")
    write(r)



def global_tail_5x(r, victim, msg="Out of memory", memcg_path="/user.slice/user-1000.slice/session-2.scope",
                   reaper=True):
    r.out("oom-kill:constraint=CONSTRAINT_NONE,nodemask=(null),cpuset=/,mems_allowed=0,global_oom,task_memcg=%s,"
          "task=%s,pid=%d,uid=%d" % (memcg_path, victim.comm, victim.pid, victim.uid))
    vm, an, fi, sh = kill_values(r, victim)
    r.out("%s: Killed process %d (%s) total-vm:%dkB, anon-rss:%dkB, file-rss:%dkB, shmem-rss:%dkB, UID:%d "
          "pgtables:%dkB oom_score_adj:%d" % (msg, victim.pid, victim.comm, vm, an, fi, sh, victim.uid,
                                               victim.pgt // 1024, victim.adj))
    if reaper:
        r.out("oom_reaper: reaped process %d (%s), now anon-rss:0kB, file-rss:0kB, shmem-rss:0kB"
              % (victim.pid, victim.comm))


def r_6_8():
    r = Report("6.8-ubuntu2404-rss-anon-columns-swapfull", seed=68)
    zones = x86_8g(r, free=(13312, 39860, 41204), mins=(64, 13760, 22980))
    zones[0].blocks = [0, 0, 0, 0, 0, 0, 0, 0, 1, 2, 2]
    ff = Task(30112, 1000, "Isolated Web Co", 10512330, 0, 21012, 3120, 31006720, 412210, 167)
    tasks = base_tasks() + [Task(2401, 1000, "gnome-shell", 1210441, 60212, 31022, 1210, 2895872, 40120),
                            Task(29010, 1000, "firefox", 3412201, 220102, 61201, 4120, 9871360, 101220),
                            Task(30200, 1000, "Web Content", 640112, 40110, 9012, 1200, 1978368, 30112, 200), ff]
    for t in tasks:
        t.swap = t.swap or 80
    cats = account(r, zones, tasks, ff, file_kb=r.k(40120), slab_r=51000, slab_u=88000, kstack=14480,
                   shmem=(3120 + 1210 + 4120 + 1200) * 4 + 61000, free_pcp=0)
    r.out("Isolated Web Co invoked oom-killer: gfp_mask=0x140dca(GFP_HIGHUSER_MOVABLE|__GFP_COMP|__GFP_ZERO), order=0, oom_score_adj=167")
    r.out("CPU: 6 PID: 30112 Comm: Isolated Web Co Not tainted 6.8.0-45-generic #45-Ubuntu")
    r.out("Hardware name: LENOVO 20XWCTO1WW/20XWCTO1WW, BIOS N32ET86W (1.62 ) 08/15/2023")
    r.lines += stack_new(tagged=True)
    r.out("Mem-Info:")
    summary(r, zones, "6.8")
    node_line(r, zones, 0, "6.8")
    zone_lines(r, zones, "6.1", letters="new")
    swapc = 12210
    totals(r, zones, "6.8", 4194300, 0, pagecache_pages(r, cats, swapc), swapc,
           hugepages=((0, 1048576), (0, 2048)))
    task_table(r, tasks, "6.8")
    global_tail_5x(r, ff)
    common_facts(r, "6.8.0-45-generic", "x86_64", "Isolated Web Co", 30112,
                 "0x140dca(GFP_HIGHUSER_MOVABLE|__GFP_COMP|__GFP_ZERO)", 0, "CONSTRAINT_NONE", None, "global",
                 "killed", 4194300, 0, zones, tasks, cause="genuine-exhaustion-swap-full")
    victim_facts(r, ff)
    r.facts["notes"] = ("6.8 (Ubuntu 24.04): task table with rss_anon rss_file rss_shmem columns, THP fields "
                        "without the space (6.6+), boost: on zone lines, sec_pagetables, no 'Swap cache stats'. "
                        "A Firefox content process (comm with spaces, oom_score_adj 167) filled RAM and 4 GB swap.")
    write(r)


def r_6_12():
    r = Report("6.12-debian13-uid-in-cpu-line", seed=612)
    zones = x86_8g(r, free=(15360, 42104, 38480), mins=(64, 13760, 22980), managed=(15360, 3063024, 5113684))
    py = Task(44120, 1000, "python3", 4123310, 0, 6120, 0, 16773120, 0, 0)
    tasks = base_tasks() + [Task(1201, 0, "containerd", 512331, 9120, 6012, 0, 405504, 0, -999), py]
    cats = account(r, zones, tasks, py, file_kb=r.k(30120), slab_r=48000, slab_u=71000, kstack=11200, shmem=3012)
    for z in zones[1:]:
        z.v["unrecl"] = True
    r.out("python3 invoked oom-killer: gfp_mask=0x140cca(GFP_HIGHUSER_MOVABLE|__GFP_COMP), order=0, oom_score_adj=0")
    r.out("CPU: 5 UID: 1000 PID: 44120 Comm: python3 Not tainted 6.12.38+deb13-amd64 #1  Debian 6.12.38-1")
    r.out("Hardware name: Dell Inc. PowerEdge R6515/07PXPY, BIOS 2.13.3 09/12/2023")
    r.lines += stack_new(tagged=True)
    r.out("Mem-Info:")
    summary(r, zones, "6.12")
    node_line(r, zones, 0, "6.12")
    zone_lines(r, zones, "6.1", letters="new")
    totals(r, zones, "6.12", 0, 0, pagecache_pages(r, cats), hugepages=((0, 1048576), (0, 2048)))
    task_table(r, tasks, "6.12")
    global_tail_5x(r, py, memcg_path="/user.slice/user-1000.slice/session-4.scope")
    common_facts(r, "6.12.38+deb13-amd64", "x86_64", "python3", 44120, "0x140cca(GFP_HIGHUSER_MOVABLE|__GFP_COMP)",
                 0, "CONSTRAINT_NONE", None, "global", "killed", 0, 0, zones, tasks, cause="genuine-exhaustion-no-swap")
    victim_facts(r, py)
    r.facts["notes"] = ("6.12 (Debian 13): 'CPU: N UID: N PID: N Comm:' stack header (6.9+), rss_anon columns, "
                        "gfp singles in bit order. No swap.")
    write(r)


def r_i686():
    r = Report("3.2-i686-pae-lowmem-exhausted", seed=686)
    p = 4
    # 16 GiB with PAE, no NUMA: DMA 16 MiB, Normal up to ~880 MiB, the rest HighMem.
    dma = Zone(None, "DMA", 15996, 15888, 64, 3516, [0, 859, 16023, 16023])
    normal = Zone(None, "Normal", 890872, 872004, 3720, 3640, [0, 0, 121311, 121311])
    high = Zone(None, "HighMem", 15728640, 15524928, 512, 9210820, [0, 0, 0, 0])
    zones = [dma, normal, high]
    dma.blocks = [1, 1, 1, 1, 0, 1, 1, 0, 1, 1, 0]
    normal.top_order = 2
    rs = Task(4211, 0, "rsync", 5412, 1210, 230, cpu=1)
    my = Task(2210, 105, "mysqld", 590112, 412330, 1210, cpu=3)
    tasks = [Task(1, 0, "init", 526, 18, 62), Task(812, 0, "rsyslogd", 7412, 120, 320, cpu=2),
             Task(1840, 0, "sshd", 1741, 62, 410, adj=-1000, oom_adj=-17), my,
             Task(3310, 33, "apache2", 41210, 6120, 2100, cpu=2), rs]
    for z in zones:
        z.v = {k: 0 for k in ("active_anon", "inactive_anon", "active_file", "inactive_file")}
    normal.v.update({"slab_r": 612200, "slab_u": 189336, "kstack": 2312, "pagetables": 0, "active_file": 8120,
                     "inactive_file": 21632, "active_anon": 1044, "inactive_anon": 512, "free_pcp": 0,
                     "mapped": 412, "dirty": 0, "shmem": 0, "unrecl": True, "scan": 1212331})
    dma.v.update({"slab_r": 9112, "slab_u": 2260, "kstack": 0, "pagetables": 0, "unrecl": True, "scan": 2112})
    anon_h = sum(t.anon for t in tasks) * p - 1556
    high.v.update({"active_anon": r.k(anon_h * 7 // 10), "inactive_anon": anon_h - r.k(anon_h * 7 // 10),
                   "active_file": 2812880, "inactive_file": 1401204, "pagetables": 5412, "mapped": 41200,
                   "dirty": 1210, "shmem": 812, "slab_r": 0, "slab_u": 0, "kstack": 0})
    for z in zones:
        used = sum(v for c, v in z.v.items() if c not in SUBSET and c not in ("unrecl", "scan"))
        assert used <= z.managed - z.free, (z.name, used, z.managed - z.free)
    r.out("rsync invoked oom-killer: gfp_mask=0xd0, order=0, oom_adj=0, oom_score_adj=0")
    r.out("rsync cpuset=/ mems_allowed=0")
    r.out("Pid: 4211, comm: rsync Not tainted 3.2.0-4-686-pae #1 Debian 3.2.102-1")
    r.out("Call Trace:")
    for fr in ["c10a2e42] ? dump_header+0x4e/0x1c2", "c1076bf3] ? delayacct_end+0x8c/0x93",
               "c10a2f26] ? oom_kill_process+0x70/0x260", "c10a33ff] ? out_of_memory+0x2a5/0x2f1",
               "c10a5b71] ? __alloc_pages_nodemask+0x4b6/0x5e5", "c10cda55] ? cache_alloc_refill+0x2a3/0x470",
               "c10cdcbf] ? kmem_cache_alloc+0x49/0x83", "c10e4d2d] ? d_alloc+0x19/0x15f",
               "c10dbc3e] ? d_alloc_and_lookup+0x1e/0x4d", "c10dc5b1] ? walk_component+0x1d5/0x34b",
               "c10dd0e0] ? path_lookupat+0x8f/0x2c9", "c10d59d8] ? vfs_fstatat+0x4c/0x7c",
               "c12c0824] ? sysenter_do_call+0x12/0x28"]:
        r.out(" [<" + fr.replace("]", ">]", 1))
    r.out("Mem-Info:")
    for z in zones:
        r.out("%s per-cpu:" % z.name)
        for cpu in range(4):
            r.out("CPU %4d: hi:%5d, btch:%4d usd:%4d" % ((cpu, 0, 1, 0) if z.name == "DMA" else (cpu, 186, 31, 20 + cpu * 30)))
    summary(r, zones, "2.6.32")
    zone_lines(r, zones, "2.6.32", numa=False)
    pc = (sum(z.v.get("active_file", 0) + z.v.get("inactive_file", 0) for z in zones) + 812) // p
    totals(r, zones, "3.2", 0, 0, pc, highmem_line=high.present // p)
    task_table(r, tasks, "3.2")
    r.out("Out of memory: Kill process 2210 (mysqld) score 100 or sacrifice child")
    vm, an, fi, sh = kill_values(r, my)
    r.out("Killed process 2210 (mysqld) total-vm:%dkB, anon-rss:%dkB, file-rss:%dkB" % (vm, an, fi))
    common_facts(r, "3.2.0-4-686-pae", "i686", "rsync", 4211, "0xd0", 0, None, None, "global", "killed", 0, 0,
                 zones, tasks, cause="lowmem-exhausted-highmem-free")
    victim_facts(r, my)
    r.facts["victim_shmem_rss_kb"] = None
    r.facts["notes"] = ("32-bit PAE kernel on 16 GB: a GFP_KERNEL (0xd0, lowmem only) slab allocation during an "
                        "rsync tree walk found Normal below min (800 MB of slab in 870 MB of lowmem) while HighMem "
                        "had 9 GB free; zone lines without 'Node 0' (no NUMA), 3.2 trigger with oom_adj and "
                        "oom_score_adj, 'pages HighMem'. The killed mysqld lived in HighMem: killing it frees no lowmem.")
    write(r)



def frag_zone(r, z, free_kb, orders_upto):
    """All free memory in blocks below order `orders_upto` (nothing larger)."""
    z.free = free_kb
    z.blocks = split_blocks(free_kb, r.psz, r.norders, orders_upto - 1)


def r_order3():
    r = Report("5.15-ubuntu2204-order3-fragmentation", seed=515)
    zones = x86_8g(r, free=(15360, 0, 0), mins=(64, 13760, 22980), managed=(15360, 3063024, 5113684))
    frag_zone(r, zones[1], 412360, 3)
    frag_zone(r, zones[2], 1203344, 3)
    zones[0].blocks = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 3]
    zones[0].free = 1024 + 2048 + 3 * 4096
    java = Task(9120, 1001, "java", 1712330, 0, 12010, 0, 4853760, 120312, 0)
    ng = Task(2210, 33, "nginx", 31201, 4012, 3120, 1201, 241664, 0, 0)
    tasks = base_tasks() + [ng, Task(2211, 33, "nginx", 31902, 4420, 3010, 1201, 245760, 0, 0), java]
    cats = account(r, zones, tasks, java, file_kb=r.k(1610120), slab_r=210000, slab_u=92000, kstack=9000,
                   shmem=9620, free_pcp=2048, other_kb=r.k(180000))
    r.out("nginx invoked oom-killer: gfp_mask=0x40dc0(GFP_KERNEL|__GFP_COMP|__GFP_ZERO), order=3, oom_score_adj=0")
    r.out("CPU: 2 PID: 2210 Comm: nginx Not tainted 5.15.0-91-generic #101-Ubuntu")
    r.out("Hardware name: Microsoft Corporation Virtual Machine/Virtual Machine, BIOS Hyper-V UEFI Release v4.1 04/06/2022")
    r.out("Call Trace:")
    r.out(" <TASK>")
    for f in ["show_stack+0x52/0x5c", "dump_stack_lvl+0x4a/0x63", "dump_stack+0x10/0x16", "dump_header+0x53/0x228",
              "oom_kill_process.cold+0xb/0x10", "out_of_memory+0x106/0x2e0",
              "__alloc_pages_slowpath.constprop.0+0x97a/0xa40", "__alloc_pages+0x30d/0x320",
              "alloc_pages+0x9e/0x1e0", "kmalloc_order+0x2f/0xd0", "kmalloc_order_trace+0x1d/0x90",
              "__kmalloc_node_track_caller+0x2a6/0x2f0", "kmalloc_reserve+0x32/0x90", "__alloc_skb+0x8a/0x1d0",
              "alloc_skb_with_frags+0x5b/0x1d0", "sock_alloc_send_pskb+0x218/0x250", "unix_stream_sendmsg+0x14a/0x3b0",
              "sock_sendmsg+0x65/0x70", "__sys_sendto+0x113/0x190", "__x64_sys_sendto+0x29/0x40",
              "do_syscall_64+0x59/0xc0", "entry_SYSCALL_64_after_hwframe+0x62/0xcc"]:
        r.out(" " + f)
    r.out(" </TASK>")
    r.out("Mem-Info:")
    summary(r, zones, "5.15")
    node_line(r, zones, 0, "5.15")
    zone_lines(r, zones, "5.15", letters="new")
    totals(r, zones, "5.15", 2097148, 1510232, pagecache_pages(r, cats, 3012), 3012,
           hugepages=((0, 1048576), (0, 2048)))
    task_table(r, tasks, "5.15")
    global_tail_5x(r, java, memcg_path="/system.slice/app.service")
    common_facts(r, "5.15.0-91-generic", "x86_64", "nginx", 2210, "0x40dc0(GFP_KERNEL|__GFP_COMP|__GFP_ZERO)", 3,
                 "CONSTRAINT_NONE", None, "global", "killed", 2097148, 1510232, zones, tasks,
                 cause="fragmentation-high-order")
    victim_facts(r, java)
    r.facts["notes"] = ("An order-3 (32 KiB) GFP_KERNEL skb allocation found 1.6 GB free but no free block of order "
                        "3 or more in DMA32 and Normal (DMA is kept back by lowmem_reserve); 1.5 GB of swap still free. "
                        "Compaction failed, the OOM killer ran and killed the largest process, java.")
    write(r)


def r_alloc_failure():
    r = Report("5.10-page-allocation-failure-order4", seed=5104)
    zones = x86_8g(r, free=(15360, 0, 0), mins=(64, 13760, 22980), managed=(15360, 3063024, 5113684))
    frag_zone(r, zones[1], 602120, 4)
    frag_zone(r, zones[2], 901240, 4)
    zones[0].blocks = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 3]
    zones[0].free = 1024 + 2048 + 3 * 4096
    pg = Task(3120, 112, "postgres", 812330, 0, 20120, 120312, 2863104, 0, -900)
    tasks = base_tasks() + [pg]
    cats = account(r, zones, tasks, pg, file_kb=r.k(3120120), slab_r=260000, slab_u=101000, kstack=7200,
                   shmem=120312 * 4, free_pcp=1024, other_kb=r.k(120000))
    r.out("ip: page allocation failure: order:4, mode:0x40cc0(GFP_KERNEL|__GFP_COMP), nodemask=(null),cpuset=/,mems_allowed=0")
    r.out("CPU: 1 PID: 14820 Comm: ip Not tainted 5.10.0-28-amd64 #1 Debian 5.10.209-2")
    r.out("Hardware name: Supermicro SYS-5019C-M/X11SCM-F, BIOS 1.9 09/16/2022")
    r.out("Call Trace:")
    for f in ["dump_stack+0x6b/0x83", "warn_alloc.cold+0x78/0xdc", "__alloc_pages_slowpath.constprop.0+0xc4e/0xc60",
              "__alloc_pages_nodemask+0x2da/0x310", "kmalloc_order+0x25/0x80", "kmalloc_order_trace+0x17/0x80",
              "ixgbe_setup_rx_resources+0x4f/0x1f0 [ixgbe]", "ixgbe_open+0xd4/0x610 [ixgbe]", "__dev_open+0xf0/0x1a0",
              "__dev_change_flags+0x1a0/0x210", "dev_change_flags+0x21/0x60", "do_setlink+0x2a7/0xfa0",
              "__rtnl_newlink+0x5f8/0x9a0", "rtnl_newlink+0x44/0x70", "rtnetlink_rcv_msg+0x12f/0x380",
              "netlink_rcv_skb+0x50/0x100", "netlink_unicast+0x201/0x2f0", "netlink_sendmsg+0x24c/0x4a0",
              "sock_sendmsg+0x5e/0x70", "____sys_sendmsg+0x22c/0x270", "___sys_sendmsg+0x81/0xc0",
              "__sys_sendmsg+0x56/0xa0", "do_syscall_64+0x33/0x80", "entry_SYSCALL_64_after_hwframe+0x61/0xc6"]:
        r.out(" " + f)
    r.out("RIP: 0033:0x7f4d8a6a1e13")
    r.out("Mem-Info:")
    summary(r, zones, "5.10")
    node_line(r, zones, 0, "5.10")
    zone_lines(r, zones, "5.10", letters="new")
    totals(r, zones, "5.10", 0, 0, pagecache_pages(r, cats), hugepages=((0, 1048576), (0, 2048)))
    r.out("ixgbe 0000:03:00.0: Unable to allocate memory for the Rx descriptor ring")
    r.out("ixgbe 0000:03:00.0 eno1: NIC Link is Down")
    common_facts(r, "5.10.0-28-amd64", "x86_64", "ip", 14820, "0x40cc0(GFP_KERNEL|__GFP_COMP)", 4, None, None,
                 "page-allocation-failure", "none", 0, 0, zones, [], cause="fragmentation-high-order")
    r.facts.update({"victim_pid": None, "victim_comm": None, "victim_anon_rss_kb": None, "victim_file_rss_kb": None,
                    "victim_shmem_rss_kb": None, "victim_total_vm_kb": None, "oom_score_adj_of_victim": None,
                    "tasks": 0})
    r.facts["notes"] = ("warn_alloc (5.10): an order-4 (64 KiB) kmalloc for a NIC ring failed with 1.5 GB free, all "
                        "of it in blocks below order 4; no OOM kill (costly order). Followed by the driver's own "
                        "message, which is not part of the report.")
    write(r)


def r_panic():
    r = Report("5.4-panic-on-oom-system-wide", seed=5401)
    zones = x86_8g(r, free=(15908, 22104, 21480), mins=(68, 7400, 12120))
    for z in zones[1:]:
        z.v["unrecl"] = True
    app = Task(6120, 1000, "app-server", 2312330, 0, 3120)
    tasks = base_tasks() + [app]
    cats = account(r, zones, tasks, app, file_kb=r.k(12000), slab_r=20000, slab_u=50000, kstack=4400, shmem=1200)
    r.out("app-server invoked oom-killer: gfp_mask=0x100cca(GFP_HIGHUSER_MOVABLE), order=0, oom_score_adj=0")
    r.out("CPU: 0 PID: 6120 Comm: app-server Not tainted 5.4.0-169-generic #187-Ubuntu")
    r.out("Hardware name: VMware, Inc. VMware Virtual Platform/440BX Desktop Reference Platform, BIOS 6.00 11/12/2020")
    r.lines += STACK_X86_NEW
    r.out("Mem-Info:")
    summary(r, zones, "5.4")
    node_line(r, zones, 0, "5.4")
    zone_lines(r, zones, "4.14", letters="new")
    totals(r, zones, "5.4", 0, 0, pagecache_pages(r, cats), hugepages=((0, 1048576), (0, 2048)))
    task_table(r, tasks, "5.4")
    r.out("Kernel panic - not syncing: Out of memory: system-wide panic_on_oom is enabled")
    r.out("CPU: 0 PID: 6120 Comm: app-server Not tainted 5.4.0-169-generic #187-Ubuntu")
    r.out("Hardware name: VMware, Inc. VMware Virtual Platform/440BX Desktop Reference Platform, BIOS 6.00 11/12/2020")
    r.out("Call Trace:")
    r.out(" dump_stack+0x6d/0x8b")
    r.out(" panic+0x101/0x2e3")
    r.out(" out_of_memory.cold+0x2f/0x88")
    r.out("Kernel Offset: 0x1e000000 from 0xffffffff81000000 (relocation range: 0xffffffff80000000-0xffffffffbfffffff)")
    r.out("---[ end Kernel panic - not syncing: Out of memory: system-wide panic_on_oom is enabled ]---")
    common_facts(r, "5.4.0-169-generic", "x86_64", "app-server", 6120, "0x100cca(GFP_HIGHUSER_MOVABLE)", 0, None,
                 None, "global", "panic", 0, 0, zones, tasks)
    r.facts.update({"victim_pid": None, "victim_comm": None, "victim_anon_rss_kb": None, "victim_file_rss_kb": None,
                    "victim_shmem_rss_kb": None, "victim_total_vm_kb": None, "oom_score_adj_of_victim": None})
    r.facts["notes"] = ("vm.panic_on_oom=1: dump_header (with the task table) and then the panic; nothing is killed, "
                        "no oom-kill: line. The panic's own stack dump follows the report.")
    write(r)


def r_no_killable():
    r = Report("5.10-memcg-no-killable-processes", seed=5105)
    path = "/system.slice/critical.service"
    d = Task(7001, 0, "critical-daemon", 402331, 258912, 2310, 0, 2174976, 0, -1000)
    h = Task(7010, 0, "critical-helper", 41210, 2310, 1210, 0, 192512, 0, -1000)
    tasks = [d, h]
    anon = (d.anon + h.anon) * 4096 + 81920
    r.out("critical-daemon invoked oom-killer: gfp_mask=0xcc0(GFP_KERNEL), order=0, oom_score_adj=-1000")
    r.out("CPU: 2 PID: 7001 Comm: critical-daemon Not tainted 5.10.0-28-amd64 #1 Debian 5.10.209-2")
    r.out("Hardware name: QEMU Standard PC (Q35 + ICH9, 2009), BIOS 1.16.2-debian-1.16.2-1 04/01/2014")
    r.lines += MEMCG_STACK
    r.out("memory: usage 1048576kB, limit 1048576kB, failcnt 12010")
    r.out("swap: usage 0kB, limit 0kB, failcnt 0")
    r.out("Memory cgroup stats for %s:" % path)
    stat_dump(r, [("anon", anon), ("file", 4096000), ("kernel_stack", 65536), ("percpu", 138240), ("sock", 0),
                  ("shmem", 0), ("file_mapped", 2048000), ("file_dirty", 0), ("file_writeback", 0), ("anon_thp", 0),
                  ("inactive_anon", anon), ("active_anon", 0), ("inactive_file", 2048000), ("active_file", 2048000),
                  ("unevictable", 0), ("slab_reclaimable", 1212416), ("slab_unreclaimable", 1822720)])
    task_table(r, tasks, "5.10")
    r.out("Out of memory and no killable processes...")
    common_facts(r, "5.10.0-28-amd64", "x86_64", "critical-daemon", 7001, "0xcc0(GFP_KERNEL)", 0, None, path, "memcg",
                 "no-killable-process", None, None, [], tasks, cause="memcg-limit")
    r.facts.update({"victim_pid": None, "victim_comm": None, "victim_anon_rss_kb": None, "victim_file_rss_kb": None,
                    "victim_shmem_rss_kb": None, "victim_total_vm_kb": None, "oom_score_adj_of_victim": None})
    r.facts["notes"] = ("Every task of the cgroup has oom_score_adj -1000 (OOMScoreAdjust=-1000): the memcg OOM "
                        "finds no victim, prints 'Out of memory and no killable processes...' (a warning since 4.18; "
                        "no 'System is deadlocked' panic for a memcg OOM) and the charge fails.")
    write(r)


def r_arm64_64k():
    r = Report("5.14-rhel9-aarch64-64k-pages", psz=64, norders=14, seed=64)
    lm = lowmem([4194304, 62914560 - 1048576], 64, 5, [256, 32, 32, 1, 1])
    # min_free_kbytes on a 64 KiB-page THP kernel: khugepaged's recommended
    # value (mm/khugepaged.c set_recommended_min_free_kbytes, pageblock =
    # 512 MiB) is capped at 5 % of lowmem, ~1.4 GB here, spread over the
    # zones by managed pages (mm/page_alloc.c __setup_per_zone_wmarks).
    dma = Zone(0, "DMA", 4194304, 4121600, 87440, 0, [0, 0, lm[0][1] * 0 + lm[0][2], lm[0][2], lm[0][2]])
    normal = Zone(0, "Normal", 62914560, 61865984, 1312560, 0, [0, 0, 0, 0, 0])
    dma.lowmem = [0, 0, lm[0][1], lm[0][1], lm[0][1]]
    zones = [dma, normal]
    dma.free = 97280
    dma.top_order = 8
    normal.free = 21312 * 64
    normal.free = r.k(normal.free)
    normal.top_order = 4
    st = Task(81234, 0, "stress-ng", 1012331, 0, 61, 0, 1179648, 0, 0)
    tasks = [Task(1012, 0, "systemd-journal", 3121, 110, 412, 30, 327680, 0, -250),
             Task(1140, 0, "systemd-udevd", 1812, 130, 90, 0, 262144, 0, -1000),
             Task(2012, 81, "dbus-broker", 712, 40, 40, 0, 196608, 0, -900),
             Task(2211, 0, "NetworkManager", 4012, 210, 330, 0, 393216, 0, 0),
             Task(2890, 0, "sshd", 1212, 60, 180, 0, 262144, 0, -1000),
             Task(81220, 0, "stress-ng", 3120, 12, 52, 0, 262144, 0, -1000), st]
    cats = account(r, zones, tasks, st, file_kb=r.k(260000), slab_r=212000, slab_u=310000, kstack=41000,
                   shmem=r.k(31000), free_pcp=r.k(6400), other_kb=r.k(900000))
    for z in zones:
        z.v["unrecl"] = True
    r.out("stress-ng invoked oom-killer: gfp_mask=0x140dca(GFP_HIGHUSER_MOVABLE|__GFP_COMP|__GFP_ZERO), order=0, oom_score_adj=0")
    r.out("CPU: 12 PID: 81234 Comm: stress-ng Kdump: loaded Not tainted 5.14.0-427.13.1.el9_4.aarch64+64k #1")
    r.out("Hardware name: GIGABYTE R272-P30-JG/MP32-AR0-JG, BIOS F31k (SCP: 2.10.20220531) 09/29/2022")
    r.out("Call trace:")
    for f in ["dump_backtrace+0xa8/0x120", "show_stack+0x1c/0x30", "dump_stack_lvl+0x74/0x8c", "dump_stack+0x18/0x34",
              "dump_header+0x50/0x1e0", "oom_kill_process+0x1e4/0x1f0", "out_of_memory+0xf0/0x340",
              "__alloc_pages_slowpath.constprop.0+0x63c/0x8c0", "__alloc_pages+0x250/0x2a4",
              "alloc_pages_vma+0x94/0x200", "do_anonymous_page+0x1c0/0x4f0", "__handle_mm_fault+0x304/0x4a4",
              "handle_mm_fault+0xf4/0x270", "do_page_fault+0x1c4/0x4a0", "do_translation_fault+0xa0/0xc0",
              "do_mem_abort+0x4c/0xb0", "el0_da+0x48/0x120", "el0t_64_sync_handler+0xc0/0xe0",
              "el0t_64_sync+0x1a0/0x1a4"]:
        r.out(" " + f)
    r.out("Mem-Info:")
    summary(r, zones, "5.10")
    node_line(r, zones, 0, "5.10")
    zone_lines(r, zones, "5.10", letters="new")
    totals(r, zones, "5.14", 0, 0, pagecache_pages(r, cats), hugepages=((0, 16777216), (0, 524288), (0, 2048)))
    task_table(r, tasks, "rhel9")
    global_tail_5x(r, st, memcg_path="/user.slice/user-0.slice/session-3.scope")
    common_facts(r, "5.14.0-427.13.1.el9_4.aarch64+64k", "aarch64", "stress-ng", 81234,
                 "0x140dca(GFP_HIGHUSER_MOVABLE|__GFP_COMP|__GFP_ZERO)", 0, "CONSTRAINT_NONE", None, "global",
                 "killed", 0, 0, zones, tasks, cause="genuine-exhaustion-no-swap")
    victim_facts(r, st)
    r.facts["notes"] = ("RHEL 9 aarch64 kernel-64k: 64 KiB pages (buddy orders 64kB…512MB, 14 orders), so every "
                        "page count (summary, task table) is ×64 KiB; arm64 'Call trace:' (lower-case t); "
                        "'Kdump: loaded' before the taint on the CPU: line. Watermarks are those of a 64k THP kernel "
                        "(min_free_kbytes ~1.4 GB), so 1.3 GB free in Normal is below its low mark.")
    write(r)


# ---- reports added by the qa pass (kernel formats the collection lacked) -----------

ZL["4.9"] = ("free min low high active_anon inactive_anon active_file inactive_file unevictable writepending "
             "present managed mlocked slab_reclaimable slab_unreclaimable kernel_stack pagetables bounce free_pcp "
             "local_pcp free_cma")


def task_table_4_18(r, tasks):
    """4.15-4.18 and RHEL 8: '[ pid ]' header with pgtables_bytes, no 'Tasks state' line."""
    r.out("[ pid ]   uid  tgid total_vm      rss pgtables_bytes swapents oom_score_adj name")
    for t in tasks:
        r.out("[%5d] %5d %5d %8d %8d %8d %8d         %5d %s" % (t.pid, t.uid, t.pid, t.vm, t.rss, t.pgt, t.swap, t.adj, t.comm))


def numa_16g(r, free0, free1, mins=(16, 3800, 6200, 6300)):
    """Two nodes of 8 GiB: node 0 DMA/DMA32/Normal, node 1 Normal only."""
    managed = (15908, 3063024, 5113684)
    lm = lowmem(list(managed), r.psz, 5, [256, 256, 32, 1, 1])
    z0 = [Zone(0, n, (15992, 3129216, 5242880)[i], managed[i], mins[i], free0[i], lm[i])
          for i, n in enumerate(("DMA", "DMA32", "Normal"))]
    z1 = Zone(1, "Normal", 8388608, 8250112, mins[3], free1, [0, 0, 0, 0, 0])
    return z0 + [z1]


def pg_tasks():
    return [Task(1411, 26, "postmaster", 1612330, 41210, 20120, 310212, 1302528, 0, -900),
            Task(1502, 26, "postmaster", 1612890, 9120, 12012, 301202, 1269760, 0, 0),
            Task(1503, 26, "postmaster", 1613012, 8120, 12210, 290112, 1273856, 0, 0)]


def r_rhel8_cpuset():
    r = Report("4.18-rhel8-cpuset-numa-node1", seed=418)
    zones = numa_16g(r, (15908, 512000, 620012), 6100)
    for z in zones[3:]:
        z.v["unrecl"] = True
    pgs = pg_tasks()
    big = Task(8120, 26, "postmaster", 2612330, 0, 12120, 301212, 4521984, 0, 0)
    tasks = base_tasks() + pgs + [big]
    cats = account(r, zones, tasks, big, file_kb=r.k(412000), slab_r=120000, slab_u=160000, kstack=12000,
                   shmem=(310212 + 301202 + 290112 + 301212) * 4, free_pcp=1200)
    r.out("postmaster invoked oom-killer: gfp_mask=0x6200ca(GFP_HIGHUSER_MOVABLE), order=0, oom_score_adj=0")
    r.out("CPU: 9 PID: 8120 Comm: postmaster Kdump: loaded Not tainted 4.18.0-372.9.1.el8.x86_64 #1")
    r.out("Hardware name: Dell Inc. PowerEdge R740/0DY2X0, BIOS 2.12.2 07/09/2021")
    r.lines += STACK_X86_NEW
    r.out("Mem-Info:")
    summary(r, zones, "4.14")
    node_line(r, zones, 0, "4.14")
    node_line(r, zones, 1, "4.14")
    zone_lines(r, zones, "4.14", letters="new")
    totals(r, zones, "4.19", 0, 0, pagecache_pages(r, cats), hugepages=((0, 1048576), (0, 2048)), nodes=(0, 1))
    task_table_4_18(r, tasks)
    r.out("oom-kill:constraint=CONSTRAINT_CPUSET,nodemask=(null),cpuset=db,mems_allowed=1,global_oom,"
          "task_memcg=/system.slice/postgresql.service,task=postmaster,pid=8120,uid=26")
    vm, an, fi, sh = kill_values(r, big)
    r.out("Out of memory: Killed process 8120 (postmaster) total-vm:%dkB, anon-rss:%dkB, file-rss:%dkB, "
          "shmem-rss:%dkB, UID:26" % (vm, an, fi, sh))
    r.out("oom_reaper: reaped process 8120 (postmaster), now anon-rss:0kB, file-rss:0kB, shmem-rss:%dkB" % sh)
    common_facts(r, "4.18.0-372.9.1.el8.x86_64", "x86_64", "postmaster", 8120, "0x6200ca(GFP_HIGHUSER_MOVABLE)", 0,
                 "CONSTRAINT_CPUSET", None, "cpuset", "killed", 0, 0, zones, tasks, cause="cpuset-or-mempolicy")
    victim_facts(r, big)
    r.facts["mems_allowed"] = "1"
    r.facts["notes"] = ("RHEL 8 (4.18.0-372): trigger without nodemask, '[ pid ]' table with pgtables_bytes and no "
                        "'Tasks state' line, oom-kill: line (backport) with CONSTRAINT_CPUSET. A 2-node machine; "
                        "PostgreSQL's cpuset 'db' allows node 1 only, which is below min while node 0 has 1.1 GB free.")
    write(r)


def r_mpol_bind():
    r = Report("5.10-mempolicy-bind-node0", seed=5110)
    zones = numa_16g(r, (15908, 14012, 22100), 4012300, mins=(16, 3800, 6200, 6300))
    for z in zones[1:3]:
        z.v["unrecl"] = True
    sim = Task(22011, 1000, "simulate", 2200330, 0, 4012, 0, 4521984, 0, 0)
    tasks = base_tasks() + [Task(21990, 1000, "numactl", 2120, 120, 312, 0, 53248), sim]
    cats = account(r, zones, tasks, sim, file_kb=r.k(2412000), slab_r=90000, slab_u=110000, kstack=9000,
                   shmem=12000, free_pcp=900)
    r.out("simulate invoked oom-killer: gfp_mask=0x100cca(GFP_HIGHUSER_MOVABLE), order=0, oom_score_adj=0")
    r.out("CPU: 3 PID: 22011 Comm: simulate Not tainted 5.10.0-28-amd64 #1 Debian 5.10.209-2")
    r.out("Hardware name: Supermicro SYS-2029P-C1R/X11DPi-N, BIOS 3.4 11/03/2020")
    r.lines += stack_new()
    r.out("Mem-Info:")
    summary(r, zones, "5.10")
    node_line(r, zones, 0, "5.10")
    node_line(r, zones, 1, "5.10")
    zone_lines(r, zones, "5.10", letters="new")
    totals(r, zones, "5.10", 0, 0, pagecache_pages(r, cats), hugepages=((0, 1048576), (0, 2048)), nodes=(0, 1))
    task_table(r, tasks, "5.10")
    r.out("oom-kill:constraint=CONSTRAINT_MEMORY_POLICY,nodemask=0,cpuset=/,mems_allowed=0-1,global_oom,"
          "task_memcg=/user.slice/user-1000.slice/session-7.scope,task=simulate,pid=22011,uid=1000")
    vm, an, fi, sh = kill_values(r, sim)
    r.out("Out of memory: Killed process 22011 (simulate) total-vm:%dkB, anon-rss:%dkB, file-rss:%dkB, "
          "shmem-rss:%dkB, UID:1000 pgtables:%dkB oom_score_adj:0" % (vm, an, fi, sh, sim.pgt // 1024))
    common_facts(r, "5.10.0-28-amd64", "x86_64", "simulate", 22011, "0x100cca(GFP_HIGHUSER_MOVABLE)", 0,
                 "CONSTRAINT_MEMORY_POLICY", None, "mempolicy", "killed", 0, 0, zones, tasks,
                 cause="cpuset-or-mempolicy")
    victim_facts(r, sim)
    r.facts["nodemask"] = "0"
    r.facts["notes"] = ("numactl --membind=0 on a 2-node machine: the MPOL_BIND nodemask (0) is printed only in the "
                        "oom-kill: line (5.x); node 0's zones are at min while node 1 has 3.8 GB free.")
    write(r)


def r_hugepages():
    r = Report("5.15-hugepages-reserved-unused", seed=5150)
    present = (15992, 3129216, 13631488)
    managed = (15360, 3063024, 13447168)
    zones = x86_8g(r, free=(15360, 13200, 24120), mins=(32, 5200, 22800), present=present, managed=managed)
    hp = 6144 * 2048
    jv = Task(3120, 1001, "java", 1812330, 0, 8120, 0, 3342336, 0, 0)
    tasks = base_tasks() + [jv]
    cats = account(r, zones, tasks, jv, file_kb=r.k(60000), slab_r=80000, slab_u=120000, kstack=8000,
                   shmem=6000, free_pcp=600, other_kb=hp + 60000)
    for z in zones[1:]:
        z.v["unrecl"] = True
    r.out("java invoked oom-killer: gfp_mask=0x1100cca(GFP_HIGHUSER_MOVABLE), order=0, oom_score_adj=0")
    r.out("CPU: 1 PID: 3120 Comm: java Not tainted 5.15.0-105-generic #115-Ubuntu")
    r.out("Hardware name: QEMU Standard PC (Q35 + ICH9, 2009), BIOS 1.15.0-1 04/01/2014")
    r.lines += stack_new(tagged=True)
    r.out("Mem-Info:")
    summary(r, zones, "5.15")
    node_line(r, zones, 0, "5.15")
    zone_lines(r, zones, "5.15", letters="new")
    ram = sum(z.present for z in zones) // 4
    reserved = sum(z.present - z.managed for z in zones) // 4
    r.facts["total_kb"] = (ram - reserved) * 4
    r.out("Node 0 hugepages_total=0 hugepages_free=0 hugepages_surp=0 hugepages_size=1048576kB")
    r.out("Node 0 hugepages_total=6144 hugepages_free=6144 hugepages_surp=0 hugepages_size=2048kB")
    r.out("%d total pagecache pages" % pagecache_pages(r, cats))
    r.out("0 pages in swap cache")
    r.out("Swap cache stats: add 0, delete 0, find 0/0")
    r.out("Free swap  = 0kB")
    r.out("Total swap = 0kB")
    r.out("%d pages RAM" % ram)
    r.out("0 pages HighMem/MovableOnly")
    r.out("%d pages reserved" % reserved)
    r.out("0 pages cma reserved")
    r.out("0 pages hwpoisoned")
    task_table(r, tasks, "5.15")
    global_tail_5x(r, jv, memcg_path="/system.slice/app.service")
    common_facts(r, "5.15.0-105-generic", "x86_64", "java", 3120, "0x1100cca(GFP_HIGHUSER_MOVABLE)", 0,
                 "CONSTRAINT_NONE", None, "global", "killed", 0, 0, zones, tasks, cause="hugepages-reserved")
    victim_facts(r, jv)
    r.facts["hugetlb_kb"] = hp
    r.facts["notes"] = ("vm.nr_hugepages=6144 (12 GiB of a 16 GiB VM) reserved for a database that is not running: "
                        "all 6144 huge pages free, but out of normal use; the JVM OOMs in the 4 GiB left.")
    write(r)


def r_slab():
    r = Report("6.1-slab-unreclaimable-dump", seed=6101)
    zones = x86_8g(r, free=(15360, 14120, 23100), mins=(64, 13760, 22980), managed=(15360, 3063024, 5113684))
    for z in zones[1:]:
        z.v["unrecl"] = True
    app = Task(5120, 1000, "node", 712330, 0, 9120, 0, 2363392, 0, 0)
    tasks = base_tasks() + [app]
    slab_u = 5400000
    cats = account(r, zones, tasks, app, file_kb=r.k(120000), slab_r=90000, slab_u=slab_u, kstack=9000,
                   shmem=3000, free_pcp=800, other_kb=r.k(80000), anon_extra=600000)
    r.out("node invoked oom-killer: gfp_mask=0x140cca(GFP_HIGHUSER_MOVABLE|__GFP_COMP), order=0, oom_score_adj=0")
    r.out("CPU: 0 PID: 5120 Comm: node Tainted: G           OE      6.1.0-18-amd64 #1  Debian 6.1.76-1")
    r.out("Hardware name: Hetzner vServer/Standard PC (Q35 + ICH9, 2009), BIOS 20171111 11/11/2017")
    r.lines += stack_new(tagged=True)
    r.out("Mem-Info:")
    summary(r, zones, "6.1")
    node_line(r, zones, 0, "6.1")
    zone_lines(r, zones, "6.1", letters="new")
    totals(r, zones, "6.1", 0, 0, pagecache_pages(r, cats), hugepages=((0, 1048576), (0, 2048)))
    r.out("Unreclaimable slab info:")
    r.out("Name                      Used          Total")
    for name, used, total in (("kmalloc-4k", 4012300, 4012800), ("kmalloc-512", 812040, 812544),
                              ("nf_conntrack", 301120, 301440), ("kmalloc-64", 61210, 61440),
                              ("task_struct", 8120, 8960), ("sock_inode_cache", 4120, 4800)):
        r.out("%-17s %10dKB %10dKB" % (name, used, total))
    task_table(r, tasks, "5.10")
    global_tail_5x(r, app, memcg_path="/system.slice/app.service")
    common_facts(r, "6.1.0-18-amd64", "x86_64", "node", 5120, "0x140cca(GFP_HIGHUSER_MOVABLE|__GFP_COMP)", 0,
                 "CONSTRAINT_NONE", None, "global", "killed", 0, 0, zones, tasks, cause="slab-growth")
    victim_facts(r, app)
    r.facts["slab_unreclaimable_kb"] = slab_u
    r.facts["notes"] = ("6.1: 5.4 GB of unreclaimable slab (an out-of-tree module, taint OE, leaking kmalloc-4k) on "
                        "8 GB; more than all LRU pages, so the kernel prints 'Unreclaimable slab info:' "
                        "(mm/slab_common.c dump_unreclaimable_slab) before the task table.")
    write(r)


def r_leak():
    r = Report("5.15-unaccounted-kernel-leak", seed=5151)
    zones = x86_8g(r, free=(15360, 14012, 23300), mins=(64, 13760, 22980), managed=(15360, 3063024, 5113684))
    for z in zones[1:]:
        z.v["unrecl"] = True
    app = Task(6120, 0, "Xorg", 412330, 0, 31200, 0, 1302528, 0, 0)
    tasks = base_tasks() + [Task(4120, 1000, "gnome-shell", 1210441, 60212, 31022, 1210, 2895872, 0), app]
    cats = account(r, zones, tasks, app, file_kb=r.k(180000), slab_r=60000, slab_u=90000, kstack=9000,
                   shmem=8000, free_pcp=500, other_kb=r.k(5200000))
    r.out("Xorg invoked oom-killer: gfp_mask=0x1100dca(GFP_HIGHUSER_MOVABLE|__GFP_ZERO), order=0, oom_score_adj=0")
    r.out("CPU: 2 PID: 6120 Comm: Xorg Tainted: P           OE     5.15.0-91-generic #101-Ubuntu")
    r.out("Hardware name: ASUS System Product Name/PRIME B450M-A, BIOS 3211 08/10/2021")
    r.lines += stack_new(tagged=True)
    r.out("Mem-Info:")
    summary(r, zones, "5.15")
    node_line(r, zones, 0, "5.15")
    zone_lines(r, zones, "5.15", letters="new")
    totals(r, zones, "5.15", 0, 0, pagecache_pages(r, cats), hugepages=((0, 1048576), (0, 2048)))
    task_table(r, tasks, "5.15")
    global_tail_5x(r, app, memcg_path="/system.slice/display-manager.service")
    common_facts(r, "5.15.0-91-generic", "x86_64", "Xorg", 6120, "0x1100dca(GFP_HIGHUSER_MOVABLE|__GFP_ZERO)", 0,
                 "CONSTRAINT_NONE", None, "global", "killed", 0, 0, zones, tasks, cause="kernel-leak-or-bug")
    victim_facts(r, app)
    r.facts["notes"] = ("5.2 GB of 8 GB in no counter of the report (a proprietary GPU driver, taint P, allocating "
                        "pages directly): anon, page cache, slab, page tables and stacks add up to under 2.5 GB.")
    write(r)


def r_6_6_memcg_v1():
    r = Report("6.6-memcg-v1-v1-stat-format", seed=66)
    path = "/kubepods/burstable/pod3f2a/0c1d9e"
    jv = Task(31020, 1000, "java", 1312330, 257012, 3120, 0, 2453504, 0, 985)
    pause = Task(30990, 65535, "pause", 250, 1, 98, 0, 28672, 0, -998)
    tasks = [pause, jv]
    rss = (jv.anon + pause.anon) * 4096 + 40960
    cache = 3362816
    r.out("java invoked oom-killer: gfp_mask=0xcc0(GFP_KERNEL), order=0, oom_score_adj=985")
    r.out("CPU: 4 PID: 31020 Comm: java Not tainted 6.6.15-amd64 #1 SMP PREEMPT_DYNAMIC Debian 6.6.15-2")
    r.out("Hardware name: Amazon EC2 m6i.xlarge/, BIOS 1.0 10/16/2017")
    r.lines += stack_new(tagged=True, memcg=True)
    r.out("memory: usage 1048576kB, limit 1048576kB, failcnt 2210")
    r.out("memory+swap: usage 1048576kB, limit 9007199254740988kB, failcnt 0")
    r.out("kmem: usage 11160kB, limit 9007199254740988kB, failcnt 0")
    r.out("Memory cgroup stats for %s:" % path)
    stat = [("cache", cache), ("rss", rss), ("rss_huge", 0), ("shmem", 0), ("mapped_file", 1220608),
            ("dirty", 0), ("writeback", 0), ("swap", 0), ("workingset_refault_anon", 0),
            ("workingset_refault_file", 3120), ("pgpgin", 412330), ("pgpgout", 149120), ("pgfault", 512330),
            ("pgmajfault", 12), ("inactive_anon", rss), ("active_anon", 0), ("inactive_file", 2142208),
            ("active_file", 1220608), ("unevictable", 0), ("hierarchical_memory_limit", 1073741824),
            ("hierarchical_memsw_limit", 9223372036854771712)]
    stat_dump(r, stat)
    stat_dump(r, [("total_" + k, v) for k, v in stat if not k.startswith("hierarchical")])
    task_table(r, tasks, "6.1")
    r.out("oom-kill:constraint=CONSTRAINT_MEMCG,nodemask=(null),cpuset=0c1d9e,mems_allowed=0,oom_memcg=%s,"
          "task_memcg=%s,task=java,pid=31020,uid=1000" % (path, path))
    vm, an, fi, sh = kill_values(r, jv)
    r.out("Memory cgroup out of memory: Killed process 31020 (java) total-vm:%dkB, anon-rss:%dkB, file-rss:%dkB, "
          "shmem-rss:%dkB, UID:1000 pgtables:%dkB oom_score_adj:985" % (vm, an, fi, sh, jv.pgt // 1024))
    memcg_tasks_facts(r, "6.6.15-amd64", "java", 31020, "0xcc0(GFP_KERNEL)", path, jv, tasks, "CONSTRAINT_MEMCG",
                      cause="memcg-limit")
    r.facts["memcg_limit_kb"] = 1048576
    r.facts["notes"] = ("6.6 on cgroup v1 (Kubernetes, Burstable pod): memory/memory+swap/kmem lines, then the stat "
                        "dump in the v1 memory.stat format (cache, rss, …, hierarchical_*_limit, total_*), in "
                        "bytes, one line each (seq_buf_do_printk, 6.6+).")
    write(r)


def r_4_9_atomic():
    r = Report("4.9-atomic-order3-alloc-failure", seed=49)
    zones = x86_8g(r, free=(15360, 0, 0), mins=(64, 8360, 14040), managed=(15360, 3063024, 5113684))
    frag_zone(r, zones[1], 41200, 3)
    frag_zone(r, zones[2], 31040, 3)
    zones[0].blocks = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 3]
    zones[0].free = 1024 + 2048 + 3 * 4096
    tasks = base_tasks() + [Task(4410, 0, "haproxy", 612330, 0, 4120)]
    cats = account(r, zones, tasks, tasks[-1], file_kb=r.k(3412000), slab_r=210000, slab_u=310000, kstack=8000,
                   shmem=4000, free_pcp=1200)
    r.out("swapper/3: page allocation failure: order:3, mode:0x2084020(GFP_ATOMIC|__GFP_COMP)")
    r.out("CPU: 3 PID: 0 Comm: swapper/3 Not tainted 4.9.0-19-amd64 #1 Debian 4.9.320-2")
    r.out("Hardware name: HP ProLiant DL360 Gen9/ProLiant DL360 Gen9, BIOS P89 10/21/2019")
    r.out(" 0000000000000000 ffffffff8a336ac4 0000000000000000 ffffffff8a80a878")
    r.out("Call Trace:")
    r.out(" <IRQ> ")
    for fr in ["ffffffff8a336ac4] ? dump_stack+0x5c/0x78", "ffffffff8a18c5fa] ? warn_alloc+0x13a/0x170",
               "ffffffff8a18cfbd] ? __alloc_pages_slowpath+0x95d/0xbb0",
               "ffffffff8a18d40e] ? __alloc_pages_nodemask+0x1fe/0x260",
               "ffffffff8a1de9d1] ? alloc_pages_current+0x91/0x140", "ffffffff8a1e7e3a] ? new_slab+0x36a/0x630",
               "ffffffff8a1e8d8b] ? ___slab_alloc+0x3ab/0x4c0", "ffffffff8a4ff1e2] ? __alloc_skb+0x82/0x1e0",
               "ffffffff8a1ecf61] ? __kmalloc_node_track_caller+0xb1/0x2a0",
               "ffffffff8a4fdc91] ? __kmalloc_reserve.isra.35+0x31/0x90",
               "ffffffff8a4ff1e2] ? __alloc_skb+0x82/0x1e0",
               "ffffffff8a4ff54d] ? __netdev_alloc_skb+0xbd/0x110",
               "ffffffffc02a1c5e] ? bnx2x_rx_int+0x2fe/0x1250 [bnx2x]",
               "ffffffffc02a3161] ? bnx2x_poll+0xc1/0x280 [bnx2x]",
               "ffffffff8a50e7a0] ? net_rx_action+0x260/0x3c0",
               "ffffffff8a61a3ed] ? __do_softirq+0x10d/0x2b0", "ffffffff8a0812f2] ? irq_exit+0xc2/0xd0",
               "ffffffff8a619387] ? do_IRQ+0x57/0xe0"]:
        r.out(" [<" + fr.replace("]", ">]", 1))
    r.out(" <EOI> ")
    r.out("Mem-Info:")
    summary(r, zones, "4.4")
    node_line(r, zones, 0, "4.14")
    zone_lines(r, zones, "4.9", letters="new")
    totals(r, zones, "4.4", 0, 0, pagecache_pages(r, cats), hugepages=((0, 1048576), (0, 2048)))
    common_facts(r, "4.9.0-19-amd64", "x86_64", "swapper/3", 0, "0x2084020(GFP_ATOMIC|__GFP_COMP)", 3, None, None,
                 "page-allocation-failure", "none", 0, 0, zones, [], cause="fragmentation-high-order")
    r.facts.update({"victim_pid": None, "victim_comm": None, "victim_anon_rss_kb": None, "victim_file_rss_kb": None,
                    "victim_shmem_rss_kb": None, "victim_total_vm_kb": None, "oom_score_adj_of_victim": None,
                    "tasks": 0})
    r.facts["notes"] = ("4.9 warn_alloc (no nodemask yet): an order-3 GFP_ATOMIC skb allocation in the bnx2x "
                        "receive softirq (comm swapper/3, pid 0) found DMA32 and Normal with 70 MB free in blocks "
                        "below order 3. Nothing is killed; the packet is dropped.")
    write(r)


def r_4_13_stall():
    r = Report("4.13-page-allocation-stalls", seed=413)
    zones = x86_8g(r, free=(15908, 30120, 41212), mins=(68, 7400, 12120))
    for z in zones[1:]:
        z.v["unrecl"] = False
    jv = Task(3312, 1000, "java", 2612330, 0, 20120, 0, 5271552, 0, 0)
    tasks = base_tasks() + [jv]
    cats = account(r, zones, tasks, jv, file_kb=r.k(210000), slab_r=61000, slab_u=82000, kstack=7000, shmem=4000,
                   free_pcp=600)
    r.out("java: page allocation stalls for 10468ms, order:0, mode:0x14200ca(GFP_HIGHUSER_MOVABLE), nodemask=(null)")
    r.out("java cpuset=/ mems_allowed=0")
    r.out("CPU: 1 PID: 3312 Comm: java Not tainted 4.13.0-46-generic #51-Ubuntu")
    r.out("Hardware name: Xen HVM domU, BIOS 4.2.amazon 08/24/2006")
    r.out("Call Trace:")
    for f in ["dump_stack+0x63/0x8b", "warn_alloc+0x114/0x1c0", "__alloc_pages_slowpath+0x9da/0xe10",
              "__alloc_pages_nodemask+0x240/0x260", "alloc_pages_vma+0x88/0x1c0", "__handle_mm_fault+0x8a9/0x1290",
              "handle_mm_fault+0xb1/0x200", "__do_page_fault+0x24d/0x4d0", "do_page_fault+0x22/0x30",
              "page_fault+0x28/0x30"]:
        r.out(" " + f)
    r.out("RIP: 0033:0x7f1d1c2a7a4b")
    r.out("RSP: 002b:00007f1cf1ffa9f0 EFLAGS: 00010206")
    r.out("Mem-Info:")
    summary(r, zones, "4.4")
    node_line(r, zones, 0, "4.14")
    zone_lines(r, zones, "4.9", letters="new")
    totals(r, zones, "4.4", 0, 0, pagecache_pages(r, cats), hugepages=((0, 1048576), (0, 2048)))
    common_facts(r, "4.13.0-46-generic", "x86_64", "java", 3312, "0x14200ca(GFP_HIGHUSER_MOVABLE)", 0, None, None,
                 "page-allocation-failure", "none", 0, 0, zones, [], cause="allocation-stall")
    r.facts.update({"victim_pid": None, "victim_comm": None, "victim_anon_rss_kb": None, "victim_file_rss_kb": None,
                    "victim_shmem_rss_kb": None, "victim_total_vm_kb": None, "oom_score_adj_of_victim": None,
                    "tasks": 0, "stall_ms": 10468})
    r.facts["notes"] = ("4.10-4.14 warn_alloc stall warning: a page fault of java had been in the allocator's "
                        "slow path for 10.5 s (reclaim thrashing the 200 MB of page cache left); not a failure, "
                        "nothing killed, the allocation was still being retried. Printed with the cpuset line "
                        "and Mem-Info, no task table.")
    write(r)


def r_3_4_oom_adj():
    r = Report("3.4-oom-adj-cpu-columns", seed=34)
    zones = x86_8g(r, free=(15908, 12420, 22100), mins=(32, 5988, 10680))
    for z in zones[1:]:
        z.v["unrecl"] = True
    rb = Task(4410, 1000, "ruby", 2212330, 0, 1210, cpu=2)
    tasks = [Task(1, 0, "init", 6012, 210, 410), Task(412, 0, "udevd", 5412, 120, 310, adj=-1000, oom_adj=-17),
             Task(1210, 0, "rsyslogd", 62310, 610, 420, cpu=1), Task(1840, 0, "sshd", 12310, 312, 610, adj=-1000, oom_adj=-17),
             Task(2010, 33, "apache2", 81210, 6120, 2410, cpu=3), Task(2011, 33, "apache2", 81390, 6310, 2412, cpu=0),
             Task(3301, 1000, "unicorn", 112310, 41200, 1210, adj=300, oom_adj=5), rb]
    cats = account(r, zones, tasks, rb, file_kb=r.k(22000), slab_r=26000, slab_u=41000, kstack=3200, shmem=1200)
    zones[2].v["scan"] = 412312
    r.out("ruby invoked oom-killer: gfp_mask=0x201da, order=0, oom_adj=0, oom_score_adj=0")
    r.out("ruby cpuset=/ mems_allowed=0")
    r.out("Pid: 4410, comm: ruby Not tainted 3.4.0-54-generic #83-Ubuntu")
    r.out("Call Trace:")
    for fr in ["ffffffff8166b04e] dump_header+0x8e/0xd0", "ffffffff8111b9b4] oom_kill_process+0x274/0x3a0",
               "ffffffff8111bf05] out_of_memory+0x415/0x460", "ffffffff81120a8c] __alloc_pages_nodemask+0x87c/0x890",
               "ffffffff8115a6da] alloc_pages_vma+0x9a/0x150", "ffffffff8113b42f] handle_pte_fault+0x1ef/0x210",
               "ffffffff8113c8ac] handle_mm_fault+0x21c/0x350", "ffffffff81677650] do_page_fault+0x170/0x530",
               "ffffffff81674175] page_fault+0x25/0x30"]:
        r.out(" [<" + fr.replace("]", ">]", 1))
    r.out("Mem-Info:")
    for z in zones:
        r.out("Node 0 %s per-cpu:" % z.name)
        for cpu in range(4):
            r.out("CPU %4d: hi:%5d, btch:%4d usd:%4d" % ((cpu, 0, 1, 0) if z.name == "DMA" else (cpu, 186, 31, 12 + cpu * 41)))
    summary(r, zones, "2.6.32")
    zone_lines(r, zones, "2.6.32", letters="old")
    totals(r, zones, "3.2", 0, 0, pagecache_pages(r, cats))
    task_table(r, tasks, "3.2")
    r.out("Out of memory: Kill process 4410 (ruby) score 953 or sacrifice child")
    vm, an, fi, sh = kill_values(r, rb)
    r.out("Killed process 4410 (ruby) total-vm:%dkB, anon-rss:%dkB, file-rss:%dkB" % (vm, an, fi))
    common_facts(r, "3.4.0-54-generic", "x86_64", "ruby", 4410, "0x201da", 0, None, None, "global", "killed", 0, 0,
                 zones, tasks, cause="genuine-exhaustion-no-swap")
    victim_facts(r, rb)
    r.facts["victim_shmem_rss_kb"] = None
    r.facts["notes"] = ("3.4 (Ubuntu 12.04 HWE): trigger with oom_adj and oom_score_adj, 'Pid: N, comm:' header, "
                        "per-cpu pageset lines, 2.6.32-style zone lines without managed:, migratetype letters "
                        "(UEM, 3.5 onwards in mainline; absent here would be equally right), '[ pid ]' table with cpu and "
                        "oom_adj, selection line with score in 1/1000, 'pages shared/non-shared'.")
    write(r)


def r_ppc64_64k():
    r = Report("4.18-rhel8-ppc64le-64k-dma-only", psz=64, norders=9, seed=6464)
    # pseries: all memory in ZONE_DMA, one zone per node (mm/page_alloc.c
    # prints populated zones only); 64 KiB pages, MAX_ORDER 9 (64kB…16MB).
    z0 = Zone(0, "DMA", 33554432, 33357824, 45120, 0, [0, 0, 0, 0], top_order=6)
    z1 = Zone(1, "DMA", 33554432, 33488896, 45312, 0, [0, 0, 0, 0], top_order=4)
    zones = [z0, z1]
    z0.free = r.k(49984)
    z1.free = r.k(47040)
    jv = Task(4412, 1001, "java", 712330, 0, 1210, 0, 2621440, 0, 0)
    tasks = [Task(1012, 0, "systemd-journal", 1921, 60, 312, 12, 393216, 0, -250),
             Task(1140, 0, "systemd-udevd", 1412, 80, 70, 0, 327680, 0, -1000),
             Task(2211, 0, "NetworkManager", 3012, 140, 230, 0, 458752, 0, 0),
             Task(2890, 0, "sshd", 1012, 40, 120, 0, 327680, 0, -1000),
             Task(3301, 27, "mysqld", 61230, 41210, 712, 0, 1245184, 0, 0), jv]
    cats = account(r, zones, tasks, jv, file_kb=r.k(180000), slab_r=r.k(412000), slab_u=r.k(610000),
                   kstack=r.k(36000), shmem=r.k(20000), free_pcp=r.k(9600), other_kb=r.k(600000))
    for z in zones:
        z.v["unrecl"] = True
    r.out("java invoked oom-killer: gfp_mask=0x6200ca(GFP_HIGHUSER_MOVABLE), order=0, oom_score_adj=0")
    r.out("CPU: 21 PID: 4412 Comm: java Kdump: loaded Not tainted 4.18.0-477.10.1.el8_8.ppc64le #1")
    r.out("Hardware name: IBM,9009-42A POWER9 (raw) 0x4e0202 0xf000005 of:IBM,FW940.02 (VL940_041) hv:phyp pSeries")
    r.out("Call Trace:")
    for a, b, fn in [("c000000fd57e7870", "c000000000b8f1dc", "dump_stack+0xb0/0xf4 (unreliable)"),
                     ("c000000fd57e78b0", "c00000000036c9a8", "dump_header+0x78/0x2c0"),
                     ("c000000fd57e7960", "c00000000036b1b4", "oom_kill_process+0x1a4/0x1d0"),
                     ("c000000fd57e79a0", "c00000000036bf10", "out_of_memory+0x210/0x730"),
                     ("c000000fd57e7a40", "c000000000377c54", "__alloc_pages_nodemask+0xf44/0x10a0"),
                     ("c000000fd57e7c30", "c0000000004027e0", "alloc_pages_vma+0xc0/0x2b0"),
                     ("c000000fd57e7ca0", "c0000000003c71d8", "__handle_mm_fault+0x10e8/0x1820"),
                     ("c000000fd57e7d90", "c0000000003c79d0", "handle_mm_fault+0xc0/0x170"),
                     ("c000000fd57e7dd0", "c000000000087a00", "__do_page_fault+0x290/0xa80"),
                     ("c000000fd57e7e20", "c00000000000a85c", "handle_page_fault+0x18/0x38")]:
        r.out("[%s] [%s] %s" % (a, b, fn))
    r.out("Mem-Info:")
    summary(r, zones, "4.14")
    node_line(r, zones, 0, "4.14")
    node_line(r, zones, 1, "4.14")
    zone_lines(r, zones, "4.14", letters="new")
    totals(r, zones, "4.19", 0, 0, pagecache_pages(r, cats), hugepages=((0, 1048576), (0, 16384)), nodes=(0, 1))
    task_table_4_18(r, tasks)
    r.out("oom-kill:constraint=CONSTRAINT_NONE,nodemask=(null),cpuset=/,mems_allowed=0-1,global_oom,"
          "task_memcg=/system.slice/app.service,task=java,pid=4412,uid=1001")
    vm, an, fi, sh = kill_values(r, jv)
    r.out("Out of memory: Killed process 4412 (java) total-vm:%dkB, anon-rss:%dkB, file-rss:%dkB, shmem-rss:%dkB, UID:1001"
          % (vm, an, fi, sh))
    common_facts(r, "4.18.0-477.10.1.el8_8.ppc64le", "ppc64le", "java", 4412, "0x6200ca(GFP_HIGHUSER_MOVABLE)", 0,
                 "CONSTRAINT_NONE", None, "global", "killed", 0, 0, zones, tasks, cause="genuine-exhaustion-no-swap")
    victim_facts(r, jv)
    r.facts["notes"] = ("RHEL 8 on POWER9 (pseries LPAR): 64 KiB pages with 9 buddy orders (64kB…16MB), all memory "
                        "in one DMA zone per node (no DMA32/Normal lines), 2 nodes; ppc64 '[sp] [pc] fn' stack. "
                        "Task-table pages are 64 KiB. Java grew into all 64 GB, no swap.")
    write(r)


def r_arm32():
    r = Report("5.10-armv7l-rpi-highmem", seed=3232)
    # 1 GiB Raspberry Pi 3 with the 3G/1G split: lowmem ~760 MB, HighMem the rest.
    normal = Zone(0, "Normal", 778240, 740352, 2480, 0, [0, 0, 4019, 4019])
    high = Zone(0, "HighMem", 229376, 229376, 128, 0, [0, 0, 0, 0])
    normal.free = 10240
    high.free = 412
    normal.top_order = 5
    high.blocks = [23, 14, 9, 3, 0, 0, 0, 0, 0, 0, 0]
    high.free = 23 * 4 + 14 * 8 + 9 * 16 + 3 * 32
    zones = [normal, high]
    nd = Task(2210, 1000, "node", 312330, 0, 2120, 0, 622592, 0, 0)
    tasks = [Task(120, 0, "systemd-journal", 9812, 410, 1210, 120, 98304, 0, -250),
             Task(211, 0, "systemd-udevd", 4412, 210, 512, 0, 40960, 0, -1000),
             Task(412, 0, "rsyslogd", 6812, 120, 312, 0, 32768, 0, 0),
             Task(512, 0, "sshd", 3312, 210, 410, 0, 28672, 0, -1000),
             Task(1210, 1000, "chromium-browse", 112330, 21210, 6120, 1210, 204800, 0, 300), nd]
    cats = account(r, zones, tasks, nd, file_kb=r.k(9120), slab_r=14120, slab_u=22100, kstack=2112, shmem=6120)
    for z in zones:
        z.v["unrecl"] = True
    r.out("node invoked oom-killer: gfp_mask=0x100cca(GFP_HIGHUSER_MOVABLE), order=0, oom_score_adj=0")
    r.out("CPU: 2 PID: 2210 Comm: node Tainted: G         C        5.10.103-v7+ #1529")
    r.out("Hardware name: BCM2835")
    for fr in ["80110f30>] (unwind_backtrace) from [<8010c904>] (show_stack+0x20/0x24)",
               "8010c904>] (show_stack) from [<809d8d74>] (dump_stack+0xc8/0x10c)",
               "809d8d74>] (dump_stack) from [<809d4a90>] (dump_header+0x64/0x208)",
               "809d4a90>] (dump_header) from [<80270a3c>] (oom_kill_process+0x134/0x138)",
               "80270a3c>] (oom_kill_process) from [<802713f0>] (out_of_memory+0x104/0x36c)",
               "802713f0>] (out_of_memory) from [<802bf9cc>] (__alloc_pages_nodemask+0xc70/0x10a8)",
               "802bf9cc>] (__alloc_pages_nodemask) from [<802a1a8c>] (handle_mm_fault+0x8a8/0xc48)",
               "802a1a8c>] (handle_mm_fault) from [<809eeb0c>] (do_page_fault+0x130/0x3a8)",
               "809eeb0c>] (do_page_fault) from [<809eee18>] (do_DataAbort+0x50/0xf4)",
               "809eee18>] (do_DataAbort) from [<80100e48>] (__dabt_usr+0x48/0x60)"]:
        r.out("[<" + fr)
    r.out("Exception stack(0xb4d7dfb0 to 0xb4d7dff8)")
    r.out("Mem-Info:")
    summary(r, zones, "5.10")
    node_line(r, zones, 0, "5.10")
    zone_lines(r, zones, "5.10", letters="new")
    totals(r, zones, "5.10", 0, 0, pagecache_pages(r, cats), hugepages=())
    task_table(r, tasks, "5.10")
    r.out("oom-kill:constraint=CONSTRAINT_NONE,nodemask=(null),cpuset=/,mems_allowed=0,global_oom,"
          "task_memcg=/user.slice/user-1000.slice/session-3.scope,task=node,pid=2210,uid=1000")
    vm, an, fi, sh = kill_values(r, nd)
    r.out("Out of memory: Killed process 2210 (node) total-vm:%dkB, anon-rss:%dkB, file-rss:%dkB, shmem-rss:%dkB, "
          "UID:1000 pgtables:%dkB oom_score_adj:0" % (vm, an, fi, sh, nd.pgt // 1024))
    common_facts(r, "5.10.103-v7+", "arm", "node", 2210, "0x100cca(GFP_HIGHUSER_MOVABLE)", 0, "CONSTRAINT_NONE",
                 None, "global", "killed", 0, 0, zones, tasks, cause="genuine-exhaustion-no-swap")
    victim_facts(r, nd)
    r.facts["notes"] = ("32-bit ARM (Raspberry Pi 3, 1 GB, 3G/1G split): Normal and HighMem zones, 'Hardware name: "
                        "BCM2835', ARM '[<pc>] (fn) from [<lr>] (caller)' unwinder lines, no hugepages lines. "
                        "A GFP_HIGHUSER_MOVABLE request may use HighMem too: both zones are at min, so this is "
                        "plain exhaustion, not a lowmem OOM.")
    write(r)


def r_arm64_16k():
    r = Report("6.6-asahi-arm64-16k-pages", psz=16, norders=12, seed=1616)
    z = Zone(0, "DMA", 16252928, 15941632, 63744, 0, [0, 0, 0, 0, 0], top_order=7)
    z.free = r.k(70112)
    zones = [z]
    ff = Task(9120, 1000, "firefox", 812330, 0, 4120, 1210, 3538944, 0, 0)
    tasks = [Task(612, 0, "systemd-journal", 3121, 110, 412, 30, 409600, 0, -250),
             Task(702, 0, "systemd-udevd", 1812, 130, 90, 0, 344064, 0, -1000),
             Task(1401, 1000, "kwin_wayland", 112330, 21210, 6120, 1210, 1048576, 0, 0),
             Task(1502, 1000, "plasmashell", 152330, 31210, 8120, 2210, 1277952, 0, 0), ff]
    cats = account(r, zones, tasks, ff, file_kb=r.k(312000), slab_r=r.k(212000), slab_u=r.k(298000),
                   kstack=r.k(41000), shmem=r.k(612000), free_pcp=r.k(4800), other_kb=r.k(400000))
    z.v["unrecl"] = False
    r.out("firefox invoked oom-killer: gfp_mask=0x140dca(GFP_HIGHUSER_MOVABLE|__GFP_COMP|__GFP_ZERO), order=0, oom_score_adj=0")
    r.out("CPU: 6 PID: 9120 Comm: firefox Tainted: G        W          6.6.12-400.asahi.fc39.aarch64+16k #1")
    r.out("Hardware name: Apple MacBook Air (M1, 2020) (DT)")
    r.out("Call trace:")
    for f in ["dump_backtrace+0x9c/0x128", "show_stack+0x20/0x38", "dump_stack_lvl+0x48/0x60", "dump_stack+0x18/0x28",
              "dump_header+0x4c/0x1f8", "oom_kill_process+0x130/0x2e0", "out_of_memory+0xf4/0x338",
              "__alloc_pages_slowpath.constprop.0+0x7d8/0xa28", "__alloc_pages+0x2d0/0x330",
              "alloc_pages_mpol+0x94/0x1d0", "vma_alloc_folio+0x6c/0x370", "do_anonymous_page+0xa4/0x4b0",
              "__handle_mm_fault+0x2cc/0x550", "handle_mm_fault+0xd4/0x2c0", "do_page_fault+0x204/0x448",
              "do_translation_fault+0xac/0xd8", "do_mem_abort+0x4c/0xa0", "el0_da+0x34/0xb0",
              "el0t_64_sync_handler+0xe4/0x158", "el0t_64_sync+0x190/0x198"]:
        r.out(" " + f)
    r.out("Mem-Info:")
    summary(r, zones, "6.1")
    node_line(r, zones, 0, "6.1")
    zone_lines(r, zones, "6.1", letters="new")
    totals(r, zones, "6.1", 0, 0, pagecache_pages(r, cats), hugepages=((0, 33554432), (0, 32768)))
    task_table(r, tasks, "6.1")
    global_tail_5x(r, ff, memcg_path="/user.slice/user-1000.slice/user@1000.service/app.slice/app-firefox.scope")
    common_facts(r, "6.6.12-400.asahi.fc39.aarch64+16k", "aarch64", "firefox", 9120,
                 "0x140dca(GFP_HIGHUSER_MOVABLE|__GFP_COMP|__GFP_ZERO)", 0, "CONSTRAINT_NONE", None, "global",
                 "killed", 0, 0, zones, tasks, cause="genuine-exhaustion-no-swap")
    victim_facts(r, ff)
    r.facts["notes"] = ("Fedora Asahi on an M1: 16 KiB pages (12 buddy orders, 16kB…32MB; huge pages 32 MB and "
                        "32 GB), one DMA zone holding all 16 GB (RAM above 4 GB physical but within the DMA limit), "
                        "arm64 'Call trace:'. No swap (zram off).")
    write(r)


def r_4_9_memcg_v1():
    r = Report("4.9-docker-memcg-v1-task-in-line", seed=4901)
    cid = "9b1e5c0d7a2f48e3b6c1d0a9e8f7b6c5d4e3f2a1b0c9d8e7f6a5b4c3d2e1f0a9"
    tini = Task(22890, 0, "tini", 1134, 66, 126, pgt_bytes=28672)
    java = Task(22941, 1000, "java", 1040232, 127758, 477, pgt_bytes=1318912)
    tasks = [tini, java]
    rss_kb = (tini.anon + java.anon) * 4 + 4096
    cache_kb = 4096
    usage = 524288
    r.out("java invoked oom-killer: gfp_mask=0x24000c0(GFP_KERNEL), nodemask=(null),  order=0, oom_score_adj=0")
    r.out("java cpuset=%s mems_allowed=0" % cid)
    r.out("CPU: 1 PID: 22941 Comm: java Not tainted 4.9.0-8-amd64 #1 Debian 4.9.130-2")
    r.out("Hardware name: Xen HVM domU, BIOS 4.2.amazon 08/24/2006")
    r.out(" 0000000000000000 ffffffffa3b30ee4 ffffa9d1c1d3fc48 ffff8e2c36d5b040")
    r.out(" ffffffffa3a02440 0000000000000000 0000000000000000 ffff8e2c2c3e6c00")
    r.out("Call Trace:")
    for fr in ["ffffffffa3b30ee4] ? dump_stack+0x5c/0x78", "ffffffffa3a02440] ? dump_header+0x78/0x1fd",
               "ffffffffa398c0ba] ? oom_kill_process+0x21a/0x3e0", "ffffffffa39f8b2b] ? mem_cgroup_oom_synchronize+0x32b/0x350",
               "ffffffffa39f3a40] ? mem_cgroup_css_reset+0xe0/0xe0", "ffffffffa398c9e1] ? pagefault_out_of_memory+0x31/0x80",
               "ffffffffa3860f94] ? __do_page_fault+0x4a4/0x4f0", "ffffffffa3e14638] ? page_fault+0x28/0x30"]:
        r.out(" [<" + fr.replace("]", ">]", 1))
    r.out("Task in /docker/%s killed as a result of limit of /docker/%s" % (cid, cid))
    r.out("memory: usage %dkB, limit %dkB, failcnt 1402" % (usage, usage))
    r.out("memory+swap: usage %dkB, limit 1048576kB, failcnt 0" % usage)
    kmem = usage - rss_kb - cache_kb
    r.out("kmem: usage %dkB, limit 9007199254740988kB, failcnt 0" % kmem)
    r.out("Memory cgroup stats for /docker/%s: cache:%dKB rss:%dKB rss_huge:0KB mapped_file:1188KB dirty:0KB "
          "writeback:0KB swap:0KB inactive_anon:0KB active_anon:%dKB inactive_file:2048KB active_file:2048KB "
          "unevictable:0KB" % (cid, cache_kb, rss_kb, rss_kb))
    task_table(r, tasks, "4.4")
    # memcg totalpages: limit + min(memsw headroom, total swap); the host has no swap
    pts = (java.rss + 1318912 // 4096 + 3 + java.vm // 262144) * 1000 // (usage // 4)
    r.out("Memory cgroup out of memory: Kill process 22941 (java) score %d or sacrifice child" % pts)
    vm, an, fi, sh = kill_values(r, java)
    r.out("Killed process 22941 (java) total-vm:%dkB, anon-rss:%dkB, file-rss:%dkB, shmem-rss:%dkB" % (vm, an, fi, sh))
    r.out("oom_reaper: reaped process 22941 (java), now anon-rss:0kB, file-rss:0kB, shmem-rss:0kB")
    memcg_tasks_facts(r, "4.9.0-8-amd64", "java", 22941, "0x24000c0(GFP_KERNEL)", "/docker/" + cid, java, tasks,
                      None, cause="memcg-limit")
    r.facts["memcg_limit_kb"] = usage
    r.facts["notes"] = ("4.9 on cgroup v1 (Docker): 'Task in … killed as a result of limit of …', memory/memory+swap/"
                        "kmem lines, the v1 stats on the same line as 'Memory cgroup stats for', nr_ptes/nr_pmds "
                        "table, 'Memory cgroup out of memory: Kill process … score … or sacrifice child', no "
                        "oom-kill: line; the OOM came from a page fault (mem_cgroup_oom_synchronize).")
    write(r)


if __name__ == "__main__":
    for name, fn in sorted(globals().items()):
        if name.startswith("r_") and callable(fn):
            fn()
