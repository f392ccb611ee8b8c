/* The cells, formats and formula pieces every sheet of the workbook writes
 * with (declared in report_xlsx.h).  Errors are sticky: a write after the
 * first libxlsxwriter error is skipped, and the error stays in X->error. */

#include "report_xlsx.h"

#include "impactlog/format.h"
#include "impactlog/util.h"

#include <math.h>
#include <stdio.h>
#include <string.h>
#include <xlsxwriter.h>

/* --- Cells --------------------------------------------------------------- */

/* Excel refuses longer cell text. */
#define CELL_TEXT_MAX 32767

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

void il_xlsx_add_formats(struct il_xlsx *x)
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
	for (size_t i = 0; i < IL_CURRENCIES; i++)
		f->currency[i] = number_format(x, il_currencies[i].number_format);
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

/* An amount in the currency CURRENCY (from il_currency_index; -1
 * for other units): a currency format for money, else a plain number,
 * with decimals only when it has them. */
lxw_format *il_xlsx_currency_format(const struct il_xlsx *x, int currency, double value)
{
	if (currency >= 0)
		return x->fmt.currency[currency];
	return value == floor(value) ? x->fmt.count : x->fmt.decimal;
}

/* The same for an amount in UNIT. */
lxw_format *il_xlsx_amount_format(const struct il_xlsx *x, const char *unit, double value)
{
	return il_xlsx_currency_format(x, il_currency_index(unit), value);
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
	snprintf(out, 48, SHEET_ACHIEVEMENTS "!%s:%s", first, last);
	return out;
}

/* SUMPRODUCT's operands for the Achievements rows of tag TAG whose unit is
 * UNIT (each a cell, or a quoted literal of ours): two arrays of 1s and
 * 0s.  "=" compares text without case, as a unit is one unit whatever its
 * case, and never reads "*", "?", "~" or a leading ">" as more than text,
 * as a SUMIFS criterion would.  Not EXACT: Gnumeric computes a text
 * function over a range inside SUMPRODUCT as #VALUE!.  A blank UNIT
 * matches the rows without a unit. */
const char *il_xlsx_rows_of(const struct il_xlsx *x, const char *tag, const char *unit, char *out,
			    size_t size)
{
	char tag_range[48], unit_range[48];

	snprintf(out, size, "--(%s=%s),--(%s=%s)",
		 il_xlsx_achievements_range(x, COL_TAG, tag_range), tag,
		 il_xlsx_achievements_range(x, COL_UNIT, unit_range), unit);
	return out;
}
