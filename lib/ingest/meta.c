/*
 * meta.c — the metadata stage (zc_meta.h): cleaned lines → fields.
 *
 * Every source proposes candidates with a strength; the strongest wins
 * and ties go to the first seen, so the precedence (docs/design.md: label >
 * header > signature) is one table of numbers, not an order of calls.
 * Invariants: dates are ISO or absent; no value is taken from running
 * text (a cited 文号 or a date inside a sentence is never a field).
 */
#include "zc_meta.h"

#include <ctype.h>
#include <stdio.h>
#include <stdint.h>
#include <stdlib.h>
#include <pthread.h>
#include <string.h>

#include "zc_chars.h"
#include "zc_dates.h"
#include "zc_fieldterm.h"
#include "zc_history.h"
#include "zc_norm.h"

/* Strengths of the sources. */
enum {
	S_LABEL = 90,      /* 发文日期: …, 发布机构 | … */
	S_HISTORY = 85,    /* a law's 通过 / 修正 / 公布 lines */
	S_LABEL_WEAK = 80, /* 发布时间: … (when the page has no 发布日期) */
	S_TAG_TITLE = 80,  /* <meta name=ArticleTitle> */
	S_HEADING = 75,    /* # title, <h1> */
	S_SIGN_ISSUER = 70,/* 落款 organisation */
	S_TAG = 65,        /* <meta name=PubDate …> */
	S_HEADER = 60,     /* the date line, 文号 line, title line */
	S_SOURCE = 50,     /* 来源: … */
	S_TITLE_TAG = 45,  /* <title> */
	S_SIGN_DATE = 40,  /* 落款 date */
	S_FILE_DATE = 10,  /* the day the file was made (its properties) */
	S_ORDER_TITLE = 5  /* an order's number, when nothing else titles it */
};

typedef struct cands {
	int score[ZC_FIELD_COUNT];
	char *value[ZC_FIELD_COUNT];
} cands;

/* Propose value (NULL: an explicit "none") for f with strength score. */
static void
propose(cands *c, zc_field f, int score, const char *value)
{
	if (score <= c->score[f])
		return;
	free(c->value[f]);
	c->value[f] = value != NULL ? zc_xstrdup(value) : NULL;
	c->score[f] = score;
}

/* ---- reading --------------------------------------------------------- */

/* ---- document numbers ------------------------------------------------ */

bool
zc_meta_is_doc_no(const char *s, size_t len)
{
	zc_cursor c = { s, len, 0 };
	size_t adv;
	int han = 0, n;

	zc_cursor_skip_space(&c);
	while (zc_chars_is_han(zc_cursor_peek(&c, &adv)) && han < 16) {
		c.i += adv;
		han++;
	}
	if (han == 0 ||
	    zc_chars_fold_bracket(zc_cursor_peek(&c, &adv)) != 0x3014)
		return false;
	c.i += adv;
	zc_cursor_skip_space(&c);
	if (zc_cursor_number(&c, 4, &n) < 0 || n != 4)
		return false;
	zc_cursor_skip_space(&c);
	if (zc_chars_fold_bracket(zc_cursor_peek(&c, &adv)) != 0x3015)
		return false;
	c.i += adv;
	zc_cursor_skip_space(&c);
	if (zc_cursor_number(&c, 6, &n) < 0)
		return false;
	zc_cursor_skip_space(&c);
	if (!zc_cursor_accept(&c, 0x53F7)) /* 号 */
		return false;
	zc_cursor_skip_space(&c);
	return c.i == len;
}

/* ---- labels ---------------------------------------------------------- */

/* The labels of every field (zc_fields.h), each weighed as a source. */
static struct label {
	const char *name;
	zc_field field;
	int score;
} *labels;
static size_t n_labels, cap_labels;
static pthread_once_t labels_once = PTHREAD_ONCE_INIT;

static void
init_labels(void)
{
	static const int base[] = { [ZC_LABEL_NAMES] = S_LABEL,
	    [ZC_LABEL_WEAK] = S_LABEL_WEAK, [ZC_LABEL_SOURCE] = S_SOURCE };

	for (int f = 0; f < ZC_FIELD_COUNT; f++)
		for (const zc_field_label *l = zc_fields[f].labels;
		    l->word != NULL; l++) {
			labels = zc_xgrow(labels, &cap_labels, n_labels + 1,
			    sizeof *labels);
			labels[n_labels++] = (struct label){ l->word,
			    (zc_field)f, base[l->kind] + l->rank };
		}
}

/* Match label name at s[i..len), single spaces allowed between its
 * characters (索 引 号), Traditional characters read as Simplified; the
 * end offset, or 0. */
static size_t
match_name(const char *s, size_t len, size_t i, const char *name)
{
	size_t nlen = strlen(name), k = 0, adv, adv2;

	while (k < nlen) {
		uint32_t want = zc_utf8_decode(name + k, nlen - k, &adv);
		uint32_t got;

		if (k > 0)
			while (i < len && zc_chars_is_space(zc_utf8_decode(s + i,
			    len - i, &adv2)))
				i += adv2;
		if (i >= len)
			return 0;
		/* 發布日期 is 发布日期: Big5 pages label in Traditional */
		got = zc_norm_t2s(zc_utf8_decode(s + i, len - i, &adv2));
		if (got != want)
			return 0;
		i += adv2;
		k += adv;
	}
	return i;
}

/* A label at s[i]: it must stand at a boundary and be followed by a
 * separator, the end or another label; *end gets the offset after it. */
static const struct label *
label_at(const char *s, size_t len, size_t i, size_t *end)
{
	pthread_once(&labels_once, init_labels);
	for (size_t k = 0; k < n_labels; k++) {
		size_t e = match_name(s, len, i, labels[k].name), adv;
		uint32_t next;

		if (e == 0)
			continue;
		next = e < len ? zc_utf8_decode(s + e, len - e, &adv) : 0;
		if (next == 0 || zc_chars_is_space(next) || next == ':' ||
		    next == 0xFF1A || next == '|') {
			*end = e;
			return &labels[k];
		}
	}
	return NULL;
}

