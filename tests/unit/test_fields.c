/*
 * test_fields.c — the field table (zc_fields.h): the query names of
 * zcquery(7) in both languages, the JSON keys in the order zcsearch(1)
 * documents, and prefixes that keep existing indexes valid and never
 * share a term between two fields.
 */
#include <criterion/criterion.h>
#include <ctype.h>
#include <string.h>

#include "zc_fields.h"
#include "zc_schema.h"

static const struct named {
	const char *name;
	zc_field field;
} names[] = {
	{ "title", ZC_FIELD_TITLE },       { "标题", ZC_FIELD_TITLE },
	{ "issuer", ZC_FIELD_ISSUER },     { "机构", ZC_FIELD_ISSUER },
	{ "发布机构", ZC_FIELD_ISSUER },
	{ "index", ZC_FIELD_INDEX_NO },    { "索引号", ZC_FIELD_INDEX_NO },
	{ "docno", ZC_FIELD_DOC_NO },      { "文号", ZC_FIELD_DOC_NO },
	{ "category", ZC_FIELD_CATEGORY }, { "分类", ZC_FIELD_CATEGORY },
	{ "主题分类", ZC_FIELD_CATEGORY },
	{ "validity", ZC_FIELD_VALIDITY }, { "有效性", ZC_FIELD_VALIDITY },
	{ "时效性", ZC_FIELD_VALIDITY },
	{ "type", ZC_FIELD_TYPE },         { "文种", ZC_FIELD_TYPE },
	{ "date", ZC_FIELD_DATE },         { "日期", ZC_FIELD_DATE },
	{ "written", ZC_FIELD_WRITTEN },   { "成文日期", ZC_FIELD_WRITTEN },
	{ "发文日期", ZC_FIELD_WRITTEN },
	{ "published", ZC_FIELD_PUBLISHED }, { "发布日期", ZC_FIELD_PUBLISHED },
	{ "path", ZC_FIELD_PATH },
};
#define N_NAMES (sizeof names / sizeof names[0])

static bool
find(const char *name, zc_field *f)
{
	return zc_fields_find(name, strlen(name), f);
}

Test(fields, every_query_name_of_zcquery_finds_its_field)
{
	for (size_t i = 0; i < N_NAMES; i++) {
		zc_field f = ZC_FIELD_END;

		cr_expect(find(names[i].name, &f), "%s", names[i].name);
		cr_expect_eq(f, names[i].field, "%s", names[i].name);
	}
}

Test(fields, english_names_ignore_case_and_chinese_names_have_none)
{
	zc_field f = ZC_FIELD_END;

	cr_expect(find("TITLE", &f));
	cr_expect_eq(f, ZC_FIELD_TITLE);
	cr_expect(find("DocNo", &f));
	cr_expect_eq(f, ZC_FIELD_DOC_NO);
	cr_expect(find("Path", &f));
	cr_expect_eq(f, ZC_FIELD_PATH);
	/* the upper-case forms of every English name, from the table */
	for (int k = 0; k < ZC_FIELD_END; k++) {
		char up[32];
		size_t n;

		if (zc_fields[k].name == NULL)
			continue;
		n = strlen(zc_fields[k].name);
		cr_assert_lt(n, sizeof up);
		for (size_t i = 0; i <= n; i++)
			up[i] = (char)toupper(
			    (unsigned char)zc_fields[k].name[i]);
		f = ZC_FIELD_END;
		cr_expect(find(up, &f), "%s", up);
		cr_expect_eq(f, (zc_field)k, "%s", up);
	}
}

Test(fields, the_table_has_no_query_name_beyond_the_documented_ones)
{
	size_t n = 0;

	for (int k = 0; k < ZC_FIELD_END; k++) {
		const zc_field_info *fi = &zc_fields[k];

		if (fi->name != NULL)
			n++;
		for (size_t i = 0; fi->zh_names[i] != NULL; i++)
			n++;
	}
	cr_expect_eq(n, N_NAMES);
}

