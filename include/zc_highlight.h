/*
 * zc_highlight.h — where a query's texts occur in a passage: the spans a
 * printer highlights and --json reports.
 *
 * Matching runs on normalised text (zc_norm.h) on both sides, as the
 * search does, and the normaliser's map sends each match back to the
 * original passage: 科技創新治 理 is highlighted whole for 科技创新治理.
 * Spans are sorted, merged when they overlap or touch, and given in code
 * points (what --json prints) and in bytes (what a printer cuts at).
 */
#ifndef ZC_HIGHLIGHT_H
#define ZC_HIGHLIGHT_H

#include <stdbool.h>
#include <stddef.h>

#include "zc_terms.h"
#include "zc_util.h"

typedef enum zc_hl_kind {
	/* Bare query text that the search took apart (its fallback,
	 * ZC_MATCH_WORDS): where it occurs as typed, and (with the
	 * analyzer given) each of its words that is more than one
	 * character (zc_terms_words), wherever it occurs.  Bare text
	 * matched as typed is ZC_HL_EXACT. */
	ZC_HL_WORDS,
	/* Quoted text: occurs contiguously, a whitespace run matching any
	 * whitespace run, from and to any character, as grep finds it. */
	ZC_HL_EXACT,
	/* A Latin prefix (tech*, given without the star): words starting
	 * with it. */
	ZC_HL_PREFIX
} zc_hl_kind;

typedef struct zc_hl_text {
	zc_qtext *text;   /* the query text, analysed (zc_terms.h); borrowed */
	zc_hl_kind kind;
} zc_hl_text;

typedef struct zc_span {
	size_t start_cp, end_cp;     /* [start, end) in code points */
	size_t start_byte, end_byte; /* the same in bytes */
} zc_span;

typedef struct zc_spans {
	zc_span *span; /* n entries, sorted, disjoint; owned */
	size_t n;
	size_t cap;
} zc_spans;

#define ZC_SPANS_INIT { NULL, 0, 0 }

/* The query's texts, from their analysis (the normalised text, and the
 * words of a bare text, segmented by a's segmenter if they are not yet:
 * a may be NULL), turned into patterns once for every passage to come.
 * Texts with nothing to match (punctuation only) are dropped.  On ZC_OK,
 * *out is yours: zc_highlighter_free.  Statuses: those of
 * zc_terms_words. */
typedef struct zc_highlighter zc_highlighter;
zc_status zc_highlighter_new(zc_analyzer *a, const zc_hl_text *texts,
    size_t n, zc_highlighter **out, zc_error *err);
void zc_highlighter_free(zc_highlighter *h); /* NULL is fine */

/* The spans of passage[0..len) matched by the texts of h.  *out must be
 * ZC_SPANS_INIT or a zc_spans used before (it is emptied, memory kept).
 * h keeps scratch memory, so one highlighter serves one thread. */
zc_status zc_highlight(zc_highlighter *h, const char *passage, size_t len,
    zc_spans *out, zc_error *err);
void zc_spans_free(zc_spans *s); /* *s becomes empty */

#endif