static bool
at_boundary(const char *s, size_t i)
{
	return i == 0 || s[i - 1] == '|' ||
	    zc_chars_is_space(zc_utf8_last(s, i));
}

/* A label that names no field of ours at s[i]: 2 to 8 Han characters
 * and a colon (法律性质：, 施行日期：). */
static bool
foreign_label_at(const char *s, size_t len, size_t i)
{
	size_t adv, han = 0;
	uint32_t cp;

	while (i < len && zc_chars_is_han(cp = zc_utf8_decode(s + i, len - i,
	    &adv)) && han <= 8) {
		i += adv;
		han++;
	}
	if (han < 2 || han > 8 || i >= len)
		return false;
	cp = zc_utf8_decode(s + i, len - i, &adv);
	return cp == ':' || cp == 0xFF1A;
}

static bool
colon_at(const char *s, size_t len, size_t i)
{
	return i < len && (s[i] == ':' || (len - i >= 3 &&
	    memcmp(s + i, "：", 3) == 0));
}

/* Skip spaces, one colon and one bar after a label. */
static size_t
skip_label_sep(const char *s, size_t len, size_t i, bool *bar)
{
	size_t adv;

	*bar = false;
	for (;;) {
		uint32_t cp = i < len ? zc_utf8_decode(s + i, len - i, &adv) : 0;

		if (cp == 0)
			return i;
		if (zc_chars_is_space(cp) || cp == ':' || cp == 0xFF1A) {
			i += adv;
		} else if (cp == '|' && !*bar) {
			*bar = true;
			i += adv;
		} else {
			return i;
		}
	}
}

static bool
is_none_value(const char *v)
{
	static const char *const none[] = { "无", "暂无", "无文号", "-", "/",
	    "—", "－", "——", "null", "NULL", "空", NULL };

	for (int i = 0; none[i] != NULL; i++)
		if (strcmp(v, none[i]) == 0)
			return true;
	return false;
}

/* Normalise a raw label value for field f; NULL when it is unusable.
 * *none is set when the value says explicitly that there is none. */
static char *
field_value(zc_field f, const char *v, size_t len, bool *none)
{
	zc_buf b = { 0 };
	char iso[11];
	const char *canonical;
	char *out;

	*none = false;
	zc_chars_close_up(v, len, &b);
	while (b.len > 0 && (b.data[b.len - 1] == '|' ||
	    b.data[b.len - 1] == ' '))
		b.data[--b.len] = '\0';
	if (b.len == 0 || is_none_value(b.data)) {
		*none = b.len > 0 && zc_fields[f].kind != ZC_FK_DATE;
		zc_buf_free(&b);
		return NULL;
	}
	if (zc_utf8_count(b.data, b.len) > 120) {
		zc_buf_free(&b);
		return NULL;
	}
	if (zc_fields[f].kind == ZC_FK_DATE) {
		bool ok = zc_dates_scan_day(b.data, b.len, iso) > 0;

		zc_buf_free(&b);
		return ok ? zc_xstrdup(iso) : NULL;
	}
	if (f == ZC_FIELD_VALIDITY &&
	    (canonical = zc_fieldterm_validity(b.data, b.len)) != NULL) {
		zc_buf_free(&b);
		return zc_xstrdup(canonical);
	}
	if (f == ZC_FIELD_INDEX_NO || f == ZC_FIELD_DOC_NO) {
		size_t j = 0;

		for (size_t i = 0; i < b.len; i++)
			if (b.data[i] != ' ')
				b.data[j++] = b.data[i];
		b.len = j;
		b.data[j] = '\0';
	}
	out = zc_buf_steal(&b);
	return out;
}

/* A news organisation: 新华社, 人民网, 人民日报, 央视新闻客户端. */
static bool
is_media(const char *v)
{
	static const char *const ends[] = { "社", "网", "报", "电视台", "客户端",
	    "新闻", "频道", NULL };
	size_t len = strlen(v);

	for (int k = 0; ends[k] != NULL; k++) {
		size_t n = strlen(ends[k]);

		if (len > n && memcmp(v + len - n, ends[k], n) == 0)
			return true;
	}
	return false;
}

static void
propose_label(cands *c, const struct label *lab, const char *v, size_t len)
{
	bool none;
	char *val = field_value(lab->field, v, len, &none);

	/* 来源：新华社 names who reported a document, not who issued it */
	if (val != NULL && lab->score == S_SOURCE && is_media(val)) {
		free(val);
		return;
	}
	if (val != NULL)
		propose(c, lab->field, lab->score, val);
	else if (none)
		propose(c, lab->field, lab->score, NULL);
	free(val);
}

/* Parse every label of a label line; true if the line starts with one.
 * A label whose value is empty takes the next cell of a | table, or, at
 * the end of the line, *dangling is set so that the next line is read
 * as its value. */
