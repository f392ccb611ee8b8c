/* edit ID [options]: change fields of one achievement. */

#include "impactlog/achievement.h"
#include "impactlog/cli.h"

#include <stdlib.h>

static const struct option options[] = {IL_FIELD_OPTIONS, {0}};

struct change {
	int opt;
	const char *arg;
};

static int apply(struct il_ctx *ctx, struct il_achievement *a, const struct change *changes,
		 size_t count)
{
	int rc = IL_CMD_OK;

	for (size_t i = 0; i < count && rc == IL_CMD_OK; i++)
		rc = il_set_field_option(ctx, a, changes[i].opt, changes[i].arg);
	return rc;
}

static int update(struct il_ctx *ctx, int64_t id, const struct change *changes, size_t count)
{
	struct il_db *db = il_ctx_db(ctx);
	struct il_achievement a;
	struct il_diag diag;
	enum il_tag old_tag;
	int rc, found;

	if (!db || il_db_begin(db) < 0)
		return IL_CMD_ERROR;
	found = il_achievement_load(db, id, &a);
	if (found <= 0) {
		il_db_rollback(db);
		if (found == 0)
			il_error("no achievement #%lld", (long long)id);
		return IL_CMD_ERROR;
	}
	if (a.deleted_at) {
		il_error("#%lld is in the trash (bring it back with 'impactlog restore %lld')",
			 (long long)id, (long long)id);
		rc = IL_CMD_ERROR;
		goto done;
	}
	old_tag = a.tag;
	if ((rc = apply(ctx, &a, changes, count)) != IL_CMD_OK)
		goto done;
	il_achievement_retag(&a, old_tag);
	if (il_achievement_check(&a, &diag) < 0) {
		rc = il_field_error(&diag);
		goto done;
	}
	if (il_achievement_update(db, &a) < 0 || il_db_commit(db) < 0) {
		rc = IL_CMD_ERROR;
		goto done;
	}
	ctx->saved = true;
	printf("updated #%lld\n", (long long)id);
done:
	il_db_rollback(db);
	il_achievement_free(&a);
	return rc;
}

int cmd_edit(struct il_ctx *ctx, int argc, char **argv)
{
	struct change *changes = il_xcalloc((size_t)argc, sizeof(*changes));
	struct il_achievement scratch;
	size_t count = 0;
	int64_t id;
	int opt, rc = IL_CMD_OK;

	/* Every value is checked before the database is opened, on a scratch
	 * achievement; the real one is changed only once it is loaded. */
	il_achievement_init(&scratch, ctx->today);
	while (rc == IL_CMD_OK && (opt = il_getopt(ctx, argc, argv, options)) != -1) {
		if (opt == '?') {
			rc = IL_CMD_USAGE;
			break;
		}
		changes[count++] = (struct change){opt, optarg};
		rc = il_set_field_option(ctx, &scratch, opt, optarg);
	}
	if (rc != IL_CMD_OK)
		goto done;
	if (argc - optind != 1) {
		rc = il_usage_hint(ctx);
		goto done;
	}
	if (!(id = il_parse_id(argv[optind]))) {
		rc = il_usage_error("edit: '%s' is not an id (a number such as 12 or #12)",
				    argv[optind]);
		goto done;
	}
	if (count == 0) {
		rc = il_usage_error("edit: nothing to change (see 'impactlog help edit')");
		goto done;
	}
	rc = update(ctx, id, changes, count);
done:
	il_achievement_free(&scratch);
	free(changes);
	return rc;
}
