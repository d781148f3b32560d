"""Random queries asked of one database and of the same files split in
shards (t45-shards.sh): every answer must be the same.

    python3 shards.py ZCSEARCH "ONE-DB-ARGS" "SHARDED-DB-ARGS" N FILE...

Queries are cut from the files (text files only): exact strings, two
bare words, a field (title:), a year (date:), and counts by year and by
issuer.  Each is asked as -l (the set of paths), -c, --json -n 0
--all-copies (every hit: its score to 9 significant digits, path, line,
page, passage, highlights, metadata, group and copies; hits of equal
score in path order, as a database's internal numbering orders ties),
--json -n 0 (one document per group of copies), --json (the top 10:
the same scores, the same hits above the last score) and, for the
counts, --count-by --json.  Prints one line, "SHARDS queries=N
asked=N matched=N differ=N" (matched: answers with something in them),
and the first differences.
"""
import json
import random
import re
import shlex
import subprocess
import sys

zcsearch, one, sharded, n = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
files = [f for f in sys.argv[5:] if f.endswith((".txt", ".md"))]
rng = random.Random(20261202)
HAN = re.compile(r"[\u4e00-\u9fff]{2,}")

runs = []
for f in files:
    with open(f, encoding="utf-8", errors="replace") as fh:
        lines = [l.strip() for l in fh if HAN.search(l)]
    if lines:
        runs.append((lines, [r for l in lines for r in HAN.findall(l)]))


def cut(run, lo, hi):
    k = rng.randint(lo, min(hi, len(run)))
    at = rng.randint(0, len(run) - k)
    return run[at:at + k]


def query():
    lines, han = rng.choice(runs)
    kind = rng.choice(["exact", "bare", "title", "date", "year", "issuer"])
    w = cut(rng.choice(han), 2, 4)
    if kind == "exact":
        return kind, ['"%s"' % cut(rng.choice(han), 2, 8)]
    if kind == "bare":
        return kind, [w, cut(rng.choice(han), 2, 3)]
    if kind == "title":
        return kind, ["title:" + cut(rng.choice(HAN.findall(lines[0]) or han), 2, 3)]
    if kind == "date":
        return kind, ["date:%d" % rng.randint(1990, 2024), w]
    return kind, [w]


def ask(db_args, args):
    r = subprocess.run([zcsearch] + shlex.split(db_args) + args,
                       capture_output=True, text=True)
    return r.returncode, r.stdout, r.stderr


def canon_json(out):
    hits = []
    for line in out.splitlines():
        o = json.loads(line)
        o.pop("rank")
        o["score"] = float("%.9g" % o["score"])
        hits.append(o)
    hits.sort(key=lambda o: (-o["score"], o["path"]))
    return hits


def canon_top(out):
    """A top 10: every hit above the last score, and the scores; of the
    hits that tie with the last, which ones made the cut depends on the
    internal numbering (docids interleave across shards)."""
    hits = canon_json(out)
    last = hits[-1]["score"] if hits else None
    return ([h["score"] for h in hits],
            [h for h in hits if h["score"] != last])


def forms(kind, q):
    if kind in ("year", "issuer"):
        return [(["--count-by", kind, "--json", "--"] + q, None)]
    return [(["-l", "--"] + q, lambda s: sorted(s.splitlines())),
            (["-c", "--"] + q, None),
            (["--json", "-n", "0", "--all-copies", "--"] + q, canon_json),
            (["--json", "-n", "0", "--"] + q, canon_json),
            (["--json", "--"] + q, canon_top)]


asked = differ = matched = 0
shown = []
for i in range(n):
    kind, q = query()
    for args, canon in forms(kind, q):
        a, b = ask(one, args), ask(sharded, args)
        asked += 1
        matched += a[0] == 0
        same = a[0] == b[0] and a[2] == b[2] and (
            (canon(a[1]) == canon(b[1])) if canon else a[1] == b[1])
        if not same:
            differ += 1
            if len(shown) < 3:
                shown.append("%s: exit %d/%d, %r / %r" % (
                    args, a[0], b[0], (a[1] + a[2])[:200],
                    (b[1] + b[2])[:200]))
print("SHARDS queries=%d asked=%d matched=%d differ=%d" % (
    n, asked, matched, differ))
for s in shown:
    print("  " + s)
