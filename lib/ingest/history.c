/*
 * history.c — the history lines of a law (zc_history.h), for the
 * metadata stage: joined header lines → events → the version's date,
 * first adoption, issuer and 令 number.
 *
 * Invariant: nothing here guesses.  An event without one of the action
 * words is not counted, and a body that is empty or longer than an
 * organ's name is no issuer.
 */
#include "zc_history.h"

#include <stdlib.h>
#include <string.h>

#include "zc_chars.h"
#include "zc_dates.h"
#include "zc_util.h"

/* Words that make an event count; 公布, 发布 and 颁布 also publish. */
static const char *const actions[] = { "通过", "批准", "公布", "修正",
    "修订", "发布", "颁布", NULL };
static const char *const publishing[] = { "公布", "发布", "颁布", NULL };
static const char *const adopting[] = { "通过", "批准", "修正", "修订",
    NULL };
/* Words of the day a text takes effect: a history line, never an event
 * (nor the day it was published). */
static const char *const effects[] = { "施行", "执行", "实施", "生效",
    NULL };

/* Where a body ends: the session, the instrument, and the act (the
 * words of actions[]). */
static const char *const body_stops[] = { "会议", "公告", "令", "《",
    "关于", NULL };
/* Parts of a body's name that are not the organ that speaks. */
static const char *const body_tails[] = { "审判委员会", "检察委员会", NULL };

#define MAX_EVENTS 64
/* The longest part of an event that a wrap moves to the next line. */
#define MAX_WRAPPED_CHARS 100
#define MAX_BODY_CHARS 40

typedef struct event {
	char iso[11];
	const char *text; /* after the date, up to the next date */
	size_t len;
} event;

/* The length of the one of words that starts at s[i], or 0. */
static size_t
word_len_at(const char *s, size_t len, size_t i, const char *const *words)
{
	for (int k = 0; words[k] != NULL; k++)
		if (len - i >= strlen(words[k]) &&
		    memcmp(s + i, words[k], strlen(words[k])) == 0)
			return strlen(words[k]);
	return 0;
}

/* Where a body stops at s[i] (zc_history.h), the length of the word. */
static size_t
stop_len(const char *s, size_t len, size_t i)
{
	size_t n = word_len_at(s, len, i, body_stops);

	return n > 0 ? n : word_len_at(s, len, i, actions);
}

static bool
has_word(const char *s, size_t len, const char *const *words)
{
	for (int i = 0; words[i] != NULL; i++)
		if (memmem(s, len, words[i], strlen(words[i])) != NULL)
			return true;
	return false;
}

/* A digit or a Chinese numeral (zc_chars.h: the one table of them). */
static bool
is_numeral(uint32_t cp)
{
	return zc_chars_digit(cp) >= 0 || zc_chars_is_han_numeral(cp);
}

/* A date at s[i] that does not continue a number before it; its length,
 * or 0. */
static size_t
date_at(const char *s, size_t len, size_t i, char iso[11])
{
	if (i > 0 && is_numeral(zc_utf8_last(s, i)))
		return 0;
	if (!is_numeral(zc_utf8_first(s + i, len - i)))
		return 0;
	return zc_dates_scan_day(s + i, len - i, iso);
}

/* Skip spaces and the words that may stand before a history line's
 * date. */
static size_t
skip_lead(const char *s, size_t len, size_t i)
{
	static const char *const leads[] = { "（", "(", "根据", "经", "由",
	    NULL };
	size_t adv, n;

	for (;;) {
		bool moved = false;

		while (i < len && zc_chars_is_space(zc_utf8_decode(s + i,
		    len - i, &adv))) {
			i += adv;
			moved = true;
		}
		n = i < len ? word_len_at(s, len, i, leads) : 0;
		i += n;
		if (!moved && n == 0)
			return i;
	}
}

