/*
 * import FILE|- [--dry-run] [--from impactlog|bragfile|jrnl] [--tag TAG]:
 * achievements from CSV or another tool's JSON export, all of them or none.
 *
 * Both readers hand each checked achievement to take(), one loop for every
 * source: the uids met so far, the ones already stored, the bulk insert.
 * The whole file is one transaction, so a failure or a kill part-way leaves
 * the database as it was.  Records whose uid is already stored are left
 * alone, which makes importing the same file twice a no-op.  A missing
 * database is built beside its final path and moved into place only once
 * the import has succeeded: a failed import leaves no database behind.
 */

#include "impactlog/achievement.h"
#include "impactlog/cli.h"
#include "impactlog/csv_in.h"
#include "impactlog/import_json.h"
#include "impactlog/signals.h"
#include "impactlog/uid_set.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

enum { OPT_DRY_RUN = 1, OPT_FROM, OPT_TAG };

static const struct option options[] = {
	{"dry-run", no_argument, NULL, OPT_DRY_RUN},
	{"from", required_argument, NULL, OPT_FROM},
	{"tag", required_argument, NULL, OPT_TAG},
	{0},
};

struct import {
	struct il_ctx *ctx;
	bool dry_run;
	bool opened;	  /* open_database has run (at the first record) */
	struct il_db *db; /* NULL before, and for a dry run into a missing one */
	struct il_db scratch;
	int lock;		/* the creation lock while building scratch, or -1 */
	int signal_slots[2];	/* scratch and its journal, held for signals */
	char *scratch_path;	/* a new database being built, or NULL */
	char *target_path;	/* where the scratch database goes on success */
	char *new_folder;	/* the outermost folder the scratch database made */
	struct il_uid_set seen; /* every uid of the file so far, and its line or entry */
	bool check_present;	/* whether the database held achievements */
	struct il_bulk bulk;	/* the search index is built once, at the end */
	struct il_progress progress;
	long added, present;
};

/* The outermost of the folders above PATH that do not exist yet, or NULL:
 * creating the database makes them, and a failed import removes them. */
static char *outermost_missing_folder(const char *path)
{
	char *folder = il_path_folder(path), *missing = NULL;
	struct stat st;

	while (stat(folder, &st) != 0 && errno == ENOENT) {
		char *parent = il_path_folder(folder);

		free(missing);
		missing = folder;
		folder = parent;
	}
	free(folder);
	return missing;
}

/* Removes the folders a failed import made, innermost first; rmdir() keeps
 * any that something else has put a file in meanwhile. */
static void remove_new_folders(const struct import *im)
{
	char *folder = il_path_folder(im->target_path);

	while (rmdir(folder) == 0 && strcmp(folder, im->new_folder) != 0) {
		char *parent = il_path_folder(folder);

		free(folder);
		folder = parent;
	}
	free(folder);
}

/* A database for a missing one, built beside PATH under the creation lock
 * and linked to PATH at the end; or, when another command created PATH
 * while we waited for the lock, that database.  Takes PATH. */
static int open_new(struct import *im, char *path)
{
	struct il_buf journal = {0};

	im->new_folder = outermost_missing_folder(path);
	if (il_db_lock_creation(path, &im->lock) < 0) {
		free(path);
		return -1;
	}
	if (access(path, F_OK) == 0) {
		il_db_unlock_creation(im->lock);
		im->lock = -1;
		free(path);
		return (im->db = il_ctx_db(im->ctx)) ? 0 : -1;
	}
	im->target_path = path;
	/* Ctrl-C removes the scratch database at once, from before it exists;
	 * after kill -9 the next command that opens the database does. */
	im->scratch_path = il_db_scratch_path(path);
	il_buf_printf(&journal, "%s-journal", im->scratch_path);
	im->signal_slots[0] = il_remove_on_signal(im->scratch_path);
	im->signal_slots[1] = il_remove_on_signal(journal.data);
	il_buf_free(&journal);
	if (il_db_create_scratch(&im->scratch, path, im->lock) < 0)
		return -1;
	im->db = &im->scratch;
	return 0;
}

