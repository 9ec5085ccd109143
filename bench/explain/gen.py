#!/usr/bin/env python3
"""gen.py OUT SIZE_MB CORPUS_DIR [REPORTS] — writes a syslog of about SIZE_MB
with the corpus reports embedded (each under several transports; REPORTS
of them, the report × transport plan repeated as needed, default one of
each), and prints how many reports it embedded.  Noise: the usual daemons, kernel lines of other
subsystems, and a few near-miss words ("room", "Killed" in a
non-kernel tag) that the prefilter must shrug off."""
import glob, os, random, re, sys

out, size_mb, corpus = sys.argv[1], int(sys.argv[2]), sys.argv[3]
want = int(sys.argv[4]) if len(sys.argv) > 4 else 0
rnd = random.Random(42)
prefix_re = re.compile(r'^(?:\w{3} +\d+ [\d:]{8} \S+ kernel: )?(?:\[ *\d+\.\d+\] ?|\[\w+ \w+ +\d+ [\d:]{8} \d{4}\] ?)?')

reports = []
# S*: the six curated reports; the R* public reports (quoted, wrapped, cut)
# are scored by test_corpus and would change what the benchmark measures.
for path in sorted(glob.glob(os.path.join(corpus, 'S*.log'))):
    lines = []
    for l in open(path, encoding='utf-8', errors='replace'):
        l = l.rstrip('\n')
        if not l.strip():
            continue
        if l.startswith(' ' * 20):          # util-linux continuation (S04)
            l = l.strip()
        lines.append(prefix_re.sub('', l, count=1))
    # keep only the kernel's lines of the corpus file (S06 has UFW lines too)
    reports.append(lines)

MON = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']
NOISE = [
    'sshd[{p}]: Accepted publickey for deploy from 10.{a}.{b}.{c} port {p} ssh2: ED25519 SHA256:q8mJ0x{p}',
    'sshd[{p}]: pam_unix(sshd:session): session opened for user deploy(uid=1000) by (uid=0)',
    'CRON[{p}]: (root) CMD (command -v debian-sa1 > /dev/null && debian-sa1 1 1)',
    'systemd[1]: Started Session {p} of User deploy.',
    'systemd[1]: logrotate.service: Succeeded.',
    'postfix/smtpd[{p}]: connect from mail-{a}.example.net[192.0.2.{c}]',
    'postfix/qmgr[{p}]: 4F2A1{p}: from=<noreply@example.org>, size={p}, nrcpt=1 (queue active)',
    'kernel: [{t}] [UFW BLOCK] IN=eth0 OUT= MAC=f2:3c:91:e2:47:cc:00:1b:54:c2:50:c1:08:00 SRC=45.134.{a}.{b} DST=72.14.187.238 LEN=40 TTL=244 ID={p} PROTO=TCP SPT={p} DPT=22 WINDOW=1024',
    'kernel: [{t}] e1000e 0000:00:19.0 eth0: NIC Link is Up 1000 Mbps Full Duplex, Flow Control: None',
    'nginx[{p}]: 10.{a}.{b}.{c} - - "GET /api/v1/items?page={a} HTTP/1.1" 200 {p} "-" "curl/7.88.1"',
    'dockerd[{p}]: time="2026-11-20T02:04:16.{p}Z" level=info msg="ignoring event" container={p}{p} module=libcontainerd',
    'chatd[{p}]: user joined room #{a} (zoom bridge)',
    'supervisord[{p}]: INFO exited: worker_{a} (terminated by SIGKILL; not expected) Killed',
]

def noise_line(ts, i):
    t = NOISE[i % len(NOISE)].format(p=rnd.randrange(1000, 99999), a=i % 256, b=(i >> 8) % 256,
                                      c=(i >> 16) % 256, t='%d.%06d' % (ts // 1000000, ts % 1000000))
    return t

def stamp(ts):
    sec = ts // 1000000
    return '%s %2d %02d:%02d:%02d' % (MON[(sec // 2592000) % 12], 1 + (sec // 86400) % 28,
                                      (sec // 3600) % 24, (sec // 60) % 60, sec % 60)

VARIANTS = ['syslog+dmesg', 'syslog', 'rsyslog012', 'iso', 'journal-short', 'syslog-caller']

def render(report, variant, ts):
    out, summary = [], []
    for l in report:
        ts += 13
        st = stamp(ts)
        k = '%d.%06d' % (ts // 1000000, ts % 1000000)
        if variant == 'rsyslog012' and summary and l.startswith(' '):
            out[-1] += '#012' + l
            continue
        summary = l.startswith('active_anon:')
        if variant == 'syslog+dmesg':
            out.append('%s web01 kernel: [%12s] %s' % (st, k, l))
        elif variant == 'syslog' or variant == 'rsyslog012':
            out.append('%s web01 kernel: %s' % (st, l))
        elif variant == 'iso':
            out.append('2026-11-20T%s.%06d+00:00 web01 kernel: %s' % (st[7:], ts % 1000000, l))
        elif variant == 'journal-short':
            out.append('%s web01 kernel: %s' % (st.lower(), l))
        else:
            out.append('%s web01 kernel: [%12s][  T4242] %s' % (st, k, l))
    return out

target = size_mb * 1024 * 1024
plan = [(r, v) for v in VARIANTS for r in reports]
rnd.shuffle(plan)
if want > 0:
    plan = (plan * (want // len(plan) + 1))[:want]
gap = target // (len(plan) + 1)

# ~4 MB of distinct noise, written again and again (fast for a 1 GB file)
ts, chunk = 86400 * 1000000 * 40, []
for i in range(40000):
    ts += 1500
    chunk.append('%s web01 %s\n' % (stamp(ts), noise_line(ts, i)))
chunk = ''.join(chunk)

written, nextrep, embedded = 0, gap, 0
with open(out, 'w', encoding='utf-8') as f:
    while written < target:
        n = min(len(chunk), max(nextrep - written, 1))
        cut = chunk.rfind('\n', 0, n) + 1
        if cut == 0:
            cut = chunk.find('\n') + 1     # at least one whole line
        piece = chunk[:cut]
        f.write(piece)
        written += len(piece)
        if written >= nextrep and plan:
            r, v = plan.pop()
            block = '\n'.join(render(r, v, ts)) + '\n'
            f.write(block)
            written += len(block)
            embedded += 1
            nextrep += gap
print(embedded)
