/* Unit tests for the value parsers in src/parse.c. */

#include "impactlog/parse.h"
#include "unit.h"

#include <limits.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define AMOUNT_ERROR   "is not an amount of 0 or more (e.g. 250000, 250k, 1.2M, 3B)"
#define TOO_LARGE      "is too large (at most 1e18)"
#define PERCENT_ERROR  "is not a percentage from 0 to 100"
#define COUNT_ERROR    "is not a whole number in the accepted range"
#define DATE_ERROR     "is not a real calendar day (YYYY-MM-DD)"
#define RELATIVE_ERROR "is not a date (YYYY-MM-DD, today or yesterday)"
#define CYCLE_ERROR    "is not a cycle (2026, 2026-H1, 2026-H2 or 2026-Q1 to 2026-Q4)"

/* A value no parser should ever produce, to see that failures leave OUT alone. */
#define UNTOUCHED -12345.0

/* Doubles are compared with ==: every accepted amount must be exact. */
static bool amount_is(const char *s, double want)
{
	double got = UNTOUCHED;

	return il_parse_amount(s, &got) == NULL && got == want;
}

/* Whether S is refused with phrase WANT and OUT left unchanged. */
static bool amount_fails(const char *s, const char *want)
{
	double got = UNTOUCHED;
	const char *err = il_parse_amount(s, &got);

	return err && strcmp(err, want) == 0 && got == UNTOUCHED;
}

static bool percent_is(const char *s, double want)
{
	double got = UNTOUCHED;

	return il_parse_percent(s, &got) == NULL && got == want;
}

static bool percent_fails(const char *s)
{
	double got = UNTOUCHED;
	const char *err = il_parse_percent(s, &got);

	return err && strcmp(err, PERCENT_ERROR) == 0 && got == UNTOUCHED;
}

static bool count_is(const char *s, long long min, long long max, long long want)
{
	long long got = -999;

	return il_parse_count(s, min, max, &got) == NULL && got == want;
}

static bool count_fails(const char *s, long long min, long long max)
{
	long long got = -999;
	const char *err = il_parse_count(s, min, max, &got);

	return err && strcmp(err, COUNT_ERROR) == 0 && got == -999;
}

static bool same_date(struct il_date a, int year, int month, int day)
{
	return a.year == year && a.month == month && a.day == day;
}

static bool date_is(const char *s, int year, int month, int day)
{
	struct il_date d = {0, 0, 0};

	return il_parse_date(s, &d) == NULL && same_date(d, year, month, day);
}

static bool date_fails(const char *s)
{
	struct il_date d = {-1, -1, -1};
	const char *err = il_parse_date(s, &d);

	return err && strcmp(err, DATE_ERROR) == 0 && same_date(d, -1, -1, -1);
}

static bool relative_is(const char *s, struct il_date today, int year, int month, int day)
{
	struct il_date d = {0, 0, 0};

	return il_parse_date_relative(s, today, &d) == NULL && same_date(d, year, month, day);
}

static bool relative_fails(const char *s, struct il_date today)
{
	struct il_date d = {-1, -1, -1};
	const char *err = il_parse_date_relative(s, today, &d);

	/* A date in form but no real day is told so; anything else is no date. */
	return err && (strcmp(err, RELATIVE_ERROR) == 0 || strcmp(err, DATE_ERROR) == 0) &&
	       same_date(d, -1, -1, -1);
}

/* Whether cycle S spans FROM to TO, both given as "YYYY-MM-DD". */
static bool cycle_is(const char *s, const char *from, const char *to)
{
	struct il_range r;
	char from_text[11], to_text[11];

	if (il_parse_cycle(s, &r))
		return false;
	il_date_format(r.from, from_text);
	il_date_format(r.to, to_text);
	return strcmp(from_text, from) == 0 && strcmp(to_text, to) == 0;
}

