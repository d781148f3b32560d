#!/usr/bin/env python3
"""Write a small DOCX or OFD of Chinese text, as government sites publish
their attachments, for the tests and the sample corpus.

    scripts/gen-office.py docx OUT TITLE BLOCK...
    scripts/gen-office.py ofd OUT TITLE PAGE...

DOCX: each BLOCK is a paragraph, or a table row when it holds '|' (the
cells); '/' inside a paragraph is a line break (w:br).  OFD: each PAGE
holds its lines separated by '|', each line one TextObject at its own
baseline, cut into TextCodes of at most 8 characters (as writers do) at
the same baseline; every page gets the header 页眉 (env HEADER).
CREATED=YYYY-MM-DD sets the date the file says it was made (default
2024-03-01)."""

import os
import sys
import zipfile
from xml.sax.saxutils import escape

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
OFD = "http://www.ofdspec.org/2016"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
WPS = "http://schemas.microsoft.com/office/word/2010/wordprocessingShape"
FIXED = (2024, 3, 1, 9, 30, 0)  # entries dated alike: the same bytes
CREATED = os.environ.get("CREATED", "2024-03-01")
# what Word writes besides plain paragraphs: a deleted run, a text box
# (drawingML, and its VML fallback copy), a paragraph inside custom XML,
# and a tracked move (the text at its old place and at its new one)
EXTRAS = (
    '<w:p><w:r><w:delText>删去的旧文字</w:delText></w:r></w:p>'
    '<w:p><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing>'
    '<wps:txbx><w:txbxContent><w:p><w:r><w:t>文本框里的说明</w:t></w:r>'
    '</w:p></w:txbxContent></wps:txbx></w:drawing></mc:Choice>'
    '<mc:Fallback><w:pict><w:txbxContent><w:p><w:r><w:t>文本框里的说明'
    '</w:t></w:r></w:p></w:txbxContent></w:pict></mc:Fallback>'
    '</mc:AlternateContent></w:r></w:p>'
    '<w:customXml w:element="条款"><w:p><w:r><w:t>自定义标记中的段落。'
    '</w:t></w:r></w:p></w:customXml>'
    '<w:p><w:moveFrom w:id="1"><w:r><w:t>挪动的句子。</w:t></w:r>'
    '</w:moveFrom></w:p>'
    '<w:p><w:moveTo w:id="2"><w:r><w:t>挪动的句子。</w:t></w:r></w:moveTo>'
    '</w:p>')


def put(z, name, text):
    z.writestr(zipfile.ZipInfo(name, FIXED), text.encode("utf-8"),
               compress_type=zipfile.ZIP_DEFLATED)


def runs(text):
    parts = text.split("/")
    out = []
    for i, p in enumerate(parts):
        if i:
            out.append("<w:r><w:br/></w:r>")
        # two runs, as Word splits text at formatting changes
        h = len(p) // 2
        for q in (p[:h], p[h:]):
            if q:
                out.append("<w:r><w:t xml:space=\"preserve\">%s</w:t></w:r>"
                           % escape(q))
    return "".join(out)


def docx(path, title, blocks):
    body = []
    for b in blocks:
        if "|" in b:
            cells = "".join("<w:tc><w:p>%s</w:p></w:tc>" % runs(c.strip())
                            for c in b.split("|"))
            body.append("<w:tbl><w:tr>%s</w:tr></w:tbl>" % cells)
        else:
            body.append("<w:p><w:pPr><w:jc w:val=\"both\"/></w:pPr>%s</w:p>"
                        % runs(b))
    with zipfile.ZipFile(path, "w") as z:
        put(z, "[Content_Types].xml",
            '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://'
            'schemas.openxmlformats.org/package/2006/content-types"/>')
        put(z, "word/document.xml",
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<w:document xmlns:w="%s" xmlns:mc="%s" xmlns:wps="%s">'
            '<w:body>%s%s</w:body></w:document>'
            % (W, MC, WPS, "".join(body), EXTRAS))
        put(z, "docProps/core.xml",
            '<?xml version="1.0" encoding="UTF-8"?><cp:coreProperties '
            'xmlns:cp="http://schemas.openxmlformats.org/package/2006/'
            'metadata/core-properties" xmlns:dc="http://purl.org/dc/'
            'elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/">'
            '<dc:title>%s</dc:title><dcterms:created>%sT09:30:00Z'
            '</dcterms:created></cp:coreProperties>' % (escape(title),
                                                         CREATED))


def ofd(path, title, pages):
    header = os.environ.get("HEADER", "页眉")
    with zipfile.ZipFile(path, "w") as z:
        put(z, "OFD.xml",
            '<?xml version="1.0" encoding="UTF-8"?><ofd:OFD xmlns:ofd="%s" '
            'Version="1.0" DocType="OFD"><ofd:DocBody><ofd:DocInfo>'
            '<ofd:DocID>0</ofd:DocID><ofd:Title>%s</ofd:Title>'
            '<ofd:CreationDate>%s</ofd:CreationDate></ofd:DocInfo>'
            '<ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody>'
            '</ofd:OFD>' % (OFD, escape(title), CREATED))
        listed = "".join('<ofd:Page ID="%d" BaseLoc="Pages/Page_%d/'
                         'Content.xml"/>' % (i + 1, i)
                         for i in range(len(pages)))
        put(z, "Doc_0/Document.xml",
            '<?xml version="1.0" encoding="UTF-8"?><ofd:Document '
            'xmlns:ofd="%s"><ofd:CommonData><ofd:MaxUnitID>999'
            '</ofd:MaxUnitID></ofd:CommonData><ofd:Pages>%s</ofd:Pages>'
            '</ofd:Document>' % (OFD, listed))
        for i, page in enumerate(pages):
            objs, oid = [], 10
            lines = [header] + page.split("|") + ["- %d -" % (i + 1)]
            for n, line in enumerate(lines):
                y = 20 + 8 * n
                codes = "".join(
                    '<ofd:TextCode X="%d" Y="4">%s</ofd:TextCode>' %
                    (4 * k, escape(line[k:k + 8]))
                    for k in range(0, len(line), 8))
                objs.append('<ofd:TextObject ID="%d" Boundary="20 %d 170 6"'
                            ' Font="1" Size="4">%s</ofd:TextObject>' %
                            (oid, y, codes))
                oid += 1
            put(z, "Doc_0/Pages/Page_%d/Content.xml" % i,
                '<?xml version="1.0" encoding="UTF-8"?><ofd:Page '
                'xmlns:ofd="%s"><ofd:Content><ofd:Layer ID="2">%s'
                '</ofd:Layer></ofd:Content></ofd:Page>' % (OFD, "".join(objs)))


kind, path, title, items = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4:]
{"docx": docx, "ofd": ofd}[kind](path, title, items)
