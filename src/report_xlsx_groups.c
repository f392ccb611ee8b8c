/*
 * The By org, By project and Timeline sheets: one row per group or month
 * of the report model, each number a formula with the model's value
 * cached: By org sums over the Org rows, By project over the
 * Achievements rows' Project, and the Timeline counts each month with
 * COUNTIFS over the Achievements sheet and charts the months by tag.
 */

#include "report_xlsx.h"

#include "impactlog/format.h"
#include "impactlog/report.h"
#include "impactlog/util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <xlsxwriter.h>

/* --- By org, By project -------------------------------------------------- */

/* Attributed amounts get one column per unit, in the order of the totals
 * (tag, then size); past UNIT_COLUMNS_MAX units the rest share one text
 * column, so that no amount is left out. */
#define UNIT_COLUMNS_MAX 24
#define GROUP_FIRST_UNIT (2 + TAGS) /* name, count and the tags come first */

struct unit_columns {
	const char *units[UNIT_COLUMNS_MAX];
	size_t len;
	bool other; /* some amount is in none of the units above */
};

struct group_sheet {
	lxw_worksheet *ws;
	bool orgs;	     /* By org: the groups are the Org rows' orgs */
	const char *first;   /* the first column's header: "Org" */
	const char *unnamed; /* the name shown for the group "" */
	const char *note;    /* under the table: how to read it */
	const struct il_report_group *groups;
	size_t len;
};

static int unit_column(const struct unit_columns *u, const char *unit)
{
	for (size_t i = 0; i < u->len; i++)
		if (strcmp(u->units[i], unit) == 0)
			return (int)i;
	return -1;
}

static void collect_units(const struct il_report *r, const struct group_sheet *g,
			  struct unit_columns *u)
{
	for (size_t i = 0; i < r->totals_len; i++) {
		const char *unit = r->totals[i].unit;

		for (size_t k = 0; k < g->len; k++)
			for (size_t a = 0; a < g->groups[k].attributed_len; a++)
				if (strcmp(g->groups[k].attributed[a].unit, unit) == 0 &&
				    unit_column(u, unit) < 0 && u->len < UNIT_COLUMNS_MAX)
					u->units[u->len++] = unit;
	}
	for (size_t k = 0; k < g->len; k++)
		for (size_t a = 0; a < g->groups[k].attributed_len; a++)
			if (unit_column(u, g->groups[k].attributed[a].unit) < 0)
				u->other = true;
}

static lxw_col_t group_last_col(const struct unit_columns *u)
{
	return (lxw_col_t)(GROUP_FIRST_UNIT + u->len + u->other - 1);
}

/* Above the header, the unit of each Attributed column, which its
 * formulas compare with: user text is read from a cell, never pasted into
 * a formula. */
static void group_units(struct sheet *s, const struct unit_columns *u)
{
	il_xlsx_put_text(s, 0, il_report_word(IL_WORD_UNIT), s->x->fmt.muted);
	for (size_t i = 0; i < u->len; i++)
		il_xlsx_put_text(s, (lxw_col_t)(GROUP_FIRST_UNIT + i), u->units[i],
				 s->x->fmt.muted);
	s->row++;
}

static void group_header(struct sheet *s, const struct group_sheet *g, const struct unit_columns *u)
{
	const char *list[GROUP_FIRST_UNIT + UNIT_COLUMNS_MAX + 1] = {
		g->first, il_report_word(IL_WORD_ACHIEVEMENTS)};
	char names[UNIT_COLUMNS_MAX][80];
	size_t count = GROUP_FIRST_UNIT;
	struct il_buf name = {0}, other = {0};

	for (size_t i = 0; i < TAGS; i++)
		list[2 + i] = il_tag_name(TAG(i));

	for (size_t i = 0; i < u->len; i++) {
		const char *unit = *u->units[i] ? u->units[i] : il_report_word(IL_WORD_NO_UNIT);
		char *cut = il_xstrndup(unit, il_utf8_prefix(unit, 40));

		/* The unit cut to 40 characters, the header to 79 bytes. */
		il_buf_reset(&name);
		il_report_attributed_in(cut, &name);
		snprintf(names[i], sizeof(names[i]), "%s", il_buf_str(&name));
		list[count++] = names[i];
		free(cut);
	}
	if (u->other) {
		il_report_attributed_in(il_report_word(IL_WORD_OTHER_UNITS), &other);
		list[count++] = il_buf_str(&other);
	}
	il_xlsx_put_header(s, list, count);
	il_buf_free(&name);
	il_buf_free(&other);
}

