/*
 * remind [--after DAYS]: one line when nothing was logged for more than
 * DAYS days (14 unless told), else nothing; for cron, a systemd timer or a
 * shell's start-up file, so it always exits 0 and never creates a
 * database: a log not started yet gets the line that says how to start.
 */

#include "impactlog/cli.h"
#include "impactlog/embed.h"

#include <errno.h>
#include <stdlib.h>
#include <sys/stat.h>

#define DEFAULT_AFTER 14
#define AFTER_MAX     36500 /* a century of days */

enum { OPT_AFTER = 1 };

static const struct option options[] = {
	{"after", required_argument, NULL, OPT_AFTER},
	{0},
};

static const char nudge[] = "'impactlog add' takes ten seconds";

/* Whether the database exists; a missing one is no error here. */
static int database_exists(struct il_ctx *ctx, bool *exists)
{
	char *path = il_db_resolve_path(ctx->db_option);
	struct stat st;

	if (!path)
		return -1;
	*exists = stat(path, &st) == 0 || errno != ENOENT;
	free(path);
	return 0;
}

static int remind(struct il_db *db, struct il_date today, long long after)
{
	sqlite3_stmt *stmt = il_report_prepare(db, "status_last.sql");
	struct il_date last;
	long days;
	int rc;

	if (!stmt)
		return IL_CMD_ERROR;
	if ((rc = il_db_step(db, stmt)) == SQLITE_DONE) {
		printf("impactlog: nothing logged yet — %s\n", nudge);
	} else if (rc == SQLITE_ROW) {
		il_parse_date(il_column_text(stmt, 1), &last);
		days = il_date_to_days(today) - il_date_to_days(last);
		if (days > after)
			printf("impactlog: nothing logged for %ld days (last: #%lld on %s) — %s\n",
			       days, (long long)sqlite3_column_int64(stmt, 0),
			       il_column_text(stmt, 1), nudge);
	}
	sqlite3_finalize(stmt);
	return rc < 0 ? IL_CMD_ERROR : IL_CMD_OK;
}

int cmd_remind(struct il_ctx *ctx, int argc, char **argv)
{
	long long after = DEFAULT_AFTER;
	struct il_db *db;
	bool exists;
	int opt;

	while ((opt = il_getopt(ctx, argc, argv, options)) != -1) {
		if (opt == '?')
			return IL_CMD_USAGE;
		if (il_parse_count(optarg, 0, AFTER_MAX, &after))
			return il_usage_error("--after: '%s' is not a number of days (a whole "
					      "number from 0 to %d)",
					      optarg, AFTER_MAX);
	}
	if (optind < argc)
		return il_usage_error(
			"remind: unexpected argument '%s' (see 'impactlog help remind')",
			argv[optind]);
	if (database_exists(ctx, &exists) < 0)
		return IL_CMD_ERROR;
	if (!exists) {
		printf("impactlog: no log yet — 'impactlog add TAG TITLE' starts one, or "
		       "'impactlog import --from bragfile|jrnl FILE' brings yours over\n");
		return IL_CMD_OK;
	}
	if (!(db = il_ctx_db(ctx)))
		return IL_CMD_ERROR;
	return remind(db, ctx->today, after);
}
