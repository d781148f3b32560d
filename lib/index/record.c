/*
 * record.c — the document record stored as Xapian document data
 * (zc_record.h).  Data flow: zc_doc → encode → the index (indexdoc.c);
 * the index → view → the passages a hit shows (search.c).
 *
 * Invariants: one parser (the view) reads every record, and a record is
 * accepted only when it ends exactly where its last item does; no
 * length is trusted before the bytes it claims are known to be there.
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

/* The shortest passage: "1:1" + "1:0" + "0:" (line, position, text). */
#define MIN_PASSAGE_BYTES 8

zc_status
zc_record_view_open(const char *data, size_t len, zc_record_view *out,
    zc_error *err)
{
	const char *p = data, *end = data + len;
	size_t n;

	memset(out, 0, sizeof *out);
	if (!get_item(&p, end, &out->path, &out->path_len) ||
	    out->path == NULL)
		goto malformed;
	for (int f = 0; f < ZC_FIELD_COUNT; f++)
		if (!get_item(&p, end, &out->meta[f], &out->meta_len[f]))
			goto malformed;
	/* bounded by the bytes left, so that a reader may allocate one
	 * entry per passage before reading them */
	if (!get_number(&p, end, &n) ||
	    n > (size_t)(end - p) / MIN_PASSAGE_BYTES)
		goto malformed;
	out->n_passages = n;
	out->passages = p;
	out->end = end;
	return ZC_OK;
malformed:
	memset(out, 0, sizeof *out);
	return zc_fail(err, ZC_EINVAL, "malformed document record");
}

zc_status
zc_record_view_passages(const zc_record_view *v, zc_record_passage *out,
    zc_error *err)
{
	const char *p = v->passages, *end = v->end, *s;
	size_t len, line, pos;

	for (size_t i = 0; i < v->n_passages; i++) {
		if (!get_number(&p, end, &line) || line > UINT32_MAX ||
		    !get_number(&p, end, &pos) || pos > UINT32_MAX ||
		    !get_item(&p, end, &s, &len) || s == NULL)
			return zc_fail(err, ZC_EINVAL,
			    "malformed document record");
		out[i] = (zc_record_passage){ s, len, (unsigned)line,
		    (unsigned)pos };
	}
	if (p != end)
		return zc_fail(err, ZC_EINVAL, "malformed document record");
	return ZC_OK;
}

zc_status
zc_record_decode(const char *data, size_t len, zc_doc *out, zc_error *err)
{
	zc_record_view v;
	zc_record_passage *ps;
	zc_status st;

	memset(out, 0, sizeof *out);
	st = zc_record_view_open(data, len, &v, err);
	if (st != ZC_OK)
		return st;
	ps = zc_xcalloc(v.n_passages ? v.n_passages : 1, sizeof *ps);
	st = zc_record_view_passages(&v, ps, err);
	if (st == ZC_OK) {
		out->path = zc_xstrndup(v.path, v.path_len);
		for (int f = 0; f < ZC_FIELD_COUNT; f++)
			if (v.meta[f] != NULL)
				out->meta.value[f] = zc_xstrndup(v.meta[f],
				    v.meta_len[f]);
		for (size_t i = 0; i < v.n_passages; i++) {
			zc_doc_add_passage(out, ps[i].text, ps[i].len,
			    ps[i].line);
			out->passages[i].pos = ps[i].pos;
		}
	}
	free(ps);
	return st;
}
