/*
 * segrules.c — the rules that make words of ICU's pieces (zc_segrules.h):
 * what the language and the PKU segmentation standard say that ICU's
 * dictionary does not.  Data flow: ICU's pieces (segment.c) → the
 * particle cut → the join rules, first match wins → the numeral and
 * measure word cut → words (segment.c).
 *
 * Each rule sits next to the word list it reads, under one comment that
 * says what fact of the language it encodes.  Rules read pieces as byte
 * ranges of the text and only ever report where to cut or how many
 * pieces to join; they never change the text.
 *
 * Invariant: the transliteration table is filled once per process
 * (zc_segrules_init) before any rule runs; every other table is const.
 */
#include "zc_segrules.h"

#include <pthread.h>
#include <stdint.h>
#include <string.h>

#include "zc_chars.h"

/* ---- what the rules read --------------------------------------------- */

static bool
is_digit_cp(uint32_t cp)
{
	return zc_chars_digit(cp) >= 0;
}

static bool
is_one_of(const char *s, size_t len, const char *const *list)
{
	if (len == 0)
		return false;
	for (size_t i = 0; list[i] != NULL; i++)
		if (list[i][0] == s[0] && strncmp(list[i], s, len) == 0 &&
		    list[i][len] == '\0')
			return true;
	return false;
}

/* A piece as text (the text is called text in every rule). */
#define PTEXT(p) (text + (p).start)
#define PLEN(p) ((p).end - (p).start)

static bool
adjacent(const zc_word *a, const zc_word *b)
{
	return a->end == b->start;
}

static bool
is_arabic_number(const char *text, const zc_word *p)
{
	size_t adv;

	return p->kind == ZC_WORD_NUMBER &&
	    is_digit_cp(zc_utf8_decode(PTEXT(*p), PLEN(*p), &adv));
}

/* Whether piece p is one Han character found in the set. */
static bool
single_in(const char *text, const zc_word *p, const char *set)
{
	size_t adv;
	uint32_t cp;
	char enc[5] = {0};

	if (p->kind != ZC_WORD_HAN)
		return false;
	cp = zc_utf8_decode(PTEXT(*p), PLEN(*p), &adv);
	if (adv != PLEN(*p) || !zc_chars_is_han(cp))
		return false;
	zc_utf8_encode(cp, enc);
	return set == NULL || strstr(set, enc) != NULL;
}

/* ---- particles: cut -------------------------------------------------- */

/* The particle 的, the aspect particles 了 and 着 and the preposition 在
 * are words of their own in the PKU standard; ICU's dictionary keeps
 * them with their neighbour (新的, 的是, 有了, 有着, 站在).  The lists
 * below are the words that do contain them. */

/* Words with 的. */
static const char *const de_words[] = {
	"目的", "的确", "有的", "别的", "似的", "的士", "是的", "真的",
	"的话", "端的", "众矢之的", "有的放矢", "无的放矢", NULL
};

/* Words ending in the particles 了 and 着 or in the preposition 在. */
static const char *const le_words[] = {
	"为了", "除了", "罢了", "算了", "极了", "得了", "不了", "终了",
	"了了", "受不了", "了不得", "免不了", "少不了", "大不了", "未了",
	NULL
};
static const char *const zhe_words[] = {
	"接着", "随着", "意味着", "沿着", "本着", "朝着", "向着", "顺着",
	"照着", "紧接着", "跟着", "为着", "执着", "穿着", "衣着", "沉着",
	"显着", "附着", "土着", "着着", NULL
};
static const char *const zai_words[] = {
	"现在", "存在", "正在", "实在", "所在", "内在", "外在", "潜在",
	"自在", "好在", "旨在", "在在", "不在", "健在", "何在", "无所不在",
	"无处不在", "意在", NULL
};

/* An adverb and the verb or adjective it modifies, which ICU's
 * dictionary keeps as one word: two words (也 / 是, 不 / 能).  Modal
 * verbs (不得 of every law, 不会, 不要), superlatives that dictionaries
 * list (最高 of 最高人民法院, 最多, 最好) and the connectives 还有 and
 * 还要 stay whole. */
static const char *const adverb_verbs[] = {
	"也是", "都是", "就是", "才是", "更是", "又是", "正是", "也有",
	"都有", "就有", "也要", "都要", "就要", "更要", "不能", "最大",
	"更大", "更多", "更好", "更高", "很大", "很多", "很好", "很高",
	"也不", "都不", "就不", "也能", "都能", "就能",
	NULL
};

