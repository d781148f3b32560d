/*
 * test_decode.c — the read stage: formats by extension and sniffing,
 * encodings by BOM, strict UTF-8, declaration and ICU's detector, and
 * binary input refused.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "zc_decode.h"

static char *
slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *buf;

	cr_assert_not_null(f, "%s", path);
	fseek(f, 0, SEEK_END);
	*len = (size_t)ftell(f);
	rewind(f);
	buf = malloc(*len + 1);
	cr_assert_eq(fread(buf, 1, *len, f), *len);
	fclose(f);
	return buf;
}

static const struct {
	const char *name;
	zc_format format;
} names[] = {
	{ "a.txt", ZC_FORMAT_TEXT }, { "a.md", ZC_FORMAT_MARKDOWN },
	{ "A.MARKDOWN", ZC_FORMAT_MARKDOWN }, { "a.html", ZC_FORMAT_HTML },
	{ "a.HTM", ZC_FORMAT_HTML }, { "a.shtml", ZC_FORMAT_HTML },
	{ "a.xml", ZC_FORMAT_XML }, { "README", ZC_FORMAT_TEXT },
	{ "dir.md/file", ZC_FORMAT_TEXT },
};

Test(decode, the_extension_gives_the_format)
{
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
		cr_expect_eq(zc_format_from_name(names[i].name),
		    names[i].format, "%s", names[i].name);
}

static const struct {
	const char *name;
	bool indexable;
} walked[] = {
	{ "a.txt", true }, { "a.TXT", true }, { "a.md", true },
	{ "a.Markdown", true }, { "a.html", true }, { "a.htm", true },
	{ "a.shtml", true }, { "a.xhtml", true }, { "a.xml", true },
	{ "/srv/x/a.txt", true }, { "a.pdf", true }, { "a.PDF", true },
	{ "a.doc", true }, { "a.wps", true }, { "a.docx", true }, { "a.ofd", true },
	{ "a.xls", false },
	{ "README", false }, { "a.", false }, { "a.txt.bak", false },
	{ "atxt", false }, { "dir.md/file", false }, { "a.txtx", false },
};

Test(decode, a_walk_indexes_the_listed_extensions_only)
{
	for (size_t i = 0; i < sizeof walked / sizeof walked[0]; i++) {
		zc_format f = (zc_format)-1;
		bool yes = zc_format_indexable(walked[i].name, &f);

		cr_expect_eq(yes, walked[i].indexable, "%s", walked[i].name);
		if (yes)
			cr_expect_eq(f, zc_format_from_name(walked[i].name),
			    "%s: the format the pipeline guesses",
			    walked[i].name);
		else
			cr_expect_eq(f, (zc_format)-1, "%s: fmt untouched",
			    walked[i].name);
	}
	cr_expect(zc_format_indexable("a.md", NULL), "fmt may be NULL");
}

Test(decode, sniffing_finds_html_in_a_txt_and_text_in_an_html)
{
	const char *page = "  <!DOCTYPE html><html><body>x</body></html>";
	const char *plain = "只是一段文字，没有标记。";
	const char *xml = "<?xml version=\"1.0\"?><doc>文字</doc>";

	cr_expect_eq(zc_format_sniff(ZC_FORMAT_TEXT, page, strlen(page)),
	    ZC_FORMAT_HTML);
	cr_expect_eq(zc_format_sniff(ZC_FORMAT_HTML, plain, strlen(plain)),
	    ZC_FORMAT_TEXT);
	cr_expect_eq(zc_format_sniff(ZC_FORMAT_TEXT, xml, strlen(xml)),
	    ZC_FORMAT_XML);
	cr_expect_eq(zc_format_sniff(ZC_FORMAT_MARKDOWN, plain,
	    strlen(plain)), ZC_FORMAT_MARKDOWN);
}

static void
expect_decodes(const char *bytes, size_t len, const char *enc,
    const char *want)
{
	zc_buf out = { 0 };
	const char *got_enc;
	zc_error err = { 0 };

	cr_assert_eq(zc_decode(bytes, len, &out, &got_enc, &err), ZC_OK,
	    "%s", err.msg);
	cr_expect_str_eq(got_enc, enc);
	cr_expect_str_eq(out.data, want);
	zc_buf_free(&out);
}

Test(decode, utf8_passes_through_and_loses_its_bom)
{
	expect_decodes("科技创新", 12, "UTF-8", "科技创新");
	expect_decodes("\xEF\xBB\xBF科技创新", 15, "UTF-8", "科技创新");
}

Test(decode, utf16_with_a_bom_is_converted)
{
	/* 科技 = U+79D1 U+6280 */
	expect_decodes("\xFF\xFE\xD1\x79\x80\x62", 6, "UTF-16LE", "科技");
	expect_decodes("\xFE\xFF\x79\xD1\x62\x80", 6, "UTF-16BE", "科技");
	/* an astral character across the pair */
	expect_decodes("\xFF\xFE\x40\xD8\x00\xDC", 6, "UTF-16LE",
	    "\xF0\xA0\x80\x80");
}

