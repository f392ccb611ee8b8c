/* Opening, migrating and talking to the SQLite database. */

#include "impactlog/db.h"

#include "impactlog/embed.h"
#include "impactlog/parse.h"
#include "impactlog/util.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

/* A writer waits this long for another writer before giving up, unless
 * IMPACTLOG_BUSY_TIMEOUT says otherwise (milliseconds; see the man page). */
#define BUSY_TIMEOUT_MS 10000

/* What an import builds a new database in: PATH.import-PID. */
#define SCRATCH_SUFFIX ".import-"

static int busy_timeout_ms(void)
{
	const char *text = getenv("IMPACTLOG_BUSY_TIMEOUT");
	long long ms;

	if (text && !il_parse_count(text, 0, 3600 * 1000, &ms))
		return (int)ms;
	return BUSY_TIMEOUT_MS;
}

static void busy(const char *path)
{
	il_error("database '%s' is busy (another impactlog command is writing); try again", path);
}

void il_db_error(struct il_db *db, int rc, const char *what)
{
	const char *message = db->handle && sqlite3_errcode(db->handle) == (rc & 0xff)
				      ? sqlite3_errmsg(db->handle)
				      : sqlite3_errstr(rc);

	if ((rc & 0xff) == SQLITE_BUSY)
		busy(db->path);
	else if (what)
		il_error("database '%s': %s: %s", db->path, what, message);
	else
		il_error("database '%s': %s", db->path, message);
}

