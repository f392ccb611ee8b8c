/*
 * The Summary sheet: the report's sections top to bottom, each number the
 * Achievements rows can give a formula over that sheet (its value cached
 * from the report), and the charts by tag beside them.
 */

#include "report_xlsx.h"

#include "impactlog/report.h"
#include "impactlog/util.h"

#include <math.h>
#include <stdio.h>
#include <string.h>
#include <xlsxwriter.h>

/* The charts stand side by side under the heading, before the tables:
 * on the first page, where no page break can cut them.  Each covers
 * about 15 rows and 4 columns at libxlsxwriter's default size. */
#define SUMMARY_CHART_ROWS	 16
#define SUMMARY_SECOND_CHART_COL 4
/* The widest table's last column, which the print area ends on. */
#define SUMMARY_LAST_COL 7

static void put_section(struct sheet *s, const char *title)
{
	s->row++; /* a blank row before each section */
	il_xlsx_put_text(s, 0, title, s->x->fmt.section);
	s->row++;
}

static void summary_heading(struct sheet *s)
{
	const struct il_report *r = s->x->report;
	const struct il_report_profile *p = &r->profile;
	char formula[96], range[48];

	il_xlsx_put_text(s, 0, il_report_word(IL_WORD_PACKET), s->x->fmt.title);
	s->row++;
	il_xlsx_put_label(s, il_report_word(IL_WORD_NAME), p->name);
	if (*p->level)
		il_xlsx_put_label(s, il_report_word(IL_WORD_LEVEL), p->level);
	if (*p->target_level)
		il_xlsx_put_label(s, il_report_word(IL_WORD_TARGET_LEVEL), p->target_level);
	if (*p->track)
		il_xlsx_put_label(s, il_report_word(IL_WORD_TRACK), p->track);
	if (*p->manager)
		il_xlsx_put_label(s, il_report_word(IL_WORD_MANAGER), p->manager);
	il_xlsx_put_label(s, il_report_word(IL_WORD_PERIOD), r->period);
	if (*r->scope)
		il_xlsx_put_label(s, il_report_word(IL_WORD_FILTERS), r->scope);
	if (r->has_previous)
		il_xlsx_put_label(s, il_report_word(IL_WORD_COMPARED_WITH), r->previous_period);
	il_xlsx_put_text(s, 0, il_report_word(IL_WORD_GENERATED), s->x->fmt.label);
	il_xlsx_put_date(s, 1, r->generated, s->x->fmt.date);
	s->row++;
	il_xlsx_put_text(s, 0, il_report_word(IL_WORD_ACHIEVEMENTS), s->x->fmt.label);
	snprintf(formula, sizeof(formula), "=COUNT(%s)",
		 il_xlsx_achievements_range(s->x, COL_ID, range));
	il_xlsx_put_formula(s, 1, formula, s->x->fmt.count, (double)r->count);
	s->row++;
	if (s->x->redact)
		il_xlsx_put_label(s, il_report_word(IL_WORD_REDACTED),
				  il_report_word(IL_WORD_REDACTED_WHAT_SHEET));
}

/* The totals row in which TAG has most of its attributed value (the
 * totals come largest first within a tag), or NULL when none of its
 * achievements has a value: the unit the By tag table shows it in. */
static const struct il_report_total *main_total(const struct il_report *r, enum il_tag tag)
{
	for (size_t i = 0; i < r->totals_len; i++)
		if (r->totals[i].tag == tag && r->totals[i].count > 0 && r->totals[i].valued > 0)
			return &r->totals[i];
	return NULL;
}

static void by_tag_header(struct sheet *s)
{
	const char *names[6] = {il_report_word(IL_WORD_TAG), il_report_word(IL_WORD_ACHIEVEMENTS),
				il_report_word(IL_WORD_ATTRIBUTED_SHEET),
				il_report_word(IL_WORD_UNIT)};
	size_t count = 4;
	struct il_buf previous = {0};

	if (s->x->report->has_previous) {
		il_report_achievements_in(s->x->report->previous_cycle, &previous);
		names[count++] = il_buf_str(&previous);
		names[count++] = il_report_word(IL_WORD_CHANGE);
	}
	il_xlsx_put_header(s, names, count);
	il_buf_free(&previous);
}

/* One row per tag, each in its own unit: the chart data.  Returns the
 * first row's index. */