/* A full stop before the end: a paragraph of the body, never a history
 * line (which may end with one, …第二次修正。, or put one between two
 * events, …修订发布。根据…). */
static bool
has_inner_stop(const char *s, size_t len)
{
	for (const char *p = s; (p = memmem(p, (size_t)(s + len - p), "。",
	    3)) != NULL; p += 3) {
		size_t rest = (size_t)(s + len - p - 3);

		if (rest > 0 && !(rest >= 6 && memcmp(p + 3, "根据", 6) == 0))
			return true;
	}
	return false;
}

/* Does every action word of s[0..len) qualify a noun (修正的《…》, 发布的
 * 《…》), as a sentence citing an act does, rather than end an event? */
static bool
only_cites(const char *s, size_t len)
{
	bool cited = false;

	for (int k = 0; actions[k] != NULL; k++) {
		size_t n = strlen(actions[k]);

		for (const char *p = s; (p = memmem(p, (size_t)(s + len - p),
		    actions[k], n)) != NULL; p += n) {
			if ((size_t)(s + len - p) < n + 3 ||
			    memcmp(p + n, "的", 3) != 0)
				return false;
			cited = true;
		}
	}
	return cited;
}

bool
zc_history_starts_line(const char *s, size_t len)
{
	char iso[11];
	size_t i = skip_lead(s, len, 0), n = date_at(s, len, i, iso);
	const char *rest = s + i + n;
	size_t rlen = len - i - n;

	if (n == 0 || has_inner_stop(s, len) ||
	    zc_history_date_opens_sentence(rest, rlen))
		return false;
	return (has_word(rest, rlen, actions) && !only_cites(rest, rlen)) ||
	    zc_history_takes_effect(rest, rlen);
}

bool
zc_history_date_opens_sentence(const char *rest, size_t len)
{
	size_t i = 0, adv;
	uint32_t cp = 0;

	while (i < len && (cp = zc_utf8_decode(rest + i, len - i, &adv)) ==
	    ' ')
		i += adv;
	return (i < len && (cp == 0xFF0C || cp == ',')) ||
	    has_inner_stop(rest, len);
}

bool
zc_history_publishes(const char *s, size_t len)
{
	static const char *const publishes[] = { "现予公布", "予以公布",
	    "现予发布", "现予施行", NULL };

	return has_word(s, len, publishes);
}

bool
zc_history_is_sentence(const char *s, size_t len)
{
	/* 《…条例》已由…通过，现予公布: the notice that publishes a law
	 * stands above it, and its history below */
	return memmem(s, len, "。", 3) != NULL && !zc_history_starts_line(s,
	    len) && !zc_history_publishes(s, len);
}

bool
zc_history_takes_effect(const char *s, size_t len)
{
	return has_word(s, len, effects);
}

/* The events of s[0..len), at most max; their number. */
static size_t
find_events(const char *s, size_t len, event *ev, size_t max)
{
	size_t n = 0, i = 0, adv;

	while (i < len) {
		char iso[11];
		size_t d = date_at(s, len, i, iso);

		if (d == 0) {
			zc_utf8_decode(s + i, len - i, &adv);
			i += adv;
			continue;
		}
		if (n > 0)
			ev[n - 1].len = (size_t)(s + i - ev[n - 1].text);
		if (n == max)
			return n;
		memcpy(ev[n].iso, iso, sizeof iso);
		ev[n].text = s + i + d;
		ev[n].len = len - i - d;
		n++;
		i += d;
	}
	return n;
}

/* Does the last event of s[0..len) still wait for its action or for
 * the end of a 《 title? */
static bool
is_open(const char *s, size_t len)
{
	event ev[MAX_EVENTS];
	size_t n = find_events(s, len, ev, MAX_EVENTS);

	if (n == 0)
		return false;
	return zc_chars_opens_book_title(ev[n - 1].text, ev[n - 1].len) ||
	    (!has_word(ev[n - 1].text, ev[n - 1].len,
	    actions) && !has_word(ev[n - 1].text, ev[n - 1].len, effects));
}

