#!/bin/sh
# zcindex's command line: --help and zcindex(1) list the same options,
# usage errors exit 2, --status and --version answer.
. "$(dirname "$0")/lib.sh"

help_opts=$("$zcindex" --help | grep -oE '(^| )--?[a-zA-Z0-9-]+' | tr -d ' ' | grep -v '^-$' | sort -u)
man_opts=$(sed -n 's/^\.It Fl \(.*\)$/\1/p' "$top/man/zcindex.1" |
	sed 's/ Ar .*//; s/\\-/-/g; s/ , Fl /\n/g' | sed 's/^/-/' | sort -u)
check "$help_opts" "$man_opts" "--help and zcindex(1) list the same options"

check "$(mandoc -Tlint -W warning "$top"/man/* 2>&1)" "" "mandoc -Tlint is clean"

"$zcindex" --version | grep -qE '^zcindex [0-9]+\.[0-9]+'
check "$?" 0 "--version"

"$zcindex" --no-such-option >/dev/null 2>&1
check "$?" 2 "unknown option exits 2"
out=$("$zcindex" --db "$tmp/db" 2>&1); rc=$?
check "$rc" 2 "no PATH exits 2"
check "$(echo "$out" | head -n 1)" "zcindex: no PATH to index" "no PATH message"
out=$("$zcindex" -j 0 x 2>&1); rc=$?
check "$rc" 2 "-j 0 exits 2"
check "$(echo "$out" | head -n 1)" "zcindex: -j 0: not a number from 1 to 256" "-j 0 message"

out=$("$zcindex" --db "$tmp/db" "$tmp/missing" 2>&1); rc=$?
check "$rc" 1 "a missing path fails the run"
check "$(echo "$out" | head -n 1)" "zcindex: $tmp/missing: No such file or directory" "missing path message"

out=$("$zcindex" --db "$tmp/none" --status 2>&1); rc=$?
check "$rc" 2 "--status without a database exits 2"

index_corpus
out=$("$zcindex" --db "$tmp/db" --status)
check "$(echo "$out" | sed -n 's/^documents: *//p')" "$n_corpus" "--status documents"
check "$(echo "$out" | sed -n 's/^root: *//p')" "$tmp/corpus" "--status root"
check "$(echo "$out" | sed -n 's/^passages: *//p')" \
    "$("$zcindex" --dump "$tmp"/corpus/* | grep -c '^p*[0-9]')" "--status passages = passages of --dump"

# paths from stdin, NUL-separated
(cd "$tmp/corpus" && find . -type f -print0) >"$tmp/list0"
out=$(cd "$tmp/corpus" && "$zcindex" --db "$tmp/db0" -0 - <"$tmp/list0" 2>&1 |
	sed -n 's/^zcindex: \(indexed [0-9]*\),.*/\1/p')
check "$out" "indexed $n_corpus" "-0 - reads NUL-separated paths"

# --help names every extension a walk indexes (lib/ingest/decode.c)
missing=$(sed -n '/^} extensions\[\] = {/,/^};/p' "$top/lib/ingest/decode.c" |
    grep -o '{ "[a-z]*"' | cut -d'"' -f2 | while read -r ext; do
	"$zcindex" --help | grep -q -- "\.$ext\([ ).]\|\$\)" || echo "$ext"
done)
check "$missing" "" "--help names every extension of the walk"

# --exclude skips matching files
out=$("$zcindex" --db "$tmp/dbx" --exclude '00[0-2]_*' "$tmp/corpus" 2>&1 |
	sed -n 's/^zcindex: \(indexed [0-9]*\),.*/\1/p')
check "$out" "indexed $((n_corpus - 3))" "--exclude"

# a walk indexes the extensions of zc_format_indexable, in any case; a
# file named on the command line whatever its name
mkdir -p "$tmp/exts"
for f in a.TXT b.xhtml c.Markdown d.pdf e.txt.bak README f.; do
	echo "扩展名测试" >"$tmp/exts/$f"
done
"$zcindex" --db "$tmp/dbe" -q "$tmp/exts" "$tmp/exts/README"
check "$("$zcsearch" --db "$tmp/dbe" -l 扩展名测试 | sed 's,.*/,,' | LC_ALL=C sort | tr '\n' ' ')" \
    "README a.TXT b.xhtml c.Markdown " "a walk indexes .txt .xhtml .markdown in any case, and named files"

finish
