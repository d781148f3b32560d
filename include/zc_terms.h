/*
 * zc_terms.h — the term scheme: what text becomes in the index, and the
 * query that finds it again.  Indexer and searcher both go through here,
 * so documents and queries are normalised and segmented the same way
 * (zc_norm.h, zc_segment.h) and the scheme lives in one place.
 *
 * Guarantee: zc_terms_query(field, exact text) matches a document
 * exactly when one text indexed in that field (a passage of the body,
 * the title, the issuer: one zc_terms_index call each) contains the
 * query text, both normalised: what grep would find after
 * normalisation: every character counts (digits, %, Latin, punctuation,
 * quotation marks), a whitespace run counts as one space, and a match
 * may start or end inside a number or a Latin word.  The unit is the
 * file; its paragraphs are stretches of its positions with a gap between
 * them that no phrase or NEAR spans, and a paragraph cut into several
 * passages is one stretch (zc_terms_index).  Words add ranking.
 */
#ifndef ZC_TERMS_H
#define ZC_TERMS_H

#include <stddef.h>

#include "zc_doc.h"
#include "zc_fields.h"
#include "zc_segment.h"
#include "zc_util.h"
#include "zc_xapian.h"

/* Per-thread state: ICU iterators, the lexicon.  Not thread-safe: one
 * per thread.  lexicon_path: a user's extra terms, one a line (NULL for
 * the shipped lexicon only). */
typedef struct zc_analyzer zc_analyzer;
zc_status zc_analyzer_new(const char *lexicon_path, zc_analyzer **out,
    zc_error *err);
void zc_analyzer_free(zc_analyzer *a);

/* field, in the functions below: a field of kind ZC_FK_TEXT
 * (zc_fields.h), whose prefixes the terms take. */

/* Add the terms of text[0..len) to doc, after the text of field
 * indexed last (*pos its end), as join says: after a gap that no phrase
 * or NEAR spans (a new paragraph), directly, or after one whitespace
 * unit unless normalisation would drop that whitespace between the two
 * texts' characters (zc_norm.h).  *pos 0 starts the field, at 1, and
 * ignores join; a text without characters passes its join on to the
 * next.  *pos is advanced past the text; *start (unless NULL) is where
 * its first character is. */
zc_status zc_terms_index(zc_analyzer *a, zc_xdoc *doc, zc_field field,
    const char *text, size_t len, zc_join join, unsigned *pos,
    unsigned *start, zc_error *err);

/* The widest NEAR window that never spans two paragraphs. */
#define ZC_TERMS_MAX_WINDOW 2047

/* A piece of query text analysed once: normalised, cut into units and,
 * at the first zc_terms_words, segmented.  Its query, its NEAR anchor
 * and its highlights (zc_highlight.h) all read this one analysis.  On
 * ZC_OK *out is yours (zc_qtext_free); statuses: those of zc_norm_text. */
typedef struct zc_qtext zc_qtext;
zc_status zc_terms_analyse(zc_analyzer *a, const char *text, size_t len,
    zc_qtext **out, zc_error *err);
void zc_qtext_free(zc_qtext *t); /* NULL is fine */

/* The normalised text of t (NUL-terminated), borrowed for t's
 * lifetime. */
const char *zc_qtext_norm(const zc_qtext *t, size_t *len);

/* The words of t's normalised text by zc_segment_query, segmented at
 * the first call and kept: *words is borrowed for t's lifetime.
 * Statuses: those of zc_segment_query. */
zc_status zc_terms_words(zc_analyzer *a, zc_qtext *t, const zc_word **words,
    size_t *n, zc_error *err);

/* How a query text matches. */
typedef enum zc_match {
	ZC_MATCH_EXACT, /* quoted: contiguous, as typed */
	ZC_MATCH_TYPED, /* bare: contiguous, as typed; its words rank */
	ZC_MATCH_WORDS  /* bare text's fallback: each of its words of more
	                 * than one character, anywhere in the field, in
	                 * any order; they rank too */
} zc_match;

/* The query for the text t in field, as how says.  A text with no
 * characters gives a match-nothing query. */
zc_status zc_terms_query(zc_analyzer *a, zc_field field, zc_qtext *t,
    zc_match how, zc_query **out, zc_error *err);

/* Has t words that ZC_MATCH_WORDS would look for apart: is its
 * fallback a different query?  Statuses: those of zc_terms_words. */
zc_status zc_terms_has_words(zc_analyzer *a, zc_qtext *t, bool *out,
    zc_error *err);

/* The one term that stands for t under NEAR (Xapian 1.4 accepts only
 * single terms there): the term of its first unit, appended to term
 * (nothing when the text has no unit); *width is the number of positions
 * the text takes, which the NEAR window must allow for. */
void zc_terms_anchor(const zc_qtext *t, zc_field field, zc_buf *term,
    unsigned *width);
/* The number of units of t, and the term of unit i (< that number)
 * appended to term: t's exact text is where unit i is at the position
 * of unit 0 + i, for every i. */
size_t zc_terms_units(const zc_qtext *t);
void zc_terms_unit(const zc_qtext *t, zc_field field, size_t i,
    zc_buf *term);

#endif
