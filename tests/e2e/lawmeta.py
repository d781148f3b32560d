"""The laws' metadata stored by zcindex against their own header lines.

usage: lawmeta.py LAWS_DIR DUMP OUT_DIR
       lawmeta.py --scan DIR...   (the parser alone: how many laws it reads)

Truth is this file's reading of the raw law files (never the index or
the dump's passages), by the definition of issue 16 item 2: every date
in the header lines starts an event that runs to the next date; an
event counts when it says 通过 批准 公布 修正 修订 发布 颁布 (a 施行
date alone never does).  The version date is the latest counted date,
the first adoption the earliest, the issuer and 令 number those of the
latest counted event.  This parser shares nothing with lib/ingest on
purpose: a shared bug would pass unseen.

One summary line on stdout:
  LAWMETA laws=400 header_lines=372 with_header=370 date_equal=... ...
header_lines: laws with any header line; with_header: laws whose header
lines give a version date (the base of every other figure).  Every
disagreement goes to OUT_DIR/lawmeta.txt, one a line (a relative path
in DUMP is taken from the current folder, as zcindex took it):
  FILE<TAB>FIELD<TAB>EXPECTED<TAB>GOT<TAB>TITLE
"""
import json
import os
import re
import sys
import unicodedata

NUMERALS = "0-9０-９〇零○一二三四五六七八九十百"
CN_DIGIT = {c: i for i, c in enumerate("〇一二三四五六七八九")}
CN_DIGIT.update({"零": 0, "○": 0})
# Spaces are allowed inside a date because a wrapped header line can
# break it (2014年9月26 / 日山东省…), and joining lines puts a space there.
DATE = re.compile(
    r"([0-9０-９]{4}|[〇零○一二三四五六七八九]{4})\s*年\s*"
    r"([0-9０-９]{1,2}|[〇一二三四五六七八九十]{1,3})\s*月\s*"
    r"([0-9０-９]{1,2}|[〇一二三四五六七八九十]{1,3})\s*日")
COUNTED = re.compile("通过|批准|公布|修正|修订|发布|颁布")
ADOPTING = re.compile("通过|批准|修正|修订")
LEAD = ("经", "根据", "由", "（", "(")
CUT = re.compile(r"第[%s]+[次号]|会议|公告|令第|令|通过|批准|公布|修正|修订|发布|"
                 r"颁布|《|关于|\s" % NUMERALS)
ORDER = re.compile(r"令第\s*[%s]+\s*号" % NUMERALS)


def number(s):
    """ASCII, full-width (int() reads both) or Chinese numerals; a year
    in Chinese is spelt digit by digit (一九九四), a day as 二十六."""
    if s[0] in "0123456789０１２３４５６７８９":
        return int(s)
    if "十" in s:
        tens, _, units = s.partition("十")
        return (CN_DIGIT[tens] if tens else 1) * 10 + (CN_DIGIT[units] if units else 0)
    return int("".join(str(CN_DIGIT[c]) for c in s))


def header(text):
    """The header lines joined by spaces, so a wrapped line is one text;
    "" when the file has none (cases, some regulations)."""
    lines = text.splitlines()
    start = next((i for i, l in enumerate(lines) if l.startswith("# ")), None)
    if start is None:
        return ""
    for end in range(start + 1, len(lines)):
        if lines[end].strip() == "<!-- INFO END -->":
            return " ".join(l.strip() for l in lines[start + 1:end] if l.strip())
    return ""


def events(h):
    """(ISO date, text after the date) for every date of the header text;
    a text that is not a real date (13月) is left inside the event before."""
    found = []
    for m in DATE.finditer(h):
        y, mo, d = (number(g) for g in m.groups())
        if 1 <= mo <= 12 and 1 <= d <= 31:
            found.append(("%04d-%02d-%02d" % (y, mo, d), m.start(), m.end()))
    return [(iso, h[end:found[k + 1][1] if k + 1 < len(found) else len(h)])
            for k, (iso, _, end) in enumerate(found)]


