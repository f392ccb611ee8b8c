/* add TAG TITLE [options]: log one achievement. */

#include "impactlog/achievement.h"
#include "impactlog/cli.h"

#include <stdlib.h>

static const struct option options[] = {IL_FIELD_OPTIONS, {0}};

/* TAG and TITLE may come as arguments or as --tag and --title, not both. */
static int set_positional(struct il_ctx *ctx, struct il_achievement *a, enum il_field field,
			  const char *text)
{
	struct il_diag diag;

	if (a->given & (1u << field))
		return il_usage_error("add: %s given twice, as an argument and as %s",
				      il_fields[field].column, il_fields[field].option);
	if (il_achievement_set(a, field, text, ctx->today, false, &diag) < 0)
		return il_usage_error("%s: %s", il_fields[field].column, diag.message);
	return IL_CMD_OK;
}

static int store(struct il_ctx *ctx, struct il_achievement *a)
{
	struct il_db *db = il_ctx_db(ctx);

	if (!db)
		return IL_CMD_ERROR;
	if (il_db_begin(db) < 0)
		return IL_CMD_ERROR;
	if (il_achievement_insert(db, a) < 0 || il_db_commit(db) < 0) {
		il_db_rollback(db);
		return IL_CMD_ERROR;
	}
	printf("added #%lld\n", (long long)a->id);
	return IL_CMD_OK;
}

int cmd_add(struct il_ctx *ctx, int argc, char **argv)
{
	struct il_achievement a;
	struct il_diag diag;
	int opt, rc = IL_CMD_OK, positional;

	il_achievement_init(&a, ctx->today);
	while (rc == IL_CMD_OK && (opt = il_getopt(ctx, argc, argv, options)) != -1)
		rc = opt == '?' ? IL_CMD_USAGE : il_set_field_option(ctx, &a, opt, optarg);
	if (rc != IL_CMD_OK)
		goto done;
	positional = argc - optind;
	if (positional > 2) {
		rc = il_usage_error("add: too many arguments: put the title in quotes "
				    "(usage: impactlog %s)",
				    ctx->command->usage);
		goto done;
	}
	if (positional == 0 && !a.given) {
		rc = il_usage_hint(ctx);
		goto done;
	}
	if (positional >= 1 && (rc = set_positional(ctx, &a, IL_FIELD_TAG, argv[optind])))
		goto done;
	if (positional == 2 && (rc = set_positional(ctx, &a, IL_FIELD_TITLE, argv[optind + 1])))
		goto done;
	if (il_achievement_check(&a, &diag) < 0) {
		rc = il_field_error(&diag);
		goto done;
	}
	rc = store(ctx, &a);
done:
	il_achievement_free(&a);
	return rc;
}
