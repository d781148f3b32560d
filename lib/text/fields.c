/*
 * fields.c — the field table (zc_fields.h).  Both sides read it: the
 * indexer for the terms and keys of a document's fields, the query
 * parser and builder for the names and terms of a query's.
 */
#include "zc_fields.h"

#include <string.h>
#include <strings.h>

#include "zc_schema.h"

/* Labels on pages, by field; the query names are among them. */
static const zc_field_label title_labels[] = {
	{ "标题", ZC_LABEL_NAMES, 0 }, { "题名", ZC_LABEL_NAMES, 0 },
	{ "文件名称", ZC_LABEL_NAMES, 0 }, { "信息名称", ZC_LABEL_NAMES, 0 },
	{ "名称", ZC_LABEL_NAMES, -1 },
	{ NULL, 0, 0 }
};
static const zc_field_label index_no_labels[] = {
	{ "索引号", ZC_LABEL_NAMES, 0 }, { NULL, 0, 0 }
};
/* Two dates, as the official libraries file them: 成文日期, the date a
 * document was signed (发文日期 and 印发日期 on provincial platforms),
 * and 发布日期, the date it was made public.  发布时间 and a bare 日期
 * may be the time a page went up. */
static const zc_field_label written_labels[] = {
	{ "成文日期", ZC_LABEL_NAMES, 5 }, { "发文日期", ZC_LABEL_NAMES, 4 },
	{ "印发日期", ZC_LABEL_NAMES, 3 }, { "签发日期", ZC_LABEL_NAMES, 2 },
	{ "生成日期", ZC_LABEL_NAMES, 1 },
	{ NULL, 0, 0 }
};
static const zc_field_label published_labels[] = {
	{ "发布日期", ZC_LABEL_NAMES, 5 }, { "公布日期", ZC_LABEL_NAMES, 4 },
	{ "公开日期", ZC_LABEL_NAMES, 3 }, { "发布时间", ZC_LABEL_WEAK, 2 },
	{ "日期", ZC_LABEL_WEAK, 0 }, { NULL, 0, 0 }
};
/* The document's date is derived (zc_meta.h), never labelled. */
static const zc_field_label no_labels[] = { { NULL, 0, 0 } };
static const zc_field_label issuer_labels[] = {
	{ "发布机构", ZC_LABEL_NAMES, 0 }, { "发文机关", ZC_LABEL_NAMES, 0 },
	{ "发文机构", ZC_LABEL_NAMES, 0 }, { "发文单位", ZC_LABEL_NAMES, 0 },
	{ "制发机关", ZC_LABEL_NAMES, 0 }, { "制定机关", ZC_LABEL_NAMES, 0 },
	{ "发布机关", ZC_LABEL_NAMES, 0 }, { "发布单位", ZC_LABEL_NAMES, -1 },
	{ "信息来源", ZC_LABEL_SOURCE, 0 }, { "文章来源", ZC_LABEL_SOURCE, 0 },
	{ "来源", ZC_LABEL_SOURCE, 0 }, { NULL, 0, 0 }
};
static const zc_field_label doc_no_labels[] = {
	{ "发文字号", ZC_LABEL_NAMES, 0 }, { "发文文号", ZC_LABEL_NAMES, 0 },
	{ "文件编号", ZC_LABEL_NAMES, 0 }, { "文号", ZC_LABEL_NAMES, 0 },
	{ NULL, 0, 0 }
};
static const zc_field_label type_labels[] = {
	{ "文种", ZC_LABEL_NAMES, 0 }, { "公文种类", ZC_LABEL_NAMES, 0 },
	{ NULL, 0, 0 }
};
static const zc_field_label category_labels[] = {
	{ "主题分类", ZC_LABEL_NAMES, 1 }, { "信息分类", ZC_LABEL_NAMES, 0 },
	{ "主题词分类", ZC_LABEL_NAMES, 0 },
	{ "所属分类", ZC_LABEL_NAMES, 0 }, { "分类", ZC_LABEL_NAMES, 0 },
	{ NULL, 0, 0 }
};
static const zc_field_label validity_labels[] = {
	{ "有效性", ZC_LABEL_NAMES, 0 }, { "时效性", ZC_LABEL_NAMES, 0 },
	{ "效力状态", ZC_LABEL_NAMES, 0 }, { NULL, 0, 0 }
};

const zc_field_info zc_fields[ZC_FIELD_END] = {
	[ZC_FIELD_TITLE] = { "title", "title", { "标题" }, ZC_FK_TEXT,
	    ZC_PREFIX_TITLE_CHAR, ZC_PREFIX_TITLE_PAIR, ZC_PREFIX_TITLE_WORD,
	    NULL, false, title_labels },
	[ZC_FIELD_INDEX_NO] = { "index_no", "index", { "索引号" },
	    ZC_FK_EXACT, NULL, NULL, NULL, ZC_PREFIX_INDEX_NO, false,
	    index_no_labels },
	[ZC_FIELD_DATE] = { "date", "date", { "日期" },
	    ZC_FK_DATE, NULL, NULL, NULL, NULL, false, no_labels,
	    ZC_SLOT_DATE },
	[ZC_FIELD_WRITTEN] = { "written", "written", { "成文日期", "发文日期" },
	    ZC_FK_DATE, NULL, NULL, NULL, NULL, false, written_labels,
	    ZC_SLOT_WRITTEN },
	[ZC_FIELD_PUBLISHED] = { "published", "published", { "发布日期" },
	    ZC_FK_DATE, NULL, NULL, NULL, NULL, false, published_labels,
	    ZC_SLOT_PUBLISHED },
	[ZC_FIELD_ISSUER] = { "issuer", "issuer", { "机构", "发布机构" },
	    ZC_FK_TEXT, ZC_PREFIX_ISSUER_CHAR, ZC_PREFIX_ISSUER_PAIR,
	    ZC_PREFIX_ISSUER_WORD, NULL, false, issuer_labels, 0,
	    ZC_SLOT_ISSUER },
	[ZC_FIELD_DOC_NO] = { "doc_no", "docno", { "文号" }, ZC_FK_EXACT,
	    NULL, NULL, NULL, ZC_PREFIX_DOC_NO, true, doc_no_labels },
	[ZC_FIELD_TYPE] = { "type", "type", { "文种" }, ZC_FK_EXACT,
	    NULL, NULL, NULL, ZC_PREFIX_TYPE, false, type_labels, 0,
	    ZC_SLOT_TYPE },
	[ZC_FIELD_CATEGORY] = { "category", "category", { "分类",
	    "主题分类" }, ZC_FK_EXACT, NULL, NULL, NULL, ZC_PREFIX_CATEGORY,
	    false, category_labels, 0, ZC_SLOT_CATEGORY },
	[ZC_FIELD_VALIDITY] = { "validity", "validity", { "有效性",
	    "时效性" }, ZC_FK_EXACT, NULL, NULL, NULL, ZC_PREFIX_VALIDITY,
	    false, validity_labels, 0, ZC_SLOT_VALIDITY },
	[ZC_FIELD_BODY] = { NULL, NULL, { NULL }, ZC_FK_TEXT,
	    ZC_PREFIX_CHAR, ZC_PREFIX_PAIR, ZC_PREFIX_WORD, NULL, false, NULL },
	[ZC_FIELD_PATH] = { NULL, "path", { NULL }, ZC_FK_PATH,
	    NULL, NULL, NULL, ZC_PREFIX_DIR, false, NULL },
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
