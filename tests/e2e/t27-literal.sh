#!/bin/sh
# Text pasted from a document: quotation marks of the other kind inside
# a quoted text are text, and -F/--fixed-strings takes the whole query
# as one literal string.  Truth is grep -F over the text of the files of
# corpus/ (read_text; strings without spaces, so no normalisation is
# needed).
. "$(dirname "$0")/lib.sh"

index_corpus
# grep -lF STRING over the copy of corpus/, as absolute paths
grep_l() { raw_grep_l -F "$1" "$tmp"/corpus/* | sort; }

s='组织实施科技孵化服务“沃壤行动”'
out=$("$zcsearch" --db "$tmp/db" -l "\"$s\""); rc=$?
check "$rc" 0 "a quoted sentence with Chinese quotation marks parses"
check "$out" "$(grep_l "$s")" "and finds what grep -F finds"

out=$("$zcsearch" --db "$tmp/db" -l "“$s”"); rc=$?
check "$rc:$out" "0:$(grep_l "$s")" "Chinese quotation marks nest"

"$zcsearch" --db "$tmp/db" -l '"沃壤行动”' >/dev/null 2>"$tmp/err"; rc=$?
check "$rc:$(head -n 1 "$tmp/err")" "2:zcsearch: query: unbalanced quote" \
    "inside ASCII quotes a Chinese closing mark is text"

s='荆州(武汉)离岸'
out=$("$zcsearch" --db "$tmp/db" -F -l "$s"); rc=$?
check "$rc:$out" "0:$(grep_l "$s")" "-F: parentheses are text"
out2=$("$zcsearch" --db "$tmp/db" --fixed-strings -l "$s")
check "$out2" "$out" "--fixed-strings is -F"

out=$("$zcsearch" --db "$tmp/db" -F -l '沃壤行动 OR 孵化器'); rc=$?
check "$rc:$out:$(grep_l '沃壤行动 OR 孵化器')" "1::" "-F: OR is text, found nowhere"
check "$("$zcsearch" --db "$tmp/db" -c '沃壤行动 OR 孵化器')" \
    "$(raw_grep_l -E '沃壤行动|孵化器' "$tmp"/corpus/* | wc -l | tr -d ' ')" \
    "without -F, OR is the operator"

out=$("$zcsearch" --db "$tmp/db" -F -l 'title:沃壤行动' 2>&1); rc=$?
check "$rc:$out" "1:" "-F: a field name is text"

"$zcsearch" --db "$tmp/db" -F '   ' >/dev/null 2>"$tmp/err"; rc=$?
check "$rc:$(head -n 1 "$tmp/err")" "2:zcsearch: query: empty query" "-F: spaces only"

finish
