/* The achievement model: field rules, defaults and storage. */

#include "impactlog/achievement.h"

#include "impactlog/embed.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

#define TEAM_SIZE_MAX 1000000
#define LEAD_DAYS_MAX 36500

const struct il_field_info il_fields[IL_FIELD_COUNT] = {
	[IL_FIELD_UID] = {"uid", "--uid", false, true},
	[IL_FIELD_DATE] = {"date", "--date", false, false},
	[IL_FIELD_TAG] = {"tag", "--tag", false, false},
	[IL_FIELD_TITLE] = {"title", "--title", false, false},
	[IL_FIELD_VALUE] = {"value", "--value", false, true},
	[IL_FIELD_UNIT] = {"unit", "--unit", false, true},
	[IL_FIELD_BASELINE] = {"baseline", "--baseline", false, true},
	[IL_FIELD_SHARE] = {"share", "--share", false, false},
	[IL_FIELD_TEAM_SIZE] = {"team_size", "--team-size", false, false},
	[IL_FIELD_LIKELIHOOD] = {"likelihood", "--likelihood", false, true},
	[IL_FIELD_LEAD_DAYS] = {"lead_days", "--lead-days", false, true},
	[IL_FIELD_CONFIDENCE] = {"confidence", "--confidence", false, false},
	[IL_FIELD_PROJECT] = {"project", "--project", false, true},
	[IL_FIELD_ORGS] = {"orgs", "--org", true, true},
	[IL_FIELD_EVIDENCE] = {"evidence", "--evidence", true, true},
	[IL_FIELD_WITNESSES] = {"witnesses", "--witness", true, true},
	[IL_FIELD_NOTE] = {"note", "--note", false, true},
};

static const char *const tag_names[] = {
	[IL_TAG_PREVENTED_LOSS] = "prevented-loss",
	[IL_TAG_ENABLED_SCALE] = "enabled-scale",
	[IL_TAG_USER_GROWTH] = "user-growth",
};

static const char *const confidence_names[] = {
	[IL_CONFIDENCE_MEASURED] = "measured",
	[IL_CONFIDENCE_ESTIMATED] = "estimated",
	[IL_CONFIDENCE_PROJECTED] = "projected",
};

int il_field_by_column(const char *name)
{
	for (int f = 0; f < IL_FIELD_COUNT; f++)
		if (strcmp(il_fields[f].column, name) == 0)
			return f;
	return -1;
}

const char *il_tag_name(enum il_tag tag)
{
	return tag > IL_TAG_NONE && tag < (int)IL_ARRAY_LEN(tag_names) ? tag_names[tag] : "";
}

enum il_tag il_tag_parse(const char *name)
{
	for (size_t t = 1; t < IL_ARRAY_LEN(tag_names); t++)
		if (strcmp(tag_names[t], name) == 0)
			return (enum il_tag)t;
	return IL_TAG_NONE;
}

const char *il_confidence_name(enum il_confidence confidence)
{
	return confidence_names[confidence];
}

/* The unit a tag's values have unless the user names one. */
static const char *default_unit(enum il_tag tag)
{
	switch (tag) {
	case IL_TAG_PREVENTED_LOSS:
		return "USD";
	case IL_TAG_USER_GROWTH:
		return "users";
	default:
		return NULL;
	}
}

void il_achievement_init(struct il_achievement *a, struct il_date today)
{
	*a = (struct il_achievement){
		.date = today,
		.share = 100,
		.team_size = 1,
		.confidence = IL_CONFIDENCE_ESTIMATED,
	};
}

void il_achievement_free(struct il_achievement *a)
{
	free(a->uid);
	free(a->title);
	free(a->unit);
	free(a->project);
	free(a->note);
	free(a->deleted_at);
	il_strlist_clear(&a->orgs);
	il_strlist_clear(&a->evidence);
	il_strlist_clear(&a->witnesses);
	*a = (struct il_achievement){0};
}

IL_PRINTF(2, 3) static int diagnose(struct il_diag *diag, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(diag->message, sizeof(diag->message), fmt, ap);
	va_end(ap);
	return -1;
}

/* Quotes TEXT for a message, shortened so one line stays one line. */
static const char *quoted(const char *text, char *out, size_t size)
{
	size_t keep = il_utf8_prefix(text, 40);

	snprintf(out, size, "'%.*s%s'", (int)keep, text, text[keep] ? "…" : "");
	return out;
}

