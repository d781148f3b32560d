/*
 * clean.c — the clean stage (zc_clean.h): extracted lines → what a
 * reader keeps.
 *
 * Every rule is a pattern for a kind of chrome (a footer with an ICP
 * number, a line of widget words, a run of menu items), so that pages
 * never seen before are cleaned too.  Invariants: line numbers and the
 * order of lines never change; a dropped line is only flagged; text
 * handed on has no leading, trailing or doubled whitespace.
 */
#include "zc_clean.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "zc_chars.h"
#include "zc_dates.h"

/* ---- chrome patterns ------------------------------------------------- */

static bool
has(const char *s, const char *needle)
{
	return strstr(s, needle) != NULL;
}

static bool
starts(const char *s, const char *prefix)
{
	return strncmp(s, prefix, strlen(prefix)) == 0;
}

/* needle followed, after at most a few separators, by a digit. */
static bool
has_then_digit(const char *s, const char *needle)
{
	const char *p = s;

	while ((p = strstr(p, needle)) != NULL) {
		const char *q = p + strlen(needle);

		for (int k = 0; k < 4 && *q != '\0'; k++) {
			if (isdigit((unsigned char)*q))
				return true;
			if (!(*q == ' ' || *q == ':' || *q == '(' ||
			    (unsigned char)*q >= 0x80))
				break;
			q += ((unsigned char)*q >= 0x80) ? 3 : 1;
		}
		p += strlen(needle);
	}
	return false;
}

/* Words that make up print/close/font-size/share widgets. */
static const char *const widget_words[] = {
	"打印", "关闭", "已阅", "打印本页", "关闭窗口", "打印此页", "关闭本页",
	"打印正文", "字号", "字体", "大", "中", "小", "默认", "分享", "分享到",
	"收藏", "返回", "返回顶部", "顶部", "网站地图", "展开", "收起", "全文",
	"更多", "浏览", "阅读", "次", "点击", "上一篇", "下一篇", "扫一扫",
	"在手机打开", "保存", "纠错", "我要纠错", "朗读", "视力保护色", "订阅",
	"全部", "首页", "登录", "注册", "无障碍", "长者模式", "繁体", "简体",
	"English", "繁體", "RSS", "【", "】", "[", "]", "|", ":", "：", "/", NULL
};

static bool
is_widget_word(const char *w, size_t n)
{
	for (int i = 0; widget_words[i] != NULL; i++)
		if (strlen(widget_words[i]) == n &&
		    memcmp(widget_words[i], w, n) == 0)
			return true;
	for (size_t i = 0; i < n; i++)
		if (!isdigit((unsigned char)w[i]))
			return false;
	return n > 0; /* a number, as in 已阅 0 */
}

/* A line of widget words only, at least one of them not a number. */
static bool
is_widget_line(const char *s, size_t len)
{
	size_t i = 0, words = 0;
	bool named = false;

	while (i < len) {
		size_t j = i, adv;

		while (j < len) {
			uint32_t cp = zc_utf8_decode(s + j, len - j, &adv);

			if (cp == ' ' || cp == 0x3010 || cp == 0x3011 ||
			    cp == '[' || cp == ']' || cp == '|' ||
			    cp == ':' || cp == 0xFF1A || cp == '/' ||
			    cp == 0xFF08 || cp == 0xFF09 || cp == '(' ||
			    cp == ')' || cp == 0x00B7)
				break;
			j += adv;
		}
		if (j > i) {
			if (!is_widget_word(s + i, j - i))
				return false;
			if (!isdigit((unsigned char)s[i]))
				named = true;
			words++;
		}
		if (j < len)
			zc_utf8_decode(s + j, len - j, &adv), j += adv;
		i = j;
	}
	return words > 0 && named;
}

/* 点击总量: 123, 浏览次数：45, 阅读量 — with nothing else on the line. */
static bool
is_counter_line(const char *s, size_t cps)
{
	static const char *const verbs[] = { "点击", "浏览", "阅读", "访问",
	    "访问量", NULL };
	static const char *const nouns[] = { "总量", "次数", "总数", "量",
	    "数", "率", "人次", "", NULL };

	if (cps > 30)
		return false;
	for (int v = 0; verbs[v] != NULL; v++) {
		if (!starts(s, verbs[v]))
			continue;
		for (int n = 0; nouns[n] != NULL; n++) {
			const char *p = s + strlen(verbs[v]);

			if (!starts(p, nouns[n]))
				continue;
			p += strlen(nouns[n]);
			while (*p == ' ' || *p == ':' || *p == '|' ||
			    isdigit((unsigned char)*p) ||
			    starts(p, "：") || starts(p, "次"))
				p += (unsigned char)*p >= 0x80 ? 3 : 1;
			if (*p == '\0')
				return true;
		}
	}
	return false;
}

