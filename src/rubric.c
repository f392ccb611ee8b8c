/* The rubric: parsing its CSV (libcsv, strict, all rows or none), and the
 * stored or built-in rubric in use.  What the rows mean
 * when measured is in readiness.c. */

#include "impactlog/rubric.h"

#include "impactlog/embed.h"
#include "impactlog/format.h"
#include "impactlog/parse.h"

#include <csv.h>
#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#define BUILT_IN_NAME "rubric.csv"
#define STORED_NAME   "the stored rubric"
#define ID_MAX	      64  /* characters */
#define TEXT_MAX      500 /* characters of any other cell */

enum column {
	COL_ID,
	COL_TRACK,
	COL_LEVEL,
	COL_DIMENSION,
	COL_EXPECTATION,
	COL_MEASURE,
	COL_WHERE,
	COL_AT_LEAST,
	COL_SOURCE,
	COL_COUNT
};

static const char *const column_names[COL_COUNT] = {
	"id",	   "track", "level",	"dimension", "expectation",
	"measure", "where", "at_least", "source",
};

/* Without these a row says nothing; the others may be left empty. */
static const bool column_required[COL_COUNT] = {
	[COL_ID] = true,	[COL_TRACK] = true,	  [COL_LEVEL] = true,
	[COL_DIMENSION] = true, [COL_EXPECTATION] = true, [COL_MEASURE] = true,
};

static const char *const measure_names[] = {
	[IL_MEASURE_COUNT] = "count",	       [IL_MEASURE_ORGS] = "orgs",
	[IL_MEASURE_MONTHS] = "months",	       [IL_MEASURE_SUM] = "sum:",
	[IL_MEASURE_PERCENT] = "percent",      [IL_MEASURE_EVIDENCE_PCT] = "evidence%",
	[IL_MEASURE_WITNESS_PCT] = "witness%", [IL_MEASURE_MANUAL] = "manual",
};

const char *const il_condition_fields[IL_COND_FIELD_COUNT] = {
	[IL_COND_TAG] = "tag",
	[IL_COND_UNIT] = "unit",
	[IL_COND_CONFIDENCE] = "confidence",
	[IL_COND_VALUE] = "value",
	[IL_COND_ATTRIBUTED] = "attributed",
	[IL_COND_SHARE] = "share",
	[IL_COND_TEAM_SIZE] = "team_size",
	[IL_COND_LEAD_DAYS] = "lead_days",
	[IL_COND_SCALE_FACTOR] = "scale_factor",
	[IL_COND_ORGS] = "orgs",
	[IL_COND_EVIDENCE] = "evidence",
	[IL_COND_WITNESSES] = "witnesses",
};

/* Longest first, so that ">=" is not read as ">" then "=". */
static const struct {
	const char *name;
	enum il_condition_op op;
} operators[] = {
	{">=", IL_OP_GE}, {"<=", IL_OP_LE}, {"!=", IL_OP_NE},
	{"=", IL_OP_EQ},  {">", IL_OP_GT},  {"<", IL_OP_LT},
};

/* --- Parsing ------------------------------------------------------------- */

struct parser {
	const char *name;
	struct il_rubric *rubric;
	struct csv_parser csv;
	long line;	  /* the physical line being fed, from 1 */
	long record_line; /* where the current record starts */
	bool between_records;
	bool failed;

	bool have_header;
	int column_of[COL_COUNT]; /* -1: no such column */
	int columns;
	enum column *column_at; /* the header's columns, in file order */

	char *cells[COL_COUNT]; /* the current row's, NULL when absent */
	int fields;
};

IL_PRINTF(3, 4)
static void fail_at(struct parser *p, long line, const char *fmt, ...)
{
	char message[512];
	va_list ap;

	if (p->failed)
		return;
	va_start(ap, fmt);
	vsnprintf(message, sizeof(message), fmt, ap);
	va_end(ap);
	il_error("%s:%ld: %s", p->name, line, message);
	p->failed = true;
}

#define fail(p, ...) fail_at(p, (p)->record_line, __VA_ARGS__)

/* A cell trimmed of white space at both ends, newly allocated. */
static char *trimmed(const char *text, size_t len)
{
	while (len && isspace((unsigned char)*text))
		text++, len--;
	while (len && isspace((unsigned char)text[len - 1]))
		len--;
	return il_xstrndup(text, len);
}

