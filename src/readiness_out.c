/* Readiness laid out: as text, Markdown and JSON.  The words come from the
 * model (readiness.c); these functions only place them. */

#include "impactlog/readiness.h"

#include "impactlog/format.h"

#include <inttypes.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#define STATE_WIDTH 10 /* "in person" and a space */
#define IDS_SHOWN   12 /* ids listed on a row; the rest are counted */
#define TEXT_WIDTH  79 /* columns of a wrapped line */

/* The rows' dimensions, each once, in the rubric's order. */
static size_t dimensions(const struct il_readiness *rd, const char **out)
{
	size_t n = 0;

	for (size_t i = 0; i < rd->len; i++) {
		size_t d;

		for (d = 0; d < n && strcmp(out[d], rd->items[i].e->dimension) != 0; d++)
			;
		if (d == n)
			out[n++] = rd->items[i].e->dimension;
	}
	return n;
}

static void ids_words(const struct il_readiness_item *item, struct il_buf *out)
{
	for (size_t i = 0; i < item->ids_len && i < IDS_SHOWN; i++)
		il_buf_printf(out, "%s#%" PRId64, i ? ", " : "", item->ids[i]);
	if (item->ids_len > IDS_SHOWN)
		il_buf_printf(out, " and %zu more", item->ids_len - IDS_SHOWN);
}

/* "3 of at least 3 (#4, #5, #7); missing: ..." */
static void measured_words(const struct il_readiness_item *item, struct il_buf *out)
{
	if (!item->measurable) {
		il_buf_puts(out, "not measurable from the log: to argue in person");
		return;
	}
	il_buf_printf(out, "%s of at least %s", item->value_text, item->at_least_text);
	if (item->ids_len) {
		il_buf_puts(out, " (");
		ids_words(item, out);
		il_buf_puts(out, ")");
	}
	if (*item->missing)
		il_buf_printf(out, "; missing: %s", item->missing);
}

void il_readiness_write_text_rows(FILE *f, const struct il_readiness *rd, int indent)
{
	const char **dims = il_xmalloc((rd->len + 1) * sizeof(*dims));
	size_t n = dimensions(rd, dims);
	struct il_buf line = {0}, words = {0}, hang = {0};

	/* Under the state, each row's words hang at one column. */
	il_buf_printf(&hang, "%*s", indent + 2 + STATE_WIDTH, "");
	for (size_t d = 0; d < n; d++) {
		fprintf(f, "%s%*s%s\n", d ? "\n" : "", indent, "", dims[d]);
		for (size_t i = 0; i < rd->len; i++) {
			const struct il_readiness_item *item = &rd->items[i];

			if (strcmp(item->e->dimension, dims[d]) != 0)
				continue;
			il_buf_reset(&line);
			il_buf_printf(&line, "%*s  %-*s", indent, "", STATE_WIDTH,
				      il_readiness_state(item));
			il_buf_wrap(&line, item->e->expectation, line.len, il_buf_str(&hang),
				    TEXT_WIDTH);
			fprintf(f, "%s\n", il_buf_str(&line));
			il_buf_reset(&line);
			il_buf_reset(&words);
			il_buf_puts(&line, il_buf_str(&hang));
			measured_words(item, &words);
			il_buf_wrap(&line, il_buf_str(&words), line.len, il_buf_str(&hang),
				    TEXT_WIDTH);
			fprintf(f, "%s\n", il_buf_str(&line));
		}
	}
	il_buf_reset(&line);
	il_readiness_verdict(rd, &line);
	fprintf(f, "\n%*s%s\n", indent, "", il_buf_str(&line));
	il_buf_free(&line);
	il_buf_free(&words);
	il_buf_free(&hang);
	free(dims);
}

