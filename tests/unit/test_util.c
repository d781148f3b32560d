/*
 * test_util.c — the helpers every module leans on (zc_util.h): UTF-8
 * decoding that never fails, encoding, counting, validity and clipping
 * at a character boundary; growable buffers; FNV-1a; error reports.
 * Every term and every offset of the index is computed with these, so
 * the invalid forms are tested one by one.
 */
#include <criterion/criterion.h>

#include <stdlib.h>
#include <string.h>

#include "zc_util.h"

#define FFFD 0xFFFDu

/* bytes (len given, so NUL and truncation are expressible), the code
 * point decoded from the start and the bytes taken */
static const struct decode_case {
	const char *what;
	const char *s;
	size_t len;
	uint32_t cp;
	size_t advance;
} decode_cases[] = {
	/* valid, at the edges of every length */
	{ "NUL", "\0", 1, 0x00, 1 },
	{ "last 1-byte", "\x7F", 1, 0x7F, 1 },
	{ "first 2-byte", "\xC2\x80", 2, 0x80, 2 },
	{ "last 2-byte", "\xDF\xBF", 2, 0x7FF, 2 },
	{ "first 3-byte", "\xE0\xA0\x80", 3, 0x800, 3 },
	{ "last before surrogates", "\xED\x9F\xBF", 3, 0xD7FF, 3 },
	{ "first after surrogates", "\xEE\x80\x80", 3, 0xE000, 3 },
	{ "U+FFFD itself", "\xEF\xBF\xBD", 3, FFFD, 3 },
	{ "last 3-byte", "\xEF\xBF\xBF", 3, 0xFFFF, 3 },
	{ "first 4-byte", "\xF0\x90\x80\x80", 4, 0x10000, 4 },
	{ "last code point", "\xF4\x8F\xBF\xBF", 4, 0x10FFFF, 4 },
	{ "中", "中", 3, 0x4E2D, 3 },
	{ "𠀀 (extension B)", "𠀀", 4, 0x20000, 4 },
	{ "only the first character", "中文", 6, 0x4E2D, 3 },
	/* overlong forms */
	{ "overlong NUL in 2", "\xC0\x80", 2, FFFD, 1 },
	{ "overlong 7F in 2", "\xC1\xBF", 2, FFFD, 1 },
	{ "overlong NUL in 3", "\xE0\x80\x80", 3, FFFD, 1 },
	{ "overlong 7FF in 3", "\xE0\x9F\xBF", 3, FFFD, 1 },
	{ "overlong NUL in 4", "\xF0\x80\x80\x80", 4, FFFD, 1 },
	{ "overlong FFFF in 4", "\xF0\x8F\xBF\xBF", 4, FFFD, 1 },
	/* UTF-16 surrogates are not characters */
	{ "first high surrogate", "\xED\xA0\x80", 3, FFFD, 1 },
	{ "last low surrogate", "\xED\xBF\xBF", 3, FFFD, 1 },
	/* beyond U+10FFFF */
	{ "U+110000", "\xF4\x90\x80\x80", 4, FFFD, 1 },
	{ "lead F5", "\xF5\x80\x80\x80", 4, FFFD, 1 },
	{ "lead F7", "\xF7\xBF\xBF\xBF", 4, FFFD, 1 },
	{ "5-byte form", "\xF8\x88\x80\x80\x80", 5, FFFD, 1 },
	{ "6-byte form", "\xFC\x84\x80\x80\x80\x80", 6, FFFD, 1 },
	{ "byte FE", "\xFE", 1, FFFD, 1 },
	{ "byte FF", "\xFF", 1, FFFD, 1 },
	/* lone continuation bytes */
	{ "lone 80", "\x80", 1, FFFD, 1 },
	{ "lone BF", "\xBF", 1, FFFD, 1 },
	{ "continuation run", "\x80\x80\x80", 3, FFFD, 1 },
	/* truncated at the end of the buffer */
	{ "2-byte lead alone", "\xC2", 1, FFFD, 1 },
	{ "3-byte lead alone", "\xE4", 1, FFFD, 1 },
	{ "3-byte missing one", "\xE4\xB8", 2, FFFD, 1 },
	{ "4-byte missing one", "\xF0\xA0\x80", 3, FFFD, 1 },
	{ "the buffer ends before the NUL", "中", 2, FFFD, 1 },
	/* truncated by what follows */
	{ "3-byte then ASCII", "\xE4\x41\x42", 3, FFFD, 1 },
	{ "3-byte missing one then ASCII", "\xE4\xB8\x41", 3, FFFD, 1 },
	{ "2-byte then a lead", "\xC2\xE4\xB8\xAD", 4, FFFD, 1 },
};