def body_text(text):
    """The event's text from where its body's name starts."""
    s, before = text, None
    while s != before:
        before = s = s.lstrip()
        for p in LEAD:
            if s.startswith(p):
                s = s[len(p):]
    return s


def issuer(text):
    s = body_text(text)
    if s.startswith("《"):
        # 《国务院关于修改…的决定》: the body is the title's author.
        s = re.split("关于|》", s[1:])[0]
    else:
        s = re.sub("第[%s]+届" % NUMERALS, "", s)
        m = CUT.search(s)
        s = s[:m.start()] if m else s
        s = re.sub("(审判委员会|检察委员会)$", "", s)
    return s or None


def doc_no(text):
    s = body_text(text)
    m = ORDER.search(s)
    return re.sub(r"\s", "", s[:m.end()]) if m else None


def expected(text):
    """The four fields the header lines give, or None without a counted
    event."""
    counted = [e for e in events(header(text)) if COUNTED.search(e[1])]
    if not counted:
        return None
    latest = counted[0]
    for e in counted:
        # a tie goes to the last in the file, unless that one only
        # promulgates (主席令…公布) what an earlier line adopted
        if e[0] > latest[0] or (e[0] == latest[0] and (
                ADOPTING.search(e[1]) or not ADOPTING.search(latest[1]))):
            latest = e
    # the 令 of the version: on any counted line of its day
    orders = [doc_no(e[1]) for e in counted if e[0] == latest[0]]
    orders = [o for o in orders if o]
    return {"date": latest[0], "written": min(e[0] for e in counted),
            "issuer": issuer(latest[1]),
            "doc_no": orders[-1] if orders else None}


def selfcheck():
    """The definition's own examples, so that the checker cannot rot."""
    assert events("一九九四年十二月六日 公布")[0][0] == "1994-12-06"
    assert events("２０１８年１１月２５日 修正")[0][0] == "2018-11-25"
    assert events("2014年9月26 日山东省…批准")[0] == ("2014-09-26", "山东省…批准")
    for text, want in [
            ("第六届全国人民代表大会常务委员会第九次会议通过", "全国人民代表大会常务委员会"),
            ("国务院第18次常务会议通过", "国务院"),
            ("最高人民法院审判委员会第1357次会议通过", "最高人民法院"),
            ("最高人民检察院第十三届检察委员会第二十八次会议通过", "最高人民检察院"),
            ("中华人民共和国国务院令第588号公布", "中华人民共和国国务院"),
            ("浙江省第十三届人民代表大会常务委员会第九次会议修正", "浙江省人民代表大会常务委员会"),
            ("《国务院关于修改和废止部分行政法规的决定》第二次修订", "国务院"),
            ("最高人民法院公告公布", "最高人民法院"),
            ("中华人民共和国全国人民代表大会公告公布施行", "中华人民共和国全国人民代表大会"),
            (" 经国务院批准　", "国务院"),
            ("国务院 中央军委发布", "国务院")]:
        assert issuer(text) == want, (text, issuer(text))
    assert doc_no("中华人民共和国国务院令第588号公布") == "中华人民共和国国务院令第588号"
    assert doc_no("国务院第18次常务会议通过") is None
    law = ("# 会计法\n\n1985年1月21日 第六届全国人民代表大会常务委员会第九次会议通过\n"
           "2017年11月4日 第十二届全国人民代表大会常务委员会第三十次会议\n"
           "《关于修改〈中华人民共和国会计法〉等十一部法律的决定》第二次修正\n"
           "2018年1月1日 施行\n<!-- INFO END -->\n2019年1月1日 公布\n")
    assert expected(law) == {"date": "2017-11-04", "written": "1985-01-21",
                             "issuer": "全国人民代表大会常务委员会", "doc_no": None}
    two = ("# 济南市条例\n2018年6月28日 济南市第十六届人民代表大会常务委员会第十六次会议"
           "通过并经2018年7月27日山东省第十三届人民代表大会常务委员会第四次会议批准的"
           "《济南市…决定》修正\n<!-- INFO END -->\n")
    assert expected(two)["date"] == "2018-07-27"
    assert expected(two)["issuer"] == "山东省人民代表大会常务委员会"
    assert expected("# 案例\n2022年3月1日 施行\n<!-- INFO END -->\n") is None
    assert expected("# 案例\n正文\n") is None


