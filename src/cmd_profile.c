/* profile [--name] [--level] [--track] [--target-level] [--manager]:
 * who the reports are about. */

#include "impactlog/achievement.h"
#include "impactlog/cli.h"
#include "impactlog/report.h"

#include <stdlib.h>
#include <string.h>

#define PROFILE_TEXT_MAX 200

static const char *const columns[] = {"name", "level", "track", "target_level", "manager"};

static const struct option options[] = {
	{"name", required_argument, NULL, 1},	 {"level", required_argument, NULL, 2},
	{"track", required_argument, NULL, 3},	 {"target-level", required_argument, NULL, 4},
	{"manager", required_argument, NULL, 5}, {0},
};

/* A value as the achievement's text fields take theirs: trimmed, and
 * checked by the same rules; one that is only white space clears the
 * field, as an empty one does.  *VALUE is the trimmed text. */
static int check_value(int opt, const char *arg, char **value)
{
	char why[256];

	*value = il_text_trim(arg);
	if (il_text_check(*value, PROFILE_TEXT_MAX, true, why, sizeof(why)) < 0)
		return il_usage_error("--%s: %s", options[opt - 1].name, why);
	return IL_CMD_OK;
}

static int print_profile(struct il_db *db)
{
	/* The report's own query, whose columns come in the order of columns[]. */
	sqlite3_stmt *stmt = il_report_prepare(db, "profile.sql");
	int rc;

	if (!stmt)
		return IL_CMD_ERROR;
	rc = il_db_step(db, stmt);
	for (size_t i = 0; i < IL_ARRAY_LEN(columns); i++) {
		const char *value = rc == SQLITE_ROW ? il_column_text(stmt, (int)i) : "";
		char label[20];

		snprintf(label, sizeof(label), "%s:", columns[i]);
		/* An unset field is its label alone, without trailing spaces. */
		if (*value)
			printf("%-14s %s\n", label, value);
		else
			printf("%s\n", label);
	}
	sqlite3_finalize(stmt);
	return rc < 0 ? IL_CMD_ERROR : IL_CMD_OK;
}

/* Sets the given columns; an empty value clears one. */
static int save_profile(struct il_db *db, const char *const *values)
{
	static const char sql[] =
		"INSERT INTO profile (id) VALUES (1) ON CONFLICT (id) DO NOTHING;";
	sqlite3_stmt *stmt;
	char update[128];

	if (il_db_begin(db) < 0)
		return IL_CMD_ERROR;
	if (il_db_exec(db, sql) < 0)
		goto fail;
	for (size_t i = 0; i < IL_ARRAY_LEN(columns); i++) {
		if (!values[i])
			continue;
		/* The column name comes from the fixed table above, never the user. */
		snprintf(update, sizeof(update),
			 "UPDATE profile SET %s = nullif(?, '') WHERE id = 1", columns[i]);
		stmt = il_db_prepare(db, update);
		if (!stmt || il_bind_text(db, stmt, 1, values[i]) < 0 || il_db_run(db, stmt) < 0) {
			sqlite3_finalize(stmt);
			goto fail;
		}
		sqlite3_finalize(stmt);
	}
	if (il_db_commit(db) < 0)
		goto fail;
	return IL_CMD_OK;
fail:
	il_db_rollback(db);
	return IL_CMD_ERROR;
}

static int run(struct il_ctx *ctx, int argc, char **argv, char **values)
{
	bool changing = false;
	struct il_db *db;
	int opt, rc;

	while ((opt = il_getopt(ctx, argc, argv, options)) != -1) {
		if (opt == '?')
			return IL_CMD_USAGE;
		free(values[opt - 1]);
		if ((rc = check_value(opt, optarg, &values[opt - 1])) != IL_CMD_OK)
			return rc;
		changing = true;
	}
	if (optind < argc)
		return il_usage_hint(ctx);
	/* Printing the profile is a read: it must not create a database. */
	if (!changing)
		il_ctx_use_db(ctx, IL_READS_DB);
	if (!(db = il_ctx_db(ctx)))
		return IL_CMD_ERROR;
	if (changing && (rc = save_profile(db, (const char *const *)values)) != IL_CMD_OK)
		return rc;
	ctx->saved = changing;
	return print_profile(db);
}

int cmd_profile(struct il_ctx *ctx, int argc, char **argv)
{
	char *values[IL_ARRAY_LEN(columns)] = {0};
	int rc = run(ctx, argc, argv, values);

	for (size_t i = 0; i < IL_ARRAY_LEN(columns); i++)
		free(values[i]);
	return rc;
}
