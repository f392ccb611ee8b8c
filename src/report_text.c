/* The text renderer of the report model: 80 columns, bars and, on a
 * terminal, colour.  It formats what il_report_build gathered and computes
 * nothing that the report queries already give; its words are the
 * model's (report_words.c), which it only lays out.  It also holds the
 * table layout it shares with the Markdown renderer (report_text.h). */

#include "impactlog/report.h"

#include "impactlog/format.h"
#include "report_model.h"
#include "report_text.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define WIDTH	   80  /* text never goes past this column */
#define BAR_WIDTH  36  /* columns of the longest month bar */
#define NOTE_CHARS 300 /* characters of a note the text report shows */

#define BOLD  "\033[1m"
#define DIM   "\033[2m"
#define RESET "\033[0m"

struct out {
	FILE *f;
	bool color;
};

/* --- Layout shared with Markdown (report_text.h) ----------------------- */

void il_text_table_amount(double value, const char *unit, char *out, size_t size)
{
	il_format_amount(value, unit, out, size);
	/* il_format_amount writes the unit's name only when it has no symbol. */
	if (!*unit || strstr(out, unit))
		il_format_compact(value, out, size);
}

void il_text_table_change(double current, double previous, const char *unit, char *out, size_t size)
{
	char amount[48]; /* leaves room for the sign in OUT's 64 */
	double change = current - previous;

	if (change == 0) {
		snprintf(out, size, "0");
		return;
	}
	il_text_table_amount(fabs(change), unit, amount, sizeof(amount));
	snprintf(out, size, "%s%s", change > 0 ? "+" : "-", amount);
}

void il_text_amount_list(const struct il_report_amount *amounts, size_t len, struct il_buf *out)
{
	for (size_t i = 0; i < len; i++) {
		char amount[64];

		il_format_amount(amounts[i].value, amounts[i].unit, amount, sizeof(amount));
		il_buf_printf(out, "%s%s", i ? ", " : "", amount);
	}
}

long il_text_max_month_total(const struct il_report *r)
{
	long max = 0;

	for (size_t i = 0; i < r->months_len; i++)
		if (r->months[i].total > max)
			max = r->months[i].total;
	return max;
}

/* --- Text primitives ------------------------------------------------------ */

static const char *tag_color(enum il_tag tag)
{
	return il_tag_info(tag)->color;
}

/* Columns S takes on a terminal (wide characters take two). */
static int text_width(const char *s)
{
	return (int)il_utf8_width(s);
}

/* The same for the first LEN bytes of S. */
static int text_width_n(const char *s, size_t len)
{
	char *copy = il_xstrndup(s, len);
	int width = text_width(copy);

	free(copy);
	return width;
}

static void put_styled(struct out *o, const char *style, const char *text)
{
	if (o->color)
		fprintf(o->f, "%s%s%s", style, text, RESET);
	else
		fputs(text, o->f);
}

/* TEXT in exactly WIDTH columns: cut with "…" when longer, padded on the
 * right (or on the left, with RIGHT) when shorter. */
static void put_cell(struct out *o, const char *text, int width, bool right)
{
	int length = text_width(text);

	if (length > width) {
		int bytes = (int)il_utf8_prefix_width(text, (size_t)(width > 1 ? width - 1 : 0));

		fprintf(o->f, "%.*s…", bytes, text);
		/* A wide character that did not fit leaves a column to pad. */
		fprintf(o->f, "%*s", width - 1 - text_width_n(text, (size_t)bytes), "");
		return;
	}
	if (right)
		fprintf(o->f, "%*s%s", width - length, "", text);
	else
		fprintf(o->f, "%s%*s", text, width - length, "");
}

/* The last cell of a line: cut like put_cell, never padded, so that no
 * line ends in spaces. */
static void put_tail(struct out *o, const char *text, int width)
{
	if (text_width(text) > width)
		put_cell(o, text, width, false);
	else
		fputs(text, o->f);
}

