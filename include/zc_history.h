/*
 * zc_history.h — the history lines of a law or regulation, read by the
 * metadata stage (zc_meta.h): the dated lines under its title that say
 * who adopted, approved, promulgated and amended it.
 *
 *   1985年1月21日 第六届全国人民代表大会常务委员会第九次会议通过
 *   2024年6月28日 第十四届全国人民代表大会常务委员会第十次会议《关于修改
 *       〈中华人民共和国会计法〉的决定》第三次修正
 *   2011年1月8日 中华人民共和国国务院令第588号公布
 *   （2021年3月11日第十三届全国人民代表大会第四次会议通过）
 *
 * Every date (zc_dates.h) starts an event that runs to the next date.
 * An event counts when it says 通过, 批准, 公布, 修正, 修订, 发布 or 颁布;
 * one that only says 施行 (the day it takes effect) does not.  The
 * version in hand is the latest counted event (of two on one day, the
 * one that adopts rather than only promulgates): its date is the
 * document's date, its body the issuer (第N届, the session and the
 * notice's number removed:
 * 全国人民代表大会常务委员会, 国务院, 最高人民法院), the 令 number on a
 * line of its day the 文号;
 * the earliest counted event is the first adoption.
 */
#ifndef ZC_HISTORY_H
#define ZC_HISTORY_H

#include <stdbool.h>
#include <stddef.h>

typedef struct zc_history {
	char version[11];   /* latest counted event, ISO; "" when none */
	char first[11];     /* earliest counted event */
	char published[11]; /* latest 公布, 发布 or 颁布 event; "" when none */
	char *issuer;       /* body of the latest event, or NULL */
	char *doc_no;       /* its 令 number (…令第588号), or NULL */
} zc_history;

/* Does s[0..len) start a history line: after spaces and one of （ (
 * 根据 经, a date, then an action word or a word of taking effect (施行,
 * 执行, 实施, 生效: a history line that is no event)?  Not a sentence of
 * the body: one with a full stop before its end, a comma right after
 * its date (2024年1月20日，…审议通过了…), or action words that only cite
 * an act (修正的《…》). */
bool zc_history_starts_line(const char *s, size_t len);

/* Does rest[0..len), what follows a date, make the date the opening of
 * a sentence (2024年1月20日，国务院常务会议审议通过了…: a comma, or a full
 * stop before its end) rather than a dateline or a history line?  The
 * metadata stage asks it of a date line under a title too. */
bool zc_history_date_opens_sentence(const char *rest, size_t len);

/* Is s[0..len) the sentence of a notice that publishes a law or an
 * interpretation (…现予公布, 予以公布, 现予发布)? */
bool zc_history_publishes(const char *s, size_t len);

/* Is s[0..len) a sentence of the body (it has a full stop, starts no
 * history line and is not the notice that publishes a law: …现予公布)?
 * A law's history stands above the first of them. */
bool zc_history_is_sentence(const char *s, size_t len);

/* Does s[0..len) say that a text takes effect (施行, 执行, 实施, 生效)?
 * Such a date is neither an event nor a publication. */
bool zc_history_takes_effect(const char *s, size_t len);

/* Does line[0..len) go on with the history lines joined so far,
 * joined[0..joined_len)?  Not when it has a full stop (。) before its
 * end, as a paragraph of the body does.  It does when it starts a
 * history line itself, or when it starts with a numeral (the next event, or the rest of a date cut by
 * the wrap: 2014年9月26 / 日山东省…), or when the last event so far still
 * waits for its action (通过, 修正 …) or for the end of a 《 title.  The
 * caller stops at a heading. */
bool zc_history_continues(const char *joined, size_t joined_len,
    const char *line, size_t len);

/* Read the events of s[0..len) (history lines joined by spaces) into *h
 * (zeroed first; free with zc_history_free).  False, and *h empty, when
 * no event counts. */
bool zc_history_read(const char *s, size_t len, zc_history *h);

void zc_history_free(zc_history *h);

/* Is s[0..len) the number of an order, 第 + numerals + 号 (第752号), as
 * it stands under 中华人民共和国国务院令? */
bool zc_history_is_order_number(const char *s, size_t len);

#endif
