/* readiness [filters] [--track T] [--level L] [--format text|md|json]: the
 * period's evidence held against the rubric's expectations. */

#include "impactlog/cli.h"
#include "impactlog/filter.h"
#include "impactlog/readiness.h"
#include "impactlog/report.h"

#include <string.h>

enum format { FORMAT_TEXT, FORMAT_MARKDOWN, FORMAT_JSON };

enum { OPT_TRACK = 1, OPT_LEVEL, OPT_FORMAT };

static const struct option options[] = {
	IL_FILTER_OPTIONS,
	{"track", required_argument, NULL, OPT_TRACK},
	{"level", required_argument, NULL, OPT_LEVEL},
	{"format", required_argument, NULL, OPT_FORMAT},
	{0},
};

struct request {
	struct il_filter filter;
	const char *track, *level; /* NULL: the profile's */
	enum format format;
};

static int parse(struct il_ctx *ctx, int argc, char **argv, struct request *req)
{
	int opt, handled;

	while ((opt = il_getopt(ctx, argc, argv, options)) != -1) {
		if (opt == '?')
			return IL_CMD_USAGE;
		if ((handled = il_filter_option(&req->filter, opt, optarg, ctx->today)) < 0)
			return IL_CMD_USAGE;
		if (handled)
			continue;
		if ((opt == OPT_TRACK || opt == OPT_LEVEL) && !optarg[strspn(optarg, " \t")])
			return il_usage_error("--%s: must not be empty",
					      opt == OPT_TRACK ? "track" : "level");
		if (opt == OPT_TRACK)
			req->track = optarg;
		else if (opt == OPT_LEVEL)
			req->level = optarg;
		else if (strcmp(optarg, "text") == 0)
			req->format = FORMAT_TEXT;
		else if (strcmp(optarg, "md") == 0 || strcmp(optarg, "markdown") == 0)
			req->format = FORMAT_MARKDOWN;
		else if (strcmp(optarg, "json") == 0)
			req->format = FORMAT_JSON;
		else
			return il_usage_error("--format: '%s' is not a format (text, md or json)",
					      optarg);
	}
	if (optind < argc)
		return il_usage_error(
			"readiness: unexpected argument '%s' (see 'impactlog help readiness')",
			argv[optind]);
	return il_filter_check(&req->filter);
}

static int run(struct il_db *db, const struct request *req, const char *track, const char *level)
{
	struct il_rubric rubric;
	struct il_readiness rd;
	struct il_buf period = {0};
	int rc;

	if (il_rubric_load(db, &rubric) < 0)
		return IL_CMD_ERROR;
	if (il_report_select(db, &req->filter) < 0) {
		il_rubric_free(&rubric);
		return IL_CMD_ERROR;
	}
	rc = il_readiness_build(db, &rubric, track, level, &rd);
	if (rc != 0) {
		if (rd.unavailable)
			il_error("%s", rd.unavailable);
		il_readiness_free(&rd);
		il_rubric_free(&rubric);
		return IL_CMD_ERROR;
	}
	il_filter_describe(&req->filter, &period);
	if (req->format == FORMAT_JSON)
		il_readiness_write_json(stdout, &rd);
	else if (req->format == FORMAT_MARKDOWN)
		il_readiness_write_markdown(stdout, &rd, il_buf_str(&period));
	else
		il_readiness_write_text(stdout, &rd, il_buf_str(&period));
	il_buf_free(&period);
	il_readiness_free(&rd);
	il_rubric_free(&rubric);
	return IL_CMD_OK;
}

int cmd_readiness(struct il_ctx *ctx, int argc, char **argv)
{
	struct request req = {0};
	struct il_report_profile profile;
	struct il_db *db;
	const char *track, *level;
	int rc;

	if ((rc = parse(ctx, argc, argv, &req)) != IL_CMD_OK)
		return rc;
	if (!(db = il_ctx_db(ctx)))
		return IL_CMD_ERROR;
	if (il_report_profile_load(db, &profile) < 0) {
		il_report_profile_free(&profile);
		il_db_rollback(db);
		return IL_CMD_ERROR;
	}
	/* The options before the profile's track and target level. */
	track = req.track ? req.track : profile.track;
	level = req.level ? req.level : profile.target_level;
	if (!*track || !*level) {
		il_error("%s", il_readiness_unset);
		rc = IL_CMD_ERROR;
	} else {
		rc = run(db, &req, track, level);
	}
	il_report_profile_free(&profile);
	il_db_rollback(db);
	return rc;
}
