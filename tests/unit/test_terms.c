/*
 * test_terms.c — the term scheme against a temporary Xapian database:
 * every exact query finds exactly the passages whose normalised text
 * contains it (what grep finds), punctuation, digits and Latin included
 * and from any character to any other; bare text matches as typed, its
 * fallback by its words apart, never by single characters.
 */
#include <criterion/criterion.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "zc_norm.h"
#include "zc_terms.h"

static char dir[64];
static zc_analyzer *an;

static const char *passages[] = {
	/* 0 */ "全市科技企业孵化器达到12家，众创空间达到20家。",
	/* 1 */ "加快建设科技创新治 理体系，提升孵化能力。",
	/* 2 */ "推進科技創新，臺灣同胞。",
	/* 3 */ "科技，创新是第一动力。",
	/* 4 */ "支持5G基站和COVID-19疫苗研发，研发投入70.3%。",
	/* 5 */ "２０２４年高新技术企业250家，Ｈｅｌｌｏ　World。",
	/* 6 */ "本条例自2024年1月1日起施行。第三十八条 罚款",
	/* 7 */ "器",
	/* 8 */ "孵化",
	/* 9 */ "专精特新中小企业认定办法",
	/* 10 */ "a q\u0303uick test, x\u1680y and x\fy.",
};
#define NPASS (sizeof passages / sizeof passages[0])

static void
setup(void)
{
	zc_error err = {0};
	zc_wdb *w;

	strcpy(dir, "/tmp/zc-test-terms-XXXXXX");
	cr_assert_not_null(mkdtemp(dir));
	cr_assert_eq(zc_analyzer_new(NULL, &an, &err), ZC_OK, "%s", err.msg);
	cr_assert_eq(zc_wdb_open(dir, ZC_WDB_CREATE, &w, &err), ZC_OK, "%s",
	    err.msg);
	for (size_t i = 0; i < NPASS; i++) {
		zc_xdoc *d = zc_xdoc_new();
		unsigned pos = 1;
		char id[16];

		snprintf(id, sizeof id, "Q%zu", i);
		cr_assert_eq(zc_terms_index(an, d, ZC_FIELD_BODY, passages[i],
		    strlen(passages[i]), ZC_JOIN_PARAGRAPH, &pos, NULL, &err),
		    ZC_OK, "%s", err.msg);
		cr_assert_eq(zc_xdoc_add_boolean_term(d, id, strlen(id), &err),
		    ZC_OK);
		cr_assert_eq(zc_xdoc_set_data(d, id + 1, strlen(id + 1), &err),
		    ZC_OK);
		cr_assert_eq(zc_wdb_replace(w, id, d, NULL, &err), ZC_OK, "%s",
		    err.msg);
		zc_xdoc_free(d);
	}
	cr_assert_eq(zc_wdb_close(w, &err), ZC_OK, "%s", err.msg);
}

static void
teardown(void)
{
	char cmd[128];

	zc_analyzer_free(an);
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	cr_assert_eq(system(cmd), 0);
}

TestSuite(terms, .init = setup, .fini = teardown);

/* The passages that q matches, as a bit set. */
static unsigned
search(const char *text, zc_match how)
{
	zc_error err = {0};
	zc_search_opts opts = ZC_SEARCH_OPTS_INIT;
	zc_qtext *t;
	zc_query *q;
	zc_mset *ms;
	zc_db *db;
	unsigned found = 0;

	cr_assert_eq(zc_terms_analyse(an, text, strlen(text), &t, &err), ZC_OK,
	    "%s", err.msg);
	cr_assert_eq(zc_terms_query(an, ZC_FIELD_BODY, t, how, &q, &err),
	    ZC_OK, "%s", err.msg);
	zc_qtext_free(t);
	cr_assert_eq(zc_db_open(dir, &db, &err), ZC_OK, "%s", err.msg);
	opts.limit = 100;
	cr_assert_eq(zc_db_search(db, q, &opts, &ms, &err), ZC_OK, "%s: %s",
	    text, err.msg);
	for (size_t i = 0; i < zc_mset_size(ms); i++) {
		char *data;
		size_t len;

		cr_assert_eq(zc_mset_data(ms, i, &data, &len, &err), ZC_OK);
		found |= 1u << atoi(data);
		free(data);
	}
	zc_mset_free(ms);
	zc_db_close(db);
	zc_query_free(q);
	return found;
}

