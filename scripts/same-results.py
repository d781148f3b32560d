#!/usr/bin/env python3
"""Do two builds of zcsearch, each on the index its own zcindex built from
the same folder, give the same results?  300 random queries (fixed seed)
drawn from the folder's text: bare words and strings, quoted strings,
AND, OR, NOT, NEAR, title:, wildcards, dates; each run with --json -n 20
(scores kept), -l and -c.  Prints the differences and a summary line.

  scripts/same-results.py OLD_BUILD OLD_DB NEW_BUILD NEW_DB FOLDER"""

import os
import random
import re
import subprocess
import sys

HAN = re.compile(r"[\u4e00-\u9fff]+")
LATIN = re.compile(r"[A-Za-z]{3,}")


def texts(folder, rng, n=400):
    files = []
    for root, dirs, names in os.walk(folder):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        files += [os.path.join(root, f) for f in names
                  if f.endswith((".md", ".txt", ".html", ".htm"))]
    files.sort()
    out = []
    for f in rng.sample(files, min(n, len(files))):
        with open(f, encoding="utf-8", errors="replace") as fh:
            out.append(fh.read())
    return out


def piece(rng, docs, lo, hi):
    for _ in range(100):
        runs = [r for r in HAN.findall(rng.choice(docs)) if len(r) >= lo]
        if runs:
            r = rng.choice(runs)
            k = rng.randint(lo, min(hi, len(r)))
            s = rng.randint(0, len(r) - k)
            return r[s:s + k]
    return "科技"


def query(rng, docs):
    w = lambda: piece(rng, docs, 2, 4)
    kind = rng.randrange(10)
    if kind == 0:
        return w()
    if kind == 1:
        return '"%s"' % piece(rng, docs, 2, 10)
    if kind == 2:
        return "%s %s" % (w(), w())
    if kind == 3:
        return "%s OR %s" % (w(), w())
    if kind == 4:
        return "%s -%s" % (w(), w())
    if kind == 5:
        return "%s NEAR/5 %s" % (w(), w())
    if kind == 6:
        return "title:%s" % w()
    if kind == 7:
        m = LATIN.findall(rng.choice(docs))
        return (m[0][:3].lower() + "*") if m else w()
    if kind == 8:
        return "%s date:2000..2024" % w()
    return piece(rng, docs, 5, 16)


def run(build, db, args):
    p = subprocess.run([os.path.join(build, "zcsearch"), "--db", db] + args,
                       capture_output=True)
    # the schema warning differs by design between schemas
    err = b"\n".join(l for l in p.stderr.split(b"\n")
                     if b"built by an older zcindex" not in l)
    return p.returncode, p.stdout, err


def main():
    if len(sys.argv) != 6:
        sys.exit(__doc__)
    old_b, old_db, new_b, new_db, folder = sys.argv[1:]
    rng = random.Random(20261201)
    docs = texts(folder, rng)
    qs = [query(rng, docs) for _ in range(300)]
    differ = 0
    for q in qs:
        for args in (["--json", "-n", "20"], ["-l"], ["-c"]):
            a = run(old_b, old_db, args + ["--", q])
            b = run(new_b, new_db, args + ["--", q])
            if a != b:
                differ += 1
                if differ <= 10:
                    print("differs: %s %s" % (" ".join(args), q))
    print("%d queries, %d runs, %d differ" % (len(qs), 3 * len(qs), differ))
    sys.exit(1 if differ else 0)


if __name__ == "__main__":
    main()
