/* Formatting numbers for people (compact) and for files (exact), and text
 * for Markdown. */

#include "impactlog/format.h"

#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void il_format_number(double value, char out[IL_NUMBER_SIZE])
{
	/* Integers up to 2^53 print as plain digits: the usual case. */
	if (value == floor(value) && fabs(value) < 9007199254740992.0) {
		snprintf(out, IL_NUMBER_SIZE, "%.0f", value);
		return;
	}
	for (int precision = 1; precision <= 17; precision++) {
		snprintf(out, IL_NUMBER_SIZE, "%.*g", precision, value);
		if (strtod(out, NULL) == value)
			return;
	}
}

bool il_format_plain(double value, int max_places, char *out, size_t size)
{
	for (int places = 0; places <= max_places; places++) {
		snprintf(out, size, "%.*f", places, value);
		if (strtod(out, NULL) == value)
			return true;
	}
	return false;
}

/*
 * One rounding rule for every number a person reads (list, every report
 * line, the workbook's text): round half away from zero, on the decimal
 * digits of the value rather than on its binary double.  The value is
 * first read as its 15 significant decimal digits (DBL_DIG): any decimal
 * of up to 15 digits that a user typed comes back exactly (1.005 is
 * 1.00499999999999989... in binary, but its 15 digits are 1.00500000000000),
 * and the noise of arithmetic in the 16th and 17th digits (0.1 + 0.2) is
 * dropped.  Those digits are then rounded half away from zero, so that
 * $2,250,000 is $2.3M and 502.5 is 503 wherever they are shown.
 */

/* The 15 significant digits of |VALUE| into DIGITS; returns how many of
 * them stand before the decimal point (|VALUE| = 0.DIGITS × 10^that). */
static int decimal_digits(double value, char digits[16])
{
	char text[32];

	/* "2.25000000000000e+06": a digit, a point, 14 digits, the exponent. */
	snprintf(text, sizeof(text), "%.14e", fabs(value));
	digits[0] = text[0];
	memcpy(digits + 1, text + 2, 14);
	digits[15] = '\0';
	return atoi(text + 17) + 1;
}

/* VALUE rounded half away from zero to PLACES decimal places (a negative
 * PLACES rounds to tens, hundreds...), by the rule above. */
static double round_half_away(double value, int places)
{
	char digits[17], text[48];
	int point, keep;
	bool up;

	if (!isfinite(value) || value == 0)
		return value;
	point = decimal_digits(value, digits + 1);
	keep = point + places; /* digits kept */
	if (keep >= 15)
		keep = 15;
	if (keep < 0)
		return 0;
	up = keep < 15 && digits[1 + keep] >= '5';
	digits[1 + keep] = '\0';
	/* digits[0] takes the carry out of the first digit: 9.96 -> 10.0. */
	digits[0] = '0';
	for (int i = keep; up && i >= 0; i--) {
		up = digits[i] == '9';
		digits[i] = up ? '0' : (char)(digits[i] + 1);
	}
	snprintf(text, sizeof(text), "%s0.%se%d", value < 0 ? "-" : "", digits, point + 1);
	return strtod(text, NULL);
}

/* The largest number written in full; larger ones are "more than" it, so
 * that no line grows past its column nor shows an exponent. */
#define LARGEST	     999999999.0
#define LARGEST_TEXT ">999,999,999"
/* The most decimal places a small number shows; one that rounds to zero
 * there is "less than" the last place: never "0", never an exponent. */
#define PLACES_MAX    9
#define SMALLEST_TEXT "<0.000000001"

/* Whole MAGNITUDE (at most LARGEST) in digits grouped by thousands,
 * "1,234,567", after PREFIX and before SUFFIX. */
static void write_grouped(double magnitude, const char *prefix, const char *suffix, char *out,
			  size_t size)
{
	char digits[32], grouped[48];
	size_t len, j = 0;

	snprintf(digits, sizeof(digits), "%.0f", magnitude);
	len = strlen(digits);
	for (size_t i = 0; i < len; i++) {
		if (i && (len - i) % 3 == 0)
			grouped[j++] = ',';
		grouped[j++] = digits[i];
	}
	grouped[j] = '\0';
	snprintf(out, size, "%s%s%s", prefix, grouped, suffix);
}

/* ROUNDED (already rounded to PLACES) in plain decimals, dropping trailing
 * zeros after the point down to MIN_PLACES, or all of them when the
 * fraction is zero: "12.5", "0.50", "3". */
static void write_places(double rounded, int places, int min_places, const char *prefix,
			 const char *suffix, char *out, size_t size)
{
	char text[64];
	char *point, *end;

	snprintf(text, sizeof(text), "%.*f", places > 0 ? places : 0, rounded);
	if ((point = strchr(text, '.'))) {
		end = point + strlen(point);
		while (end > point + 1 + min_places && end[-1] == '0')
			end--;
		if (strspn(point + 1, "0") == strlen(point + 1))
			end = point;
		*end = '\0';
	}
	snprintf(out, size, "%s%s%s", prefix, text, suffix);
}

/* Decimal places for SIGNIFICANT significant digits of MAGNITUDE (> 0),
 * at most PLACES_MAX. */
static int significant_places(double magnitude, int significant)
{
	char digits[16];
	int places = significant - decimal_digits(magnitude, digits);

	return places > PLACES_MAX ? PLACES_MAX : places;
}

/* MAGNITUDE (>= 0, below 1000) with SIGNIFICANT significant digits, at
 * least MIN_PLACES of them after the point unless it is whole; false
 * when it rounds to 1000 or more. */
