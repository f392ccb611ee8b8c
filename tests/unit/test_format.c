/* Unit tests for the number formats in src/format.c. */

#include "impactlog/format.h"
#include "unit.h"

#include <float.h>
#include <math.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

/* Each helper writes into its own buffer, as large as the callers' (64
 * bytes for amounts, 32 for factors and percentages), and returns it:
 * valid until the next call of the same helper. */
static const char *compact(double value)
{
	static char out[64];

	il_format_compact(value, out, sizeof(out));
	return out;
}

static const char *amount(double value, const char *unit)
{
	static char out[64];

	il_format_amount(value, unit, out, sizeof(out));
	return out;
}

static const char *scale(double factor)
{
	static char out[32];

	il_format_scale(factor, out, sizeof(out));
	return out;
}

static const char *percent(double value)
{
	static char out[32];

	il_format_percent(value, out, sizeof(out));
	return out;
}

static const char *number(double value)
{
	static char out[IL_NUMBER_SIZE];

	il_format_number(value, out);
	return out;
}

/* Whether il_format_number's text for VALUE reads back as exactly VALUE. */
static bool number_round_trips(double value)
{
	char out[IL_NUMBER_SIZE];

	il_format_number(value, out);
	return strtod(out, NULL) == value;
}

static void test_number(void)
{
	CHECK_STR(number(0), "0");
	CHECK_STR(number(1), "1");
	CHECK_STR(number(250000), "250000");
	CHECK_STR(number(0.1), "0.1");
	CHECK_STR(number(0.3), "0.3");
	CHECK_STR(number(0.1 + 0.2), "0.30000000000000004");
	CHECK_STR(number(12.5), "12.5");
	CHECK_STR(number(1.0 / 3), "0.3333333333333333");
	CHECK_STR(number(2.5e-5), "2.5e-05");
	CHECK_STR(number(5e-324), "5e-324");
	/* Integers print as digits below 2^53 and as %g text from there. */
	CHECK_STR(number(9007199254740991.0), "9007199254740991");
	CHECK_STR(number(9007199254740992.0), "9007199254740992");
	CHECK_STR(number(1e18), "1e+18");
	CHECK_STR(number(123456789012345678.0), "1.2345678901234568e+17");
	CHECK_STR(number(1e308), "1e+308");
	CHECK_STR(number(DBL_MAX), "1.7976931348623157e+308");
}

static void test_number_round_trip(void)
{
	static const double values[] = {
		0,	  1,	   0.1,	       0.2,    0.3,	1.0 / 3,
		2.0 / 3,  12.5,	   1e-5,       5e-324, DBL_MIN, 1e15 + 0.5,
		1e17 + 8, 1e18,	   1234567.89, 0.07,   99.995,	4503599627370497.0,
		1e300,	  DBL_MAX,
	};
	int failures = 0;

	for (size_t i = 0; i < sizeof(values) / sizeof(values[0]); i++)
		if (!number_round_trips(values[i]))
			failures++;
	/* Every amount of a few significant digits, as users type them. */
	for (int n = 1; n < 100000; n += 7)
		if (!number_round_trips(n / 1000.0) || !number_round_trips(n * 1e9 + 0.25))
			failures++;
	CHECK(failures == 0);
}

/* Below a thousand: whole numbers as they are, fractions to three
 * significant digits below 100, none from 100. */
static void test_compact_small(void)
{
	CHECK_STR(compact(0), "0");
	CHECK_STR(compact(1), "1");
	CHECK_STR(compact(35), "35");
	CHECK_STR(compact(950), "950");
	CHECK_STR(compact(999), "999");
	CHECK_STR(compact(12.5), "12.5");
	CHECK_STR(compact(1.5), "1.5");
	CHECK_STR(compact(2.5), "2.5");
	CHECK_STR(compact(99.5), "99.5");
	CHECK_STR(compact(0.123456), "0.123");
	CHECK_STR(compact(12.3456), "12.3");
	CHECK_STR(compact(99.95), "100");
	CHECK_STR(compact(100.4), "100");
	CHECK_STR(compact(101.5), "102");
	CHECK_STR(compact(999.4), "999");
	CHECK_STR(compact(999.49), "999");
	/* Half away from zero, also where the half is exact in binary and
	 * printf would round it to even. */
	CHECK_STR(compact(100.5), "101");
	CHECK_STR(compact(10.25), "10.3");
	CHECK_STR(compact(502.5), "503");
	CHECK_STR(compact(-502.5), "-503");
	/* The decimal a user typed is rounded, not its binary double: 1.005 is
	 * 1.00499999999999989... in binary. */
	CHECK_STR(compact(1.005), "1.01");
	CHECK_STR(compact(0.1 + 0.2), "0.3");
	/* Negative zero is zero. */
	CHECK_STR(compact(-0.0), "0");
	CHECK_STR(amount(-0.0, "USD"), "$0");
	CHECK_STR(amount(-0.0, "users"), "0 users");
}

