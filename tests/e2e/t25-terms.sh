#!/bin/sh
# The term scheme over corpus/: a word finds the longer words that
# contain it, an exact query finds text that its source splits with a
# space, Traditional characters find Simplified text, and every exact
# query finds exactly the documents whose normalised text contains it.
. "$(dirname "$0")/lib.sh"

index_corpus
check "$?" 0 "zcindex exit status"

# file names (sorted) that zcsearch -l lists for a query
found() {
	"$zcsearch" --db "$tmp/db" -l -- "$1" | sed 's,.*/,,' | sort
}
# file names whose text (rawtext.py's reading of the file: a text file's
# lines, a PDF's, DOCX's or OFD's text), with the whitespace between Han
# characters removed (zcindex's normalisation), contains the Han string $1
contain() {
	python3 - "$1" "$top/tests/e2e" "$tmp"/corpus/* <<'PY'
import re, sys, os
sys.path.insert(0, sys.argv[2])
import rawtext
han = r'[\u3400-\u9fff\uf900-\ufaff]'
for path in sys.argv[3:]:
    text = "\n".join(t for _, t in rawtext.visible_lines(path))
    text = re.sub(r'(?<=%s)\s+(?=%s)' % (han, han), '', text)
    if sys.argv[1] in text:
        print(os.path.basename(path))
PY
}

# 孵化 finds every document that holds 孵化器
contain 孵化器 >"$tmp/with"
found 孵化 >"$tmp/found"
check "$(wc -l <"$tmp/with" | tr -d ' ')" 6 \
    "every document of corpus/ but the DOCX and the OFD has 孵化器"
check "$(comm -23 "$tmp/with" "$tmp/found")" "" \
    "孵化 finds every document with 孵化器"

# "科技创新治理": the source writes 科技创新治 理; grep misses it, zhengce
# does not
check "$(grep -c 科技创新治理 "$tmp/corpus/004_c624585bce9b3aa8.txt")" 0 \
    "004's source splits 科技创新治理"
check "$(found '"科技创新治理"' | grep -c '^004_c624585bce9b3aa8.txt$')" 1 \
    '"科技创新治理" finds 004_c624585bce9b3aa8.txt'

# Traditional characters find the Simplified text
check "$(contain 科技创新 | wc -l | tr -d ' ')" 5 "corpus/ has 科技创新 (the text pages, not the attachments)"
check "$(found 科技創新)" "$(found 科技创新)" \
    "科技創新 finds what 科技创新 finds"
check "$(found '"科技創新"')" "$(contain 科技创新)" \
    '"科技創新" finds every 科技创新'
printf '关于台湾同胞投资企业的通知\n\n台湾同胞投资企业依法享有各项权利。\n' \
    >"$tmp/corpus/taiwan.txt"
"$zcindex" --db "$tmp/db" -q "$tmp/corpus"
check "$(found 臺灣)" "taiwan.txt" "臺灣 finds 台湾"

# exact queries: exactly the documents whose normalised text has them
for s in 孵化器 专精特新 高新技术企业 众创空间 营商环境 知识产权 湖北省 \
    科技创新治理 科技企业 人民政府 答复 的 创新; do
	check "$(found "\"$s\"")" "$(contain "$s")" \
	    "\"$s\" finds exactly the documents that contain it"
done

finish