static lxw_row_t summary_by_tag(struct sheet *s)
{
	const struct il_report *r = s->x->report;
	char formula[512], tag_range[48], value_range[48], rows[256];
	char tag[LXW_MAX_CELL_NAME_LENGTH], unit[LXW_MAX_CELL_NAME_LENGTH];
	char now[LXW_MAX_CELL_NAME_LENGTH], before[LXW_MAX_CELL_NAME_LENGTH];
	lxw_row_t first;

	put_section(s, il_report_word(IL_WORD_BY_TAG));
	by_tag_header(s);
	first = s->row;
	il_xlsx_achievements_range(s->x, COL_TAG, tag_range);
	il_xlsx_achievements_range(s->x, COL_ATTRIBUTED, value_range);
	for (size_t i = 0; i < TAGS; i++) {
		const struct il_report_total *t = main_total(r, TAG(i));
		const char *unit_name = t ? t->unit : "";
		double attributed = t ? t->attributed : 0;

		il_xlsx_cell(s->row, 0, false, true, tag);
		il_xlsx_cell(s->row, 3, false, true, unit);
		il_xlsx_put_text(s, 0, il_tag_name(TAG(i)), NULL);
		snprintf(formula, sizeof(formula), "=COUNTIF(%s,%s)", tag_range, tag);
		il_xlsx_put_formula(s, 1, formula, s->x->fmt.count, (double)r->by_tag[TAG(i)]);
		snprintf(formula, sizeof(formula), "=SUMPRODUCT(%s,%s)",
			 il_xlsx_rows_of(s->x, tag, unit, rows, sizeof(rows)), value_range);
		il_xlsx_put_formula(s, 2, formula,
				    il_xlsx_amount_format(s->x, unit_name, attributed), attributed);
		il_xlsx_put_text(s, 3, unit_name, NULL);
		if (r->has_previous) {
			il_xlsx_put_number(s, 4, (double)r->previous_by_tag[TAG(i)],
					   s->x->fmt.count);
			snprintf(formula, sizeof(formula), "=%s-%s",
				 il_xlsx_cell(s->row, 1, false, false, now),
				 il_xlsx_cell(s->row, 4, false, false, before));
			il_xlsx_put_formula(
				s, 5, formula, s->x->fmt.count,
				(double)(r->by_tag[TAG(i)] - r->previous_by_tag[TAG(i)]));
		}
		s->row++;
	}
	il_xlsx_put_text(s, 0, il_report_word(IL_WORD_BY_TAG_NOTE_SHEET), s->x->fmt.muted);
	s->row++;
	return first;
}

static void totals_header(struct sheet *s)
{
	static const enum il_report_word words[] = {IL_WORD_TAG,
						    IL_WORD_UNIT,
						    IL_WORD_COUNT,
						    IL_WORD_OUTCOME_SHEET,
						    IL_WORD_ATTRIBUTED_SHEET,
						    IL_WORD_PREVIOUS_COUNT,
						    IL_WORD_PREVIOUS_ATTRIBUTED,
						    IL_WORD_CHANGE_SHEET};
	const char *names[IL_ARRAY_LEN(words)];

	for (size_t i = 0; i < IL_ARRAY_LEN(words); i++)
		names[i] = il_report_word(words[i]);

	il_xlsx_put_header(s, names, s->x->report->has_previous ? 8 : 5);
}

