/* JSON out: strings, exact numbers and the achievements list. */

#include "impactlog/json_out.h"

#include "impactlog/embed.h"
#include "impactlog/filter.h"
#include "impactlog/format.h"
#include "impactlog/report.h"

#include <string.h>

void il_json_write_string(FILE *f, const char *text)
{
	if (!text) {
		fputs("null", f);
		return;
	}
	putc('"', f);
	for (const unsigned char *p = (const unsigned char *)text; *p; p++) {
		switch (*p) {
		case '"':
		case '\\':
			putc('\\', f);
			putc(*p, f);
			break;
		case '\b':
			fputs("\\b", f);
			break;
		case '\f':
			fputs("\\f", f);
			break;
		case '\n':
			fputs("\\n", f);
			break;
		case '\r':
			fputs("\\r", f);
			break;
		case '\t':
			fputs("\\t", f);
			break;
		default:
			if (*p < 0x20)
				fprintf(f, "\\u%04x", *p);
			else
				putc(*p, f);
		}
	}
	putc('"', f);
}

void il_json_write_number(FILE *f, double value)
{
	char number[IL_NUMBER_SIZE];

	il_format_number(value, number);
	fputs(number, f);
}

/* One row of achievements_json.sql as a JSON object, keyed by its column
 * names: numbers by il_format_number, so that they read back as the same
 * double; text as the query wrote it, JSON already. */
static void write_object(FILE *f, sqlite3_stmt *stmt)
{
	int columns = sqlite3_column_count(stmt);

	putc('{', f);
	for (int i = 0; i < columns; i++) {
		fprintf(f, "%s\"%s\":", i ? "," : "", sqlite3_column_name(stmt, i));
		switch (sqlite3_column_type(stmt, i)) {
		case SQLITE_NULL:
			fputs("null", f);
			break;
		case SQLITE_INTEGER:
			fprintf(f, "%lld", sqlite3_column_int64(stmt, i));
			break;
		case SQLITE_FLOAT:
			il_json_write_number(f, sqlite3_column_double(stmt, i));
			break;
		default:
			fputs(il_column_text(stmt, i), f);
		}
	}
	putc('}', f);
}

/* impactlog_initials(NAME): a witness as a redacted packet shows one. */
static void initials(sqlite3_context *context, int argc, sqlite3_value **argv)
{
	const char *name = (const char *)sqlite3_value_text(argv[0]);
	struct il_buf out = {0};

	(void)argc;
	il_report_initials(name ? name : "", &out);
	sqlite3_result_text(context, il_buf_str(&out), -1, SQLITE_TRANSIENT);
	il_buf_free(&out);
}

int il_json_write_achievements(struct il_db *db, bool redact, const char *indent, FILE *f)
{
	sqlite3_stmt *stmt;
	int rc, rows = 0;

	if (sqlite3_create_function(db->handle, "impactlog_initials", 1,
				    SQLITE_UTF8 | SQLITE_DETERMINISTIC, NULL, initials, NULL,
				    NULL) != SQLITE_OK) {
		il_db_error(db, sqlite3_errcode(db->handle), "impactlog_initials");
		return -1;
	}
	if (!(stmt = il_report_prepare(db, "achievements_json.sql")))
		return -1;
	if (il_bind_int(db, stmt, 1, redact) < 0) {
		sqlite3_finalize(stmt);
		return -1;
	}
	while ((rc = il_db_step(db, stmt)) == SQLITE_ROW) {
		fprintf(f, "%s%s", rows++ ? ",\n" : "[\n", indent);
		write_object(f, stmt);
	}
	if (rows)
		fprintf(f, "\n%s]", indent);
	else
		fputs("[]", f);
	sqlite3_finalize(stmt);
	return rc == SQLITE_DONE ? 0 : -1;
}
