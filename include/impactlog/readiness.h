#ifndef IMPACTLOG_READINESS_H
#define IMPACTLOG_READINESS_H

/*
 * Readiness: the period's achievements measured against the rubric's
 * expectations for one track and target level.  The model, with its words
 * (values, thresholds, what is missing, the verdict), is built here once;
 * `readiness` and the reports lay it out.
 */

#include "impactlog/db.h"
#include "impactlog/rubric.h"
#include "impactlog/util.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

struct il_readiness_item {
	const struct il_expectation *e; /* in the rubric given to il_readiness_build */
	bool measurable;		/* false: a manual row */
	double value;			/* the measure; a percentage is 0-100 */
	bool met;
	int64_t *ids; /* the achievements that count, in id order */
	size_t ids_len;
	char *value_text; /* "3", "$320k", "62%"; "" for a manual row */
	char *at_least_text;
	char *missing; /* "1 more achievement touching 2 or more orgs"; "" when met */
};

struct il_readiness {
	char *track, *level; /* as the rubric spells them, when it has them */
	struct il_readiness_item *items;
	size_t len;
	int met, measurable, manual;
	char *unavailable; /* why there is no readiness, or NULL */
};

/* Measures the achievements il_report_select chose (the report_facts
 * views) against R's rows for TRACK at LEVEL.  Returns 0; 1 when R has no
 * row for them, with OUT->unavailable saying so (and naming the levels it
 * has); -1 after a database error's message. */
int il_readiness_build(struct il_db *db, const struct il_rubric *r, const char *track,
		       const char *level, struct il_readiness *out);
void il_readiness_free(struct il_readiness *rd);

/* "ready for L7 (TPM): 5 of 7 measurable expectations met; 2 to argue in
 * person" */
void il_readiness_verdict(const struct il_readiness *rd, struct il_buf *out);

/* The heading over the rows: "Readiness for L7 (TPM)". */
void il_readiness_title(const struct il_readiness *rd, struct il_buf *out);

/* The words for a row's state: "met", "not yet" or "in person". */
extern const char il_readiness_met[], il_readiness_not_yet[];
const char *il_readiness_state(const struct il_readiness_item *item);

/* Readiness laid out (readiness_out.c): text and Markdown under a heading
 * naming PERIOD ("2026-H1 (2026-01-01 to 2026-06-30)"), and SPEC's JSON
 * array.  The _rows forms leave out the heading, for a report's section:
 * the rows by dimension, INDENT columns in, then the verdict. */
void il_readiness_write_text_rows(FILE *f, const struct il_readiness *rd, int indent);
void il_readiness_write_markdown_rows(FILE *f, const struct il_readiness *rd);
void il_readiness_write_text(FILE *f, const struct il_readiness *rd, const char *period);
void il_readiness_write_markdown(FILE *f, const struct il_readiness *rd, const char *period);
void il_readiness_write_json(FILE *f, const struct il_readiness *rd);

/* The line that says why there is no readiness: no track or target level
 * in the profile, and how to set them. */
extern const char il_readiness_unset[];
/* The same, as a report says it: readiness is one section of several. */
extern const char il_readiness_unset_report[];

#endif
