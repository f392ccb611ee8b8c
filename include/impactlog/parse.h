#ifndef IMPACTLOG_PARSE_H
#define IMPACTLOG_PARSE_H

/*
 * Pure parsers for the values a user types.  Each returns NULL on success and
 * otherwise a short static phrase saying what is accepted, written to follow
 * the quoted input: "'140' is not a percentage from 0 to 100".
 */

#include <stdbool.h>
#include <stdint.h>

/* Largest outcome value or baseline accepted: a quintillion. */
#define IL_AMOUNT_MAX 1e18

/* A calendar day; "YYYY-MM-DD" is its text form. */
struct il_date {
	int year;  /* 1000 to 9999 */
	int month; /* 1 to 12 */
	int day;   /* 1 to days in month */
};

/* An inclusive range of days; a cycle such as 2026-H2 names one. */
struct il_range {
	struct il_date from;
	struct il_date to;
};

/* "250000", "250,000", "250k", "1.2M", "3B", "2.5e6": a finite amount from 0
 * to IL_AMOUNT_MAX.  Suffixes k, M, B (either case) scale by 10^3, 10^6, 10^9;
 * the decimal is scaled exactly, so "1.2M" is 1200000. */
const char *il_parse_amount(const char *s, double *out);

/* "40", "40%", "12.5": a percentage from 0 to 100. */
const char *il_parse_percent(const char *s, double *out);

/* A whole number from MIN to MAX, digits only; the phrase does not name the
 * range, so the caller adds it. */
const char *il_parse_count(const char *s, long long min, long long max, long long *out);

/* "YYYY-MM-DD" naming a real calendar day. */
const char *il_parse_date(const char *s, struct il_date *out);

/* As il_parse_date, and also "today" and "yesterday" relative to TODAY. */
const char *il_parse_date_relative(const char *s, struct il_date today, struct il_date *out);

/* "2026" (the year), "2026-H1", "2026-H2", "2026-Q1" .. "2026-Q4". */
const char *il_parse_cycle(const char *s, struct il_range *out);

/* The cycle of the same kind just before NAME ("2026-H1" -> "2025-H2"),
 * written to OUT; "" when NAME is not a cycle. */
void il_cycle_previous(const char *name, char out[16]);

bool il_is_leap_year(int year);
int il_days_in_month(int year, int month);

/* Days since 1970-01-01 (negative before), and back. */
long il_date_to_days(struct il_date d);
struct il_date il_days_to_date(long days);

/* Writes "YYYY-MM-DD" and a NUL to OUT. */
void il_date_format(struct il_date d, char out[11]);

/* The local calendar day at time T (seconds since the epoch), or
 * {0, 0, 0} for a time no calendar day of years 1000-9999 holds. */
struct il_date il_local_date(long long t);

/* The first day the program accepts: spreadsheets count days from 1900,
 * and miscount them before March 1900 (Lotus's leap day). */
#define IL_FIRST_DATE ((struct il_date){1900, 3, 1})

/* Whether D is a real day from IL_FIRST_DATE to 9999-12-31. */
bool il_date_accepted(struct il_date d);

#endif
