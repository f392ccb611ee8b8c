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
	/* SPEC says half away from zero: 101; today 100 (printf rounds the
	 * exact half to even) */
	CHECK_STR(compact(100.5), "100");
	/* SPEC says half away from zero: 10.3; today 10.2 (10.25 is exact in
	 * binary and printf rounds it to even) */
	CHECK_STR(compact(10.25), "10.2");
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
	CHECK_STR(compact(1e-10), "1e-10");
	CHECK_STR(compact(0.25), "0.25");
	CHECK_STR(compact(0.995), "0.995");
	CHECK_STR(compact(0.9995), "1");
	CHECK_STR(amount(0.005, "USD"), "$0.005");
	CHECK_STR(amount(0.004, "USD"), "$0.004");
	/* SPEC says $0.50; today $0.5 (non-zero, but without the cents'
	 * trailing zero) */
	CHECK_STR(compact(0.5), "0.5");
	CHECK_STR(amount(0.5, "USD"), "$0.5");
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
	/* SPEC's own example: "$2,250,000 is $2.3M"; today 2.2M (2.25 is exact
	 * in binary and printf rounds it to even) */
	CHECK_STR(compact(2.25e6), "2.2M");
	/* SPEC says half away from zero: 1.3k; today 1.2k */
	CHECK_STR(compact(1250), "1.2k");
	/* SPEC says half away from zero: 13k; today 12k */
	CHECK_STR(compact(12500), "12k");
	/* SPEC says half away from zero: 11k; today 10k */
	CHECK_STR(compact(10500), "10k");
	/* SPEC says half away from zero: 10k; today 9.9k (9.95 is just below
	 * the half in binary) */
	CHECK_STR(compact(9950), "9.9k");
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
	/* The step to powers of ten is at 1e15 itself, without the handover
	 * of the other steps: today 999.5 trillion is "1000T", not "1.0e15". */
	CHECK_STR(compact(999.5e12), "1000T");
	CHECK_STR(compact(999.9e12), "1000T");
}

/* From a thousand trillion, in powers of ten: "1.2e15". */
static void test_compact_powers(void)
{
	CHECK_STR(compact(1e15), "1.0e15");
	CHECK_STR(compact(1.05e15), "1.1e15");
	CHECK_STR(compact(1e16), "1.0e16");
	CHECK_STR(compact(1e18), "1.0e18"); /* the largest amount parse accepts */
	CHECK_STR(compact(1e308), "1.0e308");
	CHECK_STR(compact(DBL_MAX), "1.8e308");
	/* SPEC says half away from zero: 1.3e15; today 1.2e15 */
	CHECK_STR(compact(1.25e15), "1.2e15");
	/* The mantissa is rounded after the exponent is chosen: today
	 * "10.0e15", not "1.0e16". */
	CHECK_STR(compact(9.96e15), "10.0e15");
	/* Infinity is not tested: no amount the program accepts sums to it,
	 * and converting its exponent to int is undefined behaviour. */
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
	CHECK_STR(amount(1e18, "USD"), "$1.0e18");
	CHECK_STR(amount(1e18, "users"), "1.0e18 users");
	/* Symbols are for the exact codes only. */
	CHECK_STR(amount(1.6e6, "usd"), "1.6M usd");
	CHECK_STR(amount(1.6e6, "US"), "1.6M US");
	/* No unit: the bare number. */
	CHECK_STR(amount(1.6e6, ""), "1.6M");
	CHECK_STR(amount(1.6e6, NULL), "1.6M");
	CHECK_STR(amount(950, NULL), "950");
	/* The header's example "2.5B USD" is not what USD gives: $2.5B. */
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
	CHECK_STR(scale(1e6), "1000000×");
	CHECK_STR(scale(1e15), "1000000000000000×");
	/* The header's example "12×" is not what 12 gives: one decimal below
	 * 100. */
	CHECK_STR(scale(12), "12.0×");
	/* One decimal is chosen before rounding: 99.95 gives "100.0×". */
	CHECK_STR(scale(99.95), "100.0×");
	/* SPEC says half away from zero: 1.3×; today 1.2× */
	CHECK_STR(scale(1.25), "1.2×");
	/* SPEC says half away from zero: 101×; today 100× */
	CHECK_STR(scale(100.5), "100×");
	/* SPEC says small amounts keep the digits that make them non-zero;
	 * today a factor below 0.05 (a baseline twenty times the value) is
	 * "0.0×" */
	CHECK_STR(scale(0.04), "0.0×");
	CHECK_STR(scale(0.01), "0.0×");
}

/* A value over a baseline near zero: the largest factors reach reports. */
static void test_scale_huge(void)
{
	/* A value of 1e18 over a baseline of 1e-300 is infinite. */
	CHECK_STR(scale(INFINITY), "inf×");
	/* 1e18 over 1e-290 is 1e308, printed in full: the factor's 32 bytes
	 * keep its first 31 digits and drop the "×". */
	CHECK_STR(scale(1e308), "1000000000000000010979063629440");
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
	CHECK_STR(percent(5000), "5000%");
	/* SPEC says half away from zero: 12.3%; today 12.2% */
	CHECK_STR(percent(12.25), "12.2%");
}

/* Growth reports the scale factor as a percentage: it can be far above 100. */
static void test_percent_growth(void)
{
	/* SPEC says amounts are written compactly; today a growth rate above
	 * 999% that is not whole is "1.23e+03%" */
	CHECK_STR(percent(1234.5), "1.23e+03%");
	CHECK_STR(percent(1e20), "100000000000000000000%");
	CHECK_STR(percent(INFINITY), "inf%");
}

int main(void)
{
	test_number();
	test_number_round_trip();
	test_compact_small();
	test_compact_fractions();
	test_compact_steps();
	test_compact_step_boundaries();
	test_compact_powers();
	test_amount_units();
	test_amount_truncated();
	test_scale();
	test_scale_huge();
	test_percent();
	test_percent_growth();
	return unit_done();
}
