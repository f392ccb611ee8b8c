/* Writing achievements as CSV. */

#include "impactlog/csv_out.h"

#include "impactlog/achievement.h"
#include "impactlog/embed.h"
#include "impactlog/format.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

void il_csv_field(FILE *out, const char *field)
{
	if (!field[strcspn(field, ",\"\r\n")]) {
		fputs(field, out);
		return;
	}
	putc('"', out);
	for (const char *p = field; *p; p++) {
		if (*p == '"')
			putc('"', out);
		putc(*p, out);
	}
	putc('"', out);
}

/* A number as il_format_number writes it, except that a fraction it would
 * write with an exponent is written out in full ("0.00001", not "1e-05"):
 * percentages are read back without exponents. */
static void write_number(FILE *out, double value)
{
	char number[IL_NUMBER_SIZE], full[400];

	il_format_number(value, number);
	if (!strchr(number, 'e') || fabs(value) >= 1) {
		fputs(number, out);
		return;
	}
	/* The smallest double needs 324 places before its first digit. */
	il_format_plain(value, 360, full, sizeof(full));
	fputs(full, out);
}

static void write_cell(FILE *out, sqlite3_stmt *stmt, int column)
{
	switch (sqlite3_column_type(stmt, column)) {
	case SQLITE_NULL:
		break;
	case SQLITE_FLOAT:
		write_number(out, sqlite3_column_double(stmt, column));
		break;
	default:
		il_csv_field(out, il_column_text(stmt, column));
	}
}

int il_csv_write(struct il_db *db, const char *table, bool newest_first, FILE *out)
{
	const char *order = newest_first ? "DESC" : "ASC";
	const char *rows_sql = il_report_sql("csv_rows.sql");
	struct il_buf sql = {0};
	sqlite3_stmt *stmt;
	int rc;

	if (!rows_sql) {
		il_error("internal error: no report query 'csv_rows.sql'");
		return -1;
	}
	/* The query is a format that takes the table and the order (see its
	 * comment): a file of ours, not user text, which the compiler cannot
	 * see to check. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
	il_buf_printf(&sql, rows_sql, table, order, order);
#pragma GCC diagnostic pop
	stmt = il_db_prepare(db, il_buf_str(&sql));
	il_buf_free(&sql);
	if (!stmt)
		return -1;
	for (int f = 0; f < IL_FIELD_COUNT; f++)
		fprintf(out, "%s%s", f ? "," : "", il_fields[f].column);
	fputs("\r\n", out);
	while ((rc = il_db_step(db, stmt)) == SQLITE_ROW) {
		for (int f = 0; f < IL_FIELD_COUNT; f++) {
			if (f)
				putc(',', out);
			write_cell(out, stmt, f);
		}
		fputs("\r\n", out);
	}
	sqlite3_finalize(stmt);
	return rc == SQLITE_DONE ? 0 : -1;
}
