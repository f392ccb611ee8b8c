#ifndef IMPACTLOG_REPORT_MODEL_H
#define IMPACTLOG_REPORT_MODEL_H

/* The report model's own interface between its files: report.c builds
 * the sections, report_job.c builds them in two threads, report_words.c
 * words them. */

#include "impactlog/report.h"

/* Points the report views at FILTER's period and fills
 * IL_REPORT_PREVIOUS with the previous cycle (empty without one).
 * Returns 0, or -1 after one message. */
int il_report_select(struct il_db *db, const struct il_filter *filter);

/* Fills the PARTS (enum il_report_part) of REPORT from the selection DB
 * already has.  Returns 0, or -1 after one message; REPORT then holds
 * what was built so far, for il_report_free. */
int il_report_build_parts(struct il_db *db, const struct il_filter *filter, long long now,
			  unsigned parts, struct il_report *report);

/* The scope line: "tag prevented-loss, org 'Payments'", or "". */
char *il_report_scope(const struct il_filter *filter);

/* A top achievement's quantified sentence, for its sentence field. */
char *il_report_item_sentence(const struct il_report_item *item);

#endif
