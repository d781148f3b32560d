#!/bin/sh
# The title is text of the document: words found only in a page's
# <title> or <meta name=ArticleTitle> match bare and quoted queries, in
# -l and -c too, as grep finds them in the raw file; title matches rank
# above body matches.
. "$(dirname "$0")/lib.sh"

mkdir -p "$tmp/pages"
cat >"$tmp/pages/tag.html" <<'HTML'
<html><head><meta charset="utf-8"><title>关于印发星火燎原试点办法的通知</title></head>
<body><p>各有关单位：现将有关事项通知如下，请认真贯彻执行。本办法自发布之日起施行。</p></body></html>
HTML
cat >"$tmp/pages/meta.html" <<'HTML'
<html><head><meta charset="utf-8"><meta name="ArticleTitle" content="关于开展晨曦计划申报工作的通知">
<title>通知公告</title></head>
<body><p>各区科技部门：请按要求组织申报，材料于月底前报送。联系人：张三。</p></body></html>
HTML
cat >"$tmp/pages/body.html" <<'HTML'
<html><head><meta charset="utf-8"><title>工作动态</title></head>
<body><p>本市召开会议，部署星火燎原试点和晨曦计划的后续工作，要求各单位抓好落实。</p></body></html>
HTML
"$zcindex" --db "$tmp/db" -q "$tmp/pages"
check "$?" 0 "index the pages"

for q in 星火燎原试点办法 '"星火燎原试点办法"' 晨曦计划申报 '"晨曦计划申报"'; do
	s=$(echo "$q" | tr -d '"')
	want=$(grep -lF "$s" "$tmp"/pages/*.html | sort)
	out=$("$zcsearch" --db "$tmp/db" -l "$q" | sort); rc=$?
	check "$rc:$out" "0:$want" "$q: -l is grep's set, a title-only page included"
	check "$("$zcsearch" --db "$tmp/db" -c "$q")" "$(echo "$want" | wc -l | tr -d ' ')" "$q: -c"
done

# in the title of one page and the body of another: the title ranks first
first=$("$zcsearch" --db "$tmp/db" --json -n 1 星火燎原 | jq -r .path)
check "$first" "$tmp/pages/tag.html" "a title match ranks above a body match"
check "$("$zcsearch" --db "$tmp/db" -c 星火燎原)" 2 "星火燎原: the title page and the body page"

finish
