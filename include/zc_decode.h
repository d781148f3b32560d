/*
 * zc_decode.h — the read stage: which format a file is (extension,
 * confirmed by sniffing the content) and its bytes as UTF-8.
 *
 * Encoding is chosen here, never by libxml2 (docs/pitfalls.md, libxml2):
 * BOM, then a strict UTF-8 check, then a charset declaration in the
 * first bytes, then ICU's detector on enough non-ASCII bytes with a
 * confidence threshold, else GB18030.  gb2312/gbk/cp936 are read with
 * the GB18030 converter and Big5 with Big5-HKSCS, because the narrower
 * ICU converters silently mangle characters outside their sets.
 * Invalid byte sequences become U+FFFD: decoding never fails on text.
 */
#ifndef ZC_DECODE_H
#define ZC_DECODE_H

#include <stddef.h>

#include "zc_util.h"

/* Files above this size are refused with ZC_ETOOBIG. */
#define ZC_MAX_INPUT ((size_t)256 << 20)

typedef enum zc_format {
	ZC_FORMAT_TEXT,
	ZC_FORMAT_MARKDOWN,
	ZC_FORMAT_HTML,
	ZC_FORMAT_XML,
	ZC_FORMAT_PDF,     /* not text: its own extract stage (zc_pdf.h) */
	ZC_FORMAT_DOCX,    /* ZIP packages of XML (zc_package.h) */
	ZC_FORMAT_OFD,
	ZC_FORMAT_DOC      /* binary Word, through a converter (zc_worddoc.h) */
} zc_format;

/* "text", "markdown", "html", "xml", "pdf", "docx", "ofd", "doc"
 * (static strings). */
const char *zc_format_name(zc_format f);

/* Whether a directory walk indexes a file of this name (a base name or
 * a path): its extension is one of .txt, .md, .markdown, .html, .htm,
 * .shtml, .xhtml, .xml, .pdf, .docx, .ofd, .doc, .wps, in any case.  If so, and fmt is not NULL, *fmt
 * is the format the extension announces. */
bool zc_format_indexable(const char *name, zc_format *fmt);

/* The format guessed from name: that of an indexable extension, text
 * for any other name (a file given explicitly is read whatever its
 * name). */
zc_format zc_format_from_name(const char *name);

/* Confirm or override the guess by looking at the decoded text: an HTML
 * page saved as .txt is still HTML, an .html file without any markup is
 * text. */
zc_format zc_format_sniff(zc_format guess, const char *utf8, size_t len);

/* Which encoding bytes[0..len) are in.  *encoding is a static name
 * ("UTF-8", "UTF-16LE", "UTF-16BE", "GB18030", "Big5-HKSCS", or another
 * ICU canonical name taken from a declaration).  ZC_EBINARY when the
 * bytes contain NUL (and no UTF-16 BOM) or many control bytes. */
zc_status zc_decode_detect(const char *bytes, size_t len,
    const char **encoding, zc_error *err);

/* Detect (as above) and convert to UTF-8, appended to out (caller frees
 * it with zc_buf_free).  A BOM is dropped.  Statuses: ZC_EBINARY,
 * ZC_ETOOBIG (len > ZC_MAX_INPUT), ZC_EICU (a converter failed to open). */
zc_status zc_decode(const char *bytes, size_t len, zc_buf *out,
    const char **encoding, zc_error *err);

#endif