/* Only a telephone number: digits, dashes, brackets and spaces. */
static bool
is_phone_line(const char *s)
{
	size_t digits = 0;

	for (const char *p = s; *p != '\0'; p++) {
		if (isdigit((unsigned char)*p))
			digits++;
		else if (!strchr("-+() ", *p))
			return false;
	}
	return digits >= 7;
}

bool
zc_clean_is_chrome(const char *s, size_t len)
{
	static const char *const weak[] = { "网站地图", "主办单位", "承办单位",
	    "主办:", "承办:", "主办：", "承办：", "技术支持", "联系我们",
	    "电话:", "电话：", "传真:", "传真：", "地址:", "地址：", "邮编",
	    "联系人:", "联系人：", "E-mail", "关于我们", "网站声明",
	    "隐私", "设为首页", "加入收藏", "返回顶部", "扫一扫", "手机版",
	    "网站纠错", "建议使用", "分辨率", "浏览器", NULL };
	char *t = zc_xstrndup(s, len);
	size_t cps = zc_utf8_count(s, len);
	int score = 0, weak_hits = 0;
	bool chrome = false;
	uint32_t last = zc_utf8_last(s, len);

	if (has_then_digit(t, "ICP备") || has_then_digit(t, "ICP证") ||
	    has(t, "公网安备") || has_then_digit(t, "网站标识码") ||
	    has(t, "Copyright") || has(t, "copyright") || has(t, "©") ||
	    (has(t, "版权所有") && cps <= 60))
		score += 2;
	for (int i = 0; weak[i] != NULL; i++)
		if (has(t, weak[i]))
			weak_hits++;
	score += weak_hits;
	/* weak words alone make chrome of a footer, never of a sentence: a
	 * notice's 联系人：…，电话：…，地址：…，邮编：…。 is read */
	if (score >= 2 && (score - weak_hits >= 2 ||
	    (last != 0x3002 && (weak_hits >= 3 || cps <= 40))))
		chrome = true;
	else if (is_widget_line(t, len) || is_counter_line(t, cps) ||
	    is_phone_line(t))
		chrome = true;
	else if (starts(t, "今天是") && cps <= 30)
		chrome = true;
	else if ((starts(t, "当前位置") || starts(t, "您的位置") ||
	    starts(t, "您现在的位置") || starts(t, "您当前的位置") ||
	    starts(t, "所在位置") || starts(t, "当前的位置")) && cps <= 80)
		chrome = true;
	else if (has(t, "订阅") && (has(t, "推送") || has(t, "周刊") ||
	    has(t, "邮件") || has(t, "资讯")))
		chrome = true;
	else if (has(t, "为您") && (has(t, "推送") || has(t, "免费生成")))
		chrome = true;
	else if ((has(t, "扫码") || has(t, "关注")) && (has(t, "公众号") ||
	    has(t, "微信") || has(t, "微博")) && cps <= 40)
		chrome = true;
	else if (cps <= 12 && len >= 6 && strcmp(t + len - 6, "热线") == 0)
		chrome = true;
	else if (cps <= 12 && (starts(t, "快去查看") || starts(t, "立即查看") ||
	    starts(t, "点击查看")))
		chrome = true; /* a promotion's call to action */
	free(t);
	return chrome;
}

/* |||计划管理|工作后台 ||: a row of short link texts between bars, or a
 * table's separator row (---|---). */
static bool
is_bar_nav(const char *s)
{
	static const char *const labels[] = { "索引号", "分类", "发布机构",
	    "日期", "文号", "有效", "标题", "来源", "机构", "时间", "名称",
	    "主题", NULL };
	size_t bars = 0, cells = 0;
	bool only_rule = true;
	const char *p = s;

	for (const char *q = s; *q != '\0'; q++) {
		if (*q == '|')
			bars++;
		else if (*q != '-' && *q != ':' && *q != ' ')
			only_rule = false;
	}
	if (bars == 0)
		return false;
	if (only_rule)
		return true;
	if (bars < 2)
		return false;
	while (*p != '\0') {
		const char *bar = strchr(p, '|');
		size_t n = bar != NULL ? (size_t)(bar - p) : strlen(p);
		char *cell = zc_xstrndup(p, n);
		zc_buf b = { 0 };
		bool bad;

		zc_chars_close_up(cell, n, &b);
		bad = zc_utf8_count(b.data, b.len) > 8;
		for (size_t i = 0; i < b.len && !bad; i++)
			bad = isdigit((unsigned char)b.data[i]);
		for (int l = 0; labels[l] != NULL && !bad; l++)
			bad = has(b.data, labels[l]);
		if (b.len > 0)
			cells++;
		zc_buf_free(&b);
		free(cell);
		if (bad)
			return false;
		p += n;
		if (*p == '|')
			p++;
	}
	return cells >= 1;
}

