/* check: SQLite's integrity and foreign-key checks, and the full-text
 * index's agreement with the achievements. */

#include "impactlog/cli.h"
#include "impactlog/report.h"

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
	printf("ok\n");
	return IL_CMD_OK;
}