/* The checks every piece of text passes: valid UTF-8, a length limit in
 * characters, and no control characters (single_line also bars newlines). */
static int check_text(const char *text, long max, bool single_line, struct il_diag *diag)
{
	long length = il_utf8_length(text, strlen(text));

	if (length < 0)
		return diagnose(diag, "not valid UTF-8");
	if (length > max)
		return diagnose(diag, "%ld characters; at most %ld are accepted", length, max);
	if (il_has_control(text, single_line))
		return diagnose(diag, single_line ? "must be one line without control characters"
						  : "must not contain control characters");
	return 0;
}

static void replace_string(char **slot, const char *text)
{
	free(*slot);
	*slot = text ? il_xstrdup(text) : NULL;
}

static int set_list(struct il_strlist *list, bool first, const char *text, bool split,
		    struct il_diag *diag)
{
	struct il_strlist items = {0};
	int rc = 0;

	if (first)
		il_strlist_clear(list);
	/* Items are trimmed however they arrive, as il_list_split trims a
	 * file's, so that what is stored reads back the same from an export. */
	if (split) {
		il_list_split(text, &items);
	} else {
		size_t start = strspn(text, " "), end = strlen(text);

		while (end > start && text[end - 1] == ' ')
			end--;
		if (end == start)
			return diagnose(diag, "must not be blank");
		il_strlist_push_n(&items, text + start, end - start);
	}
	for (size_t i = 0; i < items.len && rc == 0; i++) {
		if (check_text(items.items[i], IL_TEXT_MAX, true, diag) < 0)
			rc = -1;
		else if (list->len >= IL_LIST_MAX)
			rc = diagnose(diag, "too many items; at most %d are accepted", IL_LIST_MAX);
		else
			il_strlist_push(list, items.items[i]);
	}
	il_strlist_clear(&items);
	return rc;
}

static struct il_strlist *list_of(struct il_achievement *a, enum il_field field)
{
	switch (field) {
	case IL_FIELD_ORGS:
		return &a->orgs;
	case IL_FIELD_EVIDENCE:
		return &a->evidence;
	default:
		return &a->witnesses;
	}
}

static void clear_field(struct il_achievement *a, enum il_field field)
{
	switch (field) {
	case IL_FIELD_UID:
		replace_string(&a->uid, NULL);
		break;
	case IL_FIELD_VALUE:
		a->has_value = false;
		break;
	case IL_FIELD_UNIT:
		replace_string(&a->unit, NULL);
		break;
	case IL_FIELD_BASELINE:
		a->has_baseline = false;
		break;
	case IL_FIELD_LIKELIHOOD:
		a->has_likelihood = false;
		break;
	case IL_FIELD_LEAD_DAYS:
		a->has_lead_days = false;
		break;
	case IL_FIELD_PROJECT:
		replace_string(&a->project, NULL);
		break;
	case IL_FIELD_NOTE:
		replace_string(&a->note, NULL);
		break;
	case IL_FIELD_ORGS:
	case IL_FIELD_EVIDENCE:
	case IL_FIELD_WITNESSES:
		il_strlist_clear(list_of(a, field));
		break;
	default:
		break;
	}
}

/* Reports a parser's phrase after the quoted input. */
static int parsed(const char *why, const char *text, struct il_diag *diag)
{
	char q[160];

	if (!why)
		return 0;
	return diagnose(diag, "%s %s", quoted(text, q, sizeof(q)), why);
}

/* A calendar day from 1900-03-01 on: before it, spreadsheets number days
 * wrongly (Lotus's 1900-02-29), and the workbook could not show it. */
static int set_date(struct il_achievement *a, const char *text, struct il_date today,
		    struct il_diag *diag)
{
	if (parsed(il_parse_date_relative(text, today, &a->date), text, diag) < 0)
		return -1;
	if (!il_date_accepted(a->date))
		return parsed("is before 1900-03-01, the first day accepted", text, diag);
	return 0;
}

static int set_text_field(char **slot, const char *text, long max, bool single_line,
			  struct il_diag *diag)
{
	if (check_text(text, max, single_line, diag) < 0)
		return -1;
	replace_string(slot, text);
	return 0;
}

static int set_count(long long *slot, bool *has, const char *text, long long min, long long max,
		     struct il_diag *diag)
{
	char q[160];

