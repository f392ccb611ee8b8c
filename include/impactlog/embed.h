#ifndef IMPACTLOG_EMBED_H
#define IMPACTLOG_EMBED_H

#include "impactlog/db.h"

/* SQL files compiled into the binary by scripts/embed.cmake, sorted by name. */
struct il_embedded {
	const char *name; /* file name, e.g. "0001-init.sql" */
	const char *text; /* NUL-terminated contents */
};

extern const struct il_embedded il_schema[];
extern const int il_schema_count;
extern const struct il_embedded il_reports[];
extern const int il_reports_count;

/* The embedded file reports/NAME ("totals.sql"), or NULL. */
const char *il_report_sql(const char *name);

/* Prepares the embedded query NAME on DB; NULL after one message (a
 * missing NAME is an internal error). */
sqlite3_stmt *il_report_prepare(struct il_db *db, const char *name);

#endif
