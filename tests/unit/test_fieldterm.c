/*
 * test_fieldterm.c — the terms of exact values: a 文号 written with any
 * bracket pair, in full-width forms or with whitespace and control
 * characters inside gives the term of its canonical form.
 */
#include <criterion/criterion.h>
#include <string.h>

#include "zc_fieldterm.h"
#include "zc_schema.h"

static const struct {
	const char *in;
	const char *want; /* the folded 文号 */
} doc_nos[] = {
	{ "鄂政发〔2021〕13号", "鄂政发〔2021〕13号" },
	{ "鄂政发[2021]13号", "鄂政发〔2021〕13号" },
	{ "鄂政发(2021)13号", "鄂政发〔2021〕13号" },
	{ "鄂政发（2021）13号", "鄂政发〔2021〕13号" },
	{ "鄂政发【2021】13号", "鄂政发〔2021〕13号" },
	{ "鄂政发〖2021〗13号", "鄂政发〔2021〕13号" },
	{ "鄂政发﹝2021﹞13号", "鄂政发〔2021〕13号" },
	{ "鄂政发［２０２１］１３号", "鄂政发〔2021〕13号" },
	{ "国发{2014}49号", "国发〔2014〕49号" },    /* meta reads it too */
	{ "国发｛2014｝49号", "国发〔2014〕49号" },
	{ "鄂政发 〔2021〕\u300013 号", "鄂政发〔2021〕13号" },
	{ "鄂政发\u2028〔2021〕\xC2\x85" "13号", "鄂政发〔2021〕13号" },
	{ "鄂政发〔2021〕\t13号\u200b", "鄂政发〔2021〕13号" },
	{ "鄂政发《2021》13号", "鄂政发《2021》13号" },
};

Test(fieldterm, a_doc_no_folds_to_one_form)
{
	for (size_t i = 0; i < sizeof doc_nos / sizeof doc_nos[0]; i++) {
		zc_buf b = { 0 };

		zc_fieldterm_fold_doc_no(doc_nos[i].in, strlen(doc_nos[i].in),
		    &b);
		cr_expect_str_eq(b.data, doc_nos[i].want, "%s", doc_nos[i].in);
		zc_buf_free(&b);
	}
}

/* Query space goes from every exact value: a value quoted in a query
 * ("a\u2028b") finds the one typed without it. */
Test(fieldterm, query_space_goes_from_every_exact_value)
{
	const char *quoted = "科技\u2029创新\u1680", *typed = "科技创新";
	zc_buf a = { 0 }, b = { 0 };

	zc_fieldterm_exact(ZC_FIELD_CATEGORY, quoted, strlen(quoted), &a);
	zc_fieldterm_exact(ZC_FIELD_CATEGORY, typed, strlen(typed), &b);
	cr_expect_str_eq(a.data, b.data);
	cr_expect_eq(strncmp(b.data, ZC_PREFIX_CATEGORY,
	    strlen(ZC_PREFIX_CATEGORY)), 0);
	zc_buf_free(&a);
	zc_buf_free(&b);
}

/* The whole title: a document's title gives its own term and, after
 * 中华人民共和国, the name it is cited by; a query gives one term, which
 * is the document's when typed whole, in any width or script. */
static const struct {
	const char *title, *query;
	bool same;
} titles[] = {
	{ "中华人民共和国刑法", "刑法", true },
	{ "中华人民共和国刑法", "中华人民共和国刑法", true },
	{ "中华人民共和国刑法", "刑", false },
	{ "全民健身条例", "全民健身條例", true },
	{ "杭州市全民健身条例", "全民健身条例", false },
	{ "关于 印发  ＡＩ 方案", "关于印发 ai 方案", true },
};

Test(fieldterm, a_title_typed_whole_finds_its_term)
{
	zc_error err = { 0 };

	for (size_t i = 0; i < sizeof titles / sizeof titles[0]; i++) {
		zc_buf d[2] = { { 0 }, { 0 } }, q[2] = { { 0 }, { 0 } };
		size_t nd, nq;
		bool same = false;

		cr_assert_eq(zc_fieldterm_title(titles[i].title,
		    strlen(titles[i].title), true, d, &nd, &err), ZC_OK);
		cr_assert_eq(zc_fieldterm_title(titles[i].query,
		    strlen(titles[i].query), false, q, &nq, &err), ZC_OK);
		cr_assert_eq(nq, 1);
		cr_expect_eq(strncmp(q[0].data, ZC_PREFIX_TITLE_WHOLE, 1), 0);
		for (size_t k = 0; k < nd; k++)
			same = same || strcmp(d[k].data, q[0].data) == 0;
		cr_expect_eq(same, titles[i].same, "%s / %s", titles[i].title,
		    titles[i].query);
		for (int k = 0; k < 2; k++) {
			zc_buf_free(&d[k]);
			zc_buf_free(&q[k]);
		}
	}
}

