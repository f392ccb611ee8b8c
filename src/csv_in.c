/* Reading achievements from CSV: libcsv in strict mode, fed line by line. */

#include "impactlog/csv_in.h"

#include "impactlog/uid_set.h"

#include <csv.h>
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#define CHUNK_SIZE (64 * 1024)

/* libcsv grows its field buffer by this much at a time; its default of 128
 * bytes would copy a long note over and over. */
#define FIELD_BLOCK (64 * 1024)

struct il_csv_in {
	const char *name; /* the file as messages name it */
	FILE *fp;
	long long size; /* bytes in the file, or -1 when unknown (a pipe) */
	long long offset;
	struct il_date today;
	il_csv_record_fn *record;
	void *data;

	struct csv_parser parser;
	long line;	  /* the physical line being fed, from 1 */
	size_t line_size; /* bytes of it fed so far */
	long record_line; /* where the current record starts */
	bool between_records;
	bool failed;

	/* The header maps each column to its field, and back. */
	bool have_header;
	long columns;
	enum il_field column_field[IL_FIELD_COUNT + 1];
	int field_column[IL_FIELD_COUNT]; /* -1: no such column */

	/* The current row: its cells packed in one buffer, each ending in NUL.
	 * Only the cells that can be used are kept; FIELDS counts them all. */
	struct il_buf cells;
	size_t cell_start[IL_FIELD_COUNT + 1];
	long fields;

	struct il_progress *progress; /* NULL: none */
	long records;
};

/* "importing: 45% (12345 records)", or without the share when the input's
 * size is unknown (standard input). */
static void show_progress(struct il_csv_in *in)
{
	if (in->size > 0)
		il_progress_update(in->progress, "importing: %d%% (%ld records)",
				   in->offset < in->size ? (int)(in->offset * 100 / in->size) : 100,
				   in->records);
	else
		il_progress_update(in->progress, "importing: %ld records", in->records);
}

IL_PRINTF(3, 0)
static void vcontent_error(struct il_csv_in *in, long line, const char *fmt, va_list ap)
{
	char message[1024];

	vsnprintf(message, sizeof(message), fmt, ap);
	il_error("%s:%ld: %s", in->name, line, message);
	in->failed = true;
}

/* An error at a physical line other than the record's start. */
IL_PRINTF(3, 4)
static void line_error(struct il_csv_in *in, long line, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vcontent_error(in, line, fmt, ap);
	va_end(ap);
}

void il_csv_record_error(struct il_csv_in *in, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vcontent_error(in, in->record_line, fmt, ap);
	va_end(ap);
}

long il_csv_record_line(const struct il_csv_in *in)
{
	return in->record_line;
}

static const char *cell(const struct il_csv_in *in, long column)
{
	return in->cells.data + in->cell_start[column];
}

/* Keeps a cell of the current row, reading CRLF inside it as LF: a note
 * typed on Windows is the same note. */
static void keep_cell(struct il_csv_in *in, const char *text, size_t len)
{
	const char *cr;

	in->cell_start[in->fields] = in->cells.len;
	while ((cr = memchr(text, '\r', len)) && cr + 1 < text + len && cr[1] == '\n') {
		il_buf_append(&in->cells, text, (size_t)(cr - text));
		len -= (size_t)(cr + 1 - text);
		text = cr + 1;
	}
	il_buf_append(&in->cells, text, len);
	il_buf_append(&in->cells, "", 1);
}

static void on_field(void *text, size_t len, void *data)
{
	struct il_csv_in *in = data;
	/* A header of more columns than there are fields must repeat or name
	 * an unknown one among its first IL_FIELD_COUNT + 1. */
	long keep = in->have_header ? in->columns : IL_FIELD_COUNT + 1;

	if (in->failed)
		return;
	if (in->fields < keep)
		keep_cell(in, text, len);
	in->fields++;
}

static bool is_text(const char *text)
{
	return il_utf8_length(text, strlen(text)) >= 0 && !il_has_control(text, true);
}