static void totals_row(struct sheet *s, const struct il_report_total *t)
{
	char formula[512], sum_range[48], rows[256];
	char tag[LXW_MAX_CELL_NAME_LENGTH], unit[LXW_MAX_CELL_NAME_LENGTH];
	char now[LXW_MAX_CELL_NAME_LENGTH], before[LXW_MAX_CELL_NAME_LENGTH];

	il_xlsx_cell(s->row, 0, false, true, tag);
	il_xlsx_cell(s->row, 1, false, true, unit);
	il_xlsx_rows_of(s->x, tag, unit, rows, sizeof(rows));
	il_xlsx_put_text(s, 0, il_tag_name(t->tag), NULL);
	il_xlsx_put_text(s, 1, t->unit, NULL);
	snprintf(formula, sizeof(formula), "=SUMPRODUCT(%s)", rows);
	il_xlsx_put_formula(s, 2, formula, s->x->fmt.count, (double)t->count);
	snprintf(formula, sizeof(formula), "=SUMPRODUCT(%s,%s)", rows,
		 il_xlsx_achievements_range(s->x, COL_VALUE, sum_range));
	il_xlsx_put_formula(s, 3, formula, il_xlsx_amount_format(s->x, t->unit, t->outcome),
			    t->outcome);
	snprintf(formula, sizeof(formula), "=SUMPRODUCT(%s,%s)", rows,
		 il_xlsx_achievements_range(s->x, COL_ATTRIBUTED, sum_range));
	il_xlsx_put_formula(s, 4, formula, il_xlsx_amount_format(s->x, t->unit, t->attributed),
			    t->attributed);
	if (s->x->report->has_previous) {
		il_xlsx_put_number(s, 5, (double)t->previous_count, s->x->fmt.count);
		il_xlsx_put_number(s, 6, t->previous_attributed,
				   il_xlsx_amount_format(s->x, t->unit, t->previous_attributed));
		snprintf(formula, sizeof(formula), "=%s-%s",
			 il_xlsx_cell(s->row, 4, false, false, now),
			 il_xlsx_cell(s->row, 6, false, false, before));
		il_xlsx_put_formula(s, 7, formula,
				    il_xlsx_amount_format(s->x, t->unit,
							  t->attributed - t->previous_attributed),
				    t->attributed - t->previous_attributed);
	}
	s->row++;
}

static void summary_totals(struct sheet *s)
{
	const struct il_report *r = s->x->report;

	put_section(s, il_report_word(IL_WORD_TOTALS_SHEET));
	totals_header(s);
	for (size_t i = 0; i < r->totals_len; i++)
		totals_row(s, &r->totals[i]);
	if (r->totals_len == 0) {
		il_xlsx_put_text(s, 0, il_report_word(IL_WORD_TOTALS_EMPTY_SHEET), s->x->fmt.muted);
		s->row++;
	}
	il_xlsx_put_text(s, 0, il_report_word(IL_WORD_TOTALS_NOTE_SHEET), s->x->fmt.muted);
	s->row++;
}

/* {=MEDIAN(IF(tag=TAG,IF(col<>"",col)))}: the median over the rows of
 * TAG that have a number in COL.  MEDIAN and MAX skip the FALSE that IF
 * leaves for the other rows. */
static void put_tag_aggregate(struct sheet *s, lxw_col_t at, const char *function, enum il_tag tag,
			      enum column col, lxw_format *format, double cached)
{
	char formula[256], tag_range[48], range[48];

	il_xlsx_achievements_range(s->x, COL_TAG, tag_range);
	il_xlsx_achievements_range(s->x, col, range);
	snprintf(formula, sizeof(formula), "{=%s(IF(%s=\"%s\",IF(%s<>\"\",%s)))}", function,
		 tag_range, il_tag_name(tag), range, range);
	il_xlsx_put_array_formula(s, at, formula, format, cached);
}

static void put_tag_count(struct sheet *s, enum il_tag tag, double cached)
{
	char formula[128], range[48];
	struct il_buf label = {0};

	snprintf(formula, sizeof(formula), "=COUNTIF(%s,\"%s\")",
		 il_xlsx_achievements_range(s->x, COL_TAG, range), il_tag_name(tag));
	il_report_tag_achievements(tag, &label);
	il_xlsx_put_text(s, 0, il_buf_str(&label), s->x->fmt.label);
	il_xlsx_put_formula(s, 1, formula, s->x->fmt.count, cached);
	s->row++;
	il_buf_free(&label);
}

