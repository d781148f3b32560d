/*
 * fuzz_record.c — libFuzzer target: arbitrary bytes as a stored document
 * record.  Decoding either refuses them (ZC_EINVAL) or gives a document
 * whose record decodes to the same document again; the view the search
 * reads agrees with decode on every record.
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
		    p->line != q->line || p->pos != q->pos)
			abort();
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *s = (const char *)data;
	zc_record_passage *ps = NULL;
	zc_record_view v;
	zc_error err = {0};
	zc_doc d, again;
	zc_buf b = {0};
	zc_status st, view_st;

	st = zc_record_decode(s, size, &d, &err);
	view_st = zc_record_view_open(s, size, &v, &err);
	if (view_st == ZC_OK) {
		ps = calloc(v.n_passages + 1, sizeof *ps);
		view_st = zc_record_view_passages(&v, ps, &err);
	}
	if (st != view_st || (st != ZC_OK && st != ZC_EINVAL))
		abort();
	if (st == ZC_OK) {
		for (size_t i = 0; i < v.n_passages; i++)
			if (ps[i].len != d.passages[i].len ||
			    memcmp(ps[i].text, d.passages[i].text,
			    ps[i].len) != 0)
				abort();
		zc_record_encode(&d, &b);
		if (zc_record_decode(b.data, b.len, &again, &err) != ZC_OK)
			abort();
		expect_same(&d, &again);
		zc_doc_free(&again);
	}
	free(ps);
	zc_doc_free(&d);
	zc_buf_free(&b);
	return 0;
}