static bool
parse_label_line(cands *c, const char *s, size_t len,
    const struct label **dangling)
{
	size_t i = 0, end;
	const struct label *lab;
	bool bar;

	*dangling = NULL;
	while (i < len && (s[i] == ' ' || s[i] == '|'))
		i++;
	if (zc_utf8_count(s, len) > 200 ||
	    (lab = label_at(s, len, i, &end)) == NULL)
		return false;
	while (lab != NULL) {
		size_t v = skip_label_sep(s, len, end, &bar), j = v, next_end = 0;
		const struct label *next = NULL;

		/* the value runs to the next label or bar, or to a label of
		 * no field (法律性质：) */
		while (j < len && s[j] != '|') {
			/* at a boundary, or anywhere past the value's start
			 * when a colon follows: 发文机关：国务院发文字号：…,
			 * cells copied without a space between them */
			next = label_at(s, len, j, &next_end);
			if (next != NULL && (at_boundary(s, j) || (j > v &&
			    colon_at(s, len, next_end))))
				break;
			next = NULL;
			if (j > v && at_boundary(s, j) && foreign_label_at(s, len,
			    j))
				break;
			j++;
		}
		if (j == v && j < len && s[j] == '|' && !bar) {
			/* 索引号 | | …: an empty cell */
			j++;
		}
		if (j == v && next == NULL && j >= len) {
			*dangling = lab;
			return true;
		}
		propose_label(c, lab, s + v, j - v);
		if (next == NULL) {
			/* past the bar, look for the next label */
			while (j < len && (s[j] == '|' || s[j] == ' '))
				j++;
			if (j >= len)
				break;
			next = label_at(s, len, j, &next_end);
			if (next == NULL) {
				/* an unlabelled cell or a label of no field:
				 * skip it, up to a bar or a label */
				while (j < len && s[j] != '|' &&
				    !(at_boundary(s, j) && (next = label_at(s,
				    len, j, &next_end)) != NULL))
					j++;
				if (next != NULL)
					goto found;
				while (j < len && (s[j] == '|' || s[j] == ' '))
					j++;
				next = j < len ? label_at(s, len, j,
				    &next_end) : NULL;
			}
		}
found:
		lab = next;
		end = next_end;
	}
	return true;
}

/* ---- shapes of lines ------------------------------------------------- */

static bool
ends_with(const char *s, size_t len, const char *suffix)
{
	size_t n = strlen(suffix);

	return len >= n && memcmp(s + len - n, suffix, n) == 0;
}

static bool
is_org(const char *s, size_t len)
{
	static const char *const suffixes[] = { "厅", "局", "委", "委员会",
	    "政府", "办公室", "办公厅", "院", "部", "会", "中心", "署",
	    "管委会", "协会", "银行", "大学", "办", NULL };
	size_t cps = zc_utf8_count(s, len), i = 0, adv;

	if (cps < 3 || cps > 40)
		return false;
	while (i < len) {
		uint32_t cp = zc_utf8_decode(s + i, len - i, &adv);

		if (!zc_chars_is_han(cp) && cp != ' ' && cp != 0xFF08 &&
		    cp != 0xFF09 && cp != '(' && cp != ')' && cp != 0x3001)
			return false;
		i += adv;
	}
	for (int k = 0; suffixes[k] != NULL; k++)
		if (ends_with(s, len, suffixes[k]))
			return true;
	return false;
}

/* A person signing: 总理 李强, 主任：郑栅洁, 国务院总理　李克强. */
static bool
is_person(const char *s, size_t len)
{
	static const char *const offices[] = { "总理", "主席", "主任", "部长",
	    "局长", "厅长", "省长", "市长", "区长", "县长", "书记", "署长",
	    "行长", "院长", "委员长", "秘书长", "司长", "主任委员", NULL };
	size_t cps = zc_utf8_count(s, len);

	if (cps < 4 || cps > 24)
		return false;
	for (int k = 0; offices[k] != NULL; k++) {
		const char *at = memmem(s, len, offices[k], strlen(offices[k]));
		size_t i, adv, name = 0;

		if (at == NULL)
			continue;
		/* the office, spaces or a colon, the name */
		i = (size_t)(at - s) + strlen(offices[k]);
		for (uint32_t cp; i < len && ((cp = zc_utf8_decode(s + i,
		    len - i, &adv)) == ':' || cp == 0xFF1A || cp == ' ' ||
		    cp == 0x3000); i += adv)
			;
		while (i < len && zc_chars_is_han(zc_utf8_decode(s + i, len - i,
		    &adv))) {
			i += adv;
			name++;
		}
		if (i == len && name >= 2 && name <= 4)
			return true;
	}
	return false;
}

/* A line that is only a date (and maybe a time). */
static bool
is_date_line(const char *s, size_t len, char iso[11])
{
	size_t n = zc_dates_scan_day(s, len, iso);

	while (n > 0 && n < len && s[n] == ' ')
		n++;
	return n > 0 && n == len;
}

/* 各市人民政府：, 各区、葛店经开区科技管理部门: — whom a document is
 * addressed to.  The body starts under it, so the header and a law's
 * history end there. */
static bool
is_salutation(const zc_line *ln)
{
	uint32_t last = zc_utf8_last(ln->text, ln->len);
	size_t e;

	return (last == 0xFF1A || last == ':') && !(ln->flags & ZC_LINE_META) &&
	    zc_utf8_count(ln->text, ln->len) <= 80 &&
	    label_at(ln->text, ln->len, 0, &e) == NULL;
}

/* A scraped breadcrumb: 首页 > 政务公开 > 政策文件. */
static bool
is_breadcrumb(const char *s, size_t len)
{
	static const char *const marks[] = { ">", "＞", "»", "›", "→", NULL };

	for (int k = 0; marks[k] != NULL; k++)
		if (memmem(s, len, marks[k], strlen(marks[k])) != NULL)
			return true;
	return false;
}

/* The site's own name: 某某市人民政府门户网站, 中国政府网. */
static bool
is_site_name(const char *s, size_t len)
{
	return (len > 3 && memcmp(s + len - 3, "网", 3) == 0) ||
	    (len > 6 && memcmp(s + len - 6, "网站", 6) == 0);
}

/* The red masthead above a document: 某某省人民政府文件. */
static bool
is_masthead(const char *s, size_t len)
{
	return len > 6 && memcmp(s + len - 6, "文件", 6) == 0 &&
	    is_org(s, len - 6);
}

/* key: value, as front matter that was never closed writes it. */
static bool
is_key_line(const char *s, size_t len)
{
	size_t i = 0;

	while (i < len && (isalnum((unsigned char)s[i]) || s[i] == '_' ||
	    s[i] == '-'))
		i++;
	return i > 0 && i < len && s[i] == ':' && isalpha((unsigned char)s[0]);
}

