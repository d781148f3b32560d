/*
 * zc_package.h — the extract stage for packaged formats, ZIP archives
 * of XML parts (zc_zip.h): Word's DOCX and OFD (GB/T 33190), the
 * national format of electronic official documents.  Their text becomes
 * the lines the stages after extract read (zc_extract.h).
 *
 * DOCX: word/document.xml in document order, one line per paragraph
 * (w:p; a w:br starts another line of it) and per table row (its cells
 * joined by " | ", as HTML tables are), each a block of its own: a
 * line's number is the ordinal of its block, the only place a Word file
 * has.  Deleted text and field codes are not text; headers, footers and
 * comments are other parts, not read.  docProps/core.xml's title and
 * created date are hints (the weakest title and 发布日期).
 *
 * OFD: OFD.xml names the document (DocRoot) and its DocInfo (Title and
 * CreationDate: hints); the document lists its pages; each page's TextObjects, in the
 * order of the page, are joined into lines by their baseline, and the
 * pages become lines numbered by page (zc_pages.h), running headers and
 * footers out of the flow.
 *
 * Bounds: an XML part larger than ZC_PACKAGE_MAX_PART is refused
 * (ZC_ETOOBIG), and so is an OFD of more than ZC_MAX_PAGES pages
 * or of pages whose parts add up to more than ZC_MAX_INPUT.
 */
#ifndef ZC_PACKAGE_H
#define ZC_PACKAGE_H

#include <libxml/tree.h>

#include "zc_decode.h"
#include "zc_extract.h"
#include "zc_pages.h"
#include "zc_zip.h"

#define ZC_PACKAGE_MAX_PART ((size_t)64 << 20)

/* The lines of the package bytes[0..len) into *out (zeroed first; free
 * with zc_lines_free, also on failure), and its format into *fmt
 * (ZC_FORMAT_DOCX or ZC_FORMAT_OFD, by the parts it has).  Statuses:
 * those of zc_zip_open and zc_zip_read; ZC_EBINARY for a ZIP archive
 * that is neither, or a document without text. */
zc_status zc_package_extract(const char *bytes, size_t len, zc_format *fmt,
    zc_lines *out, zc_error *err);

/* The readers of the two formats, on an open archive. */
zc_status zc_docx_extract(zc_zip *z, zc_lines *out, zc_error *err);
zc_status zc_ofd_extract(zc_zip *z, zc_lines *out, zc_error *err);

/* Part name of z parsed as XML (never a DTD, an entity or the network),
 * at most max bytes of it (*budget, when not NULL, is lowered by its
 * size, and a part beyond it is ZC_ETOOBIG too); free with xmlFreeDoc. */
zc_status zc_package_parse(zc_zip *z, const char *name, size_t max,
    size_t *budget, xmlDoc **out, zc_error *err);

/* Whether n is an element called local (any namespace). */
bool zc_package_is(const xmlNode *n, const char *local);
/* The first child element of n called local, or NULL. */
xmlNode *zc_package_child(const xmlNode *n, const char *local);

#endif
