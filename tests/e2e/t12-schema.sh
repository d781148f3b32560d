#!/bin/sh
# The schema version (include/zc_schema.h): a database of an older
# zcindex has each file re-read once, those of this run's paths at once
# and the others when next indexed, also after a run killed half-way; a
# database of a newer zcindex is refused and left as it is.
. "$(dirname "$0")/lib.sh"

cur=$(sed -n 's/^#define ZC_SCHEMA_VERSION "\(.*\)"$/\1/p' "$top/include/zc_schema.h")
# set-metadata fakes what another zcindex left
build_helper set-metadata
set_version() { # DB [VERSION]: no VERSION deletes the key
	"$tmp/set-metadata" "$1" zc:version ${2:+"$2"}
}
schema() { "$zcindex" --db "$1" --status | sed -n 's/^schema: *//p'; }
outdated() { "$zcindex" --db "$1" --status | sed -n 's/^outdated: *//p'; }
summary_counts() { # stderr of a run -> "indexed N, unchanged N, removed N, failed N"
	sed -n 's/^zcindex: \(indexed [0-9]*, unchanged [0-9]*, removed [0-9]*, failed [0-9]*\);.*/\1/p'
}
notices() { grep -v '^zcindex: indexed ' "$1"; }
db_sum() { find "$1" -type f | LC_ALL=C sort | xargs cat | md5sum; }

# a database of three kinds of file: under the root corpus/, under a
# second root, and one named alone
index_corpus
mkdir "$tmp/other"
cp "$tmp/corpus/000_7e851b9a99e99ef3.txt" "$tmp/other/a.txt"
cp "$tmp/corpus/001_552c6465ef7f0f77.txt" "$tmp/other/b.txt"
cp "$tmp/corpus/002_888f108bc29685f9.txt" "$tmp/alone.txt"
"$zcindex" --db "$tmp/db" -q "$tmp/other" "$tmp/alone.txt"
check "$(schema "$tmp/db")" "$cur" "a database is written in the current schema"
"$zcsearch" --db "$tmp/db" -l 孵化器 >"$tmp/before.list" 2>"$tmp/search.err"
check "$(cat "$tmp/search.err")" "" "zcsearch of the current schema says nothing"

"$zcindex" --db "$tmp/fresh" "$tmp/corpus" 2>"$tmp/fresh.err"
check "$(notices "$tmp/fresh.err")" "" "a new database says nothing of schemas"

# schema 1: this run's files re-read, the others marked
set_version "$tmp/db" 1
check "$(schema "$tmp/db")" 1 "set-metadata set the version"
"$zcsearch" --db "$tmp/db" -l 孵化器 2>"$tmp/search.err" >/dev/null
check "$(cat "$tmp/search.err")" "zcsearch: $tmp/db: built by an older zcindex (schema 1, this zcsearch reads $cur); run zcindex on it again, or text will not be found" \
    "zcsearch says an older schema may miss text"
"$zcindex" --db "$tmp/db" "$tmp/corpus" 2>"$tmp/old.err"; rc=$?
check "$rc" 0 "older schema: exit status"
check "$(notices "$tmp/old.err")" "zcindex: $tmp/db: built by an older zcindex (schema 1), re-reading every file
zcindex: $tmp/db: 3 files outside the paths given are re-read when next indexed" \
    "older schema: the notice"
check "$(summary_counts <"$tmp/old.err")" "indexed $n_corpus, unchanged 0, removed 0, failed 0" \
    "older schema: every file of the run re-read"
check "$(schema "$tmp/db")" "$cur" "older schema: the version is the current one"
check "$(outdated "$tmp/db")" "3 files, re-read when next indexed" "older schema: --status counts the rest"
"$zcsearch" --db "$tmp/db" -l 孵化器 >"$tmp/after.list"
check "$(cmp -s "$tmp/before.list" "$tmp/after.list" && echo same)" same \
    "older schema: the same files found"

"$zcindex" --db "$tmp/db" "$tmp/corpus" 2>"$tmp/again.err"
check "$(notices "$tmp/again.err")" "" "re-run: no notice"
check "$(summary_counts <"$tmp/again.err")" "indexed 0, unchanged $n_corpus, removed 0, failed 0" \
    "re-run: nothing re-read"
out=$("$zcindex" --db "$tmp/db" "$tmp/other" "$tmp/alone.txt" 2>&1 | summary_counts)
check "$out" "indexed 3, unchanged 0, removed 0, failed 0" "the other root and the lone file re-read when given"
check "$(outdated "$tmp/db")" "" "then no file is outdated"
out=$("$zcindex" --db "$tmp/db" "$tmp/other" "$tmp/alone.txt" 2>&1 | summary_counts)
check "$out" "indexed 0, unchanged 3, removed 0, failed 0" "and not again"