static void summary_loss(struct sheet *s)
{
	const struct il_report_loss *loss = &s->x->report->loss;
	char formula[512], sum_range[48], rows[256], unit[LXW_MAX_CELL_NAME_LENGTH], loss_tag[24];

	/* A quoted literal: the tag's name is ours, never user text. */
	snprintf(loss_tag, sizeof(loss_tag), "\"%s\"", il_tag_name(IL_TAG_PREVENTED_LOSS));
	put_section(s, il_report_section_title(IL_SECTION_LOSS));
	put_tag_count(s, IL_TAG_PREVENTED_LOSS, (double)loss->count);
	il_xlsx_achievements_range(s->x, COL_ATTRIBUTED, sum_range);
	for (size_t i = 0; i < loss->risk_adjusted_len; i++) {
		const struct il_report_amount *a = &loss->risk_adjusted[i];

		il_xlsx_cell(s->row, 2, false, true, unit);
		snprintf(formula, sizeof(formula), "=SUMPRODUCT(%s,%s)",
			 il_xlsx_rows_of(s->x, loss_tag, unit, rows, sizeof(rows)), sum_range);
		il_xlsx_put_text(s, 0, il_report_word(IL_WORD_RISK_ADJUSTED), s->x->fmt.label);
		il_xlsx_put_formula(s, 1, formula, il_xlsx_amount_format(s->x, a->unit, a->value),
				    a->value);
		il_xlsx_put_text(s, 2, a->unit, NULL);
		s->row++;
	}
	il_xlsx_put_text(s, 0, il_report_word(IL_WORD_LEAD_TIME_SHEET), s->x->fmt.label);
	if (loss->lead_days_count > 0)
		put_tag_aggregate(s, 1, "MEDIAN", IL_TAG_PREVENTED_LOSS, COL_LEAD_DAYS,
				  s->x->fmt.decimal, loss->median_lead_days);
	else
		il_xlsx_put_text(s, 1, il_report_word(IL_WORD_NO_LEAD_DAYS_SHEET), s->x->fmt.muted);
	s->row++;
}

static void summary_scale(struct sheet *s)
{
	const struct il_report_scale *scale = &s->x->report->scale;
	char largest[256];

	put_section(s, il_report_section_title(IL_SECTION_SCALE));
	put_tag_count(s, IL_TAG_ENABLED_SCALE, (double)scale->count);
	if (scale->factor_count == 0) {
		il_xlsx_put_label(s, il_report_word(IL_WORD_SCALE_FACTORS),
				  il_report_word(IL_WORD_NO_SCALE_FACTORS_SHEET));
		return;
	}
	il_xlsx_put_text(s, 0, il_report_word(IL_WORD_LARGEST_FACTOR), s->x->fmt.label);
	put_tag_aggregate(s, 1, "MAX", IL_TAG_ENABLED_SCALE, COL_SCALE_FACTOR, s->x->fmt.scale,
			  scale->largest_factor);
	snprintf(largest, sizeof(largest), "#%lld %s", (long long)scale->largest_id,
		 scale->largest_title);
	il_xlsx_put_text(s, 2, largest, NULL);
	s->row++;
	il_xlsx_put_text(s, 0, il_report_word(IL_WORD_MEDIAN_FACTOR), s->x->fmt.label);
	put_tag_aggregate(s, 1, "MEDIAN", IL_TAG_ENABLED_SCALE, COL_SCALE_FACTOR, s->x->fmt.scale,
			  scale->median_factor);
	s->row++;
}

/* A count beside its label: FORMULA (NULL for none) with COUNT cached,
 * or, without a formula, COUNT with NOTE beside it. */
static void put_count_formula(struct sheet *s, const char *label, const char *formula, long count,
			      const char *note)
{
	il_xlsx_put_text(s, 0, label, s->x->fmt.label);
	if (formula)
		il_xlsx_put_formula(s, 1, formula, s->x->fmt.count, (double)count);
	else
		il_xlsx_put_number(s, 1, (double)count, s->x->fmt.count);
	if (note)
		il_xlsx_put_text(s, 2, note, s->x->fmt.muted);
	s->row++;
}

/* The breadth counts, over the group sheets and the Org rows: an
 * achievement's first Org row stands for it. */
