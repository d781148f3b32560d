#!/bin/sh
# Searches keep working while zcindex commits: 200 searches in a loop
# against a database being updated; none may fail.
. "$(dirname "$0")/lib.sh"

fill_docs "$tmp/docs" 300
cp "$top"/corpus/*.txt "$tmp/docs/"
"$zcindex" --db "$tmp/db" -q "$top/corpus"

"$zcindex" --db "$tmp/db" -q --batch 10 "$tmp/docs" &
writer=$!
fails=0
i=0
while [ "$i" -lt 200 ]; do
	"$zcsearch" --db "$tmp/db" -n 5 孵化 >/dev/null 2>"$tmp/err"
	rc=$?
	if [ "$rc" -ne 0 ]; then
		fails=$((fails + 1))
		cat "$tmp/err"
	fi
	i=$((i + 1))
done
wait "$writer"
check "$?" 0 "writer finished"
check "$fails" 0 "200 searches during indexing, failures"

finish
