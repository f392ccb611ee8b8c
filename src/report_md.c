/* The Markdown renderer of the report model: headings, lists and pipe
 * tables that paste into a document, every piece of text escaped.  Like
 * the text renderer it lays out the model's numbers and words and adds
 * none of its own. */

#include "impactlog/report.h"

#include "report_model.h"

#include "report_text.h"

#include "impactlog/format.h"

#include <math.h>
#include <string.h>

#define MD_BAR_WIDTH 20 /* block characters of the longest Markdown bar */

static void md_row_start(FILE *f, const char *first)
{
	fputs("| ", f);
	il_md_text(f, first);
}

static void md_cell(FILE *f, const char *text)
{
	fputs(" | ", f);
	il_md_text(f, text);
}

/* A table row of a label and its value. */
static void md_row(FILE *f, const char *label, const char *value)
{
	md_row_start(f, label);
	md_cell(f, value);
	fputs(" |\n", f);
}

/* "\n## Title\n\n": SECTION's heading. */
static void md_heading(FILE *f, enum il_report_section section)
{
	fputs("\n## ", f);
	il_md_text(f, il_report_section_title(section));
	fputs("\n\n", f);
}

static void md_empty(FILE *f, enum il_report_section section)
{
	il_md_text(f, il_report_section_empty(section));
	fputc('\n', f);
}

/* "- Label: " opening a list item. */
static void md_item_label(FILE *f, const char *label)
{
	fputs("- ", f);
	il_md_text(f, label);
	fputs(": ", f);
}

/* "**text**". */
static void md_strong(FILE *f, const char *text)
{
	fputs("**", f);
	il_md_text(f, text);
	fputs("**", f);
}

/* "… and 4 more" after PREFIX, on a line of its own. */
static void md_more(FILE *f, const char *prefix, long count)
{
	struct il_buf more = {0};

	il_report_more(count, &more);
	fputs(prefix, f);
	il_md_text(f, il_buf_str(&more));
	fputc('\n', f);
	il_buf_free(&more);
}

static void md_header(FILE *f, const struct il_report *r)
{
	struct il_buf line = {0};

	fputs("# ", f);
	il_md_text(f, il_report_section_title(IL_SECTION_HEADING));
	if (*r->profile.name) {
		fputs(": ", f);
		il_md_text(f, r->profile.name);
	}
	fputs("\n\n| | |\n|---|---|\n", f);
	il_report_who(&r->profile, &line);
	md_row(f, il_report_word(IL_WORD_WHO), il_buf_str(&line));
	if (*r->profile.manager)
		md_row(f, il_report_word(IL_WORD_FOR), r->profile.manager);
	md_row(f, il_report_word(IL_WORD_PERIOD), r->period);
	if (*r->scope)
		md_row(f, il_report_word(IL_WORD_FILTERS), r->scope);
	md_row(f, il_report_word(IL_WORD_GENERATED), r->generated);
	il_buf_reset(&line);
	il_report_logged(r, &line);
	md_row(f, il_report_word(IL_WORD_LOGGED), il_buf_str(&line));
	if (r->has_previous) {
		il_buf_reset(&line);
		il_report_previous(r, &line);
		md_row(f, il_report_previous_label(r), il_buf_str(&line));
	}
	if (r->redact)
		md_row(f, il_report_word(IL_WORD_REDACTED), il_report_word(IL_WORD_REDACTED_WHAT));
	il_buf_free(&line);
}

