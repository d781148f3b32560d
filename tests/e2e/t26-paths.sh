#!/bin/sh
# path: names what zcindex stored, because both go through
# zc_path_resolve: a root given through a symbolic link is stored by its
# real path and path: through the same link finds it; relative and ~/
# paths start where the user is; a file given through a linked
# directory, and a link to a file met in a walk, are stored and found
# under their own names.
. "$(dirname "$0")/lib.sh"

real=$(cd "$tmp" && pwd -P)/real
mkdir -p "$real"
cp -R "$top/corpus" "$real/corpus"
ln -s real "$tmp/link"
ln -s 000_7e851b9a99e99ef3.txt "$real/corpus/alias.txt"
doc=$real/corpus/000_7e851b9a99e99ef3.txt
db=$tmp/db
zs() { "$zcsearch" --db "$db" "$@"; }

"$zcindex" --db "$db" -q "$tmp/link/corpus"
check "$?" 0 "zcindex through a linked directory"
check "$("$zcindex" --db "$db" --status | sed -n 's/^root: *//p')" "$real/corpus" "the root is stored by its real path"
check "$(zs -l 沃壤行动 | tr '\n' ' ')" "$doc $real/corpus/alias.txt " "a link to a file is indexed under its own name"

# absolute, through the link, with . and ..
check "$(zs -l "path:$tmp/link/corpus 沃壤行动" | head -n 1)" "$doc" "path: through a linked directory"
check "$(zs -c "path:$tmp/link/./corpus/../corpus 沃壤行动")" 2 "path: with . and .. after a link"
check "$(zs -l "path:$tmp/link/corpus/alias.txt")" "$real/corpus/alias.txt" "path: of a link to a file is that link only"
check "$(zs -l "path:$tmp/link/corpus/000_7e851b9a99e99ef3.txt")" "$doc" "path: of a file in a linked directory"

# relative, from a working directory reached through the link
cd "$tmp/link" || exit 2
check "$(zs -l 'path:corpus 沃壤行动' | head -n 1)" "$doc" "relative path: from a linked working directory"
cd corpus || exit 2
check "$(zs -l 'path:./000_7e851b9a99e99ef3.txt')" "$doc" "relative path: of a file"
check "$(zs -c 'path:. 孵化器')" "$(zs -c "path:$real/corpus 孵化器")" "path:. is the working directory"
check "$(HOME=$tmp/link zs -l 'path:~/corpus/000_7e851b9a99e99ef3.txt')" "$doc" "path: from ~/ through a linked HOME"
zs -l "path:$tmp/link/corpus/nosuch 沃壤行动"
check "$?" 1 "path: of a missing directory finds nothing"
cd "$top" || exit 2

# a file named on the command line through a linked directory is stored in
# the real directory, as a walk of that directory would store it
"$zcindex" --db "$tmp/db2" -q "$tmp/link/corpus/000_7e851b9a99e99ef3.txt"
check "$?" 0 "zcindex of one file through a linked directory"
check "$("$zcsearch" --db "$tmp/db2" -l 沃壤行动)" "$doc" "the file is stored in its real directory"
check "$("$zcsearch" --db "$tmp/db2" -l "path:$tmp/link/corpus/000_7e851b9a99e99ef3.txt")" "$doc" "and found through the link"
# indexing the directory afterwards replaces that document, not doubles it
"$zcindex" --db "$tmp/db2" -q "$real/corpus"
check "$("$zcsearch" --db "$tmp/db2" -c 沃壤行动)" 2 "one document per stored path (the file and its alias)"

finish
