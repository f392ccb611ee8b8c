/* Formatting numbers for people (compact) and for files (exact). */

#include "impactlog/format.h"

#include <math.h>
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

/* "1.6", "12", "120": one decimal below ten, none above, no trailing ".0". */
static void format_short(double value, char *out, size_t size)
{
	if (fabs(value) < 10 && fabs(value - round(value)) >= 0.05)
		snprintf(out, size, "%.1f", value);
	else
		snprintf(out, size, "%.0f", value);
}

void il_format_compact(double value, char *out, size_t size)
{
	static const struct {
		double scale;
		const char *suffix;
	} steps[] = {{1e12, "T"}, {1e9, "B"}, {1e6, "M"}, {1e3, "k"}};
	double magnitude = fabs(value);
	char number[32];

	/* Past a thousand trillion no suffix helps: say it in powers of ten. */
	if (magnitude >= 1e15) {
		int exponent = (int)floor(log10(magnitude));

		snprintf(out, size, "%.1fe%d", value / pow(10, exponent), exponent);
		return;
	}
	for (size_t i = 0; i < sizeof(steps) / sizeof(steps[0]); i++) {
		/* 999.96k rounds to "1000k": let the next step up take it. */
		if (magnitude >= steps[i].scale * 0.9995) {
			format_short(value / steps[i].scale, number, sizeof(number));
			snprintf(out, size, "%s%s", number, steps[i].suffix);
			return;
		}
	}
	if (magnitude >= 100 || value == round(value))
		snprintf(out, size, "%.0f", value);
	else
		snprintf(out, size, "%.3g", value);
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

	il_format_compact(value, number, sizeof(number));
	if (symbol)
		snprintf(out, size, "%s%s", symbol, number);
	else if (unit && *unit)
		snprintf(out, size, "%s %s", number, unit);
	else
		snprintf(out, size, "%s", number);
}

void il_format_scale(double factor, char *out, size_t size)
{
	if (factor >= 100)
		snprintf(out, size, "%.0f×", factor);
	else
		snprintf(out, size, "%.1f×", factor);
}

void il_format_percent(double percent, char *out, size_t size)
{
	if (percent == round(percent))
		snprintf(out, size, "%.0f%%", percent);
	else
		snprintf(out, size, "%.3g%%", percent);
}