static bool
could_be_title(const zc_line *l)
{
	size_t cps = zc_utf8_count(l->text, l->len);
	uint32_t first = zc_utf8_first(l->text, l->len);
	uint32_t last = zc_utf8_last(l->text, l->len);
	char iso[11];

	if (cps < 4 || cps > 100 || memchr(l->text, '|', l->len) != NULL)
		return false;
	if (last == 0x3002 || last == 0xFF1A || last == ':' || last == 0xFF1B ||
	    last == ';' || last == 0xFF0C || last == ',' || last == 0xFF01 ||
	    last == 0x3001)
		return false;
	if ((first == '(' || first == 0xFF08) && (last == ')' ||
	    last == 0xFF09))
		return false;
	if (!zc_chars_is_han(first) && first != 0x300A && first != 0x201C &&
	    !(first >= 0x80 && first < 0x3000) && !(first < 0x80 &&
	    isalnum((int)first)))
		return false;
	if (is_org(l->text, l->len) || is_person(l->text, l->len) ||
	    foreign_label_at(l->text, l->len, 0) || is_key_line(l->text,
	    l->len) || is_breadcrumb(l->text, l->len) || is_masthead(l->text,
	    l->len) || memmem(l->text, l->len, "签发人", 9) != NULL ||
	    is_site_name(l->text, l->len) || strspn(l->text, "0123456789") ==
	    l->len ||
	    zc_dates_scan_day(l->text, l->len, iso) > 0)
		return false;
	return true;
}

/* ---- the stage ------------------------------------------------------- */

static bool
usable(const zc_line *l)
{
	return !(l->flags & ZC_LINE_DROP);
}

/* The kept line after line i, or NULL. */
static zc_line *
next_kept(const zc_lines *l, size_t i)
{
	for (size_t j = i + 1; j < l->n; j++)
		if (usable(&l->items[j]))
			return &l->items[j];
	return NULL;
}

/* The kept line before line i, or NULL. */
static zc_line *
prev_kept(const zc_lines *l, size_t i)
{
	for (size_t j = i; j > 0; j--)
		if (usable(&l->items[j - 1]))
			return &l->items[j - 1];
	return NULL;
}

static void
read_labels(zc_lines *l, cands *c)
{
	for (size_t i = 0; i < l->n; i++) {
		zc_line *ln = &l->items[i];
		const char *s = ln->raw != NULL ? ln->raw : ln->text;
		size_t len = ln->raw != NULL ? strlen(ln->raw) : ln->len;
		const struct label *dangling;

		if (!usable(ln) || !parse_label_line(c, s, len, &dangling))
			continue;
		ln->flags |= ZC_LINE_META;
		if (dangling != NULL) {
			zc_line *v = next_kept(l, i);
			size_t e;

			if (v != NULL && zc_utf8_count(v->text, v->len) <= 60 &&
			    label_at(v->text, v->len, 0, &e) == NULL) {
				propose_label(c, dangling, v->text, v->len);
				v->flags |= ZC_LINE_META;
			}
		}
	}
}

/* The dateline of a speech or report, under its title:
 * ——2024年3月5日在第十四届全国人民代表大会第二次会议上, also in
 * brackets, or a date in brackets alone (with the place: （2024年6月25日，
 * 大连）).  The day it was delivered is its 成文日期. */
static bool
is_dateline(const char *s, size_t len, char iso[11])
{
	size_t i = 0, adv, n;
	uint32_t cp;

	while (i < len && ((cp = zc_utf8_decode(s + i, len - i, &adv)) ==
	    0x2014 || cp == 0x2015 || cp == '-' || cp == 0xFF0D ||
	    cp == 0xFF08 || cp == '(' || cp == ' '))
		i += adv;
	if (i == 0 || (n = zc_dates_scan_day(s + i, len - i, iso)) == 0)
		return false;
	i += n;
	while (i < len && s[i] == ' ')
		i++;
	if (len - i >= 3 && memcmp(s + i, "在", 3) == 0 &&
	    memmem(s + i, len - i, "上", 3) != NULL)
		return true;
	/* （2024年1月5日）, （2024年6月25日，大连）: a date in brackets alone,
	 * or with the place */
	if (zc_utf8_first(s, len) != 0xFF08 && s[0] != '(')
		return false;
	cp = zc_utf8_last(s, len);
	if (cp != 0xFF09 && cp != ')')
		return false;
	return i == len - (cp == ')' ? 1 : 3) || (zc_utf8_first(s + i,
	    len - i) == 0xFF0C && zc_utf8_count(s + i, len - i) <= 12);
}

/* Does s[0..len) end with 的 + a 文种 (实施评估报告的通知): the end of a
 * wrapped title that sends a document? */
static bool
ends_with_sent_type(const char *s, size_t len)
{
	const char *type = zc_meta_title_type(s, len);
	size_t n = type != NULL ? strlen(type) + 3 : 0;

	return type != NULL && len > n && memcmp(s + len - n, "的", 3) == 0;
}

/* The most lines a title is wrapped over. */
#define MAX_TITLE_LINES 3

/* Does line next go on with the title so_far[0..len)? */
static bool
continues_title(const char *so_far, size_t len, const zc_line *next)
{
	/* the next part may be as short as 的通知, which could_be_title
	 * refuses for its length alone, or go on inside a 《 left open:
	 * （2024—2027年）》的通知 */
	if (next == NULL || (next->flags & (ZC_LINE_META | ZC_LINE_HEADING)) ||
	    zc_utf8_count(next->text, next->len) > 40 ||
	    (!could_be_title(next) && zc_utf8_count(next->text,
	    next->len) >= 4 && !zc_chars_opens_book_title(so_far, len)))
		return false;
	/* 民法典 / 目录 is the table of contents */
	if (zc_utf8_count(next->text, next->len) <= 3 &&
	    memmem(next->text, next->len, "目录", 6) != NULL)
		return false;
	/* a title that ends as a title does goes on only when the next
	 * line ends what it sends: …数字经济发展规划 / 的通知 */
	return zc_meta_title_type(so_far, len) == NULL ||
	    zc_chars_opens_book_title(so_far, len) ||
	    (next->len >= 3 && memcmp(next->text, "的", 3) == 0) ||
	    ends_with_sent_type(next->text, next->len);
}