static void md_totals(FILE *f, const struct il_report *r)
{
	md_heading(f, IL_SECTION_TOTALS);
	if (!r->totals_len) {
		md_empty(f, IL_SECTION_TOTALS);
		return;
	}
	md_row_start(f, il_report_word(IL_WORD_TAG));
	md_cell(f, il_report_word(IL_WORD_UNIT));
	md_cell(f, il_report_word(IL_WORD_COUNT));
	md_cell(f, il_report_word(IL_WORD_OUTCOME));
	md_cell(f, il_report_word(IL_WORD_ATTRIBUTED));
	if (r->has_previous) {
		md_cell(f, il_report_word(IL_WORD_PREVIOUS));
		md_cell(f, il_report_word(IL_WORD_CHANGE));
	}
	fputs(r->has_previous ? " |\n|---|---|--:|--:|--:|--:|--:|\n"
			      : " |\n|---|---|--:|--:|--:|\n",
	      f);
	for (size_t i = 0; i < r->totals_len; i++) {
		const struct il_report_total *t = &r->totals[i];
		char count[32], outcome[64], attributed[64], previous[64], change[64];

		snprintf(count, sizeof(count), "%ld", t->count);
		il_text_table_amount(t->outcome, t->unit, outcome, sizeof(outcome));
		il_text_table_amount(t->attributed, t->unit, attributed, sizeof(attributed));
		md_row_start(f, il_tag_name(t->tag));
		md_cell(f, *t->unit ? t->unit : "-");
		md_cell(f, count);
		md_cell(f, t->valued ? outcome : "-");
		md_cell(f, t->valued ? attributed : "-");
		if (r->has_previous) {
			il_text_table_amount(t->previous_attributed, t->unit, previous,
					     sizeof(previous));
			il_text_table_change(t->attributed, t->previous_attributed, t->unit, change,
					     sizeof(change));
			md_cell(f, t->previous_valued ? previous : "-");
			md_cell(f, change);
		}
		fputs(" |\n", f);
	}
	fputc('\n', f);
	il_md_text(f, il_report_word(IL_WORD_TOTALS_NOTE));
	if (r->has_previous) {
		struct il_buf note = {0};

		il_report_totals_previous_note(r, &note);
		fputc(' ', f);
		il_md_text(f, il_buf_str(&note));
		il_buf_free(&note);
	}
	fputc('\n', f);
}

static void md_loss(FILE *f, const struct il_report *r)
{
	const struct il_report_loss *loss = &r->loss;
	struct il_buf line = {0};

	md_heading(f, IL_SECTION_LOSS);
	if (!loss->count) {
		md_empty(f, IL_SECTION_LOSS);
		return;
	}
	il_text_amount_list(loss->risk_adjusted, loss->risk_adjusted_len, &line);
	md_item_label(f, il_report_word(IL_WORD_RISK_ADJUSTED));
	md_strong(f, line.len ? il_buf_str(&line) : il_report_word(IL_WORD_NO_VALUES));
	fputc('\n', f);
	md_item_label(f, il_report_word(IL_WORD_LEAD_TIME));
	il_buf_reset(&line);
	if (loss->lead_days_count) {
		il_report_lead_days(loss, &line);
		md_strong(f, il_buf_str(&line));
		il_buf_reset(&line);
		il_report_lead_days_count(loss, &line);
		fputc(' ', f);
		il_md_text(f, il_buf_str(&line));
	} else {
		il_md_text(f, il_report_word(IL_WORD_NO_LEAD_DAYS));
	}
	fputc('\n', f);
	il_buf_free(&line);
}

static void md_scale(FILE *f, const struct il_report *r)
{
	const struct il_report_scale *scale = &r->scale;
	struct il_buf line = {0};
	char factor[32];

	md_heading(f, IL_SECTION_SCALE);
	if (!scale->count) {
		md_empty(f, IL_SECTION_SCALE);
		return;
	}
	if (!scale->factor_count) {
		md_item_label(f, il_report_word(IL_WORD_SCALE_FACTORS));
		il_md_text(f, il_report_word(IL_WORD_NO_SCALE_FACTORS));
		fputc('\n', f);
		return;
	}
	il_format_scale(scale->largest_factor, factor, sizeof(factor));
	md_item_label(f, il_report_word(IL_WORD_LARGEST_FACTOR));
	md_strong(f, factor);
	fprintf(f, " (#%lld ", (long long)scale->largest_id);
	il_md_text(f, scale->largest_title);
	fputs(")\n", f);
	il_format_scale(scale->median_factor, factor, sizeof(factor));
	md_item_label(f, il_report_word(IL_WORD_MEDIAN_FACTOR));
	md_strong(f, factor);
	il_report_factor_count(scale, &line);
	fputc(' ', f);
	il_md_text(f, il_buf_str(&line));
	fputc('\n', f);
	il_buf_free(&line);
}