static void summary_breadth(struct sheet *s)
{
	const struct il_report_breadth *b = &s->x->report->breadth;
	char formula[256], range[48], nth[48], orgs[48], ids[48];
	long projects = 0;
	size_t named = 0;

	for (size_t i = 0; i < b->projects_len; i++)
		projects += *b->projects[i].name != '\0';
	/* The group "" comes last, when there is one. */
	named = b->projects_len - (b->projects_len > 0 && !*b->projects[b->projects_len - 1].name);
	il_xlsx_org_rows_range(s->x, ORG_COL_NTH, nth);
	il_xlsx_org_rows_range(s->x, ORG_COL_ORGS, orgs);
	il_xlsx_achievements_range(s->x, COL_ID, ids);
	put_section(s, il_report_section_title(IL_SECTION_BREADTH));
	snprintf(formula, sizeof(formula), "=COUNTIF(%s,\">0\")",
		 il_xlsx_range(SHEET_BY_ORG, GROUP_FIRST_ROW, GROUP_FIRST_ROW + b->orgs_len - 1, 1,
			       range, sizeof(range)));
	put_count_formula(s, il_report_word(IL_WORD_DISTINCT_ORGS), formula, b->distinct_orgs,
			  NULL);
	snprintf(formula, sizeof(formula), "=COUNTIFS(%s,1,%s,\">=2\")", nth, orgs);
	put_count_formula(s, il_report_word(IL_WORD_MULTI_ORG), formula, b->multi_org, NULL);
	snprintf(formula, sizeof(formula), "=COUNT(%s)-COUNTIF(%s,1)", ids, nth);
	put_count_formula(s, il_report_word(IL_WORD_NO_ORG_COUNT), formula, b->no_org, NULL);
	snprintf(formula, sizeof(formula), "=COUNTIF(%s,\">0\")",
		 il_xlsx_range(SHEET_BY_PROJECT, GROUP_FIRST_ROW,
			       GROUP_FIRST_ROW + (named ? named : 1) - 1, 1, range, sizeof(range)));
	put_count_formula(s, il_report_word(IL_WORD_PROJECTS), formula, projects, NULL);
}

/* A top achievement's attributed value, looked up by its ID on
 * Achievements, so that an edited share shows here; the ranking and the
 * sentence stay as written (the note under the list says so). */
static void put_top_attributed(struct sheet *s, const struct il_report_item *it)
{
	char formula[256], values[48], ids[48], id[LXW_MAX_CELL_NAME_LENGTH];

	snprintf(formula, sizeof(formula), "=INDEX(%s,MATCH(%s,%s,0))",
		 il_xlsx_achievements_range(s->x, COL_ATTRIBUTED, values),
		 il_xlsx_cell(s->row, 0, false, true, id),
		 il_xlsx_achievements_range(s->x, COL_ID, ids));
	if (it->has_attributed)
		il_xlsx_put_formula(s, 3, formula,
				    il_xlsx_amount_format(s->x, it->unit, it->attributed),
				    it->attributed);
	else
		il_xlsx_put_formula_blank(s, 3, formula, s->x->fmt.count);
}

static void summary_top(struct sheet *s)
{
	const struct il_report *r = s->x->report;
	const char *names[] = {
		il_report_word(IL_WORD_ID),   il_report_word(IL_WORD_DATE),
		il_report_word(IL_WORD_TAG),  il_report_word(IL_WORD_ATTRIBUTED_SHEET),
		il_report_word(IL_WORD_UNIT), il_report_word(IL_WORD_ACHIEVEMENT)};

	put_section(s, il_report_section_title(IL_SECTION_TOP));
	if (r->top_len == 0) {
		il_xlsx_put_text(s, 0, il_report_word(IL_WORD_TOP_EMPTY_SHEET), s->x->fmt.muted);
		s->row++;
		return;
	}
	il_xlsx_put_header(s, names, IL_ARRAY_LEN(names));
	for (size_t i = 0; i < r->top_len; i++) {
		const struct il_report_item *it = &r->top[i];

		il_xlsx_put_number(s, 0, (double)it->id, s->x->fmt.id);
		il_xlsx_put_date(s, 1, it->date, s->x->fmt.date);
		il_xlsx_put_text(s, 2, il_tag_name(it->tag), NULL);
		put_top_attributed(s, it);
		il_xlsx_put_text(s, 4, it->unit, NULL);
		il_xlsx_put_text(s, 5, it->sentence, NULL);
		s->row++;
	}
	il_xlsx_put_text(s, 0, il_report_word(IL_WORD_TOP_NOTE_SHEET), s->x->fmt.muted);
	s->row++;
}

