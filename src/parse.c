/*
 * Parsers for the numbers, dates and cycles a user types.  Every parser reads
 * the whole string strictly (no spaces, no signs, ASCII digits only) and never
 * hands raw input to strtod, so "nan", "inf", "0x10" and locale quirks cannot
 * slip through.
 */

#include "impactlog/parse.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static const char amount_error[] = "is not an amount of 0 or more (e.g. 250000, 250k, 1.2M, 3B)";
static const char amount_too_large[] = "is too large (at most 1e18)";
static const char percent_error[] = "is not a percentage from 0 to 100";
static const char count_error[] = "is not a whole number in the accepted range";
static const char date_error[] = "is not a real calendar day (YYYY-MM-DD)";
static const char relative_date_error[] = "is not a date (YYYY-MM-DD, today or yesterday)";
static const char cycle_error[] = "is not a cycle (2026, 2026-H1, 2026-H2 or 2026-Q1 to 2026-Q4)";

/* IL_AMOUNT_MAX as a power of ten, so the limit can be checked on the exact
 * decimal rather than on a rounded double. */
#define AMOUNT_MAX_POWER  18
#define PERCENT_MAX_POWER 2

/*
 * Significant digits kept before the rest is folded into one sticky digit.
 * Any decimal lying halfway between two doubles has at most 767 significant
 * digits, so truncating beyond that and appending a nonzero digit when
 * something nonzero was dropped still rounds exactly like the full text.
 */
#define MAX_SIGNIFICANT 780

/* Exponents are clamped here: far beyond any double, yet sums of a few of
 * them cannot overflow a long long. */
#define EXPONENT_CLAMP (LLONG_MAX / 4)

static bool is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* What the number grammar may contain besides "digits[.digits]". */
enum number_syntax {
	ALLOW_GROUPING = 1, /* "250,000" */
	ALLOW_EXPONENT = 2, /* "2.5e6" */
	ALLOW_SUFFIX = 4,   /* "250k", "1.2M", "3B" */
	ALLOW_PERCENT = 8,  /* "40%" */
};

/*
 * A decimal read from text: value = 0 if zero, else the digits "d1d2...dn"
 * (no leading or trailing zeros) times 10^(point - n + 1), i.e. d1 sits at
 * the 10^point place.
 */
struct decimal {
	bool zero;
	long long point;
	size_t count;
	char digits[MAX_SIGNIFICANT + 2];
};

/* Digits of an integer part, with commas allowed only between proper groups
 * of three ("1,234,567") and never after a leading zero ("0,250" is more
 * likely a European 0.25 than two hundred and fifty).  Returns the end, or
 * NULL if the grouping is wrong.  *DIGITS gets the number of digits. */
static const char *scan_integer_part(const char *s, bool allow_grouping, long long *digits)
{
	const char *p = s;
	long long first_group;

	while (is_digit(*p))
		p++;
	first_group = p - s;
	*digits = first_group;
	if (first_group == 0 || *p != ',' || !allow_grouping)
		return first_group ? p : NULL;
	if (first_group > 3 || s[0] == '0')
		return NULL;
	while (*p == ',') {
		if (!is_digit(p[1]) || !is_digit(p[2]) || !is_digit(p[3]) || is_digit(p[4]))
			return NULL;
		p += 4;
		*digits += 3;
	}
	return p;
}

/* "e", "E", an optional sign and digits; the value saturates at
 * EXPONENT_CLAMP.  Returns the end, or NULL if malformed. */
static const char *scan_exponent(const char *s, long long *exponent)
{
	bool negative = false;
	long long value = 0;

	s++;
	if (*s == '+' || *s == '-')
		negative = *s++ == '-';
	if (!is_digit(*s))
		return NULL;
	for (; is_digit(*s); s++) {
		int digit = *s - '0';

		value = value <= (EXPONENT_CLAMP - digit) / 10 ? value * 10 + digit
							       : EXPONENT_CLAMP;
	}
	*exponent = negative ? -value : value;
	return s;
}