static bool cycle_fails(const char *s)
{
	struct il_range r;
	const char *err = il_parse_cycle(s, &r);

	return err && strcmp(err, CYCLE_ERROR) == 0;
}

static bool previous_is(const char *name, const char *want)
{
	char out[16];

	memset(out, 'x', sizeof(out));
	il_cycle_previous(name, out);
	return strcmp(out, want) == 0;
}

static bool formats_as(struct il_date d, const char *want)
{
	char out[11];

	il_date_format(d, out);
	return strcmp(out, want) == 0;
}

/* A string of LEN copies of C followed by TAIL, or NULL if out of memory. */
static char *repeat(char c, size_t len, const char *tail)
{
	size_t tail_len = strlen(tail);
	char *s = malloc(len + tail_len + 1);

	if (!s)
		return NULL;
	memset(s, c, len);
	memcpy(s + len, tail, tail_len + 1);
	return s;
}

static void test_amount_plain(void)
{
	CHECK(amount_is("0", 0.0));
	CHECK(amount_is("000", 0.0));
	CHECK(amount_is("0.0", 0.0));
	CHECK(amount_is("1", 1.0));
	CHECK(amount_is("007", 7.0));
	CHECK(amount_is("250000", 250000.0));
	CHECK(amount_is("12.5", 12.5));
	CHECK(amount_is("0.1", 0.1));
	CHECK(amount_is("0.3", 0.3));
	CHECK(amount_is("1234567.89", 1234567.89));
	CHECK(amount_is("2.5e6", 2500000.0));
	CHECK(amount_is("2.5E6", 2500000.0));
	CHECK(amount_is("2.5e+6", 2500000.0));
	CHECK(amount_is("25e-1", 2.5));
	CHECK(amount_is("1e0", 1.0));
	CHECK(amount_is("1e-400", 0.0)); /* underflows to zero, still 0 or more */
	CHECK(amount_is("0e999999999999999999999", 0.0));
}

static void test_amount_grouping(void)
{
	CHECK(amount_is("250,000", 250000.0));
	CHECK(amount_is("1,000", 1000.0));
	CHECK(amount_is("1,234,567", 1234567.0));
	CHECK(amount_is("12,345.75", 12345.75));
	CHECK(amount_is("999,999,999", 999999999.0));
	CHECK(amount_is("1,500k", 1500000.0));
	CHECK(amount_fails("25,00", AMOUNT_ERROR));
	CHECK(amount_fails("2,50,000", AMOUNT_ERROR));
	CHECK(amount_fails("1,2345", AMOUNT_ERROR));
	CHECK(amount_fails("1234,567", AMOUNT_ERROR));
	CHECK(amount_fails("12,345,67", AMOUNT_ERROR));
	CHECK(amount_fails(",250", AMOUNT_ERROR));
	CHECK(amount_fails("250,", AMOUNT_ERROR));
	CHECK(amount_fails("1,,000", AMOUNT_ERROR));
	CHECK(amount_fails("0,250", AMOUNT_ERROR)); /* a European 0.25? */
	CHECK(amount_fails("1.000,5", AMOUNT_ERROR));
	CHECK(amount_fails("1,000.000,5", AMOUNT_ERROR));
}

