/*
 * test_clean.c — chrome patterns (on both sides: chrome and the text
 * that merely looks like it), title suffixes, hard-wrapped paragraphs.
 * The whitespace repair itself is test_chars.c's.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "zc_clean.h"

static const char *const chrome[] = {
	"网站地图",
	"已阅 0 打印 关闭",
	"【打印本页】【关闭窗口】",
	"字号：大 中 小",
	"点击总量: |",
	"浏览次数：1234",
	"网站地图 网站标识码:4207000006 鄂公网安备:42070402000097 鄂ICP备05017375号 "
	    "主办单位:湖北省鄂州市科学技术局 电话:027-60896287",
	"Copyright © 2024 湖北省科学技术厅 版权所有",
	"鄂ICP备05017375号",
	"今天是:",
	"今天是：2024年8月12日 星期一",
	"当前位置：首页 > 政务公开 > 通知公告",
	"订阅招商网络邮件周刊,每周行业资讯,最新政策信息、项目信息为您推送",
	"已为您免费生成了个人网上空间",
	"投资咨询热线",
	"400-168-6016",
	"展开",
	"扫码关注微信公众号",
	"主办单位：武汉市科学技术局 联系我们",
	"地址：武汉市武昌区洪山路2号 邮编：430071 电话：027-87654321",
};

static const char *const content[] = {
	"您提出的建议收悉。经认真研究，现答复如下：",
	"关于印发网站地图管理办法的通知",
	"第十条 网站主办单位应当履行管理责任，并公开联系电话。",
	"三是科学规划产业布局。",
	"2024年7月19日",
	"湖北省科学技术厅",
	"发布时间: 2021-12-10 19:24 发布单位: 来源: 政策法制处",
	"一、总体要求",
	"打印机采购项目的通知",
	"点击量大幅提升的原因分析。",
	/* a notice's contacts: weak words of a footer, in a sentence */
	"联系人：省科技厅成果转化与区域创新处　张明，电话：027-87654321，"
	    "电子邮箱：kjcg@hbst.gov.cn。地址：湖北省武汉市武昌区洪山路2号，"
	    "邮编：430071。",
};

Test(clean, chrome_lines_are_recognised)
{
	for (size_t i = 0; i < sizeof chrome / sizeof chrome[0]; i++)
		cr_expect(zc_clean_is_chrome(chrome[i], strlen(chrome[i])),
		    "%s", chrome[i]);
}

Test(clean, content_that_resembles_chrome_is_kept)
{
	for (size_t i = 0; i < sizeof content / sizeof content[0]; i++)
		cr_expect(!zc_clean_is_chrome(content[i], strlen(content[i])),
		    "%s", content[i]);
}

static const struct {
	const char *in, *out;
} titles[] = {
	{ "关于开展科技创新的通知_湖北省人民政府门户网站", "关于开展科技创新的通知" },
	{ "关于某建议的答复-人生就是博尊龙凯时", "关于某建议的答复" },
	{ "荆州经开区科技创新三年行动方案 (2023-2025 年)",
	  "荆州经开区科技创新三年行动方案(2023-2025年)" },
	{ "鄂州市科创孵化载体两年行动方案(2024—2025年)",
	  "鄂州市科创孵化载体两年行动方案(2024—2025年)" },
	{ "中国—东盟科技合作计划", "中国—东盟科技合作计划" },
	{ "关于开展科技创新的通知 | 科技厅官网", "关于开展科技创新的通知" },
};

Test(clean, titles_lose_site_names_and_spam_but_keep_their_own_dashes)
{
	for (size_t i = 0; i < sizeof titles / sizeof titles[0]; i++) {
		char *t = zc_clean_title(titles[i].in);

		cr_expect_str_eq(t, titles[i].out);
		free(t);
	}
}

static void
lines_of(const char *text, zc_lines *l)
{
	zc_error err = { 0 };

	cr_assert_eq(zc_extract(ZC_FORMAT_TEXT, text, strlen(text), l, &err),
	    ZC_OK);
	zc_clean(l);
}

static size_t
kept(const zc_lines *l, const char **out, size_t max)
{
	size_t n = 0;

	for (size_t i = 0; i < l->n && n < max; i++)
		if (!(l->items[i].flags & ZC_LINE_DROP))
			out[n++] = l->items[i].text;
	return n;
}

/* Chrome goes by what it says (a menu run, a hotline, a call to
 * action); the promotion's list of topics says nothing that is chrome
 * and stays, however low on the page it stands. */
Test(clean, a_menu_run_and_a_promotion_go_by_what_they_say)
{
	zc_lines l;
	const char *k[16];
	size_t n;

	lines_of("正文最后一段，说明了全部情况。\n\n展开\n全部\n\n招商资讯\n\n"
	    "载体信息\n\n产业园区\n\n订阅\n投资咨询热线\n400-168-6016\n"
	    "  • 产业扶持政策\n  • 企业投资政策\n快去查看吧~\n", &l);
	n = kept(&l, k, 16);
	cr_assert_eq(n, 3);
	cr_expect_str_eq(k[0], "正文最后一段，说明了全部情况。");
	cr_expect_str_eq(k[1], "•产业扶持政策");
	cr_expect_str_eq(k[2], "•企业投资政策");
	zc_lines_free(&l);
}

/* 附件: with nothing after it is text a reader sees, not chrome: only
 * the bar and the map under it go. */
