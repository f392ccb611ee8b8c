/* The embedded SQL and data of reports/ (scripts/embed.cmake), found by
 * name, and a query of them prepared. */

#include "impactlog/embed.h"

#include "impactlog/util.h"

#include <string.h>

const char *il_report_sql(const char *name)
{
	for (int i = 0; i < il_reports_count; i++)
		if (strcmp(il_reports[i].name, name) == 0)
			return il_reports[i].text;
	return NULL;
}

sqlite3_stmt *il_report_prepare(struct il_db *db, const char *name)
{
	const char *sql = il_report_sql(name);

	if (!sql) {
		il_error("internal error: no report query '%s'", name);
		return NULL;
	}
	return il_db_prepare(db, sql);
}
