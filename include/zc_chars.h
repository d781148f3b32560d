/*
 * zc_chars.h — character classes that both sides of the index must
 * agree on: whitespace, Han, the characters of a word, Chinese
 * numerals, 文号 brackets and full-width forms.  Each class exists here
 * once; a module that needs one asks this module instead of writing its
 * own list.
 *
 * Whitespace comes in two sets, by purpose:
 *   - text space (zc_chars_is_space): the whitespace of document text
 *     and of normalised text: Unicode's White_Space.  U+200B and U+FEFF
 *     are not in it: they are default-ignorable, NFKC drops them, and
 *     grep-equal text (zc_norm.h) joins what they stand between
 *     (abc\u200bdef is abcdef), so clean must not turn them into a
 *     space.  A control character other than these is content, as the
 *     decoder left it.
 *   - query space (zc_chars_is_query_space): text space plus every other
 *     control character (C0, DEL, C1) and U+200B, U+FEFF.  A query is one line, typed or
 *     pasted, in which a control character can only separate words; the
 *     exact values of fields drop the same set, so that a value quoted
 *     in a query, typed without quotes or read from a document gives
 *     one term.
 * Not here, on purpose: the whitespace of markup (extract.c and the
 * charset sniffing of decode.c use isspace(3)), because HTML collapses
 * only ASCII whitespace and a no-break space in a page is text that
 * clean sees; and the letters that may precede '*' in a query
 * (qparse.c), which are the query language's syntax (zcquery(7)).
 */
#ifndef ZC_CHARS_H
#define ZC_CHARS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "zc_util.h"

/* Text space (see above): what clean collapses to one space, what makes
 * a line blank, what a wrap between two Han characters consists of
 * (zc_norm.h), what takes no position in the index (zc_terms.h). */
bool zc_chars_is_space(uint32_t cp);

/* Query space (see above): what separates the words of a query and what
 * the term of an exact field value leaves out (zc_fieldterm.h). */
bool zc_chars_is_query_space(uint32_t cp);

/* Han ideographs (CJK unified, extensions, compatibility) and 〇. */
bool zc_chars_is_han(uint32_t cp);

/* A character that continues a word of letters or digits in a script
 * without Han (a Latin word, a number): letters and digits of any such
 * script and combining marks, so that a word with an accent that does
 * not compose (q̃) stays one word.  The index cuts its units by this
 * rule (zc_terms.h) and the highlighter marks whole words by it. */
bool zc_chars_is_word(uint32_t cp);

/* CJK punctuation: 、。〃〈〉《》「」【】〔〕, the full-width ASCII
 * punctuation, ‐–—‘’“”…·• and the CJK compatibility forms. */
bool zc_chars_is_cjk_punct(uint32_t cp);

/* Does whitespace between code points a and b split one run of Chinese
 * text (Han, CJK punctuation, full-width digits; a digit or % next to
 * Han; ASCII ,;:!?() next to them), so that it goes? */
bool zc_chars_space_splits(uint32_t a, uint32_t b);

/* s[0..len) with every run of text space collapsed to one ASCII space
 * and trimmed, appended to out (out->data is never NULL afterwards). */
void zc_chars_collapse(const char *s, size_t len, zc_buf *out);

/* As zc_chars_collapse, and the spaces that split Chinese text
 * (zc_chars_space_splits) removed as well: 科技创新治 理体系, 2025 年. */
void zc_chars_close_up(const char *s, size_t len, zc_buf *out);

/* An Arabic digit, ASCII or full-width: its value 0-9, else -1. */
int zc_chars_digit(uint32_t cp);

/* The one table of Chinese numerals: the value of cp, or -1.
 *   〇 ○ 零 0 (○ is how some text writes 〇), 一 … 九 1-9, 两 2,
 *   十 10, 廿 20, 卅 30, 百 100, 千 1000, 万 10^4, 亿 10^8,
 *   and the capitals of amounts and cheques: 壹 … 玖 1-9, 拾 10, 佰 100,
 *   仟 1000. */
long zc_chars_han_numeral(uint32_t cp);
/* Whether cp is one of those numerals. */
bool zc_chars_is_han_numeral(uint32_t cp);

/* A numeral that is one digit of a number written digit by digit (the
 * year 二〇二四): 〇 ○ 零 一 … 九 and 壹 … 玖, as 0-9; -1 for any other
 * character, 两 included (it counts things, it is not a digit). */
int zc_chars_han_digit(uint32_t cp);

/* Full-width ASCII (U+FF01-U+FF5E) as ASCII; other characters as they
 * are. */
uint32_t zc_chars_fold_width(uint32_t cp);

/* The brackets around the year of a 文号 folded to 〔 and 〕: 〔〕 [] ()
 * {} 【】 〖〗 ﹝﹞ and the full-width forms of the ASCII ones.  NFKC leaves
 * most of them distinct, and documents use all of them for the same
 * 文号.  Any other character comes back as it is. */
uint32_t zc_chars_fold_bracket(uint32_t cp);

/* A reading position in UTF-8 text, for the small scanners of dates and
 * 文号: s[0..len) is borrowed, i is the byte offset of the next code
 * point. */
typedef struct zc_cursor {
	const char *s;
	size_t len, i;
} zc_cursor;

/* The code point at c->i and its length in *adv; 0 (and *adv = 0) at
 * the end. */
uint32_t zc_cursor_peek(const zc_cursor *c, size_t *adv);
/* Step over want if it is next. */
bool zc_cursor_accept(zc_cursor *c, uint32_t want);
/* Step over text space. */
void zc_cursor_skip_space(zc_cursor *c);
/* Up to max Arabic digits (zc_chars_digit, full-width included) as a
 * number, their count in *ndigits; -1 when there is none. */
int zc_cursor_number(zc_cursor *c, int max, int *ndigits);

/* Does s[0..len) open more book titles (《) than it closes (》): a title
 * or a history line that its wrap cut inside a 《…》? */
bool zc_chars_opens_book_title(const char *s, size_t len);

#endif
