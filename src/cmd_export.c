/*
 * export [FILE] [filters]: achievements as CSV, oldest first, in the columns
 * import reads, so that `export | import` into an empty database and export
 * again gives the same bytes.  A FILE is written whole or not at all, and an
 * existing one only replaced with --force.
 */

#include "impactlog/cli.h"
#include "impactlog/csv_out.h"
#include "impactlog/filter.h"
#include "impactlog/output.h"

enum { OPT_FORCE = 1 };

static const struct option options[] = {
	IL_FILTER_OPTIONS,
	{"force", no_argument, NULL, OPT_FORCE},
	{0},
};

int cmd_export(struct il_ctx *ctx, int argc, char **argv)
{
	struct il_filter filter = {0};
	struct il_output out;
	const char *path = "-";
	unsigned flags = IL_OUTPUT_NO_CLOBBER;
	int opt, handled, rc;

	while ((opt = il_getopt(ctx, argc, argv, options)) != -1) {
		if (opt == '?')
			return IL_CMD_USAGE;
		if ((handled = il_filter_option(&filter, opt, optarg, ctx->today)) < 0)
			return IL_CMD_USAGE;
		if (opt == OPT_FORCE)
			flags &= ~(unsigned)IL_OUTPUT_NO_CLOBBER;
	}
	if (optind < argc)
		path = argv[optind++];
	if (optind < argc)
		return il_usage_error(
			"export: unexpected argument '%s' (see 'impactlog help export')",
			argv[optind]);
	if (il_filter_check(&filter) != IL_CMD_OK)
		return IL_CMD_USAGE;
	if ((rc = il_ctx_output(ctx, &out, path, flags)) != IL_CMD_OK)
		return rc;
	if (il_filter_select(&ctx->db, &filter, IL_FILTER_SELECTED) < 0 ||
	    il_csv_write(&ctx->db, IL_FILTER_SELECTED, false, out.fp) < 0) {
		il_output_abort(&out);
		return IL_CMD_ERROR;
	}
	/* Standard output is flushed, and a failed write told, by main(). */
	return il_output_commit(&out) < 0 ? IL_CMD_ERROR : IL_CMD_OK;
}
