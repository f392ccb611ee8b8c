/* rubric [--format table|csv], rubric import FILE [--dry-run], rubric
 * reset: the expectations readiness measures against. */

#include "impactlog/cli.h"
#include "impactlog/format.h"
#include "impactlog/rubric.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

/* The rubric in use, grouped by track and level: each row's id, dimension
 * and expectation, and under the expectation what measures it. */
static void print_table(const struct il_rubric *r)
{
	int id_width = 2, dimension_width = 9;

	for (size_t i = 0; i < r->len; i++) {
		const struct il_expectation *e = &r->rows[i];

		if ((int)strlen(e->id) > id_width)
			id_width = (int)strlen(e->id);
		if ((int)il_utf8_width(e->dimension) > dimension_width)
			dimension_width = (int)il_utf8_width(e->dimension);
	}
	printf("%s rubric, %zu expectation%s.  Its thresholds are starting points: to fit them\n"
	       "to your ladder, 'impactlog rubric --format csv >rubric.csv', edit, then\n"
	       "'impactlog rubric import rubric.csv' ('impactlog rubric reset' goes back).\n",
	       r->built_in ? "The built-in" : "The imported", r->len, r->len == 1 ? "" : "s");
	for (size_t i = 0; i < r->len; i++) {
		const struct il_expectation *e = &r->rows[i];
		bool same_group = i > 0 && strcasecmp(r->rows[i - 1].track, e->track) == 0 &&
				  strcasecmp(r->rows[i - 1].level, e->level) == 0;
		int indent = 2 + id_width + 2 + dimension_width + 2;

		if (!same_group)
			printf("\n%s, %s\n", strcmp(e->track, "*") ? e->track : "every track",
			       strcmp(e->level, "*") ? e->level : "every level");
		printf("  %-*s  %-*s  %s\n", id_width, e->id,
		       dimension_width + (int)(strlen(e->dimension) - il_utf8_width(e->dimension)),
		       e->dimension, e->expectation);
		printf("%*s%s%s%s", indent, "", e->measure_name, *e->where ? " " : "", e->where);
		if (e->has_at_least) {
			char number[IL_NUMBER_SIZE];

			il_format_number(e->at_least, number);
			printf(", at least %s", number);
		} else {
			printf(": to argue in person");
		}
		putchar('\n');
		if (*e->source)
			printf("%*sfrom: %s\n", indent, "", e->source);
	}
}

static int show(struct il_ctx *ctx, const char *format)
{
	char *path = il_db_resolve_path(ctx->db_option);
	bool exists = path && access(path, F_OK) == 0;
	struct il_rubric r;
	struct il_db *db;

	free(path);
	if (strcmp(format, "table") != 0 && strcmp(format, "csv") != 0)
		return il_usage_error("--format: '%s' is not a format (table or csv)", format);
	/* Without a database, the built-in rubric is the one in use. */
	if (!exists) {
		il_ctx_use_db(ctx, IL_USES_NO_DB);
		if (il_rubric_load(NULL, &r) < 0)
			return IL_CMD_ERROR;
	} else if (!(db = il_ctx_db(ctx)) || il_rubric_load(db, &r) < 0) {
		return IL_CMD_ERROR;
	}
	if (strcmp(format, "csv") == 0)
		fputs(r.text, stdout); /* as imported: its own quoting and numbers */
	else
		print_table(&r);
	il_rubric_free(&r);
	return IL_CMD_OK;
}

static int import(struct il_ctx *ctx, const char *path, bool dry_run)
{
	struct il_buf text = {0};
	struct il_rubric r;
	struct il_db *db;
	int rc = IL_CMD_ERROR;

	if (il_rubric_read_file(path, &text) < 0)
		goto out;
	if (il_rubric_parse(&r, il_input_name(path), il_buf_str(&text), text.len) < 0)
		goto out;
	if (dry_run) {
		printf("%zu expectation%s, all valid (nothing written)\n", r.len,
		       r.len == 1 ? "" : "s");
		rc = IL_CMD_OK;
	} else if ((db = il_ctx_db(ctx)) && il_rubric_store(db, il_buf_str(&text)) == 0) {
		ctx->saved = true;
		printf("imported %zu expectation%s; readiness now measures against them\n", r.len,
		       r.len == 1 ? "" : "s");
		rc = IL_CMD_OK;
	}
	il_rubric_free(&r);
out:
	il_buf_free(&text);
	return rc;
}

static int reset(struct il_ctx *ctx)
{
	struct il_db *db = il_ctx_db(ctx);

	if (!db || il_rubric_store(db, NULL) < 0)
		return IL_CMD_ERROR;
	ctx->saved = true;
	printf("the built-in rubric is in use\n");
	return IL_CMD_OK;
}

enum { OPT_FORMAT = 1, OPT_DRY_RUN };

int cmd_rubric(struct il_ctx *ctx, int argc, char **argv)
{
	static const struct option options[] = {
		{"format", required_argument, NULL, OPT_FORMAT},
		{"dry-run", no_argument, NULL, OPT_DRY_RUN},
		{0},
	};
	const char *format = NULL;
	bool dry_run = false;
	int opt;

	while ((opt = il_getopt(ctx, argc, argv, options)) != -1) {
		if (opt == '?')
			return IL_CMD_USAGE;
		if (opt == OPT_FORMAT)
			format = optarg;
		else
			dry_run = true;
	}
	argc -= optind;
	argv += optind;
	if (argc == 0) {
		if (dry_run)
			return il_usage_error("rubric: --dry-run goes with 'rubric import FILE'");
		il_ctx_use_db(ctx, IL_READS_DB);
		return show(ctx, format ? format : "table");
	}
	if (format)
		return il_usage_error("rubric: --format goes with 'rubric' alone");
	if (strcmp(argv[0], "import") == 0) {
		if (argc != 2)
			return il_usage_error("usage: impactlog rubric import FILE [--dry-run]");
		if (dry_run)
			il_ctx_use_db(ctx, IL_USES_NO_DB);
		return import(ctx, argv[1], dry_run);
	}
	if (strcmp(argv[0], "reset") == 0 && argc == 1 && !dry_run)
		return reset(ctx);
	return il_usage_error("rubric: '%s' is not a rubric command (import FILE, reset)", argv[0]);
}
