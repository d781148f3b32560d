#!/bin/sh
# zcsearch output on corpus/ compared with tests/golden/search-*, the
# temporary folder masked as TMP and scores as SCORE.  After a deliberate
# change of the pipeline or the ranking, ZC_UPDATE_GOLDEN=1 rewrites the
# files; review the diff before committing it.
. "$(dirname "$0")/lib.sh"

index_corpus
check "$?" 0 "zcindex exit status"
golden=$top/tests/golden

mask() {
	sed "s|$tmp|TMP|g" |
	    sed 's/"score":[0-9.e+-]*/"score":SCORE/; s/^\([0-9]*\)	[0-9.e+-]*	/\1	SCORE	/'
}

# NAME then the arguments of zcsearch
while IFS='|' read -r name args; do
	eval "set -- $args"
	"$zcsearch" --db "$tmp/db" --color=never "$@" | mask >"$tmp/$name"
	if [ "${ZC_UPDATE_GOLDEN:-}" = 1 ]; then
		cp "$tmp/$name" "$golden/search-$name"
	fi
	check "$(diff "$golden/search-$name" "$tmp/$name" 2>&1)" "" "golden search-$name"
done <<'EOF'
text-fuhuaqi|-n 3 孵化器
text-per-doc|-n 2 --per-doc 2 '"众创空间"'
json-worang|--json '“沃壤行动”'
json-date|--json --sort -date -n 3 'date:2024 孵化'
tsv-index|--tsv 'index:011043145/2025-32703 科技'
list-date|-l --sort date 科技创新
count|-c 'title:行动方案'
EOF

finish
