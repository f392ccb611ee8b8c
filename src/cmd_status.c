/*
 * status: one screen of where the log stands, for a glance each week: the
 * current cycle so far (per tag, the count and attributed value in each
 * unit), the readiness verdict when a target level is set, the visibility
 * gaps that need action, the days since the last entry, and the one
 * command worth running next.
 *
 * It reads what the report reads (il_report_select's views, its gap
 * queries, the readiness model) and words it with the report's words and
 * amounts, so status never says what the report does not; but only the
 * few queries a glance needs: the whole report of a 5k-achievement cycle
 * takes 140 ms, status a tenth of that.
 */

#include "impactlog/cli.h"
#include "impactlog/embed.h"
#include "impactlog/filter.h"
#include "impactlog/format.h"
#include "impactlog/readiness.h"
#include "impactlog/report.h"
#include "impactlog/rubric.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define BOLD  "\033[1m"
#define RESET "\033[0m"

/* Gap items listed before "…": a glance, not the report's list. */
#define GAP_IDS_SHOWN 5

/* Days before the cycle's end from which the packet is what to make next;
 * and days without an entry after which logging again is (remind's
 * default too). */
#define CYCLE_END_DAYS 21
#define IDLE_DAYS      14

/* One tag and unit of the cycle. */
struct status_total {
	enum il_tag tag;
	char *unit;
	long count, valued;
	double attributed;
};

struct status {
	struct il_ctx *ctx;
	bool color;
	char cycle_name[16];
	struct il_filter filter; /* the current cycle */
	struct il_range cycle;
	long count;
	long by_tag[IL_TAG_COUNT];
	struct status_total *totals;
	size_t totals_len;
	struct il_report_gaps gaps; /* counts, and the first items' ids */
	struct il_report_profile profile;
	bool has_readiness;
	struct il_rubric rubric;
	struct il_readiness readiness;
	bool has_last;
	int64_t last_id;
	struct il_date last_date;
	long idle_days; /* since the last entry's date */
};

static const struct option options[] = {{0}};

/* The half-year holding TODAY, as a cycle's name: "2026-H2". */
static void current_cycle(struct il_date today, char name[16])
{
	snprintf(name, 16, "%04d-H%d", today.year, today.month <= 6 ? 1 : 2);
}

static int read_last(struct il_db *db, struct status *st)
{
	sqlite3_stmt *stmt = il_report_prepare(db, "status_last.sql");
	int rc;

	if (!stmt)
		return -1;
	rc = il_db_step(db, stmt);
	if (rc == SQLITE_ROW) {
		st->has_last = true;
		st->last_id = sqlite3_column_int64(stmt, 0);
		/* The schema holds only real days (CHECK date(date) IS date). */
		il_parse_date(il_column_text(stmt, 1), &st->last_date);
		st->idle_days = il_date_to_days(st->ctx->today) - il_date_to_days(st->last_date);
	}
	sqlite3_finalize(stmt);
	return rc < 0 ? -1 : 0;
}

static int read_totals(struct il_db *db, struct status *st)
{
	sqlite3_stmt *stmt = il_report_prepare(db, "status_totals.sql");
	int rc;

	if (!stmt)
		return -1;
	while ((rc = il_db_step(db, stmt)) == SQLITE_ROW) {
		struct status_total *t;

		st->totals = il_xrealloc(st->totals, (st->totals_len + 1) * sizeof(*st->totals));
		t = &st->totals[st->totals_len++];
		t->tag = il_tag_parse(il_column_text(stmt, 0));
		t->unit = il_xstrdup(il_column_text(stmt, 1));
		t->count = sqlite3_column_int64(stmt, 2);
		t->valued = sqlite3_column_int64(stmt, 3);
		t->attributed = sqlite3_column_double(stmt, 4);
		st->count += t->count;
		st->by_tag[il_tag_info(t->tag) - il_tags] += t->count;
	}
	sqlite3_finalize(stmt);
	return rc == SQLITE_DONE ? 0 : -1;
}

/* The report's own gap queries: the counts, then the newest few ids of
 * each gap that has any. */
static int read_gap_items(struct il_db *db, const char *kind, struct il_report_gap *gap)
{
	sqlite3_stmt *stmt;
	int rc;

	if (gap->count == 0)
		return 0;
	if (!(stmt = il_report_prepare(db, "gap_items.sql")) ||
	    il_bind_text(db, stmt, 1, kind) < 0 || il_bind_int(db, stmt, 2, GAP_IDS_SHOWN) < 0) {
		sqlite3_finalize(stmt);
		return -1;
	}
	gap->items = il_xcalloc(GAP_IDS_SHOWN, sizeof(*gap->items));
	while ((rc = il_db_step(db, stmt)) == SQLITE_ROW && gap->items_len < GAP_IDS_SHOWN)
		gap->items[gap->items_len++].id = sqlite3_column_int64(stmt, 0);
	sqlite3_finalize(stmt);
	return rc < 0 ? -1 : 0;
}

