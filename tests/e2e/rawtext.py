"""The text a reader sees in a raw file, normalised, independently of
lib/: the truth of the recall tests (t23-laws.sh, t34-recall.sh).

Normalisation, as docs/design.md states it: NFKC with case folding,
Traditional -> Simplified by the table of lib/gen/t2s_table.h, the
whitespace that splits Chinese text removed (between two Han characters,
CJK punctuation or full-width digits; a digit or % next to Han; ASCII
,;:!?() next to those), every other whitespace run one space.  A
paragraph is a run of lines without a blank line; its lines are joined
by whitespace, so a hard wrap is bridged and a blank line never is.

What a reader does not see is left out: Markdown markup (heading marks,
HTML comments, table separator rows, emphasis marks, link targets) and
the chrome lines named in CHROME, which the tests name one by one.

Attachments are read here too, by readers of their own (Python's zipfile
and ElementTree, never lib/): a DOCX's paragraphs and table rows, each a
paragraph of its own, numbered as a reader counts them (the Nth block);
an OFD's and a PDF's lines page by page, located by page ("p2"), a page
break no paragraph break; a running header or footer (the same line,
digits aside, first or last on two pages and half of them) is out of the
flow and read once, at the end, a page number not at all.  The PDF
reader knows only the text layer scripts/gen-pdf.py writes (uncompressed
content streams of hex strings, a code per character) and says so of
any other PDF.

    python3 rawtext.py FILE [N]  # what a reader sees (at line N; "p2": page)
"""
import re
import sys
import unicodedata
import xml.etree.ElementTree as ET
import zipfile

HAN = "\u3007\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
IGNORABLE = dict.fromkeys([0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF, 0xAD])
SPACE = re.compile(r"[\s\u00a0\u3000]+")

# Chrome of the pages in corpus/, recognised by what it says: a menu bar,
# a spam suffix of the page title.  A line equal to one of these (after
# normalisation) is not text of the document; a suffix is cut off.
CHROME_LINES = {
    "|||计划管理|工作后台 ||",            # 000: a menu bar
    "已阅0打印关闭", "网站地图",          # 000: counter, print, close, map
    "今天是:",                            # 003: the date widget
    "展开", "全部", "招商资讯", "载体信息", "产业园区", "研究报告",
    "项目播报",                           # 004: a tab bar
    "订阅招商网络邮件周刊,每周行业资讯,最新政策信息、项目信息为您推送",
    "订阅", "投资咨询热线", "400-168-6016",
    "•已为您免费生成了个人网上空间", "快去查看吧~",  # 004: a promotion box
}
CHROME_PREFIXES = ["网站地图网站标识码:"]  # 002: the site's footer
CHROME_SUFFIXES = ["-人生就是博尊龙凯时"]  # 000: spam after the title


def is_chrome(normalised_line):
    return (normalised_line in CHROME_LINES or
            any(normalised_line.startswith(p) for p in CHROME_PREFIXES))


def load_t2s(path):
    t2s = {}
    text = open(path, encoding="utf-8").read()
    for a, b in re.findall(r"\{\s*0x([0-9A-Fa-f]+)\s*,\s*0x([0-9A-Fa-f]+)\s*\}",
                           text):
        t2s[int(a, 16)] = chr(int(b, 16))
    return t2s


def is_han(c):
    o = ord(c)
    return (0x4E00 <= o <= 0x9FFF or 0x3400 <= o <= 0x4DBF or
            0x20000 <= o <= 0x3134F or 0xF900 <= o <= 0xFAFF or
            0x2F800 <= o <= 0x2FA1F or o == 0x3007)


def is_cjk_punct(c):
    o = ord(c)
    return (0x3000 < o <= 0x303F or 0xFF01 <= o <= 0xFF0F or
            0xFF1A <= o <= 0xFF20 or 0xFF3B <= o <= 0xFF40 or
            0xFF5B <= o <= 0xFF65 or 0x2010 <= o <= 0x201F or
            o in (0x2026, 0x00B7, 0x2022) or 0xFE10 <= o <= 0xFE1F or
            0xFE30 <= o <= 0xFE6F)


def is_cjk(c):
    return is_han(c) or is_cjk_punct(c) or 0xFF10 <= ord(c) <= 0xFF19