void il_readiness_write_text(FILE *f, const struct il_readiness *rd, const char *period)
{
	struct il_buf title = {0};

	il_readiness_title(rd, &title);
	fprintf(f, "%s, %s\n\n", il_buf_str(&title), period);
	il_buf_free(&title);
	il_readiness_write_text_rows(f, rd, 0);
}

void il_readiness_write_markdown_rows(FILE *f, const struct il_readiness *rd)
{
	const char **dims = il_xmalloc((rd->len + 1) * sizeof(*dims));
	size_t n = dimensions(rd, dims);
	struct il_buf words = {0};

	/* One table, its rows grouped by dimension, named on the group's first. */
	fputs("\n| Dimension | | Expectation | Where it stands |\n|---|---|---|---|\n", f);
	for (size_t d = 0; d < n; d++) {
		bool first = true;

		for (size_t i = 0; i < rd->len; i++) {
			const struct il_readiness_item *item = &rd->items[i];

			if (strcmp(item->e->dimension, dims[d]) != 0)
				continue;
			il_buf_reset(&words);
			measured_words(item, &words);
			fputs("| ", f);
			il_md_text(f, first ? dims[d] : "");
			fprintf(f, " | %s | ", il_readiness_state(item));
			il_md_text(f, item->e->expectation);
			fputs(" | ", f);
			il_md_text(f, il_buf_str(&words));
			fputs(" |\n", f);
			first = false;
		}
	}
	il_buf_reset(&words);
	il_readiness_verdict(rd, &words);
	fputs("\n**", f);
	il_md_text(f, il_buf_str(&words));
	fputs("**\n", f);
	il_buf_free(&words);
	free(dims);
}

void il_readiness_write_markdown(FILE *f, const struct il_readiness *rd, const char *period)
{
	struct il_buf title = {0};

	il_readiness_title(rd, &title);
	fputs("## ", f);
	il_md_text(f, il_buf_str(&title));
	fputs("\n\n_", f);
	il_md_text(f, period);
	fputs("_\n", f);
	il_buf_free(&title);
	il_readiness_write_markdown_rows(f, rd);
}

/* TEXT as a JSON string. */
static void json_string(FILE *f, const char *text)
{
	putc('"', f);
	for (const unsigned char *p = (const unsigned char *)text; *p; p++) {
		if (*p == '"' || *p == '\\')
			fprintf(f, "\\%c", *p);
		else if (*p < 0x20)
			fprintf(f, "\\u%04x", *p);
		else
			putc(*p, f);
	}
	putc('"', f);
}

static void json_number(FILE *f, double value)
{
	char number[IL_NUMBER_SIZE];

	il_format_number(value, number);
	fputs(number, f);
}

void il_readiness_write_json(FILE *f, const struct il_readiness *rd)
{
	fputs("[", f);
	for (size_t i = 0; i < rd->len; i++) {
		const struct il_readiness_item *item = &rd->items[i];
		const struct il_expectation *e = item->e;

		fputs(i ? ",\n {" : "\n {", f);
		fputs("\"id\": ", f);
		json_string(f, e->id);
		fputs(", \"dimension\": ", f);
		json_string(f, e->dimension);
		fputs(", \"expectation\": ", f);
		json_string(f, e->expectation);
		fputs(", \"measure\": ", f);
		json_string(f, e->measure_name);
		fputs(", \"value\": ", f);
		if (item->measurable)
			json_number(f, item->value);
		else
			fputs("null", f);
		fputs(", \"at_least\": ", f);
		if (item->measurable)
			json_number(f, e->at_least);
		else
			fputs("null", f);
		fprintf(f, ", \"met\": %s",
			!item->measurable ? "null"
			: item->met	  ? "true"
					  : "false");
		fputs(", \"achievements\": [", f);
		for (size_t k = 0; k < item->ids_len; k++)
			fprintf(f, "%s%" PRId64, k ? ", " : "", item->ids[k]);
		fputs("]}", f);
	}
	fputs(rd->len ? "\n]\n" : "]\n", f);
}