def read(path):
    with open(path, encoding="utf-8-sig", errors="replace") as f:
        return f.read()


def dump_meta(path):
    """path → metadata object: in `zcindex --dump`, the line after each
    `# PATH<TAB>format<TAB>encoding` line."""
    lines = read(path).split("\n")
    meta = {}
    for i, l in enumerate(lines[:-1]):
        if l.startswith("# ") and "\t" in l and lines[i + 1].startswith("{"):
            meta[os.path.abspath(l[2:].split("\t")[0])] = json.loads(lines[i + 1])
    return meta


def same(want, got):
    """Full-width digits and stray spaces are spelling, not content."""
    def n(s):
        return re.sub(r"\s", "", unicodedata.normalize("NFKC", s)) if isinstance(s, str) else s
    return n(want) == n(got)


def scan(dirs):
    """The parser alone over a tree of laws (`x/` is a duplicate copy)."""
    laws = lines = dated = issued = ordered = 0
    for top in dirs:
        for root, subdirs, files in os.walk(top):
            subdirs[:] = sorted(d for d in subdirs if d != "x" and not d.startswith("."))
            for f in files:
                if f.endswith(".md") and not f.startswith("README"):
                    text = read(os.path.join(root, f))
                    want = expected(text)
                    laws += 1
                    lines += header(text) != ""
                    dated += want is not None
                    issued += want is not None and want["issuer"] is not None
                    ordered += want is not None and want["doc_no"] is not None
    print("SCAN laws=%d header_lines=%d with_header=%d issuer_read=%d doc_no=%d"
          % (laws, lines, dated, issued, ordered))


def main(laws_dir, dump_path, out_dir):
    meta = dump_meta(dump_path)
    n = dict.fromkeys(["laws", "header_lines", "with_header", "date_equal",
                       "written_equal", "issuer_expected", "issuer_found",
                       "issuer_equal", "doc_no_expected", "doc_no_equal"], 0)
    # Grouped by field, date first: the head of the file shows what fails.
    wrong = {"dump": [], "date": [], "issuer": [], "doc_no": [], "written": []}
    for name in sorted(os.listdir(laws_dir)):
        path = os.path.abspath(os.path.join(laws_dir, name))
        text = read(path)
        title = text.split("\n")[0][2:]
        n["laws"] += 1
        n["header_lines"] += header(text) != ""
        want = expected(text)
        if want is None:
            continue
        n["with_header"] += 1
        got = meta.get(path)
        if got is None:
            wrong["dump"].append((name, "dump", "metadata", "none", title))
            got = {}
        n["issuer_found"] += got.get("issuer") is not None
        n["issuer_expected"] += want["issuer"] is not None
        n["doc_no_expected"] += want["doc_no"] is not None
        for field in ("date", "written", "issuer", "doc_no"):
            if want[field] is None:
                continue    # nothing to compare: zhengce may know better
            if same(want[field], got.get(field)):
                n[field + "_equal"] += 1
            else:
                wrong[field].append((name, field, want[field],
                                     json.dumps(got.get(field), ensure_ascii=False), title))
    with open(os.path.join(out_dir, "lawmeta.txt"), "w", encoding="utf-8") as log:
        for rows in wrong.values():
            log.writelines("\t".join(r) + "\n" for r in rows)
    print("LAWMETA " + " ".join("%s=%d" % kv for kv in n.items()))


selfcheck()
if __name__ == "__main__":
    if sys.argv[1:2] == ["--scan"]:
        scan(sys.argv[2:])
    elif len(sys.argv) == 4:
        main(*sys.argv[1:4])
    else:
        sys.exit(__doc__.split("\n\n")[1])
