/*
 * segment.c — words of a text (zc_segment.h).  Data flow: normalised
 * passage or query text → here → terms; original lines → here →
 * zcindex --segment.
 *
 * Three passes: ICU's word break iterator cuts the text into pieces
 * (over a UTF-8 UText, so boundaries are byte offsets of the text
 * given); number rules join a number to its unit; the lexicon joins
 * runs of Han pieces that spell a term (longest match first).  Rules
 * only ever join whole ICU pieces, never cut inside one, so every byte
 * but whitespace is in exactly one word.
 *
 * Invariants: one ICU prototype iterator per process (opened at the
 * first segmentation that needs ICU, which a short query never does,
 * and cloned per segmenter); the shipped lexicon is parsed once per
 * process and never changes; a user's lexicon belongs to its segmenter.
 */
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/ubrk.h>
#include <unicode/uchar.h>
#include <unicode/utext.h>

#include "zc_segment.h"
#include "gen/lexicon_data.h"

/* ---- lexicon: a set of UTF-8 strings -------------------------------- */

typedef struct lexicon {
	char *pool;         /* terms, each followed by NUL */
	size_t pool_len, pool_cap;
	uint32_t *slots;    /* pool offset + 1; 0 = empty */
	size_t nslots, count;
	size_t max_cp;      /* longest term in code points */
} lexicon;

static bool
lexicon_has(const lexicon *lx, const char *s, size_t len)
{
	size_t i;

	if (lx->count == 0)
		return false;
	i = zc_hash64(s, len) & (lx->nslots - 1);
	while (lx->slots[i] != 0) {
		const char *t = lx->pool + lx->slots[i] - 1;

		if (strncmp(t, s, len) == 0 && t[len] == '\0')
			return true;
		i = (i + 1) & (lx->nslots - 1);
	}
	return false;
}

static void
lexicon_insert_slot(lexicon *lx, uint32_t off)
{
	const char *t = lx->pool + off - 1;
	size_t i = zc_hash64(t, strlen(t)) & (lx->nslots - 1);

	while (lx->slots[i] != 0)
		i = (i + 1) & (lx->nslots - 1);
	lx->slots[i] = off;
}

static void
lexicon_add(lexicon *lx, const char *s, size_t len)
{
	size_t ncp;

	if (len == 0 || len > 255 || lexicon_has(lx, s, len))
		return;
	if ((lx->count + 1) * 2 > lx->nslots) {
		size_t old = lx->nslots;
		uint32_t *slots = lx->slots;

		lx->nslots = old ? old * 2 : 1024;
		lx->slots = zc_xcalloc(lx->nslots, sizeof *lx->slots);
		for (size_t i = 0; i < old; i++)
			if (slots[i] != 0)
				lexicon_insert_slot(lx, slots[i]);
		free(slots);
	}
	lx->pool = zc_xgrow(lx->pool, &lx->pool_cap, lx->pool_len + len + 1,
	    1);
	memcpy(lx->pool + lx->pool_len, s, len);
	lx->pool[lx->pool_len + len] = '\0';
	lexicon_insert_slot(lx, (uint32_t)lx->pool_len + 1);
	lx->pool_len += len + 1;
	lx->count++;
	ncp = zc_utf8_count(s, len);
	if (ncp > lx->max_cp)
		lx->max_cp = ncp;
}

/* Add every line of text: '#' starts a comment, blanks around a term
 * are ignored. */
static void
lexicon_add_lines(lexicon *lx, const char *text, size_t len)
{
	size_t i = 0;

	while (i < len) {
		size_t start = i, end;
		const char *hash;

		while (i < len && text[i] != '\n')
			i++;
		end = i++;
		hash = memchr(text + start, '#', end - start);
		if (hash != NULL)
			end = (size_t)(hash - text);
		while (start < end && (text[start] == ' ' ||
		    text[start] == '\t'))
			start++;
		while (end > start && (text[end - 1] == ' ' ||
		    text[end - 1] == '\t' || text[end - 1] == '\r'))
			end--;
		lexicon_add(lx, text + start, end - start);
	}
}

static void
lexicon_free(lexicon *lx)
{
	free(lx->pool);
	free(lx->slots);
	memset(lx, 0, sizeof *lx);
}

/* ---- process-wide state --------------------------------------------- */

static bool is_translit(uint32_t cp, bool init);

