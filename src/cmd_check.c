/* check: SQLite's integrity and foreign-key checks, the full-text index's
 * agreement with the achievements, and the field rules that came after
 * some records were stored: no text that hides or reorders characters, no
 * date in the future.  A migration cannot mend those without guessing, so
 * check names the first and how to change it. */

#include "impactlog/achievement.h"
#include "impactlog/cli.h"
#include "impactlog/report.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

/* The first row of STMT as text, or NULL when there are no rows; *failed
 * on error, a NULL STMT too (its preparation has said why). */
static char *first_row(struct il_db *db, sqlite3_stmt *stmt, bool *failed)
{
	char *text = NULL;
	int rc;

	if (!stmt) {
		*failed = true;
		return NULL;
	}
	rc = il_db_step(db, stmt);
	if (rc == SQLITE_ROW)
		text = il_xstrdup(il_column_text(stmt, 0));
	*failed = rc < 0;
	sqlite3_finalize(stmt);
	return text;
}

/* SQLite's report may span lines ("*** in database main ***\nPage 4: ...");
 * the message names the first real problem, on one line. */
static int fail_check(struct il_db *db, const char *what, char *problem)
{
	char *line = problem;

	if (strncmp(line, "*** ", 4) == 0 && strchr(line, '\n'))
		line = strchr(line, '\n') + 1;
	line[strcspn(line, "\n")] = '\0';
	il_error("database '%s' failed its %s: %s", db->path, what, line);
	free(problem);
	return IL_CMD_ERROR;
}

/* The option that changes FIELD, by its CSV column. */
static const char *option_of(const char *column)
{
	int field = il_field_by_column(column);

	return field >= 0 ? il_fields[field].option : column;
}

/* Text the field rules refuse, which an older database may hold: the first
 * such text is named, with the way to change it.  0 when there is none,
 * -1 when there is one or on error (said either way). */
static int check_text(struct il_db *db)
{
	sqlite3_stmt *stmt = il_report_prepare(db, "check_text.sql");
	char why[512];
	int rc = stmt ? SQLITE_ROW : -1;

	while (stmt && (rc = il_db_step(db, stmt)) == SQLITE_ROW) {
		long long id = sqlite3_column_int64(stmt, 0);
		const char *field = il_column_text(stmt, 1);

		if (il_text_check(il_column_text(stmt, 2), LONG_MAX, strcmp(field, "note") != 0,
				  why, sizeof(why)) < 0) {
			il_error("#%lld: %s %s; change it with 'impactlog edit %lld %s'", id, field,
				 why, id, option_of(field));
			break;
		}
	}
	sqlite3_finalize(stmt);
	return rc == SQLITE_DONE ? 0 : -1;
}

/* A date after tomorrow, which the field rules refuse. */
static int check_dates(struct il_ctx *ctx, struct il_db *db)
{
	sqlite3_stmt *stmt = il_report_prepare(db, "check_dates.sql");
	char tomorrow[11];
	int rc = -1;

	il_date_format(il_days_to_date(il_date_to_days(ctx->today) + 1), tomorrow);
	if (stmt && il_bind_text(db, stmt, 1, tomorrow) == 0)
		rc = il_db_step(db, stmt);
	if (rc == SQLITE_ROW) {
		long long id = sqlite3_column_int64(stmt, 0);

		il_error("#%lld: date '%s' is in the future; change it with 'impactlog edit %lld "
			 "--date'",
			 id, il_column_text(stmt, 1), id);
	}
	sqlite3_finalize(stmt);
	return rc == SQLITE_DONE ? 0 : -1;
}

int cmd_check(struct il_ctx *ctx, int argc, char **argv)
{
	static const struct option options[] = {{0}};
	struct il_db *db;
	char *problem;
	bool failed;
	int opt;

	while ((opt = il_getopt(ctx, argc, argv, options)) != -1)
		return IL_CMD_USAGE;
	if (optind < argc)
		return il_usage_hint(ctx);
	if (!(db = il_ctx_db(ctx)))
		return IL_CMD_ERROR;
	problem = first_row(db, il_db_prepare(db, "PRAGMA integrity_check"), &failed);
	if (failed)
		return IL_CMD_ERROR;
	if (problem && strcmp(problem, "ok") != 0)
		return fail_check(db, "integrity check", problem);
	free(problem);
	problem = first_row(db, il_report_prepare(db, "check_foreign_keys.sql"), &failed);
	if (failed)
		return IL_CMD_ERROR;
	if (problem)
		return fail_check(db, "foreign-key check", problem);
	problem = first_row(db, il_report_prepare(db, "check_search_index.sql"), &failed);
	if (failed)
		return IL_CMD_ERROR;
	if (problem)
		return fail_check(db, "search index check", problem);
	if (check_text(db) < 0 || check_dates(ctx, db) < 0)
		return IL_CMD_ERROR;
	printf("ok\n");
	return IL_CMD_OK;
}
