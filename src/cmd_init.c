/* init: create the database; safe to repeat. */

#include "impactlog/cli.h"

int cmd_init(struct il_ctx *ctx, int argc, char **argv)
{
	struct il_db *db;

	(void)argv;
	if (argc > 1)
		return il_usage_hint(ctx);
	if (!(db = il_ctx_db(ctx)))
		return IL_CMD_ERROR;
	ctx->saved = true;
	printf("database ready at %s (schema version %d)\n", db->path, il_db_schema_version());
	return IL_CMD_OK;
}
