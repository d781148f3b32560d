#!/bin/sh
# Exact text as grep finds it after normalisation (issue: everything a
# reader sees is searchable): digits, %, Latin and punctuation count, a
# match starts and ends anywhere, whitespace runs count as one space, a
# paragraph is found whole across its passages and lines, a blank line
# is never bridged; and bare text matches as typed, its words only rank,
# with a fallback to its words for the ranked outputs alone.
. "$(dirname "$0")/lib.sh"

mkdir -p "$tmp/docs"
printf '%s\n' '资金占比达到10%。' >"$tmp/docs/percent.txt"
printf '%s\n' '补助资金10万元。' >"$tmp/docs/amount.txt"
printf '%s\n' '（一）加强组织领导' >"$tmp/docs/fullwidth.txt"
printf '%s\n' '本办法自2024年1月1日起施行。' >"$tmp/docs/date.txt"
printf '%s\n' '支持 AI 技术和 covid19 疫苗。' >"$tmp/docs/latin.txt"
printf '%s\n' '推动 a b 两类。' >"$tmp/docs/ab.txt"
printf '%s\n' '《中华人民共和国反不正当竞争法》第二条' >"$tmp/docs/law.txt"
printf '%s\n' '反不正当竞争的规定，适用本法。' >"$tmp/docs/apart.txt"
printf '%s\n' '培育专精特新企业。' >"$tmp/docs/zjtx.txt"
printf '%s\n\n%s\n' '第一章 总则' '第一条 为了规范管理，制定本办法。' \
    >"$tmp/docs/heading.md"
printf '%s\n%s\n' '2024年3月1日' '湖北省科学技术厅' >"$tmp/docs/lines.txt"
# 孵化器 ends one paragraph, 免税 starts the next, ten characters apart
printf '%s\n\n%s\n' '各地要加快建设科技企业孵化器' '免税政策由财政部门另行规定。' \
    >"$tmp/docs/near.txt"
# ⼈ (a Kangxi radical, 人 after NFKC) ends a line of the block
printf '%s\n%s\n' '第一条 本办法由省⼈' '第二条 本办法自公布之日起施行。' \
    >"$tmp/docs/kangxi.txt"
printf 'abc\342\200\213def 10\342\200\213%%\n' >"$tmp/docs/zwsp.txt"
printf '%s\n' '使用x光机检查。' >"$tmp/docs/xray.txt"
# the words of 反不正当竞争法 in a paragraph of their own, the whole
# further down
printf '%s\n\n%s\n\n%s\n' '坚决反对不正当竞争行为，维护市场秩序。' \
    '其他内容其他内容其他内容。' '依照反不正当竞争法的规定处理。' \
    >"$tmp/docs/words-first.txt"
# one paragraph of some 900 characters: three passages or more
para=
for i in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15; do
	para="${para}第${i}项工作要求各地区各部门结合实际认真贯彻落实并及时报告进展情况和存在的问题。"
done
printf '%s\n' "$para" >"$tmp/docs/long.txt"

"$zcindex" --db "$tmp/db" -q "$tmp/docs"
check "$?" 0 "zcindex of the fixtures"
d=$tmp/docs
l() { "$zcsearch" --db "$tmp/db" -l "$@" | sed "s|^$d/||" | sort | tr '\n' ' '; }

# ---- every character counts ------------------------------------------
check "$(l '"10%"')" "percent.txt zwsp.txt " '"10%" is not 10万元'
check "$(l '"10万"')" "amount.txt " '"10万" is not 10%'
check "$(l '"0%。"')" "percent.txt " "% and 。 inside the text"
check "$(l '"(一)"')" "fullwidth.txt " "（一） folds to (一), brackets count"
check "$(l -F '（一）')" "fullwidth.txt " "-F （一）"
check "$(l '"一)"')" "fullwidth.txt " "a bracket at the end"
# inside a number and a Latin word
check "$(l '"024年1"')" "date.txt " "from inside 2024 to inside 1月"
check "$(l '"ovid1"')" "latin.txt " "inside covid19"
check "$(l '"AI 技术"')" "latin.txt " "a space between Latin and Han counts"
check "$(l '"a b"')" "ab.txt " "a b is found"
check "$(l '"ab"')" "zwsp.txt " "ab is not a b (but abc U+200B def)"

