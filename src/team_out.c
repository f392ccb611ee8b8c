/*
 * team: the view laid out as text, Markdown and JSON.  The words of each
 * table are made once (the *_cells functions, from the model of team.c);
 * text aligns them in columns, Markdown puts them in pipes.
 */

#include "team_internal.h"

#include "impactlog/format.h"
#include "impactlog/json_out.h"
#include "impactlog/readiness.h"

#include <stdlib.h>
#include <string.h>

#define AMOUNT_SIZE 64

/* A table: a header row and rows of cells, each an owned string. */
struct table {
	size_t columns;
	const char *const *header;
	const bool *right;	 /* numbers align right in text */
	struct il_strlist cells; /* row after row */
};

static void cell(struct table *t, const char *text)
{
	il_strlist_push(&t->cells, text);
}

IL_PRINTF(2, 3) static void cellf(struct table *t, const char *fmt, ...)
{
	struct il_buf b = {0};
	va_list ap;

	va_start(ap, fmt);
	il_buf_vprintf(&b, fmt, ap);
	va_end(ap);
	cell(t, il_buf_str(&b));
	il_buf_free(&b);
}

static size_t rows(const struct table *t)
{
	return t->cells.len / t->columns;
}

/* --- Words ------------------------------------------------------------------ */

static void amounts(const struct il_report_amount *a, size_t len, struct il_buf *out)
{
	for (size_t i = 0; i < len; i++) {
		char amount[AMOUNT_SIZE];

		il_format_amount(a[i].value, a[i].unit, amount, sizeof(amount));
		il_buf_printf(out, "%s%s", i ? ", " : "", amount);
	}
	if (len == 0)
		il_buf_puts(out, "-");
}

static void percent_of(long part, long whole, char *out, size_t size)
{
	if (whole == 0)
		snprintf(out, size, "-");
	else
		il_format_percent(100.0 * (double)part / (double)whole, out, size);
}

/* Whether the people's packets cover different periods: then each row
 * says its own. */
static bool periods_differ(const struct il_team *team)
{
	for (size_t i = 1; i < team->people_len; i++)
		if (strcmp(team->people[i].period, team->people[0].period) != 0)
			return true;
	return false;
}

static const char *const people_header[] = {
	"Person",  "Level",    "Track",	  "Loss", "Scale",     "Growth",     "Orgs",
	"2+ orgs", "Evidence", "Witness", "Gaps", "Readiness", "Attributed", "Period",
};
static const bool people_right[] = {
	false, false, false, true, true, true, true, true, true, true, true, false, false, false,
};
#define PEOPLE_COLUMNS 14

static void people_cells(const struct il_team *team, bool with_period, struct table *t)
{
	*t = (struct table){with_period ? PEOPLE_COLUMNS : PEOPLE_COLUMNS - 1,
			    people_header,
			    people_right,
			    {0}};
	for (size_t i = 0; i < team->people_len; i++) {
		const struct il_team_person *p = &team->people[i];
		struct il_buf attributed = {0};
		char pct[16];

		cell(t, p->label);
		if (*p->level && *p->target_level && strcmp(p->level, p->target_level) != 0)
			cellf(t, "%s → %s", p->level, p->target_level);
		else
			cell(t, *p->target_level ? p->target_level : *p->level ? p->level : "-");
		cell(t, *p->track ? p->track : "-");
		for (int tag = IL_TAG_FIRST; tag < IL_TAG_COUNT; tag++)
			cellf(t, "%ld", p->by_tag[tag]);
		cellf(t, "%ld", p->distinct_orgs);
		cellf(t, "%ld", p->multi_org);
		if (p->redacted)
			cell(t, "redacted");
		else {
			percent_of(p->with_evidence, p->count, pct, sizeof(pct));
			cell(t, pct);
		}
		percent_of(p->with_witness, p->count, pct, sizeof(pct));
		cell(t, pct);
		cellf(t, "%ld", (p->redacted ? 0 : p->no_evidence) + p->no_witness + p->full_share);
		if (p->readiness.unavailable || p->readiness.measurable == 0)
			cell(t, "-");
		else
			cellf(t, "%d of %d", p->readiness.met, p->readiness.measurable);
		amounts(p->attributed, p->attributed_len, &attributed);
		cell(t, il_buf_str(&attributed));
		il_buf_free(&attributed);
		if (with_period)
			cell(t, p->period);
	}
}

static const char *const claims_header[] = {"Person", "ID", "Title", "Share", "Attributed"};
static const bool claims_right[] = {false, true, false, true, true};

