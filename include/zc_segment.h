/*
 * zc_segment.h — Chinese word segmentation: ICU's dictionary-based word
 * break iterator, then rules ICU lacks (zc_segrules.h): a number with
 * its unit or measure word is one word (2024年, 250家, 70.3%, 7194.48万元,
 * 二〇二四年, 第三十八条), an ISO date is one word (2024-08-12), and
 * pieces that together spell a lexicon term are merged (longest match
 * over ICU's pieces: 科技 / 企业 / 孵化器 → 科技企业孵化器).
 *
 * Each segmenter has a lexicon (zc_lexicon.h): the shipped terms,
 * compiled into the library so that creating a segmenter reads no file,
 * and a user's (--lexicon FILE).  ICU is opened lazily, at the first
 * segmentation.
 *
 * Words are byte ranges of the text given: the text is not changed, so
 * the same call segments original text (zcindex --segment) and
 * normalised text (zc_terms.h).  Whitespace is not a word; every other
 * character belongs to exactly one word.
 */
#ifndef ZC_SEGMENT_H
#define ZC_SEGMENT_H

#include <stdbool.h>
#include <stddef.h>

#include "zc_util.h"

typedef enum zc_word_kind {
	ZC_WORD_HAN,    /* Chinese word (may contain digits: 2024年) */
	ZC_WORD_NUMBER, /* digits, decimals, percentages, dates */
	ZC_WORD_LATIN,  /* letters (and digits) of other scripts */
	ZC_WORD_PUNCT   /* punctuation and symbols: a boundary */
} zc_word_kind;

typedef struct zc_word {
	size_t start, end; /* bytes of the text given */
	zc_word_kind kind;
} zc_word;

/* Not thread-safe: one segmenter per thread.  lexicon_path: a user's
 * extra terms in the format of zc_lexicon.h (NULL for none).
 * ZC_ENOENT/ZC_EIO when that file cannot be read. */
typedef struct zc_segmenter zc_segmenter;
zc_status zc_segmenter_new(const char *lexicon_path, zc_segmenter **out,
    zc_error *err);
void zc_segmenter_free(zc_segmenter *s); /* NULL is fine */

/* Turn the rules and the lexicon off (ICU's iterator alone), for the
 * segmentation benchmark. */
void zc_segmenter_set_icu_only(zc_segmenter *s, bool icu_only);

/* Whether term is in the shipped or the user's lexicon. */
bool zc_segmenter_has_term(const zc_segmenter *s, const char *term,
    size_t len);

/* Segment text[0..len).  *words (n of them, in text order) is borrowed
 * from s until the next call on s.  ZC_EICU if ICU cannot open its
 * iterator. */
zc_status zc_segment(zc_segmenter *s, const char *text, size_t len,
    const zc_word **words, size_t *n, zc_error *err);

/* Segment the text of a query: as zc_segment, except that a text made of
 * one run of at most ZC_SEGMENT_QUERY_RUN Han characters, or of one
 * lexicon term, is one word without consulting ICU, whose dictionary
 * takes a millisecond to load in every zcsearch process (docs/pitfalls.md,
 * ICU).  Search and highlighting both use it, so that they agree. */
#define ZC_SEGMENT_QUERY_RUN 3
zc_status zc_segment_query(zc_segmenter *s, const char *text, size_t len,
    const zc_word **words, size_t *n, zc_error *err);

#endif
