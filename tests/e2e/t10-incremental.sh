#!/bin/sh
# zcindex over time: unchanged re-runs, edits, deletions, renames,
# kill -9 at several moments, a second writer, and -j1 = -j2.
. "$(dirname "$0")/lib.sh"

# corpus/ plus 300 laws, in a folder of its own
fill_docs "$tmp/docs" 300
cp "$top"/corpus/*.txt "$tmp/docs/"
n=$(ls "$tmp/docs" | wc -l)
check "$n" 305 "test folder holds 305 files"

queries='孵化器 行政法规 国务院 罚款 沃壤行动 title:条例 date:2024'
results() { # DB -> every query's matching paths
	for q in $queries; do
		echo "== $q"
		"$zcsearch" --db "$1" -l "$q"
	done
}
summary_counts() { # summary line -> "indexed N, unchanged N, removed N, failed N"
	sed -n 's/^zcindex: \(indexed [0-9]*, unchanged [0-9]*, removed [0-9]*, failed [0-9]*\);.*/\1/p'
}

# a clean reference run
"$zcindex" --db "$tmp/ref" -q -j 2 "$tmp/docs"
check "$?" 0 "reference run"
results "$tmp/ref" >"$tmp/ref.results"
"$zcindex" --db "$tmp/ref" --status | grep -E '^(documents|passages):' >"$tmp/ref.status"

# -j1 builds a database with the same results
"$zcindex" --db "$tmp/j1" -q -j 1 "$tmp/docs"
results "$tmp/j1" >"$tmp/j1.results"
check "$(cmp -s "$tmp/ref.results" "$tmp/j1.results" && echo same)" same "-j1 and -j2 give the same results"

# unchanged tree: nothing re-read, same results
out=$("$zcindex" --db "$tmp/ref" "$tmp/docs" 2>&1 | summary_counts)
check "$out" "indexed 0, unchanged 305, removed 0, failed 0" "unchanged re-run"
results "$tmp/ref" >"$tmp/again.results"
check "$(cmp -s "$tmp/ref.results" "$tmp/again.results" && echo same)" same "results after an unchanged re-run"

# one file edited: only it is re-indexed; new text found, old text gone
f="$tmp/docs/000_7e851b9a99e99ef3.txt"
sed -i 's/沃壤行动/试验词语甲乙丙/' "$f"
out=$("$zcindex" --db "$tmp/ref" "$tmp/docs" 2>&1 | summary_counts)
check "$out" "indexed 1, unchanged 304, removed 0, failed 0" "edited file re-indexed alone"
check "$("$zcsearch" --db "$tmp/ref" -l 试验词语甲乙丙)" "$f" "added text found"
sed -i 's/试验词语甲乙丙/试验词语丁戊己/' "$f"
"$zcindex" --db "$tmp/ref" -q "$tmp/docs"
check "$("$zcsearch" --db "$tmp/ref" -l 试验词语丁戊己)" "$f" "new text found"
"$zcsearch" --db "$tmp/ref" -l 试验词语甲乙丙 >/dev/null
check "$?" 1 "old text gone"

# touched, not changed: state updated, passages kept
touch "$tmp/docs/001_552c6465ef7f0f77.txt"
out=$("$zcindex" --db "$tmp/ref" "$tmp/docs" 2>&1 | summary_counts)
check "$out" "indexed 0, unchanged 305, removed 0, failed 0" "touched file not re-indexed"

# deleted file: its passages removed
g="$tmp/docs/002_888f108bc29685f9.txt"
rm "$g"
out=$("$zcindex" --db "$tmp/ref" "$tmp/docs" 2>&1 | summary_counts)
check "$out" "indexed 0, unchanged 304, removed 1, failed 0" "deleted file removed"
"$zcsearch" --db "$tmp/ref" -l 鄂州市科创孵化载体 >"$tmp/list"
check "$(grep -cxF "$g" "$tmp/list")" 0 "deleted file not found"

# renamed file: found under its new path only
h="$tmp/docs/003_f2a134f1d5f08408.txt"
mv "$h" "$tmp/docs/renamed.txt"
out=$("$zcindex" --db "$tmp/ref" "$tmp/docs" 2>&1 | summary_counts)
check "$out" "indexed 1, unchanged 303, removed 1, failed 0" "renamed file"
"$zcsearch" --db "$tmp/ref" -l 优化营商环境工作情况小结 >"$tmp/list"
check "$(grep -cxF "$tmp/docs/renamed.txt" "$tmp/list"):$(grep -cxF "$h" "$tmp/list")" "1:0" "renamed file under its new path only"

# restore the original tree for the kill tests
rm -rf "$tmp/docs"/000_* "$tmp/docs/renamed.txt"
cp "$top"/corpus/*.txt "$tmp/docs/"

# a second writer fails at once and names the lock
"$zcindex" --db "$tmp/locked" -q -j 1 "$tmp/docs" &
first=$!
sleep 0.3
kill -STOP "$first"
out=$("$zcindex" --db "$tmp/locked" "$tmp/docs" 2>&1); rc=$?
kill -CONT "$first"
wait "$first"
check "$rc" 2 "second writer exit status"
check "$out" "zcindex: $tmp/locked: locked by another zcindex" "second writer message"

# kill -9 at several moments, small batches so that commits happen
for delay in 0.05 0.2 0.4 0.7 1.0 1.4; do
	"$zcindex" --db "$tmp/killed" -q -j 2 --batch 20 "$tmp/docs" &
	pid=$!
	sleep "$delay"
	kill -9 "$pid" 2>/dev/null
	wait "$pid" 2>/dev/null
	if [ -d "$tmp/killed" ]; then
		"$zcindex" --db "$tmp/killed" --status >/dev/null 2>&1
		rc=$?
		"$zcsearch" --db "$tmp/killed" -c 条例 >/dev/null 2>&1
		src=$?
		check "$rc:$([ "$src" -le 1 ] && echo ok)" "0:ok" "database opens and answers after kill at ${delay}s"
	fi
done
"$zcindex" --db "$tmp/killed" -q "$tmp/docs"
check "$?" 0 "re-run after kills"
"$zcindex" --db "$tmp/killed" --status | grep -E '^(documents|passages):' >"$tmp/killed.status"
check "$(cat "$tmp/killed.status")" "$(cat "$tmp/ref.status")" "same counts as a clean run"
results "$tmp/killed" >"$tmp/killed.results"
results "$tmp/j1" >"$tmp/j1.results"
check "$(cmp -s "$tmp/killed.results" "$tmp/j1.results" && echo same)" same "same results as a clean run"

finish
