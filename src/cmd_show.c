/* show ID: every field of one achievement, one "field: value" line each. */

#include "impactlog/achievement.h"
#include "impactlog/cli.h"
#include "impactlog/format.h"

#include <string.h>

static void line(const char *field, const char *value)
{
	printf("%-12s %s\n", field, value);
}

static void number_line(const char *field, bool has, double value)
{
	char text[IL_NUMBER_SIZE];

	if (!has)
		return;
	il_format_number(value, text);
	line(field, text);
}

static void list_line(const char *field, const struct il_strlist *list)
{
	struct il_buf text = {0};

	if (!list->len)
		return;
	for (size_t i = 0; i < list->len; i++)
		il_buf_printf(&text, "%s%s", i ? "; " : "", list->items[i]);
	line(field, il_buf_str(&text));
	il_buf_free(&text);
}

/* The note may run over several lines: indent the rest under the first,
 * leaving blank lines blank (no trailing spaces). */
static void note_line(const char *note)
{
	const char *p = note;

	printf("%-12s ", "note:");
	for (; *p; p++) {
		putchar(*p);
		if (*p == '\n' && p[1] && p[1] != '\n')
			printf("%-12s ", "");
	}
	putchar('\n');
}

/* The derived numbers, read from the achievement_facts view that defines
 * them for every command and report. */
static int derived_lines(struct il_db *db, const struct il_achievement *a)
{
	static const char sql[] =
		"SELECT attributed, scale_factor FROM achievement_facts WHERE id = ?";
	sqlite3_stmt *stmt = il_db_cached(db, sql);
	char text[96], amount[48], percent[16];

	if (!stmt || il_bind_int(db, stmt, 1, a->id) < 0 || il_db_step(db, stmt) != SQLITE_ROW)
		return -1;
	if (sqlite3_column_type(stmt, 0) != SQLITE_NULL) {
		il_format_amount(sqlite3_column_double(stmt, 0), a->unit, amount, sizeof(amount));
		il_format_percent(a->share, percent, sizeof(percent));
		snprintf(text, sizeof(text), "%s (your %s share%s)", amount, percent,
			 a->tag == IL_TAG_PREVENTED_LOSS ? ", risk-adjusted" : "");
		line("attributed:", text);
	}
	if (sqlite3_column_type(stmt, 1) != SQLITE_NULL) {
		il_format_scale(sqlite3_column_double(stmt, 1), text, sizeof(text));
		line("scale:", text);
	}
	sqlite3_reset(stmt);
	return 0;
}

static int print_achievement(struct il_db *db, const struct il_achievement *a)
{
	char date[11], text[IL_NUMBER_SIZE + 8];

	il_date_format(a->date, date);
	printf("#%lld%s\n", (long long)a->id, a->deleted_at ? " (in the trash)" : "");
	line("uid:", a->uid);
	line("date:", date);
	line("tag:", il_tag_name(a->tag));
	line("title:", a->title);
	number_line("value:", a->has_value, a->value);
	if (a->unit)
		line("unit:", a->unit);
	number_line("baseline:", a->has_baseline, a->baseline);
	il_format_percent(a->share, text, sizeof(text));
	line("share:", text);
	snprintf(text, sizeof(text), "%lld", a->team_size);
	line("team_size:", text);
	if (a->tag == IL_TAG_PREVENTED_LOSS) {
		il_format_percent(a->has_likelihood ? a->likelihood : 100, text, sizeof(text));
		line("likelihood:", text);
	}
	if (a->has_lead_days) {
		snprintf(text, sizeof(text), "%lld", a->lead_days);
		line("lead_days:", text);
	}
	line("confidence:", il_confidence_name(a->confidence));
	if (a->project)
		line("project:", a->project);
	list_line("orgs:", &a->orgs);
	list_line("evidence:", &a->evidence);
	list_line("witnesses:", &a->witnesses);
	if (a->note)
		note_line(a->note);
	return derived_lines(db, a);
}

int cmd_show(struct il_ctx *ctx, int argc, char **argv)
{
	static const struct option options[] = {{0}};
	struct il_achievement a;
	struct il_db *db;
	int64_t id;
	int opt, found;

	while ((opt = il_getopt(ctx, argc, argv, options)) != -1)
		return IL_CMD_USAGE;
	if (argc - optind != 1)
		return il_usage_hint(ctx);
	if (!(id = il_parse_id(argv[optind])))
		return il_usage_error("show: '%s' is not an id (a number such as 12 or #12)",
				      argv[optind]);
	if (!(db = il_ctx_db(ctx)))
		return IL_CMD_ERROR;
	found = il_achievement_load(db, id, &a);
	if (found == 0)
		il_error("no achievement #%lld", (long long)id);
	if (found <= 0)
		return IL_CMD_ERROR;
	found = print_achievement(db, &a);
	il_achievement_free(&a);
	return found < 0 ? IL_CMD_ERROR : IL_CMD_OK;
}