size_t
zc_segrules_cut_particle(const char *text, const zc_word *p)
{
	const char *t = PTEXT(*p);
	size_t len = PLEN(*p);

	if (p->kind != ZC_WORD_HAN || len <= 3 || is_one_of(t, len, de_words))
		return 0;
	if (len == 6 && is_one_of(t, len, adverb_verbs))
		return p->start + 3;
	if ((memcmp(t + len - 3, "了", 3) == 0 &&
	    !is_one_of(t, len, le_words)) ||
	    (memcmp(t + len - 3, "着", 3) == 0 &&
	    !is_one_of(t, len, zhe_words)) ||
	    (memcmp(t + len - 3, "在", 3) == 0 &&
	    !is_one_of(t, len, zai_words)) ||
	    memcmp(t + len - 3, "的", 3) == 0)
		return p->end - 3;
	if (memcmp(t, "的", 3) == 0)
		return p->start + 3;
	return 0;
}

/* ---- dates ----------------------------------------------------------- */

/* A date written with digits and one separator, year first (2024-08-12,
 * 2024/8/12), is one thing to a reader; ICU cuts it at the separators. */
size_t
zc_segrules_join_date(const char *text, const zc_word *p, size_t n)
{
	if (n < 5 || !is_arabic_number(text, &p[0]) || PLEN(p[0]) != 4)
		return 0;
	for (size_t k = 1; k < 5; k++)
		if (!adjacent(&p[k - 1], &p[k]))
			return 0;
	if (PLEN(p[1]) != 1 || PLEN(p[3]) != 1 ||
	    PTEXT(p[1])[0] != PTEXT(p[3])[0] ||
	    (PTEXT(p[1])[0] != '-' && PTEXT(p[1])[0] != '/'))
		return 0;
	if (!is_arabic_number(text, &p[2]) || PLEN(p[2]) > 2 ||
	    !is_arabic_number(text, &p[4]) || PLEN(p[4]) > 2)
		return 0;
	return 5;
}

/* ---- transliterated foreign names ------------------------------------ */

/* Foreign names are written with a small set of characters chosen for
 * their sound (克林顿, 拉姆斯菲尔德); ICU's dictionary cuts an unknown one
 * into single characters.  A run of three or more single characters
 * all from this set is one name. */
static const char translit_set[] =
    "阿埃艾爱安奥巴拜班邦保鲍贝本比彼波伯博布查达戴丹道德登迪蒂丁东"
    "杜多厄恩法菲费芬丰弗福伏盖戈格贡古圭哈海汉豪赫黑亨洪胡华霍基吉"
    "加贾杰捷金卡凯坎康考柯科克肯库奎拉莱赖兰朗劳勒雷蕾里利莉列林琳"
    "卢鲁路伦罗洛马玛迈麦曼梅门蒙米密明莫姆穆纳娜奈南内尼涅宁纽努诺"
    "欧帕潘庞佩皮普齐奇契乔切琼萨塞桑瑟森沙莎舍圣施什斯松苏索塔泰坦"
    "汤唐特提汀廷图托瓦旺威韦维温文沃乌西希锡夏谢辛休雅亚扬耶伊因英"
    "尤约泽扎詹兹佐顿尔夫娃";

/* translit_set's code points in order, for a binary search. */
static uint32_t translit_cps[200];
static size_t translit_n;
static pthread_once_t translit_once = PTHREAD_ONCE_INIT;

static void
sort_translit(void)
{
	size_t i = 0, k = 0, adv;

	while (i < sizeof translit_set - 1) {
		uint32_t c = zc_utf8_decode(translit_set + i,
		    sizeof translit_set - 1 - i, &adv);
		size_t j = k;

		while (j > 0 && translit_cps[j - 1] > c) {
			translit_cps[j] = translit_cps[j - 1];
			j--;
		}
		translit_cps[j] = c;
		k++;
		i += adv;
	}
	translit_n = k;
}

void
zc_segrules_init(void)
{
	pthread_once(&translit_once, sort_translit);
}

static bool
is_translit(uint32_t cp)
{
	return zc_u32_sorted_has(translit_cps, translit_n, cp);
}

static bool
is_translit_piece(const char *text, const zc_word *p)
{
	size_t adv;

	return p->kind == ZC_WORD_HAN && PLEN(*p) == 3 &&
	    is_translit(zc_utf8_decode(PTEXT(*p), 3, &adv));
}

size_t
zc_segrules_join_foreign_name(const char *text, const zc_word *p, size_t n)
{
	size_t k = 0;

	while (k < n && is_translit_piece(text, &p[k]) &&
	    (k == 0 || adjacent(&p[k - 1], &p[k])))
		k++;
	return k >= 3 ? k : 0;
}

