#!/bin/sh
# zcsearch and zcindex at the shell, with the habits of grep and ripgrep
# users (issue 18): options after the query, "--", unknown field names
# and a space before a field's colon as errors with a caret, -l -0 for
# xargs -0, errors that say what happened, zcindex --update and the
# writer in --status.  Every check asserts the output and the exit
# status.
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

# 6. errors say what happened
echo text >"$tmp/regular"
out=$(zs --db "$tmp/regular" 孵化器 2>&1); rc=$?
check "$rc:$out" "2:zcsearch: $tmp/regular: not a directory, nor a stub file listing databases" "zcsearch --db FILE"
out=$("$zcindex" --db "$tmp/regular" "$tmp/corpus" 2>&1); rc=$?
check "$rc:$out" "2:zcindex: $tmp/regular: cannot open for writing: not a directory" "zcindex --db FILE"
out=$("$zcindex" --db "$tmp/regular" --status 2>&1); rc=$?
check "$rc:$out" "2:zcindex: $tmp/regular: not a directory, nor a stub file listing databases" "zcindex --status --db FILE"
if [ "$(id -u)" -eq 0 ] && command -v setpriv >/dev/null 2>&1; then
	cp -R "$tmp/db" "$tmp/private"
	chmod 700 "$tmp/private"
	chmod 755 "$tmp"
	as_nobody() { setpriv --reuid=nobody --regid=nogroup --clear-groups "$@"; }
	out=$(as_nobody "$zcsearch" --db "$tmp/private" 孵化器 2>&1); rc=$?
	check "$rc:$out" "2:zcsearch: $tmp/private: permission denied" "zcsearch: an unreadable database"
	out=$(as_nobody "$zcindex" --db "$tmp/private" "$tmp/corpus" 2>&1); rc=$?
	check "$rc:$out" "2:zcindex: $tmp/private: cannot open for writing: permission denied" \
	    "zcindex: a database it may not write"
	out=$(as_nobody "$zcindex" --db "$tmp/private" --status 2>&1); rc=$?
	check "$rc:$out" "2:zcindex: $tmp/private: permission denied" "zcindex --status: unreadable"
fi
all=$(cat "$tmp"/*.err 2>/dev/null; zs --db "$tmp/regular" x 2>&1; "$zcindex" --db "$tmp/regular" x 2>&1)
check "$(printf '%s' "$all" | grep -c 'Error\b')" 0 "no Xapian class names in messages"
if [ -w /dev/full ]; then
	"$zcindex" --db "$tmp/db" --status >/dev/full 2>"$tmp/full.err"; rc=$?
	check "$rc:$(cat "$tmp/full.err")" "2:zcindex: stdout: No space left on device" "--status > /dev/full"
fi
out=$(zs '，。！' 2>&1); rc=$?
check "$rc:$(echo "$out" | head -n 1)" "2:zcsearch: query: empty query (only punctuation; quote it to search for it)" \
    "punctuation alone"
check "$(zs -c '"，"')" "$(raw_grep_l -G '[,，]' "$tmp"/corpus/* | wc -l | tr -d ' ')" "quoted punctuation is searched (NFKC folds ， to ,)"
out=$(zs --lexicon "$tmp/nonexistent" 孵化器 2>&1); rc=$?
check "$rc:$out" "2:zcsearch: $tmp/nonexistent: No such file or directory" "zcsearch --lexicon missing: the path once"
out=$("$zcindex" --db "$tmp/lexdb" --lexicon "$tmp/nonexistent" "$tmp/corpus" 2>&1); rc=$?
check "$rc:$out" "2:zcindex: $tmp/nonexistent: No such file or directory" "zcindex --lexicon missing: once, nothing done"
check "$([ -e "$tmp/lexdb" ] && echo created || echo none)" none "zcindex --lexicon missing: no database made"

# 7. zcindex --update and the writer in --status
mkdir -p "$tmp/up/a" "$tmp/up/b"
cp "$top"/corpus/000_* "$tmp/up/a/"
cp "$top"/corpus/001_* "$tmp/up/b/"
"$zcindex" --db "$tmp/updb" -q "$tmp/up/a" "$tmp/up/b"
cp "$top"/corpus/002_* "$tmp/up/a/"
rm "$tmp"/up/b/001_*
out=$(cd / && "$zcindex" --db "$tmp/updb" --update 2>&1); rc=$?
check "$rc:$(echo "$out" | sed 's/;.*//')" "0:zcindex: indexed 1, unchanged 1, removed 1, failed 0" \
    "--update: the recorded paths, from any directory"
check "$("$zcsearch" --db "$tmp/updb" -l 孵化 | sed 's,.*/,,' | LC_ALL=C sort | tr '\n' ' ')" \
    "000_7e851b9a99e99ef3.txt 002_888f108bc29685f9.txt " "--update: new file in, gone file out"
out=$("$zcindex" --db "$tmp/updb" --update "$tmp/up/a" 2>&1); rc=$?
check "$rc:$(echo "$out" | head -n 1)" "2:zcindex: --update takes no PATH (it indexes the paths the database records)" \
    "--update with a PATH"
out=$("$zcindex" --db "$tmp/nodb" --update 2>&1); rc=$?
check "$rc:$out" "2:zcindex: $tmp/nodb: no index here (run zcindex PATH first)" "--update without a database"
check "$("$zcindex" --db "$tmp/updb" --status | sed -n 's/^writer: *//p')" none "--status: no writer"
build_helper hold-lock
"$tmp/hold-lock" "$tmp/updb" 3 >"$tmp/held" &
holder=$!
i=0
while [ "$(cat "$tmp/held")" != locked ] && [ "$i" -lt 50 ]; do sleep 0.1; i=$((i + 1)); done
check "$("$zcindex" --db "$tmp/updb" --status | sed -n 's/^writer: *//p')" \
    "another zcindex holds the lock (a run is under way)" "--status: a writer holds the lock"
out=$("$zcindex" --db "$tmp/updb" --update 2>&1); rc=$?
check "$rc:$out" "2:zcindex: $tmp/updb: locked by another zcindex" "--update while locked"
wait "$holder"

finish