/* SECTION's title in capitals, bold on a colour terminal. */
static void put_title_text(struct out *o, const char *text)
{
	char *title = il_xstrdup(text);

	for (char *p = title; *p; p++)
		if (*p >= 'a' && *p <= 'z')
			*p = (char)(*p - 'a' + 'A');
	put_styled(o, BOLD, title);
	free(title);
}

static void put_title(struct out *o, enum il_report_section section)
{
	put_title_text(o, il_report_section_title(section));
}

static void heading(struct out *o, enum il_report_section section)
{
	fputc('\n', o->f);
	put_title(o, section);
	fputc('\n', o->f);
}

/* The line SECTION shows when the period has nothing for it. */
static void put_empty(struct out *o, enum il_report_section section)
{
	fprintf(o->f, "  %s\n", il_report_section_empty(section));
}

/* Ends the line (closing STYLE first, so no style leaks into the next
 * line) and indents the next one to INDENT, reopening STYLE. */
static void new_line(struct out *o, const char *style, int indent)
{
	if (style)
		fputs(RESET, o->f);
	fprintf(o->f, "\n%*s", indent, "");
	if (style)
		fputs(style, o->f);
}

/* Prints TEXT from column COL, in STYLE on a colour terminal (NULL: plain),
 * breaking lines between words so that none passes WIDTH; continuation
 * lines start at column INDENT.  Runs of white space (a note's newlines)
 * print as one space; a word longer than a line is cut where the line
 * ends. */
static void put_wrapped_styled(struct out *o, const char *style, const char *text, int col,
			       int indent)
{
	const char *p = text;
	bool line_empty = true;

	style = o->color ? style : NULL;
	if (style)
		fputs(style, o->f);
	while (*p) {
		size_t len;
		int width;

		p += strspn(p, " \t\r\n");
		if (!*p)
			break;
		len = strcspn(p, " \t\r\n");
		width = text_width_n(p, len);
		if (!line_empty && col + 1 + width > WIDTH) {
			new_line(o, style, indent);
			col = indent;
			line_empty = true;
		}
		if (!line_empty) {
			fputc(' ', o->f);
			col++;
		}
		/* A word wider than the line (a long link) is cut at the edge. */
		while (col + width > WIDTH && col < WIDTH) {
			char *word = il_xstrndup(p, len);
			size_t bytes = il_utf8_prefix_width(word, (size_t)(WIDTH - col));

			free(word);
			if (bytes == 0)
				break; /* a wide character at the last column */
			fwrite(p, 1, bytes, o->f);
			width -= text_width_n(p, bytes);
			p += bytes;
			len -= bytes;
			new_line(o, style, indent);
			col = indent;
		}
		fwrite(p, 1, len, o->f);
		p += len;
		col += width;
		line_empty = false;
	}
	if (style)
		fputs(RESET, o->f);
	fputc('\n', o->f);
}

static void put_wrapped(struct out *o, const char *text, int col, int indent)
{
	put_wrapped_styled(o, NULL, text, col, indent);
}

/* "  Label        value...", the value wrapped under itself. */
static void field(struct out *o, const char *label, const char *value)
{
	enum { LABEL = 28 };

	fprintf(o->f, "  %-*s", LABEL, label);
	put_wrapped(o, value, 2 + LABEL, 2 + LABEL);
}

/* "… and 4 more", after PREFIX, on a line of its own. */
static void put_more(struct out *o, const char *prefix, long count)
{
	struct il_buf more = {0};

	il_report_more(count, &more);
	fprintf(o->f, "%s%s\n", prefix, il_buf_str(&more));
	il_buf_free(&more);
}

/* --- Text sections ------------------------------------------------------- */

static void text_header(struct out *o, const struct il_report *r)
{
	struct il_buf line = {0};

	put_title(o, IL_SECTION_HEADING);
	fputc('\n', o->f);
	il_report_who(&r->profile, &line);
	field(o, il_report_word(IL_WORD_WHO), il_buf_str(&line));
	if (*r->profile.manager)
		field(o, il_report_word(IL_WORD_FOR), r->profile.manager);
	field(o, il_report_word(IL_WORD_PERIOD), r->period);
	if (*r->scope)
		field(o, il_report_word(IL_WORD_FILTERS), r->scope);
	field(o, il_report_word(IL_WORD_GENERATED), r->generated);
	il_buf_reset(&line);
	il_report_logged(r, &line);
	field(o, il_report_word(IL_WORD_LOGGED), il_buf_str(&line));
	if (r->has_previous) {
		il_buf_reset(&line);
		il_report_previous(r, &line);
		field(o, il_report_previous_label(r), il_buf_str(&line));
	}
	if (r->redact)
		field(o, il_report_word(IL_WORD_REDACTED), il_report_word(IL_WORD_REDACTED_WHAT));
	il_buf_free(&line);
}

