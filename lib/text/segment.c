/*
 * segment.c — words of a text (zc_segment.h): ICU's word break iterator
 * and the passes that run the rules.  Data flow: normalised passage or
 * query text → here → terms; original lines → here → zcindex --segment.
 *
 * Three passes: ICU's word break iterator cuts the text into pieces
 * (over a UTF-8 UText, so boundaries are byte offsets of the text
 * given); the rules of segrules.c cut a few pieces further and join
 * runs of pieces into words (numbers with their units, dates, names,
 * lexicon terms from lexicon.c); a last rule cuts a few words.  Rules
 * cut or join whole pieces and keep their order, so every byte but
 * whitespace is in exactly one word.
 *
 * Invariants: one ICU prototype iterator per process (opened at the
 * first segmentation that needs ICU, which a short query never does,
 * and cloned per segmenter); each segmenter owns its lexicon.
 */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/ubrk.h>
#include <unicode/uchar.h>
#include <unicode/utext.h>

#include "zc_chars.h"
#include "zc_segment.h"
#include "zc_lexicon.h"
#include "zc_segrules.h"

/* ---- the ICU prototype ----------------------------------------------- */

static pthread_once_t prototype_once = PTHREAD_ONCE_INIT;
static UBreakIterator *prototype;
static UErrorCode prototype_status;

/* At exit, so that leak checkers see a clean process. */
static void
free_prototype(void)
{
	ubrk_close(prototype);
	prototype = NULL;
}

/* Opening ICU's iterator loads its rules and CJK dictionary (about a
 * millisecond): only done when some text needs it. */
static void
init_prototype(void)
{
	UErrorCode st = U_ZERO_ERROR;

	prototype = ubrk_open(UBRK_WORD, "zh", NULL, 0, &st);
	prototype_status = st;
	atexit(free_prototype);
}

/* ---- the segmenter --------------------------------------------------- */

struct zc_segmenter {
	UBreakIterator *bi; /* NULL until the first segmentation */
	UText *ut;
	zc_lexicon *lexicon;
	bool icu_only;
	zc_word *pieces, *words;
	size_t pieces_cap, words_cap;
};

void
zc_segmenter_free(zc_segmenter *s)
{
	if (s == NULL)
		return;
	if (s->bi != NULL)
		ubrk_close(s->bi);
	if (s->ut != NULL)
		utext_close(s->ut);
	zc_lexicon_free(s->lexicon);
	free(s->pieces);
	free(s->words);
	free(s);
}

zc_status
zc_segmenter_new(const char *lexicon_path, zc_segmenter **out,
    zc_error *err)
{
	zc_segmenter *s;
	zc_status rc;

	*out = NULL;
	zc_segrules_init();
	s = zc_xcalloc(1, sizeof *s);
	rc = zc_lexicon_new(lexicon_path, &s->lexicon, err);
	if (rc != ZC_OK) {
		zc_segmenter_free(s);
		return rc;
	}
	*out = s;
	return ZC_OK;
}

void
zc_segmenter_set_icu_only(zc_segmenter *s, bool icu_only)
{
	s->icu_only = icu_only;
}

bool
zc_segmenter_has_term(const zc_segmenter *s, const char *term, size_t len)
{
	return zc_lexicon_has(s->lexicon, term, len);
}

/* ---- passes ---------------------------------------------------------- */

/* A cut rule of zc_segrules.h (no cut falls on the first byte of a
 * text, so 0 can mean "whole"). */
typedef size_t (*cut_rule)(const char *text, const zc_word *w);

/* Cut the words v[0..*n) where rule says, in place; v grows as needed.
 * The words first move to the upper half, so that the pass that writes
 * the result from the start never overtakes the word it reads, and the
 * rule runs once per word. */
