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
 * Invariants: one ICU prototype iterator per process (opened once,
 * cloned per segmenter at its first use); the shipped lexicon is parsed
 * once per process and never changes; a user's lexicon belongs to its
 * segmenter.
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
#include "lexicon_data.h"

/* ---- lexicon: a set of UTF-8 strings -------------------------------- */

typedef struct lexicon {
	char *pool;         /* terms, each followed by NUL */
	size_t pool_len, pool_cap;
	uint32_t *slots;    /* pool offset + 1; 0 = empty */
	size_t nslots, count;
	size_t max_cp;      /* longest term in code points */
} lexicon;

static uint64_t
hash_bytes(const char *s, size_t len)
{
	uint64_t h = 1469598103934665603ULL;

	for (size_t i = 0; i < len; i++) {
		h ^= (unsigned char)s[i];
		h *= 1099511628211ULL;
	}
	return h;
}

static bool
lexicon_has(const lexicon *lx, const char *s, size_t len)
{
	size_t i;

	if (lx->count == 0)
		return false;
	i = hash_bytes(s, len) & (lx->nslots - 1);
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
	size_t i = hash_bytes(t, strlen(t)) & (lx->nslots - 1);

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

static pthread_once_t shared_once = PTHREAD_ONCE_INIT;
static lexicon shipped;
static UBreakIterator *prototype;
static UErrorCode prototype_status;

static void
init_shared(void)
{
	UErrorCode st = U_ZERO_ERROR;

	lexicon_add_lines(&shipped, lexicon_data, sizeof lexicon_data - 1);
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
	static const char set[] = "〇○零一二三四五六七八九十百千万亿两壹贰叁肆伍陆柒捌玖拾佰仟";
	char enc[4];
	size_t n = zc_utf8_encode(cp, enc);

	for (size_t i = 0; i + n <= sizeof set - 1; ) {
		size_t adv;

		zc_utf8_decode(set + i, sizeof set - 1 - i, &adv);
		if (adv == n && memcmp(set + i, enc, n) == 0)
			return true;
		i += adv;
	}
	return false;
}

static bool
is_one_of(const char *s, size_t len, const char *const *list)
{
	for (size_t i = 0; list[i] != NULL; i++)
		if (strlen(list[i]) == len && memcmp(list[i], s, len) == 0)
			return true;
	return false;
}

/* Units and measure words that a number takes as part of itself. */
static const char *const units[] = {
	"年", "月", "日", "号", "时", "分", "秒", "点", "周", "天", "岁",
	"小时", "分钟", "个月", "年度", "季度", "世纪", "年代", "周年",
	"个", "家", "项", "条", "款", "章", "节", "次", "人", "名", "位",
	"件", "台", "辆", "吨", "米", "亩", "元", "倍", "份", "批", "所",
	"座", "届", "期", "户", "篇", "部", "场", "类", "种", "支", "架",
	"艘", "例", "册", "本", "张", "只", "套", "间", "层", "栋", "处",
	"克", "斤", "升", "度", "国", "省", "市", "县", "区", "笔", "轮",
	"万元", "亿元", "千元", "百元", "美元", "欧元", "港元", "万人",
	"千米", "公里", "平方米", "平方公里", "公顷", "千克", "公斤",
	"万吨", "毫米", "厘米", "立方米", "千瓦", "兆瓦", "万千瓦",
	"百分点", "个百分点", "人次", "万人次", "户次", "余", "多",
	NULL
};

static const char *const magnitudes[] = {
	"十", "百", "千", "万", "亿", "万亿", "千万", "百万", "十万",
	NULL
};

static const char *const percents[] = { "%", "％", "‰", NULL };

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

/* Pieces p[i..] as text. */
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
 * *has_unit tells whether the unit is there. */
static bool
numerals_unit(const char *t, size_t len, bool *has_unit)
{
	size_t i = 0;

	while (i < len) {
		size_t adv;

		if (!is_han_numeral(zc_utf8_decode(t + i, len - i, &adv)))
			break;
		i += adv;
	}
	*has_unit = i < len;
	return i > 0 && (i == len || is_one_of(t + i, len - i, units));
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
			    &done)) {
				k = 2;
				han = true;
			} else {
				return 0;
			}
		} else if (numerals_unit(t, len, &done)) {
			han = true;
		} else {
			return 0;
		}
	} else {
		return 0;
	}
	/* More numeral pieces (ICU cuts 二〇二四年 and 第三十八条 apart). */
	while (han && !done && k < n && adjacent(&p[k - 1], &p[k]) &&
	    p[k].kind == ZC_WORD_HAN &&
	    numerals_unit(PTEXT(p[k]), PLEN(p[k]), &done))
		k++;
	if (done)
		return k > 1 || ordinal ? k : 0;
	while (k < n && adjacent(&p[k - 1], &p[k]) &&
	    is_one_of(PTEXT(p[k]), PLEN(p[k]), magnitudes))
		k++;
	if (k < n && adjacent(&p[k - 1], &p[k]) &&
	    (is_one_of(PTEXT(p[k]), PLEN(p[k]), percents) ||
	    is_one_of(PTEXT(p[k]), PLEN(p[k]), units)))
		k++;
	/* A lone Chinese numeral that took nothing is ICU's word. */
	if (k == 1 && han && !ordinal)
		return 0;
	return k;
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
	s->words = zc_xgrow(s->words, &s->words_cap, np + 1, sizeof *s->words);
	while (i < np) {
		const zc_word *p = s->pieces + i;
		size_t k, rest = np - i;
		zc_word_kind kind = p->kind;

		if ((k = date_pieces(text, p, rest)) > 0) {
			kind = ZC_WORD_NUMBER;
		} else if ((k = lexicon_pieces(s, text, p, rest)) > 0) {
			kind = ZC_WORD_HAN;
		} else if ((k = number_pieces(text, p, rest)) > 0) {
			if (k > 1 || p->kind == ZC_WORD_HAN) {
				size_t last = i + k - 1;

				kind = s->pieces[last].kind == ZC_WORD_HAN ||
				    p->kind == ZC_WORD_HAN ? ZC_WORD_HAN :
				    ZC_WORD_NUMBER;
			}
		} else {
			k = 1;
		}
		s->words[nw].start = p->start;
		s->words[nw].end = p[k - 1].end;
		s->words[nw].kind = kind;
		nw++;
		i += k;
	}
	*words = s->words;
	*n = nw;
	return ZC_OK;
}
