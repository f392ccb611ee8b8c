/* add --json: one achievement from a JSON object, parsed by SQLite. */

#include "impactlog/json_in.h"

#include "impactlog/embed.h"
#include "impactlog/format.h"

#include <errno.h>
#include <math.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Characters of an unknown key shown in its message. */
#define KEY_QUOTE_MAX 40

/* The pseudo-field "id": list --format json writes it; add assigns anew. */
#define SEEN_ID (1u << IL_FIELD_COUNT)

struct reader {
	sqlite3 *db;
	const char *text; /* the whole input, bound as ?1 */
	size_t len;
	struct il_date today;
	struct il_achievement *a;
	struct il_buf *error;
	unsigned seen; /* bit (1u << field) for each key met, and SEEN_ID */
};

IL_PRINTF(2, 3) static int fail(struct reader *r, const char *fmt, ...)
{
	char message[1024];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(message, sizeof(message), fmt, ap);
	va_end(ap);
	il_buf_reset(r->error);
	il_buf_puts(r->error, message);
	return -1;
}

static int sql_fail(struct reader *r)
{
	return fail(r, "SQLite: %s", sqlite3_errmsg(r->db));
}

/* A statement with the input bound as ?1; NULL after fail(). */
static sqlite3_stmt *prepare(struct reader *r, const char *sql, const char *text, size_t len)
{
	sqlite3_stmt *stmt = NULL;

	if (!sql) {
		fail(r, "internal error: no such report query");
		return NULL;
	}
	if (sqlite3_prepare_v2(r->db, sql, -1, &stmt, NULL) != SQLITE_OK ||
	    sqlite3_bind_text(stmt, 1, text, (int)len, SQLITE_STATIC) != SQLITE_OK) {
		sql_fail(r);
		sqlite3_finalize(stmt);
		return NULL;
	}
	return stmt;
}

