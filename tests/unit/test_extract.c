/*
 * test_extract.c — visible lines and their source line numbers from
 * text, Markdown, HTML and XML; markup metadata; hostile markup.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "zc_extract.h"

static void
extract(zc_format fmt, const char *s, zc_lines *out)
{
	zc_error err = { 0 };

	cr_assert_eq(zc_extract(fmt, s, strlen(s), out, &err), ZC_OK, "%s",
	    err.msg);
}

static void
expect_line(const zc_lines *l, size_t i, const char *text, unsigned line)
{
	cr_assert_lt(i, l->n, "line %zu missing", i);
	cr_expect_str_eq(l->items[i].text, text);
	cr_expect_eq(l->items[i].line, line, "%s", text);
}

Test(extract, text_lines_keep_their_numbers_and_blank_lines_break)
{
	zc_lines l;

	extract(ZC_FORMAT_TEXT, "第一行\r\n第二行\n\n  \n第五行", &l);
	cr_assert_eq(l.n, 3);
	expect_line(&l, 0, "第一行", 1);
	expect_line(&l, 1, "第二行", 2);
	expect_line(&l, 2, "第五行", 5);
	cr_expect(l.items[0].flags & ZC_LINE_BREAK);
	cr_expect(!(l.items[1].flags & ZC_LINE_BREAK));
	cr_expect(l.items[2].flags & ZC_LINE_BREAK);
	zc_lines_free(&l);
}

Test(extract, markdown_markers_go_and_the_first_heading_is_a_title)
{
	zc_lines l;

	extract(ZC_FORMAT_MARKDOWN,
	    "# 中华人民共和国测试法\n\n<!-- INFO END -->\n\n## 第一章 总 则\n"
	    "- **第一条** 为了[测试](http://x)，制定本法。\n"
	    "| a | b |\n|---|---|\n```\ncode *kept*\n```\n> 引用`代码`\n", &l);
	cr_expect_str_eq(l.hints.heading, "中华人民共和国测试法");
	expect_line(&l, 0, "中华人民共和国测试法", 1);
	cr_expect(l.items[0].flags & ZC_LINE_HEADING);
	expect_line(&l, 1, "第一章 总 则", 5);
	expect_line(&l, 2, "第一条 为了测试，制定本法。", 6);
	expect_line(&l, 3, "| a | b |", 7);
	expect_line(&l, 4, "code *kept*", 10);
	expect_line(&l, 5, "引用代码", 12);
	cr_expect_eq(l.n, 6);
	zc_lines_free(&l);
}

Test(extract, html_blocks_become_lines_at_the_line_of_their_text)
{
	zc_lines l;

	extract(ZC_FORMAT_HTML,
	    "<html><head><title>页面标题</title>\n"
	    "<meta name=\"ArticleTitle\" content=\"文章标题\">\n"
	    "<meta name=\"PubDate\" content=\"2024-01-02\">\n"
	    "<script>var x = '脚本';</script><style>p{}</style></head>\n"
	    "<body><nav>导航</nav><header>页眉</header>\n"
	    "<p>\n  第一段<b>加粗</b>文字。</p>\n"
	    "<div>甲<br>乙</div>\n"
	    "<table><tr><td>索引号：</td><td>123</td></tr></table>\n"
	    "<footer>页脚</footer><div class=\"footer\">版权</div>\n"
	    "<!-- 注释 --></body></html>", &l);
	cr_expect_str_eq(l.hints.title_tag, "页面标题");
	cr_expect_str_eq(l.hints.tags.value[ZC_FIELD_TITLE], "文章标题");
	cr_expect_str_eq(l.hints.tags.value[ZC_FIELD_PUBLISHED], "2024-01-02");
	cr_assert_eq(l.n, 4);
	expect_line(&l, 0, "第一段加粗文字。", 7);
	expect_line(&l, 1, "甲", 8);
	expect_line(&l, 2, "乙", 8);
	expect_line(&l, 3, "索引号： | 123", 9);
	zc_lines_free(&l);
}

Test(extract, malformed_html_is_recovered)
{
	zc_lines l;

	extract(ZC_FORMAT_HTML, "<p>未闭合<div><span>文字</p></td></table>"
	    "<p>后面", &l);
	cr_expect_geq(l.n, 2);
	cr_expect_str_eq(l.items[l.n - 1].text, "后面");
	zc_lines_free(&l);
}

/* libxml2 stops 256 levels down; the text below is scanned instead. */
Test(extract, deep_nesting_keeps_its_text_and_costs_no_stack)
{
	enum { DEPTH = 100000 };
	zc_buf b = { 0 };
	zc_lines l;

	zc_buf_puts(&b, "<html><body><p>表面</p>");
	for (int i = 0; i < DEPTH; i++)
		zc_buf_puts(&b, "<div><span>");
	zc_buf_puts(&b, "深处 &amp; &#x4E2D;");
	extract(ZC_FORMAT_HTML, b.data, &l);
	cr_assert_eq(l.n, 2);
	cr_expect_str_eq(l.items[0].text, "表面");
	cr_expect_str_eq(l.items[1].text, "深处 & 中");
	zc_lines_free(&l);
	zc_buf_free(&b);
}

