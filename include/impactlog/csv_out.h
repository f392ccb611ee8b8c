#ifndef IMPACTLOG_CSV_OUT_H
#define IMPACTLOG_CSV_OUT_H

/* The CSV writer behind `export` and `list --format csv`: SPEC's columns in
 * il_fields order, RFC 4180 quoting, numbers that read back exactly, lists
 * joined with ';' as il_list_join escapes them. */

#include "impactlog/db.h"

#include <stdbool.h>
#include <stdio.h>

/* Writes the header and one row per achievement whose id is in the temp
 * table TABLE (see il_filter_select): oldest first, or newest first. */
int il_csv_write(struct il_db *db, const char *table, bool newest_first, FILE *out);

/* Writes FIELD quoted as RFC 4180 requires (only when it must be). */
void il_csv_field(FILE *out, const char *field);

#endif
