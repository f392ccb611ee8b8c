/* report [filters] [--text|--md|--xlsx [FILE]|--json] [-o FILE] [--redact]:
 * the calibration packet, as text (default), Markdown, an xlsx workbook or
 * the JSON that a manager's `team` reads. */

#include "impactlog/cli.h"
#include "impactlog/filter.h"
#include "impactlog/output.h"
#include "impactlog/report.h"

#include <errno.h>
#include <string.h>
#include <unistd.h>

enum format { FORMAT_NONE, FORMAT_TEXT, FORMAT_MARKDOWN, FORMAT_XLSX, FORMAT_JSON };

enum { OPT_TEXT = 1, OPT_MARKDOWN, OPT_XLSX, OPT_JSON, OPT_REDACT };

static const struct option options[] = {
	IL_FILTER_OPTIONS,
	{"text", no_argument, NULL, OPT_TEXT},
	{"md", no_argument, NULL, OPT_MARKDOWN},
	{"markdown", no_argument, NULL, OPT_MARKDOWN},
	{"xlsx", optional_argument, NULL, OPT_XLSX},
	{"json", no_argument, NULL, OPT_JSON},
	{"output", required_argument, NULL, 'o'},
	{"redact", no_argument, NULL, OPT_REDACT},
	{0},
};

struct request {
	struct il_filter filter;
	struct il_view_choice view; /* the format, and -o FILE or --xlsx FILE */
	bool redact;
};

/* --xlsx takes an optional FILE, which getopt only sees as --xlsx=FILE;
 * "--xlsx FILE" is read here: report takes no other operands. */
static int xlsx_option(struct request *req, int argc, char **argv)
{
	const char *file = optarg;

	if (!file && optind < argc && argv[optind][0] != '-')
		file = argv[optind++];
	if (il_view_format(&req->view, FORMAT_XLSX) != IL_CMD_OK)
		return IL_CMD_USAGE;
	return file ? il_view_path(&req->view, file) : IL_CMD_OK;
}

static int parse(struct il_ctx *ctx, int argc, char **argv, struct request *req)
{
	int opt, handled, rc = IL_CMD_OK;

	while (rc == IL_CMD_OK && (opt = il_getopt(ctx, argc, argv, options)) != -1) {
		if (opt == '?')
			return IL_CMD_USAGE;
		if ((handled = il_filter_option(&req->filter, opt, optarg, ctx->today)) < 0)
			return IL_CMD_USAGE;
		if (handled)
			continue;
		switch (opt) {
		case OPT_TEXT:
			rc = il_view_format(&req->view, FORMAT_TEXT);
			break;
		case OPT_MARKDOWN:
			rc = il_view_format(&req->view, FORMAT_MARKDOWN);
			break;
		case OPT_XLSX:
			rc = xlsx_option(req, argc, argv);
			break;
		case OPT_JSON:
			rc = il_view_format(&req->view, FORMAT_JSON);
			break;
		case 'o':
			rc = il_view_path(&req->view, optarg);
			break;
		case OPT_REDACT:
			req->redact = true;
			break;
		}
	}
	if (rc != IL_CMD_OK)
		return rc;
	if (optind < argc)
		return il_usage_error(
			"report: unexpected argument '%s' (see 'impactlog help report')",
			argv[optind]);
	if (req->view.format == FORMAT_NONE)
		req->view.format = FORMAT_TEXT;
	return il_filter_check(&req->filter);
}

static int write_report(struct il_ctx *ctx, const struct request *req)
{
	struct il_report_options how = {&req->filter, req->redact, il_now()};
	char default_path[64];
	const char *path = req->view.path ? req->view.path : "-";
	unsigned flags = 0;
	struct il_output out;
	int rc;

	if (req->view.format == FORMAT_XLSX) {
		snprintf(default_path, sizeof(default_path), "impactlog-%s.xlsx",
			 req->filter.cycle[0] ? req->filter.cycle : "all");
		path = req->view.path ? req->view.path : default_path;
		flags = IL_OUTPUT_BINARY | IL_OUTPUT_BY_NAME;
	}
	if ((rc = il_ctx_output(ctx, &out, path, flags)) != IL_CMD_OK)
		return rc;
	/* A write error on a stream shows when it is committed, or for
	 * standard output in main(). */
	if (req->view.format == FORMAT_XLSX)
		rc = il_report_xlsx(&ctx->db, &how, out.name, out.path);
	else if (req->view.format == FORMAT_JSON)
		rc = il_report_json(&ctx->db, &how, out.fp);
	else if (req->view.format == FORMAT_MARKDOWN)
		rc = il_report_markdown(&ctx->db, &how, out.fp);
	else
		rc = il_report_text(&ctx->db, &how, out.fp,
				    out.fp == stdout && il_use_color(STDOUT_FILENO));
	if (rc < 0) {
		il_output_abort(&out);
		return IL_CMD_ERROR;
	}
	if (il_output_commit(&out) < 0)
		return IL_CMD_ERROR;
	if (req->view.format == FORMAT_XLSX && !req->view.path)
		printf("%s\n", default_path);
	return IL_CMD_OK;
}

int cmd_report(struct il_ctx *ctx, int argc, char **argv)
{
	struct request req = {.view = {"report", "--text, --md, --xlsx or --json"}};
	int rc;

	if ((rc = parse(ctx, argc, argv, &req)) != IL_CMD_OK)
		return rc;
	/* One read transaction: every section sees the same achievements. */
	rc = write_report(ctx, &req);
	il_db_rollback(&ctx->db);
	return rc;
}
