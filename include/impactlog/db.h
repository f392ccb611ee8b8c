#ifndef IMPACTLOG_DB_H
#define IMPACTLOG_DB_H

/*
 * Every sqlite3 call goes through here.  Each helper prints one
 * "impactlog: " line naming what failed and returns -1 (or NULL); callers
 * pass the failure up without printing again.
 */

#include <sqlite3.h>
#include <stdbool.h>
#include <stdint.h>

enum il_db_mode {
	IL_DB_READ,  /* the database must exist */
	IL_DB_WRITE, /* create the database and its folder when missing */
};

#define IL_DB_CACHE_SIZE 32

struct il_db {
	sqlite3 *handle;
	char *path;
	int busy_ms; /* how long to wait for another writer */
	/* Prepared statements kept for the life of the connection, keyed by
	 * the address of their (static) SQL text. */
	struct {
		const char *sql;
		sqlite3_stmt *stmt;
	} cache[IL_DB_CACHE_SIZE];
};

/* The database path: --db, else $IMPACTLOG_DB, else the XDG data folder.
 * Returns a newly allocated string, or NULL (with a message) when no home
 * folder is known. */
char *il_db_resolve_path(const char *option);

/* Opens PATH, applies pending schema migrations and the connection pragmas.
 * Refuses (untouched) a file that is not an impactlog database or one whose
 * schema is newer than this program. */
int il_db_open(struct il_db *db, const char *path, enum il_db_mode mode);
void il_db_close(struct il_db *db);
/* Opens a private temporary database of the current schema, which
 * messages call NAME and which is gone when closed: never a user's file. */
int il_db_open_private(struct il_db *db, const char *name);
/* An empty in-memory connection with no schema, for SQLite's functions
 * (JSON), called NAME in messages. */
int il_db_open_memory(struct il_db *db, const char *name);

/* Prints one line for RC, the result of a call on DB, prefixed with WHAT
 * (or not, for NULL): "database 'PATH' is busy ..." past the busy timeout,
 * else SQLite's message. */
void il_db_error(struct il_db *db, int rc, const char *what);

/* "-journal" or "-wal" when such a file lies beside PATH, else NULL:
 * SQLite would roll it into a new file created at PATH. */
const char *il_db_orphan_journal(const char *path);

/*
 * Creating a database.  Whoever creates the database at PATH holds a lock
 * on its folder while doing so, and an import builds a new database as
 * PATH.import-PID under that lock, linked to PATH at the end: so two
 * commands creating one database take turns, and a scratch database found
 * by someone who holds the lock was left by a killed import.
 */
/* Takes the lock, waiting up to the busy timeout, after creating the
 * missing folders above PATH (mode 0700); -1 after one line. */
int il_db_lock_creation(const char *path, int *lock);
void il_db_unlock_creation(int lock); /* -1 is ignored */
/* PATH.import-PID, newly allocated. */
char *il_db_scratch_path(const char *path);
/* Creates and opens PATH.import-PID, under LOCK, for a database that is
 * missing at PATH (refused beside a stale journal of PATH's). */
int il_db_create_scratch(struct il_db *db, const char *path, int lock);
/* Removes the scratch databases killed imports left beside PATH.  LOCK is
 * the creation lock held, or -1 to take it if free and do nothing if not. */
void il_db_sweep(const char *path, int lock);

/* The schema version this program writes: the number of schema files. */
int il_db_schema_version(void);

int il_db_exec(struct il_db *db, const char *sql);
/* Both prepare SQL or return NULL after one message; SQL may be the NULL
 * of il_report_sql (embed.h) for a query it does not have. */
sqlite3_stmt *il_db_prepare(struct il_db *db, const char *sql);
/* A prepared statement for SQL, which must be a string with static storage:
 * prepared on first use, reset and unbound, and finalized by il_db_close. */
sqlite3_stmt *il_db_cached(struct il_db *db, const char *sql);
/* SQLITE_ROW, SQLITE_DONE, or -1 after printing the error. */
int il_db_step(struct il_db *db, sqlite3_stmt *stmt);
/* Steps STMT to completion and resets it; 0 or -1. */
int il_db_run(struct il_db *db, sqlite3_stmt *stmt);

/* BEGIN IMMEDIATE for writers, so a busy database waits at the start
 * rather than failing half-way. */
int il_db_begin(struct il_db *db);
/* Starts a read transaction and takes the read lock now, so that every
 * read until il_db_commit or il_db_rollback sees one state of the
 * database.  Without WAIT, returns 1 (with no message) instead of waiting
 * when a writer is about to commit. */
int il_db_read_begin(struct il_db *db, bool wait);
int il_db_commit(struct il_db *db);
void il_db_rollback(struct il_db *db);

/* Binding helpers; a NULL string binds SQL NULL. */
int il_bind_text(struct il_db *db, sqlite3_stmt *stmt, int index, const char *text);
int il_bind_double(struct il_db *db, sqlite3_stmt *stmt, int index, double value);
int il_bind_int(struct il_db *db, sqlite3_stmt *stmt, int index, int64_t value);
int il_bind_null(struct il_db *db, sqlite3_stmt *stmt, int index);

/* Column text, never NULL ("" for SQL NULL). */
const char *il_column_text(sqlite3_stmt *stmt, int column);

#endif
