/*
 * indexdoc.c — passage → Xapian document (zc_indexdoc.h).  Every passage
 * carries its document's title, issuer and field terms, because the
 * passage is the unit of retrieval: a title: or date: restriction must
 * hold for each hit on its own.
 */
#include "zc_indexdoc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "zc_fieldterm.h"
#include "zc_record.h"
#include "zc_schema.h"

void
zc_file_key(const char *path, char out[ZC_FILE_KEY_LEN + 1])
{
	uint64_t h = 0xcbf29ce484222325ULL;

	for (const unsigned char *p = (const unsigned char *)path; *p; p++) {
		h ^= *p;
		h *= 0x100000001b3ULL;
	}
	snprintf(out, ZC_FILE_KEY_LEN + 1, "%016llx", (unsigned long long)h);
}

void
zc_indexdoc_id_term(const char *file_key, size_t i, zc_buf *out)
{
	zc_buf_printf(out, "%s%s:%zu", ZC_PREFIX_ID, file_key, i);
}

static zc_status
add_term_buf(zc_xdoc *d, zc_buf *t, zc_error *err)
{
	zc_status st = zc_xdoc_add_boolean_term(d, t->data, t->len, err);

	zc_buf_reset(t);
	return st;
}

/* K/N/C/V terms of the exact fields that the document has. */
static zc_status
add_fields(zc_xdoc *d, const zc_meta *m, zc_error *err)
{
	static const zc_field exact[] = { ZC_FIELD_INDEX_NO, ZC_FIELD_DOC_NO,
	    ZC_FIELD_CATEGORY, ZC_FIELD_VALIDITY };
	zc_status st = ZC_OK;
	zc_buf t = {0};

	for (size_t k = 0; k < sizeof exact / sizeof *exact; k++) {
		const char *v = m->value[exact[k]];
		if (v == NULL || st != ZC_OK)
			continue;
		zc_fieldterm_exact(exact[k], v, strlen(v), &t);
		st = add_term_buf(d, &t, err);
	}
	zc_buf_free(&t);
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
		zc_buf_puts(&t, ZC_PREFIX_DIR);
		zc_buf_append(&t, path, zc_utf8_clip(path, strlen(path),
		    ZC_MAX_TERM - strlen(ZC_PREFIX_DIR)));
		st = add_term_buf(d, &t, err);
	}
	zc_buf_free(&t);
	return st;
}

/* "2024-08-12" -> "20240812" */
static zc_status
set_date(zc_xdoc *d, const char *iso, zc_error *err)
{
	char v[9];
	size_t n = 0;

	for (const char *p = iso; *p && n < 8; p++)
		if (*p >= '0' && *p <= '9')
			v[n++] = *p;
	if (n != 8)
		return ZC_OK;
	return zc_xdoc_set_value(d, ZC_SLOT_DATE, v, 8, err);
}

zc_status
zc_indexdoc_build(zc_analyzer *a, const zc_doc *doc, size_t i, zc_xdoc *out,
    zc_error *err)
{
	const zc_passage *p = &doc->passages[i];
	const zc_meta *m = &doc->meta;
	char key[ZC_FILE_KEY_LEN + 1];
	unsigned pos = 1, tpos = 1, ipos = 1;
	zc_buf t = {0};
	zc_status st;

	zc_xdoc_clear(out);
	zc_file_key(doc->path, key);
	st = zc_terms_index(a, out, ZC_TEXT_BODY, p->text, p->len, &pos, err);
	if (st == ZC_OK && m->value[ZC_FIELD_TITLE] != NULL)
		st = zc_terms_index(a, out, ZC_TEXT_TITLE,
		    m->value[ZC_FIELD_TITLE], strlen(m->value[ZC_FIELD_TITLE]),
		    &tpos, err);
	if (st == ZC_OK && m->value[ZC_FIELD_ISSUER] != NULL)
		st = zc_terms_index(a, out, ZC_TEXT_ISSUER,
		    m->value[ZC_FIELD_ISSUER],
		    strlen(m->value[ZC_FIELD_ISSUER]), &ipos, err);
	if (st == ZC_OK)
		st = add_fields(out, m, err);
	if (st == ZC_OK)
		st = add_dirs(out, doc->path, err);
	if (st == ZC_OK) {
		zc_buf_printf(&t, "%s%s", ZC_PREFIX_FILE, key);
		st = zc_xdoc_add_boolean_term(out, t.data, t.len, err);
	}
	if (st == ZC_OK) {
		zc_buf_reset(&t);
		zc_indexdoc_id_term(key, i, &t);
		st = zc_xdoc_add_boolean_term(out, t.data, t.len, err);
	}
	if (st == ZC_OK)
		st = zc_xdoc_set_value(out, ZC_SLOT_FILE, key,
		    ZC_FILE_KEY_LEN, err);
	if (st == ZC_OK && m->value[ZC_FIELD_DATE] != NULL)
		st = set_date(out, m->value[ZC_FIELD_DATE], err);
	if (st == ZC_OK) {
		zc_buf_reset(&t);
		zc_record_encode(doc->path, p->line, p->text, p->len, m, &t);
		st = zc_xdoc_set_data(out, t.data, t.len, err);
	}
	zc_buf_free(&t);
	return st;
}