static void test_amount_suffixes(void)
{
	CHECK(amount_is("250k", 250000.0));
	CHECK(amount_is("250K", 250000.0));
	CHECK(amount_is("1.2M", 1200000.0));
	CHECK(amount_is("1.2m", 1200000.0));
	CHECK(amount_is("3B", 3e9));
	CHECK(amount_is("3b", 3e9));
	CHECK(amount_is("0.1k", 100.0));
	CHECK(amount_is("1.5B", 1.5e9));
	CHECK(amount_is("0k", 0.0));
	CHECK(amount_is("123.456k", 123456.0));
	CHECK(amount_is("1.23456789M", 1234567.89));
	/* Scaling a rounded 1.001 by 1000 would give 1000.9999999999999. */
	CHECK(amount_is("1.001k", 1001.0));
	CHECK(amount_is("1.003M", 1003000.0));
	CHECK(amount_is("0.067B", 67000000.0));
	CHECK(amount_is("0.535B", 535000000.0));
	CHECK(amount_is("4.35M", 4350000.0));
	CHECK(amount_fails("k", AMOUNT_ERROR));
	CHECK(amount_fails("5kk", AMOUNT_ERROR));
	CHECK(amount_fails("5km", AMOUNT_ERROR));
	CHECK(amount_fails("5 k", AMOUNT_ERROR));
	CHECK(amount_fails("5g", AMOUNT_ERROR));
	CHECK(amount_fails("5T", AMOUNT_ERROR));
	CHECK(amount_fails("5mm", AMOUNT_ERROR));
	CHECK(amount_fails("1e3k", AMOUNT_ERROR)); /* exponent or suffix, not both */
	CHECK(amount_fails("5%", AMOUNT_ERROR));
}

static void test_amount_limits(void)
{
	CHECK(amount_is("1000000000000000000", IL_AMOUNT_MAX));
	CHECK(amount_is("1e18", IL_AMOUNT_MAX));
	CHECK(amount_is("1,000,000,000,000,000,000", IL_AMOUNT_MAX));
	CHECK(amount_is("1000000000B", IL_AMOUNT_MAX));
	CHECK(amount_is("0.001e21", IL_AMOUNT_MAX));
	CHECK(amount_is("999999999999999999", 999999999999999999.0));
	CHECK(amount_fails("1000000000000000001", TOO_LARGE));
	CHECK(amount_fails("1000000000000000128", TOO_LARGE)); /* next double up */
	CHECK(amount_fails("1000000000000000000.0000001", TOO_LARGE));
	CHECK(amount_fails("1.000000000000000001e18", TOO_LARGE));
	CHECK(amount_fails("1000000001B", TOO_LARGE));
	CHECK(amount_fails("2e18", TOO_LARGE));
	CHECK(amount_fails("1e19", TOO_LARGE));
	CHECK(amount_fails("1e308", TOO_LARGE));
	CHECK(amount_fails("1e400", TOO_LARGE));
	CHECK(amount_fails("1e99999999999999999999999999", TOO_LARGE));
	CHECK(amount_fails("99999999999999999999", TOO_LARGE));
}

static void test_amount_rounding(void)
{
	/* 2^53 + 1 is halfway between two doubles and rounds to even. */
	CHECK(amount_is("9007199254740993", 9007199254740992.0));
	CHECK(amount_is("9007199254740995", 9007199254740996.0));
	CHECK(amount_is("9007199254740993.0000000001", 9007199254740994.0));
	CHECK(amount_is("9007199254740.993k", 9007199254740992.0));
	CHECK(amount_is("0.30000000000000004", 0.30000000000000004));
}

static void test_amount_hostile(void)
{
	const char *bad[] = {
		"",
		" ",
		"-",
		"+",
		"-5",
		"+5",
		"-0",
		" 5",
		"5 ",
		"5\n",
		"\t5",
		"nan",
		"NaN",
		"inf",
		"INF",
		"infinity",
		"0x10",
		"0X1p3",
		"1..2",
		"1.2.3",
		".5",
		"5.",
		".",
		"1e",
		"1e+",
		"1e-",
		"e5",
		"1e5.5",
		"1.e5",
		"5_000",
		"5'000",
		"5 000",
		"abc",
		"5abc",
		"\xef\xbc\x91\xef\xbc\x92",
		"\xff",
		"5\xff",
		"\xc3\xa9",
		"5\342\200\211000" /* thin space */,
	};

	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		if (!amount_fails(bad[i], AMOUNT_ERROR))
			fprintf(stderr, "amount accepted or misreported: '%s'\n", bad[i]);
		CHECK(amount_fails(bad[i], AMOUNT_ERROR));
	}
}

