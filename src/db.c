/* Opening, migrating and talking to the SQLite database. */

#include "impactlog/db.h"

#include "impactlog/embed.h"
#include "impactlog/util.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* A writer waits this long for another writer before giving up. */
#define BUSY_TIMEOUT_MS 10000

static void db_fail(struct il_db *db, const char *what)
{
	if (what)
		il_error("database '%s': %s: %s", db->path, what, sqlite3_errmsg(db->handle));
	else
		il_error("database '%s': %s", db->path, sqlite3_errmsg(db->handle));
}

char *il_db_resolve_path(const char *option)
{
	const char *env = getenv("IMPACTLOG_DB");
	const char *data_home = getenv("XDG_DATA_HOME");
	const char *home = getenv("HOME");
	struct il_buf path = {0};

	if (option)
		return il_xstrdup(option);
	if (env && *env)
		return il_xstrdup(env);
	/* The XDG spec says a relative XDG_DATA_HOME is invalid and ignored. */
	if (data_home && data_home[0] == '/') {
		il_buf_printf(&path, "%s/impactlog/impactlog.db", data_home);
		return path.data;
	}
	if (!home || !*home) {
		il_error("no database location: set HOME, XDG_DATA_HOME or IMPACTLOG_DB, "
			 "or pass --db PATH");
		return NULL;
	}
	il_buf_printf(&path, "%s/.local/share/impactlog/impactlog.db", home);
	return path.data;
}

/* Creates every missing folder above PATH with mode 0700. */
static int make_parent_folders(const char *path)
{
	char *copy = il_xstrdup(path);
	int rc = 0;

	for (char *p = copy + 1; *p; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		if (mkdir(copy, 0700) != 0 && errno != EEXIST) {
			il_error("cannot create folder '%s': %s", copy, strerror(errno));
			rc = -1;
			break;
		}
		*p = '/';
	}
	free(copy);
	return rc;
}

/* Creates an empty database file with mode 0600 whatever the umask, so the
 * career log is private from its first byte.  Sets *created when this call
 * made the file. */
static int create_private_file(const char *path, bool *created)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);

	if (fd < 0) {
		if (errno == EEXIST)
			return 0;
		il_error("cannot create database '%s': %s", path, strerror(errno));
		return -1;
	}
	*created = true;
	if (fchmod(fd, 0600) != 0) {
		il_error("cannot set mode of '%s': %s", path, strerror(errno));
		close(fd);
		return -1;
	}
	close(fd);
	return 0;
}

static int read_user_version(struct il_db *db, int *version)
{
	sqlite3_stmt *stmt;
	int rc;

	if (sqlite3_prepare_v2(db->handle, "PRAGMA user_version", -1, &stmt, NULL) != SQLITE_OK) {
		il_error("'%s' is not an impactlog database (%s)", db->path,
			 sqlite3_errmsg(db->handle));
		return -1;
	}
	rc = sqlite3_step(stmt);
	if (rc != SQLITE_ROW) {
		il_error("'%s' is not an impactlog database (%s)", db->path,
			 sqlite3_errmsg(db->handle));
		sqlite3_finalize(stmt);
		return -1;
	}
	*version = sqlite3_column_int(stmt, 0);
	sqlite3_finalize(stmt);
	return 0;
}

/* What a reader says when there is nothing to read yet. */
static void no_database(const char *path)
{
	il_error("no database at %s (run 'impactlog add' or 'impactlog init')", path);
}

/* The number of schema objects SQL counts, or -1 on error. */
static int count_schema(struct il_db *db, const char *sql)
{
	sqlite3_stmt *stmt = il_db_prepare(db, sql);
	int count = -1;

	if (stmt && il_db_step(db, stmt) == SQLITE_ROW)
		count = sqlite3_column_int(stmt, 0);
	sqlite3_finalize(stmt);
	return count;
}

/* Whether the file is ours: a version-0 file only if it holds no tables
 * (we may initialise it), a versioned one only if it has our main table,
 * since other programs use user_version too. */
static int check_ours(struct il_db *db, int version)
{
	static const char any_table[] = "SELECT count(*) FROM sqlite_schema";
	static const char our_table[] = "SELECT count(*) FROM sqlite_schema "
					"WHERE type = 'table' AND name = 'achievement'";
	int count = count_schema(db, version == 0 ? any_table : our_table);

	if (count < 0)
		return -1;
	if (version == 0 ? count != 0 : count == 0) {
		il_error("'%s' is an SQLite database but not an impactlog one", db->path);
		return -1;
	}
	return 0;
}

