#!/bin/sh
# Word (DOCX) and OFD attachments (issue 19, items 2, 3 and the archive
# half of 5): their text in document order, a DOCX table as rows, an
# OFD's pages with the sentence across their break found and the running
# header kept once; hostile archives (an unsafe entry name, a part that
# inflates to gigabytes, a missing page, a ZIP of something else, a cut
# archive) give their messages in bounded memory, and the rest of the
# run is committed.  The files are written by scripts/gen-office.py.
. "$(dirname "$0")/lib.sh"

gen="$top/scripts/gen-office.py"
mkdir -p "$tmp/docs" "$tmp/bad"
python3 "$gen" docx "$tmp/docs/notice.docx" '关于孵化器认定的通知' \
    '关于孵化器认定的通知' '各有关单位：' \
    '为规范科技企业孵化器认定工作，现将有关事项/通知如下。' \
    '序号 | 名称 | 地址' '1 | 光谷孵化器 | 武汉市东湖新技术开发区' \
    '湖北省科学技术厅' '2024年3月1日'
check "$?" 0 "gen-office.py docx"
HEADER='湖北省科学技术厅文件' python3 "$gen" ofd "$tmp/docs/notice.ofd" \
    '关于众创空间备案的通知' \
    '关于众创空间备案的通知|各市、州科技局：|为加强众创空间建设管理，提升服务能力，现将有关备案事项通知如下。一是各地要|加强统筹协调，落实属地责任，按照备案条件推进' \
    '众创空间备案工作。二是完善服务体系，提升专业化水平。|湖北省科学技术厅|2024年3月1日'
check "$?" 0 "gen-office.py ofd"
zs() { "$zcsearch" --db "$tmp/db" --color=never "$@"; }
D=$tmp/docs/notice.docx O=$tmp/docs/notice.ofd

# ---- DOCX ---------------------------------------------------------------
"$zcindex" --dump "$D" >"$tmp/dump"; rc=$?
check "$rc:$(head -n 1 "$tmp/dump" | cut -f 2)" "0:docx" "--dump: the format is docx"
check "$(sed -n 2p "$tmp/dump" | jq -r '"\(.title)|\(.issuer)|\(.date)"')" \
    "关于孵化器认定的通知|湖北省科学技术厅|2024-03-01" "DOCX: the metadata a reader sees"
check "$(grep -c '删去的旧文字' "$tmp/dump")" 0 "DOCX: deleted text is not text"
check "$(grep -c '文本框里的说明' "$tmp/dump")" 1 "DOCX: a text box once, not its fallback copy too"
check "$(grep -c '自定义标记中的段落' "$tmp/dump")" 1 "DOCX: a paragraph inside w:customXml"
check "$(grep -c '挪动的句子' "$tmp/dump")" 1 "DOCX: moved text at its new place only"
check "$(sed -n 2p "$tmp/dump" | jq -r .published)" 2024-03-01 \
    "DOCX: dcterms:created, the weakest 发布日期"
"$zcindex" --db "$tmp/db" -q "$tmp/docs"
check "$?" 0 "zcindex indexes .docx and .ofd"
check "$(zs --json '"光谷孵化器"' | jq -r '"\(.line)|\(.passage)"')" \
    "5|1 | 光谷孵化器 | 武汉市东湖新技术开发区" \
    "DOCX: a table row is a line, its cells apart; its number is the fifth block"
check "$(zs -l '"现将有关事项通知如下"')" "$D" \
    "a w:br inside a paragraph: the text on both sides of it is one"
out=$(zs 删去的旧文字 2>&1); rc=$?
check "$rc" 1 "deleted text finds nothing"

# ---- OFD ----------------------------------------------------------------
"$zcindex" --dump "$O" >"$tmp/dump"; rc=$?
check "$rc:$(head -n 1 "$tmp/dump" | cut -f 2)" "0:ofd" "--dump: the format is ofd"
check "$(grep -c '湖北省科学技术厅文件' "$tmp/dump")" 1 "OFD: the running header once"
check "$(zs --json '"按照备案条件推进众创空间备案工作"' | jq -c '[.page, .line]')" \
    "[1,null]" "OFD: the sentence across the page break, on page 1"