/* validity:现行有效 must find a page that says 有效, and the other way
 * round: both sides read validities through zc_fieldterm_validity. */
Test(fieldterm, validities_fold_to_their_normal_form)
{
	static const char *const pairs[][2] = {
		{ "有效", "有效" }, { "现行有效", "有效" }, { "已失效", "失效" },
		{ "失效", "失效" }, { "已废止", "废止" }, { "废止", "废止" },
		{ "已被修改", "已修订" }, { "已修订", "已修订" },
		{ "尚未生效", "尚未生效" }, { "未生效", "尚未生效" },
		{ "现行 有效", "有效" }, { "ｏｋ", NULL }, { "部分失效", NULL },
	};
	zc_buf a = {0}, b = {0};

	for (size_t i = 0; i < sizeof pairs / sizeof pairs[0]; i++) {
		const char *got = zc_fieldterm_validity(pairs[i][0],
		    strlen(pairs[i][0]));

		if (pairs[i][1] == NULL) {
			cr_expect_null(got, "%s", pairs[i][0]);
			continue;
		}
		cr_expect(got != NULL && strcmp(got, pairs[i][1]) == 0,
		    "%s: %s", pairs[i][0], got ? got : "null");
		zc_buf_reset(&a);
		zc_buf_reset(&b);
		zc_fieldterm_exact(ZC_FIELD_VALIDITY, pairs[i][0],
		    strlen(pairs[i][0]), &a);
		zc_fieldterm_exact(ZC_FIELD_VALIDITY, pairs[i][1],
		    strlen(pairs[i][1]), &b);
		cr_expect_str_eq(a.data, b.data, "%s", pairs[i][0]);
	}
	zc_buf_free(&a);
	zc_buf_free(&b);
}

/* A category is found by its whole value and by each of its levels. */
Test(fieldterm, a_category_has_a_term_per_level)
{
	static const struct {
		const char *value;
		const char *terms; /* NUL-separated, as written */
		size_t len;
	} cases[] = {
		{ "工业、交通\\中小企业",
		  "C工业、交通\\中小企业\0C工业、交通\0C中小企业\0",
		  sizeof "C工业、交通\\中小企业\0C工业、交通\0C中小企业\0" - 1 },
		{ "科技", "C科技\0", sizeof "C科技\0" - 1 },
		{ "城乡建设／节能 与 资源 / ",
		  "C城乡建设/节能与资源/\0C城乡建设\0C节能与资源\0",
		  sizeof "C城乡建设/节能与资源/\0C城乡建设\0C节能与资源\0" - 1 },
	};
	zc_buf t = {0};

	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		zc_buf_reset(&t);
		zc_fieldterm_document(ZC_FIELD_CATEGORY, cases[i].value,
		    strlen(cases[i].value), &t);
		cr_expect(t.len == cases[i].len &&
		    memcmp(t.data, cases[i].terms, t.len) == 0,
		    "%s: %.*s", cases[i].value, (int)t.len, t.data);
	}
	zc_buf_reset(&t);
	zc_fieldterm_document(ZC_FIELD_DOC_NO, "国发[2024]1号",
	    strlen("国发[2024]1号"), &t);
	cr_expect(t.len == strlen("N国发〔2024〕1号") + 1 &&
	    strcmp(t.data, "N国发〔2024〕1号") == 0, "one term elsewhere");
	zc_buf_free(&t);
}

/* A Traditional page's values find their Simplified queries. */
Test(fieldterm, traditional_values_fold_to_simplified)
{
	zc_buf a = {0}, b = {0};

	zc_fieldterm_exact(ZC_FIELD_DOC_NO, "國發〔2024〕5號",
	    strlen("國發〔2024〕5號"), &a);
	zc_fieldterm_exact(ZC_FIELD_DOC_NO, "国发[2024]5号",
	    strlen("国发[2024]5号"), &b);
	cr_expect_str_eq(a.data, b.data);
	cr_expect_str_eq(zc_fieldterm_validity("現行有效",
	    strlen("現行有效")), "有效");
	zc_buf_free(&a);
	zc_buf_free(&b);
}