Test(util, decoding_takes_valid_characters_whole_and_one_byte_of_anything_else)
{
	for (size_t i = 0; i < sizeof decode_cases / sizeof decode_cases[0];
	    i++) {
		const struct decode_case *c = &decode_cases[i];
		size_t adv = 99;
		uint32_t cp = zc_utf8_decode(c->s, c->len, &adv);

		cr_expect_eq(cp, c->cp, "%s: U+%04X, want U+%04X", c->what,
		    (unsigned)cp, (unsigned)c->cp);
		cr_expect_eq(adv, c->advance, "%s: advance %zu, want %zu",
		    c->what, adv, c->advance);
	}
}

Test(util, decoding_a_damaged_string_resynchronises_at_the_next_character)
{
	/* a, 中 cut short by the lead of 文, 文, a lone continuation, b */
	const char s[] = "a\xE4\xB8\xE6\x96\x87\x80" "b";
	const uint32_t want[] = { 'a', FFFD, FFFD, 0x6587, FFFD, 'b' };
	size_t i = 0, n = 0, adv;

	while (i < sizeof s - 1) {
		uint32_t cp = zc_utf8_decode(s + i, sizeof s - 1 - i, &adv);

		cr_assert_lt(n, sizeof want / sizeof want[0]);
		cr_expect_eq(cp, want[n], "character %zu: U+%04X", n,
		    (unsigned)cp);
		i += adv;
		n++;
	}
	cr_expect_eq(n, sizeof want / sizeof want[0]);
}

Test(util, encoding_round_trips_at_every_length_boundary)
{
	static const struct { uint32_t cp; size_t len; } cases[] = {
		{ 0x00, 1 }, { 0x41, 1 }, { 0x7F, 1 },
		{ 0x80, 2 }, { 0x7FF, 2 },
		{ 0x800, 3 }, { 0x4E2D, 3 }, { 0xD7FF, 3 }, { 0xE000, 3 },
		{ 0xFFFD, 3 }, { 0xFFFF, 3 },
		{ 0x10000, 4 }, { 0x20000, 4 }, { 0x10FFFF, 4 },
	};

	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char out[4];
		size_t n = zc_utf8_encode(cases[i].cp, out), adv;

		cr_expect_eq(n, cases[i].len, "U+%04X: %zu bytes",
		    (unsigned)cases[i].cp, n);
		cr_expect_eq(zc_utf8_decode(out, n, &adv), cases[i].cp,
		    "U+%04X", (unsigned)cases[i].cp);
		cr_expect_eq(adv, n, "U+%04X", (unsigned)cases[i].cp);
		cr_expect(zc_utf8_valid(out, n), "U+%04X",
		    (unsigned)cases[i].cp);
	}
}

Test(util, encoding_writes_the_standard_bytes)
{
	char out[4];

	cr_expect_eq(zc_utf8_encode(0x4E2D, out), 3);
	cr_expect_eq(memcmp(out, "中", 3), 0);
	cr_expect_eq(zc_utf8_encode(0x20000, out), 4);
	cr_expect_eq(memcmp(out, "𠀀", 4), 0);
	cr_expect_eq(zc_utf8_encode(0xE9, out), 2);
	cr_expect_eq(memcmp(out, "é", 2), 0);
}

Test(util, counting_sees_what_decoding_sees)
{
	static const struct { const char *s; size_t len, n; } cases[] = {
		{ "", 0, 0 },
		{ "abc", 3, 3 },
		{ "a\0b", 3, 3 },
		{ "中文", 6, 2 },
		{ "a中𠀀é", 10, 4 },
		{ "\xFF\xFE", 2, 2 },         /* one per invalid byte */
		{ "\xE4\xB8", 2, 2 },         /* truncated: one per byte */
		{ "\xC0\x80", 2, 2 },         /* overlong: one per byte */
		{ "中", 2, 2 },               /* cut by len */
	};

	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
		cr_expect_eq(zc_utf8_count(cases[i].s, cases[i].len),
		    cases[i].n, "case %zu", i);
}

