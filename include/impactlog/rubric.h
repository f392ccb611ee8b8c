#ifndef IMPACTLOG_RUBRIC_H
#define IMPACTLOG_RUBRIC_H

/*
 * The rubric: the expectations of a track at a target level, which
 * readiness (readiness.h) measures the log against.  A rubric is CSV with
 * the columns id, track, level, dimension, expectation, measure, where,
 * at_least and source (see the man page, RUBRIC).  The built-in one is
 * reports/rubric.csv, embedded at build time; `rubric import` stores
 * another in the database, so that a backup carries it.
 */

#include "impactlog/achievement.h"
#include "impactlog/db.h"
#include "impactlog/util.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

/* A rubric larger than this is refused: the built-in one has about a
 * hundred rows, and every one is measured over every achievement. */
#define IL_RUBRIC_ROWS_MAX  2000
#define IL_RUBRIC_BYTES_MAX (1024 * 1024)

enum il_measure {
	IL_MEASURE_COUNT,	 /* achievements matching `where` */
	IL_MEASURE_ORGS,	 /* distinct orgs among them */
	IL_MEASURE_MONTHS,	 /* distinct months with one */
	IL_MEASURE_SUM,		 /* their attributed value in one unit */
	IL_MEASURE_PERCENT,	 /* percent of the period's achievements */
	IL_MEASURE_EVIDENCE_PCT, /* percent of them with evidence */
	IL_MEASURE_WITNESS_PCT,	 /* percent of them with a witness */
	IL_MEASURE_MANUAL,	 /* not measurable: to argue in person */
};

/* What a condition of `where` reads: a word (tag, unit, confidence) or a
 * number. */
enum il_condition_field {
	IL_COND_TAG,
	IL_COND_UNIT,
	IL_COND_CONFIDENCE,
	IL_COND_VALUE,
	IL_COND_ATTRIBUTED,
	IL_COND_SHARE,
	IL_COND_TEAM_SIZE,
	IL_COND_LEAD_DAYS,
	IL_COND_SCALE_FACTOR,
	IL_COND_ORGS,	   /* how many */
	IL_COND_EVIDENCE,  /* how many */
	IL_COND_WITNESSES, /* how many */
	IL_COND_FIELD_COUNT
};

enum il_condition_op { IL_OP_EQ, IL_OP_NE, IL_OP_GE, IL_OP_LE, IL_OP_GT, IL_OP_LT };

struct il_condition {
	enum il_condition_field field;
	enum il_condition_op op;
	double number; /* numeric fields */
	char *word;    /* word fields: the tag's, unit's or confidence's name */
};

struct il_expectation {
	char *id, *track, *level, *dimension, *expectation, *where, *source;
	enum il_measure measure;
	char *measure_name; /* as a rubric writes it: "count", "sum:USD" */
	char *unit;	    /* IL_MEASURE_SUM's unit; NULL otherwise */
	struct il_condition *conditions;
	size_t conditions_len;
	bool has_at_least; /* false only for manual rows */
	double at_least;
};

struct il_rubric {
	struct il_expectation *rows;
	size_t len;
	bool built_in; /* the rubric shipped in reports/rubric.csv */
	char *text;    /* the CSV it was read from, as written (a BOM apart) */
};

/* The names of the condition fields, as `where` spells them: "tag". */
extern const char *const il_condition_fields[IL_COND_FIELD_COUNT];

/* Parses the rubric TEXT (LEN bytes), named NAME in messages.  Returns 0,
 * or -1 after one "NAME:LINE: ..." line on stderr; R is then empty. */
int il_rubric_parse(struct il_rubric *r, const char *name, const char *text, size_t len);
void il_rubric_free(struct il_rubric *r);

/* The rubric in use: the one stored by `rubric import`, else the built-in
 * one (DB NULL: the built-in one).  Returns 0 or -1 after a message. */
int il_rubric_load(struct il_db *db, struct il_rubric *r);

/* Replaces the stored rubric by TEXT (already parsed), or removes it so
 * that the built-in one is in use again (TEXT NULL), in one transaction. */
int il_rubric_store(struct il_db *db, const char *text);

/* Whether row E applies to TRACK at LEVEL: each compared without regard
 * to case, "*" applying to all. */
bool il_expectation_applies(const struct il_expectation *e, const char *track, const char *level);

/* The levels the rubric has for TRACK ("L6, L7, L8"), for the message
 * about a level it does not have. */
void il_rubric_levels(const struct il_rubric *r, const char *track, struct il_buf *out);

/* Reads all of PATH ("-": standard input) into OUT, refusing more than a
 * rubric may hold before it has all been read (il_rubric_parse says so).
 * Returns 0, or -1 after one line. */
int il_rubric_read_file(const char *path, struct il_buf *out);

#endif