/* ---- line shapes ----------------------------------------------------- */

/* The line ends inside a sentence: a wrap candidate. */
static bool
ends_mid_sentence(const char *s, size_t len)
{
	uint32_t cp = zc_utf8_last(s, len);

	return zc_chars_is_han(cp) || (cp < 0x80 && isalnum((int)cp)) ||
	    cp == ',' || cp == 0xFF0C || cp == 0x3001 || cp == 0x201C ||
	    cp == 0x300A || cp == '(' || cp == 0xFF08 || cp == 0x2014 ||
	    cp == '-' || cp == '%';
}

/* Starts like a new item: 一、 (一) （一） 1. 1、 第…条 —— • … */
static bool
starts_item(const char *s, size_t len)
{
	size_t adv, i = 0;
	uint32_t cp = zc_utf8_decode(s, len, &adv), next;

	if (cp == '(' || cp == 0xFF08 || cp == 0x3014 || cp == 0x3010) {
		i = adv;
		next = zc_utf8_decode(s + i, len - i, &adv);
		return (next < 0x80 && isdigit((int)next)) ||
		    zc_chars_is_han_numeral(next);
	}
	if (cp == 0x2014 || cp == 0x2022 || cp == 0x25CF || cp == 0x25A0 ||
	    cp == 0x25C6 || cp == 0x2605 || cp == '*' || cp == '#' ||
	    cp == '-' || cp == 0x00B7 || cp == 0x25CB || cp == 0x25A1)
		return true;
	if (starts(s, "第"))
		return true;
	while (i < len && isdigit((unsigned char)s[i]))
		i++;
	if (i > 0 && i < len && (s[i] == '.' || s[i] == ')' ||
	    starts(s + i, "、") || starts(s + i, "．") || starts(s + i, "）")))
		return true;
	i = 0;
	while (i < len &&
	    zc_chars_is_han_numeral(zc_utf8_decode(s + i, len - i, &adv)))
		i += adv;
	return i > 0 && (starts(s + i, "、") || starts(s + i, "是"));
}

static bool
is_org_name(const char *s, size_t len)
{
	static const char *const suffixes[] = { "厅", "局", "委", "委员会",
	    "政府", "办公室", "办公厅", "院", "部", "会", "中心", "处", "署",
	    "公司", "集团", "管委会", "协会", "银行", "大学", "学校", "所",
	    NULL };
	size_t cps = zc_utf8_count(s, len);

	if (cps < 3 || cps > 30)
		return false;
	for (int i = 0; suffixes[i] != NULL; i++) {
		size_t n = strlen(suffixes[i]);

		if (len >= n && memcmp(s + len - n, suffixes[i], n) == 0)
			return true;
	}
	return false;
}

/* Starts with a date that exists (zc_dates.h: a day, a month, a year
 * with 年; 2024年7月19日, 2024-08, 二〇二四年): a signature or a dated
 * entry, not the rest of a wrapped sentence. */
static bool
looks_dated(const char *s, size_t len)
{
	zc_date d;

	return zc_dates_scan(s, len, &d) > 0 && zc_dates_exists(&d);
}

/* A short line without punctuation or digits: one item of a menu. */
static bool
is_menu_item(const zc_line *l)
{
	const char *s = l->text;
	size_t len = l->len, i = 0, adv, cps = 0;

	if (l->flags & ZC_LINE_HEADING)
		return false;
	if (starts(s, "• ") || starts(s, "· ") || starts(s, "● "))
		s += 4, len -= 4;
	if (len == 0 || starts_item(s, len))
		return false;
	while (i < len) {
		uint32_t cp = zc_utf8_decode(s + i, len - i, &adv);

		if (!(zc_chars_is_han(cp) || cp == ' ') || ++cps > 8)
			return false;
		i += adv;
	}
	return cps >= 2;
}

/* ---- titles ---------------------------------------------------------- */

static const char *const site_words[] = {
	"网", "门户", "政府", "官网", "平台", "首页", "在线", "频道",
	/* gambling spam grafted onto scraped pages */
	"博", "彩", "娱乐", "凯时", "棋牌", "体育", "真人", "赌", "澳门",
	"威尼斯", "葡京", "金沙", "永利", "app", "APP", "下载", NULL
};