/* A title hard-wrapped over two or three lines (PDF exports, centred
 * headings): the line at i and the kept lines after it joined while it
 * does not end as a title does (no 文种, or a 《 left open); NULL when
 * the lines joined do not end as a title either. */
static char *
wrapped_title(const zc_lines *l, size_t i)
{
	zc_buf b = {0};
	size_t parts = 1;
	const zc_line *next = &l->items[i];

	zc_buf_append(&b, next->text, next->len);
	while (parts < MAX_TITLE_LINES) {
		next = next_kept(l, (size_t)(next - l->items));
		if (!continues_title(b.data, b.len, next))
			break;
		zc_buf_append(&b, next->text, next->len);
		parts++;
		if (zc_meta_title_type(b.data, b.len) != NULL &&
		    !zc_chars_opens_book_title(b.data, b.len))
			break;
	}
	if (parts == 1 || zc_meta_title_type(b.data, b.len) == NULL ||
	    zc_chars_opens_book_title(b.data, b.len) ||
	    zc_utf8_count(b.data, b.len) > 100) {
		zc_buf_free(&b);
		return NULL;
	}
	return zc_buf_steal(&b);
}

/* A note in brackets after a 落款: （此件公开发布）. */
static bool
is_bracketed_note(const zc_line *ln)
{
	uint32_t first = zc_utf8_first(ln->text, ln->len);
	uint32_t last = zc_utf8_last(ln->text, ln->len);

	return (first == 0xFF08 || first == '(') && (last == 0xFF09 ||
	    last == ')') && zc_utf8_count(ln->text, ln->len) <= 30;
}

/* Is line i the date of a 落款: a date alone (iso), under a signatory
 * (an organisation or a person: *above is its line, else -1), or with
 * nothing after it but notes in brackets? */
static bool
is_signature_date(const zc_lines *l, size_t i, char iso[11], size_t *above)
{
	const zc_line *ln = &l->items[i], *p = prev_kept(l, i);

	*above = (size_t)-1;
	if (!is_date_line(ln->text, ln->len, iso))
		return false;
	if (p != NULL && (is_org(p->text, p->len) || is_person(p->text,
	    p->len))) {
		*above = (size_t)(p - l->items);
		return true;
	}
	for (p = next_kept(l, i); p != NULL; p = next_kept(l,
	    (size_t)(p - l->items)))
		if (!is_bracketed_note(p))
			return false;
	return true;
}

/* Where 令 or 公告 ends in s[0..len), the head of an order or notice
 * (…国务院令, …人民代表大会常务委员会公告, …令第7号): its offset after
 * the word (len when the line ends there), *kind the word; 0 when none. */
static size_t
order_kind_end(const char *s, size_t len, const char **kind)
{
	static const char *const kinds[] = { "令", "公告", NULL };

	for (int k = 0; kinds[k] != NULL; k++) {
		size_t n = strlen(kinds[k]);
		const char *at = memmem(s, len, kinds[k], n);

		for (; at != NULL; at = memmem(at + n, (size_t)(s + len - at -
		    n), kinds[k], n)) {
			size_t end = (size_t)(at - s) + n;

			if (end == len || (len - end >= 3 &&
			    (memcmp(s + end, "第", 3) == 0 ||
			    memcmp(s + end, "（", 3) == 0)) ||
			    (s[end] >= '0' && s[end] <= '9')) {
				*kind = kinds[k];
				return end;
			}
		}
	}
	return 0;
}

/* The length of the 文号 that line s[0..len) is, alone or before its
 * 签发人 (某政发〔2024〕1号　签发人：张三, the head of a 请示); 0 when it
 * is none. */
static size_t
standalone_doc_no(const char *s, size_t len)
{
	const char *signer = memmem(s, len, "签发人", 9);
	size_t n = signer != NULL ? (size_t)(signer - s) : len;

	while (n > 0 && s[n - 1] == ' ')
		n--;
	if (zc_meta_is_doc_no(s, n))
		return n;
	return 0;
}

/* The 文号 on a 签发人 line after the name (签发人：李某　某人社函〔2024〕56号):
 * its offset in *at and its length; 0 when none. */
static size_t
doc_no_after_signer(const char *s, size_t len, size_t *at)
{
	const char *signer = memmem(s, len, "签发人", 9);

	if (signer == NULL)
		return 0;
	for (size_t i = (size_t)(signer - s); i < len; i++) {
		size_t e = i;

		if (s[i] == ' ' || (i > 0 && s[i - 1] != ' '))
			continue;
		while (e < len && s[e] != ' ')
			e++;
		if (zc_meta_is_doc_no(s + i, e - i)) {
			*at = i;
			return e - i;
		}
	}
	return 0;
}

/* The head of an order or a notice: 中华人民共和国国务院令 over 第752号,
 * 国家发展和改革委员会令第7号, 某某省人民代表大会常务委员会公告 over
 * （第15号）.  Together they are its 文号, and the body before 令 or 公告
 * its issuer. */