/* A dry run into a missing database needs none: nothing is stored, and the
 * uids of the file are kept in memory. */
static int open_database(struct import *im)
{
	char *path = il_db_resolve_path(im->ctx->db_option);
	struct stat st;
	int any;

	im->opened = true;
	if (!path)
		return -1;
	if (stat(path, &st) != 0 && errno == ENOENT) {
		if (im->dry_run) {
			free(path);
			return 0;
		}
		if (open_new(im, path) < 0)
			return -1;
	} else {
		free(path);
		if (im->dry_run)
			il_ctx_use_db(im->ctx, IL_READS_DB);
		if (!(im->db = il_ctx_db(im->ctx)))
			return -1;
	}
	/* A dry run only reads, so it also works on a database it may not
	 * write. */
	if ((im->dry_run ? il_db_exec(im->db, "BEGIN") : il_db_begin(im->db)) < 0 ||
	    (any = il_achievement_any_stored(im->db)) < 0)
		return -1;
	/* In an empty database, as a new one is, no record can be present:
	 * looking up each uid would be wasted. */
	im->check_present = any;
	return im->dry_run ? 0 : il_achievement_bulk_begin(im->db, &im->bulk, !any);
}

/* The one loop behind every source: A, the record or entry at WHERE (a
 * line or an entry number), is stored unless its uid is.  Returns 0, -1
 * after a message, or 1 when the file gave A's uid before, at *FIRST. */
static int take(struct import *im, struct il_achievement *a, long where, long *first)
{
	int present = 0;

	if (!im->opened && open_database(im) < 0)
		return -1;
	if ((*first = il_uid_set_remember(&im->seen, a->uid, where)) < 0)
		return -1;
	if (*first != where)
		return 1;
	if (im->check_present && (present = il_achievement_uid_exists(im->db, a->uid)) < 0)
		return -1;
	if (present) {
		im->present++;
		return 0;
	}
	/* A record that passed il_achievement_check is one the schema takes:
	 * a dry run need not store it to know. */
	if (!im->dry_run && il_achievement_bulk_insert(im->db, &im->bulk, a) < 0)
		return -1;
	im->added++;
	return 0;
}

static int import_record(struct il_csv_in *in, struct il_achievement *a, void *data)
{
	long first;
	int rc = take(data, a, il_csv_record_line(in), &first);

	if (rc <= 0)
		return rc;
	if (a->given & (1u << IL_FIELD_UID))
		il_csv_record_error(in, "column 'uid': '%s' is already used on line %ld", a->uid,
				    first);
	else
		il_csv_record_error(in,
				    "same cells as the record on line %ld (give each a "
				    "uid to keep both)",
				    first);
	return -1;
}

static int import_entry(struct il_json_in *in, struct il_achievement *a, void *data)
{
	long first;
	int rc = take(data, a, il_json_entry_number(in), &first);

	if (rc <= 0)
		return rc;
	il_json_entry_duplicate(in, first);
	return -1;
}

/* Moves the scratch database onto the missing one; link() rather than
 * rename() so that a database another command created meanwhile is never
 * replaced. */
static int place_database(struct import *im)
{
	il_db_close(&im->scratch);
	im->db = NULL;
	if (link(im->scratch_path, im->target_path) != 0) {
		if (errno == EEXIST)
			il_error("database '%s' was created by another program during the "
				 "import; nothing imported (run the import again)",
				 im->target_path);
		else
			il_error("cannot create database '%s': %s", im->target_path,
				 strerror(errno));
		return -1;
	}
	il_sync_folder(im->target_path);
	return 0;
}