int il_db_schema_version(void)
{
	return il_schema_count;
}

static int migrate(struct il_db *db, enum il_db_mode mode)
{
	int version;
	char pragma[64];

	if (read_user_version(db, &version) < 0 || check_ours(db, version) < 0)
		return -1;
	if (version > il_schema_count) {
		il_error("database '%s' has schema version %d, newer than this impactlog's %d; "
			 "upgrade impactlog",
			 db->path, version, il_schema_count);
		return -1;
	}
	if (version == il_schema_count)
		return 0;
	/* An empty file holds no database yet, and a reader must not make one. */
	if (version == 0 && mode == IL_DB_READ) {
		no_database(db->path);
		return -1;
	}
	if (sqlite3_db_readonly(db->handle, "main") == 1) {
		il_error("database '%s' needs upgrading but is read-only", db->path);
		return -1;
	}
	if (il_db_begin(db) < 0)
		return -1;
	/* Another process may have migrated while we waited for the lock. */
	if (read_user_version(db, &version) < 0)
		goto fail;
	for (int i = version; i < il_schema_count; i++) {
		char *message = NULL;

		if (sqlite3_exec(db->handle, il_schema[i].text, NULL, NULL, &message) !=
		    SQLITE_OK) {
			il_error("database '%s': schema %s: %s", db->path, il_schema[i].name,
				 message ? message : "failed");
			sqlite3_free(message);
			goto fail;
		}
	}
	snprintf(pragma, sizeof(pragma), "PRAGMA user_version = %d", il_schema_count);
	if (il_db_exec(db, pragma) < 0 || il_db_commit(db) < 0)
		goto fail;
	return 0;
fail:
	il_db_rollback(db);
	return -1;
}

static int configure(struct il_db *db)
{
	int version;

	sqlite3_busy_timeout(db->handle, BUSY_TIMEOUT_MS);
	sqlite3_extended_result_codes(db->handle, 1);
	/* The first read tells a database from any other file. */
	if (read_user_version(db, &version) < 0)
		return -1;
	/* synchronous=FULL: a command that printed success has its data on
	 * disk.  The rollback journal (SQLite's default) is kept: for a
	 * one-shot process WAL buys nothing and leaves two more files. */
	return il_db_exec(db, "PRAGMA foreign_keys = ON; PRAGMA synchronous = FULL");
}

