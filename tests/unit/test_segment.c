/*
 * test_segment.c — the segmenter: policy sentences from the seeds and the
 * laws corpus pinned word by word, the number and date rules, the
 * lexicon (shipped and a user's), and the guarantee that words cover
 * every character but whitespace.
 */
#include <criterion/criterion.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "zc_segment.h"

/* Words of text joined with '|'; malloc'd. */
static char *
seg_join(zc_segmenter *s, const char *text)
{
	zc_error err = {0};
	const zc_word *w;
	size_t n;
	zc_buf b = { NULL, 0, 0 };

	cr_assert_eq(zc_segment(s, text, strlen(text), &w, &n, &err), ZC_OK,
	    "%s", err.msg);
	for (size_t i = 0; i < n; i++) {
		if (i > 0)
			zc_buf_putc(&b, '|');
		zc_buf_append(&b, text + w[i].start, w[i].end - w[i].start);
	}
	return b.data ? zc_buf_steal(&b) : zc_xstrdup("");
}

static zc_segmenter *
new_seg(const char *lexicon)
{
	zc_segmenter *s;
	zc_error err = {0};

	cr_assert_eq(zc_segmenter_new(lexicon, &s, &err), ZC_OK, "%s",
	    err.msg);
	return s;
}

/* A text and its words as seg_join prints them. */
typedef struct seg_case {
	const char *text, *words;
} seg_case;

/* Expect every case of the table to segment as written. */
static void
expect_cases(const seg_case *cases, size_t n)
{
	zc_segmenter *s = new_seg(NULL);

	for (size_t i = 0; i < n; i++) {
		char *got = seg_join(s, cases[i].text);

		cr_expect_str_eq(got, cases[i].words, "%s", cases[i].text);
		free(got);
	}
	zc_segmenter_free(s);
}

