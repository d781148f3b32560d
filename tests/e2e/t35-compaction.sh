#!/bin/sh
# zcindex compacts the database when a run rewrote a tenth of its
# documents or more: the folder then holds the stub XAPIANDB and one
# generation, the next one, and searches find the same.  A run that
# changed less leaves the generation as it is; what a killed compaction
# left is removed by the next run, and nothing that is not Xapian's.
. "$(dirname "$0")/lib.sh"

mkdir -p "$tmp/d"
i=0
for f in "$top"/corpus/*.txt; do
	for k in 1 2 3 4; do
		i=$((i + 1))
		cp "$f" "$tmp/d/$i.txt"
	done
done
n=$(ls "$tmp/d" | wc -l | tr -d ' ')
gens() { ls "$tmp/db" | tr '\n' ' '; }

"$zcindex" --db "$tmp/db" -q "$tmp/d"
check "$?" 0 "first run"
check "$(gens)" "XAPIANDB g2 " "a new database is compacted into its second generation"
check "$(cat "$tmp/db/XAPIANDB")" "glass g2" "the stub names it"
size=$("$zcindex" --db "$tmp/db" --status | sed -n 's/^size: *\([0-9.]*\) MB$/\1/p')
kb=$(du -sk "$tmp/db" | cut -f1)
check "$(awk -v s="$size" -v k="$kb" 'BEGIN { r = s * 1e6 / (k * 1024); print (r > 0.8 && r <= 1.0) ? "du" : s " MB, du " k " KB" }')" du \
    "--status counts the generation's files"
before=$("$zcsearch" --db "$tmp/db" -l 沃壤行动 | sort)
check "$(echo "$before" | wc -l | tr -d ' ')" 4 "and it is searched"

printf "\n\n新增一段孵化器\n" >> "$tmp/d/1.txt"
"$zcindex" --db "$tmp/db" -q "$tmp/d"
check "$(gens)" "XAPIANDB g2 " "one file of $n changed: no compaction"
check "$("$zcsearch" --db "$tmp/db" -l 新增一段孵化器)" "$tmp/d/1.txt" "its change is searched"

for f in "$tmp"/d/*.txt; do printf "\n\n再加一行\n" >> "$f"; done
mkdir "$tmp/db/g9" "$tmp/db/g5"
echo junk > "$tmp/db/g9/iamglass"
echo mine > "$tmp/db/g5/notes.txt"
"$zcindex" --db "$tmp/db" -q "$tmp/d"
check "$?" 0 "every file changed"
check "$(gens)" "XAPIANDB g5 g6 " "compacted again past every gN; the killed run's g9 is gone"
check "$(cat "$tmp/db/g5/notes.txt")" mine "a folder that is no generation stays"
check "$("$zcsearch" --db "$tmp/db" -l 沃壤行动 | sort)" "$before" "the same files found"
check "$("$zcsearch" --db "$tmp/db" -c 再加一行)" "$n" "with their changes"

finish
