/*
 * The Summary sheet: the report's sections top to bottom, each number the
 * Achievements rows can give a formula over that sheet (its value cached
 * from the report), and the charts by tag beside them.
 */

#include "report_xlsx.h"

#include "impactlog/report.h"
#include "impactlog/util.h"

#include <stdio.h>
#include <string.h>
#include <xlsxwriter.h>

/* Where the Summary charts go: right of its widest table. */
#define SUMMARY_CHART_COL 9

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

/* Sum of the attributed values of TAG in UNIT, from the model's totals. */
static double attributed_in(const struct il_report *r, enum il_tag tag, const char *unit)
{
	double sum = 0;

	for (size_t i = 0; i < r->totals_len; i++)
		if (r->totals[i].tag == tag && strcmp(r->totals[i].unit, unit) == 0)
			sum += r->totals[i].attributed;
	return sum;
}

/* Units differ between tags, so the value chart shows one currency only:
 * the first of il_currencies that the period has an amount in. */
static const char *pick_chart_currency(const struct il_report *r)
{
	for (size_t c = 0; c < IL_CURRENCIES; c++)
		for (size_t i = 0; i < r->totals_len; i++)
			if (r->totals[i].count > 0 && r->totals[i].valued > 0 &&
			    strcmp(r->totals[i].unit, il_currencies[c].code) == 0)
				return il_currencies[c].code;
	return NULL;
}

static void by_tag_header(struct sheet *s)
{
	const char *names[5] = {il_report_word(IL_WORD_TAG), il_report_word(IL_WORD_ACHIEVEMENTS)};
	size_t count = 2;
	struct il_buf money = {0}, previous = {0};

	if (s->x->chart_currency) {
		il_report_attributed_in(s->x->chart_currency, &money);
		names[count++] = il_buf_str(&money);
	}
	if (s->x->report->has_previous) {
		il_report_achievements_in(s->x->report->previous_cycle, &previous);
		names[count++] = il_buf_str(&previous);
		names[count++] = il_report_word(IL_WORD_CHANGE);
	}
	il_xlsx_put_header(s, names, count);
	il_buf_free(&money);
	il_buf_free(&previous);
}

