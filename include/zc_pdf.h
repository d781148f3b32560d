/*
 * zc_pdf.h — the extract stage for PDF: the text layer of each page,
 * through poppler's GLib API, as the lines the stages after extract work
 * on (zc_extract.h).
 *
 * Lines come in poppler's reading order, numbered by page, running
 * headers and footers out of the flow (zc_pages.h; zcsearch prints
 * path:p3:).  The document information's Title is a markup hint, the
 * weakest source of a title, and its CreationDate the weakest of a
 * 发布日期.
 */
#ifndef ZC_PDF_H
#define ZC_PDF_H

#include <stdbool.h>
#include <stddef.h>

#include "zc_extract.h"
#include "zc_util.h"

/* Whether bytes[0..len) is a PDF whatever its name: it starts "%PDF-"
 * (readers accept junk before it, but a text that quotes the marker
 * must stay text; a file named .pdf is read as one anyway). */
bool zc_pdf_sniff(const char *bytes, size_t len);

/* The lines of the PDF bytes[0..len) into *out (zeroed first; free with
 * zc_lines_free, also on failure).  ZC_EINVAL for a file poppler cannot
 * open ("encrypted (needs a password)", or its reason); ZC_EBINARY when
 * no page has text ("no text layer (scanned?)"); ZC_ETOOBIG for more
 * than ZC_MAX_PAGES pages or more than ZC_MAX_INPUT of text. */
zc_status zc_pdf_extract(const char *bytes, size_t len, zc_lines *out,
    zc_error *err);

#endif