	if (il_parse_count(text, min, max, slot))
		return diagnose(diag, "%s is not a whole number from %lld to %lld",
				quoted(text, q, sizeof(q)), min, max);
	if (has)
		*has = true;
	return 0;
}

static int set_title(struct il_achievement *a, const char *text, struct il_diag *diag)
{
	if (text[strspn(text, " ")] == '\0')
		return diagnose(diag, "must not be empty");
	return set_text_field(&a->title, text, IL_TITLE_MAX, true, diag);
}

static int set_tag(struct il_achievement *a, const char *text, struct il_diag *diag)
{
	enum il_tag tag = il_tag_parse(text);

	if (tag == IL_TAG_NONE)
		return parsed("is not a tag (prevented-loss, enabled-scale or user-growth)", text,
			      diag);
	a->tag = tag;
	return 0;
}

static int set_confidence(struct il_achievement *a, const char *text, struct il_diag *diag)
{
	for (size_t c = 0; c < IL_ARRAY_LEN(confidence_names); c++) {
		if (strcmp(confidence_names[c], text) == 0) {
			a->confidence = (enum il_confidence)c;
			return 0;
		}
	}
	return parsed("is not a confidence (measured, estimated or projected)", text, diag);
}

static int set_uid(struct il_achievement *a, const char *text, struct il_diag *diag)
{
	if (check_text(text, IL_UID_MAX, true, diag) < 0)
		return -1;
	if (strchr(text, ' '))
		return parsed("is not a uid (no spaces)", text, diag);
	replace_string(&a->uid, text);
	return 0;
}

/* Whether FIELD keeps the text as given (and checks it with check_text)
 * rather than parsing it into a number, date or choice. */
static bool stores_text(enum il_field field)
{
	switch (field) {
	case IL_FIELD_UID:
	case IL_FIELD_TITLE:
	case IL_FIELD_UNIT:
	case IL_FIELD_PROJECT:
	case IL_FIELD_ORGS:
	case IL_FIELD_EVIDENCE:
	case IL_FIELD_WITNESSES:
	case IL_FIELD_NOTE:
		return true;
	default:
		return false;
	}
}

int il_achievement_set(struct il_achievement *a, enum il_field field, const char *text,
		       struct il_date today, bool split_lists, struct il_diag *diag)
{
	bool first = !(a->given & (1u << field));

	diag->field = field;
	diag->message[0] = '\0';
	if (*text == '\0') {
		if (!il_fields[field].optional)
			return diagnose(diag, "must not be empty");
		clear_field(a, field);
		a->given |= 1u << field;
		return 0;
	}
	a->given |= 1u << field;
	/* A value that is parsed rather than stored is quoted in the parser's
	 * message: bytes that are not UTF-8 or control characters must be
	 * refused first, whichever reader (command line, CSV, JSON, editor)
	 * brought them.  Stored text passes check_text instead. */
	if (!stores_text(field) && check_text(text, LONG_MAX, true, diag) < 0)
		return -1;
	switch (field) {
	case IL_FIELD_UID:
		return set_uid(a, text, diag);
	case IL_FIELD_DATE:
		return set_date(a, text, today, diag);
	case IL_FIELD_TAG:
		return set_tag(a, text, diag);
	case IL_FIELD_TITLE:
		return set_title(a, text, diag);
	case IL_FIELD_VALUE:
		a->has_value = true;
		return parsed(il_parse_amount(text, &a->value), text, diag);
	case IL_FIELD_UNIT:
		return set_text_field(&a->unit, text, IL_UNIT_MAX, true, diag);
	case IL_FIELD_BASELINE:
		a->has_baseline = true;
		return parsed(il_parse_amount(text, &a->baseline), text, diag);
	case IL_FIELD_SHARE:
		return parsed(il_parse_percent(text, &a->share), text, diag);
	case IL_FIELD_TEAM_SIZE:
		return set_count(&a->team_size, NULL, text, 1, TEAM_SIZE_MAX, diag);
	case IL_FIELD_LIKELIHOOD:
		a->has_likelihood = true;
		return parsed(il_parse_percent(text, &a->likelihood), text, diag);
	case IL_FIELD_LEAD_DAYS:
		return set_count(&a->lead_days, &a->has_lead_days, text, 0, LEAD_DAYS_MAX, diag);
	case IL_FIELD_CONFIDENCE:
		return set_confidence(a, text, diag);
	case IL_FIELD_PROJECT:
		return set_text_field(&a->project, text, IL_PROJECT_MAX, true, diag);
	case IL_FIELD_NOTE:
		return set_text_field(&a->note, text, IL_NOTE_MAX, false, diag);
	case IL_FIELD_ORGS:
	case IL_FIELD_EVIDENCE:
	case IL_FIELD_WITNESSES:
		return set_list(list_of(a, field), first, text, split_lists, diag);
	case IL_FIELD_COUNT:
		break;
	}
	return diagnose(diag, "is not a field");
}

