/*
 * chars.c — the character classes of zc_chars.h.  Upstream of every
 * stage: extract, clean, meta and passage on the ingest side, norm,
 * terms and fieldterm in the scheme both sides share, qparse and the
 * highlighter on the search side ask here, so that a rule about a
 * character is written once.
 *
 * Invariant: no class depends on a locale; only the word rule asks ICU,
 * for the letters and marks of every script.
 */
#include "zc_chars.h"

#include <string.h>

#include <unicode/uchar.h>

bool
zc_chars_is_space(uint32_t cp)
{
	return (cp >= 0x09 && cp <= 0x0D) || cp == ' ' || cp == 0x85 ||
	    cp == 0xA0 || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200A) ||
	    cp == 0x2028 || cp == 0x2029 || cp == 0x202F || cp == 0x205F ||
	    cp == 0x3000;
}

bool
zc_chars_is_query_space(uint32_t cp)
{
	return cp <= 0x20 || (cp >= 0x7F && cp <= 0x9F) ||
	    cp == 0x200B || cp == 0xFEFF || zc_chars_is_space(cp);
}

bool
zc_chars_is_han(uint32_t cp)
{
	return (cp >= 0x4E00 && cp <= 0x9FFF) ||   /* unified */
	    (cp >= 0x3400 && cp <= 0x4DBF) ||      /* extension A */
	    (cp >= 0x20000 && cp <= 0x323AF) ||    /* extensions B-H */
	    (cp >= 0xF900 && cp <= 0xFAFF) ||      /* compatibility */
	    cp == 0x3007;                          /* 〇 */
}

bool
zc_chars_is_word(uint32_t cp)
{
	int8_t t;

	if (cp < 0x80)
		return (cp >= '0' && cp <= '9') || (cp >= 'a' && cp <= 'z') ||
		    (cp >= 'A' && cp <= 'Z');
	if (zc_chars_is_han(cp))
		return false;
	t = u_charType((UChar32)cp);
	return u_isalnum((UChar32)cp) || t == U_NON_SPACING_MARK ||
	    t == U_COMBINING_SPACING_MARK;
}

bool
zc_chars_is_cjk_punct(uint32_t cp)
{
	return (cp >= 0x3001 && cp <= 0x303F) || /* 、。〃〈〉《》「」【】〔〕 */
	    (cp >= 0xFF01 && cp <= 0xFF0F) ||     /* ！＂＃…（）＊＋，－．／ */
	    (cp >= 0xFF1A && cp <= 0xFF20) ||     /* ：；＜＝＞？＠ */
	    (cp >= 0xFF3B && cp <= 0xFF40) || (cp >= 0xFF5B && cp <= 0xFF65) ||
	    (cp >= 0x2010 && cp <= 0x201F) ||     /* ‐–—‘’“” */
	    cp == 0x2026 || cp == 0x00B7 || cp == 0x2022 ||
	    (cp >= 0xFE10 && cp <= 0xFE1F) || (cp >= 0xFE30 && cp <= 0xFE6F);
}

/* ---- spaces that split Chinese text ------------------------------------ */

static bool
is_cjk(uint32_t cp)
{
	return zc_chars_is_han(cp) || zc_chars_is_cjk_punct(cp) ||
	    (cp >= 0xFF10 && cp <= 0xFF19);
}

/* ASCII punctuation that Chinese text uses in place of full-width. */
static bool
is_ascii_cjk_punct(uint32_t cp)
{
	return cp == ',' || cp == ';' || cp == ':' || cp == '!' ||
	    cp == '?' || cp == '(' || cp == ')';
}

static bool
is_number_cp(uint32_t cp)
{
	return (cp >= '0' && cp <= '9') || cp == '%';
}

bool
zc_chars_space_splits(uint32_t a, uint32_t b)
{
	if (is_cjk(a) && is_cjk(b))
		return true;
	if ((zc_chars_is_han(a) && is_number_cp(b)) ||
	    (is_number_cp(a) && zc_chars_is_han(b)))
		return true;
	if ((is_ascii_cjk_punct(a) && is_cjk(b)) ||
	    (is_cjk(a) && is_ascii_cjk_punct(b)))
		return true;
	return false;
}

static void
spaces(const char *s, size_t len, zc_buf *out, bool close_up)
{
	size_t i = 0, adv, start = out->len;
	uint32_t prev = 0;
	bool pending = false;
	char enc[4];

	while (i < len) {
		uint32_t cp = zc_utf8_decode(s + i, len - i, &adv);

		i += adv;
		if (zc_chars_is_space(cp)) {
			pending = out->len > start;
			continue;
		}
		if (pending && !(close_up && zc_chars_space_splits(prev, cp)))
			zc_buf_putc(out, ' ');
		pending = false;
		zc_buf_append(out, enc, zc_utf8_encode(cp, enc));
		prev = cp;
	}
	if (out->data == NULL)
		zc_buf_append(out, "", 0);
}

void
zc_chars_collapse(const char *s, size_t len, zc_buf *out)
{
	spaces(s, len, out, false);
}

void
zc_chars_close_up(const char *s, size_t len, zc_buf *out)
{
	spaces(s, len, out, true);
}

/* ---- numerals ---------------------------------------------------------- */