/* ---- Chinese personal names ------------------------------------------ */

/* ICU knows few names and cuts an unknown one into characters:
 * 江/泽/民.  After a one-character piece that is a common surname, one or
 * two following one-character pieces make the given name (江 泽民), as
 * the PKU convention and a reader have it, unless one of them is a
 * function character (王 和 李 stays three words). */
static const char surnames[] =
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾"
    "肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦"
    "付方邹孟熊秦邱江尹薛闫段雷侯龙陶黎贺顾毛郝龚邵钱严覃戴莫孔汤";
static const char function_chars[] =
    "的了在和与及是为等对把被将从向以于就都又还很不没而或之其这那个说到"
    "要会能有无也已并且但却则即所着过给让使由自同跟比更最再才只每各该"
    "如若因此些啊吗呢吧年月日时分省市县区镇乡村";

size_t
zc_segrules_join_given_name(const char *text, const zc_word *prev,
    const zc_word *p, size_t n)
{
	size_t k = 0;

	if (prev == NULL || !adjacent(prev, p) ||
	    !single_in(text, prev, surnames))
		return 0;
	while (k < n && k < 2 && (k == 0 || adjacent(&p[k - 1], &p[k])) &&
	    single_in(text, &p[k], NULL) &&
	    !single_in(text, &p[k], function_chars))
		k++;
	/* a third single character: not a name the rule can tell */
	if (k == 2 && k < n && adjacent(&p[1], &p[2]) &&
	    single_in(text, &p[2], NULL))
		return 0;
	return k == 2 ? k : 0;
}

/* ---- the pronoun 有的 ------------------------------------------------ */

/* 有的 at the start of a clause and before a word (有的地方已经开始) is
 * the pronoun "some", one word; ICU's 有 / 的 there cannot be the verb
 * and a particle. */
size_t
zc_segrules_join_youde(const char *text, const zc_word *prev,
    const zc_word *p, size_t n)
{
	if (n < 3 || !adjacent(&p[0], &p[1]) || !adjacent(&p[1], &p[2]) ||
	    p[2].kind != ZC_WORD_HAN || !single_in(text, &p[0], "有") ||
	    !single_in(text, &p[1], "的"))
		return 0;
	if (prev != NULL && adjacent(prev, &p[0]) &&
	    prev->kind != ZC_WORD_PUNCT)
		return 0;
	return 2;
}

/* ---- lexicon terms --------------------------------------------------- */

/* Policy text names its programmes and institutions with compounds that
 * ICU's general dictionary splits (科技 / 企业 / 孵化器); readers search
 * them as one thing.  The longest term of the lexicon (zc_lexicon.h)
 * made of two or more adjacent Han pieces is one word. */
size_t
zc_segrules_join_term(const zc_lexicon *lx, const char *text,
    const zc_word *p, size_t n)
{
	size_t maxcp = zc_lexicon_max_cp(lx), best = 0, cps = 0, k;

	if (p[0].kind != ZC_WORD_HAN)
		return 0;
	for (k = 0; k < n; k++) {
		if (p[k].kind != ZC_WORD_HAN ||
		    (k > 0 && !adjacent(&p[k - 1], &p[k])))
			break;
		cps += zc_utf8_count(PTEXT(p[k]), PLEN(p[k]));
		if (cps > maxcp)
			break;
		if (k > 0 && zc_lexicon_has(lx, PTEXT(p[0]),
		    p[k].end - p[0].start))
			best = k + 1;
	}
	return best;
}

/* ---- numbers with their units ---------------------------------------- */

/* A number with its unit or measure word is one word in the PKU
 * standard and one thing to a reader (2024年, 250家, 70.3%, 7194.48万元,
 * 二〇二四年, 第三十八条); ICU cuts it apart. */

/* Units of dates and times: every number takes them (2024年,
 * 二〇二四年, 三十一日). */
static const char *const time_units[] = {
	"年", "月", "日", "号", "时", "分", "秒", NULL
};

/* Units and measure words that an Arabic number (250家, 7194.48万元)
 * takes as part of itself; a plain Chinese numeral does not (一 / 种,
 * 三 / 个: the numeral is a word of its own, as in common segmentation
 * standards). */