/* SPEC: "Small amounts keep the digits that make them non-zero ($0.50,
 * never $1 or $0)". */
static void test_compact_fractions(void)
{
	CHECK_STR(compact(0.05), "0.05");
	CHECK_STR(compact(0.005), "0.005");
	CHECK_STR(compact(0.004), "0.004");
	CHECK_STR(compact(0.0049), "0.0049");
	CHECK_STR(compact(0.0005), "0.0005");
	/* Never an exponent: past nine places, "less than" the ninth. */
	CHECK_STR(compact(0.000000001), "0.000000001");
	CHECK_STR(compact(0.0000000012345), "0.000000001");
	CHECK_STR(compact(1e-10), "<0.000000001");
	CHECK_STR(compact(5e-324), "<0.000000001");
	CHECK_STR(amount(1e-10, "USD"), "<$0.000000001");
	CHECK_STR(compact(0.01), "0.01");
	CHECK_STR(compact(0.25), "0.25");
	CHECK_STR(compact(0.995), "0.995");
	CHECK_STR(compact(0.9995), "1");
	CHECK_STR(amount(0.005, "USD"), "$0.005");
	CHECK_STR(amount(0.004, "USD"), "$0.004");
	/* A currency's fraction keeps its cents; other units need no
	 * trailing zero. */
	CHECK_STR(compact(0.5), "0.5");
	CHECK_STR(amount(0.5, "USD"), "$0.50");
	CHECK_STR(amount(0.5, "users"), "0.5 users");
	CHECK_STR(amount(0.01, "USD"), "$0.01");
	/* Money is to the cent down to a cent; below it, its digits. */
	CHECK_STR(amount(0.5 / 3, "EUR"), "€0.17");
	CHECK_STR(amount(0.995, "USD"), "$1");
	CHECK_STR(amount(0.00333, "USD"), "$0.00333");
	CHECK_STR(amount(0.01, "EUR"), "€0.01");
	CHECK_STR(amount(12.5, "USD"), "$12.50");
	CHECK_STR(amount(12.3456, "USD"), "$12.35");
	CHECK_STR(amount(35, "USD"), "$35");
	CHECK_STR(amount(35.001, "USD"), "$35");
	CHECK_STR(amount(99.995, "USD"), "$100");
	CHECK_STR(amount(100.4, "USD"), "$100");
}

/* One decimal below ten of a step, none from ten, no trailing ".0". */
static void test_compact_steps(void)
{
	CHECK_STR(compact(1000), "1k");
	CHECK_STR(compact(1049), "1k");
	CHECK_STR(compact(1050), "1.1k");
	CHECK_STR(compact(1500), "1.5k");
	CHECK_STR(compact(2500), "2.5k");
	CHECK_STR(compact(9960), "10k");
	CHECK_STR(compact(120000), "120k");
	CHECK_STR(compact(999499), "999k");
	CHECK_STR(compact(1e6), "1M");
	CHECK_STR(compact(1.6e6), "1.6M");
	CHECK_STR(compact(1.35e6), "1.4M");
	CHECK_STR(compact(2.35e6), "2.4M");
	CHECK_STR(compact(1e9), "1B");
	CHECK_STR(compact(2.5e9), "2.5B");
	CHECK_STR(compact(1e12), "1T");
	CHECK_STR(compact(420e12), "420T");
	/* SPEC's own example: "$2,250,000 is $2.3M" (2.25 is exact in binary,
	 * where printf would round it to even). */
	CHECK_STR(compact(2.25e6), "2.3M");
	CHECK_STR(amount(2.25e6, "USD"), "$2.3M");
	CHECK_STR(compact(1.25e6), "1.3M");
	/* One decimal below ten of a step, none from ten: 15.5k is 16k. */
	CHECK_STR(compact(15500), "16k");
	CHECK_STR(compact(1550), "1.6k");
	CHECK_STR(compact(1250), "1.3k");
	CHECK_STR(compact(12500), "13k");
	CHECK_STR(compact(10500), "11k");
	CHECK_STR(compact(-2.25e6), "-2.3M");
	/* 9.95 is just below the half in binary; its decimal is not. */
	CHECK_STR(compact(9950), "10k");
}

