/*
 * fieldterm.c — terms of exact field values, directories and files
 * (zc_fieldterm.h), shared by the indexer and the query builder.
 */
#include "zc_fieldterm.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "zc_chars.h"
#include "zc_norm.h"
#include "zc_schema.h"

/* Full-width ASCII → ASCII, Traditional → Simplified, query space
 * removed, brackets folded if asked. */
static void
fold(const char *s, size_t len, bool brackets, zc_buf *out)
{
	size_t i = 0, adv;
	char enc[4];

	while (i < len) {
		uint32_t cp = zc_utf8_decode(s + i, len - i, &adv);
		i += adv;
		if (brackets)
			cp = zc_chars_fold_bracket(cp);
		/* 國發〔2024〕5號 is 国发〔2024〕5号, 現行有效 is 现行有效 */
		cp = zc_norm_t2s(zc_chars_fold_width(cp));
		if (zc_chars_is_query_space(cp))
			continue;
		zc_buf_append(out, enc, zc_utf8_encode(cp, enc));
	}
}

void
zc_fieldterm_fold_doc_no(const char *value, size_t len, zc_buf *out)
{
	fold(value, len, true, out);
}

/* The words of a validity, after fold, and what each says. */
static const struct {
	const char *word, *canonical;
} validities[] = {
	{ "有效", "有效" }, { "现行有效", "有效" }, { "现行", "有效" },
	{ "生效", "有效" }, { "已生效", "有效" },
	{ "失效", "失效" }, { "已失效", "失效" }, { "全文失效", "失效" },
	{ "废止", "废止" }, { "已废止", "废止" }, { "废除", "废止" },
	{ "已废除", "废止" }, { "全文废止", "废止" },
	{ "已修订", "已修订" }, { "已修改", "已修订" }, { "已被修改", "已修订" },
	{ "已修正", "已修订" }, { "修订", "已修订" }, { "修改", "已修订" },
	{ "尚未生效", "尚未生效" }, { "未生效", "尚未生效" },
	{ "尚未施行", "尚未生效" }, { "待生效", "尚未生效" },
};

const char *
zc_fieldterm_validity(const char *value, size_t len)
{
	zc_buf v = {0};
	const char *found = NULL;

	fold(value, len, false, &v);
	for (size_t i = 0; v.data != NULL && found == NULL &&
	    i < sizeof validities / sizeof validities[0]; i++)
		if (strcmp(v.data, validities[i].word) == 0)
			found = validities[i].canonical;
	zc_buf_free(&v);
	return found;
}

static bool
is_level_separator(uint32_t cp)
{
	return cp == '\\' || cp == 0xFF3C || cp == '/' || cp == 0xFF0F ||
	    cp == '>' || cp == 0xFF1E;
}

/* Append the term of one level of a category and a NUL, unless the
 * level is only space. */
static void
put_level(zc_field f, const char *level, size_t len, zc_buf *out)
{
	size_t before = out->len;

	zc_fieldterm_exact(f, level, len, out);
	if (out->len == before + strlen(zc_fields[f].term_prefix)) {
		out->len = before;
		if (out->data != NULL)
			out->data[before] = '\0';
		return;
	}
	zc_buf_putc(out, '\0');
}

void
zc_fieldterm_document(zc_field f, const char *value, size_t len,
    zc_buf *out)
{
	size_t start = 0, adv;

	zc_fieldterm_exact(f, value, len, out);
	zc_buf_putc(out, '\0');
	if (f != ZC_FIELD_CATEGORY)
		return;
	for (size_t i = 0; i <= len; i += adv) {
		uint32_t cp = 0;

		adv = 1;
		if (i < len)
			cp = zc_utf8_decode(value + i, len - i, &adv);
		if (i < len && !is_level_separator(cp))
			continue;
		if (start == 0 && i == len)
			return; /* one level: the whole value, already out */
		put_level(f, value + start, i - start, out);
		start = i + adv;
	}
}

void
zc_fieldterm_exact(zc_field f, const char *value, size_t len, zc_buf *out)
{
	const char *prefix, *canonical;
	zc_buf v = {0};

	if ((unsigned)f >= ZC_FIELD_END || zc_fields[f].kind != ZC_FK_EXACT)
		return;
	prefix = zc_fields[f].term_prefix;
	if (f == ZC_FIELD_VALIDITY &&
	    (canonical = zc_fieldterm_validity(value, len)) != NULL) {
		value = canonical;
		len = strlen(canonical);
	}
	fold(value, len, zc_fields[f].fold_brackets, &v);
	zc_buf_puts(out, prefix);
	zc_buf_append(out, v.data != NULL ? v.data : "",
	    zc_utf8_clip(v.data, v.len, ZC_MAX_TERM - strlen(prefix)));
	zc_buf_free(&v);
}

void
zc_fieldterm_dir(const char *dir, size_t len, zc_buf *out)
{
	size_t n;

	zc_buf_puts(out, ZC_PREFIX_DIR);
	n = zc_utf8_clip(dir, len, ZC_MAX_TERM - strlen(ZC_PREFIX_DIR) - 1);
	zc_buf_append(out, dir, n);
	if (n == 0 || dir[n - 1] != '/')
		zc_buf_putc(out, '/');
}

void
zc_fieldterm_file_path(const char *path, size_t len, zc_buf *out)
{
	zc_buf_puts(out, ZC_PREFIX_DIR);
	zc_buf_append(out, path, zc_utf8_clip(path, len,
	    ZC_MAX_TERM - strlen(ZC_PREFIX_DIR)));
}

void
zc_fieldterm_file_key(const char *path, char out[ZC_FILE_KEY_LEN + 1])
{
	snprintf(out, ZC_FILE_KEY_LEN + 1, "%016llx",
	    (unsigned long long)zc_hash64(path, strlen(path)));
}

void
zc_fieldterm_file_id(const char *path, zc_buf *out)
{
	char key[ZC_FILE_KEY_LEN + 1];

	zc_fieldterm_file_key(path, key);
	zc_buf_printf(out, "%s%s", ZC_PREFIX_FILE, key);
}

/* The name national laws are cited without. */
#define NATIONAL_PREFIX "中华人民共和国"

static void
title_term(const char *norm, size_t len, zc_buf *out)
{
	zc_buf t = { 0 };

	zc_buf_reset(out);
	zc_chars_collapse(norm, len, &t);
	zc_buf_puts(out, ZC_PREFIX_TITLE_WHOLE);
	zc_buf_append(out, t.data, zc_utf8_clip(t.data, t.len,
	    ZC_MAX_TERM - strlen(ZC_PREFIX_TITLE_WHOLE)));
	zc_buf_free(&t);
}

zc_status
zc_fieldterm_title(const char *title, size_t len, bool document,
    zc_buf out[2], size_t *n, zc_error *err)
{
	size_t plen = strlen(NATIONAL_PREFIX), nlen;
	char *norm;
	zc_status rc;

	*n = 0;
	rc = zc_norm_string(title, len, &norm, NULL, err);
	if (rc != ZC_OK)
		return rc;
	nlen = strlen(norm);
	if (nlen > 0)
		title_term(norm, nlen, &out[(*n)++]);
	if (document && nlen > plen && strncmp(norm, NATIONAL_PREFIX,
	    plen) == 0)
		title_term(norm + plen, nlen - plen, &out[(*n)++]);
	free(norm);
	return ZC_OK;
}
