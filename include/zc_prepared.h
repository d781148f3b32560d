/*
 * zc_prepared.h — a query text prepared for searching, analysed once:
 * query text → parse (zc_qparse.h) → analyse its texts (zc_qbuild.h) →
 * build the Xapian query (zc_qbuild.h); and, for a search that shows
 * passages, the texts to highlight, their anchor terms and the
 * highlighter (zc_highlight.h), made from the same analyses.  First stage
 * of the search pipeline: prepared query → search (zc_search.h) → hits
 * with their spans → print.
 *
 * The texts highlighted are the words, quoted strings and prefixes of
 * the query that search the body and are not negated: a negated text
 * matched nothing in the passage shown, and a title: or issuer: text is
 * not in it.
 */
#ifndef ZC_PREPARED_H
#define ZC_PREPARED_H

#include <stdbool.h>
#include <stddef.h>

#include "zc_highlight.h"
#include "zc_terms.h"
#include "zc_util.h"
#include "zc_xapian.h"

typedef struct zc_prepared zc_prepared;

enum {
	ZC_PREPARE_LITERAL = 1, /* text is one literal string, as grep -F
	                         * takes it (zc_qparse_literal) */
	ZC_PREPARE_WORDS = 2    /* bare texts match by their words, not as
	                         * typed (zc_qbuild_opts.words): the
	                         * fallback of ranked output */
};

/* Parse (flags 0: the query language of zc_qparse.h), analyse and build
 * text[0..len) (zc_qbuild_opts defaults).  a is
 * borrowed for the prepared query's lifetime.  On ZC_OK *out is yours
 * (zc_prepared_free).  On failure *out is NULL, msg holds the whole
 * message without the program name ("query: unbalanced quote\n  ...\n
 * ^" for a syntax error) and the status says which kind it was:
 * ZC_EINVAL or ZC_ETOOBIG for the user's query, anything else for the
 * library. */
zc_status zc_prepared_new(zc_analyzer *a, const char *text, size_t len,
    unsigned flags, zc_prepared **out, zc_buf *msg);
void zc_prepared_free(zc_prepared *p); /* NULL is fine */

/* The Xapian query, borrowed for p's lifetime. */
const zc_query *zc_prepared_query(const zc_prepared *p);

/* Would ZC_PREPARE_WORDS make a different query of the same text: has a
 * bare text of the body, not negated, words to look for apart
 * (zc_terms_has_words)?  Statuses: those of zc_terms_words. */
zc_status zc_prepared_has_fallback(zc_prepared *p, bool *out,
    zc_error *err);

/* Anchors are counted per passage in a bit mask (zc_search.h). */
#define ZC_PICKER_MAX_ANCHORS 32

/* How the passages of a matching document are chosen and highlighted:
 * the anchor term of each text to highlight (zc_terms_anchor), at most
 * ZC_PICKER_MAX_ANCHORS, and the highlighter of those texts. */
/* Units after the anchor that a passage must hold in a row before the
 * highlighter looks at it. */
#define ZC_PICKER_MAX_FOLLOWERS 3

typedef struct zc_picker {
	zc_highlighter *hl;
	char **anchor;   /* n terms */
	size_t n;
	bool unanchored; /* some text has no anchor (a prefix*): every
	                  * passage is a candidate for the highlighter */
	/* When every text is exact text with an anchor: the terms of the
	 * units that follow each anchor (up to ZC_PICKER_MAX_FOLLOWERS), so
	 * that a passage in which no anchor is followed by them, position
	 * after position, is known to hold no match without highlighting
	 * it (search.c). */
	bool in_a_row;
	char *follower[ZC_PICKER_MAX_ANCHORS][ZC_PICKER_MAX_FOLLOWERS];
	size_t n_followers[ZC_PICKER_MAX_ANCHORS];
} zc_picker;

/* The picker of p, borrowed for p's lifetime.  It is made at the first
 * call, by the first search that shows passages: -l and -c need none,
 * and a highlighter may segment a text the query itself did not need
 * segmented.  Statuses: those of zc_highlighter_new. */
zc_status zc_prepared_picker(zc_prepared *p, const zc_picker **out,
    zc_error *err);

#endif
