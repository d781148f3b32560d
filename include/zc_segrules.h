/*
 * zc_segrules.h — the segmentation rules (zc_segment.h): where ICU's
 * pieces of a text are cut further or joined into one word, each rule a
 * fact of the language or of the PKU segmentation standard that ICU's
 * dictionary lacks.  segment.c runs them: the particle cut over ICU's
 * pieces; then at each piece the join rules in the order below, the
 * first that applies making the word, and the affix rule on a Han
 * word; then the numeral and measure word cut over the words.
 *
 * Pieces and words are byte ranges of text (zc_word).  p[0..n) are the
 * pieces from the one a rule looks at to the end of the text; prev is
 * the piece before p (NULL at the start).  A cut rule returns the byte
 * offset strictly inside w where w splits in two, or 0 to leave it
 * whole.  A join rule returns how many pieces from p[0] make one word,
 * or 0 when it does not apply.
 */
#ifndef ZC_SEGRULES_H
#define ZC_SEGRULES_H

#include <stddef.h>

#include "zc_lexicon.h"
#include "zc_segment.h"

/* Fill the rules' tables: once per process before any rule runs
 * (zc_segmenter_new calls it); thread-safe. */
void zc_segrules_init(void);

/* 的, 了, 着, 在 off the word ICU kept them in; an adverb off its verb. */
size_t zc_segrules_cut_particle(const char *text, const zc_word *w);

/* 2024-08-12, 2024/8/12. */
size_t zc_segrules_join_date(const char *text, const zc_word *p, size_t n);
/* 克林顿: three or more characters used to transliterate names. */
size_t zc_segrules_join_foreign_name(const char *text, const zc_word *p,
    size_t n);
/* 泽民 after the surname 江; prev: the piece before p, only when it is
 * a word by itself (not the end of a word already joined). */
size_t zc_segrules_join_given_name(const char *text, const zc_word *prev,
    const zc_word *p, size_t n);
/* The pronoun 有的 at the start of a clause. */
size_t zc_segrules_join_youde(const char *text, const zc_word *prev,
    const zc_word *p, size_t n);
/* The longest term of lx: 科技 / 企业 / 孵化器 → 科技企业孵化器. */
size_t zc_segrules_join_term(const zc_lexicon *lx, const char *text,
    const zc_word *p, size_t n);
/* －5, -3.5%: a minus sign and a number (prev tells a range 1-3). */
size_t zc_segrules_join_signed_number(const char *text, const zc_word *prev,
    const zc_word *p, size_t n);
/* A number with its unit: 2024年, 250家, 70.3%, 二〇二四年, 第三十八条. */
size_t zc_segrules_join_number(const char *text, const zc_word *p,
    size_t n);
/* ——, ……: a run of the same dash or ellipsis. */
size_t zc_segrules_join_repeats(const char *text, const zc_word *p,
    size_t n);

/* How many more pieces an affix adds to the Han word p[0..k): 现代 + 化,
 * 全 + 省. */
size_t zc_segrules_join_affix(const char *text, const zc_word *p, size_t k,
    size_t n);

/* 一年 → 一 / 年: a numeral off the measure word ICU kept it with. */
size_t zc_segrules_cut_numeral_measure(const char *text, const zc_word *w);

#endif
