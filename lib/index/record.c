/*
 * record.c — the document record stored as Xapian document data
 * (zc_record.h).
 */
#include "zc_record.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void
put_item(zc_buf *out, const char *s, size_t len)
{
	if (s == NULL) {
		zc_buf_putc(out, '-');
		return;
	}
	zc_buf_printf(out, "%zu:", len);
	zc_buf_append(out, s, len);
}

static void
put_number(zc_buf *out, size_t n)
{
	char num[24];
	int len = snprintf(num, sizeof num, "%zu", n);

	put_item(out, num, (size_t)len);
}

void
zc_record_encode(const zc_doc *doc, zc_buf *out)
{
	put_item(out, doc->path, strlen(doc->path));
	for (int f = 0; f < ZC_FIELD_COUNT; f++)
		put_item(out, doc->meta.value[f],
		    doc->meta.value[f] ? strlen(doc->meta.value[f]) : 0);
	put_number(out, doc->n_passages);
	for (size_t i = 0; i < doc->n_passages; i++) {
		put_number(out, doc->passages[i].line);
		put_number(out, doc->passages[i].pos);
		put_item(out, doc->passages[i].text, doc->passages[i].len);
	}
}

/* Read one item at *p into s and len (borrowed; s NULL for "-").  False
 * if malformed. */
static bool
get_item(const char **p, const char *end, const char **s, size_t *len)
{
	const char *q = *p;
	size_t n = 0;

	*s = NULL;
	*len = 0;
	if (q < end && *q == '-') {
		*p = q + 1;
		return true;
	}
	while (q < end && *q >= '0' && *q <= '9') {
		if (n > (size_t)(end - q))
			return false;
		n = n * 10 + (size_t)(*q++ - '0');
	}
	if (q == *p || q >= end || *q != ':' || n > (size_t)(end - q - 1))
		return false;
	*s = q + 1;
	*len = n;
	*p = q + 1 + n;
	return true;
}

static bool
get_number(const char **p, const char *end, size_t *out)
{
	const char *s;
	size_t len, n = 0;

	if (!get_item(p, end, &s, &len) || s == NULL || len == 0 || len > 18)
		return false;
	for (size_t i = 0; i < len; i++) {
		if (s[i] < '0' || s[i] > '9')
			return false;
		n = n * 10 + (size_t)(s[i] - '0');
	}
	*out = n;
	return true;
}

static bool
decode(const char *p, const char *end, zc_doc *out)
{
	const char *s;
	size_t len, n, line, pos;

	if (!get_item(&p, end, &s, &len) || s == NULL)
		return false;
	out->path = zc_xstrndup(s, len);
	for (int f = 0; f < ZC_FIELD_COUNT; f++) {
		if (!get_item(&p, end, &s, &len))
			return false;
		if (s != NULL)
			out->meta.value[f] = zc_xstrndup(s, len);
	}
	if (!get_number(&p, end, &n) || n > (size_t)(end - p))
		return false;
	for (size_t i = 0; i < n; i++) {
		if (!get_number(&p, end, &line) || line > UINT32_MAX ||
		    !get_number(&p, end, &pos) || pos > UINT32_MAX ||
		    !get_item(&p, end, &s, &len) || s == NULL)
			return false;
		zc_doc_add_passage(out, s, len, (unsigned)line);
		out->passages[out->n_passages - 1].pos = (unsigned)pos;
	}
	return p == end;
}

zc_status
zc_record_decode(const char *data, size_t len, zc_doc *out, zc_error *err)
{
	memset(out, 0, sizeof *out);
	if (!decode(data, data + len, out))
		return zc_fail(err, ZC_EINVAL, "malformed document record");
	return ZC_OK;
}

void
zc_record_free(zc_record *r)
{
	free(r->path);
	free(r->passage);
	zc_meta_free(&r->meta);
	memset(r, 0, sizeof *r);
}
