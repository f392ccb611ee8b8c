/* The report job: il_report_build in two threads.  It owns the second
 * connection and its read transaction, the thread that builds on it, the
 * message that thread holds until il_report_finish, and the joining of
 * the parts each thread built.
 *
 * Why two threads: parts of a report need nothing of each other.  By org
 * and By project take half of a text report's time at every size, so
 * they are built beside the rest (100k achievements: 0.52 s -> 0.39 s).
 * The workbook's Achievements sheet needs no model, so the whole model is
 * built beside the sheet while it reads and writes its rows (3.91 s ->
 * 3.42 s).  The two connections hold the read lock together, so both
 * read one state of the database; where they cannot, one thread builds
 * it all. */

#include "impactlog/report.h"

#include "report_model.h"

#include <stdlib.h>
#include <string.h>
#include <threads.h>

struct il_report_job {
	struct il_db db; /* the second connection; closed when there is none */
	struct il_filter filter;
	bool redact;
	long long now;
	unsigned parts; /* what the second thread builds */
	thrd_t thread;
	struct il_report report; /* its parts */
	int rc;
	struct il_buf message; /* why it failed, held for il_report_finish */
};

static int build_job(void *data)
{
	struct il_report_job *job = data;

	il_error_hold(&job->message);
	job->rc = il_report_select(&job->db, &job->filter);
	if (job->rc == 0)
		job->rc = il_report_build_parts(&job->db, &job->filter, job->now, job->parts,
						&job->report);
	il_error_hold(NULL);
	return 0;
}

/* Whether DB is in WAL mode, where readers do not hold writers off: two
 * connections could then read two states of the database. */
static int is_wal(struct il_db *db)
{
	sqlite3_stmt *stmt = il_db_prepare(db, "PRAGMA journal_mode");
	int wal = -1;

	if (stmt && il_db_step(db, stmt) == SQLITE_ROW)
		wal = strcmp(il_column_text(stmt, 0), "wal") == 0;
	sqlite3_finalize(stmt);
	return wal;
}

/* Opens the job's connection and takes its read lock while DB holds its
 * own, so that both read the same state: no writer can commit while a
 * reader holds the lock.  Returns 1 when the job cannot have that (a
 * writer was about to commit; WAL mode), with DB's read transaction
 * begun either way. */
static int open_beside(struct il_db *db, struct il_report_job *job)
{
	int wal = is_wal(db), rc;

	if (wal)
		return wal < 0 ? -1 : il_db_read_begin(db, true) < 0 ? -1 : 1;
	/* Opened before DB takes its lock: opening reads the database, and
	 * could otherwise wait on a writer that waits on DB. */
	if (il_db_open(&job->db, db->path, IL_DB_READ) < 0)
		return -1;
	if (il_db_read_begin(db, true) < 0 || (rc = il_db_read_begin(&job->db, false)) < 0)
		return -1;
	return rc;
}

int il_report_start(struct il_db *db, const struct il_filter *filter, bool redact, long long now,
		    unsigned parts, struct il_report_job **out)
{
	struct il_report_job *job = il_xmalloc(sizeof(*job));
	int rc;

	*job = (struct il_report_job){.filter = *filter,
				      .redact = redact,
				      .now = now,
				      .parts = parts,
				      .report = {.redact = redact}};
	*out = NULL;
	rc = open_beside(db, job);
	/* The caller's selection first: a filter that fails (a search the
	 * index cannot parse) then fails once, here, before the job runs it. */
	if (rc >= 0 && il_report_select(db, filter) < 0)
		rc = -1;
	if (rc == 0 && thrd_create(&job->thread, build_job, job) == thrd_success) {
		*out = job;
		return 0;
	}
	il_db_close(&job->db);
	if (rc < 0) {
		free(job);
		return -1;
	}
	/* No second thread: il_report_finish builds it all. */
	job->parts = 0;
	*out = job;
	return 0;
}

/* Moves the parts the job built into R. */
static void take_parts(struct il_report_job *job, struct il_report *r)
{
	struct il_report_breadth *from = &job->report.breadth, *to = &r->breadth;

	if (job->parts == IL_REPORT_WHOLE) {
		*r = job->report;
	} else if (job->parts == IL_REPORT_GROUPS) {
		to->distinct_orgs = from->distinct_orgs;
		to->orgs = from->orgs;
		to->orgs_len = from->orgs_len;
		to->projects = from->projects;
		to->projects_len = from->projects_len;
	} else {
		return;
	}
	job->report = (struct il_report){0};
}

/* Waits for the second thread, if there is one. */
static void join_job(struct il_report_job *job)
{
	if (job->db.handle) {
		thrd_join(job->thread, NULL);
		il_db_close(&job->db);
	}
}

static void free_job(struct il_report_job *job)
{
	il_report_free(&job->report);
	il_buf_free(&job->message);
	free(job);
}

int il_report_finish(struct il_report_job *job, struct il_db *db, struct il_report *report)
{
	int rc;

	*report = (struct il_report){.redact = job->redact};
	rc = il_report_build_parts(db, &job->filter, job->now, IL_REPORT_WHOLE & ~job->parts,
				   report);
	join_job(job);
	/* A failure both threads met (a damaged page) is told once. */
	if (job->rc < 0 && rc == 0)
		il_error("%s", il_buf_str(&job->message));
	if (job->rc < 0)
		rc = -1;
	else
		take_parts(job, report);
	if (rc < 0)
		il_report_free(report);
	free_job(job);
	return rc;
}

void il_report_abandon(struct il_report_job *job)
{
	join_job(job);
	free_job(job);
}

int il_report_build_groups_beside(struct il_db *db, const struct il_report_options *options,
				  struct il_report *report)
{
	struct il_report_job *job;

	if (il_report_start(db, options->filter, options->redact, options->now, IL_REPORT_GROUPS,
			    &job) < 0)
		return -1;
	return il_report_finish(job, db, report);
}
