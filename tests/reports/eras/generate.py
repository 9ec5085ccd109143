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
    users = [z for z in zones if z.name not in ("DMA",) and z.managed > 0]
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
        r.out("Free pages: %12dkB (0kB HighMem)" % (free * p))
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
    users = [z for z in zones if z.name != "DMA"]
    used = sum(z.managed - z.free for z in users)
    pgt = sum(t.pgt for t in tasks) // 1024
    pgt = r.k(pgt + 2048)
    if other_kb is None:
        other_kb = r.k(used // 60)
    anon_lru = r.k(used - file_kb - slab_r - slab_u - kstack - pgt - unevictable - other_kb - free_pcp)
    others = sum(t.anon for t in tasks if t is not victim) * r.psz
    victim.anon = (anon_lru - shmem - others - anon_extra) // r.psz
    assert victim.anon > 0, (r.name, victim.anon)
    victim.rss = victim.anon + victim.file + victim.shmem
    anon_lru = victim.anon * r.psz + others + shmem + anon_extra
    cats = lru_split(r, anon_lru, file_kb)
    cats.update({"unevictable": unevictable, "slab_r": slab_r, "slab_u": slab_u, "kstack": kstack,
                 "pagetables": pgt, "free_pcp": free_pcp, "shmem": shmem,
                 "mapped": r.k(file_kb * 2 // 3) + shmem // 2, "dirty": dirty, "anon_thp": thp})
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


if __name__ == "__main__":
    for name, fn in sorted(globals().items()):
        if name.startswith("r_") and callable(fn):
            fn()
