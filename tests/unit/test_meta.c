/*
 * test_meta.c — metadata: document numbers, and each source of each
 * field with its precedence (label > header > signature), through the
 * whole pipeline on small documents.  The forms of dates are
 * test_dates.c's.
 */
#include <criterion/criterion.h>
#include <string.h>

#include "zc_meta.h"
#include "zc_pipeline.h"

static const struct {
	const char *in;
	bool is;
} doc_nos[] = {
	{ "鄂州发〔2021〕13号", true },
	{ "荆政发〔2021〕1 号", true },
	{ "国发[2014]49号", true },
	{ "鄂科技发（2024）5号", true },
	{ "国办发【2023】12号", true },
	{ "关于鄂州发〔2021〕13号文件的说明", false },
	{ "〔2021〕13号", false },
	{ "鄂州发〔21〕13号", false },
	{ "无", false },
};

Test(meta, document_numbers_are_recognised_only_whole)
{
	for (size_t i = 0; i < sizeof doc_nos / sizeof doc_nos[0]; i++)
		cr_expect_eq(zc_meta_is_doc_no(doc_nos[i].in,
		    strlen(doc_nos[i].in)), doc_nos[i].is, "%s", doc_nos[i].in);
}

#define LAW_2024 \
	"# 中华人民共和国会计法\n\n1985年1月21日 第六届全国人民代表大会常务委员会" \
	"第九次会议通过\n\n1999年10月31日 第九届全国人民代表大会常务委员会第十二" \
	"次会议修订\n\n2024年6月28日 第十四届全国人民代表大会常务委员会第十次会议" \
	"《关于修改〈中华人民共和国会计法〉的决定》第三次修正）\n\n" \
	"<!-- INFO END -->\n\n## 第一章 总 则\n\n第一条 为了规范会计行为，制定本法。\n"
#define REGULATION \
	"# 某某管理条例\n\n2011年1月8日 中华人民共和国国务院令第588号公布\n\n" \
	"2011年3月1日 施行\n\n第一条 正文。\n"
#define TWO_DATES \
	"某某通知\n成文日期：2024年5月6日 发布日期：2024年5月9日\n" \
	"主题分类：工业、交通\\中小企业 时效性：已被修改\n正文。\n"
#define FRONT \
	"---\ntitle: \"关于加强科技创新的通知\"\nbookCollapseSection: true\n" \
	"date: 2024-03-01\npublisher: 湖北省科学技术厅\n---\n\n各市州科技局：\n\n" \
	"现将有关事项通知如下。\n"
#define XML_DOC \
	"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<doc><title>关于印发某办法的" \
	"通知</title><date>2024-05-06</date><publisher>湖北省人民政府</publisher>" \
	"<文号>鄂政发〔2024〕3号</文号><content><p>正文内容。</p></content></doc>\n"

#define FLK \
	"中华人民共和国会计法\n制定机关：全国人民代表大会常务委员会 法律性质：法律\n" \
	"公布日期：2024-06-28 施行日期：2024-07-01 时效性：有效\n第一条 正文。\n"

#define ORDER \
	"国务院关于修改和废止部分行政法规的决定\n\n中华人民共和国国务院令\n" \
	"第752号\n\n《国务院关于修改和废止部分行政法规的决定》已经2022年3月10日国务院" \
	"第166次常务会议通过，现予公布，自2022年5月1日起施行。\n\n总理　李克强\n" \
	"2022年3月29日\n"

#define NOTICE_SENTENCE \
	"国务院办公厅关于做好2024年春节期间有关工作的通知\n\n2024年1月20日，国务院" \
	"常务会议审议通过了有关工作安排，现将有关事项通知如下\n\n一、加强组织领导。" \
	"各地区要高度重视。\n\n国务院办公厅\n2024年1月25日\n"
#define SHORT_NOTE \
	"关于调整办公时间的公告\n自2024年5月1日起，办公时间调整为上午9时至下午5时。\n" \
	"2024年4月28日\n（此件公开发布）\n"
#define TRADITIONAL \
	"發文機關：國務院辦公廳\n成文日期：2024年5月6日\n發布日期：2024年5月9日\n" \
	"時效性：現行有效\n主題分類：工業、交通\\中小企業\n國務院辦公廳關於印發行動方案的通知\n"
#define PUBLIC_INFO \
	"信息名称：国务院办公厅关于印发行动方案的通知\n发布机构：国务院办公厅 生成日期：" \
	"2024-05-06 公开方式：主动公开\n文　　号：国办发〔2024〕23号 有效性：有效\n" \
	"国务院办公厅关于印发行动方案的通知\n"

