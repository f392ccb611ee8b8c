/*
 * The calibration packet as an xlsx workbook (libxlsxwriter).  Sheets, in
 * tab order: Summary, Achievements, By org, By project, Timeline.
 *
 * Memory stays flat however many achievements there are: the workbook is
 * written in constant_memory mode, where each row goes to a temporary file
 * as soon as the next one starts.  Every sheet is therefore written
 * strictly top to bottom, and Achievements is written first: the Summary
 * and Timeline formulas need its last row.  It needs no report model, so
 * the model is built meanwhile (il_report_start) and handed over for the
 * other sheets (il_xlsx_finish).
 *
 * Numbers a manager may want to change stay live.  Each Achievements row
 * computes Attributed and Scale factor from its own cells; the Summary
 * totals are SUMPRODUCT over Achievements (units compared with EXACT), the
 * Timeline's counts COUNTIFS, and the medians
 * and the largest scale factor are MEDIAN(IF())/MAX(IF()) array formulas
 * (MAXIFS would need Excel 2019).  Every formula is written with its value
 * cached from the report model or from achievement_facts, so a reader that
 * does not recalculate (openpyxl, a viewer, LibreOffice by default) shows
 * the same numbers as the text report.  By org and By project hold plain
 * numbers from the model: the Orgs cell lists several orgs, which no
 * COUNTIFS can match exactly, and the sheet has no project column.
 *
 * User text only ever goes through worksheet_write_string, so a title such
 * as "=1+1" stays text; formulas refer to user text by cell, never by value.
 *
 * Errors are sticky: the first libxlsxwriter error is kept in struct il_xlsx
 * and later writes are skipped, so every return value is checked without a
 * test after each cell.
 */

#include "report_xlsx.h"

#include "impactlog/format.h"
#include "impactlog/report.h"
#include "impactlog/util.h"

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <threads.h>
#include <time.h>
#include <unistd.h>
#include <xlsxwriter.h>

/* Excel refuses longer cell text. */
#define CELL_TEXT_MAX 32767

/* --- Cells --------------------------------------------------------------- */

bool il_xlsx_failed(struct il_xlsx *x, lxw_error err)
{
	if (err != LXW_NO_ERROR && x->error == LXW_NO_ERROR)
		x->error = err;
	return x->error != LXW_NO_ERROR;
}

/* Writes TEXT as a string, whatever it looks like; empty text writes
 * nothing.  Text longer than Excel takes is cut, marked with "…". */
void il_xlsx_put_text(struct sheet *s, lxw_col_t col, const char *text, lxw_format *format)
{
	size_t keep;
	char *cut;

	if (s->x->error || !text || !*text)
		return;
	/* Characters never outnumber bytes, so most text needs no count. */
	if (strlen(text) <= CELL_TEXT_MAX || il_utf8_length(text, strlen(text)) <= CELL_TEXT_MAX) {
		il_xlsx_failed(s->x, worksheet_write_string(s->ws, s->row, col, text, format));
		return;
	}
	keep = il_utf8_prefix(text, CELL_TEXT_MAX - 1);
	cut = il_xmalloc(keep + sizeof("…"));
	memcpy(cut, text, keep);
	memcpy(cut + keep, "…", sizeof("…"));
	il_xlsx_failed(s->x, worksheet_write_string(s->ws, s->row, col, cut, format));
	free(cut);
}

void il_xlsx_put_number(struct sheet *s, lxw_col_t col, double value, lxw_format *format)
{
	if (!s->x->error)
		il_xlsx_failed(s->x, worksheet_write_number(s->ws, s->row, col, value, format));
}

/* A formula with its value cached, so readers that do not recalculate
 * show the number. */
void il_xlsx_put_formula(struct sheet *s, lxw_col_t col, const char *formula, lxw_format *format,
			 double cached)
{
	if (!s->x->error)
		il_xlsx_failed(s->x, worksheet_write_formula_num(s->ws, s->row, col, formula,
								 format, cached));
}

/* A formula whose cached value is empty text: an Attributed or Scale
 * factor cell of a row that has none. */
