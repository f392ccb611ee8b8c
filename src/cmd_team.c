/*
 * team PACKET... [filters] [--text|--md|--json|--xlsx [FILE]] [-o FILE]
 * [--rubric FILE]: a manager's calibration view of several people's
 * packets.  It reads no log and never creates one: the packets go into a
 * private temporary database (include/impactlog/team.h).
 */

#include "impactlog/cli.h"
#include "impactlog/filter.h"
#include "impactlog/output.h"
#include "impactlog/team.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

enum format { FORMAT_NONE, FORMAT_TEXT, FORMAT_MARKDOWN, FORMAT_JSON, FORMAT_XLSX };

enum { OPT_TEXT = 1, OPT_MARKDOWN, OPT_JSON, OPT_XLSX, OPT_RUBRIC };

/* The filters that choose achievements by what every packet has; an org
 * or a search is a person's own filter, for report. */
static const struct option options[] = {
	{"tag", required_argument, NULL, IL_FILTER_TAG},
	{"cycle", required_argument, NULL, IL_FILTER_CYCLE},
	{"since", required_argument, NULL, IL_FILTER_SINCE},
	{"until", required_argument, NULL, IL_FILTER_UNTIL},
	{"text", no_argument, NULL, OPT_TEXT},
	{"md", no_argument, NULL, OPT_MARKDOWN},
	{"markdown", no_argument, NULL, OPT_MARKDOWN},
	{"json", no_argument, NULL, OPT_JSON},
	{"xlsx", optional_argument, NULL, OPT_XLSX},
	{"output", required_argument, NULL, 'o'},
	{"rubric", required_argument, NULL, OPT_RUBRIC},
	{0},
};

#define DEFAULT_XLSX "impactlog-team.xlsx"

struct request {
	struct il_filter filter;
	struct il_view_choice view; /* the format, and -o FILE or --xlsx FILE */
	const char *rubric;
	char **packets;
	size_t packets_len;
};

static bool ends_with(const char *s, const char *suffix)
{
	size_t n = strlen(s), m = strlen(suffix);

	return n >= m && strcmp(s + n - m, suffix) == 0;
}

/* --xlsx takes an optional FILE, which getopt only sees as --xlsx=FILE;
 * "--xlsx FILE" is read here, FILE being the next argument unless that is
 * an option or a packet (.json): "team --xlsx /dev/stdout a.json". */
static int xlsx_option(struct request *req, int argc, char **argv)
{
	const char *file = optarg;

	if (!file && optind < argc && argv[optind][0] != '-' && !ends_with(argv[optind], ".json"))
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
		case OPT_JSON:
			rc = il_view_format(&req->view, FORMAT_JSON);
			break;
		case OPT_XLSX:
			rc = xlsx_option(req, argc, argv);
			break;
		case 'o':
			rc = il_view_path(&req->view, optarg);
			break;
		case OPT_RUBRIC:
			if (*optarg == '\0')
				return il_usage_error("--rubric: the file name must not be empty");
			req->rubric = optarg;
			break;
		}
	}
	if (rc != IL_CMD_OK)
		return rc;
	/* The packets are the operands (getopt has moved them last); with
	 * --xlsx and no FILE yet, one that names an .xlsx file is the
	 * workbook, as in "team --xlsx a.json b.json team.xlsx". */
	for (int i = optind; i < argc; i++) {
		if (req->view.format == FORMAT_XLSX && ends_with(argv[i], ".xlsx") &&
		    !req->view.path) {
			if ((rc = il_view_path(&req->view, argv[i])) != IL_CMD_OK)
				return rc;
			continue;
		}
		if (strcmp(argv[i], "-") == 0)
			for (size_t j = 0; j < req->packets_len; j++)
				if (strcmp(req->packets[j], "-") == 0)
					return il_usage_error(
						"team: standard input ('-') given twice");
		req->packets[req->packets_len++] = argv[i];
	}
	if (req->packets_len == 0)
		return il_usage_error("team: no packets (give each person's 'impactlog report "
				      "--json' file: impactlog team PACKET...)");
	if (req->view.format == FORMAT_NONE)
		req->view.format = FORMAT_TEXT;
	return il_filter_check(&req->filter);
}

static int write_view(struct il_ctx *ctx, const struct request *req, struct il_db *db,
		      const struct il_team *team)
{
	const char *path = req->view.path ? req->view.path : "-";
	unsigned flags = 0;
	struct il_output out;
	int rc = 0;

	if (req->view.format == FORMAT_XLSX) {
		path = req->view.path ? req->view.path : DEFAULT_XLSX;
		flags = IL_OUTPUT_BINARY | IL_OUTPUT_BY_NAME;
	}
	if ((rc = il_ctx_output(ctx, &out, path, flags)) != IL_CMD_OK)
		return rc;
	switch (req->view.format) {
	case FORMAT_XLSX:
		rc = il_team_write_xlsx(db, team, out.name, out.path);
		break;
	case FORMAT_JSON:
		il_team_write_json(out.fp, team);
		break;
	case FORMAT_MARKDOWN:
		il_team_write_markdown(out.fp, team);
		break;
	default:
		il_team_write_text(out.fp, team, out.fp == stdout && il_use_color(STDOUT_FILENO));
	}
	if (rc < 0) {
		il_output_abort(&out);
		return IL_CMD_ERROR;
	}
	if (il_output_commit(&out) < 0)
		return IL_CMD_ERROR;
	if (req->view.format == FORMAT_XLSX && !req->view.path)
		printf("%s\n", DEFAULT_XLSX);
	return IL_CMD_OK;
}

int cmd_team(struct il_ctx *ctx, int argc, char **argv)
{
	struct request req = {.view = {"team", "--text, --md, --json or --xlsx"}};
	struct il_team team;
	struct il_db db;
	int rc;

	req.packets = il_xcalloc((size_t)argc + 1, sizeof(*req.packets));
	if ((rc = parse(ctx, argc, argv, &req)) != IL_CMD_OK) {
		free(req.packets);
		return rc;
	}
	struct il_team_options how = {&req.filter, req.rubric, il_now()};

	if (il_db_open_private(&db, "team view") < 0) {
		free(req.packets);
		return IL_CMD_ERROR;
	}
	rc = il_team_build(&db, req.packets, req.packets_len, &how, &team) < 0
		     ? IL_CMD_ERROR
		     : write_view(ctx, &req, &db, &team);
	il_team_free(&team);
	il_db_close(&db);
	free(req.packets);
	return rc;
}