static void test_amount_long(void)
{
	char *digits = repeat('9', 10000, "");
	char *zeros = repeat('0', 10000, "250000");
	char *tiny = repeat('0', 10000, "5");
	char *halfway = repeat('0', 2000, "1");

	if (!digits || !zeros || !tiny || !halfway) {
		CHECK(!"out of memory");
		goto out;
	}
	CHECK(amount_fails(digits, TOO_LARGE));
	CHECK(amount_is(zeros, 250000.0));
	tiny[1] = '.';
	CHECK(amount_is(tiny, 0.0));
	/* 2^53 + 1 plus a nonzero digit 2000 places on rounds up, not to even:
	 * the sticky digit must survive truncation of the long fraction. */
	memcpy(halfway, "9007199254740993.", 17);
	CHECK(amount_is(halfway, 9007199254740994.0));
	halfway[2000] = '0';
	CHECK(amount_is(halfway, 9007199254740992.0));
	memset(digits, '1', 10000);
	digits[9999] = 'x';
	CHECK(amount_fails(digits, AMOUNT_ERROR));
out:
	free(digits);
	free(zeros);
	free(tiny);
	free(halfway);
}

static void test_percent(void)
{
	CHECK(percent_is("40", 40.0));
	CHECK(percent_is("40%", 40.0));
	CHECK(percent_is("12.5", 12.5));
	CHECK(percent_is("12.5%", 12.5));
	CHECK(percent_is("0", 0.0));
	CHECK(percent_is("0%", 0.0));
	CHECK(percent_is("100", 100.0));
	CHECK(percent_is("100%", 100.0));
	CHECK(percent_is("100.000", 100.0));
	CHECK(percent_is("000100", 100.0));
	CHECK(percent_is("33.3", 33.3));
	CHECK(percent_is("0.001", 0.001));
	CHECK(percent_is("99.99", 99.99));
	CHECK(percent_fails(""));
	CHECK(percent_fails("%"));
	CHECK(percent_fails("-1"));
	CHECK(percent_fails("-0"));
	CHECK(percent_fails("+1"));
	CHECK(percent_fails("100.1"));
	CHECK(percent_fails("100.0000000000000000001"));
	CHECK(percent_fails("101"));
	CHECK(percent_fails("140"));
	CHECK(percent_fails("abc"));
	CHECK(percent_fails("1e2")); /* no exponents in a share */
	CHECK(percent_fails("nan"));
	CHECK(percent_fails("inf"));
	CHECK(percent_fails("40 %"));
	CHECK(percent_fails(" 40"));
	CHECK(percent_fails("40%%"));
	CHECK(percent_fails("%40"));
	CHECK(percent_fails("12."));
	CHECK(percent_fails(".5"));
	CHECK(percent_fails("1,0"));
	CHECK(percent_fails("50k"));
	CHECK(percent_fails("0x10"));
	CHECK(percent_fails("\xef\xbc\x91\xef\xbc\x92"));
	CHECK(percent_fails("4\xff"));
}

static void test_percent_long(void)
{
	char *zeros = repeat('0', 10000, "40%");
	char *big = repeat('1', 10000, "");

	if (!zeros || !big) {
		CHECK(!"out of memory");
	} else {
		CHECK(percent_is(zeros, 40.0));
		CHECK(percent_fails(big));
	}
	free(zeros);
	free(big);
}

