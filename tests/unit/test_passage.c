/*
 * test_passage.c — paragraphs, long ones cut at sentence ends within the
 * limit, short pieces merged, and the line of each passage's start.
 */
#include <criterion/criterion.h>
#include <string.h>

#include "zc_clean.h"
#include "zc_passage.h"

static void
passages_of(const char *text, zc_doc *doc)
{
	zc_lines l;
	zc_error err = { 0 };

	memset(doc, 0, sizeof *doc);
	cr_assert_eq(zc_extract(ZC_FORMAT_TEXT, text, strlen(text), &l, &err),
	    ZC_OK);
	zc_clean(&l);
	zc_passage_cut(&l, doc);
	zc_lines_free(&l);
}

/* A sentence of n Han characters and a full stop. */
static void
sentence(zc_buf *b, int n)
{
	for (int i = 0; i < n; i++)
		zc_buf_puts(b, "字");
	zc_buf_puts(b, "。");
}

Test(passage, each_paragraph_is_a_passage_with_its_line)
{
	zc_doc doc;

	passages_of("第一段文字，长度超过二十个字符的一段话。\n\n"
	    "第二段文字，长度也超过二十个字符的一段话。\n", &doc);
	cr_assert_eq(doc.n_passages, 2);
	cr_expect_eq(doc.passages[0].line, 1);
	cr_expect_eq(doc.passages[1].line, 3);
	zc_doc_free(&doc);
}

Test(passage, a_long_paragraph_is_cut_at_sentence_ends_within_the_limit)
{
	zc_buf b = { 0 };
	zc_doc doc;

	for (int i = 0; i < 20; i++)
		sentence(&b, 49);
	zc_buf_putc(&b, '\n');
	passages_of(b.data, &doc);
	cr_assert_gt(doc.n_passages, 3);
	for (size_t i = 0; i < doc.n_passages; i++) {
		const zc_passage *p = &doc.passages[i];
		size_t cps = zc_utf8_count(p->text, p->len);

		cr_expect_leq(cps, ZC_PASSAGE_MAX);
		cr_expect_eq(cps % 50, 0, "cut inside a sentence: %zu", cps);
		cr_expect_eq(p->line, 1);
	}
	zc_doc_free(&doc);
	zc_buf_free(&b);
}

Test(passage, a_paragraph_at_the_limit_is_one_passage_and_one_more_is_cut)
{
	zc_buf b = { 0 };
	zc_doc doc;

	for (int i = 0; i < 6; i++)
		sentence(&b, 49); /* 300 code points */
	passages_of(b.data, &doc);
	cr_expect_eq(doc.n_passages, 1);
	zc_doc_free(&doc);
	sentence(&b, 49);
	passages_of(b.data, &doc);
	cr_expect_eq(doc.n_passages, 2);
	zc_doc_free(&doc);
	zc_buf_free(&b);
}

Test(passage, a_sentence_without_stops_is_cut_at_a_comma_or_the_limit)
{
	zc_buf b = { 0 };
	zc_doc doc;

	for (int i = 0; i < 700; i++)
		zc_buf_puts(&b, i % 100 == 99 ? "，" : "字");
	passages_of(b.data, &doc);
	cr_assert_gt(doc.n_passages, 2);
	for (size_t i = 0; i < doc.n_passages; i++)
		cr_expect_leq(zc_utf8_count(doc.passages[i].text,
		    doc.passages[i].len), ZC_PASSAGE_MAX);
	zc_doc_free(&doc);
	zc_buf_free(&b);
}

/* A heading is a passage of its own, the line after it follows it as
 * text of the same block: no passage shows two paragraphs as one. */
Test(passage, a_short_heading_is_a_passage_the_next_line_follows)
{
	zc_doc doc;

	passages_of("一、总体要求\n以习近平新时代中国特色社会主义思想为指导，推动高质量发展。\n",
	    &doc);
	cr_assert_eq(doc.n_passages, 2);
	cr_expect_str_eq(doc.passages[0].text, "一、总体要求");
	cr_expect_eq(doc.passages[0].line, 1);
	cr_expect_eq(doc.passages[1].line, 2);
	cr_expect_eq(doc.passages[1].join, ZC_JOIN_SPACE);
	zc_doc_free(&doc);
}

Test(passage, short_paragraphs_are_never_merged)
{
	zc_doc doc;

	passages_of("感谢您对我省科技创新工作的关心和支持。\n\n湖北省科学技术厅\n\n"
	    "2024年7月19日\n", &doc);
	cr_assert_eq(doc.n_passages, 3);
	cr_expect_str_eq(doc.passages[1].text, "湖北省科学技术厅");
	cr_expect_eq(doc.passages[1].join, ZC_JOIN_PARAGRAPH);
	cr_expect_eq(doc.passages[2].join, ZC_JOIN_PARAGRAPH);
	zc_doc_free(&doc);
}

/* The short tail of a cut paragraph goes back into the piece before it,
 * with the whitespace that was there and nothing else. */
