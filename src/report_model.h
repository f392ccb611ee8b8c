#ifndef IMPACTLOG_REPORT_MODEL_H
#define IMPACTLOG_REPORT_MODEL_H

/* The report model's own interface between its files: report.c builds
 * the sections, report_job.c builds them in two threads, report_words.c
 * words them. */

#include "impactlog/report.h"

/* Fills the PARTS (enum il_report_part) of REPORT from the selection DB
 * already has.  Returns 0, or -1 after one message; REPORT then holds
 * what was built so far, for il_report_free. */
int il_report_build_parts(struct il_db *db, const struct il_filter *filter, long long now,
			  unsigned parts, struct il_report *report);

/* il_report_build in two threads (report_job.c says why).
 * il_report_start begins a read transaction on DB, selects the period
 * into its views (for the caller's own reads too) and builds PARTS of the
 * report in a second thread, on a connection of its own that reads the
 * same state of the database.
 * il_report_finish builds the other parts on DB, waits for the thread and
 * fills REPORT; it frees JOB.  Where no second connection can read the same
 * state (a database in WAL mode, a writer about to commit), il_report_finish
 * builds it all.  DB's transaction is the caller's to end.  Both return 0,
 * or -1 after one message: the second thread's, held, is printed by
 * il_report_finish unless this one failed too. */
enum il_report_part {
	IL_REPORT_GROUPS = 1 << 0, /* By org and By project */
	IL_REPORT_REST = 1 << 1,
	IL_REPORT_WHOLE = IL_REPORT_GROUPS | IL_REPORT_REST,
};
struct il_report_job;
int il_report_start(struct il_db *db, const struct il_filter *filter, bool redact, long long now,
		    unsigned parts, struct il_report_job **job);
int il_report_finish(struct il_report_job *job, struct il_db *db, struct il_report *report);
/* For a caller that failed meanwhile: waits for the thread and frees JOB,
 * saying nothing of it. */
void il_report_abandon(struct il_report_job *job);

/* The whole report of OPTIONS, By org and By project (half the time)
 * built in a second thread beside the rest: what text and Markdown need
 * before they write a line.  Returns 0, or -1 after one message. */
int il_report_build_groups_beside(struct il_db *db, const struct il_report_options *options,
				  struct il_report *report);

/* The scope line: "tag prevented-loss, org 'Payments'", or "".  With
 * REDACT the search text is left out: it is often a person's name. */
char *il_report_scope(const struct il_filter *filter, bool redact);

/* A top achievement's quantified sentence, for its sentence field. */
char *il_report_item_sentence(const struct il_report_item *item);

#endif