void il_xlsx_put_formula_blank(struct sheet *s, lxw_col_t col, const char *formula,
			       lxw_format *format)
{
	if (!s->x->error)
		il_xlsx_failed(
			s->x, worksheet_write_formula_str(s->ws, s->row, col, formula, format, ""));
}

/* A single-cell array formula ({=MEDIAN(IF(...))}) with its value cached. */
void il_xlsx_put_array_formula(struct sheet *s, lxw_col_t col, const char *formula,
			       lxw_format *format, double cached)
{
	if (!s->x->error)
		il_xlsx_failed(s->x,
			       worksheet_write_array_formula_num(s->ws, s->row, col, s->row, col,
								 formula, format, cached));
}

/* YYYY-MM-DD (or YYYY-MM, the first of the month) as a real date.  Excel
 * has no dates before 1900, so older ones stay text. */
void il_xlsx_put_date(struct sheet *s, lxw_col_t col, const char *text, lxw_format *format)
{
	lxw_datetime when = {0};
	size_t len = strlen(text);
	char day[11];
	struct il_date date;

	/* A month is its first day; like "%.10s", once per row, without the
	 * cost of printf. */
	if (len == 7) {
		memcpy(day, text, 7);
		memcpy(day + 7, "-01", sizeof("-01"));
	} else {
		len = len < 10 ? len : 10;
		memcpy(day, text, len);
		day[len] = '\0';
	}
	if (il_parse_date(day, &date) != NULL || date.year < 1900) {
		il_xlsx_put_text(s, col, text, NULL);
		return;
	}
	when.year = date.year;
	when.month = date.month;
	when.day = date.day;
	if (!s->x->error)
		il_xlsx_failed(s->x, worksheet_write_datetime(s->ws, s->row, col, &when, format));
}

void il_xlsx_put_label(struct sheet *s, const char *label, const char *value)
{
	il_xlsx_put_text(s, 0, label, s->x->fmt.label);
	il_xlsx_put_text(s, 1, value, NULL);
	s->row++;
}

void il_xlsx_put_header(struct sheet *s, const char *const *names, size_t count)
{
	for (size_t i = 0; i < count; i++)
		il_xlsx_put_text(s, (lxw_col_t)i, names[i], s->x->fmt.header);
	s->row++;
}

void il_xlsx_set_columns(struct il_xlsx *x, lxw_worksheet *ws, lxw_col_t first, lxw_col_t last,
			 double width)
{
	if (!x->error)
		il_xlsx_failed(x, worksheet_set_column(ws, first, last, width, NULL));
}

/* --- Formats ------------------------------------------------------------- */

static lxw_format *number_format(struct il_xlsx *x, const char *pattern)
{
	lxw_format *format = workbook_add_format(x->workbook);

	if (!format) {
		il_xlsx_failed(x, LXW_ERROR_MEMORY_MALLOC_FAILED);
		return NULL;
	}
	format_set_num_format(format, pattern);
	return format;
}

static void add_formats(struct il_xlsx *x)
{
	struct formats *f = &x->fmt;

	f->title = number_format(x, "General");
	f->section = number_format(x, "General");
	f->header = number_format(x, "General");
	f->label = number_format(x, "General");
	f->muted = number_format(x, "General");
	f->date = number_format(x, "yyyy-mm-dd");
	f->month = number_format(x, "yyyy-mm");
	f->id = number_format(x, "\"#\"0");
	f->count = number_format(x, "#,##0");
	f->decimal = number_format(x, "#,##0.0##");
	for (size_t i = 0; i < IL_ARRAY_LEN(currencies); i++)
		f->currency[i] = number_format(x, currencies[i].format);
	f->percent = number_format(x, "0\"%\"");
	f->percent_decimal = number_format(x, "0.0#\"%\"");
	f->scale = number_format(x, "0.0\"×\"");
	if (x->error)
		return;
	format_set_bold(f->title);
	format_set_font_size(f->title, 14);
	format_set_bold(f->section);
	format_set_font_size(f->section, 12);
	format_set_bold(f->header);
	format_set_bg_color(f->header, 0xDDE4EE);
	format_set_bottom(f->header, LXW_BORDER_THIN);
	format_set_bold(f->label);
	format_set_italic(f->muted);
	format_set_font_color(f->muted, 0x666666);
}

