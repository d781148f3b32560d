/*
 * zc_json.h — writing JSON values (zcindex --dump, zcsearch --json).
 * Output is always valid UTF-8: invalid input bytes become U+FFFD, and
 * quotes, backslashes, control characters (C0, DEL, C1) and U+2028/9
 * are escaped.
 */
#ifndef ZC_JSON_H
#define ZC_JSON_H

#include <stddef.h>

#include "zc_util.h"

/* Append s[0..len) as a JSON string literal, quotes included. */
void zc_json_string(zc_buf *out, const char *s, size_t len);
/* Append a string literal, or null when s is NULL. */
void zc_json_string_or_null(zc_buf *out, const char *s);

#endif
