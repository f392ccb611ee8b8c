/* add TAG TITLE [options]: log one achievement.  add --json reads it from
 * standard input (json_in.c); add alone on a terminal opens an editor
 * (editor.c).  Every way ends in the same check and insert. */

#include "impactlog/achievement.h"
#include "impactlog/cli.h"
#include "impactlog/editor.h"
#include "impactlog/json_in.h"

#include <stdlib.h>

enum { OPT_JSON = 1 };

static const struct option options[] = {
	IL_FIELD_OPTIONS,
	{"json", no_argument, NULL, OPT_JSON},
	{0},
};

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
	int present;

	if (!db)
		return IL_CMD_ERROR;
	if (il_db_begin(db) < 0)
		return IL_CMD_ERROR;
	/* Only --json gives a uid: re-adding a listed achievement must not
	 * duplicate it, as re-importing never does. */
	if (a->uid && (present = il_achievement_uid_exists(db, a->uid)) != 0) {
		if (present > 0)
			il_error("--json: 'uid': '%s' is already stored (leave out uid to add "
				 "a copy)",
				 a->uid);
		il_db_rollback(db);
		return IL_CMD_ERROR;
	}
	if (il_achievement_insert(db, a) < 0 || il_db_commit(db) < 0) {
		il_db_rollback(db);
		return IL_CMD_ERROR;
	}
	ctx->saved = true;
	printf("added #%lld\n", (long long)a->id);
	return IL_CMD_OK;
}

/* The achievement is the JSON object on standard input, and only that. */
static int add_json(struct il_ctx *ctx, struct il_achievement *a, int positional)
{
	struct il_buf text = {0}, error = {0};
	int f = 0, rc = IL_CMD_OK;

	if (positional > 0)
		return il_usage_error("add: --json takes no arguments: the achievement is read "
				      "from standard input");
	while (f < IL_FIELD_COUNT && !(a->given & (1u << f)))
		f++;
	if (f < IL_FIELD_COUNT)
		return il_usage_error("add: %s cannot be combined with --json: give '%s' in the "
				      "JSON object",
				      il_fields[f].option, il_fields[f].column);
	if (il_json_read_stdin(&text, &error) < 0 ||
	    il_json_read_achievement(il_buf_str(&text), text.len, ctx->today, a, &error) < 0) {
		il_error("--json: %s", il_buf_str(&error));
		rc = IL_CMD_ERROR;
	}
	il_buf_free(&text);
	il_buf_free(&error);
	return rc == IL_CMD_OK ? store(ctx, a) : rc;
}

static int add_in_editor(struct il_ctx *ctx, struct il_achievement *a)
{
	struct il_buf path = {0};
	int rc;

	if (!il_editor_on_terminal())
		return il_usage_hint(ctx);
	if (il_editor_achievement(ctx->today, a, &path) < 0)
		return IL_CMD_ERROR;
	rc = store(ctx, a);
	il_editor_done(&path, rc == IL_CMD_OK);
	return rc;
}

int cmd_add(struct il_ctx *ctx, int argc, char **argv)
{
	struct il_achievement a;
	struct il_diag diag;
	int opt, rc = IL_CMD_OK, positional;
	bool json = false;

	il_achievement_init(&a, ctx->today);
	while (rc == IL_CMD_OK && (opt = il_getopt(ctx, argc, argv, options)) != -1) {
		if (opt == OPT_JSON)
			json = true;
		else
			rc = opt == '?' ? IL_CMD_USAGE : il_set_field_option(ctx, &a, opt, optarg);
	}
	if (rc != IL_CMD_OK)
		goto done;
	positional = argc - optind;
	if (json) {
		rc = add_json(ctx, &a, positional);
		goto done;
	}
	if (positional > 2) {
		rc = il_usage_error("add: too many arguments: put the title in quotes "
				    "(usage: impactlog %s)",
				    ctx->command->usage);
		goto done;
	}
	if (positional == 0 && !a.given) {
		rc = add_in_editor(ctx, &a);
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
