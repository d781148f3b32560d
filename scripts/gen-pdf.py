#!/usr/bin/env python3
"""Write a small PDF of Chinese text with a text layer, as a government
site's attachment is: pages of hard-wrapped lines, a running header and a
page number on every page.  The font is not embedded: a ToUnicode CMap
maps each two-byte code to the Unicode character of the same number, which
is all that text extraction reads.

    scripts/gen-pdf.py OUT.pdf TITLE PAGE_LINES...

PAGE_LINES: the lines of one page separated by '|'; every page gets the
header 页眉 (env HEADER) and its number at the foot.  With NOTEXT=1 the
pages are a drawn box each and no text, as a scan without OCR is; with
ENCRYPT=1 the file says it is encrypted with a password it does not
give.  CREATED=YYYYMMDD sets the CreationDate (default 20240301)."""

import os
import sys


def hexstr(s):
    return "<" + "".join("%04X" % ord(c) for c in s) + ">"


def tounicode():
    ranges = "\n".join("<%02X00> <%02XFF> <%02X00>" % (h, h, h)
                       for h in range(256))
    return ("/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n"
            "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) "
            "/Supplement 0 >> def\n/CMapName /Adobe-Identity-UCS def\n"
            "/CMapType 2 def\n1 begincodespacerange\n<0000> <FFFF>\n"
            "endcodespacerange\n256 beginbfrange\n" + ranges +
            "\nendbfrange\nendcmap CMapName currentdict /CMap defineresource"
            " pop end end\n")


def page_stream(lines, header, number):
    if os.environ.get("NOTEXT"):
        return "0 0 0 RG 72 72 451 698 re S\n"
    out = ["BT /F1 10 Tf 72 800 Td %s Tj ET" % hexstr(header)]
    y = 760
    for line in lines:
        out.append("BT /F1 12 Tf 72 %d Td %s Tj ET" % (y, hexstr(line)))
        y -= 20
    out.append("BT /F1 10 Tf 290 40 Td %s Tj ET" % hexstr("- %d -" % number))
    return "\n".join(out) + "\n"


def main():
    path, title, pages = sys.argv[1], sys.argv[2], sys.argv[3:]
    header = os.environ.get("HEADER", "页眉")
    objs = []  # bodies, 1-based numbers

    def add(body):
        objs.append(body)
        return len(objs)

    cmap = tounicode()
    cmap_n = add("<< /Length %d >>\nstream\n%sendstream" %
                 (len(cmap.encode()), cmap))
    cid_n = add("<< /Type /Font /Subtype /CIDFontType2 /BaseFont /SimSun "
                "/CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) "
                "/Supplement 0 >> /DW 1000 /W [32 126 500] "
                "/CIDToGIDMap /Identity >>")
    font_n = add("<< /Type /Font /Subtype /Type0 /BaseFont /SimSun "
                 "/Encoding /Identity-H /DescendantFonts [%d 0 R] "
                 "/ToUnicode %d 0 R >>" % (cid_n, cmap_n))
    pages_n = len(objs) + 1 + 2 * len(pages)
    kids = []
    for i, p in enumerate(pages):
        s = page_stream(p.split("|"), header, i + 1).encode()
        c = add("<< /Length %d >>\nstream\n" % len(s) + s.decode() +
                "endstream")
        kids.append(add("<< /Type /Page /Parent %d 0 R /MediaBox [0 0 595 842]"
                        " /Resources << /Font << /F1 %d 0 R >> >> "
                        "/Contents %d 0 R >>" % (pages_n, font_n, c)))
    assert add("<< /Type /Pages /Kids [%s] /Count %d >>" % (
        " ".join("%d 0 R" % k for k in kids), len(kids))) == pages_n
    cat_n = add("<< /Type /Catalog /Pages %d 0 R >>" % pages_n)
    created = os.environ.get("CREATED", "20240301")
    info_n = add("<< /Title %s /Author (zhengce tests) "
                 "/CreationDate (D:%s093000+08'00') >>" %
                 ("<FEFF" + hexstr(title)[1:], created))
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for n, body in enumerate(objs, 1):
        offsets.append(len(out))
        out += ("%d 0 obj\n" % n).encode() + body.encode() + b"\nendobj\n"
    xref = len(out)
    out += ("xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)).encode()
    for o in offsets:
        out += ("%010d 00000 n \n" % o).encode()
    encrypt = ""
    if os.environ.get("ENCRYPT"):
        encrypt = (" /Encrypt << /Filter /Standard /V 1 /R 2 /O <%s> /U <%s>"
                   " /P -4 >> /ID [<%s> <%s>]" % ("ab" * 32, "cd" * 32,
                                                  "01" * 16, "01" * 16))
    out += ("trailer\n<< /Size %d /Root %d 0 R /Info %d 0 R%s >>\nstartxref\n"
            "%d\n%%%%EOF\n" % (len(objs) + 1, cat_n, info_n, encrypt,
                               xref)).encode()
    with open(path, "wb") as f:
        f.write(out)


main()