static bool
read_order(zc_lines *l, size_t i, cands *c)
{
	zc_line *ln = &l->items[i], *num = NULL;
	const char *number, *head = ln->text, *kind = NULL;
	size_t number_len, head_len, cut, year;
	zc_date d;
	zc_buf no = {0};

	if (zc_utf8_count(ln->text, ln->len) > 40)
		return false;
	/* 国家发展和改革委员会令第7号 on one line */
	cut = order_kind_end(ln->text, ln->len, &kind);
	if (cut > 0 && cut < ln->len) {
		head_len = cut;
		number = ln->text + cut;
		number_len = ln->len - cut;
	} else if (cut == ln->len) {
		if ((num = next_kept(l, i)) == NULL)
			return false;
		head_len = ln->len;
		number = num->text;
		number_len = num->len;
	} else {
		return false;
	}
	/* （第12号） */
	if (number_len > 6 && (memcmp(number, "（", 3) == 0 &&
	    memcmp(number + number_len - 3, "）", 3) == 0)) {
		number += 3;
		number_len -= 6;
	}
	/* 2024年第5号: ministries number their orders by year */
	year = zc_dates_scan(number, number_len, &d);
	if (d.parts != 1)
		year = 0;
	if (!zc_history_is_order_number(number + year, number_len - year) ||
	    head_len <= strlen(kind) + 3)
		return false;
	zc_buf_append(&no, head, head_len);
	zc_buf_append(&no, number, number_len);
	propose(c, ZC_FIELD_DOC_NO, S_HEADER, no.data);
	/* an order printed alone is called by its number */
	propose(c, ZC_FIELD_TITLE, S_ORDER_TITLE, no.data);
	zc_buf_reset(&no);
	zc_buf_append(&no, head, head_len - strlen(kind));
	propose(c, ZC_FIELD_ISSUER, S_HEADER, no.data);
	zc_buf_free(&no);
	ln->flags |= ZC_LINE_META;
	if (num != NULL)
		num->flags |= ZC_LINE_META;
	return true;
}

/* 最高人民法院公告 over 法释〔2024〕6号 or over …现予公布: the head of a
 * notice that publishes the text below it, which has the title.  The
 * body is the issuer. */
static bool
read_notice_head(zc_lines *l, size_t i, cands *c)
{
	zc_line *ln = &l->items[i], *next = next_kept(l, i);
	char *body;

	if (ln->len <= 6 || memcmp(ln->text + ln->len - 6, "公告", 6) != 0 ||
	    !is_org(ln->text, ln->len - 6))
		return false;
	if (next != NULL && standalone_doc_no(next->text, next->len) == 0 &&
	    !zc_history_publishes(next->text, next->len))
		return false;
	body = zc_xstrndup(ln->text, ln->len - 6);
	propose(c, ZC_FIELD_ISSUER, S_HEADER, body);
	free(body);
	ln->flags |= ZC_LINE_META;
	return true;
}

/* The organisation on the kept line right above line i, when line i
 * starts with 关于: the first line of a title split in two; NULL
 * otherwise. */
static const zc_line *
issuer_above(const zc_lines *l, size_t i)
{
	const zc_line *ln = &l->items[i], *p = prev_kept(l, i);

	if (ln->len < 6 || memcmp(ln->text, "关于", 6) != 0 || p == NULL)
		return NULL;
	return !(p->flags & ZC_LINE_META) && is_org(p->text, p->len) &&
	    !is_masthead(p->text, p->len) ? p : NULL;
}

/* The block above the body: a date line (with the issuer after it), a
 * standalone 文号, a dateline, the title. */
static void
read_header(zc_lines *l, cands *c)
{
	size_t seen = 0;
	bool have_title = false;

	for (size_t i = 0; i < l->n && seen < 15; i++) {
		zc_line *ln = &l->items[i];
		char iso[11];
		size_t n, doc_no_len, doc_no_at;

		if (!usable(ln))
			continue;
		seen++;
		/* the salutation under the title starts the body */
		if (zc_utf8_count(ln->text, ln->len) >= 150 ||
		    (have_title && is_salutation(ln)))
			break;
		if (ln->flags & ZC_LINE_META)
			continue;
		n = zc_dates_scan_day(ln->text, ln->len, iso);
		if (n > 0) {
			const char *rest = ln->text + n;
			size_t rlen = ln->len - n;

			while (rlen > 0 && *rest == ' ')
				rest++, rlen--;
			size_t above;

			/* a 落款's date, and the day a text takes effect
			 * (2019年12月30日 施行), are no publication */
			if (is_signature_date(l, i, iso, &above) ||
			    zc_history_takes_effect(rest, rlen))
				continue;
			if (zc_history_date_opens_sentence(rest, rlen))
				continue;
			if (zc_utf8_count(rest, rlen) <= 30) {
				/* the date a page shows under its title is
				 * when it went up */
				propose(c, ZC_FIELD_PUBLISHED, S_HEADER, iso);
				if (rlen > 0 && is_org(rest, rlen)) {
					char *v = zc_xstrndup(rest, rlen);

					propose(c, ZC_FIELD_ISSUER, S_HEADER, v);
					free(v);
				}
				ln->flags |= ZC_LINE_META;
			}
			continue;
		}
		doc_no_at = 0;
		if ((doc_no_len = standalone_doc_no(ln->text, ln->len)) > 0 ||
		    (doc_no_len = doc_no_after_signer(ln->raw != NULL ?
		    ln->raw : ln->text, ln->raw != NULL ? strlen(ln->raw) :
		    ln->len, &doc_no_at)) > 0) {
			char *v = zc_xstrndup((ln->raw != NULL && doc_no_at > 0 ?
			    ln->raw : ln->text) + doc_no_at, doc_no_len);
			bool none;
			char *val = field_value(ZC_FIELD_DOC_NO, v, doc_no_len,
			    &none);

			propose(c, ZC_FIELD_DOC_NO, S_HEADER, val);
			free(val);
			free(v);
			ln->flags |= ZC_LINE_META;
			continue;
		}
		if (read_order(l, i, c) || read_notice_head(l, i, c))
			continue;
		if (is_dateline(ln->text, ln->len, iso)) {
			propose(c, ZC_FIELD_WRITTEN, S_HEADER, iso);
			ln->flags |= ZC_LINE_META;
			continue;
		}
		if (!have_title && could_be_title(ln)) {
			char *title = wrapped_title(l, i);
			const char *t = title != NULL ? title : ln->text;
			const zc_line *body = issuer_above(l, i);
			zc_buf whole = {0};

			/* 某某省人民政府 / 关于…的实施意见: the issuer's line
			 * is the first of the title */
			if (body != NULL) {
				zc_buf_append(&whole, body->text, body->len);
				zc_buf_puts(&whole, t);
				t = whole.data;
				propose(c, ZC_FIELD_ISSUER, S_HEADER, body->text);
			}
			propose(c, ZC_FIELD_TITLE, S_HEADER, t);
			zc_buf_free(&whole);
			free(title);
			have_title = true;
		}
	}
}

