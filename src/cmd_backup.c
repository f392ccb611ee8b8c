/* backup FILE [--force]: a consistent copy of a live database, through
 * SQLite's online backup API, that appears whole or not at all. */

#include "impactlog/cli.h"
#include "impactlog/output.h"

enum { OPT_FORCE = 1 };

/* Copies DB into the empty file at PATH. */
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
	/* The copy is a temporary file until it is complete: a journal of its
	 * own would be one more file to leave behind, and protect nothing. */
	if (sqlite3_exec(dest, "PRAGMA journal_mode = OFF", NULL, NULL, NULL) != SQLITE_OK ||
	    !(backup = sqlite3_backup_init(dest, "main", db->handle, "main"))) {
		il_error("cannot back up '%s': %s", db->path, sqlite3_errmsg(dest));
		sqlite3_close(dest);
		return -1;
	}
	/* The whole database in one step: a reader's snapshot, so the copy is
	 * consistent even while another process writes. */
	rc = sqlite3_backup_step(backup, -1);
	sqlite3_backup_finish(backup);
	if (rc != SQLITE_DONE) {
		il_db_error(db, rc, "backup");
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
	unsigned flags =
		IL_OUTPUT_NO_CLOBBER | IL_OUTPUT_PRIVATE | IL_OUTPUT_BINARY | IL_OUTPUT_REAL_NAME;
	struct il_output out;
	enum il_output_kind kind;
	const char *journal;
	int opt, rc;

	while ((opt = il_getopt(ctx, argc, argv, options)) != -1) {
		if (opt == '?')
			return IL_CMD_USAGE;
		flags &= ~(unsigned)IL_OUTPUT_NO_CLOBBER;
	}
	if (argc - optind != 1)
		return il_usage_hint(ctx);
	if ((rc = il_ctx_output(ctx, &out, argv[optind], flags)) != IL_CMD_OK)
		return rc;
	/* SQLite would roll a journal left beside the target into the copy
	 * the first time it is opened. */
	kind = out.kind;
	if (kind == IL_OUTPUT_FILE && (journal = il_db_orphan_journal(out.target))) {
		il_error("backup: '%s%s' lies beside '%s' and would be rolled into the copy; move "
			 "it away first",
			 out.target, journal, out.target);
		il_output_abort(&out);
		return IL_CMD_ERROR;
	}
	if (copy_database(&ctx->db, out.name) < 0) {
		il_output_abort(&out);
		return IL_CMD_ERROR;
	}
	if (il_output_commit(&out) < 0)
		return IL_CMD_ERROR;
	ctx->saved = true;
	if (kind != IL_OUTPUT_STDOUT)
		printf("backed up %s to %s\n", ctx->db.path, argv[optind]);
	return IL_CMD_OK;
}