/* One row per tag: the chart data.  Returns the first row's index. */
static lxw_row_t summary_by_tag(struct sheet *s)
{
	const struct il_report *r = s->x->report;
	char formula[512], tag_range[48], value_range[48], rows[256], tag[16], unit[16];
	lxw_row_t first;

	put_section(s, il_report_word(IL_WORD_BY_TAG));
	by_tag_header(s);
	first = s->row;
	il_xlsx_achievements_range(s->x, COL_TAG, tag_range);
	il_xlsx_achievements_range(s->x, COL_ATTRIBUTED, value_range);
	for (size_t i = 0; i < TAGS; i++) {
		unsigned row = (unsigned)s->row + 1;
		lxw_col_t col = 2;

		il_xlsx_put_text(s, 0, il_tag_name(TAG(i)), NULL);
		snprintf(formula, sizeof(formula), "=COUNTIF(%s,$A%u)", tag_range, row);
		il_xlsx_put_formula(s, 1, formula, s->x->fmt.count, (double)r->by_tag[TAG(i)]);
		if (s->x->chart_currency) {
			/* The currency is one of ours, never user text. */
			snprintf(tag, sizeof(tag), "$A%u", row);
			snprintf(unit, sizeof(unit), "\"%s\"", s->x->chart_currency);
			snprintf(formula, sizeof(formula), "=SUMPRODUCT(%s,%s)",
				 il_xlsx_rows_of(s->x, tag, unit, rows, sizeof(rows)), value_range);
			il_xlsx_put_formula(s, col++, formula,
					    il_xlsx_amount_format(s->x, s->x->chart_currency, 0),
					    attributed_in(r, TAG(i), s->x->chart_currency));
		}
		if (r->has_previous) {
			il_xlsx_put_number(s, col, (double)r->previous_by_tag[TAG(i)],
					   s->x->fmt.count);
			snprintf(formula, sizeof(formula), "=B%u-%c%u", row, 'A' + col, row);
			il_xlsx_put_formula(
				s, col + 1, formula, s->x->fmt.count,
				(double)(r->by_tag[TAG(i)] - r->previous_by_tag[TAG(i)]));
		}
		s->row++;
	}
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
	char formula[512], sum_range[48], rows[256], tag[16], unit[16];
	unsigned row = (unsigned)s->row + 1;

	snprintf(tag, sizeof(tag), "$A%u", row);
	snprintf(unit, sizeof(unit), "$B%u", row);
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
		snprintf(formula, sizeof(formula), "=E%u-G%u", row, row);
		il_xlsx_put_formula(s, 7, formula,
				    il_xlsx_amount_format(s->x, t->unit, t->attributed),
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
	char formula[512], sum_range[48], rows[256], unit[16], loss_tag[24];

	/* A quoted literal: the tag's name is ours, never user text. */
	snprintf(loss_tag, sizeof(loss_tag), "\"%s\"", il_tag_name(IL_TAG_PREVENTED_LOSS));
	put_section(s, il_report_section_title(IL_SECTION_LOSS));
	put_tag_count(s, IL_TAG_PREVENTED_LOSS, (double)loss->count);
	il_xlsx_achievements_range(s->x, COL_ATTRIBUTED, sum_range);
	for (size_t i = 0; i < loss->risk_adjusted_len; i++) {
		const struct il_report_amount *a = &loss->risk_adjusted[i];

		snprintf(unit, sizeof(unit), "$C%u", (unsigned)s->row + 1);
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

static void put_count_label(struct sheet *s, const char *label, long count)
{
	il_xlsx_put_text(s, 0, label, s->x->fmt.label);
	il_xlsx_put_number(s, 1, (double)count, s->x->fmt.count);
	s->row++;
}

static void summary_breadth(struct sheet *s)
{
	const struct il_report_breadth *b = &s->x->report->breadth;
	long projects = 0;

	for (size_t i = 0; i < b->projects_len; i++)
		projects += *b->projects[i].name != '\0';
	put_section(s, il_report_section_title(IL_SECTION_BREADTH));
	put_count_label(s, il_report_word(IL_WORD_DISTINCT_ORGS), b->distinct_orgs);
	put_count_label(s, il_report_word(IL_WORD_MULTI_ORG), b->multi_org);
	put_count_label(s, il_report_word(IL_WORD_NO_ORG_COUNT), b->no_org);
	put_count_label(s, il_report_word(IL_WORD_PROJECTS), projects);
}

static void summary_top(struct sheet *s)
{
	const struct il_report *r = s->x->report;
	const char *names[] = {il_report_word(IL_WORD_ID), il_report_word(IL_WORD_DATE),
			       il_report_word(IL_WORD_TAG), il_report_word(IL_WORD_ACHIEVEMENT)};

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
		il_xlsx_put_text(s, 3, it->sentence, NULL);
		s->row++;
	}
}

static void put_gap(struct sheet *s, const char *label, const struct il_report_gap *gap,
		    bool show_team)
{
	struct il_buf text = {0};

	put_count_label(s, label, gap->count);
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

static void summary_gaps(struct sheet *s)
{
	const struct il_report *r = s->x->report;
	struct il_buf months = {0};

	put_section(s, il_report_section_title(IL_SECTION_GAPS));
	put_gap(s, il_report_word(IL_WORD_NO_EVIDENCE), &r->gaps.no_evidence, false);
	put_gap(s, il_report_word(IL_WORD_NO_WITNESS), &r->gaps.no_witness, false);
	put_gap(s, il_report_word(IL_WORD_FULL_SHARE_SHEET), &r->gaps.full_share_of_team, true);
	il_report_empty_months(r, &months);
	il_xlsx_put_text(s, 0, il_report_word(IL_WORD_EMPTY_MONTHS), s->x->fmt.label);
	il_xlsx_put_number(s, 1, (double)r->gaps.empty_months, s->x->fmt.count);
	il_xlsx_put_text(s, 2, il_buf_str(&months), NULL);
	s->row++;
	il_buf_free(&months);
}

/* One column per tag, coloured as the Timeline's. */
static void tag_chart(struct il_xlsx *x, lxw_row_t first, lxw_col_t col, const char *title,
		      const char *number_format, lxw_row_t at)
{
	lxw_chart *chart = il_xlsx_add_chart(x, LXW_CHART_COLUMN, title);
	lxw_chart_fill fills[TAGS];
	lxw_chart_point points[TAGS];
	lxw_chart_point *point_list[TAGS + 1];
	lxw_chart_series *series;

	if (!chart)
		return;
	series = chart_add_series(chart, NULL, NULL);
	if (!series) {
		il_xlsx_failed(x, LXW_ERROR_MEMORY_MALLOC_FAILED);
		return;
	}
	chart_series_set_categories(series, SHEET_SUMMARY, first, 0, first + TAGS - 1, 0);
	chart_series_set_values(series, SHEET_SUMMARY, first, col, first + TAGS - 1, col);
	for (size_t i = 0; i < TAGS; i++) {
		fills[i] = (lxw_chart_fill){.color = il_tags[TAG(i)].rgb};
		points[i] = (lxw_chart_point){.fill = &fills[i]};
		point_list[i] = &points[i];
	}
	point_list[TAGS] = NULL;
	if (il_xlsx_failed(x, chart_series_set_points(series, point_list)))
		return;
	chart_axis_set_num_format(chart->y_axis, number_format);
	chart_legend_set_position(chart, LXW_CHART_LEGEND_NONE);
	il_xlsx_failed(x, worksheet_insert_chart(x->summary, at, SUMMARY_CHART_COL, chart));
}

static void summary_charts(struct il_xlsx *x, lxw_row_t by_tag_first)
{
	struct il_buf title = {0};

	tag_chart(x, by_tag_first, 1, il_report_word(IL_WORD_CHART_BY_TAG), "#,##0", 1);
	if (!x->chart_currency)
		return;
	il_report_attributed_chart(x->chart_currency, &title);
	tag_chart(x, by_tag_first, 2, il_buf_str(&title),
		  il_currencies[il_currency_index(x->chart_currency)].number_format, 17);
	il_buf_free(&title);
}

void il_xlsx_write_summary_sheet(struct il_xlsx *x)
{
	struct sheet s = {.x = x, .ws = x->summary};
	static const double widths[] = {28, 16, 16, 18, 20, 16, 18, 20};
	lxw_row_t by_tag_first;

	x->chart_currency = pick_chart_currency(x->report);
	summary_heading(&s);
	by_tag_first = summary_by_tag(&s);
	summary_totals(&s);
	summary_loss(&s);
	summary_scale(&s);
	summary_breadth(&s);
	summary_top(&s);
	summary_gaps(&s);
	summary_charts(x, by_tag_first);
	for (size_t i = 0; i < IL_ARRAY_LEN(widths); i++)
		il_xlsx_set_columns(x, x->summary, (lxw_col_t)i, (lxw_col_t)i, widths[i]);
}