int il_xlsx_currency_index(const char *unit)
{
	for (size_t i = 0; unit && i < IL_ARRAY_LEN(currencies); i++)
		if (strcmp(unit, currencies[i].unit) == 0)
			return (int)i;
	return -1;
}

/* An amount in the currency CURRENCY (from il_xlsx_currency_index; -1 for other
 * units): a currency format for money, else a plain number, with decimals
 * only when it has them. */
lxw_format *il_xlsx_currency_format(const struct il_xlsx *x, int currency, double value)
{
	if (currency >= 0)
		return x->fmt.currency[currency];
	return value == floor(value) ? x->fmt.count : x->fmt.decimal;
}

/* The same for an amount in UNIT. */
lxw_format *il_xlsx_amount_format(const struct il_xlsx *x, const char *unit, double value)
{
	return il_xlsx_currency_format(x, il_xlsx_currency_index(unit), value);
}

lxw_format *il_xlsx_percent_format(const struct il_xlsx *x, double value)
{
	return value == floor(value) ? x->fmt.percent : x->fmt.percent_decimal;
}

/* --- Formula pieces ------------------------------------------------------ */

/* "Achievements!$K$2:$K$<last row>": one column of every achievement.
 * Two cells joined, not lxw_rowcol_to_formula_abs: that writes the range
 * of a sheet with one row or none as one cell, "$K$2". */
const char *il_xlsx_achievements_range(const struct il_xlsx *x, enum column col, char out[48])
{
	char first[LXW_MAX_CELL_NAME_LENGTH], last[LXW_MAX_CELL_NAME_LENGTH];

	lxw_rowcol_to_cell_abs(first, 1, (lxw_col_t)col, LXW_TRUE, LXW_TRUE);
	lxw_rowcol_to_cell_abs(last, x->last_row - 1, (lxw_col_t)col, LXW_TRUE, LXW_TRUE);
	snprintf(out, 48, "Achievements!%s:%s", first, last);
	return out;
}

/* SUMPRODUCT's operands for the Achievements rows of tag TAG whose unit is
 * exactly UNIT (each a cell, or a quoted literal of ours): two arrays of
 * 1s and 0s.  EXACT, where a SUMIFS criterion would ignore case ("USD" and
 * "usd" are two units, as the report groups them) and read "*", "?", "~"
 * and a leading ">" as more than text.  A blank UNIT matches the rows
 * without a unit. */
const char *il_xlsx_rows_of(const struct il_xlsx *x, const char *tag, const char *unit, char *out,
			    size_t size)
{
	char tag_range[48], unit_range[48];

	snprintf(out, size, "--(%s=%s),--EXACT(%s,%s)",
		 il_xlsx_achievements_range(x, COL_TAG, tag_range), tag,
		 il_xlsx_achievements_range(x, COL_UNIT, unit_range), unit);
	return out;
}

/* --- By org, By project -------------------------------------------------- */

/* Attributed amounts get one column per unit, in the order of the totals
 * (tag, then size); past UNIT_COLUMNS_MAX units the rest share one text
 * column, so that no amount is left out. */
#define UNIT_COLUMNS_MAX 24
#define GROUP_FIRST_UNIT 5 /* name, count and the three tags come first */

struct unit_columns {
	const char *units[UNIT_COLUMNS_MAX];
	size_t len;
	bool other; /* some amount is in none of the units above */
};