static int digits(long n)
{
	return snprintf(NULL, 0, "%ld", n);
}

static int at_least(int width, int minimum)
{
	return width > minimum ? width : minimum;
}

/* The totals table's cells of row T: outcome, attributed, previous and
 * change, "-" where there is no value. */
struct total_cells {
	char outcome[64], attributed[64], previous[64], change[64];
};

static void total_cells(const struct il_report_total *t, struct total_cells *c)
{
	il_text_table_amount(t->outcome, t->unit, c->outcome, sizeof(c->outcome));
	il_text_table_amount(t->attributed, t->unit, c->attributed, sizeof(c->attributed));
	il_text_table_amount(t->previous_attributed, t->unit, c->previous, sizeof(c->previous));
	il_text_table_change(t->attributed, t->previous_attributed, t->unit, c->change,
			     sizeof(c->change));
	if (!t->valued) {
		snprintf(c->outcome, sizeof(c->outcome), "-");
		snprintf(c->attributed, sizeof(c->attributed), "-");
	}
	if (!t->previous_valued)
		snprintf(c->previous, sizeof(c->previous), "-");
}

static void widen(int *width, const char *text)
{
	*width = at_least(text_width(text), *width);
}

/* The amounts are never cut: a column wider than its heading's room takes
 * the extra from the unit column, and only past that from the margin. */
static void text_totals(struct out *o, const struct il_report *r)
{
	long most = 0;
	int count_w, unit_w, outcome_w = 8, attributed_w = 10, previous_w = 9, change_w = 8;
	int extra;

	heading(o, IL_SECTION_TOTALS);
	if (!r->totals_len) {
		put_empty(o, IL_SECTION_TOTALS);
		return;
	}
	for (size_t i = 0; i < r->totals_len; i++) {
		struct total_cells c;

		most = r->totals[i].count > most ? r->totals[i].count : most;
		total_cells(&r->totals[i], &c);
		widen(&outcome_w, c.outcome);
		widen(&attributed_w, c.attributed);
		if (r->has_previous) {
			widen(&previous_w, c.previous);
			widen(&change_w, c.change);
		}
	}
	count_w = at_least(digits(most), 5);
	extra = (count_w - 5) + (outcome_w - 8) + (attributed_w - 10);
	if (r->has_previous)
		extra += (previous_w - 9) + (change_w - 8);
	unit_w = at_least(10 - extra, 4);
	fputs("  ", o->f);
	put_cell(o, il_report_word(IL_WORD_TAG), 14, false);
	fputs("  ", o->f);
	put_cell(o, il_report_word(IL_WORD_UNIT), unit_w, false);
	fprintf(o->f, "  %*s  %*s  %*s", count_w, il_report_word(IL_WORD_COUNT), outcome_w,
		il_report_word(IL_WORD_OUTCOME), attributed_w, il_report_word(IL_WORD_ATTRIBUTED));
	if (r->has_previous)
		fprintf(o->f, "  %*s  %*s", previous_w, il_report_word(IL_WORD_PREVIOUS), change_w,
			il_report_word(IL_WORD_CHANGE));
	fputc('\n', o->f);
	for (size_t i = 0; i < r->totals_len; i++) {
		const struct il_report_total *t = &r->totals[i];
		struct total_cells c;

		total_cells(t, &c);
		fputs("  ", o->f);
		if (o->color)
			fputs(tag_color(t->tag), o->f);
		put_cell(o, il_tag_name(t->tag), 14, false);
		if (o->color)
			fputs(RESET, o->f);
		fputs("  ", o->f);
		put_cell(o, *t->unit ? t->unit : "-", unit_w, false);
		fprintf(o->f, "  %*ld  ", count_w, t->count);
		put_cell(o, c.outcome, outcome_w, true);
		fputs("  ", o->f);
		put_cell(o, c.attributed, attributed_w, true);
		if (r->has_previous) {
			fputs("  ", o->f);
			put_cell(o, c.previous, previous_w, true);
			fputs("  ", o->f);
			put_cell(o, c.change, change_w, true);
		}
		fputc('\n', o->f);
	}
	fprintf(o->f, "  %s\n", il_report_word(IL_WORD_TOTALS_NOTE));
	if (r->has_previous) {
		struct il_buf note = {0};

		il_report_totals_previous_note(r, &note);
		fprintf(o->f, "  %s\n", il_buf_str(&note));
		il_buf_free(&note);
	}
}