/* The power of ten a scale suffix stands for, or -1 if C is not one. */
static int suffix_power(char c)
{
	switch (c) {
	case 'k':
	case 'K':
		return 3;
	case 'm':
	case 'M':
		return 6;
	case 'b':
	case 'B':
		return 9;
	default:
		return -1;
	}
}

/* Collect the significant digits of the text between BEGIN and END (digits,
 * commas and at most one '.'), whose first digit sits at the 10^LEAD place. */
static void collect_digits(const char *begin, const char *end, long long lead, struct decimal *d)
{
	long long place = lead;
	size_t kept_nonzero = 0; /* count just after the last nonzero digit kept */
	bool dropped_nonzero = false;

	d->zero = true;
	d->count = 0;
	for (const char *p = begin; p < end; p++) {
		if (!is_digit(*p))
			continue;
		if (d->zero && *p == '0') {
			place--;
			continue;
		}
		if (d->zero) {
			d->zero = false;
			d->point = place;
		}
		if (d->count < MAX_SIGNIFICANT) {
			d->digits[d->count++] = *p;
			if (*p != '0')
				kept_nonzero = d->count;
		} else if (*p != '0') {
			dropped_nonzero = true;
		}
	}
	/* The sticky digit must go after all MAX_SIGNIFICANT digits, so drop
	 * trailing zeros only when nothing nonzero followed them. */
	if (dropped_nonzero)
		d->digits[d->count++] = '1';
	else
		d->count = kept_nonzero;
	d->digits[d->count] = '\0';
}

/*
 * Read S as "digits[.digits]" plus whatever SYNTAX allows, scaling exponent
 * and suffix into the decimal point so nothing is rounded yet.  Returns false
 * if S is not exactly such a number.
 */
static bool scan_decimal(const char *s, int syntax, struct decimal *d)
{
	const char *p;
	const char *digits_end;
	long long int_digits;
	long long exponent = 0;

	p = scan_integer_part(s, syntax & ALLOW_GROUPING, &int_digits);
	if (!p)
		return false;
	if (*p == '.') {
		if (!is_digit(p[1]))
			return false;
		for (p++; is_digit(*p); p++)
			;
	}
	digits_end = p;
	if ((syntax & ALLOW_EXPONENT) && (*p == 'e' || *p == 'E')) {
		p = scan_exponent(p, &exponent);
		if (!p)
			return false;
	} else if ((syntax & ALLOW_SUFFIX) && suffix_power(*p) >= 0) {
		/* One or the other: "1e3k" is more likely a typo than a number. */
		exponent = suffix_power(*p++);
	}
	if ((syntax & ALLOW_PERCENT) && *p == '%')
		p++;
	if (*p != '\0')
		return false;
	collect_digits(s, digits_end, int_digits - 1 + exponent, d);
	return true;
}

/* Whether D is greater than 10^POWER, decided on the exact digits. */
static bool exceeds_power_of_ten(const struct decimal *d, long long power)
{
	if (d->zero)
		return false;
	return d->point > power || (d->point == power && (d->digits[0] != '1' || d->count > 1));
}

/* Round D to the nearest double, once.  The text has no decimal point, so
 * the locale's radix character cannot matter.  D must be at most 10^18 or
 * so; tiny values round to 0. */
static double decimal_to_double(const struct decimal *d)
{
	char text[MAX_SIGNIFICANT + 32];

	if (d->zero)
		return 0.0;
	snprintf(text, sizeof(text), "%se%lld", d->digits, d->point - (long long)(d->count - 1));
	return strtod(text, NULL);
}

const char *il_parse_amount(const char *s, double *out)
{
	struct decimal d;
	double value;

	if (!scan_decimal(s, ALLOW_GROUPING | ALLOW_EXPONENT | ALLOW_SUFFIX, &d))
		return amount_error;
	if (exceeds_power_of_ten(&d, AMOUNT_MAX_POWER))
		return amount_too_large;
	value = decimal_to_double(&d);
	if (value > IL_AMOUNT_MAX)
		return amount_too_large;
	*out = value;
	return NULL;
}