static void claim_cells(const struct il_team *team, const struct il_team_overclaim *o,
			struct table *t)
{
	*t = (struct table){5, claims_header, claims_right, {0}};
	for (size_t i = 0; i < o->claims_len; i++) {
		const struct il_team_claim *c = &o->claims[i];
		char pct[16], amount[AMOUNT_SIZE];

		cell(t, team->people[c->person].label);
		cellf(t, "#%lld", (long long)c->id);
		cell(t, c->title);
		il_format_percent(c->share, pct, sizeof(pct));
		cell(t, pct);
		if (c->has_attributed)
			il_format_amount(c->attributed, c->unit, amount, sizeof(amount));
		else
			snprintf(amount, sizeof(amount), "-");
		cell(t, amount);
	}
}

/* "prevented-loss, evidence 'INC-4412 postmortem': shares add up to 130%" */
static void overclaim_line(const struct il_team_overclaim *o, struct il_buf *out)
{
	char pct[16];

	il_format_percent(o->total_share, pct, sizeof(pct));
	il_buf_printf(out, "%s, evidence '%s': shares add up to %s", il_tag_name(o->tag),
		      o->evidence, pct);
}

static const char *const totals_header[] = {"Tag",	"Unit",	   "Achievements",
					    "Outcomes", "Outcome", "Attributed"};
static const bool totals_right[] = {false, false, true, true, true, true};

static void totals_cells(const struct il_team *team, struct table *t)
{
	*t = (struct table){6, totals_header, totals_right, {0}};
	for (size_t i = 0; i < team->totals_len; i++) {
		const struct il_team_total *x = &team->totals[i];
		char amount[AMOUNT_SIZE];

		cell(t, il_tag_name(x->tag));
		cell(t, *x->unit ? x->unit : "-");
		cellf(t, "%ld", x->count);
		cellf(t, "%ld", x->outcomes);
		il_format_amount(x->outcome, x->unit, amount, sizeof(amount));
		cell(t, *x->unit ? amount : "-");
		il_format_amount(x->attributed, x->unit, amount, sizeof(amount));
		cell(t, *x->unit ? amount : "-");
	}
}

static const char heading_over[] = "Over-claims";
static const char heading_people[] = "People";
static const char heading_totals[] = "Team totals";
static const char heading_notes[] = "Notes";

static const char none_over[] = "None: no outcome is claimed past 100 % by the people together.";
static const char gaps_legend[] =
	"Gaps: achievements without evidence, without a witness, or claiming 100 % of a "
	"team of more than one.  Readiness: expectations met of those measurable, against "
	"each person's own track and target level.";
static const char totals_legend[] =
	"An outcome claimed by several people (the same tag and an evidence item in common) "
	"counts once, at the largest value claimed; Attributed adds up every person's share.";

static void redacted_note(const struct il_team *team, struct il_buf *out)
{
	il_buf_printf(out,
		      "%ld of %zu packets are redacted: their achievements have no evidence, so "
		      "no over-claim can be matched on them.",
		      team->redacted, team->people_len);
}

/* The over-claims section with none found: with redacted packets, that
 * none could be matched on them, not that none exist. */
void il_team_no_overclaims(const struct il_team *team, struct il_buf *out)
{
	size_t open = team->people_len - (size_t)team->redacted;

	if (!team->redacted)
		il_buf_puts(out, none_over);
	else if (open < 2)
		il_buf_printf(out,
			      "Cannot be matched: %ld of %zu packets are redacted (no evidence), "
			      "so no outcome can be found claimed by several people.",
			      team->redacted, team->people_len);
	else
		il_buf_printf(out,
			      "None among the %zu packets with evidence; %ld redacted packet%s "
			      "cannot be matched.",
			      open, team->redacted, team->redacted == 1 ? "" : "s");
}

/* Who and when: the heading's rows, as label and value. */
#define HEADING_ROWS 4
static size_t heading_rows(const struct il_team *team, bool with_period,
			   const char *labels[HEADING_ROWS], struct il_buf values[HEADING_ROWS])
{
	size_t n = 0;

	labels[n] = "People";
	il_buf_printf(&values[n++], "%zu, with %ld achievement%s", team->people_len,
		      team->achievements, team->achievements == 1 ? "" : "s");
	labels[n] = "Period";
	il_buf_puts(&values[n++], with_period	     ? "each packet's own (see People)"
				  : team->people_len ? team->people[0].period
						     : "-");
	if (*team->scope || strcmp(team->period, "all time") != 0) {
		bool all_time = strcmp(team->period, "all time") == 0;

		labels[n] = "Counted";
		il_buf_printf(&values[n++], "only %s%s%s", all_time ? "" : team->period,
			      !all_time && *team->scope ? ", " : "", team->scope);
	}
	labels[n] = "Generated";
	il_buf_puts(&values[n++], team->generated);
	return n;
}

