/*
 * zc_extract.h — the extract stage: UTF-8 text of a file in a given
 * format → its visible text as a list of lines, each with the 1-based
 * line of the source file where it starts, plus the metadata candidates
 * that only markup carries (<title>, government <meta> tags, the first
 * heading).
 *
 * Text and Markdown: one zc_line per source line (Markdown markers
 * removed).  HTML: one zc_line per block element (or <br>), cells of a
 * table row joined by " | ", script/style/nav/header/footer dropped.
 * XML: the text of each element.  Lines are trimmed of nothing yet:
 * clean (zc_clean.h) normalises them.  The list is the currency of the
 * stages after this one: clean, meta and passage all work on it.
 */
#ifndef ZC_EXTRACT_H
#define ZC_EXTRACT_H

#include <stddef.h>

#include "zc_decode.h"
#include "zc_doc.h"
#include "zc_util.h"

enum {
	ZC_LINE_BREAK = 1,   /* a hard boundary precedes it: a blank line
	                        or the start of a block element */
	ZC_LINE_CONT = 2,    /* continues the paragraph of the line before
	                        (a hard-wrapped line; set by clean) */
	ZC_LINE_META = 4,    /* a metadata line (labels, header date): a
	                        passage of its own (set by meta) */
	ZC_LINE_HEADING = 8, /* a markup heading (# or <h1>..<h6>) */
	ZC_LINE_DROP = 16    /* removed by clean (chrome); skip it */
};

typedef struct zc_line {
	char *text;    /* UTF-8, NUL-terminated, owned by the list */
	size_t len;    /* bytes */
	char *raw;     /* NULL, or (after clean) the text with whitespace
	                  collapsed but not yet removed between Han
	                  characters: label boundaries for meta; owned */
	unsigned line; /* 1-based line in the source file */
	unsigned flags;
	zc_line_start *starts; /* where later source lines begin in text:
	                          an HTML or XML block written over several
	                          lines (zc_doc.h); owned */
	size_t n_starts;
} zc_line;

/* Metadata that only markup carries, raw (not yet validated; zc_clean
 * tidies the titles and the heading). */
typedef struct zc_hints {
	zc_meta tags;    /* <meta name=ArticleTitle|PubDate|ContentSource...>:
	                    title, date (raw text), issuer, ... */
	char *title_tag; /* text of <title> */
	char *heading;   /* first "# " heading or <h1> */
	char *created;   /* the day the file says it was made (a PDF's
	                    CreationDate, an OFD's DocInfo, a DOCX's
	                    dcterms:created): the weakest 发布日期 */
} zc_hints;

typedef struct zc_lines {
	zc_line *items;
	size_t n;
	size_t cap;
	zc_hints hints;
} zc_lines;

/* Append a line (text copied). */
void zc_lines_add(zc_lines *l, const char *text, size_t len, unsigned line,
    unsigned flags);
/* Say that source line line begins at byte off of the text of the last
 * line added (0 < off < its len, after the starts given before). */
void zc_lines_add_start(zc_lines *l, size_t off, unsigned line);
/* Replace the text of item i (text copied); the old text becomes raw
 * when keep_raw and raw is still NULL.  The new text is the old with
 * whitespace changed, added or taken out, or cut short (clean): its
 * line starts move with the visible characters they stand before, and
 * go with them when the text is cut. */
void zc_lines_set_text(zc_lines *l, size_t i, const char *text, size_t len,
    bool keep_raw);
/* Release everything and zero the list. */
void zc_lines_free(zc_lines *l);

/* Initialise libxml2; call once before starting threads.  (Extraction
 * also does it on first use, through pthread_once.) */
void zc_extract_init(void);
/* Send libxml2's error reports of this thread nowhere (its handlers are
 * per thread; NOERROR does not silence encoding errors): before any
 * parse. */
void zc_extract_silence(void);

/* Extract utf8[0..len) as format fmt into *out (zeroed first; free it
 * with zc_lines_free even on failure).  Malformed markup is recovered,
 * never an error; ZC_EINVAL only when libxml2 cannot build any tree. */
zc_status zc_extract(zc_format fmt, const char *utf8, size_t len,
    zc_lines *out, zc_error *err);

#endif
