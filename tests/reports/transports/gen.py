#!/usr/bin/env python3
"""Regenerates the transport fixtures from one real report (corpus S03,
6.1.1, no prefixes): the same kernel lines as each transport shows them.
tests/unit/test_report_scan.c checks that the scanner gives back base.txt from
every one.  Run: python3 tests/reports/transports/gen.py"""
import os, textwrap

here = os.path.dirname(os.path.abspath(__file__))
src = os.path.join(here, '..', '..', 'corpus', 'S03-oomanalyser-arch-6.1.1-doxygen-swapfull.log')
lines = [l.rstrip('\n') for l in open(src, encoding='utf-8')]
lines = [l for l in lines if l.strip()]
open(os.path.join(here, 'base.txt'), 'w').write('\n'.join(lines) + '\n')

# Records: the Mem-Info summary is one printk with embedded newlines
# (lib/show_mem.c); every other line is its own record.
records, in_summary = [], False
for l in lines:
    if l.startswith('active_anon:'):
        records.append([l]); in_summary = True
    elif in_summary and l.startswith(' '):
        records[-1].append(l)
    else:
        in_summary = False
        records.append([l])

def ts(i):
    t = 27742.909073 + i * 0.000013
    return '%.6f' % t

def write(name, out):
    with open(os.path.join(here, name), 'w', encoding='utf-8') as f:
        f.write('\n'.join(out) + '\n')

NOISE = ['sshd[4242]: Connection closed by 10.0.0.7 port 51234 [preauth]',
         'systemd[1]: Started Session 42 of User alice.',
         'CRON[5150]: (root) CMD (command -v debian-sa1 > /dev/null)']

def per_line(prefix_fn, noise_fn=None):
    out, n = [], 0
    for i, rec in enumerate(records):
        for sub in rec:
            out.append(prefix_fn(i) + sub)
            n += 1
            if noise_fn and n % 7 == 0:
                out.append(noise_fn(n))
    return out

def indented(prefix_fn):
    # util-linux dmesg / journalctl: a record's further lines are indented
    # to the message column, with no prefix
    out = []
    for i, rec in enumerate(records):
        p = prefix_fn(i)
        out.append(p + rec[0])
        for sub in rec[1:]:
            out.append(' ' * len(p) + sub)
    return out

def joined(prefix_fn, sep):
    return [prefix_fn(i) + sep.join(rec) for i, rec in enumerate(records)]

write('dmesg.txt', per_line(lambda i: '[%12s] ' % ts(i)))
write('dmesg-tight.txt', per_line(lambda i: '[%s] ' % ts(i)))
write('dmesg-T.txt', indented(lambda i: '[Tue Nov 17 03:54:%02d 2026] ' % (i % 60)))
write('dmesg-T-de.txt', indented(lambda i: '[Di Mär 17 03:54:%02d 2026] ' % (i % 60)))
write('dmesg-x.txt', per_line(lambda i: 'kern  :warn  : [%12s] ' % ts(i)))
write('dmesg-raw.txt', per_line(lambda i: '<4>[%12s] ' % ts(i)))
write('dmesg-caller.txt', per_line(lambda i: '[%12s][  T473206] ' % ts(i)))
write('dmesg-caller-space.txt', per_line(lambda i: '[%12s] [ C3] ' % ts(i)))
kmsg = []
for i, rec in enumerate(records):
    kmsg.append('4,%d,%d,-;' % (1000 + i, 27742909073 + i * 13) + '\\x0a'.join(rec))
    if i % 10 == 0:
        kmsg.append(' SUBSYSTEM=memory')
        kmsg.append(' DEVICE=+memory:memory0')
write('kmsg.txt', kmsg)
host = lambda i: 'Nov 17 03:54:%02d web01 kernel: [%12s] ' % (i % 60, ts(i))
write('syslog.txt', per_line(host, lambda n: 'Nov 17 03:54:%02d web01 %s' % (n % 60, NOISE[n % 3])))
write('syslog-pid-tag.txt', per_line(lambda i: 'Nov 17 03:54:%02d web01 kernel[0]: ' % (i % 60)))
write('rsyslog-012.txt', joined(lambda i: 'Nov 17 03:54:%02d web01 kernel: [%12s] ' % (i % 60, ts(i)), '#012'))
write('rfc5424.txt', joined(lambda i: '2026-11-17T03:54:%02d.123456+00:00 web01 kernel: ' % (i % 60), '#012'))
write('journal-short.txt', indented(lambda i: 'Nov 17 03:54:%02d web01 kernel: ' % (i % 60)))
write('journal-precise.txt', indented(lambda i: 'Nov 17 03:54:%02d.%06d web01 kernel: ' % (i % 60, i)))
write('journal-iso.txt', indented(lambda i: '2026-11-17T03:54:%02d+0100 web01 kernel: ' % (i % 60)))
write('journal-monotonic.txt', indented(lambda i: '[%12s] web01 kernel: ' % ts(i)))
write('journal-lower.txt', indented(lambda i: 'nov 17 03:54:%02d web01 kernel: ' % (i % 60)))
write('journal-fr.txt', indented(lambda i: 'déc. 17 03:54:%02d web01 kernel: ' % (i % 60)))
write('quoted.txt', ['> ' + l for l in per_line(host)])
write('quoted2.txt', ['>> ' + l for l in per_line(lambda i: '[%12s] ' % ts(i))])
write('quoted-mixed.txt', ['> > ' + l for l in per_line(lambda i: '[%12s] ' % ts(i))])

def wrap(ls, width=72, quote=''):
    out = []
    for l in ls:
        if len(quote + l) <= width:
            out.append(quote + l)
            continue
        parts = textwrap.wrap(l, width - len(quote), break_long_words=False,
                              break_on_hyphens=False, drop_whitespace=True)
        out.extend(quote + p for p in parts)
    return out
write('wrapped-syslog.txt', wrap(per_line(host)))
write('wrapped-dmesg.txt', wrap(per_line(lambda i: '[%12s] ' % ts(i))))
write('wrapped-quoted.txt', wrap(per_line(host), quote='> '))
write('wrapped-plain.txt', wrap(lines))
open(os.path.join(here, 'glued.txt'), 'w').write(' '.join(lines) + '\n')
open(os.path.join(here, 'glued-dmesg.txt'), 'w').write(' '.join(per_line(lambda i: '[%12s] ' % ts(i))) + '\n')
open(os.path.join(here, 'glued-syslog.txt'), 'w').write(' '.join(per_line(host)) + '\n')
