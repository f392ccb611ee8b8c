/*
 * The Readiness sheet: each expectation of the rubric for the profile's
 * track and target level, measured with a formula over the Achievements
 * sheet wherever a spreadsheet can (count, sum:UNIT, percent, evidence%
 * and witness%: COUNTIFS and SUMIFS), its state a formula too, so that a
 * manager who edits a share or a tag sees readiness follow.  Distinct orgs
 * and months, and a != on a field that may be empty, have no formula that
 * Excel, LibreOffice and Gnumeric compute alike: those cells hold the
 * number as counted when the workbook was written, and a note says so.
 *
 * The criteria of each row's formula are cells of their own (">=14",
 * "prevented-loss"), so that no rubric text is ever part of a formula and
 * a manager may try another threshold in place.
 */

#include "report_xlsx.h"

#include "impactlog/format.h"
#include "impactlog/readiness.h"
#include "impactlog/report.h"

#include <stdio.h>
#include <string.h>

enum readiness_column {
	RD_DIMENSION,
	RD_EXPECTATION,
	RD_STATE,
	RD_MEASURED,
	RD_AT_LEAST,
	RD_MISSING,
	RD_ACHIEVEMENTS,
	RD_MEASURE,
	RD_WHERE,
	RD_CRITERIA, /* the first of a row's criteria, one cell each */
};

#define HEADER_ROW 3

/* The Achievements column a condition's field is read from. */
static enum column field_column(enum il_condition_field field)
{
	static const enum column columns[IL_COND_FIELD_COUNT] = {
		[IL_COND_TAG] = COL_TAG,
		[IL_COND_UNIT] = COL_UNIT,
		[IL_COND_CONFIDENCE] = COL_CONFIDENCE,
		[IL_COND_VALUE] = COL_VALUE,
		[IL_COND_ATTRIBUTED] = COL_ATTRIBUTED,
		[IL_COND_SHARE] = COL_SHARE,
		[IL_COND_TEAM_SIZE] = COL_TEAM_SIZE,
		[IL_COND_LEAD_DAYS] = COL_LEAD_DAYS,
		[IL_COND_SCALE_FACTOR] = COL_SCALE_FACTOR,
		[IL_COND_ORGS] = COL_ORG_COUNT,
		[IL_COND_EVIDENCE] = COL_EVIDENCE_COUNT,
		[IL_COND_WITNESSES] = COL_WITNESS_COUNT,
	};
	return columns[field];
}

/* Fields a row may leave empty: "<>14" would count their empty cells. */
static bool may_be_empty(enum il_condition_field field)
{
	return field == IL_COND_UNIT || field == IL_COND_VALUE || field == IL_COND_ATTRIBUTED ||
	       field == IL_COND_LEAD_DAYS || field == IL_COND_SCALE_FACTOR;
}

/* Whether a spreadsheet formula measures E as impactlog does. */
static bool has_formula(const struct il_expectation *e)
{
	if (e->measure == IL_MEASURE_ORGS || e->measure == IL_MEASURE_MONTHS ||
	    e->measure == IL_MEASURE_MANUAL)
		return false;
	for (size_t i = 0; i < e->conditions_len; i++)
		if (e->conditions[i].op == IL_OP_NE && may_be_empty(e->conditions[i].field))
			return false;
	return true;
}

/* A condition as a COUNTIFS criterion: "prevented-loss", "<>usd", ">=14".
 * A word's wildcard characters are escaped, so that "*" is a "*". */
static void criterion(const struct il_condition *c, struct il_buf *out)
{
	static const char *const ops[] = {
		[IL_OP_EQ] = "=",  [IL_OP_NE] = "<>", [IL_OP_GE] = ">=",
		[IL_OP_LE] = "<=", [IL_OP_GT] = ">",  [IL_OP_LT] = "<",
	};

	if (c->word) {
		if (c->op == IL_OP_NE)
			il_buf_puts(out, "<>");
		for (const char *p = c->word; *p; p++) {
			if (strchr("*?~", *p))
				il_buf_puts(out, "~");
			il_buf_append(out, p, 1);
		}
		return;
	}
	char number[IL_NUMBER_SIZE];

	il_format_number(c->number, number);
	il_buf_printf(out, "%s%s", ops[c->op], number);
}

/* "A!$C$2:$C$9,$J5,A!$M$2:$M$9,$K5": the range and criterion cell of each
 * condition of E, whose criteria are on sheet row ROW (0-based). */
static void criteria_pairs(const struct il_xlsx *x, const struct il_expectation *e, lxw_row_t row,
			   struct il_buf *out)
{
	for (size_t i = 0; i < e->conditions_len; i++) {
		char range[48], cell[32];

		il_xlsx_achievements_range(x, field_column(e->conditions[i].field), range);
		il_xlsx_cell(row, (lxw_col_t)(RD_CRITERIA + i), false, true, cell);
		il_buf_printf(out, "%s%s,%s", out->len ? "," : "", range, cell);
	}
}