/* What grep finds: passages whose normalised text contains the
 * normalised query. */
static unsigned
grep(const char *text)
{
	char *nq, *np;
	unsigned found = 0;

	cr_assert_eq(zc_norm_string(text, strlen(text), &nq, NULL, NULL),
	    ZC_OK);
	for (size_t i = 0; i < NPASS; i++) {
		cr_assert_eq(zc_norm_string(passages[i], strlen(passages[i]),
		    &np, NULL, NULL), ZC_OK);
		if (strstr(np, nq) != NULL)
			found |= 1u << i;
		free(np);
	}
	free(nq);
	return found;
}

Test(terms, exact_queries_find_what_grep_finds)
{
	static const char *queries[] = {
		"科技企业孵化器", "孵化器", "孵化", "化器", "科技创新",
		"科技創新", "科技创新治理", "治理体系", "台湾", "臺灣同胞",
		"科技", "创新", "技创", "12家", "20家", "家", "众创空间达到",
		"5g", "5G基站", "covid", "19疫苗", "70.3%", "2024年",
		"hello world", "高新技术企业250家", "1月1日", "第三十八条",
		"罚款", "器", "孵", "化", "专精特新", "中小企业认定",
		"第一动力", "施行。第三", "体系，提升", "全市科技",
	};

	for (size_t i = 0; i < sizeof queries / sizeof queries[0]; i++)
		cr_expect_eq(search(queries[i], ZC_MATCH_EXACT), grep(queries[i]),
		    "%s: found %#x, grep %#x", queries[i],
		    search(queries[i], ZC_MATCH_EXACT), grep(queries[i]));
}

Test(terms, punctuation_is_text)
{
	cr_expect_eq(search("科技创新是", ZC_MATCH_EXACT), 0u);
	cr_expect_eq(search("科技，创新", ZC_MATCH_EXACT), 1u << 3);
	cr_expect_eq(search("科技创新", ZC_MATCH_EXACT), (1u << 1) | (1u << 2));
	cr_expect_eq(search("达到12家众创空间", ZC_MATCH_EXACT), 0u);
	cr_expect_eq(search("12家，众创空间", ZC_MATCH_EXACT), 1u << 0);
	cr_expect_eq(search("70.3%", ZC_MATCH_EXACT), 1u << 4);
	cr_expect_eq(search("70.3%。", ZC_MATCH_EXACT), 1u << 4);
	cr_expect_eq(search("3%", ZC_MATCH_EXACT), 1u << 4);
	cr_expect_eq(search("0%", ZC_MATCH_EXACT), 0u);
}

Test(terms, a_match_starts_and_ends_inside_numbers_and_words)
{
	cr_expect_eq(search("024年", ZC_MATCH_EXACT), (1u << 5) | (1u << 6));
	cr_expect_eq(search("0.3", ZC_MATCH_EXACT), 1u << 4);
	cr_expect_eq(search("ovid-1", ZC_MATCH_EXACT), 1u << 4);
	cr_expect_eq(search("ell", ZC_MATCH_TYPED), 1u << 5);
}

Test(terms, one_character_queries_match_anywhere_in_a_run)
{
	cr_expect_eq(search("器", ZC_MATCH_EXACT), (1u << 0) | (1u << 7));
	cr_expect_eq(search("器", ZC_MATCH_TYPED), (1u << 0) | (1u << 7));
	cr_expect_eq(search("孵", ZC_MATCH_TYPED),
	    (1u << 0) | (1u << 1) | (1u << 8));
}

Test(terms, a_word_finds_the_longer_words_that_contain_it)
{
	cr_expect_eq(search("孵化", ZC_MATCH_TYPED),
	    (1u << 0) | (1u << 1) | (1u << 8));
	cr_expect_eq(search("孵化器", ZC_MATCH_TYPED), 1u << 0);
}

/* Bare text is where it occurs as typed, as grep finds it; its words
 * apart are only the fallback, and never its single characters. */