Test(util, validity_rejects_every_invalid_form_but_accepts_u_fffd)
{
	static const struct { const char *s; size_t len; bool valid; }
	    cases[] = {
		{ "", 0, true },
		{ "plain ASCII", 11, true },
		{ "a\0b", 3, true },
		{ "科技创新", 12, true },
		{ "\xEF\xBF\xBD", 3, true },          /* a real U+FFFD */
		{ "\xF4\x8F\xBF\xBF", 4, true },      /* U+10FFFF */
		{ "\xC0\x80", 2, false },             /* overlong */
		{ "\xE0\x9F\xBF", 3, false },         /* overlong */
		{ "\xED\xA0\x80", 3, false },         /* surrogate */
		{ "\xF4\x90\x80\x80", 4, false },     /* > U+10FFFF */
		{ "\x80", 1, false },                 /* lone continuation */
		{ "ok\xE4\xB8", 4, false },           /* truncated at the end */
		{ "\xFF", 1, false },
		{ "中", 2, false },                   /* cut by len */
	};

	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
		cr_expect_eq(zc_utf8_valid(cases[i].s, cases[i].len),
		    cases[i].valid, "case %zu", i);
}

Test(util, clipping_keeps_the_longest_prefix_of_whole_characters)
{
	static const struct { const char *s; size_t max, want; } cases[] = {
		{ "abc", 5, 3 },
		{ "abc", 3, 3 },
		{ "abc", 2, 2 },
		{ "abc", 0, 0 },
		{ "中文", 6, 6 },
		{ "中文", 5, 3 },
		{ "中文", 4, 3 },
		{ "中文", 3, 3 },
		{ "中文", 2, 0 },
		{ "a𠀀", 4, 1 },
		{ "a𠀀", 1, 1 },
		{ "aé", 2, 1 },
	};

	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
		cr_expect_eq(zc_utf8_clip(cases[i].s, strlen(cases[i].s),
		    cases[i].max), cases[i].want, "%s at %zu", cases[i].s,
		    cases[i].max);
}

/* Is n a place where decoding s from its start stops? */
static bool
is_boundary(const char *s, size_t len, size_t n)
{
	size_t i = 0, adv;

	while (i < n && i < len) {
		zc_utf8_decode(s + i, len - i, &adv);
		i += adv;
	}
	return i == n;
}

Test(util, clipping_never_cuts_a_character_and_never_exceeds_max)
{
	static const char *texts[] = {
		"a中é𠀀b，。",
		/* damaged: a lone continuation, a truncated 中, a valid 文 */
		"x\x80\xE4\xB8y文\xBF\xBF",
	};

	for (size_t t = 0; t < sizeof texts / sizeof texts[0]; t++) {
		const char *s = texts[t];
		size_t len = strlen(s);

		for (size_t max = 0; max <= len + 1; max++) {
			size_t n = zc_utf8_clip(s, len, max);

			cr_expect_leq(n, max, "text %zu, max %zu", t, max);
			cr_expect_leq(n, len, "text %zu, max %zu", t, max);
			cr_expect(is_boundary(s, len, n),
			    "text %zu, max %zu: %zu cuts a character", t, max,
			    n);
		}
	}
}

Test(util, clipping_valid_text_leaves_no_room_for_the_next_character)
{
	const char *s = "a中é𠀀b";
	size_t len = strlen(s), adv;

	for (size_t max = 0; max < len; max++) {
		size_t n = zc_utf8_clip(s, len, max);

		zc_utf8_decode(s + n, len - n, &adv);
		cr_expect_gt(n + adv, max, "max %zu: %zu is not the longest",
		    max, n);
	}
}

Test(util, a_buffer_grows_and_stays_terminated)
{
	zc_buf b = {0};

	zc_buf_append(&b, "", 0);
	cr_assert_not_null(b.data);
	cr_expect_str_eq(b.data, "");
	zc_buf_puts(&b, "科技");
	zc_buf_putc(&b, '-');
	zc_buf_printf(&b, "%d/%s", 2024, "创新");
	cr_expect_str_eq(b.data, "科技-2024/创新");
	cr_expect_eq(b.len, strlen("科技-2024/创新"));
	for (int i = 0; i < 5000; i++)
		zc_buf_puts(&b, "ab");
	cr_expect_eq(b.len, strlen("科技-2024/创新") + 10000);
	cr_expect_eq(b.data[b.len], '\0');
	cr_expect_geq(b.cap, b.len + 1);
	zc_buf_free(&b);
}