static void free_rows(struct il_buf values[HEADING_ROWS])
{
	for (size_t i = 0; i < HEADING_ROWS; i++)
		il_buf_free(&values[i]);
}

/* --- Text --------------------------------------------------------------------- */

static void text_table(FILE *f, const struct table *t, int indent, bool color)
{
	size_t *width = il_xcalloc(t->columns, sizeof(*width));

	for (size_t c = 0; c < t->columns; c++)
		width[c] = il_utf8_width(t->header[c]);
	for (size_t i = 0; i < t->cells.len; i++) {
		size_t w = il_utf8_width(t->cells.items[i]);

		if (w > width[i % t->columns])
			width[i % t->columns] = w;
	}
	for (size_t r = 0; r <= rows(t); r++) {
		fprintf(f, "%*s%s", indent, "", color && r == 0 ? "\033[1m" : "");
		for (size_t c = 0; c < t->columns; c++) {
			const char *text =
				r == 0 ? t->header[c] : t->cells.items[(r - 1) * t->columns + c];
			size_t pad = width[c] - il_utf8_width(text);
			bool last = c + 1 == t->columns;

			if (t->right[c])
				fprintf(f, "%*s%s", (int)pad, "", text);
			else
				fprintf(f, "%s%*s", text, last ? 0 : (int)pad, "");
			if (!last)
				fputs("  ", f);
		}
		fprintf(f, "%s\n", color && r == 0 ? "\033[0m" : "");
	}
	free(width);
}

/* TITLE in capitals, after a blank line unless it is the first. */
static void text_heading(FILE *f, const char *title, bool color, bool first)
{
	if (!first)
		fputc('\n', f);
	fputs(color ? "\033[1m" : "", f);
	for (const char *p = title; *p; p++)
		fputc(*p >= 'a' && *p <= 'z' ? *p - 'a' + 'A' : *p, f);
	fputs(color ? "\033[0m\n" : "\n", f);
}

static void text_overclaims(FILE *f, const struct il_team *team, bool color)
{
	text_heading(f, heading_over, color, false);
	if (team->overclaims_len == 0) {
		struct il_buf none = {0};

		il_team_no_overclaims(team, &none);
		fprintf(f, "  %s\n", il_buf_str(&none));
		il_buf_free(&none);
	}
	for (size_t i = 0; i < team->overclaims_len; i++) {
		struct il_buf line = {0};
		struct table t;

		overclaim_line(&team->overclaims[i], &line);
		fprintf(f, "%s  %s%s%s\n", i ? "\n" : "", color ? "\033[31m" : "",
			il_buf_str(&line), color ? "\033[0m" : "");
		claim_cells(team, &team->overclaims[i], &t);
		text_table(f, &t, 4, false);
		il_strlist_clear(&t.cells);
		il_buf_free(&line);
	}
}

/* A note, wrapped in 80 columns under a "- ". */
static void text_note(FILE *f, const char *text)
{
	struct il_buf line = {0};

	il_buf_puts(&line, "  - ");
	il_buf_wrap(&line, text, 4, "    ", 80);
	fprintf(f, "%s\n", il_buf_str(&line));
	il_buf_free(&line);
}

static void text_notes(FILE *f, const struct il_team *team, bool color)
{
	struct il_buf line = {0};

	text_heading(f, heading_notes, color, false);
	for (size_t i = 0; i < team->notes.len; i++)
		text_note(f, team->notes.items[i]);
	if (team->redacted) {
		redacted_note(team, &line);
		text_note(f, il_buf_str(&line));
	}
	text_note(f, gaps_legend);
	text_note(f, totals_legend);
	il_buf_free(&line);
}

static void text_heading_rows(FILE *f, const struct il_team *team, bool with_period, bool color)
{
	const char *labels[HEADING_ROWS];
	struct il_buf values[HEADING_ROWS] = {0};
	size_t n = heading_rows(team, with_period, labels, values);

	text_heading(f, "Team calibration view", color, true);
	for (size_t i = 0; i < n; i++)
		fprintf(f, "  %-12s%s\n", labels[i], il_buf_str(&values[i]));
	free_rows(values);
}

