/*
 * test_chars.c — the character classes both sides share: each
 * whitespace set on both sides of its boundaries, the word rule, the
 * Chinese numerals, bracket and width folding, and the spaces that go
 * from Chinese text.
 */
#include <criterion/criterion.h>
#include <string.h>

#include <unicode/uchar.h>

#include "zc_chars.h"

static const struct {
	uint32_t cp;
	bool text, query; /* zc_chars_is_space, zc_chars_is_query_space */
} spaces[] = {
	{ 0x00, false, true },   /* NUL: only a query separates on it */
	{ 0x08, false, true },
	{ 0x09, true, true },    /* tab */
	{ 0x0A, true, true },
	{ 0x0B, true, true },    /* vertical tab: White_Space */
	{ 0x0C, true, true },    /* form feed: White_Space */
	{ 0x0D, true, true },
	{ 0x0E, false, true },
	{ 0x1F, false, true },
	{ 0x20, true, true },
	{ 0x21, false, false },  /* ! */
	{ 0x7E, false, false },
	{ 0x7F, false, true },   /* DEL */
	{ 0x80, false, true },
	{ 0x85, true, true },    /* NEL */
	{ 0x9F, false, true },
	{ 0xA0, true, true },    /* no-break space */
	{ 0xA1, false, false },
	{ 0x167F, false, false },
	{ 0x1680, true, true },  /* ogham space mark */
	{ 0x1681, false, false },
	{ 0x1FFF, false, false },
	{ 0x2000, true, true },  /* en quad */
	{ 0x200A, true, true },  /* hair space */
	{ 0x200B, false, true }, /* zero width space: ignorable, joins */
	{ 0x200C, false, false },
	{ 0x2027, false, false },
	{ 0x2028, true, true },  /* line separator */
	{ 0x2029, true, true },
	{ 0x202A, false, false },
	{ 0x202F, true, true },
	{ 0x205F, true, true },
	{ 0x2060, false, false },
	{ 0x2FFF, false, false },
	{ 0x3000, true, true },  /* ideographic space */
	{ 0x3001, false, false },
	{ 0xFEFE, false, false },
	{ 0xFEFF, false, true }, /* BOM, zero width no-break space */
	{ 0xFF00, false, false },
	{ 0x4E00, false, false },
};

Test(chars, each_whitespace_set_on_both_sides_of_its_boundaries)
{
	for (size_t i = 0; i < sizeof spaces / sizeof spaces[0]; i++) {
		cr_expect_eq(zc_chars_is_space(spaces[i].cp), spaces[i].text,
		    "U+%04X text space", (unsigned)spaces[i].cp);
		cr_expect_eq(zc_chars_is_query_space(spaces[i].cp),
		    spaces[i].query, "U+%04X query space",
		    (unsigned)spaces[i].cp);
	}
}

/* Text space is Unicode's White_Space: U+200B and U+FEFF are
 * default-ignorable and join what they stand between, as NFKC and grep
 * on normalised text see them. */
Test(chars, text_space_is_white_space)
{
	for (uint32_t cp = 0; cp <= 0x10FFFF; cp++) {
		bool want = u_isUWhiteSpace((UChar32)cp);

		if (zc_chars_is_space(cp) != want)
			cr_expect(0, "U+%04X: %d", (unsigned)cp, !want);
	}
}

Test(chars, every_text_space_separates_query_words)
{
	for (uint32_t cp = 0; cp <= 0x10FFFF; cp++)
		if (zc_chars_is_space(cp) && !zc_chars_is_query_space(cp))
			cr_expect(0, "U+%04X", (unsigned)cp);
}

static const struct {
	uint32_t cp;
	bool word;
} words[] = {
	{ 'a', true }, { 'Z', true }, { '0', true }, { '_', false },
	{ '-', false }, { '.', false }, { ' ', false },
	{ 0xE9, true },    /* é */
	{ 0x0303, true },  /* combining tilde: q̃ is one word */
	{ 0x0301, true },  /* combining acute */
	{ 0x093F, true },  /* Devanagari vowel sign I, a spacing mark */
	{ 0x0436, true },  /* ж */
	{ 0xFF21, true },  /* Ａ */
	{ 0x00B7, false }, /* · */
	{ 0x4E00, false }, /* 一: Han is a unit of its own */
	{ 0x3007, false }, /* 〇 */
	{ 0x3001, false }, /* 、 */
	{ 0x3042, true },  /* あ */
};

Test(chars, a_word_is_letters_digits_and_combining_marks_but_not_han)
{
	for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
		cr_expect_eq(zc_chars_is_word(words[i].cp), words[i].word,
		    "U+%04X", (unsigned)words[i].cp);
}