static const seg_case sentences[] = {
	{ "经开区科技创新三年行动方案",
	    "经开区|科技创新|三|年|行动|方案" },
	{ "为深入贯彻落实党的二十大精神",
	    "为|深入|贯彻|落实|党的二十大|精神" },
	{ "高新技术企业达到200家以上",
	    "高新技术企业|达到|200家|以上" },
	{ "科技型中小企业每年净增70家以上",
	    "科技型中小企业|每年|净增|70家|以上" },
	{ "到2025年，达到如下发展目标",
	    "到|2025年|，|达到|如下|发展|目标" },
	{ "本条例自2024年1月1日起施行",
	    "本|条例|自|2024年|1月|1日|起|施行" },
	{ "第三十八条 违反本条例规定的，由县级以上人民政府责令改正",
	    "第三十八条|违反|本|条例|规定|的|，|由|县级以上|人民政府|责令|改正" },
	{ "研发投入占比达到70.3%",
	    "研发投入|占比|达到|70.3%" },
	{ "安排专项资金7194.48万元",
	    "安排|专项资金|7194.48万元" },
	{ "二〇二四年二月十三日",
	    "二〇二四年|二月|十三日" },
	{ "加快建设科技企业孵化器和众创空间",
	    "加快|建设|科技企业孵化器|和|众创空间" },
	{ "支持知识产权质押融资",
	    "支持|知识产权质押融资" },
	{ "培育专精特新中小企业",
	    "培育|专精特新|中小企业" },
	{ "推进疫情防控常态化",
	    "推进|疫情防控|常态化" },
	{ "个人所得税和增值税",
	    "个人所得税|和|增值税" },
	{ "印发《关于加快推进科技创新的意见》",
	    "印发|《|关于|加快|推进|科技创新|的|意见|》" },
	{ "依法追究刑事责任",
	    "依法|追究|刑事责任" },
	{ "监护人应当履行监护职责",
	    "监护人|应当|履行|监护|职责" },
	{ "消费者的合法权益受法律保护",
	    "消费者|的|合法权益|受|法律|保护" },
	{ "建立健全社会信用体系",
	    "建立|健全|社会信用体系" },
	{ "优化营商环境",
	    "优化|营商环境" },
	{ "实施乡村振兴战略",
	    "实施|乡村振兴|战略" },
	{ "推动高质量发展",
	    "推动|高质量发展" },
	{ "国务院办公厅关于印发的通知",
	    "国务院办公厅|关于|印发|的|通知" },
	{ "各级人民政府应当加强领导",
	    "各级|人民政府|应当|加强|领导" },
	{ "省人民政府发展改革部门负责",
	    "省|人民政府|发展|改革|部门|负责" },
	{ "培育壮大新兴产业集群",
	    "培育|壮大|新兴产业|集群" },
	{ "提升自主创新能力",
	    "提升|自主|创新|能力" },
	{ "开展招商引资活动",
	    "开展|招商引资|活动" },
	{ "完善社会保障体系",
	    "完善|社会保障|体系" },
	{ "鼓励科技成果转化",
	    "鼓励|科技成果转化" },
	{ "落实研发费用加计扣除政策",
	    "落实|研发费用加计扣除|政策" },
	{ "发文日期为2024-08-12",
	    "发文|日期|为|2024-08-12" },
	{ "增长12.5%以上",
	    "增长|12.5%|以上" },
	{ "第5条规定",
	    "第5条|规定" },
	{ "他们有着共同的目标",
	    "他们|有|着|共同|的|目标" },
	{ "企业站在新的起点",
	    "企业|站|在|新|的|起点" },
	{ "我们也是参与者",
	    "我们|也|是|参与者" },
	{ "任何单位和个人不得擅自改变用途",
	    "任何|单位|和|个人|不得|擅自|改变|用途" },
	{ "最高人民法院", "最高人民法院" },
	{ "拒不改正的，并处没收违法所得",
	    "拒不|改正|的|，|并处|没收|违法所得" },
	{ "申请人应当如实提供有关材料",
	    "申请人|应当|如实|提供|有关|材料" },
	{ "有的地方已经开始试点",
	    "有的|地方|已经|开始|试点" },
	{ "一是加强组织领导，二是强化政策支持",
	    "一|是|加强|组织|领导|，|二|是|强化|政策|支持" },
	{ "所有的企业", "所有|的|企业" },
	{ "具有的条件，有的", "具有|的|条件|，|有|的" },
	{ "建设现代化产业体系",
	    "建设|现代化|产业|体系" },
	{ "湖北省科学技术厅",
	    "湖北省|科学技术厅" },
	{ "克林顿访问了中国",
	    "克林顿|访问|了|中国" },
	{ "新发展理念深入人心",
	    "新发展理念|深入人心" },
	{ "二○○一年新年贺词",
	    "二○○一年|新年|贺词" },
};

Test(segment, policy_sentences_segment_as_pinned)
{
	cr_assert_geq(sizeof sentences / sizeof sentences[0], 40);
	expect_cases(sentences, sizeof sentences / sizeof sentences[0]);
}

static const seg_case numbers[] = {
	{ "2024年", "2024年" },
	{ "250家", "250家" },
	{ "70.3%", "70.3%" },
	{ "70.3％", "70.3％" },
	{ "7194.48万元", "7194.48万元" },
	{ "二〇二四年", "二〇二四年" },
	{ "二○○一年", "二○○一年" },
	{ "三十一日", "三十一日" },
	{ "第三十八条", "第三十八条" },
	{ "第5条", "第5条" },
	{ "2024-08-12", "2024-08-12" },
	{ "1万亿", "1万亿" },
	{ "2024年2月13日", "2024年|2月|13日" },
	{ "３个", "３|个" },
	{ "一种", "一|种" },
	{ "一年内完成整改", "一|年|内|完成|整改" },
	{ "几个方面", "几|个|方面" },
	{ "两项制度", "两|项|制度" },
	{ "一个项目", "一个|项目" },
	{ "十分重要", "十分|重要" },
	{ "五月一日起施行", "五月|一日|起|施行" },
	{ "一九九九年", "一九九九年" },
	{ "二○○○年的", "二○○○年|的" },
	{ "第二款规定", "第二款|规定" },
	{ "第十九次全国代表大会", "第十九|次|全国|代表|大会" },
	{ "气温－5℃", "气温|－5|℃" },
	{ "增长-3.5%", "增长|-3.5%" },
	{ "1-3", "1|-|3" },
	{ "A-1", "A|-|1" },
	{ "——", "——" },
};

