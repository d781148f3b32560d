/*
 * test_prepared.c — a query text prepared once: the message of a
 * malformed query, the Xapian query of the builder, and the texts the
 * picker anchors and the highlighter marks (body texts, not negated).
 */
#include <criterion/criterion.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "zc_prepared.h"
#include "zc_qbuild.h"
#include "zc_qparse.h"

#include "analyzer_fixture.h"

TestSuite(prepared, .init = open_analyzer, .fini = close_analyzer);

/* passage with the spans of p's highlighter in [[ ]]. */
static char *
highlighted(zc_prepared *p, const char *passage)
{
	const zc_picker *pk;
	zc_spans s = ZC_SPANS_INIT;
	zc_error err = {0};
	zc_buf b = {0};
	size_t at = 0;

	cr_assert_eq(zc_prepared_picker(p, &pk, &err), ZC_OK, "%s", err.msg);
	cr_assert_eq(zc_highlight(pk->hl, passage, strlen(passage), &s, &err),
	    ZC_OK);
	for (size_t i = 0; i < s.n; i++) {
		zc_buf_append(&b, passage + at, s.span[i].start_byte - at);
		zc_buf_puts(&b, "[[");
		zc_buf_append(&b, passage + s.span[i].start_byte,
		    s.span[i].end_byte - s.span[i].start_byte);
		zc_buf_puts(&b, "]]");
		at = s.span[i].end_byte;
	}
	zc_buf_puts(&b, passage + at);
	zc_spans_free(&s);
	return zc_buf_steal(&b);
}

Test(prepared, a_malformed_query_gives_the_users_message_and_no_query)
{
	zc_prepared *p = (zc_prepared *)&p;
	zc_buf msg = {0};

	cr_assert_eq(zc_prepared_new(an, "(科技", 7, 0, &p, &msg), ZC_EINVAL);
	cr_expect_null(p);
	cr_expect_str_eq(msg.data, "query: unclosed parenthesis\n  (科技\n  ^");
	zc_buf_free(&msg);
}

Test(prepared, the_query_is_the_builders_of_the_same_tree)
{
	static const char *const queries[] = {
		"孵化器", "孵化器 补贴", "\"科技创新\" NEAR/3 tech*",
		"title:条例 -废止", "(合同 OR 协议) date:2020..",
	};

	for (size_t i = 0; i < sizeof queries / sizeof queries[0]; i++) {
		const char *q = queries[i];
		zc_prepared *p = prepare(q);
		zc_qtree *t = NULL;
		zc_qtexts *texts = NULL;
		zc_query *want = NULL;
		zc_qerror qe;
		zc_error err = {0};
		char *got_s, *want_s;

		cr_assert_eq(zc_qparse(q, strlen(q), &t, &qe), ZC_OK);
		cr_assert_eq(zc_qbuild_analyse(an, t->root, &texts, &err),
		    ZC_OK);
		cr_assert_eq(zc_qbuild(an, t->root, texts, NULL, &want, &err),
		    ZC_OK);
		got_s = zc_query_describe(zc_prepared_query(p));
		want_s = zc_query_describe(want);
		cr_expect_str_eq(got_s, want_s, "%s", q);
		free(got_s);
		free(want_s);
		zc_query_free(want);
		zc_qtexts_free(texts);
		zc_qtree_free(t);
		zc_prepared_free(p);
	}
}

Test(prepared, only_body_texts_that_are_not_negated_are_highlighted)
{
	zc_prepared *p = prepare("孵化器 -补贴 title:科技 issuer:政府 "
	    "\"创新\" tech*");
	const zc_picker *pk;
	zc_error err = {0};
	char *got;

	got = highlighted(p, "孵化器补贴科技政府创新，technology");
	cr_expect_str_eq(got,
	    "[[孵化器]]补贴科技政府[[创新]]，[[technology]]");
	free(got);
	cr_assert_eq(zc_prepared_picker(p, &pk, &err), ZC_OK);
	cr_assert_eq(pk->n, 2);
	cr_expect_str_eq(pk->anchor[0], "孵");
	cr_expect_str_eq(pk->anchor[1], "创");
	cr_expect(pk->unanchored, "a prefix has no anchor term");
	zc_prepared_free(p);
}