static const char *const separators[] = { "-", "_", "|", "—", "–", "－",
    "＿", "｜", NULL };

/* Byte offset of the separator before a removable suffix, or 0.  With
 * others, a line of the document equal to the prefix also proves it. */
static size_t
suffix_at(const char *s, size_t len, const zc_lines *others)
{
	size_t best = 0, best_n = 0;

	for (int k = 0; separators[k] != NULL; k++) {
		size_t n = strlen(separators[k]);

		for (size_t i = 1; i + n <= len; i++)
			if (memcmp(s + i, separators[k], n) == 0 && i > best)
				best = i, best_n = n;
	}
	if (best == 0) {
		return 0;
	} else {
		const char *suf = s + best + best_n;
		size_t suf_len = len - best - best_n;
		size_t pre_cps = zc_utf8_count(s, best);
		size_t suf_cps = zc_utf8_count(suf, suf_len);
		char *sfx;
		bool site = false;

		while (suf_len > 0 && *suf == ' ')
			suf++, suf_len--;
		if (pre_cps < 6 || suf_cps < 2 || suf_cps > 30 ||
		    !zc_chars_is_han(zc_utf8_first(suf, suf_len)))
			return 0;
		for (size_t i = 0; i < suf_len; i++)
			if (isdigit((unsigned char)suf[i]) || suf[i] == ')')
				return 0;
		sfx = zc_xstrndup(suf, suf_len);
		if (has(sfx, "）") || has(sfx, "》") || has(sfx, "，") ||
		    has(sfx, "。")) {
			free(sfx);
			return 0;
		}
		for (int w = 0; site_words[w] != NULL && !site; w++)
			site = has(sfx, site_words[w]);
		free(sfx);
		if (!site && others != NULL) {
			size_t pre = best;

			while (pre > 0 && s[pre - 1] == ' ')
				pre--;
			for (size_t i = 0; i < others->n && !site; i++) {
				const zc_line *o = &others->items[i];

				site = !(o->flags & ZC_LINE_DROP) &&
				    o->len == pre && o->text != s &&
				    memcmp(o->text, s, pre) == 0;
			}
		}
		return site ? best : 0;
	}
}

char *
zc_clean_title(const char *s)
{
	zc_buf b = { 0 };
	size_t cut;

	zc_chars_close_up(s, strlen(s), &b);
	while ((cut = suffix_at(b.data, b.len, NULL)) > 0) {
		while (cut > 0 && b.data[cut - 1] == ' ')
			cut--;
		b.len = cut;
		b.data[cut] = '\0';
	}
	return zc_buf_steal(&b);
}

/* ---- the stage ------------------------------------------------------- */

/* PDF exports break lines inside words and put spaces between Han
 * characters; the share of such spaces tells a wrapped document. */
static bool
looks_wrapped(const zc_lines *l)
{
	size_t splits = 0, han = 0;

	for (size_t k = 0; k < l->n; k++) {
		const char *s = l->items[k].text;
		size_t len = l->items[k].len, i = 0, adv;
		uint32_t prev = 0;
		bool space = false;

		if (zc_utf8_count(s, len) < 25)
			continue;
		while (i < len) {
			uint32_t cp = zc_utf8_decode(s + i, len - i, &adv);

			i += adv;
			if (zc_chars_is_space(cp)) {
				space = true;
				continue;
			}
			if (zc_chars_is_han(cp)) {
				han++;
				if (space && zc_chars_is_han(prev))
					splits++;
			}
			space = false;
			prev = cp;
		}
	}
	return splits >= 5 && splits * 100 >= han;
}

static void
drop_menu_runs(zc_lines *l)
{
	size_t i = 0;

	while (i < l->n) {
		size_t j = i, items = 0;

		while (j < l->n && ((l->items[j].flags & ZC_LINE_DROP) ||
		    is_menu_item(&l->items[j]))) {
			if (!(l->items[j].flags & ZC_LINE_DROP))
				items++;
			j++;
		}
		if (items >= 3)
			for (size_t k = i; k < j; k++)
				l->items[k].flags |= ZC_LINE_DROP;
		i = j > i ? j : i + 1;
	}
}