/* How many Achievements rows match E's conditions, as a formula's term. */
static void matching(const struct il_xlsx *x, const struct il_expectation *e, lxw_row_t row,
		     struct il_buf *out)
{
	struct il_buf pairs = {0};
	char ids[48];

	if (!e->conditions_len) {
		il_buf_printf(out, "COUNT(%s)", il_xlsx_achievements_range(x, COL_ID, ids));
		return;
	}
	criteria_pairs(x, e, row, &pairs);
	il_buf_printf(out, "COUNTIFS(%s)", il_buf_str(&pairs));
	il_buf_free(&pairs);
}

/* The formula that measures E on sheet row ROW. */
static void measure_formula(const struct il_xlsx *x, const struct il_expectation *e, lxw_row_t row,
			    struct il_buf *out)
{
	struct il_buf m = {0}, pairs = {0};
	char range[48], ids[48];

	matching(x, e, row, &m);
	criteria_pairs(x, e, row, &pairs);
	switch (e->measure) {
	case IL_MEASURE_COUNT:
		il_buf_printf(out, "=%s", il_buf_str(&m));
		break;
	case IL_MEASURE_SUM: {
		/* The unit is the criterion cell after the conditions'. */
		char cell[32];

		il_xlsx_cell(row, (lxw_col_t)(RD_CRITERIA + e->conditions_len), false, true, cell);
		il_buf_printf(out, "=SUMIFS(%s,%s,%s%s%s)",
			      il_xlsx_achievements_range(x, COL_ATTRIBUTED, range),
			      il_xlsx_achievements_range(x, COL_UNIT, ids), cell,
			      pairs.len ? "," : "", il_buf_str(&pairs));
		break;
	}
	case IL_MEASURE_PERCENT:
		il_xlsx_achievements_range(x, COL_ID, ids);
		il_buf_printf(out, "=IF(COUNT(%s)=0,0,100*%s/COUNT(%s))", ids, il_buf_str(&m), ids);
		break;
	case IL_MEASURE_EVIDENCE_PCT:
	case IL_MEASURE_WITNESS_PCT:
		il_xlsx_achievements_range(x,
					   e->measure == IL_MEASURE_EVIDENCE_PCT
						   ? COL_EVIDENCE_COUNT
						   : COL_WITNESS_COUNT,
					   range);
		il_buf_printf(out, "=IF(%s=0,0,100*COUNTIFS(%s%s%s,\">=1\")/%s)", il_buf_str(&m),
			      il_buf_str(&pairs), pairs.len ? "," : "", range, il_buf_str(&m));
		break;
	default:
		break;
	}
	il_buf_free(&m);
	il_buf_free(&pairs);
}

static lxw_format *measure_format(const struct il_xlsx *x, const struct il_expectation *e,
				  double value)
{
	switch (e->measure) {
	case IL_MEASURE_SUM:
		return il_xlsx_amount_format(x, e->unit, value);
	case IL_MEASURE_PERCENT:
	case IL_MEASURE_EVIDENCE_PCT:
	case IL_MEASURE_WITNESS_PCT:
		return x->fmt.percent_decimal;
	default:
		return x->fmt.count;
	}
}

static void put_criteria(struct sheet *s, const struct il_expectation *e)
{
	struct il_buf text = {0};

	for (size_t i = 0; i < e->conditions_len; i++) {
		il_buf_reset(&text);
		criterion(&e->conditions[i], &text);
		il_xlsx_put_text(s, (lxw_col_t)(RD_CRITERIA + i), il_buf_str(&text), NULL);
	}
	if (e->measure == IL_MEASURE_SUM)
		il_xlsx_put_text(s, (lxw_col_t)(RD_CRITERIA + e->conditions_len), e->unit, NULL);
	il_buf_free(&text);
}