int il_achievement_check(struct il_achievement *a, struct il_diag *diag)
{
	diag->message[0] = '\0';
	if (a->tag == IL_TAG_NONE) {
		diag->field = IL_FIELD_TAG;
		return diagnose(diag, "required (prevented-loss, enabled-scale or user-growth)");
	}
	if (!a->title) {
		diag->field = IL_FIELD_TITLE;
		return diagnose(diag, "required (what you did, one line of at most %d characters)",
				IL_TITLE_MAX);
	}
	if (a->tag != IL_TAG_PREVENTED_LOSS && (a->has_likelihood || a->has_lead_days)) {
		diag->field = a->has_likelihood ? IL_FIELD_LIKELIHOOD : IL_FIELD_LEAD_DAYS;
		return diagnose(diag, "only applies to prevented-loss achievements, not %s",
				il_tag_name(a->tag));
	}
	if (!a->unit && default_unit(a->tag))
		a->unit = il_xstrdup(default_unit(a->tag));
	if (!a->unit && a->has_value) {
		diag->field = IL_FIELD_UNIT;
		return diagnose(diag, "required with a value for enabled-scale "
				      "(what the value counts: rps, TB, teams, ...)");
	}
	return 0;
}

void il_achievement_retag(struct il_achievement *a, enum il_tag old_tag)
{
	const char *old_default = default_unit(old_tag);

	if (a->tag != old_tag && !(a->given & (1u << IL_FIELD_UNIT)) && a->unit && old_default &&
	    strcmp(a->unit, old_default) == 0)
		replace_string(&a->unit, NULL);
}

void il_list_split(const char *text, struct il_strlist *out)
{
	struct il_buf item = {0};

	for (const char *p = text;; p++) {
		if (*p == '\\' && (p[1] == ';' || p[1] == '\\')) {
			il_buf_append(&item, ++p, 1);
		} else if (*p == ';' || *p == '\0') {
			const char *s = il_buf_str(&item);
			size_t start = strspn(s, " "), end = item.len;

			while (end > start && s[end - 1] == ' ')
				end--;
			if (end > start)
				il_strlist_push_n(out, s + start, end - start);
			il_buf_reset(&item);
			if (*p == '\0')
				break;
		} else {
			il_buf_append(&item, p, 1);
		}
	}
	il_buf_free(&item);
}

void il_list_join(const struct il_strlist *list, struct il_buf *out)
{
	for (size_t i = 0; i < list->len; i++) {
		if (i > 0)
			il_buf_puts(out, ";");
		for (const char *p = list->items[i]; *p; p++) {
			if (*p == ';' || *p == '\\')
				il_buf_puts(out, "\\");
			il_buf_append(out, p, 1);
		}
	}
}

/* Storage. */

static const char *const list_insert_sql[] = {
	[IL_FIELD_ORGS] = "INSERT INTO achievement_org (achievement_id, position, name) "
			  "VALUES (?, ?, ?)",
	[IL_FIELD_EVIDENCE] = "INSERT INTO achievement_evidence (achievement_id, position, name) "
			      "VALUES (?, ?, ?)",
	[IL_FIELD_WITNESSES] = "INSERT INTO achievement_witness (achievement_id, position, name) "
			       "VALUES (?, ?, ?)",
};

static const char *const list_delete_sql[] = {
	[IL_FIELD_ORGS] = "DELETE FROM achievement_org WHERE achievement_id = ?",
	[IL_FIELD_EVIDENCE] = "DELETE FROM achievement_evidence WHERE achievement_id = ?",
	[IL_FIELD_WITNESSES] = "DELETE FROM achievement_witness WHERE achievement_id = ?",
};

static const char *const list_select_sql[] = {
	[IL_FIELD_ORGS] = "SELECT name FROM achievement_org WHERE achievement_id = ? "
			  "ORDER BY position",
	[IL_FIELD_EVIDENCE] = "SELECT name FROM achievement_evidence WHERE achievement_id = ? "
			      "ORDER BY position",
	[IL_FIELD_WITNESSES] = "SELECT name FROM achievement_witness WHERE achievement_id = ? "
			       "ORDER BY position",
};