Test(prepared, without_a_prefix_every_text_is_anchored)
{
	zc_prepared *p = prepare("孵化器 AND 2024");
	const zc_picker *pk, *again;
	zc_error err = {0};

	cr_assert_eq(zc_prepared_picker(p, &pk, &err), ZC_OK);
	cr_assert_eq(pk->n, 2);
	cr_expect_str_eq(pk->anchor[1], "2", "a text's first character");
	cr_expect_not(pk->unanchored);
	cr_assert_eq(zc_prepared_picker(p, &again, &err), ZC_OK);
	cr_expect_eq(again, pk, "the picker is made once");
	zc_prepared_free(p);
}

/* A query of n distinct one-letter-and-digit words: a0 a1 ... */
static zc_prepared *
words(int n)
{
	zc_buf q = {0};
	zc_prepared *p;

	for (int i = 0; i < n; i++)
		zc_buf_printf(&q, "%sa%d", i ? " " : "", i);
	p = prepare(q.data);
	zc_buf_free(&q);
	return p;
}

Test(prepared, anchors_stop_at_the_limit_and_highlights_do_not)
{
	const zc_picker *pk;
	zc_error err = {0};
	zc_prepared *p = words(ZC_PICKER_MAX_ANCHORS);
	char *got;

	cr_assert_eq(zc_prepared_picker(p, &pk, &err), ZC_OK);
	cr_expect_eq(pk->n, ZC_PICKER_MAX_ANCHORS);
	zc_prepared_free(p);
	p = words(ZC_PICKER_MAX_ANCHORS + 1);
	cr_assert_eq(zc_prepared_picker(p, &pk, &err), ZC_OK);
	cr_expect_eq(pk->n, ZC_PICKER_MAX_ANCHORS);
	got = highlighted(p, "a0 a32");
	cr_expect_str_eq(got, "[[a0]] [[a32]]");
	free(got);
	zc_prepared_free(p);
}

/* A passage is highlighted only where a text of the query can begin:
 * its anchor followed by its next units, when every text is exact;
 * words apart, prefixes and texts beyond the anchor limit match
 * elsewhere, and then every anchored passage is highlighted. */
Test(prepared, exact_texts_carry_the_units_that_follow_their_anchor)
{
	static const struct {
		const char *q;
		int flags;
		bool in_a_row;
	} cases[] = {
		{ "孵化器 AND 2024", 0, true },
		{ "\"科技创新治理\"", 0, true },
		{ "孵化器 tech*", 0, false },
		{ "科技创新治理", ZC_PREPARE_WORDS, false },
	};
	zc_error err = {0};
	const zc_picker *pk;
	zc_prepared *p;

	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		zc_buf msg = {0};

		cr_assert_eq(zc_prepared_new(an, cases[i].q, strlen(cases[i].q),
		    cases[i].flags, &p, &msg), ZC_OK);
		cr_assert_eq(zc_prepared_picker(p, &pk, &err), ZC_OK);
		cr_expect_eq(pk->in_a_row, cases[i].in_a_row, "%s", cases[i].q);
		zc_prepared_free(p);
		zc_buf_free(&msg);
	}
	p = prepare("孵化器 AND 2024");
	cr_assert_eq(zc_prepared_picker(p, &pk, &err), ZC_OK);
	cr_assert_eq(pk->n_followers[0], 2);
	cr_expect_str_eq(pk->follower[0][0], "化");
	cr_expect_str_eq(pk->follower[0][1], "器");
	cr_expect_eq(pk->n_followers[1], 3);
	zc_prepared_free(p);
	p = prepare("\"科技创新治理\"");
	cr_assert_eq(zc_prepared_picker(p, &pk, &err), ZC_OK);
	cr_expect_eq(pk->n_followers[0], ZC_PICKER_MAX_FOLLOWERS);
	zc_prepared_free(p);
	p = words(ZC_PICKER_MAX_ANCHORS + 1);
	cr_assert_eq(zc_prepared_picker(p, &pk, &err), ZC_OK);
	cr_expect_not(pk->in_a_row, "a text without an anchor");
	zc_prepared_free(p);
}
