/*
 * zc_strset.h — a set of byte strings (open addressing, no removal),
 * for tables that are filled once and then only looked up: the
 * segmenter's lexicons (zc_lexicon.h).
 *
 * A member is the exact bytes given: any bytes, the empty string
 * included; a string with a NUL byte is not its prefix before the NUL.
 * The set keeps its own copy of every member.
 */
#ifndef ZC_STRSET_H
#define ZC_STRSET_H

#include <stdbool.h>
#include <stddef.h>

#include "zc_util.h"

typedef struct zc_strset zc_strset;

/* An empty set; release it with zc_strset_free(). */
zc_strset *zc_strset_new(void);
void zc_strset_free(zc_strset *set); /* NULL is fine */

/* Add s[0..len); true when it was not a member yet. */
bool zc_strset_add(zc_strset *set, const char *s, size_t len);
/* Whether s[0..len) is a member (of no set when set is NULL). */
bool zc_strset_has(const zc_strset *set, const char *s, size_t len);

#endif