static void put_gap(struct sheet *s, const char *label, const char *formula,
		    const struct il_report_gap *gap, bool show_team)
{
	struct il_buf text = {0};

	put_count_formula(s, label, formula, gap->count,
			  formula ? NULL : il_report_word(IL_WORD_COUNTED_BEFORE_REDACTION_SHEET));
	for (size_t i = 0; i < gap->items_len; i++) {
		const struct il_report_item *it = &gap->items[i];

		il_xlsx_put_number(s, 1, (double)it->id, s->x->fmt.id);
		il_xlsx_put_date(s, 2, it->date, s->x->fmt.date);
		if (show_team) {
			il_buf_reset(&text);
			il_report_team_of(it->team_size, &text);
			il_xlsx_put_text(s, 3, il_buf_str(&text), NULL);
		}
		il_xlsx_put_text(s, show_team ? 4 : 3, it->title, NULL);
		s->row++;
	}
	if (gap->count > (long)gap->items_len) {
		il_buf_reset(&text);
		il_report_more(gap->count - (long)gap->items_len, &text);
		il_xlsx_put_text(s, 1, il_buf_str(&text), s->x->fmt.muted);
		s->row++;
	}
	il_buf_free(&text);
}

/* The months of the Timeline up to the generated one: its Total cells,
 * for the count of those with nothing logged. */
static bool past_months_range(const struct il_report *r, char out[48])
{
	size_t past = 0;

	while (past < r->months_len && !r->months[past].future)
		past++;
	if (past == 0)
		return false;
	il_xlsx_range(SHEET_TIMELINE, 1, (lxw_row_t)past, TAGS + 1, out, 48);
	return true;
}

/* The gap counts, each a COUNTIFS over Achievements: an ID > 0 stands
 * for a row, as the sheet's one empty row has none.  Redacted, the
 * Evidence column is empty, so that count stays the one made before. */
static void summary_gaps(struct sheet *s)
{
	const struct il_report *r = s->x->report;
	char formula[256], ids[48], list[48], other[48], months_range[48];
	struct il_buf months = {0};

	il_xlsx_achievements_range(s->x, COL_ID, ids);
	put_section(s, il_report_section_title(IL_SECTION_GAPS));
	snprintf(formula, sizeof(formula), "=COUNTIFS(%s,\">0\",%s,\"\")", ids,
		 il_xlsx_achievements_range(s->x, COL_EVIDENCE, list));
	put_gap(s, il_report_word(IL_WORD_NO_EVIDENCE), s->x->redact ? NULL : formula,
		&r->gaps.no_evidence, false);
	snprintf(formula, sizeof(formula), "=COUNTIFS(%s,\">0\",%s,\"\")", ids,
		 il_xlsx_achievements_range(s->x, COL_WITNESSES, list));
	put_gap(s, il_report_word(IL_WORD_NO_WITNESS), formula, &r->gaps.no_witness, false);
	snprintf(formula, sizeof(formula), "=COUNTIFS(%s,100,%s,\">1\")",
		 il_xlsx_achievements_range(s->x, COL_SHARE, list),
		 il_xlsx_achievements_range(s->x, COL_TEAM_SIZE, other));
	put_gap(s, il_report_word(IL_WORD_FULL_SHARE_SHEET), formula, &r->gaps.full_share_of_team,
		true);
	il_report_empty_months(r, &months);
	il_xlsx_put_text(s, 0, il_report_word(IL_WORD_EMPTY_MONTHS), s->x->fmt.label);
	if (past_months_range(r, months_range)) {
		snprintf(formula, sizeof(formula), "=COUNTIF(%s,0)", months_range);
		il_xlsx_put_formula(s, 1, formula, s->x->fmt.count, (double)r->gaps.empty_months);
	} else {
		il_xlsx_put_number(s, 1, (double)r->gaps.empty_months, s->x->fmt.count);
	}
	il_xlsx_put_text(s, 2, il_buf_str(&months), NULL);
	s->row++;
	il_buf_free(&months);
}

static lxw_chart_series *add_series(struct il_xlsx *x, lxw_chart *chart)
{
	lxw_chart_series *series = chart_add_series(chart, NULL, NULL);

	if (!series)
		il_xlsx_failed(x, LXW_ERROR_MEMORY_MALLOC_FAILED);
	return series;
}

/* The achievements of each tag, one column each, coloured as the
 * Timeline's: counts, which every tag has whatever its unit. */
