"""Recall and precision of zcsearch -l against a scan of the raw files.

usage: recall.py ZCSEARCH DB T2S_TABLE OUT_DIR STRINGS PARAGRAPHS BARE
                 [FILE...]   (without FILEs, one path a line on stdin)

Truth is rawtext.py's reading of the files themselves (never the index
or zcindex --dump).  Three classes of query, drawn with a fixed seed:

  strings     STRINGS random strings of 2-20 characters cut from one
              visible line, a quarter each: Han only, with a digit,
              with punctuation, anything (Latin and % where the line
              has them); searched quoted, or with -F when the string has
              an ASCII quotation mark;
  paragraphs  PARAGRAPHS whole paragraphs, the longest first drawn from
              those of more than 300 characters (cut into passages by
              the indexer), searched with -F;
  bare        BARE queries of two or three Han words (2-4 characters
              each, cut from one line) given bare: a document matches
              when each word occurs in it.

For each query the set printed by -l must equal the files whose text
contains it.  One line per class on stdout:
  CLASS name=strings queries=300 misses=0 extras=0 bad=0
and the failures in OUT_DIR/recall-NAME.txt.
"""
import os
import random
import re
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import rawtext  # noqa: E402

zcsearch, db, t2s_path, out_dir = sys.argv[1:5]
n_strings, n_paras, n_bare = (int(x) for x in sys.argv[5:8])
files = sys.argv[8:] or [l.rstrip("\n") for l in sys.stdin if l.strip()]
norm = rawtext.Normaliser(t2s_path)
rng = random.Random(20261201)

docs = []  # (path, [normalised paragraphs], [normalised visible lines])
for f in files:
    lines = [norm(t) for _, t in rawtext.visible_lines(f)]
    lines = [t for t in lines if t and not rawtext.is_chrome(t)]
    docs.append((os.path.abspath(f), rawtext.paragraphs(f, norm), lines))
texts = ["\0".join(d[1]) for d in docs]


def containing(*needles):
    return {docs[k][0] for k, t in enumerate(texts)
            if all(n in t for n in needles)}


def search(args):
    r = subprocess.run([zcsearch, "--db", db, "-l"] + args,
                       capture_output=True, text=True)
    return r.returncode, set(r.stdout.split("\n")) - {""}


def show(args):
    s = repr(args)
    return s if len(s) <= 120 else s[:80] + "..." + s[-30:]


def run(name, queries):
    """queries: (argv, wanted set).  Prints the class line."""
    misses = extras = bad = 0
    with open(os.path.join(out_dir, "recall-%s.txt" % name), "w") as log:
        for args, want in queries:
            rc, got = search(args)
            if rc not in (0, 1) or not want:
                bad += 1
                log.write("bad (exit %d, %d wanted): %s\n" % (
                    rc, len(want), show(args)))
            m, e = len(want - got), len(got - want)
            misses += m
            extras += e
            if m or e:
                log.write("%s: %d missed %s, %d extra %s\n" % (
                    show(args), m, sorted(want - got)[:2], e,
                    sorted(got - want)[:2]))
    print("CLASS name=%s queries=%d misses=%d extras=%d bad=%d" % (
        name, len(queries), misses, extras, bad))


def literal(s):
    return ["-F", "--", s] if '"' in s else ["--", '"%s"' % s]


# ---- strings ------------------------------------------------------------
PUNCT = re.compile(r"[^\w\s]")
KINDS = [
    ("han", lambda s: re.fullmatch("[%s]+" % rawtext.HAN, s)),
    ("digit", lambda s: re.search(r"\d", s)),
    ("punct", lambda s: PUNCT.search(s)),
    ("any", lambda s: True),
]
all_lines = [(k, t) for k, d in enumerate(docs) for t in d[2]]
strings = []
for i in range(n_strings):
    kind, ok = KINDS[i % len(KINDS)]
    for _ in range(2000):
        _, line = rng.choice(all_lines)
        n = rng.randint(2, 20)
        if len(line) < n:
            continue
        at = rng.randint(0, len(line) - n)
        s = line[at:at + n].strip()
        if len(s) >= 2 and ok(s):
            strings.append(s)
            break
run("strings", [(literal(s), containing(s)) for s in strings])

# ---- whole paragraphs ---------------------------------------------------
paras = sorted({p for d in docs for p in d[1]})
long_ones = [p for p in paras if len(p) > 300]
rng.shuffle(long_ones)
chosen = long_ones[:n_paras]
rest = [p for p in paras if p not in set(chosen) and len(p) >= 2]
chosen += rng.sample(rest, max(0, min(len(rest), n_paras - len(chosen))))
run("paragraphs", [(["-F", "--", p], containing(p)) for p in chosen])

# ---- bare words ---------------------------------------------------------
HAN_RUN = re.compile("[%s]{2,}" % rawtext.HAN)
bare = []
while len(bare) < n_bare:
    _, line = rng.choice(all_lines)
    runs = [m.group(0) for m in HAN_RUN.finditer(line)]
    words = []
    for _ in range(rng.randint(2, 3)):
        if not runs:
            break
        r = rng.choice(runs)
        n = rng.randint(2, min(4, len(r)))
        at = rng.randint(0, len(r) - n)
        words.append(r[at:at + n])
    if len(words) >= 2:
        bare.append(words)
run("bare", [(["--"] + w, containing(*w)) for w in bare])