void il_team_write_text(FILE *f, const struct il_team *team, bool color)
{
	bool with_period = periods_differ(team);
	struct table t;

	text_heading_rows(f, team, with_period, color);
	text_overclaims(f, team, color);
	text_heading(f, heading_people, color, false);
	people_cells(team, with_period, &t);
	text_table(f, &t, 2, false);
	il_strlist_clear(&t.cells);
	text_heading(f, heading_totals, color, false);
	if (team->totals_len == 0) {
		fputs("  Nothing logged.\n", f);
	} else {
		totals_cells(team, &t);
		text_table(f, &t, 2, false);
		il_strlist_clear(&t.cells);
	}
	text_notes(f, team, color);
}

/* --- Markdown ----------------------------------------------------------------- */

static void md_table(FILE *f, const struct table *t)
{
	for (size_t r = 0; r <= rows(t); r++) {
		fputc('|', f);
		for (size_t c = 0; c < t->columns; c++) {
			fputc(' ', f);
			il_md_text(f, r == 0 ? t->header[c]
					     : t->cells.items[(r - 1) * t->columns + c]);
			fputs(" |", f);
		}
		fputc('\n', f);
		if (r == 0) {
			fputc('|', f);
			for (size_t c = 0; c < t->columns; c++)
				fputs(t->right[c] ? " ---: |" : " --- |", f);
			fputc('\n', f);
		}
	}
}

void il_team_write_markdown(FILE *f, const struct il_team *team)
{
	bool with_period = periods_differ(team);
	struct il_buf line = {0};
	struct table t;

	const char *labels[HEADING_ROWS];
	struct il_buf values[HEADING_ROWS] = {0};
	size_t n = heading_rows(team, with_period, labels, values);

	fputs("# Team calibration view\n\n", f);
	for (size_t i = 0; i < n; i++) {
		fprintf(f, "- **%s:** ", labels[i]);
		il_md_text(f, il_buf_str(&values[i]));
		fputc('\n', f);
	}
	free_rows(values);
	fprintf(f, "\n## %s\n\n", heading_over);
	if (team->overclaims_len == 0) {
		il_buf_reset(&line);
		il_team_no_overclaims(team, &line);
		il_md_text(f, il_buf_str(&line));
		fputc('\n', f);
	}
	for (size_t i = 0; i < team->overclaims_len; i++) {
		il_buf_reset(&line);
		overclaim_line(&team->overclaims[i], &line);
		fprintf(f, "%s**", i ? "\n" : "");
		il_md_text(f, il_buf_str(&line));
		fputs("**\n\n", f);
		claim_cells(team, &team->overclaims[i], &t);
		md_table(f, &t);
		il_strlist_clear(&t.cells);
	}
	fprintf(f, "\n## %s\n\n", heading_people);
	people_cells(team, with_period, &t);
	md_table(f, &t);
	il_strlist_clear(&t.cells);
	fprintf(f, "\n## %s\n\n", heading_totals);
	if (team->totals_len == 0) {
		fputs("Nothing logged.\n", f);
	} else {
		totals_cells(team, &t);
		md_table(f, &t);
		il_strlist_clear(&t.cells);
	}
	fprintf(f, "\n## %s\n\n", heading_notes);
	for (size_t i = 0; i < team->notes.len; i++) {
		fputs("- ", f);
		il_md_text(f, team->notes.items[i]);
		fputc('\n', f);
	}
	if (team->redacted) {
		il_buf_reset(&line);
		redacted_note(team, &line);
		fputs("- ", f);
		il_md_text(f, il_buf_str(&line));
		fputc('\n', f);
	}
	fprintf(f, "- %s\n- %s\n", gaps_legend, totals_legend);
	il_buf_free(&line);
}

/* --- JSON --------------------------------------------------------------------- */

static void json_amounts(FILE *f, const struct il_report_amount *a, size_t len)
{
	fputc('[', f);
	for (size_t i = 0; i < len; i++) {
		fprintf(f, "%s{\"unit\": ", i ? ", " : "");
		il_json_write_string(f, *a[i].unit ? a[i].unit : NULL);
		fputs(", \"attributed\": ", f);
		il_json_write_number(f, a[i].value);
		fputc('}', f);
	}
	fputc(']', f);
}

static void json_key(FILE *f, const char *key, const char *value)
{
	fprintf(f, "\"%s\": ", key);
	il_json_write_string(f, value);
}

