/*
 * test_norm.c — the one normalisation: NFKC, case folding, Traditional →
 * Simplified, whitespace between Han characters, and the map back to
 * the original offsets.
 */
#include <criterion/criterion.h>

#include <stdlib.h>
#include <string.h>

#include "zc_norm.h"
#include "gen/t2s_table.h"

static char *
norm(const char *s)
{
	char *out;
	zc_error err = {0};

	cr_assert_eq(zc_norm_string(s, strlen(s), &out, NULL, &err), ZC_OK,
	    "%s", err.msg);
	return out;
}

static const struct { const char *in, *out; } cases[] = {
	/* NFKC: full-width Latin, digits and punctuation */
	{ "ＡＢＣ１２３", "abc123" },
	{ "２０２４年", "2024年" },
	{ "７０．３％", "70.3%" },
	{ "﹝2023﹞", "〔2023〕" },
	{ "㈱", "(株)" },
	{ "ﬁ", "fi" },
	/* case folding */
	{ "COVID-19", "covid-19" },
	{ "Straße", "strasse" },
	/* Traditional → Simplified */
	{ "科技創新", "科技创新" },
	{ "臺灣", "台湾" },
	{ "國務院", "国务院" },
	/* compatibility ideographs become unified ones, then fold */
	{ "\xef\xa4\x80", "岂" }, /* U+F900 → 豈 U+8C48 → 岂 */
	/* whitespace between Han characters is a wrap */
	{ "科技创新治 理体系", "科技创新治理体系" },
	{ "科技\n创新", "科技创新" },
	{ "科技\u00a0创新", "科技创新" },
	{ "科技\u3000\u3000创新", "科技创新" },
	{ "科技 \r\n 创新", "科技创新" },
	/* … and so is whitespace that splits Chinese text otherwise: a
	 * number next to Han, CJK punctuation (zc_chars_space_splits) */
	{ "到 2025 年", "到2025年" },
	{ "科技， 创新", "科技,创新" },
	{ "增长 9.58 %", "增长9.58 %" },
	/* … but not between anything else */
	{ "hello world", "hello world" },
	{ "5G 基站", "5g 基站" },
	/* default ignorables vanish, joining the Han around them */
	{ "科\u200b技", "科技" },
	/* invalid UTF-8 */
	{ "\xff科", "\xef\xbf\xbd科" },
	{ "", "" },
	/* combining sequences compose */
	{ "e\u0301", "\u00e9" },
};

Test(norm, table_of_cases)
{
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char *got = norm(cases[i].in);

		cr_expect_str_eq(got, cases[i].out, "%s", cases[i].in);
		free(got);
	}
}

Test(norm, t2s_table_lookup)
{
	cr_expect_eq(zc_norm_t2s(0x5275), 0x521B); /* 創 → 创 */
	cr_expect_eq(zc_norm_t2s(0x81FA), 0x53F0); /* 臺 → 台 */
	cr_expect_eq(zc_norm_t2s(0x521B), 0x521B); /* 创 stays */
	cr_expect_eq(zc_norm_t2s('a'), 'a');
}

/* The bitmap in front of the table's search answers as the table does,
 * for every code point of the planes that hold Han. */
Test(norm, t2s_folds_exactly_the_table_entries)
{
	size_t n = sizeof t2s_table / sizeof t2s_table[0], next = 0;

	for (uint32_t cp = 0; cp < 0x32000; cp++) {
		uint32_t want = cp;

		if (next < n && t2s_table[next][0] == cp)
			want = t2s_table[next++][1];
		if (zc_norm_t2s(cp) != want)
			cr_assert_fail("U+%04X: %04X, table %04X", cp,
			    zc_norm_t2s(cp), want);
	}
	cr_expect_eq(next, n);
}

Test(norm, map_points_back_to_original_code_points_and_bytes)
{
	/* "ＡB 科技\n創新": Ａ is 3 bytes, the wrap vanishes */
	const char *s = "\xef\xbc\xa1" "B 科技\n創新";
	zc_norm n = ZC_NORM_INIT;
	size_t a, b;

	cr_assert_eq(zc_norm_text(s, strlen(s), &n, NULL), ZC_OK);
	cr_assert_str_eq(n.text, "ab 科技创新");
	cr_assert_eq(n.ncp, 7);
	/* 创 is normalised code point 5, original code point 6 (after the
	 * newline), bytes 12..15 */
	cr_expect_eq(n.map[5].cp_start, 6);
	cr_expect_eq(n.map[5].cp_end, 7);
	cr_expect_eq(n.map[5].byte_start, 12);
	cr_expect_eq(n.map[5].byte_end, 15);
	/* a span: 技创 → original 技\n創, code points 4..7 */
	zc_norm_span_cp(&n, 4, 6, &a, &b);
	cr_expect_eq(a, 4);
	cr_expect_eq(b, 7);
	zc_norm_span_byte(&n, 0, 2, &a, &b);
	cr_expect_eq(a, 0);
	cr_expect_eq(b, 4);
	cr_expect_eq(n.cp_byte[3], 3);
	cr_expect_eq(n.cp_byte[n.ncp], n.len);
	zc_norm_free(&n);
}

Test(norm, an_expansion_maps_every_piece_to_its_source)
{
	zc_norm n = ZC_NORM_INIT;

	cr_assert_eq(zc_norm_text("x㍿", strlen("x㍿"), &n, NULL), ZC_OK);
	cr_assert_str_eq(n.text, "x株式会社");
	for (size_t i = 1; i < n.ncp; i++) {
		cr_expect_eq(n.map[i].cp_start, 1);
		cr_expect_eq(n.map[i].cp_end, 2);
	}
	zc_norm_free(&n);
}

Test(norm, a_zc_norm_is_reusable)
{
	zc_norm n = ZC_NORM_INIT;

	cr_assert_eq(zc_norm_text("科技創新科技創新", 24, &n, NULL), ZC_OK);
	cr_assert_eq(zc_norm_text("AB", 2, &n, NULL), ZC_OK);
	cr_expect_str_eq(n.text, "ab");
	cr_expect_eq(n.ncp, 2);
	zc_norm_free(&n);
	zc_norm_free(&n);
}