static const char *const units[] = {
	"年", "月", "日", "号", "时", "分", "秒", "点", "周", "天", "岁",
	"小时", "分钟", "个月", "年度", "季度", "世纪", "年代", "周年",
	"家", "项", "条", "款", "章", "节", "次", "人", "名", "位",
	"件", "台", "辆", "吨", "米", "亩", "元", "倍", "份", "批", "所",
	"座", "届", "期", "户", "篇", "部", "场", "类", "种", "支", "架",
	"艘", "例", "册", "本", "张", "只", "套", "间", "层", "栋", "处",
	"克", "斤", "升", "度", "国", "省", "市", "县", "区", "笔", "轮",
	"万元", "亿元", "千元", "百元", "美元", "欧元", "港元", "万人",
	"千米", "公里", "平方米", "平方公里", "公顷", "千克", "公斤",
	"万吨", "毫米", "厘米", "立方米", "千瓦", "兆瓦", "万千瓦",
	"百分点", "个百分点", "人次", "万人次", "户次",
	NULL
};

/* Units an ordinal takes as part of itself: those by which laws and
 * congresses are cited (第三十八条, 第二款, 第十四届), which readers
 * search as one thing.  Other ordinals stay apart from their measure
 * word (第一 / 次, 第一 / 天). */
static const char *const citation_units[] = {
	"条", "款", "项", "章", "节", "编", "目", "届", NULL
};

/* Magnitudes, part of the number they follow (3.5万, 12亿). */
static const char *const magnitudes[] = {
	"十", "百", "千", "万", "亿", "万亿", "千万", "百万", "十万",
	NULL
};

static const char *const percents[] = { "%", "％", "‰", NULL };
static const char *const minus_signs[] = { "-", "－", "−", NULL };

/* Numerals then, optionally, a unit (四年, 十八条: ICU's own words);
 * *has_unit tells whether the unit is there, and is left alone when
 * the piece is something else. */
static bool
numerals_unit(const char *t, size_t len, bool ordinal, bool *has_unit)
{
	size_t i = 0;

	while (i < len) {
		size_t adv;

		if (!zc_chars_is_han_numeral(zc_utf8_decode(t + i, len - i,
		    &adv)))
			break;
		i += adv;
	}
	if (i == 0 || (i < len &&
	    !is_one_of(t + i, len - i,
	    ordinal ? citation_units : time_units)))
		return false;
	*has_unit = i < len;
	return true;
}

/* Arabic digits or Chinese numerals (after an optional 第), then
 * magnitudes, then a percent sign or a unit. */
size_t
zc_segrules_join_number(const char *text, const zc_word *p, size_t n)
{
	size_t k = 0;
	bool han = false, ordinal = false, done = false;

	if (is_arabic_number(text, &p[0])) {
		k = 1;
	} else if (p[0].kind == ZC_WORD_HAN) {
		const char *t = PTEXT(p[0]);
		size_t len = PLEN(p[0]);

		if (len >= 3 && memcmp(t, "第", 3) == 0) {
			ordinal = true;
			t += 3;
			len -= 3;
		}
		k = 1;
		if (len == 0) { /* 第 alone: numerals must follow */
			if (n < 2 || !adjacent(&p[0], &p[1]))
				return 0;
			if (is_arabic_number(text, &p[1])) {
				k = 2;
			} else if (numerals_unit(PTEXT(p[1]), PLEN(p[1]),
			    true, &done)) {
				k = 2;
				han = true;
			} else {
				return 0;
			}
		} else if (numerals_unit(t, len, ordinal, &done)) {
			han = true;
		} else {
			return 0;
		}
	} else {
		return 0;
	}
	/* More numeral pieces (ICU cuts 二〇二四年 and 第三十八条 apart). */
	while (han && !done && k < n && adjacent(&p[k - 1], &p[k]) &&
	    p[k].kind != ZC_WORD_NUMBER && p[k].kind != ZC_WORD_LATIN &&
	    numerals_unit(PTEXT(p[k]), PLEN(p[k]), ordinal, &done))
		k++;
	if (done)
		return k > 1 || ordinal ? k : 0;
	while (k < n && adjacent(&p[k - 1], &p[k]) &&
	    is_one_of(PTEXT(p[k]), PLEN(p[k]), magnitudes))
		k++;
	if (k < n && adjacent(&p[k - 1], &p[k]) &&
	    (is_one_of(PTEXT(p[k]), PLEN(p[k]), percents) ||
	    is_one_of(PTEXT(p[k]), PLEN(p[k]),
	    ordinal ? citation_units : han ? time_units : units)))
		k++;
	/* A lone Chinese numeral that took nothing is ICU's word. */
	if (k == 1 && han && !ordinal)
		return 0;
	return k;
}

/* A negative number (－5, -3.5%) is one word: a minus sign that does not
 * follow a number or a letter (1-3 is a range, A-1 a code) and a number
 * right after it. */