Test(chars, han_is_the_ideographs_and_the_circle_zero)
{
	cr_expect(zc_chars_is_han(0x4E00));
	cr_expect(zc_chars_is_han(0x9FFF));
	cr_expect(!zc_chars_is_han(0xA000));
	cr_expect(zc_chars_is_han(0x3400));
	cr_expect(!zc_chars_is_han(0x33FF));
	cr_expect(zc_chars_is_han(0x20000));
	cr_expect(zc_chars_is_han(0x323AF));
	cr_expect(!zc_chars_is_han(0x323B0));
	cr_expect(zc_chars_is_han(0xF900));
	cr_expect(zc_chars_is_han(0x3007));  /* 〇 */
	cr_expect(!zc_chars_is_han(0x25CB)); /* ○ is a symbol */
	cr_expect(!zc_chars_is_han(0x3002)); /* 。 */
}

static const struct {
	const char *ch;
	long value; /* -1: not a numeral */
	int digit;  /* -1: not a digit */
} numerals[] = {
	{ "〇", 0, 0 }, { "○", 0, 0 }, { "零", 0, 0 }, { "一", 1, 1 },
	{ "二", 2, 2 }, { "三", 3, 3 }, { "四", 4, 4 }, { "五", 5, 5 },
	{ "六", 6, 6 }, { "七", 7, 7 }, { "八", 8, 8 }, { "九", 9, 9 },
	{ "两", 2, -1 }, { "十", 10, -1 }, { "廿", 20, -1 }, { "卅", 30, -1 },
	{ "百", 100, -1 }, { "千", 1000, -1 }, { "万", 10000, -1 },
	{ "亿", 100000000, -1 },
	{ "壹", 1, 1 }, { "贰", 2, 2 }, { "叁", 3, 3 }, { "肆", 4, 4 },
	{ "伍", 5, 5 }, { "陆", 6, 6 }, { "柒", 7, 7 }, { "捌", 8, 8 },
	{ "玖", 9, 9 }, { "拾", 10, -1 }, { "佰", 100, -1 }, { "仟", 1000, -1 },
	{ "几", -1, -1 }, { "第", -1, -1 }, { "号", -1, -1 }, { "O", -1, -1 },
	{ "2", -1, -1 }, { "２", -1, -1 }, { "初", -1, -1 },
};

Test(chars, chinese_numerals_have_one_table)
{
	for (size_t i = 0; i < sizeof numerals / sizeof numerals[0]; i++) {
		size_t adv;
		uint32_t cp = zc_utf8_decode(numerals[i].ch,
		    strlen(numerals[i].ch), &adv);

		cr_expect_eq(zc_chars_han_numeral(cp), numerals[i].value,
		    "%s value", numerals[i].ch);
		cr_expect_eq(zc_chars_han_digit(cp), numerals[i].digit,
		    "%s digit", numerals[i].ch);
	}
}

Test(chars, arabic_digits_are_ascii_or_full_width)
{
	cr_expect_eq(zc_chars_digit('0'), 0);
	cr_expect_eq(zc_chars_digit('9'), 9);
	cr_expect_eq(zc_chars_digit('/'), -1);
	cr_expect_eq(zc_chars_digit(':'), -1);
	cr_expect_eq(zc_chars_digit(0xFF10), 0);
	cr_expect_eq(zc_chars_digit(0xFF19), 9);
	cr_expect_eq(zc_chars_digit(0xFF1A), -1);
	cr_expect_eq(zc_chars_digit(0x0660), -1); /* Arabic-Indic zero */
}

static const struct {
	const char *in, *out;
} brackets[] = {
	{ "〔", "〔" }, { "〕", "〕" }, { "[", "〔" }, { "]", "〕" },
	{ "(", "〔" }, { ")", "〕" }, { "{", "〔" }, { "}", "〕" },
	{ "【", "〔" }, { "】", "〕" }, { "〖", "〔" }, { "〗", "〕" },
	{ "﹝", "〔" }, { "﹞", "〕" }, { "（", "〔" }, { "）", "〕" },
	{ "［", "〔" }, { "］", "〕" }, { "｛", "〔" }, { "｝", "〕" },
	{ "《", "《" }, { "<", "<" }, { "「", "「" }, { "〘", "〘" },
	{ "Ａ", "Ａ" }, { "号", "号" },
};

Test(chars, every_bracket_of_a_doc_no_folds_to_the_tortoise_shell)
{
	for (size_t i = 0; i < sizeof brackets / sizeof brackets[0]; i++) {
		size_t adv;
		uint32_t in = zc_utf8_decode(brackets[i].in,
		    strlen(brackets[i].in), &adv);
		uint32_t out = zc_utf8_decode(brackets[i].out,
		    strlen(brackets[i].out), &adv);

		cr_expect_eq(zc_chars_fold_bracket(in), out, "%s",
		    brackets[i].in);
	}
}

