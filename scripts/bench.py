#!/usr/bin/env python3
"""zhengce benchmark: indexing and whole-process query latency of zcsearch,
ripgrep (rg -F), Xapian omega (omindex + quest, XAPIAN_CJK_NGRAM=1) and
SQLite FTS5 (trigram tokenizer, one row per file, the sqlite3 CLI per
query) on the same folder, in the same run.  Query sets are drawn from the corpus
with a fixed seed.  Prints a Markdown table and writes it to
bench/results/YYYY-MM-DD.md."""

import argparse
import datetime
import os
import platform
import random
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HAN = re.compile(r"[\u4e00-\u9fff]+")
N_QUERIES = 40


def run_timed(cmd, env=None):
    """Wall seconds and peak RSS (MB) of a child, via GNU time."""
    t0 = time.perf_counter()
    p = subprocess.run(["/usr/bin/time", "-f", "%M"] + cmd, env=env,
                       stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                       text=True)
    wall = time.perf_counter() - t0
    lines = [l for l in p.stderr.strip().splitlines() if l.strip()]
    rss_kb = int(lines[-1]) if lines and lines[-1].isdigit() else 0
    if p.returncode not in (0, 1):
        sys.exit(f"bench: {' '.join(cmd[:3])}...: exit {p.returncode}\n"
                 + p.stderr[-2000:])
    return wall, rss_kb / 1024


def du(path):
    total = 0
    for root, _, files in os.walk(path):
        for f in files:
            total += os.stat(os.path.join(root, f)).st_blocks * 512
    return total


def prepare(laws, corpus, scale, scratch):
    docs = os.path.join(scratch, "docs")
    os.makedirs(docs)
    base = os.path.join(scratch, "base")
    os.makedirs(base)
    subprocess.run(["tar", "-xJf", laws, "-C", base], check=True)
    for d in (".github",):
        shutil.rmtree(os.path.join(base, d), ignore_errors=True)
    # the text pages of corpus/ only: ripgrep and FTS5 read text files,
    # and every tool is to be timed on the same folder
    shutil.copytree(corpus, os.path.join(base, "corpus"),
                    ignore=shutil.ignore_patterns("*.pdf", "*.docx", "*.ofd"))
    for i in range(scale):
        shutil.copytree(base, os.path.join(docs, f"copy{i}"),
                        ignore=shutil.ignore_patterns(".*"))
    shutil.rmtree(base)
    files = []
    for root, dirs, names in os.walk(docs):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for n in names:
            if n.endswith((".md", ".txt")):
                files.append(os.path.join(root, n))
    files.sort()
    size = sum(os.path.getsize(f) for f in files)
    return docs, files, size


FTS_LOADER = r"""
import sqlite3, sys
db, listing = sys.argv[1], sys.argv[2]
con = sqlite3.connect(db)
con.execute("CREATE VIRTUAL TABLE docs USING fts5(path UNINDEXED, body, "
            "tokenize='trigram')")
with open(listing, encoding="utf-8") as fh:
    for path in fh.read().split("\n"):
        if path:
            with open(path, encoding="utf-8", errors="replace") as f:
                con.execute("INSERT INTO docs VALUES (?, ?)", (path, f.read()))
con.commit()
con.close()
"""


def fts_index(files, db, scratch):
    """FTS5 indexing as a user would script it: Python's sqlite3 module
    (the same SQLite as the CLI), one row per file, one transaction."""
    listing = os.path.join(scratch, "files.txt")
    with open(listing, "w", encoding="utf-8") as fh:
        fh.write("\n".join(files) + "\n")
    loader = os.path.join(scratch, "fts_load.py")
    with open(loader, "w") as fh:
        fh.write(FTS_LOADER)
    return run_timed([sys.executable, loader, db, listing])


def sql_str(s):
    return "'" + s.replace("'", "''") + "'"