/* A value that rounds up to the next step takes that step's suffix. */
static void test_compact_step_boundaries(void)
{
	CHECK_STR(compact(999.5), "1k");
	CHECK_STR(compact(99500), "100k");
	CHECK_STR(compact(999500), "1M");
	CHECK_STR(compact(999999.5), "1M");
	CHECK_STR(compact(999.5e6), "1B");
	CHECK_STR(compact(999.5e9), "1T");
	/* Trillions are the last step: past it, thousands of them. */
	CHECK_STR(compact(999.4e12), "999T");
	CHECK_STR(compact(999.5e12), "1,000T");
	CHECK_STR(compact(999.9e12), "1,000T");
}

/* From a thousand trillion, thousands of trillions, never an exponent:
 * "1,250T"; past 999,999,999T, "more than" that. */
static void test_compact_large(void)
{
	CHECK_STR(compact(1e15), "1,000T");
	CHECK_STR(amount(1e15, "USD"), "$1,000T");
	CHECK_STR(compact(1.05e15), "1,050T");
	CHECK_STR(compact(1.25e15), "1,250T");
	CHECK_STR(compact(1.2505e15), "1,251T");
	CHECK_STR(compact(9.96e15), "9,960T");
	CHECK_STR(compact(1e16), "10,000T");
	CHECK_STR(compact(1e18), "1,000,000T"); /* the largest amount parse accepts */
	CHECK_STR(compact(999999999.4e12), "999,999,999T");
	CHECK_STR(compact(999999999.5e12), ">999,999,999T");
	CHECK_STR(compact(1e308), ">999,999,999T");
	CHECK_STR(amount(1e308, "USD"), ">$999,999,999T");
	CHECK_STR(amount(1e308, "users"), ">999,999,999T users");
	CHECK_STR(compact(DBL_MAX), ">999,999,999T");
	CHECK_STR(compact(INFINITY), ">999,999,999T");
	CHECK_STR(compact(-1e308), "->999,999,999T");
}

static void test_amount_units(void)
{
	CHECK_STR(amount(1.6e6, "USD"), "$1.6M");
	CHECK_STR(amount(1.6e6, "EUR"), "€1.6M");
	CHECK_STR(amount(1.6e6, "GBP"), "£1.6M");
	CHECK_STR(amount(120000, "USD"), "$120k");
	CHECK_STR(amount(0, "USD"), "$0");
	CHECK_STR(amount(420000, "users"), "420k users");
	CHECK_STR(amount(35, "rps"), "35 rps");
	CHECK_STR(amount(12.5, "TB"), "12.5 TB");
	CHECK_STR(amount(2.5e9, "JPY"), "2.5B JPY");
	CHECK_STR(amount(1e18, "USD"), "$1,000,000T");
	CHECK_STR(amount(1e18, "users"), "1,000,000T users");
	CHECK_STR(amount(-5000, "USD"), "-$5k");
	/* Symbols are for the exact codes only. */
	CHECK_STR(amount(1.6e6, "usd"), "1.6M usd");
	CHECK_STR(amount(1.6e6, "US"), "1.6M US");
	/* No unit: the bare number. */
	CHECK_STR(amount(1.6e6, ""), "1.6M");
	CHECK_STR(amount(1.6e6, NULL), "1.6M");
	CHECK_STR(amount(950, NULL), "950");
	/* A currency takes its symbol, never its code. */
	CHECK_STR(amount(2.5e9, "USD"), "$2.5B");
}

