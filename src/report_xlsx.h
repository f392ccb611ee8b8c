#ifndef IMPACTLOG_REPORT_XLSX_H
#define IMPACTLOG_REPORT_XLSX_H

/*
 * The xlsx workbook's internals, shared by its own files and the team
 * workbook (team_xlsx.c), and nothing else: report_xlsx.c (the workbook),
 * one file per sheet group,
 * report_xlsx_achievements.c, report_xlsx_orgs.c, report_xlsx_summary.c
 * and report_xlsx_groups.c, and report_xlsx_cells.c (cells, formats,
 * formula pieces and print set-up).  What the rest of impactlog calls is in
 * impactlog/report.h.
 */

#include "impactlog/format.h"
#include "impactlog/report.h"
#include "impactlog/util.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <xlsxwriter.h>

/* The sheets' names.  The specification fixes them, and formulas and
 * charts refer to them: they are names, not report words. */
#define SHEET_SUMMARY	   "Summary"
#define SHEET_ACHIEVEMENTS "Achievements"
#define SHEET_BY_ORG	   "By org"
#define SHEET_BY_PROJECT   "By project"
#define SHEET_TIMELINE	   "Timeline"
#define SHEET_READINESS	   "Readiness"
#define SHEET_ORG_ROWS	   "Org rows" /* hidden: one row per achievement and org */

/* The Org rows columns (report_xlsx_orgs.c): the org, then its
 * achievement's ID, Tag, Unit and Attributed read from the Achievements
 * row, then the org's place among that achievement's orgs and how many
 * it has. */
enum org_column {
	ORG_COL_ORG,
	ORG_COL_ID,
	ORG_COL_TAG,
	ORG_COL_UNIT,
	ORG_COL_ATTRIBUTED,
	ORG_COL_NTH,
	ORG_COL_ORGS,
	ORG_COL_COUNT
};

/* The Achievements columns: also the column order of xlsx_achievements.sql. */
enum column {
	COL_ID,
	COL_DATE,
	COL_TAG,
	COL_TITLE,
	COL_VALUE,
	COL_UNIT,
	COL_BASELINE,
	COL_SHARE,
	COL_TEAM_SIZE,
	COL_LIKELIHOOD,
	COL_ATTRIBUTED,
	COL_SCALE_FACTOR,
	COL_LEAD_DAYS,
	COL_CONFIDENCE,
	COL_ORGS,
	COL_EVIDENCE,
	COL_WITNESSES,
	COL_NOTE,
	COL_PROJECT,
	/* How many orgs, evidence items and witnesses: what the Readiness
	 * sheet's COUNTIFS compare (orgs>=2). */
	COL_ORG_COUNT,
	COL_EVIDENCE_COUNT,
	COL_WITNESS_COUNT,
	COL_COUNT,
	COL_PERSON = COL_COUNT, /* the team workbook's own column */
	COL_TEAM_ID		/* not written: the row's id in the team database */
};

/* The tags, a row, column or chart point each: the i-th is TAG(i). */
#define TAGS   (IL_TAG_COUNT - IL_TAG_FIRST)
#define TAG(i) ((enum il_tag)(IL_TAG_FIRST + (i)))

struct formats {
	lxw_format *title;			   /* the Summary heading */
	lxw_format *section;			   /* a Summary section heading */
	lxw_format *header;			   /* a table's header row */
	lxw_format *label;			   /* a label beside a value */
	lxw_format *date;			   /* 2026-07-14 */
	lxw_format *month;			   /* 2026-07 */
	lxw_format *id;				   /* #12, kept a number */
	lxw_format *count;			   /* 1,234 */
	lxw_format *decimal;			   /* 1,234.5 */
	lxw_format *currency[IL_CURRENCIES];	   /* $1,234 */
	lxw_format *currency_cents[IL_CURRENCIES]; /* $0.50 */
	lxw_format *percent;			   /* 40% of a number 0-100 */
	lxw_format *percent_decimal;
	lxw_format *scale; /* 5.0× */
	lxw_format *muted; /* notes about the numbers */
};

/* The rows of By org and By project: the units of the Attributed
 * columns, the header, then one row per group. */
#define GROUP_UNITS_ROW	 0
#define GROUP_HEADER_ROW 1
#define GROUP_FIRST_ROW	 2

struct il_xlsx {
	lxw_workbook *workbook;
	lxw_worksheet *summary, *achievements, *by_org, *by_project, *timeline, *org_rows;
	lxw_worksheet *readiness; /* NULL when the profile has no track or target level */
	struct formats fmt;
	lxw_error error;		/* the first libxlsxwriter error */
	const struct il_report *report; /* NULL until il_xlsx_finish */
	char *name;			/* the file, as messages call it */
	bool redact;
	lxw_row_t last_row;	/* the last Achievements row, 1-based as in formulas */
	lxw_col_t last_col;	/* the last Achievements column */
	lxw_row_t org_last_row; /* the same for Org rows */
	/* The team workbook: each achievement's Achievements row (0-based),
	 * by its id in the team database; NULL in a report. */
	lxw_row_t *row_of;
	size_t row_of_len;
};

