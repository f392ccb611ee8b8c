/*
 * The Achievements sheet: every achievement of the period, one row each,
 * from xlsx_achievements.sql, with the Attributed and Scale factor
 * formulas of its own row.  The workbook writes it first (see
 * report_xlsx.c), while a second thread builds the report model.
 */

#include "report_xlsx.h"

#include "impactlog/report.h"
#include "impactlog/util.h"

#include <stdlib.h>
#include <string.h>
#include <xlsxwriter.h>

/* The Achievements headers and widths, in enum column order.  The
 * specification fixes the headers, by which readers of the workbook find
 * a column: they are names, not report words. */
static const struct {
	const char *header;
	double width;
} columns[COL_COUNT] = {
	{"ID", 7},
	{"Date", 11},
	{"Tag", 15},
	{"Title", 48},
	{"Value", 14},
	{"Unit", 9},
	{"Baseline", 13},
	{"Share %", 9},
	{"Team size", 10},
	{"Likelihood %", 13},
	{"Attributed", 14},
	{"Scale factor", 12},
	{"Lead days", 10},
	{"Confidence", 11},
	{"Orgs", 24},
	{"Evidence", 32},
	{"Witnesses", 22},
	{"Note", 60},
	{"Project", 24},
	{"Org count", 10},
	{"Evidence count", 10},
	{"Witness count", 10},
};

/* ROW is xlsx_achievements.sql stepped to a row; COL, one of its columns. */
static bool is_null(sqlite3_stmt *row, enum column col)
{
	return sqlite3_column_type(row, col) == SQLITE_NULL;
}

static double column_double(sqlite3_stmt *row, enum column col)
{
	return sqlite3_column_double(row, col);
}

/* A NULL column reads as "". */
static const char *column_text(sqlite3_stmt *row, enum column col)
{
	return il_column_text(row, col);
}

/* Witnesses come joined with char(31); the cell joins them with "; ",
 * reduced to initials when redacting. */
static void put_witnesses(struct sheet *s, const char *witnesses)
{
	struct il_buf cell = {0};
	const char *p = witnesses;

	/* One name, shown whole: the cell is the name itself. */
	if (!s->x->redact && !strchr(witnesses, '\x1f')) {
		il_xlsx_put_text(s, COL_WITNESSES, witnesses, NULL);
		return;
	}
	while (*p) {
		size_t len = strcspn(p, "\x1f");

		if (cell.len)
			il_buf_puts(&cell, "; ");
		if (s->x->redact) {
			char *name = il_xstrndup(p, len);

			il_report_initials(name, &cell);
			free(name);
		} else {
			il_buf_append(&cell, p, len);
		}
		p += len + (p[len] != '\0');
	}
	il_xlsx_put_text(s, COL_WITNESSES, il_buf_str(&cell), NULL);
	il_buf_free(&cell);
}

/* TEMPLATE with every '#' replaced by ROW, into OUT (SIZE bytes, room for
 * the template with seven digits per '#'): a formula of one Achievements
 * row, two per row, which showed in the profile when made with printf. */
static const char *row_formula(char *out, size_t size, const char *template, unsigned row)
{
	char digits[12];
	size_t ndigits = 0, at = 0;

	do
		digits[ndigits++] = (char)('0' + row % 10);
	while ((row /= 10) > 0);
	for (const char *t = template; *t && at + ndigits < size; t++) {
		if (*t != '#') {
			out[at++] = *t;
			continue;
		}
		for (size_t i = ndigits; i > 0; i--)
			out[at++] = digits[i - 1];
	}
	out[at] = '\0';
	return out;
}

/* Attributed = Value × Share/100, and for prevented-loss × Likelihood/100
 * with a blank likelihood read as 100: the achievement_facts definition,
 * in the same order of operations, so Excel's result matches the cached
 * one to the last bit (× 1 changes no bit).  The tag is read from the row,
 * so that a manager who edits it sees the likelihood count or not.  A row
 * without a value has no attributed value. */
static void put_attributed(struct sheet *s, sqlite3_stmt *row, int currency)
{
	char formula[192];

	row_formula(formula, sizeof(formula),
		    "=IF(E#=\"\",\"\",E#*H#/100*IF(C#=\"prevented-loss\","
		    "IF(J#=\"\",100,J#)/100,1))",
		    (unsigned)s->row + 1);
	if (is_null(row, COL_ATTRIBUTED)) {
		il_xlsx_put_formula_blank(s, COL_ATTRIBUTED, formula,
					  il_xlsx_currency_format(s->x, currency, 0));
	} else {
		double attributed = column_double(row, COL_ATTRIBUTED);

		il_xlsx_put_formula(s, COL_ATTRIBUTED, formula,
				    il_xlsx_currency_format(s->x, currency, attributed),
				    attributed);
	}
}

/* Scale factor = Value / Baseline when both are set and Baseline > 0. */
static void put_scale_factor(struct sheet *s, sqlite3_stmt *row)
{
	char formula[96];

	row_formula(formula, sizeof(formula), "=IF(AND(E#<>\"\",G#>0),E#/G#,\"\")",
		    (unsigned)s->row + 1);
	if (is_null(row, COL_SCALE_FACTOR))
		il_xlsx_put_formula_blank(s, COL_SCALE_FACTOR, formula, s->x->fmt.scale);
	else
		il_xlsx_put_formula(s, COL_SCALE_FACTOR, formula, s->x->fmt.scale,
				    column_double(row, COL_SCALE_FACTOR));
}

static void put_optional_number(struct sheet *s, sqlite3_stmt *row, enum column col,
				lxw_format *format)
{
	if (!is_null(row, col))
		il_xlsx_put_number(s, col, column_double(row, col), format);
}