/* Does line i start a law's history, alone or with the next kept line
 * that its wrap cut off (1984年1月7日 国务院 / 中央军委发布)? */
static bool
starts_history(const zc_lines *l, size_t i)
{
	const zc_line *ln = &l->items[i], *next = next_kept(l, i);
	zc_buf both = {0};
	bool starts;
	char iso[11];

	if (zc_history_starts_line(ln->text, ln->len))
		return true;
	/* a date alone is a signature's, over (此件公开发布) */
	if (is_date_line(ln->text, ln->len, iso) || next == NULL ||
	    zc_history_starts_line(next->text, next->len))
		return false;
	zc_buf_append(&both, ln->text, ln->len);
	zc_buf_putc(&both, ' ');
	zc_buf_append(&both, next->text, next->len);
	starts = memmem(both.data, both.len, "。", 3) == NULL &&
	    zc_history_starts_line(both.data, both.len);
	zc_buf_free(&both);
	return starts;
}

/* The history lines of a law under its title (zc_history.h), a wrapped
 * line joined to the one it continues: the version's date, the first
 * adoption, the body and 令 of the version.  They stay passages. */
static void
read_history(zc_lines *l, cands *c)
{
	zc_buf joined = {0};
	zc_history h;
	size_t seen = 0;
	bool in_history = false;

	for (size_t i = 0; i < l->n && seen < 40; i++) {
		zc_line *ln = &l->items[i];

		if (!usable(ln) || (ln->flags & ZC_LINE_META))
			continue;
		seen++;
		if (in_history ? !(ln->flags & ZC_LINE_HEADING) &&
		    zc_history_continues(joined.data, joined.len, ln->text,
		    ln->len) : starts_history(l, i)) {
			if (joined.len > 0)
				zc_buf_putc(&joined, ' ');
			zc_buf_append(&joined, ln->text, ln->len);
			ln->flags |= ZC_LINE_META;
			in_history = true;
		} else if (in_history || zc_history_is_sentence(ln->text,
		    ln->len) || is_salutation(ln)) {
			/* the history stands under the title, before the
			 * body's first sentence: a rule attached below a
			 * notice has one of its own */
			break;
		}
	}
	if (joined.len > 0 && zc_history_read(joined.data, joined.len, &h)) {
		propose(c, ZC_FIELD_DATE, S_HISTORY, h.version);
		propose(c, ZC_FIELD_WRITTEN, S_HISTORY, h.first);
		if (h.published[0] != '\0')
			propose(c, ZC_FIELD_PUBLISHED, S_HISTORY, h.published);
		if (h.issuer != NULL)
			propose(c, ZC_FIELD_ISSUER, S_HISTORY, h.issuer);
		if (h.doc_no != NULL)
			propose(c, ZC_FIELD_DOC_NO, S_HISTORY, h.doc_no);
		zc_history_free(&h);
	}
	zc_buf_free(&joined);
}

/* 落款: a signatory on its own line with a date on the next; or a date
 * alone at the very end (zc_meta.h). */
static void
read_signature(zc_lines *l, cands *c)
{
	char iso[11];
	size_t above;

	for (size_t i = 0; i < l->n; i++) {
		if (!usable(&l->items[i]) || !is_signature_date(l, i, iso,
		    &above))
			continue;
		if (above != (size_t)-1 && is_org(l->items[above].text,
		    l->items[above].len))
			propose(c, ZC_FIELD_ISSUER, S_SIGN_ISSUER,
			    l->items[above].text);
		propose(c, ZC_FIELD_WRITTEN, S_SIGN_DATE, iso);
		return;
	}
}

static void
read_hints(const zc_hints *h, cands *c)
{
	const zc_meta *t = &h->tags;

	/* zc_clean tidied these: no site suffix, no split spaces, NULL
	 * when nothing was left */
	if (t->value[ZC_FIELD_TITLE] != NULL)
		propose(c, ZC_FIELD_TITLE, S_TAG_TITLE,
		    t->value[ZC_FIELD_TITLE]);
	if (h->heading != NULL &&
	    zc_utf8_count(h->heading, strlen(h->heading)) <= 100)
		propose(c, ZC_FIELD_TITLE, S_HEADING, h->heading);
	/* a <title> that is only the site's name (某某县人民政府) is none */
	if (h->title_tag != NULL &&
	    zc_utf8_count(h->title_tag, strlen(h->title_tag)) <= 100 &&
	    !is_org(h->title_tag, strlen(h->title_tag)))
		propose(c, ZC_FIELD_TITLE, S_TITLE_TAG, h->title_tag);
	if (h->created != NULL) {
		bool none;
		char *v = field_value(ZC_FIELD_PUBLISHED, h->created,
		    strlen(h->created), &none);

		if (v != NULL)
			propose(c, ZC_FIELD_PUBLISHED, S_FILE_DATE, v);
		free(v);
	}
	for (int f = ZC_FIELD_INDEX_NO; f < ZC_FIELD_COUNT; f++) {
		bool none;
		char *v;

		if (t->value[f] == NULL)
			continue;
		v = field_value((zc_field)f, t->value[f],
		    strlen(t->value[f]), &none);
		/* <meta name=type content=article> is no 文种 */
		if (v != NULL && f == ZC_FIELD_TYPE) {
			const char *type = zc_meta_title_type(v, strlen(v));

			free(v);
			v = type != NULL ? zc_xstrdup(type) : NULL;
		}
		if (v != NULL)
			propose(c, (zc_field)f, f == ZC_FIELD_ISSUER ?
			    S_SOURCE : S_TAG, v);
		free(v);
	}
}

