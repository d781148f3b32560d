/*
 * test_history.c — a law's history lines (zc_history.h): which events
 * count, the version's date and body, the first adoption, the 令.
 */
#include <criterion/criterion.h>
#include <string.h>

#include "zc_history.h"

static const struct {
	const char *what, *text;
	const char *version, *first, *published, *issuer, *doc_no;
} cases[] = {
	{ "amendments move the version on",
	  "1985年1月21日 第六届全国人民代表大会常务委员会第九次会议通过 "
	  "2024年6月28日 第十四届全国人民代表大会常务委员会第十次会议《关于修改"
	  "〈中华人民共和国会计法〉的决定》第三次修正",
	  "2024-06-28", "1985-01-21", "", "全国人民代表大会常务委员会", NULL },
	{ "a 施行 date does not count",
	  "2013年7月24日 国务院第18次常务会议通过 2013年10月1日 施行",
	  "2013-07-24", "2013-07-24", "", "国务院", NULL },
	{ "a 令 promulgates and numbers",
	  "2011年1月8日 中华人民共和国国务院令第588号公布",
	  "2011-01-08", "2011-01-08", "2011-01-08", "中华人民共和国国务院",
	  "中华人民共和国国务院令第588号" },
	{ "the body of a 决定 in book-title marks",
	  "2001年6月15日 国务院令第306号公布 2022年3月29日 《国务院关于修改和"
	  "废止部分行政法规的决定》第二次修订",
	  "2022-03-29", "2001-06-15", "2001-06-15", "国务院", NULL },
	{ "a court speaks, not its committee",
	  "2005年6月1日 最高人民法院审判委员会第1357次会议通过 2005年8月1日 "
	  "最高人民法院公告公布",
	  "2005-08-01", "2005-06-01", "2005-08-01", "最高人民法院", NULL },
	{ "an approval by the province comes last",
	  "2018年6月28日 济南市第十六届人民代表大会常务委员会第十六次会议通过"
	  "并经2018年7月27日山东省第十三届人民代表大会常务委员会第四次会议批准",
	  "2018-07-27", "2018-06-28", "", "山东省人民代表大会常务委员会", NULL },
	{ "a notice's number is not the body's",
	  "2015年9月24日 杭州市人民代表大会常务委员会第26号公告公布",
	  "2015-09-24", "2015-09-24", "2015-09-24",
	  "杭州市人民代表大会常务委员会", NULL },
	{ "the body that adopts, not the order that promulgates, on one day",
	  "2024年6月28日 第十四届全国人民代表大会常务委员会第十次会议通过 "
	  "2024年6月28日 中华人民共和国主席令第二十四号公布",
	  "2024-06-28", "2024-06-28", "2024-06-28",
	  "全国人民代表大会常务委员会", "中华人民共和国主席令第二十四号" },
	{ "Chinese numerals and NPC brackets",
	  "（一九九四年十二月六日第八届全国人民代表大会常务委员会第十一次会议通过）",
	  "1994-12-06", "1994-12-06", "", "全国人民代表大会常务委员会", NULL },
};

Test(history, events_give_the_version_and_its_body)
{
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		zc_history h;

		cr_assert(zc_history_read(cases[i].text, strlen(cases[i].text),
		    &h), "%s", cases[i].what);
		cr_expect_str_eq(h.version, cases[i].version, "%s",
		    cases[i].what);
		cr_expect_str_eq(h.first, cases[i].first, "%s", cases[i].what);
		cr_expect_str_eq(h.published, cases[i].published, "%s",
		    cases[i].what);
		cr_expect(h.issuer != NULL && strcmp(h.issuer,
		    cases[i].issuer) == 0, "%s: issuer %s", cases[i].what,
		    h.issuer ? h.issuer : "null");
		if (cases[i].doc_no == NULL)
			cr_expect_null(h.doc_no, "%s", cases[i].what);
		else
			cr_expect(h.doc_no != NULL && strcmp(h.doc_no,
			    cases[i].doc_no) == 0, "%s: 文号 %s",
			    cases[i].what, h.doc_no ? h.doc_no : "null");
		zc_history_free(&h);
	}
}

Test(history, only_action_words_make_an_event)
{
	static const char *const none[] = {
		"2009年1月1日 施行", "2024年3月1日起施行", "", "第一条 正文。",
		"2024年5月6日 某某会议召开",
	};
	zc_history h;

	for (size_t i = 0; i < sizeof none / sizeof none[0]; i++) {
		cr_expect_not(zc_history_read(none[i], strlen(none[i]), &h),
		    "%s", none[i]);
		cr_expect_null(h.issuer);
		cr_expect_str_eq(h.version, "");
	}
}

static bool
continues(const char *joined, const char *line)
{
	return zc_history_continues(joined, strlen(joined), line,
	    strlen(line));
}

Test(history, lines_that_start_or_continue_a_history)
{
	cr_expect(zc_history_starts_line("2009年1月1日 施行", 22));
	cr_expect(zc_history_starts_line("（2021年3月11日第十三届全国人民代表大会"
	    "第四次会议通过）", strlen("（2021年3月11日第十三届全国人民代表大会"
	    "第四次会议通过）")));
	cr_expect_not(zc_history_starts_line("2024-05-09 10:30", 16));
	cr_expect_not(zc_history_starts_line("为了规范会计行为，1985年通过",
	    strlen("为了规范会计行为，1985年通过")));
	cr_expect(continues("2013年2月26日 青岛市第十五届人民代表大会常务委员会",
	    "第九次会议通过"), "an event waiting for its action");
	cr_expect(continues("2013年2月26日 《关于修改〈青岛市", "某某条例〉的决定》修正"),
	    "a 《 title left open");
	cr_expect(continues("2013年2月26日 某会议通过",
	    "2017年12月27日 某会议《关于修改<某某法>"), "the next event");
	cr_expect(continues("2014年7月23日 某会议通过 2014年9月26",
	    "日山东省某会议批准"), "the rest of a date");
	cr_expect_not(continues("2013年2月26日 某会议通过", "第一章 总则"),
	    "the body after a closed event");
	cr_expect_not(continues("2009年1月1日 施行", "第一条 为了规范。"));
	cr_expect_not(continues("2013年2月26日 某会议通过", "2024年，我省开展了工作。"),
	    "a paragraph of the body");
}
