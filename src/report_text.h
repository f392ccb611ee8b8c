#ifndef IMPACTLOG_REPORT_TEXT_H
#define IMPACTLOG_REPORT_TEXT_H

/* The layout the text and Markdown renderers share (report_text.c,
 * report_md.c): their tables show the same cells. */

#include "impactlog/report.h"

#include <stddef.h>

#define IL_TEXT_GROUP_ROWS 20 /* orgs or projects listed before "and N more" */

/* An amount in a table whose Unit column already names the unit: currencies
 * keep their symbol ("$1.2M"), other units show the bare number ("50k"). */
void il_text_table_amount(double value, const char *unit, char *out, size_t size);

/* "+$400k", "-20k", "0": the change from PREVIOUS to CURRENT, in a table.
 * OUT takes 64 bytes. */
void il_text_table_change(double current, double previous, const char *unit, char *out,
			  size_t size);

/* "$1.2M, 20k rps, 12.6k users", appended to OUT. */
void il_text_amount_list(const struct il_report_amount *amounts, size_t len, struct il_buf *out);

/* The most achievements in one month of REPORT's chart: its longest bar. */
long il_text_max_month_total(const struct il_report *report);

#endif