static bool write_small(double magnitude, int significant, int min_places, const char *sign,
			const char *suffix, char *out, size_t size)
{
	int places = magnitude >= 100 ? 0 : significant_places(magnitude, significant);
	double rounded;

	if (places < min_places)
		places = min_places;
	rounded = round_half_away(magnitude, places);
	if (rounded >= 1000)
		return false;
	if (rounded == 0 && magnitude > 0)
		snprintf(out, size, "%s%s%s", sign, SMALLEST_TEXT, suffix);
	else
		write_places(rounded, places, min_places, rounded == 0 ? "" : sign, suffix, out,
			     size);
	return true;
}

/* "1.6M", "120k", "950", "12.5", "1,000T"; with CENTS (a currency) a
 * fraction below 100 is to the cent: "0.50", "0.17", "12.35"; below a
 * cent it keeps its significant digits: "0.00333". */
static void format_compact(double value, bool cents, char *out, size_t size)
{
	static const char *const suffixes[] = {"", "k", "M", "B", "T"};
	const char *sign = value < 0 ? "-" : "";
	double magnitude = fabs(value);

	if (isnan(value)) {
		snprintf(out, size, "-");
		return;
	}
	/* Money from a cent to a hundred: to the cent, "$0.17", "$12.35". */
	if (cents && magnitude >= 0.01 && magnitude < 100) {
		write_places(round_half_away(magnitude, 2), 2, 2, sign, "", out, size);
		return;
	}
	/* Below a thousand: whole numbers as they are, fractions to three
	 * significant digits below 100, none from 100. */
	if (magnitude < 1000 &&
	    write_small(magnitude, 3, cents && magnitude < 100 ? 2 : 0, sign, "", out, size))
		return;
	for (int step = 1; step < 5; step++) {
		double scale = pow(1000, step);
		double scaled = magnitude / scale, rounded;

		/* 999.96k rounds to "1000k": the next step up takes it. */
		if (scaled < 10) {
			rounded = round_half_away(magnitude, 1 - 3 * step) / scale;
			write_places(rounded, 1, 0, sign, suffixes[step], out, size);
			return;
		}
		rounded = round_half_away(magnitude, -3 * step) / scale;
		if (rounded < 1000 || step == 4) {
			if (rounded > LARGEST)
				snprintf(out, size, "%s%s%s", sign, LARGEST_TEXT, suffixes[step]);
			else
				write_grouped(rounded, sign, suffixes[step], out, size);
			return;
		}
	}
}

void il_format_compact(double value, char *out, size_t size)
{
	format_compact(value, false, out, size);
}

const struct il_currency il_currencies[IL_CURRENCIES] = {
	{"USD", "$", "$#,##0"},
	{"EUR", "€", "\"€\"#,##0"},
	{"GBP", "£", "\"£\"#,##0"},
};

int il_currency_index(const char *unit)
{
	for (int i = 0; unit && i < IL_CURRENCIES; i++)
		if (strcmp(unit, il_currencies[i].code) == 0)
			return i;
	return -1;
}

void il_format_amount(double value, const char *unit, char *out, size_t size)
{
	int currency = il_currency_index(unit);
	const char *symbol = currency >= 0 ? il_currencies[currency].symbol : NULL;
	char number[32];
	size_t sign;

	format_compact(value, symbol != NULL, number, sizeof(number));
	/* The symbol goes after a sign or a "more than": "-$5k", "<$0.000000001". */
	sign = strspn(number, "-<>");
	if (symbol)
		snprintf(out, size, "%.*s%s%s", (int)sign, number, symbol, number + sign);
	else if (unit && *unit)
		snprintf(out, size, "%s %s", number, unit);
	else
		snprintf(out, size, "%s", number);
}

/* FACTOR or PERCENT from 1000 (or THRESHOLD) up: whole, grouped, capped. */
static void write_large(double magnitude, const char *sign, const char *suffix, char *out,
			size_t size)
{
	double rounded = round_half_away(magnitude, 0);

	if (!(rounded <= LARGEST))
		snprintf(out, size, "%s%s%s", sign, LARGEST_TEXT, suffix);
	else
		write_grouped(rounded, sign, suffix, out, size);
}

void il_format_scale(double factor, char *out, size_t size)
{
	const char *sign = factor < 0 ? "-" : "";
	double magnitude = fabs(factor);
	double rounded = round_half_away(magnitude, 1);

	if (isnan(factor)) {
		snprintf(out, size, "-");
	} else if (rounded >= 100) {
		write_large(magnitude, sign, "×", out, size);
	} else if (rounded == 0 && magnitude > 0) {
		/* A baseline twenty times the value: two significant digits,
		 * "0.04×", rather than "0.0×". */
		write_small(magnitude, 2, 0, sign, "×", out, size);
	} else {
		snprintf(out, size, "%s%.1f×", rounded == 0 ? "" : sign, rounded);
	}
}

void il_format_percent(double percent, char *out, size_t size)
{
	const char *sign = percent < 0 ? "-" : "";
	double magnitude = fabs(percent);

	if (isnan(percent))
		snprintf(out, size, "-");
	else if (magnitude >= 1000 || !write_small(magnitude, 3, 0, sign, "%", out, size))
		write_large(magnitude, sign, "%", out, size);
}

void il_md_text(FILE *f, const char *text)
{
	bool space = false;

	for (const char *p = text; *p; p++) {
		if (strchr(" \t\r\n", *p)) {
			space = true;
			continue;
		}
		if (space)
			fputc(' ', f);
		space = false;
		if (strchr("\\`*_[]<>|~", *p))
			fputc('\\', f);
		fputc(*p, f);
	}
}