Test(fields, other_words_name_no_field)
{
	static const char *const not_names[] = {
		"", "body", "titl", "titles", "index_no", "doc_no", "标",
		"标题:", "发布", "日", "路径", " title", "dates", "种类",
	};
	zc_field f = ZC_FIELD_END;

	for (size_t i = 0; i < sizeof not_names / sizeof *not_names; i++) {
		cr_expect_not(find(not_names[i], &f), "%s", not_names[i]);
		cr_expect_eq(f, ZC_FIELD_END, "%s leaves *out", not_names[i]);
	}
	/* the length bounds the name: "title:" is title up to the colon */
	cr_expect(zc_fields_find("title:x", 5, &f));
	cr_expect_eq(f, ZC_FIELD_TITLE);
	cr_expect_not(zc_fields_find("title:x", 4, &f));
}

Test(fields, json_keys_are_in_the_documented_order)
{
	static const char *const keys[ZC_FIELD_COUNT] = {
		"title", "index_no", "date", "written", "published", "issuer",
		"doc_no", "type", "category", "validity"
	};

	for (int f = 0; f < ZC_FIELD_COUNT; f++)
		cr_expect_str_eq(zc_fields[f].key, keys[f], "field %d", f);
	for (int f = ZC_FIELD_COUNT; f < ZC_FIELD_END; f++)
		cr_expect_null(zc_fields[f].key, "query-only field %d", f);
}

/* Changing one of these makes every existing index find nothing. */
Test(fields, prefixes_are_those_existing_indexes_hold)
{
	static const struct {
		zc_field f;
		const char *chr, *word, *term;
	} want[] = {
		{ ZC_FIELD_BODY, "", "W", NULL },
		{ ZC_FIELD_TITLE, "S", "T", NULL },
		{ ZC_FIELD_ISSUER, "A", "B", NULL },
		{ ZC_FIELD_INDEX_NO, NULL, NULL, "K" },
		{ ZC_FIELD_DOC_NO, NULL, NULL, "N" },
		{ ZC_FIELD_CATEGORY, NULL, NULL, "C" },
		{ ZC_FIELD_VALIDITY, NULL, NULL, "V" },
		{ ZC_FIELD_TYPE, NULL, NULL, "Y" },
		{ ZC_FIELD_WRITTEN, NULL, NULL, NULL },
		{ ZC_FIELD_PUBLISHED, NULL, NULL, NULL },
		{ ZC_FIELD_PATH, NULL, NULL, "P" },
		{ ZC_FIELD_DATE, NULL, NULL, NULL },
	};

	cr_assert_eq(sizeof want / sizeof *want, ZC_FIELD_END);
	for (size_t i = 0; i < sizeof want / sizeof *want; i++) {
		const zc_field_info *fi = &zc_fields[want[i].f];
		const char *const got[3] = {
			fi->char_prefix, fi->word_prefix, fi->term_prefix
		};
		const char *const exp[3] = {
			want[i].chr, want[i].word, want[i].term
		};

		for (int k = 0; k < 3; k++) {
			if (exp[k] == NULL)
				cr_expect_null(got[k], "field %d", want[i].f);
			else
				cr_expect(got[k] != NULL &&
				    strcmp(got[k], exp[k]) == 0,
				    "field %d prefix %d", want[i].f, k);
		}
	}
}

Test(fields, every_prefix_is_unique)
{
	const char *seen[3 * ZC_FIELD_END + 1];
	size_t n = 0;

	for (int f = 0; f < ZC_FIELD_END; f++) {
		const zc_field_info *fi = &zc_fields[f];
		const char *const p[3] = {
			fi->char_prefix, fi->word_prefix, fi->term_prefix
		};

		for (int k = 0; k < 3; k++)
			if (p[k] != NULL)
				seen[n++] = p[k];
	}
	seen[n++] = ZC_PREFIX_FILE; /* the file id, in no field */
	for (size_t i = 0; i < n; i++) {
		/* one capital or none: a term then says its prefix by its
		 * first byte, since the unprefixed terms are Han characters
		 * and prefixed values follow a capital */
		cr_expect(seen[i][0] == '\0' || (strlen(seen[i]) == 1 &&
		    isupper((unsigned char)seen[i][0])), "'%s'", seen[i]);
		for (size_t j = i + 1; j < n; j++)
			cr_expect_str_neq(seen[i], seen[j], "'%s' twice",
			    seen[i]);
	}
}