static void test_count(void)
{
	char *digits = repeat('9', 10000, "");

	CHECK(count_is("0", 0, 100, 0));
	CHECK(count_is("1", 1, 100, 1));
	CHECK(count_is("100", 1, 100, 100));
	CHECK(count_is("007", 0, 100, 7));
	CHECK(count_is("9223372036854775807", 0, LLONG_MAX, LLONG_MAX));
	CHECK(count_fails("9223372036854775808", 0, LLONG_MAX));
	CHECK(count_fails("99999999999999999999", 0, LLONG_MAX));
	CHECK(count_fails("0", 1, 100)); /* a team of no one */
	CHECK(count_fails("101", 1, 100));
	CHECK(count_fails("", 0, 100));
	CHECK(count_fails("-1", -5, 100));
	CHECK(count_fails("+1", 0, 100));
	CHECK(count_fails(" 1", 0, 100));
	CHECK(count_fails("1 ", 0, 100));
	CHECK(count_fails("1.0", 0, 100));
	CHECK(count_fails("1e3", 0, 10000));
	CHECK(count_fails("1,000", 0, 10000));
	CHECK(count_fails("0x10", 0, 100));
	CHECK(count_fails("ten", 0, 100));
	CHECK(count_fails("\xef\xbc\x91\xef\xbc\x92", 0, 100));
	CHECK(count_fails("1\xff", 0, 100));
	CHECK(digits && count_fails(digits, 0, LLONG_MAX));
	free(digits);
}

static void test_leap_years(void)
{
	CHECK(il_is_leap_year(2024));
	CHECK(il_is_leap_year(2000));
	CHECK(il_is_leap_year(1600));
	CHECK(!il_is_leap_year(2023));
	CHECK(!il_is_leap_year(1900));
	CHECK(!il_is_leap_year(2100));
	CHECK(il_days_in_month(2024, 2) == 29);
	CHECK(il_days_in_month(2023, 2) == 28);
	CHECK(il_days_in_month(1900, 2) == 28);
	CHECK(il_days_in_month(2000, 2) == 29);
	CHECK(il_days_in_month(2026, 1) == 31);
	CHECK(il_days_in_month(2026, 4) == 30);
	CHECK(il_days_in_month(2026, 12) == 31);
	CHECK(il_days_in_month(2026, 0) == 0);
	CHECK(il_days_in_month(2026, 13) == 0);
}

static void test_date(void)
{
	CHECK(date_is("2026-03-08", 2026, 3, 8));
	CHECK(date_is("2024-02-29", 2024, 2, 29));
	CHECK(date_is("2000-02-29", 2000, 2, 29));
	CHECK(date_is("1000-01-01", 1000, 1, 1));
	CHECK(date_is("9999-12-31", 9999, 12, 31));
	CHECK(date_is("2026-04-30", 2026, 4, 30));
	CHECK(date_is("2026-01-31", 2026, 1, 31));
	CHECK(date_fails("2023-02-29"));
	CHECK(date_fails("1900-02-29"));
	CHECK(date_fails("2100-02-29"));
	CHECK(date_fails("2026-02-30"));
	CHECK(date_fails("2026-04-31"));
	CHECK(date_fails("2026-06-31"));
	CHECK(date_fails("2026-09-31"));
	CHECK(date_fails("2026-11-31"));
	CHECK(date_fails("2026-13-01"));
	CHECK(date_fails("2026-00-10"));
	CHECK(date_fails("2026-01-00"));
	CHECK(date_fails("2026-01-32"));
	CHECK(date_fails("0999-12-31"));
	CHECK(date_fails("2026-1-01"));
	CHECK(date_fails("2026-01-1"));
	CHECK(date_fails("26-01-01"));
	CHECK(date_fails("20260101"));
	CHECK(date_fails("2026/01/01"));
	CHECK(date_fails("2026-01-01 "));
	CHECK(date_fails(" 2026-01-01"));
	CHECK(date_fails("2026-01-01T00:00"));
	CHECK(date_fails("+026-01-01"));
	CHECK(date_fails("2026--1-01"));
	CHECK(date_fails("2026-0a-01"));
	CHECK(date_fails(""));
	CHECK(date_fails("today"));
	CHECK(date_fails("\xef\xbc\x92\xef\xbc\x90\xef\xbc\x92\xef\xbc\x96-01-01"));
	CHECK(date_fails("2026-01-0\xff"));
}

