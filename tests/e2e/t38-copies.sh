#!/bin/sh
# Reposted copies: the reply of corpus/000 and three hand-made reposts of
# it (tests/data/copies: the same reply as another site's HTML page with
# other chrome and a title suffix, forwarded under a preamble and a new
# 落款, and with one paragraph and a sentence rewritten) form one group;
# two notices of one bureau that share their salutation, contacts and
# 落款 (unrelated-a, unrelated-b) and the bureau's other reply
# (corpus/001) stay alone.  The ranked outputs show the copy published
# first and say how many others it stands for; -l, -c and --count-by
# stay equal to what grep finds in the raw files; copies indexed later
# join the group; --no-copies and --all-copies do what they say.
. "$(dirname "$0")/lib.sh"

docs=$tmp/docs
mkdir -p "$docs"
cp "$top/corpus/000_7e851b9a99e99ef3.txt" "$docs/orig.txt"
cp "$top/corpus/001_552c6465ef7f0f77.txt" "$docs/other-reply.txt"
cp "$top/tests/data/copies/unrelated-a.txt" "$top/tests/data/copies/unrelated-b.txt" "$docs/"

# first the original and the unrelated notices, then the reposts: they
# join the group the original started
"$zcindex" --db "$tmp/db" -q "$docs"
check "$?" 0 "zcindex: the original"
cp "$top/tests/data/copies/repost.html" "$top/tests/data/copies/forwarded.txt" \
    "$top/tests/data/copies/changed.txt" "$docs/"
"$zcindex" --db "$tmp/db" "$docs" 2>"$tmp/idx.err"
check "$?" 0 "zcindex: the reposts"
check "$(sed -n 's/.*; \([0-9]*\) copies of texts indexed before$/\1/p' "$tmp/idx.err")" 3 \
    "the summary counts the three copies"

json() {
	"$zcsearch" --db "$tmp/db" --json -n 0 "$@" | python3 -c '
import json, os, sys
for line in sys.stdin:
    o = json.loads(line)
    print(os.path.basename(o["path"]), o["copies"], o["group"] or "-")'
}

