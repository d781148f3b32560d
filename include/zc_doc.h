/*
 * zc_doc.h — a document as the pipeline hands it to the indexer: its
 * metadata and its passages.  All strings are UTF-8 and owned by the
 * zc_doc; zc_doc_free releases everything.
 */
#ifndef ZC_DOC_H
#define ZC_DOC_H

#include <stddef.h>

#include "zc_fields.h"
#include "zc_util.h"

typedef struct zc_meta {
	char *value[ZC_FIELD_COUNT]; /* by zc_field; NULL when absent */
} zc_meta;

/* How a passage's text follows the passage before it: exact text and
 * NEAR never span a new paragraph, and span the cut of a long paragraph
 * or the line break inside a block as if it were not there
 * (zc_terms_index). */
typedef enum zc_join {
	ZC_JOIN_PARAGRAPH, /* a new paragraph */
	ZC_JOIN_DIRECT,    /* the same paragraph, nothing between */
	ZC_JOIN_SPACE      /* the same paragraph, whitespace between (which
	                    * normalisation may drop, zc_norm.h) */
} zc_join;

/* Where a later line of the source file begins inside a passage that
 * joins the hard-wrapped lines of a paragraph: from byte off of its text
 * on, the text is from source line line.  A search names the line of a
 * match with it (zcsearch's path:line, --vimgrep). */
typedef struct zc_line_start {
	size_t off;    /* 0 < off < the passage's len, growing */
	unsigned line;
} zc_line_start;

typedef struct zc_passage {
	char *text;    /* as displayed: cleaned, not normalised */
	size_t len;    /* bytes */
	unsigned line; /* 1-based line of the source file where it starts */
	unsigned pos;  /* its first term position in the index (set by
	                * zc_indexdoc_build; 0 before) */
	zc_join join;  /* how it follows the passage before */
	zc_line_start *starts; /* n_starts lines after the first; owned */
	size_t n_starts;
} zc_passage;

typedef struct zc_doc {
	char *path;           /* absolute path as indexed */
	const char *format;   /* "text", "markdown", "html", "xml", "pdf",
	                       * "docx", "ofd" (static) */
	const char *encoding; /* "UTF-8", "GB18030", ... (static) */
	zc_meta meta;
	zc_passage *passages;
	size_t n_passages;
	size_t cap_passages;
} zc_doc;

/* Append a passage (text copied) that starts a paragraph; the caller
 * may set its join. */
void zc_doc_add_passage(zc_doc *doc, const char *text, size_t len,
    unsigned line);
/* Say that source line line begins at byte off of the last passage
 * added (after the starts given before it). */
void zc_doc_add_line_start(zc_doc *doc, size_t off, unsigned line);
/* The source line of byte off of a passage that starts at line and has
 * the line starts starts[0..n). */
unsigned zc_line_at(unsigned line, const zc_line_start *starts, size_t n,
    size_t off);
/* Whether the passages of a document of format name[0..len) count
 * pages, not lines, in their line and line starts: a PDF's or an OFD's
 * ("pdf", "ofd"). */
bool zc_doc_format_paged(const char *name, size_t len);
/* Set a field (value copied; NULL clears it). */
void zc_meta_set(zc_meta *meta, zc_field f, const char *value);
void zc_meta_free(zc_meta *meta);
/* Append the metadata as the members of a JSON object, without braces
 * ("title":...,"index_no":...): the key of every metadata field of
 * zc_fields.h in order, absent values as null.  zcindex --dump prints
 * them as an object, zcsearch --json inside the object of a hit. */
void zc_meta_json(zc_buf *out, const zc_meta *meta);
/* Release everything the document owns and zero it. */
void zc_doc_free(zc_doc *doc);

#endif
