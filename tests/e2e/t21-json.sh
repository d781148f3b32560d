#!/bin/sh
# zcsearch --json on a copy of corpus/: for a dozen queries every line is
# one JSON object with exactly the documented keys, in order, with the
# right types; dates are ISO or null; highlights are sorted, disjoint
# code-point spans inside the passage that cover the query's text.
# Checked by python3's json module, never by grep.
. "$(dirname "$0")/lib.sh"

index_corpus
check "$?" 0 "zcindex exit status"

cat >"$tmp/check.py" <<'EOF'
import json, re, sys

KEYS = ["rank", "score", "path", "line", "passage_line", "page", "title", "index_no", "date",
        "written", "published", "issuer", "doc_no", "type", "category",
        "validity", "passage", "highlights", "matched", "copies", "group"]
query, must = sys.argv[1], sys.argv[2:]
problems = []
lines = sys.stdin.buffer.read().decode("utf-8").splitlines()
if not lines:
    problems.append("no hits")
last_rank = 0
prev_rank = 0
for n, line in enumerate(lines, 1):
    o = json.loads(line)
    if list(o) != KEYS:
        problems.append("line %d: keys %s" % (n, list(o)))
        continue
    if not isinstance(o["rank"], int) or o["rank"] < 1 or o["rank"] < last_rank:
        problems.append("line %d: rank %r" % (n, o["rank"]))
    last_rank = o["rank"]
    if not isinstance(o["score"], (int, float)) or isinstance(o["score"], bool):
        problems.append("line %d: score %r" % (n, o["score"]))
    if not isinstance(o["path"], str) or not o["path"].startswith("/"):
        problems.append("line %d: path %r" % (n, o["path"]))
    # a text file (or a DOCX) has lines, a PDF or an OFD pages instead
    paged = o["path"].endswith((".pdf", ".ofd"))
    if paged:
        if not isinstance(o["page"], int) or o["page"] < 1:
            problems.append("line %d: page %r" % (n, o["page"]))
        if o["line"] is not None or o["passage_line"] is not None:
            problems.append("line %d: page %r with line %r, passage_line %r"
                            % (n, o["page"], o["line"], o["passage_line"]))
    elif o["page"] is not None:
        problems.append("line %d: page %r" % (n, o["page"]))
    elif not isinstance(o["line"], int) or o["line"] < 1:
        problems.append("line %d: line %r" % (n, o["line"]))
    # the line of the first match, at or after the passage's first line
    elif (not isinstance(o["passage_line"], int) or o["passage_line"] < 1 or
            o["passage_line"] > o["line"]):
        problems.append("line %d: passage_line %r, line %r" %
                        (n, o["passage_line"], o["line"]))
    for k in ["title", "index_no", "date", "written", "published", "issuer",
              "doc_no", "type", "category", "validity"]:
        if o[k] is not None and not isinstance(o[k], str):
            problems.append("line %d: %s %r" % (n, k, o[k]))
    for k in ["date", "written", "published"]:
        if o[k] is not None and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", o[k]):
            problems.append("line %d: %s %r" % (n, k, o[k]))
    # the document's date is its 成文日期 when known, else its 发布日期
    if o["date"] != (o["written"] or o["published"]):
        problems.append("line %d: date %r, written %r, published %r" %
                        (n, o["date"], o["written"], o["published"]))
    if not isinstance(o["copies"], int) or o["copies"] < 0:
        problems.append("line %d: copies %r" % (n, o["copies"]))
    if o["group"] is not None and not re.fullmatch(r"[0-9a-f]{16}", o["group"]):
        problems.append("line %d: group %r" % (n, o["group"]))
    if o["validity"] not in (None, "有效", "失效", "废止", "已修订", "尚未生效"):
        problems.append("line %d: validity %r" % (n, o["validity"]))
    p = o["passage"]
    if not isinstance(p, str) or not p:
        problems.append("line %d: passage %r" % (n, p))
        continue
    hl = o["highlights"]
    end = -1
    for h in hl:
        if (not isinstance(h, list) or len(h) != 2 or
                not all(isinstance(x, int) for x in h) or
                not end < h[0] < h[1] <= len(p)):
            problems.append("line %d: highlight %r after %d" % (n, h, end))
            break
        end = h[1]
    marked = "".join(p[a:b] for a, b in hl)
    # a document's first passage shows every text; its further passages
    # (--per-doc) show at least one
    first = n == 1 or o["rank"] != prev_rank
    prev_rank = o["rank"]
    shown = [m for m in must if m in marked]
    if must and (shown != must if first else not shown):
        problems.append("line %d: %s not all highlighted in %r" % (n, must, marked))
for p in problems[:5]:
    print("%s: %s" % (query, p))
sys.exit(1 if problems else 0)
EOF

# QUERY then texts that every hit must show highlighted
while IFS='|' read -r q must; do
	# shellcheck disable=SC2086
	"$zcsearch" --db "$tmp/db" --json -n 0 --per-doc 2 "$q" |
	    python3 "$tmp/check.py" "$q" $must
	check "$?" 0 "--json $q"
done <<'EOF'
孵化器|孵化器
"科技企业孵化器"|科技企业孵化器
“沃壤行动”|沃壤行动
专精特新 date:2024..|专精特新
众创空间 OR 加速器|
孵化器 -众创空间|孵化器
title:答复 创新|
issuer:湖北省科学技术厅 专精特新|专精特新
index:011043145/2024-32081|
date:2021-08-16 营商环境|营商环境
published:2021-12-10 营商环境|营商环境
成文日期:2021年8月 营商环境|营商环境
"科技創新"|
gw*|GWP
孵化器 NEAR/5 免税|孵化器 免税
"增强高质量发展新动能"|
EOF

# the 2024-08-12 reply has every field but 文号: types of a full record
out=$("$zcsearch" --db "$tmp/db" --json -n 1 '"沃壤行动"' | python3 -c '
import json, sys
o = json.loads(sys.stdin.read())
print(" ".join(type(o[k]).__name__ for k in o))')
check "$out" "int float str int int NoneType str str str str str str NoneType str str str str list str int str" "key types of one hit"

# quotes, backslashes and control characters stay valid JSON
mkdir -p "$tmp/odd"
printf '关于测试的通知\n\n第一段正文内容比较长一些，以便成为一个段落。含有"引号"和\\反斜杠以及\001控制\t字符的段落测试文字，这里继续写一些文字使它足够长。\n' >"$tmp/odd/odd.txt"
"$zcindex" --db "$tmp/db" -q "$tmp/odd"
out=$("$zcsearch" --db "$tmp/db" --json 反斜杠 | python3 -c '
import json, sys
p = json.loads(sys.stdin.read())["passage"]
print(p[p.index("含有"):p.index("反斜杠") + 3])')
check "$out" '含有"引号"和\反斜杠' "quotes and backslash round-trip"

finish