def fts_sql(kind, words, limit=10):
    """The SQL a user of FTS5 trigram writes: MATCH phrases for strings of
    3+ characters (ranked by bm25), instr() for shorter ones, which the
    trigram index cannot serve; filters run as the bare word."""
    terms = words if kind in ("and2", "and3") else words[:1]
    match = [w for w in terms if len(w) >= 3]
    short = [w for w in terms if len(w) < 3]
    where = []
    if match:
        where.append("docs MATCH " + sql_str(" AND ".join(
            '"%s"' % w.replace('"', '""') for w in match)))
    where += ["instr(body, %s) > 0" % sql_str(w) for w in short]
    order = " ORDER BY rank" if match and limit else ""
    return ("SELECT path FROM docs WHERE %s%s%s;" % (
        " AND ".join(where), order, " LIMIT %d" % limit if limit else ""))


def draw_queries(files, rng):
    """Fixed-seed query sets drawn from the text of the first copy."""
    first = [f for f in files if "/copy0/" in f]
    texts = {}

    def text(f):
        if f not in texts:
            with open(f, encoding="utf-8", errors="replace") as fh:
                texts[f] = fh.read()
        return texts[f]

    def han_piece(f, lo, hi):
        for _ in range(50):
            runs = [r for r in HAN.findall(text(f)) if len(r) >= lo]
            if not runs:
                return None
            r = rng.choice(runs)
            n = rng.randint(lo, min(hi, len(r)))
            s = rng.randint(0, len(r) - n)
            return r[s:s + n]
        return None

    sets = {"word": [], "and2": [], "and3": [], "exact": [], "title": [],
            "fragment": [], "filter": []}
    while min(len(v) for v in sets.values()) < N_QUERIES:
        f = rng.choice(first)
        w = [han_piece(f, 2, 2) for _ in range(3)]
        if None in w:
            continue
        if len(sets["word"]) < N_QUERIES:
            sets["word"].append([w[0]])
        if len(sets["and2"]) < N_QUERIES:
            sets["and2"].append(w[:2])
        if len(sets["and3"]) < N_QUERIES:
            sets["and3"].append(w[:3])
        e = han_piece(f, 2, 8)
        if e and len(sets["exact"]) < N_QUERIES:
            sets["exact"].append([e])
        m = re.search(r"^# (.+)$", text(f), re.M)
        if m and len(sets["title"]) < N_QUERIES:
            t = m.group(1).replace("中华人民共和国", "").strip()
            t = "".join(HAN.findall(t))
            if len(t) >= 4:
                sets["title"].append([t])
        frag = han_piece(f, 8, 16)
        if frag and len(frag) >= 8 and len(sets["fragment"]) < N_QUERIES:
            sets["fragment"].append([frag])
        if len(sets["filter"]) < N_QUERIES:
            sets["filter"].append([w[0]])
    return sets


def zc_query(kind, words):
    if kind == "exact":
        return '"%s"' % words[0]
    if kind == "filter":
        return "%s date:2000..2024" % words[0]
    return " ".join(words)


def quest_query(kind, words):
    if kind == "exact":
        return '"%s"' % words[0]
    return " AND ".join(words)


def timed(cmd, env=None, stdout=subprocess.DEVNULL):
    t0 = time.perf_counter()
    p = subprocess.run(cmd, env=env, stdout=stdout, stderr=subprocess.DEVNULL)
    return time.perf_counter() - t0, p


def rg_and(words, docs):
    """rg -F -l per word, intersected: what a grep user does for AND."""
    total = 0.0
    paths = None
    for w in words:
        t, p = timed(["rg", "-F", "-l", "--no-messages", w, docs],
                     stdout=subprocess.PIPE)
        total += t
        found = set(p.stdout.split(b"\n"))
        paths = found if paths is None else paths & found
        if not paths:
            break
    return total


def free_port():
    import socket
    with socket.socket() as so:
        so.bind(("127.0.0.1", 0))
        return so.getsockname()[1]