Test(fields, kinds_have_the_prefixes_they_need)
{
	for (int f = 0; f < ZC_FIELD_END; f++) {
		const zc_field_info *fi = &zc_fields[f];

		switch (fi->kind) {
		case ZC_FK_TEXT:
			cr_expect(fi->char_prefix != NULL &&
			    fi->word_prefix != NULL, "field %d", f);
			break;
		case ZC_FK_EXACT:
		case ZC_FK_PATH:
			cr_expect_not_null(fi->term_prefix, "field %d", f);
			break;
		case ZC_FK_DATE:
			break;
		}
		cr_expect(fi->fold_brackets == (f == ZC_FIELD_DOC_NO),
		    "field %d", f);
	}
	cr_expect_eq(zc_fields[ZC_FIELD_DATE].kind, ZC_FK_DATE);
	cr_expect_eq(zc_fields[ZC_FIELD_DATE].slot, ZC_SLOT_DATE);
	cr_expect_eq(zc_fields[ZC_FIELD_WRITTEN].slot, ZC_SLOT_WRITTEN);
	cr_expect_eq(zc_fields[ZC_FIELD_PUBLISHED].slot, ZC_SLOT_PUBLISHED);
	cr_expect_eq(zc_fields[ZC_FIELD_PATH].kind, ZC_FK_PATH);
	cr_expect_eq(zc_fields[ZC_FIELD_BODY].kind, ZC_FK_TEXT);
}

/* meta.c tries the labels in any order: that is safe only while no
 * label is a prefix of another (日期 of 发文日期 is a suffix, which is
 * fine: labels are matched where a label starts).  The document's date
 * alone has none: it is derived from the two dates (zc_meta.h). */
Test(fields, no_label_is_a_prefix_of_another_and_each_field_has_one)
{
	const char *all[64];
	size_t n = 0;

	for (int f = 0; f < ZC_FIELD_COUNT; f++) {
		cr_assert_not_null(zc_fields[f].labels, "%s", zc_fields[f].key);
		cr_expect((zc_fields[f].labels[0].word != NULL) ==
		    (f != ZC_FIELD_DATE), "%s has a label", zc_fields[f].key);
		for (const zc_field_label *l = zc_fields[f].labels;
		    l->word != NULL; l++) {
			cr_assert_lt(n, sizeof all / sizeof *all);
			all[n++] = l->word;
		}
	}
	for (size_t i = 0; i < n; i++)
		for (size_t j = 0; j < n; j++)
			cr_expect(i == j || strncmp(all[i], all[j],
			    strlen(all[i])) != 0, "%s is a prefix of %s",
			    all[i], all[j]);
}

Test(fields, every_chinese_query_name_is_a_label_of_its_field)
{
	for (int f = 0; f < ZC_FIELD_COUNT; f++)
		for (size_t i = 0; zc_fields[f].zh_names[i] != NULL; i++) {
			const char *name = zc_fields[f].zh_names[i];
			bool found = false;

			/* the date's names are labels of the two dates */
			for (int g = 0; g < ZC_FIELD_COUNT; g++)
				for (const zc_field_label *l = zc_fields[g].labels;
				    l->word != NULL && (g == f || (f ==
				    ZC_FIELD_DATE && zc_fields[g].kind ==
				    ZC_FK_DATE)); l++)
					found |= strcmp(l->word, name) == 0;
			cr_expect(found || strcmp(name, "机构") == 0,
			    "%s: a query name that no page label says", name);
		}
}
