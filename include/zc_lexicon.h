/*
 * zc_lexicon.h — the terms the segmenter joins ICU's pieces into
 * (zc_segment.h): the shipped lexicon, data/lexicon.txt compiled into
 * the library as lib/gen/lexicon_data.h (make regenerates it), so that
 * opening one reads no file; plus, for each lexicon, the terms of a
 * user's file (zcindex --lexicon FILE) and terms added by a caller.
 *
 * A lexicon file has one term a line, written as it appears in text;
 * '#' starts a comment; blanks around a term are ignored; a term longer
 * than 255 bytes is ignored.
 */
#ifndef ZC_LEXICON_H
#define ZC_LEXICON_H

#include <stdbool.h>
#include <stddef.h>

#include "zc_util.h"

typedef struct zc_lexicon zc_lexicon;

/* The shipped terms and, if path is not NULL, that file's.  On ZC_OK,
 * *out is yours: release it with zc_lexicon_free().  ZC_ENOENT/ZC_EIO
 * when the file cannot be read (err names it). */
zc_status zc_lexicon_new(const char *path, zc_lexicon **out,
    zc_error *err);
void zc_lexicon_free(zc_lexicon *lx); /* NULL is fine */

/* Add one term (UTF-8, as written) to lx, not to the shipped terms. */
void zc_lexicon_add(zc_lexicon *lx, const char *term, size_t len);
/* Whether term is a shipped term or one of lx's own. */
bool zc_lexicon_has(const zc_lexicon *lx, const char *term, size_t len);
/* The longest term's length in code points: no run of pieces longer
 * than that can be a term. */
size_t zc_lexicon_max_cp(const zc_lexicon *lx);

#endif
