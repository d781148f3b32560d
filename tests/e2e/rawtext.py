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
"""
import re
import unicodedata

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


def visible_lines(path):
    """(line number, text) of what a reader sees, blank lines as ''."""
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
