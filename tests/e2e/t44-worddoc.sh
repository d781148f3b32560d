#!/bin/sh
# Binary Word files, .doc and .wps (issue 19, item 4): their text comes
# from antiword, else catdoc, found on PATH and run without a shell,
# with a time limit; without either, each is reported as "needs antiword
# or catdoc" and skipped, never indexed empty.  Stand-ins for the two
# converters (shell scripts that check the arguments they get) make the
# test the same on every machine; where the real ones are installed
# (make check installs them), they read a .doc of scripts/gen-doc.py.
. "$(dirname "$0")/lib.sh"

mkdir -p "$tmp/docs" "$tmp/none" "$tmp/anti" "$tmp/cat" "$tmp/hang" "$tmp/daemon" \
    "$tmp/both"
# an OLE2 compound file's signature is all the pipeline looks at
printf '\320\317\021\340\241\261\032\341 an OLE2 file' >"$tmp/docs/notice.doc"
printf '\320\317\021\340\241\261\032\341 a WPS file' >"$tmp/docs/report.wps"
printf '另一份通知的正文，写在文本文件里。\n' >"$tmp/docs/plain.txt"
# the tools the stand-ins use, and no converter: PATH=$tmp/KIND:$tmp/none
# has only the stand-ins, whatever this machine has installed
for t in cat true env sleep; do ln -s "$(command -v $t)" "$tmp/none/$t"; done
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
cp "$tmp/hang/antiword" "$tmp/both/antiword"
printf '#!/bin/sh\nexit 4\n' >"$tmp/both/catdoc"
chmod +x "$tmp"/anti/* "$tmp"/cat/* "$tmp"/hang/* "$tmp"/daemon/* "$tmp"/both/*

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

# ---- the real converters, on a .doc that scripts/gen-doc.py writes ------
# (a Word 97 file: OLE2 container, FIB, the text as a Unicode piece)
mkdir -p "$tmp/real"
python3 "$top/scripts/gen-doc.py" "$tmp/real/plan.doc" '申报通知' \
    '关于做好2024年度科技计划项目申报工作的通知' '各区科技局，各有关单位：' \
    '为做好2024年度科技计划项目申报工作, 现将有关事项通知如下。' \
    '一、申报对象为在本市注册的科技型企业、高等学校和科研院所。' \
    '二、请于2024年3月31日前报送材料, 逾期不予受理。' \
    '鄂州市科学技术局' '2024年3月1日' 2>"$tmp/gen.err"
check "$?:$(cat "$tmp/gen.err")" 0: "gen-doc.py plan.doc"
for tool in antiword catdoc; do
	real=$(command -v "$tool") || {
		echo "$tool not installed: the real $tool is not tried"
		continue
	}
	mkdir -p "$tmp/only-$tool"
	ln -sf "$real" "$tmp/only-$tool/$tool"
	out=$(PATH=$tmp/only-$tool "$zcindex" --dump "$tmp/real/plan.doc"); rc=$?
	check "$rc:$(echo "$out" | head -n 1 | cut -f 2,3)" "0:doc	$tool" \
	    "$tool: --dump reads the .doc"
	check "$(echo "$out" | sed -n 2p | jq -r '"\(.title)|\(.issuer)|\(.date)"')" \
	    "关于做好2024年度科技计划项目申报工作的通知|鄂州市科学技术局|2024-03-01" \
	    "$tool: the metadata a reader sees"
	rm -rf "$tmp/rdb"
	PATH=$tmp/only-$tool "$zcindex" --db "$tmp/rdb" -q "$tmp/real"
	check "$?" 0 "$tool: zcindex"
	# the line is the converter's: where its own output has the words
	line=$("$real" $([ "$tool" = antiword ] && echo "-m UTF-8.txt -w 0" || echo "-d utf-8 -w") \
	    "$tmp/real/plan.doc" | grep -n 申报对象为在本市注册 | cut -d: -f1)
	check "$("$zcsearch" --db "$tmp/rdb" --color=never '"申报对象为在本市注册的科技型企业"' | head -n 1)" \
	    "$tmp/real/plan.doc:$line: 关于做好2024年度科技计划项目申报工作的通知" \
	    "$tool: exact text, at its line"
	check "$("$zcsearch" --db "$tmp/rdb" -l '"逾期不予受理"')" "$tmp/real/plan.doc" \
	    "$tool: the last paragraph's text too"
done

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
	out=$(ZHENGCE_TOOL_TIMEOUT=1 PATH=$tmp/$kind:$tmp/none \
	    "$zcindex" --dump "$tmp/docs/notice.doc" 2>&1 >/dev/null); rc=$?
	took=$(($(date +%s) - start))
	check "$rc:$out" "1:zcindex: $tmp/docs/notice.doc: antiword took more than 1 s, skipped" \
	    "$kind: killed after the time limit"
	check "$([ "$took" -lt 10 ] && echo soon)" soon "$kind: the run goes on (${took} s)"
done
out=$(ZHENGCE_TOOL_TIMEOUT=1 PATH=$tmp/both:$tmp/none \
    "$zcindex" --dump "$tmp/docs/notice.doc" 2>&1 >/dev/null)
check "$out" "zcindex: $tmp/docs/notice.doc: antiword took more than 1 s; catdoc failed (exit 4), skipped" \
    "both converters fail: the message says what each did"

check "$(ls "${TMPDIR:-/tmp}" | grep -c '^zhengce-doc-')" 0 \
    "the converters' copies are removed"

finish