static void text_loss(struct out *o, const struct il_report *r)
{
	const struct il_report_loss *loss = &r->loss;
	struct il_buf line = {0};

	heading(o, IL_SECTION_LOSS);
	if (!loss->count) {
		put_empty(o, IL_SECTION_LOSS);
		return;
	}
	il_text_amount_list(loss->risk_adjusted, loss->risk_adjusted_len, &line);
	field(o, il_report_word(IL_WORD_RISK_ADJUSTED),
	      line.len ? il_buf_str(&line) : il_report_word(IL_WORD_NO_VALUES));
	il_buf_reset(&line);
	if (loss->lead_days_count) {
		il_report_lead_days(loss, &line);
		il_buf_puts(&line, " ");
		il_report_lead_days_count(loss, &line);
	} else {
		il_buf_puts(&line, il_report_word(IL_WORD_NO_LEAD_DAYS));
	}
	field(o, il_report_word(IL_WORD_LEAD_TIME), il_buf_str(&line));
	il_buf_free(&line);
}

static void text_scale(struct out *o, const struct il_report *r)
{
	const struct il_report_scale *scale = &r->scale;
	struct il_buf line = {0};
	char factor[32];

	heading(o, IL_SECTION_SCALE);
	if (!scale->count) {
		put_empty(o, IL_SECTION_SCALE);
		return;
	}
	if (!scale->factor_count) {
		field(o, il_report_word(IL_WORD_SCALE_FACTORS),
		      il_report_word(IL_WORD_NO_SCALE_FACTORS_OPTION));
		return;
	}
	il_format_scale(scale->largest_factor, factor, sizeof(factor));
	il_buf_printf(&line, "%s  #%lld %s", factor, (long long)scale->largest_id,
		      scale->largest_title);
	fprintf(o->f, "  %-28s", il_report_word(IL_WORD_LARGEST_FACTOR));
	put_tail(o, il_buf_str(&line), WIDTH - 30);
	fputc('\n', o->f);
	il_buf_reset(&line);
	il_format_scale(scale->median_factor, factor, sizeof(factor));
	il_buf_printf(&line, "%s  ", factor);
	il_report_factor_count(scale, &line);
	field(o, il_report_word(IL_WORD_MEDIAN_FACTOR), il_buf_str(&line));
	il_buf_free(&line);
}

/* AMOUNT in at most ROOM columns: a unit that does not fit is cut, never
 * the number before it; a number alone wider than ROOM is shown whole. */
static void put_amount(struct out *o, const struct il_report_amount *amount, int room)
{
	char text[64], number[64];
	int number_w;

	il_format_amount(amount->value, amount->unit, text, sizeof(text));
	if (text_width(text) <= room) {
		fputs(text, o->f);
		return;
	}
	il_text_table_amount(amount->value, amount->unit, number, sizeof(number));
	number_w = text_width(number);
	if (strcmp(number, text) == 0 || number_w + 2 >= room) {
		fputs(text, o->f);
		return;
	}
	fprintf(o->f, "%s ", number);
	put_tail(o, text + strlen(number) + 1, room - number_w - 1);
}

/* Amounts from column COL, one per line part: an amount is never split
 * from its unit. */