/* 第 + numerals + one of the characters of what at s[i]: its length, or
 * 0. */
static size_t
ordinal_at(const char *s, size_t len, size_t i, const char *what)
{
	size_t j = i, adv, digits = 0;

	if (len - i < 3 || memcmp(s + i, "第", 3) != 0)
		return 0;
	j += 3;
	while (j < len && is_numeral(zc_utf8_decode(s + j, len - j, &adv))) {
		j += adv;
		digits++;
	}
	if (digits == 0 || len - j < strlen(what) ||
	    memcmp(s + j, what, strlen(what)) != 0)
		return 0;
	return j + strlen(what) - i;
}

bool
zc_history_is_order_number(const char *s, size_t len)
{
	return len > 6 && memcmp(s + len - 3, "号", 3) == 0 &&
	    ordinal_at(s, len, 0, "号") == len;
}

/* 第一条 …, 第一章 总则: the body has begun.  第三十一条的决定》修正 and
 * 第三十条、第三十一条 are the rest of a wrapped title that cites them
 * (clean has taken the space after 第一条 out, so what follows tells). */
static bool
starts_article(const char *s, size_t len)
{
	static const char *const units[] = { "条", "章", "节", "编", NULL };
	static const uint32_t citing[] = { 0x7684, 0x3001, 0x548C, 0x53CA,
	    0x4E0E, 0x81F3, 0xFF0C, ',', 0x300B, 0x3009, '>', 0 };

	for (int k = 0; units[k] != NULL; k++) {
		size_t n = ordinal_at(s, len, 0, units[k]), adv;
		uint32_t next;

		if (n == 0)
			continue;
		if (n == len)
			return true;
		next = zc_utf8_decode(s + n, len - n, &adv);
		for (int c = 0; citing[c] != 0; c++)
			if (next == citing[c])
				return false;
		return true;
	}
	return false;
}

bool
zc_history_continues(const char *joined, size_t joined_len,
    const char *line, size_t len)
{
	bool wrapped;

	if (has_inner_stop(line, len))
		return false;
	if (zc_history_starts_line(line, len))
		return true;
	/* what a wrap cuts off is short, and never an article of the body
	 * (an event whose word we do not count, 修改, stays open) */
	wrapped = zc_utf8_count(line, len) <= MAX_WRAPPED_CHARS &&
	    !starts_article(line, len) && is_open(joined, joined_len);
	/* …的决定》第三次修正。 ends the event before it; 2024年，…。 is a
	 * sentence */
	if (memmem(line, len, "。", 3) != NULL)
		return wrapped;
	return is_numeral(zc_utf8_first(line, len)) ||
	    is_numeral(zc_utf8_last(joined, joined_len)) || wrapped;
}

/* The organ of an event's text: see zc_history.h.  NULL when none. */
static char *
event_body(const char *s, size_t len)
{
	zc_buf b = {0};
	size_t i = skip_lead(s, len, 0), adv;

	if (len - i >= 3 && memcmp(s + i, "《", 3) == 0) {
		const char *about = memmem(s + i, len - i, "关于", 6);
		const char *close = memmem(s + i, len - i, "》", 3);

		if (about == NULL || (close != NULL && close < about))
			return NULL;
		zc_buf_append(&b, s + i + 3, (size_t)(about - s) - i - 3);
	} else {
		while (i < len) {
			size_t skip = ordinal_at(s, len, i, "届");
			uint32_t cp;

			if (skip > 0) {
				i += skip;
				continue;
			}
			cp = zc_utf8_decode(s + i, len - i, &adv);
			/* 第18次常务会议, 第26号公告: the session, the
			 * notice */
			if (zc_chars_is_space(cp) || ordinal_at(s, len, i, "次") ||
			    ordinal_at(s, len, i, "号") || stop_len(s, len, i) > 0)
				break;
			zc_buf_append(&b, s + i, adv);
			i += adv;
		}
	}
	for (int k = 0; body_tails[k] != NULL; k++) {
		size_t n = strlen(body_tails[k]);

		if (b.len > n && memcmp(b.data + b.len - n, body_tails[k], n) == 0)
			b.data[b.len -= n] = '\0';
	}
	if (b.len == 0 || zc_utf8_count(b.data, b.len) < 2 ||
	    zc_utf8_count(b.data, b.len) > MAX_BODY_CHARS) {
		zc_buf_free(&b);
		return NULL;
	}
	return zc_buf_steal(&b);
}

