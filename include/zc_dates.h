/*
 * zc_dates.h — the one date grammar, for the dates of documents (the
 * metadata stage, the clean stage's signature lines) and the date:
 * values of queries.  Text layer: both sides read dates through here.
 *
 * A date is, after text space (zc_chars.h):
 *   Arabic  YYYY-MM-DD, YYYY/MM/DD, YYYY.MM.DD   one separator throughout
 *           YYYY年M月D日 (or 号)                  spaces allowed between
 *                                                the parts
 *           YYYYMMDD
 *   Chinese 二〇二四年二月十三日 (〇 ○ 零, the capitals 贰〇贰肆, tens
 *           十 拾 廿 卅, 正月, a letter O that OCR put for 〇 in the year)
 * with ASCII or full-width digits and separators, and a time of day
 * (19:24, 19:24:00) after a whole day taken along.  The same forms
 * without their day are a month (YYYY-MM, YYYY年M月, YYYYMM,
 * 二〇二四年二月), and without their month a year (YYYY年, 二〇二四年;
 * YYYY alone only when nothing but space follows, since a line that
 * starts with a four-digit number is not dated).
 */
#ifndef ZC_DATES_H
#define ZC_DATES_H

#include <stdbool.h>
#include <stddef.h>

#include "zc_util.h"

bool zc_dates_is_leap(int year);
/* Days of month 1-12 of year; 0 for another month. */
int zc_dates_days_in_month(int year, int month);
/* The day's number, counted from 1970-01-01 (proleptic Gregorian): the
 * difference of two is the days between them. */
long zc_dates_day_number(int year, int month, int day);

typedef struct zc_date {
	int year;
	int month; /* 0 when parts < 2 */
	int day;   /* 0 when parts < 3 */
	int parts; /* 1 a year, 2 a month, 3 a day */
} zc_date;

/* The longest date (see above) at the start of s[0..len), after text
 * space: the bytes it takes, time of day included, or 0 (and *out
 * zeroed) when there is none.  Only the form is checked: 2024-02-30 is
 * scanned, zc_dates_exists says that it is not a day. */
size_t zc_dates_scan(const char *s, size_t len, zc_date *out);

/* Does the date exist: a year from 1, a month 1-12, a day of that
 * month? */
bool zc_dates_exists(const zc_date *d);

/* A document's date at the start of s[0..len): a whole day that exists,
 * between 1900 and 2199 (other years are numbers that look like dates),
 * as ISO "YYYY-MM-DD" in iso; the bytes it takes, or 0 (iso empty). */
size_t zc_dates_scan_day(const char *s, size_t len, char iso[11]);

#endif
