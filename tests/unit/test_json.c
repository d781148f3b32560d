/*
 * test_json.c — JSON string literals (zc_json.h), what zcsearch --json
 * and zcindex --dump print for every text of a document: escapes for
 * what JSON forbids raw, for what a terminal or a JavaScript parser
 * would act on, and valid UTF-8 whatever the input.
 */
#include <criterion/criterion.h>

#include <string.h>

#include "zc_json.h"

/* input bytes (len given, so NUL is expressible) and the literal */
static const struct json_case {
	const char *what;
	const char *s;
	size_t len;
	const char *want;
} cases[] = {
	{ "empty", "", 0, "\"\"" },
	{ "plain", "孵化器 abc", 13, "\"孵化器 abc\"" },
	{ "quote", "say \"hi\"", 8, "\"say \\\"hi\\\"\"" },
	{ "backslash", "a\\b", 3, "\"a\\\\b\"" },
	{ "slash stays", "a/b", 3, "\"a/b\"" },
	{ "line feed, return, tab", "\n\r\t", 3, "\"\\n\\r\\t\"" },
	{ "NUL inside", "a\0b", 3, "\"a\\u0000b\"" },
	{ "U+0001", "\x01", 1, "\"\\u0001\"" },
	{ "backspace", "\b", 1, "\"\\u0008\"" },
	{ "form feed", "\f", 1, "\"\\u000c\"" },
	{ "escape (a terminal acts on it)", "\x1B[2J", 4, "\"\\u001b[2J\"" },
	{ "U+001F", "\x1F", 1, "\"\\u001f\"" },
	{ "space is not a control", " ", 1, "\" \"" },
	{ "DEL", "\x7F", 1, "\"\\u007f\"" },
	{ "C1: U+0080", "\xC2\x80", 2, "\"\\u0080\"" },
	{ "C1: NEL", "\xC2\x85", 2, "\"\\u0085\"" },
	{ "C1: CSI", "\xC2\x9B", 2, "\"\\u009b\"" },
	{ "C1: U+009F", "\xC2\x9F", 2, "\"\\u009f\"" },
	{ "no-break space passes", "\xC2\xA0", 2, "\"\xC2\xA0\"" },
	{ "line separator", "a\xE2\x80\xA8z", 5, "\"a\\u2028z\"" },
	{ "paragraph separator", "\xE2\x80\xA9", 3, "\"\\u2029\"" },
	{ "astral passes", "𠀀", 4, "\"𠀀\"" },
	{ "invalid byte", "a\xFF" "b", 3, "\"a\xEF\xBF\xBD" "b\"" },
	{ "truncated at the end", "中\xE6\x96", 5,
	  "\"中\xEF\xBF\xBD\xEF\xBF\xBD\"" },
	{ "overlong quote is no quote", "\xC0\xA2", 2,
	  "\"\xEF\xBF\xBD\xEF\xBF\xBD\"" },
	{ "surrogate", "\xED\xA0\x80", 3,
	  "\"\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\"" },
	{ "lone continuation", "\x80", 1, "\"\xEF\xBF\xBD\"" },
};

Test(json, strings_escape_what_json_and_terminals_must_not_see_raw)
{
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		zc_buf b = {0};

		zc_json_string(&b, cases[i].s, cases[i].len);
		cr_expect_str_eq(b.data, cases[i].want, "%s", cases[i].what);
		cr_expect_eq(b.len, strlen(cases[i].want), "%s",
		    cases[i].what);
		zc_buf_free(&b);
	}
}

Test(json, every_literal_is_valid_utf8_with_no_raw_control_character)
{
	char all[256];
	zc_buf b = {0};

	for (int i = 0; i < 256; i++)
		all[i] = (char)i;
	zc_json_string(&b, all, sizeof all);
	cr_expect(zc_utf8_valid(b.data, b.len));
	for (size_t i = 0; i < b.len; i++) {
		unsigned char c = (unsigned char)b.data[i];

		cr_expect(c >= 0x20 && c != 0x7F, "raw byte %02X at %zu", c,
		    i);
	}
	zc_buf_free(&b);
}

Test(json, a_literal_is_appended_to_what_is_there)
{
	zc_buf b = {0};

	zc_buf_puts(&b, "{\"title\":");
	zc_json_string(&b, "通知", strlen("通知"));
	zc_buf_putc(&b, '}');
	cr_expect_str_eq(b.data, "{\"title\":\"通知\"}");
	zc_buf_free(&b);
}

Test(json, null_stands_for_a_missing_string)
{
	zc_buf b = {0};

	zc_json_string_or_null(&b, NULL);
	zc_buf_putc(&b, ',');
	zc_json_string_or_null(&b, "");
	zc_buf_putc(&b, ',');
	zc_json_string_or_null(&b, "null");
	cr_expect_str_eq(b.data, "null,\"\",\"null\"");
	zc_buf_free(&b);
}