/* A short buffer holds what fits, terminated. */
static void test_amount_truncated(void)
{
	char out[4];

	memset(out, 'x', sizeof(out));
	il_format_amount(1234.5, "USD", out, sizeof(out));
	CHECK_STR(out, "$1.");
	memset(out, 'x', sizeof(out));
	il_format_amount(420000, "users", out, sizeof(out));
	CHECK_STR(out, "420");
	memset(out, 'x', sizeof(out));
	il_format_compact(1.6e6, out, 1);
	CHECK_STR(out, "");
}

static void test_scale(void)
{
	CHECK_STR(scale(5), "5.0×");
	CHECK_STR(scale(1.3), "1.3×");
	CHECK_STR(scale(1), "1.0×");
	CHECK_STR(scale(0.5), "0.5×");
	CHECK_STR(scale(0), "0.0×");
	CHECK_STR(scale(1.35), "1.4×");
	CHECK_STR(scale(2.45), "2.5×");
	CHECK_STR(scale(12.5), "12.5×");
	CHECK_STR(scale(99.94), "99.9×");
	CHECK_STR(scale(100), "100×");
	CHECK_STR(scale(101.5), "102×");
	CHECK_STR(scale(1000), "1,000×");
	CHECK_STR(scale(1e6), "1,000,000×");
	CHECK_STR(scale(1e15), ">999,999,999×");
	CHECK_STR(scale(-0.0), "0.0×");
	/* One decimal below 100, even when it is zero. */
	CHECK_STR(scale(12), "12.0×");
	/* 99.95 rounds to 100, which is written whole. */
	CHECK_STR(scale(99.95), "100×");
	CHECK_STR(scale(1.25), "1.3×");
	CHECK_STR(scale(100.5), "101×");
	/* A factor below 0.05 (a baseline twenty times the value) keeps two
	 * significant digits, not "0.0×". */
	CHECK_STR(scale(0.04), "0.04×");
	CHECK_STR(scale(0.01), "0.01×");
	CHECK_STR(scale(0.0123), "0.012×");
	CHECK_STR(scale(0.05), "0.1×");
	CHECK_STR(scale(1e-12), "<0.000000001×");
}

/* A value over a baseline near zero: the largest factors reach reports. */
static void test_scale_huge(void)
{
	/* A value of 1e18 over a baseline of 1e-300 is infinite; over 1e-290
	 * it is 1e308.  Both are "more than" the largest written in full, and
	 * fit the factor's 32 bytes with their "×". */
	CHECK_STR(scale(INFINITY), ">999,999,999×");
	CHECK_STR(scale(1e308), ">999,999,999×");
	CHECK_STR(scale(999999999), "999,999,999×");
}

static void test_percent(void)
{
	CHECK_STR(percent(40), "40%");
	CHECK_STR(percent(100), "100%");
	CHECK_STR(percent(0), "0%");
	CHECK_STR(percent(12.5), "12.5%");
	CHECK_STR(percent(0.5), "0.5%");
	CHECK_STR(percent(0.05), "0.05%");
	CHECK_STR(percent(0.004), "0.004%");
	CHECK_STR(percent(33.333), "33.3%");
	CHECK_STR(percent(99.94), "99.9%");
	CHECK_STR(percent(99.95), "100%");
	CHECK_STR(percent(5000), "5,000%");
	CHECK_STR(percent(12.25), "12.3%");
	CHECK_STR(percent(33.333333333333336), "33.3%");
	CHECK_STR(percent(-0.0), "0%");
	CHECK_STR(percent(1e-12), "<0.000000001%");
}

/* Growth reports the scale factor as a percentage: it can be far above 100. */
static void test_percent_growth(void)
{
	/* Whole and grouped from 1000%, never an exponent. */
	CHECK_STR(percent(999.4), "999%");
	CHECK_STR(percent(999.5), "1,000%");
	CHECK_STR(percent(1234.5), "1,235%");
	CHECK_STR(percent(1e20), ">999,999,999%");
	CHECK_STR(percent(INFINITY), ">999,999,999%");
}

int main(void)
{
	test_number();
	test_number_round_trip();
	test_compact_small();
	test_compact_fractions();
	test_compact_steps();
	test_compact_step_boundaries();
	test_compact_large();
	test_amount_units();
	test_amount_truncated();
	test_scale();
	test_scale_huge();
	test_percent();
	test_percent_growth();
	return unit_done();
}