Test(decode, a_gb2312_declaration_is_read_with_gb18030)
{
	/* 朱镕基 in GBK: 镕 is outside GB2312, where ICU's gb2312 converter
	 * would silently change it */
	const char *page = "<meta charset=\"gb2312\"><p>\xD6\xEC\xE9\x46\xBB\xF9</p>";

	expect_decodes(page, strlen(page), "GB18030",
	    "<meta charset=\"gb2312\"><p>朱镕基</p>");
}

Test(decode, an_http_equiv_declaration_is_read)
{
	const char *page = "<meta http-equiv=\"Content-Type\" content=\"text/html; "
	    "charset=GBK\">\xBF\xC6\xBC\xBC";

	cr_assert_str_eq(strrchr(page, '>') + 1, "\xBF\xC6\xBC\xBC");
	expect_decodes(page, strlen(page), "GB18030",
	    "<meta http-equiv=\"Content-Type\" content=\"text/html; "
	    "charset=GBK\">科技");
}

Test(decode, a_stale_declaration_on_utf8_is_ignored)
{
	const char *page = "<meta charset=gb2312><p>科技创新</p>";

	expect_decodes(page, strlen(page), "UTF-8", page);
}

Test(decode, short_undeclared_gbk_falls_back_to_gb18030)
{
	expect_decodes("\xBF\xC6\xBC\xBC", 4, "GB18030", "科技");
}

Test(decode, long_gbk_and_big5_are_detected_by_icu)
{
	size_t len;
	char *gbk = slurp("tests/data/seed002-gbk.txt", &len);
	const char *enc;

	cr_expect_eq(zc_decode_detect(gbk, len, &enc, NULL), ZC_OK);
	cr_expect_str_eq(enc, "GB18030");
	free(gbk);
	gbk = slurp("tests/data/big5.txt", &len);
	cr_expect_eq(zc_decode_detect(gbk, len, &enc, NULL), ZC_OK);
	cr_expect_str_eq(enc, "Big5-HKSCS");
	free(gbk);
}

Test(decode, damaged_utf8_keeps_its_text_with_replacement_characters)
{
	char text[256] = "", want[256] = "";

	for (int i = 0; i < 10; i++) {
		strcat(text, "科技创新");
		strcat(want, "科技创新");
	}
	strcat(text, "\xFF完");
	strcat(want, "\xEF\xBF\xBD完");
	expect_decodes(text, strlen(text), "UTF-8", want);
}

Test(decode, nul_bytes_without_a_utf16_bom_are_binary)
{
	zc_buf out = { 0 };
	const char *enc;
	zc_error err = { 0 };

	cr_expect_eq(zc_decode("abc\0def", 7, &out, &enc, &err), ZC_EBINARY);
	cr_expect_str_eq(err.msg, "not a text file (NUL bytes)");
	zc_buf_free(&out);
}

Test(decode, random_bytes_are_binary)
{
	size_t len;
	char *bytes = slurp("tests/data/random.bin", &len);
	zc_buf out = { 0 };
	const char *enc;

	cr_expect_eq(zc_decode(bytes, len, &out, &enc, NULL), ZC_EBINARY);
	zc_buf_free(&out);
	free(bytes);
}

Test(decode, many_control_bytes_are_binary)
{
	char bytes[200];

	for (size_t i = 0; i < sizeof bytes; i++)
		bytes[i] = (char)(i % 3 == 0 ? 0x01 : 'a');
	cr_expect_eq(zc_decode_detect(bytes, sizeof bytes, &(const char *){
	    NULL }, NULL), ZC_EBINARY);
}

Test(decode, control_characters_other_than_layout_are_dropped)
{
	expect_decodes("a\x01" "b\tc\r\nd\x7f", 9, "UTF-8", "ab\tc\r\nd\x7f");
}

Test(decode, input_over_the_limit_is_refused_before_it_is_read)
{
	zc_buf out = { 0 };
	const char *enc;

	cr_expect_eq(zc_decode("", ZC_MAX_INPUT + 1, &out, &enc, NULL),
	    ZC_ETOOBIG);
}