static void put_achievement(struct sheet *s, sqlite3_stmt *row)
{
	const char *unit = is_null(row, COL_UNIT) ? "" : column_text(row, COL_UNIT);
	const char *tag = column_text(row, COL_TAG);
	double share = column_double(row, COL_SHARE);
	int currency = il_currency_index(unit);

	il_xlsx_put_number(s, COL_ID, column_double(row, COL_ID), s->x->fmt.id);
	il_xlsx_put_date(s, COL_DATE, column_text(row, COL_DATE), s->x->fmt.date);
	il_xlsx_put_text(s, COL_TAG, tag, NULL);
	il_xlsx_put_text(s, COL_TITLE, column_text(row, COL_TITLE), NULL);
	put_optional_number(s, row, COL_VALUE,
			    il_xlsx_currency_format(s->x, currency, column_double(row, COL_VALUE)));
	il_xlsx_put_text(s, COL_UNIT, unit, NULL);
	put_optional_number(
		s, row, COL_BASELINE,
		il_xlsx_currency_format(s->x, currency, column_double(row, COL_BASELINE)));
	il_xlsx_put_number(s, COL_SHARE, share, il_xlsx_percent_format(s->x, share));
	il_xlsx_put_number(s, COL_TEAM_SIZE, column_double(row, COL_TEAM_SIZE), s->x->fmt.count);
	put_optional_number(s, row, COL_LIKELIHOOD,
			    il_xlsx_percent_format(s->x, column_double(row, COL_LIKELIHOOD)));
	put_attributed(s, row, currency);
	put_scale_factor(s, row);
	put_optional_number(s, row, COL_LEAD_DAYS, s->x->fmt.count);
	il_xlsx_put_text(s, COL_CONFIDENCE, column_text(row, COL_CONFIDENCE), NULL);
	il_xlsx_put_text(s, COL_ORGS, column_text(row, COL_ORGS), NULL);
	/* The query leaves evidence and notes out when redacting; the test
	 * here keeps them out even if it did not. */
	if (!s->x->redact)
		il_xlsx_put_text(s, COL_EVIDENCE, column_text(row, COL_EVIDENCE), NULL);
	put_witnesses(s, column_text(row, COL_WITNESSES));
	if (!s->x->redact)
		il_xlsx_put_text(s, COL_NOTE, column_text(row, COL_NOTE), NULL);
	il_xlsx_put_text(s, COL_PROJECT, column_text(row, COL_PROJECT), NULL);
	for (enum column col = COL_ORG_COUNT; col <= COL_WITNESS_COUNT; col++)
		il_xlsx_put_number(s, col, column_double(row, col), s->x->fmt.count);
	if (sqlite3_column_count(row) > COL_PERSON)
		il_xlsx_put_text(s, COL_PERSON, column_text(row, COL_PERSON), NULL);
	if (sqlite3_column_count(row) > COL_TEAM_ID && s->x->row_of) {
		int64_t id = sqlite3_column_int64(row, COL_TEAM_ID);

		if (id >= 0 && (size_t)id < s->x->row_of_len)
			s->x->row_of[id] = s->row;
	}
}

/* The header row, frozen.  The autofilter waits for the last row (see
 * il_xlsx_write_achievements_sheet). */
static void start_achievements(struct sheet *s, int count)
{
	const char *names[COL_PERSON + 1];

	for (int col = 0; col < count; col++) {
		names[col] = col == COL_PERSON ? "Person" : columns[col].header;
		il_xlsx_set_columns(s->x, s->ws, (lxw_col_t)col, (lxw_col_t)col,
				    col == COL_PERSON ? 24 : columns[col].width);
	}
	worksheet_freeze_panes(s->ws, 1, 0);
	il_xlsx_put_header(s, names, (size_t)count);
}

int il_xlsx_write_achievements_sheet(struct il_xlsx *x, struct il_db *db)
{
	return il_xlsx_write_achievement_rows(x, db, "xlsx_achievements.sql");
}

int il_xlsx_write_achievement_rows(struct il_xlsx *x, struct il_db *db, const char *query)
{
	struct sheet s = {.x = x, .ws = x->achievements};
	sqlite3_stmt *stmt;
	int rc = SQLITE_DONE, count;

	if (!(stmt = il_report_prepare(db, query)) || il_bind_int(db, stmt, 1, x->redact) < 0) {
		sqlite3_finalize(stmt);
		return -1;
	}
	count = sqlite3_column_count(stmt) > COL_PERSON ? COL_PERSON + 1 : COL_COUNT;
	x->last_col = (lxw_col_t)(count - 1);
	start_achievements(&s, count);
	while (!x->error && (rc = il_db_step(db, stmt)) == SQLITE_ROW) {
		put_achievement(&s, stmt);
		s.row++;
	}
	sqlite3_finalize(stmt);
	if (!x->error && rc < 0)
		return -1;
	/* In constant_memory mode a range must not end on a row already
	 * behind us; the last row is still the current one. */
	if (!x->error)
		il_xlsx_failed(x, worksheet_autofilter(s.ws, 0, 0, s.row > 1 ? s.row - 1 : 1,
						       x->last_col));
	/* Formulas need a range of two rows at least, even with one
	 * achievement or none: Gnumeric's SUMPRODUCT takes a range of one
	 * cell for one value, which an empty cell makes #VALUE!.  The rows
	 * below the last are empty, and match no tag and no ID. */
	x->last_row = s.row > 2 ? s.row : 3;
	return 0;
}

/* Landscape, one page wide: twenty-two columns.  Called once the report
 * model, which the footer names, is there. */
void il_xlsx_print_achievements(struct il_xlsx *x)
{
	il_xlsx_print_setup(x, x->achievements, true, 0, x->last_row - 1, x->last_col);
}