check "$(zs --color=never '"提升专业化水平"' | head -n 1)" \
    "$O:p2: 关于众创空间备案的通知" "OFD: text names page 2"
check "$(zs -c '"为加强众创空间建设管理，提升服务能力"')" 1 \
    "OFD: text cut into TextCodes of 8 is one line"
check "$(zs --json 'title:备案' | jq -r .title)" "关于众创空间备案的通知" "OFD: the title"

# ---- hostile and foreign archives ----------------------------------------
python3 - "$tmp/bad" <<'EOF'
import sys, zipfile
d = sys.argv[1]
def z(name, entries):
    with zipfile.ZipFile(d + "/" + name, "w", zipfile.ZIP_DEFLATED) as f:
        for n, data in entries:
            f.writestr(n, data)
z("evil.docx", [("word/document.xml", "<w:document/>"), ("../../etc/evil", "x")])
# a part of 1 GB that deflates to 1 MB, written in pieces
with zipfile.ZipFile(d + "/bomb.docx", "w", zipfile.ZIP_DEFLATED) as f:
    with f.open("word/document.xml", "w", force_zip64=True) as part:
        block = b" " * (1 << 20)
        for _ in range(1024):
            part.write(block)
z("nopage.ofd", [("OFD.xml", '<ofd:OFD xmlns:ofd="o"><ofd:DocBody><ofd:DocRoot>'
                  'Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>'),
                 ("Doc_0/Document.xml", '<ofd:Document xmlns:ofd="o"><ofd:Pages>'
                  '<ofd:Page ID="1" BaseLoc="Pages/Page_0/Content.xml"/>'
                  '</ofd:Pages></ofd:Document>')])
z("photos.docx", [("a.jpg", "jpeg")])
data = open(d + "/../docs/notice.docx", "rb").read()
open(d + "/cut.docx", "wb").write(data[:len(data) // 2])
EOF
cp "$D" "$tmp/bad/good.docx"
"$zcindex" --db "$tmp/bdb" "$tmp/bad" 2>"$tmp/err" >/dev/null; rc=$?
check "$rc" 1 "zcindex: some files failed, exit 1"
check "$(grep -c 'evil.docx: archive entry with an unsafe name (../../etc/evil)$' "$tmp/err")" 1 \
    "an entry named ../: refused"
check "$(grep -c 'bomb.docx: word/document.xml: larger than 64 MB$' "$tmp/err")" 1 \
    "a part of 1 GB: refused"
check "$(grep -c 'nopage.ofd: no Doc_0/Pages/Page_0/Content.xml in the archive$' "$tmp/err")" 1 \
    "an OFD without its page: named"
check "$(grep -c 'photos.docx: a ZIP archive, but neither a Word (DOCX) nor an OFD document$' "$tmp/err")" 1 \
    "a ZIP of something else"
check "$(grep -c 'cut.docx: not a readable ZIP archive' "$tmp/err")" 1 "a cut archive"
check "$("$zcsearch" --db "$tmp/bdb" -l 光谷孵化器)" "$tmp/bad/good.docx" \
    "the rest of the run is committed"
# the bomb costs what its bound allows, not what it inflates to
kb=$(python3 -c '
import resource, subprocess, sys
subprocess.run([sys.argv[1], "--dump", sys.argv[2]], stdout=subprocess.DEVNULL,
               stderr=subprocess.DEVNULL)
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)' "$zcindex" "$tmp/bad/bomb.docx")
# (what the bound allows, with room for a sanitizer's quarantine; reading
# the part whole would take a gigabyte)
check "$([ "$kb" -lt 600000 ] && echo bounded)" bounded "the bomb: ${kb} KB at most"

finish