# no version at all: a database from before the key counts as older
set_version "$tmp/db"
check "$(schema "$tmp/db")" none "set-metadata deleted the version"
"$zcindex" --db "$tmp/db" "$tmp/corpus" "$tmp/other" "$tmp/alone.txt" 2>"$tmp/none.err"
check "$(notices "$tmp/none.err")" \
    "zcindex: $tmp/db: built by an older zcindex (no schema version), re-reading every file" \
    "no version: the notice"
check "$(summary_counts <"$tmp/none.err")" "indexed $((n_corpus + 3)), unchanged 0, removed 0, failed 0" \
    "no version: every file re-read"
check "$(schema "$tmp/db")" "$cur" "no version: the version is the current one"

set_version "$tmp/db" 1
out=$("$zcindex" --db "$tmp/db" -q "$tmp/corpus" 2>&1)
check "$out:$(schema "$tmp/db")" ":$cur" "-q: re-read without a word"

# a newer schema, or one not a number: refused, the database untouched
for v in 99 x1; do
	set_version "$tmp/db" "$v"
	sum=$(db_sum "$tmp/db")
	out=$("$zcindex" --db "$tmp/db" "$tmp/corpus" 2>&1); rc=$?
	check "$rc" 2 "schema $v: exit status"
	check "$(db_sum "$tmp/db")" "$sum" "schema $v: database untouched"
	check "$(schema "$tmp/db")" "$v" "schema $v: version kept"
done
check "$out" "zcindex: $tmp/db: unknown schema version \"x1\", left unchanged" \
    "unknown schema: message"
set_version "$tmp/db" 99
out=$("$zcindex" --db "$tmp/db" "$tmp/corpus" 2>&1)
check "$out" "zcindex: $tmp/db: built by a newer zcindex (schema 99, this one writes $cur), left unchanged" \
    "newer schema: message"
"$zcsearch" --db "$tmp/db" -l 孵化器 >"$tmp/newer.list" 2>"$tmp/search.err"
check "$(cat "$tmp/search.err")" "zcsearch: $tmp/db: built by a newer zcindex (schema 99, this zcsearch reads $cur); some text may not be found" \
    "zcsearch says so of a newer schema"
check "$(cmp -s "$tmp/before.list" "$tmp/newer.list" && echo same)" same \
    "newer schema: zcsearch still reads it"
out=$("$zcindex" --db "$tmp/db" --rebuild "$tmp/corpus" 2>&1 | summary_counts)
check "$out:$(schema "$tmp/db")" "indexed $n_corpus, unchanged 0, removed 0, failed 0:$cur" \
    "newer schema: --rebuild starts afresh"

# killed while re-reading, stopped after a few commits of one file
# each: the next run re-reads exactly what was not committed
fill_docs "$tmp/many" 300
"$zcindex" --db "$tmp/kdb" -q "$tmp/many"
set_version "$tmp/kdb" 1
# the log exists before the loop reads it: the child opens it itself
: >"$tmp/killed.log"
"$zcindex" --db "$tmp/kdb" -v -j 1 --batch 1 "$tmp/many" 2>>"$tmp/killed.log" &
pid=$!
i=0
while [ "$(grep -c '^indexed ' "$tmp/killed.log")" -lt 20 ] && [ "$i" -lt 600 ]; do
	sleep 0.05
	i=$((i + 1))
done
kill -STOP "$pid"
sed -n 's/^indexed \(.*\) ([0-9]* passages)$/\1/p' "$tmp/killed.log" >"$tmp/killed.files"
kill -9 "$pid"
kill -CONT "$pid"
wait "$pid" 2>/dev/null
k=$(wc -l <"$tmp/killed.files")
check "$([ "$k" -ge 20 ] && [ "$k" -lt 300 ] && echo mid-run)" mid-run "killed in the middle ($k files written)"
check "$(schema "$tmp/kdb")" "$cur" "killed: the version is committed with the first file"
"$zcindex" --db "$tmp/kdb" -v "$tmp/many" 2>"$tmp/rerun.log"
sed -n 's/^indexed \(.*\) ([0-9]* passages)$/\1/p' "$tmp/rerun.log" >"$tmp/rerun.files"
n=$(wc -l <"$tmp/rerun.files")
check "$([ "$n" -ge $((300 - k)) ] && [ "$n" -le $((301 - k)) ] && echo exact)" exact \
    "after the kill: the $((300 - k)) or $((301 - k)) files not committed are re-read ($n)"
ls "$tmp/many" | sed "s|^|$tmp/many/|" | sort >"$tmp/all.files"
check "$(sort -u "$tmp/killed.files" "$tmp/rerun.files" | cmp -s - "$tmp/all.files" && echo all)" all \
    "after the kill: every file re-read by one run or the other"
check "$(outdated "$tmp/kdb")" "" "after the kill: no file is outdated"
out=$("$zcindex" --db "$tmp/kdb" "$tmp/many" 2>&1 | summary_counts)
check "$out" "indexed 0, unchanged 300, removed 0, failed 0" "after the kill: a normal re-run re-reads nothing"

finish