static int read_gaps(struct il_db *db, struct status *st)
{
	sqlite3_stmt *stmt = il_report_prepare(db, "gap_counts.sql");
	int rc;

	if (!stmt || il_bind_int(db, stmt, 1, st->count) < 0) {
		sqlite3_finalize(stmt);
		return -1;
	}
	if ((rc = il_db_step(db, stmt)) == SQLITE_ROW) {
		st->gaps.no_evidence.count = sqlite3_column_int64(stmt, 0);
		st->gaps.no_witness.count = sqlite3_column_int64(stmt, 1);
		st->gaps.full_share_of_team.count = sqlite3_column_int64(stmt, 2);
	}
	sqlite3_finalize(stmt);
	if (rc != SQLITE_ROW)
		return -1;
	return read_gap_items(db, "no-evidence", &st->gaps.no_evidence) < 0 ||
			       read_gap_items(db, "no-witness", &st->gaps.no_witness) < 0 ||
			       read_gap_items(db, "full-share-of-team",
					      &st->gaps.full_share_of_team) < 0
		       ? -1
		       : 0;
}

/* Readiness for the profile's track and target level, when it has both. */
static int read_readiness(struct il_db *db, struct status *st)
{
	const struct il_report_profile *p = &st->profile;

	if (!*p->track || !*p->target_level)
		return 0;
	if (il_rubric_load(db, &st->rubric) < 0)
		return -1;
	st->has_readiness = true;
	return il_readiness_build(db, &st->rubric, p->track, p->target_level, &st->readiness) < 0
		       ? -1
		       : 0;
}

static void start_style(const struct status *st, const char *style)
{
	if (st->color)
		fputs(style, stdout);
}

static void end_style(const struct status *st)
{
	if (st->color)
		fputs(RESET, stdout);
}

static void heading(const struct status *st, const char *text)
{
	start_style(st, BOLD);
	fputs(text, stdout);
	end_style(st);
	fputc('\n', stdout);
}

/* "2026-H2 so far: day 154 of 184, 6 achievements" */
static void print_cycle(const struct status *st)
{
	long day = il_date_to_days(st->ctx->today) - il_date_to_days(st->cycle.from) + 1;
	long days = il_date_to_days(st->cycle.to) - il_date_to_days(st->cycle.from) + 1;
	struct il_buf line = {0};

	il_buf_printf(&line, "%s so far: day %ld of %ld, %ld achievement%s", st->cycle_name, day,
		      days, st->count, st->count == 1 ? "" : "s");
	heading(st, il_buf_str(&line));
	il_buf_free(&line);
}

/* One line per tag, those without achievements too: what is missing
 * shows at a glance.  The attributed value in each unit, as the report's
 * totals have it. */
static void print_tags(const struct status *st)
{
	printf("  %-14s  %5s  %s\n", il_report_word(IL_WORD_TAG), il_report_word(IL_WORD_COUNT),
	       il_report_word(IL_WORD_ATTRIBUTED));
	for (enum il_tag tag = IL_TAG_FIRST; tag < IL_TAG_COUNT; tag++) {
		const char *separator = "  ";

		fputs("  ", stdout);
		start_style(st, il_tag_info(tag)->color);
		printf("%-14s", il_tag_name(tag));
		end_style(st);
		printf("  %5ld", st->by_tag[tag]);
		for (size_t i = 0; i < st->totals_len; i++) {
			const struct status_total *t = &st->totals[i];
			char amount[64];

			if (t->tag != tag || t->valued == 0 || t->count == 0)
				continue;
			il_format_amount(t->attributed, t->unit, amount, sizeof(amount));
			printf("%s%s", separator, amount);
			separator = ", ";
		}
		fputc('\n', stdout);
	}
}

static void print_readiness(const struct status *st)
{
	const struct il_readiness *rd = &st->readiness;
	struct il_buf line = {0};

	/* Without a target level there is no verdict to give: the hint says
	 * how to set one. */
	if (!st->has_readiness)
		return;
	if (rd->unavailable) {
		printf("%s\n", rd->unavailable);
		return;
	}
	il_readiness_verdict(rd, &line);
	heading(st, il_report_section_title(IL_SECTION_READINESS));
	printf("  %s\n", il_buf_str(&line));
	il_buf_free(&line);
}

/* "  No evidence                 3  #11 #6 #5": the newest first. */
static void print_gap(const char *label, const struct il_report_gap *gap)
{
	size_t shown = gap->items_len < GAP_IDS_SHOWN ? gap->items_len : GAP_IDS_SHOWN;

	if (gap->count == 0)
		return;
	printf("  %-26s %5ld ", label, gap->count);
	for (size_t i = 0; i < shown; i++)
		printf(" #%lld", (long long)gap->items[i].id);
	if ((long)shown < gap->count)
		fputs(" …", stdout);
	fputc('\n', stdout);
}

