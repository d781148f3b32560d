#!/bin/sh
# A path named on the command line that no longer exists loses its
# documents (counted as removed) and, for a folder, its recorded root; a
# sibling whose name it begins is untouched; a path the index never held
# is still an error.
. "$(dirname "$0")/lib.sh"

mkdir -p "$tmp/d/a" "$tmp/d/ab"
cp "$top/corpus/000_7e851b9a99e99ef3.txt" "$tmp/d/a/"
cp "$top/corpus/001_552c6465ef7f0f77.txt" "$tmp/d/ab/"
cp "$top/corpus/002_888f108bc29685f9.txt" "$tmp/d/single.txt"
"$zcindex" --db "$tmp/db" -q "$tmp/d/a" "$tmp/d/ab" "$tmp/d/single.txt"
check "$?" 0 "first run"
roots() { "$zcindex" --db "$tmp/db" --status | sed -n 's/^root: *//p'; }
check "$(roots)" "$(printf '%s\n' "$tmp/d/a" "$tmp/d/ab")" "two roots recorded"

rm -rf "$tmp/d/a" "$tmp/d/single.txt"
out=$("$zcindex" --db "$tmp/db" "$tmp/d/a" "$tmp/d/single.txt" 2>&1); rc=$?
check "$rc" 0 "a vanished folder and file are no error"
check "$(echo "$out" | sed -n 's/.*indexed \([0-9]*\), unchanged \([0-9]*\), removed \([0-9]*\), failed \([0-9]*\).*/\1 \2 \3 \4/p')" \
    "0 0 2 0" "both counted as removed"
check "$(roots)" "$tmp/d/ab" "--status no longer lists the vanished root"
check "$("$zcsearch" --db "$tmp/db" -l 沃壤行动)" "" "the vanished folder's document is gone"
check "$("$zcsearch" --db "$tmp/db" -c 'path:'"$tmp/d")" 1 "the sibling ab/ keeps its document"

out=$(cd "$tmp" && "$zcindex" --db "$tmp/db" nowhere 2>&1); rc=$?
check "$rc" 1 "a path never indexed and not there fails"
check "$(echo "$out" | head -n 1)" "zcindex: nowhere: No such file or directory" \
    "named as typed"
check "$(echo "$out" | sed -n 's/.*removed \([0-9]*\), failed \([0-9]*\).*/\1 \2/p')" \
    "0 1" "and counted as failed"

out=$("$zcindex" --db "$tmp/db" "$tmp/d/a" 2>&1); rc=$?
check "$rc:$(echo "$out" | head -n 1)" "1:zcindex: $tmp/d/a: No such file or directory" \
    "once removed, the folder is an unknown path again"

finish
