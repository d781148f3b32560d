/*
 * zc_fields.h — the fields of a policy document and of the query
 * language, in one table: what each is called in JSON and in a query,
 * which terms of zc_schema.h stand for it, and how a query value for it
 * is read.  Every switch on field identity (query names, term prefixes,
 * exact terms, JSON and TSV keys, the stored record, zcindex --dump) is
 * a look-up here, so adding or renaming a field is one edit.
 *
 * The metadata fields come first, in the order of the stored document
 * record (zc_record.h) and of the JSON and TSV keys: that order is part
 * of the database format, so a new field goes before ZC_FIELD_COUNT only
 * with a new ZC_SCHEMA_VERSION.  ZC_FIELD_BODY and ZC_FIELD_PATH exist
 * only in queries: a document's body is its passages, its path its own
 * member of zc_doc.
 *
 * Not here: the labels ingest recognises on a page (成文日期, 信息来源,
 * ... in meta.c) and the HTML meta names (extract.c), which carry the
 * scores that rank one source of a value against another.
 */
#ifndef ZC_FIELDS_H
#define ZC_FIELDS_H

#include <stdbool.h>
#include <stddef.h>

typedef enum zc_field {
	ZC_FIELD_TITLE,    /* 标题 */
	ZC_FIELD_INDEX_NO, /* 索引号 */
	ZC_FIELD_DATE,     /* 发文日期, always YYYY-MM-DD */
	ZC_FIELD_ISSUER,   /* 发布机构 */
	ZC_FIELD_DOC_NO,   /* 文号 */
	ZC_FIELD_CATEGORY, /* 分类 */
	ZC_FIELD_VALIDITY, /* 有效性 */
	ZC_FIELD_COUNT,    /* the metadata fields end here */
	ZC_FIELD_BODY = ZC_FIELD_COUNT, /* query only: the passages */
	ZC_FIELD_PATH,     /* query only: path: */
	ZC_FIELD_END       /* entries of zc_fields */
} zc_field;

/* How a field is indexed, and so how a query value for it is read. */
typedef enum zc_field_kind {
	ZC_FK_TEXT,  /* searched by words: char_prefix + each Han
	              * character and word_prefix + each letter/digit run,
	              * positional, and word_prefix + ranking words
	              * (zc_terms.h) */
	ZC_FK_EXACT, /* one boolean term, term_prefix + the folded value
	              * (zc_fieldterm.h) */
	ZC_FK_DATE,  /* the value slot ZC_SLOT_DATE: dates and ranges */
	ZC_FK_PATH   /* boolean terms term_prefix + each ancestor directory
	              * and + the file's own path, and the file's id term
	              * (zc_fieldterm.h) */
} zc_field_kind;

typedef struct zc_field_info {
	const char *key;         /* JSON and TSV key; NULL when not metadata */
	const char *name;        /* English query name, case-insensitive;
	                          * NULL for the body, which has no "name:" */
	const char *zh_names[3]; /* Chinese query names, NULL-terminated */
	zc_field_kind kind;
	const char *char_prefix; /* ZC_FK_TEXT: one positional term per Han
	                          * character; NULL for other kinds */
	const char *word_prefix; /* ZC_FK_TEXT: letter/digit runs and
	                          * ranking words; NULL for other kinds */
	const char *term_prefix; /* ZC_FK_EXACT, ZC_FK_PATH: the boolean
	                          * terms; NULL for other kinds */
	bool fold_brackets;      /* ZC_FK_EXACT: brackets compare folded
	                          * (zc_fieldterm.h) */
} zc_field_info;

/* Indexed by zc_field. */
extern const zc_field_info zc_fields[ZC_FIELD_END];

/* The field a query calls name[0..len) ("title", "TITLE", "标题", ...);
 * false, *out untouched, for a name no field has. */
bool zc_fields_find(const char *name, size_t len, zc_field *out);

#endif