static int write_lists(struct il_db *db, const struct il_achievement *a, bool replace)
{
	for (int field = IL_FIELD_ORGS; field <= IL_FIELD_WITNESSES; field++) {
		const struct il_strlist *list = list_of((struct il_achievement *)a, field);
		sqlite3_stmt *stmt;

		if (replace) {
			stmt = il_db_cached(db, list_delete_sql[field]);
			if (!stmt || il_bind_int(db, stmt, 1, a->id) < 0 || il_db_run(db, stmt) < 0)
				return -1;
		}
		stmt = il_db_cached(db, list_insert_sql[field]);
		if (!stmt)
			return -1;
		for (size_t i = 0; i < list->len; i++) {
			if (il_bind_int(db, stmt, 1, a->id) < 0 ||
			    il_bind_int(db, stmt, 2, (int64_t)i + 1) < 0 ||
			    il_bind_text(db, stmt, 3, list->items[i]) < 0 ||
			    il_db_run(db, stmt) < 0)
				return -1;
		}
	}
	return 0;
}

static int bind_optional_double(struct il_db *db, sqlite3_stmt *stmt, int index, bool has,
				double value)
{
	return has ? il_bind_double(db, stmt, index, value) : il_bind_null(db, stmt, index);
}

/* Binds the stored columns, then the id, to the parameters after FIRST, in
 * the order every INSERT and the UPDATE name them. */
static int bind_columns(struct il_db *db, sqlite3_stmt *stmt, int first,
			const struct il_achievement *a)
{
	char date[11];

	il_date_format(a->date, date);
	return il_bind_text(db, stmt, first + 1, a->uid) | il_bind_text(db, stmt, first + 2, date) |
	       il_bind_text(db, stmt, first + 3, il_tag_name(a->tag)) |
	       il_bind_text(db, stmt, first + 4, a->title) |
	       bind_optional_double(db, stmt, first + 5, a->has_value, a->value) |
	       il_bind_text(db, stmt, first + 6, a->unit) |
	       bind_optional_double(db, stmt, first + 7, a->has_baseline, a->baseline) |
	       il_bind_double(db, stmt, first + 8, a->share) |
	       il_bind_int(db, stmt, first + 9, a->team_size) |
	       bind_optional_double(db, stmt, first + 10, a->has_likelihood, a->likelihood) |
	       (a->has_lead_days ? il_bind_int(db, stmt, first + 11, a->lead_days)
				 : il_bind_null(db, stmt, first + 11)) |
	       il_bind_text(db, stmt, first + 12, il_confidence_name(a->confidence)) |
	       il_bind_text(db, stmt, first + 13, a->project) |
	       il_bind_text(db, stmt, first + 14, a->note) |
	       il_bind_int(db, stmt, first + 15, a->id);
}

/* The id the next achievement gets.  Writers hold the write lock (BEGIN
 * IMMEDIATE), so nobody else can take it meanwhile. */
static int64_t next_id(struct il_db *db)
{
	static const char sql[] = "SELECT coalesce(max(id), 0) + 1 FROM achievement";
	sqlite3_stmt *stmt = il_db_cached(db, sql);
	int64_t id = -1;

	if (stmt && il_db_step(db, stmt) == SQLITE_ROW)
		id = sqlite3_column_int64(stmt, 0);
	if (stmt)
		sqlite3_reset(stmt);
	return id;
}

/* Stores A with the id it has; A without a uid gets the one the database
 * assigned. */
static int insert_row(struct il_db *db, struct il_achievement *a)
{
	sqlite3_stmt *stmt = il_db_cached(db, il_report_sql("achievement_insert.sql"));
	int rc;

	if (!stmt || bind_columns(db, stmt, 0, a) != 0)
		return -1;
	rc = il_db_step(db, stmt);
	if (rc == SQLITE_ROW) {
		if (!a->uid)
			a->uid = il_xstrdup(il_column_text(stmt, 0));
		rc = il_db_step(db, stmt);
	}
	sqlite3_reset(stmt);
	return rc == SQLITE_DONE ? 0 : -1;
}

/* The lists go in before the row, whose insert trigger indexes them all
 * for search at once (see schema/0001-init.sql). */