def splits(a, b):
    """Does whitespace between a and b split one run of Chinese text?"""
    num = lambda c: c.isascii() and (c.isdigit() or c == "%")
    cjk_ascii = lambda c: c in ",;:!?()"
    return ((is_cjk(a) and is_cjk(b)) or (is_han(a) and num(b)) or
            (num(a) and is_han(b)) or (cjk_ascii(a) and is_cjk(b)) or
            (is_cjk(a) and cjk_ascii(b)))


class Normaliser:
    def __init__(self, t2s_path):
        self.t2s = load_t2s(t2s_path)

    def close_up(self, s):
        """Whitespace runs: gone where they split Chinese text (tested on
        the characters on either side, before and after NFKC, as the
        text shown and the terms see them), one space elsewhere."""
        out, i = [], 0
        for m in SPACE.finditer(s):
            out.append(s[i:m.start()])
            a = s[m.start() - 1] if m.start() > 0 else ""
            b = s[m.end()] if m.end() < len(s) else ""
            if a and b and not splits(a, b):
                out.append(" ")
            i = m.end()
        out.append(s[i:])
        return "".join(out)

    def __call__(self, s):
        s = self.close_up(s.translate(IGNORABLE))
        s = unicodedata.normalize("NFKC", s).casefold()
        s = "".join(self.t2s.get(ord(c), c) for c in s)
        return self.close_up(s).strip()


MD_HEADING = re.compile(r"^\s*#{1,6}(\s+|$)")
MD_RULE = re.compile(r"^[\s|:]*[-*_=]{3,}[-*_=\s|:]*$")
MD_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")


W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MC_FALLBACK = ("{http://schemas.openxmlformats.org/markup-compatibility/"
               "2006}Fallback")
OFD = "{http://www.ofdspec.org/2016}"
HIDDEN = {W + "delText", W + "instrText", W + "moveFrom", MC_FALLBACK}


def docx_text(node, out):
    """The text a reader sees under node: w:t, w:tab a space, w:br a new
    line; deleted or moved-away text, field codes and a text box's
    fallback copy are not seen."""
    for c in node:
        if c.tag in HIDDEN:
            continue
        if c.tag == W + "t":
            out[-1] += c.text or ""
        elif c.tag == W + "tab":
            out[-1] += " "
        elif c.tag in (W + "br", W + "cr"):
            out.append("")
        else:
            if c.tag in (W + "p", W + "tc"):
                out[-1] += " "
            docx_text(c, out)


def docx_blocks(node):
    """Each block (paragraph, table row) of a body: its lines."""
    for c in node:
        if c.tag == W + "p":
            out = [""]
            docx_text(c, out)
            yield out
        elif c.tag == W + "tbl":
            for tr in c.iter(W + "tr"):
                cells = []
                for tc in tr.findall(W + "tc"):
                    out = [""]
                    docx_text(tc, out)
                    cells.append(" ".join(x.strip() for x in out))
                yield [" | ".join(x.strip() for x in cells)]
        elif c.tag == W + "sdt":
            yield from docx_blocks(c.find(W + "sdtContent") or [])
        elif c.tag in (W + "customXml", W + "ins", W + "moveTo"):
            yield from docx_blocks(c)


def docx_lines(path):
    with zipfile.ZipFile(path) as z:
        body = ET.fromstring(z.read("word/document.xml")).find(W + "body")
    for n, lines in enumerate(docx_blocks(body), 1):
        for line in lines:
            yield n, line
        yield n, ""


def ofd_pages(path):
    """Each page's lines: its text objects, top to bottom."""
    with zipfile.ZipFile(path) as z:
        root = ET.fromstring(z.read("OFD.xml")).find(".//" + OFD + "DocRoot")
        doc_path = root.text.strip()
        doc = ET.fromstring(z.read(doc_path))
        base = doc_path.rsplit("/", 1)[0]
        for page in doc.iter(OFD + "Page"):
            content = ET.fromstring(z.read(base + "/" + page.get("BaseLoc")))
            objs = []
            for o in content.iter(OFD + "TextObject"):
                y = float(o.get("Boundary").split()[1])
                objs.append((y, "".join(c.text or ""
                                        for c in o.iter(OFD + "TextCode"))))
            yield [t for _, t in sorted(objs, key=lambda x: x[0])]


