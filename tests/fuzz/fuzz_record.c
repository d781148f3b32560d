/*
 * fuzz_record.c — libFuzzer target: arbitrary bytes as a stored document
 * record.  Decoding either refuses them (ZC_EINVAL) or gives a document
 * whose record decodes to the same document again, line starts included;
 * the view the search
 * reads agrees with decode on every record, at open or passage by
 * passage, texts included.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "zc_record.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static bool
same_string(const char *a, const char *b)
{
	return a == NULL ? b == NULL : b != NULL && strcmp(a, b) == 0;
}

/* Line starts n of a and of b, the same. */
static bool
same_starts(const zc_line_start *a, const zc_line_start *b, size_t n)
{
	for (size_t k = 0; k < n; k++)
		if (a[k].off != b[k].off || a[k].line != b[k].line)
			return false;
	return true;
}

static void
expect_same(const zc_doc *a, const zc_doc *b)
{
	if (!same_string(a->path, b->path) || a->n_passages != b->n_passages)
		abort();
	for (int f = 0; f < ZC_FIELD_COUNT; f++)
		if (!same_string(a->meta.value[f], b->meta.value[f]))
			abort();
	for (size_t i = 0; i < a->n_passages; i++) {
		const zc_passage *p = &a->passages[i], *q = &b->passages[i];

		if (p->len != q->len || memcmp(p->text, q->text, p->len) != 0 ||
		    p->line != q->line || p->pos != q->pos ||
		    p->n_starts != q->n_starts ||
		    !same_starts(p->starts, q->starts, p->n_starts))
			abort();
	}
}

/* The view of s[0..size) against d, decode's document when st is ZC_OK:
 * the status of the view, opened and asked for every text. */
static zc_status
view_status(const char *s, size_t size, const zc_doc *d, zc_status st)
{
	zc_record_passage *ps = NULL;
	zc_record_view v;
	zc_error err = {0};
	zc_status view_st = zc_record_view_open(s, size, &v, &err);

	if (view_st == ZC_OK) {
		ps = calloc(v.n_passages + 1, sizeof *ps);
		zc_record_view_passages(&v, ps);
	}
	for (size_t i = 0; view_st == ZC_OK && i < v.n_passages; i++) {
		const char *text;
		size_t len;

		view_st = zc_record_view_text(&v, i, &text, &len, &err);
		if (view_st == ZC_OK && st == ZC_OK &&
		    (len != ps[i].len || len != d->passages[i].len ||
		    memcmp(text, d->passages[i].text, len) != 0 ||
		    ps[i].line != d->passages[i].line ||
		    ps[i].pos != d->passages[i].pos ||
		    ps[i].n_starts != d->passages[i].n_starts ||
		    !same_starts(ps[i].starts, d->passages[i].starts,
		    ps[i].n_starts)))
			abort();
	}
	free(ps);
	zc_record_view_close(&v);
	return view_st;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *s = (const char *)data;
	zc_error err = {0};
	zc_doc d, again;
	zc_buf b = {0};
	zc_status st;

	st = zc_record_decode(s, size, &d, &err);
	if (st != view_status(s, size, &d, st) ||
	    (st != ZC_OK && st != ZC_EINVAL))
		abort();
	if (st == ZC_OK) {
		zc_record_encode(&d, &b);
		if (zc_record_decode(b.data, b.len, &again, &err) != ZC_OK)
			abort();
		expect_same(&d, &again);
		zc_doc_free(&again);
	}
	zc_doc_free(&d);
	zc_buf_free(&b);
	return 0;
}
