#!/usr/bin/env python3
"""segscore.py — word segmentation scores in the SIGHAN bakeoff manner.

usage: segscore.py GOLD TEST [TRAINING_WORDS]

GOLD and TEST hold the same lines, words separated by whitespace.  A test
word is correct when a gold word has exactly its character span.  Prints
precision, recall, F1 and, given the training word list, the recall of
out-of-vocabulary gold words (OOV: not in the list; the list is used for
nothing else).
"""
import sys


def spans(line):
    out, pos = [], 0
    for word in line.split():
        out.append((pos, pos + len(word)))
        pos += len(word)
    return out, "".join(line.split())


def main(argv):
    if len(argv) not in (3, 4):
        sys.stderr.write("usage: segscore.py GOLD TEST [TRAINING_WORDS]\n")
        return 2
    with open(argv[1], encoding="utf-8") as f:
        gold = f.read().splitlines()
    with open(argv[2], encoding="utf-8") as f:
        test = f.read().splitlines()
    vocab = None
    if len(argv) == 4:
        with open(argv[3], encoding="utf-8") as f:
            vocab = set(w.strip() for w in f if w.strip())
    if len(gold) != len(test):
        sys.stderr.write("segscore.py: %d gold lines, %d test lines\n"
                         % (len(gold), len(test)))
        return 2
    n_gold = n_test = n_ok = n_oov = n_oov_ok = 0
    for lineno, (g, t) in enumerate(zip(gold, test), 1):
        gs, gtext = spans(g)
        ts, ttext = spans(t)
        if gtext != ttext:
            sys.stderr.write("segscore.py: line %d: characters differ\n"
                             % lineno)
            return 2
        tset = set(ts)
        n_gold += len(gs)
        n_test += len(ts)
        for s in gs:
            hit = s in tset
            n_ok += hit
            if vocab is not None and gtext[s[0]:s[1]] not in vocab:
                n_oov += 1
                n_oov_ok += hit
    p = n_ok / n_test if n_test else 0.0
    r = n_ok / n_gold if n_gold else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    line = "P %.4f  R %.4f  F1 %.4f" % (p, r, f1)
    if vocab is not None:
        line += "  OOV-R %.4f (%d OOV words)" % (
            n_oov_ok / n_oov if n_oov else 0.0, n_oov)
    print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