Test(clean, the_signature_and_an_empty_attachment_label_survive_the_footer)
{
	zc_lines l;
	const char *k[16];
	size_t n;

	lines_of("感谢您的关心和支持。\n\n湖北省科学技术厅\n\n2024年7月19日\n\n"
	    "附件:\n\n 已阅 0  打印   关闭 \n网站地图", &l);
	n = kept(&l, k, 16);
	cr_assert_eq(n, 4);
	cr_expect_str_eq(k[1], "湖北省科学技术厅");
	cr_expect_str_eq(k[2], "2024年7月19日");
	cr_expect_str_eq(k[3], "附件:");
	zc_lines_free(&l);
}

Test(clean, bar_navigation_goes_but_a_label_table_stays)
{
	zc_lines l;
	const char *k[16];
	size_t n;

	lines_of("|||计划管理|工作后台 ||\n索 引 号 | 011043145/2025-32703 | "
	    "分 类 | 科技 |\n---|---|---|---|\n", &l);
	n = kept(&l, k, 16);
	cr_assert_eq(n, 1);
	cr_expect_not_null(strstr(k[0], "011043145/2025-32703"));
	zc_lines_free(&l);
}

Test(clean, a_repeated_title_is_kept_once)
{
	zc_lines l;
	const char *k[16];

	lines_of("关于某建议的答复-人生就是博尊龙凯时\n\n关于某建议的答复\n\n"
	    "关于某建议的答复\n\n正文。\n", &l);
	cr_assert_eq(kept(&l, k, 16), 2);
	cr_expect_str_eq(k[0], "关于某建议的答复");
	zc_lines_free(&l);
}

Test(clean, hard_wrapped_lines_of_a_pdf_export_are_joined)
{
	zc_lines l;

	lines_of("一、主要目标\n\n经过 3 年建设,科技创新环境不断优化,创新 能力显著增强,\n\n"
	    "创新实力跃上新台阶。到 2025 年,达到如下发展 目标:\n\n"
	    "——创新主体日益发展 壮大。高新 技术企业达到 200 家以上;\n\n"
	    "三年新增产业技术研究院、新 型研发机构、院士专家工作站、博士后\n\n"
	    "工作站等各类创新平台 50 家。\n", &l);
	cr_assert_eq(l.n, 6);
	cr_expect(!(l.items[1].flags & ZC_LINE_CONT));
	cr_expect(l.items[2].flags & ZC_LINE_CONT);
	cr_expect(!(l.items[3].flags & ZC_LINE_CONT));
	cr_expect(l.items[5].flags & ZC_LINE_CONT);
	cr_expect_str_eq(l.items[5].text, "工作站等各类创新平台50家。");
	zc_lines_free(&l);
}

Test(clean, blank_lines_are_not_bridged_in_ordinary_text)
{
	zc_lines l;

	lines_of("您提出的建议收悉。经认真研究，将办理意见回复如下\n\n"
	    "一、关于加强科创载体建设\n\n正文没有句号的一行也不跨空行连接\n\n下一段。\n", &l);
	for (size_t i = 0; i < l.n; i++)
		cr_expect(!(l.items[i].flags & ZC_LINE_CONT), "%s",
		    l.items[i].text);
	zc_lines_free(&l);
}

/* The line after a sentence cut at its end (15 characters or more, no
 * blank line between) is its continuation unless it starts something
 * of its own. */
static const struct {
	const char *next;
	bool cont;
} continuations[] = {
	{ "继续推进相关工作。", true },
	{ "2024年7月19日", false },        /* a day (the one date grammar) */
	{ "2024-08 工作安排", false },     /* a month */
	{ "2024年全省新增企业。", false }, /* a year with 年 */
	{ "二〇二四年二月十三日", false },
	{ "2024-2025年期间继续推进。", true }, /* a range is no date */
	{ "2024-13 号", true },           /* no such month */
	{ "一、总体要求", false },
	{ "（十二）加强保障", false },
	{ "壹、总则", false },            /* capitals: the one numeral table */
	{ "廿一、附则", false },
};

Test(clean, a_line_that_starts_a_date_or_an_item_is_no_continuation)
{
	for (size_t i = 0; i < sizeof continuations / sizeof continuations[0];
	    i++) {
		char text[256];
		zc_lines l;

		snprintf(text, sizeof text, "这是一个很长的句子，用来测试折行"
		    "的情况，到了行末还没有结束\n%s\n",
		    continuations[i].next);
		lines_of(text, &l);
		cr_assert_eq(l.n, 2);
		cr_expect_eq((l.items[1].flags & ZC_LINE_CONT) != 0,
		    continuations[i].cont, "%s", continuations[i].next);
		zc_lines_free(&l);
	}
}

Test(clean, the_title_hints_lose_their_suffix_and_the_heading_its_spaces)
{
	zc_lines l;
	zc_error err = { 0 };
	const char *html = "<html><head><title>关于开展科技创新的通知_湖北省"
	    "人民政府门户网站</title></head><body><h1>科技 创新 通知</h1>"
	    "<p>正文。</p></body></html>";

	cr_assert_eq(zc_extract(ZC_FORMAT_HTML, html, strlen(html), &l, &err),
	    ZC_OK);
	zc_clean(&l);
	cr_expect_str_eq(l.hints.title_tag, "关于开展科技创新的通知");
	cr_expect_str_eq(l.hints.heading, "科技创新通知");
	zc_lines_free(&l);
}