int
zc_chars_digit(uint32_t cp)
{
	if (cp >= '0' && cp <= '9')
		return (int)(cp - '0');
	if (cp >= 0xFF10 && cp <= 0xFF19)
		return (int)(cp - 0xFF10);
	return -1;
}

static const struct han_numeral {
	uint32_t cp;
	long value;
	bool digit; /* written digit by digit, as in 二〇二四 */
} han_numerals[] = {
	{ 0x3007, 0, true },         /* 〇 */
	{ 0x25CB, 0, true },         /* ○ */
	{ 0x96F6, 0, true },         /* 零 */
	{ 0x4E00, 1, true },         /* 一 */
	{ 0x4E8C, 2, true },         /* 二 */
	{ 0x4E09, 3, true },         /* 三 */
	{ 0x56DB, 4, true },         /* 四 */
	{ 0x4E94, 5, true },         /* 五 */
	{ 0x516D, 6, true },         /* 六 */
	{ 0x4E03, 7, true },         /* 七 */
	{ 0x516B, 8, true },         /* 八 */
	{ 0x4E5D, 9, true },         /* 九 */
	{ 0x4E24, 2, false },        /* 两 */
	{ 0x5341, 10, false },       /* 十 */
	{ 0x5EFF, 20, false },       /* 廿 */
	{ 0x5345, 30, false },       /* 卅 */
	{ 0x767E, 100, false },      /* 百 */
	{ 0x5343, 1000, false },     /* 千 */
	{ 0x4E07, 10000, false },    /* 万 */
	{ 0x4EBF, 100000000, false },/* 亿 */
	{ 0x58F9, 1, true },         /* 壹 */
	{ 0x8D30, 2, true },         /* 贰 */
	{ 0x53C1, 3, true },         /* 叁 */
	{ 0x8086, 4, true },         /* 肆 */
	{ 0x4F0D, 5, true },         /* 伍 */
	{ 0x9646, 6, true },         /* 陆 */
	{ 0x67D2, 7, true },         /* 柒 */
	{ 0x634C, 8, true },         /* 捌 */
	{ 0x7396, 9, true },         /* 玖 */
	{ 0x62FE, 10, false },       /* 拾 */
	{ 0x4F70, 100, false },      /* 佰 */
	{ 0x4EDF, 1000, false },     /* 仟 */
};

static const struct han_numeral *
find_numeral(uint32_t cp)
{
	if (cp < 0x25CB)
		return NULL;
	for (size_t i = 0; i < sizeof han_numerals / sizeof han_numerals[0];
	    i++)
		if (han_numerals[i].cp == cp)
			return &han_numerals[i];
	return NULL;
}

long
zc_chars_han_numeral(uint32_t cp)
{
	const struct han_numeral *n = find_numeral(cp);

	return n != NULL ? n->value : -1;
}

bool
zc_chars_is_han_numeral(uint32_t cp)
{
	return zc_chars_han_numeral(cp) >= 0;
}

int
zc_chars_han_digit(uint32_t cp)
{
	const struct han_numeral *n = find_numeral(cp);

	return n != NULL && n->digit ? (int)n->value : -1;
}

/* ---- folding ----------------------------------------------------------- */

uint32_t
zc_chars_fold_width(uint32_t cp)
{
	if (cp >= 0xFF01 && cp <= 0xFF5E)
		return cp - (0xFF01 - 0x21);
	return cp;
}

uint32_t
zc_chars_fold_bracket(uint32_t cp)
{
	switch (zc_chars_fold_width(cp)) {
	case '(': case '[': case '{': case 0x3010: case 0x3014: case 0x3016:
	case 0xFE5D:
		return 0x3014; /* 〔 */
	case ')': case ']': case '}': case 0x3011: case 0x3015: case 0x3017:
	case 0xFE5E:
		return 0x3015; /* 〕 */
	default:
		return cp;
	}
}

/* ---- cursor ---------------------------------------------------------- */

uint32_t
zc_cursor_peek(const zc_cursor *c, size_t *adv)
{
	if (c->i >= c->len) {
		*adv = 0;
		return 0;
	}
	return zc_utf8_decode(c->s + c->i, c->len - c->i, adv);
}

bool
zc_cursor_accept(zc_cursor *c, uint32_t want)
{
	size_t adv;

	if (zc_cursor_peek(c, &adv) == want) {
		c->i += adv;
		return true;
	}
	return false;
}

void
zc_cursor_skip_space(zc_cursor *c)
{
	size_t adv;

	while (c->i < c->len && zc_chars_is_space(zc_cursor_peek(c, &adv)))
		c->i += adv;
}

int
zc_cursor_number(zc_cursor *c, int max, int *ndigits)
{
	size_t adv;
	int v = 0, n = 0, d;

	while (n < max &&
	    (d = zc_chars_digit(zc_cursor_peek(c, &adv))) >= 0) {
		v = v * 10 + d;
		n++;
		c->i += adv;
	}
	*ndigits = n;
	return n > 0 ? v : -1;
}

bool
zc_chars_opens_book_title(const char *s, size_t len)
{
	size_t opened = 0, closed = 0;

	for (const char *p = s; (p = memmem(p, (size_t)(s + len - p), "《",
	    3)) != NULL; p += 3)
		opened++;
	for (const char *p = s; (p = memmem(p, (size_t)(s + len - p), "》",
	    3)) != NULL; p += 3)
		closed++;
	return opened > closed;
}