struct group_sheet {
	lxw_worksheet *ws;
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

static void group_header(struct sheet *s, const struct group_sheet *g, const struct unit_columns *u)
{
	const char *list[GROUP_FIRST_UNIT + UNIT_COLUMNS_MAX + 1] = {
		g->first, "Achievements", "prevented-loss", "enabled-scale", "user-growth"};
	char names[UNIT_COLUMNS_MAX][80];
	size_t count = GROUP_FIRST_UNIT;

	for (size_t i = 0; i < u->len; i++) {
		const char *unit = *u->units[i] ? u->units[i] : "no unit";

		snprintf(names[i], sizeof(names[i]), "Attributed (%.*s)",
			 (int)il_utf8_prefix(unit, 40), unit);
		list[count++] = names[i];
	}
	if (u->other)
		list[count++] = "Attributed (other units)";
	il_xlsx_put_header(s, list, count);
}

static void group_row(struct sheet *s, const struct il_report_group *group,
		      const struct unit_columns *u, const char *unnamed)
{
	struct il_buf other = {0};

	il_xlsx_put_text(s, 0, *group->name ? group->name : unnamed,
			 *group->name ? NULL : s->x->fmt.muted);
	il_xlsx_put_number(s, 1, (double)group->count, s->x->fmt.count);
	for (size_t i = 0; i < IL_ARRAY_LEN(tags); i++)
		il_xlsx_put_number(s, (lxw_col_t)(2 + i), (double)group->by_tag[tags[i]],
				   s->x->fmt.count);
	for (size_t a = 0; a < group->attributed_len; a++) {
		const struct il_report_amount *amount = &group->attributed[a];
		int col = unit_column(u, amount->unit);
		char text[96];

		if (col >= 0) {
			il_xlsx_put_number(
				s, (lxw_col_t)(GROUP_FIRST_UNIT + col), amount->value,
				il_xlsx_amount_format(s->x, amount->unit, amount->value));
			continue;
		}
		il_format_amount(amount->value, amount->unit, text, sizeof(text));
		il_buf_printf(&other, "%s%s", other.len ? ", " : "", text);
	}
	il_xlsx_put_text(s, group_last_col(u), il_buf_str(&other), NULL);
	il_buf_free(&other);
	s->row++;
}

/* Plain numbers from the model, one row per group. */
static void write_groups(struct il_xlsx *x, const struct group_sheet *g)
{
	struct sheet s = {.x = x, .ws = g->ws};
	struct unit_columns units = {0};

	collect_units(x->report, g, &units);
	/* In constant_memory mode a range must be set before its rows are
	 * behind us. */
	if (!x->error && g->len > 0)
		il_xlsx_failed(x, worksheet_autofilter(g->ws, 0, 0, (lxw_row_t)g->len,
						       group_last_col(&units)));
	group_header(&s, g, &units);
	for (size_t i = 0; i < g->len; i++)
		group_row(&s, &g->groups[i], &units, g->unnamed);
	s.row++;
	il_xlsx_put_text(&s, 0, g->note, x->fmt.muted);
	il_xlsx_set_columns(x, g->ws, 0, 0, 30);
	il_xlsx_set_columns(x, g->ws, 1, GROUP_FIRST_UNIT - 1, 14);
	if (units.len + units.other > 0)
		il_xlsx_set_columns(x, g->ws, GROUP_FIRST_UNIT, group_last_col(&units), 20);
	worksheet_freeze_panes(g->ws, 1, 1);
}

static void write_by_org_and_project(struct il_xlsx *x)
{
	const struct il_report_breadth *b = &x->report->breadth;
	const struct group_sheet orgs = {
		.ws = x->by_org,
		.first = "Org",
		.unnamed = "(no org)",
		.note = "Numbers from the report, not formulas. An achievement counts once in "
			"every org it touches, so the counts may add up to more than the total.",
		.groups = b->orgs,
		.len = b->orgs_len,
	};
	const struct group_sheet projects = {
		.ws = x->by_project,
		.first = "Project",
		.unnamed = "(no project)",
		.note = "Numbers from the report, not formulas.",
		.groups = b->projects,
		.len = b->projects_len,
	};

	write_groups(x, &orgs);
	write_groups(x, &projects);
}

/* --- Timeline ------------------------------------------------------------ */

static void timeline_row(struct sheet *s, const struct il_report_month *m)
{
	char formula[384], tag_range[48], date_range[48];
	unsigned row = (unsigned)s->row + 1;
	bool dated = atoi(m->month) >= 1900;

	il_xlsx_achievements_range(s->x, COL_TAG, tag_range);
	il_xlsx_achievements_range(s->x, COL_DATE, date_range);
	il_xlsx_put_date(s, 0, m->month, s->x->fmt.month);
	for (size_t i = 0; i < IL_ARRAY_LEN(tags); i++) {
		lxw_col_t col = (lxw_col_t)(1 + i);
		double cached = (double)m->by_tag[tags[i]];

		/* Months before 1900 are text, which no date criterion matches. */
		if (!dated) {
			il_xlsx_put_number(s, col, cached, s->x->fmt.count);
			continue;
		}
		snprintf(formula, sizeof(formula),
			 "=COUNTIFS(%s,%c$1,%s,\">=\"&$A%u,%s,\"<\"&DATE(YEAR($A%u),MONTH($A%u)+1,"
			 "1))",
			 tag_range, 'B' + (int)i, date_range, row, date_range, row, row);
		il_xlsx_put_formula(s, col, formula, s->x->fmt.count, cached);
	}
	snprintf(formula, sizeof(formula), "=SUM(B%u:D%u)", row, row);
	il_xlsx_put_formula(s, 4, formula, s->x->fmt.count, (double)m->total);
	if (m->total == 0)
		il_xlsx_put_text(s, 5, m->future ? "not yet" : "nothing logged", s->x->fmt.muted);
	s->row++;
}

/* Achievements per month, stacked by tag. */
static void timeline_chart(struct il_xlsx *x, size_t months)
{
	lxw_chart *chart =
		il_xlsx_add_chart(x, LXW_CHART_COLUMN_STACKED, "Achievements per month by tag");
	lxw_row_t last = months ? (lxw_row_t)months : 1;

	if (!chart)
		return;
	for (size_t i = 0; i < IL_ARRAY_LEN(tags); i++) {
		lxw_chart_series *series = chart_add_series(chart, NULL, NULL);
		lxw_chart_fill fill = {.color = tag_colors[tags[i]]};

		if (!series) {
			il_xlsx_failed(x, LXW_ERROR_MEMORY_MALLOC_FAILED);
			return;
		}
		chart_series_set_categories(series, "Timeline", 1, 0, last, 0);
		chart_series_set_values(series, "Timeline", 1, (lxw_col_t)(1 + i), last,
					(lxw_col_t)(1 + i));
		chart_series_set_name_range(series, "Timeline", 0, (lxw_col_t)(1 + i));
		chart_series_set_fill(series, &fill);
	}
	chart_axis_set_num_format(chart->x_axis, "yyyy-mm");
	chart_axis_set_num_format(chart->y_axis, "0");
	chart_legend_set_position(chart, LXW_CHART_LEGEND_BOTTOM);
	il_xlsx_failed(x, worksheet_insert_chart(x->timeline, 1, 7, chart));
}

static void write_timeline(struct il_xlsx *x)
{
	struct sheet s = {.x = x, .ws = x->timeline};
	const struct il_report *r = x->report;
	static const char *const names[] = {"Month",	   "prevented-loss", "enabled-scale",
					    "user-growth", "Total",	     "Note"};

	il_xlsx_put_header(&s, names, IL_ARRAY_LEN(names));
	for (size_t i = 0; i < r->months_len; i++)
		timeline_row(&s, &r->months[i]);
	il_xlsx_set_columns(x, x->timeline, 0, 0, 10);
	il_xlsx_set_columns(x, x->timeline, 1, 5, 15);
	worksheet_freeze_panes(x->timeline, 1, 1);
	timeline_chart(x, r->months_len);
}

/* --- Workbook ------------------------------------------------------------ */

/* libxlsxwriter prints its own "[ERROR] ..." lines on stderr before it
 * returns an error; impactlog says what failed in one line of its own.
 * So stderr points at /dev/null while the library creates and assembles
 * files, and nowhere else, so that our own messages still show. */
static int quiet_stderr(void)
{
	int saved, null;

	fflush(stderr);
	saved = fcntl(STDERR_FILENO, F_DUPFD_CLOEXEC, 3);
	null = open("/dev/null", O_WRONLY | O_CLOEXEC);
	if (saved >= 0 && null >= 0 && dup2(null, STDERR_FILENO) < 0) {
		close(saved);
		saved = -1;
	}
	if (null >= 0)
		close(null);
	return saved;
}

static void restore_stderr(int saved)
{
	if (saved < 0)
		return;
	dup2(saved, STDERR_FILENO);
	close(saved);
}

static lxw_worksheet *add_sheet(struct il_xlsx *x, const char *name)
{
	lxw_worksheet *ws = x->error ? NULL : workbook_add_worksheet(x->workbook, name);

	/* In constant_memory mode a sheet fails when its temporary file does. */
	if (!ws)
		il_xlsx_failed(x, LXW_ERROR_CREATING_TMPFILE);
	return ws;
}

lxw_chart *il_xlsx_add_chart(struct il_xlsx *x, uint8_t type, const char *title)
{
	lxw_chart *chart = workbook_add_chart(x->workbook, type);

	if (!chart) {
		il_xlsx_failed(x, LXW_ERROR_MEMORY_MALLOC_FAILED);
		return NULL;
	}
	chart_title_set_name(chart, title);
	return chart;
}

static int open_workbook(struct il_xlsx *x, const char *path)
{
	lxw_workbook_options options = {.constant_memory = LXW_TRUE};
	int saved = quiet_stderr();

	x->workbook = workbook_new_opt(path, &options);
	if (!x->workbook) {
		restore_stderr(saved);
		il_xlsx_failed(x, LXW_ERROR_MEMORY_MALLOC_FAILED);
		return -1;
	}
	/* Tab order; the rows are written in another order (see the top). */
	x->summary = add_sheet(x, "Summary");
	x->achievements = add_sheet(x, "Achievements");
	x->by_org = add_sheet(x, "By org");
	x->by_project = add_sheet(x, "By project");
	x->timeline = add_sheet(x, "Timeline");
	restore_stderr(saved);
	add_formats(x);
	return x->error ? -1 : 0;
}

static void set_properties(struct il_xlsx *x)
{
	const struct il_report *r = x->report;
	struct il_buf title = {0};
	lxw_doc_properties properties = {0};

	il_buf_puts(&title, "Calibration packet");
	if (*r->profile.name)
		il_buf_printf(&title, ": %s", r->profile.name);
	il_buf_printf(&title, ", %s", r->period);
	properties.title = title.data;
	properties.subject = "Achievements and their attributed value";
	properties.author = r->profile.name;
	properties.manager = r->profile.manager;
	properties.comments = "Generated by impactlog";
	/* SOURCE_DATE_EPOCH, when set, makes the file reproducible. */
	properties.created = (time_t)il_now();
	il_xlsx_failed(x, workbook_set_properties(x->workbook, &properties));
	il_buf_free(&title);
}

static int close_workbook(struct il_xlsx *x)
{
	int saved = quiet_stderr();
	lxw_error err = workbook_close(x->workbook);

	restore_stderr(saved);
	x->workbook = NULL;
	return il_xlsx_failed(x, err) ? -1 : 0;
}

/* The message for the first libxlsxwriter error; a database error has
 * had its own. */
static int report_error(const struct il_xlsx *x)
{
	if (x->error)
		il_error("cannot write '%s': %s", x->name, lxw_strerror(x->error));
	return -1;
}

int il_xlsx_open(struct il_xlsx **out, const char *path, const char *name, bool redact)
{
	struct il_xlsx *x = il_xmalloc(sizeof(*x));

	*x = (struct il_xlsx){.name = il_xstrdup(name), .redact = redact};
	*out = x;
	return open_workbook(x, path) < 0 ? report_error(x) : 0;
}

int il_xlsx_write_achievements(struct il_xlsx *x, struct il_db *db)
{
	return il_xlsx_write_achievements_sheet(x, db) < 0 ? report_error(x) : 0;
}

int il_xlsx_finish(struct il_xlsx *x, const struct il_report *report)
{
	x->report = report;
	set_properties(x);
	il_xlsx_write_summary_sheet(x);
	write_by_org_and_project(x);
	write_timeline(x);
	if (x->error || close_workbook(x) < 0)
		return report_error(x);
	return 0;
}

void il_xlsx_free(struct il_xlsx *x)
{
	if (!x)
		return;
	/* After a failure the workbook is freed unwritten; the caller removes
	 * the file. */
	if (x->workbook)
		lxw_workbook_free(x->workbook);
	free(x->name);
	free(x);
}
