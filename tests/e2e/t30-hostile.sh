#!/bin/sh
# Hostile inputs, generated here: every file ends indexed or with a clear
# per-file error, the run finishes, nothing outside the folder is read,
# and memory stays bounded.
. "$(dirname "$0")/lib.sh"

d="$tmp/hostile"
mkdir -p "$d"
# UTF-8 damaged in two places (as a truncated download is)
printf '为深入实施创新驱动发展战略，引导我市科创孵化载体高质量发展，\377不断提升服务能力和孵化绩效，甲乙丙丁培育优质科技型中小企业。\300\n' >"$d/bad-utf8.txt"
printf 'abc\000def 不应索引\n' >"$d/nul.txt"
: >"$d/empty.txt"
cp "$top/tests/data/random.bin" "$d/random.txt"
python3 - "$d" <<'PY'
import sys
d = sys.argv[1]
with open(d + "/huge.txt", "w", encoding="utf-8") as f:   # 50 MB, no line break
    chunk = "科技创新驱动高质量发展，" * 1000
    while f.tell() < 50_000_000:
        f.write(chunk)
with open(d + "/nested.html", "w", encoding="utf-8") as f:
    f.write("<html><body>" + "<div>" * 10000 + "深层嵌套文本" + "</div>" * 10000 + "</body></html>")
with open(d + "/xxe.xml", "w", encoding="utf-8") as f:
    f.write('<?xml version="1.0"?>\n<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>\n<x>外部实体 &e;</x>\n')
lol = ['<!ENTITY lol "lol">'] + ['<!ENTITY lol%d "%s">' % (i, ("&lol%s;" % ("" if i == 1 else i - 1)) * 10) for i in range(1, 10)]
with open(d + "/bomb.xml", "w", encoding="utf-8") as f:
    f.write('<?xml version="1.0"?>\n<!DOCTYPE lolz [' + "".join(lol) + ']>\n<lolz>实体炸弹 &lol9;</lolz>\n')
with open(d + "/utf8-says-gb2312.html", "w", encoding="utf-8") as f:
    f.write('<html><head><meta charset="gb2312"><title>声明错误</title></head><body><p>编码声明与内容不符的网页正文</p></body></html>')
with open(d + "/gbk.html", "wb") as f:
    f.write('<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"><title>朱镕基讲话</title></head><body><p>朱镕基同志的讲话全文在此。</p></body></html>'.encode("gbk"))
PY
printf '不可读的文件\n' >"$d/unreadable.txt"
chmod 000 "$d/unreadable.txt"
ln -s loop.txt "$d/loop.txt"
ln -s . "$d/dirloop"
i=0
while [ "$i" -lt 200 ]; do
	printf '第%d号普通文件 沃土\n' "$i" >"$d/plain-$i.txt"
	i=$((i + 1))
done

# index under getrusage; delete a file while the run goes
python3 - "$zcindex" "$tmp/db" "$d" >"$tmp/run.out" 2>"$tmp/run.err" <<'PY' &
import resource, subprocess, sys
p = subprocess.run([sys.argv[1], "--db", sys.argv[2], "-j", "2", sys.argv[3]],
                   stderr=subprocess.PIPE, text=True, timeout=600)
sys.stderr.write(p.stderr)
print(p.returncode, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss // 1024)
PY
runner=$!
sleep 0.2
rm -f "$d/plain-199.txt"
wait "$runner"
read -r rc rss <"$tmp/run.out"
check "$rc" 1 "run ends with status 1 (some files failed)"
echo "peak RSS of the hostile run: ${rss} MB"
check "$([ "$rss" -lt 1024 ] && echo bounded)" bounded "peak memory ${rss} MB < 1 GB"
grep -q "zcindex: $d/nul.txt: not a text file" "$tmp/run.err"
check "$?" 0 "NUL bytes reported with the path"
grep -q "zcindex: $d/random.txt: not a text file" "$tmp/run.err"
check "$?" 0 "random bytes reported as binary"
if [ "$(id -u)" -ne 0 ]; then
	grep -q "zcindex: $d/unreadable.txt: " "$tmp/run.err"
	check "$?" 0 "unreadable file reported"
fi
check "$(grep -c 'loop' "$tmp/run.err")" 0 "symlink loops are not followed and not errors"
grep -q '^zcindex: indexed ' "$tmp/run.err"
check "$?" 0 "summary printed"
# every stderr line names a path of the folder or is the summary
bad=$(grep -v -e "^zcindex: $d/" -e '^zcindex: indexed ' "$tmp/run.err")
check "$bad" "" "no stray diagnostics"

s() { "$zcsearch" --db "$tmp/db" -l "$@"; }
check "$(s 朱镕基)" "$d/gbk.html" "GBK page declaring gb2312 keeps 朱镕基"
check "$(s 编码声明与内容不符)" "$d/utf8-says-gb2312.html" "UTF-8 page declaring gb2312 is read as UTF-8"
check "$(s 深层嵌套文本)" "$d/nested.html" "10,000-level nesting"
check "$(s 甲乙丙丁)" "$d/bad-utf8.txt" "invalid UTF-8 replaced, the rest kept"
s root >/dev/null
check "$?" 1 "/etc/passwd is not indexed"
s 不应索引 >/dev/null
check "$?" 1 "binary file not indexed"
check "$(s 外部实体)" "$d/xxe.xml" "XML with an external entity indexed without it"
c=$("$zcsearch" --db "$tmp/db" -c 沃土)
check "$([ "$c" -ge 199 ] && [ "$c" -le 200 ] && echo ok)" ok "plain files indexed ($c)"
"$zcindex" --db "$tmp/db" --status >/dev/null
check "$?" 0 "database opens"

finish
