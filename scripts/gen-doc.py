#!/usr/bin/env python3
"""Write a minimal Word 97-2003 binary document (.doc) with given paragraphs.

Usage: gen-doc.py OUT TITLE PARA...

It makes test fixtures for a search engine's .doc reader, which extracts
text with antiword and, failing that, catdoc.  Real .doc files are big and
of unclear licence, so we synthesise the smallest file both tools accept:

  * an OLE2 / Compound File Binary container ([MS-CFB], version 3, 512-byte
    sectors): a root storage holding three streams;
  * "WordDocument": a Word 97 FIB ([MS-DOC] 2.5.1), then the text as
    UTF-16LE (a Unicode piece, not 8-bit "compressed") so Chinese survives;
  * "1Table": a one-style stylesheet, a one-font font table and the Clx,
    a piece table with a single piece covering the whole text;
  * "\\x05SummaryInformation": a property set with TITLE and the creation
    date (env CREATED=YYYY-MM-DD, default 2024-03-01).

Each PARA becomes one paragraph (Word ends paragraphs with "\\r").  Nothing
depends on the clock, so the same arguments always give the same bytes.
There are no character/paragraph property tables (PlcBteChpx/Papx), no Dop
and no section table: Word's defaults apply and neither tool needs them.

catdoc cannot read every Chinese text: see catdoc_blind_spots(), which is
checked and warned about on stderr.
"""
import datetime
import os
import string
import struct
import sys

SECTOR = 512                 # version 3 compound files use 512-byte sectors
FREESECT = 0xFFFFFFFF        # FAT: unused sector
ENDOFCHAIN = 0xFFFFFFFE      # FAT: last sector of a chain
FATSECT = 0xFFFFFFFD         # FAT: sector holds part of the FAT itself
NOSTREAM = 0xFFFFFFFF        # directory: no sibling / child
# Streams shorter than the mini stream cutoff (4096) must live in the mini
# stream.  Rather than write a mini FAT, every stream is padded with zeros to
# at least 4096 bytes so that all of them sit in regular sectors.  antiword
# insists on this anyway: it rejects a WordDocument stream under 4096 bytes.
MINI_CUTOFF = 4096

TEXT_FC = 0x400   # where the text starts: first sector after the FIB
FIB_SIZE = 900    # FibBase 32 + 2+28 (RgW) + 2+88 (RgLw) + 2+744 (RgFcLcb) + 2
LID_ZH_CN = 0x0804
# Code page of the SummaryInformation strings: UTF-8, so that a reader that
# honours the code page gets the Chinese title without a GBK table.  (antiword
# ignores it and takes the bytes as Latin-1; file(1) shows only the ASCII.)
CP_UTF8 = 65001

# FMTID_SummaryInformation {F29F85E0-4FF9-1068-AB91-08002B27B3D9}
FMTID_SUMMARY = bytes.fromhex("e0859ff2f94f6810ab9108002b27b3d9")
# CLSID of a Word 97-2003 document {00020906-0000-0000-C000-000000000046}
CLSID_WORD = bytes.fromhex("0609020000000000c000000000000046")


def pad(data, multiple, minimum=0):
    """Zero-pad data to at least minimum bytes, then to a multiple."""
    size = max(len(data), minimum)
    return data + b"\0" * (size + -size % multiple - len(data))


# ---------------------------------------------------------------- Word parts

