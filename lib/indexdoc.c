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

/* Cut s to at most max bytes at a UTF-8 character boundary. */
static size_t
clip_utf8(const char *s, size_t len, size_t max)
{
	if (len <= max)
		return len;
	while (max > 0 && ((unsigned char)s[max] & 0xC0) == 0x80)
		max--;
	return max;
}

static zc_status
add_boolean(zc_xdoc *d, const char *prefix, const char *value,
    zc_error *err)
{
	zc_buf t = {0};
	zc_status st;

	zc_buf_puts(&t, prefix);
	zc_buf_append(&t, value, clip_utf8(value, strlen(value),
	    ZC_MAX_TERM - strlen(prefix)));
	st = zc_xdoc_add_boolean_term(d, t.data, t.len, err);
	zc_buf_free(&t);
	return st;
}

/* NFKC leaves 〔〕 [] 【】 （） distinct (DESIGN.md, pitfalls): fold them
 * here for the 文号 terms and in queries. */
void
zc_indexdoc_fold_doc_no(const char *in, zc_buf *out)
{
	size_t len = strlen(in), i = 0, adv;
	char enc[4];

	while (i < len) {
		uint32_t cp = zc_utf8_decode(in + i, len - i, &adv);
		i += adv;
		switch (cp) {
		case '[': case 0x3010: case 0xFF3B: case 0xFE5D: case 0x3014:
		case '(': case 0xFF08: case 0x3016:
			cp = 0x3014; /* 〔 */
			break;
		case ']': case 0x3011: case 0xFF3D: case 0xFE5E: case 0x3015:
		case ')': case 0xFF09: case 0x3017:
			cp = 0x3015; /* 〕 */
			break;
		case ' ': case 0x3000: case 0xA0: case '\t':
			continue;
		}
		zc_buf_append(out, enc, zc_utf8_encode(cp, enc));
	}
}

static zc_status
add_fields(zc_xdoc *d, const zc_meta *m, zc_error *err)
{
	zc_status st = ZC_OK;
	zc_buf folded = {0};

	if (m->value[ZC_FIELD_INDEX_NO] != NULL)
		st = add_boolean(d, ZC_PREFIX_INDEX_NO,
		    m->value[ZC_FIELD_INDEX_NO], err);
	if (st == ZC_OK && m->value[ZC_FIELD_DOC_NO] != NULL) {
		zc_indexdoc_fold_doc_no(m->value[ZC_FIELD_DOC_NO], &folded);
		st = add_boolean(d, ZC_PREFIX_DOC_NO, folded.data, err);
	}
	if (st == ZC_OK && m->value[ZC_FIELD_CATEGORY] != NULL)
		st = add_boolean(d, ZC_PREFIX_CATEGORY,
		    m->value[ZC_FIELD_CATEGORY], err);
	if (st == ZC_OK && m->value[ZC_FIELD_VALIDITY] != NULL)
		st = add_boolean(d, ZC_PREFIX_VALIDITY,
		    m->value[ZC_FIELD_VALIDITY], err);
	zc_buf_free(&folded);
	return st;
}

/* P + every ancestor directory of path, each with a final '/'. */
static zc_status
add_dirs(zc_xdoc *d, const char *path, zc_error *err)
{
	zc_status st = ZC_OK;
	zc_buf dir = {0};

	for (const char *s = strchr(path, '/'); s != NULL && st == ZC_OK;
	    s = strchr(s + 1, '/')) {
		zc_buf_reset(&dir);
		zc_buf_append(&dir, path, (size_t)(s - path) + 1);
		st = add_boolean(d, ZC_PREFIX_DIR, dir.data, err);
	}
	zc_buf_free(&dir);
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