static pthread_once_t shared_once = PTHREAD_ONCE_INIT;
static pthread_once_t prototype_once = PTHREAD_ONCE_INIT;
static lexicon shipped;
static UBreakIterator *prototype;
static UErrorCode prototype_status;

/* At exit, so that leak checkers see a clean process. */
static void
free_shared(void)
{
	ubrk_close(prototype);
	prototype = NULL;
	lexicon_free(&shipped);
}

static void
init_shared(void)
{
	lexicon_add_lines(&shipped, lexicon_data, sizeof lexicon_data - 1);
	is_translit(0, true);
	atexit(free_shared);
}

/* Opening ICU's iterator loads its rules and CJK dictionary (about a
 * millisecond): only done when some text needs it. */
static void
init_prototype(void)
{
	UErrorCode st = U_ZERO_ERROR;

	prototype = ubrk_open(UBRK_WORD, "zh", NULL, 0, &st);
	prototype_status = st;
}

/* ---- the segmenter --------------------------------------------------- */

struct zc_segmenter {
	UBreakIterator *bi; /* NULL until the first segmentation */
	UText *ut;
	lexicon user;
	bool icu_only;
	zc_word *pieces, *words;
	size_t pieces_cap, words_cap;
};

zc_status
zc_segmenter_new(const char *lexicon_path, zc_segmenter **out,
    zc_error *err)
{
	zc_segmenter *s;

	*out = NULL;
	pthread_once(&shared_once, init_shared);
	s = zc_xcalloc(1, sizeof *s);
	if (lexicon_path != NULL) {
		FILE *f = fopen(lexicon_path, "r");
		zc_buf b = { NULL, 0, 0 };
		char chunk[8192];
		size_t n;
		int saved;

		if (f == NULL) {
			saved = errno;
			zc_segmenter_free(s);
			return zc_fail(err, saved == ENOENT ? ZC_ENOENT : ZC_EIO,
			    "%s: %s", lexicon_path, strerror(saved));
		}
		while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
			zc_buf_append(&b, chunk, n);
		saved = ferror(f) ? errno : 0;
		fclose(f);
		if (saved != 0) {
			zc_buf_free(&b);
			zc_segmenter_free(s);
			return zc_fail(err, ZC_EIO, "%s: %s", lexicon_path,
			    strerror(saved));
		}
		lexicon_add_lines(&s->user, b.data ? b.data : "", b.len);
		zc_buf_free(&b);
	}
	*out = s;
	return ZC_OK;
}

void
zc_segmenter_free(zc_segmenter *s)
{
	if (s == NULL)
		return;
	if (s->bi != NULL)
		ubrk_close(s->bi);
	if (s->ut != NULL)
		utext_close(s->ut);
	lexicon_free(&s->user);
	free(s->pieces);
	free(s->words);
	free(s);
}

void
zc_segmenter_set_icu_only(zc_segmenter *s, bool icu_only)
{
	s->icu_only = icu_only;
}

void
zc_segmenter_add_term(zc_segmenter *s, const char *term, size_t len)
{
	lexicon_add(&s->user, term, len);
}

bool
zc_segmenter_has_term(const zc_segmenter *s, const char *term, size_t len)
{
	return lexicon_has(&shipped, term, len) ||
	    lexicon_has(&s->user, term, len);
}

static size_t
max_term_cp(const zc_segmenter *s)
{
	return shipped.max_cp > s->user.max_cp ? shipped.max_cp :
	    s->user.max_cp;
}

/* ---- character classes of the rules ---------------------------------- */

static bool
is_digit_cp(uint32_t cp)
{
	return (cp >= '0' && cp <= '9') || (cp >= 0xFF10 && cp <= 0xFF19);
}