# 孵化器: in all four copies of the reply, in unrelated-a and in the
# other reply; grep's set is the truth for -l and -c
want_l=$(grep -l 孵化器 "$docs"/* | LC_ALL=C sort)
check "$("$zcsearch" --db "$tmp/db" -l 孵化器 | LC_ALL=C sort)" "$want_l" "-l is grep's set, copies included"
check "$("$zcsearch" --db "$tmp/db" -c 孵化器)" "$(printf '%s\n' "$want_l" | wc -l | tr -d ' ')" "-c counts every copy"
check "$(printf '%s\n' "$want_l" | wc -l | tr -d ' ')" 6 "grep finds 孵化器 in six files"

json 孵化器 >"$tmp/collapsed"
check "$(wc -l <"$tmp/collapsed" | tr -d ' ')" 3 "three documents shown: one per group"
check "$(grep -c '^orig.txt 3 ' "$tmp/collapsed")" 1 "the original stands for its three copies"
check "$(awk '$1 != "orig.txt" { print $2 }' "$tmp/collapsed" | sort -u)" 0 "the others stand for none"
check "$(awk '{ print $3 }' "$tmp/collapsed" | sort -u | wc -l | tr -d ' ')" 3 "three groups"

json --all-copies 孵化器 | LC_ALL=C sort >"$tmp/all"
check "$(awk '{ print $1 }' "$tmp/all" | tr '\n' ' ')" \
    "changed.txt forwarded.txt orig.txt other-reply.txt repost.html unrelated-a.txt " \
    "--all-copies lists every file"
group=$(awk '$1 == "orig.txt" { print $3 }' "$tmp/all")
check "$(awk -v g="$group" '$3 == g { print $1 }' "$tmp/all" | tr '\n' ' ')" \
    "changed.txt forwarded.txt orig.txt repost.html " "the reposts share the original's group"
check "$(awk -v g="$group" '$3 == g { print $2 }' "$tmp/all" | sort -u)" 3 \
    "--all-copies: each copy has the copies of its group"

# unrelated notices that share boilerplate: matched together, not grouped
both=$(json 联系人)
check "$(printf '%s\n' "$both" | awk '{ print $1, $2 }' | LC_ALL=C sort | tr '\n' ' ')" \
    "unrelated-a.txt 0 unrelated-b.txt 0 " "shared boilerplate is no copy"

# text output: the note on the heading line, once per group
"$zcsearch" --db "$tmp/db" --color never 孵化器 >"$tmp/text"
check "$(grep -c '（另有 3 份转载）$' "$tmp/text")" 1 "text: （另有 3 份转载）"
check "$(grep '（另有' "$tmp/text" | sed 's/:.*//; s,.*/,,')" orig.txt "text: on the original's heading"

# the copy shown is the one published first: forwarded.txt has no 发布日期
# and a later date, repost.html was published 2024-08-16 and changed.txt
# 2024-09-02, the original 2024-08-12; a query the original lacks shows
# the earliest of the copies that have it
check "$(json 转发给你们)" "forwarded.txt 0 $group" "a text only one copy has"
check "$(json 发文日期:2024-09-02 孵化器 | awk '{ print $1 }')" changed.txt \
    "a filter the original fails"
check "$(json '孵化器 -written:2024-08-12' | awk -v g="$group" '$3 == g { print $1, $2 }')" \
    "repost.html 2" "of the three copies left, the earliest published"

# -n and --offset count groups
check "$("$zcsearch" --db "$tmp/db" --json -n 1 --offset 1 孵化器 | python3 -c '
import json, sys
print(json.loads(sys.stdin.readline())["rank"])')" 2 "--offset skips a group"
check "$(json --sort date 孵化器 | wc -l | tr -d ' ')" 3 "--sort date: one per group"
# sorted by date, the copy that sorts first is shown, so dates stay in order
for s in date -date; do
	out=$("$zcsearch" --db "$tmp/db" --json -n 0 --sort "$s" 孵化器 | python3 -c '
import json, sys
d = [json.loads(l)["date"] for l in sys.stdin]
d = [x for x in d if x]
print("ordered" if d == sorted(d, reverse=sys.argv[1] == "-date") else d)' "$s")
	check "$out" ordered "--sort $s: dates in order with groups"
done

# every page is the collapse of the full list: the groups of `--all-copies
# -n 0` in the order of their first document, cut at --offset and -n
# (a page whose documents are all of distinct groups is taken without
# Xapian's collapse, search.c; one with a group twice is collapsed)
cat >"$tmp/pages.py" <<'PY'
import json, subprocess, sys
zcsearch, db = sys.argv[1:3]
def groups(*args):
    out = subprocess.run([zcsearch, "--db", db, "--json"] + list(args),
                         capture_output=True, text=True).stdout
    seen = []
    for line in out.splitlines():
        o = json.loads(line)
        key = o["group"] or o["path"]
        if not seen or seen[-1] != key:
            seen.append(key)
    return seen
bad = []
for q in ["孵化器", "科技", "湖北省科学技术厅", "联系人", "创新 OR 联系人"]:
    for sort in ([], ["--sort", "date"], ["--sort", "-date"]):
        full = []
        for key in groups("--all-copies", "-n", "0", *sort, "--", q):
            if key not in full:
                full.append(key)
        for n, off in [(0, 0), (1, 0), (1, 1), (2, 1), (1, 2), (3, 0), (2, 3)]:
            want = full[off:off + n] if n else full[off:]
            got = groups("-n", str(n), "--offset", str(off), *sort, "--", q)
            if got != want:
                bad.append("%s %s -n %d --offset %d" % (q, sort, n, off))
print(" ".join(bad) or "none")
PY
check "$(python3 "$tmp/pages.py" "$zcsearch" "$tmp/db")" none "pages are the collapse of the full list"

# --count-by counts every copy, as -c does
check "$("$zcsearch" --db "$tmp/db" --json --count-by year 孵化器 | python3 -c '
import json, sys
print(sum(json.loads(l)["count"] for l in sys.stdin))')" 6 "--count-by counts every copy"

# a copy that changes into another text leaves the group
printf '武汉市科学技术局关于开展科技成果转化对接活动的通知\n\n各区科技局：为促进科技成果在汉转化，定于十月举办对接活动，孵化器运营机构可报名参加。\n' \
    >"$docs/changed.txt"
"$zcindex" --db "$tmp/db" -q "$docs"
check "$(json 孵化器 | awk '$1 == "orig.txt" { print $2 }')" 2 "a rewritten copy leaves the group"
check "$(json --all-copies 孵化器 | awk -v g="$group" '$1 == "changed.txt" && $3 != g' | wc -l | tr -d ' ')" 1 \
    "and is in a group of its own"

# --no-copies: the files of the run are in no group and listed alone
"$zcindex" --db "$tmp/db2" -q --no-copies "$docs"
"$zcsearch" --db "$tmp/db2" --json -n 0 孵化器 | python3 -c '
import json, sys
rows = [json.loads(l) for l in sys.stdin]
print(len(rows), sorted(set((r["copies"], r["group"]) for r in rows)))' >"$tmp/nocopies"
check "$(cat "$tmp/nocopies")" "6 [(0, None)]" "--no-copies: no groups, every file listed"

finish