def build_stsh():
    """Stylesheet ([MS-DOC] 2.9.271) whose only style is "Normal".

    antiword reads the STSH unconditionally and reads past the end of an
    empty buffer (random crashes) when lcbStshf is 0.
    """
    cstd = 15  # the spec requires at least the 15 fixed-index slots
    stshif = struct.pack("<HHHHHH3h", cstd,
                         10,       # cbSTDBaseInFile: StdfBase only
                         0x0001,   # fStdStylenamesWritten: MUST be 1
                         1,        # stiMaxWhenSaved: largest sti (0) + 1
                         15, 0,    # istdMaxFixedWhenSaved, nVerBuiltInNames
                         0, 0, 0)  # default fonts: entry 0 of the font table
    stshi = stshif + struct.pack("<hHI", 0, 4, 0)  # ftcBi, one 4-byte LSD
    name = "Normal".encode("utf-16-le")
    std = struct.pack("<HHHHH", 0x0000,  # sti 0 = Normal
                      0xFFF1,   # stk 1 = paragraph style, istdBase none
                      0x0002,   # cupx 2 (PAPX, CHPX), istdNext 0
                      32, 0)    # bchUpe = size of this STD, grfstd
    std += struct.pack("<H", len(name) // 2) + name + b"\0\0"
    std += struct.pack("<HHH", 2, 0, 0)  # UpxPapx {istd 0}, empty UpxChpx
    assert len(std) == 32
    slots = struct.pack("<H", len(std)) + std + b"\0\0" * (cstd - 1)
    return struct.pack("<H", len(stshi)) + stshi + slots


def build_font_table():
    """SttbfFfn with one font, SimSun ("宋体"), which the stylesheet uses.

    antiword only reads it for PostScript/PDF output, and then reads past
    the end of an empty buffer without it.
    """
    names = "宋体\0SimSun\0".encode("utf-16-le")
    ffn = struct.pack("<BHBB", 0x16,  # variable pitch, TrueType, FF_ROMAN
                      400, 0x86,      # normal weight, GB2312_CHARSET
                      3)              # alternative name at character 3
    ffn += b"\0" * 34 + names        # PANOSE (10) and FONTSIGNATURE (24)
    return struct.pack("<HHB", 1, 0, len(ffn)) + ffn  # cData, cbExtra, cch


def build_clx(ccp):
    """Clx holding just a Pcdt: one piece covering all ccp characters."""
    plc = struct.pack("<II", 0, ccp)            # aCp: piece starts and end
    # Pcd: 2 flag bytes, FcCompressed, prm.  The fc is the byte offset of the
    # text; bit 30 (fCompressed) is left clear, meaning UTF-16LE, not cp1252.
    plc += struct.pack("<HIH", 0, TEXT_FC, 0)
    return struct.pack("<BI", 0x02, len(plc)) + plc   # 0x02 = Pcdt tag


FC_STSHF, FC_STTBFFFN, FC_CLX = 1, 15, 33   # indexes into FibRgFcLcb97


def build_table(ccp):
    """The 1Table stream, and {FibRgFcLcb97 index: (fc, lcb)} for the FIB."""
    table, where = b"", {}
    for index, part in ((FC_STSHF, build_stsh()),
                        (FC_STTBFFFN, build_font_table()),
                        (FC_CLX, build_clx(ccp))):
        where[index] = (len(table), len(part))
        table += pad(part, 2)   # keep structures 2-byte aligned
    return pad(table, SECTOR, MINI_CUTOFF), where


def build_fib(ccp, text_end, where):
    """The 900-byte Word 97 FIB ([MS-DOC] 2.5.1) for a table in 1Table."""
    # fWhichTblStm: the tables are in 1Table.  fExtChar MUST be 1, and it is
    # what makes catdoc decode the text as UTF-16 at all.
    flags = 0x0200 | 0x1000
    # fComplex (0x0004) stays clear: catdoc warns about "fast-saved" files.
    base = struct.pack(
        "<HHHHHHHIBBHHII",
        0xA5EC,          # wIdent: Word 97+ magic
        0x00C1,          # nFib: Word 97
        0,               # unused
        LID_ZH_CN,       # lid
        0,               # pnNext: no AutoText
        flags,
        0x00BF,          # nFibBack: MUST be 0x00BF or 0x00C1
        0, 0, 0, 0, 0,   # lKey, envr, flags2, reserved3, reserved4
        # reserved5/6 were fcMin/fcMac.  Word ignores them, but catdoc reads
        # exactly these bytes as the text instead of using the piece table.
        TEXT_FC, text_end)
    rg_w = struct.pack("<H", 14) + b"\0" * 26 + struct.pack("<H", LID_ZH_CN)
    rg_lw = [0] * 22
    rg_lw[0] = text_end       # cbMac: bytes in use; the padding after is not
    rg_lw[3] = ccp            # ccpText: characters of the main document
    rg_fclcb = [0] * (93 * 2)                 # 93 fc/lcb pairs for nFib 0xC1
    for index, (fc, lcb) in where.items():
        rg_fclcb[2 * index:2 * index + 2] = [fc, lcb]
    fib = (base + rg_w + struct.pack("<H22I", 22, *rg_lw)
           + struct.pack("<H186I", 93, *rg_fclcb)
           + struct.pack("<H", 0))            # cswNew: no FibRgCswNew
    assert len(fib) == FIB_SIZE
    return fib


def build_word_streams(paragraphs):
    """Return (WordDocument, 1Table) stream contents."""
    text = "".join(p + "\r" for p in paragraphs).encode("utf-16-le")
    ccp = len(text) // 2     # one CP per UTF-16 code unit
    table, where = build_table(ccp)
    fib = build_fib(ccp, TEXT_FC + len(text), where)
    word = pad(pad(fib, TEXT_FC) + text, SECTOR, MINI_CUTOFF)
    return word, table


# --------------------------------------------------------- summary property

def filetime(date):
    """FILETIME (100 ns ticks since 1601-01-01) of midnight UTC on date."""
    days = (date - datetime.date(1601, 1, 1)).days
    return days * 86400 * 10 ** 7


def build_summary(title, created):
    """\\x05SummaryInformation property set stream ([MS-OLEPS])."""
    raw = title.encode("utf-8") + b"\0"
    props = [  # (property id, serialised TypedPropertyValue)
        # CodePage is a (signed) VT_I2: 65001 is stored as 0xFDE9.
        (1, struct.pack("<IhH", 0x0002, CP_UTF8 - 65536, 0)),
        (2, pad(struct.pack("<II", 0x001E, len(raw)) + raw, 4)),  # Title LPSTR
        (12, struct.pack("<IQ", 0x0040, filetime(created))),   # CreateTime
    ]
    table, values = b"", b""
    offset = 8 + 8 * len(props)          # Size, Count, then the id/offset list
    for pid, value in props:
        table += struct.pack("<II", pid, offset + len(values))
        values += value
    section = table + values
    section = struct.pack("<II", 8 + len(section), len(props)) + section
    # Byte order, version 0, system id (Win32, OS 6), no CLSID, 1 set.
    header = struct.pack("<HHI16sI", 0xFFFE, 0, 0x00020006, b"\0" * 16, 1)
    header += FMTID_SUMMARY + struct.pack("<I", 28 + 20)  # section offset 48
    return pad(header + section, SECTOR, MINI_CUTOFF)


# ---------------------------------------------------------- compound file

def dir_entry(name, kind, start=ENDOFCHAIN, size=0, left=NOSTREAM,
              right=NOSTREAM, child=NOSTREAM, clsid=b"\0" * 16):
    """One 128-byte directory entry; kind 5 = root, 2 = stream, 0 = unused."""
    raw = (name + "\0").encode("utf-16-le") if name else b""
    color = 1  # black: a perfect tree of 1 or 3 black nodes is a valid RB tree
    return struct.pack("<64sHBBIII16sIQQIQ", raw, len(raw), kind, color,
                       left, right, child, clsid, 0, 0, 0, start, size)


def build_cfb(streams):
    """Pack (name, data) streams, each >= 4096 bytes, into a compound file.

    Sector layout: FAT sector(s), one directory sector, then each stream in
    one contiguous run.  The three stream entries are siblings under the
    root, in a red-black tree ordered by name length first ([MS-CFB] 2.6.4).
    """
    assert len(streams) == 3
    counts = [len(data) // SECTOR for _, data in streams]
    n_fat = 1
    while n_fat * SECTOR // 4 < n_fat + 1 + sum(counts):
        n_fat += 1
    assert n_fat <= 109, "would need DIFAT sectors"
    fat = [FATSECT] * n_fat + [ENDOFCHAIN]    # the FAT, then the directory
    starts = []
    for count in counts:
        starts.append(len(fat))
        fat += list(range(len(fat) + 1, len(fat) + count)) + [ENDOFCHAIN]
    fat += [FREESECT] * (n_fat * SECTOR // 4 - len(fat))

    order = sorted(range(3), key=lambda i: (len(streams[i][0]),
                                            streams[i][0].upper()))
    low, mid, high = (i + 1 for i in order)   # directory ids: root is 0
    entries = [dir_entry("Root Entry", 5, child=mid, clsid=CLSID_WORD)]
    for i, (name, data) in enumerate(streams):
        kids = {"left": low, "right": high} if i + 1 == mid else {}
        entries.append(dir_entry(name, 2, starts[i], len(data), **kids))
    directory = pad(b"".join(entries), SECTOR)
    directory += b"".join(dir_entry("", 0, start=0)
                          for _ in range(len(directory) // 128, 4))

    header = struct.pack(
        "<8s16sHHHHH6sIIIIIIIII",
        bytes.fromhex("d0cf11e0a1b11ae1"), b"\0" * 16,
        0x003E, 0x0003,   # minor and major version: 3 = 512-byte sectors
        0xFFFE,           # byte order mark: little-endian
        9, 6,             # sector shift (512) and mini sector shift (64)
        b"\0" * 6,
        0,                # directory sector count: must be 0 in version 3
        n_fat, n_fat,     # FAT sector count; directory follows the FAT
        0,                # transaction signature
        MINI_CUTOFF,
        ENDOFCHAIN, 0,    # no mini FAT
        ENDOFCHAIN, 0)    # no DIFAT sectors
    difat = list(range(n_fat)) + [FREESECT] * (109 - n_fat)
    header += struct.pack("<109I", *difat)
    return (header + struct.pack("<%dI" % len(fat), *fat) + directory
            + b"".join(data for _, data in streams))


# ------------------------------------------------------------ catdoc check

def catdoc_blind_spots(text):
    """Start (in UTF-16 units) of each 128-unit block that catdoc misreads.

    catdoc ignores the piece table.  It reads fcMin..fcMac in 256-byte
    blocks and, for each block, guesses UTF-16 only if the block holds an
    ASCII space, CR or punctuation mark (that byte, then a zero byte); else
    it decodes the block as 8-bit cp1252.  So any 128 CJK characters in a
    row with no ASCII punctuation come out garbled, whatever the file says.
    """
    marks = (" \r" + string.punctuation).encode("ascii")
    data = text.encode("utf-16-le")
    return [start // 2 for start in range(0, len(data), 256)
            if not any(data[i] in marks and data[i + 1] == 0
                       for i in range(start, min(start + 256, len(data)), 2))]


def main(argv):
    if len(argv) < 4:
        sys.exit("usage: gen-doc.py OUT TITLE PARA...")
    out, title, paragraphs = argv[1], argv[2], argv[3:]
    for p in paragraphs:
        if any(ord(c) < 0x20 for c in p):
            sys.exit("gen-doc.py: control characters are not allowed: %r" % p)
    try:
        created = datetime.date.fromisoformat(
            os.environ.get("CREATED", "2024-03-01"))
    except ValueError:
        sys.exit("gen-doc.py: CREATED must be YYYY-MM-DD")
    for unit in catdoc_blind_spots("".join(p + "\r" for p in paragraphs)):
        print("gen-doc.py: warning: catdoc will garble text units %d-%d (no "
              "ASCII space/punctuation)" % (unit, unit + 127), file=sys.stderr)
    word, table = build_word_streams(paragraphs)
    summary = build_summary(title, created)
    data = build_cfb([("WordDocument", word), ("1Table", table),
                      ("\x05SummaryInformation", summary)])
    with open(out, "wb") as f:
        f.write(data)


if __name__ == "__main__":
    main(sys.argv)