/* Chinese numerals, including the circle PKU-style text writes for 〇. */
static bool
is_han_numeral(uint32_t cp)
{
	switch (cp) {
	case 0x3007: case 0x25CB: case 0x96F6: /* 〇 ○ 零 */
	case 0x4E00: case 0x4E8C: case 0x4E09: case 0x56DB: case 0x4E94:
	case 0x516D: case 0x4E03: case 0x516B: case 0x4E5D: /* 一 … 九 */
	case 0x5341: case 0x767E: case 0x5343: case 0x4E07: case 0x4EBF:
	case 0x4E24: /* 十 百 千 万 亿 两 */
	case 0x58F9: case 0x8D30: case 0x53C1: case 0x8086: case 0x4F0D:
	case 0x9646: case 0x67D2: case 0x634C: case 0x7396: case 0x62FE:
	case 0x4F70: case 0x4EDF: /* 壹 贰 叁 肆 伍 陆 柒 捌 玖 拾 佰 仟 */
		return true;
	default:
		return false;
	}
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

static const char *const magnitudes[] = {
	"十", "百", "千", "万", "亿", "万亿", "千万", "百万", "十万",
	NULL
};

static const char *const percents[] = { "%", "％", "‰", NULL };
static const char *const minus_signs[] = { "-", "－", "−", NULL };

/* A piece as text (the text is called text everywhere). */
#define PTEXT(p) (text + (p).start)
#define PLEN(p) ((p).end - (p).start)

static bool
adjacent(const zc_word *a, const zc_word *b)
{
	return a->end == b->start;
}

/* ---- particles and affixes ------------------------------------------ */

/* Words with 的 that are words of their own; elsewhere ICU's 新的, 的是
 * are the particle and its neighbour. */
static const char *const de_words[] = {
	"目的", "的确", "有的", "别的", "似的", "的士", "是的", "真的",
	"的话", "端的", "众矢之的", "有的放矢", "无的放矢", NULL
};

/* Words ending in the particles 了 and 着 or in the preposition 在;
 * elsewhere ICU's 有了, 有着, 站在 are a verb and the particle. */
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

/* Characters of transliterated foreign names (克林顿, 拉姆斯菲尔德):
 * ICU's dictionary cuts unknown names into single characters; a run of
 * three or more single characters all from this set is one name. */
static uint32_t translit_cps[200];
static size_t translit_n;

/* init: fill the table (once per process, from init_shared). */
static bool
is_translit(uint32_t cp, bool init)
{
	static const char set[] =
	    "阿埃艾爱安奥巴拜班邦保鲍贝本比彼波伯博布查达戴丹道德登迪蒂丁东"
	    "杜多厄恩法菲费芬丰弗福伏盖戈格贡古圭哈海汉豪赫黑亨洪胡华霍基吉"
	    "加贾杰捷金卡凯坎康考柯科克肯库奎拉莱赖兰朗劳勒雷蕾里利莉列林琳"
	    "卢鲁路伦罗洛马玛迈麦曼梅门蒙米密明莫姆穆纳娜奈南内尼涅宁纽努诺"
	    "欧帕潘庞佩皮普齐奇契乔切琼萨塞桑瑟森沙莎舍圣施什斯松苏索塔泰坦"
	    "汤唐特提汀廷图托瓦旺威韦维温文沃乌西希锡夏谢辛休雅亚扬耶伊因英"
	    "尤约泽扎詹兹佐顿尔夫娃";
	size_t lo = 0, hi;

	if (init) {
		size_t i = 0, k = 0, adv;

		while (i < sizeof set - 1) {
			uint32_t c = zc_utf8_decode(set + i, sizeof set - 1 - i,
			    &adv);
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
		return false;
	}
	hi = translit_n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (translit_cps[mid] < cp)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < translit_n && translit_cps[lo] == cp;
}

/* Suffixes that make a new word of the word before them (现代化,
 * 湖北省, 管理员); the word before must have two characters or more. */
static const char *const suffixes[] = {
	"化", "性", "者", "员", "院", "委", "局", "厅", "省", "市", "县",
	"区", "乡", "镇", "村", "级", "界", "型", "式", "率", "制", "费",
	"税", "权", "馆", "站", "厂", "队", "团", "办", "署", "室", "港",
	NULL
};

/* Prefixes that make one word with a single character after them
 * (全省, 各项, 本报). */
static const char *const prefixes[] = { "全", "各", "本", NULL };

/* Runs of these make one word (——, ……). */
static bool
is_repeating_punct(const char *t, size_t len)
{
	return (len == 3 && (memcmp(t, "—", 3) == 0 ||
	    memcmp(t, "…", 3) == 0 || memcmp(t, "─", 3) == 0)) ||
	    (len == 1 && t[0] == '-');
}

/* Where a rule cuts word w in two: a byte offset strictly inside it,
 * or 0 to leave it whole (no cut falls on the first byte of a text). */
typedef size_t (*cut_rule)(const char *text, const zc_word *w);

/* Cut the words v[0..*n) where rule says, in place; v grows as needed.
 * The words first move to the upper half, so that the pass that writes
 * the result from the start never overtakes the word it reads, and the
 * rule runs once per word. */
static void
cut_words(zc_word **v, size_t *cap, size_t *n, const char *text,
    cut_rule rule)
{
	size_t count = *n, out = 0;

	if (count == 0)
		return;
	*v = zc_xgrow(*v, cap, 2 * count, sizeof **v);
	memmove(*v + count, *v, count * sizeof **v);
	for (size_t i = 0; i < count; i++) {
		zc_word w = (*v)[count + i];
		size_t cut = rule(text, &w);

		if (cut != 0) {
			(*v)[out] = w;
			(*v)[out++].end = cut;
			w.start = cut;
		}
		(*v)[out++] = w;
	}
	*n = out;
}

/* The particle rules: 的 comes off ICU's Han pieces that are not words
 * with 的, 了 / 着 / 在 off those that are not words with them, and an
 * adverb off the verb it modifies. */
static size_t
particle_cut(const char *text, const zc_word *p)
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

/* How many pieces after word p[0..k) an affix rule adds to it. */
static size_t
affix_pieces(const char *text, const zc_word *p, size_t k, size_t n)
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

/* ---- passes ---------------------------------------------------------- */

static zc_word_kind
kind_of_piece(int32_t status, const char *s, size_t len, bool *is_space)
{
	size_t i = 0;

	*is_space = false;
	if (status >= UBRK_WORD_NUMBER && status < UBRK_WORD_NUMBER_LIMIT)
		return ZC_WORD_NUMBER;
	if (status >= UBRK_WORD_LETTER && status < UBRK_WORD_KANA_LIMIT)
		return ZC_WORD_LATIN;
	if (status >= UBRK_WORD_IDEO && status < UBRK_WORD_IDEO_LIMIT)
		return ZC_WORD_HAN;
	*is_space = true;
	while (i < len) {
		size_t adv;
		uint32_t cp = zc_utf8_decode(s + i, len - i, &adv);

		if (!u_isUWhiteSpace((UChar32)cp))
			*is_space = false;
		if (zc_is_han(cp))
			return ZC_WORD_HAN;
		if (u_isalnum((UChar32)cp))
			return ZC_WORD_LATIN;
		i += adv;
	}
	return ZC_WORD_PUNCT;
}

static zc_status
icu_pieces(zc_segmenter *s, const char *text, size_t len, size_t *n,
    zc_error *err)
{
	UErrorCode st = U_ZERO_ERROR;
	int32_t a, b;

	*n = 0;
	if (s->bi == NULL) {
		pthread_once(&prototype_once, init_prototype);
		if (prototype == NULL || U_FAILURE(prototype_status))
			return zc_fail(err, ZC_EICU,
			    "cannot open the word break iterator: %s",
			    u_errorName(prototype_status));
		s->bi = ubrk_clone(prototype, &st);
		if (U_FAILURE(st)) {
			s->bi = NULL;
			return zc_fail(err, ZC_EICU,
			    "cannot clone the word break iterator: %s",
			    u_errorName(st));
		}
	}
	if (len > INT32_MAX)
		return zc_fail(err, ZC_ETOOBIG, "text longer than 2 GiB");
	s->ut = utext_openUTF8(s->ut, text, (int64_t)len, &st);
	if (U_FAILURE(st))
		return zc_fail(err, ZC_EICU, "utext_openUTF8: %s",
		    u_errorName(st));
	ubrk_setUText(s->bi, s->ut, &st);
	if (U_FAILURE(st))
		return zc_fail(err, ZC_EICU, "ubrk_setUText: %s",
		    u_errorName(st));
	a = ubrk_first(s->bi);
	while ((b = ubrk_next(s->bi)) != UBRK_DONE) {
		bool space;
		zc_word_kind k = kind_of_piece(ubrk_getRuleStatus(s->bi),
		    text + a, (size_t)(b - a), &space);

		if (!space) {
			s->pieces = zc_xgrow(s->pieces, &s->pieces_cap, *n + 1,
			    sizeof *s->pieces);
			s->pieces[*n].start = (size_t)a;
			s->pieces[*n].end = (size_t)b;
			s->pieces[*n].kind = k;
			(*n)++;
		}
		a = b;
	}
	return ZC_OK;
}


static bool
is_arabic_number(const char *text, const zc_word *p)
{
	size_t adv;

	return p->kind == ZC_WORD_NUMBER &&
	    is_digit_cp(zc_utf8_decode(PTEXT(*p), PLEN(*p), &adv));
}

/* Length in pieces of an ISO-like date at p[0] (2024-08-12), else 0. */
static size_t
date_pieces(const char *text, const zc_word *p, size_t n)
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

/* Numerals then, optionally, a unit (四年, 十八条: ICU's own words);
 * *has_unit tells whether the unit is there, and is left alone when
 * the piece is something else. */
static bool
numerals_unit(const char *t, size_t len, bool ordinal, bool *has_unit)
{
	size_t i = 0;

	while (i < len) {
		size_t adv;

		if (!is_han_numeral(zc_utf8_decode(t + i, len - i, &adv)))
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

/* Length in pieces of a number with its unit at p[0], else 0: Arabic
 * digits or Chinese numerals (after an optional 第), then magnitudes,
 * then a percent sign or a unit. */
static size_t
number_pieces(const char *text, const zc_word *p, size_t n)
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

/* Length in pieces of a negative number at p[0] (－5, -3.5%), else 0:
 * a minus sign that does not follow a number or a letter (1-3 is a
 * range, A-1 a code) and a number right after it. */
static size_t
signed_number_pieces(const char *text, const zc_word *prev,
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
	k = number_pieces(text, p + 1, n - 1);
	return 1 + (k > 0 ? k : 1);
}

/* Length in pieces of the longest lexicon term at p[0] made of two or
 * more adjacent Han pieces, else 0. */
static size_t
lexicon_pieces(const zc_segmenter *s, const char *text, const zc_word *p,
    size_t n)
{
	size_t maxcp = max_term_cp(s), best = 0, cps = 0, k;

	if (p[0].kind != ZC_WORD_HAN)
		return 0;
	for (k = 0; k < n; k++) {
		if (p[k].kind != ZC_WORD_HAN ||
		    (k > 0 && !adjacent(&p[k - 1], &p[k])))
			break;
		cps += zc_utf8_count(PTEXT(p[k]), PLEN(p[k]));
		if (cps > maxcp)
			break;
		if (k > 0 && zc_segmenter_has_term(s, PTEXT(p[0]),
		    p[k].end - p[0].start))
			best = k + 1;
	}
	return best;
}

static bool
is_translit_piece(const char *text, const zc_word *p)
{
	size_t adv;

	return p->kind == ZC_WORD_HAN && PLEN(*p) == 3 &&
	    is_translit(zc_utf8_decode(PTEXT(*p), 3, &adv), false);
}

/* Length in pieces of a transliterated name at p[0], else 0. */
static size_t
name_pieces(const char *text, const zc_word *p, size_t n)
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
	if (adv != PLEN(*p) || !zc_is_han(cp))
		return false;
	zc_utf8_encode(cp, enc);
	return set == NULL || strstr(set, enc) != NULL;
}

/* Pieces of a given name at p, right after the surname piece before it
 * (0 when there is none). */
static size_t
given_name_pieces(const char *text, const zc_word *prev, const zc_word *p,
    size_t n)
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

/* ---- the pronoun 有的 --------------------------------------------------- */

/* Pieces of the pronoun 有的 ("some") at p: ICU's 有 / 的 at the start of
 * a clause and before a word (有的地方已经开始), where they cannot be the
 * verb and a particle. */
static size_t
youde_pieces(const char *text, const zc_word *prev, const zc_word *p,
    size_t n)
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

/* ---- numerals and measure words ------------------------------------ */

/* One Chinese numeral and a measure word that ICU's dictionary keeps as
 * one word (一年, 三个, 几项): two words, the numeral a word of its own as
 * number_pieces has it for every other Chinese numeral.  Dates and clock
 * times (五月, 一日, 两点) stay whole, and so do words such as 十分 and
 * 一度 whose second character is not a measure word here, and 一个,
 * which the language uses as its indefinite article.  The numbered
 * points of policy text (一是……二是……) are a numeral and 是 as well. */
static const char numerals_alone[] = "一二三四五六七八九十两几";
static const char measure_words[] =
    "年天周次个位条种批项名件片家类份届期场部支张本所座台辆户篇轮人"
    "只套间层处笔句步段章节款例册艘架";

static size_t
numeral_measure_cut(const char *text, const zc_word *w)
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

zc_status
zc_segment(zc_segmenter *s, const char *text, size_t len,
    const zc_word **words, size_t *n, zc_error *err)
{
	size_t np, nw = 0, i = 0;
	zc_status rc;

	*words = NULL;
	*n = 0;
	rc = icu_pieces(s, text, len, &np, err);
	if (rc != ZC_OK)
		return rc;
	if (s->icu_only) {
		*words = s->pieces;
		*n = np;
		return ZC_OK;
	}
	cut_words(&s->pieces, &s->pieces_cap, &np, text, particle_cut);
	s->words = zc_xgrow(s->words, &s->words_cap, np + 1, sizeof *s->words);
	while (i < np) {
		const zc_word *p = s->pieces + i;
		size_t k, rest = np - i;
		zc_word_kind kind = p->kind;

		if ((k = date_pieces(text, p, rest)) > 0) {
			kind = ZC_WORD_NUMBER;
		} else if ((k = name_pieces(text, p, rest)) > 0) {
			kind = ZC_WORD_HAN;
		} else if ((k = given_name_pieces(text, nw > 0 &&
		    i > 0 && s->words[nw - 1].start == p[-1].start &&
		    s->words[nw - 1].end == p[-1].end ? p - 1 : NULL, p,
		    rest)) > 0) {
			kind = ZC_WORD_HAN;
		} else if ((k = youde_pieces(text, i > 0 ? p - 1 : NULL, p,
		    rest)) > 0) {
			kind = ZC_WORD_HAN;
		} else if ((k = lexicon_pieces(s, text, p, rest)) > 0) {
			kind = ZC_WORD_HAN;
		} else if ((k = signed_number_pieces(text, i > 0 ? p - 1 :
		    NULL, p, rest)) > 0 ||
		    (k = number_pieces(text, p, rest)) > 0) {
			if (k > 1 || p->kind == ZC_WORD_HAN) {
				size_t last = i + k - 1;

				kind = s->pieces[last].kind == ZC_WORD_HAN ||
				    p->kind == ZC_WORD_HAN ? ZC_WORD_HAN :
				    ZC_WORD_NUMBER;
			}
		} else if (p->kind == ZC_WORD_PUNCT &&
		    is_repeating_punct(PTEXT(*p), PLEN(*p))) {
			for (k = 1; k < rest && adjacent(&p[k - 1], &p[k]) &&
			    PLEN(p[k]) == PLEN(*p) &&
			    memcmp(PTEXT(p[k]), PTEXT(*p), PLEN(*p)) == 0; k++)
				;
		} else {
			k = 1;
		}
		if (kind == ZC_WORD_HAN)
			k += affix_pieces(text, p, k, rest);
		s->words[nw].start = p->start;
		s->words[nw].end = p[k - 1].end;
		s->words[nw].kind = kind;
		nw++;
		i += k;
	}
	cut_words(&s->words, &s->words_cap, &nw, text, numeral_measure_cut);
	*words = s->words;
	*n = nw;
	return ZC_OK;
}

/* Whether text is one run of at most max Han characters. */
static bool
is_short_han_run(const char *text, size_t len, size_t max)
{
	size_t i = 0, n = 0, adv;

	while (i < len) {
		if (!zc_is_han(zc_utf8_decode(text + i, len - i, &adv)) ||
		    ++n > max)
			return false;
		i += adv;
	}
	return n > 0;
}

zc_status
zc_segment_query(zc_segmenter *s, const char *text, size_t len,
    const zc_word **words, size_t *n, zc_error *err)
{
	if (is_short_han_run(text, len, ZC_SEGMENT_QUERY_RUN) ||
	    (is_short_han_run(text, len, SIZE_MAX) &&
	    zc_segmenter_has_term(s, text, len))) {
		s->words = zc_xgrow(s->words, &s->words_cap, 1,
		    sizeof *s->words);
		s->words[0] = (zc_word){ 0, len, ZC_WORD_HAN };
		*words = s->words;
		*n = 1;
		return ZC_OK;
	}
	return zc_segment(s, text, len, words, n, err);
}