def shards_bench(zcindex, zcsearch, docs, mb, scratch, one_db, sets):
    """Indexing with 1, 2 and 4 shards (-j2 among them), then ranked
    latency over one database, the shards, and 4 shards of which one
    is remote (xapian-tcpsrv on 127.0.0.1): the rows of the Shards
    section."""
    irows = ["| zcindex -j2 | seconds | MB/s | × 1 shard |", "|---|---|---|---|"]
    paths = {}
    base = None
    for n in (1, 2, 4):
        path = os.path.join(scratch, "sh%d" % n)
        wall, _ = run_timed([zcindex, "-q", "-j", "2", "--shards", str(n),
                             "--db", path, docs])
        base = base or wall
        paths[n] = path
        irows.append("| --shards %d | %.1f | %.2f | %.2f× |" % (
            n, wall, mb / wall, base / wall))
    port = free_port()
    srv = subprocess.Popen(["xapian-tcpsrv", "--port", str(port),
                            "--interface", "127.0.0.1",
                            os.path.join(paths[4], "shard-4")],
                           stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                           start_new_session=True)
    try:
        for line in srv.stdout:
            if b"Listening" in line:
                break
        remote = sum([["--db", os.path.join(paths[4], "shard-%d" % k)]
                      for k in (1, 2, 3)], []) + [
            "--db", "tcp://127.0.0.1:%d" % port]
        layouts = [("one database", ["--db", one_db])] + [
            ("%d local shard%s" % (n, "s" if n > 1 else ""),
             ["--db", paths[n]]) for n in (1, 2, 4)] + [
            ("4 shards, 1 remote (127.0.0.1)", remote)]
        qrows = ["| databases | word p50 ms | p95 ms | exact p50 ms | p95 ms | × one database, word p50 |",
                 "|---|---|---|---|---|---|"]
        one50 = None
        for label, dbargs in layouts:
            cells = []
            for kind in ("word", "exact"):
                ts = [timed([zcsearch] + dbargs + ["-n", "10",
                                                   zc_query(kind, w)])[0]
                      for w in sets[kind]]
                cells += [pct(ts, 50) * 1e3, pct(ts, 95) * 1e3]
            one50 = one50 or cells[0]
            qrows.append("| %s | %.1f | %.1f | %.1f | %.1f | %.2f× |" % (
                (label,) + tuple(cells) + (cells[0] / one50,)))
    finally:
        os.killpg(srv.pid, 15)
        srv.wait()
    return irows, qrows