/* One field of the metadata of a small document. */
static const struct meta_case {
	const char *what;
	const char *name; /* decides the format */
	const char *text;
	zc_field field;
	const char *want; /* NULL: absent */
} cases[] = {
	{ "a plain label line gives the date", "a.txt",
	  "标题行测试文件\n发文日期：2024年2月13日\n正文。\n",
	  ZC_FIELD_DATE, "2024-02-13" },
	{ "a | table gives the index number", "a.txt",
	  "某某通知\n索引号 | 011043145/2025-32703 | 分类 | 科技 |\n正文。\n",
	  ZC_FIELD_INDEX_NO, "011043145/2025-32703" },
	{ "a | table gives the category", "a.txt",
	  "某某通知\n索引号 | 011043145/2025-32703 | 分类 | 科技 |\n正文。\n",
	  ZC_FIELD_CATEGORY, "科技" },
	{ "a spaced label gives the index number", "a.txt",
	  "某某通知\n索 引 号 011043145/2024-32081 分    类 科技\n",
	  ZC_FIELD_INDEX_NO, "011043145/2024-32081" },
	{ "a spaced label gives the validity", "a.txt",
	  "某某通知\n文    号 有 效 性 有效\n", ZC_FIELD_VALIDITY, "有效" },
	{ "an empty 文号 before another label is none", "a.txt",
	  "某某通知\n文    号 有 效 性 有效\n", ZC_FIELD_DOC_NO, NULL },
	{ "文号 无 means none", "a.txt",
	  "某某通知\n文 号 | 无 | 有 效 性 | 有效 |\n正文。\n",
	  ZC_FIELD_DOC_NO, NULL },
	{ "a labelled 文号 is the document's", "a.txt",
	  "某某通知\n文号：鄂科技发〔2024〕5号\n正文。\n",
	  ZC_FIELD_DOC_NO, "鄂科技发〔2024〕5号" },
	{ "a 文号 with spaces is compacted", "a.txt",
	  "某某通知\n发文字号: 荆政发〔2021〕1 号\n", ZC_FIELD_DOC_NO,
	  "荆政发〔2021〕1号" },
	{ "a 文号 cited in the body is not the document's", "a.txt",
	  "关于印发某方案的通知\n\n根据《某某意见》（荆政发〔2021〕1号）精神，"
	  "制定本方案。\n", ZC_FIELD_DOC_NO, NULL },
	{ "a standalone 文号 under the title is the document's", "a.txt",
	  "武汉市人民政府关于加强科技创新的意见\n武政〔2024〕3号\n"
	  "各区人民政府：\n为了加强科技创新，提出如下意见。\n",
	  ZC_FIELD_DOC_NO, "武政〔2024〕3号" },
	{ "a 发布时间: line gives the date", "a.txt",
	  "某某小结\n\n发布时间: 2021-12-10 19:24 发布单位: 来源: 政策法制处\n",
	  ZC_FIELD_DATE, "2021-12-10" },
	{ "an empty 发布单位 gives no issuer of its own", "a.txt",
	  "某某小结\n\n发布时间: 2021-12-10 19:24 发布单位: 来源: 政策法制处\n",
	  ZC_FIELD_ISSUER, "政策法制处" },
	{ "a 落款 gives the issuer", "a.txt",
	  "关于某事的通知\n正文很长的一段话，说明了事情。\n鄂州市科学技术局\n"
	  "2024年2月13日\n", ZC_FIELD_ISSUER, "鄂州市科学技术局" },
	{ "a 落款 gives the date", "a.txt",
	  "关于某事的通知\n正文很长的一段话，说明了事情。\n鄂州市科学技术局\n"
	  "2024年2月13日\n", ZC_FIELD_DATE, "2024-02-13" },
	{ "a 落款 dated in Chinese numerals gives the date", "a.txt",
	  "关于某事的通知\n正文。\n湖北省人民政府办公厅\n二〇二四年二月十三日\n",
	  ZC_FIELD_DATE, "2024-02-13" },
	{ "a 落款 separated by blank lines still counts", "a.txt",
	  "关于某事的通知\n\n正文。\n\n\n湖北省科学技术厅    \n\n"
	  "2024年7月19日       \n", ZC_FIELD_ISSUER, "湖北省科学技术厅" },
	{ "a label date beats the signature date", "a.txt",
	  "某某答复\n发文日期 2024-08-12\n正文。\n湖北省科学技术厅\n"
	  "2024年7月19日\n", ZC_FIELD_DATE, "2024-08-12" },
	{ "a 发布时间 label gives the published date", "a.txt",
	  "某某小结\n发布时间: 2021-12-10\n正文。\n武汉市科学技术局\n"
	  "2021年8月16日\n", ZC_FIELD_PUBLISHED, "2021-12-10" },
	{ "the signature gives the written date", "a.txt",
	  "某某小结\n发布时间: 2021-12-10\n正文。\n武汉市科学技术局\n"
	  "2021年8月16日\n", ZC_FIELD_WRITTEN, "2021-08-16" },
	{ "the date is the written one when both are known", "a.txt",
	  "某某小结\n发布时间: 2021-12-10\n正文。\n武汉市科学技术局\n"
	  "2021年8月16日\n", ZC_FIELD_DATE, "2021-08-16" },
	{ "发布机构 beats the signature", "a.txt",
	  "某某答复\n发布机构 | 湖北省科学技术厅 |\n正文。\n湖北省科技厅\n"
	  "2025年7月30日\n", ZC_FIELD_ISSUER, "湖北省科学技术厅" },
	{ "a signature beats 来源", "a.txt",
	  "某某小结\n来源：政策法制处\n正文。\n武汉市科学技术局\n2021年8月16日\n",
	  ZC_FIELD_ISSUER, "武汉市科学技术局" },
	{ "来源 alone gives the issuer", "a.txt",
	  "某某新闻\n来源：湖北省科学技术厅\n正文。\n", ZC_FIELD_ISSUER,
	  "湖北省科学技术厅" },
	{ "成文日期 beats 发布日期", "a.txt",
	  "某某通知\n发布日期：2024-03-01\n成文日期：2024-02-20\n",
	  ZC_FIELD_DATE, "2024-02-20" },
	{ "a header date line gives the date", "a.txt",
	  "某某行动方案\n\n2022-12-31 00:00\n\n为深入贯彻落实某某精神，制定本方案。\n",
	  ZC_FIELD_DATE, "2022-12-31" },
	{ "a header date line names the issuer after it", "a.txt",
	  "某某答复\n2024-08-12 15:34 湖北省科学技术厅\n正文。\n",
	  ZC_FIELD_ISSUER, "湖北省科学技术厅" },
	{ "a slashed label date is read", "a.txt",
	  "某某通知\n发布日期：2024/8/12\n", ZC_FIELD_DATE, "2024-08-12" },
	{ "a dotted label date is read", "a.txt",
	  "某某通知\n发布日期：2024.08.12\n", ZC_FIELD_DATE, "2024-08-12" },
	{ "a spaced Chinese date is read", "a.txt",
	  "某某通知\n发布日期：2024 年 8 月 12 日\n", ZC_FIELD_DATE,
	  "2024-08-12" },
	{ "an impossible date is no date", "a.txt",
	  "某某通知\n发布日期：2024-02-30\n正文。\n", ZC_FIELD_DATE, NULL },
	{ "a label alone on its line takes the next line", "a.txt",
	  "某某通知\n索引号：\n000014349/2024-00012\n正文。\n",
	  ZC_FIELD_INDEX_NO, "000014349/2024-00012" },
	{ "an empty | cell is no value", "a.txt",
	  "某某通知\n索引号 | | 分类 | 科技 |\n", ZC_FIELD_INDEX_NO, NULL },
	{ "时效性 gives the validity", "a.txt",
	  "某某条例\n时效性：现行有效\n", ZC_FIELD_VALIDITY, "有效" },
	{ "no validity label, no validity", "a.txt",
	  "某某通知\n正文有效期为三年。\n", ZC_FIELD_VALIDITY, NULL },
	{ "分类 inside a sentence is not a label", "a.txt",
	  "某某方案\n分类指导各地完善孵化载体布局，实现协调发展。\n",
	  ZC_FIELD_CATEGORY, NULL },
	{ "the title skips the addressee, the 落款 and notes", "a.txt",
	  "各区科技管理部门:\n现将某方案印发给你们,请认真贯彻落实。\n"
	  "鄂州市科学技术局\n2024年2月13日\n(此件公开发布)\n"
	  "鄂州市科创孵化载体行动方案\n为深入实施创新驱动发展战略，制定本方案。\n",
	  ZC_FIELD_TITLE, "鄂州市科创孵化载体行动方案" },
	{ "a spam suffix leaves the title", "a.txt",
	  "|||计划管理|工作后台 ||\n\n关于某建议的答复-人生就是博尊龙凯时\n\n"
	  "关于某建议的答复\n\n正文。\n", ZC_FIELD_TITLE, "关于某建议的答复" },
	{ "a Markdown heading gives the title", "a.md",
	  "# 中华人民共和国测试法\n\n2009年2月28日 第十一届全国人民代表大会"
	  "常务委员会第七次会议通过\n\n<!-- INFO END -->\n\n第一条 为了测试。\n",
	  ZC_FIELD_TITLE, "中华人民共和国测试法" },
	{ "a law's adoption line gives the date", "a.md",
	  "# 中华人民共和国测试法\n\n2009年2月28日 第十一届全国人民代表大会"
	  "常务委员会第七次会议通过\n\n第一条 为了测试。\n",
	  ZC_FIELD_DATE, "2009-02-28" },
	{ "<meta name=ArticleTitle> gives the title", "a.html",
	  "<html><head><title>站点首页</title>"
	  "<meta name=\"ArticleTitle\" content=\"关于开展科技创新的通知\">"
	  "</head><body><p>正文。</p></body></html>",
	  ZC_FIELD_TITLE, "关于开展科技创新的通知" },
	{ "<meta name=PubDate> gives the date", "a.html",
	  "<html><head><meta name=\"PubDate\" content=\"2024-05-06 10:00\">"
	  "</head><body><p>正文。</p></body></html>",
	  ZC_FIELD_DATE, "2024-05-06" },
	{ "<meta name=ContentSource> gives the issuer", "a.html",
	  "<html><head><meta name=\"ContentSource\" content=\"湖北省科学技术厅\">"
	  "</head><body><p>正文。</p></body></html>",
	  ZC_FIELD_ISSUER, "湖北省科学技术厅" },
	{ "<title> loses its site name", "a.html",
	  "<html><head><title>关于开展科技创新的通知_湖北省人民政府门户网站"
	  "</title></head><body><p>正文内容很长很长，足以成为一个段落。</p>"
	  "</body></html>", ZC_FIELD_TITLE, "关于开展科技创新的通知" },
	{ "an HTML label table gives the index number", "a.html",
	  "<html><body><table><tr><td>索 引 号：</td><td>000014349/2024-00012"
	  "</td><td>主题分类：</td><td>科技</td></tr></table>"
	  "<p>正文。</p></body></html>", ZC_FIELD_INDEX_NO,
	  "000014349/2024-00012" },
	{ "an HTML label table gives the category", "a.html",
	  "<html><body><table><tr><td>索 引 号：</td><td>000014349/2024-00012"
	  "</td><td>主题分类：</td><td>科技</td></tr></table>"
	  "<p>正文。</p></body></html>", ZC_FIELD_CATEGORY, "科技" },
	{ "a body label beats the PubDate tag", "a.html",
	  "<html><head><meta name=\"PubDate\" content=\"2024-05-06\"></head>"
	  "<body><p>发文日期：2024年4月30日</p><p>正文。</p></body></html>",
	  ZC_FIELD_DATE, "2024-04-30" },
	/* issue 16: what an official library files */
	{ "a revised law has the date of its version", "会计法.md",
	  LAW_2024, ZC_FIELD_DATE, "2024-06-28" },
	{ "a revised law was written at its first adoption", "会计法.md",
	  LAW_2024, ZC_FIELD_WRITTEN, "1985-01-21" },
	{ "a law's issuer is the body of its latest line", "会计法.md",
	  LAW_2024, ZC_FIELD_ISSUER, "全国人民代表大会常务委员会" },
	{ "a law is of type 法", "会计法.md", LAW_2024, ZC_FIELD_TYPE, "法" },
	{ "the older version of the law has its own date", "会计法.md",
	  "# 中华人民共和国会计法\n\n1985年1月21日 第六届全国人民代表大会常务"
	  "委员会第九次会议通过\n\n2017年11月4日 第十二届全国人民代表大会常务"
	  "委员会第三十次会议《关于修改<中华人民共和国会计法>等十一部法律的决定》"
	  "第二次修正\n\n## 第一章 总则\n\n第一条 为了规范会计行为，制定本法。\n",
	  ZC_FIELD_DATE, "2017-11-04" },
	{ "a 施行 date is never the version's", "规则.md",
	  "# 人民检察院刑事诉讼规则\n\n2019年12月2日 最高人民检察院第十三届检察"
	  "委员会第二十八次会议通过\n\n2019年12月30日 施行\n\n第一条 正文。\n",
	  ZC_FIELD_DATE, "2019-12-02" },
	{ "a 施行 date is not a publication either", "规则.md",
	  "# 人民检察院刑事诉讼规则\n\n2019年12月2日 最高人民检察院第十三届检察"
	  "委员会第二十八次会议通过\n\n2019年12月30日 施行\n\n第一条 正文。\n",
	  ZC_FIELD_PUBLISHED, NULL },
	{ "the court, not its committee, issues an interpretation", "规则.md",
	  "# 人民检察院刑事诉讼规则\n\n2019年12月2日 最高人民检察院第十三届检察"
	  "委员会第二十八次会议通过\n\n2019年12月30日 施行\n\n第一条 正文。\n",
	  ZC_FIELD_ISSUER, "最高人民检察院" },
	{ "a regulation's 令 number is its 文号", "条例.md", REGULATION,
	  ZC_FIELD_DOC_NO, "中华人民共和国国务院令第588号" },
	{ "a regulation promulgated by 令 was published then", "条例.md",
	  REGULATION, ZC_FIELD_PUBLISHED, "2011-01-08" },
	{ "a regulation amended by a 决定 of the State Council", "条例.md",
	  "# 某某条例\n\n2001年6月15日 中华人民共和国国务院令第306号公布\n\n"
	  "2023年12月11日 《国务院关于修改〈某某条例〉的决定》第三次修订）\n\n"
	  "第一条 正文。\n", ZC_FIELD_ISSUER, "国务院" },
	{ "a wrapped history line is read whole", "条例.md",
	  "# 青岛市某某条例\n\n2013年2月26日 青岛市第十五届人民代表大会常务委员会"
	  "\n\n第九次会议通过\n\n2013年3月29日 山东省第十二届人民代表大会常务"
	  "委员会第一次会议批准\n\n第一条 正文。\n", ZC_FIELD_ISSUER,
	  "山东省人民代表大会常务委员会" },
	{ "a history line cut before its verb", "办法.md",
	  "# 军用标准化管理办法\n\n1984年1月7日 国务院\n\n中央军委发布\n\n"
	  "## 第一章 总则\n\n第一条 正文。\n", ZC_FIELD_WRITTEN, "1984-01-07" },
	{ "an event without its verb on its line", "法.md",
	  "# 某某法\n\n1999年8月30日 某会议通过\n\n2017年12月27日 某会议《关于修改"
	  "<某某法>\n\n<某某法>的决定》修正\n\n## 第一章 总则\n", ZC_FIELD_DATE,
	  "2017-12-27" },
	{ "a date cut by the wrap", "条例.md",
	  "# 某某条例\n\n2014年7月23日 济南市第十五届人民代表大会常务委员会第十五次"
	  "会议通过\n\n2014年9月26\n\n日山东省第十二届人民代表大会常务委员会第十次"
	  "会议批准\n\n## 第一章 总则\n", ZC_FIELD_DATE, "2014-09-26" },
	{ "an event that ends with a full stop", "规定.md",
	  "# 某某规定\n\n2012年12月19日 公安部令第125号发布\n\n2013年1月1日 施行\n\n"
	  "2018年11月25日 公安部令第149号《公安部关于修改〈某某规定〉的决定》第二次"
	  "修正。\n\n## 第一章 总则\n", ZC_FIELD_DOC_NO, "公安部令第149号" },
	{ "a paragraph of the body is no history line", "决议.md",
	  "# 某某决议\n\n2018年9月29日 河南省第十三届人民代表大会常务委员会第六次"
	  "会议通过\n\n2018年5月24日至28日，某某在河南检查时强调，要通过立法。"
	  "生态环境是根基。\n", ZC_FIELD_WRITTEN, "2018-09-29" },
	{ "NPC brackets under the title", "a.txt",
	  "中华人民共和国某某法\n（2021年3月11日第十三届全国人民代表大会第四次"
	  "会议通过）\n第一条 正文。\n", ZC_FIELD_ISSUER, "全国人民代表大会" },
	{ "成文日期 and 发布日期 are two fields: written", "a.txt", TWO_DATES,
	  ZC_FIELD_WRITTEN, "2024-05-06" },
	{ "成文日期 and 发布日期 are two fields: published", "a.txt", TWO_DATES,
	  ZC_FIELD_PUBLISHED, "2024-05-09" },
	{ "成文日期 and 发布日期 are two fields: the date is written", "a.txt",
	  TWO_DATES, ZC_FIELD_DATE, "2024-05-06" },
	{ "a date under the title is the published date", "a.txt",
	  "某某通知\n2024-05-09 10:30\n正文。\n", ZC_FIELD_PUBLISHED,
	  "2024-05-09" },
	{ "with only a published date, the date is that", "a.txt",
	  "某某通知\n2024-05-09 10:30\n正文。\n", ZC_FIELD_DATE, "2024-05-09" },
	{ "主题分类 keeps its levels", "a.txt", TWO_DATES, ZC_FIELD_CATEGORY,
	  "工业、交通\\中小企业" },
	{ "有效性 is normalised", "a.txt", TWO_DATES, ZC_FIELD_VALIDITY,
	  "已修订" },
	{ "an unknown validity stays as the page says it", "a.txt",
	  "某某条例\n时效性：部分失效\n", ZC_FIELD_VALIDITY, "部分失效" },
	{ "a 文种 label", "a.txt", "某某文件\n文种：公告\n正文。\n",
	  ZC_FIELD_TYPE, "公告" },
	{ "the type ends the title before its notes", "a.txt",
	  "某某管理暂行办法（试行）\n正文。\n", ZC_FIELD_TYPE, "办法" },
	{ "a method is no law", "a.txt", "某某指标的计算方法\n正文。\n",
	  ZC_FIELD_TYPE, NULL },
	{ "a title wrapped over two lines is read whole", "a.txt",
	  "湖北省人民政府办公厅关于进一步加强\n科技成果转化工作的通知\n"
	  "鄂政办发〔2024〕12号\n各市、州人民政府：\n现通知如下。\n",
	  ZC_FIELD_TITLE, "湖北省人民政府办公厅关于进一步加强科技成果转化工作的通知" },
	{ "a whole title line is not joined to the next", "a.txt",
	  "关于加强科技创新的通知\n各市州科技局\n现通知如下。\n",
	  ZC_FIELD_TITLE, "关于加强科技创新的通知" },
	{ "an open 《 joins the next line", "a.txt",
	  "关于印发《湖北省支持科技创新\n若干措施》的通知\n各市州：\n现印发。\n",
	  ZC_FIELD_TITLE, "关于印发《湖北省支持科技创新若干措施》的通知" },
	{ "labels in Traditional characters", "a.txt",
	  "某某通知\n發布日期：2024年9月1日\n發文字號：國發〔2024〕5號\n正文。\n",
	  ZC_FIELD_PUBLISHED, "2024-09-01" },
	{ "a Traditional label line is not the title", "a.txt",
	  "發布日期：2024年9月1日\n標題：某某通知\n正文。\n", ZC_FIELD_TITLE,
	  "某某通知" },
	{ "front matter is metadata, not the title", "a.md",
	  "---\nbookCollapseSection: true\nweight: 10\n---\n\n各市州科技局：\n\n"
	  "现将有关事项通知如下。\n", ZC_FIELD_TITLE, NULL },
	{ "front matter gives the title", "a.md", FRONT, ZC_FIELD_TITLE,
	  "关于加强科技创新的通知" },
	{ "front matter gives the date", "a.md", FRONT, ZC_FIELD_PUBLISHED,
	  "2024-03-01" },
	{ "front matter gives the issuer", "a.md", FRONT, ZC_FIELD_ISSUER,
	  "湖北省科学技术厅" },
	{ "an XML <date>", "a.xml", XML_DOC, ZC_FIELD_DATE, "2024-05-06" },
	{ "an XML <publisher>", "a.xml", XML_DOC, ZC_FIELD_ISSUER,
	  "湖北省人民政府" },
	{ "an XML <文号>", "a.xml", XML_DOC, ZC_FIELD_DOC_NO,
	  "鄂政发〔2024〕3号" },
	{ "an XML <title>", "a.xml", XML_DOC, ZC_FIELD_TITLE,
	  "关于印发某办法的通知" },
	{ "a label of no field ends the value before it", "a.txt", FLK,
	  ZC_FIELD_ISSUER, "全国人民代表大会常务委员会" },
	{ "and the labels after it are still read", "a.txt", FLK,
	  ZC_FIELD_VALIDITY, "有效" },
	{ "a 施行日期 label is no publication", "a.txt", FLK,
	  ZC_FIELD_PUBLISHED, "2024-06-28" },
	{ "an order's head gives its number", "a.txt", ORDER, ZC_FIELD_DOC_NO,
	  "中华人民共和国国务院令第752号" },
	{ "an order's head gives its issuer", "a.txt", ORDER, ZC_FIELD_ISSUER,
	  "中华人民共和国国务院" },
	{ "the date that ends a short document is its signature's", "a.txt",
	  ORDER, ZC_FIELD_WRITTEN, "2022-03-29" },
	{ "and not a publication", "a.txt", ORDER, ZC_FIELD_PUBLISHED, NULL },
	/* found in review: sentences and attachments are no history */
	{ "a sentence that starts with a date is no history", "a.txt",
	  NOTICE_SENTENCE, ZC_FIELD_DATE, "2024-01-25" },
	{ "nor the publication of the page", "a.txt", NOTICE_SENTENCE,
	  ZC_FIELD_PUBLISHED, NULL },
	{ "nor does it give the issuer", "a.txt", NOTICE_SENTENCE,
	  ZC_FIELD_ISSUER, "国务院办公厅" },
	{ "the history of a rule attached below a notice is the rule's",
	  "a.txt", "某某省人民政府关于印发某某管理办法的通知\n各市人民政府：\n"
	  "现将《某某管理办法》印发给你们，请认真贯彻执行。\n某某省人民政府\n"
	  "2024年3月10日\n某某管理办法\n（2024年3月1日省人民政府第十次常务会议通过）\n"
	  "第一条　为了加强管理，制定本办法。\n", ZC_FIELD_DATE, "2024-03-10" },
	{ "a wrapped event that ends with a full stop", "a.txt",
	  "中华人民共和国会计法\n1985年1月21日第六届全国人民代表大会常务委员会第九次"
	  "会议通过　根据2024年6月28日第十四届全国人民代表大会常务委员会第十次会议\n"
	  "《关于修改〈中华人民共和国会计法〉的决定》第三次修正。\n第一章　总则\n"
	  "第一条　为了规范会计行为，制定本法。\n", ZC_FIELD_DATE, "2024-06-28" },
	{ "the 令 number starts at the body's name", "a.txt",
	  "某某管理条例\n（2011年1月8日国务院第138次常务会议通过　国务院令第588号"
	  "公布）\n第一条　为了加强管理，制定本条例。\n", ZC_FIELD_DOC_NO,
	  "国务院令第588号" },
	{ "the type of what a wrapped title sends is not its own", "a.txt",
	  "国务院关于印发“十四五”数字经济发展规划\n的通知\n国发〔2021〕29号\n"
	  "各省、自治区、直辖市人民政府：\n现印发。\n", ZC_FIELD_TITLE,
	  "国务院关于印发“十四五”数字经济发展规划的通知" },
	{ "a table of contents is no part of the title", "a.txt",
	  "中华人民共和国民法典\n\n目录\n\n第一编　总则\n", ZC_FIELD_TITLE,
	  "中华人民共和国民法典" },
	{ "a 法典 is a 法", "a.txt", "中华人民共和国民法典\n\n目录\n", ZC_FIELD_TYPE,
	  "法" },
	{ "the 《 left open is the last one", "a.txt",
	  "关于印发《某某管理办法》和《某某管理办法实施细则\n》的通知\n\n各区人民政府：\n"
	  "\n现将办法印发给你们。\n", ZC_FIELD_TYPE, "通知" },
	{ "a person signing is not the title, the order's number is",
	  "a.txt",
	  "中华人民共和国国务院令\n第752号\n\n《国务院关于修改和废止部分行政法规的"
	  "决定》已经2022年3月29日国务院第170次常务会议通过，现予公布。\n\n"
	  "总理　李克强\n2022年3月29日\n", ZC_FIELD_TITLE,
	  "中华人民共和国国务院令第752号" },
	{ "a one-line order", "a.txt", "国家发展和改革委员会令第7号\n\n《某某办法》已经"
	  "审议通过，现予公布。\n\n主任：何立峰\n2017年11月23日\n", ZC_FIELD_DOC_NO,
	  "国家发展和改革委员会令第7号" },
	{ "a notice's head with its number in brackets", "a.txt",
	  "某某省人民代表大会常务委员会公告\n（第15号）\n某某省数据条例\n"
	  "《某某省数据条例》已于2024年3月28日通过，现予公布。\n", ZC_FIELD_DOC_NO,
	  "某某省人民代表大会常务委员会公告第15号" },
	{ "a date alone in brackets is a dateline", "a.txt",
	  "在全省经济工作会议上的讲话\n（2024年1月5日）\n同志们：\n今天召开会议。\n",
	  ZC_FIELD_WRITTEN, "2024-01-05" },
	{ "with the place too", "a.txt",
	  "李强在2024年夏季达沃斯论坛开幕式上的致辞\n（2024年6月25日，大连）\n"
	  "尊敬的各位来宾：\n大家好。\n", ZC_FIELD_WRITTEN, "2024-06-25" },
	{ "labels run together", "a.txt",
	  "国务院关于某某的通知\n发文机关：国务院发文字号：国发〔2024〕5号\n"
	  "成文日期：2024年02月20日发布日期：2024年02月26日\n各省：现通知如下。\n",
	  ZC_FIELD_DOC_NO, "国发〔2024〕5号" },
	{ "a date in the body after the salutation is no publication",
	  "a.txt", "关于召开全省安全生产工作会议的通知\n各市应急管理局：\n一、会议时间\n"
	  "2024年3月15日上午9:00\n二、会议地点\n省政府第一会议室\n某某省应急管理厅\n"
	  "2024年3月1日\n", ZC_FIELD_PUBLISHED, NULL },
	{ "nor a history line", "a.txt", "关于公布名单的通知\n各市：\n一、时间安排\n"
	  "2024年3月20日 完成审核并公布\n某某省工业和信息化厅\n2024年3月1日\n",
	  ZC_FIELD_DATE, "2024-03-01" },
	{ "a breadcrumb is no title", "a.txt", "首页 > 政务公开 > 政策文件\n"
	  "某某关于推进数字政府建设的实施意见\n正文。\n", ZC_FIELD_TITLE,
	  "某某关于推进数字政府建设的实施意见" },
	{ "a masthead is no title", "a.txt", "某某省人民政府文件\n某政发〔2024〕1号\n"
	  "某某省人民政府关于加强某某工作的通知\n各市人民政府：\n正文。\n",
	  ZC_FIELD_TITLE, "某某省人民政府关于加强某某工作的通知" },
	{ "执法 is no law", "a.txt", "关于进一步加强安全生产监管执法\n工作的意见\n"
	  "各区：\n正文。\n", ZC_FIELD_TITLE, "关于进一步加强安全生产监管执法工作的意见" },
	{ "a 文号 before its 签发人", "a.txt",
	  "某某市人民政府\n某政发〔2024〕1号　签发人：张三\n关于某某工作的请示\n"
	  "省人民政府：\n正文。\n", ZC_FIELD_DOC_NO, "某政发〔2024〕1号" },
	{ "and the title under it", "a.txt",
	  "某某市人民政府\n某政发〔2024〕1号　签发人：张三\n关于某某工作的请示\n"
	  "省人民政府：\n正文。\n", ZC_FIELD_TITLE, "关于某某工作的请示" },
	{ "a title wrapped over three lines inside 《", "a.txt",
	  "关于印发《某某省推进\n新型工业化实施方案\n（2024—2027年）》的通知\n"
	  "各市人民政府：\n现将方案印发给你们。\n", ZC_FIELD_TITLE,
	  "关于印发《某某省推进新型工业化实施方案（2024—2027年）》的通知" },
	/* third review */
	{ "a title split under its issuer's line is read whole", "a.txt",
	  "某某省人民政府文件\n\n某政发〔2024〕8号\n\n某某省人民政府\n"
	  "关于加快推进新型工业化的实施意见\n\n各市、县（区）人民政府：\n\n正文。\n",
	  ZC_FIELD_TITLE, "某某省人民政府关于加快推进新型工业化的实施意见" },
	{ "a ministry's order numbered by year", "a.txt",
	  "中华人民共和国交通运输部令\n2024年第5号\n\n　　《某某办法》已于2024年3月20日经"
	  "第6次部务会议通过，现予公布。\n\n部长　李小鹏\n2024年3月28日\n",
	  ZC_FIELD_DOC_NO, "中华人民共和国交通运输部令2024年第5号" },
	{ "a copy number is no title", "a.txt",
	  "000123\n特急\n某某省人民政府办公厅文件\n某政办明电〔2023〕45号\n\n"
	  "某某省人民政府办公厅\n关于做好2024年元旦春节期间有关工作的通知\n\n各市：\n正文。\n",
	  ZC_FIELD_TYPE, "通知" },
	{ "a site's name is no part of the title", "a.txt",
	  "某某市人民政府门户网站\n当前位置：首页>>政务公开>>部门文件\n"
	  "关于开展2024年度既有住宅加装电梯补助申报工作的通知\n各区住房和城乡建设局：\n正文。\n",
	  ZC_FIELD_TITLE, "关于开展2024年度既有住宅加装电梯补助申报工作的通知" },
	{ "a 文号 after the 签发人", "a.txt",
	  "某某省人力资源和社会保障厅\n关于省十四届人大二次会议第1088号代表建议的答复函\n"
	  "签发人：李某　　　　某人社函〔2024〕56号\n王某某代表：\n正文。\n",
	  ZC_FIELD_DOC_NO, "某人社函〔2024〕56号" },
	{ "the history of a law under the notice that publishes it", "a.txt",
	  "某某省人民代表大会常务委员会公告\n（第 28 号）\n　　《某某省优化营商环境条例》已由"
	  "某某省第十四届人民代表大会常务委员会第九次会议于2024年5月30日通过，现予公布。\n"
	  "某某省人民代表大会常务委员会\n2024年5月31日\n\n某某省优化营商环境条例\n"
	  "（2024年5月30日某某省第十四届人民代表大会常务委员会第九次会议通过）\n"
	  "第一章　总　则\n", ZC_FIELD_DATE, "2024-05-30" },
	{ "a court's notice head is no title", "a.txt",
	  "最高人民法院公告\n　　《最高人民法院关于某某问题的解释》已于2024年6月3日由"
	  "最高人民法院审判委员会第1922次会议通过，现予公布。\n最高人民法院\n"
	  "2024年6月24日\n法释〔2024〕6号\n最高人民法院关于某某问题的解释\n"
	  "（2024年6月3日最高人民法院审判委员会第1922次会议通过）\n", ZC_FIELD_TYPE,
	  "解释" },
	{ "名称 labels the title", "a.txt",
	  "名　　称：某某县人民政府关于划定禁止养殖区域的通告\n正文。\n", ZC_FIELD_TITLE,
	  "某某县人民政府关于划定禁止养殖区域的通告" },
	{ "a call for comments has no 文种", "a.txt",
	  "关于《某某规则（征求意见稿）》公开征求意见\n正文。\n", ZC_FIELD_TYPE, NULL },
	{ "a news agency is no issuer", "a.txt",
	  "中共中央办公厅国务院办公厅印发《关于某某的意见》\n来源：新华社\n正文。\n",
	  ZC_FIELD_ISSUER, NULL },
	{ "a crawler's date deep in XML is no field", "a.xml",
	  "<?xml version=\"1.0\"?>\n<document><meta><crawl><date>2025-02-01</date>"
	  "</crawl></meta><title>关于做好某某工作的通知</title></document>\n",
	  ZC_FIELD_PUBLISHED, NULL },
	{ "a date over a note in brackets is the signature's", "a.txt",
	  SHORT_NOTE, ZC_FIELD_WRITTEN, "2024-04-28" },
	{ "and not a publication", "a.txt", SHORT_NOTE, ZC_FIELD_PUBLISHED,
	  NULL },
	{ "a Traditional validity is normalised", "a.txt", TRADITIONAL,
	  ZC_FIELD_VALIDITY, "有效" },
	{ "發文機關 names the issuer", "a.txt", TRADITIONAL, ZC_FIELD_ISSUER,
	  "國務院辦公廳" },
	{ "信息名称 names the title", "a.txt", PUBLIC_INFO, ZC_FIELD_TITLE,
	  "国务院办公厅关于印发行动方案的通知" },
	{ "生成日期 is the written date", "a.txt", PUBLIC_INFO,
	  ZC_FIELD_WRITTEN, "2024-05-06" },
	{ "a rule, text and a rule are no front matter", "a.md",
	  "---\n\n# 关于印发某某办法的通知\n\n各区人民政府：\n\n---\n\n附件：某某办法\n",
	  ZC_FIELD_TITLE, "关于印发某某办法的通知" },
	{ "an XML <header> is no HTML", "a.xml",
	  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<policy>\n<header><title>关于"
	  "印发某某办法的通知</title><date>2024-03-01</date><publisher>某某市人民政府"
	  "</publisher></header>\n<content>现将办法印发给你们。</content>\n</policy>\n",
	  ZC_FIELD_ISSUER, "某某市人民政府" },
	{ "a URL is no issuer", "a.xml",
	  "<?xml version=\"1.0\"?>\n<doc><title>某某通知</title><source>http://www."
	  "gov.cn/a.htm</source><publisher>国务院办公厅</publisher></doc>\n",
	  ZC_FIELD_ISSUER, "国务院办公厅" },
	{ "a work report's dateline", "a.txt",
	  "政府工作报告\n——2024年3月5日在第十四届全国人民代表大会第二次会议上\n"
	  "国务院总理 李强\n各位代表：\n现在，我代表国务院，向大会报告政府工作。\n",
	  ZC_FIELD_DATE, "2024-03-05" },
	{ "a document without metadata has no date", "a.txt",
	  "随便写的一段话，没有任何元数据。\n", ZC_FIELD_DATE, NULL },
	{ "a document without metadata has no issuer", "a.txt",
	  "随便写的一段话，没有任何元数据。\n", ZC_FIELD_ISSUER, NULL },
};