static void count_chart(struct il_xlsx *x, lxw_row_t first, lxw_row_t at)
{
	lxw_chart *chart =
		il_xlsx_add_chart(x, LXW_CHART_COLUMN, il_report_word(IL_WORD_CHART_BY_TAG));
	lxw_chart_fill fills[TAGS];
	lxw_chart_point points[TAGS];
	lxw_chart_point *point_list[TAGS + 1];
	lxw_chart_series *series;

	if (!chart || !(series = add_series(x, chart)))
		return;
	chart_series_set_categories(series, SHEET_SUMMARY, first, 0, first + TAGS - 1, 0);
	chart_series_set_values(series, SHEET_SUMMARY, first, 1, first + TAGS - 1, 1);
	for (size_t i = 0; i < TAGS; i++) {
		fills[i] = (lxw_chart_fill){.color = il_tags[TAG(i)].rgb};
		points[i] = (lxw_chart_point){.fill = &fills[i]};
		point_list[i] = &points[i];
	}
	point_list[TAGS] = NULL;
	if (il_xlsx_failed(x, chart_series_set_points(series, point_list)))
		return;
	chart_axis_set_num_format(chart->y_axis, "#,##0");
	chart_legend_set_position(chart, LXW_CHART_LEGEND_NONE);
	il_xlsx_failed(x, worksheet_insert_chart(x->summary, at, 0, chart));
}

/* The number format of a chart label of AMOUNT in UNIT: a currency's, or
 * the number with the unit after it when the unit is plain enough to sit
 * inside a format's quotes. */
static void label_format(const char *unit, double amount, char *out, size_t size)
{
	int currency = il_currency_index(unit);
	bool whole = amount == floor(amount);
	const char *number = whole ? "#,##0" : "#,##0.0#####";

	if (currency >= 0)
		snprintf(out, size, "%s%s", il_currencies[currency].number_format,
			 whole ? "" : ".00##");
	else if (*unit && !strpbrk(unit, "\"\\") && strlen(unit) < size / 2)
		snprintf(out, size, "%s\" %s\"", number, unit);
	else
		snprintf(out, size, "%s", number);
}

/* Each tag's attributed value in its own unit: one series per tag, its
 * label in that unit.  The amounts share no scale, so the chart has no
 * value axis: the labels carry the numbers. */
static void own_units_chart(struct il_xlsx *x, lxw_row_t first, lxw_row_t at)
{
	lxw_chart *chart = il_xlsx_add_chart(x, LXW_CHART_COLUMN,
					     il_report_word(IL_WORD_CHART_OWN_UNITS_SHEET));
	char format[128];

	if (!chart)
		return;
	for (size_t i = 0; i < TAGS; i++) {
		const struct il_report_total *t = main_total(x->report, TAG(i));
		lxw_chart_series *series = add_series(x, chart);
		lxw_chart_fill fill = {.color = il_tags[TAG(i)].rgb};
		lxw_row_t row = first + (lxw_row_t)i;

		if (!series)
			return;
		chart_series_set_categories(series, SHEET_SUMMARY, row, 0, row, 0);
		chart_series_set_values(series, SHEET_SUMMARY, row, 2, row, 2);
		chart_series_set_name_range(series, SHEET_SUMMARY, row, 0);
		chart_series_set_fill(series, &fill);
		chart_series_set_labels(series);
		label_format(t ? t->unit : "", t ? t->attributed : 0, format, sizeof(format));
		chart_series_set_labels_num_format(series, format);
	}
	chart_axis_off(chart->y_axis);
	chart_axis_off(chart->x_axis);
	chart_legend_set_position(chart, LXW_CHART_LEGEND_BOTTOM);
	il_xlsx_failed(x, worksheet_insert_chart(x->summary, at, SUMMARY_SECOND_CHART_COL, chart));
}

void il_xlsx_write_summary_sheet(struct il_xlsx *x)
{
	struct sheet s = {.x = x, .ws = x->summary};
	static const double widths[] = {28, 16, 16, 18, 20, 16, 18, 20};
	lxw_row_t by_tag_first, charts;

	summary_heading(&s);
	charts = ++s.row;
	s.row += SUMMARY_CHART_ROWS;
	by_tag_first = summary_by_tag(&s);
	summary_totals(&s);
	summary_loss(&s);
	summary_scale(&s);
	summary_breadth(&s);
	summary_top(&s);
	summary_gaps(&s);
	count_chart(x, by_tag_first, charts);
	own_units_chart(x, by_tag_first, charts);
	for (size_t i = 0; i < IL_ARRAY_LEN(widths); i++)
		il_xlsx_set_columns(x, x->summary, (lxw_col_t)i, (lxw_col_t)i, widths[i]);
	il_xlsx_print_setup(x, x->summary, true, -1, s.row, SUMMARY_LAST_COL);
}
