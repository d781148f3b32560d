/*
 * zc_norm.h — the one normalisation of documents and queries: Unicode
 * NFKC with case folding (ICU's NFKC_Casefold: full-width Latin and
 * digits become ASCII, letters lower case, default-ignorable characters
 * such as U+200B vanish), Traditional → Simplified folding of Han
 * characters (a character table generated from ICU, lib/gen/t2s_table.h),
 * and removal of the whitespace that splits Chinese text.
 *
 * The caller gives one paragraph: every whitespace run (any text space
 * of zc_chars.h: space, no-break space, U+3000, line break) between two
 * characters that zc_chars_space_splits says it splits (two Han
 * characters, CJK punctuation, a digit or % next to Han, ASCII ,;:!?()
 * next to those) is a wrap of an export and is removed, as the cleaner
 * removes it from the text shown.  Other whitespace is kept as
 * normalised; the term scheme counts each run as one space
 * (zc_terms.h).
 *
 * The normalised text is for terms only; the original is what is stored
 * and shown.  The map sends every normalised code point back to the
 * original code points it came from, so highlights land right.
 */
#ifndef ZC_NORM_H
#define ZC_NORM_H

#include <stddef.h>
#include <stdint.h>

#include "zc_util.h"

/* Where normalised code point i came from: original code points
 * [cp_start, cp_end) and bytes [byte_start, byte_end).  Several
 * normalised code points may share one source (㍿ → 株式会社) and one
 * may stand for several (a base letter with a combining accent). */
typedef struct zc_norm_src {
	uint32_t cp_start, cp_end;
	uint32_t byte_start, byte_end;
} zc_norm_src;

typedef struct zc_norm {
	char *text;        /* normalised UTF-8, NUL-terminated; owned */
	size_t len;        /* bytes of text */
	size_t ncp;        /* code points of text */
	zc_norm_src *map;  /* ncp entries (NULL when ncp == 0); owned */
	uint32_t *cp_byte; /* ncp + 1 entries: byte offset of each code
	                      point in text, then len; owned */
	size_t text_cap, map_cap, cp_cap; /* private: reuse of memory */
} zc_norm;

#define ZC_NORM_INIT { NULL, 0, 0, NULL, NULL, 0, 0, 0 }

/* Normalise s[0..len) (invalid UTF-8 becomes U+FFFD) into *out, which
 * must be ZC_NORM_INIT or a zc_norm already used (it is reused).
 * ZC_ETOOBIG beyond 1 GiB of input; ZC_EICU if ICU's normaliser cannot
 * be loaded. */
zc_status zc_norm_text(const char *s, size_t len, zc_norm *out,
    zc_error *err);
void zc_norm_free(zc_norm *n); /* releases memory; *n becomes empty */

/* Fold one Han code point Traditional → Simplified (identity when the
 * table has no entry). */
uint32_t zc_norm_t2s(uint32_t cp);

/* Normalise without a map: *out is malloc'd, NUL-terminated, yours. */
zc_status zc_norm_string(const char *s, size_t len, char **out,
    size_t *out_len, zc_error *err);

/* The original span of normalised code points [start, end): code point
 * or byte offsets into the source text.  start < end <= n->ncp. */
void zc_norm_span_cp(const zc_norm *n, size_t start, size_t end,
    size_t *src_start, size_t *src_end);
void zc_norm_span_byte(const zc_norm *n, size_t start, size_t end,
    size_t *src_start, size_t *src_end);

#endif