/* Both sides of the limit: 240 levels keep the tree (table cells joined
 * by " | "), 300 levels still keep the text. */
Test(extract, nesting_limit_on_both_sides)
{
	static const int depth[] = { 240, 300 };
	static const char *const want[] = { "甲 | 乙", "甲乙" };

	for (int k = 0; k < 2; k++) {
		zc_buf b = { 0 };
		zc_lines l;

		zc_buf_puts(&b, "<html><body>");
		for (int i = 0; i < depth[k]; i++)
			zc_buf_puts(&b, "<div>");
		zc_buf_puts(&b, "<table><tr><td>甲</td><td>乙</td></tr></table>");
		extract(ZC_FORMAT_HTML, b.data, &l);
		cr_assert_eq(l.n, 1, "depth %d", depth[k]);
		cr_expect_str_eq(l.items[0].text, want[k], "depth %d",
		    depth[k]);
		zc_lines_free(&l);
		zc_buf_free(&b);
	}
}

Test(extract, shallow_nesting_keeps_the_tree)
{
	zc_lines l;

	extract(ZC_FORMAT_HTML, "<html><body><div><div><script>x()</script>"
	    "<p>正文</p></div></div></body></html>", &l);
	cr_assert_eq(l.n, 1);
	cr_expect_str_eq(l.items[0].text, "正文");
	zc_lines_free(&l);
}

Test(extract, xml_text_with_lines)
{
	zc_lines l;

	extract(ZC_FORMAT_XML, "<?xml version=\"1.0\"?>\n<doc>\n<title>标题"
	    "</title>\n<p>正文 &amp; 更多</p>\n</doc>\n", &l);
	cr_assert_eq(l.n, 2);
	expect_line(&l, 0, "标题", 3);
	expect_line(&l, 1, "正文 & 更多", 4);
	zc_lines_free(&l);
}

Test(extract, xml_entities_are_never_expanded_or_loaded)
{
	zc_lines l;
	const char *bomb = "<?xml version=\"1.0\"?>\n<!DOCTYPE l [\n"
	    "<!ENTITY a \"aaaaaaaaaa\">\n<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">\n"
	    "<!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">\n"
	    "<!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\">\n"
	    "<!ENTITY e \"&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;\">\n"
	    "<!ENTITY x SYSTEM \"file:///etc/passwd\">\n]>\n"
	    "<l>文&e;&e;&e;&x;字</l>\n";

	extract(ZC_FORMAT_XML, bomb, &l);
	for (size_t i = 0; i < l.n; i++) {
		cr_expect_null(strstr(l.items[i].text, "aaaaaaaaaaaaaaaaaaaa"));
		cr_expect_null(strstr(l.items[i].text, "root:"));
	}
	zc_lines_free(&l);
}

Test(extract, malformed_xml_still_gives_its_text)
{
	zc_lines l;

	extract(ZC_FORMAT_XML, "<doc><p>文字</doc>", &l);
	cr_assert_geq(l.n, 1);
	cr_expect_str_eq(l.items[0].text, "文字");
	zc_lines_free(&l);
}

/* The source line where byte off of line i's text is. */
static unsigned
line_at_of(const zc_lines *l, size_t i, size_t off)
{
	return zc_line_at(l->items[i].line, l->items[i].starts,
	    l->items[i].n_starts, off);
}

static size_t
offset_of(const zc_lines *l, size_t i, const char *needle)
{
	const char *at = strstr(l->items[i].text, needle);

	cr_assert_not_null(at, "%s in %s", needle, l->items[i].text);
	return (size_t)(at - l->items[i].text);
}

/* A block written over several source lines (Word's HTML wraps its
 * paragraphs) says where each line begins, inline elements and text
 * nodes of their own included. */
Test(extract, an_html_block_over_several_lines_says_where_each_begins)
{
	zc_lines l;

	extract(ZC_FORMAT_HTML, "<html><body>\n<p class=MsoNormal>第一行"
	    "说到这里，\n第二行说<span>孵化器</span>的事，<b>还是\n"
	    "没有写完</b>，第三行\n\n第五行。</p>\n<p>一行。</p></body></html>",
	    &l);
	cr_assert_eq(l.n, 2);
	cr_expect_eq(l.items[0].line, 2);
	cr_expect_eq(line_at_of(&l, 0, 0), 2);
	cr_expect_eq(line_at_of(&l, 0, offset_of(&l, 0, "第二行")), 3);
	cr_expect_eq(line_at_of(&l, 0, offset_of(&l, 0, "孵化器")), 3);
	cr_expect_eq(line_at_of(&l, 0, offset_of(&l, 0, "还是")), 3);
	cr_expect_eq(line_at_of(&l, 0, offset_of(&l, 0, "没有写完")), 4);
	cr_expect_eq(line_at_of(&l, 0, offset_of(&l, 0, "第三行")), 4);
	cr_expect_eq(line_at_of(&l, 0, offset_of(&l, 0, "第五行")), 6);
	cr_expect_eq(l.items[0].n_starts, 3, "lines 3, 4 and 6");
	cr_expect_eq(l.items[1].n_starts, 0);
	zc_lines_free(&l);
}