static void put_amounts(struct out *o, const struct il_report_amount *amounts, size_t len, int col)
{
	int at = col;

	if (!len)
		fputs("-", o->f);
	for (size_t i = 0; i < len; i++) {
		char amount[64];
		int width;

		il_format_amount(amounts[i].value, amounts[i].unit, amount, sizeof(amount));
		width = text_width(amount);
		if (i && at + 2 + width > WIDTH) {
			fprintf(o->f, ",\n%*s", col, "");
			at = col;
		} else if (i) {
			fputs(", ", o->f);
			at += 2;
		}
		/* Room for the comma that follows all but the last. */
		put_amount(o, &amounts[i], WIDTH - at - (i + 1 < len));
		at += width;
	}
	fputc('\n', o->f);
}

/* The org or project table.  Groups come largest first, so the first
 * count is the widest number; the name column gives up what the number
 * columns need beyond their headings. */
static void text_groups(struct out *o, const char *title, const char *none,
			const struct il_report_group *groups, size_t len)
{
	int count_w = at_least(digits(groups[0].count), 5);
	int loss_w = at_least(digits(groups[0].count), 4);
	int scale_w = at_least(digits(groups[0].count), 5);
	int growth_w = at_least(digits(groups[0].count), 6);
	int name_w =
		at_least(22 - (count_w - 5) - (loss_w - 4) - (scale_w - 5) - (growth_w - 6), 8);
	int amounts_col = 2 + name_w + 2 + count_w + 2 + loss_w + 2 + scale_w + 2 + growth_w + 2;

	fputs("\n  ", o->f);
	put_cell(o, title, name_w, false);
	fprintf(o->f, "  %*s  %*s  %*s  %*s  %s\n", count_w, il_report_word(IL_WORD_COUNT), loss_w,
		il_report_tag_column(IL_TAG_PREVENTED_LOSS), scale_w,
		il_report_tag_column(IL_TAG_ENABLED_SCALE), growth_w,
		il_report_tag_column(IL_TAG_USER_GROWTH), il_report_word(IL_WORD_ATTRIBUTED));
	for (size_t i = 0; i < len && i < IL_TEXT_GROUP_ROWS; i++) {
		const struct il_report_group *g = &groups[i];

		fputs("  ", o->f);
		put_cell(o, *g->name ? g->name : none, name_w, false);
		fprintf(o->f, "  %*ld  %*ld  %*ld  %*ld  ", count_w, g->count, loss_w,
			g->by_tag[IL_TAG_PREVENTED_LOSS], scale_w, g->by_tag[IL_TAG_ENABLED_SCALE],
			growth_w, g->by_tag[IL_TAG_USER_GROWTH]);
		put_amounts(o, g->attributed, g->attributed_len, amounts_col);
	}
	if (len > IL_TEXT_GROUP_ROWS)
		put_more(o, "  … ", (long)(len - IL_TEXT_GROUP_ROWS));
}

static void text_breadth(struct out *o, const struct il_report *r)
{
	const struct il_report_breadth *b = &r->breadth;
	struct il_buf line = {0};

	heading(o, IL_SECTION_BREADTH);
	il_buf_printf(&line, "%ld", b->distinct_orgs);
	field(o, il_report_word(IL_WORD_DISTINCT_ORGS), il_buf_str(&line));
	il_buf_reset(&line);
	il_buf_printf(&line, "%ld ", b->multi_org);
	il_report_of_achievements(r->count, &line);
	field(o, il_report_word(IL_WORD_MULTI_ORG), il_buf_str(&line));
	il_buf_free(&line);
	if (b->orgs_len)
		text_groups(o, il_report_word(IL_WORD_ORG), "", b->orgs, b->orgs_len);
	if (b->projects_len)
		text_groups(o, il_report_word(IL_WORD_PROJECT), il_report_word(IL_WORD_NO_PROJECT),
			    b->projects, b->projects_len);
}