/* …令第588号 in an event's text: the 文号 of the order that promulgated
 * it, from the name of the body that gave it (the Han characters and 、
 * right before 令).  NULL when none. */
static char *
event_order(const char *s, size_t len)
{
	const char *order = memmem(s, len, "令第", 6), *end, *start = s;
	size_t adv;

	if (order == NULL)
		return NULL;
	end = memmem(order, (size_t)(s + len - order), "号", 3);
	if (end == NULL || !zc_history_is_order_number(order + 3,
	    (size_t)(end + 3 - order - 3)))
		return NULL;
	/* the name: the Han characters and 、 right before 令, after the
	 * last act or session among them (clean took out the space of
	 * …第138次常务会议通过　国务院令第588号) */
	for (const char *p = s; p < order; p += adv) {
		size_t n = stop_len(s, (size_t)(order - s), (size_t)(p - s));
		uint32_t cp = zc_utf8_decode(p, (size_t)(order - p), &adv);

		if (n > 0) {
			start = p + n;
			adv = n;
		} else if (cp != 0x3001 && !zc_chars_is_han(cp)) {
			start = p + adv;
		}
	}
	if (start == order)
		return NULL;
	return zc_xstrndup(start, (size_t)(end + 3 - start));
}

bool
zc_history_read(const char *s, size_t len, zc_history *h)
{
	event ev[MAX_EVENTS];
	size_t n = find_events(s, len, ev, MAX_EVENTS);
	const event *latest = NULL;
	int cmp;

	memset(h, 0, sizeof *h);
	for (size_t k = 0; k < n; k++) {
		if (!has_word(ev[k].text, ev[k].len, actions))
			continue;
		if (h->first[0] == '\0' || strcmp(ev[k].iso, h->first) < 0)
			memcpy(h->first, ev[k].iso, sizeof h->first);
		/* ties go to the later line (an approval after an adoption
		 * on the same day), unless it only promulgates what the
		 * earlier adopted: the body that adopted a law issues it,
		 * not the 主席 who signs its order */
		cmp = latest == NULL ? 1 : strcmp(ev[k].iso, latest->iso);
		if (cmp > 0 || (cmp == 0 && (has_word(ev[k].text, ev[k].len,
		    adopting) || !has_word(latest->text, latest->len,
		    adopting))))
			latest = &ev[k];
		if (has_word(ev[k].text, ev[k].len, publishing) &&
		    strcmp(ev[k].iso, h->published) > 0)
			memcpy(h->published, ev[k].iso, sizeof h->published);
	}
	if (latest == NULL)
		return false;
	memcpy(h->version, latest->iso, sizeof h->version);
	h->issuer = event_body(latest->text, latest->len);
	/* the order of the version: on any counted line of its day */
	for (size_t k = n; k > 0 && h->doc_no == NULL; k--)
		if (strcmp(ev[k - 1].iso, h->version) == 0 &&
		    has_word(ev[k - 1].text, ev[k - 1].len, actions))
			h->doc_no = event_order(ev[k - 1].text, ev[k - 1].len);
	return true;
}

void
zc_history_free(zc_history *h)
{
	free(h->issuer);
	free(h->doc_no);
	memset(h, 0, sizeof *h);
}
