/*
 * zc_pages.h — the lines of a paged document (a PDF, an OFD) as the
 * stages after extract read them (zc_extract.h), page by page.
 *
 * A line's number is its page: in a paged document the page is what a
 * reader finds a passage by (zc_doc_format_paged).  No page starts a
 * paragraph, so that clean joins a sentence that runs across a page
 * break as it joins hard-wrapped lines.  A running header or footer, the
 * same first or last line on at least two pages and half of them (digits
 * aside: page numbers), is taken out of every page and kept once, at the
 * end, as a line of its own: searchable, and never between the two
 * halves of a sentence.  A running line that says only a page number
 * ("- 3 -", "第3页 共9页") is pagination, not text, and is not kept.
 */
#ifndef ZC_PAGES_H
#define ZC_PAGES_H

#include <stddef.h>

#include "zc_extract.h"

/* More pages than this and a document is refused (ZC_ETOOBIG): reading
 * each costs time even when it is empty, and no policy runs longer. */
#define ZC_MAX_PAGES 10000

typedef struct zc_page {
	char **line; /* n lines, each non-empty, without a line feed; owned */
	size_t n, cap;
} zc_page;

typedef struct zc_pages {
	zc_page *page; /* n pages, the first is page 1; owned */
	size_t n;
} zc_pages;

/* n empty pages; ZC_ETOOBIG ("N pages (at most 10000)") when n is more
 * than ZC_MAX_PAGES, *p then empty (zc_pages_free is fine). */
zc_status zc_pages_init(zc_pages *p, size_t n, zc_error *err);
/* Append to page k the lines of text[0..len), split at line feeds,
 * trimmed of trailing spaces and carriage returns, blank ones left out. */
void zc_pages_add_text(zc_pages *p, size_t k, const char *text, size_t len);
/* Append one line (copied; nothing if it is empty) to page k. */
void zc_pages_add_line(zc_pages *p, size_t k, const char *text, size_t len);
/* The lines of every page into out, running headers and footers moved. */
void zc_pages_to_lines(const zc_pages *p, zc_lines *out);
void zc_pages_free(zc_pages *p);

#endif