static void text_item(struct out *o, const struct il_report_item *it, int rank)
{
	struct il_buf line = {0};
	enum { INDENT = 6 };

	fprintf(o->f, "  %2d. ", rank);
	put_wrapped_styled(o, BOLD, it->title, INDENT, INDENT);
	fprintf(o->f, "%*s", INDENT, "");
	put_wrapped(o, it->sentence, INDENT, INDENT);
	il_report_item_details(it, &line);
	fprintf(o->f, "%*s", INDENT, "");
	put_wrapped_styled(o, DIM, il_buf_str(&line), INDENT, INDENT);
	il_buf_reset(&line);
	if (*it->evidence)
		il_buf_printf(&line, "%s: %s", il_report_word(IL_WORD_EVIDENCE), it->evidence);
	if (*it->witnesses)
		il_buf_printf(&line, "%s%s: %s", line.len ? " · " : "",
			      il_report_word(IL_WORD_WITNESSES), it->witnesses);
	if (line.len) {
		fprintf(o->f, "%*s", INDENT, "");
		put_wrapped(o, il_buf_str(&line), INDENT, INDENT);
	}
	if (*it->note) {
		size_t bytes = il_utf8_prefix(it->note, NOTE_CHARS);

		il_buf_reset(&line);
		il_buf_printf(&line, "%s: %.*s%s", il_report_word(IL_WORD_NOTE), (int)bytes,
			      it->note, it->note[bytes] ? "…" : "");
		fprintf(o->f, "%*s", INDENT, "");
		put_wrapped(o, il_buf_str(&line), INDENT, INDENT);
	}
	il_buf_free(&line);
}

static void text_top(struct out *o, const struct il_report *r)
{
	enum il_tag group = IL_TAG_NONE;
	int rank = 0;

	heading(o, IL_SECTION_TOP);
	if (!r->top_len)
		put_empty(o, IL_SECTION_TOP);
	for (size_t i = 0; i < r->top_len; i++) {
		if (r->top[i].tag != group) {
			group = r->top[i].tag;
			rank = 0;
			fputs(i ? "\n  " : "  ", o->f);
			put_styled(o, o->color ? tag_color(group) : "",
				   il_report_tag_heading(group));
			fputc('\n', o->f);
		}
		text_item(o, &r->top[i], ++rank);
	}
}

static void text_gap(struct out *o, const char *label, const struct il_report_gap *gap,
		     bool show_team)
{
	char count[32];

	snprintf(count, sizeof(count), "%ld", gap->count);
	field(o, label, count);
	for (size_t i = 0; i < gap->items_len; i++) {
		const struct il_report_item *it = &gap->items[i];
		char line[64];
		int used;

		used = snprintf(line, sizeof(line), "    #%-4lld %s  ", (long long)it->id,
				it->date);
		fputs(line, o->f);
		if (show_team) {
			struct il_buf suffix = {0};

			il_buf_puts(&suffix, "  (");
			il_report_team_of(it->team_size, &suffix);
			il_buf_puts(&suffix, ")");
			put_cell(o, it->title, WIDTH - used - text_width(il_buf_str(&suffix)),
				 false);
			fputs(il_buf_str(&suffix), o->f);
			il_buf_free(&suffix);
		} else {
			put_tail(o, it->title, WIDTH - used);
		}
		fputc('\n', o->f);
	}
	if ((size_t)gap->count > gap->items_len)
		put_more(o, "    … ", gap->count - (long)gap->items_len);
}

static void text_gaps(struct out *o, const struct il_report *r)
{
	const struct il_report_gaps *gaps = &r->gaps;
	struct il_buf line = {0}, months = {0};

	heading(o, IL_SECTION_GAPS);
	text_gap(o, il_report_word(IL_WORD_NO_EVIDENCE), &gaps->no_evidence, false);
	text_gap(o, il_report_word(IL_WORD_NO_WITNESS), &gaps->no_witness, false);
	text_gap(o, il_report_word(IL_WORD_FULL_SHARE_SHORT), &gaps->full_share_of_team, true);
	il_report_empty_months(r, &months);
	il_buf_printf(&line, "%ld", gaps->empty_months);
	if (months.len)
		il_buf_printf(&line, ": %s", il_buf_str(&months));
	field(o, il_report_word(IL_WORD_EMPTY_MONTHS), il_buf_str(&line));
	il_buf_free(&months);
	il_buf_free(&line);
}