static bool is_json_space(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

/* What add --json checks before the text itself: a BOM, the size and
 * blank input. */
static int check_bytes(struct reader *r)
{
	size_t blank = 0;

	if (r->len >= 3 && memcmp(r->text, "\xEF\xBB\xBF", 3) == 0) {
		r->text += 3;
		r->len -= 3;
	}
	if (r->len > IL_JSON_INPUT_MAX)
		return fail(r, "more than 4 MiB of input (one achievement is far smaller)");
	while (blank < r->len && is_json_space(r->text[blank]))
		blank++;
	if (blank == r->len)
		return fail(r, "no input: give one achievement as a JSON object on standard input");
	return 0;
}

/* The index of the '"' that ends the string opening at START. */
static size_t string_end(const char *text, size_t len, size_t start)
{
	size_t i = start + 1;

	while (i < len && text[i] != '"')
		i += text[i] == '\\' ? 2 : 1;
	return i;
}

/* Whether every key of every object in valid JSON is a string.  SQLite 3.40
 * takes {"a": 1, ["x"]: 2} as valid (it checks the key's last node, not the
 * key), and json_each then reads out of bounds; so this one rule is checked
 * here, and SQLite still does the parsing.  Nesting deeper than SQLite
 * accepts anyway is refused. */
static bool keys_are_strings(const char *text, size_t len)
{
	char open[2048]; /* '{' or '[' for each container we are in */
	size_t depth = 0;
	bool want_key = false;

	for (size_t i = 0; i < len; i++) {
		char c = text[i];

		if (is_json_space(c))
			continue;
		if (want_key && c != '"' && c != '}')
			return false;
		want_key = false;
		if (c == '"') {
			i = string_end(text, len, i);
		} else if (c == '{' || c == '[') {
			if (depth == sizeof(open))
				return false;
			open[depth++] = c;
			want_key = c == '{';
		} else if ((c == '}' || c == ']') && depth > 0) {
			depth--;
		} else if (c == ',') {
			want_key = depth > 0 && open[depth - 1] == '{';
		}
	}
	return true;
}

/* Whether valid JSON holds a \u0000 escape.  SQLite's JSON functions end
 * the string there without a word, which would store "a\u0000b" as "a";
 * outside strings a valid document has no backslash at all. */
static bool has_nul_escape(const char *text, size_t len)
{
	for (size_t i = 0; i + 1 < len; i++) {
		if (text[i] != '\\')
			continue;
		if (text[i + 1] == 'u' && i + 6 <= len && memcmp(text + i + 2, "0000", 4) == 0)
			return true;
		i++; /* the escaped character, which may be a backslash */
	}
	return false;
}

int il_json_check_text(sqlite3 *db, const char *text, size_t len, struct il_buf *error)
{
	static const char sql[] = "SELECT json_valid(?1)";
	sqlite3_stmt *stmt = NULL;
	const char *why = NULL;

	if (memchr(text, '\0', len))
		why = "NUL byte: binary data, not JSON text";
	else if (il_utf8_length(text, len) < 0)
		why = "not valid UTF-8";
	/* Before SQLite walks the document, which such a key would upset. */
	else if (!keys_are_strings(text, len))
		why = "not valid JSON";
	else if (sqlite3_prepare_v2(db, sql, -1, &stmt, NULL) != SQLITE_OK ||
		 sqlite3_bind_text(stmt, 1, text, (int)len, SQLITE_STATIC) != SQLITE_OK ||
		 sqlite3_step(stmt) != SQLITE_ROW)
		why = sqlite3_errmsg(db);
	else if (!sqlite3_column_int(stmt, 0))
		why = "not valid JSON";
	else if (has_nul_escape(text, len))
		why = "\\u0000 in a string: NUL characters are not accepted";
	if (why) {
		il_buf_reset(error);
		il_buf_puts(error, why);
	}
	sqlite3_finalize(stmt);
	return why ? -1 : 0;
}

/* Sets FIELD from TEXT as a user typed it, naming the key on refusal. */
static int set_text(struct il_achievement *a, enum il_field field, const char *text,
		    struct il_date today, struct il_buf *error)
{
	struct il_diag diag;

	if (il_achievement_set(a, field, text, today, false, &diag) == 0)
		return 0;
	il_buf_reset(error);
	il_buf_printf(error, "'%s': %s", il_fields[diag.field].column, diag.message);
	return -1;
}

static int set(struct reader *r, enum il_field field, const char *text)
{
	return set_text(r->a, field, text, r->today, r->error);
}

/* The number as plain decimals ("1.0e-07" -> "0.0000001", "3.0" -> "3")
 * when that reads back as the same double: the percent and count parsers
 * take what people type, while a JSON writer may use an exponent or a
 * ".0" for any number. */
static bool plain_decimal(double value, char *out, size_t size)
{
	return fabs(value) < 1e18 && il_format_plain(value, 20, out, size);
}

bool il_json_is_number(const char *type)
{
	return strcmp(type, "integer") == 0 || strcmp(type, "real") == 0;
}

const char *il_json_type_phrase(const char *type)
{
	if (il_json_is_number(type))
		return "a number";
	if (strcmp(type, "text") == 0)
		return "a string";
	if (strcmp(type, "array") == 0)
		return "an array";
	if (strcmp(type, "object") == 0)
		return "an object";
	return type; /* null, true, false */
}

bool il_json_is_numeric_field(enum il_field field)
{
	switch (field) {
	case IL_FIELD_VALUE:
	case IL_FIELD_BASELINE:
	case IL_FIELD_SHARE:
	case IL_FIELD_TEAM_SIZE:
	case IL_FIELD_LIKELIHOOD:
	case IL_FIELD_LEAD_DAYS:
		return true;
	default:
		return false;
	}
}

int il_json_set_field(struct il_achievement *a, enum il_field field, const char *type,
		      const char *text, double number, struct il_date today, struct il_buf *error)
{
	const char *column = il_fields[field].column;
	struct il_diag diag;
	char plain[64];

	if (il_json_is_numeric_field(field) && il_json_is_number(type)) {
		/* Parsed from its JSON text, so that messages quote what was
		 * written; "1e2" gets a second chance as "100", and "3.0" as "3". */
		if (il_achievement_set(a, field, text, today, false, &diag) == 0 ||
		    (plain_decimal(number, plain, sizeof(plain)) && strcmp(plain, text) != 0 &&
		     il_achievement_set(a, field, plain, today, false, &diag) == 0))
			return 0;
		return set_text(a, field, text, today, error);
	}
	if (strcmp(type, "text") != 0) {
		il_buf_reset(error);
		il_buf_printf(error, "'%s': must be %s, not %s", column,
			      il_json_is_numeric_field(field) ? "a number or a string" : "a string",
			      il_json_type_phrase(type));
		return -1;
	}
	/* An escape such as \ud800 makes bytes that are not UTF-8;
	 * il_achievement_set refuses them before any parser quotes them. */
	return set_text(a, field, text, today, error);
}

/* A JSON number, by the text it was written as. */
static int set_number(struct reader *r, enum il_field field, const char *path, double value)
{
	static const char sql[] = "SELECT ?1 -> ?2";
	sqlite3_stmt *stmt = prepare(r, sql, r->text, r->len);
	int rc = -1;

	if (!stmt)
		return -1;
	if (sqlite3_bind_text(stmt, 2, path, -1, SQLITE_TRANSIENT) != SQLITE_OK ||
	    sqlite3_step(stmt) != SQLITE_ROW) {
		sql_fail(r);
	} else {
		const char *written = (const char *)sqlite3_column_text(stmt, 0);

		rc = il_json_set_field(r->a, field, "real", written ? written : "", value, r->today,
				       r->error);
	}
	sqlite3_finalize(stmt);
	return rc;
}

static int set_string(struct reader *r, enum il_field field, sqlite3_stmt *member, const char *type)
{
	const char *text = (const char *)sqlite3_column_text(member, 2);

	return il_json_set_field(r->a, field, type, text ? text : "", 0, r->today, r->error);
}

/* orgs, evidence, witnesses: an array of strings, one item each, taken
 * as they are (no ';' splitting: JSON needs no escapes of its own).  An
 * item that is only white space is no item, as in a CSV list. */
static int set_list(struct reader *r, enum il_field field, sqlite3_stmt *member)
{
	static const char sql[] = "SELECT type, value FROM json_each(?1)";
	const char *column = il_fields[field].column;
	const char *type = (const char *)sqlite3_column_text(member, 1);
	sqlite3_stmt *stmt;
	int rc, item = 0;

	if (strcmp(type, "array") != 0)
		return fail(r, "'%s': must be an array of strings, not %s", column,
			    il_json_type_phrase(type));
	stmt = prepare(r, sql, (const char *)sqlite3_column_text(member, 2),
		       (size_t)sqlite3_column_bytes(member, 2));
	if (!stmt)
		return -1;
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		const char *item_type = (const char *)sqlite3_column_text(stmt, 0);

		item++;
		if (strcmp(item_type, "text") != 0) {
			rc = fail(r, "'%s': must be an array of strings; item %d is %s", column,
				  item, il_json_type_phrase(item_type));
			break;
		}
		if (il_text_blank((const char *)sqlite3_column_text(stmt, 1)))
			continue;
		if (set(r, field, (const char *)sqlite3_column_text(stmt, 1)) < 0) {
			rc = -1;
			break;
		}
	}
	if (rc == SQLITE_DONE)
		rc = 0;
	else if (rc != -1)
		rc = sql_fail(r);
	sqlite3_finalize(stmt);
	return rc;
}