/* The genre words that end titles (a word before any that ends it:
 * 办法 before 法), and what each is filed as when that is another
 * (法典 is a 法).  实施细则, 管理办法 and 复函 end with theirs already. */
static const struct {
	const char *word, *filed_as;
} title_types[] = {
	{ "修正案", NULL }, { "白皮书", NULL }, { "答复", NULL }, { "批复", NULL },
	{ "函", NULL }, { "通知", NULL }, { "通告", NULL }, { "通报", NULL },
	{ "公告", NULL }, { "公报", NULL }, { "意见", NULL }, { "办法", NULL },
	{ "规定", NULL }, { "条例", NULL }, { "决定", NULL }, { "决议", NULL },
	{ "方案", NULL }, { "报告", NULL }, { "细则", NULL }, { "规划", NULL },
	{ "纲要", NULL }, { "计划", NULL }, { "要点", NULL }, { "规则", NULL },
	{ "章程", NULL }, { "解释", NULL }, { "命令", NULL }, { "议案", NULL },
	{ "请示", NULL }, { "纪要", NULL }, { "指南", NULL }, { "指引", NULL },
	{ "目录", NULL }, { "清单", NULL }, { "准则", NULL }, { "守则", NULL },
	{ "标准", NULL }, { "规范", NULL }, { "制度", NULL }, { "小结", NULL },
	{ "总结", NULL }, { "讲话", NULL }, { "致辞", NULL }, { "贺信", NULL },
	{ "法典", "法" }, { "法", NULL },
};

/* Characters before 法 that make a method or an act, not a law: 方法,
 * 做法, 执法. */
static bool
law_word(const char *s, size_t len)
{
	/* 方 做 用 说 手 看 想 写 算 办, and 执法 违法 依法 普法 */
	static const uint32_t not_law[] = { 0x65B9, 0x505A, 0x7528, 0x8BF4,
	    0x624B, 0x770B, 0x60F3, 0x5199, 0x7B97, 0x529E, 0x6267, 0x8FDD,
	    0x4F9D, 0x666E, 0 };
	uint32_t before = zc_utf8_last(s, len - 3);

	for (int i = 0; not_law[i] != 0; i++)
		if (before == not_law[i])
			return false;
	return true;
}

/* The length of title[0..len) without the notes that follow a type:
 * （试行）, (2024年修订), （草案）. */
static size_t
without_notes(const char *title, size_t len)
{
	for (;;) {
		size_t open = SIZE_MAX, adv;
		uint32_t last;

		while (len > 0 && title[len - 1] == ' ')
			len--;
		last = zc_utf8_last(title, len);
		if (last != 0xFF09 && last != ')')
			return len;
		for (size_t i = 0; i < len; i += adv) {
			uint32_t cp = zc_utf8_decode(title + i, len - i, &adv);

			if (cp == 0xFF08 || cp == '(')
				open = i;
		}
		if (open == SIZE_MAX || open == 0)
			return len;
		len = open;
	}
}

/* What title[0..len) is filed as if it ends with title_types[k];
 * NULL otherwise. */
static const char *
type_at_end(const char *title, size_t len, size_t k)
{
	const char *type = title_types[k].word;
	size_t n = strlen(type);

	if (len <= n || memcmp(title + len - n, type, n) != 0)
		return NULL;
	if (strcmp(type, "法") == 0 && !law_word(title, len))
		return NULL;
	return title_types[k].filed_as != NULL ? title_types[k].filed_as :
	    type;
}

const char *
zc_meta_title_type(const char *title_in, size_t len_in)
{
	zc_buf simple = {0};
	const char *title, *found = NULL;
	size_t len, adv;
	char enc[4];

	/* 若干意見 is 若干意见 */
	for (size_t i = 0; i < len_in; i += adv)
		zc_buf_append(&simple, enc, zc_utf8_encode(zc_norm_t2s(
		    zc_utf8_decode(title_in + i, len_in - i, &adv)), enc));
	title = simple.data != NULL ? simple.data : "";
	len = without_notes(title, simple.len);
	/* …（征求意见稿）》公开征求意见: a call for comments, no 意见 */
	if ((len >= 12 && memcmp(title + len - 12, "征求意见", 12) == 0) ||
	    (len >= 12 && memcmp(title + len - 12, "听取意见", 12) == 0)) {
		zc_buf_free(&simple);
		return NULL;
	}
	for (size_t k = 0; k < sizeof title_types / sizeof title_types[0] &&
	    found == NULL; k++)
		found = type_at_end(title, len, k);
	zc_buf_free(&simple);
	return found;
}

/* The fields read from others: the document's date (a law's version,
 * else 成文日期, else 发布日期) and the 文种 its title ends with. */
static void
derive(cands *c)
{
	const char *type;

	if (c->value[ZC_FIELD_DATE] == NULL)
		propose(c, ZC_FIELD_DATE, 1, c->value[ZC_FIELD_WRITTEN] != NULL ?
		    c->value[ZC_FIELD_WRITTEN] : c->value[ZC_FIELD_PUBLISHED]);
	if (c->value[ZC_FIELD_TITLE] != NULL && (type = zc_meta_title_type(
	    c->value[ZC_FIELD_TITLE], strlen(c->value[ZC_FIELD_TITLE]))) !=
	    NULL)
		propose(c, ZC_FIELD_TYPE, S_HEADER, type);
}

void
zc_meta_extract(zc_lines *l, zc_meta *out)
{
	cands c;

	memset(&c, 0, sizeof c);
	read_labels(l, &c);
	read_hints(&l->hints, &c);
	read_history(l, &c);
	read_header(l, &c);
	read_signature(l, &c);
	derive(&c);
	for (int f = 0; f < ZC_FIELD_COUNT; f++) {
		zc_meta_set(out, (zc_field)f, c.value[f]);
		free(c.value[f]);
	}
}
