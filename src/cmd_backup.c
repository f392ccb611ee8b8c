/* backup FILE [--force]: a consistent copy of a live database, through
 * SQLite's online backup API, that appears whole or not at all. */

#include "impactlog/atomic.h"
#include "impactlog/cli.h"

#include <errno.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

enum { OPT_FORCE = 1 };

/* Copies DB into the file at PATH (already created, empty). */
static int copy_database(struct il_db *db, const char *path)
{
	sqlite3 *dest = NULL;
	sqlite3_backup *backup;
	int rc;

	if (sqlite3_open_v2(path, &dest, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK) {
		il_error("cannot write backup: %s", dest ? sqlite3_errmsg(dest) : "out of memory");
		sqlite3_close(dest);
		return -1;
	}
	if (!(backup = sqlite3_backup_init(dest, "main", db->handle, "main"))) {
		il_error("cannot back up '%s': %s", db->path, sqlite3_errmsg(dest));
		sqlite3_close(dest);
		return -1;
	}
	/* The whole database in one step: a reader's snapshot, so the copy is
	 * consistent even while another process writes. */
	rc = sqlite3_backup_step(backup, -1);
	sqlite3_backup_finish(backup);
	if (rc != SQLITE_DONE) {
		il_error("cannot back up '%s': %s", db->path, sqlite3_errstr(rc));
		sqlite3_close(dest);
		return -1;
	}
	if (sqlite3_close(dest) != SQLITE_OK) {
		il_error("cannot write backup: %s", sqlite3_errmsg(dest));
		return -1;
	}
	return 0;
}

int cmd_backup(struct il_ctx *ctx, int argc, char **argv)
{
	static const struct option options[] = {{"force", no_argument, NULL, OPT_FORCE}, {0}};
	struct il_atomic_file file;
	struct il_db *db;
	struct stat st;
	bool force = false;
	int opt;

	while ((opt = il_getopt(ctx, argc, argv, options)) != -1) {
		if (opt == '?')
			return IL_CMD_USAGE;
		force = true;
	}
	if (argc - optind != 1)
		return il_usage_hint(ctx);
	if (!force && stat(argv[optind], &st) == 0) {
		il_error("'%s' already exists (use --force to replace it)", argv[optind]);
		return IL_CMD_ERROR;
	}
	if (!(db = il_ctx_db(ctx)) || il_atomic_open(&file, argv[optind]) < 0)
		return IL_CMD_ERROR;
	il_atomic_release_stream(&file);
	/* A copy of a private career log stays private. */
	if (chmod(file.tmp_path, 0600) != 0 || copy_database(db, file.tmp_path) < 0) {
		il_atomic_abort(&file);
		return IL_CMD_ERROR;
	}
	if (il_atomic_commit(&file, !force) < 0)
		return IL_CMD_ERROR;
	printf("backed up %s to %s\n", db->path, argv[optind]);
	return IL_CMD_OK;
}
