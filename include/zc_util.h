/*
 * zc_util.h — status codes, errors, allocation, growable buffers, UTF-8
 * and hashing, shared by every module.  Nothing here knows about
 * documents or Xapian.
 *
 * Allocation never returns NULL: zc_xmalloc and friends print
 * "PROGRAM: out of memory" and exit 2, so callers need no NULL checks.
 */
#ifndef ZC_UTIL_H
#define ZC_UTIL_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef enum zc_status {
	ZC_OK = 0,
	ZC_ENOENT,    /* file, database or key does not exist */
	ZC_EIO,       /* read or write failed */
	ZC_EINVAL,    /* bad argument or malformed input */
	ZC_EBINARY,   /* input is not text */
	ZC_ENOMEM,    /* allocation failed inside a library */
	ZC_ELOCKED,   /* database locked by another writer */
	ZC_EMODIFIED, /* database changed under a reader: reopen, retry */
	ZC_EXAPIAN,   /* any other Xapian error */
	ZC_EICU,      /* an ICU call failed */
	ZC_ETOOBIG,   /* input beyond a documented limit */
	ZC_EACCES,    /* permission denied */
	ZC_ENET       /* a remote database cannot be reached */
} zc_status;

/* Caller-owned error report: status plus one readable line (no program
 * name, no final period), e.g. "not a text file (NUL bytes)". */
typedef struct zc_error {
	zc_status status;
	char msg[256];
} zc_error;

/* Fill err (if not NULL) with status and a printf-style message; returns
 * status so that callers can write `return zc_fail(err, ZC_EIO, ...)`. */
zc_status zc_fail(zc_error *err, zc_status status, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* Program name used in diagnostics ("zcindex", "zcsearch"). */
void zc_set_progname(const char *name);
const char *zc_progname(void);

/* Print "PROGRAM: " + message + newline on stderr. */
void zc_warn(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

void *zc_xmalloc(size_t n);
void *zc_xcalloc(size_t count, size_t size);
void *zc_xrealloc(void *p, size_t n);
char *zc_xstrdup(const char *s);
char *zc_xstrndup(const char *s, size_t n);
/* Grow an array so that it holds at least `need` items of `size` bytes;
 * *cap is updated.  Amortised doubling. */
void *zc_xgrow(void *p, size_t *cap, size_t need, size_t size);

/* A growable, always NUL-terminated byte string. */
typedef struct zc_buf {
	char *data; /* NULL until the first append; owned */
	size_t len;
	size_t cap;
} zc_buf;

void zc_buf_append(zc_buf *b, const char *s, size_t n);
void zc_buf_puts(zc_buf *b, const char *s);
void zc_buf_putc(zc_buf *b, char c);
void zc_buf_printf(zc_buf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
void zc_buf_reset(zc_buf *b); /* len = 0, keeps memory */
void zc_buf_free(zc_buf *b);  /* releases memory, b is reusable */
/* Hand the string over to the caller (never NULL); b becomes empty. */
char *zc_buf_steal(zc_buf *b);

/* Narrow the span [*a, *b) of s past the ASCII spaces at both its ends
 * (the separators the extractors and the passage cutter put in). */
void zc_trim_spaces(const char *s, size_t *a, size_t *b);

/* UTF-8 helpers.  Decoding never fails: an invalid or truncated sequence
 * yields U+FFFD and advances one byte. */
uint32_t zc_utf8_decode(const char *s, size_t len, size_t *advance);
/* Append the UTF-8 encoding of cp (1-4 bytes) to out; returns its length. */
size_t zc_utf8_encode(uint32_t cp, char out[4]);
/* Number of code points in s[0..len). */
size_t zc_utf8_count(const char *s, size_t len);
bool zc_utf8_valid(const char *s, size_t len);
/* A prefix of s[0..len) of at most max bytes that ends at a character
 * boundary: for valid UTF-8 the longest.  The cut moves back over
 * continuation bytes, so in damaged text a stray one before max goes
 * with the character before it; P terms and state keys are cut by this
 * rule, so it stays. */
size_t zc_utf8_clip(const char *s, size_t len, size_t max);

/* The first and the last code point of s[0..len); 0 when len is 0. */
uint32_t zc_utf8_first(const char *s, size_t len);
uint32_t zc_utf8_last(const char *s, size_t len);

/* Whether x is among v[0..n), sorted ascending (binary search). */
bool zc_u32_sorted_has(const uint32_t *v, size_t n, uint32_t x);

/* 64-bit FNV-1a of bytes: file keys, content hashes, hash tables. */
uint64_t zc_hash64(const void *bytes, size_t len);

#ifdef __cplusplus
}
#endif
#endif