static void test_date_relative(void)
{
	struct il_date today = {2026, 3, 8};

	CHECK(relative_is("today", today, 2026, 3, 8));
	CHECK(relative_is("yesterday", today, 2026, 3, 7));
	CHECK(relative_is("yesterday", (struct il_date){2026, 3, 1}, 2026, 2, 28));
	CHECK(relative_is("yesterday", (struct il_date){2024, 3, 1}, 2024, 2, 29));
	CHECK(relative_is("yesterday", (struct il_date){2026, 1, 1}, 2025, 12, 31));
	CHECK(relative_is("2024-02-29", today, 2024, 2, 29));
	CHECK(relative_is("2030-01-01", today, 2030, 1, 1));
	CHECK(relative_fails("yesterday", (struct il_date){1000, 1, 1}));
	CHECK(relative_fails("today", (struct il_date){0, 0, 0}));
	CHECK(relative_fails("Today", today)); /* exact words only */
	CHECK(relative_fails("YESTERDAY", today));
	CHECK(relative_fails("tomorrow", today));
	CHECK(relative_fails("today ", today));
	CHECK(relative_fails("", today));
	CHECK(relative_fails("2026-02-30", today));
	CHECK(relative_fails("2026-3-8", today));
}

static void test_cycle(void)
{
	CHECK(cycle_is("2026", "2026-01-01", "2026-12-31"));
	CHECK(cycle_is("2026-H1", "2026-01-01", "2026-06-30"));
	CHECK(cycle_is("2026-H2", "2026-07-01", "2026-12-31"));
	CHECK(cycle_is("2026-h2", "2026-07-01", "2026-12-31"));
	CHECK(cycle_is("2026-Q1", "2026-01-01", "2026-03-31"));
	CHECK(cycle_is("2026-Q2", "2026-04-01", "2026-06-30"));
	CHECK(cycle_is("2026-Q3", "2026-07-01", "2026-09-30"));
	CHECK(cycle_is("2026-Q4", "2026-10-01", "2026-12-31"));
	CHECK(cycle_is("2026-q3", "2026-07-01", "2026-09-30"));
	CHECK(cycle_is("1000-Q1", "1000-01-01", "1000-03-31"));
	CHECK(cycle_is("9999-H2", "9999-07-01", "9999-12-31"));
	CHECK(cycle_fails("2026-H3"));
	CHECK(cycle_fails("2026-H0"));
	CHECK(cycle_fails("2026-Q5"));
	CHECK(cycle_fails("2026-Q0"));
	CHECK(cycle_fails("26-H1"));
	CHECK(cycle_fails("2026H1"));
	CHECK(cycle_fails("2026 H1"));
	CHECK(cycle_fails("2026_H1"));
	CHECK(cycle_fails("2026-X1"));
	CHECK(cycle_fails("2026-H"));
	CHECK(cycle_fails("2026-"));
	CHECK(cycle_fails("2026-H12"));
	CHECK(cycle_fails("2026-Q1 "));
	CHECK(cycle_fails("20266"));
	CHECK(cycle_fails("999"));
	CHECK(cycle_fails("0999"));
	CHECK(cycle_fails("H1"));
	CHECK(cycle_fails(""));
	CHECK(cycle_fails("2026-\357\274\2501" /* full-width H */));
}

static void test_cycle_previous(void)
{
	CHECK(previous_is("2026-H1", "2025-H2"));
	CHECK(previous_is("2026-H2", "2026-H1"));
	CHECK(previous_is("2026-Q1", "2025-Q4"));
	CHECK(previous_is("2026-Q2", "2026-Q1"));
	CHECK(previous_is("2026-Q3", "2026-Q2"));
	CHECK(previous_is("2026-Q4", "2026-Q3"));
	CHECK(previous_is("2026", "2025"));
	CHECK(previous_is("2026-h1", "2025-H2"));
	CHECK(previous_is("2026-q1", "2025-Q4"));
	CHECK(previous_is("1001-Q1", "1000-Q4"));
	CHECK(previous_is("1000", "")); /* no year 999 */
	CHECK(previous_is("1000-H1", ""));
	CHECK(previous_is("nonsense", ""));
}

