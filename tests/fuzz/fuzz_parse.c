/* libFuzzer target: every parser of typed values, on arbitrary bytes.
 * Beyond not crashing, each accepted value must satisfy its contract. */

#include "impactlog/parse.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check_amount(const char *text)
{
	double value;

	if (!il_parse_amount(text, &value) && !(value >= 0 && value <= IL_AMOUNT_MAX))
		abort();
}

static void check_percent(const char *text)
{
	double value;

	if (!il_parse_percent(text, &value) && !(value >= 0 && value <= 100))
		abort();
}

static void check_date(const char *text)
{
	struct il_date date, today = {2026, 3, 1};
	char back[11];

	if (!il_parse_date(text, &date)) {
		/* An accepted date prints back as the same text. */
		il_date_format(date, back);
		if (strcmp(back, text) != 0)
			abort();
		if (il_days_to_date(il_date_to_days(date)).day != date.day)
			abort();
	}
	if (!il_parse_date_relative(text, today, &date) &&
	    date.day > il_days_in_month(date.year, date.month))
		abort();
}

static void check_cycle(const char *text)
{
	struct il_range range, previous;
	char name[16];

	if (il_parse_cycle(text, &range))
		return;
	if (il_date_to_days(range.from) > il_date_to_days(range.to))
		abort();
	il_cycle_previous(text, name);
	/* The previous cycle ends the day before this one starts. */
	if (name[0] && (il_parse_cycle(name, &previous) ||
			il_date_to_days(previous.to) + 1 != il_date_to_days(range.from)))
		abort();
}

static void check_count(const char *text)
{
	long long value;

	if (!il_parse_count(text, 1, 1000000, &value) && (value < 1 || value > 1000000))
		abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = malloc(size + 1);

	memcpy(text, data, size);
	text[size] = '\0';
	check_amount(text);
	check_percent(text);
	check_date(text);
	check_cycle(text);
	check_count(text);
	free(text);
	return 0;
}
