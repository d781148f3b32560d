#!/bin/sh
# PDF attachments (issue 19, item 1 and the PDF half of 5): the text
# layer through poppler, page by page; a sentence across the page break
# and a word across a line are found as exact text; a running header is
# out of the flow and kept once, the page numbers are not kept; the page
# is the location (path:p2:, "page" in JSON); scanned, encrypted and broken
# files are reported and skipped while the rest is committed.  The PDFs
# are written by scripts/gen-pdf.py, a text layer with a ToUnicode map.
. "$(dirname "$0")/lib.sh"

gen="$top/scripts/gen-pdf.py"
mkdir -p "$tmp/docs" "$tmp/bad"
HEADER='湖北省科学技术厅文件' python3 "$gen" "$tmp/docs/notice.pdf" \
    '关于推进孵化器建设的通知' \
    '关于推进孵化器建设的通知|各市、州科技局：|为加快科技企业孵化器建设，优化创新创业生态，现就有关事项通知如下。一是加强|载体布局，推进专业化的科技企业孵|化器高质量发展，建成一批专业化的科技企业孵化器和众创空间，并推进' \
    '孵化载体建设工作。二是完善服务体系，提升孵化能力，开展创业辅导和投融资对接活动。|湖北省科学技术厅|2024年3月1日'
check "$?" 0 "gen-pdf.py notice.pdf"
NOTEXT=1 python3 "$gen" "$tmp/bad/scan.pdf" 扫描件 x y
ENCRYPT=1 python3 "$gen" "$tmp/bad/locked.pdf" 加密文件 '加密的文件内容写在这里。'
head -c 2000 "$tmp/docs/notice.pdf" >"$tmp/bad/cut.pdf"
zs() { "$zcsearch" --db "$tmp/db" --color=never "$@"; }
P=$tmp/docs/notice.pdf

# ---- what the pipeline makes of it --------------------------------------
"$zcindex" --dump "$P" >"$tmp/dump"; rc=$?
check "$rc:$(head -n 1 "$tmp/dump" | cut -f 2)" "0:pdf" "--dump: the format is pdf"
check "$(grep -c '湖北省科学技术厅文件' "$tmp/dump")" 1 "the running header is kept once"
check "$(grep -c -- '- [0-9] -' "$tmp/dump")" 0 "the page numbers are pagination, not kept"
check "$(grep -c '并推进孵化载体建设工作' "$tmp/dump")" 1 \
    "the sentence across the page break is one passage"
check "$(grep '并推进孵化载体' "$tmp/dump" | cut -f 1)" p1 \
    "--dump: a passage's number is the page where it starts, p1"
check "$(sed -n 2p "$tmp/dump" | jq -r '"\(.title)|\(.issuer)|\(.date)"')" \
    "关于推进孵化器建设的通知|湖北省科学技术厅|2024-03-01" \
    "metadata as a reader sees it: title, the 落款's issuer and date"

# the document information: its Title and CreationDate, the weakest
# sources, name a PDF whose text has neither
python3 "$gen" "$tmp/undated.pdf" '信息字典中的标题' \
    '正文没有标题也没有日期，只有一段说明文字，用来检验元数据的来源。' \
    '第二页继续说明，仍然没有日期和落款。'
check "$("$zcindex" --dump "$tmp/undated.pdf" | sed -n 2p | jq -r '"\(.title)|\(.published)|\(.date)"')" \
    "信息字典中的标题|2024-03-01|2024-03-01" "Title and CreationDate when the text has none"

# ---- search ----------------------------------------------------------------
"$zcindex" --db "$tmp/db" -q "$tmp/docs"
check "$?" 0 "zcindex indexes the .pdf of a folder"
out=$(zs '"并推进孵化载体建设工作"'); rc=$?
check "$rc:$(echo "$out" | head -n 1)" "0:$P:p1: 关于推进孵化器建设的通知" \
    "exact text across the page break; text names its page"
check "$(zs -c '"推进专业化的科技企业孵化器高质量发展"')" 1 \
    "a word split across a line is found whole"
check "$(zs --json '"提升孵化能力"' | jq -c '[.line, .passage_line, .page]')" \
    "[null,null,2]" "JSON: page 2, no line"
check "$(zs --tsv '"提升孵化能力"' | sed -n 2p | cut -f 4-6)" "		2" \
    "TSV: the page column"
check "$(zs --json '"2024年3月1日"' | jq -r .page)" 2 "the 落款 on page 2"
check "$(zs -c 湖北省科学技术厅文件)" 1 "the running header is searchable"
check "$(zs --vimgrep '"提升孵化能力"' | cut -d: -f2)" p2 "--vimgrep: p2"
check "$(zs -l 孵化器)" "$P" "-l lists the PDF"
check "$(zs -c 'title:孵化器建设')" 1 "title: finds it"

# ---- a PDF by its content, whatever its name -------------------------------
mkdir -p "$tmp/named"
cp "$P" "$tmp/named/notice.txt"
printf '这份说明提到 %%PDF-1.4 这个标记，它仍然是文本文件。\n' >"$tmp/named/note.txt"
"$zcindex" --dump "$tmp/named/notice.txt" | head -n 1 | cut -f 2 >"$tmp/f1"
"$zcindex" --dump "$tmp/named/note.txt" | head -n 1 | cut -f 2 >"$tmp/f2"
check "$(cat "$tmp/f1") $(cat "$tmp/f2")" "pdf text" \
    "a .txt that starts %PDF- is a PDF; one that quotes it is text"

# ---- scanned, encrypted and broken PDFs -----------------------------------
# more pages than any policy runs to
python3 "$gen" "$tmp/bad/long.pdf" 长文件 $(seq 10001 | sed 's/.*/第&页/')
cp "$P" "$tmp/bad/good.pdf"
"$zcindex" --db "$tmp/bdb" "$tmp/bad" 2>"$tmp/err" >/dev/null; rc=$?
check "$rc" 1 "zcindex: some files failed, exit 1"
check "$(grep -c 'scan.pdf: no text layer (scanned?)$' "$tmp/err")" 1 \
    "a scan: no text layer"
check "$(grep -c 'locked.pdf: encrypted (needs a password)$' "$tmp/err")" 1 \
    "an encrypted PDF: needs a password"
check "$(grep -c 'cut.pdf: not a readable PDF' "$tmp/err")" 1 \
    "a truncated PDF: not readable"
check "$(grep -c 'long.pdf: 10001 pages (at most 10000)$' "$tmp/err")" 1 \
    "10001 pages: refused"
check "$(grep -vc '\.pdf: \|^zcindex: indexed' "$tmp/err")" 0 \
    "nothing else on stderr (poppler says nothing itself)"
check "$("$zcsearch" --db "$tmp/bdb" -l 孵化器)" "$tmp/bad/good.pdf" \
    "the rest of the run is committed"

finish
