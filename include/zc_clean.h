/*
 * zc_clean.h — the clean stage: extracted lines → the lines a reader of
 * the document would keep.
 *
 * Site chrome (navigation crumbs, 网站地图, print/close widgets, visit
 * counters, ICP/公网安备 footers, subscription promos, menu runs) is
 * marked ZC_LINE_DROP by general patterns, never by a list of known
 * sentences.  Spam and site-name suffixes go from title lines, repeated
 * title lines go, whitespace that splits Chinese text goes, and the
 * hard-wrapped lines of one paragraph (PDF exports) are marked
 * ZC_LINE_CONT.  Line numbers are never changed.
 */
#ifndef ZC_CLEAN_H
#define ZC_CLEAN_H

#include <stdbool.h>
#include <stddef.h>

#include "zc_extract.h"
#include "zc_util.h"

/* Clean the list in place (see above).  Dropped lines stay in the list
 * with ZC_LINE_DROP so that indexes stay stable. */
void zc_clean(zc_lines *lines);

/* Whitespace of s[0..len): every kind of space collapsed to one ASCII
 * space, trimmed, and removed between Han characters, CJK punctuation
 * and digits next to Han (科技创新治 理体系, 2025 年).  Appended to out. */
void zc_clean_spaces(const char *s, size_t len, zc_buf *out);

/* Collapse and trim whitespace only (spaces kept between Han). */
void zc_clean_collapse(const char *s, size_t len, zc_buf *out);

/* Is this (collapsed) line site chrome on its own merits? */
bool zc_clean_is_chrome(const char *s, size_t len);

/* The title without a site-name or spam suffix after a separator
 * ("标题_湖北省人民政府门户网站", "标题-人生就是博…"); malloc'd. */
char *zc_clean_title(const char *s);

/* Tools shared with meta: the last/first code point of s, and whether a
 * code point is CJK punctuation. */
uint32_t zc_clean_last_cp(const char *s, size_t len);
uint32_t zc_clean_first_cp(const char *s, size_t len);
bool zc_clean_is_cjk_punct(uint32_t cp);
/* Does whitespace between code points a and b split one run of Chinese
 * text (so that it goes)? */
bool zc_clean_space_splits(uint32_t a, uint32_t b);

#endif