def pct(values, p):
    v = sorted(values)
    k = max(0, min(len(v) - 1, int(round(p / 100 * (len(v) - 1)))))
    return v[k]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--build", required=True)
    ap.add_argument("--laws", required=True)
    ap.add_argument("--scale", type=int, default=1)
    ap.add_argument("--out", required=True)
    a = ap.parse_args()
    top = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    zcindex = os.path.join(os.path.abspath(a.build), "zcindex")
    zcsearch = os.path.join(os.path.abspath(a.build), "zcsearch")
    scratch = tempfile.mkdtemp(prefix="zc-bench.")
    try:
        docs, files, size = prepare(a.laws, os.path.join(top, "corpus"),
                                    a.scale, scratch)
        mb = size / 1e6
        rows = []
        env_cjk = dict(os.environ, XAPIAN_CJK_NGRAM="1")
        idx = {}
        for name, cmd, db, env in (
                ("zcindex -j1", [zcindex, "-q", "-j", "1", "--db"], "zc1", None),
                ("zcindex -j2", [zcindex, "-q", "-j", "2", "--db"], "zc2", None),
                ("omindex", ["omindex", "-p", "-Mmd:text/plain",
                             "-Mtxt:text/plain", "--url", "/", "--db"],
                 "omega", env_cjk)):
            path = os.path.join(scratch, db)
            wall, rss = run_timed(cmd + [path, docs], env=env)
            idx[name] = (wall, rss, du(path))
        fdb = os.path.join(scratch, "fts.db")
        wall, rss = fts_index(files, fdb, scratch)
        idx["sqlite3 fts5 trigram"] = (wall, rss, os.path.getsize(fdb))
        om_rate = mb / idx["omindex"][0]
        rows.append("| indexer | seconds | MB/s | × omindex MB/s | peak RSS MB | index MB | index / corpus |")
        rows.append("|---|---|---|---|---|---|---|")
        for name, (wall, rss, disk) in idx.items():
            rows.append("| %s | %.1f | %.2f | %.1f | %.0f | %.0f | %.2f |" % (
                name, wall, mb / wall, (mb / wall) / om_rate, rss,
                disk / 1e6, disk / size))

        rng = random.Random(20261123)
        sets = draw_queries(files, rng)
        zdb = os.path.join(scratch, "zc2")
        odb = os.path.join(scratch, "omega")
        qrows = ["| query set | zcsearch p50 ms | p95 ms | rg p50 ms | p95 ms | omega p50 ms | p95 ms | fts5 p50 ms | p95 ms | rg/zc p50 | omega/zc p50 | omega/zc p95 | fts5/zc p50 | fts5/zc p95 | zc hits |",
                 "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|"]
        # the ranked sets, then two list sets: every file (zcsearch -l,
        # quest and FTS5 without a limit) with an exact string, with
        # two or three words
        runs = [(k, k, True) for k in sets]
        runs += [("exact -l", "exact", False), ("and2 -l", "and2", False),
                 ("and3 -l", "and3", False)]
        for label, kind, ranked in runs:
            qs = sets[kind]
            zt, rt, ot, ft = [], [], [], []
            hits = 0
            for words in qs:
                q = zc_query(kind, words)
                t, p = timed([zcsearch, "--db", zdb] +
                             (["-n", "10"] if ranked else ["-l"]) + [q])
                zt.append(t)
                hits += p.returncode == 0
                rt.append(rg_and(words, docs))
                t, _ = timed(["quest", "-d", odb, "-m",
                              "10" if ranked else str(len(files)),
                              quest_query(kind, words)], env=env_cjk)
                ot.append(t)
                t, _ = timed(["sqlite3", fdb, fts_sql(
                    kind, words, 10 if ranked else 0)])
                ft.append(t)
            z50, z95 = pct(zt, 50) * 1e3, pct(zt, 95) * 1e3
            f50, f95 = pct(ft, 50) * 1e3, pct(ft, 95) * 1e3
            r50, r95 = pct(rt, 50) * 1e3, pct(rt, 95) * 1e3
            o50, o95 = pct(ot, 50) * 1e3, pct(ot, 95) * 1e3
            qrows.append("| %s | %.1f | %.1f | %.1f | %.1f | %.1f | %.1f | %.1f | %.1f | %.1f× | %.1f× | %.1f× | %.1f× | %.1f× | %d/%d |" % (
                label, z50, z95, r50, r95, o50, o95, f50, f95, r50 / z50,
                o50 / z50, o95 / z95, f50 / z50, f95 / z95, hits, len(qs)))

        # what --count-by adds to counting the same matches (-c): the
        # bare words of the word set, one field and all five
        crows = ["| command | p50 ms | p95 ms | added to -c, p50 ms |",
                 "|---|---|---|---|"]
        count_runs = [("-c", ["-c"]),
                      ("--count-by year", ["--count-by", "year"]),
                      ("--count-by all five fields",
                       sum([["--count-by", f] for f in
                            ("year", "issuer", "type", "category",
                             "validity")], []))]
        base50 = None
        for label, args in count_runs:
            ct = [timed([zcsearch, "--db", zdb] + args +
                        [zc_query("word", w)])[0] for w in sets["word"]]
            c50, c95 = pct(ct, 50) * 1e3, pct(ct, 95) * 1e3
            base50 = c50 if base50 is None else base50
            crows.append("| `zcsearch %s` | %.1f | %.1f | %.1f |" % (
                label, c50, c95, c50 - base50))

        # what copy detection costs: -j2 with and without it, alternated
        # three times (the median of each), and the files that joined a
        # group; then what collapsing costs a ranked search
        drows = ["| zcindex -j2 | runs | median seconds | MB/s | files that joined a group |",
                 "|---|---|---|---|---|"]
        walls = {"": [], "--no-copies": []}
        joined = "?"
        for _ in range(3):
            for flag in ("", "--no-copies"):
                path = os.path.join(scratch, "cp")
                shutil.rmtree(path, ignore_errors=True)
                cmd = [zcindex, "-j", "2"] + ([flag] if flag else []) + [
                    "--db", path, docs]
                t0 = time.perf_counter()
                p = subprocess.run(cmd, stdout=subprocess.DEVNULL,
                                   stderr=subprocess.PIPE, text=True)
                walls[flag].append(time.perf_counter() - t0)
                m = re.search(r"; (\d+) copies of texts indexed before",
                              p.stderr)
                if not flag:
                    joined = m.group(1) if m else "0"
        for flag, label in (("", "copies grouped (default)"),
                            ("--no-copies", "`--no-copies`")):
            med = statistics.median(walls[flag])
            drows.append("| %s | %d | %.1f | %.2f | %s |" % (
                label, len(walls[flag]), med, mb / med,
                joined if not flag else "—"))
        with_c = statistics.median(walls[""])
        without = statistics.median(walls["--no-copies"])
        drows += ["", "Copy detection adds %.1f%% to indexing (%.1f s over "
                  "%.1f s, medians)." % (100 * (with_c - without) / without,
                                         with_c - without, without)]
        arows = ["| command | p50 ms | p95 ms |", "|---|---|---|"]
        for label, args in (("-n 10 (one per group)", ["-n", "10"]),
                            ("-n 10 --all-copies", ["-n", "10",
                                                    "--all-copies"])):
            at = [timed([zcsearch, "--db", zdb] + args +
                        [zc_query("word", w)])[0] for w in sets["word"]]
            arows.append("| `zcsearch %s` | %.1f | %.1f |" % (
                label, pct(at, 50) * 1e3, pct(at, 95) * 1e3))

        shard_irows, shard_qrows = shards_bench(zcindex, zcsearch, docs, mb,
                                                scratch, zdb, sets)

        cpu = "unknown"
        with open("/proc/cpuinfo") as fh:
            for line in fh:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
        today = datetime.date.today().isoformat()
        out = ["# zhengce benchmark, %s" % today, "",
               "- machine: %s, %d cores, %s" % (cpu, os.cpu_count(),
                                                platform.platform()),
               "- corpus: %d files, %.1f MB (laws corpus + corpus/, scale ×%d)"
               % (len(files), mb, a.scale),
               "- peers: ripgrep `rg -F -l` (AND = intersection of per-word "
               "file lists; filters run as the bare word), omega `omindex` + "
               "`quest` with XAPIAN_CJK_NGRAM=1, SQLite FTS5 trigram (one "
               "row per file, loaded by Python's sqlite3; the sqlite3 CLI "
               "per query: MATCH phrases of 3+ characters ranked by bm25, "
               "instr() for shorter ones)",
               "- sets: word, and2, and3 (bare 2-character words), exact "
               "(quoted, 2-8 characters), title (a law's title, bare), "
               "fragment (8-16 characters of a law, bare), filter (a word "
               "and date:2000..2024), each ranked top 10 (zcsearch -n 10, "
               "quest -m 10, FTS5 LIMIT 10); exact -l, and2 -l, and3 -l: "
               "the same queries listing every file (zcsearch -l, quest -m "
               "all, FTS5 without LIMIT)",
               "- ratios: a peer's time over zcsearch's in this run (above "
               "1× means zcsearch is faster)",
               "- latency: whole process (spawn, open, search, print), %d "
               "queries per set, fixed seed" % N_QUERIES,
               "- command: `make bench%s`" % (
                   " BENCH_SCALE=%d" % a.scale if a.scale != 1 else ""),
               "", "## Indexing", ""] + rows + ["", "## Queries", ""] + qrows + [
               "", "## Counts by field", "",
               "The word set's queries, exact counts over every match: "
               "`-c`, then `--count-by`.", ""] + crows + [
               "", "## Copies", "",
               "Indexing the same corpus with and without copy detection, "
               "alternated:", ""] + drows + [
               "", "The word set's queries, ranked, collapsed on groups of "
               "copies or not:", ""] + arows + [
               "", "## Shards", "",
               "Indexing into N shards, one zcindex process each, the two "
               "worker threads of -j2 shared among them:", ""] + shard_irows + [
               "", "The word and exact sets ranked (-n 10) over one "
               "database, its files in 1, 2 and 4 shards (the folder's "
               "stub), and 4 shards of which the fourth is served by "
               "xapian-tcpsrv on 127.0.0.1:", ""] + shard_qrows
        text = "\n".join(out) + "\n"
        print(text)
        os.makedirs(a.out, exist_ok=True)
        suffix = "" if a.scale == 1 else "-x%d" % a.scale
        with open(os.path.join(a.out, today + suffix + ".md"), "w") as fh:
            fh.write(text)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    main()
