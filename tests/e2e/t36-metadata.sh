#!/bin/sh
# The fields of issue 16 round-trip: each document below is indexed, its
# fields come back in --json, --tsv and zcindex --dump with the values
# it says, and a query on each field (English and Chinese names, the
# date grammar of date:) finds exactly the documents that have it.
. "$(dirname "$0")/lib.sh"

mkdir -p "$tmp/docs"
cd "$tmp/docs" || exit 2
# two versions of one law: only their history lines tell them apart
law() {
	printf '# 中华人民共和国会计法\n\n1985年1月21日 第六届全国人民代表大会常务委员会第九次会议通过\n\n'
	printf '%s\n\n<!-- INFO END -->\n\n## 第一章 总则\n\n第一条 为了规范会计行为，制定本法。\n' "$1"
}
law '2017年11月4日 第十二届全国人民代表大会常务委员会第三十次会议《关于修改<中华人民共和国会计法>等十一部法律的决定》第二次修正' >'会计法(2017-11-04).md'
law '2024年6月28日 第十四届全国人民代表大会常务委员会第十次会议《关于修改〈中华人民共和国会计法〉的决定》第三次修正' >'会计法(2024-06-28).md'
printf '某某促进中小企业发展的通知\n成文日期：2024年5月6日 发布日期：2024年5月9日\n主题分类：工业、交通\\中小企业 时效性：现行有效\n正文。\n' >notice.txt
printf '某某批复\n发布时间：2023-02-01\n正文。\n某某市人民政府\n2023年1月20日\n' >reply.txt
printf -- '---\ntitle: 关于加强科技创新的意见\nbookCollapseSection: true\ndate: 2022-03-01\n---\n\n正文。\n' >front.md
"$zcindex" --db "$tmp/db" -q "$tmp/docs"
check "$?" 0 "zcindex"

zs() { "$zcsearch" --db "$tmp/db" "$@"; }
field() { # FILE KEY: the key of that file's hit for a query on its name
	zs --json -n 0 "path:$tmp/docs/$1" | python3 -c '
import json, sys
print(json.loads(sys.stdin.readline())[sys.argv[1]])' "$2"
}
check "$(field '会计法(2024-06-28).md' date)" 2024-06-28 "a law's date is its version's"
check "$(field '会计法(2017-11-04).md' date)" 2017-11-04 "the older version has its own"
check "$(field '会计法(2024-06-28).md' written)" 1985-01-21 "written: the first adoption"
check "$(field '会计法(2024-06-28).md' issuer)" 全国人民代表大会常务委员会 "a law's issuer"
check "$(field '会计法(2024-06-28).md' type)" 法 "a law's type"
check "$(field notice.txt written)" 2024-05-06 "成文日期"
check "$(field notice.txt published)" 2024-05-09 "发布日期"
check "$(field notice.txt date)" 2024-05-06 "the date is the written one"
check "$(field notice.txt category)" '工业、交通\中小企业' "主题分类 with its levels"
check "$(field notice.txt validity)" 有效 "时效性 normalised"
check "$(field notice.txt type)" 通知 "文种 from the title"
check "$(field reply.txt written)" 2023-01-20 "the 落款 is the written date"
check "$(field reply.txt published)" 2023-02-01 "发布时间 is the published date"
check "$(field front.md title)" 关于加强科技创新的意见 "front matter's title"
check "$(field front.md published)" 2022-03-01 "front matter's date"

# queries: the set of file names each finds
names() { zs -l "$@" | sed 's|.*/||' | LC_ALL=C sort | tr '\n' ' '; }
check "$(names 'date:2024 会计')" '会计法(2024-06-28).md ' "date:2024 tells the 2024 revision from 1985"
check "$(names 'written:1985 会计')" '会计法(2017-11-04).md 会计法(2024-06-28).md ' "written:1985"
check "$(names '成文日期:2024-05')" 'notice.txt ' "成文日期:"
check "$(names 'published:2024-05-09')" 'notice.txt ' "published: a day"
check "$(names '发布日期:2023..2023-02')" 'reply.txt ' "发布日期: a range"
check "$(names 'published:..2022')" 'front.md ' "published: an open range"
check "$(names 'type:法')" '会计法(2017-11-04).md 会计法(2024-06-28).md ' "type:"
check "$(names '文种:批复')" 'reply.txt ' "文种:"
check "$(names 'category:中小企业')" 'notice.txt ' "category: one level"
check "$(names '主题分类:工业、交通')" 'notice.txt ' "主题分类: the other level"
check "$(names 'category:工业、交通\中小企业')" 'notice.txt ' "category: the whole"
check "$(names 'validity:有效')" 'notice.txt ' "validity: the normal form"
check "$(names '时效性:现行有效')" 'notice.txt ' "时效性: a word folded to it"
check "$(names 'issuer:全国人民代表大会常务委员会')" '会计法(2017-11-04).md 会计法(2024-06-28).md ' "issuer: of a law"
check "$(zs --json -n 1 --sort -date 会计 | python3 -c 'import json,sys; print(json.load(sys.stdin)["date"])')" 2024-06-28 "--sort -date puts the revision first"

# TSV carries every key, in the JSON's order
zs --tsv -n 0 'path:'"$tmp/docs/notice.txt" >"$tmp/tsv"
check "$(head -n 1 "$tmp/tsv" | cut -f 9-16 | tr '\t' ' ')" "date written published issuer doc_no type category validity" "TSV keys"
check "$(sed -n 2p "$tmp/tsv" | cut -f 9-11,14-16 | tr '\t' ' ')" '2024-05-06 2024-05-06 2024-05-09 通知 工业、交通\\中小企业 有效' "TSV values"
# the text output's bracket line shows the 文号 (a law's 令 here none)
printf '某某通知\n文号：鄂政发〔2024〕3号\n发布日期：2024年5月9日\n正文内容。\n' >"$tmp/docs/numbered.txt"
"$zcindex" --db "$tmp/db" -q "$tmp/docs"
check "$(zs --color=never 正文内容 | sed -n 2p)" '[2024-05-09 · 鄂政发〔2024〕3号]' "the bracket line shows 文号"
# --dump shows the fields too
check "$("$zcindex" --dump "$tmp/docs/notice.txt" | sed -n 2p | python3 -c 'import json,sys; o=json.load(sys.stdin); print(o["written"], o["published"], o["type"])')" "2024-05-06 2024-05-09 通知" "--dump"
finish
