#ifndef IMPACTLOG_CSV_IN_H
#define IMPACTLOG_CSV_IN_H

/*
 * The CSV reader behind `import`: RFC 4180 through libcsv in strict mode,
 * streamed in chunks so that a file of any length never sits in memory.
 *
 * The file must start with a header row naming SPEC's columns (see
 * il_fields) in any order and any case; date, tag and title are required,
 * and an unknown or repeated column is an error.  A UTF-8 byte order mark is
 * skipped; rows end in CRLF or LF, and a CRLF inside a quoted field reads
 * as LF.  Spaces are data: nothing is trimmed.  Every non-empty cell is set
 * through il_achievement_set() (lists split on ';', "\;" and "\\" escaping
 * as il_list_split reads them) and every record checked by
 * il_achievement_check(), so a value means what it means to `add`.  An
 * empty cell is a value not given; an empty date, tag or title is an error.
 * Dates must be YYYY-MM-DD: "today" would make a file mean a different
 * thing each day.
 *
 * A record without a uid gets one derived from its cells, so importing the
 * same uid-less file twice still finds every record already present; the
 * uid bit of a->given tells a uid the file gave from a derived one.
 *
 * Errors name the file and the physical line where the record starts:
 *   impactlog: FILE:LINE: column 'share': '140' is not a percentage from 0 to 100
 * Standard input is named "<stdin>", as compilers name it.
 */

#include "impactlog/achievement.h"
#include "impactlog/progress.h"
#include "impactlog/util.h"

#include <stdbool.h>

/* Longest physical line, and longest field, that a file may hold: more
 * than any record export writes. */
#define IL_CSV_LINE_MAX (2L * 1024 * 1024)
_Static_assert(IL_CSV_LINE_MAX >= IL_RECORD_BYTES_MAX, "import reads every record export writes");

struct il_csv_in;

/* Called once per record that passed every check, in file order; A belongs
 * to the reader and is freed after the call.  Returns 0 to go on, or -1 to
 * stop after printing one line (il_csv_record_error suits). */
typedef int il_csv_record_fn(struct il_csv_in *in, struct il_achievement *a, void *data);

/* Reads PATH, or standard input when PATH is "-", calling RECORD for each
 * record.  TODAY is what il_achievement_set needs.  PROGRESS (or NULL)
 * shows how far the read is, and is cleared at its end.  Returns 0, or -1
 * after exactly one line on stderr: a file that cannot be read, or the
 * first problem in its content. */
int il_csv_read(const char *path, struct il_date today, struct il_progress *progress,
		il_csv_record_fn *record, void *data);

/* For RECORD: the physical line where the current record starts. */
long il_csv_record_line(const struct il_csv_in *in);

/* For RECORD: prints "impactlog: FILE:LINE: MESSAGE" about the current
 * record (clearing the progress line first). */
void il_csv_record_error(struct il_csv_in *in, const char *fmt, ...) IL_PRINTF(2, 3);

#endif