Test(segment, numbers_take_their_units)
{
	expect_cases(numbers, sizeof numbers / sizeof numbers[0]);
}

/* ICU cuts an unknown name into characters; a surname and two single
 * characters after it are surname and given name. */
static const seg_case names[] = {
	{ "江泽民主席会见了代表", "江|泽民|主席|会见|了|代表" },
	{ "国家主席江泽民", "国家|主席|江|泽民" },
	{ "王和李都来了", "王|和|李|都|来|了" },
	{ "李鹏总理", "李|鹏|总理" },
};

Test(segment, a_surname_and_two_single_characters_are_a_name)
{
	expect_cases(names, sizeof names / sizeof names[0]);
}

Test(segment, icu_only_mode_has_no_rules)
{
	zc_segmenter *s = new_seg(NULL);
	char *got;

	zc_segmenter_set_icu_only(s, true);
	got = seg_join(s, "科技企业孵化器达到250家");
	cr_expect_str_eq(got, "科技|企业|孵化器|达到|250|家");
	free(got);
	zc_segmenter_free(s);
}

Test(segment, shipped_lexicon_joins_what_icu_splits)
{
	zc_segmenter *s = new_seg(NULL);
	char *got = seg_join(s, "科技企业孵化器");

	cr_expect_str_eq(got, "科技企业孵化器");
	free(got);
	cr_expect(zc_segmenter_has_term(s, "专精特新", strlen("专精特新")));
	cr_expect(!zc_segmenter_has_term(s, "专精", strlen("专精")));
	zc_segmenter_free(s);
}

Test(segment, a_users_lexicon_adds_terms)
{
	char path[] = "/tmp/zc-test-lexicon-XXXXXX";
	int fd = mkstemp(path);
	FILE *f;
	zc_segmenter *s;
	char *got;

	cr_assert_geq(fd, 0);
	f = fdopen(fd, "w");
	fputs("# comment\n  沃壤行动  \r\n\n企业孵化 # trailing\n", f);
	fclose(f);
	s = new_seg(path);
	unlink(path);
	got = seg_join(s, "开展沃壤行动");
	cr_expect_str_eq(got, "开展|沃壤行动");
	free(got);
	cr_expect(zc_segmenter_has_term(s, "企业孵化", strlen("企业孵化")));
	zc_segmenter_free(s);
}

Test(segment, a_missing_lexicon_is_an_error)
{
	zc_segmenter *s = NULL;
	zc_error err = {0};

	cr_expect_eq(zc_segmenter_new("/nonexistent/lexicon.txt", &s, &err),
	    ZC_ENOENT);
	cr_expect_null(s);
	cr_expect_neq(strstr(err.msg, "/nonexistent/lexicon.txt"), NULL);
}

Test(segment, words_cover_every_character_but_whitespace)
{
	static const char *texts[] = {
		"科技 创新\t治理\n体系", "Hello, World! 5G基站", "",
		"\xff\xfe无效字节", "a　b", "。。。",
	};
	zc_segmenter *s = new_seg(NULL);

	for (size_t t = 0; t < sizeof texts / sizeof texts[0]; t++) {
		const char *text = texts[t];
		size_t len = strlen(text), at = 0, n;
		const zc_word *w;
		zc_error err = {0};

		cr_assert_eq(zc_segment(s, text, len, &w, &n, &err), ZC_OK);
		for (size_t i = 0; i < n; i++) {
			for (; at < w[i].start; at++)
				cr_expect(strchr(" \t\n", text[at]) != NULL ||
				    (unsigned char)text[at] >= 0x80,
				    "%s: gap at %zu", text, at);
			cr_expect_lt(w[i].start, w[i].end);
			at = w[i].end;
		}
		cr_expect_leq(at, len);
	}
	zc_segmenter_free(s);
}
