#ifndef IMPACTLOG_IMPORT_JSON_H
#define IMPACTLOG_IMPORT_JSON_H

/*
 * The readers behind `import --from bragfile` and `import --from jrnl`:
 * another tool's JSON export, read by SQLite's JSON functions on a private
 * in-memory connection (one json_each over the file), each entry made an
 * achievement through il_achievement_set() and il_achievement_check().
 *
 * bragfile (`brag export --format json`): a JSON array of objects with the
 * keys id, title, description, tags, project, type, impact, created_at and
 * updated_at; tags is one comma-separated string, times are RFC 3339.
 *   id -> uid "bragfile-ID"      title -> title       project -> project
 *   created_at -> date, the calendar day as written (bragfile writes UTC)
 *   description -> note, then "Impact: ..." as a paragraph of its own, then
 *   a last paragraph keeping what has no field: "Type: ..." and "Tags: ...".
 * jrnl (`jrnl --export json`): an object whose "entries" array holds objects
 * with title, body, date (YYYY-MM-DD), time (HH:MM), tags (an array of
 * "@tag" strings), starred, and in newer versions uuid (and creator, which
 * is ignored).
 *   uuid -> uid "jrnl-UUID"; without one, "jrnl-" and a hash of date, time
 *   and title, so that importing the same export again still finds it
 *   title -> title   date -> date   body -> note, then a last paragraph of
 *   "Tags: ..." and "Starred in jrnl." as they apply.
 *
 * The tag: the entry's tag that names one of impactlog's, in any case and
 * with or without jrnl's '@'; with none of them, or two different ones,
 * FALLBACK (--tag), else the entry is refused.  Keys the reader does not
 * use are ignored, as newer versions of either tool add some; the keys it
 * needs must be there (bragfile: id, title, created_at; jrnl: title, date,
 * time), and every key it reads must have its JSON type (null reads as an
 * empty string).  An empty string is a value not given.
 *
 * Errors name the file and the entry, counted from 1, and the key:
 *   impactlog: FILE: entry 3: key 'title': 201 characters; at most 200 are accepted
 * Standard input is named "<stdin>".
 */

#include "impactlog/achievement.h"
#include "impactlog/progress.h"
#include "impactlog/util.h"

#include <stdbool.h>

/* The most bytes an export may hold: a file larger is refused before it
 * is read.  Ten thousand entries with long notes take a few MiB. */
#define IL_IMPORT_JSON_MAX (256L * 1024 * 1024)

enum il_import_from {
	IL_FROM_IMPACTLOG, /* impactlog's own CSV (csv_in.h) */
	IL_FROM_BRAGFILE,
	IL_FROM_JRNL,
};

/* The tool NAME names ("bragfile"); -1 when it is none of them. */
int il_import_from_parse(const char *name, enum il_import_from *from);

struct il_json_in;

/* Called once per entry that passed every check, in file order; A belongs
 * to the reader and is freed after the call.  Returns 0 to go on, or -1 to
 * stop after printing one line (il_json_entry_error suits). */
typedef int il_json_entry_fn(struct il_json_in *in, struct il_achievement *a, void *data);

/* Reads PATH, or standard input for "-", as FROM's export (bragfile or
 * jrnl), calling ENTRY for each entry.  FALLBACK is --tag, or IL_TAG_NONE.
 * PROGRESS (or NULL) shows how far it is, and is cleared at the end.
 * Returns 0, or -1 after exactly one line on stderr. */
int il_json_import_read(const char *path, enum il_import_from from, enum il_tag fallback,
			struct il_date today, struct il_progress *progress, il_json_entry_fn *entry,
			void *data);

/* For ENTRY: the current entry's number, from 1. */
long il_json_entry_number(const struct il_json_in *in);

/* For ENTRY: prints "impactlog: FILE: entry N: MESSAGE". */
void il_json_entry_error(struct il_json_in *in, const char *fmt, ...) IL_PRINTF(2, 3);

/* For ENTRY: the current entry has the uid of entry FIRST; says so in the
 * source's terms (the same id, the same uuid, the same date, time and
 * title). */
void il_json_entry_duplicate(struct il_json_in *in, long first);

#endif
