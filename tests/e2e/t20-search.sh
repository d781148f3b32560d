#!/bin/sh
# zcsearch end to end on a copy of corpus/: the text format of the top
# hit, exit statuses, -l, -c, -n, --offset, --per-doc, --sort, TSV,
# colour and NO_COLOR, the default database, and write errors.
. "$(dirname "$0")/lib.sh"

index_corpus
check "$?" 0 "zcindex exit status"
db=$tmp/db
zs() { "$zcsearch" --db "$db" "$@"; }

# ---- the top hits of 孵化器, as text ------------------------------------
# The PDF notice, whose title says 孵化器, ranks first; then 002 (16
# mentions in 3,244 characters) above the 2024 reply 000 (9 in 3,124),
# which carries every field: its bracket line is complete.
top=$(zs --json -n 3 孵化器)
check "$(echo "$top" | jq -r .path | tr '\n' ' ')" \
    "$tmp/corpus/005_attachment_notice.pdf $tmp/corpus/002_888f108bc29685f9.txt $tmp/corpus/000_7e851b9a99e99ef3.txt " \
    "孵化器 ranks the notice with it in its title, the plan, then the reply"
check "$(echo "$top" | jq -r '[.title, .index_no, .date] | map(type) | join(" ")' | tr '\n' ' ')" \
    "string null string string null string string string string " "titles, 索引号 where there is one, 发文日期"
out=$(zs --color=never -C 0 -n 3 孵化器); rc=$?
check "$rc" 0 "孵化器 exit status"
for k in 1 2 3; do
	hit=$(echo "$top" | sed -n "${k}p")
	path=$(echo "$hit" | jq -r .path)
	# where: the line, or in a paged document the page
	at=$(echo "$hit" | jq -r 'if .page then "p\(.page)" else .line end')
	title=$(echo "$hit" | jq -r .title)
	first=$((k * 4 - 3))
	check "$(echo "$out" | sed -n "${first}p")" "$path:$at: $title" "text hit $k: path:line: title"
	check "$(echo "$out" | sed -n "$((first + 2))p" | grep -c '\[\[孵化器\]\]')" 1 "text hit $k: passage with [[孵化器]]"
	# the passage line is the passage with the brackets taken out
	check "$(echo "$out" | sed -n "$((first + 2))p" | sed 's/\[\[//g; s/\]\]//g')" \
	    "$(echo "$hit" | jq -r .passage)" "text hit $k: passage unchanged but for the marks"
done
check "$(echo "$out" | sed -n 1p | cut -d: -f2)" p1 "text: a PDF's hit is located by its page"
check "$(echo "$out" | sed -n 2p)" "[2024-03-15 · 鄂州市科学技术局]" "text: absent 索引号 left out"
check "$(echo "$out" | sed -n 10p)" "[011043145/2024-32081 · 2024-08-12 · 湖北省科学技术厅]" "text: [索引号 · 发文日期 · 发布机构]"
check "$(echo "$out" | wc -l)" 11 "text: three hits are three lines each, a blank line between"

# two hits are separated by one blank line
out=$(zs --color=never -n 2 孵化器)
check "$(echo "$out" | grep -c '^$')" 1 "one blank line between two hits"

# metadata absent: the bracket line lists what there is, or is left out
out=$(zs --color=never -n 1 '"沃壤行动"' | sed -n 2p)
check "$out" "[011043145/2024-32081 · 2024-08-12 · 湖北省科学技术厅]" "metadata line of 000"
out=$(zs --color=never -n 1 'title:荆州经开区 科技创新' | sed -n 2p)
check "$out" "[2022-12-31]" "only the date of 004"