/* A sheet being written, top to bottom. */
struct sheet {
	struct il_xlsx *x;
	lxw_worksheet *ws;
	lxw_row_t row; /* 0-based, as libxlsxwriter counts */
};

/* The workbook's plumbing (report_xlsx.c), for the team workbook too:
 * opening it with its sheets, closing it, the message for its first error
 * (-1), and freeing the whole. */
/* A sheet to add when the workbook opens: its name, and where its
 * worksheet goes. */
struct il_xlsx_sheet {
	const char *name;
	lxw_worksheet **ws;
};
/* A workbook not yet opened, called NAME in messages. */
struct il_xlsx *il_xlsx_new(const char *name, bool redact);
/* Opens X's workbook at PATH in constant_memory mode with the COUNT
 * SHEETS in tab order, and its formats.  Returns 0, or -1 after one
 * line; free X with il_xlsx_free either way. */
int il_xlsx_open(struct il_xlsx *x, const char *path, const struct il_xlsx_sheet *sheets,
		 size_t count);
int il_xlsx_close(struct il_xlsx *x);
int il_xlsx_error(const struct il_xlsx *x);
void il_xlsx_free(struct il_xlsx *x);

/* Cells, formats and formula pieces (report_xlsx_cells.c). */
void il_xlsx_add_formats(struct il_xlsx *x);
bool il_xlsx_failed(struct il_xlsx *x, lxw_error err);
void il_xlsx_put_text(struct sheet *s, lxw_col_t col, const char *text, lxw_format *format);
void il_xlsx_put_number(struct sheet *s, lxw_col_t col, double value, lxw_format *format);
void il_xlsx_put_formula(struct sheet *s, lxw_col_t col, const char *formula, lxw_format *format,
			 double cached);
void il_xlsx_put_formula_blank(struct sheet *s, lxw_col_t col, const char *formula,
			       lxw_format *format);
void il_xlsx_put_formula_text(struct sheet *s, lxw_col_t col, const char *formula,
			      lxw_format *format, const char *cached);
void il_xlsx_put_array_formula(struct sheet *s, lxw_col_t col, const char *formula,
			       lxw_format *format, double cached);
void il_xlsx_put_date(struct sheet *s, lxw_col_t col, const char *text, lxw_format *format);
void il_xlsx_put_label(struct sheet *s, const char *label, const char *value);
void il_xlsx_put_header(struct sheet *s, const char *const *names, size_t count);
void il_xlsx_set_columns(struct il_xlsx *x, lxw_worksheet *ws, lxw_col_t first, lxw_col_t last,
			 double width);
lxw_format *il_xlsx_currency_format(const struct il_xlsx *x, int currency, double value);
lxw_format *il_xlsx_amount_format(const struct il_xlsx *x, const char *unit, double value);
lxw_format *il_xlsx_percent_format(const struct il_xlsx *x, double value);
const char *il_xlsx_cell(lxw_row_t row, lxw_col_t col, bool abs_row, bool abs_col,
			 char out[LXW_MAX_CELL_NAME_LENGTH]);
const char *il_xlsx_range(const char *sheet, lxw_row_t first, lxw_row_t last, lxw_col_t col,
			  char *out, size_t size);
const char *il_xlsx_achievements_range(const struct il_xlsx *x, enum column col, char out[48]);
const char *il_xlsx_rows_of(const struct il_xlsx *x, const char *tag, const char *unit, char *out,
			    size_t size);
void il_xlsx_print_setup(struct il_xlsx *x, lxw_worksheet *ws, bool landscape, int repeat_to,
			 lxw_row_t last_row, lxw_col_t last_col);
lxw_chart *il_xlsx_add_chart(struct il_xlsx *x, uint8_t type, const char *title);

/* The sheets, in the order the workbook writes them.  The Achievements
 * sheet returns -1 after a database error's message; libxlsxwriter's
 * errors, there as in the others, stay in X->error. */
int il_xlsx_write_achievements_sheet(struct il_xlsx *x, struct il_db *db);
/* The same from the query QUERY (reports/), which gives the Achievements
 * columns and may add two: the Person column's text, then an id for
 * X->row_of. */
int il_xlsx_write_achievement_rows(struct il_xlsx *x, struct il_db *db, const char *query);
int il_xlsx_write_org_rows_sheet(struct il_xlsx *x, struct il_db *db);
const char *il_xlsx_org_rows_range(const struct il_xlsx *x, enum org_column col, char out[48]);
void il_xlsx_write_summary_sheet(struct il_xlsx *x);
void il_xlsx_write_group_sheets(struct il_xlsx *x); /* By org and By project */
void il_xlsx_write_timeline_sheet(struct il_xlsx *x);
void il_xlsx_write_readiness_sheet(struct il_xlsx *x);
void il_xlsx_print_achievements(struct il_xlsx *x);

#endif