int il_achievement_insert(struct il_db *db, struct il_achievement *a)
{
	if ((a->id = next_id(db)) < 0 || write_lists(db, a, false) < 0)
		return -1;
	return insert_row(db, a);
}

static int set_triggers(struct il_db *db, int enable)
{
	/* Changing the setting expires prepared statements, so cached ones are
	 * compiled again with or without the triggers. */
	if (sqlite3_db_config(db->handle, SQLITE_DBCONFIG_ENABLE_TRIGGER, enable, NULL) !=
	    SQLITE_OK) {
		il_error("database '%s': cannot %s triggers", db->path,
			 enable ? "enable" : "disable");
		return -1;
	}
	return 0;
}

/*
 * A bulk load binds each row into an INSERT of BULK_ROWS rows and runs it
 * when it is full, which spares the cost of a statement per row (per list
 * item, too).  The VALUES are read through WHERE key IS NOT NULL, so that
 * the same statement also stores the last, smaller batch: its unused rows
 * get a NULL key.
 */
#define BULK_ROWS 128

/* Each table's INSERT up to the FROM, and the number of values a row
 * binds.  created_at and updated_at get what their defaults would give,
 * once per statement: as defaults, strftime ran for every row, which took
 * 5 % of an import. */
static const struct {
	const char *insert;
	int columns;
} bulk_tables[IL_BULK_TABLES] = {
	{"INSERT INTO achievement (uid, date, tag, title, value, unit, baseline, share, "
	 "team_size, likelihood, lead_days, confidence, project, note, id, created_at, "
	 "updated_at) SELECT *, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), "
	 "strftime('%Y-%m-%dT%H:%M:%SZ', 'now')",
	 15},
	{"INSERT INTO achievement_org (achievement_id, position, name) SELECT *", 3},
	{"INSERT INTO achievement_evidence (achievement_id, position, name) SELECT *", 3},
	{"INSERT INTO achievement_witness (achievement_id, position, name) SELECT *", 3},
};

/* The key whose NULL marks an unused row: the id, last of an achievement's
 * columns and first of a list item's. */
static int bulk_key_column(int table)
{
	return table == 0 ? bulk_tables[0].columns : 1;
}

static int prepare_bulk(struct il_db *db, struct il_bulk *bulk, int table)
{
	struct il_buf sql = {0};

	il_buf_printf(&sql, "%s FROM (VALUES ", bulk_tables[table].insert);
	for (int row = 0; row < BULK_ROWS; row++) {
		il_buf_puts(&sql, row ? ", (?" : "(?");
		for (int column = 1; column < bulk_tables[table].columns; column++)
			il_buf_puts(&sql, ", ?");
		il_buf_puts(&sql, ")");
	}
	il_buf_printf(&sql, ") WHERE column%d IS NOT NULL", bulk_key_column(table));
	bulk->stmt[table] = il_db_prepare(db, sql.data);
	il_buf_free(&sql);
	return bulk->stmt[table] ? 0 : -1;
}

/* Stores the rows bound so far. */
static int flush_bulk(struct il_db *db, struct il_bulk *bulk, int table)
{
	sqlite3_stmt *stmt = bulk->stmt[table];
	int columns = bulk_tables[table].columns;

	if (bulk->rows[table] == 0)
		return 0;
	for (int row = bulk->rows[table]; row < BULK_ROWS; row++)
		if (il_bind_null(db, stmt, row * columns + bulk_key_column(table)) < 0)
			return -1;
	bulk->rows[table] = 0;
	return il_db_run(db, stmt);
}

/* The parameter before the next row's first, storing the full statement
 * first.  List items may go in before their achievement: the foreign keys
 * are checked at commit. */
static int next_bulk_row(struct il_db *db, struct il_bulk *bulk, int table)
{
	if (bulk->rows[table] == BULK_ROWS && flush_bulk(db, bulk, table) < 0)
		return -1;
	return bulk->rows[table]++ * bulk_tables[table].columns;
}

/* Drops the secondary indexes of the achievement tables, keeping their
 * definitions in BULK->indexes.  Kept up row by row, they cost a 1M-record
 * import 5.5 s; built at the end, from sorted rows, 3.2 s. */