static int unknown_key(struct reader *r, const char *key, size_t len)
{
	struct il_buf keys = {0};
	int rc;

	for (int f = 0; f < IL_FIELD_COUNT; f++)
		il_buf_printf(&keys, "%s%s", f ? ", " : "", il_fields[f].column);
	if (il_utf8_length(key, len) < 0 || strlen(key) != len || il_has_control(key, true)) {
		rc = fail(r, "unknown key with control characters or invalid UTF-8 (keys: %s)",
			  il_buf_str(&keys));
	} else {
		size_t keep = il_utf8_prefix(key, KEY_QUOTE_MAX);

		rc = fail(r, "unknown key '%.*s%s' (keys: %s)", (int)keep, key,
			  key[keep] ? "…" : "", il_buf_str(&keys));
	}
	il_buf_free(&keys);
	return rc;
}

/* "id" is what list --format json calls the achievement; a new one is
 * assigned, so any number or string will do. */
static int skip_id(struct reader *r, const char *type)
{
	if (r->seen & SEEN_ID)
		return fail(r, "'id' appears twice");
	r->seen |= SEEN_ID;
	if (strcmp(type, "array") == 0 || strcmp(type, "object") == 0)
		return fail(r, "'id': must be a number, not %s", il_json_type_phrase(type));
	return 0;
}

/* One key of the object: its columns are key, type, value, fullkey. */
static int read_member(struct reader *r, sqlite3_stmt *member)
{
	const char *key = (const char *)sqlite3_column_text(member, 0);
	const char *type = (const char *)sqlite3_column_text(member, 1);
	int field;

	if (!key || !type)
		return sql_fail(r);
	if (strcmp(key, "id") == 0)
		return skip_id(r, type);
	if ((field = il_field_by_column(key)) < 0)
		return unknown_key(r, key, (size_t)sqlite3_column_bytes(member, 0));
	if (r->seen & (1u << field))
		return fail(r, "'%s' appears twice", key);
	r->seen |= 1u << field;
	if (strcmp(type, "null") == 0)
		return 0;
	if (il_fields[field].is_list)
		return set_list(r, field, member);
	if (il_json_is_numeric_field(field) && il_json_is_number(type))
		return set_number(r, field, (const char *)sqlite3_column_text(member, 3),
				  sqlite3_column_double(member, 2));
	return set_string(r, field, member, type);
}

