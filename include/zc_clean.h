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
 * ZC_LINE_CONT.  Line numbers are never changed.  The markup hints are
 * tidied too: title tags lose their suffixes, the heading its split
 * spaces.  The character classes used here are zc_chars.h's.
 */
#ifndef ZC_CLEAN_H
#define ZC_CLEAN_H

#include <stdbool.h>
#include <stddef.h>

#include "zc_extract.h"
#include "zc_util.h"

/* Clean the list and its hints in place (see above).  Dropped lines
 * stay in the list with ZC_LINE_DROP so that indexes stay stable. */
void zc_clean(zc_lines *lines);

/* Is this (collapsed) line site chrome on its own merits? */
bool zc_clean_is_chrome(const char *s, size_t len);

/* The title without a site-name or spam suffix after a separator
 * ("标题_湖北省人民政府门户网站", "标题-人生就是博…"); malloc'd. */
char *zc_clean_title(const char *s);

#endif
