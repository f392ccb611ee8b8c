/*
 * export [FILE] [filters]: achievements as CSV, oldest first, in the columns
 * import reads, so that `export | import` into an empty database and export
 * again gives the same bytes.  A FILE is written whole or not at all.
 */

#include "impactlog/atomic.h"
#include "impactlog/cli.h"
#include "impactlog/csv_out.h"
#include "impactlog/filter.h"

#include <string.h>

static const struct option options[] = {IL_FILTER_OPTIONS, {0}};

static int export_to_file(struct il_db *db, const char *path)
{
	struct il_atomic_file file;

	if (il_atomic_open(&file, path) < 0)
		return IL_CMD_ERROR;
	if (il_csv_write(db, "selected", false, file.fp) < 0) {
		il_atomic_abort(&file);
		return IL_CMD_ERROR;
	}
	return il_atomic_commit(&file, false) < 0 ? IL_CMD_ERROR : IL_CMD_OK;
}

int cmd_export(struct il_ctx *ctx, int argc, char **argv)
{
	struct il_filter filter = {0};
	const char *path = NULL;
	struct il_db *db;
	int opt, handled;

	while ((opt = il_getopt(ctx, argc, argv, options)) != -1) {
		if (opt == '?')
			return IL_CMD_USAGE;
		if ((handled = il_filter_option(&filter, opt, optarg, ctx->today)) < 0)
			return IL_CMD_USAGE;
	}
	if (optind < argc)
		path = argv[optind++];
	if (optind < argc)
		return il_usage_error(
			"export: unexpected argument '%s' (see 'impactlog help export')",
			argv[optind]);
	if (il_filter_check(&filter) != IL_CMD_OK)
		return IL_CMD_USAGE;
	if (!(db = il_ctx_db(ctx)) || il_filter_select(db, &filter, "selected") < 0)
		return IL_CMD_ERROR;
	if (path && strcmp(path, "-") != 0)
		return export_to_file(db, path);
	/* main() flushes stdout and turns a failed write into an error. */
	return il_csv_write(db, "selected", false, stdout) < 0 ? IL_CMD_ERROR : IL_CMD_OK;
}
