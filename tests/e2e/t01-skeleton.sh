#!/bin/sh
# The walking skeleton end to end: index corpus/, find a word at its
# line, and nothing for a word that occurs nowhere.
. "$(dirname "$0")/lib.sh"

index_corpus
check "$?" 0 "zcindex exit status"

out=$("$zcsearch" --db "$tmp/db" -l 沃壤行动); rc=$?
check "$rc" 0 "沃壤行动 matches"
check "$out" "$tmp/corpus/000_7e851b9a99e99ef3.txt" "沃壤行动 -l"

# the passage is reported at the line where it starts in the file
line=$(grep -n 沃壤行动 "$tmp/corpus/000_7e851b9a99e99ef3.txt" | head -n 1 | cut -d: -f1)
out=$("$zcsearch" --db "$tmp/db" --json 沃壤行动 | jq -r '"\(.path):\(.line)"')
check "$out" "$tmp/corpus/000_7e851b9a99e99ef3.txt:$line" "沃壤行动 path:line"

out=$("$zcsearch" --db "$tmp/db" 量子纠缠态); rc=$?
check "$rc" 1 "absent word exit status"
check "$out" "" "absent word prints nothing"

out=$("$zcindex" --db "$tmp/db" "$tmp/corpus" 2>&1); rc=$?
check "$rc" 0 "re-run exit status"
check "$out" "zcindex: indexed 0, unchanged $n_corpus, removed 0, failed 0; 0 passages, 0.0 MB in $(echo "$out" | sed -n 's/.* in \(.*\) s$/\1/p') s" "re-run summary"

"$zcsearch" --db "$tmp/nonexistent" 孵化 >/dev/null 2>&1; rc=$?
check "$rc" 2 "missing database exit status"

finish