/* Every cycle's previous cycle ends the day before it starts. */
static void test_cycle_previous_adjacent(void)
{
	const char *kinds[] = {"", "-H1", "-H2", "-Q1", "-Q2", "-Q3", "-Q4"};
	int failures = 0;

	for (int year = 1001; year <= 9999; year += 7) {
		for (size_t k = 0; k < sizeof(kinds) / sizeof(kinds[0]); k++) {
			char name[16], previous[16];
			struct il_range now, before;

			snprintf(name, sizeof(name), "%d%s", year, kinds[k]);
			il_cycle_previous(name, previous);
			if (il_parse_cycle(name, &now) || il_parse_cycle(previous, &before) ||
			    il_date_to_days(before.to) + 1 != il_date_to_days(now.from))
				failures++;
		}
	}
	CHECK(failures == 0);
}

static void test_days_known(void)
{
	CHECK(il_date_to_days((struct il_date){1970, 1, 1}) == 0);
	CHECK(il_date_to_days((struct il_date){1970, 1, 2}) == 1);
	CHECK(il_date_to_days((struct il_date){1969, 12, 31}) == -1);
	CHECK(il_date_to_days((struct il_date){2000, 3, 1}) == 11017);
	CHECK(il_date_to_days((struct il_date){2024, 2, 29}) == 19782);
	CHECK(il_date_to_days((struct il_date){2026, 3, 8}) == 20520);
	CHECK(il_date_to_days((struct il_date){1600, 2, 29}) == -135081);
	CHECK(il_date_to_days((struct il_date){1000, 1, 1}) == -354285);
	CHECK(il_date_to_days((struct il_date){9999, 12, 31}) == 2932896);
	CHECK(same_date(il_days_to_date(0), 1970, 1, 1));
	CHECK(same_date(il_days_to_date(-1), 1969, 12, 31));
	CHECK(same_date(il_days_to_date(20520), 2026, 3, 8));
	CHECK(same_date(il_days_to_date(19782), 2024, 2, 29));
	CHECK(same_date(il_days_to_date(-354285), 1000, 1, 1));
	CHECK(same_date(il_days_to_date(2932896), 9999, 12, 31));
}

static struct il_date next_day(struct il_date d)
{
	if (d.day < il_days_in_month(d.year, d.month))
		return (struct il_date){d.year, d.month, d.day + 1};
	if (d.month < 12)
		return (struct il_date){d.year, d.month + 1, 1};
	return (struct il_date){d.year + 1, 1, 1};
}

/* Walk every day from 1000-01-01 to 9999-12-31 by hand and compare. */
static void test_days_round_trip(void)
{
	struct il_date d = {1000, 1, 1};
	long first = il_date_to_days(d);
	long n;
	int failures = 0;

	for (n = first; d.year <= 9999; n++, d = next_day(d)) {
		struct il_date back = il_days_to_date(n);

		if (il_date_to_days(d) != n || !same_date(back, d.year, d.month, d.day)) {
			if (failures++ < 5)
				fprintf(stderr, "day %ld: %d-%d-%d\n", n, d.year, d.month, d.day);
		}
	}
	CHECK(failures == 0);
	CHECK(n - first == 354285L + 2932896L + 1); /* every day was visited */
	for (int year = 1000; year <= 9999; year += 499) {
		struct il_date jan1 = {year, 1, 1};
		struct il_date dec31 = {year, 12, 31};

		CHECK(il_date_to_days(dec31) - il_date_to_days(jan1) ==
		      (il_is_leap_year(year) ? 365 : 364));
	}
}