/* Column names match whatever their case: "Date" is date. */
static int field_by_name(const char *name)
{
	for (int f = 0; f < IL_FIELD_COUNT; f++)
		if (strcasecmp(il_fields[f].column, name) == 0)
			return f;
	return -1;
}

static void unknown_column(struct il_csv_in *in, const char *name)
{
	struct il_buf accepted = {0};
	char q[IL_QUOTED_SIZE];

	for (int f = 0; f < IL_FIELD_COUNT; f++)
		il_buf_printf(&accepted, "%s%s", f ? ", " : "", il_fields[f].column);
	il_csv_record_error(in, "unknown column %s (columns: %s)", il_quoted(name, q),
			    il_buf_str(&accepted));
	il_buf_free(&accepted);
}

static int read_column_name(struct il_csv_in *in, long column)
{
	const char *name = cell(in, column);
	int field;

	if (!*name) {
		il_csv_record_error(in, "header: column %ld has no name", column + 1);
		return -1;
	}
	if (!is_text(name)) {
		il_csv_record_error(in, "header: column %ld is not text (is this a CSV file?)",
				    column + 1);
		return -1;
	}
	if ((field = field_by_name(name)) < 0) {
		unknown_column(in, name);
		return -1;
	}
	if (in->field_column[field] >= 0) {
		il_csv_record_error(in, "column '%s' appears twice in the header",
				    il_fields[field].column);
		return -1;
	}
	in->field_column[field] = (int)column;
	in->column_field[column] = (enum il_field)field;
	return 0;
}

static void read_header(struct il_csv_in *in)
{
	static const enum il_field required[] = {IL_FIELD_DATE, IL_FIELD_TAG, IL_FIELD_TITLE};
	long stored = in->fields < IL_FIELD_COUNT + 1 ? in->fields : IL_FIELD_COUNT + 1;

	for (long column = 0; column < stored; column++)
		if (read_column_name(in, column) < 0)
			return;
	for (size_t i = 0; i < IL_ARRAY_LEN(required); i++) {
		if (in->field_column[required[i]] < 0) {
			il_csv_record_error(in,
					    "missing required column '%s' (date, tag and title "
					    "are required)",
					    il_fields[required[i]].column);
			return;
		}
	}
	in->columns = in->fields;
	in->have_header = true;
}

/* Sets FIELD from one cell.  An empty cell, or one only of white space, is
 * a value not given, except in the required columns, where
 * il_achievement_set refuses it. */
static int set_cell(struct il_csv_in *in, struct il_achievement *a, enum il_field field,
		    const char *text)
{
	bool required = field == IL_FIELD_DATE || field == IL_FIELD_TAG || field == IL_FIELD_TITLE;
	struct il_diag diag;
	struct il_date date;
	char q[IL_QUOTED_SIZE];
	const char *why;

	char *trimmed;
	int rc = 0;

	if (il_text_blank(text) && !required)
		return 0;
	if (il_achievement_set(a, field, text, in->today, true, &diag) < 0) {
		il_csv_record_error(in, "column '%s': %s", il_fields[diag.field].column,
				    diag.message);
		return -1;
	}
	if (field != IL_FIELD_DATE)
		return 0;
	/* After il_achievement_set has refused bytes unfit to quote: a file
	 * takes only YYYY-MM-DD, not "today". */
	trimmed = il_text_trim(text);
	if ((why = il_parse_date(trimmed, &date))) {
		il_csv_record_error(in, "column 'date': %s %s", il_quoted(trimmed, q), why);
		rc = -1;
	}
	free(trimmed);
	return rc;
}

/*
 * A uid for a record the file gave none: a hash of its non-empty cells in
 * field order, so that column order does not matter and the same record
 * read again gets the same uid.  Two 64-bit lanes make the 32 hex digits
 * of a random uid; accidental collisions are out of reach, and deliberate
 * ones could only make an import skip the forger's own record.
 */