size_t
zc_segrules_join_signed_number(const char *text, const zc_word *prev,
    const zc_word *p, size_t n)
{
	size_t k;

	if (n < 2 || p[0].kind != ZC_WORD_PUNCT || !adjacent(&p[0], &p[1]) ||
	    !is_arabic_number(text, &p[1]) ||
	    !is_one_of(PTEXT(p[0]), PLEN(p[0]), minus_signs))
		return 0;
	if (prev != NULL && adjacent(prev, &p[0]) &&
	    (prev->kind == ZC_WORD_NUMBER || prev->kind == ZC_WORD_LATIN))
		return 0;
	k = zc_segrules_join_number(text, p + 1, n - 1);
	return 1 + (k > 0 ? k : 1);
}

/* ---- repeated punctuation -------------------------------------------- */

/* The Chinese dash and ellipsis are each written as two characters
 * (——, ……) and are one mark; so are the runs of box-drawing lines (───)
 * and of hyphens (---) that text writes in their place. */
static bool
is_repeating_punct(const char *t, size_t len)
{
	return (len == 3 && (memcmp(t, "—", 3) == 0 ||
	    memcmp(t, "…", 3) == 0 || memcmp(t, "─", 3) == 0)) ||
	    (len == 1 && t[0] == '-');
}

size_t
zc_segrules_join_repeats(const char *text, const zc_word *p, size_t n)
{
	size_t k;

	if (p->kind != ZC_WORD_PUNCT || !is_repeating_punct(PTEXT(*p),
	    PLEN(*p)))
		return 0;
	for (k = 1; k < n && adjacent(&p[k - 1], &p[k]) &&
	    PLEN(p[k]) == PLEN(*p) &&
	    memcmp(PTEXT(p[k]), PTEXT(*p), PLEN(*p)) == 0; k++)
		;
	return k;
}

/* ---- affixes --------------------------------------------------------- */

/* A productive suffix makes a new word of the word before it (现代化,
 * 湖北省, 管理员), and a determiner prefix one word with the single
 * character after it (全省, 各项, 本报); ICU's dictionary lists only some
 * of these words and cuts the rest. */

/* Suffixes; the word before must have two characters or more. */
static const char *const suffixes[] = {
	"化", "性", "者", "员", "院", "委", "局", "厅", "省", "市", "县",
	"区", "乡", "镇", "村", "级", "界", "型", "式", "率", "制", "费",
	"税", "权", "馆", "站", "厂", "队", "团", "办", "署", "室", "港",
	NULL
};

static const char *const prefixes[] = { "全", "各", "本", NULL };

size_t
zc_segrules_join_affix(const char *text, const zc_word *p, size_t k,
    size_t n)
{
	const zc_word *last = &p[k - 1], *next = &p[k];

	if (k >= n || !adjacent(last, next) || p[0].kind != ZC_WORD_HAN ||
	    next->kind != ZC_WORD_HAN || PLEN(*next) != 3)
		return 0;
	if (last->end - p[0].start >= 6 &&
	    is_one_of(PTEXT(*next), 3, suffixes) &&
	    !(k + 1 < n && adjacent(next, &p[k + 1]) &&
	    p[k + 1].kind == ZC_WORD_HAN && PLEN(p[k + 1]) == 3))
		return 1;
	if (k == 1 && PLEN(p[0]) == 3 && is_one_of(PTEXT(p[0]), 3, prefixes))
		return 1;
	return 0;
}

/* ---- numerals and measure words: cut --------------------------------- */

/* One Chinese numeral and a measure word that ICU's dictionary keeps as
 * one word (一年, 三个, 几项): two words, the numeral a word of its own as
 * zc_segrules_join_number has it for every other Chinese numeral.
 * Dates and clock times (五月, 一日, 两点) stay whole, and so do words
 * such as 十分 and 一度 whose second character is not a measure word
 * here, and 一个, which the language uses as its indefinite article.
 * The numbered points of policy text (一是……二是……) are a numeral and 是
 * as well. */
static const char numerals_alone[] = "一二三四五六七八九十两几";
static const char measure_words[] =
    "年天周次个位条种批项名件片家类份届期场部支张本所座台辆户篇轮人"
    "只套间层处笔句步段章节款例册艘架";

size_t
zc_segrules_cut_numeral_measure(const char *text, const zc_word *w)
{
	zc_word first = *w, second = *w;

	if (w->kind != ZC_WORD_HAN || w->end - w->start != 6)
		return 0;
	first.end = second.start = w->start + 3;
	if (memcmp(text + w->start, "一个", 6) == 0)
		return 0;
	return single_in(text, &first, numerals_alone) &&
	    (single_in(text, &second, measure_words) ||
	    single_in(text, &second, "是")) ? w->start + 3 : 0;
}