/* The ranges a group sheet's formulas read: By org the Org rows, By
 * project the Achievements rows themselves. */
struct group_ranges {
	char name[48], tag[48], unit[48], attributed[48], id[48];
};

static void group_ranges(const struct il_xlsx *x, const struct group_sheet *g,
			 struct group_ranges *r)
{
	if (g->orgs) {
		il_xlsx_org_rows_range(x, ORG_COL_ORG, r->name);
		il_xlsx_org_rows_range(x, ORG_COL_TAG, r->tag);
		il_xlsx_org_rows_range(x, ORG_COL_UNIT, r->unit);
		il_xlsx_org_rows_range(x, ORG_COL_ATTRIBUTED, r->attributed);
		il_xlsx_org_rows_range(x, ORG_COL_ID, r->id);
	} else {
		il_xlsx_achievements_range(x, COL_PROJECT, r->name);
		il_xlsx_achievements_range(x, COL_TAG, r->tag);
		il_xlsx_achievements_range(x, COL_UNIT, r->unit);
		il_xlsx_achievements_range(x, COL_ATTRIBUTED, r->attributed);
		il_xlsx_achievements_range(x, COL_ID, r->id);
	}
}

static double group_attributed(const struct il_report_group *group, const char *unit)
{
	for (size_t a = 0; a < group->attributed_len; a++)
		if (strcmp(group->attributed[a].unit, unit) == 0)
			return group->attributed[a].value;
	return 0;
}

/* One group: its counts and amounts as SUMPRODUCT over the rows whose
 * name is the group's, compared with "=" (without case, as SPEC compares
 * orgs and projects, and with no wildcard or operator read in a name).
 * The group "" compares with "", its cell showing a name of its own, in
 * rows with an ID: the empty rows under the last have none. */
static void group_row(struct sheet *s, const struct il_report_group *group,
		      const struct unit_columns *u, const char *unnamed,
		      const struct group_ranges *ranges)
{
	struct il_buf other = {0};
	char formula[512], match[160], name[LXW_MAX_CELL_NAME_LENGTH],
		top[LXW_MAX_CELL_NAME_LENGTH];

	il_xlsx_put_text(s, 0, *group->name ? group->name : unnamed,
			 *group->name ? NULL : s->x->fmt.muted);
	if (*group->name)
		snprintf(match, sizeof(match), "--(%s=%s)", ranges->name,
			 il_xlsx_cell(s->row, 0, false, true, name));
	else
		snprintf(match, sizeof(match), "--(%s=\"\"),--(%s>0)", ranges->name, ranges->id);
	snprintf(formula, sizeof(formula), "=SUMPRODUCT(%s)", match);
	il_xlsx_put_formula(s, 1, formula, s->x->fmt.count, (double)group->count);
	for (size_t i = 0; i < TAGS; i++) {
		lxw_col_t col = (lxw_col_t)(2 + i);

		snprintf(formula, sizeof(formula), "=SUMPRODUCT(%s,--(%s=%s))", match, ranges->tag,
			 il_xlsx_cell(GROUP_HEADER_ROW, col, true, false, top));
		il_xlsx_put_formula(s, col, formula, s->x->fmt.count,
				    (double)group->by_tag[TAG(i)]);
	}
	for (size_t i = 0; i < u->len; i++) {
		lxw_col_t col = (lxw_col_t)(GROUP_FIRST_UNIT + i);
		double cached = group_attributed(group, u->units[i]);

		snprintf(formula, sizeof(formula), "=SUMPRODUCT(%s,--(%s=%s),%s)", match,
			 ranges->unit, il_xlsx_cell(GROUP_UNITS_ROW, col, true, false, top),
			 ranges->attributed);
		il_xlsx_put_formula(s, col, formula,
				    il_xlsx_amount_format(s->x, u->units[i], cached), cached);
	}
	for (size_t a = 0; a < group->attributed_len; a++) {
		const struct il_report_amount *amount = &group->attributed[a];
		char text[96];

		if (unit_column(u, amount->unit) >= 0)
			continue;
		il_format_amount(amount->value, amount->unit, text, sizeof(text));
		il_buf_printf(&other, "%s%s", other.len ? ", " : "", text);
	}
	if (u->other)
		il_xlsx_put_text(s, group_last_col(u), il_buf_str(&other), NULL);
	il_buf_free(&other);
	s->row++;
}