static void derive_uid(const struct il_csv_in *in, struct il_achievement *a)
{
	struct il_uid_hash hash;
	char uid[IL_UID_HASH_SIZE];

	il_uid_hash_start(&hash);
	for (int f = 0; f < IL_FIELD_COUNT; f++) {
		const char *text;

		if (in->field_column[f] < 0 || !*(text = cell(in, in->field_column[f])))
			continue;
		il_uid_hash_add(&hash, (unsigned char)f, text);
	}
	il_uid_hash_end(&hash, uid);
	a->uid = il_xstrdup(uid);
}

static void read_record(struct il_csv_in *in)
{
	struct il_achievement a;
	struct il_diag diag;

	if (in->fields != in->columns) {
		il_csv_record_error(in, "%ld field%s, but the header has %ld columns", in->fields,
				    in->fields == 1 ? "" : "s", in->columns);
		return;
	}
	il_achievement_init(&a, in->today);
	for (long column = 0; column < in->columns; column++)
		if (set_cell(in, &a, in->column_field[column], cell(in, column)) < 0)
			goto done;
	if (il_achievement_check(&a, &diag) < 0) {
		il_csv_record_error(in, "column '%s': %s", il_fields[diag.field].column,
				    diag.message);
		goto done;
	}
	if (!a.uid)
		derive_uid(in, &a);
	in->records++;
	if (in->record(in, &a, in->data) < 0)
		in->failed = true;
done:
	il_achievement_free(&a);
}

static void on_row(int terminator, void *data)
{
	struct il_csv_in *in = data;

	(void)terminator;
	if (in->failed)
		return;
	if (in->have_header)
		read_record(in);
	else
		read_header(in);
	il_buf_reset(&in->cells);
	in->fields = 0;
	/* The next record starts here unless only line ends follow (a CR
	 * alone ends a row too); feed_segment moves it on. */
	in->between_records = true;
	in->record_line = in->line;
}

/* Spaces are data, as RFC 4180 says: libcsv would trim them. */
static int no_space(unsigned char c)
{
	(void)c;
	return 0;
}

static void parse_error(struct il_csv_in *in)
{
	int status = csv_error(&in->parser);

	if (status != CSV_EPARSE) {
		il_csv_record_error(in, "%s", csv_strerror(status));
		return;
	}
	if (in->line == in->record_line)
		il_csv_record_error(in, "stray '\"': a field that holds quotes must be quoted, "
					"with each inner quote doubled");
	else
		il_csv_record_error(in,
				    "stray '\"' on line %ld: a field that holds quotes must be "
				    "quoted, with each inner quote doubled",
				    in->line);
}

static bool has_content(const unsigned char *s, size_t len)
{
	for (size_t i = 0; i < len; i++)
		if (s[i] != '\r' && s[i] != '\n')
			return true;
	return false;
}

/* Feeds part of one physical line: all of it, or up to a chunk's end. */
static int feed_segment(struct il_csv_in *in, const unsigned char *s, size_t len, bool ends_line)
{
	in->line_size += len - ends_line;
	if (in->line_size > IL_CSV_LINE_MAX) {
		line_error(in, in->line, "line longer than 2 MiB");
		return -1;
	}
	if (memchr(s, '\0', len)) {
		line_error(in, in->line, "NUL byte: binary data, not CSV text");
		return -1;
	}
	if (in->between_records && has_content(s, len)) {
		in->record_line = in->line;
		in->between_records = false;
	}
	if (csv_parse(&in->parser, s, len, on_field, on_row, in) < len && !in->failed)
		parse_error(in);
	if (!in->failed && csv_get_buffer_size(&in->parser) > IL_CSV_LINE_MAX)
		il_csv_record_error(in, "field longer than 2 MiB (is a closing quote missing?)");
	return in->failed ? -1 : 0;
}

/* Feeds a chunk line by line, which is how errors know their line: libcsv
 * itself does not count lines, and a quoted field may hold newlines. */
static int feed(struct il_csv_in *in, const unsigned char *chunk, size_t len)
{
	while (len > 0) {
		const unsigned char *newline = memchr(chunk, '\n', len);
		size_t n = newline ? (size_t)(newline - chunk) + 1 : len;

		if (feed_segment(in, chunk, n, newline != NULL) < 0)
			return -1;
		if (newline) {
			in->line++;
			in->line_size = 0;
		}
		chunk += n;
		len -= n;
	}
	return 0;
}

