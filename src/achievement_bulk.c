/* The achievement's bulk loader, which import alone uses: multi-row
 * INSERTs without the per-row search trigger, and for an empty database
 * its secondary indexes dropped and built again at the end. */

#include "impactlog/achievement.h"

#include "achievement_internal.h"
#include "impactlog/embed.h"

#include <stdlib.h>
#include <string.h>

/*
 * The spellings of units, projects and orgs a bulk load has met, so that
 * the database is asked once per name, not once per row, and a name new
 * to it is spelt in every row as in the first that has it.  Open
 * addressing, by field and by name folded to lower case as SQLite's NOCASE
 * folds it (ASCII letters only).
 */
struct il_spellings {
	char **names; /* NULL: a free slot */
	enum il_field *fields;
	size_t cap, len;
};

static size_t fold_hash(enum il_field field, const char *name)
{
	uint64_t hash = 0xcbf29ce484222325u ^ (uint64_t)field;

	for (const unsigned char *p = (const unsigned char *)name; *p; p++)
		hash = (hash ^ il_fold_case(*p)) * 0x100000001b3u;
	return (size_t)(hash ^ (hash >> 32));
}

/* The slot holding FIELD's NAME, or the free one where it would go. */
static size_t find_slot(const struct il_spellings *met, enum il_field field, const char *name)
{
	size_t slot = fold_hash(field, name) & (met->cap - 1);

	while (met->names[slot] &&
	       !(met->fields[slot] == field && il_same_folded(met->names[slot], name)))
		slot = (slot + 1) & (met->cap - 1);
	return slot;
}

static void remember(struct il_spellings *met, enum il_field field, const char *name)
{
	size_t slot;

	if (2 * (met->len + 1) > met->cap) {
		struct il_spellings grown = {.cap = met->cap ? 2 * met->cap : 64};

		grown.names = il_xcalloc(grown.cap, sizeof(*grown.names));
		grown.fields = il_xcalloc(grown.cap, sizeof(*grown.fields));
		for (size_t i = 0; i < met->cap; i++) {
			if (!met->names[i])
				continue;
			slot = find_slot(&grown, met->fields[i], met->names[i]);
			grown.names[slot] = met->names[i];
			grown.fields[slot] = met->fields[i];
		}
		grown.len = met->len;
		free(met->names);
		free(met->fields);
		*met = grown;
	}
	slot = find_slot(met, field, name);
	met->names[slot] = il_xstrdup(name);
	met->fields[slot] = field;
	met->len++;
}

static void spellings_free(struct il_spellings *met)
{
	if (!met)
		return;
	for (size_t i = 0; i < met->cap; i++)
		free(met->names[i]);
	free(met->names);
	free(met->fields);
	free(met);
}

/* *NAME in its first spelling: the file's, or the database's before it. */
static int spell(struct il_db *db, struct il_bulk *bulk, enum il_field field, char **name)
{
	struct il_spellings *met = bulk->spellings;
	size_t slot;

	if (met->cap && met->names[slot = find_slot(met, field, *name)]) {
		if (strcmp(met->names[slot], *name) != 0) {
			free(*name);
			*name = il_xstrdup(met->names[slot]);
		}
		return 0;
	}
	if (il_achievement_spelling(db, field, name) < 0)
		return -1;
	remember(met, field, *name);
	return 0;
}

static int spell_all(struct il_db *db, struct il_bulk *bulk, struct il_achievement *a)
{
	if ((a->unit && spell(db, bulk, IL_FIELD_UNIT, &a->unit) < 0) ||
	    (a->project && spell(db, bulk, IL_FIELD_PROJECT, &a->project) < 0))
		return -1;
	for (size_t i = 0; i < a->orgs.len; i++)
		if (spell(db, bulk, IL_FIELD_ORGS, &a->orgs.items[i]) < 0)
			return -1;
	return 0;
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
	if ((bulk->first_id = il_achievement_next_id(db)) < 0 || set_triggers(db, 0) < 0 ||
	    il_db_exec(db, "PRAGMA temp_store = MEMORY") < 0 ||
	    (empty && drop_indexes(db, bulk) < 0))
		return -1;
	bulk->next_id = bulk->first_id;
	bulk->spellings = il_xcalloc(1, sizeof(*bulk->spellings));
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

	if (spell_all(db, bulk, a) < 0)
		return -1;
	a->id = bulk->next_id++;
	if ((first = next_bulk_row(db, bulk, 0)) < 0 ||
	    il_achievement_bind_columns(db, bulk->stmt[0], first, a) != 0)
		return -1;
	for (int field = IL_FIELD_ORGS; field <= IL_FIELD_WITNESSES; field++) {
		const struct il_strlist *list = il_achievement_list_of(a, field);
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
	for (size_t i = 0; i < bulk->indexes.len && !bulk->unindexed; i++)
		if (il_db_exec(db, bulk->indexes.items[i]) < 0)
			return -1;
	il_achievement_bulk_free(bulk);
	if (set_triggers(db, 1) < 0)
		return -1;
	if (bulk->unsearched)
		return 0;
	if (!(stmt = il_db_cached(db, il_report_sql("bulk_search.sql"))))
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
	spellings_free(bulk->spellings);
	bulk->spellings = NULL;
}
