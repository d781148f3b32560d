#!/bin/sh
# zcsearch --count-by: for every field it counts by and several queries,
# the counts equal a recount of `--json --all-copies -n 0` (one line per
# document, every copy of a reposted text too, its metadata there), on
# corpus/ and, when this machine has them, 300 laws; the order is the
# documented one; the three formats agree; bad uses are errors.
. "$(dirname "$0")/lib.sh"

cp -R "$top/corpus" "$tmp/docs"
if [ -f "$laws" ]; then
	mkdir -p "$tmp/unpack"
	xz -dc "$laws" | tar -x -C "$tmp/unpack" -f - || exit 2
	find "$tmp/unpack" -name '*.md' ! -path '*/x/*' | LC_ALL=C sort |
	    awk 'NR % 11 == 0' | head -n 300 | while IFS= read -r f; do
		cp "$f" "$tmp/docs/law-$(printf '%s' "$f" | cksum | cut -d' ' -f1).md"
	done
	rm -rf "$tmp/unpack"
fi
"$zcindex" --db "$tmp/db" -q "$tmp/docs"
check "$?" 0 "zcindex"

cat >"$tmp/recount.py" <<'PY'
import collections, json, subprocess, sys
zcsearch, db, query = sys.argv[1:4]
FIELDS = ["year", "month", "issuer", "type", "category", "validity"]
def run(*args):
    return subprocess.run([zcsearch, "--db", db] + list(args) + ["--", query],
                          capture_output=True, text=True).stdout
want = {f: collections.Counter() for f in FIELDS}
for line in run("--json", "--all-copies", "-n", "0").splitlines():
    o = json.loads(line)
    if o["date"]:
        want["year"][o["date"][:4]] += 1
        want["month"][o["date"][:7]] += 1
    for f in FIELDS[2:]:
        if o[f]:
            want[f][o[f]] += 1
args = []
for f in FIELDS:
    args += ["--count-by", f]
got = {f: collections.Counter() for f in FIELDS}
order = {f: [] for f in FIELDS}
for line in run("--json", *args).splitlines():
    o = json.loads(line)
    got[o["field"]][o["value"]] = o["count"]
    order[o["field"]].append((o["value"], o["count"]))
bad = [f for f in FIELDS if got[f] != want[f]]
for f in FIELDS:
    natural = (sorted(order[f]) if f in ("year", "month") else
               sorted(order[f], key=lambda vc: (-vc[1], vc[0])))
    if order[f] != natural:
        bad.append(f + " order")
docs = sum(1 for _ in run("--json", "--all-copies", "-n", "0").splitlines())
print("docs=%d values=%d bad=%s" % (docs, sum(len(got[f]) for f in FIELDS),
                                   ",".join(bad) or "none"))
PY
# each matches corpus/ (CI may have no laws) and, with them, laws too
for q in 孵化 科技 '"科技创新"' 'date:2010..' 'title:答复 OR title:方案' '创新 发展' 'type:法 OR type:答复'; do
	out=$(python3 "$tmp/recount.py" "$zcsearch" "$tmp/db" "$q")
	check "$(echo "$out" | sed 's/.*bad=//')" none "--count-by equals the recount for $q ($out)"
	check "$(echo "$out" | grep -c 'docs=0 ')" 0 "$q matches documents"
done

zs() { "$zcsearch" --db "$tmp/db" "$@"; }
# text: a header per field, a row per value; no bars into a pipe
zs --count-by year 孵化 >"$tmp/text"
check "$?" 0 "--count-by exit status with matches"
check "$(head -n 1 "$tmp/text" | tr -s ' ')" "year count" "text header"
check "$(grep -c '█' "$tmp/text")" 0 "no bars into a pipe"
check "$(sed -n 2p "$tmp/text" | tr -s ' ')" \
    "$(zs --tsv --count-by year 孵化 | sed -n 2p | cut -f 2,3 | tr '\t' ' ')" \
    "text and TSV agree"
check "$(zs --tsv --count-by type 孵化 | head -n 1)" "$(printf 'field\tvalue\tcount')" "TSV header"
# in a terminal: bars within its width
if command -v script >/dev/null 2>&1; then
	COLUMNS=60 script -qec "stty cols 60; $zcsearch --db $tmp/db --count-by year 孵化" /dev/null >"$tmp/tty" 2>&1
	check "$(grep -c '█' "$tmp/tty")" "$(zs --tsv --count-by year 孵化 | tail -n +2 | wc -l | tr -d ' ')" "a bar per value in a terminal"
	check "$(python3 -c 'import sys; w = max(len(l.rstrip("\r")) for l in open(sys.argv[1], encoding="utf-8").read().split("\n")); print("fits" if w <= 60 else w)' "$tmp/tty")" fits "bars fit the terminal"
fi
# nothing matched: exit 1, no rows
zs --count-by year 不存在的词语组合甲乙丙 >"$tmp/none"
check "$?" 1 "--count-by with no match exits 1"
check "$(wc -l <"$tmp/none" | tr -d ' ')" 1 "only the header when nothing matched"
# bad uses
zs --count-by colour 孵化 >/dev/null 2>"$tmp/err"
check "$?" 2 "an unknown field is a usage error"
check "$(head -n 1 "$tmp/err")" "zcsearch: colour: cannot count by it (year, month, issuer, type, category or validity)" "its message"
zs --count-by year -c 孵化 >/dev/null 2>&1
check "$?" 2 "--count-by with -c is a usage error"
# -n 0 and repeats change nothing
check "$(zs --json --count-by year --count-by year -n 0 孵化 | wc -l | tr -d ' ')" \
    "$(zs --json --count-by year 孵化 | wc -l | tr -d ' ')" "a field given twice is counted once"
finish