/* The tag that covers POSITION (0 to the total) of a month's stacked bar. */
static enum il_tag tag_at(const struct il_report_month *m, double position)
{
	long seen = 0;

	for (enum il_tag tag = IL_TAG_FIRST; tag < IL_TAG_COUNT; tag++) {
		seen += m->by_tag[tag];
		if (position < (double)seen)
			return tag;
	}
	return IL_TAG_COUNT - 1;
}

/* One month's bar in eighths of a cell: full blocks, then a partial block
 * for the remainder.  On a colour terminal each cell takes the colour of
 * the tag covering its middle, so the bar stacks the tags. */
static void text_bar(struct out *o, const struct il_report_month *m, long max)
{
	static const char *const partial[] = {"", "▏", "▎", "▍", "▌", "▋", "▊", "▉"};
	long eighths = max ? lround((double)m->total * BAR_WIDTH * 8 / (double)max) : 0;
	long drawn = 0;
	enum il_tag current = IL_TAG_NONE;

	if (m->total && eighths == 0)
		eighths = 1; /* a month with anything logged shows */
	for (long start = 0; start < eighths; start += 8) {
		double middle = (double)(start + 4) / (double)eighths * (double)m->total;
		enum il_tag tag =
			tag_at(m, middle < (double)m->total ? middle : (double)m->total - 0.5);

		if (o->color && tag != current) {
			fputs(tag_color(tag), o->f);
			current = tag;
		}
		fputs(eighths - start >= 8 ? "█" : partial[eighths - start], o->f);
		drawn++;
	}
	if (o->color && current != IL_TAG_NONE)
		fputs(RESET, o->f);
	fprintf(o->f, "%*s", (int)(BAR_WIDTH - drawn), "");
}

static void text_months(struct out *o, const struct il_report *r)
{
	long max = il_text_max_month_total(r);
	int count_width = snprintf(NULL, 0, "%ld", max);

	heading(o, IL_SECTION_MONTHS);
	if (!r->months_len) {
		put_empty(o, IL_SECTION_MONTHS);
		return;
	}
	for (size_t i = 0; i < r->months_len; i++) {
		const struct il_report_month *m = &r->months[i];
		struct il_buf label = {0};

		if (m->total)
			il_report_tag_counts(m->by_tag, true, &label);
		else
			il_buf_puts(&label, il_report_month_state(m));
		fprintf(o->f, "  %s  ", m->month);
		text_bar(o, m, max);
		fprintf(o->f, " %*ld  ", count_width, m->total);
		put_tail(o, il_buf_str(&label),
			 WIDTH - (2 + 7 + 2 + BAR_WIDTH + 1 + count_width + 2));
		fputc('\n', o->f);
		il_buf_free(&label);
	}
}

static void text_readiness(struct out *o, const struct il_report *r)
{
	const struct il_readiness *rd = &r->readiness;
	struct il_buf title = {0};

	if (rd->unavailable) {
		heading(o, IL_SECTION_READINESS);
		fputs("  ", o->f);
		put_wrapped(o, rd->unavailable, 2, 2);
		return;
	}
	il_readiness_title(rd, &title);
	fputc('\n', o->f);
	put_title_text(o, il_buf_str(&title));
	fputc('\n', o->f);
	il_buf_free(&title);
	il_readiness_write_text_rows(o->f, rd, 2);
}

int il_report_write_text(const struct il_report *report, FILE *out, bool color)
{
	struct out o = {out, color};

	text_header(&o, report);
	text_totals(&o, report);
	text_readiness(&o, report);
	text_loss(&o, report);
	text_scale(&o, report);
	text_breadth(&o, report);
	text_top(&o, report);
	text_gaps(&o, report);
	text_months(&o, report);
	return ferror(out) ? -1 : 0;
}

int il_report_text(struct il_db *db, const struct il_report_options *options, FILE *out, bool color)
{
	struct il_report report;

	if (il_report_build_groups_beside(db, options, &report) < 0)
		return -1;
	il_report_write_text(&report, out, color);
	il_report_free(&report);
	return 0;
}
