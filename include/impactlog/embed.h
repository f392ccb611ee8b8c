#ifndef IMPACTLOG_EMBED_H
#define IMPACTLOG_EMBED_H

/* SQL files compiled into the binary by scripts/embed.cmake, sorted by name. */
struct il_embedded {
	const char *name; /* file name, e.g. "0001-init.sql" */
	const char *text; /* NUL-terminated contents */
};

extern const struct il_embedded il_schema[];
extern const int il_schema_count;
extern const struct il_embedded il_reports[];
extern const int il_reports_count;

/* The embedded query reports/NAME ("totals.sql"), or NULL.  il_report_prepare
 * (report.h) prepares one, with a message when NAME is missing. */
const char *il_report_sql(const char *name);

#endif