int il_db_open(struct il_db *db, const char *path, enum il_db_mode mode)
{
	struct stat st;
	bool created = false;

	*db = (struct il_db){.path = il_xstrdup(path)};
	if (stat(path, &st) == 0) {
		if (S_ISDIR(st.st_mode)) {
			il_error("'%s' is a folder, not a database", path);
			goto fail;
		}
	} else if (errno != ENOENT) {
		il_error("cannot open database '%s': %s", path, strerror(errno));
		goto fail;
	} else if (mode == IL_DB_READ) {
		no_database(path);
		goto fail;
	} else if (make_parent_folders(path) < 0 || create_private_file(path, &created) < 0) {
		goto fail;
	}
	if (sqlite3_open_v2(path, &db->handle, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK) {
		il_error("cannot open database '%s': %s", path,
			 db->handle ? sqlite3_errmsg(db->handle) : "out of memory");
		goto fail;
	}
	if (configure(db) < 0 || migrate(db, mode) < 0)
		goto fail;
	return 0;
fail:
	il_db_close(db);
	/* A refused command leaves nothing behind, not even an empty file. */
	if (created)
		unlink(path);
	return -1;
}

void il_db_close(struct il_db *db)
{
	for (int i = 0; i < IL_DB_CACHE_SIZE && db->cache[i].sql; i++)
		sqlite3_finalize(db->cache[i].stmt);
	if (db->handle)
		sqlite3_close_v2(db->handle);
	free(db->path);
	*db = (struct il_db){0};
}

int il_db_exec(struct il_db *db, const char *sql)
{
	char *message = NULL;

	if (sqlite3_exec(db->handle, sql, NULL, NULL, &message) != SQLITE_OK) {
		il_error("database '%s': %s", db->path, message ? message : "failed");
		sqlite3_free(message);
		return -1;
	}
	return 0;
}

sqlite3_stmt *il_db_prepare(struct il_db *db, const char *sql)
{
	sqlite3_stmt *stmt = NULL;

	if (sqlite3_prepare_v2(db->handle, sql, -1, &stmt, NULL) != SQLITE_OK) {
		db_fail(db, NULL);
		return NULL;
	}
	return stmt;
}

sqlite3_stmt *il_db_cached(struct il_db *db, const char *sql)
{
	int i;

	for (i = 0; i < IL_DB_CACHE_SIZE && db->cache[i].sql; i++) {
		if (db->cache[i].sql == sql) {
			sqlite3_reset(db->cache[i].stmt);
			sqlite3_clear_bindings(db->cache[i].stmt);
			return db->cache[i].stmt;
		}
	}
	if (i == IL_DB_CACHE_SIZE) {
		il_error("internal error: statement cache full");
		return NULL;
	}
	if (sqlite3_prepare_v3(db->handle, sql, -1, SQLITE_PREPARE_PERSISTENT, &db->cache[i].stmt,
			       NULL) != SQLITE_OK) {
		db_fail(db, NULL);
		return NULL;
	}
	db->cache[i].sql = sql;
	return db->cache[i].stmt;
}

int il_db_step(struct il_db *db, sqlite3_stmt *stmt)
{
	int rc = sqlite3_step(stmt);

	if (rc == SQLITE_ROW || rc == SQLITE_DONE)
		return rc;
	db_fail(db, NULL);
	return -1;
}

int il_db_run(struct il_db *db, sqlite3_stmt *stmt)
{
	int rc;

	while ((rc = il_db_step(db, stmt)) == SQLITE_ROW)
		;
	sqlite3_reset(stmt);
	return rc == SQLITE_DONE ? 0 : -1;
}

int il_db_begin(struct il_db *db)
{
	return il_db_exec(db, "BEGIN IMMEDIATE");
}

int il_db_read_begin(struct il_db *db, bool wait)
{
	static const char sql[] = "BEGIN; SELECT 1 FROM sqlite_schema LIMIT 1";
	int rc;

	if (wait)
		return il_db_exec(db, sql);
	/* A writer about to commit waits for the readers it found; a new
	 * reader waiting in turn for the writer could wait for as long as the
	 * readers it joins, so it gives up at once instead. */
	sqlite3_busy_timeout(db->handle, 0);
	rc = sqlite3_exec(db->handle, sql, NULL, NULL, NULL);
	sqlite3_busy_timeout(db->handle, BUSY_TIMEOUT_MS);
	if (rc == SQLITE_OK)
		return 0;
	if ((rc & 0xff) != SQLITE_BUSY)
		db_fail(db, NULL);
	il_db_rollback(db);
	return (rc & 0xff) == SQLITE_BUSY ? 1 : -1;
}

int il_db_commit(struct il_db *db)
{
	return il_db_exec(db, "COMMIT");
}

void il_db_rollback(struct il_db *db)
{
	if (db->handle && !sqlite3_get_autocommit(db->handle))
		sqlite3_exec(db->handle, "ROLLBACK", NULL, NULL, NULL);
}

static int bind_result(struct il_db *db, int rc)
{
	if (rc == SQLITE_OK)
		return 0;
	db_fail(db, "bind");
	return -1;
}

int il_bind_text(struct il_db *db, sqlite3_stmt *stmt, int index, const char *text)
{
	if (!text)
		return il_bind_null(db, stmt, index);
	return bind_result(db, sqlite3_bind_text(stmt, index, text, -1, SQLITE_TRANSIENT));
}

int il_bind_double(struct il_db *db, sqlite3_stmt *stmt, int index, double value)
{
	return bind_result(db, sqlite3_bind_double(stmt, index, value));
}

int il_bind_int(struct il_db *db, sqlite3_stmt *stmt, int index, int64_t value)
{
	return bind_result(db, sqlite3_bind_int64(stmt, index, value));
}

int il_bind_null(struct il_db *db, sqlite3_stmt *stmt, int index)
{
	return bind_result(db, sqlite3_bind_null(stmt, index));
}

const char *il_column_text(sqlite3_stmt *stmt, int column)
{
	const unsigned char *text = sqlite3_column_text(stmt, column);

	return text ? (const char *)text : "";
}