static int drop_indexes(struct il_db *db, struct il_bulk *bulk)
{
	struct il_strlist names = {0};
	sqlite3_stmt *stmt = il_db_prepare(db, il_report_sql("bulk_indexes.sql"));
	int rc = stmt ? SQLITE_ROW : -1;

	while (stmt && (rc = il_db_step(db, stmt)) == SQLITE_ROW) {
		il_strlist_push(&names, il_column_text(stmt, 0));
		il_strlist_push(&bulk->indexes, il_column_text(stmt, 1));
	}
	sqlite3_finalize(stmt);
	for (size_t i = 0; i < names.len && rc == SQLITE_DONE; i++) {
		char *drop = sqlite3_mprintf("DROP INDEX \"%w\"", names.items[i]);

		if (!drop || il_db_exec(db, drop) < 0)
			rc = -1;
		sqlite3_free(drop);
	}
	il_strlist_clear(&names);
	return rc == SQLITE_DONE ? 0 : -1;
}

int il_achievement_bulk_begin(struct il_db *db, struct il_bulk *bulk, bool empty)
{
	*bulk = (struct il_bulk){0};
	/* Statement journals in memory: each multi-row insert keeps one, to be
	 * undone alone, and in temporary files they made a 100k-record import
	 * 0.1 s slower. */
	if ((bulk->first_id = next_id(db)) < 0 || set_triggers(db, 0) < 0 ||
	    il_db_exec(db, "PRAGMA temp_store = MEMORY") < 0 ||
	    (empty && drop_indexes(db, bulk) < 0))
		return -1;
	bulk->next_id = bulk->first_id;
	for (int table = 0; table < IL_BULK_TABLES; table++)
		if (prepare_bulk(db, bulk, table) < 0)
			return -1;
	return 0;
}

/* Ids come from a counter: the transaction holds the write lock, so no
 * other writer can take one meanwhile. */
int il_achievement_bulk_insert(struct il_db *db, struct il_bulk *bulk, struct il_achievement *a)
{
	int first;

	a->id = bulk->next_id++;
	if ((first = next_bulk_row(db, bulk, 0)) < 0 ||
	    bind_columns(db, bulk->stmt[0], first, a) != 0)
		return -1;
	for (int field = IL_FIELD_ORGS; field <= IL_FIELD_WITNESSES; field++) {
		const struct il_strlist *list = list_of(a, field);
		int table = 1 + field - IL_FIELD_ORGS;
		sqlite3_stmt *stmt = bulk->stmt[table];

		for (size_t i = 0; i < list->len; i++) {
			if ((first = next_bulk_row(db, bulk, table)) < 0 ||
			    il_bind_int(db, stmt, first + 1, a->id) < 0 ||
			    il_bind_int(db, stmt, first + 2, (int64_t)i + 1) < 0 ||
			    il_bind_text(db, stmt, first + 3, list->items[i]) < 0)
				return -1;
		}
	}
	return 0;
}

int il_achievement_bulk_end(struct il_db *db, struct il_bulk *bulk)
{
	sqlite3_stmt *stmt;

	for (int table = 0; table < IL_BULK_TABLES; table++)
		if (flush_bulk(db, bulk, table) < 0)
			return -1;
	/* The sorts that build the indexes spill to files, not memory: with
	 * temp_store = MEMORY, building those of 1M records took 146 MB. */
	if (il_db_exec(db, "PRAGMA temp_store = DEFAULT") < 0)
		return -1;
	for (size_t i = 0; i < bulk->indexes.len; i++)
		if (il_db_exec(db, bulk->indexes.items[i]) < 0)
			return -1;
	il_achievement_bulk_free(bulk);
	if (set_triggers(db, 1) < 0 || !(stmt = il_db_cached(db, il_report_sql("bulk_search.sql"))))
		return -1;
	if (il_bind_int(db, stmt, 1, bulk->first_id) < 0)
		return -1;
	return il_db_run(db, stmt);
}

void il_achievement_bulk_free(struct il_bulk *bulk)
{
	for (int table = 0; table < IL_BULK_TABLES; table++) {
		sqlite3_finalize(bulk->stmt[table]);
		bulk->stmt[table] = NULL;
	}
	il_strlist_clear(&bulk->indexes);
}

/* The lists are replaced first, so that the row's update trigger indexes
 * the new ones for search. */
int il_achievement_update(struct il_db *db, const struct il_achievement *a)
{
	sqlite3_stmt *stmt;

	if (write_lists(db, a, true) < 0 ||
	    !(stmt = il_db_cached(db, il_report_sql("achievement_update.sql"))))
		return -1;
	if (bind_columns(db, stmt, 0, a) != 0)
		return -1;
	return il_db_run(db, stmt);
}