/* One row per group, each number a formula over the rows it groups. */
static void write_groups(struct il_xlsx *x, const struct group_sheet *g)
{
	struct sheet s = {.x = x, .ws = g->ws};
	struct unit_columns units = {0};
	struct group_ranges ranges;
	lxw_col_t last_col;

	collect_units(x->report, g, &units);
	group_ranges(x, g, &ranges);
	last_col = group_last_col(&units);
	/* In constant_memory mode a range must be set before its rows are
	 * behind us. */
	if (!x->error && g->len > 0)
		il_xlsx_failed(x, worksheet_autofilter(g->ws, GROUP_HEADER_ROW, 0,
						       (lxw_row_t)(GROUP_HEADER_ROW + g->len),
						       last_col));
	group_units(&s, &units);
	group_header(&s, g, &units);
	for (size_t i = 0; i < g->len; i++)
		group_row(&s, &g->groups[i], &units, g->unnamed, &ranges);
	s.row++;
	il_xlsx_put_text(&s, 0, g->note, x->fmt.muted);
	il_xlsx_set_columns(x, g->ws, 0, 0, 30);
	il_xlsx_set_columns(x, g->ws, 1, GROUP_FIRST_UNIT - 1, 14);
	if (units.len + units.other > 0)
		il_xlsx_set_columns(x, g->ws, GROUP_FIRST_UNIT, last_col, 20);
	worksheet_freeze_panes(g->ws, GROUP_FIRST_ROW, 1);
	il_xlsx_print_setup(x, g->ws, last_col > 8, GROUP_HEADER_ROW, s.row, last_col);
}

void il_xlsx_write_group_sheets(struct il_xlsx *x)
{
	const struct il_report_breadth *b = &x->report->breadth;
	const struct group_sheet orgs = {
		.ws = x->by_org,
		.orgs = true,
		.first = il_report_word(IL_WORD_ORG),
		.unnamed = il_report_word(IL_WORD_NO_ORG),
		.note = il_report_word(IL_WORD_ORGS_NOTE),
		.groups = b->orgs,
		.len = b->orgs_len,
	};
	const struct group_sheet projects = {
		.ws = x->by_project,
		.first = il_report_word(IL_WORD_PROJECT),
		.unnamed = il_report_word(IL_WORD_NO_PROJECT),
		.note = il_report_word(IL_WORD_PROJECTS_NOTE),
		.groups = b->projects,
		.len = b->projects_len,
	};

	write_groups(x, &orgs);
	write_groups(x, &projects);
}

/* --- Timeline ------------------------------------------------------------ */

/* The chart's place, right of the table, and the cells it covers at
 * libxlsxwriter's default size (480 by 288 pixels). */
#define TIMELINE_CHART_COL  (TAGS + 4)
#define TIMELINE_CHART_COLS 8
#define TIMELINE_CHART_ROWS 16

