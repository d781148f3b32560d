/*
 * test_highlight.c — the spans a query's texts highlight in a passage,
 * on original text, after normalisation on both sides.
 */
#include <criterion/criterion.h>

#include <stdio.h>
#include <string.h>

#include "zc_highlight.h"
#include "zc_terms.h"

#include "analyzer_fixture.h"

static zc_analyzer *seg; /* the highlighter's; NULL: the Han-run fallback */

TestSuite(highlight, .init = open_analyzer, .fini = close_analyzer);

/* A highlighter of n texts, each of kind[i], analysed into q[]. */
static zc_highlighter *
make(const char *const *text, const zc_hl_kind *kind, size_t n,
    zc_qtext **q)
{
	zc_hl_text texts[3];
	zc_highlighter *h = NULL;
	zc_error err = {0};

	for (size_t i = 0; i < n; i++) {
		cr_assert_eq(zc_terms_analyse(an, text[i], strlen(text[i]),
		    &q[i], &err), ZC_OK, "%s", err.msg);
		texts[i] = (zc_hl_text){ q[i], kind[i] };
	}
	cr_assert_eq(zc_highlighter_new(seg, texts, n, &h, &err), ZC_OK, "%s",
	    err.msg);
	return h;
}

static void
unmake(zc_highlighter *h, zc_qtext **q, size_t n)
{
	zc_highlighter_free(h);
	for (size_t i = 0; i < n; i++)
		zc_qtext_free(q[i]);
}

/* The passage with every span in [[ ]], built from the byte offsets, and
 * the code point offsets checked against them. */
static void
render(const char *passage, const zc_spans *s, char *out, size_t size)
{
	size_t at = 0, o = 0;

	for (size_t i = 0; i < s->n; i++) {
		const zc_span *sp = &s->span[i];

		cr_assert_lt(sp->start_byte, sp->end_byte);
		cr_assert_eq(zc_utf8_count(passage, sp->start_byte),
		    sp->start_cp);
		cr_assert_eq(zc_utf8_count(passage, sp->end_byte), sp->end_cp);
		if (i > 0)
			cr_assert_gt(sp->start_cp, s->span[i - 1].end_cp,
			    "spans must be disjoint and not touch");
		o += (size_t)snprintf(out + o, size - o, "%.*s[[%.*s]]",
		    (int)(sp->start_byte - at), passage + at,
		    (int)(sp->end_byte - sp->start_byte),
		    passage + sp->start_byte);
		at = sp->end_byte;
	}
	snprintf(out + o, size - o, "%s", passage + at);
}

struct hl_case {
	const char *passage;
	const char *text[3];
	zc_hl_kind kind[3];
	const char *want;
};

static const struct hl_case hl_cases[] = {
	{ "全省共建有省级以上科技企业孵化器250家",
	  { "孵化器" }, { ZC_HL_WORDS },
	  "全省共建有省级以上科技企业[[孵化器]]250家" },
	{ "孵化器和众创空间，孵化器",
	  { "孵化器" }, { ZC_HL_EXACT },
	  "[[孵化器]]和众创空间，[[孵化器]]" },
	{ "科技創新治理體系",
	  { "科技创新" }, { ZC_HL_EXACT },
	  "[[科技創新]]治理體系" },
	{ "推进科技创新治 理体系建设",
	  { "创新治理" }, { ZC_HL_EXACT },
	  "推进科技[[创新治 理]]体系建设" },
	{ "孵化机构，科技企业孵化器",
	  { "科技企业孵化器" }, { ZC_HL_EXACT },
	  "孵化机构，[[科技企业孵化器]]" },
	/* without an analyzer, bare text is its text as typed */
	{ "孵化机构，科技企业孵化器",
	  { "科技企业孵化器" }, { ZC_HL_WORDS },
	  "孵化机构，[[科技企业孵化器]]" },
	{ "一个税种",
	  { "税" }, { ZC_HL_WORDS },
	  "一个[[税]]种" },
	{ "孵化器补贴",
	  { "孵化器", "补贴" }, { ZC_HL_WORDS, ZC_HL_WORDS },
	  "[[孵化器补贴]]" },
	/* as the search finds it: inside a word too, as grep does */
	{ "AI and said ai",
	  { "AI" }, { ZC_HL_WORDS },
	  "[[AI]] and s[[ai]]d [[ai]]" },
	{ "Ｔｅｃｈｎｏｌｏｇｙ and technical",
	  { "tech" }, { ZC_HL_PREFIX },
	  "[[Ｔｅｃｈｎｏｌｏｇｙ]] and [[technical]]" },
	{ "science  and\ntechnology",
	  { "science and technology" }, { ZC_HL_EXACT },
	  "[[science  and\ntechnology]]" },
	{ "第20240733号建议，2024年",
	  { "2024" }, { ZC_HL_WORDS },
	  "第[[2024]]0733号建议，[[2024]]年" },
	{ "没有匹配的文字",
	  { "孵化器" }, { ZC_HL_WORDS },
	  "没有匹配的文字" },
	/* punctuation is text */
	{ "标点，。也算",
	  { "，。" }, { ZC_HL_EXACT },
	  "标点[[，。]]也算" },
	{ "增长9.58%、14.60%",
	  { "8%、1" }, { ZC_HL_EXACT },
	  "增长9.5[[8%、1]]4.60%" },
	{ "省科技厅",
	  { "科技厅", "省科" }, { ZC_HL_EXACT, ZC_HL_EXACT },
	  "[[省科技厅]]" },
	/* words and spaces are the index's (zc_chars.h, test_terms.c): a
	 * combining mark continues its word, U+1680 is a space */
	{ "a q\u0303uick test",
	  { "q\u0303uick" }, { ZC_HL_WORDS },
	  "a [[q\u0303uick]] test" },
	{ "a q\u0303uick test",
	  { "quick" }, { ZC_HL_WORDS },
	  "a q\u0303uick test" },
	{ "x\u1680y and x\fy",
	  { "x y" }, { ZC_HL_EXACT },
	  "[[x\u1680y]] and [[x\fy]]" },
};