static void print_gaps(const struct status *st)
{
	const struct il_report_gaps *gaps = &st->gaps;

	if (!gaps->no_evidence.count && !gaps->no_witness.count && !gaps->full_share_of_team.count)
		return;
	heading(st, il_report_section_title(IL_SECTION_GAPS));
	print_gap(il_report_word(IL_WORD_NO_EVIDENCE), &gaps->no_evidence);
	print_gap(il_report_word(IL_WORD_NO_WITNESS), &gaps->no_witness);
	print_gap(il_report_word(IL_WORD_FULL_SHARE_SHORT), &gaps->full_share_of_team);
}

static void print_last(const struct status *st)
{
	char date[11];

	if (!st->has_last) {
		printf("Last entry: none yet\n");
		return;
	}
	il_date_format(st->last_date, date);
	printf("Last entry: #%lld on %s, ", (long long)st->last_id, date);
	/* add accepts tomorrow; a clock set back may show more */
	if (st->idle_days == -1)
		printf("tomorrow\n");
	else if (st->idle_days < 0)
		printf("in %ld days\n", -st->idle_days);
	else if (st->idle_days == 0)
		printf("today\n");
	else
		printf("%ld day%s ago\n", st->idle_days, st->idle_days == 1 ? "" : "s");
}

/* The one command worth running next, and why: logging comes first, as a
 * log without entries makes no packet; then the packet near the cycle's
 * end; then what makes the cycle's entries count. */
static void print_next(const struct status *st)
{
	long left = il_date_to_days(st->cycle.to) - il_date_to_days(st->ctx->today);
	const struct il_report_gap *evidence = &st->gaps.no_evidence,
				   *witness = &st->gaps.no_witness;

	fputs("Next: ", stdout);
	if (!st->has_last)
		printf("impactlog add TAG TITLE (or impactlog import --from bragfile|jrnl FILE)\n");
	else if (st->idle_days > IDLE_DAYS)
		printf("impactlog add TAG TITLE: nothing logged for %ld days\n", st->idle_days);
	else if (left < CYCLE_END_DAYS && st->count)
		printf("impactlog report --cycle %s --xlsx: the cycle ends in %ld day%s\n",
		       st->cycle_name, left, left == 1 ? "" : "s");
	else if (evidence->items_len)
		printf("impactlog edit %lld --evidence LINK: the newest without evidence\n",
		       (long long)evidence->items[0].id);
	else if (witness->items_len)
		printf("impactlog edit %lld --witness NAME: the newest without a witness\n",
		       (long long)witness->items[0].id);
	else if (!st->has_readiness)
		printf("impactlog profile --track TPM --target-level L7: to see readiness\n");
	else
		printf("impactlog add TAG TITLE: the next achievement, the week it happens\n");
}

static int build(struct il_db *db, struct status *st)
{
	const char *why;

	current_cycle(st->ctx->today, st->cycle_name);
	if ((why = il_parse_cycle(st->cycle_name, &st->cycle))) {
		il_error("internal error: cycle '%s' %s", st->cycle_name, why);
		return -1;
	}
	if (il_filter_option(&st->filter, IL_FILTER_CYCLE, st->cycle_name, st->ctx->today) != 1 ||
	    il_db_read_begin(db, true) < 0)
		return -1;
	return read_last(db, st) < 0 || il_report_select(db, &st->filter) < 0 ||
			       read_totals(db, st) < 0 || read_gaps(db, st) < 0 ||
			       il_report_profile_load(db, &st->profile) < 0 ||
			       read_readiness(db, st) < 0
		       ? -1
		       : 0;
}

static void status_free(struct status *st)
{
	for (size_t i = 0; i < st->totals_len; i++)
		free(st->totals[i].unit);
	free(st->totals);
	free(st->gaps.no_evidence.items);
	free(st->gaps.no_witness.items);
	free(st->gaps.full_share_of_team.items);
	il_report_profile_free(&st->profile);
	if (st->has_readiness) {
		il_readiness_free(&st->readiness);
		il_rubric_free(&st->rubric);
	}
}

int cmd_status(struct il_ctx *ctx, int argc, char **argv)
{
	struct status st = {.ctx = ctx, .color = il_use_color(STDOUT_FILENO)};
	struct il_db *db;
	int rc;

	if (il_getopt(ctx, argc, argv, options) != -1)
		return IL_CMD_USAGE;
	if (optind < argc)
		return il_usage_error(
			"status: unexpected argument '%s' (see 'impactlog help status')",
			argv[optind]);
	if (!(db = il_ctx_db(ctx)))
		return IL_CMD_ERROR;
	rc = build(db, &st);
	il_db_rollback(db);
	if (rc == 0) {
		print_cycle(&st);
		print_tags(&st);
		print_readiness(&st);
		print_gaps(&st);
		print_last(&st);
		print_next(&st);
	}
	status_free(&st);
	return rc < 0 ? IL_CMD_ERROR : IL_CMD_OK;
}