const char *il_parse_percent(const char *s, double *out)
{
	struct decimal d;

	/* No exponent: "1e2" as a share is a typo, not a hundred percent. */
	if (!scan_decimal(s, ALLOW_PERCENT, &d) || exceeds_power_of_ten(&d, PERCENT_MAX_POWER))
		return percent_error;
	*out = decimal_to_double(&d);
	return NULL;
}

const char *il_parse_count(const char *s, long long min, long long max, long long *out)
{
	long long value = 0;

	if (!is_digit(*s))
		return count_error;
	for (; is_digit(*s); s++) {
		int digit = *s - '0';

		if (value > (LLONG_MAX - digit) / 10)
			return count_error;
		value = value * 10 + digit;
	}
	if (*s != '\0' || value < min || value > max)
		return count_error;
	*out = value;
	return NULL;
}

bool il_is_leap_year(int year)
{
	return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

int il_days_in_month(int year, int month)
{
	static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

	if (month < 1 || month > 12)
		return 0;
	if (month == 2 && il_is_leap_year(year))
		return 29;
	return days[month - 1];
}

static bool date_is_valid(struct il_date d)
{
	return d.year >= 1000 && d.year <= 9999 && d.day >= 1 &&
	       d.day <= il_days_in_month(d.year, d.month);
}

/* The value of the N ASCII digits at S, or -1 if any is not a digit. */
static int fixed_digits(const char *s, int n)
{
	int value = 0;

	for (int i = 0; i < n; i++) {
		if (!is_digit(s[i]))
			return -1;
		value = value * 10 + (s[i] - '0');
	}
	return value;
}

const char *il_parse_date(const char *s, struct il_date *out)
{
	struct il_date d;

	/* Check the length first so the fixed offsets below stay in bounds. */
	if (strlen(s) != 10 || s[4] != '-' || s[7] != '-')
		return date_error;
	d.year = fixed_digits(s, 4);
	d.month = fixed_digits(s + 5, 2);
	d.day = fixed_digits(s + 8, 2);
	if (!date_is_valid(d))
		return date_error;
	*out = d;
	return NULL;
}

/* "NNNN-NN-NN": a date in form, whether or not the day exists, so that
 * 2026-02-30 is told it is no real day rather than no date at all. */
static bool has_date_shape(const char *s)
{
	for (int i = 0; i < 10; i++)
		if (i == 4 || i == 7 ? s[i] != '-' : !is_digit(s[i]))
			return false;
	return s[10] == '\0';
}

const char *il_parse_date_relative(const char *s, struct il_date today, struct il_date *out)
{
	struct il_date d;

	if (strcmp(s, "today") == 0)
		d = today;
	else if (strcmp(s, "yesterday") == 0)
		d = il_days_to_date(il_date_to_days(today) - 1);
	else if (il_parse_date(s, &d))
		return has_date_shape(s) ? date_error : relative_date_error;
	/* TODAY comes from the clock; still refuse a day outside 1000-9999. */
	if (!date_is_valid(d))
		return relative_date_error;
	*out = d;
	return NULL;
}

/* A cycle: a whole year, a half (part 1-2) or a quarter (part 1-4). */
struct cycle {
	int year;
	char kind; /* 'Y', 'H' or 'Q' */
	int part;
};

static bool scan_cycle(const char *s, struct cycle *c)
{
	size_t len = strlen(s);

	if (len != 4 && len != 7)
		return false;
	c->year = fixed_digits(s, 4);
	if (c->year < 1000)
		return false;
	if (len == 4) {
		c->kind = 'Y';
		c->part = 1;
		return true;
	}
	if (s[4] != '-')
		return false;
	c->kind = (s[5] == 'h' || s[5] == 'H') ? 'H' : (s[5] == 'q' || s[5] == 'Q') ? 'Q' : 0;
	c->part = s[6] - '0';
	return c->kind && c->part >= 1 && c->part <= (c->kind == 'H' ? 2 : 4);
}

const char *il_parse_cycle(const char *s, struct il_range *out)
{
	struct cycle c;
	int months;
	int first_month;

	if (!scan_cycle(s, &c))
		return cycle_error;
	months = c.kind == 'Y' ? 12 : c.kind == 'H' ? 6 : 3;
	first_month = (c.part - 1) * months + 1;
	out->from = (struct il_date){c.year, first_month, 1};
	out->to.year = c.year;
	out->to.month = first_month + months - 1;
	out->to.day = il_days_in_month(c.year, out->to.month);
	return NULL;
}

/* Writes the decimal digits of VALUE, zero-padded to WIDTH, without a NUL. */
static void put_digits(char *out, int value, int width)
{
	if (value < 0)
		value = 0;
	for (int i = width - 1; i >= 0; i--) {
		out[i] = (char)('0' + value % 10);
		value /= 10;
	}
}

void il_cycle_previous(const char *name, char out[16])
{
	struct cycle c;

	out[0] = '\0';
	if (!scan_cycle(name, &c))
		return;
	if (c.kind != 'Y' && c.part > 1) {
		c.part--;
	} else {
		c.year--;
		c.part = c.kind == 'Y' ? 1 : c.kind == 'H' ? 2 : 4;
	}
	/* Year 999 could not be parsed back: leave OUT empty instead. */
	if (c.year < 1000)
		return;
	put_digits(out, c.year, 4);
	if (c.kind == 'Y') {
		out[4] = '\0';
		return;
	}
	out[4] = '-';
	out[5] = c.kind;
	out[6] = (char)('0' + c.part);
	out[7] = '\0';
}

/*
 * Howard Hinnant's days_from_civil: shift the year to start in March so the
 * leap day falls last, then count whole 400-year eras (146097 days each).
 */
long il_date_to_days(struct il_date d)
{
	long year = d.year - (d.month <= 2);
	long era = (year >= 0 ? year : year - 399) / 400;
	long year_of_era = year - era * 400;
	long day_of_year = (153 * (d.month + (d.month > 2 ? -3 : 9)) + 2) / 5 + d.day - 1;
	long day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;

	return era * 146097 + day_of_era - 719468;
}

/* Howard Hinnant's civil_from_days, the inverse of the above. */
struct il_date il_days_to_date(long days)
{
	long shifted = days + 719468;
	long era = (shifted >= 0 ? shifted : shifted - 146096) / 146097;
	long day_of_era = shifted - era * 146097;
	long year_of_era =
		(day_of_era - day_of_era / 1460 + day_of_era / 36524 - day_of_era / 146096) / 365;
	long day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
	long month_from_march = (5 * day_of_year + 2) / 153;
	struct il_date d;

	d.day = (int)(day_of_year - (153 * month_from_march + 2) / 5 + 1);
	d.month = (int)(month_from_march < 10 ? month_from_march + 3 : month_from_march - 9);
	d.year = (int)(year_of_era + era * 400 + (d.month <= 2));
	return d;
}

void il_date_format(struct il_date d, char out[11])
{
	put_digits(out, d.year, 4);
	out[4] = '-';
	put_digits(out + 5, d.month, 2);
	out[7] = '-';
	put_digits(out + 8, d.day, 2);
	out[10] = '\0';
}

struct il_date il_local_date(long long t)
{
	time_t when = (time_t)t;
	struct tm local;

	/* Only a time far outside any calendar fails: no date at all. */
	if ((long long)when != t || !localtime_r(&when, &local) || local.tm_year > 9999 - 1900)
		return (struct il_date){0, 0, 0};
	return (struct il_date){local.tm_year + 1900, local.tm_mon + 1, local.tm_mday};
}

bool il_date_accepted(struct il_date d)
{
	return date_is_valid(d) && il_date_to_days(d) >= il_date_to_days(IL_FIRST_DATE);
}
