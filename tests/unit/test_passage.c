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

/* The source line of byte off of passage p. */
static unsigned
line_of(const zc_passage *p, size_t off)
{
	return zc_line_at(p->line, p->starts, p->n_starts, off);
}

/* A wrapped paragraph says where each of its lines begins, so that a
 * match is named by its own line, not the paragraph's first. */
Test(passage, a_wrapped_paragraph_says_where_each_line_begins)
{
	zc_doc doc;
	const zc_passage *p;
	const char *at;

	passages_of("标题\n\n这一行的文字说到了这里而没有写完，\n"
	    "下一行接着说下去而仍然没有写完，\n"
	    "末一行说到孵化器才写完了这一段。\n", &doc);
	cr_assert_eq(doc.n_passages, 2);
	p = &doc.passages[1];
	cr_expect_eq(p->line, 3);
	cr_assert_eq(p->n_starts, 2);
	at = strstr(p->text, "下一行");
	cr_assert_not_null(at);
	cr_expect_eq(p->starts[0].off, (size_t)(at - p->text));
	cr_expect_eq(p->starts[0].line, 4);
	cr_expect_eq(line_of(p, (size_t)(strstr(p->text, "孵化器") - p->text)),
	    5);
	cr_expect_eq(line_of(p, 0), 3);
	cr_expect_eq(line_of(p, (size_t)(at - p->text) - 1), 3);
	cr_expect_eq(doc.passages[0].n_starts, 0);
	zc_doc_free(&doc);
}

/* Where line k (0-based) of a wrapped paragraph made by wrapped_lines
 * begins: its first character, which no other line has. */
static const char line_marks[] = "甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳";

/* n lines of 30 characters, each ending in a comma but the last, so that
 * clean joins them into one paragraph; a sentence ends inside line k at
 * character at when stop_at(k) says so (a cut there starts mid-line). */
static void
wrapped_lines(zc_buf *b, int n, int (*stop_at)(int))
{
	for (int line = 0; line < n; line++) {
		zc_buf_append(b, line_marks + 3 * line, 3);
		for (int i = 1; i < 29; i++)
			zc_buf_puts(b, i == stop_at(line) ? "。" : "字");
		zc_buf_puts(b, line + 1 == n ? "。\n" : "，\n");
	}
}

/* Every line's first character is in one passage, which names its line
 * there. */
static void
expect_lines_found(const zc_doc *doc, int n)
{
	for (int line = 0; line < n; line++) {
		char mark[4] = { 0 };
		int found = 0;

		memcpy(mark, line_marks + 3 * line, 3);
		for (size_t i = 0; i < doc->n_passages; i++) {
			const zc_passage *p = &doc->passages[i];
			const char *at = strstr(p->text, mark);

			if (at == NULL)
				continue;
			found++;
			cr_expect_eq(line_of(p, (size_t)(at - p->text)),
			    (unsigned)line + 1, "line %d in passage %zu",
			    line + 1, i);
		}
		cr_expect_eq(found, 1, "line %d", line + 1);
	}
}

static int
every_third(int line)
{
	return line % 3 == 2 ? 10 : -1;
}

/* Cut pieces of a wrapped paragraph keep the starts inside them, counted
 * from their own first byte. */
Test(passage, cut_pieces_keep_the_line_starts_inside_them)
{
	zc_buf b = { 0 };
	zc_doc doc;

	wrapped_lines(&b, 16, every_third);
	passages_of(b.data, &doc);
	cr_assert_gt(doc.n_passages, 1, "the paragraph is cut");
	cr_expect_gt(doc.passages[1].n_starts, 0);
	for (size_t i = 0; i < doc.n_passages; i++) {
		const zc_passage *p = &doc.passages[i];

		for (size_t k = 0; k < p->n_starts; k++) {
			cr_expect_gt(p->starts[k].off, k ? p->starts[k - 1].off :
			    0);
			cr_expect_lt(p->starts[k].off, p->len);
			cr_expect_eq(p->starts[k].line, (k ? p->starts[k - 1].line :
			    p->line) + 1);
		}
	}
	expect_lines_found(&doc, 16);
	zc_doc_free(&doc);
	zc_buf_free(&b);
}

/* A short tail cut off a wrapped paragraph goes back into the piece
 * before, its lines with it. */
static int
near_the_end(int line)
{
	return line == 9 ? 18 : -1;
}

Test(passage, a_tail_merged_back_keeps_its_lines)
{
	zc_buf b = { 0 };
	zc_doc doc;
	const zc_passage *p;

	/* 302 characters; the last sentence end within 300 is 288: the
	 * tail of 14 goes back */
	wrapped_lines(&b, 10, near_the_end);
	zc_buf_puts(&b, "尾。\n");
	/* the tenth line ends in a full stop: a comma keeps it joined */
	memcpy(strstr(b.data, "。\n尾"), "，", 3);
	passages_of(b.data, &doc);
	cr_assert_eq(doc.n_passages, 1, "the tail is merged back");
	p = &doc.passages[0];
	cr_expect_eq(p->line, 1);
	cr_assert_eq(p->n_starts, 10);
	for (size_t k = 0; k < p->n_starts; k++) {
		cr_expect_eq(p->starts[k].off, 90 * (k + 1));
		cr_expect_eq(p->starts[k].line, k + 2);
	}
	cr_expect_eq(line_of(p, p->len - 1), 11);
	expect_lines_found(&doc, 10);
	zc_doc_free(&doc);
	zc_buf_free(&b);
}
