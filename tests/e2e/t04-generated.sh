#!/bin/sh
# The committed generated tables equal what their generators print now:
# lib/gen/lexicon_data.h from data/lexicon.txt, lib/gen/t2s_table.h from
# ICU's transform; and make rebuilds the lexicon table when the lexicon
# changes, so an added word is one word at the next plain make; corpus/'s
# attachments are scripts/gen-corpus-attachments.sh's.
. "$(dirname "$0")/lib.sh"

(cd "$top" && scripts/gen-lexicon.sh data/lexicon.txt) >"$tmp/lexicon_data.h"
check "$(cmp -s "$tmp/lexicon_data.h" "$top/lib/gen/lexicon_data.h" && echo same)" \
    same "lib/gen/lexicon_data.h is data/lexicon.txt's"

cc -std=c11 -O1 -o "$tmp/gen-t2s" "$top/scripts/gen-t2s.c" \
    $(pkg-config --cflags --libs icu-i18n icu-uc) 2>"$tmp/cc.err"
check "$?" 0 "gen-t2s compiles: $(head -n 3 "$tmp/cc.err")"
"$tmp/gen-t2s" >"$tmp/t2s_table.h"
check "$(cmp -s "$tmp/t2s_table.h" "$top/lib/gen/t2s_table.h" && echo same)" \
    same "lib/gen/t2s_table.h is ICU's transform"

# corpus/'s attachments are what scripts/gen-corpus-attachments.sh writes
mkdir -p "$tmp/attachments"
sh "$top/scripts/gen-corpus-attachments.sh" "$tmp/attachments"
check "$?" 0 "gen-corpus-attachments.sh runs"
# (a ZIP's members compared, not its bytes: zlib's output may differ
# from one version to another)
same_file() {
	case $1 in
	*.docx | *.ofd) python3 -c '
import sys, zipfile
a, b = (zipfile.ZipFile(p) for p in sys.argv[1:3])
same = a.namelist() == b.namelist() and all(
    a.read(n) == b.read(n) for n in a.namelist())
sys.exit(0 if same else 1)' "$1" "$2" ;;
	*) cmp -s "$1" "$2" ;;
	esac
}
for f in "$tmp"/attachments/*; do
	check "$(same_file "$f" "$top/corpus/$(basename "$f")" && echo same)" same \
	    "corpus/$(basename "$f") is the generator's"
done
check "$(ls "$tmp/attachments" | wc -l | tr -d ' ')" 3 "three attachments"

# A word added to the lexicon of a copy of the tree is one word after a
# plain make (the copy builds only what the segmenter needs).
mkdir -p "$tmp/tree"
(cd "$top" && tar -cf - Makefile include lib scripts data indexer searcher) |
    (cd "$tmp/tree" && tar -xf -)
word=湖北光谷科创走廊
before=$(printf '%s\n' "$word" | "$zcindex" --segment 2>/dev/null)
check "$([ "$before" != "$word" ] && echo split)" split "$word is split before"
printf '%s\n' "$word" >>"$tmp/tree/data/lexicon.txt"
touch "$tmp/tree/data/lexicon.txt"
make -s -j2 -C "$tmp/tree" BUILD="$tmp/build" OPT=-O0 SAN= "$tmp/build/zcindex" \
    >"$tmp/make.log" 2>&1
check "$?" 0 "plain make of the copy: $(tail -n 3 "$tmp/make.log")"
after=$(printf '%s\n' "$word" | "$tmp/build/zcindex" --segment 2>/dev/null)
check "$after" "$word" "$word is one word after make"

finish
