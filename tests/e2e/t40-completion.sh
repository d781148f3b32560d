#!/bin/sh
# Shell completion (scripts/completion): bash's, run for real, offers
# the options of each program's --help, the values zcsearch accepts for
# --count-by, --sort and --color, the fields of a query, directories
# after --db and files for zcindex; zsh's parses (when zsh is there);
# make install puts both where bash-completion and zsh look.
. "$(dirname "$0")/lib.sh"

comp="$top/scripts/completion"
# complete WORDS...: what bash completion offers for the last word
complete_words() {
	PATH="$ZC_BUILD:$PATH" bash -c '
		. "$1"; shift
		COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1))
		"_$1"
		printf "%s\n" "${COMPREPLY[@]}" | LC_ALL=C sort' sh "$comp/zhengce.bash" "$@"
}
help_opts() {
	"$ZC_BUILD/$1" --help | grep -oE -- '(^|[ ,])--?[a-zA-Z0-9][a-zA-Z0-9-]*' |
	    tr -d ' ,' | LC_ALL=C sort -u
}

check "$(complete_words zcsearch -)" "$(help_opts zcsearch)" "zcsearch -: every option of --help"
check "$(complete_words zcindex -)" "$(help_opts zcindex)" "zcindex -: every option of --help"
check "$(complete_words zcsearch --co | tr '\n' ' ')" "--color --context --count --count-by " "zcsearch --co"
facets=$("$zcsearch" --count-by nosuch x 2>&1 | sed -n 's/.*cannot count by it (\(.*\))/\1/p' |
    sed 's/, / /g; s/ or / /' | tr ' ' '\n' | LC_ALL=C sort)
check "$(complete_words zcsearch --count-by '')" "$facets" "--count-by: the values zcsearch takes"
check "$(complete_words zcsearch --count-by ye)" year "--count-by ye"
check "$(complete_words zcsearch --sort '' | tr '\n' ' ')" "-date date relevance " "--sort"
check "$(complete_words zcsearch --color '' | tr '\n' ' ')" "always auto never " "--color"
fields=$("$zcsearch" --help | sed -n 's/^Fields of a query: //p; s/^\(validity: .*\) (zcquery(7))\.$/\1/p' |
    sed 's/ (zcquery(7))\.//' | tr ' ' '\n' | grep ':$' | LC_ALL=C sort)
check "$(complete_words zcsearch '')" "$fields" "a query word: the fields of --help"
check "$(complete_words zcsearch 孵化器 is)" "issuer:" "is → issuer:"
mkdir -p "$tmp/dbs/one" "$tmp/dbs/two"
: >"$tmp/dbs/file"
check "$(complete_words zcsearch --db "$tmp/dbs/" | tr '\n' ' ')" "$tmp/dbs/one $tmp/dbs/two " "--db: directories only"
check "$(complete_words zcindex "$tmp/dbs/f")" "$tmp/dbs/file" "zcindex PATH: files"
check "$(complete_words zcsearch -n '')" "" "-n: nothing to offer"
if command -v zsh >/dev/null 2>&1; then
	zsh -n "$comp/_zhengce"
	check "$?" 0 "zsh parses _zhengce"
fi
make -s -C "$top" install DESTDIR="$tmp/root" PREFIX=/usr >/dev/null 2>&1
check "$?" 0 "make install"
for f in share/bash-completion/completions/zcsearch share/bash-completion/completions/zcindex \
    share/zsh/site-functions/_zhengce; do
	check "$([ -s "$tmp/root/usr/$f" ] && echo there)" there "installed: $f"
done

finish
