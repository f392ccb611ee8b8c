#ifndef IMPACTLOG_JSON_IN_H
#define IMPACTLOG_JSON_IN_H

/*
 * The JSON reader behind `add --json`: one achievement as one JSON object
 * whose keys are the CSV columns (see il_fields), as `list --format json`
 * writes them:
 *
 *   {"tag": "user-growth", "title": "Launched onboarding", "value": "250k",
 *    "orgs": ["Payments", "Ads"], "note": null}
 *
 * - Text fields take strings; value, baseline, share, team_size,
 *   likelihood and lead_days take JSON numbers or strings ("250k", "40%");
 *   orgs, evidence and witnesses take arrays of strings.  null is a value
 *   not given.  Every value goes through il_achievement_set(), and the
 *   whole through il_achievement_check(), as on the command line: a date
 *   may be "today" or "yesterday", as add is a capture of the moment.
 * - "id" is accepted and ignored (a new id is assigned), and an array
 *   holding exactly one object stands for that object, so that the output
 *   of `list --format json` for one achievement reads back.
 * - Unknown or repeated keys, nested objects, invalid JSON, and text that is
 *   not UTF-8 are refused.
 *
 * The text is parsed by SQLite's JSON functions on a private in-memory
 * connection, never by hand and never near the user's database.
 */

#include "impactlog/achievement.h"
#include "impactlog/parse.h"
#include "impactlog/util.h"

#include <sqlite3.h>
#include <stdbool.h>
#include <stddef.h>

/* The most input `add --json` reads: more than any achievement takes,
 * even with every character escaped (\uXXXX\uXXXX: 12 bytes for one). */
#define IL_JSON_INPUT_MAX (4L * 1024 * 1024)
_Static_assert(IL_JSON_INPUT_MAX >= 3 * IL_RECORD_BYTES_MAX, "add --json reads any achievement");

/* Reads standard input into TEXT, stopping once it holds more than
 * IL_JSON_INPUT_MAX bytes (which il_json_read_achievement then refuses).
 * Returns 0, or -1 with ERROR holding one line saying why. */
int il_json_read_stdin(struct il_buf *text, struct il_buf *error);

/* Sets A (fresh from il_achievement_init) from the LEN bytes at TEXT, which
 * need no terminating NUL, and checks it.  Returns 0, or -1 with ERROR
 * holding one line naming the key: "'share': '140' is not a percentage
 * from 0 to 100".  The caller adds the "--json: " label. */
int il_json_read_achievement(const char *text, size_t len, struct il_date today,
			     struct il_achievement *a, struct il_buf *error);

/* How a JSON type (as json_each names it: "integer", "text", ...) reads in
 * a message after "not": "a number", "a string", "an array", "null". */
const char *il_json_type_phrase(const char *type);
bool il_json_is_number(const char *type);
/* The fields JSON may give as numbers: value, baseline, share, ... */
bool il_json_is_numeric_field(enum il_field field);

/* Sets FIELD (not a list; a list takes one item per call) of A from one
 * JSON value of json_each's TYPE: TEXT is the string, or for a number the
 * number as written, and NUMBER its value.  Returns 0, or -1 with ERROR
 * holding one line naming the key: "'share': '140' is not a percentage
 * from 0 to 100", "'title': must be a string, not a number". */
int il_json_set_field(struct il_achievement *a, enum il_field field, const char *type,
		      const char *text, double number, struct il_date today, struct il_buf *error);

/* The checks every JSON reader makes before it reads members, for what
 * SQLite does not check or gets wrong: a NUL byte (SQLite stops there),
 * invalid UTF-8 (RFC 8259 requires it), a key that is not a string (SQLite
 * 3.40 accepts one, then reads out of bounds), invalid JSON, and a \u0000
 * escape (SQLite ends the string there without a word).  DB is any
 * connection, for json_valid.  Returns 0, or -1 with ERROR holding one
 * line: "not valid JSON". */
int il_json_check_text(sqlite3 *db, const char *text, size_t len, struct il_buf *error);

#endif