static int finish(struct il_csv_in *in)
{
	if (csv_fini(&in->parser, on_field, on_row, in) != 0 && !in->failed) {
		il_csv_record_error(in, "unterminated quoted field: no closing '\"' before the "
					"end of the file");
		return -1;
	}
	if (in->failed)
		return -1;
	if (!in->have_header) {
		il_error("%s: empty file: the first line must be a header naming the columns "
			 "(date,tag,title,...)",
			 in->name);
		return -1;
	}
	return 0;
}

/* The bytes to skip at the start of the file: a UTF-8 byte order mark is no
 * part of the first column's name.  UTF-16, which spreadsheets save as
 * "Unicode text", is refused by name rather than as NUL bytes: -1. */
static long skip_start(struct il_csv_in *in, const unsigned char *chunk, size_t n)
{
	if (n >= 3 && memcmp(chunk, "\xef\xbb\xbf", 3) == 0)
		return 3;
	if (n >= 2 && (memcmp(chunk, "\xff\xfe", 2) == 0 || memcmp(chunk, "\xfe\xff", 2) == 0)) {
		line_error(in, 1, "UTF-16 text: save the file as CSV in UTF-8");
		return -1;
	}
	return 0;
}

static int read_all(struct il_csv_in *in)
{
	unsigned char *chunk = il_xmalloc(CHUNK_SIZE);
	int rc = 0;
	size_t n;

	/* fread fills the chunk unless the file ends, so a byte order mark is
	 * never split. */
	while (rc == 0 && (n = fread(chunk, 1, CHUNK_SIZE, in->fp)) > 0) {
		long skip = in->offset == 0 ? skip_start(in, chunk, n) : 0;

		in->offset += (long long)n;
		rc = skip < 0 ? -1 : feed(in, chunk + skip, n - (size_t)skip);
		show_progress(in);
	}
	free(chunk);
	if (rc == 0 && ferror(in->fp)) {
		il_error("cannot read '%s': %s", in->name, strerror(errno ? errno : EIO));
		return -1;
	}
	return rc == 0 ? finish(in) : -1;
}

static int open_input(struct il_csv_in *in, const char *path)
{
	struct stat st;

	if (strcmp(path, "-") == 0) {
		in->fp = stdin;
		in->name = il_input_name(path);
	} else if (!(in->fp = fopen(path, "rb"))) {
		il_error("cannot open '%s': %s", path, strerror(errno));
		return -1;
	}
	if (fstat(fileno(in->fp), &st) != 0) {
		il_error("cannot read '%s': %s", in->name, strerror(errno));
		return -1;
	}
	/* fopen opens a folder; reading it would fail with a vaguer message. */
	if (S_ISDIR(st.st_mode)) {
		il_error("cannot read '%s': %s", in->name, strerror(EISDIR));
		return -1;
	}
	in->size = S_ISREG(st.st_mode) ? (long long)st.st_size : -1;
	return 0;
}

int il_csv_read(const char *path, struct il_date today, struct il_progress *progress,
		il_csv_record_fn *record, void *data)
{
	struct il_csv_in in = {
		.name = path,
		.today = today,
		.record = record,
		.data = data,
		.line = 1,
		.record_line = 1,
		.between_records = true,
		.progress = progress,
	};
	int rc;

	for (int f = 0; f < IL_FIELD_COUNT; f++)
		in.field_column[f] = -1;
	if (open_input(&in, path) < 0) {
		if (in.fp && in.fp != stdin)
			fclose(in.fp);
		return -1;
	}
	if (csv_init(&in.parser, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL) != 0) {
		il_error("out of memory");
		rc = -1;
	} else {
		csv_set_space_func(&in.parser, no_space);
		csv_set_blk_size(&in.parser, FIELD_BLOCK);
		rc = read_all(&in);
		il_progress_clear(in.progress);
		csv_free(&in.parser);
	}
	il_buf_free(&in.cells);
	if (in.fp != stdin)
		fclose(in.fp);
	return rc;
}