PDF_STREAM = re.compile(rb"stream\n(.*?)endstream", re.S)
PDF_SHOW = re.compile(rb"<([0-9A-Fa-f]*)>\s*Tj")


def pdf_pages(path):
    """Each page's lines: a content stream's strings, one a line."""
    raw = open(path, "rb").read()
    pages = []
    for m in PDF_STREAM.finditer(raw):
        if b"BT" not in m.group(1):
            continue  # the ToUnicode map
        pages.append([bytes.fromhex(h.decode()).decode("utf-16-be")
                      for h in PDF_SHOW.findall(m.group(1))])
    if not pages:
        raise ValueError("%s: not a PDF scripts/gen-pdf.py wrote" % path)
    return pages


def running_key(line):
    return re.sub(r"\d+", "#", re.sub(r"\s+", "", line))


PAGE_MARKS = re.compile(r"[-/|.()\[\]第页共—－–（）／·#]*")


def is_page_number(key):
    """Does a running line say only where its page is ("- 3 -")?"""
    return "#" in key and PAGE_MARKS.fullmatch(key) is not None


def paged_lines(pages):
    """(page, line) in reading order, running lines out of the flow."""
    n = len(pages)

    def running(place):
        keys = {}
        for k, p in enumerate(pages):
            if len(p) > (1 if place == -1 else 0):
                keys.setdefault(running_key(p[place]), []).append(k)
        return {key: ks for key, ks in keys.items()
                if key and n >= 2 and len(ks) >= 2 and 2 * len(ks) >= n}

    head, foot = running(0), running(-1)
    once = []
    for k, p in enumerate(pages):
        for i, line in enumerate(p):
            key = running_key(line)
            first, last = i == 0, i > 0 and i == len(p) - 1
            moved = head if first else foot if last else {}
            if key in moved and k in moved[key]:
                if moved[key][0] == k and not is_page_number(key):
                    once.append((k, line))
                continue
            yield "p%d" % (k + 1), line
    for k, line in once:
        yield "p%d" % (k + 1), ""
        yield "p%d" % (k + 1), line


def visible_lines(path):
    """(line number, text) of what a reader sees, blank lines as ''."""
    if path.endswith(".docx"):
        yield from docx_lines(path)
        return
    if path.endswith(".ofd") or path.endswith(".pdf"):
        reader = ofd_pages if path.endswith(".ofd") else pdf_pages
        yield from paged_lines(list(reader(path)))
        return
    raw = open(path, "rb").read().decode("utf-8", errors="replace")
    md = path.endswith(".md")
    in_comment = heading = False
    for n, line in enumerate(raw.split("\n"), 1):
        line = line.rstrip("\r")
        if MD_RULE.match(line):
            yield n, ""  # a table's separator row, in .md or .txt
            continue
        if md:
            if in_comment:
                in_comment = "-->" not in line
                yield n, ""
                continue
            if line.lstrip().startswith("<!--"):
                in_comment = "-->" not in line
                yield n, ""
                continue
            heading = MD_HEADING.match(line)
            if heading:
                yield n, ""  # a heading is a paragraph of its own
                line = line[heading.end():].rstrip("# ")
            line = MD_LINK.sub(r"\1", line)
            line = line.replace("**", "").replace("__", "")
        for suffix in CHROME_SUFFIXES:
            if line.rstrip().endswith(suffix):
                line = line.rstrip()[:-len(suffix)]
        yield n, line
        if md and heading:
            yield n, ""


def paragraphs(path, norm):
    """The normalised paragraphs of path (chrome lines left out)."""
    out, cur = [], []
    for _, line in visible_lines(path):
        if line.strip() and not is_chrome(norm(line)):
            cur.append(line)
            continue
        if cur:
            out.append(norm("\n".join(cur)))
        cur = []
    if cur:
        out.append(norm("\n".join(cur)))
    return [p for p in out if p]


if __name__ == "__main__":
    want = sys.argv[2] if len(sys.argv) > 2 else None
    print("\n".join(t for n, t in visible_lines(sys.argv[1])
                    if (want is None or str(n) == want) and t))
