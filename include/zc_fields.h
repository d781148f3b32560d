/*
 * zc_fields.h — the fields of a policy document and of the query
 * language, in one table: what each is called in JSON and in a query,
 * which terms of zc_schema.h stand for it, and how a query value for it
 * is read.  Every switch on field identity (query names, term prefixes,
 * exact terms, JSON and TSV keys, the stored record, zcindex --dump) is
 * a look-up here, so adding or renaming a field is one edit.
 *
 * The metadata fields come first, in the order of the JSON and TSV
 * keys.  The stored record names each value by its key (zc_record.h),
 * so the order is free to change; a new field still comes with a new
 * ZC_SCHEMA_VERSION, since documents indexed before lack it.
 * ZC_FIELD_BODY and ZC_FIELD_PATH exist
 * only in queries: a document's body is its passages, its path its own
 * member of zc_doc.
 *
 * Not here: the HTML meta names (extract.c), which are markup rather
 * than words a reader sees.
 */
#ifndef ZC_FIELDS_H
#define ZC_FIELDS_H

#include <stdbool.h>
#include <stddef.h>

typedef enum zc_field {
	ZC_FIELD_TITLE,    /* 标题 */
	ZC_FIELD_INDEX_NO, /* 索引号 */
	ZC_FIELD_DATE,     /* the document's date, YYYY-MM-DD: a law's
	                    * version date, else 成文日期, else 发布日期
	                    * (zc_meta.h) */
	ZC_FIELD_WRITTEN,  /* 成文日期 (a law's first adoption) */
	ZC_FIELD_PUBLISHED,/* 发布日期 */
	ZC_FIELD_ISSUER,   /* 发布机构, 发文机关 */
	ZC_FIELD_DOC_NO,   /* 文号 (a law's 令 number) */
	ZC_FIELD_TYPE,     /* 文种: 通知, 意见, 条例, 法 ... */
	ZC_FIELD_CATEGORY, /* 主题分类, levels joined by \ */
	ZC_FIELD_VALIDITY, /* 有效性, normalised (zc_fieldterm.h) */
	ZC_FIELD_COUNT,    /* the metadata fields end here */
	ZC_FIELD_BODY = ZC_FIELD_COUNT, /* query only: the passages */
	ZC_FIELD_PATH,     /* query only: path: */
	ZC_FIELD_END       /* entries of zc_fields */
} zc_field;

/* What a label on a page says of the value after it (zc_meta.h weighs
 * each kind against the other sources of a field). */
typedef enum zc_label_kind {
	ZC_LABEL_NAMES,  /* names the field: 发文日期, 索引号, 发布机构 */
	ZC_LABEL_WEAK,   /* names it loosely: 发布时间 may be the time a
	                  * page went up, not the 发文日期 */
	ZC_LABEL_SOURCE  /* 来源: often a section of the site, not the
	                  * issuer */
} zc_label_kind;

/* A label of the field on pages.  Of two labels of one field and kind,
 * the one of higher rank wins (发文日期 over 成文日期). */
typedef struct zc_field_label {
	const char *word; /* NULL ends a field's list */
	zc_label_kind kind;
	int rank;
} zc_field_label;

/* How a field is indexed, and so how a query value for it is read. */
typedef enum zc_field_kind {
	ZC_FK_TEXT,  /* searched as text: char_prefix + each character
	              * (and " " per whitespace run), positional, and
	              * word_prefix + ranking words (zc_terms.h) */
	ZC_FK_EXACT, /* one boolean term, term_prefix + the folded value
	              * (zc_fieldterm.h) */
	ZC_FK_DATE,  /* a value slot (slot): dates and ranges */
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
	const char *char_prefix; /* ZC_FK_TEXT: one positional term per
	                          * character; NULL for other kinds */
	const char *pair_prefix; /* ZC_FK_TEXT: boolean terms of every two
	                          * units at consecutive positions (the
	                          * filter of a phrase); NULL otherwise */
	const char *word_prefix; /* ZC_FK_TEXT: ranking words, which
	                          * wildcards expand; NULL for other kinds */
	const char *term_prefix; /* ZC_FK_EXACT, ZC_FK_PATH: the boolean
	                          * terms; NULL for other kinds */
	bool fold_brackets;      /* ZC_FK_EXACT: brackets compare folded
	                          * (zc_fieldterm.h) */
	const zc_field_label *labels; /* metadata fields: the labels that
	                          * introduce a value on a page; no label
	                          * is a prefix of another */
	int slot;                /* ZC_FK_DATE: the value slot of the
	                          * date as "YYYYMMDD" (zc_schema.h) */
	int count_slot;          /* a value slot holding the value as
	                          * stored, for --count-by (zc_search.h);
	                          * 0 when none (slot 0 is the date's) */
} zc_field_info;

/* Indexed by zc_field. */
extern const zc_field_info zc_fields[ZC_FIELD_END];

/* The field a query calls name[0..len) ("title", "TITLE", "标题", ...);
 * false, *out untouched, for a name no field has. */
bool zc_fields_find(const char *name, size_t len, zc_field *out);

#endif
