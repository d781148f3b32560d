#!/usr/bin/env python3
"""zcsearch before and after a change, interleaved: the query sets of
bench.py (same corpus, same seed), each query run REPS times by each
build, alternating which goes first, so that the machine's drift between
two `make bench` runs does not pass for a change.  Each build searches
the index its own zcindex wrote from the same files (a change of schema
makes the other's unreadable to it).  Prints a Markdown table and how
many queries' --json -n 10 output differs.

    scripts/bench-ab.py --before OLD_BUILD --after NEW_BUILD --laws TAR"""

import argparse
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import bench  # noqa: E402

REPS = 5


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--before", required=True)
    ap.add_argument("--after", required=True)
    ap.add_argument("--laws", required=True)
    a = ap.parse_args()
    top = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    builds = [os.path.abspath(a.before), os.path.abspath(a.after)]
    old, new = (os.path.join(b, "zcsearch") for b in builds)
    scratch = tempfile.mkdtemp(prefix="zc-ab.")
    try:
        docs, files, _ = bench.prepare(a.laws, os.path.join(top, "corpus"),
                                       1, scratch)
        dbs = {}
        for exe, build in zip((old, new), builds):
            dbs[exe] = os.path.join(scratch, "db-" + str(len(dbs)))
            subprocess.run([os.path.join(build, "zcindex"), "-q", "-j", "2",
                            "--db", dbs[exe], docs], check=True)
        sets = bench.draw_queries(files, random.Random(20261123))
        differ = 0
        print("| set | before p50 ms | before p95 | after p50 | after p95 "
              "| median after/before per query |")
        print("|---|---|---|---|---|---|")
        for kind, qs in sets.items():
            tb, tn = [], []
            for words in qs:
                q = bench.zc_query(kind, words)
                outs = [subprocess.run([exe, "--db", dbs[exe], "--json",
                                        "-n", "10", q],
                                       capture_output=True).stdout
                        for exe in (old, new)]
                differ += outs[0] != outs[1]
                sb, sn = [], []
                for r in range(REPS):
                    runs = [(old, sb), (new, sn)]
                    for exe, acc in runs if r % 2 == 0 else runs[::-1]:
                        acc.append(bench.timed([exe, "--db", dbs[exe], "-n",
                                                "10", q])[0])
                tb.append(statistics.median(sb))
                tn.append(statistics.median(sn))
            print("| %s | %.1f | %.1f | %.1f | %.1f | %.2f |" % (
                kind, bench.pct(tb, 50) * 1e3, bench.pct(tb, 95) * 1e3,
                bench.pct(tn, 50) * 1e3, bench.pct(tn, 95) * 1e3,
                statistics.median(n / b for n, b in zip(tn, tb))))
        print("\nqueries whose --json -n 10 output differs: %d of %d" % (
            differ, sum(len(v) for v in sets.values())))
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    main()