static void md_groups(FILE *f, const char *title, const char *none,
		      const struct il_report_group *groups, size_t len)
{
	fputc('\n', f);
	md_row_start(f, title);
	md_cell(f, il_report_word(IL_WORD_COUNT));
	md_cell(f, il_report_tag_column(IL_TAG_PREVENTED_LOSS));
	md_cell(f, il_report_tag_column(IL_TAG_ENABLED_SCALE));
	md_cell(f, il_report_tag_column(IL_TAG_USER_GROWTH));
	md_cell(f, il_report_word(IL_WORD_ATTRIBUTED));
	fputs(" |\n|---|--:|--:|--:|--:|---|\n", f);
	for (size_t i = 0; i < len && i < IL_TEXT_GROUP_ROWS; i++) {
		const struct il_report_group *g = &groups[i];
		struct il_buf amounts = {0};

		il_text_amount_list(g->attributed, g->attributed_len, &amounts);
		md_row_start(f, *g->name ? g->name : none);
		fprintf(f, " | %ld | %ld | %ld | %ld", g->count, g->by_tag[IL_TAG_PREVENTED_LOSS],
			g->by_tag[IL_TAG_ENABLED_SCALE], g->by_tag[IL_TAG_USER_GROWTH]);
		md_cell(f, amounts.len ? il_buf_str(&amounts) : "-");
		fputs(" |\n", f);
		il_buf_free(&amounts);
	}
	if (len > IL_TEXT_GROUP_ROWS)
		md_more(f, "\n… ", (long)(len - IL_TEXT_GROUP_ROWS));
}

static void md_breadth(FILE *f, const struct il_report *r)
{
	const struct il_report_breadth *b = &r->breadth;

	struct il_buf line = {0};

	md_heading(f, IL_SECTION_BREADTH);
	md_item_label(f, il_report_word(IL_WORD_DISTINCT_ORGS));
	fprintf(f, "**%ld**\n", b->distinct_orgs);
	md_item_label(f, il_report_word(IL_WORD_MULTI_ORG));
	fprintf(f, "**%ld** ", b->multi_org);
	il_report_of_achievements(r->count, &line);
	il_md_text(f, il_buf_str(&line));
	fputc('\n', f);
	il_buf_free(&line);
	if (b->orgs_len)
		md_groups(f, il_report_word(IL_WORD_ORG), "", b->orgs, b->orgs_len);
	if (b->projects_len)
		md_groups(f, il_report_word(IL_WORD_PROJECT), il_report_word(IL_WORD_NO_PROJECT),
			  b->projects, b->projects_len);
}

/* "Evidence: ..." under a top achievement, unless TEXT is "". */
static void md_item_line(FILE *f, enum il_report_word label, const char *text)
{
	if (!*text)
		return;
	fputs("  \n   ", f);
	il_md_text(f, il_report_word(label));
	fputs(": ", f);
	il_md_text(f, text);
}

static void md_item(FILE *f, const struct il_report_item *it, int rank)
{
	struct il_buf line = {0};

	fprintf(f, "%d. **", rank);
	il_md_text(f, it->title);
	fputs("**  \n   ", f);
	il_md_text(f, it->sentence);
	fputs("  \n   ", f);
	il_report_item_details(it, &line);
	fputc('_', f);
	il_md_text(f, il_buf_str(&line));
	fputc('_', f);
	md_item_line(f, IL_WORD_EVIDENCE, it->evidence);
	md_item_line(f, IL_WORD_WITNESSES, it->witnesses);
	md_item_line(f, IL_WORD_NOTE, it->note);
	fputc('\n', f);
	il_buf_free(&line);
}

static void md_top(FILE *f, const struct il_report *r)
{
	enum il_tag group = IL_TAG_NONE;
	int rank = 0;

	fputs("\n## ", f);
	il_md_text(f, il_report_section_title(IL_SECTION_TOP));
	fputc('\n', f);
	if (!r->top_len) {
		fputc('\n', f);
		md_empty(f, IL_SECTION_TOP);
	}
	for (size_t i = 0; i < r->top_len; i++) {
		if (r->top[i].tag != group) {
			group = r->top[i].tag;
			rank = 0;
			fputs("\n### ", f);
			il_md_text(f, il_report_tag_heading(group));
			fputs("\n\n", f);
		}
		md_item(f, &r->top[i], ++rank);
	}
}

