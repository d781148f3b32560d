/*
 * print.h — zcsearch's output formats, one printer chosen once: human
 * text (with colour or [[brackets]] around matches), --vimgrep lines,
 * JSON Lines, TSV.
 * A printer appends to a buffer; main.c writes it and checks stdout.
 */
#ifndef ZCSEARCH_PRINT_H
#define ZCSEARCH_PRINT_H

#include <stdbool.h>

#include "zc_highlight.h"
#include "zc_search.h"
#include "zc_util.h"

/* Text mode marks a match without colour with these: ASCII, easy to
 * grep or strip with sed, and not found in policy text, whose own
 * brackets are 【】〔〕（）[] one at a time. */
#define MARK_OPEN "[["
#define MARK_CLOSE "]]"

/* Text mode shows this many characters each side of the matches of a
 * passage (-C): with a match, about two lines of an 80-column terminal,
 * Chinese characters taking two columns each. */
#define DEFAULT_CONTEXT 30

/* How a hit is printed. */
typedef struct hit_style {
	const zc_hit *prev; /* the hit printed before, or NULL */
	bool colour;        /* text: ANSI colours instead of [[ ]] */
	bool by_words;      /* found by the words of the bare text, which
	                     * occurs nowhere as typed (zcsearch(1),
	                     * FALLBACK) */
	unsigned context;   /* text: characters shown each side of the
	                     * matches; 0 = the whole passage */
} hit_style;

typedef struct printer {
	/* Before the first hit (the TSV header); may be NULL. */
	void (*begin)(zc_buf *out);
	/* One hit with its spans. */
	void (*hit)(zc_buf *out, const zc_hit *hit, const hit_style *st);
} printer;

/* Text: a header per document (path:line of its first match, title,
 * metadata), then its passages cut around their matches, each passage
 * after the first led by its line.  --vimgrep: path:line:column:text per
 * match, text being the source line's part of the passage. */
extern const printer text_printer, vimgrep_printer, json_printer,
    tsv_printer;

/* The counts of --count-by.  Text: per facet a header and one row per
 * value, with a bar scaled to the largest count when width (the
 * terminal's columns) is not 0.  JSON Lines: {"field":"year",
 * "value":"2024","count":12} per value.  TSV: field, value, count. */
void print_counts_text(zc_buf *out, const zc_facet_counts *c, size_t n,
    int width);
void print_counts_json(zc_buf *out, const zc_facet_counts *c, size_t n);
void print_counts_tsv(zc_buf *out, const zc_facet_counts *c, size_t n);

#endif
