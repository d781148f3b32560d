/*
 * fields.c — the field table (zc_fields.h).  Both sides read it: the
 * indexer for the terms and keys of a document's fields, the query
 * parser and builder for the names and terms of a query's.
 */
#include "zc_fields.h"

#include <string.h>
#include <strings.h>

#include "zc_schema.h"

const zc_field_info zc_fields[ZC_FIELD_END] = {
	[ZC_FIELD_TITLE] = { "title", "title", { "标题" }, ZC_FK_TEXT,
	    ZC_PREFIX_TITLE_CHAR, ZC_PREFIX_TITLE_WORD, NULL, false },
	[ZC_FIELD_INDEX_NO] = { "index_no", "index", { "索引号" },
	    ZC_FK_EXACT, NULL, NULL, ZC_PREFIX_INDEX_NO, false },
	[ZC_FIELD_DATE] = { "date", "date", { "发文日期" }, ZC_FK_DATE,
	    NULL, NULL, NULL, false },
	[ZC_FIELD_ISSUER] = { "issuer", "issuer", { "机构", "发布机构" },
	    ZC_FK_TEXT, ZC_PREFIX_ISSUER_CHAR, ZC_PREFIX_ISSUER_WORD, NULL,
	    false },
	[ZC_FIELD_DOC_NO] = { "doc_no", "docno", { "文号" }, ZC_FK_EXACT,
	    NULL, NULL, ZC_PREFIX_DOC_NO, true },
	[ZC_FIELD_CATEGORY] = { "category", "category", { "分类" },
	    ZC_FK_EXACT, NULL, NULL, ZC_PREFIX_CATEGORY, false },
	[ZC_FIELD_VALIDITY] = { "validity", "validity", { "有效性" },
	    ZC_FK_EXACT, NULL, NULL, ZC_PREFIX_VALIDITY, false },
	[ZC_FIELD_BODY] = { NULL, NULL, { NULL }, ZC_FK_TEXT,
	    ZC_PREFIX_CHAR, ZC_PREFIX_WORD, NULL, false },
	[ZC_FIELD_PATH] = { NULL, "path", { NULL }, ZC_FK_PATH,
	    NULL, NULL, ZC_PREFIX_DIR, false },
};

bool
zc_fields_find(const char *name, size_t len, zc_field *out)
{
	for (int f = 0; f < ZC_FIELD_END; f++) {
		const zc_field_info *fi = &zc_fields[f];

		if (fi->name != NULL && strlen(fi->name) == len &&
		    strncasecmp(fi->name, name, len) == 0) {
			*out = (zc_field)f;
			return true;
		}
		for (size_t i = 0; fi->zh_names[i] != NULL; i++) {
			if (strlen(fi->zh_names[i]) == len &&
			    memcmp(fi->zh_names[i], name, len) == 0) {
				*out = (zc_field)f;
				return true;
			}
		}
	}
	return false;
}