static void md_gap(FILE *f, const char *label, const struct il_report_gap *gap, bool show_team)
{
	md_item_label(f, label);
	fprintf(f, "**%ld**\n", gap->count);
	for (size_t i = 0; i < gap->items_len; i++) {
		const struct il_report_item *it = &gap->items[i];

		fprintf(f, "  - #%lld %s ", (long long)it->id, it->date);
		il_md_text(f, it->title);
		if (show_team) {
			struct il_buf team = {0};

			il_report_team_of(it->team_size, &team);
			fputs(" (", f);
			il_md_text(f, il_buf_str(&team));
			fputc(')', f);
			il_buf_free(&team);
		}
		fputc('\n', f);
	}
	if ((size_t)gap->count > gap->items_len)
		md_more(f, "  - … ", gap->count - (long)gap->items_len);
}

static void md_gaps(FILE *f, const struct il_report *r)
{
	const struct il_report_gaps *gaps = &r->gaps;
	struct il_buf months = {0};

	md_heading(f, IL_SECTION_GAPS);
	md_gap(f, il_report_word(IL_WORD_NO_EVIDENCE), &gaps->no_evidence, false);
	md_gap(f, il_report_word(IL_WORD_NO_WITNESS), &gaps->no_witness, false);
	md_gap(f, il_report_word(IL_WORD_FULL_SHARE), &gaps->full_share_of_team, true);
	md_item_label(f, il_report_word(IL_WORD_EMPTY_MONTHS));
	fprintf(f, "**%ld**", gaps->empty_months);
	il_report_empty_months(r, &months);
	if (months.len) {
		fputs(" (", f);
		il_md_text(f, il_buf_str(&months));
		fputc(')', f);
	}
	fputc('\n', f);
	il_buf_free(&months);
}

static void md_months(FILE *f, const struct il_report *r)
{
	long max = il_text_max_month_total(r);

	md_heading(f, IL_SECTION_MONTHS);
	if (!r->months_len) {
		md_empty(f, IL_SECTION_MONTHS);
		return;
	}
	md_row_start(f, il_report_word(IL_WORD_MONTH));
	md_cell(f, il_report_word(IL_WORD_TOTAL));
	md_cell(f, il_report_tag_heading(IL_TAG_PREVENTED_LOSS));
	md_cell(f, il_report_tag_heading(IL_TAG_ENABLED_SCALE));
	md_cell(f, il_report_tag_heading(IL_TAG_USER_GROWTH));
	fputs(" | |\n|---|--:|--:|--:|--:|---|\n", f);
	for (size_t i = 0; i < r->months_len; i++) {
		const struct il_report_month *m = &r->months[i];
		long blocks = max ? lround((double)m->total * MD_BAR_WIDTH / (double)max) : 0;

		fprintf(f, "| %s | %ld | %ld | %ld | %ld | ", m->month, m->total,
			m->by_tag[IL_TAG_PREVENTED_LOSS], m->by_tag[IL_TAG_ENABLED_SCALE],
			m->by_tag[IL_TAG_USER_GROWTH]);
		if (m->total && blocks == 0)
			blocks = 1;
		for (long b = 0; b < blocks; b++)
			fputs("█", f);
		il_md_text(f, il_report_month_state(m));
		fputs(" |\n", f);
	}
}

static void md_readiness(FILE *f, const struct il_report *r)
{
	const struct il_readiness *rd = &r->readiness;
	struct il_buf title = {0};

	if (rd->unavailable) {
		md_heading(f, IL_SECTION_READINESS);
		il_md_text(f, rd->unavailable);
		fputc('\n', f);
		return;
	}
	il_readiness_title(rd, &title);
	fputs("\n## ", f);
	il_md_text(f, il_buf_str(&title));
	fputc('\n', f);
	il_buf_free(&title);
	il_readiness_write_markdown_rows(f, rd);
}

int il_report_write_markdown(const struct il_report *report, FILE *out)
{
	md_header(out, report);
	md_totals(out, report);
	md_readiness(out, report);
	md_loss(out, report);
	md_scale(out, report);
	md_breadth(out, report);
	md_top(out, report);
	md_gaps(out, report);
	md_months(out, report);
	return ferror(out) ? -1 : 0;
}

int il_report_markdown(struct il_db *db, const struct il_report_options *options, FILE *out)
{
	struct il_report report;

	if (il_report_build_groups_beside(db, options, &report) < 0)
		return -1;
	il_report_write_markdown(&report, out);
	il_report_free(&report);
	return 0;
}