Test(terms, bare_text_matches_as_typed_and_falls_back_to_its_words)
{
	cr_expect_eq(search("孵化器众创空间", ZC_MATCH_TYPED), 0u);
	cr_expect_eq(search("孵化器众创空间", ZC_MATCH_WORDS), 1u << 0);
	cr_expect_eq(search("创新科技", ZC_MATCH_TYPED), 0u);
	cr_expect_eq(search("创新科技", ZC_MATCH_WORDS),
	    (1u << 1) | (1u << 2) | (1u << 3));
	/* 专精特兴: 专精 / 特 / 兴; the fallback asks for 专精 only */
	cr_expect_eq(search("专精特兴", ZC_MATCH_TYPED), 0u);
	cr_expect_eq(search("专精特兴", ZC_MATCH_WORDS), 1u << 9);
	cr_expect_eq(search("器孵", ZC_MATCH_WORDS), 0u);
}

Test(terms, the_fallback_is_offered_only_when_it_differs)
{
	static const struct { const char *text; bool differs; } cases[] = {
		{ "孵化器众创空间", true }, { "专精特兴", true },
		{ "孵化器", false }, { "器", false }, { "，。", false },
	};

	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		zc_error err = {0};
		zc_qtext *t;
		bool differs;

		cr_assert_eq(zc_terms_analyse(an, cases[i].text,
		    strlen(cases[i].text), &t, &err), ZC_OK);
		cr_assert_eq(zc_terms_has_words(an, t, &differs, &err), ZC_OK);
		cr_expect_eq(differs, cases[i].differs, "%s", cases[i].text);
		zc_qtext_free(t);
	}
}

Test(terms, latin_words_are_case_and_width_folded)
{
	cr_expect_eq(search("HELLO", ZC_MATCH_TYPED), 1u << 5);
	cr_expect_eq(search("ｃｏｖｉｄ", ZC_MATCH_TYPED), 1u << 4);
	cr_expect_eq(search("World", ZC_MATCH_EXACT), 1u << 5);
	cr_expect_eq(search("2024", ZC_MATCH_TYPED), (1u << 5) | (1u << 6));
}

/* The classes of zc_chars.h, which the highlighter shares
 * (test_highlight.c): a combining mark continues its word, U+1680 and
 * a form feed are spaces. */
Test(terms, words_and_spaces_are_the_shared_character_classes)
{
	cr_expect_eq(search("q\u0303uick", ZC_MATCH_TYPED), 1u << 10);
	cr_expect_eq(search("quick", ZC_MATCH_TYPED), 0u);
	cr_expect_eq(search("x y", ZC_MATCH_EXACT), 1u << 10);
	cr_expect_eq(search("xy", ZC_MATCH_EXACT), 0u);
}

Test(terms, text_split_by_a_wrap_is_found)
{
	cr_expect_eq(search("科技创新治理", ZC_MATCH_EXACT), 1u << 1);
	cr_expect_eq(search("科技 创新治理", ZC_MATCH_EXACT), 1u << 1);
}

Test(terms, whitespace_alone_matches_nothing_and_punctuation_is_found)
{
	cr_expect_eq(search("   ", ZC_MATCH_TYPED), 0u);
	cr_expect_eq(search("\u200b", ZC_MATCH_EXACT), 0u);
	cr_expect_eq(search("，。！", ZC_MATCH_EXACT), 0u, "not in any passage");
	cr_expect_eq(search("，", ZC_MATCH_EXACT), grep("，"));
	cr_expect_neq(grep("，"), 0u);
}

/* Positions: a field starts at 1 and each text goes on from the end of
 * the one before, as its join says. */
