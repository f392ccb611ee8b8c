/* The cells, formats and formula pieces every sheet of the workbook writes
 * with (declared in report_xlsx.h).  Errors are sticky: a write after the
 * first libxlsxwriter error is skipped, and the error stays in X->error. */

#include "report_xlsx.h"

#include "impactlog/format.h"
#include "impactlog/report.h"
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

/* A formula whose value is text, cached as CACHED: "met". */
void il_xlsx_put_formula_text(struct sheet *s, lxw_col_t col, const char *formula,
			      lxw_format *format, const char *cached)
{
	if (!s->x->error)
		il_xlsx_failed(s->x, worksheet_write_formula_str(s->ws, s->row, col, formula,
								 format, cached));
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

/* --- Printing ----------------------------------------------------------- */

/* Appends TEXT to OUT with each "&" doubled: in a footer "&" starts a
 * code ("&P", the page), and user text must not. */
static void footer_text(struct il_buf *out, const char *text)
{
	for (const char *p = text; *p; p++)
		il_buf_append(out, *p == '&' ? "&&" : p, *p == '&' ? 2 : 1);
}

/* Every sheet prints one page wide, its header rows (0 to REPEAT_TO, or
 * none for -1) on every page, the cells from A1 to LAST_ROW, LAST_COL
 * only, the sheet's name at the top and a footer: the person, the
 * period, "Page 2 of 5". */
void il_xlsx_print_setup(struct il_xlsx *x, lxw_worksheet *ws, bool landscape, int repeat_to,
			 lxw_row_t last_row, lxw_col_t last_col)
{
	const struct il_report *r = x->report;
	struct il_buf footer = {0};
	/* Excel takes a footer of 255 characters; the name and the period are
	 * cut to fit, even with every "&" doubled. */
	char *name = il_xstrndup(r->profile.name, il_utf8_prefix(r->profile.name, 45));
	char *period = il_xstrndup(r->period, il_utf8_prefix(r->period, 70));

	if (x->error)
		goto done;
	if (landscape)
		worksheet_set_landscape(ws);
	worksheet_fit_to_pages(ws, 1, 0);
	worksheet_set_margins(ws, 0.5, 0.5, 0.6, 0.7);
	if (repeat_to >= 0)
		il_xlsx_failed(x, worksheet_repeat_rows(ws, 0, (lxw_row_t)repeat_to));
	il_xlsx_failed(x, worksheet_print_area(ws, 0, 0, last_row, last_col));
	il_buf_puts(&footer, "&L");
	footer_text(&footer, name);
	il_buf_puts(&footer, "&C");
	footer_text(&footer, period);
	il_buf_puts(&footer, "&R");
	il_buf_puts(&footer, il_report_word(IL_WORD_PAGE_SHEET));
	if (!x->error)
		il_xlsx_failed(x, worksheet_set_footer(ws, il_buf_str(&footer)));
	if (!x->error)
		il_xlsx_failed(x, worksheet_set_header(ws, "&L&A"));
done:
	il_buf_free(&footer);
	free(name);
	free(period);
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
	f->decimal = number_format(x, "#,##0.0#####");
	for (size_t i = 0; i < IL_CURRENCIES; i++) {
		char cents[64];

		f->currency[i] = number_format(x, il_currencies[i].number_format);
		snprintf(cents, sizeof(cents), "%s.00##", il_currencies[i].number_format);
		f->currency_cents[i] = number_format(x, cents);
	}
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
 * with decimals only when it has them: $0.50, never $1.  il_currencies
 * holds the whole-number pattern, "$#,##0"; cents follow it. */
lxw_format *il_xlsx_currency_format(const struct il_xlsx *x, int currency, double value)
{
	bool whole = value == floor(value);

	if (currency >= 0)
		return whole ? x->fmt.currency[currency] : x->fmt.currency_cents[currency];
	return whole ? x->fmt.count : x->fmt.decimal;
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

/* A cell's name, "B7", with a "$" before the row and the column as asked:
 * "B$1", "$A7". */
const char *il_xlsx_cell(lxw_row_t row, lxw_col_t col, bool abs_row, bool abs_col,
			 char out[LXW_MAX_CELL_NAME_LENGTH])
{
	lxw_rowcol_to_cell_abs(out, row, col, abs_row, abs_col);
	return out;
}

/* "'By org'!$B$3:$B$9": rows FIRST to LAST (0-based) of column COL of
 * SHEET, one of ours.  Two cells joined, not lxw_rowcol_to_formula_abs:
 * that writes a range of one row as one cell, "$B$3", which a formula
 * over a range of a sheet with one row would then not be. */
const char *il_xlsx_range(const char *sheet, lxw_row_t first, lxw_row_t last, lxw_col_t col,
			  char *out, size_t size)
{
	char from[LXW_MAX_CELL_NAME_LENGTH], to[LXW_MAX_CELL_NAME_LENGTH];
	bool quote = strchr(sheet, ' ') != NULL;

	lxw_rowcol_to_cell_abs(from, first, col, LXW_TRUE, LXW_TRUE);
	lxw_rowcol_to_cell_abs(to, last < first ? first : last, col, LXW_TRUE, LXW_TRUE);
	snprintf(out, size, "%s%s%s!%s:%s", quote ? "'" : "", sheet, quote ? "'" : "", from, to);
	return out;
}

/* "Achievements!$K$2:$K$<last row>": one column of every achievement. */
const char *il_xlsx_achievements_range(const struct il_xlsx *x, enum column col, char out[48])
{
	return il_xlsx_range(SHEET_ACHIEVEMENTS, 1, x->last_row - 1, (lxw_col_t)col, out, 48);
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
