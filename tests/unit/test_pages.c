/*
 * test_pages.c — a paged document's lines: running headers and footers
 * out of the flow and kept once, page numbers not kept, a line that
 * merely recurs on a few pages left where it is, the page cap.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>

#include "zc_pages.h"

/* pages[k] holds page k+1's lines separated by '|'. */
static void
lines_of(const char *const *pages, size_t n, zc_lines *out)
{
	zc_pages p;
	zc_error err = { 0 };

	cr_assert_eq(zc_pages_init(&p, n, &err), ZC_OK);
	for (size_t k = 0; k < n; k++) {
		const char *s = pages[k];

		while (*s != '\0') {
			const char *bar = strchr(s, '|');
			size_t len = bar != NULL ? (size_t)(bar - s) : strlen(s);

			zc_pages_add_line(&p, k, s, len);
			s += len + (bar != NULL);
		}
	}
	memset(out, 0, sizeof *out);
	zc_pages_to_lines(&p, out);
	zc_pages_free(&p);
}

/* The lines as "page:text" joined by '|'. */
static char *
joined(const zc_lines *l)
{
	static char buf[4096];
	size_t at = 0;

	buf[0] = '\0';
	for (size_t i = 0; i < l->n; i++)
		at += (size_t)snprintf(buf + at, sizeof buf - at, "%s%u:%.*s",
		    i ? "|" : "", l->items[i].line, (int)l->items[i].len,
		    l->items[i].text);
	return buf;
}

Test(pages, running_header_kept_once_page_numbers_not_kept)
{
	const char *pages[] = {
		"科技厅文件|第一页的正文，句子没有|- 1 -",
		"科技厅文件|写完就到了下一页。|- 2 -",
		"科技厅文件|第三页。|- 3 -",
	};
	zc_lines l;

	lines_of(pages, 3, &l);
	cr_assert_str_eq(joined(&l), "1:第一页的正文，句子没有|2:写完就到了下一页。|"
	    "3:第三页。|1:科技厅文件");
	cr_assert_eq(l.items[1].flags & ZC_LINE_BREAK, 0,
	    "a page does not start a paragraph");
	cr_assert(l.items[3].flags & ZC_LINE_BREAK,
	    "the header kept is a line of its own");
	zc_lines_free(&l);
}

Test(pages, page_number_forms)
{
	const char *forms[] = { "第1页 共3页", "1/3", "（1）", "— 1 —", "·1·" };

	for (size_t f = 0; f < sizeof forms / sizeof *forms; f++) {
		char a[64], b[64];
		const char *pages[2] = { a, b };
		zc_lines l;

		snprintf(a, sizeof a, "甲页的正文。|%s", forms[f]);
		snprintf(b, sizeof b, "乙页的正文。|%s", forms[f]);
		/* the second page's number differs only in its digits */
		for (char *c = b; *c != '\0'; c++)
			if (*c == '1')
				*c = '2';
		lines_of(pages, 2, &l);
		cr_expect_str_eq(joined(&l), "1:甲页的正文。|2:乙页的正文。",
		    "footer %s", forms[f]);
		zc_lines_free(&l);
	}
}

Test(pages, running_footer_with_words_is_kept)
{
	const char *pages[] = {
		"第一页。|湖北省科学技术厅 第1页",
		"第二页。|湖北省科学技术厅 第2页",
	};
	zc_lines l;

	lines_of(pages, 2, &l);
	cr_assert_str_eq(joined(&l),
	    "1:第一页。|2:第二页。|1:湖北省科学技术厅 第1页");
	zc_lines_free(&l);
}

Test(pages, line_on_few_pages_stays)
{
	const char *pages[] = {
		"附件一|一页。", "附件一|二页。", "三页。", "四页。", "五页。",
	};
	zc_lines l;

	lines_of(pages, 5, &l);
	cr_assert_str_eq(joined(&l), "1:附件一|1:一页。|2:附件一|2:二页。|3:三页。|"
	    "4:四页。|5:五页。", "on 2 pages of 5: not running");
	zc_lines_free(&l);
}

Test(pages, one_page_keeps_everything)
{
	const char *pages[] = { "科技厅文件|正文。|- 1 -" };
	zc_lines l;

	lines_of(pages, 1, &l);
	cr_assert_str_eq(joined(&l), "1:科技厅文件|1:正文。|1:- 1 -");
	zc_lines_free(&l);
}

Test(pages, too_many_pages_refused)
{
	zc_pages p;
	zc_error err = { 0 };

	cr_assert_eq(zc_pages_init(&p, ZC_MAX_PAGES + 1, &err), ZC_ETOOBIG);
	cr_assert_str_eq(err.msg, "10001 pages (at most 10000)");
	zc_pages_free(&p);
}