static char *column_string(sqlite3_stmt *stmt, int column)
{
	const unsigned char *text = sqlite3_column_text(stmt, column);

	return text ? il_xstrdup((const char *)text) : NULL;
}

static void read_columns(sqlite3_stmt *stmt, struct il_achievement *a)
{
	il_parse_date(il_column_text(stmt, 2), &a->date);
	a->id = sqlite3_column_int64(stmt, 0);
	a->uid = column_string(stmt, 1);
	a->tag = il_tag_parse(il_column_text(stmt, 3));
	a->title = column_string(stmt, 4);
	a->has_value = sqlite3_column_type(stmt, 5) != SQLITE_NULL;
	a->value = sqlite3_column_double(stmt, 5);
	a->unit = column_string(stmt, 6);
	a->has_baseline = sqlite3_column_type(stmt, 7) != SQLITE_NULL;
	a->baseline = sqlite3_column_double(stmt, 7);
	a->share = sqlite3_column_double(stmt, 8);
	a->team_size = sqlite3_column_int64(stmt, 9);
	a->has_likelihood = sqlite3_column_type(stmt, 10) != SQLITE_NULL;
	a->likelihood = sqlite3_column_double(stmt, 10);
	a->has_lead_days = sqlite3_column_type(stmt, 11) != SQLITE_NULL;
	a->lead_days = sqlite3_column_int64(stmt, 11);
	for (size_t c = 0; c < IL_ARRAY_LEN(confidence_names); c++)
		if (strcmp(confidence_names[c], il_column_text(stmt, 12)) == 0)
			a->confidence = (enum il_confidence)c;
	a->project = column_string(stmt, 13);
	a->note = column_string(stmt, 14);
	a->deleted_at = column_string(stmt, 15);
}

static int read_lists(struct il_db *db, struct il_achievement *a)
{
	for (int field = IL_FIELD_ORGS; field <= IL_FIELD_WITNESSES; field++) {
		sqlite3_stmt *stmt = il_db_cached(db, list_select_sql[field]);
		int rc;

		if (!stmt || il_bind_int(db, stmt, 1, a->id) < 0)
			return -1;
		while ((rc = il_db_step(db, stmt)) == SQLITE_ROW)
			il_strlist_push(list_of(a, field), il_column_text(stmt, 0));
		sqlite3_reset(stmt);
		if (rc < 0)
			return -1;
	}
	return 0;
}

int il_achievement_load(struct il_db *db, int64_t id, struct il_achievement *a)
{
	sqlite3_stmt *stmt = il_db_cached(db, il_report_sql("achievement_load.sql"));
	int rc;

	*a = (struct il_achievement){0};
	if (!stmt || il_bind_int(db, stmt, 1, id) < 0)
		return -1;
	rc = il_db_step(db, stmt);
	if (rc == SQLITE_ROW)
		read_columns(stmt, a);
	sqlite3_reset(stmt);
	if (rc != SQLITE_ROW)
		return rc == SQLITE_DONE ? 0 : -1;
	if (read_lists(db, a) < 0) {
		il_achievement_free(a);
		return -1;
	}
	return 1;
}

int il_achievement_any_stored(struct il_db *db)
{
	sqlite3_stmt *stmt = il_db_cached(db, "SELECT EXISTS (SELECT 1 FROM achievement)");
	int rc = stmt ? il_db_step(db, stmt) : -1;
	int any = rc == SQLITE_ROW ? sqlite3_column_int(stmt, 0) : -1;

	if (stmt)
		sqlite3_reset(stmt);
	return any;
}

int il_achievement_uid_exists(struct il_db *db, const char *uid)
{
	sqlite3_stmt *stmt = il_db_cached(db, "SELECT 1 FROM achievement WHERE uid = ?");
	int rc;

	if (!stmt || il_bind_text(db, stmt, 1, uid) < 0)
		return -1;
	rc = il_db_step(db, stmt);
	sqlite3_reset(stmt);
	return rc == SQLITE_ROW ? 1 : rc == SQLITE_DONE ? 0 : -1;
}

int64_t il_parse_id(const char *text)
{
	long long id;

	if (*text == '#')
		text++;
	if (il_parse_count(text, 1, INT64_MAX, &id))
		return 0;
	return id;
}
