/* rm ID... and restore ID...: move achievements to the trash and back.
 * All or nothing: one unknown id and none of them moves. */

#include "impactlog/achievement.h"
#include "impactlog/cli.h"
#include "impactlog/embed.h"

#include <stdlib.h>

static int check_state(struct il_db *db, int64_t id, bool to_trash)
{
	static const char sql[] = "SELECT deleted_at IS NOT NULL FROM achievement WHERE id = ?";
	sqlite3_stmt *stmt = il_db_cached(db, sql);
	int rc, in_trash;

	if (!stmt || il_bind_int(db, stmt, 1, id) < 0 || (rc = il_db_step(db, stmt)) < 0)
		return -1;
	if (rc == SQLITE_DONE) {
		il_error("no achievement #%lld", (long long)id);
		return -1;
	}
	in_trash = sqlite3_column_int(stmt, 0);
	sqlite3_reset(stmt);
	if (to_trash && in_trash) {
		il_error("#%lld is already in the trash", (long long)id);
		return -1;
	}
	if (!to_trash && !in_trash) {
		il_error("#%lld is not in the trash", (long long)id);
		return -1;
	}
	return 0;
}

static int move(struct il_ctx *ctx, const int64_t *ids, int count, bool to_trash)
{
	const char *trash_sql = il_report_sql("trash.sql");
	static const char restore_sql[] = "UPDATE achievement SET deleted_at = NULL WHERE id = ?";
	struct il_db *db = il_ctx_db(ctx);
	sqlite3_stmt *stmt;

	if (!db || il_db_begin(db) < 0)
		return IL_CMD_ERROR;
	for (int i = 0; i < count; i++)
		if (check_state(db, ids[i], to_trash) < 0)
			goto fail;
	if (!(stmt = il_db_cached(db, to_trash ? trash_sql : restore_sql)))
		goto fail;
	for (int i = 0; i < count; i++)
		if (il_bind_int(db, stmt, 1, ids[i]) < 0 || il_db_run(db, stmt) < 0)
			goto fail;
	if (il_db_commit(db) < 0)
		goto fail;
	ctx->saved = true;
	for (int i = 0; i < count; i++)
		if (to_trash)
			printf("moved #%lld to the trash (undo: impactlog restore %lld)\n",
			       (long long)ids[i], (long long)ids[i]);
		else
			printf("restored #%lld\n", (long long)ids[i]);
	return IL_CMD_OK;
fail:
	il_db_rollback(db);
	return IL_CMD_ERROR;
}

static int run(struct il_ctx *ctx, int argc, char **argv, bool to_trash)
{
	static const struct option options[] = {{0}};
	int64_t *ids;
	int opt, count = 0, rc;

	while ((opt = il_getopt(ctx, argc, argv, options)) != -1)
		return IL_CMD_USAGE;
	if (optind == argc)
		return il_usage_hint(ctx);
	ids = il_xcalloc((size_t)(argc - optind), sizeof(*ids));
	for (int i = optind; i < argc; i++) {
		int64_t id = il_parse_id(argv[i]);
		bool seen = false;

		if (!id) {
			free(ids);
			return il_usage_error("%s: '%s' is not an id (a number such as 12 or #12)",
					      ctx->command->name, argv[i]);
		}
		for (int j = 0; j < count; j++)
			seen = seen || ids[j] == id;
		if (!seen)
			ids[count++] = id;
	}
	rc = move(ctx, ids, count, to_trash);
	free(ids);
	return rc;
}

int cmd_rm(struct il_ctx *ctx, int argc, char **argv)
{
	return run(ctx, argc, argv, true);
}

int cmd_restore(struct il_ctx *ctx, int argc, char **argv)
{
	return run(ctx, argc, argv, false);
}
