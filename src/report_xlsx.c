/*
 * The calibration packet as an xlsx workbook (libxlsxwriter).  Sheets, in
 * tab order: Summary, Achievements, By org, By project, Timeline.
 *
 * This file holds the workbook itself: opening and closing it, its errors
 * and formats, the cells and formula pieces that every sheet writes with
 * (declared in report_xlsx.h), and the steps of impactlog/report.h.  The
 * sheets are written in report_xlsx_achievements.c, report_xlsx_summary.c
 * and report_xlsx_groups.c (By org, By project and Timeline).
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

#include "report_model.h"
#include "report_xlsx.h"

#include "impactlog/report.h"
#include "impactlog/util.h"

#include <fcntl.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
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
	x->summary = add_sheet(x, SHEET_SUMMARY);
	x->achievements = add_sheet(x, SHEET_ACHIEVEMENTS);
	x->by_org = add_sheet(x, SHEET_BY_ORG);
	x->by_project = add_sheet(x, SHEET_BY_PROJECT);
	x->timeline = add_sheet(x, SHEET_TIMELINE);
	restore_stderr(saved);
	add_formats(x);
	return x->error ? -1 : 0;
}

static void set_properties(struct il_xlsx *x)
{
	const struct il_report *r = x->report;
	struct il_buf title = {0};
	lxw_doc_properties properties = {0};

	il_report_packet_title(r, &title);
	properties.title = title.data;
	/* workbook_set_properties copies the fields, and writes none. */
	properties.subject = (char *)il_report_word(IL_WORD_PACKET_SUBJECT);
	properties.author = r->profile.name;
	properties.manager = r->profile.manager;
	properties.comments = (char *)il_report_word(IL_WORD_GENERATED_BY);
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

static int xlsx_open(struct il_xlsx **out, const char *path, const char *name, bool redact)
{
	struct il_xlsx *x = il_xmalloc(sizeof(*x));

	*x = (struct il_xlsx){.name = il_xstrdup(name), .redact = redact};
	*out = x;
	return open_workbook(x, path) < 0 ? report_error(x) : 0;
}

static int xlsx_finish(struct il_xlsx *x, const struct il_report *report)
{
	x->report = report;
	set_properties(x);
	il_xlsx_write_summary_sheet(x);
	il_xlsx_write_group_sheets(x);
	il_xlsx_write_timeline_sheet(x);
	if (x->error || close_workbook(x) < 0)
		return report_error(x);
	return 0;
}

static void xlsx_free(struct il_xlsx *x)
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

/* The Achievements sheet needs no report model: the model is built in a
 * second thread meanwhile (see report_job.c).  The workbook is opened
 * before that thread starts, because opening it silences stderr for a
 * moment (libxlsxwriter prints its own errors), which must not swallow a
 * message of the thread's; it is closed after the thread has ended, for
 * the same reason. */
int il_report_xlsx(struct il_db *db, const struct il_report_options *options, const char *path,
		   const char *name)
{
	struct il_report_job *job = NULL;
	struct il_report report = {0};
	struct il_xlsx *x = NULL;
	int rc;

	rc = xlsx_open(&x, path, name, options->redact);
	if (rc == 0)
		rc = il_report_start(db, options->filter, options->redact, options->now,
				     IL_REPORT_WHOLE, &job);
	if (rc == 0 && il_xlsx_write_achievements_sheet(x, db) < 0)
		rc = report_error(x);
	/* The job always runs to its end: it shares nothing it could stop on. */
	if (job && rc == 0)
		rc = il_report_finish(job, db, &report);
	else if (job)
		il_report_abandon(job);
	if (rc == 0)
		rc = xlsx_finish(x, &report);
	xlsx_free(x);
	il_report_free(&report);
	return rc;
}