Test(meta, every_source_of_every_field)
{
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		const struct meta_case *c = &cases[i];
		zc_doc doc;
		zc_error err = { 0 };
		const char *got;

		cr_assert_eq(zc_pipeline_load_bytes(c->name, c->text,
		    strlen(c->text), &doc, &err), ZC_OK, "%s: %s", c->what,
		    err.msg);
		got = doc.meta.value[c->field];
		if (c->want == NULL)
			cr_expect_null(got, "%s: got %s", c->what, got);
		else if (got == NULL)
			cr_expect(0, "%s: got null", c->what);
		else
			cr_expect_str_eq(got, c->want, "%s", c->what);
		zc_doc_free(&doc);
	}
}

/* A line that carries metadata stays searchable, as a passage of its
 * own: merged with its neighbours, its text would run into theirs (an
 * exact 科技正文 would match across two lines). */
Test(meta, label_lines_are_passages_of_their_own)
{
	const char *text = "某某通知\n索 引 号 011043145/2024-32081 分 类 科技\n"
	    "正文第一段，内容足够长，成为一个独立的段落。\n鄂政发〔2024〕5号\n"
	    "第二段，也足够长，成为一个独立的段落，不与文号相连。\n";
	static const struct { const char *text; unsigned line; } want[] = {
		{ "某某通知", 1 },
		{ "索引号011043145/2024-32081分类科技", 2 },
		{ "正文第一段，内容足够长，成为一个独立的段落。", 3 },
		{ "鄂政发〔2024〕5号", 4 },
		{ "第二段，也足够长，成为一个独立的段落，不与文号相连。", 5 },
	};
	zc_doc doc;
	zc_error err = { 0 };

	cr_assert_eq(zc_pipeline_load_bytes("a.txt", text, strlen(text), &doc,
	    &err), ZC_OK);
	cr_expect_str_eq(doc.meta.value[ZC_FIELD_INDEX_NO],
	    "011043145/2024-32081");
	cr_expect_str_eq(doc.meta.value[ZC_FIELD_DOC_NO], "鄂政发〔2024〕5号");
	cr_assert_eq(doc.n_passages, 5);
	for (size_t i = 0; i < 5; i++) {
		cr_expect_str_eq(doc.passages[i].text, want[i].text);
		cr_expect_eq(doc.passages[i].line, want[i].line, "%s",
		    want[i].text);
	}
	zc_doc_free(&doc);
}