static void timeline_row(struct sheet *s, const struct il_report_month *m)
{
	char formula[384], tag_range[48], date_range[48];
	char month[LXW_MAX_CELL_NAME_LENGTH], tag[LXW_MAX_CELL_NAME_LENGTH];
	char first[LXW_MAX_CELL_NAME_LENGTH], last[LXW_MAX_CELL_NAME_LENGTH];
	bool dated = atoi(m->month) >= 1900;

	il_xlsx_achievements_range(s->x, COL_TAG, tag_range);
	il_xlsx_achievements_range(s->x, COL_DATE, date_range);
	il_xlsx_cell(s->row, 0, false, true, month);
	il_xlsx_put_date(s, 0, m->month, s->x->fmt.month);
	for (size_t i = 0; i < TAGS; i++) {
		lxw_col_t col = (lxw_col_t)(1 + i);
		double cached = (double)m->by_tag[TAG(i)];

		/* Months before 1900 are text, which no date criterion matches. */
		if (!dated) {
			il_xlsx_put_number(s, col, cached, s->x->fmt.count);
			continue;
		}
		/* The month's first day up to the next month's: criteria of
		 * ours, a tag's name and dates. */
		snprintf(formula, sizeof(formula),
			 "=COUNTIFS(%s,%s,%s,\">=\"&%s,%s,\"<\"&DATE(YEAR(%s),MONTH(%s)+1,1))",
			 tag_range, il_xlsx_cell(0, col, true, false, tag), date_range, month,
			 date_range, month, month);
		il_xlsx_put_formula(s, col, formula, s->x->fmt.count, cached);
	}
	snprintf(formula, sizeof(formula), "=SUM(%s:%s)",
		 il_xlsx_cell(s->row, 1, false, false, first),
		 il_xlsx_cell(s->row, TAGS, false, false, last));
	il_xlsx_put_formula(s, TAGS + 1, formula, s->x->fmt.count, (double)m->total);
	if (m->total == 0)
		il_xlsx_put_text(s, TAGS + 2,
				 il_report_word(m->future ? IL_WORD_MONTH_TO_COME_SHEET
							  : IL_WORD_MONTH_EMPTY),
				 s->x->fmt.muted);
	s->row++;
}

/* Achievements per month, stacked by tag. */
static void timeline_chart(struct il_xlsx *x, size_t months)
{
	lxw_chart *chart = il_xlsx_add_chart(x, LXW_CHART_COLUMN_STACKED,
					     il_report_word(IL_WORD_CHART_MONTHS));
	lxw_row_t last = months ? (lxw_row_t)months : 1;

	if (!chart)
		return;
	for (size_t i = 0; i < TAGS; i++) {
		lxw_chart_series *series = chart_add_series(chart, NULL, NULL);
		lxw_chart_fill fill = {.color = il_tags[TAG(i)].rgb};

		if (!series) {
			il_xlsx_failed(x, LXW_ERROR_MEMORY_MALLOC_FAILED);
			return;
		}
		chart_series_set_categories(series, SHEET_TIMELINE, 1, 0, last, 0);
		chart_series_set_values(series, SHEET_TIMELINE, 1, (lxw_col_t)(1 + i), last,
					(lxw_col_t)(1 + i));
		chart_series_set_name_range(series, SHEET_TIMELINE, 0, (lxw_col_t)(1 + i));
		chart_series_set_fill(series, &fill);
	}
	chart_axis_set_num_format(chart->x_axis, "yyyy-mm");
	chart_axis_set_num_format(chart->y_axis, "0");
	chart_legend_set_position(chart, LXW_CHART_LEGEND_BOTTOM);
	il_xlsx_failed(x, worksheet_insert_chart(x->timeline, 1, TIMELINE_CHART_COL, chart));
}

void il_xlsx_write_timeline_sheet(struct il_xlsx *x)
{
	struct sheet s = {.x = x, .ws = x->timeline};
	const struct il_report *r = x->report;
	const char *names[TAGS + 3] = {il_report_word(IL_WORD_MONTH)};

	for (size_t i = 0; i < TAGS; i++)
		names[1 + i] = il_tag_name(TAG(i));
	names[1 + TAGS] = il_report_word(IL_WORD_TOTAL);
	names[2 + TAGS] = il_report_word(IL_WORD_NOTE);
	il_xlsx_put_header(&s, names, IL_ARRAY_LEN(names));
	for (size_t i = 0; i < r->months_len; i++)
		timeline_row(&s, &r->months[i]);
	il_xlsx_set_columns(x, x->timeline, 0, 0, 10);
	il_xlsx_set_columns(x, x->timeline, 1, TAGS + 2, 15);
	worksheet_freeze_panes(x->timeline, 1, 1);
	timeline_chart(x, r->months_len);
	/* The chart stands beside the table, from its second row: on the
	 * first page, whatever the number of months. */
	il_xlsx_print_setup(x, x->timeline, true, 0,
			    s.row > TIMELINE_CHART_ROWS ? s.row : TIMELINE_CHART_ROWS,
			    TIMELINE_CHART_COL + TIMELINE_CHART_COLS);
}