static void on_header_field(struct parser *p, char *cell)
{
	char q[IL_QUOTED_SIZE];
	int c;

	for (c = 0; c < COL_COUNT; c++)
		if (strcasecmp(cell, column_names[c]) == 0)
			break;
	if (c == COL_COUNT) {
		fail(p,
		     "unknown column %s (the columns: id, track, level, dimension, "
		     "expectation, measure, where, at_least, source)",
		     il_quoted(cell, q));
	} else if (p->column_of[c] >= 0) {
		fail(p, "column '%s' appears twice", column_names[c]);
	} else {
		p->column_of[c] = p->columns;
		p->column_at =
			il_xrealloc(p->column_at, (size_t)(p->columns + 1) * sizeof(*p->column_at));
		p->column_at[p->columns++] = (enum column)c;
	}
	free(cell);
}

static void on_field(void *text, size_t len, void *data)
{
	struct parser *p = data;
	char *cell;

	if (p->failed)
		return;
	cell = trimmed(text, len);
	if (!p->have_header) {
		on_header_field(p, cell);
		return;
	}
	if (p->fields < p->columns)
		p->cells[p->column_at[p->fields]] = cell;
	else
		free(cell);
	p->fields++;
}

static bool is_confidence(const char *name)
{
	for (int c = IL_CONFIDENCE_MEASURED; c <= IL_CONFIDENCE_PROJECTED; c++)
		if (strcmp(il_confidence_name((enum il_confidence)c), name) == 0)
			return true;
	return false;
}

static int parse_condition(struct parser *p, const char *text, size_t len, struct il_condition *out)
{
	char *word = il_xstrndup(text, len), q[IL_QUOTED_SIZE];
	size_t name_len = strspn(word, "abcdefghijklmnopqrstuvwxyz_");
	const char *value = NULL;
	int field;

	for (field = 0; field < IL_COND_FIELD_COUNT; field++)
		if (strlen(il_condition_fields[field]) == name_len &&
		    strncmp(word, il_condition_fields[field], name_len) == 0)
			break;
	if (field == IL_COND_FIELD_COUNT) {
		fail(p,
		     "where: unknown field in %s (fields: tag, unit, confidence, value, "
		     "attributed, share, team_size, lead_days, scale_factor, orgs, evidence, "
		     "witnesses)",
		     il_quoted(word, q));
		goto out;
	}
	for (size_t i = 0; i < IL_ARRAY_LEN(operators); i++) {
		size_t op_len = strlen(operators[i].name);

		if (strncmp(word + name_len, operators[i].name, op_len) == 0) {
			out->op = operators[i].op;
			value = word + name_len + op_len;
			break;
		}
	}
	out->field = (enum il_condition_field)field;
	if (!value) {
		fail(p, "where: %s needs an operator: =, !=, >=, <=, > or <", il_quoted(word, q));
		goto out;
	}
	if (!*value) {
		fail(p, "where: %s needs a value after its operator", il_quoted(word, q));
		goto out;
	}
	if (field <= IL_COND_CONFIDENCE) {
		if (out->op != IL_OP_EQ && out->op != IL_OP_NE) {
			fail(p, "where: %s: %s compares with = or != only", il_quoted(word, q),
			     il_condition_fields[field]);
			goto out;
		}
		if (field == IL_COND_TAG && il_tag_parse(value) == IL_TAG_NONE) {
			fail(p,
			     "where: %s: not a tag (prevented-loss, enabled-scale or "
			     "user-growth)",
			     il_quoted(word, q));
			goto out;
		}
		if (field == IL_COND_CONFIDENCE && !is_confidence(value)) {
			fail(p, "where: %s: not a confidence (measured, estimated or projected)",
			     il_quoted(word, q));
			goto out;
		}
		out->word = il_xstrdup(value);
	} else {
		if (il_parse_amount(value, &out->number)) {
			fail(p, "where: %s: %s compares with a number (250000, 250k, 1.2M)",
			     il_quoted(word, q), il_condition_fields[field]);
			goto out;
		}
	}
out:
	free(word);
	return p->failed ? -1 : 0;
}