static void test_date_format(void)
{
	CHECK(formats_as((struct il_date){2026, 3, 8}, "2026-03-08"));
	CHECK(formats_as((struct il_date){1000, 1, 1}, "1000-01-01"));
	CHECK(formats_as((struct il_date){9999, 12, 31}, "9999-12-31"));
	CHECK(formats_as((struct il_date){2024, 2, 29}, "2024-02-29"));
}

/* Formatting and parsing agree on every day of a leap year and a plain one. */
static void test_date_format_round_trip(void)
{
	int failures = 0;

	for (long n = il_date_to_days((struct il_date){2023, 1, 1});
	     n <= il_date_to_days((struct il_date){2024, 12, 31}); n++) {
		struct il_date d = il_days_to_date(n), back;
		char text[11];

		il_date_format(d, text);
		if (il_parse_date(text, &back) || il_date_to_days(back) != n)
			failures++;
	}
	CHECK(failures == 0);
}

static void test_local_date(void)
{
	/* POSIX TZ strings need no time-zone database. */
	setenv("TZ", "UTC0", 1);
	tzset();
	CHECK(same_date(il_local_date(0), 1970, 1, 1));
	CHECK(same_date(il_local_date(86399), 1970, 1, 1));
	CHECK(same_date(il_local_date(86400), 1970, 1, 2));
	CHECK(same_date(il_local_date(1772928000), 2026, 3, 8));
	CHECK(same_date(il_local_date(1772928000 - 1), 2026, 3, 7));
	CHECK(same_date(il_local_date(-1), 1969, 12, 31));
	setenv("TZ", "EST5", 1);
	tzset();
	CHECK(same_date(il_local_date(0), 1969, 12, 31));
	CHECK(same_date(il_local_date(5 * 3600), 1970, 1, 1));
	setenv("TZ", "JST-9", 1);
	tzset();
	CHECK(same_date(il_local_date(1772928000 - 9 * 3600), 2026, 3, 8));
	CHECK(same_date(il_local_date(1772928000 - 9 * 3600 - 1), 2026, 3, 7));
}

static void test_error_phrases(void)
{
	double value;
	long long count;
	struct il_date d;
	struct il_range r;

	CHECK_STR(il_parse_amount("-5", &value), AMOUNT_ERROR);
	CHECK_STR(il_parse_amount("1e400", &value), TOO_LARGE);
	CHECK_STR(il_parse_percent("140", &value), PERCENT_ERROR);
	CHECK_STR(il_parse_count("x", 1, 10, &count), COUNT_ERROR);
	CHECK_STR(il_parse_date("2026-02-30", &d), DATE_ERROR);
	CHECK_STR(il_parse_date("2026-2-3", &d), DATE_ERROR);
	CHECK_STR(il_parse_date_relative("tomorrow", (struct il_date){2026, 3, 8}, &d),
		  RELATIVE_ERROR);
	CHECK_STR(il_parse_date_relative("2026-02-30", (struct il_date){2026, 3, 8}, &d),
		  DATE_ERROR);
	CHECK_STR(il_parse_date_relative("2026-2-3", (struct il_date){2026, 3, 8}, &d),
		  RELATIVE_ERROR);
	CHECK_STR(il_parse_cycle("2026-H3", &r), CYCLE_ERROR);
}

int main(void)
{
	test_amount_plain();
	test_amount_grouping();
	test_amount_suffixes();
	test_amount_limits();
	test_amount_rounding();
	test_amount_hostile();
	test_amount_long();
	test_percent();
	test_percent_long();
	test_count();
	test_leap_years();
	test_date();
	test_date_relative();
	test_cycle();
	test_cycle_previous();
	test_cycle_previous_adjacent();
	test_days_known();
	test_days_round_trip();
	test_date_format();
	test_date_format_round_trip();
	test_local_date();
	test_error_phrases();
	return unit_done();
}