static void
cut_words(zc_word **v, size_t *cap, size_t *n, const char *text,
    cut_rule rule)
{
	size_t count = *n, out = 0;

	if (count == 0)
		return;
	*v = zc_xgrow(*v, cap, 2 * count, sizeof **v);
	memmove(*v + count, *v, count * sizeof **v);
	for (size_t i = 0; i < count; i++) {
		zc_word w = (*v)[count + i];
		size_t cut = rule(text, &w);

		if (cut != 0) {
			(*v)[out] = w;
			(*v)[out++].end = cut;
			w.start = cut;
		}
		(*v)[out++] = w;
	}
	*n = out;
}

static zc_word_kind
kind_of_piece(int32_t status, const char *s, size_t len, bool *is_space)
{
	size_t i = 0;

	*is_space = false;
	if (status >= UBRK_WORD_NUMBER && status < UBRK_WORD_NUMBER_LIMIT)
		return ZC_WORD_NUMBER;
	if (status >= UBRK_WORD_LETTER && status < UBRK_WORD_KANA_LIMIT)
		return ZC_WORD_LATIN;
	if (status >= UBRK_WORD_IDEO && status < UBRK_WORD_IDEO_LIMIT)
		return ZC_WORD_HAN;
	*is_space = true;
	while (i < len) {
		size_t adv;
		uint32_t cp = zc_utf8_decode(s + i, len - i, &adv);

		if (!zc_chars_is_space(cp))
			*is_space = false;
		if (zc_chars_is_han(cp))
			return ZC_WORD_HAN;
		if (zc_chars_is_word(cp))
			return ZC_WORD_LATIN;
		i += adv;
	}
	return ZC_WORD_PUNCT;
}

static zc_status
icu_pieces(zc_segmenter *s, const char *text, size_t len, size_t *n,
    zc_error *err)
{
	UErrorCode st = U_ZERO_ERROR;
	int32_t a, b;

	*n = 0;
	if (s->bi == NULL) {
		pthread_once(&prototype_once, init_prototype);
		if (prototype == NULL || U_FAILURE(prototype_status))
			return zc_fail(err, ZC_EICU,
			    "cannot open the word break iterator: %s",
			    u_errorName(prototype_status));
		s->bi = ubrk_clone(prototype, &st);
		if (U_FAILURE(st)) {
			s->bi = NULL;
			return zc_fail(err, ZC_EICU,
			    "cannot clone the word break iterator: %s",
			    u_errorName(st));
		}
	}
	if (len > INT32_MAX)
		return zc_fail(err, ZC_ETOOBIG, "text longer than 2 GiB");
	s->ut = utext_openUTF8(s->ut, text, (int64_t)len, &st);
	if (U_FAILURE(st))
		return zc_fail(err, ZC_EICU, "utext_openUTF8: %s",
		    u_errorName(st));
	ubrk_setUText(s->bi, s->ut, &st);
	if (U_FAILURE(st))
		return zc_fail(err, ZC_EICU, "ubrk_setUText: %s",
		    u_errorName(st));
	a = ubrk_first(s->bi);
	while ((b = ubrk_next(s->bi)) != UBRK_DONE) {
		bool space;
		zc_word_kind k = kind_of_piece(ubrk_getRuleStatus(s->bi),
		    text + a, (size_t)(b - a), &space);

		if (!space) {
			s->pieces = zc_xgrow(s->pieces, &s->pieces_cap, *n + 1,
			    sizeof *s->pieces);
			s->pieces[*n].start = (size_t)a;
			s->pieces[*n].end = (size_t)b;
			s->pieces[*n].kind = k;
			(*n)++;
		}
		a = b;
	}
	return ZC_OK;
}

/* The word that starts at piece p[0], in pieces: the first join rule
 * that applies, in the order of zc_segrules.h, else p[0] alone; then an
 * affix if the word is Han.  prev is the piece before p; alone is the
 * same piece, only when it was a word by itself. */
