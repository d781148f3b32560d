/*
 * test_dates.c — the one date grammar: leap years and month lengths, a
 * document's day in every form the documents use, the years and months
 * that queries give, and where a date at the start of a text ends.
 */
#include <criterion/criterion.h>
#include <string.h>

#include "zc_dates.h"

Test(dates, day_numbers_count_days_across_months_and_leap_years)
{
	cr_expect_eq(zc_dates_day_number(1970, 1, 1), 0);
	cr_expect_eq(zc_dates_day_number(2000, 3, 1) -
	    zc_dates_day_number(2000, 2, 28), 2); /* 2000 is leap */
	cr_expect_eq(zc_dates_day_number(1900, 3, 1) -
	    zc_dates_day_number(1900, 2, 28), 1); /* 1900 is not */
	cr_expect_eq(zc_dates_day_number(2025, 1, 1) -
	    zc_dates_day_number(2024, 1, 1), 366);
	cr_expect_eq(zc_dates_day_number(2024, 8, 12), 19947); /* date -d */
	cr_expect_eq(zc_dates_day_number(1969, 12, 31), -1);
}

Test(dates, leap_years_follow_the_gregorian_rule)
{
	cr_expect(zc_dates_is_leap(2024));
	cr_expect(!zc_dates_is_leap(2023));
	cr_expect(zc_dates_is_leap(2000));
	cr_expect(!zc_dates_is_leap(1900));
	cr_expect(!zc_dates_is_leap(2100));
	cr_expect_eq(zc_dates_days_in_month(2024, 2), 29);
	cr_expect_eq(zc_dates_days_in_month(2023, 2), 28);
	cr_expect_eq(zc_dates_days_in_month(1900, 2), 28);
	cr_expect_eq(zc_dates_days_in_month(2000, 2), 29);
	cr_expect_eq(zc_dates_days_in_month(2024, 1), 31);
	cr_expect_eq(zc_dates_days_in_month(2024, 4), 30);
	cr_expect_eq(zc_dates_days_in_month(2024, 12), 31);
	cr_expect_eq(zc_dates_days_in_month(2024, 0), 0);
	cr_expect_eq(zc_dates_days_in_month(2024, 13), 0);
}

/* A document's day: s is one whole day (trailing space allowed). */
static const struct {
	const char *in;
	const char *iso; /* NULL: not a day */
} days[] = {
	{ "2024-08-12", "2024-08-12" },
	{ "2024-8-2", "2024-08-02" },
	{ "2024/08/12", "2024-08-12" },
	{ "2024.08.12", "2024-08-12" },
	{ "2024．08．12", "2024-08-12" },
	{ "2024 - 08 - 12", "2024-08-12" },
	{ "2024年2月13日", "2024-02-13" },
	{ "2024年02月13日", "2024-02-13" },
	{ "2024年2月13号", "2024-02-13" },
	{ "2024 年 2 月 13 日", "2024-02-13" },
	{ "2024\u3000年\u00a02\u2002月13日", "2024-02-13" },
	{ "２０２４年２月１３日", "2024-02-13" },
	{ "二〇二四年二月十三日", "2024-02-13" },
	{ "二○二三年十二月三十一日", "2023-12-31" },
	{ "二零二一年十月二十日", "2021-10-20" },
	{ "一九九九年一月一日", "1999-01-01" },
	{ "二O二四年正月初五日", "2024-01-05" },
	{ "二〇二四年二月廿一日", "2024-02-21" },
	{ "二〇二四年三月卅一日", "2024-03-31" },
	{ "贰〇贰肆年贰月拾叁日", "2024-02-13" },
	{ "2021-12-10 19:24", "2021-12-10" },
	{ "2024-08-12 15:34:00", "2024-08-12" },
	{ "  2024-08-12  ", "2024-08-12" },
	{ "20240812", "2024-08-12" },
	{ "2024年2月29日", "2024-02-29" },
	{ "2023年2月29日", NULL },
	{ "2024-02-30", NULL },
	{ "2024-13-01", NULL },
	{ "2024-00-10", NULL },
	{ "1899-12-31", NULL },
	{ "1900-01-01", "1900-01-01" },
	{ "2199-12-31", "2199-12-31" },
	{ "2200-01-01", NULL },
	{ "2024年8月", NULL },
	{ "2024-08", NULL },
	{ "202408", NULL },
	{ "2024年", NULL },
	{ "2024", NULL },
	{ "12/08/2024", NULL },
	{ "2024/08-12", NULL },
	{ "2024年8月12", NULL },
	{ "2024-08-12日", NULL },
	{ "2024-08-12 关于", NULL },
	{ "202408121", NULL },
	{ "2024-123-4", NULL },
	{ "", NULL },
	{ "二〇二四年十三月一日", NULL },
	{ "二廿年一月一日", NULL },
};

Test(dates, a_documents_day_in_every_form)
{
	for (size_t i = 0; i < sizeof days / sizeof days[0]; i++) {
		const char *s = days[i].in;
		size_t len = strlen(s), n;
		char iso[11];
		bool whole;

		n = zc_dates_scan_day(s, len, iso);
		whole = n > 0 && strspn(s + n, " ") == len - n;
		if (days[i].iso == NULL) {
			cr_expect(!whole, "%s is not a day", s);
		} else {
			cr_expect(whole, "%s is a day (%zu of %zu bytes)", s, n,
			    len);
			cr_expect_str_eq(iso, days[i].iso, "%s", s);
		}
	}
}

