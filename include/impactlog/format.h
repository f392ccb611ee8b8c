#ifndef IMPACTLOG_FORMAT_H
#define IMPACTLOG_FORMAT_H

/* Numbers as people read them, and as machines read them back. */

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#define IL_NUMBER_SIZE 40

/* The currencies impactlog knows, written once: their code (the unit a
 * user logs), the symbol a compact amount takes, and the workbook's
 * number format.  The workbook charts the first of them the period has. */
struct il_currency {
	const char *code;	   /* "USD" */
	const char *symbol;	   /* "$" */
	const char *number_format; /* "$#,##0" */
};
#define IL_CURRENCIES 3
extern const struct il_currency il_currencies[IL_CURRENCIES];

/* The index in il_currencies of the currency whose code is UNIT (exactly:
 * "usd" is another unit); -1 for other units and for NULL. */
int il_currency_index(const char *unit);

/* The shortest decimal text that reads back as exactly VALUE: "250000",
 * "0.1", "1e+18".  Used wherever a number must survive a round trip. */
void il_format_number(double value, char out[IL_NUMBER_SIZE]);

/* VALUE in plain decimals, never an exponent, with the fewest places after
 * the point (at most MAX_PLACES) that read back as exactly VALUE: "0.00001",
 * "3".  Returns false, OUT holding the last attempt, when none does. */
bool il_format_plain(double value, int max_places, char *out, size_t size);

/*
 * Numbers for people.  All of them round half away from zero on the
 * value's decimal digits ($2,250,000 is $2.3M, 502.5 is 503), never show an
 * exponent, and fit 32 bytes: past 999,999,999 (of trillions for amounts)
 * a number is ">999,999,999", and a non-zero one too small for nine places
 * is "<0.000000001", never 0.
 */

/* A compact amount with its unit, for reading at a glance: "$1.6M",
 * "$120k", "420k users", "35 rps", "2.5B JPY", "$1,000T"... Known
 * currencies (il_currencies) take their symbol and keep the cents of a
 * fraction below 100 ("$0.50", "$12.35"); other units follow the number. */
void il_format_amount(double value, const char *unit, char *out, size_t size);

/* A compact amount without a unit: "1.6M", "120k", "950", "12.5", "0.004":
 * one decimal below ten of a step (k, M, B, T), none from ten; below a
 * thousand, three significant digits, none from 100. */
void il_format_compact(double value, char *out, size_t size);

/* A scale factor: "5.0×", "12.0×", "1.3×", "250×", "1,500×", "0.04×". */
void il_format_scale(double factor, char *out, size_t size);

/* A percentage: "40%", "12.5%", "1,235%". */
void il_format_percent(double percent, char *out, size_t size);

/* TEXT in Markdown, its special characters escaped and runs of white space
 * (a note's newlines) made single spaces, so that it stays on its line and
 * in its table cell. */
void il_md_text(FILE *f, const char *text);

#endif
