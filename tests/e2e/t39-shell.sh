#!/bin/sh
# zcsearch at the shell, with the habits of grep and ripgrep users
# (issue 18): options after the query, "--", unknown field names and a
# space before a field's colon as errors with a caret, -l -0 for
# xargs -0.  Every check asserts the output and the exit status.
. "$(dirname "$0")/lib.sh"

index_corpus
check "$?" 0 "zcindex"
zs() { "$zcsearch" --db "$tmp/db" "$@"; }

# 1. options anywhere
check "$(zs 孵化器 -n 2 | grep -c '^/')" 2 "孵化器 -n 2: two documents"
check "$(zs -n 2 孵化器 | grep -c '^/')" 2 "-n 2 孵化器: the same"
zs 孵化器 --json >"$tmp/json"; rc=$?
check "$rc:$(python3 -c '
import json, sys
print(sum(1 for l in open(sys.argv[1]) if json.loads(l)["path"]))' "$tmp/json")" \
    "0:$(zs --json 孵化器 | wc -l | tr -d ' ')" "孵化器 --json: JSON, exit 0"
check "$(zs 孵化器 -n2 --offset=1 --json | python3 -c '
import json, sys
print([json.loads(l)["rank"] for l in sys.stdin])')" "[2, 3]" "attached values after the query"
check "$(zs 孵化器 --lim 1 | grep -c '^/')" 1 "a unique prefix of a long option"
check "$(zs -c 孵化器 -众创空间)" "$(zs -c '孵化器 -众创空间')" "-众创空间 after the query is an exclusion"
check "$(zs -c -- 孵化器 -x)" "$(zs -c '孵化器 -x')" "after --, -x is the query's"
out=$(zs 孵化器 -x 2>&1); rc=$?
check "$rc:$(echo "$out" | head -n 1)" \
    "2:zcsearch: -x: unknown option (a query word that starts with '-' goes after --)" \
    "-x before -- is an option, and the message says where it goes"
out=$(zs 孵化器 -n 2>&1); rc=$?
check "$rc:$(echo "$out" | head -n 1)" "2:zcsearch: -n: needs an argument" "-n at the end needs its value"
out=$(zs -n 2>&1); rc=$?
check "$rc" 2 "-n alone"

# 2. unknown field names and a space before the colon
out=$(zs 'isuer:湖北省科学技术厅' 2>&1); rc=$?
check "$rc" 2 "isuer: exit 2"
check "$(echo "$out" | sed -n 1p | cut -c1-42)" "zcsearch: query: unknown field 'isuer' (fi" "isuer: the message"
check "$(echo "$out" | sed -n 1p | grep -c 'title: .*issuer: .*path:')" 1 "isuer: the fields listed"
check "$(echo "$out" | sed -n 2,3p)" "  isuer:湖北省科学技术厅
  ^" "isuer: the caret under it"
out=$(zs '孵化器 titel:答复' 2>&1); rc=$?
check "$rc:$(echo "$out" | sed -n 3p)" "2:         ^" "titel: caret after 孵化器 (two columns each)"
out=$(zs 'title :答复' 2>&1); rc=$?
check "$rc:$(echo "$out" | sed -n 1p)" \
    "2:zcsearch: query: a space between 'title' and ':' (a field name takes its colon at once)" \
    "title :答复"
check "$(zs -c '联系人:张明' 2>/dev/null; echo "rc=$?")" "0
rc=1" "a colon after Chinese is text"
check "$(zs -c title:答复)" 2 "a known field still works"

# 5. -l -0
zs -l -0 孵化器 >"$tmp/nul"
check "$(tr '\0' '\n' <"$tmp/nul")" "$(zs -l 孵化器)" "-l -0: the paths of -l, NUL-ended"
check "$(tr -cd '\0' <"$tmp/nul" | wc -c | tr -d ' ')" "$(zs -c 孵化器)" "-l -0: one NUL per path"
check "$(tr -d '\0' <"$tmp/nul" | wc -l | tr -d ' ')" 0 "-l -0: no line feed"
out=$(zs -0 孵化器 2>&1); rc=$?
check "$rc:$(echo "$out" | head -n 1)" "2:zcsearch: -0: ends the paths of -l (give -l too)" "-0 without -l"

finish