static int finish(struct import *im)
{
	/* A file of no records still makes a database, as any write does. */
	if (!im->opened && !im->dry_run && open_database(im) < 0)
		return -1;
	if (im->db && im->dry_run) {
		il_db_rollback(im->db);
	} else if (im->db) {
		/* The indexes and the commit take a third of a large import. */
		il_progress_step(&im->progress, "importing: indexing %ld achievements", im->added);
		if (il_achievement_bulk_end(im->db, &im->bulk) < 0 || il_db_commit(im->db) < 0)
			return -1;
		il_progress_clear(&im->progress);
	}
	if (im->target_path && place_database(im) < 0)
		return -1;
	im->ctx->saved = !im->dry_run;
	printf("%s %ld achievement%s (%ld already present)\n",
	       im->dry_run ? "would import" : "imported", im->added, im->added == 1 ? "" : "s",
	       im->present);
	return 0;
}

static void cleanup(struct import *im, bool failed)
{
	il_achievement_bulk_free(&im->bulk);
	if (im->db)
		il_db_rollback(im->db);
	il_db_close(&im->scratch);
	if (im->scratch_path)
		unlink(im->scratch_path);
	il_unhold_on_signal(im->signal_slots[0]);
	il_unhold_on_signal(im->signal_slots[1]);
	il_db_unlock_creation(im->lock);
	if (failed && im->new_folder)
		remove_new_folders(im);
	free(im->scratch_path);
	free(im->target_path);
	free(im->new_folder);
	il_uid_set_free(&im->seen);
}

static int parse(struct il_ctx *ctx, int argc, char **argv, struct import *im,
		 enum il_import_from *from, enum il_tag *tag)
{
	int opt;

	while ((opt = il_getopt(ctx, argc, argv, options)) != -1) {
		if (opt == '?')
			return IL_CMD_USAGE;
		if (opt == OPT_DRY_RUN) {
			im->dry_run = true;
		} else if (opt == OPT_FROM) {
			if (il_import_from_parse(optarg, from) < 0)
				return il_usage_error("--from: '%s' is not a tool import reads "
						      "(impactlog, bragfile or jrnl)",
						      optarg);
		} else if ((*tag = il_tag_parse(optarg)) == IL_TAG_NONE) {
			return il_usage_error("--tag: '%s' is not a tag (prevented-loss, "
					      "enabled-scale or user-growth)",
					      optarg);
		}
	}
	if (optind == argc)
		return il_usage_hint(ctx);
	if (optind + 1 < argc)
		return il_usage_error(
			"import: unexpected argument '%s' (see 'impactlog help import')",
			argv[optind + 1]);
	/* A CSV record names its own tag: a default for rows without one
	 * would turn a forgotten cell into a wrong tag. */
	if (*tag != IL_TAG_NONE && *from == IL_FROM_IMPACTLOG)
		return il_usage_error("--tag: applies to --from bragfile or jrnl; in CSV, each "
				      "record has a tag column");
	return IL_CMD_OK;
}

int cmd_import(struct il_ctx *ctx, int argc, char **argv)
{
	struct import im = {.ctx = ctx, .lock = -1, .signal_slots = {-1, -1}};
	enum il_import_from from = IL_FROM_IMPACTLOG;
	enum il_tag tag = IL_TAG_NONE;
	const char *path;
	int rc;

	if ((rc = parse(ctx, argc, argv, &im, &from, &tag)) != IL_CMD_OK)
		return rc;
	path = argv[optind];
	il_progress_start(&im.progress, isatty(STDERR_FILENO));
	if (from == IL_FROM_IMPACTLOG)
		rc = il_csv_read(path, ctx->today, &im.progress, import_record, &im);
	else
		rc = il_json_import_read(path, from, tag, ctx->today, &im.progress, import_entry,
					 &im);
	if (rc == 0)
		rc = finish(&im);
	cleanup(&im, rc < 0);
	return rc < 0 ? IL_CMD_ERROR : IL_CMD_OK;
}
