/* The achievement's storage, its SQL-facing code: inserting, updating and
 * loading one achievement with its lists, and the lookups (whether a uid,
 * or any achievement, is stored).  The longer queries are in reports/. */

#include "impactlog/achievement.h"

#include "achievement_internal.h"
#include "impactlog/embed.h"

#include <stdlib.h>
#include <string.h>

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

/* *NAME in the spelling first logged for FIELD, which a NAME not met
 * before becomes.  The spelling table compares names case-insensitively
 * (schema/0003-normalise.sql). */
int il_achievement_spelling(struct il_db *db, enum il_field field, char **name)
{
	static const char select_sql[] = "SELECT name FROM spelling WHERE field = ? AND name = ?";
	static const char insert_sql[] = "INSERT INTO spelling (field, name) VALUES (?, ?)";
	sqlite3_stmt *stmt = il_db_cached(db, select_sql);
	int rc;

	if (!stmt || il_bind_text(db, stmt, 1, il_fields[field].column) < 0 ||
	    il_bind_text(db, stmt, 2, *name) < 0)
		return -1;
	rc = il_db_step(db, stmt);
	if (rc == SQLITE_ROW && strcmp(il_column_text(stmt, 0), *name) != 0) {
		free(*name);
		*name = il_xstrdup(il_column_text(stmt, 0));
	}
	sqlite3_reset(stmt);
	if (rc != SQLITE_DONE)
		return rc == SQLITE_ROW ? 0 : -1;
	stmt = il_db_cached(db, insert_sql);
	if (!stmt || il_bind_text(db, stmt, 1, il_fields[field].column) < 0 ||
	    il_bind_text(db, stmt, 2, *name) < 0)
		return -1;
	return il_db_run(db, stmt);
}

/* A's unit, project and orgs in their first spelling. */
static int spell(struct il_db *db, struct il_achievement *a)
{
	if ((a->unit && il_achievement_spelling(db, IL_FIELD_UNIT, &a->unit) < 0) ||
	    (a->project && il_achievement_spelling(db, IL_FIELD_PROJECT, &a->project) < 0))
		return -1;
	for (size_t i = 0; i < a->orgs.len; i++)
		if (il_achievement_spelling(db, IL_FIELD_ORGS, &a->orgs.items[i]) < 0)
			return -1;
	return 0;
}

static int write_lists(struct il_db *db, const struct il_achievement *a, bool replace)
{
	for (int field = IL_FIELD_ORGS; field <= IL_FIELD_WITNESSES; field++) {
		const struct il_strlist *list =
			il_achievement_list_of((struct il_achievement *)a, field);
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
int il_achievement_bind_columns(struct il_db *db, sqlite3_stmt *stmt, int first,
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
int64_t il_achievement_next_id(struct il_db *db)
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

	if (!stmt || il_achievement_bind_columns(db, stmt, 0, a) != 0)
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
	if (spell(db, a) < 0 || (a->id = il_achievement_next_id(db)) < 0 ||
	    write_lists(db, a, false) < 0)
		return -1;
	return insert_row(db, a);
}

/* The lists are replaced first, so that the row's update trigger indexes
 * the new ones for search. */
int il_achievement_update(struct il_db *db, struct il_achievement *a)
{
	sqlite3_stmt *stmt;

	if (spell(db, a) < 0 || write_lists(db, a, true) < 0 ||
	    !(stmt = il_db_cached(db, il_report_sql("achievement_update.sql"))))
		return -1;
	if (il_achievement_bind_columns(db, stmt, 0, a) != 0)
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
	for (size_t c = 0; c < IL_ARRAY_LEN(il_confidence_names); c++)
		if (strcmp(il_confidence_names[c], il_column_text(stmt, 12)) == 0)
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
			il_strlist_push(il_achievement_list_of(a, field), il_column_text(stmt, 0));
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
