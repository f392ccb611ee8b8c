/* list [filters] [--deleted] [--format table|csv|json]: newest first. */

#include "impactlog/achievement.h"
#include "impactlog/cli.h"
#include "impactlog/csv_out.h"
#include "impactlog/filter.h"
#include "impactlog/format.h"
#include "impactlog/json_out.h"
#include "impactlog/report.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

enum format { FORMAT_TABLE, FORMAT_CSV, FORMAT_JSON };

enum { OPT_DELETED = 1, OPT_FORMAT };

static const struct option options[] = {
	IL_FILTER_OPTIONS,
	{"deleted", no_argument, NULL, OPT_DELETED},
	{"format", required_argument, NULL, OPT_FORMAT},
	{0},
};

static int list_json(struct il_db *db)
{
	if (il_json_write_achievements(db, false, "  ", stdout) < 0)
		return IL_CMD_ERROR;
	putchar('\n');
	return IL_CMD_OK;
}

struct row {
	char id[24];
	char date[11];
	char tag[16];
	char attributed[48];
	char *title;
};

static const char *tag_color(const char *tag)
{
	return il_tag_info(il_tag_parse(tag))->color;
}

/* On a terminal the attributed column grows with its amounts up to this
 * many columns; a long unit ("requests per second") is cut rather than
 * squeezing titles. */
#define AMOUNT_WIDTH_MAX 16

/* Prints TEXT in at most WIDTH terminal columns, ending in "…" when cut;
 * WIDTH 0: all of it. */
static void print_cell(const char *text, size_t width)
{
	if (width == 0 || il_utf8_width(text) <= width) {
		fputs(text, stdout);
		return;
	}
	printf("%.*s…", (int)il_utf8_prefix_width(text, width - 1), text);
}

/* The rows in WIDTH columns, the title cut to fit; WIDTH 0 (not a
 * terminal): nothing cut, so that grep finds every word. */
static void print_rows(const struct row *rows, size_t count, int width, bool color)
{
	int id_width = 2, amount_width = 10, title_width = 0;

	for (size_t i = 0; i < count; i++) {
		int id = (int)strlen(rows[i].id);
		int amount = (int)il_utf8_width(rows[i].attributed);

		id_width = id > id_width ? id : id_width;
		amount_width = amount > amount_width ? amount : amount_width;
	}
	if (width > 0) {
		if (amount_width > AMOUNT_WIDTH_MAX)
			amount_width = AMOUNT_WIDTH_MAX;
		title_width = width - (id_width + 2 + 10 + 2 + 14 + 2 + amount_width + 2);
		if (title_width < 10)
			title_width = 10;
	}
	printf("%s%-*s  %-10s  %-14s  %*s  %s%s\n", color ? "\033[1m" : "", id_width, "ID", "DATE",
	       "TAG", amount_width, "ATTRIBUTED", "TITLE", color ? "\033[0m" : "");
	for (size_t i = 0; i < count; i++) {
		int pad = amount_width - (int)il_utf8_width(rows[i].attributed);

		printf("%*s  %s  %s%-14s%s  %*s", id_width, rows[i].id, rows[i].date,
		       color ? tag_color(rows[i].tag) : "", rows[i].tag, color ? "\033[0m" : "",
		       pad > 0 ? pad : 0, "");
		print_cell(rows[i].attributed, width > 0 ? (size_t)amount_width : 0);
		fputs("  ", stdout);
		print_cell(rows[i].title, (size_t)title_width);
		putchar('\n');
	}
}

static int list_table(struct il_db *db)
{
	sqlite3_stmt *stmt = il_report_prepare(db, "list_table.sql");
	struct row *rows = NULL;
	size_t count = 0, cap = 0;
	int rc, width = il_terminal_width(STDOUT_FILENO);

	if (!stmt)
		return IL_CMD_ERROR;
	while ((rc = il_db_step(db, stmt)) == SQLITE_ROW) {
		struct row *r;

		if (count == cap) {
			cap = cap ? cap * 2 : 64;
			rows = il_xrealloc(rows, cap * sizeof(*rows));
		}
		r = &rows[count++];
		snprintf(r->id, sizeof(r->id), "#%lld", sqlite3_column_int64(stmt, 0));
		snprintf(r->date, sizeof(r->date), "%s", il_column_text(stmt, 1));
		snprintf(r->tag, sizeof(r->tag), "%s", il_column_text(stmt, 2));
		r->title = il_xstrdup(il_column_text(stmt, 3));
		if (sqlite3_column_type(stmt, 4) == SQLITE_NULL)
			snprintf(r->attributed, sizeof(r->attributed), "-");
		else
			il_format_amount(sqlite3_column_double(stmt, 4), il_column_text(stmt, 5),
					 r->attributed, sizeof(r->attributed));
	}
	sqlite3_finalize(stmt);
	if (rc == SQLITE_DONE && count > 0)
		print_rows(rows, count, width, il_use_color(STDOUT_FILENO));
	for (size_t i = 0; i < count; i++)
		free(rows[i].title);
	free(rows);
	return rc == SQLITE_DONE ? IL_CMD_OK : IL_CMD_ERROR;
}

int cmd_list(struct il_ctx *ctx, int argc, char **argv)
{
	struct il_filter filter = {0};
	enum format format = FORMAT_TABLE;
	struct il_db *db;
	int opt, handled;

	while ((opt = il_getopt(ctx, argc, argv, options)) != -1) {
		if (opt == '?')
			return IL_CMD_USAGE;
		if ((handled = il_filter_option(&filter, opt, optarg, ctx->today)) < 0)
			return IL_CMD_USAGE;
		if (handled)
			continue;
		if (opt == OPT_DELETED) {
			filter.deleted = true;
		} else if (strcmp(optarg, "table") == 0) {
			format = FORMAT_TABLE;
		} else if (strcmp(optarg, "csv") == 0) {
			format = FORMAT_CSV;
		} else if (strcmp(optarg, "json") == 0) {
			format = FORMAT_JSON;
		} else {
			return il_usage_error("--format: '%s' is not a format (table, csv or json)",
					      optarg);
		}
	}
	if (optind < argc)
		return il_usage_error("list: unexpected argument '%s' (see 'impactlog help list')",
				      argv[optind]);
	if (il_filter_check(&filter) != IL_CMD_OK)
		return IL_CMD_USAGE;
	if (!(db = il_ctx_db(ctx)) || il_filter_select(db, &filter, IL_FILTER_SELECTED) < 0)
		return IL_CMD_ERROR;
	switch (format) {
	case FORMAT_CSV:
		return il_csv_write(db, IL_FILTER_SELECTED, true, stdout) < 0 ? IL_CMD_ERROR
									      : IL_CMD_OK;
	case FORMAT_JSON:
		return list_json(db);
	default:
		return list_table(db);
	}
}