Test(passage, a_short_tail_of_a_cut_paragraph_joins_the_piece_before)
{
	zc_buf b = { 0 };
	zc_doc doc;

	for (int i = 0; i < 6; i++)
		sentence(&b, 49);
	zc_buf_puts(&b, "尾巴。\n");
	passages_of(b.data, &doc);
	cr_assert_eq(doc.n_passages, 1);
	cr_expect_eq(doc.passages[0].len, b.len - 1, "nothing added");
	cr_expect(strstr(doc.passages[0].text, "。尾巴。") != NULL);
	zc_buf_free(&b);
	zc_doc_free(&doc);
}

Test(passage, a_wrapped_paragraph_is_one_passage_from_its_first_line)
{
	zc_doc doc;

	passages_of("经过 3 年建设,科技 创新环境不断 优化,创新 能力显著增强,\n\n"
	    "创新实力跃上 新台阶。到 2025 年,达到如下发展 目标:\n\n"
	    "三年新增产业技术研究院、新 型研发机构、院士专家工作站、博士后\n\n"
	    "工作站等各类创新平台 50 家。\n", &doc);
	cr_assert_eq(doc.n_passages, 2);
	cr_expect_eq(doc.passages[0].line, 1);
	cr_expect_str_eq(doc.passages[0].text, "经过3年建设,科技创新环境不断优化,"
	    "创新能力显著增强,创新实力跃上新台阶。到2025年,达到如下发展目标:");
	cr_expect_eq(doc.passages[1].line, 5);
	zc_doc_free(&doc);
}

Test(passage, a_cut_inside_a_wrapped_paragraph_takes_the_line_of_its_text)
{
	zc_buf b = { 0 };
	zc_doc doc;

	/* wrapped lines of 30 characters, split by spaces as PDF exports
	 * do; the paragraph is longer than the limit */
	for (int line = 0; line < 16; line++) {
		/* lines differ in their first character */
		zc_buf_append(&b, "甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳" + 3 * line, 3);
		for (int i = 1; i < 29; i++)
			zc_buf_puts(&b, i == 10 ? "字 " : "字");
		zc_buf_puts(&b, line % 3 == 2 ? "。\n" : "，\n");
	}
	passages_of(b.data, &doc);
	cr_assert_gt(doc.n_passages, 1);
	cr_expect_eq(doc.passages[0].line, 1);
	for (size_t i = 1; i < doc.n_passages; i++)
		cr_expect_eq((doc.passages[i].line - 1) % 3, 0,
		    "a cut after a full stop starts a line: %u",
		    doc.passages[i].line);
	zc_doc_free(&doc);
	zc_buf_free(&b);
}

/* Chrome is no passage; a metadata line is one of its own, short as it
 * is, merged neither into the line before nor the line after. */
Test(passage, dropped_lines_are_not_passages_and_metadata_lines_stand_alone)
{
	zc_lines l;
	zc_doc doc;
	zc_error err = { 0 };
	const char *text = "标题行足够长的一行文字内容在这里呢\n元数据行\n"
	    "正文的一段，也足够长，不是一个短句\n网站地图\n";

	memset(&doc, 0, sizeof doc);
	cr_assert_eq(zc_extract(ZC_FORMAT_TEXT, text, strlen(text), &l, &err),
	    ZC_OK);
	zc_clean(&l);
	l.items[1].flags |= ZC_LINE_META;
	zc_passage_cut(&l, &doc);
	cr_assert_eq(doc.n_passages, 3);
	cr_expect_str_eq(doc.passages[0].text, "标题行足够长的一行文字内容在这里呢");
	cr_expect_str_eq(doc.passages[1].text, "元数据行");
	cr_expect_eq(doc.passages[1].line, 2);
	cr_expect_str_eq(doc.passages[2].text, "正文的一段，也足够长，不是一个短句");
	zc_doc_free(&doc);
	zc_lines_free(&l);
}

/* How each passage follows the text before it (zc_join): exact text
 * spans the cut of a paragraph and the lines of one block, never a blank
 * line or a dropped one. */
Test(passage, each_passage_says_how_it_follows_the_one_before)
{
	zc_buf b = { 0 };
	zc_doc doc;

	for (int i = 0; i < 10; i++)
		sentence(&b, 49);
	zc_buf_puts(&b, "\n\n第二段文字，长度也超过二十个字符的一段话。\n"
	    "Next line of the same block, long enough to stand.\n");
	passages_of(b.data, &doc);
	cr_assert_geq(doc.n_passages, 4);
	cr_expect_eq(doc.passages[0].join, ZC_JOIN_PARAGRAPH);
	cr_expect_eq(doc.passages[1].join, ZC_JOIN_DIRECT,
	    "a cut between 。 and 字 without whitespace");
	cr_expect_eq(doc.passages[doc.n_passages - 2].join, ZC_JOIN_PARAGRAPH,
	    "after a blank line");
	cr_expect_eq(doc.passages[doc.n_passages - 1].join, ZC_JOIN_SPACE,
	    "the next line of the block, after 。: a space that counts");
	zc_buf_free(&b);
	zc_doc_free(&doc);
}