static void json_person(FILE *f, const struct il_team_person *p)
{
	fputs("    {", f);
	json_key(f, "person", p->label);
	fputs(", ", f);
	json_key(f, "name", p->name);
	fputs(", ", f);
	json_key(f, "level", *p->level ? p->level : NULL);
	fputs(", ", f);
	json_key(f, "target_level", *p->target_level ? p->target_level : NULL);
	fputs(", ", f);
	json_key(f, "track", *p->track ? p->track : NULL);
	fputs(", ", f);
	json_key(f, "period", p->period);
	fputs(", ", f);
	json_key(f, "file", p->file);
	fprintf(f, ", \"generated\": \"%s\", \"redacted\": %s, \"achievements\": %ld", p->generated,
		p->redacted ? "true" : "false", p->count);
	for (int tag = IL_TAG_FIRST; tag < IL_TAG_COUNT; tag++)
		fprintf(f, ", \"%s\": %ld", il_tag_name(tag), p->by_tag[tag]);
	fputs(", \"attributed\": ", f);
	json_amounts(f, p->attributed, p->attributed_len);
	fprintf(f,
		", \"distinct_orgs\": %ld, \"multi_org\": %ld, \"with_evidence\": %ld, "
		"\"with_witness\": %ld, \"no_evidence\": %ld, \"no_witness\": %ld, "
		"\"full_share_of_team\": %ld, \"readiness\": ",
		p->distinct_orgs, p->multi_org, p->with_evidence, p->with_witness, p->no_evidence,
		p->no_witness, p->full_share);
	if (p->readiness.unavailable) {
		fputs("{\"met\": null, \"measurable\": null, ", f);
		json_key(f, "unavailable", p->readiness.unavailable);
		fputc('}', f);
	} else {
		fprintf(f, "{\"met\": %d, \"measurable\": %d, \"manual\": %d}", p->readiness.met,
			p->readiness.measurable, p->readiness.manual);
	}
	fputc('}', f);
}

static void json_overclaim(FILE *f, const struct il_team *team, const struct il_team_overclaim *o)
{
	fprintf(f, "    {\"tag\": \"%s\", ", il_tag_name(o->tag));
	json_key(f, "evidence", o->evidence);
	fputs(", \"total_share\": ", f);
	il_json_write_number(f, o->total_share);
	fputs(", \"claims\": [", f);
	for (size_t i = 0; i < o->claims_len; i++) {
		const struct il_team_claim *c = &o->claims[i];

		fputs(i ? ", {" : "{", f);
		json_key(f, "person", team->people[c->person].label);
		fprintf(f, ", \"id\": %lld, ", (long long)c->id);
		json_key(f, "title", c->title);
		fputs(", \"share\": ", f);
		il_json_write_number(f, c->share);
		fputs(", \"attributed\": ", f);
		if (c->has_attributed)
			il_json_write_number(f, c->attributed);
		else
			fputs("null", f);
		fputs(", ", f);
		json_key(f, "unit", *c->unit ? c->unit : NULL);
		fputc('}', f);
	}
	fputs("]}", f);
}

void il_team_write_json(FILE *f, const struct il_team *team)
{
	fprintf(f, "{\n  \"generated\": \"%s\",\n  ", team->generated);
	json_key(f, "period", team->period);
	fputs(",\n  ", f);
	json_key(f, "scope", *team->scope ? team->scope : NULL);
	fprintf(f, ",\n  \"redacted_packets\": %ld,\n  \"people\": [", team->redacted);
	for (size_t i = 0; i < team->people_len; i++) {
		fputs(i ? ",\n" : "\n", f);
		json_person(f, &team->people[i]);
	}
	fputs(team->people_len ? "\n  ],\n  \"overclaims\": [" : "],\n  \"overclaims\": [", f);
	for (size_t i = 0; i < team->overclaims_len; i++) {
		fputs(i ? ",\n" : "\n", f);
		json_overclaim(f, team, &team->overclaims[i]);
	}
	fputs(team->overclaims_len ? "\n  ],\n  \"totals\": [" : "],\n  \"totals\": [", f);
	for (size_t i = 0; i < team->totals_len; i++) {
		const struct il_team_total *t = &team->totals[i];

		fprintf(f, "%s    {\"tag\": \"%s\", ", i ? ",\n" : "\n", il_tag_name(t->tag));
		json_key(f, "unit", *t->unit ? t->unit : NULL);
		fprintf(f, ", \"achievements\": %ld, \"outcomes\": %ld, \"outcome\": ", t->count,
			t->outcomes);
		il_json_write_number(f, t->outcome);
		fputs(", \"attributed\": ", f);
		il_json_write_number(f, t->attributed);
		fputc('}', f);
	}
	fputs(team->totals_len ? "\n  ],\n  \"notes\": [" : "],\n  \"notes\": [", f);
	for (size_t i = 0; i < team->notes.len; i++) {
		fputs(i ? ", " : "", f);
		il_json_write_string(f, team->notes.items[i]);
	}
	fputs("]\n}\n", f);
}