/* Clean changes whitespace (and cuts titles): the starts move with the
 * characters they stand before. */
Test(extract, line_starts_move_with_their_text)
{
	zc_lines l;

	extract(ZC_FORMAT_HTML, "<p>  第一 行 说到，\n 第二 行 说到，\n"
	    "第三行。</p>", &l);
	cr_assert_eq(l.n, 1);
	zc_lines_set_text(&l, 0, "第一行说到，第二行说到，第三行。",
	    strlen("第一行说到，第二行说到，第三行。"), true);
	cr_assert_eq(l.items[0].n_starts, 2);
	cr_expect_eq(l.items[0].starts[0].off, offset_of(&l, 0, "第二行"));
	cr_expect_eq(l.items[0].starts[1].off, offset_of(&l, 0, "第三行"));
	cr_expect_eq(l.items[0].starts[1].line, 3);
	/* cut after the second line: its start stays, the third's goes */
	zc_lines_set_text(&l, 0, "第一行说到，第二行", strlen("第一行说到，"
	    "第二行"), false);
	cr_assert_eq(l.items[0].n_starts, 1);
	cr_expect_eq(l.items[0].starts[0].line, 2);
	zc_lines_set_text(&l, 0, "第一行", strlen("第一行"), false);
	cr_expect_eq(l.items[0].n_starts, 0);
	zc_lines_free(&l);
}

/* An entity or a comment cuts a text node into chunks that libxml2 joins
 * under the line of the first; every character still gets its own. */
Test(extract, entities_and_comments_do_not_move_lines)
{
	zc_lines l;

	extract(ZC_FORMAT_HTML, "<html><body>\n<p>第一行有&amp;符号，\n"
	    "第二行有&nbsp;空格，\n第三行<!-- 注释\n跨行 -->还有，\n"
	    "第五行&#x5B57;符。</p>\n</body></html>", &l);
	cr_assert_eq(l.n, 1);
	cr_expect_eq(l.items[0].line, 2);
	cr_expect_eq(line_at_of(&l, 0, offset_of(&l, 0, "符号")), 2);
	cr_expect_eq(line_at_of(&l, 0, offset_of(&l, 0, "第二行")), 3);
	cr_expect_eq(line_at_of(&l, 0, offset_of(&l, 0, "空格")), 3);
	cr_expect_eq(line_at_of(&l, 0, offset_of(&l, 0, "第三行")), 4);
	cr_expect_eq(line_at_of(&l, 0, offset_of(&l, 0, "还有")), 5);
	cr_expect_eq(line_at_of(&l, 0, offset_of(&l, 0, "第五行")), 6);
	cr_expect_eq(line_at_of(&l, 0, offset_of(&l, 0, "字符")), 6);
	zc_lines_free(&l);
}

/* Lines past 65,535, which libxml2's HTML parser keeps in 16 bits. */
Test(extract, lines_past_16_bits)
{
	zc_buf b = { 0 };
	zc_lines l;

	zc_buf_puts(&b, "<html><body>");
	for (int i = 0; i < 70000; i++)
		zc_buf_putc(&b, '\n');
	zc_buf_puts(&b, "<p>一行，\n二行。</p>\n<p>三行。</p></body></html>");
	extract(ZC_FORMAT_HTML, b.data, &l);
	cr_assert_eq(l.n, 2);
	cr_expect_eq(l.items[0].line, 70001);
	cr_expect_eq(line_at_of(&l, 0, offset_of(&l, 0, "二行")), 70002);
	cr_expect_eq(l.items[1].line, 70003);
	zc_lines_free(&l);
	zc_buf_free(&b);
}

/* libxml2's HTML parser hands over text in buffers of 1000 bytes; one
 * that ends in a line feed came with a line count one short, and every
 * line of it was named one too low.  Whatever the padding moves to the
 * buffer's end, each line is named right. */
Test(extract, lines_across_the_parsers_buffers)
{
	for (int pad = 0; pad < 12; pad++) {
		zc_buf b = { 0 };
		zc_lines l;

		zc_buf_puts(&b, "<html><body>\n<p>");
		for (int i = 0; i < pad; i++)
			zc_buf_putc(&b, 'x');
		for (int i = 0; i < 400; i++)
			zc_buf_printf(&b, "L%03d 中文\n", i);
		zc_buf_puts(&b, "</p></body></html>");
		extract(ZC_FORMAT_HTML, b.data, &l);
		cr_assert_eq(l.n, 1);
		for (int i = 0; i < 400; i++) {
			char mark[8];

			snprintf(mark, sizeof mark, "L%03d", i);
			cr_expect_eq(line_at_of(&l, 0, offset_of(&l, 0, mark)),
			    (unsigned)i + 2, "pad %d, %s", pad, mark);
		}
		zc_lines_free(&l);
		zc_buf_free(&b);
	}
}
