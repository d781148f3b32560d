/*
 * dates.c — the one date grammar (zc_dates.h).  Read by the metadata
 * stage (发文日期 from labels, header lines, signatures and tags), by
 * the clean stage (a line that starts with a date is not a wrapped
 * one) and by the query parser (date: values and the ends of ranges).
 *
 * Invariants: scanning never reads past len and never fails halfway:
 * it returns the longest whole date it found (a day, else its month,
 * else its year), so every caller sees the same forms; whether the date
 * exists is a separate question (zc_dates_exists), because the query
 * parser reports "impossible" and "bad" dates differently.
 */
#include "zc_dates.h"

#include <stdio.h>
#include <string.h>

#include "zc_chars.h"

#define CP_YEAR 0x5E74  /* 年 */
#define CP_MONTH 0x6708 /* 月 */
#define CP_DAY 0x65E5   /* 日 */
#define CP_HAO 0x53F7   /* 号, the day in spoken style */
#define CP_ZHENG 0x6B63 /* 正, as in 正月 */
#define CP_CHU 0x521D   /* 初, as in 初五 */

bool
zc_dates_is_leap(int year)
{
	return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

int
zc_dates_days_in_month(int year, int month)
{
	static const int days[12] = {
		31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31
	};

	if (month < 1 || month > 12)
		return 0;
	if (month == 2 && zc_dates_is_leap(year))
		return 29;
	return days[month - 1];
}

/* Howard Hinnant's days_from_civil: years start in March, so that the
 * leap day ends one. */
long
zc_dates_day_number(int year, int month, int day)
{
	long y = month <= 2 ? year - 1 : year;
	long era = (y >= 0 ? y : y - 399) / 400;
	long yoe = y - era * 400;
	long doy = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 +
	    day - 1;
	long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;

	return era * 146097 + doe - 719468;
}

bool
zc_dates_exists(const zc_date *d)
{
	if (d->parts < 1 || d->year < 1)
		return false;
	if (d->parts >= 2 && (d->month < 1 || d->month > 12))
		return false;
	return d->parts < 3 || (d->day >= 1 &&
	    d->day <= zc_dates_days_in_month(d->year, d->month));
}

/* ---- scanning ---------------------------------------------------------- */

static bool
at_digit(const zc_cursor *c)
{
	size_t adv;

	return zc_chars_digit(zc_cursor_peek(c, &adv)) >= 0;
}

/* The separator of an Arabic date ('-', '/', '.' or 年), or 0. */
static uint32_t
separator(uint32_t cp)
{
	cp = zc_chars_fold_width(cp);
	return cp == '-' || cp == '/' || cp == '.' || cp == CP_YEAR ? cp : 0;
}

static bool
scan_arabic(zc_cursor *c, zc_date *d)
{
	zc_cursor year_end, month_end;
	size_t adv;
	uint32_t sep;
	int n, v, m, day;

	v = zc_cursor_number(c, 9, &n);
	if (n == 8 || n == 6) { /* 20240812, 202408 */
		d->year = n == 8 ? v / 10000 : v / 100;
		d->month = n == 8 ? v / 100 % 100 : v % 100;
		d->day = n == 8 ? v % 100 : 0;
		d->parts = n == 8 ? 3 : 2;
		return true;
	}
	if (n != 4)
		return false;
	d->year = v;
	d->parts = 1;
	year_end = *c;
	zc_cursor_skip_space(c);
	sep = separator(zc_cursor_peek(c, &adv));
	if (sep == 0) {
		/* a bare year, when nothing but space follows */
		bool at_end = c->i == c->len;

		*c = year_end;
		return at_end;
	}
	c->i += adv;
	if (sep == CP_YEAR)
		year_end = *c;
	zc_cursor_skip_space(c);
	m = zc_cursor_number(c, 2, &n);
	if (m < 0 || at_digit(c)) {
		*c = year_end;
		return sep == CP_YEAR;
	}
	if (sep == CP_YEAR) {
		zc_cursor_skip_space(c);
		if (!zc_cursor_accept(c, CP_MONTH)) {
			*c = year_end;
			return true;
		}
	}
	d->month = m;
	d->parts = 2;
	month_end = *c;
	zc_cursor_skip_space(c);
	if (sep != CP_YEAR) {
		if (separator(zc_cursor_peek(c, &adv)) != sep) {
			*c = month_end;
			return true;
		}
		c->i += adv;
		zc_cursor_skip_space(c);
	}
	day = zc_cursor_number(c, 2, &n);
	if (day < 0 || at_digit(c)) {
		*c = month_end;
		return true;
	}
	if (sep == CP_YEAR) {
		zc_cursor_skip_space(c);
		if (!zc_cursor_accept(c, CP_DAY) &&
		    !zc_cursor_accept(c, CP_HAO)) {
			*c = month_end;
			return true;
		}
	}
	d->day = day;
	d->parts = 3;
	return true;
}

/* A digit of a year in Chinese numerals; OCR reads 〇 as a letter O. */
static int
year_digit(uint32_t cp)
{
	if (cp == 'O' || cp == 'o' || cp == 0x039F || cp == 0xFF2F)
		return 0;
	return zc_chars_han_digit(cp);
}

/* 十二, 二十三, 三十一, 廿一, 初五: a number below 100 in Chinese. */
static int
read_han_number(zc_cursor *c)
{
	size_t adv;
	uint32_t cp = zc_cursor_peek(c, &adv);
	long tens;
	int v = -1, d;

	if (cp == CP_CHU) {
		c->i += adv;
		cp = zc_cursor_peek(c, &adv);
	}
	if ((d = zc_chars_han_digit(cp)) > 0) {
		v = d;
		c->i += adv;
		cp = zc_cursor_peek(c, &adv);
	}
	tens = zc_chars_han_numeral(cp);
	if (tens == 10 || tens == 20 || tens == 30) { /* 十 拾 廿 卅 */
		if (tens == 10)
			tens = v > 0 ? v * 10 : 10;
		else if (v > 0)
			return -1; /* 二廿 */
		c->i += adv;
		v = (int)tens;
		if ((d = zc_chars_han_digit(zc_cursor_peek(c, &adv))) > 0) {
			v += d;
			c->i += adv;
		}
	}
	return v;
}

static bool
scan_han(zc_cursor *c, zc_date *d)
{
	zc_cursor year_end, month_end;
	size_t adv;
	int n = 0, dg, m, day;

	while (n < 4 && (dg = year_digit(zc_cursor_peek(c, &adv))) >= 0) {
		d->year = d->year * 10 + dg;
		c->i += adv;
		n++;
	}
	if (n != 4)
		return false;
	zc_cursor_skip_space(c);
	if (!zc_cursor_accept(c, CP_YEAR))
		return false;
	d->parts = 1;
	year_end = *c;
	zc_cursor_skip_space(c);
	if (zc_cursor_accept(c, CP_ZHENG))
		m = 1;
	else
		m = read_han_number(c);
	zc_cursor_skip_space(c);
	if (m < 0 || !zc_cursor_accept(c, CP_MONTH)) {
		*c = year_end;
		return true;
	}
	d->month = m;
	d->parts = 2;
	month_end = *c;
	zc_cursor_skip_space(c);
	day = read_han_number(c);
	zc_cursor_skip_space(c);
	if (day < 0 ||
	    !(zc_cursor_accept(c, CP_DAY) || zc_cursor_accept(c, CP_HAO))) {
		*c = month_end;
		return true;
	}
	d->day = day;
	d->parts = 3;
	return true;
}

/* 19:24 or 19:24:00 after a date. */
static void
skip_time(zc_cursor *c)
{
	zc_cursor t = *c;
	int n, h, mi;

	zc_cursor_skip_space(&t);
	h = zc_cursor_number(&t, 2, &n);
	if (h < 0 || h > 24 ||
	    !(zc_cursor_accept(&t, ':') || zc_cursor_accept(&t, 0xFF1A)))
		return;
	mi = zc_cursor_number(&t, 2, &n);
	if (mi < 0 || n != 2)
		return;
	if (zc_cursor_accept(&t, ':') || zc_cursor_accept(&t, 0xFF1A))
		if (zc_cursor_number(&t, 2, &n) < 0)
			return;
	*c = t;
}

size_t
zc_dates_scan(const char *s, size_t len, zc_date *out)
{
	zc_cursor c = { s, len, 0 };
	size_t start;

	memset(out, 0, sizeof *out);
	zc_cursor_skip_space(&c);
	start = c.i;
	if (!scan_arabic(&c, out)) {
		memset(out, 0, sizeof *out);
		c.i = start;
		if (!scan_han(&c, out)) {
			memset(out, 0, sizeof *out);
			return 0;
		}
	}
	if (out->parts == 3)
		skip_time(&c);
	return c.i;
}

size_t
zc_dates_scan_day(const char *s, size_t len, char iso[11])
{
	zc_date d;
	size_t n = zc_dates_scan(s, len, &d);

	if (n == 0 || d.parts != 3 || !zc_dates_exists(&d) ||
	    d.year < 1900 || d.year > 2199) {
		iso[0] = '\0';
		return 0;
	}
	snprintf(iso, 11, "%04u-%02u-%02u", (unsigned)d.year % 10000u,
	    (unsigned)d.month % 100u, (unsigned)d.day % 100u);
	return n;
}