static void
check_case(const struct hl_case *c)
{
	zc_qtext *q[3];
	zc_highlighter *h;
	zc_spans spans = ZC_SPANS_INIT;
	zc_error err = {0};
	char got[512];
	size_t n = 0;

	while (n < 3 && c->text[n] != NULL)
		n++;
	h = make(c->text, c->kind, n, q);
	cr_assert_eq(zc_highlight(h, c->passage, strlen(c->passage), &spans,
	    &err), ZC_OK, "%s", err.msg);
	render(c->passage, &spans, got, sizeof got);
	cr_expect_str_eq(got, c->want, "texts %s...: got %s, want %s",
	    c->text[0], got, c->want);
	zc_spans_free(&spans);
	unmake(h, q, n);
}

Test(highlight, every_match_of_the_table_is_highlighted_on_original_text)
{
	for (size_t i = 0; i < sizeof hl_cases / sizeof hl_cases[0]; i++)
		check_case(&hl_cases[i]);
}

/* With the search's segmenter, bare text highlights the words the search
 * looked for, not every piece of them. */
static const struct hl_case seg_cases[] = {
	{ "孵化机构，科技企业孵化器",
	  { "科技企业孵化器" }, { ZC_HL_WORDS },
	  "孵化机构，[[科技企业孵化器]]" },
	{ "孵化机构和孵化器",
	  { "孵化器" }, { ZC_HL_WORDS },
	  "孵化机构和[[孵化器]]" },
	{ "全省孵化器享受免税金额7194.48万元",
	  { "孵化器 免税" }, { ZC_HL_WORDS },
	  "全省[[孵化器]]享受[[免税]]金额7194.48万元" },
	{ "AI and said ai",
	  { "AI" }, { ZC_HL_WORDS },
	  "[[AI]] and s[[ai]]d [[ai]]" },
	/* the fallback's words, each where it is; not single characters */
	{ "专精特新企业，特别兴旺",
	  { "专精特兴" }, { ZC_HL_WORDS },
	  "[[专精]]特新企业，特别兴旺" },
	{ "科技創新治 理體系",
	  { "科技创新" }, { ZC_HL_EXACT },
	  "[[科技創新]]治 理體系" },
};

Test(highlight, bare_text_is_segmented_as_the_search_segments_it)
{
	seg = an;
	for (size_t i = 0; i < sizeof seg_cases / sizeof seg_cases[0]; i++)
		check_case(&seg_cases[i]);
	seg = NULL;
}

Test(highlight, one_highlighter_serves_many_passages)
{
	static const char *const text[] = { "孵化" };
	static const zc_hl_kind kind[] = { ZC_HL_EXACT };
	zc_qtext *q[1];
	zc_highlighter *h = make(text, kind, 1, q);
	zc_spans spans = ZC_SPANS_INIT;
	zc_error err = {0};

	for (int i = 0; i < 3; i++) {
		cr_assert_eq(zc_highlight(h, "孵化孵化 孵", 16, &spans, &err),
		    ZC_OK);
		cr_assert_eq(spans.n, 1);
		cr_assert_eq(spans.span[0].start_cp, 0);
		cr_assert_eq(spans.span[0].end_cp, 4);
		cr_assert_eq(zc_highlight(h, "", 0, &spans, &err), ZC_OK);
		cr_assert_eq(spans.n, 0);
	}
	zc_spans_free(&spans);
	unmake(h, q, 1);
}

Test(highlight, no_texts_highlight_nothing)
{
	zc_highlighter *h = NULL;
	zc_spans spans = ZC_SPANS_INIT;
	zc_error err = {0};

	cr_assert_eq(zc_highlighter_new(NULL, NULL, 0, &h, &err), ZC_OK);
	cr_assert_eq(zc_highlight(h, "孵化器", 9, &spans, &err), ZC_OK);
	cr_assert_eq(spans.n, 0);
	zc_spans_free(&spans);
	zc_highlighter_free(h);
}

Test(highlight, invalid_utf8_is_no_crash)
{
	static const char *const text[] = { "\xff孵化" };
	static const zc_hl_kind kind[] = { ZC_HL_WORDS };
	zc_qtext *q[1];
	zc_highlighter *h = make(text, kind, 1, q);
	zc_spans spans = ZC_SPANS_INIT;
	zc_error err = {0};

	cr_assert_eq(zc_highlight(h, "\xc3孵化\xe5", 8, &spans, &err), ZC_OK);
	cr_assert_eq(spans.n, 1);
	/* U+FFFD stands for the bad byte on both sides, and matches */
	cr_assert_eq(spans.span[0].start_byte, 0);
	cr_assert_eq(spans.span[0].end_byte, 7);
	zc_spans_free(&spans);
	unmake(h, q, 1);
}
