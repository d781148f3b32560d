#!/bin/sh
# The man pages of zcsearch: clean under mandoc's linter, zcsearch(1)
# and --help list the same options, and every example query of
# zcquery(7) (each `.Dl $ zcsearch` line) finds something in corpus/.
. "$(dirname "$0")/lib.sh"

index_corpus
check "$?" 0 "zcindex exit status"

out=$(mandoc -Tlint -W warning "$top/man/zcsearch.1" "$top/man/zcquery.7" 2>&1)
check "$out" "" "mandoc -Tlint zcsearch.1 zcquery.7"

# The options of --help: the option lines, indented by two spaces.
"$zcsearch" --help | sed -n 's/^  \(-[^ ,]*\(, --[^ ]*\)\{0,1\}\).*/\1/p' |
    tr ',' '\n' | tr -d ' ' | sort -u >"$tmp/help"
# The options of zcsearch(1): the .It Fl lines of its option list.
sed -n 's/^\.It Fl //p' "$top/man/zcsearch.1" |
    sed 's/ Ar .*//; s/\\-/-/g; s/ , Fl /\n/g' | sed 's/^/-/; s/^--\([^-]\)/--\1/' |
    sort -u >"$tmp/man"
check "$(cat "$tmp/help")" "$(cat "$tmp/man")" "--help and zcsearch(1) list the same options"
check "$(wc -l <"$tmp/help" | tr -d ' ')" 28 "twenty-eight option names"

# mdoc escapes of the examples back to the characters a user types
unescape() {
	sed 's/\\(dq/"/g; s/\\e/\\/g; s/\\&//g; s/\\-/-/g'
}

# Every example of zcquery(7) from the folder that holds corpus/, so that
# path:corpus means the copy.
cd "$tmp" || exit 2
sed -n 's/^\.Dl \$ zcsearch //p' "$top/man/zcquery.7" | unescape >"$tmp/examples"
check "$(wc -l <"$tmp/examples" | tr -d ' ')" 38 "zcquery(7) has 38 examples"
while IFS= read -r args; do
	eval "set -- $args"
	n=$("$zcsearch" --db "$tmp/db" -c -- "$@" 2>&1); rc=$?
	check "$rc:$([ "$n" -ge 1 ] 2>/dev/null && echo found)" "0:found" "zcquery(7): zcsearch $args"
done <"$tmp/examples"

# The examples of zcsearch(1) that are not pipelines run and find hits.
sed -n 's/^\.Dl \$ zcsearch //p' "$top/man/zcsearch.1" | unescape |
    grep -v '[|;]' >"$tmp/examples1"
while IFS= read -r args; do
	eval "set -- $args"
	"$zcsearch" --db "$tmp/db" "$@" >/dev/null 2>&1
	check "$?" 0 "zcsearch(1): zcsearch $args"
done <"$tmp/examples1"

# The pipeline with xargs -0: every matching file listed once.
out=$("$zcsearch" --db "$tmp/db" -l -0 孵化器 | xargs -0 ls -l | wc -l | tr -d ' ')
check "$out" "$("$zcsearch" --db "$tmp/db" -c 孵化器)" "zcsearch(1): -l -0 | xargs -0 ls -l lists each file"

# The quickfix list for vim: path:line:column:text lines that vim -q
# reads (its default errorformat takes %f:%l:%c:%m).
"$zcsearch" --db "$tmp/db" --vimgrep -n 5 孵化器 >"$tmp/matches"
# (a PDF's or an OFD's line is its page, p1: not a line vim can go to)
check "$?:$(grep -cv '^/[^:]*:p*[0-9][0-9]*:[0-9][0-9]*:.' "$tmp/matches")" "0:0" \
    "zcsearch(1): --vimgrep -n 5 writes path:line:column:text lines"
check "$(grep -c '^/[^:]*\.\(pdf\|ofd\):p[0-9][0-9]*:' "$tmp/matches"):$(grep -c '^/[^:]*\.txt:[0-9]' "$tmp/matches")" \
    "$(grep -c '^/[^:]*\.\(pdf\|ofd\):' "$tmp/matches"):$(grep -c '^/[^:]*\.txt:' "$tmp/matches")" \
    "zcsearch(1): --vimgrep: pages in a PDF or an OFD, lines elsewhere"
if command -v vim >/dev/null 2>&1; then
	# of the text files' matches, vim goes to the first (a page is
	# no place in a file vim can go to)
	grep '^/[^:]*:[0-9]' "$tmp/matches" >"$tmp/text-matches"
	first=$(head -n 1 "$tmp/text-matches" | cut -d: -f1-3)
	out=$(cd "$tmp" && vim -es -N -u NONE -q "$tmp/text-matches" \
	    +'call writefile([expand("%:p") . ":" . line(".") . ":" . col(".")], "'"$tmp"'/at")' \
	    +'qa!' </dev/null >/dev/null 2>&1; cat "$tmp/at" 2>/dev/null)
	check "$out" "$first" "zcsearch(1): vim -q lands on the first match"
fi

# The pipelines of zcsearch(1) with jq: run the jq one for real.
out=$("$zcsearch" --db "$tmp/db" --json -n 0 孵化器 | jq -r '[.date, .title] | @tsv' | head -n 1)
check "$(echo "$out" | cut -f 1 | grep -c '^20[0-9][0-9]-')" 1 "zcsearch(1): the jq example prints date and title"

finish
