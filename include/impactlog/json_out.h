#ifndef IMPACTLOG_JSON_OUT_H
#define IMPACTLOG_JSON_OUT_H

/*
 * JSON out: strings, numbers that read back as the same double, and the
 * achievements as `list --format json` and the packet of `report --json`
 * write them (reports/achievements_json.sql), in one place so that a
 * packet's achievements are exactly what list shows.
 */

#include "impactlog/db.h"

#include <stdbool.h>
#include <stdio.h>

/* TEXT as a JSON string, quoted and escaped as SQLite's json_quote does;
 * NULL writes null. */
void il_json_write_string(FILE *f, const char *text);

/* A number by the shortest text that reads back as the same double. */
void il_json_write_number(FILE *f, double value);

/* The achievements whose ids are in the temporary table IL_FILTER_SELECTED,
 * newest first, as a JSON array of objects keyed by id and the CSV columns,
 * one object per line; with REDACT, evidence and notes are left out and
 * witnesses reduced to initials.  INDENT is written before each object and
 * before the closing bracket.  Returns 0, or -1 after one message. */
int il_json_write_achievements(struct il_db *db, bool redact, const char *indent, FILE *f);

#endif