Test(chars, full_width_ascii_folds_to_ascii_and_nothing_else_does)
{
	cr_expect_eq(zc_chars_fold_width(0xFF00), 0xFF00u);
	cr_expect_eq(zc_chars_fold_width(0xFF01), (uint32_t)'!');
	cr_expect_eq(zc_chars_fold_width(0xFF21), (uint32_t)'A');
	cr_expect_eq(zc_chars_fold_width(0xFF5E), (uint32_t)'~');
	cr_expect_eq(zc_chars_fold_width(0xFF5F), 0xFF5Fu);
	cr_expect_eq(zc_chars_fold_width(0x3000), 0x3000u); /* a space */
	cr_expect_eq(zc_chars_fold_width('a'), (uint32_t)'a');
}

static const struct {
	const char *in, *collapsed, *closed;
} runs[] = {
	{ "科技创新治 理体系", "科技创新治 理体系", "科技创新治理体系" },
	{ "到 2025 年", "到 2025 年", "到2025年" },
	{ "“ 六大工程” 三年", "“ 六大工程” 三年", "“六大工程”三年" },
	{ "( 一)加强", "( 一)加强", "(一)加强" },
	{ "方向, 以深化", "方向, 以深化", "方向,以深化" },
	{ "冰箱 AI 识别", "冰箱 AI 识别", "冰箱 AI 识别" },
	{ "2021-12-10 19:24", "2021-12-10 19:24", "2021-12-10 19:24" },
	{ "  a\t\u3000b\u00a0 c  ", "a b c", "a b c" },
	{ "索\u2002引\u2002号 011", "索 引 号 011", "索引号011" },
	{ "hello, world", "hello, world", "hello, world" },
	{ "a\u2028b\u200bc\ufeff", "a b\u200bc\ufeff", "a b\u200bc\ufeff" },
	{ "科技\u2029创新", "科技 创新", "科技创新" },
	{ "a\x01 b", "a\x01 b", "a\x01 b" }, /* a control character stays */
	{ " \u3000 ", "", "" },
	{ "", "", "" },
};

Test(chars, runs_of_text_space_collapse_and_close_up_in_chinese_text)
{
	for (size_t i = 0; i < sizeof runs / sizeof runs[0]; i++) {
		zc_buf b = { 0 }, c = { 0 };

		zc_chars_collapse(runs[i].in, strlen(runs[i].in), &b);
		zc_chars_close_up(runs[i].in, strlen(runs[i].in), &c);
		cr_expect_str_eq(b.data, runs[i].collapsed, "%s", runs[i].in);
		cr_expect_str_eq(c.data, runs[i].closed, "%s", runs[i].in);
		zc_buf_free(&b);
		zc_buf_free(&c);
	}
}

Test(chars, the_first_and_last_code_points_of_a_text)
{
	cr_expect_eq(zc_utf8_first("科技", 6), 0x79D1u);
	cr_expect_eq(zc_utf8_last("科技", 6), 0x6280u);
	cr_expect_eq(zc_utf8_last("a", 1), (uint32_t)'a');
	cr_expect_eq(zc_utf8_last("a\xF0\x9F\x98\x80", 5), 0x1F600u);
	cr_expect_eq(zc_utf8_first("", 0), 0u);
	cr_expect_eq(zc_utf8_last("", 0), 0u);
}

Test(chars, a_cursor_reads_spaces_digits_and_a_wanted_character)
{
	static const char s[] = "\xe3\x80\x80 2024\xe5\xb9\xb4\xef\xbc\x98";
	/* U+3000, a space, 2024, 年, a full-width 8 */
	zc_cursor c = { s, strlen(s), 0 };
	size_t adv;
	int n;

	zc_cursor_skip_space(&c);
	cr_assert_eq(c.i, 4, "U+3000 and a space are text space");
	cr_assert_eq(zc_cursor_number(&c, 3, &n), 202, "at most max digits");
	cr_assert_eq(n, 3);
	cr_assert_eq(zc_cursor_number(&c, 4, &n), 4);
	cr_assert_not(zc_cursor_accept(&c, 0x6708), "月 is not next");
	cr_assert(zc_cursor_accept(&c, 0x5E74), "年 is next");
	cr_assert_eq(zc_cursor_number(&c, 4, &n), 8, "a full-width digit");
	cr_assert_eq(zc_cursor_number(&c, 4, &n), -1, "no digit at the end");
	cr_assert_eq(n, 0);
	cr_assert_eq(zc_cursor_peek(&c, &adv), 0);
	cr_assert_eq(adv, 0, "the end reads as 0 of no length");
}
