#!/bin/sh
# Lines that carry metadata (索引号 tables, 发文日期 and 发布机构 lines,
# datelines, 文号 lines) stay searchable: exact strings cut from them
# find exactly the files a normalised scan of the raw files finds.
# Truth comes from corpus/'s files, never from the index.
. "$(dirname "$0")/lib.sh"

index_corpus
python3 - "$zcsearch" "$tmp/db" "$tmp/corpus" >"$tmp/report" <<'PY'
import glob, os, re, subprocess, sys, unicodedata
zcsearch, db, corpus = sys.argv[1:4]
HAN = r"[\u3400-\u9fff\uf900-\ufaff〇]"

def norm(s):
    s = unicodedata.normalize("NFKC", s).casefold()
    return re.sub(r"(?<=%s)\s+(?=%s)" % (HAN, HAN), "", s)

files = sorted(glob.glob(corpus + "/*"))
lines = {f: [norm(l) for l in open(f, encoding="utf-8", errors="replace")]
         for f in files}
label = re.compile(r"索\s*引\s*号|发\s*文\s*日\s*期|发\s*布\s*机\s*构|"
                   r"文\s*号|发布时间|来\s*源|有\s*效\s*性|"
                   r"^\s*\d{4}-\d{2}-\d{2}\s+\d{2}:\d{2}")
probes = []
for f in files:
    for raw in open(f, encoding="utf-8", errors="replace"):
        if not label.search(raw):
            continue
        for run in re.split(r"[\s|]+", norm(raw)):
            # strings of 6 or more characters from each place of each
            # run, cut between the index's units (a number or Latin word
            # is one unit; strings cut inside one are another class)
            units = re.findall(r"[0-9a-z]+(?:\.[0-9a-z]+)*|.", run)
            for start in range(len(units)):
                s = ""
                for u in units[start:]:
                    s += u
                    if len(s) >= 6 and re.match(r"\w", u):
                        break
                if not re.match(r"\w", s[:1]) or not re.search(r"\w$", s):
                    continue
                # starting and ending with a letter, digit or Han, and
                # mostly those: punctuation is another class (it takes a
                # position, not an identity)
                if len(s) >= 6 and len(re.findall(r"\w", s)) >= 5:
                    probes.append(s)
probes = sorted(set(probes))
bad = 0
for s in probes:
    want = sorted(f for f in files if any(s in l for l in lines[f]))
    p = subprocess.run([zcsearch, "--db", db, "-l", '"%s"' % s],
                       capture_output=True, text=True)
    got = sorted(p.stdout.split())
    if got != want:
        bad += 1
        print("MISMATCH %s: zcsearch %s, scan %s" % (s, [os.path.basename(g) for g in got],
              [os.path.basename(w) for w in want]))
print("probes %d" % len(probes))
print("bad %d" % bad)
PY
check "$(grep -c MISMATCH "$tmp/report")" 0 "metadata lines: $(grep MISMATCH "$tmp/report" | head -n 3)"
check "$([ "$(sed -n 's/^probes //p' "$tmp/report")" -ge 80 ] && echo yes)" yes \
    "at least 80 strings from metadata lines ($(sed -n 's/^probes //p' "$tmp/report"))"

finish