Test(dates, date_in_chinese_numerals)
{
	char iso[11];
	const char *s = "二〇二四年二月十三日";

	cr_assert_eq(zc_dates_scan_day(s, strlen(s), iso), strlen(s));
	cr_assert_str_eq(iso, "2024-02-13");
}

Test(dates, a_day_at_the_start_of_a_line_is_scanned_with_its_time)
{
	char iso[11];
	const char *s = "2024-08-12 15:34 湖北省科学技术厅";

	cr_assert_eq(zc_dates_scan_day(s, strlen(s), iso), 16);
	cr_assert_str_eq(iso, "2024-08-12");
}

Test(dates, no_day_leaves_the_iso_text_empty)
{
	char iso[11] = "x";

	cr_expect_eq(zc_dates_scan_day("2024-02-30", 10, iso), 0);
	cr_expect_str_eq(iso, "");
}

/* The longest date at the start of a text: its parts and its bytes. */
static const struct {
	const char *in;
	int year, month, day, parts;
	size_t bytes; /* 0: no date */
} scans[] = {
	{ "2024", 2024, 0, 0, 1, 4 },
	{ "2024  ", 2024, 0, 0, 1, 4 },
	{ "２０２４", 2024, 0, 0, 1, 12 },
	{ "2024年", 2024, 0, 0, 1, 7 },
	{ "2024年我省", 2024, 0, 0, 1, 7 },
	{ "2024年8", 2024, 0, 0, 1, 7 },
	{ "二〇二四年", 2024, 0, 0, 1, 15 },
	{ "2024-08", 2024, 8, 0, 2, 7 },
	{ "2024-08-", 2024, 8, 0, 2, 7 },
	{ "2024.8", 2024, 8, 0, 2, 6 },
	{ "202408", 2024, 8, 0, 2, 6 },
	{ "2024年8月", 2024, 8, 0, 2, 11 },
	{ "2024年8月12", 2024, 8, 0, 2, 11 },
	{ "二〇二四年二月", 2024, 2, 0, 2, 21 },
	{ "2024-02-30", 2024, 2, 30, 3, 10 },
	{ "2024-1-5-6", 2024, 1, 5, 3, 8 },
	{ "20240812", 2024, 8, 12, 3, 8 },
	{ "2024年8月12日 10:00", 2024, 8, 12, 3, 22 },
	{ "2024-13", 2024, 13, 0, 2, 7 },
	{ "0000", 0, 0, 0, 1, 4 },
	{ "2024 was", 0, 0, 0, 0, 0 },   /* a bare year only at the end */
	{ "2024-2025年", 0, 0, 0, 0, 0 },
	{ "2024-", 0, 0, 0, 0, 0 },
	{ "20240", 0, 0, 0, 0, 0 },
	{ "202408121", 0, 0, 0, 0, 0 },
	{ "24", 0, 0, 0, 0, 0 },
	{ "abc", 0, 0, 0, 0, 0 },
	{ "二〇二四", 0, 0, 0, 0, 0 },   /* a Chinese year takes 年 */
	{ "", 0, 0, 0, 0, 0 },
};

Test(dates, the_longest_date_at_the_start_of_a_text)
{
	for (size_t i = 0; i < sizeof scans / sizeof scans[0]; i++) {
		zc_date d;
		size_t n = zc_dates_scan(scans[i].in, strlen(scans[i].in), &d);

		cr_expect_eq(n, scans[i].bytes, "%s: %zu bytes", scans[i].in, n);
		cr_expect_eq(d.parts, scans[i].parts, "%s: parts %d",
		    scans[i].in, d.parts);
		cr_expect_eq(d.year, scans[i].year, "%s: year %d", scans[i].in,
		    d.year);
		cr_expect_eq(d.month, scans[i].month, "%s: month %d",
		    scans[i].in, d.month);
		cr_expect_eq(d.day, scans[i].day, "%s: day %d", scans[i].in,
		    d.day);
	}
}

Test(dates, a_date_exists_when_its_month_and_day_do)
{
	cr_expect(zc_dates_exists(&(zc_date){ 2024, 0, 0, 1 }));
	cr_expect(!zc_dates_exists(&(zc_date){ 0, 0, 0, 1 }));
	cr_expect(zc_dates_exists(&(zc_date){ 2024, 12, 0, 2 }));
	cr_expect(!zc_dates_exists(&(zc_date){ 2024, 0, 0, 2 }));
	cr_expect(!zc_dates_exists(&(zc_date){ 2024, 13, 0, 2 }));
	cr_expect(zc_dates_exists(&(zc_date){ 2024, 2, 29, 3 }));
	cr_expect(!zc_dates_exists(&(zc_date){ 2023, 2, 29, 3 }));
	cr_expect(!zc_dates_exists(&(zc_date){ 2024, 4, 31, 3 }));
	cr_expect(!zc_dates_exists(&(zc_date){ 2024, 4, 0, 3 }));
	cr_expect(!zc_dates_exists(&(zc_date){ 0, 0, 0, 0 }));
}
