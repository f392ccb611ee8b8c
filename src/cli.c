/* Command-line plumbing shared by the commands. */

#include "impactlog/cli.h"

#include "impactlog/achievement.h"
#include "impactlog/output.h"

#include <stdlib.h>
#include <string.h>

struct il_db *il_ctx_db(struct il_ctx *ctx)
{
	char *path;
	int rc;

	if (ctx->db_open)
		return &ctx->db;
	if (ctx->db_use == IL_USES_NO_DB) {
		il_error("internal error: '%s' opens no database", ctx->command->name);
		return NULL;
	}
	if (!(path = il_db_resolve_path(ctx->db_option)))
		return NULL;
	rc = il_db_open(&ctx->db, path, ctx->db_use == IL_CREATES_DB ? IL_DB_WRITE : IL_DB_READ);
	free(path);
	if (rc < 0)
		return NULL;
	ctx->db_open = true;
	return &ctx->db;
}

/* Refuses a PATH that is the database or one of its files: writing there
 * would destroy the log or the journal that can restore it. */
static int check_not_database(struct il_ctx *ctx, const char *path)
{
	char *db_path = il_db_resolve_path(ctx->db_option);
	const char *suffix;
	int rc = IL_CMD_OK;

	if (!db_path)
		return IL_CMD_ERROR;
	if (strcmp(path, "-") == 0) {
		/* impactlog export >>log.db */
		if (il_output_names_database("/dev/stdout", db_path))
			rc = il_usage_error("%s: standard output is the database '%s'; choose "
					    "another output file",
					    ctx->command->name, db_path);
	} else if ((suffix = il_output_names_database(path, db_path))) {
		if (*suffix)
			rc = il_usage_error(
				"%s: '%s' is a file of the database '%s'; choose another "
				"output file",
				ctx->command->name, path, db_path);
		else if (strcmp(path, db_path) == 0)
			rc = il_usage_error("%s: '%s' is the database; choose another output file",
					    ctx->command->name, path);
		else
			rc = il_usage_error("%s: '%s' is the database '%s'; choose another output "
					    "file",
					    ctx->command->name, path, db_path);
	}
	free(db_path);
	return rc;
}

int il_ctx_output(struct il_ctx *ctx, struct il_output *out, const char *path, unsigned flags)
{
	int rc = check_not_database(ctx, path);

	if (rc != IL_CMD_OK)
		return rc;
	/* A command that reads no log (team) still never writes over one. */
	if ((ctx->db_use != IL_USES_NO_DB && !il_ctx_db(ctx)) ||
	    il_output_open(out, path, flags) < 0)
		return IL_CMD_ERROR;
	return IL_CMD_OK;
}

void il_ctx_use_db(struct il_ctx *ctx, enum il_db_use use)
{
	if (use < ctx->db_use)
		ctx->db_use = use;
}

int il_view_format(struct il_view_choice *choice, int format)
{
	if (choice->format && choice->format != format)
		return il_usage_error("%s: give one of %s", choice->command, choice->formats);
	choice->format = format;
	return IL_CMD_OK;
}

int il_view_path(struct il_view_choice *choice, const char *path)
{
	if (*path == '\0')
		return il_usage_error("%s: the output file name must not be empty",
				      choice->command);
	if (choice->path && strcmp(choice->path, path) != 0)
		return il_usage_error("%s: two output files ('%s' and '%s'); give one",
				      choice->command, choice->path, path);
	choice->path = path;
	return IL_CMD_OK;
}

int il_usage_error(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	il_verror(fmt, ap);
	va_end(ap);
	return IL_CMD_USAGE;
}

int il_usage_hint(struct il_ctx *ctx)
{
	return il_usage_error("usage: impactlog %s (see 'impactlog help %s')", ctx->command->usage,
			      ctx->command->name);
}

int il_getopt(struct il_ctx *ctx, int argc, char **argv, const struct option *options)
{
	static char **parsing;
	char shortopts[64] = ":";
	size_t n = 1;
	int opt;

	if (parsing != argv) {
		parsing = argv;
		optind = 0; /* glibc: a full reset, including permutation state */
	}
	/* Short options are those whose val is a printable character. */
	for (const struct option *o = options; o->name && n + 2 < sizeof(shortopts); o++) {
		if (o->flag || o->val <= ' ' || o->val > '~' || strchr(shortopts + 1, o->val))
			continue;
		shortopts[n++] = (char)o->val;
		if (o->has_arg == required_argument)
			shortopts[n++] = ':';
	}
	opterr = 0;
	opt = getopt_long(argc, argv, shortopts, options, NULL);
	if (opt == '?') {
		if (optopt && optopt < 0x100)
			il_usage_error("%s: unknown option '-%c' (see 'impactlog help %s')",
				       ctx->command->name, optopt, ctx->command->name);
		else
			il_usage_error("%s: unknown option '%s' (see 'impactlog help %s')",
				       ctx->command->name, argv[optind - 1], ctx->command->name);
	} else if (opt == ':') {
		il_usage_error("%s: option '%s' needs a value", ctx->command->name,
			       argv[optind - 1]);
		opt = '?';
	}
	return opt;
}

int il_set_field_option(struct il_ctx *ctx, struct il_achievement *a, int opt, const char *arg)
{
	struct il_diag diag;
	enum il_field field = (enum il_field)(opt - IL_OPT_FIELD);

	if (il_achievement_set(a, field, arg, ctx->today, false, &diag) == 0)
		return IL_CMD_OK;
	return il_field_error(&diag);
}

int il_field_error(const struct il_diag *diag)
{
	return il_usage_error("%s: %s", il_fields[diag->field].option, diag->message);
}