static int parse_where(struct parser *p, struct il_expectation *e)
{
	const char *s = e->where;

	while (*(s += strspn(s, " \t"))) {
		size_t len = strcspn(s, " \t");

		e->conditions = il_xrealloc(e->conditions,
					    (e->conditions_len + 1) * sizeof(*e->conditions));
		memset(&e->conditions[e->conditions_len], 0, sizeof(*e->conditions));
		if (parse_condition(p, s, len, &e->conditions[e->conditions_len++]) < 0)
			return -1;
		s += len;
	}
	return 0;
}

static int parse_measure(struct parser *p, struct il_expectation *e, const char *text)
{
	char q[IL_QUOTED_SIZE];

	for (size_t m = 0; m < IL_ARRAY_LEN(measure_names); m++) {
		if (m == IL_MEASURE_SUM && strncasecmp(text, "sum:", 4) == 0) {
			if (!text[4]) {
				fail(p, "measure: 'sum:' needs a unit, as in sum:USD or sum:users");
				return -1;
			}
			e->measure = IL_MEASURE_SUM;
			e->unit = il_xstrdup(text + 4);
			e->measure_name = il_xmalloc(strlen(text) + 1);
			memcpy(e->measure_name, "sum:", 4);
			strcpy(e->measure_name + 4, e->unit);
			return 0;
		}
		if (m != IL_MEASURE_SUM && strcasecmp(text, measure_names[m]) == 0) {
			e->measure = (enum il_measure)m;
			e->measure_name = il_xstrdup(measure_names[m]);
			return 0;
		}
	}
	fail(p,
	     "measure: %s is not one (count, orgs, months, sum:UNIT, percent, evidence%%, "
	     "witness%%, manual)",
	     il_quoted(text, q));
	return -1;
}

/* Checks a cell's text: valid UTF-8, one line, not too long. */
static int check_text(struct parser *p, enum column c, const char *text)
{
	long chars = il_utf8_length(text, strlen(text));
	long max = c == COL_ID ? ID_MAX : TEXT_MAX;

	if (chars < 0)
		fail(p, "%s: not valid UTF-8", column_names[c]);
	else if (il_has_control(text, true))
		fail(p, "%s: holds a control character or a line break", column_names[c]);
	else if (chars > max)
		fail(p, "%s: %ld characters, at most %ld", column_names[c], chars, max);
	else if (c == COL_ID && text[strspn(text, "abcdefghijklmnopqrstuvwxyz"
						  "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.")])
		fail(p, "id: '%s': letters, digits, '-', '_' and '.' only", text);
	else if (column_required[c] && !*text)
		fail(p, "%s: required", column_names[c]);
	return p->failed ? -1 : 0;
}

static int check_row(struct parser *p, struct il_expectation *e)
{
	char **cell = p->cells;
	struct il_rubric *r = p->rubric;

	for (int c = 0; c < COL_COUNT; c++)
		if (check_text(p, (enum column)c, cell[c] ? cell[c] : "") < 0)
			return -1;
	for (size_t i = 0; i < r->len; i++)
		if (strcasecmp(r->rows[i].id, cell[COL_ID]) == 0) {
			fail(p, "id: '%s' is already the id of another row", cell[COL_ID]);
			return -1;
		}
	if (parse_measure(p, e, cell[COL_MEASURE]) < 0)
		return -1;
	if (parse_where(p, e) < 0)
		return -1;
	if (e->measure == IL_MEASURE_MANUAL) {
		if (cell[COL_AT_LEAST] && *cell[COL_AT_LEAST]) {
			fail(p, "at_least: a manual row has no threshold (leave it empty)");
			return -1;
		}
		return 0;
	}
	const char *at_least = cell[COL_AT_LEAST] ? cell[COL_AT_LEAST] : "";
	bool percent = e->measure == IL_MEASURE_PERCENT || e->measure == IL_MEASURE_EVIDENCE_PCT ||
		       e->measure == IL_MEASURE_WITNESS_PCT;
	char q[IL_QUOTED_SIZE];

	if (!*at_least) {
		fail(p, "at_least: required for a measured row (only manual rows have none)");
		return -1;
	}
	if (percent ? !!il_parse_percent(at_least, &e->at_least)
		    : !!il_parse_amount(at_least, &e->at_least)) {
		fail(p,
		     percent ? "at_least: %s is not a percentage from 0 to 100"
			     : "at_least: %s is not a number (3, 250k, 1.2M)",
		     il_quoted(at_least, q));
		return -1;
	}
	e->has_at_least = true;
	return 0;
}