static void
strip_title_suffixes(zc_lines *l)
{
	size_t seen = 0;

	for (size_t i = 0; i < l->n && seen < 10; i++) {
		zc_line *ln = &l->items[i];
		size_t cut;

		if (ln->flags & ZC_LINE_DROP)
			continue;
		seen++;
		if (zc_utf8_count(ln->text, ln->len) > 100)
			continue;
		cut = suffix_at(ln->text, ln->len, l);
		if (cut > 0) {
			while (cut > 0 && ln->text[cut - 1] == ' ')
				cut--;
			zc_lines_set_text(l, i, ln->text, cut, false);
			free(ln->raw);
			ln->raw = NULL;
		}
	}
}

/* At the head of a page, a line repeating one of the few kept lines
 * before it (a title printed as page title, heading and breadcrumb) is
 * indexed once.  Further down, repeats are content (table cells, 略). */
static void
drop_repeats(zc_lines *l)
{
	enum { WINDOW = 5, HEAD = 12 };
	const zc_line *recent[WINDOW] = { NULL };
	size_t k = 0;

	for (size_t i = 0; i < l->n && k < HEAD; i++) {
		zc_line *ln = &l->items[i];
		bool repeat = false;

		if (ln->flags & ZC_LINE_DROP)
			continue;
		for (int j = 0; j < WINDOW && !repeat; j++)
			repeat = recent[j] != NULL &&
			    recent[j]->len == ln->len &&
			    memcmp(recent[j]->text, ln->text, ln->len) == 0 &&
			    zc_utf8_count(ln->text, ln->len) <= 100;
		if (repeat) {
			ln->flags |= ZC_LINE_DROP;
			continue;
		}
		recent[k++ % WINDOW] = ln;
	}
}

static void
join_wrapped_lines(zc_lines *l, bool wrapped)
{
	zc_line *prev = NULL;

	for (size_t i = 0; i < l->n; i++) {
		zc_line *ln = &l->items[i];
		bool blank_between;

		if (ln->flags & ZC_LINE_DROP)
			continue;
		blank_between = (ln->flags & ZC_LINE_BREAK) != 0;
		if (prev != NULL && (wrapped || !blank_between) &&
		    !((prev->flags | ln->flags) & ZC_LINE_HEADING) &&
		    zc_utf8_count(prev->text, prev->len) >= 15 &&
		    ends_mid_sentence(prev->text, prev->len) &&
		    !starts_item(ln->text, ln->len) &&
		    !looks_dated(ln->text, ln->len) &&
		    memchr(prev->text, '|', prev->len) == NULL &&
		    memchr(ln->text, '|', ln->len) == NULL &&
		    (wrapped || !is_org_name(ln->text, ln->len)))
			ln->flags |= ZC_LINE_CONT;
		prev = ln;
	}
}

/* The hints are text too: a <title> and an ArticleTitle tag lose their
 * site-name suffix, a heading its split spaces; what ends up empty goes. */
static void
clean_hints(zc_hints *h)
{
	char *t;

	if (h->tags.value[ZC_FIELD_TITLE] != NULL) {
		t = zc_clean_title(h->tags.value[ZC_FIELD_TITLE]);
		zc_meta_set(&h->tags, ZC_FIELD_TITLE, t[0] != '\0' ? t : NULL);
		free(t);
	}
	if (h->title_tag != NULL) {
		t = zc_clean_title(h->title_tag);
		free(h->title_tag);
		h->title_tag = t;
		if (t[0] == '\0') {
			free(t);
			h->title_tag = NULL;
		}
	}
	if (h->heading != NULL) {
		zc_buf b = { 0 };

		zc_chars_close_up(h->heading, strlen(h->heading), &b);
		free(h->heading);
		h->heading = b.len > 0 ? zc_buf_steal(&b) : NULL;
		zc_buf_free(&b);
	}
}

void
zc_clean(zc_lines *l)
{
	bool wrapped = looks_wrapped(l);
	zc_buf b = { 0 }, c = { 0 };

	for (size_t i = 0; i < l->n; i++) {
		zc_line *ln = &l->items[i];

		zc_buf_reset(&b);
		zc_buf_reset(&c);
		zc_chars_collapse(ln->text, ln->len, &c);
		zc_chars_close_up(ln->text, ln->len, &b);
		if (b.len == 0) {
			ln->flags |= ZC_LINE_DROP;
			continue;
		}
		if (zc_clean_is_chrome(c.data, c.len) || is_bar_nav(c.data))
			ln->flags |= ZC_LINE_DROP;
		zc_lines_set_text(l, i, c.data, c.len, false);
		zc_lines_set_text(l, i, b.data, b.len, true);
	}
	zc_buf_free(&b);
	zc_buf_free(&c);
	drop_menu_runs(l);
	strip_title_suffixes(l);
	drop_repeats(l);
	join_wrapped_lines(l, wrapped);
	clean_hints(&l->hints);
}