static int read_members(struct reader *r, const char *path)
{
	static const char sql[] = "SELECT key, type, value, fullkey FROM json_each(?1, ?2)";
	sqlite3_stmt *stmt = prepare(r, sql, r->text, r->len);
	int rc;

	if (!stmt)
		return -1;
	if (sqlite3_bind_text(stmt, 2, path, -1, SQLITE_STATIC) != SQLITE_OK) {
		sqlite3_finalize(stmt);
		return sql_fail(r);
	}
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW)
		if (read_member(r, stmt) < 0)
			break;
	sqlite3_finalize(stmt);
	if (rc == SQLITE_ROW)
		return -1;
	return rc == SQLITE_DONE ? 0 : sql_fail(r);
}

/* The path of the object to read: the document, or the one object in an
 * array, as list --format json writes a single achievement.  TYPE is the
 * document's JSON type; COUNT and FIRST describe an array. */
static int choose_path(struct reader *r, const char *type, long long count, const char *first,
		       const char **path)
{
	if (strcmp(type, "object") == 0) {
		*path = "$";
		return 0;
	}
	if (strcmp(type, "array") != 0)
		return fail(r, "expected one JSON object, not %s", il_json_type_phrase(type));
	if (count > 1)
		return fail(r,
			    "%lld items in the array; add --json takes one object "
			    "(use 'impactlog import' for several)",
			    count);
	if (count == 0 || !first)
		return fail(r, "an empty array; give one achievement as a JSON object");
	if (strcmp(first, "object") != 0)
		return fail(r, "expected one JSON object, not an array holding %s",
			    il_json_type_phrase(first));
	*path = "$[0]";
	return 0;
}

static int find_object(struct reader *r, const char **path)
{
	sqlite3_stmt *stmt;
	const char *type;
	int rc;

	if (il_json_check_text(r->db, r->text, r->len, r->error) < 0)
		return -1;
	if (!(stmt = prepare(r, il_report_sql("json_shape.sql"), r->text, r->len)))
		return -1;
	if (sqlite3_step(stmt) != SQLITE_ROW)
		rc = sql_fail(r);
	else if (!(type = (const char *)sqlite3_column_text(stmt, 1)))
		rc = fail(r, "not valid JSON");
	else
		rc = choose_path(r, type, sqlite3_column_int64(stmt, 2),
				 (const char *)sqlite3_column_text(stmt, 3), path);
	sqlite3_finalize(stmt);
	return rc;
}

static int read_document(struct reader *r)
{
	const char *path = NULL;
	struct il_diag diag;

	if (find_object(r, &path) < 0 || read_members(r, path) < 0)
		return -1;
	if (il_achievement_check(r->a, &diag) < 0)
		return fail(r, "'%s': %s", il_fields[diag.field].column, diag.message);
	return 0;
}

int il_json_read_achievement(const char *text, size_t len, struct il_date today,
			     struct il_achievement *a, struct il_buf *error)
{
	struct reader r = {.text = text, .len = len, .today = today, .a = a, .error = error};
	int rc;

	il_buf_reset(error);
	if (check_bytes(&r) < 0)
		return -1;
	if (sqlite3_open_v2(":memory:", &r.db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL) !=
	    SQLITE_OK) {
		rc = fail(&r, "cannot open an in-memory SQLite database: %s",
			  r.db ? sqlite3_errmsg(r.db) : "out of memory");
	} else {
		rc = read_document(&r);
	}
	sqlite3_close(r.db);
	return rc;
}

int il_json_read_stdin(struct il_buf *text, struct il_buf *error)
{
	char chunk[65536];
	size_t n;

	il_buf_reset(text);
	while (text->len <= IL_JSON_INPUT_MAX && (n = fread(chunk, 1, sizeof(chunk), stdin)) > 0)
		il_buf_append(text, chunk, n);
	if (ferror(stdin)) {
		il_buf_reset(error);
		il_buf_printf(error, "cannot read standard input: %s", strerror(errno));
		return -1;
	}
	return 0;
}
