/*
 * The calibration packet as an xlsx workbook (libxlsxwriter).  Sheets, in
 * tab order: Summary, Achievements, By org, By project, Timeline, and the
 * hidden Org rows.
 *
 * This file holds the workbook itself: opening and closing it, its sheets
 * and the steps of impactlog/report.h.  The sheets are written in
 * report_xlsx_achievements.c, report_xlsx_orgs.c, report_xlsx_summary.c
 * and report_xlsx_groups.c (By org, By project and Timeline), with the cells,
 * formats and formula pieces of report_xlsx_cells.c: calls go from here to
 * the sheets, and from the sheets to the cells, never back.
 *
 * Memory stays flat however many achievements there are: the workbook is
 * written in constant_memory mode, where each row goes to a temporary file
 * as soon as the next one starts.  Every sheet is therefore written
 * strictly top to bottom, and Achievements is written first: the Summary
 * and Timeline formulas need its last row.  It needs no report model, so
 * the model is built meanwhile (il_report_start) and handed over for the
 * other sheets (il_xlsx_finish).
 *
 * Numbers a manager may want to change stay live: every number that
 * derives from the achievements is a formula over the Achievements sheet,
 * written with its value cached from the report model or from
 * achievement_facts, so a reader that does not recalculate (openpyxl, a
 * viewer, LibreOffice by default) shows the same numbers as the text
 * report, and one that does gets them again.  Each Achievements row
 * computes Attributed and Scale factor from its own cells; sums over
 * rows are SUMPRODUCT with text compared by "=" (without case, and with
 * no wildcard or operator read in user text, as SUMIFS would; EXACT there
 * is #VALUE! in Gnumeric); counts of our own criteria (tags, dates,
 * numbers) are COUNTIFS; medians and the largest scale factor are
 * MEDIAN(IF())/MAX(IF()) array formulas (MAXIFS would need Excel 2019).
 * By org sums over the hidden Org rows sheet, one row per achievement and
 * org (report_xlsx_orgs.c), since an Orgs cell lists several.  The top
 * list's ranking and sentences are text, as written.
 *
 * Every sheet prints one page wide (il_xlsx_print_setup); the charts
 * stand where no page break reaches them.
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

struct il_xlsx *il_xlsx_new(const char *name, bool redact)
{
	struct il_xlsx *x = il_xmalloc(sizeof(*x));

	*x = (struct il_xlsx){.name = il_xstrdup(name), .redact = redact};
	return x;
}

int il_xlsx_open(struct il_xlsx *x, const char *path, const struct il_xlsx_sheet *sheets,
		 size_t count)
{
	lxw_workbook_options options = {.constant_memory = LXW_TRUE};
	int saved = quiet_stderr();

	x->workbook = workbook_new_opt(path, &options);
	if (!x->workbook)
		il_xlsx_failed(x, LXW_ERROR_MEMORY_MALLOC_FAILED);
	for (size_t i = 0; i < count && !x->error; i++)
		*sheets[i].ws = add_sheet(x, sheets[i].name);
	restore_stderr(saved);
	if (!x->error)
		il_xlsx_add_formats(x);
	return x->error ? il_xlsx_error(x) : 0;
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

int il_xlsx_close(struct il_xlsx *x)
{
	int saved = quiet_stderr();
	lxw_error err = workbook_close(x->workbook);

	restore_stderr(saved);
	x->workbook = NULL;
	return il_xlsx_failed(x, err) ? -1 : 0;
}

/* The message for the first libxlsxwriter error; a database error has
 * had its own. */
int il_xlsx_error(const struct il_xlsx *x)
{
	if (x->error)
		il_error("cannot write '%s': %s", x->name, lxw_strerror(x->error));
	return -1;
}

static int xlsx_open(struct il_xlsx **out, const char *path, const char *name, bool redact,
		     bool readiness)
{
	struct il_xlsx *x = il_xlsx_new(name, redact);
	/* Tab order; the rows are written in another order (see the top). */
	struct il_xlsx_sheet sheets[] = {
		{SHEET_SUMMARY, &x->summary},	{SHEET_ACHIEVEMENTS, &x->achievements},
		{SHEET_BY_ORG, &x->by_org},	{SHEET_BY_PROJECT, &x->by_project},
		{SHEET_TIMELINE, &x->timeline}, {SHEET_READINESS, &x->readiness},
		{SHEET_ORG_ROWS, &x->org_rows},
	};
	size_t n = sizeof(sheets) / sizeof(sheets[0]);

	*out = x;
	/* Without a track and target level there is no Readiness sheet. */
	if (!readiness) {
		sheets[5] = sheets[6];
		n--;
	}
	return il_xlsx_open(x, path, sheets, n);
}

/* Whether the profile has a track and a target level, which the Readiness
 * sheet measures against: the sheets are all added before any is written,
 * and before the report model is built. */
static int wants_readiness(struct il_db *db, bool *wants)
{
	struct il_report_profile profile;
	int rc = il_report_profile_load(db, &profile);

	*wants = rc == 0 && *profile.track && *profile.target_level;
	il_report_profile_free(&profile);
	return rc;
}

static int xlsx_finish(struct il_xlsx *x, const struct il_report *report)
{
	x->report = report;
	set_properties(x);
	il_xlsx_write_summary_sheet(x);
	il_xlsx_write_group_sheets(x);
	il_xlsx_write_timeline_sheet(x);
	il_xlsx_write_readiness_sheet(x);
	il_xlsx_print_achievements(x);
	if (x->error || il_xlsx_close(x) < 0)
		return il_xlsx_error(x);
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
	bool readiness = false;
	int rc;

	rc = wants_readiness(db, &readiness);
	if (rc == 0)
		rc = xlsx_open(&x, path, name, options->redact, readiness);
	if (rc == 0)
		rc = il_report_start(db, options->filter, options->redact, options->now,
				     IL_REPORT_WHOLE, &job);
	if (rc == 0 && (il_xlsx_write_achievements_sheet(x, db) < 0 ||
			il_xlsx_write_org_rows_sheet(x, db) < 0))
		rc = il_xlsx_error(x);
	/* The job always runs to its end: it shares nothing it could stop on. */
	if (job && rc == 0)
		rc = il_report_finish(job, db, &report);
	else if (job)
		il_report_abandon(job);
	if (rc == 0)
		rc = xlsx_finish(x, &report);
	il_xlsx_free(x);
	il_report_free(&report);
	return rc;
}