# ---- exit statuses ------------------------------------------------------
zs 量子纠缠态 >"$tmp/out" 2>"$tmp/err"; rc=$?
check "$rc" 1 "no match exits 1"
check "$(cat "$tmp/out" "$tmp/err")" "" "no match prints nothing"
zs '孵化器 AND (孵化 OR' >"$tmp/out" 2>"$tmp/err"; rc=$?
check "$rc" 2 "syntax error exits 2"
check "$(cat "$tmp/err")" "zcsearch: query: unclosed parenthesis
  孵化器 AND (孵化 OR
             ^" "syntax error message with caret"
check "$(cat "$tmp/out")" "" "syntax error prints nothing on stdout"
"$zcsearch" --db "$tmp/nodb" 孵化器 >"$tmp/out" 2>"$tmp/err"; rc=$?
check "$rc" 2 "missing database exits 2"
check "$(cat "$tmp/err")" "zcsearch: $tmp/nodb: no index here (run zcindex first)" "missing database message"
zs -n abc 孵化器 2>"$tmp/err"; rc=$?
check "$rc" 2 "bad -n exits 2"
check "$(head -n 1 "$tmp/err")" "zcsearch: -n abc: not a number" "bad -n message"
check "$(sed -n 2p "$tmp/err" | cut -c1-16)" "usage: zcsearch " "usage line after a usage error"
zs --bogus 孵化器 2>"$tmp/err"; rc=$?
check "$rc" 2 "unknown option exits 2"
check "$(head -n 1 "$tmp/err")" "zcsearch: --bogus: unknown option" "unknown option message"
zs --json -l 孵化器 2>"$tmp/err"; rc=$?
check "$rc" 2 "two output formats exit 2"
zs --sort size 孵化器 2>/dev/null; rc=$?
check "$rc" 2 "bad sort key exits 2"
zs --per-doc 0 孵化器 2>/dev/null; rc=$?
check "$rc" 2 "--per-doc 0 exits 2"
"$zcsearch" --db "$db" >/dev/null 2>&1; rc=$?
check "$rc" 2 "no query exits 2"
zs 孵化器 >/dev/full 2>"$tmp/err"; rc=$?
check "$rc" 2 "write error exits 2"
check "$(cat "$tmp/err")" "zcsearch: stdout: No space left on device" "write error message"
"$zcsearch" --version >/dev/null; rc=$?
check "$rc" 0 "--version exits 0"

# ---- -l and -c -----------------------------------------------------------
zs -l 孵化器 >"$tmp/l"; rc=$?
check "$rc" 0 "-l exit status"
check "$(sort "$tmp/l" | uniq -d)" "" "-l lists each path once"
check "$(grep -vc "^$tmp/corpus/" "$tmp/l")" 0 "-l paths are absolute"
check "$(zs -c 孵化器)" "$(wc -l <"$tmp/l" | tr -d ' ')" "-c counts the documents -l lists"
check "$(zs --json -n 0 孵化器 | jq -r .path)" "$(cat "$tmp/l")" "-l is the ranking of -n 0"
check "$(zs -l -n 1 孵化器 | wc -l)" "$(wc -l <"$tmp/l")" "-l has no limit"
out=$(zs -c 量子纠缠态); rc=$?
check "$out $rc" "0 1" "-c of nothing prints 0, exits 1"
zs -l 量子纠缠态 >"$tmp/out"; rc=$?
check "$(cat "$tmp/out") $rc" " 1" "-l of nothing prints nothing, exits 1"
check "$(zs -c 沃壤行动)" 1 "-c of one document"

# ---- -n, --offset, --per-doc ----------------------------------------------
all=$(zs --json -n 0 孵化器 | jq -r '"\(.rank) \(.path)"')
n=$(echo "$all" | wc -l)
check "$(zs --json 孵化器 | wc -l)" "$n" "default -n 10 shows all of a few"
check "$(zs --json -n 2 孵化器 | jq -r '"\(.rank) \(.path)"')" "$(echo "$all" | sed -n 1,2p)" "-n 2"
check "$(zs --json -n 2 --offset 1 孵化器 | jq -r '"\(.rank) \(.path)"')" "$(echo "$all" | sed -n 2,3p)" "--offset 1 -n 2"
zs --offset "$n" 孵化器 >"$tmp/out"; rc=$?
check "$(cat "$tmp/out") $rc" " 1" "an offset past the end prints nothing, exits 1"
pd=$(zs --json -n 0 --per-doc 3 孵化器)
check "$(echo "$pd" | jq -r .rank | uniq -c | awk '$1 > 3' | wc -l)" 0 "--per-doc 3: at most 3 passages a document"
check "$(echo "$pd" | jq -r .rank | uniq | tr '\n' ' ')" "$(seq 1 "$n" | tr '\n' ' ')" "--per-doc keeps a document's passages together"
check "$(echo "$pd" | jq -r '"\(.rank) \(.path)"' | uniq)" "$all" "--per-doc ranks documents as before"
check "$(echo "$pd" | jq -s '[group_by(.rank)[] | (map(.path) | unique | length)] | max')" 1 "one path per rank"
check "$(echo "$pd" | jq -s '[group_by(.rank)[] | map(.score) | . == (sort | reverse)] | all')" true "a document's passages best first"
check "$(echo "$pd" | jq -s 'length > '"$n")" true "--per-doc 3 shows more passages"

# ---- --sort -------------------------------------------------------------
dates=$(zs --json -n 0 --sort date 孵化 | jq -r '.date // "null"')
check "$(echo "$dates" | grep -v null | sort -c && echo sorted)" sorted "--sort date: oldest first"
check "$(echo "$dates" | sed -n '/null/,$p' | grep -vc null)" 0 "--sort date: undated last"
dates=$(zs --json -n 0 --sort -date 孵化 | jq -r '.date // "null"')
check "$(echo "$dates" | grep -v null | sort -rc && echo sorted)" sorted "--sort -date: newest first"
check "$(echo "$dates" | sed -n '/null/,$p' | grep -vc null)" 0 "--sort -date: undated last"
check "$(zs --json -n 1 --sort -date 孵化 | jq -r .date)" 2025-07-30 "newest document first"
check "$(zs --json -n 1 --sort date 孵化 | jq -r .date)" 2021-08-16 "oldest document first"
check "$(zs --json -n 2 --offset 1 --sort date 孵化 | jq -r .date | tr '\n' ' ')" \
    "$(echo "$dates" | grep -v null | sort | sed -n 2,3p | tr '\n' ' ')" "--sort date pages"

# ---- TSV ----------------------------------------------------------------
zs --tsv -n 0 孵化器 >"$tmp/tsv"
check "$(head -n 1 "$tmp/tsv")" "$(printf 'rank\tscore\tpath\tline\tpassage_line\tpage\ttitle\tindex_no\tdate\twritten\tpublished\tissuer\tdoc_no\ttype\tcategory\tvalidity\tpassage\thighlights\tmatched\tcopies\tgroup')" "TSV header"
check "$(awk -F '\t' 'NF != 21' "$tmp/tsv" | wc -l)" 0 "TSV: 21 fields on every line"
check "$(($(wc -l <"$tmp/tsv") - 1))" "$n" "TSV: one line per hit"
check "$(sed -n 2p "$tmp/tsv" | cut -f 3,4,6)" "$(echo "$all" | sed -n 1p | cut -d' ' -f2)	$(zs --json -n 1 孵化器 | jq -r '"\(.line // "")\t\(.page // "")"')" "TSV: path, line and page (empty where JSON has null)"

# ---- colour -------------------------------------------------------------
esc=$(printf '\033')
check "$(zs --color=always -n 1 孵化器 | grep -c "$esc\[1;31m孵化器$esc\[0m")" 1 "--color=always colours matches"
check "$(zs --color=never -n 1 孵化器 | grep -c "$esc")" 0 "--color=never"
check "$(zs -n 1 孵化器 | grep -c "$esc")" 0 "auto: no colour in a pipe"
if command -v script >/dev/null 2>&1; then
	tty_run() { script -qec "$*" /dev/null </dev/null; }
	out=$(tty_run "'$zcsearch' --db '$db' -n 1 孵化器")
	check "$(echo "$out" | grep -c "$esc\[1;31m")" 1 "auto: colour on a terminal"
	out=$(NO_COLOR=1 tty_run "'$zcsearch' --db '$db' -n 1 孵化器")
	check "$(echo "$out" | grep -c "$esc")" 0 "auto: NO_COLOR on a terminal"
	out=$(NO_COLOR= tty_run "'$zcsearch' --db '$db' -n 1 孵化器")
	check "$(echo "$out" | grep -c "$esc\[1;31m")" 1 "auto: empty NO_COLOR colours"
	out=$(NO_COLOR=1 tty_run "'$zcsearch' --db '$db' --color=always -n 1 孵化器")
	check "$(echo "$out" | grep -c "$esc\[1;31m")" 1 "always beats NO_COLOR"
fi

# ---- query words in several arguments, default database -----------------
check "$(zs --json 孵化器 免税 | jq -r .path)" "$(zs --json '孵化器 免税' | jq -r .path)" "arguments are joined by spaces"
check "$(ZHENGCE_DB=$db "$zcsearch" -l 沃壤行动)" "$tmp/corpus/000_7e851b9a99e99ef3.txt" "\$ZHENGCE_DB"
mkdir -p "$tmp/xdg/zhengce" && ln -s "$db" "$tmp/xdg/zhengce/db"
check "$(env -u ZHENGCE_DB XDG_DATA_HOME="$tmp/xdg" "$zcsearch" -l 沃壤行动)" "$tmp/corpus/000_7e851b9a99e99ef3.txt" "\$XDG_DATA_HOME"
mkdir -p "$tmp/home/.local/share/zhengce" && ln -s "$db" "$tmp/home/.local/share/zhengce/db"
check "$(env -u ZHENGCE_DB -u XDG_DATA_HOME HOME="$tmp/home" "$zcsearch" -l 沃壤行动)" "$tmp/corpus/000_7e851b9a99e99ef3.txt" "~/.local/share/zhengce/db"
check "$(ZHENGCE_DB=$tmp/nodb "$zcsearch" --db "$db" -c 沃壤行动)" 1 "--db beats \$ZHENGCE_DB"

finish
