#!/bin/sh
# Binary Word files, .doc and .wps (issue 19, item 4): their text comes
# from antiword, else catdoc, found on PATH and run without a shell,
# with a time limit; without either, each is reported as "needs antiword
# or catdoc" and skipped, never indexed empty.  Stand-ins for the two
# converters (shell scripts that check the arguments they get) make the
# test the same on every machine.
. "$(dirname "$0")/lib.sh"

mkdir -p "$tmp/docs" "$tmp/none" "$tmp/anti" "$tmp/cat" "$tmp/hang" "$tmp/daemon"
# an OLE2 compound file's signature is all the pipeline looks at
printf '\320\317\021\340\241\261\032\341 an OLE2 file' >"$tmp/docs/notice.doc"
printf '\320\317\021\340\241\261\032\341 a WPS file' >"$tmp/docs/report.wps"
printf '另一份通知的正文，写在文本文件里。\n' >"$tmp/docs/plain.txt"
for t in cat true env; do ln -s "$(command -v $t)" "$tmp/none/$t"; done
# antiword: the text of a notice, if it was asked for UTF-8 without wraps
cat >"$tmp/anti/antiword" <<'EOF'
#!/bin/sh
[ "$1 $2 $3 $4" = "-m UTF-8.txt -w 0" ] && [ -f "$5" ] || exit 3
case "$(cat "$5")" in
*OLE2*) printf '关于印发孵化器管理办法的通知\n\n现将《科技企业孵化器管理办法》印发给你们。\n\n湖北省科学技术厅\n2024年3月1日\n' ;;
*) printf '关于众创空间年度报告的说明\n\n年度报告按季度汇总。\n' ;;
esac
EOF
# catdoc alone, and an antiword that fails before it
cat >"$tmp/cat/catdoc" <<'EOF'
#!/bin/sh
[ "$1 $2 $3" = "-d utf-8 -w" ] && [ -f "$4" ] || exit 3
printf '关于报送众创空间材料的函\n\n请于三月底前报送材料。\n'
EOF
printf '#!/bin/sh\necho "I cannot read this" >&2\nexit 1\n' >"$tmp/cat/antiword"
printf '#!/bin/sh\nsleep 30\n' >"$tmp/hang/antiword"
printf '#!/bin/sh\nexec >&-\nsleep 30\n' >"$tmp/daemon/antiword"
chmod +x "$tmp"/anti/* "$tmp"/cat/* "$tmp"/hang/* "$tmp"/daemon/*

# ---- neither converter --------------------------------------------------
PATH=$tmp/none "$zcindex" --db "$tmp/db0" "$tmp/docs" 2>"$tmp/err" >/dev/null; rc=$?
check "$rc" 1 "without a converter: exit 1"
check "$(grep -c 'notice.doc: needs antiword or catdoc$' "$tmp/err")" 1 ".doc: named once"
check "$(grep -c 'report.wps: needs antiword or catdoc$' "$tmp/err")" 1 ".wps: named once"
check "$(ls "${TMPDIR:-/tmp}" | grep -c '^zhengce-doc-')" 0 "no copy left behind"
check "$("$zcsearch" --db "$tmp/db0" -l 通知)" "$tmp/docs/plain.txt" \
    "never indexed empty; the text file is committed"

# ---- antiword -------------------------------------------------------------
out=$(PATH=$tmp/anti:/usr/bin:/bin "$zcindex" --dump "$tmp/docs/notice.doc"); rc=$?
check "$rc:$(echo "$out" | head -n 1 | cut -f 2,3)" "0:doc	antiword" \
    "--dump: format doc, read by antiword"
check "$(echo "$out" | sed -n 2p | jq -r '"\(.title)|\(.issuer)|\(.date)"')" \
    "关于印发孵化器管理办法的通知|湖北省科学技术厅|2024-03-01" "the metadata a reader sees"
PATH=$tmp/anti:/usr/bin:/bin "$zcindex" --db "$tmp/db1" -q "$tmp/docs"
check "$?" 0 "zcindex with antiword: every file"
check "$("$zcsearch" --db "$tmp/db1" --color=never '"科技企业孵化器管理办法"' | head -n 1)" \
    "$tmp/docs/notice.doc:3: 关于印发孵化器管理办法的通知" "exact text, at its line"

# ---- catdoc when antiword fails --------------------------------------------
out=$(PATH=$tmp/cat:/usr/bin:/bin "$zcindex" --dump "$tmp/docs/report.wps"); rc=$?
check "$rc:$(echo "$out" | head -n 1 | cut -f 2,3)" "0:doc	catdoc" \
    "antiword failed: catdoc read it"
check "$(echo "$out" | grep -c '请于三月底前报送材料')" 1 "catdoc's text"
out=$(PATH=$tmp/cat:/usr/bin:/bin "$zcindex" --dump "$tmp/docs/report.wps" 2>&1 >/dev/null)
check "$out" "" "the converter's own complaints go nowhere"

# ---- the content says what a file is, not its name ----------------------
mkdir -p "$tmp/named"
printf '<html><body><p>另存为网页的公文，扩展名仍是doc。</p></body></html>\n' >"$tmp/named/web.doc"
cp "$tmp/docs/notice.doc" "$tmp/named/renamed.docx"
out=$(PATH=$tmp/anti:/usr/bin:/bin "$zcindex" --dump "$tmp/named/web.doc" | head -n 1 | cut -f 2)
check "$out" html "a .doc that is a web page is read as HTML"
out=$(PATH=$tmp/anti:/usr/bin:/bin "$zcindex" --dump "$tmp/named/renamed.docx" | head -n 1 | cut -f 2,3)
check "$out" "doc	antiword" "a .docx that is an old .doc is read as one"

# ---- time limit -------------------------------------------------------------
for kind in hang daemon; do
	start=$(date +%s)
	out=$(ZHENGCE_TOOL_TIMEOUT=1 PATH=$tmp/$kind:/usr/bin:/bin \
	    "$zcindex" --dump "$tmp/docs/notice.doc" 2>&1 >/dev/null); rc=$?
	took=$(($(date +%s) - start))
	check "$rc:$out" "1:zcindex: $tmp/docs/notice.doc: antiword took more than 1 s, skipped" \
	    "$kind: killed after the time limit"
	check "$([ "$took" -lt 10 ] && echo soon)" soon "$kind: the run goes on (${took} s)"
done

check "$(ls "${TMPDIR:-/tmp}" | grep -c '^zhengce-doc-')" 0 \
    "the converters' copies are removed"

finish