static void free_expectation(struct il_expectation *e)
{
	free(e->id);
	free(e->track);
	free(e->level);
	free(e->dimension);
	free(e->expectation);
	free(e->where);
	free(e->source);
	free(e->unit);
	free(e->measure_name);
	for (size_t i = 0; i < e->conditions_len; i++)
		free(e->conditions[i].word);
	free(e->conditions);
}

static void on_row(int terminator, void *data)
{
	struct parser *p = data;
	struct il_rubric *r = p->rubric;

	(void)terminator;
	p->between_records = true;
	if (p->failed)
		goto done;
	if (!p->have_header) {
		for (int c = 0; c < COL_COUNT; c++)
			if (column_required[c] && p->column_of[c] < 0)
				fail(p,
				     "no column '%s' (the header needs id, track, level, "
				     "dimension, expectation and measure)",
				     column_names[c]);
		p->have_header = true;
		goto done;
	}
	if (p->fields == 1 && p->columns > 1 && !*p->cells[p->column_at[0]])
		goto done; /* a blank line */
	if (p->fields != p->columns) {
		fail(p, "%d fields, but the header has %d", p->fields, p->columns);
		goto done;
	}
	if (r->len == IL_RUBRIC_ROWS_MAX) {
		fail(p, "more than %d rows: a rubric this large is not a rubric",
		     IL_RUBRIC_ROWS_MAX);
		goto done;
	}

	struct il_expectation e = {0};

	e.where = il_xstrdup(p->cells[COL_WHERE] ? p->cells[COL_WHERE] : "");
	if (check_row(p, &e) < 0) {
		free_expectation(&e);
		goto done;
	}
	e.id = il_xstrdup(p->cells[COL_ID]);
	e.track = il_xstrdup(p->cells[COL_TRACK]);
	e.level = il_xstrdup(p->cells[COL_LEVEL]);
	e.dimension = il_xstrdup(p->cells[COL_DIMENSION]);
	e.expectation = il_xstrdup(p->cells[COL_EXPECTATION]);
	e.source = il_xstrdup(p->cells[COL_SOURCE] ? p->cells[COL_SOURCE] : "");
	r->rows = il_xrealloc(r->rows, (r->len + 1) * sizeof(*r->rows));
	r->rows[r->len++] = e;
done:
	for (int c = 0; c < COL_COUNT; c++) {
		free(p->cells[c]);
		p->cells[c] = NULL;
	}
	p->fields = 0;
}

/* Spaces are data for libcsv; cells are trimmed in on_field. */
static int no_space(unsigned char c)
{
	(void)c;
	return 0;
}

static void feed(struct parser *p, const char *s, size_t len)
{
	if (p->between_records) {
		p->record_line = p->line;
		p->between_records = false;
	}
	if (csv_parse(&p->csv, s, len, on_field, on_row, p) < len && !p->failed)
		fail(p, "%s",
		     csv_error(&p->csv) == CSV_EPARSE
			     ? "stray '\"': a cell that holds quotes must be quoted, "
			       "with each inner quote doubled"
			     : csv_strerror(csv_error(&p->csv)));
}

int il_rubric_parse(struct il_rubric *r, const char *name, const char *text, size_t len)
{
	struct parser p = {.name = name, .rubric = r, .line = 1, .between_records = true};

	memset(r, 0, sizeof(*r));
	for (int c = 0; c < COL_COUNT; c++)
		p.column_of[c] = -1;
	if (len > IL_RUBRIC_BYTES_MAX) {
		il_error("%s: %zu bytes; a rubric holds at most %d", name, len,
			 IL_RUBRIC_BYTES_MAX);
		return -1;
	}
	if (csv_init(&p.csv, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL) != 0) {
		il_error("%s: out of memory", name);
		return -1;
	}
	csv_set_space_func(&p.csv, no_space);
	if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0)
		text += 3, len -= 3;
	r->text = il_xstrndup(text, len);
	while (len && !p.failed) {
		const char *nl = memchr(text, '\n', len);
		size_t line_len = nl ? (size_t)(nl - text) + 1 : len;

		feed(&p, text, line_len);
		text += line_len;
		len -= line_len;
		p.line++;
	}
	if (!p.failed && csv_fini(&p.csv, on_field, on_row, &p) != 0)
		fail(&p, "a quoted cell is not closed before the end of the file");
	if (!p.failed && !p.have_header)
		fail_at(&p, 1,
			"empty: a rubric starts with a header row (id, track, level, "
			"dimension, expectation, measure, where, at_least, source)");
	csv_free(&p.csv);
	for (int c = 0; c < COL_COUNT; c++)
		free(p.cells[c]);
	free(p.column_at);
	if (p.failed) {
		il_rubric_free(r);
		return -1;
	}
	return 0;
}