static void db_fail(struct il_db *db, const char *what)
{
	il_db_error(db, sqlite3_extended_errcode(db->handle), what);
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

	if ((rc = sqlite3_prepare_v2(db->handle, "PRAGMA user_version", -1, &stmt, NULL)) !=
		    SQLITE_OK ||
	    (rc = sqlite3_step(stmt)) != SQLITE_ROW) {
		/* Locked is not damaged: say which it is. */
		if ((rc & 0xff) == SQLITE_BUSY)
			busy(db->path);
		else
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

		int rc = sqlite3_exec(db->handle, il_schema[i].text, NULL, NULL, &message);

		if (rc != SQLITE_OK) {
			if ((rc & 0xff) == SQLITE_BUSY)
				busy(db->path);
			else
				il_error("database '%s': schema %s: %s", db->path,
					 il_schema[i].name, message ? message : "failed");
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

	sqlite3_busy_timeout(db->handle, db->busy_ms);
	sqlite3_extended_result_codes(db->handle, 1);
	/* The first read tells a database from any other file. */
	if (read_user_version(db, &version) < 0)
		return -1;
	/* synchronous=FULL: a command that printed success has its data on
	 * disk.  The rollback journal (SQLite's default) is kept: for a
	 * one-shot process WAL buys nothing and leaves two more files. */
	return il_db_exec(db, "PRAGMA foreign_keys = ON; PRAGMA synchronous = FULL");
}

const char *il_db_orphan_journal(const char *path)
{
	static const char *const suffixes[] = {"-journal", "-wal"};
	const char *found = NULL;
	struct stat st;

	for (size_t i = 0; i < IL_ARRAY_LEN(suffixes) && !found; i++) {
		struct il_buf name = {0};

		il_buf_printf(&name, "%s%s", path, suffixes[i]);
		if (lstat(name.data, &st) == 0)
			found = suffixes[i];
		il_buf_free(&name);
	}
	return found;
}

static void sleep_ms(long ms)
{
	struct timespec pause = {ms / 1000, (ms % 1000) * 1000000L};

	nanosleep(&pause, NULL);
}

int il_db_lock_creation(const char *path, int *lock)
{
	char *folder;
	int waited = 0, limit = busy_timeout_ms();

	*lock = -1;
	if (make_parent_folders(path) < 0)
		return -1;
	folder = il_path_folder(path);
	*lock = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (*lock < 0) {
		il_error("cannot create database '%s': %s", path, strerror(errno));
		free(folder);
		return -1;
	}
	free(folder);
	while (flock(*lock, LOCK_EX | LOCK_NB) != 0) {
		if (errno != EWOULDBLOCK || waited >= limit) {
			if (errno == EWOULDBLOCK)
				busy(path);
			else
				il_error("cannot create database '%s': %s", path, strerror(errno));
			il_db_unlock_creation(*lock);
			*lock = -1;
			return -1;
		}
		sleep_ms(10);
		waited += 10;
	}
	return 0;
}

void il_db_unlock_creation(int lock)
{
	if (lock >= 0)
		close(lock); /* and with it the lock */
}

char *il_db_scratch_path(const char *path)
{
	struct il_buf scratch = {0};

	il_buf_printf(&scratch, "%s" SCRATCH_SUFFIX "%ld", path, (long)getpid());
	return scratch.data;
}

/* Removes PATH.import-* (scratch databases and their journals) from
 * PATH's folder.  The caller holds the folder's creation lock, under
 * which alone an import keeps a scratch database: any it finds is one
 * that a killed import left. */
static void remove_scratch(int folder, const char *path)
{
	const char *base = il_path_base(path);
	size_t len = strlen(base);
	DIR *dir;
	struct dirent *entry;
	int fd = dup(folder);

	if (fd < 0 || !(dir = fdopendir(fd))) {
		if (fd >= 0)
			close(fd);
		return;
	}
	while ((entry = readdir(dir)))
		if (strncmp(entry->d_name, base, len) == 0 &&
		    strncmp(entry->d_name + len, SCRATCH_SUFFIX, strlen(SCRATCH_SUFFIX)) == 0)
			unlinkat(dirfd(dir), entry->d_name, 0);
	closedir(dir);
}

void il_db_sweep(const char *path, int lock)
{
	char *folder;
	int fd = lock;

	if (fd < 0) {
		folder = il_path_folder(path);
		fd = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
		free(folder);
		/* Busy: an import is building, and its scratch is not stale. */
		if (fd < 0 || flock(fd, LOCK_EX | LOCK_NB) != 0) {
			if (fd >= 0)
				close(fd);
			return;
		}
	}
	remove_scratch(fd, path);
	if (fd != lock)
		close(fd);
}

/* Refuses to create a database at PATH beside a journal that SQLite would
 * roll into it. */
static int check_no_journal(const char *path)
{
	const char *journal = il_db_orphan_journal(path);

	if (!journal)
		return 0;
	il_error("database '%s' is missing but its journal '%s%s' is still there; move the "
		 "journal away (or restore the database) before creating a new one",
		 path, path, journal);
	return -1;
}

/* Opens the file at DB->path, which exists; CREATED says this command
 * made it (empty), and removes it again on failure. */
static int open_file(struct il_db *db, enum il_db_mode mode, bool created)
{
	if (sqlite3_open_v2(db->path, &db->handle, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK) {
		il_error("cannot open database '%s': %s", db->path,
			 db->handle ? sqlite3_errmsg(db->handle) : "out of memory");
		goto fail;
	}
	if (configure(db) < 0 || migrate(db, mode) < 0)
		goto fail;
	return 0;
fail:
	/* A refused command leaves nothing behind, not even an empty file. */
	if (created)
		unlink(db->path);
	il_db_close(db);
	return -1;
}

int il_db_open(struct il_db *db, const char *path, enum il_db_mode mode)
{
	struct stat st;
	bool created = false;
	int lock = -1, rc;

	*db = (struct il_db){.path = il_xstrdup(path), .busy_ms = busy_timeout_ms()};
	if (stat(path, &st) == 0) {
		if (S_ISDIR(st.st_mode)) {
			il_error("'%s' is a folder, not a database", path);
			goto fail;
		}
	} else if (errno != ENOENT) {
		il_error("cannot open database '%s': %s", path, strerror(errno));
		goto fail;
	} else if (mode == IL_DB_READ) {
		il_db_sweep(path, -1);
		no_database(path);
		goto fail;
	} else if (il_db_lock_creation(path, &lock) < 0 ||
		   /* Another command may have made it while we waited. */
		   (access(path, F_OK) != 0 && check_no_journal(path) < 0) ||
		   create_private_file(path, &created) < 0) {
		goto fail;
	}
	/* What a killed import left goes, whoever opens the database next. */
	il_db_sweep(path, lock);
	rc = open_file(db, mode, created);
	il_db_unlock_creation(lock);
	return rc;
fail:
	if (created)
		unlink(path);
	il_db_close(db);
	il_db_unlock_creation(lock);
	return -1;
}

int il_db_create_scratch(struct il_db *db, const char *path, int lock)
{
	bool created = false;

	*db = (struct il_db){.path = il_db_scratch_path(path), .busy_ms = busy_timeout_ms()};
	il_db_sweep(path, lock);
	if (check_no_journal(path) < 0 || create_private_file(db->path, &created) < 0) {
		il_db_close(db);
		return -1;
	}
	return open_file(db, IL_DB_WRITE, created);
}

int il_db_open_memory(struct il_db *db, const char *name)
{
	*db = (struct il_db){.path = il_xstrdup(name), .busy_ms = busy_timeout_ms()};
	if (sqlite3_open_v2(":memory:", &db->handle, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE,
			    NULL) != SQLITE_OK) {
		il_error("cannot open an in-memory database: %s",
			 db->handle ? sqlite3_errmsg(db->handle) : "out of memory");
		il_db_close(db);
		return -1;
	}
	sqlite3_extended_result_codes(db->handle, 1);
	return 0;
}

int il_db_open_private(struct il_db *db, const char *name)
{
	*db = (struct il_db){.path = il_xstrdup(name), .busy_ms = busy_timeout_ms()};
	/* "" is a temporary database on disk, removed when closed: it spills
	 * to a file past its cache, so memory stays flat however much it holds. */
	if (sqlite3_open_v2("", &db->handle, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL) !=
	    SQLITE_OK) {
		il_error("cannot open a temporary database: %s",
			 db->handle ? sqlite3_errmsg(db->handle) : "out of memory");
		il_db_close(db);
		return -1;
	}
	sqlite3_extended_result_codes(db->handle, 1);
	/* Nobody else sees it and nothing of it outlives the process. */
	if (il_db_exec(db, "PRAGMA foreign_keys = ON; PRAGMA synchronous = OFF; "
			   "PRAGMA journal_mode = OFF") < 0 ||
	    migrate(db, IL_DB_WRITE) < 0) {
		il_db_close(db);
		return -1;
	}
	return 0;
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
	int rc = sqlite3_exec(db->handle, sql, NULL, NULL, &message);

	if (rc != SQLITE_OK) {
		if ((rc & 0xff) == SQLITE_BUSY)
			busy(db->path);
		else
			il_error("database '%s': %s", db->path, message ? message : "failed");
		sqlite3_free(message);
		return -1;
	}
	return 0;
}

/* SQL is NULL when il_report_sql knew no such query: a slip of ours,
 * told in one line rather than passed to SQLite. */
static bool have_sql(const char *sql)
{
	if (!sql)
		il_error("internal error: no such report query");
	return sql != NULL;
}

sqlite3_stmt *il_db_prepare(struct il_db *db, const char *sql)
{
	sqlite3_stmt *stmt = NULL;

	if (!have_sql(sql))
		return NULL;
	if (sqlite3_prepare_v2(db->handle, sql, -1, &stmt, NULL) != SQLITE_OK) {
		db_fail(db, NULL);
		return NULL;
	}
	return stmt;
}

sqlite3_stmt *il_db_cached(struct il_db *db, const char *sql)
{
	int i;

	if (!have_sql(sql))
		return NULL;
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
	sqlite3_busy_timeout(db->handle, db->busy_ms);
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
