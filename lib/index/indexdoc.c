/*
 * indexdoc.c — document → Xapian document (zc_indexdoc.h).  Passages
 * follow each other in the position space, each joined to the one before
 * as the passage stage said (zc_doc.h): a paragraph after a gap that no
 * phrase or NEAR spans, the parts of one paragraph as one text.
 */
#include "zc_indexdoc.h"

#include <stdlib.h>
#include <string.h>

#include "zc_fieldterm.h"
#include "zc_record.h"
#include "zc_schema.h"

static zc_status
add_term_buf(zc_xdoc *d, zc_buf *t, zc_error *err)
{
	zc_status st = zc_xdoc_add_boolean_term(d, t->data, t->len, err);

	zc_buf_reset(t);
	return st;
}

/* P + every ancestor directory of path, and P + the path itself so that
 * path:FILE works. */
static zc_status
add_dirs(zc_xdoc *d, const char *path, zc_error *err)
{
	zc_status st = ZC_OK;
	zc_buf t = {0};

	for (const char *s = strchr(path, '/'); s != NULL && st == ZC_OK;
	    s = strchr(s + 1, '/')) {
		zc_fieldterm_dir(path, (size_t)(s - path) + 1, &t);
		st = add_term_buf(d, &t, err);
	}
	if (st == ZC_OK) {
		zc_fieldterm_file_path(path, strlen(path), &t);
		st = add_term_buf(d, &t, err);
	}
	zc_buf_free(&t);
	return st;
}

/* The boolean terms of an exact value (zc_fieldterm_document). */
static zc_status
add_exact_terms(zc_xdoc *d, zc_field f, const char *v, zc_error *err)
{
	zc_buf t = {0};
	zc_status st = ZC_OK;

	zc_fieldterm_document(f, v, strlen(v), &t);
	for (size_t at = 0; at < t.len && st == ZC_OK;) {
		size_t n = strlen(t.data + at);

		st = zc_xdoc_add_boolean_term(d, t.data + at, n, err);
		at += n + 1;
	}
	zc_buf_free(&t);
	return st;
}

/* "2024-08-12" -> "20240812" in slot */
static zc_status
set_date(zc_xdoc *d, int slot, const char *iso, zc_error *err)
{
	char v[9];
	size_t n = 0;

	for (const char *p = iso; *p && n < 8; p++)
		if (*p >= '0' && *p <= '9')
			v[n++] = *p;
	if (n != 8)
		return ZC_OK;
	return zc_xdoc_set_value(d, (unsigned)slot, v, 8, err);
}

/* The U terms of the whole title (zc_fieldterm_title). */
static zc_status
add_title_terms(zc_xdoc *d, const char *title, zc_error *err)
{
	zc_buf t[2] = { { 0 }, { 0 } };
	size_t n;
	zc_status st = zc_fieldterm_title(title, strlen(title), true, t, &n,
	    err);

	for (size_t i = 0; i < n && st == ZC_OK; i++)
		st = zc_xdoc_add_term(d, t[i].data, t[i].len, 1, err);
	zc_buf_free(&t[0]);
	zc_buf_free(&t[1]);
	return st;
}

/* The terms or the value of each metadata field the document has, as
 * its kind says (zc_fields.h). */
static zc_status
add_fields(zc_analyzer *a, zc_xdoc *d, const zc_meta *m, zc_error *err)
{
	zc_status st = ZC_OK;
	zc_buf t = {0};

	for (int f = 0; f < ZC_FIELD_COUNT && st == ZC_OK; f++) {
		const char *v = m->value[f];
		unsigned pos = 0;

		if (v == NULL)
			continue;
		if (zc_fields[f].count_slot > 0)
			st = zc_xdoc_set_value(d, (unsigned)zc_fields[f].count_slot,
			    v, strlen(v), err);
		if (st != ZC_OK)
			break;
		switch (zc_fields[f].kind) {
		case ZC_FK_TEXT:
			st = zc_terms_index(a, d, (zc_field)f, v, strlen(v),
			    ZC_JOIN_PARAGRAPH, &pos, NULL, err);
			if (st == ZC_OK && f == ZC_FIELD_TITLE)
				st = add_title_terms(d, v, err);
			break;
		case ZC_FK_EXACT:
			st = add_exact_terms(d, (zc_field)f, v, err);
			break;
		case ZC_FK_DATE:
			st = set_date(d, zc_fields[f].slot, v, err);
			break;
		case ZC_FK_PATH:
			break; /* not metadata: the path is doc->path */
		}
	}
	zc_buf_free(&t);
	return st;
}

zc_status
zc_indexdoc_build(zc_analyzer *a, zc_doc *doc, const zc_copysig *sig,
    zc_xdoc *out, zc_error *err)
{
	unsigned pos = 0;
	zc_buf t = {0};
	zc_status st = ZC_OK;

	zc_xdoc_clear(out);
	for (size_t i = 0; i < doc->n_passages && st == ZC_OK; i++) {
		zc_passage *p = &doc->passages[i];

		st = zc_terms_index(a, out, ZC_FIELD_BODY, p->text, p->len,
		    p->join, &pos, &p->pos, err);
	}
	if (st == ZC_OK)
		st = add_fields(a, out, &doc->meta, err);
	if (st == ZC_OK)
		st = add_dirs(out, doc->path, err);
	if (st == ZC_OK) {
		zc_fieldterm_file_id(doc->path, &t);
		st = add_term_buf(out, &t, err);
	}
	if (st == ZC_OK && sig != NULL)
		st = zc_copies_add_terms(sig, out, err);
	if (st == ZC_OK)
		st = zc_xdoc_set_value(out, ZC_SLOT_PATH, doc->path,
		    strlen(doc->path), err);
	if (st == ZC_OK) {
		zc_record_encode(doc, &t);
		st = zc_xdoc_set_data(out, t.data, t.len, err);
	}
	zc_buf_free(&t);
	return st;
}
