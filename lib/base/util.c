/*
 * util.c — errors, allocation, buffers and UTF-8 helpers (zc_util.h).
 * Allocation failure is fatal by design: every caller would otherwise
 * have to unwind half-built documents for a condition it cannot fix.
 */
#include "zc_util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *progname = "zhengce";

void
zc_set_progname(const char *name)
{
	progname = name;
}

const char *
zc_progname(void)
{
	return progname;
}

zc_status
zc_fail(zc_error *err, zc_status status, const char *fmt, ...)
{
	va_list ap;

	if (err != NULL) {
		err->status = status;
		va_start(ap, fmt);
		vsnprintf(err->msg, sizeof err->msg, fmt, ap);
		va_end(ap);
	}
	return status;
}

void
zc_warn(const char *fmt, ...)
{
	va_list ap;
	char line[1024];

	va_start(ap, fmt);
	vsnprintf(line, sizeof line, fmt, ap);
	va_end(ap);
	fprintf(stderr, "%s: %s\n", progname, line);
}

static void
out_of_memory(void)
{
	fprintf(stderr, "%s: out of memory\n", progname);
	exit(2);
}

void *
zc_xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);

	if (p == NULL)
		out_of_memory();
	return p;
}

void *
zc_xcalloc(size_t count, size_t size)
{
	void *p = calloc(count ? count : 1, size ? size : 1);

	if (p == NULL)
		out_of_memory();
	return p;
}

void *
zc_xrealloc(void *p, size_t n)
{
	void *q = realloc(p, n ? n : 1);

	if (q == NULL)
		out_of_memory();
	return q;
}

char *
zc_xstrdup(const char *s)
{
	return zc_xstrndup(s, strlen(s));
}

char *
zc_xstrndup(const char *s, size_t n)
{
	char *p = zc_xmalloc(n + 1);

	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

void *
zc_xgrow(void *p, size_t *cap, size_t need, size_t size)
{
	size_t n = *cap ? *cap : 8;

	if (need <= *cap)
		return p;
	while (n < need) {
		if (n > SIZE_MAX / 2 / size)
			out_of_memory();
		n *= 2;
	}
	*cap = n;
	return zc_xrealloc(p, n * size);
}

void
zc_buf_append(zc_buf *b, const char *s, size_t n)
{
	b->data = zc_xgrow(b->data, &b->cap, b->len + n + 1, 1);
	if (n > 0)
		memcpy(b->data + b->len, s, n);
	b->len += n;
	b->data[b->len] = '\0';
}

void
zc_buf_puts(zc_buf *b, const char *s)
{
	zc_buf_append(b, s, strlen(s));
}

void
zc_buf_putc(zc_buf *b, char c)
{
	zc_buf_append(b, &c, 1);
}

void
zc_buf_printf(zc_buf *b, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	b->data = zc_xgrow(b->data, &b->cap, b->len + (size_t)n + 1, 1);
	va_start(ap, fmt);
	vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	b->len += (size_t)n;
}

void
zc_buf_reset(zc_buf *b)
{
	b->len = 0;
	if (b->data != NULL)
		b->data[0] = '\0';
}

void
zc_buf_free(zc_buf *b)
{
	free(b->data);
	b->data = NULL;
	b->len = b->cap = 0;
}

char *
zc_buf_steal(zc_buf *b)
{
	char *s = b->data != NULL ? b->data : zc_xstrdup("");

	b->data = NULL;
	b->len = b->cap = 0;
	return s;
}

void
zc_trim_spaces(const char *s, size_t *a, size_t *b)
{
	while (*a < *b && s[*a] == ' ')
		(*a)++;
	while (*b > *a && s[*b - 1] == ' ')
		(*b)--;
}

uint32_t
zc_utf8_decode(const char *s, size_t len, size_t *advance)
{
	const unsigned char *u = (const unsigned char *)s;
	uint32_t cp, min;
	size_t n, i;

	if (len == 0) {
		*advance = 0;
		return 0xFFFD;
	}
	if (u[0] < 0x80) {
		*advance = 1;
		return u[0];
	} else if ((u[0] & 0xE0) == 0xC0) {
		n = 2, cp = u[0] & 0x1F, min = 0x80;
	} else if ((u[0] & 0xF0) == 0xE0) {
		n = 3, cp = u[0] & 0x0F, min = 0x800;
	} else if ((u[0] & 0xF8) == 0xF0) {
		n = 4, cp = u[0] & 0x07, min = 0x10000;
	} else {
		*advance = 1;
		return 0xFFFD;
	}
	if (n > len) {
		*advance = 1;
		return 0xFFFD;
	}
	for (i = 1; i < n; i++) {
		if ((u[i] & 0xC0) != 0x80) {
			*advance = 1;
			return 0xFFFD;
		}
		cp = (cp << 6) | (u[i] & 0x3F);
	}
	if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
		*advance = 1;
		return 0xFFFD;
	}
	*advance = n;
	return cp;
}

size_t
zc_utf8_encode(uint32_t cp, char out[4])
{
	if (cp < 0x80) {
		out[0] = (char)cp;
		return 1;
	} else if (cp < 0x800) {
		out[0] = (char)(0xC0 | (cp >> 6));
		out[1] = (char)(0x80 | (cp & 0x3F));
		return 2;
	} else if (cp < 0x10000) {
		out[0] = (char)(0xE0 | (cp >> 12));
		out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
		out[2] = (char)(0x80 | (cp & 0x3F));
		return 3;
	}
	out[0] = (char)(0xF0 | (cp >> 18));
	out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
	out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
	out[3] = (char)(0x80 | (cp & 0x3F));
	return 4;
}

size_t
zc_utf8_count(const char *s, size_t len)
{
	size_t i = 0, n = 0, adv;

	while (i < len) {
		zc_utf8_decode(s + i, len - i, &adv);
		i += adv;
		n++;
	}
	return n;
}

bool
zc_utf8_valid(const char *s, size_t len)
{
	size_t i = 0, adv;
	uint32_t cp;

	while (i < len) {
		cp = zc_utf8_decode(s + i, len - i, &adv);
		if (cp == 0xFFFD && !(adv == 3 &&
		    memcmp(s + i, "\xEF\xBF\xBD", 3) == 0))
			return false;
		i += adv;
	}
	return true;
}

uint32_t
zc_utf8_first(const char *s, size_t len)
{
	size_t adv;

	return len == 0 ? 0 : zc_utf8_decode(s, len, &adv);
}

uint32_t
zc_utf8_last(const char *s, size_t len)
{
	size_t i = len, adv;

	if (len == 0)
		return 0;
	while (i > 0 && ((unsigned char)s[i - 1] & 0xC0) == 0x80 &&
	    len - i < 3)
		i--;
	if (i > 0)
		i--;
	return zc_utf8_decode(s + i, len - i, &adv);
}

uint64_t
zc_hash64(const void *bytes, size_t len)
{
	const unsigned char *p = bytes;
	uint64_t h = 0xcbf29ce484222325ULL;

	for (size_t i = 0; i < len; i++) {
		h ^= p[i];
		h *= 0x100000001b3ULL;
	}
	return h;
}

size_t
zc_utf8_clip(const char *s, size_t len, size_t max)
{
	if (len <= max)
		return len;
	while (max > 0 && ((unsigned char)s[max] & 0xC0) == 0x80)
		max--;
	return max;
}

bool
zc_u32_sorted_has(const uint32_t *v, size_t n, uint32_t x)
{
	size_t lo = 0, hi = n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (v[mid] < x)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < n && v[lo] == x;
}