Test(terms, each_text_follows_the_one_before_as_its_join_says)
{
	static const struct {
		const char *text;
		zc_join join;
		unsigned start, end;
	} steps[] = {
		{ "科技创新", ZC_JOIN_PARAGRAPH, 1, 5 },  /* the first: at 1 */
		{ "治理", ZC_JOIN_DIRECT, 5, 7 },
		{ "体系", ZC_JOIN_SPACE, 7, 9 },          /* Han-Han: no space */
		{ "AI", ZC_JOIN_SPACE, 10, 12 },          /* a space counts */
		{ "\u200b", ZC_JOIN_PARAGRAPH, 12, 12 },  /* nothing: owed */
		{ "下一段", ZC_JOIN_DIRECT, 12 + 2048, 12 + 2048 + 3 },
	};
	zc_error err = {0};
	zc_xdoc *d = zc_xdoc_new();
	unsigned pos = 0, start = 0;

	for (size_t i = 0; i < sizeof steps / sizeof steps[0]; i++) {
		cr_assert_eq(zc_terms_index(an, d, ZC_FIELD_TITLE,
		    steps[i].text, strlen(steps[i].text), steps[i].join, &pos,
		    &start, &err), ZC_OK);
		cr_expect_eq(start, steps[i].start, "%s: start %u",
		    steps[i].text, start);
		cr_expect_eq(pos, steps[i].end, "%s: end %u", steps[i].text,
		    pos);
	}
	zc_xdoc_free(d);
}

/* Whether one document made of texts, each following the one before as
 * its join says, matches the exact query q. */
static bool
joined_doc_matches(const char *const *texts, const zc_join *joins,
    size_t n, const char *q)
{
	char jdir[64];
	zc_error err = {0};
	zc_search_opts opts = ZC_SEARCH_OPTS_INIT;
	zc_xdoc *d = zc_xdoc_new();
	zc_qtext *t;
	zc_query *query;
	zc_mset *ms;
	zc_wdb *w;
	zc_db *db;
	unsigned pos = 0;
	char cmd[128];
	bool found;

	strcpy(jdir, "/tmp/zc-test-joins-XXXXXX");
	cr_assert_not_null(mkdtemp(jdir));
	cr_assert_eq(zc_wdb_open(jdir, ZC_WDB_CREATE, &w, &err), ZC_OK);
	for (size_t i = 0; i < n; i++)
		cr_assert_eq(zc_terms_index(an, d, ZC_FIELD_BODY, texts[i],
		    strlen(texts[i]), joins[i], &pos, NULL, &err), ZC_OK);
	cr_assert_eq(zc_xdoc_add_boolean_term(d, "Qj", 2, &err), ZC_OK);
	cr_assert_eq(zc_wdb_replace(w, "Qj", d, NULL, &err), ZC_OK);
	zc_xdoc_free(d);
	cr_assert_eq(zc_wdb_close(w, &err), ZC_OK);
	cr_assert_eq(zc_terms_analyse(an, q, strlen(q), &t, &err), ZC_OK);
	cr_assert_eq(zc_terms_query(an, ZC_FIELD_BODY, t, ZC_MATCH_EXACT,
	    &query, &err), ZC_OK);
	zc_qtext_free(t);
	cr_assert_eq(zc_db_open(jdir, &db, &err), ZC_OK);
	cr_assert_eq(zc_db_search(db, query, &opts, &ms, &err), ZC_OK, "%s",
	    err.msg);
	found = zc_mset_size(ms) > 0;
	zc_mset_free(ms);
	zc_db_close(db);
	zc_query_free(query);
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", jdir);
	cr_assert_eq(system(cmd), 0);
	return found;
}

/* A phrase is filtered by its pair terms (two units at consecutive
 * positions): they span the texts of one paragraph, directly or over
 * the space between them, and never two paragraphs. */
Test(terms, pairs_span_the_joins_of_a_paragraph_and_never_two)
{
	static const char *const texts[] = { "科技创", "新治理", "AI", "test",
	    "下一段" };
	static const zc_join joins[] = { ZC_JOIN_PARAGRAPH, ZC_JOIN_DIRECT,
	    ZC_JOIN_SPACE, ZC_JOIN_SPACE, ZC_JOIN_PARAGRAPH };
	static const struct {
		const char *q;
		bool found;
	} cases[] = {
		{ "创新", true },       /* a pair across a direct join */
		{ "技创新治", true },
		{ "理 ai", true },      /* Han then Latin: a space */
		{ "理ai", false },
		{ "ai test", true },    /* the space between counts */
		{ "aitest", false },
		{ "t下", false },       /* two paragraphs */
		{ "下一段", true },
	};

	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
		cr_expect_eq(joined_doc_matches(texts, joins, 5, cases[i].q),
		    cases[i].found, "%s", cases[i].q);
}