static void put_row(struct sheet *s, const struct il_readiness_item *item, bool *cached)
{
	const struct il_expectation *e = item->e;
	struct il_buf text = {0};
	char formula[160], measured[32], at_least[32];

	il_xlsx_put_text(s, RD_DIMENSION, e->dimension, NULL);
	il_xlsx_put_text(s, RD_EXPECTATION, e->expectation, NULL);
	il_xlsx_put_text(s, RD_MEASURE, e->measure_name, NULL);
	il_xlsx_put_text(s, RD_WHERE, e->where, NULL);
	if (!item->measurable) {
		il_xlsx_put_text(s, RD_STATE, il_readiness_state(item), NULL);
		il_buf_free(&text);
		return;
	}
	il_xlsx_put_number(s, RD_AT_LEAST, e->at_least, measure_format(s->x, e, e->at_least));
	if (has_formula(e)) {
		measure_formula(s->x, e, s->row, &text);
		il_xlsx_put_formula(s, RD_MEASURED, il_buf_str(&text),
				    measure_format(s->x, e, item->value), item->value);
		put_criteria(s, e);
	} else {
		il_xlsx_put_number(s, RD_MEASURED, item->value,
				   measure_format(s->x, e, item->value));
		*cached = true;
	}
	il_xlsx_cell(s->row, RD_MEASURED, false, false, measured);
	il_xlsx_cell(s->row, RD_AT_LEAST, false, false, at_least);
	snprintf(formula, sizeof(formula), "=IF(%s>=%s,\"%s\",\"%s\")", measured, at_least,
		 il_readiness_met, il_readiness_not_yet);
	il_xlsx_put_formula_text(s, RD_STATE, formula, NULL, il_readiness_state(item));
	/* What is missing and which achievements count are words, as written. */
	il_xlsx_put_text(s, RD_MISSING, item->missing, NULL);
	il_buf_reset(&text);
	for (size_t i = 0; i < item->ids_len; i++)
		il_buf_printf(&text, "%s#%lld", i ? ", " : "", (long long)item->ids[i]);
	il_xlsx_put_text(s, RD_ACHIEVEMENTS, il_buf_str(&text), NULL);
	il_buf_free(&text);
}

void il_xlsx_write_readiness_sheet(struct il_xlsx *x)
{
	static const char *const header[] = {
		"Dimension", "Expectation",  "State",	"Measured", "At least",
		"Missing",   "Achievements", "Measure", "Where",    "Criteria",
	};
	const struct il_readiness *rd = &x->report->readiness;
	struct sheet s = {.x = x, .ws = x->readiness};
	struct il_buf text = {0};
	bool cached = false;
	lxw_row_t first;
	char range[48], formula[160];

	if (!s.ws)
		return;
	il_xlsx_set_columns(x, s.ws, RD_DIMENSION, RD_DIMENSION, 13);
	il_xlsx_set_columns(x, s.ws, RD_EXPECTATION, RD_EXPECTATION, 48);
	il_xlsx_set_columns(x, s.ws, RD_STATE, RD_AT_LEAST, 11);
	il_xlsx_set_columns(x, s.ws, RD_MISSING, RD_MISSING, 40);
	il_xlsx_set_columns(x, s.ws, RD_ACHIEVEMENTS, RD_ACHIEVEMENTS, 20);
	il_xlsx_set_columns(x, s.ws, RD_MEASURE, RD_WHERE, 14);
	il_xlsx_set_columns(x, s.ws, RD_CRITERIA, RD_CRITERIA + 5, 12);
	if (rd->unavailable) {
		il_xlsx_put_text(&s, 0, il_report_section_title(IL_SECTION_READINESS),
				 x->fmt.title);
		s.row = 2;
		il_xlsx_put_text(&s, 0, rd->unavailable, NULL);
		il_xlsx_print_setup(x, s.ws, false, -1, s.row, 0);
		return;
	}
	il_readiness_title(rd, &text);
	il_xlsx_put_text(&s, 0, il_buf_str(&text), x->fmt.title);
	s.row = 1;
	il_xlsx_put_text(&s, 0, x->report->period, x->fmt.muted);
	s.row = HEADER_ROW;
	il_xlsx_put_header(&s, header, IL_ARRAY_LEN(header));
	first = s.row;
	for (size_t i = 0; i < rd->len; i++, s.row++)
		put_row(&s, &rd->items[i], &cached);

	/* The verdict, counted from the State column. */
	il_xlsx_range(SHEET_READINESS, first, s.row - 1, RD_STATE, range, sizeof(range));
	s.row++;
	il_xlsx_put_text(&s, RD_DIMENSION, il_report_word(IL_WORD_READINESS_MET_COUNT),
			 x->fmt.label);
	snprintf(formula, sizeof(formula), "=COUNTIF(%s,\"%s\")", range, il_readiness_met);
	il_xlsx_put_formula(&s, RD_STATE, formula, x->fmt.count, rd->met);
	s.row++;
	il_xlsx_put_text(&s, RD_DIMENSION, il_report_word(IL_WORD_READINESS_MEASURABLE),
			 x->fmt.label);
	il_xlsx_put_number(&s, RD_STATE, rd->measurable, x->fmt.count);
	s.row++;
	il_xlsx_put_text(&s, RD_DIMENSION, il_report_word(IL_WORD_READINESS_IN_PERSON),
			 x->fmt.label);
	il_xlsx_put_number(&s, RD_STATE, rd->manual, x->fmt.count);
	s.row += 2;
	il_xlsx_put_text(&s, RD_DIMENSION, il_report_word(IL_WORD_READINESS_NOTE), x->fmt.muted);
	if (cached) {
		s.row++;
		il_xlsx_put_text(&s, RD_DIMENSION, il_report_word(IL_WORD_READINESS_CACHED),
				 x->fmt.muted);
	}
	il_buf_free(&text);
	il_xlsx_print_setup(x, s.ws, true, HEADER_ROW, s.row, RD_WHERE);
}