static size_t
next_word(const zc_lexicon *lx, const char *text, const zc_word *prev,
    const zc_word *alone, const zc_word *p, size_t n, zc_word_kind *kind)
{
	size_t k;

	*kind = p->kind;
	if ((k = zc_segrules_join_date(text, p, n)) > 0) {
		*kind = ZC_WORD_NUMBER;
	} else if ((k = zc_segrules_join_foreign_name(text, p, n)) > 0 ||
	    (k = zc_segrules_join_given_name(text, alone, p, n)) > 0 ||
	    (k = zc_segrules_join_youde(text, prev, p, n)) > 0 ||
	    (k = zc_segrules_join_term(lx, text, p, n)) > 0) {
		*kind = ZC_WORD_HAN;
	} else if ((k = zc_segrules_join_signed_number(text, prev, p, n)) ||
	    (k = zc_segrules_join_number(text, p, n))) {
		/* Han numerals or a Han unit (二〇二四年, 2024年) make a Han
		 * word; digits with a sign or a percent stay a number. */
		if (k > 1 || p->kind == ZC_WORD_HAN)
			*kind = p[k - 1].kind == ZC_WORD_HAN ||
			    p->kind == ZC_WORD_HAN ? ZC_WORD_HAN :
			    ZC_WORD_NUMBER;
	} else if ((k = zc_segrules_join_repeats(text, p, n)) == 0) {
		k = 1;
	}
	if (*kind == ZC_WORD_HAN)
		k += zc_segrules_join_affix(text, p, k, n);
	return k;
}

zc_status
zc_segment(zc_segmenter *s, const char *text, size_t len,
    const zc_word **words, size_t *n, zc_error *err)
{
	size_t np, nw = 0, i = 0;
	zc_status rc;

	*words = NULL;
	*n = 0;
	rc = icu_pieces(s, text, len, &np, err);
	if (rc != ZC_OK)
		return rc;
	if (s->icu_only) {
		*words = s->pieces;
		*n = np;
		return ZC_OK;
	}
	cut_words(&s->pieces, &s->pieces_cap, &np, text,
	    zc_segrules_cut_particle);
	s->words = zc_xgrow(s->words, &s->words_cap, np + 1, sizeof *s->words);
	while (i < np) {
		const zc_word *p = s->pieces + i;
		const zc_word *prev = i > 0 ? p - 1 : NULL;
		const zc_word *alone = nw > 0 && prev != NULL &&
		    s->words[nw - 1].start == prev->start &&
		    s->words[nw - 1].end == prev->end ? prev : NULL;
		zc_word_kind kind;
		size_t k = next_word(s->lexicon, text, prev, alone, p, np - i,
		    &kind);

		s->words[nw].start = p->start;
		s->words[nw].end = p[k - 1].end;
		s->words[nw].kind = kind;
		nw++;
		i += k;
	}
	cut_words(&s->words, &s->words_cap, &nw, text,
	    zc_segrules_cut_numeral_measure);
	*words = s->words;
	*n = nw;
	return ZC_OK;
}

/* Whether text is one run of at most max Han characters. */
static bool
is_short_han_run(const char *text, size_t len, size_t max)
{
	size_t i = 0, n = 0, adv;

	while (i < len) {
		if (!zc_chars_is_han(zc_utf8_decode(text + i, len - i, &adv)) ||
		    ++n > max)
			return false;
		i += adv;
	}
	return n > 0;
}

zc_status
zc_segment_query(zc_segmenter *s, const char *text, size_t len,
    const zc_word **words, size_t *n, zc_error *err)
{
	if (is_short_han_run(text, len, ZC_SEGMENT_QUERY_RUN) ||
	    (is_short_han_run(text, len, SIZE_MAX) &&
	    zc_segmenter_has_term(s, text, len))) {
		s->words = zc_xgrow(s->words, &s->words_cap, 1,
		    sizeof *s->words);
		s->words[0] = (zc_word){ 0, len, ZC_WORD_HAN };
		*words = s->words;
		*n = 1;
		return ZC_OK;
	}
	return zc_segment(s, text, len, words, n, err);
}