# ---- paragraphs --------------------------------------------------------
check "$(l -F "$para")" "long.txt " "a whole paragraph of three passages"
cut=$(printf '%s' "$para" | cut -c 250-700)
check "$(l -F "$cut")" "long.txt " "a stretch across the cuts of passages"
check "$(l '"总则"')" "heading.md " "a heading is text"
check "$(l '"总则第一条"')" "" "a blank line is never bridged"
check "$(l '"1日湖北省"')" "lines.txt " "the lines of one block are one paragraph"

check "$(l '"省人第二条"')" "kangxi.txt " "a line break dropped by the normalised characters"
check "$(l '"abcdef"')" "zwsp.txt " "U+200B joins, as NFKC drops it"
check "$(l "$(printf '"10\342\200\213%%"')")" "percent.txt zwsp.txt " \
    "a query's U+200B vanishes too"
check "$(l 'x*')" "xray.txt " "a one-letter run is a word for wildcards"
out=$("$zcsearch" --db "$tmp/db" --json 反不正当竞争法 "path:$d/words-first.txt" | python3 -c '
import json, sys
o = json.loads(sys.stdin.readline())
print(o["path"].rsplit("/", 1)[1], o["passage"][:4],
      [o["passage"][a:b] for a, b in o["highlights"]])')
check "$out" "words-first.txt 依照反不 ['反不正当竞争法']" \
    "bare text shows the passage where it occurs as typed"

# NEAR never joins two paragraphs, whatever its window
check "$(l '孵化器 NEAR/50 免税')" "" "NEAR/50 across a blank line"
check "$(l '孵化器 NEAR/1000 免税')" "" "NEAR/1000 across a blank line"
check "$(l '孵化器 免税')" "near.txt " "both words are in the file"
check "$(l "孵化器 NEAR/1000 \"$para\"")" "" "NEAR with a long text stays in one paragraph"

# ---- bare text as typed ------------------------------------------------
check "$(l 反不正当竞争法)" "law.txt words-first.txt " "a bare word matches as typed"
check "$("$zcsearch" --db "$tmp/db" -c 反不正当竞争法)" 2 "-c as typed"
check "$(l 专精特兴)" "" "-l never falls back"
check "$("$zcsearch" --db "$tmp/db" -c 专精特兴)" 0 "-c never falls back"
out=$("$zcsearch" --db "$tmp/db" --json 专精特兴 2>"$tmp/err"); rc=$?
check "$rc" 0 "ranked output falls back to the words"
check "$(cat "$tmp/err")" \
    "zcsearch: no document contains the query as typed; these contain its words apart" \
    "and says so on stderr"
check "$(printf '%s\n' "$out" | python3 -c '
import json, sys
print(" ".join(sorted("%s:%s" % (json.loads(l)["path"].rsplit("/", 1)[1],
      json.loads(l)["matched"]) for l in sys.stdin)))')" "zjtx.txt:words" \
    "JSON: matched is words"
out=$("$zcsearch" --db "$tmp/db" --json 专精特新 2>"$tmp/err")
check "$(printf '%s' "$out" | grep -c '"matched":"typed"'):$(wc -c <"$tmp/err")" \
    "1:0" "as typed: matched is typed, nothing on stderr"
"$zcsearch" --db "$tmp/db" '"专精特兴"' >/dev/null 2>"$tmp/err"; rc=$?
check "$rc:$(wc -c <"$tmp/err")" "1:0" "quoted text never falls back"
"$zcsearch" --db "$tmp/db" 器孵 >/dev/null 2>"$tmp/err"; rc=$?
check "$rc:$(wc -c <"$tmp/err")" "1:0" "no fallback to single characters"

finish