void il_rubric_free(struct il_rubric *r)
{
	for (size_t i = 0; i < r->len; i++)
		free_expectation(&r->rows[i]);
	free(r->rows);
	free(r->text);
	memset(r, 0, sizeof(*r));
}

/* --- Storing and choosing ----------------------------------------------- */

int il_rubric_load(struct il_db *db, struct il_rubric *r)
{
	sqlite3_stmt *stmt = db ? il_db_prepare(db, il_report_sql("rubric_load.sql")) : NULL;
	int rc = SQLITE_DONE;

	if (db && !stmt)
		return -1;
	if (db)
		rc = il_db_step(db, stmt);
	if (rc == SQLITE_ROW) {
		const char *text = il_column_text(stmt, 0);

		rc = il_rubric_parse(r, STORED_NAME, text, strlen(text));
		sqlite3_finalize(stmt);
		return rc;
	}
	sqlite3_finalize(stmt);
	if (rc != SQLITE_DONE)
		return -1;
	const char *text = il_report_sql(BUILT_IN_NAME);

	if (il_rubric_parse(r, BUILT_IN_NAME, text, strlen(text)) < 0)
		return -1;
	r->built_in = true;
	return 0;
}

int il_rubric_store(struct il_db *db, const char *text)
{
	sqlite3_stmt *stmt;

	if (il_db_begin(db) < 0)
		return -1;
	stmt = il_db_prepare(db, il_report_sql(text ? "rubric_store.sql" : "rubric_reset.sql"));
	if (!stmt || (text && il_bind_text(db, stmt, 1, text) < 0) || il_db_run(db, stmt) < 0) {
		sqlite3_finalize(stmt);
		il_db_rollback(db);
		return -1;
	}
	sqlite3_finalize(stmt);
	return il_db_commit(db);
}

bool il_expectation_applies(const struct il_expectation *e, const char *track, const char *level)
{
	return (strcmp(e->track, "*") == 0 || strcasecmp(e->track, track) == 0) &&
	       (strcmp(e->level, "*") == 0 || strcasecmp(e->level, level) == 0);
}

void il_rubric_levels(const struct il_rubric *r, const char *track, struct il_buf *out)
{
	size_t start = out->len;

	for (size_t i = 0; i < r->len; i++) {
		const struct il_expectation *e = &r->rows[i];
		bool seen = false;

		if (strcmp(e->level, "*") == 0 ||
		    (strcmp(e->track, "*") != 0 && strcasecmp(e->track, track) != 0))
			continue;
		for (size_t j = 0; j < i && !seen; j++)
			seen = strcasecmp(r->rows[j].level, e->level) == 0 &&
			       (strcmp(r->rows[j].track, "*") == 0 ||
				strcasecmp(r->rows[j].track, track) == 0);
		if (!seen)
			il_buf_printf(out, "%s%s", out->len > start ? ", " : "", e->level);
	}
}

int il_rubric_read_file(const char *path, struct il_buf *out)
{
	FILE *fp = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
	const char *name = il_input_name(path);
	char chunk[64 * 1024];
	struct stat st;
	size_t n;

	if (!fp) {
		il_error("cannot open '%s': %s", path, strerror(errno));
		return -1;
	}
	if (fstat(fileno(fp), &st) == 0 && S_ISDIR(st.st_mode)) {
		il_error("cannot read '%s': %s", name, strerror(EISDIR));
		fclose(fp);
		return -1;
	}
	while ((n = fread(chunk, 1, sizeof(chunk), fp)) > 0 && out->len <= IL_RUBRIC_BYTES_MAX)
		il_buf_append(out, chunk, n);
	if (ferror(fp)) {
		il_error("cannot read '%s': %s", name, strerror(errno));
		if (fp != stdin)
			fclose(fp);
		return -1;
	}
	if (fp != stdin)
		fclose(fp);
	return 0;
}