Test(util, a_buffer_holds_nul_bytes)
{
	zc_buf b = {0};

	zc_buf_append(&b, "a\0b", 3);
	cr_expect_eq(b.len, 3);
	cr_expect_eq(memcmp(b.data, "a\0b", 4), 0);
	zc_buf_free(&b);
}

Test(util, a_long_printf_is_not_truncated)
{
	zc_buf b = {0};
	char big[3001];

	memset(big, 'x', sizeof big - 1);
	big[sizeof big - 1] = '\0';
	zc_buf_puts(&b, "<");
	zc_buf_printf(&b, "%s>", big);
	cr_expect_eq(b.len, 3002);
	cr_expect_eq(b.data[3001], '>');
	cr_expect_eq(b.data[3002], '\0');
	zc_buf_free(&b);
}

Test(util, reset_keeps_the_memory_and_free_makes_the_buffer_reusable)
{
	zc_buf b = {0};
	size_t cap;

	zc_buf_puts(&b, "孵化器");
	cap = b.cap;
	zc_buf_reset(&b);
	cr_expect_eq(b.len, 0);
	cr_expect_eq(b.cap, cap);
	cr_expect_str_eq(b.data, "");
	zc_buf_free(&b);
	cr_expect_null(b.data);
	cr_expect_eq(b.len, 0);
	cr_expect_eq(b.cap, 0);
	zc_buf_puts(&b, "again");
	cr_expect_str_eq(b.data, "again");
	zc_buf_free(&b);
}

Test(util, stealing_hands_over_the_string_and_empties_the_buffer)
{
	zc_buf b = {0};
	char *s;

	zc_buf_puts(&b, "专精特新");
	s = zc_buf_steal(&b);
	cr_expect_str_eq(s, "专精特新");
	cr_expect_null(b.data);
	cr_expect_eq(b.len, 0);
	free(s);
	s = zc_buf_steal(&b); /* never NULL, even when nothing was put */
	cr_assert_not_null(s);
	cr_expect_str_eq(s, "");
	free(s);
}

Test(util, grow_keeps_what_fits_and_doubles_otherwise)
{
	size_t cap = 0;
	int *a = zc_xgrow(NULL, &cap, 3, sizeof *a);
	int *same;

	cr_expect_geq(cap, 3);
	a[0] = 7;
	same = zc_xgrow(a, &cap, cap, sizeof *a);
	cr_expect_eq(same, a);
	a = zc_xgrow(a, &cap, 1000, sizeof *a);
	cr_expect_geq(cap, 1000);
	cr_expect_eq(a[0], 7);
	free(a);
}

Test(util, hash64_is_fnv1a)
{
	/* the published FNV-1a 64-bit test vectors */
	cr_expect_eq(zc_hash64("", 0), 0xcbf29ce484222325ULL);
	cr_expect_eq(zc_hash64("a", 1), 0xaf63dc4c8601ec8cULL);
	cr_expect_eq(zc_hash64("foobar", 6), 0x85944171f73967e8ULL);
	/* NUL is hashed like any byte */
	cr_expect_eq(zc_hash64("\0", 1), 0xaf63bd4c8601b7dfULL);
	cr_expect_eq(zc_hash64("政策", 6), 0xfd341965d2a4b622ULL);
}

Test(util, fail_fills_the_report_and_returns_the_status)
{
	zc_error err = {0};

	cr_expect_eq(zc_fail(&err, ZC_EIO, "%s: %d", "read", 5), ZC_EIO);
	cr_expect_eq(err.status, ZC_EIO);
	cr_expect_str_eq(err.msg, "read: 5");
	cr_expect_eq(zc_fail(NULL, ZC_EINVAL, "nobody listens"), ZC_EINVAL);
}

Test(util, a_long_error_message_is_cut_and_terminated)
{
	zc_error err = {0};
	char big[600];

	memset(big, 'y', sizeof big - 1);
	big[sizeof big - 1] = '\0';
	zc_fail(&err, ZC_EINVAL, "%s", big);
	cr_expect_eq(strlen(err.msg), sizeof err.msg - 1);
}
